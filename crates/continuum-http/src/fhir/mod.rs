//! Read-only FHIR R4 at `/fhir/r4/`: each instrument version as a
//! `Questionnaire`, each screening as a `QuestionnaireResponse`, and its
//! scores as `Observation`s; each consent as a `Consent` ([`consent`]);
//! the directory's organisations and services as `Organization`s and
//! `HealthcareService`s ([`directory`]); each referral as a
//! `ServiceRequest` and a `Task` ([`referral`]); all of a person's as
//! `Patient/{id}/$everything` (`everything`), the person as `Patient/{id}`
//! (`patient`);
//! JSON only (`application/fhir+json`).
//!
//! Conventions:
//!
//! - **Authentication** as the JSON API: `Authorization: Bearer <token>`,
//!   or the browser session. `metadata` (the CapabilityStatement) is public.
//! - **Access** through the same use cases as the API, so the same policy
//!   and audit trail: Questionnaires are reference data; responses and
//!   Observations are clinical (care workers and the medical service of the
//!   person's prison). A caller without clinical access anywhere gets 403
//!   before anything is looked up; a screening of another prison is 404, as
//!   an unknown id.
//! - **Errors** are `OperationOutcome`s with the HTTP status (401, 403,
//!   404, 400 for a search the server cannot run, 500), their diagnostics
//!   in the caller's language.
//! - **Language** of the texts: the one asked for with `Accept-Language`
//!   when the programme works in it, else the caller's. A response keeps
//!   the language it was administered in.
//! - **Searches** of responses and Observations need the person:
//!   `?subject=Patient/{id}`. Answers are a `searchset` Bundle.
//!
//! The wire types ([`resources`]) are written here (ECOSYSTEM.md: no FHIR
//! crate is both maintained and R4); the tests check what they produce
//! against the official R4 JSON schema.

use axum::extract::{FromRequestParts, Path, RawQuery, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use continuum_app::{Actor, AppError};
use continuum_domain::policy::Action;
use continuum_domain::site::Language;
use continuum_i18n::Lang;

use crate::error::{classify, log_internal, message};
use crate::extract::{actor_lang, api_actor, visitor_lang};
use crate::routes::{Access, Routes};
use crate::state::AppState;

// Consent and the directory of care providers (issue 6, item 7).
pub mod consent;
pub mod directory;
// OAT and the care pathway (issue 5, item 9).
mod care;
// The care plan (issue 5, item 9).
mod plan;
// The handover at release as a Bundle (issue 6, item 6).
pub(crate) mod handover;
// Contacts (issue 5, item 9).
mod encounter;
// Patient $everything (issue 5, item 9).
mod everything;
mod patient;
mod questionnaire;
// Referrals (issue 6, item 7).
pub mod referral;
pub mod resources;
mod response;

use resources::{
    Bundle, BundleEntry, BundleLink, BundleSearch, CapabilityStatement, Implementation, Interaction, Issue, Operation,
    OperationOutcome, Resource, Rest, RestResource, RestSecurity, SearchParam, Software,
};

/// The base of Continuum's canonical URLs (Questionnaires, code systems,
/// extensions). An identifier, not an address.
pub(crate) const CANONICAL: &str = "https://continuum.invalid/fhir";

/// The LOINC code system.
pub(crate) const LOINC: &str = "http://loinc.org";

/// The media type of FHIR JSON.
pub const FHIR_JSON: &str = "application/fhir+json";

/// A FHIR error: an OperationOutcome with its status.
pub struct FhirError {
    status: StatusCode,
    code: &'static str,
    diagnostics: String,
}

impl FhirError {
    /// A use-case error, in the caller's language.
    fn new(error: AppError, lang: Lang) -> FhirError {
        let request_id = crate::observability::current_request_id();
        log_internal(&error, &request_id);
        let (status, _, key) = classify(&error);
        let code = match status {
            StatusCode::UNAUTHORIZED => "login",
            StatusCode::FORBIDDEN => "forbidden",
            StatusCode::NOT_FOUND => "not-found",
            StatusCode::CONFLICT => "conflict",
            StatusCode::UNPROCESSABLE_ENTITY => "invalid",
            StatusCode::TOO_MANY_REQUESTS => "throttled",
            _ => "exception",
        };
        FhirError { status, code, diagnostics: message(lang, &error, key, &request_id) }
    }

    /// A search the server cannot run (400), saying why.
    fn search(lang: Lang, message_id: &str) -> FhirError {
        FhirError { status: StatusCode::BAD_REQUEST, code: "invalid", diagnostics: continuum_i18n::t(lang, message_id) }
    }
}

impl IntoResponse for FhirError {
    fn into_response(self) -> Response {
        let outcome = OperationOutcome {
            issue: vec![Issue { severity: "error", code: self.code, diagnostics: self.diagnostics }],
        };
        let mut response = fhir_json(self.status, &Resource::OperationOutcome(outcome));
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// What an unknown path under `/fhir/` answers: a resource type or an
/// interaction this server does not offer.
pub(crate) fn unknown_path(lang: Lang) -> Response {
    FhirError::new(AppError::NotFound, lang).into_response()
}

/// A resource as FHIR JSON.
///
/// A FHIR string matches `[ \r\n\t\S]+` under the regular expressions of
/// JSON Schema (ECMA-262), where no-break and other Unicode spaces are not
/// `\S`: the French texts' no-break spaces become plain spaces.
pub(crate) fn fhir_json(status: StatusCode, resource: &Resource) -> Response {
    let plain_spaces = |text: String| -> String {
        text.chars()
            .map(|c| if (c.is_whitespace() && !matches!(c, '\t' | '\r' | '\n')) || c == '\u{feff}' { ' ' } else { c })
            .collect()
    };
    match serde_json::to_string(resource).map(plain_spaces) {
        Ok(body) => (status, [(header::CONTENT_TYPE, FHIR_JSON)], body).into_response(),
        Err(error) => {
            tracing::error!(%error, "FHIR resource not serialisable");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The caller of a FHIR request, the language of the texts, and the base
/// URL resources are found at.
pub struct FhirCaller {
    actor: Actor,
    lang: Lang,
    base: String,
}

impl FhirCaller {
    /// The language of the texts.
    fn language(&self) -> Language {
        Language::parse(self.lang.code()).unwrap_or(Language::En)
    }

    /// Turns use-case errors into OperationOutcomes in the caller's language.
    fn fail(&self) -> impl Fn(AppError) -> FhirError + '_ {
        move |error| FhirError::new(error, self.lang)
    }
}

/// The language asked for with `Accept-Language`, if the programme works in it.
pub(crate) fn requested_lang(headers: &HeaderMap) -> Option<Lang> {
    headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Lang::negotiate)
}

/// The absolute base URL of this FHIR server, from the `Host` the client
/// used (a host of unexpected characters is not echoed).
pub(crate) fn base_url(headers: &HeaderMap, state: &AppState) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .filter(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c)))
        .unwrap_or("localhost");
    let scheme = if state.settings.secure_cookies { "https" } else { "http" };
    format!("{scheme}://{host}/fhir/r4")
}

impl FromRequestParts<AppState> for FhirCaller {
    type Rejection = FhirError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let requested = requested_lang(&parts.headers);
        match api_actor(parts, state).await {
            Ok(actor) => {
                let lang = requested.unwrap_or_else(|| actor_lang(&actor));
                Ok(FhirCaller { actor, lang, base: base_url(&parts.headers, state) })
            }
            Err(error) => Err(FhirError::new(error, requested.unwrap_or_else(|| visitor_lang(&parts.headers)))),
        }
    }
}

/// A search result.
fn searchset(self_url: String, entry: Vec<BundleEntry>) -> Resource {
    Resource::Bundle(Bundle {
        kind: "searchset",
        total: u32::try_from(entry.len()).unwrap_or(u32::MAX),
        link: vec![BundleLink { relation: "self", url: self_url }],
        entry,
    })
}

fn entry(base: &str, kind: &str, id: &str, resource: Resource) -> BundleEntry {
    BundleEntry { full_url: format!("{base}/{kind}/{id}"), resource, search: BundleSearch { mode: "match" } }
}

/// The person a search is about: `subject=Patient/{id}` (or the bare id).
fn subject(query: Option<&str>, lang: Lang) -> Result<i64, FhirError> {
    let pairs: Vec<(String, String)> = serde_html_form::from_str(query.unwrap_or_default()).unwrap_or_default();
    let Some((_, value)) = pairs.iter().find(|(name, _)| name == "subject") else {
        return Err(FhirError::search(lang, "fhir-subject-required"));
    };
    let value = value.trim();
    value
        .strip_prefix("Patient/")
        .unwrap_or(value)
        .parse::<i64>()
        .map_err(|_| FhirError::search(lang, "fhir-subject-invalid"))
}

/// What this server does (public, no data).
async fn metadata(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let read_and_search = || vec![Interaction { code: "read" }, Interaction { code: "search-type" }];
    let by_subject = || {
        vec![SearchParam { name: "subject", kind: "reference", documentation: "The person: Patient/{id}. Required." }]
    };
    let by_patient = || {
        vec![SearchParam { name: "patient", kind: "reference", documentation: "The person: Patient/{id}. Required." }]
    };
    let statement = CapabilityStatement {
        status: "active",
        date: "2026-11-24",
        publisher: "Continuum",
        kind: "instance",
        software: Software { name: "Continuum", version: env!("CARGO_PKG_VERSION") },
        implementation: Implementation {
            description: "Continuum: screening instruments as Questionnaires, screenings as QuestionnaireResponses \
                          and their scores as Observations, consents as Consents, the directory of care \
                          providers as Organizations and HealthcareServices, referrals as ServiceRequests and \
                          Tasks, OAT as MedicationRequests and MedicationStatements, the care pathway as \
                          EpisodesOfCare, care plans as CarePlans and Goals, contacts as Encounters, and all of a \
                          person's as Patient/{id}/$everything (read only).",
            url: base_url(&headers, &state),
        },
        fhir_version: "4.0.1",
        format: vec!["json"],
        rest: vec![Rest {
            mode: "server",
            security: RestSecurity {
                description: "Authorization: Bearer <token> (continuum token create) or the browser session. \
                              Responses and Observations: care workers and the medical service of the person's \
                              prison only; every read is audited.",
            },
            resource: vec![
                RestResource {
                    kind: "Questionnaire",
                    interaction: read_and_search(),
                    search_param: Vec::new(),
                    operation: Vec::new(),
                },
                RestResource {
                    kind: "QuestionnaireResponse",
                    interaction: read_and_search(),
                    search_param: by_subject(),
                    operation: Vec::new(),
                },
                RestResource {
                    kind: "Observation",
                    interaction: read_and_search(),
                    search_param: by_subject(),
                    operation: Vec::new(),
                },
                // Consent and the directory of care providers (issue 6, item 7).
                RestResource {
                    kind: "Consent",
                    interaction: vec![Interaction { code: "read" }],
                    search_param: Vec::new(),
                    operation: Vec::new(),
                },
                RestResource {
                    kind: "Organization",
                    interaction: vec![Interaction { code: "read" }],
                    search_param: Vec::new(),
                    operation: Vec::new(),
                },
                RestResource {
                    kind: "HealthcareService",
                    interaction: vec![Interaction { code: "read" }],
                    search_param: Vec::new(),
                    operation: Vec::new(),
                },
                // OAT and the care pathway (issue 5, item 9).
                RestResource {
                    kind: "MedicationRequest",
                    interaction: read_and_search(),
                    search_param: by_subject(),
                    operation: Vec::new(),
                },
                RestResource {
                    kind: "MedicationStatement",
                    interaction: read_and_search(),
                    search_param: by_subject(),
                    operation: Vec::new(),
                },
                RestResource {
                    kind: "EpisodeOfCare",
                    interaction: read_and_search(),
                    search_param: vec![SearchParam {
                        name: "patient",
                        kind: "reference",
                        documentation: "The person: Patient/{id}. Required.",
                    }],
                    operation: Vec::new(),
                },
                // Referrals (issue 6, item 7).
                RestResource {
                    kind: "ServiceRequest",
                    interaction: vec![Interaction { code: "read" }],
                    search_param: Vec::new(),
                    operation: Vec::new(),
                },
                RestResource {
                    kind: "Task",
                    interaction: vec![Interaction { code: "read" }],
                    search_param: Vec::new(),
                    operation: Vec::new(),
                },
                // The care plan (issue 5, item 9).
                RestResource {
                    kind: "CarePlan",
                    interaction: read_and_search(),
                    search_param: by_patient(),
                    operation: Vec::new(),
                },
                RestResource {
                    kind: "Goal",
                    interaction: read_and_search(),
                    search_param: by_patient(),
                    operation: Vec::new(),
                },
                // Contacts (issue 5, item 9).
                RestResource {
                    kind: "Encounter",
                    interaction: read_and_search(),
                    search_param: by_patient(),
                    operation: Vec::new(),
                },
                // The person, and Patient $everything (issue 5, item 9).
                RestResource {
                    kind: "Patient",
                    interaction: vec![Interaction { code: "read" }],
                    search_param: Vec::new(),
                    operation: vec![Operation {
                        name: "everything",
                        definition: "http://hl7.org/fhir/OperationDefinition/Patient-everything",
                    }],
                },
            ],
        }],
    };
    fhir_json(StatusCode::OK, &Resource::CapabilityStatement(statement))
}

/// Every instrument version.
async fn search_questionnaires(State(state): State<AppState>, caller: FhirCaller) -> Result<Response, FhirError> {
    let definitions = state.app.instrument_definitions(&caller.actor).await.map_err(caller.fail())?;
    let entries = definitions
        .into_iter()
        .map(|instrument| {
            let q = questionnaire::questionnaire(instrument, caller.language());
            let id = q.id.clone();
            entry(&caller.base, "Questionnaire", &id, Resource::Questionnaire(q))
        })
        .collect();
    Ok(fhir_json(StatusCode::OK, &searchset(format!("{}/Questionnaire", caller.base), entries)))
}

/// One instrument version (`assist-3.1`).
async fn read_questionnaire(
    State(state): State<AppState>,
    caller: FhirCaller,
    Path(id): Path<String>,
) -> Result<Response, FhirError> {
    let definitions = state.app.instrument_definitions(&caller.actor).await.map_err(caller.fail())?;
    let instrument = definitions
        .into_iter()
        .find(|i| questionnaire::questionnaire_id(i) == id)
        .ok_or_else(|| caller.fail()(AppError::NotFound))?;
    let q = questionnaire::questionnaire(instrument, caller.language());
    Ok(fhir_json(StatusCode::OK, &Resource::Questionnaire(q)))
}

/// One screening.
async fn read_questionnaire_response(
    State(state): State<AppState>,
    caller: FhirCaller,
    Path(id): Path<String>,
) -> Result<Response, FhirError> {
    state.app.permit(&caller.actor, Action::ReadClinical, "screening.read").await.map_err(caller.fail())?;
    let id: i64 = id.parse().map_err(|_| caller.fail()(AppError::NotFound))?;
    let record = state.app.screening_record(&caller.actor, id).await.map_err(caller.fail())?;
    Ok(fhir_json(StatusCode::OK, &Resource::QuestionnaireResponse(response::questionnaire_response(&record))))
}

/// A person's screenings.
async fn search_questionnaire_responses(
    State(state): State<AppState>,
    caller: FhirCaller,
    RawQuery(query): RawQuery,
) -> Result<Response, FhirError> {
    state.app.permit(&caller.actor, Action::ReadClinical, "screening.read").await.map_err(caller.fail())?;
    let person = subject(query.as_deref(), caller.lang)?;
    let records = state.app.person_screening_records(&caller.actor, person).await.map_err(caller.fail())?;
    let entries = records
        .iter()
        .map(|record| {
            let qr = response::questionnaire_response(record);
            let id = qr.id.clone();
            entry(&caller.base, "QuestionnaireResponse", &id, Resource::QuestionnaireResponse(qr))
        })
        .collect();
    let self_url = format!("{}/QuestionnaireResponse?subject=Patient/{person}", caller.base);
    Ok(fhir_json(StatusCode::OK, &searchset(self_url, entries)))
}

/// One score of a completed screening (`12-alcohol`, `12-total`).
async fn read_observation(
    State(state): State<AppState>,
    caller: FhirCaller,
    Path(id): Path<String>,
) -> Result<Response, FhirError> {
    state.app.permit(&caller.actor, Action::ReadClinical, "screening.read").await.map_err(caller.fail())?;
    let (screening, _) = response::parse_observation_id(&id).ok_or_else(|| caller.fail()(AppError::NotFound))?;
    let record = state.app.screening_record(&caller.actor, screening).await.map_err(caller.fail())?;
    let observation = response::observations(&record, caller.language())
        .into_iter()
        .find(|o| o.id == id)
        .ok_or_else(|| caller.fail()(AppError::NotFound))?;
    Ok(fhir_json(StatusCode::OK, &Resource::Observation(observation)))
}

/// The scores of a person's completed screenings.
async fn search_observations(
    State(state): State<AppState>,
    caller: FhirCaller,
    RawQuery(query): RawQuery,
) -> Result<Response, FhirError> {
    state.app.permit(&caller.actor, Action::ReadClinical, "screening.read").await.map_err(caller.fail())?;
    let person = subject(query.as_deref(), caller.lang)?;
    let records = state.app.person_screening_records(&caller.actor, person).await.map_err(caller.fail())?;
    let entries = records
        .iter()
        .flat_map(|record| response::observations(record, caller.language()))
        .map(|o| {
            let id = o.id.clone();
            entry(&caller.base, "Observation", &id, Resource::Observation(o))
        })
        .collect();
    let self_url = format!("{}/Observation?subject=Patient/{person}", caller.base);
    Ok(fhir_json(StatusCode::OK, &searchset(self_url, entries)))
}

/// One consent of a person (care team of the person's prison).
async fn read_consent(
    State(state): State<AppState>,
    caller: FhirCaller,
    Path(id): Path<String>,
) -> Result<Response, FhirError> {
    state.app.permit(&caller.actor, Action::ReadClinical, "consent.read").await.map_err(caller.fail())?;
    let id: i64 = id.parse().map_err(|_| caller.fail()(AppError::NotFound))?;
    let record = state.app.get_consent(&caller.actor, id).await.map_err(caller.fail())?;
    let psychosocial_service = continuum_i18n::t(caller.lang, "consent-recipient-psychosocial_service");
    Ok(fhir_json(StatusCode::OK, &Resource::Consent(consent::consent(&record, &psychosocial_service))))
}

/// One organisation (reference data).
async fn read_organization(
    State(state): State<AppState>,
    caller: FhirCaller,
    Path(id): Path<String>,
) -> Result<Response, FhirError> {
    let id: i64 = id.parse().map_err(|_| caller.fail()(AppError::NotFound))?;
    let (organisation, _) = state.app.get_organisation(&caller.actor, id).await.map_err(caller.fail())?;
    let kind = continuum_i18n::t(caller.lang, &format!("org-kind-{}", organisation.kind));
    Ok(fhir_json(StatusCode::OK, &Resource::Organization(directory::organization(&organisation, kind))))
}

/// One service of the directory (reference data).
async fn read_healthcare_service(
    State(state): State<AppState>,
    caller: FhirCaller,
    Path(id): Path<String>,
) -> Result<Response, FhirError> {
    let id: i64 = id.parse().map_err(|_| caller.fail()(AppError::NotFound))?;
    let (service, _) = state.app.get_care_service(&caller.actor, id).await.map_err(caller.fail())?;
    let kind = continuum_i18n::t(caller.lang, &format!("service-kind-{}", service.kind));
    Ok(fhir_json(StatusCode::OK, &Resource::HealthcareService(directory::healthcare_service(&service, kind))))
}

/// One referral as a ServiceRequest (the care team of the person's prison;
/// the outside provider of its organisation within the person's consent).
async fn read_service_request(
    State(state): State<AppState>,
    caller: FhirCaller,
    Path(id): Path<String>,
) -> Result<Response, FhirError> {
    state.app.permit(&caller.actor, Action::ReadClinical, "referral.read").await.map_err(caller.fail())?;
    let id: i64 = id.parse().map_err(|_| caller.fail()(AppError::NotFound))?;
    let record = state.app.get_referral(&caller.actor, id).await.map_err(caller.fail())?;
    let kind = continuum_i18n::t(caller.lang, &format!("service-kind-{}", record.referral.row.service_kind));
    Ok(fhir_json(StatusCode::OK, &Resource::ServiceRequest(referral::service_request(&record, kind))))
}

/// One referral's handling by its service as a Task (as the ServiceRequest).
async fn read_task(
    State(state): State<AppState>,
    caller: FhirCaller,
    Path(id): Path<String>,
) -> Result<Response, FhirError> {
    state.app.permit(&caller.actor, Action::ReadClinical, "referral.read").await.map_err(caller.fail())?;
    let id: i64 = id.parse().map_err(|_| caller.fail()(AppError::NotFound))?;
    let record = state.app.get_referral(&caller.actor, id).await.map_err(caller.fail())?;
    let label = continuum_i18n::t(caller.lang, &format!("referral-status-{}", record.referral.status.code()));
    Ok(fhir_json(StatusCode::OK, &Resource::Task(referral::task(&record, label))))
}

pub(crate) fn routes(routes: Routes) -> Routes {
    let reference = Access::Policy(Action::ViewReferenceData);
    let clinical = Access::Policy(Action::ReadClinical);
    routes
        .add("GET", "/fhir/r4/metadata", Access::Public, get(metadata))
        .add("GET", "/fhir/r4/Questionnaire", reference, get(search_questionnaires))
        .add("GET", "/fhir/r4/Questionnaire/{id}", reference, get(read_questionnaire))
        .add("GET", "/fhir/r4/QuestionnaireResponse", clinical, get(search_questionnaire_responses))
        .add("GET", "/fhir/r4/QuestionnaireResponse/{id}", clinical, get(read_questionnaire_response))
        .add("GET", "/fhir/r4/Observation", clinical, get(search_observations))
        .add("GET", "/fhir/r4/Observation/{id}", clinical, get(read_observation))
        // Consent (issue 6, item 7).
        .add("GET", "/fhir/r4/Consent/{id}", clinical, get(read_consent))
        // The directory of care providers (issue 6, item 7).
        .add("GET", "/fhir/r4/Organization/{id}", reference, get(read_organization))
        .add("GET", "/fhir/r4/HealthcareService/{id}", reference, get(read_healthcare_service))
        // OAT and the care pathway (issue 5, item 9).
        .add("GET", "/fhir/r4/MedicationRequest", clinical, get(care::search_medication_requests))
        .add("GET", "/fhir/r4/MedicationRequest/{id}", clinical, get(care::read_medication_request))
        .add("GET", "/fhir/r4/MedicationStatement", clinical, get(care::search_medication_statements))
        .add("GET", "/fhir/r4/MedicationStatement/{id}", clinical, get(care::read_medication_statement))
        .add("GET", "/fhir/r4/EpisodeOfCare", clinical, get(care::search_episodes_of_care))
        .add("GET", "/fhir/r4/EpisodeOfCare/{id}", clinical, get(care::read_episode_of_care))
        // Referrals (issue 6, item 7).
        .add("GET", "/fhir/r4/ServiceRequest/{id}", clinical, get(read_service_request))
        .add("GET", "/fhir/r4/Task/{id}", clinical, get(read_task))
        // The care plan (issue 5, item 9).
        .add("GET", "/fhir/r4/CarePlan", clinical, get(plan::search_care_plans))
        .add("GET", "/fhir/r4/CarePlan/{id}", clinical, get(plan::read_care_plan))
        .add("GET", "/fhir/r4/Goal", clinical, get(plan::search_goals))
        .add("GET", "/fhir/r4/Goal/{id}", clinical, get(plan::read_goal))
        // Contacts (issue 5, item 9).
        .add("GET", "/fhir/r4/Encounter", clinical, get(encounter::search_encounters))
        .add("GET", "/fhir/r4/Encounter/{id}", clinical, get(encounter::read_encounter))
        // Patient $everything (issue 5, item 9).
        .add("GET", "/fhir/r4/Patient/{id}", clinical, get(patient::read_patient))
        .add("GET", "/fhir/r4/Patient/{id}/$everything", clinical, get(everything::patient_everything))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn searches_name_the_person_as_patient_or_bare_id_and_say_what_is_wrong() {
        assert_eq!(subject(Some("subject=Patient/12"), Lang::En).ok(), Some(12));
        assert_eq!(subject(Some("_format=json&subject=12"), Lang::En).ok(), Some(12));
        let missing = subject(Some("patient=12"), Lang::En).expect_err("refused");
        assert_eq!(
            (missing.status, missing.diagnostics.as_str()),
            (StatusCode::BAD_REQUEST, "Name the person as subject=Patient/ID.")
        );
        let other = subject(Some("subject=Group/4"), Lang::Fr).expect_err("refused");
        assert!(other.diagnostics.contains("Patient/ID"), "{}", other.diagnostics);
    }
}
