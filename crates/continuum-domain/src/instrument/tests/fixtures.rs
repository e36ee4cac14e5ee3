//! The five instruments built in Rust with the numbers of DOMAIN.md, so the
//! engine is tested here without reading the TOML files (the application
//! crate tests that the shipped files load and carry the same numbers).

use crate::instrument::*;

fn label(en: &str) -> Labels {
    Labels::new(format!("nl: {en}"), format!("fr: {en}"), en)
}

fn options(spec: &[(&str, u32)]) -> Vec<AnswerOption> {
    spec.iter()
        .map(|(code, weight)| AnswerOption { code: (*code).into(), weight: *weight, labels: label(code) })
        .collect()
}

fn question(id: &str, spec: &[(&str, u32)]) -> Question {
    Question { id: id.into(), labels: label(id), wording_en: None, options: options(spec), part_of: None }
}

fn group(code: &str, questions: &[&str], bands: Option<&str>) -> Group {
    Group {
        code: code.into(),
        labels: label(code),
        questions: questions.iter().map(|q| (*q).into()).collect(),
        bands: bands.map(Into::into),
        named: false,
    }
}

fn band_set(code: &str, spec: &[(&str, u32, u32, Option<&str>)]) -> BandSet {
    BandSet {
        code: code.into(),
        bands: spec
            .iter()
            .map(|(code, min, max, action)| Band {
                code: (*code).into(),
                min: *min,
                max: *max,
                labels: label(code),
                action: action.map(Into::into),
            })
            .collect(),
    }
}

fn skip(question: &str, answer: &str, skipped: &[&str]) -> SkipRule {
    SkipRule {
        when: Condition::AnswerIn { question: question.into(), options: vec![answer.into()] },
        skip: skipped.iter().map(|q| (*q).into()).collect(),
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).into()).collect()
}

fn base(code: &str, version: &str, scoring: Scoring) -> Instrument {
    Instrument {
        code: code.into(),
        version: version.into(),
        labels: label(code),
        rights: "test".into(),
        loinc: Loinc::default(),
        scoring,
        order: ItemOrder::ByGroup,
        questions: Vec::new(),
        groups: Vec::new(),
        band_sets: Vec::new(),
        skip_rules: Vec::new(),
        alerts: Vec::new(),
        positive: PositiveRule::default(),
    }
}

/// The ASSIST substance classes, in the form's order.
pub const SUBSTANCES: [&str; 10] = [
    "tobacco",
    "alcohol",
    "cannabis",
    "cocaine",
    "amphetamine_type_stimulants",
    "inhalants",
    "sedatives",
    "hallucinogens",
    "opioids",
    "other",
];

/// WHO ASSIST v3.1 (DOMAIN.md; Humeniuk et al., WHO 2010; PMC4983530 table 1).
pub fn assist() -> Instrument {
    let freq =
        |w: [u32; 5]| [("never", w[0]), ("once_or_twice", w[1]), ("monthly", w[2]), ("weekly", w[3]), ("daily", w[4])];
    let ever = |recent: u32, earlier: u32| [("no", 0), ("yes_past_3_months", recent), ("yes_earlier", earlier)];
    let mut i = base("assist", "3.1", Scoring::PerGroup);
    i.order = ItemOrder::ByQuestion;
    i.questions = vec![
        question("q1", &[("no", 0), ("yes", 0)]),
        question("q2", &freq([0, 2, 3, 4, 6])),
        question("q3", &freq([0, 3, 4, 5, 6])),
        question("q4", &freq([0, 4, 5, 6, 7])),
        question("q5", &freq([0, 5, 6, 7, 8])),
        question("q6", &ever(6, 3)),
        question("q7", &ever(6, 3)),
        question("q8", &ever(0, 0)),
    ];
    for substance in SUBSTANCES {
        let questions: &[&str] = if substance == "tobacco" {
            &["q1", "q2", "q3", "q4", "q6", "q7"]
        } else {
            &["q1", "q2", "q3", "q4", "q5", "q6", "q7"]
        };
        let bands = if substance == "alcohol" { "alcohol" } else { "other_substances" };
        let mut g = group(substance, questions, Some(bands));
        g.named = substance == "other";
        i.groups.push(g);
    }
    i.groups.push(group("injection", &["q8"], None));
    let actions = [
        Some("screening-action-general-information"),
        Some("screening-action-brief-intervention"),
        Some("screening-action-further-assessment"),
    ];
    i.band_sets = vec![
        band_set(
            "alcohol",
            &[("low", 0, 10, actions[0]), ("moderate", 11, 26, actions[1]), ("high", 27, 39, actions[2])],
        ),
        band_set(
            "other_substances",
            &[("low", 0, 3, actions[0]), ("moderate", 4, 26, actions[1]), ("high", 27, 39, actions[2])],
        ),
    ];
    i.skip_rules =
        vec![skip("q1", "no", &["q2", "q3", "q4", "q5", "q6", "q7"]), skip("q2", "never", &["q3", "q4", "q5"])];
    i.alerts = vec![Alert {
        code: "injecting_past_3_months".into(),
        group: "injection".into(),
        when: Condition::AnswerIn { question: "q8".into(), options: strings(&["yes_past_3_months"]) },
        action: "screening-action-injecting".into(),
        positive: true,
    }];
    i.positive = PositiveRule {
        bands: strings(&["moderate", "high"]),
        except_groups: strings(&["tobacco"]),
        total_at_least: None,
    };
    i
}

const AUDIT_FREQUENCY: [(&str, u32); 5] =
    [("never", 0), ("less_than_monthly", 1), ("monthly", 2), ("weekly", 3), ("daily", 4)];

fn audit_questions() -> Vec<Question> {
    let mut questions = vec![
        question(
            "q1",
            &[
                ("never", 0),
                ("monthly_or_less", 1),
                ("two_to_four_a_month", 2),
                ("two_to_three_a_week", 3),
                ("four_or_more_a_week", 4),
            ],
        ),
        question(
            "q2",
            &[("one_or_two", 0), ("three_or_four", 1), ("five_or_six", 2), ("seven_to_nine", 3), ("ten_or_more", 4)],
        ),
    ];
    for id in ["q3", "q4", "q5", "q6", "q7", "q8"] {
        questions.push(question(id, &AUDIT_FREQUENCY));
    }
    for id in ["q9", "q10"] {
        questions.push(question(id, &[("no", 0), ("yes_not_last_year", 2), ("yes_last_year", 4)]));
    }
    questions
}

/// AUDIT (DOMAIN.md: 0-40, zones 0-7, 8-15, 16-19, 20-40).
pub fn audit() -> Instrument {
    let mut i = base("audit", "1", Scoring::Total { bands: Some("zones".into()) });
    i.questions = audit_questions();
    i.groups = vec![group("audit", &["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10"], None)];
    i.band_sets = vec![band_set(
        "zones",
        &[("zone_1", 0, 7, None), ("zone_2", 8, 15, None), ("zone_3", 16, 19, None), ("zone_4", 20, 40, None)],
    )];
    let rest = ["q4", "q5", "q6", "q7", "q8"];
    i.skip_rules = vec![
        skip("q1", "never", &["q2", "q3", "q4", "q5", "q6", "q7", "q8"]),
        SkipRule { when: Condition::SumAtMost { questions: strings(&["q2", "q3"]), max: 0 }, skip: strings(&rest) },
    ];
    i.positive.bands = strings(&["zone_2", "zone_3", "zone_4"]);
    i
}

/// AUDIT-C (DOMAIN.md: items 1-3, 0-12, positive at 4+ men, 3+ women).
pub fn audit_c() -> Instrument {
    let mut i = base("audit_c", "1", Scoring::Total { bands: None });
    i.questions = audit_questions().into_iter().take(3).collect();
    i.groups = vec![group("audit_c", &["q1", "q2", "q3"], None)];
    i.skip_rules = vec![skip("q1", "never", &["q2", "q3"])];
    i.positive.total_at_least = Some(SexCutoffs { male: 4, female: 3, unspecified: 3 });
    i
}

/// DAST-10 (DOMAIN.md: yes = 1 except item 3 where no = 1; 0/1-2/3-5/6-8/9-10).
pub fn dast_10() -> Instrument {
    let mut i = base("dast_10", "1", Scoring::Total { bands: Some("levels".into()) });
    let ids = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10"];
    i.questions =
        ids.iter()
            .map(|id| {
                if *id == "q3" {
                    question(id, &[("yes", 0), ("no", 1)])
                } else {
                    question(id, &[("yes", 1), ("no", 0)])
                }
            })
            .collect();
    i.groups = vec![group("dast_10", &ids, None)];
    i.band_sets = vec![band_set(
        "levels",
        &[
            ("none", 0, 0, None),
            ("low", 1, 2, None),
            ("moderate", 3, 5, None),
            ("substantial", 6, 8, None),
            ("severe", 9, 10, None),
        ],
    )];
    i.positive.bands = strings(&["moderate", "substantial", "severe"]);
    i
}

/// TCU Drug Screen 5 (DOMAIN.md: items 1-11, 10 and 11 with a/b parts,
/// either yes = 1; 0-11; 2-3 mild, 4-5 moderate, 6+ severe).
pub fn tcu_ds5() -> Instrument {
    let mut i = base("tcu_ds5", "1", Scoring::Total { bands: Some("severity".into()) });
    let ids = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10a", "q10b", "q11a", "q11b"];
    i.questions = ids
        .iter()
        .map(|id| {
            let mut q = question(id, &[("yes", 1), ("no", 0)]);
            q.part_of = id.strip_suffix(['a', 'b']).map(Into::into);
            q
        })
        .collect();
    i.groups = vec![group("tcu_ds5", &ids, None)];
    i.band_sets = vec![band_set(
        "severity",
        &[("none", 0, 1, None), ("mild", 2, 3, None), ("moderate", 4, 5, None), ("severe", 6, 11, None)],
    )];
    i.positive.bands = strings(&["mild", "moderate", "severe"]);
    i
}

/// All five.
pub fn all() -> Vec<Instrument> {
    vec![assist(), audit(), audit_c(), dast_10(), tcu_ds5()]
}
