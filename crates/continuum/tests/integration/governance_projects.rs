//! Governance (issue 7, item 4): the inventory of local projects and the
//! central group's prior authorisation, on both databases: submitted by
//! the local group, decided at a held meeting of the central group only,
//! with reasons, conditions followed up, the state seen by the local group.

use continuum_app::{Actor, App, AppError};
use continuum_domain::governance::group::{GroupDraft, GroupFields, GroupKind, Thresholds};
use continuum_domain::governance::project::{DecisionFields, ProjectDraft, ProjectFields};
use continuum_domain::validation::Problem;
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;

use crate::governance::{meeting, member, site, working_group};
use crate::on_both_backends;
use crate::support::{actor, demo_app};

/// The group of `kind` (the central group, or a prison's local group),
/// created if the demo has none.
pub(crate) async fn group_of(app: &App, coordinator: &Actor, kind: GroupKind, site_code: Option<&str>) -> i64 {
    let existing = app
        .governance_overview(coordinator)
        .await
        .expect("overview")
        .into_iter()
        .find(|g| g.group.kind == kind.code() && g.group.site_code.as_deref() == site_code);
    if let Some(found) = existing {
        return found.group.id;
    }
    let fields = GroupFields {
        name: if kind == GroupKind::Central { "Centrale stuurgroep drugs" } else { "Lokale stuurgroep drugs" },
        kind: kind.code(),
        site: site_code.map(|code| site(coordinator, code)),
        ..GroupFields::default()
    };
    app.create_group(coordinator, &GroupDraft::parse(&fields, Thresholds::DEFAULT).expect("valid"))
        .await
        .expect("created")
}

fn project(kind: &'static str) -> ProjectDraft {
    ProjectDraft::parse(&ProjectFields {
        title: "Drugvrije afdeling B",
        kind,
        description: "Een afdeling van twintig plaatsen voor wie drugvrij wil blijven",
        services: "Drughulp Limburg (demo)",
        start: "2027-01-01",
        ..ProjectFields::default()
    })
    .expect("a valid project")
}

fn decision(outcome: &'static str) -> DecisionFields<'static> {
    DecisionFields { outcome, reasons: "Past in het beleid; evaluatie nodig", ..DecisionFields::default() }
}

fn problem(result: &Result<impl std::fmt::Debug, AppError>, field: &str) -> Option<Problem> {
    match result {
        Err(AppError::Invalid(invalid)) => invalid.for_field(field).cloned(),
        _ => None,
    }
}

async fn a_local_group_submits_and_the_central_group_decides_at_its_meeting(backend: Backend) {
    let test = demo_app(backend).await;
    let coordinator = actor(&test.app, "coordinator.nl").await;
    let director = actor(&test.app, "director.has").await;
    let local = group_of(&test.app, &coordinator, GroupKind::Local, Some("HAS")).await;
    let central = group_of(&test.app, &coordinator, GroupKind::Central, None).await;
    let project = test.app.create_project(&director, local, &project("drug_free_wing")).await.expect("entered");
    let request = test.app.submit_project(&director, project, "Graag een beslissing").await.expect("submitted");
    let seen = test.app.project_details(&director, project).await.expect("the local group sees it");
    assert_eq!(seen.project.state.as_deref(), Some("submitted"));

    let local_meeting = meeting(&test.app, &director, local, 0, true).await.expect("held");
    let by_local = test.app.decide_request(&coordinator, request, Some(local_meeting), &decision("authorised")).await;
    assert_eq!(problem(&by_local, "meeting"), Some(Problem::GroupMayNotDecide));
    let before = meeting(&test.app, &coordinator, central, -30, true).await.expect("held");
    let too_early = test.app.decide_request(&coordinator, request, Some(before), &decision("authorised")).await;
    assert_eq!(problem(&too_early, "meeting"), Some(Problem::MeetingBeforeSubmission));
    let planned = meeting(&test.app, &coordinator, central, 20, false).await.expect("planned");
    let not_held = test.app.decide_request(&coordinator, request, Some(planned), &decision("authorised")).await;
    assert_eq!(problem(&not_held, "meeting"), Some(Problem::MeetingNotHeld));
    assert_eq!(
        test.app.project_details(&director, project).await.expect("read").project.state.as_deref(),
        Some("submitted"),
        "a refused decision writes nothing"
    );

    let held = meeting(&test.app, &coordinator, central, 0, true).await.expect("held");
    test.app.review_request(&coordinator, request).await.expect("under review");
    test.app.decide_request(&coordinator, request, Some(held), &decision("more_information")).await.expect("decided");
    assert_eq!(
        test.app.project_details(&director, project).await.expect("read").project.state.as_deref(),
        Some("more_information")
    );
    test.app.submit_project(&director, project, "Met de gevraagde informatie").await.expect("submitted again");
    let conditions = DecisionFields {
        conditions: "Evaluatie na zes maanden",
        review_date: "2027-07-01",
        ..decision("authorised_with_conditions")
    };
    test.app.decide_request(&coordinator, request, Some(held), &conditions).await.expect("decided");
    let again = test.app.decide_request(&coordinator, request, Some(held), &decision("refused")).await;
    assert!(matches!(again, Err(AppError::Conflict("governance-request-decided"))));
    let details = test.app.project_details(&director, project).await.expect("read");
    assert_eq!(details.project.state.as_deref(), Some("authorised_with_conditions"));
    assert_eq!(details.project.review_date.as_deref(), Some("2027-07-01"));
    let steps: Vec<&str> = details.events.iter().map(|e| e.step.as_str()).collect();
    assert_eq!(steps, ["submit", "review", "decide", "resubmit", "decide"]);
    assert!(!details.may_decide, "the local director does not decide");

    let next = crate::governance::day(&test.app, 90);
    test.app.follow_up_request(&coordinator, request, "Nog niet geëvalueerd", false, &next).await.expect("followed up");
    test.app.follow_up_request(&coordinator, request, "Evaluatie positief", true, "").await.expect("met");
    let details = test.app.project_details(&director, project).await.expect("read");
    assert!(details.project.conditions_met);
}
on_both_backends!(a_local_group_submits_and_the_central_group_decides_at_its_meeting);

async fn only_a_project_with_a_fundamental_element_is_submitted(backend: Backend) {
    let test = demo_app(backend).await;
    let coordinator = actor(&test.app, "coordinator.nl").await;
    let director = actor(&test.app, "director.has").await;
    let local = group_of(&test.app, &coordinator, GroupKind::Local, Some("HAS")).await;
    let peer = test.app.create_project(&director, local, &project("peer_support")).await.expect("entered");
    let refused = test.app.submit_project(&director, peer, "").await;
    assert!(matches!(refused, Err(AppError::Conflict("governance-project-not-fundamental"))));
    let working = working_group(&test.app, &director, "Werkgroep", Some(site(&director, "HAS"))).await;
    let elsewhere = test.app.create_project(&director, working, &project("urine_tests")).await;
    assert!(matches!(elsewhere, Err(AppError::Conflict("governance-project-needs-local-group"))));
}
on_both_backends!(only_a_project_with_a_fundamental_element_is_submitted);

async fn members_of_the_central_group_decide_and_directors_do_not(backend: Backend) {
    let test = demo_app(backend).await;
    let coordinator = actor(&test.app, "coordinator.fr").await;
    let director = actor(&test.app, "director.lan").await;
    let local = group_of(&test.app, &coordinator, GroupKind::Local, Some("LAN")).await;
    let central = group_of(&test.app, &coordinator, GroupKind::Central, None).await;
    let project = test.app.create_project(&director, local, &project("urine_tests")).await.expect("entered");
    let request = test.app.submit_project(&director, project, "").await.expect("submitted");
    let held = meeting(&test.app, &coordinator, central, 0, true).await.expect("held");
    let by_director = test.app.decide_request(&director, request, Some(held), &decision("authorised")).await;
    assert!(matches!(by_director, Err(AppError::Forbidden)));
    let steering = actor(&test.app, "steering_member.central").await;
    let overview = test.app.governance_overview(&steering).await;
    if overview.as_ref().map_or(true, |groups| !groups.iter().any(|g| g.group.id == central)) {
        member(&test.app, &coordinator, central, "Membre central", "member", "steering_member.central").await;
    }
    let as_member = test.app.decide_request(&steering, request, Some(held), &decision("refused")).await;
    assert!(as_member.is_ok(), "{as_member:?}");
    let seen: Vec<i64> =
        test.app.governance_overview(&steering).await.expect("overview").iter().map(|g| g.group.id).collect();
    assert!(seen.contains(&local), "the central group's members see every group");
    assert!(test.app.group_details(&steering, local).await.is_ok_and(|d| !d.may_manage), "and manage only their own");
}
on_both_backends!(members_of_the_central_group_decide_and_directors_do_not);

async fn the_api_refuses_a_decision_by_a_local_group_in_the_callers_language_and_writes_nothing(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let coordinator = actor(&server.app, "coordinator.fr").await;
    let director = actor(&server.app, "director.lan").await;
    let local = group_of(&server.app, &coordinator, GroupKind::Local, Some("LAN")).await;
    let project = server.app.create_project(&director, local, &project("urine_tests")).await.expect("entered");
    let request = server.app.submit_project(&director, project, "").await.expect("submitted");
    let local_meeting = meeting(&server.app, &director, local, 0, true).await.expect("held");
    let client = server.client_for("coordinator.fr").await.expect("signs in");
    let refused = client
        .post(server.url(&format!("/api/v1/governance/authorisations/{request}/decide")))
        .json(&serde_json::json!({"meeting": local_meeting, "outcome": "authorised", "reasons": "Conforme"}))
        .send()
        .await
        .expect("request");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: serde_json::Value = refused.json().await.expect("problem JSON");
    assert_eq!(problem["errors"][0]["field"], "meeting");
    assert_eq!(problem["errors"][0]["code"], "group-may-not-decide");
    assert!(problem["errors"][0]["message"].as_str().unwrap_or_default().contains("groupe central"), "{problem}");
    let read: serde_json::Value = client
        .get(server.url(&format!("/api/v1/governance/projects/{project}")))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("JSON");
    assert_eq!(read["project"]["request"]["state"], "submitted", "nothing written");
    assert_eq!(read["history"].as_array().map(Vec::len), Some(1));
    server.stop().await;
}
on_both_backends!(the_api_refuses_a_decision_by_a_local_group_in_the_callers_language_and_writes_nothing);

async fn another_prisons_director_does_not_see_a_project(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let coordinator = actor(&server.app, "coordinator.nl").await;
    let director = actor(&server.app, "director.has").await;
    let local = group_of(&server.app, &coordinator, GroupKind::Local, Some("HAS")).await;
    let project = server.app.create_project(&director, local, &project("drug_free_wing")).await.expect("entered");
    let other = server.client_for("director.gen").await.expect("signs in");
    for path in [format!("/governance/projects/{project}"), format!("/api/v1/governance/projects/{project}")] {
        let hidden = other.get(server.url(&path)).send().await.expect("request");
        assert_eq!(hidden.status(), StatusCode::NOT_FOUND, "{path}");
    }
    let own = server.client_for("director.has").await.expect("signs in");
    let page = own.get(server.url(&format!("/governance/projects/{project}"))).send().await.expect("request");
    assert_eq!(page.status(), StatusCode::OK);
    server.stop().await;
}
on_both_backends!(another_prisons_director_does_not_see_a_project);

async fn a_refused_project_form_comes_back_with_what_was_typed_and_writes_nothing(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let coordinator = actor(&server.app, "coordinator.nl").await;
    let director = actor(&server.app, "director.has").await;
    let local = group_of(&server.app, &coordinator, GroupKind::Local, Some("HAS")).await;
    let before = server.app.governance_projects(&director).await.expect("projects").len();
    let client = server.client_for("director.has").await.expect("signs in");
    let csrf = server.csrf_token(&client).await.expect("a form token");
    let response = client
        .post(server.url(&format!("/governance/groups/{local}/projects/new")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("title", ""),
            ("kind", "urine_tests"),
            ("description", "Steekproeven op afdeling C"),
            ("start", "2027-02-01"),
        ])
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("page");
    assert!(html.contains("error-summary") && html.contains("Steekproeven op afdeling C"), "{html}");
    assert_eq!(server.app.governance_projects(&director).await.expect("projects").len(), before);
    server.stop().await;
}
on_both_backends!(a_refused_project_form_comes_back_with_what_was_typed_and_writes_nothing);
