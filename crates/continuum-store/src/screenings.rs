//! Screenings, their answers (saved one by one) and named substances.

use crate::{Conn, StoreResult};

/// A stored screening.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ScreeningRow {
    /// Id.
    pub id: i64,
    /// The person.
    pub person_id: i64,
    /// The site where it was administered.
    pub site_id: i64,
    /// Instrument code.
    pub instrument: String,
    /// Instrument version.
    pub version: String,
    /// Language of administration.
    pub language: String,
    /// The content pack whose wording the person was shown (self
    /// administration); none in interview mode.
    pub content_pack_id: Option<i64>,
    /// `interview` or `self`.
    pub mode: String,
    /// `in_progress`, `completed`, or `refused` (the person stopped; the
    /// answers given are kept, nothing is scored).
    pub status: String,
    /// Set once completed: 1 positive, 0 negative.
    pub positive: Option<i64>,
    /// Started.
    pub started_at: String,
    /// Completed.
    pub completed_at: Option<String>,
}

const COLUMNS: &str = "id, person_id, site_id, instrument, version, language, content_pack_id, mode, status, \
     positive, started_at, completed_at";

/// A new screening.
#[derive(Debug, Clone)]
pub struct NewScreening<'a> {
    /// The person.
    pub person_id: i64,
    /// The site.
    pub site_id: i64,
    /// Instrument code.
    pub instrument: &'a str,
    /// Instrument version.
    pub version: &'a str,
    /// Language.
    pub language: &'a str,
    /// `interview` or `self`.
    pub mode: &'a str,
    /// The content pack shown, if any.
    pub content_pack_id: Option<i64>,
    /// Who starts it.
    pub by: Option<i64>,
    /// When.
    pub at: &'a str,
}

/// Starts a screening.
pub async fn insert(conn: &mut Conn, new: &NewScreening<'_>) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO screenings (person_id, site_id, instrument, version, language, mode, content_pack_id, status, \
         started_at, started_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'in_progress', $8, $9, $8) \
         RETURNING id",
    )
    .bind(new.person_id)
    .bind(new.site_id)
    .bind(new.instrument)
    .bind(new.version)
    .bind(new.language)
    .bind(new.mode)
    .bind(new.content_pack_id)
    .bind(new.at)
    .bind(new.by)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// One screening.
pub async fn get(conn: &mut Conn, id: i64) -> StoreResult<Option<ScreeningRow>> {
    let sql = format!("SELECT {COLUMNS} FROM screenings WHERE id = $1");
    Ok(sqlx::query_as(&sql).bind(id).fetch_optional(conn).await?)
}

/// The screenings of a person, newest first.
pub async fn for_person(conn: &mut Conn, person_id: i64) -> StoreResult<Vec<ScreeningRow>> {
    let sql = format!("SELECT {COLUMNS} FROM screenings WHERE person_id = $1 ORDER BY id DESC");
    Ok(sqlx::query_as(&sql).bind(person_id).fetch_all(conn).await?)
}

/// The answers of a screening: (item, option code).
pub async fn answers(conn: &mut Conn, id: i64) -> StoreResult<Vec<(String, String)>> {
    Ok(sqlx::query_as("SELECT item, option_code FROM screening_answers WHERE screening_id = $1 ORDER BY item")
        .bind(id)
        .fetch_all(conn)
        .await?)
}

/// The names given for "other" substances: (group, name).
pub async fn names(conn: &mut Conn, id: i64) -> StoreResult<Vec<(String, String)>> {
    Ok(sqlx::query_as("SELECT group_code, name FROM screening_names WHERE screening_id = $1 ORDER BY group_code")
        .bind(id)
        .fetch_all(conn)
        .await?)
}

/// Turns a screening in progress that holds no answer yet into a
/// self-administered one, in `language` with the wording of `pack`; `false`
/// if it holds answers or is no longer in progress.
pub async fn make_self_administered(
    conn: &mut Conn,
    id: i64,
    language: &str,
    pack: i64,
    at: &str,
) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE screenings SET mode = 'self', language = $1, content_pack_id = $2, updated_at = $3 \
         WHERE id = $4 AND status = 'in_progress' \
         AND NOT EXISTS (SELECT 1 FROM screening_answers a WHERE a.screening_id = screenings.id)",
    )
    .bind(language)
    .bind(pack)
    .bind(at)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Saves one answer, replacing an earlier answer to the same item.
pub async fn save_answer(conn: &mut Conn, id: i64, item: &str, option: &str, at: &str) -> StoreResult<()> {
    sqlx::query("DELETE FROM screening_answers WHERE screening_id = $1 AND item = $2")
        .bind(id)
        .bind(item)
        .execute(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO screening_answers (screening_id, item, option_code, answered_at) VALUES ($1, $2, $3, $4)")
        .bind(id)
        .bind(item)
        .bind(option)
        .bind(at)
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE screenings SET updated_at = $1 WHERE id = $2").bind(at).bind(id).execute(conn).await?;
    Ok(())
}

/// Saves the name of an "other" substance.
pub async fn save_name(conn: &mut Conn, id: i64, group: &str, name: &str) -> StoreResult<()> {
    sqlx::query("DELETE FROM screening_names WHERE screening_id = $1 AND group_code = $2")
        .bind(id)
        .bind(group)
        .execute(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO screening_names (screening_id, group_code, name) VALUES ($1, $2, $3)")
        .bind(id)
        .bind(group)
        .bind(name)
        .execute(conn)
        .await?;
    Ok(())
}

/// Marks a screening completed with its outcome; `false` if it was not in
/// progress.
pub async fn complete(conn: &mut Conn, id: i64, positive: bool, by: Option<i64>, at: &str) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE screenings SET status = 'completed', positive = $1, completed_at = $2, completed_by = $3, \
         updated_at = $2 WHERE id = $4 AND status = 'in_progress'",
    )
    .bind(i64::from(positive))
    .bind(at)
    .bind(by)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A screening completed at a site, with whom it was for.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CompletedRow {
    /// The screening.
    pub id: i64,
    /// The person.
    pub person_id: i64,
    /// Family name(s).
    pub family_name: String,
    /// Given name(s).
    pub given_names: String,
    /// `interview` or `self`.
    pub mode: String,
    /// Completed (an instant).
    pub completed_at: String,
}

/// Screenings completed at a site since an instant, the newest first (at
/// most `limit`).
pub async fn completed_at_site_since(
    conn: &mut Conn,
    site_id: i64,
    since: &str,
    limit: i64,
) -> StoreResult<Vec<CompletedRow>> {
    let sql = format!(
        "SELECT s.id, s.person_id, p.family_name, p.given_names, s.mode, s.completed_at \
         FROM screenings s JOIN people p ON p.id = s.person_id \
         WHERE s.site_id = $1 AND s.status = 'completed' AND s.completed_at >= $2 \
         ORDER BY s.completed_at DESC, s.id DESC LIMIT {limit}"
    );
    Ok(sqlx::query_as(&sql).bind(site_id).bind(since).fetch_all(conn).await?)
}

/// Sets an unfinished screening aside because the person refused to go on;
/// `false` if it is not in progress.
pub async fn set_aside(conn: &mut Conn, id: i64, at: &str) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE screenings SET status = 'refused', updated_at = $1 WHERE id = $2 AND status = 'in_progress'",
    )
    .bind(at)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
