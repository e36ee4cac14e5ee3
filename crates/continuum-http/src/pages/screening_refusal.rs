//! Recording that a person refuses to be screened (from their page): the
//! pathway goes back to waiting, so the screening can be offered again.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use continuum_domain::policy::Action;
use serde::Deserialize;

use super::sites::{not_found, parse_id};
use crate::error::PageError;
use crate::extract::{CsrfForm, actor_lang};
use crate::routes::{Access, Routes};
use crate::state::AppState;

#[derive(Deserialize, Default)]
struct RefusalForm {
    /// The reason the person gives, if any.
    #[serde(default)]
    why: String,
}

async fn refuse(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<RefusalForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteClinical, "screening.refuse").await {
        return refused;
    }
    let Some(person_id) = parse_id(&id) else {
        return not_found(lang);
    };
    match state.app.refuse_screening(&actor, person_id, Some(&form.why)).await {
        Ok(()) => Redirect::to(&format!("/people/{person_id}?saved=1")).into_response(),
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

pub(crate) fn routes(routes: Routes) -> Routes {
    routes.add("POST", "/people/{id}/screenings/refuse", Access::Policy(Action::WriteClinical), post(refuse))
}
