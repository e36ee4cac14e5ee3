//! The care pathway as a specification: every transition, every guard, decline
//! and return, every closing reason, transfer, reopening and replay; then
//! properties over any sequence of commands.

use std::collections::BTreeSet;

use proptest::prelude::*;

use super::*;

const HERE: SiteId = SiteId(1);
const THERE: SiteId = SiteId(2);
const WORKER: UserId = UserId(7);
const START: i64 = 1_700_000_000;

/// A context at `START + seconds`, without a reason.
fn at(seconds: i64) -> Context {
    Context { who: WORKER, at: Timestamp::from_second(START + seconds).expect("valid time"), why: None }
}

/// A context at `START + seconds`, with a reason.
fn because(seconds: i64, why: &str) -> Context {
    Context { why: Some(why.to_owned()), ..at(seconds) }
}

fn signalled() -> Pathway {
    Pathway::open(SignalSource::Entry, HERE, at(0))
}

/// The steps that lead from `signalled` to each stage.
fn steps_to(stage: Stage) -> &'static [Command] {
    const ALL: [Command; 6] = [
        Command::OfferScreening,
        Command::RecordScreening { positive: true, care_requested: false },
        Command::RecordIntake,
        Command::StartCare,
        Command::PlanRelease,
        Command::Release { with_follow_up: true },
    ];
    let index = Stage::ALL.iter().position(|s| *s == stage).expect("stage");
    &ALL[..index]
}

/// A pathway at `stage`, reached by the ordinary way.
fn pathway_at(stage: Stage) -> Pathway {
    let mut pathway = signalled();
    for (i, command) in steps_to(stage).iter().enumerate() {
        pathway.apply(*command, at(i as i64 + 1)).expect("ordinary step");
    }
    assert_eq!(pathway.state(), State::Active(stage));
    pathway
}

/// The next free second after the pathway's last step.
fn later(pathway: &Pathway) -> Context {
    at(pathway.history().len() as i64 + 1)
}

/// Applies `command` and returns the new state.
fn accept(pathway: &mut Pathway, command: Command) -> State {
    let context = later(pathway);
    pathway.apply(command, context).unwrap_or_else(|r| panic!("{command:?} refused: {r}")).to
}

/// Applies `command`, expecting it to be refused, and returns the reason.
fn refuse(pathway: &mut Pathway, command: Command) -> RefusalReason {
    let before = pathway.clone();
    let context = later(pathway);
    let refusal = pathway.apply(command, context).map(|t| t.to).expect_err("refused");
    assert_eq!(*pathway, before, "a refused command changes nothing");
    refusal.reason
}

fn declined_at(stage: Stage) -> Pathway {
    let mut pathway = pathway_at(stage);
    accept(&mut pathway, Command::Decline);
    pathway
}

fn closed_with(reason: ClosingReason) -> Pathway {
    let mut pathway = match reason {
        ClosingReason::Completed | ClosingReason::LostToFollowUp => pathway_at(Stage::ReleasedInFollowUp),
        ClosingReason::Declined => declined_at(Stage::InCare),
        _ => pathway_at(Stage::InCare),
    };
    let command = match reason {
        ClosingReason::Completed => Command::CompleteFollowUp,
        ClosingReason::TransferredOutOfProgramme => Command::Transfer { to: TransferDestination::OutOfProgramme },
        ClosingReason::ReleasedWithoutFollowUp => Command::Release { with_follow_up: false },
        _ => Command::Close { reason },
    };
    assert_eq!(accept(&mut pathway, command), State::Closed(reason));
    pathway
}

const IN_PRISON: [Stage; 6] = [
    Stage::Signalled,
    Stage::ScreeningOffered,
    Stage::IntakeProposed,
    Stage::Intake,
    Stage::InCare,
    Stage::ReleasePlanning,
];

// --- Opening -----------------------------------------------------------------

#[test]
fn a_signal_opens_the_pathway_at_signalled_with_who_when_and_why() {
    for source in SignalSource::ALL {
        let pathway = Pathway::open(source, HERE, because(0, "  seen at entry  "));
        assert_eq!(pathway.state(), State::Active(Stage::Signalled));
        assert_eq!(pathway.site(), HERE);
        assert_eq!(
            pathway.history(),
            [Transition {
                from: None,
                to: State::Active(Stage::Signalled),
                site: HERE,
                command: Command::Signal { source, site: HERE },
                who: WORKER,
                at: at(0).at,
                why: Some("seen at entry".to_owned()),
            }]
        );
    }
}

#[test]
fn a_second_signal_for_an_open_pathway_is_refused() {
    for stage in Stage::ALL {
        let command = Command::Signal { source: SignalSource::PrisonStaff, site: HERE };
        assert_eq!(refuse(&mut pathway_at(stage), command), RefusalReason::AlreadySignalled);
    }
    let command = Command::Signal { source: SignalSource::Person, site: HERE };
    assert_eq!(refuse(&mut declined_at(Stage::Intake), command), RefusalReason::AlreadySignalled);
}

// --- Screening ---------------------------------------------------------------

#[test]
fn screening_is_offered_to_a_signalled_person() {
    assert_eq!(accept(&mut signalled(), Command::OfferScreening), State::Active(Stage::ScreeningOffered));
}

#[test]
fn screening_is_offered_only_once_signalled() {
    for stage in Stage::ALL.into_iter().filter(|s| *s != Stage::Signalled) {
        assert_eq!(refuse(&mut pathway_at(stage), Command::OfferScreening), RefusalReason::NotAllowed, "{stage:?}");
    }
}

#[test]
fn a_refused_screening_returns_to_signalled_and_can_be_offered_again() {
    let mut pathway = pathway_at(Stage::ScreeningOffered);
    assert_eq!(accept(&mut pathway, Command::RefuseScreening), State::Active(Stage::Signalled));
    assert_eq!(accept(&mut pathway, Command::OfferScreening), State::Active(Stage::ScreeningOffered));
}

#[test]
fn a_positive_screening_proposes_an_intake() {
    let mut pathway = pathway_at(Stage::ScreeningOffered);
    let command = Command::RecordScreening { positive: true, care_requested: false };
    assert_eq!(accept(&mut pathway, command), State::Active(Stage::IntakeProposed));
}

#[test]
fn a_negative_screening_with_a_request_for_care_proposes_an_intake() {
    let mut pathway = pathway_at(Stage::ScreeningOffered);
    let command = Command::RecordScreening { positive: false, care_requested: true };
    assert_eq!(accept(&mut pathway, command), State::Active(Stage::IntakeProposed));
}

#[test]
fn a_negative_screening_without_a_request_closes_as_completed() {
    let mut pathway = pathway_at(Stage::ScreeningOffered);
    let command = Command::RecordScreening { positive: false, care_requested: false };
    assert_eq!(accept(&mut pathway, command), State::Closed(ClosingReason::Completed));
}

#[test]
fn a_screening_is_recorded_or_refused_only_once_offered() {
    for stage in Stage::ALL.into_iter().filter(|s| *s != Stage::ScreeningOffered) {
        let record = Command::RecordScreening { positive: true, care_requested: true };
        assert_eq!(refuse(&mut pathway_at(stage), record), RefusalReason::ScreeningNotOffered, "{stage:?}");
        assert_eq!(refuse(&mut pathway_at(stage), Command::RefuseScreening), RefusalReason::ScreeningNotOffered);
    }
}

// --- Intake and care ---------------------------------------------------------

#[test]
fn a_request_for_care_proposes_an_intake_without_screening() {
    for stage in [Stage::Signalled, Stage::ScreeningOffered] {
        assert_eq!(accept(&mut pathway_at(stage), Command::ProposeIntake), State::Active(Stage::IntakeProposed));
    }
}

#[test]
fn an_intake_is_proposed_only_before_one_was() {
    for stage in Stage::ALL.into_iter().skip(2) {
        assert_eq!(refuse(&mut pathway_at(stage), Command::ProposeIntake), RefusalReason::NotAllowed, "{stage:?}");
    }
}

#[test]
fn a_proposed_intake_is_recorded() {
    assert_eq!(accept(&mut pathway_at(Stage::IntakeProposed), Command::RecordIntake), State::Active(Stage::Intake));
}

#[test]
fn an_intake_is_recorded_only_once_proposed() {
    for stage in [Stage::Signalled, Stage::ScreeningOffered] {
        assert_eq!(refuse(&mut pathway_at(stage), Command::RecordIntake), RefusalReason::IntakeNotProposed);
    }
    for stage in Stage::ALL.into_iter().skip(3) {
        assert_eq!(refuse(&mut pathway_at(stage), Command::RecordIntake), RefusalReason::NotAllowed, "{stage:?}");
    }
}

#[test]
fn care_starts_after_the_intake() {
    assert_eq!(accept(&mut pathway_at(Stage::Intake), Command::StartCare), State::Active(Stage::InCare));
}

#[test]
fn care_does_not_start_before_the_intake_nor_twice() {
    for stage in [Stage::Signalled, Stage::ScreeningOffered, Stage::IntakeProposed] {
        assert_eq!(refuse(&mut pathway_at(stage), Command::StartCare), RefusalReason::IntakeNotDone);
    }
    for stage in [Stage::InCare, Stage::ReleasePlanning, Stage::ReleasedInFollowUp] {
        assert_eq!(refuse(&mut pathway_at(stage), Command::StartCare), RefusalReason::NotAllowed, "{stage:?}");
    }
}

// --- Release -----------------------------------------------------------------

#[test]
fn release_is_planned_from_intake_or_care() {
    for stage in [Stage::Intake, Stage::InCare] {
        assert_eq!(accept(&mut pathway_at(stage), Command::PlanRelease), State::Active(Stage::ReleasePlanning));
    }
}

#[test]
fn release_is_not_planned_before_the_intake_twice_or_after_release() {
    for stage in [Stage::Signalled, Stage::ScreeningOffered, Stage::IntakeProposed] {
        assert_eq!(refuse(&mut pathway_at(stage), Command::PlanRelease), RefusalReason::IntakeNotDone);
    }
    assert_eq!(refuse(&mut pathway_at(Stage::ReleasePlanning), Command::PlanRelease), RefusalReason::NotAllowed);
    assert_eq!(
        refuse(&mut pathway_at(Stage::ReleasedInFollowUp), Command::PlanRelease),
        RefusalReason::AlreadyReleased
    );
}

#[test]
fn a_release_with_follow_up_is_accepted_once_the_intake_is_done() {
    for stage in [Stage::Intake, Stage::InCare, Stage::ReleasePlanning] {
        let command = Command::Release { with_follow_up: true };
        assert_eq!(accept(&mut pathway_at(stage), command), State::Active(Stage::ReleasedInFollowUp));
    }
}

#[test]
fn a_release_with_follow_up_before_the_intake_is_refused() {
    for stage in [Stage::Signalled, Stage::ScreeningOffered, Stage::IntakeProposed] {
        let command = Command::Release { with_follow_up: true };
        assert_eq!(refuse(&mut pathway_at(stage), command), RefusalReason::FollowUpNeedsCare);
    }
}

#[test]
fn a_release_without_follow_up_closes_from_every_state_in_prison() {
    let command = Command::Release { with_follow_up: false };
    for stage in IN_PRISON {
        assert_eq!(accept(&mut pathway_at(stage), command), State::Closed(ClosingReason::ReleasedWithoutFollowUp));
        assert_eq!(accept(&mut declined_at(stage), command), State::Closed(ClosingReason::ReleasedWithoutFollowUp));
    }
}

#[test]
fn a_released_person_is_not_released_again() {
    for with_follow_up in [true, false] {
        let command = Command::Release { with_follow_up };
        assert_eq!(refuse(&mut pathway_at(Stage::ReleasedInFollowUp), command), RefusalReason::AlreadyReleased);
        assert_eq!(refuse(&mut declined_at(Stage::ReleasedInFollowUp), command), RefusalReason::AlreadyReleased);
    }
}

#[test]
fn completing_the_follow_up_closes_as_completed() {
    let mut pathway = pathway_at(Stage::ReleasedInFollowUp);
    assert_eq!(accept(&mut pathway, Command::CompleteFollowUp), State::Closed(ClosingReason::Completed));
}

#[test]
fn the_follow_up_is_completed_only_after_release() {
    for stage in IN_PRISON {
        assert_eq!(refuse(&mut pathway_at(stage), Command::CompleteFollowUp), RefusalReason::NotInFollowUp);
    }
}

// --- Closing reasons ---------------------------------------------------------

#[test]
fn care_completed_in_detention_or_after_follow_up_closes_as_completed() {
    for stage in [Stage::InCare, Stage::ReleasedInFollowUp] {
        let command = Command::Close { reason: ClosingReason::Completed };
        assert_eq!(accept(&mut pathway_at(stage), command), State::Closed(ClosingReason::Completed));
    }
}

#[test]
fn a_pathway_is_not_completed_outside_care_or_follow_up() {
    for stage in
        [Stage::Signalled, Stage::ScreeningOffered, Stage::IntakeProposed, Stage::Intake, Stage::ReleasePlanning]
    {
        let command = Command::Close { reason: ClosingReason::Completed };
        assert_eq!(refuse(&mut pathway_at(stage), command), RefusalReason::NotCompletable, "{stage:?}");
    }
}

#[test]
fn a_person_lost_after_release_closes_as_lost_to_follow_up() {
    let command = Command::Close { reason: ClosingReason::LostToFollowUp };
    assert_eq!(
        accept(&mut pathway_at(Stage::ReleasedInFollowUp), command),
        State::Closed(ClosingReason::LostToFollowUp)
    );
}

#[test]
fn nobody_is_lost_to_follow_up_in_prison() {
    let command = Command::Close { reason: ClosingReason::LostToFollowUp };
    for stage in IN_PRISON {
        assert_eq!(refuse(&mut pathway_at(stage), command), RefusalReason::NotInFollowUp);
    }
}

#[test]
fn death_closes_from_every_open_state() {
    let command = Command::Close { reason: ClosingReason::Deceased };
    for stage in Stage::ALL {
        assert_eq!(accept(&mut pathway_at(stage), command), State::Closed(ClosingReason::Deceased));
        assert_eq!(accept(&mut declined_at(stage), command), State::Closed(ClosingReason::Deceased));
    }
}

#[test]
fn a_pathway_closes_as_declined_only_after_the_person_declined() {
    let command = Command::Close { reason: ClosingReason::Declined };
    for stage in Stage::ALL {
        assert_eq!(refuse(&mut pathway_at(stage), command), RefusalReason::NotDeclined);
        assert_eq!(accept(&mut declined_at(stage), command), State::Closed(ClosingReason::Declined));
    }
}

#[test]
fn closing_reasons_that_follow_from_a_transfer_or_release_are_not_chosen_directly() {
    for reason in [ClosingReason::TransferredOutOfProgramme, ClosingReason::ReleasedWithoutFollowUp] {
        let command = Command::Close { reason };
        assert_eq!(refuse(&mut pathway_at(Stage::InCare), command), RefusalReason::ReasonFollowsFromStep);
        assert_eq!(refuse(&mut declined_at(Stage::InCare), command), RefusalReason::ReasonFollowsFromStep);
    }
}

#[test]
fn every_closing_reason_can_be_reached() {
    for reason in ClosingReason::ALL {
        assert_eq!(closed_with(reason).state(), State::Closed(reason));
    }
}

// --- Decline and come back ---------------------------------------------------

#[test]
fn a_person_declines_and_comes_back_to_the_same_stage() {
    for stage in Stage::ALL {
        let mut pathway = pathway_at(stage);
        assert_eq!(accept(&mut pathway, Command::Decline), State::Declined { returns_to: stage });
        assert_eq!(accept(&mut pathway, Command::ComeBack), State::Active(stage));
    }
}

#[test]
fn a_declined_person_comes_back_before_any_next_step() {
    let waiting = [
        Command::OfferScreening,
        Command::RefuseScreening,
        Command::RecordScreening { positive: true, care_requested: false },
        Command::ProposeIntake,
        Command::RecordIntake,
        Command::StartCare,
        Command::PlanRelease,
        Command::CompleteFollowUp,
    ];
    for stage in Stage::ALL {
        for command in waiting {
            assert_eq!(refuse(&mut declined_at(stage), command), RefusalReason::Declined, "{stage:?} {command:?}");
        }
    }
    for stage in IN_PRISON {
        let command = Command::Release { with_follow_up: true };
        assert_eq!(refuse(&mut declined_at(stage), command), RefusalReason::Declined);
    }
    for reason in [ClosingReason::Completed, ClosingReason::LostToFollowUp] {
        let command = Command::Close { reason };
        assert_eq!(refuse(&mut declined_at(Stage::ReleasedInFollowUp), command), RefusalReason::Declined);
    }
}

#[test]
fn declining_twice_is_refused() {
    assert_eq!(refuse(&mut declined_at(Stage::InCare), Command::Decline), RefusalReason::AlreadyDeclined);
}

#[test]
fn coming_back_without_a_decline_is_refused() {
    for stage in Stage::ALL {
        assert_eq!(refuse(&mut pathway_at(stage), Command::ComeBack), RefusalReason::NotDeclined);
    }
}

// --- Transfer ----------------------------------------------------------------

#[test]
fn a_transfer_to_a_pilot_prison_keeps_the_state_and_hands_over_the_site() {
    let command = Command::Transfer { to: TransferDestination::PilotSite(THERE) };
    for stage in IN_PRISON {
        for mut pathway in [pathway_at(stage), declined_at(stage)] {
            let state = pathway.state();
            assert_eq!(accept(&mut pathway, command), state);
            assert_eq!(pathway.site(), THERE);
            let last = pathway.history().last().expect("a transition");
            assert_eq!((last.from, last.to, last.site), (Some(state), state, THERE));
        }
    }
}

#[test]
fn a_transfer_to_the_same_prison_is_refused() {
    let command = Command::Transfer { to: TransferDestination::PilotSite(HERE) };
    assert_eq!(refuse(&mut pathway_at(Stage::InCare), command), RefusalReason::SameSite);
}

#[test]
fn a_transfer_out_of_the_programme_closes_from_every_state_in_prison() {
    let command = Command::Transfer { to: TransferDestination::OutOfProgramme };
    for stage in IN_PRISON {
        for mut pathway in [pathway_at(stage), declined_at(stage)] {
            assert_eq!(accept(&mut pathway, command), State::Closed(ClosingReason::TransferredOutOfProgramme));
            assert_eq!(pathway.site(), HERE, "the sending site keeps the closed pathway");
        }
    }
}

#[test]
fn a_released_person_is_not_transferred() {
    for to in [TransferDestination::PilotSite(THERE), TransferDestination::OutOfProgramme] {
        let command = Command::Transfer { to };
        assert_eq!(refuse(&mut pathway_at(Stage::ReleasedInFollowUp), command), RefusalReason::AlreadyReleased);
        assert_eq!(refuse(&mut declined_at(Stage::ReleasedInFollowUp), command), RefusalReason::AlreadyReleased);
    }
}

// --- Closed and reopened -----------------------------------------------------

/// One command of each kind and variant, Reopen excluded.
fn every_command_but_reopen() -> Vec<Command> {
    let mut commands = vec![
        Command::Signal { source: SignalSource::Entry, site: HERE },
        Command::OfferScreening,
        Command::RefuseScreening,
        Command::RecordScreening { positive: true, care_requested: true },
        Command::RecordScreening { positive: false, care_requested: false },
        Command::ProposeIntake,
        Command::RecordIntake,
        Command::StartCare,
        Command::PlanRelease,
        Command::Release { with_follow_up: true },
        Command::Release { with_follow_up: false },
        Command::CompleteFollowUp,
        Command::Decline,
        Command::ComeBack,
        Command::Transfer { to: TransferDestination::PilotSite(THERE) },
        Command::Transfer { to: TransferDestination::OutOfProgramme },
    ];
    commands.extend(ClosingReason::ALL.map(|reason| Command::Close { reason }));
    commands
}

#[test]
fn a_closed_pathway_refuses_everything_but_reopening() {
    for reason in ClosingReason::ALL {
        for command in every_command_but_reopen() {
            assert_eq!(refuse(&mut closed_with(reason), command), RefusalReason::Closed, "{reason:?} {command:?}");
        }
    }
}

#[test]
fn reopening_returns_to_signalled_at_the_site_that_takes_the_person_up() {
    for reason in ClosingReason::ALL {
        let mut pathway = closed_with(reason);
        let context = Context { why: Some("back in detention".to_owned()), ..later(&pathway) };
        let transition = pathway.apply(Command::Reopen { site: THERE }, context).expect("reopened").clone();
        assert_eq!(transition.from, Some(State::Closed(reason)));
        assert_eq!(transition.to, State::Active(Stage::Signalled));
        assert_eq!(pathway.site(), THERE);
    }
}

#[test]
fn reopening_needs_a_reason() {
    let mut pathway = closed_with(ClosingReason::Deceased);
    for why in [None, Some("   ".to_owned())] {
        let context = Context { why, ..later(&pathway) };
        let refusal = pathway.apply(Command::Reopen { site: HERE }, context).map(|t| t.to).expect_err("refused");
        assert_eq!(refusal.reason, RefusalReason::ReasonRequired);
    }
}

#[test]
fn reopening_an_open_pathway_is_refused() {
    for stage in Stage::ALL {
        assert_eq!(refuse(&mut pathway_at(stage), Command::Reopen { site: HERE }), RefusalReason::NotClosed);
        assert_eq!(refuse(&mut declined_at(stage), Command::Reopen { site: HERE }), RefusalReason::NotClosed);
    }
}

// --- Who, when, why ----------------------------------------------------------

#[test]
fn every_transition_records_who_when_and_why() {
    let mut pathway = signalled();
    let context = Context { who: UserId(42), ..because(5, " person asked for help ") };
    let transition = pathway.apply(Command::ProposeIntake, context).expect("accepted").clone();
    assert_eq!(
        transition,
        Transition {
            from: Some(State::Active(Stage::Signalled)),
            to: State::Active(Stage::IntakeProposed),
            site: HERE,
            command: Command::ProposeIntake,
            who: UserId(42),
            at: at(5).at,
            why: Some("person asked for help".to_owned()),
        }
    );
    assert_eq!(pathway.history().last(), Some(&transition));
    assert_eq!(pathway.history().len(), 2);
}

#[test]
fn a_step_dated_before_the_last_one_is_refused() {
    let mut pathway = signalled();
    pathway.apply(Command::OfferScreening, at(10)).expect("accepted");
    let refusal = pathway.apply(Command::ProposeIntake, at(9)).map(|t| t.to).expect_err("refused");
    assert_eq!(refusal.reason, RefusalReason::BeforeLastStep);
    assert!(pathway.apply(Command::ProposeIntake, at(10)).is_ok(), "the same instant is in order");
}

#[test]
fn a_refusal_names_the_state_and_the_step_as_message_ids() {
    let mut pathway = pathway_at(Stage::InCare);
    let refusal = pathway.apply(Command::OfferScreening, later(&pathway)).map(|t| t.to).expect_err("refused");
    assert_eq!(refusal.message_id(), "pathway-refused-not-allowed");
    assert_eq!(refusal.args(), [("state", "pathway-state-in_care"), ("command", "pathway-command-offer_screening")]);
    assert_eq!(refusal.to_string(), "pathway-refused-not-allowed (state in_care, command offer_screening)");
}

// --- What the interface may offer --------------------------------------------

#[test]
fn the_offered_steps_follow_the_state() {
    use CommandKind as K;
    assert_eq!(
        signalled().available_commands(),
        [K::OfferScreening, K::ProposeIntake, K::Release, K::Decline, K::Transfer, K::Close]
    );
    assert_eq!(pathway_at(Stage::ReleasedInFollowUp).available_commands(), [K::CompleteFollowUp, K::Decline, K::Close]);
    assert_eq!(declined_at(Stage::InCare).available_commands(), [K::Release, K::ComeBack, K::Transfer, K::Close]);
    assert_eq!(closed_with(ClosingReason::Deceased).available_commands(), [K::Reopen]);
}

// --- Replay ------------------------------------------------------------------

/// A long, valid pathway: screening refused then done, decline and return,
/// transfer, release, closing, reopening.
fn eventful() -> Pathway {
    let mut pathway = signalled();
    for command in [
        Command::OfferScreening,
        Command::RefuseScreening,
        Command::OfferScreening,
        Command::RecordScreening { positive: false, care_requested: true },
        Command::Decline,
        Command::ComeBack,
        Command::RecordIntake,
        Command::Transfer { to: TransferDestination::PilotSite(THERE) },
        Command::StartCare,
        Command::PlanRelease,
        Command::Release { with_follow_up: true },
        Command::Close { reason: ClosingReason::LostToFollowUp },
    ] {
        accept(&mut pathway, command);
    }
    let context = Context { why: Some("came back".to_owned()), ..later(&pathway) };
    pathway.apply(Command::Reopen { site: HERE }, context).expect("reopened");
    pathway
}

#[test]
fn replay_rebuilds_a_valid_log() {
    let pathway = eventful();
    assert_eq!(Pathway::replay(pathway.history().to_vec()), Ok(pathway));
}

#[test]
fn replay_refuses_an_empty_log() {
    assert_eq!(Pathway::replay(Vec::new()), Err(ReplayError::Empty));
}

#[test]
fn replay_refuses_a_log_that_does_not_open_with_a_signal() {
    let mut log = eventful().history().to_vec();
    log.remove(0);
    assert_eq!(Pathway::replay(log), Err(ReplayError::BadOpening { index: 0 }));
}

#[test]
fn replay_refuses_a_second_signal() {
    let mut log = eventful().history().to_vec();
    let mut second = log[0].clone();
    second.at = log[1].at;
    log.insert(1, second);
    assert_eq!(Pathway::replay(log), Err(ReplayError::BadOpening { index: 1 }));
}

#[test]
fn replay_refuses_a_step_the_machine_refuses() {
    let mut log = eventful().history().to_vec();
    log.remove(1); // the screening was never offered, yet it is refused
    let error = Pathway::replay(log).expect_err("invalid");
    assert!(
        matches!(error, ReplayError::Refused { index: 1, refusal } if refusal.reason == RefusalReason::ScreeningNotOffered),
        "{error:?}"
    );
}

#[test]
fn replay_refuses_a_recorded_state_the_step_does_not_lead_to() {
    let mut log = eventful().history().to_vec();
    log[3].to = State::Active(Stage::InCare);
    assert_eq!(Pathway::replay(log), Err(ReplayError::Mismatch { index: 3 }));
}

#[test]
fn replay_refuses_a_broken_chain() {
    let mut log = eventful().history().to_vec();
    log[2].from = Some(State::Active(Stage::InCare));
    assert_eq!(Pathway::replay(log), Err(ReplayError::Mismatch { index: 2 }));
}

#[test]
fn replay_refuses_a_recorded_site_the_step_does_not_lead_to() {
    let mut log = eventful().history().to_vec();
    log[2].site = THERE;
    assert_eq!(Pathway::replay(log), Err(ReplayError::Mismatch { index: 2 }));
}

#[test]
fn replay_refuses_steps_out_of_order_in_time() {
    let mut log = eventful().history().to_vec();
    log[4].at = log[0].at;
    let error = Pathway::replay(log).expect_err("invalid");
    assert!(
        matches!(error, ReplayError::Refused { index: 4, refusal } if refusal.reason == RefusalReason::BeforeLastStep)
    );
}

// --- Codes and message ids ---------------------------------------------------

#[test]
fn codes_are_unique_snake_case_and_round_trip() {
    fn check(codes: Vec<&'static str>) {
        let unique: BTreeSet<_> = codes.iter().collect();
        assert_eq!(unique.len(), codes.len(), "duplicate code in {codes:?}");
        for code in codes {
            assert!(code.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{code}");
        }
    }
    check(Stage::ALL.map(Stage::code).to_vec());
    check(ClosingReason::ALL.map(ClosingReason::code).to_vec());
    check(SignalSource::ALL.map(SignalSource::code).to_vec());
    check(CommandKind::ALL.map(CommandKind::code).to_vec());
    for stage in Stage::ALL {
        assert_eq!(Stage::from_code(stage.code()), Some(stage));
        assert_ne!(stage.code(), "declined");
        assert_ne!(stage.code(), "closed");
    }
    for reason in ClosingReason::ALL {
        assert_eq!(ClosingReason::from_code(reason.code()), Some(reason));
    }
    for source in SignalSource::ALL {
        assert_eq!(SignalSource::from_code(source.code()), Some(source));
    }
    for kind in CommandKind::ALL {
        assert_eq!(CommandKind::from_code(kind.code()), Some(kind));
    }
    assert_eq!(Stage::from_code("screened"), None);
}

#[test]
fn message_ids_are_unique_and_cover_everything_the_module_names() {
    let ids = message_ids();
    let unique: BTreeSet<_> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate message id");
    let mut named: Vec<&str> = Vec::new();
    named.extend(Stage::ALL.map(|s| State::Active(s).message_id()));
    named.extend(Stage::ALL.map(|s| State::Declined { returns_to: s }.message_id()));
    named.extend(ClosingReason::ALL.map(|r| State::Closed(r).message_id()));
    named.extend(ClosingReason::ALL.map(ClosingReason::message_id));
    named.extend(SignalSource::ALL.map(SignalSource::message_id));
    named.extend(CommandKind::ALL.map(CommandKind::message_id));
    named.extend(RefusalReason::ALL.map(RefusalReason::message_id));
    for id in named {
        assert!(unique.contains(id), "{id} is not in message_ids()");
        assert!(id.starts_with("pathway-"), "{id}");
    }
}

// --- Properties --------------------------------------------------------------

fn site() -> impl Strategy<Value = SiteId> {
    (1_i64..=3).prop_map(SiteId)
}

fn command() -> impl Strategy<Value = Command> {
    let source = prop::sample::select(SignalSource::ALL.to_vec());
    let reason = prop::sample::select(ClosingReason::ALL.to_vec());
    let destination =
        prop_oneof![site().prop_map(TransferDestination::PilotSite), Just(TransferDestination::OutOfProgramme)];
    prop_oneof![
        (source, site()).prop_map(|(source, site)| Command::Signal { source, site }),
        Just(Command::OfferScreening),
        Just(Command::RefuseScreening),
        (any::<bool>(), any::<bool>())
            .prop_map(|(positive, care_requested)| Command::RecordScreening { positive, care_requested }),
        Just(Command::ProposeIntake),
        Just(Command::RecordIntake),
        Just(Command::StartCare),
        Just(Command::PlanRelease),
        any::<bool>().prop_map(|with_follow_up| Command::Release { with_follow_up }),
        Just(Command::CompleteFollowUp),
        Just(Command::Decline),
        Just(Command::ComeBack),
        destination.prop_map(|to| Command::Transfer { to }),
        reason.prop_map(|reason| Command::Close { reason }),
        site().prop_map(|site| Command::Reopen { site }),
    ]
}

/// A command with a time step (seconds after the last one; sometimes before
/// it) and a reason that may be missing or blank.
fn step_input() -> impl Strategy<Value = (Command, i64, Option<String>)> {
    (command(), -2_i64..50, prop::option::of(prop_oneof![Just(" ".to_owned()), "[a-z ]{1,12}"]))
}

/// Checks every invariant of a pathway.
fn assert_valid(pathway: &Pathway) {
    let history = pathway.history();
    let first = history.first().expect("never empty");
    assert!(first.from.is_none() && matches!(first.command, Command::Signal { .. }));
    for pair in history.windows(2) {
        assert_eq!(pair[1].from, Some(pair[0].to), "each step starts where the last ended");
        assert!(pair[0].at <= pair[1].at, "time never goes back");
        assert!(!matches!(pair[1].command, Command::Signal { .. }), "only the first step is a signal");
    }
    let last = history.last().expect("never empty");
    assert_eq!((pathway.state(), pathway.site()), (last.to, last.site));
    for transition in history {
        if let Some(why) = &transition.why {
            assert!(!why.trim().is_empty() && why.trim() == why, "reasons are trimmed and not blank");
        }
    }
    assert_eq!(Pathway::replay(history.to_vec()).as_ref(), Ok(pathway), "the state is the replay of the history");
}

proptest! {
    #[test]
    fn any_sequence_of_commands_leaves_a_valid_pathway(inputs in prop::collection::vec(step_input(), 0..40)) {
        let mut pathway = signalled();
        let mut now = 0_i64;
        for (command, delta, why) in inputs {
            let before = pathway.clone();
            let context = Context { who: WORKER, at: Timestamp::from_second(START + now + delta).expect("time"), why };
            match pathway.apply(command, context) {
                Ok(_) => now += delta.max(0),
                Err(refusal) => {
                    prop_assert_eq!(&pathway, &before, "a refusal changes nothing");
                    prop_assert_eq!(refusal.state, before.state());
                    prop_assert_eq!(refusal.command, command.kind());
                }
            }
            assert_valid(&pathway);
        }
    }

    #[test]
    fn a_closed_pathway_refuses_every_command_but_reopening(
        inputs in prop::collection::vec(command(), 0..40),
        probe in command(),
    ) {
        let mut pathway = signalled();
        for command in inputs {
            let context = later(&pathway);
            let _ = pathway.apply(command, context);
        }
        if !pathway.is_closed() {
            // Close it the way that is always open.
            accept(&mut pathway, Command::Close { reason: ClosingReason::Deceased });
        }
        let context = Context { why: Some("reason".to_owned()), ..later(&pathway) };
        let result = pathway.clone().apply(probe, context).map(|t| t.to);
        if matches!(probe, Command::Reopen { .. }) {
            prop_assert_eq!(result, Ok(State::Active(Stage::Signalled)));
        } else {
            prop_assert_eq!(result.map_err(|r| r.reason), Err(RefusalReason::Closed));
        }
    }

    #[test]
    fn the_offered_steps_are_those_some_variant_of_which_is_accepted(
        inputs in prop::collection::vec(command(), 0..30),
        probe in command(),
    ) {
        let mut pathway = signalled();
        for command in inputs {
            let context = later(&pathway);
            let _ = pathway.apply(command, context);
        }
        let context = Context { why: Some("reason".to_owned()), ..later(&pathway) };
        if pathway.clone().apply(probe, context).is_ok() {
            prop_assert!(pathway.available_commands().contains(&probe.kind()), "{:?} accepted but not offered", probe);
        }
    }
}
