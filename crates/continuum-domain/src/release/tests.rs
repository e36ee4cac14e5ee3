//! Release planning and follow-up as a specification: when planning is due,
//! the checklist, the follow-up contacts, closing, and who may be
//! responsible for a pathway.

use std::collections::BTreeSet;

use jiff::Timestamp;
use jiff::civil::date;

use super::*;
use crate::ids::UserId;
use crate::pathway::{ClosingReason, Context, Pathway, SignalSource};
use crate::role::{Role, SiteScope};
use crate::validation::Problem;

const ENTRY: Date = date(2026, 9, 1);
const TODAY: Date = date(2026, 11, 24);
const HERE: SiteId = SiteId(1);
const THERE: SiteId = SiteId(2);

fn at(seconds: i64) -> Context {
    Context { who: UserId(7), at: Timestamp::from_second(1_800_000_000 + seconds).expect("time"), why: None }
}

/// A pathway walked from its signal through `steps`.
fn walked(steps: &[Command]) -> Pathway {
    let mut pathway = Pathway::open(SignalSource::Entry, HERE, at(0));
    for (i, step) in steps.iter().enumerate() {
        pathway.apply(*step, at(i as i64 + 1)).expect("the way there");
    }
    pathway
}

const IN_CARE: [Command; 3] = [Command::ProposeIntake, Command::RecordIntake, Command::StartCare];
const IN_FOLLOW_UP: [Command; 4] =
    [Command::ProposeIntake, Command::RecordIntake, Command::StartCare, Command::Release { with_follow_up: true }];

// ---------------------------------------------------------------------------
// When release planning is due

#[test]
fn planning_is_due_from_thirty_days_before_the_expected_release_and_after_it() {
    assert!(planning_due(date(2026, 12, 24), TODAY), "30 days ahead");
    assert!(!planning_due(date(2026, 12, 25), TODAY), "31 days ahead");
    assert!(planning_due(TODAY, TODAY));
    assert!(planning_due(date(2026, 10, 1), TODAY), "a date already past: still inside, leaving any day");
    assert_eq!(planning_horizon(TODAY), date(2026, 12, 24));
}

#[test]
fn a_pathway_at_intake_or_in_care_moves_to_release_planning_when_due() {
    let soon = Some(date(2026, 12, 1));
    for stage in [Stage::Intake, Stage::InCare] {
        assert_eq!(step_for_expected_release(State::Active(stage), soon, TODAY), Some(Command::PlanRelease));
    }
}

#[test]
fn no_planning_step_far_from_release_without_a_date_or_at_another_stage() {
    let in_care = State::Active(Stage::InCare);
    assert_eq!(step_for_expected_release(in_care, Some(date(2027, 6, 1)), TODAY), None, "far away");
    assert_eq!(step_for_expected_release(in_care, None, TODAY), None, "no date");
    let soon = Some(date(2026, 12, 1));
    for stage in [
        Stage::Signalled,
        Stage::ScreeningOffered,
        Stage::IntakeProposed,
        Stage::ReleasePlanning,
        Stage::ReleasedInFollowUp,
    ] {
        assert_eq!(step_for_expected_release(State::Active(stage), soon, TODAY), None, "{stage:?}");
    }
    let declined = State::Declined { returns_to: Stage::InCare };
    assert_eq!(step_for_expected_release(declined, soon, TODAY), None, "the person's choice holds");
    assert_eq!(step_for_expected_release(State::Closed(ClosingReason::Completed), soon, TODAY), None);
}

#[test]
fn the_planning_step_chosen_is_accepted_by_the_pathway() {
    for steps in [&IN_CARE[..2], &IN_CARE[..]] {
        let mut pathway = walked(steps);
        let step = step_for_expected_release(pathway.state(), Some(TODAY), TODAY).expect("due");
        pathway.apply(step, at(10)).expect("accepted");
        assert_eq!(pathway.state(), State::Active(Stage::ReleasePlanning));
    }
}

// ---------------------------------------------------------------------------
// The checklist

fn complete() -> ChecklistFields<'static> {
    ChecklistFields {
        service: "4",
        service_name: "",
        appointment_date: "2026-12-20",
        appointment_place: "Drughulp Limburg, Hasselt",
        oat_bridging: "prescribed",
        naloxone: "handed_over",
        housing: "housed",
        health_insurance: "requested",
        contact: "agrees",
        contact_channel: "phone",
        contact_detail: "0470 12 34 56",
    }
}

#[test]
fn an_empty_checklist_is_valid_and_misses_every_item() {
    let checklist = ReleaseChecklist::parse(&ChecklistFields::default(), ENTRY).expect("valid");
    assert_eq!(checklist, ReleaseChecklist::default());
    assert_eq!(checklist.missing(), ChecklistItem::ALL.to_vec());
    assert!(checklist.follow_up_wanted(), "no answer is no refusal");
}

#[test]
fn a_checklist_with_every_item_answered_is_complete() {
    let checklist = ReleaseChecklist::parse(&complete(), ENTRY).expect("valid");
    assert!(checklist.is_complete(), "{:?}", checklist.missing());
    assert_eq!(checklist.service, Some(OutsideService::Organisation(4)));
    assert_eq!(
        checklist.appointment,
        Some(Appointment { date: date(2026, 12, 20), place: "Drughulp Limburg, Hasselt".into() })
    );
    assert_eq!(
        checklist.contact,
        Some(ContactPreference::Agrees { channel: ContactChannel::Phone, detail: Some("0470 12 34 56".into()) })
    );
}

#[test]
fn the_missing_items_are_those_not_answered_in_checklist_order() {
    let fields = ChecklistFields { naloxone: "", housing: " ", contact: "", ..complete() };
    let checklist = ReleaseChecklist::parse(&fields, ENTRY).expect("valid");
    assert_eq!(
        checklist.missing(),
        vec![ChecklistItem::Naloxone, ChecklistItem::Housing, ChecklistItem::ContactAfterRelease]
    );
}

#[test]
fn a_service_not_in_the_list_is_named_and_the_name_is_required() {
    let named = ChecklistFields { service: "other", service_name: "  CAW Limburg ", ..complete() };
    let checklist = ReleaseChecklist::parse(&named, ENTRY).expect("valid");
    assert_eq!(checklist.service, Some(OutsideService::Named("CAW Limburg".into())));
    let unnamed = ChecklistFields { service: "other", service_name: " ", ..complete() };
    let errors = ReleaseChecklist::parse(&unnamed, ENTRY).expect_err("invalid");
    assert_eq!(errors.for_field("service_name"), Some(&Problem::Required));
    let bad = ChecklistFields { service: "the one in town", ..complete() };
    let errors = ReleaseChecklist::parse(&bad, ENTRY).expect_err("invalid");
    assert_eq!(errors.for_field("service"), Some(&Problem::InvalidFormat));
}

#[test]
fn an_appointment_needs_both_date_and_place_and_not_before_entry() {
    let no_place = ChecklistFields { appointment_place: "", ..complete() };
    let errors = ReleaseChecklist::parse(&no_place, ENTRY).expect_err("invalid");
    assert_eq!(errors.for_field("appointment_place"), Some(&Problem::Required));
    let no_date = ChecklistFields { appointment_date: "", ..complete() };
    let errors = ReleaseChecklist::parse(&no_date, ENTRY).expect_err("invalid");
    assert_eq!(errors.for_field("appointment_date"), Some(&Problem::Required));
    let early = ChecklistFields { appointment_date: "31/08/2026", ..complete() };
    let errors = ReleaseChecklist::parse(&early, ENTRY).expect_err("invalid");
    assert_eq!(errors.for_field("appointment_date"), Some(&Problem::BeforeEntry));
    let unreadable = ChecklistFields { appointment_date: "soon", ..complete() };
    let errors = ReleaseChecklist::parse(&unreadable, ENTRY).expect_err("invalid");
    assert_eq!(errors.for_field("appointment_date"), Some(&Problem::InvalidFormat));
}

#[test]
fn an_unknown_answer_is_named_by_its_field() {
    let fields = ChecklistFields {
        oat_bridging: "maybe",
        naloxone: "later",
        housing: "x",
        health_insurance: "y",
        contact: "perhaps",
        ..complete()
    };
    let errors = ReleaseChecklist::parse(&fields, ENTRY).expect_err("invalid");
    for field in ["oat_bridging", "naloxone", "housing", "health_insurance", "contact"] {
        assert_eq!(errors.for_field(field), Some(&Problem::InvalidFormat), "{field}");
    }
}

#[test]
fn contact_after_release_needs_a_channel_and_its_number_or_address() {
    let no_channel = ChecklistFields { contact_channel: "", ..complete() };
    let errors = ReleaseChecklist::parse(&no_channel, ENTRY).expect_err("invalid");
    assert_eq!(errors.for_field("contact_channel"), Some(&Problem::Required));
    let no_number = ChecklistFields { contact_detail: "", ..complete() };
    let errors = ReleaseChecklist::parse(&no_number, ENTRY).expect_err("invalid");
    assert_eq!(errors.for_field("contact_detail"), Some(&Problem::Required));
    let through = ChecklistFields { contact_channel: "through_service", contact_detail: "", ..complete() };
    let checklist = ReleaseChecklist::parse(&through, ENTRY).expect("valid");
    assert_eq!(
        checklist.contact,
        Some(ContactPreference::Agrees { channel: ContactChannel::ThroughService, detail: None })
    );
}

#[test]
fn a_person_who_declines_contact_after_release_is_not_followed_up() {
    let fields = ChecklistFields { contact: "declines", contact_channel: "", contact_detail: "", ..complete() };
    let checklist = ReleaseChecklist::parse(&fields, ENTRY).expect("valid");
    assert_eq!(checklist.contact, Some(ContactPreference::Declines));
    assert!(checklist.is_complete(), "declining is an answer");
    assert!(!checklist.follow_up_wanted());
}

#[test]
fn free_texts_are_limited() {
    let long = "x".repeat(TEXT_MAX_CHARS + 1);
    let fields = ChecklistFields { appointment_place: &long, contact_detail: &long, ..complete() };
    let errors = ReleaseChecklist::parse(&fields, ENTRY).expect_err("invalid");
    for field in ["appointment_place", "contact_detail"] {
        assert_eq!(errors.for_field(field), Some(&Problem::TooLong { max: TEXT_MAX_CHARS }), "{field}");
    }
}

#[test]
fn every_answer_reads_back_from_its_code() {
    for item in ChecklistItem::ALL {
        assert_eq!(ChecklistItem::from_code(item.code()), Some(item));
    }
    for value in Naloxone::ALL {
        assert_eq!(Naloxone::from_code(value.code()), Some(value));
    }
    for value in ContactMeans::ALL {
        assert_eq!(ContactMeans::from_code(value.code()), Some(value));
    }
    assert_eq!(Housing::from_code(" sheltered "), Some(Housing::Sheltered));
    assert_eq!(HealthInsurance::from_code("insured"), None);
}

// ---------------------------------------------------------------------------
// Follow-up contacts

const RELEASE: Date = date(2026, 11, 10);

fn contact() -> FollowUpFields<'static> {
    FollowUpFields {
        due_days: "7",
        contact_date: "2026-11-17",
        attendance: "attended",
        means: "service_phone",
        note: "  First appointment kept. ",
    }
}

#[test]
fn follow_up_contacts_are_due_seven_and_thirty_days_after_release() {
    let due: Vec<Date> = FOLLOW_UP_DAYS.iter().map(|days| due_date(RELEASE, *days)).collect();
    assert_eq!(due, vec![date(2026, 11, 17), date(2026, 12, 10)]);
}

#[test]
fn a_follow_up_contact_records_attendance_and_how_with_a_trimmed_note() {
    let draft = FollowUpDraft::parse(&contact(), RELEASE, TODAY).expect("valid");
    assert_eq!(
        draft,
        FollowUpDraft {
            due_days: 7,
            contact_date: date(2026, 11, 17),
            attendance: Attendance::Attended,
            means: ContactMeans::ServiceByPhone,
            note: Some("First appointment kept.".into()),
        }
    );
    let blank = FollowUpFields { note: "  ", ..contact() };
    assert_eq!(FollowUpDraft::parse(&blank, RELEASE, TODAY).expect("valid").note, None);
}

#[test]
fn a_follow_up_contact_before_the_release_or_after_today_is_refused() {
    let early = FollowUpFields { contact_date: "09/11/2026", ..contact() };
    let errors = FollowUpDraft::parse(&early, RELEASE, TODAY).expect_err("invalid");
    assert_eq!(errors.for_field("contact_date"), Some(&Problem::BeforeRelease));
    let future = FollowUpFields { contact_date: "2026-11-25", ..contact() };
    let errors = FollowUpDraft::parse(&future, RELEASE, TODAY).expect_err("invalid");
    assert_eq!(errors.for_field("contact_date"), Some(&Problem::ImpossibleDate));
}

#[test]
fn a_follow_up_contact_names_every_missing_or_unknown_field() {
    let empty = FollowUpDraft::parse(&FollowUpFields::default(), RELEASE, TODAY).expect_err("invalid");
    for field in ["due_days", "contact_date", "attendance", "means"] {
        assert_eq!(empty.for_field(field), Some(&Problem::Required), "{field}");
    }
    let odd = FollowUpFields { due_days: "14", attendance: "maybe", means: "pigeon", ..contact() };
    let errors = FollowUpDraft::parse(&odd, RELEASE, TODAY).expect_err("invalid");
    for field in ["due_days", "attendance", "means"] {
        assert_eq!(errors.for_field(field), Some(&Problem::InvalidFormat), "{field}");
    }
    let long = "x".repeat(NOTE_MAX_CHARS + 1);
    let wordy = FollowUpFields { note: &long, ..contact() };
    let errors = FollowUpDraft::parse(&wordy, RELEASE, TODAY).expect_err("invalid");
    assert_eq!(errors.for_field("note"), Some(&Problem::TooLong { max: NOTE_MAX_CHARS }));
}

// ---------------------------------------------------------------------------
// Closing a follow-up

#[test]
fn a_follow_up_completes_only_once_both_contacts_are_recorded() {
    let following = State::Active(Stage::ReleasedInFollowUp);
    assert_eq!(closing_steps(following, ClosingReason::Completed, false), Err(ClosingRefusal::FollowUpsOutstanding));
    assert_eq!(closing_steps(following, ClosingReason::Completed, true), Ok(vec![Command::CompleteFollowUp]));
}

#[test]
fn a_follow_up_closes_as_lost_or_deceased_at_any_time_and_as_declined_after_the_decline() {
    let following = State::Active(Stage::ReleasedInFollowUp);
    for reason in [ClosingReason::LostToFollowUp, ClosingReason::Deceased] {
        assert_eq!(closing_steps(following, reason, false), Ok(vec![Command::Close { reason }]));
    }
    let declined = ClosingReason::Declined;
    assert_eq!(
        closing_steps(following, declined, false),
        Ok(vec![Command::Decline, Command::Close { reason: declined }])
    );
    let already = State::Declined { returns_to: Stage::ReleasedInFollowUp };
    assert_eq!(closing_steps(already, declined, false), Ok(vec![Command::Close { reason: declined }]));
}

#[test]
fn only_a_follow_up_closes_here_and_only_for_a_reason_a_team_chooses() {
    for state in [State::Active(Stage::InCare), State::Declined { returns_to: Stage::InCare }] {
        assert_eq!(closing_steps(state, ClosingReason::Deceased, true), Err(ClosingRefusal::NotInFollowUp));
    }
    let following = State::Active(Stage::ReleasedInFollowUp);
    for reason in [ClosingReason::TransferredOutOfProgramme, ClosingReason::ReleasedWithoutFollowUp] {
        assert_eq!(closing_steps(following, reason, true), Err(ClosingRefusal::NotAChoice));
    }
}

#[test]
fn every_closing_chosen_in_follow_up_is_accepted_by_the_pathway() {
    for reason in CLOSING_CHOICES {
        let mut pathway = walked(&IN_FOLLOW_UP);
        let steps = closing_steps(pathway.state(), reason, true).expect("a choice");
        for (i, step) in steps.into_iter().enumerate() {
            pathway.apply(step, at(20 + i as i64)).unwrap_or_else(|r| panic!("{reason:?}: {r}"));
        }
        assert_eq!(pathway.state(), State::Closed(reason));
    }
}

// ---------------------------------------------------------------------------
// The responsible care worker

fn grant(role: Role, scope: SiteScope) -> RoleGrant {
    RoleGrant { role, scope }
}

#[test]
fn a_care_worker_or_the_medical_service_of_the_site_may_be_responsible() {
    assert!(may_be_responsible(&[grant(Role::CareWorker, SiteScope::Site(HERE))], HERE));
    assert!(may_be_responsible(&[grant(Role::Medical, SiteScope::Site(HERE))], HERE));
    assert!(may_be_responsible(&[grant(Role::Medical, SiteScope::AllSites)], HERE));
}

#[test]
fn nobody_without_a_clinical_role_at_the_site_may_be_responsible() {
    assert!(!may_be_responsible(&[grant(Role::CareWorker, SiteScope::Site(THERE))], HERE), "another prison");
    for role in
        [Role::Psychosocial, Role::PrisonStaff, Role::Director, Role::Coordinator, Role::Researcher, Role::Admin]
    {
        assert!(!may_be_responsible(&[grant(role, SiteScope::AllSites)], HERE), "{role:?}");
    }
    assert!(!may_be_responsible(&[], HERE));
}

// ---------------------------------------------------------------------------
// Messages

#[test]
fn message_ids_are_distinct_and_follow_the_naming_rule() {
    let ids = message_ids();
    let distinct: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(distinct.len(), ids.len());
    for id in ids {
        assert!(id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_".contains(c)), "{id}");
    }
}
