//! Patient `$everything` (issue 5, item 9): `GET /fhir/r4/Patient/{id}/$everything`
//! answers a `searchset` Bundle with the person first, then every resource
//! about them this server serves: the pathway (EpisodeOfCare), the care
//! plans and their goals, OAT (MedicationRequest, MedicationStatement),
//! contacts (Encounter), screenings and their scores (QuestionnaireResponse,
//! Observation), consents, and referrals (ServiceRequest, Task).
//!
//! Each part is read through the use case its own FHIR read goes through,
//! so the same policy decides and each read is audited as when read on its
//! own. A caller without clinical access anywhere gets 403 before anything
//! is looked up; the person is read first, from the register, so another
//! prison's person (or a reader the register refuses, such as an outside
//! provider) gets 404 or 403 and nothing else is read.
//!
//! `_type` (comma-separated, repeatable) keeps only the resource types
//! named; any other parameter, or a type this operation does not return,
//! is refused with a 400 OperationOutcome naming it.

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use continuum_app::{AppError, Paging};
use continuum_domain::policy::Action;
use continuum_i18n::{Arg, Lang};

use super::patient::patient;
use super::resources::{BundleEntry, Resource};
use super::{FhirCaller, FhirError, care, consent, encounter, entry, fhir_json, plan, referral, response, searchset};
use crate::state::AppState;

/// The resource types the Bundle holds, in the order it lists them.
const TYPES: [&str; 12] = [
    "Patient",
    "EpisodeOfCare",
    "CarePlan",
    "Goal",
    "MedicationRequest",
    "MedicationStatement",
    "Encounter",
    "QuestionnaireResponse",
    "Observation",
    "Consent",
    "ServiceRequest",
    "Task",
];

/// Contacts are read from their use case page by page.
const CONTACTS_PER_PAGE: u32 = 200;

/// The resource types asked for.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Wanted(Vec<&'static str>);

impl Wanted {
    /// From the query: every type without `_type`, else those named.
    pub(super) fn parse(query: Option<&str>, lang: Lang) -> Result<Wanted, FhirError> {
        let unknown = "fhir-everything-parameter-unknown";
        let pairs: Vec<(String, String)> = serde_html_form::from_str(query.unwrap_or_default())
            .map_err(|_| invalid(lang, unknown, query.unwrap_or_default()))?;
        let mut named: Vec<&'static str> = Vec::new();
        let mut filtered = false;
        for (name, value) in &pairs {
            if name != "_type" {
                return Err(invalid(lang, unknown, name));
            }
            filtered = true;
            for kind in value.split(',').map(str::trim) {
                let known = TYPES.iter().find(|t| **t == kind);
                named.push(*known.ok_or_else(|| invalid(lang, "fhir-everything-type-unknown", kind))?);
            }
        }
        if !filtered {
            return Ok(Wanted(TYPES.to_vec()));
        }
        Ok(Wanted(TYPES.into_iter().filter(|t| named.contains(t)).collect()))
    }

    fn any(&self, kinds: &[&str]) -> bool {
        kinds.iter().any(|k| self.0.contains(k))
    }
}

/// A 400 OperationOutcome saying which parameter or value is wrong.
fn invalid(lang: Lang, message_id: &str, value: &str) -> FhirError {
    FhirError {
        status: StatusCode::BAD_REQUEST,
        code: "invalid",
        diagnostics: continuum_i18n::t_args(lang, message_id, &[("value", Arg::from(value))]),
    }
}

/// Everything about one person the caller may read.
pub(super) async fn patient_everything(
    State(state): State<AppState>,
    caller: FhirCaller,
    Path(raw): Path<String>,
    RawQuery(query): RawQuery,
) -> Result<Response, FhirError> {
    let app = &state.app;
    let actor = &caller.actor;
    let (lang, base) = (caller.lang, caller.base.as_str());
    app.permit(actor, Action::ReadClinical, "person.read").await.map_err(caller.fail())?;
    let wanted = Wanted::parse(query.as_deref(), lang)?;
    let id: i64 = raw.parse().map_err(|_| caller.fail()(AppError::NotFound))?;
    let record = app.get_person(actor, id).await.map_err(caller.fail())?;
    let mut entries: Vec<BundleEntry> = Vec::new();
    let mut add = |kind: &str, rid: String, resource: Resource| {
        if wanted.any(&[kind]) {
            entries.push(entry(base, kind, &rid, resource));
        }
    };
    add("Patient", id.to_string(), Resource::Patient(patient(&record)));
    if wanted.any(&["EpisodeOfCare"])
        && let Some(p) = app.person_pathway_record(actor, id).await.map_err(caller.fail())?
    {
        let resource = care::episode_of_care(&p, lang);
        add("EpisodeOfCare", resource.id.clone(), Resource::EpisodeOfCare(resource));
    }
    if wanted.any(&["CarePlan", "Goal"]) {
        let plans = app.person_care_plans(actor, id).await.map_err(caller.fail())?;
        for resource in plans.iter().filter_map(|p| plan::care_plan(p, lang)) {
            add("CarePlan", resource.id.clone(), Resource::CarePlan(resource));
        }
        for resource in plans.iter().flat_map(plan::goals) {
            add("Goal", resource.id.clone(), Resource::Goal(resource));
        }
    }
    if wanted.any(&["MedicationRequest", "MedicationStatement"]) {
        let oat = app.person_oat(actor, id).await.map_err(caller.fail())?;
        let today = app.register_today().to_string();
        for r in &oat.prescriptions {
            let resource = care::medication_request(r, lang, &today);
            add("MedicationRequest", resource.id.clone(), Resource::MedicationRequest(resource));
        }
        for d in &oat.declarations {
            let resource = care::medication_statement(d, lang);
            add("MedicationStatement", resource.id.clone(), Resource::MedicationStatement(resource));
        }
    }
    if wanted.any(&["Encounter"]) {
        for page in 1.. {
            let paging = Paging { page, per_page: CONTACTS_PER_PAGE };
            let listing = app.person_contacts(actor, id, paging).await.map_err(caller.fail())?;
            for c in &listing.items {
                let resource = encounter::encounter(c, lang);
                add("Encounter", resource.id.clone(), Resource::Encounter(resource));
            }
            if listing.items.len() < CONTACTS_PER_PAGE as usize {
                break;
            }
        }
    }
    if wanted.any(&["QuestionnaireResponse", "Observation"]) {
        let screenings = app.person_screening_records(actor, id).await.map_err(caller.fail())?;
        for s in &screenings {
            let resource = response::questionnaire_response(s);
            add("QuestionnaireResponse", resource.id.clone(), Resource::QuestionnaireResponse(resource));
        }
        for resource in screenings.iter().flat_map(|s| response::observations(s, caller.language())) {
            add("Observation", resource.id.clone(), Resource::Observation(resource));
        }
    }
    if wanted.any(&["Consent"]) {
        let consents = app.person_consents(actor, id).await.map_err(caller.fail())?;
        let psychosocial_service = continuum_i18n::t(lang, "consent-recipient-psychosocial_service");
        for c in &consents.consents {
            let resource = consent::consent(c, &psychosocial_service);
            add("Consent", resource.id.clone(), Resource::Consent(resource));
        }
    }
    if wanted.any(&["ServiceRequest", "Task"]) {
        // Each referral as its own read gives it (with its steps, for the Task).
        let mut records = Vec::new();
        for r in app.person_referrals(actor, id).await.map_err(caller.fail())? {
            records.push(app.get_referral(actor, r.row.id).await.map_err(caller.fail())?);
        }
        for record in &records {
            let kind = continuum_i18n::t(lang, &format!("service-kind-{}", record.referral.row.service_kind));
            let resource = referral::service_request(record, kind);
            add("ServiceRequest", resource.id.clone(), Resource::ServiceRequest(resource));
        }
        for record in &records {
            let label = continuum_i18n::t(lang, &format!("referral-status-{}", record.referral.status.code()));
            let resource = referral::task(record, label);
            add("Task", resource.id.clone(), Resource::Task(resource));
        }
    }
    let filter = query.filter(|q| !q.is_empty()).map(|q| format!("?{q}")).unwrap_or_default();
    let self_url = format!("{base}/Patient/{id}/$everything{filter}");
    Ok(fhir_json(StatusCode::OK, &searchset(self_url, entries)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_type_every_resource_type_is_wanted() {
        assert_eq!(Wanted::parse(None, Lang::En).ok(), Some(Wanted(TYPES.to_vec())));
        assert_eq!(Wanted::parse(Some(""), Lang::En).ok(), Some(Wanted(TYPES.to_vec())));
    }

    #[test]
    fn type_keeps_the_types_named_in_the_bundles_order_across_repeats() {
        let wanted = Wanted::parse(Some("_type=Goal,%20Patient&_type=CarePlan"), Lang::En).ok();
        assert_eq!(wanted, Some(Wanted(vec!["Patient", "CarePlan", "Goal"])));
    }

    #[test]
    fn an_unknown_parameter_or_type_is_refused_by_name() {
        let parameter = Wanted::parse(Some("_count=10"), Lang::En).expect_err("refused");
        assert_eq!(parameter.status, StatusCode::BAD_REQUEST);
        assert!(parameter.diagnostics.contains("_count"), "{}", parameter.diagnostics);
        let kind = Wanted::parse(Some("_type=Patient,Practitioner"), Lang::Fr).expect_err("refused");
        assert_eq!(kind.status, StatusCode::BAD_REQUEST);
        assert!(kind.diagnostics.contains("Practitioner"), "{}", kind.diagnostics);
        let empty = Wanted::parse(Some("_type="), Lang::Nl).expect_err("refused");
        assert_eq!(empty.status, StatusCode::BAD_REQUEST);
    }
}
