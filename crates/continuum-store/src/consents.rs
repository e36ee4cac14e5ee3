//! Consents of people, their withdrawals and their signed forms
//! (`0015_consent_directory.sql`). Whether a consent counts is the domain's
//! question (`continuum_domain::consent`); this module only keeps them.

use crate::people::PersonListRow;
use crate::{Conn, StoreResult};

/// A stored consent, with the names of the people and organisation concerned.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ConsentRow {
    /// Id.
    pub id: i64,
    /// The person.
    pub person_id: i64,
    /// Kind code.
    pub kind: String,
    /// `granted` or `refused`.
    pub decision: String,
    /// `YYYY-MM-DD`.
    pub given_on: String,
    /// `YYYY-MM-DD`.
    pub valid_from: String,
    /// `YYYY-MM-DD`, if it ends.
    pub valid_until: Option<String>,
    /// ISO 639-1 code.
    pub explanation_language: String,
    /// Sharing: `psychosocial_service` or `organisation`.
    pub recipient_kind: Option<String>,
    /// Sharing with an organisation: its id.
    pub recipient_organisation_id: Option<i64>,
    /// Sharing with an organisation: its name.
    pub recipient_organisation: Option<String>,
    /// Sharing: purpose code.
    pub purpose: Option<String>,
    /// Sharing: section codes, comma-separated.
    pub sections: String,
    /// Note.
    pub note: String,
    /// When recorded.
    pub recorded_at: String,
    /// Who recorded it (display name).
    pub recorded_by: Option<String>,
    /// When withdrawn.
    pub withdrawn_at: Option<String>,
    /// Who recorded the withdrawal (display name).
    pub withdrawn_by: Option<String>,
    /// Why, if said.
    pub withdrawal_reason: Option<String>,
    /// The latest signed form's id, if one was uploaded.
    pub form_id: Option<i64>,
    /// Its file name.
    pub form_file_name: Option<String>,
}

/// A consent to record.
#[derive(Debug, Clone)]
pub struct NewConsent<'a> {
    /// The person.
    pub person_id: i64,
    /// Kind code.
    pub kind: &'a str,
    /// Decision code.
    pub decision: &'a str,
    /// `YYYY-MM-DD`.
    pub given_on: &'a str,
    /// `YYYY-MM-DD`.
    pub valid_from: &'a str,
    /// `YYYY-MM-DD`.
    pub valid_until: Option<&'a str>,
    /// ISO 639-1 code.
    pub explanation_language: &'a str,
    /// Sharing: recipient kind code.
    pub recipient_kind: Option<&'a str>,
    /// Sharing: the organisation's id.
    pub recipient_organisation_id: Option<i64>,
    /// Sharing: purpose code.
    pub purpose: Option<&'a str>,
    /// Sharing: section codes, comma-separated.
    pub sections: &'a str,
    /// Note.
    pub note: &'a str,
    /// Now.
    pub at: &'a str,
    /// Who records it.
    pub by: Option<i64>,
}

const COLUMNS: &str = "c.id, c.person_id, c.kind, c.decision, c.given_on, c.valid_from, c.valid_until, \
     c.explanation_language, c.recipient_kind, c.recipient_organisation_id, o.name AS recipient_organisation, \
     c.purpose, c.sections, c.note, c.recorded_at, r.display_name AS recorded_by, c.withdrawn_at, \
     w.display_name AS withdrawn_by, c.withdrawal_reason, f.id AS form_id, f.file_name AS form_file_name";

const FROM: &str = "FROM consents c LEFT JOIN organisations o ON o.id = c.recipient_organisation_id \
     LEFT JOIN users r ON r.id = c.recorded_by LEFT JOIN users w ON w.id = c.withdrawn_by \
     LEFT JOIN consent_forms f ON f.id = (SELECT MAX(x.id) FROM consent_forms x WHERE x.consent_id = c.id)";

/// Records a consent.
pub async fn insert(conn: &mut Conn, consent: &NewConsent<'_>) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO consents (person_id, kind, decision, given_on, valid_from, valid_until, explanation_language, \
         recipient_kind, recipient_organisation_id, purpose, sections, note, recorded_at, recorded_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
    )
    .bind(consent.person_id)
    .bind(consent.kind)
    .bind(consent.decision)
    .bind(consent.given_on)
    .bind(consent.valid_from)
    .bind(consent.valid_until)
    .bind(consent.explanation_language)
    .bind(consent.recipient_kind)
    .bind(consent.recipient_organisation_id)
    .bind(consent.purpose)
    .bind(consent.sections)
    .bind(consent.note)
    .bind(consent.at)
    .bind(consent.by)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// One consent.
pub async fn get(conn: &mut Conn, id: i64) -> StoreResult<Option<ConsentRow>> {
    let sql = format!("SELECT {COLUMNS} {FROM} WHERE c.id = $1");
    Ok(sqlx::query_as(&sql).bind(id).fetch_optional(conn).await?)
}

/// Every consent of a person, the latest given first.
pub async fn of_person(conn: &mut Conn, person_id: i64) -> StoreResult<Vec<ConsentRow>> {
    let sql = format!("SELECT {COLUMNS} {FROM} WHERE c.person_id = $1 ORDER BY c.given_on DESC, c.id DESC");
    Ok(sqlx::query_as(&sql).bind(person_id).fetch_all(conn).await?)
}

/// Every consent of these people, the latest given first.
pub async fn of_people(conn: &mut Conn, people: &[i64]) -> StoreResult<Vec<ConsentRow>> {
    if people.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<String> = people.iter().map(i64::to_string).collect();
    let sql = format!(
        "SELECT {COLUMNS} {FROM} WHERE c.person_id IN ({}) ORDER BY c.given_on DESC, c.id DESC",
        ids.join(", ")
    );
    Ok(sqlx::query_as(&sql).fetch_all(conn).await?)
}

/// Records a withdrawal; `false` if the consent was already withdrawn.
pub async fn withdraw(conn: &mut Conn, id: i64, at: &str, by: Option<i64>, reason: &str) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE consents SET withdrawn_at = $1, withdrawn_by = $2, withdrawal_reason = $3 \
         WHERE id = $4 AND withdrawn_at IS NULL",
    )
    .bind(at)
    .bind(by)
    .bind(reason)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A signed form to keep.
#[derive(Debug, Clone)]
pub struct NewForm<'a> {
    /// The consent.
    pub consent_id: i64,
    /// File name as sent.
    pub file_name: &'a str,
    /// SHA-256 of the content, hex.
    pub digest: &'a str,
    /// The PDF.
    pub content: &'a [u8],
    /// Now.
    pub at: &'a str,
    /// Who uploads.
    pub by: Option<i64>,
}

/// A kept signed form.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct FormRow {
    /// Id.
    pub id: i64,
    /// File name as sent.
    pub file_name: String,
    /// SHA-256, hex.
    pub digest: String,
    /// The PDF.
    pub content: Vec<u8>,
    /// When uploaded.
    pub uploaded_at: String,
}

/// Keeps a signed form (an earlier one stays).
pub async fn insert_form(conn: &mut Conn, form: &NewForm<'_>) -> StoreResult<i64> {
    let size = i64::try_from(form.content.len()).unwrap_or(i64::MAX);
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO consent_forms (consent_id, file_name, digest, size, content, uploaded_at, uploaded_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(form.consent_id)
    .bind(form.file_name)
    .bind(form.digest)
    .bind(size)
    .bind(form.content)
    .bind(form.at)
    .bind(form.by)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// The latest signed form of a consent.
pub async fn latest_form(conn: &mut Conn, consent_id: i64) -> StoreResult<Option<FormRow>> {
    Ok(sqlx::query_as(
        "SELECT id, file_name, digest, content, uploaded_at FROM consent_forms WHERE consent_id = $1 \
         ORDER BY id DESC LIMIT 1",
    )
    .bind(consent_id)
    .fetch_optional(conn)
    .await?)
}

/// The people at these sites (not merged away) with a granted, unwithdrawn
/// consent to share with the psychosocial service, by name: the candidates
/// of the service's list, each still to be decided on all their consents.
pub async fn shared_with_psychosocial_service(conn: &mut Conn, sites: &[i64]) -> StoreResult<Vec<PersonListRow>> {
    if sites.is_empty() {
        return Ok(Vec::new());
    }
    let sites: Vec<String> = sites.iter().map(i64::to_string).collect();
    let sql = format!(
        "SELECT p.id, p.family_name, p.given_names, p.birth_date, s.code AS site_code, e.prison_number, \
         e.entry_date FROM people p JOIN sites s ON s.id = p.site_id \
         LEFT JOIN detention_episodes e ON e.id = p.current_episode_id \
         WHERE p.site_id IN ({}) AND p.merged_into IS NULL AND p.id IN (SELECT c.person_id FROM consents c \
         WHERE c.recipient_kind = 'psychosocial_service' AND c.decision = 'granted' AND c.withdrawn_at IS NULL) \
         ORDER BY p.sort_name, p.id",
        sites.join(", ")
    );
    Ok(sqlx::query_as(&sql).fetch_all(conn).await?)
}
