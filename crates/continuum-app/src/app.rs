//! The application: the store, the settings, the audit writer and the clock.

use std::sync::Arc;

use continuum_store::{PoolSettings, Store};
use jiff::{SignedDuration, Timestamp};

use crate::audit_writer::AuditWriter;
use crate::config::AppConfig;
use crate::error::{AppError, AppResult};

/// Where the time comes from; tests move it forward.
#[derive(Clone)]
pub(crate) struct Clock(Arc<std::sync::Mutex<SignedDuration>>);

impl Clock {
    pub(crate) fn now(&self) -> Timestamp {
        let offset = self.0.lock().map(|o| *o).unwrap_or_default();
        Timestamp::now().saturating_add(offset).unwrap_or_else(|_| Timestamp::now())
    }
}

/// The application layer: every use case is a method of `App`.
#[derive(Clone)]
pub struct App {
    pub(crate) store: Store,
    pub(crate) config: Arc<AppConfig>,
    pub(crate) audit: AuditWriter,
    pub(crate) touches: Arc<crate::auth::TouchThrottle>,
    pub(crate) sites: Arc<crate::auth::SiteCache>,
    instruments: Arc<crate::instruments::Catalogue>,
    clock: Clock,
}

impl App {
    /// Loads and checks the screening instruments, connects to the
    /// database, applies migrations and starts the audit writer. A broken
    /// instrument definition stops the start-up, naming the file.
    pub async fn open(database_url: &str, pool: &PoolSettings, config: AppConfig) -> AppResult<App> {
        let instruments = crate::instruments::catalogue()
            .map_err(|error| AppError::Internal(anyhow::Error::new(error).context("screening instruments")))?;
        let store = Store::connect(database_url, pool).await?;
        store.migrate().await?;
        let audit = AuditWriter::start(store.clone());
        Ok(App {
            store,
            config: Arc::new(config),
            audit,
            touches: Arc::default(),
            sites: Arc::default(),
            instruments: Arc::new(instruments),
            clock: Clock(Arc::new(std::sync::Mutex::new(SignedDuration::ZERO))),
        })
    }

    /// The screening instruments, checked at start-up.
    pub fn instruments(&self) -> &crate::instruments::Catalogue {
        &self.instruments
    }

    /// The settings.
    pub fn config(&self) -> &AppConfig {
        &self.config
    }

    /// Now, by the application's clock.
    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }

    /// Moves the application's clock forward (tests of timeouts only).
    pub fn advance_clock(&self, by: SignedDuration) {
        if let Ok(mut offset) = self.clock.0.lock() {
            *offset += by;
        }
    }

    /// Whether the database answers (readiness).
    pub async fn ready(&self) -> AppResult<()> {
        self.store.ping().await?;
        Ok(())
    }

    /// Open and idle connections of the read pool (metrics).
    pub fn pool_usage(&self) -> (u32, usize) {
        self.store.pool_usage()
    }

    /// The name of the database backend (`sqlite` or `postgres`).
    pub fn backend_name(&self) -> &'static str {
        match self.store.backend() {
            continuum_store::Backend::Sqlite => "sqlite",
            continuum_store::Backend::Postgres => "postgres",
        }
    }

    /// Stops the audit writer after it has written what it holds, then
    /// closes the database.
    pub async fn shutdown(&self) {
        self.audit.shutdown().await;
        self.store.close().await;
    }
}
