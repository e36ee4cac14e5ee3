//! Operations of the command line: backup and restore.

use std::path::Path;

use crate::app::App;
use crate::error::AppResult;

impl App {
    /// Writes a consistent copy of the (SQLite) database while it is in use.
    pub async fn backup(&self, target: &Path) -> AppResult<()> {
        self.store.backup_to(target).await?;
        Ok(())
    }
}

/// Replaces the SQLite database at `database` by the backup at `backup`.
/// No server may be running on it.
pub async fn restore(backup: &Path, database: &Path) -> AppResult<()> {
    continuum_store::backup::restore_sqlite(backup, database).await?;
    Ok(())
}

/// The file of a `sqlite:` database URL.
pub fn sqlite_path(url: &str) -> Option<std::path::PathBuf> {
    continuum_store::sqlite_path(url)
}
