//! A detention episode after entry: change its legal status and expected
//! release, record the release, or transfer the person to another prison of
//! the programme. One form page per step, re-shown with what was typed and
//! each field's problem; release and transfer ask for confirmation.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use continuum_app::episodes::EpisodeRecord;
use continuum_app::{Actor, AppError};
use continuum_domain::episode::{EpisodeChangeFields, ReleaseFields, ReleaseKind, TransferFields};
use continuum_domain::ids::SiteId;
use continuum_domain::person::LegalStatus;
use continuum_domain::policy::{Action, Target};
use continuum_domain::site::SiteCode;
use serde::Deserialize;

use super::people::{Choice, choices, display_name};
use super::sites::{SummaryItem, link, mark_errors, not_found, parse_id, summary};
use crate::error::PageError;
use crate::extract::{CsrfForm, SignedIn, actor_lang};
use crate::routes::{Access, Routes};
use crate::shell::{FormErrors, Shell};
use crate::state::AppState;

/// Which step the form is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Edit,
    Release,
    Transfer,
}

impl Step {
    fn path(self) -> &'static str {
        match self {
            Step::Edit => "edit",
            Step::Release => "release",
            Step::Transfer => "transfer",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Step::Edit => "episode-edit-title",
            Step::Release => "episode-release-title",
            Step::Transfer => "episode-transfer-title",
        }
    }

    fn event(self) -> &'static str {
        match self {
            Step::Edit => "episode.update",
            Step::Release => "episode.release",
            Step::Transfer => "person.transfer",
        }
    }
}

/// The fields of the three forms, as typed.
#[derive(Deserialize, Default)]
struct EpisodeForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    legal_status: String,
    #[serde(default)]
    expected_release: String,
    #[serde(default)]
    release_date: String,
    #[serde(default)]
    release_kind: String,
    #[serde(default)]
    site: String,
    #[serde(default)]
    transfer_date: String,
    #[serde(default)]
    prison_number: String,
}

#[derive(Template)]
#[template(path = "episode_form.html")]
struct EpisodePage {
    shell: Shell,
    step: &'static str,
    action: String,
    person_id: i64,
    person: String,
    episode: String,
    form: EpisodeForm,
    statuses: Vec<Choice>,
    kinds: Vec<Choice>,
    sites: Vec<Choice>,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
}

const FIELDS: &[(&str, &str)] = &[
    ("episode", "people-episodes"),
    ("legal_status", "person-legal-status"),
    ("expected_release", "person-expected-release"),
    ("release_date", "person-release-date"),
    ("release_kind", "episode-release-kind"),
    ("site", "episode-transfer-to"),
    ("transfer_date", "episode-transfer-date"),
    ("prison_number", "episode-new-prison-number"),
];

#[expect(clippy::too_many_arguments, reason = "the parts of one page")]
async fn page(
    state: &AppState,
    actor: &Actor,
    step: Step,
    id: i64,
    record: &EpisodeRecord,
    form: EpisodeForm,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let lang = actor_lang(actor);
    let action = format!("/episodes/{id}/{}", step.path());
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, step.title(), &action);
    mark_errors(&mut shell, errors.any());
    let e = &record.episode;
    let sites = if step == Step::Transfer {
        match state.app.list_sites(actor).await {
            Ok(all) => all
                .into_iter()
                .filter(|s| s.active && s.id != e.site_id)
                .map(|s| Choice {
                    selected: s.code == form.site.trim().to_ascii_uppercase(),
                    label: format!("{} · {}", s.code, s.name),
                    code: s.code,
                })
                .collect(),
            Err(error) => return PageError::new(error, lang).into_response(),
        }
    } else {
        Vec::new()
    };
    let recordable: Vec<ReleaseKind> = ReleaseKind::ALL.into_iter().filter(|k| k.is_recorded_as_release()).collect();
    let page = EpisodePage {
        summary: summary(lang, errors.all(), FIELDS),
        step: step.path(),
        person_id: record.person.id,
        person: display_name(&record.person.family_name, &record.person.given_names),
        episode: format!("{} · {} · {}", e.site_code, e.prison_number, e.entry_date),
        statuses: choices(lang, &LegalStatus::ALL, LegalStatus::code, "legal-status", &form.legal_status),
        kinds: choices(lang, &recordable, ReleaseKind::code, "release-kind", &form.release_kind),
        sites,
        shell,
        action,
        form,
        errors,
    };
    super::render(status, &page)
}

/// The episode for a form, refused unless the actor may change it.
async fn editable(state: &AppState, actor: &Actor, id: i64) -> Result<EpisodeRecord, Response> {
    let lang = actor_lang(actor);
    let record = state.app.get_episode(actor, id).await.map_err(|e| PageError::new(e, lang).into_response())?;
    if !actor.may(Action::EditRegister, Target::site(SiteId(record.person.site_id))) {
        return Err(PageError::new(AppError::Forbidden, lang).into_response());
    }
    Ok(record)
}

async fn show_form(state: AppState, actor: Actor, raw_id: String, step: Step) -> Response {
    let Some(id) = parse_id(&raw_id) else {
        return not_found(actor_lang(&actor));
    };
    let record = match editable(&state, &actor, id).await {
        Ok(record) => record,
        Err(response) => return response,
    };
    let today = state.app.register_today().to_string();
    let e = &record.episode;
    let form = match step {
        Step::Edit => EpisodeForm {
            version: e.version.to_string(),
            legal_status: e.legal_status.clone(),
            expected_release: e.expected_release.clone().unwrap_or_default(),
            ..EpisodeForm::default()
        },
        Step::Release => EpisodeForm { release_date: today, ..EpisodeForm::default() },
        Step::Transfer => EpisodeForm { transfer_date: today, ..EpisodeForm::default() },
    };
    page(&state, &actor, step, id, &record, form, FormErrors::default(), StatusCode::OK).await
}

async fn send_form(state: AppState, actor: Actor, raw_id: String, form: EpisodeForm, step: Step) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::EditRegister, step.event()).await {
        return refused;
    }
    let Some(id) = parse_id(&raw_id) else {
        return not_found(lang);
    };
    let app = &state.app;
    let done = match step {
        Step::Edit => {
            let fields =
                EpisodeChangeFields { legal_status: &form.legal_status, expected_release: &form.expected_release };
            let version = form.version.trim().parse::<i64>().unwrap_or(0);
            app.update_episode(&actor, id, version, &fields).await.map(|person| format!("/people/{person}?saved=1"))
        }
        Step::Release => {
            let fields = ReleaseFields { release_date: &form.release_date, release_kind: &form.release_kind };
            app.release_episode(&actor, id, &fields).await.map(|person| format!("/people/{person}?saved=1"))
        }
        Step::Transfer => {
            let fields = TransferFields {
                site: &form.site,
                transfer_date: &form.transfer_date,
                prison_number: &form.prison_number,
            };
            app.transfer_person(&actor, id, &fields).await.map(|moved| {
                // The sending team no longer sees the person: it goes back to its register.
                if actor.may(Action::ViewRegister, Target::site(moved.site)) {
                    format!("/people/{}?saved=1", moved.person_id)
                } else {
                    let code = SiteCode::parse(&form.site).map(|c| c.to_string()).unwrap_or_default();
                    link("/people", &[("transferred", &code)])
                }
            })
        }
    };
    let errors = match done {
        Ok(to) => return Redirect::to(&to).into_response(),
        Err(AppError::Invalid(invalid)) => (FormErrors::new(lang, &invalid), StatusCode::UNPROCESSABLE_ENTITY),
        Err(AppError::Conflict(_)) => (FormErrors::general(lang, "error-conflict"), StatusCode::CONFLICT),
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    match editable(&state, &actor, id).await {
        Ok(record) => page(&state, &actor, step, id, &record, form, errors.0, errors.1).await,
        Err(response) => response,
    }
}

async fn edit_form(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    show_form(state, actor, id, Step::Edit).await
}

async fn release_form(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    show_form(state, actor, id, Step::Release).await
}

async fn transfer_form(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    show_form(state, actor, id, Step::Transfer).await
}

async fn update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<EpisodeForm>,
) -> Response {
    send_form(state, actor, id, form, Step::Edit).await
}

async fn release(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<EpisodeForm>,
) -> Response {
    send_form(state, actor, id, form, Step::Release).await
}

async fn transfer(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<EpisodeForm>,
) -> Response {
    send_form(state, actor, id, form, Step::Transfer).await
}

pub(crate) fn routes(routes: Routes) -> Routes {
    routes
        .add("GET", "/episodes/{id}/edit", Access::Policy(Action::EditRegister), get(edit_form))
        .add("POST", "/episodes/{id}/edit", Access::Policy(Action::EditRegister), post(update))
        .add("GET", "/episodes/{id}/release", Access::Policy(Action::EditRegister), get(release_form))
        .add("POST", "/episodes/{id}/release", Access::Policy(Action::EditRegister), post(release))
        .add("GET", "/episodes/{id}/transfer", Access::Policy(Action::EditRegister), get(transfer_form))
        .add("POST", "/episodes/{id}/transfer", Access::Policy(Action::EditRegister), post(transfer))
}
