//! Opioid agonist treatment: prison prescriptions, OAT declared at entry
//! and its continuity (migration 0013).

use crate::{Conn, StoreResult};

/// A prescription to write.
#[derive(Debug, Clone)]
pub struct NewPrescription<'a> {
    /// The person.
    pub person_id: i64,
    /// The prison that writes it.
    pub site_id: i64,
    /// Medicine code.
    pub medicine: &'a str,
    /// Daily dose in micrograms.
    pub daily_dose_ug: i64,
    /// Who prescribed.
    pub prescriber: &'a str,
    /// First day.
    pub start_date: &'a str,
    /// Last day.
    pub stop_date: Option<&'a str>,
    /// Doses taken under observation.
    pub observed: bool,
    /// A note.
    pub note: Option<&'a str>,
    /// Who recorded it.
    pub recorded_by: Option<i64>,
    /// When.
    pub recorded_at: &'a str,
}

/// A stored prescription.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PrescriptionRow {
    /// Id.
    pub id: i64,
    /// The person.
    pub person_id: i64,
    /// The prison that wrote it.
    pub site_id: i64,
    /// Its code.
    pub site_code: String,
    /// Medicine code.
    pub medicine: String,
    /// Daily dose in micrograms.
    pub daily_dose_ug: i64,
    /// Who prescribed.
    pub prescriber: String,
    /// First day.
    pub start_date: String,
    /// Last day.
    pub stop_date: Option<String>,
    /// Why it stopped.
    pub stop_reason: Option<String>,
    /// Doses taken under observation.
    #[sqlx(try_from = "crate::Flag")]
    pub observed: bool,
    /// A note.
    pub note: Option<String>,
    /// Who recorded it (username).
    pub recorded_by: Option<String>,
    /// When.
    pub recorded_at: String,
}

const PRESCRIPTION: &str = "SELECT r.id, r.person_id, r.site_id, s.code AS site_code, r.medicine, r.daily_dose_ug, \
     r.prescriber, r.start_date, r.stop_date, r.stop_reason, r.observed, r.note, u.username AS recorded_by, \
     r.recorded_at FROM oat_prescriptions r JOIN sites s ON s.id = r.site_id LEFT JOIN users u ON u.id = r.recorded_by";

/// Writes a prescription; answers its id.
pub async fn insert_prescription(conn: &mut Conn, new: &NewPrescription<'_>) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO oat_prescriptions (person_id, site_id, medicine, daily_dose_ug, prescriber, start_date, \
         stop_date, observed, note, recorded_by, recorded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(new.person_id)
    .bind(new.site_id)
    .bind(new.medicine)
    .bind(new.daily_dose_ug)
    .bind(new.prescriber)
    .bind(new.start_date)
    .bind(new.stop_date)
    .bind(i64::from(new.observed))
    .bind(new.note)
    .bind(new.recorded_by)
    .bind(new.recorded_at)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// One prescription.
pub async fn prescription(conn: &mut Conn, id: i64) -> StoreResult<Option<PrescriptionRow>> {
    Ok(sqlx::query_as(&format!("{PRESCRIPTION} WHERE r.id = $1")).bind(id).fetch_optional(conn).await?)
}

/// A person's prescriptions, the newest first; with `site`, only those that
/// prison wrote.
pub async fn prescriptions_of(conn: &mut Conn, person_id: i64, site: Option<i64>) -> StoreResult<Vec<PrescriptionRow>> {
    let filter = if site.is_some() { " AND r.site_id = $2" } else { "" };
    let sql = format!("{PRESCRIPTION} WHERE r.person_id = $1{filter} ORDER BY r.start_date DESC, r.id DESC");
    let mut query = sqlx::query_as(&sql).bind(person_id);
    if let Some(site) = site {
        query = query.bind(site);
    }
    Ok(query.fetch_all(conn).await?)
}

/// Stops a running prescription; `false` if it has a stop date already.
pub async fn stop_prescription(
    conn: &mut Conn,
    id: i64,
    stop_date: &str,
    reason: Option<&str>,
    by: Option<i64>,
    at: &str,
) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE oat_prescriptions SET stop_date = $1, stop_reason = $2, stopped_by = $3, stopped_at = $4 \
         WHERE id = $5 AND stop_date IS NULL",
    )
    .bind(stop_date)
    .bind(reason)
    .bind(by)
    .bind(at)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// OAT declared at entry, to write.
#[derive(Debug, Clone)]
pub struct NewDeclaration<'a> {
    /// The person.
    pub person_id: i64,
    /// The entry's episode.
    pub episode_id: i64,
    /// The prison of entry.
    pub site_id: i64,
    /// Medicine code.
    pub medicine: &'a str,
    /// Daily dose in micrograms.
    pub daily_dose_ug: i64,
    /// The day of the last dose outside.
    pub last_dose_date: &'a str,
    /// The prescriber outside.
    pub prescriber: Option<&'a str>,
    /// A prescription recorded from then counts.
    pub counts_from: &'a str,
    /// Until then.
    pub deadline: &'a str,
    /// Who recorded it.
    pub declared_by: Option<i64>,
    /// When.
    pub declared_at: &'a str,
}

/// A stored declaration, with its continuity once recorded.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DeclarationRow {
    /// Id.
    pub id: i64,
    /// The person.
    pub person_id: i64,
    /// The entry's episode.
    pub episode_id: i64,
    /// The prison of entry.
    pub site_id: i64,
    /// Its code.
    pub site_code: String,
    /// Medicine code.
    pub medicine: String,
    /// Daily dose in micrograms.
    pub daily_dose_ug: i64,
    /// The day of the last dose outside.
    pub last_dose_date: String,
    /// The prescriber outside.
    pub prescriber: Option<String>,
    /// A prescription recorded from then counts.
    pub counts_from: String,
    /// Until then.
    pub deadline: String,
    /// Who recorded it (username).
    pub declared_by: Option<String>,
    /// When.
    pub declared_at: String,
    /// Continued without interruption (1) or not (0); none until recorded.
    pub continued: Option<i64>,
    /// Why not.
    pub interruption_reason: Option<String>,
    /// A note.
    pub continuity_note: Option<String>,
    /// Who recorded the continuity (username).
    pub continuity_by: Option<String>,
    /// When.
    pub continuity_at: Option<String>,
    /// When the first prescription within the clock was recorded.
    pub prescribed_at: Option<String>,
}

const DECLARATION: &str = "SELECT d.id, d.person_id, d.episode_id, d.site_id, s.code AS site_code, d.medicine, \
     d.daily_dose_ug, d.last_dose_date, d.prescriber, d.counts_from, d.deadline, u.username AS declared_by, \
     d.declared_at, d.continued, d.interruption_reason, d.continuity_note, c.username AS continuity_by, \
     d.continuity_at, (SELECT MIN(r.recorded_at) FROM oat_prescriptions r WHERE r.person_id = d.person_id \
     AND r.recorded_at >= d.counts_from AND r.recorded_at <= d.deadline) AS prescribed_at \
     FROM oat_declarations d JOIN sites s ON s.id = d.site_id LEFT JOIN users u ON u.id = d.declared_by \
     LEFT JOIN users c ON c.id = d.continuity_by";

/// Writes a declaration; answers its id (a second one for the same episode
/// violates `oat_declarations.episode_id`'s uniqueness).
pub async fn insert_declaration(conn: &mut Conn, new: &NewDeclaration<'_>) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO oat_declarations (person_id, episode_id, site_id, medicine, daily_dose_ug, last_dose_date, \
         prescriber, counts_from, deadline, declared_by, declared_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(new.person_id)
    .bind(new.episode_id)
    .bind(new.site_id)
    .bind(new.medicine)
    .bind(new.daily_dose_ug)
    .bind(new.last_dose_date)
    .bind(new.prescriber)
    .bind(new.counts_from)
    .bind(new.deadline)
    .bind(new.declared_by)
    .bind(new.declared_at)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// A person's declarations, the newest first; with `site`, only those that
/// prison recorded.
pub async fn declarations_of(conn: &mut Conn, person_id: i64, site: Option<i64>) -> StoreResult<Vec<DeclarationRow>> {
    let filter = if site.is_some() { " AND d.site_id = $2" } else { "" };
    let sql = format!("{DECLARATION} WHERE d.person_id = $1{filter} ORDER BY d.declared_at DESC, d.id DESC");
    let mut query = sqlx::query_as(&sql).bind(person_id);
    if let Some(site) = site {
        query = query.bind(site);
    }
    Ok(query.fetch_all(conn).await?)
}

/// The declaration of one episode, if any.
pub async fn declaration_of_episode(conn: &mut Conn, episode_id: i64) -> StoreResult<Option<DeclarationRow>> {
    Ok(sqlx::query_as(&format!("{DECLARATION} WHERE d.episode_id = $1")).bind(episode_id).fetch_optional(conn).await?)
}

/// Records the continuity of a declaration; `false` if it was recorded already.
pub async fn record_continuity(
    conn: &mut Conn,
    id: i64,
    continued: bool,
    reason: Option<&str>,
    note: Option<&str>,
    by: Option<i64>,
    at: &str,
) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE oat_declarations SET continued = $1, interruption_reason = $2, continuity_note = $3, \
         continuity_by = $4, continuity_at = $5 WHERE id = $6 AND continuity_at IS NULL",
    )
    .bind(i64::from(continued))
    .bind(reason)
    .bind(note)
    .bind(by)
    .bind(at)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A declaration whose continuity is still to record, at a worklist.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OpenDeclarationRow {
    /// The declaration.
    pub id: i64,
    /// The person.
    pub person_id: i64,
    /// Family name(s).
    pub family_name: String,
    /// Given name(s).
    pub given_names: String,
    /// Prison number of the current episode.
    pub prison_number: Option<String>,
    /// Medicine code.
    pub medicine: String,
    /// Daily dose in micrograms.
    pub daily_dose_ug: i64,
    /// The day of the last dose outside.
    pub last_dose_date: String,
    /// A prescription recorded from then counts.
    pub counts_from: String,
    /// The deadline of the 24 hours.
    pub deadline: String,
    /// When the first prescription within the clock was recorded.
    pub prescribed_at: Option<String>,
}

/// The declarations of people now at `site_id` whose continuity is still to
/// record (merged records left out), the earliest deadline first.
pub async fn open_declarations(conn: &mut Conn, site_id: i64, limit: i64) -> StoreResult<Vec<OpenDeclarationRow>> {
    // `CROSS JOIN people` makes SQLite start from the few open declarations
    // (their partial index) rather than from every person of the site, which
    // it chose without table statistics (40 ms on the national bench
    // database); PostgreSQL plans it as an inner join.
    let sql = format!(
        "SELECT d.id, d.person_id, p.family_name, p.given_names, e.prison_number, d.medicine, d.daily_dose_ug, \
         d.last_dose_date, d.counts_from, d.deadline, (SELECT MIN(r.recorded_at) FROM oat_prescriptions r \
         WHERE r.person_id = d.person_id AND r.recorded_at >= d.counts_from AND r.recorded_at <= d.deadline) \
         AS prescribed_at FROM oat_declarations d CROSS JOIN people p \
         LEFT JOIN detention_episodes e ON e.id = p.current_episode_id \
         WHERE p.id = d.person_id AND d.continuity_at IS NULL AND p.site_id = $1 AND p.merged_into IS NULL \
         ORDER BY d.deadline, d.id LIMIT {limit}"
    );
    Ok(sqlx::query_as(&sql).bind(site_id).fetch_all(conn).await?)
}

/// One declaration.
pub async fn declaration(conn: &mut Conn, id: i64) -> StoreResult<Option<DeclarationRow>> {
    Ok(sqlx::query_as(&format!("{DECLARATION} WHERE d.id = $1")).bind(id).fetch_optional(conn).await?)
}

/// When an episode was registered (its row's creation).
pub async fn episode_registered_at(conn: &mut Conn, episode_id: i64) -> StoreResult<Option<String>> {
    let row: Option<(String,)> = sqlx::query_as("SELECT created_at FROM detention_episodes WHERE id = $1")
        .bind(episode_id)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(|(at,)| at))
}
