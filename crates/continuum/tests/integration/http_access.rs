//! The access matrix through the HTTP layer: every route is listed here with
//! its access, and every route guarded by a policy action, reading or
//! changing, answers each demo role as `continuum_domain::policy::decide` says.

use continuum_domain::policy::{Action, Target, decide};
use continuum_http::routes::{Access, table};
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, LOCATION};

use crate::on_both_backends;
use crate::support::actor;

const PUBLIC: Access = Access::Public;
const SIGNED_IN: Access = Access::SignedIn;

const fn policy(action: Action) -> Access {
    Access::Policy(action)
}

/// Every route of the application. A new route must be added here, with
/// its access, or `every_route_is_listed_with_its_access` fails.
const EXPECTED_ROUTES: &[(&str, &str, Access)] = &[
    ("GET", "/", SIGNED_IN),
    ("GET", "/account", policy(Action::ManageOwnAccount)),
    ("GET", "/admin/security", policy(Action::ManageUsers)),
    ("GET", "/admin/users", policy(Action::ManageUsers)),
    ("GET", "/admin/users/new", policy(Action::ManageUsers)),
    ("GET", "/admin/users/{id}", policy(Action::ManageUsers)),
    ("GET", "/admin/users/{id}/edit", policy(Action::ManageUsers)),
    ("GET", "/api/v1/audit", policy(Action::SearchAudit)),
    ("GET", "/api/v1/me", SIGNED_IN),
    ("GET", "/api/v1/openapi.json", PUBLIC),
    ("GET", "/api/v1/organisations", policy(Action::ViewReferenceData)),
    ("GET", "/api/v1/organisations/{id}", policy(Action::ViewReferenceData)),
    ("GET", "/api/v1/people", policy(Action::ViewRegister)),
    ("GET", "/api/v1/people/{id}", policy(Action::ViewRegister)),
    ("GET", "/api/v1/sites", policy(Action::ViewReferenceData)),
    ("GET", "/api/v1/sites/{id}", policy(Action::ViewReferenceData)),
    ("GET", "/api/v1/users", policy(Action::ManageUsers)),
    ("GET", "/api/v1/users/{id}", policy(Action::ManageUsers)),
    ("GET", "/assets/app.css", PUBLIC),
    ("GET", "/assets/app.js", PUBLIC),
    ("GET", "/assets/favicon.svg", PUBLIC),
    ("GET", "/assets/htmx.min.js", PUBLIC),
    ("GET", "/audit", policy(Action::SearchAudit)),
    ("GET", "/audit/people/{person_id}", policy(Action::ViewPersonAccessLog)),
    ("GET", "/emergency-access", SIGNED_IN),
    ("GET", "/healthz", PUBLIC),
    ("GET", "/metrics", PUBLIC),
    ("GET", "/organisations", policy(Action::ViewReferenceData)),
    ("GET", "/organisations/new", policy(Action::ManageOrganisations)),
    ("GET", "/organisations/{id}", policy(Action::ViewReferenceData)),
    ("GET", "/organisations/{id}/edit", policy(Action::ManageOrganisations)),
    ("GET", "/people", policy(Action::ViewRegister)),
    ("GET", "/people/new", policy(Action::EditRegister)),
    ("GET", "/people/{id}", policy(Action::ViewRegister)),
    ("GET", "/people/{id}/edit", policy(Action::EditRegister)),
    ("GET", "/readyz", PUBLIC),
    ("GET", "/screenings/{id}", policy(Action::WriteClinical)),
    ("GET", "/screenings/{id}/result", policy(Action::ReadClinical)),
    ("GET", "/sign-in", PUBLIC),
    ("GET", "/sign-in/second-factor", PUBLIC),
    ("GET", "/sites", policy(Action::ViewReferenceData)),
    ("GET", "/sites/new", policy(Action::ManageSites)),
    ("GET", "/sites/{id}", policy(Action::ViewReferenceData)),
    ("GET", "/sites/{id}/edit", policy(Action::ManageSites)),
    ("GET", "/worklist", policy(Action::ViewRegister)),
    ("POST", "/account/password", policy(Action::ManageOwnAccount)),
    ("POST", "/account/second-factor", SIGNED_IN),
    ("POST", "/account/second-factor/confirm", SIGNED_IN),
    ("POST", "/account/tokens", policy(Action::ManageOwnAccount)),
    ("POST", "/account/tokens/{id}/revoke", policy(Action::ManageOwnAccount)),
    ("POST", "/admin/security", policy(Action::ManageUsers)),
    ("POST", "/admin/users/new", policy(Action::ManageUsers)),
    ("POST", "/admin/users/{id}/edit", policy(Action::ManageUsers)),
    ("POST", "/admin/users/{id}/password", policy(Action::ManageUsers)),
    ("POST", "/api/v1/organisations", policy(Action::ManageOrganisations)),
    ("POST", "/api/v1/people", policy(Action::EditRegister)),
    ("POST", "/api/v1/sites", policy(Action::ManageSites)),
    ("POST", "/api/v1/users", policy(Action::ManageUsers)),
    ("POST", "/emergency-access", policy(Action::RequestEmergencyAccess)),
    ("POST", "/emergency-access/{id}/review", policy(Action::ReviewEmergencyAccess)),
    ("POST", "/language", PUBLIC),
    ("POST", "/organisations/new", policy(Action::ManageOrganisations)),
    ("POST", "/organisations/{id}/edit", policy(Action::ManageOrganisations)),
    ("POST", "/people/new", policy(Action::EditRegister)),
    ("POST", "/people/{id}/edit", policy(Action::EditRegister)),
    ("POST", "/people/{id}/screenings", policy(Action::WriteClinical)),
    ("POST", "/screenings/{id}/answer", policy(Action::WriteClinical)),
    ("POST", "/screenings/{id}/complete", policy(Action::WriteClinical)),
    ("POST", "/sign-in", PUBLIC),
    ("POST", "/sign-in/second-factor", PUBLIC),
    ("POST", "/sign-out", PUBLIC),
    ("POST", "/site", SIGNED_IN),
    ("POST", "/sites/new", policy(Action::ManageSites)),
    ("POST", "/sites/{id}/edit", policy(Action::ManageSites)),
    ("PUT", "/api/v1/organisations/{id}", policy(Action::ManageOrganisations)),
    ("PUT", "/api/v1/people/{id}", policy(Action::EditRegister)),
    ("PUT", "/api/v1/sites/{id}", policy(Action::ManageSites)),
    ("PUT", "/api/v1/users/{id}", policy(Action::ManageUsers)),
    // Merging duplicate people, and importing entry lists on a page.
    ("GET", "/admin/merges", policy(Action::UndoMerge)),
    ("GET", "/api/v1/merges", policy(Action::UndoMerge)),
    ("POST", "/api/v1/merges/{id}/undo", policy(Action::UndoMerge)),
    ("POST", "/api/v1/people/{id}/merge", policy(Action::EditRegister)),
    ("GET", "/admin/merges/{id}", policy(Action::UndoMerge)),
    ("GET", "/people/import", policy(Action::EditRegister)),
    ("GET", "/people/{id}/merge", policy(Action::EditRegister)),
    ("POST", "/admin/merges/{id}/undo", policy(Action::UndoMerge)),
    ("POST", "/people/import", policy(Action::EditRegister)),
    ("POST", "/people/import/confirm", policy(Action::EditRegister)),
    ("POST", "/people/{id}/merge", policy(Action::EditRegister)),
];

/// Demo accounts covering every role of the demo.
const ACCOUNTS: &[&str] = &[
    "care_worker.has",
    "medical.has",
    "psychosocial.has",
    "prison_staff.has",
    "director.has",
    "coordinator.nl",
    "steering_member.central",
    "researcher",
    "admin",
];

fn sorted(mut routes: Vec<(String, String, Access)>) -> Vec<(String, String, Access)> {
    routes.sort_by(|a, b| (&a.1, &a.0).cmp(&(&b.1, &b.0)));
    routes
}

#[test]
fn every_route_is_listed_with_its_access() {
    let actual = sorted(table().into_iter().map(|s| (s.method.to_owned(), s.path.to_owned(), s.access)).collect());
    let expected = sorted(EXPECTED_ROUTES.iter().map(|(m, p, a)| ((*m).to_owned(), (*p).to_owned(), *a)).collect());
    let listing: String = actual.iter().map(|(m, p, a)| format!("    ({m:?}, {p:?}, {a:?}),\n")).collect();
    for route in &actual {
        assert!(expected.contains(route), "route {route:?} is not listed in EXPECTED_ROUTES; the table is:\n{listing}");
    }
    for route in &expected {
        assert!(actual.contains(route), "listed route {route:?} is not in the route table; the table is:\n{listing}");
    }
    assert_eq!(actual, expected, "routes registered twice?");
}

/// The id of the first item of an API listing (a list, or a page of items).
async fn first_id(server: &TestServer, admin: &reqwest::Client, path: &str) -> String {
    let value: serde_json::Value =
        admin.get(server.url(path)).send().await.expect("request").json().await.expect("JSON");
    let items = if value.is_array() { &value } else { &value["items"] };
    items[0]["id"].as_i64().expect("an id").to_string()
}

/// The concrete path to request for a route, or `None` when the route takes
/// a parameter we do not substitute.
fn concrete(path: &str, ids: &[(&str, String)]) -> Option<String> {
    if !path.contains('{') {
        return Some(path.to_owned());
    }
    let (prefix, id) = ids.iter().find(|(prefix, _)| path.starts_with(prefix))?;
    let rest = &path[prefix.len()..];
    let rest = rest.strip_prefix("{id}")?;
    if rest.contains('{') {
        return None;
    }
    Some(format!("{prefix}{id}{rest}"))
}

async fn each_role_gets_exactly_the_pages_the_policy_allows(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let admin = server.client_for("admin").await.expect("admin signs in");
    let ids = vec![
        ("/sites/", first_id(&server, &admin, "/api/v1/sites").await),
        ("/api/v1/sites/", first_id(&server, &admin, "/api/v1/sites").await),
        ("/organisations/", first_id(&server, &admin, "/api/v1/organisations").await),
        ("/api/v1/organisations/", first_id(&server, &admin, "/api/v1/organisations").await),
        ("/admin/users/", first_id(&server, &admin, "/api/v1/users").await),
        ("/api/v1/users/", first_id(&server, &admin, "/api/v1/users").await),
    ];
    let routes: Vec<(String, Action)> = table()
        .into_iter()
        .filter(|s| s.method == "GET")
        .filter_map(|s| match s.access {
            Access::Policy(action) if !action.is_site_bound() => concrete(s.path, &ids).map(|p| (p, action)),
            _ => None,
        })
        .collect();
    assert!(routes.len() >= 15, "routes covered: {routes:?}");
    let mut allowed_somewhere = 0;
    let mut denied_somewhere = 0;
    for username in ACCOUNTS {
        let grants = actor(&server.app, username).await.grants;
        let client = server.client_for(username).await.expect("signs in");
        for (path, action) in &routes {
            let allowed = decide(&grants, *action, Target::PROGRAMME).is_allowed();
            let response = client.get(server.url(path)).send().await.expect("request");
            let status = response.status();
            if allowed {
                allowed_somewhere += 1;
                assert_eq!(status, StatusCode::OK, "{username} may {action:?}: GET {path}");
            } else {
                denied_somewhere += 1;
                assert!(
                    status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND,
                    "{username} may not {action:?}: GET {path} answered {status}"
                );
                if path.starts_with("/api/") {
                    let kind = response
                        .headers()
                        .get(CONTENT_TYPE)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or_default()
                        .to_owned();
                    assert_eq!(kind, "application/problem+json", "GET {path}");
                }
            }
        }
    }
    assert!(allowed_somewhere > 0 && denied_somewhere > 0);
    server.stop().await;
}
on_both_backends!(each_role_gets_exactly_the_pages_the_policy_allows);

/// Every POST and PUT route guarded by a policy action refuses each demo role
/// the policy denies, before looking at what was sent, and lets through
/// each role it allows (to a validation error for the empty body sent here).
async fn each_role_may_send_exactly_the_changes_the_policy_allows(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let admin = server.client_for("admin").await.expect("admin signs in");
    let ids = vec![
        ("/sites/", first_id(&server, &admin, "/api/v1/sites").await),
        ("/api/v1/sites/", first_id(&server, &admin, "/api/v1/sites").await),
        ("/organisations/", first_id(&server, &admin, "/api/v1/organisations").await),
        ("/api/v1/organisations/", first_id(&server, &admin, "/api/v1/organisations").await),
        ("/admin/users/", first_id(&server, &admin, "/api/v1/users").await),
        ("/api/v1/users/", first_id(&server, &admin, "/api/v1/users").await),
    ];
    let routes: Vec<(&str, String, Action)> = table()
        .into_iter()
        .filter(|s| s.method != "GET")
        .filter_map(|s| match s.access {
            Access::Policy(action) if !action.is_site_bound() => concrete(s.path, &ids).map(|p| (s.method, p, action)),
            _ => None,
        })
        .collect();
    assert!(routes.len() >= 15, "routes covered: {routes:?}");
    let (mut allowed_somewhere, mut denied_somewhere) = (0, 0);
    for username in ACCOUNTS {
        let grants = actor(&server.app, username).await.grants;
        let client = server.client_for(username).await.expect("signs in");
        let csrf = server.csrf_token(&client).await.expect("a form token");
        for (method, path, action) in &routes {
            let request = match (*method, path.starts_with("/api/")) {
                ("PUT", _) => client.put(server.url(path)).json(&serde_json::json!({})),
                (_, true) => client.post(server.url(path)).json(&serde_json::json!({})),
                (_, false) => client.post(server.url(path)).form(&[("csrf", csrf.as_str())]),
            };
            let status = request.send().await.expect("request").status();
            if decide(&grants, *action, Target::PROGRAMME).is_allowed() {
                allowed_somewhere += 1;
                assert!(
                    ![StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN, StatusCode::NOT_FOUND].contains(&status),
                    "{username} may {action:?}: {method} {path} answered {status}"
                );
            } else {
                denied_somewhere += 1;
                assert!(
                    status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND,
                    "{username} may not {action:?}: {method} {path} answered {status}"
                );
            }
        }
    }
    assert!(allowed_somewhere > 0 && denied_somewhere > 0);
    server.stop().await;
}
on_both_backends!(each_role_may_send_exactly_the_changes_the_policy_allows);

async fn signed_out_visitors_are_sent_to_sign_in_or_get_401(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let client = TestServer::anonymous_client().expect("client");
    let guarded: Vec<&str> = table()
        .into_iter()
        .filter(|s| s.method == "GET" && s.access != Access::Public && !s.path.contains('{'))
        .map(|s| s.path)
        .collect();
    assert!(guarded.len() >= 10, "{guarded:?}");
    for path in guarded {
        let response = client.get(server.url(path)).send().await.expect("request");
        let status = response.status();
        if path.starts_with("/api/") {
            assert_eq!(status, StatusCode::UNAUTHORIZED, "GET {path}");
            let kind =
                response.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
            assert_eq!(kind, "application/problem+json", "GET {path}");
            let problem: serde_json::Value = response.json().await.expect("JSON");
            assert_eq!(problem["status"], 401, "GET {path}");
        } else {
            assert!(status.is_redirection(), "GET {path} answered {status}");
            let location = response.headers().get(LOCATION).and_then(|v| v.to_str().ok()).unwrap_or_default();
            assert!(location.starts_with("/sign-in"), "GET {path} redirects to {location}");
        }
    }
    server.stop().await;
}
on_both_backends!(signed_out_visitors_are_sent_to_sign_in_or_get_401);
