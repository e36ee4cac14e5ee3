//! Backup and restore of the embedded database, proven by a round trip.

use continuum_app::audit_trail::Verification;
use continuum_app::{App, Paging, PoolSettings};
use continuum_testkit::database::Backend;

use crate::support::{actor, audit_rows, demo_app, test_config};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_in_use_restores_to_the_same_data_and_an_intact_trail() {
    let test = demo_app(Backend::Sqlite).await;
    let admin = actor(&test.app, "admin").await;
    let rows = audit_rows(&test.app).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let backup = dir.path().join("backup.db");
    test.app.backup(&backup).await.expect("backup");
    assert!(test.app.backup(&backup).await.is_err(), "an existing file is never overwritten");

    let restored = dir.path().join("restored").join("continuum.db");
    continuum_app::operations::restore(&backup, &restored).await.expect("restore");
    let url = format!("sqlite://{}", restored.display());
    let app = App::open(&url, &PoolSettings::default(), test_config()).await.expect("opens");
    assert_eq!(app.verify_audit(|_, _| {}).await.expect("verify"), Verification::Intact { rows });
    let original = test.app.list_users(&admin, "", Paging::default()).await.expect("users").total;
    let copy_admin = actor(&app, "admin").await;
    assert_eq!(app.list_users(&copy_admin, "", Paging::default()).await.expect("users").total, original);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn restoring_a_file_that_is_not_a_continuum_database_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bogus = dir.path().join("bogus.db");
    std::fs::write(&bogus, b"not a database").expect("write");
    let target = dir.path().join("target.db");
    assert!(continuum_app::operations::restore(&bogus, &target).await.is_err());
    assert!(!target.exists());
}
