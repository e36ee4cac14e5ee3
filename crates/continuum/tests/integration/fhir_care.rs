//! OAT and the care pathway as FHIR R4 (issue 5, item 9): prescriptions as
//! MedicationRequests, OAT declared at entry as MedicationStatements, the
//! pathway as an EpisodeOfCare; valid R4 (tools/fhir-validator), in each
//! language, for the person's clinical team only, every read audited.

use std::path::PathBuf;

use continuum_app::App;
use continuum_domain::episode::TransferFields;
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;
use reqwest::header::ACCEPT_LANGUAGE;
use serde_json::Value;

use crate::fhir::schema_check;
use crate::oat::{declared, entered_at, methadone};
use crate::on_both_backends;
use crate::support::{actor, audit_rows};

/// A person at HAS with a prescription and OAT declared at entry; answers
/// (person, prescription, declaration).
async fn treated(app: &App) -> (i64, i64, i64) {
    let medical = actor(app, "medical.has").await;
    let person = entered_at(app, &medical, "HAS", "Fhir-Oat", "FO-1", None).await;
    let prescription = app.record_prescription(&medical, person, &methadone("80")).await.expect("prescribed");
    let declaration = app.declare_outside_oat(&medical, person, &declared("methadone")).await.expect("declared");
    (person, prescription, declaration)
}

async fn fetch(client: &reqwest::Client, server: &TestServer, path: &str, language: &str) -> (StatusCode, Value) {
    let response = client.get(server.url(path)).header(ACCEPT_LANGUAGE, language).send().await.expect("request");
    let status = response.status();
    (status, response.json().await.expect("JSON"))
}

fn paths(person: i64, prescription: i64, declaration: i64, pathway: &str) -> Vec<String> {
    vec![
        format!("/fhir/r4/MedicationRequest?subject=Patient/{person}"),
        format!("/fhir/r4/MedicationRequest/{prescription}"),
        format!("/fhir/r4/MedicationStatement?subject=Patient/{person}"),
        format!("/fhir/r4/MedicationStatement/{declaration}"),
        format!("/fhir/r4/EpisodeOfCare?patient=Patient/{person}"),
        format!("/fhir/r4/EpisodeOfCare/{pathway}"),
    ]
}

async fn oat_and_the_pathway_are_valid_fhir_r4_in_every_language(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let (person, prescription, declaration) = treated(&server.app).await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let (status, search) =
        fetch(&client, &server, &format!("/fhir/r4/EpisodeOfCare?patient=Patient/{person}"), "en").await;
    assert_eq!(status, StatusCode::OK);
    let pathway = search["entry"][0]["resource"]["id"].as_str().expect("the pathway").to_owned();
    let dir = tempfile::tempdir().expect("a directory");
    let mut files: Vec<PathBuf> = Vec::new();
    for (n, path) in paths(person, prescription, declaration, &pathway).iter().enumerate() {
        for language in ["nl", "fr", "en"] {
            let (status, body) = fetch(&client, &server, path, language).await;
            assert_eq!(status, StatusCode::OK, "GET {path}");
            let file = dir.path().join(format!("{n}-{language}.json"));
            std::fs::write(&file, body.to_string()).expect("written");
            files.push(file);
        }
    }
    let (valid, said) = schema_check(&files);
    assert!(valid, "{said}");
    let (_, request) = fetch(&client, &server, &format!("/fhir/r4/MedicationRequest/{prescription}"), "fr").await;
    assert_eq!(request["medicationCodeableConcept"]["coding"][0]["code"], "N07BC02");
    assert_eq!(request["medicationCodeableConcept"]["coding"][0]["display"], "Méthadone");
    assert_eq!(request["dosageInstruction"][0]["doseAndRate"][0]["doseQuantity"]["value"], 80.0);
    assert_eq!(request["status"], "active");
    let (_, statement) = fetch(&client, &server, &format!("/fhir/r4/MedicationStatement/{declaration}"), "en").await;
    assert_eq!(statement["effectiveDateTime"], "2026-01-01");
    let (_, episode) = fetch(&client, &server, &format!("/fhir/r4/EpisodeOfCare/{pathway}"), "en").await;
    assert_eq!(
        (episode["status"].as_str(), episode["patient"]["reference"].as_str()),
        (Some("planned"), Some(format!("Patient/{person}").as_str()))
    );
    server.stop().await;
}
on_both_backends!(oat_and_the_pathway_are_valid_fhir_r4_in_every_language);

async fn fhir_oat_is_for_the_persons_clinical_team_and_every_read_is_audited(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let (person, prescription, declaration) = treated(&server.app).await;
    let worker = server.client_for("care_worker.has").await.expect("signs in");
    let (_, search) = fetch(&worker, &server, &format!("/fhir/r4/EpisodeOfCare?patient=Patient/{person}"), "en").await;
    let pathway = search["entry"][0]["resource"]["id"].as_str().expect("the pathway").to_owned();
    let before = audit_rows(&server.app).await;
    for path in paths(person, prescription, declaration, &pathway) {
        assert_eq!(fetch(&worker, &server, &path, "en").await.0, StatusCode::OK, "{path}");
    }
    assert!(audit_rows(&server.app).await >= before + 6, "each read is audited");
    for username in ["prison_staff.has", "psychosocial.has", "director.has", "researcher"] {
        let client = server.client_for(username).await.expect("signs in");
        for path in paths(person, prescription, declaration, &pathway) {
            let (status, body) = fetch(&client, &server, &path, "en").await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{username} GET {path}");
            assert!(!body.to_string().contains("N07BC02"), "{username} GET {path}");
        }
    }
    let ghent = server.client_for("medical.gen").await.expect("signs in");
    for (theirs, unknown) in
        paths(person, prescription, declaration, &pathway).iter().zip(paths(999_999, 999_999, 999_999, "999999"))
    {
        assert_eq!(fetch(&ghent, &server, theirs, "en").await.0, StatusCode::NOT_FOUND, "{theirs}");
        assert_eq!(fetch(&ghent, &server, &unknown, "en").await.0, StatusCode::NOT_FOUND, "{unknown}");
    }
    server.stop().await;
}
on_both_backends!(fhir_oat_is_for_the_persons_clinical_team_and_every_read_is_audited);

async fn after_a_transfer_the_sending_team_reads_its_prescriptions_but_not_the_pathway(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let (person, prescription, _) = treated(&server.app).await;
    let worker = actor(&server.app, "care_worker.has").await;
    let episode = server.app.get_person(&worker, person).await.expect("readable").episodes[0].id;
    let today = server.app.register_today().to_string();
    let fields = TransferFields { site: "GEN", transfer_date: &today, prison_number: "" };
    server.app.transfer_person(&worker, episode, &fields).await.expect("transferred");
    let sending = server.client_for("care_worker.has").await.expect("signs in");
    let (status, _) = fetch(&sending, &server, &format!("/fhir/r4/MedicationRequest/{prescription}"), "en").await;
    assert_eq!(status, StatusCode::OK, "what HAS wrote");
    let (status, _) = fetch(&sending, &server, &format!("/fhir/r4/EpisodeOfCare?patient=Patient/{person}"), "en").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "the pathway is GEN's now");
    let receiving = server.client_for("care_worker.gen").await.expect("signs in");
    let (status, body) =
        fetch(&receiving, &server, &format!("/fhir/r4/EpisodeOfCare?patient=Patient/{person}"), "en").await;
    assert_eq!((status, body["total"].as_u64()), (StatusCode::OK, Some(1)));
    server.stop().await;
}
on_both_backends!(after_a_transfer_the_sending_team_reads_its_prescriptions_but_not_the_pathway);
