//! Logs: `tracing` events written to standard error, as readable lines or
//! as JSON objects (`log.format`), filtered by `RUST_LOG` when it is set and
//! by `log.filter` otherwise.
//!
//! Standard output is kept for the results of commands (a token secret,
//! the verdict of a verification), so scripts can capture them.

use std::io::IsTerminal;

use tracing_subscriber::EnvFilter;

use crate::settings::{LogFormat, LogSettings};

/// Installs the global subscriber. Fails on an invalid filter.
pub fn init(log: &LogSettings) -> anyhow::Result<()> {
    let filter = match std::env::var(EnvFilter::DEFAULT_ENV) {
        Ok(directives) if !directives.trim().is_empty() => EnvFilter::try_new(&directives)
            .map_err(|e| anyhow::anyhow!("invalid {}={directives:?}: {e}", EnvFilter::DEFAULT_ENV))?,
        _ => {
            EnvFilter::try_new(&log.filter).map_err(|e| anyhow::anyhow!("invalid log.filter {:?}: {e}", log.filter))?
        }
    };
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let installed = match log.format {
        LogFormat::Human => builder.with_ansi(std::io::stderr().is_terminal()).try_init(),
        LogFormat::Json => builder.json().with_current_span(false).try_init(),
    };
    installed.map_err(|e| anyhow::anyhow!("cannot install the logger: {e}"))
}
