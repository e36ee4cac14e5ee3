//! The caseload page (issue 5, item 8): the pathways past the wait for a
//! screening at the acting prison, of everyone, of the user, of one care
//! worker or of nobody; counts by state, the alerts, and the list sortable
//! by column, filtered by state, a page at a time. Clinical roles only.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use continuum_app::care::plans::REVIEW_DUE_DAYS;
use continuum_app::caseload::{AlertKind, Caseload, CaseloadOrder, CaseloadRequest, WorkerChoice};
use continuum_app::{Actor, AppError, Paging};
use continuum_domain::policy::Action;
use continuum_domain::release::PLAN_ALERT_DAYS;
use continuum_i18n::Lang;
use serde::Deserialize;

use super::people::{Choice, display_name};
use super::sites::{Pager, link, page_number, short_time};
use crate::error::PageError;
use crate::extract::{SignedIn, actor_lang};
use crate::routes::{Access, Routes};
use crate::shell::Shell;
use crate::state::AppState;

const PER_PAGE: u32 = 50;

/// The query of the page, as in its links and filter form.
#[derive(Deserialize, Default, Clone)]
pub(crate) struct CaseloadParams {
    /// Empty (everyone), `me`, `none`, or a user id.
    #[serde(default)]
    pub worker: String,
    /// A state code, or empty.
    #[serde(default)]
    pub state: String,
    /// `name`, `state`, `since` or `release`.
    #[serde(default)]
    pub sort: String,
    /// `desc` to reverse.
    #[serde(default)]
    pub dir: String,
    /// `due`: only the pathways whose care-plan review is due or past.
    #[serde(default)]
    pub review: String,
    #[serde(default)]
    pub page: String,
}

/// The sort codes of the page and the API.
pub(crate) const SORTS: [(&str, CaseloadOrder); 4] = [
    ("name", CaseloadOrder::Name),
    ("state", CaseloadOrder::State),
    ("since", CaseloadOrder::Since),
    ("release", CaseloadOrder::ExpectedRelease),
];

impl CaseloadParams {
    /// The use case's request, or the field that cannot be read.
    pub(crate) fn request(&self, paging: Paging) -> Result<CaseloadRequest, AppError> {
        let worker = match self.worker.trim() {
            "" => WorkerChoice::Everyone,
            "me" => WorkerChoice::Mine,
            "none" => WorkerChoice::Nobody,
            id => WorkerChoice::User(
                id.parse::<i64>()
                    .map_err(|_| AppError::field("worker", continuum_domain::validation::Problem::InvalidFormat))?,
            ),
        };
        let order = match self.sort.trim() {
            "" => None,
            code => Some(
                SORTS
                    .iter()
                    .find(|(c, _)| *c == code)
                    .map(|(_, o)| *o)
                    .ok_or_else(|| AppError::field("sort", continuum_domain::validation::Problem::InvalidFormat))?,
            ),
        };
        let reviews_due = match self.review.trim() {
            "" => false,
            "due" => true,
            _ => return Err(AppError::field("review", continuum_domain::validation::Problem::InvalidFormat)),
        };
        Ok(CaseloadRequest {
            reviews_due,
            worker,
            state: Some(self.state.clone()).filter(|s| !s.trim().is_empty()),
            order,
            descending: self.dir == "desc",
            paging,
        })
    }
}

struct CountLine {
    label: String,
    count: i64,
    href: String,
    current: bool,
}

struct AlertLine {
    /// Where the alert is acted on.
    href: String,
    name: String,
    prison_number: String,
    responsible: String,
    day: String,
}

struct AlertBlock {
    id: &'static str,
    title: String,
    day_header: String,
    rows: Vec<AlertLine>,
}

struct Line {
    person_id: i64,
    name: String,
    prison_number: String,
    state: String,
    since: String,
    expected_release: String,
    responsible: String,
    release_without_plan: bool,
    follow_up_overdue: bool,
    review_date: String,
    review_due: bool,
    review_overdue: bool,
}

/// A sortable column header.
struct Column {
    label: String,
    href: String,
    /// `ascending`, `descending` or `none`.
    sort: &'static str,
}

#[derive(Template)]
#[template(path = "caseload.html")]
struct CaseloadPage {
    shell: Shell,
    site: String,
    workers: Vec<Choice>,
    states: Vec<Choice>,
    filtered: bool,
    counts: Vec<CountLine>,
    total: i64,
    /// Pathways with a care-plan review due or past, and the link that lists them.
    reviews_due: i64,
    reviews_due_href: String,
    reviews_only: bool,
    alerts: Vec<AlertBlock>,
    columns: Vec<Column>,
    rows: Vec<Line>,
    pager: Pager,
    /// A filter of the address could not be read: the whole caseload is shown.
    invalid_filter: bool,
}

fn state_label(lang: Lang, state: &str) -> String {
    continuum_i18n::t(lang, &format!("pathway-state-{state}"))
}

fn page(actor: &Actor, demo: bool, params: &CaseloadParams, caseload: Caseload, invalid_filter: bool) -> Response {
    let lang = actor_lang(actor);
    let shell = Shell::signed_in(actor, demo, "caseload-title", "/caseload");
    let worker = params.worker.trim();
    let sort = if params.sort.is_empty() { "name" } else { params.sort.as_str() };
    let descending = params.dir == "desc";
    let review = params.review.trim();
    let keep = |state: &str, sort: &str, dir: &str| {
        link("/caseload", &[("worker", worker), ("state", state), ("sort", sort), ("dir", dir), ("review", review)])
    };
    let mut workers = vec![
        Choice { code: "me".into(), label: continuum_i18n::t(lang, "caseload-worker-me"), selected: worker == "me" },
        Choice {
            code: "none".into(),
            label: continuum_i18n::t(lang, "caseload-worker-none"),
            selected: worker == "none",
        },
    ];
    workers.extend(caseload.workers.iter().map(|w| Choice {
        code: w.id.to_string(),
        label: w.display_name.clone(),
        selected: w.id.to_string() == worker,
    }));
    let states = caseload
        .counts
        .iter()
        .map(|(code, _)| Choice {
            code: (*code).to_owned(),
            label: state_label(lang, code),
            selected: *code == params.state,
        })
        .collect();
    let counts = caseload
        .counts
        .iter()
        .map(|(code, count)| CountLine {
            label: state_label(lang, code),
            count: *count,
            href: keep(code, &params.sort, &params.dir),
            current: *code == params.state,
        })
        .collect();
    let total = caseload.counts.iter().map(|(_, n)| n).sum();
    let alerts = caseload
        .alerts
        .iter()
        .map(|section| AlertBlock {
            id: section.kind.code(),
            title: continuum_i18n::t_args(
                lang,
                section.kind.message_id(),
                &[
                    ("count", continuum_i18n::Arg::Num(i64::try_from(section.rows.len()).unwrap_or(i64::MAX))),
                    (
                        "days",
                        continuum_i18n::Arg::Num(match section.kind {
                            AlertKind::ReviewDue => REVIEW_DUE_DAYS,
                            _ => PLAN_ALERT_DAYS,
                        }),
                    ),
                ],
            ),
            day_header: continuum_i18n::t(lang, &format!("caseload-alert-day-{}", section.kind.code())),
            rows: section
                .rows
                .iter()
                .map(|r| AlertLine {
                    href: match section.kind {
                        AlertKind::OatInterrupted => format!("/people/{}/oat", r.person_id),
                        AlertKind::ReviewDue => format!("/people/{}/care-plan", r.person_id),
                        _ => format!("/people/{}/release-plan", r.person_id),
                    },
                    name: display_name(&r.family_name, &r.given_names),
                    prison_number: r.prison_number.clone().unwrap_or_default(),
                    responsible: r.responsible.clone().unwrap_or_default(),
                    day: if r.due_days > 0 {
                        format!(
                            "{} ({})",
                            r.day,
                            continuum_i18n::t_args(
                                lang,
                                "follow-up-days",
                                &[("days", continuum_i18n::Arg::Num(r.due_days))]
                            )
                        )
                    } else if section.kind == AlertKind::OatInterrupted {
                        short_time(&r.day)
                    } else {
                        r.day.clone()
                    },
                })
                .collect(),
        })
        .collect();
    let columns = [
        ("name", "name"),
        ("state", "care-team-state"),
        ("since", "caseload-since"),
        ("release", "person-expected-release"),
    ]
    .map(|(code, key)| {
        let current = code == sort;
        let next_dir = if current && !descending { "desc" } else { "" };
        Column {
            label: continuum_i18n::t(lang, key),
            href: keep(&params.state, code, next_dir),
            sort: match (current, descending) {
                (false, _) => "none",
                (true, false) => "ascending",
                (true, true) => "descending",
            },
        }
    })
    .into();
    let listing = caseload.pathways;
    let filters = [
        ("worker", worker),
        ("state", params.state.as_str()),
        ("sort", params.sort.as_str()),
        ("dir", params.dir.as_str()),
        ("review", review),
    ];
    let pager = Pager::new(lang, &listing, "/caseload", &filters);
    let rows = listing
        .items
        .into_iter()
        .map(|line| {
            let r = line.row;
            let state = match (&r.returns_to, r.state.as_str()) {
                (Some(stage), "declined") => continuum_i18n::t_args(
                    lang,
                    "caseload-declined-at",
                    &[("state", continuum_i18n::Arg::Str(state_label(lang, stage)))],
                ),
                (_, code) => state_label(lang, code),
            };
            Line {
                person_id: r.person_id,
                name: display_name(&r.family_name, &r.given_names),
                prison_number: r.prison_number.unwrap_or_default(),
                state,
                since: short_time(&r.since),
                expected_release: r.expected_release.unwrap_or_default(),
                responsible: r.responsible.unwrap_or_default(),
                release_without_plan: line.release_without_plan,
                follow_up_overdue: line.follow_up_overdue,
                review_date: r.review_date.unwrap_or_default(),
                review_due: line.review_due,
                review_overdue: line.review_overdue,
            }
        })
        .collect();
    let site = actor
        .sites
        .iter()
        .find(|s| s.id == caseload.site)
        .map(|s| format!("{} · {}", s.code, s.name))
        .unwrap_or_default();
    let page = CaseloadPage {
        shell,
        site,
        workers,
        states,
        filtered: !worker.is_empty() || !params.state.is_empty() || !review.is_empty(),
        reviews_due: caseload.reviews_due,
        reviews_due_href: link(
            "/caseload",
            &[
                ("worker", worker),
                ("state", params.state.as_str()),
                ("sort", sort),
                ("dir", params.dir.as_str()),
                ("review", "due"),
            ],
        ),
        reviews_only: !review.is_empty(),
        counts,
        total,
        alerts,
        columns,
        rows,
        pager,
        invalid_filter,
    };
    super::render(StatusCode::OK, &page)
}

async fn show(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Query(params): Query<CaseloadParams>,
) -> Response {
    let lang = actor_lang(&actor);
    let paging = Paging { page: page_number(&params.page), per_page: PER_PAGE };
    let found = match params.request(paging) {
        Ok(request) => state.app.caseload(&actor, &request).await,
        Err(error) => Err(error),
    };
    match found {
        Ok(caseload) => page(&actor, state.settings.demo_mode, &params, caseload, false),
        // A filter that cannot be read (edited by hand): the whole caseload.
        Err(AppError::Invalid(_)) => {
            let everyone = CaseloadParams::default();
            match state.app.caseload(&actor, &CaseloadRequest { paging, ..CaseloadRequest::default() }).await {
                Ok(caseload) => page(&actor, state.settings.demo_mode, &everyone, caseload, true),
                Err(error) => PageError::new(error, lang).into_response(),
            }
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

pub(crate) fn routes(routes: Routes) -> Routes {
    routes.add("GET", "/caseload", Access::Policy(Action::ReadClinical), get(show))
}
