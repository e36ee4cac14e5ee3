//! Content packs: loaded by an administrator with their provenance, checked
//! against the instrument definition, replacing the active pack while the
//! old one stays recorded; through the application, the page and the
//! command line. The wording here is obviously fake ("Test wording for
//! ..."): licensed wording is never committed.

use std::path::Path;
use std::process::{Command, Output};

use continuum_app::audit_trail::AuditFilter;
use continuum_app::content_packs::{DEMONSTRATION_PROVENANCE, PackLoad};
use continuum_app::{App, AppError, Paging};
use continuum_domain::instrument::PackError;
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, LOCATION};

use crate::on_both_backends;
use crate::support::{actor, audit_rows, demo_app};

/// A pack file with obviously fake wording for every item and option of a
/// shipped instrument version.
pub fn fake_pack(code: &str, version: &str, language: &str) -> String {
    let catalogue = continuum_app::instruments::catalogue().expect("the shipped instruments");
    let instrument = catalogue.get(code, version).expect("a shipped instrument version");
    let mut text = format!(
        "instrument = \"{code}\"\nversion = \"{version}\"\nlanguage = \"{language}\"\n\
         source = \"Test source, not a translation\"\nrights_holder = \"Test rights holder\"\n\
         permission_date = 2025-01-15\n"
    );
    for group in &instrument.groups {
        text.push_str(&format!("\n[items.{}]\n", group.code));
        for question in &group.questions {
            text.push_str(&format!("{question} = \"Test wording for item {}.{question}\"\n", group.code));
        }
    }
    for question in &instrument.questions {
        text.push_str(&format!("\n[options.{}]\n", question.id));
        for option in &question.options {
            text.push_str(&format!("{} = \"Test wording for option {}.{}\"\n", option.code, question.id, option.code));
        }
    }
    text
}

async fn loaded(app: &App, username: &str, text: &str) -> PackLoad {
    let admin = actor(app, username).await;
    app.load_content_pack_file(&admin, text).await.expect("the policy allows")
}

async fn a_pack_is_loaded_with_its_provenance_and_listed(backend: Backend) {
    let test = demo_app(backend).await;
    let PackLoad::Loaded { pack, replaced } = loaded(&test.app, "admin", &fake_pack("audit_c", "1", "en")).await else {
        panic!("refused")
    };
    assert_eq!(replaced, None, "no AUDIT-C pack was loaded before");
    assert_eq!((pack.instrument.as_str(), pack.version.as_str(), pack.language.as_str()), ("audit_c", "1", "en"));
    assert_eq!(
        (pack.source.as_str(), pack.rights_holder.as_str()),
        ("Test source, not a translation", "Test rights holder")
    );
    assert_eq!(pack.permission_date, "2025-01-15");
    assert_eq!(pack.loaded_by_name.as_deref(), Some("admin"));
    assert!(pack.active && pack.digest.len() == 64);
    let admin = actor(&test.app, "admin").await;
    let listing = test.app.content_packs(&admin, Paging::default()).await.expect("list");
    assert!(listing.items.iter().any(|p| p.id == pack.id && p.active));
    let filter = AuditFilter {
        action: Some("content_pack.load".into()),
        resource: Some(("content_pack".into(), pack.id.to_string())),
        ..AuditFilter::default()
    };
    let rows = test.app.search_audit(&admin, &filter, Paging::default()).await.expect("audit");
    assert_eq!(rows.items.len(), 1);
    assert_eq!(rows.items[0].entry.username.as_deref(), Some("admin"));
}
on_both_backends!(a_pack_is_loaded_with_its_provenance_and_listed);

async fn a_new_pack_replaces_the_active_one_and_the_old_stays_recorded(backend: Backend) {
    let test = demo_app(backend).await;
    let demonstration = test.app.uniform_pack("fr").await.expect("read").expect("the demo loads a French pack");
    let PackLoad::Loaded { pack, replaced } = loaded(&test.app, "admin", &fake_pack("assist", "3.1", "fr")).await
    else {
        panic!("refused")
    };
    assert_eq!(replaced, Some(demonstration.id));
    assert_eq!(test.app.uniform_pack("fr").await.expect("read").map(|p| p.id), Some(pack.id));
    let old = test.app.content_pack(demonstration.id).await.expect("read").expect("still recorded");
    assert!(!old.active && old.replaced_at.is_some(), "{old:?}");
    let dutch = test.app.uniform_pack("nl").await.expect("read").expect("active");
    assert_eq!(dutch.source, DEMONSTRATION_PROVENANCE, "other languages keep their pack");
}
on_both_backends!(a_new_pack_replaces_the_active_one_and_the_old_stays_recorded);

async fn a_pack_that_misses_or_invents_wording_is_refused_naming_it_and_writes_nothing(backend: Backend) {
    let test = demo_app(backend).await;
    let admin = actor(&test.app, "admin").await;
    let packs = test.app.content_packs(&admin, Paging::default()).await.expect("list").total;
    let rows = audit_rows(&test.app).await;
    let load = |text: String| {
        let (app, admin) = (&test.app, &admin);
        async move { app.load_content_pack_file(admin, &text).await.expect("the policy allows") }
    };
    let text = fake_pack("assist", "3.1", "nl")
        .replace("q3 = \"Test wording for item cannabis.q3\"\n", "")
        .replace("[options.q2]\n", "[options.q2]\nsometimes = \"Test wording\"\n")
        .replace("[items.tobacco]\n", "[items.tobacco]\nq5 = \"Test wording\"\n");
    let PackLoad::Refused(errors) = load(text).await else { panic!("loaded") };
    assert_eq!(
        errors,
        vec![
            PackError::UnknownItem { item: "tobacco.q5".into() },
            PackError::ItemMissing { item: "cannabis.q3".into() },
            PackError::UnknownOption { question: "q2".into(), option: "sometimes".into() },
        ]
    );
    let PackLoad::Refused(errors) = load("instrument = \"assist\"\nversion = 3.1\n".into()).await else {
        panic!("loaded")
    };
    assert!(matches!(errors.as_slice(), [PackError::Unreadable { .. }]), "{errors:?}");
    let foreign = fake_pack("assist", "3.1", "fr").replace("language = \"fr\"", "language = \"ar\"");
    let PackLoad::Refused(errors) = load(foreign).await else { panic!("loaded") };
    assert_eq!(errors, vec![PackError::Language { language: "ar".into() }]);
    assert_eq!(audit_rows(&test.app).await, rows, "nothing written");
    let listed = test.app.content_packs(&admin, Paging::default()).await.expect("list").total;
    assert_eq!(listed, packs, "nothing loaded");
}
on_both_backends!(a_pack_that_misses_or_invents_wording_is_refused_naming_it_and_writes_nothing);

async fn only_an_administrator_loads_or_lists_packs(backend: Backend) {
    let test = demo_app(backend).await;
    for username in ["care_worker.has", "medical.lan", "coordinator.nl", "researcher"] {
        let someone = actor(&test.app, username).await;
        let load = test.app.load_content_pack_file(&someone, &fake_pack("audit_c", "1", "en")).await;
        assert!(matches!(load, Err(AppError::Forbidden)), "{username} loads: {load:?}");
        let list = test.app.content_packs(&someone, Paging::default()).await;
        assert!(matches!(list, Err(AppError::Forbidden)), "{username} lists");
    }
    assert_eq!(test.app.uniform_pack("en").await.expect("read").map(|p| p.instrument), Some("assist".into()));
}
on_both_backends!(only_an_administrator_loads_or_lists_packs);

/// A multipart form as a browser sends it: the CSRF token and one file.
fn upload(client: &reqwest::Client, server: &TestServer, csrf: &str, file: &str) -> reqwest::RequestBuilder {
    let boundary = "continuum-test-boundary";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"pack\"; filename=\"pack.toml\"\r\n\
         Content-Type: application/toml\r\n\r\n{file}\r\n--{boundary}--\r\n"
    );
    client
        .post(server.url("/admin/content-packs"))
        .header(CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
        .body(body)
}

async fn the_pack_page_loads_an_uploaded_file_or_names_every_problem(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let admin = server.client_for("admin").await.expect("signs in");
    let csrf = server.csrf_token(&admin).await.expect("token");
    let sent = upload(&admin, &server, &csrf, &fake_pack("audit_c", "1", "fr")).send().await.expect("request");
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let location = sent.headers()[LOCATION].to_str().expect("location").to_owned();
    assert!(location.starts_with("/admin/content-packs?loaded="), "{location}");
    let page = admin.get(server.url(&location)).send().await.expect("request").text().await.expect("page");
    assert!(page.contains("Test source, not a translation") && page.contains("Test rights holder"), "listed");
    assert!(page.contains("Continuum demonstration labels, not the validated wording"), "the demo packs too");

    let broken = fake_pack("audit_c", "1", "fr").replace("q2 = \"Test wording for item audit_c.q2\"\n", "");
    let refused = upload(&admin, &server, &csrf, &broken).send().await.expect("request");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.expect("page");
    assert!(page.contains("audit_c.q2"), "the missing item is named");

    let forged = upload(&admin, &server, "not-the-token", &fake_pack("audit_c", "1", "fr")).send().await;
    assert_eq!(forged.expect("request").status(), StatusCode::FORBIDDEN, "CSRF token checked");
    let worker = server.client_for("care_worker.has").await.expect("signs in");
    let csrf = server.csrf_token(&worker).await.expect("token");
    let denied = upload(&worker, &server, &csrf, &fake_pack("audit_c", "1", "fr")).send().await.expect("request");
    assert_eq!(denied.status(), StatusCode::FORBIDDEN);
    let admin_actor = crate::support::actor(&server.app, "admin").await;
    let listing = server.app.content_packs(&admin_actor, Paging::default()).await.expect("list");
    assert_eq!(listing.items.iter().filter(|p| p.instrument == "audit_c").count(), 1, "one load went through");
    server.stop().await;
}
on_both_backends!(the_pack_page_loads_an_uploaded_file_or_names_every_problem);

// The command line (SQLite file, as an operator runs it).

fn continuum(database: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_continuum"))
        .args(args)
        .env("CONTINUUM_DATABASE__URL", format!("sqlite://{}", database.display()))
        .env("RUST_LOG", "warn")
        .output()
        .expect("the continuum binary runs")
}

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

fn active_packs(database: &Path, language: &str) -> String {
    let sql = format!(
        "SELECT id || ':' || source FROM content_packs WHERE language = '{language}' AND active = 1 ORDER BY id"
    );
    let output = Command::new("sqlite3").arg(database).arg(sql).output().expect("sqlite3 runs");
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

#[test]
fn load_pack_on_the_command_line_replaces_the_active_pack() {
    let (dir, database) = demo_database();
    let file = dir.path().join("assist-fr.toml");
    std::fs::write(&file, fake_pack("assist", "3.1", "fr")).expect("write the pack");
    let before = active_packs(&database, "fr");
    assert!(before.ends_with("Continuum demonstration labels, not the validated wording"), "{before}");
    let output = continuum(&database, &["instrument", "load-pack", file.to_str().expect("path"), "--user", "admin"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let old = before.split(':').next().expect("an id");
    assert!(stdout.contains(&format!("assist 3.1 in fr, replacing pack {old}")), "{stdout}");
    assert!(stdout.contains("rights holder: Test rights holder; permission of 2025-01-15"), "{stdout}");
    assert!(active_packs(&database, "fr").ends_with(":Test source, not a translation"));
}

#[test]
fn load_pack_on_the_command_line_lists_every_problem_and_loads_nothing() {
    let (dir, database) = demo_database();
    let file = dir.path().join("assist-fr.toml");
    let broken = fake_pack("assist", "3.1", "fr")
        .replace("q7 = \"Test wording for item opioids.q7\"\n", "")
        .replace("never = \"Test wording for option q3.never\"\n", "");
    std::fs::write(&file, broken).expect("write the pack");
    let before = active_packs(&database, "fr");
    let output = continuum(&database, &["instrument", "load-pack", file.to_str().expect("path"), "--user", "admin"]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("item opioids.q7: wording missing"), "{stdout}");
    assert!(stdout.contains("option q3.never: wording missing"), "{stdout}");
    assert!(stdout.contains("nothing was loaded: 2 problem(s)"), "{stdout}");
    assert_eq!(active_packs(&database, "fr"), before);
}

#[test]
fn load_pack_on_the_command_line_refuses_a_user_who_is_not_an_administrator() {
    let (dir, database) = demo_database();
    let file = dir.path().join("assist-fr.toml");
    std::fs::write(&file, fake_pack("assist", "3.1", "fr")).expect("write the pack");
    let before = active_packs(&database, "fr");
    for user in ["care_worker.has", "coordinator.fr", "nobody"] {
        let output = continuum(&database, &["instrument", "load-pack", file.to_str().expect("path"), "--user", user]);
        assert!(!output.status.success(), "{user} loaded a pack");
    }
    assert_eq!(active_packs(&database, "fr"), before);
}
