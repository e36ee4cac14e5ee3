//! A handover, at release or at a transfer out of the programme, as a FHIR
//! R4 `Bundle` of type `collection` (issue 6, item 6): Patient, the
//! receiving prison as an Organization (at a transfer out; at release the
//! receiver is the directory's Organization, read on its own),
//! EpisodeOfCare, CarePlan, Goal, MedicationStatement (each OAT current on
//! the day with its dose and last dose), ServiceRequest (at release, the
//! latest referral to the receiver, if any), Consent (the sharing consents
//! it rests on; none between prisons) and Provenance (who made it, when,
//! for which prison). A `collection`, not a `document`: a document needs a
//! Composition with sections the receiver's systems would read as the
//! handover's text, which the PDF already is.
//!
//! Profiles: none claimed. Only what fits cheaply follows HL7 Belgium core:
//! the person's gender is the R4 AdministrativeGender the profile binds;
//! the prison number, which no Belgian naming system holds, has one of
//! ours (`{CANONICAL}/NamingSystem/prison-number`).
//!
//! Every entry's `fullUrl` is the resource's address on this server's FHIR
//! base; references between entries are relative (`Patient/12`), which a
//! Bundle resolves against those `fullUrl`s.

use continuum_app::handover_bundles::{HandoverBundle, Receiver};
use continuum_app::oat::Prescription;
use continuum_app::people::Person;
use continuum_i18n::Lang;
use serde::Serialize;

use super::consent::NamedReference;
use super::directory::{Organization, coded};
use super::resources::{Annotation, MedicationStatement, Period, Reference, Resource};
use super::{CANONICAL, care, consent, plan, referral};

/// The person.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Patient {
    /// Logical id (the person's id).
    pub id: String,
    /// The prison number.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub identifier: Vec<Identifier>,
    /// The name.
    pub name: Vec<HumanName>,
    /// AdministrativeGender.
    pub gender: String,
    /// The day of birth.
    pub birth_date: String,
}

/// An identifier in a naming system.
#[derive(Debug, Clone, Serialize)]
pub struct Identifier {
    /// The naming system.
    pub system: String,
    /// The value.
    pub value: String,
}

/// A person's name.
#[derive(Debug, Clone, Serialize)]
pub struct HumanName {
    /// Family name.
    pub family: String,
    /// Given names.
    pub given: Vec<String>,
}

/// Who took part in making the handover, for whom.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProvenanceAgent {
    /// The user, by name.
    pub who: NamedReference,
    /// The prison, by name.
    pub on_behalf_of: NamedReference,
}

/// Who made the handover, when, from which prison.
#[derive(Debug, Clone, Serialize)]
pub struct Provenance {
    /// Logical id.
    pub id: String,
    /// Every other resource of the Bundle.
    pub target: Vec<Reference>,
    /// When.
    pub recorded: String,
    /// Who, for which prison.
    pub agent: Vec<ProvenanceAgent>,
}

/// One resource of a collection.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CollectionEntry {
    /// The resource's absolute URL.
    pub full_url: String,
    /// The resource.
    pub resource: Resource,
}

/// A set of resources handed over together.
#[derive(Debug, Clone, Serialize)]
pub struct Collection {
    /// Identifies this Bundle.
    pub identifier: Identifier,
    /// `collection`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// When it was made.
    pub timestamp: String,
    /// The resources.
    pub entry: Vec<CollectionEntry>,
}

fn patient(b: &HandoverBundle) -> Patient {
    person_as_patient(&b.person, &b.prison_number)
}

/// A person of the register as a Patient, with the prison number of their
/// current detention (shared with `$everything`).
pub(super) fn person_as_patient(p: &Person, prison_number: &str) -> Patient {
    Patient {
        id: p.id.to_string(),
        identifier: (!prison_number.trim().is_empty())
            .then(|| Identifier {
                system: format!("{CANONICAL}/NamingSystem/prison-number"),
                value: prison_number.trim().to_owned(),
            })
            .into_iter()
            .collect(),
        name: vec![HumanName {
            family: p.family_name.clone(),
            given: p.given_names.split_whitespace().map(str::to_owned).collect(),
        }],
        gender: continuum_domain::person::Sex::parse(&p.sex).map_or("unknown", |s| s.code()).to_owned(),
        birth_date: p.birth_date.clone(),
    }
}

/// A current prescription handed over, with its last dose in prison.
fn medication_statement(r: &Prescription, last_dose: &str, lang: Lang) -> MedicationStatement {
    MedicationStatement {
        id: r.id.to_string(),
        status: "active",
        medication_codeable_concept: care::medicine(&r.medicine, lang),
        subject: care::patient(r.person_id),
        effective_date_time: last_dose.to_owned(),
        date_asserted: r.recorded_at.clone(),
        information_source: None,
        dosage: vec![care::daily(
            r.daily_dose_ug,
            lang,
            Some(r.observed),
            Some(Period { start: r.start_date.clone(), end: r.stop_date.clone() }),
        )],
        note: vec![Annotation {
            text: format!("{}: {last_dose} · {}", continuum_i18n::t(lang, "fhir-handover-last-dose"), r.prescriber),
        }],
    }
}

/// The prison receiving a transfer out of the programme, as the handover
/// document names it: a government organisation with no id of its own
/// here, so it takes the document's.
fn receiving_prison(receiver: &Receiver) -> Option<Organization> {
    let Receiver::Prison(document, name) = receiver else {
        return None;
    };
    Some(Organization {
        id: format!("receiving-prison-{document}"),
        active: true,
        kind: vec![coded("http://terminology.hl7.org/CodeSystem/organization-type", "govt", None)],
        name: name.clone(),
    })
}

/// The resource's type and id, for its address.
fn address(resource: &Resource) -> Option<(&'static str, String)> {
    Some(match resource {
        Resource::Patient(r) => ("Patient", r.id.clone()),
        Resource::Organization(r) => ("Organization", r.id.clone()),
        Resource::EpisodeOfCare(r) => ("EpisodeOfCare", r.id.clone()),
        Resource::CarePlan(r) => ("CarePlan", r.id.clone()),
        Resource::Goal(r) => ("Goal", r.id.clone()),
        Resource::MedicationStatement(r) => ("MedicationStatement", r.id.clone()),
        Resource::ServiceRequest(r) => ("ServiceRequest", r.id.clone()),
        Resource::Consent(r) => ("Consent", r.id.clone()),
        Resource::Provenance(r) => ("Provenance", r.id.clone()),
        _ => return None,
    })
}

/// The handover as a collection Bundle, its texts in `lang`, its entries
/// addressed on `base`.
pub(crate) fn handover_bundle(b: &HandoverBundle, lang: Lang, base: &str) -> Resource {
    let mut resources = vec![Resource::Patient(patient(b))];
    resources.extend(receiving_prison(&b.receiver).map(Resource::Organization));
    if let Some(pathway) = &b.pathway {
        resources.push(Resource::EpisodeOfCare(care::episode_of_care(pathway, lang)));
    }
    if let Some(care_plan) = &b.care_plan {
        resources.extend(plan::care_plan(care_plan, lang).map(Resource::CarePlan));
        resources.extend(plan::goals(care_plan).into_iter().map(Resource::Goal));
    }
    for (prescription, last_dose) in &b.medications {
        resources.push(Resource::MedicationStatement(medication_statement(prescription, last_dose, lang)));
    }
    if let Some(record) = &b.referral {
        let kind = continuum_i18n::t(lang, &format!("service-kind-{}", record.referral.row.service_kind));
        resources.push(Resource::ServiceRequest(referral::service_request(record, kind)));
    }
    let psychosocial_service = continuum_i18n::t(lang, "consent-recipient-psychosocial_service");
    for record in &b.consents {
        resources.push(Resource::Consent(consent::consent(record, &psychosocial_service)));
    }
    let id = format!("handover-{}-{}", b.person.id, b.made_at.chars().filter(char::is_ascii_digit).collect::<String>());
    let target = resources
        .iter()
        .filter_map(address)
        .map(|(kind, id)| Reference { reference: format!("{kind}/{id}") })
        .collect();
    let (code, name) = &b.from_prison;
    resources.push(Resource::Provenance(Provenance {
        id: id.clone(),
        target,
        recorded: b.made_at.clone(),
        agent: vec![ProvenanceAgent {
            who: NamedReference { reference: None, display: Some(b.made_by.clone()) },
            on_behalf_of: NamedReference { reference: None, display: Some(format!("{code} · {name}")) },
        }],
    }));
    let entry = resources
        .into_iter()
        .filter_map(|resource| {
            let (kind, rid) = address(&resource)?;
            Some(CollectionEntry { full_url: format!("{base}/{kind}/{rid}"), resource })
        })
        .collect();
    Resource::Collection(Collection {
        identifier: Identifier { system: format!("{CANONICAL}/NamingSystem/handover-bundle"), value: id },
        kind: "collection",
        timestamp: b.made_at.clone(),
        entry,
    })
}
