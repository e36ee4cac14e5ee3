//! Importing an entry list on a page: the check report, nothing written
//! before the confirmation, the confirmation importing exactly the file
//! checked, and the refusals.

use continuum_app::people::PeopleOrder;
use continuum_app::{App, Paging};
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;
use reqwest::header::CONTENT_TYPE;

use crate::on_both_backends;
use crate::support::actor;

const ENTRY_LIST: &str = "family_name;given_names;birth_date;prison_number;entry_date;legal_status;languages\n\
    Verstraeten;Joke;20/01/1985;IMP-1;01/11/2026;remand;nl\n\
    Haddad;Youssef;03/03/1979;IMP-2;02/11/2026;sentenced;fr ar\n";

const BOUNDARY: &str = "continuum-test-boundary";

/// A `multipart/form-data` body of the upload form.
fn upload_body(csrf: &str, site: &str, file: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, value) in [("csrf", csrf), ("site", site)] {
        body.extend(
            format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    }
    body.extend(
        format!(
            "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"entries.csv\"\r\n\
             Content-Type: text/csv\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend(file);
    body.extend(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

/// Uploads `file` for `site` and answers the status and the page.
async fn upload(server: &TestServer, client: &reqwest::Client, site: &str, file: &[u8]) -> (StatusCode, String) {
    let csrf = server.csrf_token(client).await.expect("a form token");
    let response = client
        .post(server.url("/people/import"))
        .header(CONTENT_TYPE, format!("multipart/form-data; boundary={BOUNDARY}"))
        .body(upload_body(&csrf, site, file))
        .send()
        .await
        .expect("request");
    (response.status(), response.text().await.expect("page"))
}

fn token_in(html: &str) -> Option<String> {
    let start = html.find("name=\"token\" value=\"")? + "name=\"token\" value=\"".len();
    let end = html[start..].find('"')?;
    Some(html[start..start + end].to_owned())
}

async fn confirm(server: &TestServer, client: &reqwest::Client, token: &str) -> (StatusCode, String) {
    let csrf = server.csrf_token(client).await.expect("a form token");
    let response = client
        .post(server.url("/people/import/confirm"))
        .form(&[("csrf", csrf.as_str()), ("token", token)])
        .send()
        .await
        .expect("request");
    (response.status(), response.text().await.expect("page"))
}

/// How many people of the list the care worker of HAS finds.
async fn imported(app: &App) -> usize {
    let worker = actor(app, "care_worker.has").await;
    let mut count = 0;
    for name in ["verstraeten joke", "haddad youssef"] {
        let listing = app.search_people(&worker, name, PeopleOrder::Name, Paging::default()).await.expect("searched");
        count += listing.items.len();
    }
    count
}

async fn the_check_reports_what_would_happen_and_writes_nothing(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let form = client.get(server.url("/people/import")).send().await.expect("request");
    assert_eq!(form.status(), StatusCode::OK);
    let form = form.text().await.expect("page");
    assert!(form.contains("enctype=\"multipart/form-data\"") && form.contains("<option value=\"HAS\""), "{form}");
    let (status, html) = upload(&server, &client, "HAS", ENTRY_LIST.as_bytes()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("2 regels gelezen: 2 nieuw, 0 al geregistreerd, 0 geweigerd."), "{html}");
    assert!(token_in(&html).is_some(), "a confirmation is offered");
    assert_eq!(imported(&server.app).await, 0, "nothing is written before the confirmation");
    server.stop().await;
}
on_both_backends!(the_check_reports_what_would_happen_and_writes_nothing);

async fn the_confirmation_imports_the_file_checked_and_a_second_import_changes_nothing(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let (_, html) = upload(&server, &client, "HAS", ENTRY_LIST.as_bytes()).await;
    let token = token_in(&html).expect("a confirmation");
    let (status, html) = confirm(&server, &client, &token).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    assert_eq!(imported(&server.app).await, 2);

    let (status, _) = confirm(&server, &client, &token).await;
    assert_eq!(status, StatusCode::CONFLICT, "a confirmation imports once");
    let (status, html) = upload(&server, &client, "HAS", ENTRY_LIST.as_bytes()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("2 regels gelezen: 0 nieuw, 2 al geregistreerd, 0 geweigerd."), "{html}");
    assert!(token_in(&html).is_none(), "nothing to confirm");
    assert_eq!(imported(&server.app).await, 2);
    server.stop().await;
}
on_both_backends!(the_confirmation_imports_the_file_checked_and_a_second_import_changes_nothing);

async fn bad_lines_are_listed_with_their_number_and_reason_and_nothing_can_be_confirmed(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let list = format!("{ENTRY_LIST}Maes;Jan;02/02/2090;IMP-3;03/11/2026;free;nl\n\"Claes;Mia\n");
    let (status, html) = upload(&server, &client, "HAS", list.as_bytes()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("<td class=\"num\">4</td>"), "line 4 is named");
    assert!(html.contains("Geboortedatum (birth_date)") && html.contains("Juridisch statuut (legal_status)"), "{html}");
    assert!(token_in(&html).is_none(), "nothing can be imported");
    let (status, html) = upload(&server, &client, "HAS", b"name,born\nPeeters,1985-01-20\n").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("Een verplichte kolom ontbreekt"), "{html}");
    assert_eq!(imported(&server.app).await, 0);
    server.stop().await;
}
on_both_backends!(bad_lines_are_listed_with_their_number_and_reason_and_nothing_can_be_confirmed);

/// The care worker of HAS reads Dutch (the other tests), the one of LAN French.
async fn the_report_is_in_the_users_language(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let client = server.client_for("care_worker.lan").await.expect("signs in");
    let (status, html) = upload(&server, &client, "LAN", ENTRY_LIST.as_bytes()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("2 lignes lues : 2 nouvelles, 0 déjà enregistrées, 0 refusées."), "{html}");
    server.stop().await;
}
on_both_backends!(the_report_is_in_the_users_language);

async fn another_prison_and_another_users_confirmation_are_refused(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let (status, html) = upload(&server, &client, "GEN", ENTRY_LIST.as_bytes()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "a prison that is not the user's");
    assert!(html.contains("site-error"), "{html}");
    let (_, html) = upload(&server, &client, "HAS", ENTRY_LIST.as_bytes()).await;
    let token = token_in(&html).expect("a confirmation");
    let colleague = server.client_for("medical.has").await.expect("signs in");
    let (status, _) = confirm(&server, &colleague, &token).await;
    assert_eq!(status, StatusCode::CONFLICT, "only the user who checked the file confirms it");
    let staff = server.client_for("prison_staff.has").await.expect("signs in");
    let (status, _) = upload(&server, &staff, "HAS", ENTRY_LIST.as_bytes()).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = confirm(&server, &staff, &token).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(imported(&server.app).await, 0);
    server.stop().await;
}
on_both_backends!(another_prison_and_another_users_confirmation_are_refused);

async fn a_file_over_the_limit_is_refused_with_a_clear_message(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let mut big = ENTRY_LIST.as_bytes().to_vec();
    big.resize(6 * 1024 * 1024, b'\n');
    let (status, html) = upload(&server, &client, "HAS", &big).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(html.contains("Het bestand is groter dan 5 MB"), "{html}");
    server.stop().await;
}
on_both_backends!(a_file_over_the_limit_is_refused_with_a_clear_message);
