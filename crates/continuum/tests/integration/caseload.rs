//! The caseload: counted by state, of everyone or of one care worker, its
//! alerts, sorted, filtered and paged; who may see it; and the indexes that
//! keep it fast.

use continuum_app::caseload::{AlertKind, CaseloadOrder, CaseloadRequest, WorkerChoice};
use continuum_app::{Actor, App, AppError, Paging};
use continuum_domain::release::ChecklistFields;
use continuum_store::caseload::CASELOAD_SQL;
use continuum_store::{PoolSettings, Store};
use continuum_testkit::database::{Backend, TestDatabase};
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;

use crate::follow_up::released;
use crate::on_both_backends;
use crate::release_planning::{expect_release_in, in_care, planning};
use crate::support::{actor, demo_app};

async fn caseload(app: &App, actor: &Actor, request: CaseloadRequest) -> continuum_app::caseload::Caseload {
    app.caseload(actor, &request).await.expect("the caseload")
}

fn names(caseload: &continuum_app::caseload::Caseload) -> Vec<String> {
    caseload.pathways.items.iter().map(|l| l.row.family_name.clone()).collect()
}

fn count(caseload: &continuum_app::caseload::Caseload, state: &str) -> i64 {
    caseload.counts.iter().find(|(s, _)| *s == state).map_or(0, |(_, n)| *n)
}

/// Three people at HAS: in care (Bravo), in release planning (Alpha),
/// released in follow-up (Charlie); and one still waiting for a screening.
async fn three_pathways(app: &App, worker: &Actor) -> [i64; 3] {
    let bravo = in_care(app, worker, "Bravo", "K-1").await;
    let alpha = planning(app, worker, "Alpha", "K-2").await;
    let charlie = released(app, worker, "Charlie", "K-3").await;
    crate::screening::entered(app, worker, "Waiting", "K-4").await;
    [alpha, bravo, charlie]
}

async fn the_caseload_counts_its_pathways_by_state_and_lists_them_in_the_order_asked(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    three_pathways(&test.app, &worker).await;
    let all = caseload(&test.app, &worker, CaseloadRequest::default()).await;
    let counted: Vec<(&str, i64)> = all.counts.iter().copied().filter(|(_, n)| *n > 0).collect();
    assert_eq!(counted, vec![("in_care", 1), ("release_planning", 1), ("released_in_follow_up", 1)]);
    assert_eq!(all.pathways.total, 3, "the one waiting for a screening is the worklist's");
    assert_eq!(names(&all), ["Alpha", "Bravo", "Charlie"]);
    let reversed = CaseloadRequest { descending: true, ..CaseloadRequest::default() };
    assert_eq!(names(&caseload(&test.app, &worker, reversed).await), ["Charlie", "Bravo", "Alpha"]);
    let by_state = CaseloadRequest { order: Some(CaseloadOrder::State), ..CaseloadRequest::default() };
    assert_eq!(names(&caseload(&test.app, &worker, by_state).await), ["Bravo", "Alpha", "Charlie"]);
    let one_state = CaseloadRequest { state: Some("release_planning".into()), ..CaseloadRequest::default() };
    let filtered = caseload(&test.app, &worker, one_state).await;
    assert_eq!((names(&filtered), filtered.pathways.total), (vec!["Alpha".to_owned()], 1));
}
on_both_backends!(the_caseload_counts_its_pathways_by_state_and_lists_them_in_the_order_asked);

async fn the_caseload_is_paged_with_its_count(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    three_pathways(&test.app, &worker).await;
    let second = CaseloadRequest { paging: Paging { page: 2, per_page: 2 }, ..CaseloadRequest::default() };
    let page = caseload(&test.app, &worker, second).await;
    assert_eq!((names(&page), page.pathways.total, page.pathways.pages()), (vec!["Charlie".to_owned()], 3, 2));
}
on_both_backends!(the_caseload_is_paged_with_its_count);

async fn a_care_workers_caseload_holds_the_pathways_they_are_responsible_for(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let medical = actor(&test.app, "medical.has").await;
    let [alpha, bravo, _] = three_pathways(&test.app, &worker).await;
    test.app.assign_care_worker(&worker, alpha, Some(worker.user_id.0)).await.expect("assigned");
    test.app.assign_care_worker(&worker, bravo, Some(medical.user_id.0)).await.expect("assigned");
    let mine = caseload(&test.app, &worker, CaseloadRequest { worker: WorkerChoice::Mine, ..Default::default() }).await;
    assert_eq!((names(&mine), count(&mine, "release_planning")), (vec!["Alpha".to_owned()], 1));
    assert_eq!(mine.pathways.items[0].row.responsible.as_deref(), Some("Zorgverlener HAS"));
    let theirs = CaseloadRequest { worker: WorkerChoice::User(medical.user_id.0), ..Default::default() };
    assert_eq!(names(&caseload(&test.app, &worker, theirs).await), ["Bravo"]);
    let nobody = CaseloadRequest { worker: WorkerChoice::Nobody, ..Default::default() };
    assert_eq!(names(&caseload(&test.app, &worker, nobody).await), ["Charlie"]);
    let workers: Vec<String> = caseload(&test.app, &worker, CaseloadRequest::default())
        .await
        .workers
        .into_iter()
        .map(|w| w.username)
        .collect();
    assert!(workers.contains(&"care_worker.has".to_owned()) && workers.contains(&"medical.has".to_owned()));
}
on_both_backends!(a_care_workers_caseload_holds_the_pathways_they_are_responsible_for);

async fn a_release_within_fourteen_days_without_a_plan_is_an_alert_until_the_plan_is_made(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let soon = in_care(&test.app, &worker, "Soon", "K-10").await;
    let later = in_care(&test.app, &worker, "Later", "K-11").await;
    expect_release_in(&test.app, &worker, soon, 10).await;
    expect_release_in(&test.app, &worker, later, 20).await;
    let all = caseload(&test.app, &worker, CaseloadRequest::default()).await;
    let alerted: Vec<i64> = all.alerts[0].rows.iter().map(|r| r.person_id).collect();
    assert_eq!((all.alerts[0].kind, alerted), (AlertKind::ReleaseWithoutPlan, vec![soon]));
    let flagged: Vec<(&str, bool)> =
        all.pathways.items.iter().map(|l| (l.row.family_name.as_str(), l.release_without_plan)).collect();
    assert_eq!(flagged, vec![("Later", false), ("Soon", true)]);
    let plan = ChecklistFields { service: "other", service_name: "CAW Limburg", ..ChecklistFields::default() };
    test.app.save_release_plan(&worker, soon, 0, &plan).await.expect("the plan is made");
    let all = caseload(&test.app, &worker, CaseloadRequest::default()).await;
    assert!(all.alerts[0].rows.is_empty() && all.pathways.items.iter().all(|l| !l.release_without_plan));
}
on_both_backends!(a_release_within_fourteen_days_without_a_plan_is_an_alert_until_the_plan_is_made);

async fn an_overdue_follow_up_is_an_alert_of_the_caseload_and_of_its_worker(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = released(&test.app, &worker, "Late", "K-20").await;
    test.app.assign_care_worker(&worker, person, Some(worker.user_id.0)).await.expect("assigned");
    test.app.advance_clock(jiff::SignedDuration::from_hours(24 * 8));
    let mine = caseload(&test.app, &worker, CaseloadRequest { worker: WorkerChoice::Mine, ..Default::default() }).await;
    let overdue: Vec<(i64, i64)> = mine.alerts[1].rows.iter().map(|r| (r.person_id, r.due_days)).collect();
    assert_eq!((mine.alerts[1].kind, overdue), (AlertKind::FollowUpOverdue, vec![(person, 7)]));
    assert!(mine.pathways.items[0].follow_up_overdue);
    let nobody = CaseloadRequest { worker: WorkerChoice::Nobody, ..Default::default() };
    assert!(caseload(&test.app, &worker, nobody).await.alerts[1].rows.is_empty(), "not someone else's");
}
on_both_backends!(an_overdue_follow_up_is_an_alert_of_the_caseload_and_of_its_worker);

async fn only_clinical_roles_see_a_caseload_and_only_of_their_own_prison(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    three_pathways(&test.app, &worker).await;
    for username in ["psychosocial.has", "prison_staff.has", "director.has", "researcher", "admin"] {
        let outsider = actor(&test.app, username).await;
        let refused = test.app.caseload(&outsider, &CaseloadRequest::default()).await;
        assert!(matches!(refused, Err(AppError::Forbidden)), "{username}: {refused:?}");
    }
    let other = actor(&test.app, "medical.gen").await;
    let theirs = caseload(&test.app, &other, CaseloadRequest::default()).await;
    assert_eq!(theirs.pathways.total, 0, "no person of HAS at GEN");
    let mine = CaseloadRequest { worker: WorkerChoice::User(worker.user_id.0), ..Default::default() };
    assert_eq!(caseload(&test.app, &other, mine).await.pathways.total, 0);
    let odd = CaseloadRequest { state: Some("closed".into()), ..Default::default() };
    let invalid = test.app.caseload(&worker, &odd).await;
    assert!(matches!(invalid, Err(AppError::Invalid(ref i)) if i.for_field("state").is_some()), "{invalid:?}");
}
on_both_backends!(only_clinical_roles_see_a_caseload_and_only_of_their_own_prison);

async fn the_caseload_page_sorts_filters_and_shows_its_alerts(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let [alpha, ..] = three_pathways(&server.app, &worker).await;
    expect_release_in(&server.app, &worker, alpha, 5).await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let response = client.get(server.url("/caseload?sort=name&dir=desc")).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.expect("page");
    let (charlie, alpha_at) = (html.find("Charlie").expect("listed"), html.rfind("Alpha").expect("listed"));
    assert!(charlie < alpha_at, "sorted by name, reversed");
    assert!(html.contains("aria-sort=\"descending\"") && html.contains("Vrijlating binnen 14 dagen zonder plan (1)"));
    let filtered = client.get(server.url("/caseload?state=in_care")).send().await.expect("request");
    let html = filtered.text().await.expect("page");
    assert!(html.contains("Bravo") && !html.contains("Charlie"), "only in care");
    let odd = client.get(server.url("/caseload?state=closed")).send().await.expect("request");
    assert_eq!(odd.status(), StatusCode::OK);
    assert!(odd.text().await.expect("page").contains("kon niet gelezen worden"), "the filter is named as unread");
    let refused = server.client_for("psychosocial.has").await.expect("signs in");
    let status = refused.get(server.url("/caseload")).send().await.expect("request").status();
    assert_eq!(status, StatusCode::FORBIDDEN);
    server.stop().await;
}
on_both_backends!(the_caseload_page_sorts_filters_and_shows_its_alerts);

async fn the_caseload_and_its_alerts_are_read_from_their_indexes(backend: Backend) {
    let db = TestDatabase::fresh(backend).await.expect("database");
    let store = Store::connect(&db.url, &PoolSettings::default()).await.expect("connect");
    store.migrate().await.expect("migrate");
    let plan = crate::register_search::plan;
    let by_site = plan(
        &store,
        &format!("SELECT w.state, COUNT(*) FROM pathways w WHERE w.site_id = 1 AND {CASELOAD_SQL} GROUP BY w.state"),
    )
    .await;
    assert!(by_site.contains("pathways_caseload_site"), "{by_site}");
    let by_worker = plan(
        &store,
        &format!(
            "SELECT w.state, COUNT(*) FROM pathways w WHERE w.responsible_user_id = 7 AND {CASELOAD_SQL} \
             GROUP BY w.state"
        ),
    )
    .await;
    assert!(by_worker.contains("pathways_caseload_worker"), "{by_worker}");
    let releases = plan(
        &store,
        "SELECT e.id FROM detention_episodes e WHERE e.site_id = 1 AND e.release_date IS NULL \
         AND e.expected_release >= '2026-11-24' AND e.expected_release <= '2026-12-08'",
    )
    .await;
    assert!(releases.contains("detention_episodes_expected_open"), "{releases}");
}
on_both_backends!(the_caseload_and_its_alerts_are_read_from_their_indexes);

async fn oat_declared_at_entry_and_not_prescribed_within_24_hours_is_an_alert_until_continuity_is_recorded(
    backend: Backend,
) {
    use continuum_domain::oat::{ContinuityFields, DeclarationFields};

    use crate::oat::{declared, entered_at, methadone};
    let test = demo_app(backend).await;
    let medical = actor(&test.app, "medical.has").await;
    let worker = actor(&test.app, "care_worker.has").await;
    let today = test.app.register_today().to_string();
    let fields = DeclarationFields { last_dose_date: &today, ..declared("methadone") };
    let waiting = entered_at(&test.app, &medical, "HAS", "Waiting", "OAT-20", None).await;
    let id = test.app.declare_outside_oat(&medical, waiting, &fields).await.expect("declared");
    let prescribed = entered_at(&test.app, &medical, "HAS", "Prescribed", "OAT-21", None).await;
    test.app.declare_outside_oat(&medical, prescribed, &fields).await.expect("declared");
    test.app.record_prescription(&medical, prescribed, &methadone("60")).await.expect("prescribed");
    let interrupted = |caseload: continuum_app::caseload::Caseload| {
        let section = &caseload.alerts[2];
        assert_eq!(section.kind, AlertKind::OatInterrupted);
        section.rows.iter().map(|r| r.person_id).collect::<Vec<i64>>()
    };
    assert!(interrupted(caseload(&test.app, &worker, CaseloadRequest::default()).await).is_empty(), "within 24 h");
    test.app.advance_clock(jiff::SignedDuration::from_hours(25));
    assert_eq!(interrupted(caseload(&test.app, &worker, CaseloadRequest::default()).await), vec![waiting]);
    let nobody = CaseloadRequest { worker: WorkerChoice::Nobody, ..Default::default() };
    assert_eq!(interrupted(caseload(&test.app, &worker, nobody).await), vec![waiting], "no pathway: nobody's");
    let mine = CaseloadRequest { worker: WorkerChoice::Mine, ..Default::default() };
    assert!(interrupted(caseload(&test.app, &worker, mine).await).is_empty(), "not the worker's");
    let late = ContinuityFields { continued: "no", reason: "late_prescription", note: "" };
    test.app.record_continuity(&medical, id, &late).await.expect("recorded");
    assert!(interrupted(caseload(&test.app, &worker, CaseloadRequest::default()).await).is_empty(), "resolved");
}
on_both_backends!(oat_declared_at_entry_and_not_prescribed_within_24_hours_is_an_alert_until_continuity_is_recorded);

async fn the_demo_seeds_each_care_workers_caseload_with_a_pathway_at_every_step_at_every_prison(backend: Backend) {
    let test = demo_app(backend).await;
    continuum_app::demo::seed_care_pathways(&test.app).await.expect("the demo's care pathways");
    for site in continuum_domain::site::PILOT_SITES {
        let worker = actor(&test.app, &format!("care_worker.{}", site.code.to_ascii_lowercase())).await;
        let mine =
            caseload(&test.app, &worker, CaseloadRequest { worker: WorkerChoice::Mine, ..Default::default() }).await;
        let counts: Vec<i64> =
            ["intake", "in_care", "release_planning", "released_in_follow_up"].map(|s| count(&mine, s)).to_vec();
        assert_eq!(counts, vec![1, 1, 1, 2], "{}: intake, in care, release planning, released", site.code);
        let overdue = mine.alerts.iter().find(|a| a.kind == AlertKind::FollowUpOverdue).expect("the section");
        assert_eq!(overdue.rows.len(), 1, "{}: the release without a plan, 10 days ago", site.code);
    }
}
on_both_backends!(the_demo_seeds_each_care_workers_caseload_with_a_pathway_at_every_step_at_every_prison);

async fn the_demos_follow_ups_end_completed_and_lost_to_follow_up(backend: Backend) {
    use continuum_domain::pathway::{ClosingReason, State};
    let test = demo_app(backend).await;
    continuum_app::demo::seed_care_pathways(&test.app).await.expect("the demo's care pathways");
    let worker = actor(&test.app, "care_worker.lan").await;
    for (family, reason) in [("Leroy", ClosingReason::Completed), ("Lemaire", ClosingReason::LostToFollowUp)] {
        let found = test
            .app
            .search_people(&worker, family, continuum_app::people::PeopleOrder::Name, Paging::default())
            .await
            .expect("found");
        let state = test.app.release_planning(&worker, found.items[0].id).await.expect("readable").state;
        assert_eq!(state, State::Closed(reason), "{family}");
    }
}
on_both_backends!(the_demos_follow_ups_end_completed_and_lost_to_follow_up);
