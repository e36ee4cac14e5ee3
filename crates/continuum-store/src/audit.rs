//! The audit trail: append-only rows chained by hash, and the chain head.
//!
//! [`append`] must run inside the transaction whose change the rows record:
//! it locks the head row (an `UPDATE` takes the row lock on PostgreSQL and
//! the write lock on SQLite), so audited transactions append one after the
//! other and the chain has no forks.

use continuum_domain::audit::{AuditEntry, ChainedEntry, chain};

use crate::{Conn, Page, StoreResult};

/// Appends entries to the chain, returning their sequence numbers.
pub async fn append(conn: &mut Conn, entries: &[AuditEntry], now: &str) -> StoreResult<Vec<i64>> {
    if entries.is_empty() {
        return Ok(Vec::new());
    }
    let (mut seq, mut hash): (i64, String) =
        sqlx::query_as("UPDATE audit_head SET claimed_at = $1 WHERE id = 1 RETURNING seq, hash")
            .bind(now)
            .fetch_one(&mut *conn)
            .await?;
    let mut rows = Vec::with_capacity(entries.len());
    for entry in entries {
        let previous = (seq > 0).then_some((seq, hash.as_str()));
        let row = chain(previous, entry.clone());
        seq = row.seq;
        hash = row.hash.clone();
        rows.push(row);
    }
    for chunk in rows.chunks(ROWS_PER_INSERT) {
        insert(conn, chunk).await?;
    }
    sqlx::query("UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1").bind(seq).bind(&hash).execute(conn).await?;
    Ok(rows.iter().map(|r| r.seq).collect())
}

/// Rows per `INSERT` statement: one statement per batch chunk instead of one
/// per row, and 18 × 50 parameters stay under SQLite's oldest limit (999).
const ROWS_PER_INSERT: usize = 50;
const COLUMNS_PER_ROW: usize = 18;

async fn insert(conn: &mut Conn, rows: &[ChainedEntry]) -> StoreResult<()> {
    let mut sql = String::from(
        "INSERT INTO audit_log (seq, at, user_id, username, role, site, action, outcome, purpose, \
         person_id, resource_kind, resource_id, reason, ip, user_agent, request_id, prev_hash, hash) VALUES ",
    );
    for index in 0..rows.len() {
        let first = index * COLUMNS_PER_ROW + 1;
        let placeholders: Vec<String> = (first..first + COLUMNS_PER_ROW).map(|n| format!("${n}")).collect();
        if index > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        sql.push_str(&placeholders.join(", "));
        sql.push(')');
    }
    let mut query = sqlx::query(&sql);
    for row in rows {
        let e = &row.entry;
        query = query
            .bind(row.seq)
            .bind(&e.at)
            .bind(e.user_id)
            .bind(&e.username)
            .bind(&e.role)
            .bind(&e.site)
            .bind(&e.action)
            .bind(&e.outcome)
            .bind(&e.purpose)
            .bind(e.person_id)
            .bind(&e.resource_kind)
            .bind(&e.resource_id)
            .bind(&e.reason)
            .bind(&e.ip)
            .bind(&e.user_agent)
            .bind(&e.request_id)
            .bind(&row.prev_hash)
            .bind(&row.hash);
    }
    query.execute(conn).await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct Row {
    seq: i64,
    at: String,
    user_id: Option<i64>,
    username: Option<String>,
    role: Option<String>,
    site: Option<String>,
    action: String,
    outcome: String,
    purpose: String,
    person_id: Option<i64>,
    resource_kind: Option<String>,
    resource_id: Option<String>,
    reason: Option<String>,
    ip: Option<String>,
    user_agent: Option<String>,
    request_id: Option<String>,
    prev_hash: String,
    hash: String,
}

impl From<Row> for ChainedEntry {
    fn from(r: Row) -> Self {
        ChainedEntry {
            seq: r.seq,
            entry: AuditEntry {
                at: r.at,
                user_id: r.user_id,
                username: r.username,
                role: r.role,
                site: r.site,
                action: r.action,
                outcome: r.outcome,
                purpose: r.purpose,
                person_id: r.person_id,
                resource_kind: r.resource_kind,
                resource_id: r.resource_id,
                reason: r.reason,
                ip: r.ip,
                user_agent: r.user_agent,
                request_id: r.request_id,
            },
            prev_hash: r.prev_hash,
            hash: r.hash,
        }
    }
}

const COLUMNS: &str = "seq, at, user_id, username, role, site, action, outcome, purpose, person_id, \
     resource_kind, resource_id, reason, ip, user_agent, request_id, prev_hash, hash";

/// Up to `limit` rows after `after_seq`, in chain order (for verification).
pub async fn rows_after(conn: &mut Conn, after_seq: i64, limit: i64) -> StoreResult<Vec<ChainedEntry>> {
    let rows: Vec<Row> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT {limit}"))
            .bind(after_seq)
            .fetch_all(conn)
            .await?;
    Ok(rows.into_iter().map(ChainedEntry::from).collect())
}

/// The chain head: the last sequence number and hash written.
pub async fn head(conn: &mut Conn) -> StoreResult<(i64, String)> {
    Ok(sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1").fetch_one(conn).await?)
}

/// What to look for in the trail. Empty fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct AuditQuery {
    /// Username, exact.
    pub username: Option<String>,
    /// Action code prefix, e.g. `session.` or `user.read`.
    pub action: Option<String>,
    /// Outcome code.
    pub outcome: Option<String>,
    /// The person concerned.
    pub person_id: Option<i64>,
    /// Resource kind and id.
    pub resource: Option<(String, String)>,
    /// From this instant (inclusive).
    pub from: Option<String>,
    /// Until this instant (exclusive).
    pub until: Option<String>,
    /// Only accesses to data (reads and writes), leaving out sign-ins.
    pub data_access_only: bool,
}

/// One page of matching rows, newest first, and how many match in all.
pub async fn search(conn: &mut Conn, query: &AuditQuery, page: Page) -> StoreResult<(Vec<ChainedEntry>, i64)> {
    let mut conditions: Vec<String> = Vec::new();
    let mut params: Vec<String> = Vec::new();
    let mut param = |value: String, conditions: &mut Vec<String>, template: &str| {
        params.push(value);
        conditions.push(template.replace('?', &format!("${}", params.len())));
    };
    if let Some(v) = &query.username {
        param(v.clone(), &mut conditions, "username = ?");
    }
    if let Some(v) = &query.action {
        param(format!("{v}%"), &mut conditions, "action LIKE ?");
    }
    if let Some(v) = &query.outcome {
        param(v.clone(), &mut conditions, "outcome = ?");
    }
    if let Some(id) = query.person_id {
        param(id.to_string(), &mut conditions, "CAST(person_id AS TEXT) = ?");
    }
    if let Some((kind, id)) = &query.resource {
        param(kind.clone(), &mut conditions, "resource_kind = ?");
        param(id.clone(), &mut conditions, "resource_id = ?");
    }
    if let Some(v) = &query.from {
        param(v.clone(), &mut conditions, "at >= ?");
    }
    if let Some(v) = &query.until {
        param(v.clone(), &mut conditions, "at < ?");
    }
    if query.data_access_only {
        conditions.push("purpose <> 'authentication'".into());
    }
    let filter = if conditions.is_empty() { String::new() } else { format!(" WHERE {}", conditions.join(" AND ")) };
    let sql = format!(
        "SELECT {COLUMNS} FROM audit_log{filter} ORDER BY seq DESC LIMIT {} OFFSET {}",
        page.limit, page.offset
    );
    let mut rows = sqlx::query_as::<_, Row>(&sql);
    for p in &params {
        rows = rows.bind(p.clone());
    }
    let rows = rows.fetch_all(&mut *conn).await?;
    let count_sql = format!("SELECT COUNT(*) FROM audit_log{filter}");
    let mut count = sqlx::query_as::<_, (i64,)>(&count_sql);
    for p in &params {
        count = count.bind(p.clone());
    }
    let (total,) = count.fetch_one(conn).await?;
    Ok((rows.into_iter().map(ChainedEntry::from).collect(), total))
}
