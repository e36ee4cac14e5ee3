//! The audit log: searching the trail, and "who has accessed this file" for
//! one person.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use continuum_app::audit_trail::{AuditFilter, AuditRow};
use continuum_app::{Listing, Paging};
use continuum_domain::policy::Action;
use continuum_domain::validation::{Invalid, Problem};
use continuum_i18n::Lang;
use jiff::civil::Date;
use serde::Deserialize;

use super::sites::{Pager, SummaryItem, mark_errors, not_found, page_number, parse_id, short_time, summary};
use crate::error::PageError;
use crate::extract::{SignedIn, actor_lang};
use crate::routes::{Access, Routes};
use crate::shell::{FormErrors, Shell};
use crate::state::AppState;

const PER_PAGE: u32 = 50;

/// Outcome codes of the trail.
const OUTCOMES: [&str; 3] = ["allowed", "denied", "failed"];

/// How many characters of a user agent the table shows.
const AGENT_CHARS: usize = 40;

/// One row of the trail as shown.
struct AuditLine {
    seq: i64,
    when: String,
    who: String,
    role: String,
    site: String,
    action: String,
    outcome_code: String,
    outcome: String,
    purpose: String,
    reason: String,
    resource: String,
    person: String,
    ip: String,
    agent: String,
    agent_full: String,
    request_id: String,
}

fn audit_line(lang: Lang, row: AuditRow) -> AuditLine {
    let e = row.entry;
    let agent_full = e.user_agent.unwrap_or_default();
    let agent = if agent_full.chars().count() > AGENT_CHARS {
        format!("{}…", agent_full.chars().take(AGENT_CHARS).collect::<String>())
    } else {
        agent_full.clone()
    };
    let resource = match (e.resource_kind, e.resource_id) {
        (Some(kind), Some(id)) => format!("{kind} #{id}"),
        (Some(kind), None) => kind,
        (None, Some(id)) => format!("#{id}"),
        (None, None) => String::new(),
    };
    AuditLine {
        seq: row.seq,
        when: short_time(&e.at),
        who: e.username.unwrap_or_default(),
        role: e.role.map(|r| continuum_i18n::t(lang, &format!("role-{r}"))).unwrap_or_default(),
        site: e.site.unwrap_or_default(),
        action: e.action,
        outcome: continuum_i18n::t(lang, &format!("audit-outcome-{}", e.outcome)),
        outcome_code: e.outcome,
        purpose: continuum_i18n::t(lang, &format!("purpose-{}", e.purpose)),
        reason: e.reason.unwrap_or_default(),
        resource,
        person: e.person_id.map(|p| p.to_string()).unwrap_or_default(),
        ip: e.ip.unwrap_or_default(),
        agent,
        agent_full,
        request_id: e.request_id.unwrap_or_default(),
    }
}

fn audit_lines(lang: Lang, listing: Listing<AuditRow>) -> Vec<AuditLine> {
    listing.items.into_iter().map(|row| audit_line(lang, row)).collect()
}

// ---------------------------------------------------------------------------
// Search

#[derive(Deserialize, Default, Clone)]
struct SearchQuery {
    #[serde(default)]
    username: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    person: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    page: String,
}

/// An outcome in the filter's select.
struct OutcomeOption {
    code: &'static str,
    label: String,
    selected: bool,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    shell: Shell,
    query: SearchQuery,
    outcomes: Vec<OutcomeOption>,
    filtered: bool,
    rows: Vec<AuditLine>,
    pager: Option<Pager>,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
}

const FIELDS: &[(&str, &str)] = &[("person", "audit-person"), ("from", "audit-from"), ("to", "audit-to")];

/// A date typed as `YYYY-MM-DD`.
fn parse_date(errors: &mut Invalid, field: &'static str, raw: &str) -> Option<Date> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let date = (raw.len() == 10).then(|| raw.parse::<Date>().ok()).flatten();
    if date.is_none() {
        errors.push(field, Problem::InvalidFormat);
    }
    date
}

/// The first instant of a day, as the trail stores instants.
fn start_of(date: Date) -> String {
    format!("{date}T00:00:00.000000Z")
}

/// The filter of a search, or the invalid fields.
fn filter(query: &SearchQuery) -> Result<AuditFilter, Invalid> {
    let mut errors = Invalid::default();
    let person = query.person.trim();
    let person_id = if person.is_empty() {
        None
    } else {
        let id = parse_id(person);
        if id.is_none() {
            errors.push("person", Problem::InvalidFormat);
        }
        id
    };
    let from = parse_date(&mut errors, "from", &query.from);
    let to = parse_date(&mut errors, "to", &query.to);
    if let (Some(from), Some(to)) = (from, to)
        && to < from
    {
        errors.push("to", Problem::DateOrder);
    }
    let text = |value: &str| Some(value.trim().to_owned()).filter(|v| !v.is_empty());
    let filter = AuditFilter {
        username: text(&query.username).map(|u| u.to_lowercase()),
        action: text(&query.action),
        outcome: OUTCOMES.iter().find(|o| **o == query.outcome.trim()).map(|o| (*o).to_owned()),
        person_id,
        resource: None,
        from: from.map(start_of),
        until: to.and_then(|d| d.tomorrow().ok()).map(start_of),
        data_access_only: false,
    };
    errors.into_result(|| filter)
}

async fn search(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Query(query): Query<SearchQuery>,
) -> Response {
    let lang = actor_lang(&actor);
    let mut shell = Shell::signed_in(&actor, state.settings.demo_mode, "audit-title", "/audit");
    let outcomes = OUTCOMES
        .iter()
        .map(|code| OutcomeOption {
            code,
            label: shell.t(&format!("audit-outcome-{code}")),
            selected: *code == query.outcome.trim(),
        })
        .collect();
    let filtered = [&query.username, &query.action, &query.outcome, &query.person, &query.from, &query.to]
        .iter()
        .any(|v| !v.trim().is_empty());
    let (rows, pager, errors, status) = match filter(&query) {
        Ok(filter) => {
            let paging = Paging { page: page_number(&query.page), per_page: PER_PAGE };
            let listing = match state.app.search_audit(&actor, &filter, paging).await {
                Ok(listing) => listing,
                Err(error) => return PageError::new(error, lang).into_response(),
            };
            let params = [
                ("username", query.username.trim()),
                ("action", query.action.trim()),
                ("outcome", query.outcome.trim()),
                ("person", query.person.trim()),
                ("from", query.from.trim()),
                ("to", query.to.trim()),
            ];
            let pager = Pager::new(lang, &listing, "/audit", &params);
            (audit_lines(lang, listing), Some(pager), FormErrors::default(), StatusCode::OK)
        }
        Err(invalid) => (Vec::new(), None, FormErrors::new(lang, &invalid), StatusCode::UNPROCESSABLE_ENTITY),
    };
    mark_errors(&mut shell, errors.any());
    let page = AuditPage {
        summary: summary(lang, errors.all(), FIELDS),
        shell,
        query,
        outcomes,
        filtered,
        rows,
        pager,
        errors,
    };
    super::render(status, &page)
}

// ---------------------------------------------------------------------------
// Who has accessed one person's file

#[derive(Deserialize, Default)]
struct PersonQuery {
    #[serde(default)]
    page: String,
}

#[derive(Template)]
#[template(path = "person_access.html")]
struct PersonAccessPage {
    shell: Shell,
    person_id: i64,
    site: String,
    rows: Vec<AuditLine>,
    pager: Pager,
}

async fn person_access(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Path(person_id): Path<String>,
    Query(query): Query<PersonQuery>,
) -> Response {
    let lang = actor_lang(&actor);
    let Some(person_id) = parse_id(&person_id) else {
        return not_found(lang);
    };
    let paging = Paging { page: page_number(&query.page), per_page: PER_PAGE };
    let (listing, code) = match state.app.person_access_log(&actor, person_id, paging).await {
        Ok(found) => found,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let path = format!("/audit/people/{person_id}");
    let pager = Pager::new(lang, &listing, &path, &[]);
    let page = PersonAccessPage {
        shell: Shell::signed_in(&actor, state.settings.demo_mode, "person-access-log-title", &path),
        person_id,
        site: code,
        rows: audit_lines(lang, listing),
        pager,
    };
    super::render(StatusCode::OK, &page)
}

pub(crate) fn routes(routes: Routes) -> Routes {
    routes.add("GET", "/audit", Access::Policy(Action::SearchAudit), get(search)).add(
        "GET",
        "/audit/people/{person_id}",
        Access::Policy(Action::ViewPersonAccessLog),
        get(person_access),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(from: &str, to: &str, person: &str) -> SearchQuery {
        SearchQuery { from: from.into(), to: to.into(), person: person.into(), ..SearchQuery::default() }
    }

    #[test]
    fn dates_become_instants_and_the_end_date_counts_whole() {
        let filter = filter(&query("2026-01-30", "2026-01-31", "")).expect("valid");
        assert_eq!(filter.from.as_deref(), Some("2026-01-30T00:00:00.000000Z"));
        assert_eq!(filter.until.as_deref(), Some("2026-02-01T00:00:00.000000Z"));
    }

    #[test]
    fn bad_dates_and_person_ids_are_field_errors() {
        let invalid = filter(&query("30/01/2026", "2026-02-30", "abc")).expect_err("invalid");
        assert_eq!(invalid.for_field("from"), Some(&Problem::InvalidFormat));
        assert_eq!(invalid.for_field("to"), Some(&Problem::InvalidFormat));
        assert_eq!(invalid.for_field("person"), Some(&Problem::InvalidFormat));
        let reversed = filter(&query("2026-02-01", "2026-01-01", "")).expect_err("invalid");
        assert_eq!(reversed.for_field("to"), Some(&Problem::DateOrder));
    }
}
