//! A referral as a FHIR R4 `ServiceRequest` (what is asked of the service)
//! and a `Task` (its fulfilment by the service) (issue 6, item 7).
//!
//! Mapping: the urgency is the request's `priority` (the same codes); the
//! service is the `performer` (HealthcareService, and its Organization);
//! the reason is a `reasonCode` text; the sections shared are extensions of
//! our own code system; the appointment is the request's
//! `occurrenceDateTime`, with Belgium's offset. The request is `draft`
//! until sent, `active` while the service works on it, `revoked` once
//! refused, `completed` once attended, not attended or closed. The Task
//! follows the referral's status: `requested`, `accepted`, `rejected` (with
//! the reason), `in-progress` (appointment made), `completed` (attended),
//! `failed` (not attended); closed is `completed` after an attendance and
//! `cancelled` otherwise; the status itself is the Task's `businessStatus`.

use continuum_app::referrals::ReferralRecord;
use continuum_domain::consent::{belgian_instant, belgian_offset_hours};
use continuum_domain::referral::ReferralStatus;
use serde::Serialize;

use super::CANONICAL;
use super::consent::NamedReference;
use super::resources::{CodeableConcept, Coding, Extension, ExtensionValue, Reference};

/// A FHIR R4 ServiceRequest.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceRequest {
    /// Id (the referral's).
    pub id: String,
    /// The sections shared.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    /// `draft`, `active`, `revoked` or `completed`.
    pub status: &'static str,
    /// `order`.
    pub intent: &'static str,
    /// A referral (SNOMED CT).
    pub category: Vec<CodeableConcept>,
    /// `routine`, `urgent` or `asap`.
    pub priority: &'static str,
    /// The kind of service asked for.
    pub code: CodeableConcept,
    /// The person.
    pub subject: Reference,
    /// The appointment, when one is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub occurrence_date_time: Option<String>,
    /// When sent (or written, for a draft).
    pub authored_on: String,
    /// Who wrote it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requester: Option<NamedReference>,
    /// The service and its organisation.
    pub performer: Vec<NamedReference>,
    /// Why.
    pub reason_code: Vec<CodeableConcept>,
}

/// A FHIR R4 Task: the service's handling of a referral.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Task {
    /// Id (the referral's).
    pub id: String,
    /// The Task status.
    pub status: &'static str,
    /// The refusal's reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_reason: Option<CodeableConcept>,
    /// The referral's own status.
    pub business_status: CodeableConcept,
    /// `order`.
    pub intent: &'static str,
    /// `routine`, `urgent` or `asap`.
    pub priority: &'static str,
    /// Fulfil the request.
    pub code: CodeableConcept,
    /// The ServiceRequest.
    pub focus: Reference,
    /// The person.
    #[serde(rename = "for")]
    pub for_: Reference,
    /// When written.
    pub authored_on: String,
    /// When the status last changed.
    pub last_modified: String,
    /// The organisation that fulfils it.
    pub owner: NamedReference,
}

fn coded(system: &str, code: &str, display: Option<String>) -> CodeableConcept {
    CodeableConcept {
        coding: vec![Coding { system: system.to_owned(), code: code.to_owned(), display, ..Coding::default() }],
        text: None,
    }
}

/// A Belgian wall-clock time as a FHIR dateTime with Belgium's offset.
fn with_offset(local: jiff::civil::DateTime) -> String {
    let hours = belgian_instant(local).map_or(1, belgian_offset_hours);
    format!("{}+0{hours}:00", local.strftime("%Y-%m-%dT%H:%M:%S"))
}

/// The ServiceRequest of a referral; `kind` names the service's kind in the
/// reader's language.
pub(crate) fn service_request(record: &ReferralRecord, kind: String) -> ServiceRequest {
    let r = &record.referral;
    let row = &r.row;
    let status = match r.status {
        ReferralStatus::Draft => "draft",
        ReferralStatus::Sent | ReferralStatus::Accepted | ReferralStatus::AppointmentMade => "active",
        ReferralStatus::Refused => "revoked",
        ReferralStatus::Attended | ReferralStatus::NotAttended | ReferralStatus::Closed => "completed",
    };
    ServiceRequest {
        id: row.id.to_string(),
        extension: r
            .sections
            .iter()
            .map(|s| Extension {
                url: format!("{CANONICAL}/StructureDefinition/referral-shared-section"),
                value: ExtensionValue::Code(s.code().to_owned()),
            })
            .collect(),
        status,
        intent: "order",
        category: vec![coded("http://snomed.info/sct", "3457005", Some("Patient referral".to_owned()))],
        priority: r.urgency.code(),
        code: CodeableConcept {
            coding: vec![Coding {
                system: format!("{CANONICAL}/CodeSystem/service-kind"),
                code: row.service_kind.clone(),
                display: Some(kind),
                ..Coding::default()
            }],
            text: Some(row.service.clone()),
        },
        subject: Reference { reference: format!("Patient/{}", row.person_id) },
        occurrence_date_time: r.appointment.map(with_offset),
        authored_on: row.sent_at.clone().unwrap_or_else(|| row.created_at.clone()),
        requester: row.created_by.clone().map(|name| NamedReference { reference: None, display: Some(name) }),
        performer: vec![
            NamedReference {
                reference: Some(format!("HealthcareService/{}", row.service_id)),
                display: Some(row.service.clone()),
            },
            NamedReference {
                reference: Some(format!("Organization/{}", row.organisation_id)),
                display: Some(row.organisation.clone()),
            },
        ],
        reason_code: vec![CodeableConcept { coding: Vec::new(), text: Some(row.reason.clone()) }],
    }
}

/// The Task of a referral; `status_label` names its status in the reader's
/// language.
pub(crate) fn task(record: &ReferralRecord, status_label: String) -> Task {
    let r = &record.referral;
    let row = &r.row;
    let attended = record.events.iter().any(|e| e.step == "attended");
    let status = match r.status {
        ReferralStatus::Draft => "draft",
        ReferralStatus::Sent => "requested",
        ReferralStatus::Accepted => "accepted",
        ReferralStatus::Refused => "rejected",
        ReferralStatus::AppointmentMade => "in-progress",
        ReferralStatus::Attended => "completed",
        ReferralStatus::NotAttended => "failed",
        ReferralStatus::Closed if attended => "completed",
        ReferralStatus::Closed => "cancelled",
    };
    let refusal = record.events.iter().rev().find(|e| e.step == "refuse").map(|e| e.note.clone());
    Task {
        id: row.id.to_string(),
        status,
        status_reason: refusal
            .filter(|_| r.status == ReferralStatus::Refused)
            .map(|text| CodeableConcept { coding: Vec::new(), text: Some(text) }),
        business_status: coded(&format!("{CANONICAL}/CodeSystem/referral-status"), r.status.code(), Some(status_label)),
        intent: "order",
        priority: r.urgency.code(),
        code: coded(
            "http://hl7.org/fhir/CodeSystem/task-code",
            "fulfill",
            Some("Fulfill the focal request".to_owned()),
        ),
        focus: Reference { reference: format!("ServiceRequest/{}", row.id) },
        for_: Reference { reference: format!("Patient/{}", row.person_id) },
        authored_on: row.created_at.clone(),
        last_modified: row.status_since.clone(),
        owner: NamedReference {
            reference: Some(format!("Organization/{}", row.organisation_id)),
            display: Some(row.organisation.clone()),
        },
    }
}
