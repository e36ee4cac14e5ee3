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
        .args(["demo", "--seed-only", "--scale", "empty", "--db"])
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

fn count(database: &Path, sql: &str) -> i64 {
    let output = Command::new("sqlite3").arg(database).arg(sql).output().expect("sqlite3");
    String::from_utf8_lossy(&output.stdout).trim().parse().expect("a count")
}

const ENTRY_LIST: &str = "family_name;given_names;birth_date;prison_number;entry_date;legal_status;languages\n\
    Peeters;An;20/01/1985;A-1;01/11/2026;remand;nl\n\
    El Amrani;Karim;03/03/1979;A-2;02/11/2026;sentenced;fr ar\n";

#[test]
fn import_entries_writes_a_list_once_and_changes_nothing_the_second_time() {
    let (dir, database) = demo_database();
    let file = dir.path().join("entries.csv");
    std::fs::write(&file, ENTRY_LIST).expect("write the list");
    let args =
        ["import", "entries", file.to_str().expect("path"), "--site", "HAS", "--user", "care_worker.has", "--yes"];
    let first = continuum(&database, &args);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    assert!(String::from_utf8_lossy(&first.stdout).contains("imported 2 new entries at HAS"));
    let audit_after_first = rows(&database);
    let second = continuum(&database, &args);
    assert!(second.status.success());
    assert!(String::from_utf8_lossy(&second.stdout).contains("2 already registered"));
    assert_eq!(count(&database, "SELECT COUNT(*) FROM people"), 2);
    assert_eq!(rows(&database), audit_after_first, "a second import writes nothing");
    assert_eq!(verify(&database).0, 0);
}

#[test]
fn import_entries_lists_every_bad_line_and_writes_nothing() {
    let (dir, database) = demo_database();
    let file = dir.path().join("entries.csv");
    std::fs::write(&file, format!("{ENTRY_LIST}Maes;Jan;2030-01-01;A-3;01/11/2026;free;nl\n")).expect("write");
    let output = continuum(
        &database,
        &["import", "entries", file.to_str().expect("path"), "--site", "HAS", "--user", "care_worker.has", "--yes"],
    );
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("line 4:") && text.contains("birth_date") && text.contains("legal_status"), "{text}");
    assert_eq!(count(&database, "SELECT COUNT(*) FROM people"), 0);
}

#[test]
fn import_entries_refuses_a_user_without_the_register_at_that_prison() {
    let (dir, database) = demo_database();
    let file = dir.path().join("entries.csv");
    std::fs::write(&file, ENTRY_LIST).expect("write");
    for user in ["care_worker.gen", "prison_staff.has", "admin"] {
        let output = continuum(
            &database,
            &["import", "entries", file.to_str().expect("path"), "--site", "HAS", "--user", user, "--yes"],
        );
        assert!(!output.status.success(), "{user} imported");
    }
    assert_eq!(count(&database, "SELECT COUNT(*) FROM people"), 0);
}
