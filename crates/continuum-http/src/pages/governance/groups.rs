//! A group's page (traffic light, seats, members, meetings, actions,
//! projects) and the forms of groups and members.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use continuum_app::governance::groups::GroupDetails;
use continuum_app::{Actor, AppError};
use continuum_domain::governance::action::{ActionStatus, is_overdue};
use continuum_domain::governance::group::{
    Function, GroupDraft, GroupFields, GroupKind, MemberDraft, MemberFields, Office,
};
use continuum_domain::ids::SiteId;
use continuum_domain::policy::Action;
use continuum_i18n::Lang;
use serde::Deserialize;

use super::super::people::Choice;
use super::super::sites::{SummaryItem, mark_errors, summary};
use super::{
    INVALID, LightBadge, code_choices, concern_words, days_without, failed, label, light_badge, local_time, path_id,
    permitted_id,
};
use crate::extract::{CsrfForm, SignedIn, actor_lang};
use crate::routes::{Access, Routes};
use crate::shell::{FormErrors, Shell};
use crate::state::AppState;

// ---------------------------------------------------------------------------
// A group's page

struct MemberLine {
    id: i64,
    /// What was typed in its end form, and why it was refused.
    end_typed: String,
    end_error: String,
    name: String,
    function: String,
    office: String,
    organisation: String,
    username: String,
    start: String,
    end: String,
    current: bool,
}

struct MeetingLine {
    id: i64,
    when: String,
    status: String,
    status_code: String,
    place: String,
    minutes: String,
}

pub(super) struct ActionLine {
    pub id: i64,
    pub title: String,
    pub owner: String,
    pub due: String,
    pub status: String,
    pub pending: bool,
    pub overdue: bool,
}

struct ProjectLine {
    id: i64,
    title: String,
    kind: String,
    state: String,
}

#[derive(Template)]
#[template(path = "governance_group.html")]
struct GroupPage {
    shell: Shell,
    id: i64,
    kind: String,
    site: String,
    light: LightBadge,
    concerns: Vec<String>,
    days: String,
    meetings_count: String,
    quorum: String,
    vacant_chair: bool,
    vacant_secretary: bool,
    vacant_functions: Vec<String>,
    members: Vec<MemberLine>,
    meetings: Vec<MeetingLine>,
    actions: Vec<ActionLine>,
    statuses: Vec<Choice>,
    projects: Vec<ProjectLine>,
    is_local: bool,
    may_manage: bool,
    saved: bool,
    summary: Vec<SummaryItem>,
}

/// A refused end of membership, shown on its member's line.
struct EndError {
    member_id: i64,
    typed: String,
    errors: FormErrors,
}

#[derive(Deserialize, Default)]
struct SavedQuery {
    #[serde(default)]
    saved: String,
}

/// The lines of a list of actions.
pub(super) fn action_lines(
    lang: Lang,
    actions: Vec<continuum_app::governance::ActionRow>,
    today: jiff::civil::Date,
) -> Vec<ActionLine> {
    actions
        .into_iter()
        .map(|a| {
            let status = ActionStatus::parse(&a.status).unwrap_or(ActionStatus::Open);
            let due = a.due_date.parse::<jiff::civil::Date>().ok();
            ActionLine {
                id: a.id,
                title: a.title,
                owner: a.owner_name,
                overdue: due.is_some_and(|d| is_overdue(status, d, today)),
                due: a.due_date,
                status: label(lang, "governance-action-status", status.code()),
                pending: status.is_pending(),
            }
        })
        .collect()
}

/// The choices of an action's next status.
pub(super) fn status_choices(lang: Lang) -> Vec<Choice> {
    let codes: Vec<&'static str> = ActionStatus::ALL.iter().map(|s| s.code()).collect();
    code_choices(lang, "governance-action-status", &codes, "done")
}

fn group_page(
    state: &AppState,
    actor: &Actor,
    details: GroupDetails,
    saved: bool,
    refused: Option<EndError>,
) -> Response {
    let lang = actor_lang(actor);
    let today = state.app.governance_today();
    let path = format!("/governance/groups/{}", details.group.id);
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "governance-title", &path);
    shell.title = details.group.name.clone();
    mark_errors(&mut shell, refused.is_some());
    let health = &details.health;
    let summary_items =
        refused.as_ref().map(|r| summary(lang, r.errors.all(), &[("end", "valid-until")])).unwrap_or_default();
    let page = GroupPage {
        id: details.group.id,
        kind: label(lang, "governance-kind", &details.group.kind),
        site: details.group.site_code.clone().unwrap_or_default(),
        light: light_badge(lang, health.light),
        concerns: concern_words(lang, health),
        days: days_without(lang, health),
        meetings_count: continuum_i18n::t_args(
            lang,
            "governance-meetings-of-target",
            &[
                ("count", continuum_i18n::Arg::Num(i64::try_from(health.meetings_last_year).unwrap_or(0))),
                ("total", continuum_i18n::Arg::Num(i64::try_from(health.expected_last_year).unwrap_or(0))),
            ],
        ),
        quorum: super::count(lang, "governance-quorum-percent", details.group.quorum_percent),
        vacant_chair: details.vacancies.chair,
        vacant_secretary: details.vacancies.secretary,
        vacant_functions: details
            .vacancies
            .functions
            .iter()
            .map(|f| label(lang, "governance-function", f.code()))
            .collect(),
        members: details
            .members
            .into_iter()
            .map(|m| MemberLine {
                current: details.current.contains(&m.id),
                end_typed: refused
                    .as_ref()
                    .filter(|r| r.member_id == m.id)
                    .map(|r| r.typed.clone())
                    .unwrap_or_default(),
                end_error: refused
                    .as_ref()
                    .filter(|r| r.member_id == m.id)
                    .map(|r| r.errors.get("end"))
                    .unwrap_or_default(),
                id: m.id,
                name: m.name,
                function: label(lang, "governance-function", &m.function),
                office: if m.office == Office::Member.code() {
                    String::new()
                } else {
                    label(lang, "governance-office", &m.office)
                },
                organisation: m.organisation,
                username: m.username.unwrap_or_default(),
                start: m.start_date,
                end: m.end_date.unwrap_or_default(),
            })
            .collect(),
        meetings: details
            .meetings
            .into_iter()
            .map(|m| MeetingLine {
                id: m.id,
                when: local_time(&m.starts_at),
                status: label(lang, "governance-meeting-status", &m.status),
                place: if m.place.is_empty() { m.video_link.clone() } else { m.place.clone() },
                minutes: match (m.minutes_approved_version, m.minutes_version) {
                    (Some(_), _) => continuum_i18n::t(lang, "governance-minutes-approved"),
                    (None, 0) => String::new(),
                    (None, version) => super::count(lang, "governance-minutes-draft", version),
                },
                status_code: m.status,
            })
            .collect(),
        actions: action_lines(lang, details.actions, today),
        statuses: status_choices(lang),
        projects: details
            .projects
            .into_iter()
            .map(|p| ProjectLine {
                id: p.id,
                title: p.title,
                kind: label(lang, "governance-project-kind", &p.kind),
                state: p.state.map(|s| label(lang, "governance-request-state", &s)).unwrap_or_default(),
            })
            .collect(),
        is_local: details.group.kind == GroupKind::Local.code(),
        may_manage: details.may_manage,
        saved,
        summary: summary_items,
        shell,
    };
    super::super::render(StatusCode::OK, &page)
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
    match state.app.group_details(&actor, id).await {
        Ok(details) => group_page(&state, &actor, details, !query.saved.is_empty(), None),
        Err(error) => failed(&actor, error),
    }
}

// ---------------------------------------------------------------------------
// The group form (new and edit)

#[derive(Deserialize, Default)]
struct GroupForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    site: String,
    #[serde(default)]
    target_per_year: String,
    #[serde(default)]
    dormant_after_days: String,
    #[serde(default)]
    quorum_percent: String,
    #[serde(default)]
    version: String,
}

#[derive(Template)]
#[template(path = "governance_group_form.html")]
struct GroupFormPage {
    shell: Shell,
    id: Option<i64>,
    action: String,
    form: GroupForm,
    kinds: Vec<Choice>,
    sites: Vec<Choice>,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
}

const GROUP_FIELDS: &[(&str, &str)] = &[
    ("name", "name"),
    ("kind", "governance-kind"),
    ("site", "site"),
    ("target_per_year", "governance-target-per-year"),
    ("dormant_after_days", "governance-dormant-after-days"),
    ("quorum_percent", "governance-quorum"),
];

fn group_form(
    state: &AppState,
    actor: &Actor,
    id: Option<i64>,
    form: GroupForm,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let lang = actor_lang(actor);
    let (title, action) = match id {
        Some(id) => ("governance-group-edit", format!("/governance/groups/{id}/edit")),
        None => ("governance-group-new", "/governance/groups/new".to_owned()),
    };
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, title, &action);
    mark_errors(&mut shell, errors.any());
    let (sites, programme) = state.app.group_creation_scope(actor);
    let kinds: Vec<&'static str> =
        GroupKind::ALL.iter().filter(|k| programme || **k != GroupKind::Central).map(|k| k.code()).collect();
    let chosen_kind = if form.kind.is_empty() { "local" } else { form.kind.as_str() };
    let page = GroupFormPage {
        summary: summary(lang, errors.all(), GROUP_FIELDS),
        kinds: code_choices(lang, "governance-kind", &kinds, chosen_kind),
        sites: actor
            .sites
            .iter()
            .filter(|s| sites.contains(&s.id))
            .map(|s| Choice {
                code: s.code.clone(),
                label: format!("{} · {}", s.code, s.name),
                selected: s.code == form.site,
            })
            .collect(),
        shell,
        id,
        action,
        form,
        errors,
    };
    super::super::render(status, &page)
}

async fn new_form(State(state): State<AppState>, SignedIn(actor): SignedIn) -> Response {
    if let Some(refused) =
        super::super::refused_unless(&state, &actor, Action::ManageGovernance, "governance.group.create").await
    {
        return refused;
    }
    group_form(&state, &actor, None, GroupForm::default(), FormErrors::default(), StatusCode::OK)
}

fn group_fields<'a>(actor: &Actor, form: &'a GroupForm) -> GroupFields<'a> {
    let code = form.site.trim();
    let site: Option<SiteId> = actor.sites.iter().find(|s| s.code == code).map(|s| s.id);
    GroupFields {
        name: &form.name,
        kind: &form.kind,
        site,
        site_unknown: !code.is_empty() && site.is_none(),
        target_per_year: &form.target_per_year,
        dormant_after_days: &form.dormant_after_days,
        quorum_percent: &form.quorum_percent,
    }
}

async fn create(State(state): State<AppState>, CsrfForm { actor, form }: CsrfForm<GroupForm>) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) =
        super::super::refused_unless(&state, &actor, Action::ManageGovernance, "governance.group.create").await
    {
        return refused;
    }
    let draft = match GroupDraft::parse(&group_fields(&actor, &form), state.app.config().governance.thresholds) {
        Ok(draft) => draft,
        Err(invalid) => return group_form(&state, &actor, None, form, FormErrors::new(lang, &invalid), INVALID),
    };
    match state.app.create_group(&actor, &draft).await {
        Ok(id) => Redirect::to(&format!("/governance/groups/{id}?saved=1")).into_response(),
        Err(AppError::Invalid(invalid)) => {
            group_form(&state, &actor, None, form, FormErrors::new(lang, &invalid), INVALID)
        }
        Err(error) => failed(&actor, error),
    }
}

async fn edit_form(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let id = match path_id(&actor, &id) {
        Ok(id) => id,
        Err(response) => return *response,
    };
    let details = match state.app.group_details(&actor, id).await {
        Ok(details) if details.may_manage => details,
        Ok(_) => return failed(&actor, AppError::Forbidden),
        Err(error) => return failed(&actor, error),
    };
    let group = details.group;
    let form = GroupForm {
        name: group.name,
        kind: group.kind,
        site: group.site_code.unwrap_or_default(),
        target_per_year: group.target_per_year.to_string(),
        dormant_after_days: group.dormant_after_days.to_string(),
        quorum_percent: group.quorum_percent.to_string(),
        version: group.version.to_string(),
    };
    group_form(&state, &actor, Some(id), form, FormErrors::default(), StatusCode::OK)
}

async fn update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<GroupForm>,
) -> Response {
    let lang = actor_lang(&actor);
    let id = match permitted_id(&state, &actor, Action::ManageGovernance, "governance.group.update", &id).await {
        Ok(id) => id,
        Err(response) => return *response,
    };
    let details = match state.app.group_details(&actor, id).await {
        Ok(details) => details,
        Err(error) => return failed(&actor, error),
    };
    // The kind and the prison stay as they are.
    let kept = GroupForm {
        kind: details.group.kind.clone(),
        site: details.group.site_code.clone().unwrap_or_default(),
        ..form
    };
    let draft = match GroupDraft::parse(&group_fields(&actor, &kept), state.app.config().governance.thresholds) {
        Ok(draft) => draft,
        Err(invalid) => return group_form(&state, &actor, Some(id), kept, FormErrors::new(lang, &invalid), INVALID),
    };
    let version = kept.version.trim().parse::<i64>().unwrap_or(0);
    match state.app.update_group(&actor, id, version, &draft).await {
        Ok(()) => Redirect::to(&format!("/governance/groups/{id}?saved=1")).into_response(),
        Err(AppError::Invalid(invalid)) => {
            group_form(&state, &actor, Some(id), kept, FormErrors::new(lang, &invalid), INVALID)
        }
        Err(AppError::Conflict(_)) => group_form(
            &state,
            &actor,
            Some(id),
            kept,
            FormErrors::general(lang, "error-conflict"),
            StatusCode::CONFLICT,
        ),
        Err(error) => failed(&actor, error),
    }
}

// ---------------------------------------------------------------------------
// Members

#[derive(Deserialize, Default)]
struct MemberForm {
    #[serde(default)]
    function: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    office: String,
    #[serde(default)]
    start: String,
    #[serde(default)]
    end: String,
}

#[derive(Template)]
#[template(path = "governance_member_form.html")]
struct MemberFormPage {
    shell: Shell,
    group_id: i64,
    group: String,
    form: MemberForm,
    functions: Vec<Choice>,
    offices: Vec<Choice>,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
}

const MEMBER_FIELDS: &[(&str, &str)] = &[
    ("function", "governance-function"),
    ("name", "name"),
    ("organisation", "governance-organisation"),
    ("username", "username"),
    ("office", "governance-office"),
    ("start", "valid-from"),
    ("end", "valid-until"),
];

async fn member_form(
    state: &AppState,
    actor: &Actor,
    group_id: i64,
    form: MemberForm,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let lang = actor_lang(actor);
    let details = match state.app.group_details(actor, group_id).await {
        Ok(details) if details.may_manage => details,
        Ok(_) => return failed(actor, AppError::Forbidden),
        Err(error) => return failed(actor, error),
    };
    let path = format!("/governance/groups/{group_id}/members/new");
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "governance-member-new", &path);
    mark_errors(&mut shell, errors.any());
    let functions: Vec<&'static str> = Function::ALL.iter().map(|f| f.code()).collect();
    let offices: Vec<&'static str> = Office::ALL.iter().map(|o| o.code()).collect();
    let page = MemberFormPage {
        summary: summary(lang, errors.all(), MEMBER_FIELDS),
        functions: code_choices(lang, "governance-function", &functions, &form.function),
        offices: code_choices(
            lang,
            "governance-office",
            &offices,
            if form.office.is_empty() { "member" } else { &form.office },
        ),
        group: details.group.name,
        shell,
        group_id,
        form,
        errors,
    };
    super::super::render(status, &page)
}

async fn new_member(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let id = match path_id(&actor, &id) {
        Ok(id) => id,
        Err(response) => return *response,
    };
    let form = MemberForm { start: state.app.governance_today().to_string(), ..MemberForm::default() };
    member_form(&state, &actor, id, form, FormErrors::default(), StatusCode::OK).await
}

async fn add_member(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<MemberForm>,
) -> Response {
    let lang = actor_lang(&actor);
    let id = match permitted_id(&state, &actor, Action::ManageGovernance, "governance.member.add", &id).await {
        Ok(id) => id,
        Err(response) => return *response,
    };
    let fields = MemberFields {
        function: &form.function,
        name: &form.name,
        organisation: &form.organisation,
        office: &form.office,
        start: &form.start,
        end: &form.end,
    };
    let result = match MemberDraft::parse(&fields) {
        Ok(draft) => state.app.add_member(&actor, id, &draft, &form.username).await,
        Err(invalid) => Err(AppError::Invalid(invalid)),
    };
    match result {
        Ok(_) => Redirect::to(&format!("/governance/groups/{id}?saved=1#members")).into_response(),
        Err(AppError::Invalid(invalid)) => {
            member_form(&state, &actor, id, form, FormErrors::new(lang, &invalid), INVALID).await
        }
        Err(error) => failed(&actor, error),
    }
}

#[derive(Deserialize, Default)]
struct EndForm {
    #[serde(default)]
    end: String,
    /// The group whose page the form is on (to show it again).
    #[serde(default)]
    group: String,
}

async fn end_member(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<EndForm>,
) -> Response {
    let id = match permitted_id(&state, &actor, Action::ManageGovernance, "governance.member.end", &id).await {
        Ok(id) => id,
        Err(response) => return *response,
    };
    match state.app.end_member(&actor, id, &form.end).await {
        Ok(group) => Redirect::to(&format!("/governance/groups/{group}?saved=1#members")).into_response(),
        Err(AppError::Invalid(invalid)) => {
            let group = form.group.trim().parse::<i64>().unwrap_or(0);
            match state.app.group_details(&actor, group).await {
                Ok(details) => {
                    let errors = FormErrors::new(actor_lang(&actor), &invalid);
                    let refused = EndError { member_id: id, typed: form.end.clone(), errors };
                    let mut response = group_page(&state, &actor, details, false, Some(refused));
                    *response.status_mut() = INVALID;
                    response
                }
                Err(error) => failed(&actor, error),
            }
        }
        Err(error) => failed(&actor, error),
    }
}

pub(super) fn routes(routes: Routes) -> Routes {
    let manage = Access::Policy(Action::ManageGovernance);
    let view = Access::Policy(Action::ViewGovernance);
    routes
        .add("GET", "/governance/groups/new", manage, get(new_form))
        .add("POST", "/governance/groups/new", manage, post(create))
        .add("GET", "/governance/groups/{id}", view, get(show))
        .add("GET", "/governance/groups/{id}/edit", manage, get(edit_form))
        .add("POST", "/governance/groups/{id}/edit", manage, post(update))
        .add("GET", "/governance/groups/{id}/members/new", manage, get(new_member))
        .add("POST", "/governance/groups/{id}/members/new", manage, post(add_member))
        .add("POST", "/governance/members/{id}/end", manage, post(end_member))
}
