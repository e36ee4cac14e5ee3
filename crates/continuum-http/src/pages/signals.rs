//! Signals: the form to signal that someone may need help, the signaller's
//! own list (what they sent, whether it was received, nothing more), and
//! the care team's list of a prison's incoming signals, where each is
//! matched to a person and acknowledged. The worklist shows the first
//! incoming signals too ([`incoming_lines`]).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use continuum_app::signals::{Signal, SignalFilter, SignalMatch};
use continuum_app::{Actor, AppError, Paging};
use continuum_domain::ids::SiteId;
use continuum_domain::policy::{Action, Target};
use continuum_domain::signal::{NAME_MAX, REASON_MAX, SignalDraft, SignalFields};
use continuum_i18n::Lang;
use serde::Deserialize;

use super::people::{Choice, display_name};
use super::sites::{Pager, SummaryItem, link, mark_errors, not_found, page_number, parse_id, short_time, summary};
use crate::error::PageError;
use crate::extract::{CsrfForm, SignedIn, actor_lang};
use crate::routes::{Access, Routes};
use crate::shell::{FormErrors, Shell};
use crate::state::AppState;

const PER_PAGE: u32 = 25;

#[derive(Deserialize, Default)]
struct ListQuery {
    #[serde(default)]
    page: String,
    #[serde(default)]
    sent: String,
    #[serde(default)]
    all: String,
}

// ---------------------------------------------------------------------------
// The signaller's own list

struct OwnLine {
    signalled_at: String,
    site: String,
    prison_number: String,
    name: String,
    reason: String,
    on_behalf: bool,
    received_at: String,
}

#[derive(Template)]
#[template(path = "signals.html")]
struct OwnPage {
    shell: Shell,
    rows: Vec<OwnLine>,
    pager: Pager,
    sent: bool,
}

async fn mine(State(state): State<AppState>, SignedIn(actor): SignedIn, Query(query): Query<ListQuery>) -> Response {
    let lang = actor_lang(&actor);
    let paging = Paging { page: page_number(&query.page), per_page: PER_PAGE };
    let listing = match state.app.my_signals(&actor, paging).await {
        Ok(listing) => listing,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let page = OwnPage {
        shell: Shell::signed_in(&actor, state.settings.demo_mode, "signals-mine-title", "/signals"),
        pager: Pager::new(lang, &listing, "/signals", &[]),
        rows: listing
            .items
            .into_iter()
            .map(|s| OwnLine {
                signalled_at: short_time(&s.signalled_at),
                site: s.site_code,
                prison_number: s.prison_number,
                name: s.name,
                reason: s.reason,
                on_behalf: s.source == "person",
                received_at: s.received_at.as_deref().map(short_time).unwrap_or_default(),
            })
            .collect(),
        sent: !query.sent.is_empty(),
    };
    super::render(StatusCode::OK, &page)
}

// ---------------------------------------------------------------------------
// The form: by prison number, or about a person of the register

#[derive(Deserialize, Default)]
struct SignalForm {
    #[serde(default)]
    site: String,
    #[serde(default)]
    prison_number: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    on_behalf_of_person: Option<String>,
}

/// The person a signal from the register is about.
struct About {
    id: i64,
    name: String,
}

#[derive(Template)]
#[template(path = "signal_form.html")]
struct FormPage {
    shell: Shell,
    action: String,
    about: Option<About>,
    sites: Vec<Choice>,
    form: SignalForm,
    /// The attributes of the inputs that carry the domain's limits.
    name_extra: String,
    reason_extra: String,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
}

const FIELDS: &[(&str, &str)] = &[
    ("site", "person-site"),
    ("prison_number", "person-prison-number"),
    ("name", "signals-name"),
    ("reason", "signals-reason"),
];

fn form_page(
    state: &AppState,
    actor: &Actor,
    about: Option<About>,
    form: SignalForm,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let lang = actor_lang(actor);
    let action = match &about {
        Some(person) => format!("/people/{}/signal", person.id),
        None => "/signals/new".to_owned(),
    };
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "signals-new-title", &action);
    mark_errors(&mut shell, errors.any());
    let permitted = state.app.signal_sites(actor);
    let chosen = if form.site.is_empty() {
        permitted.first().and_then(|id| actor.sites.iter().find(|s| s.id == *id)).map(|s| s.code.clone())
    } else {
        Some(form.site.clone())
    };
    let sites = permitted
        .iter()
        .filter_map(|id| actor.sites.iter().find(|s| s.id == *id))
        .map(|s| Choice {
            code: s.code.clone(),
            label: format!("{} · {}", s.code, s.name),
            selected: Some(&s.code) == chosen.as_ref(),
        })
        .collect();
    let page = FormPage {
        summary: summary(lang, errors.all(), FIELDS),
        shell,
        action,
        about,
        sites,
        form,
        name_extra: format!("maxlength=\"{NAME_MAX}\" autocomplete=\"off\""),
        reason_extra: format!("maxlength=\"{REASON_MAX}\""),
        errors,
    };
    super::render(status, &page)
}

async fn new_form(State(state): State<AppState>, SignedIn(actor): SignedIn) -> Response {
    if state.app.signal_sites(&actor).is_empty() {
        return PageError::new(AppError::Forbidden, actor_lang(&actor)).into_response();
    }
    form_page(&state, &actor, None, SignalForm::default(), FormErrors::default(), StatusCode::OK)
}

async fn create(State(state): State<AppState>, CsrfForm { actor, form }: CsrfForm<SignalForm>) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::SignalPerson, "signal.create").await {
        return refused;
    }
    let site = actor.sites.iter().find(|s| s.code == form.site.trim()).map(|s| s.id);
    let draft = SignalDraft::parse(&SignalFields {
        prison_number: &form.prison_number,
        name: &form.name,
        reason: &form.reason,
        on_behalf_of_person: form.on_behalf_of_person.is_some(),
    });
    let mut invalid = draft.as_ref().err().cloned().unwrap_or_default();
    if site.is_none() {
        invalid.push("site", continuum_domain::validation::Problem::UnknownSite);
    }
    let (Some(site), Ok(draft)) = (site, draft) else {
        let errors = FormErrors::new(lang, &invalid);
        return form_page(&state, &actor, None, form, errors, StatusCode::UNPROCESSABLE_ENTITY);
    };
    match state.app.create_signal(&actor, site, &draft).await {
        Ok(_) => Redirect::to("/signals?sent=1").into_response(),
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

/// The person a form from the register is about, if the actor may signal them.
async fn about(state: &AppState, actor: &Actor, raw_id: &str) -> Result<About, Response> {
    let lang = actor_lang(actor);
    let id = parse_id(raw_id).ok_or_else(|| not_found(lang))?;
    let record = state.app.get_person(actor, id).await.map_err(|e| PageError::new(e, lang).into_response())?;
    if !actor.may(Action::SignalPerson, Target::site(SiteId(record.person.site_id))) {
        return Err(PageError::new(AppError::Forbidden, lang).into_response());
    }
    let number = record.episodes.first().map(|e| format!(" ({})", e.prison_number)).unwrap_or_default();
    Ok(About { id, name: format!("{}{number}", display_name(&record.person.family_name, &record.person.given_names)) })
}

async fn person_form(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    match about(&state, &actor, &id).await {
        Ok(person) => {
            form_page(&state, &actor, Some(person), SignalForm::default(), FormErrors::default(), StatusCode::OK)
        }
        Err(response) => response,
    }
}

async fn signal_person(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<SignalForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::ViewRegister, "signal.create").await {
        return refused;
    }
    let Some(person_id) = parse_id(&id) else {
        return not_found(lang);
    };
    let on_behalf = form.on_behalf_of_person.is_some();
    match state.app.signal_person(&actor, person_id, &form.reason, on_behalf).await {
        Ok(_) => Redirect::to(&format!("/people/{person_id}?saved=1")).into_response(),
        Err(AppError::Invalid(invalid)) => match about(&state, &actor, &id).await {
            Ok(person) => {
                let errors = FormErrors::new(lang, &invalid);
                form_page(&state, &actor, Some(person), form, errors, StatusCode::UNPROCESSABLE_ENTITY)
            }
            Err(response) => response,
        },
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

// ---------------------------------------------------------------------------
// The care team's incoming signals

/// A signal on the care team's lists.
pub(super) struct IncomingLine {
    pub id: i64,
    pub signalled_at: String,
    pub source: String,
    pub prison_number: String,
    pub name: String,
    pub reason: String,
    pub signalled_by: String,
    /// The matched person (id 0: none).
    pub matched_id: i64,
    pub matched_name: String,
    /// While unmatched: the person at the prison holding the number typed (id 0: none).
    pub suggested_id: i64,
    pub suggested_name: String,
    pub received_at: String,
    /// What the link form shows: the number typed, or what was typed in it.
    pub link_value: String,
    /// The problem of the last link attempt on this line.
    pub error: String,
}

/// The lines of a list of incoming signals.
pub(super) fn incoming_lines(lang: Lang, items: Vec<Signal>) -> Vec<IncomingLine> {
    items
        .into_iter()
        .map(|s| {
            let name = match (&s.match_family_name, &s.match_given_names) {
                (Some(family), Some(given)) => display_name(family, given),
                _ => String::new(),
            };
            let matched = s.person_id.is_some();
            IncomingLine {
                id: s.id,
                signalled_at: short_time(&s.signalled_at),
                source: continuum_i18n::t(lang, &format!("pathway-source-{}", s.source)),
                link_value: s.prison_number.clone(),
                prison_number: s.prison_number,
                name: s.name,
                reason: s.reason,
                signalled_by: s.signalled_by.unwrap_or_default(),
                matched_id: if matched { s.match_id.unwrap_or(0) } else { 0 },
                matched_name: if matched { name.clone() } else { String::new() },
                suggested_id: if matched { 0 } else { s.match_id.unwrap_or(0) },
                suggested_name: if matched { String::new() } else { name },
                received_at: s.received_at.as_deref().map(short_time).unwrap_or_default(),
                error: String::new(),
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "signals_incoming.html")]
struct IncomingPage {
    shell: Shell,
    site: String,
    all: bool,
    all_href: String,
    back: String,
    rows: Vec<IncomingLine>,
    pager: Pager,
    summary: Vec<SummaryItem>,
}

/// A failed link to show on its line: the signal, what was typed, the problem.
struct LinkError {
    id: i64,
    typed: String,
    errors: FormErrors,
}

async fn incoming_page(
    state: &AppState,
    actor: &Actor,
    query: &ListQuery,
    failed: Option<LinkError>,
    status: StatusCode,
) -> Response {
    let lang = actor_lang(actor);
    let all = !query.all.is_empty();
    let filter = if all { SignalFilter::All } else { SignalFilter::Pending };
    let paging = Paging { page: page_number(&query.page), per_page: PER_PAGE };
    let (site, listing) = match state.app.site_signals(actor, None, filter, paging).await {
        Ok(found) => found,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let all_param = if all { "1" } else { "" };
    let pager = Pager::new(lang, &listing, "/signals/incoming", &[("all", all_param)]);
    let back = link("/signals/incoming", &[("all", all_param), ("page", &query.page)]);
    let mut rows = incoming_lines(lang, listing.items);
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "signals-incoming-title", "/signals/incoming");
    let mut messages = Vec::new();
    if let Some(failed) = failed {
        mark_errors(&mut shell, true);
        if let Some(row) = rows.iter_mut().find(|r| r.id == failed.id) {
            row.link_value = failed.typed;
            row.error = failed.errors.all().iter().map(|(_, m)| m.clone()).collect::<Vec<_>>().join(" ");
        }
        messages = failed.errors.all().to_vec();
    }
    let page = IncomingPage {
        summary: summary(
            lang,
            &messages,
            &[("prison_number", "person-prison-number"), ("person_id", "signals-person")],
        ),
        site: actor.sites.iter().find(|s| s.id == site).map(|s| format!("{} · {}", s.code, s.name)).unwrap_or_default(),
        all,
        all_href: if all { "/signals/incoming".to_owned() } else { "/signals/incoming?all=1".to_owned() },
        back,
        rows,
        pager,
        shell,
    };
    super::render(status, &page)
}

async fn incoming(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Query(query): Query<ListQuery>,
) -> Response {
    incoming_page(&state, &actor, &query, None, StatusCode::OK).await
}

#[derive(Deserialize, Default)]
struct LinkForm {
    #[serde(default)]
    person_id: String,
    #[serde(default)]
    prison_number: String,
    #[serde(default)]
    back: String,
}

/// Where a care team's form returns to: the worklist or the list of
/// incoming signals (and its query).
fn back_to(back: &str) -> &str {
    let back = super::safe_back(back);
    if back == "/worklist" || back.starts_with("/signals/incoming") { back } else { "/signals/incoming" }
}

async fn link_signal(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<LinkForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteClinical, "signal.link").await {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let to = match form.person_id.trim().parse::<i64>() {
        Ok(person) => SignalMatch::Person(person),
        Err(_) => SignalMatch::PrisonNumber(form.prison_number.clone()),
    };
    match state.app.link_signal(&actor, id, &to).await {
        Ok(_) => Redirect::to(back_to(&form.back)).into_response(),
        Err(AppError::Invalid(invalid)) => {
            let failed = LinkError { id, typed: form.prison_number.clone(), errors: FormErrors::new(lang, &invalid) };
            let query = ListQuery::default();
            incoming_page(&state, &actor, &query, Some(failed), StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Conflict(_)) => Redirect::to(back_to(&form.back)).into_response(),
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

#[derive(Deserialize, Default)]
struct AcknowledgeForm {
    #[serde(default)]
    back: String,
}

async fn acknowledge(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<AcknowledgeForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteClinical, "signal.acknowledge").await {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    match state.app.acknowledge_signal(&actor, id).await {
        // Received by a colleague meanwhile: it is received all the same.
        Ok(()) | Err(AppError::Conflict(_)) => Redirect::to(back_to(&form.back)).into_response(),
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

pub(crate) fn routes(routes: Routes) -> Routes {
    routes
        .add("GET", "/signals", Access::Policy(Action::SignalPerson), get(mine))
        .add("GET", "/signals/new", Access::Policy(Action::SignalPerson), get(new_form))
        .add("POST", "/signals/new", Access::Policy(Action::SignalPerson), post(create))
        .add("GET", "/signals/incoming", Access::Policy(Action::ViewRegister), get(incoming))
        .add("POST", "/signals/{id}/link", Access::Policy(Action::WriteClinical), post(link_signal))
        .add("POST", "/signals/{id}/acknowledge", Access::Policy(Action::WriteClinical), post(acknowledge))
        .add("GET", "/people/{id}/signal", Access::Policy(Action::ViewRegister), get(person_form))
        .add("POST", "/people/{id}/signal", Access::Policy(Action::ViewRegister), post(signal_person))
}
