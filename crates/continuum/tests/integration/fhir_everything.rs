//! Patient `$everything` (issue 5, item 9): a searchset Bundle with the
//! person first and every resource about them the FHIR API serves; valid
//! R4 (tools/fhir-validator) in each language; each part read and audited
//! as when read on its own; for the person's clinical team only; `_type`
//! keeps the types named, anything else is a 400 OperationOutcome.

use std::path::PathBuf;

use continuum_app::App;
use continuum_app::referrals::Creation;
use continuum_domain::care::contact::ContactFields;
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;
use reqwest::header::ACCEPT_LANGUAGE;
use serde_json::Value;

use crate::care_plan::{after_intake, plan_fields};
use crate::fhir::schema_check;
use crate::oat::{declared, methadone};
use crate::on_both_backends;
use crate::support::actor;

/// The types a full Bundle lists, in its order.
const ALL_TYPES: [&str; 12] = [
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

fn contact<'a>(held_on: &'a str, note: &'a str) -> ContactFields<'a> {
    ContactFields {
        held_on,
        duration_minutes: "45",
        kind: "counselling",
        staff: "An Peeters",
        attendance: "attended",
        note,
    }
}

/// A person at HAS with a screening, a pathway, a care plan, OAT (a
/// prescription and OAT declared at entry), a contact, a sharing consent
/// and a referral sent under it; answers the person.
async fn followed(app: &App, family: &str) -> i64 {
    let worker = actor(app, "care_worker.has").await;
    let medical = actor(app, "medical.has").await;
    let person = after_intake(app, &worker, family).await;
    let today = app.register_today().to_string();
    let review = app.register_today().checked_add(jiff::Span::new().days(60)).expect("a day").to_string();
    app.start_care_plan(&worker, person, &plan_fields(&today, &review)).await.expect("a plan");
    app.record_prescription(&medical, person, &methadone("60")).await.expect("prescribed");
    app.declare_outside_oat(&medical, person, &declared("methadone")).await.expect("declared");
    app.record_contact(&worker, person, &contact(&today, "Talked about cravings")).await.expect("a contact");
    let (service, organisation) = crate::referrals::fitting_service(app).await;
    crate::referrals::consent_to_share(app, &worker, person, organisation, &["identity", "medication"]).await;
    let draft = crate::referrals::referral(service, &["identity", "medication"]);
    let Creation::Created(referral) = app.create_referral(&worker, person, &draft, true).await.expect("written") else {
        panic!("the service fits the person");
    };
    app.send_referral(&worker, referral).await.expect("sent");
    person
}

/// Another person at HAS, with a contact of their own.
async fn someone_else(app: &App) -> i64 {
    let worker = actor(app, "care_worker.has").await;
    let other = after_intake(app, &worker, "Anderman").await;
    let today = app.register_today().to_string();
    app.record_contact(&worker, other, &contact(&today, "Someone else's note")).await.expect("a contact");
    other
}

async fn fetch(client: &reqwest::Client, server: &TestServer, path: &str, language: &str) -> (StatusCode, Value) {
    let response = client.get(server.url(path)).header(ACCEPT_LANGUAGE, language).send().await.expect("request");
    let status = response.status();
    (status, response.json().await.expect("JSON"))
}

fn everything(person: i64) -> String {
    format!("/fhir/r4/Patient/{person}/$everything")
}

/// The resource types of a Bundle's entries, in order.
fn kinds(bundle: &Value) -> Vec<String> {
    bundle["entry"]
        .as_array()
        .map(|entries| {
            entries.iter().filter_map(|e| e["resource"]["resourceType"].as_str().map(str::to_owned)).collect()
        })
        .unwrap_or_default()
}

/// Each type once, in the order first met.
fn distinct(kinds: &[String]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for kind in kinds {
        if !seen.contains(kind) {
            seen.push(kind.clone());
        }
    }
    seen
}

/// Every `Patient/{id}` reference anywhere in a value.
fn patient_references(value: &Value, found: &mut Vec<String>) {
    match value {
        Value::String(text) if text.starts_with("Patient/") => found.push(text.clone()),
        Value::Array(items) => items.iter().for_each(|v| patient_references(v, found)),
        Value::Object(fields) => fields.values().for_each(|v| patient_references(v, found)),
        _ => {}
    }
}

async fn everything_is_a_valid_fhir_r4_searchset_in_every_language(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let person = followed(&server.app, "Allesvalid").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let dir = tempfile::tempdir().expect("a directory");
    let mut files: Vec<PathBuf> = Vec::new();
    for language in ["nl", "fr", "en"] {
        let (status, body) = fetch(&client, &server, &everything(person), language).await;
        assert_eq!(status, StatusCode::OK, "{language}: {body}");
        assert_eq!(body["type"], "searchset");
        let file = dir.path().join(format!("everything-{language}.json"));
        std::fs::write(&file, body.to_string()).expect("written");
        files.push(file);
    }
    let (valid, said) = schema_check(&files);
    assert!(valid, "{said}");
    server.stop().await;
}
on_both_backends!(everything_is_a_valid_fhir_r4_searchset_in_every_language);

async fn everything_holds_the_person_first_then_each_kind_of_their_record_and_nothing_of_anyone_else(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let person = followed(&server.app, "Allesbundel").await;
    let other = someone_else(&server.app).await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let (status, bundle) = fetch(&client, &server, &everything(person), "en").await;
    assert_eq!(status, StatusCode::OK, "{bundle}");
    let found = kinds(&bundle);
    assert_eq!(distinct(&found), ALL_TYPES, "every kind, in order: {found:?}");
    assert_eq!(bundle["entry"][0]["resource"]["id"], person.to_string());
    let family = bundle["entry"][0]["resource"]["name"][0]["family"].as_str().map(str::to_lowercase);
    assert_eq!(family.as_deref(), Some("allesbundel"));
    assert_eq!(bundle["total"], found.len());
    let mut references = Vec::new();
    patient_references(&bundle, &mut references);
    assert!(!references.is_empty());
    assert!(references.iter().all(|r| *r == format!("Patient/{person}")), "{references:?}");
    let text = bundle.to_string();
    assert!(!text.to_lowercase().contains("anderman"), "nothing about another person");
    assert!(!text.contains(&format!("Patient/{other}\"")));
    let self_link = bundle["link"][0]["url"].as_str().expect("a self link");
    assert!(self_link.ends_with(&everything(person)), "{self_link}");
    server.stop().await;
}
on_both_backends!(everything_holds_the_person_first_then_each_kind_of_their_record_and_nothing_of_anyone_else);

async fn each_part_of_everything_is_audited_as_its_own_read(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let person = followed(&server.app, "Allesaudit").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let before = crate::support::audit_rows(&server.app).await;
    assert_eq!(fetch(&client, &server, &everything(person), "en").await.0, StatusCode::OK);
    assert!(crate::support::audit_rows(&server.app).await >= before + 9, "each part is audited");
    for action in [
        "person.read",
        "pathway.read",
        "care_plan.read",
        "oat.read",
        "contact.list",
        "screening.read",
        "consent.list",
        "referral.list",
        "referral.read",
    ] {
        let rows = crate::referrals::audit_rows(&server.app, action, "allowed").await;
        assert!(rows.iter().any(|r| r.entry.person_id == Some(person)), "{action} audited with the person");
    }
    server.stop().await;
}
on_both_backends!(each_part_of_everything_is_audited_as_its_own_read);

async fn another_prisons_person_or_an_unknown_id_is_not_found(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let person = followed(&server.app, "Alleselders").await;
    let ghent = server.client_for("care_worker.gen").await.expect("signs in");
    let (status, outcome) = fetch(&ghent, &server, &everything(person), "en").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{outcome}");
    assert_eq!(
        (outcome["resourceType"].as_str(), outcome["issue"][0]["code"].as_str()),
        (Some("OperationOutcome"), Some("not-found"))
    );
    assert!(!outcome.to_string().to_lowercase().contains("alleselders"));
    let worker = server.client_for("care_worker.has").await.expect("signs in");
    for unknown in [everything(999_999), "/fhir/r4/Patient/abc/$everything".to_owned()] {
        assert_eq!(fetch(&worker, &server, &unknown, "en").await.0, StatusCode::NOT_FOUND, "{unknown}");
    }
    server.stop().await;
}
on_both_backends!(another_prisons_person_or_an_unknown_id_is_not_found);

async fn roles_without_clinical_access_and_the_outside_provider_get_nothing(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let person = followed(&server.app, "Allesgeheim").await;
    // The outside provider the person's referral went to may read that
    // referral, not the register: as for any other id of the system, 404.
    for (username, refused) in [
        ("psychosocial.has", StatusCode::FORBIDDEN),
        ("prison_staff.has", StatusCode::FORBIDDEN),
        ("director.has", StatusCode::FORBIDDEN),
        ("researcher", StatusCode::FORBIDDEN),
        ("external_provider.nl", StatusCode::NOT_FOUND),
    ] {
        let client = server.client_for(username).await.expect("signs in");
        let (status, body) = fetch(&client, &server, &everything(person), "en").await;
        assert_eq!(status, refused, "{username}: {body}");
        assert_eq!(body["resourceType"], "OperationOutcome", "{username}");
        let text = body.to_string();
        let leaked = ["allesgeheim", "methadone", "patient/"].iter().any(|w| text.to_lowercase().contains(w));
        assert!(!leaked, "{username}: {text}");
    }
    server.stop().await;
}
on_both_backends!(roles_without_clinical_access_and_the_outside_provider_get_nothing);

async fn the_bundles_patient_resolves_to_a_valid_patient_read_for_the_team_only(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let person = followed(&server.app, "Allespatient").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let (_, bundle) = fetch(&client, &server, &everything(person), "en").await;
    let full_url = bundle["entry"][0]["fullUrl"].as_str().expect("a fullUrl").to_owned();
    let path = &full_url[full_url.find("/fhir/r4/").expect("a FHIR URL")..];
    assert_eq!(path, format!("/fhir/r4/Patient/{person}"));
    let before = crate::referrals::audit_rows(&server.app, "person.read", "allowed").await.len();
    let (status, patient) = fetch(&client, &server, path, "en").await;
    assert_eq!(status, StatusCode::OK, "{patient}");
    assert_eq!(patient, bundle["entry"][0]["resource"], "the same Patient as in the Bundle");
    assert!(crate::referrals::audit_rows(&server.app, "person.read", "allowed").await.len() > before, "audited");
    let dir = tempfile::tempdir().expect("a directory");
    let file = dir.path().join("patient.json");
    std::fs::write(&file, patient.to_string()).expect("written");
    let (valid, said) = schema_check(&[file]);
    assert!(valid, "{said}");
    for (username, refused) in [("care_worker.gen", StatusCode::NOT_FOUND), ("psychosocial.has", StatusCode::FORBIDDEN)]
    {
        let other = server.client_for(username).await.expect("signs in");
        let (status, body) = fetch(&other, &server, path, "en").await;
        assert_eq!(status, refused, "{username}: {body}");
        assert!(!body.to_string().to_lowercase().contains("allespatient"), "{username}");
    }
    server.stop().await;
}
on_both_backends!(the_bundles_patient_resolves_to_a_valid_patient_read_for_the_team_only);

async fn type_keeps_only_the_resource_types_named(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let person = followed(&server.app, "Allestype").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    for (filter, expected) in [
        ("_type=Goal,CarePlan", vec!["CarePlan", "Goal"]),
        ("_type=Patient&_type=MedicationRequest", vec!["Patient", "MedicationRequest"]),
        ("_type=Encounter", vec!["Encounter"]),
    ] {
        let (status, bundle) = fetch(&client, &server, &format!("{}?{filter}", everything(person)), "en").await;
        assert_eq!(status, StatusCode::OK, "{filter}: {bundle}");
        assert_eq!(distinct(&kinds(&bundle)), expected, "{filter}");
    }
    server.stop().await;
}
on_both_backends!(type_keeps_only_the_resource_types_named);

async fn an_unknown_parameter_or_type_is_refused_by_name_and_reads_nothing(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let person = followed(&server.app, "Allesfout").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let before = crate::support::audit_rows(&server.app).await;
    for (query, named, language) in
        [("_count=5", "_count", "en"), ("_type=Patient,Practitioner", "Practitioner", "fr"), ("_type=", "_type", "nl")]
    {
        let (status, outcome) = fetch(&client, &server, &format!("{}?{query}", everything(person)), language).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(outcome["issue"][0]["code"], "invalid", "{query}");
        let said = outcome["issue"][0]["diagnostics"].as_str().unwrap_or_default();
        assert!(said.contains(named), "{query}: {said}");
    }
    assert_eq!(crate::support::audit_rows(&server.app).await, before, "nothing read, nothing audited");
    server.stop().await;
}
on_both_backends!(an_unknown_parameter_or_type_is_refused_by_name_and_reads_nothing);

async fn the_capability_statement_offers_patient_everything(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let client = TestServer::anonymous_client().expect("client");
    let (status, statement) = fetch(&client, &server, "/fhir/r4/metadata", "en").await;
    assert_eq!(status, StatusCode::OK);
    let resources = statement["rest"][0]["resource"].as_array().expect("resources");
    let patient = resources.iter().find(|r| r["type"] == "Patient").expect("Patient is listed");
    assert_eq!(patient["operation"][0]["name"], "everything");
    assert_eq!(patient["operation"][0]["definition"], "http://hl7.org/fhir/OperationDefinition/Patient-everything");
    let dir = tempfile::tempdir().expect("a directory");
    let file = dir.path().join("metadata.json");
    std::fs::write(&file, statement.to_string()).expect("written");
    let (valid, said) = schema_check(&[file]);
    assert!(valid, "{said}");
    server.stop().await;
}
on_both_backends!(the_capability_statement_offers_patient_everything);
