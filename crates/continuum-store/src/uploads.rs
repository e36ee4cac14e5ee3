//! Entry lists uploaded on a page and kept until the user confirms their
//! import: the confirmation imports exactly the file that was checked.

use crate::{Conn, StoreResult};

/// A kept upload.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct UploadRow {
    /// Who uploaded it.
    pub user_id: i64,
    /// The site it is for.
    pub site_id: i64,
    /// The file's name as sent by the browser.
    pub file_name: String,
    /// SHA-256 of the content, hex.
    pub digest: String,
    /// The file.
    pub content: Vec<u8>,
    /// Until when it may be confirmed.
    pub expires_at: String,
}

/// A new upload.
#[derive(Debug, Clone)]
pub struct NewUpload<'a> {
    /// SHA-256 of the token, hex.
    pub token_hash: &'a str,
    /// Who uploads.
    pub user_id: i64,
    /// For which site.
    pub site_id: i64,
    /// File name.
    pub file_name: &'a str,
    /// SHA-256 of the content, hex.
    pub digest: &'a str,
    /// The file.
    pub content: &'a [u8],
    /// Now.
    pub at: &'a str,
    /// Until when.
    pub expires_at: &'a str,
}

/// Keeps an upload, and forgets every expired one.
pub async fn insert(conn: &mut Conn, upload: &NewUpload<'_>) -> StoreResult<()> {
    sqlx::query("DELETE FROM entry_list_uploads WHERE expires_at <= $1").bind(upload.at).execute(&mut *conn).await?;
    sqlx::query(
        "INSERT INTO entry_list_uploads (token_hash, user_id, site_id, file_name, digest, content, created_at, \
         expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(upload.token_hash)
    .bind(upload.user_id)
    .bind(upload.site_id)
    .bind(upload.file_name)
    .bind(upload.digest)
    .bind(upload.content)
    .bind(upload.at)
    .bind(upload.expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// The upload kept under a token's hash.
pub async fn get(conn: &mut Conn, token_hash: &str) -> StoreResult<Option<UploadRow>> {
    Ok(sqlx::query_as(
        "SELECT user_id, site_id, file_name, digest, content, expires_at FROM entry_list_uploads \
         WHERE token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(conn)
    .await?)
}

/// Forgets an upload once imported; `false` if it was already gone (a
/// second confirmation of the same upload).
pub async fn remove(conn: &mut Conn, token_hash: &str) -> StoreResult<bool> {
    let done =
        sqlx::query("DELETE FROM entry_list_uploads WHERE token_hash = $1").bind(token_hash).execute(conn).await?;
    Ok(done.rows_affected() == 1)
}
