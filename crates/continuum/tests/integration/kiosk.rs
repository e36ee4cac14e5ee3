//! Self-administration on a tablet: a worker starts a kiosk session for one
//! person's screening, the tablet pairs once with a short-lived code, and
//! its credential answers that one screening only, in the person's
//! language, with the wording of a content pack; it expires, opens no other
//! route, and every step is audited as the worker's, in mode "self".

use continuum_app::audit_trail::AuditFilter;
use continuum_app::content_packs::PackLoad;
use continuum_app::kiosk::{KioskStart, PAIRING_CODE_MINUTES};
use continuum_app::people::{NewEntry, Registration};
use continuum_app::{Actor, App, AppError, Paging};
use continuum_domain::person::{EpisodeDraft, EpisodeFields, PersonDraft, PersonFields};
use continuum_http::routes::{Access, table};
use continuum_store::{PoolSettings, Store};
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use jiff::SignedDuration;
use reqwest::StatusCode;
use reqwest::header::{AUTHORIZATION, COOKIE, LOCATION, SET_COOKIE};

use crate::content_packs::fake_pack;
use crate::on_both_backends;
use crate::support::{access, actor, demo_app};

/// A person entered at Hasselt who speaks `languages` (the first preferred).
pub async fn entered(app: &App, worker: &Actor, family: &str, number: &str, languages: &str) -> i64 {
    let today = app.register_today();
    let person = PersonDraft::parse(
        &PersonFields {
            family_name: family,
            given_names: "Test",
            birth_date: "1990-03-04",
            sex: "male",
            nationality: "BE",
            languages,
            preferred_language: "",
        },
        today,
    )
    .expect("valid");
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
    .expect("valid");
    let site = worker.sites.iter().find(|s| s.code == "HAS").map(|s| s.id).expect("HAS");
    let entry = NewEntry { person, episode, not_a_duplicate: true };
    match app.register_entry(worker, site, &entry).await.expect("registered") {
        Registration::Registered(id) => id,
        Registration::PossibleDuplicates(_) => panic!("held back"),
    }
}

/// Starts a kiosk session and returns (screening, code).
async fn started(app: &App, worker: &Actor, person: i64) -> (i64, String) {
    match app.start_kiosk(worker, person).await.expect("the policy allows") {
        KioskStart::Code { screening_id, code, .. } => (screening_id, code),
        other => panic!("no code: {other:?}"),
    }
}

/// A worker, a French-speaking person at Hasselt and a paired tablet's actor.
async fn paired(app: &App) -> (Actor, i64, i64, Actor) {
    let worker = actor(app, "care_worker.has").await;
    let person = entered(app, &worker, "Dubois", "K-1", "fr").await;
    let (screening, code) = started(app, &worker, person).await;
    let token = app.pair_kiosk(&code, access()).await.expect("pairs");
    let tablet = app.kiosk_actor(&token, access()).await.expect("a kiosk");
    (worker, person, screening, tablet)
}

async fn a_pairing_code_pairs_one_tablet_once(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = entered(&test.app, &worker, "Lambert", "K-2", "fr nl").await;
    let (_, code) = started(&test.app, &worker, person).await;
    assert_eq!(code.len(), 8);
    assert!(code.chars().all(|c| c.is_ascii_digit()));
    let spaced = format!("{} {}", &code[..4], &code[4..]);
    let token = test.app.pair_kiosk(&spaced, access()).await.expect("the code as shown pairs");
    assert!(test.app.kiosk_actor(&token, access()).await.is_ok());
    let again = test.app.pair_kiosk(&code, access()).await;
    assert!(matches!(again, Err(AppError::BadCredentials)), "a used code: {again:?}");
    let wrong = test.app.pair_kiosk("12345678", access()).await;
    assert!(matches!(wrong, Err(AppError::BadCredentials)));
}
on_both_backends!(a_pairing_code_pairs_one_tablet_once);

async fn a_refused_screening_locks_its_tablet_and_says_why(backend: Backend) {
    let test = demo_app(backend).await;
    let (worker, person, screening, _tablet) = paired(&test.app).await;
    test.app.refuse_screening(&worker, person, Some("prefers to talk later")).await.expect("refusal recorded");
    let store = Store::connect(&test.db.url, &PoolSettings::default()).await.expect("connects");
    let mut conn = store.reader().await.expect("reader");
    let reasons: Vec<(Option<String>,)> =
        sqlx::query_as("SELECT end_reason FROM kiosk_sessions WHERE screening_id = $1")
            .bind(screening)
            .fetch_all(&mut *conn)
            .await
            .expect("reads");
    assert_eq!(reasons, [(Some("refused".to_owned()),)], "ended at the refusal, not later when the tablet asks");
}
on_both_backends!(a_refused_screening_locks_its_tablet_and_says_why);

async fn a_pairing_code_expires_and_a_failed_pairing_is_audited(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = entered(&test.app, &worker, "Renard", "K-3", "fr").await;
    let (_, code) = started(&test.app, &worker, person).await;
    test.app.advance_clock(SignedDuration::from_mins(PAIRING_CODE_MINUTES + 1));
    let late = test.app.pair_kiosk(&code, access()).await;
    assert!(matches!(late, Err(AppError::BadCredentials)), "an expired code: {late:?}");
    let admin = actor(&test.app, "admin").await;
    let filter =
        AuditFilter { action: Some("kiosk.pair".into()), outcome: Some("failed".into()), ..AuditFilter::default() };
    let rows = test.app.search_audit(&admin, &filter, Paging::default()).await.expect("audit");
    assert_eq!(rows.items.len(), 1);
    assert_eq!(rows.items[0].entry.reason.as_deref(), Some("bad_pairing_code"));
}
on_both_backends!(a_pairing_code_expires_and_a_failed_pairing_is_audited);

async fn a_tablet_credential_ends_after_the_idle_timeout(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = entered(&test.app, &worker, "Leclercq", "K-4", "fr").await;
    let (_, code) = started(&test.app, &worker, person).await;
    let token = test.app.pair_kiosk(&code, access()).await.expect("pairs");
    test.app.advance_clock(test.app.config().session_idle_timeout + SignedDuration::from_mins(1));
    let idle = test.app.kiosk_actor(&token, access()).await;
    assert!(matches!(idle, Err(AppError::Unauthenticated)), "{idle:?}");
}
on_both_backends!(a_tablet_credential_ends_after_the_idle_timeout);

async fn a_tablet_credential_ends_after_two_hours_however_active(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = entered(&test.app, &worker, "Dupont", "K-5", "fr").await;
    let (_, code) = started(&test.app, &worker, person).await;
    let token = test.app.pair_kiosk(&code, access()).await.expect("pairs");
    for _ in 0..7 {
        test.app.advance_clock(SignedDuration::from_mins(15));
        let tablet = test.app.kiosk_actor(&token, access()).await.expect("still valid while answering");
        let progress = test.app.kiosk_progress(&tablet, None).await.expect("progress");
        let question = progress.question.expect("a question");
        test.app.kiosk_answer(&tablet, &question.key, &question.options[0].code, None).await.expect("answered");
    }
    test.app.advance_clock(SignedDuration::from_mins(16));
    let late = test.app.kiosk_actor(&token, access()).await;
    assert!(matches!(late, Err(AppError::Unauthenticated)), "{late:?}");
}
on_both_backends!(a_tablet_credential_ends_after_two_hours_however_active);

async fn a_new_code_ends_the_tablet_paired_before_and_the_screening_resumes(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = entered(&test.app, &worker, "Benali", "K-6", "fr").await;
    let (screening, code) = started(&test.app, &worker, person).await;
    let first = test.app.pair_kiosk(&code, access()).await.expect("pairs");
    let tablet = test.app.kiosk_actor(&first, access()).await.expect("kiosk");
    for _ in 0..3 {
        let question = test.app.kiosk_progress(&tablet, None).await.expect("progress").question.expect("question");
        test.app.kiosk_answer(&tablet, &question.key, "yes", None).await.expect("answered");
    }
    let (same, code) = started(&test.app, &worker, person).await;
    assert_eq!(same, screening, "the screening in progress is resumed");
    assert!(matches!(test.app.kiosk_actor(&first, access()).await, Err(AppError::Unauthenticated)));
    let second = test.app.pair_kiosk(&code, access()).await.expect("pairs");
    let tablet = test.app.kiosk_actor(&second, access()).await.expect("kiosk");
    let progress = test.app.kiosk_progress(&tablet, None).await.expect("progress");
    assert_eq!(progress.answered, 3, "no answer lost");
    assert_eq!(progress.question.map(|q| q.key).as_deref(), Some("cocaine.q1"));
}
on_both_backends!(a_new_code_ends_the_tablet_paired_before_and_the_screening_resumes);

async fn self_administration_needs_a_pack_in_the_persons_language(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = entered(&test.app, &worker, "El Amrani", "K-7", "ar fr").await;
    let started = test.app.start_kiosk(&worker, person).await.expect("the policy allows");
    assert_eq!(started, KioskStart::NoContentPack { language: "ar".into() });
    assert!(test.app.person_screenings(&worker, person).await.expect("list").is_empty(), "nothing started");
    let interview = test.app.start_screening(&worker, person).await.expect("interview mode works");
    let progress = test.app.screening_progress(&worker, interview, None).await.expect("progress");
    let label = progress.question.map(|q| q.question);
    assert_eq!(label.as_deref(), Some("Ooit gebruikt"), "our labels, in the worker's language");
}
on_both_backends!(self_administration_needs_a_pack_in_the_persons_language);

async fn an_interview_with_answers_stays_an_interview_and_an_untouched_one_goes_to_the_tablet(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let untouched = entered(&test.app, &worker, "Nowak", "K-8", "fr").await;
    let interview = test.app.start_screening(&worker, untouched).await.expect("started");
    let (screening, _) = started(&test.app, &worker, untouched).await;
    assert_eq!(screening, interview);
    let stored = test.app.person_screenings(&worker, untouched).await.expect("list");
    assert_eq!((stored[0].mode.as_str(), stored[0].language.as_str()), ("self", "fr"));
    assert_eq!(stored[0].content_pack_id, test.app.uniform_pack("fr").await.expect("read").map(|p| p.id));

    let answered = entered(&test.app, &worker, "Popescu", "K-10", "fr").await;
    let interview = test.app.start_screening(&worker, answered).await.expect("started");
    let question = test.app.screening_progress(&worker, interview, None).await.expect("progress").question;
    let key = question.expect("a question").key;
    test.app.answer_screening(&worker, interview, &key, "no", None).await.expect("answered");
    let refused = test.app.start_kiosk(&worker, answered).await.expect("the policy allows");
    assert_eq!(refused, KioskStart::InterviewUnderway { screening_id: interview });
    let stored = test.app.person_screenings(&worker, answered).await.expect("list");
    assert_eq!((stored[0].mode.as_str(), stored[0].content_pack_id), ("interview", None));
}
on_both_backends!(an_interview_with_answers_stays_an_interview_and_an_untouched_one_goes_to_the_tablet);

async fn the_tablet_shows_the_wording_of_the_pack_the_screening_started_with(backend: Backend) {
    let test = demo_app(backend).await;
    let admin = actor(&test.app, "admin").await;
    let loaded = test.app.load_content_pack_file(&admin, &fake_pack("assist", "3.1", "fr")).await.expect("allowed");
    let PackLoad::Loaded { pack, .. } = loaded else { panic!("refused") };
    let (_, _, screening, tablet) = paired(&test.app).await;
    let replaced = test
        .app
        .load_content_pack_file(&admin, &fake_pack("assist", "3.1", "fr").replace("Test wording", "Other test wording"))
        .await;
    assert!(matches!(replaced, Ok(PackLoad::Loaded { .. })));
    let progress = test.app.kiosk_progress(&tablet, None).await.expect("progress");
    assert_eq!(progress.screening.id, screening);
    assert_eq!(progress.screening.content_pack_id, Some(pack.id), "the pack it started with");
    let question = progress.question.expect("a question");
    assert_eq!(question.question, "Test wording for item tobacco.q1");
    assert_eq!(question.group, "Tabac", "our group label, in the person's language");
    let options: Vec<&str> = question.options.iter().map(|o| o.label.as_str()).collect();
    assert_eq!(options, ["Test wording for option q1.no", "Test wording for option q1.yes"]);
}
on_both_backends!(the_tablet_shows_the_wording_of_the_pack_the_screening_started_with);

async fn a_tablet_answers_its_own_screening_and_nothing_else(backend: Backend) {
    let test = demo_app(backend).await;
    let (worker, person, screening, tablet) = paired(&test.app).await;
    let other_person = entered(&test.app, &worker, "Claes", "K-11", "nl").await;
    let other = test.app.start_screening(&worker, other_person).await.expect("started");
    let refusals = [
        ("progress of another screening", test.app.screening_progress(&tablet, other, None).await.err()),
        (
            "answer to another screening",
            test.app.answer_screening(&tablet, other, "tobacco.q1", "no", None).await.err(),
        ),
        ("result of its own screening", test.app.screening_result(&tablet, screening).await.err()),
        ("the person's record", test.app.get_person(&tablet, person).await.err()),
        ("the person's screenings", test.app.person_screenings(&tablet, person).await.err()),
        ("a new screening", test.app.start_screening(&tablet, other_person).await.err()),
        ("a kiosk for someone else", test.app.start_kiosk(&tablet, other_person).await.err()),
    ];
    for (what, error) in refusals {
        assert!(matches!(error, Some(AppError::Forbidden)), "{what}: {error:?}");
    }
    let worklist = test.app.worklist(&tablet, Paging::default(), false).await;
    assert!(matches!(worklist, Err(AppError::Forbidden)), "the worklist");
    let admin = actor(&test.app, "admin").await;
    let filter = AuditFilter {
        outcome: Some("denied".into()),
        username: Some("care_worker.has".into()),
        ..AuditFilter::default()
    };
    let denials = test.app.search_audit(&admin, &filter, Paging::default()).await.expect("audit");
    assert!(denials.items.iter().all(|r| r.entry.reason.as_deref() == Some("kiosk_bound_to_one_screening")));
    assert!(denials.items.len() >= 8, "each refusal audited: {}", denials.items.len());
}
on_both_backends!(a_tablet_answers_its_own_screening_and_nothing_else);

async fn the_steps_on_the_tablet_are_audited_as_the_worker_in_mode_self(backend: Backend) {
    let test = demo_app(backend).await;
    let (_, person, screening, tablet) = paired(&test.app).await;
    let question = test.app.kiosk_progress(&tablet, None).await.expect("progress").question.expect("question");
    test.app.kiosk_answer(&tablet, &question.key, "yes", None).await.expect("answered");
    let admin = actor(&test.app, "admin").await;
    let filter = AuditFilter { person_id: Some(person), ..AuditFilter::default() };
    let rows = test.app.search_audit(&admin, &filter, Paging::default()).await.expect("audit");
    let events: Vec<(&str, Option<&str>, Option<&str>)> = rows
        .items
        .iter()
        .rev()
        .map(|r| (r.entry.action.as_str(), r.entry.username.as_deref(), r.entry.reason.as_deref()))
        .filter(|(action, _, _)| action.starts_with("kiosk.") || action.starts_with("screening."))
        .collect();
    assert_eq!(
        events,
        [
            ("kiosk.start", Some("care_worker.has"), None),
            ("kiosk.pair", Some("care_worker.has"), Some("mode=self")),
            ("screening.read", Some("care_worker.has"), Some("mode=self")),
            ("screening.answer", Some("care_worker.has"), Some("mode=self")),
        ]
    );
    let answer = rows.items.iter().find(|r| r.entry.action == "screening.answer").expect("answer row");
    assert_eq!(answer.entry.resource_id.as_deref(), Some(screening.to_string().as_str()));
}
on_both_backends!(the_steps_on_the_tablet_are_audited_as_the_worker_in_mode_self);

/// The kiosk cookie of a tablet paired through the locked screen.
async fn pair_through_the_page(server: &TestServer, code: &str) -> String {
    let client = TestServer::anonymous_client().expect("client");
    let paired = client.post(server.url("/kiosk/pair")).form(&[("code", code)]).send().await.expect("request");
    assert_eq!(paired.status(), StatusCode::SEE_OTHER);
    assert_eq!(paired.headers()[LOCATION], "/kiosk/question");
    let cookie = paired.headers()[SET_COOKIE].to_str().expect("cookie").to_owned();
    assert!(cookie.contains("Path=/kiosk") && cookie.contains("HttpOnly"), "{cookie}");
    let value = cookie.split(';').next().expect("name=value");
    value.strip_prefix("continuum_kiosk=").expect("the kiosk cookie").to_owned()
}

/// A route's path with its parameters filled in.
fn concrete(path: &str, person: i64, screening: i64) -> String {
    let mut out = String::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        let end = rest[start..].find('}').map_or(rest.len(), |e| start + e + 1);
        out.push_str(&rest[..start]);
        out.push_str(
            &if path.starts_with("/screenings/") {
                screening
            } else if path.contains("people") {
                person
            } else {
                1
            }
            .to_string(),
        );
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

async fn the_tablet_credential_opens_no_other_route(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = entered(&server.app, &worker, "Janssens", "K-12", "fr").await;
    let other_person = entered(&server.app, &worker, "Wouters", "K-13", "nl").await;
    let other = server.app.start_screening(&worker, other_person).await.expect("started");
    let (screening, code) = started(&server.app, &worker, person).await;
    let token = pair_through_the_page(&server, &code).await;
    let client = TestServer::anonymous_client().expect("client");
    let mut tried = 0;
    for (person, screening) in [(person, screening), (other_person, other)] {
        for route in table().into_iter().filter(|r| r.access != Access::Public && r.access != Access::Kiosk) {
            let url = server.url(&concrete(route.path, person, screening));
            let request = match route.method {
                "GET" => client.get(&url),
                "PUT" => client.put(&url).json(&serde_json::json!({})),
                _ => client.post(&url).form(&[("csrf", "x")]),
            };
            let cookies = format!("continuum_kiosk={token}; continuum_session={token}");
            for request in [
                request.try_clone().expect("clone").header(COOKIE, &cookies),
                request.header(AUTHORIZATION, format!("Bearer {token}")),
            ] {
                let response = request.send().await.expect("request");
                let status = response.status();
                let location = response.headers().get(LOCATION).and_then(|v| v.to_str().ok()).unwrap_or_default();
                let refused =
                    status == StatusCode::UNAUTHORIZED || (status.is_redirection() && location.starts_with("/sign-in"));
                assert!(refused, "{} {url} with the tablet's credential: {status} {location}", route.method);
                tried += 1;
            }
        }
    }
    assert!(tried > 100, "routes tried: {tried}");
    let kiosk = |path: &str| client.get(server.url(path)).header(COOKIE, format!("continuum_kiosk={token}"));
    let page = kiosk(&format!("/kiosk/question?screening={other}")).send().await.expect("request");
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("page");
    let csrf = continuum_testkit::server::csrf_in(&html).expect("a form");
    assert!(html.contains("value=\"tobacco.q1\""), "its own screening's first item");
    assert!(!html.contains("Janssens") && !html.contains("Wouters"), "no names on the tablet");
    let answered = client
        .post(server.url("/kiosk/answer"))
        .header(COOKIE, format!("continuum_kiosk={token}"))
        .form(&[("csrf", csrf.as_str()), ("item", "tobacco.q1"), ("option", "no"), ("screening", &other.to_string())])
        .send()
        .await
        .expect("request");
    assert_eq!(answered.status(), StatusCode::SEE_OTHER);
    let own = server.app.screening_progress(&worker, screening, None).await.expect("progress");
    let theirs = server.app.screening_progress(&worker, other, None).await.expect("progress");
    assert_eq!((own.answered, theirs.answered), (1, 0), "the answer went to the tablet's screening only");
    server.stop().await;
}
on_both_backends!(the_tablet_credential_opens_no_other_route);

async fn a_tablet_without_credential_is_on_the_locked_screen(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let client = TestServer::anonymous_client().expect("client");
    for (method, path) in [("GET", "/kiosk/question"), ("POST", "/kiosk/answer"), ("POST", "/kiosk/finish")] {
        let request = if method == "GET" { client.get(server.url(path)) } else { client.post(server.url(path)) };
        let response = request.header(COOKIE, "continuum_kiosk=forged").send().await.expect("request");
        assert!(response.status().is_redirection(), "{method} {path}: {}", response.status());
        assert_eq!(response.headers()[LOCATION], "/kiosk", "{method} {path}");
    }
    let locked = client.get(server.url("/kiosk?lang=fr")).send().await.expect("request");
    assert_eq!(locked.status(), StatusCode::OK);
    let html = locked.text().await.expect("page");
    assert!(
        html.contains("<html lang=\"fr\">") && html.contains("name=\"code\"") && html.contains("href=\"/sign-in\"")
    );
    let wrong = client.post(server.url("/kiosk/pair")).form(&[("code", "0000 0000"), ("lang", "nl")]).send().await;
    let wrong = wrong.expect("request");
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    assert!(wrong.text().await.expect("page").contains("Deze code is niet geldig"));
    server.stop().await;
}
on_both_backends!(a_tablet_without_credential_is_on_the_locked_screen);

async fn starting_a_tablet_follows_the_policy_for_each_role(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = entered(&server.app, &worker, "Goossens", "K-14", "nl").await;
    let path = format!("/people/{person}/kiosk");
    for (username, allowed) in [
        ("care_worker.has", true),
        ("medical.has", true),
        ("care_worker.gen", false),
        ("medical.lan", false),
        ("psychosocial.has", false),
        ("prison_staff.has", false),
        ("director.has", false),
        ("coordinator.nl", false),
        ("steering_member.central", false),
        ("researcher", false),
        ("admin", false),
    ] {
        let client = server.client_for(username).await.expect("signs in");
        let csrf = server.csrf_token(&client).await.expect("token");
        let response = client.post(server.url(&path)).form(&[("csrf", csrf.as_str())]).send().await.expect("request");
        let status = response.status();
        if allowed {
            assert_eq!(status, StatusCode::OK, "{username}");
            assert!(response.text().await.expect("page").contains("id=\"pairing-code\""), "{username}: a code");
        } else {
            assert!(status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND, "{username}: {status}");
        }
    }
    server.stop().await;
}
on_both_backends!(starting_a_tablet_follows_the_policy_for_each_role);
