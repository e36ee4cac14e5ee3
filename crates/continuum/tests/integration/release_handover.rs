//! The handover at release (issue 6, item 6): a PDF in the receiver's
//! language with the OAT and its last dose, naloxone, the care plan's
//! goals, the risks, the contacts and the appointment; made only within the
//! person's sharing consent with the receiving organisation (each missing
//! consent named, the refusal audited, nothing kept), by the care team of
//! the person's prison.

use continuum_app::release_handovers::ReleaseHandover;
use continuum_app::{Actor, App, AppError};
use continuum_domain::consent::{Lack, Section};
use continuum_domain::release::ChecklistFields;
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;

use crate::on_both_backends;
use crate::referrals::audit_rows;
use crate::support::{actor, demo_app};

const RECEIVER: &str = "Drughulp Limburg (demo)";
const ALL_SECTIONS: [&str; 5] = ["identity", "medication", "care_plan", "risks", "appointments"];

/// A person at Hasselt in care: a plan with two goals and methadone 60 mg
/// a day, prescribed today.
pub(crate) async fn in_care_on_methadone(app: &App, family: &str) -> i64 {
    let worker = actor(app, "care_worker.has").await;
    let medical = actor(app, "medical.has").await;
    let person = crate::care_plan::after_intake(app, &worker, family).await;
    let today = app.register_today().to_string();
    let review = app.register_today().checked_add(jiff::Span::new().days(60)).expect("a day").to_string();
    app.start_care_plan(&worker, person, &crate::care_plan::plan_fields(&today, &review)).await.expect("a plan");
    app.record_prescription(&medical, person, &crate::oat::methadone("60")).await.expect("prescribed");
    person
}

/// A person at HAS with a care plan and methadone, planning release to
/// the receiver with naloxone handed over and an appointment; the person
/// and the receiver's organisation.
pub(crate) async fn planning_release(app: &App, family: &str) -> (i64, i64) {
    let worker = actor(app, "care_worker.has").await;
    let person = in_care_on_methadone(app, family).await;
    app.start_release_planning(&worker, person, Some("Release announced")).await.expect("planning");
    let organisation = crate::referrals::organisation_id(app, RECEIVER).await;
    let service = organisation.to_string();
    let fields = ChecklistFields { service: &service, ..crate::release_planning::checklist("other") };
    app.save_release_plan(&worker, person, 0, &fields).await.expect("the plan");
    (person, organisation)
}

/// The text of a PDF (`pdftotext`), words joined by single spaces.
pub(crate) fn pdf_text(pdf: &[u8]) -> String {
    use std::io::Write;
    let path = std::env::temp_dir().join(format!(
        "release-handover-{}-{:?}.pdf",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::File::create(&path).and_then(|mut f| f.write_all(pdf)).expect("written");
    let output = std::process::Command::new("pdftotext").arg(&path).arg("-").output().expect("pdftotext runs");
    std::fs::remove_file(&path).ok();
    String::from_utf8_lossy(&output.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

async fn made(app: &App, worker: &Actor, person: i64, language: &str) -> i64 {
    match app.make_release_handover(worker, person, language).await.expect("made") {
        ReleaseHandover::Made(id) => id,
        other => panic!("not made: {other:?}"),
    }
}

async fn the_release_handover_is_a_pdf_in_the_receivers_language_with_what_the_receiver_needs(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let (person, organisation) = planning_release(&test.app, "Leaving").await;
    crate::referrals::consent_to_share(&test.app, &worker, person, organisation, &ALL_SECTIONS).await;
    let today = test.app.register_today().to_string();
    for (language, naloxone, risk, title) in [
        ("en", "Handed over", "High risk of overdose", "Handover of care"),
        ("fr", "Remise", "Risque élevé de surdose", "Transmission du suivi"),
        ("nl", "Meegegeven", "Hoog risico op overdosis", "Overdracht van de zorg"),
    ] {
        let id = made(&test.app, &worker, person, language).await;
        let (document, pdf) = test.app.handover_document(&worker, id).await.expect("kept");
        assert_eq!((document.language.as_str(), document.receiving_prison.as_str()), (language, RECEIVER));
        let text = pdf_text(&pdf);
        for expected in [
            title,
            "LEAVING",
            RECEIVER,
            "60 mg",
            today.as_str(),
            naloxone,
            risk,
            "No heroin use in prison",
            "Find housing before release",
            "Hasselt, Kolonel Dusartplein 1",
            "Zorgverlener HAS",
        ] {
            assert!(text.contains(expected), "{language}: {expected:?} missing from {text}");
        }
    }
}
on_both_backends!(the_release_handover_is_a_pdf_in_the_receivers_language_with_what_the_receiver_needs);

async fn without_the_sharing_consent_nothing_is_made_and_the_missing_consent_is_named(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let (person, organisation) = planning_release(&test.app, "Unconsented").await;
    crate::referrals::consent_to_share(&test.app, &worker, person, organisation, &["identity", "medication"]).await;
    let refused = test.app.make_release_handover(&worker, person, "nl").await.expect("answered");
    let ReleaseHandover::ConsentMissing { receiver, missing } = refused else {
        panic!("made without consent: {refused:?}");
    };
    assert_eq!(receiver, RECEIVER);
    let sections: Vec<Section> = missing.iter().map(|m| m.section).collect();
    assert_eq!(sections, vec![Section::CarePlan, Section::Risks, Section::Appointments]);
    assert!(missing.iter().all(|m| matches!(m.lack, Lack::SectionNotCovered(_))), "{missing:?}");
    assert!(test.app.handover_documents(&worker, person).await.expect("listed").is_empty(), "nothing kept");
    let denied = audit_rows(&test.app, "handover_document.release", "denied").await;
    let reason = denied[0].entry.reason.clone().unwrap_or_default();
    assert!(reason.contains("section=care_plan lack=section_not_covered"), "{reason}");
    assert_eq!(denied[0].entry.person_id, Some(person));
}
on_both_backends!(without_the_sharing_consent_nothing_is_made_and_the_missing_consent_is_named);

async fn only_the_care_team_of_the_persons_prison_makes_it_while_release_is_planned(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let (person, organisation) = planning_release(&test.app, "Guarded").await;
    crate::referrals::consent_to_share(&test.app, &worker, person, organisation, &ALL_SECTIONS).await;
    let ghent = actor(&test.app, "care_worker.gen").await;
    assert!(matches!(
        test.app.make_release_handover(&ghent, person, "nl").await,
        Err(AppError::NotFound | AppError::Forbidden)
    ));
    let security = actor(&test.app, "prison_staff.has").await;
    assert!(matches!(test.app.make_release_handover(&security, person, "nl").await, Err(AppError::Forbidden)));
    let bad = test.app.make_release_handover(&worker, person, "de").await;
    assert!(matches!(bad, Err(AppError::Invalid(ref i)) if i.for_field("language").is_some()), "{bad:?}");
    let in_care = crate::release_planning::in_care(&test.app, &worker, "NotYet", "RH-2").await;
    let early = test.app.make_release_handover(&worker, in_care, "nl").await;
    assert!(matches!(early, Err(AppError::Conflict("handover-release-not-planned"))), "{early:?}");
}
on_both_backends!(only_the_care_team_of_the_persons_prison_makes_it_while_release_is_planned);

async fn the_release_plan_page_makes_the_document_or_names_the_missing_consent(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let (person, organisation) = planning_release(&server.app, "Paged").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let page = client.get(server.url(&format!("/people/{person}/release-plan"))).send().await.expect("request");
    let page = page.text().await.expect("a page");
    assert!(page.contains(&format!("action=\"/people/{person}/release-handover\"")), "the form is offered");
    let csrf = server.csrf_token(&client).await.expect("a form token");
    let post = |language: &'static str| {
        client
            .post(server.url(&format!("/people/{person}/release-handover")))
            .form(&[("csrf", csrf.as_str()), ("language", language)])
            .send()
    };
    let refused = post("fr").await.expect("request");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = refused.text().await.expect("a page");
    assert!(
        body.contains(RECEIVER) && body.contains("geen toestemming"),
        "names the missing consent, in Dutch: {body}"
    );
    let worker = actor(&server.app, "care_worker.has").await;
    crate::referrals::consent_to_share(&server.app, &worker, person, organisation, &ALL_SECTIONS).await;
    let made = post("fr").await.expect("request");
    assert_eq!(made.status(), StatusCode::SEE_OTHER, "on to the document");
    let location = made.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert!(location.starts_with("/handover-documents/"), "{location}");
    let made = client.get(server.url(&location)).send().await.expect("request");
    assert_eq!(made.headers().get("content-type").and_then(|v| v.to_str().ok()), Some("application/pdf"));
    let text = pdf_text(&made.bytes().await.expect("the PDF"));
    assert!(text.contains("Transmission du suivi") && text.contains("Remise"), "{text}");
}
on_both_backends!(the_release_plan_page_makes_the_document_or_names_the_missing_consent);
