//! The inventory of local projects and their prior authorisation: the
//! list, a local group's form to enter a project, the project's page with
//! its request (submitted, reviewed, decided at a meeting, followed up)
//! and the forms of each step.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use continuum_app::governance::projects::ProjectDetails;
use continuum_app::{Actor, AppError};
use continuum_domain::governance::project::{
    DecisionFields, Outcome, ProjectDraft, ProjectFields, ProjectKind, RequestState, waiting_days,
};
use continuum_domain::policy::Action;
use continuum_i18n::Lang;
use serde::Deserialize;

use super::super::people::Choice;
use super::super::sites::{SummaryItem, mark_errors, short_time, summary};
use super::{INVALID, code_choices, count, failed, label, local_time, path_id, permitted_id};
use crate::extract::{CsrfForm, SignedIn, actor_lang};
use crate::routes::{Access, Routes};
use crate::shell::{FormErrors, Shell};
use crate::state::AppState;

/// A project in a list.
pub(super) struct ProjectLine {
    pub id: i64,
    pub title: String,
    pub site: String,
    pub kind: String,
    pub fundamental: bool,
    pub state: String,
    pub state_code: String,
    pub waiting: String,
    pub waiting_days: i64,
    pub review: String,
}

/// The lines of projects; `today` for the days waited.
pub(super) fn project_lines(
    lang: Lang,
    rows: Vec<continuum_app::governance::ProjectRow>,
    today: jiff::civil::Date,
) -> Vec<ProjectLine> {
    rows.into_iter()
        .map(|p| {
            let state = p.state.as_deref().and_then(RequestState::parse);
            let days = match (state, p.submitted_on.as_deref().and_then(|d| d.parse().ok())) {
                (Some(s), Some(submitted)) if s.is_waiting() => Some(waiting_days(submitted, today)),
                _ => None,
            };
            ProjectLine {
                id: p.id,
                title: p.title,
                site: p.site_code,
                kind: label(lang, "governance-project-kind", &p.kind),
                fundamental: p.fundamental,
                state: state.map(|s| label(lang, "governance-request-state", s.code())).unwrap_or_default(),
                state_code: state.map(|s| s.code().to_owned()).unwrap_or_default(),
                waiting: days.map(|d| count(lang, "governance-waiting-days", d)).unwrap_or_default(),
                waiting_days: days.unwrap_or(-1),
                review: if p.conditions_met { String::new() } else { p.review_date.unwrap_or_default() },
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "governance_projects.html")]
struct ProjectsPage {
    shell: Shell,
    rows: Vec<ProjectLine>,
}

async fn list(State(state): State<AppState>, SignedIn(actor): SignedIn) -> Response {
    let lang = actor_lang(&actor);
    let rows = match state.app.governance_projects(&actor).await {
        Ok(rows) => rows,
        Err(error) => return failed(&actor, error),
    };
    let page = ProjectsPage {
        shell: Shell::signed_in(&actor, state.settings.demo_mode, "governance-projects", "/governance/projects"),
        rows: project_lines(lang, rows, state.app.governance_today()),
    };
    super::super::render(StatusCode::OK, &page)
}

// ---------------------------------------------------------------------------
// Entering a project

#[derive(Deserialize, Default)]
struct ProjectForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    services: String,
    #[serde(default)]
    start: String,
    #[serde(default)]
    end: String,
    #[serde(default)]
    fundamental: Option<String>,
}

#[derive(Template)]
#[template(path = "governance_project_form.html")]
struct ProjectFormPage {
    shell: Shell,
    group_id: i64,
    group: String,
    form: ProjectForm,
    kinds: Vec<Choice>,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
}

const PROJECT_FIELDS: &[(&str, &str)] = &[
    ("title", "governance-project-title"),
    ("kind", "governance-project-kind"),
    ("description", "governance-project-description"),
    ("services", "governance-project-services"),
    ("start", "governance-project-start"),
    ("end", "governance-project-end"),
];

async fn project_form(
    state: &AppState,
    actor: &Actor,
    group_id: i64,
    form: ProjectForm,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let lang = actor_lang(actor);
    let details = match state.app.group_details(actor, group_id).await {
        Ok(details) if details.may_manage => details,
        Ok(_) => return failed(actor, AppError::Forbidden),
        Err(error) => return failed(actor, error),
    };
    let path = format!("/governance/groups/{group_id}/projects/new");
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "governance-project-new", &path);
    mark_errors(&mut shell, errors.any());
    let kinds: Vec<&'static str> = ProjectKind::ALL.iter().map(|k| k.code()).collect();
    let page = ProjectFormPage {
        summary: summary(lang, errors.all(), PROJECT_FIELDS),
        kinds: code_choices(lang, "governance-project-kind", &kinds, &form.kind),
        group: details.group.name,
        shell,
        group_id,
        form,
        errors,
    };
    super::super::render(status, &page)
}

async fn new_project(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let id = match path_id(&actor, &id) {
        Ok(id) => id,
        Err(response) => return *response,
    };
    project_form(&state, &actor, id, ProjectForm::default(), FormErrors::default(), StatusCode::OK).await
}

async fn create_project(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<ProjectForm>,
) -> Response {
    let lang = actor_lang(&actor);
    let id = match permitted_id(&state, &actor, Action::ManageGovernance, "governance.project.create", &id).await {
        Ok(id) => id,
        Err(response) => return *response,
    };
    let fields = ProjectFields {
        title: &form.title,
        kind: &form.kind,
        description: &form.description,
        services: &form.services,
        start: &form.start,
        end: &form.end,
        fundamental: form.fundamental.is_some(),
    };
    let result = match ProjectDraft::parse(&fields) {
        Ok(draft) => state.app.create_project(&actor, id, &draft).await,
        Err(invalid) => Err(AppError::Invalid(invalid)),
    };
    match result {
        Ok(project) => Redirect::to(&format!("/governance/projects/{project}?saved=1")).into_response(),
        Err(AppError::Invalid(invalid)) => {
            project_form(&state, &actor, id, form, FormErrors::new(lang, &invalid), INVALID).await
        }
        Err(error) => failed(&actor, error),
    }
}

// ---------------------------------------------------------------------------
// A project's page

struct EventLine {
    when: String,
    step: String,
    state: String,
    meeting: String,
    text: String,
    conditions: String,
    review: String,
    by: String,
}

/// What the refused form of the page held.
#[derive(Default, Deserialize)]
struct DecideForm {
    #[serde(default)]
    meeting: String,
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    reasons: String,
    #[serde(default)]
    conditions: String,
    #[serde(default)]
    review_date: String,
}

#[derive(Default, Deserialize)]
struct FollowUpForm {
    #[serde(default)]
    note: String,
    #[serde(default)]
    conditions_met: Option<String>,
    #[serde(default)]
    next_review: String,
}

#[derive(Template)]
#[template(path = "governance_project.html")]
struct ProjectPage {
    shell: Shell,
    project: ProjectLine,
    request_id: i64,
    group_id: i64,
    group: String,
    description: String,
    services: String,
    start: String,
    end: String,
    reasons: String,
    conditions: String,
    conditions_met: bool,
    events: Vec<EventLine>,
    may_submit: bool,
    may_review: bool,
    may_decide: bool,
    may_follow_up: bool,
    meetings: Vec<Choice>,
    outcomes: Vec<Choice>,
    decide: DecideForm,
    follow_up: FollowUpForm,
    submit_note: String,
    saved: bool,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
}

const PAGE_FIELDS: &[(&str, &str)] = &[
    ("note", "governance-project-note"),
    ("meeting", "governance-decided-at"),
    ("outcome", "governance-outcome"),
    ("reasons", "governance-reasons"),
    ("conditions", "governance-conditions"),
    ("review_date", "governance-review-date"),
    ("next_review", "governance-next-review"),
];

struct Typed {
    decide: DecideForm,
    follow_up: FollowUpForm,
    submit_note: String,
}

fn project_page(
    state: &AppState,
    actor: &Actor,
    details: ProjectDetails,
    saved: bool,
    errors: FormErrors,
    typed: Typed,
) -> Response {
    let lang = actor_lang(actor);
    let path = format!("/governance/projects/{}", details.project.id);
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "governance-projects", &path);
    shell.title = details.project.title.clone();
    mark_errors(&mut shell, errors.any());
    let project = details.project;
    let state_now = project.state.as_deref().and_then(RequestState::parse);
    let (description, services, start, end) =
        (project.description.clone(), project.services.clone(), project.start_date.clone(), project.end_date.clone());
    let (reasons, conditions, conditions_met) = (
        project.reasons.clone().unwrap_or_default(),
        project.conditions.clone().unwrap_or_default(),
        project.conditions_met,
    );
    let request_id = project.request_id.unwrap_or(0);
    let fundamental = project.fundamental;
    let outcome_codes: Vec<&'static str> = Outcome::ALL.iter().map(|o| o.code()).collect();
    let page = ProjectPage {
        project: project_lines(lang, vec![project], state.app.governance_today()).remove(0),
        request_id,
        group_id: details.group.id,
        group: details.group.name.clone(),
        description,
        services,
        start,
        end: end.unwrap_or_default(),
        reasons,
        conditions,
        conditions_met,
        events: details
            .events
            .into_iter()
            .map(|e| EventLine {
                when: short_time(&e.at),
                step: label(lang, "governance-request-step", &e.step),
                state: label(lang, "governance-request-state", &e.state),
                meeting: e.meeting_starts_at.as_deref().map(local_time).unwrap_or_default(),
                text: e.text,
                conditions: e.conditions,
                review: e.review_date.unwrap_or_default(),
                by: e.by_name.unwrap_or_default(),
            })
            .collect(),
        may_submit: details.may_submit && fundamental && state_now.is_none_or(|s| s == RequestState::MoreInformation),
        may_review: details.may_decide && state_now == Some(RequestState::Submitted),
        may_decide: details.may_decide && state_now.is_some_and(RequestState::is_waiting),
        may_follow_up: details.may_decide
            && !conditions_met
            && matches!(state_now, Some(RequestState::Authorised | RequestState::AuthorisedWithConditions)),
        meetings: details
            .deciding_meetings
            .iter()
            .map(|m| Choice {
                code: m.id.to_string(),
                label: local_time(&m.starts_at),
                selected: typed.decide.meeting == m.id.to_string(),
            })
            .collect(),
        outcomes: code_choices(lang, "governance-request-state", &outcome_codes, &typed.decide.outcome),
        decide: typed.decide,
        follow_up: typed.follow_up,
        submit_note: typed.submit_note,
        saved,
        summary: summary(lang, errors.all(), PAGE_FIELDS),
        errors,
        shell,
    };
    super::super::render(StatusCode::OK, &page)
}

#[derive(Deserialize, Default)]
struct SavedQuery {
    #[serde(default)]
    saved: String,
}

async fn show(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Path(id): Path<String>,
    Query(query): Query<SavedQuery>,
) -> Response {
    let id = match path_id(&actor, &id) {
        Ok(id) => id,
        Err(response) => return *response,
    };
    match state.app.project_details(&actor, id).await {
        Ok(details) => {
            let typed =
                Typed { decide: DecideForm::default(), follow_up: FollowUpForm::default(), submit_note: String::new() };
            project_page(&state, &actor, details, !query.saved.is_empty(), FormErrors::default(), typed)
        }
        Err(error) => failed(&actor, error),
    }
}

/// Answers a step of a request: back to the project's page, or the page
/// with the refusal and what was typed.
async fn after_step(
    state: &AppState,
    actor: &Actor,
    result: Result<i64, AppError>,
    project: Option<i64>,
    typed: Typed,
) -> Response {
    let lang = actor_lang(actor);
    let errors = match result {
        Ok(project) => return Redirect::to(&format!("/governance/projects/{project}?saved=1#request")).into_response(),
        Err(AppError::Invalid(invalid)) => FormErrors::new(lang, &invalid),
        Err(AppError::Conflict(code)) => {
            FormErrors::general(lang, if code.starts_with("governance-") { code } else { "error-conflict" })
        }
        Err(error) => return failed(actor, error),
    };
    let Some(project) = project else {
        return failed(actor, AppError::NotFound);
    };
    match state.app.project_details(actor, project).await {
        Ok(details) => {
            let mut response = project_page(state, actor, details, false, errors, typed);
            *response.status_mut() = INVALID;
            response
        }
        Err(error) => failed(actor, error),
    }
}

#[derive(Deserialize, Default)]
struct SubmitForm {
    #[serde(default)]
    note: String,
}

async fn submit(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<SubmitForm>,
) -> Response {
    let id = match permitted_id(&state, &actor, Action::ManageGovernance, "governance.project.submit", &id).await {
        Ok(id) => id,
        Err(response) => return *response,
    };
    let result = state.app.submit_project(&actor, id, &form.note).await.map(|_| id);
    let typed = Typed { decide: DecideForm::default(), follow_up: FollowUpForm::default(), submit_note: form.note };
    after_step(&state, &actor, result, Some(id), typed).await
}

/// The project a request form was posted from (to show its page again).
#[derive(Deserialize, Default)]
struct ProjectRef {
    #[serde(default)]
    project: String,
}

async fn review(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<ProjectRef>,
) -> Response {
    let id =
        match permitted_id(&state, &actor, Action::DecideProjectAuthorisation, "governance.authorisation.review", &id)
            .await
        {
            Ok(id) => id,
            Err(response) => return *response,
        };
    let result = state.app.review_request(&actor, id).await;
    let typed = Typed { decide: DecideForm::default(), follow_up: FollowUpForm::default(), submit_note: String::new() };
    after_step(&state, &actor, result, form.project.parse().ok(), typed).await
}

#[derive(Deserialize, Default)]
struct DecidePost {
    #[serde(default)]
    project: String,
    #[serde(flatten)]
    decide: DecideForm,
}

async fn decide(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<DecidePost>,
) -> Response {
    let id =
        match permitted_id(&state, &actor, Action::DecideProjectAuthorisation, "governance.authorisation.decide", &id)
            .await
        {
            Ok(id) => id,
            Err(response) => return *response,
        };
    let d = &form.decide;
    let fields = DecisionFields {
        outcome: &d.outcome,
        reasons: &d.reasons,
        conditions: &d.conditions,
        review_date: &d.review_date,
    };
    let meeting = d.meeting.trim().parse::<i64>().ok();
    let result = state.app.decide_request(&actor, id, meeting, &fields).await;
    let project = form.project.parse().ok();
    let typed = Typed { decide: form.decide, follow_up: FollowUpForm::default(), submit_note: String::new() };
    after_step(&state, &actor, result, project, typed).await
}

#[derive(Deserialize, Default)]
struct FollowUpPost {
    #[serde(default)]
    project: String,
    #[serde(flatten)]
    follow_up: FollowUpForm,
}

async fn follow_up(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<FollowUpPost>,
) -> Response {
    let id = match permitted_id(
        &state,
        &actor,
        Action::DecideProjectAuthorisation,
        "governance.authorisation.follow_up",
        &id,
    )
    .await
    {
        Ok(id) => id,
        Err(response) => return *response,
    };
    let f = &form.follow_up;
    let result = state.app.follow_up_request(&actor, id, &f.note, f.conditions_met.is_some(), &f.next_review).await;
    let project = form.project.parse().ok();
    let typed = Typed { decide: DecideForm::default(), follow_up: form.follow_up, submit_note: String::new() };
    after_step(&state, &actor, result, project, typed).await
}

pub(super) fn routes(routes: Routes) -> Routes {
    let view = Access::Policy(Action::ViewGovernance);
    let manage = Access::Policy(Action::ManageGovernance);
    let decide_access = Access::Policy(Action::DecideProjectAuthorisation);
    routes
        .add("GET", "/governance/projects", view, get(list))
        .add("GET", "/governance/groups/{id}/projects/new", manage, get(new_project))
        .add("POST", "/governance/groups/{id}/projects/new", manage, post(create_project))
        .add("GET", "/governance/projects/{id}", view, get(show))
        .add("POST", "/governance/projects/{id}/submit", manage, post(submit))
        .add("POST", "/governance/authorisations/{id}/review", decide_access, post(review))
        .add("POST", "/governance/authorisations/{id}/decide", decide_access, post(decide))
        .add("POST", "/governance/authorisations/{id}/follow-up", decide_access, post(follow_up))
}
