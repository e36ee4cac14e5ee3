//! The use cases of Continuum: the only door to personal data.
//!
//! Every use case takes an [`Actor`], asks the access policy
//! (`continuum_domain::policy::decide`), opens a transaction, works through
//! the store, writes its audit rows in that same transaction and commits.
//! Reads of personal data are audited too: their rows go to the
//! [`audit_writer`], which commits the rows of concurrent requests together
//! and answers each request only once its row is durable.
//!
//! API boundary: handlers and commands call [`App`]; they never see the
//! store (only this crate depends on `continuum-store`).

mod access;
mod actor;
mod app;
pub mod audit_trail;
pub mod audit_writer;
pub mod auth;
// Care pathway: intake, care plan, contacts (issue 5, items 1 to 3).
pub mod care;
// Release planning and follow-up (issue 5, items 6 to 8).
pub mod care_team;
pub mod caseload;
pub mod config;
pub mod content_packs;
pub mod demo;
pub mod emergency;
pub mod episodes;
mod error;
// Governance (issue 7).
pub mod governance;
// Release planning and follow-up (issue 5, items 6 to 8).
pub mod follow_ups;
pub mod import;
pub mod instruments;
pub mod kiosk;
pub mod merges;
pub mod operations;
pub mod pathways;
pub mod people;
pub mod reference;
// Release planning and follow-up (issue 5, items 6 to 8).
pub mod release_plans;
pub mod screening;
pub mod secrets;
pub mod signals;
pub mod tokens;
pub mod users;
// OAT and transfers (issue 5, items 4 and 5).
mod care_access;
pub mod handovers;
// The handover at release (issue 6, item 6).
pub mod oat;
pub mod release_handovers;
// Handover sending and receipt (issue 6, item 6).
pub mod handover_tracking;
// Consent, the directory of care providers and the psychosocial service's
// view (issue 6, items 1, 2 and 5).
pub mod consents;
pub mod directory;
pub mod participation;
// Referrals and outside providers' access (issue 6, items 3 and 4).
pub mod referrals;
// The handover at release as a FHIR R4 Bundle (issue 6, item 6).
pub mod handover_bundles;

pub use actor::{AccessPoint, Actor, SiteRef};
pub use app::App;
pub use config::AppConfig;
pub use error::{AppError, AppResult};

pub use continuum_domain as domain;
pub use continuum_store::PoolSettings;

/// Paging of a list: page number from 1, and rows per page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    /// The page, from 1.
    pub page: u32,
    /// Rows per page (1 to 200).
    pub per_page: u32,
}

impl Default for Paging {
    fn default() -> Self {
        Paging { page: 1, per_page: 50 }
    }
}

impl Paging {
    fn to_store(self) -> continuum_store::Page {
        let per_page = self.per_page.clamp(1, 200);
        let page = self.page.max(1);
        continuum_store::Page { limit: i64::from(per_page), offset: i64::from(page - 1) * i64::from(per_page) }
    }
}

/// One page of results and the number of results in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing<T> {
    /// The rows of this page.
    pub items: Vec<T>,
    /// How many rows match in all; with `more`, how many were counted.
    pub total: i64,
    /// Whether counting stopped at `total` (at
    /// [`continuum_store::people::COUNT_LIMIT`]) with more rows to come.
    pub more: bool,
    /// The paging asked for.
    pub paging: Paging,
}

impl<T> Listing<T> {
    /// A page and the exact number of rows in all.
    pub fn new(items: Vec<T>, total: i64, paging: Paging) -> Listing<T> {
        Listing { items, total, more: false, paging }
    }

    /// A page and a count that stops past
    /// [`continuum_store::people::COUNT_LIMIT`].
    pub fn counted(items: Vec<T>, counted: i64, paging: Paging) -> Listing<T> {
        let limit = continuum_store::people::COUNT_LIMIT;
        Listing { items, total: counted.min(limit), more: counted > limit, paging }
    }

    /// How many pages there are (at least 1).
    pub fn pages(&self) -> u32 {
        let per_page = i64::from(self.paging.per_page.clamp(1, 200));
        u32::try_from(((self.total + per_page - 1) / per_page).max(1)).unwrap_or(u32::MAX)
    }
}
