//! Care plans: one per pathway, every version whole (its dates, goals and
//! interventions), and the version number that optimistic concurrency
//! checks.

use crate::{Conn, StoreResult};

/// A plan and its current dates.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PlanRow {
    /// Id.
    pub id: i64,
    /// The pathway it belongs to.
    pub pathway_id: i64,
    /// The person (through the pathway).
    pub person_id: i64,
    /// The person's current site (the target of access checks).
    pub person_site_id: i64,
    /// The site where it was made.
    pub site_id: i64,
    /// The current version.
    pub version: i64,
    /// The current version's plan date.
    pub plan_date: String,
    /// The next review.
    pub review_date: String,
    /// When it was made.
    pub created_at: String,
    /// When it last changed.
    pub updated_at: String,
}

const PLAN: &str = "SELECT c.id, c.pathway_id, w.person_id, p.site_id AS person_site_id, c.site_id, c.version, \
     c.plan_date, c.review_date, c.created_at, c.updated_at FROM care_plans c \
     JOIN pathways w ON w.id = c.pathway_id JOIN people p ON p.id = w.person_id";

/// A version of a plan: who saved it, when, where and why.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PlanVersionRow {
    /// Id.
    pub id: i64,
    /// The plan.
    pub plan_id: i64,
    /// Its number, from 1.
    pub version: i64,
    /// `created`, `revised` or `reviewed`.
    pub change: String,
    /// The plan's date in this version.
    pub plan_date: String,
    /// The review date in this version.
    pub review_date: String,
    /// The note on the version.
    pub note: String,
    /// The site's code where it was saved.
    pub site_code: String,
    /// Who saved it (username).
    pub changed_by: Option<String>,
    /// When (UTC).
    pub changed_at: String,
}

const VERSION: &str = "SELECT v.id, v.plan_id, v.version, v.change, v.plan_date, v.review_date, v.note, \
     s.code AS site_code, u.username AS changed_by, v.changed_at FROM care_plan_versions v \
     JOIN sites s ON s.id = v.site_id LEFT JOIN users u ON u.id = v.changed_by";

/// A goal of a version.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct GoalRow {
    /// The version.
    pub plan_version_id: i64,
    /// Stable key.
    pub item_key: String,
    /// The goal.
    pub description: String,
    /// Status code.
    pub status: String,
    /// Target date.
    pub target_date: Option<String>,
}

/// An intervention of a version.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct InterventionRow {
    /// The version.
    pub plan_version_id: i64,
    /// Stable key.
    pub item_key: String,
    /// Kind code.
    pub kind: String,
    /// What.
    pub description: String,
    /// Who.
    pub responsible: String,
    /// From when.
    pub starts_on: String,
    /// Status code.
    pub status: String,
}

/// A goal to write.
#[derive(Debug, Clone)]
pub struct NewGoal<'a> {
    /// Stable key.
    pub item_key: &'a str,
    /// The goal.
    pub description: &'a str,
    /// Status code.
    pub status: &'a str,
    /// Target date.
    pub target_date: Option<String>,
}

/// An intervention to write.
#[derive(Debug, Clone)]
pub struct NewIntervention<'a> {
    /// Stable key.
    pub item_key: &'a str,
    /// Kind code.
    pub kind: &'a str,
    /// What.
    pub description: &'a str,
    /// Who.
    pub responsible: &'a str,
    /// From when.
    pub starts_on: String,
    /// Status code.
    pub status: &'a str,
}

/// A version to write.
#[derive(Debug, Clone)]
pub struct NewVersion<'a> {
    /// `created`, `revised` or `reviewed`.
    pub change: &'a str,
    /// `YYYY-MM-DD`.
    pub plan_date: &'a str,
    /// `YYYY-MM-DD`.
    pub review_date: &'a str,
    /// Note.
    pub note: &'a str,
    /// Where it is saved.
    pub site_id: i64,
    /// Who saves it.
    pub changed_by: Option<i64>,
    /// When.
    pub changed_at: &'a str,
    /// The goals, in order.
    pub goals: &'a [NewGoal<'a>],
    /// The interventions, in order.
    pub interventions: &'a [NewIntervention<'a>],
}

/// Makes the plan of a pathway with its first version; a pathway that has
/// one already is a unique violation.
pub async fn create(conn: &mut Conn, pathway_id: i64, first: &NewVersion<'_>) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO care_plans (pathway_id, site_id, version, plan_date, review_date, created_at, updated_at) \
         VALUES ($1, $2, 1, $3, $4, $5, $5) RETURNING id",
    )
    .bind(pathway_id)
    .bind(first.site_id)
    .bind(first.plan_date)
    .bind(first.review_date)
    .bind(first.changed_at)
    .fetch_one(&mut *conn)
    .await?;
    insert_version(conn, id, 1, first).await?;
    Ok(id)
}

/// Saves a new version if the plan is still at `expected` (optimistic
/// concurrency); answers the new version's number, or `None` when someone
/// saved another version meanwhile.
pub async fn revise(conn: &mut Conn, id: i64, expected: i64, next: &NewVersion<'_>) -> StoreResult<Option<i64>> {
    let done = sqlx::query(
        "UPDATE care_plans SET version = version + 1, plan_date = $1, review_date = $2, updated_at = $3 \
         WHERE id = $4 AND version = $5",
    )
    .bind(next.plan_date)
    .bind(next.review_date)
    .bind(next.changed_at)
    .bind(id)
    .bind(expected)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(None);
    }
    insert_version(conn, id, expected + 1, next).await?;
    Ok(Some(expected + 1))
}

async fn insert_version(conn: &mut Conn, plan_id: i64, version: i64, new: &NewVersion<'_>) -> StoreResult<()> {
    let (version_id,): (i64,) = sqlx::query_as(
        "INSERT INTO care_plan_versions (plan_id, version, change, plan_date, review_date, note, site_id, \
         changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(plan_id)
    .bind(version)
    .bind(new.change)
    .bind(new.plan_date)
    .bind(new.review_date)
    .bind(new.note)
    .bind(new.site_id)
    .bind(new.changed_by)
    .bind(new.changed_at)
    .fetch_one(&mut *conn)
    .await?;
    for (ordinal, goal) in (1_i64..).zip(new.goals) {
        sqlx::query(
            "INSERT INTO care_plan_goals (plan_version_id, ordinal, item_key, description, status, target_date) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(version_id)
        .bind(ordinal)
        .bind(goal.item_key)
        .bind(goal.description)
        .bind(goal.status)
        .bind(goal.target_date.as_deref())
        .execute(&mut *conn)
        .await?;
    }
    for (ordinal, item) in (1_i64..).zip(new.interventions) {
        sqlx::query(
            "INSERT INTO care_plan_interventions (plan_version_id, ordinal, item_key, kind, description, \
             responsible, starts_on, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(version_id)
        .bind(ordinal)
        .bind(item.item_key)
        .bind(item.kind)
        .bind(item.description)
        .bind(item.responsible)
        .bind(&item.starts_on)
        .bind(item.status)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// One plan.
pub async fn get(conn: &mut Conn, id: i64) -> StoreResult<Option<PlanRow>> {
    Ok(sqlx::query_as(&format!("{PLAN} WHERE c.id = $1")).bind(id).fetch_optional(conn).await?)
}

/// The plan of a pathway, if it has one.
pub async fn of_pathway(conn: &mut Conn, pathway_id: i64) -> StoreResult<Option<PlanRow>> {
    Ok(sqlx::query_as(&format!("{PLAN} WHERE c.pathway_id = $1")).bind(pathway_id).fetch_optional(conn).await?)
}

/// Every plan of a person (of all their pathways), the newest first.
pub async fn of_person(conn: &mut Conn, person_id: i64) -> StoreResult<Vec<PlanRow>> {
    Ok(sqlx::query_as(&format!("{PLAN} WHERE w.person_id = $1 ORDER BY c.id DESC"))
        .bind(person_id)
        .fetch_all(conn)
        .await?)
}

/// Every version of a plan, the oldest first.
pub async fn versions(conn: &mut Conn, plan_id: i64) -> StoreResult<Vec<PlanVersionRow>> {
    Ok(sqlx::query_as(&format!("{VERSION} WHERE v.plan_id = $1 ORDER BY v.version"))
        .bind(plan_id)
        .fetch_all(conn)
        .await?)
}

/// The goals and interventions of every version of a plan, in order.
pub async fn items(conn: &mut Conn, plan_id: i64) -> StoreResult<(Vec<GoalRow>, Vec<InterventionRow>)> {
    let goals = sqlx::query_as(
        "SELECT g.plan_version_id, g.item_key, g.description, g.status, g.target_date FROM care_plan_goals g \
         JOIN care_plan_versions v ON v.id = g.plan_version_id WHERE v.plan_id = $1 ORDER BY v.version, g.ordinal",
    )
    .bind(plan_id)
    .fetch_all(&mut *conn)
    .await?;
    let interventions = sqlx::query_as(
        "SELECT i.plan_version_id, i.item_key, i.kind, i.description, i.responsible, i.starts_on, i.status \
         FROM care_plan_interventions i JOIN care_plan_versions v ON v.id = i.plan_version_id \
         WHERE v.plan_id = $1 ORDER BY v.version, i.ordinal",
    )
    .bind(plan_id)
    .fetch_all(conn)
    .await?;
    Ok((goals, interventions))
}

/// A plan whose review is due.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ReviewDueRow {
    /// The plan.
    pub plan_id: i64,
    /// The person.
    pub person_id: i64,
    /// Family name(s).
    pub family_name: String,
    /// Given name(s).
    pub given_names: String,
    /// Prison number of the current episode.
    pub prison_number: Option<String>,
    /// The review date.
    pub review_date: String,
}

/// The plans of the current pathways at a site that are in care (or
/// planning release), not superseded by a merge, whose review falls on or
/// before `due_by` (`YYYY-MM-DD`): the earliest first, at most `limit`.
pub async fn reviews_due(conn: &mut Conn, site_id: i64, due_by: &str, limit: i64) -> StoreResult<Vec<ReviewDueRow>> {
    let sql = format!(
        "SELECT c.id AS plan_id, p.id AS person_id, p.family_name, p.given_names, e.prison_number, c.review_date \
         FROM care_plans c JOIN pathways w ON w.id = c.pathway_id JOIN people p ON p.id = w.person_id \
         LEFT JOIN detention_episodes e ON e.id = p.current_episode_id \
         WHERE w.site_id = $1 AND w.state IN ('in_care', 'release_planning') AND w.superseded_by_merge IS NULL \
         AND c.review_date <= $2 ORDER BY c.review_date, p.id LIMIT {limit}"
    );
    Ok(sqlx::query_as(&sql).bind(site_id).bind(due_by).fetch_all(conn).await?)
}
