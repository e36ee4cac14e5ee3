//! Mapping use-case errors to responses, once: an HTML page for browsers,
//! RFC 9457 problem JSON for the API.
//!
//! 401, 403 and 404 bodies say nothing about the record asked for, so they
//! never reveal whether a person exists at another site. Internal errors are
//! logged with the request id; the client gets only the request id.

use askama::Template;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use continuum_app::AppError;
use continuum_i18n::Lang;
use serde::Serialize;

use crate::observability::REQUEST_ID;
use crate::shell::{Shell, render};

/// The conflicts that answer with their own code, which is also their
/// message id: each refusal of a step says what stopped it. One list, so
/// that a test checks every one has a message in every language.
pub(crate) const CONFLICTS: &[&str] = &[
    // Merges and page imports.
    "merge-same-record",
    "merge-already-merged",
    "merge-already-undone",
    "merge-undo-later-first",
    "import-expired",
    // Care pathway: intake, care plan, contacts (issue 5, items 1 to 3).
    "care-no-open-pathway",
    "care-plan-changed",
    "care-plan-exists",
    // OAT and transfers (issue 5, items 4 and 5).
    "oat-already-declared",
    "oat-already-stopped",
    "oat-continuity-recorded",
    "handover-already-acknowledged",
    // The Bundle of a transfer-out handover document (issue 6, item 6).
    "handover-bundle-at-release",
    // Release planning and follow-up (issue 5, items 6 to 8).
    "care-team-pathway-closed",
    "release-plan-not-planning",
    "follow-up-recorded",
    "follow-up-refused-not-in-follow-up",
    "follow-up-refused-outstanding",
    "follow-up-refused-not-a-choice",
    // Consents (issue 6, item 1).
    "consent-already-withdrawn",
    // Referrals (issue 6, item 3).
    "referral-step-not-from-status",
    "referral-step-care-team-only",
    "referral-step-before-appointment",
    "referral-changed",
    // Governance (issue 7): a meeting, an action or a request in a state that refuses the step.
    "governance-meeting-cancelled",
    "governance-meeting-not-planned",
    "governance-minutes-closed",
    "governance-action-closed",
    "governance-project-needs-local-group",
    "governance-project-not-fundamental",
    "governance-request-waiting",
    "governance-request-not-submitted",
    "governance-request-decided",
    "governance-request-not-authorised",
];

/// The status, stable code and message id of an error.
pub(crate) fn classify(error: &AppError) -> (StatusCode, &'static str, &'static str) {
    match error {
        AppError::Unauthenticated => (StatusCode::UNAUTHORIZED, "unauthenticated", "error-unauthenticated"),
        AppError::Forbidden => (StatusCode::FORBIDDEN, "forbidden", "error-forbidden"),
        AppError::NotFound => (StatusCode::NOT_FOUND, "not-found", "error-not-found"),
        AppError::Invalid(_) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid", "error-invalid"),
        AppError::Conflict("possible-duplicates") => {
            (StatusCode::CONFLICT, "possible-duplicates", "people-possible-duplicates")
        }
        // Screenings: a state, not a concurrent change.
        AppError::Conflict("screening-completed") => {
            (StatusCode::CONFLICT, "screening-completed", "screening-already-completed")
        }
        AppError::Conflict("screening-incomplete") => {
            (StatusCode::CONFLICT, "screening-incomplete", "screening-not-yet-complete")
        }
        // Every other refusal of a step that has its own message.
        AppError::Conflict(code) if CONFLICTS.contains(code) => (StatusCode::CONFLICT, code, code),
        AppError::Conflict(_) => (StatusCode::CONFLICT, "conflict", "error-conflict"),
        AppError::PathwayRefused(refusal) => (StatusCode::CONFLICT, "pathway-refused", refusal.message_id()),
        AppError::BadCredentials => (StatusCode::UNAUTHORIZED, "bad-credentials", "error-bad-credentials"),
        AppError::Locked { .. } => (StatusCode::TOO_MANY_REQUESTS, "locked", "error-locked"),
        AppError::SecondFactorInvalid => (StatusCode::UNAUTHORIZED, "second-factor-invalid", "error-totp-invalid"),
        AppError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal", "error-internal"),
    }
}

pub(crate) fn message(lang: Lang, error: &AppError, key: &str, request_id: &str) -> String {
    match error {
        AppError::Locked { minutes } => {
            continuum_i18n::t_args(lang, key, &[("minutes", continuum_i18n::Arg::Num(*minutes))])
        }
        AppError::Internal(_) => {
            continuum_i18n::t_args(lang, key, &[("request_id", continuum_i18n::Arg::Str(request_id.to_owned()))])
        }
        // The state and the step are message ids themselves: translated first.
        AppError::PathwayRefused(refusal) => {
            let args: Vec<(&str, continuum_i18n::Arg)> = refusal
                .args()
                .iter()
                .map(|(name, id)| (*name, continuum_i18n::Arg::Str(continuum_i18n::t(lang, id))))
                .collect();
            continuum_i18n::t_args(lang, key, &args)
        }
        _ => continuum_i18n::t(lang, key),
    }
}

pub(crate) fn log_internal(error: &AppError, request_id: &str) {
    if let AppError::Internal(cause) = error {
        tracing::error!(request_id, error = ?cause, "internal error");
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    shell: Shell,
    message: String,
}

/// An error shown as a page.
pub struct PageError {
    error: AppError,
    lang: Lang,
    request_id: String,
}

impl PageError {
    /// An error in the given language.
    pub fn new(error: AppError, lang: Lang) -> PageError {
        PageError { error, lang, request_id: crate::observability::current_request_id() }
    }

    /// A form without a valid CSRF token.
    pub fn csrf(lang: Lang) -> Response {
        let shell = Shell::visitor(lang, false, "error-title", "/");
        let message = continuum_i18n::t(lang, "error-csrf");
        page(StatusCode::FORBIDDEN, ErrorPage { shell, message })
    }
}

impl From<AppError> for PageError {
    fn from(error: AppError) -> Self {
        PageError::new(error, Lang::En)
    }
}

fn page(status: StatusCode, template: impl Template) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(error) => {
            tracing::error!(%error, "template failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
        }
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        if matches!(self.error, AppError::Unauthenticated) {
            return Redirect::to("/sign-in").into_response();
        }
        log_internal(&self.error, &self.request_id);
        let (status, _, key) = classify(&self.error);
        let message = message(self.lang, &self.error, key, &self.request_id);
        let shell = Shell::visitor(self.lang, false, "error-title", "/");
        page(status, ErrorPage { shell, message })
    }
}

/// The unknown-path page (an OperationOutcome under `/fhir/`).
pub(crate) async fn not_found_fallback(uri: axum::http::Uri, headers: HeaderMap) -> Response {
    let lang = crate::extract::visitor_lang(&headers);
    if uri.path().starts_with("/fhir/") {
        return crate::fhir::unknown_path(lang);
    }
    if headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|a| a.contains("json")) {
        return ApiError::new(AppError::NotFound, lang, &headers).into_response();
    }
    PageError::new(AppError::NotFound, lang).into_response()
}

/// One invalid field in a problem document.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ProblemField {
    /// The field's name.
    pub field: String,
    /// A stable code of the problem.
    pub code: String,
    /// The problem, in the caller's language.
    pub message: String,
}

/// An RFC 9457 problem document.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    /// A URI naming the problem type.
    #[serde(rename = "type")]
    pub kind: String,
    /// A short summary, in the caller's language.
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// What went wrong, in the caller's language.
    pub detail: String,
    /// The request id, to quote to an administrator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// The invalid fields, for 422.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ProblemField>,
    /// The ids of the people who may be the same person, for a 409
    /// `possible-duplicates`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub duplicates: Vec<i64>,
}

/// An error of the JSON API.
pub struct ApiError {
    error: AppError,
    lang: Lang,
    request_id: Option<String>,
    duplicates: Vec<i64>,
    field_messages: Vec<ProblemField>,
}

impl ApiError {
    /// An error answered in the caller's language.
    pub fn new(error: AppError, lang: Lang, headers: &HeaderMap) -> ApiError {
        let request_id = headers
            .get(REQUEST_ID)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
            .or_else(|| Some(crate::observability::current_request_id()).filter(|id| !id.is_empty()));
        ApiError { error, lang, request_id, duplicates: Vec::new(), field_messages: Vec::new() }
    }

    /// Names the records a `possible-duplicates` conflict is about.
    pub fn with_duplicates(mut self, ids: Vec<i64>) -> ApiError {
        self.duplicates = ids;
        self
    }

    /// Replaces the code and message of one invalid field, to say more than
    /// the field's name can (the item an answer was refused for).
    pub fn with_field_message(mut self, field: &str, code: &str, message: String) -> ApiError {
        self.field_messages.push(ProblemField { field: field.to_owned(), code: code.to_owned(), message });
        self
    }

    /// The error in English, without request id (when no headers are at hand).
    pub fn plain(error: AppError) -> ApiError {
        ApiError {
            error,
            lang: Lang::En,
            request_id: Some(crate::observability::current_request_id()).filter(|id| !id.is_empty()),
            duplicates: Vec::new(),
            field_messages: Vec::new(),
        }
    }
}

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        ApiError::plain(error)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let request_id = self.request_id.clone().unwrap_or_default();
        log_internal(&self.error, &request_id);
        let (status, code, key) = classify(&self.error);
        let errors = match &self.error {
            AppError::Invalid(invalid) => invalid
                .0
                .iter()
                .map(|e| match self.field_messages.iter().find(|m| m.field == e.field) {
                    Some(replaced) => replaced.clone(),
                    None => ProblemField {
                        field: e.field.to_owned(),
                        code: e.problem.message_id().trim_start_matches("validation-").to_owned(),
                        message: render(self.lang, e),
                    },
                })
                .collect(),
            _ => Vec::new(),
        };
        let problem = Problem {
            kind: format!("https://continuum.invalid/problems/{code}"),
            title: continuum_i18n::t(self.lang, "error-title"),
            status: status.as_u16(),
            detail: message(self.lang, &self.error, key, &request_id),
            request_id: self.request_id,
            errors,
            duplicates: self.duplicates,
        };
        let body = serde_json::to_vec(&problem).unwrap_or_default();
        let mut response = (status, [(header::CONTENT_TYPE, "application/problem+json")], body).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, axum::http::HeaderValue::from_static("Bearer"));
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::CONFLICTS;

    #[test]
    fn every_conflict_with_its_own_code_has_a_message_in_every_language() {
        assert_eq!(continuum_i18n::missing_keys(CONFLICTS), Vec::new());
    }

    #[test]
    fn a_conflict_with_its_own_code_answers_with_it() {
        for code in CONFLICTS {
            let (status, answered, message) = super::classify(&continuum_app::AppError::Conflict(code));
            assert_eq!((status.as_u16(), answered, message), (409, *code, *code));
        }
    }
}
