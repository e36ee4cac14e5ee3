//! Handovers at a transfer (issue 5, item 5): a transfer between pilot
//! prisons as each team sees it, acknowledged by the receiving team; the
//! transfer to a prison outside the programme (a confirmed form) and its
//! handover document (PDF).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use continuum_app::{Actor, AppError};
use continuum_domain::handover::OutTransferFields;
use continuum_domain::ids::SiteId;
use continuum_domain::policy::{Action, Target};
use continuum_domain::site::Language;
use serde::Deserialize;

use super::people::{Choice, display_name};
use super::sites::{SummaryItem, mark_errors, not_found, parse_id, short_time, summary};
use crate::error::PageError;
use crate::extract::{CsrfForm, SignedIn, actor_lang};
use crate::routes::{Access, Routes};
use crate::shell::{FormErrors, Shell};
use crate::state::AppState;

struct StepLine {
    at: String,
    step: String,
    state: String,
}

#[derive(Template)]
#[template(path = "handover.html")]
struct HandoverPage {
    shell: Shell,
    id: i64,
    person_id: i64,
    name: String,
    from_site: String,
    to_site: String,
    prison_number: String,
    transfer_date: String,
    transferred: String,
    acknowledged: String,
    sending_team_view: bool,
    may_acknowledge: bool,
    steps: Vec<StepLine>,
    error: String,
}

/// A state of the transition log (`in_care`, `declined:intake`,
/// `closed:completed`) in words.
fn state_label(lang: continuum_i18n::Lang, code: &str) -> String {
    match code.split_once(':') {
        Some(("closed", reason)) => format!(
            "{} ({})",
            continuum_i18n::t(lang, "pathway-state-closed"),
            continuum_i18n::t(lang, &format!("pathway-closing-{reason}"))
        ),
        Some(("declined", _)) => continuum_i18n::t(lang, "pathway-state-declined"),
        _ => continuum_i18n::t(lang, &format!("pathway-state-{code}")),
    }
}

async fn handover_page(state: &AppState, actor: &Actor, id: i64, error: String, status: StatusCode) -> Response {
    let lang = actor_lang(actor);
    let view = match state.app.handover(actor, id).await {
        Ok(view) => view,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let h = view.handover;
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "handover-title", &format!("/handovers/{id}"));
    mark_errors(&mut shell, !error.is_empty());
    let page = HandoverPage {
        shell,
        id,
        person_id: h.person_id,
        name: display_name(&h.family_name, &h.given_names),
        from_site: h.from_site,
        to_site: h.to_site,
        prison_number: h.prison_number,
        transfer_date: h.transfer_date,
        transferred: format!("{} · {}", short_time(&h.transferred_at), h.transferred_by.unwrap_or_default()),
        acknowledged: h
            .acknowledged_at
            .map(|at| format!("{} · {}", short_time(&at), h.acknowledged_by.unwrap_or_default()))
            .unwrap_or_default(),
        sending_team_view: view.sending_team_view,
        may_acknowledge: view.may_acknowledge,
        steps: view
            .steps
            .into_iter()
            .map(|s| StepLine {
                at: short_time(&s.at),
                step: continuum_i18n::t(lang, &format!("pathway-command-{}", s.command)),
                state: state_label(lang, &s.to_state),
            })
            .collect(),
        error,
    };
    super::render(status, &page)
}

async fn show(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let Some(id) = parse_id(&id) else {
        return not_found(actor_lang(&actor));
    };
    handover_page(&state, &actor, id, String::new(), StatusCode::OK).await
}

#[derive(Deserialize, Default)]
struct Empty {}

async fn acknowledge(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form: _ }: CsrfForm<Empty>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteClinical, "handover.acknowledge").await {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    match state.app.acknowledge_handover(&actor, id).await {
        Ok(_) => Redirect::to("/worklist").into_response(),
        Err(AppError::Conflict(code)) => {
            handover_page(&state, &actor, id, continuum_i18n::t(lang, code), StatusCode::CONFLICT).await
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

/// A line of the worklist's handovers.
pub(super) struct HandoverLine {
    pub id: i64,
    pub name: String,
    pub direction: String,
    pub route: String,
    pub transferred: String,
}

/// The handovers waiting at `site`, for its clinical team (`None` for
/// everyone else).
pub(super) async fn worklist_lines(
    state: &AppState,
    actor: &Actor,
    site: SiteId,
) -> Result<Option<Vec<HandoverLine>>, AppError> {
    if !actor.may(Action::ReadClinical, Target::site(site)) {
        return Ok(None);
    }
    let lang = actor_lang(actor);
    let rows = state.app.pending_handovers(actor, site).await?;
    Ok(Some(
        rows.into_iter()
            .map(|h| HandoverLine {
                id: h.id,
                name: display_name(&h.family_name, &h.given_names),
                direction: continuum_i18n::t(
                    lang,
                    if h.to_site_id == site.0 { "handover-incoming" } else { "handover-outgoing" },
                ),
                route: format!("{} → {}", h.from_site, h.to_site),
                transferred: short_time(&h.transferred_at),
            })
            .collect(),
    ))
}

// ---------------------------------------------------------------------------
// The transfer out of the programme

#[derive(Deserialize, Default)]
struct OutForm {
    #[serde(default)]
    prison: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    transfer_date: String,
}

#[derive(Template)]
#[template(path = "transfer_out.html")]
struct TransferOutPage {
    shell: Shell,
    person_id: i64,
    name: String,
    form: OutForm,
    languages: Vec<Choice>,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
}

const FIELDS: &[(&str, &str)] = &[
    ("prison", "transfer-out-prison"),
    ("language", "transfer-out-language"),
    ("transfer_date", "episode-transfer-date"),
    ("episode", "people-episodes"),
];

async fn out_page(
    state: &AppState,
    actor: &Actor,
    id: i64,
    form: OutForm,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let lang = actor_lang(actor);
    let record = match state.app.get_person(actor, id).await {
        Ok(record) => record,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    if !actor.may(Action::WriteClinical, Target::site(SiteId(record.person.site_id))) {
        return PageError::new(AppError::Forbidden, lang).into_response();
    }
    let path = format!("/people/{id}/transfer-out");
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "transfer-out-title", &path);
    mark_errors(&mut shell, errors.any());
    let languages = Language::ALL
        .iter()
        .map(|l| Choice {
            code: l.code().to_owned(),
            label: continuum_i18n::Lang::parse(l.code())
                .map_or_else(|| l.code().to_owned(), |n| n.native_name().to_owned()),
            selected: l.code() == form.language,
        })
        .collect();
    let page = TransferOutPage {
        summary: summary(lang, errors.all(), FIELDS),
        person_id: id,
        name: display_name(&record.person.family_name, &record.person.given_names),
        languages,
        form,
        errors,
        shell,
    };
    super::render(status, &page)
}

async fn out_form(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let Some(id) = parse_id(&id) else {
        return not_found(actor_lang(&actor));
    };
    let form = OutForm { transfer_date: state.app.register_today().to_string(), ..OutForm::default() };
    out_page(&state, &actor, id, form, FormErrors::default(), StatusCode::OK).await
}

async fn transfer_out(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<OutForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteClinical, "person.transfer_out").await {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let fields =
        OutTransferFields { prison: &form.prison, language: &form.language, transfer_date: &form.transfer_date };
    match state.app.transfer_out_of_programme(&actor, id, &fields).await {
        Ok(done) => Redirect::to(&format!("/people/{}?saved=1", done.person_id)).into_response(),
        Err(AppError::Invalid(invalid)) => {
            let errors = FormErrors::new(lang, &invalid);
            out_page(&state, &actor, id, form, errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

async fn document(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    match state.app.handover_document(&actor, id).await {
        Ok((row, pdf)) => pdf_response(row.id, pdf),
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

/// A handover document as a PDF download.
pub(crate) fn pdf_response(id: i64, pdf: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"handover-{id}.pdf\"")),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        pdf,
    )
        .into_response()
}

/// A person's handover documents, for the person's page (empty for
/// whoever may not read them).
pub(super) async fn document_links(
    state: &AppState,
    actor: &Actor,
    person: i64,
    site: SiteId,
) -> Result<Vec<(i64, String)>, AppError> {
    if !actor.may(Action::ReadClinical, Target::site(site)) {
        return Ok(Vec::new());
    }
    let documents = state.app.handover_documents(actor, person).await?;
    Ok(documents
        .into_iter()
        .map(|d| (d.id, format!("{} · {} · {}", d.transfer_date, d.receiving_prison, d.language)))
        .collect())
}

pub(crate) fn routes(routes: Routes) -> Routes {
    let read = Access::Policy(Action::ReadClinical);
    let write = Access::Policy(Action::WriteClinical);
    routes
        .add("GET", "/handovers/{id}", read, get(show))
        .add("POST", "/handovers/{id}/acknowledge", write, post(acknowledge))
        .add("GET", "/people/{id}/transfer-out", write, get(out_form))
        .add("POST", "/people/{id}/transfer-out", write, post(transfer_out))
        .add("GET", "/handover-documents/{id}", read, get(document))
}
