//! Prisons (sites): the list, the details with every version, and the forms
//! with which administrators add and change them.
//!
//! The end of this module holds the small helpers that every administration
//! page shares: dates, ids, language names, paging links and the error
//! summary of forms.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use continuum_app::reference::{Site, SiteVersion};
use continuum_app::{AppError, Listing};
use continuum_domain::policy::{Action, Target};
use continuum_domain::reference::SiteDraft;
use continuum_domain::site::Language;
use continuum_i18n::Lang;
use serde::Deserialize;

use crate::error::PageError;
use crate::extract::{CsrfForm, SignedIn, actor_lang};
use crate::routes::{Access, Routes};
use crate::shell::{FormErrors, Shell};
use crate::state::AppState;

// ---------------------------------------------------------------------------
// The list

struct SiteLine {
    id: i64,
    code: String,
    name: String,
    languages: String,
    active: bool,
}

#[derive(Template)]
#[template(path = "sites.html")]
struct SitesPage {
    shell: Shell,
    sites: Vec<SiteLine>,
    may_manage: bool,
}

async fn list(State(state): State<AppState>, SignedIn(actor): SignedIn) -> Response {
    let lang = actor_lang(&actor);
    let sites = match state.app.list_sites(&actor).await {
        Ok(sites) => sites,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let page = SitesPage {
        shell: Shell::signed_in(&actor, state.settings.demo_mode, "sites-title", "/sites"),
        sites: sites
            .into_iter()
            .map(|s| SiteLine {
                id: s.id,
                languages: language_names(lang, &s.languages),
                code: s.code,
                name: s.name,
                active: s.active,
            })
            .collect(),
        may_manage: actor.may(Action::ManageSites, Target::PROGRAMME),
    };
    super::render(StatusCode::OK, &page)
}

// ---------------------------------------------------------------------------
// Details and history

struct VersionLine {
    version: i64,
    changed_at: String,
    changed_by: String,
    code: String,
    name: String,
    languages: String,
    active: bool,
}

#[derive(Template)]
#[template(path = "site.html")]
struct SitePage {
    shell: Shell,
    site: Site,
    languages: String,
    updated_at: String,
    history: Vec<VersionLine>,
    may_manage: bool,
    saved: bool,
}

#[derive(Deserialize, Default)]
struct SavedQuery {
    #[serde(default)]
    saved: String,
}

async fn show(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Path(id): Path<String>,
    Query(query): Query<SavedQuery>,
) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let (site, versions) = match state.app.get_site(&actor, id).await {
        Ok(found) => found,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let mut shell = Shell::signed_in(&actor, state.settings.demo_mode, "sites-title", &format!("/sites/{id}"));
    shell.title = format!("{} · {}", site.code, site.name);
    let history = versions.into_iter().map(|v| version_line(lang, v)).collect();
    let page = SitePage {
        languages: language_names(lang, &site.languages),
        updated_at: short_time(&site.updated_at),
        shell,
        site,
        history,
        may_manage: actor.may(Action::ManageSites, Target::PROGRAMME),
        saved: !query.saved.is_empty(),
    };
    super::render(StatusCode::OK, &page)
}

fn version_line(lang: Lang, v: SiteVersion) -> VersionLine {
    VersionLine {
        version: v.version,
        changed_at: short_time(&v.changed_at),
        changed_by: v.changed_by.unwrap_or_default(),
        languages: language_names(lang, &v.languages),
        code: v.code,
        name: v.name,
        active: v.active,
    }
}

// ---------------------------------------------------------------------------
// The form (new and edit)

/// What the site form holds, as typed.
#[derive(Deserialize, Default)]
struct SiteForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    languages: Vec<String>,
    #[serde(default)]
    active: Option<String>,
    #[serde(default)]
    version: String,
}

#[derive(Template)]
#[template(path = "site_form.html")]
struct SiteFormPage {
    shell: Shell,
    /// `None` for a new site.
    id: Option<i64>,
    action: String,
    form: SiteForm,
    active: bool,
    languages: Vec<LanguageChoice>,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
}

const SITE_FIELDS: &[(&str, &str)] = &[("code", "code"), ("name", "name"), ("languages", "languages")];

fn site_form(
    state: &AppState,
    actor: &continuum_app::Actor,
    id: Option<i64>,
    form: SiteForm,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let lang = actor_lang(actor);
    let (title, path) = match id {
        Some(id) => ("sites-edit-title", format!("/sites/{id}/edit")),
        None => ("sites-new-title", "/sites/new".to_owned()),
    };
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, title, &path);
    mark_errors(&mut shell, errors.any());
    let page = SiteFormPage {
        summary: summary(lang, errors.all(), SITE_FIELDS),
        languages: language_choices(lang, &form.languages),
        active: form.active.is_some(),
        shell,
        id,
        action: path,
        form,
        errors,
    };
    super::render(status, &page)
}

fn forbidden_unless(actor: &continuum_app::Actor, action: Action) -> Option<Response> {
    (!actor.may(action, Target::PROGRAMME))
        .then(|| PageError::new(AppError::Forbidden, actor_lang(actor)).into_response())
}

async fn new_form(State(state): State<AppState>, SignedIn(actor): SignedIn) -> Response {
    if let Some(refused) = forbidden_unless(&actor, Action::ManageSites) {
        return refused;
    }
    let form = SiteForm { active: Some("on".into()), ..SiteForm::default() };
    site_form(&state, &actor, None, form, FormErrors::default(), StatusCode::OK)
}

async fn create(State(state): State<AppState>, CsrfForm { actor, form }: CsrfForm<SiteForm>) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::ManageSites, "site.create").await {
        return refused;
    }
    let draft = match SiteDraft::parse(&form.code, &form.name, &form.languages, form.active.is_some()) {
        Ok(draft) => draft,
        Err(invalid) => {
            let errors = FormErrors::new(lang, &invalid);
            return site_form(&state, &actor, None, form, errors, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    match state.app.create_site(&actor, draft).await {
        Ok(id) => Redirect::to(&format!("/sites/{id}?saved=1")).into_response(),
        Err(AppError::Invalid(invalid)) => {
            let errors = FormErrors::new(lang, &invalid);
            site_form(&state, &actor, None, form, errors, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

async fn edit_form(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    if let Some(refused) = forbidden_unless(&actor, Action::ManageSites) {
        return refused;
    }
    let site = match state.app.get_site(&actor, id).await {
        Ok((site, _)) => site,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let form = SiteForm {
        code: site.code,
        name: site.name,
        languages: split_codes(&site.languages),
        active: site.active.then(|| "on".to_owned()),
        version: site.version.to_string(),
    };
    site_form(&state, &actor, Some(id), form, FormErrors::default(), StatusCode::OK)
}

async fn update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<SiteForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::ManageSites, "site.update").await {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let draft = match SiteDraft::parse(&form.code, &form.name, &form.languages, form.active.is_some()) {
        Ok(draft) => draft,
        Err(invalid) => {
            let errors = FormErrors::new(lang, &invalid);
            return site_form(&state, &actor, Some(id), form, errors, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let version = form.version.trim().parse::<i64>().unwrap_or(0);
    match state.app.update_site(&actor, id, version, draft).await {
        Ok(()) => Redirect::to(&format!("/sites/{id}?saved=1")).into_response(),
        Err(AppError::Invalid(invalid)) => {
            let errors = FormErrors::new(lang, &invalid);
            site_form(&state, &actor, Some(id), form, errors, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(AppError::Conflict(_)) => {
            let errors = FormErrors::general(lang, "error-conflict");
            site_form(&state, &actor, Some(id), form, errors, StatusCode::CONFLICT)
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

pub(crate) fn routes(routes: Routes) -> Routes {
    routes
        .add("GET", "/sites", Access::Policy(Action::ViewReferenceData), get(list))
        .add("GET", "/sites/new", Access::Policy(Action::ManageSites), get(new_form))
        .add("POST", "/sites/new", Access::Policy(Action::ManageSites), post(create))
        .add("GET", "/sites/{id}", Access::Policy(Action::ViewReferenceData), get(show))
        .add("GET", "/sites/{id}/edit", Access::Policy(Action::ManageSites), get(edit_form))
        .add("POST", "/sites/{id}/edit", Access::Policy(Action::ManageSites), post(update))
}

// ---------------------------------------------------------------------------
// Helpers shared by the administration pages

/// A stored UTC instant (`2026-01-31T09:05:00.000000Z`) as `2026-01-31 09:05`.
pub(super) fn short_time(at: &str) -> String {
    match (at.get(..10), at.get(11..16)) {
        (Some(date), Some(time)) => format!("{date} {time}"),
        _ => at.to_owned(),
    }
}

/// A record id from the path: a positive number.
pub(super) fn parse_id(raw: &str) -> Option<i64> {
    raw.trim().parse::<i64>().ok().filter(|id| *id > 0)
}

/// The not-found page.
pub(super) fn not_found(lang: Lang) -> Response {
    PageError::new(AppError::NotFound, lang).into_response()
}

/// The page number of a query (from 1; anything else is page 1).
pub(super) fn page_number(raw: &str) -> u32 {
    raw.trim().parse::<u32>().ok().filter(|p| *p > 0).unwrap_or(1)
}

/// Language codes as stored (`fr,nl`), one by one.
pub(super) fn split_codes(codes: &str) -> Vec<String> {
    codes.split([',', ' ']).map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned).collect()
}

/// Language codes as stored (`fr,nl`) as translated names.
pub(super) fn language_names(lang: Lang, codes: &str) -> String {
    split_codes(codes).iter().map(|c| continuum_i18n::t(lang, &format!("language-{c}"))).collect::<Vec<_>>().join(", ")
}

/// One language checkbox of a form.
pub(super) struct LanguageChoice {
    /// Code, the checkbox's value.
    pub code: &'static str,
    /// Translated name.
    pub label: String,
    /// Whether ticked.
    pub checked: bool,
}

/// The language checkboxes, ticked as in `chosen`.
pub(super) fn language_choices(lang: Lang, chosen: &[String]) -> Vec<LanguageChoice> {
    let chosen: Vec<String> = chosen.iter().flat_map(|c| split_codes(c)).collect();
    Language::ALL
        .iter()
        .map(|l| LanguageChoice {
            code: l.code(),
            label: continuum_i18n::t(lang, &format!("language-{}", l.code())),
            checked: chosen.iter().any(|c| c == l.code()),
        })
        .collect()
}

/// A path with a query of the non-empty parameters.
pub(super) fn link(path: &str, params: &[(&str, &str)]) -> String {
    let pairs: Vec<(&str, &str)> = params.iter().copied().filter(|(_, v)| !v.is_empty()).collect();
    if pairs.is_empty() {
        return path.to_owned();
    }
    match serde_html_form::to_string(&pairs) {
        Ok(query) => format!("{path}?{query}"),
        Err(_) => path.to_owned(),
    }
}

/// One entry of the pagination.
pub(super) struct PageLink {
    /// The page number shown.
    pub number: u32,
    /// Where it leads.
    pub href: String,
    /// A longer label for screen readers ("Page 2 of 9").
    pub label: String,
    /// Whether it is the page shown.
    pub current: bool,
    /// A gap (…) instead of a link.
    pub gap: bool,
}

/// Result count and links to the other pages of a listing.
pub(super) struct Pager {
    /// "12 results".
    pub count: String,
    /// Previous page, if any.
    pub previous: Option<String>,
    /// Next page, if any.
    pub next: Option<String>,
    /// The numbered links.
    pub links: Vec<PageLink>,
}

impl Pager {
    /// The pager of `listing`, whose pages are `path` with `params` and `page`.
    pub(super) fn new<T>(lang: Lang, listing: &Listing<T>, path: &str, params: &[(&str, &str)]) -> Pager {
        let pages = listing.pages();
        let current = listing.paging.page.max(1);
        let href = |page: u32| {
            let number = page.to_string();
            let mut all: Vec<(&str, &str)> = params.to_vec();
            if page > 1 {
                all.push(("page", number.as_str()));
            }
            link(path, &all)
        };
        let mut links = Vec::new();
        let mut last_shown = 0;
        for page in 1..=pages {
            let near = page + 2 >= current && page <= current + 2;
            if page == 1 || page == pages || near {
                if last_shown + 1 < page {
                    links.push(PageLink {
                        number: 0,
                        href: String::new(),
                        label: String::new(),
                        current: false,
                        gap: true,
                    });
                }
                links.push(PageLink {
                    number: page,
                    href: href(page),
                    label: continuum_i18n::t_args(
                        lang,
                        "page-of",
                        &[
                            ("page", continuum_i18n::Arg::Num(i64::from(page))),
                            ("pages", continuum_i18n::Arg::Num(i64::from(pages))),
                        ],
                    ),
                    current: page == current,
                    gap: false,
                });
                last_shown = page;
            }
        }
        Pager {
            count: continuum_i18n::t_args(
                lang,
                if listing.more { "results-count-more" } else { "results-count" },
                &[("count", continuum_i18n::Arg::Num(listing.total))],
            ),
            previous: (current > 1).then(|| href(current.min(pages + 1) - 1)),
            next: (current < pages).then(|| href(current + 1)),
            links,
        }
    }

    /// Whether there is more than one page.
    pub(super) fn several(&self) -> bool {
        self.links.len() > 1 || self.previous.is_some()
    }
}

/// A colon as the language writes it (French with a no-break space before).
pub(super) fn colon(lang: Lang) -> &'static str {
    if lang == Lang::Fr { "\u{a0}:" } else { ":" }
}

/// Starts the title of a page shown again with errors with "Error:", so
/// that screen readers announce the problem first.
pub(super) fn mark_errors(shell: &mut Shell, has_errors: bool) {
    if has_errors {
        shell.title = format!("{}{} {}", shell.t("notice-danger"), colon(shell.lang), shell.title);
    }
}

/// One line of a form's error summary.
pub(super) struct SummaryItem {
    /// `#field`, or empty for a message about the whole form.
    pub href: String,
    /// "Label: message".
    pub text: String,
}

/// The error summary of a form: each (field, message) with the field's
/// label, linked to the field. `labels` maps field names to the Fluent keys
/// of their labels.
pub(super) fn summary(lang: Lang, messages: &[(String, String)], labels: &[(&str, &str)]) -> Vec<SummaryItem> {
    messages
        .iter()
        .map(|(field, message)| {
            if field.is_empty() {
                return SummaryItem { href: String::new(), text: message.clone() };
            }
            let label = labels
                .iter()
                .find(|(name, _)| name == field)
                .map_or_else(|| field.clone(), |(_, key)| continuum_i18n::t(lang, key));
            SummaryItem { href: format!("#{field}"), text: format!("{label}{} {message}", colon(lang)) }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_are_shortened_to_minutes() {
        assert_eq!(short_time("2026-01-31T09:05:59.123456Z"), "2026-01-31 09:05");
        assert_eq!(short_time("bad"), "bad");
    }

    #[test]
    fn links_leave_out_empty_parameters_and_encode_the_rest() {
        assert_eq!(link("/x", &[("q", ""), ("kind", "")]), "/x");
        assert_eq!(link("/x", &[("q", "a b&c"), ("kind", "")]), "/x?q=a+b%26c");
    }

    #[test]
    fn the_pager_shows_first_last_and_neighbours() {
        let listing = Listing::new(Vec::<()>::new(), 250, continuum_app::Paging { page: 5, per_page: 25 });
        let pager = Pager::new(Lang::En, &listing, "/x", &[("q", "a")]);
        let numbers: Vec<u32> = pager.links.iter().map(|l| l.number).collect();
        assert_eq!(numbers, vec![1, 0, 3, 4, 5, 6, 7, 0, 10]);
        assert_eq!(pager.previous.as_deref(), Some("/x?q=a&page=4"));
        assert_eq!(pager.next.as_deref(), Some("/x?q=a&page=6"));
        assert_eq!(pager.links[0].href, "/x?q=a");
        assert!(pager.links.iter().any(|l| l.current && l.number == 5));
    }
}
