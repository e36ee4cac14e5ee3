//! Governance (issue 7, item 5): the governance view over HTTP, on both
//! databases: a group past its dormancy threshold is marked dormant in
//! words until it holds a meeting, the threshold is the group's own, the
//! view sorts, and a director sees their prison only; the thresholds
//! changed through the API.

use continuum_app::{Actor, App};
use continuum_domain::governance::group::{GroupDraft, GroupFields, Thresholds};
use continuum_domain::governance::reminder::ReminderKind;
use continuum_i18n::Lang;
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use jiff::SignedDuration;
use reqwest::StatusCode;

use crate::governance::{meeting, site, working_group};
use crate::on_both_backends;
use crate::support::actor;

/// The governance view as `username` sees it at `query`.
async fn view(server: &TestServer, username: &str, query: &str) -> String {
    let client = server.client_for(username).await.expect("signs in");
    let response = client.get(server.url(&format!("/governance{query}"))).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    response.text().await.expect("page")
}

/// The row of a group in the view (empty if it is not listed).
fn row(html: &str, group: i64) -> &str {
    let start = format!("<tr id=\"group-{group}\">");
    html.find(&start).map_or("", |at| {
        let rest = &html[at..];
        &rest[..rest.find("</tr>").unwrap_or(rest.len())]
    })
}

fn light_words(actor: &Actor, code: &str) -> String {
    let lang = Lang::parse(actor.language.code()).unwrap_or(Lang::En);
    continuum_i18n::t(lang, &format!("governance-light-{code}"))
}

fn days(count: i64) -> SignedDuration {
    SignedDuration::from_hours(24 * count)
}

async fn update_dormancy(app: &App, by: &Actor, group: i64, name: &str, dormant_after_days: &str) {
    let details = app.group_details(by, group).await.expect("details");
    let fields = GroupFields {
        name,
        kind: "other",
        site: Some(site(by, "HAS")),
        target_per_year: "4",
        dormant_after_days,
        ..GroupFields::default()
    };
    let draft = GroupDraft::parse(&fields, Thresholds::DEFAULT).expect("valid thresholds");
    app.update_group(by, group, details.group.version, &draft).await.expect("updated");
}

async fn a_group_past_its_threshold_is_dormant_in_words_until_it_holds_a_meeting(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let director = actor(&server.app, "director.has").await;
    let group = working_group(&server.app, &director, "Werkgroep slapend", Some(site(&director, "HAS"))).await;
    server.app.advance_clock(days(180));
    let html = view(&server, "director.has", "").await;
    assert!(!row(&html, group).contains("data-light=\"dormant\""), "180 days is not past the default threshold");
    server.app.advance_clock(days(1));
    let html = view(&server, "director.has", "").await;
    let dormant = row(&html, group);
    assert!(dormant.contains("data-light=\"dormant\""), "{dormant}");
    assert!(dormant.contains(&light_words(&director, "dormant")), "the colour comes with its words: {dormant}");
    meeting(&server.app, &director, group, 7, false).await.expect("planned");
    let html = view(&server, "director.has", "").await;
    assert!(row(&html, group).contains("data-light=\"dormant\""), "a planned meeting does not lift it");
    meeting(&server.app, &director, group, -1, true).await.expect("held");
    let html = view(&server, "director.has", "").await;
    let awake = row(&html, group);
    assert!(!awake.is_empty() && !awake.contains("data-light=\"dormant\""), "a held meeting lifts it: {awake}");
    server.stop().await;
}
on_both_backends!(a_group_past_its_threshold_is_dormant_in_words_until_it_holds_a_meeting);

async fn the_dormancy_threshold_is_the_groups_own(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let director = actor(&server.app, "director.has").await;
    let name = "Werkgroep eigen drempel";
    let group = working_group(&server.app, &director, name, Some(site(&director, "HAS"))).await;
    server.app.advance_clock(days(200));
    assert!(row(&view(&server, "director.has", "").await, group).contains("data-light=\"dormant\""));
    update_dormancy(&server.app, &director, group, name, "365").await;
    let html = view(&server, "director.has", "").await;
    assert!(!row(&html, group).contains("data-light=\"dormant\""), "200 days is within a threshold of 365");
    server.app.advance_clock(days(166));
    assert!(row(&view(&server, "director.has", "").await, group).contains("data-light=\"dormant\""));
    server.stop().await;
}
on_both_backends!(the_dormancy_threshold_is_the_groups_own);

async fn the_view_sorts_by_days_without_a_meeting_both_ways(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let director = actor(&server.app, "director.has").await;
    let quiet = working_group(&server.app, &director, "Werkgroep stil", Some(site(&director, "HAS"))).await;
    let active = working_group(&server.app, &director, "Werkgroep actief", Some(site(&director, "HAS"))).await;
    server.app.advance_clock(days(30));
    meeting(&server.app, &director, active, -1, true).await.expect("held");
    let position = |html: &str, group: i64| html.find(&format!("<tr id=\"group-{group}\">")).expect("listed");
    let descending = view(&server, "director.has", "?sort=days&dir=desc").await;
    assert!(position(&descending, quiet) < position(&descending, active));
    assert!(descending.contains("aria-sort=\"descending\""));
    let ascending = view(&server, "director.has", "?sort=days").await;
    assert!(position(&ascending, active) < position(&ascending, quiet));
    assert!(ascending.contains("aria-sort=\"ascending\""));
    server.stop().await;
}
on_both_backends!(the_view_sorts_by_days_without_a_meeting_both_ways);

async fn a_director_sees_the_view_of_their_prison_and_a_coordinator_filters_by_prison(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let has_director = actor(&server.app, "director.has").await;
    let gen_director = actor(&server.app, "director.gen").await;
    let hasselt =
        working_group(&server.app, &has_director, "Werkgroep Hasselt", Some(site(&has_director, "HAS"))).await;
    let gent = working_group(&server.app, &gen_director, "Werkgroep Gent", Some(site(&gen_director, "GEN"))).await;
    let own = view(&server, "director.has", "").await;
    assert!(!row(&own, hasselt).is_empty() && row(&own, gent).is_empty());
    let all = view(&server, "coordinator.nl", "").await;
    assert!(!row(&all, hasselt).is_empty() && !row(&all, gent).is_empty());
    let filtered = view(&server, "coordinator.nl", "?site=GEN").await;
    assert!(row(&filtered, hasselt).is_empty() && !row(&filtered, gent).is_empty());
    server.stop().await;
}
on_both_backends!(a_director_sees_the_view_of_their_prison_and_a_coordinator_filters_by_prison);

async fn the_api_changes_a_groups_thresholds_and_refuses_a_stale_version_or_a_short_threshold(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let director = actor(&server.app, "director.has").await;
    let name = "Werkgroep via API";
    let group = working_group(&server.app, &director, name, Some(site(&director, "HAS"))).await;
    let client = server.client_for("director.has").await.expect("signs in");
    let url = server.url(&format!("/api/v1/governance/groups/{group}"));
    let read: serde_json::Value = client.get(&url).send().await.expect("request").json().await.expect("JSON");
    let version = read["group"]["version"].as_i64().expect("a version");
    let change = |version: i64, dormant: i64| serde_json::json!({"version": version, "name": name, "target_per_year": 4, "dormant_after_days": dormant});
    let short = client.put(&url).json(&change(version, 50)).send().await.expect("request");
    assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: serde_json::Value = short.json().await.expect("problem JSON");
    assert_eq!(problem["errors"][0]["field"], "dormant_after_days");
    let changed = client.put(&url).json(&change(version, 365)).send().await.expect("request");
    assert_eq!(changed.status(), StatusCode::NO_CONTENT);
    let stale = client.put(&url).json(&change(version, 400)).send().await.expect("request");
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    let details = server.app.group_details(&director, group).await.expect("details");
    assert_eq!(details.group.dormant_after_days, 365);
    let other = server.client_for("director.gen").await.expect("signs in");
    let hidden = other.put(&url).json(&change(version + 1, 200)).send().await.expect("request");
    assert_eq!(hidden.status(), StatusCode::NOT_FOUND);
    server.stop().await;
}
on_both_backends!(the_api_changes_a_groups_thresholds_and_refuses_a_stale_version_or_a_short_threshold);

/// The demo's local group at `site_code`, from the overview.
async fn demo_local_group(app: &App, by: &Actor, site_code: &str) -> i64 {
    let overview = app.governance_overview(by).await.expect("overview");
    overview
        .into_iter()
        .find(|g| g.group.kind == "local" && g.group.site_code.as_deref() == Some(site_code))
        .map(|g| g.group.id)
        .expect("a demo local group")
}

async fn the_demo_governance_view_shows_the_dormant_groups_and_the_group_without_a_chair(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    continuum_app::demo::seed_governance(&server.app).await.expect("the demo's governance");
    let coordinator = actor(&server.app, "coordinator.nl").await;
    let html = view(&server, "coordinator.nl", "").await;
    for dormant in ["LEU", "JAM"] {
        let group = demo_local_group(&server.app, &coordinator, dormant).await;
        assert!(row(&html, group).contains("data-light=\"dormant\""), "{dormant}: {}", row(&html, group));
    }
    for active in ["HAS", "GEN", "ANT", "DEN"] {
        let group = demo_local_group(&server.app, &coordinator, active).await;
        assert!(!row(&html, group).is_empty() && !row(&html, group).contains("data-light=\"dormant\""), "{active}");
    }
    let unchaired = demo_local_group(&server.app, &coordinator, "DEN").await;
    let concern =
        continuum_i18n::t(Lang::parse(coordinator.language.code()).unwrap_or(Lang::En), "governance-concern-no_chair");
    assert!(row(&html, unchaired).contains(&concern), "{}", row(&html, unchaired));
    let chaired = demo_local_group(&server.app, &coordinator, "HAS").await;
    assert!(!row(&html, chaired).contains(&concern), "{}", row(&html, chaired));
}
on_both_backends!(the_demo_governance_view_shows_the_dormant_groups_and_the_group_without_a_chair);

async fn the_demo_directors_are_reminded_of_their_groups_overdue_action(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    continuum_app::demo::seed_governance(&server.app).await.expect("the demo's governance");
    let director = actor(&server.app, "director.leu").await;
    let reminders = server.app.governance_reminders(&director).await.expect("reminders");
    assert!(
        reminders.iter().any(|r| r.kind == ReminderKind::ActionOverdue && r.group_name.contains("Leuven")),
        "{reminders:?}"
    );
}
on_both_backends!(the_demo_directors_are_reminded_of_their_groups_overdue_action);

/// Moves the application's clock to `time` tomorrow on the Belgian clock.
fn clock_to_tomorrow_at(app: &App, time: jiff::civil::Time) {
    let zone = continuum_domain::governance::meeting::belgian_time();
    let now = app.now();
    let tomorrow = now.to_zoned(zone.clone()).date().tomorrow().expect("tomorrow");
    let at = tomorrow.to_datetime(time).to_zoned(zone).expect("a Belgian instant").timestamp();
    app.advance_clock(at.duration_since(now));
}

/// The demo's governance seeds at `time` and its central group decided today.
async fn the_demo_governance_is_seeded_at(backend: Backend, time: jiff::civil::Time) {
    let test = crate::support::demo_app(backend).await;
    clock_to_tomorrow_at(&test.app, time);
    continuum_app::demo::seed_governance(&test.app).await.expect("the demo's governance seeds");
    let coordinator = actor(&test.app, "coordinator.nl").await;
    let overview = test.app.governance_overview(&coordinator).await.expect("overview");
    let central = overview.iter().find(|g| g.group.kind == "central").expect("the central group");
    assert_eq!(central.health.last_meeting, Some(test.app.governance_today()), "it decided today");
}

/// The central group's meeting is held today before now: at 00:00:30 that
/// is midnight itself, not a later hour.
async fn the_demo_governance_seeds_in_the_first_minute_after_midnight(backend: Backend) {
    the_demo_governance_is_seeded_at(backend, jiff::civil::time(0, 0, 30, 0)).await;
}
on_both_backends!(the_demo_governance_seeds_in_the_first_minute_after_midnight);
