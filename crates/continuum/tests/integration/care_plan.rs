//! The care plan (issue 5, item 2): started with the pathway's step to "in
//! care", saved whole as versions that are all kept, refused over a stale
//! version, reminded on the worklist when a review is due; clinical.

use continuum_app::{Actor, App, AppError};
use continuum_domain::care::plan::{GoalFields, InterventionFields, PlanFields, differences};
use continuum_domain::pathway::RefusalReason;
use continuum_domain::validation::Problem;
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;

use crate::care_intake::{intake_fields, pathway_state, screened_positive};
use crate::on_both_backends;
use crate::support::{actor, demo_app};

/// A first plan: two goals, one intervention, reviewed on `review_date`.
pub(crate) fn plan_fields<'a>(plan_date: &'a str, review_date: &'a str) -> PlanFields<'a> {
    PlanFields {
        plan_date,
        review_date,
        goals: vec![
            GoalFields { description: "No heroin use in prison", status: "open", ..GoalFields::default() },
            GoalFields { description: "Find housing before release", status: "open", ..GoalFields::default() },
        ],
        interventions: vec![InterventionFields {
            kind: "individual_counselling",
            description: "Weekly conversation",
            responsible: "Care worker",
            starts_on: "2026-11-23",
            status: "planned",
            ..InterventionFields::default()
        }],
        ..PlanFields::default()
    }
}

/// A person at HAS whose intake is recorded.
pub(crate) async fn after_intake(app: &App, worker: &Actor, family: &str) -> i64 {
    let person = screened_positive(app, worker, family).await;
    app.record_intake(worker, person, &intake_fields(&[])).await.expect("intake");
    person
}

fn today(app: &App) -> String {
    app.register_today().to_string()
}

fn in_days(app: &App, days: i64) -> String {
    app.register_today().checked_add(jiff::Span::new().days(days)).expect("a date").to_string()
}

async fn the_first_plan_starts_care_and_every_version_is_kept(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = after_intake(&test.app, &worker, "Planned").await;
    let (today, review) = (today(&test.app), in_days(&test.app, 60));
    let id = test.app.start_care_plan(&worker, person, &plan_fields(&today, &review)).await.expect("started");
    assert_eq!(pathway_state(&test.db, person).await, "in_care");
    let mut second = plan_fields(&today, &review);
    second.goals[0].key = "g1";
    second.goals[0].status = "achieved";
    second.goals[1] = GoalFields { key: "g2", remove: true, ..GoalFields::default() };
    second.interventions[0].key = "i1";
    second.reviewed = true;
    assert_eq!(test.app.revise_care_plan(&worker, id, 1, &second).await.expect("revised"), 2);
    let plan = test.app.care_plan(&worker, id).await.expect("read");
    assert_eq!(plan.versions.len(), 2);
    assert_eq!(plan.versions[0].plan.goals.len(), 2, "the first version is kept whole");
    assert_eq!(plan.versions[1].meta.change, "reviewed");
    assert_eq!(plan.versions[1].meta.changed_by.as_deref(), Some("care_worker.has"));
    let found = differences(&plan.versions[0].plan, &plan.versions[1].plan);
    assert_eq!(found.len(), 2, "one status changed, one goal removed: {found:?}");
    let current = test.app.person_care_plan(&worker, person).await.expect("read").expect("a plan");
    assert_eq!(current.row.id, id);
    let again = test.app.start_care_plan(&worker, person, &plan_fields(&today, &review)).await;
    assert!(matches!(again, Err(AppError::Conflict("care-plan-exists"))), "{again:?}");
}
on_both_backends!(the_first_plan_starts_care_and_every_version_is_kept);

async fn a_review_date_before_the_plan_is_refused_and_nothing_is_written(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = after_intake(&test.app, &worker, "Early").await;
    let fields = plan_fields("2026-11-20", "2026-11-19");
    match test.app.start_care_plan(&worker, person, &fields).await {
        Err(AppError::Invalid(invalid)) => {
            assert_eq!(invalid.for_field("review_date"), Some(&Problem::ReviewBeforePlan));
        }
        other => panic!("refused: {other:?}"),
    }
    assert_eq!(pathway_state(&test.db, person).await, "intake");
    assert!(test.app.person_care_plan(&worker, person).await.expect("read").is_none());
}
on_both_backends!(a_review_date_before_the_plan_is_refused_and_nothing_is_written);

async fn a_plan_before_the_intake_is_refused_by_the_pathway(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "medical.has").await;
    let person = screened_positive(&test.app, &worker, "Notyet").await;
    let (today, review) = (today(&test.app), in_days(&test.app, 30));
    let refused = test.app.start_care_plan(&worker, person, &plan_fields(&today, &review)).await;
    assert!(
        matches!(refused, Err(AppError::PathwayRefused(r)) if r.reason == RefusalReason::IntakeNotDone),
        "{refused:?}"
    );
    assert!(test.app.person_care_plan(&worker, person).await.expect("read").is_none(), "nothing written");
}
on_both_backends!(a_plan_before_the_intake_is_refused_by_the_pathway);

async fn a_save_over_a_stale_version_is_refused_never_written_over(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let nurse = actor(&test.app, "medical.has").await;
    let person = after_intake(&test.app, &worker, "Twoeditors").await;
    let (today, review) = (today(&test.app), in_days(&test.app, 60));
    let id = test.app.start_care_plan(&worker, person, &plan_fields(&today, &review)).await.expect("started");
    let mut theirs = plan_fields(&today, &review);
    theirs.goals[0].key = "g1";
    theirs.goals[1].key = "g2";
    theirs.goals[1].status = "achieved";
    test.app.revise_care_plan(&nurse, id, 1, &theirs).await.expect("the first save over version 1");
    let mut mine = plan_fields(&today, &review);
    mine.goals[0].key = "g1";
    mine.goals[0].description = "No use at all";
    let stale = test.app.revise_care_plan(&worker, id, 1, &mine).await;
    assert!(matches!(stale, Err(AppError::Conflict("care-plan-changed"))), "{stale:?}");
    let plan = test.app.care_plan(&worker, id).await.expect("read");
    assert_eq!(plan.row.version, 2, "the second save wrote nothing");
    assert_eq!(plan.versions[1].plan.goals[1].status.code(), "achieved", "the nurse's change stands");
    assert_eq!(test.app.revise_care_plan(&worker, id, 2, &mine).await.expect("saved knowingly"), 3);
}
on_both_backends!(a_save_over_a_stale_version_is_refused_never_written_over);

async fn the_worklist_shows_reviews_due_and_past_to_clinical_roles(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let due = after_intake(&test.app, &worker, "Duesoon").await;
    let past = after_intake(&test.app, &worker, "Pastdue").await;
    let later = after_intake(&test.app, &worker, "Later").await;
    let today = today(&test.app);
    let soon = in_days(&test.app, 3);
    let far = in_days(&test.app, 40);
    test.app.start_care_plan(&worker, due, &plan_fields(&today, &soon)).await.expect("started");
    test.app.start_care_plan(&worker, past, &plan_fields("2026-11-05", "2026-11-10")).await.expect("started");
    test.app.start_care_plan(&worker, later, &plan_fields(&today, &far)).await.expect("started");
    let reviews = test.app.care_plan_reviews_due(&worker).await.expect("read").expect("clinical");
    let listed: Vec<(i64, bool)> = reviews.iter().map(|r| (r.row.person_id, r.overdue)).collect();
    assert_eq!(listed, vec![(past, true), (due, false)], "the earliest first, the later one not yet");
    let officer = actor(&test.app, "prison_staff.has").await;
    assert_eq!(test.app.care_plan_reviews_due(&officer).await.expect("no error"), None);
    let elsewhere = actor(&test.app, "care_worker.gen").await;
    assert!(test.app.care_plan_reviews_due(&elsewhere).await.expect("read").expect("clinical").is_empty());
}
on_both_backends!(the_worklist_shows_reviews_due_and_past_to_clinical_roles);

async fn another_prisons_plan_is_not_found_and_other_roles_see_nothing(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = after_intake(&test.app, &worker, "Hidden").await;
    let (today, review) = (today(&test.app), in_days(&test.app, 30));
    let id = test.app.start_care_plan(&worker, person, &plan_fields(&today, &review)).await.expect("started");
    for username in ["care_worker.gen", "medical.lan"] {
        let other = actor(&test.app, username).await;
        assert!(matches!(test.app.care_plan(&other, id).await, Err(AppError::NotFound)), "{username}");
        assert!(matches!(test.app.care_plan(&other, 999_999).await, Err(AppError::NotFound)), "{username}");
        let revised = test.app.revise_care_plan(&other, id, 1, &plan_fields(&today, &review)).await;
        assert!(matches!(revised, Err(AppError::NotFound)), "{username}");
    }
    for username in ["psychosocial.has", "prison_staff.has", "director.has", "researcher", "admin"] {
        let other = actor(&test.app, username).await;
        assert!(matches!(test.app.care_plan(&other, id).await, Err(AppError::Forbidden)), "{username}");
        assert!(matches!(test.app.person_care_plan(&other, person).await, Err(AppError::Forbidden)), "{username}");
    }
}
on_both_backends!(another_prisons_plan_is_not_found_and_other_roles_see_nothing);

async fn the_plan_form_reshows_what_was_typed_and_the_others_change(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = after_intake(&server.app, &worker, "Pageplan").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let html = client
        .get(server.url(&format!("/people/{person}/care-plan")))
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("body");
    assert!(html.contains(r#"name="goal_description""#), "the form to start the plan");
    let csrf = continuum_testkit::server::csrf_in(&html).expect("token");
    let today = today(&server.app);
    let review = in_days(&server.app, 30);
    let form = |review_date: &str| {
        vec![
            ("csrf", csrf.clone()),
            ("plan_date", today.clone()),
            ("review_date", review_date.to_owned()),
            ("goal_key", String::new()),
            ("goal_description", "Stay clean".to_owned()),
            ("goal_status", "open".to_owned()),
            ("goal_target_date", String::new()),
            ("intervention_key", String::new()),
            ("intervention_kind", "harm_reduction".to_owned()),
            ("intervention_description", "Naloxone training".to_owned()),
            ("intervention_responsible", "Nurse".to_owned()),
            ("intervention_starts_on", today.clone()),
            ("intervention_status", "planned".to_owned()),
        ]
    };
    let early = client
        .post(server.url(&format!("/people/{person}/care-plan")))
        .form(&form("2026-11-01"))
        .send()
        .await
        .expect("post");
    assert_eq!(early.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = early.text().await.expect("body");
    assert!(html.contains("Naloxone training") && html.contains(r##"href="#review_date""##), "typed, and named");
    let started = client
        .post(server.url(&format!("/people/{person}/care-plan")))
        .form(&form(&review))
        .send()
        .await
        .expect("post");
    assert_eq!(started.status(), StatusCode::SEE_OTHER);
    let plan = server.app.person_care_plan(&worker, person).await.expect("read").expect("a plan");
    let nurse = actor(&server.app, "medical.has").await;
    let mut theirs = plan_fields(&today, &review);
    theirs.goals = vec![GoalFields { key: "g1", description: "Stay clean", status: "achieved", ..Default::default() }];
    server.app.revise_care_plan(&nurse, plan.row.id, 1, &theirs).await.expect("the nurse saves first");
    let mut mine = form(&review);
    mine[3] = ("goal_key", "g1".to_owned());
    mine[4] = ("goal_description", "Stay clean, also of cannabis".to_owned());
    mine.push(("version", "1".to_owned()));
    let stale =
        client.post(server.url(&format!("/care-plans/{}/edit", plan.row.id))).form(&mine).send().await.expect("post");
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    let html = stale.text().await.expect("body");
    assert!(html.contains("Stay clean, also of cannabis"), "what was typed");
    assert!(html.contains("medical.has") && html.contains("→"), "the other's change is shown");
    assert!(html.contains(r#"name="version" value="2""#), "the next save is made over what was shown");
    let history =
        client.get(server.url(&format!("/care-plans/{}/history", plan.row.id))).send().await.expect("request");
    assert_eq!(history.status(), StatusCode::OK);
    server.stop().await;
}
on_both_backends!(the_plan_form_reshows_what_was_typed_and_the_others_change);

async fn a_referral_intervention_of_the_plan_starts_a_referral_with_its_reason(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = after_intake(&server.app, &worker, "Planrefer").await;
    let (today, review) = (today(&server.app), in_days(&server.app, 30));
    let mut fields = plan_fields(&today, &review);
    fields.interventions.push(InterventionFields {
        kind: "referral",
        description: "OAT with the drug service after release",
        responsible: "Care worker",
        starts_on: "2026-11-23",
        status: "planned",
        ..InterventionFields::default()
    });
    let plan = server.app.start_care_plan(&worker, person, &fields).await.expect("started");
    let current = server.app.care_plan(&worker, plan).await.expect("the plan");
    let key = current.current().expect("a version").plan.interventions[1].key.clone();
    let link = format!("/people/{person}/referrals/new?from_plan={key}");

    let client = server.client_for("care_worker.has").await.expect("signs in");
    let page = client.get(server.url(&format!("/care-plans/{plan}"))).send().await.expect("request");
    let page = page.text().await.expect("body");
    assert!(page.contains(&link), "the plan offers to refer from its referral intervention");
    let form = client.get(server.url(&link)).send().await.expect("request").text().await.expect("body");
    assert!(form.contains("OAT with the drug service after release"), "the referral starts with the plan's reason");

    let elsewhere = server.client_for("care_worker.gen").await.expect("signs in");
    let refused = elsewhere.get(server.url(&link)).send().await.expect("request");
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);
    assert!(!refused.text().await.expect("body").contains("OAT with the drug service"));
}
on_both_backends!(a_referral_intervention_of_the_plan_starts_a_referral_with_its_reason);
