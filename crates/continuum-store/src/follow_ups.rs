//! The follow-up contacts after release (table `follow_up_contacts`,
//! migration 0014): written due by a release (`crate::release_plans`),
//! recorded once each (those overdue are an alert of `crate::caseload`).

use crate::{Conn, StoreResult};

/// A follow-up contact, due or recorded.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct FollowUpRow {
    /// Id.
    pub id: i64,
    /// The release it follows.
    pub release_id: i64,
    /// Days after release (7 or 30).
    pub due_days: i64,
    /// The day it is due (`YYYY-MM-DD`).
    pub due_date: String,
    /// The day of the contact, once recorded.
    pub contact_date: Option<String>,
    /// `Attendance` code, once recorded.
    pub attendance: Option<String>,
    /// `ContactMeans` code, once recorded.
    pub means: Option<String>,
    /// A note.
    pub note: Option<String>,
    /// When recorded.
    pub recorded_at: Option<String>,
    /// By whom (username).
    pub recorded_by: Option<String>,
}

/// Every follow-up contact of a pathway, by release (the newest first) and
/// due day.
pub async fn of_pathway(conn: &mut Conn, pathway_id: i64) -> StoreResult<Vec<FollowUpRow>> {
    Ok(sqlx::query_as(
        "SELECT f.id, f.release_id, f.due_days, f.due_date, f.contact_date, f.attendance, f.means, f.note, \
         f.recorded_at, u.username AS recorded_by FROM follow_up_contacts f \
         LEFT JOIN users u ON u.id = f.recorded_by WHERE f.pathway_id = $1 ORDER BY f.release_id DESC, f.due_days",
    )
    .bind(pathway_id)
    .fetch_all(conn)
    .await?)
}

/// A follow-up contact's answers.
#[derive(Debug, Clone)]
pub struct Contact<'a> {
    /// The day of the contact.
    pub contact_date: &'a str,
    /// `Attendance` code.
    pub attendance: &'a str,
    /// `ContactMeans` code.
    pub means: &'a str,
    /// A note.
    pub note: Option<&'a str>,
}

/// Records the contact due `due_days` after release `release_id`; `false`
/// when there is no such contact or it was recorded already.
pub async fn record(
    conn: &mut Conn,
    release_id: i64,
    due_days: i64,
    contact: &Contact<'_>,
    at: &str,
    by: Option<i64>,
) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE follow_up_contacts SET contact_date = $1, attendance = $2, means = $3, note = $4, recorded_at = $5, \
         recorded_by = $6 WHERE release_id = $7 AND due_days = $8 AND recorded_at IS NULL",
    )
    .bind(contact.contact_date)
    .bind(contact.attendance)
    .bind(contact.means)
    .bind(contact.note)
    .bind(at)
    .bind(by)
    .bind(release_id)
    .bind(due_days)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
