//! My account: the profile, changing the password, setting up two-step
//! verification, and API tokens.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use continuum_app::auth::TotpSetup;
use continuum_app::tokens::NewToken;
use continuum_app::users::Account;
use continuum_app::{Actor, AppError};
use continuum_domain::audit::format_instant;
use continuum_domain::credentials::check_new_password;
use continuum_domain::policy::Action;
use continuum_domain::validation::{Invalid, Problem};
use continuum_i18n::Lang;
use serde::Deserialize;

use super::sites::{SummaryItem, mark_errors, not_found, parse_id, short_time, summary};
use super::users::{grant_labels, language_label};
use crate::error::PageError;
use crate::extract::{CsrfForm, SignedIn, actor_lang};
use crate::routes::{Access, Routes};
use crate::shell::{FormErrors, Shell};
use crate::state::AppState;

/// Field messages of a form: those of the use case plus the page's own
/// (passwords that differ, a wrong current password).
#[derive(Debug, Default)]
struct Messages(Vec<(String, String)>);

impl Messages {
    fn of(lang: Lang, invalid: &Invalid) -> Messages {
        Messages(FormErrors::new(lang, invalid).all().to_vec())
    }

    /// The message of a field, or an empty string.
    fn get(&self, field: &str) -> String {
        self.0.iter().find(|(f, _)| f == field).map(|(_, m)| m.clone()).unwrap_or_default()
    }
}

/// A token as listed.
struct TokenLine {
    id: i64,
    label: String,
    created_at: String,
    expires_at: String,
    /// `active`, `expired` or `revoked`.
    state: &'static str,
}

/// The token form, as typed.
#[derive(Deserialize, Default)]
struct TokenForm {
    #[serde(default)]
    label: String,
    #[serde(default)]
    days: String,
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    shell: Shell,
    account: Account,
    language: String,
    grants: Vec<String>,
    notice: String,
    new_token: Option<NewToken>,
    new_token_expires: String,
    password_errors: Messages,
    tokens: Vec<TokenLine>,
    token_form: TokenForm,
    token_errors: Messages,
    summary: Vec<SummaryItem>,
}

/// What the page shows beyond the account.
#[derive(Default)]
struct Shown {
    notice: &'static str,
    new_token: Option<NewToken>,
    password_errors: Messages,
    token_form: TokenForm,
    token_errors: Messages,
}

const FIELDS: &[(&str, &str)] = &[
    ("current_password", "current-password"),
    ("new_password", "new-password"),
    ("confirm_password", "confirm-password"),
    ("label", "account-token-label"),
    ("days", "account-token-days"),
];

async fn account_page(state: &AppState, actor: &Actor, shown: Shown, status: StatusCode) -> Response {
    let lang = actor_lang(actor);
    let account = match state.app.me(actor).await {
        Ok(account) => account,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let tokens = match state.app.my_api_tokens(actor).await {
        Ok(tokens) => tokens,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let now = format_instant(jiff::Timestamp::now());
    let tokens = tokens
        .into_iter()
        .map(|t| TokenLine {
            state: if t.revoked_at.is_some() {
                "revoked"
            } else if t.expires_at.as_str() <= now.as_str() {
                "expired"
            } else {
                "active"
            },
            id: t.id,
            label: t.label,
            created_at: short_time(&t.created_at),
            expires_at: short_time(&t.expires_at),
        })
        .collect();
    let mut messages = shown.password_errors.0.clone();
    messages.extend(shown.token_errors.0.iter().cloned());
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "account-title", "/account");
    mark_errors(&mut shell, !messages.is_empty());
    let page = AccountPage {
        notice: if shown.notice.is_empty() { String::new() } else { shell.t(shown.notice) },
        shell,
        language: language_label(&account.language),
        grants: grant_labels(lang, &account),
        account,
        new_token_expires: shown.new_token.as_ref().map(|t| short_time(&t.expires_at)).unwrap_or_default(),
        new_token: shown.new_token,
        password_errors: shown.password_errors,
        tokens,
        token_form: shown.token_form,
        token_errors: shown.token_errors,
        summary: summary(lang, &messages, FIELDS),
    };
    super::render(status, &page)
}

#[derive(Deserialize, Default)]
struct NoticeQuery {
    #[serde(default)]
    password: String,
    #[serde(default)]
    totp: String,
    #[serde(default)]
    revoked: String,
}

async fn show(State(state): State<AppState>, SignedIn(actor): SignedIn, Query(query): Query<NoticeQuery>) -> Response {
    let notice = if !query.password.is_empty() {
        "password-changed"
    } else if !query.totp.is_empty() {
        "totp-enabled"
    } else if !query.revoked.is_empty() {
        "account-token-revoked"
    } else {
        ""
    };
    account_page(&state, &actor, Shown { notice, ..Shown::default() }, StatusCode::OK).await
}

// ---------------------------------------------------------------------------
// Password

#[derive(Deserialize, Default)]
struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    confirm_password: String,
}

async fn change_password(State(state): State<AppState>, CsrfForm { actor, form }: CsrfForm<PasswordForm>) -> Response {
    let lang = actor_lang(&actor);
    let result = if form.new_password == form.confirm_password {
        state.app.change_own_password(&actor, &form.current_password, &form.new_password).await
    } else {
        let mut invalid = Invalid::default();
        check_new_password(&mut invalid, "new_password", &form.new_password, &actor.username);
        let mut messages = Messages::of(lang, &invalid);
        messages.0.push(("confirm_password".to_owned(), continuum_i18n::t(lang, "validation-password-mismatch")));
        let shown = Shown { password_errors: messages, ..Shown::default() };
        return account_page(&state, &actor, shown, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    match result {
        Ok(()) => Redirect::to("/account?password=1").into_response(),
        Err(AppError::Invalid(invalid)) => {
            let mut messages = Messages::of(lang, &invalid);
            if invalid.for_field("current_password") == Some(&Problem::InvalidFormat) {
                for (field, message) in &mut messages.0 {
                    if field == "current_password" {
                        *message = continuum_i18n::t(lang, "account-current-password-wrong");
                    }
                }
            }
            let shown = Shown { password_errors: messages, ..Shown::default() };
            account_page(&state, &actor, shown, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

// ---------------------------------------------------------------------------
// Two-step verification

#[derive(Template)]
#[template(path = "account_second_factor.html")]
struct SecondFactorPage {
    shell: Shell,
    setup: TotpSetup,
    error: String,
    summary: Vec<SummaryItem>,
}

async fn second_factor_page(state: &AppState, actor: &Actor, error: String, status: StatusCode) -> Response {
    let lang = actor_lang(actor);
    match state.app.begin_totp_setup(actor).await {
        Ok(setup) => {
            let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "totp-setup-title", "/account");
            mark_errors(&mut shell, !error.is_empty());
            let messages = if error.is_empty() { Vec::new() } else { vec![("code".to_owned(), error.clone())] };
            let summary = summary(lang, &messages, &[("code", "totp-code")]);
            super::render(status, &SecondFactorPage { shell, setup, error, summary })
        }
        Err(AppError::Conflict(_)) => Redirect::to("/account").into_response(),
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

#[derive(Deserialize, Default)]
struct Nothing {}

async fn begin_second_factor(State(state): State<AppState>, CsrfForm { actor, .. }: CsrfForm<Nothing>) -> Response {
    second_factor_page(&state, &actor, String::new(), StatusCode::OK).await
}

#[derive(Deserialize, Default)]
struct CodeForm {
    #[serde(default)]
    code: String,
}

async fn confirm_second_factor(
    State(state): State<AppState>,
    CsrfForm { actor, form }: CsrfForm<CodeForm>,
) -> Response {
    let lang = actor_lang(&actor);
    let code: String = form.code.chars().filter(|c| !c.is_whitespace()).collect();
    match state.app.confirm_totp_setup(&actor, &code).await {
        Ok(()) => Redirect::to("/account?totp=1").into_response(),
        Err(AppError::SecondFactorInvalid) => {
            let error = continuum_i18n::t(lang, "error-totp-invalid");
            second_factor_page(&state, &actor, error, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(AppError::Conflict(_)) => Redirect::to("/account").into_response(),
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

// ---------------------------------------------------------------------------
// API tokens

async fn create_token(State(state): State<AppState>, CsrfForm { actor, form }: CsrfForm<TokenForm>) -> Response {
    let lang = actor_lang(&actor);
    let days = form.days.trim();
    let result = if days.is_empty() {
        state.app.create_api_token(&actor, &actor.username, &form.label, None).await
    } else if let Ok(days) = days.parse::<i64>() {
        state.app.create_api_token(&actor, &actor.username, &form.label, Some(days)).await
    } else {
        Err(AppError::field("days", Problem::InvalidFormat))
    };
    match result {
        Ok(token) => {
            let shown = Shown { notice: "account-token-created", new_token: Some(token), ..Shown::default() };
            account_page(&state, &actor, shown, StatusCode::OK).await
        }
        Err(AppError::Invalid(invalid)) => {
            let shown = Shown { token_errors: Messages::of(lang, &invalid), token_form: form, ..Shown::default() };
            account_page(&state, &actor, shown, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

async fn revoke_token(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, .. }: CsrfForm<Nothing>,
) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    match state.app.revoke_api_token(&actor, id).await {
        Ok(()) => Redirect::to("/account?revoked=1").into_response(),
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

pub(crate) fn routes(routes: Routes) -> Routes {
    let own = Access::Policy(Action::ManageOwnAccount);
    routes
        .add("GET", "/account", own, get(show))
        .add("POST", "/account/password", own, post(change_password))
        .add("POST", "/account/second-factor", Access::SignedIn, post(begin_second_factor))
        .add("POST", "/account/second-factor/confirm", Access::SignedIn, post(confirm_second_factor))
        .add("POST", "/account/tokens", own, post(create_token))
        .add("POST", "/account/tokens/{id}/revoke", own, post(revoke_token))
}
