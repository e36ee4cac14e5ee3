//! Detention episodes after entry: changes, releases and transfers, their
//! history, what they do to the care pathway, and who may make them
//! (through the application and over HTTP).

use continuum_app::people::{NewEntry, Registration};
use continuum_app::{Actor, App, AppError, Paging};
use continuum_domain::episode::{EpisodeChangeFields, ReleaseFields, TransferFields};
use continuum_domain::person::{EpisodeDraft, EpisodeFields, PersonDraft, PersonFields};
use continuum_domain::policy::{Action, Target, decide};
use continuum_domain::validation::Problem;
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;

use crate::on_both_backends;
use crate::support::{actor, audit_rows, demo_app};

const ENTRY: &str = "2026-10-01";

/// Registers someone who entered HAS on [`ENTRY`]; answers the person and
/// their episode.
async fn entered(app: &App, worker: &Actor, family: &str, number: &str) -> (i64, i64) {
    let today = app.register_today();
    let person = PersonDraft::parse(
        &PersonFields {
            family_name: family,
            given_names: "Test",
            birth_date: "1980-02-02",
            sex: "male",
            nationality: "BE",
            languages: "nl",
            preferred_language: "",
        },
        today,
    )
    .expect("valid");
    let episode = EpisodeDraft::parse(
        &EpisodeFields { prison_number: number, entry_date: ENTRY, legal_status: "remand", expected_release: "" },
        Some(person.birth_date),
        today,
    )
    .expect("valid");
    let site = worker.sites.iter().find(|s| s.code == "HAS").map(|s| s.id).expect("HAS");
    let entry = NewEntry { person, episode, not_a_duplicate: true };
    let Registration::Registered(id) = app.register_entry(worker, site, &entry).await.expect("registered") else {
        panic!("held back as a duplicate");
    };
    let episode = app.get_person(worker, id).await.expect("readable").episodes[0].id;
    (id, episode)
}

fn field_of(result: Result<impl std::fmt::Debug, AppError>, field: &str) -> Option<Problem> {
    match result {
        Err(AppError::Invalid(invalid)) => invalid.for_field(field).cloned(),
        other => panic!("expected invalid {field}, got {other:?}"),
    }
}

async fn awaiting(app: &App, worker: &Actor) -> Vec<i64> {
    let worklist = app.worklist(worker, Paging::default(), false).await.expect("the worklist");
    worklist.awaiting.items.iter().map(|l| l.row.person_id).collect()
}

async fn an_edit_of_the_current_episode_keeps_every_version_and_a_stale_edit_is_a_conflict(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let (_, episode) = entered(&test.app, &worker, "Edited", "E-1").await;
    let change = EpisodeChangeFields { legal_status: "sentenced", expected_release: "2027-06-30" };
    test.app.update_episode(&worker, episode, 1, &change).await.expect("the first edit");
    let stale = test.app.update_episode(&worker, episode, 1, &change).await;
    assert!(matches!(stale, Err(AppError::Conflict(_))), "{stale:?}");
    let record = test.app.get_episode(&worker, episode).await.expect("readable");
    assert_eq!(record.episode.legal_status, "sentenced");
    assert_eq!(record.episode.expected_release.as_deref(), Some("2027-06-30"));
    let versions: Vec<(i64, &str, &str)> =
        record.history.iter().map(|v| (v.version, v.change.as_str(), v.legal_status.as_str())).collect();
    assert_eq!(versions, vec![(2, "updated", "sentenced"), (1, "created", "remand")]);
    assert_eq!(record.history[0].changed_by.as_deref(), Some("care_worker.has"));
}
on_both_backends!(an_edit_of_the_current_episode_keeps_every_version_and_a_stale_edit_is_a_conflict);

async fn a_release_before_entry_names_the_release_date_and_writes_nothing(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let (_, episode) = entered(&test.app, &worker, "Early", "E-2").await;
    let before = audit_rows(&test.app).await;
    let early = ReleaseFields { release_date: "30/09/2026", release_kind: "end_of_sentence" };
    let refused = test.app.release_episode(&worker, episode, &early).await;
    assert_eq!(field_of(refused, "release_date"), Some(Problem::BeforeEntry));
    let record = test.app.get_episode(&worker, episode).await.expect("readable");
    assert_eq!(record.episode.release_date, None);
    assert_eq!(record.history.len(), 1);
    assert_eq!(audit_rows(&test.app).await, before + 1, "only the read just made");
}
on_both_backends!(a_release_before_entry_names_the_release_date_and_writes_nothing);

async fn a_release_ends_the_episode_and_closes_a_pathway_that_never_reached_an_intake(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let (person, episode) = entered(&test.app, &worker, "Released", "E-3").await;
    assert!(awaiting(&test.app, &worker).await.contains(&person));
    let release = ReleaseFields { release_date: "2026-11-02", release_kind: "conditional_release" };
    assert_eq!(test.app.release_episode(&worker, episode, &release).await.expect("released"), person);
    let record = test.app.get_episode(&worker, episode).await.expect("readable");
    assert_eq!(record.episode.release_date.as_deref(), Some("2026-11-02"));
    assert_eq!(record.episode.release_kind.as_deref(), Some("conditional_release"));
    assert_eq!(record.history[0].change, "released");
    assert!(!awaiting(&test.app, &worker).await.contains(&person), "the pathway is closed");
}
on_both_backends!(a_release_ends_the_episode_and_closes_a_pathway_that_never_reached_an_intake);

async fn an_ended_episode_is_neither_released_changed_nor_transferred_again(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "medical.has").await;
    let (_, episode) = entered(&test.app, &worker, "Twice", "E-4").await;
    let release = ReleaseFields { release_date: ENTRY, release_kind: "released_by_court" };
    test.app.release_episode(&worker, episode, &release).await.expect("released");
    let again = test.app.release_episode(&worker, episode, &release).await;
    assert_eq!(field_of(again, "episode"), Some(Problem::EpisodeEnded));
    let change = EpisodeChangeFields { legal_status: "sentenced", expected_release: "" };
    assert_eq!(
        field_of(test.app.update_episode(&worker, episode, 2, &change).await, "episode"),
        Some(Problem::EpisodeEnded)
    );
    let transfer = TransferFields { site: "LAN", transfer_date: ENTRY, prison_number: "" };
    let moved = test.app.transfer_person(&worker, episode, &transfer).await;
    assert_eq!(field_of(moved, "episode"), Some(Problem::EpisodeEnded));
}
on_both_backends!(an_ended_episode_is_neither_released_changed_nor_transferred_again);

/// Site, prison number, entry date, release date, release kind.
type EpisodeFacts<'a> = (&'a str, &'a str, &'a str, Option<&'a str>, Option<&'a str>);

async fn a_transfer_ends_the_episode_opens_one_at_the_receiving_prison_and_moves_the_pathway(backend: Backend) {
    let test = demo_app(backend).await;
    let sender = actor(&test.app, "care_worker.has").await;
    let receiver = actor(&test.app, "care_worker.lan").await;
    let (person, episode) = entered(&test.app, &sender, "Moved", "E-5").await;
    let transfer = TransferFields { site: "lan", transfer_date: "2026-11-03", prison_number: "" };
    let moved = test.app.transfer_person(&sender, episode, &transfer).await.expect("transferred");
    assert_eq!(moved.person_id, person);
    assert!(
        matches!(test.app.get_person(&sender, person).await, Err(AppError::NotFound)),
        "the sender no longer sees them"
    );
    assert!(!awaiting(&test.app, &sender).await.contains(&person));
    let record = test.app.get_person(&receiver, person).await.expect("the receiving prison sees them");
    assert_eq!(record.site_code, "LAN");
    let episodes: Vec<EpisodeFacts<'_>> = record
        .episodes
        .iter()
        .map(|e| {
            (
                e.site_code.as_str(),
                e.prison_number.as_str(),
                e.entry_date.as_str(),
                e.release_date.as_deref(),
                e.release_kind.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        episodes,
        vec![("LAN", "E-5", "2026-11-03", None, None), ("HAS", "E-5", ENTRY, Some("2026-11-03"), Some("transfer")),],
        "the number is kept when no new one is given"
    );
    assert_eq!(record.episodes[0].transferred_from, Some(episode));
    assert!(awaiting(&test.app, &receiver).await.contains(&person), "the pathway moved, still awaiting screening");
}
on_both_backends!(a_transfer_ends_the_episode_opens_one_at_the_receiving_prison_and_moves_the_pathway);

async fn a_transfer_to_an_unknown_or_the_same_prison_or_too_early_is_refused_naming_the_field(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let (person, episode) = entered(&test.app, &worker, "Stays", "E-6").await;
    let to = |site, transfer_date| TransferFields { site, transfer_date, prison_number: "" };
    let unknown = test.app.transfer_person(&worker, episode, &to("XYZ", "2026-11-03")).await;
    assert_eq!(field_of(unknown, "site"), Some(Problem::UnknownSite));
    let same = test.app.transfer_person(&worker, episode, &to("HAS", "2026-11-03")).await;
    assert_eq!(field_of(same, "site"), Some(Problem::SameSite));
    let early = test.app.transfer_person(&worker, episode, &to("GEN", "2026-09-01")).await;
    assert_eq!(field_of(early, "transfer_date"), Some(Problem::BeforeEntry));
    let record = test.app.get_person(&worker, person).await.expect("still at HAS");
    assert_eq!(record.episodes.len(), 1);
}
on_both_backends!(a_transfer_to_an_unknown_or_the_same_prison_or_too_early_is_refused_naming_the_field);

async fn a_transfer_with_a_number_held_by_someone_else_at_the_receiving_prison_is_refused(backend: Backend) {
    let test = demo_app(backend).await;
    let has = actor(&test.app, "care_worker.has").await;
    let (_, first) = entered(&test.app, &has, "Holder", "E-7").await;
    let to_gen = |prison_number| TransferFields { site: "GEN", transfer_date: "2026-11-03", prison_number };
    test.app.transfer_person(&has, first, &to_gen("G-1")).await.expect("transferred with a new number");
    let (_, second) = entered(&test.app, &has, "Newcomer", "E-8").await;
    let refused = test.app.transfer_person(&has, second, &to_gen("g-1")).await;
    assert_eq!(field_of(refused, "prison_number"), Some(Problem::Duplicate));
    assert_eq!(test.app.get_episode(&has, second).await.expect("still open").episode.release_date, None);
}
on_both_backends!(a_transfer_with_a_number_held_by_someone_else_at_the_receiving_prison_is_refused);

async fn another_prisons_team_gets_not_found_and_roles_without_the_register_are_refused(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let (_, episode) = entered(&test.app, &worker, "Guarded", "E-10").await;
    let release = ReleaseFields { release_date: ENTRY, release_kind: "other" };
    let transfer = TransferFields { site: "GEN", transfer_date: ENTRY, prison_number: "" };
    let change = EpisodeChangeFields { legal_status: "sentenced", expected_release: "" };
    let other = actor(&test.app, "care_worker.gen").await;
    assert!(matches!(test.app.get_episode(&other, episode).await, Err(AppError::NotFound)));
    assert!(matches!(test.app.release_episode(&other, episode, &release).await, Err(AppError::NotFound)));
    assert!(matches!(test.app.transfer_person(&other, episode, &transfer).await, Err(AppError::NotFound)));
    assert!(matches!(test.app.update_episode(&other, episode, 1, &change).await, Err(AppError::NotFound)));
    for username in ["prison_staff.has", "director.has", "psychosocial.has", "admin"] {
        let outsider = actor(&test.app, username).await;
        for id in [episode, episode + 1000] {
            let refused = test.app.release_episode(&outsider, id, &release).await;
            assert!(matches!(refused, Err(AppError::Forbidden)), "{username}: {refused:?}");
        }
    }
    assert_eq!(test.app.get_episode(&worker, episode).await.expect("readable").history.len(), 1);
}
on_both_backends!(another_prisons_team_gets_not_found_and_roles_without_the_register_are_refused);

async fn each_role_reaches_the_episode_pages_and_api_only_where_the_policy_allows(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let has = worker.sites.iter().find(|s| s.code == "HAS").map(|s| s.id).expect("HAS");
    let (_, episode) = entered(&server.app, &worker, "Visible", "E-11").await;
    let accounts = [
        "care_worker.has",
        "care_worker.gen",
        "medical.has",
        "psychosocial.has",
        "prison_staff.has",
        "director.has",
        "coordinator.nl",
        "researcher",
        "admin",
    ];
    for username in accounts {
        let grants = actor(&server.app, username).await.grants;
        let client = server.client_for(username).await.expect("signs in");
        let paths = [
            (format!("/episodes/{episode}/edit"), Action::EditRegister),
            (format!("/episodes/{episode}/release"), Action::EditRegister),
            (format!("/episodes/{episode}/transfer"), Action::EditRegister),
            (format!("/api/v1/episodes/{episode}"), Action::ViewRegister),
        ];
        for (path, action) in paths {
            let status = client.get(server.url(&path)).send().await.expect("request").status();
            if decide(&grants, action, Target::site(has)).is_allowed() {
                assert_eq!(status, StatusCode::OK, "{username} GET {path}");
            } else {
                assert!(
                    status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND,
                    "{username} GET {path} answered {status}"
                );
            }
        }
    }
    server.stop().await;
}
on_both_backends!(each_role_reaches_the_episode_pages_and_api_only_where_the_policy_allows);

async fn the_release_form_names_a_release_before_entry_and_shows_again_what_was_typed(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let (person, episode) = entered(&server.app, &worker, "Formed", "E-12").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let csrf = server.csrf_token(&client).await.expect("token");
    let path = format!("/episodes/{episode}/release");
    let bad = [("csrf", csrf.as_str()), ("release_date", "15/09/2026"), ("release_kind", "removal")];
    let response = client.post(server.url(&path)).form(&bad).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("page");
    assert!(html.contains("release_date-error") && html.contains("value=\"15/09/2026\""), "named and shown again");
    assert!(html.contains("<option value=\"removal\" selected>"), "the kind chosen stays chosen");
    let good = [("csrf", csrf.as_str()), ("release_date", "15/10/2026"), ("release_kind", "removal")];
    let response = client.post(server.url(&path)).form(&good).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page =
        client.get(server.url(&format!("/people/{person}"))).send().await.expect("request").text().await.expect("page");
    assert!(page.contains("2026-10-15") && page.contains("Verwijdering van het grondgebied"), "the release is shown");
    server.stop().await;
}
on_both_backends!(the_release_form_names_a_release_before_entry_and_shows_again_what_was_typed);

async fn a_transfer_through_the_form_returns_the_sender_to_its_register_with_a_notice(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let (person, episode) = entered(&server.app, &worker, "Leaving", "E-13").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let csrf = server.csrf_token(&client).await.expect("token");
    let form = [("csrf", csrf.as_str()), ("site", "LAN"), ("transfer_date", "2026-11-04"), ("prison_number", "L-13")];
    let response =
        client.post(server.url(&format!("/episodes/{episode}/transfer"))).form(&form).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()["location"].to_str().expect("location").to_owned();
    assert_eq!(location, "/people?transferred=LAN");
    let notice = client.get(server.url(&location)).send().await.expect("request").text().await.expect("page");
    assert!(notice.contains("De overplaatsing is geregistreerd") && notice.contains("LAN"));
    let receiving = server.client_for("medical.lan").await.expect("signs in");
    let page = receiving.get(server.url(&format!("/people/{person}"))).send().await.expect("request");
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("page");
    assert!(html.contains("L-13") && html.contains("HAS"), "both episodes, the new number");
    server.stop().await;
}
on_both_backends!(a_transfer_through_the_form_returns_the_sender_to_its_register_with_a_notice);

async fn the_api_changes_releases_and_transfers_episodes_and_names_bad_fields(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "medical.has").await;
    let (_, episode) = entered(&server.app, &worker, "Api", "E-14").await;
    let client = server.client_for("medical.has").await.expect("signs in");
    let url = server.url(&format!("/api/v1/episodes/{episode}"));
    let changed = client
        .put(&url)
        .json(&serde_json::json!({"version": 1, "legal_status": "interned", "expected_release": "2028-01-01"}))
        .send()
        .await
        .expect("request");
    assert_eq!(changed.status(), StatusCode::OK);
    let body: serde_json::Value = changed.json().await.expect("JSON");
    assert_eq!(body["episode"]["version"], 2);
    assert_eq!(body["history"].as_array().map(Vec::len), Some(2));
    let early = client
        .post(format!("{url}/release"))
        .json(&serde_json::json!({"release_date": "2020-01-01", "release_kind": "transfer"}))
        .send()
        .await
        .expect("request");
    assert_eq!(early.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: serde_json::Value = early.json().await.expect("JSON");
    let fields: Vec<(&str, &str)> = problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| (e["field"].as_str().unwrap_or_default(), e["code"].as_str().unwrap_or_default()))
        .collect();
    assert_eq!(fields, vec![("release_date", "before-entry"), ("release_kind", "invalid-format")]);
    let moved = client
        .post(format!("{url}/transfer"))
        .json(&serde_json::json!({"site": "AND", "transfer_date": "2026-11-05"}))
        .send()
        .await
        .expect("request");
    assert_eq!(moved.status(), StatusCode::CREATED);
    let moved: serde_json::Value = moved.json().await.expect("JSON");
    assert_eq!(moved["site"], "AND");
    let after = client.get(&url).send().await.expect("request");
    assert_eq!(after.status(), StatusCode::NOT_FOUND, "the person is at AND now");
    server.stop().await;
}
on_both_backends!(the_api_changes_releases_and_transfers_episodes_and_names_bad_fields);
