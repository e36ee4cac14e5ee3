//! End to end in two real browsers: a care worker at Hasselt starts a kiosk
//! session for a French-speaking person; a tablet (a second headless
//! Chromium) pairs with the code and the person answers the ASSIST in
//! French; the tablet drops out midway, a new one pairs and carries on at
//! the next unanswered item with no answer lost; the worker then sees the
//! scores, the person leaves the worklist, and the tablet is locked again.

use std::time::Duration;

use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use fantoccini::{Client, Locator};

use crate::browser::{browser, click_in_view, keep_screenshot, sign_in};
use crate::kiosk::entered;
use crate::support::actor;

/// The answers the person gives, by item (every other item is skipped by
/// the ASSIST's rules). Scores per DOMAIN.md (SSI = Q2+Q3+Q4+Q5+Q6+Q7):
/// tobacco 6+5+0+6+0 = 17 and cannabis 0+6+0 = 6 (moderate: 4-26), alcohol
/// 4+4+4+0+3+0 = 15 (moderate: 11-26); every other class 0 (low).
const ANSWERS: [(&str, &str); 25] = [
    ("tobacco.q1", "yes"),
    ("alcohol.q1", "yes"),
    ("cannabis.q1", "yes"),
    ("cocaine.q1", "no"),
    ("amphetamine_type_stimulants.q1", "no"),
    ("inhalants.q1", "no"),
    ("sedatives.q1", "no"),
    ("hallucinogens.q1", "no"),
    ("opioids.q1", "no"),
    ("other.q1", "no"),
    ("tobacco.q2", "daily"),
    ("alcohol.q2", "weekly"),
    ("cannabis.q2", "never"),
    ("tobacco.q3", "weekly"),
    ("alcohol.q3", "monthly"),
    ("tobacco.q4", "never"),
    ("alcohol.q4", "once_or_twice"),
    ("alcohol.q5", "never"),
    ("tobacco.q6", "no"),
    ("alcohol.q6", "yes_earlier"),
    ("cannabis.q6", "yes_past_3_months"),
    ("tobacco.q7", "yes_past_3_months"),
    ("alcohol.q7", "no"),
    ("cannabis.q7", "no"),
    ("injection.q8", "no"),
];

/// The answers given on the first tablet, before it drops out.
const BEFORE_THE_DROP: usize = 12;

fn answer_to(item: &str) -> &'static str {
    ANSWERS
        .iter()
        .find(|(key, _)| *key == item)
        .map(|(_, option)| *option)
        .unwrap_or_else(|| panic!("the tablet asked {item}, which the ASSIST's skip rules should have left out"))
}

/// What the tablet shows: `Some(Some(item))` a question, `Some(None)` the
/// last page (send the answers), `None` neither yet (a page is loading).
async fn shown_item(tablet: &Client) -> Option<Option<String>> {
    let html = tablet.source().await.ok()?;
    if let Some(at) = html.find("name=\"item\" value=\"") {
        let rest = &html[at + "name=\"item\" value=\"".len()..];
        return Some(rest.split('"').next().map(str::to_owned));
    }
    html.contains("id=\"finish\"").then_some(None)
}

/// Waits until the tablet shows another item than `before` (or the last page).
async fn next_page(tablet: &Client, before: Option<&str>) -> Option<String> {
    for _ in 0..100 {
        if let Some(now) = shown_item(tablet).await
            && now.as_deref() != before
        {
            return now;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the tablet stayed on {before:?}");
}

/// Chooses an option by touching its label, then "Next".
async fn choose(tablet: &Client, item: &str, option: &str) -> Option<String> {
    let label = tablet.find(Locator::Css(&format!("label[for='option-{option}']"))).await.expect("the option");
    label.click().await.expect("touch the option");
    tablet.find(Locator::Id("next")).await.expect("next").click().await.expect("touch next");
    next_page(tablet, Some(item)).await
}

/// Pairs a tablet on the locked screen; it then shows a question.
async fn pair(tablet: &Client, server: &TestServer, code: &str) -> Option<String> {
    tablet.goto(&server.url("/kiosk")).await.expect("the locked screen");
    tablet.find(Locator::Id("code")).await.expect("the code field").send_keys(code).await.expect("type the code");
    tablet.find(Locator::Css("form.kiosk-pair button")).await.expect("start").click().await.expect("touch");
    tablet.wait().for_element(Locator::Css("input[name=item]")).await.expect("a question");
    next_page(tablet, None).await
}

/// The code on the worker's pairing page, digits only.
async fn pairing_code(desk: &Client) -> String {
    let shown = desk.wait().for_element(Locator::Id("pairing-code")).await.expect("the code is shown");
    shown.text().await.expect("text").chars().filter(char::is_ascii_digit).collect()
}

async fn main_text(client: &Client) -> String {
    client.find(Locator::Css("main")).await.expect("main").text().await.expect("text")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_entered_at_hasselt_answers_in_french_on_a_tablet_that_drops_out_midway() {
    let server = TestServer::start(Backend::Sqlite).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = entered(&server.app, &worker, "Dubois", "E2E-1", "fr").await;

    let desk_browser = browser(1280, 900).await;
    let desk = &desk_browser.client;
    sign_in(desk, &server, "care_worker.has").await;
    desk.goto(&server.url("/worklist")).await.expect("worklist");
    assert!(main_text(desk).await.contains("E2E-1"), "the person waits for screening");
    desk.goto(&server.url(&format!("/people/{person}"))).await.expect("the person's page");
    click_in_view(desk, Locator::Id("start-kiosk")).await;
    let code = pairing_code(desk).await;
    assert_eq!(code.len(), 8);
    keep_screenshot(desk, "kiosk-code-wide-nl").await;

    // The first tablet: French, one question at a time, our demonstration labels.
    let first = browser(800, 1100).await;
    let tablet = &first.client;
    let mut item = pair(tablet, &server, &code).await;
    tablet.find(Locator::Css("html[lang='fr']")).await.expect("the tablet speaks French");
    let wording = tablet.find(Locator::Css(".kiosk-wording")).await.expect("wording").text().await.expect("text");
    assert_eq!(wording, "Déjà consommé", "the French demonstration pack");
    let group = tablet.find(Locator::Css(".kiosk-group")).await.expect("group").text().await.expect("text");
    assert_eq!(group, "Tabac");
    assert_eq!(tablet.find(Locator::Id("next")).await.expect("next").text().await.expect("text"), "Suivant");
    assert!(tablet.find(Locator::Css("nav, header, .user-menu")).await.is_err(), "nowhere else to go");
    assert!(!main_text(tablet).await.to_uppercase().contains("DUBOIS"), "no names on the tablet");
    keep_screenshot(tablet, "kiosk-question-fr").await;
    for given in 0..BEFORE_THE_DROP {
        let key = item.clone().expect("a question");
        if key == "alcohol.q2" {
            // A slip, corrected with Back: the earlier answer is shown chosen.
            let next = choose(tablet, &key, "daily").await;
            assert_eq!(next.as_deref(), Some("cannabis.q2"));
            tablet.find(Locator::Id("back")).await.expect("back").click().await.expect("touch back");
            assert_eq!(next_page(tablet, next.as_deref()).await.as_deref(), Some("alcohol.q2"));
            let chosen = tablet.find(Locator::Css("input[name=option]:checked")).await.expect("chosen");
            assert_eq!(chosen.attr("value").await.expect("value").as_deref(), Some("daily"));
        }
        item = choose(tablet, &key, answer_to(&key)).await;
        assert!(given + 1 < BEFORE_THE_DROP || item.as_deref() == Some("cannabis.q2"), "{item:?}");
    }
    first.client.clone().close().await.expect("the tablet is closed midway");
    drop(first);

    let screening = server.app.person_screenings(&worker, person).await.expect("list")[0].id;
    let stored = server.app.screening_progress(&worker, screening, None).await.expect("progress");
    assert_eq!(stored.answered, BEFORE_THE_DROP, "every answer given was saved");

    // The worker gives a new code; a second tablet carries on where the first stopped.
    desk.goto(&server.url(&format!("/screenings/{screening}"))).await.expect("the screening page");
    desk.find(Locator::Id("new-pairing-code")).await.expect("a new code").click().await.expect("click");
    let code = pairing_code(desk).await;
    let second = browser(800, 1100).await;
    let tablet = &second.client;
    let mut item = pair(tablet, &server, &code).await;
    assert_eq!(item.as_deref(), Some("cannabis.q2"), "the next unanswered item");
    let counted = format!("Questions répondues : {BEFORE_THE_DROP} sur");
    assert!(main_text(tablet).await.contains(&counted), "the answers so far count");
    while let Some(key) = item {
        item = choose(tablet, &key, answer_to(&key)).await;
    }
    tablet.find(Locator::Id("finish")).await.expect("send the answers").click().await.expect("touch");
    tablet.wait().for_element(Locator::Css(".kiosk-pair #code")).await.expect("locked again");
    assert!(main_text(tablet).await.contains("Merci"), "thanked in French");
    keep_screenshot(tablet, "kiosk-locked-fr").await;
    tablet.goto(&server.url("/kiosk/question")).await.expect("goto");
    tablet.wait().for_element(Locator::Css(".kiosk-pair #code")).await.expect("the tablet stays locked");
    assert!(!main_text(tablet).await.contains("17"), "no result on the tablet");

    // The worker sees the scores; the person has left the worklist.
    desk.goto(&server.url(&format!("/screenings/{screening}/result"))).await.expect("the result");
    let rows = desk.find_all(Locator::Css("table.data tbody tr")).await.expect("rows");
    let mut lines = Vec::new();
    for row in rows {
        lines.push(row.text().await.expect("text"));
    }
    let line = |label: &str| lines.iter().find(|l| l.starts_with(label)).cloned().unwrap_or_default();
    assert!(line("Tabak").contains("17 / 31") && line("Tabak").contains("Matig risico"), "{lines:?}");
    assert!(line("Alcohol").contains("15 / 39") && line("Alcohol").contains("Matig risico"), "{lines:?}");
    assert!(line("Cannabis").contains("6 / 39") && line("Cannabis").contains("Matig risico"), "{lines:?}");
    assert!(line("Cocaïne").contains("0 / 39") && line("Cocaïne").contains("Laag risico"), "{lines:?}");
    let details = main_text(desk).await;
    assert!(details.contains("Zelf ingevuld") && details.contains("fr"), "mode and language: {details}");
    assert!(details.contains("Continuum demonstration labels"), "the content pack: {details}");
    keep_screenshot(desk, "kiosk-result-wide-nl").await;
    desk.goto(&server.url("/worklist")).await.expect("worklist");
    let section = |id: &'static str| async move {
        match desk.find(Locator::Css(&format!("[aria-labelledby='{id}']"))).await {
            Ok(region) => region.text().await.expect("text"),
            Err(_) => String::new(),
        }
    };
    assert!(!section("awaiting-title").await.contains("E2E-1"), "screened people leave the waiting list");
    assert!(section("positive-title").await.contains("E2E-1"), "a positive screening waits for an intake");

    second.client.clone().close().await.expect("close");
    desk_browser.client.clone().close().await.expect("close");
}
