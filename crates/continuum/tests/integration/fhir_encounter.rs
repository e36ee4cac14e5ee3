//! Contacts as FHIR R4 Encounters (issue 5, item 9): valid R4
//! (tools/fhir-validator) in each language; a group session is an
//! Encounter per participant naming the session; for the person's clinical
//! team only, every read audited.

use continuum_app::App;
use continuum_domain::care::contact::{ContactFields, ParticipantFields};
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;
use reqwest::header::ACCEPT_LANGUAGE;
use serde_json::Value;

use crate::care_plan::after_intake;
use crate::fhir::schema_check;
use crate::on_both_backends;
use crate::support::{actor, audit_rows};

fn fields<'a>(held_on: &'a str, kind: &'a str) -> ContactFields<'a> {
    ContactFields {
        held_on,
        duration_minutes: "45",
        kind,
        staff: "An Peeters",
        attendance: "attended",
        note: "Talked about cravings",
    }
}

/// Two people at HAS in a group session, the first also seen alone;
/// answers (first, second, the first's individual contact, the session).
async fn contacts(app: &App) -> (i64, i64, i64, i64) {
    let worker = actor(app, "care_worker.has").await;
    let first = after_intake(app, &worker, "Encone").await;
    let second = after_intake(app, &worker, "Enctwo").await;
    let today = app.register_today().to_string();
    let alone = app.record_contact(&worker, first, &fields(&today, "counselling")).await.expect("recorded");
    let participants = [
        ParticipantFields { prison_number: "C-Encone", attendance: "attended", note: "Spoke first" },
        ParticipantFields { prison_number: "C-Enctwo", attendance: "did_not_attend", note: "" },
    ];
    let session =
        app.record_group_session(&worker, &fields(&today, "group_work"), &participants).await.expect("recorded");
    (first, second, alone, session)
}

async fn fetch(client: &reqwest::Client, server: &TestServer, path: &str, language: &str) -> (StatusCode, Value) {
    let response = client.get(server.url(path)).header(ACCEPT_LANGUAGE, language).send().await.expect("request");
    let status = response.status();
    (status, response.json().await.expect("JSON"))
}

fn paths(first: i64, second: i64, alone: i64) -> Vec<String> {
    vec![
        format!("/fhir/r4/Encounter?patient=Patient/{first}"),
        format!("/fhir/r4/Encounter?patient=Patient/{second}"),
        format!("/fhir/r4/Encounter/{alone}"),
    ]
}

async fn contacts_are_valid_fhir_r4_encounters_one_per_participant_of_a_group(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let (first, second, alone, session) = contacts(&server.app).await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let dir = tempfile::tempdir().expect("a directory");
    let mut files = Vec::new();
    for (n, path) in paths(first, second, alone).iter().enumerate() {
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
    let (_, mine) = fetch(&client, &server, &format!("/fhir/r4/Encounter?patient=Patient/{first}"), "en").await;
    assert_eq!(mine["total"], 2, "alone and in the group");
    let (_, theirs) = fetch(&client, &server, &format!("/fhir/r4/Encounter?patient=Patient/{second}"), "en").await;
    let group = &theirs["entry"][0]["resource"];
    assert_eq!(theirs["total"], 1);
    assert_eq!(
        (group["status"].as_str(), group["identifier"][0]["value"].as_str(), group["subject"]["reference"].as_str()),
        (Some("cancelled"), Some(session.to_string().as_str()), Some(format!("Patient/{second}").as_str()))
    );
    assert!(!theirs.to_string().contains("Encone"), "no other participant named");
    let (_, one) = fetch(&client, &server, &format!("/fhir/r4/Encounter/{alone}"), "en").await;
    assert_eq!(
        (
            one["status"].as_str(),
            one["length"]["value"].as_f64(),
            one["participant"][0]["individual"]["display"].as_str()
        ),
        (Some("finished"), Some(45.0), Some("An Peeters"))
    );
    server.stop().await;
}
on_both_backends!(contacts_are_valid_fhir_r4_encounters_one_per_participant_of_a_group);

async fn encounters_are_for_the_persons_clinical_team_and_every_read_is_audited(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let (first, second, alone, _) = contacts(&server.app).await;
    let worker = server.client_for("care_worker.has").await.expect("signs in");
    let before = audit_rows(&server.app).await;
    for path in paths(first, second, alone) {
        assert_eq!(fetch(&worker, &server, &path, "en").await.0, StatusCode::OK, "{path}");
    }
    assert!(audit_rows(&server.app).await >= before + 3, "each read is audited");
    for username in ["prison_staff.has", "psychosocial.has", "director.has", "researcher"] {
        let client = server.client_for(username).await.expect("signs in");
        for path in paths(first, second, alone) {
            let (status, body) = fetch(&client, &server, &path, "en").await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{username} GET {path}");
            assert!(!body.to_string().contains("An Peeters"), "{username} GET {path}");
        }
    }
    let ghent = server.client_for("care_worker.gen").await.expect("signs in");
    for (theirs, unknown) in paths(first, second, alone).iter().zip(paths(999_999, 999_998, 999_999)) {
        assert_eq!(fetch(&ghent, &server, theirs, "en").await.0, StatusCode::NOT_FOUND, "{theirs}");
        assert_eq!(fetch(&ghent, &server, &unknown, "en").await.0, StatusCode::NOT_FOUND, "{unknown}");
    }
    server.stop().await;
}
on_both_backends!(encounters_are_for_the_persons_clinical_team_and_every_read_is_audited);
