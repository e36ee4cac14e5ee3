//! Intakes through the API: record one (the pathway's step to `intake`),
//! correct one (a new version), read one or all of a person's.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::{get, post};
use continuum_app::care::intakes::{Intake, secondary_substances};
use continuum_domain::care::intake::{Dose, IntakeFields};
use continuum_domain::policy::Action;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::api::{ApiJson, ApiPath, failure};
use crate::error::{ApiError, Problem};
use crate::extract::ApiCaller;
use crate::routes::{Access, Routes};
use crate::state::AppState;

/// Opioid agonist treatment the person took outside.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OatOutsideDto {
    /// `methadone`, `buprenorphine`, `buprenorphine_naloxone` or `other`.
    pub medicine: String,
    /// The medicine's ATC code, where it has one of its own.
    pub atc: Option<String>,
    /// Daily dose in mg.
    pub dose_mg: f64,
    /// Who prescribes it.
    pub prescriber: String,
    /// Day of the last dose taken.
    pub last_dose_on: String,
    /// Its time (`HH:MM`), when known.
    pub last_dose_at: Option<String>,
}

/// An intake as recorded (one version).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct IntakeDto {
    /// Id of this version.
    pub id: i64,
    /// The person.
    pub person_id: i64,
    /// The care pathway it belongs to.
    pub pathway_id: i64,
    /// The prison where it was recorded.
    pub site: String,
    /// The version it corrects.
    pub amends: Option<i64>,
    /// The version that corrects it; absent for the current version.
    pub superseded_by: Option<i64>,
    /// Day of the intake (TDI: date of treatment start).
    pub intake_date: String,
    /// `self`, `family_friends`, `drug_service`, `general_practitioner`,
    /// `hospital_medical`, `social_services`, `justice`, `education`, `other`, `unknown`.
    pub referral_source: String,
    /// `never`, `previously`, `unknown`.
    pub previous_treatment: String,
    /// Ever in opioid substitution treatment: `yes`, `no`, `unknown`.
    pub ever_oat: String,
    /// A substance code (TDI 3.0 list, with alcohol).
    pub primary_substance: String,
    /// Up to four substance codes.
    pub secondary_substances: Vec<String>,
    /// `inject`, `smoke_inhale`, `eat_drink`, `sniff`, `other`, `unknown`.
    pub route: String,
    /// `daily`, `days_4_6`, `days_2_3`, `weekly_or_less`, `not_last_30_days`, `unknown`.
    pub frequency: String,
    /// Age at first use of the primary substance.
    pub first_use_age: Option<i64>,
    /// `never`, `more_than_12_months`, `last_12_months`, `last_30_days`, `unknown`.
    pub injecting: String,
    /// Age at first injection.
    pub first_injection_age: Option<i64>,
    /// Needle sharing, as `injecting`; absent for one who never injected.
    pub needle_sharing: Option<String>,
    /// `alone`, `parents`, `partner`, `partner_and_children`, `alone_with_children`,
    /// `friends_or_others`, `other`, `unknown`.
    pub living_with: String,
    /// `yes`, `no`, `unknown`.
    pub lives_with_children: String,
    /// `stable`, `unstable`, `institution`, `unknown`.
    pub accommodation: String,
    /// `employed`, `student`, `unemployed`, `inactive`, `other`, `unknown`.
    pub labour_status: String,
    /// `none`, `primary`, `lower_secondary`, `upper_secondary`, `higher`, `unknown`.
    pub education: String,
    /// Last HIV test, as `injecting`.
    pub hiv_test: String,
    /// Last hepatitis C test, as `injecting`.
    pub hcv_test: String,
    /// On opioid agonist treatment outside: `yes`, `no`, `unknown`.
    pub oat_outside: String,
    /// That treatment, when `oat_outside` is `yes`.
    pub oat: Option<OatOutsideDto>,
    /// `yes`, `no`, `unknown`.
    pub health_insurance: String,
    /// Health situation.
    pub health: String,
    /// Social situation.
    pub social: String,
    /// The person's own goals.
    pub goals: String,
    /// Language of care (ISO 639-1).
    pub language: String,
    /// Whether an interpreter is needed.
    pub interpreter: bool,
    /// Who recorded it (username).
    pub recorded_by: Option<String>,
    /// When (UTC).
    pub recorded_at: String,
}

/// An intake to record or a correction, with the codes of [`IntakeDto`].
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct IntakeInputDto {
    /// Day of the intake (`YYYY-MM-DD`), within the current detention.
    #[schema(required = true, value_type = String)]
    pub intake_date: Option<String>,
    /// Required code.
    #[schema(required = true, value_type = String)]
    pub referral_source: Option<String>,
    /// Required code.
    #[schema(required = true, value_type = String)]
    pub previous_treatment: Option<String>,
    /// Required code.
    #[schema(required = true, value_type = String)]
    pub ever_oat: Option<String>,
    /// Required code.
    #[schema(required = true, value_type = String)]
    pub primary_substance: Option<String>,
    /// Up to four codes, not the primary one.
    pub secondary_substances: Option<Vec<String>>,
    /// Required code.
    #[schema(required = true, value_type = String)]
    pub route: Option<String>,
    /// Required code.
    #[schema(required = true, value_type = String)]
    pub frequency: Option<String>,
    /// From 5 to the age at the intake.
    pub first_use_age: Option<i64>,
    /// Required code.
    #[schema(required = true, value_type = String)]
    pub injecting: Option<String>,
    /// From 5 to the age at the intake; ignored for one who never injected.
    pub first_injection_age: Option<i64>,
    /// Required for one who injected; ignored otherwise.
    pub needle_sharing: Option<String>,
    /// Required code.
    #[schema(required = true, value_type = String)]
    pub living_with: Option<String>,
    /// Required code.
    #[schema(required = true, value_type = String)]
    pub lives_with_children: Option<String>,
    /// Required code.
    #[schema(required = true, value_type = String)]
    pub accommodation: Option<String>,
    /// Required code.
    #[schema(required = true, value_type = String)]
    pub labour_status: Option<String>,
    /// Required code.
    #[schema(required = true, value_type = String)]
    pub education: Option<String>,
    /// Required code.
    #[schema(required = true, value_type = String)]
    pub hiv_test: Option<String>,
    /// Required code.
    #[schema(required = true, value_type = String)]
    pub hcv_test: Option<String>,
    /// Required code; `yes` requires the four `oat_` fields below.
    #[schema(required = true, value_type = String)]
    pub oat_outside: Option<String>,
    /// Medicine code.
    pub oat_medicine: Option<String>,
    /// Daily dose in mg, at most one decimal.
    pub oat_dose_mg: Option<f64>,
    /// Whether a dose above the usual range is confirmed (else 422 `dose-unusual`).
    pub dose_confirmed: Option<bool>,
    /// Prescriber.
    pub oat_prescriber: Option<String>,
    /// Day of the last dose taken, not after the intake.
    pub oat_last_dose_on: Option<String>,
    /// Its time, `HH:MM`.
    pub oat_last_dose_at: Option<String>,
    /// Required code.
    #[schema(required = true, value_type = String)]
    pub health_insurance: Option<String>,
    /// Health situation.
    pub health: Option<String>,
    /// Social situation.
    pub social: Option<String>,
    /// The person's own goals.
    pub goals: Option<String>,
    /// Language of care (ISO 639-1).
    #[schema(required = true, value_type = String)]
    pub language: Option<String>,
    /// Whether an interpreter is needed.
    pub interpreter: Option<bool>,
}

/// The body's numbers as the text a form would have sent.
struct Texts {
    first_use_age: String,
    first_injection_age: String,
    dose: String,
}

impl IntakeInputDto {
    fn texts(&self) -> Texts {
        let number = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
        Texts {
            first_use_age: number(self.first_use_age),
            first_injection_age: number(self.first_injection_age),
            dose: self.oat_dose_mg.map(|d| d.to_string()).unwrap_or_default(),
        }
    }

    fn fields<'a>(&'a self, texts: &'a Texts, secondary: &'a [String]) -> IntakeFields<'a> {
        let s = |v: &'a Option<String>| v.as_deref().unwrap_or_default();
        IntakeFields {
            intake_date: s(&self.intake_date),
            referral_source: s(&self.referral_source),
            previous_treatment: s(&self.previous_treatment),
            ever_oat: s(&self.ever_oat),
            primary_substance: s(&self.primary_substance),
            secondary_substances: secondary,
            route: s(&self.route),
            frequency: s(&self.frequency),
            first_use_age: &texts.first_use_age,
            injecting: s(&self.injecting),
            first_injection_age: &texts.first_injection_age,
            needle_sharing: s(&self.needle_sharing),
            living_with: s(&self.living_with),
            lives_with_children: s(&self.lives_with_children),
            accommodation: s(&self.accommodation),
            labour_status: s(&self.labour_status),
            education: s(&self.education),
            hiv_test: s(&self.hiv_test),
            hcv_test: s(&self.hcv_test),
            oat_outside: s(&self.oat_outside),
            oat_medicine: s(&self.oat_medicine),
            oat_dose_mg: &texts.dose,
            dose_confirmed: self.dose_confirmed.unwrap_or(false),
            oat_prescriber: s(&self.oat_prescriber),
            oat_last_dose_on: s(&self.oat_last_dose_on),
            oat_last_dose_at: s(&self.oat_last_dose_at),
            health_insurance: s(&self.health_insurance),
            health: s(&self.health),
            social: s(&self.social),
            goals: s(&self.goals),
            language: s(&self.language),
            interpreter: self.interpreter.unwrap_or(false),
        }
    }
}

pub(crate) fn intake_dto(intake: &Intake) -> IntakeDto {
    let oat = match (&intake.oat_medicine, intake.oat_dose, &intake.oat_prescriber, &intake.oat_last_dose_on) {
        (Some(medicine), Some(dose), Some(prescriber), Some(last)) => Some(OatOutsideDto {
            atc: continuum_domain::oat::OatMedicine::from_code(medicine).and_then(|m| m.atc()).map(str::to_owned),
            medicine: medicine.clone(),
            dose_mg: Dose(dose).to_mg_text().parse().unwrap_or_default(),
            prescriber: prescriber.clone(),
            last_dose_on: last.clone(),
            last_dose_at: intake.oat_last_dose_at.clone(),
        }),
        _ => None,
    };
    IntakeDto {
        id: intake.id,
        person_id: intake.person_id,
        pathway_id: intake.pathway_id,
        site: intake.site_code.clone(),
        amends: intake.amends,
        superseded_by: intake.superseded_by,
        intake_date: intake.intake_date.clone(),
        referral_source: intake.referral_source.clone(),
        previous_treatment: intake.previous_treatment.clone(),
        ever_oat: intake.ever_oat.clone(),
        primary_substance: intake.primary_substance.clone(),
        secondary_substances: secondary_substances(intake).into_iter().map(str::to_owned).collect(),
        route: intake.route.clone(),
        frequency: intake.frequency.clone(),
        first_use_age: intake.first_use_age,
        injecting: intake.injecting.clone(),
        first_injection_age: intake.first_injection_age,
        needle_sharing: intake.needle_sharing.clone(),
        living_with: intake.living_with.clone(),
        lives_with_children: intake.lives_with_children.clone(),
        accommodation: intake.accommodation.clone(),
        labour_status: intake.labour_status.clone(),
        education: intake.education.clone(),
        hiv_test: intake.hiv_test.clone(),
        hcv_test: intake.hcv_test.clone(),
        oat_outside: intake.oat_outside.clone(),
        oat,
        health_insurance: intake.health_insurance.clone(),
        health: intake.health.clone(),
        social: intake.social.clone(),
        goals: intake.goals.clone(),
        language: intake.language.clone(),
        interpreter: intake.interpreter,
        recorded_by: intake.recorded_by.clone(),
        recorded_at: intake.recorded_at.clone(),
    }
}

/// Every intake of a person, every version, the newest first (the
/// current one is the first without `superseded_by`).
#[utoipa::path(
    get,
    path = "/api/v1/people/{id}/intakes",
    operation_id = "list_intakes",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id.")),
    responses(
        (status = 200, description = "The intakes.", body = Vec<IntakeDto>),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn list_intakes(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(person_id): ApiPath<i64>,
) -> Result<Json<Vec<IntakeDto>>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadClinical, "intake.list").await.map_err(&fail)?;
    let person_id = person_id.map_err(&fail)?;
    let list = state.app.person_intakes(&actor, person_id).await.map_err(&fail)?;
    Ok(Json(list.iter().map(intake_dto).collect()))
}

/// Records the intake of a person; the care pathway steps to `intake` in
/// the same transaction (from `intake_proposed`, or at the person's request
/// from `signalled` or `screening_offered`).
#[utoipa::path(
    post,
    path = "/api/v1/people/{id}/intakes",
    operation_id = "create_intake",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The person's id.")),
    request_body = IntakeInputDto,
    responses(
        (status = 201, description = "Recorded.", body = IntakeDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The pathway does not allow an intake now (`pathway-refused`, saying why), or has none open (`care-no-open-pathway`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn create_intake(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(person_id): ApiPath<i64>,
    ApiJson(body): ApiJson<IntakeInputDto>,
) -> Result<(StatusCode, [(header::HeaderName, String); 1], Json<IntakeDto>), ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::WriteClinical, "intake.create").await.map_err(&fail)?;
    let person_id = person_id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let texts = body.texts();
    let secondary = body.secondary_substances.clone().unwrap_or_default();
    let id = state.app.record_intake(&actor, person_id, &body.fields(&texts, &secondary)).await.map_err(&fail)?;
    let intake = state.app.intake(&actor, id).await.map_err(&fail)?;
    Ok((StatusCode::CREATED, [(header::LOCATION, format!("/api/v1/intakes/{id}"))], Json(intake_dto(&intake))))
}

/// One version of an intake.
#[utoipa::path(
    get,
    path = "/api/v1/intakes/{id}",
    operation_id = "get_intake",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The intake's id.")),
    responses(
        (status = 200, description = "The intake.", body = IntakeDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such intake of a person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn get_intake(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<IntakeDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ReadClinical, "intake.read").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    Ok(Json(intake_dto(&state.app.intake(&actor, id).await.map_err(&fail)?)))
}

/// Corrects an intake: the correction is a new version; the pathway does
/// not move. Only the current version can be corrected (409 otherwise:
/// someone corrected it meanwhile).
#[utoipa::path(
    post,
    path = "/api/v1/intakes/{id}/amendments",
    operation_id = "amend_intake",
    tag = "care",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The id of the intake's current version.")),
    request_body = IntakeInputDto,
    responses(
        (status = 201, description = "The new version.", body = IntakeDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such intake of a person at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "A later version exists.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, each named.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(crate) async fn amend_intake(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<IntakeInputDto>,
) -> Result<(StatusCode, [(header::HeaderName, String); 1], Json<IntakeDto>), ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::WriteClinical, "intake.amend").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let texts = body.texts();
    let secondary = body.secondary_substances.clone().unwrap_or_default();
    let new_id = state.app.amend_intake(&actor, id, &body.fields(&texts, &secondary)).await.map_err(&fail)?;
    let intake = state.app.intake(&actor, new_id).await.map_err(&fail)?;
    Ok((StatusCode::CREATED, [(header::LOCATION, format!("/api/v1/intakes/{new_id}"))], Json(intake_dto(&intake))))
}

pub(super) fn routes(routes: Routes) -> Routes {
    let read = Access::Policy(Action::ReadClinical);
    let write = Access::Policy(Action::WriteClinical);
    routes
        .add("GET", "/api/v1/people/{id}/intakes", read, get(list_intakes))
        .add("POST", "/api/v1/people/{id}/intakes", write, post(create_intake))
        .add("GET", "/api/v1/intakes/{id}", read, get(get_intake))
        .add("POST", "/api/v1/intakes/{id}/amendments", write, post(amend_intake))
}
