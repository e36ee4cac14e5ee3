//! Meetings: agenda, invitations and attendance, minutes in versions,
//! documents and decisions.

use crate::{Conn, StoreResult};

/// A meeting as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MeetingRow {
    /// Id.
    pub id: i64,
    /// The group.
    pub group_id: i64,
    /// The iCalendar UID.
    pub uid: String,
    /// The iCalendar SEQUENCE.
    pub sequence: i64,
    /// Status code.
    pub status: String,
    /// When it begins (UTC).
    pub starts_at: String,
    /// Minutes.
    pub duration_minutes: i64,
    /// Place.
    pub place: String,
    /// Video link.
    pub video_link: String,
    /// When it was last changed (UTC).
    pub updated_at: String,
    /// The approved version of its minutes.
    pub minutes_approved_version: Option<i64>,
    /// The meeting that approved them.
    pub minutes_approved_at: Option<i64>,
    /// The latest version of its minutes (0: none).
    pub minutes_version: i64,
}

const MEETING_SELECT: &str = "SELECT m.id, m.group_id, m.uid, m.sequence, m.status, m.starts_at, \
     m.duration_minutes, m.place, m.video_link, m.updated_at, m.minutes_approved_version, m.minutes_approved_at, \
     COALESCE((SELECT MAX(n.version) FROM governance_minutes n WHERE n.meeting_id = m.id), 0) AS minutes_version \
     FROM governance_meetings m";

/// A new meeting.
#[derive(Debug, Clone)]
pub struct NewMeeting<'a> {
    /// The group.
    pub group_id: i64,
    /// iCalendar UID.
    pub uid: &'a str,
    /// Status code.
    pub status: &'a str,
    /// When it begins (UTC).
    pub starts_at: &'a str,
    /// Minutes.
    pub duration_minutes: i64,
    /// Place.
    pub place: &'a str,
    /// Video link.
    pub video_link: &'a str,
    /// Now.
    pub at: &'a str,
    /// Who.
    pub by: Option<i64>,
}

/// Writes a meeting, its agenda and its invitations (attendance not yet
/// recorded).
pub async fn insert(conn: &mut Conn, meeting: &NewMeeting<'_>, agenda: &[String], invited: &[i64]) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO governance_meetings (group_id, uid, status, starts_at, duration_minutes, place, video_link, \
         created_at, created_by, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8, $9) \
         RETURNING id",
    )
    .bind(meeting.group_id)
    .bind(meeting.uid)
    .bind(meeting.status)
    .bind(meeting.starts_at)
    .bind(meeting.duration_minutes)
    .bind(meeting.place)
    .bind(meeting.video_link)
    .bind(meeting.at)
    .bind(meeting.by)
    .fetch_one(&mut *conn)
    .await?;
    for (position, title) in agenda.iter().enumerate() {
        sqlx::query("INSERT INTO governance_agenda_items (meeting_id, position, title) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(i64::try_from(position).unwrap_or(i64::MAX) + 1)
            .bind(title)
            .execute(&mut *conn)
            .await?;
    }
    for member in invited {
        sqlx::query("INSERT INTO governance_attendance (meeting_id, member_id) VALUES ($1, $2)")
            .bind(id)
            .bind(member)
            .execute(&mut *conn)
            .await?;
    }
    Ok(id)
}

/// One meeting.
pub async fn get(conn: &mut Conn, id: i64) -> StoreResult<Option<MeetingRow>> {
    Ok(sqlx::query_as(&format!("{MEETING_SELECT} WHERE m.id = $1")).bind(id).fetch_optional(conn).await?)
}

/// The meetings of a group, the latest first.
pub async fn of_group(conn: &mut Conn, group_id: i64) -> StoreResult<Vec<MeetingRow>> {
    Ok(sqlx::query_as(&format!("{MEETING_SELECT} WHERE m.group_id = $1 ORDER BY m.starts_at DESC, m.id DESC"))
        .bind(group_id)
        .fetch_all(conn)
        .await?)
}

/// A held meeting, for the groups' traffic lights.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct HeldRow {
    /// The group.
    pub group_id: i64,
    /// When it began (UTC).
    pub starts_at: String,
    /// Whether its minutes are approved.
    #[sqlx(try_from = "crate::Flag")]
    pub approved: bool,
}

/// Every held meeting of every group.
pub async fn held(conn: &mut Conn) -> StoreResult<Vec<HeldRow>> {
    Ok(sqlx::query_as(
        "SELECT group_id, starts_at, CASE WHEN minutes_approved_version IS NULL THEN 0 ELSE 1 END AS approved \
         FROM governance_meetings WHERE status = 'held'",
    )
    .fetch_all(conn)
    .await?)
}

/// Planned meetings beginning from `from` to `until` (UTC), the soonest first.
pub async fn planned_between(conn: &mut Conn, from: &str, until: &str) -> StoreResult<Vec<MeetingRow>> {
    Ok(sqlx::query_as(&format!(
        "{MEETING_SELECT} WHERE m.status = 'planned' AND m.starts_at >= $1 AND m.starts_at <= $2 \
         ORDER BY m.starts_at, m.id"
    ))
    .bind(from)
    .bind(until)
    .fetch_all(conn)
    .await?)
}

/// Changes a meeting's status (and its iCalendar SEQUENCE, as calendars
/// must see the change).
pub async fn set_status(
    conn: &mut Conn,
    id: i64,
    from: &str,
    to: &str,
    at: &str,
    by: Option<i64>,
) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE governance_meetings SET status = $1, sequence = sequence + 1, updated_at = $2, updated_by = $3 \
         WHERE id = $4 AND status = $5",
    )
    .bind(to)
    .bind(at)
    .bind(by)
    .bind(id)
    .bind(from)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The agenda of a meeting, in order.
pub async fn agenda(conn: &mut Conn, meeting_id: i64) -> StoreResult<Vec<String>> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT title FROM governance_agenda_items WHERE meeting_id = $1 ORDER BY position")
            .bind(meeting_id)
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().map(|(title,)| title).collect())
}

/// One invited member and their attendance.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AttendanceRow {
    /// The membership.
    pub member_id: i64,
    /// The member's name.
    pub name: String,
    /// Their function code.
    pub function: String,
    /// Their office code.
    pub office: String,
    /// present, excused or absent; `None` while not recorded.
    pub attendance: Option<String>,
}

/// The members invited to a meeting and their attendance.
pub async fn attendance(conn: &mut Conn, meeting_id: i64) -> StoreResult<Vec<AttendanceRow>> {
    Ok(sqlx::query_as(
        "SELECT a.member_id, m.name, m.function, m.office, a.attendance FROM governance_attendance a \
         JOIN governance_members m ON m.id = a.member_id WHERE a.meeting_id = $1 \
         ORDER BY CASE m.office WHEN 'chair' THEN 0 WHEN 'secretary' THEN 1 ELSE 2 END, m.name, m.id",
    )
    .bind(meeting_id)
    .fetch_all(conn)
    .await?)
}

/// Records one member's attendance.
pub async fn set_attendance(conn: &mut Conn, meeting_id: i64, member_id: i64, attendance: &str) -> StoreResult<()> {
    sqlx::query("UPDATE governance_attendance SET attendance = $1 WHERE meeting_id = $2 AND member_id = $3")
        .bind(attendance)
        .bind(meeting_id)
        .bind(member_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// One version of minutes.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct MinutesRow {
    /// Version, from 1.
    pub version: i64,
    /// The text.
    pub text: String,
    /// When (UTC).
    pub written_at: String,
    /// By whom (display name).
    pub written_by: Option<String>,
}

/// Writes the next version of a meeting's minutes; returns it.
pub async fn insert_minutes(
    conn: &mut Conn,
    meeting_id: i64,
    text: &str,
    at: &str,
    by: Option<i64>,
) -> StoreResult<i64> {
    let (version,): (i64,) =
        sqlx::query_as("SELECT COALESCE(MAX(version), 0) + 1 FROM governance_minutes WHERE meeting_id = $1")
            .bind(meeting_id)
            .fetch_one(&mut *conn)
            .await?;
    sqlx::query(
        "INSERT INTO governance_minutes (meeting_id, version, text, written_at, written_by) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(meeting_id)
    .bind(version)
    .bind(text)
    .bind(at)
    .bind(by)
    .execute(conn)
    .await?;
    Ok(version)
}

/// Every version of a meeting's minutes, the latest first.
pub async fn minutes(conn: &mut Conn, meeting_id: i64) -> StoreResult<Vec<MinutesRow>> {
    Ok(sqlx::query_as(
        "SELECT n.version, n.text, n.written_at, u.display_name AS written_by FROM governance_minutes n \
         LEFT JOIN users u ON u.id = n.written_by WHERE n.meeting_id = $1 ORDER BY n.version DESC",
    )
    .bind(meeting_id)
    .fetch_all(conn)
    .await?)
}

/// Approves `version` of a meeting's minutes at meeting `at_meeting`;
/// `false` if they were approved meanwhile.
pub async fn approve_minutes(
    conn: &mut Conn,
    meeting_id: i64,
    version: i64,
    at_meeting: i64,
    on: &str,
    by: Option<i64>,
) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE governance_meetings SET minutes_approved_version = $1, minutes_approved_at = $2, \
         minutes_approved_on = $3, minutes_approved_by = $4 WHERE id = $5 AND minutes_approved_version IS NULL",
    )
    .bind(version)
    .bind(at_meeting)
    .bind(on)
    .bind(by)
    .bind(meeting_id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A decision as recorded.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DecisionRow {
    /// Id.
    pub id: i64,
    /// The meeting.
    pub meeting_id: i64,
    /// The agenda item's position.
    pub agenda_position: Option<i64>,
    /// What was decided.
    pub text: String,
}

/// Writes a decision.
pub async fn insert_decision(
    conn: &mut Conn,
    meeting_id: i64,
    agenda_position: Option<i64>,
    text: &str,
    at: &str,
    by: Option<i64>,
) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO governance_decisions (meeting_id, agenda_position, text, recorded_at, recorded_by) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(meeting_id)
    .bind(agenda_position)
    .bind(text)
    .bind(at)
    .bind(by)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// The decisions of a meeting, in the order taken.
pub async fn decisions(conn: &mut Conn, meeting_id: i64) -> StoreResult<Vec<DecisionRow>> {
    Ok(sqlx::query_as(
        "SELECT id, meeting_id, agenda_position, text FROM governance_decisions WHERE meeting_id = $1 ORDER BY id",
    )
    .bind(meeting_id)
    .fetch_all(conn)
    .await?)
}

/// A document attached to a meeting, without its content.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DocumentRow {
    /// Id.
    pub id: i64,
    /// The meeting.
    pub meeting_id: i64,
    /// The file's name.
    pub file_name: String,
    /// Its media type.
    pub media_type: String,
    /// Its size.
    pub size_bytes: i64,
    /// SHA-256, hex.
    pub sha256: String,
    /// When (UTC).
    pub uploaded_at: String,
}

/// A new document.
#[derive(Debug, Clone)]
pub struct NewDocument<'a> {
    /// The meeting.
    pub meeting_id: i64,
    /// File name.
    pub file_name: &'a str,
    /// Media type.
    pub media_type: &'a str,
    /// SHA-256, hex.
    pub sha256: &'a str,
    /// The file.
    pub content: &'a [u8],
    /// Now.
    pub at: &'a str,
    /// Who.
    pub by: Option<i64>,
}

/// Attaches a document to a meeting.
pub async fn insert_document(conn: &mut Conn, document: &NewDocument<'_>) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO governance_documents (meeting_id, file_name, media_type, size_bytes, sha256, content, \
         uploaded_at, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(document.meeting_id)
    .bind(document.file_name)
    .bind(document.media_type)
    .bind(i64::try_from(document.content.len()).unwrap_or(i64::MAX))
    .bind(document.sha256)
    .bind(document.content)
    .bind(document.at)
    .bind(document.by)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// The documents of a meeting, without their content.
pub async fn documents(conn: &mut Conn, meeting_id: i64) -> StoreResult<Vec<DocumentRow>> {
    Ok(sqlx::query_as(
        "SELECT id, meeting_id, file_name, media_type, size_bytes, sha256, uploaded_at FROM governance_documents \
         WHERE meeting_id = $1 ORDER BY id",
    )
    .bind(meeting_id)
    .fetch_all(conn)
    .await?)
}

/// A document with its content.
#[derive(sqlx::FromRow)]
struct DocumentWithContent {
    #[sqlx(flatten)]
    row: DocumentRow,
    content: Vec<u8>,
}

/// One document and its content.
pub async fn document(conn: &mut Conn, id: i64) -> StoreResult<Option<(DocumentRow, Vec<u8>)>> {
    let found: Option<DocumentWithContent> = sqlx::query_as(
        "SELECT id, meeting_id, file_name, media_type, size_bytes, sha256, uploaded_at, content \
         FROM governance_documents WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(found.map(|d| (d.row, d.content)))
}
