//! Security middleware: response headers and the same-origin check on every
//! state-changing request.
//!
//! The Content-Security-Policy allows scripts and styles only from this
//! server (no inline script, no other host), forbids framing, and every
//! dynamic response is `no-store` so that shared prison PCs keep no copy of
//! personal data.

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};

use continuum_app::AppError;

use crate::error::ApiError;
use crate::state::AppState;

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
     font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; \
     base-uri 'none'; object-src 'none'";

/// The largest request body of every route but the uploads.
const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

/// Wraps the routes with the middleware, outermost last. Upload routes are
/// merged after the general body limit: each sets its own
/// (`DefaultBodyLimit`) and tells the user, in their language, when a file
/// is too large.
pub(crate) fn layers(router: Router<AppState>, uploads: Router<AppState>, state: AppState) -> Router {
    router
        .layer(tower_http::limit::RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .merge(uploads)
        .fallback(crate::error::not_found_fallback)
        .layer(middleware::from_fn_with_state(state.clone(), same_origin))
        .layer(middleware::from_fn_with_state(state.clone(), headers))
        .layer(middleware::from_fn(crate::observability::track))
        .with_state(state)
}

async fn headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let is_asset = request.uri().path().starts_with("/assets/");
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert("permissions-policy", HeaderValue::from_static("camera=(), microphone=(), geolocation=()"));
    h.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    if !is_asset {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if state.settings.secure_cookies {
        h.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000; includeSubDomains"));
    }
    response
}

/// Refuses cross-site state-changing requests made with the browser's
/// cookies (API calls with a bearer token carry no ambient credentials).
async fn same_origin(request: Request, next: Next) -> Response {
    let unsafe_method = !matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if unsafe_method && !has_bearer(request.headers()) && is_cross_site(request.headers()) {
        let lang = crate::extract::visitor_lang(request.headers());
        if request.uri().path().starts_with("/api/") {
            return ApiError::new(AppError::Forbidden, lang, request.headers()).into_response();
        }
        return (StatusCode::FORBIDDEN, continuum_i18n::t(lang, "error-csrf")).into_response();
    }
    next.run(request).await
}

fn has_bearer(headers: &HeaderMap) -> bool {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.len() > 7 && v[..7].eq_ignore_ascii_case("bearer "))
}

fn is_cross_site(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return !matches!(site, "same-origin" | "none");
    }
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    match (headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()), host) {
        (Some("null"), _) => true,
        (Some(origin), Some(host)) => {
            let origin_host = origin.split("://").nth(1).unwrap_or(origin);
            origin_host != host
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_static(v));
        }
        map
    }

    #[test]
    fn same_origin_requests_pass_and_cross_site_ones_are_caught() {
        assert!(!is_cross_site(&headers(&[("sec-fetch-site", "same-origin")])));
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(!is_cross_site(&headers(&[("host", "a:8080"), ("origin", "http://a:8080")])));
        assert!(is_cross_site(&headers(&[("host", "a:8080"), ("origin", "http://evil")])));
        assert!(!is_cross_site(&headers(&[])));
    }
}
