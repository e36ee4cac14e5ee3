//! Reminders (issue 7, item 6): what a steering member, chair, secretary or
//! coordinator is reminded of, in the application and by e-mail.
//!
//! Rules chosen here:
//! - A planned meeting of a group the user sits on is upcoming from today
//!   until `upcoming_days` ahead (both days included).
//! - The minutes of a held meeting wait for approval once a version is
//!   written and none is approved; every member of the group is reminded,
//!   as the group approves them at its next meeting.
//! - A pending action due from today until `due_soon_days` ahead is due
//!   soon, one due before today is overdue. Its owner is reminded of both;
//!   the chair of its group of every overdue action.
//! - A request for authorisation waiting for a decision is reminded to
//!   those who decide: the central group's members and the coordinators.
//! - A reminder names only groups, dates, action titles and counts: never
//!   anything clinical nor a person.

use jiff::civil::Date;

use super::action::{ActionStatus, is_overdue};
use super::health::days_between;
use super::meeting::MeetingStatus;

/// What a reminder is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReminderKind {
    /// A pending action past its due date.
    ActionOverdue,
    /// A pending action due soon.
    ActionDueSoon,
    /// A planned meeting soon.
    UpcomingMeeting,
    /// Minutes waiting for approval.
    MinutesToApprove,
    /// A request for authorisation waiting for a decision.
    AuthorisationWaiting,
}

impl ReminderKind {
    /// Every kind, in the order they are shown (the most pressing first).
    pub const ALL: [ReminderKind; 5] = [
        ReminderKind::ActionOverdue,
        ReminderKind::ActionDueSoon,
        ReminderKind::UpcomingMeeting,
        ReminderKind::MinutesToApprove,
        ReminderKind::AuthorisationWaiting,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            ReminderKind::ActionOverdue => "action_overdue",
            ReminderKind::ActionDueSoon => "action_due_soon",
            ReminderKind::UpcomingMeeting => "upcoming_meeting",
            ReminderKind::MinutesToApprove => "minutes_to_approve",
            ReminderKind::AuthorisationWaiting => "authorisation_waiting",
        }
    }
}

/// Whether a planned meeting on `day` is upcoming on `today`.
pub fn meeting_is_upcoming(day: Date, today: Date, upcoming_days: u32) -> bool {
    day >= today && days_between(today, day) <= i64::from(upcoming_days)
}

/// Whether a meeting's minutes wait for approval: it was held, a version
/// is written and none is approved.
pub fn minutes_await_approval(status: MeetingStatus, written_versions: i64, approved: bool) -> bool {
    status == MeetingStatus::Held && written_versions > 0 && !approved
}

/// The reminder an action calls for on `today`, if any.
pub fn action_reminder(status: ActionStatus, due: Date, today: Date, due_soon_days: u32) -> Option<ReminderKind> {
    if is_overdue(status, due, today) {
        Some(ReminderKind::ActionOverdue)
    } else if status.is_pending() && due >= today && days_between(today, due) <= i64::from(due_soon_days) {
        Some(ReminderKind::ActionDueSoon)
    } else {
        None
    }
}

/// Whether an action reminder of `kind` reaches a user: its owner always,
/// the chair of its group when it is overdue.
pub fn action_reaches(kind: ReminderKind, is_owner: bool, chairs_group: bool) -> bool {
    is_owner || (chairs_group && kind == ReminderKind::ActionOverdue)
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    const TODAY: Date = date(2026, 3, 10);

    fn days(n: i64) -> Date {
        TODAY.checked_add(jiff::Span::new().days(n)).expect("a day")
    }

    #[test]
    fn an_action_due_in_seven_days_is_due_soon_and_in_eight_is_not() {
        assert_eq!(action_reminder(ActionStatus::Open, days(7), TODAY, 7), Some(ReminderKind::ActionDueSoon));
        assert_eq!(action_reminder(ActionStatus::Open, days(8), TODAY, 7), None);
    }

    #[test]
    fn an_action_due_today_is_due_soon_not_overdue() {
        assert_eq!(action_reminder(ActionStatus::InProgress, TODAY, TODAY, 7), Some(ReminderKind::ActionDueSoon));
    }

    #[test]
    fn an_action_due_yesterday_is_overdue() {
        assert_eq!(action_reminder(ActionStatus::Open, days(-1), TODAY, 7), Some(ReminderKind::ActionOverdue));
    }

    #[test]
    fn a_done_or_dropped_action_is_never_reminded() {
        for status in [ActionStatus::Done, ActionStatus::Dropped] {
            assert_eq!(action_reminder(status, days(-3), TODAY, 7), None);
            assert_eq!(action_reminder(status, days(2), TODAY, 7), None);
        }
    }

    #[test]
    fn the_owner_is_reminded_of_due_and_overdue_actions_the_chair_of_overdue_ones_only() {
        assert!(action_reaches(ReminderKind::ActionDueSoon, true, false));
        assert!(action_reaches(ReminderKind::ActionOverdue, true, false));
        assert!(action_reaches(ReminderKind::ActionOverdue, false, true));
        assert!(!action_reaches(ReminderKind::ActionDueSoon, false, true));
        assert!(!action_reaches(ReminderKind::ActionOverdue, false, false));
    }

    #[test]
    fn a_meeting_is_upcoming_from_today_to_fourteen_days_ahead() {
        assert!(meeting_is_upcoming(TODAY, TODAY, 14));
        assert!(meeting_is_upcoming(days(14), TODAY, 14));
        assert!(!meeting_is_upcoming(days(15), TODAY, 14));
        assert!(!meeting_is_upcoming(days(-1), TODAY, 14));
    }

    #[test]
    fn minutes_wait_for_approval_once_written_until_approved() {
        assert!(minutes_await_approval(MeetingStatus::Held, 1, false));
        assert!(!minutes_await_approval(MeetingStatus::Held, 0, false), "nothing written yet");
        assert!(!minutes_await_approval(MeetingStatus::Held, 2, true));
        assert!(!minutes_await_approval(MeetingStatus::Planned, 1, false));
    }
}
