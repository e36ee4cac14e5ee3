//! Detention episodes after entry: changes, releases and transfers. Every
//! change raises the episode's version and copies the new state into
//! `episode_history`, so each version stays readable.

use crate::people::EpisodeRow;
use crate::{Conn, StoreResult};

/// What made a version of an episode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// The entry (or the arrival by transfer).
    Created,
    /// Legal status or expected release changed.
    Updated,
    /// The person was released.
    Released,
    /// The person was transferred to another prison; the episode ended.
    Transferred,
}

impl Change {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Change::Created => "created",
            Change::Updated => "updated",
            Change::Released => "released",
            Change::Transferred => "transferred",
        }
    }
}

/// One version of an episode.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct EpisodeVersionRow {
    /// The episode.
    pub episode_id: i64,
    /// Version number.
    pub version: i64,
    /// What made it ([`Change::code`]).
    pub change: String,
    /// Legal status code then.
    pub legal_status: String,
    /// Expected release then.
    pub expected_release: Option<String>,
    /// Release date then.
    pub release_date: Option<String>,
    /// Release kind then.
    pub release_kind: Option<String>,
    /// When.
    pub changed_at: String,
    /// By whom (username).
    pub changed_by: Option<String>,
}

/// Copies the episode's current state into its history as its current version.
pub async fn record_version(conn: &mut Conn, id: i64, change: Change, at: &str, by: Option<i64>) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO episode_history (episode_id, version, change, legal_status, expected_release, release_date, \
         release_kind, changed_at, changed_by) \
         SELECT id, version, $2, legal_status, expected_release, release_date, release_kind, $3, $4 \
         FROM detention_episodes WHERE id = $1",
    )
    .bind(id)
    .bind(change.code())
    .bind(at)
    .bind(by)
    .execute(conn)
    .await?;
    Ok(())
}

/// One episode.
pub async fn get(conn: &mut Conn, id: i64) -> StoreResult<Option<EpisodeRow>> {
    Ok(sqlx::query_as(
        "SELECT e.id, e.person_id, e.site_id, s.code AS site_code, e.prison_number, e.entry_date, e.legal_status, \
         e.expected_release, e.release_date, e.release_kind, e.version, e.transferred_from \
         FROM detention_episodes e JOIN sites s ON s.id = e.site_id WHERE e.id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?)
}

/// Changes the legal status and expected release of an open episode still at
/// `version`; `false` if it changed meanwhile or has ended.
pub async fn update(
    conn: &mut Conn,
    id: i64,
    version: i64,
    legal_status: &str,
    expected_release: Option<&str>,
    at: &str,
    by: Option<i64>,
) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE detention_episodes SET legal_status = $1, expected_release = $2, version = version + 1, \
         updated_at = $3 WHERE id = $4 AND version = $5 AND release_date IS NULL",
    )
    .bind(legal_status)
    .bind(expected_release)
    .bind(at)
    .bind(id)
    .bind(version)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    record_version(conn, id, Change::Updated, at, by).await?;
    Ok(true)
}

/// Ends an open episode on `date` with `kind` (a release, or `transfer`);
/// `false` if it has already ended.
pub async fn end(
    conn: &mut Conn,
    id: i64,
    date: &str,
    kind: &str,
    change: Change,
    at: &str,
    by: Option<i64>,
) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE detention_episodes SET release_date = $1, release_kind = $2, version = version + 1, updated_at = $3 \
         WHERE id = $4 AND release_date IS NULL",
    )
    .bind(date)
    .bind(kind)
    .bind(at)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    record_version(conn, id, change, at, by).await?;
    Ok(true)
}

/// Every version of every episode of a person: newest episode first, and
/// within an episode the newest version first.
pub async fn history_of_person(conn: &mut Conn, person_id: i64) -> StoreResult<Vec<EpisodeVersionRow>> {
    Ok(sqlx::query_as(
        "SELECT h.episode_id, h.version, h.change, h.legal_status, h.expected_release, h.release_date, \
         h.release_kind, h.changed_at, u.username AS changed_by \
         FROM episode_history h JOIN detention_episodes e ON e.id = h.episode_id \
         LEFT JOIN users u ON u.id = h.changed_by \
         WHERE e.person_id = $1 ORDER BY e.entry_date DESC, e.id DESC, h.version DESC",
    )
    .bind(person_id)
    .fetch_all(conn)
    .await?)
}

/// Every version of one episode, newest first.
pub async fn history(conn: &mut Conn, id: i64) -> StoreResult<Vec<EpisodeVersionRow>> {
    Ok(sqlx::query_as(
        "SELECT h.episode_id, h.version, h.change, h.legal_status, h.expected_release, h.release_date, \
         h.release_kind, h.changed_at, u.username AS changed_by \
         FROM episode_history h LEFT JOIN users u ON u.id = h.changed_by \
         WHERE h.episode_id = $1 ORDER BY h.version DESC",
    )
    .bind(id)
    .fetch_all(conn)
    .await?)
}

/// The person currently at `site_id` (whose current episode is there) who
/// holds this prison number there, if any; case is ignored.
pub async fn person_at_site_with_number(
    conn: &mut Conn,
    site_id: i64,
    prison_number: &str,
) -> StoreResult<Option<i64>> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT p.id FROM detention_episodes e JOIN people p ON p.id = e.person_id \
         WHERE e.site_id = $1 AND p.site_id = $1 AND lower(e.prison_number) = lower($2) \
         ORDER BY e.id DESC LIMIT 1",
    )
    .bind(site_id)
    .bind(prison_number)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(id,)| id))
}
