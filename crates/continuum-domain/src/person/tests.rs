use jiff::civil::date;
use proptest::prelude::*;

use super::*;

const TODAY: Date = date(2026, 11, 23);

fn person_fields() -> PersonFields<'static> {
    PersonFields {
        family_name: "El Mansouri",
        given_names: "Yassine",
        birth_date: "1990-04-12",
        sex: "male",
        nationality: "be",
        languages: "fr, ar",
        preferred_language: "",
    }
}

fn episode_fields() -> EpisodeFields<'static> {
    EpisodeFields {
        prison_number: "HAS-2026-0042",
        entry_date: "23/11/2026",
        legal_status: "remand",
        expected_release: "",
    }
}

#[test]
fn a_complete_person_is_accepted_with_the_first_language_preferred() {
    let person = PersonDraft::parse(&person_fields(), TODAY).expect("valid");
    assert_eq!(person.birth_date, date(1990, 4, 12));
    assert_eq!(person.nationality, "BE");
    assert_eq!(person.languages, vec!["fr".to_owned(), "ar".to_owned()]);
    assert_eq!(person.preferred_language, "fr");
}

#[test]
fn a_preferred_language_not_listed_is_added_to_the_languages_spoken() {
    let fields = PersonFields { preferred_language: "nl", ..person_fields() };
    let person = PersonDraft::parse(&fields, TODAY).expect("valid");
    assert_eq!(person.languages, vec!["nl".to_owned(), "fr".to_owned(), "ar".to_owned()]);
}

#[test]
fn a_person_without_family_name_or_birth_date_is_refused_field_by_field() {
    let fields = PersonFields { family_name: " ", birth_date: "", ..person_fields() };
    let errors = PersonDraft::parse(&fields, TODAY).expect_err("invalid");
    assert_eq!(errors.for_field("family_name"), Some(&Problem::Required));
    assert_eq!(errors.for_field("birth_date"), Some(&Problem::Required));
}

#[test]
fn a_birth_date_in_the_future_or_that_does_not_exist_is_refused() {
    for (text, problem) in [("2027-01-01", Problem::ImpossibleDate), ("31/02/1990", Problem::InvalidFormat)] {
        let fields = PersonFields { birth_date: text, ..person_fields() };
        let errors = PersonDraft::parse(&fields, TODAY).expect_err(text);
        assert_eq!(errors.for_field("birth_date"), Some(&problem), "{text}");
    }
}

#[test]
fn unknown_codes_are_refused() {
    let fields = PersonFields { sex: "x", nationality: "BEL", languages: "french", ..person_fields() };
    let errors = PersonDraft::parse(&fields, TODAY).expect_err("invalid");
    for field in ["sex", "nationality", "languages"] {
        assert_eq!(errors.for_field(field), Some(&Problem::InvalidFormat), "{field}");
    }
}

#[test]
fn an_episode_accepts_belgian_and_iso_dates() {
    let episode = EpisodeDraft::parse(&episode_fields(), Some(date(1990, 4, 12)), TODAY).expect("valid");
    assert_eq!(episode.entry_date, TODAY);
    assert_eq!(episode.legal_status, LegalStatus::Remand);
    assert_eq!(parse_date("23.11.2026"), Some(TODAY));
    assert_eq!(parse_date("23-11-2026"), Some(TODAY));
    assert_eq!(parse_date("11/23/2026"), None);
}

#[test]
fn an_entry_before_birth_is_refused() {
    let fields = EpisodeFields { entry_date: "1989-12-31", ..episode_fields() };
    let errors = EpisodeDraft::parse(&fields, Some(date(1990, 4, 12)), TODAY).expect_err("invalid");
    assert_eq!(errors.for_field("entry_date"), Some(&Problem::BeforeBirth));
}

#[test]
fn an_entry_in_the_future_is_refused() {
    let fields = EpisodeFields { entry_date: "2026-11-24", ..episode_fields() };
    let errors = EpisodeDraft::parse(&fields, None, TODAY).expect_err("invalid");
    assert_eq!(errors.for_field("entry_date"), Some(&Problem::ImpossibleDate));
}

#[test]
fn an_expected_release_before_entry_is_refused() {
    let fields = EpisodeFields { expected_release: "2026-11-22", ..episode_fields() };
    let errors = EpisodeDraft::parse(&fields, None, TODAY).expect_err("invalid");
    assert_eq!(errors.for_field("expected_release"), Some(&Problem::DateOrder));
}

#[test]
fn a_prison_number_with_spaces_or_symbols_is_refused() {
    for number in ["12 34", "12;34", "123456789012345678901"] {
        let fields = EpisodeFields { prison_number: number, ..episode_fields() };
        let errors = EpisodeDraft::parse(&fields, None, TODAY).expect_err(number);
        assert_eq!(errors.for_field("prison_number"), Some(&Problem::InvalidFormat), "{number}");
    }
}

#[test]
fn name_tokens_ignore_accents_case_punctuation_and_order() {
    assert_eq!(name_tokens("Van den Bossche, Éloïse"), name_tokens("eloise VAN-DEN-BOSSCHE"));
    assert_eq!(name_tokens("Çelik Şükrü"), vec!["celik".to_owned(), "sukru".to_owned()]);
    assert_eq!(name_tokens("Müller Müller"), vec!["muller".to_owned()]);
}

#[test]
fn sort_names_order_accented_names_with_their_plain_letters() {
    assert_eq!(sort_name("Érdi", "Zoë"), "erdi zoe");
    assert!(sort_name("Émile", "A") < sort_name("Zola", "A"));
    assert!(
        sort_name("Peeters", "Jan") < sort_name("Peetersen", "Anna"),
        "the family name ends before the given names"
    );
    assert_eq!(sort_name("Van-den  Bossche", "J."), "van den bossche j");
}

#[test]
fn a_query_that_is_a_date_searches_by_date_of_birth() {
    let query = PersonQuery::parse(" 12/04/1990 ");
    assert_eq!(query.birth_date, Some(date(1990, 4, 12)));
    assert!(query.name_tokens.is_empty() && query.prison_number.is_none());
}

#[test]
fn a_query_with_digits_may_be_a_prison_number_and_words_are_name_tokens() {
    let query = PersonQuery::parse("HAS-2026-0042");
    assert_eq!(query.prison_number.as_deref(), Some("HAS-2026-0042"));
    let query = PersonQuery::parse("Mansouri yass");
    assert_eq!(query.prison_number, None);
    assert_eq!(query.name_tokens, vec!["mansouri".to_owned(), "yass".to_owned()]);
    assert!(PersonQuery::parse("   ").is_empty());
}

proptest! {
    #[test]
    fn name_tokens_are_lowercase_ascii_sorted_and_unique(text in "\\PC{0,40}") {
        let tokens = name_tokens(&text);
        for token in &tokens {
            prop_assert!(!token.is_empty());
            prop_assert!(token.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
        }
        prop_assert!(tokens.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn the_order_of_the_name_parts_does_not_change_the_tokens(a in "[A-Za-zÀ-ÿ]{1,12}", b in "[A-Za-zÀ-ÿ]{1,12}") {
        prop_assert_eq!(name_tokens(&format!("{a} {b}")), name_tokens(&format!("{b}, {a}")));
    }

    #[test]
    fn any_accepted_episode_respects_the_date_rules(
        entry in 0i64..20_000, birth in 0i64..20_000, release in proptest::option::of(0i64..20_000)
    ) {
        let day = |n: i64| date(1970, 1, 1).checked_add(jiff::Span::new().days(n)).expect("in range");
        let entry_text = day(entry).to_string();
        let release_text = release.map(|r| day(r).to_string()).unwrap_or_default();
        let fields = EpisodeFields {
            prison_number: "1",
            entry_date: &entry_text,
            legal_status: "sentenced",
            expected_release: &release_text,
        };
        if let Ok(episode) = EpisodeDraft::parse(&fields, Some(day(birth)), TODAY) {
            prop_assert!(episode.entry_date >= day(birth) && episode.entry_date <= TODAY);
            prop_assert!(episode.expected_release.is_none_or(|r| r >= episode.entry_date));
        }
    }
}
