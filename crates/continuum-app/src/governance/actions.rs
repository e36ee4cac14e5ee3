//! Action items: given at a meeting to one of the group's members, carried
//! from meeting to meeting until done or dropped.

use continuum_domain::audit::format_instant;
use continuum_domain::governance::action::{ActionDraft, ActionFields, ActionStatus, may_change};
use continuum_domain::governance::meeting::day_of;
use continuum_domain::policy::Action;
use continuum_domain::validation::{self, Invalid};
use continuum_store::governance::actions::{self, ActionHistoryRow, ActionRow, NewAction};
use continuum_store::governance::groups;
use continuum_store::governance::meetings;

use super::access::is_current;
use super::stored_instant;
use crate::access::Subject;
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};

/// The longest note of a status change, in characters.
pub const NOTE_MAX: usize = 500;

impl App {
    /// Gives an action at a meeting to a member of the group on the
    /// meeting's day; `decision` ties it to one of the meeting's decisions.
    pub async fn add_action(
        &self,
        actor: &Actor,
        meeting_id: i64,
        fields: &ActionFields<'_>,
        decision: Option<i64>,
    ) -> AppResult<i64> {
        let event = "governance.action.create";
        let mut conn = self.store.reader().await?;
        let meeting = meetings::get(&mut conn, meeting_id).await?;
        drop(conn);
        let subject = Subject::kind("governance_action");
        let group_id = meeting.as_ref().map(|m| m.group_id);
        let (allowed, group, subject) =
            self.group_gate(actor, Action::ManageGovernance, group_id, event, subject).await?;
        let meeting = meeting.ok_or(AppError::NotFound)?;
        let zone = self.governance_zone();
        let day = stored_instant(&meeting.starts_at).map_or(self.governance_today(), |at| day_of(at, &zone));
        let mut conn = self.store.reader().await?;
        let members: Vec<i64> = groups::members(&mut conn, group.id)
            .await?
            .into_iter()
            .filter(|m| is_current(m, day))
            .map(|m| m.id)
            .collect();
        let decisions = meetings::decisions(&mut conn, meeting_id).await?;
        drop(conn);
        let draft = ActionDraft::parse(fields, |id| members.contains(&id))?;
        if decision.is_some_and(|d| !decisions.iter().any(|x| x.id == d)) {
            return Err(AppError::field("decision", validation::Problem::InvalidFormat));
        }
        let at = format_instant(self.now());
        let due = draft.due.to_string();
        let action = NewAction {
            group_id: group.id,
            meeting_id: Some(meeting_id),
            decision_id: decision,
            title: &draft.title,
            owner_member_id: draft.owner,
            due_date: &due,
            at: &at,
            by: self.actor_id(actor),
        };
        let mut tx = self.store.begin().await?;
        let id = actions::insert(&mut tx, &action).await?;
        let subject = Subject { id: Some(id.to_string()), ..subject };
        self.audit_change(&mut tx, actor, allowed, event, &subject).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Changes an action's status, with a note; done and dropped are final.
    pub async fn change_action(&self, actor: &Actor, id: i64, status: &str, note: &str) -> AppResult<ActionRow> {
        let event = "governance.action.update";
        let mut conn = self.store.reader().await?;
        let action = actions::get(&mut conn, id).await?;
        drop(conn);
        let subject = Subject::record("governance_action", id);
        let group_id = action.as_ref().map(|a| a.group_id);
        let (allowed, _, subject) = self.group_gate(actor, Action::ManageGovernance, group_id, event, subject).await?;
        let action = action.ok_or(AppError::NotFound)?;
        let mut invalid = Invalid::default();
        let to = ActionStatus::parse(status);
        if to.is_none() {
            invalid.push("status", validation::Problem::InvalidFormat);
        }
        let note = continuum_domain::governance::checked_text(&mut invalid, "note", note, 0, NOTE_MAX);
        let to = invalid.into_result(|| to.unwrap_or(ActionStatus::Open))?;
        let from = ActionStatus::parse(&action.status).unwrap_or(ActionStatus::Open);
        if !may_change(from, to) {
            return Err(AppError::Conflict("governance-action-closed"));
        }
        let mut tx = self.store.begin().await?;
        let at = format_instant(self.now());
        if !actions::set_status(&mut tx, id, from.code(), to.code(), &note, &at, self.actor_id(actor)).await? {
            return Err(AppError::Conflict("changed"));
        }
        self.audit_change(&mut tx, actor, allowed, event, &subject).await?;
        tx.commit().await?;
        Ok(ActionRow { status: to.code().to_owned(), updated_at: at, ..action })
    }

    /// An action and every status it took.
    pub async fn action_details(&self, actor: &Actor, id: i64) -> AppResult<(ActionRow, Vec<ActionHistoryRow>)> {
        let event = "governance.action.read";
        let mut conn = self.store.reader().await?;
        let action = actions::get(&mut conn, id).await?;
        let history = actions::history_of(&mut conn, id).await?;
        drop(conn);
        let subject = Subject::record("governance_action", id);
        let group_id = action.as_ref().map(|a| a.group_id);
        let (allowed, _, subject) = self.group_gate(actor, Action::ViewGovernance, group_id, event, subject).await?;
        let action = action.ok_or(AppError::NotFound)?;
        self.audit_read(actor, allowed, event, &subject).await?;
        Ok((action, history))
    }

    /// The pending actions of the groups the actor may see, the soonest
    /// due first; only those of `group` if given; only the overdue if asked.
    pub async fn pending_actions(
        &self,
        actor: &Actor,
        group: Option<i64>,
        overdue_only: bool,
    ) -> AppResult<Vec<ActionRow>> {
        let event = "governance.action.list";
        let allowed = self.permit_governance(actor, Action::ViewGovernance, event).await?;
        let mut conn = self.store.reader().await?;
        let visible: Vec<i64> =
            self.groups_where(&mut conn, actor, Action::ViewGovernance).await?.into_iter().map(|g| g.id).collect();
        let today = self.governance_today();
        let rows = actions::pending(&mut conn)
            .await?
            .into_iter()
            .filter(|a| visible.contains(&a.group_id) && group.is_none_or(|g| g == a.group_id))
            .filter(|a| !overdue_only || super::overview::action_overdue(a, today))
            .collect();
        drop(conn);
        self.audit_read(actor, allowed, event, &Subject::kind("governance_action")).await?;
        Ok(rows)
    }
}
