//! The rules of governance as a specification.

use jiff::civil::{Date, date};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;

use super::action::{ActionDraft, ActionFields, ActionStatus, is_overdue, may_change};
use super::group::{
    Function, GroupDraft, GroupFields, GroupKind, MemberDraft, MemberFields, Office, Period, Quorum, Seat, Thresholds,
    check_end, check_office, vacancies,
};
use super::health::{Concern, GroupFacts, Light, assess, days_between, is_dormant, unapproved_minutes};
use super::meeting::{
    MeetingDraft, MeetingFacts, MeetingFields, MeetingStatus, check_approval, check_may_hold, parse_decision,
    parse_minutes, parse_time,
};
use super::names_a_person;
use super::project::{
    DecidingMeeting, DecisionFields, DecisionOnRequest, Outcome, ProjectDraft, ProjectFields, ProjectKind,
    RequestState, RequestStep, next_state, parse_follow_up, waiting_days,
};
use crate::ids::SiteId;
use crate::validation::Problem;

fn brussels() -> TimeZone {
    super::meeting::belgian_time()
}

fn now() -> Timestamp {
    "2026-03-10T12:00:00Z".parse().expect("instant")
}

// ---------------------------------------------------------------------------
// Identifying text

#[test]
fn a_national_register_number_identifies_a_person_whatever_its_separators() {
    // 85.07.30-033.28: 850730033 mod 97 = 69, 97 - 69 = 28.
    assert!(names_a_person("Dossier 85.07.30-033.28 besproken"));
    assert!(names_a_person("85073003328"));
    assert!(names_a_person("nr 850730 033 28."));
    // Born in 2000 or later: a 2 before the nine digits.
    assert!(names_a_person("01.02.03-123.45"));
}

#[test]
fn other_numbers_do_not_identify_a_person() {
    assert!(!names_a_person("Budget 2026: 12.000 euro, 4 meetings"));
    assert!(!names_a_person("85.07.30-033.29"), "wrong check digits");
    assert!(!names_a_person("Tel 011 26 45 00"));
    assert!(!names_a_person("850730033280"), "twelve digits");
}

// ---------------------------------------------------------------------------
// Groups and members

fn group_fields() -> GroupFields<'static> {
    GroupFields { name: "Lokale stuurgroep drugs Hasselt", kind: "local", site: Some(SiteId(1)), ..Default::default() }
}

#[test]
fn a_group_takes_the_default_thresholds_when_none_are_given() {
    let draft = GroupDraft::parse(&group_fields(), Thresholds::DEFAULT).expect("valid");
    assert_eq!(draft.kind, GroupKind::Local);
    assert_eq!(draft.thresholds, Thresholds { target_per_year: 4, dormant_after_days: 180 });
    assert_eq!(draft.quorum, Quorum { percent: 50 });
}

#[test]
fn a_local_group_needs_its_prison_and_the_central_group_has_none() {
    let local = GroupDraft::parse(&GroupFields { site: None, ..group_fields() }, Thresholds::DEFAULT);
    assert_eq!(local.expect_err("no prison").for_field("site"), Some(&Problem::Required));
    let central = GroupDraft::parse(&GroupFields { kind: "central", ..group_fields() }, Thresholds::DEFAULT);
    assert_eq!(central.expect_err("with a prison").for_field("site"), Some(&Problem::SiteNotForKind));
    let unknown =
        GroupDraft::parse(&GroupFields { site: None, site_unknown: true, ..group_fields() }, Thresholds::DEFAULT);
    assert_eq!(unknown.expect_err("unknown").for_field("site"), Some(&Problem::UnknownSite));
    let other = GroupDraft::parse(&GroupFields { kind: "other", site: None, ..group_fields() }, Thresholds::DEFAULT);
    assert!(other.is_ok(), "a further group may be programme-wide");
}

#[test]
fn the_dormancy_threshold_must_exceed_the_interval_between_meetings_on_target() {
    let fields = GroupFields { target_per_year: "4", dormant_after_days: "90", ..group_fields() };
    let errors = GroupDraft::parse(&fields, Thresholds::DEFAULT).expect_err("90 days < 92");
    assert_eq!(errors.for_field("dormant_after_days"), Some(&Problem::OutOfRange { min: 92, max: 730 }));
    let fields = GroupFields { target_per_year: "12", dormant_after_days: "90", ..group_fields() };
    assert!(GroupDraft::parse(&fields, Thresholds::DEFAULT).is_ok());
    let fields = GroupFields { target_per_year: "0", quorum_percent: "101", ..group_fields() };
    let errors = GroupDraft::parse(&fields, Thresholds::DEFAULT).expect_err("out of range");
    assert_eq!(errors.for_field("target_per_year"), Some(&Problem::OutOfRange { min: 1, max: 24 }));
    assert_eq!(errors.for_field("quorum_percent"), Some(&Problem::OutOfRange { min: 1, max: 100 }));
}

#[test]
fn only_the_central_group_decides_authorisations() {
    assert!(GroupKind::Central.decides_authorisations());
    assert!(!GroupKind::Local.decides_authorisations());
    assert!(!GroupKind::Other.decides_authorisations());
}

fn member_fields() -> MemberFields<'static> {
    MemberFields { function: "prison_doctor", name: "Dr. A. Claes", start: "2025-01-01", ..Default::default() }
}

#[test]
fn a_member_needs_a_function_a_name_and_a_start_and_ends_after_starting() {
    let draft = MemberDraft::parse(&member_fields()).expect("valid");
    assert_eq!((draft.function, draft.office), (Function::PrisonDoctor, Office::Member));
    let errors =
        MemberDraft::parse(&MemberFields { function: "", name: "", start: "", ..member_fields() }).expect_err("empty");
    for field in ["function", "name", "start"] {
        assert_eq!(errors.for_field(field), Some(&Problem::Required), "{field}");
    }
    let errors = MemberDraft::parse(&MemberFields { end: "2024-12-31", ..member_fields() }).expect_err("ends first");
    assert_eq!(errors.for_field("end"), Some(&Problem::DateOrder));
}

fn seat(id: i64, office: Office, start: Date, end: Option<Date>) -> Seat {
    Seat { id, function: Function::PrisonDirector, office, period: Period { start, end } }
}

#[test]
fn a_group_has_one_chair_at_a_time() {
    let chair = seat(1, Office::Chair, date(2024, 1, 1), Some(date(2025, 6, 30)));
    let next = seat(0, Office::Chair, date(2025, 7, 1), None);
    assert_eq!(check_office(&[chair], next), Ok(()), "the next chair after the term ends");
    let overlapping = seat(0, Office::Chair, date(2025, 6, 30), None);
    assert_eq!(check_office(&[chair], overlapping), Err(Problem::OfficeTaken));
    let secretary = seat(0, Office::Secretary, date(2025, 1, 1), None);
    assert_eq!(check_office(&[chair], secretary), Ok(()), "another office");
    assert_eq!(check_office(&[chair], Seat { id: 1, ..chair }), Ok(()), "a membership does not clash with itself");
}

#[test]
fn a_membership_ends_on_or_after_its_start() {
    let period = Period { start: date(2025, 1, 1), end: None };
    assert_eq!(check_end(period, date(2024, 12, 31)), Err(Problem::DateOrder));
    assert_eq!(
        check_end(period, date(2025, 1, 1)),
        Ok(Period { start: date(2025, 1, 1), end: Some(date(2025, 1, 1)) })
    );
}

#[test]
fn a_group_whose_chair_left_has_a_vacant_chair() {
    let today = date(2026, 3, 1);
    let seats = [
        seat(1, Office::Chair, date(2009, 1, 1), Some(date(2011, 5, 31))),
        Seat { function: Function::PrisonDoctor, ..seat(2, Office::Secretary, date(2009, 1, 1), None) },
    ];
    let vacant = vacancies(GroupKind::Central, &seats, today);
    assert!(vacant.chair);
    assert!(!vacant.secretary);
    assert!(vacant.functions.contains(&Function::DirectorGeneral));
    assert!(!vacant.functions.contains(&Function::PrisonDoctor));
    assert!(vacant.functions.contains(&Function::PrisonDirector), "the chair's seat is vacant since they left");
    assert!(vacancies(GroupKind::Other, &[], today).functions.is_empty(), "a further group expects no seats");
}

#[test]
fn the_quorum_counts_those_present_against_the_members() {
    let half = Quorum::DEFAULT;
    assert!(half.met(4, 8));
    assert!(!half.met(3, 8));
    assert_eq!(half.needed(7), 4);
    assert!(!half.met(0, 0), "a group without members never has a quorum");
    assert!(Quorum { percent: 100 }.met(3, 3));
}

// ---------------------------------------------------------------------------
// Meetings

fn meeting_fields() -> MeetingFields<'static> {
    MeetingFields {
        date: "2026-04-14",
        time: "14:00",
        place: "Vergaderzaal A",
        agenda: "Goedkeuring verslag\n\nOpvolging acties\n",
        ..Default::default()
    }
}

#[test]
fn a_meeting_is_planned_on_the_belgian_clock_and_kept_in_utc() {
    let draft = MeetingDraft::parse(&meeting_fields(), &brussels(), now()).expect("valid");
    // Summer time in April: 14:00 in Brussels is 12:00 UTC.
    assert_eq!(draft.starts_at.to_string(), "2026-04-14T12:00:00Z");
    assert_eq!(draft.status, MeetingStatus::Planned);
    assert_eq!(draft.duration_minutes, 120);
    let titles: Vec<&str> = draft.agenda.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Goedkeuring verslag", "Opvolging acties"]);
}

#[test]
fn a_meeting_in_the_past_cannot_be_planned_as_future() {
    let fields = MeetingFields { date: "2026-03-01", ..meeting_fields() };
    let errors = MeetingDraft::parse(&fields, &brussels(), now()).expect_err("in the past");
    assert_eq!(errors.for_field("date"), Some(&Problem::MeetingInPast));
    let held =
        MeetingDraft::parse(&MeetingFields { held: true, ..fields }, &brussels(), now()).expect("a past meeting held");
    assert_eq!(held.status, MeetingStatus::Held);
}

#[test]
fn a_meeting_still_to_come_cannot_be_recorded_as_held() {
    let fields = MeetingFields { held: true, ..meeting_fields() };
    let errors = MeetingDraft::parse(&fields, &brussels(), now()).expect_err("in the future");
    assert_eq!(errors.for_field("date"), Some(&Problem::MeetingInFuture));
    let at: Timestamp = "2026-04-14T12:00:00Z".parse().expect("instant");
    assert_eq!(check_may_hold(at, now()), Err(Problem::MeetingInFuture));
    assert_eq!(check_may_hold(at, at), Ok(()));
}

#[test]
fn a_meeting_names_its_bad_fields() {
    let fields = MeetingFields {
        date: "14 april",
        time: "25:00",
        duration_minutes: "5",
        video_link: "teams meeting",
        ..meeting_fields()
    };
    let errors = MeetingDraft::parse(&fields, &brussels(), now()).expect_err("invalid");
    assert_eq!(errors.for_field("date"), Some(&Problem::InvalidFormat));
    assert_eq!(errors.for_field("time"), Some(&Problem::InvalidFormat));
    assert_eq!(errors.for_field("duration_minutes"), Some(&Problem::OutOfRange { min: 15, max: 600 }));
    assert_eq!(errors.for_field("video_link"), Some(&Problem::InvalidFormat));
    assert_eq!(parse_time("9h30").map(|t| (t.hour(), t.minute())), Some((9, 30)));
}

#[test]
fn an_agenda_item_that_identifies_a_person_is_refused() {
    let fields = MeetingFields { agenda: "Situatie gedetineerde 85.07.30-033.28", ..meeting_fields() };
    let errors = MeetingDraft::parse(&fields, &brussels(), now()).expect_err("identifies");
    assert_eq!(errors.for_field("agenda"), Some(&Problem::IdentifiesPerson));
}

#[test]
fn minutes_belong_to_held_meetings_only() {
    assert_eq!(
        parse_minutes(MeetingStatus::Planned, "Verslag").expect_err("planned").for_field("minutes"),
        Some(&Problem::MeetingNotHeld)
    );
    assert_eq!(parse_minutes(MeetingStatus::Held, " Verslag ").expect("held"), "Verslag");
    assert_eq!(
        parse_minutes(MeetingStatus::Held, "  ").expect_err("empty").for_field("minutes"),
        Some(&Problem::Required)
    );
}

fn facts(group_id: i64, status: MeetingStatus, day: &str) -> MeetingFacts {
    MeetingFacts { group_id, status, starts_at: format!("{day}T12:00:00Z").parse().expect("instant") }
}

#[test]
fn minutes_are_approved_at_a_later_held_meeting_of_the_same_group() {
    let march = facts(1, MeetingStatus::Held, "2026-03-01");
    let june = facts(1, MeetingStatus::Held, "2026-06-01");
    assert_eq!(check_approval(march, true, june), Ok(()));
    assert_eq!(check_approval(march, false, june), Err(("minutes", Problem::Required)));
    assert_eq!(check_approval(march, true, march), Err(("approved_at", Problem::ApprovalNotLater)));
    assert_eq!(check_approval(june, true, march), Err(("approved_at", Problem::ApprovalNotLater)));
    let elsewhere = facts(2, MeetingStatus::Held, "2026-06-01");
    assert_eq!(check_approval(march, true, elsewhere), Err(("approved_at", Problem::ApprovalNotLater)));
    let planned = facts(1, MeetingStatus::Planned, "2026-06-01");
    assert_eq!(check_approval(march, true, planned), Err(("approved_at", Problem::MeetingNotHeld)));
}

#[test]
fn minutes_cannot_be_approved_before_their_meeting_was_held() {
    let planned = facts(1, MeetingStatus::Planned, "2026-03-01");
    let later = facts(1, MeetingStatus::Held, "2026-06-01");
    assert_eq!(check_approval(planned, true, later), Err(("minutes", Problem::MeetingNotHeld)));
}

#[test]
fn a_decision_is_taken_at_a_held_meeting_under_one_of_its_agenda_items() {
    let decision = parse_decision(MeetingStatus::Held, 3, "Werkgroep opgericht", "2").expect("valid");
    assert_eq!(decision.agenda_item, Some(2));
    let errors = parse_decision(MeetingStatus::Held, 3, "Werkgroep opgericht", "4").expect_err("no item 4");
    assert_eq!(errors.for_field("agenda_item"), Some(&Problem::OutOfRange { min: 1, max: 3 }));
    let errors = parse_decision(MeetingStatus::Planned, 3, "Werkgroep", "").expect_err("not held");
    assert_eq!(errors.for_field("text"), Some(&Problem::MeetingNotHeld));
}

// ---------------------------------------------------------------------------
// Actions

#[test]
fn an_action_without_an_owner_is_refused() {
    let fields = ActionFields { title: "Opleiding plannen", owner: "", due: "2026-05-01" };
    let errors = ActionDraft::parse(&fields, |_| true).expect_err("no owner");
    assert_eq!(errors.for_field("owner"), Some(&Problem::Required));
}

#[test]
fn an_action_is_owned_by_a_member_of_the_group() {
    let fields = ActionFields { title: "Opleiding plannen", owner: "7", due: "2026-05-01" };
    assert_eq!(ActionDraft::parse(&fields, |id| id == 7).expect("a member").owner, 7);
    let errors = ActionDraft::parse(&fields, |id| id == 8).expect_err("not a member");
    assert_eq!(errors.for_field("owner"), Some(&Problem::NotAMember));
}

#[test]
fn an_action_is_overdue_only_while_pending_after_its_due_date() {
    let due = date(2026, 3, 1);
    assert!(!is_overdue(ActionStatus::Open, due, due));
    assert!(is_overdue(ActionStatus::Open, due, date(2026, 3, 2)));
    assert!(is_overdue(ActionStatus::InProgress, due, date(2026, 3, 2)));
    assert!(!is_overdue(ActionStatus::Done, due, date(2026, 3, 2)));
    assert!(!is_overdue(ActionStatus::Dropped, due, date(2026, 3, 2)));
}

#[test]
fn done_and_dropped_actions_are_final() {
    assert!(may_change(ActionStatus::Open, ActionStatus::Done));
    assert!(may_change(ActionStatus::InProgress, ActionStatus::Open));
    assert!(!may_change(ActionStatus::Done, ActionStatus::Open));
    assert!(!may_change(ActionStatus::Dropped, ActionStatus::InProgress));
    assert!(!may_change(ActionStatus::Open, ActionStatus::Open));
}

// ---------------------------------------------------------------------------
// Projects and authorisations

#[test]
fn a_drug_free_wing_and_urine_tests_always_need_authorisation() {
    let fields = ProjectFields {
        title: "Drugvrije afdeling",
        kind: "drug_free_wing",
        description: "Een afdeling van 20 plaatsen",
        start: "2026-09-01",
        ..Default::default()
    };
    assert!(ProjectDraft::parse(&fields).expect("valid").fundamental);
    let peer = ProjectDraft::parse(&ProjectFields { kind: "peer_support", ..fields.clone() }).expect("valid");
    assert!(!peer.fundamental);
    let declared = ProjectDraft::parse(&ProjectFields { kind: "other", fundamental: true, ..fields }).expect("valid");
    assert!(declared.fundamental);
    assert!(ProjectKind::UrineTests.always_fundamental());
}

#[test]
fn a_request_goes_from_submitted_to_decided_and_back_after_more_information() {
    use RequestState as S;
    assert_eq!(next_state(S::Submitted, RequestStep::Review), Some(S::UnderReview));
    assert_eq!(next_state(S::UnderReview, RequestStep::Decide(Outcome::Refused)), Some(S::Refused));
    assert_eq!(next_state(S::Submitted, RequestStep::Decide(Outcome::Authorised)), Some(S::Authorised));
    assert_eq!(next_state(S::UnderReview, RequestStep::Decide(Outcome::MoreInformation)), Some(S::MoreInformation));
    assert_eq!(next_state(S::MoreInformation, RequestStep::Resubmit), Some(S::Submitted));
    assert_eq!(next_state(S::Authorised, RequestStep::Decide(Outcome::Refused)), None, "decided once");
    assert_eq!(next_state(S::Refused, RequestStep::Resubmit), None);
    assert_eq!(next_state(S::UnderReview, RequestStep::Review), None);
}

fn central_meeting(day: Date) -> Option<DecidingMeeting> {
    Some(DecidingMeeting { group_kind: GroupKind::Central, status: MeetingStatus::Held, day })
}

fn decision(outcome: &'static str) -> DecisionFields<'static> {
    DecisionFields { outcome, reasons: "Past in het drugbeleid van de gevangenis", ..Default::default() }
}

#[test]
fn a_decision_by_a_group_that_may_not_decide_is_refused() {
    let local =
        Some(DecidingMeeting { group_kind: GroupKind::Local, status: MeetingStatus::Held, day: date(2026, 3, 1) });
    let errors = DecisionOnRequest::parse(&decision("authorised"), local, date(2026, 2, 1)).expect_err("local");
    assert_eq!(errors.for_field("meeting"), Some(&Problem::GroupMayNotDecide));
}

#[test]
fn a_decision_is_taken_at_a_held_meeting_after_the_submission() {
    let submitted = date(2026, 2, 1);
    let ok = DecisionOnRequest::parse(&decision("refused"), central_meeting(date(2026, 3, 1)), submitted);
    assert_eq!(ok.expect("valid").outcome, Outcome::Refused);
    let before = DecisionOnRequest::parse(&decision("refused"), central_meeting(date(2026, 1, 15)), submitted);
    assert_eq!(before.expect_err("before").for_field("meeting"), Some(&Problem::MeetingBeforeSubmission));
    let planned =
        Some(DecidingMeeting { group_kind: GroupKind::Central, status: MeetingStatus::Planned, day: submitted });
    let errors = DecisionOnRequest::parse(&decision("refused"), planned, submitted).expect_err("planned");
    assert_eq!(errors.for_field("meeting"), Some(&Problem::MeetingNotHeld));
    let errors = DecisionOnRequest::parse(&decision("refused"), None, submitted).expect_err("no meeting");
    assert_eq!(errors.for_field("meeting"), Some(&Problem::Required));
}

#[test]
fn a_decision_gives_reasons_and_conditions_come_with_a_review_date() {
    let meeting = central_meeting(date(2026, 3, 1));
    let submitted = date(2026, 2, 1);
    let errors =
        DecisionOnRequest::parse(&DecisionFields { reasons: "", ..decision("authorised") }, meeting, submitted)
            .expect_err("no reasons");
    assert_eq!(errors.for_field("reasons"), Some(&Problem::Required));
    let errors = DecisionOnRequest::parse(&decision("authorised_with_conditions"), meeting, submitted)
        .expect_err("no conditions");
    assert_eq!(errors.for_field("conditions"), Some(&Problem::Required));
    assert_eq!(errors.for_field("review_date"), Some(&Problem::Required));
    let fields = DecisionFields {
        conditions: "Evaluatie na zes maanden",
        review_date: "2026-09-01",
        ..decision("authorised_with_conditions")
    };
    let decided = DecisionOnRequest::parse(&fields, meeting, submitted).expect("valid");
    assert_eq!(decided.review_date, Some(date(2026, 9, 1)));
    let early = DecisionFields { review_date: "2026-02-01", ..fields };
    let errors = DecisionOnRequest::parse(&early, meeting, submitted).expect_err("review before the meeting");
    assert_eq!(errors.for_field("review_date"), Some(&Problem::TooEarly));
}

#[test]
fn a_follow_up_either_meets_the_conditions_or_sets_the_next_review() {
    let today = date(2026, 9, 1);
    assert_eq!(parse_follow_up("Voorwaarden vervuld", true, "", today).expect("met").next_review, None);
    let errors = parse_follow_up("Nog niet", false, "", today).expect_err("no next review");
    assert_eq!(errors.for_field("next_review"), Some(&Problem::Required));
    let next = parse_follow_up("Nog niet", false, "2026-12-01", today).expect("valid");
    assert_eq!(next.next_review, Some(date(2026, 12, 1)));
}

#[test]
fn a_request_waits_from_its_submission() {
    assert_eq!(waiting_days(date(2026, 1, 1), date(2026, 3, 1)), 59);
    assert_eq!(waiting_days(date(2026, 3, 2), date(2026, 3, 1)), 0);
}

// ---------------------------------------------------------------------------
// The traffic light and its thresholds

fn quarterly(from: Date, count: i64) -> Vec<Date> {
    (0..count).map(|n| from.checked_add(jiff::Span::new().days(91 * n)).expect("date")).collect()
}

fn group(held: &[Date]) -> GroupFacts<'_> {
    GroupFacts {
        since: date(2024, 1, 1),
        held,
        has_chair: true,
        unapproved_minutes: 0,
        overdue_actions: 0,
        waiting_since: &[],
    }
}

#[test]
fn a_group_meeting_on_target_is_on_track() {
    let today = date(2026, 3, 1);
    let held = quarterly(date(2025, 3, 10), 4);
    let health = assess(&group(&held), Thresholds::DEFAULT, 90, today);
    assert_eq!(health.light, Light::OnTrack);
    assert_eq!((health.meetings_last_year, health.expected_last_year), (4, 4));
    assert!(health.concerns.is_empty());
}

#[test]
fn a_group_without_a_meeting_for_longer_than_its_threshold_is_dormant() {
    let today = date(2026, 3, 1);
    let last = today.checked_sub(jiff::Span::new().days(181)).expect("date");
    let health = assess(&group(&[last]), Thresholds::DEFAULT, 90, today);
    assert_eq!(health.light, Light::Dormant);
    assert_eq!(health.days_without_meeting, 181);
    assert_eq!(health.concerns, vec![Concern::Dormant]);
    let on_the_day = today.checked_sub(jiff::Span::new().days(180)).expect("date");
    assert_ne!(assess(&group(&[on_the_day]), Thresholds::DEFAULT, 90, today).light, Light::Dormant);
}

#[test]
fn a_group_that_never_met_is_dormant_once_the_threshold_has_passed_since_its_creation() {
    let since = date(2026, 1, 1);
    let young = GroupFacts { since, ..group(&[]) };
    assert!(!is_dormant(None, since, Thresholds::DEFAULT, date(2026, 6, 30)));
    assert_eq!(assess(&young, Thresholds::DEFAULT, 90, date(2026, 6, 30)).light, Light::Attention);
    assert_eq!(assess(&young, Thresholds::DEFAULT, 90, date(2026, 7, 1)).light, Light::Dormant);
}

#[test]
fn the_target_of_a_group_entered_after_it_began_meeting_counts_from_its_first_recorded_meeting() {
    let today = date(2026, 3, 1);
    let mut held = vec![date(2024, 12, 5)];
    held.extend(quarterly(date(2025, 3, 10), 4));
    let entered_today = GroupFacts { since: today, ..group(&held) };
    let health = assess(&entered_today, Thresholds::DEFAULT, 90, today);
    assert_eq!((health.meetings_last_year, health.expected_last_year), (4, 4));
    assert_eq!(health.light, Light::OnTrack);
    let first = [date(2025, 11, 1)];
    let recent = assess(&GroupFacts { since: today, ..group(&first) }, Thresholds::DEFAULT, 90, today);
    assert_eq!(recent.expected_last_year, 1, "120 days of a 4-a-year target");
}

#[test]
fn a_planned_meeting_does_not_lift_dormancy_only_a_held_one_does() {
    let today = date(2026, 3, 1);
    let last = date(2024, 12, 1);
    let not_yet = date(2026, 4, 1);
    let with_one_to_come = [last, not_yet];
    assert_eq!(assess(&group(&with_one_to_come), Thresholds::DEFAULT, 90, today).light, Light::Dormant);
    assert_ne!(assess(&group(&[last, today]), Thresholds::DEFAULT, 90, today).light, Light::Dormant);
}

#[test]
fn fewer_meetings_than_the_target_or_no_chair_need_attention() {
    let today = date(2026, 3, 1);
    let two = [date(2025, 9, 1), date(2026, 1, 10)];
    let health = assess(&group(&two), Thresholds::DEFAULT, 90, today);
    assert_eq!(health.light, Light::Attention);
    assert_eq!(health.concerns, vec![Concern::FewMeetings]);
    let held = quarterly(date(2025, 3, 10), 4);
    let no_chair = GroupFacts { has_chair: false, ..group(&held) };
    assert_eq!(assess(&no_chair, Thresholds::DEFAULT, 90, today).concerns, vec![Concern::NoChair]);
}

#[test]
fn unapproved_minutes_overdue_actions_and_long_waits_need_attention() {
    let today = date(2026, 3, 1);
    let held = quarterly(date(2025, 3, 10), 4);
    let waiting = [date(2025, 10, 1)];
    let facts = GroupFacts { unapproved_minutes: 1, overdue_actions: 2, waiting_since: &waiting, ..group(&held) };
    let health = assess(&facts, Thresholds::DEFAULT, 90, today);
    assert_eq!(health.light, Light::Attention);
    assert_eq!(health.concerns, vec![Concern::MinutesNotApproved, Concern::OverdueActions, Concern::LongWait]);
    assert_eq!(health.longest_wait_days, Some(151));
    let short = [date(2026, 2, 1)];
    let facts = GroupFacts { waiting_since: &short, ..group(&held) };
    assert_eq!(assess(&facts, Thresholds::DEFAULT, 90, today).light, Light::OnTrack);
}

#[test]
fn the_target_is_prorated_over_a_groups_first_year() {
    let since = date(2025, 12, 1);
    let held = [date(2026, 1, 15)];
    let facts = GroupFacts { since, ..group(&held) };
    let health = assess(&facts, Thresholds::DEFAULT, 90, date(2026, 3, 1));
    assert_eq!(health.expected_last_year, 0, "90 days in: 4 x 90 / 365 rounds down");
    assert_eq!(health.light, Light::OnTrack);
}

#[test]
fn minutes_are_due_for_approval_once_a_later_meeting_was_held() {
    let at = |day: &str| -> Timestamp { format!("{day}T12:00:00Z").parse().expect("instant") };
    assert_eq!(unapproved_minutes(&[(at("2026-01-01"), false)]), 0, "the latest waits for the next meeting");
    assert_eq!(unapproved_minutes(&[(at("2026-01-01"), false), (at("2026-04-01"), false)]), 1);
    assert_eq!(unapproved_minutes(&[(at("2026-01-01"), true), (at("2026-04-01"), false)]), 0);
}

proptest! {
    #[test]
    fn dormant_exactly_when_the_days_since_the_last_meeting_exceed_the_threshold(
        gaps in prop::collection::vec(0i64..400, 1..8),
        threshold in 92u32..730,
        since_last in 0i64..900,
    ) {
        let today = date(2026, 6, 1);
        let last = today.checked_sub(jiff::Span::new().days(since_last)).expect("date");
        let mut held = vec![last];
        let mut day = last;
        for gap in gaps {
            day = day.checked_sub(jiff::Span::new().days(gap)).expect("date");
            held.push(day);
        }
        let thresholds = Thresholds { target_per_year: 4, dormant_after_days: threshold };
        let facts = GroupFacts { since: date(2020, 1, 1), ..group(&held) };
        let health = assess(&facts, thresholds, 90, today);
        prop_assert_eq!(health.light == Light::Dormant, since_last > i64::from(threshold));
        prop_assert_eq!(health.days_without_meeting, since_last);
    }

    #[test]
    fn holding_a_meeting_today_ends_dormancy(
        held in prop::collection::vec(0i64..2000, 0..6),
        threshold in 92u32..730,
    ) {
        let today = date(2026, 6, 1);
        let mut days: Vec<Date> = held.iter().map(|d| today.checked_sub(jiff::Span::new().days(*d)).expect("date")).collect();
        days.push(today);
        let thresholds = Thresholds { target_per_year: 4, dormant_after_days: threshold };
        let facts = GroupFacts { since: date(2019, 1, 1), ..group(&days) };
        prop_assert_ne!(assess(&facts, thresholds, 90, today).light, Light::Dormant);
    }

    #[test]
    fn the_light_is_green_exactly_when_there_is_no_concern(
        held in prop::collection::vec(0i64..800, 0..10),
        has_chair in any::<bool>(),
        unapproved in 0usize..3,
        overdue in 0usize..3,
    ) {
        let today = date(2026, 6, 1);
        let days: Vec<Date> = held.iter().map(|d| today.checked_sub(jiff::Span::new().days(*d)).expect("date")).collect();
        let facts = GroupFacts { has_chair, unapproved_minutes: unapproved, overdue_actions: overdue, ..group(&days) };
        let health = assess(&facts, Thresholds::DEFAULT, 90, today);
        prop_assert_eq!(health.light == Light::OnTrack, health.concerns.is_empty());
        prop_assert_eq!(health.light == Light::Dormant, health.concerns.contains(&Concern::Dormant));
    }

    #[test]
    fn more_members_present_never_loses_the_quorum(percent in 1u32..=100, members in 1usize..40, present in 0usize..40) {
        let quorum = Quorum { percent };
        let present = present.min(members);
        if quorum.met(present, members) && present < members {
            prop_assert!(quorum.met(present + 1, members));
        }
        prop_assert_eq!(quorum.met(present, members), present >= quorum.needed(members));
    }

    #[test]
    fn overlapping_periods_overlap_both_ways(a in 0i64..400, la in prop::option::of(0i64..200), b in 0i64..400, lb in prop::option::of(0i64..200)) {
        let day = |n: i64| date(2025, 1, 1).checked_add(jiff::Span::new().days(n)).expect("date");
        let p = Period { start: day(a), end: la.map(|l| day(a + l)) };
        let q = Period { start: day(b), end: lb.map(|l| day(b + l)) };
        prop_assert_eq!(p.overlaps(q), q.overlaps(p));
        let shared = (0i64..700).any(|n| p.covers(day(n)) && q.covers(day(n)));
        prop_assert_eq!(p.overlaps(q), shared);
    }

    #[test]
    fn a_planned_meeting_is_always_after_now_and_a_held_one_never(
        offset_minutes in -100_000i64..100_000,
        held in any::<bool>(),
    ) {
        let at = now().checked_add(SignedDuration::from_mins(offset_minutes)).expect("instant").to_zoned(brussels());
        let date = at.date().to_string();
        let time = format!("{:02}:{:02}", at.hour(), at.minute());
        let fields = MeetingFields { date: &date, time: &time, held, ..meeting_fields() };
        if let Ok(draft) = MeetingDraft::parse(&fields, &brussels(), now()) {
            prop_assert_eq!(draft.starts_at > now(), !held);
        }
    }
}

#[test]
fn days_between_counts_calendar_days() {
    assert_eq!(days_between(date(2026, 2, 27), date(2026, 3, 1)), 2);
    assert_eq!(days_between(date(2026, 3, 1), date(2026, 2, 27)), -2);
}
