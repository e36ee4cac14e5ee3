//! The care worker responsible for a pathway: the current one on the
//! pathway (`pathways.responsible_user_id`), every assignment in
//! `pathway_assignments`, and the clinicians who may be chosen.

use crate::{Conn, StoreResult};

/// The pathway a person's care team works on, and who is responsible.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TeamRow {
    /// The pathway.
    pub pathway_id: i64,
    /// Its site.
    pub site_id: i64,
    /// Its state code.
    pub state: String,
    /// The responsible user, if any.
    pub user_id: Option<i64>,
    /// Their username.
    pub username: Option<String>,
    /// Their display name.
    pub display_name: Option<String>,
}

/// The person's current pathway (not superseded by a merge) and its
/// responsible worker.
pub async fn of_person(conn: &mut Conn, person_id: i64) -> StoreResult<Option<TeamRow>> {
    Ok(sqlx::query_as(
        "SELECT w.id AS pathway_id, w.site_id, w.state, u.id AS user_id, u.username, u.display_name \
         FROM pathways w LEFT JOIN users u ON u.id = w.responsible_user_id \
         WHERE w.person_id = $1 AND w.superseded_by_merge IS NULL ORDER BY w.id DESC LIMIT 1",
    )
    .bind(person_id)
    .fetch_optional(conn)
    .await?)
}

/// One assignment.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AssignmentRow {
    /// The user made responsible; `None`: nobody.
    pub user_id: Option<i64>,
    /// Their display name.
    pub display_name: Option<String>,
    /// When.
    pub assigned_at: String,
    /// By whom (username); `None` for the system (a handover to another site).
    pub assigned_by: Option<String>,
}

/// Every assignment of a pathway, the newest first.
pub async fn assignments(conn: &mut Conn, pathway_id: i64) -> StoreResult<Vec<AssignmentRow>> {
    Ok(sqlx::query_as(
        "SELECT a.user_id, u.display_name, a.assigned_at, b.username AS assigned_by FROM pathway_assignments a \
         LEFT JOIN users u ON u.id = a.user_id LEFT JOIN users b ON b.id = a.assigned_by \
         WHERE a.pathway_id = $1 ORDER BY a.id DESC",
    )
    .bind(pathway_id)
    .fetch_all(conn)
    .await?)
}

/// Makes `user_id` (or nobody) responsible for the pathway.
pub async fn assign(
    conn: &mut Conn,
    pathway_id: i64,
    user_id: Option<i64>,
    at: &str,
    by: Option<i64>,
) -> StoreResult<()> {
    sqlx::query("UPDATE pathways SET responsible_user_id = $1 WHERE id = $2")
        .bind(user_id)
        .bind(pathway_id)
        .execute(&mut *conn)
        .await?;
    record(conn, pathway_id, user_id, at, by).await
}

async fn record(conn: &mut Conn, pathway_id: i64, user_id: Option<i64>, at: &str, by: Option<i64>) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO pathway_assignments (pathway_id, user_id, assigned_at, assigned_by) VALUES ($1, $2, $3, $4)",
    )
    .bind(pathway_id)
    .bind(user_id)
    .bind(at)
    .bind(by)
    .execute(conn)
    .await?;
    Ok(())
}

/// Leaves the pathway without a responsible worker, if it had one (a
/// handover to another site's team), recording it.
pub async fn release_on_handover(conn: &mut Conn, pathway_id: i64, at: &str, by: Option<i64>) -> StoreResult<()> {
    let cleared =
        sqlx::query("UPDATE pathways SET responsible_user_id = NULL WHERE id = $1 AND responsible_user_id IS NOT NULL")
            .bind(pathway_id)
            .execute(&mut *conn)
            .await?;
    if cleared.rows_affected() > 0 {
        record(conn, pathway_id, None, at, by).await?;
    }
    Ok(())
}

/// One clinical grant of an active user at a site (or at all sites).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ClinicianGrantRow {
    /// The user.
    pub user_id: i64,
    /// Username.
    pub username: String,
    /// Display name.
    pub display_name: String,
    /// Role code.
    pub role: String,
    /// The grant's site; `None`: all sites.
    pub site_id: Option<i64>,
}

/// The grants of the clinical roles (care worker, medical service) that
/// active users hold at `site_id` or at all sites, by display name. The
/// application decides with the policy which of these users may be
/// responsible; this only narrows the search.
pub async fn clinician_grants(conn: &mut Conn, site_id: i64) -> StoreResult<Vec<ClinicianGrantRow>> {
    Ok(sqlx::query_as(
        "SELECT u.id AS user_id, u.username, u.display_name, g.role, g.site_id FROM users u \
         JOIN role_grants g ON g.user_id = u.id WHERE u.active = 1 AND g.role IN ('care_worker', 'medical') \
         AND (g.site_id = $1 OR g.site_id IS NULL) ORDER BY u.display_name, u.id",
    )
    .bind(site_id)
    .fetch_all(conn)
    .await?)
}
