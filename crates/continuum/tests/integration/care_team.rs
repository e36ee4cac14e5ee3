//! The care worker responsible for a pathway: who may be chosen, who may
//! choose and see, what a transfer does, and the person's page.

use continuum_app::{Actor, App, AppError};
use continuum_domain::episode::TransferFields;
use continuum_domain::validation::Problem;
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;

use crate::on_both_backends;
use crate::support::{actor, audit_rows, demo_app};

/// The user id of a demo account.
async fn user_id(app: &App, username: &str) -> i64 {
    actor(app, username).await.user_id.0
}

fn problem_of(result: Result<(), AppError>, field: &str) -> Option<Problem> {
    match result {
        Err(AppError::Invalid(invalid)) => invalid.for_field(field).cloned(),
        other => panic!("expected invalid {field}, got {other:?}"),
    }
}

async fn has_person(app: &App, worker: &Actor, family: &str, number: &str) -> i64 {
    crate::screening::entered(app, worker, family, number).await
}

async fn a_clinician_of_the_prison_is_made_responsible_and_every_assignment_is_kept(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = has_person(&test.app, &worker, "Assigned", "C-1").await;
    let team = test.app.care_team(&worker, person).await.expect("readable");
    assert_eq!(team.responsible, None);
    let candidates: Vec<&str> = team.candidates.iter().map(|c| c.username.as_str()).collect();
    assert!(candidates.contains(&"care_worker.has") && candidates.contains(&"medical.has"), "{candidates:?}");
    assert!(!candidates.iter().any(|c| c.ends_with(".gen") || c.starts_with("psychosocial")), "{candidates:?}");

    let medical = user_id(&test.app, "medical.has").await;
    test.app.assign_care_worker(&worker, person, Some(worker.user_id.0)).await.expect("assigned");
    test.app.assign_care_worker(&worker, person, Some(medical)).await.expect("changed");
    let team = test.app.care_team(&worker, person).await.expect("readable");
    assert_eq!(team.responsible.map(|r| r.username), Some("medical.has".to_owned()));
    let history: Vec<(Option<i64>, Option<&str>)> =
        team.history.iter().map(|a| (a.user_id, a.assigned_by.as_deref())).collect();
    assert_eq!(
        history,
        vec![(Some(medical), Some("care_worker.has")), (Some(worker.user_id.0), Some("care_worker.has"))]
    );

    test.app.assign_care_worker(&worker, person, None).await.expect("nobody");
    assert_eq!(test.app.care_team(&worker, person).await.expect("readable").responsible, None);
}
on_both_backends!(a_clinician_of_the_prison_is_made_responsible_and_every_assignment_is_kept);

async fn only_a_care_worker_or_the_medical_service_of_the_persons_prison_may_be_responsible(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = has_person(&test.app, &worker, "Refused", "C-2").await;
    let mut others = Vec::new();
    for username in ["care_worker.gen", "psychosocial.has", "prison_staff.has", "director.has", "admin"] {
        others.push((username, user_id(&test.app, username).await));
    }
    let before = audit_rows(&test.app).await;
    for (username, other) in others {
        let refused = test.app.assign_care_worker(&worker, person, Some(other)).await;
        assert_eq!(problem_of(refused, "user_id"), Some(Problem::NotClinicalAtSite), "{username}");
    }
    let unknown = test.app.assign_care_worker(&worker, person, Some(999_999)).await;
    assert_eq!(problem_of(unknown, "user_id"), Some(Problem::NotClinicalAtSite), "an unknown user alike");
    assert_eq!(audit_rows(&test.app).await, before, "nothing written, nothing audited as a change");
    assert!(test.app.care_team(&worker, person).await.expect("readable").history.is_empty());
}
on_both_backends!(only_a_care_worker_or_the_medical_service_of_the_persons_prison_may_be_responsible);

async fn roles_without_clinical_access_are_refused_and_another_prisons_team_finds_nothing(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = has_person(&test.app, &worker, "Guarded", "C-3").await;
    for username in ["psychosocial.has", "prison_staff.has", "director.has", "researcher", "admin"] {
        let outsider = actor(&test.app, username).await;
        let read = test.app.care_team(&outsider, person).await;
        assert!(matches!(read, Err(AppError::Forbidden)), "{username}: {read:?}");
        let write = test.app.assign_care_worker(&outsider, person, Some(worker.user_id.0)).await;
        assert!(matches!(write, Err(AppError::Forbidden)), "{username}: {write:?}");
    }
    let other = actor(&test.app, "care_worker.gen").await;
    for id in [person, 999_999] {
        assert!(matches!(test.app.care_team(&other, id).await, Err(AppError::NotFound)), "{id}");
        let write = test.app.assign_care_worker(&other, id, Some(other.user_id.0)).await;
        assert!(matches!(write, Err(AppError::NotFound)), "{id}: {write:?}");
    }
}
on_both_backends!(roles_without_clinical_access_are_refused_and_another_prisons_team_finds_nothing);

async fn a_transfer_hands_the_pathway_to_the_receiving_team_without_its_worker(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = has_person(&test.app, &worker, "Handed", "C-4").await;
    test.app.assign_care_worker(&worker, person, Some(worker.user_id.0)).await.expect("assigned");
    let episode = test.app.get_person(&worker, person).await.expect("readable").episodes[0].id;
    let transfer = TransferFields { site: "GEN", transfer_date: "2026-11-10", prison_number: "" };
    test.app.transfer_person(&worker, episode, &transfer).await.expect("transferred");
    let receiving = actor(&test.app, "care_worker.gen").await;
    let team = test.app.care_team(&receiving, person).await.expect("the receiving team sees it");
    assert_eq!(team.responsible, None);
    assert_eq!(team.history.first().map(|a| a.user_id), Some(None), "the handover is recorded");
    assert!(team.candidates.iter().all(|c| c.username.ends_with(".gen")), "{:?}", team.candidates);
    test.app.assign_care_worker(&receiving, person, Some(receiving.user_id.0)).await.expect("taken up");
}
on_both_backends!(a_transfer_hands_the_pathway_to_the_receiving_team_without_its_worker);

async fn the_form_names_a_user_who_may_not_be_responsible_and_the_page_shows_the_one_chosen(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = has_person(&server.app, &worker, "Shown", "C-5").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let csrf = server.csrf_token(&client).await.expect("token");
    let form = server.url(&format!("/people/{person}/care-worker"));
    let bad = [("csrf", csrf.as_str()), ("user_id", "999999")];
    let response = client.post(&form).form(&bad).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("page");
    assert!(html.contains("user_id-error") && html.contains("error-summary"), "named on the form");
    let mine = worker.user_id.0.to_string();
    let good = [("csrf", csrf.as_str()), ("user_id", mine.as_str())];
    let response = client.post(&form).form(&good).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = client.get(server.url(&format!("/people/{person}"))).send().await.expect("request");
    let html = page.text().await.expect("page");
    assert!(html.contains("Verantwoordelijke zorgverlener") && html.contains("Zorgverlener HAS"), "shown");
    let medical = server.client_for("medical.has").await.expect("signs in");
    let response = medical.get(server.url(&format!("/people/{person}"))).send().await.expect("request");
    assert!(response.text().await.expect("page").contains("Zorgverlener HAS"), "the medical service sees it too");
    server.stop().await;
}
on_both_backends!(the_form_names_a_user_who_may_not_be_responsible_and_the_page_shows_the_one_chosen);
