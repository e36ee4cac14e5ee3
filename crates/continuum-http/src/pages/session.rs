//! Signing in and out, the second factor, and the language and site switchers.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use continuum_app::auth::{NextStep, TotpSetup};
use continuum_app::{AccessPoint, AppError};
use continuum_i18n::Lang;
use serde::Deserialize;

use crate::error::PageError;
use crate::extract::{
    Client, LANG_COOKIE, PendingSecondFactor, SESSION_COOKIE, actor_lang, session_token, tokens_match, visitor_lang,
};
use crate::routes::{Access, Routes};
use crate::shell::Shell;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "sign_in.html")]
struct SignInPage {
    shell: Shell,
    username: String,
    next: String,
    error: String,
    signed_out: bool,
}

#[derive(Deserialize, Default)]
struct SignInQuery {
    #[serde(default)]
    next: String,
    #[serde(default)]
    signed_out: Option<String>,
}

async fn sign_in_page(State(state): State<AppState>, headers: HeaderMap, Query(query): Query<SignInQuery>) -> Response {
    let lang = visitor_lang(&headers);
    let page = SignInPage {
        shell: Shell::visitor(lang, state.settings.demo_mode, "sign-in-title", "/sign-in"),
        username: String::new(),
        next: super::safe_back(&query.next).to_owned(),
        error: String::new(),
        signed_out: query.signed_out.is_some(),
    };
    super::render(StatusCode::OK, &page)
}

#[derive(Deserialize)]
struct SignInForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

fn session_cookie(state: &AppState, token: String) -> Cookie<'static> {
    Cookie::build((SESSION_COOKIE, token))
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(state.settings.secure_cookies)
        .path("/")
        .build()
}

async fn sign_in(
    State(state): State<AppState>,
    client: Client,
    headers: HeaderMap,
    jar: CookieJar,
    Form(form): Form<SignInForm>,
) -> Response {
    let lang = visitor_lang(&headers);
    let next = super::safe_back(&form.next).to_owned();
    let shown = |error: String, status: StatusCode| {
        let page = SignInPage {
            shell: Shell::visitor(lang, state.settings.demo_mode, "sign-in-title", "/sign-in"),
            username: form.username.chars().take(64).collect(),
            next: next.clone(),
            error,
            signed_out: false,
        };
        super::render(status, &page)
    };
    if let Some(ip) = client.ip
        && state.sign_in_limiter.check_key(&ip).is_err()
    {
        return shown(continuum_i18n::t(lang, "error-rate-limited"), StatusCode::TOO_MANY_REQUESTS);
    }
    match state.app.sign_in(&form.username, &form.password, client.access).await {
        Ok(signed) => {
            let jar = jar.add(session_cookie(&state, signed.token));
            let to = match signed.next {
                NextStep::Done => next,
                NextStep::SecondFactor | NextStep::SetUpSecondFactor => "/sign-in/second-factor".to_owned(),
            };
            (jar, Redirect::to(&to)).into_response()
        }
        Err(AppError::BadCredentials) => {
            shown(continuum_i18n::t(lang, "error-bad-credentials"), StatusCode::UNAUTHORIZED)
        }
        Err(AppError::Locked { minutes }) => shown(
            continuum_i18n::t_args(lang, "error-locked", &[("minutes", continuum_i18n::Arg::Num(minutes))]),
            StatusCode::TOO_MANY_REQUESTS,
        ),
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

#[derive(Template)]
#[template(path = "second_factor.html")]
struct SecondFactorPage {
    shell: Shell,
    setup: Option<TotpSetup>,
    csrf: String,
    error: String,
}

async fn second_factor_page(State(state): State<AppState>, pending: PendingSecondFactor) -> Response {
    show_second_factor(&state, &pending, String::new(), StatusCode::OK).await
}

async fn show_second_factor(
    state: &AppState,
    pending: &PendingSecondFactor,
    error: String,
    status: StatusCode,
) -> Response {
    let lang = actor_lang(&pending.actor);
    let setup = if pending.setup_required {
        match state.app.begin_totp_setup(&pending.actor).await {
            Ok(setup) => Some(setup),
            Err(error) => return PageError::new(error, lang).into_response(),
        }
    } else {
        None
    };
    let page = SecondFactorPage {
        shell: Shell::visitor(lang, state.settings.demo_mode, "totp-title", "/sign-in/second-factor"),
        setup,
        csrf: pending.actor.csrf_token().unwrap_or_default().to_owned(),
        error,
    };
    super::render(status, &page)
}

#[derive(Deserialize)]
struct CodeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    code: String,
}

async fn second_factor(
    State(state): State<AppState>,
    pending: PendingSecondFactor,
    Form(form): Form<CodeForm>,
) -> Response {
    let lang = actor_lang(&pending.actor);
    if !pending.actor.csrf_token().is_some_and(|t| tokens_match(t, &form.csrf)) {
        return PageError::csrf(lang);
    }
    let result = if pending.setup_required {
        state.app.confirm_totp_setup(&pending.actor, &form.code).await
    } else {
        state.app.verify_second_factor(&pending.actor, &form.code).await
    };
    match result {
        Ok(()) => Redirect::to("/").into_response(),
        Err(AppError::SecondFactorInvalid) => {
            show_second_factor(
                &state,
                &pending,
                continuum_i18n::t(lang, "error-totp-invalid"),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

#[derive(Deserialize)]
struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

async fn sign_out(
    State(state): State<AppState>,
    client: Client,
    headers: HeaderMap,
    jar: CookieJar,
    Form(form): Form<CsrfOnly>,
) -> Response {
    let lang = visitor_lang(&headers);
    let Some(token) = session_token(&headers) else {
        return Redirect::to("/sign-in").into_response();
    };
    let actor = match state.app.session(&token, AccessPoint::default()).await {
        Ok(continuum_app::auth::SessionState::Active(actor)) => actor,
        Ok(continuum_app::auth::SessionState::SecondFactorDue { actor, .. }) => actor,
        Err(_) => return (jar.remove(Cookie::from(SESSION_COOKIE)), Redirect::to("/sign-in")).into_response(),
    };
    if !actor.csrf_token().is_some_and(|t| tokens_match(t, &form.csrf)) {
        return PageError::csrf(lang);
    }
    let actor = actor.with_access(client.access);
    if let Err(error) = state.app.sign_out(&actor).await {
        return PageError::new(error, lang).into_response();
    }
    let jar = jar.remove(Cookie::build(SESSION_COOKIE).path("/").build());
    (jar, Redirect::to("/sign-in?signed_out=1")).into_response()
}

#[derive(Deserialize)]
struct LanguageForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    lang: String,
    #[serde(default)]
    back: String,
}

/// Sets the language: in the profile when signed in, else in a cookie.
async fn set_language(
    State(state): State<AppState>,
    headers: HeaderMap,
    jar: CookieJar,
    Form(form): Form<LanguageForm>,
) -> Response {
    let Some(lang) = Lang::parse(&form.lang) else {
        return Redirect::to(super::safe_back(&form.back)).into_response();
    };
    let back = super::safe_back(&form.back).to_owned();
    let jar = jar.add(
        Cookie::build((LANG_COOKIE, lang.code()))
            .same_site(SameSite::Strict)
            .secure(state.settings.secure_cookies)
            .path("/")
            .permanent()
            .build(),
    );
    if let Some(token) = session_token(&headers)
        && let Ok(continuum_app::auth::SessionState::Active(actor)) =
            state.app.session(&token, AccessPoint::default()).await
    {
        if !actor.csrf_token().is_some_and(|t| tokens_match(t, &form.csrf)) {
            return PageError::csrf(lang);
        }
        let language =
            continuum_domain::site::Language::parse(lang.code()).unwrap_or(continuum_domain::site::Language::En);
        if let Err(error) = state.app.set_language(&actor, language).await {
            return PageError::new(error, lang).into_response();
        }
    }
    (jar, Redirect::to(&back)).into_response()
}

#[derive(Deserialize)]
struct SiteForm {
    #[serde(default)]
    site: String,
    #[serde(default)]
    back: String,
}

async fn set_site(
    State(state): State<AppState>,
    crate::extract::CsrfForm { actor, form }: crate::extract::CsrfForm<SiteForm>,
) -> Response {
    let lang = actor_lang(&actor);
    match state.app.switch_site(&actor, Some(form.site.as_str())).await {
        Ok(()) => Redirect::to(super::safe_back(&form.back)).into_response(),
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

pub(crate) fn routes(routes: Routes) -> Routes {
    routes
        .add("GET", "/sign-in", Access::Public, get(sign_in_page))
        .add("POST", "/sign-in", Access::Public, post(sign_in))
        .add("GET", "/sign-in/second-factor", Access::Public, get(second_factor_page))
        .add("POST", "/sign-in/second-factor", Access::Public, post(second_factor))
        .add("POST", "/sign-out", Access::Public, post(sign_out))
        .add("POST", "/language", Access::Public, post(set_language))
        .add("POST", "/site", Access::SignedIn, post(set_site))
}
