//! Configuration of the `continuum` command: one typed [`Settings`] struct.
//!
//! Sources, each overriding the one before:
//!
//! 1. the defaults below;
//! 2. a TOML file: the one given with `--config PATH` (which must exist), or
//!    else `continuum.toml` in the current directory if it exists;
//! 3. environment variables `CONTINUUM_*`, with `__` between a section and
//!    its key: `CONTINUUM_DATABASE__URL`, `CONTINUUM_SERVER__LISTEN`,
//!    `CONTINUUM_DEMO`.
//!
//! Unknown keys in a section are errors (a misspelt `secure_cookie` must not
//! be silently ignored). Environment variables that name no section
//! (`CONTINUUM_CONFIG`, `CONTINUUM_TEST_DATABASE_URL`, ...) are left alone.
//!
//! The database URL may hold a password: it is kept in a [`DatabaseUrl`],
//! whose `Debug` and `Display` hide it.

use std::fmt;
use std::path::{Path, PathBuf};

use continuum_app::AppConfig;
use continuum_app::config::PasswordCost;
use figment::Figment;
use figment::providers::{Env, Format, Toml};
use jiff::SignedDuration;
use serde::Deserialize;

/// The configuration file read when `--config` is not given (if it exists).
pub const DEFAULT_CONFIG_FILE: &str = "continuum.toml";

/// The prefix of the environment variables.
pub const ENV_PREFIX: &str = "CONTINUUM_";

/// The top-level keys; environment variables naming anything else are
/// not configuration and are ignored.
const SECTIONS: [&str; 6] = ["database", "server", "log", "security", "demo", "mail"];

/// Everything the command can be configured with.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// The database.
    pub database: DatabaseSettings,
    /// The HTTP server.
    pub server: ServerSettings,
    /// The logs.
    pub log: LogSettings,
    /// Sessions, lock-outs, tokens, break-the-glass.
    pub security: SecuritySettings,
    /// Demo mode: the demo password is accepted and a banner is shown.
    /// Never on real data.
    pub demo: bool,
    /// E-mail (governance reminders, issue 7 item 6); off unless
    /// `mail.smtp_host` is set.
    pub mail: MailSettings,
}

/// `[mail]`: the SMTP server the governance reminders are sent through.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MailSettings {
    /// The SMTP server; empty (the default): no e-mail is sent.
    pub smtp_host: String,
    /// Its port.
    pub smtp_port: u16,
    /// `starttls` (the default), `tls`, or `none` (a relay on the same
    /// host or network only).
    pub tls: String,
    /// The sender, `Continuum <noreply@example.org>`.
    pub sender: String,
    /// The application's address, for the link in the messages.
    pub base_url: String,
}

impl Default for MailSettings {
    fn default() -> Self {
        MailSettings {
            smtp_host: String::new(),
            smtp_port: 587,
            tls: "starttls".into(),
            sender: String::new(),
            base_url: "http://127.0.0.1:8080".into(),
        }
    }
}

/// `[database]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DatabaseSettings {
    /// `sqlite://PATH` or `postgres://USER:PASSWORD@HOST/DB`.
    pub url: DatabaseUrl,
    /// Connections of the pool; unset, the database's default (SQLite: two
    /// readers per core; PostgreSQL: 16).
    pub max_connections: Option<u32>,
}

impl Default for DatabaseSettings {
    fn default() -> Self {
        DatabaseSettings { url: DatabaseUrl::new("sqlite://data/continuum.db"), max_connections: None }
    }
}

/// `[server]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServerSettings {
    /// The address to listen on, `HOST:PORT`.
    pub listen: String,
    /// Mark cookies `Secure` and send HSTS: set it when a TLS proxy is in
    /// front.
    pub secure_cookies: bool,
    /// Sign-in attempts allowed per client address and minute.
    pub sign_in_attempts_per_minute: u32,
}

impl Default for ServerSettings {
    fn default() -> Self {
        ServerSettings { listen: "127.0.0.1:8080".into(), secure_cookies: false, sign_in_attempts_per_minute: 10 }
    }
}

/// `[log]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LogSettings {
    /// Human-readable lines or JSON objects.
    pub format: LogFormat,
    /// A `tracing` filter such as `info` or `info,sqlx=warn`; `RUST_LOG`
    /// overrides it.
    pub filter: String,
}

impl Default for LogSettings {
    fn default() -> Self {
        LogSettings { format: LogFormat::Human, filter: "info".into() }
    }
}

/// How log lines look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// One readable line per event.
    Human,
    /// One JSON object per line, for a log collector.
    Json,
}

/// `[security]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SecuritySettings {
    /// A session ends after this many minutes without activity.
    pub session_idle_minutes: u32,
    /// A session ends this many hours after sign-in, whatever happens.
    pub session_absolute_hours: u32,
    /// Failed sign-ins in a row before the account is locked.
    pub lockout_threshold: u32,
    /// How long a lock-out lasts, in minutes.
    pub lockout_minutes: u32,
    /// Validity of an API token when none is given, in days.
    pub token_default_days: u32,
    /// How long a break-the-glass access lasts, in hours.
    pub emergency_access_hours: u32,
    /// How many days after a transfer between pilot prisons the sending
    /// team still reads what it wrote (issue 5).
    pub transfer_read_days: u32,
}

impl Default for SecuritySettings {
    fn default() -> Self {
        SecuritySettings {
            session_idle_minutes: 20,
            session_absolute_hours: 12,
            lockout_threshold: 5,
            lockout_minutes: 15,
            token_default_days: 90,
            emergency_access_hours: 4,
            transfer_read_days: 30,
        }
    }
}

/// A database URL. It may hold a password, so `Debug` and `Display` show
/// it redacted; [`DatabaseUrl::expose`] gives the real one.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct DatabaseUrl(String);

impl DatabaseUrl {
    /// Wraps a URL.
    pub fn new(url: impl Into<String>) -> DatabaseUrl {
        DatabaseUrl(url.into())
    }

    /// The URL with its password, to connect with. Never log it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether this is a PostgreSQL URL.
    pub fn is_postgres(&self) -> bool {
        self.0.starts_with("postgres:") || self.0.starts_with("postgresql:")
    }

    /// The URL with the password of its user part and any `password`
    /// query parameter replaced by `***`.
    pub fn redacted(&self) -> String {
        let (base, query) = match self.0.split_once('?') {
            Some((base, query)) => (base, Some(query)),
            None => (self.0.as_str(), None),
        };
        let mut out = match base.split_once("://") {
            Some((scheme, rest)) => {
                let (authority, path) = match rest.find('/') {
                    Some(at) => rest.split_at(at),
                    None => (rest, ""),
                };
                let authority = match authority.rsplit_once('@') {
                    Some((userinfo, host)) => match userinfo.split_once(':') {
                        Some((user, _password)) => format!("{user}:***@{host}"),
                        None => format!("{userinfo}@{host}"),
                    },
                    None => authority.to_owned(),
                };
                format!("{scheme}://{authority}{path}")
            }
            None => base.to_owned(),
        };
        if let Some(query) = query {
            let params: Vec<String> = query
                .split('&')
                .map(|param| match param.split_once('=') {
                    Some((key, _)) if key.to_ascii_lowercase().contains("password") => {
                        format!("{key}=***")
                    }
                    _ => param.to_owned(),
                })
                .collect();
            out.push('?');
            out.push_str(&params.join("&"));
        }
        out
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("DatabaseUrl").field(&self.redacted()).finish()
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

/// Why the settings could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// `--config` names a file that does not exist.
    #[error("configuration file {} not found", .0.display())]
    MissingFile(PathBuf),
    /// A source could not be read or a value has the wrong type.
    #[error("configuration: {0}")]
    Invalid(String),
}

impl From<figment::Error> for SettingsError {
    fn from(error: figment::Error) -> Self {
        let messages: Vec<String> = error.into_iter().map(|e| e.to_string().replace('\n', " ")).collect();
        SettingsError::Invalid(messages.join("; "))
    }
}

impl Settings {
    /// The sources, in order: defaults, the TOML file, the environment.
    /// `config` is the file given with `--config`, if any.
    pub fn figment(config: Option<&Path>) -> Result<Figment, SettingsError> {
        let mut figment = Figment::new();
        match config {
            Some(path) if !path.is_file() => {
                return Err(SettingsError::MissingFile(path.to_owned()));
            }
            Some(path) => figment = figment.merge(Toml::file_exact(path)),
            None if Path::new(DEFAULT_CONFIG_FILE).is_file() => {
                figment = figment.merge(Toml::file_exact(DEFAULT_CONFIG_FILE));
            }
            None => {}
        }
        let env = Env::prefixed(ENV_PREFIX).split("__").filter(|key| {
            let section = key.as_str().split('.').next().unwrap_or_default();
            SECTIONS.iter().any(|known| known.eq_ignore_ascii_case(section))
        });
        Ok(figment.merge(env))
    }

    /// Loads and checks the settings. `config` is the file given with
    /// `--config`, if any.
    pub fn load(config: Option<&Path>) -> Result<Settings, SettingsError> {
        Settings::from_figment(&Settings::figment(config)?)
    }

    /// Extracts and checks the settings from `figment`.
    pub fn from_figment(figment: &Figment) -> Result<Settings, SettingsError> {
        let settings: Settings = figment.extract()?;
        settings.check()?;
        Ok(settings)
    }

    /// Checks the values serde cannot: ranges and non-empty strings.
    fn check(&self) -> Result<(), SettingsError> {
        let invalid = |message: String| Err(SettingsError::Invalid(message));
        if self.database.url.expose().trim().is_empty() {
            return invalid("database.url is empty".into());
        }
        if self.database.max_connections == Some(0) {
            return invalid("database.max_connections must be at least 1".into());
        }
        if self.server.listen.trim().is_empty() {
            return invalid("server.listen is empty".into());
        }
        if self.server.sign_in_attempts_per_minute == 0 {
            return invalid("server.sign_in_attempts_per_minute must be at least 1".into());
        }
        let security = &self.security;
        for (name, value) in [
            ("security.session_idle_minutes", security.session_idle_minutes),
            ("security.session_absolute_hours", security.session_absolute_hours),
            ("security.lockout_threshold", security.lockout_threshold),
            ("security.lockout_minutes", security.lockout_minutes),
            ("security.emergency_access_hours", security.emergency_access_hours),
            ("security.transfer_read_days", security.transfer_read_days),
        ] {
            if value == 0 {
                return invalid(format!("{name} must be at least 1"));
            }
        }
        let mail = &self.mail;
        if !mail.smtp_host.trim().is_empty() {
            if continuum_app::governance::mail::SmtpTls::parse(&mail.tls).is_none() {
                return invalid("mail.tls must be starttls, tls or none".into());
            }
            if mail.sender.trim().is_empty() {
                return invalid("mail.sender is empty".into());
            }
        }
        let max_days = AppConfig::default().token_max_days;
        if !(1..=max_days).contains(&i64::from(security.token_default_days)) {
            return invalid(format!("security.token_default_days must be between 1 and {max_days}"));
        }
        Ok(())
    }

    /// The SMTP server of the reminders, if one is configured.
    pub fn mail(&self) -> Option<continuum_app::governance::mail::MailConfig> {
        let mail = &self.mail;
        if mail.smtp_host.trim().is_empty() {
            return None;
        }
        Some(continuum_app::governance::mail::MailConfig {
            host: mail.smtp_host.trim().to_owned(),
            port: mail.smtp_port,
            sender: mail.sender.trim().to_owned(),
            tls: continuum_app::governance::mail::SmtpTls::parse(&mail.tls)?,
            base_url: mail.base_url.trim().to_owned(),
        })
    }

    /// The pool settings of the database.
    pub fn pool(&self) -> continuum_app::PoolSettings {
        continuum_app::PoolSettings {
            max_connections: self.database.max_connections,
            ..continuum_app::PoolSettings::default()
        }
    }

    /// The settings of the application layer; `demo_mode` is forced on by
    /// the `demo` command.
    pub fn app_config(&self, demo_mode: bool) -> AppConfig {
        let security = &self.security;
        AppConfig {
            demo_mode,
            session_idle_timeout: SignedDuration::from_mins(i64::from(security.session_idle_minutes)),
            session_absolute_timeout: SignedDuration::from_hours(i64::from(security.session_absolute_hours)),
            lockout_threshold: i64::from(security.lockout_threshold),
            lockout_duration: SignedDuration::from_mins(i64::from(security.lockout_minutes)),
            token_default_days: i64::from(security.token_default_days),
            emergency_access_duration: SignedDuration::from_hours(i64::from(security.emergency_access_hours)),
            transfer_read_window: SignedDuration::from_hours(24 * i64::from(security.transfer_read_days)),
            password_cost: PasswordCost::Standard,
            ..AppConfig::default()
        }
    }

    /// The settings of the HTTP layer; `demo_mode` is forced on by the
    /// `demo` command.
    pub fn http(&self, demo_mode: bool) -> continuum_http::HttpSettings {
        continuum_http::HttpSettings {
            secure_cookies: self.server.secure_cookies,
            demo_mode,
            sign_in_attempts_per_minute: self.server.sign_in_attempts_per_minute,
        }
    }
}

#[cfg(test)]
// `figment::Jail` closures must return `figment::Error`, a large type.
#[allow(clippy::result_large_err)]
mod tests {
    use super::*;
    use figment::Jail;

    fn load(config: Option<&Path>) -> Result<Settings, figment::Error> {
        Settings::load(config).map_err(|e| figment::Error::from(e.to_string()))
    }

    #[test]
    fn defaults_without_file_or_environment() {
        Jail::expect_with(|jail| {
            jail.clear_env();
            let settings = load(None)?;
            assert_eq!(settings, Settings::default());
            assert_eq!(settings.database.url.expose(), "sqlite://data/continuum.db");
            assert_eq!(settings.database.max_connections, None, "the database's own default");
            assert_eq!(settings.server.listen, "127.0.0.1:8080");
            assert!(!settings.server.secure_cookies);
            assert_eq!(settings.server.sign_in_attempts_per_minute, 10);
            assert_eq!(settings.log.format, LogFormat::Human);
            assert_eq!(settings.log.filter, "info");
            assert_eq!(settings.security, SecuritySettings::default());
            assert_eq!(settings.security.token_default_days, 90);
            assert!(!settings.demo);
            Ok(())
        });
    }

    #[test]
    fn default_file_overrides_defaults() {
        Jail::expect_with(|jail| {
            jail.clear_env();
            jail.create_file(
                DEFAULT_CONFIG_FILE,
                r#"
                demo = true
                [database]
                url = "sqlite://other.db"
                [server]
                secure_cookies = true
                [log]
                format = "json"
                [security]
                session_idle_minutes = 5
                "#,
            )?;
            let settings = load(None)?;
            assert_eq!(settings.database.url.expose(), "sqlite://other.db");
            assert_eq!(settings.database.max_connections, None, "keys not in the file keep their default");
            assert!(settings.server.secure_cookies);
            assert_eq!(settings.log.format, LogFormat::Json);
            assert_eq!(settings.security.session_idle_minutes, 5);
            assert_eq!(settings.security.lockout_minutes, 15);
            assert!(settings.demo);
            Ok(())
        });
    }

    #[test]
    fn explicit_file_is_read_and_must_exist() {
        Jail::expect_with(|jail| {
            jail.clear_env();
            jail.create_file(DEFAULT_CONFIG_FILE, "[server]\nlisten = \"127.0.0.1:1\"")?;
            jail.create_file("site.toml", "[server]\nlisten = \"0.0.0.0:9000\"")?;
            let settings = load(Some(Path::new("site.toml")))?;
            assert_eq!(settings.server.listen, "0.0.0.0:9000", "--config replaces continuum.toml");
            let missing = Settings::load(Some(Path::new("missing.toml")));
            assert!(matches!(missing, Err(SettingsError::MissingFile(_))));
            Ok(())
        });
    }

    #[test]
    fn environment_overrides_file() {
        Jail::expect_with(|jail| {
            jail.clear_env();
            jail.create_file(
                DEFAULT_CONFIG_FILE,
                "demo = false\n[server]\nlisten = \"127.0.0.1:1\"\nsecure_cookies = true",
            )?;
            jail.set_env("CONTINUUM_SERVER__LISTEN", "0.0.0.0:8443");
            jail.set_env("CONTINUUM_DEMO", "true");
            let settings = load(None)?;
            assert_eq!(settings.server.listen, "0.0.0.0:8443");
            assert!(settings.server.secure_cookies, "the file still sets what the environment does not");
            assert!(settings.demo);
            Ok(())
        });
    }

    #[test]
    fn nested_environment_variables() {
        Jail::expect_with(|jail| {
            jail.clear_env();
            jail.set_env("CONTINUUM_DATABASE__URL", "postgres://continuum:s3cret@db/continuum");
            jail.set_env("CONTINUUM_DATABASE__MAX_CONNECTIONS", "4");
            jail.set_env("CONTINUUM_SECURITY__TOKEN_DEFAULT_DAYS", "30");
            jail.set_env("CONTINUUM_LOG__FORMAT", "json");
            jail.set_env("CONTINUUM_LOG__FILTER", "debug,sqlx=warn");
            let settings = load(None)?;
            assert_eq!(settings.database.url.expose(), "postgres://continuum:s3cret@db/continuum");
            assert!(settings.database.url.is_postgres());
            assert_eq!(settings.database.max_connections, Some(4));
            assert_eq!(settings.security.token_default_days, 30);
            assert_eq!(settings.log.format, LogFormat::Json);
            assert_eq!(settings.log.filter, "debug,sqlx=warn");
            Ok(())
        });
    }

    // OAT and transfers (issue 5, item 5).
    #[test]
    fn the_sending_teams_read_window_comes_from_the_file_and_the_environment() {
        Jail::expect_with(|jail| {
            jail.clear_env();
            jail.create_file("continuum.toml", "[security]\ntransfer_read_days = 14\n")?;
            assert_eq!(load(None)?.app_config(false).transfer_read_window, SignedDuration::from_hours(24 * 14));
            jail.set_env("CONTINUUM_SECURITY__TRANSFER_READ_DAYS", "7");
            assert_eq!(load(None)?.app_config(false).transfer_read_window, SignedDuration::from_hours(24 * 7));
            Ok(())
        });
    }

    #[test]
    fn mail_is_off_by_default_and_configured_from_the_environment() {
        Jail::expect_with(|jail| {
            jail.clear_env();
            assert_eq!(load(None)?.mail(), None, "no SMTP server by default");
            jail.set_env("CONTINUUM_MAIL__SMTP_HOST", "smtp.example.org");
            jail.set_env("CONTINUUM_MAIL__SMTP_PORT", "465");
            jail.set_env("CONTINUUM_MAIL__TLS", "tls");
            jail.set_env("CONTINUUM_MAIL__SENDER", "Continuum <noreply@example.org>");
            let mail = load(None)?.mail().expect("configured");
            assert_eq!((mail.host.as_str(), mail.port), ("smtp.example.org", 465));
            assert_eq!(mail.tls, continuum_app::governance::mail::SmtpTls::Tls);
            jail.set_env("CONTINUUM_MAIL__TLS", "sometimes");
            assert!(load(None).is_err(), "an unknown TLS mode is an error");
            Ok(())
        });
    }

    #[test]
    fn unrelated_environment_variables_are_ignored() {
        Jail::expect_with(|jail| {
            jail.clear_env();
            jail.set_env("CONTINUUM_CONFIG", "elsewhere.toml");
            jail.set_env("CONTINUUM_TEST_DATABASE_URL", "postgres://x@y/z");
            jail.set_env("CONTINUUM_PG_BINDIR", "/usr/lib/postgresql/17/bin");
            assert_eq!(load(None)?, Settings::default());
            Ok(())
        });
    }

    #[test]
    fn misspelt_keys_and_bad_values_are_errors() {
        Jail::expect_with(|jail| {
            jail.clear_env();
            jail.create_file(DEFAULT_CONFIG_FILE, "[server]\nsecure_cookie = true")?;
            let error = Settings::load(None).map(|_| ()).map_err(|e| e.to_string());
            assert!(matches!(&error, Err(message) if message.contains("secure_cookie")), "{error:?}");

            jail.create_file(DEFAULT_CONFIG_FILE, "[log]\nformat = \"xml\"")?;
            assert!(Settings::load(None).is_err());

            jail.create_file(DEFAULT_CONFIG_FILE, "[security]\ntoken_default_days = 0")?;
            assert!(Settings::load(None).is_err());

            jail.create_file(DEFAULT_CONFIG_FILE, "")?;
            jail.set_env("CONTINUUM_SERVER__LISTN", "0.0.0.0:1");
            assert!(Settings::load(None).is_err(), "a misspelt variable of a known section is an error");
            Ok(())
        });
    }

    #[test]
    fn database_url_password_is_redacted() {
        let url =
            DatabaseUrl::new("postgres://continuum:s3cret@db.example:5432/continuum?sslmode=require&password=other");
        let shown = format!("{url:?} {url}");
        assert!(!shown.contains("s3cret") && !shown.contains("other"), "{shown}");
        assert_eq!(url.redacted(), "postgres://continuum:***@db.example:5432/continuum?sslmode=require&password=***");

        let settings = Settings { database: DatabaseSettings { url, max_connections: Some(1) }, ..Settings::default() };
        assert!(!format!("{settings:?}").contains("s3cret"));

        assert_eq!(DatabaseUrl::new("sqlite://data/continuum.db").redacted(), "sqlite://data/continuum.db");
        assert_eq!(DatabaseUrl::new("postgres://user@host/db").redacted(), "postgres://user@host/db");
        assert_eq!(DatabaseUrl::new("sqlite::memory:").redacted(), "sqlite::memory:");
    }

    #[test]
    fn app_config_maps_the_security_settings() {
        let mut settings = Settings::default();
        settings.security.session_idle_minutes = 7;
        settings.security.emergency_access_hours = 2;
        settings.security.lockout_threshold = 3;
        let config = settings.app_config(true);
        assert!(config.demo_mode);
        assert_eq!(config.session_idle_timeout, SignedDuration::from_mins(7));
        assert_eq!(config.session_absolute_timeout, SignedDuration::from_hours(12));
        assert_eq!(config.emergency_access_duration, SignedDuration::from_hours(2));
        assert_eq!(config.lockout_threshold, 3);
        assert_eq!(config.lockout_duration, SignedDuration::from_mins(15));
        assert_eq!(config.token_default_days, 90);
        assert_eq!(config.password_cost, PasswordCost::Standard);
        assert_eq!(config.transfer_read_window, SignedDuration::from_hours(24 * 30));
        assert_eq!(settings.pool().max_connections, None);
        let http = settings.http(false);
        assert!(!http.demo_mode && !http.secure_cookies);
        assert_eq!(http.sign_in_attempts_per_minute, 10);
    }
}
