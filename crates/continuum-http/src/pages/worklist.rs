//! The worklist of a site: people entered and not yet screened, the longest
//! waiting first, flagged once the 14 days for screening are past (and a
//! filter for those only); the screenings of the past 7 days; and, for
//! clinical roles, positive screenings still waiting for an intake; and the
//! first signals the care team has not yet received.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use continuum_app::pathways::SCREENING_DUE_DAYS;
use continuum_app::signals::SignalFilter;
use continuum_app::{Actor, AppError, Paging};
use continuum_domain::ids::SiteId;
use continuum_domain::policy::{Action, Target};
use continuum_i18n::Lang;
use serde::Deserialize;

use super::sites::{Pager, page_number, short_time};
use crate::error::PageError;
use crate::extract::{SignedIn, actor_lang};
use crate::routes::{Access, Routes};
use crate::shell::Shell;
use crate::state::AppState;

const PER_PAGE: u32 = 50;
/// Incoming signals shown here; the rest are on `/signals/incoming`.
const SIGNALS_SHOWN: u32 = 10;

#[derive(Deserialize, Default)]
struct WorklistQuery {
    #[serde(default)]
    page: String,
    /// `on` (the checkbox) to list only the overdue.
    #[serde(default)]
    overdue: String,
}

/// A line of the sections other than the waiting list.
struct Entry {
    person_id: i64,
    name: String,
    detail: String,
    when: String,
}

struct Line {
    person_id: i64,
    name: String,
    prison_number: String,
    entry_date: String,
    days: String,
    overdue: bool,
    state: String,
}

#[derive(Template)]
#[template(path = "worklist.html")]
struct WorklistPage {
    shell: Shell,
    site: String,
    due_days: i64,
    overdue_only: bool,
    rows: Vec<Line>,
    pager: Pager,
    screened: Vec<Entry>,
    positive: Option<Vec<Entry>>,
    // Signals (issue 4, item 3): the first signals not yet received.
    signals: Vec<super::signals::IncomingLine>,
    signals_pending: i64,
    // Follow-up after release (issue 5, item 7): contacts overdue, for
    // clinical roles.
    follow_ups: Option<Vec<Entry>>,
    // Care plans (issue 5, item 2): reviews due or past; `None` without clinical access.
    reviews: Option<Vec<ReviewLine>>,
    review_due_days: i64,
    // OAT and transfers (issue 5, items 4 and 5).
    oat_alerts: Option<Vec<super::oat::AlertLine>>,
    // Referrals (issue 6, item 3): overdue referrals of the prison, for
    // the care team (who reads clinical data there).
    referrals_overdue: Option<Vec<super::referrals::ReferralLine>>,
    referrals_overdue_total: i64,
    handovers: Option<Vec<super::handovers::HandoverLine>>,
    // Handover sending and receipt (issue 6, item 6): sent, receipt not confirmed.
    handovers_awaiting: Option<Vec<super::handover_tracking::AwaitingLine>>,
}

/// A care plan whose review is due or past (issue 5, item 2).
struct ReviewLine {
    person_id: i64,
    name: String,
    prison_number: String,
    review_date: String,
    overdue: bool,
}

async fn show(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Query(query): Query<WorklistQuery>,
) -> Response {
    let lang = actor_lang(&actor);
    let paging = Paging { page: page_number(&query.page), per_page: PER_PAGE };
    let overdue_only = query.overdue == "on";
    let Some(site) = state.app.worklist_site(&actor) else {
        // No site to show: the use case words the refusal as the policy does
        // ("not found" for an outside provider), and audits it.
        let error = state.app.worklist(&actor, paging, overdue_only).await.err().unwrap_or(AppError::Forbidden);
        return PageError::new(error, lang).into_response();
    };
    let first = Paging { page: 1, per_page: SIGNALS_SHOWN };
    // The sections are independent audited reads: run together, their audit
    // rows share one group commit instead of each waiting for its own flush.
    let (worklist, pending, follow_ups, reviews, oat_alerts, handovers, handovers_awaiting, referrals_overdue) = tokio::join!(
        state.app.worklist(&actor, paging, overdue_only),
        state.app.site_signals(&actor, Some(site), SignalFilter::Pending, first),
        follow_up_entries(&state, &actor, site, lang),
        state.app.care_plan_reviews_due(&actor),
        // OAT and transfers (issue 5, items 4 and 5): the medical service's alerts.
        super::oat::alert_lines(&state, &actor, site),
        super::handovers::worklist_lines(&state, &actor, site),
        // Handover sending and receipt (issue 6, item 6).
        super::handover_tracking::worklist_lines(&state, &actor, site),
        // Referrals (issue 6, item 3): the overdue referrals of the prison.
        super::referrals::overdue_lines(&state, &actor, site),
    );
    let sections = (|| {
        Ok::<_, AppError>((
            worklist?,
            pending?,
            follow_ups?,
            reviews?,
            oat_alerts?,
            handovers?,
            handovers_awaiting?,
            referrals_overdue?,
        ))
    })();
    let (worklist, (_, pending), follow_ups, reviews, oat_alerts, handovers, handovers_awaiting, referrals_overdue) =
        match sections {
            Ok(sections) => sections,
            Err(error) => return PageError::new(error, lang).into_response(),
        };
    let listing = worklist.awaiting;
    let filters: &[(&str, &str)] = if overdue_only { &[("overdue", "on")] } else { &[] };
    let pager = Pager::new(lang, &listing, "/worklist", filters);
    let (signals, signals_pending) = (super::signals::incoming_lines(lang, pending.items), pending.total);
    // Care plans (issue 5, item 2): reviews due or past.
    let reviews = reviews.map(|rows| {
        rows.into_iter()
            .map(|r| ReviewLine {
                person_id: r.row.person_id,
                name: super::people::display_name(&r.row.family_name, &r.row.given_names),
                prison_number: r.row.prison_number.unwrap_or_default(),
                review_date: r.row.review_date,
                overdue: r.overdue,
            })
            .collect()
    });
    let (referrals_overdue, referrals_overdue_total) = referrals_overdue;
    let site =
        actor.sites.iter().find(|s| s.id == site).map(|s| format!("{} · {}", s.code, s.name)).unwrap_or_default();
    let rows = listing
        .items
        .into_iter()
        .map(|line| Line {
            person_id: line.row.person_id,
            name: super::people::display_name(&line.row.family_name, &line.row.given_names),
            prison_number: line.row.prison_number.unwrap_or_default(),
            entry_date: line.row.entry_date.unwrap_or_default(),
            days: line.days_waiting.map(|d| d.to_string()).unwrap_or_default(),
            overdue: line.overdue,
            state: continuum_i18n::t(lang, &format!("pathway-state-{}", line.row.state)),
        })
        .collect();
    let page = WorklistPage {
        shell: Shell::signed_in(&actor, state.settings.demo_mode, "worklist-title", "/worklist"),
        site,
        due_days: SCREENING_DUE_DAYS,
        overdue_only,
        rows,
        pager,
        screened: worklist
            .screened_this_week
            .into_iter()
            .map(|s| Entry {
                person_id: s.person_id,
                name: super::people::display_name(&s.family_name, &s.given_names),
                detail: continuum_i18n::t(lang, &format!("screening-mode-{}", s.mode)),
                when: short_time(&s.completed_at),
            })
            .collect(),
        positive: worklist.positive_without_intake.map(|rows| {
            rows.into_iter()
                .map(|w| Entry {
                    person_id: w.person_id,
                    name: super::people::display_name(&w.family_name, &w.given_names),
                    detail: w.prison_number.unwrap_or_default(),
                    when: short_time(&w.since),
                })
                .collect()
        }),
        signals,
        signals_pending,
        follow_ups,
        reviews,
        review_due_days: continuum_app::care::plans::REVIEW_DUE_DAYS,
        oat_alerts,
        handovers,
        handovers_awaiting,
        referrals_overdue,
        referrals_overdue_total,
    };
    super::render(StatusCode::OK, &page)
}

/// The overdue follow-ups after release, for the roles that read clinical
/// data at the site (`None` for the others: the section is not shown).
async fn follow_up_entries(
    state: &AppState,
    actor: &Actor,
    site: SiteId,
    lang: Lang,
) -> Result<Option<Vec<Entry>>, AppError> {
    if !actor.may(Action::ReadClinical, Target::site(site)) {
        return Ok(None);
    }
    let rows = state.app.overdue_follow_ups(actor, site).await?;
    Ok(Some(
        rows.into_iter()
            .map(|f| Entry {
                person_id: f.person_id,
                name: super::people::display_name(&f.family_name, &f.given_names),
                detail: continuum_i18n::t_args(
                    lang,
                    "follow-up-days",
                    &[("days", continuum_i18n::Arg::Num(f.due_days))],
                ),
                when: f.day,
            })
            .collect(),
    ))
}

pub(crate) fn routes(routes: Routes) -> Routes {
    routes.add("GET", "/worklist", Access::Policy(Action::ViewRegister), get(show))
}
