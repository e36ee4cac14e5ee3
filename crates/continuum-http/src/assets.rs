//! Static files compiled into the binary: nothing is loaded from elsewhere.

use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

use crate::routes::{Access, Routes};

const CSS: &str = include_str!("../assets/app.css");
const JS: &str = include_str!("../assets/app.js");
const HTMX: &str = include_str!("../assets/htmx.min.js");
const FAVICON: &str = include_str!("../assets/favicon.svg");

fn asset(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "public, max-age=3600")], body)
}

pub(crate) fn routes(routes: Routes) -> Routes {
    routes
        .add("GET", "/assets/app.css", Access::Public, get(|| async { asset("text/css; charset=utf-8", CSS) }))
        .add("GET", "/assets/app.js", Access::Public, get(|| async { asset("text/javascript; charset=utf-8", JS) }))
        .add(
            "GET",
            "/assets/htmx.min.js",
            Access::Public,
            get(|| async { asset("text/javascript; charset=utf-8", HTMX) }),
        )
        .add("GET", "/assets/favicon.svg", Access::Public, get(|| async { asset("image/svg+xml", FAVICON) }))
}
