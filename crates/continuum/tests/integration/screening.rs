//! The uniform screening in interview mode: administered item by item,
//! scored, recorded on the pathway, and shown to clinical roles only.

use continuum_app::people::{NewEntry, Registration};
use continuum_app::{Actor, App, AppError, Paging};
use continuum_domain::person::{EpisodeDraft, EpisodeFields, PersonDraft, PersonFields};
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;

use crate::on_both_backends;
use crate::support::{actor, demo_app};

pub(crate) async fn entered(app: &App, worker: &Actor, family: &str, number: &str) -> i64 {
    let today = app.register_today();
    let person = PersonDraft::parse(
        &PersonFields {
            family_name: family,
            given_names: family,
            birth_date: "1985-05-05",
            sex: "male",
            nationality: "BE",
            languages: "fr",
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

/// Answers every item asked: the heaviest option for `heavy` substance
/// items, the first option (no, never) for every other.
pub(crate) async fn answer_all(app: &App, worker: &Actor, id: i64, heavy: &str) {
    for _ in 0..200 {
        let progress = app.screening_progress(worker, id, None).await.expect("progress");
        let Some(question) = progress.question else {
            return;
        };
        let option = if question.key.starts_with(&format!("{heavy}.")) {
            question.options.last()
        } else {
            question.options.first()
        };
        let option = option.expect("options").code.clone();
        app.answer_screening(worker, id, &question.key, &option, None).await.expect("answer saved");
    }
    panic!("the screening never ended");
}

async fn a_positive_screening_is_scored_and_proposes_an_intake(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = entered(&test.app, &worker, "Alcohol", "S-1").await;
    let id = test.app.start_screening(&worker, person).await.expect("started");
    assert_eq!(test.app.start_screening(&worker, person).await.expect("resumed"), id, "an open screening resumes");
    answer_all(&test.app, &worker, id, "alcohol").await;
    let result = test.app.complete_screening(&worker, id).await.expect("completed");
    assert!(result.positive && result.complete);
    let alcohol = result.group("alcohol").expect("alcohol scored");
    assert_eq!(alcohol.level.as_ref().map(|l| l.code.as_str()), Some("high"));
    let (_, worklist) = test.app.awaiting_screening(&worker, Paging::default()).await.expect("worklist");
    assert!(worklist.items.iter().all(|l| l.row.person_id != person), "screened people leave the worklist");
    assert!(matches!(test.app.complete_screening(&worker, id).await, Err(AppError::Conflict(_))));
}
on_both_backends!(a_positive_screening_is_scored_and_proposes_an_intake);

async fn a_negative_screening_closes_the_pathway(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "medical.has").await;
    let person = entered(&test.app, &worker, "Sober", "S-2").await;
    let id = test.app.start_screening(&worker, person).await.expect("started");
    answer_all(&test.app, &worker, id, "none").await;
    let result = test.app.complete_screening(&worker, id).await.expect("completed");
    assert!(!result.positive);
    let (_, worklist) = test.app.awaiting_screening(&worker, Paging::default()).await.expect("worklist");
    assert!(worklist.items.iter().all(|l| l.row.person_id != person));
}
on_both_backends!(a_negative_screening_closes_the_pathway);

async fn an_answer_outside_the_options_is_refused_and_an_unfinished_screening_cannot_complete(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = entered(&test.app, &worker, "Partial", "S-3").await;
    let id = test.app.start_screening(&worker, person).await.expect("started");
    let question =
        test.app.screening_progress(&worker, id, None).await.expect("progress").question.expect("a question");
    let refused = test.app.answer_screening(&worker, id, &question.key, "sometimes", None).await;
    assert!(matches!(refused, Err(AppError::Invalid(_))), "{refused:?}");
    assert!(matches!(test.app.complete_screening(&worker, id).await, Err(AppError::Conflict(_))));
}
on_both_backends!(an_answer_outside_the_options_is_refused_and_an_unfinished_screening_cannot_complete);

async fn only_clinical_roles_of_the_persons_prison_see_or_give_a_screening(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = entered(&server.app, &worker, "Private", "S-4").await;
    let id = server.app.start_screening(&worker, person).await.expect("started");
    answer_all(&server.app, &worker, id, "cannabis").await;
    server.app.complete_screening(&worker, id).await.expect("completed");
    for username in ["prison_staff.has", "director.has", "psychosocial.has", "researcher", "admin", "care_worker.gen"] {
        let outsider = actor(&server.app, username).await;
        assert!(server.app.screening_result(&outsider, id).await.is_err(), "{username} reads the result");
        assert!(server.app.start_screening(&outsider, person).await.is_err(), "{username} starts a screening");
        let client = server.client_for(username).await.expect("signs in");
        for path in [format!("/screenings/{id}/result"), format!("/screenings/{id}")] {
            let status = client.get(server.url(&path)).send().await.expect("request").status();
            assert!(
                status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND,
                "{username} GET {path}: {status}"
            );
        }
    }
    let medical = server.client_for("medical.has").await.expect("signs in");
    let page = medical.get(server.url(&format!("/screenings/{id}/result"))).send().await.expect("request");
    assert_eq!(page.status(), StatusCode::OK);
    server.stop().await;
}
on_both_backends!(only_clinical_roles_of_the_persons_prison_see_or_give_a_screening);

async fn a_screening_is_administered_through_the_pages(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = entered(&server.app, &worker, "Pages", "S-5").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let csrf = server.csrf_token(&client).await.expect("token");
    let started = client
        .post(server.url(&format!("/people/{person}/screenings")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .expect("request");
    assert_eq!(started.status(), StatusCode::SEE_OTHER);
    let location = started.headers()["location"].to_str().expect("location").to_owned();
    let id: i64 = location.trim_start_matches("/screenings/").parse().expect("an id");
    let first = server.app.screening_progress(&worker, id, None).await.expect("progress").question.expect("question");
    let missing = client
        .post(server.url(&format!("/screenings/{id}/answer")))
        .form(&[("csrf", csrf.as_str()), ("item", first.key.as_str())])
        .send()
        .await
        .expect("request");
    assert_eq!(missing.status(), StatusCode::UNPROCESSABLE_ENTITY, "no answer chosen");
    answer_all(&server.app, &worker, id, "none").await;
    let done = client
        .post(server.url(&format!("/screenings/{id}/complete")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .expect("request");
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let result = client.get(server.url(&format!("/screenings/{id}/result"))).send().await.expect("request");
    assert_eq!(result.status(), StatusCode::OK);
    server.stop().await;
}
on_both_backends!(a_screening_is_administered_through_the_pages);
