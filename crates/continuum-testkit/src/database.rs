//! A fresh, empty database per test, on either supported backend.
//!
//! ```no_run
//! # async fn example() -> anyhow::Result<()> {
//! use continuum_testkit::database::{Backend, TestDatabase};
//!
//! for backend in Backend::ALL {
//!     let db = TestDatabase::fresh(backend).await?;
//!     // connect to `db.url`, migrate, test…
//! #   let _ = db;
//! }
//! # Ok(())
//! # }
//! ```

use std::fmt;

use anyhow::Result;

use crate::postgres;

/// A database engine Continuum runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Backend {
    /// SQLite, in a file in a temporary directory.
    Sqlite,
    /// PostgreSQL 15+, on the shared test server (see [`postgres::server`]).
    Postgres,
}

impl Backend {
    /// Every backend, for tests that must pass on all of them.
    pub const ALL: [Backend; 2] = [Backend::Sqlite, Backend::Postgres];

    /// Lower-case name: `sqlite` or `postgres`.
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

impl fmt::Display for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A new, empty database for one test.
///
/// For SQLite the database file lives in a temporary directory removed when
/// this value is dropped, so keep it alive as long as the database is used.
/// PostgreSQL databases are left on the throwaway server, which goes away
/// with the test run.
#[derive(Debug)]
pub struct TestDatabase {
    /// URL to connect to (`sqlite://…?mode=rwc` or `postgres://…`).
    pub url: String,
    /// The engine behind `url`.
    pub backend: Backend,
    _dir: Option<tempfile::TempDir>,
}

impl TestDatabase {
    /// Creates a new, empty database on `backend`.
    ///
    /// # Errors
    ///
    /// For SQLite when no temporary directory can be created; for
    /// PostgreSQL when no server is available (tests then fail, never
    /// skip) or the database cannot be created.
    pub async fn fresh(backend: Backend) -> Result<TestDatabase> {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::Builder::new().prefix("continuum-sqlite-").tempdir()?;
                Ok(TestDatabase { url: postgres::fresh_sqlite_url(&dir), backend, _dir: Some(dir) })
            }
            Backend::Postgres => Ok(TestDatabase { url: postgres::fresh_database_url().await?, backend, _dir: None }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlx::{AnyConnection, Connection as _};

    #[tokio::test]
    async fn every_backend_gives_a_usable_empty_database() -> Result<()> {
        sqlx::any::install_default_drivers();
        for backend in Backend::ALL {
            let db = TestDatabase::fresh(backend).await?;
            assert_eq!(db.backend, backend);
            let mut conn = AnyConnection::connect(&db.url).await?;
            sqlx::raw_sql("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (41)").execute(&mut conn).await?;
            let (x,): (i32,) = sqlx::query_as("SELECT x + 1 FROM t").fetch_one(&mut conn).await?;
            assert_eq!(x, 42, "{backend}");
            conn.close().await?;
        }
        Ok(())
    }

    #[tokio::test]
    async fn sqlite_databases_are_distinct() -> Result<()> {
        let a = TestDatabase::fresh(Backend::Sqlite).await?;
        let b = TestDatabase::fresh(Backend::Sqlite).await?;
        assert_ne!(a.url, b.url);
        Ok(())
    }

    #[test]
    fn names() {
        assert_eq!(Backend::Sqlite.to_string(), "sqlite");
        assert_eq!(Backend::Postgres.to_string(), "postgres");
        assert_eq!(Backend::ALL.len(), 2);
    }
}
