//! The JSON API end to end: bearer tokens, problem documents, validation.

use continuum_app::Actor;
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::on_both_backends;

async fn token_for(server: &TestServer, username: &str) -> String {
    server.app.create_api_token(&Actor::operator(), username, "t", None).await.expect("a token").secret
}

fn content_type(response: &reqwest::Response) -> String {
    response.headers().get(reqwest::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

/// Asserts a problem document with `status`, and returns it.
async fn problem(response: reqwest::Response, status: StatusCode) -> Value {
    assert_eq!(response.status(), status);
    assert_eq!(content_type(&response), "application/problem+json");
    let body: Value = response.json().await.expect("problem JSON");
    assert_eq!(body["status"], status.as_u16());
    assert!(body["type"].is_string() && body["title"].is_string(), "{body}");
    body
}

async fn the_api_describes_itself_in_openapi_3_1(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let client = TestServer::anonymous_client().expect("client");
    let response = client.get(server.url("/api/v1/openapi.json")).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    let doc: Value = response.json().await.expect("JSON");
    let version = doc["openapi"].as_str().expect("openapi version");
    assert!(version.starts_with("3.1"), "{version}");
    assert!(doc["paths"]["/api/v1/sites"]["get"].is_object());
    server.stop().await;
}
on_both_backends!(the_api_describes_itself_in_openapi_3_1);

async fn a_bearer_token_opens_the_api_and_its_absence_gives_401(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let token = token_for(&server, "admin").await;
    let client = TestServer::anonymous_client().expect("client");

    let response = client.get(server.url("/api/v1/sites")).bearer_auth(&token).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    assert!(content_type(&response).starts_with("application/json"));
    let sites: Value = response.json().await.expect("JSON");
    let sites = sites.as_array().expect("a list of sites");
    assert!(sites.len() >= 10, "the demo's sites: {}", sites.len());

    let me: Value = client
        .get(server.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("JSON");
    assert_eq!(me["username"], "admin", "{me}");

    let without = client.get(server.url("/api/v1/sites")).send().await.expect("request");
    assert_eq!(without.headers().get(reqwest::header::WWW_AUTHENTICATE).and_then(|v| v.to_str().ok()), Some("Bearer"));
    problem(without, StatusCode::UNAUTHORIZED).await;

    let wrong = client.get(server.url("/api/v1/sites")).bearer_auth("not-a-token").send().await.expect("request");
    problem(wrong, StatusCode::UNAUTHORIZED).await;
    server.stop().await;
}
on_both_backends!(a_bearer_token_opens_the_api_and_its_absence_gives_401);

async fn a_care_worker_may_not_list_users(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let token = token_for(&server, "care_worker.has").await;
    let client = TestServer::anonymous_client().expect("client");
    let response = client.get(server.url("/api/v1/users")).bearer_auth(&token).send().await.expect("request");
    let body = problem(response, StatusCode::FORBIDDEN).await;
    let text = body.to_string();
    assert!(!text.contains("admin"), "nothing about users leaks: {text}");
    server.stop().await;
}
on_both_backends!(a_care_worker_may_not_list_users);

async fn invalid_input_gives_422_naming_the_fields(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let token = token_for(&server, "admin").await;
    let client = TestServer::anonymous_client().expect("client");
    let post = |body: Value| client.post(server.url("/api/v1/organisations")).bearer_auth(&token).json(&body).send();

    let response = post(json!({ "name": "", "kind": "care_provider", "languages": ["nl"] })).await.expect("request");
    let body = problem(response, StatusCode::UNPROCESSABLE_ENTITY).await;
    let errors = body["errors"].as_array().expect("an errors array");
    assert!(errors.iter().any(|e| e["field"] == "name"), "the name is named: {body}");
    assert!(errors.iter().all(|e| e["message"].is_string()), "{body}");

    let response = client
        .post(server.url("/api/v1/organisations"))
        .bearer_auth(&token)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .body("{ not json")
        .send()
        .await
        .expect("request");
    let body = problem(response, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert!(body["errors"].as_array().is_some_and(|e| e.iter().any(|e| e["field"] == "body")), "{body}");

    let created = post(json!({
        "name": "Free Clinic Gent (test)",
        "kind": "care_provider",
        "languages": ["nl"]
    }))
    .await
    .expect("request");
    assert_eq!(created.status(), StatusCode::CREATED);
    let organisation: Value = created.json().await.expect("JSON");
    assert!(organisation.to_string().contains("Free Clinic Gent (test)"));
    server.stop().await;
}
on_both_backends!(invalid_input_gives_422_naming_the_fields);
