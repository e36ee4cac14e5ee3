//! The worklist of a site: people entered and not yet screened, the longest
//! waiting first, flagged once the 14 days for screening are past.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use continuum_app::Paging;
use continuum_app::pathways::SCREENING_DUE_DAYS;
use continuum_app::signals::SignalFilter;
use continuum_domain::policy::Action;
use serde::Deserialize;

use super::sites::{Pager, page_number};
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
    rows: Vec<Line>,
    pager: Pager,
    // Signals (issue 4, item 3): the first signals not yet received.
    signals: Vec<super::signals::IncomingLine>,
    signals_pending: i64,
}

async fn show(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Query(query): Query<WorklistQuery>,
) -> Response {
    let lang = actor_lang(&actor);
    let paging = Paging { page: page_number(&query.page), per_page: PER_PAGE };
    let (site, listing) = match state.app.awaiting_screening(&actor, paging).await {
        Ok(found) => found,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let pager = Pager::new(lang, &listing, "/worklist", &[]);
    let first = Paging { page: 1, per_page: SIGNALS_SHOWN };
    let pending = state.app.site_signals(&actor, Some(site), SignalFilter::Pending, first).await;
    let (signals, signals_pending) = match pending {
        Ok((_, signals)) => (super::signals::incoming_lines(lang, signals.items), signals.total),
        Err(error) => return PageError::new(error, lang).into_response(),
    };
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
            days: line.days_since_entry.map(|d| d.to_string()).unwrap_or_default(),
            overdue: line.overdue,
            state: continuum_i18n::t(lang, &format!("pathway-state-{}", line.row.state)),
        })
        .collect();
    let page = WorklistPage {
        shell: Shell::signed_in(&actor, state.settings.demo_mode, "worklist-title", "/worklist"),
        site,
        due_days: SCREENING_DUE_DAYS,
        rows,
        pager,
        signals,
        signals_pending,
    };
    super::render(StatusCode::OK, &page)
}

pub(crate) fn routes(routes: Routes) -> Routes {
    routes.add("GET", "/worklist", Access::Policy(Action::ViewRegister), get(show))
}
