//! Consents and the psychosocial service's view through the API (issue 6,
//! items 1, 5 and 7): a person's consent history, recording a consent,
//! reading and withdrawing one; whether a person takes part, for the
//! psychosocial service with the person's consent.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::{get, post};
use continuum_app::consents::{ConsentRecord, PersonConsents, RecipientAccess};
use continuum_app::participation::ParticipationView;
use continuum_domain::consent::{ConsentDraft, ConsentFields, Section, Verdict, Withdrawal};
use continuum_domain::policy::Action;
use continuum_domain::validation::Invalid;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiJson, ApiPath, ApiQuery, Page, checked, failure, paging, validated};
use crate::error::{ApiError, Problem};
use crate::extract::ApiCaller;
use crate::routes::{Access, Routes};
use crate::state::AppState;

/// Who a sharing consent lets read.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct RecipientDto {
    /// `psychosocial_service` (of the person's prison) or `organisation`.
    #[schema(example = "organisation")]
    pub kind: String,
    /// The organisation's id, for an organisation.
    pub organisation_id: Option<i64>,
    /// The organisation's name, for an organisation.
    pub organisation: Option<String>,
}

/// A consent as recorded, and whether it counts now.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ConsentDto {
    /// Id.
    pub id: i64,
    /// The person.
    pub person_id: i64,
    /// `screening`, `treatment`, `sharing`, `research` or `contact_after_release`.
    pub kind: String,
    /// `granted` or `refused`.
    pub decision: String,
    /// The day the person gave it (`YYYY-MM-DD`).
    pub given_on: String,
    /// The first day it counts.
    pub valid_from: String,
    /// The last day it counts (Belgian calendar), if it ends.
    pub valid_until: Option<String>,
    /// The language it was explained in (ISO 639-1).
    pub explanation_language: String,
    /// Sharing: who may read.
    pub recipient: Option<RecipientDto>,
    /// Sharing: `continuity_of_care`, `care_coordination` or `persons_request`.
    pub purpose: Option<String>,
    /// Sharing: the sections covered (`participation`, `referral_status`,
    /// `identity`, `screening`, `care_plan`, `medication`, `risks`, `appointments`).
    pub sections: Vec<String>,
    /// A note.
    pub note: String,
    /// Now: `in_force`, `not_yet_valid`, `expired` or `withdrawn`.
    pub standing: String,
    /// When it was recorded (UTC).
    pub recorded_at: String,
    /// Who recorded it.
    pub recorded_by: Option<String>,
    /// When it was withdrawn (UTC).
    pub withdrawn_at: Option<String>,
    /// Who recorded the withdrawal.
    pub withdrawn_by: Option<String>,
    /// Why, if the person said.
    pub withdrawal_reason: Option<String>,
    /// Whether a signed form (PDF) was uploaded (on the consent's page).
    pub signed_form: bool,
}

/// Whether a recipient may read one section now, and if not which consent
/// is missing.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SectionAccessDto {
    /// The section.
    pub section: String,
    /// Whether the recipient may read it now.
    pub allowed: bool,
    /// The consent that allows it.
    pub consent_id: Option<i64>,
    /// Why not: `none`, `section_not_covered`, `refused`, `withdrawn`,
    /// `expired` or `not_yet_valid`.
    pub missing: Option<String>,
    /// The consent concerned by `missing`, if any.
    pub missing_consent_id: Option<i64>,
}

/// What one recipient named in the consents may read now.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct RecipientAccessDto {
    /// The recipient.
    pub recipient: RecipientDto,
    /// Each section some consent for it covers.
    pub sections: Vec<SectionAccessDto>,
}

/// A person's consent history.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PersonConsentsDto {
    /// Every consent, the latest given first.
    pub items: Vec<ConsentDto>,
    /// What each recipient named may read now.
    pub access: Vec<RecipientAccessDto>,
}

/// A consent to record.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct NewConsentDto {
    /// `screening`, `treatment`, `sharing`, `research` or `contact_after_release`.
    #[schema(required = true, value_type = String)]
    pub kind: Option<String>,
    /// `granted` or `refused`.
    #[schema(required = true, value_type = String)]
    pub decision: Option<String>,
    /// The day the person gave it (`YYYY-MM-DD`), not in the future.
    #[schema(required = true, value_type = String)]
    pub given_on: Option<String>,
    /// The language it was explained in (ISO 639-1, e.g. `ar`).
    #[schema(required = true, value_type = String)]
    pub explanation_language: Option<String>,
    /// The first day it counts (default: `given_on`).
    pub valid_from: Option<String>,
    /// The last day it counts; required for a granted sharing consent.
    pub valid_until: Option<String>,
    /// Sharing: `psychosocial_service` or `organisation`.
    pub recipient: Option<String>,
    /// Sharing with an organisation: its id (`/api/v1/organisations`).
    pub organisation_id: Option<i64>,
    /// Sharing: `continuity_of_care`, `care_coordination` or `persons_request`.
    pub purpose: Option<String>,
    /// Sharing: the sections covered; the psychosocial service may only be
    /// given `participation` and `referral_status`.
    pub sections: Option<Vec<String>>,
    /// A note (up to 500 characters).
    pub note: Option<String>,
}

/// A withdrawal.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct WithdrawalDto {
    /// Why, if the person said (up to 500 characters).
    pub reason: Option<String>,
}

/// Whether a person takes part in the programme.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ParticipationDto {
    /// The person's id.
    pub person_id: i64,
    /// Family name(s).
    pub family_name: String,
    /// Given name(s).
    pub given_names: String,
    /// The prison's code.
    pub site: String,
    /// Prison number of the current episode.
    pub prison_number: Option<String>,
    /// `takes_part` or `does_not_take_part`.
    pub participation: String,
    /// The day of the intake, while the person takes part.
    pub since: Option<String>,
}

/// Paging of the psychosocial service's list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ParticipationQuery {
    /// Page, from 1.
    #[param(value_type = Option<u32>, minimum = 1)]
    pub page: Option<String>,
    /// Results per page, 1 to 200 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 200)]
    pub per_page: Option<String>,
}

fn recipient_dto(kind: &str, organisation_id: Option<i64>, organisation: Option<String>) -> RecipientDto {
    RecipientDto { kind: kind.to_owned(), organisation_id, organisation }
}

fn consent_dto(record: ConsentRecord) -> ConsentDto {
    let row = record.row;
    ConsentDto {
        id: row.id,
        person_id: row.person_id,
        kind: row.kind,
        decision: row.decision,
        given_on: row.given_on,
        valid_from: row.valid_from,
        valid_until: row.valid_until,
        explanation_language: row.explanation_language,
        recipient: row
            .recipient_kind
            .as_deref()
            .map(|kind| recipient_dto(kind, row.recipient_organisation_id, row.recipient_organisation.clone())),
        purpose: row.purpose,
        sections: row.sections.split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect(),
        note: row.note,
        standing: record.standing.code().to_owned(),
        recorded_at: row.recorded_at,
        recorded_by: row.recorded_by,
        withdrawn_at: row.withdrawn_at,
        withdrawn_by: row.withdrawn_by,
        withdrawal_reason: row.withdrawal_reason,
        signed_form: row.form_id.is_some(),
    }
}

fn access_dto(access: RecipientAccess) -> RecipientAccessDto {
    RecipientAccessDto {
        recipient: recipient_dto(
            access.recipient.kind_code(),
            access.recipient.organisation().map(|o| o.0),
            access.organisation,
        ),
        sections: access.sections.into_iter().map(|(section, verdict)| section_access_dto(section, verdict)).collect(),
    }
}

/// Whether a section may be read now, and if not which consent is missing.
pub(super) fn section_access_dto(section: Section, verdict: Verdict) -> SectionAccessDto {
    let (consent_id, missing) = match verdict {
        Verdict::Allowed(id) => (Some(id.0), None),
        Verdict::Missing(m) => (None, Some(m.lack)),
    };
    SectionAccessDto {
        section: section.code().to_owned(),
        allowed: verdict.is_allowed(),
        consent_id,
        missing: missing.map(|l| l.code().to_owned()),
        missing_consent_id: missing.and_then(|l| l.consent()).map(|c| c.0),
    }
}

fn participation_dto(view: ParticipationView) -> ParticipationDto {
    ParticipationDto {
        person_id: view.person.id,
        family_name: view.person.family_name,
        given_names: view.person.given_names,
        site: view.person.site_code,
        prison_number: view.person.prison_number,
        participation: view.participation.code().to_owned(),
        since: view.since.map(|d| d.to_string()),
    }
}

/// A person's consents, the latest given first, and what each recipient
/// named may read now (care team of the person's prison).
#[utoipa::path(
    get,
    path = "/api/v1/people/{id}/consents",
    operation_id = "list_consents",
    tag = "consent",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id.")),
    responses(
        (status = 200, description = "The consent history.", body = PersonConsentsDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn list_consents(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<PersonConsentsDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadClinical, "consent.list").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let PersonConsents { consents, access, .. } = state.app.person_consents(&actor, id).await.map_err(&fail)?;
    Ok(Json(PersonConsentsDto {
        items: consents.into_iter().map(consent_dto).collect(),
        access: access.into_iter().map(access_dto).collect(),
    }))
}

/// Records a consent of a person.
#[utoipa::path(
    post,
    path = "/api/v1/people/{id}/consents",
    operation_id = "create_consent",
    tag = "consent",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id.")),
    request_body = NewConsentDto,
    responses(
        (status = 201, description = "Recorded.", body = ConsentDto,
            headers(("Location" = String, description = "The consent's address."))),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The record was merged into another.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (an unknown organisation: `unknown_organisation` on `recipient`).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn create_consent(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<NewConsentDto>,
) -> Result<(StatusCode, [(header::HeaderName, String); 1], Json<ConsentDto>), ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::WriteClinical, "consent.create").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let sections = body.sections.unwrap_or_default();
    let parsed = ConsentDraft::parse(
        &ConsentFields {
            kind: body.kind.as_deref().unwrap_or_default(),
            decision: body.decision.as_deref().unwrap_or_default(),
            given_on: body.given_on.as_deref().unwrap_or_default(),
            explanation_language: body.explanation_language.as_deref().unwrap_or_default(),
            valid_from: body.valid_from.as_deref().unwrap_or_default(),
            valid_until: body.valid_until.as_deref().unwrap_or_default(),
            recipient: body.recipient.as_deref().unwrap_or_default(),
            organisation: body.organisation_id,
            purpose: body.purpose.as_deref().unwrap_or_default(),
            sections: &sections,
            note: body.note.as_deref().unwrap_or_default(),
        },
        state.app.belgian_today(),
    );
    let draft = validated(Invalid::default(), parsed).map_err(&fail)?;
    let consent = state.app.record_consent(&actor, id, &draft).await.map_err(&fail)?;
    let record = state.app.get_consent(&actor, consent).await.map_err(&fail)?;
    Ok((StatusCode::CREATED, [(header::LOCATION, format!("/api/v1/consents/{consent}"))], Json(consent_dto(record))))
}

/// One consent and whether it counts now.
#[utoipa::path(
    get,
    path = "/api/v1/consents/{id}",
    operation_id = "get_consent",
    tag = "consent",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The consent's id.")),
    responses(
        (status = 200, description = "The consent.", body = ConsentDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such consent of a person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn get_consent(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ConsentDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadClinical, "consent.read").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    Ok(Json(consent_dto(state.app.get_consent(&actor, id).await.map_err(&fail)?)))
}

/// Withdraws a consent: it counts no more from the next request on.
#[utoipa::path(
    post,
    path = "/api/v1/consents/{id}/withdraw",
    operation_id = "withdraw_consent",
    tag = "consent",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The consent's id.")),
    request_body = WithdrawalDto,
    responses(
        (status = 200, description = "Withdrawn; the consent as it is now.", body = ConsentDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such consent of a person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already withdrawn (`consent-already-withdrawn`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn withdraw_consent(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<WithdrawalDto>,
) -> Result<Json<ConsentDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::WriteClinical, "consent.withdraw").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let withdrawal = Withdrawal::parse(body.reason.as_deref().unwrap_or_default()).map_err(|e| fail(e.into()))?;
    state.app.withdraw_consent(&actor, id, &withdrawal).await.map_err(&fail)?;
    Ok(Json(consent_dto(state.app.get_consent(&actor, id).await.map_err(&fail)?)))
}

/// The people of the caller's prisons whose participation the
/// psychosocial service may see now (their consent to share it with the
/// service is in force), by name.
#[utoipa::path(
    get,
    path = "/api/v1/participation",
    operation_id = "list_participation",
    tag = "consent",
    security(("bearer" = [])),
    params(ParticipationQuery),
    responses(
        (status = 200, description = "The people of the page.", body = Page<ParticipationDto>),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A parameter of the wrong form.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn list_participation(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<ParticipationQuery>,
) -> Result<Json<Page<ParticipationDto>>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadParticipation, "participation.list").await.map_err(&fail)?;
    let query = query.map_err(&fail)?;
    let mut errors = Invalid::default();
    let paging = paging(&mut errors, query.page.as_ref(), query.per_page.as_ref());
    let paging = checked(errors, paging).map_err(&fail)?;
    let listing = state.app.shared_participation(&actor, paging).await.map_err(&fail)?;
    Ok(Json(Page::from_listing(listing, participation_dto)))
}

/// Whether one person takes part in the programme: for the psychosocial
/// service only with the person's consent in force (otherwise 404, as for
/// an unknown person), for the care team of the person's prison.
#[utoipa::path(
    get,
    path = "/api/v1/people/{id}/participation",
    operation_id = "get_participation",
    tag = "consent",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id.")),
    responses(
        (status = 200, description = "Whether the person takes part.", body = ParticipationDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person the caller may see.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn get_participation(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<ParticipationDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadParticipation, "participation.read").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    Ok(Json(participation_dto(state.app.person_participation(&actor, id).await.map_err(&fail)?)))
}

pub(super) fn routes(routes: Routes) -> Routes {
    let read = Access::Policy(Action::ReadClinical);
    let write = Access::Policy(Action::WriteClinical);
    let participation = Access::Policy(Action::ReadParticipation);
    routes
        .add("GET", "/api/v1/people/{id}/consents", read, get(list_consents))
        .add("POST", "/api/v1/people/{id}/consents", write, post(create_consent))
        .add("GET", "/api/v1/consents/{id}", read, get(get_consent))
        .add("POST", "/api/v1/consents/{id}/withdraw", write, post(withdraw_consent))
        .add("GET", "/api/v1/participation", participation, get(list_participation))
        .add("GET", "/api/v1/people/{id}/participation", participation, get(get_participation))
}
