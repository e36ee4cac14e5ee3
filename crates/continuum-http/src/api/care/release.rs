//! Release planning and the follow-up after release through the API (issue
//! 5, items 6, 7 and 9): read a person's release planning (the checklist,
//! what is missing, the releases recorded with their follow-up contacts),
//! start release planning when release is announced, save the checklist
//! over the version read, record the 7- and 30-day contacts, close the
//! follow-up. The release itself is recorded in the register
//! (`POST /api/v1/episodes/{id}/release`), which records on the pathway the
//! checklist items missing then and the follow-up contacts due.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post, put};
use continuum_app::AppError;
use continuum_app::follow_ups::FollowUp;
use continuum_app::release_plans::{Plan, ReleasePlanning, ReleaseRecord};
use continuum_domain::release::{ChecklistFields, ContactPreference, FollowUpFields, OutsideService};
use continuum_domain::validation::Problem as FieldProblem;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use continuum_domain::policy::Action;

use crate::api::{ApiJson, ApiPath, failure};
use crate::error::{ApiError, Problem};
use crate::extract::ApiCaller;
use crate::routes::{Access, Routes};
use crate::state::AppState;

/// A release plan's checklist; each item absent until answered.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct ChecklistDto {
    /// The outside service chosen: an organisation's id (see
    /// `service_organisation_id`) or `other` with `service_name`.
    pub service: Option<String>,
    /// The organisation chosen, when it is one of the directory's.
    pub service_organisation_id: Option<i64>,
    /// The service's name.
    pub service_name: Option<String>,
    /// The first appointment's day (`YYYY-MM-DD`).
    pub appointment_date: Option<String>,
    /// The first appointment's place.
    pub appointment_place: Option<String>,
    /// `not_on_oat` or `prescribed`.
    pub oat_bridging: Option<String>,
    /// `no_opioid_use`, `handed_over` or `declined`.
    pub naloxone: Option<String>,
    /// `housed`, `sheltered` or `no_housing`.
    pub housing: Option<String>,
    /// `in_order`, `requested` or `not_covered`.
    pub health_insurance: Option<String>,
    /// `agrees` or `declines`.
    pub contact: Option<String>,
    /// When the person agrees: `phone`, `email`, `post` or `through_service`.
    pub contact_channel: Option<String>,
    /// The number or address for that channel.
    pub contact_detail: Option<String>,
}

/// A release plan.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ReleasePlanDto {
    /// Its id.
    pub id: i64,
    /// Its version: send it back with a change.
    pub version: i64,
    /// The checklist.
    pub checklist: ChecklistDto,
    /// When it was made (UTC), and by whom.
    pub created_at: String,
    /// See `created_at`.
    pub created_by: Option<String>,
    /// When last saved (UTC), and by whom.
    pub updated_at: String,
    /// See `updated_at`.
    pub updated_by: Option<String>,
}

/// A follow-up contact after release, due or recorded.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct FollowUpDto {
    /// Days after release: 7 or 30.
    pub due_days: i64,
    /// The day it is due.
    pub due_date: String,
    /// Past its day and not recorded.
    pub overdue: bool,
    /// The day of the contact, once recorded.
    pub contact_date: Option<String>,
    /// `attended`, `not_attended` or `unknown`.
    pub attendance: Option<String>,
    /// How the team knows.
    pub means: Option<String>,
    /// A note.
    pub note: Option<String>,
    /// When recorded (UTC), and by whom.
    pub recorded_at: Option<String>,
    /// See `recorded_at`.
    pub recorded_by: Option<String>,
}

/// A release as the pathway recorded it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ReleaseDto {
    /// Its id.
    pub id: i64,
    /// The day.
    pub release_date: String,
    /// Whether the person is followed up.
    pub with_follow_up: bool,
    /// When the plan it ended was made; absent: released without a plan.
    pub plan_made_at: Option<String>,
    /// The checklist items missing at release (codes as in `missing`).
    pub missing: Vec<String>,
    /// When recorded (UTC), and by whom.
    pub recorded_at: String,
    /// See `recorded_at`.
    pub recorded_by: Option<String>,
    /// Its follow-up contacts, by due day.
    pub follow_ups: Vec<FollowUpDto>,
}

/// A person's release planning.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ReleasePlanningDto {
    /// The person.
    pub person_id: i64,
    /// The pathway.
    pub pathway_id: i64,
    /// The pathway's state code.
    pub state: String,
    /// The open plan, once made.
    pub plan: Option<ReleasePlanDto>,
    /// The items not answered yet: `outside_service`, `appointment`,
    /// `oat_bridging`, `naloxone`, `housing`, `health_insurance`, `contact`.
    pub missing: Vec<String>,
    /// The releases recorded, the newest first.
    pub releases: Vec<ReleaseDto>,
}

/// The checklist to save, whole.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct ReleasePlanInputDto {
    /// The plan's version read; `0` when no plan is made yet.
    #[schema(required = true, value_type = i64)]
    pub version: Option<i64>,
    /// An organisation's id (as text), `other` (then `service_name`), or absent.
    pub service: Option<String>,
    /// The service's name, with `service` = `other`.
    pub service_name: Option<String>,
    /// The first appointment's day (`YYYY-MM-DD`).
    pub appointment_date: Option<String>,
    /// The first appointment's place.
    pub appointment_place: Option<String>,
    /// As in [`ChecklistDto`].
    pub oat_bridging: Option<String>,
    /// As in [`ChecklistDto`].
    pub naloxone: Option<String>,
    /// As in [`ChecklistDto`].
    pub housing: Option<String>,
    /// As in [`ChecklistDto`].
    pub health_insurance: Option<String>,
    /// As in [`ChecklistDto`].
    pub contact: Option<String>,
    /// As in [`ChecklistDto`].
    pub contact_channel: Option<String>,
    /// As in [`ChecklistDto`].
    pub contact_detail: Option<String>,
}

/// Release is announced: start release planning now.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct StartReleasePlanningDto {
    /// Why, in a few words.
    pub why: Option<String>,
}

/// A follow-up contact to record.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct FollowUpInputDto {
    /// Which contact: 7 or 30 (days after release).
    #[schema(required = true, value_type = i64)]
    pub due_days: Option<i64>,
    /// The day of the contact (`YYYY-MM-DD`), not before the release nor in the future.
    #[schema(required = true, value_type = String)]
    pub contact_date: Option<String>,
    /// `attended`, `not_attended` or `unknown`.
    #[schema(required = true, value_type = String)]
    pub attendance: Option<String>,
    /// How the team knows (a means code).
    #[schema(required = true, value_type = String)]
    pub means: Option<String>,
    /// A note.
    pub note: Option<String>,
}

/// The follow-up to close.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct CloseFollowUpDto {
    /// A closing reason's code.
    #[schema(required = true, value_type = String)]
    pub reason: Option<String>,
    /// Why, in a few words.
    pub why: Option<String>,
}

fn checklist_dto(plan: &Plan) -> ChecklistDto {
    let checklist = &plan.checklist;
    let (service, service_organisation_id) = match &checklist.service {
        Some(OutsideService::Organisation(id)) => (Some(id.to_string()), Some(*id)),
        Some(OutsideService::Named(_)) => (Some("other".to_owned()), None),
        None => (None, None),
    };
    let (channel, detail) = match &checklist.contact {
        Some(ContactPreference::Agrees { channel, detail }) => (Some(channel.code().to_owned()), detail.clone()),
        _ => (None, None),
    };
    ChecklistDto {
        service,
        service_organisation_id,
        service_name: plan.service.clone(),
        appointment_date: checklist.appointment.as_ref().map(|a| a.date.to_string()),
        appointment_place: checklist.appointment.as_ref().map(|a| a.place.clone()),
        oat_bridging: checklist.oat_bridging.map(|c| c.code().to_owned()),
        naloxone: checklist.naloxone.map(|c| c.code().to_owned()),
        housing: checklist.housing.map(|c| c.code().to_owned()),
        health_insurance: checklist.health_insurance.map(|c| c.code().to_owned()),
        contact: checklist.contact.as_ref().map(|c| c.code().to_owned()),
        contact_channel: channel,
        contact_detail: detail,
    }
}

fn follow_up_dto(follow_up: FollowUp) -> FollowUpDto {
    FollowUpDto {
        due_days: follow_up.due_days,
        due_date: follow_up.due_date,
        overdue: follow_up.overdue,
        contact_date: follow_up.contact_date,
        attendance: follow_up.attendance.map(|a| a.code().to_owned()),
        means: follow_up.means.map(|m| m.code().to_owned()),
        note: follow_up.note,
        recorded_at: follow_up.recorded_at,
        recorded_by: follow_up.recorded_by,
    }
}

fn release_dto(release: ReleaseRecord) -> ReleaseDto {
    ReleaseDto {
        id: release.id,
        release_date: release.release_date,
        with_follow_up: release.with_follow_up,
        plan_made_at: release.plan_made_at,
        missing: release.missing.iter().map(|item| item.code().to_owned()).collect(),
        recorded_at: release.recorded_at,
        recorded_by: release.recorded_by,
        follow_ups: release.follow_ups.into_iter().map(follow_up_dto).collect(),
    }
}

fn planning_dto(planning: ReleasePlanning) -> ReleasePlanningDto {
    ReleasePlanningDto {
        person_id: planning.person.id,
        pathway_id: planning.pathway_id,
        state: planning.state.code().to_owned(),
        plan: planning.plan.map(|plan| ReleasePlanDto {
            id: plan.id,
            version: plan.version,
            checklist: checklist_dto(&plan),
            created_at: plan.created_at,
            created_by: plan.created_by,
            updated_at: plan.updated_at,
            updated_by: plan.updated_by,
        }),
        missing: planning.missing.iter().map(|item| item.code().to_owned()).collect(),
        releases: planning.releases.into_iter().map(release_dto).collect(),
    }
}

/// A person's release planning: the pathway's state, the open plan's
/// checklist and what it misses, the releases recorded with their follow-ups.
#[utoipa::path(
    get,
    path = "/api/v1/people/{id}/release-planning",
    operation_id = "get_release_planning",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id.")),
    responses(
        (status = 200, description = "The release planning.", body = ReleasePlanningDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person with a pathway at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn get_release_planning(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(person_id): ApiPath<i64>,
) -> Result<Json<ReleasePlanningDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadClinical, "release_plan.read").await.map_err(&fail)?;
    let person_id = person_id.map_err(&fail)?;
    Ok(Json(planning_dto(state.app.release_planning(&actor, person_id).await.map_err(&fail)?)))
}

/// Starts release planning now: release is announced, whatever the
/// expected date says.
#[utoipa::path(
    post,
    path = "/api/v1/people/{id}/release-planning",
    operation_id = "start_release_planning",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id.")),
    request_body = StartReleasePlanningDto,
    responses(
        (status = 200, description = "Started.", body = ReleasePlanningDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person with a pathway at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The pathway refuses the step (`pathway-refused`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`why` too long.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn start_release_planning(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(person_id): ApiPath<i64>,
    ApiJson(body): ApiJson<StartReleasePlanningDto>,
) -> Result<Json<ReleasePlanningDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::WriteClinical, "release_plan.start").await.map_err(&fail)?;
    let person_id = person_id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    state.app.start_release_planning(&actor, person_id, body.why.as_deref()).await.map_err(&fail)?;
    Ok(Json(planning_dto(state.app.release_planning(&actor, person_id).await.map_err(&fail)?)))
}

/// Saves the release plan's checklist whole, over the version read.
#[utoipa::path(
    put,
    path = "/api/v1/people/{id}/release-plan",
    operation_id = "save_release_plan",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id.")),
    request_body = ReleasePlanInputDto,
    responses(
        (status = 200, description = "Saved.", body = ReleasePlanningDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person with a pathway at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Someone saved the plan since `version` (`conflict`): read it again; or the pathway is not planning release (`release-plan-not-planning`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn save_release_plan(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(person_id): ApiPath<i64>,
    ApiJson(body): ApiJson<ReleasePlanInputDto>,
) -> Result<Json<ReleasePlanningDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::WriteClinical, "release_plan.save").await.map_err(&fail)?;
    let person_id = person_id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let version = body.version.ok_or_else(|| fail(AppError::field("version", FieldProblem::Required)))?;
    let s = |v: &Option<String>| v.clone().unwrap_or_default();
    let texts = [
        s(&body.service),
        s(&body.service_name),
        s(&body.appointment_date),
        s(&body.appointment_place),
        s(&body.oat_bridging),
        s(&body.naloxone),
        s(&body.housing),
        s(&body.health_insurance),
        s(&body.contact),
        s(&body.contact_channel),
        s(&body.contact_detail),
    ];
    let fields = ChecklistFields {
        service: &texts[0],
        service_name: &texts[1],
        appointment_date: &texts[2],
        appointment_place: &texts[3],
        oat_bridging: &texts[4],
        naloxone: &texts[5],
        housing: &texts[6],
        health_insurance: &texts[7],
        contact: &texts[8],
        contact_channel: &texts[9],
        contact_detail: &texts[10],
    };
    state.app.save_release_plan(&actor, person_id, version, &fields).await.map_err(&fail)?;
    Ok(Json(planning_dto(state.app.release_planning(&actor, person_id).await.map_err(&fail)?)))
}

/// The follow-up contacts of the person's releases, the newest release
/// first, each by due day.
#[utoipa::path(
    get,
    path = "/api/v1/people/{id}/follow-ups",
    operation_id = "list_follow_ups",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id.")),
    responses(
        (status = 200, description = "The releases with their follow-up contacts.", body = Vec<ReleaseDto>),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person with a pathway at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn list_follow_ups(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(person_id): ApiPath<i64>,
) -> Result<Json<Vec<ReleaseDto>>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadClinical, "release_plan.read").await.map_err(&fail)?;
    let person_id = person_id.map_err(&fail)?;
    let planning = state.app.release_planning(&actor, person_id).await.map_err(&fail)?;
    Ok(Json(planning.releases.into_iter().map(release_dto).collect()))
}

/// Records the 7- or 30-day contact of the person's latest release; a
/// contact already recorded is 409 `follow-up-recorded`, never overwritten.
#[utoipa::path(
    post,
    path = "/api/v1/people/{id}/follow-ups",
    operation_id = "record_follow_up",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id.")),
    request_body = FollowUpInputDto,
    responses(
        (status = 201, description = "Recorded; the releases with their follow-up contacts.", body = Vec<ReleaseDto>),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person with a pathway at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Recorded already (`follow-up-recorded`), or the pathway is not in follow-up (`follow-up-refused-not-in-follow-up`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn record_follow_up(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(person_id): ApiPath<i64>,
    ApiJson(body): ApiJson<FollowUpInputDto>,
) -> Result<(StatusCode, Json<Vec<ReleaseDto>>), ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::WriteClinical, "follow_up.record").await.map_err(&fail)?;
    let person_id = person_id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let due_days = body.due_days.map(|d| d.to_string()).unwrap_or_default();
    let s = |v: &Option<String>| v.clone().unwrap_or_default();
    let (contact_date, attendance, means, note) =
        (s(&body.contact_date), s(&body.attendance), s(&body.means), s(&body.note));
    let fields = FollowUpFields {
        due_days: &due_days,
        contact_date: &contact_date,
        attendance: &attendance,
        means: &means,
        note: &note,
    };
    state.app.record_follow_up(&actor, person_id, &fields).await.map_err(&fail)?;
    let planning = state.app.release_planning(&actor, person_id).await.map_err(&fail)?;
    Ok((StatusCode::CREATED, Json(planning.releases.into_iter().map(release_dto).collect())))
}

/// Closes the person's follow-up with a closing reason.
#[utoipa::path(
    post,
    path = "/api/v1/people/{id}/follow-up/close",
    operation_id = "close_follow_up",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id.")),
    request_body = CloseFollowUpDto,
    responses(
        (status = 204, description = "Closed."),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person with a pathway at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The pathway is not in follow-up, or a contact is outstanding (`follow-up-refused-outstanding`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn close_follow_up(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(person_id): ApiPath<i64>,
    ApiJson(body): ApiJson<CloseFollowUpDto>,
) -> Result<StatusCode, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::WriteClinical, "follow_up.close").await.map_err(&fail)?;
    let person_id = person_id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let reason = body.reason.as_deref().unwrap_or_default();
    state.app.close_follow_up(&actor, person_id, reason, body.why.as_deref()).await.map_err(&fail)?;
    Ok(StatusCode::NO_CONTENT)
}

pub(super) fn routes(routes: Routes) -> Routes {
    let read = Access::Policy(Action::ReadClinical);
    let write = Access::Policy(Action::WriteClinical);
    routes
        .add("GET", "/api/v1/people/{id}/release-planning", read, get(get_release_planning))
        .add("POST", "/api/v1/people/{id}/release-planning", write, post(start_release_planning))
        .add("PUT", "/api/v1/people/{id}/release-plan", write, put(save_release_plan))
        .add("GET", "/api/v1/people/{id}/follow-ups", read, get(list_follow_ups))
        .add("POST", "/api/v1/people/{id}/follow-ups", write, post(record_follow_up))
        .add("POST", "/api/v1/people/{id}/follow-up/close", write, post(close_follow_up))
}
