//! Organisations and their history.

use continuum_domain::reference::OrganisationDraft;

use crate::sites::join_languages;
use crate::{Conn, Page, StoreResult, like_pattern};

/// A stored organisation.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OrganisationRow {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Kind code.
    pub kind: String,
    /// Language codes, comma-separated.
    pub languages: String,
    /// Contact details.
    pub contact: String,
    #[sqlx(try_from = "crate::Flag")]
    /// Whether in use.
    pub active: bool,
    /// Version, raised by every change.
    pub version: i64,
    /// Last change.
    pub updated_at: String,
}

/// One version of an organisation.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OrganisationVersionRow {
    /// The version.
    pub version: i64,
    /// Name then.
    pub name: String,
    /// Kind then.
    pub kind: String,
    /// Languages then.
    pub languages: String,
    /// Contact then.
    pub contact: String,
    #[sqlx(try_from = "crate::Flag")]
    /// Active then.
    pub active: bool,
    /// When.
    pub changed_at: String,
    /// By whom (username).
    pub changed_by: Option<String>,
}

/// Filter and order of the organisation list.
#[derive(Debug, Clone, Default)]
pub struct OrganisationQuery {
    /// Text to find in the name.
    pub search: Option<String>,
    /// Only this kind.
    pub kind: Option<String>,
    /// Sort by kind before name.
    pub sort_by_kind: bool,
}

const COLUMNS: &str = "id, name, kind, languages, contact, active, version, updated_at";

fn filter(query: &OrganisationQuery) -> String {
    let mut sql = String::from(" FROM organisations WHERE ($1 = '' OR lower(name) LIKE $2 ESCAPE '\\')");
    if query.kind.is_some() {
        sql.push_str(" AND kind = $3");
    }
    sql
}

/// One page of organisations matching the query, and how many match in all.
pub async fn list(conn: &mut Conn, query: &OrganisationQuery, page: Page) -> StoreResult<(Vec<OrganisationRow>, i64)> {
    let search = query.search.clone().unwrap_or_default();
    let pattern = like_pattern(&search);
    let order = if query.sort_by_kind { "kind, lower(name)" } else { "lower(name)" };
    let sql =
        format!("SELECT {COLUMNS}{} ORDER BY {order}, id LIMIT {} OFFSET {}", filter(query), page.limit, page.offset);
    let mut rows = sqlx::query_as(&sql).bind(search.trim().to_owned()).bind(&pattern);
    if let Some(kind) = &query.kind {
        rows = rows.bind(kind.clone());
    }
    let rows = rows.fetch_all(&mut *conn).await?;
    let count_sql = format!("SELECT COUNT(*){}", filter(query));
    let mut count = sqlx::query_as(&count_sql).bind(search.trim().to_owned()).bind(pattern);
    if let Some(kind) = &query.kind {
        count = count.bind(kind.clone());
    }
    let (total,): (i64,) = count.fetch_one(conn).await?;
    Ok((rows, total))
}

/// One organisation.
pub async fn get(conn: &mut Conn, id: i64) -> StoreResult<Option<OrganisationRow>> {
    let sql = format!("SELECT {COLUMNS} FROM organisations WHERE id = $1");
    Ok(sqlx::query_as(&sql).bind(id).fetch_optional(conn).await?)
}

/// Adds an organisation and its first version.
pub async fn insert(conn: &mut Conn, draft: &OrganisationDraft, at: &str, by: Option<i64>) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO organisations (name, kind, languages, contact, active, version, updated_at, updated_by) \
         VALUES ($1, $2, $3, $4, $5, 1, $6, $7) RETURNING id",
    )
    .bind(&draft.name)
    .bind(draft.kind.code())
    .bind(join_languages(&draft.languages))
    .bind(&draft.contact)
    .bind(i64::from(draft.active))
    .bind(at)
    .bind(by)
    .fetch_one(&mut *conn)
    .await?;
    record_version(conn, id).await?;
    Ok(id)
}

/// Changes an organisation if still at `expected_version`.
pub async fn update(
    conn: &mut Conn,
    id: i64,
    expected_version: i64,
    draft: &OrganisationDraft,
    at: &str,
    by: Option<i64>,
) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE organisations SET name = $1, kind = $2, languages = $3, contact = $4, active = $5, \
         version = version + 1, updated_at = $6, updated_by = $7 WHERE id = $8 AND version = $9",
    )
    .bind(&draft.name)
    .bind(draft.kind.code())
    .bind(join_languages(&draft.languages))
    .bind(&draft.contact)
    .bind(i64::from(draft.active))
    .bind(at)
    .bind(by)
    .bind(id)
    .bind(expected_version)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    record_version(conn, id).await?;
    Ok(true)
}

async fn record_version(conn: &mut Conn, id: i64) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO organisation_history \
         (organisation_id, version, name, kind, languages, contact, active, changed_at, changed_by) \
         SELECT id, version, name, kind, languages, contact, active, updated_at, updated_by \
         FROM organisations WHERE id = $1",
    )
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Every version of an organisation, newest first.
pub async fn history(conn: &mut Conn, id: i64) -> StoreResult<Vec<OrganisationVersionRow>> {
    Ok(sqlx::query_as(
        "SELECT h.version, h.name, h.kind, h.languages, h.contact, h.active, h.changed_at, \
         u.username AS changed_by FROM organisation_history h LEFT JOIN users u ON u.id = h.changed_by \
         WHERE h.organisation_id = $1 ORDER BY h.version DESC",
    )
    .bind(id)
    .fetch_all(conn)
    .await?)
}
