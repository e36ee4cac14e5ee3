//! `continuum backup FILE`: an online copy of the SQLite database.

use std::process::ExitCode;

use anyhow::Context as _;

use crate::cli::BackupArgs;
use crate::settings::Settings;

/// Writes the copy; PostgreSQL is pointed to pg_dump (exit 2).
pub async fn run(settings: &Settings, args: BackupArgs) -> anyhow::Result<ExitCode> {
    let database = match super::sqlite_file(settings, "backup", "pg_dump")? {
        Ok(path) => path,
        Err(code) => return Ok(code),
    };
    let target = &args.file;
    if target.exists() {
        anyhow::bail!("{} already exists; choose a new file name", target.display());
    }
    if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty())
        && !parent.is_dir()
    {
        anyhow::bail!("the directory {} does not exist", parent.display());
    }
    if !database.is_file() {
        anyhow::bail!("there is no database at {}", database.display());
    }
    let app = super::open_app(settings, &settings.database.url, settings.demo).await?;
    let written = app.backup(target).await;
    app.shutdown().await;
    written.with_context(|| format!("cannot back up to {}", target.display()))?;
    println!("backup written to {}", target.display());
    Ok(ExitCode::SUCCESS)
}
