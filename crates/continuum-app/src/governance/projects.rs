//! The inventory of local projects and their prior authorisation: a local
//! group keeps its prison's projects and submits those with a fundamental
//! element; the central group reviews and decides them at its meetings,
//! with reasons, and follows up their conditions. The request's state is
//! on the project, seen by the group that submitted it.

use continuum_domain::audit::format_instant;
use continuum_domain::governance::group::GroupKind;
use continuum_domain::governance::meeting::{MeetingStatus, day_of};
use continuum_domain::governance::project::{
    DecidingMeeting, DecisionFields, DecisionOnRequest, ProjectDraft, RequestState, RequestStep, is_followed_up,
    next_state, parse_follow_up,
};
use continuum_domain::policy::{Action, Target};
use continuum_store::governance::groups::{self, GroupRow};
use continuum_store::governance::meetings::{self, MeetingRow};
use continuum_store::governance::projects::{self, Event, EventRow, NewProject, ProjectRow};

use super::{stored_day, stored_instant};
use crate::access::{Allowed, Subject};
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};

/// Everything the page of a project shows.
#[derive(Debug, Clone)]
pub struct ProjectDetails {
    /// The project and its request.
    pub project: ProjectRow,
    /// The local group that keeps it.
    pub group: GroupRow,
    /// Every step of its request, the first first.
    pub events: Vec<EventRow>,
    /// The held meetings of the deciding group since the request was
    /// submitted (where it may be decided), the latest first; empty unless
    /// the actor may decide.
    pub deciding_meetings: Vec<MeetingRow>,
    /// Whether the actor may submit it (the local group).
    pub may_submit: bool,
    /// Whether the actor may review, decide and follow it up.
    pub may_decide: bool,
}

fn state_of(project: &ProjectRow) -> Option<RequestState> {
    project.state.as_deref().and_then(RequestState::parse)
}

impl App {
    /// Whether the actor may decide authorisations (a coordinator, or a
    /// member of the deciding group), without auditing.
    async fn may_decide(&self, actor: &Actor) -> AppResult<bool> {
        let mut conn = self.store.reader().await?;
        let standing = self.standing(&mut conn, actor).await?;
        let relationships = standing.deciding();
        Ok(actor.may(
            Action::DecideProjectAuthorisation,
            Target { site: None, relationships: &relationships, consent: None },
        ))
    }

    /// Asks the policy for deciding on one request (`NotFound` for an
    /// unknown one).
    async fn request_gate(
        &self,
        actor: &Actor,
        request_id: i64,
        event: &str,
    ) -> AppResult<(Allowed, ProjectRow, Subject)> {
        self.permit_governance(actor, Action::DecideProjectAuthorisation, event).await?;
        let mut conn = self.store.reader().await?;
        let project = projects::of_request(&mut conn, request_id).await?;
        let standing = self.standing(&mut conn, actor).await?;
        drop(conn);
        let project = project.ok_or(AppError::NotFound)?;
        let relationships = standing.deciding();
        let target = Target { site: None, relationships: &relationships, consent: None };
        let subject = Subject::record("governance_authorisation", request_id).at_site(Some(project.site_code.clone()));
        let allowed = self.authorize(actor, Action::DecideProjectAuthorisation, target, event, &subject).await?;
        Ok((allowed, project, subject))
    }

    /// Enters a project in the inventory of a local group's prison.
    pub async fn create_project(&self, actor: &Actor, group_id: i64, draft: &ProjectDraft) -> AppResult<i64> {
        let event = "governance.project.create";
        let subject = Subject::kind("governance_project");
        let (allowed, group, subject) =
            self.group_gate(actor, Action::ManageGovernance, Some(group_id), event, subject).await?;
        let (Some(site_id), Some(GroupKind::Local)) = (group.site_id, GroupKind::parse(&group.kind)) else {
            return Err(AppError::Conflict("governance-project-needs-local-group"));
        };
        let at = format_instant(self.now());
        let start = draft.start.to_string();
        let end = draft.end.map(|d| d.to_string());
        let project = NewProject {
            group_id,
            site_id,
            title: &draft.title,
            kind: draft.kind.code(),
            description: &draft.description,
            services: &draft.services,
            start_date: &start,
            end_date: end.as_deref(),
            fundamental: draft.fundamental,
            at: &at,
            by: self.actor_id(actor),
        };
        let mut tx = self.store.begin().await?;
        let id = projects::insert(&mut tx, &project).await?;
        let subject = Subject { id: Some(id.to_string()), ..subject };
        self.audit_change(&mut tx, actor, allowed, event, &subject).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The projects of the groups the actor may see: those waiting for a
    /// decision first, the longest waiting first.
    pub async fn governance_projects(&self, actor: &Actor) -> AppResult<Vec<ProjectRow>> {
        let event = "governance.project.list";
        let allowed = self.permit_governance(actor, Action::ViewGovernance, event).await?;
        let mut conn = self.store.reader().await?;
        let visible: Vec<i64> =
            self.groups_where(&mut conn, actor, Action::ViewGovernance).await?.into_iter().map(|g| g.id).collect();
        let rows = projects::all(&mut conn).await?.into_iter().filter(|p| visible.contains(&p.group_id)).collect();
        drop(conn);
        self.audit_read(actor, allowed, event, &Subject::kind("governance_project")).await?;
        Ok(rows)
    }

    /// A project, its request and every step of it.
    pub async fn project_details(&self, actor: &Actor, id: i64) -> AppResult<ProjectDetails> {
        let event = "governance.project.read";
        let mut conn = self.store.reader().await?;
        let project = projects::get(&mut conn, id).await?;
        drop(conn);
        let subject = Subject::record("governance_project", id);
        let group_id = project.as_ref().map(|p| p.group_id);
        let (allowed, group, subject) =
            self.group_gate(actor, Action::ViewGovernance, group_id, event, subject).await?;
        let project = project.ok_or(AppError::NotFound)?;
        let may_decide = self.may_decide(actor).await?;
        let mut conn = self.store.reader().await?;
        let standing = self.standing(&mut conn, actor).await?;
        let events = match project.request_id {
            Some(request) => projects::events(&mut conn, request).await?,
            None => Vec::new(),
        };
        let mut deciding_meetings = Vec::new();
        if may_decide && let Some(submitted) = project.submitted_on.as_deref().and_then(stored_day) {
            let zone = self.governance_zone();
            for deciding in groups::all(&mut conn)
                .await?
                .into_iter()
                .filter(|g| GroupKind::parse(&g.kind).is_some_and(GroupKind::decides_authorisations))
            {
                deciding_meetings.extend(meetings::of_group(&mut conn, deciding.id).await?.into_iter().filter(|m| {
                    m.status == MeetingStatus::Held.code()
                        && stored_instant(&m.starts_at).is_some_and(|at| day_of(at, &zone) >= submitted)
                }));
            }
        }
        drop(conn);
        self.audit_read(actor, allowed, event, &subject).await?;
        Ok(ProjectDetails {
            may_submit: standing.may(actor, &group, Action::ManageGovernance),
            project,
            group,
            events,
            deciding_meetings,
            may_decide,
        })
    }

    /// Submits a project with a fundamental element for the central
    /// group's prior authorisation, or submits it again after more
    /// information was asked.
    pub async fn submit_project(&self, actor: &Actor, id: i64, note: &str) -> AppResult<i64> {
        let event = "governance.project.submit";
        let mut conn = self.store.reader().await?;
        let project = projects::get(&mut conn, id).await?;
        drop(conn);
        let subject = Subject::record("governance_project", id);
        let group_id = project.as_ref().map(|p| p.group_id);
        let (allowed, _, subject) = self.group_gate(actor, Action::ManageGovernance, group_id, event, subject).await?;
        let project = project.ok_or(AppError::NotFound)?;
        if !project.fundamental {
            return Err(AppError::Conflict("governance-project-not-fundamental"));
        }
        let mut invalid = continuum_domain::validation::Invalid::default();
        let note = continuum_domain::governance::checked_text(&mut invalid, "note", note, 0, 4_000);
        let note = invalid.into_result(|| note)?;
        let today = self.governance_today().to_string();
        let at = format_instant(self.now());
        let by = self.actor_id(actor);
        let mut tx = self.store.begin().await?;
        let request = match (project.request_id, state_of(&project), project.request_version) {
            (None, _, _) => projects::submit(&mut tx, id, &today, &note, &at, by).await?,
            (Some(request), Some(state), Some(version)) => {
                let Some(next) = next_state(state, RequestStep::Resubmit) else {
                    return Err(AppError::Conflict("governance-request-waiting"));
                };
                let event =
                    Event { step: RequestStep::Resubmit.code(), state: next.code(), text: &note, ..Event::at(&at, by) };
                if !projects::step(&mut tx, request, version, &event, Some(&today)).await? {
                    return Err(AppError::Conflict("changed"));
                }
                request
            }
            _ => return Err(AppError::Conflict("changed")),
        };
        self.audit_change(&mut tx, actor, allowed, event, &subject).await?;
        tx.commit().await?;
        Ok(request)
    }

    /// Takes a submitted request under review.
    pub async fn review_request(&self, actor: &Actor, request_id: i64) -> AppResult<i64> {
        let event = "governance.authorisation.review";
        let (allowed, project, subject) = self.request_gate(actor, request_id, event).await?;
        let state = state_of(&project).ok_or(AppError::NotFound)?;
        let next =
            next_state(state, RequestStep::Review).ok_or(AppError::Conflict("governance-request-not-submitted"))?;
        let at = format_instant(self.now());
        let step =
            Event { step: RequestStep::Review.code(), state: next.code(), ..Event::at(&at, self.actor_id(actor)) };
        let mut tx = self.store.begin().await?;
        if !projects::step(&mut tx, request_id, project.request_version.unwrap_or(0), &step, None).await? {
            return Err(AppError::Conflict("changed"));
        }
        self.audit_change(&mut tx, actor, allowed, event, &subject).await?;
        tx.commit().await?;
        Ok(project.id)
    }

    /// Decides a waiting request at a held meeting of the deciding group,
    /// with reasons (and conditions and a review date).
    pub async fn decide_request(
        &self,
        actor: &Actor,
        request_id: i64,
        meeting_id: Option<i64>,
        fields: &DecisionFields<'_>,
    ) -> AppResult<i64> {
        let event = "governance.authorisation.decide";
        let (allowed, project, subject) = self.request_gate(actor, request_id, event).await?;
        let state = state_of(&project).ok_or(AppError::NotFound)?;
        let mut conn = self.store.reader().await?;
        let meeting = match meeting_id {
            Some(id) => meetings::get(&mut conn, id).await?,
            None => None,
        };
        let group = match &meeting {
            Some(m) => groups::get(&mut conn, m.group_id).await?,
            None => None,
        };
        drop(conn);
        let zone = self.governance_zone();
        let deciding = match (&meeting, &group) {
            (Some(meeting), Some(group)) => Some(DecidingMeeting {
                group_kind: GroupKind::parse(&group.kind).unwrap_or(GroupKind::Other),
                status: MeetingStatus::parse(&meeting.status).unwrap_or(MeetingStatus::Planned),
                day: stored_instant(&meeting.starts_at).map_or(self.governance_today(), |at| day_of(at, &zone)),
            }),
            _ => None,
        };
        let submitted = project.submitted_on.as_deref().and_then(stored_day).unwrap_or(self.governance_today());
        let decision = DecisionOnRequest::parse(fields, deciding, submitted)?;
        let next = next_state(state, RequestStep::Decide(decision.outcome))
            .ok_or(AppError::Conflict("governance-request-decided"))?;
        let at = format_instant(self.now());
        let review = decision.review_date.map(|d| d.to_string());
        let step = Event {
            step: "decide",
            state: next.code(),
            meeting_id,
            text: &decision.reasons,
            conditions: &decision.conditions,
            review_date: review.as_deref(),
            ..Event::at(&at, self.actor_id(actor))
        };
        let mut tx = self.store.begin().await?;
        if !projects::step(&mut tx, request_id, project.request_version.unwrap_or(0), &step, None).await? {
            return Err(AppError::Conflict("changed"));
        }
        self.audit_change(&mut tx, actor, allowed, event, &subject).await?;
        tx.commit().await?;
        Ok(project.id)
    }

    /// Follows up the conditions of an authorised project: met, or the
    /// next review date.
    pub async fn follow_up_request(
        &self,
        actor: &Actor,
        request_id: i64,
        note: &str,
        conditions_met: bool,
        next_review: &str,
    ) -> AppResult<i64> {
        let event = "governance.authorisation.follow_up";
        let (allowed, project, subject) = self.request_gate(actor, request_id, event).await?;
        let state = state_of(&project).ok_or(AppError::NotFound)?;
        if !is_followed_up(state) {
            return Err(AppError::Conflict("governance-request-not-authorised"));
        }
        let follow_up = parse_follow_up(note, conditions_met, next_review, self.governance_today())?;
        let at = format_instant(self.now());
        let review = follow_up.next_review.map(|d| d.to_string());
        let step = Event {
            step: "follow_up",
            state: state.code(),
            text: &follow_up.note,
            review_date: review.as_deref(),
            ..Event::at(&at, self.actor_id(actor))
        };
        let mut tx = self.store.begin().await?;
        if !projects::follow_up(&mut tx, request_id, project.request_version.unwrap_or(0), &step, conditions_met)
            .await?
        {
            return Err(AppError::Conflict("changed"));
        }
        self.audit_change(&mut tx, actor, allowed, event, &subject).await?;
        tx.commit().await?;
        Ok(project.id)
    }
}
