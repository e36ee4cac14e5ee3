//! The care plan, release planning, follow-ups and the caseload through
//! `/api/v1` (issue 5, item 9): what the pages do, as JSON, with the same
//! rules: a stale version is 409, bad input is a problem naming the field
//! and writes nothing, another prison's person is not found, roles without
//! clinical access are refused.

use continuum_app::caseload::{CaseloadOrder, CaseloadRequest, WorkerChoice};
use continuum_app::{App, Paging};
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::care_plan::{after_intake, plan_fields};
use crate::follow_up::released;
use crate::on_both_backends;
use crate::release_planning::{in_care, planning, release_today};
use crate::support::actor;

/// Roles without clinical access.
const NOT_CLINICAL: &[&str] = &["psychosocial.has", "prison_staff.has", "director.has", "researcher"];

fn day(app: &App, days: i64) -> String {
    app.register_today().checked_add(jiff::Span::new().days(days)).expect("a day").to_string()
}

/// A first plan as the API takes it.
fn plan_body(app: &App) -> Value {
    json!({
        "plan_date": day(app, 0),
        "review_date": day(app, 60),
        "note": "Agreed with the person",
        "goals": [
            {"description": "No heroin use in prison", "status": "open"},
            {"description": "Find housing before release", "status": "open"}
        ],
        "interventions": [{
            "kind": "individual_counselling", "description": "Weekly conversation",
            "responsible": "Care worker", "starts_on": day(app, 0), "status": "planned"
        }]
    })
}

fn checklist_body(version: i64) -> Value {
    json!({
        "version": version, "service": "other", "service_name": "CAW Limburg",
        "appointment_date": "2026-12-20", "appointment_place": "Hasselt", "oat_bridging": "prescribed", "naloxone": "handed_over",
        "housing": "sheltered", "health_insurance": "requested", "contact": "agrees",
        "contact_channel": "phone", "contact_detail": "0470 00 00 00"
    })
}

/// The status and the field a problem names, else its code.
/// A person in care at HAS with a care plan, released today into follow-up;
/// answers the person and the plan.
async fn released_with_plan(app: &App, family: &str, number: &str) -> (i64, i64) {
    let worker = actor(app, "care_worker.has").await;
    let person = in_care(app, &worker, family, number).await;
    let (today, review) = (day(app, 0), day(app, 60));
    let plan = app.start_care_plan(&worker, person, &plan_fields(&today, &review)).await.expect("a plan");
    release_today(app, &worker, person).await;
    (person, plan)
}

async fn problem_field(response: reqwest::Response) -> (StatusCode, String) {
    let status = response.status();
    let content_type = response.headers()[reqwest::header::CONTENT_TYPE].to_str().expect("text").to_owned();
    assert_eq!(content_type, "application/problem+json", "{status}");
    let problem: Value = response.json().await.expect("JSON");
    let code = problem["type"].as_str().and_then(|t| t.rsplit('/').next()).unwrap_or_default();
    (status, problem["errors"][0]["field"].as_str().unwrap_or(code).to_owned())
}

async fn the_api_starts_a_care_plan_and_saves_each_change_as_a_version(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = after_intake(&server.app, &worker, "Apiplan").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let url = server.url(&format!("/api/v1/people/{person}/care-plan"));
    let created = client.post(&url).json(&plan_body(&server.app)).send().await.expect("request");
    assert_eq!(created.status(), StatusCode::CREATED);
    let plan: Value = created.json().await.expect("JSON");
    assert_eq!((plan["version"].as_i64(), plan["goals"].as_array().map(Vec::len)), (Some(1), Some(2)));
    let id = plan["id"].as_i64().expect("id");
    let mut change = plan_body(&server.app);
    change["version"] = json!(1);
    change["reviewed"] = json!(true);
    change["goals"] = json!([{"key": "g1", "description": "No heroin use in prison", "status": "achieved"}]);
    change["interventions"][0]["key"] = json!("i1");
    let saved =
        client.put(server.url(&format!("/api/v1/care-plans/{id}"))).json(&change).send().await.expect("request");
    assert_eq!(saved.status(), StatusCode::OK);
    let plan: Value = saved.json().await.expect("JSON");
    assert_eq!(plan["version"], 2);
    assert_eq!(
        plan["goals"],
        json!([{"key": "g1", "description": "No heroin use in prison", "status": "achieved", "target_date": null}])
    );
    let current: Value = client.get(&url).send().await.expect("request").json().await.expect("JSON");
    assert_eq!(current["plan"]["id"], id);
    let versions: Value = client
        .get(server.url(&format!("/api/v1/care-plans/{id}/versions")))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("JSON");
    assert_eq!(versions[0]["goals"].as_array().map(Vec::len), Some(2), "the first version is kept whole");
    assert_eq!(
        (versions[1]["change"].as_str(), versions[1]["changed_by"].as_str()),
        (Some("reviewed"), Some("care_worker.has"))
    );
    server.stop().await;
}
on_both_backends!(the_api_starts_a_care_plan_and_saves_each_change_as_a_version);

async fn a_care_plan_saved_over_a_replaced_version_is_a_conflict_and_writes_nothing(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = after_intake(&server.app, &worker, "Apistale").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let url = server.url(&format!("/api/v1/people/{person}/care-plan"));
    let plan: Value =
        client.post(&url).json(&plan_body(&server.app)).send().await.expect("request").json().await.expect("JSON");
    let id = plan["id"].as_i64().expect("id");
    let plan_url = server.url(&format!("/api/v1/care-plans/{id}"));
    let mut change = plan_body(&server.app);
    change["version"] = json!(1);
    change["note"] = json!("First change");
    change["goals"] = json!([{"key": "g1", "description": "No heroin use in prison", "status": "open"}]);
    let first = client.put(&plan_url).json(&change).send().await.expect("request");
    assert_eq!(first.status(), StatusCode::OK);
    change["note"] = json!("Second change over version 1");
    let stale = client.put(&plan_url).json(&change).send().await.expect("request");
    assert_eq!(problem_field(stale).await, (StatusCode::CONFLICT, "care-plan-changed".to_owned()));
    let again = client.post(&url).json(&plan_body(&server.app)).send().await.expect("request");
    assert_eq!(problem_field(again).await, (StatusCode::CONFLICT, "care-plan-exists".to_owned()));
    let current: Value = client.get(&plan_url).send().await.expect("request").json().await.expect("JSON");
    assert_eq!(current["version"], 2);
    assert_eq!(current["versions"][1]["note"], "First change", "the first change is never overwritten");
    server.stop().await;
}
on_both_backends!(a_care_plan_saved_over_a_replaced_version_is_a_conflict_and_writes_nothing);

async fn a_bad_care_plan_is_a_problem_naming_the_field_and_writes_nothing(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = after_intake(&server.app, &worker, "Apibad").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let url = server.url(&format!("/api/v1/people/{person}/care-plan"));
    let mut body = plan_body(&server.app);
    body["review_date"] = json!(day(&server.app, -30));
    let refused = client.post(&url).json(&body).send().await.expect("request");
    assert_eq!(problem_field(refused).await, (StatusCode::UNPROCESSABLE_ENTITY, "review_date".to_owned()));
    let unreadable = client.post(&url).body("{").header("content-type", "application/json").send().await;
    assert_eq!(
        problem_field(unreadable.expect("request")).await,
        (StatusCode::UNPROCESSABLE_ENTITY, "body".to_owned())
    );
    let none: Value = client.get(&url).send().await.expect("request").json().await.expect("JSON");
    assert_eq!(none, json!({"plan": null}), "no plan was made");
    let plan: Value =
        client.post(&url).json(&plan_body(&server.app)).send().await.expect("request").json().await.expect("JSON");
    let plan_url = server.url(&format!("/api/v1/care-plans/{}", plan["id"]));
    let without_version = client.put(&plan_url).json(&plan_body(&server.app)).send().await.expect("request");
    assert_eq!(problem_field(without_version).await, (StatusCode::UNPROCESSABLE_ENTITY, "version".to_owned()));
    let current: Value = client.get(&plan_url).send().await.expect("request").json().await.expect("JSON");
    assert_eq!(current["version"], 1);
    server.stop().await;
}
on_both_backends!(a_bad_care_plan_is_a_problem_naming_the_field_and_writes_nothing);

async fn the_api_saves_the_release_checklist_over_its_version_and_names_a_bad_field(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = planning(&server.app, &worker, "Apirelease", "AR-1").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let url = server.url(&format!("/api/v1/people/{person}/release-plan"));
    let mut bad = checklist_body(0);
    bad["naloxone"] = json!("maybe");
    let refused = client.put(&url).json(&bad).send().await.expect("request");
    assert_eq!(problem_field(refused).await, (StatusCode::UNPROCESSABLE_ENTITY, "naloxone".to_owned()));
    let planning_url = server.url(&format!("/api/v1/people/{person}/release-planning"));
    let before: Value = client.get(&planning_url).send().await.expect("request").json().await.expect("JSON");
    assert_eq!(
        (before["state"].as_str(), before["plan"].is_null()),
        (Some("release_planning"), true),
        "nothing written"
    );
    let saved = client.put(&url).json(&checklist_body(0)).send().await.expect("request");
    assert_eq!(saved.status(), StatusCode::OK);
    let planning: Value = saved.json().await.expect("JSON");
    assert_eq!(planning["plan"]["version"], 1);
    assert_eq!(planning["plan"]["checklist"]["naloxone"], "handed_over");
    assert_eq!(planning["missing"], json!([]), "every item answered");
    let stale = client.put(&url).json(&checklist_body(0)).send().await.expect("request");
    assert_eq!(problem_field(stale).await.0, StatusCode::CONFLICT);
    server.stop().await;
}
on_both_backends!(the_api_saves_the_release_checklist_over_its_version_and_names_a_bad_field);

async fn the_api_starts_release_planning_when_release_is_announced(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = in_care(&server.app, &worker, "Apiannounced", "AR-2").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let url = server.url(&format!("/api/v1/people/{person}/release-planning"));
    let started = client.post(&url).json(&json!({"why": "Release announced"})).send().await.expect("request");
    assert_eq!(started.status(), StatusCode::OK);
    let planning: Value = started.json().await.expect("JSON");
    assert_eq!(planning["state"], "release_planning");
    let twice = client.post(&url).json(&json!({})).send().await.expect("request");
    assert_eq!(problem_field(twice).await, (StatusCode::CONFLICT, "pathway-refused".to_owned()));
    server.stop().await;
}
on_both_backends!(the_api_starts_release_planning_when_release_is_announced);

async fn the_api_records_each_follow_up_contact_once_and_lists_them(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    let person = released(&server.app, &worker, "Apifollow", "AF-1").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let url = server.url(&format!("/api/v1/people/{person}/follow-ups"));
    let listed: Value = client.get(&url).send().await.expect("request").json().await.expect("JSON");
    let due: Vec<i64> =
        listed[0]["follow_ups"].as_array().expect("list").iter().filter_map(|f| f["due_days"].as_i64()).collect();
    assert_eq!(due, vec![7, 30]);
    let mut contact = json!({
        "due_days": 7, "contact_date": day(&server.app, 1), "attendance": "attended", "means": "service_phone"
    });
    let future = client.post(&url).json(&contact).send().await.expect("request");
    assert_eq!(problem_field(future).await, (StatusCode::UNPROCESSABLE_ENTITY, "contact_date".to_owned()));
    contact["contact_date"] = json!(day(&server.app, 0));
    let recorded = client.post(&url).json(&contact).send().await.expect("request");
    assert_eq!(recorded.status(), StatusCode::CREATED);
    let releases: Value = recorded.json().await.expect("JSON");
    assert_eq!(releases[0]["follow_ups"][0]["attendance"], "attended");
    assert!(releases[0]["follow_ups"][1]["recorded_at"].is_null(), "the 30-day contact is still due");
    contact["attendance"] = json!("not_attended");
    let twice = client.post(&url).json(&contact).send().await.expect("request");
    assert_eq!(problem_field(twice).await, (StatusCode::CONFLICT, "follow-up-recorded".to_owned()));
    let listed: Value = client.get(&url).send().await.expect("request").json().await.expect("JSON");
    assert_eq!(listed[0]["follow_ups"][0]["attendance"], "attended", "never overwritten");
    server.stop().await;
}
on_both_backends!(the_api_records_each_follow_up_contact_once_and_lists_them);

async fn the_caseload_api_filters_sorts_and_counts_as_the_page(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    in_care(&server.app, &worker, "Apicaseload", "AC-1").await;
    planning(&server.app, &worker, "Apicaseplan", "AC-2").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let caseload: Value = client
        .get(server.url("/api/v1/caseload?state=in_care&sort=release&dir=desc&per_page=200"))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("JSON");
    let request = CaseloadRequest {
        worker: WorkerChoice::Everyone,
        state: Some("in_care".into()),
        order: Some(CaseloadOrder::ExpectedRelease),
        descending: true,
        reviews_due: false,
        paging: Paging { page: 1, per_page: 200 },
    };
    let page = server.app.caseload(&worker, &request).await.expect("the caseload");
    let ids: Vec<i64> = caseload["pathways"]["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|l| l["person_id"].as_i64())
        .collect();
    assert_eq!(ids, page.pathways.items.iter().map(|l| l.row.person_id).collect::<Vec<_>>(), "the page's order");
    assert_eq!(caseload["pathways"]["total"], page.pathways.total);
    assert!(caseload["pathways"]["items"].as_array().expect("items").iter().all(|l| l["state"] == "in_care"));
    let counts: Vec<(String, i64)> = caseload["counts"]
        .as_array()
        .expect("counts")
        .iter()
        .map(|c| (c["state"].as_str().unwrap_or_default().to_owned(), c["count"].as_i64().unwrap_or(-1)))
        .collect();
    assert_eq!(counts, page.counts.iter().map(|(s, n)| ((*s).to_owned(), *n)).collect::<Vec<_>>());
    assert_eq!(caseload["site"], "HAS");
    let kinds: Vec<&str> =
        caseload["alerts"].as_array().expect("alerts").iter().filter_map(|a| a["kind"].as_str()).collect();
    assert!(kinds.contains(&"release_without_plan") && kinds.contains(&"follow_up_overdue"), "{kinds:?}");
    for query in ["sort=age", "state=closed", "worker=someone", "dir=up", "page=0"] {
        let refused = client.get(server.url(&format!("/api/v1/caseload?{query}"))).send().await.expect("request");
        assert_eq!(problem_field(refused).await.0, StatusCode::UNPROCESSABLE_ENTITY, "{query}");
    }
    server.stop().await;
}
on_both_backends!(the_caseload_api_filters_sorts_and_counts_as_the_page);

async fn a_care_workers_caseload_through_the_api_holds_only_their_pathways(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let worker = actor(&server.app, "care_worker.has").await;
    in_care(&server.app, &worker, "Apiworker", "AW-1").await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let mine: Value =
        client.get(server.url("/api/v1/caseload?worker=me")).send().await.expect("request").json().await.expect("JSON");
    let request = CaseloadRequest { worker: WorkerChoice::Mine, ..CaseloadRequest::default() };
    let page = server.app.caseload(&worker, &request).await.expect("the caseload");
    assert_eq!(mine["worker"], worker.user_id.0.to_string());
    assert_eq!(mine["pathways"]["total"], page.pathways.total);
    let everyone: Value =
        client.get(server.url("/api/v1/caseload")).send().await.expect("request").json().await.expect("JSON");
    assert_eq!(everyone["worker"], "everyone");
    assert!(everyone["pathways"]["total"].as_i64() >= mine["pathways"]["total"].as_i64());
    server.stop().await;
}
on_both_backends!(a_care_workers_caseload_through_the_api_holds_only_their_pathways);

async fn another_prisons_person_is_not_found_through_the_care_api(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let (person, plan) = released_with_plan(&server.app, "Apielsewhere", "AE-1").await;
    let elsewhere = server.client_for("care_worker.gen").await.expect("signs in");
    for path in [
        format!("/api/v1/people/{person}/care-plan"),
        format!("/api/v1/care-plans/{plan}"),
        format!("/api/v1/care-plans/{plan}/versions"),
        format!("/api/v1/people/{person}/release-planning"),
        format!("/api/v1/people/{person}/follow-ups"),
    ] {
        let response = elsewhere.get(server.url(&path)).send().await.expect("request");
        assert_eq!(problem_field(response).await.0, StatusCode::NOT_FOUND, "{path}");
    }
    let contact =
        json!({"due_days": 7, "contact_date": day(&server.app, 0), "attendance": "attended", "means": "service_phone"});
    let url = server.url(&format!("/api/v1/people/{person}/follow-ups"));
    let refused = elsewhere.post(&url).json(&contact).send().await.expect("request");
    assert_eq!(problem_field(refused).await.0, StatusCode::NOT_FOUND);
    let own = server.client_for("care_worker.has").await.expect("signs in");
    let listed: Value = own.get(&url).send().await.expect("request").json().await.expect("JSON");
    assert!(listed[0]["follow_ups"][0]["recorded_at"].is_null(), "nothing written");
    server.stop().await;
}
on_both_backends!(another_prisons_person_is_not_found_through_the_care_api);

async fn roles_without_clinical_access_are_refused_the_care_api(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let (person, plan) = released_with_plan(&server.app, "Apihidden", "AH-1").await;
    let reads = [
        format!("/api/v1/people/{person}/care-plan"),
        format!("/api/v1/care-plans/{plan}"),
        format!("/api/v1/care-plans/{plan}/versions"),
        format!("/api/v1/people/{person}/release-planning"),
        format!("/api/v1/people/{person}/follow-ups"),
        "/api/v1/caseload".to_owned(),
    ];
    for username in NOT_CLINICAL {
        let client = server.client_for(username).await.expect("signs in");
        for path in &reads {
            let response = client.get(server.url(path)).send().await.expect("request");
            assert_eq!(problem_field(response).await.0, StatusCode::FORBIDDEN, "{username} {path}");
        }
        let writes = [
            (format!("/api/v1/people/{person}/follow-ups"), json!({"due_days": 7})),
            (format!("/api/v1/people/{person}/care-plan"), plan_body(&server.app)),
        ];
        for (path, body) in &writes {
            let response = client.post(server.url(path)).json(body).send().await.expect("request");
            assert_eq!(problem_field(response).await.0, StatusCode::FORBIDDEN, "{username} {path}");
        }
        let put = client.put(server.url(&format!("/api/v1/care-plans/{plan}"))).json(&plan_body(&server.app)).send();
        assert_eq!(problem_field(put.await.expect("request")).await.0, StatusCode::FORBIDDEN, "{username}");
    }
    server.stop().await;
}
on_both_backends!(roles_without_clinical_access_are_refused_the_care_api);
