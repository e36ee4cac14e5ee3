//! Action items and every status they took.

use crate::{Conn, StoreResult};

/// An action as stored, with its owner.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ActionRow {
    /// Id.
    pub id: i64,
    /// The group.
    pub group_id: i64,
    /// The meeting where it was given.
    pub meeting_id: Option<i64>,
    /// The decision it follows from.
    pub decision_id: Option<i64>,
    /// What is to be done.
    pub title: String,
    /// The owner's membership.
    pub owner_member_id: i64,
    /// The owner's name.
    pub owner_name: String,
    /// The owner's account.
    pub owner_user_id: Option<i64>,
    /// Due date.
    pub due_date: String,
    /// Status code.
    pub status: String,
    /// When it was last changed (UTC).
    pub updated_at: String,
}

const ACTION_SELECT: &str = "SELECT a.id, a.group_id, a.meeting_id, a.decision_id, a.title, a.owner_member_id, \
     m.name AS owner_name, m.user_id AS owner_user_id, a.due_date, a.status, a.updated_at \
     FROM governance_actions a JOIN governance_members m ON m.id = a.owner_member_id";

/// The statuses of an action still to be done.
pub const PENDING_SQL: &str = "a.status IN ('open', 'in_progress')";

/// A new action.
#[derive(Debug, Clone)]
pub struct NewAction<'a> {
    /// The group.
    pub group_id: i64,
    /// The meeting.
    pub meeting_id: Option<i64>,
    /// The decision.
    pub decision_id: Option<i64>,
    /// What.
    pub title: &'a str,
    /// The owner's membership.
    pub owner_member_id: i64,
    /// Due date.
    pub due_date: &'a str,
    /// Now.
    pub at: &'a str,
    /// Who.
    pub by: Option<i64>,
}

/// Writes an action, open, with its first history line.
pub async fn insert(conn: &mut Conn, action: &NewAction<'_>) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO governance_actions (group_id, meeting_id, decision_id, title, owner_member_id, due_date, status, \
         created_at, created_by, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8, $7, $8) \
         RETURNING id",
    )
    .bind(action.group_id)
    .bind(action.meeting_id)
    .bind(action.decision_id)
    .bind(action.title)
    .bind(action.owner_member_id)
    .bind(action.due_date)
    .bind(action.at)
    .bind(action.by)
    .fetch_one(&mut *conn)
    .await?;
    history(conn, id, "open", "", action.at, action.by).await?;
    Ok(id)
}

async fn history(conn: &mut Conn, id: i64, status: &str, note: &str, at: &str, by: Option<i64>) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO governance_action_history (action_id, status, note, changed_at, changed_by) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(status)
    .bind(note)
    .bind(at)
    .bind(by)
    .execute(conn)
    .await?;
    Ok(())
}

/// Changes an action's status if it is still `from`; `false` otherwise.
pub async fn set_status(
    conn: &mut Conn,
    id: i64,
    from: &str,
    to: &str,
    note: &str,
    at: &str,
    by: Option<i64>,
) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE governance_actions SET status = $1, updated_at = $2, updated_by = $3 WHERE id = $4 AND status = $5",
    )
    .bind(to)
    .bind(at)
    .bind(by)
    .bind(id)
    .bind(from)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    history(conn, id, to, note, at, by).await?;
    Ok(true)
}

/// One action.
pub async fn get(conn: &mut Conn, id: i64) -> StoreResult<Option<ActionRow>> {
    Ok(sqlx::query_as(&format!("{ACTION_SELECT} WHERE a.id = $1")).bind(id).fetch_optional(conn).await?)
}

/// The actions of a group: pending ones first (the soonest due first),
/// then the others (the latest changed first).
pub async fn of_group(conn: &mut Conn, group_id: i64) -> StoreResult<Vec<ActionRow>> {
    Ok(sqlx::query_as(&format!(
        "{ACTION_SELECT} WHERE a.group_id = $1 ORDER BY CASE WHEN {PENDING_SQL} THEN 0 ELSE 1 END, \
         CASE WHEN {PENDING_SQL} THEN a.due_date ELSE '' END, a.updated_at DESC, a.id"
    ))
    .bind(group_id)
    .fetch_all(conn)
    .await?)
}

/// Every pending action of every group, the soonest due first.
pub async fn pending(conn: &mut Conn) -> StoreResult<Vec<ActionRow>> {
    Ok(sqlx::query_as(&format!("{ACTION_SELECT} WHERE {PENDING_SQL} ORDER BY a.due_date, a.id"))
        .fetch_all(conn)
        .await?)
}

/// One status an action took.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ActionHistoryRow {
    /// Status code.
    pub status: String,
    /// Note.
    pub note: String,
    /// When (UTC).
    pub changed_at: String,
    /// By whom (display name).
    pub changed_by: Option<String>,
}

/// Every status an action took, the first first.
pub async fn history_of(conn: &mut Conn, id: i64) -> StoreResult<Vec<ActionHistoryRow>> {
    Ok(sqlx::query_as(
        "SELECT h.status, h.note, h.changed_at, u.display_name AS changed_by FROM governance_action_history h \
         LEFT JOIN users u ON u.id = h.changed_by WHERE h.action_id = $1 ORDER BY h.id",
    )
    .bind(id)
    .fetch_all(conn)
    .await?)
}
