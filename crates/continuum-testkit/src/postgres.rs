//! A throwaway PostgreSQL server for tests, and fresh databases on it.
//!
//! Where the server comes from, in order:
//!
//! 1. `CONTINUUM_TEST_DATABASE_URL`, when set: a `postgres://` URL to a
//!    server where the user may `CREATE DATABASE` (this is what
//!    `scripts/test` does: it starts one cluster for the whole test run).
//! 2. Otherwise a private cluster started from the PostgreSQL binaries
//!    found in `CONTINUUM_PG_BINDIR`, `/usr/lib/postgresql/<highest>/bin`
//!    (Debian) or `PATH`, in a fresh temporary directory, listening on a
//!    free port on `127.0.0.1` only, with trust authentication. PostgreSQL
//!    refuses to run as root, so when the tests run as root the binaries
//!    run as the `postgres` system user (via `runuser`).
//! 3. Otherwise [`server`] returns an error: tests that need PostgreSQL fail,
//!    they never skip.
//!
//! [`server`] is shared by the whole process (nextest runs each test in its
//! own process, so each process starts at most one cluster). Rust never runs
//! destructors of statics, so a private cluster is also watched by a small
//! shell process that stops it and removes its directory once the test
//! process has exited, however it exited.

use std::fmt::Write as _;
use std::io::Read as _;
use std::os::unix::fs::MetadataExt as _;
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result, anyhow, bail};
use sqlx::{Connection as _, PgConnection};
use tokio::sync::OnceCell;

/// Environment variable naming an existing server to use instead of
/// starting one: a `postgres://` URL whose user may `CREATE DATABASE`.
pub const DATABASE_URL_ENV: &str = "CONTINUUM_TEST_DATABASE_URL";

/// Environment variable naming the directory holding `initdb`, `pg_ctl` and
/// `postgres`, overriding the search in `/usr/lib/postgresql/*/bin` and `PATH`.
pub const BINDIR_ENV: &str = "CONTINUUM_PG_BINDIR";

/// Oldest PostgreSQL major version Continuum supports.
pub const MIN_MAJOR_VERSION: u32 = 15;

/// How long to wait for a cluster to start and accept connections.
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// How many times to try another port when the chosen one was taken
/// between choosing it and the server binding it.
const PORT_ATTEMPTS: usize = 5;

static SERVER: OnceCell<PgServer> = OnceCell::const_new();
static DATABASE_COUNTER: AtomicU64 = AtomicU64::new(0);

/// The process-wide shared PostgreSQL server, started on first use.
///
/// Uses `CONTINUUM_TEST_DATABASE_URL` when it is set, otherwise starts a
/// private throwaway cluster (see the [module documentation](self)).
/// A failed start is not remembered: the next call tries again.
///
/// # Errors
///
/// When no server is configured and none can be started, with a message
/// saying how to provide one.
pub async fn server() -> Result<&'static PgServer> {
    SERVER.get_or_try_init(PgServer::start).await
}

/// Creates a new, empty, uniquely named database on the shared [`server`]
/// and returns its URL (`postgres://postgres@127.0.0.1:PORT/NAME` for a
/// private cluster).
///
/// # Errors
///
/// When the server cannot be started or reached, or the database cannot be
/// created.
pub async fn fresh_database_url() -> Result<String> {
    server().await?.create_database().await
}

/// Returns a SQLite URL for a database file `continuum.db` inside `dir`,
/// created on first connection (`sqlite://<dir>/continuum.db?mode=rwc`).
pub fn fresh_sqlite_url(dir: &tempfile::TempDir) -> String {
    format!("sqlite://{}/continuum.db?mode=rwc", dir.path().display())
}

/// A PostgreSQL server tests may create databases on.
///
/// Either an existing server named by `CONTINUUM_TEST_DATABASE_URL` or a
/// private cluster this value owns: dropping it stops the cluster and
/// removes its directory.
#[derive(Debug)]
pub struct PgServer {
    admin_url: String,
    cluster: Option<LocalCluster>,
}

impl PgServer {
    /// Uses `CONTINUUM_TEST_DATABASE_URL` when set (and not empty),
    /// otherwise starts a private cluster with [`PgServer::start_local`].
    ///
    /// # Errors
    ///
    /// When the configured server cannot be used, or no cluster can be
    /// started; the message says how to provide a server.
    pub async fn start() -> Result<Self> {
        match std::env::var(DATABASE_URL_ENV) {
            Ok(url) if !url.trim().is_empty() => Self::existing(url.trim())
                .await
                .with_context(|| format!("cannot use the server named by {DATABASE_URL_ENV}")),
            _ => Self::start_local().await.with_context(|| {
                format!(
                    "no PostgreSQL server for tests: {DATABASE_URL_ENV} is not set and no \
                     throwaway cluster could be started. Either set {DATABASE_URL_ENV} to a \
                     postgres:// URL of a PostgreSQL {MIN_MAJOR_VERSION}+ server where the user \
                     may CREATE DATABASE, or install PostgreSQL {MIN_MAJOR_VERSION}+ (Debian: \
                     `apt-get install postgresql`), or run `scripts/test`, which does both"
                )
            }),
        }
    }

    /// Uses an existing server; `admin_url` must let its user connect and
    /// `CREATE DATABASE`.
    ///
    /// # Errors
    ///
    /// When the URL is not a `postgres://` URL, the server cannot be
    /// reached, or it is older than PostgreSQL 15.
    pub async fn existing(admin_url: &str) -> Result<Self> {
        if !(admin_url.starts_with("postgres://") || admin_url.starts_with("postgresql://")) {
            bail!("not a postgres:// URL: {}", redact(admin_url));
        }
        let server = Self { admin_url: admin_url.to_owned(), cluster: None };
        server.check_version().await?;
        Ok(server)
    }

    /// Starts a private throwaway cluster (see the
    /// [module documentation](self)), waits until it accepts connections
    /// and returns it. The cluster stops when the value is dropped, or at
    /// the latest about a second after the process exits.
    ///
    /// # Errors
    ///
    /// When no PostgreSQL 15+ binaries are found, when running as root
    /// without a `postgres` system user, or when the cluster does not start
    /// in time (the error includes the end of the server log).
    pub async fn start_local() -> Result<Self> {
        let cluster = tokio::task::spawn_blocking(LocalCluster::start)
            .await
            .context("the task starting PostgreSQL panicked")??;
        let server = Self { admin_url: cluster.url("postgres"), cluster: Some(cluster) };
        server.wait_until_accepting().await?;
        server.check_version().await?;
        Ok(server)
    }

    /// URL of the server's `postgres` database (or of whatever database
    /// `CONTINUUM_TEST_DATABASE_URL` names): for administration, not tests.
    pub fn admin_url(&self) -> &str {
        &self.admin_url
    }

    /// URL of the database `name` on this server (which may not exist).
    pub fn database_url(&self, name: &str) -> String {
        with_database(&self.admin_url, name)
    }

    /// TCP port of a private cluster; `None` for an existing server.
    pub fn port(&self) -> Option<u16> {
        self.cluster.as_ref().map(|c| c.port)
    }

    /// Data directory of a private cluster; `None` for an existing server.
    pub fn data_dir(&self) -> Option<&Path> {
        self.cluster.as_ref().map(|c| c.data_dir.as_path())
    }

    /// Creates a new, empty database named `t_<pid>_<counter>_<random>` and
    /// returns its URL.
    ///
    /// # Errors
    ///
    /// When the server cannot be reached or refuses to create the database.
    pub async fn create_database(&self) -> Result<String> {
        let name = format!(
            "t_{}_{}_{:08x}",
            std::process::id(),
            DATABASE_COUNTER.fetch_add(1, Ordering::Relaxed),
            rand::random::<u32>()
        );
        let mut conn = self.connect_admin().await?;
        sqlx::raw_sql(&format!("CREATE DATABASE \"{name}\""))
            .execute(&mut conn)
            .await
            .with_context(|| format!("CREATE DATABASE {name} failed"))?;
        // Best effort: the database exists whether or not the goodbye works.
        let _ = conn.close().await;
        tracing::debug!(database = %name, "created test database");
        Ok(self.database_url(&name))
    }

    async fn connect_admin(&self) -> Result<PgConnection> {
        PgConnection::connect(&self.admin_url)
            .await
            .with_context(|| format!("cannot connect to {}", redact(&self.admin_url)))
    }

    async fn wait_until_accepting(&self) -> Result<()> {
        let deadline = Instant::now() + START_TIMEOUT;
        loop {
            match PgConnection::connect(&self.admin_url).await {
                Ok(conn) => {
                    let _ = conn.close().await;
                    return Ok(());
                }
                Err(e) if Instant::now() >= deadline => {
                    let log = self.cluster.as_ref().map(LocalCluster::log_tail).unwrap_or_default();
                    bail!(
                        "PostgreSQL at {} did not accept connections within {:?}: {e}{log}",
                        redact(&self.admin_url),
                        START_TIMEOUT
                    );
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    }

    async fn check_version(&self) -> Result<()> {
        let mut conn = self.connect_admin().await?;
        let (version,): (String,) = sqlx::query_as("SHOW server_version_num")
            .fetch_one(&mut conn)
            .await
            .context("cannot read the server version")?;
        let _ = conn.close().await;
        let version: u32 =
            version.trim().parse().with_context(|| format!("unexpected server_version_num {version:?}"))?;
        if version / 10_000 < MIN_MAJOR_VERSION {
            bail!(
                "PostgreSQL at {} is version {}, Continuum needs {MIN_MAJOR_VERSION} or newer",
                redact(&self.admin_url),
                version / 10_000
            );
        }
        Ok(())
    }
}

/// A cluster in a temporary directory, run with the binaries of `bin_dir`.
#[derive(Debug)]
struct LocalCluster {
    root: PathBuf,
    data_dir: PathBuf,
    bin_dir: PathBuf,
    as_postgres_user: bool,
    port: u16,
    watchdog: Option<Child>,
}

impl LocalCluster {
    /// Blocking: creates the directory, runs `initdb` and `pg_ctl start`.
    fn start() -> Result<Self> {
        let bin_dir = find_bin_dir()?;
        let as_postgres_user = running_as_root();
        if as_postgres_user {
            let status = Command::new("id")
                .args(["-u", "postgres"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
            if !matches!(status, Ok(s) if s.success()) {
                bail!(
                    "running as root, and PostgreSQL refuses to run as root, but there is no \
                     `postgres` system user to run it as (Debian's postgresql package creates it)"
                );
            }
        }

        let root = tempfile::Builder::new()
            .prefix("continuum-pg-")
            .tempdir()
            .context("cannot create a temporary directory for PostgreSQL")?
            .keep();
        let mut cluster =
            Self { data_dir: root.join("data"), root, bin_dir, as_postgres_user, port: 0, watchdog: None };
        // From here on, dropping `cluster` cleans up; the watchdog cleans up
        // if the process dies before that.
        cluster.watchdog = Some(cluster.spawn_watchdog()?);
        if as_postgres_user {
            run(Command::new("chown").arg("postgres:").arg(&cluster.root))?;
        }

        run(cluster.command("initdb").arg("-D").arg(&cluster.data_dir).args([
            "--auth=trust",
            "--username=postgres",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
            "--no-instructions",
        ]))
        .context("initdb failed")?;

        let mut last_error = None;
        for _ in 0..PORT_ATTEMPTS {
            let port = free_port()?;
            match cluster.pg_ctl_start(port) {
                Ok(()) => {
                    cluster.port = port;
                    tracing::info!(
                        port,
                        dir = %cluster.root.display(),
                        "started throwaway PostgreSQL cluster"
                    );
                    return Ok(cluster);
                }
                Err(e) => {
                    let log = cluster.log_tail();
                    let port_taken = log.contains("could not bind")
                        || log.contains("already in use")
                        || log.contains("could not create any TCP/IP sockets");
                    last_error = Some(e.context(log));
                    if !port_taken {
                        break;
                    }
                    // The port was taken meanwhile: forget the log, retry.
                    let _ = std::fs::remove_file(cluster.log_file());
                }
            }
        }
        Err(last_error.unwrap_or_else(|| anyhow!("no attempt made")).context("PostgreSQL did not start"))
    }

    fn pg_ctl_start(&self, port: u16) -> Result<()> {
        let options = format!(
            "-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories='{}' \
             -c max_connections=200 -c fsync=off -c synchronous_commit=off \
             -c full_page_writes=off",
            self.root.display()
        );
        run(self
            .command("pg_ctl")
            .arg("start")
            .arg("-D")
            .arg(&self.data_dir)
            .arg("-l")
            .arg(self.log_file())
            .arg("-w")
            .arg("-t")
            .arg(START_TIMEOUT.as_secs().to_string())
            .arg("-o")
            .arg(options))
        .context("pg_ctl start failed")?;
        Ok(())
    }

    /// A shell process, in its own process group (so that killing the test
    /// process group spares it) and with no inherited output (so that the
    /// test harness does not wait for it), that waits for this process to
    /// exit and then stops the cluster and removes its directory.
    fn spawn_watchdog(&self) -> Result<Child> {
        const SCRIPT: &str = r#"
            while kill -0 "$1" 2>/dev/null; do sleep 1; done
            if [ -f "$4/postmaster.pid" ]; then
                if [ "$2" = 1 ]; then
                    runuser -u postgres -- "$3" stop -D "$4" -m immediate -w -t 30
                else
                    "$3" stop -D "$4" -m immediate -w -t 30
                fi
            fi
            rm -rf "$5"
        "#;
        Command::new("/bin/sh")
            .arg("-c")
            .arg(SCRIPT)
            .arg("continuum-pg-watchdog")
            .arg(std::process::id().to_string())
            .arg(if self.as_postgres_user { "1" } else { "0" })
            .arg(self.bin_dir.join("pg_ctl"))
            .arg(&self.data_dir)
            .arg(&self.root)
            .current_dir("/")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .context("cannot start the PostgreSQL watchdog (/bin/sh)")
    }

    fn command(&self, program: &str) -> Command {
        let mut command = if self.as_postgres_user {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(self.bin_dir.join(program));
            c
        } else {
            Command::new(self.bin_dir.join(program))
        };
        command.current_dir(&self.root).env("LC_ALL", "C.UTF-8").stdin(Stdio::null());
        command
    }

    fn url(&self, database: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{database}", self.port)
    }

    fn log_file(&self) -> PathBuf {
        self.root.join("postgres.log")
    }

    /// The last lines of the server log, prefixed for appending to an error.
    fn log_tail(&self) -> String {
        let mut text = String::new();
        if let Ok(mut file) = std::fs::File::open(self.log_file()) {
            let _ = file.read_to_string(&mut text);
        }
        let lines: Vec<&str> = text.lines().collect();
        let mut tail = format!("\n--- end of {} ---", self.log_file().display());
        for line in &lines[lines.len().saturating_sub(20)..] {
            let _ = write!(tail, "\n{line}");
        }
        tail
    }
}

impl Drop for LocalCluster {
    fn drop(&mut self) {
        if self.data_dir.join("postmaster.pid").exists() {
            let _ = self
                .command("pg_ctl")
                .arg("stop")
                .arg("-D")
                .arg(&self.data_dir)
                .args(["-m", "immediate", "-w", "-t", "30"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
        if let Some(mut watchdog) = self.watchdog.take() {
            let _ = watchdog.kill();
            let _ = watchdog.wait();
        }
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// Runs a command to completion, turning failure into an error that
/// includes its output.
fn run(command: &mut Command) -> Result<Output> {
    let output = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .with_context(|| format!("cannot run {command:?}"))?;
    if !output.status.success() {
        bail!(
            "{command:?} failed ({}):\n{}{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    Ok(output)
}

/// The directory holding `initdb`, `pg_ctl` and `postgres` of PostgreSQL
/// 15 or newer.
fn find_bin_dir() -> Result<PathBuf> {
    let complete = |dir: &Path| ["initdb", "pg_ctl", "postgres"].iter().all(|p| dir.join(p).is_file());
    if let Some(dir) = std::env::var_os(BINDIR_ENV) {
        let dir = PathBuf::from(dir);
        if !complete(&dir) {
            bail!("{BINDIR_ENV}={} does not hold initdb, pg_ctl and postgres", dir.display());
        }
        return Ok(dir);
    }

    // Debian: /usr/lib/postgresql/<major>/bin, highest major first.
    let mut debian: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let major = entry.file_name().to_str()?.parse::<u32>().ok()?;
            Some((major, entry.path().join("bin")))
        })
        .filter(|(_, dir)| complete(dir))
        .collect();
    debian.sort();
    if let Some((major, dir)) = debian.pop() {
        if major < MIN_MAJOR_VERSION {
            bail!(
                "the newest PostgreSQL in /usr/lib/postgresql is {major}; Continuum needs \
                 {MIN_MAJOR_VERSION} or newer"
            );
        }
        return Ok(dir);
    }

    // Elsewhere: a directory on PATH with all three.
    if let Some(dir) = std::env::var_os("PATH").iter().flat_map(std::env::split_paths).find(|dir| complete(dir)) {
        return Ok(dir);
    }
    bail!(
        "no PostgreSQL binaries found (looked for initdb, pg_ctl and postgres in ${BINDIR_ENV}, \
         /usr/lib/postgresql/<version>/bin and PATH)"
    )
}

/// Whether this process runs as root (without libc: `/proc/self` belongs
/// to the process's effective user).
fn running_as_root() -> bool {
    if let Ok(meta) = std::fs::metadata("/proc/self") {
        return meta.uid() == 0;
    }
    Command::new("id")
        .arg("-u")
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// A TCP port on 127.0.0.1 that was free a moment ago.
fn free_port() -> Result<u16> {
    let listener = std::net::TcpListener::bind(("127.0.0.1", 0)).context("cannot find a free TCP port on 127.0.0.1")?;
    Ok(listener.local_addr()?.port())
}

/// `url` with its path (the database name) replaced by `database`, keeping
/// scheme, credentials, host, port and query parameters.
fn with_database(url: &str, database: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("postgres", url));
    let (before_query, query) = match rest.find('?') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let authority = before_query.split('/').next().unwrap_or_default();
    format!("{scheme}://{authority}/{database}{query}")
}

/// `url` without its password, for error messages.
fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _password)) => format!("{scheme}://{user}:***@{host}{tail}"),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Set in the child process of `cluster_is_stopped_after_process_exit`.
    const CHILD_ENV: &str = "CONTINUUM_TESTKIT_WATCHDOG_CHILD";

    async fn select_one(url: &str) -> Result<i32> {
        let mut conn = PgConnection::connect(url).await?;
        let (one,): (i32,) = sqlx::query_as("SELECT 1").fetch_one(&mut conn).await?;
        conn.close().await?;
        Ok(one)
    }

    #[tokio::test]
    async fn two_fresh_databases_are_distinct_and_usable() -> Result<()> {
        let a = fresh_database_url().await?;
        let b = fresh_database_url().await?;
        assert_ne!(a, b);
        assert_eq!(select_one(&a).await?, 1);
        assert_eq!(select_one(&b).await?, 1);

        // Really two databases: a table made in one is absent from the other.
        let mut conn = PgConnection::connect(&a).await?;
        sqlx::raw_sql("CREATE TABLE only_in_a (x int)").execute(&mut conn).await?;
        conn.close().await?;
        let mut conn = PgConnection::connect(&b).await?;
        let (found,): (bool,) =
            sqlx::query_as("SELECT to_regclass('only_in_a') IS NOT NULL").fetch_one(&mut conn).await?;
        conn.close().await?;
        assert!(!found);
        Ok(())
    }

    #[tokio::test]
    async fn shared_server_is_started_once() -> Result<()> {
        let first = server().await?;
        let second = server().await?;
        assert!(std::ptr::eq(first, second));
        Ok(())
    }

    #[test]
    fn sqlite_url_points_into_the_directory() -> Result<()> {
        let dir = tempfile::tempdir()?;
        let url = fresh_sqlite_url(&dir);
        assert_eq!(url, format!("sqlite://{}/continuum.db?mode=rwc", dir.path().display()));
        assert!(url.starts_with("sqlite:///"));
        Ok(())
    }

    #[test]
    fn database_is_replaced_in_urls() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/postgres", "t_1"),
            "postgres://postgres@127.0.0.1:5432/t_1"
        );
        assert_eq!(with_database("postgresql://u:p@db:5432", "t_1"), "postgresql://u:p@db:5432/t_1");
        assert_eq!(
            with_database("postgres://u:p@db/admin?sslmode=disable", "t_1"),
            "postgres://u:p@db/t_1?sslmode=disable"
        );
        assert_eq!(
            with_database("postgres://u@db?host=/run/postgresql", "t_1"),
            "postgres://u@db/t_1?host=/run/postgresql"
        );
    }

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(redact("postgres://u:secret@db:5432/x?a=b"), "postgres://u:***@db:5432/x?a=b");
        assert_eq!(redact("postgres://u@db/x"), "postgres://u@db/x");
    }

    /// Helper for `cluster_is_stopped_after_process_exit`: does nothing
    /// unless run as its child. Starts the shared private cluster, reports
    /// it, and lets the process exit without any destructor running.
    #[tokio::test]
    async fn watchdog_child() -> Result<()> {
        if std::env::var_os(CHILD_ENV).is_none() {
            return Ok(());
        }
        let server = server().await?;
        let data_dir = server.data_dir().context("the child should have started a private cluster")?;
        let pid_file = std::fs::read_to_string(data_dir.join("postmaster.pid"))?;
        let pid = pid_file.lines().next().unwrap_or_default().trim();
        println!("CHILD_DATA_DIR={}", data_dir.display());
        println!("CHILD_POSTMASTER_PID={pid}");
        println!("CHILD_PORT={}", server.port().unwrap_or_default());
        Ok(())
    }

    /// Whether `pid` is a live process (zombies, which a container's init
    /// may never reap, count as dead).
    fn alive(pid: u32) -> bool {
        match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
            Ok(stat) => !stat.rsplit_once(')').is_some_and(|(_, rest)| rest.trim_start().starts_with(['Z', 'X'])),
            Err(_) => false,
        }
    }

    #[test]
    fn cluster_is_stopped_after_process_exit() -> Result<()> {
        if std::env::var_os(CHILD_ENV).is_some() {
            return Ok(());
        }
        if std::env::var_os(DATABASE_URL_ENV).is_some() && find_bin_dir().is_err() {
            // Private clusters are not in use in this configuration.
            eprintln!("no local PostgreSQL binaries; private clusters are not used here");
            return Ok(());
        }
        let output = Command::new(std::env::current_exe()?)
            .args(["--exact", "postgres::tests::watchdog_child", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, "1")
            .env_remove(DATABASE_URL_ENV)
            .stdin(Stdio::null())
            .output()?;
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "child failed: {stdout}{}", String::from_utf8_lossy(&output.stderr));
        let field = |key: &str| -> Result<String> {
            stdout
                .lines()
                .find_map(|l| l.split_once(key))
                .map(|(_, value)| value.trim().to_owned())
                .with_context(|| format!("child did not report {key}: {stdout}"))
        };
        let data_dir = PathBuf::from(field("CHILD_DATA_DIR=")?);
        let pid: u32 = field("CHILD_POSTMASTER_PID=")?.parse()?;
        let port: u16 = field("CHILD_PORT=")?.parse()?;
        assert_ne!(port, 0);
        let root = data_dir.parent().context("data directory has a parent")?.to_owned();

        let deadline = Instant::now() + Duration::from_secs(30);
        while (alive(pid) || root.exists()) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(100));
        }
        assert!(!alive(pid), "postmaster {pid} still running after its test process exited");
        assert!(!root.exists(), "{} still exists", root.display());
        Ok(())
    }
}
