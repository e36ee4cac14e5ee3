//! Intakes: each recording, and each amendment as a new row that
//! supersedes the one it corrects.

use crate::{Conn, StoreResult};

/// A stored intake, with its person and who recorded it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct IntakeRow {
    /// Id.
    pub id: i64,
    /// The pathway it belongs to.
    pub pathway_id: i64,
    /// The person (through the pathway).
    pub person_id: i64,
    /// The person's current site (the target of access checks).
    pub person_site_id: i64,
    /// The site where it was recorded.
    pub site_id: i64,
    /// That site's code.
    pub site_code: String,
    /// The intake this one corrects.
    pub amends: Option<i64>,
    /// The intake that corrects this one.
    pub superseded_by: Option<i64>,
    /// `YYYY-MM-DD`.
    pub intake_date: String,
    /// Codes of `continuum_domain::care::intake`.
    pub referral_source: String,
    /// Code.
    pub previous_treatment: String,
    /// Code.
    pub ever_oat: String,
    /// Code.
    pub primary_substance: String,
    /// Comma-separated codes.
    pub secondary_substances: String,
    /// Code.
    pub route: String,
    /// Code.
    pub frequency: String,
    /// Years.
    pub first_use_age: Option<i64>,
    /// Code.
    pub injecting: String,
    /// Years.
    pub first_injection_age: Option<i64>,
    /// Code.
    pub needle_sharing: Option<String>,
    /// Code.
    pub living_with: String,
    /// Code.
    pub lives_with_children: String,
    /// Code.
    pub accommodation: String,
    /// Code.
    pub labour_status: String,
    /// Code.
    pub education: String,
    /// Code.
    pub hiv_test: String,
    /// Code.
    pub hcv_test: String,
    /// Code.
    pub oat_outside: String,
    /// Code.
    pub oat_medicine: Option<String>,
    /// Tenths of a milligram.
    pub oat_dose: Option<i64>,
    /// Prescriber.
    pub oat_prescriber: Option<String>,
    /// `YYYY-MM-DD`.
    pub oat_last_dose_on: Option<String>,
    /// `HH:MM`.
    pub oat_last_dose_at: Option<String>,
    /// Code.
    pub health_insurance: String,
    /// Text.
    pub health: String,
    /// Text.
    pub social: String,
    /// Text.
    pub goals: String,
    /// ISO 639-1.
    pub language: String,
    /// Whether an interpreter is needed.
    #[sqlx(try_from = "crate::Flag")]
    pub interpreter: bool,
    /// Who recorded it (username).
    pub recorded_by: Option<String>,
    /// When (UTC instant).
    pub recorded_at: String,
}

const SELECT: &str = "SELECT i.id, i.pathway_id, w.person_id, p.site_id AS person_site_id, i.site_id, s.code AS site_code, \
     i.amends, i.superseded_by, i.intake_date, i.referral_source, i.previous_treatment, i.ever_oat, \
     i.primary_substance, i.secondary_substances, i.route, i.frequency, i.first_use_age, i.injecting, \
     i.first_injection_age, i.needle_sharing, i.living_with, i.lives_with_children, i.accommodation, \
     i.labour_status, i.education, i.hiv_test, i.hcv_test, i.oat_outside, i.oat_medicine, i.oat_dose, \
     i.oat_prescriber, i.oat_last_dose_on, i.oat_last_dose_at, i.health_insurance, i.health, i.social, i.goals, \
     i.language, i.interpreter, u.username AS recorded_by, i.recorded_at \
     FROM intakes i JOIN pathways w ON w.id = i.pathway_id JOIN people p ON p.id = w.person_id \
     JOIN sites s ON s.id = i.site_id LEFT JOIN users u ON u.id = i.recorded_by";

/// An intake to write.
#[derive(Debug, Clone)]
pub struct NewIntake<'a> {
    /// The pathway.
    pub pathway_id: i64,
    /// The site where it is recorded.
    pub site_id: i64,
    /// The intake it corrects.
    pub amends: Option<i64>,
    /// `YYYY-MM-DD`.
    pub intake_date: &'a str,
    /// Code.
    pub referral_source: &'a str,
    /// Code.
    pub previous_treatment: &'a str,
    /// Code.
    pub ever_oat: &'a str,
    /// Code.
    pub primary_substance: &'a str,
    /// Comma-separated codes.
    pub secondary_substances: &'a str,
    /// Code.
    pub route: &'a str,
    /// Code.
    pub frequency: &'a str,
    /// Years.
    pub first_use_age: Option<i64>,
    /// Code.
    pub injecting: &'a str,
    /// Years.
    pub first_injection_age: Option<i64>,
    /// Code.
    pub needle_sharing: Option<&'a str>,
    /// Code.
    pub living_with: &'a str,
    /// Code.
    pub lives_with_children: &'a str,
    /// Code.
    pub accommodation: &'a str,
    /// Code.
    pub labour_status: &'a str,
    /// Code.
    pub education: &'a str,
    /// Code.
    pub hiv_test: &'a str,
    /// Code.
    pub hcv_test: &'a str,
    /// Code.
    pub oat_outside: &'a str,
    /// Code.
    pub oat_medicine: Option<&'a str>,
    /// Tenths of a milligram.
    pub oat_dose: Option<i64>,
    /// Prescriber.
    pub oat_prescriber: Option<&'a str>,
    /// `YYYY-MM-DD`.
    pub oat_last_dose_on: Option<&'a str>,
    /// `HH:MM`.
    pub oat_last_dose_at: Option<&'a str>,
    /// Code.
    pub health_insurance: &'a str,
    /// Text.
    pub health: &'a str,
    /// Text.
    pub social: &'a str,
    /// Text.
    pub goals: &'a str,
    /// ISO 639-1.
    pub language: &'a str,
    /// Whether an interpreter is needed.
    pub interpreter: bool,
    /// Who records it.
    pub recorded_by: Option<i64>,
    /// When.
    pub recorded_at: &'a str,
}

/// Writes an intake; answers its id.
pub async fn insert(conn: &mut Conn, new: &NewIntake<'_>) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO intakes (pathway_id, site_id, amends, intake_date, referral_source, previous_treatment, \
         ever_oat, primary_substance, secondary_substances, route, frequency, first_use_age, injecting, \
         first_injection_age, needle_sharing, living_with, lives_with_children, accommodation, labour_status, \
         education, hiv_test, hcv_test, oat_outside, oat_medicine, oat_dose, oat_prescriber, oat_last_dose_on, \
         oat_last_dose_at, health_insurance, health, social, goals, language, interpreter, recorded_by, \
         recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, \
         $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36) RETURNING id",
    )
    .bind(new.pathway_id)
    .bind(new.site_id)
    .bind(new.amends)
    .bind(new.intake_date)
    .bind(new.referral_source)
    .bind(new.previous_treatment)
    .bind(new.ever_oat)
    .bind(new.primary_substance)
    .bind(new.secondary_substances)
    .bind(new.route)
    .bind(new.frequency)
    .bind(new.first_use_age)
    .bind(new.injecting)
    .bind(new.first_injection_age)
    .bind(new.needle_sharing)
    .bind(new.living_with)
    .bind(new.lives_with_children)
    .bind(new.accommodation)
    .bind(new.labour_status)
    .bind(new.education)
    .bind(new.hiv_test)
    .bind(new.hcv_test)
    .bind(new.oat_outside)
    .bind(new.oat_medicine)
    .bind(new.oat_dose)
    .bind(new.oat_prescriber)
    .bind(new.oat_last_dose_on)
    .bind(new.oat_last_dose_at)
    .bind(new.health_insurance)
    .bind(new.health)
    .bind(new.social)
    .bind(new.goals)
    .bind(new.language)
    .bind(i64::from(new.interpreter))
    .bind(new.recorded_by)
    .bind(new.recorded_at)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// Marks intake `id` as corrected by `by`; `false` if it was already
/// corrected (by someone else, meanwhile).
pub async fn supersede(conn: &mut Conn, id: i64, by: i64) -> StoreResult<bool> {
    let done = sqlx::query("UPDATE intakes SET superseded_by = $1 WHERE id = $2 AND superseded_by IS NULL")
        .bind(by)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// One intake.
pub async fn get(conn: &mut Conn, id: i64) -> StoreResult<Option<IntakeRow>> {
    Ok(sqlx::query_as(&format!("{SELECT} WHERE i.id = $1")).bind(id).fetch_optional(conn).await?)
}

/// Every intake of a person (of all their pathways), the newest first.
pub async fn of_person(conn: &mut Conn, person_id: i64) -> StoreResult<Vec<IntakeRow>> {
    Ok(sqlx::query_as(&format!("{SELECT} WHERE w.person_id = $1 ORDER BY i.id DESC"))
        .bind(person_id)
        .fetch_all(conn)
        .await?)
}
