//! The directory of care providers as FHIR R4 (issue 6, item 7): each
//! organisation as an `Organization`, each of its services as a
//! `HealthcareService`.
//!
//! Mapping: an organisation's kind is its `type` (a prison is `govt`, drug
//! services and care providers are `prov`, others `other`, with the
//! programme's own code beside). A service is `providedBy` its
//! organisation; its kind is a `category` of our own code system; the
//! prisons it covers are its `coverageArea` (named: prisons are not served
//! as Locations); its languages are `communication` (BCP 47); phone,
//! e-mail and web site are `telecom`; each opening is an `availableTime`;
//! the note on the hours is `availabilityExceptions` and the postal address
//! `extraDetails` (a service has no address of its own in R4).

use continuum_app::directory::CareService;
use continuum_app::reference::Organisation;
use continuum_domain::directory::{OpeningHours, WEEKDAYS};
use serde::Serialize;

use super::CANONICAL;
use super::consent::NamedReference;
use super::resources::{CodeableConcept, Coding};

/// A FHIR R4 Organization.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Organization {
    /// Id.
    pub id: String,
    /// Whether in use.
    pub active: bool,
    /// The kind.
    #[serde(rename = "type")]
    pub kind: Vec<CodeableConcept>,
    /// Name.
    pub name: String,
}

/// A way to reach a service.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContactPoint {
    /// `phone`, `email` or `url`.
    pub system: &'static str,
    /// The number or address.
    pub value: String,
    /// `work`.
    #[serde(rename = "use")]
    pub purpose: &'static str,
}

/// One opening of a service.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AvailableTime {
    /// The days (`mon` ...).
    pub days_of_week: Vec<&'static str>,
    /// Opens (`09:00:00`).
    pub available_start_time: String,
    /// Closes.
    pub available_end_time: String,
}

/// A FHIR R4 HealthcareService.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HealthcareService {
    /// Id.
    pub id: String,
    /// Whether in use.
    pub active: bool,
    /// The organisation.
    pub provided_by: NamedReference,
    /// The kind of service.
    pub category: Vec<CodeableConcept>,
    /// Name.
    pub name: String,
    /// Postal address, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extra_details: Option<String>,
    /// Phone, e-mail, web site.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub telecom: Vec<ContactPoint>,
    /// The prisons covered.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub coverage_area: Vec<NamedReference>,
    /// Languages.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub communication: Vec<CodeableConcept>,
    /// Openings.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub available_time: Vec<AvailableTime>,
    /// A note on the hours.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub availability_exceptions: Option<String>,
}

pub(super) fn coded(system: &str, code: &str, display: Option<String>) -> CodeableConcept {
    CodeableConcept {
        coding: vec![Coding { system: system.to_owned(), code: code.to_owned(), display, ..Coding::default() }],
        text: None,
    }
}

/// The FHIR Organization of an organisation; `kind` is its kind in words.
pub(crate) fn organization(organisation: &Organisation, kind: String) -> Organization {
    let hl7 = match organisation.kind.as_str() {
        "prison" => "govt",
        "drug_service" | "care_provider" => "prov",
        _ => "other",
    };
    let mut types = coded("http://terminology.hl7.org/CodeSystem/organization-type", hl7, None);
    types.coding.push(Coding {
        system: format!("{CANONICAL}/CodeSystem/organisation-kind"),
        code: organisation.kind.clone(),
        display: Some(kind),
        ..Coding::default()
    });
    Organization {
        id: organisation.id.to_string(),
        active: organisation.active,
        kind: vec![types],
        name: organisation.name.clone(),
    }
}

fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// The FHIR HealthcareService of a service; `kind` is its kind in words.
pub(crate) fn healthcare_service(service: &CareService, kind: String) -> HealthcareService {
    let telecom = [("phone", &service.phone), ("email", &service.email), ("url", &service.website)]
        .into_iter()
        .filter(|(_, value)| !value.trim().is_empty())
        .map(|(system, value)| ContactPoint { system, value: value.trim().to_owned(), purpose: "work" })
        .collect();
    let hours = OpeningHours::from_stored(&service.opening_hours).unwrap_or_default();
    let available_time = WEEKDAYS
        .iter()
        .enumerate()
        .flat_map(|(i, day)| {
            hours.day(i).iter().map(move |range| AvailableTime {
                days_of_week: vec![*day],
                available_start_time: range.opens.strftime("%H:%M:%S").to_string(),
                available_end_time: range.closes.strftime("%H:%M:%S").to_string(),
            })
        })
        .collect();
    HealthcareService {
        id: service.id.to_string(),
        active: service.active,
        provided_by: NamedReference {
            reference: Some(format!("Organization/{}", service.organisation_id)),
            display: Some(service.organisation.clone()),
        },
        category: vec![coded(&format!("{CANONICAL}/CodeSystem/service-kind"), &service.kind, Some(kind))],
        name: service.name.clone(),
        extra_details: non_empty(&service.address),
        telecom,
        coverage_area: service
            .sites
            .iter()
            .map(|code| NamedReference { reference: None, display: Some(code.clone()) })
            .collect(),
        communication: service
            .languages
            .split(',')
            .filter(|c| !c.trim().is_empty())
            .map(|c| coded("urn:ietf:bcp:47", c.trim(), None))
            .collect(),
        available_time,
        availability_exceptions: non_empty(&service.hours_note),
    }
}
