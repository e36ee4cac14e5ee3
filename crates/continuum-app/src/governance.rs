//! Governance (issue 7): the steering groups, their meetings, minutes,
//! decisions and actions, the inventory of local projects with the central
//! group's prior authorisation, the governance view and the reminders.
//! The rules are `continuum_domain::governance`'s.
//!
//! Who (policy actions `ViewGovernance`, `ManageGovernance`,
//! `DecideProjectAuthorisation`; the scope refined here, in [`access`]):
//! - **Coordinators** (all sites) see and manage every group, and decide
//!   authorisations.
//! - **Directors** see and manage the groups of their prison (its local
//!   group and any further group there), never the central group.
//! - **Steering members** see and manage the groups they sit on: a current
//!   membership linked to their account is the policy's `GroupMember`
//!   relationship. Members of the central group also see every group (the
//!   central group oversees them all: issue 7, item 5) and decide
//!   authorisations, as members of the deciding group; they manage only
//!   their own groups.
//! - Creating a group is not opened by membership: it takes the role at
//!   the group's prison (a director there, a coordinator), or a programme-
//!   wide role for the central group.
//!
//! Every read is audited (kind `governance_*`, purpose administration);
//! every change in its transaction. Nothing clinical is stored: the
//! domain refuses text that identifies a person.

mod access;
pub mod actions;
pub mod groups;
pub mod mail;
pub mod meetings;
pub mod overview;
pub mod projects;
pub mod reminders;

pub use continuum_store::governance::actions::{ActionHistoryRow, ActionRow};
pub use continuum_store::governance::groups::{GroupRow, MemberRow};
pub use continuum_store::governance::meetings::{AttendanceRow, DecisionRow, DocumentRow, MeetingRow, MinutesRow};
pub use continuum_store::governance::projects::{EventRow, ProjectRow};

use continuum_domain::governance::group::Thresholds;
use continuum_domain::governance::meeting::{belgian_time, day_of};
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::app::App;

/// The governance settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GovernanceConfig {
    /// The thresholds a new group takes unless others are given.
    pub thresholds: Thresholds,
    /// A request for authorisation waiting longer than this many days
    /// needs attention.
    pub decision_wait_days: u32,
    /// Meetings this many days ahead are "upcoming" in reminders.
    pub upcoming_days: u32,
    /// Actions due within this many days are reminded.
    pub due_soon_days: u32,
}

impl Default for GovernanceConfig {
    fn default() -> Self {
        GovernanceConfig {
            thresholds: Thresholds::DEFAULT,
            decision_wait_days: 90,
            upcoming_days: 14,
            due_soon_days: 7,
        }
    }
}

impl App {
    /// Asks, before an adapter reads any input, whether the actor may do
    /// `action` on some group (by role, or through a group they sit on);
    /// the use case then checks the group itself. A refusal is audited.
    pub async fn permit_governance_action(
        &self,
        actor: &crate::Actor,
        action: continuum_domain::policy::Action,
        event: &str,
    ) -> crate::AppResult<()> {
        self.permit_governance(actor, action, event).await.map(|_| ())
    }

    /// The clock meetings are planned on: Belgian time.
    pub fn governance_zone(&self) -> TimeZone {
        belgian_time()
    }

    /// Today on the Belgian clock.
    pub fn governance_today(&self) -> Date {
        day_of(self.now(), &self.governance_zone())
    }
}

/// A stored day (`YYYY-MM-DD`).
pub(crate) fn stored_day(text: &str) -> Option<Date> {
    text.get(..10).and_then(|d| d.parse().ok())
}

/// A stored UTC instant.
pub(crate) fn stored_instant(text: &str) -> Option<jiff::Timestamp> {
    text.parse().ok()
}
