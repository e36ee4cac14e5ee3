//! Field errors: what every form and API call reports when input is invalid.
//!
//! A field error names the field and a message id (a Fluent key with its
//! arguments), never a sentence: the adapters render it in the user's
//! language.

use std::fmt;

/// Why one field is invalid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The field is empty.
    Required,
    /// Fewer characters than the minimum.
    TooShort {
        /// The minimum length in characters.
        min: usize,
    },
    /// More characters than the maximum.
    TooLong {
        /// The maximum length in characters.
        max: usize,
    },
    /// Not of the expected form.
    InvalidFormat,
    /// The password is too short.
    PasswordTooShort {
        /// The minimum length in characters.
        min: usize,
    },
    /// The password is on the list of common passwords.
    PasswordCommon,
    /// The password contains the username.
    PasswordContainsUsername,
    /// Another record already has this value.
    Duplicate,
    /// The site does not exist.
    UnknownSite,
    /// An end date lies before a start date.
    DateOrder,
    /// A date that cannot be (in the future, or before 1900 for a birth).
    ImpossibleDate,
    /// A date of the person's detention before their birth.
    BeforeBirth,
    // Detention episodes and signals.
    /// A date of a detention episode before its entry date.
    BeforeEntry,
    /// A transfer to the prison the person is already at.
    SameSite,
    /// The detention episode has already ended (released or transferred).
    EpisodeEnded,
    /// Nobody with this prison number (or id) is at the prison concerned.
    NotAtSite,
    // Care pathway: intake, care plan, contacts (issue 5, items 1 to 3).
    /// More choices than allowed.
    TooMany {
        /// The most choices accepted.
        max: usize,
    },
    /// A secondary substance that is the primary one.
    RepeatsPrimary,
    /// A review date before the date of the care plan.
    ReviewBeforePlan,
    /// The person has no open care pathway to record care on.
    NoOpenPathway,
    // Governance (issue 7).
    /// A number outside the range allowed.
    OutOfRange {
        /// The smallest allowed.
        min: i64,
        /// The largest allowed.
        max: i64,
    },
    /// A meeting planned for a moment already past.
    MeetingInPast,
    /// A meeting recorded as held that has not yet begun.
    MeetingInFuture,
    /// Something only a held meeting can have (attendance, minutes,
    /// decisions, their approval).
    MeetingNotHeld,
    /// Minutes approved at a meeting that is not a later held meeting of
    /// the same group.
    ApprovalNotLater,
    /// A decision on a project's authorisation by a group that may not decide it.
    GroupMayNotDecide,
    /// A decision at a meeting held before the request was submitted.
    MeetingBeforeSubmission,
    /// Text that identifies a person (a national register number).
    IdentifiesPerson,
    /// Not a member of the group at that date.
    NotAMember,
    /// Another member holds this office over the same period.
    OfficeTaken,
    /// The central group belongs to no prison; a local group to exactly one.
    SiteNotForKind,
    /// No active account has this username.
    UnknownUser,
    /// A date that must come later (a review after the decision, a next
    /// review after today).
    TooEarly,
    // OAT (issue 5, item 4).
    /// A dose that cannot be (zero or less, or far above any treatment).
    DoseImpossible,
    /// A dose outside the usual range (in milligrams): accepted once confirmed.
    DoseUnusual {
        /// The lowest usual dose.
        min: i64,
        /// The highest usual dose.
        max: i64,
    },
    // Release planning and follow-up (issue 5, items 6 to 8).
    /// A date after release (a follow-up contact) lies before the release.
    BeforeRelease,
    /// The user named has no clinical role at the person's prison.
    NotClinicalAtSite,
    /// No active organisation has this id.
    UnknownOrganisation,
    // Consent and the directory of care providers (issue 6, items 1 and 2).
    /// A section the recipient may never be given (the psychosocial service
    /// gets no clinical content).
    NotForRecipient,
    /// The file is not a PDF document.
    NotPdf,
    /// The file is larger than allowed.
    FileTooLarge {
        /// The limit in megabytes.
        max_mb: usize,
    },
    /// Opening hours not written as `09:00-12:00, 13:00-17:00`.
    OpeningHours,
    // Referrals and outside providers (issue 6, items 3 and 4).
    /// A referral that does not share who the person is.
    IdentityRequired,
    /// A section shared without a sharing consent in force for it (the
    /// message names the consent missing).
    ConsentMissing,
    /// A service that does not fit the person, not yet confirmed.
    CoverageToConfirm,
    /// An outside provider's account without its organisation.
    OrganisationRequired,
    // Handover sending (issue 6, item 6).
    /// The receiver has no portal in Continuum: another channel is needed.
    NoPortal,
}

impl Problem {
    /// The Fluent message id of this problem.
    pub fn message_id(&self) -> &'static str {
        match self {
            Problem::Required => "validation-required",
            Problem::TooShort { .. } => "validation-too-short",
            Problem::TooLong { .. } => "validation-too-long",
            Problem::InvalidFormat => "validation-invalid-format",
            Problem::PasswordTooShort { .. } => "validation-password-too-short",
            Problem::PasswordCommon => "validation-password-common",
            Problem::PasswordContainsUsername => "validation-password-contains-username",
            Problem::Duplicate => "validation-duplicate",
            Problem::UnknownSite => "validation-unknown-site",
            Problem::DateOrder => "validation-date-order",
            Problem::ImpossibleDate => "validation-impossible-date",
            Problem::BeforeBirth => "validation-before-birth",
            Problem::BeforeEntry => "validation-before-entry",
            Problem::SameSite => "validation-same-site",
            Problem::EpisodeEnded => "validation-episode-ended",
            Problem::NotAtSite => "validation-not-at-site",
            Problem::TooMany { .. } => "validation-too-many",
            Problem::RepeatsPrimary => "validation-repeats-primary",
            Problem::ReviewBeforePlan => "validation-review-before-plan",
            Problem::NoOpenPathway => "validation-no-open-pathway",
            // Governance (issue 7).
            Problem::OutOfRange { .. } => "validation-out-of-range",
            Problem::MeetingInPast => "validation-meeting-in-past",
            Problem::MeetingInFuture => "validation-meeting-in-future",
            Problem::MeetingNotHeld => "validation-meeting-not-held",
            Problem::ApprovalNotLater => "validation-approval-not-later",
            Problem::GroupMayNotDecide => "validation-group-may-not-decide",
            Problem::MeetingBeforeSubmission => "validation-meeting-before-submission",
            Problem::IdentifiesPerson => "validation-identifies-person",
            Problem::NotAMember => "validation-not-a-member",
            Problem::OfficeTaken => "validation-office-taken",
            Problem::SiteNotForKind => "validation-site-not-for-kind",
            Problem::UnknownUser => "validation-unknown-user",
            Problem::TooEarly => "validation-too-early",
            // OAT (issue 5, item 4).
            Problem::DoseImpossible => "validation-dose-impossible",
            Problem::DoseUnusual { .. } => "validation-dose-unusual",
            // Release planning and follow-up (issue 5, items 6 to 8).
            Problem::BeforeRelease => "validation-before-release",
            Problem::NotClinicalAtSite => "validation-not-clinical-at-site",
            Problem::UnknownOrganisation => "validation-unknown-organisation",
            Problem::NotForRecipient => "validation-not-for-recipient",
            Problem::NotPdf => "validation-not-pdf",
            Problem::FileTooLarge { .. } => "validation-file-too-large",
            Problem::OpeningHours => "validation-opening-hours",
            // Referrals and outside providers (issue 6, items 3 and 4).
            Problem::IdentityRequired => "validation-identity-required",
            Problem::ConsentMissing => "validation-consent-missing",
            Problem::CoverageToConfirm => "validation-coverage-to-confirm",
            Problem::OrganisationRequired => "validation-organisation-required",
            Problem::NoPortal => "validation-no-portal",
        }
    }

    /// The arguments of the message, as (name, number) pairs.
    pub fn message_args(&self) -> Vec<(&'static str, i64)> {
        match self {
            Problem::TooShort { min } | Problem::PasswordTooShort { min } => {
                vec![("min", i64::try_from(*min).unwrap_or(i64::MAX))]
            }
            Problem::TooLong { max } | Problem::TooMany { max } => {
                vec![("max", i64::try_from(*max).unwrap_or(i64::MAX))]
            }
            Problem::OutOfRange { min, max } => vec![("min", *min), ("max", *max)],
            Problem::DoseUnusual { min, max } => vec![("min", *min), ("max", *max)],
            Problem::FileTooLarge { max_mb } => vec![("mb", i64::try_from(*max_mb).unwrap_or(i64::MAX))],
            _ => Vec::new(),
        }
    }
}

/// One invalid field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name, as in the form and the API body.
    pub field: &'static str,
    /// What is wrong with it.
    pub problem: Problem,
}

/// All invalid fields of one input; never empty when returned as an error.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Invalid(pub Vec<FieldError>);

impl Invalid {
    /// Records one invalid field.
    pub fn push(&mut self, field: &'static str, problem: Problem) {
        self.0.push(FieldError { field, problem });
    }

    /// `Ok(value)` when no field was invalid, else the collected errors.
    pub fn into_result<T>(self, value: impl FnOnce() -> T) -> Result<T, Invalid> {
        if self.0.is_empty() { Ok(value()) } else { Err(self) }
    }

    /// The error of one field, if any.
    pub fn for_field(&self, field: &str) -> Option<&Problem> {
        self.0.iter().find(|e| e.field == field).map(|e| &e.problem)
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fields: Vec<&str> = self.0.iter().map(|e| e.field).collect();
        write!(f, "invalid fields: {}", fields.join(", "))
    }
}

impl std::error::Error for Invalid {}

/// Trims a free-text field and checks its length in characters.
pub fn text(errors: &mut Invalid, field: &'static str, value: &str, min: usize, max: usize) -> String {
    let value = value.trim();
    let len = value.chars().count();
    if len == 0 && min > 0 {
        errors.push(field, Problem::Required);
    } else if len < min {
        errors.push(field, Problem::TooShort { min });
    } else if len > max {
        errors.push(field, Problem::TooLong { max });
    }
    value.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_trimmed_and_required() {
        let mut errors = Invalid::default();
        assert_eq!(text(&mut errors, "name", "  Gent ", 1, 10), "Gent");
        assert!(errors.0.is_empty());
        text(&mut errors, "name", "   ", 1, 10);
        assert_eq!(errors.for_field("name"), Some(&Problem::Required));
    }

    #[test]
    fn text_length_is_counted_in_characters_not_bytes() {
        let mut errors = Invalid::default();
        text(&mut errors, "name", "Électricité", 1, 11);
        assert!(errors.0.is_empty());
        text(&mut errors, "name", "Électricités", 1, 11);
        assert_eq!(errors.for_field("name"), Some(&Problem::TooLong { max: 11 }));
    }
}
