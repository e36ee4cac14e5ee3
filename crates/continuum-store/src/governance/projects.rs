//! Local projects and their requests for prior authorisation.

use crate::{Conn, StoreResult};

/// A project as stored, with its request (if any).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ProjectRow {
    /// Id.
    pub id: i64,
    /// The local group that keeps it.
    pub group_id: i64,
    /// Its prison.
    pub site_id: i64,
    /// The prison's code.
    pub site_code: String,
    /// Title.
    pub title: String,
    /// Kind code.
    pub kind: String,
    /// Description.
    pub description: String,
    /// Services involved.
    pub services: String,
    /// Start.
    pub start_date: String,
    /// End.
    pub end_date: Option<String>,
    /// Whether it needs the central group's prior authorisation.
    #[sqlx(try_from = "crate::Flag")]
    pub fundamental: bool,
    /// Its request's id.
    pub request_id: Option<i64>,
    /// Its request's state code.
    pub state: Option<String>,
    /// The day of the request's last submission.
    pub submitted_on: Option<String>,
    /// The meeting of the last decision.
    pub decided_meeting_id: Option<i64>,
    /// The reasons of the last decision.
    pub reasons: Option<String>,
    /// Its conditions.
    pub conditions: Option<String>,
    /// When it is reviewed.
    pub review_date: Option<String>,
    /// Whether the conditions are met.
    #[sqlx(try_from = "crate::Flag")]
    pub conditions_met: bool,
    /// The request's version.
    pub request_version: Option<i64>,
}

const PROJECT_SELECT: &str = "SELECT p.id, p.group_id, p.site_id, s.code AS site_code, p.title, p.kind, \
     p.description, p.services, p.start_date, p.end_date, p.fundamental, r.id AS request_id, r.state, \
     r.submitted_on, r.decided_meeting_id, r.reasons, r.conditions, r.review_date, \
     COALESCE(r.conditions_met, 0) AS conditions_met, r.version AS request_version \
     FROM governance_projects p JOIN sites s ON s.id = p.site_id \
     LEFT JOIN governance_authorisations r ON r.project_id = p.id";

/// A new project.
#[derive(Debug, Clone)]
pub struct NewProject<'a> {
    /// The local group.
    pub group_id: i64,
    /// Its prison.
    pub site_id: i64,
    /// Title.
    pub title: &'a str,
    /// Kind code.
    pub kind: &'a str,
    /// Description.
    pub description: &'a str,
    /// Services.
    pub services: &'a str,
    /// Start.
    pub start_date: &'a str,
    /// End.
    pub end_date: Option<&'a str>,
    /// Needs authorisation.
    pub fundamental: bool,
    /// Now.
    pub at: &'a str,
    /// Who.
    pub by: Option<i64>,
}

/// Writes a project.
pub async fn insert(conn: &mut Conn, project: &NewProject<'_>) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO governance_projects (group_id, site_id, title, kind, description, services, start_date, \
         end_date, fundamental, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
         RETURNING id",
    )
    .bind(project.group_id)
    .bind(project.site_id)
    .bind(project.title)
    .bind(project.kind)
    .bind(project.description)
    .bind(project.services)
    .bind(project.start_date)
    .bind(project.end_date)
    .bind(i64::from(project.fundamental))
    .bind(project.at)
    .bind(project.by)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// One project.
pub async fn get(conn: &mut Conn, id: i64) -> StoreResult<Option<ProjectRow>> {
    Ok(sqlx::query_as(&format!("{PROJECT_SELECT} WHERE p.id = $1")).bind(id).fetch_optional(conn).await?)
}

/// The project of a request.
pub async fn of_request(conn: &mut Conn, request_id: i64) -> StoreResult<Option<ProjectRow>> {
    Ok(sqlx::query_as(&format!("{PROJECT_SELECT} WHERE r.id = $1")).bind(request_id).fetch_optional(conn).await?)
}

/// Every project: those waiting for a decision first (the longest waiting
/// first), then by prison and title.
pub async fn all(conn: &mut Conn) -> StoreResult<Vec<ProjectRow>> {
    Ok(sqlx::query_as(&format!(
        "{PROJECT_SELECT} ORDER BY CASE WHEN r.state IN ('submitted', 'under_review') THEN 0 ELSE 1 END, \
         r.submitted_on, s.code, p.title, p.id"
    ))
    .fetch_all(conn)
    .await?)
}

/// Opens a request for a project, submitted on `day`, with its first event.
pub async fn submit(
    conn: &mut Conn,
    project_id: i64,
    day: &str,
    note: &str,
    at: &str,
    by: Option<i64>,
) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO governance_authorisations (project_id, state, submitted_on, updated_at, updated_by) \
         VALUES ($1, 'submitted', $2, $3, $4) RETURNING id",
    )
    .bind(project_id)
    .bind(day)
    .bind(at)
    .bind(by)
    .fetch_one(&mut *conn)
    .await?;
    let event = Event { step: "submit", state: "submitted", text: note, ..Event::at(at, by) };
    insert_event(conn, id, &event).await?;
    Ok(id)
}

/// A step of a request, as recorded.
#[derive(Debug, Clone, Default)]
pub struct Event<'a> {
    /// Step code.
    pub step: &'a str,
    /// The state after it.
    pub state: &'a str,
    /// The meeting where it was taken.
    pub meeting_id: Option<i64>,
    /// Note, reasons or follow-up.
    pub text: &'a str,
    /// Conditions.
    pub conditions: &'a str,
    /// Review date.
    pub review_date: Option<&'a str>,
    /// Now.
    pub at: &'a str,
    /// Who.
    pub by: Option<i64>,
}

impl<'a> Event<'a> {
    /// An event at `at` by `by`, to be completed.
    pub fn at(at: &'a str, by: Option<i64>) -> Event<'a> {
        Event { at, by, ..Event::default() }
    }
}

async fn insert_event(conn: &mut Conn, request_id: i64, event: &Event<'_>) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO governance_authorisation_events (authorisation_id, step, state, meeting_id, text, conditions, \
         review_date, at, by_user) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(request_id)
    .bind(event.step)
    .bind(event.state)
    .bind(event.meeting_id)
    .bind(event.text)
    .bind(event.conditions)
    .bind(event.review_date)
    .bind(event.at)
    .bind(event.by)
    .execute(conn)
    .await?;
    Ok(())
}

/// Moves a request at `version` to the state of `event` (a resubmission
/// on `resubmitted_on`, a review, a decision); `false` if it changed
/// meanwhile.
pub async fn step(
    conn: &mut Conn,
    request_id: i64,
    version: i64,
    event: &Event<'_>,
    resubmitted_on: Option<&str>,
) -> StoreResult<bool> {
    let decided = event.step == "decide";
    let done = sqlx::query(
        "UPDATE governance_authorisations SET state = $1, submitted_on = COALESCE($2, submitted_on), \
         decided_meeting_id = CASE WHEN $3 = 1 THEN $4 ELSE decided_meeting_id END, \
         reasons = CASE WHEN $3 = 1 THEN $5 ELSE reasons END, \
         conditions = CASE WHEN $3 = 1 THEN $6 ELSE conditions END, \
         review_date = CASE WHEN $3 = 1 THEN $7 ELSE review_date END, \
         version = version + 1, updated_at = $8, updated_by = $9 WHERE id = $10 AND version = $11",
    )
    .bind(event.state)
    .bind(resubmitted_on)
    .bind(i64::from(decided))
    .bind(event.meeting_id)
    .bind(event.text)
    .bind(event.conditions)
    .bind(event.review_date)
    .bind(event.at)
    .bind(event.by)
    .bind(request_id)
    .bind(version)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    insert_event(conn, request_id, event).await?;
    Ok(true)
}

/// Records a follow-up of an authorised project's conditions: met (no
/// further review) or the next review date.
pub async fn follow_up(
    conn: &mut Conn,
    request_id: i64,
    version: i64,
    event: &Event<'_>,
    conditions_met: bool,
) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE governance_authorisations SET conditions_met = $1, review_date = $2, version = version + 1, \
         updated_at = $3, updated_by = $4 WHERE id = $5 AND version = $6",
    )
    .bind(i64::from(conditions_met))
    .bind(event.review_date)
    .bind(event.at)
    .bind(event.by)
    .bind(request_id)
    .bind(version)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    insert_event(conn, request_id, event).await?;
    Ok(true)
}

/// One step of a request, as read.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct EventRow {
    /// Step code.
    pub step: String,
    /// The state after it.
    pub state: String,
    /// The meeting.
    pub meeting_id: Option<i64>,
    /// When that meeting began (UTC).
    pub meeting_starts_at: Option<String>,
    /// Note, reasons or follow-up.
    pub text: String,
    /// Conditions.
    pub conditions: String,
    /// Review date.
    pub review_date: Option<String>,
    /// When (UTC).
    pub at: String,
    /// By whom (display name).
    pub by_name: Option<String>,
}

/// Every step of a request, the first first.
pub async fn events(conn: &mut Conn, request_id: i64) -> StoreResult<Vec<EventRow>> {
    Ok(sqlx::query_as(
        "SELECT e.step, e.state, e.meeting_id, m.starts_at AS meeting_starts_at, e.text, e.conditions, \
         e.review_date, e.at, u.display_name AS by_name FROM governance_authorisation_events e \
         LEFT JOIN governance_meetings m ON m.id = e.meeting_id LEFT JOIN users u ON u.id = e.by_user \
         WHERE e.authorisation_id = $1 ORDER BY e.id",
    )
    .bind(request_id)
    .fetch_all(conn)
    .await?)
}
