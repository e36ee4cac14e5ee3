//! Content packs: a pack is accepted only when it words exactly the items
//! and options of the definition it names, with its provenance; every
//! problem names its item, option or field. The wording here is obviously
//! fake ("Test wording for ...").

use jiff::civil::date;

use super::fixtures::{assist, audit_c};
use crate::instrument::*;
use crate::site::Language;

fn today() -> jiff::civil::Date {
    date(2026, 6, 1)
}

/// A complete draft for a definition: fake wording for every item and option.
fn complete(definition: &Instrument, language: &str) -> PackDraft {
    let items = definition
        .items()
        .iter()
        .map(|i| (i.group.code.clone(), i.question.id.clone(), format!("Test wording for item {}", i.key())))
        .collect();
    let options = definition
        .questions
        .iter()
        .flat_map(|q| q.options.iter().map(|o| (q.id.clone(), o.code.clone(), format!("Test option {}", o.code))))
        .collect();
    PackDraft {
        instrument: definition.code.clone(),
        version: definition.version.clone(),
        language: language.into(),
        source: "Test source, not a real translation".into(),
        rights_holder: "Test rights holder".into(),
        permission_date: "2026-01-15".into(),
        items,
        options,
    }
}

fn errors(definition: &Instrument, draft: &PackDraft) -> Vec<PackError> {
    ContentPack::check(definition, draft, today()).expect_err("refused")
}

#[test]
fn a_pack_wording_every_item_and_option_is_accepted_with_its_provenance() {
    let definition = assist();
    let pack = ContentPack::check(&definition, &complete(&definition, "fr"), today()).expect("accepted");
    assert_eq!((pack.instrument(), pack.version(), pack.language()), ("assist", "3.1", Language::Fr));
    assert_eq!(pack.rights_holder(), "Test rights holder");
    assert_eq!(pack.permission_date(), date(2026, 1, 15));
    assert_eq!(pack.items().count(), definition.items().len());
    let q2 = pack.items().find(|(k, _)| k.to_string() == "alcohol.q2").map(|(_, t)| t);
    assert_eq!(q2, Some("Test wording for item alcohol.q2"));
}

#[test]
fn a_missing_item_is_named() {
    let definition = assist();
    let mut draft = complete(&definition, "nl");
    draft.items.retain(|(g, q, _)| !(g == "cannabis" && q == "q3"));
    assert_eq!(errors(&definition, &draft), vec![PackError::ItemMissing { item: "cannabis.q3".into() }]);
}

#[test]
fn blank_wording_counts_as_missing() {
    let definition = audit_c();
    let mut draft = complete(&definition, "en");
    draft.items[0].2 = "   ".into();
    let key = format!("{}.{}", draft.items[0].0, draft.items[0].1);
    assert_eq!(errors(&definition, &draft), vec![PackError::ItemMissing { item: key }]);
}

#[test]
fn unknown_items_and_options_are_named() {
    let definition = assist();
    let mut draft = complete(&definition, "fr");
    draft.items.push(("tobacco".into(), "q5".into(), "Test wording".into()));
    draft.items.push(("coffee".into(), "q1".into(), "Test wording".into()));
    draft.options.push(("q2".into(), "sometimes".into(), "Test option".into()));
    draft.options.push(("q9".into(), "no".into(), "Test option".into()));
    assert_eq!(
        errors(&definition, &draft),
        vec![
            PackError::UnknownItem { item: "tobacco.q5".into() },
            PackError::UnknownItem { item: "coffee.q1".into() },
            PackError::UnknownOption { question: "q2".into(), option: "sometimes".into() },
            PackError::UnknownOption { question: "q9".into(), option: "no".into() },
        ],
        "tobacco is not asked q5 in the ASSIST"
    );
}

#[test]
fn a_missing_option_is_named_with_its_question() {
    let definition = assist();
    let mut draft = complete(&definition, "fr");
    draft.options.retain(|(q, o, _)| !(q == "q6" && o == "yes_earlier"));
    assert_eq!(
        errors(&definition, &draft),
        vec![PackError::OptionMissing { question: "q6".into(), option: "yes_earlier".into() }]
    );
}

#[test]
fn provenance_is_required_and_the_permission_cannot_be_in_the_future() {
    let definition = audit_c();
    let mut draft = complete(&definition, "en");
    draft.source = String::new();
    draft.rights_holder = "x".repeat(pack::PROVENANCE_MAX_CHARS + 1);
    draft.permission_date = "2026-06-02".into();
    assert_eq!(
        errors(&definition, &draft),
        vec![
            PackError::Missing { field: "source" },
            PackError::TooLong { field: "rights_holder", max: pack::PROVENANCE_MAX_CHARS },
            PackError::PermissionDate { value: "2026-06-02".into() },
        ]
    );
    draft = complete(&definition, "en");
    draft.permission_date = "15/01/2026".into();
    assert_eq!(errors(&definition, &draft), vec![PackError::PermissionDate { value: "15/01/2026".into() }]);
}

#[test]
fn only_the_programme_languages_are_accepted() {
    let definition = audit_c();
    assert_eq!(errors(&definition, &complete(&definition, "ar")), vec![PackError::Language { language: "ar".into() }]);
    assert_eq!(
        errors(&definition, &complete(&definition, "fr-BE")),
        vec![PackError::Language { language: "fr-BE".into() }]
    );
    assert!(ContentPack::check(&definition, &complete(&definition, "NL"), today()).is_ok());
}

#[test]
fn a_pack_for_another_instrument_version_is_refused_at_once() {
    let definition = assist();
    let mut draft = complete(&definition, "fr");
    draft.version = "3.0".into();
    assert_eq!(
        errors(&definition, &draft),
        vec![PackError::UnknownInstrument { instrument: "assist".into(), version: "3.0".into() }]
    );
}

#[test]
fn the_digest_follows_the_wording_not_the_order_of_the_file() {
    let definition = audit_c();
    let draft = complete(&definition, "en");
    let mut reversed = draft.clone();
    reversed.items.reverse();
    reversed.options.reverse();
    let digest = |d: &PackDraft| ContentPack::check(&definition, d, today()).expect("accepted").digest();
    assert_eq!(digest(&draft), digest(&reversed));
    let mut changed = draft.clone();
    changed.items[0].2.push('!');
    assert_ne!(digest(&draft), digest(&changed));
}

#[test]
fn every_error_has_a_message_id_and_names_its_place() {
    let error = PackError::OptionMissing { question: "q2".into(), option: "never".into() };
    assert_eq!(error.message_id(), "pack-error-option-missing");
    assert_eq!(error.message_args(), vec![("option", "q2.never".to_owned())]);
    assert_eq!(error.to_string(), "option q2.never: wording missing");
}
