//! Outside providers' access (issue 6, item 4): an outside provider sees
//! the people referred to its organisation, within the person's consent,
//! and nothing else of the system, not even whether another person or
//! referral exists; a withdrawn sharing consent cuts the access on the next
//! request, through the pages, the API and FHIR, and the refusal is
//! audited.

use continuum_app::Paging;
use continuum_app::referrals::ReferralFilter;
use continuum_domain::consent::Withdrawal;
use continuum_domain::referral::ReferralDraft;
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::consents::entered_at;
use crate::on_both_backends;
use crate::referrals::{audit_rows, referral, sent_referral};
use crate::screening::entered;
use crate::screening_api::token_for;
use crate::support::{actor, demo_app};

/// The status of a GET with the session of `client`.
async fn status_of(client: &reqwest::Client, server: &TestServer, path: &str) -> StatusCode {
    client.get(server.url(path)).send().await.expect("request").status()
}

/// The status of a GET with a bearer token.
async fn api_status(token: &str, server: &TestServer, path: &str) -> StatusCode {
    reqwest::Client::new().get(server.url(path)).bearer_auth(token).send().await.expect("request").status()
}

async fn the_outside_provider_reads_the_referral_to_its_organisation_through_pages_api_and_fhir(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let sent = sent_referral(&server.app, "Portaal").await;
    let client = server.client_for("external_provider.nl").await.expect("signs in");
    let portal = client.get(server.url("/referrals")).send().await.expect("portal");
    assert_eq!(portal.status(), StatusCode::OK);
    assert!(portal.text().await.expect("body").contains(&format!("/referrals/{}", sent.referral)));
    let page = client.get(server.url(&format!("/referrals/{}", sent.referral))).send().await.expect("page");
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.expect("body").contains("Portaal"), "the person's identity is shared");
    let token = token_for(&server, "external_provider.nl").await;
    assert_eq!(api_status(&token, &server, &format!("/api/v1/referrals/{}", sent.referral)).await, StatusCode::OK);
    assert_eq!(api_status(&token, &server, &format!("/fhir/r4/Task/{}", sent.referral)).await, StatusCode::OK);
    server.stop().await;
}
on_both_backends!(the_outside_provider_reads_the_referral_to_its_organisation_through_pages_api_and_fhir);

async fn every_other_id_answers_not_found_to_the_outside_provider_through_pages_api_and_fhir(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let sent = sent_referral(&server.app, "Gezien").await;
    let worker = actor(&server.app, "care_worker.has").await;
    let other = entered(&server.app, &worker, "Onbekend", "R-O1").await;
    let service = server.app.get_referral(&worker, sent.referral).await.expect("read").referral.row.service_id;
    let draft: ReferralDraft = referral(service, &["identity"]);
    let unsent = match server.app.create_referral(&worker, other, &draft, false).await.expect("written") {
        continuum_app::referrals::Creation::Created(id) => id,
        continuum_app::referrals::Creation::ToConfirm(warnings) => panic!("the service fits: {warnings:?}"),
    };
    let client = server.client_for("external_provider.nl").await.expect("signs in");
    let token = token_for(&server, "external_provider.nl").await;
    let person = sent.person;
    let pages = [
        format!("/people/{person}"),
        format!("/people/{other}"),
        format!("/people/{person}/referrals"),
        format!("/people/{person}/consents"),
        format!("/referrals/{unsent}"),
        "/worklist".to_owned(),
        "/people".to_owned(),
        "/sites".to_owned(),
        "/directory".to_owned(),
    ];
    for path in &pages {
        assert_eq!(status_of(&client, &server, path).await, StatusCode::NOT_FOUND, "{path}");
    }
    let api = [
        format!("/api/v1/people/{person}"),
        format!("/api/v1/people/{other}"),
        format!("/api/v1/people/{other}/referrals"),
        format!("/api/v1/referrals/{unsent}"),
        format!("/fhir/r4/Patient/{person}"),
        format!("/fhir/r4/Patient/{other}"),
        format!("/fhir/r4/ServiceRequest/{unsent}"),
        format!("/fhir/r4/Task/{unsent}"),
        format!("/fhir/r4/Organization/{}", sent.organisation),
    ];
    for path in &api {
        assert_eq!(api_status(&token, &server, path).await, StatusCode::NOT_FOUND, "{path}");
    }
    let listed = client.get(server.url("/referrals")).send().await.expect("portal").text().await.expect("body");
    assert!(!listed.contains(&format!("/referrals/{unsent}")), "a draft is not shown to the provider");
    let elsewhere = server.client_for("external_provider.fr").await.expect("signs in");
    let token = token_for(&server, "external_provider.fr").await;
    let id = sent.referral;
    assert_eq!(status_of(&elsewhere, &server, &format!("/referrals/{id}")).await, StatusCode::NOT_FOUND);
    assert_eq!(api_status(&token, &server, &format!("/api/v1/referrals/{id}")).await, StatusCode::NOT_FOUND);
    assert_eq!(api_status(&token, &server, &format!("/fhir/r4/ServiceRequest/{id}")).await, StatusCode::NOT_FOUND);
    server.stop().await;
}
on_both_backends!(every_other_id_answers_not_found_to_the_outside_provider_through_pages_api_and_fhir);

async fn withdrawing_the_sharing_consent_cuts_the_provider_off_on_the_next_request_and_the_refusal_is_audited(
    backend: Backend,
) {
    let server = TestServer::start(backend).await.expect("server");
    let sent = sent_referral(&server.app, "Ingetrokken").await;
    let client = server.client_for("external_provider.nl").await.expect("signs in");
    let token = token_for(&server, "external_provider.nl").await;
    let page = format!("/referrals/{}", sent.referral);
    let api = format!("/api/v1/referrals/{}", sent.referral);
    let fhir = format!("/fhir/r4/ServiceRequest/{}", sent.referral);
    assert_eq!(status_of(&client, &server, &page).await, StatusCode::OK);
    assert_eq!(api_status(&token, &server, &api).await, StatusCode::OK);
    assert_eq!(api_status(&token, &server, &fhir).await, StatusCode::OK);
    let denied_before = audit_rows(&server.app, "referral.read", "denied").await.len();
    let worker = actor(&server.app, "care_worker.has").await;
    let withdrawal = Withdrawal::parse("Wil niet meer delen").expect("valid");
    server.app.withdraw_consent(&worker, sent.consent, &withdrawal).await.expect("withdrawn");
    assert_eq!(status_of(&client, &server, &page).await, StatusCode::NOT_FOUND);
    assert_eq!(api_status(&token, &server, &api).await, StatusCode::NOT_FOUND);
    assert_eq!(api_status(&token, &server, &fhir).await, StatusCode::NOT_FOUND);
    let listed = client.get(server.url("/referrals")).send().await.expect("portal").text().await.expect("body");
    assert!(!listed.contains(&page), "the portal no longer lists it");
    let denied = audit_rows(&server.app, "referral.read", "denied").await;
    assert_eq!(denied.len(), denied_before + 3, "each refused request is audited");
    server.stop().await;
}
on_both_backends!(withdrawing_the_sharing_consent_cuts_the_provider_off_on_the_next_request_and_the_refusal_is_audited);

async fn the_outside_provider_accepts_gives_the_appointment_and_confirms_attendance_but_never_closes(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let sent = sent_referral(&server.app, "Afspraak").await;
    let token = token_for(&server, "external_provider.nl").await;
    let steps = server.url(&format!("/api/v1/referrals/{}/steps", sent.referral));
    let post = |body: Value| {
        let token = token.clone();
        let steps = steps.clone();
        async move { reqwest::Client::new().post(steps).bearer_auth(token).json(&body).send().await.expect("request") }
    };
    assert_eq!(post(json!({"step": "accept"})).await.status(), StatusCode::OK);
    // Midnight today: not before the day the referral was sent, and already
    // past at any time of the day, so that attendance may be recorded.
    let today = server.app.belgian_today();
    let given = post(json!({"step": "appointment", "appointment_at": format!("{today}T00:00")})).await;
    assert_eq!(given.status(), StatusCode::OK);
    let closing = post(json!({"step": "close"})).await;
    assert_eq!(closing.status(), StatusCode::UNPROCESSABLE_ENTITY, "closing is the care team's");
    let attended = post(json!({"step": "attended"})).await;
    assert_eq!(attended.status(), StatusCode::OK);
    let detail: Value = attended.json().await.expect("JSON");
    assert_eq!(detail["referral"]["status"], "attended");
    let parties: Vec<&str> =
        detail["events"].as_array().expect("events").iter().filter_map(|e| e["party"].as_str()).collect();
    assert_eq!(parties, ["care_team", "care_team", "provider", "provider", "provider"], "written, sent, then answered");
    server.stop().await;
}
on_both_backends!(the_outside_provider_accepts_gives_the_appointment_and_confirms_attendance_but_never_closes);

async fn the_demo_holds_a_referral_in_every_status_and_each_regions_provider_sees_its_own(backend: Backend) {
    let test = demo_app(backend).await;
    for site in ["HAS", "LAN"] {
        for n in 0..15 {
            entered_at(&test.app, site, &format!("Demo{n}"), &format!("{site}-R{n}")).await;
        }
    }
    continuum_app::demo::seed_referrals(&test.app).await.expect("the demo's referrals");
    let app = &test.app;
    let statuses = |username: &'static str| async move {
        let reader = actor(app, username).await;
        let paging = Paging { page: 1, per_page: 100 };
        let listed = app.list_referrals(&reader, ReferralFilter::default(), paging).await.expect("listed");
        let mut statuses: Vec<&str> = listed.items.iter().map(|r| r.status.code()).collect();
        statuses.sort_unstable();
        statuses
    };
    let every = ["accepted", "appointment_made", "attended", "closed", "draft", "not_attended", "refused", "sent"];
    assert_eq!(statuses("care_worker.has").await, every);
    assert_eq!(statuses("care_worker.lan").await, every);
    let sent: Vec<&str> = every.iter().copied().filter(|s| *s != "draft").collect();
    assert_eq!(statuses("external_provider.nl").await, sent);
    assert_eq!(statuses("external_provider.fr").await, sent);
}
on_both_backends!(the_demo_holds_a_referral_in_every_status_and_each_regions_provider_sees_its_own);

/// The id of the account `username`, and its organisation.
async fn account_of(app: &continuum_app::App, username: &str) -> (i64, Option<i64>) {
    let admin = actor(app, "admin").await;
    let found = app.list_users(&admin, username, Paging::default()).await.expect("listed");
    let account = found.items.iter().find(|a| a.username == username).expect("the account");
    (account.id, account.organisation_id)
}

async fn an_administrator_sets_an_outside_providers_organisation_on_the_account_page(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let sent = sent_referral(&server.app, "Verhuisd").await;
    let (provider, organisation) = account_of(&server.app, "external_provider.nl").await;
    assert_eq!(organisation, Some(sent.organisation), "the demo binds it to the referral's organisation");
    let admin = server.client_for("admin").await.expect("signs in");
    let page = admin.get(server.url(&format!("/admin/users/{provider}"))).send().await.expect("request");
    let body = page.text().await.expect("body");
    assert!(body.contains(&format!("<option value=\"{}\" selected>", sent.organisation)), "the current one chosen");
    let csrf = server.csrf_token(&admin).await.expect("a form token");
    let other = server
        .app
        .list_organisations(&actor(&server.app, "admin").await, &Default::default(), Paging::default())
        .await
        .expect("listed")
        .items
        .into_iter()
        .find(|o| o.name == "Assuétudes Wallonie (demo)")
        .expect("the Walloon drug service")
        .id;
    let audited = audit_rows(&server.app, "user.organisation", "allowed").await.len();
    let saved = admin
        .post(server.url(&format!("/admin/users/{provider}/organisation")))
        .form(&[("csrf", csrf.as_str()), ("organisation", &other.to_string())])
        .send()
        .await
        .expect("request");
    assert_eq!(saved.status(), StatusCode::SEE_OTHER, "back to the account page");
    assert_eq!(account_of(&server.app, "external_provider.nl").await.1, Some(other));
    let outside = server.client_for("external_provider.nl").await.expect("signs in");
    let path = format!("/referrals/{}", sent.referral);
    assert_eq!(status_of(&outside, &server, &path).await, StatusCode::NOT_FOUND, "no longer its organisation's");
    assert_eq!(audit_rows(&server.app, "user.organisation", "allowed").await.len(), audited + 1, "audited");
    server.stop().await;
}
on_both_backends!(an_administrator_sets_an_outside_providers_organisation_on_the_account_page);

async fn an_unknown_organisation_changes_nothing_and_only_administrators_may_set_one(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let (provider, before) = account_of(&server.app, "external_provider.fr").await;
    let path = format!("/admin/users/{provider}/organisation");
    let admin = server.client_for("admin").await.expect("signs in");
    let csrf = server.csrf_token(&admin).await.expect("a form token");
    let unknown = admin.post(server.url(&path)).form(&[("csrf", csrf.as_str()), ("organisation", "999999")]).send();
    assert_eq!(unknown.await.expect("request").status(), StatusCode::NOT_FOUND);
    let coordinator = server.client_for("coordinator.fr").await.expect("signs in");
    let csrf = server.csrf_token(&coordinator).await.expect("a form token");
    let refused = coordinator.post(server.url(&path)).form(&[("csrf", csrf.as_str()), ("organisation", "")]).send();
    assert_eq!(refused.await.expect("request").status(), StatusCode::FORBIDDEN);
    assert_eq!(account_of(&server.app, "external_provider.fr").await.1, before, "unchanged");
    let care = account_of(&server.app, "care_worker.has").await.0;
    let page = admin.get(server.url(&format!("/admin/users/{care}"))).send().await.expect("request");
    assert!(!page.text().await.expect("body").contains("/organisation\""), "only for outside providers");
    server.stop().await;
}
on_both_backends!(an_unknown_organisation_changes_nothing_and_only_administrators_may_set_one);
