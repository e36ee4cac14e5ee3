//! `continuum migrate`: apply pending migrations and exit.

use std::process::ExitCode;

use crate::settings::Settings;

/// Opens the database (which migrates it) and closes it.
pub async fn run(settings: &Settings) -> anyhow::Result<ExitCode> {
    let app = super::open_app(settings, &settings.database.url, settings.demo).await?;
    app.shutdown().await;
    println!("database is up to date");
    Ok(ExitCode::SUCCESS)
}
