//! Steering groups and their members.

use crate::{Conn, StoreResult};

/// A group as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct GroupRow {
    /// Id.
    pub id: i64,
    /// Kind code.
    pub kind: String,
    /// Name.
    pub name: String,
    /// Its prison.
    pub site_id: Option<i64>,
    /// The prison's code.
    pub site_code: Option<String>,
    /// Meetings a year it should hold.
    pub target_per_year: i64,
    /// Days without a meeting before it is dormant.
    pub dormant_after_days: i64,
    /// Quorum in percent.
    pub quorum_percent: i64,
    /// The day it was created.
    pub created_on: String,
    /// Version, for concurrent changes.
    pub version: i64,
}

const GROUP_SELECT: &str = "SELECT g.id, g.kind, g.name, g.site_id, s.code AS site_code, g.target_per_year, \
     g.dormant_after_days, g.quorum_percent, g.created_on, g.version \
     FROM governance_groups g LEFT JOIN sites s ON s.id = g.site_id";

/// A new group.
#[derive(Debug, Clone)]
pub struct NewGroup<'a> {
    /// Kind code.
    pub kind: &'a str,
    /// Name.
    pub name: &'a str,
    /// Its prison.
    pub site_id: Option<i64>,
    /// Meetings a year.
    pub target_per_year: i64,
    /// Dormancy threshold in days.
    pub dormant_after_days: i64,
    /// Quorum in percent.
    pub quorum_percent: i64,
    /// Today.
    pub created_on: &'a str,
    /// Now.
    pub at: &'a str,
    /// Who.
    pub by: Option<i64>,
}

/// Writes a group. A second central group, or a second local group of a
/// prison, is refused by a unique index (`StoreError::Unique`).
pub async fn insert(conn: &mut Conn, group: &NewGroup<'_>) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO governance_groups (kind, name, site_id, target_per_year, dormant_after_days, quorum_percent, \
         created_on, created_at, created_by, updated_at, updated_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8, $9) RETURNING id",
    )
    .bind(group.kind)
    .bind(group.name)
    .bind(group.site_id)
    .bind(group.target_per_year)
    .bind(group.dormant_after_days)
    .bind(group.quorum_percent)
    .bind(group.created_on)
    .bind(group.at)
    .bind(group.by)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// Changes a group's name, thresholds and quorum if it is still at
/// `version`; `false` if someone changed it meanwhile.
#[expect(clippy::too_many_arguments, reason = "the columns of one change")]
pub async fn update(
    conn: &mut Conn,
    id: i64,
    version: i64,
    name: &str,
    target_per_year: i64,
    dormant_after_days: i64,
    quorum_percent: i64,
    at: &str,
    by: Option<i64>,
) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE governance_groups SET name = $1, target_per_year = $2, dormant_after_days = $3, quorum_percent = $4, \
         version = version + 1, updated_at = $5, updated_by = $6 WHERE id = $7 AND version = $8",
    )
    .bind(name)
    .bind(target_per_year)
    .bind(dormant_after_days)
    .bind(quorum_percent)
    .bind(at)
    .bind(by)
    .bind(id)
    .bind(version)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// One group.
pub async fn get(conn: &mut Conn, id: i64) -> StoreResult<Option<GroupRow>> {
    Ok(sqlx::query_as(&format!("{GROUP_SELECT} WHERE g.id = $1")).bind(id).fetch_optional(conn).await?)
}

/// Every group: the central group first, then by prison and name.
pub async fn all(conn: &mut Conn) -> StoreResult<Vec<GroupRow>> {
    Ok(sqlx::query_as(&format!(
        "{GROUP_SELECT} ORDER BY CASE g.kind WHEN 'central' THEN 0 WHEN 'local' THEN 1 ELSE 2 END, s.code, g.name, g.id"
    ))
    .fetch_all(conn)
    .await?)
}

/// A membership as stored, with the linked account's username.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MemberRow {
    /// Id.
    pub id: i64,
    /// The group.
    pub group_id: i64,
    /// Function code.
    pub function: String,
    /// Name.
    pub name: String,
    /// Service or organisation.
    pub organisation: String,
    /// The linked account.
    pub user_id: Option<i64>,
    /// Its username.
    pub username: Option<String>,
    /// Office code.
    pub office: String,
    /// First day.
    pub start_date: String,
    /// Last day.
    pub end_date: Option<String>,
}

const MEMBER_SELECT: &str = "SELECT m.id, m.group_id, m.function, m.name, m.organisation, m.user_id, \
     u.username, m.office, m.start_date, m.end_date FROM governance_members m LEFT JOIN users u ON u.id = m.user_id";

/// A new membership.
#[derive(Debug, Clone)]
pub struct NewMember<'a> {
    /// The group.
    pub group_id: i64,
    /// Function code.
    pub function: &'a str,
    /// Name.
    pub name: &'a str,
    /// Service or organisation.
    pub organisation: &'a str,
    /// The linked account.
    pub user_id: Option<i64>,
    /// Office code.
    pub office: &'a str,
    /// First day.
    pub start_date: &'a str,
    /// Last day.
    pub end_date: Option<&'a str>,
    /// Now.
    pub at: &'a str,
    /// Who.
    pub by: Option<i64>,
}

/// Writes a membership.
pub async fn insert_member(conn: &mut Conn, member: &NewMember<'_>) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO governance_members (group_id, function, name, organisation, user_id, office, start_date, \
         end_date, created_at, created_by, updated_at, updated_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $9, $10) RETURNING id",
    )
    .bind(member.group_id)
    .bind(member.function)
    .bind(member.name)
    .bind(member.organisation)
    .bind(member.user_id)
    .bind(member.office)
    .bind(member.start_date)
    .bind(member.end_date)
    .bind(member.at)
    .bind(member.by)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// Sets the last day of a membership.
pub async fn end_member(conn: &mut Conn, id: i64, end_date: &str, at: &str, by: Option<i64>) -> StoreResult<()> {
    sqlx::query("UPDATE governance_members SET end_date = $1, updated_at = $2, updated_by = $3 WHERE id = $4")
        .bind(end_date)
        .bind(at)
        .bind(by)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// One membership.
pub async fn member(conn: &mut Conn, id: i64) -> StoreResult<Option<MemberRow>> {
    Ok(sqlx::query_as(&format!("{MEMBER_SELECT} WHERE m.id = $1")).bind(id).fetch_optional(conn).await?)
}

/// Every membership of a group, past ones included: current first, then
/// by office (chair, secretary) and name.
pub async fn members(conn: &mut Conn, group_id: i64) -> StoreResult<Vec<MemberRow>> {
    Ok(sqlx::query_as(&format!(
        "{MEMBER_SELECT} WHERE m.group_id = $1 ORDER BY CASE WHEN m.end_date IS NULL THEN 0 ELSE 1 END, \
         CASE m.office WHEN 'chair' THEN 0 WHEN 'secretary' THEN 1 ELSE 2 END, m.name, m.id"
    ))
    .bind(group_id)
    .fetch_all(conn)
    .await?)
}

/// Every membership of every group (for the overview's chairs).
pub async fn all_members(conn: &mut Conn) -> StoreResult<Vec<MemberRow>> {
    Ok(sqlx::query_as(&format!("{MEMBER_SELECT} ORDER BY m.group_id, m.id")).fetch_all(conn).await?)
}

/// The memberships of a user's account, past ones included.
pub async fn memberships_of(conn: &mut Conn, user_id: i64) -> StoreResult<Vec<MemberRow>> {
    Ok(sqlx::query_as(&format!("{MEMBER_SELECT} WHERE m.user_id = $1 ORDER BY m.id"))
        .bind(user_id)
        .fetch_all(conn)
        .await?)
}

/// The id of the active account with this username.
pub async fn active_user_id(conn: &mut Conn, username: &str) -> StoreResult<Option<i64>> {
    let row: Option<(i64,)> = sqlx::query_as("SELECT id FROM users WHERE username = $1 AND active = 1")
        .bind(username.trim())
        .fetch_optional(conn)
        .await?;
    Ok(row.map(|(id,)| id))
}
