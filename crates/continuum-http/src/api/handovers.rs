//! Handovers at a transfer through the API (issue 5, item 5): the
//! handovers between pilot prisons waiting at the caller's prison, one
//! handover as each team sees it, its acknowledgement by the receiving
//! team; the transfer to a prison outside the programme and its handover
//! document (PDF).

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use axum::routing::{get, post};
use continuum_app::handovers::{HandoverDocument, HandoverSummary, HandoverView};
use continuum_app::{Actor, AppError};
use continuum_domain::handover::OutTransferFields;
use continuum_domain::policy::Action;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ApiJson, ApiPath, failure};
use crate::error::{ApiError, Problem};
use crate::extract::ApiCaller;
use crate::routes::{Access, Routes};
use crate::state::AppState;

/// A transfer between pilot prisons.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct HandoverDto {
    /// Id.
    pub id: i64,
    /// The person.
    pub person_id: i64,
    /// The sending prison's code.
    pub from_site: String,
    /// The receiving prison's code.
    pub to_site: String,
    /// The prison number at the receiving prison.
    pub prison_number: String,
    /// The day of the transfer.
    pub transfer_date: String,
    /// When it was recorded (UTC).
    pub transferred_at: String,
    /// When the receiving team acknowledged it (UTC).
    pub acknowledged_at: Option<String>,
}

/// A step of the pathway.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct StepDto {
    /// When (UTC).
    pub at: String,
    /// The step's code (`transfer`, `record_intake`, ...).
    pub command: String,
    /// The state after it (`in_care`, `declined:intake`, `closed:completed`, ...).
    pub state: String,
}

/// A handover as the caller's team sees it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct HandoverViewDto {
    /// The handover.
    pub handover: HandoverDto,
    /// Whether the caller sees it as the sending team (the pathway up to
    /// the transfer, read only, while the read window lasts).
    pub sending_team_view: bool,
    /// Whether the caller may acknowledge it.
    pub may_acknowledge: bool,
    /// The pathway's steps, oldest first.
    pub steps: Vec<StepDto>,
}

/// A transfer to a prison outside the programme.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct TransferOutDto {
    /// The receiving prison's name.
    #[schema(required = true, value_type = String, example = "Brugge")]
    pub prison: Option<String>,
    /// The language of the handover document: `nl`, `fr` or `en`.
    #[schema(required = true, value_type = String, example = "nl")]
    pub language: Option<String>,
    /// The day of the transfer, not before the entry and not after today.
    #[schema(required = true, value_type = String)]
    pub transfer_date: Option<String>,
}

/// A handover document kept.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct HandoverDocumentDto {
    /// Id (`GET /api/v1/handover-documents/{id}` gives the PDF).
    pub id: i64,
    /// The person.
    pub person_id: i64,
    /// The receiving prison.
    pub receiving_prison: String,
    /// The document's language.
    pub language: String,
    /// The day of the transfer.
    pub transfer_date: String,
    /// When it was made (UTC).
    pub created_at: String,
}

fn handover_dto(h: HandoverSummary) -> HandoverDto {
    HandoverDto {
        id: h.id,
        person_id: h.person_id,
        from_site: h.from_site,
        to_site: h.to_site,
        prison_number: h.prison_number,
        transfer_date: h.transfer_date,
        transferred_at: h.transferred_at,
        acknowledged_at: h.acknowledged_at,
    }
}

fn view_dto(view: HandoverView) -> HandoverViewDto {
    HandoverViewDto {
        sending_team_view: view.sending_team_view,
        may_acknowledge: view.may_acknowledge,
        steps: view.steps.into_iter().map(|s| StepDto { at: s.at, command: s.command, state: s.to_state }).collect(),
        handover: handover_dto(view.handover),
    }
}

fn document_dto(d: HandoverDocument) -> HandoverDocumentDto {
    HandoverDocumentDto {
        id: d.id,
        person_id: d.person_id,
        receiving_prison: d.receiving_prison,
        language: d.language,
        transfer_date: d.transfer_date,
        created_at: d.created_at,
    }
}

/// The handovers not yet acknowledged that leave from or arrive at the
/// caller's prison (the acting one, else the first).
#[utoipa::path(
    get,
    path = "/api/v1/handovers",
    operation_id = "list_handovers",
    tag = "care",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The handovers waiting, the oldest first.", body = [HandoverDto]),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn list_handovers(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
) -> Result<Json<Vec<HandoverDto>>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadClinical, "handover.list").await.map_err(&fail)?;
    let site = clinical_site(&actor).ok_or(AppError::Forbidden).map_err(&fail)?;
    let rows = state.app.pending_handovers(&actor, site).await.map_err(&fail)?;
    Ok(Json(rows.into_iter().map(handover_dto).collect()))
}

/// The prison whose handovers a caller lists: the acting one, else the
/// first where the caller reads clinical data.
fn clinical_site(actor: &Actor) -> Option<continuum_domain::ids::SiteId> {
    let sites = actor.sites_where(Action::ReadClinical);
    actor.site.as_ref().map(|s| s.id).filter(|id| sites.contains(id)).or_else(|| sites.first().copied())
}

/// One handover, as the caller's team sees it.
#[utoipa::path(
    get,
    path = "/api/v1/handovers/{id}",
    operation_id = "get_handover",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The handover's id.")),
    responses(
        (status = 200, description = "The handover.", body = HandoverViewDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such handover for the caller's team (or its read window is over).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn get_handover(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<HandoverViewDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadClinical, "handover.read").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    Ok(Json(view_dto(state.app.handover(&actor, id).await.map_err(&fail)?)))
}

/// The receiving team acknowledges a handover: it leaves both worklists.
#[utoipa::path(
    post,
    path = "/api/v1/handovers/{id}/acknowledge",
    operation_id = "acknowledge_handover",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The handover's id.")),
    responses(
        (status = 200, description = "Acknowledged.", body = HandoverViewDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such handover arriving at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already acknowledged (`handover-already-acknowledged`).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn acknowledge_handover(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<HandoverViewDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::WriteClinical, "handover.acknowledge").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    state.app.acknowledge_handover(&actor, id).await.map_err(&fail)?;
    Ok(Json(view_dto(state.app.handover(&actor, id).await.map_err(&fail)?)))
}

/// Transfers the person to a prison outside the programme: the current
/// episode ends (kind `transfer_out`), the care pathway closes
/// (`transferred_out_of_programme`), and a handover document is made in
/// the language given.
#[utoipa::path(
    post,
    path = "/api/v1/people/{id}/transfer-out",
    operation_id = "transfer_person_out",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id.")),
    request_body = TransferOutDto,
    responses(
        (status = 201, description = "Transferred; the handover document.", body = HandoverDocumentDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, or no open episode (`episode`).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn transfer_person_out(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<TransferOutDto>,
) -> Result<(StatusCode, [(header::HeaderName, String); 1], Json<HandoverDocumentDto>), ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::WriteClinical, "person.transfer_out").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let fields = OutTransferFields {
        prison: body.prison.as_deref().unwrap_or_default(),
        language: body.language.as_deref().unwrap_or_default(),
        transfer_date: body.transfer_date.as_deref().unwrap_or_default(),
    };
    let done = state.app.transfer_out_of_programme(&actor, id, &fields).await.map_err(&fail)?;
    let documents = state.app.handover_documents(&actor, id).await.map_err(&fail)?;
    let document = documents.into_iter().find(|d| d.id == done.document_id).ok_or(AppError::NotFound).map_err(&fail)?;
    let location = format!("/api/v1/handover-documents/{}", done.document_id);
    Ok((StatusCode::CREATED, [(header::LOCATION, location)], Json(document_dto(document))))
}

/// A person's handover documents.
#[utoipa::path(
    get,
    path = "/api/v1/people/{id}/handover-documents",
    operation_id = "list_handover_documents",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id.")),
    responses(
        (status = 200, description = "The documents, the newest first.", body = [HandoverDocumentDto]),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn list_handover_documents(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Vec<HandoverDocumentDto>>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadClinical, "handover_document.list").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let documents = state.app.handover_documents(&actor, id).await.map_err(&fail)?;
    Ok(Json(documents.into_iter().map(document_dto).collect()))
}

/// A handover document as PDF.
#[utoipa::path(
    get,
    path = "/api/v1/handover-documents/{id}",
    operation_id = "get_handover_document",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The document's id.")),
    responses(
        (status = 200, description = "The PDF.", content_type = "application/pdf", body = Vec<u8>),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such document of a person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn get_handover_document(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Response, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadClinical, "handover_document.read").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let (row, pdf) = state.app.handover_document(&actor, id).await.map_err(&fail)?;
    Ok(crate::pages::pdf_response(row.id, pdf))
}

pub(super) fn routes(routes: Routes) -> Routes {
    let read = Access::Policy(Action::ReadClinical);
    let write = Access::Policy(Action::WriteClinical);
    routes
        .add("GET", "/api/v1/handovers", read, get(list_handovers))
        .add("GET", "/api/v1/handovers/{id}", read, get(get_handover))
        .add("POST", "/api/v1/handovers/{id}/acknowledge", write, post(acknowledge_handover))
        .add("POST", "/api/v1/people/{id}/transfer-out", write, post(transfer_person_out))
        .add("GET", "/api/v1/people/{id}/handover-documents", read, get(list_handover_documents))
        .add("GET", "/api/v1/handover-documents/{id}", read, get(get_handover_document))
}
