//! The home page: who you are, your roles, where you can go.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use continuum_domain::role::SiteScope;

use crate::extract::SignedIn;
use crate::routes::{Access, Routes};
use crate::shell::Shell;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    shell: Shell,
    display_name: String,
    roles: Vec<(String, String)>,
}

async fn home(State(state): State<AppState>, SignedIn(actor): SignedIn) -> Response {
    // An outside provider's home is its portal (issue 6, item 4).
    if actor.is_outside_provider() {
        return Redirect::to("/referrals").into_response();
    }
    let shell = Shell::signed_in(&actor, state.settings.demo_mode, "home-title", "/");
    let roles = actor
        .grants
        .iter()
        .map(|g| {
            let role = shell.t(&format!("role-{}", g.role.code()));
            let site = match g.scope {
                SiteScope::AllSites => shell.t("all-sites"),
                SiteScope::Site(id) => actor
                    .sites
                    .iter()
                    .find(|s| s.id == id)
                    .map_or_else(String::new, |s| format!("{} · {}", s.code, s.name)),
            };
            (role, site)
        })
        .collect();
    let page = HomePage { display_name: actor.display_name.clone(), shell, roles };
    super::render(StatusCode::OK, &page)
}

pub(crate) fn routes(routes: Routes) -> Routes {
    routes.add("GET", "/", Access::SignedIn, get(home))
}
