//! The handover at release as a FHIR R4 Bundle (issue 6, item 6): valid R4
//! (tools/fhir-validator) with the person, the pathway, the care plan and
//! its goals, the current OAT with its last dose, the referral, the consent
//! it rests on and its provenance; only within the sharing consent (each
//! missing consent named, the refusal audited), for the clinical team of
//! the person's prison.

use continuum_app::referrals::Creation;
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;
use reqwest::header::ACCEPT_LANGUAGE;
use serde_json::Value;

use crate::fhir::schema_check;
use crate::on_both_backends;
use crate::referrals::audit_rows;
use crate::release_handover::planning_release;
use crate::support::actor;

const ALL_SECTIONS: [&str; 5] = ["identity", "medication", "care_plan", "risks", "appointments"];

async fn fetch(client: &reqwest::Client, server: &TestServer, person: i64, language: &str) -> (StatusCode, Value) {
    let url = server.url(&format!("/api/v1/people/{person}/handover-bundle"));
    let response = client.get(url).header(ACCEPT_LANGUAGE, language).send().await.expect("request");
    let status = response.status();
    (status, response.json().await.expect("JSON"))
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

pub(crate) fn of_kind<'a>(bundle: &'a Value, kind: &str) -> Vec<&'a Value> {
    bundle["entry"]
        .as_array()
        .map(|entries| entries.iter().map(|e| &e["resource"]).filter(|r| r["resourceType"] == kind).collect())
        .unwrap_or_default()
}

async fn the_handover_bundle_is_valid_fhir_r4_with_what_the_receiver_needs(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let (person, organisation) = planning_release(&server.app, "Bundled").await;
    let worker = actor(&server.app, "care_worker.has").await;
    let consent = crate::referrals::consent_to_share(&server.app, &worker, person, organisation, &ALL_SECTIONS).await;
    let (service, _) = crate::referrals::fitting_service(&server.app).await;
    let draft = crate::referrals::referral(service, &["identity", "medication"]);
    let Creation::Created(referral) = server.app.create_referral(&worker, person, &draft, true).await.expect("written")
    else {
        panic!("the service fits the person");
    };
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let dir = tempfile::tempdir().expect("a directory");
    let mut files = Vec::new();
    for language in ["nl", "fr", "en"] {
        let (status, bundle) = fetch(&client, &server, person, language).await;
        assert_eq!(status, StatusCode::OK, "{bundle}");
        let file = dir.path().join(format!("handover-{language}.json"));
        std::fs::write(&file, bundle.to_string()).expect("written");
        files.push(file);
    }
    let (valid, said) = schema_check(&files);
    assert!(valid, "{said}");
    let (_, bundle) = fetch(&client, &server, person, "en").await;
    assert_eq!(bundle["type"], "collection");
    assert_eq!(
        kinds(&bundle),
        [
            "Patient",
            "EpisodeOfCare",
            "CarePlan",
            "Goal",
            "Goal",
            "MedicationStatement",
            "ServiceRequest",
            "Consent",
            "Provenance"
        ]
    );
    let today = server.app.register_today().to_string();
    let medication = of_kind(&bundle, "MedicationStatement")[0];
    assert_eq!(medication["effectiveDateTime"], today.as_str(), "the last dose in prison");
    assert_eq!(medication["dosage"][0]["doseAndRate"][0]["doseQuantity"]["value"], 60.0);
    assert_eq!(of_kind(&bundle, "ServiceRequest")[0]["id"], referral.to_string());
    assert_eq!(of_kind(&bundle, "Consent")[0]["id"], consent.to_string());
    let provenance = of_kind(&bundle, "Provenance")[0];
    assert_eq!(provenance["target"].as_array().map(Vec::len), Some(8), "every other entry");
    assert!(provenance["agent"][0]["onBehalfOf"]["display"].as_str().unwrap_or_default().starts_with("HAS"));
    assert_eq!(of_kind(&bundle, "Patient")[0]["name"][0]["family"], "Bundled");
    assert_eq!(audit_rows(&server.app, "handover_bundle.release", "allowed").await.len(), 4);
    server.stop().await;
}
on_both_backends!(the_handover_bundle_is_valid_fhir_r4_with_what_the_receiver_needs);

async fn without_the_sharing_consent_no_bundle_is_given_and_the_missing_consent_is_named(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let (person, organisation) = planning_release(&server.app, "Unbundled").await;
    let worker = actor(&server.app, "care_worker.has").await;
    crate::referrals::consent_to_share(&server.app, &worker, person, organisation, &["identity", "medication"]).await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let (status, problem) = fetch(&client, &server, person, "en").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
    let said = problem.to_string();
    assert!(said.contains("Drughulp Limburg (demo)") && said.contains("sections"), "{said}");
    assert!(!said.contains("Unbundled"), "nothing of the person: {said}");
    let denied = audit_rows(&server.app, "handover_bundle.release", "denied").await;
    let reason = denied[0].entry.reason.clone().unwrap_or_default();
    assert!(reason.contains("section=care_plan lack=section_not_covered"), "{reason}");
    assert_eq!(denied[0].entry.person_id, Some(person));
    server.stop().await;
}
on_both_backends!(without_the_sharing_consent_no_bundle_is_given_and_the_missing_consent_is_named);

async fn the_handover_bundle_is_for_the_clinical_team_of_the_persons_prison(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let (person, organisation) = planning_release(&server.app, "Guarded").await;
    let worker = actor(&server.app, "care_worker.has").await;
    crate::referrals::consent_to_share(&server.app, &worker, person, organisation, &ALL_SECTIONS).await;
    for username in ["medical.has", "care_worker.has"] {
        let client = server.client_for(username).await.expect("signs in");
        assert_eq!(fetch(&client, &server, person, "en").await.0, StatusCode::OK, "{username}");
    }
    for username in ["prison_staff.has", "psychosocial.has", "director.has", "researcher"] {
        let client = server.client_for(username).await.expect("signs in");
        let (status, body) = fetch(&client, &server, person, "en").await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{username}");
        assert!(!body.to_string().contains("Guarded"), "{username}");
    }
    let ghent = server.client_for("care_worker.gen").await.expect("signs in");
    assert_eq!(fetch(&ghent, &server, person, "en").await.0, StatusCode::NOT_FOUND, "another prison's person");
    assert_eq!(fetch(&ghent, &server, 999_999, "en").await.0, StatusCode::NOT_FOUND, "an unknown person");
    server.stop().await;
}
on_both_backends!(the_handover_bundle_is_for_the_clinical_team_of_the_persons_prison);

async fn the_release_plan_page_offers_the_bundle(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let (person, _) = planning_release(&server.app, "Offered").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let page = client.get(server.url(&format!("/people/{person}/release-plan"))).send().await.expect("request");
    let page = page.text().await.expect("a page");
    assert!(page.contains(&format!("href=\"/api/v1/people/{person}/handover-bundle\"")), "the link is offered");
    server.stop().await;
}
on_both_backends!(the_release_plan_page_offers_the_bundle);

/// Seeds the demo's care pathways and transfers, then walks every person
/// of every pilot prison as its care worker: every handover at release and
/// every transfer-out handover the demo can produce is given as a Bundle,
/// there is at least one of each, and each is valid R4.
async fn every_handover_bundle_the_demo_can_produce_is_valid_fhir_r4(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    continuum_app::demo::seed_oat_and_transfers(&server.app).await.expect("the demo's OAT and transfers");
    continuum_app::demo::seed_care_pathways(&server.app).await.expect("the demo's care pathways");
    let dir = tempfile::tempdir().expect("a directory");
    let (mut releases, mut transfers) = (Vec::new(), Vec::new());
    let mut regions_released = std::collections::BTreeSet::new();
    for site in continuum_domain::site::PILOT_SITES {
        let username = format!("care_worker.{}", site.code.to_ascii_lowercase());
        let worker = actor(&server.app, &username).await;
        let client = server.client_for(&username).await.expect("signs in");
        for page in 1.. {
            let paging = continuum_app::Paging { page, per_page: 100 };
            let order = continuum_app::people::PeopleOrder::EntryNewest;
            let people = server.app.search_people(&worker, "", order, paging).await.expect("listed").items;
            if people.is_empty() {
                break;
            }
            for candidate in people {
                let (status, body) = fetch(&client, &server, candidate.id, "fr").await;
                match status {
                    StatusCode::OK => {
                        let file = dir.path().join(format!("release-{}.json", candidate.id));
                        std::fs::write(&file, body.to_string()).expect("written");
                        releases.push(file);
                        regions_released.insert(site.languages[0].code());
                    }
                    // Not a handover's occasion, or outside the consent.
                    StatusCode::CONFLICT | StatusCode::UNPROCESSABLE_ENTITY => {}
                    other => panic!("{username} person {}: {other} {body}", candidate.id),
                }
                let documents = server.app.handover_documents(&worker, candidate.id).await.expect("listed");
                for document in documents.iter().filter(|d| d.organisation_id.is_none()) {
                    let (status, body) =
                        crate::fhir_transfer_handover::fetch(&client, &server, document.id, &document.language).await;
                    assert_eq!(status, StatusCode::OK, "{username} document {}: {body}", document.id);
                    let file = dir.path().join(format!("transfer-{}.json", document.id));
                    std::fs::write(&file, body.to_string()).expect("written");
                    transfers.push(file);
                }
            }
        }
    }
    assert_eq!(
        regions_released.into_iter().collect::<Vec<_>>(),
        ["fr", "nl"],
        "the demo plans a release within a full sharing consent in each region"
    );
    assert!(!transfers.is_empty(), "the demo transfers someone out of the programme");
    let (valid, said) = schema_check(&[releases, transfers].concat());
    assert!(valid, "{said}");
    server.stop().await;
}
on_both_backends!(every_handover_bundle_the_demo_can_produce_is_valid_fhir_r4);
