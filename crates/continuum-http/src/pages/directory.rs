//! The directory of care providers on pages (issue 6, item 2): a
//! searchable, paginated list of services (by name, kind, prison covered
//! and language), each service with its contact details, opening hours and
//! history, and the forms of coordinators and administrators.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use continuum_app::directory::{CareService, DirectoryFilter};
use continuum_app::reference::OrganisationFilter;
use continuum_app::{Actor, AppError, Paging};
use continuum_domain::directory::{HOURS_FIELDS, OpeningHours, ServiceDraft, ServiceFields, ServiceKind, WEEKDAYS};
use continuum_domain::policy::{Action, Target};
use continuum_domain::site::Language;
use continuum_i18n::Lang;
use serde::Deserialize;

use super::people::{Choice, choices};
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

fn kind_label(lang: Lang, code: &str) -> String {
    continuum_i18n::t(lang, &format!("service-kind-{code}"))
}

fn day_label(lang: Lang, day: &str) -> String {
    continuum_i18n::t(lang, &format!("weekday-{day}"))
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
    site: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    inactive: String,
    #[serde(default)]
    page: String,
}

struct ServiceLine {
    id: i64,
    name: String,
    organisation: String,
    kind: String,
    sites: String,
    languages: String,
    phone: String,
    active: bool,
}

fn service_line(lang: Lang, s: CareService) -> ServiceLine {
    ServiceLine {
        id: s.id,
        kind: kind_label(lang, &s.kind),
        languages: language_names(lang, &s.languages),
        sites: s.sites.join(", "),
        name: s.name,
        organisation: s.organisation,
        phone: s.phone,
        active: s.active,
    }
}

#[derive(Template)]
#[template(path = "directory.html")]
struct DirectoryPage {
    shell: Shell,
    q: String,
    kinds: Vec<Choice>,
    sites: Vec<Choice>,
    languages: Vec<Choice>,
    inactive: bool,
    filtered: bool,
    rows: Vec<ServiceLine>,
    pager: Pager,
    may_manage: bool,
}

async fn list(State(state): State<AppState>, SignedIn(actor): SignedIn, Query(query): Query<ListQuery>) -> Response {
    let lang = actor_lang(&actor);
    let kind = ServiceKind::parse(&query.kind);
    let language = Language::parse(&query.language).filter(|_| !query.language.trim().is_empty());
    let all_sites = match state.app.list_sites(&actor).await {
        Ok(sites) => sites,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let site = all_sites.iter().find(|s| s.code.eq_ignore_ascii_case(query.site.trim()));
    let q = query.q.trim().to_owned();
    let inactive = !query.inactive.is_empty();
    let filter = DirectoryFilter {
        search: (!q.is_empty()).then(|| q.clone()),
        kind,
        site: site.map(|s| continuum_domain::ids::SiteId(s.id)),
        language,
        organisation: None,
        include_inactive: inactive,
    };
    let paging = Paging { page: page_number(&query.page), per_page: PER_PAGE };
    let listing = match state.app.search_directory(&actor, &filter, paging).await {
        Ok(listing) => listing,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let kind_code = kind.map(ServiceKind::code).unwrap_or_default();
    let site_code = site.map(|s| s.code.clone()).unwrap_or_default();
    let language_code = language.map(Language::code).unwrap_or_default();
    let inactive_flag = if inactive { "1" } else { "" };
    let params = [
        ("q", q.as_str()),
        ("kind", kind_code),
        ("site", &site_code),
        ("language", language_code),
        ("inactive", inactive_flag),
    ];
    let pager = Pager::new(lang, &listing, "/directory", &params);
    let page = DirectoryPage {
        shell: Shell::signed_in(&actor, state.settings.demo_mode, "directory-title", "/directory"),
        filtered: filter != DirectoryFilter::default(),
        kinds: choices(lang, &ServiceKind::ALL, ServiceKind::code, "service-kind", kind_code),
        sites: all_sites
            .iter()
            .map(|s| Choice {
                selected: s.code == site_code,
                label: format!("{} · {}", s.code, s.name),
                code: s.code.clone(),
            })
            .collect(),
        languages: choices(lang, &Language::ALL, Language::code, "language", language_code),
        q,
        inactive,
        rows: listing.items.into_iter().map(|s| service_line(lang, s)).collect(),
        pager,
        may_manage: actor.may(Action::ManageOrganisations, Target::PROGRAMME),
    };
    super::render(StatusCode::OK, &page)
}

// ---------------------------------------------------------------------------
// One service

struct HoursLine {
    day: String,
    hours: String,
}

struct VersionLine {
    version: i64,
    changed_at: String,
    changed_by: String,
    name: String,
    kind: String,
    sites: String,
    phone: String,
    active: bool,
}

#[derive(Template)]
#[template(path = "care_service.html")]
struct ServicePage {
    shell: Shell,
    service: ServiceLine,
    organisation_id: i64,
    address_lines: Vec<String>,
    email: String,
    website: String,
    hours: Vec<HoursLine>,
    hours_note: String,
    version: i64,
    updated_at: String,
    history: Vec<VersionLine>,
    may_manage: bool,
    saved: bool,
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
    let (service, versions) = match state.app.get_care_service(&actor, id).await {
        Ok(found) => found,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let mut shell =
        Shell::signed_in(&actor, state.settings.demo_mode, "directory-title", &format!("/directory/services/{id}"));
    shell.title.clone_from(&service.name);
    let opening = OpeningHours::from_stored(&service.opening_hours).unwrap_or_default();
    let closed = continuum_i18n::t(lang, "service-closed");
    let page = ServicePage {
        shell,
        organisation_id: service.organisation_id,
        address_lines: service.address.lines().map(str::to_owned).collect(),
        email: service.email.clone(),
        website: service.website.clone(),
        hours: WEEKDAYS
            .iter()
            .enumerate()
            .map(|(i, day)| {
                let text = opening.day_text(i);
                HoursLine { day: day_label(lang, day), hours: if text.is_empty() { closed.clone() } else { text } }
            })
            .collect(),
        hours_note: service.hours_note.clone(),
        version: service.version,
        updated_at: short_time(&service.updated_at),
        history: versions
            .into_iter()
            .map(|v| VersionLine {
                version: v.version,
                changed_at: short_time(&v.changed_at),
                changed_by: v.changed_by.unwrap_or_default(),
                kind: kind_label(lang, &v.kind),
                sites: v.sites.replace(',', ", "),
                name: v.name,
                phone: v.phone,
                active: v.active,
            })
            .collect(),
        service: service_line(lang, service),
        may_manage: actor.may(Action::ManageOrganisations, Target::PROGRAMME),
        saved: !query.saved.is_empty(),
    };
    super::render(StatusCode::OK, &page)
}

// ---------------------------------------------------------------------------
// The form (new and edit)

/// What the service form holds, as typed.
#[derive(Deserialize, Default)]
struct ServiceForm {
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default)]
    sites: Vec<String>,
    #[serde(default)]
    address: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    website: String,
    #[serde(default)]
    hours_mon: String,
    #[serde(default)]
    hours_tue: String,
    #[serde(default)]
    hours_wed: String,
    #[serde(default)]
    hours_thu: String,
    #[serde(default)]
    hours_fri: String,
    #[serde(default)]
    hours_sat: String,
    #[serde(default)]
    hours_sun: String,
    #[serde(default)]
    hours_note: String,
    #[serde(default)]
    active: Option<String>,
    #[serde(default)]
    version: String,
}

impl ServiceForm {
    fn hours(&self) -> [&str; 7] {
        [
            &self.hours_mon,
            &self.hours_tue,
            &self.hours_wed,
            &self.hours_thu,
            &self.hours_fri,
            &self.hours_sat,
            &self.hours_sun,
        ]
    }

    fn parse(&self) -> Result<ServiceDraft, continuum_domain::validation::Invalid> {
        ServiceDraft::parse(&ServiceFields {
            organisation: self.organisation.trim().parse().ok(),
            name: &self.name,
            kind: &self.kind,
            languages: &self.languages,
            sites: &self.sites,
            address: &self.address,
            phone: &self.phone,
            email: &self.email,
            website: &self.website,
            hours: self.hours(),
            hours_note: &self.hours_note,
            active: self.active.is_some(),
        })
    }
}

/// One weekday's field of the form.
struct DayField {
    name: &'static str,
    label: String,
    value: String,
    error: String,
}

/// One prison's checkbox.
struct SiteChoice {
    code: String,
    label: String,
    checked: bool,
}

#[derive(Template)]
#[template(path = "care_service_form.html")]
struct ServiceFormPage {
    shell: Shell,
    id: Option<i64>,
    action: String,
    form: ServiceForm,
    organisations: Vec<Choice>,
    kinds: Vec<Choice>,
    languages: Vec<LanguageChoice>,
    sites: Vec<SiteChoice>,
    days: Vec<DayField>,
    active: bool,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
}

const FIELDS: &[(&str, &str)] = &[
    ("organisation", "service-organisation"),
    ("name", "name"),
    ("kind", "kind"),
    ("languages", "languages"),
    ("sites", "service-sites"),
    ("address", "service-address"),
    ("phone", "service-phone"),
    ("email", "email"),
    ("website", "service-website"),
    ("hours_mon", "weekday-mon"),
    ("hours_tue", "weekday-tue"),
    ("hours_wed", "weekday-wed"),
    ("hours_thu", "weekday-thu"),
    ("hours_fri", "weekday-fri"),
    ("hours_sat", "weekday-sat"),
    ("hours_sun", "weekday-sun"),
    ("hours_note", "service-hours-note"),
];

async fn service_form(
    state: &AppState,
    actor: &Actor,
    id: Option<i64>,
    form: ServiceForm,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let lang = actor_lang(actor);
    let (title, path) = match id {
        Some(id) => ("service-edit-title", format!("/directory/services/{id}/edit")),
        None => ("service-new-title", "/directory/services/new".to_owned()),
    };
    let organisations = match state
        .app
        .list_organisations(actor, &OrganisationFilter::default(), Paging { page: 1, per_page: 200 })
        .await
    {
        Ok(listing) => listing.items,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let all_sites = match state.app.list_sites(actor).await {
        Ok(sites) => sites,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, title, &path);
    mark_errors(&mut shell, errors.any());
    let chosen_sites: Vec<String> =
        form.sites.iter().flat_map(|s| split_codes(s)).map(|c| c.to_ascii_uppercase()).collect();
    let hours = form.hours();
    let page = ServiceFormPage {
        shell,
        id,
        action: path,
        organisations: organisations
            .into_iter()
            .filter(|o| o.kind != "prison")
            .map(|o| Choice {
                selected: o.id.to_string() == form.organisation.trim(),
                code: o.id.to_string(),
                label: o.name,
            })
            .collect(),
        kinds: choices(lang, &ServiceKind::ALL, ServiceKind::code, "service-kind", form.kind.trim()),
        languages: language_choices(lang, &form.languages),
        sites: all_sites
            .into_iter()
            .filter(|s| s.active)
            .map(|s| SiteChoice {
                checked: chosen_sites.contains(&s.code),
                label: format!("{} · {}", s.code, s.name),
                code: s.code,
            })
            .collect(),
        days: WEEKDAYS
            .iter()
            .zip(HOURS_FIELDS)
            .zip(hours)
            .map(|((day, name), value)| DayField {
                name,
                label: day_label(lang, day),
                value: value.to_owned(),
                error: errors.get(name),
            })
            .collect(),
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

#[derive(Deserialize, Default)]
struct NewQuery {
    #[serde(default)]
    organisation: String,
}

async fn new_form(State(state): State<AppState>, SignedIn(actor): SignedIn, Query(query): Query<NewQuery>) -> Response {
    if let Some(refused) = may_manage(&actor) {
        return refused;
    }
    let form = ServiceForm { organisation: query.organisation, active: Some("on".into()), ..ServiceForm::default() };
    service_form(&state, &actor, None, form, FormErrors::default(), StatusCode::OK).await
}

/// The form again after a refusal, or the error page.
async fn refused(state: &AppState, actor: &Actor, id: Option<i64>, form: ServiceForm, error: AppError) -> Response {
    let lang = actor_lang(actor);
    let (errors, status) = match error {
        AppError::Invalid(invalid) => (FormErrors::new(lang, &invalid), StatusCode::UNPROCESSABLE_ENTITY),
        AppError::Conflict(_) => (FormErrors::general(lang, "error-conflict"), StatusCode::CONFLICT),
        error => return PageError::new(error, lang).into_response(),
    };
    service_form(state, actor, id, form, errors, status).await
}

async fn create(State(state): State<AppState>, CsrfForm { actor, form }: CsrfForm<ServiceForm>) -> Response {
    if let Some(refused) =
        super::refused_unless(&state, &actor, Action::ManageOrganisations, "care_service.create").await
    {
        return refused;
    }
    let result = match form.parse() {
        Ok(draft) => state.app.create_care_service(&actor, &draft).await,
        Err(invalid) => Err(AppError::Invalid(invalid)),
    };
    match result {
        Ok(id) => Redirect::to(&format!("/directory/services/{id}?saved=1")).into_response(),
        Err(error) => refused(&state, &actor, None, form, error).await,
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
    let service = match state.app.get_care_service(&actor, id).await {
        Ok((service, _)) => service,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let hours = OpeningHours::from_stored(&service.opening_hours).unwrap_or_default();
    let day = |i: usize| hours.day_text(i);
    let form = ServiceForm {
        organisation: service.organisation_id.to_string(),
        name: service.name,
        kind: service.kind,
        languages: split_codes(&service.languages),
        sites: service.sites,
        address: service.address,
        phone: service.phone,
        email: service.email,
        website: service.website,
        hours_mon: day(0),
        hours_tue: day(1),
        hours_wed: day(2),
        hours_thu: day(3),
        hours_fri: day(4),
        hours_sat: day(5),
        hours_sun: day(6),
        hours_note: service.hours_note,
        active: service.active.then(|| "on".to_owned()),
        version: service.version.to_string(),
    };
    service_form(&state, &actor, Some(id), form, FormErrors::default(), StatusCode::OK).await
}

async fn update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<ServiceForm>,
) -> Response {
    if let Some(refused) =
        super::refused_unless(&state, &actor, Action::ManageOrganisations, "care_service.update").await
    {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(actor_lang(&actor));
    };
    let version = form.version.trim().parse::<i64>().unwrap_or(0);
    let result = match form.parse() {
        Ok(draft) => state.app.update_care_service(&actor, id, version, &draft).await,
        Err(invalid) => Err(AppError::Invalid(invalid)),
    };
    match result {
        Ok(()) => Redirect::to(&format!("/directory/services/{id}?saved=1")).into_response(),
        Err(error) => refused(&state, &actor, Some(id), form, error).await,
    }
}

/// The services of one organisation, for its page.
pub(super) async fn of_organisation(
    state: &AppState,
    actor: &Actor,
    organisation: i64,
) -> Result<Vec<(i64, String, String)>, AppError> {
    let lang = actor_lang(actor);
    let filter =
        DirectoryFilter { organisation: Some(organisation), include_inactive: true, ..DirectoryFilter::default() };
    let listing = state.app.search_directory(actor, &filter, Paging { page: 1, per_page: 200 }).await?;
    Ok(listing.items.into_iter().map(|s| (s.id, s.name, kind_label(lang, &s.kind))).collect())
}

/// The link to add a service to an organisation.
pub(super) fn new_service_link(organisation: i64) -> String {
    link("/directory/services/new", &[("organisation", &organisation.to_string())])
}

pub(crate) fn routes(routes: Routes) -> Routes {
    let view = Access::Policy(Action::ViewReferenceData);
    let manage = Access::Policy(Action::ManageOrganisations);
    routes
        .add("GET", "/directory", view, get(list))
        .add("GET", "/directory/services/new", manage, get(new_form))
        .add("POST", "/directory/services/new", manage, post(create))
        .add("GET", "/directory/services/{id}", view, get(show))
        .add("GET", "/directory/services/{id}/edit", manage, get(edit_form))
        .add("POST", "/directory/services/{id}/edit", manage, post(update))
}
