//! End to end in a real browser (issue 5, "Done when"): one person, from
//! entry at Hasselt through the screening, the intake and the care plan; a
//! transfer to Gent, whose team acknowledges the handover and sees the
//! pathway while Hasselt reads what it wrote for the read window and loses
//! it after; release planning at Gent, a release with naloxone handed over
//! and an appointment; the 7- and 30-day follow-ups, and closing. The audit
//! trail holds every step.

use std::time::Duration;

use continuum_app::{App, Paging};
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use jiff::SignedDuration;

use crate::browser::{browser, click_in_view, keep_screenshot, sign_in};
use crate::support::actor;

pub(crate) async fn field(client: &Client, id: &str) -> Element {
    client.wait().for_element(Locator::Id(id)).await.unwrap_or_else(|_| panic!("the field {id}"))
}

pub(crate) async fn type_into(client: &Client, id: &str, text: &str) {
    let input = field(client, id).await;
    input.clear().await.expect("clear");
    input.send_keys(text).await.expect("type");
}

/// Chooses the option `value` of the select `id`.
pub(crate) async fn choose(client: &Client, id: &str, value: &str) {
    field(client, id).await.select_by_value(value).await.unwrap_or_else(|_| panic!("{id} offers {value:?}"));
}

/// Ticks a checkbox or radio by its label, as a person would.
pub(crate) async fn tick(client: &Client, id: &str) {
    click_in_view(client, Locator::Css(&format!("label[for='{id}']"))).await;
}

/// Waits until the page that replaced the marked one has loaded.
async fn wait_for_the_next_page(client: &Client, what: &str) {
    for _ in 0..200 {
        let state = client.execute("return window.continuumOldPage ? 'old' : document.readyState;", vec![]).await.ok();
        if state.as_ref().and_then(|s| s.as_str()) == Some("complete") {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{what}: no page came back");
}

/// Sends the form that posts to `action` and waits for the page it leads to
/// (the old page is marked, so its notices are not taken for the new one's);
/// the page must not come back with an error summary.
pub(crate) async fn send(client: &Client, action: &str) {
    client.execute("window.continuumOldPage = true;", vec![]).await.expect("mark the page");
    click_in_view(client, Locator::Css(&format!("form[action='{action}'] button[type=submit]:not([name])"))).await;
    wait_for_the_next_page(client, action).await;
    refused_if_error_shown(client, action).await;
}

/// As `send`, for a form that asks for confirmation first: the person says yes.
pub(crate) async fn send_confirmed(client: &Client, action: &str) {
    client.execute("window.continuumOldPage = true;", vec![]).await.expect("mark the page");
    click_in_view(client, Locator::Css(&format!("form[action='{action}'] button[type=submit]:not([name])"))).await;
    let mut accepted = false;
    for _ in 0..100 {
        if client.accept_alert().await.is_ok() {
            accepted = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(accepted, "{action}: no confirmation was asked");
    wait_for_the_next_page(client, action).await;
    refused_if_error_shown(client, action).await;
}

async fn refused_if_error_shown(client: &Client, action: &str) {
    if client.find(Locator::Css(".error-summary")).await.is_ok() {
        panic!("{action} refused: {}", main_text(client).await);
    }
}

pub(crate) async fn main_text(client: &Client) -> String {
    client.find(Locator::Css("main")).await.expect("main").text().await.expect("text")
}

pub(crate) async fn open(client: &Client, server: &TestServer, path: &str) {
    client.goto(&server.url(path)).await.unwrap_or_else(|_| panic!("{path}"));
}

/// The number in the current address after `prefix` (`/people/12?saved=1` gives 12 for `/people/`).
pub(crate) async fn id_in_url(client: &Client, prefix: &str) -> i64 {
    let url = client.current_url().await.expect("url");
    let rest = url.path().strip_prefix(prefix).unwrap_or_else(|| panic!("{url} is not under {prefix}"));
    rest.split('/').next().and_then(|id| id.parse().ok()).unwrap_or_else(|| panic!("no id in {url}"))
}

/// The link on the page whose address ends with `suffix`.
pub(crate) async fn link_ending(client: &Client, suffix: &str) -> String {
    let link = client
        .find(Locator::Css(&format!("main a[href$='{suffix}']")))
        .await
        .unwrap_or_else(|_| panic!("a link to …{suffix}"));
    link.attr("href").await.expect("href").expect("an address")
}

pub(crate) async fn sign_out(client: &Client) {
    click_in_view(client, Locator::Css("form[action='/sign-out'] button")).await;
    client.wait().for_element(Locator::Id("username")).await.expect("signed out");
}

/// The day `days` from the register's today, `YYYY-MM-DD`.
pub(crate) fn day(app: &App, days: i64) -> String {
    app.register_today().checked_add(jiff::Span::new().days(days)).expect("a day").to_string()
}

/// Registers a person's entry at the worker's prison on the entry form; answers the person's id.
pub(crate) async fn register_entry(client: &Client, server: &TestServer, family_name: &str, number: &str) -> i64 {
    open(client, server, "/people/new").await;
    type_into(client, "family_name", family_name).await;
    type_into(client, "given_names", "Test").await;
    type_into(client, "birth_date", "1990-04-12").await;
    choose(client, "sex", "male").await;
    type_into(client, "preferred_language", "nl").await;
    type_into(client, "prison_number", number).await;
    type_into(client, "entry_date", &day(&server.app, 0)).await;
    choose(client, "legal_status", "sentenced").await;
    send(client, "/people/new").await;
    id_in_url(client, "/people/").await
}

/// The answers of a person who uses opioids daily and nothing else; every
/// other item the skip rules ask is answered "no" or "never".
fn answer_to(item: &str) -> &'static str {
    match item {
        "opioids.q1" => "yes",
        "opioids.q2" | "opioids.q3" => "daily",
        "opioids.q4" | "opioids.q5" => "weekly",
        "opioids.q6" => "yes_past_3_months",
        _ if item.ends_with(".q1") || item.ends_with(".q6") || item.ends_with(".q7") || item.ends_with(".q8") => "no",
        _ => "never",
    }
}

/// The worker starts a screening on the person's page and asks the ASSIST
/// question by question, then completes it.
async fn screen_in_an_interview(client: &Client, server: &TestServer, person: i64) {
    open(client, server, &format!("/people/{person}")).await;
    send(client, &format!("/people/{person}/screenings")).await;
    let screening = id_in_url(client, "/screenings/").await;
    let answer = format!("/screenings/{screening}/answer");
    for _ in 0..60 {
        let Ok(item) = client.find(Locator::Css("input[name=item]")).await else { break };
        let key = item.attr("value").await.expect("attr").expect("the item");
        tick(client, &format!("option-{}", answer_to(&key))).await;
        send(client, &answer).await;
    }
    send(client, &format!("/screenings/{screening}/complete")).await;
}

async fn record_intake(client: &Client, server: &TestServer, person: i64) {
    open(client, server, &format!("/people/{person}/intake")).await;
    type_into(client, "intake_date", &day(&server.app, 0)).await;
    for (select, value) in [
        ("referral_source", "self"),
        ("previous_treatment", "never"),
        ("ever_oat", "no"),
        ("primary_substance", "heroin"),
        ("route", "sniff"),
        ("frequency", "daily"),
        ("injecting", "never"),
        ("living_with", "partner"),
        ("lives_with_children", "yes"),
        ("accommodation", "stable"),
        ("labour_status", "employed"),
        ("education", "higher"),
        ("health_insurance", "yes"),
        ("hiv_test", "unknown"),
        ("hcv_test", "unknown"),
        ("oat_outside", "no"),
    ] {
        choose(client, select, value).await;
    }
    type_into(client, "first_use_age", "19").await;
    type_into(client, "goals", "Stoppen met heroïne en werk houden (e2e)").await;
    type_into(client, "language", "nl").await;
    send(client, &format!("/people/{person}/intake")).await;
}

async fn make_care_plan(client: &Client, server: &TestServer, person: i64) {
    open(client, server, &format!("/people/{person}/care-plan")).await;
    type_into(client, "plan_date", &day(&server.app, 0)).await;
    type_into(client, "review_date", &day(&server.app, 60)).await;
    type_into(client, "goal_description_0", GOAL).await;
    choose(client, "goal_status_0", "open").await;
    choose(client, "intervention_kind_0", "harm_reduction").await;
    type_into(client, "intervention_description_0", "Naloxonetraining").await;
    type_into(client, "intervention_responsible_0", "Zorgteam").await;
    type_into(client, "intervention_starts_on_0", &day(&server.app, 0)).await;
    choose(client, "intervention_status_0", "planned").await;
    send(client, &format!("/people/{person}/care-plan")).await;
}

/// The episode form (`transfer` or `release`) of the person's current episode, from the person's page.
async fn open_episode_step(client: &Client, server: &TestServer, person: i64, step: &str) -> String {
    open(client, server, &format!("/people/{person}")).await;
    let href = link_ending(client, &format!("/{step}")).await;
    open(client, server, &href).await;
    href
}

const GOAL: &str = "Geen overdosis na de vrijlating (e2e)";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_person_from_entry_at_hasselt_through_transfer_to_gent_release_and_follow_up() {
    let server = TestServer::start(Backend::Sqlite).await.expect("server");
    let app = &server.app;
    let session = browser(1280, 900).await;
    let client = &session.client;

    // Entry at Hasselt, the screening (positive: daily opioid use), the intake and the care plan.
    sign_in(client, &server, "care_worker.has").await;
    let person = register_entry(client, &server, "Pathway-Browser", "E2E-P1").await;
    screen_in_an_interview(client, &server, person).await;
    open(client, &server, &format!("/people/{person}")).await;
    assert!(link_ending(client, "/result").await.starts_with("/screenings/"), "the screening has a result");
    record_intake(client, &server, person).await;
    make_care_plan(client, &server, person).await;
    let plan = main_text(client).await;
    assert!(plan.contains(GOAL), "the plan shows its goal: {plan}");
    keep_screenshot(client, "pathway-care-plan-wide-nl").await;

    // The transfer from Hasselt to Gent, on the episode's transfer form.
    let transfer = open_episode_step(client, &server, person, "transfer").await;
    choose(client, "site", "GEN").await;
    type_into(client, "transfer_date", &day(app, 0)).await;
    type_into(client, "prison_number", "E2E-G1").await;
    send_confirmed(client, &transfer).await;
    open(client, &server, "/worklist").await;
    assert!(
        client.find(Locator::Css("main a[href^='/handovers/']")).await.is_ok(),
        "Hasselt's worklist shows the handover until Gent acknowledges it"
    );
    sign_out(client).await;

    // Gent: the handover on the worklist, acknowledged; the pathway is there.
    sign_in(client, &server, "care_worker.gen").await;
    open(client, &server, "/worklist").await;
    click_in_view(client, Locator::Css("main a[href^='/handovers/']")).await;
    let handover = id_in_url(client, "/handovers/").await;
    send_confirmed(client, &format!("/handovers/{handover}/acknowledge")).await;
    open(client, &server, "/worklist").await;
    assert!(client.find(Locator::Css(&format!("main a[href='/handovers/{handover}']"))).await.is_err());
    open(client, &server, &format!("/people/{person}/care-plan")).await;
    assert!(main_text(client).await.contains(GOAL), "Gent reads the care plan Hasselt made");
    open(client, &server, &format!("/people/{person}/intake")).await;
    assert!(main_text(client).await.contains("werk houden"), "and the intake");
    open(client, &server, &format!("/people/{person}/timeline")).await;
    assert!(!main_text(client).await.contains("u ziet alleen"), "Gent reads the whole timeline");
    sign_out(client).await;

    // Hasselt reads what it wrote during the read window (30 days), then no more.
    sign_in(client, &server, "care_worker.has").await;
    open(client, &server, &format!("/people/{person}/timeline")).await;
    let timeline = main_text(client).await;
    assert!(
        timeline.contains("u ziet alleen wat uw gevangenis registreerde") && timeline.contains("PATHWAY-BROWSER"),
        "{timeline}"
    );
    sign_out(client).await;
    app.advance_clock(SignedDuration::from_hours(24 * 30 + 1));
    sign_in(client, &server, "care_worker.has").await;
    open(client, &server, &format!("/people/{person}/timeline")).await;
    let closed = main_text(client).await;
    assert!(
        closed.contains("bestaat niet") && !closed.contains("PATHWAY-BROWSER"),
        "after the window Hasselt reads nothing, not even that the person is in Gent: {closed}"
    );
    click_in_view(client, Locator::Css("main a[href='/']")).await;
    sign_out(client).await;

    // Release planning at Gent: the checklist with an appointment and naloxone handed over.
    sign_in(client, &server, "care_worker.gen").await;
    open(client, &server, &format!("/people/{person}/release-plan")).await;
    type_into(client, "why", "Vrijlating aangekondigd door de strafuitvoeringsrechtbank").await;
    send(client, &format!("/people/{person}/release-planning")).await;
    let plan = format!("/people/{person}/release-plan");
    choose(client, "service", "other").await;
    type_into(client, "service_name", "De Sleutel Gent").await;
    type_into(client, "appointment_date", &day(app, 3)).await;
    type_into(client, "appointment_place", "Gent, Sint-Pietersnieuwstraat").await;
    choose(client, "naloxone", "handed_over").await;
    send(client, &plan).await;
    let checklist = main_text(client).await;
    assert!(
        checklist.contains("De Sleutel Gent")
            && checklist.contains("Meegegeven")
            && checklist.contains("Sint-Pietersnieuwstraat"),
        "the service, naloxone handed over and the appointment: {checklist}"
    );
    keep_screenshot(client, "pathway-release-plan-wide-nl").await;

    // The release, on the episode's release form.
    let release = open_episode_step(client, &server, person, "release").await;
    type_into(client, "release_date", &day(app, 0)).await;
    choose(client, "release_kind", "conditional_release").await;
    send_confirmed(client, &release).await;
    sign_out(client).await;

    // The follow-ups at 7 and 30 days, then closing.
    app.advance_clock(SignedDuration::from_hours(24 * 7));
    sign_in(client, &server, "care_worker.gen").await;
    record_follow_up(client, &server, person, "7", "attended").await;
    sign_out(client).await;
    app.advance_clock(SignedDuration::from_hours(24 * 23));
    sign_in(client, &server, "care_worker.gen").await;
    record_follow_up(client, &server, person, "30", "attended").await;
    choose(client, "reason", "completed").await;
    type_into(client, "why", "Volgt de behandeling bij De Sleutel").await;
    send_confirmed(client, &format!("/people/{person}/follow-up/close")).await;
    let closed = main_text(client).await;
    assert_eq!(closed.matches("Aanwezig").count(), 2, "attended at 7 and at 30 days: {closed}");
    assert!(closed.contains("Afgesloten"), "{closed}");
    keep_screenshot(client, "pathway-closed-wide-nl").await;
    session.client.clone().close().await.expect("close");

    // The audit trail holds every step, each in the person's access log.
    let gent = actor(app, "care_worker.gen").await;
    let paging = Paging { page: 1, per_page: 200 };
    let (log, _) = app.person_access_log(&gent, person, paging).await.expect("the access log");
    let actions: Vec<&str> = log.items.iter().map(|r| r.entry.action.as_str()).collect();
    for step in [
        "person.create",
        "screening.start",
        "screening.answer",
        "screening.complete",
        "intake.create",
        "care_plan.create",
        "person.transfer",
        "handover.acknowledge",
        "release_plan.start",
        "release_plan.save",
        "episode.release",
        "follow_up.record",
        "follow_up.close",
    ] {
        assert!(actions.contains(&step), "{step} missing from {actions:?}");
    }
    assert_eq!(actions.iter().filter(|a| **a == "follow_up.record").count(), 2, "at 7 and at 30 days");
}

async fn record_follow_up(client: &Client, server: &TestServer, person: i64, due_days: &str, attendance: &str) {
    open(client, server, &format!("/people/{person}/release-plan")).await;
    choose(client, "due_days", due_days).await;
    type_into(client, "contact_date", &day(&server.app, 0)).await;
    choose(client, "attendance", attendance).await;
    choose(client, "means", "person_phone").await;
    send(client, &format!("/people/{person}/follow-ups")).await;
}
