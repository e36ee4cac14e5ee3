//! `continuum token create`: an API token for a user, created by the
//! operator.

use std::process::ExitCode;

use continuum_app::{Actor, AppError};

use crate::cli::TokenCreateArgs;
use crate::settings::Settings;

/// Creates the token; prints the secret alone on standard output and the
/// expiry on standard error.
pub async fn create(settings: &Settings, args: TokenCreateArgs) -> anyhow::Result<ExitCode> {
    let app = super::open_app(settings, &settings.database.url, settings.demo).await?;
    let created = app.create_api_token(&Actor::operator(), &args.user, &args.label, args.days).await;
    let max_days = app.config().token_max_days;
    app.shutdown().await;
    let token = created.map_err(|error| describe(error, &args, max_days))?;
    println!("{}", token.secret);
    eprintln!("token {} for {} expires {}", token.id, args.user.trim(), token.expires_at);
    Ok(ExitCode::SUCCESS)
}

/// Turns the invalid fields of the use case into a sentence about the
/// command-line arguments.
fn describe(error: AppError, args: &TokenCreateArgs, max_days: i64) -> anyhow::Error {
    let AppError::Invalid(invalid) = &error else {
        return anyhow::Error::new(error).context("cannot create the token");
    };
    let reasons: Vec<String> = invalid
        .0
        .iter()
        .map(|field| match field.field {
            "user" => format!("there is no active user named {:?}", args.user.trim()),
            "days" => format!("--days must be between 1 and {max_days}"),
            "label" => "--label must be at most 100 characters".to_owned(),
            other => format!("{other} is invalid ({})", field.problem.message_id()),
        })
        .collect();
    anyhow::anyhow!("cannot create the token: {}", reasons.join("; "))
}
