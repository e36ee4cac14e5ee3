//! Consent end to end (issue 6, items 1 and 5): recorded, read and
//! withdrawn by the care team of the person's prison, every step audited;
//! checked on every read of the psychosocial service, so that a withdrawn
//! or expired consent refuses the very next request through pages and the
//! API, and the refusal is audited with the missing consent.

use continuum_app::audit_trail::AuditFilter;
use continuum_app::{Actor, App, AppError, Paging};
use continuum_domain::consent::{ConsentDraft, ConsentFields, Withdrawal};
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::screening::entered;
use crate::support::{actor, demo_app, raw_sql};

/// A consent to share participation with the psychosocial service, given
/// today until `until`.
pub(crate) fn participation_shared(app: &App, until: &str) -> ConsentDraft {
    let sections = vec!["participation".to_owned()];
    let today = app.belgian_today().to_string();
    ConsentDraft::parse(
        &ConsentFields {
            kind: "sharing",
            decision: "granted",
            given_on: &today,
            explanation_language: "fr",
            valid_until: until,
            recipient: "psychosocial_service",
            purpose: "persons_request",
            sections: &sections,
            ..ConsentFields::default()
        },
        app.belgian_today(),
    )
    .expect("a valid consent")
}

fn next_year(app: &App) -> String {
    app.belgian_today().checked_add(jiff::Span::new().days(365)).expect("a day").to_string()
}

/// The audit rows of one action, newest first.
async fn audit_rows(app: &App, action: &str, outcome: &str) -> Vec<continuum_app::audit_trail::AuditRow> {
    let admin = actor(app, "admin").await;
    let filter =
        AuditFilter { action: Some(action.to_owned()), outcome: Some(outcome.to_owned()), ..AuditFilter::default() };
    app.search_audit(&admin, &filter, Paging { page: 1, per_page: 200 }).await.expect("search").items
}

async fn a_consent_is_recorded_read_and_withdrawn_and_each_step_is_audited(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = entered(&test.app, &worker, "Consenting", "C-1").await;
    let id = test.app.record_consent(&worker, person, &participation_shared(&test.app, &next_year(&test.app))).await;
    let id = id.expect("recorded");
    let history = test.app.person_consents(&worker, person).await.expect("history");
    assert_eq!(history.consents.len(), 1);
    assert_eq!(history.consents[0].standing.code(), "in_force");
    assert_eq!(history.consents[0].row.recorded_by.as_deref(), Some("Zorgverlener HAS"));
    let withdrawal = Withdrawal::parse("Wil het niet meer").expect("valid");
    test.app.withdraw_consent(&worker, id, &withdrawal).await.expect("withdrawn");
    let record = test.app.get_consent(&worker, id).await.expect("read");
    assert_eq!(record.standing.code(), "withdrawn");
    assert_eq!(record.row.withdrawal_reason.as_deref(), Some("Wil het niet meer"));
    assert!(matches!(
        test.app.withdraw_consent(&worker, id, &withdrawal).await,
        Err(AppError::Conflict("consent-already-withdrawn"))
    ));
    for action in ["consent.create", "consent.list", "consent.withdraw", "consent.read"] {
        let rows = audit_rows(&test.app, action, "allowed").await;
        assert!(rows.iter().any(|r| r.entry.person_id == Some(person)), "{action} audited with the person");
    }
}
on_both_backends!(a_consent_is_recorded_read_and_withdrawn_and_each_step_is_audited);

async fn another_prisons_consent_answers_as_a_missing_one(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = entered(&test.app, &worker, "Elsewhere", "C-2").await;
    let id = test.app.record_consent(&worker, person, &participation_shared(&test.app, &next_year(&test.app))).await;
    let id = id.expect("recorded");
    let other = actor(&test.app, "care_worker.gen").await;
    assert!(matches!(test.app.get_consent(&other, id).await, Err(AppError::NotFound)));
    assert!(matches!(test.app.get_consent(&other, id + 1000).await, Err(AppError::NotFound)));
    assert!(matches!(test.app.person_consents(&other, person).await, Err(AppError::NotFound)));
    let withdrawal = Withdrawal::parse("").expect("valid");
    assert!(matches!(test.app.withdraw_consent(&other, id, &withdrawal).await, Err(AppError::NotFound)));
    let draft = participation_shared(&test.app, &next_year(&test.app));
    assert!(matches!(test.app.record_consent(&other, person, &draft).await, Err(AppError::NotFound)));
    for role in ["psychosocial.has", "prison_staff.has", "director.has", "admin"] {
        let reader = actor(&test.app, role).await;
        assert!(test.app.get_consent(&reader, id).await.is_err(), "{role} reads no consent");
        assert!(test.app.record_consent(&reader, person, &draft).await.is_err(), "{role} records no consent");
    }
    assert_eq!(test.app.get_consent(&worker, id).await.expect("still there").row.withdrawn_at, None);
}
on_both_backends!(another_prisons_consent_answers_as_a_missing_one);

async fn a_sharing_consent_naming_an_unknown_organisation_is_refused_and_nothing_is_written(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = entered(&test.app, &worker, "Unknown", "C-3").await;
    let sections = vec!["care_plan".to_owned()];
    let until = next_year(&test.app);
    let today = test.app.belgian_today().to_string();
    let draft = ConsentDraft::parse(
        &ConsentFields {
            kind: "sharing",
            decision: "granted",
            given_on: &today,
            explanation_language: "nl",
            valid_until: &until,
            recipient: "organisation",
            organisation: Some(999_999),
            purpose: "continuity_of_care",
            sections: &sections,
            ..ConsentFields::default()
        },
        test.app.belgian_today(),
    )
    .expect("valid as typed");
    let Err(AppError::Invalid(invalid)) = test.app.record_consent(&worker, person, &draft).await else {
        panic!("refused")
    };
    assert_eq!(invalid.for_field("recipient"), Some(&continuum_domain::validation::Problem::UnknownOrganisation));
    assert!(test.app.person_consents(&worker, person).await.expect("history").consents.is_empty());
}
on_both_backends!(a_sharing_consent_naming_an_unknown_organisation_is_refused_and_nothing_is_written);

/// Moves a person's pathway to the intake, as the care pathway's intake
/// step would (a valid log: intake proposed, then intake recorded).
async fn intake_recorded(test_db: &continuum_testkit::database::TestDatabase, person: i64) {
    let sql = format!(
        "INSERT INTO pathway_transitions (pathway_id, seq, from_state, to_state, command, detail, site_id, who, at) \
         SELECT p.id, (SELECT MAX(t.seq) + 1 FROM pathway_transitions t WHERE t.pathway_id = p.id), p.state, \
         'intake', 'record_intake', '', p.site_id, NULL, '2026-03-04T10:00:00.000000Z' FROM pathways p \
         WHERE p.person_id = {person}; UPDATE pathways SET state = 'intake' WHERE person_id = {person};"
    );
    raw_sql(test_db, &sql).await.expect("the intake recorded");
}

async fn the_psychosocial_service_sees_whether_a_person_takes_part_only_with_consent(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let psychosocial = actor(&test.app, "psychosocial.has").await;
    let shared = entered(&test.app, &worker, "Shared", "C-4").await;
    let unshared = entered(&test.app, &worker, "Unshared", "C-5").await;
    assert!(matches!(test.app.person_participation(&psychosocial, shared).await, Err(AppError::NotFound)));
    test.app
        .record_consent(&worker, shared, &participation_shared(&test.app, &next_year(&test.app)))
        .await
        .expect("ok");
    let view = test.app.person_participation(&psychosocial, shared).await.expect("shared");
    assert_eq!(view.participation.code(), "does_not_take_part");
    intake_recorded(&test.db, shared).await;
    let view = test.app.person_participation(&psychosocial, shared).await.expect("shared");
    assert_eq!(
        (view.participation.code(), view.since.map(|d| d.to_string())),
        ("takes_part", Some("2026-03-04".into()))
    );
    assert!(matches!(test.app.person_participation(&psychosocial, unshared).await, Err(AppError::NotFound)));
    let listed = test.app.shared_participation(&psychosocial, Paging::default()).await.expect("list");
    assert_eq!(listed.items.iter().map(|v| v.person.id).collect::<Vec<_>>(), [shared]);
    let elsewhere = actor(&test.app, "psychosocial.gen").await;
    assert!(matches!(test.app.person_participation(&elsewhere, shared).await, Err(AppError::NotFound)));
    assert!(test.app.shared_participation(&elsewhere, Paging::default()).await.expect("list").items.is_empty());
    let reads = audit_rows(&test.app, "participation.read", "allowed").await;
    assert!(reads.iter().all(|r| r.entry.reason.as_deref().is_some_and(|reason| reason.starts_with("consent="))));
}
on_both_backends!(the_psychosocial_service_sees_whether_a_person_takes_part_only_with_consent);

/// The audit row of the latest denied participation read of a person.
async fn last_denial(app: &App, person: i64) -> Option<String> {
    let rows = audit_rows(app, "participation.read", "denied").await;
    rows.into_iter().find(|r| r.entry.person_id == Some(person)).and_then(|r| r.entry.reason)
}

async fn an_expired_consent_refuses_the_next_request_and_the_denial_names_it(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let psychosocial = actor(&test.app, "psychosocial.has").await;
    let person = entered(&test.app, &worker, "Expiring", "C-6").await;
    let today = test.app.belgian_today().to_string();
    let id = test.app.record_consent(&worker, person, &participation_shared(&test.app, &today)).await.expect("ok");
    test.app.person_participation(&psychosocial, person).await.expect("today it counts");
    test.app.advance_clock(jiff::SignedDuration::from_hours(25));
    let psychosocial = actor(&test.app, "psychosocial.has").await;
    assert!(matches!(test.app.person_participation(&psychosocial, person).await, Err(AppError::NotFound)));
    assert_eq!(
        last_denial(&test.app, person).await,
        Some(format!("consent_missing recipient=psychosocial_service section=participation lack=expired consent={id}"))
    );
}
on_both_backends!(an_expired_consent_refuses_the_next_request_and_the_denial_names_it);

/// The page a form's answer redirects to (303 See Other).
async fn followed(client: &reqwest::Client, server: &TestServer, response: reqwest::Response) -> (StatusCode, String) {
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "the form redirects");
    let location = response.headers()[reqwest::header::LOCATION].to_str().expect("a location").to_owned();
    get(client, server, &location).await
}

async fn get(client: &reqwest::Client, server: &TestServer, path: &str) -> (StatusCode, String) {
    let response = client.get(server.url(path)).send().await.expect("request");
    (response.status(), response.text().await.expect("body"))
}

async fn withdrawal_cuts_the_psychosocial_service_off_on_the_next_request_through_pages_and_api(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = entered(&server.app, &worker, "Withdrawing", "C-7").await;
    let care = server.client_for("care_worker.has").await.expect("signs in");
    let psychosocial = server.client_for("psychosocial.has").await.expect("signs in");
    let until = next_year(&server.app);
    let today = server.app.belgian_today().to_string();
    let created = care
        .post(server.url(&format!("/api/v1/people/{person}/consents")))
        .json(&json!({
            "kind": "sharing", "decision": "granted", "given_on": today, "explanation_language": "fr",
            "valid_until": until, "recipient": "psychosocial_service", "purpose": "persons_request",
            "sections": ["participation"]
        }))
        .send()
        .await
        .expect("request");
    assert_eq!(created.status(), StatusCode::CREATED);
    let consent: Value = created.json().await.expect("JSON");
    let id = consent["id"].as_i64().expect("an id");
    assert_eq!(consent["standing"], "in_force");

    let page = format!("/people/{person}/participation");
    let api = format!("/api/v1/people/{person}/participation");
    let (status, body) = get(&psychosocial, &server, &page).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Withdrawing"), "the page names the person");
    let (status, body) = get(&psychosocial, &server, &api).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(serde_json::from_str::<Value>(&body).expect("JSON")["participation"], "does_not_take_part");
    let (_, list) = get(&psychosocial, &server, "/participation").await;
    assert!(list.contains("Withdrawing"));

    let withdrawn = care
        .post(server.url(&format!("/api/v1/consents/{id}/withdraw")))
        .json(&json!({"reason": "changed their mind"}))
        .send()
        .await
        .expect("request");
    assert_eq!(withdrawn.status(), StatusCode::OK);

    let (status, body) = get(&psychosocial, &server, &page).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(!body.contains("Withdrawing"));
    let (status, _) = get(&psychosocial, &server, &api).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, list) = get(&psychosocial, &server, "/participation").await;
    assert!(!list.contains("Withdrawing"));
    let (_, list) = get(&psychosocial, &server, "/api/v1/participation").await;
    assert_eq!(serde_json::from_str::<Value>(&list).expect("JSON")["total"], 0);
    let expected =
        format!("consent_missing recipient=psychosocial_service section=participation lack=withdrawn consent={id}");
    assert_eq!(last_denial(&server.app, person).await, Some(expected));
    server.stop().await;
}
on_both_backends!(withdrawal_cuts_the_psychosocial_service_off_on_the_next_request_through_pages_and_api);

async fn the_pages_record_a_consent_show_the_history_and_withdraw_after_confirmation(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = entered(&server.app, &worker, "Paged", "C-8").await;
    let care = server.client_for("care_worker.has").await.expect("signs in");
    let csrf = server.csrf_token(&care).await.expect("a token");
    let new = format!("/people/{person}/consents/new");
    let (status, form) = get(&care, &server, &new).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("value=\"fr\""), "the person's language is proposed");
    let refused = care
        .post(server.url(&new))
        .form(&[
            ("csrf", csrf.as_str()),
            ("kind", "sharing"),
            ("decision", "granted"),
            ("given_on", "2026-01-10"),
            ("explanation_language", "ar"),
            ("recipient", "psychosocial_service"),
            ("purpose", "persons_request"),
            ("sections", "care_plan"),
            ("note", "uitgelegd met tolk"),
        ])
        .send()
        .await
        .expect("request");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = refused.text().await.expect("body");
    assert!(body.contains("nooit klinische inhoud"), "the sections are named (care_worker.has reads Dutch)");
    assert!(body.contains("uitgelegd met tolk"), "the form shows what was typed");
    assert!(server.app.person_consents(&worker, person).await.expect("history").consents.is_empty());
    let until = next_year(&server.app);
    let recorded = care
        .post(server.url(&new))
        .form(&[
            ("csrf", csrf.as_str()),
            ("kind", "sharing"),
            ("decision", "granted"),
            ("given_on", "2026-01-10"),
            ("explanation_language", "ar"),
            ("valid_until", until.as_str()),
            ("recipient", "psychosocial_service"),
            ("purpose", "persons_request"),
            ("sections", "participation"),
        ])
        .send()
        .await
        .expect("request");
    let (status, history) = followed(&care, &server, recorded).await;
    assert_eq!(status, StatusCode::OK, "redirected to the history");
    assert!(history.contains("De toestemming is geregistreerd."));
    assert!(history.contains("ja, door toestemming"), "what is shared now");
    let id = server.app.person_consents(&worker, person).await.expect("history").consents[0].row.id;
    let (status, confirm) = get(&care, &server, &format!("/consents/{id}/withdraw")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(confirm.contains("kan niet ongedaan"));
    let withdrawn = care
        .post(server.url(&format!("/consents/{id}/withdraw")))
        .form(&[("csrf", csrf.as_str()), ("reason", "")])
        .send()
        .await
        .expect("request");
    let (status, page) = followed(&care, &server, withdrawn).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Vanaf nu telt ze niet meer"));
    let (_, history) = get(&care, &server, &format!("/people/{person}/consents")).await;
    assert!(history.contains("is ingetrokken (toestemming"), "the history says which consent is missing");
    server.stop().await;
}
on_both_backends!(the_pages_record_a_consent_show_the_history_and_withdraw_after_confirmation);

const BOUNDARY: &str = "continuum-consent-boundary";

/// Uploads `content` as the signed form of consent `id` (a browser's
/// `multipart/form-data`).
async fn upload(
    client: &reqwest::Client,
    server: &TestServer,
    id: i64,
    csrf: &str,
    content: &[u8],
) -> reqwest::Response {
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n--{BOUNDARY}\r\n\
         Content-Disposition: form-data; name=\"form\"; filename=\"signed.pdf\"\r\n\
         Content-Type: application/pdf\r\n\r\n"
    )
    .into_bytes();
    body.extend(content);
    body.extend(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    client
        .post(server.url(&format!("/consents/{id}/form")))
        .header(reqwest::header::CONTENT_TYPE, format!("multipart/form-data; boundary={BOUNDARY}"))
        .body(body)
        .send()
        .await
        .expect("request")
}

async fn a_signed_form_is_kept_as_a_pdf_and_read_by_the_care_team_only(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = entered(&server.app, &worker, "Signed", "C-9").await;
    let id = server
        .app
        .record_consent(&worker, person, &participation_shared(&server.app, &next_year(&server.app)))
        .await
        .expect("recorded");
    let care = server.client_for("care_worker.has").await.expect("signs in");
    let csrf = server.csrf_token(&care).await.expect("a token");
    let refused = upload(&care, &server, id, &csrf, b"GIF89a not a pdf").await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let said = refused.text().await.expect("body");
    assert!(said.contains("Dit is geen PDF-bestand."), "{said}");
    let pdf = b"%PDF-1.4\n% a scanned form\n";
    let kept = upload(&care, &server, id, &csrf, pdf).await;
    let (status, page) = followed(&care, &server, kept).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("signed.pdf"), "the consent names its signed form");
    let download = care.get(server.url(&format!("/consents/{id}/form"))).send().await.expect("request");
    assert_eq!(download.status(), StatusCode::OK);
    assert_eq!(download.headers()["content-type"], "application/pdf");
    assert_eq!(download.bytes().await.expect("body").as_ref(), pdf);
    for other in ["care_worker.gen", "psychosocial.has", "prison_staff.has"] {
        let client = server.client_for(other).await.expect("signs in");
        let status = client.get(server.url(&format!("/consents/{id}/form"))).send().await.expect("r").status();
        assert!(status == StatusCode::NOT_FOUND || status == StatusCode::FORBIDDEN, "{other}: {status}");
    }
    server.stop().await;
}
on_both_backends!(a_signed_form_is_kept_as_a_pdf_and_read_by_the_care_team_only);

/// The consent API refuses bad input naming the field, in the caller's
/// language, and writes nothing.
async fn bad_consents_through_the_api_are_named_and_nothing_is_written(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker: Actor = actor(&server.app, "care_worker.has").await;
    let person = entered(&server.app, &worker, "Bad", "C-10").await;
    let care = server.client_for("care_worker.has").await.expect("signs in");
    let response = care
        .post(server.url(&format!("/api/v1/people/{person}/consents")))
        .json(&json!({"kind": "sharing", "decision": "granted", "given_on": "2026-01-10", "explanation_language": "fr",
                      "recipient": "organisation", "purpose": "x", "sections": ["participation"]}))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = response.json().await.expect("JSON");
    let fields: Vec<&str> =
        problem["errors"].as_array().expect("errors").iter().filter_map(|e| e["field"].as_str()).collect();
    for field in ["valid_until", "recipient", "purpose"] {
        assert!(fields.contains(&field), "{field} named in {problem}");
    }
    assert!(server.app.person_consents(&worker, person).await.expect("history").consents.is_empty());
    server.stop().await;
}
on_both_backends!(bad_consents_through_the_api_are_named_and_nothing_is_written);

/// Every route naming a consent answers each demo role as the policy says
/// for a consent of a person at HAS; a consent of another prison and an
/// unknown one answer alike.
async fn every_consent_route_answers_each_role_as_the_policy_says(backend: Backend) {
    use continuum_domain::policy::{Target, decide};
    use continuum_http::routes::{Access, table};
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = entered(&server.app, &worker, "Matrix", "C-11").await;
    let id = server
        .app
        .record_consent(&worker, person, &participation_shared(&server.app, &next_year(&server.app)))
        .await
        .expect("recorded");
    server.app.attach_consent_form(&worker, id, "form.pdf", b"%PDF-1.4\n").await.expect("kept");
    let has = worker.sites.iter().find(|s| s.code == "HAS").map(|s| s.id).expect("HAS");
    let routes: Vec<(String, continuum_domain::policy::Action)> = table()
        .into_iter()
        .filter(|s| {
            s.method == "GET"
                && (s.path.starts_with("/consents/")
                    || s.path.contains("Consent/")
                    || s.path.starts_with("/api/v1/consents/"))
        })
        .filter_map(|s| match s.access {
            Access::Policy(action) => Some((s.path.replace("{id}", &id.to_string()), action)),
            _ => None,
        })
        .collect();
    assert_eq!(routes.len(), 5, "{routes:?}");
    for username in [
        "care_worker.has",
        "medical.has",
        "care_worker.gen",
        "psychosocial.has",
        "prison_staff.has",
        "director.has",
        "coordinator.nl",
        "researcher",
        "admin",
    ] {
        let grants = actor(&server.app, username).await.grants;
        let client = server.client_for(username).await.expect("signs in");
        for (path, action) in &routes {
            let status = client.get(server.url(path)).send().await.expect("request").status();
            if decide(&grants, *action, Target::site(has)).is_allowed() {
                assert_eq!(status, StatusCode::OK, "{username} GET {path}");
            } else {
                assert!(
                    status == StatusCode::FORBIDDEN || status == StatusCode::NOT_FOUND,
                    "{username} GET {path}: {status}"
                );
                let unknown = path.replace(&id.to_string(), "999999");
                let other = client.get(server.url(&unknown)).send().await.expect("request").status();
                if status == StatusCode::NOT_FOUND {
                    assert_eq!(
                        other,
                        StatusCode::NOT_FOUND,
                        "{username}: another prison's consent answers as an unknown one"
                    );
                }
            }
        }
    }
    server.stop().await;
}
on_both_backends!(every_consent_route_answers_each_role_as_the_policy_says);

/// Every kind of consent read through FHIR is a valid R4 `Consent` (checked
/// by the independent schema validator) and says what was recorded.
async fn consents_read_through_fhir_are_valid_r4(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let admin = actor(&server.app, "admin").await;
    let person = entered(&server.app, &worker, "Fhir", "C-12").await;
    let organisation = server
        .app
        .create_organisation(
            &admin,
            continuum_domain::reference::OrganisationDraft::parse(
                "CAD Test",
                "care_provider",
                &["nl".into()],
                "",
                true,
            )
            .expect("valid"),
        )
        .await
        .expect("created");
    let today = server.app.belgian_today().to_string();
    let until = next_year(&server.app);
    let sections = vec!["identity".to_owned(), "care_plan".to_owned()];
    let mut ids =
        vec![server.app.record_consent(&worker, person, &participation_shared(&server.app, &until)).await.expect("ok")];
    for (kind, decision, recipient) in [
        ("sharing", "granted", "organisation"),
        ("sharing", "refused", "organisation"),
        ("research", "granted", ""),
        ("contact_after_release", "refused", ""),
        ("screening", "granted", ""),
        ("treatment", "granted", ""),
    ] {
        let fields = ConsentFields {
            kind,
            decision,
            given_on: &today,
            explanation_language: "ar",
            valid_until: &until,
            recipient,
            organisation: Some(organisation),
            purpose: "care_coordination",
            sections: &sections,
            ..ConsentFields::default()
        };
        let draft = ConsentDraft::parse(&fields, server.app.belgian_today()).expect("valid");
        ids.push(server.app.record_consent(&worker, person, &draft).await.expect("recorded"));
    }
    server.app.withdraw_consent(&worker, ids[0], &Withdrawal::parse("").expect("ok")).await.expect("withdrawn");
    server.app.attach_consent_form(&worker, ids[1], "signed.pdf", b"%PDF-1.4\n").await.expect("kept");
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let dir = tempfile::tempdir().expect("a directory");
    let mut files = Vec::new();
    for id in &ids {
        let response = client.get(server.url(&format!("/fhir/r4/Consent/{id}"))).send().await.expect("request");
        assert_eq!(response.status(), StatusCode::OK, "Consent/{id}");
        let body: Value = response.json().await.expect("JSON");
        assert_eq!(body["resourceType"], "Consent");
        assert_eq!(body["patient"]["reference"], format!("Patient/{person}"));
        let file = dir.path().join(format!("consent-{id}.json"));
        std::fs::write(&file, body.to_string()).expect("written");
        files.push(file);
    }
    let (valid, said) = crate::fhir::schema_check(&files);
    assert!(valid, "{said}");
    let read = |id: i64| {
        let client = client.clone();
        let url = server.url(&format!("/fhir/r4/Consent/{id}"));
        async move { client.get(url).send().await.expect("request").json::<Value>().await.expect("JSON") }
    };
    let withdrawn = read(ids[0]).await;
    assert_eq!(withdrawn["status"], "inactive");
    assert_eq!(withdrawn["provision"]["code"][0]["coding"][0]["code"], "participation");
    let shared = read(ids[1]).await;
    assert_eq!(shared["status"], "active");
    assert_eq!(shared["provision"]["type"], "permit");
    assert_eq!(shared["provision"]["actor"][0]["reference"]["reference"], format!("Organization/{organisation}"));
    assert_eq!(shared["provision"]["purpose"][0]["code"], "COC");
    assert_eq!(shared["sourceAttachment"]["contentType"], "application/pdf");
    assert_eq!(read(ids[2]).await["provision"]["type"], "deny");
    assert_eq!(read(ids[3]).await["scope"]["coding"][0]["code"], "research");
    let elsewhere = server.client_for("care_worker.gen").await.expect("signs in");
    let status = elsewhere.get(server.url(&format!("/fhir/r4/Consent/{}", ids[1]))).send().await.expect("r").status();
    assert_eq!(status, StatusCode::NOT_FOUND);
    server.stop().await;
}
on_both_backends!(consents_read_through_fhir_are_valid_r4);

/// Registers a person entering `site` on behalf of its care worker.
pub(crate) async fn entered_at(app: &App, site: &str, family: &str, number: &str) -> i64 {
    use continuum_app::people::{NewEntry, Registration};
    use continuum_domain::person::{EpisodeDraft, EpisodeFields, PersonDraft, PersonFields};
    let worker = actor(app, &format!("care_worker.{}", site.to_ascii_lowercase())).await;
    let today = app.register_today();
    let fields = PersonFields {
        family_name: family,
        given_names: "Demo",
        birth_date: "1990-01-01",
        sex: "male",
        nationality: "BE",
        languages: "fr",
        preferred_language: "",
    };
    let person = PersonDraft::parse(&fields, today).expect("valid");
    let entry = today.to_string();
    let fields =
        EpisodeFields { prison_number: number, entry_date: &entry, legal_status: "remand", expected_release: "" };
    let episode = EpisodeDraft::parse(&fields, Some(person.birth_date), today).expect("valid");
    let id = worker.sites.iter().find(|s| s.code == site).map(|s| s.id).expect("the site");
    match app.register_entry(&worker, id, &NewEntry { person, episode, not_a_duplicate: true }).await.expect("ok") {
        Registration::Registered(id) => id,
        Registration::PossibleDuplicates(_) => panic!("held back"),
    }
}

async fn the_demo_records_consents_of_every_kind_with_one_withdrawn_and_one_expired(backend: Backend) {
    let test = demo_app(backend).await;
    for site in ["HAS", "LAN"] {
        for n in 0..7 {
            entered_at(&test.app, site, &format!("Demo{n}"), &format!("{site}-D{n}")).await;
        }
    }
    continuum_app::demo::seed_consents(&test.app).await.expect("the demo's consents");
    let worker = actor(&test.app, "care_worker.has").await;
    let people = test
        .app
        .search_people(&worker, "", continuum_app::people::PeopleOrder::EntryNewest, Paging::default())
        .await
        .expect("people");
    let mut kinds = std::collections::BTreeSet::new();
    let mut standings = Vec::new();
    for person in &people.items {
        for record in test.app.person_consents(&worker, person.id).await.expect("history").consents {
            kinds.insert(record.row.kind.clone());
            standings.push((record.row.kind.clone(), record.row.decision.clone(), record.standing.code()));
        }
    }
    assert_eq!(kinds.len(), 5, "every kind: {kinds:?}");
    for expected in
        [("sharing", "granted", "withdrawn"), ("sharing", "granted", "expired"), ("research", "refused", "in_force")]
    {
        let (kind, decision, standing) = expected;
        assert!(
            standings.iter().any(|(k, d, s)| k == kind && d == decision && *s == standing),
            "{expected:?} in {standings:?}"
        );
    }
    for psychosocial in ["psychosocial.has", "psychosocial.lan"] {
        let reader = actor(&test.app, psychosocial).await;
        let shared = test.app.shared_participation(&reader, Paging::default()).await.expect("list");
        assert_eq!(shared.total, 1, "{psychosocial} sees the one person who shares with it");
    }
    let officer = actor(&test.app, "prison_staff.has").await;
    let directory = test
        .app
        .search_directory(&officer, &continuum_app::directory::DirectoryFilter::default(), Paging::default())
        .await
        .expect("the directory");
    let languages: std::collections::BTreeSet<&str> = directory.items.iter().map(|s| s.languages.as_str()).collect();
    assert!(languages.contains("nl") && languages.contains("fr"), "providers in both regions: {languages:?}");
    let kinds: std::collections::BTreeSet<&str> = directory.items.iter().map(|s| s.kind.as_str()).collect();
    assert_eq!(kinds.len(), continuum_domain::directory::ServiceKind::ALL.len(), "every kind of service");
}
on_both_backends!(the_demo_records_consents_of_every_kind_with_one_withdrawn_and_one_expired);
