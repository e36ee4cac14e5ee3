//! The follow-up after release: the contacts at 7 and 30 days, and how a
//! follow-up closes (see the rules in [`super`]).

use jiff::civil::Date;

use super::add_days;
use crate::pathway::{ClosingReason, Command, Stage, State};
use crate::person::required_date;
use crate::validation::{Invalid, Problem};

/// The days after release at which a follow-up contact is due.
pub const FOLLOW_UP_DAYS: [i64; 2] = [7, 30];

/// The longest note of a follow-up contact, in characters.
pub const NOTE_MAX_CHARS: usize = 500;

coded!(
    /// Whether the person reached the outside service.
    Attendance, "follow-up-attendance", {
        /// They attended the appointment.
        Attended => "attended",
        /// They did not.
        NotAttended => "not_attended",
        /// Nobody could tell.
        Unknown => "unknown",
    }
);

coded!(
    /// How the team learnt it.
    ContactMeans, "follow-up-means", {
        /// The person, by telephone.
        PersonByPhone => "person_phone",
        /// The outside service, by telephone.
        ServiceByPhone => "service_phone",
        /// Meeting the person.
        InPerson => "in_person",
        /// A written report of the outside service.
        ServiceReport => "service_report",
        /// Any other way.
        Other => "other",
    }
);

/// The day a follow-up contact is due: `days` after the release.
pub fn due_date(release: Date, days: i64) -> Date {
    add_days(release, days)
}

/// A follow-up contact as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FollowUpFields<'a> {
    /// Which contact: `7` or `30` (days after release).
    pub due_days: &'a str,
    /// The day of the contact.
    pub contact_date: &'a str,
    /// An [`Attendance`] code.
    pub attendance: &'a str,
    /// A [`ContactMeans`] code.
    pub means: &'a str,
    /// A note, or empty.
    pub note: &'a str,
}

/// A valid follow-up contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUpDraft {
    /// Which contact (one of [`FOLLOW_UP_DAYS`]).
    pub due_days: i64,
    /// The day of the contact.
    pub contact_date: Date,
    /// Whether the person reached the outside service.
    pub attendance: Attendance,
    /// How the team learnt it.
    pub means: ContactMeans,
    /// A note, trimmed; `None` when blank.
    pub note: Option<String>,
}

impl FollowUpDraft {
    /// Validates a contact about a person released on `release`.
    pub fn parse(fields: &FollowUpFields<'_>, release: Date, today: Date) -> Result<FollowUpDraft, Invalid> {
        let mut errors = Invalid::default();
        let due_days = match fields.due_days.trim() {
            "" => {
                errors.push("due_days", Problem::Required);
                None
            }
            raw => {
                let days = raw.parse::<i64>().ok().filter(|d| FOLLOW_UP_DAYS.contains(d));
                if days.is_none() {
                    errors.push("due_days", Problem::InvalidFormat);
                }
                days
            }
        };
        let contact_date = required_date(&mut errors, "contact_date", fields.contact_date);
        if contact_date.is_some_and(|day| day < release) {
            errors.push("contact_date", Problem::BeforeRelease);
        } else if contact_date.is_some_and(|day| day > today) {
            errors.push("contact_date", Problem::ImpossibleDate);
        }
        let attendance = required_code(&mut errors, "attendance", fields.attendance, Attendance::from_code);
        let means = required_code(&mut errors, "means", fields.means, ContactMeans::from_code);
        let note = fields.note.trim();
        if note.chars().count() > NOTE_MAX_CHARS {
            errors.push("note", Problem::TooLong { max: NOTE_MAX_CHARS });
        }
        match (due_days, contact_date, attendance, means) {
            (Some(due_days), Some(contact_date), Some(attendance), Some(means)) if errors.0.is_empty() => {
                Ok(FollowUpDraft {
                    due_days,
                    contact_date,
                    attendance,
                    means,
                    note: (!note.is_empty()).then(|| note.to_owned()),
                })
            }
            _ => Err(errors),
        }
    }
}

fn required_code<T>(errors: &mut Invalid, field: &'static str, raw: &str, parse: fn(&str) -> Option<T>) -> Option<T> {
    if raw.trim().is_empty() {
        errors.push(field, Problem::Required);
        return None;
    }
    let value = parse(raw);
    if value.is_none() {
        errors.push(field, Problem::InvalidFormat);
    }
    value
}

/// Why a follow-up cannot close as asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClosingRefusal {
    /// The pathway is not in follow-up after release.
    NotInFollowUp,
    /// Completed needs both follow-up contacts recorded.
    FollowUpsOutstanding,
    /// A reason that follows from another step (a transfer, a release).
    NotAChoice,
}

impl ClosingRefusal {
    /// Every refusal.
    pub const ALL: [ClosingRefusal; 3] =
        [ClosingRefusal::NotInFollowUp, ClosingRefusal::FollowUpsOutstanding, ClosingRefusal::NotAChoice];

    /// The Fluent message id that explains it.
    pub fn message_id(self) -> &'static str {
        match self {
            ClosingRefusal::NotInFollowUp => "follow-up-refused-not-in-follow-up",
            ClosingRefusal::FollowUpsOutstanding => "follow-up-refused-outstanding",
            ClosingRefusal::NotAChoice => "follow-up-refused-not-a-choice",
        }
    }
}

/// The closing reasons a team chooses at the end of a follow-up.
pub const CLOSING_CHOICES: [ClosingReason; 4] =
    [ClosingReason::Completed, ClosingReason::LostToFollowUp, ClosingReason::Declined, ClosingReason::Deceased];

/// The pathway steps that close a follow-up in `state` for `reason`, given
/// whether every follow-up contact is recorded. The machine still checks
/// each step (a person who declined must come back before completing).
pub fn closing_steps(
    state: State,
    reason: ClosingReason,
    contacts_recorded: bool,
) -> Result<Vec<Command>, ClosingRefusal> {
    let declined = match state {
        State::Active(Stage::ReleasedInFollowUp) => false,
        State::Declined { returns_to: Stage::ReleasedInFollowUp } => true,
        _ => return Err(ClosingRefusal::NotInFollowUp),
    };
    match reason {
        ClosingReason::Completed if !contacts_recorded => Err(ClosingRefusal::FollowUpsOutstanding),
        ClosingReason::Completed => Ok(vec![Command::CompleteFollowUp]),
        ClosingReason::Declined if declined => Ok(vec![Command::Close { reason }]),
        ClosingReason::Declined => Ok(vec![Command::Decline, Command::Close { reason }]),
        ClosingReason::LostToFollowUp | ClosingReason::Deceased => Ok(vec![Command::Close { reason }]),
        ClosingReason::TransferredOutOfProgramme | ClosingReason::ReleasedWithoutFollowUp => {
            Err(ClosingRefusal::NotAChoice)
        }
    }
}
