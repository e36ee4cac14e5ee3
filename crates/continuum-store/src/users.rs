//! Users, their role grants, sign-in failures and second factor; and the
//! per-role settings.

use sqlx::any::AnyRow;
use sqlx::{FromRow, Row};

use crate::{Conn, Page, StoreResult, like_pattern};

/// A stored user. The password hash and second-factor secret never leave
/// the application layer.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct UserRow {
    /// Id.
    pub id: i64,
    /// Username.
    pub username: String,
    /// Name shown to others.
    pub display_name: String,
    /// E-mail address (may be empty).
    pub email: String,
    /// Preferred language code.
    pub language: String,
    /// The organisation the user works for.
    pub organisation_id: Option<i64>,
    /// Argon2id PHC string.
    pub password_hash: String,
    #[sqlx(try_from = "crate::Flag")]
    /// Whether the account may sign in.
    pub active: bool,
    /// Base32 TOTP secret, once set up.
    pub totp_secret: Option<String>,
    #[sqlx(try_from = "crate::Flag")]
    /// Whether the second factor is confirmed and in use.
    pub totp_enabled: bool,
    /// Failed sign-ins since the last success.
    pub failed_sign_ins: i64,
    /// Locked until this instant after repeated failures.
    pub locked_until: Option<String>,
    /// Created.
    pub created_at: String,
    /// Last changed.
    pub updated_at: String,
}

/// A role grant as stored: `site_id` `None` means all sites.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct GrantRow {
    /// Role code.
    pub role: String,
    /// The site, or `None` for all sites.
    pub site_id: Option<i64>,
    /// The site's code, when a site.
    pub site_code: Option<String>,
}

/// A new user.
#[derive(Debug, Clone)]
pub struct NewUser<'a> {
    /// Username.
    pub username: &'a str,
    /// Display name.
    pub display_name: &'a str,
    /// E-mail.
    pub email: &'a str,
    /// Language code.
    pub language: &'a str,
    /// Organisation.
    pub organisation_id: Option<i64>,
    /// Argon2id hash.
    pub password_hash: &'a str,
}

/// The editable profile of a user.
#[derive(Debug, Clone)]
pub struct Profile<'a> {
    /// Display name.
    pub display_name: &'a str,
    /// E-mail.
    pub email: &'a str,
    /// Language code.
    pub language: &'a str,
    /// Organisation.
    pub organisation_id: Option<i64>,
    /// Whether the account may sign in.
    pub active: bool,
}

const COLUMNS: &str = "id, username, display_name, email, language, organisation_id, password_hash, \
     active, totp_secret, totp_enabled, failed_sign_ins, locked_until, created_at, updated_at";

/// Adds a user.
pub async fn insert(conn: &mut Conn, user: &NewUser<'_>, at: &str) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO users (username, display_name, email, language, organisation_id, password_hash, \
         active, totp_enabled, failed_sign_ins, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, 1, 0, 0, $7, $7) RETURNING id",
    )
    .bind(user.username)
    .bind(user.display_name)
    .bind(user.email)
    .bind(user.language)
    .bind(user.organisation_id)
    .bind(user.password_hash)
    .bind(at)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// One user by id.
pub async fn get(conn: &mut Conn, id: i64) -> StoreResult<Option<UserRow>> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE id = $1");
    Ok(sqlx::query_as(&sql).bind(id).fetch_optional(conn).await?)
}

/// One user and their grants, in one query: every signed-in request and
/// every account page needs both, and each query is a round trip to the
/// database driver's thread.
pub async fn with_grants(conn: &mut Conn, id: i64) -> StoreResult<Option<(UserRow, Vec<GrantRow>)>> {
    let sql = format!("SELECT {} FROM users u {GRANTS_JOIN} WHERE u.id = $1 {GRANTS_ORDER}", joined_columns());
    let rows = sqlx::query(&sql).bind(id).fetch_all(conn).await?;
    user_and_grants(&rows)
}

/// The user columns qualified by `u.`, followed by the grant columns that
/// [`GRANTS_JOIN`] adds.
pub(crate) fn joined_columns() -> String {
    let user: Vec<String> = COLUMNS.split(',').map(|c| format!("u.{}", c.trim())).collect();
    format!("{}, g.role AS grant_role, g.site_id AS grant_site_id, gs.code AS grant_site_code", user.join(", "))
}

/// Joins the grants (and their sites' codes) of user `u`.
pub(crate) const GRANTS_JOIN: &str =
    "LEFT JOIN role_grants g ON g.user_id = u.id LEFT JOIN sites gs ON gs.id = g.site_id";

/// The order of [`grants`], for queries that use [`GRANTS_JOIN`].
pub(crate) const GRANTS_ORDER: &str = "ORDER BY g.role, gs.code";

/// Reads the rows of a [`GRANTS_JOIN`] query: one row per grant, or one row
/// with null grant columns for a user without grants.
pub(crate) fn user_and_grants(rows: &[AnyRow]) -> StoreResult<Option<(UserRow, Vec<GrantRow>)>> {
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    let user = UserRow::from_row(first)?;
    let mut grants = Vec::with_capacity(rows.len());
    for row in rows {
        if let Some(role) = row.try_get::<Option<String>, _>("grant_role")? {
            grants.push(GrantRow {
                role,
                site_id: row.try_get("grant_site_id")?,
                site_code: row.try_get("grant_site_code")?,
            });
        }
    }
    Ok(Some((user, grants)))
}

/// One user by username.
pub async fn by_username(conn: &mut Conn, username: &str) -> StoreResult<Option<UserRow>> {
    let sql = format!("SELECT {COLUMNS} FROM users WHERE username = $1");
    Ok(sqlx::query_as(&sql).bind(username).fetch_optional(conn).await?)
}

/// One page of users whose username or name contains `search`, by
/// username, and how many match in all.
pub async fn list(conn: &mut Conn, search: &str, page: Page) -> StoreResult<(Vec<UserRow>, i64)> {
    let pattern = like_pattern(search);
    let filter = " FROM users WHERE lower(username) LIKE $1 ESCAPE '\\' \
                  OR lower(display_name) LIKE $1 ESCAPE '\\'";
    let sql = format!("SELECT {COLUMNS}{filter} ORDER BY username LIMIT {} OFFSET {}", page.limit, page.offset);
    let rows = sqlx::query_as(&sql).bind(&pattern).fetch_all(&mut *conn).await?;
    let (total,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*){filter}")).bind(&pattern).fetch_one(conn).await?;
    Ok((rows, total))
}

/// Changes a user's profile.
pub async fn update_profile(conn: &mut Conn, id: i64, profile: &Profile<'_>, at: &str) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE users SET display_name = $1, email = $2, language = $3, organisation_id = $4, \
         active = $5, updated_at = $6 WHERE id = $7",
    )
    .bind(profile.display_name)
    .bind(profile.email)
    .bind(profile.language)
    .bind(profile.organisation_id)
    .bind(i64::from(profile.active))
    .bind(at)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Sets the organisation a user works for (an outside provider's, issue 6,
/// item 4); false when there is no such user.
pub async fn set_organisation(conn: &mut Conn, id: i64, organisation_id: Option<i64>, at: &str) -> StoreResult<bool> {
    let done = sqlx::query("UPDATE users SET organisation_id = $1, updated_at = $2 WHERE id = $3")
        .bind(organisation_id)
        .bind(at)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Changes a user's preferred language.
pub async fn set_language(conn: &mut Conn, id: i64, language: &str, at: &str) -> StoreResult<()> {
    sqlx::query("UPDATE users SET language = $1, updated_at = $2 WHERE id = $3")
        .bind(language)
        .bind(at)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Replaces the password hash and lifts any lock-out.
pub async fn set_password(conn: &mut Conn, id: i64, hash: &str, at: &str) -> StoreResult<()> {
    sqlx::query(
        "UPDATE users SET password_hash = $1, failed_sign_ins = 0, locked_until = NULL, updated_at = $2 \
         WHERE id = $3",
    )
    .bind(hash)
    .bind(at)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Counts a failed sign-in, locking the account until `lock_until` when given.
pub async fn record_failed_sign_in(conn: &mut Conn, id: i64, lock_until: Option<&str>) -> StoreResult<()> {
    sqlx::query(
        "UPDATE users SET failed_sign_ins = failed_sign_ins + 1, \
         locked_until = COALESCE($1, locked_until) WHERE id = $2",
    )
    .bind(lock_until)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Clears the failure count after a successful sign-in.
pub async fn clear_failed_sign_ins(conn: &mut Conn, id: i64) -> StoreResult<()> {
    sqlx::query("UPDATE users SET failed_sign_ins = 0, locked_until = NULL WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Stores a second-factor secret; `enabled` once the user confirmed a code.
pub async fn set_totp(conn: &mut Conn, id: i64, secret: Option<&str>, enabled: bool, at: &str) -> StoreResult<()> {
    sqlx::query("UPDATE users SET totp_secret = $1, totp_enabled = $2, updated_at = $3 WHERE id = $4")
        .bind(secret)
        .bind(i64::from(enabled))
        .bind(at)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The grants of a user.
pub async fn grants(conn: &mut Conn, user_id: i64) -> StoreResult<Vec<GrantRow>> {
    Ok(sqlx::query_as(
        "SELECT g.role, g.site_id, s.code AS site_code FROM role_grants g \
         LEFT JOIN sites s ON s.id = g.site_id WHERE g.user_id = $1 ORDER BY g.role, s.code",
    )
    .bind(user_id)
    .fetch_all(conn)
    .await?)
}

/// Replaces the grants of a user.
pub async fn replace_grants(
    conn: &mut Conn,
    user_id: i64,
    grants: &[(String, Option<i64>)],
    at: &str,
) -> StoreResult<()> {
    sqlx::query("DELETE FROM role_grants WHERE user_id = $1").bind(user_id).execute(&mut *conn).await?;
    for (role, site) in grants {
        sqlx::query("INSERT INTO role_grants (user_id, role, site_id, created_at) VALUES ($1, $2, $3, $4)")
            .bind(user_id)
            .bind(role)
            .bind(*site)
            .bind(at)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// The roles that require a second factor.
pub async fn roles_requiring_totp(conn: &mut Conn) -> StoreResult<Vec<String>> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT role FROM role_settings WHERE totp_required = 1 ORDER BY role").fetch_all(conn).await?;
    Ok(rows.into_iter().map(|(r,)| r).collect())
}

/// Sets whether a role requires a second factor.
pub async fn set_totp_required(conn: &mut Conn, role: &str, required: bool) -> StoreResult<()> {
    sqlx::query("UPDATE role_settings SET totp_required = $1 WHERE role = $2")
        .bind(i64::from(required))
        .bind(role)
        .execute(conn)
        .await?;
    Ok(())
}
