//! Care-plan reviews on the caseload (issue 5, items 2, 8 and 9): a review
//! due within a week or past is flagged on the person's line, counted, an
//! alert, and a filter of the page and the API.

use continuum_app::caseload::{AlertKind, CaseloadRequest};
use continuum_app::{App, AppError, Paging};
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;
use serde_json::Value;

use crate::care_plan::plan_fields;
use crate::on_both_backends;
use crate::release_planning::in_care;
use crate::support::actor;

fn day(app: &App, days: i64) -> String {
    app.register_today().checked_add(jiff::Span::new().days(days)).expect("a day").to_string()
}

/// Three people in care at HAS with a plan: its review in three days
/// (due), yesterday (past) and in sixty days (not due).
async fn three_reviews(app: &App) -> [i64; 3] {
    let worker = actor(app, "care_worker.has").await;
    let mut people = [0; 3];
    for (n, (family, plan_date, review)) in
        [("Reviewsoon", 0, 3), ("Reviewpast", -10, -1), ("Reviewlater", 0, 60)].into_iter().enumerate()
    {
        let person = in_care(app, &worker, family, &format!("RV-{n}")).await;
        let (plan_date, review) = (day(app, plan_date), day(app, review));
        app.start_care_plan(&worker, person, &plan_fields(&plan_date, &review)).await.expect("a plan");
        people[n] = person;
    }
    people
}

async fn a_review_due_or_past_is_flagged_counted_and_an_alert_of_the_caseload(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let [soon, past, later] = three_reviews(&server.app).await;
    let worker = actor(&server.app, "care_worker.has").await;
    let everyone = CaseloadRequest { paging: Paging { page: 1, per_page: 200 }, ..CaseloadRequest::default() };
    let caseload = server.app.caseload(&worker, &everyone).await.expect("the caseload");
    let line = |id: i64| caseload.pathways.items.iter().find(|l| l.row.person_id == id).expect("listed");
    assert_eq!((line(soon).review_due, line(soon).review_overdue), (true, false));
    assert_eq!((line(past).review_due, line(past).review_overdue), (true, true));
    assert_eq!((line(later).review_due, line(later).review_overdue), (false, false));
    assert_eq!(line(later).row.review_date.as_deref(), Some(day(&server.app, 60).as_str()));
    let flagged = caseload.pathways.items.iter().filter(|l| l.review_due).count();
    assert_eq!(caseload.reviews_due, i64::try_from(flagged).expect("a count"), "the count is of the lines flagged");
    let alert = caseload.alerts.iter().find(|a| a.kind == AlertKind::ReviewDue).expect("a section");
    let alerted: Vec<i64> = alert.rows.iter().map(|r| r.person_id).collect();
    assert!(alerted.contains(&soon) && alerted.contains(&past) && !alerted.contains(&later), "{alerted:?}");
    server.stop().await;
}
on_both_backends!(a_review_due_or_past_is_flagged_counted_and_an_alert_of_the_caseload);

async fn the_caseload_filtered_on_reviews_due_lists_only_them_with_their_count(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let [soon, past, later] = three_reviews(&server.app).await;
    let worker = actor(&server.app, "care_worker.has").await;
    let request =
        CaseloadRequest { reviews_due: true, paging: Paging { page: 1, per_page: 200 }, ..CaseloadRequest::default() };
    let caseload = server.app.caseload(&worker, &request).await.expect("the caseload");
    let ids: Vec<i64> = caseload.pathways.items.iter().map(|l| l.row.person_id).collect();
    assert!(ids.contains(&soon) && ids.contains(&past) && !ids.contains(&later), "{ids:?}");
    assert!(caseload.pathways.items.iter().all(|l| l.review_due));
    assert_eq!(caseload.pathways.total, caseload.reviews_due);
    let in_planning = CaseloadRequest { state: Some("release_planning".into()), ..request };
    let none = server.app.caseload(&worker, &in_planning).await.expect("the caseload");
    assert_eq!(none.pathways.total, i64::try_from(none.pathways.items.len()).expect("a count"));
    assert!(!none.pathways.items.iter().any(|l| [soon, past].contains(&l.row.person_id)), "the state filter holds");
    server.stop().await;
}
on_both_backends!(the_caseload_filtered_on_reviews_due_lists_only_them_with_their_count);

async fn the_caseload_page_shows_reviews_due_and_filters_on_them(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let [soon, past, _] = three_reviews(&server.app).await;
    let worker = actor(&server.app, "care_worker.has").await;
    let lang = continuum_i18n::Lang::parse(worker.language.code()).expect("a language");
    let t = |key: &str| continuum_i18n::t(lang, key);
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let html =
        client.get(server.url("/caseload?review=due")).send().await.expect("request").text().await.expect("body");
    assert!(html.contains("Reviewsoon") && html.contains("Reviewpast"), "the reviews due are listed");
    assert!(!html.contains("Reviewlater"), "and only them");
    let badge = |class: &str, person: i64, key: &str| {
        format!("<a class=\"badge {class}\" href=\"/people/{person}/care-plan\">{}</a>", t(key))
    };
    assert!(html.contains(&badge("warning", soon, "caseload-badge-review_due")), "a review due is flagged");
    assert!(html.contains(&badge("danger", past, "caseload-badge-review_overdue")), "a review past is flagged");
    assert!(
        html.contains(&t("caseload-reviews-due")) && html.contains("review=due"),
        "counted, with the filter's link"
    );
    let odd = client.get(server.url("/caseload?review=soon")).send().await.expect("request");
    assert_eq!(odd.status(), StatusCode::OK);
    let html = odd.text().await.expect("body");
    let notice = askama_escape(&t("caseload-filter-invalid"));
    assert!(html.contains(&notice) && html.contains("Reviewlater"), "the whole caseload instead");
    server.stop().await;
}
on_both_backends!(the_caseload_page_shows_reviews_due_and_filters_on_them);

/// Text as the templates escape it.
fn askama_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&#34;").replace('\'', "&#39;")
}

async fn the_caseload_api_counts_flags_and_filters_reviews_due(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let [soon, past, later] = three_reviews(&server.app).await;
    let client = server.client_for("care_worker.has").await.expect("signs in");
    let due: Value = client
        .get(server.url("/api/v1/caseload?review=due&per_page=200"))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("JSON");
    let items = due["pathways"]["items"].as_array().expect("items");
    let ids: Vec<i64> = items.iter().filter_map(|l| l["person_id"].as_i64()).collect();
    assert!(ids.contains(&soon) && ids.contains(&past) && !ids.contains(&later), "{ids:?}");
    assert_eq!(due["pathways"]["total"], due["reviews_due"]);
    let past_line = items.iter().find(|l| l["person_id"] == past).expect("listed");
    assert_eq!((past_line["review_due"].as_bool(), past_line["review_overdue"].as_bool()), (Some(true), Some(true)));
    assert!(due["alerts"].as_array().expect("alerts").iter().any(|a| a["kind"] == "review_due"));
    let odd = client.get(server.url("/api/v1/caseload?review=soon")).send().await.expect("request");
    assert_eq!(odd.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = odd.json().await.expect("JSON");
    assert_eq!(problem["errors"][0]["field"], "review");
    let outsider = actor(&server.app, "psychosocial.has").await;
    let refused = server.app.caseload(&outsider, &CaseloadRequest { reviews_due: true, ..Default::default() }).await;
    assert!(matches!(refused, Err(AppError::Forbidden)), "{refused:?}");
    server.stop().await;
}
on_both_backends!(the_caseload_api_counts_flags_and_filters_reviews_due);
