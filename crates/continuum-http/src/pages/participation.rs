//! The psychosocial service's view on pages (issue 6, item 5): the people
//! of its prison who consented to share their participation with it, and
//! one person's participation. Never clinical content
//! (`continuum_app::participation`).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use continuum_app::participation::ParticipationView;
use continuum_app::{AppError, Paging};
use continuum_domain::participation::Participation;
use continuum_domain::policy::Action;
use continuum_i18n::Lang;
use serde::Deserialize;

use super::people::display_name;
use super::sites::{Pager, not_found, page_number, parse_id};
use crate::error::PageError;
use crate::extract::{SignedIn, actor_lang};
use crate::routes::{Access, Routes};
use crate::shell::Shell;
use crate::state::AppState;

const PER_PAGE: u32 = 25;

/// One person's participation, in words.
struct ParticipationLine {
    id: i64,
    name: String,
    site: String,
    prison_number: String,
    takes_part: bool,
    participation: String,
}

fn line(lang: Lang, view: ParticipationView) -> ParticipationLine {
    let person = view.person;
    let participation = match (view.participation, view.since) {
        (Participation::TakesPart, Some(since)) => continuum_i18n::t_args(
            lang,
            "participation-takes-part-since",
            &[("date", continuum_i18n::Arg::Str(since.to_string()))],
        ),
        (participation, _) => continuum_i18n::t(lang, &format!("participation-{}", participation.code())),
    };
    ParticipationLine {
        id: person.id,
        name: display_name(&person.family_name, &person.given_names),
        site: person.site_code,
        prison_number: person.prison_number.unwrap_or_default(),
        takes_part: view.participation == Participation::TakesPart,
        participation,
    }
}

#[derive(Template)]
#[template(path = "participation.html")]
struct ListPage {
    shell: Shell,
    rows: Vec<ParticipationLine>,
    pager: Pager,
}

#[derive(Deserialize, Default)]
struct ListQuery {
    #[serde(default)]
    page: String,
}

async fn list(State(state): State<AppState>, SignedIn(actor): SignedIn, Query(query): Query<ListQuery>) -> Response {
    let lang = actor_lang(&actor);
    let paging = Paging { page: page_number(&query.page), per_page: PER_PAGE };
    let listing = match state.app.shared_participation(&actor, paging).await {
        Ok(listing) => listing,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let pager = Pager::new(lang, &listing, "/participation", &[]);
    let page = ListPage {
        shell: Shell::signed_in(&actor, state.settings.demo_mode, "participation-title", "/participation"),
        rows: listing.items.into_iter().map(|v| line(lang, v)).collect(),
        pager,
    };
    super::render(StatusCode::OK, &page)
}

/// A referral's status as the psychosocial service may know it (issue 6,
/// item 5): never the service, the reason or anything shared.
struct ReferralStatusRow {
    status: String,
    sent_on: String,
    since: String,
}

#[derive(Template)]
#[template(path = "participation_person.html")]
struct PersonPage {
    shell: Shell,
    person: ParticipationLine,
    /// `None` where the person did not consent to share it.
    referrals: Option<Vec<ReferralStatusRow>>,
}

async fn show(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let view = match state.app.person_participation(&actor, id).await {
        Ok(view) => view,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let person = line(lang, view);
    // The status of the person's referrals, only where the person consented
    // to share it with the psychosocial service (issue 6, item 5); without
    // that consent the page leaves it out (the refusal is audited).
    let referrals = match state.app.referral_statuses(&actor, id).await {
        Ok(lines) => Some(
            lines
                .into_iter()
                .map(|l| ReferralStatusRow {
                    status: continuum_i18n::t(lang, &format!("referral-status-{}", l.status.code())),
                    sent_on: l.sent_on.map(|d| d.to_string()).unwrap_or_default(),
                    since: l.since.to_string(),
                })
                .collect(),
        ),
        Err(AppError::Forbidden | AppError::NotFound) => None,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let mut shell = Shell::signed_in(
        &actor,
        state.settings.demo_mode,
        "participation-title",
        &format!("/people/{id}/participation"),
    );
    shell.title.clone_from(&person.name);
    super::render(StatusCode::OK, &PersonPage { shell, person, referrals })
}

pub(crate) fn routes(routes: Routes) -> Routes {
    let access = Access::Policy(Action::ReadParticipation);
    routes.add("GET", "/participation", access, get(list)).add("GET", "/people/{id}/participation", access, get(show))
}
