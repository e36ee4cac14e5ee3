//! The HTTP adapter of Continuum: server-rendered pages for staff, the JSON
//! API under `/api/v1`, and the operations endpoints.
//!
//! Architecture invariant: this is the only crate that knows HTTP and JSON.
//! Handlers turn requests into calls of `continuum_app::App` and results
//! into pages or JSON; they never decide access themselves and never reach
//! the store. Every route is registered in [`routes`] together with the
//! policy action its use case checks, so that the access-matrix tests cover
//! every route.

pub mod api;
mod assets;
// Governance (issue 7): iCalendar files of meetings.
mod calendar;
mod error;
mod extract;
// Read-only FHIR R4 (issue 4, item 7).
pub mod fhir;
#[cfg(test)]
mod i18n_keys;
mod observability;
mod ops;
pub mod pages;
pub mod routes;
mod security;
mod shell;
mod state;

use std::future::Future;
use std::net::SocketAddr;

pub use routes::{Access, RouteSpec};
pub use state::{AppState, HttpSettings};

/// Builds the whole application router.
pub fn router(app: continuum_app::App, settings: HttpSettings) -> axum::Router {
    let state = AppState::new(app, settings);
    routes::all().into_router(state)
}

/// Serves the application on `listener` until `shutdown` completes, then
/// finishes the requests in flight.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: continuum_app::App,
    settings: HttpSettings,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let router = router(app, settings);
    axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown)
        .await?;
    Ok(())
}
