//! Sites and their history: every change keeps the previous version.

use continuum_domain::reference::SiteDraft;
use continuum_domain::site::Language;

use crate::{Conn, StoreResult};

/// A stored site.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SiteRow {
    /// Id.
    pub id: i64,
    /// Three-letter code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Language codes, comma-separated, main one first.
    pub languages: String,
    #[sqlx(try_from = "crate::Flag")]
    /// Whether the site takes part now.
    pub active: bool,
    /// Version, from 1, raised by every change.
    pub version: i64,
    /// Last change.
    pub updated_at: String,
    /// Who made the last change.
    pub updated_by: Option<i64>,
}

/// One version of a site.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SiteVersionRow {
    /// The version.
    pub version: i64,
    /// Code then.
    pub code: String,
    /// Name then.
    pub name: String,
    /// Languages then.
    pub languages: String,
    #[sqlx(try_from = "crate::Flag")]
    /// Active then.
    pub active: bool,
    /// When.
    pub changed_at: String,
    /// By whom (username), if known.
    pub changed_by: Option<String>,
}

/// Joins languages as stored.
pub fn join_languages(languages: &[Language]) -> String {
    languages.iter().map(|l| l.code()).collect::<Vec<_>>().join(",")
}

const COLUMNS: &str = "id, code, name, languages, active, version, updated_at, updated_by";

/// Every site, by code.
pub async fn list(conn: &mut Conn) -> StoreResult<Vec<SiteRow>> {
    let sql = format!("SELECT {COLUMNS} FROM sites ORDER BY code");
    Ok(sqlx::query_as(&sql).fetch_all(conn).await?)
}

/// One site by id.
pub async fn get(conn: &mut Conn, id: i64) -> StoreResult<Option<SiteRow>> {
    let sql = format!("SELECT {COLUMNS} FROM sites WHERE id = $1");
    Ok(sqlx::query_as(&sql).bind(id).fetch_optional(conn).await?)
}

/// One site by code.
pub async fn by_code(conn: &mut Conn, code: &str) -> StoreResult<Option<SiteRow>> {
    let sql = format!("SELECT {COLUMNS} FROM sites WHERE code = $1");
    Ok(sqlx::query_as(&sql).bind(code).fetch_optional(conn).await?)
}

/// Adds a site and its first version.
pub async fn insert(conn: &mut Conn, draft: &SiteDraft, at: &str, by: Option<i64>) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO sites (code, name, languages, active, version, updated_at, updated_by) \
         VALUES ($1, $2, $3, $4, 1, $5, $6) RETURNING id",
    )
    .bind(draft.code.as_str())
    .bind(&draft.name)
    .bind(join_languages(&draft.languages))
    .bind(i64::from(draft.active))
    .bind(at)
    .bind(by)
    .fetch_one(&mut *conn)
    .await?;
    record_version(conn, id).await?;
    Ok(id)
}

/// Changes a site if it is still at `expected_version`; `false` when someone
/// changed it in between (or it does not exist).
pub async fn update(
    conn: &mut Conn,
    id: i64,
    expected_version: i64,
    draft: &SiteDraft,
    at: &str,
    by: Option<i64>,
) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE sites SET code = $1, name = $2, languages = $3, active = $4, \
         version = version + 1, updated_at = $5, updated_by = $6 WHERE id = $7 AND version = $8",
    )
    .bind(draft.code.as_str())
    .bind(&draft.name)
    .bind(join_languages(&draft.languages))
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
        "INSERT INTO site_history (site_id, version, code, name, languages, active, changed_at, changed_by) \
         SELECT id, version, code, name, languages, active, updated_at, updated_by FROM sites WHERE id = $1",
    )
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Every version of a site, newest first.
pub async fn history(conn: &mut Conn, id: i64) -> StoreResult<Vec<SiteVersionRow>> {
    Ok(sqlx::query_as(
        "SELECT h.version, h.code, h.name, h.languages, h.active, h.changed_at, u.username AS changed_by \
         FROM site_history h LEFT JOIN users u ON u.id = h.changed_by \
         WHERE h.site_id = $1 ORDER BY h.version DESC",
    )
    .bind(id)
    .fetch_all(conn)
    .await?)
}
