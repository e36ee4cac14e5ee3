//! Governance (issue 7): groups, members, meetings, minutes, decisions and
//! actions through the use cases, on both databases: the rules of bad
//! input (nothing written), who sees which group, the audit trail, and the
//! calendar files over HTTP.

use continuum_app::{Actor, App, AppError};
use continuum_domain::governance::action::ActionFields;
use continuum_domain::governance::group::{GroupDraft, GroupFields, MemberDraft, MemberFields, Thresholds};
use continuum_domain::governance::meeting::{Attendance, MeetingFields};
use continuum_domain::ids::SiteId;
use continuum_domain::validation::Problem;
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;

use crate::on_both_backends;
use crate::support::{actor, audit_rows, demo_app};

pub(crate) fn site(actor: &Actor, code: &str) -> SiteId {
    actor.sites.iter().find(|s| s.code == code).map(|s| s.id).expect("a demo site")
}

fn problem(result: &Result<impl std::fmt::Debug, AppError>, field: &str) -> Option<Problem> {
    match result {
        Err(AppError::Invalid(invalid)) => invalid.for_field(field).cloned(),
        _ => None,
    }
}

/// A further group (kind `other`) at `site`, or programme-wide.
pub(crate) async fn working_group(app: &App, by: &Actor, name: &str, site: Option<SiteId>) -> i64 {
    let fields = GroupFields { name, kind: "other", site, ..GroupFields::default() };
    let draft = GroupDraft::parse(&fields, Thresholds::DEFAULT).expect("a valid group");
    app.create_group(by, &draft).await.expect("created")
}

/// Adds a member since 2020 (linked to `username` if not empty).
pub(crate) async fn member(app: &App, by: &Actor, group: i64, name: &str, office: &str, username: &str) -> i64 {
    let fields =
        MemberFields { function: "prison_director", name, organisation: "", office, start: "2020-01-01", end: "" };
    let draft = MemberDraft::parse(&fields).expect("a valid member");
    app.add_member(by, group, &draft, username).await.expect("added")
}

/// A day `days` from today (negative: before), `YYYY-MM-DD`.
pub(crate) fn day(app: &App, days: i64) -> String {
    let today = app.governance_today();
    today.checked_add(jiff::Span::new().days(days)).expect("a day").to_string()
}

/// A meeting `days` from today at 10:00, held (it took place) or planned.
pub(crate) async fn meeting(app: &App, by: &Actor, group: i64, days: i64, held: bool) -> Result<i64, AppError> {
    let date = day(app, days);
    let fields =
        MeetingFields { date: &date, time: "10:00", agenda: "Opvolging\nVaria", held, ..MeetingFields::default() };
    app.plan_meeting(by, group, &fields).await
}

async fn a_director_creates_groups_at_their_prison_only(backend: Backend) {
    let test = demo_app(backend).await;
    let director = actor(&test.app, "director.has").await;
    let coordinator = actor(&test.app, "coordinator.nl").await;
    let has = working_group(&test.app, &director, "Werkgroep drugs Hasselt", Some(site(&director, "HAS"))).await;
    assert!(test.app.group_details(&director, has).await.is_ok());
    let fields = GroupFields {
        name: "Werkgroep Gent",
        kind: "other",
        site: Some(site(&coordinator, "GEN")),
        ..GroupFields::default()
    };
    let draft = GroupDraft::parse(&fields, Thresholds::DEFAULT).expect("valid");
    assert!(matches!(test.app.create_group(&director, &draft).await, Err(AppError::Forbidden)));
    let programme = GroupDraft::parse(&GroupFields { site: None, ..fields }, Thresholds::DEFAULT).expect("valid");
    assert!(matches!(test.app.create_group(&director, &programme).await, Err(AppError::Forbidden)));
    assert!(
        test.app.create_group(&coordinator, &programme).await.is_ok(),
        "a coordinator creates programme-wide groups"
    );
}
on_both_backends!(a_director_creates_groups_at_their_prison_only);

async fn there_is_one_central_group_and_one_local_group_per_prison(backend: Backend) {
    let test = demo_app(backend).await;
    let coordinator = actor(&test.app, "coordinator.nl").await;
    let central = GroupDraft::parse(
        &GroupFields { name: "Centrale stuurgroep drugs", kind: "central", ..GroupFields::default() },
        Thresholds::DEFAULT,
    )
    .expect("valid");
    // The demo may hold a central group already: then the first is refused too.
    let _ = test.app.create_group(&coordinator, &central).await;
    let second = test.app.create_group(&coordinator, &central).await;
    assert_eq!(problem(&second, "kind"), Some(Problem::Duplicate));
    let local = GroupDraft::parse(
        &GroupFields {
            name: "Lokale stuurgroep Leuven",
            kind: "local",
            site: Some(site(&coordinator, "LEU")),
            ..GroupFields::default()
        },
        Thresholds::DEFAULT,
    )
    .expect("valid");
    let _ = test.app.create_group(&coordinator, &local).await;
    assert_eq!(problem(&test.app.create_group(&coordinator, &local).await, "site"), Some(Problem::Duplicate));
}
on_both_backends!(there_is_one_central_group_and_one_local_group_per_prison);

async fn a_group_has_one_chair_at_a_time_and_shows_a_vacant_chair(backend: Backend) {
    let test = demo_app(backend).await;
    let director = actor(&test.app, "director.has").await;
    let group = working_group(&test.app, &director, "Werkgroep preventie", Some(site(&director, "HAS"))).await;
    assert!(test.app.group_details(&director, group).await.expect("details").vacancies.chair);
    member(&test.app, &director, group, "A. Voorzitter", "chair", "").await;
    let fields = MemberFields {
        function: "prison_doctor",
        name: "B. Tweede",
        office: "chair",
        start: "2024-01-01",
        ..MemberFields::default()
    };
    let draft = MemberDraft::parse(&fields).expect("valid");
    let refused = test.app.add_member(&director, group, &draft, "").await;
    assert_eq!(problem(&refused, "office"), Some(Problem::OfficeTaken));
    let unknown = test
        .app
        .add_member(
            &director,
            group,
            &MemberDraft { office: continuum_domain::governance::group::Office::Member, ..draft },
            "nobody.here",
        )
        .await;
    assert_eq!(problem(&unknown, "username"), Some(Problem::UnknownUser));
    let details = test.app.group_details(&director, group).await.expect("details");
    assert!(!details.vacancies.chair);
    assert_eq!(details.members.len(), 1, "nothing written for the refused members");
}
on_both_backends!(a_group_has_one_chair_at_a_time_and_shows_a_vacant_chair);

async fn a_meeting_in_the_past_cannot_be_planned_and_nothing_is_written(backend: Backend) {
    let test = demo_app(backend).await;
    let director = actor(&test.app, "director.has").await;
    let group = working_group(&test.app, &director, "Werkgroep", Some(site(&director, "HAS"))).await;
    let rows = audit_rows(&test.app).await;
    let past = meeting(&test.app, &director, group, -3, false).await;
    assert_eq!(problem(&past, "date"), Some(Problem::MeetingInPast));
    let future_held = meeting(&test.app, &director, group, 3, true).await;
    assert_eq!(problem(&future_held, "date"), Some(Problem::MeetingInFuture));
    assert_eq!(audit_rows(&test.app).await, rows, "a refused meeting writes nothing");
    assert!(test.app.group_details(&director, group).await.expect("details").meetings.is_empty());
    assert!(meeting(&test.app, &director, group, 3, false).await.is_ok());
    assert!(
        meeting(&test.app, &director, group, -3, true).await.is_ok(),
        "a meeting that took place is recorded as held"
    );
}
on_both_backends!(a_meeting_in_the_past_cannot_be_planned_and_nothing_is_written);

async fn attendance_is_recorded_once_a_meeting_has_begun_and_gives_its_quorum(backend: Backend) {
    let test = demo_app(backend).await;
    let director = actor(&test.app, "director.has").await;
    let group = working_group(&test.app, &director, "Werkgroep", Some(site(&director, "HAS"))).await;
    let members = [
        member(&test.app, &director, group, "A. Een", "chair", "").await,
        member(&test.app, &director, group, "B. Twee", "secretary", "").await,
        member(&test.app, &director, group, "C. Drie", "member", "").await,
    ];
    let coming = meeting(&test.app, &director, group, 5, false).await.expect("planned");
    let early = test.app.record_attendance(&director, coming, &[(members[0], Attendance::Present)]).await;
    assert_eq!(problem(&early, "attendance"), Some(Problem::MeetingInFuture));
    let held = meeting(&test.app, &director, group, -5, true).await.expect("held");
    let partial = test.app.record_attendance(&director, held, &[(members[0], Attendance::Present)]).await;
    assert_eq!(problem(&partial, "attendance"), Some(Problem::Required), "every invited member is accounted for");
    let all = [(members[0], Attendance::Present), (members[1], Attendance::Present), (members[2], Attendance::Excused)];
    test.app.record_attendance(&director, held, &all).await.expect("recorded");
    let quorum = test.app.meeting_details(&director, held).await.expect("details").quorum.expect("a quorum");
    assert_eq!((quorum.present, quorum.invited, quorum.needed, quorum.met), (2, 3, 2, true));
}
on_both_backends!(attendance_is_recorded_once_a_meeting_has_begun_and_gives_its_quorum);

async fn minutes_cannot_be_approved_before_their_meeting_was_held(backend: Backend) {
    let test = demo_app(backend).await;
    let director = actor(&test.app, "director.has").await;
    let group = working_group(&test.app, &director, "Werkgroep", Some(site(&director, "HAS"))).await;
    let planned = meeting(&test.app, &director, group, 10, false).await.expect("planned");
    let held = meeting(&test.app, &director, group, -1, true).await.expect("held");
    let minutes = test.app.save_minutes(&director, planned, "Verslag").await;
    assert_eq!(problem(&minutes, "minutes"), Some(Problem::MeetingNotHeld));
    let approval = test.app.approve_minutes(&director, planned, Some(held)).await;
    assert_eq!(problem(&approval, "minutes"), Some(Problem::MeetingNotHeld));
}
on_both_backends!(minutes_cannot_be_approved_before_their_meeting_was_held);

async fn minutes_are_approved_at_a_later_held_meeting_and_then_stay(backend: Backend) {
    let test = demo_app(backend).await;
    let director = actor(&test.app, "director.has").await;
    let group = working_group(&test.app, &director, "Werkgroep", Some(site(&director, "HAS"))).await;
    let first = meeting(&test.app, &director, group, -60, true).await.expect("held");
    let second = meeting(&test.app, &director, group, -2, true).await.expect("held");
    assert_eq!(test.app.save_minutes(&director, first, "Ontwerp").await.expect("v1"), 1);
    assert_eq!(test.app.save_minutes(&director, first, "Verslag na opmerkingen").await.expect("v2"), 2);
    let at_itself = test.app.approve_minutes(&director, first, Some(first)).await;
    assert_eq!(problem(&at_itself, "approved_at"), Some(Problem::ApprovalNotLater));
    test.app.approve_minutes(&director, first, Some(second)).await.expect("approved");
    let details = test.app.meeting_details(&director, first).await.expect("details");
    assert_eq!(details.meeting.minutes_approved_version, Some(2));
    assert_eq!(details.minutes.len(), 2, "every version kept");
    let after = test.app.save_minutes(&director, first, "Later").await;
    assert!(matches!(after, Err(AppError::Conflict("governance-minutes-closed"))));
    let identifying = test.app.save_minutes(&director, second, "Besproken: 85.07.30-033.28").await;
    assert_eq!(problem(&identifying, "minutes"), Some(Problem::IdentifiesPerson));
}
on_both_backends!(minutes_are_approved_at_a_later_held_meeting_and_then_stay);

async fn an_action_needs_an_owner_from_the_group_and_is_overdue_after_its_due_date(backend: Backend) {
    let test = demo_app(backend).await;
    let director = actor(&test.app, "director.has").await;
    let group = working_group(&test.app, &director, "Werkgroep", Some(site(&director, "HAS"))).await;
    let owner = member(&test.app, &director, group, "A. Eigenaar", "chair", "").await;
    let held = meeting(&test.app, &director, group, -20, true).await.expect("held");
    let decision = test.app.record_decision(&director, held, "Opleiding organiseren", "1").await.expect("decided");
    let due = day(&test.app, -1);
    let without = test
        .app
        .add_action(&director, held, &ActionFields { title: "Opleiding plannen", owner: "", due: &due }, None)
        .await;
    assert_eq!(problem(&without, "owner"), Some(Problem::Required));
    let stranger = test
        .app
        .add_action(&director, held, &ActionFields { title: "Opleiding plannen", owner: "999999", due: &due }, None)
        .await;
    assert_eq!(problem(&stranger, "owner"), Some(Problem::NotAMember));
    let owner_id = owner.to_string();
    let action = test
        .app
        .add_action(
            &director,
            held,
            &ActionFields { title: "Opleiding plannen", owner: &owner_id, due: &due },
            Some(decision),
        )
        .await
        .expect("given");
    let overdue = test.app.pending_actions(&director, Some(group), true).await.expect("overdue");
    assert_eq!(overdue.iter().map(|a| a.id).collect::<Vec<_>>(), vec![action]);
    let later = meeting(&test.app, &director, group, 10, false).await.expect("planned");
    let carried = test.app.meeting_details(&director, later).await.expect("details").carried;
    assert!(carried.iter().any(|a| a.id == action), "carried to the next meeting");
    test.app.change_action(&director, action, "done", "Gedaan").await.expect("done");
    assert!(test.app.pending_actions(&director, Some(group), true).await.expect("overdue").is_empty());
    let reopened = test.app.change_action(&director, action, "open", "").await;
    assert!(matches!(reopened, Err(AppError::Conflict("governance-action-closed"))), "done is final");
}
on_both_backends!(an_action_needs_an_owner_from_the_group_and_is_overdue_after_its_due_date);

async fn a_steering_member_sees_the_groups_they_sit_on_and_no_other(backend: Backend) {
    let test = demo_app(backend).await;
    let coordinator = actor(&test.app, "coordinator.fr").await;
    let theirs = working_group(&test.app, &coordinator, "Werkgroep opleiding", Some(site(&coordinator, "LAN"))).await;
    let other = working_group(&test.app, &coordinator, "Werkgroep peers", Some(site(&coordinator, "LAN"))).await;
    member(&test.app, &coordinator, theirs, "Membre du groupe", "member", "steering_member.central").await;
    let steering = actor(&test.app, "steering_member.central").await;
    assert!(test.app.group_details(&steering, theirs).await.expect("their group").may_manage);
    assert!(matches!(test.app.group_details(&steering, other).await, Err(AppError::NotFound)));
    assert!(meeting(&test.app, &steering, theirs, 7, false).await.is_ok(), "members plan their group's meetings");
    assert!(matches!(meeting(&test.app, &steering, other, 7, false).await, Err(AppError::NotFound)));
    let seen: Vec<i64> =
        test.app.governance_overview(&steering).await.expect("overview").iter().map(|g| g.group.id).collect();
    assert!(seen.contains(&theirs) && !seen.contains(&other), "{seen:?}");
    let fields = GroupFields {
        name: "Eigen groep",
        kind: "other",
        site: Some(site(&coordinator, "LAN")),
        ..GroupFields::default()
    };
    let draft = GroupDraft::parse(&fields, Thresholds::DEFAULT).expect("valid");
    assert!(
        matches!(test.app.create_group(&steering, &draft).await, Err(AppError::Forbidden)),
        "membership creates no group"
    );
}
on_both_backends!(a_steering_member_sees_the_groups_they_sit_on_and_no_other);

async fn a_director_sees_their_prisons_groups_and_not_the_central_group_nor_another_prison(backend: Backend) {
    let test = demo_app(backend).await;
    let coordinator = actor(&test.app, "coordinator.nl").await;
    let director = actor(&test.app, "director.has").await;
    let at_gent = working_group(&test.app, &coordinator, "Werkgroep Gent", Some(site(&coordinator, "GEN"))).await;
    let programme = working_group(&test.app, &coordinator, "Werkgroep nationaal", None).await;
    let at_hasselt = working_group(&test.app, &coordinator, "Werkgroep Hasselt", Some(site(&coordinator, "HAS"))).await;
    assert!(test.app.group_details(&director, at_hasselt).await.is_ok());
    for hidden in [at_gent, programme] {
        assert!(matches!(test.app.group_details(&director, hidden).await, Err(AppError::NotFound)), "{hidden}");
    }
    assert!(matches!(test.app.group_details(&director, 999_999).await, Err(AppError::NotFound)), "as an unknown group");
    let worker = actor(&test.app, "care_worker.has").await;
    assert!(matches!(test.app.group_details(&worker, at_hasselt).await, Err(AppError::Forbidden)));
    assert!(matches!(test.app.governance_overview(&worker).await, Err(AppError::Forbidden)));
}
on_both_backends!(a_director_sees_their_prisons_groups_and_not_the_central_group_nor_another_prison);

async fn every_governance_read_and_change_is_audited(backend: Backend) {
    let test = demo_app(backend).await;
    let director = actor(&test.app, "director.has").await;
    let group = working_group(&test.app, &director, "Werkgroep", Some(site(&director, "HAS"))).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let before = audit_rows(&test.app).await;
    let held = meeting(&test.app, &director, group, -1, true).await.expect("held");
    test.app.meeting_details(&director, held).await.expect("read");
    test.app.save_minutes(&director, held, "Verslag").await.expect("written");
    assert_eq!(audit_rows(&test.app).await, before + 3);
    let _ = test.app.meeting_details(&worker, held).await;
    assert_eq!(audit_rows(&test.app).await, before + 4, "a denial is audited too");
}
on_both_backends!(every_governance_read_and_change_is_audited);

async fn a_meeting_and_a_group_give_calendar_files_with_a_stable_uid(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let director = actor(&server.app, "director.has").await;
    let group = working_group(&server.app, &director, "Werkgroep agenda", Some(site(&director, "HAS"))).await;
    let planned = meeting(&server.app, &director, group, 14, false).await.expect("planned");
    let client = server.client_for("director.has").await.expect("signs in");
    let get = |path: String| {
        let client = client.clone();
        let url = server.url(&path);
        async move { client.get(url).send().await.expect("request") }
    };
    let response = get(format!("/governance/meetings/{planned}/calendar.ics")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let kind = response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert_eq!(kind, "text/calendar; charset=utf-8");
    let first = response.text().await.expect("text");
    assert!(first.starts_with("BEGIN:VCALENDAR\r\n") && first.contains("SUMMARY:"), "{first}");
    let uid = |text: &str| text.split("\r\n").find(|l| l.starts_with("UID:")).map(str::to_owned);
    let again = get(format!("/governance/meetings/{planned}/calendar.ics")).await.text().await.expect("text");
    assert_eq!(uid(&first), uid(&again));
    let feed = get(format!("/governance/groups/{group}/calendar.ics")).await.text().await.expect("text");
    assert!(feed.contains("X-WR-CALNAME:Werkgroep agenda\r\n") && uid(&feed) == uid(&first), "{feed}");
    server.app.cancel_meeting(&director, planned).await.expect("cancelled");
    let cancelled = get(format!("/governance/meetings/{planned}/calendar.ics")).await.text().await.expect("text");
    assert_eq!(uid(&cancelled), uid(&first), "the same event, cancelled");
    assert!(cancelled.contains("STATUS:CANCELLED\r\n") && cancelled.contains("SEQUENCE:1\r\n"));
    let other = server.client_for("director.gen").await.expect("signs in");
    let hidden =
        other.get(server.url(&format!("/governance/meetings/{planned}/calendar.ics"))).send().await.expect("request");
    assert_eq!(hidden.status(), StatusCode::NOT_FOUND);
    server.stop().await;
}
on_both_backends!(a_meeting_and_a_group_give_calendar_files_with_a_stable_uid);

async fn the_api_refuses_a_meeting_in_the_past_in_the_callers_language_and_writes_nothing(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let client = server.client_for("coordinator.fr").await.expect("signs in");
    let created = client
        .post(server.url("/api/v1/governance/groups"))
        .json(&serde_json::json!({"name": "Groupe de travail Lantin", "kind": "other", "site": "LAN"}))
        .send()
        .await
        .expect("request");
    assert_eq!(created.status(), StatusCode::CREATED);
    let group = created.json::<serde_json::Value>().await.expect("JSON")["id"].as_i64().expect("an id");
    let yesterday = day(&server.app, -1);
    let refused = client
        .post(server.url(&format!("/api/v1/governance/groups/{group}/meetings")))
        .json(&serde_json::json!({"date": yesterday, "time": "10:00", "agenda": ["Suivi"]}))
        .send()
        .await
        .expect("request");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: serde_json::Value = refused.json().await.expect("problem JSON");
    assert_eq!(problem["errors"][0]["field"], "date");
    assert_eq!(problem["errors"][0]["code"], "meeting-in-past");
    assert!(problem["errors"][0]["message"].as_str().unwrap_or_default().contains("réunion"), "{problem}");
    let meetings: serde_json::Value = client
        .get(server.url(&format!("/api/v1/governance/groups/{group}/meetings")))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("JSON");
    assert_eq!(meetings, serde_json::json!([]), "nothing written");
    let planned = client
        .post(server.url(&format!("/api/v1/governance/groups/{group}/meetings")))
        .json(&serde_json::json!({"date": day(&server.app, 7), "time": "10:00", "agenda": ["Suivi"]}))
        .send()
        .await
        .expect("request");
    assert_eq!(planned.status(), StatusCode::CREATED);
    let other_prison = server.client_for("director.gen").await.expect("signs in");
    let hidden =
        other_prison.get(server.url(&format!("/api/v1/governance/groups/{group}"))).send().await.expect("request");
    assert_eq!(hidden.status(), StatusCode::NOT_FOUND);
    server.stop().await;
}
on_both_backends!(the_api_refuses_a_meeting_in_the_past_in_the_callers_language_and_writes_nothing);

async fn a_refused_meeting_form_comes_back_with_what_was_typed_and_the_message(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let director = actor(&server.app, "director.has").await;
    let group = working_group(&server.app, &director, "Werkgroep formulier", Some(site(&director, "HAS"))).await;
    let client = server.client_for("director.has").await.expect("signs in");
    let csrf = server.csrf_token(&client).await.expect("a form token");
    let yesterday = day(&server.app, -1);
    let response = client
        .post(server.url(&format!("/governance/groups/{group}/meetings/new")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("date", yesterday.as_str()),
            ("time", "10:00"),
            ("place", "Zaal B"),
            ("agenda", "Eerste punt"),
        ])
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("page");
    assert!(
        html.contains("error-summary") && html.contains("value=\"Zaal B\"") && html.contains("Eerste punt"),
        "{html}"
    );
    assert!(server.app.group_details(&director, group).await.expect("details").meetings.is_empty());
    server.stop().await;
}
on_both_backends!(a_refused_meeting_form_comes_back_with_what_was_typed_and_the_message);
