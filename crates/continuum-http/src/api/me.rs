//! `/api/v1/me`: the caller.

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::routing::get;
use continuum_app::SiteRef;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::failure;
use super::users::{GrantDto, grant_dtos};
use crate::error::{ApiError, Problem};
use crate::extract::ApiCaller;
use crate::routes::{Access, Routes};
use crate::state::AppState;

/// A site the caller may act for.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SiteRefDto {
    /// Id.
    pub id: i64,
    /// Three-letter code.
    pub code: String,
    /// Name.
    pub name: String,
}

/// The caller (never a password or second-factor secret).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct MeDto {
    /// Account id.
    pub id: i64,
    /// Username.
    pub username: String,
    /// Display name.
    pub display_name: String,
    /// E-mail (may be empty).
    pub email: String,
    /// The language answers are given in (the session's choice, else the profile's).
    pub language: String,
    /// Whether a second factor is in use.
    pub totp_enabled: bool,
    /// Roles and where they hold (site code, or `*` for every site).
    pub roles: Vec<GrantDto>,
    /// The sites the caller may act for.
    pub sites: Vec<SiteRefDto>,
    /// The site acted for now, if one is chosen (browser sessions).
    pub site: Option<SiteRefDto>,
}

fn site_ref(site: &SiteRef) -> SiteRefDto {
    SiteRefDto { id: site.id.0, code: site.code.clone(), name: site.name.clone() }
}

/// Who the caller is.
#[utoipa::path(
    get,
    path = "/api/v1/me",
    operation_id = "get_me",
    tag = "me",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The caller.", body = MeDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn get_me(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
) -> Result<Json<MeDto>, ApiError> {
    let fail = failure(&actor, &headers);
    let account = state.app.me(&actor).await.map_err(&fail)?;
    Ok(Json(MeDto {
        id: account.id,
        roles: grant_dtos(&account),
        username: account.username,
        display_name: account.display_name,
        email: account.email,
        language: actor.language.code().to_owned(),
        totp_enabled: account.totp_enabled,
        sites: actor.sites.iter().map(site_ref).collect(),
        site: actor.site.as_ref().map(site_ref),
    }))
}

pub(super) fn routes(routes: Routes) -> Routes {
    routes.add("GET", "/api/v1/me", Access::SignedIn, get(get_me))
}
