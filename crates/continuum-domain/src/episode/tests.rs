use jiff::civil::date;

use super::*;

const ENTRY: Date = date(2026, 10, 1);
const TODAY: Date = date(2026, 11, 23);

#[test]
fn release_kind_codes_round_trip_and_only_a_transfer_is_not_recorded_as_a_release() {
    for kind in ReleaseKind::ALL {
        assert_eq!(ReleaseKind::parse(kind.code()), Some(kind));
        assert_eq!(
            kind.is_recorded_as_release(),
            !matches!(kind, ReleaseKind::Transfer | ReleaseKind::TransferOutOfProgramme)
        );
    }
    assert_eq!(ReleaseKind::parse("escaped"), None);
}

#[test]
fn a_change_sets_the_legal_status_and_clears_or_sets_the_expected_release() {
    let fields = EpisodeChangeFields { legal_status: "sentenced", expected_release: "" };
    let change = EpisodeChange::parse(&fields, ENTRY).expect("valid");
    assert_eq!(change, EpisodeChange { legal_status: LegalStatus::Sentenced, expected_release: None });
    let fields = EpisodeChangeFields { legal_status: "remand", expected_release: "01/10/2026" };
    assert_eq!(EpisodeChange::parse(&fields, ENTRY).expect("valid").expected_release, Some(ENTRY));
}

#[test]
fn a_change_names_a_missing_status_and_an_expected_release_before_entry() {
    let fields = EpisodeChangeFields { legal_status: "", expected_release: "2026-09-30" };
    let errors = EpisodeChange::parse(&fields, ENTRY).expect_err("invalid");
    assert_eq!(errors.for_field("legal_status"), Some(&Problem::Required));
    assert_eq!(errors.for_field("expected_release"), Some(&Problem::BeforeEntry));
    let fields = EpisodeChangeFields { legal_status: "free", expected_release: "31/02/2027" };
    let errors = EpisodeChange::parse(&fields, ENTRY).expect_err("invalid");
    assert_eq!(errors.for_field("legal_status"), Some(&Problem::InvalidFormat));
    assert_eq!(errors.for_field("expected_release"), Some(&Problem::InvalidFormat));
}

#[test]
fn a_release_on_the_entry_day_or_today_is_accepted() {
    for day in ["2026-10-01", "23/11/2026"] {
        let fields = ReleaseFields { release_date: day, release_kind: "end_of_sentence" };
        let release = ReleaseDraft::parse(&fields, ENTRY, TODAY).expect(day);
        assert_eq!(release.kind, ReleaseKind::EndOfSentence);
    }
}

#[test]
fn a_release_before_entry_names_the_release_date() {
    let fields = ReleaseFields { release_date: "2026-09-30", release_kind: "conditional_release" };
    let errors = ReleaseDraft::parse(&fields, ENTRY, TODAY).expect_err("before entry");
    assert_eq!(errors.0, vec![crate::validation::FieldError { field: "release_date", problem: Problem::BeforeEntry }]);
}

#[test]
fn a_release_in_the_future_or_without_date_or_kind_is_refused() {
    let fields = ReleaseFields { release_date: "2026-11-24", release_kind: "" };
    let errors = ReleaseDraft::parse(&fields, ENTRY, TODAY).expect_err("invalid");
    assert_eq!(errors.for_field("release_date"), Some(&Problem::ImpossibleDate));
    assert_eq!(errors.for_field("release_kind"), Some(&Problem::Required));
    let fields = ReleaseFields { release_date: "", release_kind: "transfer" };
    let errors = ReleaseDraft::parse(&fields, ENTRY, TODAY).expect_err("invalid");
    assert_eq!(errors.for_field("release_date"), Some(&Problem::Required));
    assert_eq!(errors.for_field("release_kind"), Some(&Problem::InvalidFormat), "a transfer is its own step");
}

#[test]
fn a_transfer_keeps_the_prison_number_unless_a_new_one_is_given() {
    let fields = TransferFields { site: " lan ", transfer_date: "2026-11-20", prison_number: "" };
    let transfer = TransferDraft::parse(&fields, ENTRY, TODAY).expect("valid");
    assert_eq!(transfer, TransferDraft { site: "LAN".into(), date: date(2026, 11, 20), prison_number: None });
    let fields = TransferFields { prison_number: " LAN-77 ", ..fields };
    assert_eq!(TransferDraft::parse(&fields, ENTRY, TODAY).expect("valid").prison_number.as_deref(), Some("LAN-77"));
}

#[test]
fn a_transfer_names_a_missing_site_a_date_before_entry_and_a_bad_number() {
    let fields = TransferFields { site: "", transfer_date: "2026-01-01", prison_number: "L 77" };
    let errors = TransferDraft::parse(&fields, ENTRY, TODAY).expect_err("invalid");
    assert_eq!(errors.for_field("site"), Some(&Problem::Required));
    assert_eq!(errors.for_field("transfer_date"), Some(&Problem::BeforeEntry));
    assert_eq!(errors.for_field("prison_number"), Some(&Problem::InvalidFormat));
}

#[test]
fn a_release_closes_a_pathway_without_care_contact_and_follows_up_one_with_care_contact() {
    use crate::pathway::Stage as S;
    let release = |stage, wanted| pathway_step_at_release(ReleaseKind::EndOfSentence, State::Active(stage), wanted);
    for stage in [S::Signalled, S::ScreeningOffered, S::IntakeProposed] {
        assert_eq!(release(stage, true), Some(Command::Release { with_follow_up: false }), "{stage:?}");
    }
    for stage in [S::Intake, S::InCare, S::ReleasePlanning] {
        assert_eq!(release(stage, true), Some(Command::Release { with_follow_up: true }), "{stage:?}");
    }
    assert_eq!(release(S::ReleasedInFollowUp, true), None, "released already");
}

#[test]
fn a_person_who_declines_contact_after_release_or_declined_care_is_released_without_follow_up() {
    use crate::pathway::Stage as S;
    let without = Some(Command::Release { with_follow_up: false });
    assert_eq!(pathway_step_at_release(ReleaseKind::ConditionalRelease, State::Active(S::InCare), false), without);
    for stage in [S::Signalled, S::InCare] {
        let declined = State::Declined { returns_to: stage };
        assert_eq!(pathway_step_at_release(ReleaseKind::Other, declined, true), without, "{stage:?}");
    }
}

#[test]
fn a_death_or_a_transfer_out_closes_any_open_pathway_and_a_closed_one_stays_closed() {
    let in_care = State::Active(Stage::InCare);
    assert_eq!(
        pathway_step_at_release(ReleaseKind::Deceased, in_care, true),
        Some(Command::Close { reason: ClosingReason::Deceased })
    );
    assert_eq!(
        pathway_step_at_release(ReleaseKind::TransferOutOfProgramme, in_care, true),
        Some(Command::Transfer { to: TransferDestination::OutOfProgramme })
    );
    let closed = State::Closed(ClosingReason::Completed);
    for kind in ReleaseKind::ALL {
        assert_eq!(pathway_step_at_release(kind, closed, true), None, "{kind:?}");
    }
}

/// Whatever the kind, state and follow-up wish, the step chosen is one the
/// machine accepts, and the person leaves the prison's care: closed, or
/// followed up after release.
#[test]
fn every_step_chosen_at_release_is_accepted_by_the_pathway() {
    use crate::ids::{SiteId, UserId};
    use crate::pathway::{Context, Pathway, SignalSource};
    let at = |s: i64| jiff::Timestamp::from_second(1_800_000_000 + s).expect("time");
    let context = |s: i64| Context { who: UserId(1), at: at(s), why: Some("test".into()) };
    let care: &[Command] = &[Command::ProposeIntake, Command::RecordIntake, Command::StartCare];
    let paths: [&[Command]; 7] = [
        &[],
        &[Command::OfferScreening],
        &[Command::ProposeIntake],
        care,
        &[Command::ProposeIntake, Command::RecordIntake, Command::StartCare, Command::PlanRelease],
        &[Command::Decline],
        &[Command::ProposeIntake, Command::RecordIntake, Command::StartCare, Command::Decline],
    ];
    for path in paths {
        for kind in ReleaseKind::ALL {
            for wanted in [true, false] {
                let mut pathway = Pathway::open(SignalSource::Entry, SiteId(1), context(0));
                for (i, command) in path.iter().enumerate() {
                    pathway.apply(*command, context(i as i64 + 1)).expect("the way there");
                }
                if let Some(step) = pathway_step_at_release(kind, pathway.state(), wanted) {
                    pathway.apply(step, context(10)).unwrap_or_else(|r| panic!("{kind:?} after {path:?}: {r}"));
                    let followed = pathway.state() == State::Active(Stage::ReleasedInFollowUp);
                    assert!(pathway.is_closed() || followed, "{kind:?} after {path:?}");
                }
            }
        }
    }
}
