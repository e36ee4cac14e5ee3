//! Referrals and their changes (`0016_referrals.sql`). What a status means
//! and which change may follow is the domain's
//! (`continuum_domain::referral`); this module keeps them.

use crate::{Conn, Page, StoreResult};

/// A stored referral, with the names of the person, the service and the
/// organisation, and the person's current prison.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ReferralRow {
    /// Id.
    pub id: i64,
    /// The person.
    pub person_id: i64,
    /// Family name(s).
    pub family_name: String,
    /// Given name(s).
    pub given_names: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    /// The person's current prison.
    pub person_site_id: i64,
    /// Its code.
    pub person_site: String,
    /// Prison number of the person's current episode.
    pub prison_number: Option<String>,
    /// The prison that wrote the referral.
    pub site_id: i64,
    /// The service.
    pub service_id: i64,
    /// Its name.
    pub service: String,
    /// Its kind's code.
    pub service_kind: String,
    /// The service's organisation.
    pub organisation_id: i64,
    /// Its name.
    pub organisation: String,
    /// Why.
    pub reason: String,
    /// Urgency code.
    pub urgency: String,
    /// Section codes shared, comma-separated.
    pub sections: String,
    /// Coverage warnings confirmed, comma-separated codes.
    pub coverage_confirmed: String,
    /// Status code.
    pub status: String,
    /// When the status began.
    pub status_since: String,
    /// The appointment (Belgian wall-clock time), when one is given.
    pub appointment_at: Option<String>,
    /// Where.
    pub appointment_place: String,
    /// When sent.
    pub sent_at: Option<String>,
    /// When written.
    pub created_at: String,
    /// Who wrote it (display name).
    pub created_by: Option<String>,
    /// Raised by every change.
    pub version: i64,
}

const SELECT: &str = "SELECT r.id, r.person_id, p.family_name, p.given_names, p.birth_date, \
     p.site_id AS person_site_id, ps.code AS person_site, e.prison_number, r.site_id, r.service_id, \
     cs.name AS service, cs.kind AS service_kind, r.organisation_id, o.name AS organisation, r.reason, r.urgency, r.sections, \
     r.coverage_confirmed, r.status, r.status_since, r.appointment_at, r.appointment_place, r.sent_at, \
     r.created_at, u.display_name AS created_by, r.version \
     FROM referrals r JOIN people p ON p.id = r.person_id JOIN sites ps ON ps.id = p.site_id \
     LEFT JOIN detention_episodes e ON e.id = p.current_episode_id \
     JOIN care_services cs ON cs.id = r.service_id JOIN organisations o ON o.id = r.organisation_id \
     LEFT JOIN users u ON u.id = r.created_by";

/// A referral to write.
#[derive(Debug, Clone)]
pub struct NewReferral<'a> {
    /// The person.
    pub person_id: i64,
    /// The prison that writes it.
    pub site_id: i64,
    /// The service.
    pub service_id: i64,
    /// Its organisation.
    pub organisation_id: i64,
    /// Why.
    pub reason: &'a str,
    /// Urgency code.
    pub urgency: &'a str,
    /// Section codes, comma-separated.
    pub sections: &'a str,
    /// Coverage warnings confirmed, comma-separated.
    pub coverage_confirmed: &'a str,
    /// Now.
    pub at: &'a str,
    /// Who writes it.
    pub by: Option<i64>,
}

/// One change of a referral.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct EventRow {
    /// Id.
    pub id: i64,
    /// `create` or a step code.
    pub step: String,
    /// The status after it.
    pub status: String,
    /// `care_team` or `provider`.
    pub party: String,
    /// A note (reason of a refusal or closing).
    pub note: String,
    /// The appointment given.
    pub appointment_at: Option<String>,
    /// Where.
    pub appointment_place: String,
    /// When.
    pub at: String,
    /// Who (display name).
    #[sqlx(rename = "by_name")]
    pub by: Option<String>,
}

/// A change to record.
#[derive(Debug, Clone)]
pub struct NewEvent<'a> {
    /// The referral.
    pub referral_id: i64,
    /// `create` or a step code.
    pub step: &'a str,
    /// The status after it.
    pub status: &'a str,
    /// `care_team` or `provider`.
    pub party: &'a str,
    /// A note.
    pub note: &'a str,
    /// The appointment given, with its place.
    pub appointment: Option<(&'a str, &'a str)>,
    /// When.
    pub at: &'a str,
    /// Who.
    pub by: Option<i64>,
}

/// Writes a draft referral; answers its id.
pub async fn insert(conn: &mut Conn, new: &NewReferral<'_>) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO referrals (person_id, site_id, service_id, organisation_id, reason, urgency, sections, \
         coverage_confirmed, status, status_since, created_at, created_by, version) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'draft', $9, $9, $10, 1) RETURNING id",
    )
    .bind(new.person_id)
    .bind(new.site_id)
    .bind(new.service_id)
    .bind(new.organisation_id)
    .bind(new.reason)
    .bind(new.urgency)
    .bind(new.sections)
    .bind(new.coverage_confirmed)
    .bind(new.at)
    .bind(new.by)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// Records a change of a referral.
pub async fn insert_event(conn: &mut Conn, event: &NewEvent<'_>) -> StoreResult<()> {
    let (appointment_at, place) = event.appointment.map_or((None, ""), |(at, place)| (Some(at), place));
    sqlx::query(
        "INSERT INTO referral_events (referral_id, step, status, party, note, appointment_at, appointment_place, \
         at, by_user) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(event.referral_id)
    .bind(event.step)
    .bind(event.status)
    .bind(event.party)
    .bind(event.note)
    .bind(appointment_at)
    .bind(place)
    .bind(event.at)
    .bind(event.by)
    .execute(conn)
    .await?;
    Ok(())
}

/// The new status of a referral, if it is still at `version`: `false` when
/// someone changed it meanwhile. An appointment given replaces the one
/// before; sending records the instant sent.
pub async fn set_status(
    conn: &mut Conn,
    id: i64,
    version: i64,
    status: &str,
    at: &str,
    appointment: Option<(&str, &str)>,
) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE referrals SET status = $1, status_since = $2, version = version + 1, \
         appointment_at = COALESCE($3, appointment_at), \
         appointment_place = CASE WHEN $3 IS NULL THEN appointment_place ELSE $4 END, \
         sent_at = CASE WHEN $1 = 'sent' THEN $2 ELSE sent_at END \
         WHERE id = $5 AND version = $6",
    )
    .bind(status)
    .bind(at)
    .bind(appointment.map(|(at, _)| at))
    .bind(appointment.map_or("", |(_, place)| place))
    .bind(id)
    .bind(version)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// One referral.
pub async fn get(conn: &mut Conn, id: i64) -> StoreResult<Option<ReferralRow>> {
    let sql = format!("{SELECT} WHERE r.id = $1");
    Ok(sqlx::query_as(&sql).bind(id).fetch_optional(conn).await?)
}

/// Every change of a referral, in order.
pub async fn events(conn: &mut Conn, id: i64) -> StoreResult<Vec<EventRow>> {
    Ok(sqlx::query_as(
        "SELECT v.id, v.step, v.status, v.party, v.note, v.appointment_at, v.appointment_place, v.at, \
         u.display_name AS by_name FROM referral_events v LEFT JOIN users u ON u.id = v.by_user \
         WHERE v.referral_id = $1 ORDER BY v.id",
    )
    .bind(id)
    .fetch_all(conn)
    .await?)
}

/// Every referral of a person, the newest first.
pub async fn of_person(conn: &mut Conn, person_id: i64) -> StoreResult<Vec<ReferralRow>> {
    let sql = format!("{SELECT} WHERE r.person_id = $1 ORDER BY r.id DESC");
    Ok(sqlx::query_as(&sql).bind(person_id).fetch_all(conn).await?)
}

/// The referrals sent to an organisation (drafts are the care team's
/// alone), the newest first.
pub async fn sent_to_organisation(conn: &mut Conn, organisation_id: i64) -> StoreResult<Vec<ReferralRow>> {
    let sql = format!("{SELECT} WHERE r.organisation_id = $1 AND r.status <> 'draft' ORDER BY r.id DESC");
    Ok(sqlx::query_as(&sql).bind(organisation_id).fetch_all(conn).await?)
}

/// A page of the referrals of the people now at these prisons, the newest
/// first, optionally of one status; and how many there are.
pub async fn at_sites(
    conn: &mut Conn,
    sites: &[i64],
    status: Option<&str>,
    page: Page,
) -> StoreResult<(Vec<ReferralRow>, i64)> {
    if sites.is_empty() {
        return Ok((Vec::new(), 0));
    }
    let ids: Vec<String> = sites.iter().map(i64::to_string).collect();
    let filter = format!("p.site_id IN ({}) AND ($1 = '' OR r.status = $1)", ids.join(", "));
    let (total,): (i64,) =
        sqlx::query_as(&format!("SELECT COUNT(*) FROM referrals r JOIN people p ON p.id = r.person_id WHERE {filter}"))
            .bind(status.unwrap_or_default())
            .fetch_one(&mut *conn)
            .await?;
    let sql = format!("{SELECT} WHERE {filter} ORDER BY r.id DESC LIMIT $2 OFFSET $3");
    let rows = sqlx::query_as(&sql)
        .bind(status.unwrap_or_default())
        .bind(page.limit)
        .bind(page.offset)
        .fetch_all(conn)
        .await?;
    Ok((rows, total))
}

/// The referrals waiting on their service (sent, accepted, appointment
/// made) of the people now at these prisons, the oldest change first: the
/// candidates for the worklist's overdue referrals.
pub async fn waiting_at_sites(conn: &mut Conn, sites: &[i64]) -> StoreResult<Vec<ReferralRow>> {
    if sites.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<String> = sites.iter().map(i64::to_string).collect();
    let sql = format!(
        "{SELECT} WHERE r.status IN ('sent', 'accepted', 'appointment_made') AND p.site_id IN ({}) \
         ORDER BY r.status_since, r.id",
        ids.join(", ")
    );
    Ok(sqlx::query_as(&sql).fetch_all(conn).await?)
}
