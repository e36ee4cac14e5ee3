//! Referrals end to end (issue 6, item 3): written as a draft by the care
//! team of the person's prison, sent only within the person's sharing
//! consent (each missing consent named), a service that does not fit the
//! person confirmed, every change recorded and audited, overdue referrals
//! on the worklist, through the pages, the API and FHIR (valid R4).

use continuum_app::audit_trail::{AuditFilter, AuditRow};
use continuum_app::referrals::{Creation, ReferralFilter, Sending};
use continuum_app::{Actor, App, AppError, Paging};
use continuum_domain::consent::{ConsentDraft, ConsentFields, Lack, Section};
use continuum_domain::referral::{CoverageWarning, Overdue, ReferralDraft, ReferralFields, ReferralStatus, StepFields};
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::on_both_backends;
use crate::screening::entered;
use crate::screening_api::token_for;
use crate::support::{actor, demo_app};

/// The id of the demo organisation with this name.
pub(crate) async fn organisation_id(app: &App, name: &str) -> i64 {
    let admin = actor(app, "admin").await;
    let filter = continuum_app::reference::OrganisationFilter { search: Some(name.to_owned()), ..Default::default() };
    let found = app.list_organisations(&admin, &filter, Paging { page: 1, per_page: 5 }).await.expect("listed");
    found.items.into_iter().find(|o| o.name == name).map(|o| o.id).expect("a demo organisation")
}

/// A service of the demo's Drughulp Limburg covering HAS in French and
/// Dutch (so it fits the people `entered` at HAS, who speak French); its id
/// and its organisation's.
pub(crate) async fn fitting_service(app: &App) -> (i64, i64) {
    let coordinator = actor(app, "coordinator.nl").await;
    let organisation = organisation_id(app, "Drughulp Limburg (demo)").await;
    let mut draft = crate::directory::service(organisation, "Nazorg Hasselt (test)", "drug_service", &["HAS"], "fr");
    draft.languages.push(continuum_domain::site::Language::Nl);
    let id = app.create_care_service(&coordinator, &draft).await.expect("added");
    (id, organisation)
}

/// A referral of `person` to `service` sharing these sections.
pub(crate) fn referral(service: i64, sections: &[&str]) -> ReferralDraft {
    let sections: Vec<String> = sections.iter().map(|s| (*s).to_owned()).collect();
    ReferralDraft::parse(&ReferralFields {
        service: Some(service),
        reason: "Continue methadone after release; housing support",
        urgency: "urgent",
        sections: &sections,
    })
    .expect("a valid referral")
}

/// The person's consent to share these sections with the organisation
/// for a year; its id.
pub(crate) async fn consent_to_share(
    app: &App,
    worker: &Actor,
    person: i64,
    organisation: i64,
    sections: &[&str],
) -> i64 {
    let sections: Vec<String> = sections.iter().map(|s| (*s).to_owned()).collect();
    let today = app.belgian_today();
    let until = today.checked_add(jiff::Span::new().days(365)).expect("a day").to_string();
    let draft = ConsentDraft::parse(
        &ConsentFields {
            kind: "sharing",
            decision: "granted",
            given_on: &today.to_string(),
            explanation_language: "fr",
            valid_until: &until,
            recipient: "organisation",
            organisation: Some(organisation),
            purpose: "continuity_of_care",
            sections: &sections,
            ..ConsentFields::default()
        },
        today,
    )
    .expect("a valid consent");
    app.record_consent(worker, person, &draft).await.expect("recorded")
}

/// A referral of a person entered at HAS, written and sent by the care
/// worker there within a consent for identity and medication: the app,
/// the person, the referral, its organisation and the consent.
pub(crate) struct Sent {
    pub person: i64,
    pub referral: i64,
    pub organisation: i64,
    pub consent: i64,
}

pub(crate) async fn sent_referral(app: &App, family: &str) -> Sent {
    let worker = actor(app, "care_worker.has").await;
    let person = entered(app, &worker, family, &format!("R-{family}")).await;
    let (service, organisation) = fitting_service(app).await;
    let consent = consent_to_share(app, &worker, person, organisation, &["identity", "medication"]).await;
    let Creation::Created(referral) = app
        .create_referral(&worker, person, &referral(service, &["identity", "medication"]), false)
        .await
        .expect("written")
    else {
        panic!("the service fits the person");
    };
    assert_eq!(app.send_referral(&worker, referral).await.expect("sent"), Sending::Sent);
    Sent { person, referral, organisation, consent }
}

pub(crate) async fn audit_rows(app: &App, action: &str, outcome: &str) -> Vec<AuditRow> {
    let admin = actor(app, "admin").await;
    let filter =
        AuditFilter { action: Some(action.to_owned()), outcome: Some(outcome.to_owned()), ..AuditFilter::default() };
    app.search_audit(&admin, &filter, Paging { page: 1, per_page: 200 }).await.expect("search").items
}

fn step<'a>(code: &'a str, appointment_at: &'a str, note: &'a str) -> StepFields<'a> {
    StepFields { step: code, appointment_at, place: "Kolonel Dusartplein 1, Hasselt", note }
}

async fn a_referral_is_written_sent_within_the_consent_and_every_change_is_recorded_and_audited(backend: Backend) {
    let test = demo_app(backend).await;
    let sent = sent_referral(&test.app, "Sending").await;
    let worker = actor(&test.app, "care_worker.has").await;
    let record = test.app.get_referral(&worker, sent.referral).await.expect("read");
    assert_eq!(record.referral.status, ReferralStatus::Sent);
    assert_eq!(record.referral.sections, [Section::Identity, Section::Medication]);
    let steps: Vec<(&str, &str, Option<&str>)> =
        record.events.iter().map(|e| (e.step.as_str(), e.status.as_str(), e.by.as_deref())).collect();
    assert_eq!(steps, [("create", "draft", Some("Zorgverlener HAS")), ("send", "sent", Some("Zorgverlener HAS"))]);
    assert!(record.sharing.iter().all(|(_, verdict)| verdict.is_allowed()));
    for action in ["referral.create", "referral.send", "referral.read"] {
        let rows = audit_rows(&test.app, action, "allowed").await;
        assert!(rows.iter().any(|r| r.entry.person_id == Some(sent.person)), "{action} audited with the person");
    }
    let sending = audit_rows(&test.app, "referral.send", "allowed").await;
    assert_eq!(sending[0].entry.reason.as_deref(), Some(format!("consent={}", sent.consent).as_str()));
}
on_both_backends!(a_referral_is_written_sent_within_the_consent_and_every_change_is_recorded_and_audited);

async fn sending_without_consent_is_refused_naming_each_missing_consent_and_nothing_changes(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = entered(&test.app, &worker, "Unconsented", "R-U1").await;
    let (service, organisation) = fitting_service(&test.app).await;
    let consent = consent_to_share(&test.app, &worker, person, organisation, &["identity"]).await;
    let draft = referral(service, &["identity", "screening", "medication"]);
    let Ok(Creation::Created(id)) = test.app.create_referral(&worker, person, &draft, false).await else {
        panic!("a draft needs no consent");
    };
    let Sending::ConsentMissing(missing) = test.app.send_referral(&worker, id).await.expect("answered") else {
        panic!("refused");
    };
    let named: Vec<(Section, Lack)> = missing.iter().map(|m| (m.section, m.lack)).collect();
    let not_covered = Lack::SectionNotCovered(continuum_domain::ids::ConsentId(consent));
    assert_eq!(named, [(Section::Screening, not_covered), (Section::Medication, not_covered)]);
    let record = test.app.get_referral(&worker, id).await.expect("read");
    assert_eq!(record.referral.status, ReferralStatus::Draft);
    assert_eq!(record.events.len(), 1, "no change recorded");
    let refused = audit_rows(&test.app, "referral.send", "denied").await;
    let reason = refused[0].entry.reason.clone().unwrap_or_default();
    assert!(reason.contains("section=screening lack=section_not_covered"), "{reason}");
}
on_both_backends!(sending_without_consent_is_refused_naming_each_missing_consent_and_nothing_changes);

async fn a_service_of_another_prison_and_language_is_written_only_once_confirmed(backend: Backend) {
    let test = demo_app(backend).await;
    let worker = actor(&test.app, "care_worker.has").await;
    let person = entered(&test.app, &worker, "Faraway", "R-F1").await;
    let coordinator = actor(&test.app, "coordinator.fr").await;
    let organisation = organisation_id(&test.app, "Assuétudes Wallonie (demo)").await;
    let draft = crate::directory::service(organisation, "Centre Namur (test)", "drug_service", &["AND"], "nl");
    let service = test.app.create_care_service(&coordinator, &draft).await.expect("added");
    let draft = referral(service, &["identity"]);
    let answer = test.app.create_referral(&worker, person, &draft, false).await.expect("answered");
    assert_eq!(
        answer,
        Creation::ToConfirm(vec![CoverageWarning::PrisonNotCovered, CoverageWarning::LanguageNotSpoken])
    );
    assert!(test.app.person_referrals(&worker, person).await.expect("listed").is_empty(), "nothing written");
    let Creation::Created(id) = test.app.create_referral(&worker, person, &draft, true).await.expect("written") else {
        panic!("confirmed");
    };
    let record = test.app.get_referral(&worker, id).await.expect("read");
    assert_eq!(
        record.referral.coverage_confirmed,
        [CoverageWarning::PrisonNotCovered, CoverageWarning::LanguageNotSpoken]
    );
}
on_both_backends!(a_service_of_another_prison_and_language_is_written_only_once_confirmed);

async fn the_care_team_records_the_answer_appointment_and_attendance_and_the_follow_up_reads_the_outcome(
    backend: Backend,
) {
    let test = demo_app(backend).await;
    let sent = sent_referral(&test.app, "Answered").await;
    let worker = actor(&test.app, "care_worker.has").await;
    let tomorrow = test.app.belgian_today().checked_add(jiff::Span::new().days(1)).expect("a day");
    let at = format!("{tomorrow}T10:30");
    test.app.take_referral_step(&worker, sent.referral, &step("accept", "", "")).await.expect("accepted");
    test.app.take_referral_step(&worker, sent.referral, &step("appointment", &at, "")).await.expect("given");
    assert!(matches!(
        test.app.take_referral_step(&worker, sent.referral, &step("attended", "", "")).await,
        Err(AppError::Conflict("referral-step-before-appointment"))
    ));
    test.app.advance_clock(jiff::SignedDuration::from_hours(48));
    test.app.take_referral_step(&worker, sent.referral, &step("attended", "", "")).await.expect("recorded");
    let outcome = test.app.latest_referral_outcome(&worker, sent.person).await.expect("read").expect("one");
    assert_eq!(outcome.status, ReferralStatus::Attended);
    assert_eq!(outcome.attended, Some(true));
    assert_eq!(outcome.appointment.map(|a| a.date()), Some(tomorrow));
    let record = test.app.get_referral(&worker, sent.referral).await.expect("read");
    let parties: Vec<&str> = record.events.iter().map(|e| e.party.as_str()).collect();
    assert_eq!(parties, ["care_team"; 5]);
    let closing = test.app.take_referral_step(&worker, sent.referral, &step("close", "", "")).await;
    assert!(matches!(closing, Err(AppError::Invalid(_))), "a closing gives its reason");
    test.app.take_referral_step(&worker, sent.referral, &step("close", "", "Follow-up done")).await.expect("closed");
    assert!(matches!(
        test.app.take_referral_step(&worker, sent.referral, &step("accept", "", "")).await,
        Err(AppError::Conflict("referral-step-not-from-status"))
    ));
}
on_both_backends!(the_care_team_records_the_answer_appointment_and_attendance_and_the_follow_up_reads_the_outcome);

async fn another_prisons_referral_answers_as_an_unknown_one(backend: Backend) {
    let test = demo_app(backend).await;
    let sent = sent_referral(&test.app, "Elsewhere").await;
    let other = actor(&test.app, "care_worker.gen").await;
    for id in [sent.referral, sent.referral + 1000] {
        assert!(matches!(test.app.get_referral(&other, id).await, Err(AppError::NotFound)), "{id}");
        assert!(matches!(test.app.send_referral(&other, id).await, Err(AppError::NotFound)), "{id}");
        let taken = test.app.take_referral_step(&other, id, &step("accept", "", "")).await;
        assert!(matches!(taken, Err(AppError::NotFound)), "{id}");
    }
    assert!(matches!(test.app.person_referrals(&other, sent.person).await, Err(AppError::NotFound)));
    let listed = test.app.list_referrals(&other, ReferralFilter::default(), Paging::default()).await.expect("listed");
    assert!(listed.items.iter().all(|r| r.row.id != sent.referral));
    for role in ["psychosocial.has", "prison_staff.has", "director.has", "admin"] {
        let reader = actor(&test.app, role).await;
        assert!(test.app.get_referral(&reader, sent.referral).await.is_err(), "{role} reads no referral");
    }
}
on_both_backends!(another_prisons_referral_answers_as_an_unknown_one);

async fn an_unanswered_referral_is_overdue_on_its_prisons_worklist(backend: Backend) {
    let test = demo_app(backend).await;
    let sent = sent_referral(&test.app, "Waiting").await;
    let worker = actor(&test.app, "care_worker.has").await;
    let overdue = ReferralFilter { overdue: true, ..ReferralFilter::default() };
    let listed = test.app.list_referrals(&worker, overdue, Paging::default()).await.expect("listed");
    assert!(listed.items.is_empty(), "urgent: two days to answer");
    test.app.advance_clock(jiff::SignedDuration::from_hours(49));
    let listed = test.app.list_referrals(&worker, overdue, Paging::default()).await.expect("listed");
    assert_eq!(
        listed.items.iter().map(|r| (r.row.id, r.overdue)).collect::<Vec<_>>(),
        [(sent.referral, Some(Overdue::Unanswered))]
    );
    let other = actor(&test.app, "care_worker.gen").await;
    assert!(test.app.list_referrals(&other, overdue, Paging::default()).await.expect("listed").items.is_empty());
}
on_both_backends!(an_unanswered_referral_is_overdue_on_its_prisons_worklist);

// Pages, API and FHIR.

async fn on_pages_a_referral_is_written_confirmed_refused_without_consent_and_sent(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = entered(&server.app, &worker, "Paged", "R-P1").await;
    let organisation = organisation_id(&server.app, "Drughulp Limburg (demo)").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let csrf = server.csrf_token(&client).await.expect("a form token");
    let form = client.get(server.url(&format!("/people/{person}/referrals/new"))).send().await.expect("form");
    let html = form.text().await.expect("body");
    let service = html
        .split("<option value=\"")
        .skip(1)
        .find(|o| o.contains("Ambulante drughulp Hasselt"))
        .and_then(|o| o.split('"').next())
        .expect("the demo's service is offered")
        .to_owned();
    let fields = |confirm: &str| {
        vec![
            ("csrf", csrf.clone()),
            ("service", service.clone()),
            ("reason", "Outpatient care after release".to_owned()),
            ("urgency", "routine".to_owned()),
            ("sections", "identity".to_owned()),
            ("sections", "medication".to_owned()),
            ("confirm_coverage", confirm.to_owned()),
        ]
    };
    let path = server.url(&format!("/people/{person}/referrals/new"));
    let warned = client.post(&path).form(&fields("")).send().await.expect("posted");
    assert_eq!(warned.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = warned.text().await.expect("body");
    assert!(html.contains("in geen enkele taal van de persoon werkt"), "the warning is shown in Dutch");
    assert!(html.contains("Outpatient care after release"), "what was typed is shown again");
    let written = client.post(&path).form(&fields("on")).send().await.expect("posted");
    assert_eq!(written.status(), StatusCode::SEE_OTHER, "redirected to the referral");
    let at = written.headers()[reqwest::header::LOCATION].to_str().expect("a location").to_owned();
    let id: i64 = at
        .trim_start_matches("/referrals/")
        .split('?')
        .next()
        .and_then(|id| id.parse().ok())
        .expect("the referral's id");
    let send = server.url(&format!("/referrals/{id}/send"));
    let refused = client.post(&send).form(&[("csrf", csrf.as_str())]).send().await.expect("posted");
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = refused.text().await.expect("body");
    assert!(html.contains("Drughulp Limburg (demo) heeft geen toestemming"), "the missing consent is named");
    consent_to_share(&server.app, &worker, person, organisation, &["identity", "medication"]).await;
    let sent = client.post(&send).form(&[("csrf", csrf.as_str())]).send().await.expect("posted");
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let shown = client.get(server.url(&at)).send().await.expect("the referral");
    let html = shown.text().await.expect("body");
    assert!(html.contains("Verstuurd"), "the referral shows as sent");
    let list = client.get(server.url(&format!("/people/{person}/referrals"))).send().await.expect("list");
    assert!(list.text().await.expect("body").contains(&format!("/referrals/{id}")));
    server.stop().await;
}
on_both_backends!(on_pages_a_referral_is_written_confirmed_refused_without_consent_and_sent);

async fn post_json(token: &str, url: String, body: Value) -> reqwest::Response {
    reqwest::Client::new().post(url).bearer_auth(token).json(&body).send().await.expect("request")
}

async fn through_the_api_a_referral_is_written_sent_and_answered(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = entered(&server.app, &worker, "Api", "R-A1").await;
    let (service, organisation) = fitting_service(&server.app).await;
    let token = token_for(&server, "care_worker.has").await;
    let body = json!({"service_id": service, "reason": "OAT after release", "urgency": "asap",
        "sections": ["identity", "screening"]});
    let created = post_json(&token, server.url(&format!("/api/v1/people/{person}/referrals")), body).await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let location = created.headers()["location"].to_str().expect("text").to_owned();
    let detail: Value = created.json().await.expect("JSON");
    let id = detail["referral"]["id"].as_i64().expect("an id");
    assert_eq!(location, format!("/api/v1/referrals/{id}"));
    assert_eq!(detail["referral"]["status"], "draft");
    assert_eq!(detail["steps"], json!(["send", "close"]));
    let refused = post_json(&token, server.url(&format!("/api/v1/referrals/{id}/send")), json!({})).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = refused.json().await.expect("JSON");
    assert_eq!(problem["errors"][0]["field"], "sections");
    assert_eq!(problem["errors"][0]["code"], "consent-missing");
    let message = problem["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("Drughulp Limburg (demo)") && message.contains("Identiteit"), "{message}");
    consent_to_share(&server.app, &worker, person, organisation, &["identity", "screening"]).await;
    let sent = post_json(&token, server.url(&format!("/api/v1/referrals/{id}/send")), json!({})).await;
    assert_eq!(sent.status(), StatusCode::OK);
    let refusing = json!({"step": "refuse"});
    let invalid = post_json(&token, server.url(&format!("/api/v1/referrals/{id}/steps")), refusing).await;
    assert_eq!(invalid.status(), StatusCode::UNPROCESSABLE_ENTITY, "a refusal gives its reason");
    let refusing = json!({"step": "refuse", "note": "No place before March"});
    let answered = post_json(&token, server.url(&format!("/api/v1/referrals/{id}/steps")), refusing).await;
    let detail: Value = answered.json().await.expect("JSON");
    assert_eq!(detail["referral"]["status"], "refused");
    assert_eq!(detail["events"][2]["note"], "No place before March");
    let listed: Value = reqwest::Client::new()
        .get(server.url("/api/v1/referrals?status=refused"))
        .bearer_auth(&token)
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("JSON");
    assert!(listed["items"].as_array().expect("items").iter().any(|r| r["id"] == id));
    server.stop().await;
}
on_both_backends!(through_the_api_a_referral_is_written_sent_and_answered);

async fn a_referral_reads_as_a_valid_fhir_service_request_and_task(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let sent = sent_referral(&server.app, "Fhir").await;
    let worker = actor(&server.app, "care_worker.has").await;
    let tomorrow = server.app.belgian_today().checked_add(jiff::Span::new().days(1)).expect("a day");
    let at = format!("{tomorrow}T09:15");
    server.app.take_referral_step(&worker, sent.referral, &step("appointment", &at, "")).await.expect("given");
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let dir = tempfile::tempdir().expect("a directory");
    let mut files = Vec::new();
    for kind in ["ServiceRequest", "Task"] {
        let response =
            client.get(server.url(&format!("/fhir/r4/{kind}/{}", sent.referral))).send().await.expect("request");
        assert_eq!(response.status(), StatusCode::OK, "{kind}");
        let body: Value = response.json().await.expect("JSON");
        assert_eq!(body["resourceType"], kind);
        let path = dir.path().join(format!("{kind}.json"));
        std::fs::write(&path, body.to_string()).expect("written");
        files.push(path);
        if kind == "ServiceRequest" {
            assert_eq!(body["status"], "active");
            assert_eq!(body["priority"], "urgent");
            assert_eq!(body["subject"]["reference"], format!("Patient/{}", sent.person));
            let occurrence = body["occurrenceDateTime"].as_str().unwrap_or_default();
            assert!(occurrence.starts_with(&format!("{tomorrow}T09:15:00+0")), "{occurrence}");
        } else {
            assert_eq!(body["status"], "in-progress");
            assert_eq!(body["businessStatus"]["coding"][0]["code"], "appointment_made");
            assert_eq!(body["focus"]["reference"], format!("ServiceRequest/{}", sent.referral));
            assert_eq!(body["owner"]["reference"], format!("Organization/{}", sent.organisation));
        }
    }
    let (valid, said) = crate::fhir::schema_check(&files);
    assert!(valid, "{said}");
    let other = server.client_for("care_worker.gen").await.expect("signs in");
    let response = other.get(server.url(&format!("/fhir/r4/Task/{}", sent.referral))).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    server.stop().await;
}
on_both_backends!(a_referral_reads_as_a_valid_fhir_service_request_and_task);

/// The person's consent to share these sections with the psychosocial
/// service for a year.
async fn shared_with_the_psychosocial_service(app: &App, worker: &Actor, person: i64, sections: &[&str]) {
    let sections: Vec<String> = sections.iter().map(|s| (*s).to_owned()).collect();
    let today = app.belgian_today();
    let until = today.checked_add(jiff::Span::new().years(1)).expect("a year").to_string();
    let today = today.to_string();
    let draft = ConsentDraft::parse(
        &ConsentFields {
            kind: "sharing",
            decision: "granted",
            given_on: &today,
            explanation_language: "fr",
            valid_until: &until,
            recipient: "psychosocial_service",
            purpose: "persons_request",
            sections: &sections,
            ..ConsentFields::default()
        },
        app.belgian_today(),
    )
    .expect("a valid consent");
    app.record_consent(worker, person, &draft).await.expect("recorded");
}

async fn the_psychosocial_service_sees_referral_status_only_with_the_persons_consent(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let sent = sent_referral(&server.app, "Psychosociaal").await;
    let worker = actor(&server.app, "care_worker.has").await;
    shared_with_the_psychosocial_service(&server.app, &worker, sent.person, &["participation"]).await;
    let psychosocial = server.client_for("psychosocial.has").await.expect("signs in");
    let page = server.url(&format!("/people/{}/participation", sent.person));
    let html = psychosocial.get(&page).send().await.expect("page").text().await.expect("body");
    assert!(html.contains("Psychosociaal"), "the participation is shared");
    assert!(!html.contains("Doorverwijzingen</h2>"), "the referral status is not");
    shared_with_the_psychosocial_service(&server.app, &worker, sent.person, &["participation", "referral_status"])
        .await;
    let html = psychosocial.get(&page).send().await.expect("page").text().await.expect("body");
    assert!(html.contains("Doorverwijzingen</h2>") && html.contains("Verstuurd"), "the status is shown");
    assert!(!html.contains("Nazorg Hasselt"), "never the service");
    assert!(!html.contains("Continue methadone"), "never the reason");
    server.stop().await;
}
on_both_backends!(the_psychosocial_service_sees_referral_status_only_with_the_persons_consent);

async fn the_follow_up_shows_whether_the_person_reached_the_referred_service(backend: Backend) {
    let server = continuum_testkit::server::TestServer::start(backend).await.expect("server");
    let sent = sent_referral(&server.app, "Bereikt").await;
    let worker = actor(&server.app, "care_worker.has").await;
    let planning = server.app.release_planning(&worker, sent.person).await.expect("read");
    assert_eq!(planning.referral.map(|r| r.status), Some(ReferralStatus::Sent));
    let tomorrow = server.app.belgian_today().checked_add(jiff::Span::new().days(1)).expect("a day");
    let at = format!("{tomorrow}T10:30");
    server.app.take_referral_step(&worker, sent.referral, &step("accept", "", "")).await.expect("accepted");
    server.app.take_referral_step(&worker, sent.referral, &step("appointment", &at, "")).await.expect("given");
    server.app.advance_clock(jiff::SignedDuration::from_hours(48));
    server.app.take_referral_step(&worker, sent.referral, &step("attended", "", "")).await.expect("recorded");
    let planning = server.app.release_planning(&worker, sent.person).await.expect("read");
    assert_eq!(planning.referral.as_ref().and_then(|r| r.attended), Some(true));
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let page = client.get(server.url(&format!("/people/{}/release-plan", sent.person))).send().await.expect("request");
    let body = page.text().await.expect("body");
    assert!(body.contains("Aanwezig op de afspraak"), "attended, in Dutch");
    assert!(body.contains(&format!("href=\"/referrals/{}\"", sent.referral)), "a link to the referral");
    assert!(body.contains(&format!("{tomorrow} 10:30")), "the appointment");
    server.stop().await;
}
on_both_backends!(the_follow_up_shows_whether_the_person_reached_the_referred_service);
