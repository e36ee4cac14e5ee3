//! The route table: every route with the access its use case checks.
//!
//! Routes are only added through [`Routes::add`], which records each with
//! its [`Access`]. The access-matrix tests read this table, so a route added
//! without an access entry, or with one the tests do not expect, fails them.

use axum::Router;
use axum::routing::MethodRouter;
use continuum_domain::policy::Action;

use crate::state::AppState;

/// Who may call a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone (sign-in page, health, assets, the API description).
    Public,
    /// Anyone signed in; the use case checks nothing beyond identity or
    /// checks [`Action::ManageOwnAccount`].
    SignedIn,
    /// The use case asks the policy for this action.
    Policy(Action),
    /// A paired kiosk tablet only (its credential, never a staff session):
    /// the use case answers the one screening the tablet is bound to, asking
    /// `WriteClinical` for the worker who started it.
    Kiosk,
}

/// One route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RouteSpec {
    /// HTTP method.
    pub method: &'static str,
    /// Path pattern, axum syntax.
    pub path: &'static str,
    /// Who may call it.
    pub access: Access,
}

/// A router under construction that remembers every route's access.
pub struct Routes {
    router: Router<AppState>,
    /// Routes that take a file upload: exempt from the general body limit,
    /// each sets its own and answers an oversized upload itself.
    uploads: Router<AppState>,
    specs: Vec<RouteSpec>,
}

impl Routes {
    /// An empty table.
    pub fn new() -> Routes {
        Routes { router: Router::new(), uploads: Router::new(), specs: Vec::new() }
    }

    /// Adds one method of one path.
    pub fn add(
        mut self,
        method: &'static str,
        path: &'static str,
        access: Access,
        handler: MethodRouter<AppState>,
    ) -> Routes {
        self.specs.push(RouteSpec { method, path, access });
        self.router = self.router.route(path, handler);
        self
    }

    /// Adds a route that takes a file upload (see [`Routes::uploads`]).
    pub fn add_upload(
        mut self,
        method: &'static str,
        path: &'static str,
        access: Access,
        handler: MethodRouter<AppState>,
    ) -> Routes {
        self.specs.push(RouteSpec { method, path, access });
        self.uploads = self.uploads.route(path, handler);
        self
    }

    /// The routes recorded.
    pub fn specs(&self) -> &[RouteSpec] {
        &self.specs
    }

    /// The finished router with its middleware.
    pub fn into_router(self, state: AppState) -> Router {
        crate::security::layers(self.router, self.uploads, state)
    }
}

impl Default for Routes {
    fn default() -> Self {
        Routes::new()
    }
}

/// Every route of the application.
pub fn all() -> Routes {
    let routes = Routes::new();
    let routes = crate::ops::routes(routes);
    let routes = crate::assets::routes(routes);
    let routes = crate::pages::routes(routes);
    let routes = crate::api::routes(routes);
    crate::fhir::routes(routes)
}

/// The table of every route (for tests and documentation).
pub fn table() -> Vec<RouteSpec> {
    all().specs().to_vec()
}
