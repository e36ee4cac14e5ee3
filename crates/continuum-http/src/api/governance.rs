//! Governance through the API (issue 7, item 8): groups with their traffic
//! light, members, meetings (attendance, minutes, decisions), and actions.
//! Who may see and change what is the application's (module docs of
//! `continuum_app::governance`); texts that identify a person are refused
//! (422, code `identifies-person`).

use axum::Json;
use axum::body::Body;
use axum::extract::multipart::{MultipartError, MultipartRejection};
use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use axum::routing::{get, post, put};
use continuum_app::AppError;
use continuum_app::governance::meetings::{DOCUMENT_MAX_BYTES, DOCUMENT_MAX_MB, MeetingDetails};
use continuum_app::governance::overview::GroupOverview;
use continuum_app::governance::{ActionRow, GroupRow, MeetingRow, MemberRow};
use continuum_domain::governance::action::{ActionFields, ActionStatus, is_overdue};
use continuum_domain::governance::group::{GroupDraft, GroupFields, MemberDraft, MemberFields};
use continuum_domain::governance::health::Health;
use continuum_domain::governance::meeting::{Attendance, MeetingFields};
use continuum_domain::policy::Action;
use continuum_domain::validation::{Invalid, Problem as FieldProblem};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiJson, ApiPath, ApiQuery, failure};
use crate::error::{ApiError, Problem};
use crate::extract::ApiCaller;
use crate::routes::{Access, Routes};
use crate::state::AppState;

// ---------------------------------------------------------------------------
// Wire types

/// A group's traffic light and the figures behind it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct GroupStateDto {
    /// `dormant` (red), `attention` (amber) or `on_track` (green).
    pub light: String,
    /// Why it is not green: `dormant`, `few_meetings`, `no_chair`,
    /// `minutes_not_approved`, `overdue_actions`, `long_wait`.
    pub concerns: Vec<String>,
    /// The day of its last held meeting.
    pub last_meeting: Option<String>,
    /// Days since then (since its creation if it never met).
    pub days_without_meeting: i64,
    /// Meetings held in the last 365 days.
    pub meetings_last_year: usize,
    /// Meetings its target asks for in that period.
    pub expected_last_year: usize,
    /// Requests for authorisation waiting on it.
    pub requests_waiting: usize,
    /// The longest of those waits, in days.
    pub longest_wait_days: Option<i64>,
}

/// A steering group.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct GroupDto {
    /// Id.
    pub id: i64,
    /// `central`, `local` or `other`.
    pub kind: String,
    /// Name.
    pub name: String,
    /// Its prison's code.
    pub site: Option<String>,
    /// Meetings a year it should hold.
    pub target_per_year: i64,
    /// Days without a held meeting before it is dormant.
    pub dormant_after_days: i64,
    /// Share of the members who must be present, in percent.
    pub quorum_percent: i64,
    /// Its current chair's name.
    pub chair: Option<String>,
    /// Its traffic light.
    pub state: GroupStateDto,
    /// Its version, to send back with a change.
    pub version: i64,
}

/// A membership.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct MemberDto {
    /// Id.
    pub id: i64,
    /// The function sat for (`prison_director`, `prison_doctor`, ...).
    pub function: String,
    /// Name.
    pub name: String,
    /// Service or organisation.
    pub organisation: String,
    /// The linked account's username.
    pub username: Option<String>,
    /// `chair`, `secretary` or `member`.
    pub office: String,
    /// First day.
    pub start: String,
    /// Last day.
    pub end: Option<String>,
    /// Whether they are a member today.
    pub current: bool,
}

/// The seats of a group left empty today.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct VacanciesDto {
    /// No chair.
    pub chair: bool,
    /// No secretary.
    pub secretary: bool,
    /// The functions the circular foresees that nobody sits for.
    pub functions: Vec<String>,
}

/// A meeting in a list.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct MeetingSummaryDto {
    /// Id.
    pub id: i64,
    /// `planned`, `held` or `cancelled`.
    pub status: String,
    /// When it begins (UTC).
    pub starts_at: String,
    /// Minutes.
    pub duration_minutes: i64,
    /// Place.
    pub place: String,
    /// Video link.
    pub video_link: String,
    /// The latest version of its minutes (0: none).
    pub minutes_version: i64,
    /// The approved version of its minutes.
    pub minutes_approved_version: Option<i64>,
}

/// An action item.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ActionDto {
    /// Id.
    pub id: i64,
    /// Its group.
    pub group_id: i64,
    /// The meeting where it was given.
    pub meeting_id: Option<i64>,
    /// The decision it follows from.
    pub decision_id: Option<i64>,
    /// What is to be done.
    pub title: String,
    /// The owner's membership id.
    pub owner_member_id: i64,
    /// The owner's name.
    pub owner: String,
    /// Due date.
    pub due: String,
    /// `open`, `in_progress`, `done` or `dropped`.
    pub status: String,
    /// Pending after its due date.
    pub overdue: bool,
}

/// A group with its members, seats, meetings and actions.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct GroupDetailsDto {
    /// The group.
    pub group: GroupDto,
    /// Its members, past ones too.
    pub members: Vec<MemberDto>,
    /// Its empty seats.
    pub vacancies: VacanciesDto,
    /// Its meetings, the latest first.
    pub meetings: Vec<MeetingSummaryDto>,
    /// Its actions, pending first.
    pub actions: Vec<ActionDto>,
}

/// A new group.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct NewGroupDto {
    /// Name.
    #[schema(required = true, value_type = String)]
    pub name: Option<String>,
    /// `central`, `local` or `other`.
    #[schema(required = true, value_type = String)]
    pub kind: Option<String>,
    /// The prison's code (required for a local group; none for the central group).
    pub site: Option<String>,
    /// Meetings a year (default 4).
    pub target_per_year: Option<i64>,
    /// Days without a meeting before it is dormant (default 180).
    pub dormant_after_days: Option<i64>,
    /// Quorum in percent (default 50).
    pub quorum_percent: Option<i64>,
}

/// A change of a group's name, thresholds and quorum (its kind and prison stay).
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct GroupChangeDto {
    /// The version read (a change made meanwhile answers 409).
    #[schema(required = true, value_type = i64)]
    pub version: Option<i64>,
    /// Name.
    #[schema(required = true, value_type = String)]
    pub name: Option<String>,
    /// Meetings a year (default 4).
    pub target_per_year: Option<i64>,
    /// Days without a meeting before it is dormant (default 180).
    pub dormant_after_days: Option<i64>,
    /// Quorum in percent (default 50).
    pub quorum_percent: Option<i64>,
}

/// A new member.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct NewMemberDto {
    /// Function code.
    #[schema(required = true, value_type = String)]
    pub function: Option<String>,
    /// Name.
    #[schema(required = true, value_type = String)]
    pub name: Option<String>,
    /// Service or organisation.
    pub organisation: Option<String>,
    /// The username of their account, if they have one.
    pub username: Option<String>,
    /// `chair`, `secretary` or `member` (default).
    pub office: Option<String>,
    /// First day.
    #[schema(required = true, value_type = String)]
    pub start: Option<String>,
    /// Last day.
    pub end: Option<String>,
}

/// The end of a membership.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct EndMemberDto {
    /// Its last day.
    #[schema(required = true, value_type = String)]
    pub end: Option<String>,
}

/// A new meeting: planned (a moment to come) or held (it took place).
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct NewMeetingDto {
    /// Day, `YYYY-MM-DD`.
    #[schema(required = true, value_type = String)]
    pub date: Option<String>,
    /// Time on the Belgian clock, `HH:MM`.
    #[schema(required = true, value_type = String)]
    pub time: Option<String>,
    /// Minutes (default 120).
    pub duration_minutes: Option<i64>,
    /// Place.
    pub place: Option<String>,
    /// Video link (`https://...`).
    pub video_link: Option<String>,
    /// Agenda items, in order; never identifying a person.
    #[serde(default)]
    pub agenda: Vec<String>,
    /// It took place (default: planned).
    pub held: Option<bool>,
}

/// One member's attendance.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AttendanceDto {
    /// The membership id.
    pub member_id: i64,
    /// The member's name (in answers).
    #[serde(default)]
    pub name: String,
    /// `present`, `excused` or `absent` (absent from an answer: not recorded).
    pub attendance: Option<String>,
}

/// The attendance of every invited member.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct AttendanceBodyDto {
    /// One entry per invited member.
    #[serde(default)]
    pub attendance: Vec<AttendanceDto>,
}

/// The quorum of a held meeting.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct QuorumDto {
    /// Present.
    pub present: usize,
    /// Invited.
    pub invited: usize,
    /// Needed.
    pub needed: usize,
    /// Reached.
    pub met: bool,
}

/// One version of minutes.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct MinutesDto {
    /// Version, from 1.
    pub version: i64,
    /// Text.
    pub text: String,
    /// When (UTC).
    pub written_at: String,
    /// By whom.
    pub written_by: Option<String>,
}

/// A decision of a meeting.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct DecisionDto {
    /// Id.
    pub id: i64,
    /// The agenda item's position.
    pub agenda_item: Option<i64>,
    /// What was decided.
    pub text: String,
}

/// A meeting with everything recorded of it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct MeetingDto {
    /// The meeting.
    pub meeting: MeetingSummaryDto,
    /// Its group's id.
    pub group_id: i64,
    /// The meeting that approved its minutes.
    pub minutes_approved_at: Option<i64>,
    /// Its agenda.
    pub agenda: Vec<String>,
    /// Every invited member and their attendance.
    pub attendance: Vec<AttendanceDto>,
    /// Its quorum, once attendance is recorded.
    pub quorum: Option<QuorumDto>,
    /// Every version of its minutes, the latest first.
    pub minutes: Vec<MinutesDto>,
    /// Its decisions.
    pub decisions: Vec<DecisionDto>,
    /// The actions given at it.
    pub actions: Vec<ActionDto>,
    /// The actions still pending from earlier meetings.
    pub carried_actions: Vec<ActionDto>,
}

/// New minutes.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct MinutesBodyDto {
    /// The text; never identifying a person.
    #[schema(required = true, value_type = String)]
    pub text: Option<String>,
}

/// The approval of minutes.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct ApproveDto {
    /// The later held meeting of the group where they were approved.
    #[schema(required = true, value_type = i64)]
    pub approved_at: Option<i64>,
}

/// A new decision.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct NewDecisionDto {
    /// What was decided; never identifying a person.
    #[schema(required = true, value_type = String)]
    pub text: Option<String>,
    /// The agenda item's position, from 1.
    pub agenda_item: Option<i64>,
}

/// A new action.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct NewActionDto {
    /// What is to be done; never identifying a person.
    #[schema(required = true, value_type = String)]
    pub title: Option<String>,
    /// The owner's membership id (a member on the meeting's day).
    #[schema(required = true, value_type = i64)]
    pub owner: Option<i64>,
    /// Due date.
    #[schema(required = true, value_type = String)]
    pub due: Option<String>,
    /// A decision of the meeting it follows from.
    pub decision: Option<i64>,
}

/// A status change of an action.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct ActionStatusDto {
    /// `open`, `in_progress`, `done` or `dropped`.
    #[schema(required = true, value_type = String)]
    pub status: Option<String>,
    /// A note.
    pub note: Option<String>,
}

/// Which actions.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ActionsQuery {
    /// One group's only.
    #[param(value_type = Option<i64>)]
    pub group: Option<String>,
    /// `true`: only the overdue.
    #[param(value_type = Option<bool>)]
    pub overdue: Option<String>,
}

/// The id of something created.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct CreatedDto {
    /// Id.
    pub id: i64,
}

// ---------------------------------------------------------------------------
// Conversions

pub(super) fn state_dto(health: &Health) -> GroupStateDto {
    GroupStateDto {
        light: health.light.code().to_owned(),
        concerns: health.concerns.iter().map(|c| c.code().to_owned()).collect(),
        last_meeting: health.last_meeting.map(|d| d.to_string()),
        days_without_meeting: health.days_without_meeting,
        meetings_last_year: health.meetings_last_year,
        expected_last_year: health.expected_last_year,
        requests_waiting: health.waiting,
        longest_wait_days: health.longest_wait_days,
    }
}

fn group_dto(group: GroupRow, chair: Option<String>, health: &Health) -> GroupDto {
    GroupDto {
        id: group.id,
        kind: group.kind,
        name: group.name,
        site: group.site_code,
        target_per_year: group.target_per_year,
        dormant_after_days: group.dormant_after_days,
        quorum_percent: group.quorum_percent,
        chair,
        state: state_dto(health),
        version: group.version,
    }
}

fn member_dto(member: MemberRow, current: bool) -> MemberDto {
    MemberDto {
        id: member.id,
        function: member.function,
        name: member.name,
        organisation: member.organisation,
        username: member.username,
        office: member.office,
        start: member.start_date,
        end: member.end_date,
        current,
    }
}

fn meeting_summary(meeting: MeetingRow) -> MeetingSummaryDto {
    MeetingSummaryDto {
        id: meeting.id,
        status: meeting.status,
        starts_at: meeting.starts_at,
        duration_minutes: meeting.duration_minutes,
        place: meeting.place,
        video_link: meeting.video_link,
        minutes_version: meeting.minutes_version,
        minutes_approved_version: meeting.minutes_approved_version,
    }
}

pub(super) fn action_dto(action: ActionRow, today: jiff::civil::Date) -> ActionDto {
    let status = ActionStatus::parse(&action.status).unwrap_or(ActionStatus::Open);
    let overdue = action.due_date.parse::<jiff::civil::Date>().is_ok_and(|due| is_overdue(status, due, today));
    ActionDto {
        id: action.id,
        group_id: action.group_id,
        meeting_id: action.meeting_id,
        decision_id: action.decision_id,
        title: action.title,
        owner_member_id: action.owner_member_id,
        owner: action.owner_name,
        due: action.due_date,
        status: action.status,
        overdue,
    }
}

fn meeting_dto(details: MeetingDetails, today: jiff::civil::Date) -> MeetingDto {
    MeetingDto {
        group_id: details.group.id,
        minutes_approved_at: details.meeting.minutes_approved_at,
        meeting: meeting_summary(details.meeting),
        agenda: details.agenda,
        attendance: details
            .attendance
            .into_iter()
            .map(|a| AttendanceDto { member_id: a.member_id, name: a.name, attendance: a.attendance })
            .collect(),
        quorum: details.quorum.map(|q| QuorumDto {
            present: q.present,
            invited: q.invited,
            needed: q.needed,
            met: q.met,
        }),
        minutes: details
            .minutes
            .into_iter()
            .map(|m| MinutesDto {
                version: m.version,
                text: m.text,
                written_at: m.written_at,
                written_by: m.written_by,
            })
            .collect(),
        decisions: details
            .decisions
            .into_iter()
            .map(|d| DecisionDto { id: d.id, agenda_item: d.agenda_position, text: d.text })
            .collect(),
        actions: details.actions.into_iter().map(|a| action_dto(a, today)).collect(),
        carried_actions: details.carried.into_iter().map(|a| action_dto(a, today)).collect(),
    }
}

fn overview_dto(row: GroupOverview) -> GroupDto {
    group_dto(row.group, row.chair, &row.health)
}

fn text(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or_default()
}

fn number(value: Option<i64>) -> String {
    value.map(|n| n.to_string()).unwrap_or_default()
}

fn created(location: String, id: i64) -> (StatusCode, [(header::HeaderName, String); 1], Json<CreatedDto>) {
    (StatusCode::CREATED, [(header::LOCATION, location)], Json(CreatedDto { id }))
}

type Created = (StatusCode, [(header::HeaderName, String); 1], Json<CreatedDto>);

// ---------------------------------------------------------------------------
// Groups and members

/// The groups the caller may see, with their traffic lights.
#[utoipa::path(
    get,
    path = "/api/v1/governance/groups",
    operation_id = "list_governance_groups",
    tag = "governance",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The groups, the central group first.", body = Vec<GroupDto>),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn list_governance_groups(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
) -> Result<Json<Vec<GroupDto>>, ApiError> {
    let fail = failure(&actor, &headers);
    let rows = state.app.governance_overview(&actor).await.map_err(&fail)?;
    Ok(Json(rows.into_iter().map(overview_dto).collect()))
}

/// Creates a group: the central group (programme-wide roles), the local
/// group of a prison, or a further group.
#[utoipa::path(
    post,
    path = "/api/v1/governance/groups",
    operation_id = "create_governance_group",
    tag = "governance",
    security(("bearer" = [])),
    request_body = NewGroupDto,
    responses(
        (status = 201, description = "Created.", body = CreatedDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (a second central group, or a second local group of a prison: `duplicate`).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn create_governance_group(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiJson(body): ApiJson<NewGroupDto>,
) -> Result<Created, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ManageGovernance, "governance.group.create").await.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let code = text(&body.site).trim();
    let site = actor.sites.iter().find(|s| s.code.eq_ignore_ascii_case(code)).map(|s| s.id);
    let (target, dormant, quorum) =
        (number(body.target_per_year), number(body.dormant_after_days), number(body.quorum_percent));
    let fields = GroupFields {
        name: text(&body.name),
        kind: text(&body.kind),
        site,
        site_unknown: !code.is_empty() && site.is_none(),
        target_per_year: &target,
        dormant_after_days: &dormant,
        quorum_percent: &quorum,
    };
    let draft = GroupDraft::parse(&fields, state.app.config().governance.thresholds)
        .map_err(|invalid| fail(continuum_app::AppError::Invalid(invalid)))?;
    let id = state.app.create_group(&actor, &draft).await.map_err(&fail)?;
    Ok(created(format!("/api/v1/governance/groups/{id}"), id))
}

/// Changes a group's name, meeting target, dormancy threshold and quorum.
#[utoipa::path(
    put,
    path = "/api/v1/governance/groups/{id}",
    operation_id = "update_governance_group",
    tag = "governance",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The group's id.")),
    request_body = GroupChangeDto,
    responses(
        (status = 204, description = "Changed."),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such group the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Changed meanwhile (read it again).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (`out-of-range`: a dormancy threshold shorter than the interval the target asks).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn update_governance_group(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<GroupChangeDto>,
) -> Result<StatusCode, ApiError> {
    let fail = failure(&actor, &headers);
    state
        .app
        .permit_governance_action(&actor, Action::ManageGovernance, "governance.group.update")
        .await
        .map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let group = state.app.group_details(&actor, id).await.map_err(&fail)?.group;
    let site = group.site_code.as_deref().and_then(|code| actor.sites.iter().find(|s| s.code == code)).map(|s| s.id);
    let (target, dormant, quorum) =
        (number(body.target_per_year), number(body.dormant_after_days), number(body.quorum_percent));
    // The kind and the prison stay as they are.
    let fields = GroupFields {
        name: text(&body.name),
        kind: &group.kind,
        site,
        site_unknown: false,
        target_per_year: &target,
        dormant_after_days: &dormant,
        quorum_percent: &quorum,
    };
    let draft = GroupDraft::parse(&fields, state.app.config().governance.thresholds)
        .map_err(|invalid| fail(continuum_app::AppError::Invalid(invalid)))?;
    state.app.update_group(&actor, id, body.version.unwrap_or(0), &draft).await.map_err(&fail)?;
    Ok(StatusCode::NO_CONTENT)
}

/// A group with its members, empty seats, meetings and actions.
#[utoipa::path(
    get,
    path = "/api/v1/governance/groups/{id}",
    operation_id = "get_governance_group",
    tag = "governance",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The group's id.")),
    responses(
        (status = 200, description = "The group.", body = GroupDetailsDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such group the caller may see.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn get_governance_group(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<GroupDetailsDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit_governance_action(&actor, Action::ViewGovernance, "governance.group.read").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let details = state.app.group_details(&actor, id).await.map_err(&fail)?;
    let today = state.app.governance_today();
    let chair =
        details.members.iter().find(|m| m.office == "chair" && details.current.contains(&m.id)).map(|m| m.name.clone());
    let current = details.current.clone();
    Ok(Json(GroupDetailsDto {
        group: group_dto(details.group, chair, &details.health),
        members: details
            .members
            .into_iter()
            .map(|m| {
                let is_current = current.contains(&m.id);
                member_dto(m, is_current)
            })
            .collect(),
        vacancies: VacanciesDto {
            chair: details.vacancies.chair,
            secretary: details.vacancies.secretary,
            functions: details.vacancies.functions.iter().map(|f| f.code().to_owned()).collect(),
        },
        meetings: details.meetings.into_iter().map(meeting_summary).collect(),
        actions: details.actions.into_iter().map(|a| action_dto(a, today)).collect(),
    }))
}

/// Adds a member to a group.
#[utoipa::path(
    post,
    path = "/api/v1/governance/groups/{id}/members",
    operation_id = "add_governance_member",
    tag = "governance",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The group's id.")),
    request_body = NewMemberDto,
    responses(
        (status = 201, description = "Added.", body = CreatedDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such group the caller may change.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (`office-taken`: another member holds the office then).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn add_governance_member(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<NewMemberDto>,
) -> Result<Created, ApiError> {
    let fail = failure(&actor, &headers);
    state
        .app
        .permit_governance_action(&actor, Action::ManageGovernance, "governance.member.add")
        .await
        .map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let fields = MemberFields {
        function: text(&body.function),
        name: text(&body.name),
        organisation: text(&body.organisation),
        office: text(&body.office),
        start: text(&body.start),
        end: text(&body.end),
    };
    let draft = MemberDraft::parse(&fields).map_err(|invalid| fail(continuum_app::AppError::Invalid(invalid)))?;
    let member = state.app.add_member(&actor, id, &draft, text(&body.username)).await.map_err(&fail)?;
    Ok(created(format!("/api/v1/governance/groups/{id}"), member))
}

/// Ends a membership on its last day.
#[utoipa::path(
    post,
    path = "/api/v1/governance/members/{id}/end",
    operation_id = "end_governance_member",
    tag = "governance",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The membership's id.")),
    request_body = EndMemberDto,
    responses(
        (status = 204, description = "Ended."),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such membership the caller may change.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid end.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn end_governance_member(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<EndMemberDto>,
) -> Result<StatusCode, ApiError> {
    let fail = failure(&actor, &headers);
    state
        .app
        .permit_governance_action(&actor, Action::ManageGovernance, "governance.member.end")
        .await
        .map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    state.app.end_member(&actor, id, text(&body.end)).await.map_err(&fail)?;
    Ok(StatusCode::NO_CONTENT)
}

// ---------------------------------------------------------------------------
// Meetings

/// The meetings of a group, the latest first.
#[utoipa::path(
    get,
    path = "/api/v1/governance/groups/{id}/meetings",
    operation_id = "list_governance_meetings",
    tag = "governance",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The group's id.")),
    responses(
        (status = 200, description = "The meetings.", body = Vec<MeetingSummaryDto>),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such group the caller may see.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn list_governance_meetings(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Vec<MeetingSummaryDto>>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit_governance_action(&actor, Action::ViewGovernance, "governance.group.read").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let details = state.app.group_details(&actor, id).await.map_err(&fail)?;
    Ok(Json(details.meetings.into_iter().map(meeting_summary).collect()))
}

/// Plans a meeting of a group (a moment to come), or records one that took
/// place (`held`); every member on its day is invited.
#[utoipa::path(
    post,
    path = "/api/v1/governance/groups/{id}/meetings",
    operation_id = "create_governance_meeting",
    tag = "governance",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The group's id.")),
    request_body = NewMeetingDto,
    responses(
        (status = 201, description = "Planned or recorded.", body = CreatedDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such group the caller may change.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (`meeting-in-past`: planned for a moment past; `meeting-in-future`: held but still to come).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn create_governance_meeting(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<NewMeetingDto>,
) -> Result<Created, ApiError> {
    let fail = failure(&actor, &headers);
    state
        .app
        .permit_governance_action(&actor, Action::ManageGovernance, "governance.meeting.create")
        .await
        .map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let duration = number(body.duration_minutes);
    let agenda = body.agenda.join("\n");
    let fields = MeetingFields {
        date: text(&body.date),
        time: text(&body.time),
        duration_minutes: &duration,
        place: text(&body.place),
        video_link: text(&body.video_link),
        agenda: &agenda,
        held: body.held.unwrap_or(false),
    };
    let meeting = state.app.plan_meeting(&actor, id, &fields).await.map_err(&fail)?;
    Ok(created(format!("/api/v1/governance/meetings/{meeting}"), meeting))
}

/// A meeting with its agenda, attendance and quorum, minutes, decisions and actions.
#[utoipa::path(
    get,
    path = "/api/v1/governance/meetings/{id}",
    operation_id = "get_governance_meeting",
    tag = "governance",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The meeting's id.")),
    responses(
        (status = 200, description = "The meeting.", body = MeetingDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such meeting the caller may see.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn get_governance_meeting(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<MeetingDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state
        .app
        .permit_governance_action(&actor, Action::ViewGovernance, "governance.meeting.read")
        .await
        .map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let details = state.app.meeting_details(&actor, id).await.map_err(&fail)?;
    Ok(Json(meeting_dto(details, state.app.governance_today())))
}

/// Records the attendance of every invited member; a planned meeting that
/// has begun becomes held.
#[utoipa::path(
    post,
    path = "/api/v1/governance/meetings/{id}/attendance",
    operation_id = "record_governance_attendance",
    tag = "governance",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The meeting's id.")),
    request_body = AttendanceBodyDto,
    responses(
        (status = 204, description = "Recorded."),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such meeting the caller may change.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The meeting was cancelled.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An invited member without attendance, a member not invited, or a meeting still to come.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn record_governance_attendance(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<AttendanceBodyDto>,
) -> Result<StatusCode, ApiError> {
    let fail = failure(&actor, &headers);
    state
        .app
        .permit_governance_action(&actor, Action::ManageGovernance, "governance.meeting.hold")
        .await
        .map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let mut invalid = Invalid::default();
    let mut attendance = Vec::new();
    for entry in &body.attendance {
        match entry.attendance.as_deref().and_then(Attendance::parse) {
            Some(present) => attendance.push((entry.member_id, present)),
            None => invalid.push("attendance", FieldProblem::InvalidFormat),
        }
    }
    if !invalid.0.is_empty() {
        return Err(fail(continuum_app::AppError::Invalid(invalid)));
    }
    state.app.record_attendance(&actor, id, &attendance).await.map_err(&fail)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Cancels a planned meeting.
#[utoipa::path(
    post,
    path = "/api/v1/governance/meetings/{id}/cancel",
    operation_id = "cancel_governance_meeting",
    tag = "governance",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The meeting's id.")),
    responses(
        (status = 204, description = "Cancelled."),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such meeting the caller may change.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not a planned meeting.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn cancel_governance_meeting(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    let fail = failure(&actor, &headers);
    state
        .app
        .permit_governance_action(&actor, Action::ManageGovernance, "governance.meeting.cancel")
        .await
        .map_err(&fail)?;
    let id = id.map_err(&fail)?;
    state.app.cancel_meeting(&actor, id).await.map_err(&fail)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Writes a new version of a held meeting's minutes.
#[utoipa::path(
    post,
    path = "/api/v1/governance/meetings/{id}/minutes",
    operation_id = "write_governance_minutes",
    tag = "governance",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The meeting's id.")),
    request_body = MinutesBodyDto,
    responses(
        (status = 201, description = "Written; the answer's id is the version.", body = CreatedDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such meeting the caller may change.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The minutes are approved.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid text, or a meeting not held (`meeting-not-held`).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn write_governance_minutes(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<MinutesBodyDto>,
) -> Result<Created, ApiError> {
    let fail = failure(&actor, &headers);
    state
        .app
        .permit_governance_action(&actor, Action::ManageGovernance, "governance.minutes.write")
        .await
        .map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let version = state.app.save_minutes(&actor, id, text(&body.text)).await.map_err(&fail)?;
    Ok(created(format!("/api/v1/governance/meetings/{id}"), version))
}

/// Approves a held meeting's minutes at a later held meeting of its group.
#[utoipa::path(
    post,
    path = "/api/v1/governance/meetings/{id}/minutes/approve",
    operation_id = "approve_governance_minutes",
    tag = "governance",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The meeting whose minutes are approved.")),
    request_body = ApproveDto,
    responses(
        (status = 204, description = "Approved."),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such meeting the caller may change.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already approved.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Not yet held (`meeting-not-held`), or not a later held meeting of the group (`approval-not-later`).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn approve_governance_minutes(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<ApproveDto>,
) -> Result<StatusCode, ApiError> {
    let fail = failure(&actor, &headers);
    state
        .app
        .permit_governance_action(&actor, Action::ManageGovernance, "governance.minutes.approve")
        .await
        .map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    state.app.approve_minutes(&actor, id, body.approved_at).await.map_err(&fail)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Records a decision of a held meeting.
#[utoipa::path(
    post,
    path = "/api/v1/governance/meetings/{id}/decisions",
    operation_id = "create_governance_decision",
    tag = "governance",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The meeting's id.")),
    request_body = NewDecisionDto,
    responses(
        (status = 201, description = "Recorded.", body = CreatedDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such meeting the caller may change.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, or a meeting not held.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn create_governance_decision(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<NewDecisionDto>,
) -> Result<Created, ApiError> {
    let fail = failure(&actor, &headers);
    state
        .app
        .permit_governance_action(&actor, Action::ManageGovernance, "governance.decision.create")
        .await
        .map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let item = number(body.agenda_item);
    let decision = state.app.record_decision(&actor, id, text(&body.text), &item).await.map_err(&fail)?;
    Ok(created(format!("/api/v1/governance/meetings/{id}"), decision))
}

// ---------------------------------------------------------------------------
// Actions

/// Gives an action at a held meeting to one of the group's members.
#[utoipa::path(
    post,
    path = "/api/v1/governance/meetings/{id}/actions",
    operation_id = "create_governance_action",
    tag = "governance",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The meeting's id.")),
    request_body = NewActionDto,
    responses(
        (status = 201, description = "Given.", body = CreatedDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such meeting the caller may change.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (`owner`: required, or not a member).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn create_governance_action(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<NewActionDto>,
) -> Result<Created, ApiError> {
    let fail = failure(&actor, &headers);
    state
        .app
        .permit_governance_action(&actor, Action::ManageGovernance, "governance.action.create")
        .await
        .map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let owner = number(body.owner);
    let fields = ActionFields { title: text(&body.title), owner: &owner, due: text(&body.due) };
    let action = state.app.add_action(&actor, id, &fields, body.decision).await.map_err(&fail)?;
    Ok(created("/api/v1/governance/actions".to_owned(), action))
}

/// The pending actions of the groups the caller may see, the soonest due first.
#[utoipa::path(
    get,
    path = "/api/v1/governance/actions",
    operation_id = "list_governance_actions",
    tag = "governance",
    security(("bearer" = [])),
    params(ActionsQuery),
    responses(
        (status = 200, description = "The actions.", body = Vec<ActionDto>),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A parameter of the wrong form.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn list_governance_actions(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<ActionsQuery>,
) -> Result<Json<Vec<ActionDto>>, ApiError> {
    let fail = failure(&actor, &headers);
    state
        .app
        .permit_governance_action(&actor, Action::ViewGovernance, "governance.action.list")
        .await
        .map_err(&fail)?;
    let query = query.map_err(&fail)?;
    let mut invalid = Invalid::default();
    let group = match super::given(query.group.as_ref()) {
        None => None,
        Some(raw) => raw.parse::<i64>().map_err(|_| invalid.push("group", FieldProblem::InvalidFormat)).ok(),
    };
    let overdue = match super::given(query.overdue.as_ref()) {
        None | Some("false") => false,
        Some("true") => true,
        Some(_) => {
            invalid.push("overdue", FieldProblem::InvalidFormat);
            false
        }
    };
    let (group, overdue) = super::checked(invalid, (group, overdue)).map_err(&fail)?;
    let actions = state.app.pending_actions(&actor, group, overdue).await.map_err(&fail)?;
    let today = state.app.governance_today();
    Ok(Json(actions.into_iter().map(|a| action_dto(a, today)).collect()))
}

/// Changes an action's status (`done` and `dropped` are final).
#[utoipa::path(
    post,
    path = "/api/v1/governance/actions/{id}/status",
    operation_id = "update_governance_action",
    tag = "governance",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The action's id.")),
    request_body = ActionStatusDto,
    responses(
        (status = 200, description = "Changed.", body = ActionDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such action the caller may change.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already done or dropped.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn update_governance_action(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<ActionStatusDto>,
) -> Result<Json<ActionDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state
        .app
        .permit_governance_action(&actor, Action::ManageGovernance, "governance.action.update")
        .await
        .map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let action = state.app.change_action(&actor, id, text(&body.status), text(&body.note)).await.map_err(&fail)?;
    Ok(Json(action_dto(action, state.app.governance_today())))
}

pub(super) fn routes(routes: Routes) -> Routes {
    let view = Access::Policy(Action::ViewGovernance);
    let manage = Access::Policy(Action::ManageGovernance);
    let routes = routes
        .add("GET", "/api/v1/governance/groups", view, get(list_governance_groups))
        .add("POST", "/api/v1/governance/groups", manage, post(create_governance_group))
        .add("GET", "/api/v1/governance/groups/{id}", view, get(get_governance_group))
        .add("PUT", "/api/v1/governance/groups/{id}", manage, put(update_governance_group))
        .add("POST", "/api/v1/governance/groups/{id}/members", manage, post(add_governance_member))
        .add("POST", "/api/v1/governance/members/{id}/end", manage, post(end_governance_member))
        .add("GET", "/api/v1/governance/groups/{id}/meetings", view, get(list_governance_meetings))
        .add("POST", "/api/v1/governance/groups/{id}/meetings", manage, post(create_governance_meeting))
        .add("GET", "/api/v1/governance/meetings/{id}", view, get(get_governance_meeting))
        .add("POST", "/api/v1/governance/meetings/{id}/attendance", manage, post(record_governance_attendance))
        .add("POST", "/api/v1/governance/meetings/{id}/cancel", manage, post(cancel_governance_meeting))
        .add("POST", "/api/v1/governance/meetings/{id}/minutes", manage, post(write_governance_minutes))
        .add("POST", "/api/v1/governance/meetings/{id}/minutes/approve", manage, post(approve_governance_minutes))
        .add("POST", "/api/v1/governance/meetings/{id}/decisions", manage, post(create_governance_decision))
        .add("POST", "/api/v1/governance/meetings/{id}/actions", manage, post(create_governance_action))
        .add("GET", "/api/v1/governance/actions", view, get(list_governance_actions))
        .add("POST", "/api/v1/governance/actions/{id}/status", manage, post(update_governance_action));
    let routes = document_routes(routes);
    project_routes(routes)
}

// ---------------------------------------------------------------------------
// Local projects and their authorisation

/// A local project and the state of its request for authorisation.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ProjectDto {
    /// Id.
    pub id: i64,
    /// The local group that keeps it.
    pub group_id: i64,
    /// Its prison's code.
    pub site: String,
    /// Title.
    pub title: String,
    /// `programme`, `drug_free_wing`, `urine_tests`, `peer_support`, `prevention`, `other`.
    pub kind: String,
    /// What it is.
    pub description: String,
    /// The services involved.
    pub services: String,
    /// Start.
    pub start: String,
    /// End.
    pub end: Option<String>,
    /// Whether it needs the central group's prior authorisation.
    pub fundamental: bool,
    /// Its request.
    pub request: Option<RequestDto>,
}

/// A request for prior authorisation.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct RequestDto {
    /// Id (for review, decision and follow-up).
    pub id: i64,
    /// `submitted`, `under_review`, `authorised`, `authorised_with_conditions`, `refused`, `more_information`.
    pub state: String,
    /// The day of its last submission.
    pub submitted_on: Option<String>,
    /// Days it has waited, while waiting.
    pub waiting_days: Option<i64>,
    /// The meeting of the last decision.
    pub decided_at_meeting: Option<i64>,
    /// Its reasons.
    pub reasons: Option<String>,
    /// Its conditions.
    pub conditions: Option<String>,
    /// When the project is reviewed.
    pub review_date: Option<String>,
    /// Whether its conditions are met.
    pub conditions_met: bool,
}

/// One step of a request.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct RequestEventDto {
    /// `submit`, `resubmit`, `review`, `decide`, `follow_up`.
    pub step: String,
    /// The state after it.
    pub state: String,
    /// The meeting where it was decided.
    pub meeting_id: Option<i64>,
    /// Note, reasons or follow-up.
    pub text: String,
    /// Conditions.
    pub conditions: String,
    /// Review date.
    pub review_date: Option<String>,
    /// When (UTC).
    pub at: String,
    /// By whom.
    pub by: Option<String>,
}

/// A project with every step of its request.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ProjectDetailsDto {
    /// The project.
    pub project: ProjectDto,
    /// Every step of its request, the first first.
    pub history: Vec<RequestEventDto>,
}

/// A new local project.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct NewProjectDto {
    /// Title.
    #[schema(required = true, value_type = String)]
    pub title: Option<String>,
    /// Kind code.
    #[schema(required = true, value_type = String)]
    pub kind: Option<String>,
    /// What it is, without identifying anyone.
    #[schema(required = true, value_type = String)]
    pub description: Option<String>,
    /// The services involved.
    pub services: Option<String>,
    /// Start.
    #[schema(required = true, value_type = String)]
    pub start: Option<String>,
    /// End.
    pub end: Option<String>,
    /// It has a fundamental element (always so for a drug-free wing and urine tests).
    pub fundamental: Option<bool>,
}

/// A submission for authorisation.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct SubmitDto {
    /// A note for the central group.
    pub note: Option<String>,
}

/// A decision on a request.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct DecideDto {
    /// The held meeting of the central group where it was decided.
    #[schema(required = true, value_type = i64)]
    pub meeting: Option<i64>,
    /// `authorised`, `authorised_with_conditions`, `refused` or `more_information`.
    #[schema(required = true, value_type = String)]
    pub outcome: Option<String>,
    /// Why.
    #[schema(required = true, value_type = String)]
    pub reasons: Option<String>,
    /// The conditions (with `authorised_with_conditions`).
    pub conditions: Option<String>,
    /// When the project is reviewed (required with conditions).
    pub review_date: Option<String>,
}

/// A follow-up of an authorised project's conditions.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct FollowUpDto {
    /// What was found.
    #[schema(required = true, value_type = String)]
    pub note: Option<String>,
    /// The conditions are met.
    pub conditions_met: Option<bool>,
    /// Otherwise, the next review date.
    pub next_review: Option<String>,
}

fn project_dto(project: continuum_app::governance::ProjectRow, today: jiff::civil::Date) -> ProjectDto {
    let request = project.request_id.map(|id| {
        let state = project.state.clone().unwrap_or_default();
        let waiting = continuum_domain::governance::project::RequestState::parse(&state)
            .filter(|s| s.is_waiting())
            .and(project.submitted_on.as_deref().and_then(|d| d.parse().ok()))
            .map(|submitted| continuum_domain::governance::project::waiting_days(submitted, today));
        RequestDto {
            id,
            state,
            submitted_on: project.submitted_on.clone(),
            waiting_days: waiting,
            decided_at_meeting: project.decided_meeting_id,
            reasons: project.reasons.clone().filter(|r| !r.is_empty()),
            conditions: project.conditions.clone().filter(|c| !c.is_empty()),
            review_date: project.review_date.clone(),
            conditions_met: project.conditions_met,
        }
    });
    ProjectDto {
        id: project.id,
        group_id: project.group_id,
        site: project.site_code,
        title: project.title,
        kind: project.kind,
        description: project.description,
        services: project.services,
        start: project.start_date,
        end: project.end_date,
        fundamental: project.fundamental,
        request,
    }
}

/// The projects of the groups the caller may see, those waiting for a
/// decision first (the longest waiting first).
#[utoipa::path(
    get,
    path = "/api/v1/governance/projects",
    operation_id = "list_governance_projects",
    tag = "governance",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The projects.", body = Vec<ProjectDto>),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn list_governance_projects(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
) -> Result<Json<Vec<ProjectDto>>, ApiError> {
    let fail = failure(&actor, &headers);
    let rows = state.app.governance_projects(&actor).await.map_err(&fail)?;
    let today = state.app.governance_today();
    Ok(Json(rows.into_iter().map(|p| project_dto(p, today)).collect()))
}

/// Enters a project in the inventory of a local group's prison.
#[utoipa::path(
    post,
    path = "/api/v1/governance/groups/{id}/projects",
    operation_id = "create_governance_project",
    tag = "governance",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The local group's id.")),
    request_body = NewProjectDto,
    responses(
        (status = 201, description = "Entered.", body = CreatedDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such group the caller may change.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not a local group.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn create_governance_project(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<NewProjectDto>,
) -> Result<Created, ApiError> {
    let fail = failure(&actor, &headers);
    state
        .app
        .permit_governance_action(&actor, Action::ManageGovernance, "governance.project.create")
        .await
        .map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let fields = continuum_domain::governance::project::ProjectFields {
        title: text(&body.title),
        kind: text(&body.kind),
        description: text(&body.description),
        services: text(&body.services),
        start: text(&body.start),
        end: text(&body.end),
        fundamental: body.fundamental.unwrap_or(false),
    };
    let draft = continuum_domain::governance::project::ProjectDraft::parse(&fields)
        .map_err(|invalid| fail(continuum_app::AppError::Invalid(invalid)))?;
    let project = state.app.create_project(&actor, id, &draft).await.map_err(&fail)?;
    Ok(created(format!("/api/v1/governance/projects/{project}"), project))
}

/// A project with every step of its request.
#[utoipa::path(
    get,
    path = "/api/v1/governance/projects/{id}",
    operation_id = "get_governance_project",
    tag = "governance",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id.")),
    responses(
        (status = 200, description = "The project.", body = ProjectDetailsDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project the caller may see.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn get_governance_project(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ProjectDetailsDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state
        .app
        .permit_governance_action(&actor, Action::ViewGovernance, "governance.project.read")
        .await
        .map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let details = state.app.project_details(&actor, id).await.map_err(&fail)?;
    Ok(Json(ProjectDetailsDto {
        project: project_dto(details.project, state.app.governance_today()),
        history: details
            .events
            .into_iter()
            .map(|e| RequestEventDto {
                step: e.step,
                state: e.state,
                meeting_id: e.meeting_id,
                text: e.text,
                conditions: e.conditions,
                review_date: e.review_date,
                at: e.at,
                by: e.by_name,
            })
            .collect(),
    }))
}

/// Submits a project with a fundamental element for the central group's
/// prior authorisation (again, after more information was asked).
#[utoipa::path(
    post,
    path = "/api/v1/governance/projects/{id}/submit",
    operation_id = "submit_governance_project",
    tag = "governance",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The project's id.")),
    request_body = SubmitDto,
    responses(
        (status = 201, description = "Submitted; the answer's id is the request's.", body = CreatedDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such project the caller may change.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "No fundamental element, or already waiting or decided.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid note.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn submit_governance_project(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<SubmitDto>,
) -> Result<Created, ApiError> {
    let fail = failure(&actor, &headers);
    state
        .app
        .permit_governance_action(&actor, Action::ManageGovernance, "governance.project.submit")
        .await
        .map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let request = state.app.submit_project(&actor, id, text(&body.note)).await.map_err(&fail)?;
    Ok(created(format!("/api/v1/governance/projects/{id}"), request))
}

/// Takes a submitted request under review (the central group).
#[utoipa::path(
    post,
    path = "/api/v1/governance/authorisations/{id}/review",
    operation_id = "review_governance_authorisation",
    tag = "governance",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The request's id.")),
    responses(
        (status = 204, description = "Under review."),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such request.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not submitted.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn review_governance_authorisation(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    let fail = failure(&actor, &headers);
    state
        .app
        .permit_governance_action(&actor, Action::DecideProjectAuthorisation, "governance.authorisation.review")
        .await
        .map_err(&fail)?;
    let id = id.map_err(&fail)?;
    state.app.review_request(&actor, id).await.map_err(&fail)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Decides a waiting request at a held meeting of the central group, with reasons.
#[utoipa::path(
    post,
    path = "/api/v1/governance/authorisations/{id}/decide",
    operation_id = "decide_governance_authorisation",
    tag = "governance",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The request's id.")),
    request_body = DecideDto,
    responses(
        (status = 204, description = "Decided."),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such request.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already decided.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (`group-may-not-decide`: a meeting of a group that does not decide authorisations; `meeting-not-held`; `meeting-before-submission`).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn decide_governance_authorisation(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<DecideDto>,
) -> Result<StatusCode, ApiError> {
    let fail = failure(&actor, &headers);
    state
        .app
        .permit_governance_action(&actor, Action::DecideProjectAuthorisation, "governance.authorisation.decide")
        .await
        .map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let fields = continuum_domain::governance::project::DecisionFields {
        outcome: text(&body.outcome),
        reasons: text(&body.reasons),
        conditions: text(&body.conditions),
        review_date: text(&body.review_date),
    };
    state.app.decide_request(&actor, id, body.meeting, &fields).await.map_err(&fail)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Follows up the conditions of an authorised project.
#[utoipa::path(
    post,
    path = "/api/v1/governance/authorisations/{id}/follow-up",
    operation_id = "follow_up_governance_authorisation",
    tag = "governance",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The request's id.")),
    request_body = FollowUpDto,
    responses(
        (status = 204, description = "Recorded."),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such request.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not authorised.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn follow_up_governance_authorisation(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<FollowUpDto>,
) -> Result<StatusCode, ApiError> {
    let fail = failure(&actor, &headers);
    state
        .app
        .permit_governance_action(&actor, Action::DecideProjectAuthorisation, "governance.authorisation.follow_up")
        .await
        .map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    state
        .app
        .follow_up_request(&actor, id, text(&body.note), body.conditions_met.unwrap_or(false), text(&body.next_review))
        .await
        .map_err(&fail)?;
    Ok(StatusCode::NO_CONTENT)
}

fn project_routes(routes: Routes) -> Routes {
    let view = Access::Policy(Action::ViewGovernance);
    let manage = Access::Policy(Action::ManageGovernance);
    let decide = Access::Policy(Action::DecideProjectAuthorisation);
    routes
        .add("GET", "/api/v1/governance/projects", view, get(list_governance_projects))
        .add("POST", "/api/v1/governance/groups/{id}/projects", manage, post(create_governance_project))
        .add("GET", "/api/v1/governance/projects/{id}", view, get(get_governance_project))
        .add("POST", "/api/v1/governance/projects/{id}/submit", manage, post(submit_governance_project))
        .add("POST", "/api/v1/governance/authorisations/{id}/review", decide, post(review_governance_authorisation))
        .add("POST", "/api/v1/governance/authorisations/{id}/decide", decide, post(decide_governance_authorisation))
        .add(
            "POST",
            "/api/v1/governance/authorisations/{id}/follow-up",
            decide,
            post(follow_up_governance_authorisation),
        )
}

// ---------------------------------------------------------------------------
// Meeting documents

/// A document to attach, as `multipart/form-data`.
#[derive(ToSchema)]
#[allow(dead_code)] // Describes the form in the OpenAPI document; the handler reads the parts.
pub struct DocumentUploadDto {
    /// The file: its name and `Content-Type` are kept. A PDF, an
    /// OpenDocument or Office document, plain text, CSV, PNG or JPEG, at
    /// most 10 MB.
    #[schema(value_type = String, format = Binary)]
    pub document: Vec<u8>,
}

/// Attaches a document to a meeting, with the limits of the meeting's page.
#[utoipa::path(
    post,
    path = "/api/v1/governance/meetings/{id}/documents",
    operation_id = "attach_governance_document",
    tag = "governance",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The meeting's id.")),
    request_body(content = DocumentUploadDto, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Attached; `Location` is the document's download.", body = CreatedDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such meeting the caller may change.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No file (`required`), a kind of file not taken (`invalid-format`) or too large (`file-too-large`), on the field `document`.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn attach_governance_document(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Created, ApiError> {
    let fail = failure(&actor, &headers);
    state
        .app
        .permit_governance_action(&actor, Action::ManageGovernance, "governance.document.attach")
        .await
        .map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let refused = |problem| fail(AppError::field("document", problem));
    let multipart = multipart.map_err(|_| refused(FieldProblem::Required))?;
    let (name, media_type, content) = read_document(multipart).await.map_err(refused)?;
    let document = state.app.attach_document(&actor, id, &name, &media_type, &content).await.map_err(&fail)?;
    Ok(created(format!("/api/v1/governance/documents/{document}"), document))
}

/// The part `document` of a form: its file name, type and content; stops at the size limit.
async fn read_document(mut multipart: Multipart) -> Result<(String, String, Vec<u8>), FieldProblem> {
    let too_large = FieldProblem::FileTooLarge { max_mb: DOCUMENT_MAX_MB };
    let unreadable = |error: MultipartError| {
        if error.status() == StatusCode::PAYLOAD_TOO_LARGE { too_large.clone() } else { FieldProblem::Required }
    };
    while let Some(mut field) = multipart.next_field().await.map_err(unreadable)? {
        if field.name() != Some("document") {
            continue;
        }
        let name = field.file_name().unwrap_or_default().to_owned();
        let media_type = field.content_type().unwrap_or_default().to_owned();
        let mut content = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(unreadable)? {
            if content.len() + chunk.len() > DOCUMENT_MAX_BYTES {
                return Err(too_large);
            }
            content.extend_from_slice(&chunk);
        }
        return Ok((name, media_type, content));
    }
    Err(FieldProblem::Required)
}

/// Downloads a meeting's document.
#[utoipa::path(
    get,
    path = "/api/v1/governance/documents/{id}",
    operation_id = "get_governance_document",
    tag = "governance",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The document's id.")),
    responses(
        (status = 200, description = "The file, with the type it was attached with.", content_type = "application/octet-stream"),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such document the caller may see.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn get_governance_document(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Response, ApiError> {
    let fail = failure(&actor, &headers);
    let id = id.map_err(&fail)?;
    let (document, content) = state.app.meeting_document(&actor, id).await.map_err(&fail)?;
    let media_type =
        HeaderValue::from_str(&document.media_type).unwrap_or(HeaderValue::from_static("application/octet-stream"));
    let mut response = Response::new(Body::from(content));
    let answer = response.headers_mut();
    answer.insert(header::CONTENT_TYPE, media_type);
    answer.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    answer.insert(header::CONTENT_DISPOSITION, HeaderValue::from_static("attachment"));
    Ok(response)
}

fn document_routes(routes: Routes) -> Routes {
    let view = Access::Policy(Action::ViewGovernance);
    let manage = Access::Policy(Action::ManageGovernance);
    routes.add("GET", "/api/v1/governance/documents/{id}", view, get(get_governance_document)).add_upload(
        "POST",
        "/api/v1/governance/meetings/{id}/documents",
        manage,
        post(attach_governance_document).layer(DefaultBodyLimit::max(DOCUMENT_MAX_BYTES + 64 * 1024)),
    )
}
