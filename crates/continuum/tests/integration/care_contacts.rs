//! Contacts, group sessions and the timeline (issue 5, item 3): a group
//! session is recorded once for all its participants, notes are clinical,
//! the timeline shows the whole pathway in order, a page at a time.

use continuum_app::{App, AppError, Paging};
use continuum_domain::care::contact::{ContactFields, ParticipantFields};
use continuum_domain::validation::Problem;
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::care_plan::{after_intake, plan_fields};
use crate::on_both_backends;
use crate::support::{actor, demo_app};

/// Roles without clinical access, who must never see a note.
const NOT_CLINICAL: &[&str] = &["psychosocial.has", "prison_staff.has", "director.has", "researcher"];

fn today(app: &App) -> String {
    app.register_today().to_string()
}

fn contact_fields<'a>(held_on: &'a str, note: &'a str) -> ContactFields<'a> {
    ContactFields {
        held_on,
        duration_minutes: "45",
        kind: "counselling",
        staff: "Care worker",
        attendance: "attended",
        note,
    }
}

/// A group session; its note is the session's topic.
fn group_fields(held_on: &str) -> ContactFields<'_> {
    ContactFields { kind: "group_work", ..contact_fields(held_on, "Relapse prevention, session 3") }
}

fn participant<'a>(prison_number: &'a str, note: &'a str) -> ParticipantFields<'a> {
    ParticipantFields { prison_number, attendance: "attended", note }
}

async fn an_individual_contact_is_recorded_on_the_persons_pathway(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = after_intake(&test.app, &worker, "Single").await;
    let today = today(&test.app);
    let id = test
        .app
        .record_contact(&worker, person, &contact_fields(&today, "Talked about cravings"))
        .await
        .expect("recorded");
    let record = test.app.contact(&worker, id).await.expect("read");
    assert_eq!(record.contact.person_id, person);
    assert_eq!(record.contact.note, "Talked about cravings");
    assert!(record.session.is_none());
    let listing = test.app.person_contacts(&worker, person, Paging::default()).await.expect("list");
    assert_eq!(listing.items.iter().map(|c| c.id).collect::<Vec<_>>(), vec![id]);
}
on_both_backends!(an_individual_contact_is_recorded_on_the_persons_pathway);

async fn an_attended_contact_without_its_note_is_refused_and_nothing_is_written(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = after_intake(&test.app, &worker, "Nonote").await;
    let today = today(&test.app);
    match test.app.record_contact(&worker, person, &contact_fields(&today, "")).await {
        Err(AppError::Invalid(invalid)) => assert!(invalid.0.iter().any(|e| e.field == "note"), "{invalid:?}"),
        other => panic!("expected the note to be asked for, got {other:?}"),
    }
    assert_eq!(test.app.person_contacts(&worker, person, Paging::default()).await.expect("list").total, 0);
}
on_both_backends!(an_attended_contact_without_its_note_is_refused_and_nothing_is_written);

async fn a_group_session_is_recorded_once_with_a_contact_for_each_participant(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let first = after_intake(&test.app, &worker, "Groupone").await;
    let second = after_intake(&test.app, &worker, "Grouptwo").await;
    let today = today(&test.app);
    let participants = [participant("C-Groupone", "Spoke first"), participant("C-Grouptwo", "Listened")];
    let id = test.app.record_group_session(&worker, &group_fields(&today), &participants).await.expect("recorded");
    let record = test.app.group_session(&worker, id).await.expect("read");
    assert_eq!(record.session.participants, 2);
    let people: Vec<i64> = record.participants.iter().map(|c| c.person_id).collect();
    assert_eq!(people, vec![first, second]);
    for (person, note) in [(first, "Spoke first"), (second, "Listened")] {
        let contacts = test.app.person_contacts(&worker, person, Paging::default()).await.expect("list");
        assert_eq!(contacts.items.len(), 1, "one contact each");
        assert_eq!(contacts.items[0].group_session_id, Some(id));
        assert_eq!(contacts.items[0].note, note);
    }
    let sessions = test.app.group_sessions(&worker, Paging::default()).await.expect("list");
    assert_eq!(sessions.items.iter().filter(|s| s.id == id).count(), 1, "the session is listed once");
}
on_both_backends!(a_group_session_is_recorded_once_with_a_contact_for_each_participant);

async fn a_group_session_naming_someone_not_at_the_prison_writes_nothing(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = after_intake(&test.app, &worker, "Present").await;
    let before = test.app.group_sessions(&worker, Paging::default()).await.expect("list").total;
    let today = today(&test.app);
    let participants = [participant("C-Present", "Here"), participant("NOBODY-HERE", "Nobody")];
    match test.app.record_group_session(&worker, &group_fields(&today), &participants).await {
        Err(AppError::Invalid(invalid)) => {
            assert!(
                invalid.0.iter().any(|e| e.problem == Problem::NotAtSite && e.field != "participants"),
                "{invalid:?}"
            )
        }
        other => panic!("expected the unknown number to be named, got {other:?}"),
    }
    assert_eq!(test.app.group_sessions(&worker, Paging::default()).await.expect("list").total, before);
    assert_eq!(test.app.person_contacts(&worker, person, Paging::default()).await.expect("list").total, 0);
}
on_both_backends!(a_group_session_naming_someone_not_at_the_prison_writes_nothing);

async fn another_prisons_contacts_and_sessions_are_not_found(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = after_intake(&test.app, &worker, "Elsewhere").await;
    let today = today(&test.app);
    let contact = test.app.record_contact(&worker, person, &contact_fields(&today, "A note")).await.expect("recorded");
    let session = test
        .app
        .record_group_session(&worker, &group_fields(&today), &[participant("C-Elsewhere", "In the group")])
        .await
        .expect("recorded");
    for username in ["care_worker.gen", "medical.lan"] {
        let other = actor(&test.app, username).await;
        assert!(matches!(test.app.contact(&other, contact).await, Err(AppError::NotFound)), "{username}");
        assert!(matches!(test.app.contact(&other, 999_999).await, Err(AppError::NotFound)), "{username}");
        assert!(matches!(test.app.group_session(&other, session).await, Err(AppError::NotFound)), "{username}");
        let timeline = test.app.person_timeline(&other, person, false, Paging::default()).await;
        assert!(matches!(timeline, Err(AppError::NotFound | AppError::Forbidden)), "{username}: {timeline:?}");
    }
}
on_both_backends!(another_prisons_contacts_and_sessions_are_not_found);

async fn roles_without_clinical_access_see_no_note_through_the_application(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = after_intake(&test.app, &worker, "Secret").await;
    let today = today(&test.app);
    let contact =
        test.app.record_contact(&worker, person, &contact_fields(&today, "A secret note")).await.expect("recorded");
    let session = test
        .app
        .record_group_session(&worker, &group_fields(&today), &[participant("C-Secret", "A group note")])
        .await
        .expect("recorded");
    for username in NOT_CLINICAL {
        let other = actor(&test.app, username).await;
        assert!(matches!(test.app.contact(&other, contact).await, Err(AppError::Forbidden)), "{username}");
        let contacts = test.app.person_contacts(&other, person, Paging::default()).await;
        assert!(matches!(contacts, Err(AppError::Forbidden)), "{username}");
        assert!(matches!(test.app.group_session(&other, session).await, Err(AppError::Forbidden)), "{username}");
        assert!(
            matches!(test.app.group_sessions(&other, Paging::default()).await, Err(AppError::Forbidden)),
            "{username}"
        );
        let timeline = test.app.person_timeline(&other, person, false, Paging::default()).await;
        assert!(matches!(timeline, Err(AppError::Forbidden)), "{username}");
    }
}
on_both_backends!(roles_without_clinical_access_see_no_note_through_the_application);

async fn roles_without_clinical_access_see_no_note_on_pages_or_in_the_api(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = after_intake(&server.app, &worker, "Hushed").await;
    let today = today(&server.app);
    let note = "Hushed note about relapse";
    let contact = server.app.record_contact(&worker, person, &contact_fields(&today, note)).await.expect("recorded");
    let session = server
        .app
        .record_group_session(&worker, &group_fields(&today), &[participant("C-Hushed", note)])
        .await
        .expect("recorded");
    let paths = [
        format!("/people/{person}/contacts"),
        format!("/contacts/{contact}"),
        "/group-sessions".to_owned(),
        format!("/group-sessions/{session}"),
        format!("/people/{person}/timeline"),
        format!("/people/{person}"),
        format!("/api/v1/people/{person}"),
        format!("/api/v1/people/{person}/intakes"),
        "/worklist".to_owned(),
    ];
    let reader = server.client_for("care_worker.has").await.expect("signs in");
    for path in &paths[..5] {
        let body = reader.get(server.url(path)).send().await.expect("request").text().await.expect("body");
        assert!(path == "/group-sessions" || body.contains(note), "the care worker reads the note at {path}");
    }
    for username in NOT_CLINICAL {
        let client = server.client_for(username).await.expect("signs in");
        for path in &paths {
            let response = client.get(server.url(path)).send().await.expect("request");
            let status = response.status();
            let body = response.text().await.expect("body");
            assert!(!body.contains(note), "{username} sees the note at {path} ({status})");
            if paths[..5].contains(path) {
                assert!(
                    status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND,
                    "{username}: {path} {status}"
                );
            }
        }
    }
    server.stop().await;
}
on_both_backends!(roles_without_clinical_access_see_no_note_on_pages_or_in_the_api);

async fn the_timeline_shows_the_pathway_in_order_a_page_at_a_time(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = after_intake(&test.app, &worker, "Timeline").await;
    let today = today(&test.app);
    let review = test.app.register_today().checked_add(jiff::Span::new().days(30)).expect("a date").to_string();
    test.app.start_care_plan(&worker, person, &plan_fields(&today, &review)).await.expect("plan");
    test.app.record_contact(&worker, person, &contact_fields(&today, "First talk")).await.expect("contact");
    let all =
        test.app.person_timeline(&worker, person, true, Paging { page: 1, per_page: 200 }).await.expect("read").entries;
    let kinds: Vec<&str> = all.items.iter().map(|e| e.kind.as_str()).collect();
    for kind in ["transition", "screening", "intake", "care_plan", "contact"] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }
    let ats: Vec<&str> = all.items.iter().map(|e| e.at.as_str()).collect();
    assert!(ats.windows(2).all(|w| w[0] <= w[1]), "the earliest first: {ats:?}");
    assert_eq!(all.total, all.items.len() as i64);
    let newest = test
        .app
        .person_timeline(&worker, person, false, Paging { page: 1, per_page: 200 })
        .await
        .expect("read")
        .entries;
    let reversed: Vec<_> = newest.items.iter().rev().cloned().collect();
    assert_eq!(reversed, all.items, "the latest first is the same list reversed");
    let mut paged = Vec::new();
    for page in 1..=all.items.len().div_ceil(2) as u32 {
        let listing =
            test.app.person_timeline(&worker, person, true, Paging { page, per_page: 2 }).await.expect("read").entries;
        assert!(listing.items.len() <= 2);
        assert_eq!(listing.total, all.total);
        paged.extend(listing.items);
    }
    assert_eq!(paged, all.items, "the pages, one after another, are the whole timeline");
}
on_both_backends!(the_timeline_shows_the_pathway_in_order_a_page_at_a_time);

async fn the_timeline_shows_oat_and_consents_with_the_care(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let medical = actor(&server.app, "medical.has").await;
    let person = after_intake(&server.app, &worker, "Wholepath").await;
    let today = today(&server.app);
    let prescription = continuum_domain::oat::PrescriptionFields { start_date: &today, ..crate::oat::methadone("60") };
    let id = server.app.record_prescription(&medical, person, &prescription).await.expect("prescribed");
    server.app.stop_prescription(&medical, id, &today, "Tapered off as agreed").await.expect("stopped");
    let until = server.app.belgian_today().checked_add(jiff::Span::new().days(200)).expect("a date").to_string();
    let consent = crate::consents::participation_shared(&server.app, &until);
    server.app.record_consent(&worker, person, &consent).await.expect("consented");
    let all = server
        .app
        .person_timeline(&worker, person, true, Paging { page: 1, per_page: 200 })
        .await
        .expect("read")
        .entries;
    let kinds: Vec<&str> = all.items.iter().map(|e| e.kind.as_str()).collect();
    for kind in ["intake", "oat_prescription", "oat_stopped", "consent"] {
        assert!(kinds.contains(&kind), "{kind} in {kinds:?}");
    }
    let position = |kind: &str| kinds.iter().position(|k| *k == kind).expect("present");
    assert!(position("intake") < position("oat_prescription"), "in the order they happened: {kinds:?}");
    assert!(position("oat_prescription") < position("oat_stopped"), "{kinds:?}");
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let html = client
        .get(server.url(&format!("/people/{person}/timeline")))
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("body");
    let lang = continuum_i18n::Lang::parse(worker.language.code()).expect("a language");
    let stopped = continuum_i18n::t(lang, "timeline-oat-stopped");
    assert!(html.contains(&stopped) && html.contains("Tapered off as agreed"), "worded, with the reason");
    assert!(html.contains("60 mg") && html.contains(&format!("/people/{person}/oat")), "the dose, linked");
    server.stop().await;
}
on_both_backends!(the_timeline_shows_oat_and_consents_with_the_care);

async fn the_api_records_contacts_and_group_sessions_for_the_care_team_only(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = after_intake(&server.app, &worker, "Apicontact").await;
    after_intake(&server.app, &worker, "Apigroup").await;
    let today = today(&server.app);
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let url = server.url(&format!("/api/v1/people/{person}/contacts"));
    let mut body = json!({
        "held_on": today, "duration_minutes": 30, "kind": "counselling", "staff": "Care worker",
        "attendance": "attended"
    });
    let refused = client.post(&url).json(&body).send().await.expect("request");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = refused.json().await.expect("JSON");
    assert_eq!(problem["errors"][0]["field"], "note");
    body["note"] = json!("Api progress note");
    let created = client.post(&url).json(&body).send().await.expect("request");
    assert_eq!(created.status(), StatusCode::CREATED);
    let contact: Value = created.json().await.expect("JSON");
    assert_eq!(contact["note"], "Api progress note");
    let listed: Value = client.get(&url).send().await.expect("request").json().await.expect("JSON");
    assert_eq!(listed["total"], 1);
    let session = json!({
        "held_on": today, "duration_minutes": 90, "kind": "group_work", "staff": "Two care workers",
        "note": "Relapse prevention", "participants": [
            {"prison_number": "C-Apicontact", "attendance": "attended", "note": "Api group note"},
            {"prison_number": "C-Apigroup", "attendance": "did_not_attend"}
        ]
    });
    let created = client.post(server.url("/api/v1/group-sessions")).json(&session).send().await.expect("request");
    assert_eq!(created.status(), StatusCode::CREATED);
    let session: Value = created.json().await.expect("JSON");
    assert_eq!(session["participant_count"], 2);
    assert_eq!(session["participants"].as_array().map(Vec::len), Some(2));
    let id = contact["id"].as_i64().expect("id");
    let elsewhere = server.client_for("care_worker.gen").await.expect("signs in");
    let theirs = elsewhere.get(server.url(&format!("/api/v1/contacts/{id}"))).send().await.expect("request");
    assert_eq!(theirs.status(), StatusCode::NOT_FOUND);
    for username in NOT_CLINICAL {
        let other = server.client_for(username).await.expect("signs in");
        let response = other.get(&url).send().await.expect("request");
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{username}");
        assert!(!response.text().await.expect("body").contains("Api progress note"), "{username}");
    }
    server.stop().await;
}
on_both_backends!(the_api_records_contacts_and_group_sessions_for_the_care_team_only);
