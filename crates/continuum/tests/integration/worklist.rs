//! The worklist of a site and the refusal of a screening: who waits (with a
//! filter for the overdue), the screenings of the past week, positive
//! screenings without an intake, and a refusal that keeps the person waiting.

use continuum_app::{Actor, App, AppError, Paging};
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;

use crate::on_both_backends;
use crate::screening::{answer_all, entered};
use crate::support::{actor, demo_app};

async fn a_refused_screening_keeps_the_person_waiting_and_can_be_offered_again(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = entered(&test.app, &worker, "Refuser", "R-1").await;
    let first = test.app.start_screening(&worker, person).await.expect("started");
    test.app.refuse_screening(&worker, person, Some("does not want to talk today")).await.expect("refusal recorded");
    let screenings = test.app.person_screenings(&worker, person).await.expect("screenings");
    assert_eq!(screenings.iter().map(|s| (s.id, s.status.as_str())).collect::<Vec<_>>(), [(first, "refused")]);
    let waiting = test.app.worklist(&worker, Paging::default(), false).await.expect("worklist").awaiting;
    let line = waiting.items.iter().find(|l| l.row.person_id == person).expect("still on the worklist");
    assert_eq!(line.row.state, "signalled");
    let again = test.app.start_screening(&worker, person).await.expect("offered again");
    assert_ne!(again, first, "a new screening, not the refused one");
}
on_both_backends!(a_refused_screening_keeps_the_person_waiting_and_can_be_offered_again);

async fn a_refusal_after_the_screening_was_recorded_is_refused_with_the_pathways_reason(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "medical.has").await;
    let person = entered(&test.app, &worker, "Screened", "R-2").await;
    let id = test.app.start_screening(&worker, person).await.expect("started");
    answer_all(&test.app, &worker, id, "cannabis").await;
    test.app.complete_screening(&worker, id).await.expect("completed");
    match test.app.refuse_screening(&worker, person, None).await {
        Err(AppError::PathwayRefused(refusal)) => {
            assert_eq!(refusal.message_id(), "pathway-refused-screening-not-offered")
        }
        other => panic!("expected the pathway's refusal, got {other:?}"),
    }
}
on_both_backends!(a_refusal_after_the_screening_was_recorded_is_refused_with_the_pathways_reason);

async fn roles_without_clinical_writing_cannot_record_a_refusal(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = entered(&test.app, &worker, "Guarded", "R-3").await;
    for username in ["prison_staff.has", "director.has", "psychosocial.has", "researcher", "care_worker.gen"] {
        let outsider = actor(&test.app, username).await;
        let refused = test.app.refuse_screening(&outsider, person, None).await;
        assert!(matches!(refused, Err(AppError::Forbidden | AppError::NotFound)), "{username}: {refused:?}");
    }
    let waiting = test.app.worklist(&worker, Paging::default(), false).await.expect("worklist").awaiting;
    assert!(waiting.items.iter().any(|l| l.row.person_id == person && l.row.state == "signalled"));
}
on_both_backends!(roles_without_clinical_writing_cannot_record_a_refusal);

async fn the_worklist_lists_the_weeks_screenings_and_positive_ones_without_an_intake(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let positive = entered(&test.app, &worker, "Positive", "R-4").await;
    let negative = entered(&test.app, &worker, "Negative", "R-5").await;
    for (person, heavy) in [(positive, "cannabis"), (negative, "none")] {
        let id = test.app.start_screening(&worker, person).await.expect("started");
        answer_all(&test.app, &worker, id, heavy).await;
        test.app.complete_screening(&worker, id).await.expect("completed");
    }
    let worklist = test.app.worklist(&worker, Paging::default(), false).await.expect("worklist");
    let screened: Vec<i64> = worklist.screened_this_week.iter().map(|s| s.person_id).collect();
    assert!(screened.contains(&positive) && screened.contains(&negative), "{screened:?}");
    let waiting_intake: Vec<i64> =
        worklist.positive_without_intake.expect("shown to a care worker").iter().map(|w| w.person_id).collect();
    assert!(waiting_intake.contains(&positive) && !waiting_intake.contains(&negative), "{waiting_intake:?}");
    let other = actor(&test.app, "care_worker.gen").await;
    let theirs = test.app.worklist(&other, Paging::default(), false).await.expect("their worklist");
    assert!(theirs.screened_this_week.iter().all(|s| s.person_id != positive), "another prison's screenings");
}
on_both_backends!(the_worklist_lists_the_weeks_screenings_and_positive_ones_without_an_intake);

/// Every line of the worklist, page after page.
async fn all_lines(app: &App, worker: &Actor, overdue_only: bool) -> Vec<(i64, bool)> {
    let mut lines = Vec::new();
    for page in 1.. {
        let paging = Paging { page, per_page: 200 };
        let listing = app.worklist(worker, paging, overdue_only).await.expect("worklist").awaiting;
        lines.extend(listing.items.iter().map(|l| (l.row.person_id, l.overdue)));
        if page >= listing.pages() {
            return lines;
        }
    }
    lines
}

async fn the_overdue_filter_lists_only_people_past_the_screening_deadline(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let has = worker.sites.iter().find(|s| s.code == "HAS").map(|s| s.id).expect("HAS");
    let days_ago = |days: i64| test.app.register_today().checked_sub(jiff::Span::new().days(days)).expect("a date");
    let list = format!(
        "family_name,given_names,birth_date,prison_number,entry_date,legal_status,languages\n\
         Recent,Rita,01/01/1980,R-7,{},remand,nl\nLate,Luc,01/01/1980,R-8,{},remand,nl\n",
        days_ago(3),
        days_ago(20)
    );
    test.app.import_entry_list(&worker, has, list.as_bytes(), |_, _| {}).await.expect("imported");
    let everyone = all_lines(&test.app, &worker, false).await;
    let overdue = all_lines(&test.app, &worker, true).await;
    assert!(everyone.iter().any(|(_, late)| !late), "the demo has people within the deadline");
    assert!(!overdue.is_empty(), "the demo has overdue people");
    let expected: Vec<(i64, bool)> = everyone.into_iter().filter(|(_, late)| *late).collect();
    assert_eq!(overdue, expected);
}
on_both_backends!(the_overdue_filter_lists_only_people_past_the_screening_deadline);

async fn the_pages_record_a_refusal_and_filter_the_worklist(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = entered(&server.app, &worker, "Pagerefuser", "R-6").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let csrf = server.csrf_token(&client).await.expect("token");
    let page = client.get(server.url(&format!("/people/{person}"))).send().await.expect("request");
    assert!(page.text().await.expect("body").contains(&format!("/people/{person}/screenings/refuse")));
    let refused = client
        .post(server.url(&format!("/people/{person}/screenings/refuse")))
        .form(&[("csrf", csrf.as_str()), ("why", "not today")])
        .send()
        .await
        .expect("request");
    assert_eq!(refused.status(), StatusCode::SEE_OTHER);
    let worklist = client.get(server.url("/worklist?overdue=on")).send().await.expect("request");
    assert_eq!(worklist.status(), StatusCode::OK);
    let html = worklist.text().await.expect("body");
    assert!(html.contains(r#"name="overdue" value="on" checked"#), "the filter stays on");
    let rows = html.matches("<tr>").count() - 1;
    assert_eq!(html.matches("badge danger").count(), rows, "every line listed is overdue");
    let html = client.get(server.url("/worklist")).send().await.expect("request").text().await.expect("body");
    assert!(html.contains("Pagerefuser"), "waiting again after the refusal");
    let prison = server.client_for("prison_staff.has").await.expect("signs in");
    let denied = prison
        .post(server.url(&format!("/people/{person}/screenings/refuse")))
        .form(&[("csrf", server.csrf_token(&prison).await.expect("token").as_str())])
        .send()
        .await
        .expect("request");
    assert_eq!(denied.status(), StatusCode::FORBIDDEN);
    server.stop().await;
}
on_both_backends!(the_pages_record_a_refusal_and_filter_the_worklist);

async fn the_demo_screens_recent_entries_at_realistic_rates_through_the_use_cases(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let has = worker.sites.iter().find(|s| s.code == "HAS").map(|s| s.id).expect("HAS");
    let mut list = String::from("family_name,given_names,birth_date,prison_number,entry_date,legal_status,languages\n");
    for n in 0..40_i64 {
        let entry = test.app.register_today().checked_sub(jiff::Span::new().days(n % 20)).expect("a date");
        list.push_str(&format!("Demo{n},Dora,01/01/1980,D-{n},{entry},remand,nl\n"));
    }
    test.app.import_entry_list(&worker, has, list.as_bytes(), |_, _| {}).await.expect("imported");
    let completed = continuum_app::demo::seed_screenings(&test.app, 2, 56, |_, _| {}).await.expect("screened");
    assert!((20..=34).contains(&completed), "about 80 % of the 36 entered 2 days ago or more: {completed}");
    let waiting = all_lines(&test.app, &worker, false).await.len();
    assert_eq!(waiting, 40 - completed, "the newest, those who refused and those not yet screened wait");
    let worklist = test.app.worklist(&worker, Paging::default(), false).await.expect("worklist");
    assert_eq!(worklist.screened_this_week.len(), completed, "every demo screening is at HAS and recent");
    assert!(!worklist.positive_without_intake.expect("clinical").is_empty(), "some screenings are positive");
}
on_both_backends!(the_demo_screens_recent_entries_at_realistic_rates_through_the_use_cases);
