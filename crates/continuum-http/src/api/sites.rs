//! `/api/v1/sites`: the prisons of the programme, with every version kept.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::get;
use continuum_app::reference::{Site, SiteVersion};
use continuum_domain::policy::Action;
use continuum_domain::reference::SiteDraft;
use continuum_domain::validation::Invalid;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ApiJson, ApiPath, failure, language_list, required, validated};
use crate::error::{ApiError, Problem};
use crate::extract::ApiCaller;
use crate::routes::{Access, Routes};
use crate::state::AppState;

/// A site.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SiteDto {
    /// Id.
    pub id: i64,
    /// Three-letter code, upper case.
    #[schema(example = "HAS")]
    pub code: String,
    /// The prison's name.
    pub name: String,
    /// Language codes (`nl`, `fr`, `en`), main one first.
    pub languages: Vec<String>,
    /// Whether the site takes part in the programme now.
    pub active: bool,
    /// Version, raised by every change; send it back to change the site.
    pub version: i64,
    /// Last change (RFC 3339, UTC).
    pub updated_at: String,
}

/// One version of a site.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SiteVersionDto {
    /// The version.
    pub version: i64,
    /// Code then.
    pub code: String,
    /// Name then.
    pub name: String,
    /// Languages then.
    pub languages: Vec<String>,
    /// Active then.
    pub active: bool,
    /// When (RFC 3339, UTC).
    pub changed_at: String,
    /// By whom (username), if known.
    pub changed_by: Option<String>,
}

/// A site with its history.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SiteDetailDto {
    /// The site now.
    #[serde(flatten)]
    pub site: SiteDto,
    /// Every version, as the store keeps them.
    pub history: Vec<SiteVersionDto>,
}

/// A new site.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct NewSiteDto {
    /// Three letters; stored in upper case.
    #[schema(required = true, example = "HAS", value_type = String)]
    pub code: Option<String>,
    /// The prison's name (1 to 120 characters).
    #[schema(required = true, value_type = String)]
    pub name: Option<String>,
    /// Language codes, main one first (at least one).
    #[schema(required = true, value_type = Vec<String>)]
    pub languages: Option<Vec<String>>,
    /// Whether the site takes part now (default true).
    #[schema(required = false, value_type = bool)]
    pub active: Option<bool>,
}

/// A change of a site: every field, and the version read.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SiteChangeDto {
    /// The version the change is based on.
    #[schema(required = true, value_type = i64)]
    pub version: Option<i64>,
    /// Three letters.
    #[schema(required = true, value_type = String)]
    pub code: Option<String>,
    /// The prison's name.
    #[schema(required = true, value_type = String)]
    pub name: Option<String>,
    /// Language codes, main one first.
    #[schema(required = true, value_type = Vec<String>)]
    pub languages: Option<Vec<String>>,
    /// Whether the site takes part now.
    #[schema(required = true, value_type = bool)]
    pub active: Option<bool>,
}

fn site_dto(site: Site) -> SiteDto {
    SiteDto {
        id: site.id,
        code: site.code,
        name: site.name,
        languages: language_list(&site.languages),
        active: site.active,
        version: site.version,
        updated_at: site.updated_at,
    }
}

fn detail((site, history): (Site, Vec<SiteVersion>)) -> SiteDetailDto {
    SiteDetailDto {
        site: site_dto(site),
        history: history
            .into_iter()
            .map(|v| SiteVersionDto {
                version: v.version,
                code: v.code,
                name: v.name,
                languages: language_list(&v.languages),
                active: v.active,
                changed_at: v.changed_at,
                changed_by: v.changed_by,
            })
            .collect(),
    }
}

/// Every site.
#[utoipa::path(
    get,
    path = "/api/v1/sites",
    operation_id = "list_sites",
    tag = "sites",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every site.", body = Vec<SiteDto>),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn list_sites(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
) -> Result<Json<Vec<SiteDto>>, ApiError> {
    let fail = failure(&actor, &headers);
    let sites = state.app.list_sites(&actor).await.map_err(&fail)?;
    Ok(Json(sites.into_iter().map(site_dto).collect()))
}

/// One site and its history.
#[utoipa::path(
    get,
    path = "/api/v1/sites/{id}",
    operation_id = "get_site",
    tag = "sites",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Site id.")),
    responses(
        (status = 200, description = "The site and its versions.", body = SiteDetailDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such site.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn get_site(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<SiteDetailDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ViewReferenceData, "site.read").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    Ok(Json(detail(state.app.get_site(&actor, id).await.map_err(&fail)?)))
}

/// Adds a site.
#[utoipa::path(
    post,
    path = "/api/v1/sites",
    operation_id = "create_site",
    tag = "sites",
    security(("bearer" = [])),
    request_body = NewSiteDto,
    responses(
        (status = 201, description = "Created.", body = SiteDetailDto,
            headers(("Location" = String, description = "The new site's address."))),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (a code already in use: `duplicate`).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn create_site(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiJson(body): ApiJson<NewSiteDto>,
) -> Result<(StatusCode, [(header::HeaderName, String); 1], Json<SiteDetailDto>), ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ManageSites, "site.create").await.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let parsed = SiteDraft::parse(
        body.code.as_deref().unwrap_or_default(),
        body.name.as_deref().unwrap_or_default(),
        body.languages.as_deref().unwrap_or_default(),
        body.active.unwrap_or(true),
    );
    let draft = validated(Invalid::default(), parsed).map_err(&fail)?;
    let id = state.app.create_site(&actor, draft).await.map_err(&fail)?;
    let site = detail(state.app.get_site(&actor, id).await.map_err(&fail)?);
    Ok((StatusCode::CREATED, [(header::LOCATION, format!("/api/v1/sites/{id}"))], Json(site)))
}

/// Changes a site, if nobody changed it since `version` was read.
#[utoipa::path(
    put,
    path = "/api/v1/sites/{id}",
    operation_id = "update_site",
    tag = "sites",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Site id.")),
    request_body = SiteChangeDto,
    responses(
        (status = 200, description = "Changed; the site as it is now.", body = SiteDetailDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such site.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Changed by someone else since `version`.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn update_site(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<SiteChangeDto>,
) -> Result<Json<SiteDetailDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ManageSites, "site.update").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let mut errors = Invalid::default();
    let version = required(&mut errors, "version", body.version);
    let active = required(&mut errors, "active", body.active);
    let (code, name, languages) =
        (body.code.unwrap_or_default(), body.name.unwrap_or_default(), body.languages.unwrap_or_default());
    let parsed = SiteDraft::parse(&code, &name, &languages, active);
    let draft = validated(errors, parsed).map_err(&fail)?;
    state.app.update_site(&actor, id, version, draft).await.map_err(&fail)?;
    Ok(Json(detail(state.app.get_site(&actor, id).await.map_err(&fail)?)))
}

pub(super) fn routes(routes: Routes) -> Routes {
    routes
        .add("GET", "/api/v1/sites", Access::Policy(Action::ViewReferenceData), get(list_sites))
        .add("POST", "/api/v1/sites", Access::Policy(Action::ManageSites), axum::routing::post(create_site))
        .add("GET", "/api/v1/sites/{id}", Access::Policy(Action::ViewReferenceData), get(get_site))
        .add("PUT", "/api/v1/sites/{id}", Access::Policy(Action::ManageSites), axum::routing::put(update_site))
}
