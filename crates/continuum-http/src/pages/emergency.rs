//! Emergency access (break the glass): the medical service opens it with a
//! written reason and sees its open accesses; coordinators and
//! administrators review every access afterwards.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use continuum_app::emergency::EmergencyAccess;
use continuum_app::{Actor, AppError, Paging};
use continuum_domain::emergency::{DEFAULT_DURATION, EmergencyRequest};
use continuum_domain::policy::{Action, Target};
use continuum_domain::validation::{Invalid, Problem};
use serde::Deserialize;

use super::sites::{Pager, SummaryItem, mark_errors, not_found, page_number, parse_id, short_time, summary};
use crate::error::PageError;
use crate::extract::{CsrfForm, SignedIn, actor_lang};
use crate::routes::{Access, Routes};
use crate::shell::{FormErrors, Shell};
use crate::state::AppState;

const PER_PAGE: u32 = 25;

/// The request form, as typed.
#[derive(Deserialize, Default)]
struct RequestForm {
    #[serde(default)]
    site: String,
    #[serde(default)]
    person_id: String,
    #[serde(default)]
    reason: String,
}

/// A review note, as typed.
#[derive(Deserialize, Default)]
struct ReviewForm {
    #[serde(default)]
    note: String,
    #[serde(default)]
    pending: String,
}

#[derive(Deserialize, Default)]
struct PageQuery {
    #[serde(default)]
    pending: Option<String>,
    #[serde(default)]
    page: String,
    #[serde(default)]
    opened: String,
    #[serde(default)]
    reviewed: String,
}

/// A site in the request form's select.
struct SiteChoice {
    code: String,
    label: String,
    selected: bool,
}

/// An emergency access as shown.
struct AccessLine {
    id: i64,
    username: String,
    site: String,
    person: String,
    reason: String,
    created_at: String,
    expires_at: String,
    revoked: bool,
    reviewed: bool,
    reviewed_at: String,
    reviewed_by: String,
    review_note: String,
}

fn access_line(row: EmergencyAccess) -> AccessLine {
    AccessLine {
        id: row.id,
        username: row.username,
        site: row.site_code,
        person: row.person_id.map(|p| p.to_string()).unwrap_or_default(),
        reason: row.reason,
        created_at: short_time(&row.created_at),
        expires_at: short_time(&row.expires_at),
        revoked: row.revoked,
        reviewed: row.reviewed_at.is_some(),
        reviewed_at: row.reviewed_at.as_deref().map(short_time).unwrap_or_default(),
        reviewed_by: row.reviewed_by.unwrap_or_default(),
        review_note: row.review_note.unwrap_or_default(),
    }
}

#[derive(Template)]
#[template(path = "emergency.html")]
struct EmergencyPage {
    shell: Shell,
    notice: String,
    may_request: bool,
    may_review: bool,
    sites: Vec<SiteChoice>,
    form: RequestForm,
    errors: FormErrors,
    mine: Vec<AccessLine>,
    pending: bool,
    reviews: Vec<AccessLine>,
    pager: Option<Pager>,
    /// The row whose review failed, with the note typed and its message.
    review_id: i64,
    review_note: String,
    review_error: String,
    summary: Vec<SummaryItem>,
}

/// What a page shows beyond the lists.
#[derive(Default)]
struct Shown {
    notice: &'static str,
    pending: bool,
    page: u32,
    form: RequestForm,
    errors: FormErrors,
    review_id: i64,
    review_note: String,
    review_errors: FormErrors,
}

const FIELDS: &[(&str, &str)] = &[("site", "site"), ("person_id", "btg-person"), ("reason", "btg-reason")];

async fn emergency_page(state: &AppState, actor: &Actor, shown: Shown, status: StatusCode) -> Response {
    let lang = actor_lang(actor);
    let may_request = actor.may_ever(Action::RequestEmergencyAccess);
    let may_review = actor.may(Action::ReviewEmergencyAccess, Target::PROGRAMME);
    let (sites, mine) = if may_request {
        let sites = match state.app.list_sites(actor).await {
            Ok(sites) => sites,
            Err(error) => return PageError::new(error, lang).into_response(),
        };
        let mine = match state.app.my_emergency_accesses(actor).await {
            Ok(mine) => mine,
            Err(error) => return PageError::new(error, lang).into_response(),
        };
        let chosen = shown.form.site.trim().to_ascii_uppercase();
        let sites = sites
            .into_iter()
            .filter(|s| s.active)
            .map(|s| SiteChoice {
                label: format!("{} · {}", s.code, s.name), selected: s.code == chosen, code: s.code
            })
            .collect();
        (sites, mine.into_iter().map(access_line).collect())
    } else {
        (Vec::new(), Vec::new())
    };
    let (reviews, pager) = if may_review {
        let paging = Paging { page: shown.page.max(1), per_page: PER_PAGE };
        let listing = match state.app.list_emergency_accesses(actor, shown.pending, paging).await {
            Ok(listing) => listing,
            Err(error) => return PageError::new(error, lang).into_response(),
        };
        let pending = if shown.pending { "1" } else { "0" };
        let pager = Pager::new(lang, &listing, "/emergency-access", &[("pending", pending)]);
        (listing.items.into_iter().map(access_line).collect(), Some(pager))
    } else {
        (Vec::new(), None)
    };
    let mut items = summary(lang, shown.errors.all(), FIELDS);
    for mut item in summary(lang, shown.review_errors.all(), &[("note", "btg-review-note")]) {
        if item.href == "#note" {
            item.href = format!("#note-{}", shown.review_id);
        }
        items.push(item);
    }
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "btg-title", "/emergency-access");
    mark_errors(&mut shell, !items.is_empty());
    let page = EmergencyPage {
        notice: if shown.notice.is_empty() { String::new() } else { shell.t(shown.notice) },
        shell,
        may_request,
        may_review,
        sites,
        form: shown.form,
        errors: shown.errors,
        mine,
        pending: shown.pending,
        reviews,
        pager,
        review_id: shown.review_id,
        review_note: shown.review_note,
        review_error: shown.review_errors.get("note"),
        summary: items,
    };
    super::render(status, &page)
}

async fn show(State(state): State<AppState>, SignedIn(actor): SignedIn, Query(query): Query<PageQuery>) -> Response {
    let notice = if !query.opened.is_empty() {
        "btg-opened"
    } else if !query.reviewed.is_empty() {
        "btg-review-saved"
    } else {
        ""
    };
    let shown = Shown {
        notice,
        pending: query.pending.as_deref() != Some("0"),
        page: page_number(&query.page),
        ..Shown::default()
    };
    emergency_page(&state, &actor, shown, StatusCode::OK).await
}

async fn open(State(state): State<AppState>, CsrfForm { actor, form }: CsrfForm<RequestForm>) -> Response {
    let lang = actor_lang(&actor);
    let person = form.person_id.trim();
    let result = match (person.is_empty(), parse_id(person)) {
        (true, _) => state.app.request_emergency_access(&actor, &form.site, None, &form.reason).await,
        (false, Some(person_id)) => {
            state.app.request_emergency_access(&actor, &form.site, Some(person_id), &form.reason).await
        }
        (false, None) => {
            // Report the other fields too, without opening anything.
            let mut invalid = Invalid::default();
            if form.site.trim().is_empty() {
                invalid.push("site", Problem::Required);
            }
            invalid.push("person_id", Problem::InvalidFormat);
            if let Err(reason) = EmergencyRequest::parse(&form.reason, jiff::Timestamp::now(), DEFAULT_DURATION) {
                invalid.0.extend(reason.0);
            }
            Err(AppError::Invalid(invalid))
        }
    };
    match result {
        Ok(id) => Redirect::to(&format!("/emergency-access?opened={id}")).into_response(),
        Err(AppError::Invalid(invalid)) => {
            let shown =
                Shown { pending: true, page: 1, errors: FormErrors::new(lang, &invalid), form, ..Shown::default() };
            emergency_page(&state, &actor, shown, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

async fn review(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<ReviewForm>,
) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let pending = form.pending != "0";
    let failed = |review_errors: FormErrors| Shown {
        pending,
        page: 1,
        review_id: id,
        review_note: form.note.clone(),
        review_errors,
        ..Shown::default()
    };
    match state.app.review_emergency_access(&actor, id, &form.note).await {
        Ok(()) => {
            let to = if pending { "/emergency-access?reviewed=1" } else { "/emergency-access?pending=0&reviewed=1" };
            Redirect::to(to).into_response()
        }
        Err(AppError::Invalid(invalid)) => {
            let shown = failed(FormErrors::new(lang, &invalid));
            emergency_page(&state, &actor, shown, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Conflict(_)) => {
            let shown = failed(FormErrors::general(lang, "btg-already-reviewed"));
            emergency_page(&state, &actor, shown, StatusCode::CONFLICT).await
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

pub(crate) fn routes(routes: Routes) -> Routes {
    routes
        .add("GET", "/emergency-access", Access::SignedIn, get(show))
        .add("POST", "/emergency-access", Access::Policy(Action::RequestEmergencyAccess), post(open))
        .add("POST", "/emergency-access/{id}/review", Access::Policy(Action::ReviewEmergencyAccess), post(review))
}
