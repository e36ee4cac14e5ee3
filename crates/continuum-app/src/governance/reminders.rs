//! Reminders (issue 7, item 6): the upcoming meetings, minutes to approve,
//! actions due or overdue and requests for authorisation waiting that
//! concern the actor, by the rules of `continuum_domain::governance::reminder`.
//! They are shown on the governance view and sent by e-mail
//! (`continuum governance send-reminders`).

use std::collections::HashMap;

use continuum_domain::audit::format_instant;
use continuum_domain::governance::action::ActionStatus;
use continuum_domain::governance::group::Office;
use continuum_domain::governance::meeting::{MeetingStatus, day_of};
use continuum_domain::governance::project::RequestState;
use continuum_domain::governance::reminder::{
    ReminderKind, action_reaches, action_reminder, meeting_is_upcoming, minutes_await_approval,
};
use continuum_domain::policy::{Action, Target};
use continuum_store::Conn;
use continuum_store::governance::{actions, groups, meetings, projects};

use super::access::is_current;
use super::{stored_day, stored_instant};
use crate::access::Subject;
use crate::actor::Actor;
use crate::app::App;
use crate::error::AppResult;

/// What a reminder points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReminderItem {
    /// A meeting (upcoming, or whose minutes wait).
    Meeting(i64),
    /// An action item.
    Action(i64),
    /// A local project whose request waits.
    Project(i64),
}

impl ReminderItem {
    /// The stable key of the item (`meeting:12`), to record what was sent.
    pub fn key(self) -> String {
        match self {
            ReminderItem::Meeting(id) => format!("meeting:{id}"),
            ReminderItem::Action(id) => format!("action:{id}"),
            ReminderItem::Project(id) => format!("project:{id}"),
        }
    }

    /// The path of the page that shows it (an action is shown on its
    /// group's page).
    pub fn path(self, group_id: i64) -> String {
        match self {
            ReminderItem::Meeting(id) => format!("/governance/meetings/{id}"),
            ReminderItem::Action(_) => format!("/governance/groups/{group_id}"),
            ReminderItem::Project(id) => format!("/governance/projects/{id}"),
        }
    }
}

/// One reminder: never anything clinical nor a person's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    /// What it is about.
    pub kind: ReminderKind,
    /// The record.
    pub item: ReminderItem,
    /// The group concerned (for a request: the group that submitted it).
    pub group_id: i64,
    /// The group's name.
    pub group_name: String,
    /// The day that matters: the meeting's, the action's due date, the
    /// request's submission (`YYYY-MM-DD`).
    pub day: String,
    /// The action's or project's title; empty for a meeting.
    pub title: String,
}

impl App {
    /// The reminders of the actor, the most pressing first.
    pub async fn governance_reminders(&self, actor: &Actor) -> AppResult<Vec<Reminder>> {
        let event = "governance.reminders.read";
        let allowed = self.permit_governance(actor, Action::ViewGovernance, event).await?;
        let mut conn = self.store.reader().await?;
        let reminders = self.reminders_of(&mut conn, actor).await?;
        drop(conn);
        self.audit_read(actor, allowed, event, &Subject::kind("governance_reminder")).await?;
        Ok(reminders)
    }

    /// The reminders of the actor, without auditing (the caller does).
    pub(crate) async fn reminders_of(&self, conn: &mut Conn, actor: &Actor) -> AppResult<Vec<Reminder>> {
        let today = self.governance_today();
        let zone = self.governance_zone();
        let config = &self.config.governance;
        let standing = self.standing(conn, actor).await?;
        let all_groups = groups::all(conn).await?;
        // Only the groups the policy lets the actor see; a member sees the
        // groups they sit on.
        let names: HashMap<i64, String> = all_groups
            .iter()
            .filter(|g| standing.may(actor, g, Action::ViewGovernance))
            .map(|g| (g.id, g.name.clone()))
            .collect();
        let sits_on: Vec<i64> = standing.groups.iter().copied().filter(|g| names.contains_key(g)).collect();
        let memberships: Vec<_> = if actor.user_id.0 == 0 {
            Vec::new()
        } else {
            groups::memberships_of(conn, actor.user_id.0).await?.into_iter().filter(|m| is_current(m, today)).collect()
        };
        let chairs: Vec<i64> =
            memberships.iter().filter(|m| m.office == Office::Chair.code()).map(|m| m.group_id).collect();
        let mut reminders = Vec::new();
        let mut push = |kind, item, group_id: i64, day: String, title: String| {
            if let Some(name) = names.get(&group_id) {
                reminders.push(Reminder { kind, item, group_id, group_name: name.clone(), day, title });
            }
        };

        for action in actions::pending(conn).await? {
            let (Some(status), Some(due)) = (ActionStatus::parse(&action.status), stored_day(&action.due_date)) else {
                continue;
            };
            let Some(kind) = action_reminder(status, due, today, config.due_soon_days) else {
                continue;
            };
            let is_owner = actor.user_id.0 != 0 && action.owner_user_id == Some(actor.user_id.0);
            if sits_on.contains(&action.group_id) && action_reaches(kind, is_owner, chairs.contains(&action.group_id)) {
                push(kind, ReminderItem::Action(action.id), action.group_id, due.to_string(), action.title);
            }
        }

        let horizon = jiff::SignedDuration::from_hours(24 * (i64::from(config.upcoming_days) + 1));
        let until = self.now().checked_add(horizon).unwrap_or(self.now());
        for meeting in meetings::planned_between(conn, &format_instant(self.now()), &format_instant(until)).await? {
            let Some(at) = stored_instant(&meeting.starts_at) else {
                continue;
            };
            let day = day_of(at, &zone);
            if sits_on.contains(&meeting.group_id) && meeting_is_upcoming(day, today, config.upcoming_days) {
                push(
                    ReminderKind::UpcomingMeeting,
                    ReminderItem::Meeting(meeting.id),
                    meeting.group_id,
                    at.to_zoned(zone.clone()).strftime("%Y-%m-%d %H:%M").to_string(),
                    String::new(),
                );
            }
        }

        for group in &sits_on {
            for meeting in meetings::of_group(conn, *group).await? {
                let status = MeetingStatus::parse(&meeting.status).unwrap_or(MeetingStatus::Planned);
                if minutes_await_approval(status, meeting.minutes_version, meeting.minutes_approved_version.is_some()) {
                    let day = stored_instant(&meeting.starts_at).map(|at| day_of(at, &zone).to_string());
                    push(
                        ReminderKind::MinutesToApprove,
                        ReminderItem::Meeting(meeting.id),
                        meeting.group_id,
                        day.unwrap_or_default(),
                        String::new(),
                    );
                }
            }
        }

        let relationships = standing.deciding();
        let decides = actor.may(
            Action::DecideProjectAuthorisation,
            Target { site: None, relationships: &relationships, consent: None },
        );
        if decides {
            for project in projects::all(conn).await? {
                let waiting =
                    project.state.as_deref().and_then(RequestState::parse).is_some_and(RequestState::is_waiting);
                if waiting {
                    push(
                        ReminderKind::AuthorisationWaiting,
                        ReminderItem::Project(project.id),
                        project.group_id,
                        project.submitted_on.clone().unwrap_or_default(),
                        project.title,
                    );
                }
            }
        }
        reminders.sort_by(|a, b| (a.kind, &a.day, a.group_id).cmp(&(b.kind, &b.day, b.group_id)));
        Ok(reminders)
    }
}
