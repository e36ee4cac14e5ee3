//! Governance (issue 7): steering groups and members, meetings with their
//! agenda, attendance, minutes, documents and decisions, action items,
//! local projects and their prior authorisation, and the reminders sent
//! (migration `0011_governance.sql`). The rules are the domain's
//! (`continuum_domain::governance`); this module only stores and reads.

pub mod actions;
pub mod groups;
pub mod meetings;
pub mod projects;
pub mod reminders;

use crate::{Conn, StoreResult};

/// Whether an e-mail reminder was already sent to `user_id` on `day`;
/// records it as sent if not (`true`: it is to be sent now).
pub async fn claim_reminder(conn: &mut Conn, user_id: i64, day: &str, at: &str) -> StoreResult<bool> {
    let sent: Option<(i64,)> =
        sqlx::query_as("SELECT user_id FROM governance_reminders_sent WHERE user_id = $1 AND day = $2")
            .bind(user_id)
            .bind(day)
            .fetch_optional(&mut *conn)
            .await?;
    if sent.is_some() {
        return Ok(false);
    }
    sqlx::query("INSERT INTO governance_reminders_sent (user_id, day, sent_at) VALUES ($1, $2, $3)")
        .bind(user_id)
        .bind(day)
        .bind(at)
        .execute(conn)
        .await?;
    Ok(true)
}

/// Forgets that a reminder was sent (its sending failed: try again later).
pub async fn release_reminder(conn: &mut Conn, user_id: i64, day: &str) -> StoreResult<()> {
    sqlx::query("DELETE FROM governance_reminders_sent WHERE user_id = $1 AND day = $2")
        .bind(user_id)
        .bind(day)
        .execute(conn)
        .await?;
    Ok(())
}

/// A user who may receive e-mail reminders.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Recipient {
    /// User id.
    pub id: i64,
    /// Username.
    pub username: String,
    /// Display name.
    pub display_name: String,
    /// E-mail address.
    pub email: String,
    /// Interface language.
    pub language: String,
}

/// The active users with an e-mail address who may have governance to be
/// reminded of: those who sit on a group today, coordinators and directors.
pub async fn recipients(conn: &mut Conn, today: &str) -> StoreResult<Vec<Recipient>> {
    Ok(sqlx::query_as(
        "SELECT u.id, u.username, u.display_name, u.email, u.language FROM users u \
         WHERE u.active = 1 AND u.email <> '' AND (EXISTS (SELECT 1 FROM governance_members m \
             WHERE m.user_id = u.id AND m.start_date <= $1 AND (m.end_date IS NULL OR m.end_date >= $1)) \
         OR EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = u.id AND g.role IN ('coordinator', 'director'))) \
         ORDER BY u.id",
    )
    .bind(today)
    .fetch_all(conn)
    .await?)
}
