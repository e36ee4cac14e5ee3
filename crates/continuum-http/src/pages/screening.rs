//! Administering the screening in interview mode: one item at a time, with
//! a way back, then the result with the action each risk level calls for.
//! Only clinical roles reach these pages.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use continuum_app::AppError;
use continuum_app::screening::ScreeningProgress;
use continuum_domain::policy::Action;
use serde::Deserialize;

use super::sites::{not_found, parse_id, short_time};
use crate::error::PageError;
use crate::extract::{CsrfForm, SignedIn, actor_lang};
use crate::routes::{Access, Routes};
use crate::shell::Shell;
use crate::state::AppState;

#[derive(Deserialize, Default)]
struct StartForm {}

async fn start(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form: _ }: CsrfForm<StartForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteClinical, "screening.start").await {
        return refused;
    }
    let Some(person_id) = parse_id(&id) else {
        return not_found(lang);
    };
    match state.app.start_screening(&actor, person_id).await {
        Ok(screening) => Redirect::to(&format!("/screenings/{screening}")).into_response(),
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

#[derive(Deserialize, Default)]
struct ItemQuery {
    #[serde(default)]
    item: String,
}

#[derive(Template)]
#[template(path = "screening.html")]
struct ScreeningPage {
    shell: Shell,
    id: i64,
    person_id: i64,
    progress: ScreeningProgress,
    percent: usize,
    error: String,
    /// Self-administered on a tablet: the state of the tablet, as a sentence.
    kiosk: Option<String>,
}

fn screening_page(
    state: &AppState,
    actor: &continuum_app::Actor,
    id: i64,
    progress: ScreeningProgress,
    error: String,
    kiosk: Option<String>,
) -> Response {
    let title = if kiosk.is_some() { "kiosk-screening-title" } else { "screening-title" };
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, title, &format!("/screenings/{id}"));
    let status = if error.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    if !error.is_empty() {
        shell.title = format!("{} {}", shell.t("notice-danger"), shell.title);
    }
    let percent = (progress.answered * 100).checked_div(progress.applicable).unwrap_or(0);
    let page = ScreeningPage { shell, id, person_id: progress.screening.person_id, progress, percent, error, kiosk };
    super::render(status, &page)
}

/// The tablet of a self-administered screening, as the worker's page says it.
fn kiosk_state(lang: continuum_i18n::Lang, status: Option<&continuum_app::kiosk::KioskStatus>) -> String {
    match status {
        None => continuum_i18n::t(lang, "kiosk-state-none"),
        Some(s) if s.paired => continuum_i18n::t_args(
            lang,
            "kiosk-state-paired",
            &[("time", continuum_i18n::Arg::from(s.last_seen_at.as_deref().map(short_time).unwrap_or_default()))],
        ),
        Some(s) => continuum_i18n::t_args(
            lang,
            "kiosk-state-waiting",
            &[("time", continuum_i18n::Arg::from(short_time(&s.code_expires_at)))],
        ),
    }
}

async fn show(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Path(id): Path<String>,
    Query(query): Query<ItemQuery>,
) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let item = Some(query.item.as_str()).filter(|i| !i.is_empty());
    let progress = match state.app.screening_progress(&actor, id, item).await {
        Ok(progress) => progress,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    if progress.screening.mode != "self" || progress.screening.status != "in_progress" {
        return screening_page(&state, &actor, id, progress, String::new(), None);
    }
    match state.app.kiosk_status(&actor, id).await {
        Ok(status) => {
            let tablet = kiosk_state(lang, status.as_ref());
            screening_page(&state, &actor, id, progress, String::new(), Some(tablet))
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

#[derive(Deserialize, Default)]
struct AnswerForm {
    #[serde(default)]
    item: String,
    #[serde(default)]
    option: String,
    #[serde(default)]
    name: String,
}

async fn answer(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<AnswerForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteClinical, "screening.answer").await {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let name = Some(form.name.as_str()).filter(|n| !n.trim().is_empty());
    match state.app.answer_screening(&actor, id, &form.item, &form.option, name).await {
        Ok(()) => Redirect::to(&format!("/screenings/{id}")).into_response(),
        Err(AppError::Invalid(_)) => match state.app.screening_progress(&actor, id, Some(&form.item)).await {
            Ok(progress) => {
                let error = continuum_i18n::t(lang, "screening-choose-an-answer");
                screening_page(&state, &actor, id, progress, error, None)
            }
            Err(error) => PageError::new(error, lang).into_response(),
        },
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

async fn complete(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form: _ }: CsrfForm<StartForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteClinical, "screening.complete").await {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    match state.app.complete_screening(&actor, id).await {
        Ok(_) => Redirect::to(&format!("/screenings/{id}/result")).into_response(),
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

struct GroupLine {
    label: String,
    name: String,
    score: u32,
    max: u32,
    level: String,
    level_code: String,
    action: String,
}

#[derive(Template)]
#[template(path = "screening_result.html")]
struct ResultPage {
    shell: Shell,
    person_id: i64,
    positive: bool,
    completed_at: String,
    mode: String,
    language: String,
    content_pack: String,
    instrument: String,
    groups: Vec<GroupLine>,
    alerts: Vec<String>,
}

async fn result(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let (screening, result) = match state.app.screening_result(&actor, id).await {
        Ok(found) => found,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let language = continuum_domain::site::Language::parse(lang.code()).unwrap_or(continuum_domain::site::Language::En);
    let instrument = state.app.instruments().get(&result.instrument, &result.version);
    let groups = result
        .groups
        .iter()
        .map(|g| GroupLine {
            label: instrument
                .and_then(|i| i.group(&g.group))
                .map(|group| group.labels.get(language).to_owned())
                .unwrap_or_else(|| g.group.clone()),
            name: g.name.clone().unwrap_or_default(),
            score: g.score,
            max: g.max,
            level: instrument
                .and_then(|i| i.group(&g.group).and_then(|group| group.bands.as_deref()).and_then(|b| i.band_set(b)))
                .and_then(|set| set.band_for(g.score))
                .map(|band| band.labels.get(language).to_owned())
                .unwrap_or_default(),
            level_code: g.level.as_ref().map(|l| l.code.clone()).unwrap_or_default(),
            action: g
                .level
                .as_ref()
                .and_then(|l| l.action.as_ref())
                .map(|a| continuum_i18n::t(lang, a))
                .unwrap_or_default(),
        })
        .collect();
    let content_pack = match screening.content_pack_id {
        Some(pack) => match state.app.content_pack(pack).await {
            Ok(Some(p)) => format!("{} {} · {}", continuum_i18n::t(lang, "kiosk-pack-number"), p.id, p.source),
            Ok(None) => pack.to_string(),
            Err(error) => return PageError::new(error, lang).into_response(),
        },
        None => continuum_i18n::t(lang, "kiosk-pack-none"),
    };
    let page = ResultPage {
        shell: Shell::signed_in(
            &actor,
            state.settings.demo_mode,
            "screening-result-title",
            &format!("/screenings/{id}/result"),
        ),
        person_id: screening.person_id,
        positive: result.positive,
        completed_at: screening.completed_at.as_deref().map(super::sites::short_time).unwrap_or_default(),
        mode: continuum_i18n::t(lang, &format!("screening-mode-{}", screening.mode)),
        language: screening.language.clone(),
        content_pack,
        instrument: format!("{} {}", result.instrument.to_uppercase(), result.version),
        groups,
        alerts: result.alerts.iter().map(|a| continuum_i18n::t(lang, &a.action)).collect(),
    };
    super::render(StatusCode::OK, &page)
}

pub(crate) fn routes(routes: Routes) -> Routes {
    routes
        .add("POST", "/people/{id}/screenings", Access::Policy(Action::WriteClinical), post(start))
        .add("GET", "/screenings/{id}", Access::Policy(Action::WriteClinical), get(show))
        .add("POST", "/screenings/{id}/answer", Access::Policy(Action::WriteClinical), post(answer))
        .add("POST", "/screenings/{id}/complete", Access::Policy(Action::WriteClinical), post(complete))
        .add("GET", "/screenings/{id}/result", Access::Policy(Action::ReadClinical), get(result))
}
