//! `/api/v1/directory/services`: the directory of care providers (issue 6,
//! items 2 and 7): the services of organisations, searchable by everyone
//! who sees reference data, maintained by coordinators and administrators.
//! The organisations themselves are `/api/v1/organisations`.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::{get, post, put};
use continuum_app::directory::{CareService, CareServiceVersion, DirectoryFilter};
use continuum_domain::directory::{OpeningHours, ServiceDraft, ServiceFields, ServiceKind};
use continuum_domain::policy::Action;
use continuum_domain::site::Language;
use continuum_domain::validation::{Invalid, Problem as FieldProblem};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiJson, ApiPath, ApiQuery, Page, checked, failure, given, language_list, paging, required, validated};
use crate::error::{ApiError, Problem};
use crate::extract::ApiCaller;
use crate::routes::{Access, Routes};
use crate::state::AppState;

/// The openings of one weekday.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct OpeningHoursDto {
    /// Monday: ranges such as `09:00-12:00, 13:00-17:00`; empty when closed.
    #[serde(default)]
    pub mon: String,
    /// Tuesday.
    #[serde(default)]
    pub tue: String,
    /// Wednesday.
    #[serde(default)]
    pub wed: String,
    /// Thursday.
    #[serde(default)]
    pub thu: String,
    /// Friday.
    #[serde(default)]
    pub fri: String,
    /// Saturday.
    #[serde(default)]
    pub sat: String,
    /// Sunday.
    #[serde(default)]
    pub sun: String,
}

impl OpeningHoursDto {
    fn days(&self) -> [&str; 7] {
        [&self.mon, &self.tue, &self.wed, &self.thu, &self.fri, &self.sat, &self.sun]
    }

    fn of(stored: &str) -> OpeningHoursDto {
        let hours = OpeningHours::from_stored(stored).unwrap_or_default();
        let [mon, tue, wed, thu, fri, sat, sun] = std::array::from_fn(|i| hours.day_text(i));
        OpeningHoursDto { mon, tue, wed, thu, fri, sat, sun }
    }
}

/// A service of the directory.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ServiceDto {
    /// Id.
    pub id: i64,
    /// The organisation's id.
    pub organisation_id: i64,
    /// The organisation's name.
    pub organisation: String,
    /// Name.
    pub name: String,
    /// `drug_service`, `oat_prescriber`, `general_practitioner`,
    /// `mental_health`, `housing` or `social_welfare` (CAW/CPAS).
    #[schema(example = "oat_prescriber")]
    pub kind: String,
    /// Language codes it works in.
    pub languages: Vec<String>,
    /// Codes of the prisons it covers.
    pub sites: Vec<String>,
    /// Postal address.
    pub address: String,
    /// Phone number.
    pub phone: String,
    /// E-mail address.
    pub email: String,
    /// Web site.
    pub website: String,
    /// Opening hours per weekday.
    pub opening_hours: OpeningHoursDto,
    /// A note on the hours (by appointment, public holidays).
    pub hours_note: String,
    /// Whether it is in use.
    pub active: bool,
    /// Version, raised by every change; send it back to change the service.
    pub version: i64,
    /// Last change (UTC).
    pub updated_at: String,
}

/// One version of a service.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ServiceVersionDto {
    /// The version.
    pub version: i64,
    /// Name then.
    pub name: String,
    /// Kind then.
    pub kind: String,
    /// Languages then.
    pub languages: Vec<String>,
    /// Prisons covered then.
    pub sites: Vec<String>,
    /// Phone then.
    pub phone: String,
    /// Active then.
    pub active: bool,
    /// When (UTC).
    pub changed_at: String,
    /// By whom (username).
    pub changed_by: Option<String>,
}

/// A service with its history.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ServiceDetailDto {
    /// The service now.
    #[serde(flatten)]
    pub service: ServiceDto,
    /// Every version, newest first.
    pub history: Vec<ServiceVersionDto>,
}

/// A service as sent: every field (and, to change one, the version read).
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct ServiceInputDto {
    /// The version the change is based on (changes only).
    pub version: Option<i64>,
    /// The organisation's id.
    #[schema(required = true, value_type = i64)]
    pub organisation_id: Option<i64>,
    /// Name (2 to 200 characters, unique within the organisation).
    #[schema(required = true, value_type = String)]
    pub name: Option<String>,
    /// Kind.
    #[schema(required = true, value_type = String)]
    pub kind: Option<String>,
    /// Language codes (at least one).
    #[schema(required = true, value_type = Vec<String>)]
    pub languages: Option<Vec<String>>,
    /// Codes of the prisons covered (at least one).
    #[schema(required = true, value_type = Vec<String>)]
    pub sites: Option<Vec<String>>,
    /// Postal address.
    pub address: Option<String>,
    /// Phone number (a phone number or an e-mail address is required).
    pub phone: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Web site (`https://...`).
    pub website: Option<String>,
    /// Opening hours per weekday.
    pub opening_hours: Option<OpeningHoursDto>,
    /// A note on the hours.
    pub hours_note: Option<String>,
    /// Whether it is in use (default true).
    pub active: Option<bool>,
}

/// Filter and paging of the directory.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DirectoryQuery {
    /// Text to find in the service's or its organisation's name.
    pub q: Option<String>,
    /// Only this kind.
    pub kind: Option<String>,
    /// Only services covering this prison (its code).
    pub site: Option<String>,
    /// Only services working in this language (`nl`, `fr`, `en`).
    pub language: Option<String>,
    /// Only this organisation's services.
    #[param(value_type = Option<i64>)]
    pub organisation_id: Option<String>,
    /// `true` to list services no longer in use too.
    #[param(value_type = Option<bool>)]
    pub include_inactive: Option<String>,
    /// Page, from 1.
    #[param(value_type = Option<u32>, minimum = 1)]
    pub page: Option<String>,
    /// Results per page, 1 to 200 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 200)]
    pub per_page: Option<String>,
}

fn service_dto(s: CareService) -> ServiceDto {
    ServiceDto {
        id: s.id,
        organisation_id: s.organisation_id,
        organisation: s.organisation,
        name: s.name,
        kind: s.kind,
        languages: language_list(&s.languages),
        sites: s.sites,
        address: s.address,
        phone: s.phone,
        email: s.email,
        website: s.website,
        opening_hours: OpeningHoursDto::of(&s.opening_hours),
        hours_note: s.hours_note,
        active: s.active,
        version: s.version,
        updated_at: s.updated_at,
    }
}

fn detail((service, history): (CareService, Vec<CareServiceVersion>)) -> ServiceDetailDto {
    ServiceDetailDto {
        service: service_dto(service),
        history: history
            .into_iter()
            .map(|v| ServiceVersionDto {
                version: v.version,
                name: v.name,
                kind: v.kind,
                languages: language_list(&v.languages),
                sites: language_list(&v.sites),
                phone: v.phone,
                active: v.active,
                changed_at: v.changed_at,
                changed_by: v.changed_by,
            })
            .collect(),
    }
}

fn draft(mut errors: Invalid, body: &ServiceInputDto) -> Result<ServiceDraft, continuum_app::AppError> {
    let hours = body.opening_hours.as_ref().map_or([""; 7], OpeningHoursDto::days);
    if body.organisation_id.is_none() {
        errors.push("organisation_id", FieldProblem::Required);
    }
    let parsed = ServiceDraft::parse(&ServiceFields {
        organisation: body.organisation_id.or(Some(0)),
        name: body.name.as_deref().unwrap_or_default(),
        kind: body.kind.as_deref().unwrap_or_default(),
        languages: body.languages.as_deref().unwrap_or_default(),
        sites: body.sites.as_deref().unwrap_or_default(),
        address: body.address.as_deref().unwrap_or_default(),
        phone: body.phone.as_deref().unwrap_or_default(),
        email: body.email.as_deref().unwrap_or_default(),
        website: body.website.as_deref().unwrap_or_default(),
        hours,
        hours_note: body.hours_note.as_deref().unwrap_or_default(),
        active: body.active.unwrap_or(true),
    })
    .map_err(|mut invalid| {
        body_names(&mut invalid);
        invalid
    });
    validated(errors, parsed)
}

/// Names the fields of the domain's and the use case's errors as the body
/// names them (`organisation_id`, `opening_hours.mon`, ...).
fn body_names(invalid: &mut Invalid) {
    for error in &mut invalid.0 {
        if let Some(day) = continuum_domain::directory::HOURS_FIELDS.iter().position(|f| *f == error.field) {
            error.field = HOURS_BODY_FIELDS[day];
        } else if error.field == "organisation" {
            error.field = "organisation_id";
        }
    }
}

/// A use case's error with its fields named as in the body.
fn in_body_terms(error: continuum_app::AppError) -> continuum_app::AppError {
    match error {
        continuum_app::AppError::Invalid(mut invalid) => {
            body_names(&mut invalid);
            continuum_app::AppError::Invalid(invalid)
        }
        other => other,
    }
}

/// The fields of the opening hours in a body.
const HOURS_BODY_FIELDS: [&str; 7] = [
    "opening_hours.mon",
    "opening_hours.tue",
    "opening_hours.wed",
    "opening_hours.thu",
    "opening_hours.fri",
    "opening_hours.sat",
    "opening_hours.sun",
];

/// A page of the directory's services, by name.
#[utoipa::path(
    get,
    path = "/api/v1/directory/services",
    operation_id = "list_services",
    tag = "directory",
    security(("bearer" = [])),
    params(DirectoryQuery),
    responses(
        (status = 200, description = "The services of the page.", body = Page<ServiceDto>),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A parameter of the wrong form.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn list_services(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<DirectoryQuery>,
) -> Result<Json<Page<ServiceDto>>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ViewReferenceData, "care_service.list").await.map_err(&fail)?;
    let query = query.map_err(&fail)?;
    let mut errors = Invalid::default();
    let paging = paging(&mut errors, query.page.as_ref(), query.per_page.as_ref());
    let mut parsed = |field: &'static str, raw: Option<&String>, ok: bool| {
        if given(raw).is_some() && !ok {
            errors.push(field, FieldProblem::InvalidFormat);
        }
    };
    let kind = given(query.kind.as_ref()).and_then(ServiceKind::parse);
    parsed("kind", query.kind.as_ref(), kind.is_some());
    let language = given(query.language.as_ref()).and_then(Language::parse);
    parsed("language", query.language.as_ref(), language.is_some());
    let organisation = given(query.organisation_id.as_ref()).and_then(|o| o.parse::<i64>().ok());
    parsed("organisation_id", query.organisation_id.as_ref(), organisation.is_some());
    let include_inactive = given(query.include_inactive.as_ref()).map(|v| v.parse::<bool>());
    parsed("include_inactive", query.include_inactive.as_ref(), !matches!(include_inactive, Some(Err(_))));
    let site = match given(query.site.as_ref()) {
        Some(code) => {
            let sites = state.app.site_ids().await.map_err(&fail)?;
            let site = sites.into_iter().find(|(c, _)| c.eq_ignore_ascii_case(code)).map(|(_, id)| id);
            if site.is_none() {
                errors.push("site", FieldProblem::UnknownSite);
            }
            site
        }
        None => None,
    };
    let filter = DirectoryFilter {
        search: given(query.q.as_ref()).map(str::to_owned),
        kind,
        site,
        language,
        organisation,
        include_inactive: matches!(include_inactive, Some(Ok(true))),
    };
    let (filter, paging) = checked(errors, (filter, paging)).map_err(&fail)?;
    let listing = state.app.search_directory(&actor, &filter, paging).await.map_err(&fail)?;
    Ok(Json(Page::from_listing(listing, service_dto)))
}

/// One service and its history.
#[utoipa::path(
    get,
    path = "/api/v1/directory/services/{id}",
    operation_id = "get_service",
    tag = "directory",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Service id.")),
    responses(
        (status = 200, description = "The service and its versions.", body = ServiceDetailDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such service.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn get_service(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ServiceDetailDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ViewReferenceData, "care_service.read").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    Ok(Json(detail(state.app.get_care_service(&actor, id).await.map_err(&fail)?)))
}

/// Adds a service to the directory.
#[utoipa::path(
    post,
    path = "/api/v1/directory/services",
    operation_id = "create_service",
    tag = "directory",
    security(("bearer" = [])),
    request_body = ServiceInputDto,
    responses(
        (status = 201, description = "Created.", body = ServiceDetailDto,
            headers(("Location" = String, description = "The new service's address."))),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (a name the organisation already uses: `duplicate`).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn create_service(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiJson(body): ApiJson<ServiceInputDto>,
) -> Result<(StatusCode, [(header::HeaderName, String); 1], Json<ServiceDetailDto>), ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ManageOrganisations, "care_service.create").await.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let draft = draft(Invalid::default(), &body).map_err(&fail)?;
    let id = state.app.create_care_service(&actor, &draft).await.map_err(in_body_terms).map_err(&fail)?;
    let service = detail(state.app.get_care_service(&actor, id).await.map_err(&fail)?);
    Ok((StatusCode::CREATED, [(header::LOCATION, format!("/api/v1/directory/services/{id}"))], Json(service)))
}

/// Changes a service, if nobody changed it since `version` was read.
#[utoipa::path(
    put,
    path = "/api/v1/directory/services/{id}",
    operation_id = "update_service",
    tag = "directory",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Service id.")),
    request_body = ServiceInputDto,
    responses(
        (status = 200, description = "Changed; the service as it is now.", body = ServiceDetailDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such service.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Changed by someone else since `version`.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn update_service(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<ServiceInputDto>,
) -> Result<Json<ServiceDetailDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ManageOrganisations, "care_service.update").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let mut errors = Invalid::default();
    let version = required(&mut errors, "version", body.version);
    let draft = draft(errors, &body).map_err(&fail)?;
    state.app.update_care_service(&actor, id, version, &draft).await.map_err(in_body_terms).map_err(&fail)?;
    Ok(Json(detail(state.app.get_care_service(&actor, id).await.map_err(&fail)?)))
}

pub(super) fn routes(routes: Routes) -> Routes {
    let view = Access::Policy(Action::ViewReferenceData);
    let manage = Access::Policy(Action::ManageOrganisations);
    routes
        .add("GET", "/api/v1/directory/services", view, get(list_services))
        .add("POST", "/api/v1/directory/services", manage, post(create_service))
        .add("GET", "/api/v1/directory/services/{id}", view, get(get_service))
        .add("PUT", "/api/v1/directory/services/{id}", manage, put(update_service))
}

#[cfg(test)]
mod tests {
    use super::*;
    use continuum_domain::directory::WEEKDAYS;

    #[test]
    fn the_weekdays_of_the_body_are_the_domains() {
        let names: Vec<String> = HOURS_BODY_FIELDS.iter().map(|f| f.replace("opening_hours.", "")).collect();
        assert_eq!(names, WEEKDAYS);
    }
}
