//! Signals: a prison officer signals without learning anything from the
//! register, sees only their own signals and whether they were received;
//! the care team of the prison matches, acknowledges and takes them up.

use continuum_app::people::{NewEntry, Registration};
use continuum_app::signals::{SignalFilter, SignalMatch};
use continuum_app::{Actor, App, AppError, Paging};
use continuum_domain::ids::SiteId;
use continuum_domain::person::{EpisodeDraft, EpisodeFields, PersonDraft, PersonFields};
use continuum_domain::policy::{Action, Target, decide};
use continuum_domain::signal::{SignalDraft, SignalFields};
use continuum_domain::validation::Problem;
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::support::{actor, audit_rows, demo_app, raw_sql};

fn has(actor: &Actor) -> SiteId {
    actor.sites.iter().find(|s| s.code == "HAS").map(|s| s.id).expect("HAS")
}

/// Registers someone at HAS; answers their id.
async fn entered(app: &App, worker: &Actor, family: &str, number: &str) -> i64 {
    let today = app.register_today();
    let person = PersonDraft::parse(
        &PersonFields {
            family_name: family,
            given_names: "Registered",
            birth_date: "1979-03-03",
            sex: "male",
            nationality: "BE",
            languages: "nl",
            preferred_language: "",
        },
        today,
    )
    .expect("valid");
    let episode = EpisodeDraft::parse(
        &EpisodeFields {
            prison_number: number,
            entry_date: "2026-10-01",
            legal_status: "remand",
            expected_release: "",
        },
        Some(person.birth_date),
        today,
    )
    .expect("valid");
    let entry = NewEntry { person, episode, not_a_duplicate: true };
    match app.register_entry(worker, has(worker), &entry).await.expect("registered") {
        Registration::Registered(id) => id,
        Registration::PossibleDuplicates(_) => panic!("held back"),
    }
}

fn draft(number: &str, reason: &str) -> SignalDraft {
    SignalDraft::parse(&SignalFields { prison_number: number, name: "As Typed", reason, on_behalf_of_person: false })
        .expect("a valid signal")
}

async fn pending(app: &App, worker: &Actor) -> Vec<continuum_app::signals::Signal> {
    let (_, listing) =
        app.site_signals(worker, None, SignalFilter::Pending, Paging::default()).await.expect("the site's signals");
    listing.items
}

async fn awaiting(app: &App, worker: &Actor) -> Vec<i64> {
    let worklist = app.worklist(worker, Paging::default(), false).await.expect("the worklist");
    worklist.awaiting.items.iter().map(|l| l.row.person_id).collect()
}

/// The fields of an answer that do not depend on what was sent or when.
fn shape(mut value: Value) -> Value {
    for key in ["id", "prison_number", "signalled_at"] {
        value[key] = Value::Null;
    }
    value
}

async fn an_officer_gets_the_same_answer_for_a_known_and_an_unknown_prison_number(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    entered(&server.app, &worker, "Known", "K-1").await;
    let officer = server.client_for("prison_staff.has").await.expect("signs in");
    let mut answers = Vec::new();
    for number in ["K-1", "K-999"] {
        let body = json!({"prison_number": number, "name": "Known", "reason": "Seems unwell"});
        let response = officer.post(server.url("/api/v1/signals")).json(&body).send().await.expect("request");
        assert_eq!(response.status(), StatusCode::CREATED, "{number}");
        let location = response.headers()["location"].to_str().expect("location").to_owned();
        answers.push((location, shape(response.json().await.expect("JSON"))));
    }
    assert_eq!(answers[0], answers[1], "nothing tells a known number from an unknown one");
    assert_eq!(answers[0].1["received"], false);
    let csrf = server.csrf_token(&officer).await.expect("token");
    let mut redirects = Vec::new();
    for number in ["K-1", "K-998"] {
        let form = [("csrf", csrf.as_str()), ("site", "HAS"), ("prison_number", number), ("reason", "Asked for help")];
        let response = officer.post(server.url("/signals/new")).form(&form).send().await.expect("request");
        redirects.push((response.status(), response.headers()["location"].to_str().expect("location").to_owned()));
    }
    assert_eq!(redirects[0], (StatusCode::SEE_OTHER, "/signals?sent=1".to_owned()));
    assert_eq!(redirects[0], redirects[1]);
    server.stop().await;
}
on_both_backends!(an_officer_gets_the_same_answer_for_a_known_and_an_unknown_prison_number);

async fn an_officer_sees_only_their_own_signals_and_nothing_from_the_register(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = entered(&server.app, &worker, "Registered", "K-2").await;
    let officer = actor(&server.app, "prison_staff.has").await;
    let sent = server.app.create_signal(&officer, has(&officer), &draft("K-2", "Withdrawn")).await.expect("sent");
    server.app.link_signal(&worker, sent.id, &SignalMatch::Person(person)).await.expect("matched");
    let client = server.client_for("prison_staff.has").await.expect("signs in");
    let mine: Value =
        client.get(server.url("/api/v1/signals/mine")).send().await.expect("request").json().await.expect("JSON");
    assert_eq!(mine["total"], 1);
    let line = mine["items"][0].as_object().expect("a signal");
    let mut keys: Vec<&str> = line.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        ["id", "name", "prison_number", "reason", "received", "received_at", "signalled_at", "site", "source"],
        "no person, no match, no pathway"
    );
    assert_eq!(line["name"], "As Typed");
    let page = client.get(server.url("/signals")).send().await.expect("request").text().await.expect("page");
    assert!(page.contains("K-2") && page.contains("As Typed") && !page.contains("REGISTERED"), "typed, not registered");
    let other = server.client_for("prison_staff.gen").await.expect("signs in");
    let theirs: Value =
        other.get(server.url("/api/v1/signals/mine")).send().await.expect("request").json().await.expect("JSON");
    assert_eq!(theirs["total"], 0, "an officer of another prison sees none of them");
    let site_list = client.get(server.url("/api/v1/signals")).send().await.expect("request");
    assert_eq!(site_list.status(), StatusCode::FORBIDDEN, "the prison's list is the care team's");
    server.stop().await;
}
on_both_backends!(an_officer_sees_only_their_own_signals_and_nothing_from_the_register);

async fn the_care_team_matches_and_acknowledges_a_signal_and_the_officer_sees_it_received(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = entered(&test.app, &worker, "Matched", "K-3").await;
    let officer = actor(&test.app, "prison_staff.has").await;
    let sent = test.app.create_signal(&officer, has(&officer), &draft("k-3", "Asked about the drug service")).await;
    let sent = sent.expect("sent");
    let listed = pending(&test.app, &worker).await;
    assert_eq!(
        listed.iter().map(|s| (s.id, s.person_id, s.match_id)).collect::<Vec<_>>(),
        vec![(sent.id, None, Some(person))]
    );
    let unknown = test.app.link_signal(&worker, sent.id, &SignalMatch::PrisonNumber("K-404".into())).await;
    assert!(
        matches!(unknown, Err(AppError::Invalid(ref i)) if i.for_field("prison_number") == Some(&Problem::NotAtSite))
    );
    assert_eq!(
        test.app.link_signal(&worker, sent.id, &SignalMatch::PrisonNumber("K-3".into())).await.expect("matched"),
        person
    );
    test.app.acknowledge_signal(&worker, sent.id).await.expect("received");
    assert!(matches!(test.app.acknowledge_signal(&worker, sent.id).await, Err(AppError::Conflict(_))));
    assert!(pending(&test.app, &worker).await.is_empty());
    let mine = test.app.my_signals(&officer, Paging::default()).await.expect("own signals");
    assert!(mine.items[0].received_at.is_some());
    let record = test.app.get_person(&worker, person).await.expect("readable");
    let sources: Vec<&str> = record.signals.iter().map(|s| s.source.as_str()).collect();
    assert_eq!(sources, vec!["prison_staff", "entry"]);
}
on_both_backends!(the_care_team_matches_and_acknowledges_a_signal_and_the_officer_sees_it_received);

async fn the_entry_is_a_signal_of_source_entry_received_at_once_and_not_listed_as_incoming(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "medical.has").await;
    let person = entered(&test.app, &worker, "Entered", "K-4").await;
    let record = test.app.get_person(&worker, person).await.expect("readable");
    assert_eq!(record.signals.len(), 1);
    let entry = &record.signals[0];
    assert_eq!((entry.source.as_str(), entry.person_id, entry.prison_number.as_str()), ("entry", Some(person), "K-4"));
    assert!(entry.received_at.is_some());
    assert!(pending(&test.app, &worker).await.is_empty());
    assert!(test.app.my_signals(&worker, Paging::default()).await.expect("own signals").items.is_empty());
}
on_both_backends!(the_entry_is_a_signal_of_source_entry_received_at_once_and_not_listed_as_incoming);

/// Answers every screening item with its first option (no use at all).
async fn screen_negative(app: &App, worker: &Actor, person: i64) {
    let id = app.start_screening(worker, person).await.expect("started");
    while let Some(question) = app.screening_progress(worker, id, None).await.expect("progress").question {
        let first = question.options.first().expect("options").code.clone();
        app.answer_screening(worker, id, &question.key, &first, None).await.expect("answered");
    }
    assert!(!app.complete_screening(worker, id).await.expect("completed").positive);
}

async fn a_signal_for_a_person_whose_pathway_is_closed_reopens_it(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = entered(&test.app, &worker, "Reopened", "K-5").await;
    screen_negative(&test.app, &worker, person).await;
    assert!(!awaiting(&test.app, &worker).await.contains(&person), "a negative screening closed the pathway");
    let officer = actor(&test.app, "prison_staff.has").await;
    let sent = test.app.create_signal(&officer, has(&officer), &draft("K-5", "Asks for help now")).await.expect("sent");
    assert!(!awaiting(&test.app, &worker).await.contains(&person), "an unmatched signal changes no pathway");
    test.app.link_signal(&worker, sent.id, &SignalMatch::Person(person)).await.expect("matched");
    assert!(awaiting(&test.app, &worker).await.contains(&person), "reopened at signalled");
}
on_both_backends!(a_signal_for_a_person_whose_pathway_is_closed_reopens_it);

async fn a_reopened_pathway_waits_from_the_signal_not_from_the_entry_weeks_ago(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = entered(&test.app, &worker, "Waiting", "K-6").await;
    let line = |worklist: continuum_app::pathways::Worklist| {
        worklist.awaiting.items.into_iter().find(|l| l.row.person_id == person).map(|l| (l.days_waiting, l.overdue))
    };
    let before = test.app.worklist(&worker, Paging::default(), false).await.expect("the worklist");
    assert!(matches!(line(before), Some((Some(days), true)) if days > 14), "entered 2026-10-01, overdue");
    screen_negative(&test.app, &worker, person).await;
    test.app.signal_person(&worker, person, "Asks for help again", true).await.expect("signalled");
    let after = test.app.worklist(&worker, Paging::default(), true).await.expect("the overdue worklist");
    assert_eq!(line(after), None, "not overdue once reopened");
    let after = test.app.worklist(&worker, Paging::default(), false).await.expect("the worklist");
    assert_eq!(line(after), Some((Some(0), false)), "waiting since today");
}
on_both_backends!(a_reopened_pathway_waits_from_the_signal_not_from_the_entry_weeks_ago);

async fn a_signal_from_the_care_team_for_a_person_without_a_pathway_opens_one(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = entered(&test.app, &worker, "Pathless", "K-6").await;
    let sql = format!(
        "DELETE FROM pathway_transitions WHERE pathway_id IN (SELECT id FROM pathways WHERE person_id = {person}); \
         DELETE FROM pathways WHERE person_id = {person};"
    );
    raw_sql(&test.db, &sql).await.expect("a person registered before pathways existed");
    assert!(!awaiting(&test.app, &worker).await.contains(&person));
    let medical = actor(&test.app, "medical.has").await;
    let sent = test.app.signal_person(&medical, person, "Asks the nurse for support", true).await.expect("signalled");
    assert_eq!(sent.source, "person", "recorded on the person's own request");
    assert!(awaiting(&test.app, &worker).await.contains(&person), "a pathway opened by the signal");
    let listed = pending(&test.app, &worker).await;
    assert_eq!(listed.iter().map(|s| s.person_id).collect::<Vec<_>>(), vec![Some(person)]);
}
on_both_backends!(a_signal_from_the_care_team_for_a_person_without_a_pathway_opens_one);

async fn another_prisons_signal_is_not_found_and_an_officer_may_not_act_on_one(backend: Backend) {
    let test = demo_app(backend).await;
    let officer = actor(&test.app, "prison_staff.has").await;
    let sent = test.app.create_signal(&officer, has(&officer), &draft("K-7", "Needs someone")).await.expect("sent");
    let before = audit_rows(&test.app).await;
    for username in ["care_worker.gen", "medical.lan"] {
        let other = actor(&test.app, username).await;
        assert!(matches!(test.app.acknowledge_signal(&other, sent.id).await, Err(AppError::NotFound)), "{username}");
        let link = test.app.link_signal(&other, sent.id, &SignalMatch::PrisonNumber("K-7".into())).await;
        assert!(matches!(link, Err(AppError::NotFound)), "{username}");
        assert!(pending(&test.app, &other).await.is_empty(), "{username} lists no HAS signal");
    }
    for username in ["prison_staff.has", "director.has", "psychosocial.has"] {
        let outsider = actor(&test.app, username).await;
        for id in [sent.id, sent.id + 1000] {
            let refused = test.app.acknowledge_signal(&outsider, id).await;
            assert!(matches!(refused, Err(AppError::Forbidden)), "{username}: {refused:?}");
        }
    }
    let worker = actor(&test.app, "care_worker.has").await;
    assert_eq!(pending(&test.app, &worker).await[0].received_at, None, "nothing was acknowledged");
    assert!(audit_rows(&test.app).await > before, "the refusals are audited");
    let director = actor(&test.app, "director.has").await;
    let refused = test.app.create_signal(&director, has(&director), &draft("K-7", "x")).await;
    assert!(matches!(refused, Err(AppError::Forbidden)), "a director does not signal");
}
on_both_backends!(another_prisons_signal_is_not_found_and_an_officer_may_not_act_on_one);

async fn each_role_reaches_the_signal_pages_and_api_only_where_the_policy_allows(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = entered(&server.app, &worker, "Pages", "K-8").await;
    let site = has(&worker);
    let accounts = [
        "care_worker.has",
        "care_worker.gen",
        "medical.has",
        "psychosocial.has",
        "prison_staff.has",
        "prison_staff.gen",
        "director.has",
        "coordinator.nl",
        "researcher",
        "admin",
    ];
    for username in accounts {
        let client_actor = actor(&server.app, username).await;
        let client = server.client_for(username).await.expect("signs in");
        let own_site = client_actor.sites.first().map(|s| s.id).unwrap_or(site);
        let paths = [
            ("/signals".to_owned(), Action::SignalPerson, own_site),
            ("/signals/new".to_owned(), Action::SignalPerson, own_site),
            ("/api/v1/signals/mine".to_owned(), Action::SignalPerson, own_site),
            ("/signals/incoming".to_owned(), Action::ViewRegister, own_site),
            ("/api/v1/signals".to_owned(), Action::ViewRegister, own_site),
            (format!("/people/{person}/signal"), Action::SignalPerson, site),
        ];
        for (path, action, at) in paths {
            let status = client.get(server.url(&path)).send().await.expect("request").status();
            let allowed = decide(&client_actor.grants, action, Target::site(at)).is_allowed()
                && (!path.starts_with("/people/")
                    || decide(&client_actor.grants, Action::ViewRegister, Target::site(at)).is_allowed());
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
on_both_backends!(each_role_reaches_the_signal_pages_and_api_only_where_the_policy_allows);

async fn the_worklist_shows_incoming_signals_and_marking_one_received_clears_it(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = entered(&server.app, &worker, "Worklisted", "K-9").await;
    let officer = actor(&server.app, "prison_staff.has").await;
    let sent = server.app.create_signal(&officer, has(&officer), &draft("K-9", "Cannot sleep, asks for help")).await;
    let sent = sent.expect("sent");
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let csrf = server.csrf_token(&client).await.expect("token");
    let html = client.get(server.url("/worklist")).send().await.expect("request").text().await.expect("page");
    assert!(html.contains("Cannot sleep, asks for help") && html.contains("WORKLISTED, Registered"), "suggested match");
    let link = [("csrf", csrf.as_str()), ("person_id", &person.to_string()), ("back", "/worklist")];
    let response =
        client.post(server.url(&format!("/signals/{}/link", sent.id))).form(&link).send().await.expect("request");
    assert_eq!(response.headers()["location"], "/worklist");
    let ack = [("csrf", csrf.as_str()), ("back", "/worklist")];
    let response =
        client.post(server.url(&format!("/signals/{}/acknowledge", sent.id))).form(&ack).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let html = client.get(server.url("/worklist")).send().await.expect("request").text().await.expect("page");
    assert!(!html.contains("Cannot sleep, asks for help"), "no longer waiting");
    let officer_client = server.client_for("prison_staff.has").await.expect("signs in");
    let mine = officer_client.get(server.url("/signals")).send().await.expect("request").text().await.expect("page");
    assert!(mine.contains("badge success"), "shown as received");
    server.stop().await;
}
on_both_backends!(the_worklist_shows_incoming_signals_and_marking_one_received_clears_it);

async fn a_bad_signal_is_named_field_by_field_in_the_callers_language(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let officer = server.client_for("prison_staff.lan").await.expect("signs in");
    let response = officer.post(server.url("/api/v1/signals")).json(&json!({"prison_number": "L 1"})).send().await;
    let response = response.expect("request");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = response.json().await.expect("JSON");
    let fields: Vec<(&str, &str)> = problem["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|e| (e["field"].as_str().unwrap_or_default(), e["message"].as_str().unwrap_or_default()))
        .collect();
    assert_eq!(
        fields,
        vec![("prison_number", "Le format n'est pas valide."), ("reason", "Ce champ est obligatoire.")],
        "in French, the officer's language"
    );
    let csrf = server.csrf_token(&officer).await.expect("token");
    let form = [("csrf", csrf.as_str()), ("site", "LAN"), ("prison_number", "L-1"), ("name", "Dupont"), ("reason", "")];
    let response = officer.post(server.url("/signals/new")).form(&form).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.expect("page");
    assert!(html.contains("reason-error") && html.contains("value=\"Dupont\""), "named, and shown again");
    server.stop().await;
}
on_both_backends!(a_bad_signal_is_named_field_by_field_in_the_callers_language);

async fn the_demo_seeds_signals_from_the_officer_some_received_some_waiting(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    for (family, number) in [("Eerste", "D-1"), ("Tweede", "D-2"), ("Derde", "D-3")] {
        entered(&test.app, &worker, family, number).await;
    }
    continuum_app::demo::seed_signals(&test.app).await.expect("the demo's signals");
    let officer = actor(&test.app, "prison_staff.has").await;
    let mine = test.app.my_signals(&officer, Paging::default()).await.expect("own signals");
    let received: Vec<bool> = mine.items.iter().map(|s| s.received_at.is_some()).collect();
    assert_eq!(received, vec![false, true, true], "newest first: the unknown number waits");
    let waiting: Vec<String> = pending(&test.app, &worker).await.into_iter().map(|s| s.source).collect();
    assert_eq!(waiting, vec!["prison_staff", "medical_service"]);
}
on_both_backends!(the_demo_seeds_signals_from_the_officer_some_received_some_waiting);
