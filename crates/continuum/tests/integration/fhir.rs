//! Read-only FHIR R4 end to end: what the server produces is valid against
//! the official R4 JSON schema (checked by an independent validator,
//! `tools/fhir-validator`), says what the screening says, and is reached
//! only as the API is (authentication, access, audit).

use std::path::{Path, PathBuf};
use std::process::Command;

use continuum_app::audit_trail::AuditFilter;
use continuum_app::{Actor, App, Paging};
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;
use reqwest::header::{ACCEPT_LANGUAGE, CONTENT_TYPE, WWW_AUTHENTICATE};
use serde_json::Value;

use crate::on_both_backends;
use crate::screening::{answer_all, entered};
use crate::screening_api::token_for;
use crate::support::actor;

/// Runs the R4 schema check on `files`: whether every file is valid, and
/// what the validator said. Fails (never skips) when it cannot run.
pub(crate) fn schema_check(files: &[PathBuf]) -> (bool, String) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tools/fhir-validator");
    assert!(
        dir.join("node_modules/ajv").is_dir() && dir.join("node_modules/@asymmetrik").is_dir(),
        "the FHIR R4 schema check is not installed: run `npm ci --prefix tools/fhir-validator` (scripts/test does)"
    );
    let output = Command::new("node")
        .arg(dir.join("validate.js"))
        .args(files)
        .output()
        .unwrap_or_else(|error| panic!("cannot run node ({error}); scripts/test installs Node.js"));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(matches!(output.status.code(), Some(0 | 1)), "the FHIR R4 schema check could not run: {stderr}{stdout}");
    (output.status.success(), stdout)
}

#[test]
fn the_schema_check_refuses_what_is_not_fhir_r4() {
    let dir = tempfile::tempdir().expect("a directory");
    let broken = [
        r#"{"resourceType":"QuestionnaireResponse","status":"done","questionnaire":"x"}"#,
        r#"{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueInteger":"3"}"#,
        r#"{"resourceType":"Questionnaire","status":"active","item":[{"linkId":"a","type":"choice","score":1}]}"#,
        r#"{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Patient","id":"a b"}}]}"#,
    ];
    let files: Vec<PathBuf> = broken
        .iter()
        .enumerate()
        .map(|(n, text)| {
            let path = dir.path().join(format!("broken-{n}.json"));
            std::fs::write(&path, text).expect("written");
            path
        })
        .collect();
    let (valid, said) = schema_check(&files);
    assert!(!valid, "{said}");
    assert!(said.contains("0 valid, 4 invalid"), "{said}");
    let fine = dir.path().join("fine.json");
    std::fs::write(&fine, r#"{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueInteger":3}"#)
        .expect("written");
    assert!(schema_check(&[fine]).0);
}

/// A person at HAS with a completed ASSIST (cannabis at the highest risk,
/// another substance named), a completed AUDIT and an AUDIT-C in progress.
struct Screened {
    person: i64,
    assist: i64,
    audit: i64,
    audit_c: i64,
}

async fn screened(app: &App, worker: &Actor, family: &str) -> Screened {
    use continuum_app::screening::{Mode, StartRequest};
    let person = entered(app, worker, family, &format!("F-{family}")).await;
    let assist = app.start_screening(worker, person).await.expect("started");
    app.answer_screening(worker, assist, "other.q1", "yes", Some("Ketamine")).await.expect("answered");
    answer_all(app, worker, assist, "cannabis").await;
    app.complete_screening(worker, assist).await.expect("completed");
    let start = |instrument| StartRequest { instrument, version: None, mode: Mode::SelfAdministered, language: None };
    let audit = app.start_screening_with(worker, person, &start("audit")).await.expect("started").id;
    answer_all(app, worker, audit, "audit").await;
    app.complete_screening(worker, audit).await.expect("completed");
    let audit_c = app.start_screening_with(worker, person, &start("audit_c")).await.expect("started").id;
    app.answer_screening(worker, audit_c, "audit_c.q1", "monthly_or_less", None).await.expect("answered");
    Screened { person, assist, audit, audit_c }
}

async fn fetch(client: &reqwest::Client, server: &TestServer, path: &str, language: &str) -> (StatusCode, Value) {
    let response = client.get(server.url(path)).header(ACCEPT_LANGUAGE, language).send().await.expect("request");
    let status = response.status();
    let kind = response.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert_eq!(kind, "application/fhir+json", "GET {path}");
    (status, response.json().await.expect("JSON"))
}

async fn every_resource_served_is_valid_fhir_r4(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let s = screened(&server.app, &worker, "Valid").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let mut paths = vec![
        "/fhir/r4/metadata".to_owned(),
        "/fhir/r4/Questionnaire".to_owned(),
        format!("/fhir/r4/QuestionnaireResponse?subject=Patient/{}", s.person),
        format!("/fhir/r4/Observation?subject=Patient/{}", s.person),
        format!("/fhir/r4/Observation/{}-total", s.audit),
        format!("/fhir/r4/QuestionnaireResponse/{}", s.audit_c),
        "/fhir/r4/QuestionnaireResponse".to_owned(),
        "/fhir/r4/Observation/999999-total".to_owned(),
    ];
    for id in ["assist-3.1", "audit-1", "audit-c-1", "dast-10-1", "tcu-ds5-1"] {
        paths.push(format!("/fhir/r4/Questionnaire/{id}"));
    }
    for id in [s.assist, s.audit] {
        paths.push(format!("/fhir/r4/QuestionnaireResponse/{id}"));
    }
    let dir = tempfile::tempdir().expect("a directory");
    let mut files = Vec::new();
    let mut kinds = Vec::new();
    for (n, path) in paths.iter().enumerate() {
        for language in ["nl", "fr", "en"] {
            let (_, body) = fetch(&client, &server, path, language).await;
            kinds.push(body["resourceType"].as_str().unwrap_or_default().to_owned());
            let file = dir.path().join(format!("{n}-{language}.json"));
            std::fs::write(&file, body.to_string()).expect("written");
            files.push(file);
        }
    }
    let (_, anonymous) =
        fetch(&TestServer::anonymous_client().expect("client"), &server, "/fhir/r4/Questionnaire", "en").await;
    let (_, forbidden) =
        fetch(&server.client_for("prison_staff.has").await.expect("signs in"), &server, &paths[2], "en").await;
    for (name, body) in [("anonymous", anonymous), ("forbidden", forbidden)] {
        let file = dir.path().join(format!("{name}.json"));
        std::fs::write(&file, body.to_string()).expect("written");
        files.push(file);
    }
    for kind in
        ["CapabilityStatement", "Bundle", "Questionnaire", "QuestionnaireResponse", "Observation", "OperationOutcome"]
    {
        assert!(kinds.iter().any(|k| k == kind), "no {kind} among {kinds:?}");
    }
    let (valid, said) = schema_check(&files);
    assert!(valid, "{said}");
    server.stop().await;
}
on_both_backends!(every_resource_served_is_valid_fhir_r4);

fn items(value: &Value) -> Vec<&Value> {
    let mut out = Vec::new();
    for item in value["item"].as_array().into_iter().flatten() {
        out.push(item);
        out.extend(items(item));
    }
    out
}

fn item<'a>(value: &'a Value, link_id: &str) -> &'a Value {
    items(value).into_iter().find(|i| i["linkId"] == link_id).unwrap_or_else(|| panic!("no item {link_id}"))
}

async fn a_screening_reads_as_a_questionnaire_response_with_observations_of_its_scores(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let s = screened(&server.app, &worker, "Reads").await;
    let client = server.client_for("medical.has").await.expect("signs in");
    let (status, qr) = fetch(&client, &server, &format!("/fhir/r4/QuestionnaireResponse/{}", s.assist), "en").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(qr["questionnaire"], "https://continuum.invalid/fhir/Questionnaire/assist|3.1");
    assert_eq!(
        (&qr["status"], &qr["subject"]["reference"]),
        (&Value::from("completed"), &Value::from(format!("Patient/{}", s.person)))
    );
    assert!(qr["authored"].as_str().is_some_and(|a| a.ends_with('Z')));
    assert_eq!(item(&qr, "cannabis.q2")["answer"][0]["valueCoding"]["code"], "daily");
    assert_eq!(item(&qr, "other.name")["answer"][0]["valueString"], "Ketamine");
    assert!(items(&qr).iter().all(|i| i["linkId"] != "alcohol.q2"), "items skipped are left out");

    let (_, cannabis) = fetch(&client, &server, &format!("/fhir/r4/Observation/{}-cannabis", s.assist), "en").await;
    assert_eq!(cannabis["valueInteger"], 33);
    assert_eq!(cannabis["interpretation"][0]["coding"][0]["code"], "high");
    assert_eq!(cannabis["derivedFrom"][0]["reference"], format!("QuestionnaireResponse/{}", s.assist));
    assert_eq!(cannabis["subject"]["reference"], format!("Patient/{}", s.person));
    let (status, _) = fetch(&client, &server, &format!("/fhir/r4/Observation/{}-injection", s.assist), "en").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "injecting is recorded, not scored");
    let (_, total) = fetch(&client, &server, &format!("/fhir/r4/Observation/{}-total", s.audit), "en").await;
    assert_eq!(total["code"]["coding"][0], serde_json::json!({"system": "http://loinc.org", "code": "75624-7"}));
    assert_eq!(
        (&total["valueInteger"], &total["interpretation"][0]["coding"][0]["code"]),
        (&Value::from(40), &Value::from("zone_4"))
    );

    let (_, open) = fetch(&client, &server, &format!("/fhir/r4/QuestionnaireResponse/{}", s.audit_c), "en").await;
    assert_eq!(open["status"], "in-progress");
    assert_eq!(open["language"], "fr", "the person's language");
    assert_eq!(open["extension"][0]["valueCode"], "self");
    let (_, observations) =
        fetch(&client, &server, &format!("/fhir/r4/Observation?subject=Patient/{}", s.person), "en").await;
    let ids: Vec<&str> =
        observations["entry"].as_array().into_iter().flatten().filter_map(|e| e["resource"]["id"].as_str()).collect();
    assert!(
        ids.contains(&format!("{}-cannabis", s.assist).as_str())
            && ids.contains(&format!("{}-total", s.audit).as_str()),
        "{ids:?}"
    );
    assert!(ids.iter().all(|id| !id.starts_with(&format!("{}-", s.audit_c))), "no scores before completion");
    let (_, responses) =
        fetch(&client, &server, &format!("/fhir/r4/QuestionnaireResponse?subject=Patient/{}", s.person), "en").await;
    assert_eq!((&responses["type"], &responses["total"]), (&Value::from("searchset"), &Value::from(3)));
    server.stop().await;
}
on_both_backends!(a_screening_reads_as_a_questionnaire_response_with_observations_of_its_scores);

async fn questionnaires_speak_the_language_asked_for_and_map_the_skip_rules(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let client = server.client_for("director.has").await.expect("signs in");
    for (language, alcohol) in [("fr-BE", "Alcool"), ("nl", "Alcohol"), ("en", "Alcohol")] {
        let (status, q) = fetch(&client, &server, "/fhir/r4/Questionnaire/assist-3.1", language).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(q["language"], language.get(..2).unwrap_or_default());
        assert_eq!(item(&q, "alcohol.q1")["text"], alcohol);
    }
    let (_, q) = fetch(&client, &server, "/fhir/r4/Questionnaire/assist-3.1", "en").await;
    assert_eq!(
        (&q["url"], &q["version"]),
        (&Value::from("https://continuum.invalid/fhir/Questionnaire/assist"), &Value::from("3.1"))
    );
    let q3 = item(&q, "alcohol.q3");
    assert_eq!(q3["enableBehavior"], "all");
    assert_eq!(q3["enableWhen"][1]["question"], "alcohol.q2");
    assert_eq!(q3["enableWhen"][1]["answerCoding"]["code"], "never");
    let (_, audit) = fetch(&client, &server, "/fhir/r4/Questionnaire/audit-1", "en").await;
    assert_eq!(audit["code"][0]["code"], "72110-0");
    for unknown in ["/fhir/r4/Questionnaire/assist-9", "/fhir/r4/Practitioner/1"] {
        let (status, outcome) = fetch(&client, &server, unknown, "en").await;
        assert_eq!((status, &outcome["issue"][0]["code"]), (StatusCode::NOT_FOUND, &Value::from("not-found")));
    }
    server.stop().await;
}
on_both_backends!(questionnaires_speak_the_language_asked_for_and_map_the_skip_rules);

async fn fhir_takes_bearer_tokens_and_the_session_and_refuses_anonymous_callers(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let s = screened(&server.app, &worker, "Tokens").await;
    let path = format!("/fhir/r4/QuestionnaireResponse/{}", s.assist);
    let token = token_for(&server, "care_worker.has").await;
    let by_token = reqwest::Client::new().get(server.url(&path)).bearer_auth(&token).send().await.expect("request");
    assert_eq!(by_token.status(), StatusCode::OK);
    let session = server.client_for("care_worker.has").await.expect("signs in");
    assert_eq!(fetch(&session, &server, &path, "en").await.0, StatusCode::OK);
    let anonymous =
        TestServer::anonymous_client().expect("client").get(server.url(&path)).send().await.expect("request");
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(anonymous.headers().get(WWW_AUTHENTICATE).and_then(|v| v.to_str().ok()), Some("Bearer"));
    let outcome: Value = anonymous.json().await.expect("JSON");
    assert_eq!(
        (&outcome["resourceType"], &outcome["issue"][0]["code"]),
        (&Value::from("OperationOutcome"), &Value::from("login"))
    );
    let (status, _) = fetch(&TestServer::anonymous_client().expect("client"), &server, "/fhir/r4/metadata", "en").await;
    assert_eq!(status, StatusCode::OK, "the CapabilityStatement is public");
    server.stop().await;
}
on_both_backends!(fhir_takes_bearer_tokens_and_the_session_and_refuses_anonymous_callers);

async fn fhir_reads_are_audited_and_searches_need_the_person(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let s = screened(&server.app, &worker, "Audited").await;
    let admin = actor(&server.app, "admin").await;
    let reads = || async {
        let filter = AuditFilter {
            username: Some("care_worker.has".into()),
            action: Some("screening.read".into()),
            ..AuditFilter::default()
        };
        server.app.search_audit(&admin, &filter, Paging::default()).await.expect("search").total
    };
    let before = reads().await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    fetch(&client, &server, &format!("/fhir/r4/QuestionnaireResponse/{}", s.assist), "en").await;
    fetch(&client, &server, &format!("/fhir/r4/Observation?subject=Patient/{}", s.person), "en").await;
    assert_eq!(reads().await, before + 1 + 3, "one row for the response, one per screening searched");
    for (query, message) in [("", "subject"), ("?subject=Group/4", "Patient/")] {
        let (status, outcome) = fetch(&client, &server, &format!("/fhir/r4/Observation{query}"), "en").await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(outcome["issue"][0]["diagnostics"].as_str().is_some_and(|d| d.contains(message)), "{outcome}");
    }
    server.stop().await;
}
on_both_backends!(fhir_reads_are_audited_and_searches_need_the_person);
