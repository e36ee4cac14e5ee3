use jiff::civil::{Date, Time};

use super::*;

fn context() -> IntakeContext {
    IntakeContext {
        today: Date::constant(2026, 11, 20),
        entry_date: Some(Date::constant(2026, 11, 2)),
        birth_date: Date::constant(1990, 6, 15),
    }
}

/// A complete intake of a person who injects heroin and takes methadone outside.
fn fields(secondary: &[String]) -> IntakeFields<'_> {
    IntakeFields {
        intake_date: "2026-11-10",
        referral_source: "hospital_medical",
        previous_treatment: "previously",
        ever_oat: "yes",
        primary_substance: "heroin",
        secondary_substances: secondary,
        route: "inject",
        frequency: "daily",
        first_use_age: "19",
        injecting: "last_30_days",
        first_injection_age: "22",
        needle_sharing: "more_than_12_months",
        living_with: "alone",
        lives_with_children: "no",
        accommodation: "unstable",
        labour_status: "unemployed",
        education: "lower_secondary",
        hiv_test: "last_12_months",
        hcv_test: "never",
        oat_outside: "yes",
        oat_medicine: "methadone",
        oat_dose_mg: "80",
        dose_confirmed: false,
        oat_prescriber: "Dr. A. Janssens, MSOC Gent",
        oat_last_dose_on: "2026-11-01",
        oat_last_dose_at: "09:30",
        health_insurance: "yes",
        health: "  Hepatitis C treated in 2024.  ",
        social: "",
        goals: "Stay on methadone; find housing",
        language: "NL",
        interpreter: false,
    }
}

fn problem(fields: &IntakeFields<'_>, field: &str) -> Option<Problem> {
    IntakeDraft::parse(fields, context()).err().and_then(|e| e.for_field(field).cloned())
}

#[test]
fn a_complete_intake_is_read_into_coded_fields() {
    let secondary = vec!["cocaine".to_owned(), "alcohol".to_owned(), "cocaine".to_owned(), String::new()];
    let draft = IntakeDraft::parse(&fields(&secondary), context()).expect("valid");
    assert_eq!(draft.intake_date, Date::constant(2026, 11, 10));
    assert_eq!(draft.primary_substance, Substance::Heroin);
    assert_eq!(draft.secondary_substances, vec![Substance::Cocaine, Substance::Alcohol], "repeats dropped");
    assert_eq!((draft.route, draft.frequency), (Route::Inject, Frequency::Daily));
    assert_eq!((draft.first_use_age, draft.first_injection_age), (Some(19), Some(22)));
    assert_eq!(draft.needle_sharing, Some(Recency::LongerAgo));
    assert_eq!(draft.language, "nl");
    assert_eq!(draft.health, "Hepatitis C treated in 2024.");
    let oat = draft.oat.as_ref().expect("on OAT outside");
    assert_eq!((oat.medicine, oat.dose), (OatMedicine::Methadone, Dose(800)));
    assert_eq!(oat.last_dose_at, Some(Time::constant(9, 30, 0, 0)));
    assert!(draft.uses_opioids());
}

#[test]
fn every_coded_item_is_required_and_its_code_checked() {
    let mut empty = fields(&[]);
    empty.referral_source = "";
    empty.route = "";
    empty.frequency = "weekly";
    assert_eq!(problem(&empty, "referral_source"), Some(Problem::Required));
    assert_eq!(problem(&empty, "route"), Some(Problem::Required));
    assert_eq!(problem(&empty, "frequency"), Some(Problem::InvalidFormat));
}

#[test]
fn every_invalid_field_is_reported_at_once() {
    let mut bad = fields(&[]);
    bad.intake_date = "2026-12-01";
    bad.education = "";
    bad.language = "dutch";
    let invalid = IntakeDraft::parse(&bad, context()).expect_err("invalid");
    let named: Vec<&str> = invalid.0.iter().map(|e| e.field).collect();
    assert_eq!(named, vec!["intake_date", "education", "language"]);
}

#[test]
fn the_intake_lies_within_the_current_detention() {
    let mut early = fields(&[]);
    early.intake_date = "2026-10-30";
    assert_eq!(problem(&early, "intake_date"), Some(Problem::BeforeEntry));
    let mut future = fields(&[]);
    future.intake_date = "2026-11-21";
    assert_eq!(problem(&future, "intake_date"), Some(Problem::ImpossibleDate));
}

#[test]
fn ages_at_first_use_lie_between_five_and_the_age_at_intake() {
    let mut older = fields(&[]);
    older.first_use_age = "37";
    assert_eq!(problem(&older, "first_use_age"), Some(Problem::OutOfRange { min: 5, max: 36 }));
    let mut words = fields(&[]);
    words.first_injection_age = "twenty";
    assert_eq!(problem(&words, "first_injection_age"), Some(Problem::InvalidFormat));
    let mut unknown = fields(&[]);
    unknown.first_use_age = "";
    assert_eq!(IntakeDraft::parse(&unknown, context()).expect("valid").first_use_age, None);
}

#[test]
fn one_who_never_injected_has_no_injection_age_nor_sharing() {
    let mut never = fields(&[]);
    never.injecting = "never";
    never.first_injection_age = "18";
    never.needle_sharing = "";
    let draft = IntakeDraft::parse(&never, context()).expect("valid");
    assert_eq!((draft.first_injection_age, draft.needle_sharing), (None, None));
    let mut injected = fields(&[]);
    injected.needle_sharing = "";
    assert_eq!(problem(&injected, "needle_sharing"), Some(Problem::Required));
}

#[test]
fn secondary_substances_are_at_most_four_and_not_the_primary() {
    let five: Vec<String> =
        ["cocaine", "alcohol", "cannabis", "benzodiazepines", "ketamine"].map(str::to_owned).to_vec();
    assert_eq!(problem(&fields(&five), "secondary_substances"), Some(Problem::TooMany { max: 4 }));
    let primary = vec!["heroin".to_owned()];
    assert_eq!(problem(&fields(&primary), "secondary_substances"), Some(Problem::RepeatsPrimary));
    let unknown = vec!["chocolate".to_owned()];
    assert_eq!(problem(&fields(&unknown), "secondary_substances"), Some(Problem::InvalidFormat));
}

#[test]
fn oat_outside_needs_medicine_dose_prescriber_and_last_dose() {
    let mut bare = fields(&[]);
    bare.oat_medicine = "";
    bare.oat_dose_mg = "";
    bare.oat_prescriber = " ";
    bare.oat_last_dose_on = "";
    let invalid = IntakeDraft::parse(&bare, context()).expect_err("invalid");
    for field in ["oat_medicine", "oat_dose_mg", "oat_prescriber", "oat_last_dose_on"] {
        assert_eq!(invalid.for_field(field), Some(&Problem::Required), "{field}");
    }
    let mut none = bare.clone();
    none.oat_outside = "no";
    assert_eq!(IntakeDraft::parse(&none, context()).expect("valid").oat, None, "nothing asked without OAT");
}

#[test]
fn the_last_dose_is_not_after_the_intake_and_its_time_is_hours_and_minutes() {
    let mut after = fields(&[]);
    after.oat_last_dose_on = "2026-11-11";
    assert_eq!(problem(&after, "oat_last_dose_on"), Some(Problem::ImpossibleDate));
    let mut time = fields(&[]);
    time.oat_last_dose_at = "9h30";
    assert_eq!(problem(&time, "oat_last_dose_at"), Some(Problem::InvalidFormat));
}

#[test]
fn doses_are_read_in_tenths_of_a_milligram_with_a_decimal_point_or_comma() {
    assert_eq!(Dose::parse("60"), Some(Dose(600)));
    assert_eq!(Dose::parse(" 0,4 "), Some(Dose(4)));
    assert_eq!(Dose::parse("8.5"), Some(Dose(85)));
    for bad in ["", "8.25", "-4", "eight", ".5", "1e3"] {
        assert_eq!(Dose::parse(bad), None, "{bad}");
    }
    assert_eq!(Dose(4).to_mg_text(), "0.4");
    assert_eq!(Dose(800).to_mg_text(), "80");
}

#[test]
fn an_impossible_dose_is_refused_and_an_unusual_one_needs_confirming() {
    let mut zero = fields(&[]);
    zero.oat_dose_mg = "0";
    assert_eq!(problem(&zero, "oat_dose_mg"), Some(Problem::OutOfRange { min: 0, max: 1000 }));
    let mut high = fields(&[]);
    high.oat_medicine = "buprenorphine";
    high.oat_dose_mg = "32";
    assert!(matches!(problem(&high, "oat_dose_mg"), Some(Problem::DoseUnusual { .. })));
    high.dose_confirmed = true;
    assert_eq!(IntakeDraft::parse(&high, context()).expect("confirmed").oat.map(|o| o.dose), Some(Dose(320)));
    high.oat_dose_mg = "240";
    assert_eq!(problem(&high, "oat_dose_mg"), Some(Problem::OutOfRange { min: 0, max: 100 }), "never possible");
}

#[test]
fn medicines_carry_their_atc_codes() {
    assert_eq!(OatMedicine::Methadone.atc(), Some("N07BC02"));
    assert_eq!(OatMedicine::Buprenorphine.atc(), Some("N07BC01"));
    assert_eq!(OatMedicine::BuprenorphineNaloxone.atc(), Some("N07BC51"));
}

#[test]
fn free_texts_are_limited() {
    let long = "x".repeat(TEXT_MAX_CHARS + 1);
    let mut f = fields(&[]);
    f.goals = &long;
    assert_eq!(problem(&f, "goals"), Some(Problem::TooLong { max: TEXT_MAX_CHARS }));
}
