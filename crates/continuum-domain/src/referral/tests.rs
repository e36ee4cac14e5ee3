//! Referrals as a specification: what a referral holds, the status machine,
//! consent at sending, the coverage warnings and when a referral is overdue.

use jiff::civil::date;
use proptest::prelude::*;

use super::*;
use crate::consent::{ConsentDecision, ConsentTerms, Lack, Sharing, SharingPurpose};

const SERVICE_ORG: OrganisationId = OrganisationId(7);

fn strings(codes: &[&str]) -> Vec<String> {
    codes.iter().map(|c| (*c).to_owned()).collect()
}

/// An instant on a day of June 2026 at this hour, UTC.
fn june(day: i8, hour: i8) -> Timestamp {
    date(2026, 6, day).at(hour, 0, 0, 0).to_zoned(jiff::tz::TimeZone::UTC).expect("instant").timestamp()
}

fn fields<'a>(sections: &'a [String]) -> ReferralFields<'a> {
    ReferralFields { service: Some(3), reason: "Continue methadone after release", urgency: "urgent", sections }
}

#[test]
fn a_referral_holds_the_service_reason_urgency_and_what_is_shared() {
    let sections = strings(&["medication", "identity, screening", "identity"]);
    let draft = ReferralDraft::parse(&fields(&sections)).expect("valid");
    assert_eq!(draft.service, CareServiceId(3));
    assert_eq!(draft.urgency, Urgency::Urgent);
    assert_eq!(draft.sections, [Section::Identity, Section::Screening, Section::Medication]);
}

#[test]
fn a_referral_always_shares_who_the_person_is() {
    let sections = strings(&["medication"]);
    let errors = ReferralDraft::parse(&fields(&sections)).expect_err("invalid");
    assert_eq!(errors.for_field("sections"), Some(&Problem::IdentityRequired));
}

#[test]
fn participation_and_referral_status_are_not_shared_with_a_service() {
    for code in ["participation", "referral_status"] {
        let sections = strings(&["identity", code]);
        let errors = ReferralDraft::parse(&fields(&sections)).expect_err("invalid");
        assert_eq!(errors.for_field("sections"), Some(&Problem::NotForRecipient), "{code}");
    }
}

#[test]
fn each_missing_field_of_a_referral_is_named() {
    let errors = ReferralDraft::parse(&ReferralFields::default()).expect_err("invalid");
    for field in ["service", "reason", "urgency", "sections"] {
        assert!(errors.for_field(field).is_some(), "{field}");
    }
    let sections = strings(&["identity"]);
    let unknown = ReferralFields { urgency: "tomorrow", ..fields(&sections) };
    assert_eq!(
        ReferralDraft::parse(&unknown).expect_err("invalid").for_field("urgency"),
        Some(&Problem::InvalidFormat)
    );
}

// The status machine.

#[test]
fn a_referral_goes_from_draft_to_attended_and_is_closed() {
    let mut status = ReferralStatus::Draft;
    for (step, party) in [
        (Step::Send, Party::CareTeam),
        (Step::Accept, Party::Provider),
        (Step::GiveAppointment, Party::Provider),
        (Step::Attended, Party::Provider),
        (Step::Close, Party::CareTeam),
    ] {
        status = apply(status, step, party).expect("allowed");
        assert_eq!(status, step.leads_to());
    }
    assert_eq!(status, ReferralStatus::Closed);
}

#[test]
fn only_the_care_team_sends_and_closes() {
    assert_eq!(apply(ReferralStatus::Draft, Step::Send, Party::Provider), Err(StepRefusal::CareTeamOnly));
    assert_eq!(apply(ReferralStatus::Sent, Step::Close, Party::Provider), Err(StepRefusal::CareTeamOnly));
}

#[test]
fn the_care_team_records_the_services_answer_on_its_behalf() {
    assert_eq!(apply(ReferralStatus::Sent, Step::Refuse, Party::CareTeam), Ok(ReferralStatus::Refused));
    assert_eq!(
        apply(ReferralStatus::Accepted, Step::GiveAppointment, Party::CareTeam),
        Ok(ReferralStatus::AppointmentMade)
    );
}

#[test]
fn a_draft_has_no_answer_and_a_closed_referral_takes_no_step() {
    for step in [Step::Accept, Step::Refuse, Step::GiveAppointment, Step::Attended, Step::NotAttended] {
        assert_eq!(
            apply(ReferralStatus::Draft, step, Party::Provider),
            Err(StepRefusal::NotFromStatus(ReferralStatus::Draft))
        );
    }
    for step in Step::ALL {
        assert!(apply(ReferralStatus::Closed, step, Party::CareTeam).is_err(), "{step:?}");
    }
}

#[test]
fn an_appointment_accepts_a_sent_referral_and_may_be_moved_or_given_again_after_a_missed_one() {
    for from in [ReferralStatus::Sent, ReferralStatus::AppointmentMade, ReferralStatus::NotAttended] {
        assert_eq!(apply(from, Step::GiveAppointment, Party::Provider), Ok(ReferralStatus::AppointmentMade));
    }
    assert!(apply(ReferralStatus::Refused, Step::GiveAppointment, Party::Provider).is_err());
    assert!(apply(ReferralStatus::Attended, Step::GiveAppointment, Party::Provider).is_err());
}

#[test]
fn attendance_follows_an_appointment_only() {
    for from in [ReferralStatus::Sent, ReferralStatus::Accepted, ReferralStatus::Attended] {
        assert!(apply(from, Step::Attended, Party::Provider).is_err(), "{from:?}");
    }
}

#[test]
fn the_steps_offered_are_those_the_party_may_take() {
    assert_eq!(
        Step::available(ReferralStatus::Sent, Party::Provider),
        [Step::Accept, Step::Refuse, Step::GiveAppointment]
    );
    assert_eq!(
        Step::available(ReferralStatus::Sent, Party::CareTeam),
        [Step::Accept, Step::Refuse, Step::GiveAppointment, Step::Close]
    );
    assert_eq!(Step::available(ReferralStatus::Draft, Party::Provider), []);
}

#[test]
fn attendance_is_recorded_once_the_appointment_time_has_come() {
    // 14:00 in Brussels in June is 12:00 UTC.
    let appointment = date(2026, 6, 10).at(14, 0, 0, 0);
    assert_eq!(attendance_may_be_recorded(appointment, june(10, 11)), Err(StepRefusal::BeforeAppointment));
    assert_eq!(attendance_may_be_recorded(appointment, june(10, 12)), Ok(()));
}

proptest! {
    #[test]
    fn no_step_leaves_a_closed_referral_or_returns_to_draft(
        status in prop::sample::select(ReferralStatus::ALL.to_vec()),
        step in prop::sample::select(Step::ALL.to_vec()),
        provider in any::<bool>(),
    ) {
        let party = if provider { Party::Provider } else { Party::CareTeam };
        if let Ok(next) = apply(status, step, party) {
            prop_assert_ne!(status, ReferralStatus::Closed);
            prop_assert_ne!(next, ReferralStatus::Draft);
            prop_assert!(!(provider && next == ReferralStatus::Closed));
        }
    }
}

// Consent at sending.

fn sharing(id: i64, sections: &[Section], until: Option<jiff::civil::Date>) -> Consent {
    Consent {
        id: ConsentId(id),
        terms: ConsentTerms::Sharing(Sharing {
            recipient: Recipient::Organisation(SERVICE_ORG),
            purpose: SharingPurpose::ContinuityOfCare,
            sections: sections.to_vec(),
        }),
        decision: ConsentDecision::Granted,
        given_on: date(2026, 6, 1),
        valid_from: date(2026, 6, 1),
        valid_until: until,
        withdrawn_at: None,
    }
}

#[test]
fn sending_needs_a_consent_in_force_for_every_section_shared() {
    let consents = [sharing(4, &[Section::Identity, Section::Medication], Some(date(2026, 6, 30)))];
    let shared = [Section::Identity, Section::Medication];
    assert_eq!(
        check_sharing(&consents, SERVICE_ORG, &shared, june(10, 9)),
        Ok(vec![(Section::Identity, ConsentId(4)), (Section::Medication, ConsentId(4))])
    );
}

#[test]
fn each_missing_consent_is_named_section_by_section() {
    let consents = [sharing(4, &[Section::Identity], Some(date(2026, 6, 30)))];
    let shared = [Section::Identity, Section::Screening, Section::Medication];
    let missing = check_sharing(&consents, SERVICE_ORG, &shared, june(10, 9)).expect_err("refused");
    let named: Vec<(Section, Lack)> = missing.iter().map(|m| (m.section, m.lack)).collect();
    assert_eq!(
        named,
        [
            (Section::Screening, Lack::SectionNotCovered(ConsentId(4))),
            (Section::Medication, Lack::SectionNotCovered(ConsentId(4)))
        ]
    );
}

#[test]
fn an_expired_or_withdrawn_consent_or_one_for_another_organisation_does_not_let_a_referral_go() {
    let expired = [sharing(4, &[Section::Identity], Some(date(2026, 6, 5)))];
    let refused = check_sharing(&expired, SERVICE_ORG, &[Section::Identity], june(10, 9)).expect_err("refused");
    assert_eq!(refused[0].lack, Lack::Expired(ConsentId(4)));
    let mut withdrawn = sharing(5, &[Section::Identity], Some(date(2026, 6, 30)));
    withdrawn.withdrawn_at = Some(june(9, 9));
    let refused = check_sharing(&[withdrawn], SERVICE_ORG, &[Section::Identity], june(10, 9)).expect_err("refused");
    assert_eq!(refused[0].lack, Lack::Withdrawn(ConsentId(5)));
    let other = [sharing(6, &[Section::Identity], Some(date(2026, 6, 30)))];
    let refused = check_sharing(&other, OrganisationId(8), &[Section::Identity], june(10, 9)).expect_err("refused");
    assert_eq!(refused[0].lack, Lack::NoneRecorded);
}

// Coverage.

#[test]
fn a_service_of_another_prison_or_language_is_a_warning() {
    let (sites, languages) = (strings(&["HAS", "LEU"]), strings(&["nl"]));
    let person = strings(&["fr", "ar"]);
    let fit =
        Fit { service_sites: &sites, service_languages: &languages, person_site: "LAN", person_languages: &person };
    assert_eq!(coverage(fit), [CoverageWarning::PrisonNotCovered, CoverageWarning::LanguageNotSpoken]);
    let dutch = strings(&["ar", "NL"]);
    let fits = Fit { person_site: "has", person_languages: &dutch, ..fit };
    assert_eq!(coverage(fits), []);
}

#[test]
fn a_person_without_a_language_recorded_gives_no_language_warning() {
    let (sites, languages) = (strings(&["HAS"]), strings(&["nl"]));
    let fit = Fit { service_sites: &sites, service_languages: &languages, person_site: "HAS", person_languages: &[] };
    assert_eq!(coverage(fit), []);
}

// Overdue.

fn timeline(status: ReferralStatus, urgency: Urgency, since: Timestamp) -> Timeline {
    Timeline { status, urgency, status_since: since, appointment: None }
}

#[test]
fn an_unanswered_referral_is_overdue_after_its_urgencys_days() {
    let sent = june(1, 9);
    for (urgency, days) in [(Urgency::Routine, 7), (Urgency::Urgent, 2), (Urgency::Asap, 1)] {
        let t = timeline(ReferralStatus::Sent, urgency, sent);
        let day = i8::try_from(1 + days).expect("a day");
        assert_eq!(overdue(t, june(day, 8)), None, "{urgency:?} before");
        assert_eq!(overdue(t, june(day, 9)), Some(Overdue::Unanswered), "{urgency:?} at");
    }
}

#[test]
fn an_accepted_referral_without_appointment_is_overdue_after_fourteen_days() {
    let t = timeline(ReferralStatus::Accepted, Urgency::Routine, june(1, 9));
    assert_eq!(overdue(t, june(15, 8)), None);
    assert_eq!(overdue(t, june(15, 9)), Some(Overdue::NoAppointment));
}

#[test]
fn a_past_appointment_without_attendance_is_overdue_two_days_later() {
    let t = Timeline {
        appointment: Some(date(2026, 6, 10).at(14, 0, 0, 0)),
        ..timeline(ReferralStatus::AppointmentMade, Urgency::Routine, june(1, 9))
    };
    assert_eq!(overdue(t, june(12, 11)), None);
    assert_eq!(overdue(t, june(12, 12)), Some(Overdue::AttendanceUnrecorded));
}

#[test]
fn drafts_answered_and_finished_referrals_are_never_overdue() {
    let long_ago = june(1, 9);
    for status in [
        ReferralStatus::Draft,
        ReferralStatus::Refused,
        ReferralStatus::Attended,
        ReferralStatus::NotAttended,
        ReferralStatus::Closed,
    ] {
        assert_eq!(overdue(timeline(status, Urgency::Asap, long_ago), june(30, 9)), None, "{status:?}");
    }
}

// Steps as typed.

#[test]
fn an_appointment_needs_a_time_between_the_sending_day_and_a_year_ahead() {
    let (earliest, today) = (date(2026, 6, 1), date(2026, 6, 5));
    let step = |at| StepFields { step: "appointment", appointment_at: at, place: "Room 2", note: "" };
    let draft = StepDraft::parse(&step("2026-06-10T14:30"), earliest, today).expect("valid");
    assert_eq!(draft.appointment.expect("an appointment").at, date(2026, 6, 10).at(14, 30, 0, 0));
    assert!(StepDraft::parse(&step("2026-06-10 14:30"), earliest, today).is_ok(), "a space instead of T");
    for (at, problem) in [
        ("", Problem::Required),
        ("next week", Problem::InvalidFormat),
        ("2026-05-31T10:00", Problem::ImpossibleDate),
        ("2027-06-10T10:00", Problem::ImpossibleDate),
    ] {
        let errors = StepDraft::parse(&step(at), earliest, today).expect_err("invalid");
        assert_eq!(errors.for_field("appointment_at"), Some(&problem), "{at:?}");
    }
}

#[test]
fn a_refusal_and_a_closing_give_their_reason() {
    let (earliest, today) = (date(2026, 6, 1), date(2026, 6, 5));
    for code in ["refuse", "close"] {
        let fields = StepFields { step: code, ..StepFields::default() };
        let errors = StepDraft::parse(&fields, earliest, today).expect_err("invalid");
        assert_eq!(errors.for_field("note"), Some(&Problem::Required), "{code}");
    }
    let accept = StepFields { step: "accept", ..StepFields::default() };
    assert_eq!(StepDraft::parse(&accept, earliest, today).expect("valid").step, Step::Accept);
    let unknown = StepFields { step: "reopen", ..StepFields::default() };
    assert_eq!(
        StepDraft::parse(&unknown, earliest, today).expect_err("invalid").for_field("step"),
        Some(&Problem::InvalidFormat)
    );
}

#[test]
fn belgian_wall_clock_times_become_instants_across_summer_time() {
    let summer = consent::belgian_instant(date(2026, 6, 10).at(14, 0, 0, 0)).expect("an instant");
    assert_eq!(summer, june(10, 12));
    let winter = consent::belgian_instant(date(2026, 1, 10).at(14, 0, 0, 0)).expect("an instant");
    assert_eq!(consent::belgian_datetime(winter), date(2026, 1, 10).at(14, 0, 0, 0));
    assert_eq!(consent::belgian_offset_hours(winter), 1);
}
