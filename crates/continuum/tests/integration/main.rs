//! The single integration-test binary: every test that needs a database or a
//! running server. Each test runs against SQLite and against PostgreSQL
//! (a throwaway cluster, or `CONTINUUM_TEST_DATABASE_URL`).

mod support;

mod audit_trail;
mod backup;
mod browser;
mod cli;
mod http_access;
mod http_api;
mod http_pages;
// Merging duplicate people, and importing entry lists on a page.
mod import_page;
mod merges;
mod register;
mod screening;
mod sign_in;
mod store;
