//! Organisations (prisons, drug services, outside care providers): a
//! searchable list, the details with every version, and the forms of
//! administrators and coordinators.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use continuum_app::reference::{Organisation, OrganisationFilter};
use continuum_app::{Actor, AppError, Paging};
use continuum_domain::policy::{Action, Target};
use continuum_domain::reference::{OrganisationDraft, OrganisationKind};
use continuum_i18n::Lang;
use serde::Deserialize;

use super::sites::{
    LanguageChoice, Pager, SummaryItem, language_choices, language_names, link, mark_errors, not_found, page_number,
    parse_id, short_time, split_codes, summary,
};
use crate::error::PageError;
use crate::extract::{CsrfForm, SignedIn, actor_lang};
use crate::routes::{Access, Routes};
use crate::shell::{FormErrors, Shell};
use crate::state::AppState;

const PER_PAGE: u32 = 25;

/// The translated name of a kind code.
fn kind_label(lang: Lang, code: &str) -> String {
    continuum_i18n::t(lang, &format!("org-kind-{code}"))
}

/// A kind in a select: (code, label, selected).
struct KindOption {
    code: &'static str,
    label: String,
    selected: bool,
}

fn kind_options(lang: Lang, chosen: &str) -> Vec<KindOption> {
    OrganisationKind::ALL
        .iter()
        .map(|k| KindOption { code: k.code(), label: kind_label(lang, k.code()), selected: k.code() == chosen })
        .collect()
}

// ---------------------------------------------------------------------------
// The list

#[derive(Deserialize, Default)]
struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    sort: String,
    #[serde(default)]
    page: String,
}

struct OrganisationLine {
    id: i64,
    name: String,
    kind: String,
    languages: String,
    active: bool,
}

#[derive(Template)]
#[template(path = "organisations.html")]
struct OrganisationsPage {
    shell: Shell,
    q: String,
    kinds: Vec<KindOption>,
    by_kind: bool,
    sort_name_href: String,
    sort_kind_href: String,
    filtered: bool,
    rows: Vec<OrganisationLine>,
    pager: Pager,
    may_manage: bool,
}

async fn list(State(state): State<AppState>, SignedIn(actor): SignedIn, Query(query): Query<ListQuery>) -> Response {
    let lang = actor_lang(&actor);
    let q = query.q.trim().to_owned();
    let kind = OrganisationKind::parse(&query.kind).map(|k| k.code()).unwrap_or_default();
    let by_kind = query.sort == "kind";
    let filter = OrganisationFilter {
        search: (!q.is_empty()).then(|| q.clone()),
        kind: (!kind.is_empty()).then(|| kind.to_owned()),
        sort_by_kind: by_kind,
    };
    let paging = Paging { page: page_number(&query.page), per_page: PER_PAGE };
    let listing = match state.app.list_organisations(&actor, &filter, paging).await {
        Ok(listing) => listing,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let sort = if by_kind { "kind" } else { "" };
    let pager = Pager::new(lang, &listing, "/organisations", &[("q", &q), ("kind", kind), ("sort", sort)]);
    let page = OrganisationsPage {
        shell: Shell::signed_in(&actor, state.settings.demo_mode, "organisations-title", "/organisations"),
        sort_name_href: link("/organisations", &[("q", &q), ("kind", kind)]),
        sort_kind_href: link("/organisations", &[("q", &q), ("kind", kind), ("sort", "kind")]),
        filtered: !q.is_empty() || !kind.is_empty(),
        q,
        kinds: kind_options(lang, kind),
        by_kind,
        rows: listing
            .items
            .into_iter()
            .map(|o| OrganisationLine {
                id: o.id,
                kind: kind_label(lang, &o.kind),
                languages: language_names(lang, &o.languages),
                name: o.name,
                active: o.active,
            })
            .collect(),
        pager,
        may_manage: actor.may(Action::ManageOrganisations, Target::PROGRAMME),
    };
    super::render(StatusCode::OK, &page)
}

// ---------------------------------------------------------------------------
// Details and history

struct VersionLine {
    version: i64,
    changed_at: String,
    changed_by: String,
    name: String,
    kind: String,
    languages: String,
    contact: String,
    active: bool,
}

#[derive(Template)]
#[template(path = "organisation.html")]
struct OrganisationPage {
    shell: Shell,
    organisation: Organisation,
    kind: String,
    languages: String,
    contact_lines: Vec<String>,
    updated_at: String,
    history: Vec<VersionLine>,
    may_manage: bool,
    saved: bool,
    /// The directory (issue 6, item 2): the organisation's services
    /// (id, name, kind) and where to add one.
    services: Vec<(i64, String, String)>,
    new_service: String,
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
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let (organisation, versions) = match state.app.get_organisation(&actor, id).await {
        Ok(found) => found,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let services = match super::directory::of_organisation(&state, &actor, id).await {
        Ok(services) => services,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let mut shell =
        Shell::signed_in(&actor, state.settings.demo_mode, "organisations-title", &format!("/organisations/{id}"));
    shell.title.clone_from(&organisation.name);
    let history = versions
        .into_iter()
        .map(|v| VersionLine {
            version: v.version,
            changed_at: short_time(&v.changed_at),
            changed_by: v.changed_by.unwrap_or_default(),
            kind: kind_label(lang, &v.kind),
            languages: language_names(lang, &v.languages),
            name: v.name,
            contact: v.contact,
            active: v.active,
        })
        .collect();
    let page = OrganisationPage {
        kind: kind_label(lang, &organisation.kind),
        languages: language_names(lang, &organisation.languages),
        contact_lines: organisation.contact.lines().map(str::to_owned).collect(),
        updated_at: short_time(&organisation.updated_at),
        shell,
        organisation,
        history,
        may_manage: actor.may(Action::ManageOrganisations, Target::PROGRAMME),
        saved: !query.saved.is_empty(),
        services,
        new_service: super::directory::new_service_link(id),
    };
    super::render(StatusCode::OK, &page)
}

// ---------------------------------------------------------------------------
// The form (new and edit)

/// What the organisation form holds, as typed.
#[derive(Deserialize, Default)]
struct OrganisationForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default)]
    contact: String,
    #[serde(default)]
    active: Option<String>,
    #[serde(default)]
    version: String,
}

#[derive(Template)]
#[template(path = "organisation_form.html")]
struct OrganisationFormPage {
    shell: Shell,
    id: Option<i64>,
    action: String,
    form: OrganisationForm,
    kinds: Vec<KindOption>,
    languages: Vec<LanguageChoice>,
    active: bool,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
}

const FIELDS: &[(&str, &str)] =
    &[("name", "name"), ("kind", "kind"), ("languages", "languages"), ("contact", "contact")];

fn organisation_form(
    state: &AppState,
    actor: &Actor,
    id: Option<i64>,
    form: OrganisationForm,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let lang = actor_lang(actor);
    let (title, path) = match id {
        Some(id) => ("organisations-edit-title", format!("/organisations/{id}/edit")),
        None => ("organisations-new-title", "/organisations/new".to_owned()),
    };
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, title, &path);
    mark_errors(&mut shell, errors.any());
    let page = OrganisationFormPage {
        shell,
        id,
        action: path,
        kinds: kind_options(lang, form.kind.trim()),
        languages: language_choices(lang, &form.languages),
        active: form.active.is_some(),
        summary: summary(lang, errors.all(), FIELDS),
        form,
        errors,
    };
    super::render(status, &page)
}

fn may_manage(actor: &Actor) -> Option<Response> {
    (!actor.may(Action::ManageOrganisations, Target::PROGRAMME))
        .then(|| PageError::new(AppError::Forbidden, actor_lang(actor)).into_response())
}

fn parse(form: &OrganisationForm) -> Result<OrganisationDraft, continuum_domain::validation::Invalid> {
    OrganisationDraft::parse(&form.name, &form.kind, &form.languages, &form.contact, form.active.is_some())
}

async fn new_form(State(state): State<AppState>, SignedIn(actor): SignedIn) -> Response {
    if let Some(refused) = may_manage(&actor) {
        return refused;
    }
    let form = OrganisationForm { active: Some("on".into()), ..OrganisationForm::default() };
    organisation_form(&state, &actor, None, form, FormErrors::default(), StatusCode::OK)
}

async fn create(State(state): State<AppState>, CsrfForm { actor, form }: CsrfForm<OrganisationForm>) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) =
        super::refused_unless(&state, &actor, Action::ManageOrganisations, "organisation.create").await
    {
        return refused;
    }
    let draft = match parse(&form) {
        Ok(draft) => draft,
        Err(invalid) => {
            let errors = FormErrors::new(lang, &invalid);
            return organisation_form(&state, &actor, None, form, errors, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    match state.app.create_organisation(&actor, draft).await {
        Ok(id) => Redirect::to(&format!("/organisations/{id}?saved=1")).into_response(),
        Err(AppError::Invalid(invalid)) => {
            let errors = FormErrors::new(lang, &invalid);
            organisation_form(&state, &actor, None, form, errors, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

async fn edit_form(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    if let Some(refused) = may_manage(&actor) {
        return refused;
    }
    let organisation = match state.app.get_organisation(&actor, id).await {
        Ok((organisation, _)) => organisation,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let form = OrganisationForm {
        name: organisation.name,
        kind: organisation.kind,
        languages: split_codes(&organisation.languages),
        contact: organisation.contact,
        active: organisation.active.then(|| "on".to_owned()),
        version: organisation.version.to_string(),
    };
    organisation_form(&state, &actor, Some(id), form, FormErrors::default(), StatusCode::OK)
}

async fn update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<OrganisationForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) =
        super::refused_unless(&state, &actor, Action::ManageOrganisations, "organisation.update").await
    {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let draft = match parse(&form) {
        Ok(draft) => draft,
        Err(invalid) => {
            let errors = FormErrors::new(lang, &invalid);
            return organisation_form(&state, &actor, Some(id), form, errors, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let version = form.version.trim().parse::<i64>().unwrap_or(0);
    match state.app.update_organisation(&actor, id, version, draft).await {
        Ok(()) => Redirect::to(&format!("/organisations/{id}?saved=1")).into_response(),
        Err(AppError::Invalid(invalid)) => {
            let errors = FormErrors::new(lang, &invalid);
            organisation_form(&state, &actor, Some(id), form, errors, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(AppError::Conflict(_)) => {
            let errors = FormErrors::general(lang, "error-conflict");
            organisation_form(&state, &actor, Some(id), form, errors, StatusCode::CONFLICT)
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

pub(crate) fn routes(routes: Routes) -> Routes {
    let view = Access::Policy(Action::ViewReferenceData);
    let manage = Access::Policy(Action::ManageOrganisations);
    routes
        .add("GET", "/organisations", view, get(list))
        .add("GET", "/organisations/new", manage, get(new_form))
        .add("POST", "/organisations/new", manage, post(create))
        .add("GET", "/organisations/{id}", view, get(show))
        .add("GET", "/organisations/{id}/edit", manage, get(edit_form))
        .add("POST", "/organisations/{id}/edit", manage, post(update))
}
