//! Importing a prison's entry list on a page: upload the CSV file for one of
//! the user's prisons, read the check (new entries, entries already
//! registered, every refused line with its number and reason), then confirm
//! to import exactly the file checked (kept by the application under a
//! token, see `continuum_app::import`). Nothing is written before the
//! confirmation.

use askama::Template;
use axum::extract::multipart::MultipartError;
use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use continuum_app::Actor;
use continuum_app::import::{ImportReport, LineError};
use continuum_domain::policy::Action;
use continuum_domain::validation::{FieldError, Problem};
use continuum_i18n::{Arg, Lang};
use serde::Deserialize;

use super::sites::colon;
use crate::error::PageError;
use crate::extract::{CsrfForm, SignedIn, actor_lang, tokens_match};
use crate::routes::{Access, Routes};
use crate::shell::Shell;
use crate::state::AppState;

/// The largest entry list accepted (about 50,000 lines).
pub(crate) const UPLOAD_LIMIT_BYTES: usize = 5 * 1024 * 1024;
/// Room for the form's other fields and the multipart framing.
const FORM_OVERHEAD_BYTES: usize = 64 * 1024;
/// A refused upload up to this size is still read to its end, so that the
/// browser shows the page that says why (a server that answers before the
/// body is read closes the connection, and the browser shows a reset);
/// beyond it the connection is cut.
const READ_THROUGH_BYTES: usize = 4 * UPLOAD_LIMIT_BYTES + FORM_OVERHEAD_BYTES;
const UPLOAD_LIMIT_MB: i64 = 5;

/// A prison the user may import for.
struct SiteChoice {
    code: String,
    label: String,
    selected: bool,
}

#[derive(Template)]
#[template(path = "import.html")]
struct ImportPage {
    shell: Shell,
    sites: Vec<SiteChoice>,
    site_error: String,
    file_error: String,
    limit: String,
}

fn import_page(state: &AppState, actor: &Actor, site: &str, errors: (String, String), status: StatusCode) -> Response {
    let lang = actor_lang(actor);
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "import-title", "/people/import");
    super::sites::mark_errors(&mut shell, !errors.0.is_empty() || !errors.1.is_empty());
    let chosen =
        if site.is_empty() { actor.site.as_ref().map(|s| s.code.clone()).unwrap_or_default() } else { site.to_owned() };
    let permitted = actor.sites_where(Action::EditRegister);
    let page = ImportPage {
        shell,
        sites: actor
            .sites
            .iter()
            .filter(|s| permitted.contains(&s.id))
            .map(|s| SiteChoice {
                code: s.code.clone(),
                label: format!("{} · {}", s.code, s.name),
                selected: s.code == chosen,
            })
            .collect(),
        site_error: errors.0,
        file_error: errors.1,
        limit: continuum_i18n::t_args(lang, "import-file-hint", &[("mb", Arg::Num(UPLOAD_LIMIT_MB))]),
    };
    super::render(status, &page)
}

async fn form(State(state): State<AppState>, SignedIn(actor): SignedIn) -> Response {
    if let Some(refused) = super::refused_unless(&state, &actor, Action::EditRegister, "person.import").await {
        return refused;
    }
    import_page(&state, &actor, "", (String::new(), String::new()), StatusCode::OK)
}

/// One refused line, in words.
struct RefusedLine {
    line: usize,
    reasons: String,
}

/// The reason of one refused field, naming the column.
fn reason(lang: Lang, error: &FieldError) -> String {
    let message = match (error.field, &error.problem) {
        ("file", Problem::Required) => return continuum_i18n::t(lang, "import-missing-columns"),
        ("file", _) => return continuum_i18n::t(lang, "import-unreadable"),
        ("line", _) => return continuum_i18n::t(lang, "import-line-unreadable"),
        (_, Problem::Duplicate) => continuum_i18n::t(lang, "import-duplicate-number"),
        _ => crate::shell::render(lang, error),
    };
    let label = super::people::PERSON_FIELDS
        .iter()
        .find(|(name, _)| *name == error.field)
        .map_or_else(|| error.field.to_owned(), |(_, key)| continuum_i18n::t(lang, key));
    format!("{label} ({}){} {message}", error.field, colon(lang))
}

fn refused_lines(lang: Lang, refused: &[LineError]) -> Vec<RefusedLine> {
    refused
        .iter()
        .map(|l| RefusedLine {
            line: l.line,
            reasons: l.errors.iter().map(|e| reason(lang, e)).collect::<Vec<_>>().join("; "),
        })
        .collect()
}

/// The counts of a report, in words.
fn counts(lang: Lang, report: &ImportReport) -> String {
    let n = |v: usize| Arg::Num(i64::try_from(v).unwrap_or(i64::MAX));
    continuum_i18n::t_args(
        lang,
        "import-counts",
        &[
            ("lines", n(report.lines)),
            ("new", n(report.new)),
            ("known", n(report.already_registered)),
            ("refused", n(report.refused.len())),
        ],
    )
}

#[derive(Template)]
#[template(path = "import_report.html")]
struct ReportPage {
    shell: Shell,
    site: String,
    file_name: String,
    digest: String,
    counts: String,
    refused: Vec<RefusedLine>,
    /// The token to confirm with, when there is something to import.
    token: Option<String>,
    /// Whether this is the result of the confirmation.
    imported: bool,
    new: usize,
}

/// What the upload form sent.
#[derive(Default)]
struct Upload {
    csrf: String,
    site: String,
    file_name: String,
    file: Option<Vec<u8>>,
    /// The file was over [`UPLOAD_LIMIT_BYTES`] (and read through unkept).
    too_large: bool,
}

async fn read_upload(multipart: &mut Multipart) -> Result<Upload, MultipartError> {
    let mut upload = Upload::default();
    while let Some(mut field) = multipart.next_field().await? {
        match field.name().unwrap_or_default() {
            "csrf" => upload.csrf = field.text().await?,
            "site" => upload.site = field.text().await?,
            "file" => {
                upload.file_name = field.file_name().unwrap_or_default().to_owned();
                let mut file = Vec::new();
                while let Some(chunk) = field.chunk().await? {
                    if upload.too_large {
                        continue;
                    }
                    if file.len() + chunk.len() > UPLOAD_LIMIT_BYTES {
                        upload.too_large = true;
                        file.clear();
                    } else {
                        file.extend_from_slice(&chunk);
                    }
                }
                upload.file = Some(file);
            }
            _ => {}
        }
    }
    Ok(upload)
}

fn too_large(lang: Lang) -> String {
    continuum_i18n::t_args(lang, "import-too-large", &[("mb", Arg::Num(UPLOAD_LIMIT_MB))])
}

async fn check(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    headers: HeaderMap,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::EditRegister, "person.import").await {
        return refused;
    }
    let declared =
        headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<usize>().ok());
    let no_site = String::new();
    if declared.is_some_and(|n| n > READ_THROUGH_BYTES) {
        return import_page(&state, &actor, "", (no_site, too_large(lang)), StatusCode::PAYLOAD_TOO_LARGE);
    }
    let unreadable = || continuum_i18n::t(lang, "import-unreadable");
    let Ok(mut multipart) = multipart else {
        return import_page(&state, &actor, "", (no_site, unreadable()), StatusCode::UNPROCESSABLE_ENTITY);
    };
    let upload = match read_upload(&mut multipart).await {
        Ok(upload) if upload.too_large => {
            return import_page(&state, &actor, "", (no_site, too_large(lang)), StatusCode::PAYLOAD_TOO_LARGE);
        }
        Ok(upload) => upload,
        Err(error) if error.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return import_page(&state, &actor, "", (no_site, too_large(lang)), StatusCode::PAYLOAD_TOO_LARGE);
        }
        Err(_) => return import_page(&state, &actor, "", (no_site, unreadable()), StatusCode::UNPROCESSABLE_ENTITY),
    };
    if !actor.csrf_token().is_some_and(|t| tokens_match(t, &upload.csrf)) {
        return PageError::csrf(lang);
    }
    let code = upload.site.trim().to_ascii_uppercase();
    let site = actor.sites.iter().find(|s| s.code == code);
    let file = upload.file.filter(|f| !f.is_empty());
    let (Some(site), Some(file)) = (site, file.as_ref()) else {
        let site_error = if site.is_none() {
            crate::shell::render(lang, &FieldError { field: "site", problem: Problem::UnknownSite })
        } else {
            String::new()
        };
        let file_error = if file.is_none() { continuum_i18n::t(lang, "import-file-required") } else { String::new() };
        return import_page(&state, &actor, &code, (site_error, file_error), StatusCode::UNPROCESSABLE_ENTITY);
    };
    let checked = match state.app.check_uploaded_entry_list(&actor, site.id, &upload.file_name, file).await {
        Ok(checked) => checked,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let status = if checked.report.refused.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let page = ReportPage {
        shell: Shell::signed_in(&actor, state.settings.demo_mode, "import-check-title", "/people/import"),
        site: site.code.clone(),
        file_name: upload.file_name,
        digest: checked.digest,
        counts: counts(lang, &checked.report),
        refused: refused_lines(lang, &checked.report.refused),
        token: checked.token,
        imported: false,
        new: checked.report.new,
    };
    super::render(status, &page)
}

#[derive(Deserialize, Default)]
struct ConfirmForm {
    #[serde(default)]
    token: String,
}

async fn confirm(State(state): State<AppState>, CsrfForm { actor, form }: CsrfForm<ConfirmForm>) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::EditRegister, "person.import").await {
        return refused;
    }
    let done = match state.app.confirm_uploaded_entry_list(&actor, &form.token).await {
        Ok(done) => done,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let site = actor.sites.iter().find(|s| s.id == done.site).map(|s| s.code.clone()).unwrap_or_default();
    let status = if done.report.refused.is_empty() { StatusCode::OK } else { StatusCode::CONFLICT };
    let page = ReportPage {
        shell: Shell::signed_in(&actor, state.settings.demo_mode, "import-result-title", "/people/import"),
        site,
        file_name: done.file_name,
        digest: done.digest,
        counts: counts(lang, &done.report),
        refused: refused_lines(lang, &done.report.refused),
        token: None,
        imported: true,
        new: done.report.new,
    };
    super::render(status, &page)
}

pub(crate) fn routes(routes: Routes) -> Routes {
    routes
        .add("GET", "/people/import", Access::Policy(Action::EditRegister), get(form))
        .add_upload(
            "POST",
            "/people/import",
            Access::Policy(Action::EditRegister),
            post(check).layer(DefaultBodyLimit::max(READ_THROUGH_BYTES)),
        )
        .add("POST", "/people/import/confirm", Access::Policy(Action::EditRegister), post(confirm))
}
