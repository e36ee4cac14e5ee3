//! `continuum serve`: the web application and the API.

use std::process::ExitCode;

use crate::settings::Settings;

/// Binds `server.listen`, opens the database and serves until a signal.
pub async fn run(settings: &Settings) -> anyhow::Result<ExitCode> {
    let listener = super::bind(&settings.server.listen).await?;
    let app = super::open_app(settings, &settings.database.url, settings.demo).await?;
    if settings.demo {
        tracing::warn!("demo mode: the demo password is accepted; never use it with real data");
    }
    if !settings.server.secure_cookies {
        tracing::info!("cookies are not marked Secure; set server.secure_cookies = true behind TLS");
    }
    let address = listener.local_addr()?;
    tracing::info!(%address, database = %settings.database.url, backend = app.backend_name(), "listening on http://{address}");
    super::serve_until_signal(listener, app, settings.http(settings.demo)).await?;
    Ok(ExitCode::SUCCESS)
}
