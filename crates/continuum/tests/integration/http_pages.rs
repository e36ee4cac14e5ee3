//! The pages end to end, through a real server: signing in and out, CSRF and
//! same-origin checks, security headers, languages, operations endpoints.

use continuum_testkit::database::Backend;
use continuum_testkit::server::{TestServer, csrf_in};
use reqwest::StatusCode;
use reqwest::header::{ACCEPT_LANGUAGE, COOKIE, LOCATION, SET_COOKIE};

use crate::on_both_backends;
use crate::support::actor;

fn header(response: &reqwest::Response, name: &str) -> String {
    response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

fn location(response: &reqwest::Response) -> String {
    header(response, LOCATION.as_str())
}

/// The session cookie set by a response, as `name=value`, and its attributes.
fn session_cookie(response: &reqwest::Response) -> Option<(String, String)> {
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("continuum_session=") && !v.starts_with("continuum_session=;"))
        .map(|v| {
            let (pair, attributes) = v.split_once(';').unwrap_or((v, ""));
            (pair.to_owned(), attributes.to_owned())
        })
}

/// The sequence of tag names and form field names of a page: what stays
/// the same whatever the language.
fn structure(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in html.split('<').skip(1) {
        let tag: String = part.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '/' || *c == '!').collect();
        out.push(tag);
        if let Some(start) = part.find(" name=\"") {
            let rest = &part[start + 7..];
            if let Some(end) = rest.find('"') {
                out.push(format!("name={}", &rest[..end]));
            }
        }
    }
    out
}

async fn signing_in_through_the_form_shows_the_home_page(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let display_name = actor(&server.app, "care_worker.has").await.display_name;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let home = client.get(server.url("/")).send().await.expect("home");
    assert_eq!(home.status(), StatusCode::OK);
    let html = home.text().await.expect("body");
    assert!(html.contains(&display_name), "{display_name} on {html}");
    assert!(csrf_in(&html).is_some(), "the home page has a CSRF token");
    server.stop().await;
}
on_both_backends!(signing_in_through_the_form_shows_the_home_page);

async fn a_wrong_password_shows_the_form_again_with_the_username(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let client = TestServer::anonymous_client().expect("client");
    let response = client
        .post(server.url("/sign-in"))
        .form(&[("username", "medical.has"), ("password", "not the password")])
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(session_cookie(&response).is_none(), "no session on failure");
    let html = response.text().await.expect("body");
    assert!(html.contains(r#"value="medical.has""#), "{html}");
    assert!(html.contains(r#"name="password""#), "{html}");
    assert!(!html.contains("not the password"), "the password is not echoed");
    server.stop().await;
}
on_both_backends!(a_wrong_password_shows_the_form_again_with_the_username);

async fn forms_without_csrf_token_or_from_another_site_are_refused(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let client = server.client_for("admin").await.expect("signs in");
    let csrf = server.csrf_token(&client).await.expect("token");

    for path in ["/sign-out", "/account/password"] {
        let missing = client.post(server.url(path)).form(&[("current", "demo")]).send().await.expect("request");
        assert_eq!(missing.status(), StatusCode::FORBIDDEN, "POST {path} without token");
        let wrong = client.post(server.url(path)).form(&[("csrf", "not-the-token")]).send().await.expect("request");
        assert_eq!(wrong.status(), StatusCode::FORBIDDEN, "POST {path} with a wrong token");
    }

    let cross = client
        .post(server.url("/sign-out"))
        .header("Sec-Fetch-Site", "cross-site")
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .expect("request");
    assert_eq!(cross.status(), StatusCode::FORBIDDEN, "cross-site sign-out");
    let anonymous = TestServer::anonymous_client().expect("client");
    let cross_sign_in = anonymous
        .post(server.url("/sign-in"))
        .header("Sec-Fetch-Site", "cross-site")
        .form(&[("username", "admin"), ("password", "demo")])
        .send()
        .await
        .expect("request");
    assert_eq!(cross_sign_in.status(), StatusCode::FORBIDDEN, "cross-site sign-in");
    let foreign_origin = client
        .post(server.url("/sign-out"))
        .header("Origin", "http://evil.invalid")
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .expect("request");
    assert_eq!(foreign_origin.status(), StatusCode::FORBIDDEN, "foreign origin");

    // None of the refused requests signed the user out.
    let home = client.get(server.url("/")).send().await.expect("home");
    assert_eq!(home.status(), StatusCode::OK);
    server.stop().await;
}
on_both_backends!(forms_without_csrf_token_or_from_another_site_are_refused);

async fn pages_carry_the_security_headers(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let client = server.client_for("admin").await.expect("signs in");
    for path in ["/sign-in", "/", "/sites", "/no-such-page"] {
        let response = client.get(server.url(path)).send().await.expect("request");
        let csp = header(&response, "content-security-policy");
        assert!(!csp.is_empty(), "GET {path}: no CSP");
        assert!(!csp.contains("unsafe-inline"), "GET {path}: {csp}");
        assert!(!csp.contains("unsafe-eval"), "GET {path}: {csp}");
        assert!(
            header(&response, "x-frame-options").eq_ignore_ascii_case("deny") || csp.contains("frame-ancestors 'none'"),
            "GET {path}: framing allowed"
        );
        assert_eq!(header(&response, "x-content-type-options"), "nosniff", "GET {path}");
        assert!(!header(&response, "referrer-policy").is_empty(), "GET {path}");
        assert!(header(&response, "cache-control").contains("no-store"), "GET {path}: cache-control");
    }
    server.stop().await;
}
on_both_backends!(pages_carry_the_security_headers);

async fn the_session_cookie_is_http_only_and_strict_and_dies_with_sign_out(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let client = TestServer::anonymous_client().expect("client");
    let signed = client
        .post(server.url("/sign-in"))
        .form(&[("username", "director.has"), ("password", "demo")])
        .send()
        .await
        .expect("request");
    assert!(signed.status().is_redirection(), "{}", signed.status());
    let (cookie, attributes) = session_cookie(&signed).expect("a session cookie");
    let lower = attributes.to_ascii_lowercase();
    assert!(lower.contains("httponly"), "{attributes}");
    assert!(lower.contains("samesite=strict"), "{attributes}");

    let replay = TestServer::anonymous_client().expect("client");
    let with_cookie = |path: &str| replay.get(server.url(path)).header(COOKIE, cookie.clone()).send();
    assert_eq!(with_cookie("/").await.expect("home").status(), StatusCode::OK);

    let csrf = server.csrf_token(&client).await.expect("token");
    let out = client.post(server.url("/sign-out")).form(&[("csrf", csrf.as_str())]).send().await.expect("sign out");
    assert!(out.status().is_redirection(), "{}", out.status());
    assert!(location(&out).starts_with("/sign-in"), "{}", location(&out));

    let after = with_cookie("/").await.expect("home");
    assert!(after.status().is_redirection(), "{}", after.status());
    assert!(location(&after).starts_with("/sign-in"), "{}", location(&after));
    let api = with_cookie("/api/v1/me").await.expect("me");
    assert_eq!(api.status(), StatusCode::UNAUTHORIZED);
    server.stop().await;
}
on_both_backends!(the_session_cookie_is_http_only_and_strict_and_dies_with_sign_out);

async fn the_sign_in_page_speaks_the_visitors_language(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let client = TestServer::anonymous_client().expect("client");
    let mut structures = Vec::new();
    for (code, text) in [("nl", "Aanmelden"), ("fr", "Se connecter"), ("en", "Sign in")] {
        let response = client
            .get(server.url("/sign-in"))
            .header(ACCEPT_LANGUAGE, format!("{code},en;q=0.5"))
            .send()
            .await
            .expect("request");
        assert_eq!(response.status(), StatusCode::OK);
        let html = response.text().await.expect("body");
        assert!(html.contains(&format!(r#"<html lang="{code}""#)), "{code}: {html}");
        assert!(html.contains(text), "{code}: {text} missing");
        structures.push((code, structure(&html)));
    }
    let (first, reference) = &structures[0];
    for (code, other) in &structures[1..] {
        assert_eq!(reference, other, "the {first} and {code} pages differ in structure");
    }
    server.stop().await;
}
on_both_backends!(the_sign_in_page_speaks_the_visitors_language);

async fn operations_endpoints_answer(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let client = TestServer::anonymous_client().expect("client");
    let health = client.get(server.url("/healthz")).send().await.expect("healthz");
    assert_eq!(health.status(), StatusCode::OK);
    let ready = client.get(server.url("/readyz")).send().await.expect("readyz");
    assert_eq!(ready.status(), StatusCode::OK);
    let metrics = client.get(server.url("/metrics")).send().await.expect("metrics");
    assert_eq!(metrics.status(), StatusCode::OK);
    let text = metrics.text().await.expect("body");
    assert!(text.contains("http_requests_total"), "{text}");
    assert!(text.contains("db_read_acquire_seconds_count"), "the readiness check waited for a reader: {text}");
    server.stop().await;
}
on_both_backends!(operations_endpoints_answer);

async fn an_unknown_path_is_a_plain_404_page(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let client = TestServer::anonymous_client().expect("client");
    let response = client.get(server.url("/no/such/page")).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(header(&response, "content-type").starts_with("text/html"));
    let html = response.text().await.expect("body");
    assert!(html.contains("<html"), "{html}");
    for leak in ["panicked", "backtrace", "src/", ".rs:", "sqlx", "thread '"] {
        assert!(!html.contains(leak), "{leak} in {html}");
    }
    server.stop().await;
}
on_both_backends!(an_unknown_path_is_a_plain_404_page);
