//! Screenings through the JSON API: started with an instrument, mode and
//! language, answered item by item, completed and read back; bad input
//! named and nothing written.

use continuum_app::{Actor, Paging};
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::screening::entered;
use crate::support::actor;

/// A server, a person entered at HAS (preferred language French) and an
/// API token of a care worker there.
async fn set_up(backend: Backend, family: &str) -> (TestServer, i64, String) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = entered(&server.app, &worker, family, &format!("API-{family}")).await;
    let token = token_for(&server, "care_worker.has").await;
    (server, person, token)
}

pub(crate) async fn token_for(server: &TestServer, username: &str) -> String {
    server.app.create_api_token(&Actor::operator(), username, "t", None).await.expect("a token").secret
}

async fn post(server: &TestServer, token: &str, path: &str, body: Value) -> reqwest::Response {
    reqwest::Client::new().post(server.url(path)).bearer_auth(token).json(&body).send().await.expect("request")
}

async fn get(server: &TestServer, token: &str, path: &str) -> reqwest::Response {
    reqwest::Client::new().get(server.url(path)).bearer_auth(token).send().await.expect("request")
}

async fn json_of(response: reqwest::Response, status: StatusCode) -> Value {
    assert_eq!(response.status(), status);
    response.json().await.expect("JSON")
}

/// Answers every item the API asks next: the heaviest option for items
/// about `heavy`, the first for the others. Returns the last detail.
async fn answer_all(server: &TestServer, token: &str, id: i64, mut detail: Value, heavy: &str) -> Value {
    for _ in 0..200 {
        let Some(next) = detail["next_item"].as_object() else {
            return detail;
        };
        let item = next["item"].as_str().expect("item").to_owned();
        let options = next["options"].as_array().expect("options");
        let chosen = if item.starts_with(&format!("{heavy}.")) { options.last() } else { options.first() };
        let option = chosen.and_then(|o| o["code"].as_str()).expect("an option");
        let path = format!("/api/v1/screenings/{id}/answers");
        detail =
            json_of(post(server, token, &path, json!({"item": item, "option": option})).await, StatusCode::OK).await;
    }
    panic!("the screening never ended");
}

async fn a_care_worker_screens_a_person_through_the_api(backend: Backend) {
    let (server, person, token) = set_up(backend, "Apiscreen").await;
    let started = post(&server, &token, &format!("/api/v1/people/{person}/screenings"), json!({})).await;
    let location = started.headers()["location"].to_str().expect("location").to_owned();
    let detail = json_of(started, StatusCode::CREATED).await;
    let id = detail["id"].as_i64().expect("an id");
    assert_eq!(location, format!("/api/v1/screenings/{id}"));
    assert_eq!(
        (&detail["instrument"], &detail["version"], &detail["mode"], &detail["language"], &detail["status"]),
        (&json!("assist"), &json!("3.1"), &json!("interview"), &json!("fr"), &json!("in_progress")),
        "the uniform tool, by interview, in the person's language"
    );
    assert_eq!(detail["next_item"]["item"], "tobacco.q1");
    assert_eq!(detail["next_item"]["group"], "Tabac", "labels in the language of administration");
    let again = post(&server, &token, &format!("/api/v1/people/{person}/screenings"), json!({})).await;
    assert_eq!(json_of(again, StatusCode::OK).await["id"], id, "the screening in progress is resumed");

    let detail = answer_all(&server, &token, id, detail, "cannabis").await;
    assert_eq!(detail["answered"], detail["applicable"]);
    assert!(detail["answers"].as_array().is_some_and(|a| a.iter().any(|x| x["item"] == "cannabis.q2")));
    let result =
        json_of(post(&server, &token, &format!("/api/v1/screenings/{id}/complete"), json!({})).await, StatusCode::OK)
            .await;
    assert_eq!(result["positive"], true);
    assert_eq!(
        (&result["mode"], &result["language"], &result["version"]),
        (&json!("interview"), &json!("fr"), &json!("3.1"))
    );
    let cannabis =
        result["scores"].as_array().and_then(|s| s.iter().find(|g| g["group"] == "cannabis")).expect("cannabis");
    assert_eq!(
        (&cannabis["score"], &cannabis["max"], &cannabis["risk"]["code"]),
        (&json!(33), &json!(39), &json!("high"))
    );
    assert!(cannabis["risk"]["action"].as_str().is_some_and(|a| !a.is_empty()));
    let read = json_of(get(&server, &token, &format!("/api/v1/screenings/{id}/result")).await, StatusCode::OK).await;
    assert_eq!(read, result);
    let list =
        json_of(get(&server, &token, &format!("/api/v1/people/{person}/screenings")).await, StatusCode::OK).await;
    assert_eq!(
        list.as_array().map(|l| l.iter().map(|s| (s["id"].clone(), s["status"].clone())).collect::<Vec<_>>()),
        Some(vec![(json!(id), json!("completed"))])
    );
    server.stop().await;
}
on_both_backends!(a_care_worker_screens_a_person_through_the_api);

async fn an_answer_outside_the_items_options_is_refused_naming_the_item_and_nothing_is_saved(backend: Backend) {
    let (server, person, token) = set_up(backend, "Apibad").await;
    let detail = json_of(
        post(&server, &token, &format!("/api/v1/people/{person}/screenings"), json!({})).await,
        StatusCode::CREATED,
    )
    .await;
    let id = detail["id"].as_i64().expect("id");
    let answers = format!("/api/v1/screenings/{id}/answers");
    let refused = post(&server, &token, &answers, json!({"item": "alcohol.q1", "option": "sometimes"})).await;
    let problem = json_of(refused, StatusCode::UNPROCESSABLE_ENTITY).await;
    let error = &problem["errors"][0];
    assert_eq!((&error["field"], &error["code"]), (&json!("option"), &json!("not-an-option")), "{problem}");
    let message = error["message"].as_str().expect("a message");
    assert!(message.contains("alcohol.q1") && message.contains("sometimes"), "{message}");
    let unknown = post(&server, &token, &answers, json!({"item": "alcohol.q99", "option": "yes"})).await;
    let problem = json_of(unknown, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(problem["errors"][0]["field"], "item");
    assert!(problem["errors"][0]["message"].as_str().is_some_and(|m| m.contains("alcohol.q99")), "{problem}");
    let missing =
        json_of(post(&server, &token, &answers, json!({"item": "alcohol.q1"})).await, StatusCode::UNPROCESSABLE_ENTITY)
            .await;
    assert_eq!((&missing["errors"][0]["field"], &missing["errors"][0]["code"]), (&json!("option"), &json!("required")));
    let after = json_of(get(&server, &token, &format!("/api/v1/screenings/{id}")).await, StatusCode::OK).await;
    assert_eq!(after["answers"], json!([]), "nothing was saved");
    server.stop().await;
}
on_both_backends!(an_answer_outside_the_items_options_is_refused_naming_the_item_and_nothing_is_saved);

async fn a_bad_start_names_the_field_and_starts_nothing(backend: Backend) {
    let (server, person, token) = set_up(backend, "Apistart").await;
    let path = format!("/api/v1/people/{person}/screenings");
    for (body, field) in [
        (json!({"mode": "kiosk"}), "mode"),
        (json!({"language": "de"}), "language"),
        (json!({"instrument": "phq9"}), "instrument"),
        (json!({"instrument": "audit", "version": "9"}), "version"),
    ] {
        let problem = json_of(post(&server, &token, &path, body.clone()).await, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(problem["errors"][0]["field"], field, "{body}: {problem}");
    }
    let list = json_of(get(&server, &token, &path).await, StatusCode::OK).await;
    assert_eq!(list, json!([]));
    let nobody = post(&server, &token, "/api/v1/people/999999/screenings", json!({})).await;
    assert_eq!(nobody.status(), StatusCode::NOT_FOUND);
    server.stop().await;
}
on_both_backends!(a_bad_start_names_the_field_and_starts_nothing);

async fn another_instrument_keeps_its_mode_and_language_and_leaves_the_pathway_alone(backend: Backend) {
    let (server, person, token) = set_up(backend, "Apiauditc").await;
    let body = json!({"instrument": "audit_c", "mode": "self", "language": "nl"});
    let detail =
        json_of(post(&server, &token, &format!("/api/v1/people/{person}/screenings"), body).await, StatusCode::CREATED)
            .await;
    assert_eq!(
        (&detail["instrument"], &detail["version"], &detail["mode"], &detail["language"]),
        (&json!("audit_c"), &json!("1"), &json!("self"), &json!("nl"))
    );
    let id = detail["id"].as_i64().expect("id");
    answer_all(&server, &token, id, detail, "audit_c").await;
    let result =
        json_of(post(&server, &token, &format!("/api/v1/screenings/{id}/complete"), json!({})).await, StatusCode::OK)
            .await;
    assert_eq!(result["total"]["score"], 12);
    assert_eq!((&result["mode"], &result["language"]), (&json!("self"), &json!("nl")));
    let worker = actor(&server.app, "care_worker.has").await;
    let worklist =
        server.app.worklist(&worker, Paging { page: 1, per_page: 200 }, false).await.expect("worklist").awaiting;
    assert!(worklist.items.iter().any(|l| l.row.person_id == person), "only the uniform tool screens for the pathway");
    server.stop().await;
}
on_both_backends!(another_instrument_keeps_its_mode_and_language_and_leaves_the_pathway_alone);

async fn completing_too_early_or_twice_and_an_unfinished_result_are_conflicts(backend: Backend) {
    let (server, person, token) = set_up(backend, "Apiconflict").await;
    let detail = json_of(
        post(&server, &token, &format!("/api/v1/people/{person}/screenings"), json!({})).await,
        StatusCode::CREATED,
    )
    .await;
    let id = detail["id"].as_i64().expect("id");
    let complete = format!("/api/v1/screenings/{id}/complete");
    let early = json_of(post(&server, &token, &complete, json!({})).await, StatusCode::CONFLICT).await;
    assert_eq!(early["type"], "https://continuum.invalid/problems/screening-incomplete");
    let unfinished = get(&server, &token, &format!("/api/v1/screenings/{id}/result")).await;
    assert_eq!(unfinished.status(), StatusCode::CONFLICT);
    answer_all(&server, &token, id, detail, "none").await;
    assert_eq!(post(&server, &token, &complete, json!({})).await.status(), StatusCode::OK);
    let twice = json_of(post(&server, &token, &complete, json!({})).await, StatusCode::CONFLICT).await;
    assert_eq!(twice["type"], "https://continuum.invalid/problems/screening-completed");
    let late = post(
        &server,
        &token,
        &format!("/api/v1/screenings/{id}/answers"),
        json!({"item": "alcohol.q1", "option": "yes"}),
    )
    .await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
    server.stop().await;
}
on_both_backends!(completing_too_early_or_twice_and_an_unfinished_result_are_conflicts);

async fn every_signed_in_role_reads_the_instrument_definitions(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let token = token_for(&server, "prison_staff.has").await;
    let list = json_of(get(&server, &token, "/api/v1/instruments").await, StatusCode::OK).await;
    let instruments = list.as_array().expect("a list");
    assert_eq!(instruments.len(), 5);
    let assist = instruments.iter().find(|i| i["code"] == "assist").expect("the ASSIST");
    assert_eq!(
        (&assist["version"], &assist["uniform"], &assist["scoring"]),
        (&json!("3.1"), &json!(true), &json!("per_group"))
    );
    assert!(assist["items"].as_array().is_some_and(|items| items.iter().any(|i| i["item"] == "other.q2")));
    let audit = instruments.iter().find(|i| i["code"] == "audit").expect("the AUDIT");
    assert_eq!((&audit["loinc_panel"], &audit["loinc_total"]), (&json!("72110-0"), &json!("75624-7")));
    server.stop().await;
}
on_both_backends!(every_signed_in_role_reads_the_instrument_definitions);
