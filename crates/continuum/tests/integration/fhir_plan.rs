//! The care plan as FHIR R4 (issue 5, item 9): a plan as a CarePlan, its
//! goals as Goals; valid R4 (tools/fhir-validator) in each language, for the
//! person's clinical team only, every read audited.

use std::path::PathBuf;

use continuum_app::App;
use continuum_domain::care::plan::{GoalFields, InterventionFields, PlanFields};
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;
use reqwest::header::ACCEPT_LANGUAGE;
use serde_json::Value;

use crate::care_plan::after_intake;
use crate::fhir::schema_check;
use crate::on_both_backends;
use crate::support::{actor, audit_rows};

fn day(app: &App, days: i64) -> String {
    app.register_today().checked_add(jiff::Span::new().days(days)).expect("a day").to_string()
}

/// A person at HAS with a care plan: a goal with a target date, another
/// without, two interventions; answers (person, plan).
async fn planned(app: &App) -> (i64, i64) {
    let worker = actor(app, "care_worker.has").await;
    let person = after_intake(app, &worker, "Fhir-Plan").await;
    let (today, review, target, later) = (day(app, 0), day(app, 60), day(app, 90), day(app, 7));
    let fields = PlanFields {
        plan_date: &today,
        review_date: &review,
        goals: vec![
            GoalFields {
                description: "No heroin use in prison",
                status: "open",
                target_date: &target,
                ..GoalFields::default()
            },
            GoalFields { description: "Find housing before release", status: "open", ..GoalFields::default() },
        ],
        interventions: vec![
            InterventionFields {
                kind: "individual_counselling",
                description: "Weekly conversation",
                responsible: "An Peeters",
                starts_on: &today,
                status: "in_progress",
                ..InterventionFields::default()
            },
            InterventionFields {
                kind: "oat",
                description: "Methadone, observed",
                responsible: "Medical service",
                starts_on: &later,
                status: "planned",
                ..InterventionFields::default()
            },
        ],
        ..PlanFields::default()
    };
    let plan = app.start_care_plan(&worker, person, &fields).await.expect("a plan");
    (person, plan)
}

async fn fetch(client: &reqwest::Client, server: &TestServer, path: &str, language: &str) -> (StatusCode, Value) {
    let response = client.get(server.url(path)).header(ACCEPT_LANGUAGE, language).send().await.expect("request");
    let status = response.status();
    (status, response.json().await.expect("JSON"))
}

fn paths(person: i64, plan: i64) -> Vec<String> {
    vec![
        format!("/fhir/r4/CarePlan?patient=Patient/{person}"),
        format!("/fhir/r4/CarePlan/{plan}"),
        format!("/fhir/r4/Goal?patient=Patient/{person}"),
        format!("/fhir/r4/Goal/{plan}-g1"),
    ]
}

async fn care_plans_and_goals_are_valid_fhir_r4_in_every_language(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let (person, plan) = planned(&server.app).await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let dir = tempfile::tempdir().expect("a directory");
    let mut files: Vec<PathBuf> = Vec::new();
    for (n, path) in paths(person, plan).iter().enumerate() {
        for language in ["nl", "fr", "en"] {
            let (status, body) = fetch(&client, &server, path, language).await;
            assert_eq!(status, StatusCode::OK, "GET {path}");
            let file = dir.path().join(format!("{n}-{language}.json"));
            std::fs::write(&file, body.to_string()).expect("written");
            files.push(file);
        }
    }
    let (valid, said) = schema_check(&files);
    assert!(valid, "{said}");
    server.stop().await;
}
on_both_backends!(care_plans_and_goals_are_valid_fhir_r4_in_every_language);

async fn a_care_plan_carries_its_version_review_date_goals_and_interventions(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let (person, plan) = planned(&server.app).await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let (_, resource) = fetch(&client, &server, &format!("/fhir/r4/CarePlan/{plan}"), "fr").await;
    assert_eq!(resource["status"], "active");
    assert_eq!(resource["meta"]["versionId"], "1");
    assert_eq!(resource["subject"]["reference"], format!("Patient/{person}"));
    assert_eq!(resource["extension"][0]["valueDate"], day(&server.app, 60));
    assert_eq!(resource["goal"][1]["reference"], format!("Goal/{plan}-g2"));
    let first = &resource["activity"][0]["detail"];
    assert_eq!(
        (
            first["status"].as_str(),
            first["performer"][0]["display"].as_str(),
            first["code"]["coding"][0]["code"].as_str()
        ),
        (Some("in-progress"), Some("An Peeters"), Some("individual_counselling"))
    );
    let second = &resource["activity"][1]["detail"];
    assert_eq!(
        (second["status"].as_str(), second["scheduledPeriod"]["start"].clone()),
        (Some("scheduled"), Value::from(day(&server.app, 7)))
    );
    let (_, goal) = fetch(&client, &server, &format!("/fhir/r4/Goal/{plan}-g1"), "en").await;
    assert_eq!(
        (goal["lifecycleStatus"].as_str(), goal["description"]["text"].as_str(), goal["target"][0]["dueDate"].clone()),
        (Some("active"), Some("No heroin use in prison"), Value::from(day(&server.app, 90)))
    );
    let (_, goals) = fetch(&client, &server, &format!("/fhir/r4/Goal?patient=Patient/{person}"), "en").await;
    assert_eq!(goals["total"], 2);
    server.stop().await;
}
on_both_backends!(a_care_plan_carries_its_version_review_date_goals_and_interventions);

async fn fhir_care_plans_are_for_the_persons_clinical_team_and_every_read_is_audited(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let (person, plan) = planned(&server.app).await;
    let worker = server.client_for("care_worker.has").await.expect("signs in");
    let before = audit_rows(&server.app).await;
    for path in paths(person, plan) {
        assert_eq!(fetch(&worker, &server, &path, "en").await.0, StatusCode::OK, "{path}");
    }
    assert!(audit_rows(&server.app).await >= before + 4, "each read is audited");
    for username in ["prison_staff.has", "psychosocial.has", "director.has", "researcher"] {
        let client = server.client_for(username).await.expect("signs in");
        for path in paths(person, plan) {
            let (status, body) = fetch(&client, &server, &path, "en").await;
            assert_eq!(status, StatusCode::FORBIDDEN, "{username} GET {path}");
            assert!(!body.to_string().contains("heroin"), "{username} GET {path}");
        }
    }
    let ghent = server.client_for("care_worker.gen").await.expect("signs in");
    for (theirs, unknown) in paths(person, plan).iter().zip(paths(999_999, 999_999)) {
        assert_eq!(fetch(&ghent, &server, theirs, "en").await.0, StatusCode::NOT_FOUND, "{theirs}");
        assert_eq!(fetch(&ghent, &server, &unknown, "en").await.0, StatusCode::NOT_FOUND, "{unknown}");
    }
    assert_eq!(fetch(&worker, &server, &format!("/fhir/r4/Goal/{plan}-g9"), "en").await.0, StatusCode::NOT_FOUND);
    server.stop().await;
}
on_both_backends!(fhir_care_plans_are_for_the_persons_clinical_team_and_every_read_is_audited);
