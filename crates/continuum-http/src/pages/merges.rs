//! Merging duplicate people: the merge section of a person's page, the
//! confirmation that shows both records side by side, and the
//! administrators' pages that list merges and undo one. The rules are in
//! `continuum_app::merges`.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use continuum_app::merges::{Merge, MergeDetail, MergeSide, MergeWarning};
use continuum_app::people::Person;
use continuum_app::{Actor, AppError, Paging};
use continuum_domain::ids::SiteId;
use continuum_domain::policy::{Action, Target};
use continuum_i18n::{Arg, Lang};
use serde::Deserialize;

use super::people::display_name;
use super::sites::{Pager, not_found, page_number, parse_id, short_time};
use crate::error::PageError;
use crate::extract::{CsrfForm, SignedIn, actor_lang};
use crate::routes::{Access, Routes};
use crate::shell::Shell;
use crate::state::AppState;

const PER_PAGE: u32 = 25;

fn t_num(lang: Lang, key: &str, name: &str, value: i64) -> String {
    continuum_i18n::t_args(lang, key, &[(name, Arg::Num(value))])
}

// ---------------------------------------------------------------------------
// The merge section of a person's page

/// A record merged into the person shown.
pub(super) struct AbsorbedLine {
    pub merged_id: i64,
    pub merge_id: i64,
    pub at: String,
    pub by: String,
}

/// What a person's page shows about merges.
pub(super) struct PersonMerges {
    /// The record this one was merged into.
    pub merged_into: Option<i64>,
    /// "Merged into record 12 on … by … (merge 3)".
    pub merged_note: String,
    /// Records merged into this one, still merged.
    pub absorbed: Vec<AbsorbedLine>,
    /// A merge just done, to confirm it.
    pub just_merged: String,
    /// Whether the user may merge a duplicate into this record.
    pub may_merge: bool,
}

impl PersonMerges {
    pub(super) fn new(actor: &Actor, person: &Person, merges: Vec<Merge>, just_merged: &str) -> PersonMerges {
        let lang = actor_lang(actor);
        let into = merges.iter().find(|m| m.merged_id == person.id && m.undone_at.is_none());
        let merged_note = into.map_or_else(String::new, |m| {
            continuum_i18n::t_args(
                lang,
                "merge-merged-into",
                &[
                    ("survivor", Arg::Num(m.survivor_id)),
                    ("merge", Arg::Num(m.id)),
                    ("at", Arg::Str(short_time(&m.merged_at))),
                    ("by", Arg::Str(m.merged_by.clone().unwrap_or_default())),
                ],
            )
        });
        let just_merged = parse_id(just_merged)
            .and_then(|id| merges.iter().find(|m| m.id == id && m.survivor_id == person.id))
            .map_or_else(String::new, |m| t_num(lang, "merge-done", "merged", m.merged_id));
        PersonMerges {
            merged_into: person.merged_into,
            merged_note,
            absorbed: merges
                .iter()
                .filter(|m| m.survivor_id == person.id && m.undone_at.is_none())
                .map(|m| AbsorbedLine {
                    merged_id: m.merged_id,
                    merge_id: m.id,
                    at: short_time(&m.merged_at),
                    by: m.merged_by.clone().unwrap_or_default(),
                })
                .collect(),
            just_merged,
            may_merge: person.merged_into.is_none()
                && actor.may(Action::EditRegister, Target::site(SiteId(person.site_id))),
        }
    }
}

// ---------------------------------------------------------------------------
// The confirmation

/// One record, as a column of the comparison.
struct SideColumn {
    id: i64,
    version: i64,
    name: String,
    birth_date: String,
    sex: String,
    nationality: String,
    languages: String,
    site: String,
    episodes: Vec<String>,
    pathways: Vec<String>,
    screenings: i64,
    versions: i64,
}

fn column(lang: Lang, side: MergeSide) -> SideColumn {
    let t = |key: String| continuum_i18n::t(lang, &key);
    let current = side.current_pathway().map(|p| p.id);
    SideColumn {
        id: side.person.id,
        version: side.person.version,
        name: display_name(&side.person.family_name, &side.person.given_names),
        birth_date: side.person.birth_date.clone(),
        sex: t(format!("sex-{}", side.person.sex)),
        nationality: side.person.nationality.clone(),
        languages: side.person.languages.replace(',', ", "),
        site: side.site_code.clone(),
        episodes: side
            .episodes
            .iter()
            .map(|e| format!("{} · {} · {}", e.site_code, e.prison_number, e.entry_date))
            .collect(),
        pathways: side
            .pathways
            .iter()
            .map(|p| {
                let state = t(format!("pathway-state-{}", p.state));
                let mark = if Some(p.id) == current { t("merge-pathway-current".into()) } else { String::new() };
                format!("{} · {} · {}{}", p.site, short_time(&p.opened_at), state, mark)
            })
            .collect(),
        screenings: i64::try_from(side.screenings).unwrap_or(i64::MAX),
        versions: i64::try_from(side.history.len()).unwrap_or(i64::MAX),
    }
}

fn warning_text(lang: Lang, warning: &MergeWarning) -> String {
    match warning {
        MergeWarning::OpenPathwaySuperseded { state } => continuum_i18n::t_args(
            lang,
            "merge-warning-pathway",
            &[("state", Arg::Str(continuum_i18n::t(lang, &format!("pathway-state-{state}"))))],
        ),
        MergeWarning::SamePrisonNumber { site, prison_number } => continuum_i18n::t_args(
            lang,
            "merge-warning-prison-number",
            &[("site", Arg::Str(site.clone())), ("number", Arg::Str(prison_number.clone()))],
        ),
        MergeWarning::BirthDatesDiffer => continuum_i18n::t(lang, "merge-warning-birth-date"),
    }
}

#[derive(Template)]
#[template(path = "merge.html")]
struct MergePage {
    shell: Shell,
    id: i64,
    duplicate_text: String,
    /// Both columns, when a duplicate is chosen.
    sides: Option<(SideColumn, SideColumn)>,
    warnings: Vec<String>,
    error: String,
}

#[derive(Deserialize, Default)]
struct MergeQuery {
    #[serde(default)]
    duplicate: String,
}

fn merge_page(actor: &Actor, demo: bool, id: i64, duplicate_text: String) -> MergePage {
    let shell = Shell::signed_in(actor, demo, "merge-title", &format!("/people/{id}/merge"));
    MergePage { shell, id, duplicate_text, sides: None, warnings: Vec::new(), error: String::new() }
}

async fn confirm(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Path(id): Path<String>,
    Query(query): Query<MergeQuery>,
) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let mut page = merge_page(&actor, state.settings.demo_mode, id, query.duplicate.trim().to_owned());
    if page.duplicate_text.is_empty() {
        if let Err(error) = state.app.get_person(&actor, id).await {
            return PageError::new(error, lang).into_response();
        }
        return super::render(StatusCode::OK, &page);
    }
    let Some(duplicate) = parse_id(&page.duplicate_text) else {
        page.error = continuum_i18n::t(lang, "merge-duplicate-invalid");
        return super::render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    match state.app.merge_preview(&actor, id, duplicate).await {
        Ok(preview) => {
            page.warnings = preview.warnings.iter().map(|w| warning_text(lang, w)).collect();
            page.sides = Some((column(lang, preview.survivor), column(lang, preview.duplicate)));
            super::render(StatusCode::OK, &page)
        }
        Err(AppError::Conflict(code)) => {
            page.error = continuum_i18n::t(lang, code);
            super::render(StatusCode::CONFLICT, &page)
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

#[derive(Deserialize, Default)]
struct MergeForm {
    #[serde(default)]
    duplicate: String,
    #[serde(default)]
    survivor_version: String,
    #[serde(default)]
    duplicate_version: String,
}

async fn merge(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<MergeForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::EditRegister, "person.merge").await {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let Some(duplicate) = parse_id(&form.duplicate) else {
        let mut page = merge_page(&actor, state.settings.demo_mode, id, form.duplicate.trim().to_owned());
        page.error = continuum_i18n::t(lang, "merge-duplicate-invalid");
        return super::render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let version = |text: &str| text.trim().parse::<i64>().unwrap_or(0);
    let survivor = (id, version(&form.survivor_version));
    match state.app.merge_people(&actor, survivor, (duplicate, version(&form.duplicate_version))).await {
        Ok(merge) => Redirect::to(&format!("/people/{id}?merged={merge}")).into_response(),
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

// ---------------------------------------------------------------------------
// Administrators: the merges, and undoing one

struct MergeLine {
    id: i64,
    survivor: i64,
    survivor_site: String,
    merged: i64,
    merged_site: String,
    merged_at: String,
    merged_by: String,
    undone: bool,
}

fn merge_line(m: Merge) -> MergeLine {
    MergeLine {
        id: m.id,
        survivor: m.survivor_id,
        survivor_site: m.survivor_site,
        merged: m.merged_id,
        merged_site: m.merged_site,
        merged_at: short_time(&m.merged_at),
        merged_by: m.merged_by.unwrap_or_default(),
        undone: m.undone_at.is_some(),
    }
}

#[derive(Template)]
#[template(path = "merges.html")]
struct MergesPage {
    shell: Shell,
    rows: Vec<MergeLine>,
    pager: Pager,
}

#[derive(Deserialize, Default)]
struct PageQuery {
    #[serde(default)]
    page: String,
}

async fn list(State(state): State<AppState>, SignedIn(actor): SignedIn, Query(query): Query<PageQuery>) -> Response {
    let lang = actor_lang(&actor);
    let paging = Paging { page: page_number(&query.page), per_page: PER_PAGE };
    let listing = match state.app.list_merges(&actor, paging).await {
        Ok(listing) => listing,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let page = MergesPage {
        shell: Shell::signed_in(&actor, state.settings.demo_mode, "merges-title", "/admin/merges"),
        pager: Pager::new(lang, &listing, "/admin/merges", &[]),
        rows: listing.items.into_iter().map(merge_line).collect(),
    };
    super::render(StatusCode::OK, &page)
}

#[derive(Template)]
#[template(path = "merge_admin.html")]
struct MergeAdminPage {
    shell: Shell,
    line: MergeLine,
    undone_at: String,
    undone_by: String,
    moved: String,
    blocked_by: Option<i64>,
    done: bool,
}

#[derive(Deserialize, Default)]
struct DoneQuery {
    #[serde(default)]
    undone: String,
}

async fn show(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Path(id): Path<String>,
    Query(query): Query<DoneQuery>,
) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let MergeDetail { merge, episodes, pathways, screenings, blocked_by } = match state.app.get_merge(&actor, id).await
    {
        Ok(detail) => detail,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let count = |n: usize| Arg::Num(i64::try_from(n).unwrap_or(i64::MAX));
    let moved = continuum_i18n::t_args(
        lang,
        "merge-moved",
        &[("episodes", count(episodes)), ("pathways", count(pathways)), ("screenings", count(screenings))],
    );
    let mut shell = Shell::signed_in(&actor, state.settings.demo_mode, "merges-title", &format!("/admin/merges/{id}"));
    shell.title = t_num(lang, "merge-number", "merge", id);
    let page = MergeAdminPage {
        shell,
        undone_at: merge.undone_at.as_deref().map(short_time).unwrap_or_default(),
        undone_by: merge.undone_by.clone().unwrap_or_default(),
        line: merge_line(merge),
        moved,
        blocked_by,
        done: !query.undone.is_empty(),
    };
    super::render(StatusCode::OK, &page)
}

/// A form with nothing but its CSRF token.
#[derive(Deserialize)]
struct NoFields {}

async fn undo(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, .. }: CsrfForm<NoFields>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::UndoMerge, "person.unmerge").await {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    match state.app.undo_merge(&actor, id).await {
        Ok(()) => Redirect::to(&format!("/admin/merges/{id}?undone=1")).into_response(),
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

pub(crate) fn routes(routes: Routes) -> Routes {
    routes
        .add("GET", "/people/{id}/merge", Access::Policy(Action::EditRegister), get(confirm))
        .add("POST", "/people/{id}/merge", Access::Policy(Action::EditRegister), post(merge))
        .add("GET", "/admin/merges", Access::Policy(Action::UndoMerge), get(list))
        .add("GET", "/admin/merges/{id}", Access::Policy(Action::UndoMerge), get(show))
        .add("POST", "/admin/merges/{id}/undo", Access::Policy(Action::UndoMerge), post(undo))
}
