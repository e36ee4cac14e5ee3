//! Release planning: when a pathway moves there (a date change, the sweep,
//! the team), the checklist and its version, what a release records, and
//! who may see and change it (through the application and over HTTP).

use continuum_app::{Actor, App, AppError, Paging};
use continuum_domain::episode::{EpisodeChangeFields, ReleaseFields};
use continuum_domain::pathway::{ClosingReason, Stage, State};
use continuum_domain::release::{ChecklistFields, ChecklistItem};
use continuum_domain::validation::Problem;
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;

use crate::on_both_backends;
use crate::support::{actor, audit_rows, demo_app};

/// A person entered at HAS (on 2026-11-02), brought into care.
pub(crate) async fn in_care(app: &App, worker: &Actor, family: &str, number: &str) -> i64 {
    let person = crate::screening::entered(app, worker, family, number).await;
    continuum_app::demo::bring_into_care(app, worker, person).await.expect("into care");
    person
}

/// The current episode of a person.
pub(crate) async fn episode_of(app: &App, worker: &Actor, person: i64) -> i64 {
    app.get_person(worker, person).await.expect("readable").episodes[0].id
}

/// Sets the expected release `days` from today.
pub(crate) async fn expect_release_in(app: &App, worker: &Actor, person: i64, days: i64) {
    let episode = episode_of(app, worker, person).await;
    let version = app.get_episode(worker, episode).await.expect("readable").episode.version;
    let day = app.register_today().checked_add(jiff::Span::new().days(days)).expect("a day").to_string();
    let change = EpisodeChangeFields { legal_status: "sentenced", expected_release: &day };
    app.update_episode(worker, episode, version, &change).await.expect("changed");
}

pub(crate) async fn state_of(app: &App, worker: &Actor, person: i64) -> State {
    app.release_planning(worker, person).await.expect("readable").state
}

/// A checklist with everything settled but the listed fields left open.
pub(crate) fn checklist(service: &'static str) -> ChecklistFields<'static> {
    ChecklistFields {
        service,
        service_name: "CAW Limburg",
        appointment_date: "2026-12-20",
        appointment_place: "Hasselt, Kolonel Dusartplein 1",
        oat_bridging: "prescribed",
        naloxone: "handed_over",
        housing: "sheltered",
        health_insurance: "requested",
        contact: "agrees",
        contact_channel: "phone",
        contact_detail: "0470 00 00 00",
    }
}

/// Releases the person today.
pub(crate) async fn release_today(app: &App, worker: &Actor, person: i64) {
    let episode = episode_of(app, worker, person).await;
    let today = app.register_today().to_string();
    let release = ReleaseFields { release_date: &today, release_kind: "conditional_release" };
    app.release_episode(worker, episode, &release).await.expect("released");
}

/// Brings a person in care to release planning (release announced).
pub(crate) async fn planning(app: &App, worker: &Actor, family: &str, number: &str) -> i64 {
    let person = in_care(app, worker, family, number).await;
    app.start_release_planning(worker, person, Some("Release announced")).await.expect("started");
    person
}

async fn a_release_date_within_thirty_days_moves_a_pathway_in_care_to_release_planning_at_once(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let far = in_care(&test.app, &worker, "Far", "R-1").await;
    let near = in_care(&test.app, &worker, "Near", "R-2").await;
    expect_release_in(&test.app, &worker, far, 31).await;
    expect_release_in(&test.app, &worker, near, 30).await;
    assert_eq!(state_of(&test.app, &worker, far).await, State::Active(Stage::InCare));
    assert_eq!(state_of(&test.app, &worker, near).await, State::Active(Stage::ReleasePlanning));
    let waiting = crate::screening::entered(&test.app, &worker, "Waiting", "R-3").await;
    expect_release_in(&test.app, &worker, waiting, 5).await;
    assert_eq!(state_of(&test.app, &worker, waiting).await, State::Active(Stage::Signalled), "no care yet");
}
on_both_backends!(a_release_date_within_thirty_days_moves_a_pathway_in_care_to_release_planning_at_once);

async fn the_sweep_moves_a_pathway_when_its_release_comes_within_thirty_days_as_the_system(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = in_care(&test.app, &worker, "Swept", "R-4").await;
    expect_release_in(&test.app, &worker, person, 40).await;
    assert_eq!(test.app.sweep_release_planning().await.expect("swept"), 0);
    test.app.advance_clock(jiff::SignedDuration::from_hours(24 * 10));
    assert_eq!(test.app.sweep_release_planning().await.expect("swept"), 1);
    assert_eq!(state_of(&test.app, &worker, person).await, State::Active(Stage::ReleasePlanning));
    assert_eq!(test.app.sweep_release_planning().await.expect("swept again"), 0, "once");
    let (log, _) = test.app.person_access_log(&worker, person, Paging::default()).await.expect("the access log");
    let swept: Vec<(&str, Option<&str>)> = log
        .items
        .iter()
        .filter(|r| r.entry.action == "release_plan.start")
        .map(|r| (r.entry.purpose.as_str(), r.entry.username.as_deref()))
        .collect();
    assert_eq!(swept, vec![("treatment", Some("system"))]);
}
on_both_backends!(the_sweep_moves_a_pathway_when_its_release_comes_within_thirty_days_as_the_system);

async fn the_team_starts_release_planning_when_release_is_announced_once_the_intake_is_done(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let waiting = crate::screening::entered(&test.app, &worker, "Early", "R-5").await;
    let refused = test.app.start_release_planning(&worker, waiting, Some("announced")).await;
    assert!(matches!(refused, Err(AppError::PathwayRefused(_))), "{refused:?}");
    let person = in_care(&test.app, &worker, "Announced", "R-6").await;
    let long = "x".repeat(501);
    let wordy = test.app.start_release_planning(&worker, person, Some(&long)).await;
    assert!(matches!(wordy, Err(AppError::Invalid(ref i)) if i.for_field("why").is_some()), "{wordy:?}");
    test.app.start_release_planning(&worker, person, Some("Conditional release granted")).await.expect("started");
    let planning = test.app.release_planning(&worker, person).await.expect("readable");
    assert_eq!(planning.state, State::Active(Stage::ReleasePlanning));
    assert_eq!(planning.plan, None, "no plan before the first save");
    assert_eq!(planning.missing, ChecklistItem::ALL.to_vec());
}
on_both_backends!(the_team_starts_release_planning_when_release_is_announced_once_the_intake_is_done);

async fn the_checklist_is_saved_with_its_version_and_a_stale_save_is_refused(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = planning(&test.app, &worker, "Planned", "R-7").await;
    let partial = ChecklistFields { naloxone: "", housing: "", ..checklist("other") };
    test.app.save_release_plan(&worker, person, 0, &partial).await.expect("the plan is made");
    let again = test.app.save_release_plan(&worker, person, 0, &partial).await;
    assert!(matches!(again, Err(AppError::Conflict(_))), "a second first save: {again:?}");
    let plan = test.app.release_planning(&worker, person).await.expect("readable");
    assert_eq!(plan.missing, vec![ChecklistItem::Naloxone, ChecklistItem::Housing]);
    let saved = plan.plan.expect("made");
    assert_eq!((saved.version, saved.service.as_deref()), (1, Some("CAW Limburg")));
    let medical = actor(&test.app, "medical.has").await;
    test.app.save_release_plan(&medical, person, 1, &checklist("other")).await.expect("completed");
    let stale = test.app.save_release_plan(&worker, person, 1, &partial).await;
    assert!(matches!(stale, Err(AppError::Conflict("changed-meanwhile"))), "{stale:?}");
    let plan = test.app.release_planning(&worker, person).await.expect("readable");
    assert!(plan.missing.is_empty(), "{:?}", plan.missing);
    assert_eq!(plan.plan.map(|p| (p.version, p.updated_by)), Some((2, Some("medical.has".to_owned()))));
}
on_both_backends!(the_checklist_is_saved_with_its_version_and_a_stale_save_is_refused);

async fn a_checklist_with_an_unknown_service_or_an_appointment_before_entry_writes_nothing(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = planning(&test.app, &worker, "Wrong", "R-8").await;
    let before = audit_rows(&test.app).await;
    let unknown = test.app.save_release_plan(&worker, person, 0, &checklist("999999")).await;
    assert!(
        matches!(unknown, Err(AppError::Invalid(ref i)) if i.for_field("service") == Some(&Problem::UnknownOrganisation))
    );
    let early = ChecklistFields { appointment_date: "2026-10-01", ..checklist("other") };
    let refused = test.app.save_release_plan(&worker, person, 0, &early).await;
    assert!(
        matches!(refused, Err(AppError::Invalid(ref i)) if i.for_field("appointment_date") == Some(&Problem::BeforeEntry))
    );
    assert_eq!(audit_rows(&test.app).await, before);
    assert_eq!(test.app.release_planning(&worker, person).await.expect("readable").plan, None);
}
on_both_backends!(a_checklist_with_an_unknown_service_or_an_appointment_before_entry_writes_nothing);

async fn the_checklist_is_saved_only_while_the_pathway_is_in_release_planning(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = in_care(&test.app, &worker, "Early", "R-9").await;
    let refused = test.app.save_release_plan(&worker, person, 0, &checklist("other")).await;
    assert!(matches!(refused, Err(AppError::Conflict("release-plan-not-planning"))), "{refused:?}");
}
on_both_backends!(the_checklist_is_saved_only_while_the_pathway_is_in_release_planning);

async fn a_release_with_the_checklist_incomplete_is_recorded_with_the_items_missing(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = planning(&test.app, &worker, "Incomplete", "R-10").await;
    let partial = ChecklistFields { naloxone: "", appointment_date: "", appointment_place: "", ..checklist("other") };
    test.app.save_release_plan(&worker, person, 0, &partial).await.expect("saved");
    release_today(&test.app, &worker, person).await;
    let planning = test.app.release_planning(&worker, person).await.expect("readable");
    assert_eq!(planning.state, State::Active(Stage::ReleasedInFollowUp));
    assert_eq!(planning.plan, None, "the release ends the plan");
    let release = planning.releases.first().expect("recorded");
    assert_eq!(release.release_date, test.app.register_today().to_string());
    assert!(release.with_follow_up);
    assert!(release.plan_made_at.is_some());
    assert_eq!(release.missing, vec![ChecklistItem::Appointment, ChecklistItem::Naloxone]);
}
on_both_backends!(a_release_with_the_checklist_incomplete_is_recorded_with_the_items_missing);

async fn a_release_without_a_plan_is_recorded_with_every_item_missing(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = in_care(&test.app, &worker, "Unplanned", "R-11").await;
    release_today(&test.app, &worker, person).await;
    let planning = test.app.release_planning(&worker, person).await.expect("readable");
    assert_eq!(planning.state, State::Active(Stage::ReleasedInFollowUp));
    let release = planning.releases.first().expect("recorded");
    assert_eq!((release.plan_made_at.as_deref(), release.missing.clone()), (None, ChecklistItem::ALL.to_vec()));
}
on_both_backends!(a_release_without_a_plan_is_recorded_with_every_item_missing);

async fn a_person_who_declines_contact_after_release_is_released_without_follow_up(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = planning(&test.app, &worker, "Declines", "R-12").await;
    let declines =
        ChecklistFields { contact: "declines", contact_channel: "", contact_detail: "", ..checklist("other") };
    test.app.save_release_plan(&worker, person, 0, &declines).await.expect("saved");
    release_today(&test.app, &worker, person).await;
    let planning = test.app.release_planning(&worker, person).await.expect("readable");
    assert_eq!(planning.state, State::Closed(ClosingReason::ReleasedWithoutFollowUp));
    let release = planning.releases.first().expect("recorded");
    assert!(!release.with_follow_up);
    assert!(release.missing.is_empty());
}
on_both_backends!(a_person_who_declines_contact_after_release_is_released_without_follow_up);

async fn a_release_before_entry_is_refused_and_the_plan_stays_open(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = planning(&test.app, &worker, "Before", "R-13").await;
    test.app.save_release_plan(&worker, person, 0, &checklist("other")).await.expect("saved");
    let episode = episode_of(&test.app, &worker, person).await;
    let early = ReleaseFields { release_date: "2026-11-01", release_kind: "end_of_sentence" };
    let refused = test.app.release_episode(&worker, episode, &early).await;
    assert!(
        matches!(refused, Err(AppError::Invalid(ref i)) if i.for_field("release_date") == Some(&Problem::BeforeEntry))
    );
    let planning = test.app.release_planning(&worker, person).await.expect("readable");
    assert_eq!(planning.state, State::Active(Stage::ReleasePlanning));
    assert!(planning.plan.is_some() && planning.releases.is_empty());
}
on_both_backends!(a_release_before_entry_is_refused_and_the_plan_stays_open);

async fn roles_without_clinical_access_never_see_the_plan_and_another_prison_finds_nothing(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = planning(&test.app, &worker, "Secret", "R-14").await;
    for username in ["psychosocial.has", "prison_staff.has", "director.has", "researcher", "admin"] {
        let outsider = actor(&test.app, username).await;
        assert!(matches!(test.app.release_planning(&outsider, person).await, Err(AppError::Forbidden)), "{username}");
        let save = test.app.save_release_plan(&outsider, person, 0, &checklist("other")).await;
        assert!(matches!(save, Err(AppError::Forbidden)), "{username}: {save:?}");
        let start = test.app.start_release_planning(&outsider, person, None).await;
        assert!(matches!(start, Err(AppError::Forbidden)), "{username}: {start:?}");
    }
    let other = actor(&test.app, "care_worker.gen").await;
    for id in [person, 999_999] {
        assert!(matches!(test.app.release_planning(&other, id).await, Err(AppError::NotFound)), "{id}");
        let save = test.app.save_release_plan(&other, id, 0, &checklist("other")).await;
        assert!(matches!(save, Err(AppError::NotFound)), "{id}: {save:?}");
    }
}
on_both_backends!(roles_without_clinical_access_never_see_the_plan_and_another_prison_finds_nothing);

async fn the_checklist_form_names_a_bad_field_keeps_what_was_typed_and_saves_a_good_one(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = planning(&server.app, &worker, "Form", "R-15").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let csrf = server.csrf_token(&client).await.expect("token");
    let url = server.url(&format!("/people/{person}/release-plan"));
    let page = client.get(&url).send().await.expect("request");
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.expect("page").contains("Checklist voor de vrijlating"));
    let bad = [
        ("csrf", csrf.as_str()),
        ("version", "0"),
        ("service", "other"),
        ("service_name", ""),
        ("appointment_date", "20/12/2026"),
        ("appointment_place", "Hasselt"),
        ("naloxone", "handed_over"),
    ];
    let response = client.post(&url).form(&bad).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("page");
    assert!(html.contains("service_name-error"), "the field is named");
    assert!(html.contains("value=\"20/12/2026\"") && html.contains("<option value=\"handed_over\" selected>"));
    let good = [
        ("csrf", csrf.as_str()),
        ("version", "0"),
        ("service", "other"),
        ("service_name", "CAW Limburg"),
        ("naloxone", "handed_over"),
    ];
    let response = client.post(&url).form(&good).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let html = client.get(&url).send().await.expect("request").text().await.expect("page");
    assert!(html.contains("CAW Limburg") && html.contains("Meegegeven"), "the answers are shown");
    server.stop().await;
}
on_both_backends!(the_checklist_form_names_a_bad_field_keeps_what_was_typed_and_saves_a_good_one);
