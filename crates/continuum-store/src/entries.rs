//! New entries into a prison, written in bulk: each person with their first
//! detention episode, its first version, their name tokens, their pathway
//! opened by the entry with its first transition, and the entry's own
//! signal.
//!
//! One entry touches nine tables. Written one row at a time, an entry list
//! of 20,000 lines costs over 200,000 statements, and each statement is a
//! round trip to the database (on SQLite, to its worker thread), which is
//! what the import's time went to. Here only the people are inserted one by
//! one (their ids key every other row); the other rows of a chunk are
//! written with one multi-row statement per table.

use crate::pathways::{NewTransition, PathwayState};
use crate::people::PersonFields;
use crate::{Conn, StoreResult};

/// Entries written per chunk. SQLite looks a statement's parameters up by
/// name in a list, so binding costs the square of their number: a chunk of
/// 50 keeps each statement to a few hundred values (12 per signal, 4 per
/// name token), where the round trips saved and the binding cost balance.
const CHUNK: usize = 50;

/// A new entry: a person and their first episode at the site.
#[derive(Debug, Clone)]
pub struct NewEntryRow<'a> {
    /// The person.
    pub person: PersonFields<'a>,
    /// Prison number.
    pub prison_number: &'a str,
    /// Entry date, `YYYY-MM-DD`: also the day the pathway starts waiting.
    pub entry_date: &'a str,
    /// Legal status code.
    pub legal_status: &'a str,
    /// Expected release date, when known.
    pub expected_release: Option<&'a str>,
}

/// The opening of every entry's pathway: its state after the entry signal
/// and that first transition (the same for every entry of one write), and
/// the code of the entry's signal source.
#[derive(Debug, Clone)]
pub struct Opening<'a> {
    /// The pathway's columns.
    pub state: PathwayState<'a>,
    /// Its first transition.
    pub first: NewTransition<'a>,
    /// The signal source code of an entry.
    pub signal_source: &'a str,
}

/// Writes `entries` at `site_id`, chunk by chunk, and answers the new
/// people's ids in the order given. `progress(done)` counts written entries.
/// A prison number already held at the site for that entry date fails the
/// whole write (the caller's transaction).
pub async fn insert(
    conn: &mut Conn,
    site_id: i64,
    entries: &[NewEntryRow<'_>],
    opening: &Opening<'_>,
    at: &str,
    by: Option<i64>,
    mut progress: impl FnMut(usize),
) -> StoreResult<Vec<i64>> {
    let mut ids = Vec::with_capacity(entries.len());
    for chunk in entries.chunks(CHUNK) {
        let people = insert_people(conn, site_id, chunk, at, by).await?;
        insert_versions(conn, &people, chunk, at, by).await?;
        insert_tokens(conn, site_id, &people, chunk).await?;
        let episodes = insert_episodes(conn, site_id, &people, chunk, at).await?;
        insert_episode_versions(conn, &episodes, at, by).await?;
        let list = id_list(&people);
        sqlx::query(&format!(
            "UPDATE people SET current_episode_id = (SELECT e.id FROM detention_episodes e \
             WHERE e.person_id = people.id) WHERE id IN ({list})"
        ))
        .execute(&mut *conn)
        .await?;
        let pathways = insert_pathways(conn, &people, chunk, opening).await?;
        insert_transitions(conn, &pathways, &opening.first).await?;
        insert_signals(conn, site_id, &people, chunk, opening.signal_source, (at, by)).await?;
        ids.extend(people);
        progress(ids.len());
    }
    Ok(ids)
}

/// Ids from the database as a SQL list (integers, never user input).
fn id_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")
}

/// `rows` groups of `columns` placeholders, numbered from `$1`.
fn placeholders(rows: usize, columns: usize) -> String {
    (0..rows)
        .map(|r| {
            let row: Vec<String> = (1..=columns).map(|c| format!("${}", r * columns + c)).collect();
            format!("({})", row.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

async fn insert_people(
    conn: &mut Conn,
    site_id: i64,
    chunk: &[NewEntryRow<'_>],
    at: &str,
    by: Option<i64>,
) -> StoreResult<Vec<i64>> {
    let mut ids = Vec::with_capacity(chunk.len());
    for entry in chunk {
        let person = &entry.person;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO people (family_name, given_names, birth_date, sex, nationality, languages, \
             preferred_language, site_id, version, created_at, updated_at, updated_by, sort_name) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9, $10, $11) RETURNING id",
        )
        .bind(person.family_name)
        .bind(person.given_names)
        .bind(person.birth_date)
        .bind(person.sex)
        .bind(person.nationality)
        .bind(person.languages)
        .bind(person.preferred_language)
        .bind(site_id)
        .bind(at)
        .bind(by)
        .bind(person.sort_name)
        .fetch_one(&mut *conn)
        .await?;
        ids.push(id);
    }
    Ok(ids)
}

async fn insert_versions(
    conn: &mut Conn,
    people: &[i64],
    chunk: &[NewEntryRow<'_>],
    at: &str,
    by: Option<i64>,
) -> StoreResult<()> {
    let sql = format!(
        "INSERT INTO person_history (person_id, version, family_name, given_names, birth_date, sex, nationality, \
         languages, preferred_language, changed_at, changed_by) VALUES {}",
        placeholders(chunk.len(), 11)
    );
    let mut query = sqlx::query(&sql);
    for (id, entry) in people.iter().zip(chunk) {
        let p = &entry.person;
        query = query
            .bind(*id)
            .bind(1_i64)
            .bind(p.family_name)
            .bind(p.given_names)
            .bind(p.birth_date)
            .bind(p.sex)
            .bind(p.nationality)
            .bind(p.languages)
            .bind(p.preferred_language)
            .bind(at)
            .bind(by);
    }
    query.execute(conn).await?;
    Ok(())
}

async fn insert_tokens(conn: &mut Conn, site_id: i64, people: &[i64], chunk: &[NewEntryRow<'_>]) -> StoreResult<()> {
    let count: usize = chunk.iter().map(|e| e.person.tokens.len()).sum();
    if count == 0 {
        return Ok(());
    }
    let sql = format!(
        "INSERT INTO person_name_tokens (site_id, token, sort_name, person_id, names) VALUES {}",
        placeholders(count, 5)
    );
    let mut query = sqlx::query(&sql);
    for (id, entry) in people.iter().zip(chunk) {
        let names = crate::people::spaced_names(entry.person.tokens);
        for token in entry.person.tokens {
            query = query.bind(site_id).bind(token.as_str()).bind(entry.person.sort_name).bind(*id).bind(names.clone());
        }
    }
    query.execute(conn).await?;
    Ok(())
}

/// Inserts the episodes; answers their ids in the order of `people`.
async fn insert_episodes(
    conn: &mut Conn,
    site_id: i64,
    people: &[i64],
    chunk: &[NewEntryRow<'_>],
    at: &str,
) -> StoreResult<Vec<i64>> {
    let sql = format!(
        "INSERT INTO detention_episodes (person_id, site_id, prison_number, entry_date, legal_status, \
         expected_release, created_at, updated_at) VALUES {} RETURNING id, person_id",
        placeholders(chunk.len(), 8)
    );
    let mut query = sqlx::query_as::<_, (i64, i64)>(&sql);
    for (id, entry) in people.iter().zip(chunk) {
        query = query
            .bind(*id)
            .bind(site_id)
            .bind(entry.prison_number)
            .bind(entry.entry_date)
            .bind(entry.legal_status)
            .bind(entry.expected_release)
            .bind(at)
            .bind(at);
    }
    let rows = query.fetch_all(&mut *conn).await?;
    in_order_of(people, rows)
}

/// The first id of each row of `(id, person_id)`, in the order of `people`
/// (a multi-row `RETURNING` promises no order).
fn in_order_of(people: &[i64], rows: Vec<(i64, i64)>) -> StoreResult<Vec<i64>> {
    let by_person: std::collections::HashMap<i64, i64> = rows.into_iter().map(|(id, person)| (person, id)).collect();
    people
        .iter()
        .map(|person| {
            by_person
                .get(person)
                .copied()
                .ok_or_else(|| crate::StoreError::Corrupt(format!("no row returned for person {person}")))
        })
        .collect()
}

async fn insert_episode_versions(conn: &mut Conn, episodes: &[i64], at: &str, by: Option<i64>) -> StoreResult<()> {
    let sql = format!(
        "INSERT INTO episode_history (episode_id, version, change, legal_status, expected_release, release_date, \
         release_kind, changed_at, changed_by) \
         SELECT id, version, $1, legal_status, expected_release, release_date, release_kind, $2, $3 \
         FROM detention_episodes WHERE id IN ({}) ORDER BY id",
        id_list(episodes)
    );
    sqlx::query(&sql).bind(crate::episodes::Change::Created.code()).bind(at).bind(by).execute(conn).await?;
    Ok(())
}

/// Opens the pathways; answers their ids in the order of `people`.
async fn insert_pathways(
    conn: &mut Conn,
    people: &[i64],
    chunk: &[NewEntryRow<'_>],
    opening: &Opening<'_>,
) -> StoreResult<Vec<i64>> {
    let (state, at) = (&opening.state, opening.first.at);
    let sql = format!(
        "INSERT INTO pathways (person_id, site_id, state, returns_to, closing_reason, opened_at, updated_at, \
         waiting_since) VALUES {} RETURNING id, person_id",
        placeholders(chunk.len(), 8)
    );
    let mut query = sqlx::query_as::<_, (i64, i64)>(&sql);
    for (id, entry) in people.iter().zip(chunk) {
        query = query
            .bind(*id)
            .bind(state.site_id)
            .bind(state.state)
            .bind(state.returns_to)
            .bind(state.closing_reason)
            .bind(at)
            .bind(at)
            .bind(entry.entry_date);
    }
    let rows = query.fetch_all(&mut *conn).await?;
    in_order_of(people, rows)
}

async fn insert_transitions(conn: &mut Conn, pathways: &[i64], first: &NewTransition<'_>) -> StoreResult<()> {
    let sql = format!(
        "INSERT INTO pathway_transitions (pathway_id, seq, from_state, to_state, command, detail, site_id, who, at, \
         why) VALUES {}",
        placeholders(pathways.len(), 10)
    );
    let mut query = sqlx::query(&sql);
    for id in pathways {
        query = query
            .bind(*id)
            .bind(1_i64)
            .bind(first.from_state)
            .bind(first.to_state)
            .bind(first.command)
            .bind(first.detail)
            .bind(first.site_id)
            .bind(first.who)
            .bind(first.at)
            .bind(first.why);
    }
    query.execute(conn).await?;
    Ok(())
}

/// The entries' own signals, matched and received at once.
async fn insert_signals(
    conn: &mut Conn,
    site_id: i64,
    people: &[i64],
    chunk: &[NewEntryRow<'_>],
    source: &str,
    (at, by): (&str, Option<i64>),
) -> StoreResult<()> {
    let sql = format!(
        "INSERT INTO signals (site_id, source, prison_number, name, reason, signalled_by, signalled_at, person_id, \
         linked_by, linked_at, received_by, received_at) VALUES {}",
        placeholders(chunk.len(), 12)
    );
    let mut query = sqlx::query(&sql);
    for (id, entry) in people.iter().zip(chunk) {
        query = query
            .bind(site_id)
            .bind(source)
            .bind(entry.prison_number)
            .bind("")
            .bind("")
            .bind(by)
            .bind(at)
            .bind(*id)
            .bind(by)
            .bind(at)
            .bind(by)
            .bind(at);
    }
    query.execute(conn).await?;
    Ok(())
}
