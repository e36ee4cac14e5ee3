//! The care plan through the API (issue 5, items 2 and 9): read the plan
//! of a person's current pathway or a plan by id with every version, start
//! the first plan, save a new version over the version read. A save over a
//! version someone else has replaced meanwhile is 409 `care-plan-changed`
//! and writes nothing; the client reads the plan again to see the change.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::{get, post, put};
use continuum_app::AppError;
use continuum_app::care::plans::{CarePlan, PlanVersion};
use continuum_domain::care::plan::{GoalFields, InterventionFields, PlanFields};
use continuum_domain::policy::Action;
use continuum_domain::validation::Problem as FieldProblem;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::api::{ApiJson, ApiPath, failure};
use crate::error::{ApiError, Problem};
use crate::extract::ApiCaller;
use crate::routes::{Access, Routes};
use crate::state::AppState;

/// A goal of a version of the plan.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct GoalDto {
    /// Stable across versions (`g1`): send it back to change the goal.
    pub key: String,
    /// The goal, in the person's words where possible.
    pub description: String,
    /// `open`, `achieved`, `partly_achieved`, `not_achieved` or `dropped`.
    pub status: String,
    /// When it should be reached, if agreed.
    pub target_date: Option<String>,
}

/// An intervention of a version of the plan.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct InterventionDto {
    /// Stable across versions (`i1`): send it back to change the intervention.
    pub key: String,
    /// `individual_counselling`, `group_work`, `oat`, `harm_reduction`,
    /// `release_preparation` or `referral`.
    pub kind: String,
    /// What is done.
    pub description: String,
    /// Who does it.
    pub responsible: String,
    /// From when.
    pub starts_on: String,
    /// `planned`, `ongoing`, `done` or `stopped`.
    pub status: String,
}

/// One version of a plan: who saved it, when, where and why, and its content.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CarePlanVersionDto {
    /// Its number, from 1.
    pub version: i64,
    /// `created`, `revised` or `reviewed`.
    pub change: String,
    /// When this version was agreed.
    pub plan_date: String,
    /// The review date this version set.
    pub review_date: String,
    /// What changed and why.
    pub note: String,
    /// The prison where it was saved.
    pub site: String,
    /// Who saved it (username).
    pub changed_by: Option<String>,
    /// When (UTC).
    pub changed_at: String,
    /// The goals, in order.
    pub goals: Vec<GoalDto>,
    /// The interventions, in order.
    pub interventions: Vec<InterventionDto>,
}

/// A care plan: its current version and, in `versions`, every version.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CarePlanDto {
    /// Its id.
    pub id: i64,
    /// The person.
    pub person_id: i64,
    /// The care pathway it belongs to.
    pub pathway_id: i64,
    /// The current version: send it back with a change.
    pub version: i64,
    /// The current version's plan date.
    pub plan_date: String,
    /// The next review.
    pub review_date: String,
    /// Whether it can still change (the plan of the person's open pathway).
    pub editable: bool,
    /// When it was made (UTC).
    pub created_at: String,
    /// When it last changed (UTC).
    pub updated_at: String,
    /// The current version's goals.
    pub goals: Vec<GoalDto>,
    /// The current version's interventions.
    pub interventions: Vec<InterventionDto>,
    /// Every version, the oldest first; the last is the current one.
    pub versions: Vec<CarePlanVersionDto>,
}

/// The care plan of a person's current pathway, if it has one.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PersonCarePlanDto {
    /// The plan; absent before the first plan of the pathway is made.
    pub plan: Option<CarePlanDto>,
}

/// A goal to save: without `key` a new goal, with it the goal of that key.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct GoalInputDto {
    /// The key of a goal of the plan; absent for a new goal.
    pub key: Option<String>,
    /// The goal.
    #[schema(required = true, value_type = String)]
    pub description: Option<String>,
    /// A goal status, as in [`GoalDto`].
    #[schema(required = true, value_type = String)]
    pub status: Option<String>,
    /// `YYYY-MM-DD`, if agreed.
    pub target_date: Option<String>,
}

/// An intervention to save: without `key` a new one, with it the one of that key.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct InterventionInputDto {
    /// The key of an intervention of the plan; absent for a new one.
    pub key: Option<String>,
    /// A kind, as in [`InterventionDto`].
    #[schema(required = true, value_type = String)]
    pub kind: Option<String>,
    /// What is done.
    #[schema(required = true, value_type = String)]
    pub description: Option<String>,
    /// Who does it.
    #[schema(required = true, value_type = String)]
    pub responsible: Option<String>,
    /// From when (`YYYY-MM-DD`).
    #[schema(required = true, value_type = String)]
    pub starts_on: Option<String>,
    /// A status, as in [`InterventionDto`].
    #[schema(required = true, value_type = String)]
    pub status: Option<String>,
}

/// A plan to save whole: a goal or intervention of the plan left out is
/// removed from the new version (kept in the earlier ones).
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct CarePlanInputDto {
    /// For a change: the version read (409 `care-plan-changed` if someone
    /// saved another since). Ignored when starting the plan.
    pub version: Option<i64>,
    /// When this version was agreed (`YYYY-MM-DD`), not in the future.
    #[schema(required = true, value_type = String)]
    pub plan_date: Option<String>,
    /// The next review (`YYYY-MM-DD`), not before `plan_date`.
    #[schema(required = true, value_type = String)]
    pub review_date: Option<String>,
    /// Whether this version records a review with the person.
    #[serde(default)]
    pub reviewed: bool,
    /// What changed and why, in a few words.
    pub note: Option<String>,
    /// At least one goal.
    #[serde(default)]
    pub goals: Vec<GoalInputDto>,
    /// The interventions.
    #[serde(default)]
    pub interventions: Vec<InterventionInputDto>,
}

fn version_dto(version: &PlanVersion) -> CarePlanVersionDto {
    let meta = &version.meta;
    CarePlanVersionDto {
        version: meta.version,
        change: meta.change.clone(),
        plan_date: meta.plan_date.clone(),
        review_date: meta.review_date.clone(),
        note: meta.note.clone(),
        site: meta.site_code.clone(),
        changed_by: meta.changed_by.clone(),
        changed_at: meta.changed_at.clone(),
        goals: version
            .plan
            .goals
            .iter()
            .map(|g| GoalDto {
                key: g.key.clone(),
                description: g.description.clone(),
                status: g.status.code().to_owned(),
                target_date: g.target_date.map(|d| d.to_string()),
            })
            .collect(),
        interventions: version
            .plan
            .interventions
            .iter()
            .map(|i| InterventionDto {
                key: i.key.clone(),
                kind: i.kind.code().to_owned(),
                description: i.description.clone(),
                responsible: i.responsible.clone(),
                starts_on: i.starts_on.to_string(),
                status: i.status.code().to_owned(),
            })
            .collect(),
    }
}

fn plan_dto(plan: CarePlan) -> CarePlanDto {
    let versions: Vec<CarePlanVersionDto> = plan.versions.iter().map(version_dto).collect();
    let (goals, interventions) =
        versions.last().map(|current| (current.goals.clone(), current.interventions.clone())).unwrap_or_default();
    let row = plan.row;
    CarePlanDto {
        id: row.id,
        person_id: row.person_id,
        pathway_id: row.pathway_id,
        version: row.version,
        plan_date: row.plan_date,
        review_date: row.review_date,
        editable: plan.editable,
        created_at: row.created_at,
        updated_at: row.updated_at,
        goals,
        interventions,
        versions,
    }
}

/// The body as the rows of the plan's form. A key sent for a change that
/// the plan no longer lists is refused by the domain; a goal or
/// intervention left out is removed (the form's "remove" box).
fn plan_fields<'a>(body: &'a CarePlanInputDto, current: Option<&'a CarePlan>) -> PlanFields<'a> {
    let s = |v: &'a Option<String>| v.as_deref().unwrap_or_default();
    let mut goals: Vec<GoalFields<'a>> = body
        .goals
        .iter()
        .map(|g| GoalFields {
            key: s(&g.key),
            description: s(&g.description),
            status: s(&g.status),
            target_date: s(&g.target_date),
            remove: false,
        })
        .collect();
    let mut interventions: Vec<InterventionFields<'a>> = body
        .interventions
        .iter()
        .map(|i| InterventionFields {
            key: s(&i.key),
            kind: s(&i.kind),
            description: s(&i.description),
            responsible: s(&i.responsible),
            starts_on: s(&i.starts_on),
            status: s(&i.status),
            remove: false,
        })
        .collect();
    if let Some(version) = current.and_then(CarePlan::current) {
        for goal in &version.plan.goals {
            if !body.goals.iter().any(|g| g.key.as_deref() == Some(goal.key.as_str())) {
                goals.push(GoalFields { key: &goal.key, remove: true, ..GoalFields::default() });
            }
        }
        for intervention in &version.plan.interventions {
            if !body.interventions.iter().any(|i| i.key.as_deref() == Some(intervention.key.as_str())) {
                interventions.push(InterventionFields { key: &intervention.key, remove: true, ..Default::default() });
            }
        }
    }
    PlanFields {
        plan_date: s(&body.plan_date),
        review_date: s(&body.review_date),
        reviewed: body.reviewed,
        note: s(&body.note),
        goals,
        interventions,
    }
}

/// The care plan of the person's current pathway, with every version.
#[utoipa::path(
    get,
    path = "/api/v1/people/{id}/care-plan",
    operation_id = "get_person_care_plan",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id.")),
    responses(
        (status = 200, description = "The plan, if one is made.", body = PersonCarePlanDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn get_person_care_plan(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(person_id): ApiPath<i64>,
) -> Result<Json<PersonCarePlanDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadClinical, "care_plan.read").await.map_err(&fail)?;
    let person_id = person_id.map_err(&fail)?;
    let plan = state.app.person_care_plan(&actor, person_id).await.map_err(&fail)?;
    Ok(Json(PersonCarePlanDto { plan: plan.map(plan_dto) }))
}

/// Starts the care plan of the person's current pathway (its first
/// version); at intake, the pathway moves to "in care".
#[utoipa::path(
    post,
    path = "/api/v1/people/{id}/care-plan",
    operation_id = "create_care_plan",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id.")),
    request_body = CarePlanInputDto,
    responses(
        (status = 201, description = "Started.", body = CarePlanDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The pathway has a plan (`care-plan-exists`), has none open (`care-no-open-pathway`), or refuses the step (`pathway-refused`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn create_care_plan(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(person_id): ApiPath<i64>,
    ApiJson(body): ApiJson<CarePlanInputDto>,
) -> Result<(StatusCode, [(header::HeaderName, String); 1], Json<CarePlanDto>), ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::WriteClinical, "care_plan.create").await.map_err(&fail)?;
    let person_id = person_id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let id = state.app.start_care_plan(&actor, person_id, &plan_fields(&body, None)).await.map_err(&fail)?;
    let plan = state.app.care_plan(&actor, id).await.map_err(&fail)?;
    Ok((StatusCode::CREATED, [(header::LOCATION, format!("/api/v1/care-plans/{id}"))], Json(plan_dto(plan))))
}

/// One care plan, with every version.
#[utoipa::path(
    get,
    path = "/api/v1/care-plans/{id}",
    operation_id = "get_care_plan",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The plan's id.")),
    responses(
        (status = 200, description = "The plan.", body = CarePlanDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such plan of a person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn get_care_plan(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<CarePlanDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadClinical, "care_plan.read").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    Ok(Json(plan_dto(state.app.care_plan(&actor, id).await.map_err(&fail)?)))
}

/// The versions of a care plan, the oldest first.
#[utoipa::path(
    get,
    path = "/api/v1/care-plans/{id}/versions",
    operation_id = "list_care_plan_versions",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The plan's id.")),
    responses(
        (status = 200, description = "Every version.", body = Vec<CarePlanVersionDto>),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such plan of a person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn list_care_plan_versions(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Vec<CarePlanVersionDto>>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadClinical, "care_plan.read").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let plan = state.app.care_plan(&actor, id).await.map_err(&fail)?;
    Ok(Json(plan.versions.iter().map(version_dto).collect()))
}

/// Saves a new version of the plan over the version read (`version`).
#[utoipa::path(
    put,
    path = "/api/v1/care-plans/{id}",
    operation_id = "update_care_plan",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The plan's id.")),
    request_body = CarePlanInputDto,
    responses(
        (status = 200, description = "Saved as a new version.", body = CarePlanDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such plan of a person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Someone saved another version since `version` (`care-plan-changed`): read the plan again; or the plan is history (`care-no-open-pathway`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named (`version` when absent).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn update_care_plan(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<CarePlanInputDto>,
) -> Result<Json<CarePlanDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::WriteClinical, "care_plan.update").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let expected = body.version.ok_or_else(|| fail(AppError::field("version", FieldProblem::Required)))?;
    let current = state.app.care_plan(&actor, id).await.map_err(&fail)?;
    state.app.revise_care_plan(&actor, id, expected, &plan_fields(&body, Some(&current))).await.map_err(&fail)?;
    Ok(Json(plan_dto(state.app.care_plan(&actor, id).await.map_err(&fail)?)))
}

pub(super) fn routes(routes: Routes) -> Routes {
    let read = Access::Policy(Action::ReadClinical);
    let write = Access::Policy(Action::WriteClinical);
    routes
        .add("GET", "/api/v1/people/{id}/care-plan", read, get(get_person_care_plan))
        .add("POST", "/api/v1/people/{id}/care-plan", write, post(create_care_plan))
        .add("GET", "/api/v1/care-plans/{id}", read, get(get_care_plan))
        .add("PUT", "/api/v1/care-plans/{id}", write, put(update_care_plan))
        .add("GET", "/api/v1/care-plans/{id}/versions", read, get(list_care_plan_versions))
}
