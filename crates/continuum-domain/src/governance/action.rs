//! Action items: what a group asked one of its members to do, by when.
//!
//! Rules chosen here:
//! - Every action has an owner, a member of the group on the day it is
//!   given, and a due date.
//! - An action is open, in progress, done or dropped. It is carried from
//!   meeting to meeting until it is done or dropped; those two are final.
//! - An action is overdue when it is still open or in progress after its
//!   due date. It is then on the worklist of its owner and of the group's
//!   chair.

use jiff::civil::Date;

use super::governance_text;
use crate::person::required_date;
use crate::validation::{Invalid, Problem};

/// The longest action, in characters.
pub const TITLE_MAX: usize = 300;

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActionStatus {
    /// Not begun.
    Open,
    /// Under way.
    InProgress,
    /// Done.
    Done,
    /// Given up (no longer needed).
    Dropped,
}

impl ActionStatus {
    /// Every status, in form order.
    pub const ALL: [ActionStatus; 4] =
        [ActionStatus::Open, ActionStatus::InProgress, ActionStatus::Done, ActionStatus::Dropped];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<ActionStatus> {
        ActionStatus::ALL.into_iter().find(|s| s.code() == code.trim())
    }

    /// Whether the action still has to be done (and is carried to the next meeting).
    pub fn is_pending(self) -> bool {
        matches!(self, ActionStatus::Open | ActionStatus::InProgress)
    }
}

/// Whether an action with `status` due on `due` is overdue on `today`.
pub fn is_overdue(status: ActionStatus, due: Date, today: Date) -> bool {
    status.is_pending() && due < today
}

/// Whether an action may go from `from` to `to`: a pending action may take
/// any other status; done and dropped are final.
pub fn may_change(from: ActionStatus, to: ActionStatus) -> bool {
    from.is_pending() && from != to
}

/// An action as given, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionDraft {
    /// What is to be done, without identifying anyone.
    pub title: String,
    /// The member who owns it.
    pub owner: i64,
    /// By when.
    pub due: Date,
}

/// The raw fields of an action.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionFields<'a> {
    /// What is to be done.
    pub title: &'a str,
    /// The owner's membership id.
    pub owner: &'a str,
    /// Due date.
    pub due: &'a str,
}

impl ActionDraft {
    /// Validates an action; `is_member` tells whether a membership id is a
    /// member of the group on the day the action is given.
    pub fn parse(fields: &ActionFields<'_>, is_member: impl Fn(i64) -> bool) -> Result<ActionDraft, Invalid> {
        let mut errors = Invalid::default();
        let title = governance_text(&mut errors, "title", fields.title, 2, TITLE_MAX);
        let owner = match fields.owner.trim() {
            "" => {
                errors.push("owner", Problem::Required);
                None
            }
            raw => match raw.parse::<i64>() {
                Ok(id) if is_member(id) => Some(id),
                _ => {
                    errors.push("owner", Problem::NotAMember);
                    None
                }
            },
        };
        let due = required_date(&mut errors, "due", fields.due);
        errors.into_result(|| ActionDraft { title, owner: owner.unwrap_or_default(), due: due.unwrap_or_default() })
    }
}
