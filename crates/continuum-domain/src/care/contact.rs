//! Contacts: an individual contact with one person, or a group session
//! recorded once for all its participants, each with a progress note.
//!
//! Rules chosen here:
//! - A contact has a day (within the current detention, not after today),
//!   a duration in minutes (1 to [`MAX_MINUTES`]), a kind, the staff who
//!   took part, and whether the person came. The progress note is required
//!   for an individual contact the person attended (that is what the
//!   contact is for) and optional otherwise (a missed appointment, a
//!   participant of a group session who needs no note of their own).
//! - A group session names its participants by prison number (one per
//!   line, each at most once, at most [`MAX_ROWS`]); each participant is
//!   then recorded as attended or not, with a note of their own. The
//!   session's topic is about the session, never about one participant: it
//!   is shown to whoever may read any of them.
//! - Notes are clinical data: who may not read a person's clinical data
//!   never sees them, and they are never exported for research.

use jiff::civil::Date;

use super::{MAX_ROWS, choice, coded, past_date, row_fields};
use crate::validation::{Invalid, Problem, text};

/// The longest contact, in minutes (a whole working day).
pub const MAX_MINUTES: i64 = 600;
/// The longest progress note, in characters.
pub const NOTE_MAX_CHARS: usize = 4000;
/// The longest list of staff, in characters.
pub const STAFF_MAX_CHARS: usize = 200;
/// The longest topic of a group session, in characters.
pub const TOPIC_MAX_CHARS: usize = 300;

coded!(
    /// What a contact was for.
    ContactKind, "contact-kind", {
        /// Counselling.
        Counselling => "counselling",
        /// Assessment.
        Assessment => "assessment",
        /// Group work.
        GroupWork => "group_work",
        /// Opioid agonist treatment.
        Oat => "oat",
        /// Harm reduction.
        HarmReduction => "harm_reduction",
        /// Preparation for release.
        ReleasePreparation => "release_preparation",
        /// Referral to another service.
        Referral => "referral",
        /// A crisis.
        Crisis => "crisis",
        /// Anything else.
        Other => "other",
    }
);

coded!(
    /// Whether the person came.
    Attendance, "contact-attendance", {
        /// The person took part.
        Attended => "attended",
        /// The person did not come, or refused.
        DidNotAttend => "did_not_attend",
    }
);

/// The fields a contact and a group session share, as typed.
#[derive(Debug, Clone, Default)]
pub struct ContactFields<'a> {
    /// The day.
    pub held_on: &'a str,
    /// Minutes.
    pub duration_minutes: &'a str,
    /// A [`ContactKind`] code.
    pub kind: &'a str,
    /// The staff who took part.
    pub staff: &'a str,
    /// An [`Attendance`] code (individual contacts).
    pub attendance: &'a str,
    /// The progress note (individual contacts), or the topic (group sessions).
    pub note: &'a str,
}

/// What a contact is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContactContext {
    /// Today, by the register's date.
    pub today: Date,
    /// The entry date of the person's current detention episode (for a
    /// group session: checked per participant by the caller).
    pub entry_date: Option<Date>,
}

/// A valid individual contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactDraft {
    /// The day.
    pub held_on: Date,
    /// Minutes.
    pub duration_minutes: i64,
    /// The kind.
    pub kind: ContactKind,
    /// The staff who took part.
    pub staff: String,
    /// Whether the person came.
    pub attendance: Attendance,
    /// The progress note.
    pub note: String,
}

impl ContactDraft {
    /// Checks an individual contact; answers every invalid field at once.
    pub fn parse(fields: &ContactFields<'_>, context: ContactContext) -> Result<ContactDraft, Invalid> {
        let mut e = Invalid::default();
        let common = common(&mut e, fields, context);
        let attendance = choice(&mut e, "attendance", fields.attendance, Attendance::from_code);
        let required = usize::from(attendance == Some(Attendance::Attended));
        let note = text(&mut e, "note", fields.note, required, NOTE_MAX_CHARS);
        let (Some((held_on, duration_minutes, kind, staff)), Some(attendance)) = (common, attendance) else {
            return Err(e);
        };
        e.into_result(|| ContactDraft { held_on, duration_minutes, kind, staff, attendance, note })
    }
}

/// One participant of a group session as typed.
#[derive(Debug, Clone, Default)]
pub struct ParticipantFields<'a> {
    /// The prison number at the session's prison.
    pub prison_number: &'a str,
    /// An [`Attendance`] code.
    pub attendance: &'a str,
    /// The participant's own note.
    pub note: &'a str,
}

/// A valid participant: the person is looked up by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParticipantDraft {
    /// The prison number, trimmed.
    pub prison_number: String,
    /// Whether they came.
    pub attendance: Attendance,
    /// Their note.
    pub note: String,
}

/// A valid group session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupSessionDraft {
    /// The day.
    pub held_on: Date,
    /// Minutes.
    pub duration_minutes: i64,
    /// The kind.
    pub kind: ContactKind,
    /// The staff who led it.
    pub staff: String,
    /// What the session was about.
    pub topic: String,
    /// The participants, in the order given.
    pub participants: Vec<ParticipantDraft>,
}

row_fields!(PARTICIPANT_NUMBER, "participant_number");
row_fields!(PARTICIPANT_ATTENDANCE, "participant_attendance");
row_fields!(PARTICIPANT_NOTE, "participant_note");

/// The field that names participant `index`'s prison number in errors.
pub fn participant_field(index: usize) -> &'static str {
    PARTICIPANT_NUMBER.get(index).copied().unwrap_or("participants")
}

impl GroupSessionDraft {
    /// Checks a group session; answers every invalid field at once. The
    /// date is checked against today only: each participant's detention is
    /// the caller's to check.
    pub fn parse(
        fields: &ContactFields<'_>,
        participants: &[ParticipantFields<'_>],
        today: Date,
    ) -> Result<GroupSessionDraft, Invalid> {
        let mut e = Invalid::default();
        let common = common(&mut e, fields, ContactContext { today, entry_date: None });
        let topic = text(&mut e, "note", fields.note, 1, TOPIC_MAX_CHARS);
        let mut drafts: Vec<ParticipantDraft> = Vec::new();
        if participants.is_empty() {
            e.push("participants", Problem::Required);
        } else if participants.len() > MAX_ROWS {
            e.push("participants", Problem::TooMany { max: MAX_ROWS });
        } else {
            for (i, row) in participants.iter().enumerate() {
                let number = crate::person::prison_number(&mut e, PARTICIPANT_NUMBER[i], row.prison_number);
                if drafts.iter().any(|d| d.prison_number.eq_ignore_ascii_case(&number)) {
                    e.push(PARTICIPANT_NUMBER[i], Problem::Duplicate);
                }
                let attendance = choice(&mut e, PARTICIPANT_ATTENDANCE[i], row.attendance, Attendance::from_code);
                let note = text(&mut e, PARTICIPANT_NOTE[i], row.note, 0, NOTE_MAX_CHARS);
                drafts.push(ParticipantDraft {
                    prison_number: number,
                    attendance: attendance.unwrap_or(Attendance::Attended),
                    note,
                });
            }
        }
        let Some((held_on, duration_minutes, kind, staff)) = common else {
            return Err(e);
        };
        e.into_result(|| GroupSessionDraft { held_on, duration_minutes, kind, staff, topic, participants: drafts })
    }
}

/// The prison numbers of a list typed one per line (or separated by
/// commas or spaces), in order, without repeats.
pub fn prison_numbers(list: &str) -> Vec<String> {
    let mut numbers: Vec<String> = Vec::new();
    for number in list.split(|c: char| c == ',' || c == ';' || c.is_whitespace()).filter(|n| !n.is_empty()) {
        if !numbers.iter().any(|n| n.eq_ignore_ascii_case(number)) {
            numbers.push(number.to_owned());
        }
    }
    numbers
}

fn common(
    e: &mut Invalid,
    fields: &ContactFields<'_>,
    context: ContactContext,
) -> Option<(Date, i64, ContactKind, String)> {
    let held_on = past_date(e, "held_on", fields.held_on, context.entry_date, context.today);
    let raw = fields.duration_minutes.trim();
    let duration = if raw.is_empty() {
        e.push("duration_minutes", Problem::Required);
        None
    } else {
        super::optional_number(e, "duration_minutes", raw, 1, MAX_MINUTES)
    };
    let kind = choice(e, "kind", fields.kind, ContactKind::from_code);
    let staff = text(e, "staff", fields.staff, 1, STAFF_MAX_CHARS);
    Some((held_on?, duration?, kind?, staff))
}

/// Every message id of the contacts' coded values.
pub fn message_ids() -> Vec<&'static str> {
    let mut ids = ContactKind::message_ids();
    ids.extend(Attendance::message_ids());
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: Date = Date::constant(2026, 11, 20);

    fn context() -> ContactContext {
        ContactContext { today: TODAY, entry_date: Some(Date::constant(2026, 11, 2)) }
    }

    fn fields() -> ContactFields<'static> {
        ContactFields {
            held_on: "2026-11-18",
            duration_minutes: "45",
            kind: "counselling",
            staff: "A. Peeters",
            attendance: "attended",
            note: "Talked about cravings at night.",
        }
    }

    #[test]
    fn an_individual_contact_is_read() {
        let draft = ContactDraft::parse(&fields(), context()).expect("valid");
        assert_eq!(draft.held_on, Date::constant(2026, 11, 18));
        assert_eq!((draft.duration_minutes, draft.kind), (45, ContactKind::Counselling));
        assert_eq!(draft.attendance, Attendance::Attended);
    }

    #[test]
    fn an_attended_contact_needs_its_progress_note_and_a_missed_one_does_not() {
        let silent = ContactFields { note: " ", ..fields() };
        let invalid = ContactDraft::parse(&silent, context()).expect_err("refused");
        assert_eq!(invalid.for_field("note"), Some(&Problem::Required));
        let missed = ContactFields { attendance: "did_not_attend", ..silent };
        assert_eq!(ContactDraft::parse(&missed, context()).expect("valid").note, "");
    }

    #[test]
    fn the_duration_is_one_minute_to_a_working_day() {
        for (raw, problem) in [
            ("", Problem::Required),
            ("0", Problem::OutOfRange { min: 1, max: MAX_MINUTES }),
            ("601", Problem::OutOfRange { min: 1, max: MAX_MINUTES }),
            ("an hour", Problem::InvalidFormat),
        ] {
            let invalid = ContactDraft::parse(&ContactFields { duration_minutes: raw, ..fields() }, context())
                .expect_err("refused");
            assert_eq!(invalid.for_field("duration_minutes"), Some(&problem), "{raw:?}");
        }
    }

    #[test]
    fn a_contact_lies_within_the_detention() {
        let early = ContactFields { held_on: "2026-11-01", ..fields() };
        let invalid = ContactDraft::parse(&early, context()).expect_err("refused");
        assert_eq!(invalid.for_field("held_on"), Some(&Problem::BeforeEntry));
    }

    #[test]
    fn a_group_session_checks_each_participant_by_row() {
        let session = ContactFields { kind: "group_work", note: "Relapse prevention, session 3", ..fields() };
        let rows = [
            ParticipantFields { prison_number: "H-1", attendance: "attended", note: "Active" },
            ParticipantFields { prison_number: "h-1", attendance: "attended", note: "" },
            ParticipantFields { prison_number: "H 2", attendance: "", note: "" },
        ];
        let invalid = GroupSessionDraft::parse(&session, &rows, TODAY).expect_err("refused");
        assert_eq!(invalid.for_field("participant_number_1"), Some(&Problem::Duplicate));
        assert_eq!(invalid.for_field("participant_number_2"), Some(&Problem::InvalidFormat));
        assert_eq!(invalid.for_field("participant_attendance_2"), Some(&Problem::Required));
        let draft = GroupSessionDraft::parse(&session, &rows[..1], TODAY).expect("valid");
        assert_eq!(draft.topic, "Relapse prevention, session 3");
        assert_eq!(draft.participants[0].note, "Active");
    }

    #[test]
    fn a_group_session_has_participants_and_a_topic() {
        let session = ContactFields { note: "", ..fields() };
        let invalid = GroupSessionDraft::parse(&session, &[], TODAY).expect_err("refused");
        assert_eq!(invalid.for_field("participants"), Some(&Problem::Required));
        assert_eq!(invalid.for_field("note"), Some(&Problem::Required));
    }

    #[test]
    fn prison_numbers_are_read_one_per_line_without_repeats() {
        assert_eq!(prison_numbers("H-1\r\n h-2, H-3\n\nH-1\n"), vec!["H-1", "h-2", "H-3"]);
    }
}
