//! The person as a FHIR R4 `Patient`: `GET /fhir/r4/Patient/{id}`, so the
//! `fullUrl` of the Patient in `$everything` and in the handover Bundles
//! resolves. Read as `$everything` reads it: clinical roles only, through
//! the register's use case (`App::get_person`: another prison's person, or
//! one the caller may not see, is not found; the read is audited).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use continuum_app::AppError;
use continuum_app::people::PersonRecord;
use continuum_domain::policy::Action;

use super::handover::{Patient, person_as_patient};
use super::resources::Resource;
use super::{FhirCaller, FhirError, fhir_json};
use crate::state::AppState;

/// The person with the prison number of their current detention (else of
/// their latest).
pub(super) fn patient(record: &PersonRecord) -> Patient {
    let current = record.episodes.iter().find(|e| Some(e.id) == record.person.current_episode_id);
    let prison_number = current.or(record.episodes.first()).map_or("", |e| e.prison_number.as_str());
    person_as_patient(&record.person, prison_number)
}

pub(super) async fn read_patient(
    State(state): State<AppState>,
    caller: FhirCaller,
    Path(raw): Path<String>,
) -> Result<Response, FhirError> {
    state.app.permit(&caller.actor, Action::ReadClinical, "person.read").await.map_err(caller.fail())?;
    let id: i64 = raw.parse().map_err(|_| caller.fail()(AppError::NotFound))?;
    let record = state.app.get_person(&caller.actor, id).await.map_err(caller.fail())?;
    Ok(fhir_json(StatusCode::OK, &Resource::Patient(patient(&record))))
}
