//! Signals: someone tells the care team of a prison that a person may need
//! help (DOMAIN.md, "The care pathway": signalled by prison staff, the
//! medical service, the person, or because they entered a pilot prison).
//!
//! Rules chosen here:
//! - A signal from someone without access to the register (a prison
//!   officer) names the person as the officer knows them: the prison number
//!   (required, in the register's form) and the name as typed (optional).
//!   The care team matches it to the register; nothing in the officer's
//!   answer depends on whether the number exists.
//! - The reason is short and non-clinical (at most [`REASON_MAX`]
//!   characters): what the signaller saw, not a diagnosis.
//! - The source follows from the signaller's role: the medical service,
//!   a care worker, prison staff; when staff record it on the person's own
//!   request, the source is the person.

use crate::pathway::SignalSource;
use crate::person::prison_number;
use crate::role::Role;
use crate::validation::{self, Invalid};

/// The longest reason, in characters.
pub const REASON_MAX: usize = 200;

/// The longest name as typed, in characters.
pub const NAME_MAX: usize = 100;

/// A signal about a person named by prison number, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignalDraft {
    /// The prison number as typed (trimmed).
    pub prison_number: String,
    /// The name as typed (trimmed; may be empty).
    pub name: String,
    /// Why the person may need help.
    pub reason: String,
    /// The person asked for help themselves; staff record it for them.
    pub on_behalf_of_person: bool,
}

/// The raw fields of a signal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignalFields<'a> {
    /// Prison number.
    pub prison_number: &'a str,
    /// Name as the signaller knows it.
    pub name: &'a str,
    /// Reason.
    pub reason: &'a str,
    /// Recorded at the person's own request.
    pub on_behalf_of_person: bool,
}

impl SignalDraft {
    /// Validates a signal.
    pub fn parse(fields: &SignalFields<'_>) -> Result<SignalDraft, Invalid> {
        let mut errors = Invalid::default();
        let prison_number = prison_number(&mut errors, "prison_number", fields.prison_number);
        let name = validation::text(&mut errors, "name", fields.name, 0, NAME_MAX);
        let reason = validation::text(&mut errors, "reason", fields.reason, 1, REASON_MAX);
        errors.into_result(|| SignalDraft {
            prison_number,
            name,
            reason,
            on_behalf_of_person: fields.on_behalf_of_person,
        })
    }
}

/// Validates the reason of a signal about a person already identified (by
/// the care team, from the register).
pub fn parse_reason(text: &str) -> Result<String, Invalid> {
    let mut errors = Invalid::default();
    let reason = validation::text(&mut errors, "reason", text, 1, REASON_MAX);
    errors.into_result(|| reason)
}

/// The source of a signal made by someone holding `roles` at the site: the
/// medical service before a care worker before prison staff; the person when
/// recorded on their behalf. `None` for roles that do not signal.
pub fn source_for(roles: &[Role], on_behalf_of_person: bool) -> Option<SignalSource> {
    let source = if roles.contains(&Role::Medical) {
        SignalSource::MedicalService
    } else if roles.contains(&Role::CareWorker) {
        SignalSource::CareWorker
    } else if roles.contains(&Role::PrisonStaff) {
        SignalSource::PrisonStaff
    } else {
        return None;
    };
    Some(if on_behalf_of_person { SignalSource::Person } else { source })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validation::Problem;

    fn fields() -> SignalFields<'static> {
        SignalFields {
            prison_number: " HAS-2026-0042 ",
            name: " Peeters Jan ",
            reason: " Seems withdrawn, asked about help ",
            on_behalf_of_person: false,
        }
    }

    #[test]
    fn a_signal_is_trimmed_and_keeps_what_was_typed() {
        let draft = SignalDraft::parse(&fields()).expect("valid");
        assert_eq!(draft.prison_number, "HAS-2026-0042");
        assert_eq!(draft.name, "Peeters Jan");
        assert_eq!(draft.reason, "Seems withdrawn, asked about help");
    }

    #[test]
    fn the_prison_number_and_the_reason_are_required_and_the_name_is_not() {
        let draft = SignalDraft::parse(&SignalFields { name: "", ..fields() }).expect("valid without a name");
        assert!(draft.name.is_empty());
        let errors =
            SignalDraft::parse(&SignalFields { prison_number: " ", reason: "", ..fields() }).expect_err("invalid");
        assert_eq!(errors.for_field("prison_number"), Some(&Problem::Required));
        assert_eq!(errors.for_field("reason"), Some(&Problem::Required));
    }

    #[test]
    fn a_prison_number_out_of_form_and_a_long_reason_are_named() {
        let long = "x".repeat(REASON_MAX + 1);
        let errors = SignalDraft::parse(&SignalFields { prison_number: "12 34", reason: &long, ..fields() })
            .expect_err("invalid");
        assert_eq!(errors.for_field("prison_number"), Some(&Problem::InvalidFormat));
        assert_eq!(errors.for_field("reason"), Some(&Problem::TooLong { max: REASON_MAX }));
        assert_eq!(
            parse_reason(&long).expect_err("too long").for_field("reason"),
            Some(&Problem::TooLong { max: 200 })
        );
    }

    #[test]
    fn the_source_follows_the_role_and_the_persons_own_request() {
        assert_eq!(source_for(&[Role::PrisonStaff], false), Some(SignalSource::PrisonStaff));
        assert_eq!(source_for(&[Role::CareWorker, Role::Medical], false), Some(SignalSource::MedicalService));
        assert_eq!(source_for(&[Role::CareWorker], false), Some(SignalSource::CareWorker));
        assert_eq!(source_for(&[Role::PrisonStaff], true), Some(SignalSource::Person));
        assert_eq!(source_for(&[Role::Director, Role::Psychosocial], false), None);
        assert_eq!(source_for(&[Role::Director], true), None);
    }
}
