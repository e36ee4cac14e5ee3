//! Self-administration on a tablet (kiosk mode).
//!
//! The worker starts it on the person's page (`POST /people/{id}/kiosk`)
//! and gets a one-time pairing code, shown large. The tablet is a second
//! browser: its locked screen (`/kiosk`) asks for the code (or offers the
//! staff sign-in); pairing sets a kiosk cookie, valid on `/kiosk` paths only
//! and bound by the application to that one screening. The tablet then
//! shows one question at a time in the person's language, with a way back
//! and nowhere else to go, saves each answer as it is given, and returns to
//! the locked screen once the person sends their answers. The result is
//! never shown on the tablet. Plain forms: no JavaScript needed.

use askama::Template;
use axum::Form;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use continuum_app::kiosk::KioskStart;
use continuum_app::screening::ScreeningProgress;
use continuum_app::{Actor, AppError};
use continuum_domain::policy::Action;
use continuum_i18n::Lang;
use serde::Deserialize;

use super::sites::{not_found, parse_id, short_time};
use crate::error::PageError;
use crate::extract::{Client, CsrfForm, access_point, actor_lang, tokens_match, visitor_lang};
use crate::routes::{Access, Routes};
use crate::shell::Shell;
use crate::state::AppState;

/// The cookie of a paired tablet; sent on `/kiosk` paths only.
const KIOSK_COOKIE: &str = "continuum_kiosk";
const KIOSK_PATH: &str = "/kiosk";

fn kiosk_cookie(state: &AppState, token: String) -> Cookie<'static> {
    Cookie::build((KIOSK_COOKIE, token))
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.settings.secure_cookies)
        .path(KIOSK_PATH)
        .build()
}

fn without_kiosk_cookie(jar: CookieJar) -> CookieJar {
    jar.remove(Cookie::build(KIOSK_COOKIE).path(KIOSK_PATH).build())
}

// ---------------------------------------------------------------------------
// The worker starts a kiosk session

#[derive(Template)]
#[template(path = "kiosk_code.html")]
struct CodePage {
    shell: Shell,
    person_id: i64,
    screening_id: i64,
    code: String,
    expires_at: String,
}

#[derive(Template)]
#[template(path = "kiosk_unavailable.html")]
struct UnavailablePage {
    shell: Shell,
    person_id: i64,
    message: String,
    interview: Option<i64>,
}

#[derive(Deserialize, Default)]
struct StartForm {}

/// The code, in two groups of four digits for reading aloud and typing.
fn grouped(code: &str) -> String {
    let (first, second) = code.split_at(code.len() / 2);
    format!("{first} {second}")
}

async fn start(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form: _ }: CsrfForm<StartForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteClinical, "kiosk.start").await {
        return refused;
    }
    let Some(person_id) = parse_id(&id) else {
        return not_found(lang);
    };
    let path = format!("/people/{person_id}/kiosk");
    let started = match state.app.start_kiosk(&actor, person_id).await {
        Ok(started) => started,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    match started {
        KioskStart::Code { screening_id, code, expires_at } => {
            let page = CodePage {
                shell: Shell::signed_in(&actor, state.settings.demo_mode, "kiosk-code-title", &path),
                person_id,
                screening_id,
                code: grouped(&code),
                expires_at: short_time(&expires_at),
            };
            super::render(StatusCode::OK, &page)
        }
        KioskStart::NoContentPack { language } => {
            let key = format!("language-{language}");
            let name = if continuum_i18n::has_key(lang, &key) { continuum_i18n::t(lang, &key) } else { language };
            let page = UnavailablePage {
                shell: Shell::signed_in(&actor, state.settings.demo_mode, "kiosk-unavailable-title", &path),
                person_id,
                message: continuum_i18n::t_args(
                    lang,
                    "kiosk-no-content-pack",
                    &[("language", continuum_i18n::Arg::from(name.as_str()))],
                ),
                interview: None,
            };
            super::render(StatusCode::CONFLICT, &page)
        }
        KioskStart::InterviewUnderway { screening_id } => {
            let page = UnavailablePage {
                shell: Shell::signed_in(&actor, state.settings.demo_mode, "kiosk-unavailable-title", &path),
                person_id,
                message: continuum_i18n::t(lang, "kiosk-interview-underway"),
                interview: Some(screening_id),
            };
            super::render(StatusCode::CONFLICT, &page)
        }
    }
}

// ---------------------------------------------------------------------------
// The tablet: locked screen and pairing

#[derive(Template)]
#[template(path = "kiosk_locked.html")]
struct LockedPage {
    shell: Shell,
    done: bool,
    code: String,
    error: String,
}

#[derive(Deserialize, Default)]
struct LockedQuery {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    done: String,
}

fn locked_page(state: &AppState, lang: Lang, done: bool, code: &str, error: String, status: StatusCode) -> Response {
    let page = LockedPage {
        shell: Shell::visitor(lang, state.settings.demo_mode, "kiosk-locked-title", KIOSK_PATH),
        done,
        code: code.chars().take(20).collect(),
        error,
    };
    super::render(status, &page)
}

/// The locked screen; a tablet still paired goes on to its question.
async fn locked(
    State(state): State<AppState>,
    headers: HeaderMap,
    jar: CookieJar,
    Query(query): Query<LockedQuery>,
) -> Response {
    if jar.get(KIOSK_COOKIE).is_some() {
        return Redirect::to("/kiosk/question").into_response();
    }
    let lang = Lang::parse(&query.lang).unwrap_or_else(|| visitor_lang(&headers));
    locked_page(&state, lang, !query.done.is_empty(), "", String::new(), StatusCode::OK)
}

#[derive(Deserialize, Default)]
struct PairForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    lang: String,
}

async fn pair(
    State(state): State<AppState>,
    client: Client,
    headers: HeaderMap,
    jar: CookieJar,
    Form(form): Form<PairForm>,
) -> Response {
    let lang = Lang::parse(&form.lang).unwrap_or_else(|| visitor_lang(&headers));
    if let Some(ip) = client.ip
        && state.sign_in_limiter.check_key(&ip).is_err()
    {
        let error = continuum_i18n::t(lang, "error-rate-limited");
        return locked_page(&state, lang, false, &form.code, error, StatusCode::TOO_MANY_REQUESTS);
    }
    match state.app.pair_kiosk(&form.code, client.access).await {
        Ok(token) => (jar.add(kiosk_cookie(&state, token)), Redirect::to("/kiosk/question")).into_response(),
        Err(AppError::BadCredentials) => {
            let error = continuum_i18n::t(lang, "kiosk-code-invalid");
            locked_page(&state, lang, false, &form.code, error, StatusCode::UNAUTHORIZED)
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

// ---------------------------------------------------------------------------
// The tablet: one question at a time

/// A paired tablet; anything else goes back to the locked screen.
struct KioskDevice(Actor);

impl FromRequestParts<AppState> for KioskDevice {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let jar = CookieJar::from_headers(&parts.headers);
        let Some(token) = jar.get(KIOSK_COOKIE).map(|c| c.value().to_owned()) else {
            return Err(Redirect::to(KIOSK_PATH).into_response());
        };
        match state.app.kiosk_actor(&token, access_point(parts)).await {
            Ok(actor) => Ok(KioskDevice(actor)),
            Err(AppError::Unauthenticated) => {
                Err((without_kiosk_cookie(jar), Redirect::to(KIOSK_PATH)).into_response())
            }
            Err(error) => Err(PageError::new(error, visitor_lang(&parts.headers)).into_response()),
        }
    }
}

#[derive(Template)]
#[template(path = "kiosk_question.html")]
struct QuestionPage {
    shell: Shell,
    csrf: String,
    progress: ScreeningProgress,
    progress_text: String,
    error: String,
}

fn question_page(state: &AppState, actor: &Actor, progress: ScreeningProgress, error: String) -> Response {
    let lang = actor_lang(actor);
    let status = if error.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let count = |n: usize| continuum_i18n::Arg::Num(i64::try_from(n).unwrap_or(i64::MAX));
    let progress_text = continuum_i18n::t_args(
        lang,
        "kiosk-progress-count",
        &[("answered", count(progress.answered)), ("total", count(progress.applicable))],
    );
    let page = QuestionPage {
        shell: Shell::visitor(lang, state.settings.demo_mode, "kiosk-question-title", "/kiosk/question"),
        csrf: actor.csrf_token().unwrap_or_default().to_owned(),
        progress,
        progress_text,
        error,
    };
    super::render(status, &page)
}

#[derive(Deserialize, Default)]
struct ItemQuery {
    #[serde(default)]
    item: String,
}

async fn question(
    State(state): State<AppState>,
    KioskDevice(actor): KioskDevice,
    Query(query): Query<ItemQuery>,
) -> Response {
    let item = Some(query.item.as_str()).filter(|i| !i.is_empty());
    match state.app.kiosk_progress(&actor, item).await {
        Ok(progress) => question_page(&state, &actor, progress, String::new()),
        Err(error) => PageError::new(error, actor_lang(&actor)).into_response(),
    }
}

#[derive(Deserialize, Default)]
struct AnswerForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    item: String,
    #[serde(default)]
    option: String,
    #[serde(default)]
    name: String,
}

fn csrf_ok(actor: &Actor, sent: &str) -> bool {
    actor.csrf_token().is_some_and(|t| tokens_match(t, sent))
}

async fn answer(
    State(state): State<AppState>,
    KioskDevice(actor): KioskDevice,
    Form(form): Form<AnswerForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if !csrf_ok(&actor, &form.csrf) {
        return PageError::csrf(lang);
    }
    let name = Some(form.name.as_str()).filter(|n| !n.trim().is_empty());
    match state.app.kiosk_answer(&actor, &form.item, &form.option, name).await {
        Ok(()) => Redirect::to("/kiosk/question").into_response(),
        Err(AppError::Invalid(invalid)) => {
            let key = if invalid.0.iter().any(|e| e.field == "name") {
                "kiosk-name-required"
            } else {
                "screening-choose-an-answer"
            };
            match state.app.kiosk_progress(&actor, Some(&form.item)).await {
                Ok(progress) => question_page(&state, &actor, progress, continuum_i18n::t(lang, key)),
                Err(error) => PageError::new(error, lang).into_response(),
            }
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

#[derive(Deserialize, Default)]
struct FinishForm {
    #[serde(default)]
    csrf: String,
}

async fn finish(
    State(state): State<AppState>,
    KioskDevice(actor): KioskDevice,
    jar: CookieJar,
    Form(form): Form<FinishForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if !csrf_ok(&actor, &form.csrf) {
        return PageError::csrf(lang);
    }
    match state.app.kiosk_finish(&actor).await {
        Ok(()) => {
            let to = format!("{KIOSK_PATH}?done=1&lang={}", lang.code());
            (without_kiosk_cookie(jar), Redirect::to(&to)).into_response()
        }
        Err(AppError::Conflict("screening-incomplete")) => Redirect::to("/kiosk/question").into_response(),
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

pub(crate) fn routes(routes: Routes) -> Routes {
    routes
        .add("POST", "/people/{id}/kiosk", Access::Policy(Action::WriteClinical), post(start))
        .add("GET", "/kiosk", Access::Public, get(locked))
        .add("POST", "/kiosk/pair", Access::Public, post(pair))
        .add("GET", "/kiosk/question", Access::Kiosk, get(question))
        .add("POST", "/kiosk/answer", Access::Kiosk, post(answer))
        .add("POST", "/kiosk/finish", Access::Kiosk, post(finish))
}
