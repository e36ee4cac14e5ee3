//! Request ids, request metrics and the Prometheus registry.

use std::sync::OnceLock;
use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use rand::RngCore;
use tracing::Instrument;

/// The header that carries the request id.
pub(crate) const REQUEST_ID: &str = "x-request-id";

tokio::task_local! {
    /// The id of the request being handled, for error pages and logs.
    static CURRENT_REQUEST_ID: String;
}

/// The id of the request being handled (empty outside a request).
pub(crate) fn current_request_id() -> String {
    CURRENT_REQUEST_ID.try_with(Clone::clone).unwrap_or_default()
}

/// The process-wide Prometheus registry (installed once, on first use).
pub(crate) fn prometheus() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new()
            .set_buckets(&[0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5])
            .and_then(|b| {
                b.set_buckets_for_metric(
                    Matcher::Full("audit_batch_rows".to_owned()),
                    &[1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 512.0],
                )
            })
            .unwrap_or_else(|_| PrometheusBuilder::new())
            .build_recorder();
        let handle = recorder.handle();
        // Another recorder may already be installed (several servers in one
        // test process); the handle still renders what this one records.
        let _ = metrics::set_global_recorder(recorder);
        handle
    })
}

/// A new request id: 16 random bytes in hex.
fn new_request_id() -> String {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// Gives every request an id (kept from a trusted proxy when well-formed),
/// records its duration and status by route, and logs it.
pub(crate) async fn track(mut request: Request, next: Next) -> Response {
    prometheus();
    let id = request
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| v.len() <= 64 && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        .map(str::to_owned)
        .unwrap_or_else(new_request_id);
    if let Ok(value) = HeaderValue::from_str(&id) {
        request.headers_mut().insert(REQUEST_ID, value);
    }
    let route =
        request.extensions().get::<MatchedPath>().map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let method = request.method().to_string();
    let started = Instant::now();
    let span = tracing::info_span!("request", request_id = %id, %method, %route);
    let mut response = CURRENT_REQUEST_ID.scope(id.clone(), next.run(request).instrument(span)).await;
    let elapsed = started.elapsed().as_secs_f64();
    let status = response.status().as_u16().to_string();
    metrics::counter!("http_requests_total", "method" => method.clone(), "route" => route.clone(), "status" => status.clone()).increment(1);
    metrics::histogram!("http_request_duration_seconds", "method" => method.clone(), "route" => route.clone())
        .record(elapsed);
    tracing::info!(request_id = %id, %method, %route, %status, elapsed_ms = elapsed * 1000.0, "request");
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(REQUEST_ID, value);
    }
    response
}
