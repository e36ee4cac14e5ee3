//! Sign-in sessions, kept in the database so that several servers share them.
//! Only a hash of the session token is stored.

use sqlx::Row;

use crate::users::{self, GrantRow, UserRow};
use crate::{Conn, Flag, StoreResult};

/// A stored session.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SessionRow {
    /// Id.
    pub id: i64,
    /// The user.
    pub user_id: i64,
    /// The synchronizer token every form must echo.
    pub csrf_token: String,
    #[sqlx(try_from = "crate::Flag")]
    /// Signed in with a password, second factor still to give.
    pub second_factor_pending: bool,
    /// The site acted for.
    pub site_id: Option<i64>,
    /// Language chosen in this session.
    pub language: Option<String>,
    /// Created.
    pub created_at: String,
    /// Last request (updated coarsely).
    pub last_seen_at: String,
    /// Absolute end.
    pub expires_at: String,
}

/// A new session.
#[derive(Debug, Clone)]
pub struct NewSession<'a> {
    /// Hash of the token.
    pub token_hash: &'a str,
    /// The user.
    pub user_id: i64,
    /// CSRF token.
    pub csrf_token: &'a str,
    /// Whether the second factor is still due.
    pub second_factor_pending: bool,
    /// The first site acted for.
    pub site_id: Option<i64>,
    /// Now.
    pub at: &'a str,
    /// Absolute end.
    pub expires_at: &'a str,
    /// Client address.
    pub ip: Option<&'a str>,
    /// Client user agent.
    pub user_agent: Option<&'a str>,
}

/// Stores a session.
pub async fn insert(conn: &mut Conn, session: &NewSession<'_>) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, second_factor_pending, site_id, \
         created_at, last_seen_at, expires_at, ip, user_agent) \
         VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9) RETURNING id",
    )
    .bind(session.token_hash)
    .bind(session.user_id)
    .bind(session.csrf_token)
    .bind(i64::from(session.second_factor_pending))
    .bind(session.site_id)
    .bind(session.at)
    .bind(session.expires_at)
    .bind(session.ip)
    .bind(session.user_agent)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// The session with this token hash, with its user and the user's grants,
/// in one query: this is read on every signed-in request.
pub async fn signed_in(conn: &mut Conn, token_hash: &str) -> StoreResult<Option<(SessionRow, UserRow, Vec<GrantRow>)>> {
    let sql = format!(
        "SELECT s.id AS session_id, s.csrf_token AS session_csrf_token, \
         s.second_factor_pending AS session_second_factor_pending, s.site_id AS session_site_id, \
         s.language AS session_language, s.created_at AS session_created_at, \
         s.last_seen_at AS session_last_seen_at, s.expires_at AS session_expires_at, {} \
         FROM sessions s JOIN users u ON u.id = s.user_id {} WHERE s.token_hash = $1 {}",
        users::joined_columns(),
        users::GRANTS_JOIN,
        users::GRANTS_ORDER
    );
    let rows = sqlx::query(&sql).bind(token_hash).fetch_all(conn).await?;
    let Some((user, grants)) = users::user_and_grants(&rows)? else {
        return Ok(None);
    };
    let Some(row) = rows.first() else {
        return Ok(None);
    };
    let session = SessionRow {
        id: row.try_get("session_id")?,
        user_id: user.id,
        csrf_token: row.try_get("session_csrf_token")?,
        second_factor_pending: row.try_get::<Flag, _>("session_second_factor_pending")?.into(),
        site_id: row.try_get("session_site_id")?,
        language: row.try_get("session_language")?,
        created_at: row.try_get("session_created_at")?,
        last_seen_at: row.try_get("session_last_seen_at")?,
        expires_at: row.try_get("session_expires_at")?,
    };
    Ok(Some((session, user, grants)))
}

/// Records activity.
pub async fn touch(conn: &mut Conn, id: i64, at: &str) -> StoreResult<()> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2").bind(at).bind(id).execute(conn).await?;
    Ok(())
}

/// Marks the second factor as given.
pub async fn complete_second_factor(conn: &mut Conn, id: i64) -> StoreResult<()> {
    sqlx::query("UPDATE sessions SET second_factor_pending = 0 WHERE id = $1").bind(id).execute(conn).await?;
    Ok(())
}

/// Changes the site acted for.
pub async fn set_site(conn: &mut Conn, id: i64, site_id: Option<i64>) -> StoreResult<()> {
    sqlx::query("UPDATE sessions SET site_id = $1 WHERE id = $2").bind(site_id).bind(id).execute(conn).await?;
    Ok(())
}

/// Changes the session's language.
pub async fn set_language(conn: &mut Conn, id: i64, language: &str) -> StoreResult<()> {
    sqlx::query("UPDATE sessions SET language = $1 WHERE id = $2").bind(language).bind(id).execute(conn).await?;
    Ok(())
}

/// Ends a session.
pub async fn delete(conn: &mut Conn, id: i64) -> StoreResult<()> {
    sqlx::query("DELETE FROM sessions WHERE id = $1").bind(id).execute(conn).await?;
    Ok(())
}

/// Ends every session of a user (password change, deactivation).
pub async fn delete_for_user(conn: &mut Conn, user_id: i64) -> StoreResult<()> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(conn).await?;
    Ok(())
}

/// Removes sessions past their absolute end or idle since `idle_before`.
pub async fn delete_expired(conn: &mut Conn, now: &str, idle_before: &str) -> StoreResult<u64> {
    let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at < $2")
        .bind(now)
        .bind(idle_before)
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}
