//! Contacts (individual, or one participant's part in a group session) and
//! group sessions.

use crate::{Conn, Page, StoreResult};

/// A contact with its person.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ContactRow {
    /// Id.
    pub id: i64,
    /// The pathway it belongs to.
    pub pathway_id: i64,
    /// The person (through the pathway).
    pub person_id: i64,
    /// The person's current site (the target of access checks).
    pub person_site_id: i64,
    /// Family name(s) of the person.
    pub family_name: String,
    /// Given name(s) of the person.
    pub given_names: String,
    /// The site where it was recorded.
    pub site_id: i64,
    /// That site's code.
    pub site_code: String,
    /// The group session it is part of.
    pub group_session_id: Option<i64>,
    /// `YYYY-MM-DD`.
    pub held_on: String,
    /// Minutes.
    pub duration_minutes: i64,
    /// Kind code.
    pub kind: String,
    /// The staff who took part.
    pub staff: String,
    /// `attended` or `did_not_attend`.
    pub attendance: String,
    /// The progress note.
    pub note: String,
    /// Who recorded it (username).
    pub recorded_by: Option<String>,
    /// When (UTC).
    pub recorded_at: String,
}

const CONTACT: &str = "SELECT c.id, c.pathway_id, w.person_id, p.site_id AS person_site_id, p.family_name, \
     p.given_names, c.site_id, s.code AS site_code, c.group_session_id, c.held_on, c.duration_minutes, c.kind, \
     c.staff, c.attendance, c.note, u.username AS recorded_by, c.recorded_at FROM contacts c \
     JOIN pathways w ON w.id = c.pathway_id JOIN people p ON p.id = w.person_id JOIN sites s ON s.id = c.site_id \
     LEFT JOIN users u ON u.id = c.recorded_by";

/// A contact to write.
#[derive(Debug, Clone)]
pub struct NewContact<'a> {
    /// The pathway.
    pub pathway_id: i64,
    /// Where it is recorded.
    pub site_id: i64,
    /// The group session it is part of.
    pub group_session_id: Option<i64>,
    /// `YYYY-MM-DD`.
    pub held_on: &'a str,
    /// Minutes.
    pub duration_minutes: i64,
    /// Kind code.
    pub kind: &'a str,
    /// The staff.
    pub staff: &'a str,
    /// Attendance code.
    pub attendance: &'a str,
    /// The progress note.
    pub note: &'a str,
    /// Who records it.
    pub recorded_by: Option<i64>,
    /// When.
    pub recorded_at: &'a str,
}

/// Writes a contact; answers its id.
pub async fn insert(conn: &mut Conn, new: &NewContact<'_>) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO contacts (pathway_id, site_id, group_session_id, held_on, duration_minutes, kind, staff, \
         attendance, note, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
         RETURNING id",
    )
    .bind(new.pathway_id)
    .bind(new.site_id)
    .bind(new.group_session_id)
    .bind(new.held_on)
    .bind(new.duration_minutes)
    .bind(new.kind)
    .bind(new.staff)
    .bind(new.attendance)
    .bind(new.note)
    .bind(new.recorded_by)
    .bind(new.recorded_at)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// One contact.
pub async fn get(conn: &mut Conn, id: i64) -> StoreResult<Option<ContactRow>> {
    Ok(sqlx::query_as(&format!("{CONTACT} WHERE c.id = $1")).bind(id).fetch_optional(conn).await?)
}

/// A page of a person's contacts (of all their pathways), the latest day
/// first, and how many there are.
pub async fn of_person(conn: &mut Conn, person_id: i64, page: Page) -> StoreResult<(Vec<ContactRow>, i64)> {
    let rows = sqlx::query_as(&format!(
        "{CONTACT} WHERE w.person_id = $1 ORDER BY c.held_on DESC, c.id DESC LIMIT {} OFFSET {}",
        page.limit, page.offset
    ))
    .bind(person_id)
    .fetch_all(&mut *conn)
    .await?;
    let (total,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM contacts c JOIN pathways w ON w.id = c.pathway_id WHERE w.person_id = $1")
            .bind(person_id)
            .fetch_one(conn)
            .await?;
    Ok((rows, total))
}

/// The contacts of a group session, one per participant, in the order recorded.
pub async fn of_session(conn: &mut Conn, session_id: i64) -> StoreResult<Vec<ContactRow>> {
    Ok(sqlx::query_as(&format!("{CONTACT} WHERE c.group_session_id = $1 ORDER BY c.id"))
        .bind(session_id)
        .fetch_all(conn)
        .await?)
}

/// A group session.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct GroupSessionRow {
    /// Id.
    pub id: i64,
    /// Where it was held.
    pub site_id: i64,
    /// That site's code.
    pub site_code: String,
    /// `YYYY-MM-DD`.
    pub held_on: String,
    /// Minutes.
    pub duration_minutes: i64,
    /// Kind code.
    pub kind: String,
    /// The staff who led it.
    pub staff: String,
    /// What it was about.
    pub topic: String,
    /// How many took part (attended or not).
    pub participants: i64,
    /// Who recorded it (username).
    pub recorded_by: Option<String>,
    /// When (UTC).
    pub recorded_at: String,
}

const SESSION: &str = "SELECT g.id, g.site_id, s.code AS site_code, g.held_on, g.duration_minutes, g.kind, g.staff, \
     g.topic, (SELECT COUNT(*) FROM contacts c WHERE c.group_session_id = g.id) AS participants, \
     u.username AS recorded_by, g.recorded_at FROM group_sessions g JOIN sites s ON s.id = g.site_id \
     LEFT JOIN users u ON u.id = g.recorded_by";

/// A group session to write.
#[derive(Debug, Clone)]
pub struct NewSession<'a> {
    /// Where it was held.
    pub site_id: i64,
    /// `YYYY-MM-DD`.
    pub held_on: &'a str,
    /// Minutes.
    pub duration_minutes: i64,
    /// Kind code.
    pub kind: &'a str,
    /// The staff.
    pub staff: &'a str,
    /// What it was about.
    pub topic: &'a str,
    /// Who records it.
    pub recorded_by: Option<i64>,
    /// When.
    pub recorded_at: &'a str,
}

/// Writes a group session (its participants' contacts are written apart).
pub async fn insert_session(conn: &mut Conn, new: &NewSession<'_>) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO group_sessions (site_id, held_on, duration_minutes, kind, staff, topic, recorded_by, \
         recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(new.site_id)
    .bind(new.held_on)
    .bind(new.duration_minutes)
    .bind(new.kind)
    .bind(new.staff)
    .bind(new.topic)
    .bind(new.recorded_by)
    .bind(new.recorded_at)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// One group session.
pub async fn get_session(conn: &mut Conn, id: i64) -> StoreResult<Option<GroupSessionRow>> {
    Ok(sqlx::query_as(&format!("{SESSION} WHERE g.id = $1")).bind(id).fetch_optional(conn).await?)
}

/// A page of the group sessions held at a site, the latest first, and how
/// many there are.
pub async fn sessions_at_site(conn: &mut Conn, site_id: i64, page: Page) -> StoreResult<(Vec<GroupSessionRow>, i64)> {
    let rows = sqlx::query_as(&format!(
        "{SESSION} WHERE g.site_id = $1 ORDER BY g.held_on DESC, g.id DESC LIMIT {} OFFSET {}",
        page.limit, page.offset
    ))
    .bind(site_id)
    .fetch_all(&mut *conn)
    .await?;
    let (total,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM group_sessions WHERE site_id = $1").bind(site_id).fetch_one(conn).await?;
    Ok((rows, total))
}

/// A person at a site, found by the prison number of their current episode.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AtSiteRow {
    /// The person.
    pub person_id: i64,
    /// Family name(s).
    pub family_name: String,
    /// Given name(s).
    pub given_names: String,
    /// The prison number.
    pub prison_number: String,
    /// The current episode's entry date.
    pub entry_date: String,
}

/// The person at `site_id` (not merged away) whose current episode has this
/// prison number, compared without case.
pub async fn at_site_by_number(conn: &mut Conn, site_id: i64, prison_number: &str) -> StoreResult<Option<AtSiteRow>> {
    Ok(sqlx::query_as(
        "SELECT p.id AS person_id, p.family_name, p.given_names, e.prison_number, e.entry_date FROM people p \
         JOIN detention_episodes e ON e.id = p.current_episode_id WHERE p.site_id = $1 AND e.site_id = $1 \
         AND lower(e.prison_number) = lower($2) AND p.merged_into IS NULL ORDER BY p.id LIMIT 1",
    )
    .bind(site_id)
    .bind(prison_number)
    .fetch_optional(conn)
    .await?)
}
