//! Release plans (their checklists), the releases of people in care as the
//! pathway records them, and the follow-up contacts due after each release
//! (migration 0014; the rules are `continuum_domain::release`'s).

use crate::caseload::CASELOAD_SQL;
use crate::{Conn, StoreResult};

/// A release plan as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PlanRow {
    /// Id.
    pub id: i64,
    /// The pathway.
    pub pathway_id: i64,
    /// The outside service, from the reference data.
    pub service_organisation_id: Option<i64>,
    /// That organisation's name.
    pub service_organisation_name: Option<String>,
    /// The outside service, by name, when not in the reference data.
    pub service_name: Option<String>,
    /// First appointment day (`YYYY-MM-DD`).
    pub appointment_date: Option<String>,
    /// First appointment place.
    pub appointment_place: Option<String>,
    /// `OatBridging` code.
    pub oat_bridging: Option<String>,
    /// `Naloxone` code.
    pub naloxone: Option<String>,
    /// `Housing` code.
    pub housing: Option<String>,
    /// `HealthInsurance` code.
    pub health_insurance: Option<String>,
    /// `agrees` or `declines`.
    pub contact: Option<String>,
    /// `ContactChannel` code.
    pub contact_channel: Option<String>,
    /// Number or address.
    pub contact_detail: Option<String>,
    /// Version, raised by every save.
    pub version: i64,
    /// First saved (the plan is made).
    pub created_at: String,
    /// By whom (username).
    pub created_by: Option<String>,
    /// Last saved.
    pub updated_at: String,
    /// By whom (username).
    pub updated_by: Option<String>,
    /// When the release (or a closing) ended it.
    pub closed_at: Option<String>,
}

const PLAN_COLUMNS: &str = "r.id, r.pathway_id, r.service_organisation_id, o.name AS service_organisation_name, \
     r.service_name, r.appointment_date, r.appointment_place, r.oat_bridging, r.naloxone, r.housing, \
     r.health_insurance, r.contact, r.contact_channel, r.contact_detail, r.version, r.created_at, \
     c.username AS created_by, r.updated_at, u.username AS updated_by, r.closed_at";

const PLAN_FROM: &str = "FROM release_plans r LEFT JOIN organisations o ON o.id = r.service_organisation_id \
     LEFT JOIN users c ON c.id = r.created_by LEFT JOIN users u ON u.id = r.updated_by";

/// The checklist's answers to write, as codes.
#[derive(Debug, Clone, Default)]
pub struct PlanFields<'a> {
    /// Organisation id of the outside service.
    pub service_organisation_id: Option<i64>,
    /// Name of an outside service not in the reference data.
    pub service_name: Option<&'a str>,
    /// First appointment day.
    pub appointment_date: Option<&'a str>,
    /// First appointment place.
    pub appointment_place: Option<&'a str>,
    /// Codes of the other answers.
    pub oat_bridging: Option<&'a str>,
    /// See [`PlanRow::naloxone`].
    pub naloxone: Option<&'a str>,
    /// See [`PlanRow::housing`].
    pub housing: Option<&'a str>,
    /// See [`PlanRow::health_insurance`].
    pub health_insurance: Option<&'a str>,
    /// See [`PlanRow::contact`].
    pub contact: Option<&'a str>,
    /// See [`PlanRow::contact_channel`].
    pub contact_channel: Option<&'a str>,
    /// See [`PlanRow::contact_detail`].
    pub contact_detail: Option<&'a str>,
}

/// The open plan of a pathway (at most one).
pub async fn open_plan(conn: &mut Conn, pathway_id: i64) -> StoreResult<Option<PlanRow>> {
    let sql = format!("SELECT {PLAN_COLUMNS} {PLAN_FROM} WHERE r.pathway_id = $1 AND r.closed_at IS NULL");
    Ok(sqlx::query_as(&sql).bind(pathway_id).fetch_optional(conn).await?)
}

/// A plan by id.
pub async fn plan(conn: &mut Conn, id: i64) -> StoreResult<Option<PlanRow>> {
    let sql = format!("SELECT {PLAN_COLUMNS} {PLAN_FROM} WHERE r.id = $1");
    Ok(sqlx::query_as(&sql).bind(id).fetch_optional(conn).await?)
}

/// Makes a plan for the pathway with its first answers; a second open plan
/// of the same pathway is refused by the unique index `release_plans_open`.
pub async fn insert_plan(
    conn: &mut Conn,
    pathway_id: i64,
    fields: &PlanFields<'_>,
    at: &str,
    by: Option<i64>,
) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO release_plans (pathway_id, service_organisation_id, service_name, appointment_date, \
         appointment_place, oat_bridging, naloxone, housing, health_insurance, contact, contact_channel, \
         contact_detail, created_at, created_by, updated_at, updated_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $13, $14) RETURNING id",
    )
    .bind(pathway_id)
    .bind(fields.service_organisation_id)
    .bind(fields.service_name)
    .bind(fields.appointment_date)
    .bind(fields.appointment_place)
    .bind(fields.oat_bridging)
    .bind(fields.naloxone)
    .bind(fields.housing)
    .bind(fields.health_insurance)
    .bind(fields.contact)
    .bind(fields.contact_channel)
    .bind(fields.contact_detail)
    .bind(at)
    .bind(by)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// Saves an open plan's answers if it is still at `version`; `false` when
/// someone saved it meanwhile (or it was closed).
pub async fn update_plan(
    conn: &mut Conn,
    id: i64,
    version: i64,
    fields: &PlanFields<'_>,
    at: &str,
    by: Option<i64>,
) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE release_plans SET service_organisation_id = $1, service_name = $2, appointment_date = $3, \
         appointment_place = $4, oat_bridging = $5, naloxone = $6, housing = $7, health_insurance = $8, \
         contact = $9, contact_channel = $10, contact_detail = $11, updated_at = $12, updated_by = $13, \
         version = version + 1 WHERE id = $14 AND version = $15 AND closed_at IS NULL",
    )
    .bind(fields.service_organisation_id)
    .bind(fields.service_name)
    .bind(fields.appointment_date)
    .bind(fields.appointment_place)
    .bind(fields.oat_bridging)
    .bind(fields.naloxone)
    .bind(fields.housing)
    .bind(fields.health_insurance)
    .bind(fields.contact)
    .bind(fields.contact_channel)
    .bind(fields.contact_detail)
    .bind(at)
    .bind(by)
    .bind(id)
    .bind(version)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Ends the pathway's open plan, if any; answers its id.
pub async fn close_open_plan(conn: &mut Conn, pathway_id: i64, at: &str) -> StoreResult<Option<i64>> {
    let id: Option<(i64,)> = sqlx::query_as("SELECT id FROM release_plans WHERE pathway_id = $1 AND closed_at IS NULL")
        .bind(pathway_id)
        .fetch_optional(&mut *conn)
        .await?;
    let Some((id,)) = id else {
        return Ok(None);
    };
    sqlx::query("UPDATE release_plans SET closed_at = $1 WHERE id = $2").bind(at).bind(id).execute(conn).await?;
    Ok(Some(id))
}

/// A release as the pathway records it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ReleaseRow {
    /// Id.
    pub id: i64,
    /// The pathway.
    pub pathway_id: i64,
    /// The episode the release ended.
    pub episode_id: i64,
    /// The prison released from.
    pub site_id: i64,
    /// `YYYY-MM-DD`.
    pub release_date: String,
    /// Whether the team follows the person up.
    #[sqlx(try_from = "crate::Flag")]
    pub with_follow_up: bool,
    /// The plan it ended, if one was made.
    pub plan_id: Option<i64>,
    /// Checklist item codes missing at release, comma-separated.
    pub missing_items: String,
    /// When recorded.
    pub recorded_at: String,
    /// By whom (username).
    pub recorded_by: Option<String>,
}

/// A release to record.
#[derive(Debug, Clone)]
pub struct NewRelease<'a> {
    /// The pathway.
    pub pathway_id: i64,
    /// The episode ended.
    pub episode_id: i64,
    /// The prison.
    pub site_id: i64,
    /// `YYYY-MM-DD`.
    pub release_date: &'a str,
    /// Followed up or not.
    pub with_follow_up: bool,
    /// The plan ended, if any.
    pub plan_id: Option<i64>,
    /// Missing checklist item codes, comma-separated.
    pub missing_items: &'a str,
}

/// Records a release, and the follow-up contacts `due` (days after release,
/// due day) it calls for; answers its id.
pub async fn insert_release(
    conn: &mut Conn,
    release: &NewRelease<'_>,
    due: &[(i64, String)],
    at: &str,
    by: Option<i64>,
) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO pathway_releases (pathway_id, episode_id, site_id, release_date, with_follow_up, plan_id, \
         missing_items, recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(release.pathway_id)
    .bind(release.episode_id)
    .bind(release.site_id)
    .bind(release.release_date)
    .bind(i64::from(release.with_follow_up))
    .bind(release.plan_id)
    .bind(release.missing_items)
    .bind(at)
    .bind(by)
    .fetch_one(&mut *conn)
    .await?;
    for (days, day) in due {
        sqlx::query(
            "INSERT INTO follow_up_contacts (release_id, pathway_id, due_days, due_date) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(release.pathway_id)
        .bind(*days)
        .bind(day)
        .execute(&mut *conn)
        .await?;
    }
    Ok(id)
}

/// The releases of a pathway, the newest first.
pub async fn releases(conn: &mut Conn, pathway_id: i64) -> StoreResult<Vec<ReleaseRow>> {
    Ok(sqlx::query_as(
        "SELECT r.id, r.pathway_id, r.episode_id, r.site_id, r.release_date, r.with_follow_up, r.plan_id, \
         r.missing_items, r.recorded_at, u.username AS recorded_by FROM pathway_releases r \
         LEFT JOIN users u ON u.id = r.recorded_by WHERE r.pathway_id = $1 ORDER BY r.id DESC",
    )
    .bind(pathway_id)
    .fetch_all(conn)
    .await?)
}

/// A pathway due for release planning.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DueRow {
    /// The person.
    pub person_id: i64,
    /// Their pathway.
    pub pathway_id: i64,
    /// Their expected release.
    pub expected_release: String,
}

/// The pathways at a site at `intake` or `in care` whose person is still
/// inside and expected to be released on or before `horizon`.
pub async fn due_for_planning(conn: &mut Conn, site_id: i64, horizon: &str) -> StoreResult<Vec<DueRow>> {
    let sql = format!(
        "SELECT w.person_id, w.id AS pathway_id, e.expected_release FROM pathways w \
         JOIN people p ON p.id = w.person_id JOIN detention_episodes e ON e.id = p.current_episode_id \
         WHERE w.site_id = $1 AND {CASELOAD_SQL} AND w.state IN ('intake', 'in_care') \
         AND e.release_date IS NULL AND e.expected_release <= $2 ORDER BY w.id"
    );
    Ok(sqlx::query_as(&sql).bind(site_id).bind(horizon).fetch_all(conn).await?)
}

/// An outside service to choose: an active organisation that is not a prison.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ServiceRow {
    /// Organisation id.
    pub id: i64,
    /// Its name.
    pub name: String,
}

/// The outside services to choose from, by name.
pub async fn services(conn: &mut Conn) -> StoreResult<Vec<ServiceRow>> {
    Ok(sqlx::query_as("SELECT id, name FROM organisations WHERE active = 1 AND kind <> 'prison' ORDER BY name, id")
        .fetch_all(conn)
        .await?)
}
