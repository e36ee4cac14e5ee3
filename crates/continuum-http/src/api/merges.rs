//! Merging duplicate people through the API, and undoing a merge
//! (administrators). The rules are in `continuum_app::merges`.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use continuum_app::merges::Merge;
use continuum_domain::policy::Action;
use continuum_domain::validation::Invalid;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiJson, ApiPath, ApiQuery, Page, checked, failure, paging, required};
use crate::error::{ApiError, Problem};
use crate::extract::ApiCaller;
use crate::routes::{Access, Routes};
use crate::state::AppState;

/// A merge of two records of one person. Names are never given: the
/// records are named by their ids.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct MergeDto {
    /// Id.
    pub id: i64,
    /// The record that stays.
    pub survivor: i64,
    /// Code of the survivor's prison.
    pub survivor_site: String,
    /// The record merged into it.
    pub merged: i64,
    /// Code of the merged record's prison.
    pub merged_site: String,
    /// When (UTC).
    pub merged_at: String,
    /// By whom (username).
    pub merged_by: Option<String>,
    /// When undone, if it was.
    pub undone_at: Option<String>,
    /// Undone by whom.
    pub undone_by: Option<String>,
}

/// A merge of a duplicate into the record of the path.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct MergeRequestDto {
    /// The id of the duplicate record, merged into this one.
    #[schema(required = true, value_type = i64)]
    pub duplicate: Option<i64>,
    /// The version of this record, as read.
    #[schema(required = true, value_type = i64)]
    pub version: Option<i64>,
    /// The version of the duplicate, as read.
    #[schema(required = true, value_type = i64)]
    pub duplicate_version: Option<i64>,
}

/// Paging of the merges.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MergesQuery {
    /// Page, from 1.
    #[param(value_type = Option<u32>, minimum = 1)]
    pub page: Option<String>,
    /// Results per page, 1 to 200 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 200)]
    pub per_page: Option<String>,
}

fn merge_dto(m: Merge) -> MergeDto {
    MergeDto {
        id: m.id,
        survivor: m.survivor_id,
        survivor_site: m.survivor_site,
        merged: m.merged_id,
        merged_site: m.merged_site,
        merged_at: m.merged_at,
        merged_by: m.merged_by,
        undone_at: m.undone_at,
        undone_by: m.undone_by,
    }
}

/// Merges a duplicate into this person's record: the duplicate's episodes,
/// pathways and screenings move here; nothing is deleted. Needs the
/// register at the prisons of both records.
#[utoipa::path(
    post,
    path = "/api/v1/people/{id}/merge",
    operation_id = "merge_person",
    tag = "register",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The record that stays.")),
    request_body = MergeRequestDto,
    responses(
        (status = 201, description = "Merged.", body = MergeDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Changed meanwhile, already merged, or the same record.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn merge_person(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<MergeRequestDto>,
) -> Result<(StatusCode, Json<MergeDto>), ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::EditRegister, "person.merge").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let mut errors = Invalid::default();
    let duplicate = required(&mut errors, "duplicate", body.duplicate);
    let version = required(&mut errors, "version", body.version);
    let duplicate_version = required(&mut errors, "duplicate_version", body.duplicate_version);
    checked(errors, ()).map_err(&fail)?;
    let merge = state.app.merge_people(&actor, (id, version), (duplicate, duplicate_version)).await.map_err(&fail)?;
    let record = state.app.get_person(&actor, id).await.map_err(&fail)?;
    let merge =
        record.merges.into_iter().find(|m| m.id == merge).ok_or_else(|| fail(continuum_app::AppError::NotFound))?;
    Ok((StatusCode::CREATED, Json(merge_dto(merge))))
}

/// Every merge, newest first (administrators).
#[utoipa::path(
    get,
    path = "/api/v1/merges",
    operation_id = "list_merges",
    tag = "register",
    security(("bearer" = [])),
    params(MergesQuery),
    responses(
        (status = 200, description = "The merges of the page.", body = Page<MergeDto>),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A parameter of the wrong form.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn list_merges(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<MergesQuery>,
) -> Result<Json<Page<MergeDto>>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::UndoMerge, "merge.list").await.map_err(&fail)?;
    let query = query.map_err(&fail)?;
    let mut errors = Invalid::default();
    let paging = paging(&mut errors, query.page.as_ref(), query.per_page.as_ref());
    let paging = checked(errors, paging).map_err(&fail)?;
    let listing = state.app.list_merges(&actor, paging).await.map_err(&fail)?;
    Ok(Json(Page::from_listing(listing, merge_dto)))
}

/// Undoes a merge (administrators): each record gets back exactly what was
/// its own before.
#[utoipa::path(
    post,
    path = "/api/v1/merges/{id}/undo",
    operation_id = "undo_merge",
    tag = "register",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The merge's id.")),
    responses(
        (status = 200, description = "Undone.", body = MergeDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such merge.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already undone, or a later merge must be undone first.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn undo_merge(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<MergeDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::UndoMerge, "person.unmerge").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    state.app.undo_merge(&actor, id).await.map_err(&fail)?;
    let detail = state.app.get_merge(&actor, id).await.map_err(&fail)?;
    Ok(Json(merge_dto(detail.merge)))
}

pub(super) fn routes(routes: Routes) -> Routes {
    routes
        .add("POST", "/api/v1/people/{id}/merge", Access::Policy(Action::EditRegister), post(merge_person))
        .add("GET", "/api/v1/merges", Access::Policy(Action::UndoMerge), get(list_merges))
        .add("POST", "/api/v1/merges/{id}/undo", Access::Policy(Action::UndoMerge), post(undo_merge))
}
