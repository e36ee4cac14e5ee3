//! Handovers at a transfer (migration 0013): between pilot prisons, until
//! the receiving team acknowledges them; and the handover documents of
//! transfers out of the programme.

use crate::{Conn, StoreResult};

/// A transfer between pilot prisons, to record.
#[derive(Debug, Clone)]
pub struct NewHandover<'a> {
    /// The person.
    pub person_id: i64,
    /// The sending prison.
    pub from_site_id: i64,
    /// The receiving prison.
    pub to_site_id: i64,
    /// The episode the transfer ended.
    pub from_episode_id: i64,
    /// The episode it opened.
    pub to_episode_id: i64,
    /// When.
    pub transferred_at: &'a str,
    /// By whom.
    pub transferred_by: Option<i64>,
}

/// Records a handover; answers its id.
pub async fn insert(conn: &mut Conn, new: &NewHandover<'_>) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO handovers (person_id, from_site_id, to_site_id, from_episode_id, to_episode_id, \
         transferred_at, transferred_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(new.person_id)
    .bind(new.from_site_id)
    .bind(new.to_site_id)
    .bind(new.from_episode_id)
    .bind(new.to_episode_id)
    .bind(new.transferred_at)
    .bind(new.transferred_by)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// A stored handover, with its person's name.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct HandoverRow {
    /// Id.
    pub id: i64,
    /// The person.
    pub person_id: i64,
    /// Family name(s).
    pub family_name: String,
    /// Given name(s).
    pub given_names: String,
    /// The sending prison.
    pub from_site_id: i64,
    /// Its code.
    pub from_site: String,
    /// The receiving prison.
    pub to_site_id: i64,
    /// Its code.
    pub to_site: String,
    /// The prison number at the receiving prison.
    pub prison_number: String,
    /// The day of the transfer.
    pub transfer_date: String,
    /// When it was recorded.
    pub transferred_at: String,
    /// By whom (username).
    pub transferred_by: Option<String>,
    /// When the receiving team acknowledged it.
    pub acknowledged_at: Option<String>,
    /// By whom (username).
    pub acknowledged_by: Option<String>,
}

// `CROSS JOIN people` (joined in each WHERE) fixes the join order on SQLite:
// a handover is found first (by id or by the small pending indexes), then its
// person. With a plain JOIN and no table statistics SQLite led with the people
// of a site, about 12 ms on the national bench database instead of 0.1 ms.
// PostgreSQL plans it as the inner join it is.
const SELECT: &str = "SELECT h.id, h.person_id, p.family_name, p.given_names, h.from_site_id, f.code AS from_site, \
     h.to_site_id, t.code AS to_site, e.prison_number, e.entry_date AS transfer_date, h.transferred_at, \
     u.username AS transferred_by, h.acknowledged_at, a.username AS acknowledged_by \
     FROM handovers h CROSS JOIN people p JOIN sites f ON f.id = h.from_site_id \
     JOIN sites t ON t.id = h.to_site_id JOIN detention_episodes e ON e.id = h.to_episode_id \
     LEFT JOIN users u ON u.id = h.transferred_by LEFT JOIN users a ON a.id = h.acknowledged_by";

/// One handover.
pub async fn get(conn: &mut Conn, id: i64) -> StoreResult<Option<HandoverRow>> {
    Ok(sqlx::query_as(&format!("{SELECT} WHERE p.id = h.person_id AND h.id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await?)
}

/// The handovers not yet acknowledged that leave from or arrive at
/// `site_id`, the oldest first (at most `limit`).
pub async fn pending_at(conn: &mut Conn, site_id: i64, limit: i64) -> StoreResult<Vec<HandoverRow>> {
    let sql = format!(
        "{SELECT} WHERE p.id = h.person_id AND h.acknowledged_at IS NULL AND (h.to_site_id = $1 OR h.from_site_id = $1) \
         AND p.merged_into IS NULL ORDER BY h.transferred_at, h.id LIMIT {limit}"
    );
    Ok(sqlx::query_as(&sql).bind(site_id).fetch_all(conn).await?)
}

/// The transfers of a person made since `since`: (sending prison, when).
pub async fn sent_since(conn: &mut Conn, person_id: i64, since: &str) -> StoreResult<Vec<(i64, String)>> {
    Ok(sqlx::query_as(
        "SELECT from_site_id, transferred_at FROM handovers WHERE person_id = $1 AND transferred_at >= $2 \
         ORDER BY transferred_at",
    )
    .bind(person_id)
    .bind(since)
    .fetch_all(conn)
    .await?)
}

/// Records the receiving team's acknowledgement; `false` if already done.
pub async fn acknowledge(conn: &mut Conn, id: i64, by: Option<i64>, at: &str) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE handovers SET acknowledged_at = $1, acknowledged_by = $2 WHERE id = $3 AND acknowledged_at IS NULL",
    )
    .bind(at)
    .bind(by)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A handover document to keep.
#[derive(Debug, Clone)]
pub struct NewDocument<'a> {
    /// The person.
    pub person_id: i64,
    /// The sending prison.
    pub site_id: i64,
    /// The episode the transfer ended.
    pub episode_id: i64,
    /// The receiving prison's name.
    pub receiving_prison: &'a str,
    /// The document's language.
    pub language: &'a str,
    /// The day of the transfer.
    pub transfer_date: &'a str,
    /// The PDF.
    pub pdf: &'a [u8],
    /// By whom.
    pub created_by: Option<i64>,
    /// When.
    pub created_at: &'a str,
    /// The receiving organisation of the directory, if the receiver is one.
    pub organisation_id: Option<i64>,
}

/// Keeps a handover document; answers its id.
pub async fn insert_document(conn: &mut Conn, new: &NewDocument<'_>) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO handover_documents (person_id, site_id, episode_id, receiving_prison, language, transfer_date, \
         pdf, created_by, created_at, organisation_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(new.person_id)
    .bind(new.site_id)
    .bind(new.episode_id)
    .bind(new.receiving_prison)
    .bind(new.language)
    .bind(new.transfer_date)
    .bind(new.pdf)
    .bind(new.created_by)
    .bind(new.created_at)
    .bind(new.organisation_id)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// A handover document, without its PDF.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct DocumentRow {
    /// Id.
    pub id: i64,
    /// The person.
    pub person_id: i64,
    /// The sending prison.
    pub site_id: i64,
    /// The receiving prison's name.
    pub receiving_prison: String,
    /// The document's language.
    pub language: String,
    /// The day of the transfer.
    pub transfer_date: String,
    /// By whom (username).
    pub created_by: Option<String>,
    /// When.
    pub created_at: String,
    /// The person's family name(s).
    pub family_name: String,
    /// The person's given name(s).
    pub given_names: String,
    /// The receiving organisation of the directory, if the receiver is one.
    pub organisation_id: Option<i64>,
    /// When it was sent (migration 0018).
    pub sent_at: Option<String>,
    /// By whom (username).
    pub sent_by: Option<String>,
    /// To whom.
    pub sent_to: Option<String>,
    /// How (`continuum_domain::handover::sending::Channel` code).
    pub sent_channel: Option<String>,
    /// When its receipt was confirmed.
    pub received_at: Option<String>,
    /// By whom (username).
    pub received_by: Option<String>,
    /// By which party (`receiver`, `sender`).
    pub receipt_by: Option<String>,
}

const DOCUMENT: &str = "SELECT d.id, d.person_id, d.site_id, d.receiving_prison, d.language, d.transfer_date, \
     u.username AS created_by, d.created_at, p.family_name, p.given_names, d.organisation_id, d.sent_at, \
     s.username AS sent_by, d.sent_to, d.sent_channel, d.received_at, r.username AS received_by, d.receipt_by \
     FROM handover_documents d JOIN people p ON p.id = d.person_id LEFT JOIN users u ON u.id = d.created_by \
     LEFT JOIN users s ON s.id = d.sent_by LEFT JOIN users r ON r.id = d.received_by";

/// A person's handover documents, the newest first.
pub async fn documents_of(conn: &mut Conn, person_id: i64) -> StoreResult<Vec<DocumentRow>> {
    Ok(sqlx::query_as(&format!("{DOCUMENT} WHERE d.person_id = $1 ORDER BY d.id DESC"))
        .bind(person_id)
        .fetch_all(conn)
        .await?)
}

/// One handover document, without its PDF.
pub async fn document_row(conn: &mut Conn, id: i64) -> StoreResult<Option<DocumentRow>> {
    Ok(sqlx::query_as(&format!("{DOCUMENT} WHERE d.id = $1")).bind(id).fetch_optional(conn).await?)
}

/// One handover document and its PDF.
pub async fn document(conn: &mut Conn, id: i64) -> StoreResult<Option<(DocumentRow, Vec<u8>)>> {
    let row: Option<DocumentRow> =
        sqlx::query_as(&format!("{DOCUMENT} WHERE d.id = $1")).bind(id).fetch_optional(&mut *conn).await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let (pdf,): (Vec<u8>,) =
        sqlx::query_as("SELECT pdf FROM handover_documents WHERE id = $1").bind(id).fetch_one(conn).await?;
    Ok(Some((row, pdf)))
}

/// A sending to record.
#[derive(Debug, Clone)]
pub struct Sending<'a> {
    /// When.
    pub at: &'a str,
    /// By whom.
    pub by: Option<i64>,
    /// To whom.
    pub to: &'a str,
    /// How (a channel code).
    pub channel: &'a str,
}

/// Records that a document was sent; `false` if it already was.
pub async fn record_sending(conn: &mut Conn, id: i64, sending: &Sending<'_>) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE handover_documents SET sent_at = $1, sent_by = $2, sent_to = $3, sent_channel = $4 \
         WHERE id = $5 AND sent_at IS NULL",
    )
    .bind(sending.at)
    .bind(sending.by)
    .bind(sending.to)
    .bind(sending.channel)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records that a sent document arrived, confirmed by `receipt_by`
/// (`receiver`, `sender`); `false` if not sent or already confirmed.
pub async fn confirm_receipt(
    conn: &mut Conn,
    id: i64,
    by: Option<i64>,
    at: &str,
    receipt_by: &str,
) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE handover_documents SET received_at = $1, received_by = $2, receipt_by = $3 \
         WHERE id = $4 AND sent_at IS NOT NULL AND received_at IS NULL",
    )
    .bind(at)
    .bind(by)
    .bind(receipt_by)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The documents sent from `site_id` whose receipt is not confirmed, the
/// longest waiting first (at most `limit`).
pub async fn awaiting_receipt_from(conn: &mut Conn, site_id: i64, limit: i64) -> StoreResult<Vec<DocumentRow>> {
    let sql = format!(
        "{DOCUMENT} WHERE d.site_id = $1 AND d.sent_at IS NOT NULL AND d.received_at IS NULL \
         AND p.merged_into IS NULL ORDER BY d.sent_at, d.id LIMIT {limit}"
    );
    Ok(sqlx::query_as(&sql).bind(site_id).fetch_all(conn).await?)
}

/// The documents sent to organisation `organisation_id` whose receipt is
/// not confirmed, the longest waiting first (at most `limit`).
pub async fn awaiting_receipt_at(conn: &mut Conn, organisation_id: i64, limit: i64) -> StoreResult<Vec<DocumentRow>> {
    let sql = format!(
        "{DOCUMENT} WHERE d.organisation_id = $1 AND d.sent_at IS NOT NULL AND d.received_at IS NULL \
         AND p.merged_into IS NULL ORDER BY d.sent_at, d.id LIMIT {limit}"
    );
    Ok(sqlx::query_as(&sql).bind(organisation_id).fetch_all(conn).await?)
}

/// The person of a pathway (not superseded by a merge), if any.
pub async fn pathway_person(conn: &mut Conn, pathway_id: i64) -> StoreResult<Option<i64>> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT person_id FROM pathways WHERE id = $1 AND superseded_by_merge IS NULL")
            .bind(pathway_id)
            .fetch_optional(conn)
            .await?;
    Ok(row.map(|(id,)| id))
}

/// When a pathway was opened.
pub async fn pathway_opened_at(conn: &mut Conn, pathway_id: i64) -> StoreResult<Option<String>> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT opened_at FROM pathways WHERE id = $1").bind(pathway_id).fetch_optional(conn).await?;
    Ok(row.map(|(at,)| at))
}
