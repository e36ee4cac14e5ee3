//! The care pathway: one person's way through the programme, as a state
//! machine that refuses every step it does not allow.
//!
//! A [`Pathway`] is opened by a signal ([`Pathway::open`]) and moved by
//! [`Command`]s ([`Pathway::apply`]). Each accepted command appends one
//! [`Transition`] that records who, when and why; a refused command changes
//! nothing and answers a [`Refusal`], which carries Fluent message ids, never
//! text, so the web layer can say why in the user's language. The transition
//! log is the whole truth: [`Pathway::replay`] rebuilds a pathway from it and
//! rejects a log the machine would not have produced, so the store keeps only
//! the log.
//!
//! The way (DOMAIN.md, "The care pathway"):
//!
//! ```text
//! signalled -> screening offered -> (screened) -> intake proposed -> intake -> in care
//!           -> release planning -> released, in follow-up -> closed
//! ```
//!
//! Rules written down, including those DOMAIN.md leaves open:
//! - **Screened is an event, not a resting state.** Recording a screening
//!   (only once it was offered) proposes an intake when it is positive or the
//!   person asks for care, and otherwise closes the pathway as `completed`:
//!   the programme's work for that person is done. The transition's command
//!   keeps the outcome, so a negative screening is never confused with a
//!   completed follow-up.
//! - **A refused screening is not a decline.** It goes back to `signalled`,
//!   from where screening can be offered again.
//! - **A request for care needs no screening.** An intake can be proposed
//!   from `signalled` or `screening offered` (DOMAIN.md: intake follows a
//!   positive screening *or a request*). A person whose negative screening
//!   closed the pathway and who asks for care later is reopened first.
//! - **Release planning starts once the intake is done** (`intake` or
//!   `in care`): a person being assessed whose release is announced still
//!   needs a bridging prescription, an appointment and naloxone.
//! - **Follow-up after release needs a care contact.** A release with
//!   follow-up is accepted from `intake`, `in care` and `release planning`; a
//!   release without follow-up closes from any state in prison
//!   (`released_without_follow_up`). A released person can be neither
//!   released nor transferred again.
//! - **Completed** comes from the end of the follow-up
//!   ([`Command::CompleteFollowUp`], or closing as completed while in
//!   follow-up), from care that ends during detention (closing as completed
//!   while `in care`), or from a negative screening.
//! - **Lost to follow-up** only while followed up after release.
//! - **Deceased** closes from any open state, declined included.
//! - **Declined** closes only a pathway whose person has declined: the decline
//!   itself is a recorded step, so the history shows it with who and when.
//! - **Transferred out of the programme** and **released without follow-up**
//!   are the result of a transfer or a release and cannot be chosen as a bare
//!   closing reason: the step carries the fact (a site change, a release).
//! - **Decline and come back.** A person may decline at every stage, after
//!   release included; the pathway waits in `declined`, remembering where, and
//!   a return goes back to exactly that stage. While declined, only the return,
//!   the closings (declined, deceased), a transfer and a release without
//!   follow-up are accepted: the person's choice is respected until they come
//!   back.
//! - **Transfer.** To another pilot prison: the pathway goes with the person,
//!   state unchanged, the new site's team takes over. To a prison outside the
//!   programme: the pathway closes (`transferred_out_of_programme`); the
//!   handover itself is the care-pathway issue's.
//! - **A closed pathway accepts nothing but reopening**, which needs a reason
//!   and goes back to `signalled` at the site that takes the person up again
//!   (they may have come back to another pilot prison). The team then walks
//!   the steps again; an intake can be proposed at once.
//! - **A second signal for an open pathway is refused**: the person already
//!   has one.
//! - **Time only moves forward**: a step dated before the last one is
//!   refused, so the log is in order.

use std::fmt;

use jiff::Timestamp;

use crate::ids::{SiteId, UserId};

/// A stage of the pathway where the person takes part. Screening is an event
/// between `ScreeningOffered` and `IntakeProposed`, not a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    /// Someone signalled that the person may need help.
    Signalled,
    /// The screening questionnaire was offered.
    ScreeningOffered,
    /// An intake was proposed, after a positive screening or on request.
    IntakeProposed,
    /// The intake took place; assessment is under way.
    Intake,
    /// A care plan is active.
    InCare,
    /// Release is expected within 30 days or was announced.
    ReleasePlanning,
    /// Released; contacts at 7 and 30 days check that the person reached the
    /// outside service.
    ReleasedInFollowUp,
}

impl Stage {
    /// Every stage, in the order of the pathway.
    pub const ALL: [Stage; 7] = [
        Stage::Signalled,
        Stage::ScreeningOffered,
        Stage::IntakeProposed,
        Stage::Intake,
        Stage::InCare,
        Stage::ReleasePlanning,
        Stage::ReleasedInFollowUp,
    ];

    /// The stable code, for storage and the API.
    pub fn code(self) -> &'static str {
        match self {
            Stage::Signalled => "signalled",
            Stage::ScreeningOffered => "screening_offered",
            Stage::IntakeProposed => "intake_proposed",
            Stage::Intake => "intake",
            Stage::InCare => "in_care",
            Stage::ReleasePlanning => "release_planning",
            Stage::ReleasedInFollowUp => "released_in_follow_up",
        }
    }

    /// The stage with this code.
    pub fn from_code(code: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|stage| stage.code() == code)
    }

    /// The Fluent message id of the stage's name.
    pub fn message_id(self) -> &'static str {
        match self {
            Stage::Signalled => "pathway-state-signalled",
            Stage::ScreeningOffered => "pathway-state-screening_offered",
            Stage::IntakeProposed => "pathway-state-intake_proposed",
            Stage::Intake => "pathway-state-intake",
            Stage::InCare => "pathway-state-in_care",
            Stage::ReleasePlanning => "pathway-state-release_planning",
            Stage::ReleasedInFollowUp => "pathway-state-released_in_follow_up",
        }
    }

    /// Whether the intake took place (the team has had a care contact).
    fn intake_done(self) -> bool {
        matches!(self, Stage::Intake | Stage::InCare | Stage::ReleasePlanning | Stage::ReleasedInFollowUp)
    }
}

/// Why a pathway was closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ClosingReason {
    /// Follow-up or care ended as planned, or a negative screening needed no care.
    Completed,
    /// The person declined and did not come back.
    Declined,
    /// The person could not be reached during follow-up after release.
    LostToFollowUp,
    /// The person was transferred to a prison outside the programme.
    TransferredOutOfProgramme,
    /// The person was released without follow-up.
    ReleasedWithoutFollowUp,
    /// The person died.
    Deceased,
}

impl ClosingReason {
    /// Every closing reason.
    pub const ALL: [ClosingReason; 6] = [
        ClosingReason::Completed,
        ClosingReason::Declined,
        ClosingReason::LostToFollowUp,
        ClosingReason::TransferredOutOfProgramme,
        ClosingReason::ReleasedWithoutFollowUp,
        ClosingReason::Deceased,
    ];

    /// The stable code, for storage and the API.
    pub fn code(self) -> &'static str {
        match self {
            ClosingReason::Completed => "completed",
            ClosingReason::Declined => "declined",
            ClosingReason::LostToFollowUp => "lost_to_follow_up",
            ClosingReason::TransferredOutOfProgramme => "transferred_out_of_programme",
            ClosingReason::ReleasedWithoutFollowUp => "released_without_follow_up",
            ClosingReason::Deceased => "deceased",
        }
    }

    /// The closing reason with this code.
    pub fn from_code(code: &str) -> Option<ClosingReason> {
        ClosingReason::ALL.into_iter().find(|reason| reason.code() == code)
    }

    /// The Fluent message id of the reason's name.
    pub fn message_id(self) -> &'static str {
        match self {
            ClosingReason::Completed => "pathway-closing-completed",
            ClosingReason::Declined => "pathway-closing-declined",
            ClosingReason::LostToFollowUp => "pathway-closing-lost_to_follow_up",
            ClosingReason::TransferredOutOfProgramme => "pathway-closing-transferred_out_of_programme",
            ClosingReason::ReleasedWithoutFollowUp => "pathway-closing-released_without_follow_up",
            ClosingReason::Deceased => "pathway-closing-deceased",
        }
    }
}

/// Where a pathway stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    /// The person takes part, at this stage.
    Active(Stage),
    /// The person declined at a stage; a return goes back to it.
    Declined {
        /// The stage the person declined at.
        returns_to: Stage,
    },
    /// The pathway is closed; only reopening is accepted.
    Closed(ClosingReason),
}

impl State {
    /// The stable code, for storage and the API: the stage's code, `declined`
    /// or `closed` (the stage declined at and the closing reason have their
    /// own codes).
    pub fn code(self) -> &'static str {
        match self {
            State::Active(stage) => stage.code(),
            State::Declined { .. } => "declined",
            State::Closed(_) => "closed",
        }
    }

    /// The Fluent message id of the state's name.
    pub fn message_id(self) -> &'static str {
        match self {
            State::Active(stage) => stage.message_id(),
            State::Declined { .. } => "pathway-state-declined",
            State::Closed(_) => "pathway-state-closed",
        }
    }

    /// Whether the pathway is closed.
    pub fn is_closed(self) -> bool {
        matches!(self, State::Closed(_))
    }

    /// The closing reason of a closed pathway.
    pub fn closing_reason(self) -> Option<ClosingReason> {
        match self {
            State::Closed(reason) => Some(reason),
            _ => None,
        }
    }
}

/// Who or what signalled the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SignalSource {
    /// The person entered a pilot prison (every entry is signalled).
    Entry,
    /// A prison officer.
    PrisonStaff,
    /// The prison's medical service.
    MedicalService,
    /// The person asked for help.
    Person,
    /// A care worker of the programme.
    CareWorker,
}

impl SignalSource {
    /// Every source.
    pub const ALL: [SignalSource; 5] = [
        SignalSource::Entry,
        SignalSource::PrisonStaff,
        SignalSource::MedicalService,
        SignalSource::Person,
        SignalSource::CareWorker,
    ];

    /// The stable code, for storage and the API.
    pub fn code(self) -> &'static str {
        match self {
            SignalSource::Entry => "entry",
            SignalSource::PrisonStaff => "prison_staff",
            SignalSource::MedicalService => "medical_service",
            SignalSource::Person => "person",
            SignalSource::CareWorker => "care_worker",
        }
    }

    /// The source with this code.
    pub fn from_code(code: &str) -> Option<SignalSource> {
        SignalSource::ALL.into_iter().find(|source| source.code() == code)
    }

    /// The Fluent message id of the source's name.
    pub fn message_id(self) -> &'static str {
        match self {
            SignalSource::Entry => "pathway-source-entry",
            SignalSource::PrisonStaff => "pathway-source-prison_staff",
            SignalSource::MedicalService => "pathway-source-medical_service",
            SignalSource::Person => "pathway-source-person",
            SignalSource::CareWorker => "pathway-source-care_worker",
        }
    }
}

/// Where a person is transferred to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TransferDestination {
    /// Another pilot prison: its team takes the pathway over.
    PilotSite(SiteId),
    /// A prison outside the programme: the pathway closes.
    OutOfProgramme,
}

/// A step asked of the pathway.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    /// Opens the pathway; accepted only by [`Pathway::open`].
    Signal {
        /// Who or what signalled the person.
        source: SignalSource,
        /// The site the person is at.
        site: SiteId,
    },
    /// Offer the screening questionnaire.
    OfferScreening,
    /// The person refused the screening; it can be offered again.
    RefuseScreening,
    /// Record a screening's outcome.
    RecordScreening {
        /// Whether the screening was positive (programme rule, DOMAIN.md).
        positive: bool,
        /// Whether the person asks for care whatever the outcome.
        care_requested: bool,
    },
    /// Propose an intake at the person's request, without screening.
    ProposeIntake,
    /// The intake took place.
    RecordIntake,
    /// A care plan was agreed and is active.
    StartCare,
    /// Release is expected within 30 days or was announced.
    PlanRelease,
    /// The person was released.
    Release {
        /// Whether the team follows the person up after release.
        with_follow_up: bool,
    },
    /// The follow-up after release ended as planned.
    CompleteFollowUp,
    /// The person declines to go on.
    Decline,
    /// The person who declined comes back.
    ComeBack,
    /// The person was transferred to another prison.
    Transfer {
        /// Where to.
        to: TransferDestination,
    },
    /// Close the pathway for a reason that is not the result of another step.
    Close {
        /// Why.
        reason: ClosingReason,
    },
    /// Reopen a closed pathway.
    Reopen {
        /// The site that takes the person up again.
        site: SiteId,
    },
}

impl Command {
    /// The kind of command, without its details.
    pub fn kind(self) -> CommandKind {
        match self {
            Command::Signal { .. } => CommandKind::Signal,
            Command::OfferScreening => CommandKind::OfferScreening,
            Command::RefuseScreening => CommandKind::RefuseScreening,
            Command::RecordScreening { .. } => CommandKind::RecordScreening,
            Command::ProposeIntake => CommandKind::ProposeIntake,
            Command::RecordIntake => CommandKind::RecordIntake,
            Command::StartCare => CommandKind::StartCare,
            Command::PlanRelease => CommandKind::PlanRelease,
            Command::Release { .. } => CommandKind::Release,
            Command::CompleteFollowUp => CommandKind::CompleteFollowUp,
            Command::Decline => CommandKind::Decline,
            Command::ComeBack => CommandKind::ComeBack,
            Command::Transfer { .. } => CommandKind::Transfer,
            Command::Close { .. } => CommandKind::Close,
            Command::Reopen { .. } => CommandKind::Reopen,
        }
    }
}

/// The kinds of [`Command`], for storage, the API and the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CommandKind {
    /// [`Command::Signal`].
    Signal,
    /// [`Command::OfferScreening`].
    OfferScreening,
    /// [`Command::RefuseScreening`].
    RefuseScreening,
    /// [`Command::RecordScreening`].
    RecordScreening,
    /// [`Command::ProposeIntake`].
    ProposeIntake,
    /// [`Command::RecordIntake`].
    RecordIntake,
    /// [`Command::StartCare`].
    StartCare,
    /// [`Command::PlanRelease`].
    PlanRelease,
    /// [`Command::Release`].
    Release,
    /// [`Command::CompleteFollowUp`].
    CompleteFollowUp,
    /// [`Command::Decline`].
    Decline,
    /// [`Command::ComeBack`].
    ComeBack,
    /// [`Command::Transfer`].
    Transfer,
    /// [`Command::Close`].
    Close,
    /// [`Command::Reopen`].
    Reopen,
}

impl CommandKind {
    /// Every kind, in the order of the pathway.
    pub const ALL: [CommandKind; 15] = [
        CommandKind::Signal,
        CommandKind::OfferScreening,
        CommandKind::RefuseScreening,
        CommandKind::RecordScreening,
        CommandKind::ProposeIntake,
        CommandKind::RecordIntake,
        CommandKind::StartCare,
        CommandKind::PlanRelease,
        CommandKind::Release,
        CommandKind::CompleteFollowUp,
        CommandKind::Decline,
        CommandKind::ComeBack,
        CommandKind::Transfer,
        CommandKind::Close,
        CommandKind::Reopen,
    ];

    /// The stable code, for storage and the API.
    pub fn code(self) -> &'static str {
        match self {
            CommandKind::Signal => "signal",
            CommandKind::OfferScreening => "offer_screening",
            CommandKind::RefuseScreening => "refuse_screening",
            CommandKind::RecordScreening => "record_screening",
            CommandKind::ProposeIntake => "propose_intake",
            CommandKind::RecordIntake => "record_intake",
            CommandKind::StartCare => "start_care",
            CommandKind::PlanRelease => "plan_release",
            CommandKind::Release => "release",
            CommandKind::CompleteFollowUp => "complete_follow_up",
            CommandKind::Decline => "decline",
            CommandKind::ComeBack => "come_back",
            CommandKind::Transfer => "transfer",
            CommandKind::Close => "close",
            CommandKind::Reopen => "reopen",
        }
    }

    /// The kind with this code.
    pub fn from_code(code: &str) -> Option<CommandKind> {
        CommandKind::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// The Fluent message id of the step's name (as on a button or in the history).
    pub fn message_id(self) -> &'static str {
        match self {
            CommandKind::Signal => "pathway-command-signal",
            CommandKind::OfferScreening => "pathway-command-offer_screening",
            CommandKind::RefuseScreening => "pathway-command-refuse_screening",
            CommandKind::RecordScreening => "pathway-command-record_screening",
            CommandKind::ProposeIntake => "pathway-command-propose_intake",
            CommandKind::RecordIntake => "pathway-command-record_intake",
            CommandKind::StartCare => "pathway-command-start_care",
            CommandKind::PlanRelease => "pathway-command-plan_release",
            CommandKind::Release => "pathway-command-release",
            CommandKind::CompleteFollowUp => "pathway-command-complete_follow_up",
            CommandKind::Decline => "pathway-command-decline",
            CommandKind::ComeBack => "pathway-command-come_back",
            CommandKind::Transfer => "pathway-command-transfer",
            CommandKind::Close => "pathway-command-close",
            CommandKind::Reopen => "pathway-command-reopen",
        }
    }
}

/// Who asks for a step, when it happened and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// The user who records the step.
    pub who: UserId,
    /// When the step happened.
    pub at: Timestamp,
    /// Why, in the user's words; blank is the same as none.
    pub why: Option<String>,
}

/// One accepted step, as kept in the pathway's history and in the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition {
    /// The state before the step; `None` only for the signal that opens the pathway.
    pub from: Option<State>,
    /// The state after the step.
    pub to: State,
    /// The site responsible for the pathway after the step.
    pub site: SiteId,
    /// The step.
    pub command: Command,
    /// Who recorded it.
    pub who: UserId,
    /// When it happened.
    pub at: Timestamp,
    /// Why, trimmed; `None` when not given or blank.
    pub why: Option<String>,
}

/// Why a step is refused. Each has a Fluent message id that says what to do
/// instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RefusalReason {
    /// The pathway is closed; only reopening is accepted.
    Closed,
    /// Reopening a pathway that is not closed.
    NotClosed,
    /// A signal for a person whose pathway is already open.
    AlreadySignalled,
    /// The screening was not offered (or no longer is).
    ScreeningNotOffered,
    /// No intake was proposed.
    IntakeNotProposed,
    /// The intake has not taken place.
    IntakeNotDone,
    /// Follow-up after release needs the intake done; release without follow-up instead.
    FollowUpNeedsCare,
    /// The person has already been released.
    AlreadyReleased,
    /// The step belongs to the follow-up after release.
    NotInFollowUp,
    /// Completed only from care or at the end of the follow-up.
    NotCompletable,
    /// The person has already declined.
    AlreadyDeclined,
    /// The person declined: their return comes first.
    Declined,
    /// The step needs the person to have declined.
    NotDeclined,
    /// A transfer to the site the pathway is already at.
    SameSite,
    /// A closing reason that is the result of a transfer or a release.
    ReasonFollowsFromStep,
    /// The step needs a reason (`why`).
    ReasonRequired,
    /// The step is dated before the pathway's last step.
    BeforeLastStep,
    /// The step is not possible at this stage (the message names both).
    NotAllowed,
}

impl RefusalReason {
    /// Every reason.
    pub const ALL: [RefusalReason; 18] = [
        RefusalReason::Closed,
        RefusalReason::NotClosed,
        RefusalReason::AlreadySignalled,
        RefusalReason::ScreeningNotOffered,
        RefusalReason::IntakeNotProposed,
        RefusalReason::IntakeNotDone,
        RefusalReason::FollowUpNeedsCare,
        RefusalReason::AlreadyReleased,
        RefusalReason::NotInFollowUp,
        RefusalReason::NotCompletable,
        RefusalReason::AlreadyDeclined,
        RefusalReason::Declined,
        RefusalReason::NotDeclined,
        RefusalReason::SameSite,
        RefusalReason::ReasonFollowsFromStep,
        RefusalReason::ReasonRequired,
        RefusalReason::BeforeLastStep,
        RefusalReason::NotAllowed,
    ];

    /// The Fluent message id that explains the refusal. Messages may use the
    /// arguments `$state` and `$command` (see [`Refusal::args`]).
    pub fn message_id(self) -> &'static str {
        match self {
            RefusalReason::Closed => "pathway-refused-closed",
            RefusalReason::NotClosed => "pathway-refused-not-closed",
            RefusalReason::AlreadySignalled => "pathway-refused-already-signalled",
            RefusalReason::ScreeningNotOffered => "pathway-refused-screening-not-offered",
            RefusalReason::IntakeNotProposed => "pathway-refused-intake-not-proposed",
            RefusalReason::IntakeNotDone => "pathway-refused-intake-not-done",
            RefusalReason::FollowUpNeedsCare => "pathway-refused-follow-up-needs-care",
            RefusalReason::AlreadyReleased => "pathway-refused-already-released",
            RefusalReason::NotInFollowUp => "pathway-refused-not-in-follow-up",
            RefusalReason::NotCompletable => "pathway-refused-not-completable",
            RefusalReason::AlreadyDeclined => "pathway-refused-already-declined",
            RefusalReason::Declined => "pathway-refused-declined",
            RefusalReason::NotDeclined => "pathway-refused-not-declined",
            RefusalReason::SameSite => "pathway-refused-same-site",
            RefusalReason::ReasonFollowsFromStep => "pathway-refused-reason-follows-from-step",
            RefusalReason::ReasonRequired => "pathway-refused-reason-required",
            RefusalReason::BeforeLastStep => "pathway-refused-before-last-step",
            RefusalReason::NotAllowed => "pathway-refused-not-allowed",
        }
    }
}

/// A refused step: why, in what state, and what was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refusal {
    /// Why.
    pub reason: RefusalReason,
    /// The pathway's state when the step was asked.
    pub state: State,
    /// What was asked.
    pub command: CommandKind,
}

impl Refusal {
    /// The Fluent message id that explains the refusal to the user.
    pub fn message_id(&self) -> &'static str {
        self.reason.message_id()
    }

    /// The message's arguments. Each value is itself a Fluent message id (the
    /// state's name, the step's name): translate it first, then pass the text
    /// as the argument.
    pub fn args(&self) -> [(&'static str, &'static str); 2] {
        [("state", self.state.message_id()), ("command", self.command.message_id())]
    }
}

impl fmt::Display for Refusal {
    /// For logs: message id and codes, no prose.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (state {}, command {})", self.message_id(), self.state.code(), self.command.code())
    }
}

impl std::error::Error for Refusal {}

/// Why a stored transition log cannot be a pathway. A store that meets one has
/// been altered or corrupted: it is an internal error, not a user's mistake.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReplayError {
    /// A pathway has at least its opening signal.
    #[error("empty pathway log")]
    Empty,
    /// The first transition is not a signal from nothing, or a later one is.
    #[error("transition {index} does not open the pathway as it should")]
    BadOpening {
        /// The position of the transition in the log, from 0.
        index: usize,
    },
    /// The machine refuses the transition's command.
    #[error("transition {index} is refused: {refusal}")]
    Refused {
        /// The position of the transition in the log, from 0.
        index: usize,
        /// The refusal.
        refusal: Refusal,
    },
    /// The recorded states or site differ from what the command leads to.
    #[error("transition {index} records another state or site than its command leads to")]
    Mismatch {
        /// The position of the transition in the log, from 0.
        index: usize,
    },
}

/// One person's pathway: its state, the site responsible, and every step.
///
/// Invariants (kept by construction, checked by the property tests): the
/// history starts with the opening signal; each transition's `from` is the
/// previous one's `to`; times never go back; the state and site are those of
/// the last transition; replaying the history gives the same pathway.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pathway {
    state: State,
    site: SiteId,
    history: Vec<Transition>,
}

impl Pathway {
    /// Opens a pathway with a signal: the person is at `signalled`, at `site`.
    pub fn open(source: SignalSource, site: SiteId, context: Context) -> Pathway {
        let to = State::Active(Stage::Signalled);
        let transition = Transition {
            from: None,
            to,
            site,
            command: Command::Signal { source, site },
            who: context.who,
            at: context.at,
            why: normalise(context.why),
        };
        Pathway { state: to, site, history: vec![transition] }
    }

    /// Rebuilds a pathway from its stored log, refusing a log that the machine
    /// would not have produced (a wrong order, a refused step, a recorded state
    /// or site that the step does not lead to).
    pub fn replay(log: impl IntoIterator<Item = Transition>) -> Result<Pathway, ReplayError> {
        let mut log = log.into_iter();
        let first = log.next().ok_or(ReplayError::Empty)?;
        let Transition { from: None, command: Command::Signal { source, site }, .. } = first else {
            return Err(ReplayError::BadOpening { index: 0 });
        };
        let opened = Pathway::open(source, site, Context { who: first.who, at: first.at, why: first.why.clone() });
        if opened.history[0] != first {
            return Err(ReplayError::Mismatch { index: 0 });
        }
        let mut pathway = opened;
        for (index, recorded) in log.enumerate().map(|(i, t)| (i + 1, t)) {
            if recorded.from.is_none() || matches!(recorded.command, Command::Signal { .. }) {
                return Err(ReplayError::BadOpening { index });
            }
            let context = Context { who: recorded.who, at: recorded.at, why: recorded.why.clone() };
            let computed =
                pathway.check(recorded.command, context).map_err(|refusal| ReplayError::Refused { index, refusal })?;
            if computed != recorded {
                return Err(ReplayError::Mismatch { index });
            }
            pathway.record(computed);
        }
        Ok(pathway)
    }

    /// The current state.
    pub fn state(&self) -> State {
        self.state
    }

    /// The site responsible for the pathway.
    pub fn site(&self) -> SiteId {
        self.site
    }

    /// Every step, oldest first; never empty.
    pub fn history(&self) -> &[Transition] {
        &self.history
    }

    /// Whether the pathway is closed.
    pub fn is_closed(&self) -> bool {
        self.state.is_closed()
    }

    /// The transition `command` would make, without making it.
    pub fn check(&self, command: Command, context: Context) -> Result<Transition, Refusal> {
        let refuse = |reason| Refusal { reason, state: self.state, command: command.kind() };
        if self.history.last().is_some_and(|last| context.at < last.at) {
            return Err(refuse(RefusalReason::BeforeLastStep));
        }
        let (to, site) = step(self.state, self.site, command).map_err(refuse)?;
        let why = normalise(context.why);
        if matches!(command, Command::Reopen { .. }) && why.is_none() {
            return Err(refuse(RefusalReason::ReasonRequired));
        }
        Ok(Transition { from: Some(self.state), to, site, command, who: context.who, at: context.at, why })
    }

    /// Makes the step: appends its transition to the history and returns it,
    /// or refuses it and changes nothing.
    pub fn apply(&mut self, command: Command, context: Context) -> Result<&Transition, Refusal> {
        let transition = self.check(command, context)?;
        Ok(self.record(transition))
    }

    /// The kinds of step the pathway accepts now, for the user interface. A
    /// kind is listed when at least one of its variants is accepted; the
    /// details (a transfer's destination, a closing reason) and the context
    /// (reason, time) are checked when the step is applied.
    pub fn available_commands(&self) -> Vec<CommandKind> {
        let samples = [
            Command::OfferScreening,
            Command::RefuseScreening,
            Command::RecordScreening { positive: true, care_requested: false },
            Command::ProposeIntake,
            Command::RecordIntake,
            Command::StartCare,
            Command::PlanRelease,
            Command::Release { with_follow_up: true },
            Command::Release { with_follow_up: false },
            Command::CompleteFollowUp,
            Command::Decline,
            Command::ComeBack,
            Command::Transfer { to: TransferDestination::OutOfProgramme },
            Command::Reopen { site: self.site },
        ]
        .into_iter()
        .chain(ClosingReason::ALL.map(|reason| Command::Close { reason }));
        let mut kinds: Vec<CommandKind> =
            samples.filter(|command| step(self.state, self.site, *command).is_ok()).map(Command::kind).collect();
        kinds.sort();
        kinds.dedup();
        kinds
    }

    fn record(&mut self, transition: Transition) -> &Transition {
        self.state = transition.to;
        self.site = transition.site;
        self.history.push(transition);
        &self.history[self.history.len() - 1]
    }
}

/// Every Fluent message id this module can produce: state and stage names,
/// closing reasons, signal sources, step names and refusals. Another crate's
/// test checks that each exists in every language.
pub fn message_ids() -> Vec<&'static str> {
    let mut ids = Vec::new();
    ids.extend(Stage::ALL.map(Stage::message_id));
    ids.push(State::Declined { returns_to: Stage::Signalled }.message_id());
    ids.push(State::Closed(ClosingReason::Completed).message_id());
    ids.extend(ClosingReason::ALL.map(ClosingReason::message_id));
    ids.extend(SignalSource::ALL.map(SignalSource::message_id));
    ids.extend(CommandKind::ALL.map(CommandKind::message_id));
    ids.extend(RefusalReason::ALL.map(RefusalReason::message_id));
    ids
}

/// Trims a reason; blank is none.
fn normalise(why: Option<String>) -> Option<String> {
    why.map(|why| why.trim().to_owned()).filter(|why| !why.is_empty())
}

/// The machine itself: where `command` leads from `state` at `site`, or why not.
fn step(state: State, site: SiteId, command: Command) -> Result<(State, SiteId), RefusalReason> {
    match state {
        State::Closed(_) => match command {
            Command::Reopen { site } => Ok((State::Active(Stage::Signalled), site)),
            _ => Err(RefusalReason::Closed),
        },
        State::Declined { returns_to } => step_declined(returns_to, site, command),
        State::Active(stage) => step_active(stage, site, command),
    }
}

/// Steps from a stage where the person takes part.
fn step_active(stage: Stage, site: SiteId, command: Command) -> Result<(State, SiteId), RefusalReason> {
    use RefusalReason as R;
    use Stage as S;
    let active = |stage| Ok((State::Active(stage), site));
    let closed = |reason| Ok((State::Closed(reason), site));
    match command {
        Command::Signal { .. } => Err(R::AlreadySignalled),
        Command::Reopen { .. } => Err(R::NotClosed),
        Command::ComeBack => Err(R::NotDeclined),
        Command::OfferScreening => match stage {
            S::Signalled => active(S::ScreeningOffered),
            _ => Err(R::NotAllowed),
        },
        Command::RefuseScreening => match stage {
            S::ScreeningOffered => active(S::Signalled),
            _ => Err(R::ScreeningNotOffered),
        },
        Command::RecordScreening { positive, care_requested } => match stage {
            S::ScreeningOffered if positive || care_requested => active(S::IntakeProposed),
            S::ScreeningOffered => closed(ClosingReason::Completed),
            _ => Err(R::ScreeningNotOffered),
        },
        Command::ProposeIntake => match stage {
            S::Signalled | S::ScreeningOffered => active(S::IntakeProposed),
            _ => Err(R::NotAllowed),
        },
        Command::RecordIntake => match stage {
            S::IntakeProposed => active(S::Intake),
            S::Signalled | S::ScreeningOffered => Err(R::IntakeNotProposed),
            _ => Err(R::NotAllowed),
        },
        Command::StartCare => match stage {
            S::Intake => active(S::InCare),
            _ if !stage.intake_done() => Err(R::IntakeNotDone),
            _ => Err(R::NotAllowed),
        },
        Command::PlanRelease => match stage {
            S::Intake | S::InCare => active(S::ReleasePlanning),
            S::ReleasedInFollowUp => Err(R::AlreadyReleased),
            _ if !stage.intake_done() => Err(R::IntakeNotDone),
            _ => Err(R::NotAllowed),
        },
        Command::Release { .. } if stage == S::ReleasedInFollowUp => Err(R::AlreadyReleased),
        Command::Release { with_follow_up: true } if stage.intake_done() => active(S::ReleasedInFollowUp),
        Command::Release { with_follow_up: true } => Err(R::FollowUpNeedsCare),
        Command::Release { with_follow_up: false } => closed(ClosingReason::ReleasedWithoutFollowUp),
        Command::CompleteFollowUp => match stage {
            S::ReleasedInFollowUp => closed(ClosingReason::Completed),
            _ => Err(R::NotInFollowUp),
        },
        Command::Decline => Ok((State::Declined { returns_to: stage }, site)),
        Command::Transfer { to } => transfer(State::Active(stage), stage, site, to),
        Command::Close { reason } => match reason {
            ClosingReason::Deceased => closed(reason),
            ClosingReason::Declined => Err(R::NotDeclined),
            ClosingReason::LostToFollowUp if stage == S::ReleasedInFollowUp => closed(reason),
            ClosingReason::LostToFollowUp => Err(R::NotInFollowUp),
            ClosingReason::Completed if matches!(stage, S::InCare | S::ReleasedInFollowUp) => closed(reason),
            ClosingReason::Completed => Err(R::NotCompletable),
            ClosingReason::TransferredOutOfProgramme | ClosingReason::ReleasedWithoutFollowUp => {
                Err(R::ReasonFollowsFromStep)
            }
        },
    }
}

/// Steps from `declined`: the person's choice holds until they come back.
fn step_declined(returns_to: Stage, site: SiteId, command: Command) -> Result<(State, SiteId), RefusalReason> {
    use RefusalReason as R;
    let closed = |reason| Ok((State::Closed(reason), site));
    let released = returns_to == Stage::ReleasedInFollowUp;
    match command {
        Command::Signal { .. } => Err(R::AlreadySignalled),
        Command::Reopen { .. } => Err(R::NotClosed),
        Command::ComeBack => Ok((State::Active(returns_to), site)),
        Command::Decline => Err(R::AlreadyDeclined),
        Command::Transfer { to } => transfer(State::Declined { returns_to }, returns_to, site, to),
        Command::Release { .. } if released => Err(R::AlreadyReleased),
        Command::Release { with_follow_up: false } => closed(ClosingReason::ReleasedWithoutFollowUp),
        Command::Close { reason } => match reason {
            ClosingReason::Declined | ClosingReason::Deceased => closed(reason),
            ClosingReason::TransferredOutOfProgramme | ClosingReason::ReleasedWithoutFollowUp => {
                Err(R::ReasonFollowsFromStep)
            }
            ClosingReason::Completed | ClosingReason::LostToFollowUp => Err(R::Declined),
        },
        _ => Err(R::Declined),
    }
}

/// A transfer from `state` (whose stage is `stage`) at `site`.
fn transfer(
    state: State,
    stage: Stage,
    site: SiteId,
    to: TransferDestination,
) -> Result<(State, SiteId), RefusalReason> {
    match to {
        _ if stage == Stage::ReleasedInFollowUp => Err(RefusalReason::AlreadyReleased),
        TransferDestination::PilotSite(new_site) if new_site == site => Err(RefusalReason::SameSite),
        TransferDestination::PilotSite(new_site) => Ok((state, new_site)),
        TransferDestination::OutOfProgramme => Ok((State::Closed(ClosingReason::TransferredOutOfProgramme), site)),
    }
}

#[cfg(test)]
mod tests;
