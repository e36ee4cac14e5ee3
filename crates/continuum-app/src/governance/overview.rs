//! The governance view: every group the actor may see, with its traffic
//! light and the figures behind it (days since its last meeting, meetings
//! in the last year against its target, overdue actions, requests waiting
//! and for how long, chair, minutes).

use continuum_domain::governance::action::{ActionStatus, is_overdue};
use continuum_domain::governance::group::{GroupKind, Office, Thresholds};
use continuum_domain::governance::health::{self, GroupFacts, Health};
use continuum_domain::governance::meeting::day_of;
use continuum_domain::governance::project::RequestState;
use continuum_domain::policy::Action;
use continuum_store::Conn;
use continuum_store::governance::actions::{self, ActionRow};
use continuum_store::governance::groups::{self, GroupRow, MemberRow};
use continuum_store::governance::meetings::{self, HeldRow};
use continuum_store::governance::projects::{self, ProjectRow};
use jiff::civil::Date;

use super::access::is_current;
use super::{stored_day, stored_instant};
use crate::access::Subject;
use crate::actor::Actor;
use crate::app::App;
use crate::error::AppResult;

/// One group of the governance view.
#[derive(Debug, Clone)]
pub struct GroupOverview {
    /// The group.
    pub group: GroupRow,
    /// Its traffic light and figures.
    pub health: Health,
    /// Its current chair's name.
    pub chair: Option<String>,
    /// Its current members.
    pub members: usize,
}

/// Everything the lights of all groups are computed from, read at once.
pub(crate) struct Facts {
    held: Vec<HeldRow>,
    members: Vec<MemberRow>,
    pending: Vec<ActionRow>,
    projects: Vec<ProjectRow>,
}

impl Facts {
    /// The pending actions of a group.
    pub(crate) fn pending_of(&self, group_id: i64) -> impl Iterator<Item = &ActionRow> {
        self.pending.iter().filter(move |a| a.group_id == group_id)
    }
}

/// Whether a stored action is overdue on `today`.
pub(crate) fn action_overdue(action: &ActionRow, today: Date) -> bool {
    let status = ActionStatus::parse(&action.status).unwrap_or(ActionStatus::Open);
    stored_day(&action.due_date).is_some_and(|due| is_overdue(status, due, today))
}

impl App {
    /// Reads the facts of every group's light.
    pub(crate) async fn governance_facts(&self, conn: &mut Conn) -> AppResult<Facts> {
        Ok(Facts {
            held: meetings::held(conn).await?,
            members: groups::all_members(conn).await?,
            pending: actions::pending(conn).await?,
            projects: projects::all(conn).await?,
        })
    }

    /// The light of one group on `today`.
    pub(crate) fn health_of(&self, facts: &Facts, group: &GroupRow, today: Date) -> Health {
        let zone = self.governance_zone();
        let held: Vec<(jiff::Timestamp, bool)> = facts
            .held
            .iter()
            .filter(|h| h.group_id == group.id)
            .filter_map(|h| stored_instant(&h.starts_at).map(|at| (at, h.approved)))
            .collect();
        let days: Vec<Date> = held.iter().map(|(at, _)| day_of(*at, &zone)).collect();
        let has_chair = facts
            .members
            .iter()
            .any(|m| m.group_id == group.id && m.office == Office::Chair.code() && is_current(m, today));
        let overdue = facts.pending_of(group.id).filter(|a| action_overdue(a, today)).count();
        let decides = GroupKind::parse(&group.kind).is_some_and(GroupKind::decides_authorisations);
        let waiting: Vec<Date> = facts
            .projects
            .iter()
            .filter(|p| decides || p.group_id == group.id)
            .filter(|p| p.state.as_deref().and_then(RequestState::parse).is_some_and(RequestState::is_waiting))
            .filter_map(|p| p.submitted_on.as_deref().and_then(stored_day))
            .collect();
        let thresholds = Thresholds {
            target_per_year: u32::try_from(group.target_per_year).unwrap_or(4),
            dormant_after_days: u32::try_from(group.dormant_after_days).unwrap_or(180),
        };
        let facts = GroupFacts {
            since: stored_day(&group.created_on).unwrap_or(today),
            held: &days,
            has_chair,
            unapproved_minutes: health::unapproved_minutes(&held),
            overdue_actions: overdue,
            waiting_since: &waiting,
        };
        health::assess(&facts, thresholds, self.config.governance.decision_wait_days, today)
    }

    /// The governance view: the groups the actor may see, with their lights.
    pub async fn governance_overview(&self, actor: &Actor) -> AppResult<Vec<GroupOverview>> {
        let event = "governance.overview.read";
        let allowed = self.permit_governance(actor, Action::ViewGovernance, event).await?;
        let mut conn = self.store.reader().await?;
        let visible = self.groups_where(&mut conn, actor, Action::ViewGovernance).await?;
        let facts = self.governance_facts(&mut conn).await?;
        drop(conn);
        let today = self.governance_today();
        let rows = visible
            .into_iter()
            .map(|group| {
                let current: Vec<&MemberRow> =
                    facts.members.iter().filter(|m| m.group_id == group.id && is_current(m, today)).collect();
                GroupOverview {
                    health: self.health_of(&facts, &group, today),
                    chair: current.iter().find(|m| m.office == Office::Chair.code()).map(|m| m.name.clone()),
                    members: current.len(),
                    group,
                }
            })
            .collect();
        self.audit_read(actor, allowed, event, &Subject::kind("governance_group")).await?;
        Ok(rows)
    }
}
