//! The command line: subcommands, arguments and their `--help` texts
//! (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// What `--help` shows after the list of commands.
const AFTER_HELP: &str = "\
Configuration, each source overriding the one before:
  1. defaults;
  2. the TOML file given with --config, or else ./continuum.toml if it exists;
  3. environment variables CONTINUUM_<SECTION>__<KEY>, for example
     CONTINUUM_DATABASE__URL=postgres://continuum:PASSWORD@db/continuum
     CONTINUUM_SERVER__LISTEN=0.0.0.0:8080  CONTINUUM_LOG__FORMAT=json

Settings (default):
  database.url (sqlite://data/continuum.db)
  database.max_connections (SQLite: 2 per core; PostgreSQL: 16)
  server.listen (127.0.0.1:8080)   server.secure_cookies (false; true behind TLS)
  server.sign_in_attempts_per_minute (10)
  log.format (human | json)   log.filter (info; RUST_LOG overrides it)
  security.session_idle_minutes (20)   security.session_absolute_hours (12)
  security.lockout_threshold (5)   security.lockout_minutes (15)
  security.token_default_days (90)   security.emergency_access_hours (4)
  security.transfer_read_days (30)
  demo (false)

Logs go to standard error; results (a token, a verdict) to standard output.";

/// Continuum: continuity of drug care for people in Belgian prisons.
///
/// One binary serves the web application and runs the operator's tasks.
/// Start with `continuum demo` to try it on fictitious data.
#[derive(Debug, Parser)]
#[command(name = "continuum", version, after_long_help = AFTER_HELP, propagate_version = true)]
pub struct Cli {
    /// Configuration file (TOML); it must exist. Without it,
    /// ./continuum.toml is read if it exists.
    #[arg(long, global = true, value_name = "PATH", env = "CONTINUUM_CONFIG")]
    pub config: Option<PathBuf>,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web application and the API.
    ///
    /// Opens the configured database, applies pending migrations, listens on
    /// `server.listen` and serves until Ctrl-C or SIGTERM, then finishes the
    /// requests in flight, writes the pending audit rows and exits.
    Serve,

    /// Apply pending database migrations and exit.
    ///
    /// `serve` migrates at start-up too; run this to migrate ahead of an
    /// upgrade, or to check that the database is reachable.
    Migrate,

    /// Try Continuum on a fresh demo database with fictitious data.
    ///
    /// Deletes the demo database file (default data/demo.db) if it exists,
    /// creates it again, fills it with fictitious prisons, organisations and
    /// one account per role and site, prints the accounts, then serves it in
    /// demo mode. The password of every demo account is `demo`. Never point
    /// it at real data: the file is deleted first.
    Demo(DemoArgs),

    /// Create API tokens for the JSON API.
    ///
    /// Users create and revoke their own tokens in the web application; the
    /// operator can create one for any active user here.
    Token {
        /// The token command.
        #[command(subcommand)]
        command: TokenCommand,
    },

    /// Check the audit trail.
    Audit {
        /// The audit command.
        #[command(subcommand)]
        command: AuditCommand,
    },

    /// Import data files into the register.
    Import {
        /// The import command.
        #[command(subcommand)]
        command: ImportCommand,
    },

    /// Manage the screening instruments' content packs (licensed wording).
    Instrument {
        /// The instrument command.
        #[command(subcommand)]
        command: InstrumentCommand,
    },

    /// Governance (issue 7): send the e-mail reminders.
    Governance {
        /// The governance command.
        #[command(subcommand)]
        command: GovernanceCommand,
    },

    /// Copy the SQLite database to FILE while it is in use.
    ///
    /// Writes a consistent copy (the server may keep running). FILE must not
    /// exist. For PostgreSQL, use pg_dump (see the README).
    Backup(BackupArgs),

    /// Replace the SQLite database by the backup in FILE.
    ///
    /// Stop the server first: no process may use the database. The backup is
    /// checked before it replaces the database. Asks for confirmation on a
    /// terminal; pass --yes otherwise. For PostgreSQL, use pg_restore (see
    /// the README).
    Restore(RestoreArgs),
}

/// Arguments of `demo`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// The demo database file; it is deleted and created again. Its name
    /// must end in .db.
    #[arg(long, value_name = "PATH", default_value = "data/demo.db")]
    pub db: PathBuf,

    /// The address to serve the demo on.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080", conflicts_with = "seed_only")]
    pub listen: String,

    /// Create and seed the demo database, then exit without serving.
    #[arg(long)]
    pub seed_only: bool,

    /// How many entries the register holds: `pilot` (the ten pilot prisons'
    /// volumes), `national` (about 20,000 entries a year, for benchmarks) or
    /// `empty`.
    #[arg(long, value_enum, default_value = "pilot")]
    pub scale: DemoScale,

    /// Over how many years up to today the entries are spread.
    #[arg(long, value_name = "N", default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..=20))]
    pub years: u32,
}

/// The size of the demo register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DemoScale {
    /// The ten pilot prisons at their usual volumes.
    Pilot,
    /// About 20,000 entries a year.
    National,
    /// No entries.
    Empty,
}

/// `token` subcommands.
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create an API token for a user.
    ///
    /// Prints the token secret alone on standard output (so scripts can
    /// capture it) and its expiry on standard error. The secret is shown
    /// only this once; it is stored hashed.
    Create(TokenCreateArgs),
}

/// Arguments of `token create`.
#[derive(Debug, Args)]
pub struct TokenCreateArgs {
    /// The username of the active user the token acts for.
    #[arg(long, value_name = "NAME")]
    pub user: String,

    /// Days of validity (default: security.token_default_days; at most 365).
    #[arg(long, value_name = "N")]
    pub days: Option<i64>,

    /// A label to recognise the token by in the user's token list.
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub label: String,
}

/// `import` subcommands.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import a prison's entry list (CSV) into the entry register.
    ///
    /// Columns (header line, `,` or `;`): family_name, given_names,
    /// birth_date, sex, nationality, languages, preferred_language,
    /// prison_number, entry_date, legal_status, expected_release; see
    /// ARCHITECTURE.md. Every refused line is listed with its number and
    /// reason, and then nothing is written (exit 1). Otherwise the new
    /// entries are written in one transaction after confirmation (asked on
    /// a terminal; pass --yes otherwise). Entries already registered are
    /// skipped, so importing a file twice changes nothing the second time.
    Entries(ImportEntriesArgs),
}

/// Arguments of `import entries`.
#[derive(Debug, Args)]
pub struct ImportEntriesArgs {
    /// The CSV file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// The prison's code (e.g. HAS).
    #[arg(long, value_name = "CODE")]
    pub site: String,

    /// The user on whose behalf the import is made: a care worker or the
    /// medical service of that prison. The access policy and the audit trail
    /// apply to them.
    #[arg(long, value_name = "NAME")]
    pub user: String,

    /// Write without asking for confirmation.
    #[arg(long)]
    pub yes: bool,
}

/// `instrument` subcommands.
#[derive(Debug, Subcommand)]
pub enum InstrumentCommand {
    /// Load a content pack: the validated wording of one instrument version
    /// in one language, with its source, rights holder and date of
    /// permission.
    ///
    /// FILE is TOML (format in crates/continuum-app/src/content_packs.rs and
    /// the README). The pack must word every item and answer option of the
    /// instrument version it names, and nothing else: every problem is
    /// listed and nothing is loaded (exit 1). A pack for the same
    /// instrument, version and language replaces the active one, which stays
    /// recorded. Never commit licensed wording to the repository.
    LoadPack(LoadPackArgs),
}

/// Arguments of `instrument load-pack`.
#[derive(Debug, Args)]
pub struct LoadPackArgs {
    /// The pack file (TOML).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// The administrator on whose behalf the pack is loaded; the access
    /// policy and the audit trail apply to them.
    #[arg(long, value_name = "NAME")]
    pub user: String,
}

/// `governance` subcommands.
#[derive(Debug, Subcommand)]
pub enum GovernanceCommand {
    /// E-mail each user with an address their governance reminders.
    ///
    /// Upcoming meetings, minutes to approve, actions due or overdue and
    /// requests waiting, in the user's language; only group names, dates,
    /// action titles, counts and a link. A reminder already sent today is
    /// not sent again: run it daily (cron, a systemd timer). Needs
    /// `mail.smtp_host`; without it, says so and sends nothing.
    SendReminders,
}

/// `audit` subcommands.
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Verify the hash chain of the audit trail.
    ///
    /// Recomputes the hash of every row and checks that each follows the one
    /// before and that the last matches the chain head: any row edited,
    /// deleted, inserted or moved is found. Exits 0 when the trail is
    /// intact, 1 when it is broken, naming the first broken row.
    Verify,
}

/// Arguments of `backup`.
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The file to write; it must not exist.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

/// Arguments of `restore`.
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup to restore (a file written by `continuum backup`).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Do not ask for confirmation.
    #[arg(long, short = 'y')]
    pub yes: bool,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn demo_defaults_and_conflicts() -> Result<(), clap::Error> {
        let cli = Cli::try_parse_from(["continuum", "demo"])?;
        let Command::Demo(args) = cli.command else { panic!("not demo") };
        assert_eq!(args.db, PathBuf::from("data/demo.db"));
        assert_eq!(args.listen, "127.0.0.1:8080");
        assert!(!args.seed_only);
        assert!(Cli::try_parse_from(["continuum", "demo", "--seed-only", "--listen", "0.0.0.0:1"]).is_err());
        Ok(())
    }

    #[test]
    fn global_config_and_token_arguments() -> Result<(), clap::Error> {
        let cli = Cli::try_parse_from([
            "continuum",
            "token",
            "create",
            "--user",
            "admin",
            "--days",
            "7",
            "--config",
            "x.toml",
        ])?;
        assert_eq!(cli.config, Some(PathBuf::from("x.toml")));
        let Command::Token { command: TokenCommand::Create(args) } = cli.command else { panic!("not token create") };
        assert_eq!((args.user.as_str(), args.days, args.label.as_str()), ("admin", Some(7), ""));
        assert!(Cli::try_parse_from(["continuum", "token", "create"]).is_err(), "--user is required");
        Ok(())
    }
}
