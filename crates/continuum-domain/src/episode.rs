//! Changes to a detention episode after entry: its legal status and
//! expected release, the release itself, and a transfer to another prison.
//!
//! Rules chosen here (DOMAIN.md names the facts, not these details):
//! - Only the current, open episode changes: an ended episode (released or
//!   transferred) is history and stays as it was.
//! - **Release kinds** (how a detention ends, in the terms of Belgian
//!   prisons): end of sentence, conditional release, electronic monitoring,
//!   provisional release, release by a court decision (remand ended,
//!   acquittal), removal from the territory, transfer to a prison outside
//!   the programme, death, other. [`ReleaseKind::Transfer`] (to another
//!   prison of the programme) is set only by a transfer, which also opens
//!   the episode at the receiving prison; [`ReleaseKind::TransferOutOfProgramme`]
//!   only by a transfer out of the programme, which keeps a handover
//!   document (`crate::handover`).
//! - A release or a transfer lies on or after the entry date, and not after
//!   today; an expected release lies on or after the entry date.
//! - A transfer keeps the person's prison number unless the receiving
//!   prison gives a new one: DOMAIN.md calls the prison number the prison
//!   system's identifier of the person, so it need not change; when it
//!   does, the new number is typed. The legal status and the expected
//!   release carry over to the new episode.
//! - What a release does to the care pathway ([`pathway_step_at_release`]):
//!   a transfer out of the programme closes it (the machine's transfer out),
//!   a death closes it as deceased, and any other release closes a pathway
//!   that never reached an intake (nobody to follow up: released without
//!   follow-up), or whose person declined care. After an intake, the person
//!   is released into follow-up, unless the release plan records that they
//!   decline contact after release (`crate::release`): the team decides
//!   before the release, on the plan, so the register's release needs no
//!   second step. A transfer to another pilot prison moves the pathway,
//!   state unchanged.

use jiff::civil::Date;

use crate::pathway::{ClosingReason, Command, Stage, State, TransferDestination};
use crate::person::{LegalStatus, optional_date, prison_number, required_date};
use crate::validation::{Invalid, Problem};

/// How a detention episode ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReleaseKind {
    /// The sentence was served (fin de peine, strafeinde).
    EndOfSentence,
    /// Conditional release (libération conditionnelle, voorwaardelijke invrijheidstelling).
    ConditionalRelease,
    /// Serving the sentence under electronic monitoring at home.
    ElectronicMonitoring,
    /// Provisional release (libération provisoire, voorlopige invrijheidstelling).
    ProvisionalRelease,
    /// Released by a court: remand ended, acquittal.
    ReleasedByCourt,
    /// Removed from the territory.
    Removal,
    /// Transferred to another prison of the programme (set by a transfer only).
    Transfer,
    /// Transferred to a prison outside the programme.
    TransferOutOfProgramme,
    /// Died in detention.
    Deceased,
    /// Any other end (escape, ...).
    Other,
}

impl ReleaseKind {
    /// Every kind, in form order.
    pub const ALL: [ReleaseKind; 10] = [
        ReleaseKind::EndOfSentence,
        ReleaseKind::ConditionalRelease,
        ReleaseKind::ElectronicMonitoring,
        ReleaseKind::ProvisionalRelease,
        ReleaseKind::ReleasedByCourt,
        ReleaseKind::Removal,
        ReleaseKind::Transfer,
        ReleaseKind::TransferOutOfProgramme,
        ReleaseKind::Deceased,
        ReleaseKind::Other,
    ];

    /// The stable code, for storage, the API and Fluent keys (`release-kind-<code>`).
    pub fn code(self) -> &'static str {
        match self {
            ReleaseKind::EndOfSentence => "end_of_sentence",
            ReleaseKind::ConditionalRelease => "conditional_release",
            ReleaseKind::ElectronicMonitoring => "electronic_monitoring",
            ReleaseKind::ProvisionalRelease => "provisional_release",
            ReleaseKind::ReleasedByCourt => "released_by_court",
            ReleaseKind::Removal => "removal",
            ReleaseKind::Transfer => "transfer",
            ReleaseKind::TransferOutOfProgramme => "transfer_out",
            ReleaseKind::Deceased => "deceased",
            ReleaseKind::Other => "other",
        }
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<ReleaseKind> {
        ReleaseKind::ALL.into_iter().find(|k| k.code() == code.trim())
    }

    /// Whether a user records this kind as a release (a transfer within the
    /// programme is recorded as a transfer instead, and a transfer out of the
    /// programme with its handover document: `continuum_domain::handover`).
    pub fn is_recorded_as_release(self) -> bool {
        !matches!(self, ReleaseKind::Transfer | ReleaseKind::TransferOutOfProgramme)
    }
}

/// A change of an open episode: its legal status and expected release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EpisodeChange {
    /// The legal status.
    pub legal_status: LegalStatus,
    /// The expected release, when known.
    pub expected_release: Option<Date>,
}

/// The raw fields of an episode change, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EpisodeChangeFields<'a> {
    /// A [`LegalStatus`] code.
    pub legal_status: &'a str,
    /// Expected release, or empty.
    pub expected_release: &'a str,
}

impl EpisodeChange {
    /// Validates a change of an episode that began on `entry`.
    pub fn parse(fields: &EpisodeChangeFields<'_>, entry: Date) -> Result<EpisodeChange, Invalid> {
        let mut errors = Invalid::default();
        let legal_status = LegalStatus::parse(fields.legal_status);
        if legal_status.is_none() {
            let problem =
                if fields.legal_status.trim().is_empty() { Problem::Required } else { Problem::InvalidFormat };
            errors.push("legal_status", problem);
        }
        let expected_release = optional_date(&mut errors, "expected_release", fields.expected_release);
        if expected_release.is_some_and(|release| release < entry) {
            errors.push("expected_release", Problem::BeforeEntry);
        }
        match legal_status {
            Some(legal_status) if errors.0.is_empty() => Ok(EpisodeChange { legal_status, expected_release }),
            _ => Err(errors),
        }
    }
}

/// The day of a release or transfer: given, not before `entry`, not after `today`.
fn end_date(errors: &mut Invalid, field: &'static str, text: &str, entry: Date, today: Date) -> Option<Date> {
    let date = required_date(errors, field, text)?;
    if date < entry {
        errors.push(field, Problem::BeforeEntry);
    } else if date > today {
        errors.push(field, Problem::ImpossibleDate);
    }
    Some(date)
}

/// A release as typed: the day and how the person left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReleaseDraft {
    /// The day of release.
    pub date: Date,
    /// How.
    pub kind: ReleaseKind,
}

/// The raw fields of a release.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReleaseFields<'a> {
    /// Day of release.
    pub release_date: &'a str,
    /// A [`ReleaseKind`] code other than `transfer`.
    pub release_kind: &'a str,
}

impl ReleaseDraft {
    /// Validates the release of an episode that began on `entry`.
    pub fn parse(fields: &ReleaseFields<'_>, entry: Date, today: Date) -> Result<ReleaseDraft, Invalid> {
        let mut errors = Invalid::default();
        let date = end_date(&mut errors, "release_date", fields.release_date, entry, today);
        let kind = ReleaseKind::parse(fields.release_kind).filter(|k| k.is_recorded_as_release());
        if kind.is_none() {
            let problem =
                if fields.release_kind.trim().is_empty() { Problem::Required } else { Problem::InvalidFormat };
            errors.push("release_kind", problem);
        }
        match (date, kind) {
            (Some(date), Some(kind)) if errors.0.is_empty() => Ok(ReleaseDraft { date, kind }),
            _ => Err(errors),
        }
    }
}

/// A transfer as typed. The receiving prison is named by its code and
/// resolved by the application (which knows the sites).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferDraft {
    /// The receiving prison's code, trimmed and in capitals.
    pub site: String,
    /// The day of the transfer: the sending episode ends and the receiving one begins.
    pub date: Date,
    /// The prison number at the receiving prison; `None` keeps the current one.
    pub prison_number: Option<String>,
}

/// The raw fields of a transfer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TransferFields<'a> {
    /// The receiving prison's code.
    pub site: &'a str,
    /// Day of the transfer.
    pub transfer_date: &'a str,
    /// New prison number, or empty to keep the current one.
    pub prison_number: &'a str,
}

impl TransferDraft {
    /// Validates the transfer of an episode that began on `entry`.
    pub fn parse(fields: &TransferFields<'_>, entry: Date, today: Date) -> Result<TransferDraft, Invalid> {
        let mut errors = Invalid::default();
        let site = fields.site.trim().to_ascii_uppercase();
        if site.is_empty() {
            errors.push("site", Problem::Required);
        }
        let date = end_date(&mut errors, "transfer_date", fields.transfer_date, entry, today);
        let prison_number = (!fields.prison_number.trim().is_empty())
            .then(|| prison_number(&mut errors, "prison_number", fields.prison_number));
        match date {
            Some(date) if errors.0.is_empty() => Ok(TransferDraft { site, date, prison_number }),
            _ => Err(errors),
        }
    }
}

/// The pathway step a release of this kind calls for, given the pathway's
/// state and whether the person accepts follow-up after release (their
/// release plan's contact preference); `None` when the pathway stays as it
/// is (see the module's rules).
pub fn pathway_step_at_release(kind: ReleaseKind, state: State, follow_up_wanted: bool) -> Option<Command> {
    let (stage, declined) = match state {
        State::Active(stage) => (stage, false),
        State::Declined { returns_to } => (returns_to, true),
        State::Closed(_) => return None,
    };
    let care_contact = matches!(stage, Stage::Intake | Stage::InCare | Stage::ReleasePlanning);
    match kind {
        // Released people are no longer in prison; a transfer within the
        // programme moves the pathway through its own step.
        _ if stage == Stage::ReleasedInFollowUp => None,
        ReleaseKind::Transfer => None,
        ReleaseKind::TransferOutOfProgramme => Some(Command::Transfer { to: TransferDestination::OutOfProgramme }),
        ReleaseKind::Deceased => Some(Command::Close { reason: ClosingReason::Deceased }),
        _ => Some(Command::Release { with_follow_up: care_contact && !declined && follow_up_wanted }),
    }
}

#[cfg(test)]
mod tests;
