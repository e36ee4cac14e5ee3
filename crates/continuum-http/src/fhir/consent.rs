//! A consent as a FHIR R4 `Consent` (issue 6, item 7).
//!
//! Mapping: the kind is the `scope` (sharing: `patient-privacy`; research:
//! `research`; the others: `treatment`) and a category of our own code
//! system beside LOINC 59284-0 (patient consent); granted or refused is the
//! provision's `permit` or `deny` (with the policy rule OPTIN or OPTOUT);
//! the period is the provision's; a withdrawn or expired consent is
//! `inactive`. A sharing consent names its recipient as the provision's
//! actor (role IRCP, information recipient), its purpose as an HL7 v3
//! ActReason and each section covered as a code of our own code system.
//! The language of the explanation is an extension.

use continuum_app::consents::ConsentRecord;
use continuum_domain::consent::{ConsentDecision, ConsentKind, Recipient, Standing};
use serde::Serialize;

use super::CANONICAL;
use super::resources::{CodeableConcept, Coding, Extension, ExtensionValue};

/// A reference to another resource, or only its name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NamedReference {
    /// Relative reference, when the resource is served.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// Its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
}

/// A period of days.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Period {
    /// First day.
    pub start: String,
    /// Last day, if it ends.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

/// A FHIR attachment (the signed form: where it is, what it is).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Attachment {
    /// `application/pdf`.
    pub content_type: &'static str,
    /// Its file name.
    pub title: String,
}

/// Who a provision concerns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProvisionActor {
    /// The role (IRCP).
    pub role: CodeableConcept,
    /// Who.
    pub reference: NamedReference,
}

/// The rule of a consent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Provision {
    /// `permit` or `deny`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// When it counts.
    pub period: Period,
    /// Who may read.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actor: Vec<ProvisionActor>,
    /// What for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub purpose: Vec<Coding>,
    /// The sections covered.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub code: Vec<CodeableConcept>,
}

/// A FHIR R4 Consent.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Consent {
    /// Id.
    pub id: String,
    /// The language of the explanation.
    pub extension: Vec<Extension>,
    /// `active` or `inactive`.
    pub status: &'static str,
    /// The kind of consent.
    pub scope: CodeableConcept,
    /// LOINC patient consent, and our kind.
    pub category: Vec<CodeableConcept>,
    /// The person.
    pub patient: NamedReference,
    /// The day given.
    pub date_time: String,
    /// Who gave it: the person.
    pub performer: Vec<NamedReference>,
    /// The signed form, if uploaded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_attachment: Option<Attachment>,
    /// OPTIN or OPTOUT.
    pub policy_rule: CodeableConcept,
    /// The rule.
    pub provision: Provision,
}

fn coded(system: &str, code: &str) -> CodeableConcept {
    CodeableConcept {
        coding: vec![Coding { system: system.to_owned(), code: code.to_owned(), ..Coding::default() }],
        text: None,
    }
}

/// The FHIR Consent of a recorded consent; `psychosocial_service` names the
/// psychosocial service in the reader's language.
pub(crate) fn consent(record: &ConsentRecord, psychosocial_service: &str) -> Consent {
    let row = &record.row;
    let kind = record.consent.terms.kind();
    let scope = match kind {
        ConsentKind::Sharing => "patient-privacy",
        ConsentKind::Research => "research",
        ConsentKind::Screening | ConsentKind::Treatment | ConsentKind::ContactAfterRelease => "treatment",
    };
    let granted = record.consent.decision == ConsentDecision::Granted;
    let sharing = record.consent.terms.sharing();
    let patient = NamedReference { reference: Some(format!("Patient/{}", row.person_id)), display: None };
    Consent {
        id: row.id.to_string(),
        extension: vec![Extension {
            url: format!("{CANONICAL}/StructureDefinition/consent-explanation-language"),
            value: ExtensionValue::Code(row.explanation_language.clone()),
        }],
        status: if record.standing == Standing::Withdrawn || record.standing == Standing::Expired {
            "inactive"
        } else {
            "active"
        },
        scope: coded("http://terminology.hl7.org/CodeSystem/consentscope", scope),
        category: vec![
            CodeableConcept {
                coding: vec![Coding {
                    system: super::LOINC.to_owned(),
                    code: "59284-0".to_owned(),
                    display: Some("Patient Consent".to_owned()),
                    ..Coding::default()
                }],
                text: None,
            },
            coded(&format!("{CANONICAL}/CodeSystem/consent-kind"), kind.code()),
        ],
        date_time: row.given_on.clone(),
        performer: vec![patient.clone()],
        patient,
        source_attachment: row
            .form_file_name
            .clone()
            .map(|title| Attachment { content_type: "application/pdf", title }),
        policy_rule: coded(
            "http://terminology.hl7.org/CodeSystem/v3-ActCode",
            if granted { "OPTIN" } else { "OPTOUT" },
        ),
        provision: Provision {
            kind: if granted { "permit" } else { "deny" },
            period: Period { start: row.valid_from.clone(), end: row.valid_until.clone() },
            actor: sharing
                .map(|s| {
                    let reference = match s.recipient {
                        Recipient::PsychosocialService => {
                            NamedReference { reference: None, display: Some(psychosocial_service.to_owned()) }
                        }
                        Recipient::Organisation(id) => NamedReference {
                            reference: Some(format!("Organization/{id}")),
                            display: row.recipient_organisation.clone(),
                        },
                    };
                    vec![ProvisionActor {
                        role: coded("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP"),
                        reference,
                    }]
                })
                .unwrap_or_default(),
            purpose: sharing
                .map(|s| {
                    vec![Coding {
                        system: "http://terminology.hl7.org/CodeSystem/v3-ActReason".to_owned(),
                        code: s.purpose.act_reason().to_owned(),
                        ..Coding::default()
                    }]
                })
                .unwrap_or_default(),
            code: sharing
                .map(|s| {
                    s.sections
                        .iter()
                        .map(|x| coded(&format!("{CANONICAL}/CodeSystem/consent-section"), x.code()))
                        .collect()
                })
                .unwrap_or_default(),
        },
    }
}
