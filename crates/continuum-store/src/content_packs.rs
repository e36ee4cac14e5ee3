//! Content packs (licensed wording of an instrument version in a language,
//! with its provenance) and their wording, item by item and option by option.

use crate::{Conn, Page, StoreResult};

/// A stored pack, without its wording.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PackRow {
    /// Id.
    pub id: i64,
    /// Instrument code.
    pub instrument: String,
    /// Instrument version.
    pub version: String,
    /// Language code.
    pub language: String,
    /// Where the wording comes from.
    pub source: String,
    /// Who holds the rights.
    pub rights_holder: String,
    /// When permission was given (`YYYY-MM-DD`).
    pub permission_date: String,
    /// SHA-256 of the content, in hex.
    pub digest: String,
    /// Who loaded it (a user id).
    pub loaded_by: Option<i64>,
    /// That user's username.
    pub loaded_by_name: Option<String>,
    /// When.
    pub loaded_at: String,
    /// Whether it is the pack in use for its instrument, version and language.
    #[sqlx(try_from = "crate::Flag")]
    pub active: bool,
    /// When a newer pack replaced it.
    pub replaced_at: Option<String>,
}

const COLUMNS: &str = "p.id, p.instrument, p.version, p.language, p.source, p.rights_holder, p.permission_date, \
     p.digest, p.loaded_by, u.username AS loaded_by_name, p.loaded_at, p.active, p.replaced_at";
const FROM: &str = " FROM content_packs p LEFT JOIN users u ON u.id = p.loaded_by";

/// A pack to store.
#[derive(Debug, Clone)]
pub struct NewPack<'a> {
    /// Instrument code.
    pub instrument: &'a str,
    /// Instrument version.
    pub version: &'a str,
    /// Language code.
    pub language: &'a str,
    /// Source.
    pub source: &'a str,
    /// Rights holder.
    pub rights_holder: &'a str,
    /// Date of permission.
    pub permission_date: &'a str,
    /// Content digest.
    pub digest: &'a str,
    /// Who loads it.
    pub loaded_by: Option<i64>,
    /// When.
    pub at: &'a str,
}

/// Marks the active pack of an instrument version and language replaced;
/// its id, if there was one.
pub async fn retire_active(
    conn: &mut Conn,
    instrument: &str,
    version: &str,
    language: &str,
    at: &str,
) -> StoreResult<Option<i64>> {
    let replaced: Option<(i64,)> = sqlx::query_as(
        "UPDATE content_packs SET active = 0, replaced_at = $1 \
         WHERE instrument = $2 AND version = $3 AND language = $4 AND active = 1 RETURNING id",
    )
    .bind(at)
    .bind(instrument)
    .bind(version)
    .bind(language)
    .fetch_optional(conn)
    .await?;
    Ok(replaced.map(|(id,)| id))
}

/// Stores a pack as the active one (retire the previous one first).
pub async fn insert(conn: &mut Conn, new: &NewPack<'_>) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO content_packs (instrument, version, language, source, rights_holder, permission_date, digest, \
         loaded_by, loaded_at, active) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1) RETURNING id",
    )
    .bind(new.instrument)
    .bind(new.version)
    .bind(new.language)
    .bind(new.source)
    .bind(new.rights_holder)
    .bind(new.permission_date)
    .bind(new.digest)
    .bind(new.loaded_by)
    .bind(new.at)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// Stores one wording of a pack: `kind` is `item` (place `group.question`)
/// or `option` (place `question.option`).
pub async fn insert_wording(conn: &mut Conn, pack: i64, kind: &str, place: &str, wording: &str) -> StoreResult<()> {
    sqlx::query("INSERT INTO content_pack_wording (pack_id, kind, place, wording) VALUES ($1, $2, $3, $4)")
        .bind(pack)
        .bind(kind)
        .bind(place)
        .bind(wording)
        .execute(conn)
        .await?;
    Ok(())
}

/// The active pack of an instrument version in a language.
pub async fn active(conn: &mut Conn, instrument: &str, version: &str, language: &str) -> StoreResult<Option<PackRow>> {
    let sql = format!(
        "SELECT {COLUMNS}{FROM} WHERE p.instrument = $1 AND p.version = $2 AND p.language = $3 AND p.active = 1"
    );
    Ok(sqlx::query_as(&sql).bind(instrument).bind(version).bind(language).fetch_optional(conn).await?)
}

/// One pack.
pub async fn get(conn: &mut Conn, id: i64) -> StoreResult<Option<PackRow>> {
    let sql = format!("SELECT {COLUMNS}{FROM} WHERE p.id = $1");
    Ok(sqlx::query_as(&sql).bind(id).fetch_optional(conn).await?)
}

/// The wording of a pack: (kind, place, wording).
pub async fn wording(conn: &mut Conn, id: i64) -> StoreResult<Vec<(String, String, String)>> {
    Ok(sqlx::query_as("SELECT kind, place, wording FROM content_pack_wording WHERE pack_id = $1 ORDER BY kind, place")
        .bind(id)
        .fetch_all(conn)
        .await?)
}

/// Every pack, active ones first, then the newest; and how many there are.
pub async fn list(conn: &mut Conn, page: Page) -> StoreResult<(Vec<PackRow>, i64)> {
    let sql = format!(
        "SELECT {COLUMNS}{FROM} ORDER BY p.active DESC, p.instrument, p.version, p.language, p.id DESC \
         LIMIT {} OFFSET {}",
        page.limit, page.offset
    );
    let rows = sqlx::query_as(&sql).fetch_all(&mut *conn).await?;
    let (total,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM content_packs").fetch_one(conn).await?;
    Ok((rows, total))
}
