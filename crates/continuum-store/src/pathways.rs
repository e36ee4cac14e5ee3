//! Care pathways: the current state of each, and the log of transitions.

use crate::{Conn, Page, StoreResult};

/// A pathway's current state, as written after each transition.
#[derive(Debug, Clone)]
pub struct PathwayState<'a> {
    /// The site responsible.
    pub site_id: i64,
    /// State code.
    pub state: &'a str,
    /// The stage a declined person returns to.
    pub returns_to: Option<&'a str>,
    /// The reason of a closed pathway.
    pub closing_reason: Option<&'a str>,
}

/// One transition to log.
#[derive(Debug, Clone)]
pub struct NewTransition<'a> {
    /// State code before (none for the opening signal).
    pub from_state: Option<&'a str>,
    /// State code after.
    pub to_state: &'a str,
    /// Command code.
    pub command: &'a str,
    /// The command's details (`key=value` pairs).
    pub detail: &'a str,
    /// The site responsible after the step.
    pub site_id: i64,
    /// Who recorded it.
    pub who: Option<i64>,
    /// When it happened.
    pub at: &'a str,
    /// Why.
    pub why: Option<&'a str>,
}

/// Opens a pathway for a person with its first transition; the person waits
/// for a screening since `waiting_since` (`YYYY-MM-DD`, the day of entry or
/// of the signal).
pub async fn open(
    conn: &mut Conn,
    person_id: i64,
    state: &PathwayState<'_>,
    waiting_since: &str,
    first: &NewTransition<'_>,
) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO pathways (person_id, site_id, state, returns_to, closing_reason, opened_at, updated_at, \
         waiting_since) VALUES ($1, $2, $3, $4, $5, $6, $6, $7) RETURNING id",
    )
    .bind(person_id)
    .bind(state.site_id)
    .bind(state.state)
    .bind(state.returns_to)
    .bind(state.closing_reason)
    .bind(first.at)
    .bind(waiting_since)
    .fetch_one(&mut *conn)
    .await?;
    log(conn, id, 1, first).await?;
    Ok(id)
}

async fn log(conn: &mut Conn, pathway_id: i64, seq: i64, t: &NewTransition<'_>) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO pathway_transitions (pathway_id, seq, from_state, to_state, command, detail, site_id, who, at, why) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(pathway_id)
    .bind(seq)
    .bind(t.from_state)
    .bind(t.to_state)
    .bind(t.command)
    .bind(t.detail)
    .bind(t.site_id)
    .bind(t.who)
    .bind(t.at)
    .bind(t.why)
    .execute(conn)
    .await?;
    Ok(())
}

/// A line of a site's worklist.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct WorklistRow {
    /// The person.
    pub person_id: i64,
    /// Family name(s).
    pub family_name: String,
    /// Given name(s).
    pub given_names: String,
    /// Prison number of the current episode.
    pub prison_number: Option<String>,
    /// Entry date of the current episode.
    pub entry_date: Option<String>,
    /// The pathway's state code.
    pub state: String,
    /// The day the wait for a screening began (`YYYY-MM-DD`).
    pub waiting_since: Option<String>,
}

/// The pathways waiting for a screening, as the partial index
/// `pathways_awaiting_screening` (migrations 0008 and 0009) names them: in a
/// waiting state and not superseded by a merge. A query must say exactly
/// this for the index to serve it.
pub const AWAITING_SCREENING_SQL: &str =
    "w.state IN ('signalled', 'screening_offered') AND w.superseded_by_merge IS NULL";

/// People at a site waiting for a screening, the longest waiting first, and
/// how many in all, up to [`crate::people::COUNT_LIMIT`] + 1; with
/// `waiting_before` (`YYYY-MM-DD`), only those waiting since before that day.
pub async fn awaiting_screening(
    conn: &mut Conn,
    site_id: i64,
    waiting_before: Option<&str>,
    page: Page,
) -> StoreResult<(Vec<WorklistRow>, i64)> {
    let filter = format!(
        "w.site_id = $1 AND {AWAITING_SCREENING_SQL}{}",
        if waiting_before.is_some() { " AND w.waiting_since < $2" } else { "" }
    );
    let sql = format!(
        "SELECT p.id AS person_id, p.family_name, p.given_names, e.prison_number, e.entry_date, w.state, \
         w.waiting_since FROM pathways w JOIN people p ON p.id = w.person_id \
         LEFT JOIN detention_episodes e ON e.id = p.current_episode_id \
         WHERE {filter} ORDER BY w.waiting_since, w.person_id LIMIT {} OFFSET {}",
        page.limit, page.offset
    );
    let mut query = sqlx::query_as(&sql).bind(site_id);
    if let Some(day) = waiting_before {
        query = query.bind(day);
    }
    let rows = query.fetch_all(&mut *conn).await?;
    let count_sql = format!(
        "SELECT COUNT(*) FROM (SELECT w.person_id FROM pathways w WHERE {filter} LIMIT {}) waiting",
        crate::people::COUNT_LIMIT + 1
    );
    let mut count = sqlx::query_as::<_, (i64,)>(&count_sql).bind(site_id);
    if let Some(day) = waiting_before {
        count = count.bind(day);
    }
    let (total,) = count.fetch_one(conn).await?;
    Ok((rows, total))
}

/// A pathway that has waited in one state since a day.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct WaitingRow {
    /// The person.
    pub person_id: i64,
    /// Family name(s).
    pub family_name: String,
    /// Given name(s).
    pub given_names: String,
    /// Prison number of the current episode.
    pub prison_number: Option<String>,
    /// When the pathway reached its state (an instant).
    pub since: String,
}

/// People at a site whose current pathway (not superseded by a merge) is in
/// `state`, the longest waiting first (at most `limit`).
pub async fn waiting_in_state(conn: &mut Conn, site_id: i64, state: &str, limit: i64) -> StoreResult<Vec<WaitingRow>> {
    let sql = format!(
        "SELECT p.id AS person_id, p.family_name, p.given_names, e.prison_number, w.updated_at AS since \
         FROM pathways w JOIN people p ON p.id = w.person_id \
         LEFT JOIN detention_episodes e ON e.id = p.current_episode_id \
         WHERE w.site_id = $1 AND w.state = $2 AND w.superseded_by_merge IS NULL ORDER BY w.updated_at, w.person_id LIMIT {limit}"
    );
    Ok(sqlx::query_as(&sql).bind(site_id).bind(state).fetch_all(conn).await?)
}

/// A stored transition.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TransitionRow {
    /// Order in the pathway, from 1.
    pub seq: i64,
    /// State code before.
    pub from_state: Option<String>,
    /// State code after.
    pub to_state: String,
    /// Command code.
    pub command: String,
    /// Command details.
    pub detail: String,
    /// Site after the step.
    pub site_id: i64,
    /// Who.
    pub who: Option<i64>,
    /// When.
    pub at: String,
    /// Why.
    pub why: Option<String>,
}

/// A stored pathway's state columns.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PathwayRow {
    /// Id.
    pub id: i64,
    /// Site.
    pub site_id: i64,
    /// State code.
    pub state: String,
    /// Stage a declined person returns to.
    pub returns_to: Option<String>,
    /// Reason of a closed pathway.
    pub closing_reason: Option<String>,
}

/// The person's current pathway (the most recent one not superseded by a
/// merge) and its transitions in order.
pub async fn latest_for_person(
    conn: &mut Conn,
    person_id: i64,
) -> StoreResult<Option<(PathwayRow, Vec<TransitionRow>)>> {
    let row: Option<PathwayRow> = sqlx::query_as(
        "SELECT id, site_id, state, returns_to, closing_reason FROM pathways WHERE person_id = $1 \
         AND superseded_by_merge IS NULL ORDER BY id DESC LIMIT 1",
    )
    .bind(person_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let transitions = sqlx::query_as(
        "SELECT seq, from_state, to_state, command, detail, site_id, who, at, why FROM pathway_transitions \
         WHERE pathway_id = $1 ORDER BY seq",
    )
    .bind(row.id)
    .fetch_all(conn)
    .await?;
    Ok(Some((row, transitions)))
}

/// Restarts the wait for a screening of a reopened pathway at `since`
/// (`YYYY-MM-DD`): the worklist counts from the signal that reopened it, not
/// from the first entry.
pub async fn restart_waiting(conn: &mut Conn, pathway_id: i64, since: &str) -> StoreResult<()> {
    sqlx::query("UPDATE pathways SET waiting_since = $1 WHERE id = $2")
        .bind(since)
        .bind(pathway_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Appends a transition as step `seq` and writes the new state.
pub async fn append(
    conn: &mut Conn,
    pathway_id: i64,
    seq: i64,
    state: &PathwayState<'_>,
    transition: &NewTransition<'_>,
) -> StoreResult<()> {
    sqlx::query(
        "UPDATE pathways SET site_id = $1, state = $2, returns_to = $3, closing_reason = $4, updated_at = $5, \
         version = version + 1 WHERE id = $6",
    )
    .bind(state.site_id)
    .bind(state.state)
    .bind(state.returns_to)
    .bind(state.closing_reason)
    .bind(transition.at)
    .bind(pathway_id)
    .execute(&mut *conn)
    .await?;
    log(conn, pathway_id, seq, transition).await
}
