//! A person's timeline: every event of their care, from every source, in
//! one ordered, paged list.
//!
//! Each source is one `SELECT` in [`SOURCES`] giving the same eight columns
//! for the person `$1`: `at` (a UTC instant, or a day for what happened on
//! a day without a time, which sorts before that day's instants), `kind`
//! (the source's code), `item_id` (the record to link to), `code` and
//! `detail` (short codes the adapters translate), `amount` (a number, such
//! as minutes), `text` (free text, clinical) and `by_user` (a username). A
//! new source (a medication record, a follow-up contact) is one more entry
//! here; the application and the pages translate its `kind`, `code` and
//! `detail` and link its `item_id`. Sources must read through the person's
//! pathways (or `person_id`), so that the rows a merge moves move with it.

use crate::{Conn, Page, StoreResult};

/// One source of timeline entries.
#[derive(Debug, Clone, Copy)]
pub struct TimelineSource {
    /// The code of its entries' `kind`.
    pub kind: &'static str,
    /// The `SELECT` of its entries for the person `$1`.
    pub select: &'static str,
}

/// Every source, in no particular order (the union is sorted).
pub const SOURCES: &[TimelineSource] = &[
    TimelineSource {
        kind: "transition",
        select: "SELECT t.at AS at, 'transition' AS kind, t.id AS item_id, t.command AS code, t.to_state AS detail, \
                 CAST(NULL AS BIGINT) AS amount, t.why AS text, u.username AS by_user FROM pathway_transitions t \
                 JOIN pathways w ON w.id = t.pathway_id LEFT JOIN users u ON u.id = t.who WHERE w.person_id = $1",
    },
    TimelineSource {
        kind: "screening",
        select: "SELECT COALESCE(s.completed_at, s.started_at), 'screening', s.id, s.instrument, \
                 CASE WHEN s.positive = 1 THEN 'positive' WHEN s.positive = 0 THEN 'negative' ELSE s.status END, \
                 CAST(NULL AS BIGINT), CAST(NULL AS TEXT), u.username FROM screenings s \
                 LEFT JOIN users u ON u.id = COALESCE(s.completed_by, s.started_by) WHERE s.person_id = $1",
    },
    TimelineSource {
        kind: "intake",
        select: "SELECT i.recorded_at, 'intake', i.id, i.primary_substance, \
                 CASE WHEN i.amends IS NULL THEN 'recorded' ELSE 'amended' END, CAST(NULL AS BIGINT), \
                 CAST(NULL AS TEXT), u.username FROM intakes i JOIN pathways w ON w.id = i.pathway_id \
                 LEFT JOIN users u ON u.id = i.recorded_by WHERE w.person_id = $1",
    },
    TimelineSource {
        kind: "care_plan",
        select: "SELECT v.changed_at, 'care_plan', v.plan_id, v.change, CAST(NULL AS TEXT), v.version, v.note, \
                 u.username FROM care_plan_versions v JOIN care_plans c ON c.id = v.plan_id \
                 JOIN pathways w ON w.id = c.pathway_id LEFT JOIN users u ON u.id = v.changed_by \
                 WHERE w.person_id = $1",
    },
    TimelineSource {
        kind: "contact",
        select: "SELECT c.held_on, 'contact', c.id, c.kind, \
                 CASE WHEN c.group_session_id IS NULL THEN c.attendance ELSE 'group_' || c.attendance END, \
                 c.duration_minutes, c.note, u.username FROM contacts c JOIN pathways w ON w.id = c.pathway_id \
                 LEFT JOIN users u ON u.id = c.recorded_by WHERE w.person_id = $1",
    },
];

/// One entry of a timeline.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TimelineRow {
    /// When: a UTC instant, or a day.
    pub at: String,
    /// The source's code.
    pub kind: String,
    /// The record.
    pub item_id: i64,
    /// A short code (the step, the instrument, the substance, the kind).
    pub code: Option<String>,
    /// Another short code (the state reached, the outcome).
    pub detail: Option<String>,
    /// A number (the version, the minutes).
    pub amount: Option<i64>,
    /// Free text (a reason, a note).
    pub text: Option<String>,
    /// Who (username).
    pub by_user: Option<String>,
}

fn union() -> String {
    SOURCES.iter().map(|s| s.select).collect::<Vec<_>>().join(" UNION ALL ")
}

/// A page of a person's timeline, the latest first (or the earliest first
/// with `oldest_first`), and how many entries there are.
pub async fn of_person(
    conn: &mut Conn,
    person_id: i64,
    oldest_first: bool,
    page: Page,
) -> StoreResult<(Vec<TimelineRow>, i64)> {
    let order = if oldest_first { "at, kind, item_id" } else { "at DESC, kind DESC, item_id DESC" };
    let sql = format!(
        "SELECT at, kind, item_id, code, detail, amount, text, by_user FROM ({}) timeline ORDER BY {order} \
         LIMIT {} OFFSET {}",
        union(),
        page.limit,
        page.offset
    );
    let rows = sqlx::query_as(&sql).bind(person_id).fetch_all(&mut *conn).await?;
    let (total,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM ({}) timeline", union()))
        .bind(person_id)
        .fetch_one(conn)
        .await?;
    Ok((rows, total))
}
