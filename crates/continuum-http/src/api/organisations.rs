//! `/api/v1/organisations`: prisons, drug services and care providers,
//! with every version kept.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::{get, post, put};
use continuum_app::reference::{Organisation, OrganisationFilter, OrganisationVersion};
use continuum_domain::policy::Action;
use continuum_domain::reference::{OrganisationDraft, OrganisationKind};
use continuum_domain::validation::{Invalid, Problem as FieldProblem};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiJson, ApiPath, ApiQuery, Page, checked, failure, given, language_list, paging, required, validated};
use crate::error::{ApiError, Problem};
use crate::extract::ApiCaller;
use crate::routes::{Access, Routes};
use crate::state::AppState;

/// An organisation.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OrganisationDto {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Kind: `prison`, `drug_service`, `care_provider` or `other`.
    #[schema(example = "drug_service")]
    pub kind: String,
    /// Language codes it works in.
    pub languages: Vec<String>,
    /// Contact details, free text.
    pub contact: String,
    /// Whether it is in use.
    pub active: bool,
    /// Version, raised by every change; send it back to change the organisation.
    pub version: i64,
    /// Last change (RFC 3339, UTC).
    pub updated_at: String,
}

/// One version of an organisation.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OrganisationVersionDto {
    /// The version.
    pub version: i64,
    /// Name then.
    pub name: String,
    /// Kind then.
    pub kind: String,
    /// Languages then.
    pub languages: Vec<String>,
    /// Contact then.
    pub contact: String,
    /// Active then.
    pub active: bool,
    /// When (RFC 3339, UTC).
    pub changed_at: String,
    /// By whom (username), if known.
    pub changed_by: Option<String>,
}

/// An organisation with its history.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OrganisationDetailDto {
    /// The organisation now.
    #[serde(flatten)]
    pub organisation: OrganisationDto,
    /// Every version, as the store keeps them.
    pub history: Vec<OrganisationVersionDto>,
}

/// A new organisation.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct NewOrganisationDto {
    /// Name (2 to 200 characters, unique).
    #[schema(required = true, value_type = String)]
    pub name: Option<String>,
    /// Kind: `prison`, `drug_service`, `care_provider` or `other`.
    #[schema(required = true, example = "care_provider", value_type = String)]
    pub kind: Option<String>,
    /// Language codes it works in (at least one).
    #[schema(required = true, value_type = Vec<String>)]
    pub languages: Option<Vec<String>>,
    /// Contact details, free text (up to 2000 characters).
    #[schema(required = false, value_type = String)]
    pub contact: Option<String>,
    /// Whether it is in use (default true).
    #[schema(required = false, value_type = bool)]
    pub active: Option<bool>,
}

/// A change of an organisation: every field, and the version read.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OrganisationChangeDto {
    /// The version the change is based on.
    #[schema(required = true, value_type = i64)]
    pub version: Option<i64>,
    /// Name.
    #[schema(required = true, value_type = String)]
    pub name: Option<String>,
    /// Kind.
    #[schema(required = true, value_type = String)]
    pub kind: Option<String>,
    /// Language codes.
    #[schema(required = true, value_type = Vec<String>)]
    pub languages: Option<Vec<String>>,
    /// Contact details.
    #[schema(required = false, value_type = String)]
    pub contact: Option<String>,
    /// Whether it is in use.
    #[schema(required = true, value_type = bool)]
    pub active: Option<bool>,
}

/// Filter and paging of the organisation list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrganisationQuery {
    /// Text to find in the name.
    pub q: Option<String>,
    /// Only this kind (`prison`, `drug_service`, `care_provider`, `other`).
    pub kind: Option<String>,
    /// Page, from 1.
    #[param(value_type = Option<u32>, minimum = 1)]
    pub page: Option<String>,
    /// Results per page, 1 to 200 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 200)]
    pub per_page: Option<String>,
}

fn organisation_dto(o: Organisation) -> OrganisationDto {
    OrganisationDto {
        id: o.id,
        name: o.name,
        kind: o.kind,
        languages: language_list(&o.languages),
        contact: o.contact,
        active: o.active,
        version: o.version,
        updated_at: o.updated_at,
    }
}

fn detail((organisation, history): (Organisation, Vec<OrganisationVersion>)) -> OrganisationDetailDto {
    OrganisationDetailDto {
        organisation: organisation_dto(organisation),
        history: history
            .into_iter()
            .map(|v| OrganisationVersionDto {
                version: v.version,
                name: v.name,
                kind: v.kind,
                languages: language_list(&v.languages),
                contact: v.contact,
                active: v.active,
                changed_at: v.changed_at,
                changed_by: v.changed_by,
            })
            .collect(),
    }
}

/// A page of organisations, by name.
#[utoipa::path(
    get,
    path = "/api/v1/organisations",
    operation_id = "list_organisations",
    tag = "organisations",
    security(("bearer" = [])),
    params(OrganisationQuery),
    responses(
        (status = 200, description = "The organisations of the page.", body = Page<OrganisationDto>),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A parameter of the wrong form.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn list_organisations(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<OrganisationQuery>,
) -> Result<Json<Page<OrganisationDto>>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ViewReferenceData, "organisation.list").await.map_err(&fail)?;
    let query = query.map_err(&fail)?;
    let mut errors = Invalid::default();
    let paging = paging(&mut errors, query.page.as_ref(), query.per_page.as_ref());
    let kind = given(query.kind.as_ref()).map(|kind| match OrganisationKind::parse(kind) {
        Some(kind) => kind.code().to_owned(),
        None => {
            errors.push("kind", FieldProblem::InvalidFormat);
            String::new()
        }
    });
    let filter = OrganisationFilter { search: given(query.q.as_ref()).map(str::to_owned), kind, sort_by_kind: false };
    let filter = checked(errors, filter).map_err(&fail)?;
    let listing = state.app.list_organisations(&actor, &filter, paging).await.map_err(&fail)?;
    Ok(Json(Page::from_listing(listing, organisation_dto)))
}

/// One organisation and its history.
#[utoipa::path(
    get,
    path = "/api/v1/organisations/{id}",
    operation_id = "get_organisation",
    tag = "organisations",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Organisation id.")),
    responses(
        (status = 200, description = "The organisation and its versions.", body = OrganisationDetailDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such organisation.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn get_organisation(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<OrganisationDetailDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ViewReferenceData, "organisation.read").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    Ok(Json(detail(state.app.get_organisation(&actor, id).await.map_err(&fail)?)))
}

/// Adds an organisation.
#[utoipa::path(
    post,
    path = "/api/v1/organisations",
    operation_id = "create_organisation",
    tag = "organisations",
    security(("bearer" = [])),
    request_body = NewOrganisationDto,
    responses(
        (status = 201, description = "Created.", body = OrganisationDetailDto,
            headers(("Location" = String, description = "The new organisation's address."))),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (a name already in use: `duplicate`).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn create_organisation(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiJson(body): ApiJson<NewOrganisationDto>,
) -> Result<(StatusCode, [(header::HeaderName, String); 1], Json<OrganisationDetailDto>), ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ManageOrganisations, "organisation.create").await.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let parsed = OrganisationDraft::parse(
        body.name.as_deref().unwrap_or_default(),
        body.kind.as_deref().unwrap_or_default(),
        body.languages.as_deref().unwrap_or_default(),
        body.contact.as_deref().unwrap_or_default(),
        body.active.unwrap_or(true),
    );
    let draft = validated(Invalid::default(), parsed).map_err(&fail)?;
    let id = state.app.create_organisation(&actor, draft).await.map_err(&fail)?;
    let organisation = detail(state.app.get_organisation(&actor, id).await.map_err(&fail)?);
    Ok((StatusCode::CREATED, [(header::LOCATION, format!("/api/v1/organisations/{id}"))], Json(organisation)))
}

/// Changes an organisation, if nobody changed it since `version` was read.
#[utoipa::path(
    put,
    path = "/api/v1/organisations/{id}",
    operation_id = "update_organisation",
    tag = "organisations",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Organisation id.")),
    request_body = OrganisationChangeDto,
    responses(
        (status = 200, description = "Changed; the organisation as it is now.", body = OrganisationDetailDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such organisation.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Changed by someone else since `version`.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn update_organisation(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<OrganisationChangeDto>,
) -> Result<Json<OrganisationDetailDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ManageOrganisations, "organisation.update").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let mut errors = Invalid::default();
    let version = required(&mut errors, "version", body.version);
    let active = required(&mut errors, "active", body.active);
    let parsed = OrganisationDraft::parse(
        body.name.as_deref().unwrap_or_default(),
        body.kind.as_deref().unwrap_or_default(),
        body.languages.as_deref().unwrap_or_default(),
        body.contact.as_deref().unwrap_or_default(),
        active,
    );
    let draft = validated(errors, parsed).map_err(&fail)?;
    state.app.update_organisation(&actor, id, version, draft).await.map_err(&fail)?;
    Ok(Json(detail(state.app.get_organisation(&actor, id).await.map_err(&fail)?)))
}

pub(super) fn routes(routes: Routes) -> Routes {
    routes
        .add("GET", "/api/v1/organisations", Access::Policy(Action::ViewReferenceData), get(list_organisations))
        .add("POST", "/api/v1/organisations", Access::Policy(Action::ManageOrganisations), post(create_organisation))
        .add("GET", "/api/v1/organisations/{id}", Access::Policy(Action::ViewReferenceData), get(get_organisation))
        .add("PUT", "/api/v1/organisations/{id}", Access::Policy(Action::ManageOrganisations), put(update_organisation))
}
