//! Merging two register records of one person, and undoing it: what moves,
//! what is listed afterwards, who may do either (through the application
//! and over HTTP).

use continuum_app::people::{NewEntry, PeopleOrder, PersonRecord, Registration};
use continuum_app::{Actor, App, AppError, Paging};
use continuum_domain::person::{EpisodeDraft, EpisodeFields, PersonDraft, PersonFields};
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;

use crate::on_both_backends;
use crate::support::{actor, demo_app};

/// Registers someone at `code` who entered on `entry_date` (long ago, so
/// that they head their prison's worklist).
async fn entered(app: &App, worker: &Actor, code: &str, family: &str, birth: &str, number: &str, entry: &str) -> i64 {
    let today = app.register_today();
    let person = PersonDraft::parse(
        &PersonFields {
            family_name: family,
            given_names: "Samir",
            birth_date: birth,
            sex: "male",
            nationality: "BE",
            languages: "fr, ar",
            preferred_language: "",
        },
        today,
    )
    .expect("a valid person");
    let episode = EpisodeDraft::parse(
        &EpisodeFields { prison_number: number, entry_date: entry, legal_status: "remand", expected_release: "" },
        Some(person.birth_date),
        today,
    )
    .expect("a valid episode");
    let site = worker.sites.iter().find(|s| s.code == code).map(|s| s.id).expect("a site of the worker");
    let entry = NewEntry { person, episode, not_a_duplicate: true };
    match app.register_entry(worker, site, &entry).await.expect("registered") {
        Registration::Registered(id) => id,
        Registration::PossibleDuplicates(_) => panic!("held back"),
    }
}

/// Two records of one man at HAS: the second with a typo in the name and
/// the birth date, and a screening started on it.
async fn duplicates(app: &App, worker: &Actor) -> (i64, i64) {
    let survivor = entered(app, worker, "HAS", "Benali", "1990-04-04", "M-1", "2020-01-06").await;
    let duplicate = entered(app, worker, "HAS", "Ben Ali", "1990-04-05", "M-2", "2020-01-07").await;
    app.start_screening(worker, duplicate).await.expect("a screening starts");
    (survivor, duplicate)
}

async fn version(app: &App, actor: &Actor, id: i64) -> i64 {
    app.get_person(actor, id).await.expect("readable").person.version
}

async fn merge(app: &App, actor: &Actor, survivor: i64, duplicate: i64) -> Result<i64, AppError> {
    let versions = (version(app, actor, survivor).await, version(app, actor, duplicate).await);
    app.merge_people(actor, (survivor, versions.0), (duplicate, versions.1)).await
}

async fn found(app: &App, actor: &Actor, text: &str) -> Vec<i64> {
    let listing = app.search_people(actor, text, PeopleOrder::Name, Paging::default()).await.expect("searched");
    listing.items.iter().map(|p| p.id).collect()
}

/// The people at the head of the worker's worklist (the longest waiting).
async fn worklist_head(app: &App, actor: &Actor) -> Vec<i64> {
    let paging = Paging { page: 1, per_page: 5 };
    let worklist = app.worklist(actor, paging, false).await.expect("the worklist");
    worklist.awaiting.items.iter().map(|l| l.row.person_id).collect()
}

/// Everything the register and the clinic hold about a record.
async fn snapshot(app: &App, actor: &Actor, id: i64) -> (PersonRecord, Vec<continuum_app::screening::Screening>) {
    let mut record = app.get_person(actor, id).await.expect("readable");
    record.merges.clear();
    let screenings = app.person_screenings(actor, id).await.expect("screenings");
    (record, screenings)
}

async fn a_merge_moves_episodes_pathways_and_screenings_and_keeps_both_histories(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let (survivor, duplicate) = duplicates(&test.app, &worker).await;
    let preview = test.app.merge_preview(&worker, survivor, duplicate).await.expect("both shown");
    assert_eq!(preview.duplicate.screenings, 1);
    assert!(preview.warnings.iter().any(|w| matches!(w, continuum_app::merges::MergeWarning::BirthDatesDiffer)));

    let merge = merge(&test.app, &worker, survivor, duplicate).await.expect("merged");

    let kept = test.app.get_person(&worker, survivor).await.expect("readable");
    let numbers: Vec<&str> = kept.episodes.iter().map(|e| e.prison_number.as_str()).collect();
    assert_eq!(numbers, vec!["M-2", "M-1"], "both episodes, most recent first");
    assert_eq!(kept.person.family_name, "Benali", "the survivor keeps its identity");
    assert_eq!(test.app.person_screenings(&worker, survivor).await.expect("screenings").len(), 1);
    let merged = test.app.get_person(&worker, duplicate).await.expect("still readable");
    assert_eq!(merged.person.merged_into, Some(survivor));
    assert!(merged.episodes.is_empty());
    assert_eq!(merged.history.len(), 1, "its identity's history stays with it");
    assert_eq!(merged.history[0].family_name, "Ben Ali");
    assert_eq!(kept.merges.iter().map(|m| (m.id, m.merged_id)).collect::<Vec<_>>(), vec![(merge, duplicate)]);
    let (log, _) = test.app.person_access_log(&worker, duplicate, Paging::default()).await.expect("its access log");
    assert!(log.items.iter().any(|r| r.entry.action == "person.merge"), "the merge is audited with each record");
}
on_both_backends!(a_merge_moves_episodes_pathways_and_screenings_and_keeps_both_histories);

async fn after_a_merge_searches_and_the_worklist_list_the_person_once(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let (survivor, duplicate) = duplicates(&test.app, &worker).await;
    assert_eq!(found(&test.app, &worker, "samir ali").await, vec![duplicate]);
    assert_eq!(worklist_head(&test.app, &worker).await[..2], [survivor, duplicate]);

    merge(&test.app, &worker, survivor, duplicate).await.expect("merged");

    assert!(found(&test.app, &worker, "samir ali").await.is_empty(), "the merged record is not found by name");
    assert_eq!(found(&test.app, &worker, "M-2").await, vec![survivor], "its prison number finds the survivor");
    let head = worklist_head(&test.app, &worker).await;
    assert_eq!(head[0], survivor);
    assert!(!head.contains(&duplicate) && !head[1..].contains(&survivor), "listed once: {head:?}");
}
on_both_backends!(after_a_merge_searches_and_the_worklist_list_the_person_once);

async fn undoing_a_merge_restores_both_records_exactly(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let (survivor, duplicate) = duplicates(&test.app, &worker).await;
    let before = (snapshot(&test.app, &worker, survivor).await, snapshot(&test.app, &worker, duplicate).await);
    let head_before = worklist_head(&test.app, &worker).await;
    let pathways = async || {
        let preview = test.app.merge_preview(&worker, survivor, duplicate).await.expect("both shown");
        (preview.survivor.pathways, preview.duplicate.pathways)
    };
    let pathways_before = pathways().await;
    let merge = merge(&test.app, &worker, survivor, duplicate).await.expect("merged");
    let admin = actor(&test.app, "admin").await;

    test.app.undo_merge(&admin, merge).await.expect("undone");

    assert_eq!(pathways().await, pathways_before, "each pathway back with its record, current again");

    let after = (snapshot(&test.app, &worker, survivor).await, snapshot(&test.app, &worker, duplicate).await);
    assert_eq!(format!("{before:?}"), format!("{after:?}"));
    assert_eq!(worklist_head(&test.app, &worker).await, head_before);
    assert_eq!(found(&test.app, &worker, "samir ali").await, vec![duplicate]);
    let detail = test.app.get_merge(&admin, merge).await.expect("the merge");
    assert!(detail.merge.undone_at.is_some());
    assert_eq!((detail.episodes, detail.pathways, detail.screenings), (1, 1, 1));
    assert!(matches!(test.app.undo_merge(&admin, merge).await, Err(AppError::Conflict("merge-already-undone"))));
}
on_both_backends!(undoing_a_merge_restores_both_records_exactly);

async fn a_signal_matched_to_the_duplicate_moves_with_it_and_back(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let (survivor, duplicate) = duplicates(&test.app, &worker).await;
    test.app.signal_person(&worker, duplicate, "Asks for help", true).await.expect("signalled");
    let reasons = async |id| -> Vec<String> {
        let record = test.app.get_person(&worker, id).await.expect("readable");
        record.signals.into_iter().map(|s| s.reason).collect()
    };
    let merge = merge(&test.app, &worker, survivor, duplicate).await.expect("merged");
    assert!(reasons(survivor).await.contains(&"Asks for help".to_owned()), "moved to the survivor");
    test.app.undo_merge(&actor(&test.app, "admin").await, merge).await.expect("undone");
    assert!(!reasons(survivor).await.contains(&"Asks for help".to_owned()), "gone from the survivor");
    assert!(reasons(duplicate).await.contains(&"Asks for help".to_owned()), "back with the duplicate");
}
on_both_backends!(a_signal_matched_to_the_duplicate_moves_with_it_and_back);

async fn a_merged_record_is_neither_edited_nor_merged_again(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let (survivor, duplicate) = duplicates(&test.app, &worker).await;
    let third = entered(&test.app, &worker, "HAS", "Benaly", "1990-04-04", "M-3", "2020-01-08").await;
    let stale = version(&test.app, &worker, duplicate).await;
    merge(&test.app, &worker, survivor, duplicate).await.expect("merged");
    let refused = test.app.merge_people(&worker, (third, 1), (duplicate, stale)).await;
    assert!(matches!(refused, Err(AppError::Conflict("merge-already-merged"))), "{refused:?}");
    let identity = test.app.get_person(&worker, third).await.expect("readable");
    let draft = PersonDraft::parse(
        &PersonFields {
            family_name: "Other",
            birth_date: &identity.person.birth_date,
            preferred_language: "fr",
            ..PersonFields::default()
        },
        test.app.register_today(),
    )
    .expect("valid");
    let edit = test.app.update_person(&worker, duplicate, stale, &draft).await;
    assert!(matches!(edit, Err(AppError::Conflict("merge-already-merged"))), "{edit:?}");
    let itself = test.app.merge_people(&worker, (third, 1), (third, 1)).await;
    assert!(matches!(itself, Err(AppError::Conflict("merge-same-record"))), "{itself:?}");
}
on_both_backends!(a_merged_record_is_neither_edited_nor_merged_again);

async fn a_merge_needs_the_register_at_both_prisons(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let gent = actor(&test.app, "care_worker.gen").await;
    let here = entered(&test.app, &worker, "HAS", "Lemaire", "1975-02-02", "L-1", "2020-02-01").await;
    let there = entered(&test.app, &gent, "GEN", "Lemaire", "1975-02-02", "L-1", "2020-02-01").await;
    let preview = test.app.merge_preview(&worker, here, there).await;
    assert!(matches!(preview, Err(AppError::NotFound)), "{preview:?}");
    let refused = test.app.merge_people(&worker, (here, 1), (there, 1)).await;
    assert!(matches!(refused, Err(AppError::NotFound)), "{refused:?}");
    let reversed = test.app.merge_people(&gent, (there, 1), (here, 1)).await;
    assert!(matches!(reversed, Err(AppError::NotFound)), "{reversed:?}");
    assert_eq!(test.app.get_person(&gent, there).await.expect("readable").person.merged_into, None);
    for username in ["prison_staff.has", "director.has", "admin"] {
        let outsider = actor(&test.app, username).await;
        let refused = test.app.merge_people(&outsider, (here, 1), (there, 1)).await;
        assert!(matches!(refused, Err(AppError::Forbidden)), "{username}: {refused:?}");
    }
}
on_both_backends!(a_merge_needs_the_register_at_both_prisons);

async fn only_an_administrator_undoes_a_merge(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let (survivor, duplicate) = duplicates(&test.app, &worker).await;
    let merge = merge(&test.app, &worker, survivor, duplicate).await.expect("merged");
    for username in ["care_worker.has", "medical.has", "coordinator.nl", "director.has"] {
        let other = actor(&test.app, username).await;
        let refused = test.app.undo_merge(&other, merge).await;
        assert!(matches!(refused, Err(AppError::Forbidden)), "{username}: {refused:?}");
        assert!(matches!(test.app.list_merges(&other, Paging::default()).await, Err(AppError::Forbidden)));
    }
    assert_eq!(test.app.get_person(&worker, duplicate).await.expect("readable").person.merged_into, Some(survivor));
}
on_both_backends!(only_an_administrator_undoes_a_merge);

async fn a_merge_whose_survivor_was_merged_later_is_undone_after_that_one(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let admin = actor(&test.app, "admin").await;
    let (middle, first) = duplicates(&test.app, &worker).await;
    let last = entered(&test.app, &worker, "HAS", "Benaly", "1990-04-04", "M-3", "2020-01-08").await;
    let earlier = merge(&test.app, &worker, middle, first).await.expect("merged");
    let later = merge(&test.app, &worker, last, middle).await.expect("merged again");
    assert_eq!(test.app.get_person(&worker, last).await.expect("readable").episodes.len(), 3);
    let refused = test.app.undo_merge(&admin, earlier).await;
    assert!(matches!(refused, Err(AppError::Conflict("merge-undo-later-first"))), "{refused:?}");
    test.app.undo_merge(&admin, later).await.expect("the later one first");
    test.app.undo_merge(&admin, earlier).await.expect("then the earlier one");
    for (id, episodes) in [(first, 1), (middle, 1), (last, 1)] {
        let record = test.app.get_person(&worker, id).await.expect("readable");
        assert_eq!((record.person.merged_into, record.episodes.len()), (None, episodes), "record {id}");
    }
}
on_both_backends!(a_merge_whose_survivor_was_merged_later_is_undone_after_that_one);

/// The value of the first `name="NAME" value="..."` field of a page.
fn field_value(html: &str, name: &str) -> Option<String> {
    let start = html.find(&format!("name=\"{name}\" value=\""))? + name.len() + 15;
    let end = html[start..].find('"')?;
    Some(html[start..start + end].to_owned())
}

async fn a_care_worker_merges_on_the_confirmation_page_and_an_administrator_undoes_it(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let (survivor, duplicate) = duplicates(&server.app, &worker).await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let page = client.get(server.url(&format!("/people/{survivor}/merge?duplicate={duplicate}"))).send().await;
    let html = page.expect("request").text().await.expect("page");
    assert!(html.contains("BENALI, Samir") && html.contains("BEN ALI, Samir"), "both records side by side");
    assert!(html.contains("M-1") && html.contains("M-2"));
    let csrf = field_value(&html, "csrf").expect("a form");
    let form = [
        ("csrf", csrf),
        ("duplicate", duplicate.to_string()),
        ("survivor_version", field_value(&html, "survivor_version").expect("version")),
        ("duplicate_version", field_value(&html, "duplicate_version").expect("version")),
    ];
    let response = client.post(server.url(&format!("/people/{survivor}/merge"))).form(&form).send().await;
    let response = response.expect("request");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let merged_page = client.get(server.url(&format!("/people/{duplicate}"))).send().await.expect("request");
    let html = merged_page.text().await.expect("page");
    assert!(html.contains(&format!("href=\"/people/{survivor}\"")), "the merged record points at the survivor");

    let merge = server.app.get_person(&worker, survivor).await.expect("readable").merges[0].id;
    let staff = server.client_for("medical.has").await.expect("signs in");
    let staff_csrf = server.csrf_token(&staff).await.expect("token");
    let undo = format!("/admin/merges/{merge}/undo");
    let refused = staff.post(server.url(&undo)).form(&[("csrf", staff_csrf.as_str())]).send().await;
    assert_eq!(refused.expect("request").status(), StatusCode::FORBIDDEN);
    let detail = staff.get(server.url(&format!("/admin/merges/{merge}"))).send().await.expect("request");
    assert_eq!(detail.status(), StatusCode::FORBIDDEN);

    let admin = server.client_for("admin").await.expect("signs in");
    let detail = admin.get(server.url(&format!("/admin/merges/{merge}"))).send().await.expect("request");
    assert_eq!(detail.status(), StatusCode::OK);
    let html = detail.text().await.expect("page");
    assert!(!html.contains("Benali") && !html.contains("BENALI"), "an administrator sees no names");
    let admin_csrf = server.csrf_token(&admin).await.expect("token");
    let undone = admin.post(server.url(&undo)).form(&[("csrf", admin_csrf.as_str())]).send().await;
    assert_eq!(undone.expect("request").status(), StatusCode::SEE_OTHER);
    assert_eq!(server.app.get_person(&worker, duplicate).await.expect("readable").person.merged_into, None);
    server.stop().await;
}
on_both_backends!(a_care_worker_merges_on_the_confirmation_page_and_an_administrator_undoes_it);

async fn the_api_merges_a_duplicate_and_an_administrator_undoes_it(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let (survivor, duplicate) = duplicates(&server.app, &worker).await;
    let client = server.client_for("medical.has").await.expect("signs in");
    let path = format!("/api/v1/people/{survivor}/merge");
    let missing = client.post(server.url(&path)).json(&serde_json::json!({})).send().await.expect("request");
    assert_eq!(missing.status(), StatusCode::UNPROCESSABLE_ENTITY, "every field is required");
    let body = serde_json::json!({ "duplicate": duplicate, "version": 1, "duplicate_version": 1 });
    let response = client.post(server.url(&path)).json(&body).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::CREATED);
    let merge: serde_json::Value = response.json().await.expect("JSON");
    assert_eq!((merge["survivor"].as_i64(), merge["merged"].as_i64()), (Some(survivor), Some(duplicate)));
    let record = format!("/api/v1/people/{duplicate}");
    let merged: serde_json::Value =
        client.get(server.url(&record)).send().await.expect("request").json().await.expect("JSON");
    assert_eq!(merged["merged_into"].as_i64(), Some(survivor), "the merged record points at the survivor");
    let again = client.post(server.url(&path)).json(&body).send().await.expect("request");
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let problem: serde_json::Value = again.json().await.expect("JSON");
    assert_eq!(problem["type"], "https://continuum.invalid/problems/merge-already-merged");

    let undo = format!("/api/v1/merges/{}/undo", merge["id"]);
    let refused = client.post(server.url(&undo)).send().await.expect("request");
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let admin = server.client_for("admin").await.expect("signs in");
    let listed: serde_json::Value =
        admin.get(server.url("/api/v1/merges")).send().await.expect("request").json().await.expect("JSON");
    assert_eq!(listed["items"][0]["id"], merge["id"]);
    let undone = admin.post(server.url(&undo)).send().await.expect("request");
    assert_eq!(undone.status(), StatusCode::OK);
    let undone: serde_json::Value = undone.json().await.expect("JSON");
    assert!(undone["undone_at"].is_string());
    server.stop().await;
}
on_both_backends!(the_api_merges_a_duplicate_and_an_administrator_undoes_it);

async fn the_confirmation_page_names_a_bad_record_number_and_shows_what_was_typed(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let (survivor, _) = duplicates(&server.app, &worker).await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let page = client.get(server.url(&format!("/people/{survivor}/merge?duplicate=12x"))).send().await;
    let page = page.expect("request");
    assert_eq!(page.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = page.text().await.expect("page");
    assert!(html.contains("value=\"12x\"") && html.contains("href=\"#duplicate\""), "{html}");
    let csrf = server.csrf_token(&client).await.expect("token");
    let posted = client.post(server.url(&format!("/people/{survivor}/merge"))).form(&[("csrf", csrf.as_str())]).send();
    assert_eq!(posted.await.expect("request").status(), StatusCode::UNPROCESSABLE_ENTITY, "no duplicate named");
    let itself = client.get(server.url(&format!("/people/{survivor}/merge?duplicate={survivor}"))).send().await;
    assert_eq!(itself.expect("request").status(), StatusCode::CONFLICT);
    server.stop().await;
}
on_both_backends!(the_confirmation_page_names_a_bad_record_number_and_shows_what_was_typed);
