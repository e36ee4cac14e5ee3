//! The command line as an operator uses it: seed the demo, verify the audit
//! trail, tamper with it through the `sqlite3` command line, verify again.

use std::path::Path;
use std::process::{Command, Output};

fn continuum(database: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_continuum"))
        .args(args)
        .env("CONTINUUM_DATABASE__URL", format!("sqlite://{}", database.display()))
        .env("RUST_LOG", "warn")
        .output()
        .expect("the continuum binary runs")
}

fn sqlite3(database: &Path, sql: &str) {
    let status =
        Command::new("sqlite3").arg(database).arg(sql).status().expect("sqlite3 runs (Debian package sqlite3)");
    assert!(status.success(), "sqlite3 {sql}");
}

/// A fresh demo database in its own directory.
fn demo_database() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let database = dir.path().join("demo.db");
    let seeded = Command::new(env!("CARGO_BIN_EXE_continuum"))
        .args(["demo", "--seed-only", "--db"])
        .arg(&database)
        .env("RUST_LOG", "warn")
        .env_remove("CONTINUUM_DATABASE__URL")
        .output()
        .expect("demo runs");
    assert!(seeded.status.success(), "demo --seed-only: {}", String::from_utf8_lossy(&seeded.stderr));
    (dir, database)
}

fn verify(database: &Path) -> (i32, String) {
    let output = continuum(database, &["audit", "verify"]);
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    (output.status.code().unwrap_or(-1), text)
}

fn rows(database: &Path) -> i64 {
    let output = Command::new("sqlite3").arg(database).arg("SELECT COUNT(*) FROM audit_log").output().expect("sqlite3");
    String::from_utf8_lossy(&output.stdout).trim().parse().expect("a count")
}

#[test]
fn audit_verify_passes_on_the_demo_database() {
    let (_dir, database) = demo_database();
    let (code, text) = verify(&database);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("intact"), "{text}");
}

#[test]
fn audit_verify_names_a_row_changed_with_sqlite3() {
    let (_dir, database) = demo_database();
    sqlite3(&database, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET outcome = 'denied' WHERE seq = 12;");
    let (code, text) = verify(&database);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("row 12"), "{text}");
}

#[test]
fn audit_verify_names_a_row_deleted_with_sqlite3() {
    let (_dir, database) = demo_database();
    sqlite3(&database, "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 20;");
    let (code, text) = verify(&database);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("row 20"), "{text}");
}

#[test]
fn audit_verify_fails_when_the_last_rows_are_removed_with_sqlite3() {
    let (_dir, database) = demo_database();
    let last = rows(&database);
    sqlite3(&database, &format!("DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq > {};", last - 2));
    let (code, text) = verify(&database);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains(&format!("row {}", last - 1)), "{text}");
}

#[test]
fn a_token_created_on_the_command_line_is_printed_alone_on_stdout() {
    let (_dir, database) = demo_database();
    let output = continuum(&database, &["token", "create", "--user", "researcher", "--days", "7"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(stdout.trim().len(), 43, "one URL-safe token: {stdout:?}");
    let unknown = continuum(&database, &["token", "create", "--user", "nobody"]);
    assert!(!unknown.status.success());
}
