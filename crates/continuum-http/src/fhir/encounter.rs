//! Contacts as FHIR R4 `Encounter`s (issue 5, item 9), read through the
//! same use cases as the pages and the API (`contact`, `person_contacts`):
//! clinical roles of the person's prison; another prison's contact is 404.
//!
//! A group session yields one Encounter per participant, not one with
//! several: Continuum keeps a contact per participant (with that person's
//! attendance and note), an Encounter has a single subject, and a reader of
//! one person's Encounters must not learn who else took part. The session
//! is named by an identifier of ours on each participant's Encounter.
//!
//! Mapping: attended is `finished`, did not attend `cancelled`; the class
//! is ambulatory (v3 ActCode `AMB`); the kind a code of our own code
//! system; the staff a participant by name; the day the period; the
//! minutes the length; the pathway the `episodeOfCare`. The contact's note
//! stays out (R4's Encounter has no element for it).

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use continuum_app::care::contacts::Contact;
use continuum_app::{AppError, Paging};
use continuum_domain::care::contact::ContactKind;
use continuum_domain::policy::Action;
use continuum_i18n::Lang;
use serde::Serialize;

use super::consent::NamedReference;
use super::handover::Identifier;
use super::resources::{CodeableConcept, Coding, Quantity, Reference, Resource};
use super::{CANONICAL, FhirCaller, FhirError, care, entry, fhir_json, searchset};
use crate::state::AppState;

/// HL7 v3 ActCode.
const ACT_CODE: &str = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

/// Who of the staff took part.
#[derive(Debug, Clone, Serialize)]
pub struct EncounterParticipant {
    /// By name.
    pub individual: NamedReference,
}

/// The day of a contact.
#[derive(Debug, Clone, Serialize)]
pub struct Day {
    /// The day.
    pub start: String,
}

/// A contact.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Encounter {
    /// Logical id (the contact's id).
    pub id: String,
    /// The group session it was part of.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<Identifier>,
    /// `finished` or `cancelled`.
    pub status: &'static str,
    /// Ambulatory.
    pub class: Coding,
    /// The kind of contact.
    #[serde(rename = "type")]
    pub kind: Vec<CodeableConcept>,
    /// The person.
    pub subject: Reference,
    /// The pathway.
    pub episode_of_care: Vec<Reference>,
    /// The staff.
    pub participant: Vec<EncounterParticipant>,
    /// The day.
    pub period: Day,
    /// How long.
    pub length: Quantity,
}

/// A contact as an Encounter.
pub(super) fn encounter(c: &Contact, lang: Lang) -> Encounter {
    let label =
        ContactKind::from_code(&c.kind).map_or_else(|| c.kind.clone(), |k| continuum_i18n::t(lang, k.message_id()));
    Encounter {
        id: c.id.to_string(),
        identifier: c
            .group_session_id
            .map(|session| Identifier {
                system: format!("{CANONICAL}/NamingSystem/group-session"),
                value: session.to_string(),
            })
            .into_iter()
            .collect(),
        status: if c.attendance == "attended" { "finished" } else { "cancelled" },
        class: Coding {
            system: ACT_CODE.to_owned(),
            code: "AMB".to_owned(),
            display: Some("ambulatory".to_owned()),
            ..Coding::default()
        },
        kind: vec![CodeableConcept {
            coding: vec![Coding {
                system: format!("{CANONICAL}/CodeSystem/contact-kind"),
                code: c.kind.clone(),
                display: Some(label.clone()),
                ..Coding::default()
            }],
            text: Some(label),
        }],
        subject: care::patient(c.person_id),
        episode_of_care: vec![Reference { reference: format!("EpisodeOfCare/{}", c.pathway_id) }],
        participant: vec![EncounterParticipant {
            individual: NamedReference { reference: None, display: Some(c.staff.clone()) },
        }],
        period: Day { start: c.held_on.clone() },
        length: Quantity {
            value: c.duration_minutes as f64,
            unit: "min",
            system: "http://unitsofmeasure.org",
            code: "min",
        },
    }
}

pub(super) async fn read_encounter(
    State(state): State<AppState>,
    caller: FhirCaller,
    Path(raw): Path<String>,
) -> Result<Response, FhirError> {
    state.app.permit(&caller.actor, Action::ReadClinical, "contact.read").await.map_err(caller.fail())?;
    let id: i64 = raw.parse().map_err(|_| caller.fail()(AppError::NotFound))?;
    let record = state.app.contact(&caller.actor, id).await.map_err(caller.fail())?;
    Ok(fhir_json(StatusCode::OK, &Resource::Encounter(encounter(&record.contact, caller.lang))))
}

/// Every contact of a person (page by page from the use case).
pub(super) async fn search_encounters(
    State(state): State<AppState>,
    caller: FhirCaller,
    RawQuery(query): RawQuery,
) -> Result<Response, FhirError> {
    state.app.permit(&caller.actor, Action::ReadClinical, "contact.list").await.map_err(caller.fail())?;
    let person = care::person(query.as_deref(), caller.lang)?;
    let mut entries = Vec::new();
    for page in 1.. {
        let paging = Paging { page, per_page: 200 };
        let listing = state.app.person_contacts(&caller.actor, person, paging).await.map_err(caller.fail())?;
        let last = listing.items.len() < 200;
        entries.extend(listing.items.iter().map(|c| {
            let resource = encounter(c, caller.lang);
            let id = resource.id.clone();
            entry(&caller.base, "Encounter", &id, Resource::Encounter(resource))
        }));
        if last {
            break;
        }
    }
    let self_url = format!("{}/Encounter?patient=Patient/{person}", caller.base);
    Ok(fhir_json(StatusCode::OK, &searchset(self_url, entries)))
}
