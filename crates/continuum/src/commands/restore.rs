//! `continuum restore FILE`: replace the SQLite database by a backup.

use std::process::ExitCode;

use anyhow::Context as _;

use crate::cli::RestoreArgs;
use crate::settings::Settings;

/// Restores after confirmation; PostgreSQL is pointed to pg_restore
/// (exit 2).
pub async fn run(settings: &Settings, args: RestoreArgs) -> anyhow::Result<ExitCode> {
    let database = match super::sqlite_file(settings, "restore", "pg_restore")? {
        Ok(path) => path,
        Err(code) => return Ok(code),
    };
    let backup = &args.file;
    if !backup.is_file() {
        anyhow::bail!("there is no backup file at {}", backup.display());
    }
    if database.exists() && same_file(backup, &database) {
        anyhow::bail!("{} is the database itself, not a backup", backup.display());
    }
    let question = format!(
        "Replace the database {} by the backup {}?\n\
         Everything written since the backup will be lost. Stop the server first.",
        database.display(),
        backup.display()
    );
    let refusal = "restore replaces the database; pass --yes to confirm (standard input is not a terminal)";
    if !args.yes && !super::confirm(&question, refusal)? {
        eprintln!("restore cancelled; the database is unchanged");
        return Ok(ExitCode::FAILURE);
    }
    continuum_app::operations::restore(backup, &database)
        .await
        .with_context(|| format!("cannot restore {} to {}", backup.display(), database.display()))?;
    println!("database {} restored from {}", database.display(), backup.display());
    eprintln!("run `continuum audit verify` to check the audit trail of the restored database");
    Ok(ExitCode::SUCCESS)
}

/// Whether two paths name the same file.
fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
