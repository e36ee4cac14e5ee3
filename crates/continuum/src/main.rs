//! `continuum`: the one binary of Continuum, software for drug care in
//! Belgian prisons. It serves the web application and runs the operator's
//! tasks: migrations, the demo, API tokens, audit verification, backup and
//! restore. See `continuum --help`.
//!
//! Errors of the user (a missing file, a wrong setting, an unknown user)
//! end the command with a one-line message on standard error and a
//! non-zero exit code, never a panic.

mod cli;
mod commands;
mod settings;
mod telemetry;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {}", one_line(&error));
            ExitCode::FAILURE
        }
    }
}

/// Loads the settings, starts the logs and the runtime, runs the command.
fn run(cli: cli::Cli) -> anyhow::Result<ExitCode> {
    let settings = settings::Settings::load(cli.config.as_deref())?;
    telemetry::init(&settings.log)?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(commands::run(cli.command, settings))
}

/// The error and its causes on one line, each cause once (database errors
/// often repeat their cause in their own message).
fn one_line(error: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in error.chain() {
        let text = cause.to_string().replace('\n', " ");
        if text.is_empty() || message.contains(&text) {
            continue;
        }
        if !message.is_empty() {
            message.push_str(": ");
        }
        message.push_str(&text);
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_keeps_each_cause_once() {
        let error =
            anyhow::anyhow!("inner detail").context("driver failed: inner detail").context("cannot open the database");
        assert_eq!(one_line(&error), "cannot open the database: driver failed: inner detail");
        let error = anyhow::anyhow!("line one\nline two");
        assert_eq!(one_line(&error), "line one line two");
    }
}
