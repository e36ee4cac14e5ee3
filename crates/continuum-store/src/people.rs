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

/// Adds a person at a site, with version 1 in the history and their name
/// tokens. The current episode is set by [`set_current_episode`].
pub async fn insert(
    conn: &mut Conn,
    site_id: i64,
    person: &PersonFields<'_>,
    at: &str,
    by: Option<i64>,
) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO people (family_name, given_names, birth_date, sex, nationality, languages, \
         preferred_language, site_id, version, created_at, updated_at, updated_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9, $10) RETURNING id",
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
    .fetch_one(&mut *conn)
    .await?;
    record_version(conn, id, 1, person, at, by).await?;
    replace_tokens(conn, id, person.tokens).await?;
    Ok(id)
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
         languages = $6, preferred_language = $7, version = version + 1, updated_at = $8, updated_by = $9 \
         WHERE id = $10 AND version = $11 AND merged_into IS NULL",
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
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    record_version(conn, id, version + 1, person, at, by).await?;
    replace_tokens(conn, id, person.tokens).await?;
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

async fn replace_tokens(conn: &mut Conn, id: i64, tokens: &[String]) -> StoreResult<()> {
    sqlx::query("DELETE FROM person_name_tokens WHERE person_id = $1").bind(id).execute(&mut *conn).await?;
    for token in tokens {
        sqlx::query("INSERT INTO person_name_tokens (token, person_id) VALUES ($1, $2)")
            .bind(token)
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Makes an episode the person's current one, and its site the person's site.
pub async fn set_current_episode(conn: &mut Conn, id: i64, episode_id: i64, site_id: i64) -> StoreResult<()> {
    sqlx::query("UPDATE people SET current_episode_id = $1, site_id = $2 WHERE id = $3")
        .bind(episode_id)
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

/// Adds an episode.
pub async fn insert_episode(conn: &mut Conn, episode: &NewEpisode<'_>, at: &str) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO detention_episodes (person_id, site_id, prison_number, entry_date, legal_status, \
         expected_release, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
    )
    .bind(episode.person_id)
    .bind(episode.site_id)
    .bind(episode.prison_number)
    .bind(episode.entry_date)
    .bind(episode.legal_status)
    .bind(episode.expected_release)
    .bind(at)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// The episodes of a person, most recent entry first.
pub async fn episodes(conn: &mut Conn, person_id: i64) -> StoreResult<Vec<EpisodeRow>> {
    Ok(sqlx::query_as(
        "SELECT e.id, e.person_id, e.site_id, s.code AS site_code, e.prison_number, e.entry_date, e.legal_status, \
         e.expected_release, e.release_date, e.release_kind \
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
        "{LIST_SELECT} WHERE p.birth_date = $1 AND p.merged_into IS NULL AND EXISTS (SELECT 1 FROM person_name_tokens t \
         WHERE t.person_id = p.id AND t.token IN ({})) ORDER BY p.family_name, p.given_names, p.id LIMIT 20",
        placeholders.join(", ")
    );
    let mut query = sqlx::query_as(&sql).bind(birth_date);
    for token in tokens {
        query = query.bind(token);
    }
    Ok(query.fetch_all(conn).await?)
}

const LIST_SELECT: &str = "SELECT p.id, p.family_name, p.given_names, p.birth_date, s.code AS site_code, \
     e.prison_number, e.entry_date FROM people p JOIN sites s ON s.id = p.site_id \
     LEFT JOIN detention_episodes e ON e.id = p.current_episode_id";

/// Adds a bound value and returns its placeholder.
fn next(value: String, binds: &mut Vec<String>) -> String {
    binds.push(value);
    format!("${}", binds.len())
}

/// One page of the people matching `filter`, and how many match in all.
/// Records merged into another are never listed.
pub async fn search(
    conn: &mut Conn,
    filter: &PersonFilter,
    order: PersonOrder,
    page: Page,
) -> StoreResult<(Vec<PersonListRow>, i64)> {
    let mut conditions = vec!["p.merged_into IS NULL".to_owned()];
    let mut binds: Vec<String> = Vec::new();
    if let Some(sites) = &filter.sites {
        if sites.is_empty() {
            return Ok((Vec::new(), 0));
        }
        let list: Vec<String> = sites.iter().map(i64::to_string).collect();
        conditions.push(format!("p.site_id IN ({})", list.join(", ")));
    }
    if let Some(date) = &filter.birth_date {
        let p = next(date.clone(), &mut binds);
        conditions.push(format!("p.birth_date = {p}"));
    }
    let mut name = Vec::new();
    for token in &filter.tokens {
        let low = next(token.clone(), &mut binds);
        let high = next(format!("{token}~"), &mut binds);
        name.push(format!(
            "EXISTS (SELECT 1 FROM person_name_tokens t WHERE t.person_id = p.id AND t.token >= {low} \
             AND t.token < {high})"
        ));
    }
    let number = filter.prison_number.as_ref().map(|n| {
        let p = next(n.to_lowercase(), &mut binds);
        format!("EXISTS (SELECT 1 FROM detention_episodes x WHERE x.person_id = p.id AND lower(x.prison_number) = {p})")
    });
    match (name.is_empty(), number) {
        (true, None) => {}
        (true, Some(number)) => conditions.push(number),
        (false, None) => conditions.push(name.join(" AND ")),
        (false, Some(number)) => conditions.push(format!("(({}) OR {number})", name.join(" AND "))),
    }
    let filter_sql = format!(" WHERE {}", conditions.join(" AND "));
    let order_sql = match order {
        PersonOrder::Name => "p.family_name, p.given_names, p.id",
        PersonOrder::EntryNewest => "e.entry_date DESC, p.id DESC",
    };
    let sql = format!("{LIST_SELECT}{filter_sql} ORDER BY {order_sql} LIMIT {} OFFSET {}", page.limit, page.offset);
    let mut query = sqlx::query_as(&sql);
    for value in &binds {
        query = query.bind(value);
    }
    let rows = query.fetch_all(&mut *conn).await?;
    let count_sql = format!("SELECT COUNT(*) FROM people p{filter_sql}");
    let mut count = sqlx::query_as::<_, (i64,)>(&count_sql);
    for value in &binds {
        count = count.bind(value);
    }
    let (total,) = count.fetch_one(conn).await?;
    Ok((rows, total))
}
