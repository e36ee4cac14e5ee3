//! A running Continuum server for end-to-end tests: a fresh database seeded
//! with the demo, the real router on an ephemeral local port, and HTTP
//! clients signed in through the real sign-in form.

use std::time::Duration;

use anyhow::{Context, Result, bail};
use continuum_app::config::PasswordCost;
use continuum_app::{App, AppConfig, PoolSettings};
use continuum_http::HttpSettings;
use tokio::sync::oneshot;

use crate::database::{Backend, TestDatabase};

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "demo";

/// A server on 127.0.0.1 with the demo seeded. Stops when dropped.
pub struct TestServer {
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub base_url: String,
    /// The application the server runs (same database, same pool).
    pub app: App,
    /// The database (kept alive as long as the server).
    pub db: TestDatabase,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl TestServer {
    /// Starts a server on a fresh database of `backend`, seeded with the demo.
    pub async fn start(backend: Backend) -> Result<TestServer> {
        let db = TestDatabase::fresh(backend).await?;
        let config = AppConfig { demo_mode: true, password_cost: PasswordCost::Fast, ..AppConfig::default() };
        let app = App::open(&db.url, &PoolSettings::default(), config).await.context("opening the app")?;
        continuum_app::demo::seed(&app, |_, _| {}).await.context("seeding the demo")?;
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.context("binding a local port")?;
        let address = listener.local_addr()?;
        let settings = HttpSettings { demo_mode: true, sign_in_attempts_per_minute: 1000, ..HttpSettings::default() };
        let (tx, rx) = oneshot::channel::<()>();
        let served = app.clone();
        let task = tokio::spawn(async move {
            let shutdown = async move {
                let _ = rx.await;
            };
            if let Err(error) = continuum_http::serve(listener, served, settings, shutdown).await {
                tracing::error!(?error, "test server failed");
            }
        });
        Ok(TestServer { base_url: format!("http://{address}"), app, db, shutdown: Some(tx), task: Some(task) })
    }

    /// The absolute URL of `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path)
    }

    /// A client with a cookie store that follows no redirects.
    pub fn anonymous_client() -> Result<reqwest::Client> {
        Ok(reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(30))
            .build()?)
    }

    /// A client signed in as the demo account `username` through the real
    /// sign-in form (cookie store on, redirects not followed).
    pub async fn client_for(&self, username: &str) -> Result<reqwest::Client> {
        let client = TestServer::anonymous_client()?;
        self.sign_in(&client, username, DEMO_PASSWORD).await?;
        Ok(client)
    }

    /// Signs `client` in through the form; fails unless the server redirects.
    pub async fn sign_in(&self, client: &reqwest::Client, username: &str, password: &str) -> Result<()> {
        let page = client.get(self.url("/sign-in")).send().await?;
        if !page.status().is_success() {
            bail!("GET /sign-in answered {}", page.status());
        }
        let response =
            client.post(self.url("/sign-in")).form(&[("username", username), ("password", password)]).send().await?;
        if !response.status().is_redirection() {
            bail!("signing in as {username} answered {}", response.status());
        }
        Ok(())
    }

    /// The CSRF token of the session of `client`, read from the home page.
    pub async fn csrf_token(&self, client: &reqwest::Client) -> Result<String> {
        let html = client.get(self.url("/")).send().await?.text().await?;
        csrf_in(&html).context("no CSRF token on the home page")
    }

    /// Stops the server and waits for it to finish.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

/// The value of the first `name="csrf" value="..."` field in `html`.
pub fn csrf_in(html: &str) -> Option<String> {
    let start = html.find("name=\"csrf\"")?;
    let rest = &html[start..];
    let value = rest.find("value=\"")? + "value=\"".len();
    let end = rest[value..].find('"')?;
    let token = &rest[value..value + end];
    (!token.is_empty()).then(|| token.to_owned())
}

#[cfg(test)]
mod tests {
    use super::csrf_in;

    #[test]
    fn the_csrf_token_is_read_from_a_hidden_field() {
        let html = r#"<form><input type="hidden" name="csrf" value="abc123"><button>"#;
        assert_eq!(csrf_in(html).as_deref(), Some("abc123"));
        assert_eq!(csrf_in("<p>nothing</p>"), None);
        assert_eq!(csrf_in(r#"<input name="csrf" value="">"#), None);
    }
}
