//! End to end in a real browser (issue 7, "Done when"): the director of
//! Leuven-Centraal, whose local steering group has not met for over a year,
//! records a meeting with its attendance, minutes, a decision and an
//! action, and submits a drug-free wing for authorisation; the coordinator
//! records a held meeting of the central group and decides the request
//! there; the director sees the decision, the governance view shows the
//! group awake again with its open action, until the action is done.

use continuum_app::App;
use continuum_domain::governance::meeting::belgian_time;
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use fantoccini::{Client, Locator};

use crate::browser::{browser, click_in_view, keep_screenshot, sign_in};
use crate::governance::site;
use crate::support::actor;

const ACTION: &str = "Huisreglement van de drugvrije afdeling opstellen (e2e)";
const DECISION: &str = "De stuurgroep vraagt de drugvrije afdeling aan (e2e)";
const PROJECT: &str = "Drugvrije afdeling Leuven (e2e)";

/// The day `days` from today on the Belgian clock, `YYYY-MM-DD`.
fn day(app: &App, days: i64) -> String {
    let today = app.governance_today();
    today.checked_add(jiff::Span::new().days(days)).expect("a day").to_string()
}

/// The current minute on the Belgian clock, `HH:MM`: a meeting that began
/// now, whatever the time of day the test runs.
fn this_minute(app: &App) -> String {
    app.now().to_zoned(belgian_time()).strftime("%H:%M").to_string()
}

async fn field(client: &Client, id: &str) -> fantoccini::elements::Element {
    client.wait().for_element(Locator::Id(id)).await.unwrap_or_else(|_| panic!("the field {id}"))
}

async fn type_into(client: &Client, id: &str, text: &str) {
    let input = field(client, id).await;
    input.clear().await.expect("clear");
    input.send_keys(text).await.expect("type");
}

/// Sets a date or time field, as its picker would (typing into it depends
/// on the browser's locale).
async fn pick(client: &Client, id: &str, value: &str) {
    let input = field(client, id).await;
    let arg = serde_json::to_value(&input).expect("element reference");
    client.execute("arguments[0].value = arguments[1];", vec![arg, value.into()]).await.expect("set the value");
}

/// Chooses the option of a select whose label contains `text`.
async fn choose_labelled(client: &Client, id: &str, text: &str) {
    let select = field(client, id).await;
    for option in select.find_all(Locator::Css("option")).await.expect("options") {
        if option.text().await.expect("label").contains(text) {
            let value = option.attr("value").await.expect("value").unwrap_or_default();
            select.select_by_value(&value).await.expect("choose");
            return;
        }
    }
    panic!("{id} offers no {text:?}");
}

async fn tick(client: &Client, id: &str) {
    click_in_view(client, Locator::Css(&format!("label[for='{id}']"))).await;
}

/// Sends the form that posts to `action` and waits for the page it leads to
/// (the old page is marked, so its notices are not taken for the new one's).
async fn send(client: &Client, action: &str) {
    client.execute("window.continuumOldPage = true;", vec![]).await.expect("mark the page");
    click_in_view(client, Locator::Css(&format!("form[action='{action}'] button[type=submit]"))).await;
    let mut loaded = false;
    for _ in 0..200 {
        let state = client.execute("return window.continuumOldPage ? 'old' : document.readyState;", vec![]).await.ok();
        if state.as_ref().and_then(|s| s.as_str()) == Some("complete") {
            loaded = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(loaded, "{action}: no page came back");
    assert!(
        client.find(Locator::Css(".error-summary")).await.is_err(),
        "{action} refused: {}",
        main_text(client).await
    );
}

async fn main_text(client: &Client) -> String {
    client.find(Locator::Css("main")).await.expect("main").text().await.expect("text")
}

async fn text_of(client: &Client, css: &str) -> String {
    match client.find(Locator::Css(css)).await {
        Ok(element) => element.text().await.expect("text"),
        Err(_) => String::new(),
    }
}

/// The last number in the current address (`/governance/meetings/12?saved=1` gives 12).
async fn id_in_url(client: &Client) -> i64 {
    let url = client.current_url().await.expect("url");
    let path = url.path().trim_end_matches('/');
    path.rsplit('/').next().and_then(|id| id.parse().ok()).unwrap_or_else(|| panic!("no id in {url}"))
}

/// The group's row of the governance view: its light and meetings in the last 12 months.
async fn overview_row(client: &Client, server: &TestServer, group: i64) -> (String, String) {
    client.goto(&server.url("/governance")).await.expect("the governance view");
    let row = format!("#group-{group}");
    let light = client.find(Locator::Css(&format!("{row} [data-light]"))).await.expect("the group's light");
    let light = light.attr("data-light").await.expect("attr").unwrap_or_default();
    let meetings = text_of(client, &format!("{row} td:nth-child(4)")).await;
    (light, meetings)
}

async fn sign_out(client: &Client) {
    click_in_view(client, Locator::Css("form[action='/sign-out'] button")).await;
    client.wait().for_element(Locator::Id("username")).await.expect("signed out");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dormant_local_group_meets_and_the_central_group_decides_its_project() {
    let server = TestServer::start(Backend::Sqlite).await.expect("server");
    let app = &server.app;
    continuum_app::demo::seed_governance(app).await.expect("the demo's governance");
    let coordinator = actor(app, "coordinator.nl").await;
    let groups = app.governance_overview(&coordinator).await.expect("overview");
    let leuven = site(&coordinator, "LEU").0;
    let local = groups.iter().find(|g| g.group.kind == "local" && g.group.site_id == Some(leuven)).expect("Leuven");
    let central = groups.iter().find(|g| g.group.kind == "central").expect("the central group").group.id;
    let local = local.group.id;

    let session = browser(1280, 900).await;
    let client = &session.client;
    sign_in(client, &server, "director.leu").await;
    client.find(Locator::Css("html[lang='nl']")).await.expect("the director reads Dutch");
    let (light, meetings_before) = overview_row(client, &server, local).await;
    assert_eq!(light, "dormant", "the demo's Leuven group has not met for over a year");
    assert!(text_of(client, "[aria-labelledby='dormant-title']").await.contains("Leuven"));

    // The meeting, recorded as it took place three days ago.
    client.goto(&server.url(&format!("/governance/groups/{local}"))).await.expect("the group");
    click_in_view(client, Locator::Css(&format!("a[href='/governance/groups/{local}/meetings/new']"))).await;
    pick(client, "date", &day(app, -3)).await;
    pick(client, "time", "14:00").await;
    type_into(client, "place", "Vergaderzaal directie").await;
    type_into(client, "agenda", "Opvolging van de acties\nDrugvrije afdeling").await;
    tick(client, "held").await;
    keep_screenshot(client, "governance-meeting-form-wide-nl").await;
    send(client, &format!("/governance/groups/{local}/meetings/new")).await;
    let meeting = id_in_url(client).await;
    let status = client.find(Locator::Id("meeting-status")).await.expect("status");
    assert_eq!(status.attr("data-status").await.expect("attr").as_deref(), Some("held"));

    // Attendance: everyone invited was there.
    let present = client.find_all(Locator::Css("input[type=radio][value=present]")).await.expect("choices");
    assert!(!present.is_empty(), "the members are invited");
    for radio in present {
        let id = radio.attr("id").await.expect("attr").expect("an id");
        tick(client, &id).await;
    }
    send(client, &format!("/governance/meetings/{meeting}/attendance")).await;
    assert!(!text_of(client, "#quorum").await.is_empty(), "the quorum is shown");

    // Minutes, a decision on the second agenda item and an action from it.
    type_into(client, "minutes", "De stuurgroep komt opnieuw samen en bespreekt een drugvrije afdeling.").await;
    send(client, &format!("/governance/meetings/{meeting}/minutes")).await;
    assert!(text_of(client, "#minutes-text").await.contains("opnieuw samen"));
    type_into(client, "text", DECISION).await;
    type_into(client, "agenda_item", "2").await;
    send(client, &format!("/governance/meetings/{meeting}/decisions")).await;
    assert!(text_of(client, "#decision-list").await.contains(DECISION));
    type_into(client, "title", ACTION).await;
    choose_labelled(client, "owner", "Directeur (demo)").await;
    pick(client, "due", &day(app, -1)).await;
    choose_labelled(client, "decision", "drugvrije afdeling aan").await;
    send(client, &format!("/governance/meetings/{meeting}/actions")).await;
    let actions = text_of(client, "#governance-actions").await;
    assert!(actions.contains(ACTION) && actions.contains("Directeur (demo)"), "{actions}");
    keep_screenshot(client, "governance-meeting-wide-nl").await;

    // The project with a fundamental element, submitted for authorisation.
    client.goto(&server.url(&format!("/governance/groups/{local}"))).await.expect("the group");
    click_in_view(client, Locator::Css(&format!("a[href='/governance/groups/{local}/projects/new']"))).await;
    type_into(client, "title", PROJECT).await;
    field(client, "kind").await.select_by_value("drug_free_wing").await.expect("kind");
    type_into(client, "description", "Een afdeling waar wie wil zonder drugs leeft, met begeleiding.").await;
    type_into(client, "services", "Drughulp Vlaams-Brabant").await;
    pick(client, "start", &day(app, 90)).await;
    tick(client, "fundamental").await;
    send(client, &format!("/governance/groups/{local}/projects/new")).await;
    let project = id_in_url(client).await;
    type_into(client, "note", "Voorgelegd na de vergadering van de lokale stuurgroep.").await;
    send(client, &format!("/governance/projects/{project}/submit")).await;
    let state = client.find(Locator::Id("request-state")).await.expect("the request's state");
    assert_eq!(state.attr("data-state").await.expect("attr").as_deref(), Some("submitted"));

    // The governance view: awake again, one more meeting, the open action.
    let (light, meetings_after) = overview_row(client, &server, local).await;
    assert_ne!(light, "dormant", "a group that met is no longer dormant");
    assert_ne!(meetings_after, meetings_before, "the meeting counts");
    assert!(meetings_after.starts_with('1'), "one meeting in the last 12 months: {meetings_after}");
    assert!(!text_of(client, "[aria-labelledby='dormant-title']").await.contains("Leuven"));
    assert!(text_of(client, "#governance-overdue").await.contains(ACTION), "the action, due yesterday, is open");
    keep_screenshot(client, "governance-overview-director-wide-nl").await;
    sign_out(client).await;

    // The coordinator records the central group's meeting and decides there.
    sign_in(client, &server, "coordinator.nl").await;
    client.goto(&server.url(&format!("/governance/groups/{central}/meetings/new"))).await.expect("form");
    pick(client, "date", &day(app, 0)).await;
    pick(client, "time", &this_minute(app)).await;
    type_into(client, "agenda", "Aanvragen tot voorafgaande toelating").await;
    tick(client, "held").await;
    send(client, &format!("/governance/groups/{central}/meetings/new")).await;
    let central_meeting = id_in_url(client).await;
    client.goto(&server.url("/governance")).await.expect("the governance view");
    click_in_view(client, Locator::LinkText(PROJECT)).await;
    client.wait().for_element(Locator::Id("request-state")).await.expect("the project");
    send(client, &format!("/governance/authorisations/{}/review", request_id(client).await)).await;
    let request = request_id(client).await;
    field(client, "meeting").await.select_by_value(&central_meeting.to_string()).await.expect("the meeting");
    field(client, "outcome").await.select_by_value("authorised_with_conditions").await.expect("outcome");
    type_into(client, "reasons", "Past in het beleid; huisreglement eerst.").await;
    type_into(client, "conditions", "Evaluatie na zes maanden").await;
    pick(client, "review_date", &day(app, 270)).await;
    keep_screenshot(client, "governance-decide-wide-nl").await;
    send(client, &format!("/governance/authorisations/{request}/decide")).await;
    sign_out(client).await;

    // The local group sees the decision, then marks its action done.
    sign_in(client, &server, "director.leu").await;
    client.goto(&server.url(&format!("/governance/projects/{project}"))).await.expect("the project");
    let state = client.find(Locator::Id("request-state")).await.expect("the request's state");
    assert_eq!(state.attr("data-state").await.expect("attr").as_deref(), Some("authorised_with_conditions"));
    let page = main_text(client).await;
    assert!(page.contains("huisreglement eerst") && page.contains("Evaluatie na zes maanden"), "{page}");
    keep_screenshot(client, "governance-project-decided-wide-nl").await;

    client.goto(&server.url(&format!("/governance/groups/{local}"))).await.expect("the group");
    let mut action = None;
    for row in client.find_all(Locator::Css("#governance-actions tbody tr")).await.expect("rows") {
        if row.text().await.expect("text").contains(ACTION) {
            action = row.attr("id").await.expect("attr");
        }
    }
    let action = action.expect("the action on the group's page").trim_start_matches("action-").to_owned();
    field(client, &format!("status-{action}")).await.select_by_value("done").await.expect("done");
    send(client, &format!("/governance/actions/{action}/status")).await;
    let done = text_of(client, &format!("#action-{action}")).await;
    assert!(client.find(Locator::Id(&format!("status-{action}"))).await.is_err(), "done is final: {done}");
    assert!(done.contains("Gedaan"), "{done}");
    client.goto(&server.url("/governance")).await.expect("the governance view");
    assert!(!text_of(client, "#governance-overdue").await.contains(ACTION), "a done action is no longer open");
    keep_screenshot(client, "governance-overview-after-wide-nl").await;
    session.client.clone().close().await.expect("close");
}

/// The authorisation request's id, from the form that reviews or decides it.
async fn request_id(client: &Client) -> i64 {
    let form =
        client.find(Locator::Css("form[action^='/governance/authorisations/']")).await.expect("a form on the request");
    let action = form.attr("action").await.expect("attr").unwrap_or_default();
    action.split('/').nth(3).and_then(|id| id.parse().ok()).unwrap_or_else(|| panic!("no request in {action}"))
}
