//! Local projects and their prior authorisation by the central group.
//!
//! Rules chosen here:
//! - Every drug-related project of a prison is in the inventory, kept by
//!   the prison's local group: its kind, description, the services
//!   involved, its start and end.
//! - A project with a fundamental element needs the central group's prior
//!   authorisation. A drug-free wing and urine tests always have one (the
//!   circular's examples); the local group says so for any other.
//! - The request is submitted by the local group, may be put under review,
//!   and is decided at a held meeting of a group that decides
//!   authorisations (the central group), on or after the day it was
//!   submitted, with reasons: authorised, authorised with conditions (the
//!   conditions and a review date are required), refused, or more
//!   information asked (the local group then submits it again).
//! - A request waits from its (last) submission until its decision.
//! - Conditions are followed up: each follow-up says whether they are met
//!   and, if not, when they are reviewed next.

use jiff::civil::Date;

use super::governance_text;
use super::group::GroupKind;
use super::meeting::MeetingStatus;
use crate::person::{optional_date, required_date};
use crate::validation::{self, Invalid, Problem};

/// The longest title, in characters.
pub const TITLE_MAX: usize = 200;
/// The longest description, reasons, conditions or note, in characters.
pub const TEXT_MAX: usize = 4_000;

/// What kind of project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProjectKind {
    /// The programme's own drug care.
    Programme,
    /// A drug-free wing.
    DrugFreeWing,
    /// Urine tests.
    UrineTests,
    /// Peer support.
    PeerSupport,
    /// Information and prevention.
    Prevention,
    /// Anything else.
    Other,
}

impl ProjectKind {
    /// Every kind, in form order.
    pub const ALL: [ProjectKind; 6] = [
        ProjectKind::Programme,
        ProjectKind::DrugFreeWing,
        ProjectKind::UrineTests,
        ProjectKind::PeerSupport,
        ProjectKind::Prevention,
        ProjectKind::Other,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            ProjectKind::Programme => "programme",
            ProjectKind::DrugFreeWing => "drug_free_wing",
            ProjectKind::UrineTests => "urine_tests",
            ProjectKind::PeerSupport => "peer_support",
            ProjectKind::Prevention => "prevention",
            ProjectKind::Other => "other",
        }
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<ProjectKind> {
        ProjectKind::ALL.into_iter().find(|k| k.code() == code.trim())
    }

    /// Whether a project of this kind always has a fundamental element.
    pub fn always_fundamental(self) -> bool {
        matches!(self, ProjectKind::DrugFreeWing | ProjectKind::UrineTests)
    }
}

/// A project as entered in the inventory, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectDraft {
    /// Title.
    pub title: String,
    /// Kind.
    pub kind: ProjectKind,
    /// What it is.
    pub description: String,
    /// The services involved.
    pub services: String,
    /// When it starts (or would start).
    pub start: Date,
    /// When it ends, if known.
    pub end: Option<Date>,
    /// Whether it needs the central group's prior authorisation.
    pub fundamental: bool,
}

/// The raw fields of a project.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectFields<'a> {
    /// Title.
    pub title: &'a str,
    /// Kind code.
    pub kind: &'a str,
    /// Description.
    pub description: &'a str,
    /// Services involved.
    pub services: &'a str,
    /// Start.
    pub start: &'a str,
    /// End (may be empty).
    pub end: &'a str,
    /// The local group says it has a fundamental element.
    pub fundamental: bool,
}

impl ProjectDraft {
    /// Validates a project.
    pub fn parse(fields: &ProjectFields<'_>) -> Result<ProjectDraft, Invalid> {
        let mut errors = Invalid::default();
        let title = governance_text(&mut errors, "title", fields.title, 2, TITLE_MAX);
        let kind = ProjectKind::parse(fields.kind);
        if kind.is_none() {
            errors.push("kind", if fields.kind.trim().is_empty() { Problem::Required } else { Problem::InvalidFormat });
        }
        let description = governance_text(&mut errors, "description", fields.description, 2, TEXT_MAX);
        let services = validation::text(&mut errors, "services", fields.services, 0, TITLE_MAX);
        let start = required_date(&mut errors, "start", fields.start);
        let end = optional_date(&mut errors, "end", fields.end);
        if let (Some(start), Some(end)) = (start, end)
            && end < start
        {
            errors.push("end", Problem::DateOrder);
        }
        let kind = kind.unwrap_or(ProjectKind::Other);
        errors.into_result(|| ProjectDraft {
            title,
            kind,
            description,
            services,
            start: start.unwrap_or_default(),
            end,
            fundamental: fields.fundamental || kind.always_fundamental(),
        })
    }
}

/// Where a request for prior authorisation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RequestState {
    /// Submitted by the local group, waiting.
    Submitted,
    /// Under review by the central group, waiting.
    UnderReview,
    /// Authorised.
    Authorised,
    /// Authorised with conditions, followed up at review dates.
    AuthorisedWithConditions,
    /// Refused.
    Refused,
    /// More information asked: back with the local group.
    MoreInformation,
}

impl RequestState {
    /// Every state.
    pub const ALL: [RequestState; 6] = [
        RequestState::Submitted,
        RequestState::UnderReview,
        RequestState::Authorised,
        RequestState::AuthorisedWithConditions,
        RequestState::Refused,
        RequestState::MoreInformation,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            RequestState::Submitted => "submitted",
            RequestState::UnderReview => "under_review",
            RequestState::Authorised => "authorised",
            RequestState::AuthorisedWithConditions => "authorised_with_conditions",
            RequestState::Refused => "refused",
            RequestState::MoreInformation => "more_information",
        }
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<RequestState> {
        RequestState::ALL.into_iter().find(|s| s.code() == code.trim())
    }

    /// Whether the request waits for the central group's decision.
    pub fn is_waiting(self) -> bool {
        matches!(self, RequestState::Submitted | RequestState::UnderReview)
    }
}

/// A decision on a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Authorised.
    Authorised,
    /// Authorised with conditions.
    AuthorisedWithConditions,
    /// Refused.
    Refused,
    /// More information asked.
    MoreInformation,
}

impl Outcome {
    /// Every outcome, in form order.
    pub const ALL: [Outcome; 4] =
        [Outcome::Authorised, Outcome::AuthorisedWithConditions, Outcome::Refused, Outcome::MoreInformation];

    /// The stable code (the state it leads to).
    pub fn code(self) -> &'static str {
        self.state().code()
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.code() == code.trim())
    }

    /// The state the request is in after this decision.
    pub fn state(self) -> RequestState {
        match self {
            Outcome::Authorised => RequestState::Authorised,
            Outcome::AuthorisedWithConditions => RequestState::AuthorisedWithConditions,
            Outcome::Refused => RequestState::Refused,
            Outcome::MoreInformation => RequestState::MoreInformation,
        }
    }
}

/// A step of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestStep {
    /// The local group submits it again after more information was asked.
    Resubmit,
    /// The central group takes it under review.
    Review,
    /// The central group decides.
    Decide(Outcome),
}

impl RequestStep {
    /// The stable code of the step.
    pub fn code(self) -> &'static str {
        match self {
            RequestStep::Resubmit => "resubmit",
            RequestStep::Review => "review",
            RequestStep::Decide(_) => "decide",
        }
    }
}

/// The state after `step`, or `None` when the step does not fit the state.
pub fn next_state(state: RequestState, step: RequestStep) -> Option<RequestState> {
    match (state, step) {
        (RequestState::MoreInformation, RequestStep::Resubmit) => Some(RequestState::Submitted),
        (RequestState::Submitted, RequestStep::Review) => Some(RequestState::UnderReview),
        (RequestState::Submitted | RequestState::UnderReview, RequestStep::Decide(outcome)) => Some(outcome.state()),
        _ => None,
    }
}

/// A decision on a request, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionOnRequest {
    /// The outcome.
    pub outcome: Outcome,
    /// Why (always given).
    pub reasons: String,
    /// The conditions, for an authorisation with conditions.
    pub conditions: String,
    /// When the project is reviewed: required with conditions, optional
    /// for an authorisation.
    pub review_date: Option<Date>,
}

/// The raw fields of a decision on a request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DecisionFields<'a> {
    /// Outcome code.
    pub outcome: &'a str,
    /// Reasons.
    pub reasons: &'a str,
    /// Conditions.
    pub conditions: &'a str,
    /// Review date.
    pub review_date: &'a str,
}

/// What the decision looks at in the meeting where it is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecidingMeeting {
    /// The kind of its group.
    pub group_kind: GroupKind,
    /// Its status.
    pub status: MeetingStatus,
    /// Its day.
    pub day: Date,
}

impl DecisionOnRequest {
    /// Validates a decision on a request submitted on `submitted_on`,
    /// taken at `meeting` (when one was named and found).
    pub fn parse(
        fields: &DecisionFields<'_>,
        meeting: Option<DecidingMeeting>,
        submitted_on: Date,
    ) -> Result<DecisionOnRequest, Invalid> {
        let mut errors = Invalid::default();
        match meeting {
            None => errors.push("meeting", Problem::Required),
            Some(m) if !m.group_kind.decides_authorisations() => errors.push("meeting", Problem::GroupMayNotDecide),
            Some(m) if m.status != MeetingStatus::Held => errors.push("meeting", Problem::MeetingNotHeld),
            Some(m) if m.day < submitted_on => errors.push("meeting", Problem::MeetingBeforeSubmission),
            Some(_) => {}
        }
        let outcome = Outcome::parse(fields.outcome);
        if outcome.is_none() {
            errors.push(
                "outcome",
                if fields.outcome.trim().is_empty() { Problem::Required } else { Problem::InvalidFormat },
            );
        }
        let reasons = governance_text(&mut errors, "reasons", fields.reasons, 2, TEXT_MAX);
        let with_conditions = outcome == Some(Outcome::AuthorisedWithConditions);
        let conditions =
            governance_text(&mut errors, "conditions", fields.conditions, usize::from(with_conditions), TEXT_MAX);
        let review_date = optional_date(&mut errors, "review_date", fields.review_date);
        if with_conditions && review_date.is_none() && fields.review_date.trim().is_empty() {
            errors.push("review_date", Problem::Required);
        }
        if let (Some(review), Some(m)) = (review_date, meeting)
            && review <= m.day
        {
            errors.push("review_date", Problem::TooEarly);
        }
        let outcome = outcome.unwrap_or(Outcome::MoreInformation);
        let keeps_review = matches!(outcome, Outcome::Authorised | Outcome::AuthorisedWithConditions);
        errors.into_result(|| DecisionOnRequest {
            outcome,
            reasons,
            conditions: if with_conditions { conditions } else { String::new() },
            review_date: review_date.filter(|_| keeps_review),
        })
    }
}

/// A follow-up of an authorised project's conditions, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    /// What was found.
    pub note: String,
    /// The conditions are met: no further review.
    pub conditions_met: bool,
    /// Otherwise, the next review date.
    pub next_review: Option<Date>,
}

/// Whether a request in `state` is followed up (an authorised project).
pub fn is_followed_up(state: RequestState) -> bool {
    matches!(state, RequestState::Authorised | RequestState::AuthorisedWithConditions)
}

/// Validates a follow-up made on `today` (of a request that
/// [`is_followed_up`]).
pub fn parse_follow_up(note: &str, conditions_met: bool, next_review: &str, today: Date) -> Result<FollowUp, Invalid> {
    let mut errors = Invalid::default();
    let note = governance_text(&mut errors, "note", note, 2, TEXT_MAX);
    let next_review = if conditions_met {
        None
    } else {
        let date = required_date(&mut errors, "next_review", next_review);
        if date.is_some_and(|d| d <= today) {
            errors.push("next_review", Problem::TooEarly);
        }
        date
    };
    errors.into_result(|| FollowUp { note, conditions_met, next_review })
}

/// Days a request has waited, from its submission to `today`.
pub fn waiting_days(submitted_on: Date, today: Date) -> i64 {
    super::health::days_between(submitted_on, today).max(0)
}
