//! The entry register: people, their versions, their name tokens and their
//! detention episodes.

use crate::{Conn, Page, StoreResult};

/// A stored person.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PersonRow {
    /// Id.
    pub id: i64,
    /// Family name(s).
    pub family_name: String,
    /// Given name(s).
    pub given_names: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    /// Sex code.
    pub sex: String,
    /// Nationality code (may be empty).
    pub nationality: String,
    /// Comma-separated language codes.
    pub languages: String,
    /// Preferred language code.
    pub preferred_language: String,
    /// The site of the current episode.
    pub site_id: i64,
    /// The current episode.
    pub current_episode_id: Option<i64>,
    /// Optimistic-locking version.
    pub version: i64,
    /// Created.
    pub created_at: String,
    /// Last changed.
    pub updated_at: String,
    /// The record this one was merged into (see `crate::merges`).
    pub merged_into: Option<i64>,
}

const COLUMNS: &str = "p.id, p.family_name, p.given_names, p.birth_date, p.sex, p.nationality, p.languages, \
     p.preferred_language, p.site_id, p.current_episode_id, p.version, p.created_at, p.updated_at, p.merged_into";

/// The fields of a person to write.
#[derive(Debug, Clone)]
pub struct PersonFields<'a> {
    /// Family name(s).
    pub family_name: &'a str,
    /// Given name(s).
    pub given_names: &'a str,
    /// `YYYY-MM-DD`.
    pub birth_date: &'a str,
    /// Sex code.
    pub sex: &'a str,
    /// Nationality code.
    pub nationality: &'a str,
    /// Comma-separated language codes.
    pub languages: &'a str,
    /// Preferred language code.
    pub preferred_language: &'a str,
    /// Folded name tokens (see `continuum_domain::person::name_tokens`).
    pub tokens: &'a [String],
    /// The name-order key (see `continuum_domain::person::sort_name`).
    pub sort_name: &'a str,
}

/// One version of a person, as kept in the history.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PersonVersionRow {
    /// Version number.
    pub version: i64,
    /// Family name(s).
    pub family_name: String,
    /// Given name(s).
    pub given_names: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    /// Sex code.
    pub sex: String,
    /// Nationality.
    pub nationality: String,
    /// Languages.
    pub languages: String,
    /// Preferred language.
    pub preferred_language: String,
    /// When.
    pub changed_at: String,
    /// By whom (username).
    pub changed_by: Option<String>,
}

/// A stored detention episode.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct EpisodeRow {
    /// Id.
    pub id: i64,
    /// The person.
    pub person_id: i64,
    /// The site.
    pub site_id: i64,
    /// The site's code.
    pub site_code: String,
    /// Prison number at the site.
    pub prison_number: String,
    /// `YYYY-MM-DD`.
    pub entry_date: String,
    /// Legal status code.
    pub legal_status: String,
    /// `YYYY-MM-DD`, when known.
    pub expected_release: Option<String>,
    /// `YYYY-MM-DD`, once released.
    pub release_date: Option<String>,
    /// Release kind code, once released.
    pub release_kind: Option<String>,
    /// Version, from 1, raised by every change.
    pub version: i64,
    /// For an episode opened by a transfer: the episode the transfer ended.
    pub transferred_from: Option<i64>,
}

/// The fields of a new episode.
#[derive(Debug, Clone)]
pub struct NewEpisode<'a> {
    /// The person.
    pub person_id: i64,
    /// The site.
    pub site_id: i64,
    /// Prison number.
    pub prison_number: &'a str,
    /// `YYYY-MM-DD`.
    pub entry_date: &'a str,
    /// Legal status code.
    pub legal_status: &'a str,
    /// `YYYY-MM-DD`, when known.
    pub expected_release: Option<&'a str>,
    /// The episode a transfer ended, for an episode opened by that transfer.
    pub transferred_from: Option<i64>,
}

/// A person in a list: the person and their current episode.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PersonListRow {
    /// Id.
    pub id: i64,
    /// Family name(s).
    pub family_name: String,
    /// Given name(s).
    pub given_names: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    /// The current site's code.
    pub site_code: String,
    /// Prison number of the current episode.
    pub prison_number: Option<String>,
    /// Entry date of the current episode.
    pub entry_date: Option<String>,
}

/// How a list of people is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonOrder {
    /// By family name, then given names.
    Name,
    /// Most recent entry first.
    EntryNewest,
}

/// What to look for in the register.
#[derive(Debug, Clone, Default)]
pub struct PersonFilter {
    /// Only people whose current site is one of these; `None` for every site.
    pub sites: Option<Vec<i64>>,
    /// Exact date of birth.
    pub birth_date: Option<String>,
    /// Name token prefixes; each must begin one of the person's tokens.
    pub tokens: Vec<String>,
    /// A prison number of any of the person's episodes (case-insensitive);
    /// matched as an alternative to the tokens.
    pub prison_number: Option<String>,
}

/// Changes a person if `version` is still the stored one; `false` if not
/// (someone changed it meanwhile, it was merged, or there is no such person).
pub async fn update(
    conn: &mut Conn,
    id: i64,
    version: i64,
    person: &PersonFields<'_>,
    at: &str,
    by: Option<i64>,
) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE people SET family_name = $1, given_names = $2, birth_date = $3, sex = $4, nationality = $5, \
         languages = $6, preferred_language = $7, version = version + 1, updated_at = $8, updated_by = $9, \
         sort_name = $12 WHERE id = $10 AND version = $11 AND merged_into IS NULL",
    )
    .bind(person.family_name)
    .bind(person.given_names)
    .bind(person.birth_date)
    .bind(person.sex)
    .bind(person.nationality)
    .bind(person.languages)
    .bind(person.preferred_language)
    .bind(at)
    .bind(by)
    .bind(id)
    .bind(version)
    .bind(person.sort_name)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    record_version(conn, id, version + 1, person, at, by).await?;
    write_tokens(conn, id, person.tokens, person.sort_name).await?;
    Ok(true)
}

async fn record_version(
    conn: &mut Conn,
    id: i64,
    version: i64,
    person: &PersonFields<'_>,
    at: &str,
    by: Option<i64>,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO person_history (person_id, version, family_name, given_names, birth_date, sex, nationality, \
         languages, preferred_language, changed_at, changed_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(id)
    .bind(version)
    .bind(person.family_name)
    .bind(person.given_names)
    .bind(person.birth_date)
    .bind(person.sex)
    .bind(person.nationality)
    .bind(person.languages)
    .bind(person.preferred_language)
    .bind(at)
    .bind(by)
    .execute(conn)
    .await?;
    Ok(())
}

/// Writes the person's search tokens (replacing any), each with the person's
/// current site and sort name (the columns the name search walks in index
/// order) and all of the tokens ([`spaced_names`]), in one statement.
pub async fn write_tokens(conn: &mut Conn, id: i64, tokens: &[String], sort_name: &str) -> StoreResult<()> {
    sqlx::query("DELETE FROM person_name_tokens WHERE person_id = $1").bind(id).execute(&mut *conn).await?;
    if tokens.is_empty() {
        return Ok(());
    }
    let rows: Vec<String> = (0..tokens.len())
        .map(|i| format!("((SELECT site_id FROM people WHERE id = $1), ${}, $2, $1, $3)", i + 4))
        .collect();
    let sql = format!(
        "INSERT INTO person_name_tokens (site_id, token, sort_name, person_id, names) VALUES {}",
        rows.join(", ")
    );
    let mut query = sqlx::query(&sql).bind(id).bind(sort_name).bind(spaced_names(tokens));
    for token in tokens {
        query = query.bind(token);
    }
    query.execute(conn).await?;
    Ok(())
}

/// A person's name tokens as one text, each after a space (" jan peeters"):
/// `LIKE '% jan%'` then tells whether one of them starts with "jan". Tokens
/// are folded to ASCII letters and digits, so none holds a `LIKE` wildcard.
pub(crate) fn spaced_names(tokens: &[impl AsRef<str>]) -> String {
    tokens.iter().map(|t| format!(" {}", t.as_ref())).collect()
}

/// Makes an episode the person's current one, and its site the person's site
/// (and their search tokens').
pub async fn set_current_episode(conn: &mut Conn, id: i64, episode_id: i64, site_id: i64) -> StoreResult<()> {
    sqlx::query("UPDATE people SET current_episode_id = $1, site_id = $2 WHERE id = $3")
        .bind(episode_id)
        .bind(site_id)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("UPDATE person_name_tokens SET site_id = $1 WHERE person_id = $2 AND site_id <> $1")
        .bind(site_id)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// One person.
pub async fn get(conn: &mut Conn, id: i64) -> StoreResult<Option<PersonRow>> {
    let sql = format!("SELECT {COLUMNS} FROM people p WHERE p.id = $1");
    Ok(sqlx::query_as(&sql).bind(id).fetch_optional(conn).await?)
}

/// Every version of a person, newest first.
pub async fn history(conn: &mut Conn, id: i64) -> StoreResult<Vec<PersonVersionRow>> {
    Ok(sqlx::query_as(
        "SELECT h.version, h.family_name, h.given_names, h.birth_date, h.sex, h.nationality, h.languages, \
         h.preferred_language, h.changed_at, u.username AS changed_by \
         FROM person_history h LEFT JOIN users u ON u.id = h.changed_by \
         WHERE h.person_id = $1 ORDER BY h.version DESC",
    )
    .bind(id)
    .fetch_all(conn)
    .await?)
}

/// Adds an episode, with version 1 in its history.
pub async fn insert_episode(conn: &mut Conn, episode: &NewEpisode<'_>, at: &str, by: Option<i64>) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO detention_episodes (person_id, site_id, prison_number, entry_date, legal_status, \
         expected_release, transferred_from, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
    )
    .bind(episode.person_id)
    .bind(episode.site_id)
    .bind(episode.prison_number)
    .bind(episode.entry_date)
    .bind(episode.legal_status)
    .bind(episode.expected_release)
    .bind(episode.transferred_from)
    .bind(at)
    .fetch_one(&mut *conn)
    .await?;
    crate::episodes::record_version(conn, id, crate::episodes::Change::Created, at, by).await?;
    Ok(id)
}

/// The episodes of a person, most recent entry first.
pub async fn episodes(conn: &mut Conn, person_id: i64) -> StoreResult<Vec<EpisodeRow>> {
    Ok(sqlx::query_as(
        "SELECT e.id, e.person_id, e.site_id, s.code AS site_code, e.prison_number, e.entry_date, e.legal_status, \
         e.expected_release, e.release_date, e.release_kind, e.version, e.transferred_from \
         FROM detention_episodes e JOIN sites s ON s.id = e.site_id \
         WHERE e.person_id = $1 ORDER BY e.entry_date DESC, e.id DESC",
    )
    .bind(person_id)
    .fetch_all(conn)
    .await?)
}

/// The person who holds this prison number at this site, if any.
pub async fn holder_of_prison_number(conn: &mut Conn, site_id: i64, prison_number: &str) -> StoreResult<Option<i64>> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT person_id FROM detention_episodes WHERE site_id = $1 AND lower(prison_number) = lower($2) \
         ORDER BY id LIMIT 1",
    )
    .bind(site_id)
    .bind(prison_number)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(id,)| id))
}

/// An entry already registered at a site, as an import compares it.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct EntryKeyRow {
    /// Prison number.
    pub prison_number: String,
    /// `YYYY-MM-DD`.
    pub entry_date: String,
    /// The holder's date of birth.
    pub birth_date: String,
}

/// Every entry registered at a site, in one query (an import checks
/// thousands of lines against them).
pub async fn entries_at_site(conn: &mut Conn, site_id: i64) -> StoreResult<Vec<EntryKeyRow>> {
    Ok(sqlx::query_as(
        "SELECT e.prison_number, e.entry_date, p.birth_date FROM detention_episodes e \
         JOIN people p ON p.id = e.person_id WHERE e.site_id = $1",
    )
    .bind(site_id)
    .fetch_all(conn)
    .await?)
}

/// People born on this date who share at least one name token: the
/// candidates of a duplicate check (merged records are not candidates).
pub async fn same_birth_date_and_name(
    conn: &mut Conn,
    birth_date: &str,
    tokens: &[String],
) -> StoreResult<Vec<PersonListRow>> {
    if tokens.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (0..tokens.len()).map(|i| format!("${}", i + 2)).collect();
    let sql = format!(
        "SELECT {LIST_COLUMNS} FROM people p JOIN sites s ON s.id = p.site_id \
         LEFT JOIN detention_episodes e ON e.id = p.current_episode_id \
         WHERE p.birth_date = $1 AND p.merged_into IS NULL AND EXISTS (SELECT 1 FROM person_name_tokens t \
         WHERE t.person_id = p.id AND t.token IN ({})) ORDER BY p.sort_name, p.id LIMIT 20",
        placeholders.join(", ")
    );
    let mut query = sqlx::query_as(&sql).bind(birth_date);
    for token in tokens {
        query = query.bind(token);
    }
    Ok(query.fetch_all(conn).await?)
}

const LIST_COLUMNS: &str =
    "p.id, p.family_name, p.given_names, p.birth_date, s.code AS site_code, e.prison_number, e.entry_date";

/// Lists and searches stop counting after this many rows: past it, a page
/// says "more than 1,000" and a search asks to be narrowed. Counting every
/// one of a large site's 40,000 people cost more than the page itself.
pub const COUNT_LIMIT: i64 = 1000;

/// Adds a bound value and returns its placeholder.
fn next(value: String, binds: &mut Vec<String>) -> String {
    binds.push(value);
    format!("${}", binds.len())
}

/// `token` as a prefix range over the byte-ordered token column: the
/// condition and its two bound values.
fn token_range(column: &str, token: &str, binds: &mut Vec<String>) -> String {
    let low = next(token.to_owned(), binds);
    let high = next(format!("{token}~"), binds);
    format!("{column} >= {low} AND {column} < {high}")
}

/// One page of the people matching `filter`, and how many match in all, up
/// to [`COUNT_LIMIT`] + 1. Records merged into another are never listed
/// (they have no name tokens and no current episode, and the other queries
/// say so).
///
/// A name search (tokens only, in name order) walks the site's token index
/// from the longest token's prefix: the matching people come out in order,
/// grouped by the token they matched ("peeters" before "peetersen") and by
/// sort name within it, so a page reads only its own rows. Every other query
/// first finds its candidates by index (birth date, tokens, prison number)
/// and sorts those; a plain listing walks the site's people by name, or its
/// entries by date.
pub async fn search(
    conn: &mut Conn,
    filter: &PersonFilter,
    order: PersonOrder,
    page: Page,
) -> StoreResult<(Vec<PersonListRow>, i64)> {
    let Some(sites) = &filter.sites else {
        return search_people(conn, filter, None, order, page).await;
    };
    if sites.is_empty() {
        return Ok((Vec::new(), 0));
    }
    let sites: Vec<String> = sites.iter().map(i64::to_string).collect();
    let sites = sites.join(", ");
    if order == PersonOrder::Name
        && filter.birth_date.is_none()
        && filter.prison_number.is_none()
        && !filter.tokens.is_empty()
    {
        return search_by_name(conn, &filter.tokens, &sites, page).await;
    }
    search_people(conn, filter, Some(&sites), order, page).await
}

/// The name search of [`search`]: driven by the token index of the sites,
/// from the longest word's prefix. Each person is listed once, under the
/// first of their tokens with that prefix.
///
/// One word: the page reads its own rows of the index in order, and the
/// count reads the matching people up to the cap. Several words: the other
/// words are checked on each row of the longest word's range (its `names`,
/// all of the person's tokens), and one query lists the matching people in
/// order, up to the cap or the page's end, which gives both the count and
/// the page.
async fn search_by_name(
    conn: &mut Conn,
    tokens: &[String],
    sites: &str,
    page: Page,
) -> StoreResult<(Vec<PersonListRow>, i64)> {
    let mut ordered: Vec<&String> = tokens.iter().collect();
    ordered.sort_by_key(|t| std::cmp::Reverse(t.len()));
    let Some((driving, others)) = ordered.split_first() else { return Ok((Vec::new(), 0)) };
    let mut binds = Vec::new();
    let range = token_range("k.token", driving, &mut binds);
    if others.is_empty() {
        // Same placeholders as the range.
        let first = range.replace("k.token", "d.token");
        let sql = format!(
            "SELECT {LIST_COLUMNS} FROM person_name_tokens k JOIN people p ON p.id = k.person_id \
             JOIN sites s ON s.id = p.site_id LEFT JOIN detention_episodes e ON e.id = p.current_episode_id \
             WHERE k.site_id IN ({sites}) AND {range} AND NOT EXISTS (SELECT 1 FROM person_name_tokens d \
             WHERE d.person_id = k.person_id AND {first} AND d.token < k.token) \
             ORDER BY k.token, k.sort_name, k.person_id LIMIT {} OFFSET {}",
            page.limit, page.offset
        );
        let matching =
            format!("SELECT DISTINCT k.person_id FROM person_name_tokens k WHERE k.site_id IN ({sites}) AND {range}");
        return fetch_page_and_count(conn, &sql, &matching, &binds).await;
    }
    let mut filter = format!("k.site_id IN ({sites}) AND {range}");
    for token in others {
        let pattern = next(format!("% {token}%"), &mut binds);
        filter.push_str(&format!(" AND k.names LIKE {pattern}"));
    }
    let listed = usize::try_from((COUNT_LIMIT + 1).max(page.offset.saturating_add(page.limit))).unwrap_or(usize::MAX);
    let ids = first_people_in_order(conn, &filter, &binds, listed).await?;
    let total = (ids.len() as i64).min(COUNT_LIMIT + 1);
    let start = usize::try_from(page.offset).unwrap_or(usize::MAX).min(ids.len());
    let end = start.saturating_add(usize::try_from(page.limit).unwrap_or(0)).min(ids.len());
    let rows = list_rows_in_order(conn, &ids[start..end]).await?;
    Ok((rows, total))
}

/// The first `wanted` people of the name index rows that `filter` selects,
/// in index order, each once (under their first row). The duplicates are
/// dropped here rather than by a lookup per row in SQL: every commit empties
/// each SQLite reader's page cache, so each lookup would read its pages anew.
async fn first_people_in_order(
    conn: &mut Conn,
    filter: &str,
    binds: &[String],
    wanted: usize,
) -> StoreResult<Vec<i64>> {
    let batch = wanted.saturating_mul(2);
    let mut seen = std::collections::HashSet::new();
    let mut ids = Vec::new();
    let mut offset = 0;
    loop {
        let sql = format!(
            "SELECT k.person_id FROM person_name_tokens k WHERE {filter} \
             ORDER BY k.token, k.sort_name, k.person_id LIMIT {batch} OFFSET {offset}"
        );
        let mut query = sqlx::query_as::<_, (i64,)>(&sql);
        for value in binds {
            query = query.bind(value);
        }
        let rows = query.fetch_all(&mut *conn).await?;
        let complete = rows.len() < batch;
        ids.extend(rows.into_iter().map(|(id,)| id).filter(|id| seen.insert(*id)));
        if complete || ids.len() >= wanted {
            ids.truncate(wanted);
            return Ok(ids);
        }
        offset += batch;
    }
}

/// The list rows of these people, in the order of `ids`.
async fn list_rows_in_order(conn: &mut Conn, ids: &[i64]) -> StoreResult<Vec<PersonListRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    let sql = format!(
        "SELECT {LIST_COLUMNS} FROM people p JOIN sites s ON s.id = p.site_id \
         LEFT JOIN detention_episodes e ON e.id = p.current_episode_id WHERE p.id IN ({})",
        list.join(", ")
    );
    let mut rows: Vec<PersonListRow> = sqlx::query_as(&sql).fetch_all(conn).await?;
    rows.sort_by_key(|row| ids.iter().position(|id| *id == row.id));
    Ok(rows)
}

/// The general case of [`search`]; `sites` is a SQL list of site ids, or
/// `None` for every site.
async fn search_people(
    conn: &mut Conn,
    filter: &PersonFilter,
    sites: Option<&str>,
    order: PersonOrder,
    page: Page,
) -> StoreResult<(Vec<PersonListRow>, i64)> {
    let mut conditions = vec!["p.merged_into IS NULL".to_owned()];
    let mut binds: Vec<String> = Vec::new();
    if let Some(sites) = sites {
        conditions.push(format!("p.site_id IN ({sites})"));
    }
    if let Some(date) = &filter.birth_date {
        let p = next(date.clone(), &mut binds);
        conditions.push(format!("p.birth_date = {p}"));
    }
    let mut candidates = Vec::new();
    if !filter.tokens.is_empty() {
        let mut name = Vec::new();
        for (i, token) in filter.tokens.iter().enumerate() {
            let range = token_range(&format!("t{i}.token"), token, &mut binds);
            name.push((format!("person_name_tokens t{i}"), range, i));
        }
        let from: Vec<String> = name.iter().map(|(table, _, _)| table.clone()).collect();
        let mut wheres: Vec<String> = name.iter().map(|(_, range, _)| range.clone()).collect();
        wheres.extend(name.iter().skip(1).map(|(_, _, i)| format!("t{i}.person_id = t0.person_id")));
        candidates.push(format!("SELECT t0.person_id FROM {} WHERE {}", from.join(", "), wheres.join(" AND ")));
    }
    if let Some(number) = &filter.prison_number {
        let p = next(number.to_lowercase(), &mut binds);
        candidates.push(format!("SELECT x.person_id FROM detention_episodes x WHERE lower(x.prison_number) = {p}"));
    }
    if !candidates.is_empty() {
        conditions.push(format!("p.id IN ({})", candidates.join(" UNION ")));
    }
    let filter_sql = format!(" WHERE {}", conditions.join(" AND "));
    let browsing_by_entry = order == PersonOrder::EntryNewest && candidates.is_empty() && filter.birth_date.is_none();
    let sql = if browsing_by_entry {
        // Newest entries first: walk the sites' episodes by entry date and
        // keep those that are their person's current one.
        let sites = sites.map(|s| format!(" WHERE e.site_id IN ({s})")).unwrap_or_default();
        format!(
            "SELECT {LIST_COLUMNS} FROM detention_episodes e JOIN people p ON p.current_episode_id = e.id \
             JOIN sites s ON s.id = p.site_id{sites} ORDER BY e.entry_date DESC, e.id DESC \
             LIMIT {} OFFSET {}",
            page.limit, page.offset
        )
    } else {
        let order_sql = match order {
            PersonOrder::Name => "p.sort_name, p.id",
            PersonOrder::EntryNewest => "e.entry_date DESC, e.id DESC",
        };
        format!(
            "SELECT {LIST_COLUMNS} FROM people p JOIN sites s ON s.id = p.site_id \
             LEFT JOIN detention_episodes e ON e.id = p.current_episode_id{filter_sql} \
             ORDER BY {order_sql} LIMIT {} OFFSET {}",
            page.limit, page.offset
        )
    };
    let count = format!("SELECT p.id FROM people p{filter_sql}");
    fetch_page_and_count(conn, &sql, &count, &binds).await
}

/// Runs a page query and counts the rows of `matching` (a `SELECT` of one
/// column per match) up to [`COUNT_LIMIT`] + 1, with the same bound values.
async fn fetch_page_and_count(
    conn: &mut Conn,
    sql: &str,
    matching: &str,
    binds: &[String],
) -> StoreResult<(Vec<PersonListRow>, i64)> {
    let mut query = sqlx::query_as(sql);
    for value in binds {
        query = query.bind(value);
    }
    let rows = query.fetch_all(&mut *conn).await?;
    let count_sql = format!("SELECT COUNT(*) FROM ({matching} LIMIT {}) matching", COUNT_LIMIT + 1);
    let mut count = sqlx::query_as::<_, (i64,)>(&count_sql);
    for value in binds {
        count = count.bind(value);
    }
    let (total,) = count.fetch_one(conn).await?;
    Ok((rows, total))
}
