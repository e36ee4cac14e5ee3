//! The follow-up after release: the contacts due at 7 and 30 days, recorded
//! once each, overdue on the worklist, and the closing of the follow-up.

use continuum_app::{Actor, App, AppError, Paging};
use continuum_domain::pathway::{ClosingReason, Stage, State};
use continuum_domain::release::{Attendance, ContactMeans, FollowUpFields};
use continuum_domain::validation::Problem;
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;

use crate::on_both_backends;
use crate::release_planning::{in_care, release_today, state_of};
use crate::support::{actor, demo_app};

/// A person in care at HAS, released today into follow-up.
pub(crate) async fn released(app: &App, worker: &Actor, family: &str, number: &str) -> i64 {
    let person = in_care(app, worker, family, number).await;
    release_today(app, worker, person).await;
    person
}

fn day_after(app: &App, days: i64) -> String {
    app.register_today().checked_add(jiff::Span::new().days(days)).expect("a day").to_string()
}

/// The contact due `due_days` after release, made on `contact_date`.
fn contact<'a>(due_days: &'a str, contact_date: &'a str) -> FollowUpFields<'a> {
    FollowUpFields {
        due_days,
        contact_date,
        attendance: "attended",
        means: "service_phone",
        note: "Went to the intake",
    }
}

async fn overdue(app: &App, worker: &Actor) -> Vec<(i64, i64)> {
    let site = worker.sites.iter().find(|s| s.code == "HAS").map(|s| s.id).expect("HAS");
    app.overdue_follow_ups(worker, site)
        .await
        .expect("the overdue list")
        .iter()
        .map(|r| (r.person_id, r.due_days))
        .collect()
}

async fn a_release_into_follow_up_has_contacts_due_seven_and_thirty_days_later(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = released(&test.app, &worker, "Followed", "F-1").await;
    let planning = test.app.release_planning(&worker, person).await.expect("readable");
    let due: Vec<(i64, String, bool)> =
        planning.releases[0].follow_ups.iter().map(|f| (f.due_days, f.due_date.clone(), f.overdue)).collect();
    assert_eq!(due, vec![(7, day_after(&test.app, 7), false), (30, day_after(&test.app, 30), false)]);
}
on_both_backends!(a_release_into_follow_up_has_contacts_due_seven_and_thirty_days_later);

async fn a_follow_up_contact_is_recorded_once_with_whether_and_how_the_person_reached_the_service(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = released(&test.app, &worker, "Reached", "F-2").await;
    let today = test.app.register_today().to_string();
    test.app.record_follow_up(&worker, person, &contact("7", &today)).await.expect("recorded");
    let again = test.app.record_follow_up(&worker, person, &contact("7", &today)).await;
    assert!(matches!(again, Err(AppError::Conflict("follow-up-recorded"))), "{again:?}");
    let planning = test.app.release_planning(&worker, person).await.expect("readable");
    let seven = &planning.releases[0].follow_ups[0];
    assert_eq!(seven.contact_date.as_deref(), Some(today.as_str()));
    assert_eq!((seven.attendance, seven.means), (Some(Attendance::Attended), Some(ContactMeans::ServiceByPhone)));
    assert_eq!(seven.recorded_by.as_deref(), Some("care_worker.has"));
    assert!(planning.releases[0].follow_ups[1].recorded_at.is_none(), "the 30-day contact still waits");
}
on_both_backends!(a_follow_up_contact_is_recorded_once_with_whether_and_how_the_person_reached_the_service);

async fn a_contact_before_the_release_or_after_today_is_refused_naming_the_day(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = released(&test.app, &worker, "Dated", "F-3").await;
    let (before, after) = (day_after(&test.app, -1), day_after(&test.app, 1));
    let early = test.app.record_follow_up(&worker, person, &contact("7", &before)).await;
    assert!(
        matches!(early, Err(AppError::Invalid(ref i)) if i.for_field("contact_date") == Some(&Problem::BeforeRelease))
    );
    let future = test.app.record_follow_up(&worker, person, &contact("30", &after)).await;
    assert!(
        matches!(future, Err(AppError::Invalid(ref i)) if i.for_field("contact_date") == Some(&Problem::ImpossibleDate))
    );
    let planning = test.app.release_planning(&worker, person).await.expect("readable");
    assert!(planning.releases[0].follow_ups.iter().all(|f| f.recorded_at.is_none()), "nothing written");
}
on_both_backends!(a_contact_before_the_release_or_after_today_is_refused_naming_the_day);

async fn a_contact_not_recorded_after_its_day_is_overdue_on_the_worklist_until_recorded(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = released(&test.app, &worker, "Overdue", "F-4").await;
    let other = released(&test.app, &worker, "Recorded", "F-5").await;
    let today = test.app.register_today().to_string();
    test.app.record_follow_up(&worker, other, &contact("7", &today)).await.expect("recorded");
    assert_eq!(overdue(&test.app, &worker).await, vec![], "nothing due yet");
    test.app.advance_clock(jiff::SignedDuration::from_hours(24 * 8));
    assert_eq!(overdue(&test.app, &worker).await, vec![(person, 7)]);
    let late = test.app.register_today().to_string();
    test.app.record_follow_up(&worker, person, &contact("7", &late)).await.expect("recorded late");
    assert_eq!(overdue(&test.app, &worker).await, vec![]);
    let planning = test.app.release_planning(&worker, person).await.expect("readable");
    assert!(!planning.releases[0].follow_ups[0].overdue);
}
on_both_backends!(a_contact_not_recorded_after_its_day_is_overdue_on_the_worklist_until_recorded);

async fn a_follow_up_completes_once_both_contacts_are_recorded(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = released(&test.app, &worker, "Completed", "F-6").await;
    let today = test.app.register_today().to_string();
    test.app.record_follow_up(&worker, person, &contact("7", &today)).await.expect("recorded");
    let early = test.app.close_follow_up(&worker, person, "completed", None).await;
    assert!(matches!(early, Err(AppError::Conflict("follow-up-refused-outstanding"))), "{early:?}");
    test.app.record_follow_up(&worker, person, &contact("30", &today)).await.expect("recorded");
    test.app
        .close_follow_up(&worker, person, "completed", Some("Settled with the outside service"))
        .await
        .expect("closed");
    assert_eq!(state_of(&test.app, &worker, person).await, State::Closed(ClosingReason::Completed));
    assert_eq!(overdue(&test.app, &worker).await, vec![]);
}
on_both_backends!(a_follow_up_completes_once_both_contacts_are_recorded);

async fn a_follow_up_closes_as_lost_declined_or_deceased_at_any_time(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    for (n, reason) in
        [ClosingReason::LostToFollowUp, ClosingReason::Declined, ClosingReason::Deceased].into_iter().enumerate()
    {
        let person = released(&test.app, &worker, "Closed", &format!("F-1{n}")).await;
        test.app.close_follow_up(&worker, person, reason.code(), Some("No answer")).await.expect("closed");
        assert_eq!(state_of(&test.app, &worker, person).await, State::Closed(reason), "{reason:?}");
    }
    test.app.advance_clock(jiff::SignedDuration::from_hours(24 * 31));
    assert_eq!(overdue(&test.app, &worker).await, vec![], "a closed follow-up is never overdue");
}
on_both_backends!(a_follow_up_closes_as_lost_declined_or_deceased_at_any_time);

async fn closing_is_refused_outside_follow_up_and_for_a_reason_the_team_does_not_choose(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = in_care(&test.app, &worker, "Inside", "F-20").await;
    let inside = test.app.close_follow_up(&worker, person, "lost_to_follow_up", None).await;
    assert!(matches!(inside, Err(AppError::PathwayRefused(_))), "{inside:?}");
    let recorded = test.app.record_follow_up(&worker, person, &contact("7", &day_after(&test.app, 0))).await;
    assert!(matches!(recorded, Err(AppError::Conflict("follow-up-refused-not-in-follow-up"))), "{recorded:?}");
    let person = released(&test.app, &worker, "Outside", "F-21").await;
    let transferred = test.app.close_follow_up(&worker, person, "transferred_out_of_programme", None).await;
    assert!(matches!(transferred, Err(AppError::Conflict("follow-up-refused-not-a-choice"))), "{transferred:?}");
    let unknown = test.app.close_follow_up(&worker, person, "vanished", None).await;
    assert!(matches!(unknown, Err(AppError::Invalid(ref i)) if i.for_field("reason") == Some(&Problem::InvalidFormat)));
    assert_eq!(state_of(&test.app, &worker, person).await, State::Active(Stage::ReleasedInFollowUp));
}
on_both_backends!(closing_is_refused_outside_follow_up_and_for_a_reason_the_team_does_not_choose);

async fn roles_without_clinical_access_neither_record_nor_close_and_another_prison_finds_nothing(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = released(&test.app, &worker, "Private", "F-30").await;
    let today = test.app.register_today().to_string();
    let has = worker.sites.iter().find(|s| s.code == "HAS").map(|s| s.id).expect("HAS");
    for username in ["psychosocial.has", "prison_staff.has", "director.has", "researcher", "admin"] {
        let outsider = actor(&test.app, username).await;
        let record = test.app.record_follow_up(&outsider, person, &contact("7", &today)).await;
        assert!(matches!(record, Err(AppError::Forbidden)), "{username}: {record:?}");
        let close = test.app.close_follow_up(&outsider, person, "completed", None).await;
        assert!(matches!(close, Err(AppError::Forbidden)), "{username}: {close:?}");
        assert!(matches!(test.app.overdue_follow_ups(&outsider, has).await, Err(AppError::Forbidden)), "{username}");
    }
    let other = actor(&test.app, "care_worker.gen").await;
    for id in [person, 999_999] {
        let record = test.app.record_follow_up(&other, id, &contact("7", &today)).await;
        assert!(matches!(record, Err(AppError::NotFound)), "{id}: {record:?}");
        let close = test.app.close_follow_up(&other, id, "lost_to_follow_up", None).await;
        assert!(matches!(close, Err(AppError::NotFound)), "{id}: {close:?}");
    }
    assert!(matches!(test.app.overdue_follow_ups(&other, has).await, Err(AppError::Forbidden)));
    assert_eq!(state_of(&test.app, &worker, person).await, State::Active(Stage::ReleasedInFollowUp));
}
on_both_backends!(roles_without_clinical_access_neither_record_nor_close_and_another_prison_finds_nothing);

async fn the_team_records_and_closes_the_follow_up_on_the_page_and_sees_it_overdue_on_the_worklist(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = released(&server.app, &worker, "Paged", "F-40").await;
    server.app.advance_clock(jiff::SignedDuration::from_hours(24 * 8));
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let worklist = client.get(server.url("/worklist")).send().await.expect("request").text().await.expect("page");
    assert!(
        worklist.contains("Opvolgcontacten te laat") && worklist.contains(&format!("/people/{person}")),
        "{worklist}"
    );
    let csrf = server.csrf_token(&client).await.expect("token");
    let record = server.url(&format!("/people/{person}/follow-ups"));
    let bad = [("csrf", csrf.as_str()), ("due_days", "7"), ("contact_date", "yesterday"), ("attendance", "attended")];
    let response = client.post(&record).form(&bad).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("page");
    assert!(
        html.contains("contact_date-error") && html.contains("means-error") && html.contains("value=\"yesterday\"")
    );
    let today = server.app.register_today().to_string();
    let good = [
        ("csrf", csrf.as_str()),
        ("due_days", "7"),
        ("contact_date", today.as_str()),
        ("attendance", "not_attended"),
        ("means", "person_phone"),
    ];
    let response = client.post(&record).form(&good).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let close = server.url(&format!("/people/{person}/follow-up/close"));
    let form = [("csrf", csrf.as_str()), ("reason", "lost_to_follow_up"), ("why", "Unreachable")];
    let response = client.post(&close).form(&form).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = client.get(server.url(&format!("/people/{person}/release-plan"))).send().await.expect("request");
    let html = page.text().await.expect("page");
    assert!(html.contains("Niet aanwezig") && html.contains("Afgesloten"), "recorded and closed");
    let (log, _) = server.app.person_access_log(&worker, person, Paging::default()).await.expect("the access log");
    let actions: Vec<&str> = log.items.iter().map(|r| r.entry.action.as_str()).collect();
    assert!(actions.contains(&"follow_up.record") && actions.contains(&"follow_up.close"), "{actions:?}");
    server.stop().await;
}
on_both_backends!(the_team_records_and_closes_the_follow_up_on_the_page_and_sees_it_overdue_on_the_worklist);
