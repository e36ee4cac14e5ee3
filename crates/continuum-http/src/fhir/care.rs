//! OAT and the care pathway as FHIR R4 (issue 5, item 9): a prison
//! prescription as a `MedicationRequest`, OAT declared at entry as a
//! `MedicationStatement`, the pathway as an `EpisodeOfCare`. Read through
//! the same use cases as the pages and the API (`person_oat`,
//! `prescription_record`, `declaration_record`, `person_pathway_record`),
//! so the same policy and audit: clinical roles of the person's prison
//! (the sending team of a transfer, for what its prison wrote).
//!
//! The pathway's status: waiting stages (signalled, screening offered,
//! intake proposed) are `planned`; from the intake on `active`; declined
//! `onhold`; closed `finished`. Its stage is a code of Continuum's own code
//! system (`{CANONICAL}/CodeSystem/pathway-state`).

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use continuum_app::AppError;
use continuum_app::oat::{Declaration, PathwayRecord, Prescription};
use continuum_domain::oat::{Dose, OatMedicine};
use continuum_domain::policy::Action;
use continuum_i18n::Lang;

use super::resources::{
    Annotation, CodeableConcept, Coding, Dosage, DoseAndRate, EpisodeOfCare, MedicationRequest, MedicationStatement,
    NamedReference, Period, Quantity, Reference, Resource, StatusHistory, Timing, TimingRepeat,
};
use super::{CANONICAL, FhirCaller, FhirError, entry, fhir_json, searchset};
use crate::state::AppState;

/// The WHO ATC code system.
const ATC: &str = "http://www.whocc.no/atc";
/// UCUM.
const UCUM: &str = "http://unitsofmeasure.org";

pub(super) fn medicine(code: &str, lang: Lang) -> CodeableConcept {
    let label = continuum_i18n::t(lang, &format!("oat-medicine-{code}"));
    CodeableConcept {
        coding: OatMedicine::from_code(code)
            .and_then(OatMedicine::atc)
            .map(|atc| Coding {
                system: ATC.to_owned(),
                code: atc.to_owned(),
                display: Some(label.clone()),
                ..Coding::default()
            })
            .into_iter()
            .collect(),
        text: Some(label),
    }
}

pub(super) fn daily(micrograms: i64, lang: Lang, observed: Option<bool>, bounds: Option<Period>) -> Dosage {
    let dose = Dose::from_micrograms(micrograms);
    let observed_text = observed.filter(|o| *o).map(|_| continuum_i18n::t(lang, "oat-observed-label"));
    Dosage {
        text: format!("{dose} mg / 24 h"),
        additional_instruction: observed_text
            .map(|text| CodeableConcept { coding: Vec::new(), text: Some(text) })
            .into_iter()
            .collect(),
        timing: bounds.map(|bounds_period| Timing {
            repeat: TimingRepeat { bounds_period, frequency: 1, period: 1, period_unit: "d" },
        }),
        dose_and_rate: vec![DoseAndRate {
            dose_quantity: Quantity { value: dose.milligrams(), unit: "mg", system: UCUM, code: "mg" },
        }],
    }
}

pub(super) fn patient(id: i64) -> Reference {
    Reference { reference: format!("Patient/{id}") }
}

/// A prescription as a MedicationRequest.
pub(super) fn medication_request(r: &Prescription, lang: Lang, today: &str) -> MedicationRequest {
    let running = r.stop_date.as_deref().is_none_or(|stop| stop >= today);
    let note = [r.note.clone(), r.stop_reason.clone()].into_iter().flatten().map(|text| Annotation { text }).collect();
    MedicationRequest {
        id: r.id.to_string(),
        status: if running { "active" } else { "completed" },
        intent: "order",
        medication_codeable_concept: medicine(&r.medicine, lang),
        subject: patient(r.person_id),
        authored_on: r.recorded_at.clone(),
        requester: NamedReference { display: r.prescriber.clone() },
        dosage_instruction: vec![daily(
            r.daily_dose_ug,
            lang,
            Some(r.observed),
            Some(Period { start: r.start_date.clone(), end: r.stop_date.clone() }),
        )],
        note,
    }
}

/// A declaration at entry as a MedicationStatement.
pub(super) fn medication_statement(d: &Declaration, lang: Lang) -> MedicationStatement {
    let row = &d.row;
    let mut note: Vec<Annotation> = row
        .prescriber
        .iter()
        .map(|p| Annotation { text: format!("{}: {p}", continuum_i18n::t(lang, "oat-prescriber-outside")) })
        .collect();
    if let Some(continued) = row.continued {
        let answer = continuum_i18n::t(lang, if continued == 1 { "oat-continued-yes" } else { "oat-continued-no" });
        let reason = row
            .interruption_reason
            .as_ref()
            .map(|r| format!(" ({})", continuum_i18n::t(lang, &format!("oat-interruption-{r}"))))
            .unwrap_or_default();
        note.push(Annotation { text: format!("{}: {answer}{reason}", continuum_i18n::t(lang, "oat-continued")) });
    }
    MedicationStatement {
        id: row.id.to_string(),
        status: "active",
        medication_codeable_concept: medicine(&row.medicine, lang),
        subject: patient(row.person_id),
        effective_date_time: row.last_dose_date.clone(),
        date_asserted: row.declared_at.clone(),
        information_source: Some(patient(row.person_id)),
        dosage: vec![daily(row.daily_dose_ug, lang, None, None)],
        note,
    }
}

/// The FHIR status of a state of the transition log.
fn episode_status(state: &str) -> &'static str {
    match state.split_once(':').map_or(state, |(kind, _)| kind) {
        "signalled" | "screening_offered" | "intake_proposed" => "planned",
        "declined" => "onhold",
        "closed" => "finished",
        _ => "active",
    }
}

/// A pathway as an EpisodeOfCare.
pub(super) fn episode_of_care(p: &PathwayRecord, lang: Lang) -> EpisodeOfCare {
    let mut history: Vec<StatusHistory> = Vec::new();
    for step in &p.steps {
        let status = episode_status(&step.to_state);
        if history.last().is_some_and(|h| h.status == status) {
            continue;
        }
        if let Some(last) = history.last_mut() {
            last.period.end = Some(step.at.clone());
        }
        history.push(StatusHistory { status, period: Period { start: step.at.clone(), end: None } });
    }
    let current = history.pop();
    let state = p.steps.last().map(|s| s.to_state.clone()).unwrap_or_default();
    let stage = state.split_once(':').map_or(state.as_str(), |(kind, _)| kind).to_owned();
    let status = current.as_ref().map_or("planned", |c| c.status);
    EpisodeOfCare {
        id: p.id.to_string(),
        status,
        status_history: history,
        kind: vec![CodeableConcept {
            coding: vec![Coding {
                system: format!("{CANONICAL}/CodeSystem/pathway-state"),
                code: stage.clone(),
                display: Some(continuum_i18n::t(lang, &format!("pathway-state-{stage}"))),
                ..Coding::default()
            }],
            text: Some(continuum_i18n::t(lang, "oat-pathway-type")),
        }],
        patient: patient(p.person_id),
        period: Period {
            start: p.opened_at.clone(),
            end: (status == "finished").then(|| p.steps.last().map(|s| s.at.clone()).unwrap_or_default()),
        },
    }
}

/// The person a search is about: `patient=Patient/{id}` or
/// `subject=Patient/{id}` (or the bare id).
pub(super) fn person(query: Option<&str>, lang: Lang) -> Result<i64, FhirError> {
    let pairs: Vec<(String, String)> = serde_html_form::from_str(query.unwrap_or_default()).unwrap_or_default();
    let Some((_, value)) = pairs.iter().find(|(name, _)| name == "patient" || name == "subject") else {
        return Err(FhirError::search(lang, "fhir-subject-required"));
    };
    let value = value.trim();
    value
        .strip_prefix("Patient/")
        .unwrap_or(value)
        .parse::<i64>()
        .map_err(|_| FhirError::search(lang, "fhir-subject-invalid"))
}

fn id_of(raw: &str, caller: &FhirCaller) -> Result<i64, FhirError> {
    raw.parse().map_err(|_| caller.fail()(AppError::NotFound))
}

pub(super) async fn search_medication_requests(
    State(state): State<AppState>,
    caller: FhirCaller,
    RawQuery(query): RawQuery,
) -> Result<Response, FhirError> {
    state.app.permit(&caller.actor, Action::ReadClinical, "oat.read").await.map_err(caller.fail())?;
    let id = person(query.as_deref(), caller.lang)?;
    let record = state.app.person_oat(&caller.actor, id).await.map_err(caller.fail())?;
    let today = state.app.register_today().to_string();
    let entries = record
        .prescriptions
        .iter()
        .map(|r| {
            let resource = medication_request(r, caller.lang, &today);
            let rid = resource.id.clone();
            entry(&caller.base, "MedicationRequest", &rid, Resource::MedicationRequest(resource))
        })
        .collect();
    let self_url = format!("{}/MedicationRequest?subject=Patient/{id}", caller.base);
    Ok(fhir_json(StatusCode::OK, &searchset(self_url, entries)))
}

pub(super) async fn read_medication_request(
    State(state): State<AppState>,
    caller: FhirCaller,
    Path(raw): Path<String>,
) -> Result<Response, FhirError> {
    state.app.permit(&caller.actor, Action::ReadClinical, "oat.read").await.map_err(caller.fail())?;
    let id = id_of(&raw, &caller)?;
    let row = state.app.prescription_record(&caller.actor, id).await.map_err(caller.fail())?;
    let today = state.app.register_today().to_string();
    Ok(fhir_json(StatusCode::OK, &Resource::MedicationRequest(medication_request(&row, caller.lang, &today))))
}

pub(super) async fn search_medication_statements(
    State(state): State<AppState>,
    caller: FhirCaller,
    RawQuery(query): RawQuery,
) -> Result<Response, FhirError> {
    state.app.permit(&caller.actor, Action::ReadClinical, "oat.read").await.map_err(caller.fail())?;
    let id = person(query.as_deref(), caller.lang)?;
    let record = state.app.person_oat(&caller.actor, id).await.map_err(caller.fail())?;
    let entries = record
        .declarations
        .iter()
        .map(|d| {
            let resource = medication_statement(d, caller.lang);
            let rid = resource.id.clone();
            entry(&caller.base, "MedicationStatement", &rid, Resource::MedicationStatement(resource))
        })
        .collect();
    let self_url = format!("{}/MedicationStatement?subject=Patient/{id}", caller.base);
    Ok(fhir_json(StatusCode::OK, &searchset(self_url, entries)))
}

pub(super) async fn read_medication_statement(
    State(state): State<AppState>,
    caller: FhirCaller,
    Path(raw): Path<String>,
) -> Result<Response, FhirError> {
    state.app.permit(&caller.actor, Action::ReadClinical, "oat.read").await.map_err(caller.fail())?;
    let id = id_of(&raw, &caller)?;
    let declaration = state.app.declaration_record(&caller.actor, id).await.map_err(caller.fail())?;
    Ok(fhir_json(StatusCode::OK, &Resource::MedicationStatement(medication_statement(&declaration, caller.lang))))
}

pub(super) async fn search_episodes_of_care(
    State(state): State<AppState>,
    caller: FhirCaller,
    RawQuery(query): RawQuery,
) -> Result<Response, FhirError> {
    state.app.permit(&caller.actor, Action::ReadClinical, "pathway.read").await.map_err(caller.fail())?;
    let id = person(query.as_deref(), caller.lang)?;
    let record = state.app.person_pathway_record(&caller.actor, id).await.map_err(caller.fail())?;
    let entries = record
        .iter()
        .map(|p| {
            let resource = episode_of_care(p, caller.lang);
            let rid = resource.id.clone();
            entry(&caller.base, "EpisodeOfCare", &rid, Resource::EpisodeOfCare(resource))
        })
        .collect();
    let self_url = format!("{}/EpisodeOfCare?patient=Patient/{id}", caller.base);
    Ok(fhir_json(StatusCode::OK, &searchset(self_url, entries)))
}

pub(super) async fn read_episode_of_care(
    State(state): State<AppState>,
    caller: FhirCaller,
    Path(raw): Path<String>,
) -> Result<Response, FhirError> {
    state.app.permit(&caller.actor, Action::ReadClinical, "pathway.read").await.map_err(caller.fail())?;
    let id = id_of(&raw, &caller)?;
    let record = state.app.pathway_record(&caller.actor, id).await.map_err(caller.fail())?;
    Ok(fhir_json(StatusCode::OK, &Resource::EpisodeOfCare(episode_of_care(&record, caller.lang))))
}
