//! The staff web interface: server-rendered pages that work without
//! JavaScript. One module per area; each adds its routes.

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use crate::routes::Routes;

mod account;
mod audit;
// Care pathway: intake, care plan, contacts, timeline (issue 5, items 1 to 3).
mod care;
// Release planning and follow-up (issue 5, items 6 to 8).
mod care_team;
pub(crate) mod caseload;
mod release_plan;
// Content packs and the self-administration kiosk.
mod content_packs;
mod emergency;
// Detention episodes and signals (issue 4, items 1 and 3).
mod episodes;
// Governance (issue 7).
mod governance;
mod home;
mod kiosk;
// Merging duplicate people and importing entry lists on a page.
mod imports;
mod merges;
mod organisations;
mod people;
mod screening;
mod screening_refusal;
mod session;
mod signals;
mod sites;
mod users;
mod worklist;
// OAT and transfers (issue 5, items 4 and 5).
mod handovers;
// Handover sending and receipt (issue 6, item 6).
mod handover_tracking;
pub(crate) use handovers::pdf_response;
mod oat;
// Consent and the psychosocial service's view (issue 6, items 1 and 5).
mod consents;
mod participation;
// The directory of care providers (issue 6, item 2).
mod directory;
// Referrals and the outside providers' portal (issue 6, items 3 and 4).
mod referrals;
pub(crate) use referrals::missing_consent_messages;

pub(crate) fn routes(routes: Routes) -> Routes {
    let routes = session::routes(routes);
    let routes = home::routes(routes);
    let routes = worklist::routes(routes);
    // Before the register's own routes, so that the table reads in order.
    let routes = imports::routes(routes);
    let routes = merges::routes(routes);
    let routes = people::routes(routes);
    let routes = screening::routes(routes);
    let routes = screening_refusal::routes(routes);
    let routes = sites::routes(routes);
    let routes = organisations::routes(routes);
    let routes = users::routes(routes);
    let routes = audit::routes(routes);
    let routes = emergency::routes(routes);
    // Content packs and the self-administration kiosk.
    let routes = content_packs::routes(routes);
    let routes = kiosk::routes(routes);
    // Detention episodes and signals (issue 4, items 1 and 3).
    let routes = episodes::routes(routes);
    let routes = signals::routes(routes);
    // Care pathway: intake, care plan, contacts, timeline (issue 5, items 1 to 3).
    let routes = care::routes(routes);
    // OAT and transfers (issue 5, items 4 and 5).
    let routes = oat::routes(routes);
    // Release planning and follow-up (issue 5, items 6 to 8).
    let routes = care_team::routes(routes);
    let routes = caseload::routes(routes);
    let routes = release_plan::routes(routes);
    // Consent and the psychosocial service's view (issue 6, items 1 and 5).
    let routes = consents::routes(routes);
    let routes = participation::routes(routes);
    // The directory of care providers (issue 6, item 2).
    let routes = directory::routes(routes);
    let routes = handovers::routes(routes);
    // Governance (issue 7).
    let routes = governance::routes(routes);
    // Referrals and the outside providers' portal (issue 6, items 3 and 4).
    let routes = referrals::routes(routes);
    // Handover sending and receipt (issue 6, item 6).
    let routes = handover_tracking::routes(routes);
    account::routes(routes)
}

/// Renders a template as an HTML response.
/// Asks the policy before a posted form is looked at, so that a user without
/// the right learns nothing from validation; the application audits the
/// denial. `None` when the actor may go on.
pub(crate) async fn refused_unless(
    state: &crate::state::AppState,
    actor: &continuum_app::Actor,
    action: continuum_domain::policy::Action,
    event: &str,
) -> Option<Response> {
    let lang = crate::extract::actor_lang(actor);
    state
        .app
        .permit(actor, action, event)
        .await
        .err()
        .map(|error| crate::error::PageError::new(error, lang).into_response())
}

pub(crate) fn render(status: StatusCode, template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(error) => {
            tracing::error!(%error, "template failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
        }
    }
}

/// A same-site path to return to after a form, or `/`.
pub(crate) fn safe_back(back: &str) -> &str {
    if back.starts_with('/') && !back.starts_with("//") && !back.contains('\\') { back } else { "/" }
}
