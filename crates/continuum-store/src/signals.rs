//! Signals that a person may need help: who signalled whom, why, and what
//! the care team did with it (matched it to a person, acknowledged it).
//!
//! The signaller's own list ([`by_signaller`]) is a row type without any
//! register data: it cannot tell a prison officer whether the number they
//! typed belongs to anyone.

use crate::{Conn, Page, StoreResult};

/// A new signal.
#[derive(Debug, Clone)]
pub struct NewSignal<'a> {
    /// The prison concerned.
    pub site_id: i64,
    /// Source code.
    pub source: &'a str,
    /// Prison number as typed.
    pub prison_number: &'a str,
    /// Name as typed.
    pub name: &'a str,
    /// Why.
    pub reason: &'a str,
    /// Who signalled.
    pub signalled_by: Option<i64>,
    /// When.
    pub at: &'a str,
    /// The person, when already known (signals of the care team, entries).
    pub person_id: Option<i64>,
    /// Received at once (an entry's own signal).
    pub received: bool,
}

/// Writes a signal; a known person counts as matched by the signaller, and
/// a signal received at once as received by them.
pub async fn insert(conn: &mut Conn, signal: &NewSignal<'_>) -> StoreResult<i64> {
    let linked = signal.person_id.is_some();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO signals (site_id, source, prison_number, name, reason, signalled_by, signalled_at, person_id, \
         linked_by, linked_at, received_by, received_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
    )
    .bind(signal.site_id)
    .bind(signal.source)
    .bind(signal.prison_number)
    .bind(signal.name)
    .bind(signal.reason)
    .bind(signal.signalled_by)
    .bind(signal.at)
    .bind(signal.person_id)
    .bind(signal.signalled_by.filter(|_| linked))
    .bind(linked.then_some(signal.at))
    .bind(signal.signalled_by.filter(|_| signal.received))
    .bind(signal.received.then_some(signal.at))
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// A signal as the one who made it sees it: what they typed and whether
/// the care team received it, nothing from the register.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OwnSignalRow {
    /// Id.
    pub id: i64,
    /// The prison's code.
    pub site_code: String,
    /// Source code.
    pub source: String,
    /// Prison number as typed.
    pub prison_number: String,
    /// Name as typed.
    pub name: String,
    /// Why.
    pub reason: String,
    /// When.
    pub signalled_at: String,
    /// When the care team acknowledged it.
    pub received_at: Option<String>,
}

/// One page of the signals a user made (entries excepted), newest first.
pub async fn by_signaller(conn: &mut Conn, user_id: i64, page: Page) -> StoreResult<(Vec<OwnSignalRow>, i64)> {
    let rows = sqlx::query_as(&format!(
        "SELECT g.id, s.code AS site_code, g.source, g.prison_number, g.name, g.reason, g.signalled_at, \
         g.received_at FROM signals g JOIN sites s ON s.id = g.site_id \
         WHERE g.signalled_by = $1 AND g.source <> 'entry' ORDER BY g.id DESC LIMIT {} OFFSET {}",
        page.limit, page.offset
    ))
    .bind(user_id)
    .fetch_all(&mut *conn)
    .await?;
    let (total,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM signals WHERE signalled_by = $1 AND source <> 'entry'")
        .bind(user_id)
        .fetch_one(conn)
        .await?;
    Ok((rows, total))
}

/// A signal as the care team sees it, with the person it is matched to or,
/// while unmatched, the person at the prison who holds the number typed.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SignalRow {
    /// Id.
    pub id: i64,
    /// The prison.
    pub site_id: i64,
    /// Source code.
    pub source: String,
    /// Prison number as typed.
    pub prison_number: String,
    /// Name as typed.
    pub name: String,
    /// Why.
    pub reason: String,
    /// Display name of the signaller.
    pub signalled_by: Option<String>,
    /// When.
    pub signalled_at: String,
    /// The person matched to it.
    pub person_id: Option<i64>,
    /// The matched person, or the suggested one while unmatched.
    pub match_id: Option<i64>,
    /// Family name(s) of that person.
    pub match_family_name: Option<String>,
    /// Given name(s) of that person.
    pub match_given_names: Option<String>,
    /// When the care team acknowledged it.
    pub received_at: Option<String>,
}

/// The matched person, or else the person currently at the signal's prison
/// who holds the typed number there.
const SIGNAL_SELECT: &str = "SELECT g.id, g.site_id, g.source, g.prison_number, g.name, g.reason, \
     u.display_name AS signalled_by, g.signalled_at, g.person_id, m.id AS match_id, \
     m.family_name AS match_family_name, m.given_names AS match_given_names, g.received_at \
     FROM signals g LEFT JOIN users u ON u.id = g.signalled_by \
     LEFT JOIN people m ON m.id = COALESCE(g.person_id, (SELECT e.person_id FROM detention_episodes e \
         JOIN people q ON q.id = e.person_id AND q.site_id = g.site_id \
         WHERE e.site_id = g.site_id AND lower(e.prison_number) = lower(g.prison_number) \
         ORDER BY e.id DESC LIMIT 1))";

/// One signal.
pub async fn get(conn: &mut Conn, id: i64) -> StoreResult<Option<SignalRow>> {
    Ok(sqlx::query_as(&format!("{SIGNAL_SELECT} WHERE g.id = $1")).bind(id).fetch_optional(conn).await?)
}

/// One page of a prison's signals (entries excepted), only those not yet
/// received when `pending`; the oldest first, and how many in all, up to
/// [`crate::people::COUNT_LIMIT`] + 1.
pub async fn at_site(conn: &mut Conn, site_id: i64, pending: bool, page: Page) -> StoreResult<(Vec<SignalRow>, i64)> {
    let filter = if pending {
        "g.site_id = $1 AND g.source <> 'entry' AND g.received_at IS NULL"
    } else {
        "g.site_id = $1 AND g.source <> 'entry'"
    };
    let order = if pending { "g.signalled_at, g.id" } else { "g.signalled_at DESC, g.id DESC" };
    let sql = format!("{SIGNAL_SELECT} WHERE {filter} ORDER BY {order} LIMIT {} OFFSET {}", page.limit, page.offset);
    let rows = sqlx::query_as(&sql).bind(site_id).fetch_all(&mut *conn).await?;
    let limit = crate::people::COUNT_LIMIT + 1;
    let count = format!("SELECT COUNT(*) FROM (SELECT 1 FROM signals g WHERE {filter} LIMIT {limit}) capped");
    let (total,): (i64,) = sqlx::query_as(&count).bind(site_id).fetch_one(conn).await?;
    Ok((rows, total))
}

/// The signals matched to a person, newest first.
pub async fn for_person(conn: &mut Conn, person_id: i64) -> StoreResult<Vec<SignalRow>> {
    Ok(sqlx::query_as(&format!("{SIGNAL_SELECT} WHERE g.person_id = $1 ORDER BY g.signalled_at DESC, g.id DESC"))
        .bind(person_id)
        .fetch_all(conn)
        .await?)
}

/// Matches an unmatched signal to a person; `false` if it was matched meanwhile.
pub async fn link(conn: &mut Conn, id: i64, person_id: i64, by: Option<i64>, at: &str) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE signals SET person_id = $1, linked_by = $2, linked_at = $3 WHERE id = $4 AND person_id IS NULL",
    )
    .bind(person_id)
    .bind(by)
    .bind(at)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Marks a signal received; `false` if it was received before.
pub async fn acknowledge(conn: &mut Conn, id: i64, by: Option<i64>, at: &str) -> StoreResult<bool> {
    let done =
        sqlx::query("UPDATE signals SET received_by = $1, received_at = $2 WHERE id = $3 AND received_at IS NULL")
            .bind(by)
            .bind(at)
            .bind(id)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}
