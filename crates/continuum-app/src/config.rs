//! Settings of the application layer, passed in explicitly.

use jiff::SignedDuration;

/// How expensive password hashing is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordCost {
    /// Argon2id with the OWASP-recommended parameters (19 MiB, 2 passes).
    Standard,
    /// Cheap parameters for tests only.
    Fast,
}

/// Settings of the application layer.
#[derive(Debug, Clone)]
pub struct AppConfig {
    /// Demo mode: the demo password is accepted and a banner is shown.
    pub demo_mode: bool,
    /// A session ends after this much inactivity.
    pub session_idle_timeout: SignedDuration,
    /// A session ends this long after sign-in, whatever happens.
    pub session_absolute_timeout: SignedDuration,
    /// Failed sign-ins in a row before the account is locked.
    pub lockout_threshold: i64,
    /// How long a lock-out lasts.
    pub lockout_duration: SignedDuration,
    /// Validity of an API token when none is given.
    pub token_default_days: i64,
    /// Longest validity of an API token.
    pub token_max_days: i64,
    /// How long a break-the-glass access lasts.
    pub emergency_access_duration: SignedDuration,
    /// Password hashing cost.
    pub password_cost: PasswordCost,
    /// The issuer name shown in authenticator apps.
    pub totp_issuer: String,
    /// How long after a transfer between pilot prisons the sending team
    /// still reads what it wrote (issue 5, item 5).
    pub transfer_read_window: SignedDuration,
}

impl Default for AppConfig {
    fn default() -> Self {
        AppConfig {
            demo_mode: false,
            session_idle_timeout: SignedDuration::from_mins(20),
            session_absolute_timeout: SignedDuration::from_hours(12),
            lockout_threshold: 5,
            lockout_duration: SignedDuration::from_mins(15),
            token_default_days: 90,
            token_max_days: 365,
            emergency_access_duration: continuum_domain::emergency::DEFAULT_DURATION,
            password_cost: PasswordCost::Standard,
            totp_issuer: "Continuum".into(),
            transfer_read_window: SignedDuration::from_hours(24 * continuum_domain::handover::DEFAULT_READ_DAYS),
        }
    }
}
