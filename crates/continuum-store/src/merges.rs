//! Merges of duplicate people: which rows each merge moved, so that it can
//! be undone exactly (see `continuum_app::merges` for the rules).

use crate::{Conn, Page, StoreResult};

/// What a merge moves from one record to the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveKind {
    /// A detention episode.
    Episode,
    /// A care pathway (with its whole transition log).
    Pathway,
    /// A screening (with its answers).
    Screening,
    /// A signal matched to the person.
    Signal,
    // OAT and transfers (issue 5, items 4 and 5).
    /// An OAT prescription.
    OatPrescription,
    /// OAT declared at entry.
    OatDeclaration,
    /// A handover between pilot prisons.
    Handover,
    /// A handover document of a transfer out of the programme.
    HandoverDocument,
    /// A consent of the person (with its signed forms).
    Consent,
    /// A referral of the person (with its changes).
    Referral,
}

impl MoveKind {
    /// Every kind.
    pub const ALL: [MoveKind; 10] = [
        MoveKind::Episode,
        MoveKind::Pathway,
        MoveKind::Screening,
        MoveKind::Signal,
        // OAT and transfers (issue 5, items 4 and 5).
        MoveKind::OatPrescription,
        MoveKind::OatDeclaration,
        MoveKind::Handover,
        MoveKind::HandoverDocument,
        // Consent (issue 6).
        MoveKind::Consent,
        // Referrals (issue 6, item 3).
        MoveKind::Referral,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            MoveKind::Episode => "episode",
            MoveKind::Pathway => "pathway",
            MoveKind::Screening => "screening",
            MoveKind::Signal => "signal",
            MoveKind::OatPrescription => "oat_prescription",
            MoveKind::OatDeclaration => "oat_declaration",
            MoveKind::Handover => "handover",
            MoveKind::HandoverDocument => "handover_document",
            MoveKind::Consent => "consent",
            MoveKind::Referral => "referral",
        }
    }

    fn table(self) -> &'static str {
        match self {
            MoveKind::Episode => "detention_episodes",
            MoveKind::Pathway => "pathways",
            MoveKind::Screening => "screenings",
            MoveKind::Signal => "signals",
            MoveKind::OatPrescription => "oat_prescriptions",
            MoveKind::OatDeclaration => "oat_declarations",
            MoveKind::Handover => "handovers",
            MoveKind::HandoverDocument => "handover_documents",
            MoveKind::Consent => "consents",
            MoveKind::Referral => "referrals",
        }
    }
}

/// A stored merge.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MergeRow {
    /// Id.
    pub id: i64,
    /// The record that stays.
    pub survivor_id: i64,
    /// The record merged into it.
    pub merged_id: i64,
    /// The survivor's site (now).
    pub survivor_site_id: i64,
    /// The survivor's site code (now).
    pub survivor_site: String,
    /// The merged record's site.
    pub merged_site_id: i64,
    /// The merged record's site code.
    pub merged_site: String,
    /// The merged record's current episode before the merge.
    pub merged_current_episode_id: Option<i64>,
    /// When.
    pub merged_at: String,
    /// By whom (username).
    pub merged_by: Option<String>,
    /// When undone.
    pub undone_at: Option<String>,
    /// Undone by whom (username).
    pub undone_by: Option<String>,
}

const SELECT: &str = "SELECT m.id, m.survivor_id, m.merged_id, s.site_id AS survivor_site_id, \
     ss.code AS survivor_site, d.site_id AS merged_site_id, ds.code AS merged_site, m.merged_current_episode_id, \
     m.merged_at, mu.username AS merged_by, m.undone_at, uu.username AS undone_by \
     FROM person_merges m JOIN people s ON s.id = m.survivor_id JOIN sites ss ON ss.id = s.site_id \
     JOIN people d ON d.id = m.merged_id JOIN sites ds ON ds.id = d.site_id \
     LEFT JOIN users mu ON mu.id = m.merged_by LEFT JOIN users uu ON uu.id = m.undone_by";

/// Claims a record for a merge: succeeds only if it is not merged and still
/// at `version`, and holds its row until the transaction ends (so that two
/// merges of the same records cannot both go through).
pub async fn claim_unmerged(conn: &mut Conn, person_id: i64, version: i64) -> StoreResult<bool> {
    let done =
        sqlx::query("UPDATE people SET version = version WHERE id = $1 AND version = $2 AND merged_into IS NULL")
            .bind(person_id)
            .bind(version)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// Records a merge and marks the merged record (which loses its current
/// episode, kept in the merge row, and leaves the name index: its tokens are
/// written again by an undo).
pub async fn insert(
    conn: &mut Conn,
    survivor_id: i64,
    merged_id: i64,
    merged_current_episode_id: Option<i64>,
    at: &str,
    by: Option<i64>,
) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO person_merges (survivor_id, merged_id, merged_current_episode_id, merged_at, merged_by) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(survivor_id)
    .bind(merged_id)
    .bind(merged_current_episode_id)
    .bind(at)
    .bind(by)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query("UPDATE people SET merged_into = $1, current_episode_id = NULL WHERE id = $2")
        .bind(survivor_id)
        .bind(merged_id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM person_name_tokens WHERE person_id = $1").bind(merged_id).execute(conn).await?;
    Ok(id)
}

/// The ids of the rows of `kind` that belong to a person, oldest first.
pub async fn items_of(conn: &mut Conn, kind: MoveKind, person_id: i64) -> StoreResult<Vec<i64>> {
    let sql = format!("SELECT id FROM {} WHERE person_id = $1 ORDER BY id", kind.table());
    let rows: Vec<(i64,)> = sqlx::query_as(&sql).bind(person_id).fetch_all(conn).await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// Moves rows of `kind` to `person_id` and records them as moved by the merge.
pub async fn move_items(
    conn: &mut Conn,
    merge_id: i64,
    kind: MoveKind,
    items: &[i64],
    person_id: i64,
) -> StoreResult<()> {
    let sql = format!("UPDATE {} SET person_id = $1 WHERE id = $2", kind.table());
    for item in items {
        sqlx::query(&sql).bind(person_id).bind(item).execute(&mut *conn).await?;
        sqlx::query("INSERT INTO person_merge_moves (merge_id, kind, item_id) VALUES ($1, $2, $3)")
            .bind(merge_id)
            .bind(kind.code())
            .bind(item)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Marks pathways as no longer current because of a merge (those already
/// superseded by an earlier merge keep that mark).
pub async fn supersede_pathways(conn: &mut Conn, merge_id: i64, pathways: &[i64]) -> StoreResult<()> {
    for pathway in pathways {
        sqlx::query("UPDATE pathways SET superseded_by_merge = $1 WHERE id = $2 AND superseded_by_merge IS NULL")
            .bind(merge_id)
            .bind(pathway)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// The rows a merge moved, of one kind.
pub async fn moved(conn: &mut Conn, merge_id: i64, kind: MoveKind) -> StoreResult<Vec<i64>> {
    let rows: Vec<(i64,)> =
        sqlx::query_as("SELECT item_id FROM person_merge_moves WHERE merge_id = $1 AND kind = $2 ORDER BY item_id")
            .bind(merge_id)
            .bind(kind.code())
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// Undoes a merge's changes: its moved rows go back to the merged record,
/// its pathway marks are lifted, the merged record is unmarked and gets its
/// current episode back. Should the survivor's current episode have become
/// one that moves back, the survivor's latest remaining entry becomes
/// current (and its site the survivor's, search tokens included). The
/// merged record's tokens are the caller's to write again
/// ([`crate::people::write_tokens`]). `false` if the merge was already undone.
pub async fn undo(conn: &mut Conn, merge: &MergeRow, at: &str, by: Option<i64>) -> StoreResult<bool> {
    let done =
        sqlx::query("UPDATE person_merges SET undone_at = $1, undone_by = $2 WHERE id = $3 AND undone_at IS NULL")
            .bind(at)
            .bind(by)
            .bind(merge.id)
            .execute(&mut *conn)
            .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    for kind in MoveKind::ALL {
        let items = moved(conn, merge.id, kind).await?;
        let sql = format!("UPDATE {} SET person_id = $1 WHERE id = $2", kind.table());
        for item in items {
            sqlx::query(&sql).bind(merge.merged_id).bind(item).execute(&mut *conn).await?;
        }
    }
    sqlx::query("UPDATE pathways SET superseded_by_merge = NULL WHERE superseded_by_merge = $1")
        .bind(merge.id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE people SET merged_into = NULL, current_episode_id = $1 WHERE id = $2")
        .bind(merge.merged_current_episode_id)
        .bind(merge.merged_id)
        .execute(&mut *conn)
        .await?;
    let latest = "(SELECT e.id FROM detention_episodes e WHERE e.person_id = people.id \
         ORDER BY e.entry_date DESC, e.id DESC LIMIT 1)";
    let sql = format!(
        "UPDATE people SET current_episode_id = {latest}, \
         site_id = COALESCE((SELECT e.site_id FROM detention_episodes e WHERE e.id = {latest}), site_id) \
         WHERE id = $1 AND current_episode_id IN (SELECT id FROM detention_episodes WHERE person_id = $2)"
    );
    sqlx::query(&sql).bind(merge.survivor_id).bind(merge.merged_id).execute(&mut *conn).await?;
    sqlx::query(
        "UPDATE person_name_tokens SET site_id = (SELECT site_id FROM people WHERE id = $1) WHERE person_id = $1",
    )
    .bind(merge.survivor_id)
    .execute(conn)
    .await?;
    Ok(true)
}

/// One merge.
pub async fn get(conn: &mut Conn, id: i64) -> StoreResult<Option<MergeRow>> {
    let sql = format!("{SELECT} WHERE m.id = $1");
    Ok(sqlx::query_as(&sql).bind(id).fetch_optional(conn).await?)
}

/// The merges a person took part in (as survivor or merged record), newest first.
pub async fn of_person(conn: &mut Conn, person_id: i64) -> StoreResult<Vec<MergeRow>> {
    let sql = format!("{SELECT} WHERE m.survivor_id = $1 OR m.merged_id = $1 ORDER BY m.id DESC");
    Ok(sqlx::query_as(&sql).bind(person_id).fetch_all(conn).await?)
}

/// Whether a merge still in force, later than `merge_id`, merged `person_id`
/// away (then `merge_id` cannot be undone before it).
pub async fn later_merge_of(conn: &mut Conn, merge_id: i64, person_id: i64) -> StoreResult<Option<i64>> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM person_merges WHERE id > $1 AND merged_id = $2 AND undone_at IS NULL ORDER BY id LIMIT 1",
    )
    .bind(merge_id)
    .bind(person_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(id,)| id))
}

/// One page of every merge, newest first, and how many in all.
pub async fn list(conn: &mut Conn, page: Page) -> StoreResult<(Vec<MergeRow>, i64)> {
    let sql = format!("{SELECT} ORDER BY m.id DESC LIMIT {} OFFSET {}", page.limit, page.offset);
    let rows = sqlx::query_as(&sql).fetch_all(&mut *conn).await?;
    let (total,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM person_merges").fetch_one(conn).await?;
    Ok((rows, total))
}

/// A pathway as a merge compares them: its id and state code.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PathwayBrief {
    /// Id.
    pub id: i64,
    /// State code.
    pub state: String,
    /// Site code.
    pub site: String,
    /// Opened.
    pub opened_at: String,
    /// The merge that superseded it, if any.
    pub superseded_by_merge: Option<i64>,
}

/// A person's pathways, newest first.
pub async fn pathways_of(conn: &mut Conn, person_id: i64) -> StoreResult<Vec<PathwayBrief>> {
    Ok(sqlx::query_as(
        "SELECT w.id, w.state, s.code AS site, w.opened_at, w.superseded_by_merge FROM pathways w \
         JOIN sites s ON s.id = w.site_id WHERE w.person_id = $1 ORDER BY w.id DESC",
    )
    .bind(person_id)
    .fetch_all(conn)
    .await?)
}
