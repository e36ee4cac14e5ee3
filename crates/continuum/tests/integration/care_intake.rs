//! The intake and assessment (issue 5, item 1): recorded with its TDI items
//! as codes, moving the pathway in the same transaction; corrected as new
//! versions; clinical (care workers and the medical service of the
//! person's prison only); through the pages and the API.

use continuum_app::audit_trail::AuditFilter;
use continuum_app::{Actor, App, AppError, Paging};
use continuum_domain::care::intake::IntakeFields;
use continuum_domain::pathway::RefusalReason;
use continuum_domain::validation::Problem;
use continuum_testkit::database::{Backend, TestDatabase};
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::{actor, demo_app};

/// A complete intake of a person who injects heroin and takes methadone outside.
pub(crate) fn intake_fields(secondary: &[String]) -> IntakeFields<'_> {
    IntakeFields {
        intake_date: "2026-11-10",
        referral_source: "hospital_medical",
        previous_treatment: "previously",
        ever_oat: "yes",
        primary_substance: "heroin",
        secondary_substances: secondary,
        route: "inject",
        frequency: "daily",
        first_use_age: "19",
        injecting: "last_30_days",
        first_injection_age: "22",
        needle_sharing: "never",
        living_with: "alone",
        lives_with_children: "no",
        accommodation: "unstable",
        labour_status: "unemployed",
        education: "lower_secondary",
        hiv_test: "last_12_months",
        hcv_test: "never",
        oat_outside: "yes",
        oat_medicine: "methadone",
        oat_dose_mg: "80",
        dose_confirmed: false,
        oat_prescriber: "Dr. A. Janssens",
        oat_last_dose_on: "2026-11-01",
        oat_last_dose_at: "",
        health_insurance: "yes",
        health: "Hepatitis C treated in 2024.",
        social: "",
        goals: "Stay on methadone",
        language: "nl",
        interpreter: false,
    }
}

/// A person entered at HAS whose screening was positive (intake proposed).
pub(crate) async fn screened_positive(app: &App, worker: &Actor, family: &str) -> i64 {
    let person = crate::screening::entered(app, worker, family, &format!("C-{family}")).await;
    let screening = app.start_screening(worker, person).await.expect("started");
    crate::screening::answer_all(app, worker, screening, "opioids").await;
    assert!(app.complete_screening(worker, screening).await.expect("completed").positive);
    person
}

/// The state of a person's current pathway, read around the application.
pub(crate) async fn pathway_state(db: &TestDatabase, person: i64) -> String {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(&db.url).await.expect("connects");
    let (state,): (String,) =
        sqlx::query_as("SELECT state FROM pathways WHERE person_id = $1 ORDER BY id DESC LIMIT 1")
            .bind(person)
            .fetch_one(&mut conn)
            .await
            .expect("a pathway");
    state
}

async fn audited(app: &App, action: &str) -> i64 {
    let admin = actor(app, "admin").await;
    let filter = AuditFilter { action: Some(action.into()), ..AuditFilter::default() };
    app.search_audit(&admin, &filter, Paging::default()).await.expect("search").total
}

async fn recording_the_intake_moves_the_pathway_in_the_same_transaction(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = screened_positive(&test.app, &worker, "Intaker").await;
    assert_eq!(pathway_state(&test.db, person).await, "intake_proposed");
    let secondary = vec!["cocaine".to_owned()];
    let id = test.app.record_intake(&worker, person, &intake_fields(&secondary)).await.expect("recorded");
    assert_eq!(pathway_state(&test.db, person).await, "intake");
    let intake = test.app.intake(&worker, id).await.expect("read");
    assert_eq!((intake.primary_substance.as_str(), intake.secondary_substances.as_str()), ("heroin", "cocaine"));
    assert_eq!((intake.oat_medicine.as_deref(), intake.oat_dose), (Some("methadone"), Some(800)));
    assert_eq!(audited(&test.app, "intake.create").await, 1);
    let again = test.app.record_intake(&worker, person, &intake_fields(&[])).await;
    assert!(matches!(again, Err(AppError::PathwayRefused(r)) if r.reason == RefusalReason::NotAllowed), "{again:?}");
    assert_eq!(test.app.person_intakes(&worker, person).await.expect("list").len(), 1, "nothing written");
}
on_both_backends!(recording_the_intake_moves_the_pathway_in_the_same_transaction);

async fn an_intake_at_the_persons_request_needs_no_screening(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "medical.has").await;
    let person = crate::screening::entered(&test.app, &worker, "Asking", "C-ASK").await;
    assert_eq!(pathway_state(&test.db, person).await, "signalled");
    test.app.record_intake(&worker, person, &intake_fields(&[])).await.expect("recorded");
    assert_eq!(pathway_state(&test.db, person).await, "intake");
}
on_both_backends!(an_intake_at_the_persons_request_needs_no_screening);

async fn an_invalid_intake_writes_nothing_and_names_each_field(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = screened_positive(&test.app, &worker, "Invalid").await;
    let mut fields = intake_fields(&[]);
    fields.intake_date = "2026-10-01";
    fields.oat_dose_mg = "300";
    fields.route = "";
    match test.app.record_intake(&worker, person, &fields).await {
        Err(AppError::Invalid(invalid)) => {
            assert_eq!(invalid.for_field("intake_date"), Some(&Problem::BeforeEntry));
            assert!(matches!(invalid.for_field("oat_dose_mg"), Some(Problem::DoseUnusual { .. })));
            assert_eq!(invalid.for_field("route"), Some(&Problem::Required));
        }
        other => panic!("refused as invalid: {other:?}"),
    }
    assert_eq!(pathway_state(&test.db, person).await, "intake_proposed", "the pathway did not move");
    assert!(test.app.person_intakes(&worker, person).await.expect("list").is_empty());
}
on_both_backends!(an_invalid_intake_writes_nothing_and_names_each_field);

async fn a_correction_is_a_new_version_and_a_stale_one_is_refused(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = screened_positive(&test.app, &worker, "Amended").await;
    let first = test.app.record_intake(&worker, person, &intake_fields(&[])).await.expect("recorded");
    let mut fields = intake_fields(&[]);
    fields.primary_substance = "methadone_misused";
    let second = test.app.amend_intake(&worker, first, &fields).await.expect("amended");
    let all = test.app.person_intakes(&worker, person).await.expect("list");
    assert_eq!(all.iter().map(|i| i.id).collect::<Vec<_>>(), vec![second, first], "both kept, newest first");
    assert_eq!(all[0].amends, Some(first));
    assert_eq!(all[1].superseded_by, Some(second));
    assert_eq!(all[0].primary_substance, "methadone_misused");
    assert!(matches!(test.app.amend_intake(&worker, first, &fields).await, Err(AppError::Conflict(_))));
    assert_eq!(pathway_state(&test.db, person).await, "intake", "a correction does not move the pathway");
}
on_both_backends!(a_correction_is_a_new_version_and_a_stale_one_is_refused);

async fn another_prisons_intake_is_not_found_and_other_roles_see_nothing(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = screened_positive(&test.app, &worker, "Elsewhere").await;
    let id = test.app.record_intake(&worker, person, &intake_fields(&[])).await.expect("recorded");
    for username in ["care_worker.gen", "medical.lan"] {
        let other = actor(&test.app, username).await;
        assert!(matches!(test.app.intake(&other, id).await, Err(AppError::NotFound)), "{username}");
        assert!(matches!(test.app.intake(&other, 999_999).await, Err(AppError::NotFound)), "{username}");
        assert!(matches!(test.app.person_intakes(&other, person).await, Err(AppError::NotFound)), "{username}");
        let amended = test.app.amend_intake(&other, id, &intake_fields(&[])).await;
        assert!(matches!(amended, Err(AppError::NotFound)), "{username}");
    }
    for username in ["psychosocial.has", "prison_staff.has", "director.has", "researcher", "admin"] {
        let other = actor(&test.app, username).await;
        assert!(matches!(test.app.intake(&other, id).await, Err(AppError::Forbidden)), "{username}");
        assert!(matches!(test.app.person_intakes(&other, person).await, Err(AppError::Forbidden)), "{username}");
        let recorded = test.app.record_intake(&other, person, &intake_fields(&[])).await;
        assert!(matches!(recorded, Err(AppError::Forbidden)), "{username}");
    }
}
on_both_backends!(another_prisons_intake_is_not_found_and_other_roles_see_nothing);

async fn the_intake_page_records_and_reshows_what_was_typed(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = screened_positive(&server.app, &worker, "Pageintake").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let page = client.get(server.url(&format!("/people/{person}/intake"))).send().await.expect("request");
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("body");
    assert!(html.contains(r#"name="primary_substance""#), "the form, as no intake exists");
    let csrf = continuum_testkit::server::csrf_in(&html).expect("token");
    let mut form = vec![
        ("csrf", csrf.as_str()),
        ("intake_date", "2026-11-10"),
        ("referral_source", "self"),
        ("previous_treatment", "never"),
        ("ever_oat", "no"),
        ("primary_substance", "cocaine"),
        ("secondary_substances", "alcohol"),
        ("secondary_substances", "cannabis"),
        ("route", "sniff"),
        ("frequency", "daily"),
        ("injecting", "never"),
        ("living_with", "partner"),
        ("lives_with_children", "yes"),
        ("accommodation", "stable"),
        ("labour_status", "employed"),
        ("education", "higher"),
        ("hiv_test", "unknown"),
        ("hcv_test", "unknown"),
        ("oat_outside", "no"),
        ("health_insurance", "yes"),
        ("goals", "Keep my job"),
        ("language", "xyz"),
    ];
    let refused = client.post(server.url(&format!("/people/{person}/intake"))).form(&form).send().await.expect("post");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.expect("body");
    assert!(html.contains(r##"href="#language""##), "the summary names the field");
    assert!(html.contains("Keep my job"), "what was typed is shown again");
    assert!(html.contains(r#"value="cannabis" checked"#), "the ticked boxes stay ticked");
    form.retain(|(name, _)| *name != "language");
    form.push(("language", "fr"));
    let saved = client.post(server.url(&format!("/people/{person}/intake"))).form(&form).send().await.expect("post");
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let html = client
        .get(server.url(&format!("/people/{person}/intake?saved=1")))
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("body");
    assert!(html.contains("Cocaïne (poeder)") && html.contains("Keep my job"), "the intake is shown, in Dutch: {html}");
    assert_eq!(pathway_state(&server.db, person).await, "intake");
    server.stop().await;
}
on_both_backends!(the_intake_page_records_and_reshows_what_was_typed);

async fn the_api_records_an_intake_and_answers_problems_by_field(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = screened_positive(&server.app, &worker, "Apiintake").await;
    let client = server.client_for("medical.has").await.expect("signs in");
    let url = server.url(&format!("/api/v1/people/{person}/intakes"));
    let mut body = json!({
        "intake_date": "2026-11-10", "referral_source": "justice", "previous_treatment": "unknown",
        "ever_oat": "yes", "primary_substance": "heroin", "secondary_substances": ["crack"], "route": "smoke_inhale",
        "frequency": "days_4_6", "first_use_age": 17, "injecting": "more_than_12_months", "needle_sharing": "unknown",
        "living_with": "unknown", "lives_with_children": "unknown", "accommodation": "unknown",
        "labour_status": "unknown", "education": "unknown", "hiv_test": "unknown", "hcv_test": "unknown",
        "oat_outside": "yes", "oat_medicine": "buprenorphine", "oat_dose_mg": 32, "oat_prescriber": "MSOC",
        "oat_last_dose_on": "2026-11-01", "health_insurance": "unknown", "language": "fr"
    });
    let unusual = client.post(&url).json(&body).send().await.expect("request");
    assert_eq!(unusual.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = unusual.json().await.expect("JSON");
    assert_eq!(problem["errors"][0]["field"], "oat_dose_mg");
    assert_eq!(problem["errors"][0]["code"], "dose-unusual");
    body["dose_confirmed"] = json!(true);
    let created = client.post(&url).json(&body).send().await.expect("request");
    assert_eq!(created.status(), StatusCode::CREATED);
    let intake: Value = created.json().await.expect("JSON");
    assert_eq!(intake["oat"]["atc"], "N07BC01");
    assert_eq!(intake["oat"]["dose_mg"], 32.0);
    let again = client.post(&url).json(&body).send().await.expect("request");
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let problem: Value = again.json().await.expect("JSON");
    let detail = problem["detail"].as_str().unwrap_or_default();
    assert!(detail.contains("Intake registreren") && !detail.contains('{'), "the step, translated: {detail}");
    let id = intake["id"].as_i64().expect("id");
    let elsewhere = server.client_for("care_worker.gen").await.expect("signs in");
    let theirs: Value = elsewhere
        .get(server.url(&format!("/api/v1/intakes/{id}")))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("JSON");
    let nothing: Value =
        elsewhere.get(server.url("/api/v1/intakes/999999")).send().await.expect("request").json().await.expect("JSON");
    assert_eq!(
        (theirs["status"].clone(), theirs["detail"].clone()),
        (nothing["status"].clone(), nothing["detail"].clone())
    );
    assert_eq!(theirs["status"], 404);
    server.stop().await;
}
on_both_backends!(the_api_records_an_intake_and_answers_problems_by_field);
