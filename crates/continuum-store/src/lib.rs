//! Persistence of Continuum on SQLite and PostgreSQL: all SQL lives here.
//!
//! One code serves both databases through sqlx's `Any` driver: queries use
//! `$1` placeholders and portable SQL, instants are stored as fixed-format
//! UTC text, booleans as `BOOLEAN`, integers as `BIGINT`. Each backend has
//! its own migration directory with the same version numbers.
//!
//! API boundary: only `continuum-app` depends on this crate. Its functions
//! take a connection (`&mut Conn`), either a pooled reader or an open
//! transaction; the application layer decides which, and owns commits.
//!
//! On SQLite, writes go through a pool of one connection, so that write
//! transactions never race for the database lock; reads use a separate pool.

use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyPool, Executor};

pub mod audit;
pub mod backup;
// Care pathway: intake, care plan, contacts (issue 5, items 1 to 3).
pub mod care;
// Release planning and follow-up (issue 5, items 6 to 8).
pub mod care_team;
pub mod caseload;
pub mod content_packs;
pub mod emergency;
pub mod entries;
pub mod episodes;
// Governance (issue 7).
pub mod governance;
// Release planning and follow-up (issue 5, items 6 to 8).
pub mod follow_ups;
pub mod kiosk;
pub mod merges;
pub mod organisations;
pub mod pathways;
pub mod people;
// Release planning and follow-up (issue 5, items 6 to 8).
pub mod release_plans;
pub mod screenings;
pub mod sessions;
pub mod signals;
pub mod sites;
pub mod tokens;
pub mod uploads;
pub mod users;
// OAT and transfers (issue 5, items 4 and 5).
pub mod handovers;
pub mod oat;
// Consent and the directory of care providers (issue 6, items 1, 2 and 5).
pub mod consents;
pub mod directory;
pub mod participation;
// Referrals (issue 6, items 3 and 4).
pub mod referrals;

/// The database driver's error, for `?` on commits.
pub use sqlx::Error as DbError;

/// A database connection, pooled or inside a transaction.
pub type Conn = sqlx::AnyConnection;
/// An open write transaction.
pub type Tx = sqlx::Transaction<'static, Any>;

/// Which database the store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// The embedded default.
    Sqlite,
    /// For several servers sharing one database.
    Postgres,
}

impl Backend {
    /// The backend a database URL names.
    pub fn of_url(url: &str) -> Result<Backend, StoreError> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(StoreError::UnsupportedUrl)
        }
    }

    /// The pool size when none is configured. SQLite: two readers per core.
    /// Each SQLite connection runs its statements on a thread of its own, so
    /// more readers than cores only take turns on them, and the one writer's
    /// thread (whose commits every audited read waits for) queues behind
    /// them (bench/README.md, "Runs 10 to 14"). PostgreSQL: 16, as its work runs in
    /// the database server's processes.
    pub fn default_connections(self) -> u32 {
        match self {
            Backend::Sqlite => {
                let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
                u32::try_from(cores).unwrap_or(u32::MAX / 2).saturating_mul(2)
            }
            Backend::Postgres => 16,
        }
    }
}

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A unique constraint refused the write; the name of the constraint or column.
    #[error("unique constraint violated ({0})")]
    Unique(String),
    /// A foreign key refused the write.
    #[error("foreign key violated")]
    ForeignKey,
    /// The database URL is neither `sqlite:` nor `postgres://`.
    #[error("the database URL must start with sqlite: or postgres://")]
    UnsupportedUrl,
    /// A stored value could not be read back.
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
    /// Any other database error.
    #[error(transparent)]
    Database(sqlx::Error),
    /// A migration failed.
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A file operation failed (backup, restore, creating the data directory).
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        if let Some(db) = error.as_database_error() {
            match db.kind() {
                sqlx::error::ErrorKind::UniqueViolation => {
                    let name = db.constraint().map(str::to_owned).unwrap_or_else(|| db.message().to_owned());
                    return StoreError::Unique(name);
                }
                sqlx::error::ErrorKind::ForeignKeyViolation => return StoreError::ForeignKey,
                _ => {}
            }
        }
        StoreError::Database(error)
    }
}

/// Result of a store function.
pub type StoreResult<T> = Result<T, StoreError>;

/// Pool sizes and timeouts.
#[derive(Debug, Clone)]
pub struct PoolSettings {
    /// Connections for reads (and for writes on PostgreSQL); `None` takes
    /// the backend's default ([`Backend::default_connections`]).
    pub max_connections: Option<u32>,
    /// How long to wait for a free connection.
    pub acquire_timeout: Duration,
}

impl Default for PoolSettings {
    fn default() -> Self {
        PoolSettings { max_connections: None, acquire_timeout: Duration::from_secs(10) }
    }
}

/// Per-connection settings of SQLite: WAL, durable commits, foreign keys, and
/// a busy timeout instead of immediate lock errors. No memory-mapped reads:
/// after every checkpoint each reader unmaps its whole mapping, and the
/// `munmap` of a large one blocks the page faults of every thread of the
/// process for milliseconds (bench/README.md, "Runs 10 to 14").
const SQLITE_PRAGMAS: &str =
    "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;";
/// The same for a database opened read-only (which cannot change its journal).
const SQLITE_READ_ONLY_PRAGMAS: &str = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;";

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// The database: a pool for reads and one for writes (the same on PostgreSQL).
#[derive(Debug, Clone)]
pub struct Store {
    read: AnyPool,
    write: AnyPool,
    backend: Backend,
}

impl Store {
    /// Connects to the database the URL names, creating a SQLite file (and
    /// its directory) when missing.
    pub async fn connect(url: &str, settings: &PoolSettings) -> StoreResult<Store> {
        sqlx::any::install_default_drivers();
        let backend = Backend::of_url(url)?;
        if backend == Backend::Sqlite {
            create_sqlite_directory(url)?;
        }
        let options = AnyConnectOptions::from_str(&with_create_mode(url, backend))?;
        let connections = settings.max_connections.unwrap_or_else(|| backend.default_connections());
        let pragmas = if url.contains("mode=ro") { SQLITE_READ_ONLY_PRAGMAS } else { SQLITE_PRAGMAS };
        let pool = |max: u32| {
            AnyPoolOptions::new().max_connections(max).acquire_timeout(settings.acquire_timeout).after_connect(
                move |conn, _meta| {
                    Box::pin(async move {
                        if backend == Backend::Sqlite {
                            conn.execute(pragmas).await?;
                        }
                        Ok(())
                    })
                },
            )
        };
        let store = match backend {
            Backend::Sqlite => {
                let write = pool(1).connect_with(options.clone()).await?;
                let read = pool(connections).connect_with(options).await?;
                Store { read, write, backend }
            }
            Backend::Postgres => {
                let shared = pool(connections).connect_with(options).await?;
                Store { read: shared.clone(), write: shared, backend }
            }
        };
        Ok(store)
    }

    /// Applies the embedded migrations of the backend.
    pub async fn migrate(&self) -> StoreResult<()> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&self.write).await?;
        Ok(())
    }

    /// On SQLite, whether a commit waits until the disk has it (`synchronous
    /// = FULL`, the default) or not (`OFF`). `false` is only for seeding a
    /// throwaway demo database, where a lost tail costs nothing and a flush
    /// per commit costs minutes. No effect on PostgreSQL.
    pub async fn set_flush_on_commit(&self, flush: bool) -> StoreResult<()> {
        if self.backend == Backend::Sqlite {
            let pragma = if flush { "PRAGMA synchronous = FULL" } else { "PRAGMA synchronous = OFF" };
            let mut conn = self.write.acquire().await?;
            conn.execute(pragma).await?;
        }
        Ok(())
    }

    /// Which database this is.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A connection for reading.
    pub async fn reader(&self) -> StoreResult<PoolConnection<Any>> {
        let asked = std::time::Instant::now();
        let conn = self.read.acquire().await?;
        metrics::histogram!("db_read_acquire_seconds").record(asked.elapsed().as_secs_f64());
        Ok(conn)
    }

    /// Opens a write transaction; nothing is written unless it is committed.
    pub async fn begin(&self) -> StoreResult<Tx> {
        Ok(self.write.begin().await?)
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> StoreResult<()> {
        let mut conn = self.reader().await?;
        sqlx::query("SELECT 1").execute(&mut *conn).await?;
        Ok(())
    }

    /// Connections in the read pool: (open, idle).
    pub fn pool_usage(&self) -> (u32, usize) {
        (self.read.size(), self.read.num_idle())
    }

    /// Closes every connection.
    pub async fn close(&self) {
        self.write.close().await;
        self.read.close().await;
    }
}

/// `sqlite:` URLs without a mode get `mode=rwc`, so the file is created.
fn with_create_mode(url: &str, backend: Backend) -> String {
    if backend == Backend::Sqlite && !url.contains("mode=") {
        let separator = if url.contains('?') { '&' } else { '?' };
        format!("{url}{separator}mode=rwc")
    } else {
        url.to_owned()
    }
}

/// The file path of a `sqlite:` URL, if it names a file.
pub fn sqlite_path(url: &str) -> Option<std::path::PathBuf> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| std::path::PathBuf::from(path))
}

fn create_sqlite_directory(url: &str) -> StoreResult<()> {
    if let Some(parent) = sqlite_path(url).as_deref().and_then(std::path::Path::parent)
        && !parent.as_os_str().is_empty()
    {
        std::fs::create_dir_all(parent)?;
    }
    Ok(())
}

/// Paging of a list: which slice of the results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// How many rows at most.
    pub limit: i64,
    /// How many rows to skip.
    pub offset: i64,
}

/// Escapes `%`, `_` and `\` for a `LIKE ... ESCAPE '\'` pattern that matches
/// the text anywhere, case-insensitively once both sides are lowered.
pub(crate) fn like_pattern(text: &str) -> String {
    let mut out = String::from("%");
    for c in text.trim().to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_get_a_create_mode_and_a_path() {
        assert_eq!(with_create_mode("sqlite://data/c.db", Backend::Sqlite), "sqlite://data/c.db?mode=rwc");
        assert_eq!(sqlite_path("sqlite://data/c.db?mode=rwc"), Some(std::path::PathBuf::from("data/c.db")));
        assert_eq!(Backend::of_url("mysql://x").ok(), None);
    }

    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(like_pattern(" A_b%"), "%a\\_b\\%%");
    }
}

/// A stored flag: `BIGINT` 0 or 1 on both databases, because sqlx's `Any`
/// driver cannot read SQLite booleans. Row fields of type `bool` read it
/// through `#[sqlx(try_from = "crate::Flag")]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flag(bool);

impl sqlx::Type<Any> for Flag {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <i64 as sqlx::Type<Any>>::type_info()
    }

    fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
        <i64 as sqlx::Type<Any>>::compatible(ty)
    }
}

impl<'r> sqlx::Decode<'r, Any> for Flag {
    fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        Ok(Flag(<i64 as sqlx::Decode<Any>>::decode(value)? != 0))
    }
}

impl From<Flag> for bool {
    fn from(flag: Flag) -> bool {
        flag.0
    }
}
