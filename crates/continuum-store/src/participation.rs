//! What the psychosocial service's view reads of the care pathway: the
//! state of each person's current pathway and when the intake took place
//! (`continuum_domain::participation` decides what it means).

use crate::{Conn, StoreResult};

/// The current pathway of a person, as far as participation goes.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PathwayStateRow {
    /// The person.
    pub person_id: i64,
    /// State code of the current pathway.
    pub state: String,
    /// When the intake last took place on it, if it did.
    pub intake_at: Option<String>,
}

/// The current pathway (the newest not superseded by a merge) of each of
/// these people; people without one are left out.
pub async fn current_states(conn: &mut Conn, people: &[i64]) -> StoreResult<Vec<PathwayStateRow>> {
    if people.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<String> = people.iter().map(i64::to_string).collect();
    let sql = format!(
        "SELECT p.person_id, p.state, (SELECT MAX(t.at) FROM pathway_transitions t WHERE t.pathway_id = p.id \
         AND t.to_state = 'intake') AS intake_at FROM pathways p WHERE p.person_id IN ({ids}) \
         AND p.superseded_by_merge IS NULL AND p.id = (SELECT MAX(q.id) FROM pathways q \
         WHERE q.person_id = p.person_id AND q.superseded_by_merge IS NULL)",
        ids = ids.join(", ")
    );
    Ok(sqlx::query_as(&sql).fetch_all(conn).await?)
}

/// A person as a line of a list (name, prison, current prison number), if
/// the record exists and was not merged into another.
pub async fn person_line(conn: &mut Conn, id: i64) -> StoreResult<Option<crate::people::PersonListRow>> {
    Ok(sqlx::query_as(
        "SELECT p.id, p.family_name, p.given_names, p.birth_date, s.code AS site_code, e.prison_number, \
         e.entry_date FROM people p JOIN sites s ON s.id = p.site_id \
         LEFT JOIN detention_episodes e ON e.id = p.current_episode_id WHERE p.id = $1 AND p.merged_into IS NULL",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?)
}
