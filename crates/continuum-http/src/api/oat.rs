//! Opioid agonist treatment through the API (issue 5, item 4): a person's
//! prescriptions and the OAT declared at entry with its continuity; the
//! medical service records them. A dose outside the usual range answers
//! 422 (`dose-unusual`) until sent again with `confirm_dose: true`; an
//! impossible one answers 422 (`dose-impossible`) whatever is confirmed.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::{get, post};
use continuum_app::oat::{Declaration, OatRecord, Prescription};
use continuum_domain::oat::{ContinuityFields, DeclarationFields, Dose, OatMedicine, PrescriptionFields};
use continuum_domain::policy::Action;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ApiJson, ApiPath, failure};
use crate::error::{ApiError, Problem};
use crate::extract::ApiCaller;
use crate::routes::{Access, Routes};
use crate::state::AppState;

/// A prison prescription of OAT.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct PrescriptionDto {
    /// Id.
    pub id: i64,
    /// `methadone`, `buprenorphine` or `buprenorphine_naloxone`.
    pub medicine: String,
    /// Its WHO ATC code.
    pub atc: String,
    /// Milligrams a day.
    pub daily_dose_mg: f64,
    /// Who prescribed.
    pub prescriber: String,
    /// First day.
    pub start_date: String,
    /// Last day, once stopped.
    pub stop_date: Option<String>,
    /// Why it stopped.
    pub stop_reason: Option<String>,
    /// Doses taken under observation.
    pub observed: bool,
    /// A note.
    pub note: Option<String>,
    /// The prison that wrote it.
    pub site: String,
    /// Who recorded it (username).
    pub recorded_by: Option<String>,
    /// When (UTC).
    pub recorded_at: String,
}

/// OAT declared at entry, and its continuity.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct DeclarationDto {
    /// Id.
    pub id: i64,
    /// The detention episode of the entry.
    pub episode_id: i64,
    /// `methadone`, `buprenorphine` or `buprenorphine_naloxone`.
    pub medicine: String,
    /// Its WHO ATC code.
    pub atc: String,
    /// Milligrams a day.
    pub daily_dose_mg: f64,
    /// The day of the last dose taken outside.
    pub last_dose_date: String,
    /// The prescriber outside.
    pub prescriber: Option<String>,
    /// The prison of entry.
    pub site: String,
    /// When it was recorded (UTC).
    pub declared_at: String,
    /// By whom (username).
    pub declared_by: Option<String>,
    /// A prison prescription recorded until then came in time (UTC).
    pub deadline: String,
    /// Until the continuity is recorded: `urgent` (no prescription and the
    /// 24 hours past), `due` or `prescribed`.
    pub status: Option<String>,
    /// Whether the treatment continued without interruption, once recorded.
    pub continued: Option<bool>,
    /// Why not: `not_verified`, `late_prescription`, `person_declined`,
    /// `clinical_decision` or `other`.
    pub interruption_reason: Option<String>,
    /// A note.
    pub continuity_note: Option<String>,
    /// When the continuity was recorded (UTC).
    pub continuity_at: Option<String>,
}

/// A person's OAT records.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OatDto {
    /// The person.
    pub person_id: i64,
    /// Whether only what the caller's prison wrote is shown (the sending
    /// team of a transfer, while its read window lasts).
    pub sending_team_view: bool,
    /// Prescriptions, the newest first.
    pub prescriptions: Vec<PrescriptionDto>,
    /// OAT declared at entry, the newest first.
    pub declarations: Vec<DeclarationDto>,
}

/// A new prescription.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct NewPrescriptionDto {
    /// `methadone`, `buprenorphine` or `buprenorphine_naloxone`.
    #[schema(required = true, value_type = String)]
    pub medicine: Option<String>,
    /// Milligrams a day (at most three decimals).
    #[schema(required = true, value_type = f64, example = 80)]
    pub daily_dose_mg: Option<serde_json::Number>,
    /// Who prescribed.
    #[schema(required = true, value_type = String)]
    pub prescriber: Option<String>,
    /// First day (`YYYY-MM-DD`).
    #[schema(required = true, value_type = String)]
    pub start_date: Option<String>,
    /// Last day, if known; not before the first.
    pub stop_date: Option<String>,
    /// Doses taken under observation.
    #[serde(default)]
    pub observed: bool,
    /// A note.
    pub note: Option<String>,
    /// Confirms a dose outside the usual range.
    #[serde(default)]
    pub confirm_dose: bool,
}

/// The stop of a running prescription.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct StopDto {
    /// Last day, not before the first.
    #[schema(required = true, value_type = String)]
    pub stop_date: Option<String>,
    /// Why.
    pub reason: Option<String>,
}

/// OAT declared at entry.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct NewDeclarationDto {
    /// `methadone`, `buprenorphine` or `buprenorphine_naloxone`.
    #[schema(required = true, value_type = String)]
    pub medicine: Option<String>,
    /// Milligrams a day.
    #[schema(required = true, value_type = f64, example = 8)]
    pub daily_dose_mg: Option<serde_json::Number>,
    /// The day of the last dose taken outside, not after today.
    #[schema(required = true, value_type = String)]
    pub last_dose_date: Option<String>,
    /// The prescriber outside.
    pub prescriber: Option<String>,
    /// Confirms a dose outside the usual range.
    #[serde(default)]
    pub confirm_dose: bool,
}

/// Whether the treatment declared at entry continued without interruption.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct ContinuityDto {
    /// Continued without interruption.
    #[schema(required = true, value_type = bool)]
    pub continued: Option<bool>,
    /// Why not (required when not continued): `not_verified`,
    /// `late_prescription`, `person_declined`, `clinical_decision`, `other`.
    pub interruption_reason: Option<String>,
    /// A note (required with `other`).
    pub note: Option<String>,
}

fn atc(code: &str) -> String {
    OatMedicine::from_code(code).and_then(OatMedicine::atc).unwrap_or_default().to_owned()
}

fn prescription_dto(r: Prescription) -> PrescriptionDto {
    PrescriptionDto {
        id: r.id,
        atc: atc(&r.medicine),
        medicine: r.medicine,
        daily_dose_mg: Dose::from_micrograms(r.daily_dose_ug).milligrams(),
        prescriber: r.prescriber,
        start_date: r.start_date,
        stop_date: r.stop_date,
        stop_reason: r.stop_reason,
        observed: r.observed,
        note: r.note,
        site: r.site_code,
        recorded_by: r.recorded_by,
        recorded_at: r.recorded_at,
    }
}

fn declaration_dto(d: Declaration) -> DeclarationDto {
    let row = d.row;
    DeclarationDto {
        id: row.id,
        episode_id: row.episode_id,
        atc: atc(&row.medicine),
        medicine: row.medicine,
        daily_dose_mg: Dose::from_micrograms(row.daily_dose_ug).milligrams(),
        last_dose_date: row.last_dose_date,
        prescriber: row.prescriber,
        site: row.site_code,
        declared_at: row.declared_at,
        declared_by: row.declared_by,
        deadline: row.deadline,
        status: d.status.map(|s| s.code().to_owned()),
        continued: row.continued.map(|c| c == 1),
        interruption_reason: row.interruption_reason,
        continuity_note: row.continuity_note,
        continuity_at: row.continuity_at,
    }
}

fn oat_dto(record: OatRecord) -> OatDto {
    OatDto {
        person_id: record.person.id,
        sending_team_view: record.sending_team_view,
        prescriptions: record.prescriptions.into_iter().map(prescription_dto).collect(),
        declarations: record.declarations.into_iter().map(declaration_dto).collect(),
    }
}

fn number(value: Option<&serde_json::Number>) -> String {
    value.map(ToString::to_string).unwrap_or_default()
}

/// A person's OAT records.
#[utoipa::path(
    get,
    path = "/api/v1/people/{id}/oat",
    operation_id = "get_person_oat",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id.")),
    responses(
        (status = 200, description = "The person's OAT records.", body = OatDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn get_person_oat(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<OatDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadClinical, "oat.read").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    Ok(Json(oat_dto(state.app.person_oat(&actor, id).await.map_err(&fail)?)))
}

/// Records a prison prescription of OAT (the medical service).
#[utoipa::path(
    post,
    path = "/api/v1/people/{id}/oat/prescriptions",
    operation_id = "create_oat_prescription",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id.")),
    request_body = NewPrescriptionDto,
    responses(
        (status = 201, description = "Recorded; the person's OAT records.", body = OatDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed (only the medical service prescribes).", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields; `dose-unusual` until confirmed, `dose-impossible`, a stop before the start (`date-order`).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn create_oat_prescription(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<NewPrescriptionDto>,
) -> Result<(StatusCode, [(header::HeaderName, String); 1], Json<OatDto>), ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::WriteMedication, "oat.prescribe").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let dose = number(body.daily_dose_mg.as_ref());
    let fields = PrescriptionFields {
        medicine: body.medicine.as_deref().unwrap_or_default(),
        daily_dose: &dose,
        prescriber: body.prescriber.as_deref().unwrap_or_default(),
        start_date: body.start_date.as_deref().unwrap_or_default(),
        stop_date: body.stop_date.as_deref().unwrap_or_default(),
        observed: body.observed,
        note: body.note.as_deref().unwrap_or_default(),
        confirm_dose: body.confirm_dose,
    };
    state.app.record_prescription(&actor, id, &fields).await.map_err(&fail)?;
    let record = state.app.person_oat(&actor, id).await.map_err(&fail)?;
    Ok((StatusCode::CREATED, [(header::LOCATION, format!("/api/v1/people/{id}/oat"))], Json(oat_dto(record))))
}

/// Stops a running prescription (the medical service).
#[utoipa::path(
    post,
    path = "/api/v1/oat/prescriptions/{id}/stop",
    operation_id = "stop_oat_prescription",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The prescription's id.")),
    request_body = StopDto,
    responses(
        (status = 200, description = "Stopped; the person's OAT records.", body = OatDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such prescription of a person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already stopped (`oat-already-stopped`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (a stop before the start: `date-order`).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn stop_oat_prescription(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<StopDto>,
) -> Result<Json<OatDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::WriteMedication, "oat.stop").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let stop_date = body.stop_date.as_deref().unwrap_or_default();
    let reason = body.reason.as_deref().unwrap_or_default();
    let person = state.app.stop_prescription(&actor, id, stop_date, reason).await.map_err(&fail)?;
    Ok(Json(oat_dto(state.app.person_oat(&actor, person).await.map_err(&fail)?)))
}

/// Records the OAT a person declares at entry, for their current episode
/// (the medical service). Without a prison prescription within 24 hours it
/// becomes an urgent alert on the medical service's worklist.
#[utoipa::path(
    post,
    path = "/api/v1/people/{id}/oat/declaration",
    operation_id = "create_oat_declaration",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id.")),
    request_body = NewDeclarationDto,
    responses(
        (status = 201, description = "Recorded; the person's OAT records.", body = OatDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already declared for this episode (`oat-already-declared`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, or no open episode (`episode`).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn create_oat_declaration(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<NewDeclarationDto>,
) -> Result<(StatusCode, [(header::HeaderName, String); 1], Json<OatDto>), ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::WriteMedication, "oat.declare").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let dose = number(body.daily_dose_mg.as_ref());
    let fields = DeclarationFields {
        medicine: body.medicine.as_deref().unwrap_or_default(),
        daily_dose: &dose,
        last_dose_date: body.last_dose_date.as_deref().unwrap_or_default(),
        prescriber: body.prescriber.as_deref().unwrap_or_default(),
        confirm_dose: body.confirm_dose,
    };
    state.app.declare_outside_oat(&actor, id, &fields).await.map_err(&fail)?;
    let record = state.app.person_oat(&actor, id).await.map_err(&fail)?;
    Ok((StatusCode::CREATED, [(header::LOCATION, format!("/api/v1/people/{id}/oat"))], Json(oat_dto(record))))
}

/// Records whether the treatment declared at entry continued without
/// interruption (the medical service); this resolves its alert.
#[utoipa::path(
    post,
    path = "/api/v1/oat/declarations/{id}/continuity",
    operation_id = "record_oat_continuity",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The declaration's id.")),
    request_body = ContinuityDto,
    responses(
        (status = 200, description = "Recorded; the person's OAT records.", body = OatDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such declaration of a person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already recorded (`oat-continuity-recorded`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (a reason when not continued, a note with `other`).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn record_oat_continuity(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<ContinuityDto>,
) -> Result<Json<OatDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::WriteMedication, "oat.continuity").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let fields = ContinuityFields {
        continued: match body.continued {
            Some(true) => "yes",
            Some(false) => "no",
            None => "",
        },
        reason: body.interruption_reason.as_deref().unwrap_or_default(),
        note: body.note.as_deref().unwrap_or_default(),
    };
    let person = state.app.record_continuity(&actor, id, &fields).await.map_err(&fail)?;
    Ok(Json(oat_dto(state.app.person_oat(&actor, person).await.map_err(&fail)?)))
}

pub(super) fn routes(routes: Routes) -> Routes {
    let write = Access::Policy(Action::WriteMedication);
    routes
        .add("GET", "/api/v1/people/{id}/oat", Access::Policy(Action::ReadClinical), get(get_person_oat))
        .add("POST", "/api/v1/people/{id}/oat/prescriptions", write, post(create_oat_prescription))
        .add("POST", "/api/v1/oat/prescriptions/{id}/stop", write, post(stop_oat_prescription))
        .add("POST", "/api/v1/people/{id}/oat/declaration", write, post(create_oat_declaration))
        .add("POST", "/api/v1/oat/declarations/{id}/continuity", write, post(record_oat_continuity))
}
