//! Break-the-glass: emergency access by the medical service to a person of
//! another site.
//!
//! Rules chosen for the programme: the reason is written out (at least 20
//! characters, so that "urgent" alone does not do), the access lasts a fixed
//! time (configurable, 4 hours by default) and every access is flagged until
//! an administrator or coordinator has reviewed it.

use jiff::{SignedDuration, Timestamp};

use crate::validation::{self, Invalid};

/// The shortest accepted reason, in characters.
pub const MIN_REASON_LENGTH: usize = 20;
/// The longest accepted reason, in characters.
pub const MAX_REASON_LENGTH: usize = 1000;
/// How long an emergency access lasts unless configured otherwise.
pub const DEFAULT_DURATION: SignedDuration = SignedDuration::from_hours(4);

/// A validated request for emergency access.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmergencyRequest {
    /// The written reason.
    pub reason: String,
    /// When the access ends.
    pub expires_at: Timestamp,
}

impl EmergencyRequest {
    /// Validates the reason and sets the end of the access.
    pub fn parse(reason: &str, now: Timestamp, duration: SignedDuration) -> Result<Self, Invalid> {
        let mut errors = Invalid::default();
        let reason = validation::text(&mut errors, "reason", reason, MIN_REASON_LENGTH, MAX_REASON_LENGTH);
        let expires_at = now.saturating_add(duration).unwrap_or(now);
        errors.into_result(|| EmergencyRequest { reason, expires_at })
    }
}

/// Whether an emergency access is still open at `now`.
pub fn is_active(expires_at: Timestamp, revoked: bool, now: Timestamp) -> bool {
    !revoked && now < expires_at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::Problem;

    fn now() -> Timestamp {
        "2026-11-23T10:00:00Z".parse().expect("instant")
    }

    #[test]
    fn a_reason_one_below_the_minimum_is_refused_and_at_the_minimum_accepted() {
        let short = "x".repeat(MIN_REASON_LENGTH - 1);
        let enough = "x".repeat(MIN_REASON_LENGTH);
        let refused = EmergencyRequest::parse(&short, now(), DEFAULT_DURATION);
        assert_eq!(
            refused.map_err(|e| e.for_field("reason").cloned()),
            Err(Some(Problem::TooShort { min: MIN_REASON_LENGTH }))
        );
        assert!(EmergencyRequest::parse(&enough, now(), DEFAULT_DURATION).is_ok());
    }

    #[test]
    fn the_access_ends_after_the_duration_or_when_revoked() {
        let request = EmergencyRequest::parse("unconscious after transfer, OAT dose unknown", now(), DEFAULT_DURATION)
            .expect("valid");
        let almost = now().saturating_add(SignedDuration::from_mins(239)).expect("instant");
        assert!(is_active(request.expires_at, false, almost));
        assert!(!is_active(request.expires_at, false, request.expires_at));
        assert!(!is_active(request.expires_at, true, now()));
    }
}
