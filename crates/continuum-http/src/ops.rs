//! Operations endpoints: liveness, readiness, metrics.

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;

use crate::routes::{Access, Routes};
use crate::state::AppState;

async fn healthz() -> &'static str {
    "ok"
}

async fn readyz(State(state): State<AppState>) -> impl IntoResponse {
    match state.app.ready().await {
        Ok(()) => (StatusCode::OK, "ready"),
        Err(error) => {
            tracing::warn!(%error, "database not reachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable")
        }
    }
}

async fn metrics(State(state): State<AppState>) -> impl IntoResponse {
    let (open, idle) = state.app.pool_usage();
    metrics::gauge!("db_pool_connections", "state" => "open").set(f64::from(open));
    metrics::gauge!("db_pool_connections", "state" => "idle").set(idle as f64);
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], crate::observability::prometheus().render())
}

pub(crate) fn routes(routes: Routes) -> Routes {
    routes.add("GET", "/healthz", Access::Public, get(healthz)).add("GET", "/readyz", Access::Public, get(readyz)).add(
        "GET",
        "/metrics",
        Access::Public,
        get(metrics),
    )
}
