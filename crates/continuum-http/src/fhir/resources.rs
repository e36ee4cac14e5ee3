//! FHIR R4 (4.0.1) resources as typed wire structures: only the resources
//! and elements Continuum serves, serialised to FHIR JSON. No crate is both
//! maintained and exactly R4 (ECOSYSTEM.md), so these are our own; the
//! tests check what they produce against the official R4 JSON schema.
//!
//! Conventions of FHIR JSON kept here: element names in camelCase, empty
//! lists and absent values left out (FHIR forbids empty arrays and nulls),
//! `resourceType` first, choice elements (`value[x]`) written with their
//! type in the name.

use serde::Serialize;

/// Any resource this server returns.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "resourceType")]
pub enum Resource {
    /// A CapabilityStatement.
    CapabilityStatement(CapabilityStatement),
    /// A Questionnaire.
    Questionnaire(Questionnaire),
    /// A QuestionnaireResponse.
    QuestionnaireResponse(QuestionnaireResponse),
    /// An Observation.
    Observation(Observation),
    /// A Bundle.
    Bundle(Bundle),
    /// An OperationOutcome.
    OperationOutcome(OperationOutcome),
    // Consent and the directory of care providers (issue 6, item 7).
    /// A Consent.
    Consent(super::consent::Consent),
    /// An Organization.
    Organization(super::directory::Organization),
    /// A HealthcareService.
    HealthcareService(super::directory::HealthcareService),
    // OAT and transfers (issue 5, items 4 and 5).
    /// A MedicationRequest (a prison prescription of OAT).
    MedicationRequest(MedicationRequest),
    /// A MedicationStatement (OAT declared at entry).
    MedicationStatement(MedicationStatement),
    /// An EpisodeOfCare (the care pathway).
    EpisodeOfCare(EpisodeOfCare),
    // Referrals (issue 6, item 7).
    /// A ServiceRequest.
    ServiceRequest(super::referral::ServiceRequest),
    /// A Task.
    Task(super::referral::Task),
    // The care plan (issue 5, item 9).
    /// A CarePlan.
    CarePlan(super::plan::CarePlan),
    /// A Goal.
    Goal(super::plan::Goal),
    // The handover at release (issue 6, item 6).
    /// A Patient.
    Patient(super::handover::Patient),
    /// A Provenance.
    Provenance(super::handover::Provenance),
    /// A Bundle of type `collection`.
    #[serde(rename = "Bundle")]
    Collection(super::handover::Collection),
    // Contacts (issue 5, item 9).
    /// An Encounter.
    Encounter(super::encounter::Encounter),
}

/// A code from a code system.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Coding {
    /// Extensions (the weight of an answer option).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    /// The code system.
    pub system: String,
    /// The code system's version.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The code.
    pub code: String,
    /// A label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<String>,
}

/// Codes for one concept, and a text.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CodeableConcept {
    /// The codes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub coding: Vec<Coding>,
    /// A text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A reference to another resource (`Patient/12`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reference {
    /// Relative reference.
    pub reference: String,
}

/// An extension: a URL naming it, and a value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extension {
    /// What the extension is.
    pub url: String,
    /// Its value.
    #[serde(flatten)]
    pub value: ExtensionValue,
}

/// The value of an extension (`value[x]`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum ExtensionValue {
    /// A decimal (here always whole).
    #[serde(rename = "valueDecimal")]
    Decimal(u32),
    /// A code.
    #[serde(rename = "valueCode")]
    Code(String),
    /// A string.
    #[serde(rename = "valueString")]
    String(String),
    /// A day (the review date of a care plan).
    #[serde(rename = "valueDate")]
    Date(String),
}

/// What this server can do.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CapabilityStatement {
    /// `active`.
    pub status: &'static str,
    /// When this statement was written.
    pub date: &'static str,
    /// Who publishes it.
    pub publisher: &'static str,
    /// `instance`: this installation.
    pub kind: &'static str,
    /// The software.
    pub software: Software,
    /// This installation.
    pub implementation: Implementation,
    /// `4.0.1`.
    pub fhir_version: &'static str,
    /// `json`.
    pub format: Vec<&'static str>,
    /// The REST interface.
    pub rest: Vec<Rest>,
}

/// The software of a CapabilityStatement.
#[derive(Debug, Clone, Serialize)]
pub struct Software {
    /// Name.
    pub name: &'static str,
    /// Version.
    pub version: &'static str,
}

/// The installation of a CapabilityStatement.
#[derive(Debug, Clone, Serialize)]
pub struct Implementation {
    /// What it is.
    pub description: &'static str,
    /// Its base URL.
    pub url: String,
}

/// The REST interface of a CapabilityStatement.
#[derive(Debug, Clone, Serialize)]
pub struct Rest {
    /// `server`.
    pub mode: &'static str,
    /// How clients authenticate.
    pub security: RestSecurity,
    /// The resources served.
    pub resource: Vec<RestResource>,
}

/// The security section of a CapabilityStatement.
#[derive(Debug, Clone, Serialize)]
pub struct RestSecurity {
    /// In words.
    pub description: &'static str,
}

/// One resource type served.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RestResource {
    /// The type.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The interactions supported.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub interaction: Vec<Interaction>,
    /// The search parameters supported.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub search_param: Vec<SearchParam>,
    /// The operations supported (Patient `$everything`, issue 5, item 9).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub operation: Vec<Operation>,
}

/// An operation on a resource type, by its definition.
#[derive(Debug, Clone, Serialize)]
pub struct Operation {
    /// The name it is called by, without `$`.
    pub name: &'static str,
    /// The canonical URL of its OperationDefinition.
    pub definition: &'static str,
}

/// An interaction (`read`, `search-type`).
#[derive(Debug, Clone, Serialize)]
pub struct Interaction {
    /// The interaction's code.
    pub code: &'static str,
}

/// A search parameter.
#[derive(Debug, Clone, Serialize)]
pub struct SearchParam {
    /// Its name.
    pub name: &'static str,
    /// Its type.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// In words.
    pub documentation: &'static str,
}

/// An instrument version as a form.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Questionnaire {
    /// Logical id.
    pub id: String,
    /// Language of the texts.
    pub language: String,
    /// Canonical URL (without version).
    pub url: String,
    /// The instrument version.
    pub version: String,
    /// Computer-friendly name.
    pub name: String,
    /// Human-friendly name.
    pub title: String,
    /// `active`.
    pub status: &'static str,
    /// `Patient`.
    pub subject_type: Vec<&'static str>,
    /// Who publishes the definition.
    pub publisher: &'static str,
    /// What the texts are.
    pub description: String,
    /// Rights holder and what may be shipped.
    pub copyright: String,
    /// The LOINC panel, where LOINC has one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub code: Vec<Coding>,
    /// The items.
    pub item: Vec<QuestionnaireItem>,
}

/// An item of a Questionnaire: a group or a question.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionnaireItem {
    /// Unique within the Questionnaire.
    pub link_id: String,
    /// The text shown.
    pub text: String,
    /// `group`, `choice` or `string`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// When the item is asked.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub enable_when: Vec<EnableWhen>,
    /// `all` when several conditions must hold.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_behavior: Option<&'static str>,
    /// Whether an answer is needed when the item is asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// The options of a `choice` item.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub answer_option: Vec<AnswerOption>,
    /// The items of a `group`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<QuestionnaireItem>,
}

/// A condition on another item's answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EnableWhen {
    /// The item's link id.
    pub question: String,
    /// `!=`, `=`, ...
    pub operator: &'static str,
    /// The answer compared with.
    pub answer_coding: Coding,
}

/// One answer option.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AnswerOption {
    /// The option.
    pub value_coding: Coding,
}

/// One screening as the answers to a Questionnaire.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuestionnaireResponse {
    /// Logical id (the screening's id).
    pub id: String,
    /// Language of administration.
    pub language: String,
    /// Mode and content pack.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extension: Vec<Extension>,
    /// The Questionnaire answered: `url|version`.
    pub questionnaire: String,
    /// `in-progress` or `completed`.
    pub status: &'static str,
    /// The person.
    pub subject: Reference,
    /// When completed, or started while in progress.
    pub authored: String,
    /// Who answered, for a self-administered screening.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Reference>,
    /// The answered items.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<ResponseItem>,
}

/// An item of a QuestionnaireResponse.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseItem {
    /// The Questionnaire item's link id.
    pub link_id: String,
    /// Its text.
    pub text: String,
    /// The answer, for a question.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub answer: Vec<ResponseAnswer>,
    /// The items of a group.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub item: Vec<ResponseItem>,
}

/// An answer (`value[x]`).
#[derive(Debug, Clone, Serialize)]
pub enum ResponseAnswer {
    /// An option chosen.
    #[serde(rename = "valueCoding")]
    Coding(Coding),
    /// A text given.
    #[serde(rename = "valueString")]
    String(String),
}

/// A score of a screening.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Observation {
    /// Logical id (`12-alcohol`, `12-total`).
    pub id: String,
    /// Language of the texts.
    pub language: String,
    /// `final`.
    pub status: &'static str,
    /// `survey`.
    pub category: Vec<CodeableConcept>,
    /// What was scored.
    pub code: CodeableConcept,
    /// The person.
    pub subject: Reference,
    /// When the screening was completed.
    pub effective_date_time: String,
    /// The score.
    pub value_integer: u32,
    /// The risk level.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub interpretation: Vec<CodeableConcept>,
    /// The QuestionnaireResponse it is computed from.
    pub derived_from: Vec<Reference>,
}

/// A set of resources: the result of a search.
#[derive(Debug, Clone, Serialize)]
pub struct Bundle {
    /// `searchset`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// How many resources match.
    pub total: u32,
    /// The search that gave it.
    pub link: Vec<BundleLink>,
    /// The resources.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub entry: Vec<BundleEntry>,
}

/// A link of a Bundle.
#[derive(Debug, Clone, Serialize)]
pub struct BundleLink {
    /// `self`.
    pub relation: &'static str,
    /// The URL.
    pub url: String,
}

/// One resource of a Bundle.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BundleEntry {
    /// The resource's absolute URL.
    pub full_url: String,
    /// The resource.
    pub resource: Resource,
    /// Why it is in the Bundle.
    pub search: BundleSearch,
}

/// Why a resource is in a search result.
#[derive(Debug, Clone, Serialize)]
pub struct BundleSearch {
    /// `match`.
    pub mode: &'static str,
}

/// The outcome of a request that failed.
#[derive(Debug, Clone, Serialize)]
pub struct OperationOutcome {
    /// The issues.
    pub issue: Vec<Issue>,
}

/// One issue of an OperationOutcome.
#[derive(Debug, Clone, Serialize)]
pub struct Issue {
    /// `error`.
    pub severity: &'static str,
    /// The issue type (`not-found`, `forbidden`, `login`, ...).
    pub code: &'static str,
    /// In the caller's language.
    pub diagnostics: String,
}

// OAT and transfers (issue 5, items 4 and 5).

/// A reference by name only (a prescriber outside the register).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NamedReference {
    /// The name.
    pub display: String,
}

/// A time span; an open end is left out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Period {
    /// Start.
    pub start: String,
    /// End.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

/// A quantity with its UCUM unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// The value.
    pub value: f64,
    /// The unit as shown.
    pub unit: &'static str,
    /// UCUM.
    pub system: &'static str,
    /// The UCUM code.
    pub code: &'static str,
}

/// How often and for how long.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timing {
    /// The repetition.
    pub repeat: TimingRepeat,
}

/// Once a day, within a period.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimingRepeat {
    /// The first and last day.
    pub bounds_period: Period,
    /// Times per period.
    pub frequency: u32,
    /// The period's length.
    pub period: u32,
    /// `d`.
    pub period_unit: &'static str,
}

/// A dose.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DoseAndRate {
    /// The amount.
    pub dose_quantity: Quantity,
}

/// How a medicine is taken.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Dosage {
    /// In words.
    pub text: String,
    /// Observed dosing, in words.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub additional_instruction: Vec<CodeableConcept>,
    /// When.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timing: Option<Timing>,
    /// How much.
    pub dose_and_rate: Vec<DoseAndRate>,
}

/// A note.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Annotation {
    /// The text.
    pub text: String,
}

/// A prison prescription of OAT.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MedicationRequest {
    /// Logical id (the prescription's id).
    pub id: String,
    /// `active` or `completed`.
    pub status: &'static str,
    /// `order`.
    pub intent: &'static str,
    /// The medicine (ATC).
    pub medication_codeable_concept: CodeableConcept,
    /// The person.
    pub subject: Reference,
    /// When it was recorded.
    pub authored_on: String,
    /// Who prescribed.
    pub requester: NamedReference,
    /// The daily dose over the prescription's days.
    pub dosage_instruction: Vec<Dosage>,
    /// Notes (the reason it stopped, a note).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub note: Vec<Annotation>,
}

/// OAT the person declared at entry.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MedicationStatement {
    /// Logical id (the declaration's id).
    pub id: String,
    /// `active`: taken up to the entry.
    pub status: &'static str,
    /// The medicine (ATC).
    pub medication_codeable_concept: CodeableConcept,
    /// The person.
    pub subject: Reference,
    /// The day of the last dose taken outside.
    pub effective_date_time: String,
    /// When it was recorded.
    pub date_asserted: String,
    /// The person, who said it; none for a prescription of ours.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub information_source: Option<Reference>,
    /// The daily dose.
    pub dosage: Vec<Dosage>,
    /// The prescriber outside, and the continuity once recorded.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub note: Vec<Annotation>,
}

/// A status an EpisodeOfCare had, and when.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusHistory {
    /// The status.
    pub status: &'static str,
    /// When.
    pub period: Period,
}

/// The care pathway.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EpisodeOfCare {
    /// Logical id (the pathway's id).
    pub id: String,
    /// `planned`, `active`, `onhold` or `finished`.
    pub status: &'static str,
    /// Every earlier status.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub status_history: Vec<StatusHistory>,
    /// The pathway's stage, in Continuum's code system.
    #[serde(rename = "type")]
    pub kind: Vec<CodeableConcept>,
    /// The person.
    pub patient: Reference,
    /// From the opening to the closing.
    pub period: Period,
}
