//! The entry register through the API: search, register an entry, read and
//! change a person's identity.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::{get, post, put};
use continuum_app::people::{NewEntry, PeopleOrder, PersonRecord, PersonSummary, Registration};
use continuum_domain::person::{EpisodeDraft, EpisodeFields, PersonDraft, PersonFields};
use continuum_domain::policy::Action;
use continuum_domain::validation::{Invalid, Problem as FieldProblem};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiJson, ApiPath, ApiQuery, Page, checked, failure, language_list, paging, required};
use crate::error::{ApiError, Problem};
use crate::extract::ApiCaller;
use crate::routes::{Access, Routes};
use crate::state::AppState;

/// A person in a list, with their current episode.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PersonSummaryDto {
    /// Id.
    pub id: i64,
    /// Family name(s).
    pub family_name: String,
    /// Given name(s).
    pub given_names: String,
    /// Date of birth, `YYYY-MM-DD`.
    pub birth_date: String,
    /// Code of the prison of the current episode.
    pub site: String,
    /// Prison number of the current episode.
    pub prison_number: Option<String>,
    /// Entry date of the current episode.
    pub entry_date: Option<String>,
}

/// A detention episode.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct EpisodeDto {
    /// Id.
    pub id: i64,
    /// Prison code.
    pub site: String,
    /// Prison number.
    pub prison_number: String,
    /// Entry date.
    pub entry_date: String,
    /// `remand`, `sentenced`, `interned` or `other`.
    pub legal_status: String,
    /// Expected release, when known.
    pub expected_release: Option<String>,
    /// Release date, once released.
    pub release_date: Option<String>,
    /// How the person left, once released (see the release kinds of
    /// `POST /api/v1/episodes/{id}/release`, and `transfer`).
    pub release_kind: Option<String>,
    /// Version, to send back with a change.
    pub version: i64,
    /// For an episode opened by a transfer: the episode the transfer ended.
    pub transferred_from: Option<i64>,
}

/// A person's register record.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PersonDto {
    /// Id.
    pub id: i64,
    /// Family name(s).
    pub family_name: String,
    /// Given name(s).
    pub given_names: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    /// `female`, `male`, `other` or `unknown`.
    pub sex: String,
    /// ISO 3166-1 alpha-2 code, or empty.
    pub nationality: String,
    /// ISO 639-1 codes.
    pub languages: Vec<String>,
    /// ISO 639-1 code.
    pub preferred_language: String,
    /// Code of the prison of the current episode.
    pub site: String,
    /// Version, to send back with a change.
    pub version: i64,
    /// Episodes, most recent first.
    pub episodes: Vec<EpisodeDto>,
    /// The record this one was merged into, if it was: its episodes are
    /// there now, and this record is no longer listed or changed.
    pub merged_into: Option<i64>,
}

/// A new entry: a person and their entry into a prison.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct NewEntryDto {
    /// Family name(s).
    #[schema(required = true, value_type = String)]
    pub family_name: Option<String>,
    /// Given name(s).
    pub given_names: Option<String>,
    /// `YYYY-MM-DD` (or `DD/MM/YYYY`).
    #[schema(required = true, value_type = String)]
    pub birth_date: Option<String>,
    /// `female`, `male`, `other` or `unknown` (default).
    pub sex: Option<String>,
    /// ISO 3166-1 alpha-2 code.
    pub nationality: Option<String>,
    /// ISO 639-1 codes.
    pub languages: Option<Vec<String>>,
    /// ISO 639-1 code (default: the first language).
    pub preferred_language: Option<String>,
    /// The prison's code.
    #[schema(required = true, value_type = String, example = "HAS")]
    pub site: Option<String>,
    /// Prison number at that prison.
    #[schema(required = true, value_type = String)]
    pub prison_number: Option<String>,
    /// Entry date.
    #[schema(required = true, value_type = String)]
    pub entry_date: Option<String>,
    /// `remand`, `sentenced`, `interned` or `other`.
    #[schema(required = true, value_type = String)]
    pub legal_status: Option<String>,
    /// Expected release, when known.
    pub expected_release: Option<String>,
    /// Register even though people with the same date of birth and a name
    /// in common exist (after checking them).
    pub not_a_duplicate: Option<bool>,
}

/// A change of a person's identity.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct PersonChangeDto {
    /// The version read.
    #[schema(required = true, value_type = i64)]
    pub version: Option<i64>,
    /// Family name(s).
    #[schema(required = true, value_type = String)]
    pub family_name: Option<String>,
    /// Given name(s).
    pub given_names: Option<String>,
    /// Date of birth.
    #[schema(required = true, value_type = String)]
    pub birth_date: Option<String>,
    /// Sex code.
    pub sex: Option<String>,
    /// Nationality code.
    pub nationality: Option<String>,
    /// Language codes.
    pub languages: Option<Vec<String>>,
    /// Preferred language code.
    pub preferred_language: Option<String>,
}

/// Search and paging of the register.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PeopleQuery {
    /// A name (any order, accents ignored), a prison number, or a date of birth.
    pub q: Option<String>,
    /// `name` (default) or `entry` (most recent entry first).
    pub sort: Option<String>,
    /// Page, from 1.
    #[param(value_type = Option<u32>, minimum = 1)]
    pub page: Option<String>,
    /// Results per page, 1 to 200 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 200)]
    pub per_page: Option<String>,
}

/// The person's fields of a body, borrowed; absent fields are empty, so the
/// domain names them. Order: family name, given names, birth date, sex,
/// nationality, preferred language.
fn person_fields<'a>(parts: [&'a Option<String>; 6], languages: &'a str) -> PersonFields<'a> {
    let [family_name, given_names, birth_date, sex, nationality, preferred_language] =
        parts.map(|v| v.as_deref().unwrap_or_default());
    PersonFields { family_name, given_names, birth_date, sex, nationality, languages, preferred_language }
}

fn summary_dto(p: PersonSummary) -> PersonSummaryDto {
    PersonSummaryDto {
        id: p.id,
        family_name: p.family_name,
        given_names: p.given_names,
        birth_date: p.birth_date,
        site: p.site_code,
        prison_number: p.prison_number,
        entry_date: p.entry_date,
    }
}

fn person_dto(record: PersonRecord) -> PersonDto {
    let p = record.person;
    PersonDto {
        id: p.id,
        family_name: p.family_name,
        given_names: p.given_names,
        birth_date: p.birth_date,
        sex: p.sex,
        nationality: p.nationality,
        languages: language_list(&p.languages),
        preferred_language: p.preferred_language,
        site: record.site_code,
        version: p.version,
        merged_into: p.merged_into,
        episodes: record.episodes.into_iter().map(episode_dto).collect(),
    }
}

/// The wire form of an episode.
pub(super) fn episode_dto(e: continuum_app::people::Episode) -> EpisodeDto {
    EpisodeDto {
        id: e.id,
        site: e.site_code,
        prison_number: e.prison_number,
        entry_date: e.entry_date,
        legal_status: e.legal_status,
        expected_release: e.expected_release,
        release_date: e.release_date,
        release_kind: e.release_kind,
        version: e.version,
        transferred_from: e.transferred_from,
    }
}

/// Searches the register at the caller's prisons.
#[utoipa::path(
    get,
    path = "/api/v1/people",
    operation_id = "search_people",
    tag = "register",
    security(("bearer" = [])),
    params(PeopleQuery),
    responses(
        (status = 200, description = "The people of the page.", body = Page<PersonSummaryDto>),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A parameter of the wrong form.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn search_people(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<PeopleQuery>,
) -> Result<Json<Page<PersonSummaryDto>>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ViewRegister, "person.search").await.map_err(&fail)?;
    let query = query.map_err(&fail)?;
    let mut errors = Invalid::default();
    let paging = paging(&mut errors, query.page.as_ref(), query.per_page.as_ref());
    let order = match query.sort.as_deref().map(str::trim) {
        None | Some("" | "name") => PeopleOrder::Name,
        Some("entry") => PeopleOrder::EntryNewest,
        Some(_) => {
            errors.push("sort", FieldProblem::InvalidFormat);
            PeopleOrder::Name
        }
    };
    let order = checked(errors, order).map_err(&fail)?;
    let listing =
        state.app.search_people(&actor, query.q.as_deref().unwrap_or_default(), order, paging).await.map_err(&fail)?;
    Ok(Json(Page::from_listing(listing, summary_dto)))
}

/// One person's register record.
#[utoipa::path(
    get,
    path = "/api/v1/people/{id}",
    operation_id = "get_person",
    tag = "register",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id.")),
    responses(
        (status = 200, description = "The person.", body = PersonDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn get_person(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<PersonDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ViewRegister, "person.read").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    Ok(Json(person_dto(state.app.get_person(&actor, id).await.map_err(&fail)?)))
}

/// Registers a person entering a prison. When people with the same date of
/// birth and a name in common are registered, answers 409 with them in
/// `duplicates`, unless `not_a_duplicate` is true.
#[utoipa::path(
    post,
    path = "/api/v1/people",
    operation_id = "register_entry",
    tag = "register",
    security(("bearer" = [])),
    request_body = NewEntryDto,
    responses(
        (status = 201, description = "Registered.", body = PersonDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Possible duplicates.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn register_entry(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiJson(body): ApiJson<NewEntryDto>,
) -> Result<(StatusCode, [(header::HeaderName, String); 1], Json<PersonDto>), ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::EditRegister, "person.create").await.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let today = state.app.register_today();
    let languages = body.languages.as_deref().unwrap_or_default().join(",");
    let person = PersonDraft::parse(
        &person_fields(
            [
                &body.family_name,
                &body.given_names,
                &body.birth_date,
                &body.sex,
                &body.nationality,
                &body.preferred_language,
            ],
            &languages,
        ),
        today,
    );
    let episode = EpisodeDraft::parse(
        &EpisodeFields {
            prison_number: body.prison_number.as_deref().unwrap_or_default(),
            entry_date: body.entry_date.as_deref().unwrap_or_default(),
            legal_status: body.legal_status.as_deref().unwrap_or_default(),
            expected_release: body.expected_release.as_deref().unwrap_or_default(),
        },
        person.as_ref().ok().map(|p| p.birth_date),
        today,
    );
    let mut errors = Invalid::default();
    let site_code = required(&mut errors, "site", body.site.clone());
    let site = actor.sites.iter().find(|s| s.code.eq_ignore_ascii_case(site_code.trim())).map(|s| s.id);
    if site.is_none() && !site_code.is_empty() {
        errors.push("site", FieldProblem::UnknownSite);
    }
    if let Err(invalid) = &person {
        errors.0.extend(invalid.0.clone());
    }
    if let Err(invalid) = &episode {
        errors.0.extend(invalid.0.clone());
    }
    let (Some(site), Ok(person), Ok(episode), true) = (site, person, episode, errors.0.is_empty()) else {
        return Err(fail(continuum_app::AppError::Invalid(errors)));
    };
    let entry = NewEntry { person, episode, not_a_duplicate: body.not_a_duplicate.unwrap_or(false) };
    match state.app.register_entry(&actor, site, &entry).await.map_err(&fail)? {
        Registration::Registered(id) => {
            let record = state.app.get_person(&actor, id).await.map_err(&fail)?;
            Ok((StatusCode::CREATED, [(header::LOCATION, format!("/api/v1/people/{id}"))], Json(person_dto(record))))
        }
        Registration::PossibleDuplicates(found) => {
            let ids: Vec<i64> = found.iter().map(|p| p.id).collect();
            Err(fail(continuum_app::AppError::Conflict("possible-duplicates")).with_duplicates(ids))
        }
    }
}

/// Changes a person's identity, if nobody changed it since `version`.
#[utoipa::path(
    put,
    path = "/api/v1/people/{id}",
    operation_id = "update_person",
    tag = "register",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id.")),
    request_body = PersonChangeDto,
    responses(
        (status = 200, description = "Changed.", body = PersonDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Changed meanwhile.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn update_person(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<PersonChangeDto>,
) -> Result<Json<PersonDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::EditRegister, "person.update").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let mut errors = Invalid::default();
    let version = required(&mut errors, "version", body.version);
    let languages = body.languages.as_deref().unwrap_or_default().join(",");
    let fields = person_fields(
        [
            &body.family_name,
            &body.given_names,
            &body.birth_date,
            &body.sex,
            &body.nationality,
            &body.preferred_language,
        ],
        &languages,
    );
    let draft = super::validated(errors, PersonDraft::parse(&fields, state.app.register_today())).map_err(&fail)?;
    state.app.update_person(&actor, id, version, &draft).await.map_err(&fail)?;
    Ok(Json(person_dto(state.app.get_person(&actor, id).await.map_err(&fail)?)))
}

pub(super) fn routes(routes: Routes) -> Routes {
    routes
        .add("GET", "/api/v1/people", Access::Policy(Action::ViewRegister), get(search_people))
        .add("POST", "/api/v1/people", Access::Policy(Action::EditRegister), post(register_entry))
        .add("GET", "/api/v1/people/{id}", Access::Policy(Action::ViewRegister), get(get_person))
        .add("PUT", "/api/v1/people/{id}", Access::Policy(Action::EditRegister), put(update_person))
}
