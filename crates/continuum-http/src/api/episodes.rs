//! Detention episodes through the API: read one with its history, change
//! its legal status and expected release, record the release, transfer the
//! person to another prison of the programme.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::{get, post};
use continuum_app::episodes::{EpisodeRecord, EpisodeVersion};
use continuum_domain::episode::{EpisodeChangeFields, ReleaseFields, TransferFields};
use continuum_domain::policy::Action;
use continuum_domain::validation::Invalid;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::people::{EpisodeDto, episode_dto};
use super::{ApiJson, ApiPath, checked, failure, required};
use crate::error::{ApiError, Problem};
use crate::extract::ApiCaller;
use crate::routes::{Access, Routes};
use crate::state::AppState;

/// One version of an episode.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct EpisodeVersionDto {
    /// Version number.
    pub version: i64,
    /// What made it: `created`, `updated`, `released` or `transferred`.
    pub change: String,
    /// Legal status then.
    pub legal_status: String,
    /// Expected release then.
    pub expected_release: Option<String>,
    /// Release date then.
    pub release_date: Option<String>,
    /// Release kind then.
    pub release_kind: Option<String>,
    /// When (UTC).
    pub changed_at: String,
    /// By whom (username).
    pub changed_by: Option<String>,
}

/// An episode, its person and its history.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct EpisodeRecordDto {
    /// The person.
    pub person_id: i64,
    /// The episode now.
    pub episode: EpisodeDto,
    /// Every version, newest first.
    pub history: Vec<EpisodeVersionDto>,
}

/// A change of an open episode.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct EpisodeChangeDto {
    /// The version read.
    #[schema(required = true, value_type = i64)]
    pub version: Option<i64>,
    /// `remand`, `sentenced`, `interned` or `other`.
    #[schema(required = true, value_type = String)]
    pub legal_status: Option<String>,
    /// Expected release (`YYYY-MM-DD`), or absent when not known.
    pub expected_release: Option<String>,
}

/// A release.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct ReleaseDto {
    /// The day of release, not before the entry date and not after today.
    #[schema(required = true, value_type = String)]
    pub release_date: Option<String>,
    /// `end_of_sentence`, `conditional_release`, `electronic_monitoring`,
    /// `provisional_release`, `released_by_court`, `removal`, `deceased` or
    /// `other`. A transfer, within the programme or out of it (with its
    /// handover document), is its own call.
    #[schema(required = true, value_type = String)]
    pub release_kind: Option<String>,
}

/// A transfer to another prison of the programme.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct TransferDto {
    /// The receiving prison's code.
    #[schema(required = true, value_type = String, example = "LAN")]
    pub site: Option<String>,
    /// The day of the transfer, not before the entry date and not after today.
    #[schema(required = true, value_type = String)]
    pub transfer_date: Option<String>,
    /// The prison number at the receiving prison; absent keeps the current one.
    pub prison_number: Option<String>,
}

/// Where a transfer took the person.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct TransferredDto {
    /// The person.
    pub person_id: i64,
    /// The episode opened at the receiving prison.
    pub episode_id: i64,
    /// The receiving prison's code.
    pub site: String,
}

fn version_dto(v: EpisodeVersion) -> EpisodeVersionDto {
    EpisodeVersionDto {
        version: v.version,
        change: v.change,
        legal_status: v.legal_status,
        expected_release: v.expected_release,
        release_date: v.release_date,
        release_kind: v.release_kind,
        changed_at: v.changed_at,
        changed_by: v.changed_by,
    }
}

fn record_dto(record: EpisodeRecord) -> EpisodeRecordDto {
    EpisodeRecordDto {
        person_id: record.person.id,
        episode: episode_dto(record.episode),
        history: record.history.into_iter().map(version_dto).collect(),
    }
}

/// One episode with its history.
#[utoipa::path(
    get,
    path = "/api/v1/episodes/{id}",
    operation_id = "get_episode",
    tag = "register",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The episode's id.")),
    responses(
        (status = 200, description = "The episode.", body = EpisodeRecordDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such episode of a person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn get_episode(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<EpisodeRecordDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ViewRegister, "episode.read").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    Ok(Json(record_dto(state.app.get_episode(&actor, id).await.map_err(&fail)?)))
}

/// Changes the legal status and expected release of the person's current
/// episode, if nobody changed it since `version`.
#[utoipa::path(
    put,
    path = "/api/v1/episodes/{id}",
    operation_id = "update_episode",
    tag = "register",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The episode's id.")),
    request_body = EpisodeChangeDto,
    responses(
        (status = 200, description = "Changed.", body = EpisodeRecordDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such episode of a person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Changed meanwhile.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, or the episode has ended (`episode`).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn update_episode(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<EpisodeChangeDto>,
) -> Result<Json<EpisodeRecordDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::EditRegister, "episode.update").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let mut errors = Invalid::default();
    let version = required(&mut errors, "version", body.version);
    let version = checked(errors, version).map_err(&fail)?;
    let fields = EpisodeChangeFields {
        legal_status: body.legal_status.as_deref().unwrap_or_default(),
        expected_release: body.expected_release.as_deref().unwrap_or_default(),
    };
    state.app.update_episode(&actor, id, version, &fields).await.map_err(&fail)?;
    Ok(Json(record_dto(state.app.get_episode(&actor, id).await.map_err(&fail)?)))
}

/// Records the release that ends the person's current episode. A release
/// closes a care pathway that never reached an intake; a death or a
/// transfer out of the programme closes any open pathway.
#[utoipa::path(
    post,
    path = "/api/v1/episodes/{id}/release",
    operation_id = "release_episode",
    tag = "register",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The episode's id.")),
    request_body = ReleaseDto,
    responses(
        (status = 200, description = "Released.", body = EpisodeRecordDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such episode of a person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (a release before entry names `release_date`), or the episode has ended (`episode`).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn release_episode(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<ReleaseDto>,
) -> Result<Json<EpisodeRecordDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::EditRegister, "episode.release").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let fields = ReleaseFields {
        release_date: body.release_date.as_deref().unwrap_or_default(),
        release_kind: body.release_kind.as_deref().unwrap_or_default(),
    };
    state.app.release_episode(&actor, id, &fields).await.map_err(&fail)?;
    Ok(Json(record_dto(state.app.get_episode(&actor, id).await.map_err(&fail)?)))
}

/// Transfers the person of the current episode to another prison of the
/// programme: the episode ends with kind `transfer`, a new one begins at
/// the receiving prison on the same day, the receiving team sees the person
/// from then on (the caller's team no longer does) and an open care pathway
/// moves there.
#[utoipa::path(
    post,
    path = "/api/v1/episodes/{id}/transfer",
    operation_id = "transfer_person",
    tag = "register",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The current episode's id.")),
    request_body = TransferDto,
    responses(
        (status = 201, description = "Transferred.", body = TransferredDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such episode of a person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (an unknown prison names `site`), or the episode has ended (`episode`).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn transfer_person(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<TransferDto>,
) -> Result<(StatusCode, [(header::HeaderName, String); 1], Json<TransferredDto>), ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::EditRegister, "person.transfer").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let fields = TransferFields {
        site: body.site.as_deref().unwrap_or_default(),
        transfer_date: body.transfer_date.as_deref().unwrap_or_default(),
        prison_number: body.prison_number.as_deref().unwrap_or_default(),
    };
    let moved = state.app.transfer_person(&actor, id, &fields).await.map_err(&fail)?;
    let dto = TransferredDto {
        person_id: moved.person_id,
        episode_id: moved.episode_id,
        site: fields.site.trim().to_ascii_uppercase(),
    };
    Ok((StatusCode::CREATED, [(header::LOCATION, format!("/api/v1/episodes/{}", moved.episode_id))], Json(dto)))
}

pub(super) fn routes(routes: Routes) -> Routes {
    routes
        .add("GET", "/api/v1/episodes/{id}", Access::Policy(Action::ViewRegister), get(get_episode))
        .add("PUT", "/api/v1/episodes/{id}", Access::Policy(Action::EditRegister), axum::routing::put(update_episode))
        .add("POST", "/api/v1/episodes/{id}/release", Access::Policy(Action::EditRegister), post(release_episode))
        .add("POST", "/api/v1/episodes/{id}/transfer", Access::Policy(Action::EditRegister), post(transfer_person))
}
