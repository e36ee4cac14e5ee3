//! The traffic light of a group: dormant, needs attention, or on track,
//! always with the words that say why (never colour alone).
//!
//! Rules (the thresholds are the group's, [`Thresholds`]):
//! - **Dormant** (red): no held meeting for longer than the dormancy
//!   threshold, counted from the last held meeting, or from the group's
//!   creation if it never met. Only a held meeting lifts it: a planned
//!   meeting does not.
//! - **Needs attention** (amber), when not dormant: fewer meetings held in
//!   the last 365 days than the target asks (prorated over a group's first
//!   year, which begins at its creation or at an earlier meeting recorded
//!   afterwards), no chair, minutes not approved (of a held meeting followed by
//!   another, where they should have been approved), overdue actions, or
//!   a request for authorisation that has waited longer than the wait limit.
//! - **On track** (green) otherwise.

use jiff::civil::Date;

use super::group::Thresholds;

/// The colour of the light, with its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Light {
    /// Red: the group has stopped meeting.
    Dormant,
    /// Amber: something needs attention.
    Attention,
    /// Green: on track.
    OnTrack,
}

impl Light {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Light::Dormant => "dormant",
            Light::Attention => "attention",
            Light::OnTrack => "on_track",
        }
    }

    /// Every light, the most severe first.
    pub const ALL: [Light; 3] = [Light::Dormant, Light::Attention, Light::OnTrack];
}

/// One reason for the light.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Concern {
    /// No meeting for longer than the threshold.
    Dormant,
    /// Fewer meetings in the last year than the target.
    FewMeetings,
    /// No current chair.
    NoChair,
    /// Minutes that should have been approved are not.
    MinutesNotApproved,
    /// Actions past their due date.
    OverdueActions,
    /// A request for authorisation waiting longer than the limit.
    LongWait,
}

impl Concern {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Concern::Dormant => "dormant",
            Concern::FewMeetings => "few_meetings",
            Concern::NoChair => "no_chair",
            Concern::MinutesNotApproved => "minutes_not_approved",
            Concern::OverdueActions => "overdue_actions",
            Concern::LongWait => "long_wait",
        }
    }

    /// Every concern.
    pub const ALL: [Concern; 6] = [
        Concern::Dormant,
        Concern::FewMeetings,
        Concern::NoChair,
        Concern::MinutesNotApproved,
        Concern::OverdueActions,
        Concern::LongWait,
    ];
}

/// What the light is computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupFacts<'a> {
    /// The day the group was created.
    pub since: Date,
    /// The days of its held meetings, in any order.
    pub held: &'a [Date],
    /// Whether it has a chair today.
    pub has_chair: bool,
    /// Held meetings whose minutes should have been approved and are not.
    pub unapproved_minutes: usize,
    /// Its overdue actions.
    pub overdue_actions: usize,
    /// The submission days of the requests for authorisation waiting on it
    /// (the ones it submitted; for the central group, all waiting).
    pub waiting_since: &'a [Date],
}

/// The light of a group and the figures behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Health {
    /// The light.
    pub light: Light,
    /// The day of its last held meeting.
    pub last_meeting: Option<Date>,
    /// Days since then (or since its creation, if it never met).
    pub days_without_meeting: i64,
    /// Meetings held in the last 365 days.
    pub meetings_last_year: usize,
    /// Meetings the target asks for in that period.
    pub expected_last_year: usize,
    /// Requests waiting.
    pub waiting: usize,
    /// The longest wait, in days.
    pub longest_wait_days: Option<i64>,
    /// Why the light is not green.
    pub concerns: Vec<Concern>,
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days_between(from: Date, to: Date) -> i64 {
    to.since(from).map(|span| i64::from(span.get_days())).unwrap_or(0)
}

/// Whether a group whose last held meeting was on `last` (or, never met,
/// that was created on `since`) is dormant on `today`.
pub fn is_dormant(last: Option<Date>, since: Date, thresholds: Thresholds, today: Date) -> bool {
    days_between(last.unwrap_or(since), today) > i64::from(thresholds.dormant_after_days)
}

/// The meetings the target asks for in the 365 days before `today`,
/// prorated for a group created less than a year ago.
pub fn expected_meetings(since: Date, thresholds: Thresholds, today: Date) -> usize {
    let covered = days_between(since, today).clamp(0, 365);
    usize::try_from(i64::from(thresholds.target_per_year) * covered / 365).unwrap_or(0)
}

/// How many held meetings lack approved minutes although a later meeting
/// was held (where they should have been approved). `meetings` are (day,
/// minutes approved) of held meetings, in any order.
pub fn unapproved_minutes(meetings: &[(jiff::Timestamp, bool)]) -> usize {
    let latest = meetings.iter().map(|(at, _)| *at).max();
    meetings.iter().filter(|(at, approved)| !approved && Some(*at) != latest).count()
}

/// The light of a group on `today`; a request waiting longer than
/// `wait_limit_days` needs attention.
pub fn assess(facts: &GroupFacts<'_>, thresholds: Thresholds, wait_limit_days: u32, today: Date) -> Health {
    let last_meeting = facts.held.iter().copied().filter(|d| *d <= today).max();
    let days_without_meeting = days_between(last_meeting.unwrap_or(facts.since), today).max(0);
    let meetings_last_year = facts.held.iter().filter(|d| **d <= today && days_between(**d, today) < 365).count();
    // A group entered in Continuum after it began meeting existed since
    // its first recorded meeting.
    let began = facts.held.iter().copied().min().map_or(facts.since, |first| first.min(facts.since));
    let expected_last_year = expected_meetings(began, thresholds, today);
    let longest_wait_days = facts.waiting_since.iter().map(|d| days_between(*d, today).max(0)).max();
    let mut concerns = Vec::new();
    let dormant = is_dormant(last_meeting, facts.since, thresholds, today);
    if dormant {
        concerns.push(Concern::Dormant);
    } else if meetings_last_year < expected_last_year {
        concerns.push(Concern::FewMeetings);
    }
    if !facts.has_chair {
        concerns.push(Concern::NoChair);
    }
    if facts.unapproved_minutes > 0 {
        concerns.push(Concern::MinutesNotApproved);
    }
    if facts.overdue_actions > 0 {
        concerns.push(Concern::OverdueActions);
    }
    if longest_wait_days.is_some_and(|days| days > i64::from(wait_limit_days)) {
        concerns.push(Concern::LongWait);
    }
    let light = if dormant {
        Light::Dormant
    } else if concerns.is_empty() {
        Light::OnTrack
    } else {
        Light::Attention
    };
    Health {
        light,
        last_meeting,
        days_without_meeting,
        meetings_last_year,
        expected_last_year,
        waiting: facts.waiting_since.len(),
        longest_wait_days,
        concerns,
    }
}
