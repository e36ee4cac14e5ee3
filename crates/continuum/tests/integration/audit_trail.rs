//! The audit trail: written with every change in the same transaction, for
//! every read and denial, append-only, and tamper-evident.

use continuum_app::audit_trail::{AuditFilter, Verification};
use continuum_app::{Actor, AppError, Paging};
use continuum_domain::reference::OrganisationDraft;
use continuum_testkit::database::Backend;

use crate::on_both_backends;
use crate::support::{actor, audit_rows, demo_app, raw_sql};

fn org(name: &str) -> OrganisationDraft {
    OrganisationDraft::parse(name, "care_provider", &["nl".to_owned()], "", true).expect("valid draft")
}

async fn rows_for(app: &continuum_app::App, admin: &Actor, action: &str) -> i64 {
    let filter = AuditFilter { action: Some(action.to_owned()), ..AuditFilter::default() };
    app.search_audit(admin, &filter, Paging::default()).await.expect("search").total
}

async fn the_demo_leaves_an_intact_audit_trail(backend: Backend) {
    let test = demo_app(backend).await;
    assert!(audit_rows(&test.app).await > 60);
}
on_both_backends!(the_demo_leaves_an_intact_audit_trail);

async fn a_committed_change_always_has_its_audit_row(backend: Backend) {
    let test = demo_app(backend).await;
    let admin = actor(&test.app, "admin").await;
    let before = rows_for(&test.app, &admin, "organisation.create").await;
    let id = test.app.create_organisation(&admin, org("Free Clinic Gent")).await.expect("created");
    let filter = AuditFilter {
        action: Some("organisation.create".into()),
        resource: Some(("organisation".into(), id.to_string())),
        ..AuditFilter::default()
    };
    let found = test.app.search_audit(&admin, &filter, Paging::default()).await.expect("search");
    assert_eq!(found.total, 1);
    assert_eq!(found.items[0].entry.username.as_deref(), Some("admin"));
    assert_eq!(found.items[0].entry.ip.as_deref(), Some("127.0.0.1"));
    assert_eq!(found.items[0].entry.request_id.as_deref(), Some("test-request"));
    assert_eq!(rows_for(&test.app, &admin, "organisation.create").await, before + 1);
}
on_both_backends!(a_committed_change_always_has_its_audit_row);

async fn a_failed_change_writes_nothing_and_no_audit_row(backend: Backend) {
    let test = demo_app(backend).await;
    let admin = actor(&test.app, "admin").await;
    test.app.create_organisation(&admin, org("Twice")).await.expect("first");
    let rows = audit_rows(&test.app).await;
    let error = test.app.create_organisation(&admin, org("twice")).await.expect_err("duplicate name");
    assert!(matches!(error, AppError::Invalid(_)), "{error:?}");
    assert_eq!(audit_rows(&test.app).await, rows, "no audit row for a failed change");
}
on_both_backends!(a_failed_change_writes_nothing_and_no_audit_row);

async fn reads_of_accounts_and_denials_are_audited(backend: Backend) {
    let test = demo_app(backend).await;
    let admin = actor(&test.app, "admin").await;
    let care = actor(&test.app, "care_worker.has").await;
    let before_reads = rows_for(&test.app, &admin, "user.read").await;
    test.app.get_user(&admin, care.user_id.0).await.expect("admin reads an account");
    assert_eq!(rows_for(&test.app, &admin, "user.read").await, before_reads + 1);

    let error = test.app.list_users(&care, "", Paging::default()).await.expect_err("denied");
    assert!(matches!(error, AppError::Forbidden));
    let filter = AuditFilter {
        username: Some("care_worker.has".into()),
        outcome: Some("denied".into()),
        ..AuditFilter::default()
    };
    let denied = test.app.search_audit(&admin, &filter, Paging::default()).await.expect("search");
    assert_eq!(denied.total, 1);
    assert_eq!(denied.items[0].entry.action, "user.list");
    assert_eq!(denied.items[0].entry.reason.as_deref(), Some("role_not_permitted"));
}
on_both_backends!(reads_of_accounts_and_denials_are_audited);

async fn concurrent_audited_reads_keep_one_unbroken_chain(backend: Backend) {
    let test = demo_app(backend).await;
    let admin = actor(&test.app, "admin").await;
    let rows = audit_rows(&test.app).await;
    let mut tasks = Vec::new();
    for _ in 0..40 {
        let (app, admin) = (test.app.clone(), admin.clone());
        tasks.push(tokio::spawn(async move { app.get_user(&admin, admin.user_id.0).await.map(|_| ()) }));
    }
    for task in tasks {
        task.await.expect("joined").expect("read");
    }
    assert_eq!(audit_rows(&test.app).await, rows + 40);
}
on_both_backends!(concurrent_audited_reads_keep_one_unbroken_chain);

async fn the_audit_table_refuses_updates_and_deletes(backend: Backend) {
    let test = demo_app(backend).await;
    assert!(raw_sql(&test.db, "UPDATE audit_log SET username = 'x' WHERE seq = 1").await.is_err());
    assert!(raw_sql(&test.db, "DELETE FROM audit_log WHERE seq = 1").await.is_err());
}
on_both_backends!(the_audit_table_refuses_updates_and_deletes);

/// SQL that lifts the append-only protection, as someone with database access could.
fn unprotect(backend: Backend) -> &'static str {
    match backend {
        Backend::Sqlite => "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;",
        Backend::Postgres => "ALTER TABLE audit_log DISABLE TRIGGER USER;",
    }
}

async fn broken_at(test: &crate::support::TestApp) -> i64 {
    match test.app.verify_audit(|_, _| {}).await.expect("verify runs") {
        Verification::Broken(broken) => broken.first_broken_seq(),
        Verification::Intact { rows } => panic!("tampering not detected ({rows} rows)"),
    }
}

async fn verification_names_an_edited_row(backend: Backend) {
    let test = demo_app(backend).await;
    raw_sql(&test.db, unprotect(backend)).await.expect("unprotect");
    raw_sql(&test.db, "UPDATE audit_log SET username = 'nobody' WHERE seq = 5").await.expect("edit");
    assert_eq!(broken_at(&test).await, 5);
}
on_both_backends!(verification_names_an_edited_row);

async fn verification_names_a_deleted_row(backend: Backend) {
    let test = demo_app(backend).await;
    raw_sql(&test.db, unprotect(backend)).await.expect("unprotect");
    raw_sql(&test.db, "DELETE FROM audit_log WHERE seq = 7").await.expect("delete");
    assert_eq!(broken_at(&test).await, 7);
}
on_both_backends!(verification_names_a_deleted_row);

async fn verification_detects_a_cut_tail(backend: Backend) {
    let test = demo_app(backend).await;
    let rows = audit_rows(&test.app).await as i64;
    raw_sql(&test.db, unprotect(backend)).await.expect("unprotect");
    raw_sql(&test.db, &format!("DELETE FROM audit_log WHERE seq > {}", rows - 3)).await.expect("cut");
    assert_eq!(broken_at(&test).await, rows - 2);
}
on_both_backends!(verification_detects_a_cut_tail);

async fn verification_detects_an_inserted_row(backend: Backend) {
    let test = demo_app(backend).await;
    raw_sql(&test.db, unprotect(backend)).await.expect("unprotect");
    let shift =
        "UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 3; UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1003;";
    raw_sql(&test.db, shift).await.expect("make room");
    raw_sql(
        &test.db,
        "INSERT INTO audit_log (seq, at, action, outcome, purpose, prev_hash, hash) \
         SELECT 3, at, 'forged', 'allowed', 'treatment', hash, hash FROM audit_log WHERE seq = 2",
    )
    .await
    .expect("insert");
    assert_eq!(broken_at(&test).await, 3);
}
on_both_backends!(verification_detects_an_inserted_row);
