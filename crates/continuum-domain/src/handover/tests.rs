use jiff::civil::date;

use super::*;

fn at(text: &str) -> Timestamp {
    text.parse().expect("an instant")
}

#[test]
fn the_sending_team_reads_within_the_window_and_not_after() {
    let transferred = at("2026-03-01T10:00:00Z");
    let window = SignedDuration::from_hours(24 * DEFAULT_READ_DAYS);
    assert!(sending_team_may_read(transferred, window, at("2026-03-01T10:00:00Z")));
    assert!(sending_team_may_read(transferred, window, at("2026-03-31T09:59:59Z")));
    assert!(!sending_team_may_read(transferred, window, at("2026-03-31T10:00:00Z")));
    assert!(!sending_team_may_read(transferred, window, at("2026-02-28T10:00:00Z")), "before the transfer");
}

fn fields<'a>(prison: &'a str, language: &'a str, day: &'a str) -> OutTransferFields<'a> {
    OutTransferFields { prison, language, transfer_date: day }
}

#[test]
fn a_transfer_out_names_the_prison_and_the_language_of_its_document() {
    let draft = OutTransferDraft::parse(&fields(" Brugge ", "nl", "2026-03-05"), date(2026, 3, 1), date(2026, 3, 5))
        .expect("valid");
    assert_eq!((draft.prison.as_str(), draft.language, draft.date), ("Brugge", Language::Nl, date(2026, 3, 5)));
    let errors = OutTransferDraft::parse(&fields("", "de", "2026-03-05"), date(2026, 3, 1), date(2026, 3, 5))
        .expect_err("refused");
    assert_eq!(errors.for_field("prison"), Some(&Problem::Required));
    assert_eq!(errors.for_field("language"), Some(&Problem::InvalidFormat));
}

#[test]
fn a_transfer_out_lies_between_entry_and_today() {
    let before = OutTransferDraft::parse(&fields("Mons", "fr", "2026-02-28"), date(2026, 3, 1), date(2026, 3, 5));
    assert_eq!(before.expect_err("refused").for_field("transfer_date"), Some(&Problem::BeforeEntry));
    let future = OutTransferDraft::parse(&fields("Mons", "fr", "2026-03-06"), date(2026, 3, 1), date(2026, 3, 5));
    assert_eq!(future.expect_err("refused").for_field("transfer_date"), Some(&Problem::ImpossibleDate));
}

fn facts(on_oat: bool, naloxone: Option<Naloxone>, bridging: Option<OatBridging>) -> RiskFacts {
    RiskFacts { at_release: true, on_oat, naloxone, bridging }
}

#[test]
fn release_with_opioid_use_names_the_overdose_risk_and_naloxone_not_handed_over() {
    assert_eq!(risks(facts(false, None, None)), vec![Risk::OverdoseAfterRelease, Risk::NoNaloxone]);
    assert_eq!(risks(facts(false, Some(Naloxone::Declined), None)), vec![Risk::OverdoseAfterRelease, Risk::NoNaloxone]);
    assert_eq!(risks(facts(false, Some(Naloxone::HandedOver), None)), vec![Risk::OverdoseAfterRelease]);
}

#[test]
fn release_without_opioid_use_names_no_overdose_risk() {
    assert!(risks(facts(false, Some(Naloxone::NoOpioidUse), None)).is_empty());
}

#[test]
fn oat_without_a_bridging_prescription_at_release_is_a_risk() {
    let unbridged = risks(facts(true, Some(Naloxone::HandedOver), None));
    assert!(unbridged.contains(&Risk::OatNotBridged));
    let bridged = risks(facts(true, Some(Naloxone::HandedOver), Some(OatBridging::Prescribed)));
    assert!(!bridged.contains(&Risk::OatNotBridged));
}

#[test]
fn a_transfer_on_oat_names_the_risk_of_interruption_only() {
    let transfer = RiskFacts { at_release: false, on_oat: true, naloxone: None, bridging: None };
    assert_eq!(risks(transfer), vec![Risk::OatInterruption]);
    assert!(risks(RiskFacts { on_oat: false, ..transfer }).is_empty());
}
