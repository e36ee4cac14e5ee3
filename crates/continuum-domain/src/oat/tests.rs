use jiff::civil::date;

use super::*;

fn prescription(dose: &str) -> PrescriptionFields<'_> {
    PrescriptionFields {
        medicine: "methadone",
        daily_dose: dose,
        prescriber: "Dr. Peeters",
        start_date: "2026-03-01",
        ..PrescriptionFields::default()
    }
}

#[test]
fn every_medicine_has_its_atc_code() {
    let codes: Vec<Option<&str>> = OatMedicine::PRESCRIBED.iter().map(|m| m.atc()).collect();
    assert_eq!(codes, [Some("N07BC02"), Some("N07BC01"), Some("N07BC51")]);
    for medicine in OatMedicine::PRESCRIBED {
        assert_eq!(OatMedicine::prescribed(medicine.code()), Some(medicine));
    }
}

#[test]
fn doses_are_read_in_milligrams_with_a_point_or_a_comma() {
    assert_eq!(Dose::parse("80"), Some(Dose::from_micrograms(80_000)));
    assert_eq!(Dose::parse(" 0,4 "), Some(Dose::from_micrograms(400)));
    assert_eq!(Dose::parse("8.25"), Some(Dose::from_micrograms(8_250)));
    for bad in ["", "-5", "8 mg", "1.2345", ".5", "1e3", "8,5,1"] {
        assert_eq!(Dose::parse(bad), None, "{bad}");
    }
}

#[test]
fn doses_are_written_without_needless_decimals() {
    assert_eq!(Dose::from_micrograms(80_000).to_string(), "80");
    assert_eq!(Dose::from_micrograms(400).to_string(), "0.4");
    assert_eq!(Dose::from_micrograms(8_250).to_string(), "8.25");
}

#[test]
fn a_usual_methadone_prescription_is_accepted() {
    let draft = PrescriptionDraft::parse(&prescription("80")).expect("valid");
    assert_eq!(draft.medicine, OatMedicine::Methadone);
    assert_eq!(draft.daily_dose, Dose::from_micrograms(80_000));
    assert_eq!(draft.start_date, date(2026, 3, 1));
    assert_eq!(draft.stop_date, None);
}

#[test]
fn a_dose_outside_the_usual_range_warns_until_confirmed() {
    let errors = PrescriptionDraft::parse(&prescription("250")).expect_err("held back");
    assert_eq!(errors.for_field("daily_dose"), Some(&Problem::DoseUnusual { min: 5, max: 200 }));
    let confirmed = PrescriptionFields { confirm_dose: true, ..prescription("250") };
    assert!(PrescriptionDraft::parse(&confirmed).is_ok());
}

#[test]
fn a_buprenorphine_dose_is_checked_against_its_own_range() {
    let fields = PrescriptionFields { medicine: "buprenorphine_naloxone", ..prescription("80") };
    let errors = PrescriptionDraft::parse(&fields).expect_err("held back");
    assert_eq!(errors.for_field("daily_dose"), Some(&Problem::DoseUnusual { min: 1, max: 32 }));
    let usual = PrescriptionFields { medicine: "buprenorphine", ..prescription("16") };
    assert!(PrescriptionDraft::parse(&usual).is_ok());
}

#[test]
fn an_impossible_dose_is_refused_even_when_confirmed() {
    for dose in ["0", "1001"] {
        let fields = PrescriptionFields { confirm_dose: true, ..prescription(dose) };
        let errors = PrescriptionDraft::parse(&fields).expect_err("refused");
        assert_eq!(errors.for_field("daily_dose"), Some(&Problem::DoseImpossible), "{dose}");
    }
}

#[test]
fn a_stop_before_the_start_is_refused() {
    let fields = PrescriptionFields { stop_date: "2026-02-28", ..prescription("80") };
    let errors = PrescriptionDraft::parse(&fields).expect_err("refused");
    assert_eq!(errors.for_field("stop_date"), Some(&Problem::DateOrder));
    let stop = StopDraft::parse("2026-02-28", "", date(2026, 3, 1)).expect_err("refused");
    assert_eq!(stop.for_field("stop_date"), Some(&Problem::DateOrder));
    assert!(StopDraft::parse("2026-03-01", "tapered", date(2026, 3, 1)).is_ok());
}

#[test]
fn the_prison_prescribes_no_agonist_without_an_atc_code_of_its_own() {
    let fields = PrescriptionFields { medicine: "other", ..prescription("80") };
    let errors = PrescriptionDraft::parse(&fields).expect_err("refused");
    assert_eq!(errors.for_field("medicine"), Some(&Problem::InvalidFormat));
}

#[test]
fn a_prescription_names_every_missing_field() {
    let errors = PrescriptionDraft::parse(&PrescriptionFields::default()).expect_err("refused");
    for field in ["medicine", "daily_dose", "prescriber", "start_date"] {
        assert_eq!(errors.for_field(field), Some(&Problem::Required), "{field}");
    }
}

#[test]
fn a_declared_last_dose_cannot_lie_in_the_future() {
    let fields = DeclarationFields {
        medicine: "buprenorphine",
        daily_dose: "8",
        last_dose_date: "2026-03-02",
        ..DeclarationFields::default()
    };
    let errors = DeclarationDraft::parse(&fields, date(2026, 3, 1)).expect_err("refused");
    assert_eq!(errors.for_field("last_dose_date"), Some(&Problem::ImpossibleDate));
    let draft = DeclarationDraft::parse(&fields, date(2026, 3, 2)).expect("valid");
    assert_eq!(draft.prescriber, None);
}

#[test]
fn an_interruption_needs_a_reason_and_other_needs_a_note() {
    let no = |reason, note| ContinuityDraft::parse(&ContinuityFields { continued: "no", reason, note });
    assert_eq!(no("", "").expect_err("refused").for_field("reason"), Some(&Problem::Required));
    assert_eq!(no("other", "").expect_err("refused").for_field("note"), Some(&Problem::Required));
    let late = no("late_prescription", "").expect("valid");
    assert_eq!((late.continued, late.reason), (false, Some(InterruptionReason::LatePrescription)));
    assert!(no("other", "transferred to hospital").is_ok());
}

#[test]
fn a_continued_treatment_takes_no_interruption_reason() {
    let yes = |reason| ContinuityDraft::parse(&ContinuityFields { continued: "yes", reason, note: "" });
    assert!(yes("").expect("valid").continued);
    assert_eq!(yes("not_verified").expect_err("refused").for_field("reason"), Some(&Problem::InvalidFormat));
    let unknown = ContinuityDraft::parse(&ContinuityFields { continued: "maybe", ..ContinuityFields::default() });
    assert_eq!(unknown.expect_err("refused").for_field("continued"), Some(&Problem::InvalidFormat));
}

fn at(text: &str) -> Timestamp {
    text.parse().expect("an instant")
}

#[test]
fn the_24_hours_run_from_an_entry_registered_on_its_day() {
    let clock = ContinuityClock::of_entry(date(2026, 3, 10), at("2026-03-10T14:00:00Z"));
    assert_eq!(clock.deadline, at("2026-03-11T14:00:00Z"));
    assert_eq!(clock.from, at("2026-03-09T22:00:00Z"));
}

#[test]
fn a_late_registration_does_not_postpone_the_deadline() {
    let clock = ContinuityClock::of_entry(date(2026, 3, 10), at("2026-03-14T09:00:00Z"));
    assert_eq!(clock.deadline, at("2026-03-11T22:00:00Z"));
}

#[test]
fn a_registration_before_the_entry_day_counts_from_its_start() {
    let clock = ContinuityClock::of_entry(date(2026, 3, 10), at("2026-03-01T09:00:00Z"));
    assert_eq!(clock.deadline, at("2026-03-10T22:00:00Z"));
}

#[test]
fn a_prescription_counts_from_the_entry_day_to_the_deadline() {
    let clock = ContinuityClock::of_entry(date(2026, 3, 10), at("2026-03-10T14:00:00Z"));
    assert!(clock.in_time(at("2026-03-10T08:00:00Z")));
    assert!(clock.in_time(at("2026-03-11T14:00:00Z")));
    assert!(!clock.in_time(at("2026-03-11T14:00:01Z")));
    assert!(!clock.in_time(at("2026-02-01T08:00:00Z")), "an earlier detention's prescription");
}

#[test]
fn without_a_prescription_the_alert_becomes_urgent_after_24_hours() {
    let clock = ContinuityClock::of_entry(date(2026, 3, 10), at("2026-03-10T14:00:00Z"));
    assert_eq!(ContinuityStatus::at(clock, false, at("2026-03-11T13:00:00Z")), ContinuityStatus::Due);
    assert_eq!(ContinuityStatus::at(clock, false, at("2026-03-11T15:00:00Z")), ContinuityStatus::Urgent);
    assert_eq!(ContinuityStatus::at(clock, true, at("2026-03-12T15:00:00Z")), ContinuityStatus::Prescribed);
}
