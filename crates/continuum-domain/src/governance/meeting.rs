//! Meetings: planned and held, their agenda, attendance and quorum, the
//! minutes and their approval, and the decisions taken.
//!
//! Rules chosen here:
//! - A meeting is planned for a moment still to come; a meeting that took
//!   place is recorded as held, never before it began. A planned meeting is
//!   recorded as held once it has begun, or cancelled.
//! - Times are typed as the Belgian clock shows them (the adapter passes
//!   the time zone) and kept as UTC instants.
//! - Attendance, minutes and decisions belong to held meetings only. Every
//!   member of the group on the day of the meeting is invited; each is
//!   present, excused or absent. The quorum counts those present against
//!   those invited.
//! - Minutes are written in versions, every version kept. They are
//!   approved at a later held meeting of the same group (the next one, as a
//!   rule); once approved they no longer change.
//! - Agenda items, minutes and decisions never identify a person.

use jiff::Timestamp;
use jiff::civil::{Date, Time};
use jiff::tz::TimeZone;

use super::governance_text;
use crate::person::parse_date;
use crate::validation::{self, Invalid, Problem};

/// The longest place, in characters.
pub const PLACE_MAX: usize = 200;
/// The longest video link, in characters.
pub const LINK_MAX: usize = 500;
/// The longest agenda item title, in characters.
pub const AGENDA_TITLE_MAX: usize = 200;
/// The most agenda items of a meeting.
pub const AGENDA_ITEMS_MAX: usize = 30;
/// The longest minutes, in characters.
pub const MINUTES_MAX: usize = 20_000;
/// The longest decision, in characters.
pub const DECISION_MAX: usize = 2_000;
/// The length of a meeting when none is given, in minutes.
pub const DEFAULT_DURATION_MINUTES: i64 = 120;

/// Where a meeting stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MeetingStatus {
    /// Still to come.
    Planned,
    /// It took place.
    Held,
    /// It will not take place.
    Cancelled,
}

impl MeetingStatus {
    /// Every status.
    pub const ALL: [MeetingStatus; 3] = [MeetingStatus::Planned, MeetingStatus::Held, MeetingStatus::Cancelled];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            MeetingStatus::Planned => "planned",
            MeetingStatus::Held => "held",
            MeetingStatus::Cancelled => "cancelled",
        }
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<MeetingStatus> {
        MeetingStatus::ALL.into_iter().find(|s| s.code() == code.trim())
    }
}

/// One item of an agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaItem {
    /// What is discussed, without identifying anyone.
    pub title: String,
}

/// A meeting as planned or recorded, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingDraft {
    /// When it begins.
    pub starts_at: Timestamp,
    /// How long it lasts, in minutes.
    pub duration_minutes: i64,
    /// Where (a room, an address), may be empty.
    pub place: String,
    /// A video link, may be empty.
    pub video_link: String,
    /// The agenda, in order.
    pub agenda: Vec<AgendaItem>,
    /// Planned (to come) or held (already took place).
    pub status: MeetingStatus,
}

/// The raw fields of a meeting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeetingFields<'a> {
    /// Day, `YYYY-MM-DD` (or `DD/MM/YYYY`).
    pub date: &'a str,
    /// Time on the Belgian clock, `HH:MM`.
    pub time: &'a str,
    /// Minutes (empty: two hours).
    pub duration_minutes: &'a str,
    /// Place.
    pub place: &'a str,
    /// Video link.
    pub video_link: &'a str,
    /// One agenda item a line; empty lines are left out.
    pub agenda: &'a str,
    /// Recorded as held (it took place) rather than planned.
    pub held: bool,
}

impl MeetingDraft {
    /// Validates a meeting typed in `zone` at `now`.
    pub fn parse(fields: &MeetingFields<'_>, zone: &TimeZone, now: Timestamp) -> Result<MeetingDraft, Invalid> {
        let mut errors = Invalid::default();
        let date = match fields.date.trim() {
            "" => {
                errors.push("date", Problem::Required);
                None
            }
            text => {
                let date = parse_date(text);
                if date.is_none() {
                    errors.push("date", Problem::InvalidFormat);
                }
                date
            }
        };
        let time = match fields.time.trim() {
            "" => {
                errors.push("time", Problem::Required);
                None
            }
            text => {
                let time = parse_time(text);
                if time.is_none() {
                    errors.push("time", Problem::InvalidFormat);
                }
                time
            }
        };
        let starts_at = match (date, time) {
            (Some(date), Some(time)) => date.to_datetime(time).to_zoned(zone.clone()).ok().map(|z| z.timestamp()),
            _ => None,
        };
        let status = if fields.held { MeetingStatus::Held } else { MeetingStatus::Planned };
        if let Some(at) = starts_at {
            match status {
                MeetingStatus::Planned if at <= now => errors.push("date", Problem::MeetingInPast),
                MeetingStatus::Held if at > now => errors.push("date", Problem::MeetingInFuture),
                _ => {}
            }
        }
        let duration_minutes = super::number_in_range(
            &mut errors,
            "duration_minutes",
            fields.duration_minutes,
            15,
            600,
            DEFAULT_DURATION_MINUTES,
        );
        let place = validation::text(&mut errors, "place", fields.place, 0, PLACE_MAX);
        let video_link = validation::text(&mut errors, "video_link", fields.video_link, 0, LINK_MAX);
        if !video_link.is_empty() && !is_web_link(&video_link) {
            errors.push("video_link", Problem::InvalidFormat);
        }
        let agenda = parse_agenda(&mut errors, fields.agenda);
        errors.into_result(|| MeetingDraft {
            starts_at: starts_at.unwrap_or(now),
            duration_minutes,
            place,
            video_link,
            agenda,
            status,
        })
    }
}

/// `HH:MM` (or `HH.MM`, `HHhMM`) on a 24-hour clock.
pub fn parse_time(text: &str) -> Option<Time> {
    let (hour, minute) = text.trim().split_once([':', '.', 'h', 'u'])?;
    let (hour, minute) = (hour.trim().parse::<i8>().ok()?, minute.trim().parse::<i8>().ok()?);
    Time::new(hour, minute, 0, 0).ok()
}

/// An `https://` (or `http://`) address without spaces.
fn is_web_link(text: &str) -> bool {
    let rest = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|rest| !rest.is_empty() && !rest.contains(char::is_whitespace))
}

fn parse_agenda(errors: &mut Invalid, text: &str) -> Vec<AgendaItem> {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    if lines.len() > AGENDA_ITEMS_MAX {
        errors.push("agenda", Problem::OutOfRange { min: 0, max: AGENDA_ITEMS_MAX as i64 });
        return Vec::new();
    }
    let mut items = Vec::new();
    for line in lines {
        let before = errors.0.len();
        let title = governance_text(errors, "agenda", line, 1, AGENDA_TITLE_MAX);
        if errors.0.len() > before {
            return Vec::new();
        }
        items.push(AgendaItem { title });
    }
    items
}

/// Checks that a planned meeting may now be recorded as held: it has begun.
/// (That only a planned meeting is recorded as held, or cancelled, is the
/// application's check: a conflict with its state, not bad input.)
pub fn check_may_hold(starts_at: Timestamp, now: Timestamp) -> Result<(), Problem> {
    if starts_at <= now { Ok(()) } else { Err(Problem::MeetingInFuture) }
}

/// Whether a member came.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Attendance {
    /// Present.
    Present,
    /// Excused (sent apologies).
    Excused,
    /// Absent without apologies.
    Absent,
}

impl Attendance {
    /// Every value, in form order.
    pub const ALL: [Attendance; 3] = [Attendance::Present, Attendance::Excused, Attendance::Absent];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Attendance::Present => "present",
            Attendance::Excused => "excused",
            Attendance::Absent => "absent",
        }
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<Attendance> {
        Attendance::ALL.into_iter().find(|a| a.code() == code.trim())
    }
}

/// Checks minutes as written: required, within the length, and naming
/// nobody. Only a held meeting has minutes (that approved minutes no
/// longer change is the application's check: a conflict, not bad input).
pub fn parse_minutes(status: MeetingStatus, text: &str) -> Result<String, Invalid> {
    let mut errors = Invalid::default();
    if status != MeetingStatus::Held {
        errors.push("minutes", Problem::MeetingNotHeld);
        return Err(errors);
    }
    let text = governance_text(&mut errors, "minutes", text, 1, MINUTES_MAX);
    errors.into_result(|| text)
}

/// What the approval of minutes looks at in a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MeetingFacts {
    /// Its group's id.
    pub group_id: i64,
    /// Its status.
    pub status: MeetingStatus,
    /// When it began.
    pub starts_at: Timestamp,
}

/// Checks that the minutes of `minutes_of` may be approved at `at`: the
/// meeting was held and has minutes, and `at` is a later held meeting of
/// the same group. The error names the field at fault.
pub fn check_approval(
    minutes_of: MeetingFacts,
    has_minutes: bool,
    at: MeetingFacts,
) -> Result<(), (&'static str, Problem)> {
    if minutes_of.status != MeetingStatus::Held {
        return Err(("minutes", Problem::MeetingNotHeld));
    }
    if !has_minutes {
        return Err(("minutes", Problem::Required));
    }
    if at.group_id != minutes_of.group_id || at.starts_at <= minutes_of.starts_at {
        return Err(("approved_at", Problem::ApprovalNotLater));
    }
    if at.status != MeetingStatus::Held {
        return Err(("approved_at", Problem::MeetingNotHeld));
    }
    Ok(())
}

/// A decision as recorded in the minutes, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionDraft {
    /// What was decided, without identifying anyone.
    pub text: String,
    /// The agenda item it was taken under (its position from 1), if any.
    pub agenda_item: Option<i64>,
}

/// Validates a decision of a meeting with `status` and `agenda_items` items.
pub fn parse_decision(
    status: MeetingStatus,
    agenda_items: usize,
    text: &str,
    agenda_item: &str,
) -> Result<DecisionDraft, Invalid> {
    let mut errors = Invalid::default();
    if status != MeetingStatus::Held {
        errors.push("text", Problem::MeetingNotHeld);
        return Err(errors);
    }
    let text = governance_text(&mut errors, "text", text, 2, DECISION_MAX);
    let agenda_item = match agenda_item.trim() {
        "" => None,
        raw => {
            let max = agenda_items as i64;
            match raw.parse::<i64>() {
                Ok(n) if (1..=max).contains(&n) => Some(n),
                _ => {
                    errors.push("agenda_item", Problem::OutOfRange { min: 1, max: max.max(1) });
                    None
                }
            }
        }
    };
    errors.into_result(|| DecisionDraft { text, agenda_item })
}

/// The rule of the Belgian clock (Central European Time, summer time from
/// the last Sunday of March to the last Sunday of October), as a POSIX
/// time-zone string: no time-zone database is read, so the domain stays
/// free of I/O.
pub const BELGIAN_TIME_RULE: &str = "CET-1CEST,M3.5.0,M10.5.0/3";

/// The Belgian clock.
pub fn belgian_time() -> TimeZone {
    TimeZone::posix(BELGIAN_TIME_RULE).unwrap_or(TimeZone::UTC)
}

/// The day of an instant on the Belgian clock of `zone`.
pub fn day_of(at: Timestamp, zone: &TimeZone) -> Date {
    at.to_zoned(zone.clone()).date()
}
