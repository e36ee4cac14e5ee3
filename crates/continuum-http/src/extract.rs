//! Who is asking: the access point, the language, the signed-in actor of a
//! page or of an API call, and CSRF-checked forms.

use std::net::SocketAddr;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use continuum_app::auth::SessionState;
use continuum_app::{AccessPoint, Actor, AppError};
use continuum_i18n::Lang;
use serde::de::DeserializeOwned;

use crate::error::{ApiError, PageError};
use crate::observability::REQUEST_ID;
use crate::state::AppState;

/// The session cookie.
pub(crate) const SESSION_COOKIE: &str = "continuum_session";
/// The language cookie of visitors not signed in.
pub(crate) const LANG_COOKIE: &str = "continuum_lang";

/// Where the request comes from.
pub(crate) fn access_point(parts: &Parts) -> AccessPoint {
    let ip = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip().to_string());
    let header_text =
        |name: &str| parts.headers.get(name).and_then(|v| v.to_str().ok()).map(|v| v.chars().take(300).collect());
    AccessPoint { ip, user_agent: header_text(header::USER_AGENT.as_str()), request_id: header_text(REQUEST_ID) }
}

/// The language for someone not signed in: cookie, then Accept-Language, then English.
pub(crate) fn visitor_lang(headers: &HeaderMap) -> Lang {
    let jar = CookieJar::from_headers(headers);
    jar.get(LANG_COOKIE)
        .and_then(|c| Lang::parse(c.value()))
        .or_else(|| headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Lang::negotiate))
        .unwrap_or(Lang::En)
}

/// The language of an actor's profile (or session choice).
pub(crate) fn actor_lang(actor: &Actor) -> Lang {
    Lang::parse(actor.language.code()).unwrap_or(Lang::En)
}

/// The session token of the request, if any.
pub(crate) fn session_token(headers: &HeaderMap) -> Option<String> {
    CookieJar::from_headers(headers).get(SESSION_COOKIE).map(|c| c.value().to_owned())
}

/// A fully signed-in user of the pages; others are sent to sign in.
pub struct SignedIn(pub Actor);

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let lang = visitor_lang(&parts.headers);
        let Some(token) = session_token(&parts.headers) else {
            return Err(to_sign_in(parts));
        };
        match state.app.session(&token, access_point(parts)).await {
            Ok(SessionState::Active(actor)) => Ok(SignedIn(actor)),
            Ok(SessionState::SecondFactorDue { .. }) => Err(Redirect::to("/sign-in/second-factor").into_response()),
            Err(AppError::Unauthenticated) => Err(to_sign_in(parts)),
            Err(error) => Err(PageError::new(error, lang).into_response()),
        }
    }
}

fn to_sign_in(parts: &Parts) -> Response {
    let path = parts.uri.path_and_query().map_or("/", |p| p.as_str());
    if path == "/" || !path.starts_with('/') || path.starts_with("//") {
        Redirect::to("/sign-in").into_response()
    } else {
        let next: String = serde_html_form::to_string([("next", path)]).unwrap_or_default();
        Redirect::to(&format!("/sign-in?{next}")).into_response()
    }
}

/// A user who gave a password but still owes the second factor.
pub struct PendingSecondFactor {
    /// The user.
    pub actor: Actor,
    /// Whether the second factor must be set up first.
    pub setup_required: bool,
}

impl FromRequestParts<AppState> for PendingSecondFactor {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let lang = visitor_lang(&parts.headers);
        let Some(token) = session_token(&parts.headers) else {
            return Err(Redirect::to("/sign-in").into_response());
        };
        match state.app.session(&token, access_point(parts)).await {
            Ok(SessionState::SecondFactorDue { actor, setup_required }) => {
                Ok(PendingSecondFactor { actor, setup_required })
            }
            Ok(SessionState::Active(_)) => Err(Redirect::to("/").into_response()),
            Err(AppError::Unauthenticated) => Err(Redirect::to("/sign-in").into_response()),
            Err(error) => Err(PageError::new(error, lang).into_response()),
        }
    }
}

/// The caller of the JSON API: a bearer token, or the browser session.
pub struct ApiCaller(pub Actor);

impl FromRequestParts<AppState> for ApiCaller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let lang = visitor_lang(&parts.headers);
        api_actor(parts, state).await.map(ApiCaller).map_err(|e| ApiError::new(e, lang, &parts.headers))
    }
}

/// The actor of a machine-readable request (the API, FHIR): a bearer token,
/// or the browser session once fully signed in.
pub(crate) async fn api_actor(parts: &Parts, state: &AppState) -> Result<Actor, AppError> {
    let access = access_point(parts);
    let bearer = parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(str::to_owned);
    match (bearer, session_token(&parts.headers)) {
        (Some(secret), _) => state.app.authenticate_token(&secret, access).await,
        (None, Some(token)) => match state.app.session(&token, access).await {
            Ok(SessionState::Active(actor)) => Ok(actor),
            Ok(SessionState::SecondFactorDue { .. }) => Err(AppError::Unauthenticated),
            Err(error) => Err(error),
        },
        (None, None) => Err(AppError::Unauthenticated),
    }
}

/// A form posted by a signed-in user, with its CSRF token checked.
pub struct CsrfForm<T> {
    /// The user.
    pub actor: Actor,
    /// The form's fields.
    pub form: T,
}

#[derive(serde::Deserialize)]
struct CsrfField {
    #[serde(default)]
    csrf: String,
}

/// Whether two tokens are equal, in time independent of where they differ.
pub(crate) fn tokens_match(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

impl<T: DeserializeOwned + Send> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = request.into_parts();
        let SignedIn(actor) = SignedIn::from_request_parts(&mut parts, state).await?;
        let lang = actor_lang(&actor);
        let bytes =
            Bytes::from_request(Request::from_parts(parts, body), state).await.map_err(IntoResponse::into_response)?;
        let field: CsrfField = serde_html_form::from_bytes(&bytes).unwrap_or(CsrfField { csrf: String::new() });
        if !actor.csrf_token().is_some_and(|t| tokens_match(t, &field.csrf)) {
            return Err(PageError::csrf(lang).into_response());
        }
        let form = serde_html_form::from_bytes(&bytes)
            .map_err(|_| PageError::new(AppError::Conflict("malformed-form"), lang).into_response())?;
        Ok(CsrfForm { actor, form })
    }
}

/// The client of a request: where it comes from, and its address for rate limits.
pub struct Client {
    /// The access point for the audit trail.
    pub access: AccessPoint,
    /// The peer address.
    pub ip: Option<std::net::IpAddr>,
}

impl<S: Send + Sync> FromRequestParts<S> for Client {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let ip = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
        Ok(Client { access: access_point(parts), ip })
    }
}
