//! Contacts and group sessions through the API: record an individual
//! contact, read a person's contacts a page at a time, record a group
//! session once for all its participants, read a contact or a session.
//! Notes are clinical: only the care team of the person's prison reads them.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::{get, post};
use continuum_app::care::contacts::{Contact, GroupSessionRecord};
use continuum_domain::care::contact::{ContactFields, ParticipantFields};
use continuum_domain::policy::Action;
use continuum_domain::validation::Invalid;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::api::{ApiJson, ApiPath, ApiQuery, Page, checked, failure, paging};
use crate::error::{ApiError, Problem};
use crate::extract::ApiCaller;
use crate::routes::{Access, Routes};
use crate::state::AppState;

/// A contact with a person, individual or as a participant of a group session.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ContactDto {
    /// Its id.
    pub id: i64,
    /// The person.
    pub person_id: i64,
    /// The care pathway it belongs to.
    pub pathway_id: i64,
    /// The prison where it took place.
    pub site: String,
    /// The group session it was part of; absent for an individual contact.
    pub group_session_id: Option<i64>,
    /// Day it took place.
    pub held_on: String,
    /// Minutes.
    pub duration_minutes: i64,
    /// `counselling`, `assessment`, `group_work`, `oat`, `harm_reduction`,
    /// `release_preparation`, `referral`, `crisis`, `other`.
    pub kind: String,
    /// Who attended for the care team.
    pub staff: String,
    /// `attended` or `did_not_attend`.
    pub attendance: String,
    /// The progress note (clinical).
    pub note: String,
    /// Who recorded it (username).
    pub recorded_by: Option<String>,
    /// When (UTC).
    pub recorded_at: String,
}

/// A contact to record.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct ContactInputDto {
    /// Day (`YYYY-MM-DD`), within the current detention and not in the future.
    #[schema(required = true, value_type = String)]
    pub held_on: Option<String>,
    /// Minutes, 1 to 600.
    #[schema(required = true, value_type = i64)]
    pub duration_minutes: Option<i64>,
    /// A kind code, as in [`ContactDto`].
    #[schema(required = true, value_type = String)]
    pub kind: Option<String>,
    /// Who attended for the care team.
    #[schema(required = true, value_type = String)]
    pub staff: Option<String>,
    /// `attended` or `did_not_attend`.
    #[schema(required = true, value_type = String)]
    pub attendance: Option<String>,
    /// The progress note; required when the person attended. For a group
    /// session, its topic.
    pub note: Option<String>,
}

/// A participant of a group session to record.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct ParticipantInputDto {
    /// The prison number of the person's current detention at the caller's prison.
    #[schema(required = true, value_type = String)]
    pub prison_number: Option<String>,
    /// `attended` or `did_not_attend`.
    #[schema(required = true, value_type = String)]
    pub attendance: Option<String>,
    /// The person's progress note.
    pub note: Option<String>,
}

/// A group session to record: its day, length, kind and staff, its topic
/// in `note`, and its participants.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct GroupSessionInputDto {
    /// The session, as a contact (`attendance` is ignored).
    #[serde(flatten)]
    pub session: ContactInputDto,
    /// At least one participant.
    #[schema(required = true, value_type = Vec<ParticipantInputDto>)]
    pub participants: Option<Vec<ParticipantInputDto>>,
}

/// A group session, with the participants the caller may read.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct GroupSessionDto {
    /// Its id.
    pub id: i64,
    /// The prison where it was held.
    pub site: String,
    /// Day it was held.
    pub held_on: String,
    /// Minutes.
    pub duration_minutes: i64,
    /// A kind code, as in [`ContactDto`].
    pub kind: String,
    /// Who led it.
    pub staff: String,
    /// Its topic.
    pub topic: String,
    /// How many took part in all.
    pub participant_count: i64,
    /// The contacts of the participants the caller may read.
    pub participants: Vec<ContactDto>,
}

/// Paging of a person's contacts.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ContactsQuery {
    /// Page, from 1.
    #[param(value_type = Option<u32>, minimum = 1)]
    pub page: Option<String>,
    /// Results per page, 1 to 200 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 200)]
    pub per_page: Option<String>,
}

fn contact_dto(contact: Contact) -> ContactDto {
    ContactDto {
        id: contact.id,
        person_id: contact.person_id,
        pathway_id: contact.pathway_id,
        site: contact.site_code,
        group_session_id: contact.group_session_id,
        held_on: contact.held_on,
        duration_minutes: contact.duration_minutes,
        kind: contact.kind,
        staff: contact.staff,
        attendance: contact.attendance,
        note: contact.note,
        recorded_by: contact.recorded_by,
        recorded_at: contact.recorded_at,
    }
}

fn session_dto(record: GroupSessionRecord) -> GroupSessionDto {
    let session = record.session;
    GroupSessionDto {
        id: session.id,
        site: session.site_code,
        held_on: session.held_on,
        duration_minutes: session.duration_minutes,
        kind: session.kind,
        staff: session.staff,
        topic: session.topic,
        participant_count: session.participants,
        participants: record.participants.into_iter().map(contact_dto).collect(),
    }
}

/// The body's numbers as the text a form would have sent.
fn minutes_text(input: &ContactInputDto) -> String {
    input.duration_minutes.map(|m| m.to_string()).unwrap_or_default()
}

fn contact_fields<'a>(input: &'a ContactInputDto, minutes: &'a str) -> ContactFields<'a> {
    let s = |v: &'a Option<String>| v.as_deref().unwrap_or_default();
    ContactFields {
        held_on: s(&input.held_on),
        duration_minutes: minutes,
        kind: s(&input.kind),
        staff: s(&input.staff),
        attendance: s(&input.attendance),
        note: s(&input.note),
    }
}

/// A person's contacts, the latest day first.
#[utoipa::path(
    get,
    path = "/api/v1/people/{id}/contacts",
    operation_id = "list_contacts",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id."), ContactsQuery),
    responses(
        (status = 200, description = "The contacts of the page.", body = Page<ContactDto>),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A parameter of the wrong form.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn list_contacts(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(person_id): ApiPath<i64>,
    ApiQuery(query): ApiQuery<ContactsQuery>,
) -> Result<Json<Page<ContactDto>>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadClinical, "contact.list").await.map_err(&fail)?;
    let person_id = person_id.map_err(&fail)?;
    let query = query.map_err(&fail)?;
    let mut errors = Invalid::default();
    let paging = paging(&mut errors, query.page.as_ref(), query.per_page.as_ref());
    let paging = checked(errors, paging).map_err(&fail)?;
    let listing = state.app.person_contacts(&actor, person_id, paging).await.map_err(&fail)?;
    Ok(Json(Page::from_listing(listing, contact_dto)))
}

/// Records an individual contact with a person, on their open pathway.
#[utoipa::path(
    post,
    path = "/api/v1/people/{id}/contacts",
    operation_id = "create_contact",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id.")),
    request_body = ContactInputDto,
    responses(
        (status = 201, description = "Recorded.", body = ContactDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The person has no open pathway (`care-no-open-pathway`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn create_contact(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(person_id): ApiPath<i64>,
    ApiJson(body): ApiJson<ContactInputDto>,
) -> Result<(StatusCode, [(header::HeaderName, String); 1], Json<ContactDto>), ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::WriteClinical, "contact.create").await.map_err(&fail)?;
    let person_id = person_id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let minutes = minutes_text(&body);
    let id = state.app.record_contact(&actor, person_id, &contact_fields(&body, &minutes)).await.map_err(&fail)?;
    let record = state.app.contact(&actor, id).await.map_err(&fail)?;
    Ok((StatusCode::CREATED, [(header::LOCATION, format!("/api/v1/contacts/{id}"))], Json(contact_dto(record.contact))))
}

/// One contact.
#[utoipa::path(
    get,
    path = "/api/v1/contacts/{id}",
    operation_id = "get_contact",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The contact's id.")),
    responses(
        (status = 200, description = "The contact.", body = ContactDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such contact of a person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn get_contact(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ContactDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadClinical, "contact.read").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    Ok(Json(contact_dto(state.app.contact(&actor, id).await.map_err(&fail)?.contact)))
}

/// Records a group session at the caller's prison, once for all its
/// participants: each gets a contact with their attendance and note, all
/// in one transaction; a participant not found is named and nothing is written.
#[utoipa::path(
    post,
    path = "/api/v1/group-sessions",
    operation_id = "create_group_session",
    tag = "care",
    security(("bearer" = [])),
    request_body = GroupSessionInputDto,
    responses(
        (status = 201, description = "Recorded.", body = GroupSessionDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named (`participant_number_<n>` for a participant).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn create_group_session(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiJson(body): ApiJson<GroupSessionInputDto>,
) -> Result<(StatusCode, [(header::HeaderName, String); 1], Json<GroupSessionDto>), ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::WriteClinical, "group_session.create").await.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let minutes = minutes_text(&body.session);
    let participants: Vec<ParticipantFields<'_>> = body
        .participants
        .iter()
        .flatten()
        .map(|p| ParticipantFields {
            prison_number: p.prison_number.as_deref().unwrap_or_default(),
            attendance: p.attendance.as_deref().unwrap_or_default(),
            note: p.note.as_deref().unwrap_or_default(),
        })
        .collect();
    let fields = contact_fields(&body.session, &minutes);
    let id = state.app.record_group_session(&actor, &fields, &participants).await.map_err(&fail)?;
    let record = state.app.group_session(&actor, id).await.map_err(&fail)?;
    Ok((StatusCode::CREATED, [(header::LOCATION, format!("/api/v1/group-sessions/{id}"))], Json(session_dto(record))))
}

/// One group session, with the participants the caller may read.
#[utoipa::path(
    get,
    path = "/api/v1/group-sessions/{id}",
    operation_id = "get_group_session",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The session's id.")),
    responses(
        (status = 200, description = "The session.", body = GroupSessionDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such session with a participant the caller may read.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn get_group_session(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<GroupSessionDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadClinical, "group_session.read").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    Ok(Json(session_dto(state.app.group_session(&actor, id).await.map_err(&fail)?)))
}

pub(super) fn routes(routes: Routes) -> Routes {
    let read = Access::Policy(Action::ReadClinical);
    let write = Access::Policy(Action::WriteClinical);
    routes
        .add("GET", "/api/v1/people/{id}/contacts", read, get(list_contacts))
        .add("POST", "/api/v1/people/{id}/contacts", write, post(create_contact))
        .add("GET", "/api/v1/contacts/{id}", read, get(get_contact))
        .add("POST", "/api/v1/group-sessions", write, post(create_group_session))
        .add("GET", "/api/v1/group-sessions/{id}", read, get(get_group_session))
}
