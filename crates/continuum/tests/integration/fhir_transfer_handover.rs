//! The handover at a transfer out of the programme as a FHIR R4 Bundle
//! (issue 6, item 6): the Bundle of the handover document kept at the
//! transfer, valid R4 (tools/fhir-validator), with the person, the
//! receiving prison, the closed pathway, the care plan and its goals and
//! the OAT current on the day of the transfer; no Consent (the handover
//! stays within prison health care); for whoever may read the document,
//! audited.

use continuum_app::App;
use continuum_app::release_handovers::ReleaseHandover;
use continuum_domain::handover::OutTransferFields;
use continuum_domain::oat::PrescriptionFields;
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;
use reqwest::header::ACCEPT_LANGUAGE;
use serde_json::Value;

use crate::fhir::schema_check;
use crate::fhir_handover::of_kind;
use crate::on_both_backends;
use crate::referrals::audit_rows;
use crate::support::actor;

/// A person at Hasselt with a care plan (two goals) and methadone 60 mg,
/// whose earlier buprenorphine stopped the day before, transferred out of
/// the programme today to Mons; answers the person and the handover
/// document.
async fn transferred_out(app: &App, family: &str) -> (i64, i64) {
    let worker = actor(app, "care_worker.has").await;
    let medical = actor(app, "medical.has").await;
    let person = crate::release_handover::in_care_on_methadone(app, family).await;
    let earlier = PrescriptionFields { medicine: "buprenorphine", daily_dose: "8", ..crate::oat::methadone("8") };
    let stopped = app.record_prescription(&medical, person, &earlier).await.expect("prescribed");
    let yesterday = app.register_today().yesterday().expect("a day").to_string();
    app.stop_prescription(&medical, stopped, &yesterday, "Switched to methadone").await.expect("stopped");
    let today = app.register_today().to_string();
    let fields = OutTransferFields { prison: "Prison de Mons", language: "fr", transfer_date: &today };
    let done = app.transfer_out_of_programme(&worker, person, &fields).await.expect("transferred out");
    (person, done.document_id)
}

pub(crate) async fn fetch(
    client: &reqwest::Client,
    server: &TestServer,
    document: i64,
    language: &str,
) -> (StatusCode, Value) {
    let url = server.url(&format!("/api/v1/handover-documents/{document}/bundle"));
    let response = client.get(url).header(ACCEPT_LANGUAGE, language).send().await.expect("request");
    let status = response.status();
    (status, response.json().await.expect("JSON"))
}

async fn the_transfer_out_bundle_is_valid_fhir_r4_in_every_language(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let (_, document) = transferred_out(&server.app, "Valid").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let dir = tempfile::tempdir().expect("a directory");
    let mut files = Vec::new();
    for language in ["nl", "fr", "en"] {
        let (status, bundle) = fetch(&client, &server, document, language).await;
        assert_eq!(status, StatusCode::OK, "{bundle}");
        assert_eq!(bundle["type"], "collection");
        let file = dir.path().join(format!("transfer-{language}.json"));
        std::fs::write(&file, bundle.to_string()).expect("written");
        files.push(file);
    }
    let (valid, said) = schema_check(&files);
    assert!(valid, "{said}");
    server.stop().await;
}
on_both_backends!(the_transfer_out_bundle_is_valid_fhir_r4_in_every_language);

async fn the_transfer_out_bundle_holds_the_oat_current_at_the_transfer_and_the_plans_goals(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let (person, document) = transferred_out(&server.app, "Carried").await;
    let client = server.client_for("medical.has").await.expect("signs in");
    let (status, bundle) = fetch(&client, &server, document, "en").await;
    assert_eq!(status, StatusCode::OK, "{bundle}");
    let today = server.app.register_today().to_string();
    let medications = of_kind(&bundle, "MedicationStatement");
    assert_eq!(medications.len(), 1, "not the buprenorphine stopped the day before: {bundle}");
    assert_eq!(medications[0]["effectiveDateTime"], today.as_str(), "the last dose, on the day of the transfer");
    assert_eq!(medications[0]["dosage"][0]["doseAndRate"][0]["doseQuantity"]["value"], 60.0);
    let goals: Vec<&str> = of_kind(&bundle, "Goal").iter().filter_map(|g| g["description"]["text"].as_str()).collect();
    assert_eq!(goals, ["No heroin use in prison", "Find housing before release"]);
    assert_eq!(of_kind(&bundle, "CarePlan").len(), 1);
    assert_eq!(of_kind(&bundle, "EpisodeOfCare")[0]["status"], "finished", "the pathway the transfer closed");
    assert_eq!(of_kind(&bundle, "Organization")[0]["name"], "Prison de Mons", "the receiving prison");
    assert_eq!(of_kind(&bundle, "Patient")[0]["id"], person.to_string());
    assert!(of_kind(&bundle, "Consent").is_empty(), "no sharing consent between prisons");
    let provenance = of_kind(&bundle, "Provenance")[0];
    let entries = bundle["entry"].as_array().map(Vec::len).unwrap_or_default();
    assert_eq!(provenance["target"].as_array().map(Vec::len), Some(entries - 1), "every other entry");
    assert!(provenance["agent"][0]["onBehalfOf"]["display"].as_str().unwrap_or_default().starts_with("HAS"));
    server.stop().await;
}
on_both_backends!(the_transfer_out_bundle_holds_the_oat_current_at_the_transfer_and_the_plans_goals);

async fn another_prisons_transfer_out_bundle_is_not_found(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let (_, document) = transferred_out(&server.app, "Elsewhere").await;
    let ghent = server.client_for("care_worker.gen").await.expect("signs in");
    let (status, body) = fetch(&ghent, &server, document, "en").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "another prison's document");
    assert!(!body.to_string().contains("Elsewhere"));
    assert_eq!(fetch(&ghent, &server, 999_999, "en").await.0, StatusCode::NOT_FOUND, "an unknown document");
    server.stop().await;
}
on_both_backends!(another_prisons_transfer_out_bundle_is_not_found);

async fn roles_without_clinical_access_are_refused_the_transfer_out_bundle(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let (_, document) = transferred_out(&server.app, "Guarded").await;
    for username in ["prison_staff.has", "psychosocial.has", "director.has", "researcher", "external_provider.fr"] {
        let client = server.client_for(username).await.expect("signs in");
        let (status, body) = fetch(&client, &server, document, "en").await;
        assert!(matches!(status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND), "{username}: {status}");
        assert!(!body.to_string().contains("Guarded"), "{username}");
    }
    let staff = server.client_for("prison_staff.has").await.expect("signs in");
    assert_eq!(fetch(&staff, &server, document, "en").await.0, StatusCode::FORBIDDEN, "prison staff");
    server.stop().await;
}
on_both_backends!(roles_without_clinical_access_are_refused_the_transfer_out_bundle);

async fn reading_the_transfer_out_bundle_is_audited_with_the_person_and_the_document(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let (person, document) = transferred_out(&server.app, "Audited").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    assert_eq!(fetch(&client, &server, document, "en").await.0, StatusCode::OK);
    let allowed = audit_rows(&server.app, "handover_bundle.transfer_out", "allowed").await;
    assert_eq!(allowed.len(), 1);
    assert_eq!(allowed[0].entry.person_id, Some(person));
    assert_eq!(allowed[0].entry.resource_id.as_deref(), Some(document.to_string().as_str()));
    let staff = server.client_for("prison_staff.has").await.expect("signs in");
    fetch(&staff, &server, document, "en").await;
    assert_eq!(audit_rows(&server.app, "handover_bundle.transfer_out", "denied").await.len(), 1, "the refusal");
    server.stop().await;
}
on_both_backends!(reading_the_transfer_out_bundle_is_audited_with_the_person_and_the_document);

async fn a_document_made_at_release_has_no_transfer_out_bundle(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let (person, organisation) = crate::release_handover::planning_release(&server.app, "Released").await;
    let worker = actor(&server.app, "care_worker.has").await;
    let sections = ["identity", "medication", "care_plan", "risks", "appointments"];
    crate::referrals::consent_to_share(&server.app, &worker, person, organisation, &sections).await;
    let ReleaseHandover::Made(document) = server.app.make_release_handover(&worker, person, "nl").await.expect("made")
    else {
        panic!("within the consent");
    };
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let (status, problem) = fetch(&client, &server, document, "en").await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    let kind = problem["type"].as_str().unwrap_or_default();
    assert!(kind.ends_with("/handover-bundle-at-release"), "{problem}");
    server.stop().await;
}
on_both_backends!(a_document_made_at_release_has_no_transfer_out_bundle);

async fn the_tracking_page_of_a_transfer_out_offers_its_bundle(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let (_, document) = transferred_out(&server.app, "Offered").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let page =
        client.get(server.url(&format!("/handover-documents/{document}/tracking"))).send().await.expect("request");
    let page = page.text().await.expect("a page");
    assert!(page.contains(&format!("href=\"/api/v1/handover-documents/{document}/bundle\"")), "the link is offered");
    server.stop().await;
}
on_both_backends!(the_tracking_page_of_a_transfer_out_offers_its_bundle);
