//! The entry register: registering entries, finding people, keeping their
//! history, and who may see them (through the application and over HTTP).

use continuum_app::people::{NewEntry, PeopleOrder, Registration};
use continuum_app::{Actor, App, AppError, Paging};
use continuum_domain::ids::SiteId;
use continuum_domain::person::{EpisodeDraft, EpisodeFields, PersonDraft, PersonFields};
use continuum_domain::policy::{Action, Target, decide};
use continuum_domain::validation::Problem;
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;

use crate::on_both_backends;
use crate::support::{actor, audit_rows, demo_app};

fn site(actor: &Actor, code: &str) -> SiteId {
    actor.sites.iter().find(|s| s.code == code).map(|s| s.id).expect("a site of the actor")
}

fn entry(app: &App, family: &str, given: &str, birth: &str, number: &str) -> NewEntry {
    let today = app.register_today();
    let person = PersonDraft::parse(
        &PersonFields {
            family_name: family,
            given_names: given,
            birth_date: birth,
            sex: "female",
            nationality: "BE",
            languages: "nl, fr",
            preferred_language: "",
        },
        today,
    )
    .expect("a valid person");
    let episode = EpisodeDraft::parse(
        &EpisodeFields {
            prison_number: number,
            entry_date: "2026-11-02",
            legal_status: "remand",
            expected_release: "",
        },
        Some(person.birth_date),
        today,
    )
    .expect("a valid episode");
    NewEntry { person, episode, not_a_duplicate: false }
}

async fn register(app: &App, actor: &Actor, code: &str, entry: &NewEntry) -> i64 {
    match app.register_entry(actor, site(actor, code), entry).await.expect("registered") {
        Registration::Registered(id) => id,
        Registration::PossibleDuplicates(found) => panic!("held back as a duplicate of {found:?}"),
    }
}

async fn found(app: &App, actor: &Actor, text: &str) -> Vec<i64> {
    let listing = app.search_people(actor, text, PeopleOrder::Name, Paging::default()).await.expect("the search runs");
    listing.items.iter().map(|p| p.id).collect()
}

async fn a_person_is_found_by_name_in_any_order_without_accents_by_number_and_by_birth_date(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let id =
        register(&test.app, &worker, "HAS", &entry(&test.app, "Van den Bossche", "Éloïse", "1991-03-07", "H-7781"))
            .await;
    for text in ["bossche eloise", "ÉLOÏSE VAN", "van-den-b", "h-7781", "07/03/1991", "1991-03-07"] {
        assert_eq!(found(&test.app, &worker, text).await, vec![id], "search {text:?}");
    }
    assert!(found(&test.app, &worker, "bosschez").await.is_empty());
}
on_both_backends!(a_person_is_found_by_name_in_any_order_without_accents_by_number_and_by_birth_date);

async fn registering_reading_and_searching_are_audited_with_the_person(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let before = audit_rows(&test.app).await;
    let id = register(&test.app, &worker, "HAS", &entry(&test.app, "Peeters", "An", "1985-01-20", "H-1")).await;
    test.app.get_person(&worker, id).await.expect("readable");
    found(&test.app, &worker, "peeters").await;
    assert_eq!(audit_rows(&test.app).await, before + 3);
    let (log, site_code) =
        test.app.person_access_log(&worker, id, Paging::default()).await.expect("the person's access log");
    assert_eq!(site_code, "HAS");
    let actions: Vec<&str> = log.items.iter().map(|r| r.entry.action.as_str()).collect();
    assert!(actions.contains(&"person.create") && actions.contains(&"person.read"), "{actions:?}");
}
on_both_backends!(registering_reading_and_searching_are_audited_with_the_person);

async fn a_care_worker_of_another_prison_neither_finds_nor_reads_the_person(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let id = register(&test.app, &worker, "HAS", &entry(&test.app, "Janssens", "Lotte", "1999-09-09", "H-2")).await;
    let other = actor(&test.app, "care_worker.gen").await;
    assert!(found(&test.app, &other, "janssens").await.is_empty());
    assert!(matches!(test.app.get_person(&other, id).await, Err(AppError::NotFound)));
    let renamed = entry(&test.app, "Janssen", "Lotte", "1999-09-09", "H-2").person;
    assert!(matches!(test.app.update_person(&other, id, 1, &renamed).await, Err(AppError::NotFound)));
}
on_both_backends!(a_care_worker_of_another_prison_neither_finds_nor_reads_the_person);

async fn roles_without_register_access_get_the_same_refusal_for_existing_and_unknown_people(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let id = register(&test.app, &worker, "HAS", &entry(&test.app, "Claes", "Mia", "1990-05-05", "H-3")).await;
    for username in ["prison_staff.has", "director.has", "psychosocial.has", "researcher", "admin"] {
        let outsider = actor(&test.app, username).await;
        let existing = test.app.get_person(&outsider, id).await;
        let unknown = test.app.get_person(&outsider, id + 1000).await;
        assert!(matches!(existing, Err(AppError::Forbidden)), "{username}: {existing:?}");
        assert!(matches!(unknown, Err(AppError::Forbidden)), "{username}: {unknown:?}");
        let search = test.app.search_people(&outsider, "claes", PeopleOrder::Name, Paging::default()).await;
        assert!(matches!(search, Err(AppError::Forbidden)), "{username}");
    }
}
on_both_backends!(roles_without_register_access_get_the_same_refusal_for_existing_and_unknown_people);

async fn a_prison_number_held_by_someone_else_at_the_prison_is_refused_and_nothing_is_written(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    register(&test.app, &worker, "HAS", &entry(&test.app, "Maes", "Jan", "1970-02-02", "H-4")).await;
    let before = audit_rows(&test.app).await;
    let second = entry(&test.app, "Wouters", "Tom", "1980-08-08", "h-4");
    let refused = test.app.register_entry(&worker, site(&worker, "HAS"), &second).await;
    match refused {
        Err(AppError::Invalid(invalid)) => assert_eq!(invalid.for_field("prison_number"), Some(&Problem::Duplicate)),
        other => panic!("expected a duplicate prison number, got {other:?}"),
    }
    assert_eq!(audit_rows(&test.app).await, before);
    assert!(found(&test.app, &worker, "wouters").await.is_empty());
}
on_both_backends!(a_prison_number_held_by_someone_else_at_the_prison_is_refused_and_nothing_is_written);

async fn a_possible_duplicate_is_held_back_until_the_user_confirms_it_is_someone_else(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let first = register(&test.app, &worker, "HAS", &entry(&test.app, "Dubois", "Marie", "1988-12-01", "H-5")).await;
    let mut twin = entry(&test.app, "Dubois-Leroy", "Marie Claire", "1988-12-01", "H-6");
    match test.app.register_entry(&worker, site(&worker, "HAS"), &twin).await.expect("answered") {
        Registration::PossibleDuplicates(found) => {
            assert_eq!(found.iter().map(|p| p.id).collect::<Vec<_>>(), vec![first])
        }
        Registration::Registered(_) => panic!("registered without confirmation"),
    }
    twin.not_a_duplicate = true;
    assert!(matches!(
        test.app.register_entry(&worker, site(&worker, "HAS"), &twin).await.expect("answered"),
        Registration::Registered(id) if id != first
    ));
}
on_both_backends!(a_possible_duplicate_is_held_back_until_the_user_confirms_it_is_someone_else);

async fn an_edit_keeps_every_version_and_a_stale_edit_is_a_conflict(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let id = register(&test.app, &worker, "HAS", &entry(&test.app, "Smet", "Eva", "1992-06-06", "H-7")).await;
    let renamed = entry(&test.app, "Smets", "Eva", "1992-06-06", "H-7").person;
    test.app.update_person(&worker, id, 1, &renamed).await.expect("the first edit");
    assert!(matches!(test.app.update_person(&worker, id, 1, &renamed).await, Err(AppError::Conflict(_))));
    let record = test.app.get_person(&worker, id).await.expect("readable");
    assert_eq!(record.person.version, 2);
    let names: Vec<&str> = record.history.iter().map(|v| v.family_name.as_str()).collect();
    assert_eq!(names, vec!["Smets", "Smet"]);
    assert_eq!(found(&test.app, &worker, "smets").await, vec![id]);
}
on_both_backends!(an_edit_keeps_every_version_and_a_stale_edit_is_a_conflict);

/// The site checked is the person's, as the register holds it: naming
/// another site in the request (`?site=GEN`) changes nothing.
async fn each_role_reads_a_persons_page_and_api_record_only_where_the_policy_allows(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let has = site(&worker, "HAS");
    let id = register(&server.app, &worker, "HAS", &entry(&server.app, "Lambert", "Nora", "1994-04-04", "H-8")).await;
    let accounts = [
        "care_worker.has",
        "care_worker.gen",
        "medical.has",
        "medical.lan",
        "psychosocial.has",
        "prison_staff.has",
        "director.has",
        "coordinator.nl",
        "steering_member.central",
        "researcher",
        "admin",
    ];
    for username in accounts {
        let grants = actor(&server.app, username).await.grants;
        let client = server.client_for(username).await.expect("signs in");
        let paths = [
            (format!("/people/{id}"), Action::ViewRegister),
            (format!("/api/v1/people/{id}"), Action::ViewRegister),
            (format!("/audit/people/{id}?site=GEN"), Action::ViewPersonAccessLog),
        ];
        for (path, action) in paths {
            let allowed = decide(&grants, action, Target::site(has)).is_allowed();
            let status = client.get(server.url(&path)).send().await.expect("request").status();
            if allowed {
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
on_both_backends!(each_role_reads_a_persons_page_and_api_record_only_where_the_policy_allows);

async fn an_entry_registered_through_the_form_and_a_bad_one_shown_again_with_what_was_typed(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let csrf = server.csrf_token(&client).await.expect("token");
    let bad = [
        ("csrf", csrf.as_str()),
        ("family_name", "Willems"),
        ("given_names", "Ruben"),
        ("birth_date", "12/05/2001"),
        ("site", "HAS"),
        ("prison_number", "H-9"),
        ("entry_date", "11/05/2001"),
        ("legal_status", "sentenced"),
        ("preferred_language", "nl"),
    ];
    let response = client.post(server.url("/people/new")).form(&bad).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("page");
    assert!(html.contains("value=\"Willems\"") && html.contains("value=\"H-9\""), "typed values shown again");
    assert!(html.contains("entry_date-error"), "the entry date is named");
    let mut good = bad.to_vec();
    good.retain(|(k, _)| *k != "entry_date");
    good.push(("entry_date", "01/11/2026"));
    let response = client.post(server.url("/people/new")).form(&good).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()["location"].to_str().expect("location").to_owned();
    let page = client.get(server.url(&location)).send().await.expect("request").text().await.expect("page");
    assert!(page.contains("WILLEMS, Ruben") && page.contains("H-9"));
    let list =
        client.get(server.url("/people?q=ruben+willems")).send().await.expect("request").text().await.expect("list");
    assert!(list.contains("WILLEMS, Ruben"));
    server.stop().await;
}
on_both_backends!(an_entry_registered_through_the_form_and_a_bad_one_shown_again_with_what_was_typed);

async fn the_api_registers_an_entry_names_invalid_fields_and_reports_possible_duplicates(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let client = server.client_for("medical.has").await.expect("signs in");
    let body = serde_json::json!({
        "family_name": "Mertens", "given_names": "Lisa", "birth_date": "1983-07-15", "site": "HAS",
        "prison_number": "H-10", "entry_date": "2026-11-01", "legal_status": "remand", "languages": ["nl"]
    });
    let response = client.post(server.url("/api/v1/people")).json(&body).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::CREATED);
    let created: serde_json::Value = response.json().await.expect("JSON");
    assert_eq!(created["episodes"][0]["prison_number"], "H-10");

    let twin = serde_json::json!({
        "family_name": "Mertens", "birth_date": "1983-07-15", "site": "HAS",
        "prison_number": "H-11", "entry_date": "2026-11-01", "legal_status": "remand", "languages": ["nl"]
    });
    let response = client.post(server.url("/api/v1/people")).json(&twin).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let problem: serde_json::Value = response.json().await.expect("JSON");
    assert_eq!(problem["duplicates"][0], created["id"]);

    let bad = serde_json::json!({ "birth_date": "2030-01-01", "site": "XXX", "legal_status": "free" });
    let response = client.post(server.url("/api/v1/people")).json(&bad).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: serde_json::Value = response.json().await.expect("JSON");
    let fields: Vec<&str> =
        problem["errors"].as_array().expect("errors").iter().filter_map(|e| e["field"].as_str()).collect();
    for field in ["family_name", "birth_date", "site", "prison_number", "entry_date", "legal_status"] {
        assert!(fields.contains(&field), "{field} in {fields:?}");
    }
    server.stop().await;
}
on_both_backends!(the_api_registers_an_entry_names_invalid_fields_and_reports_possible_duplicates);

const ENTRY_LIST: &str = "family_name,given_names,birth_date,prison_number,entry_date,legal_status,languages\n\
    Peeters,An,20/01/1985,A-1,01/11/2026,remand,nl\n\
    El Amrani,Karim,03/03/1979,A-2,02/11/2026,sentenced,fr ar\n";

async fn importing_the_same_list_twice_leaves_the_register_as_after_the_first_time(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let has = site(&worker, "HAS");
    let first = test.app.import_entry_list(&worker, has, ENTRY_LIST.as_bytes(), |_, _| {}).await.expect("imports");
    assert_eq!((first.new, first.already_registered), (2, 0));
    let audit_after_first = audit_rows(&test.app).await;
    let second = test.app.import_entry_list(&worker, has, ENTRY_LIST.as_bytes(), |_, _| {}).await.expect("imports");
    assert_eq!((second.new, second.already_registered), (0, 2));
    assert_eq!(audit_rows(&test.app).await, audit_after_first);
    assert_eq!(found(&test.app, &worker, "").await.len(), 2);
    assert_eq!(found(&test.app, &worker, "karim amrani").await.len(), 1);
}
on_both_backends!(importing_the_same_list_twice_leaves_the_register_as_after_the_first_time);

async fn a_list_with_one_bad_line_is_reported_and_writes_nothing(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let has = site(&worker, "HAS");
    let before = audit_rows(&test.app).await;
    let list = format!("{ENTRY_LIST}Maes,Jan,02/02/1970,A-1,03/11/2026,remand,nl\n");
    let report = test.app.import_entry_list(&worker, has, list.as_bytes(), |_, _| {}).await.expect("checked");
    assert_eq!(report.refused.len(), 1);
    assert_eq!(report.refused[0].line, 4, "the prison number of line 2 given to someone else");
    assert_eq!(audit_rows(&test.app).await, before);
    assert!(found(&test.app, &worker, "").await.is_empty());
}
on_both_backends!(a_list_with_one_bad_line_is_reported_and_writes_nothing);

fn entered_days_ago(app: &App, family: &str, days: i64, number: &str) -> NewEntry {
    let mut entry = entry(app, family, family, "1980-01-01", number);
    entry.episode.entry_date = app.register_today().checked_sub(jiff::Span::new().days(days)).expect("a date in range");
    entry
}

async fn an_entry_puts_the_person_on_the_worklist_awaiting_screening_longest_waiting_first(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let recent = register(&test.app, &worker, "HAS", &entered_days_ago(&test.app, "Recent", 3, "W-1")).await;
    let waiting = register(&test.app, &worker, "HAS", &entered_days_ago(&test.app, "Waiting", 20, "W-2")).await;
    let worklist = test.app.worklist(&worker, Paging::default(), false).await.expect("the worklist");
    assert_eq!(worklist.site, self::site(&worker, "HAS"));
    let listing = worklist.awaiting;
    let lines: Vec<(i64, Option<i64>, bool, &str)> =
        listing.items.iter().map(|l| (l.row.person_id, l.days_waiting, l.overdue, l.row.state.as_str())).collect();
    assert_eq!(lines, vec![(waiting, Some(20), true, "signalled"), (recent, Some(3), false, "signalled")]);
}
on_both_backends!(an_entry_puts_the_person_on_the_worklist_awaiting_screening_longest_waiting_first);

async fn a_worklist_shows_only_the_own_prison_and_is_refused_to_roles_without_the_register(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    register(&test.app, &worker, "HAS", &entered_days_ago(&test.app, "Hasselt", 1, "W-3")).await;
    let other = actor(&test.app, "medical.gen").await;
    assert_eq!(test.app.worklist(&other, Paging::default(), false).await.expect("its worklist").awaiting.total, 0);
    for username in ["prison_staff.has", "director.has", "researcher", "admin"] {
        let outsider = actor(&test.app, username).await;
        let refused = test.app.worklist(&outsider, Paging::default(), false).await;
        assert!(matches!(refused, Err(AppError::Forbidden)), "{username}");
    }
}
on_both_backends!(a_worklist_shows_only_the_own_prison_and_is_refused_to_roles_without_the_register);

async fn the_worklist_page_lists_who_awaits_screening(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    register(&server.app, &worker, "HAS", &entered_days_ago(&server.app, "Vermeulen", 16, "W-4")).await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let response = client.get(server.url("/worklist")).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.expect("page");
    assert!(html.contains("VERMEULEN, Vermeulen") && html.contains("badge danger"), "the overdue person is flagged");
    let staff = server.client_for("prison_staff.has").await.expect("signs in");
    assert_eq!(staff.get(server.url("/worklist")).send().await.expect("request").status(), StatusCode::FORBIDDEN);
    server.stop().await;
}
on_both_backends!(the_worklist_page_lists_who_awaits_screening);
