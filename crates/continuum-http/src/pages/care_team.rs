//! The care worker responsible for a person's pathway: shown on the
//! person's page (clinical roles), chosen on a form of its own among the
//! clinicians of the person's prison.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use continuum_app::care_team::CareTeam;
use continuum_app::{Actor, AppError};
use continuum_domain::ids::SiteId;
use continuum_domain::policy::{Action, Target};
use serde::Deserialize;

use super::people::Choice;
use super::sites::{SummaryItem, mark_errors, not_found, parse_id, short_time, summary};
use crate::error::PageError;
use crate::extract::{CsrfForm, SignedIn, actor_lang};
use crate::routes::{Access, Routes};
use crate::shell::{FormErrors, Shell};
use crate::state::AppState;

/// The care team on the person's page.
pub(crate) struct PersonCareTeam {
    /// The pathway's state, translated.
    pub state: String,
    /// The responsible worker's name, or empty.
    pub responsible: String,
    /// Whether the actor may change it.
    pub may_change: bool,
}

/// The care team section of a person's page: `None` for a role without
/// clinical access, or a person without a pathway.
pub(crate) async fn person_section(
    state: &AppState,
    actor: &Actor,
    person_id: i64,
    site: SiteId,
) -> Result<Option<PersonCareTeam>, Response> {
    let lang = actor_lang(actor);
    if !actor.may(Action::ReadClinical, Target::site(site)) {
        return Ok(None);
    }
    match state.app.care_team(actor, person_id).await {
        Ok(team) => Ok(Some(PersonCareTeam {
            state: continuum_i18n::t(lang, &format!("pathway-state-{}", team.state)),
            responsible: team.responsible.map(|r| r.display_name).unwrap_or_default(),
            may_change: team.state != "closed" && actor.may(Action::WriteClinical, Target::site(site)),
        })),
        Err(AppError::NotFound) => Ok(None),
        Err(error) => Err(PageError::new(error, lang).into_response()),
    }
}

#[derive(Deserialize, Default)]
struct AssignForm {
    /// A user id, or empty for nobody.
    #[serde(default)]
    user_id: String,
}

struct HistoryLine {
    who: String,
    at: String,
    by: String,
}

#[derive(Template)]
#[template(path = "care_team.html")]
struct CareTeamPage {
    shell: Shell,
    person_id: i64,
    state: String,
    responsible: String,
    candidates: Vec<Choice>,
    history: Vec<HistoryLine>,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
}

const FIELDS: &[(&str, &str)] = &[("user_id", "care-team-responsible")];

fn page(
    actor: &Actor,
    demo: bool,
    person_id: i64,
    team: CareTeam,
    chosen: &str,
    (errors, status): (FormErrors, StatusCode),
) -> Response {
    let lang = actor_lang(actor);
    let mut shell =
        Shell::signed_in(actor, demo, "care-team-change-title", &format!("/people/{person_id}/care-worker"));
    mark_errors(&mut shell, errors.any());
    let nobody = continuum_i18n::t(lang, "care-team-nobody");
    let page = CareTeamPage {
        summary: summary(lang, errors.all(), FIELDS),
        shell,
        person_id,
        state: continuum_i18n::t(lang, &format!("pathway-state-{}", team.state)),
        responsible: team.responsible.as_ref().map(|r| r.display_name.clone()).unwrap_or_else(|| nobody.clone()),
        candidates: team
            .candidates
            .iter()
            .map(|c| Choice {
                code: c.id.to_string(),
                label: format!("{} ({})", c.display_name, c.username),
                selected: c.id.to_string() == chosen,
            })
            .collect(),
        history: team
            .history
            .into_iter()
            .map(|a| HistoryLine {
                who: a.display_name.unwrap_or_else(|| nobody.clone()),
                at: short_time(&a.assigned_at),
                by: a.assigned_by.unwrap_or_default(),
            })
            .collect(),
        errors,
    };
    super::render(status, &page)
}

async fn show(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteClinical, "care_team.assign").await {
        return refused;
    }
    let Some(person_id) = parse_id(&id) else {
        return not_found(lang);
    };
    match state.app.care_team(&actor, person_id).await {
        Ok(team) => {
            let chosen = team.responsible.as_ref().map(|r| r.id.to_string()).unwrap_or_default();
            page(&actor, state.settings.demo_mode, person_id, team, &chosen, (FormErrors::default(), StatusCode::OK))
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

async fn assign(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<AssignForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteClinical, "care_team.assign").await {
        return refused;
    }
    let Some(person_id) = parse_id(&id) else {
        return not_found(lang);
    };
    let chosen = form.user_id.trim();
    let result = match chosen {
        "" => state.app.assign_care_worker(&actor, person_id, None).await,
        id => match id.parse::<i64>() {
            Ok(user_id) => state.app.assign_care_worker(&actor, person_id, Some(user_id)).await,
            Err(_) => Err(AppError::field("user_id", continuum_domain::validation::Problem::InvalidFormat)),
        },
    };
    let errors = match result {
        Ok(()) => return Redirect::to(&format!("/people/{person_id}?saved=1")).into_response(),
        Err(AppError::Invalid(invalid)) => (FormErrors::new(lang, &invalid), StatusCode::UNPROCESSABLE_ENTITY),
        Err(AppError::Conflict(code)) => (FormErrors::general(lang, code), StatusCode::CONFLICT),
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    match state.app.care_team(&actor, person_id).await {
        Ok(team) => page(&actor, state.settings.demo_mode, person_id, team, chosen, errors),
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

pub(crate) fn routes(routes: Routes) -> Routes {
    routes.add("GET", "/people/{id}/care-worker", Access::Policy(Action::WriteClinical), get(show)).add(
        "POST",
        "/people/{id}/care-worker",
        Access::Policy(Action::WriteClinical),
        post(assign),
    )
}
