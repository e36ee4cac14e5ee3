//! The entry register: search people, register an entry (with a duplicate
//! check), see a person's record with episodes and history, and edit a
//! person's identity.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use continuum_app::people::{NewEntry, PeopleOrder, PersonRecord, PersonSummary, Registration};
use continuum_app::{Actor, AppError, Paging};
use continuum_domain::ids::SiteId;
use continuum_domain::person::{EpisodeDraft, EpisodeFields, LegalStatus, PersonDraft, PersonFields, Sex};
use continuum_domain::policy::{Action, Target};
use continuum_domain::validation::Invalid;
use continuum_i18n::Lang;
use serde::Deserialize;

use super::sites::{Pager, SummaryItem, link, mark_errors, not_found, page_number, parse_id, short_time, summary};
use crate::error::PageError;
use crate::extract::{CsrfForm, SignedIn, actor_lang};
use crate::routes::{Access, Routes};
use crate::shell::{FormErrors, Shell};
use crate::state::AppState;

const PER_PAGE: u32 = 25;

/// A choice of a select box.
pub(super) struct Choice {
    pub code: String,
    pub label: String,
    pub selected: bool,
}

pub(super) fn choices<T: Copy>(
    lang: Lang,
    all: &[T],
    code: fn(T) -> &'static str,
    prefix: &str,
    chosen: &str,
) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice {
            code: code(*v).to_owned(),
            label: continuum_i18n::t(lang, &format!("{prefix}-{}", code(*v))),
            selected: code(*v) == chosen,
        })
        .collect()
}

// ---------------------------------------------------------------------------
// The list and search

#[derive(Deserialize, Default)]
struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    sort: String,
    #[serde(default)]
    page: String,
    /// After a transfer that took the person out of the user's sight: the
    /// receiving prison's code.
    #[serde(default)]
    transferred: String,
}

struct PersonLine {
    id: i64,
    name: String,
    birth_date: String,
    site: String,
    prison_number: String,
    entry_date: String,
}

fn person_line(p: PersonSummary) -> PersonLine {
    PersonLine {
        id: p.id,
        name: display_name(&p.family_name, &p.given_names),
        birth_date: p.birth_date,
        site: p.site_code,
        prison_number: p.prison_number.unwrap_or_default(),
        entry_date: p.entry_date.unwrap_or_default(),
    }
}

/// "FAMILY, Given": the family name stands out, as on prison lists.
pub(super) fn display_name(family: &str, given: &str) -> String {
    if given.trim().is_empty() { family.to_uppercase() } else { format!("{}, {given}", family.to_uppercase()) }
}

#[derive(Template)]
#[template(path = "people.html")]
struct PeoplePage {
    shell: Shell,
    q: String,
    by_entry: bool,
    sort_name_href: String,
    sort_entry_href: String,
    rows: Vec<PersonLine>,
    pager: Pager,
    may_register: bool,
    transferred_to: Option<String>,
}

async fn list(State(state): State<AppState>, SignedIn(actor): SignedIn, Query(query): Query<ListQuery>) -> Response {
    let lang = actor_lang(&actor);
    let q = query.q.trim().to_owned();
    let by_entry = query.sort == "entry";
    let order = if by_entry { PeopleOrder::EntryNewest } else { PeopleOrder::Name };
    let paging = Paging { page: page_number(&query.page), per_page: PER_PAGE };
    let listing = match state.app.search_people(&actor, &q, order, paging).await {
        Ok(listing) => listing,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let sort = if by_entry { "entry" } else { "" };
    let pager = Pager::new(lang, &listing, "/people", &[("q", &q), ("sort", sort)]);
    let page = PeoplePage {
        shell: Shell::signed_in(&actor, state.settings.demo_mode, "people-title", "/people"),
        sort_name_href: link("/people", &[("q", &q)]),
        sort_entry_href: link("/people", &[("q", &q), ("sort", "entry")]),
        q,
        by_entry,
        rows: listing.items.into_iter().map(person_line).collect(),
        pager,
        may_register: !actor.sites_where(Action::EditRegister).is_empty(),
        transferred_to: continuum_domain::site::SiteCode::parse(&query.transferred).map(|c| c.to_string()),
    };
    super::render(StatusCode::OK, &page)
}

// ---------------------------------------------------------------------------
// A person's record

struct EpisodeLine {
    id: i64,
    site: String,
    prison_number: String,
    entry_date: String,
    legal_status: String,
    expected_release: String,
    release_date: String,
    release_kind: String,
    transferred_from: String,
    transferred_to: String,
    open: bool,
}

struct EpisodeVersionLine {
    episode: String,
    version: i64,
    change: String,
    legal_status: String,
    expected_release: String,
    release: String,
    changed_at: String,
    changed_by: String,
}

struct SignalLine {
    signalled_at: String,
    source: String,
    reason: String,
    signalled_by: String,
    received_at: String,
}

struct VersionLine {
    version: i64,
    changed_at: String,
    changed_by: String,
    name: String,
    birth_date: String,
}

#[derive(Template)]
#[template(path = "person.html")]
struct PersonPage {
    shell: Shell,
    id: i64,
    name: String,
    birth_date: String,
    sex: String,
    nationality: String,
    languages: String,
    preferred_language: String,
    site: String,
    episodes: Vec<EpisodeLine>,
    episode_history: Vec<EpisodeVersionLine>,
    signals: Vec<SignalLine>,
    may_signal: bool,
    history: Vec<VersionLine>,
    may_edit: bool,
    may_see_access_log: bool,
    /// Consents (issue 6, item 1): the care team of the person's prison.
    may_see_consents: bool,
    may_screen: bool,
    screenings: Vec<ScreeningLine>,
    /// Self-administration on a tablet: whether a content pack is loaded
    /// in the person's preferred language.
    kiosk_available: bool,
    saved: bool,
    merge: super::merges::PersonMerges,
    // Care pathway (issue 5, items 1 to 3): links to the care pages.
    may_read_care: bool,
    // OAT and transfers (issue 5, items 4 and 5).
    may_read_oat: bool,
    // The care pathway: responsible care worker, release planning and
    // follow-up (issue 5, items 6 to 8).
    care: Option<super::care_team::PersonCareTeam>,
    may_transfer_out: bool,
    handover_documents: Vec<(i64, String)>,
}

struct ScreeningLine {
    id: i64,
    started_at: String,
    completed: bool,
    refused: bool,
    positive: bool,
}

#[derive(Deserialize, Default)]
struct SavedQuery {
    #[serde(default)]
    saved: String,
    #[serde(default)]
    merged: String,
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
    let record = match state.app.get_person(&actor, id).await {
        Ok(record) => record,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let PersonRecord { person, site_code, episodes, history, episode_history, signals, merges } = record;
    let merge = super::merges::PersonMerges::new(&actor, &person, merges, &query.merged);
    let screenings = if actor.may(Action::ReadClinical, Target::site(SiteId(person.site_id))) {
        match state.app.person_screenings(&actor, id).await {
            Ok(list) => list
                .into_iter()
                .map(|s| ScreeningLine {
                    id: s.id,
                    started_at: short_time(&s.started_at),
                    completed: s.status == "completed",
                    refused: s.status == "refused",
                    positive: s.positive == Some(1),
                })
                .collect(),
            Err(error) => return PageError::new(error, lang).into_response(),
        }
    } else {
        Vec::new()
    };
    let may_screen =
        merge.merged_into.is_none() && actor.may(Action::WriteClinical, Target::site(SiteId(person.site_id)));
    let kiosk_available = may_screen && matches!(state.app.uniform_pack(&person.preferred_language).await, Ok(Some(_)));
    let care = match super::care_team::person_section(&state, &actor, id, SiteId(person.site_id)).await {
        Ok(care) => care,
        Err(response) => return response,
    };
    // OAT and transfers (issue 5, items 4 and 5).
    // A merged record's documents are read on the survivor's page.
    let handover_documents = if merge.merged_into.is_some() {
        Vec::new()
    } else {
        match super::handovers::document_links(&state, &actor, id, SiteId(person.site_id)).await {
            Ok(links) => links,
            Err(error) => return PageError::new(error, lang).into_response(),
        }
    };
    let may_transfer_out =
        may_screen && episodes.iter().any(|e| Some(e.id) == person.current_episode_id && e.release_date.is_none());
    let name = display_name(&person.family_name, &person.given_names);
    let mut shell = Shell::signed_in(&actor, state.settings.demo_mode, "people-title", &format!("/people/{id}"));
    shell.title.clone_from(&name);
    let t = |key: String| continuum_i18n::t(lang, &key);
    let page = PersonPage {
        shell,
        id,
        birth_date: person.birth_date.clone(),
        sex: t(format!("sex-{}", person.sex)),
        nationality: person.nationality.clone(),
        languages: person.languages.replace(',', ", "),
        preferred_language: person.preferred_language.clone(),
        site: site_code,
        episode_history: episode_history
            .into_iter()
            .map(|v| EpisodeVersionLine {
                episode: episodes
                    .iter()
                    .find(|e| e.id == v.episode_id)
                    .map(|e| format!("{} · {}", e.site_code, e.prison_number))
                    .unwrap_or_default(),
                version: v.version,
                change: t(format!("episode-change-{}", v.change)),
                legal_status: t(format!("legal-status-{}", v.legal_status)),
                expected_release: v.expected_release.unwrap_or_default(),
                release: match (v.release_date, v.release_kind) {
                    (Some(date), Some(kind)) => format!("{date} · {}", t(format!("release-kind-{kind}"))),
                    _ => String::new(),
                },
                changed_at: short_time(&v.changed_at),
                changed_by: v.changed_by.unwrap_or_default(),
            })
            .collect(),
        signals: signals
            .into_iter()
            .map(|g| SignalLine {
                signalled_at: short_time(&g.signalled_at),
                source: t(format!("pathway-source-{}", g.source)),
                reason: g.reason,
                signalled_by: g.signalled_by.unwrap_or_default(),
                received_at: g.received_at.as_deref().map(short_time).unwrap_or_default(),
            })
            .collect(),
        may_signal: actor.may(Action::SignalPerson, Target::site(SiteId(person.site_id))),
        episodes: episodes
            .iter()
            .map(|e| EpisodeLine {
                id: e.id,
                site: e.site_code.clone(),
                prison_number: e.prison_number.clone(),
                entry_date: e.entry_date.clone(),
                legal_status: t(format!("legal-status-{}", e.legal_status)),
                expected_release: e.expected_release.clone().unwrap_or_default(),
                release_date: e.release_date.clone().unwrap_or_default(),
                release_kind: e.release_kind.as_ref().map(|k| t(format!("release-kind-{k}"))).unwrap_or_default(),
                transferred_from: e
                    .transferred_from
                    .and_then(|from| episodes.iter().find(|x| x.id == from))
                    .map(|x| x.site_code.clone())
                    .unwrap_or_default(),
                transferred_to: episodes
                    .iter()
                    .find(|x| x.transferred_from == Some(e.id))
                    .map(|x| x.site_code.clone())
                    .unwrap_or_default(),
                open: person.current_episode_id == Some(e.id) && e.release_date.is_none(),
            })
            .collect(),
        history: history
            .into_iter()
            .map(|v| VersionLine {
                version: v.version,
                changed_at: short_time(&v.changed_at),
                changed_by: v.changed_by.unwrap_or_default(),
                name: display_name(&v.family_name, &v.given_names),
                birth_date: v.birth_date,
            })
            .collect(),
        may_edit: merge.merged_into.is_none() && actor.may(Action::EditRegister, Target::site(SiteId(person.site_id))),
        may_see_access_log: actor.may(Action::ViewPersonAccessLog, Target::site(SiteId(person.site_id))),
        may_see_consents: actor.may(Action::ReadClinical, Target::site(SiteId(person.site_id))),
        may_screen,
        screenings,
        kiosk_available,
        saved: !query.saved.is_empty(),
        merge,
        care,
        name,
        may_read_care: actor.may(Action::ReadClinical, Target::site(SiteId(person.site_id))),
        may_read_oat: actor.may(Action::ReadClinical, Target::site(SiteId(person.site_id))),
        may_transfer_out,
        handover_documents,
    };
    super::render(StatusCode::OK, &page)
}

// ---------------------------------------------------------------------------
// The forms: a new entry, and a person's identity

/// The entry form as typed; the edit form uses the person's fields only.
#[derive(Deserialize, Default)]
struct EntryForm {
    #[serde(default)]
    family_name: String,
    #[serde(default)]
    given_names: String,
    #[serde(default)]
    birth_date: String,
    #[serde(default)]
    sex: String,
    #[serde(default)]
    nationality: String,
    #[serde(default)]
    languages: String,
    #[serde(default)]
    preferred_language: String,
    #[serde(default)]
    site: String,
    #[serde(default)]
    prison_number: String,
    #[serde(default)]
    entry_date: String,
    #[serde(default)]
    legal_status: String,
    #[serde(default)]
    expected_release: String,
    #[serde(default)]
    not_a_duplicate: Option<String>,
    #[serde(default)]
    version: String,
}

impl EntryForm {
    fn person_fields(&self) -> PersonFields<'_> {
        PersonFields {
            family_name: &self.family_name,
            given_names: &self.given_names,
            birth_date: &self.birth_date,
            sex: &self.sex,
            nationality: &self.nationality,
            languages: &self.languages,
            preferred_language: &self.preferred_language,
        }
    }

    fn episode_fields(&self) -> EpisodeFields<'_> {
        EpisodeFields {
            prison_number: &self.prison_number,
            entry_date: &self.entry_date,
            legal_status: &self.legal_status,
            expected_release: &self.expected_release,
        }
    }
}

#[derive(Template)]
#[template(path = "person_form.html")]
struct PersonFormPage {
    shell: Shell,
    /// `None` for a new entry.
    id: Option<i64>,
    action: String,
    form: EntryForm,
    sexes: Vec<Choice>,
    statuses: Vec<Choice>,
    sites: Vec<Choice>,
    duplicates: Vec<PersonLine>,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
}

pub(super) const PERSON_FIELDS: &[(&str, &str)] = &[
    ("family_name", "person-family-name"),
    ("given_names", "person-given-names"),
    ("birth_date", "person-birth-date"),
    ("sex", "person-sex"),
    ("nationality", "person-nationality"),
    ("languages", "person-languages"),
    ("preferred_language", "person-preferred-language"),
    ("site", "person-site"),
    ("prison_number", "person-prison-number"),
    ("entry_date", "person-entry-date"),
    ("legal_status", "person-legal-status"),
    ("expected_release", "person-expected-release"),
];

fn person_form(
    state: &AppState,
    actor: &Actor,
    id: Option<i64>,
    form: EntryForm,
    duplicates: Vec<PersonSummary>,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let lang = actor_lang(actor);
    let (title, path) = match id {
        Some(id) => ("people-edit-title", format!("/people/{id}/edit")),
        None => ("people-new-title", "/people/new".to_owned()),
    };
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, title, &path);
    mark_errors(&mut shell, errors.any());
    let acting = actor.site.as_ref().map(|s| s.code.clone()).unwrap_or_default();
    let chosen_site = if form.site.is_empty() { acting } else { form.site.clone() };
    let permitted = actor.sites_where(Action::EditRegister);
    let sites = actor
        .sites
        .iter()
        .filter(|s| permitted.contains(&s.id))
        .map(|s| Choice {
            code: s.code.clone(),
            label: format!("{} · {}", s.code, s.name),
            selected: s.code == chosen_site,
        })
        .collect();
    let page = PersonFormPage {
        summary: summary(lang, errors.all(), PERSON_FIELDS),
        sexes: choices(lang, &Sex::ALL, Sex::code, "sex", &form.sex),
        statuses: choices(lang, &LegalStatus::ALL, LegalStatus::code, "legal-status", &form.legal_status),
        sites,
        duplicates: duplicates.into_iter().map(person_line).collect(),
        shell,
        id,
        action: path,
        form,
        errors,
    };
    super::render(status, &page)
}

async fn new_form(State(state): State<AppState>, SignedIn(actor): SignedIn) -> Response {
    if actor.sites_where(Action::EditRegister).is_empty() {
        return PageError::new(AppError::Forbidden, actor_lang(&actor)).into_response();
    }
    let today = state.app.register_today().to_string();
    let form = EntryForm { entry_date: today, sex: "unknown".into(), ..EntryForm::default() };
    person_form(&state, &actor, None, form, Vec::new(), FormErrors::default(), StatusCode::OK)
}

fn merge(mut a: Invalid, b: Result<(), Invalid>) -> Invalid {
    if let Err(b) = b {
        a.0.extend(b.0);
    }
    a
}

async fn create(State(state): State<AppState>, CsrfForm { actor, form }: CsrfForm<EntryForm>) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::EditRegister, "person.create").await {
        return refused;
    }
    let today = state.app.register_today();
    let site = actor.sites.iter().find(|s| s.code == form.site.trim()).map(|s| s.id);
    let person = PersonDraft::parse(&form.person_fields(), today);
    let birth = person.as_ref().ok().map(|p| p.birth_date);
    let episode = EpisodeDraft::parse(&form.episode_fields(), birth, today);
    let mut invalid = Invalid::default();
    if site.is_none() {
        invalid.push("site", continuum_domain::validation::Problem::UnknownSite);
    }
    let invalid = merge(
        merge(invalid, person.as_ref().map(|_| ()).map_err(Clone::clone)),
        episode.as_ref().map(|_| ()).map_err(Clone::clone),
    );
    let (Some(site), Ok(person), Ok(episode)) = (site, person, episode) else {
        let errors = FormErrors::new(lang, &invalid);
        return person_form(&state, &actor, None, form, Vec::new(), errors, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let entry = NewEntry { person, episode, not_a_duplicate: form.not_a_duplicate.is_some() };
    match state.app.register_entry(&actor, site, &entry).await {
        Ok(Registration::Registered(id)) => Redirect::to(&format!("/people/{id}?saved=1")).into_response(),
        Ok(Registration::PossibleDuplicates(found)) => {
            let errors = FormErrors::general(lang, "people-possible-duplicates");
            person_form(&state, &actor, None, form, found, errors, StatusCode::CONFLICT)
        }
        Err(AppError::Invalid(invalid)) => {
            let errors = FormErrors::new(lang, &invalid);
            person_form(&state, &actor, None, form, Vec::new(), errors, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

async fn edit_form(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let record = match state.app.get_person(&actor, id).await {
        Ok(record) => record,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    if !actor.may(Action::EditRegister, Target::site(SiteId(record.person.site_id))) {
        return PageError::new(AppError::Forbidden, lang).into_response();
    }
    let p = record.person;
    let form = EntryForm {
        family_name: p.family_name,
        given_names: p.given_names,
        birth_date: p.birth_date,
        sex: p.sex,
        nationality: p.nationality,
        languages: p.languages.replace(',', ", "),
        preferred_language: p.preferred_language,
        version: p.version.to_string(),
        ..EntryForm::default()
    };
    person_form(&state, &actor, Some(id), form, Vec::new(), FormErrors::default(), StatusCode::OK)
}

async fn update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<EntryForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::EditRegister, "person.update").await {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let draft = match PersonDraft::parse(&form.person_fields(), state.app.register_today()) {
        Ok(draft) => draft,
        Err(invalid) => {
            let errors = FormErrors::new(lang, &invalid);
            return person_form(&state, &actor, Some(id), form, Vec::new(), errors, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let version = form.version.trim().parse::<i64>().unwrap_or(0);
    match state.app.update_person(&actor, id, version, &draft).await {
        Ok(()) => Redirect::to(&format!("/people/{id}?saved=1")).into_response(),
        Err(AppError::Invalid(invalid)) => {
            let errors = FormErrors::new(lang, &invalid);
            person_form(&state, &actor, Some(id), form, Vec::new(), errors, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(AppError::Conflict(_)) => {
            let errors = FormErrors::general(lang, "error-conflict");
            person_form(&state, &actor, Some(id), form, Vec::new(), errors, StatusCode::CONFLICT)
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

pub(crate) fn routes(routes: Routes) -> Routes {
    routes
        .add("GET", "/people", Access::Policy(Action::ViewRegister), get(list))
        .add("GET", "/people/new", Access::Policy(Action::EditRegister), get(new_form))
        .add("POST", "/people/new", Access::Policy(Action::EditRegister), post(create))
        .add("GET", "/people/{id}", Access::Policy(Action::ViewRegister), get(show))
        .add("GET", "/people/{id}/edit", Access::Policy(Action::EditRegister), get(edit_form))
        .add("POST", "/people/{id}/edit", Access::Policy(Action::EditRegister), post(update))
}
