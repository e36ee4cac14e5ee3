//! Test support for Continuum.
//!
//! - [`postgres`]: a throwaway PostgreSQL server shared by the test process
//!   (or the one named by `CONTINUUM_TEST_DATABASE_URL`), and fresh
//!   databases on it.
//! - [`database`]: a fresh database per test on either backend
//!   ([`database::Backend::ALL`]).
//! - [`server`]: a running server with the demo seeded, and clients signed
//!   in through the real sign-in form.

pub mod database;
pub mod postgres;
pub mod server;
