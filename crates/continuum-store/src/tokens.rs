//! API bearer tokens: only their hash is stored.

use crate::{Conn, StoreResult};

/// A stored token.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct TokenRow {
    /// Id.
    pub id: i64,
    /// Owner.
    pub user_id: i64,
    /// A name the owner gave it.
    pub label: String,
    /// Created.
    pub created_at: String,
    /// End of validity.
    pub expires_at: String,
    /// When revoked.
    pub revoked_at: Option<String>,
}

const COLUMNS: &str = "id, user_id, label, created_at, expires_at, revoked_at";

/// Stores a token hash.
pub async fn insert(
    conn: &mut Conn,
    user_id: i64,
    token_hash: &str,
    label: &str,
    at: &str,
    expires_at: &str,
) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO api_tokens (user_id, token_hash, label, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(user_id)
    .bind(token_hash)
    .bind(label)
    .bind(at)
    .bind(expires_at)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// The token with this hash.
pub async fn by_hash(conn: &mut Conn, token_hash: &str) -> StoreResult<Option<TokenRow>> {
    let sql = format!("SELECT {COLUMNS} FROM api_tokens WHERE token_hash = $1");
    Ok(sqlx::query_as(&sql).bind(token_hash).fetch_optional(conn).await?)
}

/// The tokens of a user, newest first.
pub async fn for_user(conn: &mut Conn, user_id: i64) -> StoreResult<Vec<TokenRow>> {
    let sql = format!("SELECT {COLUMNS} FROM api_tokens WHERE user_id = $1 ORDER BY id DESC");
    Ok(sqlx::query_as(&sql).bind(user_id).fetch_all(conn).await?)
}

/// Revokes a token of a user; `false` if there is no such token.
pub async fn revoke(conn: &mut Conn, user_id: i64, id: i64, at: &str) -> StoreResult<bool> {
    let done =
        sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL")
            .bind(at)
            .bind(id)
            .bind(user_id)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}
