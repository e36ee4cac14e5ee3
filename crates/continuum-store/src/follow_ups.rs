//! The follow-up contacts after release (table `follow_up_contacts`,
//! migration 0014): written due by a release (`crate::release_plans`),
//! recorded once each, and those overdue at a site.

use crate::release_plans::CASELOAD_SQL;
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

/// A follow-up contact past its day, not recorded.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OverdueRow {
    /// The person.
    pub person_id: i64,
    /// Family name(s).
    pub family_name: String,
    /// Given name(s).
    pub given_names: String,
    /// Prison number of the last episode.
    pub prison_number: Option<String>,
    /// The day of release.
    pub release_date: String,
    /// Days after release (7 or 30).
    pub due_days: i64,
    /// The day it was due.
    pub due_date: String,
}

/// The follow-up contacts of pathways at a site still in follow-up that were
/// due before `today` and are not recorded, the longest overdue first (at
/// most `limit`).
pub async fn overdue_at_site(conn: &mut Conn, site_id: i64, today: &str, limit: i64) -> StoreResult<Vec<OverdueRow>> {
    let sql = format!(
        "SELECT p.id AS person_id, p.family_name, p.given_names, e.prison_number, r.release_date, f.due_days, \
         f.due_date FROM pathways w JOIN follow_up_contacts f ON f.pathway_id = w.id \
         JOIN pathway_releases r ON r.id = f.release_id JOIN people p ON p.id = w.person_id \
         LEFT JOIN detention_episodes e ON e.id = p.current_episode_id \
         WHERE w.site_id = $1 AND {CASELOAD_SQL} AND w.state = 'released_in_follow_up' \
         AND f.recorded_at IS NULL AND f.due_date < $2 ORDER BY f.due_date, p.id LIMIT {limit}"
    );
    Ok(sqlx::query_as(&sql).bind(site_id).bind(today).fetch_all(conn).await?)
}
