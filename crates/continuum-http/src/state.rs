//! Shared state of the handlers.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

/// Settings of the HTTP layer.
#[derive(Debug, Clone)]
pub struct HttpSettings {
    /// Mark cookies `Secure` and send HSTS (behind TLS).
    pub secure_cookies: bool,
    /// Show the demo banner.
    pub demo_mode: bool,
    /// Sign-in attempts allowed per client address and minute.
    pub sign_in_attempts_per_minute: u32,
}

impl Default for HttpSettings {
    fn default() -> Self {
        HttpSettings { secure_cookies: false, demo_mode: false, sign_in_attempts_per_minute: 10 }
    }
}

/// What every handler gets.
#[derive(Clone)]
pub struct AppState {
    /// The application layer.
    pub app: continuum_app::App,
    /// The HTTP settings.
    pub settings: Arc<HttpSettings>,
    /// Rate limit of sign-in attempts per client address.
    pub sign_in_limiter: Arc<DefaultKeyedRateLimiter<IpAddr>>,
}

impl AppState {
    /// Builds the state.
    pub fn new(app: continuum_app::App, settings: HttpSettings) -> AppState {
        let per_minute = NonZeroU32::new(settings.sign_in_attempts_per_minute.max(1)).unwrap_or(NonZeroU32::MIN);
        AppState {
            app,
            settings: Arc::new(settings),
            sign_in_limiter: Arc::new(RateLimiter::keyed(Quota::per_minute(per_minute))),
        }
    }
}
