//! The governance e-mail reminders sent, item by item and day (migration
//! `0017_governance_reminder_items.sql`).

use crate::{Conn, StoreResult};

/// The reminders (kind, item) already sent to `user_id` on `day`.
pub async fn sent_on(conn: &mut Conn, user_id: i64, day: &str) -> StoreResult<Vec<(String, String)>> {
    Ok(sqlx::query_as("SELECT kind, item FROM governance_reminder_items_sent WHERE user_id = $1 AND day = $2")
        .bind(user_id)
        .bind(day)
        .fetch_all(conn)
        .await?)
}

/// Records a reminder as sent to `user_id` on `day`.
pub async fn record_sent(
    conn: &mut Conn,
    user_id: i64,
    kind: &str,
    item: &str,
    day: &str,
    at: &str,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO governance_reminder_items_sent (user_id, kind, item, day, sent_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(user_id)
    .bind(kind)
    .bind(item)
    .bind(day)
    .bind(at)
    .execute(conn)
    .await?;
    Ok(())
}
