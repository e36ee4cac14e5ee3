//! Groups and their members.

use continuum_domain::audit::format_instant;
use continuum_domain::governance::group::{
    GroupDraft, GroupKind, MemberDraft, Period, Seat, Vacancies, check_end, check_office, vacancies,
};
use continuum_domain::governance::health::Health;
use continuum_domain::ids::SiteId;
use continuum_domain::person::parse_date;
use continuum_domain::policy::{Action, Target};
use continuum_domain::validation::Problem;
use continuum_store::StoreError;
use continuum_store::governance::actions::{self, ActionRow};
use continuum_store::governance::groups::{self, GroupRow, MemberRow, NewGroup, NewMember};
use continuum_store::governance::meetings::{self, MeetingRow};
use continuum_store::governance::projects::{self, ProjectRow};

use super::access::is_current;
use super::stored_day;
use crate::access::Subject;
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};

/// Everything the page of a group shows.
#[derive(Debug, Clone)]
pub struct GroupDetails {
    /// The group.
    pub group: GroupRow,
    /// Its members, current first, past ones too.
    pub members: Vec<MemberRow>,
    /// The ids of the current members.
    pub current: Vec<i64>,
    /// Its empty seats today.
    pub vacancies: Vacancies,
    /// Its meetings, the latest first.
    pub meetings: Vec<MeetingRow>,
    /// Its actions, pending first.
    pub actions: Vec<ActionRow>,
    /// The projects it keeps (a local group).
    pub projects: Vec<ProjectRow>,
    /// Its traffic light.
    pub health: Health,
    /// Whether the actor may change it.
    pub may_manage: bool,
}

/// The seats of stored memberships, for the domain's rules.
pub(crate) fn seats(members: &[MemberRow]) -> Vec<Seat> {
    members
        .iter()
        .filter_map(|m| {
            Some(Seat {
                id: m.id,
                function: continuum_domain::governance::group::Function::parse(&m.function)?,
                office: continuum_domain::governance::group::Office::parse(&m.office)?,
                period: Period { start: stored_day(&m.start_date)?, end: m.end_date.as_deref().and_then(stored_day) },
            })
        })
        .collect()
}

impl App {
    /// Creates a group. The central group and programme-wide groups take
    /// a programme-wide role, a group at a prison the role there; a second
    /// central group or a second local group of a prison is refused.
    pub async fn create_group(&self, actor: &Actor, draft: &GroupDraft) -> AppResult<i64> {
        let event = "governance.group.create";
        self.permit(actor, Action::ManageGovernance, event).await?;
        let target = match draft.site {
            Some(site) => Target::site(site),
            None => Target::PROGRAMME,
        };
        let site_code = draft.site.and_then(|s| actor.site_code(s));
        let subject = Subject::kind("governance_group").at_site(site_code);
        let allowed = self.authorize(actor, Action::ManageGovernance, target, event, &subject).await?;
        let at = format_instant(self.now());
        let today = self.governance_today().to_string();
        let group = NewGroup {
            kind: draft.kind.code(),
            name: &draft.name,
            site_id: draft.site.map(|s| s.0),
            target_per_year: i64::from(draft.thresholds.target_per_year),
            dormant_after_days: i64::from(draft.thresholds.dormant_after_days),
            quorum_percent: i64::from(draft.quorum.percent),
            created_on: &today,
            at: &at,
            by: self.actor_id(actor),
        };
        let mut tx = self.store.begin().await?;
        let id = groups::insert(&mut tx, &group).await.map_err(|error| match error {
            StoreError::Unique(_) => {
                AppError::field(if draft.kind == GroupKind::Central { "kind" } else { "site" }, Problem::Duplicate)
            }
            other => other.into(),
        })?;
        let subject = Subject { id: Some(id.to_string()), ..subject };
        self.audit_change(&mut tx, actor, allowed, event, &subject).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Changes a group's name, thresholds and quorum (its kind and prison
    /// stay); `Conflict` if it changed since `version` was read.
    pub async fn update_group(&self, actor: &Actor, id: i64, version: i64, draft: &GroupDraft) -> AppResult<()> {
        let event = "governance.group.update";
        let subject = Subject::record("governance_group", id);
        let (allowed, _, subject) = self.group_gate(actor, Action::ManageGovernance, Some(id), event, subject).await?;
        let mut tx = self.store.begin().await?;
        let changed = groups::update(
            &mut tx,
            id,
            version,
            &draft.name,
            i64::from(draft.thresholds.target_per_year),
            i64::from(draft.thresholds.dormant_after_days),
            i64::from(draft.quorum.percent),
            &format_instant(self.now()),
            self.actor_id(actor),
        )
        .await?;
        if !changed {
            return Err(AppError::Conflict("changed"));
        }
        self.audit_change(&mut tx, actor, allowed, event, &subject).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A group with its members, seats, meetings, actions, projects and
    /// traffic light.
    pub async fn group_details(&self, actor: &Actor, id: i64) -> AppResult<GroupDetails> {
        let event = "governance.group.read";
        let subject = Subject::record("governance_group", id);
        let (allowed, group, subject) =
            self.group_gate(actor, Action::ViewGovernance, Some(id), event, subject).await?;
        let mut conn = self.store.reader().await?;
        let today = self.governance_today();
        let members = groups::members(&mut conn, id).await?;
        let current = members.iter().filter(|m| is_current(m, today)).map(|m| m.id).collect();
        let kind = GroupKind::parse(&group.kind).unwrap_or(GroupKind::Other);
        let vacant = vacancies(kind, &seats(&members), today);
        let meetings = meetings::of_group(&mut conn, id).await?;
        let actions = actions::of_group(&mut conn, id).await?;
        let projects = projects::all(&mut conn).await?.into_iter().filter(|p| p.group_id == id).collect();
        let facts = self.governance_facts(&mut conn).await?;
        let health = self.health_of(&facts, &group, today);
        let standing = self.standing(&mut conn, actor).await?;
        drop(conn);
        self.audit_read(actor, allowed, event, &subject).await?;
        Ok(GroupDetails {
            may_manage: standing.may(actor, &group, Action::ManageGovernance),
            group,
            members,
            current,
            vacancies: vacant,
            meetings,
            actions,
            projects,
            health,
        })
    }

    /// Adds a member, linked to the active account `username` if given.
    /// A chair or secretary over days another member holds that office is
    /// refused.
    pub async fn add_member(
        &self,
        actor: &Actor,
        group_id: i64,
        draft: &MemberDraft,
        username: &str,
    ) -> AppResult<i64> {
        let event = "governance.member.add";
        let subject = Subject::kind("governance_member");
        let (allowed, _, subject) =
            self.group_gate(actor, Action::ManageGovernance, Some(group_id), event, subject).await?;
        let mut conn = self.store.reader().await?;
        let user_id = match username.trim() {
            "" => None,
            name => Some(
                groups::active_user_id(&mut conn, name)
                    .await?
                    .ok_or_else(|| AppError::field("username", Problem::UnknownUser))?,
            ),
        };
        let members = groups::members(&mut conn, group_id).await?;
        drop(conn);
        let candidate = Seat { id: 0, function: draft.function, office: draft.office, period: draft.period };
        check_office(&seats(&members), candidate).map_err(|problem| AppError::field("office", problem))?;
        let at = format_instant(self.now());
        let start = draft.period.start.to_string();
        let end = draft.period.end.map(|d| d.to_string());
        let member = NewMember {
            group_id,
            function: draft.function.code(),
            name: &draft.name,
            organisation: &draft.organisation,
            user_id,
            office: draft.office.code(),
            start_date: &start,
            end_date: end.as_deref(),
            at: &at,
            by: self.actor_id(actor),
        };
        let mut tx = self.store.begin().await?;
        let id = groups::insert_member(&mut tx, &member).await?;
        let subject = Subject { id: Some(id.to_string()), ..subject };
        self.audit_change(&mut tx, actor, allowed, event, &subject).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Ends a membership on `end` (its last day).
    pub async fn end_member(&self, actor: &Actor, member_id: i64, end: &str) -> AppResult<i64> {
        let event = "governance.member.end";
        let mut conn = self.store.reader().await?;
        let member = groups::member(&mut conn, member_id).await?;
        drop(conn);
        let subject = Subject::record("governance_member", member_id);
        let group_id = member.as_ref().map(|m| m.group_id);
        let (allowed, _, subject) = self.group_gate(actor, Action::ManageGovernance, group_id, event, subject).await?;
        let member = member.ok_or(AppError::NotFound)?;
        let end = match end.trim() {
            "" => return Err(AppError::field("end", Problem::Required)),
            text => parse_date(text).ok_or_else(|| AppError::field("end", Problem::InvalidFormat))?,
        };
        let start = stored_day(&member.start_date).ok_or(AppError::NotFound)?;
        let period = Period { start, end: member.end_date.as_deref().and_then(stored_day) };
        let ended = check_end(period, end).map_err(|problem| AppError::field("end", problem))?;
        let mut tx = self.store.begin().await?;
        let last = ended.end.unwrap_or(end).to_string();
        groups::end_member(&mut tx, member_id, &last, &format_instant(self.now()), self.actor_id(actor)).await?;
        self.audit_change(&mut tx, actor, allowed, event, &subject).await?;
        tx.commit().await?;
        Ok(member.group_id)
    }

    /// The groups the actor may manage (for forms), in the usual order.
    pub async fn manageable_groups(&self, actor: &Actor) -> AppResult<Vec<GroupRow>> {
        let mut conn = self.store.reader().await?;
        self.groups_where(&mut conn, actor, Action::ManageGovernance).await
    }

    /// The prisons at which the actor may create a group, and whether they
    /// may create one for the whole programme (the central group).
    pub fn group_creation_scope(&self, actor: &Actor) -> (Vec<SiteId>, bool) {
        (actor.sites_where(Action::ManageGovernance), actor.may(Action::ManageGovernance, Target::PROGRAMME))
    }
}
