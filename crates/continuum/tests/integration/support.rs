//! Shared set-up: a fresh database per test, an application on it.

use continuum_app::auth::SessionState;
use continuum_app::config::PasswordCost;
use continuum_app::{AccessPoint, Actor, App, AppConfig, PoolSettings};
use continuum_testkit::database::{Backend, TestDatabase};

/// Runs an async test function once per backend, as two named tests.
#[macro_export]
macro_rules! on_both_backends {
    ($name:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name(continuum_testkit::database::Backend::Sqlite).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$name(continuum_testkit::database::Backend::Postgres).await;
            }
        }
    };
}

/// An application on a fresh database, and the database (kept alive).
pub struct TestApp {
    pub app: App,
    pub db: TestDatabase,
}

/// The settings of tests: demo mode, cheap password hashing.
pub fn test_config() -> AppConfig {
    AppConfig { demo_mode: true, password_cost: PasswordCost::Fast, ..AppConfig::default() }
}

/// A fresh, migrated, empty application.
pub async fn empty_app(backend: Backend, config: AppConfig) -> TestApp {
    let db = TestDatabase::fresh(backend).await.expect("a fresh test database");
    let app = App::open(&db.url, &PoolSettings::default(), config).await.expect("the app opens");
    TestApp { app, db }
}

/// A fresh application seeded with the demo.
pub async fn demo_app(backend: Backend) -> TestApp {
    let test = empty_app(backend, test_config()).await;
    continuum_app::demo::seed(&test.app, |_, _| {}).await.expect("the demo seeds");
    test
}

/// The access point of test requests.
pub fn access() -> AccessPoint {
    AccessPoint {
        ip: Some("127.0.0.1".into()),
        user_agent: Some("integration-test".into()),
        request_id: Some("test-request".into()),
    }
}

/// Signs a demo account in and returns its actor.
pub async fn actor(app: &App, username: &str) -> Actor {
    let signed = app.sign_in(username, "demo", access()).await.expect("demo sign-in");
    match app.session(&signed.token, access()).await.expect("session") {
        SessionState::Active(actor) => actor,
        SessionState::SecondFactorDue { .. } => panic!("no second factor in demo mode"),
    }
}

/// How many rows the audit trail holds (verifying it on the way).
pub async fn audit_rows(app: &App) -> u64 {
    match app.verify_audit(|_, _| {}).await.expect("verify") {
        continuum_app::audit_trail::Verification::Intact { rows } => rows,
        continuum_app::audit_trail::Verification::Broken(b) => panic!("audit trail broken: {b}"),
    }
}

/// Runs raw SQL on the test database, around the application (tampering).
pub async fn raw_sql(db: &TestDatabase, sql: &str) -> Result<(), sqlx::Error> {
    use sqlx::Connection;
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(&db.url).await?;
    sqlx::raw_sql(sql).execute(&mut conn).await?;
    conn.close().await
}
