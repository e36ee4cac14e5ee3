//! Backup and restore of the embedded database.
//!
//! SQLite: `VACUUM INTO` writes a consistent copy while the server runs.
//! Restoring replaces the database file while no server uses it. PostgreSQL
//! databases are backed up with `pg_dump` (see README.md, "Operations").

use std::path::Path;

use crate::{Backend, Store, StoreError, StoreResult};

impl Store {
    /// Writes a consistent copy of a SQLite database to `target` (which must
    /// not exist yet).
    pub async fn backup_to(&self, target: &Path) -> StoreResult<()> {
        if self.backend() != Backend::Sqlite {
            return Err(StoreError::Corrupt("backup by the server is for SQLite; use pg_dump for PostgreSQL".into()));
        }
        if target.exists() {
            return Err(StoreError::Io(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                format!("{} already exists", target.display()),
            )));
        }
        let mut conn = self.reader().await?;
        let path = target.to_string_lossy().into_owned();
        sqlx::query("VACUUM INTO $1").bind(path).execute(&mut *conn).await?;
        Ok(())
    }
}

/// Replaces the SQLite database at `database` with the backup at `backup`,
/// after checking that the backup opens and holds a Continuum audit head.
/// No server may be using the database.
pub async fn restore_sqlite(backup: &Path, database: &Path) -> StoreResult<()> {
    let url = format!("sqlite://{}?mode=ro", backup.display());
    let check = Store::connect(&url, &crate::PoolSettings::default()).await?;
    {
        let mut conn = check.reader().await?;
        crate::audit::head(&mut conn).await?;
    }
    check.close().await;
    if let Some(parent) = database.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    let staging = database.with_extension("restoring");
    std::fs::copy(backup, &staging)?;
    for suffix in ["-wal", "-shm"] {
        let side = format!("{}{suffix}", database.display());
        if Path::new(&side).exists() {
            std::fs::remove_file(side)?;
        }
    }
    std::fs::rename(staging, database)?;
    Ok(())
}
