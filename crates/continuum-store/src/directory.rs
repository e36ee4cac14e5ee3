//! The directory of care providers: the services of organisations, the
//! prisons each covers, and every version (`0015_consent_directory.sql`).

use crate::{Conn, Page, StoreResult, like_pattern};

/// A stored service, with its organisation's name and the codes of the
/// prisons it covers.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ServiceRow {
    /// Id.
    pub id: i64,
    /// The organisation.
    pub organisation_id: i64,
    /// The organisation's name.
    pub organisation: String,
    /// Name.
    pub name: String,
    /// Kind code.
    pub kind: String,
    /// Language codes, comma-separated.
    pub languages: String,
    /// Codes of the prisons covered, in code order.
    #[sqlx(skip)]
    pub sites: Vec<String>,
    /// Postal address.
    pub address: String,
    /// Phone.
    pub phone: String,
    /// E-mail.
    pub email: String,
    /// Web site.
    pub website: String,
    /// Opening hours, stored form.
    pub opening_hours: String,
    /// Note on the hours.
    pub hours_note: String,
    #[sqlx(try_from = "crate::Flag")]
    /// Whether in use.
    pub active: bool,
    /// Version, raised by every change.
    pub version: i64,
    /// Last change.
    pub updated_at: String,
}

/// One version of a service.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ServiceVersionRow {
    /// The version.
    pub version: i64,
    /// Name then.
    pub name: String,
    /// Kind then.
    pub kind: String,
    /// Languages then.
    pub languages: String,
    /// Prisons covered then.
    pub sites: String,
    /// Phone then.
    pub phone: String,
    /// E-mail then.
    pub email: String,
    /// Opening hours then.
    pub opening_hours: String,
    #[sqlx(try_from = "crate::Flag")]
    /// Active then.
    pub active: bool,
    /// When.
    pub changed_at: String,
    /// By whom (username).
    pub changed_by: Option<String>,
}

/// The fields of a service to write.
#[derive(Debug, Clone)]
pub struct ServiceFields<'a> {
    /// The organisation.
    pub organisation_id: i64,
    /// Name.
    pub name: &'a str,
    /// Kind code.
    pub kind: &'a str,
    /// Language codes, comma-separated.
    pub languages: &'a str,
    /// The ids of the prisons covered.
    pub sites: &'a [i64],
    /// Postal address.
    pub address: &'a str,
    /// Phone.
    pub phone: &'a str,
    /// E-mail.
    pub email: &'a str,
    /// Web site.
    pub website: &'a str,
    /// Opening hours, stored form.
    pub opening_hours: &'a str,
    /// Note on the hours.
    pub hours_note: &'a str,
    /// Whether in use.
    pub active: bool,
}

/// What to look for in the directory.
#[derive(Debug, Clone, Default)]
pub struct ServiceQuery {
    /// Text to find in the service's or the organisation's name.
    pub search: Option<String>,
    /// Only this kind.
    pub kind: Option<String>,
    /// Only services covering this prison.
    pub site_id: Option<i64>,
    /// Only services working in this language.
    pub language: Option<String>,
    /// Only the services of this organisation.
    pub organisation_id: Option<i64>,
    /// Services no longer in use too.
    pub include_inactive: bool,
}

const COLUMNS: &str = "v.id, v.organisation_id, o.name AS organisation, v.name, v.kind, v.languages, v.address, \
     v.phone, v.email, v.website, v.opening_hours, v.hours_note, v.active, v.version, v.updated_at";

/// Fills in the codes of the prisons each service covers (one query for
/// the page, rather than an aggregate whose name differs per database).
async fn with_sites(conn: &mut Conn, mut rows: Vec<ServiceRow>) -> StoreResult<Vec<ServiceRow>> {
    if rows.is_empty() {
        return Ok(rows);
    }
    let ids: Vec<String> = rows.iter().map(|r| r.id.to_string()).collect();
    let sql = format!(
        "SELECT cs.service_id, s.code FROM care_service_sites cs JOIN sites s ON s.id = cs.site_id \
         WHERE cs.service_id IN ({}) ORDER BY s.code",
        ids.join(", ")
    );
    let pairs: Vec<(i64, String)> = sqlx::query_as(&sql).fetch_all(conn).await?;
    for row in &mut rows {
        row.sites = pairs.iter().filter(|(id, _)| *id == row.id).map(|(_, code)| code.clone()).collect();
    }
    Ok(rows)
}

fn filter(query: &ServiceQuery, binds: &mut Vec<Bind>) -> String {
    let mut conditions = Vec::new();
    if !query.include_inactive {
        conditions.push("v.active = 1".to_owned());
    }
    if let Some(search) = query.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        binds.push(Bind::Text(like_pattern(search)));
        let p = binds.len();
        conditions.push(format!("(lower(v.name) LIKE ${p} ESCAPE '\\' OR lower(o.name) LIKE ${p} ESCAPE '\\')"));
    }
    if let Some(kind) = &query.kind {
        binds.push(Bind::Text(kind.clone()));
        conditions.push(format!("v.kind = ${}", binds.len()));
    }
    if let Some(site) = query.site_id {
        binds.push(Bind::Number(site));
        conditions.push(format!(
            "EXISTS (SELECT 1 FROM care_service_sites cs WHERE cs.service_id = v.id AND cs.site_id = ${})",
            binds.len()
        ));
    }
    if let Some(language) = &query.language {
        binds.push(Bind::Text(format!("%{language}%")));
        conditions.push(format!("v.languages LIKE ${}", binds.len()));
    }
    if let Some(organisation) = query.organisation_id {
        binds.push(Bind::Number(organisation));
        conditions.push(format!("v.organisation_id = ${}", binds.len()));
    }
    if conditions.is_empty() { String::new() } else { format!(" WHERE {}", conditions.join(" AND ")) }
}

/// A bound value of a search.
enum Bind {
    Text(String),
    Number(i64),
}

const FROM: &str = " FROM care_services v JOIN organisations o ON o.id = v.organisation_id";

/// One page of services matching the query (by name, then organisation),
/// and how many match in all.
pub async fn search(conn: &mut Conn, query: &ServiceQuery, page: Page) -> StoreResult<(Vec<ServiceRow>, i64)> {
    let mut binds = Vec::new();
    let where_sql = filter(query, &mut binds);
    let sql = format!(
        "SELECT {COLUMNS}{FROM}{where_sql} ORDER BY lower(v.name), lower(o.name), v.id LIMIT {} OFFSET {}",
        page.limit, page.offset
    );
    let mut rows = sqlx::query_as(&sql);
    for bind in &binds {
        rows = match bind {
            Bind::Text(text) => rows.bind(text.clone()),
            Bind::Number(n) => rows.bind(*n),
        };
    }
    let rows = rows.fetch_all(&mut *conn).await?;
    let rows = with_sites(conn, rows).await?;
    let count_sql = format!("SELECT COUNT(*){FROM}{where_sql}");
    let mut count = sqlx::query_as(&count_sql);
    for bind in &binds {
        count = match bind {
            Bind::Text(text) => count.bind(text.clone()),
            Bind::Number(n) => count.bind(*n),
        };
    }
    let (total,): (i64,) = count.fetch_one(conn).await?;
    Ok((rows, total))
}

/// One service.
pub async fn get(conn: &mut Conn, id: i64) -> StoreResult<Option<ServiceRow>> {
    let sql = format!("SELECT {COLUMNS}{FROM} WHERE v.id = $1");
    let row: Option<ServiceRow> = sqlx::query_as(&sql).bind(id).fetch_optional(&mut *conn).await?;
    Ok(with_sites(conn, row.into_iter().collect()).await?.pop())
}

/// Adds a service, the prisons it covers and its first version.
pub async fn insert(conn: &mut Conn, service: &ServiceFields<'_>, at: &str, by: Option<i64>) -> StoreResult<i64> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO care_services (organisation_id, name, kind, languages, address, phone, email, website, \
         opening_hours, hours_note, active, version, updated_at, updated_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12, $13) RETURNING id",
    )
    .bind(service.organisation_id)
    .bind(service.name)
    .bind(service.kind)
    .bind(service.languages)
    .bind(service.address)
    .bind(service.phone)
    .bind(service.email)
    .bind(service.website)
    .bind(service.opening_hours)
    .bind(service.hours_note)
    .bind(i64::from(service.active))
    .bind(at)
    .bind(by)
    .fetch_one(&mut *conn)
    .await?;
    write_sites(conn, id, service.sites).await?;
    record_version(conn, id).await?;
    Ok(id)
}

/// Changes a service if still at `expected_version`.
pub async fn update(
    conn: &mut Conn,
    id: i64,
    expected_version: i64,
    service: &ServiceFields<'_>,
    at: &str,
    by: Option<i64>,
) -> StoreResult<bool> {
    let done = sqlx::query(
        "UPDATE care_services SET organisation_id = $1, name = $2, kind = $3, languages = $4, address = $5, \
         phone = $6, email = $7, website = $8, opening_hours = $9, hours_note = $10, active = $11, \
         version = version + 1, updated_at = $12, updated_by = $13 WHERE id = $14 AND version = $15",
    )
    .bind(service.organisation_id)
    .bind(service.name)
    .bind(service.kind)
    .bind(service.languages)
    .bind(service.address)
    .bind(service.phone)
    .bind(service.email)
    .bind(service.website)
    .bind(service.opening_hours)
    .bind(service.hours_note)
    .bind(i64::from(service.active))
    .bind(at)
    .bind(by)
    .bind(id)
    .bind(expected_version)
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    sqlx::query("DELETE FROM care_service_sites WHERE service_id = $1").bind(id).execute(&mut *conn).await?;
    write_sites(conn, id, service.sites).await?;
    record_version(conn, id).await?;
    Ok(true)
}

async fn write_sites(conn: &mut Conn, id: i64, sites: &[i64]) -> StoreResult<()> {
    for site in sites {
        sqlx::query("INSERT INTO care_service_sites (service_id, site_id) VALUES ($1, $2)")
            .bind(id)
            .bind(site)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

async fn record_version(conn: &mut Conn, id: i64) -> StoreResult<()> {
    let codes = get(conn, id).await?.map(|s| s.sites.join(",")).unwrap_or_default();
    sqlx::query(
        "INSERT INTO care_service_history (service_id, version, organisation_id, name, kind, languages, sites, \
         address, phone, email, website, opening_hours, hours_note, active, changed_at, changed_by) \
         SELECT v.id, v.version, v.organisation_id, v.name, v.kind, v.languages, $2, v.address, v.phone, v.email, \
         v.website, v.opening_hours, v.hours_note, v.active, v.updated_at, v.updated_by FROM care_services v \
         WHERE v.id = $1",
    )
    .bind(id)
    .bind(codes)
    .execute(conn)
    .await?;
    Ok(())
}

/// Every version of a service, newest first.
pub async fn history(conn: &mut Conn, id: i64) -> StoreResult<Vec<ServiceVersionRow>> {
    Ok(sqlx::query_as(
        "SELECT h.version, h.name, h.kind, h.languages, h.sites, h.phone, h.email, h.opening_hours, h.active, \
         h.changed_at, u.username AS changed_by FROM care_service_history h \
         LEFT JOIN users u ON u.id = h.changed_by WHERE h.service_id = $1 ORDER BY h.version DESC",
    )
    .bind(id)
    .fetch_all(conn)
    .await?)
}
