//! Content packs, for administrators: the packs loaded (active and
//! replaced, with their provenance) and the form to load a pack file.
//! The upload is a plain multipart form: no JavaScript needed.

use askama::Template;
use axum::extract::{FromRequest, FromRequestParts, Multipart, Query, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use continuum_app::content_packs::{PackLoad, PackSummary};
use continuum_app::{Actor, Paging};
use continuum_domain::instrument::PackError;
use continuum_domain::policy::Action;
use continuum_i18n::{Arg, Lang};
use serde::Deserialize;

use super::sites::{Pager, mark_errors, page_number, short_time};
use crate::error::PageError;
use crate::extract::{SignedIn, actor_lang, tokens_match};
use crate::routes::{Access, Routes};
use crate::shell::Shell;
use crate::state::AppState;

const PER_PAGE: u32 = 25;
const PATH: &str = "/admin/content-packs";

/// One pack, as listed.
struct PackLine {
    id: i64,
    instrument: String,
    language: String,
    active: bool,
    replaced_at: String,
    source: String,
    rights_holder: String,
    permission_date: String,
    loaded_by: String,
    loaded_at: String,
}

fn pack_line(p: PackSummary) -> PackLine {
    PackLine {
        id: p.id,
        instrument: format!("{} {}", p.instrument.to_uppercase(), p.version),
        language: super::users::language_label(&p.language),
        active: p.active,
        replaced_at: p.replaced_at.as_deref().map(short_time).unwrap_or_default(),
        source: p.source,
        rights_holder: p.rights_holder,
        permission_date: p.permission_date,
        loaded_by: p.loaded_by_name.unwrap_or_default(),
        loaded_at: short_time(&p.loaded_at),
    }
}

#[derive(Template)]
#[template(path = "content_packs.html")]
struct PacksPage {
    shell: Shell,
    rows: Vec<PackLine>,
    pager: Pager,
    loaded: Option<String>,
    errors: Vec<String>,
}

#[derive(Deserialize, Default)]
struct ListQuery {
    #[serde(default)]
    page: String,
    #[serde(default)]
    loaded: String,
}

/// A problem of a pack in the user's language.
fn describe(lang: Lang, error: &PackError) -> String {
    let args: Vec<(&str, Arg)> = error.message_args().into_iter().map(|(n, v)| (n, Arg::from(v))).collect();
    continuum_i18n::t_args(lang, error.message_id(), &args)
}

async fn packs_page(
    state: &AppState,
    actor: &Actor,
    page: u32,
    loaded: Option<String>,
    errors: Vec<String>,
) -> Response {
    let lang = actor_lang(actor);
    let listing = match state.app.content_packs(actor, Paging { page, per_page: PER_PAGE }).await {
        Ok(listing) => listing,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let pager = Pager::new(lang, &listing, PATH, &[]);
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "packs-title", PATH);
    mark_errors(&mut shell, !errors.is_empty());
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let page = PacksPage { shell, rows: listing.items.into_iter().map(pack_line).collect(), pager, loaded, errors };
    super::render(status, &page)
}

async fn list(State(state): State<AppState>, SignedIn(actor): SignedIn, Query(query): Query<ListQuery>) -> Response {
    let lang = actor_lang(&actor);
    let loaded = super::sites::parse_id(&query.loaded)
        .map(|id| continuum_i18n::t_args(lang, "packs-loaded-notice", &[("id", Arg::from(id.to_string()))]));
    packs_page(&state, &actor, page_number(&query.page), loaded, Vec::new()).await
}

/// The fields of the upload form: the CSRF token and the file's text.
async fn read_upload(mut multipart: Multipart) -> Option<(String, Vec<u8>)> {
    let (mut csrf, mut file) = (String::new(), None);
    while let Ok(Some(field)) = multipart.next_field().await {
        match field.name() {
            Some("csrf") => csrf = field.text().await.ok()?,
            Some("pack") => file = Some(field.bytes().await.ok()?.to_vec()),
            _ => {}
        }
    }
    Some((csrf, file.unwrap_or_default()))
}

/// Loads an uploaded pack. The policy is asked before the upload is read.
async fn upload(State(state): State<AppState>, request: Request) -> Response {
    let (mut parts, body) = request.into_parts();
    let actor = match SignedIn::from_request_parts(&mut parts, &state).await {
        Ok(SignedIn(actor)) => actor,
        Err(rejection) => return rejection,
    };
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::ManageInstruments, "content_pack.load").await {
        return refused;
    }
    let refused = |key: &str| vec![continuum_i18n::t(lang, key)];
    let upload = match Multipart::from_request(Request::from_parts(parts, body), &state).await {
        Ok(multipart) => read_upload(multipart).await,
        Err(_) => None,
    };
    let Some((csrf, bytes)) = upload else {
        return packs_page(&state, &actor, 1, None, refused("packs-choose-file")).await;
    };
    if !actor.csrf_token().is_some_and(|t| tokens_match(t, &csrf)) {
        return PageError::csrf(lang);
    }
    if bytes.is_empty() {
        return packs_page(&state, &actor, 1, None, refused("packs-choose-file")).await;
    }
    let Ok(text) = String::from_utf8(bytes) else {
        return packs_page(&state, &actor, 1, None, refused("packs-not-text")).await;
    };
    match state.app.load_content_pack_file(&actor, &text).await {
        Ok(PackLoad::Loaded { pack, .. }) => Redirect::to(&format!("{PATH}?loaded={}", pack.id)).into_response(),
        Ok(PackLoad::Refused(errors)) => {
            let errors = errors.iter().map(|e| describe(lang, e)).collect();
            packs_page(&state, &actor, 1, None, errors).await
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

pub(crate) fn routes(routes: Routes) -> Routes {
    routes.add("GET", PATH, Access::Policy(Action::ManageInstruments), get(list)).add(
        "POST",
        PATH,
        Access::Policy(Action::ManageInstruments),
        post(upload),
    )
}
