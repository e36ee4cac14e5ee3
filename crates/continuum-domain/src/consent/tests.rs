//! Consents as a specification: the question of the policy, the calendar
//! it is asked in, and the validation of what is recorded.

use jiff::civil::date;
use proptest::prelude::*;

use super::*;

const HERE: Recipient = Recipient::Organisation(OrganisationId(3));
const ELSEWHERE: Recipient = Recipient::Organisation(OrganisationId(4));

/// Noon in Belgium (summer time) on a day.
fn noon(day: Date) -> Timestamp {
    day.at(10, 0, 0, 0).to_zoned(TimeZone::UTC).expect("instant").timestamp()
}

fn sharing(id: i64, recipient: Recipient, sections: &[Section], from: Date, until: Date) -> Consent {
    Consent {
        id: ConsentId(id),
        terms: ConsentTerms::Sharing(Sharing {
            recipient,
            purpose: SharingPurpose::ContinuityOfCare,
            sections: sections.to_vec(),
        }),
        decision: ConsentDecision::Granted,
        given_on: from,
        valid_from: from,
        valid_until: Some(until),
        withdrawn_at: None,
    }
}

fn june() -> Consent {
    sharing(1, HERE, &[Section::Identity, Section::CarePlan], date(2026, 6, 1), date(2026, 6, 30))
}

#[test]
fn a_granted_consent_in_its_period_allows_the_named_recipient_the_sections_it_covers() {
    let consents = [june()];
    let at = noon(date(2026, 6, 15));
    assert_eq!(check(&consents, HERE, Section::CarePlan, at), Verdict::Allowed(ConsentId(1)));
    assert_eq!(check(&consents, HERE, Section::Identity, at), Verdict::Allowed(ConsentId(1)));
}

#[test]
fn another_recipient_gets_nothing_and_the_missing_consent_says_so() {
    let verdict = check(&[june()], ELSEWHERE, Section::CarePlan, noon(date(2026, 6, 15)));
    assert_eq!(
        verdict,
        Verdict::Missing(MissingConsent { recipient: ELSEWHERE, section: Section::CarePlan, lack: Lack::NoneRecorded })
    );
}

#[test]
fn a_section_the_consent_does_not_cover_is_refused_naming_the_consent() {
    let verdict = check(&[june()], HERE, Section::Medication, noon(date(2026, 6, 15)));
    let Verdict::Missing(missing) = verdict else { panic!("refused") };
    assert_eq!(missing.lack, Lack::SectionNotCovered(ConsentId(1)));
    assert_eq!(
        missing.audit_reason(),
        "consent_missing recipient=organisation:3 section=medication lack=section_not_covered consent=1"
    );
}

#[test]
fn a_withdrawn_consent_refuses_from_the_instant_of_withdrawal() {
    let withdrawn_at = noon(date(2026, 6, 10));
    let consent = Consent { withdrawn_at: Some(withdrawn_at), ..june() };
    let consents = [consent];
    let just_before = withdrawn_at.checked_sub(jiff::SignedDuration::from_micros(1)).expect("instant");
    assert!(check(&consents, HERE, Section::CarePlan, just_before).is_allowed());
    let lack = |at| match check(&consents, HERE, Section::CarePlan, at) {
        Verdict::Missing(m) => Some(m.lack),
        Verdict::Allowed(_) => None,
    };
    assert_eq!(lack(withdrawn_at), Some(Lack::Withdrawn(ConsentId(1))));
    assert_eq!(lack(noon(date(2026, 6, 20))), Some(Lack::Withdrawn(ConsentId(1))));
}

#[test]
fn a_consent_counts_through_its_last_day_in_belgium_and_not_a_moment_after() {
    let consents = [june()];
    // 30 June 23:59 in Brussels (CEST) is 21:59 UTC; 1 July 00:00 there is 22:00 UTC.
    let last_minute = date(2026, 6, 30).at(21, 59, 0, 0).to_zoned(TimeZone::UTC).expect("t").timestamp();
    let next_day = date(2026, 6, 30).at(22, 0, 0, 0).to_zoned(TimeZone::UTC).expect("t").timestamp();
    assert!(check(&consents, HERE, Section::CarePlan, last_minute).is_allowed());
    assert_eq!(
        check(&consents, HERE, Section::CarePlan, next_day),
        Verdict::Missing(MissingConsent {
            recipient: HERE,
            section: Section::CarePlan,
            lack: Lack::Expired(ConsentId(1))
        })
    );
}

#[test]
fn a_consent_whose_period_has_not_begun_does_not_count_yet() {
    let verdict = check(&[june()], HERE, Section::CarePlan, noon(date(2026, 5, 31)));
    assert!(matches!(verdict, Verdict::Missing(MissingConsent { lack: Lack::NotYetValid(ConsentId(1)), .. })));
}

#[test]
fn a_refusal_given_after_a_grant_closes_the_section_again() {
    let refusal = Consent {
        id: ConsentId(2),
        decision: ConsentDecision::Refused,
        given_on: date(2026, 6, 12),
        valid_from: date(2026, 6, 12),
        valid_until: None,
        ..june()
    };
    let consents = [june(), refusal];
    assert!(check(&consents, HERE, Section::CarePlan, noon(date(2026, 6, 11))).is_allowed());
    assert_eq!(
        check(&consents, HERE, Section::CarePlan, noon(date(2026, 6, 13))),
        Verdict::Missing(MissingConsent {
            recipient: HERE,
            section: Section::CarePlan,
            lack: Lack::Refused(ConsentId(2))
        })
    );
}

#[test]
fn a_grant_given_after_a_refusal_opens_the_section() {
    let refusal = Consent { id: ConsentId(1), decision: ConsentDecision::Refused, valid_until: None, ..june() };
    let grant = sharing(2, HERE, &[Section::CarePlan], date(2026, 6, 5), date(2026, 12, 31));
    let consents = [refusal, grant];
    assert_eq!(check(&consents, HERE, Section::CarePlan, noon(date(2026, 6, 6))), Verdict::Allowed(ConsentId(2)));
}

#[test]
fn when_the_latest_consent_is_withdrawn_an_earlier_one_still_in_force_counts() {
    let earlier = sharing(1, HERE, &[Section::CarePlan], date(2026, 1, 1), date(2026, 12, 31));
    let later = Consent {
        withdrawn_at: Some(noon(date(2026, 6, 2))),
        ..sharing(2, HERE, &[Section::CarePlan], date(2026, 6, 1), date(2026, 12, 31))
    };
    assert_eq!(
        check(&[earlier, later], HERE, Section::CarePlan, noon(date(2026, 6, 3))),
        Verdict::Allowed(ConsentId(1))
    );
}

#[test]
fn only_sharing_consents_name_recipients() {
    let research = Consent { terms: ConsentTerms::Research, ..june() };
    let verdict = check(&[research], HERE, Section::Identity, noon(date(2026, 6, 15)));
    assert!(matches!(verdict, Verdict::Missing(MissingConsent { lack: Lack::NoneRecorded, .. })));
}

#[test]
fn the_latest_decision_in_force_of_another_kind_is_found() {
    let research_yes = Consent { terms: ConsentTerms::Research, valid_until: None, ..june() };
    let research_no = Consent {
        id: ConsentId(2),
        terms: ConsentTerms::Research,
        decision: ConsentDecision::Refused,
        given_on: date(2026, 6, 20),
        valid_from: date(2026, 6, 20),
        valid_until: None,
        withdrawn_at: None,
    };
    let consents = [research_yes, research_no];
    let at = |d| decision_in_force(&consents, ConsentKind::Research, noon(d));
    assert_eq!(at(date(2026, 6, 19)), Some((ConsentId(1), ConsentDecision::Granted)));
    assert_eq!(at(date(2026, 6, 21)), Some((ConsentId(2), ConsentDecision::Refused)));
    assert_eq!(decision_in_force(&consents, ConsentKind::ContactAfterRelease, noon(date(2026, 6, 21))), None);
}

#[test]
fn the_belgian_day_follows_winter_and_summer_time() {
    let utc = |y, m, d, h, min| date(y, m, d).at(h, min, 0, 0).to_zoned(TimeZone::UTC).expect("t").timestamp();
    // Winter: UTC+1.
    assert_eq!(belgian_date(utc(2026, 1, 15, 22, 59)), date(2026, 1, 15));
    assert_eq!(belgian_date(utc(2026, 1, 15, 23, 0)), date(2026, 1, 16));
    // Summer (29 March to 25 October 2026): UTC+2.
    assert_eq!(belgian_date(utc(2026, 7, 1, 21, 59)), date(2026, 7, 1));
    assert_eq!(belgian_date(utc(2026, 7, 1, 22, 0)), date(2026, 7, 2));
    // New year's eve.
    assert_eq!(belgian_date(utc(2026, 12, 31, 23, 0)), date(2027, 1, 1));
    // The changes themselves, at 01:00 UTC.
    assert_eq!(belgian_date(utc(2026, 3, 29, 0, 59)), date(2026, 3, 29));
    assert_eq!(belgian_date(utc(2026, 3, 28, 22, 30)), date(2026, 3, 28));
    assert_eq!(belgian_date(utc(2026, 10, 24, 22, 30)), date(2026, 10, 25));
    assert_eq!(belgian_date(utc(2026, 10, 25, 22, 30)), date(2026, 10, 25));
}

// Validation of what is recorded.

fn fields<'a>(kind: &'a str, sections: &'a [String]) -> ConsentFields<'a> {
    ConsentFields {
        kind,
        decision: "granted",
        given_on: "2026-06-01",
        explanation_language: "ar",
        valid_until: "2026-12-31",
        recipient: "organisation",
        organisation: Some(3),
        purpose: "continuity_of_care",
        sections,
        ..ConsentFields::default()
    }
}

#[test]
fn a_sharing_consent_is_read_with_its_recipient_purpose_period_and_sections() {
    let sections = vec!["care_plan".to_owned(), "identity, care_plan".to_owned()];
    let draft = ConsentDraft::parse(&fields("sharing", &sections), date(2026, 6, 2)).expect("valid");
    let sharing = draft.terms.sharing().expect("sharing");
    assert_eq!(sharing.recipient, HERE);
    assert_eq!(sharing.sections, [Section::Identity, Section::CarePlan]);
    assert_eq!((draft.valid_from, draft.valid_until), (date(2026, 6, 1), Some(date(2026, 12, 31))));
    assert_eq!(draft.explanation_language, "ar");
}

#[test]
fn a_granted_sharing_consent_needs_an_end_date_and_at_least_one_section() {
    let mut f = fields("sharing", &[]);
    f.valid_until = "";
    let errors = ConsentDraft::parse(&f, date(2026, 6, 2)).expect_err("invalid");
    assert_eq!(errors.for_field("valid_until"), Some(&Problem::Required));
    assert_eq!(errors.for_field("sections"), Some(&Problem::Required));
}

#[test]
fn a_refused_sharing_consent_needs_no_end_date() {
    let sections = vec!["care_plan".to_owned()];
    let mut f = fields("sharing", &sections);
    f.decision = "refused";
    f.valid_until = "";
    assert!(ConsentDraft::parse(&f, date(2026, 6, 2)).is_ok());
}

#[test]
fn the_psychosocial_service_is_never_given_clinical_sections() {
    let sections = vec!["participation".to_owned(), "care_plan".to_owned()];
    let mut f = fields("sharing", &sections);
    f.recipient = "psychosocial_service";
    f.organisation = None;
    let errors = ConsentDraft::parse(&f, date(2026, 6, 2)).expect_err("invalid");
    assert_eq!(errors.for_field("sections"), Some(&Problem::NotForRecipient));
    let allowed = vec!["participation".to_owned(), "referral_status".to_owned()];
    f.sections = &allowed;
    assert!(ConsentDraft::parse(&f, date(2026, 6, 2)).is_ok());
}

#[test]
fn dates_in_the_future_or_out_of_order_are_named() {
    let mut f = fields("research", &[]);
    f.given_on = "2026-06-03";
    f.valid_until = "2026-05-01";
    let errors = ConsentDraft::parse(&f, date(2026, 6, 2)).expect_err("invalid");
    assert_eq!(errors.for_field("given_on"), Some(&Problem::ImpossibleDate));
    assert_eq!(errors.for_field("valid_until"), Some(&Problem::DateOrder));
    f.given_on = "2026-06-01";
    f.valid_until = "";
    f.valid_from = "2026-05-31";
    let errors = ConsentDraft::parse(&f, date(2026, 6, 2)).expect_err("invalid");
    assert_eq!(errors.for_field("valid_from"), Some(&Problem::DateOrder));
}

#[test]
fn other_kinds_ignore_the_sharing_fields_and_may_run_without_end() {
    let mut f = fields("contact_after_release", &[]);
    f.valid_until = "";
    f.recipient = "";
    let draft = ConsentDraft::parse(&f, date(2026, 6, 2)).expect("valid");
    assert_eq!(draft.terms, ConsentTerms::ContactAfterRelease);
    assert_eq!(draft.valid_until, None);
}

#[test]
fn every_missing_or_wrong_field_is_named_at_once() {
    let f = ConsentFields { kind: "gossip", explanation_language: "arabic", ..ConsentFields::default() };
    let errors = ConsentDraft::parse(&f, date(2026, 6, 2)).expect_err("invalid");
    assert_eq!(errors.for_field("kind"), Some(&Problem::InvalidFormat));
    assert_eq!(errors.for_field("decision"), Some(&Problem::Required));
    assert_eq!(errors.for_field("given_on"), Some(&Problem::Required));
    assert_eq!(errors.for_field("explanation_language"), Some(&Problem::InvalidFormat));
}

#[test]
fn a_signed_form_must_be_a_pdf_of_reasonable_size() {
    assert!(check_signed_form(b"%PDF-1.7\n...").is_ok());
    let not_pdf = check_signed_form(b"\x89PNG").expect_err("refused");
    assert_eq!(not_pdf.for_field("form"), Some(&Problem::NotPdf));
    let huge = vec![b'%'; SIGNED_FORM_MAX_MB * 1024 * 1024 + 1];
    assert_eq!(
        check_signed_form(&huge).expect_err("refused").for_field("form"),
        Some(&Problem::FileTooLarge { max_mb: SIGNED_FORM_MAX_MB })
    );
    assert_eq!(check_signed_form(b"").expect_err("refused").for_field("form"), Some(&Problem::Required));
}

#[test]
fn codes_round_trip() {
    for kind in ConsentKind::ALL {
        assert_eq!(ConsentKind::parse(kind.code()), Some(kind));
    }
    for section in Section::ALL {
        assert_eq!(Section::parse(section.code()), Some(section));
    }
    for purpose in SharingPurpose::ALL {
        assert_eq!(SharingPurpose::parse(purpose.code()), Some(purpose));
    }
    for recipient in [Recipient::PsychosocialService, HERE] {
        assert_eq!(Recipient::parse(recipient.kind_code(), recipient.organisation().map(|o| o.0)), Some(recipient));
    }
}

// Properties of the question, over any set of consents.

fn any_day() -> impl Strategy<Value = Date> {
    (0i32..730).prop_map(|d| date(2025, 1, 1).checked_add(jiff::Span::new().days(d)).expect("day"))
}

fn any_recipient() -> impl Strategy<Value = Recipient> {
    prop_oneof![
        Just(Recipient::PsychosocialService),
        (1i64..4).prop_map(|o| Recipient::Organisation(OrganisationId(o)))
    ]
}

fn any_consent() -> impl Strategy<Value = Consent> {
    (
        1i64..1000,
        any_recipient(),
        prop::sample::subsequence(Section::ALL.to_vec(), 1..4),
        any::<bool>(),
        any_day(),
        0i32..90,
        prop::option::of(0i32..400),
        prop::option::of(0i64..(730 * 24)),
    )
        .prop_map(|(id, recipient, sections, granted, given, delay, length, withdrawn_hours)| {
            let from = given.checked_add(jiff::Span::new().days(delay)).expect("day");
            let start = noon(date(2025, 1, 1));
            Consent {
                id: ConsentId(id),
                terms: ConsentTerms::Sharing(Sharing {
                    recipient,
                    purpose: SharingPurpose::CareCoordination,
                    sections,
                }),
                decision: if granted { ConsentDecision::Granted } else { ConsentDecision::Refused },
                given_on: given,
                valid_from: from,
                valid_until: length.map(|l| from.checked_add(jiff::Span::new().days(l)).expect("day")),
                withdrawn_at: withdrawn_hours
                    .map(|h| start.checked_add(jiff::SignedDuration::from_hours(h)).expect("instant")),
            }
        })
}

fn any_instant() -> impl Strategy<Value = Timestamp> {
    (0i64..(730 * 24 * 60))
        .prop_map(|m| noon(date(2025, 1, 1)).checked_add(jiff::SignedDuration::from_mins(m)).expect("instant"))
}

fn any_section() -> impl Strategy<Value = Section> {
    prop::sample::select(Section::ALL.to_vec())
}

proptest! {
    #[test]
    fn an_allowing_consent_names_the_recipient_covers_the_section_is_granted_and_in_force(
        consents in prop::collection::vec(any_consent(), 0..6),
        recipient in any_recipient(),
        section in any_section(),
        at in any_instant(),
    ) {
        if let Verdict::Allowed(id) = check(&consents, recipient, section, at) {
            let consent = consents.iter().find(|c| c.id == id).expect("an existing consent");
            let sharing = consent.terms.sharing().expect("a sharing consent");
            prop_assert_eq!(sharing.recipient, recipient);
            prop_assert!(sharing.covers(section));
            prop_assert_eq!(consent.decision, ConsentDecision::Granted);
            prop_assert_eq!(consent.standing(at), Standing::InForce);
        }
    }

    #[test]
    fn withdrawing_the_allowing_consent_ends_its_effect_from_the_next_instant(
        consents in prop::collection::vec(any_consent(), 1..6),
        recipient in any_recipient(),
        section in any_section(),
        at in any_instant(),
        later_minutes in 0i64..(60 * 24 * 400),
    ) {
        if let Verdict::Allowed(id) = check(&consents, recipient, section, at) {
            let withdrawn: Vec<Consent> = consents
                .iter()
                .cloned()
                .map(|c| if c.id == id { Consent { withdrawn_at: Some(at), ..c } } else { c })
                .collect();
            let later = at.checked_add(jiff::SignedDuration::from_mins(later_minutes)).expect("instant");
            prop_assert_ne!(check(&withdrawn, recipient, section, later), Verdict::Allowed(id));
        }
    }

    #[test]
    fn no_consent_counts_after_its_last_day(
        consents in prop::collection::vec(any_consent(), 1..6),
        recipient in any_recipient(),
        section in any_section(),
        at in any_instant(),
    ) {
        if let Verdict::Allowed(id) = check(&consents, recipient, section, at) {
            let consent = consents.iter().find(|c| c.id == id).expect("an existing consent");
            prop_assert!(consent.valid_until.is_none_or(|until| belgian_date(at) <= until));
        }
    }

    #[test]
    fn a_recipient_no_consent_names_is_told_none_was_recorded(
        consents in prop::collection::vec(any_consent(), 0..6),
        section in any_section(),
        at in any_instant(),
    ) {
        let stranger = Recipient::Organisation(OrganisationId(99));
        prop_assert_eq!(
            check(&consents, stranger, section, at),
            Verdict::Missing(MissingConsent { recipient: stranger, section, lack: Lack::NoneRecorded })
        );
    }

    #[test]
    fn the_belgian_day_is_the_utc_day_or_the_next(at in any_instant()) {
        let utc = at.to_zoned(TimeZone::UTC).date();
        let local = belgian_date(at);
        prop_assert!(local == utc || Some(local) == utc.tomorrow().ok());
    }
}
