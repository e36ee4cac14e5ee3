//! Release planning and the follow-up after release (issue 5, items 6 to
//! 8): when a pathway moves to release planning, the checklist of a release
//! plan, what a release records, the follow-up contacts at 7 and 30 days,
//! how a follow-up closes, and who may be responsible for a pathway.
//!
//! Rules written down (DOMAIN.md names the facts, not these details):
//! - **Release planning is due** when the expected release is at most
//!   [`PLANNING_WINDOW_DAYS`] days away (a date already past included: the
//!   person is still inside and may leave any day), for a pathway at
//!   `intake` or `in care` ([`step_for_expected_release`]); a team can also
//!   start it at once when release is announced. A later date does not undo
//!   it: the plan stays.
//! - **The checklist** ([`ReleaseChecklist`]) has seven items: outside
//!   service chosen, first appointment (date and place), bridging OAT
//!   prescription (or not on OAT), naloxone (handed over, or offered and
//!   declined, or no opioid use), housing, health insurance, and contact
//!   after release (agrees, with how; or declines). An item is done once it
//!   is answered; what the answer is stays recorded for the indicators (a
//!   declined naloxone is offered, not handed over).
//! - **A plan is made** when its checklist is first saved; a person whose
//!   release is at most [`PLAN_ALERT_DAYS`] days away without one is an
//!   alert.
//! - **A release is never delayed by the plan**: released with the
//!   checklist incomplete, the release records which items were missing.
//! - **Follow-up after release** ([`crate::episode::pathway_step_at_release`]):
//!   a person with whom the team had a care contact (intake done) is
//!   followed up, unless their checklist says they decline contact after
//!   release; a person who declined care is released without follow-up.
//! - **Follow-up contacts** are due [`FOLLOW_UP_DAYS`] (7 and 30) days
//!   after release; each is recorded once: the day of the contact (not
//!   before the release, not after today), whether the person reached the
//!   outside service (attended, not attended, unknown) and how the team
//!   knows. A contact not recorded after its day is overdue.
//! - **Closing a follow-up** ([`closing_steps`]): as completed once both
//!   contacts are recorded; as lost to follow-up, deceased, or declined (the
//!   decline is recorded first, so the history shows it) at any time.
//! - **The responsible care worker** of a pathway is a user whose role lets
//!   them write clinical data at the pathway's site ([`may_be_responsible`]):
//!   a care worker or the medical service of that prison (or of all).

/// An enum of answers with a stable code each, for storage and the API,
/// and a Fluent message id `<prefix>-<code>` for its name.
macro_rules! coded {
    (
        $(#[$meta:meta])*
        $name:ident, $prefix:literal,
        { $( $(#[$vmeta:meta])* $variant:ident => $code:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in form order.
            pub const ALL: [$name; [$($code),+].len()] = [$($name::$variant),+];

            /// The stable code, for storage and the API.
            pub fn code(self) -> &'static str {
                match self {
                    $( $name::$variant => $code ),+
                }
            }

            /// The value with this code (spaces around it ignored).
            pub fn from_code(code: &str) -> Option<$name> {
                $name::ALL.into_iter().find(|value| value.code() == code.trim())
            }

            /// The Fluent message id of its name.
            pub fn message_id(self) -> &'static str {
                match self {
                    $( $name::$variant => concat!($prefix, "-", $code) ),+
                }
            }
        }
    };
}

mod checklist;
mod follow_up;

pub use checklist::{
    Appointment, ChecklistFields, ChecklistItem, ContactChannel, ContactPreference, HealthInsurance, Housing, Naloxone,
    OatBridging, OutsideService, ReleaseChecklist,
};
pub use follow_up::{
    Attendance, CLOSING_CHOICES, ClosingRefusal, ContactMeans, FOLLOW_UP_DAYS, FollowUpDraft, FollowUpFields,
    NOTE_MAX_CHARS, closing_steps, due_date,
};

use jiff::civil::Date;

use crate::ids::SiteId;
use crate::pathway::{Command, Stage, State};
use crate::policy::{Action, Decision, Grounds, Target, decide};
use crate::role::RoleGrant;

/// Days before the expected release from which release planning is due.
pub const PLANNING_WINDOW_DAYS: i64 = 30;

/// Days before the expected release from which a person without a release
/// plan is an alert.
pub const PLAN_ALERT_DAYS: i64 = 14;

/// The longest free text of the release plan and the follow-up, in characters.
pub const TEXT_MAX_CHARS: usize = 200;

/// `day` plus `days`, saturating at the calendar's ends.
pub fn add_days(day: Date, days: i64) -> Date {
    day.checked_add(jiff::Span::new().days(days)).unwrap_or(if days < 0 { Date::MIN } else { Date::MAX })
}

/// Whether release planning is due on `today` for a person expected to be
/// released on `expected_release`.
pub fn planning_due(expected_release: Date, today: Date) -> bool {
    expected_release <= add_days(today, PLANNING_WINDOW_DAYS)
}

/// The last expected release day for which planning is due on `today`.
pub fn planning_horizon(today: Date) -> Date {
    add_days(today, PLANNING_WINDOW_DAYS)
}

/// The stages from which the pathway moves to release planning by itself.
pub const PLANNABLE_STAGES: [Stage; 2] = [Stage::Intake, Stage::InCare];

/// The step a pathway in `state` takes when its person is expected to be
/// released on `expected` and today is `today`: release planning, when due
/// and the pathway is at intake or in care; otherwise none.
pub fn step_for_expected_release(state: State, expected: Option<Date>, today: Date) -> Option<Command> {
    let State::Active(stage) = state else {
        return None;
    };
    (PLANNABLE_STAGES.contains(&stage) && expected.is_some_and(|day| planning_due(day, today)))
        .then_some(Command::PlanRelease)
}

/// Whether a user holding `grants` may be the responsible care worker of a
/// pathway at `site`: their own role (not a transfer, a referral or an
/// emergency access) lets them write clinical data there.
pub fn may_be_responsible(grants: &[RoleGrant], site: SiteId) -> bool {
    matches!(decide(grants, Action::WriteClinical, Target::site(site)), Decision::Allow(Grounds::Role(_)))
}

/// Every Fluent message id this module can produce (checked in every
/// language by another crate's test).
pub fn message_ids() -> Vec<&'static str> {
    let mut ids = Vec::new();
    ids.extend(ChecklistItem::ALL.map(ChecklistItem::message_id));
    ids.extend(OatBridging::ALL.map(OatBridging::message_id));
    ids.extend(Naloxone::ALL.map(Naloxone::message_id));
    ids.extend(Housing::ALL.map(Housing::message_id));
    ids.extend(HealthInsurance::ALL.map(HealthInsurance::message_id));
    ids.extend(ContactChannel::ALL.map(ContactChannel::message_id));
    ids.extend(Attendance::ALL.map(Attendance::message_id));
    ids.extend(ContactMeans::ALL.map(ContactMeans::message_id));
    ids.extend(ClosingRefusal::ALL.map(ClosingRefusal::message_id));
    ids
}

#[cfg(test)]
mod tests;
