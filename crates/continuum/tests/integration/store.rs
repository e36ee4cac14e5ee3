//! The store conformance suite: the same expectations of every store
//! function, run against SQLite and PostgreSQL.

use continuum_domain::audit::{AuditEntry, Outcome, Purpose};
use continuum_domain::reference::{OrganisationDraft, SiteDraft};
use continuum_store::organisations::OrganisationQuery;
use continuum_store::{Page, PoolSettings, Store, StoreError, audit, organisations, sessions, sites, tokens, users};
use continuum_testkit::database::{Backend, TestDatabase};

use crate::on_both_backends;

async fn store(backend: Backend) -> (Store, TestDatabase) {
    let db = TestDatabase::fresh(backend).await.expect("database");
    let store = Store::connect(&db.url, &PoolSettings::default()).await.expect("connect");
    store.migrate().await.expect("migrate");
    (store, db)
}

const AT: &str = "2026-11-23T10:00:00.000000Z";

fn site(code: &str, name: &str) -> SiteDraft {
    SiteDraft::parse(code, name, &["nl".to_owned()], true).expect("site")
}

fn org(name: &str, kind: &str) -> OrganisationDraft {
    OrganisationDraft::parse(name, kind, &["fr".to_owned()], "", true).expect("organisation")
}

async fn migrating_twice_changes_nothing(backend: Backend) {
    let (store, _db) = store(backend).await;
    store.migrate().await.expect("second migration is a no-op");
    let mut conn = store.reader().await.expect("reader");
    assert_eq!(audit::head(&mut conn).await.expect("head").0, 0);
}
on_both_backends!(migrating_twice_changes_nothing);

async fn a_site_keeps_every_version_and_refuses_a_stale_update(backend: Backend) {
    let (store, _db) = store(backend).await;
    let mut tx = store.begin().await.expect("tx");
    let id = sites::insert(&mut tx, &site("has", "Hasselt"), AT, None).await.expect("insert");
    assert!(sites::update(&mut tx, id, 1, &site("HAS", "Hasselt (nieuw)"), AT, None).await.expect("update"));
    assert!(!sites::update(&mut tx, id, 1, &site("HAS", "stale"), AT, None).await.expect("stale update"));
    tx.commit().await.expect("commit");
    let mut conn = store.reader().await.expect("reader");
    let row = sites::get(&mut conn, id).await.expect("get").expect("exists");
    assert_eq!((row.code.as_str(), row.name.as_str(), row.version, row.active), ("HAS", "Hasselt (nieuw)", 2, true));
    let history = sites::history(&mut conn, id).await.expect("history");
    assert_eq!(history.iter().map(|h| h.version).collect::<Vec<_>>(), vec![2, 1]);
    assert_eq!(history[1].name, "Hasselt");
}
on_both_backends!(a_site_keeps_every_version_and_refuses_a_stale_update);

async fn a_duplicate_site_code_is_a_unique_violation(backend: Backend) {
    let (store, _db) = store(backend).await;
    let mut tx = store.begin().await.expect("tx");
    sites::insert(&mut tx, &site("GEN", "Gent"), AT, None).await.expect("insert");
    let error = sites::insert(&mut tx, &site("GEN", "Gand"), AT, None).await.expect_err("duplicate");
    assert!(matches!(error, StoreError::Unique(_)), "{error:?}");
}
on_both_backends!(a_duplicate_site_code_is_a_unique_violation);

async fn organisations_are_searched_paged_and_filtered_alike(backend: Backend) {
    let (store, _db) = store(backend).await;
    let mut tx = store.begin().await.expect("tx");
    for (name, kind) in [
        ("Free Clinic", "care_provider"),
        ("free_100% clinic", "care_provider"),
        ("Zebra Hulp", "drug_service"),
        ("Alpha", "prison"),
        ("CPAS Liège", "care_provider"),
    ] {
        organisations::insert(&mut tx, &org(name, kind), AT, None).await.expect("insert");
    }
    tx.commit().await.expect("commit");
    let mut conn = store.reader().await.expect("reader");
    let page = Page { limit: 2, offset: 0 };
    let (rows, total) = organisations::list(&mut conn, &OrganisationQuery::default(), page).await.expect("list");
    assert_eq!(total, 5);
    assert_eq!(rows.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), vec!["Alpha", "CPAS Liège"]);
    let query = OrganisationQuery { search: Some("100%".into()), ..Default::default() };
    let (rows, total) = organisations::list(&mut conn, &query, Page { limit: 10, offset: 0 }).await.expect("list");
    assert_eq!((total, rows[0].name.as_str()), (1, "free_100% clinic"), "wildcards are escaped");
    let query =
        OrganisationQuery { search: Some("CLINIC".into()), kind: Some("care_provider".into()), ..Default::default() };
    let (_, total) = organisations::list(&mut conn, &query, Page { limit: 10, offset: 0 }).await.expect("list");
    assert_eq!(total, 2, "search ignores case");
    let query = OrganisationQuery { sort_by_kind: true, ..Default::default() };
    let (rows, _) = organisations::list(&mut conn, &query, Page { limit: 1, offset: 0 }).await.expect("list");
    assert_eq!(rows[0].kind, "care_provider");
}
on_both_backends!(organisations_are_searched_paged_and_filtered_alike);

async fn users_grants_sessions_and_tokens_round_trip(backend: Backend) {
    let (store, _db) = store(backend).await;
    let mut tx = store.begin().await.expect("tx");
    let has = sites::insert(&mut tx, &site("HAS", "Hasselt"), AT, None).await.expect("site");
    let new = users::NewUser {
        username: "an",
        display_name: "An",
        email: "",
        language: "nl",
        organisation_id: None,
        password_hash: "$argon2id$x",
    };
    let id = users::insert(&mut tx, &new, AT).await.expect("user");
    users::replace_grants(&mut tx, id, &[("care_worker".into(), Some(has)), ("coordinator".into(), None)], AT)
        .await
        .expect("grants");
    let session = sessions::NewSession {
        token_hash: "h1",
        user_id: id,
        csrf_token: "c",
        second_factor_pending: true,
        site_id: Some(has),
        at: AT,
        expires_at: "2026-11-23T22:00:00.000000Z",
        ip: Some("127.0.0.1"),
        user_agent: None,
    };
    let session_id = sessions::insert(&mut tx, &session).await.expect("session");
    sessions::complete_second_factor(&mut tx, session_id).await.expect("2fa");
    tokens::insert(&mut tx, id, "t1", "label", AT, "2027-01-01T00:00:00.000000Z").await.expect("token");
    users::record_failed_sign_in(&mut tx, id, Some("2026-11-23T10:15:00.000000Z")).await.expect("failure");
    tx.commit().await.expect("commit");

    let mut conn = store.reader().await.expect("reader");
    let user = users::get(&mut conn, id).await.expect("get").expect("exists");
    assert!(user.active && !user.totp_enabled);
    assert_eq!((user.failed_sign_ins, user.locked_until.as_deref()), (1, Some("2026-11-23T10:15:00.000000Z")));
    let grants = users::grants(&mut conn, id).await.expect("grants");
    assert_eq!(grants.len(), 2);
    assert!(grants.iter().any(|g| g.role == "care_worker" && g.site_code.as_deref() == Some("HAS")));
    assert!(grants.iter().any(|g| g.role == "coordinator" && g.site_id.is_none()));
    let (found, owner, owner_grants) = sessions::signed_in(&mut conn, "h1").await.expect("session").expect("exists");
    assert!(!found.second_factor_pending);
    assert_eq!((found.id, found.user_id, found.site_id), (session_id, id, Some(has)));
    assert_eq!((owner, owner_grants), (user.clone(), grants.clone()));
    assert!(sessions::signed_in(&mut conn, "unknown").await.expect("session").is_none());
    assert_eq!(users::with_grants(&mut conn, id).await.expect("user").expect("exists"), (user.clone(), grants.clone()));
    let token = tokens::by_hash(&mut conn, "t1").await.expect("token").expect("exists");
    assert_eq!(token.user_id, id);
    let required = users::roles_requiring_totp(&mut conn).await.expect("settings");
    assert_eq!(required, vec!["care_worker".to_owned(), "medical".to_owned()]);
    let removed = sessions::delete_expired(&mut conn, "2026-11-23T23:00:00.000000Z", AT).await.expect("expire");
    assert_eq!(removed, 1);
}
on_both_backends!(users_grants_sessions_and_tokens_round_trip);

async fn a_user_without_grants_is_read_with_an_empty_grant_list(backend: Backend) {
    let (store, _db) = store(backend).await;
    let mut tx = store.begin().await.expect("begin");
    let new = users::NewUser {
        username: "nobody",
        display_name: "No Grants",
        email: "",
        language: "fr",
        organisation_id: None,
        password_hash: "$argon2id$x",
    };
    let id = users::insert(&mut tx, &new, AT).await.expect("user");
    tx.commit().await.expect("commit");
    let mut conn = store.reader().await.expect("reader");
    let (user, grants) = users::with_grants(&mut conn, id).await.expect("read").expect("exists");
    assert_eq!((user.username.as_str(), grants.len()), ("nobody", 0));
    assert!(users::with_grants(&mut conn, id + 1000).await.expect("read").is_none());
}
on_both_backends!(a_user_without_grants_is_read_with_an_empty_grant_list);

fn entry(action: &str, person: Option<i64>) -> AuditEntry {
    AuditEntry {
        at: AT.into(),
        username: Some("admin".into()),
        action: action.into(),
        outcome: Outcome::Allowed.code().into(),
        purpose: Purpose::Administration.code().into(),
        person_id: person,
        ..AuditEntry::default()
    }
}

async fn audit_rows_chain_across_transactions_and_are_searchable(backend: Backend) {
    let (store, _db) = store(backend).await;
    for batch in [vec![entry("a.one", None), entry("a.two", Some(9))], vec![entry("b.three", Some(9))]] {
        let mut tx = store.begin().await.expect("tx");
        audit::append(&mut tx, &batch, AT).await.expect("append");
        tx.commit().await.expect("commit");
    }
    let mut tx = store.begin().await.expect("tx");
    audit::append(&mut tx, &[entry("rolled.back", None)], AT).await.expect("append");
    tx.rollback().await.expect("rollback");

    let mut conn = store.reader().await.expect("reader");
    let rows = audit::rows_after(&mut conn, 0, 100).await.expect("rows");
    assert_eq!(rows.iter().map(|r| r.seq).collect::<Vec<_>>(), vec![1, 2, 3]);
    assert_eq!(rows[1].prev_hash, rows[0].hash);
    assert_eq!(audit::head(&mut conn).await.expect("head"), (3, rows[2].hash.clone()));
    let query = audit::AuditQuery { person_id: Some(9), ..Default::default() };
    let (found, total) = audit::search(&mut conn, &query, Page { limit: 10, offset: 0 }).await.expect("search");
    assert_eq!(total, 2);
    assert_eq!(found[0].entry.action, "b.three", "newest first");
    let query = audit::AuditQuery { action: Some("a.".into()), ..Default::default() };
    assert_eq!(audit::search(&mut conn, &query, Page { limit: 10, offset: 0 }).await.expect("search").1, 2);
}
on_both_backends!(audit_rows_chain_across_transactions_and_are_searchable);

async fn a_large_audit_batch_is_stored_in_order_as_one_chain(backend: Backend) {
    let (store, _db) = store(backend).await;
    let batch: Vec<AuditEntry> = (0..123).map(|i| entry(&format!("bulk.{i}"), Some(i))).collect();
    let mut tx = store.begin().await.expect("tx");
    let seqs = audit::append(&mut tx, &batch, AT).await.expect("append");
    tx.commit().await.expect("commit");
    assert_eq!(seqs, (1..=123).collect::<Vec<i64>>());

    let mut conn = store.reader().await.expect("reader");
    let rows = audit::rows_after(&mut conn, 0, 200).await.expect("rows");
    assert_eq!(rows.len(), 123);
    for (i, pair) in rows.windows(2).enumerate() {
        assert_eq!(pair[1].prev_hash, pair[0].hash, "row {} links to row {}", i + 2, i + 1);
        assert_eq!(pair[1].entry.action, format!("bulk.{}", i + 1));
    }
    assert_eq!(audit::head(&mut conn).await.expect("head"), (123, rows[122].hash.clone()));
}
on_both_backends!(a_large_audit_batch_is_stored_in_order_as_one_chain);

#[test]
fn both_backends_have_the_same_migration_versions() {
    let names = |dir: &str| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../continuum-store/migrations").join(dir);
        let mut versions: Vec<String> = std::fs::read_dir(path)
            .expect("migration directory")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().split('_').next().unwrap_or_default().to_owned())
            .collect();
        versions.sort();
        versions
    };
    assert_eq!(names("sqlite"), names("postgres"));
    assert!(!names("sqlite").is_empty());
}
