//! The handover at release and at a transfer out of the programme as a
//! FHIR R4 Bundle through the API (issue 6, item 6): what
//! `continuum_app::handover_bundles` gives, as
//! `application/fhir+json` (`crate::fhir::handover`), in the language asked
//! for with `Accept-Language` (the receiver's), else the caller's.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use continuum_app::handover_bundles::HandoverBundleOutcome;
use continuum_domain::policy::Action;
use continuum_domain::validation::Problem as FieldProblem;

use super::referrals::refused;
use super::{ApiPath, failure};
use crate::error::{ApiError, Problem};
use crate::extract::{ApiCaller, actor_lang};
use crate::fhir::{base_url, fhir_json, handover, requested_lang};
use crate::routes::{Access, Routes};
use crate::state::AppState;

/// The handover at release of a person as a FHIR R4 Bundle (`collection`):
/// Patient, EpisodeOfCare, CarePlan, Goal, MedicationStatement,
/// ServiceRequest, Consent, Provenance. Only while the pathway plans the
/// release to an outside service of the directory, and only within the
/// person's sharing consent for it; a refusal is audited.
#[utoipa::path(
    get,
    path = "/api/v1/people/{id}/handover-bundle",
    operation_id = "get_handover_bundle",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id.")),
    responses(
        (status = 200, description = "The Bundle (FHIR R4 JSON).", content_type = "application/fhir+json", body = Object),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The pathway does not plan a release (`handover-release-not-planned`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No outside service in the release plan (`service`), the episode ended (`episode`), or a consent is missing (`consent-missing` on `sections`, the message names each).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn get_handover_bundle(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Response, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadClinical, "handover_bundle.release").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    match state.app.release_handover_bundle(&actor, id).await.map_err(&fail)? {
        HandoverBundleOutcome::Ready(bundle) => {
            let lang = requested_lang(&headers).unwrap_or_else(|| actor_lang(&actor));
            let resource = handover::handover_bundle(&bundle, lang, &base_url(&headers, &state));
            Ok(fhir_json(StatusCode::OK, &resource))
        }
        HandoverBundleOutcome::ConsentMissing { receiver, missing } => {
            let lang = actor_lang(&actor);
            let messages = crate::pages::missing_consent_messages(lang, &missing, &receiver);
            Err(refused(lang, &headers, "sections", FieldProblem::ConsentMissing, &messages))
        }
    }
}

/// The handover at a transfer out of the programme as a FHIR R4 Bundle
/// (`collection`): that of the handover document kept at the transfer, for
/// whoever may read the document. Patient, the receiving prison
/// (Organization), EpisodeOfCare, CarePlan, Goal, MedicationStatement (the
/// OAT current on the day of the transfer), Provenance; no Consent, as the
/// handover stays within prison health care.
#[utoipa::path(
    get,
    path = "/api/v1/handover-documents/{id}/bundle",
    operation_id = "get_transfer_handover_bundle",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The handover document's id.")),
    responses(
        (status = 200, description = "The Bundle (FHIR R4 JSON).", content_type = "application/fhir+json", body = Object),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such document at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A document made at release (`handover-bundle-at-release`): its Bundle is the person's `handover-bundle`.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn get_transfer_handover_bundle(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Response, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadClinical, "handover_bundle.transfer_out").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let bundle = state.app.transfer_handover_bundle(&actor, id).await.map_err(&fail)?;
    let lang = requested_lang(&headers).unwrap_or_else(|| actor_lang(&actor));
    let resource = handover::handover_bundle(&bundle, lang, &base_url(&headers, &state));
    Ok(fhir_json(StatusCode::OK, &resource))
}

pub(super) fn routes(routes: Routes) -> Routes {
    routes
        .add(
            "GET",
            "/api/v1/people/{id}/handover-bundle",
            Access::Policy(Action::ReadClinical),
            get(get_handover_bundle),
        )
        .add(
            "GET",
            "/api/v1/handover-documents/{id}/bundle",
            Access::Policy(Action::ReadClinical),
            get(get_transfer_handover_bundle),
        )
}
