//! Kiosk sessions: one tablet bound to one screening, through a one-time
//! pairing code and then a device credential (only hashes of both are kept).

use crate::{Conn, StoreResult};

/// A stored kiosk session.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct KioskRow {
    /// Id.
    pub id: i64,
    /// The one screening the tablet may answer.
    pub screening_id: i64,
    /// The worker who started it, on whose behalf the tablet acts.
    pub started_by: i64,
    /// When the code was issued.
    pub started_at: String,
    /// Until when the pairing code may be used.
    pub code_expires_at: String,
    /// When a tablet paired with the code (the code is used up then).
    pub paired_at: Option<String>,
    /// The CSRF token of the tablet's forms.
    pub csrf_token: Option<String>,
    /// The end of the tablet's credential, however active.
    pub expires_at: Option<String>,
    /// The tablet's last answer (or its pairing).
    pub last_seen_at: Option<String>,
    /// When it ended.
    pub ended_at: Option<String>,
    /// Why: `completed`, `replaced` or `expired`.
    pub end_reason: Option<String>,
}

const COLUMNS: &str = "id, screening_id, started_by, started_at, code_expires_at, paired_at, csrf_token, expires_at, \
     last_seen_at, ended_at, end_reason";

/// Starts a kiosk session with the hash of its pairing code.
pub async fn insert(
    conn: &mut Conn,
    screening_id: i64,
    started_by: i64,
    code_hash: &str,
    at: &str,
    code_expires_at: &str,
) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO kiosk_sessions (screening_id, started_by, started_at, code_hash, code_expires_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(screening_id)
    .bind(started_by)
    .bind(at)
    .bind(code_hash)
    .bind(code_expires_at)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// Whether an unused, unexpired pairing code has this hash (so that a new
/// code never collides with one still waiting).
pub async fn code_waiting(conn: &mut Conn, code_hash: &str, now: &str) -> StoreResult<bool> {
    let found: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM kiosk_sessions WHERE code_hash = $1 AND paired_at IS NULL AND ended_at IS NULL \
         AND code_expires_at > $2",
    )
    .bind(code_hash)
    .bind(now)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// The sessions still waiting for a tablet with this code hash (expired
/// ones included: the caller tells them apart).
pub async fn waiting_by_code(conn: &mut Conn, code_hash: &str) -> StoreResult<Vec<KioskRow>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM kiosk_sessions WHERE code_hash = $1 AND paired_at IS NULL AND ended_at IS NULL \
         ORDER BY id DESC"
    );
    Ok(sqlx::query_as(&sql).bind(code_hash).fetch_all(conn).await?)
}

/// The tablet's credential.
#[derive(Debug, Clone)]
pub struct Pairing<'a> {
    /// Hash of the credential.
    pub token_hash: &'a str,
    /// CSRF token of its forms.
    pub csrf_token: &'a str,
    /// When.
    pub at: &'a str,
    /// Its absolute end.
    pub expires_at: &'a str,
}

/// Uses the code up and records the tablet's credential; `false` if the
/// code was used or the session ended in between.
pub async fn pair(conn: &mut Conn, id: i64, pairing: &Pairing<'_>) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE kiosk_sessions SET paired_at = $1, last_seen_at = $1, token_hash = $2, csrf_token = $3, \
         expires_at = $4 WHERE id = $5 AND paired_at IS NULL AND ended_at IS NULL",
    )
    .bind(pairing.at)
    .bind(pairing.token_hash)
    .bind(pairing.csrf_token)
    .bind(pairing.expires_at)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The session of a tablet credential.
pub async fn by_token(conn: &mut Conn, token_hash: &str) -> StoreResult<Option<KioskRow>> {
    let sql = format!("SELECT {COLUMNS} FROM kiosk_sessions WHERE token_hash = $1");
    Ok(sqlx::query_as(&sql).bind(token_hash).fetch_optional(conn).await?)
}

/// The newest session of a screening that has not ended.
pub async fn open_for_screening(conn: &mut Conn, screening_id: i64) -> StoreResult<Option<KioskRow>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM kiosk_sessions WHERE screening_id = $1 AND ended_at IS NULL ORDER BY id DESC LIMIT 1"
    );
    Ok(sqlx::query_as(&sql).bind(screening_id).fetch_optional(conn).await?)
}

/// Records the tablet's activity.
pub async fn touch(conn: &mut Conn, id: i64, at: &str) -> StoreResult<()> {
    sqlx::query("UPDATE kiosk_sessions SET last_seen_at = $1 WHERE id = $2").bind(at).bind(id).execute(conn).await?;
    Ok(())
}

/// Ends one session; `false` if it had ended already.
pub async fn end(conn: &mut Conn, id: i64, at: &str, reason: &str) -> StoreResult<bool> {
    let done =
        sqlx::query("UPDATE kiosk_sessions SET ended_at = $1, end_reason = $2 WHERE id = $3 AND ended_at IS NULL")
            .bind(at)
            .bind(reason)
            .bind(id)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// Ends every session of a screening that has not ended.
pub async fn end_for_screening(conn: &mut Conn, screening_id: i64, at: &str, reason: &str) -> StoreResult<()> {
    sqlx::query(
        "UPDATE kiosk_sessions SET ended_at = $1, end_reason = $2 WHERE screening_id = $3 AND ended_at IS NULL",
    )
    .bind(at)
    .bind(reason)
    .bind(screening_id)
    .execute(conn)
    .await?;
    Ok(())
}
