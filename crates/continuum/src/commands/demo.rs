//! `continuum demo`: a fresh demo database with fictitious data, served in
//! demo mode.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use continuum_app::demo::{DemoAccount, RegisterScale};
use continuum_domain::credentials::DEMO_PASSWORD;

use crate::cli::{DemoArgs, DemoScale};
use crate::settings::{DatabaseUrl, Settings};

/// Recreates and seeds the demo database, prints the accounts, and serves
/// it (unless `--seed-only`).
pub async fn run(settings: &Settings, args: DemoArgs) -> anyhow::Result<ExitCode> {
    let url = demo_url(&args.db)?;
    refuse_configured_database(settings, &args.db)?;
    // Bind first: a busy port is found before the seeding, not after.
    let listener = if args.seed_only { None } else { Some(super::bind(&args.listen).await?) };
    remove_database(&args.db)?;

    let app = super::open_app(settings, &url, true).await?;
    continuum_app::demo::flush_on_commit(&app, false).await?;
    let bar = super::progress_bar("seeding the demo [{bar:40}] {pos}/{len}");
    let seeded = continuum_app::demo::seed(&app, |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    })
    .await;
    bar.finish_and_clear();
    let accounts = match seeded {
        Ok(accounts) => accounts,
        Err(error) => {
            app.shutdown().await;
            return Err(anyhow::Error::new(error).context("cannot seed the demo"));
        }
    };
    let scale = match args.scale {
        DemoScale::Pilot => RegisterScale::Pilot,
        DemoScale::National => RegisterScale::National,
        DemoScale::Empty => RegisterScale::Empty,
    };
    let bar = super::progress_bar("registering demo entries [{bar:40}] {pos}/{len} prisons ({eta})");
    let registered = continuum_app::demo::seed_register(&app, scale, args.years, |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    })
    .await;
    bar.finish_and_clear();
    let registered = match registered {
        Ok(registered) => registered,
        Err(error) => {
            app.shutdown().await;
            return Err(anyhow::Error::new(error).context("cannot register the demo entries"));
        }
    };
    let screened = if scale == RegisterScale::Pilot {
        let bar = super::progress_bar("screening recent demo entries [{bar:40}] {pos}/{len} prisons ({eta})");
        let screened = continuum_app::demo::seed_screenings(
            &app,
            continuum_app::demo::SCREENED_FROM_DAYS,
            continuum_app::demo::SCREENED_TO_DAYS,
            |done, total| {
                bar.set_length(total as u64);
                bar.set_position(done as u64);
            },
        )
        .await;
        bar.finish_and_clear();
        match screened {
            Ok(screened) => screened,
            Err(error) => {
                app.shutdown().await;
                return Err(anyhow::Error::new(error).context("cannot screen the demo entries"));
            }
        }
    } else {
        0
    };
    println!("demo database: {} ({registered} entries in the register, {screened} screenings)", args.db.display());
    println!();
    print!("{}", account_table(&accounts));
    println!();
    println!("password for every account: {DEMO_PASSWORD}");

    let Some(listener) = listener else {
        app.shutdown().await;
        return Ok(ExitCode::SUCCESS);
    };
    let address = listener.local_addr()?;
    println!();
    println!("Continuum demo: http://{address}/  (Ctrl-C to stop)");
    tracing::info!(%address, database = %url, "serving the demo on http://{address}");
    super::serve_until_signal(listener, app, settings.http(true)).await?;
    Ok(ExitCode::SUCCESS)
}

/// The `sqlite:` URL of the demo file, after checking its name.
fn demo_url(path: &Path) -> anyhow::Result<DatabaseUrl> {
    if path.extension().and_then(|e| e.to_str()) != Some("db") {
        anyhow::bail!("the demo database must be a file whose name ends in .db, not {}", path.display());
    }
    let Some(text) = path.to_str() else {
        anyhow::bail!("the demo database path {} is not valid UTF-8", path.display());
    };
    if text.contains(['?', '#']) {
        anyhow::bail!("the demo database path {} may not contain ? or #", path.display());
    }
    Ok(DatabaseUrl::new(format!("sqlite://{text}")))
}

/// Refuses to delete the database of `database.url`.
fn refuse_configured_database(settings: &Settings, demo: &Path) -> anyhow::Result<()> {
    let Some(configured) = continuum_app::operations::sqlite_path(settings.database.url.expose()) else {
        return Ok(());
    };
    let same = match (configured.canonicalize(), demo.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => configured == demo,
    };
    if same {
        anyhow::bail!(
            "{} is the configured database (database.url); the demo would delete it. Choose another --db",
            demo.display()
        );
    }
    Ok(())
}

/// Deletes the demo database and its `-wal` and `-shm` files, after checking
/// that each is a plain file.
fn remove_database(path: &Path) -> anyhow::Result<()> {
    let side = |suffix: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    };
    let files = [path.to_owned(), side("-wal"), side("-shm")];
    for file in &files {
        match std::fs::symlink_metadata(file) {
            Ok(meta) if !meta.file_type().is_file() => {
                anyhow::bail!("{} is not a plain file; refusing to delete it", file.display());
            }
            Ok(_) | Err(_) => {}
        }
    }
    for file in &files {
        match std::fs::remove_file(file) {
            Ok(()) => tracing::debug!(file = %file.display(), "deleted"),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => {
                return Err(error).with_context(|| format!("cannot delete {}", file.display()));
            }
        }
    }
    Ok(())
}

/// The accounts as an aligned table: username, role, site.
fn account_table(accounts: &[DemoAccount]) -> String {
    let header = ("username", "role", "site");
    let width = |column: fn(&DemoAccount) -> String, title: &str| {
        accounts.iter().map(|a| column(a).chars().count()).chain([title.len()]).max().unwrap_or_default()
    };
    let user_width = width(|a| a.username.clone(), header.0);
    let role_width = width(|a| a.role.to_string(), header.1);
    let site = |a: &DemoAccount| {
        if a.site == continuum_domain::account::ALL_SITES { "all sites".to_owned() } else { a.site.clone() }
    };
    let mut out = format!("{:user_width$}  {:role_width$}  {}\n", header.0, header.1, header.2);
    for account in accounts {
        out.push_str(&format!(
            "{:user_width$}  {:role_width$}  {}\n",
            account.username,
            account.role.to_string(),
            site(account)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_path_must_end_in_db() {
        assert!(demo_url(Path::new("data/demo.db")).is_ok_and(|u| u.expose() == "sqlite://data/demo.db"));
        assert!(demo_url(Path::new("/tmp/x/demo.db")).is_ok_and(|u| u.expose() == "sqlite:///tmp/x/demo.db"));
        assert!(demo_url(Path::new("data/demo.sqlite")).is_err());
        assert!(demo_url(Path::new("data")).is_err());
        assert!(demo_url(Path::new("data/a?mode=ro.db")).is_err());
    }

    #[test]
    fn refuses_to_delete_a_directory() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let fake = dir.path().join("trap.db");
        std::fs::create_dir(&fake)?;
        assert!(remove_database(&fake).is_err());
        assert!(fake.is_dir());

        let real = dir.path().join("demo.db");
        std::fs::write(&real, b"x")?;
        std::fs::write(dir.path().join("demo.db-wal"), b"x")?;
        remove_database(&real)?;
        assert!(!real.exists() && !dir.path().join("demo.db-wal").exists());
        remove_database(&real)?;
        Ok(())
    }

    #[test]
    fn refuses_the_configured_database() {
        let settings = Settings::default();
        assert!(refuse_configured_database(&settings, Path::new("data/continuum.db")).is_err());
        assert!(refuse_configured_database(&settings, Path::new("data/demo.db")).is_ok());
    }

    #[test]
    fn table_lists_every_account() {
        let accounts = continuum_app::demo::demo_accounts();
        let table = account_table(&accounts);
        assert_eq!(table.lines().count(), accounts.len() + 1);
        assert!(table.lines().any(|l| l.starts_with("admin ") && l.ends_with("all sites")));
    }
}
