//! Opioid agonist treatment (issue 5, item 4): prescriptions written by the
//! medical service and read by care workers, doses checked, OAT declared at
//! entry with its 24-hour alert and the continuity recorded, and who may
//! see any of it (through the application and over HTTP).

use continuum_app::people::{NewEntry, Registration};
use continuum_app::{Actor, App, AppError};
use continuum_domain::oat::{
    ContinuityFields, ContinuityStatus, DeclarationFields, InterruptionReason, PrescriptionFields,
};
use continuum_domain::person::{EpisodeDraft, EpisodeFields, PersonDraft, PersonFields};
use continuum_domain::validation::Problem;
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use jiff::SignedDuration;
use reqwest::StatusCode;

use crate::on_both_backends;
use crate::support::{actor, audit_rows, demo_app};

/// Registers someone entering `site` on `entry` (today when `None`);
/// answers the person.
pub async fn entered_at(app: &App, worker: &Actor, site: &str, family: &str, number: &str, entry: Option<&str>) -> i64 {
    let today = app.register_today();
    let person = PersonDraft::parse(
        &PersonFields {
            family_name: family,
            given_names: "Test",
            birth_date: "1979-04-04",
            sex: "male",
            nationality: "BE",
            languages: "nl",
            preferred_language: "",
        },
        today,
    )
    .expect("valid");
    let entry_date = entry.map(str::to_owned).unwrap_or_else(|| today.to_string());
    let episode = EpisodeDraft::parse(
        &EpisodeFields { prison_number: number, entry_date: &entry_date, legal_status: "remand", expected_release: "" },
        Some(person.birth_date),
        today,
    )
    .expect("valid");
    let site = worker.sites.iter().find(|s| s.code == site).map(|s| s.id).expect("the worker's prison");
    let entry = NewEntry { person, episode, not_a_duplicate: true };
    let Registration::Registered(id) = app.register_entry(worker, site, &entry).await.expect("registered") else {
        panic!("held back as a duplicate");
    };
    id
}

pub fn methadone(dose: &str) -> PrescriptionFields<'_> {
    PrescriptionFields {
        medicine: "methadone",
        daily_dose: dose,
        prescriber: "Dr. Maes",
        start_date: "2026-01-05",
        observed: true,
        ..PrescriptionFields::default()
    }
}

pub fn declared(medicine: &str) -> DeclarationFields<'_> {
    DeclarationFields {
        medicine,
        daily_dose: "60",
        last_dose_date: "2026-01-01",
        prescriber: "MSOC Antwerpen",
        ..DeclarationFields::default()
    }
}

fn field_of<T: std::fmt::Debug>(result: Result<T, AppError>, field: &str) -> Option<Problem> {
    match result {
        Err(AppError::Invalid(invalid)) => invalid.for_field(field).cloned(),
        other => panic!("expected invalid {field}, got {other:?}"),
    }
}

async fn the_medical_service_prescribes_and_care_workers_only_read(backend: Backend) {
    let test = demo_app(backend).await;
    let (medical, worker) = (actor(&test.app, "medical.has").await, actor(&test.app, "care_worker.has").await);
    let person = entered_at(&test.app, &worker, "HAS", "Oat-One", "OAT-1", None).await;
    let before = audit_rows(&test.app).await;
    test.app.record_prescription(&medical, person, &methadone("80")).await.expect("prescribed");
    assert!(audit_rows(&test.app).await > before, "the prescription is audited");
    let record = test.app.person_oat(&worker, person).await.expect("the care worker reads");
    assert_eq!(record.prescriptions.len(), 1);
    let prescription = &record.prescriptions[0];
    assert_eq!((prescription.medicine.as_str(), prescription.daily_dose_ug), ("methadone", 80_000));
    assert!(prescription.observed && prescription.stop_date.is_none());
    assert_eq!(prescription.site_code, "HAS");
    let written = test.app.record_prescription(&worker, person, &methadone("80")).await;
    assert!(matches!(written, Err(AppError::Forbidden)), "{written:?}");
    assert_eq!(test.app.person_oat(&worker, person).await.expect("readable").prescriptions.len(), 1);
}
on_both_backends!(the_medical_service_prescribes_and_care_workers_only_read);

async fn an_unusual_dose_is_held_back_until_confirmed_and_an_impossible_one_refused(backend: Backend) {
    let test = demo_app(backend).await;
    let medical = actor(&test.app, "medical.has").await;
    let person = entered_at(&test.app, &medical, "HAS", "Oat-Two", "OAT-2", None).await;
    let unusual = test.app.record_prescription(&medical, person, &methadone("300")).await;
    assert_eq!(field_of(unusual, "daily_dose"), Some(Problem::DoseUnusual { min: 5, max: 200 }));
    let impossible = PrescriptionFields { confirm_dose: true, ..methadone("5000") };
    assert_eq!(
        field_of(test.app.record_prescription(&medical, person, &impossible).await, "daily_dose"),
        Some(Problem::DoseImpossible)
    );
    assert!(test.app.person_oat(&medical, person).await.expect("readable").prescriptions.is_empty(), "nothing written");
    let confirmed = PrescriptionFields { confirm_dose: true, ..methadone("300") };
    test.app.record_prescription(&medical, person, &confirmed).await.expect("confirmed");
}
on_both_backends!(an_unusual_dose_is_held_back_until_confirmed_and_an_impossible_one_refused);

async fn a_stop_before_the_start_is_refused_and_a_prescription_stops_once(backend: Backend) {
    let test = demo_app(backend).await;
    let medical = actor(&test.app, "medical.has").await;
    let person = entered_at(&test.app, &medical, "HAS", "Oat-Three", "OAT-3", None).await;
    let id = test.app.record_prescription(&medical, person, &methadone("60")).await.expect("prescribed");
    assert_eq!(
        field_of(test.app.stop_prescription(&medical, id, "2026-01-04", "").await, "stop_date"),
        Some(Problem::DateOrder)
    );
    test.app.stop_prescription(&medical, id, "2026-01-20", "tapered").await.expect("stopped");
    let again = test.app.stop_prescription(&medical, id, "2026-01-21", "").await;
    assert!(matches!(again, Err(AppError::Conflict("oat-already-stopped"))), "{again:?}");
    let record = test.app.person_oat(&medical, person).await.expect("readable");
    assert_eq!(record.prescriptions[0].stop_date.as_deref(), Some("2026-01-20"));
}
on_both_backends!(a_stop_before_the_start_is_refused_and_a_prescription_stops_once);

async fn another_prisons_person_and_prescription_answer_as_unknown_ones(backend: Backend) {
    let test = demo_app(backend).await;
    let medical = actor(&test.app, "medical.has").await;
    let person = entered_at(&test.app, &medical, "HAS", "Oat-Four", "OAT-4", None).await;
    let id = test.app.record_prescription(&medical, person, &methadone("60")).await.expect("prescribed");
    for username in ["medical.gen", "care_worker.gen"] {
        let other = actor(&test.app, username).await;
        for person in [person, 999_999] {
            let read = test.app.person_oat(&other, person).await;
            assert!(matches!(read, Err(AppError::NotFound)), "{username} reads {person}: {read:?}");
        }
    }
    let ghent = actor(&test.app, "medical.gen").await;
    for id in [id, 999_999] {
        let stop = test.app.stop_prescription(&ghent, id, "2026-02-01", "").await;
        assert!(matches!(stop, Err(AppError::NotFound)), "stop {id}: {stop:?}");
        let written =
            test.app.record_prescription(&ghent, if id == 999_999 { id } else { person }, &methadone("60")).await;
        assert!(matches!(written, Err(AppError::NotFound)), "{written:?}");
    }
}
on_both_backends!(another_prisons_person_and_prescription_answer_as_unknown_ones);

async fn roles_without_clinical_access_neither_read_nor_write_oat(backend: Backend) {
    let test = demo_app(backend).await;
    let medical = actor(&test.app, "medical.has").await;
    let person = entered_at(&test.app, &medical, "HAS", "Oat-Five", "OAT-5", None).await;
    test.app.record_prescription(&medical, person, &methadone("60")).await.expect("prescribed");
    for username in ["psychosocial.has", "prison_staff.has", "director.has", "researcher", "admin", "coordinator.nl"] {
        let other = actor(&test.app, username).await;
        assert!(matches!(test.app.person_oat(&other, person).await, Err(AppError::Forbidden)), "{username} reads");
        let written = test.app.record_prescription(&other, person, &methadone("60")).await;
        assert!(matches!(written, Err(AppError::Forbidden)), "{username} writes");
        let alerts = test.app.oat_alerts(&other, medical.sites[0].id).await;
        assert!(matches!(alerts, Err(AppError::Forbidden)), "{username} reads the alerts");
    }
}
on_both_backends!(roles_without_clinical_access_neither_read_nor_write_oat);

async fn oat_declared_at_entry_without_a_prescription_is_urgent_after_24_hours_until_continuity_is_recorded(
    backend: Backend,
) {
    let test = demo_app(backend).await;
    let medical = actor(&test.app, "medical.has").await;
    let has = medical.sites.iter().find(|s| s.code == "HAS").map(|s| s.id).expect("HAS");
    let person = entered_at(&test.app, &medical, "HAS", "Oat-Six", "OAT-6", None).await;
    let today = test.app.register_today().to_string();
    let fields = DeclarationFields { last_dose_date: &today, ..declared("methadone") };
    let id = test.app.declare_outside_oat(&medical, person, &fields).await.expect("declared");
    let status = |alerts: Vec<continuum_app::oat::OatAlert>| {
        alerts.into_iter().find(|a| a.row.person_id == person).map(|a| a.status)
    };
    assert_eq!(status(test.app.oat_alerts(&medical, has).await.expect("alerts")), Some(ContinuityStatus::Due));
    test.app.advance_clock(SignedDuration::from_hours(25));
    assert_eq!(status(test.app.oat_alerts(&medical, has).await.expect("alerts")), Some(ContinuityStatus::Urgent));
    let worker = actor(&test.app, "care_worker.has").await;
    assert!(matches!(test.app.oat_alerts(&worker, has).await, Err(AppError::Forbidden)), "the medical service's");
    let interrupted = ContinuityFields { continued: "no", reason: "", note: "" };
    assert_eq!(
        field_of(test.app.record_continuity(&medical, id, &interrupted).await, "reason"),
        Some(Problem::Required)
    );
    let late = ContinuityFields { continued: "no", reason: "late_prescription", note: "" };
    test.app.record_continuity(&medical, id, &late).await.expect("recorded");
    assert_eq!(status(test.app.oat_alerts(&medical, has).await.expect("alerts")), None, "resolved");
    let record = test.app.person_oat(&medical, person).await.expect("readable");
    let row = &record.declarations[0].row;
    assert_eq!(
        (row.continued, row.interruption_reason.as_deref()),
        (Some(0), Some(InterruptionReason::LatePrescription.code()))
    );
    let again = test.app.record_continuity(&medical, id, &late).await;
    assert!(matches!(again, Err(AppError::Conflict("oat-continuity-recorded"))), "{again:?}");
}
on_both_backends!(oat_declared_at_entry_without_a_prescription_is_urgent_after_24_hours_until_continuity_is_recorded);

async fn a_prescription_within_24_hours_keeps_the_alert_from_becoming_urgent(backend: Backend) {
    let test = demo_app(backend).await;
    let medical = actor(&test.app, "medical.has").await;
    let has = medical.sites.iter().find(|s| s.code == "HAS").map(|s| s.id).expect("HAS");
    let person = entered_at(&test.app, &medical, "HAS", "Oat-Seven", "OAT-7", None).await;
    let today = test.app.register_today().to_string();
    let fields = DeclarationFields { last_dose_date: &today, ..declared("buprenorphine") };
    let fields = DeclarationFields { daily_dose: "8", ..fields };
    test.app.declare_outside_oat(&medical, person, &fields).await.expect("declared");
    test.app.advance_clock(SignedDuration::from_hours(3));
    test.app.record_prescription(&medical, person, &methadone("60")).await.expect("prescribed");
    test.app.advance_clock(SignedDuration::from_hours(30));
    let alerts = test.app.oat_alerts(&medical, has).await.expect("alerts");
    let mine = alerts.iter().find(|a| a.row.person_id == person).map(|a| a.status);
    assert_eq!(mine, Some(ContinuityStatus::Prescribed));
    let again = test.app.declare_outside_oat(&medical, person, &fields).await;
    assert!(matches!(again, Err(AppError::Conflict("oat-already-declared"))), "{again:?}");
}
on_both_backends!(a_prescription_within_24_hours_keeps_the_alert_from_becoming_urgent);

async fn an_entry_registered_late_is_urgent_at_once(backend: Backend) {
    let test = demo_app(backend).await;
    let medical = actor(&test.app, "medical.has").await;
    let has = medical.sites.iter().find(|s| s.code == "HAS").map(|s| s.id).expect("HAS");
    let person = entered_at(&test.app, &medical, "HAS", "Oat-Eight", "OAT-8", Some("2026-01-02")).await;
    test.app.declare_outside_oat(&medical, person, &declared("methadone")).await.expect("declared");
    let alerts = test.app.oat_alerts(&medical, has).await.expect("alerts");
    let mine = alerts.iter().find(|a| a.row.person_id == person).map(|a| a.status);
    assert_eq!(mine, Some(ContinuityStatus::Urgent));
    assert_eq!(alerts[0].status, ContinuityStatus::Urgent, "urgent first");
}
on_both_backends!(an_entry_registered_late_is_urgent_at_once);

async fn the_oat_page_asks_to_confirm_an_unusual_dose_and_the_api_names_it(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let medical = actor(&server.app, "medical.has").await;
    let person = entered_at(&server.app, &medical, "HAS", "Oat-Nine", "OAT-9", None).await;
    let client = server.client_for("medical.has").await.expect("signs in");
    let csrf = server.csrf_token(&client).await.expect("a form token");
    let path = format!("/people/{person}/oat/prescriptions");
    let form = |confirm: bool| {
        let mut fields = vec![
            ("csrf", csrf.clone()),
            ("medicine", "methadone".to_owned()),
            ("daily_dose", "250".to_owned()),
            ("prescriber", "Dr. Maes".to_owned()),
            ("start_date", "2026-01-05".to_owned()),
        ];
        if confirm {
            fields.push(("confirm_dose", "on".to_owned()));
        }
        fields
    };
    let held = client.post(server.url(&path)).form(&form(false)).send().await.expect("request");
    assert_eq!(held.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = held.text().await.expect("body");
    assert!(page.contains("name=\"confirm_dose\"") && page.contains("value=\"250\""), "asks to confirm what was typed");
    let saved = client.post(server.url(&path)).form(&form(true)).send().await.expect("request");
    assert!(saved.status().is_redirection() || saved.status() == StatusCode::OK, "{}", saved.status());
    let shown = client.get(server.url(&format!("/people/{person}/oat"))).send().await.expect("request");
    assert!(shown.text().await.expect("body").contains("250 mg"));
    let token = server.app.create_api_token(&continuum_app::Actor::operator(), "medical.has", "t", None).await;
    let token = token.expect("a token").secret;
    let api = reqwest::Client::new()
        .post(server.url(&format!("/api/v1/people/{person}/oat/prescriptions")))
        .bearer_auth(&token)
        .json(&serde_json::json!({"medicine": "buprenorphine", "daily_dose_mg": 64, "prescriber": "Dr. Maes", "start_date": "2026-01-05"}))
        .send()
        .await
        .expect("request");
    assert_eq!(api.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: serde_json::Value = api.json().await.expect("JSON");
    assert_eq!(problem["errors"][0]["field"], "daily_dose");
    assert_eq!(problem["errors"][0]["code"], "dose-unusual");
    let read = reqwest::Client::new()
        .get(server.url(&format!("/api/v1/people/{person}/oat")))
        .bearer_auth(&token)
        .send()
        .await
        .expect("request");
    let body: serde_json::Value = read.json().await.expect("JSON");
    assert_eq!(body["prescriptions"][0]["atc"], "N07BC02");
    assert_eq!(body["prescriptions"][0]["daily_dose_mg"], 250.0);
    server.stop().await;
}
on_both_backends!(the_oat_page_asks_to_confirm_an_unusual_dose_and_the_api_names_it);
