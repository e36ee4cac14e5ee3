//! The caseload of a site or of one care worker (issue 5, item 8): its
//! pathways by state, a page of them in the order asked, and its alerts.
//! Each is one query on the partial indexes of migration 0014, never one
//! query per row.

use crate::{Conn, Page, StoreResult};

/// The pathways of the caseload, as the partial indexes `pathways_caseload_*`
/// (migration 0014) name them: past the wait for a screening, not closed, not
/// superseded by a merge. A query must say exactly this for the indexes to
/// serve it (a test checks the states are the domain's).
pub const CASELOAD_SQL: &str = "w.state IN ('intake_proposed', 'intake', 'in_care', 'release_planning', \
     'released_in_follow_up', 'declined') AND w.superseded_by_merge IS NULL";

/// Whose pathways.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkerFilter {
    /// Everyone's at the site.
    Anyone,
    /// Those this user is responsible for.
    User(i64),
    /// Those nobody is responsible for.
    Nobody,
}

impl WorkerFilter {
    /// The condition on `w.responsible_user_id`, with its parameter numbered `n`.
    fn condition(self, n: usize) -> String {
        match self {
            WorkerFilter::Anyone => String::new(),
            WorkerFilter::User(_) => format!(" AND w.responsible_user_id = ${n}"),
            WorkerFilter::Nobody => " AND w.responsible_user_id IS NULL".to_owned(),
        }
    }

    /// The parameter of the condition, if any.
    fn user(self) -> Option<i64> {
        match self {
            WorkerFilter::User(id) => Some(id),
            _ => None,
        }
    }
}

/// How many pathways of the caseload are in each state (state code, count).
pub async fn counts(conn: &mut Conn, site_id: i64, worker: WorkerFilter) -> StoreResult<Vec<(String, i64)>> {
    let sql = format!(
        "SELECT w.state, COUNT(*) FROM pathways w WHERE w.site_id = $1 AND {CASELOAD_SQL}{} GROUP BY w.state",
        worker.condition(2)
    );
    let mut query = sqlx::query_as(&sql).bind(site_id);
    if let Some(user) = worker.user() {
        query = query.bind(user);
    }
    Ok(query.fetch_all(conn).await?)
}

/// The order of the caseload's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseloadOrder {
    /// By name.
    Name,
    /// By state, then name.
    State,
    /// By when the pathway last moved.
    Since,
    /// By expected release (unknown last), then name.
    ExpectedRelease,
}

/// What the caseload's list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseloadQuery<'a> {
    /// The site.
    pub site_id: i64,
    /// Whose pathways.
    pub worker: WorkerFilter,
    /// Only this state code.
    pub state: Option<&'a str>,
    /// The order.
    pub order: CaseloadOrder,
    /// Reversed.
    pub descending: bool,
    /// Only the pathways whose care-plan review falls on or before this day
    /// (`YYYY-MM-DD`; see [`REVIEW_DUE_SQL`]).
    pub review_due_by: Option<&'a str>,
}

/// A pathway whose care plan is to be reviewed by the day bound to `${n}`:
/// in care or planning release (as the worklist's reviews), its plan's
/// review date on or before that day. `care_plans.pathway_id` is unique
/// and indexed, so this is one index probe per pathway of the site.
fn review_due_condition(n: usize) -> String {
    format!(
        " AND w.state IN ('in_care', 'release_planning') AND EXISTS (SELECT 1 FROM care_plans c \
         WHERE c.pathway_id = w.id AND c.review_date <= ${n})"
    )
}

/// How many pathways of the caseload (of `worker`, in `state` if given)
/// have a care-plan review due by `due_by`.
pub async fn reviews_due_count(
    conn: &mut Conn,
    site_id: i64,
    worker: WorkerFilter,
    state: Option<&str>,
    due_by: &str,
) -> StoreResult<i64> {
    let mut n = 2;
    let mut conditions = review_due_condition(n);
    if worker.user().is_some() {
        n += 1;
    }
    conditions.push_str(&worker.condition(n));
    if state.is_some() {
        n += 1;
        conditions.push_str(&format!(" AND w.state = ${n}"));
    }
    let sql = format!("SELECT COUNT(*) FROM pathways w WHERE w.site_id = $1 AND {CASELOAD_SQL}{conditions}");
    let mut query = sqlx::query_scalar(&sql).bind(site_id).bind(due_by);
    if let Some(user) = worker.user() {
        query = query.bind(user);
    }
    if let Some(state) = state {
        query = query.bind(state);
    }
    Ok(query.fetch_one(conn).await?)
}

/// The pathways of the caseload whose care-plan review is due by `due_by`,
/// the earliest review first (at most `limit`); the day is the review date.
pub async fn reviews_due(
    conn: &mut Conn,
    site_id: i64,
    worker: WorkerFilter,
    due_by: &str,
    limit: i64,
) -> StoreResult<Vec<AlertRow>> {
    let sql = format!(
        "SELECT p.id AS person_id, p.family_name, p.given_names, e.prison_number, u.display_name AS responsible, \
         c.review_date AS day, 0 AS due_days FROM pathways w JOIN care_plans c ON c.pathway_id = w.id \
         JOIN people p ON p.id = w.person_id LEFT JOIN detention_episodes e ON e.id = p.current_episode_id \
         LEFT JOIN users u ON u.id = w.responsible_user_id \
         WHERE w.site_id = $1 AND {CASELOAD_SQL} AND w.state IN ('in_care', 'release_planning'){} \
         AND c.review_date <= $2 ORDER BY c.review_date, p.id LIMIT {limit}",
        worker.condition(3)
    );
    let mut query = sqlx::query_as(&sql).bind(site_id).bind(due_by);
    if let Some(user) = worker.user() {
        query = query.bind(user);
    }
    Ok(query.fetch_all(conn).await?)
}

/// A pathway of the caseload.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct CaseloadRow {
    /// The person.
    pub person_id: i64,
    /// Family name(s).
    pub family_name: String,
    /// Given name(s).
    pub given_names: String,
    /// Prison number of the current episode.
    pub prison_number: Option<String>,
    /// The pathway's state code.
    pub state: String,
    /// The stage a declined person returns to.
    pub returns_to: Option<String>,
    /// When the pathway last moved (an instant).
    pub since: String,
    /// Expected release of the current episode.
    pub expected_release: Option<String>,
    /// Release date of the current episode.
    pub release_date: Option<String>,
    /// The responsible worker's display name.
    pub responsible: Option<String>,
    /// The earliest follow-up contact not recorded, if any.
    pub next_follow_up: Option<String>,
    /// Whether an open release plan exists.
    #[sqlx(try_from = "crate::Flag")]
    pub has_plan: bool,
    /// The next review of the pathway's care plan, if it has one.
    pub review_date: Option<String>,
}

/// One page of the caseload in the order asked.
pub async fn page(conn: &mut Conn, query: &CaseloadQuery<'_>, page: Page) -> StoreResult<Vec<CaseloadRow>> {
    let direction = if query.descending { "DESC" } else { "ASC" };
    let order = match query.order {
        CaseloadOrder::Name => format!("p.sort_name {direction}, p.id {direction}"),
        CaseloadOrder::State => format!("w.state {direction}, p.sort_name, p.id"),
        CaseloadOrder::Since => format!("w.updated_at {direction}, p.id {direction}"),
        CaseloadOrder::ExpectedRelease => {
            format!("e.expected_release IS NULL, e.expected_release {direction}, p.sort_name, p.id")
        }
    };
    let mut n = 1;
    let mut conditions = format!("w.site_id = ${n} AND {CASELOAD_SQL}");
    if query.worker.user().is_some() {
        n += 1;
    }
    conditions.push_str(&query.worker.condition(n));
    if query.state.is_some() {
        n += 1;
        conditions.push_str(&format!(" AND w.state = ${n}"));
    }
    if query.review_due_by.is_some() {
        n += 1;
        conditions.push_str(&review_due_condition(n));
    }
    let sql = format!(
        "SELECT p.id AS person_id, p.family_name, p.given_names, e.prison_number, w.state, w.returns_to, \
         w.updated_at AS since, e.expected_release, e.release_date, u.display_name AS responsible, \
         (SELECT MIN(f.due_date) FROM follow_up_contacts f WHERE f.pathway_id = w.id AND f.recorded_at IS NULL) \
         AS next_follow_up, \
         CASE WHEN EXISTS (SELECT 1 FROM release_plans r WHERE r.pathway_id = w.id AND r.closed_at IS NULL) \
         THEN 1 ELSE 0 END AS has_plan, \
         (SELECT c.review_date FROM care_plans c WHERE c.pathway_id = w.id) AS review_date \
         FROM pathways w JOIN people p ON p.id = w.person_id \
         LEFT JOIN detention_episodes e ON e.id = p.current_episode_id \
         LEFT JOIN users u ON u.id = w.responsible_user_id \
         WHERE {conditions} ORDER BY {order} LIMIT {} OFFSET {}",
        page.limit, page.offset
    );
    let mut rows = sqlx::query_as(&sql).bind(query.site_id);
    if let Some(user) = query.worker.user() {
        rows = rows.bind(user);
    }
    if let Some(state) = query.state {
        rows = rows.bind(state);
    }
    if let Some(due_by) = query.review_due_by {
        rows = rows.bind(due_by);
    }
    Ok(rows.fetch_all(conn).await?)
}

/// A line of an alert: who, and the day it is about.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AlertRow {
    /// The person.
    pub person_id: i64,
    /// Family name(s).
    pub family_name: String,
    /// Given name(s).
    pub given_names: String,
    /// Prison number of the current episode.
    pub prison_number: Option<String>,
    /// The responsible worker's display name.
    pub responsible: Option<String>,
    /// The day: the expected release, or the day a contact was due.
    pub day: String,
    /// For a follow-up contact: days after release (7 or 30); else 0.
    pub due_days: i64,
}

/// People in care at a site still inside, expected to be released from
/// `from` to `to` (`YYYY-MM-DD`), whose pathway has no open release plan,
/// the soonest first (at most `limit`).
pub async fn releases_without_plan(
    conn: &mut Conn,
    site_id: i64,
    worker: WorkerFilter,
    (from, to): (&str, &str),
    limit: i64,
) -> StoreResult<Vec<AlertRow>> {
    let sql = format!(
        "SELECT p.id AS person_id, p.family_name, p.given_names, e.prison_number, u.display_name AS responsible, \
         e.expected_release AS day, 0 AS due_days FROM detention_episodes e \
         JOIN people p ON p.id = e.person_id AND p.current_episode_id = e.id \
         JOIN pathways w ON w.person_id = p.id LEFT JOIN users u ON u.id = w.responsible_user_id \
         WHERE e.site_id = $1 AND e.release_date IS NULL AND e.expected_release >= $2 AND e.expected_release <= $3 \
         AND w.site_id = $1 AND {CASELOAD_SQL} AND w.state IN ('intake', 'in_care', 'release_planning'){} \
         AND NOT EXISTS (SELECT 1 FROM release_plans r WHERE r.pathway_id = w.id AND r.closed_at IS NULL) \
         ORDER BY e.expected_release, p.id LIMIT {limit}",
        worker.condition(4)
    );
    let mut query = sqlx::query_as(&sql).bind(site_id).bind(from).bind(to);
    if let Some(user) = worker.user() {
        query = query.bind(user);
    }
    Ok(query.fetch_all(conn).await?)
}

/// Follow-up contacts of pathways at a site still in follow-up that were
/// due before `today` and are not recorded, the longest overdue first (at
/// most `limit`).
pub async fn follow_ups_overdue(
    conn: &mut Conn,
    site_id: i64,
    worker: WorkerFilter,
    today: &str,
    limit: i64,
) -> StoreResult<Vec<AlertRow>> {
    let sql = format!(
        "SELECT p.id AS person_id, p.family_name, p.given_names, e.prison_number, u.display_name AS responsible, \
         f.due_date AS day, f.due_days FROM pathways w JOIN follow_up_contacts f ON f.pathway_id = w.id \
         JOIN people p ON p.id = w.person_id LEFT JOIN detention_episodes e ON e.id = p.current_episode_id \
         LEFT JOIN users u ON u.id = w.responsible_user_id \
         WHERE w.site_id = $1 AND {CASELOAD_SQL} AND w.state = 'released_in_follow_up'{} \
         AND f.recorded_at IS NULL AND f.due_date < $2 ORDER BY f.due_date, p.id LIMIT {limit}",
        worker.condition(3)
    );
    let mut query = sqlx::query_as(&sql).bind(site_id).bind(today);
    if let Some(user) = worker.user() {
        query = query.bind(user);
    }
    Ok(query.fetch_all(conn).await?)
}

/// People now at a site who were on opioid agonist treatment outside at
/// entry and had no prison prescription within the 24 hours that ended
/// before `now` (an instant as `format_instant` writes it), their
/// continuity still to record: the treatment is interrupted. The longest
/// interrupted first (at most `limit`). A person without a pathway in the
/// caseload counts as nobody's.
pub async fn oat_interrupted(
    conn: &mut Conn,
    site_id: i64,
    worker: WorkerFilter,
    now: &str,
    limit: i64,
) -> StoreResult<Vec<AlertRow>> {
    // `CROSS JOIN people` makes SQLite start from the few open declarations
    // (their partial index) rather than from every person of the site, which
    // it chose without table statistics (40 ms on the national bench
    // database); PostgreSQL plans it as an inner join.
    let sql = format!(
        "SELECT p.id AS person_id, p.family_name, p.given_names, e.prison_number, u.display_name AS responsible, \
         d.deadline AS day, 0 AS due_days FROM oat_declarations d CROSS JOIN people p \
         LEFT JOIN detention_episodes e ON e.id = p.current_episode_id \
         LEFT JOIN pathways w ON w.person_id = p.id AND w.site_id = p.site_id AND {CASELOAD_SQL} \
         LEFT JOIN users u ON u.id = w.responsible_user_id \
         WHERE p.id = d.person_id AND d.continuity_at IS NULL AND d.deadline < $2 AND p.site_id = $1 AND p.merged_into IS NULL{} \
         AND NOT EXISTS (SELECT 1 FROM oat_prescriptions r WHERE r.person_id = d.person_id \
         AND r.recorded_at >= d.counts_from AND r.recorded_at <= d.deadline) \
         ORDER BY d.deadline, d.id LIMIT {limit}",
        worker.condition(3)
    );
    let mut query = sqlx::query_as(&sql).bind(site_id).bind(now);
    if let Some(user) = worker.user() {
        query = query.bind(user);
    }
    Ok(query.fetch_all(conn).await?)
}
