//! `/api/v1/audit`: searching the audit trail (administrators and
//! coordinators). The search is itself audited.

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::routing::get;
use continuum_app::audit_trail::{AuditFilter, AuditRow};
use continuum_domain::audit::{Outcome, format_instant};
use continuum_domain::policy::Action;
use continuum_domain::validation::{Invalid, Problem as FieldProblem};
use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiQuery, Page, checked, failure, given, number, paging};
use crate::error::{ApiError, Problem};
use crate::extract::ApiCaller;
use crate::routes::{Access, Routes};
use crate::state::AppState;

/// One row of the audit trail. It never holds clinical content.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct AuditEntryDto {
    /// Position in the hash chain, from 1.
    pub seq: i64,
    /// When (RFC 3339, UTC, microseconds).
    pub at: String,
    /// The user's id, if anyone was signed in or named.
    pub user_id: Option<i64>,
    /// The username at the time.
    pub username: Option<String>,
    /// The role the access was decided under.
    pub role: Option<String>,
    /// The site acted for.
    pub site: Option<String>,
    /// What was done, e.g. `user.read` or `session.sign_in`.
    pub action: String,
    /// `allowed`, `denied` or `failed`.
    pub outcome: String,
    /// `treatment`, `break_the_glass`, `research`, `administration` or `authentication`.
    pub purpose: String,
    /// The detained person concerned, if any.
    pub person_id: Option<i64>,
    /// The kind of record concerned, e.g. `user`.
    pub resource_kind: Option<String>,
    /// The record's id.
    pub resource_id: Option<String>,
    /// A denial reason code, or the written reason of a break-the-glass.
    pub reason: Option<String>,
    /// The client's IP address.
    pub ip: Option<String>,
    /// The client's user agent.
    pub user_agent: Option<String>,
    /// The request id, to match logs.
    pub request_id: Option<String>,
    /// This row's hash (hex SHA-256 over the row and the previous hash).
    pub hash: String,
}

/// What to look for in the trail; parameters not given do not filter.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditQuery {
    /// Username, exact (case is ignored).
    pub username: Option<String>,
    /// Action code or its beginning, e.g. `session.` or `user.read`.
    pub action: Option<String>,
    /// `allowed`, `denied` or `failed`.
    pub outcome: Option<String>,
    /// The detained person concerned.
    #[param(value_type = Option<i64>)]
    pub person_id: Option<String>,
    /// From this instant, inclusive: RFC 3339 (`2026-03-01T08:00:00Z`), or a
    /// date (`2026-03-01`) meaning its start, in UTC.
    pub from: Option<String>,
    /// Until this instant, exclusive: RFC 3339, or a date (`2026-03-31`)
    /// meaning up to its end (inclusive of that day), in UTC.
    pub until: Option<String>,
    /// Page, from 1.
    #[param(value_type = Option<u32>, minimum = 1)]
    pub page: Option<String>,
    /// Results per page, 1 to 200 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 200)]
    pub per_page: Option<String>,
}

fn entry_dto(row: AuditRow) -> AuditEntryDto {
    let e = row.entry;
    AuditEntryDto {
        seq: row.seq,
        at: e.at,
        user_id: e.user_id,
        username: e.username,
        role: e.role,
        site: e.site,
        action: e.action,
        outcome: e.outcome,
        purpose: e.purpose,
        person_id: e.person_id,
        resource_kind: e.resource_kind,
        resource_id: e.resource_id,
        reason: e.reason,
        ip: e.ip,
        user_agent: e.user_agent,
        request_id: e.request_id,
        hash: row.hash,
    }
}

/// An instant as the trail stores it, from RFC 3339 or a date (UTC). A
/// date means its start, or with `end_of_day` the start of the next day.
fn instant(errors: &mut Invalid, field: &'static str, raw: Option<&String>, end_of_day: bool) -> Option<String> {
    let text = given(raw)?;
    let parsed = match text.parse::<Timestamp>() {
        Ok(at) => Some(at),
        Err(_) if text.len() == 10 => text
            .parse::<Date>()
            .ok()
            .and_then(|date| if end_of_day { date.tomorrow().ok() } else { Some(date) })
            .and_then(|date| date.to_zoned(TimeZone::UTC).ok())
            .map(|zoned| zoned.timestamp()),
        Err(_) => None,
    };
    if parsed.is_none() {
        errors.push(field, FieldProblem::InvalidFormat);
    }
    parsed.map(format_instant)
}

/// The filter of a search, every invalid parameter named.
fn filter(query: &AuditQuery) -> Result<AuditFilter, continuum_app::AppError> {
    let mut errors = Invalid::default();
    let outcome = given(query.outcome.as_ref()).map(|o| o.to_ascii_lowercase());
    if let Some(o) = &outcome
        && ![Outcome::Allowed, Outcome::Denied, Outcome::Failed].iter().any(|known| known.code() == o)
    {
        errors.push("outcome", FieldProblem::InvalidFormat);
    }
    let person_id = given(query.person_id.as_ref())
        .map(|_| number(&mut errors, "person_id", query.person_id.as_ref(), 1, i64::MAX, 0));
    let from = instant(&mut errors, "from", query.from.as_ref(), false);
    let until = instant(&mut errors, "until", query.until.as_ref(), true);
    if let (Some(from), Some(until)) = (&from, &until)
        && from > until
    {
        errors.push("until", FieldProblem::DateOrder);
    }
    let filter = AuditFilter {
        username: given(query.username.as_ref()).map(str::to_lowercase),
        action: given(query.action.as_ref()).map(str::to_owned),
        outcome,
        person_id,
        from,
        until,
        ..AuditFilter::default()
    };
    checked(errors, filter)
}

/// Searches the audit trail, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/audit",
    operation_id = "search_audit",
    tag = "audit",
    security(("bearer" = [])),
    params(AuditQuery),
    responses(
        (status = 200, description = "The rows of the page, newest first.", body = Page<AuditEntryDto>),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A parameter of the wrong form, named in `errors`.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn search_audit(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<AuditQuery>,
) -> Result<Json<Page<AuditEntryDto>>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::SearchAudit, "audit.search").await.map_err(&fail)?;
    let query = query.map_err(&fail)?;
    let mut errors = Invalid::default();
    let paging = paging(&mut errors, query.page.as_ref(), query.per_page.as_ref());
    let filter = match (filter(&query), checked(errors, ())) {
        (Ok(filter), Ok(())) => Ok(filter),
        (Err(continuum_app::AppError::Invalid(mut a)), Err(continuum_app::AppError::Invalid(b))) => {
            a.0.extend(b.0);
            Err(continuum_app::AppError::Invalid(a))
        }
        (Err(e), _) | (_, Err(e)) => Err(e),
    };
    let filter = filter.map_err(&fail)?;
    let listing = state.app.search_audit(&actor, &filter, paging).await.map_err(&fail)?;
    Ok(Json(Page::from_listing(listing, entry_dto)))
}

pub(super) fn routes(routes: Routes) -> Routes {
    routes.add("GET", "/api/v1/audit", Access::Policy(Action::SearchAudit), get(search_audit))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> AuditQuery {
        let text = serde_html_form::to_string(pairs).expect("query");
        serde_html_form::from_str(&text).expect("query")
    }

    fn invalid_fields(result: Result<AuditFilter, continuum_app::AppError>) -> Vec<&'static str> {
        match result {
            Err(continuum_app::AppError::Invalid(invalid)) => invalid.0.iter().map(|e| e.field).collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn dates_and_instants_become_stored_instants() {
        let f = filter(&query(&[("from", "2026-03-01"), ("until", "2026-03-31")])).expect("valid");
        assert_eq!(f.from.as_deref(), Some("2026-03-01T00:00:00.000000Z"));
        assert_eq!(f.until.as_deref(), Some("2026-04-01T00:00:00.000000Z"), "a date includes its whole day");
        let f = filter(&query(&[("from", "2026-03-01T10:00:00+01:00"), ("until", "")])).expect("valid");
        assert_eq!(f.from.as_deref(), Some("2026-03-01T09:00:00.000000Z"));
        assert_eq!(f.until, None);
    }

    #[test]
    fn every_invalid_parameter_is_named() {
        let fields = invalid_fields(filter(&query(&[
            ("from", "yesterday"),
            ("until", "2026-13-01"),
            ("outcome", "maybe"),
            ("person_id", "x"),
        ])));
        assert_eq!(fields, vec!["outcome", "person_id", "from", "until"]);
        assert_eq!(
            invalid_fields(filter(&query(&[("from", "2026-03-02"), ("until", "2026-03-01T00:00:00Z")]))),
            vec!["until"]
        );
    }

    #[test]
    fn filters_are_normalised() {
        let f =
            filter(&query(&[("username", " Admin "), ("outcome", "DENIED"), ("person_id", "42"), ("action", "user.")]))
                .expect("valid");
        assert_eq!(f.username.as_deref(), Some("admin"));
        assert_eq!(f.outcome.as_deref(), Some("denied"));
        assert_eq!(f.person_id, Some(42));
        assert_eq!(f.action.as_deref(), Some("user."));
    }
}
