//! A person's timeline: every event of their care, from every source, in
//! one ordered, paged list.
//!
//! Each source is one `SELECT` in [`SOURCES`] giving the same eight columns
//! for the person `$1`: `at` (a UTC instant, or a day for what happened on
//! a day without a time, which sorts before that day's instants), `kind`
//! (the source's code), `item_id` (the record to link to), `code` and
//! `detail` (short codes the adapters translate), `amount` (a number, such
//! as minutes), `text` (free text, clinical), `by_user` (a username) and `site_id` (the
//! prison where it was written, NULL for what belongs to no prison). A
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
                 CAST(NULL AS BIGINT) AS amount, t.why AS text, u.username AS by_user, t.site_id AS site_id \
                 FROM pathway_transitions t \
                 JOIN pathways w ON w.id = t.pathway_id LEFT JOIN users u ON u.id = t.who WHERE w.person_id = $1",
    },
    TimelineSource {
        kind: "screening",
        select: "SELECT COALESCE(s.completed_at, s.started_at), 'screening', s.id, s.instrument, \
                 CASE WHEN s.positive = 1 THEN 'positive' WHEN s.positive = 0 THEN 'negative' ELSE s.status END, \
                 CAST(NULL AS BIGINT), CAST(NULL AS TEXT), u.username, s.site_id FROM screenings s \
                 LEFT JOIN users u ON u.id = COALESCE(s.completed_by, s.started_by) WHERE s.person_id = $1",
    },
    TimelineSource {
        kind: "intake",
        select: "SELECT i.recorded_at, 'intake', i.id, i.primary_substance, \
                 CASE WHEN i.amends IS NULL THEN 'recorded' ELSE 'amended' END, CAST(NULL AS BIGINT), \
                 CAST(NULL AS TEXT), u.username, i.site_id FROM intakes i JOIN pathways w ON w.id = i.pathway_id \
                 LEFT JOIN users u ON u.id = i.recorded_by WHERE w.person_id = $1",
    },
    TimelineSource {
        kind: "care_plan",
        select: "SELECT v.changed_at, 'care_plan', v.plan_id, v.change, CAST(NULL AS TEXT), v.version, v.note, \
                 u.username, v.site_id FROM care_plan_versions v JOIN care_plans c ON c.id = v.plan_id \
                 JOIN pathways w ON w.id = c.pathway_id LEFT JOIN users u ON u.id = v.changed_by \
                 WHERE w.person_id = $1",
    },
    TimelineSource {
        kind: "contact",
        select: "SELECT c.held_on, 'contact', c.id, c.kind, \
                 CASE WHEN c.group_session_id IS NULL THEN c.attendance ELSE 'group_' || c.attendance END, \
                 c.duration_minutes, c.note, u.username, c.site_id \
                 FROM contacts c JOIN pathways w ON w.id = c.pathway_id \
                 LEFT JOIN users u ON u.id = c.recorded_by WHERE w.person_id = $1",
    },
    // OAT and continuity at entry, transfers and handovers (issue 5, items 4 and 5).
    TimelineSource {
        kind: "oat_prescription",
        select: "SELECT r.recorded_at, 'oat_prescription', r.id, r.medicine, \
                 CASE WHEN r.observed = 1 THEN 'observed' ELSE 'not_observed' END, r.daily_dose_ug, r.note, \
                 u.username, r.site_id FROM oat_prescriptions r LEFT JOIN users u ON u.id = r.recorded_by \
                 WHERE r.person_id = $1",
    },
    TimelineSource {
        kind: "oat_stopped",
        select: "SELECT r.stopped_at, 'oat_stopped', r.id, r.medicine, r.stop_date, CAST(NULL AS BIGINT), \
                 r.stop_reason, u.username, r.site_id \
                 FROM oat_prescriptions r LEFT JOIN users u ON u.id = r.stopped_by \
                 WHERE r.person_id = $1 AND r.stopped_at IS NOT NULL",
    },
    TimelineSource {
        kind: "oat_declared",
        select: "SELECT d.declared_at, 'oat_declared', d.id, d.medicine, d.last_dose_date, d.daily_dose_ug, \
                 CAST(NULL AS TEXT), u.username, d.site_id \
                 FROM oat_declarations d LEFT JOIN users u ON u.id = d.declared_by \
                 WHERE d.person_id = $1",
    },
    TimelineSource {
        kind: "oat_continuity",
        select: "SELECT d.continuity_at, 'oat_continuity', d.id, \
                 CASE WHEN d.continued = 1 THEN 'continued' ELSE 'interrupted' END, d.interruption_reason, \
                 CAST(NULL AS BIGINT), d.continuity_note, u.username, d.site_id FROM oat_declarations d \
                 LEFT JOIN users u ON u.id = d.continuity_by WHERE d.person_id = $1 AND d.continuity_at IS NOT NULL",
    },
    TimelineSource {
        kind: "handover",
        select: "SELECT h.transferred_at, 'handover', h.id, f.code, t.code, CAST(NULL AS BIGINT), CAST(NULL AS TEXT), \
                 u.username, h.from_site_id \
                 FROM handovers h JOIN sites f ON f.id = h.from_site_id JOIN sites t ON t.id = h.to_site_id \
                 LEFT JOIN users u ON u.id = h.transferred_by WHERE h.person_id = $1",
    },
    TimelineSource {
        kind: "handover_acknowledged",
        select: "SELECT h.acknowledged_at, 'handover_acknowledged', h.id, f.code, t.code, CAST(NULL AS BIGINT), \
                 CAST(NULL AS TEXT), u.username, h.to_site_id FROM handovers h JOIN sites f ON f.id = h.from_site_id \
                 JOIN sites t ON t.id = h.to_site_id LEFT JOIN users u ON u.id = h.acknowledged_by \
                 WHERE h.person_id = $1 AND h.acknowledged_at IS NOT NULL",
    },
    TimelineSource {
        kind: "handover_document",
        select: "SELECT d.created_at, 'handover_document', d.id, d.language, d.transfer_date, CAST(NULL AS BIGINT), \
                 d.receiving_prison, u.username, d.site_id \
                 FROM handover_documents d LEFT JOIN users u ON u.id = d.created_by \
                 WHERE d.person_id = $1",
    },
    // Consents (issue 6, item 1).
    TimelineSource {
        kind: "consent",
        select: "SELECT c.recorded_at, 'consent', c.id, c.kind, c.decision, CAST(NULL AS BIGINT), NULLIF(c.note, ''), \
                 u.username, CAST(NULL AS BIGINT) \
                 FROM consents c LEFT JOIN users u ON u.id = c.recorded_by WHERE c.person_id = $1",
    },
    TimelineSource {
        kind: "consent_withdrawn",
        select: "SELECT c.withdrawn_at, 'consent_withdrawn', c.id, c.kind, CAST(NULL AS TEXT), CAST(NULL AS BIGINT), \
                 c.withdrawal_reason, u.username, CAST(NULL AS BIGINT) \
                 FROM consents c LEFT JOIN users u ON u.id = c.withdrawn_by \
                 WHERE c.person_id = $1 AND c.withdrawn_at IS NOT NULL",
    },
    // Release planning and follow-up (issue 5, items 6 and 7).
    TimelineSource {
        kind: "release_plan",
        select: "SELECT p.created_at, 'release_plan', p.id, CAST(NULL AS TEXT), p.appointment_date, p.version, \
                 CAST(NULL AS TEXT), u.username, w.site_id FROM release_plans p JOIN pathways w ON w.id = p.pathway_id \
                 LEFT JOIN users u ON u.id = p.created_by WHERE w.person_id = $1",
    },
    TimelineSource {
        kind: "release",
        select: "SELECT r.release_date, 'release', r.id, \
                 CASE WHEN r.missing_items = '' THEN 'complete' ELSE 'incomplete' END, \
                 CASE WHEN r.with_follow_up = 1 THEN 'follow_up' ELSE 'no_follow_up' END, CAST(NULL AS BIGINT), \
                 NULLIF(r.missing_items, ''), u.username, r.site_id \
                 FROM pathway_releases r JOIN pathways w ON w.id = r.pathway_id \
                 LEFT JOIN users u ON u.id = r.recorded_by WHERE w.person_id = $1",
    },
    TimelineSource {
        kind: "follow_up",
        select: "SELECT f.contact_date, 'follow_up', f.id, f.attendance, f.means, f.due_days, f.note, u.username, \
                 w.site_id FROM follow_up_contacts f JOIN pathways w ON w.id = f.pathway_id \
                 LEFT JOIN users u ON u.id = f.recorded_by WHERE w.person_id = $1 AND f.recorded_at IS NOT NULL",
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
/// with `oldest_first`), and how many entries there are; with
/// `written_at`, only the entries written at that prison.
pub async fn of_person(
    conn: &mut Conn,
    person_id: i64,
    written_at: Option<i64>,
    oldest_first: bool,
    page: Page,
) -> StoreResult<(Vec<TimelineRow>, i64)> {
    let order = if oldest_first { "at, kind, item_id" } else { "at DESC, kind DESC, item_id DESC" };
    let filter = "WHERE CAST($2 AS BIGINT) IS NULL OR site_id = CAST($2 AS BIGINT)";
    let sql = format!(
        "SELECT at, kind, item_id, code, detail, amount, text, by_user FROM ({}) timeline {filter} \
         ORDER BY {order} LIMIT {} OFFSET {}",
        union(),
        page.limit,
        page.offset
    );
    let rows = sqlx::query_as(&sql).bind(person_id).bind(written_at).fetch_all(&mut *conn).await?;
    let (total,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM ({}) timeline {filter}", union()))
        .bind(person_id)
        .bind(written_at)
        .fetch_one(conn)
        .await?;
    Ok((rows, total))
}
