//! Transfers (issue 5, item 5): between pilot prisons, the receiving team
//! takes the pathway over at once, the sending team reads what it wrote
//! for a limited time and loses it after, and the handover stays on both
//! worklists until acknowledged; out of the programme, the pathway closes
//! with a handover document in the receiving prison's language.

use std::io::Write;

use continuum_app::{Actor, App, AppError};
use continuum_domain::episode::{ReleaseFields, TransferFields};
use continuum_domain::handover::OutTransferFields;
use continuum_domain::validation::Problem;
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use jiff::SignedDuration;
use reqwest::StatusCode;

use crate::oat::{entered_at, methadone};
use crate::on_both_backends;
use crate::support::{TestApp, actor, demo_app, empty_app, test_config};

/// A person entered at HAS with a methadone prescription written there,
/// then transferred to GEN by the HAS care team; answers the person.
async fn transferred_to_gen(app: &App) -> i64 {
    let (medical, worker) = (actor(app, "medical.has").await, actor(app, "care_worker.has").await);
    let person = entered_at(app, &worker, "HAS", "Transfer-One", "TR-1", Some("2026-01-02")).await;
    app.record_prescription(&medical, person, &methadone("80")).await.expect("prescribed at HAS");
    let episode = app.get_person(&worker, person).await.expect("readable").episodes[0].id;
    let today = app.register_today().to_string();
    let fields = TransferFields { site: "GEN", transfer_date: &today, prison_number: "" };
    app.transfer_person(&worker, episode, &fields).await.expect("transferred");
    person
}

fn is_not_found<T: std::fmt::Debug>(result: &Result<T, AppError>) -> bool {
    matches!(result, Err(AppError::NotFound))
}

async fn the_receiving_team_takes_the_pathway_over_at_the_moment_of_transfer(backend: Backend) {
    let test = demo_app(backend).await;
    let person = transferred_to_gen(&test.app).await;
    let (worker, medical) = (actor(&test.app, "care_worker.gen").await, actor(&test.app, "medical.gen").await);
    let record = test.app.person_oat(&worker, person).await.expect("the receiving team reads");
    assert!(!record.sending_team_view);
    assert_eq!(record.prescriptions.len(), 1, "what HAS wrote goes with the person");
    test.app.record_prescription(&medical, person, &methadone("90")).await.expect("the receiving team prescribes");
    assert!(test.app.get_person(&worker, person).await.is_ok());
}
on_both_backends!(the_receiving_team_takes_the_pathway_over_at_the_moment_of_transfer);

async fn the_sending_team_reads_only_what_it_wrote_and_writes_nothing(backend: Backend) {
    let test = demo_app(backend).await;
    let person = transferred_to_gen(&test.app).await;
    let gen_medical = actor(&test.app, "medical.gen").await;
    test.app.record_prescription(&gen_medical, person, &methadone("90")).await.expect("prescribed at GEN");
    for username in ["care_worker.has", "medical.has"] {
        let sending = actor(&test.app, username).await;
        let record = test.app.person_oat(&sending, person).await.expect("the sending team reads");
        assert!(record.sending_team_view, "{username}");
        let sites: Vec<&str> = record.prescriptions.iter().map(|p| p.site_code.as_str()).collect();
        assert_eq!(sites, ["HAS"], "{username} sees only what HAS wrote");
        let written = test.app.record_prescription(&sending, person, &methadone("60")).await;
        match username {
            "medical.has" => assert!(is_not_found(&written), "the sending medical service: {written:?}"),
            _ => assert!(matches!(written, Err(AppError::Forbidden)), "a care worker never prescribes: {written:?}"),
        }
        assert!(is_not_found(&test.app.get_person(&sending, person).await), "{username}: the register is GEN's now");
    }
}
on_both_backends!(the_sending_team_reads_only_what_it_wrote_and_writes_nothing);

async fn the_sending_team_loses_access_when_the_read_window_closes(backend: Backend) {
    let test = demo_app(backend).await;
    let person = transferred_to_gen(&test.app).await;
    let sending = actor(&test.app, "care_worker.has").await;
    let handover = test.app.pending_handovers(&sending, sending.sites[0].id).await.expect("listed")[0].id;
    test.app.advance_clock(SignedDuration::from_hours(24 * 30 - 1));
    assert!(test.app.person_oat(&sending, person).await.is_ok(), "within the 30 days");
    assert!(test.app.handover(&sending, handover).await.is_ok(), "within the 30 days");
    test.app.advance_clock(SignedDuration::from_hours(2));
    assert!(is_not_found(&test.app.person_oat(&sending, person).await), "after the 30 days");
    assert!(is_not_found(&test.app.handover(&sending, handover).await), "after the 30 days");
    let receiving = actor(&test.app, "care_worker.gen").await;
    assert!(test.app.person_oat(&receiving, person).await.is_ok(), "the receiving team keeps it");
}
on_both_backends!(the_sending_team_loses_access_when_the_read_window_closes);

async fn the_sending_team_reads_on_the_timeline_what_its_prison_wrote_until_the_window_closes(backend: Backend) {
    let test = demo_app(backend).await;
    let person = transferred_to_gen(&test.app).await;
    let gen_medical = actor(&test.app, "medical.gen").await;
    test.app.record_prescription(&gen_medical, person, &methadone("90")).await.expect("prescribed at GEN");
    let sending = actor(&test.app, "care_worker.has").await;
    let doses = |timeline: &continuum_app::care::timeline::PersonTimeline| -> Vec<Option<i64>> {
        timeline.entries.items.iter().filter(|e| e.kind == "oat_prescription").map(|e| e.amount).collect()
    };
    let page = continuum_app::Paging::default();
    let theirs = test.app.person_timeline(&sending, person, true, page).await.expect("the sending team reads");
    assert_eq!(doses(&theirs), vec![Some(80_000)], "only the prescription written at HAS");
    assert!(theirs.sending_team_view);
    assert!(theirs.entries.items.iter().any(|e| e.kind == "handover"), "and the transfer HAS made");
    let receiving = actor(&test.app, "care_worker.gen").await;
    let all = test.app.person_timeline(&receiving, person, true, page).await.expect("the receiving team reads");
    assert_eq!(doses(&all), vec![Some(80_000), Some(90_000)], "the receiving team reads everything");
    assert!(!all.sending_team_view);
    test.app.advance_clock(SignedDuration::from_hours(24 * 30 + 1));
    assert!(is_not_found(&test.app.person_timeline(&sending, person, true, page).await), "after the 30 days");
}
on_both_backends!(the_sending_team_reads_on_the_timeline_what_its_prison_wrote_until_the_window_closes);

async fn the_sending_team_opens_the_timeline_page_with_a_notice_of_its_limited_view(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let person = transferred_to_gen(&server.app).await;
    let sending = server.client_for("care_worker.has").await.expect("signs in");
    let page = sending.get(server.url(&format!("/people/{person}/timeline"))).send().await.expect("request");
    assert_eq!(page.status(), StatusCode::OK);
    let body = page.text().await.expect("body");
    assert!(body.contains("TRANSFER-ONE, Test"), "the person's name");
    assert!(body.contains("u ziet alleen wat uw gevangenis registreerde"), "the notice, in Dutch");
    server.stop().await;
}
on_both_backends!(the_sending_team_opens_the_timeline_page_with_a_notice_of_its_limited_view);

async fn a_configured_read_window_is_the_one_applied(backend: Backend) {
    let config = continuum_app::AppConfig { transfer_read_window: SignedDuration::from_hours(48), ..test_config() };
    let TestApp { app, db: _db } = empty_app(backend, config).await;
    continuum_app::demo::seed(&app, |_, _| {}).await.expect("the demo seeds");
    let person = transferred_to_gen(&app).await;
    let sending = actor(&app, "medical.has").await;
    app.advance_clock(SignedDuration::from_hours(47));
    assert!(app.person_oat(&sending, person).await.is_ok());
    app.advance_clock(SignedDuration::from_hours(2));
    assert!(is_not_found(&app.person_oat(&sending, person).await));
}
on_both_backends!(a_configured_read_window_is_the_one_applied);

async fn a_third_prison_and_roles_without_clinical_access_gain_nothing_from_a_transfer(backend: Backend) {
    let test = demo_app(backend).await;
    let person = transferred_to_gen(&test.app).await;
    for username in ["care_worker.lan", "medical.lan"] {
        let other = actor(&test.app, username).await;
        assert!(is_not_found(&test.app.person_oat(&other, person).await), "{username}");
    }
    for username in ["psychosocial.has", "prison_staff.has", "director.has", "psychosocial.gen", "researcher"] {
        let other = actor(&test.app, username).await;
        let read = test.app.person_oat(&other, person).await;
        assert!(matches!(read, Err(AppError::Forbidden)), "{username}: {read:?}");
        let listed = test
            .app
            .pending_handovers(&other, other.sites.first().map_or(continuum_domain::ids::SiteId(1), |s| s.id))
            .await;
        assert!(matches!(listed, Err(AppError::Forbidden)), "{username} lists handovers: {listed:?}");
    }
}
on_both_backends!(a_third_prison_and_roles_without_clinical_access_gain_nothing_from_a_transfer);

async fn both_worklists_show_the_handover_until_the_receiving_team_acknowledges_it(backend: Backend) {
    let test = demo_app(backend).await;
    let person = transferred_to_gen(&test.app).await;
    let (sending, receiving) = (actor(&test.app, "care_worker.has").await, actor(&test.app, "care_worker.gen").await);
    let site = |a: &Actor| a.sites[0].id;
    let pending = |a: Actor| {
        let app = test.app.clone();
        async move {
            let at = site(&a);
            app.pending_handovers(&a, at).await.expect("listed").into_iter().filter(|h| h.person_id == person).count()
        }
    };
    assert_eq!(pending(sending.clone()).await, 1, "the sending worklist");
    assert_eq!(pending(receiving.clone()).await, 1, "the receiving worklist");
    let id = test.app.pending_handovers(&receiving, site(&receiving)).await.expect("listed")[0].id;
    let view = test.app.handover(&sending, id).await.expect("the sending team sees it");
    assert!(view.sending_team_view && !view.may_acknowledge);
    assert!(view.steps.iter().all(|s| s.at <= view.handover.transferred_at));
    assert!(is_not_found(&test.app.acknowledge_handover(&sending, id).await), "only the receiving team acknowledges");
    let lan = actor(&test.app, "care_worker.lan").await;
    assert!(is_not_found(&test.app.handover(&lan, id).await), "another prison's handover");
    assert!(test.app.handover(&receiving, id).await.expect("the receiving team sees it").may_acknowledge);
    test.app.acknowledge_handover(&receiving, id).await.expect("acknowledged");
    assert_eq!(pending(sending).await, 0);
    assert_eq!(pending(receiving.clone()).await, 0);
    let again = test.app.acknowledge_handover(&receiving, id).await;
    assert!(matches!(again, Err(AppError::Conflict("handover-already-acknowledged"))), "{again:?}");
}
on_both_backends!(both_worklists_show_the_handover_until_the_receiving_team_acknowledges_it);

/// The text of a PDF (`pdftotext`), words joined by single spaces.
fn pdf_text(pdf: &[u8]) -> String {
    let path =
        std::env::temp_dir().join(format!("transfer-out-{}-{:?}.pdf", std::process::id(), std::thread::current().id()));
    std::fs::File::create(&path).and_then(|mut f| f.write_all(pdf)).expect("written");
    let output = std::process::Command::new("pdftotext").arg(&path).arg("-").output().expect("pdftotext runs");
    std::fs::remove_file(&path).ok();
    String::from_utf8_lossy(&output.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

async fn a_transfer_out_of_the_programme_closes_with_a_handover_document_in_the_receiving_language(backend: Backend) {
    let test = demo_app(backend).await;
    let (medical, worker) = (actor(&test.app, "medical.has").await, actor(&test.app, "care_worker.has").await);
    let person = entered_at(&test.app, &worker, "HAS", "Leaving-Out", "OUT-1", Some("2026-01-02")).await;
    test.app.record_prescription(&medical, person, &methadone("70")).await.expect("prescribed");
    let today = test.app.register_today().to_string();
    let bad = OutTransferFields { prison: "", language: "de", transfer_date: "2025-12-01" };
    match test.app.transfer_out_of_programme(&worker, person, &bad).await {
        Err(AppError::Invalid(invalid)) => {
            assert_eq!(invalid.for_field("prison"), Some(&Problem::Required));
            assert_eq!(invalid.for_field("language"), Some(&Problem::InvalidFormat));
            assert_eq!(invalid.for_field("transfer_date"), Some(&Problem::BeforeEntry));
        }
        other => panic!("refused: {other:?}"),
    }
    let ghent = actor(&test.app, "care_worker.gen").await;
    let fields = OutTransferFields { prison: "Prison de Mons", language: "fr", transfer_date: &today };
    assert!(is_not_found(&test.app.transfer_out_of_programme(&ghent, person, &fields).await));
    let done = test.app.transfer_out_of_programme(&worker, person, &fields).await.expect("transferred out");
    let record = test.app.get_person(&worker, person).await.expect("readable");
    assert_eq!(record.episodes[0].release_kind.as_deref(), Some("transfer_out"));
    let (document, pdf) = test.app.handover_document(&worker, done.document_id).await.expect("the document");
    assert_eq!((document.language.as_str(), document.receiving_prison.as_str()), ("fr", "Prison de Mons"));
    let text = pdf_text(&pdf);
    for expected in [
        "Transmission du suivi",
        "Prison de Mons",
        "LEAVING-OUT, Test",
        "Méthadone (N07BC02)",
        "70 mg",
        "Transféré hors du programme",
        // The handover's risks and contacts (issue 6, item 6).
        "une interruption entraîne un sevrage",
        "Dernière dose en prison",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from {text}");
    }
    assert!(is_not_found(&test.app.handover_document(&ghent, done.document_id).await), "another prison's document");
    let psychosocial = actor(&test.app, "psychosocial.has").await;
    assert!(matches!(test.app.handover_document(&psychosocial, done.document_id).await, Err(AppError::Forbidden)));
    let again = test.app.transfer_out_of_programme(&worker, person, &fields).await;
    assert!(
        matches!(&again, Err(AppError::Invalid(i)) if i.for_field("episode") == Some(&Problem::EpisodeEnded)),
        "{again:?}"
    );
}
on_both_backends!(a_transfer_out_of_the_programme_closes_with_a_handover_document_in_the_receiving_language);

async fn a_transfer_out_is_no_plain_release(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = entered_at(&test.app, &worker, "HAS", "Leaving-Plain", "OUT-2", Some("2026-01-02")).await;
    let episode = test.app.get_person(&worker, person).await.expect("readable").episodes[0].id;
    let today = test.app.register_today().to_string();
    let fields = ReleaseFields { release_date: &today, release_kind: "transfer_out" };
    match test.app.release_episode(&worker, episode, &fields).await {
        Err(AppError::Invalid(invalid)) => assert_eq!(invalid.for_field("release_kind"), Some(&Problem::InvalidFormat)),
        other => panic!("refused: {other:?}"),
    }
}
on_both_backends!(a_transfer_out_is_no_plain_release);

async fn the_worklist_page_leads_to_the_handover_and_the_document_downloads_as_pdf(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let person = transferred_to_gen(&server.app).await;
    let receiving = server.client_for("care_worker.gen").await.expect("signs in");
    let worklist = receiving.get(server.url("/worklist")).send().await.expect("request").text().await.expect("body");
    assert!(worklist.contains("TRANSFER-ONE, Test") && worklist.contains("HAS → GEN"), "the handover is listed");
    let gen_worker = actor(&server.app, "care_worker.gen").await;
    let id = server.app.pending_handovers(&gen_worker, gen_worker.sites[0].id).await.expect("listed")[0].id;
    let page = receiving.get(server.url(&format!("/handovers/{id}"))).send().await.expect("request");
    assert_eq!(page.status(), StatusCode::OK);
    let csrf = server.csrf_token(&receiving).await.expect("a form token");
    let acknowledged = receiving
        .post(server.url(&format!("/handovers/{id}/acknowledge")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .expect("request");
    assert!(acknowledged.status().is_success() || acknowledged.status().is_redirection(), "{}", acknowledged.status());
    let sending = server.client_for("care_worker.has").await.expect("signs in");
    let worklist = sending.get(server.url("/worklist")).send().await.expect("request").text().await.expect("body");
    assert!(!worklist.contains("TRANSFER-ONE, Test"), "gone from the sending worklist");
    let today = server.app.register_today().to_string();
    let form = [("csrf", csrf.as_str()), ("prison", "Brugge"), ("language", "nl"), ("transfer_date", today.as_str())];
    let out = receiving
        .post(server.url(&format!("/people/{person}/transfer-out")))
        .form(&form)
        .send()
        .await
        .expect("request");
    assert!(out.status().is_success() || out.status().is_redirection(), "{}", out.status());
    let documents = server.app.handover_documents(&gen_worker, person).await.expect("listed");
    let pdf =
        receiving.get(server.url(&format!("/handover-documents/{}", documents[0].id))).send().await.expect("request");
    assert_eq!(pdf.headers().get("content-type").and_then(|v| v.to_str().ok()), Some("application/pdf"));
    let text = pdf_text(&pdf.bytes().await.expect("body"));
    assert!(text.contains("Overdracht van de zorg") && text.contains("Brugge"), "{text}");
    server.stop().await;
}
on_both_backends!(the_worklist_page_leads_to_the_handover_and_the_document_downloads_as_pdf);

async fn the_demo_seeds_oat_continuity_cases_and_transfers(backend: Backend) {
    let test = demo_app(backend).await;
    continuum_app::demo::seed_oat_and_transfers(&test.app).await.expect("the demo's OAT and transfers");
    let has = actor(&test.app, "medical.has").await;
    let alerts = test.app.oat_alerts(&has, has.sites[0].id).await.expect("alerts");
    assert!(alerts.iter().any(|a| a.status == continuum_domain::oat::ContinuityStatus::Urgent), "an urgent alert");
    let and = actor(&test.app, "care_worker.and").await;
    assert_eq!(test.app.pending_handovers(&and, and.sites[0].id).await.expect("listed").len(), 1, "one waiting");
    let gen_worker = actor(&test.app, "care_worker.gen").await;
    assert!(test.app.pending_handovers(&gen_worker, gen_worker.sites[0].id).await.expect("listed").is_empty());
    let den = actor(&test.app, "care_worker.den").await;
    let people = test
        .app
        .search_people(&den, "Mertens", continuum_app::people::PeopleOrder::Name, continuum_app::Paging::default())
        .await
        .expect("found");
    let documents = test.app.handover_documents(&den, people.items[0].id).await.expect("listed");
    assert_eq!(documents.len(), 1);
}
on_both_backends!(the_demo_seeds_oat_continuity_cases_and_transfers);
