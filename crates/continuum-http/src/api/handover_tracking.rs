//! Handover sending and receipt through the API (issue 6, item 6): the
//! sender records the sending, the receiver (an outside provider, within
//! the person's consent) or the sender confirms the receipt, and each
//! lists the handovers awaiting receipt.

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::routing::{get, post};
use continuum_app::handover_tracking::AwaitingReceipt;
use continuum_app::handovers::HandoverDocument;
use continuum_domain::handover::sending::SendingFields;
use continuum_domain::policy::Action;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ApiJson, ApiPath, failure};
use crate::error::{ApiError, Problem};
use crate::extract::ApiCaller;
use crate::routes::{Access, Routes};
use crate::state::AppState;

/// A handover document's sending and receipt.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct HandoverTrackingDto {
    /// The document's id (`GET /api/v1/handover-documents/{id}` gives the PDF).
    pub id: i64,
    /// The person.
    pub person_id: i64,
    /// The receiver named in the document.
    pub receiving_prison: String,
    /// When it was sent (UTC).
    pub sent_at: Option<String>,
    /// By whom (username).
    pub sent_by: Option<String>,
    /// To whom.
    pub sent_to: Option<String>,
    /// How: `handed_over`, `portal`, `post` or `secure_mail`.
    pub channel: Option<String>,
    /// When its receipt was confirmed (UTC).
    pub received_at: Option<String>,
    /// By whom (username).
    pub received_by: Option<String>,
    /// Confirmed by the `receiver` in the portal, or recorded by the `sender`.
    pub receipt_by: Option<String>,
    /// Whole days since it was sent, while awaiting receipt.
    pub days_since_sent: Option<i64>,
}

/// A sending to record.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct SendingDto {
    /// To whom: the outside organisation or the receiving prison.
    #[schema(required = true, value_type = String, example = "Drughulp Limburg")]
    pub sent_to: Option<String>,
    /// How: `handed_over`, `portal` (only to an organisation of the directory), `post` or `secure_mail`.
    #[schema(required = true, value_type = String, example = "secure_mail")]
    pub channel: Option<String>,
}

fn dto(d: HandoverDocument, days_since_sent: Option<i64>) -> HandoverTrackingDto {
    HandoverTrackingDto {
        id: d.id,
        person_id: d.person_id,
        receiving_prison: d.receiving_prison,
        days_since_sent: days_since_sent.filter(|_| d.received_at.is_none()),
        sent_at: d.sent_at,
        sent_by: d.sent_by,
        sent_to: d.sent_to,
        channel: d.sent_channel,
        received_at: d.received_at,
        received_by: d.received_by,
        receipt_by: d.receipt_by,
    }
}

/// The handover documents sent and not yet confirmed as received, the
/// longest waiting first: for the care team those sent from its prison
/// (the acting one, else the first); for an outside provider those sent to
/// its organisation, within the persons' consents.
#[utoipa::path(
    get,
    path = "/api/v1/handover-documents/awaiting-receipt",
    operation_id = "list_handovers_awaiting_receipt",
    tag = "care",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The documents awaiting receipt.", body = [HandoverTrackingDto]),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn list_awaiting_receipt(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
) -> Result<Json<Vec<HandoverTrackingDto>>, ApiError> {
    let fail = failure(&actor, &headers);
    let event = "handover_document.awaiting_receipt";
    state.app.permit(&actor, Action::ReadClinical, event).await.map_err(&fail)?;
    let sites = actor.sites_where(Action::ReadClinical);
    let site = actor.site.as_ref().map(|s| s.id).filter(|id| sites.contains(id)).or_else(|| sites.first().copied());
    let rows = state.app.handovers_awaiting_receipt(&actor, site).await.map_err(&fail)?;
    Ok(Json(rows.into_iter().map(|a: AwaitingReceipt| dto(a.document, Some(a.days_since_sent))).collect()))
}

/// Records when (now), to whom and how a handover document was sent; once.
#[utoipa::path(
    post,
    path = "/api/v1/handover-documents/{id}/sending",
    operation_id = "record_handover_sending",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The document's id.")),
    request_body = SendingDto,
    responses(
        (status = 200, description = "Recorded.", body = HandoverTrackingDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such document of a person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already sent (`handover-already-sent`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (`sent_to`, `channel`).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn record_sending(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<SendingDto>,
) -> Result<Json<HandoverTrackingDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::WriteClinical, "handover_document.send").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let fields = SendingFields {
        sent_to: body.sent_to.as_deref().unwrap_or_default(),
        channel: body.channel.as_deref().unwrap_or_default(),
    };
    let document = state.app.record_handover_sending(&actor, id, &fields).await.map_err(&fail)?;
    Ok(Json(dto(document, Some(0))))
}

/// Confirms that a sent handover document arrived: by its receiver (an
/// outside provider), or recorded by the sender.
#[utoipa::path(
    post,
    path = "/api/v1/handover-documents/{id}/receipt",
    operation_id = "confirm_handover_receipt",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The document's id.")),
    responses(
        (status = 200, description = "Confirmed.", body = HandoverTrackingDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such document for the caller (or its consent no longer holds).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not sent (`handover-not-sent`) or already confirmed (`handover-already-received`).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn confirm_receipt(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<HandoverTrackingDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::UpdateReferral, "handover_document.receipt").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let document = state.app.confirm_handover_receipt(&actor, id).await.map_err(&fail)?;
    Ok(Json(dto(document, None)))
}

pub(super) fn routes(routes: Routes) -> Routes {
    routes
        .add(
            "GET",
            "/api/v1/handover-documents/awaiting-receipt",
            Access::Policy(Action::ReadClinical),
            get(list_awaiting_receipt),
        )
        .add(
            "POST",
            "/api/v1/handover-documents/{id}/sending",
            Access::Policy(Action::WriteClinical),
            post(record_sending),
        )
        .add(
            "POST",
            "/api/v1/handover-documents/{id}/receipt",
            Access::Policy(Action::UpdateReferral),
            post(confirm_receipt),
        )
}
