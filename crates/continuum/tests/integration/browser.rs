//! End to end in a real browser: headless Chromium, driven through
//! chromedriver, clicks through the pages as a person would. Set
//! `CONTINUUM_SCREENSHOTS=DIR` to keep a screenshot of each page visited, in
//! each language, on a narrow and a wide window.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use fantoccini::{Client, ClientBuilder, Locator};

/// A headless Chromium session; chromedriver is stopped on drop.
pub(crate) struct Browser {
    pub(crate) client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

pub(crate) async fn browser(width: u32, height: u32) -> Browser {
    let port = free_port();
    let driver = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver runs (Debian package chromium-driver; scripts/test installs it)");
    let profile = tempfile::tempdir().expect("profile directory");
    let args = vec![
        "--headless=new".to_owned(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-quic".into(),
        "--no-first-run".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--disable-dev-shm-usage".into(),
        format!("--window-size={width},{height}"),
        format!("--user-data-dir={}", profile.path().display()),
    ];
    let mut capabilities = serde_json::Map::new();
    capabilities
        .insert("goog:chromeOptions".into(), serde_json::json!({ "binary": "/usr/bin/chromium", "args": args }));
    let url = format!("http://127.0.0.1:{port}");
    let mut last_error = String::new();
    for _ in 0..100 {
        let builder = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities.clone())
            .connect(&url)
            .await;
        match builder {
            Ok(client) => return Browser { client, driver, _profile: profile },
            Err(error) => last_error = error.to_string(),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("could not start headless Chromium: {last_error}");
}

fn screenshot_dir() -> Option<PathBuf> {
    std::env::var_os("CONTINUUM_SCREENSHOTS").map(PathBuf::from)
}

pub(crate) async fn keep_screenshot(client: &Client, name: &str) {
    if let Some(dir) = screenshot_dir() {
        std::fs::create_dir_all(&dir).expect("screenshot directory");
        let png = client.screenshot().await.expect("screenshot");
        std::fs::write(dir.join(format!("{name}.png")), png).expect("write screenshot");
    }
}

/// Clicks the element after scrolling it to the middle of the window, as a
/// person would before touching it: near the window's edge, a fixed bar can
/// cover it and the browser then refuses the click. The scroll is instant:
/// the style sheet's smooth scrolling would still be moving when the click
/// comes, on a page long enough.
pub(crate) async fn click_in_view(client: &Client, locator: Locator<'_>) {
    let element = client.wait().for_element(locator).await.expect("the element is shown");
    let arg = serde_json::to_value(&element).expect("element reference");
    client
        .execute("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", vec![arg])
        .await
        .expect("scroll into view");
    element.click().await.expect("click");
}

pub(crate) async fn sign_in(client: &Client, server: &TestServer, username: &str) {
    client.goto(&server.url("/sign-in")).await.expect("sign-in page");
    client.find(Locator::Id("username")).await.expect("username field").send_keys(username).await.expect("type");
    client.find(Locator::Id("password")).await.expect("password field").send_keys("demo").await.expect("type");
    client
        .find(Locator::Css("form[action='/sign-in'] button[type=submit]"))
        .await
        .expect("button")
        .click()
        .await
        .expect("click");
    client.wait().for_element(Locator::Css("nav.main-nav")).await.expect("signed in: navigation shown");
}

async fn choose_language(client: &Client, code: &str) {
    let select = client.find(Locator::Id("lang-switch")).await.expect("language switcher");
    select.select_by_value(code).await.expect("choose language");
    let button = client.find(Locator::Css("form[action='/language'] button[type=submit]")).await.expect("apply");
    // app.js may already have submitted the form on change; the button is for keyboards and no-JS.
    let _ = button.click().await;
    client
        .wait()
        .for_element(Locator::Css(&format!("html[lang='{code}']")))
        .await
        .expect("the page comes back in the chosen language");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_administrator_signs_in_switches_language_and_finds_the_sites() {
    let server = TestServer::start(Backend::Sqlite).await.expect("server");
    let browser = browser(1280, 900).await;
    let client = &browser.client;
    sign_in(client, &server, "admin").await;
    keep_screenshot(client, "home-wide-en").await;

    for (code, heading) in [("fr", "Prisons"), ("nl", "Gevangenissen"), ("en", "Prisons")] {
        choose_language(client, code).await;
        client.goto(&server.url("/sites")).await.expect("sites page");
        let title = client.find(Locator::Css("main h1")).await.expect("heading").text().await.expect("text");
        assert!(title.contains(heading), "{code}: heading {title:?}");
        let table = client.find(Locator::Css("table.data")).await.expect("table").text().await.expect("text");
        assert!(table.contains("Hasselt") && table.contains("Lantin"), "{code}: {table}");
        keep_screenshot(client, &format!("sites-wide-{code}")).await;
    }

    for (path, name) in [
        ("/organisations", "organisations"),
        ("/admin/users", "users"),
        ("/admin/users/new", "user-new"),
        ("/audit", "audit"),
        ("/emergency-access", "emergency"),
        ("/account", "account"),
    ] {
        client.goto(&server.url(path)).await.expect("page");
        let heading = client.find(Locator::Css("main h1")).await.expect("every page has a heading");
        assert!(!heading.text().await.expect("text").is_empty(), "{path}");
        keep_screenshot(client, &format!("{name}-wide-en")).await;
    }

    client.find(Locator::Css("form[action='/sign-out'] button")).await.expect("sign out").click().await.expect("click");
    client.wait().for_element(Locator::Id("username")).await.expect("back at the sign-in page");
    keep_screenshot(client, "sign-in-wide-en").await;
    client.clone().close().await.expect("close");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invalid_form_comes_back_with_what_was_typed_and_the_message() {
    let server = TestServer::start(Backend::Sqlite).await.expect("server");
    let browser = browser(1280, 900).await;
    let client = &browser.client;
    sign_in(client, &server, "admin").await;
    choose_language(client, "fr").await;
    client.goto(&server.url("/organisations/new")).await.expect("form");
    let name = client.find(Locator::Id("name")).await.expect("name field");
    name.send_keys("X").await.expect("type");
    name.send_keys(&char::from(fantoccini::key::Key::Enter).to_string()).await.expect("submit with Enter");
    let summary = client.wait().for_element(Locator::Css(".error-summary")).await.expect("error summary");
    assert!(!summary.text().await.expect("text").is_empty());
    let typed = client.find(Locator::Id("name")).await.expect("name").prop("value").await.expect("value");
    assert_eq!(typed.as_deref(), Some("X"), "what was typed is shown again");
    keep_screenshot(client, "organisation-invalid-wide-fr").await;
    client.clone().close().await.expect("close");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_care_worker_on_a_narrow_screen_sees_no_administration() {
    let server = TestServer::start(Backend::Sqlite).await.expect("server");
    let browser = browser(400, 800).await;
    let client = &browser.client;
    sign_in(client, &server, "care_worker.has").await;
    let nav = client.find(Locator::Css("nav.main-nav")).await.expect("nav").text().await.expect("text");
    assert!(!nav.to_lowercase().contains("audit"), "{nav}");
    keep_screenshot(client, "home-narrow-nl").await;
    client.goto(&server.url("/admin/users")).await.expect("goto");
    let status_text = client.find(Locator::Css("main")).await.expect("main").text().await.expect("text");
    assert!(!status_text.contains("admin"), "no account list for a care worker: {status_text}");
    client.clone().close().await.expect("close");
}
