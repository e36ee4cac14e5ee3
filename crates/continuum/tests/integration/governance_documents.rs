//! Governance (issue 7, items 2 and 8): a meeting's documents through the
//! API, on both databases: attached as `multipart/form-data` and given
//! back as they were; a meeting of another prison is not found; a kind of
//! file the meeting's page would not take is refused with problem JSON and
//! nothing is written.

use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;

use crate::governance::{meeting, site, working_group};
use crate::on_both_backends;
use crate::support::actor;

const BOUNDARY: &str = "continuum-test-boundary";

/// A `multipart/form-data` body with one file in the field `document`.
fn form_with_file(name: &str, media_type: &str, content: &[u8]) -> Vec<u8> {
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"document\"; filename=\"{name}\"\r\n\
         Content-Type: {media_type}\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

/// A held meeting of a working group at Hasselt, by its director.
async fn hasselt_meeting(server: &TestServer) -> i64 {
    let director = actor(&server.app, "director.has").await;
    let group = working_group(&server.app, &director, "Werkgroep documenten", Some(site(&director, "HAS"))).await;
    meeting(&server.app, &director, group, -2, true).await.expect("a held meeting")
}

async fn upload(
    server: &TestServer,
    client: &reqwest::Client,
    meeting: i64,
    name: &str,
    media_type: &str,
    content: &[u8],
) -> reqwest::Response {
    client
        .post(server.url(&format!("/api/v1/governance/meetings/{meeting}/documents")))
        .header("content-type", format!("multipart/form-data; boundary={BOUNDARY}"))
        .body(form_with_file(name, media_type, content))
        .send()
        .await
        .expect("request")
}

const PDF: &[u8] = b"%PDF-1.4\n% agenda annex (test)\n%%EOF\n";

async fn the_api_attaches_a_document_to_a_meeting_and_gives_it_back(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let meeting = hasselt_meeting(&server).await;
    let client = server.client_for("director.has").await.expect("signs in");
    let attached = upload(&server, &client, meeting, "bijlage.pdf", "application/pdf", PDF).await;
    assert_eq!(attached.status(), StatusCode::CREATED);
    let location = attached.headers()["location"].to_str().expect("a location").to_owned();
    let id = attached.json::<serde_json::Value>().await.expect("JSON")["id"].as_i64().expect("an id");
    assert_eq!(location, format!("/api/v1/governance/documents/{id}"));
    let download = client.get(server.url(&location)).send().await.expect("request");
    assert_eq!(download.status(), StatusCode::OK);
    assert_eq!(download.headers()["content-type"], "application/pdf");
    assert_eq!(download.bytes().await.expect("content").as_ref(), PDF, "the file as it was attached");
    let director = actor(&server.app, "director.has").await;
    let details = server.app.meeting_details(&director, meeting).await.expect("the meeting");
    assert_eq!(details.documents.iter().map(|d| d.file_name.as_str()).collect::<Vec<_>>(), ["bijlage.pdf"]);
    server.stop().await;
}
on_both_backends!(the_api_attaches_a_document_to_a_meeting_and_gives_it_back);

async fn another_prisons_meeting_and_document_are_not_found(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let meeting = hasselt_meeting(&server).await;
    let hasselt = server.client_for("director.has").await.expect("signs in");
    let attached = upload(&server, &hasselt, meeting, "bijlage.pdf", "application/pdf", PDF).await;
    let id = attached.json::<serde_json::Value>().await.expect("JSON")["id"].as_i64().expect("an id");
    let gent = server.client_for("director.gen").await.expect("signs in");
    let refused = upload(&server, &gent, meeting, "annexe.pdf", "application/pdf", PDF).await;
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);
    let hidden = gent.get(server.url(&format!("/api/v1/governance/documents/{id}"))).send().await.expect("request");
    assert_eq!(hidden.status(), StatusCode::NOT_FOUND);
    let director = actor(&server.app, "director.has").await;
    let details = server.app.meeting_details(&director, meeting).await.expect("the meeting");
    assert_eq!(details.documents.len(), 1, "nothing written by the other prison");
    server.stop().await;
}
on_both_backends!(another_prisons_meeting_and_document_are_not_found);

async fn a_kind_of_file_the_page_would_not_take_is_refused_with_problem_json(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let meeting = hasselt_meeting(&server).await;
    let client = server.client_for("director.has").await.expect("signs in");
    let refused = upload(&server, &client, meeting, "setup.exe", "application/x-msdownload", b"MZ\x90\x00").await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused.headers()["content-type"], "application/problem+json");
    let problem: serde_json::Value = refused.json().await.expect("problem JSON");
    assert_eq!(problem["errors"][0]["field"], "document");
    assert_eq!(problem["errors"][0]["code"], "invalid-format");
    let missing = client
        .post(server.url(&format!("/api/v1/governance/meetings/{meeting}/documents")))
        .header("content-type", format!("multipart/form-data; boundary={BOUNDARY}"))
        .body(format!("--{BOUNDARY}--\r\n"))
        .send()
        .await
        .expect("request");
    assert_eq!(missing.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: serde_json::Value = missing.json().await.expect("problem JSON");
    assert_eq!(problem["errors"][0]["code"], "required");
    let director = actor(&server.app, "director.has").await;
    let details = server.app.meeting_details(&director, meeting).await.expect("the meeting");
    assert!(details.documents.is_empty(), "nothing written");
    server.stop().await;
}
on_both_backends!(a_kind_of_file_the_page_would_not_take_is_refused_with_problem_json);
