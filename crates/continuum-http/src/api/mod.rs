//! The JSON API under `/api/v1`, described by an OpenAPI 3.1 document
//! generated from the code and served at `/api/v1/openapi.json`.
//! Errors are RFC 9457 problem documents.

use axum::Json;
use axum::extract::State;
use axum::routing::get;
use utoipa::OpenApi;

use crate::routes::{Access, Routes};
use crate::state::AppState;

/// The OpenAPI document of the API.
#[derive(OpenApi)]
#[openapi(info(title = "Continuum API", version = "1", description = "Drug care in prison: the JSON API. Authenticate with `Authorization: Bearer <token>` (see `continuum token create`)."), components(schemas(crate::error::Problem, crate::error::ProblemField)))]
pub struct ApiDoc;

async fn openapi(State(_): State<AppState>) -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

pub(crate) fn routes(routes: Routes) -> Routes {
    routes.add("GET", "/api/v1/openapi.json", Access::Public, get(openapi))
}
