//! The subcommands, one module each, and what they share: opening the
//! application, serving it, and waiting for the signal to stop.

mod audit;
mod backup;
mod demo;
mod governance;
mod import;
mod instrument;
mod migrate;
mod restore;
mod serve;
mod token;

use std::process::ExitCode;

use anyhow::Context as _;
use continuum_app::App;
use continuum_http::HttpSettings;
use tokio::net::TcpListener;

use crate::cli::{AuditCommand, Command, GovernanceCommand, ImportCommand, InstrumentCommand, TokenCommand};
use crate::settings::{DatabaseUrl, Settings};

/// The exit code of a task this command does not do for the configured
/// database (backup and restore of PostgreSQL).
pub const EXIT_UNSUPPORTED: u8 = 2;

/// Runs one subcommand.
pub async fn run(command: Command, settings: Settings) -> anyhow::Result<ExitCode> {
    match command {
        Command::Serve => serve::run(&settings).await,
        Command::Migrate => migrate::run(&settings).await,
        Command::Demo(args) => demo::run(&settings, args).await,
        Command::Token { command: TokenCommand::Create(args) } => token::create(&settings, args).await,
        Command::Audit { command: AuditCommand::Verify } => audit::verify(&settings).await,
        Command::Import { command: ImportCommand::Entries(args) } => import::entries(&settings, args).await,
        Command::Instrument { command: InstrumentCommand::LoadPack(args) } => {
            instrument::load_pack(&settings, args).await
        }
        Command::Governance { command: GovernanceCommand::SendReminders } => {
            governance::send_reminders(&settings).await
        }
        Command::Backup(args) => backup::run(&settings, args).await,
        Command::Restore(args) => restore::run(&settings, args).await,
    }
}

/// Opens the application on `url` (which applies pending migrations).
async fn open_app(settings: &Settings, url: &DatabaseUrl, demo_mode: bool) -> anyhow::Result<App> {
    App::open(url.expose(), &settings.pool(), settings.app_config(demo_mode))
        .await
        .with_context(|| format!("cannot open the database {url}"))
}

/// Binds the listening socket.
async fn bind(listen: &str) -> anyhow::Result<TcpListener> {
    TcpListener::bind(listen).await.with_context(|| format!("cannot listen on {listen}"))
}

/// Serves `app` on `listener` until Ctrl-C or SIGTERM, then stops the
/// application (its pending audit rows are written first).
async fn serve_until_signal(listener: TcpListener, app: App, http: HttpSettings) -> anyhow::Result<()> {
    // Release planning (issue 5, item 6): pathways whose release comes
    // within 30 days move to release planning, checked every hour.
    let sweep = continuum_app::release_plans::spawn_release_planning_sweep(app.clone());
    let served = continuum_http::serve(listener, app.clone(), http, shutdown_signal()).await;
    sweep.abort();
    app.shutdown().await;
    tracing::info!("stopped");
    served
}

/// Completes on Ctrl-C, or on SIGTERM on Unix.
async fn shutdown_signal() {
    let interrupt = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::warn!(%error, "cannot wait for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::warn!(%error, "cannot wait for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
    tracing::info!("shutting down: finishing the requests in flight");
}

/// A progress bar on standard error, or a hidden one when standard error
/// is not a terminal.
/// Asks `question` on the terminal and reads a yes; refuses with `refusal`
/// when standard input is not a terminal (pass --yes there).
fn confirm(question: &str, refusal: &str) -> anyhow::Result<bool> {
    use std::io::{BufRead as _, IsTerminal as _, Write as _};
    if !std::io::stdin().is_terminal() {
        anyhow::bail!("{refusal}");
    }
    let mut stderr = std::io::stderr();
    write!(stderr, "{question}\nType yes to continue: ")?;
    stderr.flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    Ok(matches!(answer.trim().to_ascii_lowercase().as_str(), "yes" | "y"))
}

fn progress_bar(template: &str) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(0);
    if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// The file of the configured SQLite database, or the exit code and message
/// for PostgreSQL. `task` names the command (`backup`, `restore`) and
/// `tool` the PostgreSQL tool to use instead.
fn sqlite_file(settings: &Settings, task: &str, tool: &str) -> anyhow::Result<Result<std::path::PathBuf, ExitCode>> {
    let url = &settings.database.url;
    if url.is_postgres() {
        eprintln!("{task}: the database is PostgreSQL ({url}); use {tool} for it (see the README, section on backups)");
        return Ok(Err(ExitCode::from(EXIT_UNSUPPORTED)));
    }
    match continuum_app::operations::sqlite_path(url.expose()) {
        Some(path) => Ok(Ok(path)),
        None => anyhow::bail!("{task} needs a SQLite database file, and database.url ({url}) names none"),
    }
}
