//! The outcomes of a use case other than success.
//!
//! Which error goes where: the domain reports invalid input as
//! [`Invalid`]; the store reports [`StoreError`]; a use case turns both into
//! [`AppError`], which the HTTP layer maps once to a status and a message id
//! (RFC 9457 problem JSON for the API, a page for the browser). Internal
//! errors carry their cause for the log, never for the client.

use continuum_domain::validation::{Invalid, Problem};
use continuum_store::StoreError;

/// Why a use case did not succeed.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// No valid session or token.
    #[error("not signed in")]
    Unauthenticated,
    /// The policy refused, and saying so reveals nothing.
    #[error("forbidden")]
    Forbidden,
    /// No such record, or one the actor may not know exists.
    #[error("not found")]
    NotFound,
    /// Input is invalid; each field says why.
    #[error("{0}")]
    Invalid(Invalid),
    /// The record changed in between, or the action does not fit its state.
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// The care pathway does not accept the step in its present state.
    #[error("the pathway refused the step: {0}")]
    PathwayRefused(continuum_domain::pathway::Refusal),
    /// Username or password wrong (which one is never said).
    #[error("bad credentials")]
    BadCredentials,
    /// Too many failed sign-ins; locked for this many more minutes.
    #[error("account locked")]
    Locked {
        /// Minutes left.
        minutes: i64,
    },
    /// The second-factor code is wrong.
    #[error("second factor invalid")]
    SecondFactorInvalid,
    /// Anything else; logged, never shown.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

/// Result of a use case.
pub type AppResult<T> = Result<T, AppError>;

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        AppError::Internal(error.into())
    }
}

impl From<Invalid> for AppError {
    fn from(invalid: Invalid) -> Self {
        AppError::Invalid(invalid)
    }
}

impl AppError {
    /// A single invalid field.
    pub fn field(field: &'static str, problem: Problem) -> AppError {
        let mut invalid = Invalid::default();
        invalid.push(field, problem);
        AppError::Invalid(invalid)
    }
}

/// Turns a unique violation into a duplicate error on `field`.
pub(crate) fn duplicate_on(field: &'static str) -> impl FnOnce(StoreError) -> AppError {
    move |error| match error {
        StoreError::Unique(_) => AppError::field(field, Problem::Duplicate),
        other => other.into(),
    }
}

impl From<continuum_store::DbError> for AppError {
    fn from(error: continuum_store::DbError) -> Self {
        StoreError::from(error).into()
    }
}
