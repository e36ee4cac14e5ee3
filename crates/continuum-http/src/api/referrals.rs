//! Referrals through the API (issue 6, items 3, 4 and 7): the referrals the
//! caller may see (the care team's of its prisons; an outside provider's
//! sent to its organisation, within the person's consent), a person's
//! referrals, writing one (a service that does not fit the person is a
//! 422 on `confirm_coverage` until confirmed), reading one, sending it
//! (refused naming each missing consent) and its steps.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::{get, post};
use continuum_app::AppError;
use continuum_app::referrals::{
    Creation, Referral, ReferralEvent, ReferralFilter, ReferralRecord, Sending, SharedContent,
};
use continuum_domain::policy::Action;
use continuum_domain::referral::{ReferralDraft, ReferralFields, ReferralStatus, StepFields};
use continuum_domain::validation::{Invalid, Problem as FieldProblem};
use continuum_i18n::Lang;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::consents::SectionAccessDto;
use super::{ApiJson, ApiPath, ApiQuery, Page, checked, failure, given, paging, validated};
use crate::error::{ApiError, Problem};
use crate::extract::{ApiCaller, actor_lang};
use crate::routes::{Access, Routes};
use crate::state::AppState;

/// A referral of a person to a service of the directory.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ReferralDto {
    /// Id.
    pub id: i64,
    /// The person.
    pub person_id: i64,
    /// Family name(s).
    pub family_name: String,
    /// Given name(s).
    pub given_names: String,
    /// Date of birth.
    pub birth_date: String,
    /// The code of the person's prison.
    pub prison: String,
    /// Prison number of the person's current episode.
    pub prison_number: Option<String>,
    /// The service (`/api/v1/directory/services/{id}`).
    pub service_id: i64,
    /// Its name.
    pub service: String,
    /// Its organisation.
    pub organisation_id: i64,
    /// Its name.
    pub organisation: String,
    /// Why the person is referred.
    pub reason: String,
    /// `routine`, `urgent` or `asap`.
    pub urgency: String,
    /// The sections shared (`identity`, `screening`, `medication`, `appointments`).
    pub sections: Vec<String>,
    /// The coverage warnings confirmed when written (`prison_not_covered`,
    /// `language_not_spoken`).
    pub coverage_confirmed: Vec<String>,
    /// `draft`, `sent`, `accepted`, `refused`, `appointment_made`,
    /// `attended`, `not_attended` or `closed`.
    pub status: String,
    /// When the status began (UTC).
    pub status_since: String,
    /// Why it is overdue now, if it is: `unanswered`, `no_appointment`,
    /// `attendance_unrecorded`.
    pub overdue: Option<String>,
    /// The appointment, Belgian wall-clock time (`YYYY-MM-DDTHH:MM`).
    pub appointment_at: Option<String>,
    /// Where.
    pub appointment_place: String,
    /// When sent (UTC).
    pub sent_at: Option<String>,
    /// When written (UTC).
    pub created_at: String,
    /// Who wrote it.
    pub created_by: Option<String>,
}

/// One change of a referral.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ReferralEventDto {
    /// `create`, `send`, `accept`, `refuse`, `appointment`, `attended`,
    /// `not_attended` or `close`.
    pub step: String,
    /// The status after it.
    pub status: String,
    /// `care_team` or `provider`.
    pub party: String,
    /// The reason of a refusal or a closing.
    pub note: String,
    /// The appointment given.
    pub appointment_at: Option<String>,
    /// Where.
    pub appointment_place: String,
    /// When (UTC).
    pub at: String,
    /// Who.
    pub by: Option<String>,
}

/// Who the person is (the section `identity`).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SharedIdentityDto {
    /// Family name(s).
    pub family_name: String,
    /// Given name(s).
    pub given_names: String,
    /// Date of birth.
    pub birth_date: String,
    /// Sex code.
    pub sex: String,
    /// Language codes, comma-separated.
    pub languages: String,
    /// Preferred language code.
    pub preferred_language: String,
    /// The prison's code.
    pub prison: String,
    /// Prison number.
    pub prison_number: Option<String>,
}

/// A completed screening, without its answers (the section `screening`).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SharedScreeningDto {
    /// Instrument code.
    pub instrument: String,
    /// Its version.
    pub version: String,
    /// When completed (UTC).
    pub completed_at: String,
    /// Whether positive.
    pub positive: bool,
}

/// An OAT prescription running (the section `medication`).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SharedMedicationDto {
    /// `methadone`, `buprenorphine` or `buprenorphine_naloxone`.
    pub medicine: String,
    /// Daily dose in micrograms.
    pub daily_dose_ug: i64,
    /// First day.
    pub start_date: String,
    /// Taken under observation.
    pub observed: bool,
}

/// An appointment with one of the organisation's services (the section
/// `appointments`).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SharedAppointmentDto {
    /// The referral.
    pub referral_id: i64,
    /// The service.
    pub service: String,
    /// When, Belgian wall-clock time.
    pub at: String,
    /// Where.
    pub place: String,
    /// Its referral's status.
    pub status: String,
}

/// What an outside provider is shown of the sections its consents cover
/// now; a section not shown is absent.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct SharedDto {
    /// Who the person is.
    pub identity: Option<SharedIdentityDto>,
    /// Completed screenings.
    pub screenings: Option<Vec<SharedScreeningDto>>,
    /// OAT running.
    pub medication: Option<Vec<SharedMedicationDto>>,
    /// Appointments with the organisation's services.
    pub appointments: Option<Vec<SharedAppointmentDto>>,
}

/// One referral as the caller sees it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ReferralDetailDto {
    /// The referral.
    pub referral: ReferralDto,
    /// How the caller stands to it: `care_team` or `provider`.
    pub party: String,
    /// The steps the caller may take now (`send`, `accept`, `refuse`,
    /// `appointment`, `attended`, `not_attended`, `close`).
    pub steps: Vec<String>,
    /// Every change, in order.
    pub events: Vec<ReferralEventDto>,
    /// For each section shared: whether the person's consents let the
    /// organisation read it now.
    pub sharing: Vec<SectionAccessDto>,
    /// For an outside provider: what it is shown.
    pub shared: SharedDto,
}

/// A referral to write.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct NewReferralDto {
    /// The service (`/api/v1/directory/services`).
    #[schema(required = true, value_type = i64)]
    pub service_id: Option<i64>,
    /// Why the person is referred (2 to 2,000 characters).
    #[schema(required = true, value_type = String)]
    pub reason: Option<String>,
    /// `routine`, `urgent` or `asap`.
    #[schema(required = true, value_type = String)]
    pub urgency: Option<String>,
    /// The sections shared: `identity` (always), `screening`, `medication`,
    /// `appointments`.
    #[schema(required = true, value_type = Vec<String>)]
    pub sections: Option<Vec<String>>,
    /// `true` to write it although the service does not cover the person's
    /// prison or language (after a 422 on `confirm_coverage`).
    #[serde(default)]
    pub confirm_coverage: bool,
}

/// A step of a referral.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct ReferralStepDto {
    /// `accept`, `refuse`, `appointment`, `attended`, `not_attended`, or
    /// `close` (the care team).
    #[schema(required = true, value_type = String)]
    pub step: Option<String>,
    /// For `appointment`: Belgian wall-clock time, `YYYY-MM-DDTHH:MM`.
    pub appointment_at: Option<String>,
    /// For `appointment`: where.
    pub place: Option<String>,
    /// The reason, required for `refuse` and `close`.
    pub note: Option<String>,
}

/// What a list of referrals is limited to, and its paging.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReferralQuery {
    /// Only this status.
    pub status: Option<String>,
    /// `true` for the overdue only.
    #[param(value_type = Option<bool>)]
    pub overdue: Option<String>,
    /// Page, from 1.
    #[param(value_type = Option<u32>, minimum = 1)]
    pub page: Option<String>,
    /// Results per page, 1 to 200 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 200)]
    pub per_page: Option<String>,
}

fn list(stored: &str) -> Vec<String> {
    stored.split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

fn referral_dto(r: Referral) -> ReferralDto {
    let row = r.row;
    ReferralDto {
        id: row.id,
        person_id: row.person_id,
        family_name: row.family_name,
        given_names: row.given_names,
        birth_date: row.birth_date,
        prison: row.person_site,
        prison_number: row.prison_number,
        service_id: row.service_id,
        service: row.service,
        organisation_id: row.organisation_id,
        organisation: row.organisation,
        reason: row.reason,
        urgency: r.urgency.code().to_owned(),
        sections: r.sections.iter().map(|s| s.code().to_owned()).collect(),
        coverage_confirmed: list(&row.coverage_confirmed),
        status: r.status.code().to_owned(),
        status_since: row.status_since,
        overdue: r.overdue.map(|o| o.code().to_owned()),
        appointment_at: row.appointment_at,
        appointment_place: row.appointment_place,
        sent_at: row.sent_at,
        created_at: row.created_at,
        created_by: row.created_by,
    }
}

fn event_dto(e: ReferralEvent) -> ReferralEventDto {
    ReferralEventDto {
        step: e.step,
        status: e.status,
        party: e.party,
        note: e.note,
        appointment_at: e.appointment_at,
        appointment_place: e.appointment_place,
        at: e.at,
        by: e.by,
    }
}

fn shared_dto(shared: SharedContent) -> SharedDto {
    SharedDto {
        identity: shared.identity.map(|i| SharedIdentityDto {
            family_name: i.family_name,
            given_names: i.given_names,
            birth_date: i.birth_date,
            sex: i.sex,
            languages: i.languages,
            preferred_language: i.preferred_language,
            prison: i.prison,
            prison_number: i.prison_number,
        }),
        screenings: shared.screenings.map(|all| {
            all.into_iter()
                .map(|s| SharedScreeningDto {
                    instrument: s.instrument,
                    version: s.version,
                    completed_at: s.completed_at,
                    positive: s.positive,
                })
                .collect()
        }),
        medication: shared.medication.map(|all| {
            all.into_iter()
                .map(|m| SharedMedicationDto {
                    medicine: m.medicine,
                    daily_dose_ug: m.daily_dose_ug,
                    start_date: m.start_date,
                    observed: m.observed,
                })
                .collect()
        }),
        appointments: shared.appointments.map(|all| {
            all.into_iter()
                .map(|a| SharedAppointmentDto {
                    referral_id: a.referral_id,
                    service: a.service,
                    at: a.at,
                    place: a.place,
                    status: a.status,
                })
                .collect()
        }),
    }
}

fn detail_dto(record: ReferralRecord) -> ReferralDetailDto {
    ReferralDetailDto {
        party: record.party.code().to_owned(),
        steps: record.steps.iter().map(|s| s.code().to_owned()).collect(),
        events: record.events.into_iter().map(event_dto).collect(),
        sharing: record
            .sharing
            .into_iter()
            .map(|(section, verdict)| super::consents::section_access_dto(section, verdict))
            .collect(),
        shared: shared_dto(record.shared),
        referral: referral_dto(record.referral),
    }
}

/// A 422 on `field` saying, in the caller's language, what `messages` say.
pub(super) fn refused(
    lang: Lang,
    headers: &HeaderMap,
    field: &'static str,
    problem: FieldProblem,
    messages: &[String],
) -> ApiError {
    let code = problem.message_id().trim_start_matches("validation-").to_owned();
    let mut invalid = Invalid::default();
    invalid.push(field, problem);
    ApiError::new(AppError::Invalid(invalid), lang, headers).with_field_message(field, &code, messages.join(" "))
}

/// The referrals the caller may see, the newest first: the care team's of
/// its prisons; an outside provider's sent to its organisation whose
/// person's consents let it read them now.
#[utoipa::path(
    get,
    path = "/api/v1/referrals",
    operation_id = "list_referrals",
    tag = "referrals",
    security(("bearer" = [])),
    params(ReferralQuery),
    responses(
        (status = 200, description = "The referrals of the page.", body = Page<ReferralDto>),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A parameter of the wrong form.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn list_referrals(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<ReferralQuery>,
) -> Result<Json<Page<ReferralDto>>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadClinical, "referral.list").await.map_err(&fail)?;
    let query = query.map_err(&fail)?;
    let mut errors = Invalid::default();
    let paging = paging(&mut errors, query.page.as_ref(), query.per_page.as_ref());
    let status = given(query.status.as_ref()).and_then(|code| {
        let parsed = ReferralStatus::parse(code);
        if parsed.is_none() {
            errors.push("status", FieldProblem::InvalidFormat);
        }
        parsed
    });
    let overdue = match given(query.overdue.as_ref()) {
        None | Some("false") => false,
        Some("true") => true,
        Some(_) => {
            errors.push("overdue", FieldProblem::InvalidFormat);
            false
        }
    };
    let paging = checked(errors, paging).map_err(&fail)?;
    let filter = ReferralFilter { status, overdue, site: None };
    let listing = state.app.list_referrals(&actor, filter, paging).await.map_err(&fail)?;
    Ok(Json(Page::from_listing(listing, referral_dto)))
}

/// A person's referrals, the newest first (care team of the person's prison).
#[utoipa::path(
    get,
    path = "/api/v1/people/{id}/referrals",
    operation_id = "list_person_referrals",
    tag = "referrals",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id.")),
    responses(
        (status = 200, description = "The person's referrals.", body = Vec<ReferralDto>),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn list_person_referrals(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<Vec<ReferralDto>>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadClinical, "referral.list").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let referrals = state.app.person_referrals(&actor, id).await.map_err(&fail)?;
    Ok(Json(referrals.into_iter().map(referral_dto).collect()))
}

/// Writes a draft referral of a person to a service of the directory. A
/// service that does not cover the person's prison or language answers 422
/// on `confirm_coverage` naming why, until sent again with
/// `confirm_coverage: true`.
#[utoipa::path(
    post,
    path = "/api/v1/people/{id}/referrals",
    operation_id = "create_referral",
    tag = "referrals",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id.")),
    request_body = NewReferralDto,
    responses(
        (status = 201, description = "Written as a draft.", body = ReferralDetailDto,
            headers(("Location" = String, description = "The referral's address."))),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The record was merged into another.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, or a service to confirm (`coverage-to-confirm` on `confirm_coverage`).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn create_referral(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<NewReferralDto>,
) -> Result<(StatusCode, [(header::HeaderName, String); 1], Json<ReferralDetailDto>), ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::WriteClinical, "referral.create").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let sections = body.sections.unwrap_or_default();
    let parsed = ReferralDraft::parse(&ReferralFields {
        service: body.service_id,
        reason: body.reason.as_deref().unwrap_or_default(),
        urgency: body.urgency.as_deref().unwrap_or_default(),
        sections: &sections,
    });
    let draft = validated(Invalid::default(), parsed).map_err(&fail)?;
    let referral = match state.app.create_referral(&actor, id, &draft, body.confirm_coverage).await.map_err(&fail)? {
        Creation::Created(referral) => referral,
        Creation::ToConfirm(warnings) => {
            let lang = actor_lang(&actor);
            let messages: Vec<String> = warnings.iter().map(|w| continuum_i18n::t(lang, w.message_id())).collect();
            return Err(refused(lang, &headers, "confirm_coverage", FieldProblem::CoverageToConfirm, &messages));
        }
    };
    let record = state.app.get_referral(&actor, referral).await.map_err(&fail)?;
    Ok((StatusCode::CREATED, [(header::LOCATION, format!("/api/v1/referrals/{referral}"))], Json(detail_dto(record))))
}

/// One referral: for the care team with whether the consents let the
/// organisation read each section shared; for the outside provider with
/// what its consents cover now (otherwise 404, as an unknown id).
#[utoipa::path(
    get,
    path = "/api/v1/referrals/{id}",
    operation_id = "get_referral",
    tag = "referrals",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The referral's id.")),
    responses(
        (status = 200, description = "The referral.", body = ReferralDetailDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such referral the caller may see.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn get_referral(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ReferralDetailDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadClinical, "referral.read").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    Ok(Json(detail_dto(state.app.get_referral(&actor, id).await.map_err(&fail)?)))
}

/// Sends a draft referral to its service: only when a sharing consent for
/// the service's organisation is in force for every section shared;
/// otherwise 422 on `sections` naming each missing consent.
#[utoipa::path(
    post,
    path = "/api/v1/referrals/{id}/send",
    operation_id = "send_referral",
    tag = "referrals",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The referral's id.")),
    responses(
        (status = 200, description = "Sent; the referral as it is now.", body = ReferralDetailDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such referral at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Not a draft (`referral-step-not-from-status`), or changed meanwhile.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A consent is missing (`consent-missing` on `sections`, the message names each).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn send_referral(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ReferralDetailDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::WriteClinical, "referral.send").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    if let Sending::ConsentMissing(missing) = state.app.send_referral(&actor, id).await.map_err(&fail)? {
        let record = state.app.get_referral(&actor, id).await.map_err(&fail)?;
        let lang = actor_lang(&actor);
        let messages = crate::pages::missing_consent_messages(lang, &missing, &record.referral.row.organisation);
        return Err(refused(lang, &headers, "sections", FieldProblem::ConsentMissing, &messages));
    }
    Ok(Json(detail_dto(state.app.get_referral(&actor, id).await.map_err(&fail)?)))
}

/// Takes a step: the service's answer (`accept`, `refuse` with a `note`),
/// an `appointment` (with `appointment_at`), the attendance (`attended`,
/// `not_attended`, once the appointment's time has come), by the outside
/// provider or the care team on its behalf; `close` (care team, with a
/// `note`).
#[utoipa::path(
    post,
    path = "/api/v1/referrals/{id}/steps",
    operation_id = "take_referral_step",
    tag = "referrals",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The referral's id.")),
    request_body = ReferralStepDto,
    responses(
        (status = 200, description = "Taken; the referral as it is now.", body = ReferralDetailDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such referral the caller may see.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The step does not follow (`referral-step-not-from-status`, `referral-step-care-team-only`, `referral-step-before-appointment`), or changed meanwhile.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn take_referral_step(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<ReferralStepDto>,
) -> Result<Json<ReferralDetailDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::UpdateReferral, "referral.step").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let fields = StepFields {
        step: body.step.as_deref().unwrap_or_default(),
        appointment_at: body.appointment_at.as_deref().unwrap_or_default(),
        place: body.place.as_deref().unwrap_or_default(),
        note: body.note.as_deref().unwrap_or_default(),
    };
    state.app.take_referral_step(&actor, id, &fields).await.map_err(&fail)?;
    Ok(Json(detail_dto(state.app.get_referral(&actor, id).await.map_err(&fail)?)))
}

pub(super) fn routes(routes: Routes) -> Routes {
    let read = Access::Policy(Action::ReadClinical);
    let write = Access::Policy(Action::WriteClinical);
    let update = Access::Policy(Action::UpdateReferral);
    routes
        .add("GET", "/api/v1/referrals", read, get(list_referrals))
        .add("GET", "/api/v1/people/{id}/referrals", read, get(list_person_referrals))
        .add("POST", "/api/v1/people/{id}/referrals", write, post(create_referral))
        .add("GET", "/api/v1/referrals/{id}", read, get(get_referral))
        .add("POST", "/api/v1/referrals/{id}/send", write, post(send_referral))
        .add("POST", "/api/v1/referrals/{id}/steps", update, post(take_referral_step))
}
