//! The caseload through the API (issue 5, items 8 and 9): the pathways of
//! the caller's prison (the acting one, else the first where they read
//! clinical data), of everyone, of one care worker or of nobody, with the
//! counts by state, the alerts, the same filters and orders as the page,
//! a page at a time. Clinical roles only.

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::routing::get;
use continuum_app::caseload::{Caseload, CaseloadLine, WorkerChoice};
use continuum_domain::policy::Action;
use continuum_domain::validation::Invalid;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::api::{ApiQuery, Page, checked, failure, paging};
use crate::error::{ApiError, Problem};
use crate::extract::ApiCaller;
use crate::pages::caseload::CaseloadParams;
use crate::routes::{Access, Routes};
use crate::state::AppState;

/// The filters, order and paging of the caseload, as on the page.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CaseloadQueryDto {
    /// Whose pathways: absent (everyone), `me`, `none` (nobody responsible),
    /// or a care worker's user id.
    pub worker: Option<String>,
    /// Only this state: `intake_proposed`, `intake`, `in_care`,
    /// `release_planning`, `released_in_follow_up` or `declined`.
    pub state: Option<String>,
    /// `name` (default), `state`, `since` or `release`.
    pub sort: Option<String>,
    /// `desc` to reverse.
    pub dir: Option<String>,
    /// `due`: only the pathways whose care-plan review is due within 7 days or past.
    pub review: Option<String>,
    /// Page, from 1.
    #[param(value_type = Option<u32>, minimum = 1)]
    pub page: Option<String>,
    /// Results per page, 1 to 200 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 200)]
    pub per_page: Option<String>,
}

/// How many pathways are in a state.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct StateCountDto {
    /// The state code.
    pub state: String,
    /// How many.
    pub count: i64,
}

/// A person an alert concerns.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AlertRowDto {
    /// The person.
    pub person_id: i64,
    /// Family name(s).
    pub family_name: String,
    /// Given name(s).
    pub given_names: String,
    /// Prison number of the current detention.
    pub prison_number: Option<String>,
    /// The responsible care worker.
    pub responsible: Option<String>,
    /// The day: the expected release, or the day a contact was due.
    pub day: String,
    /// For a follow-up contact: days after release (7 or 30); else 0.
    pub due_days: i64,
}

/// One kind of alert and the people it concerns (at most 50, the most urgent first).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AlertSectionDto {
    /// `release_without_plan`, `follow_up_overdue`, `oat_interrupted` or
    /// `review_due` (the day is the review date).
    pub kind: String,
    /// Who.
    pub rows: Vec<AlertRowDto>,
}

/// A pathway of the caseload.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CaseloadLineDto {
    /// The person.
    pub person_id: i64,
    /// Family name(s).
    pub family_name: String,
    /// Given name(s).
    pub given_names: String,
    /// Prison number of the current detention.
    pub prison_number: Option<String>,
    /// The pathway's state code.
    pub state: String,
    /// For `declined`: the stage the person returns to.
    pub returns_to: Option<String>,
    /// When the pathway last moved (UTC).
    pub since: String,
    /// Expected release.
    pub expected_release: Option<String>,
    /// Release date.
    pub release_date: Option<String>,
    /// The responsible care worker.
    pub responsible: Option<String>,
    /// The earliest follow-up contact not recorded.
    pub next_follow_up: Option<String>,
    /// Whether a release plan is open.
    pub has_release_plan: bool,
    /// Release within 14 days and no release plan.
    pub release_without_plan: bool,
    /// A follow-up contact is past its day.
    pub follow_up_overdue: bool,
    /// The next review of the care plan, if it has one.
    pub review_date: Option<String>,
    /// The review is due within 7 days or past (in care or planning release).
    pub review_due: bool,
    /// The review date is past.
    pub review_overdue: bool,
}

/// A caseload.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CaseloadDto {
    /// The prison.
    pub site: String,
    /// Whose: `everyone`, `nobody`, or a user id.
    pub worker: String,
    /// How many pathways are in each state, in the pathway's order.
    pub counts: Vec<StateCountDto>,
    /// How many pathways (of the worker asked, any state) have a care-plan
    /// review due within 7 days or past.
    pub reviews_due: i64,
    /// The alerts, one section per kind.
    pub alerts: Vec<AlertSectionDto>,
    /// The page of pathways.
    pub pathways: Page<CaseloadLineDto>,
}

fn line_dto(line: CaseloadLine) -> CaseloadLineDto {
    let row = line.row;
    CaseloadLineDto {
        person_id: row.person_id,
        family_name: row.family_name,
        given_names: row.given_names,
        prison_number: row.prison_number,
        state: row.state,
        returns_to: row.returns_to,
        since: row.since,
        expected_release: row.expected_release,
        release_date: row.release_date,
        responsible: row.responsible,
        next_follow_up: row.next_follow_up,
        has_release_plan: row.has_plan,
        release_without_plan: line.release_without_plan,
        follow_up_overdue: line.follow_up_overdue,
        review_date: row.review_date,
        review_due: line.review_due,
        review_overdue: line.review_overdue,
    }
}

fn caseload_dto(caseload: Caseload, site: String) -> CaseloadDto {
    CaseloadDto {
        site,
        worker: match caseload.worker {
            WorkerChoice::Everyone => "everyone".to_owned(),
            WorkerChoice::Nobody => "nobody".to_owned(),
            WorkerChoice::User(id) => id.to_string(),
            WorkerChoice::Mine => "me".to_owned(),
        },
        counts: caseload
            .counts
            .iter()
            .map(|(state, count)| StateCountDto { state: (*state).to_owned(), count: *count })
            .collect(),
        reviews_due: caseload.reviews_due,
        alerts: caseload
            .alerts
            .into_iter()
            .map(|section| AlertSectionDto {
                kind: section.kind.code().to_owned(),
                rows: section
                    .rows
                    .into_iter()
                    .map(|r| AlertRowDto {
                        person_id: r.person_id,
                        family_name: r.family_name,
                        given_names: r.given_names,
                        prison_number: r.prison_number,
                        responsible: r.responsible,
                        day: r.day,
                        due_days: r.due_days,
                    })
                    .collect(),
            })
            .collect(),
        pathways: Page::from_listing(caseload.pathways, line_dto),
    }
}

/// The caseload of the caller's prison.
#[utoipa::path(
    get,
    path = "/api/v1/caseload",
    operation_id = "get_caseload",
    tag = "care",
    security(("bearer" = [])),
    params(CaseloadQueryDto),
    responses(
        (status = 200, description = "The caseload.", body = CaseloadDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A filter, order or page of the wrong form, named.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn get_caseload(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<CaseloadQueryDto>,
) -> Result<Json<CaseloadDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadClinical, "caseload.read").await.map_err(&fail)?;
    let query = query.map_err(&fail)?;
    let mut errors = Invalid::default();
    let paging = paging(&mut errors, query.page.as_ref(), query.per_page.as_ref());
    let paging = checked(errors, paging).map_err(&fail)?;
    let dir = query.dir.unwrap_or_default();
    if !matches!(dir.as_str(), "" | "asc" | "desc") {
        return Err(fail(continuum_app::AppError::field("dir", continuum_domain::validation::Problem::InvalidFormat)));
    }
    let params = CaseloadParams {
        worker: query.worker.unwrap_or_default(),
        state: query.state.unwrap_or_default(),
        sort: query.sort.unwrap_or_default(),
        dir,
        review: query.review.unwrap_or_default(),
        page: String::new(),
    };
    let request = params.request(paging).map_err(&fail)?;
    let caseload = state.app.caseload(&actor, &request).await.map_err(&fail)?;
    let site = actor.site_code(caseload.site).unwrap_or_default();
    Ok(Json(caseload_dto(caseload, site)))
}

pub(super) fn routes(routes: Routes) -> Routes {
    routes.add("GET", "/api/v1/caseload", Access::Policy(Action::ReadClinical), get(get_caseload))
}
