//! Break-the-glass accesses and their review.

use crate::{Conn, Page, StoreResult};

/// A stored emergency access.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct EmergencyRow {
    /// Id.
    pub id: i64,
    /// Who opened it.
    pub user_id: i64,
    /// Their username.
    pub username: String,
    /// The site opened.
    pub site_id: i64,
    /// The site's code.
    pub site_code: String,
    /// The person concerned, when known.
    pub person_id: Option<i64>,
    /// The written reason.
    pub reason: String,
    /// Opened.
    pub created_at: String,
    /// Ends.
    pub expires_at: String,
    #[sqlx(try_from = "crate::Flag")]
    /// Closed early.
    pub revoked: bool,
    /// When reviewed.
    pub reviewed_at: Option<String>,
    /// Reviewer's username.
    pub reviewed_by: Option<String>,
    /// Reviewer's note.
    pub review_note: Option<String>,
}

const SELECT: &str = "SELECT e.id, e.user_id, u.username, e.site_id, s.code AS site_code, e.person_id, \
     e.reason, e.created_at, e.expires_at, e.revoked, e.reviewed_at, r.username AS reviewed_by, \
     e.review_note FROM emergency_access e JOIN users u ON u.id = e.user_id \
     JOIN sites s ON s.id = e.site_id LEFT JOIN users r ON r.id = e.reviewed_by";

/// Opens an emergency access.
pub async fn insert(
    conn: &mut Conn,
    user_id: i64,
    site_id: i64,
    person_id: Option<i64>,
    reason: &str,
    at: &str,
    expires_at: &str,
) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO emergency_access (user_id, site_id, person_id, reason, created_at, expires_at, revoked) \
         VALUES ($1, $2, $3, $4, $5, $6, 0) RETURNING id",
    )
    .bind(user_id)
    .bind(site_id)
    .bind(person_id)
    .bind(reason)
    .bind(at)
    .bind(expires_at)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// One access.
pub async fn get(conn: &mut Conn, id: i64) -> StoreResult<Option<EmergencyRow>> {
    Ok(sqlx::query_as(&format!("{SELECT} WHERE e.id = $1")).bind(id).fetch_optional(conn).await?)
}

/// The accesses of a user still open at `now`.
pub async fn active_for_user(conn: &mut Conn, user_id: i64, now: &str) -> StoreResult<Vec<EmergencyRow>> {
    Ok(sqlx::query_as(&format!(
        "{SELECT} WHERE e.user_id = $1 AND e.expires_at > $2 AND e.revoked = 0 ORDER BY e.id DESC"
    ))
    .bind(user_id)
    .bind(now)
    .fetch_all(conn)
    .await?)
}

/// A page of accesses, those awaiting review first when `pending_only`.
pub async fn list(conn: &mut Conn, pending_only: bool, page: Page) -> StoreResult<(Vec<EmergencyRow>, i64)> {
    let filter = if pending_only { " WHERE e.reviewed_at IS NULL" } else { "" };
    let rows =
        sqlx::query_as(&format!("{SELECT}{filter} ORDER BY e.id DESC LIMIT {} OFFSET {}", page.limit, page.offset))
            .fetch_all(&mut *conn)
            .await?;
    let count_filter = if pending_only { " WHERE reviewed_at IS NULL" } else { "" };
    let (total,): (i64,) =
        sqlx::query_as(&format!("SELECT COUNT(*) FROM emergency_access{count_filter}")).fetch_one(conn).await?;
    Ok((rows, total))
}

/// Records the review of an access; `false` if already reviewed or missing.
pub async fn review(conn: &mut Conn, id: i64, by: i64, note: &str, at: &str) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE emergency_access SET reviewed_at = $1, reviewed_by = $2, review_note = $3 \
         WHERE id = $4 AND reviewed_at IS NULL",
    )
    .bind(at)
    .bind(by)
    .bind(note)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
