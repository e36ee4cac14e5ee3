//! The scoring rules of DOMAIN.md ("Screening instruments") as tests: every
//! band boundary (one below, at, one above) of every instrument, the ASSIST
//! worked by hand, skip rules, AUDIT-C by sex, DAST-10's reversed item,
//! TCU's a/b parts, definition checks, and properties over random answers.

mod fixtures;
mod pack;

use std::cmp::Reverse;

use proptest::prelude::*;

use super::*;
use fixtures::{SUBSTANCES, assist, audit, audit_c, dast_10, tcu_ds5};

// ---------------------------------------------------------------- helpers

fn scored(instrument: &Instrument, answers: &Answers) -> ScreeningResult {
    score(instrument, answers, Sex::Unknown).expect("valid answers")
}

/// The score a search aims at: one group's, or the total.
fn value(instrument: &Instrument, answers: &Answers, group: Option<&str>) -> u32 {
    let result = scored(instrument, answers);
    match group {
        Some(g) => result.group(g).expect("group").score,
        None => result.total.expect("total").score,
    }
}

/// A complete response whose group (or total) scores exactly `target`,
/// found by answering item after item as `next_item` asks; items of other
/// groups get their first option (for the ASSIST: "no", never used).
fn reaching(instrument: &Instrument, group: Option<&str>, target: u32) -> Answers {
    fn search(i: &Instrument, answers: Answers, group: Option<&str>, target: u32) -> Option<Answers> {
        let current = value(i, &answers, group);
        if current > target {
            return None;
        }
        let Some(item) = next_item(i, &answers) else { return (current == target).then_some(answers) };
        let targeted = |it: &ItemRef<'_>| group.is_none_or(|g| it.group.code == g);
        if !targeted(&item) {
            let mut next = answers.clone();
            next.set(item.key(), item.question.options[0].code.clone());
            return search(i, next, group, target);
        }
        let open: u32 = applicable_items(i, &answers)
            .iter()
            .filter(|it| targeted(it) && answers.get(&it.key()).is_none())
            .map(|it| it.question.max_weight())
            .sum();
        if current + open < target {
            return None;
        }
        let mut options: Vec<&AnswerOption> = item.question.options.iter().rev().collect();
        options.sort_by_key(|o| Reverse(o.weight));
        options.into_iter().find_map(|o| {
            let mut next = answers.clone();
            next.set(item.key(), o.code.clone());
            search(i, next, group, target)
        })
    }
    let mut answers = search(instrument, Answers::new(), group, target)
        .unwrap_or_else(|| panic!("{}: no response scores {target} for {group:?}", instrument.code));
    for named in names_missing(instrument, &answers.clone()) {
        answers.set_name(named.code.clone(), "named");
    }
    answers
}

/// Checks scores against levels written from DOMAIN.md, each reached by a
/// complete response.
fn assert_levels(instrument: &Instrument, group: Option<&str>, expected: &[(u32, &str)]) {
    for (target, level) in expected {
        let answers = reaching(instrument, group, *target);
        let result = scored(instrument, &answers);
        let got = match group {
            Some(g) => result.group(g).expect("group").level.clone(),
            None => result.total.clone().expect("total").level,
        };
        assert!(result.complete, "{}: response for {target} is complete", instrument.code);
        assert_eq!(got.map(|l| l.code).as_deref(), Some(*level), "{} {group:?} score {target}", instrument.code);
    }
}

/// An ASSIST response: every class "no" at Q1 except those given, Q8 "no".
fn assist_answers(used: &[(&str, &[(&str, &str)])]) -> Answers {
    let mut answers = Answers::new().with("injection", "q8", "no");
    for substance in SUBSTANCES {
        answers = answers.with(substance, "q1", "no");
    }
    for (substance, items) in used {
        answers = answers.with(substance, "q1", "yes");
        for (question, option) in *items {
            answers = answers.with(substance, question, option);
        }
    }
    answers
}

fn all_items(instrument: &Instrument, option: &str) -> Answers {
    instrument.items().iter().fold(Answers::new(), |a, it| a.with(&it.group.code, &it.question.id, option))
}

// ---------------------------------------------------------------- definitions

#[test]
fn every_fixture_passes_validation() {
    for instrument in fixtures::all() {
        assert_eq!(validate(&instrument), Ok(()), "{}", instrument.code);
    }
}

#[test]
fn score_ranges_are_those_of_domain_md() {
    let assist = assist();
    let max = |code: &str| assist.group_max(assist.group(code).expect("group"));
    assert_eq!(max("alcohol"), 39, "6+6+7+8+6+6");
    assert_eq!(max("tobacco"), 31, "no Q5 for tobacco");
    assert_eq!(max("injection"), 0, "Q8 recorded, not scored");
    assert_eq!(audit().total_max(), 40);
    assert_eq!(audit_c().total_max(), 12);
    assert_eq!(dast_10().total_max(), 10);
    assert_eq!(tcu_ds5().total_max(), 11, "parts a and b of items 10 and 11 count once");
}

#[test]
fn validation_reports_every_problem_with_its_place() {
    let mut i = audit();
    i.questions.push(i.questions[9].clone());
    i.questions[0].options[1].code = "never".into();
    i.questions[2].labels.fr = " ".into();
    i.band_sets[0].bands[1].min = 9;
    i.skip_rules.push(SkipRule {
        when: Condition::AnswerIn { question: "q5".into(), options: vec!["never".into()] },
        skip: vec!["q2".into(), "q99".into()],
    });
    i.loinc.panel = Some("72110-1".into());
    let errors = validate(&i).expect_err("broken");
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    for expected in [
        DefinitionError::Duplicate { at: "questions".into(), code: "q10".into() },
        DefinitionError::Duplicate { at: "question q1".into(), code: "never".into() },
        DefinitionError::MissingLabel { at: "question q3".into(), language: "fr" },
        DefinitionError::SkipBackwards { question: "q2".into() },
        DefinitionError::UnknownQuestion { at: "skip rule 3".into(), question: "q99".into() },
        DefinitionError::BadLoinc { code: "72110-1".into() },
    ] {
        assert!(errors.contains(&expected), "missing {expected:?} in {text:?}");
    }
    assert!(errors.iter().any(|e| matches!(e, DefinitionError::Bands { .. })), "{text:?}");
}

#[test]
fn bands_must_reach_the_highest_score() {
    let mut i = dast_10();
    i.band_sets[0].bands[4].max = 9;
    let errors = validate(&i).expect_err("short");
    assert!(errors.iter().any(|e| e.to_string().contains("can reach 10")), "{errors:?}");
}

#[test]
fn bands_must_start_at_zero_without_overlap() {
    let mut i = tcu_ds5();
    i.band_sets[0].bands[0].min = 1;
    i.band_sets[0].bands[2].min = 3;
    let errors = validate(&i).expect_err("broken bands");
    assert_eq!(errors.len(), 2, "{errors:?}");
}

#[test]
fn references_to_unknown_groups_bands_and_options_are_refused() {
    let mut i = assist();
    i.groups[0].bands = Some("nope".into());
    i.alerts[0].group = "needles".into();
    i.skip_rules[0].when = Condition::AnswerIn { question: "q1".into(), options: vec!["maybe".into()] };
    i.positive.bands.push("extreme".into());
    i.positive.total_at_least = Some(SexCutoffs { male: 1, female: 1, unspecified: 1 });
    let errors = validate(&i).expect_err("broken");
    assert!(errors.contains(&DefinitionError::UnknownBandSet { at: "group tobacco".into(), band_set: "nope".into() }));
    assert!(errors.contains(&DefinitionError::UnknownGroup {
        at: "alert injecting_past_3_months".into(),
        group: "needles".into()
    }));
    assert!(errors.contains(&DefinitionError::UnknownOption { at: "skip rule 1".into(), option: "maybe".into() }));
    assert!(errors.contains(&DefinitionError::UnknownBand { at: "positive rule".into(), band: "extreme".into() }));
    assert!(errors.contains(&DefinitionError::CutoffWithoutTotal));
}

#[test]
fn codes_and_message_ids_have_a_stable_form() {
    let mut i = assist();
    i.groups[1].code = "Alcohol".into();
    i.band_sets[0].bands[0].action = Some("screening action".into());
    i.version = String::new();
    let errors = validate(&i).expect_err("broken");
    assert_eq!(errors.len(), 3, "{errors:?}");
}

#[test]
fn loinc_check_digits_of_domain_md_codes_are_valid() {
    for code in ["72110-0", "75624-7", "72109-2", "75626-2", "82666-9", "82667-7"] {
        assert!(loinc_is_valid(code), "{code}");
    }
    for code in ["72110-1", "75624", "x5624-7", "-7", "75624-77"] {
        assert!(!loinc_is_valid(code), "{code}");
    }
}

// ---------------------------------------------------------------- ASSIST

#[test]
fn assist_alcohol_levels_at_every_boundary() {
    let expected = [(0, "low"), (9, "low"), (10, "low"), (11, "moderate"), (12, "moderate")];
    assert_levels(&assist(), Some("alcohol"), &expected);
    assert_levels(&assist(), Some("alcohol"), &[(25, "moderate"), (26, "moderate"), (27, "high"), (28, "high")]);
    assert_levels(&assist(), Some("alcohol"), &[(39, "high")]);
}

#[test]
fn assist_other_classes_levels_at_every_boundary() {
    for substance in SUBSTANCES.iter().filter(|s| **s != "alcohol") {
        let expected = [(0, "low"), (3, "low"), (4, "moderate"), (5, "moderate"), (26, "moderate"), (27, "high")];
        assert_levels(&assist(), Some(substance), &expected);
    }
    assert_levels(&assist(), Some("cannabis"), &[(28, "high"), (39, "high")]);
    assert_levels(&assist(), Some("tobacco"), &[(28, "high"), (31, "high")]);
}

#[test]
fn assist_alcohol_10_is_low_and_11_moderate_by_hand() {
    // Q2 weekly (4) + Q6 yes, past 3 months (6) = 10.
    let ten = assist_answers(&[(
        "alcohol",
        &[
            ("q2", "weekly"),
            ("q3", "never"),
            ("q4", "never"),
            ("q5", "never"),
            ("q6", "yes_past_3_months"),
            ("q7", "no"),
        ],
    )]);
    // Q2 monthly (3) + Q3 monthly (4) + Q4 once or twice (4) = 11.
    let eleven = assist_answers(&[(
        "alcohol",
        &[("q2", "monthly"), ("q3", "monthly"), ("q4", "once_or_twice"), ("q5", "never"), ("q6", "no"), ("q7", "no")],
    )]);
    let (ten, eleven) = (scored(&assist(), &ten), scored(&assist(), &eleven));
    let alcohol = |r: &ScreeningResult| r.group("alcohol").cloned().expect("alcohol");
    assert_eq!((alcohol(&ten).score, alcohol(&ten).level.map(|l| l.code)), (10, Some("low".into())));
    assert_eq!((alcohol(&eleven).score, alcohol(&eleven).level.map(|l| l.code)), (11, Some("moderate".into())));
    assert!(!ten.positive);
    assert!(eleven.positive);
    assert!(ten.complete && eleven.complete);
}

#[test]
fn assist_cannabis_3_is_low_and_4_moderate_by_hand() {
    let answered = |q2: &str| {
        assist_answers(&[(
            "cannabis",
            &[("q2", q2), ("q3", "never"), ("q4", "never"), ("q5", "never"), ("q6", "no"), ("q7", "no")],
        )])
    };
    let three = scored(&assist(), &answered("monthly"));
    let four = scored(&assist(), &answered("weekly"));
    assert_eq!(three.group("cannabis").map(|g| g.score), Some(3));
    assert_eq!(three.group("cannabis").and_then(|g| g.level.clone()).map(|l| l.code).as_deref(), Some("low"));
    assert_eq!(four.group("cannabis").map(|g| g.score), Some(4));
    assert_eq!(four.group("cannabis").and_then(|g| g.level.clone()).map(|l| l.code).as_deref(), Some("moderate"));
    assert!(!three.positive);
    assert!(four.positive);
}

#[test]
fn assist_26_is_moderate_and_27_high_by_hand() {
    let answered = |q5: &str| {
        assist_answers(&[(
            "opioids",
            &[("q2", "daily"), ("q3", "daily"), ("q4", "daily"), ("q5", q5), ("q6", "no"), ("q7", "no")],
        )])
    };
    // 6 + 6 + 7 + 7 (weekly) = 26; 6 + 6 + 7 + 8 (daily) = 27.
    let level = |q5| {
        let r = scored(&assist(), &answered(q5));
        r.group("opioids").map(|g| (g.score, g.level.clone().map(|l| l.code).unwrap_or_default()))
    };
    assert_eq!(level("weekly"), Some((26, "moderate".into())));
    assert_eq!(level("daily"), Some((27, "high".into())));
}

#[test]
fn assist_levels_carry_their_action() {
    let answers = assist_answers(&[("cocaine", &[("q2", "weekly"), ("q3", "never"), ("q4", "never")])]);
    let result = scored(&assist(), &answers);
    let level = |g: &str| result.group(g).and_then(|g| g.level.clone()).and_then(|l| l.action);
    assert_eq!(level("cocaine").as_deref(), Some("screening-action-brief-intervention"));
    assert_eq!(level("alcohol").as_deref(), Some("screening-action-general-information"));
}

#[test]
fn assist_tobacco_alone_is_never_positive() {
    let answers = assist_answers(&[(
        "tobacco",
        &[("q2", "daily"), ("q3", "daily"), ("q4", "daily"), ("q6", "yes_past_3_months"), ("q7", "yes_past_3_months")],
    )]);
    let result = scored(&assist(), &answers);
    let tobacco = result.group("tobacco").expect("tobacco");
    assert_eq!(tobacco.score, 31);
    assert_eq!(tobacco.level.as_ref().map(|l| l.code.as_str()), Some("high"));
    assert!(!result.positive);
    assert!(result.complete);
}

#[test]
fn assist_injecting_in_past_3_months_is_positive_with_zero_scores() {
    let answers = assist_answers(&[]).with("injection", "q8", "yes_past_3_months");
    let result = scored(&assist(), &answers);
    assert!(result.groups.iter().all(|g| g.score == 0));
    assert!(result.positive);
    assert_eq!(
        result.alerts,
        vec![AlertRaised { code: "injecting_past_3_months".into(), action: "screening-action-injecting".into() }]
    );
}

#[test]
fn assist_injecting_earlier_is_recorded_but_neither_alert_nor_positive() {
    let answers = assist_answers(&[]).with("injection", "q8", "yes_earlier");
    let result = scored(&assist(), &answers);
    assert!(!result.positive);
    assert!(result.alerts.is_empty());
}

#[test]
fn assist_injecting_alert_can_be_configured_not_to_make_a_screen_positive() {
    let mut i = assist();
    i.alerts[0].positive = false;
    let result = scored(&i, &assist_answers(&[]).with("injection", "q8", "yes_past_3_months"));
    assert!(!result.positive);
    assert_eq!(result.alerts.len(), 1, "the action is still called for");
}

#[test]
fn assist_q1_no_skips_the_rest_of_that_substance() {
    let i = assist();
    let answers = assist_answers(&[]).with("alcohol", "q2", "daily").with("alcohol", "q6", "yes_past_3_months");
    let result = scored(&i, &answers);
    assert_eq!(result.group("alcohol").map(|g| g.score), Some(0));
    assert!(result.complete);
    let asked: Vec<ItemKey> = applicable_items(&i, &answers).iter().map(ItemRef::key).collect();
    assert!(asked.contains(&ItemKey::new("alcohol", "q1")));
    assert!(!asked.iter().any(|k| k.group == "alcohol" && k.question != "q1"));
}

#[test]
fn assist_q2_never_skips_q3_to_q5_which_score_zero_even_if_answered() {
    let i = assist();
    let answers = assist_answers(&[(
        "cannabis",
        &[
            ("q2", "never"),
            ("q3", "daily"),
            ("q4", "daily"),
            ("q5", "daily"),
            ("q6", "yes_past_3_months"),
            ("q7", "no"),
        ],
    )]);
    let result = scored(&i, &answers);
    assert_eq!(result.group("cannabis").map(|g| g.score), Some(6), "only Q6 counts");
    let asked: Vec<String> = applicable_items(&i, &answers)
        .iter()
        .filter(|it| it.group.code == "cannabis")
        .map(|it| it.question.id.clone())
        .collect();
    assert_eq!(asked, ["q1", "q2", "q6", "q7"]);
}

#[test]
fn assist_q5_is_not_asked_about_tobacco() {
    let i = assist();
    assert!(i.item(&ItemKey::new("tobacco", "q5")).is_none());
    let answers = assist_answers(&[]).with("tobacco", "q5", "never");
    assert_eq!(
        score(&i, &answers, Sex::Unknown),
        Err(ScoreError::Answer(AnswerError::UnknownItem(ItemKey::new("tobacco", "q5"))))
    );
}

#[test]
fn assist_other_substance_needs_its_name_once_used() {
    let i = assist();
    let used = assist_answers(&[("other", &[("q2", "never"), ("q6", "no"), ("q7", "no")])]);
    let result = scored(&i, &used);
    assert!(!result.complete, "name missing");
    assert_eq!(names_missing(&i, &used).iter().map(|g| g.code.as_str()).collect::<Vec<_>>(), ["other"]);
    let mut named = used.clone();
    named.set_name("other", "GHB");
    let result = scored(&i, &named);
    assert!(result.complete);
    assert_eq!(result.group("other").and_then(|g| g.name.clone()).as_deref(), Some("GHB"));
    assert!(scored(&i, &assist_answers(&[])).complete, "no name needed when not used");
}

#[test]
fn names_are_refused_for_unnamed_groups_and_when_too_long() {
    let i = assist();
    let mut answers = assist_answers(&[]);
    answers.set_name("alcohol", "beer");
    assert_eq!(score(&i, &answers, Sex::Unknown), Err(ScoreError::Answer(AnswerError::NameNotAsked("alcohol".into()))));
    let mut answers = assist_answers(&[]);
    answers.set_name("other", "x".repeat(NAME_MAX_CHARS + 1));
    assert_eq!(score(&i, &answers, Sex::Unknown), Err(ScoreError::Answer(AnswerError::NameTooLong("other".into()))));
}

#[test]
fn assist_asks_each_question_for_every_substance_before_the_next() {
    let i = assist();
    let mut answers = Answers::new();
    let mut asked = Vec::new();
    while let Some(item) = next_item(&i, &answers) {
        asked.push(item.key().to_string());
        let option = if item.group.code == "cannabis" && item.question.id == "q1" { "yes" } else { "no" };
        let option = if item.question.id == "q2" { "weekly" } else { option };
        let option = if ["q3", "q4", "q5"].contains(&item.question.id.as_str()) { "never" } else { option };
        answers.set(item.key(), option);
    }
    let mut expected: Vec<String> = SUBSTANCES.iter().map(|s| format!("{s}.q1")).collect();
    expected.extend(["q2", "q3", "q4", "q5", "q6", "q7"].iter().map(|q| format!("cannabis.{q}")));
    expected.push("injection.q8".into());
    assert_eq!(asked, expected);
    let result = scored(&i, &answers);
    assert!(result.complete);
    assert_eq!(result.group("cannabis").map(|g| g.score), Some(4));
}

#[test]
fn going_back_and_changing_q1_reopens_the_substance() {
    let i = assist();
    let mut answers = assist_answers(&[]);
    assert_eq!(next_item(&i, &answers), None);
    answers.set(ItemKey::new("alcohol", "q1"), "yes");
    assert_eq!(next_item(&i, &answers).map(|it| it.key()), Some(ItemKey::new("alcohol", "q2")));
    assert!(!scored(&i, &answers).complete);
}

// ---------------------------------------------------------------- AUDIT, AUDIT-C

#[test]
fn audit_zones_at_every_boundary() {
    let expected = [
        (0, "zone_1"),
        (7, "zone_1"),
        (8, "zone_2"),
        (9, "zone_2"),
        (15, "zone_2"),
        (16, "zone_3"),
        (17, "zone_3"),
        (19, "zone_3"),
        (20, "zone_4"),
        (21, "zone_4"),
        (40, "zone_4"),
    ];
    assert_levels(&audit(), None, &expected);
}

#[test]
fn audit_is_positive_from_8() {
    assert!(!scored(&audit(), &reaching(&audit(), None, 7)).positive);
    assert!(scored(&audit(), &reaching(&audit(), None, 8)).positive);
}

#[test]
fn audit_q1_never_skips_to_questions_9_and_10() {
    let i = audit();
    let answers = all_items(&i, "never").with("audit", "q2", "ten_or_more").with("audit", "q9", "yes_last_year");
    let asked: Vec<String> = applicable_items(&i, &answers).iter().map(|it| it.question.id.clone()).collect();
    assert_eq!(asked, ["q1", "q9", "q10"]);
    let answers = answers.with("audit", "q10", "no");
    let result = scored(&i, &answers);
    assert_eq!(result.total.map(|t| t.score), Some(4), "Q2's answer is skipped");
    assert!(result.complete);
}

#[test]
fn audit_q2_and_q3_at_zero_skip_to_questions_9_and_10() {
    let i = audit();
    let answers = Answers::new()
        .with("audit", "q1", "monthly_or_less")
        .with("audit", "q2", "one_or_two")
        .with("audit", "q3", "never");
    assert_eq!(next_item(&i, &answers).map(|it| it.question.id.clone()).as_deref(), Some("q9"));
    let answers = answers.with("audit", "q3", "less_than_monthly");
    assert_eq!(next_item(&i, &answers).map(|it| it.question.id.clone()).as_deref(), Some("q4"));
}

#[test]
fn audit_c_cut_off_depends_on_sex() {
    let i = audit_c();
    let at = |total: u32, sex: Sex| {
        let r = score(&i, &reaching(&i, None, total), sex).expect("valid");
        assert_eq!(r.total.as_ref().map(|t| t.score), Some(total));
        r
    };
    assert!(!at(2, Sex::Female).positive);
    assert!(at(3, Sex::Female).positive);
    assert!(at(4, Sex::Female).positive);
    assert!(!at(3, Sex::Male).positive);
    assert!(at(4, Sex::Male).positive);
    assert!(at(5, Sex::Male).positive);
    assert!(!at(3, Sex::Male).unspecified_sex_cutoff);
}

#[test]
fn audit_c_applies_the_lower_cut_off_when_sex_is_unknown_or_other() {
    let i = audit_c();
    for sex in [Sex::Unknown, Sex::Other] {
        let two = score(&i, &reaching(&i, None, 2), sex).expect("valid");
        let three = score(&i, &reaching(&i, None, 3), sex).expect("valid");
        assert!(!two.positive);
        assert!(three.positive);
        assert!(three.unspecified_sex_cutoff, "the result says which cut-off was used");
    }
}

#[test]
fn audit_c_total_runs_from_0_to_12() {
    let i = audit_c();
    let top = scored(&i, &reaching(&i, None, 12));
    assert_eq!(top.total.map(|t| (t.score, t.max)), Some((12, 12)));
}

// ---------------------------------------------------------------- DAST-10

#[test]
fn dast_10_levels_at_every_boundary() {
    let expected = [
        (0, "none"),
        (1, "low"),
        (2, "low"),
        (3, "moderate"),
        (4, "moderate"),
        (5, "moderate"),
        (6, "substantial"),
        (7, "substantial"),
        (8, "substantial"),
        (9, "severe"),
        (10, "severe"),
    ];
    assert_levels(&dast_10(), None, &expected);
}

#[test]
fn dast_10_item_3_is_reversed() {
    let i = dast_10();
    let all_no = scored(&i, &all_items(&i, "no"));
    assert_eq!(all_no.total.map(|t| t.score), Some(1), "item 3 'no' scores 1");
    let all_yes = scored(&i, &all_items(&i, "yes"));
    assert_eq!(all_yes.total.map(|t| t.score), Some(9), "item 3 'yes' scores 0");
    let zero = scored(&i, &all_items(&i, "no").with("dast_10", "q3", "yes"));
    assert_eq!(zero.total.map(|t| t.score), Some(0));
}

// ---------------------------------------------------------------- TCU Drug Screen 5

#[test]
fn tcu_ds5_levels_at_every_boundary() {
    let expected = [
        (0, "none"),
        (1, "none"),
        (2, "mild"),
        (3, "mild"),
        (4, "moderate"),
        (5, "moderate"),
        (6, "severe"),
        (7, "severe"),
        (11, "severe"),
    ];
    assert_levels(&tcu_ds5(), None, &expected);
}

#[test]
fn tcu_ds5_parts_a_and_b_score_one_if_either_is_yes() {
    let i = tcu_ds5();
    let total = |a: &str, b: &str| {
        let answers = all_items(&i, "no").with("tcu_ds5", "q10a", a).with("tcu_ds5", "q10b", b);
        scored(&i, &answers).total.map(|t| t.score)
    };
    assert_eq!(total("no", "no"), Some(0));
    assert_eq!(total("yes", "no"), Some(1));
    assert_eq!(total("no", "yes"), Some(1));
    assert_eq!(total("yes", "yes"), Some(1));
    assert_eq!(scored(&i, &all_items(&i, "yes")).total.map(|t| t.score), Some(11));
}

#[test]
fn tcu_ds5_is_positive_from_mild() {
    assert!(!scored(&tcu_ds5(), &reaching(&tcu_ds5(), None, 1)).positive);
    assert!(scored(&tcu_ds5(), &reaching(&tcu_ds5(), None, 2)).positive);
}

// ---------------------------------------------------------------- answers

#[test]
fn an_answer_outside_the_options_is_refused_naming_the_item() {
    let i = audit();
    let item = i.item(&ItemKey::new("audit", "q9")).expect("item");
    assert_eq!(check_answer(item, "yes_last_year"), Ok(()));
    let refused = check_answer(item, "sometimes").expect_err("not an option");
    assert_eq!(refused, AnswerError::NotAnOption { item: ItemKey::new("audit", "q9"), option: "sometimes".into() });
    assert!(refused.to_string().contains("audit.q9"));
    assert_eq!(refused.message_id(), "screening-answer-not-an-option");
    let answers = Answers::new().with("audit", "q9", "sometimes");
    assert_eq!(score(&i, &answers, Sex::Male), Err(ScoreError::Answer(refused)));
}

#[test]
fn an_answer_to_an_unknown_item_is_refused() {
    let answers = Answers::new().with("audit", "q11", "no");
    assert_eq!(
        score(&audit(), &answers, Sex::Male),
        Err(ScoreError::Answer(AnswerError::UnknownItem(ItemKey::new("audit", "q11"))))
    );
}

#[test]
fn an_incomplete_response_is_scored_but_not_complete() {
    let i = dast_10();
    let result = scored(&i, &Answers::new().with("dast_10", "q1", "yes"));
    assert!(!result.complete);
    assert_eq!(result.total.map(|t| t.score), Some(1));
    assert_eq!(result.version, "1");
}

// ---------------------------------------------------------------- properties

/// An instrument and random answers: each item unanswered or given an
/// option by index (wrapping).
fn instrument_and_answers() -> impl Strategy<Value = (Instrument, Answers)> {
    (0..5usize, prop::collection::vec(prop::option::of(0..8usize), 80)).prop_map(|(n, picks)| {
        let instrument = fixtures::all().swap_remove(n);
        let mut answers = Answers::new();
        for (item, pick) in instrument.items().iter().zip(picks) {
            if let Some(p) = pick {
                answers.set(item.key(), item.question.options[p % item.question.options.len()].code.clone());
            }
        }
        (instrument, answers)
    })
}

proptest! {
    #[test]
    fn scores_stay_within_their_range((instrument, answers) in instrument_and_answers()) {
        let result = scored(&instrument, &answers);
        for group in &result.groups {
            prop_assert!(group.score <= group.max, "{} {} > {}", group.group, group.score, group.max);
        }
        if let Some(total) = &result.total {
            prop_assert!(total.score <= total.max);
            prop_assert_eq!(total.score, result.groups.iter().map(|g| g.score).sum::<u32>());
            let unbanded = matches!(instrument.scoring, Scoring::Total { bands: None });
            prop_assert!(total.level.is_some() || unbanded, "every total has a level");
        }
        for group in result.groups.iter().filter(|g| instrument.group(&g.group).is_some_and(|d| d.bands.is_some())) {
            prop_assert!(group.level.is_some(), "every score has a level");
        }
    }

    #[test]
    fn skipped_items_contribute_zero((instrument, answers) in instrument_and_answers()) {
        let asked: Vec<ItemKey> = applicable_items(&instrument, &answers).iter().map(ItemRef::key).collect();
        let mut heaviest = answers.clone();
        let mut removed = answers.clone();
        for item in instrument.items().iter().filter(|it| !asked.contains(&it.key())) {
            let top = item.question.options.iter().max_by_key(|o| o.weight).expect("options");
            heaviest.set(item.key(), top.code.clone());
            removed.remove(&item.key());
        }
        let base = scored(&instrument, &answers);
        prop_assert_eq!(&scored(&instrument, &heaviest), &base);
        prop_assert_eq!(&scored(&instrument, &removed), &base);
    }

    #[test]
    fn next_item_is_asked_and_unanswered((instrument, answers) in instrument_and_answers()) {
        let asked = applicable_items(&instrument, &answers);
        match next_item(&instrument, &answers) {
            Some(item) => {
                prop_assert!(asked.contains(&item), "never a skipped item");
                prop_assert!(answers.get(&item.key()).is_none());
                prop_assert!(!scored(&instrument, &answers).complete);
            }
            None => prop_assert!(asked.iter().all(|it| answers.get(&it.key()).is_some())),
        }
    }
}
