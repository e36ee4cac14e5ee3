//! The checks a definition must pass before it is used: run at start-up on
//! every shipped file, so a broken definition stops the server rather than
//! mis-scoring a screen.
//!
//! Every problem is reported, not only the first, each naming where it is.

use std::collections::BTreeSet;
use std::fmt;

use super::definition::{BandSet, Condition, Instrument, Labels, Scoring};

/// One problem of a definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DefinitionError {
    /// A code, id or version is empty or not made of `a-z`, `0-9` and `_`
    /// (versions may also hold `.`).
    BadCode {
        /// Where.
        at: String,
        /// The code.
        code: String,
    },
    /// A label is empty in one language.
    MissingLabel {
        /// Where.
        at: String,
        /// The language code.
        language: &'static str,
    },
    /// Two things of one kind share a code.
    Duplicate {
        /// Where.
        at: String,
        /// The code.
        code: String,
    },
    /// A question has no options.
    NoOptions {
        /// The question.
        question: String,
    },
    /// The instrument has no group, or a group asks no question.
    NoItems {
        /// Where.
        at: String,
    },
    /// A question id that the instrument does not define.
    UnknownQuestion {
        /// Where.
        at: String,
        /// The id.
        question: String,
    },
    /// An option code that the question does not have.
    UnknownOption {
        /// Where.
        at: String,
        /// The code.
        option: String,
    },
    /// A group code that the instrument does not define.
    UnknownGroup {
        /// Where.
        at: String,
        /// The code.
        group: String,
    },
    /// A band set code that the instrument does not define.
    UnknownBandSet {
        /// Where.
        at: String,
        /// The code.
        band_set: String,
    },
    /// A band code that no band set defines.
    UnknownBand {
        /// Where.
        at: String,
        /// The code.
        band: String,
    },
    /// A group lists its questions out of the instrument's order.
    QuestionOrder {
        /// The group.
        group: String,
    },
    /// A skip rule skips a question that is not after every question its
    /// condition reads.
    SkipBackwards {
        /// The skipped question.
        question: String,
    },
    /// A band set does not cover its scores: bands must start at 0, follow
    /// each other without gap or overlap, and reach the highest score of
    /// every group or total that uses them.
    Bands {
        /// The band set.
        band_set: String,
        /// What is wrong.
        problem: String,
    },
    /// A sex-dependent cut-off on an instrument without a total.
    CutoffWithoutTotal,
    /// A LOINC code that is not of the form `digits-check digit`, or whose
    /// check digit is wrong.
    BadLoinc {
        /// The code.
        code: String,
    },
    /// A Fluent message id that is not of the form `a-z`, `0-9`, `-`.
    BadMessageId {
        /// Where.
        at: String,
        /// The id.
        id: String,
    },
}

impl fmt::Display for DefinitionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DefinitionError::BadCode { at, code } => write!(f, "{at}: bad code {code:?}"),
            DefinitionError::MissingLabel { at, language } => write!(f, "{at}: label missing in {language}"),
            DefinitionError::Duplicate { at, code } => write!(f, "{at}: {code:?} defined twice"),
            DefinitionError::NoOptions { question } => write!(f, "question {question}: no options"),
            DefinitionError::NoItems { at } => write!(f, "{at}: no items"),
            DefinitionError::UnknownQuestion { at, question } => write!(f, "{at}: no question {question:?}"),
            DefinitionError::UnknownOption { at, option } => write!(f, "{at}: no option {option:?}"),
            DefinitionError::UnknownGroup { at, group } => write!(f, "{at}: no group {group:?}"),
            DefinitionError::UnknownBandSet { at, band_set } => write!(f, "{at}: no band set {band_set:?}"),
            DefinitionError::UnknownBand { at, band } => write!(f, "{at}: no band {band:?}"),
            DefinitionError::QuestionOrder { group } => {
                write!(f, "group {group}: questions not in the instrument's order")
            }
            DefinitionError::SkipBackwards { question } => {
                write!(f, "skip rule: {question} is not after the questions of its condition")
            }
            DefinitionError::Bands { band_set, problem } => write!(f, "band set {band_set}: {problem}"),
            DefinitionError::CutoffWithoutTotal => write!(f, "positive rule: a cut-off on the total, but no total"),
            DefinitionError::BadLoinc { code } => write!(f, "LOINC {code:?}: not a valid code"),
            DefinitionError::BadMessageId { at, id } => write!(f, "{at}: bad message id {id:?}"),
        }
    }
}

impl std::error::Error for DefinitionError {}

/// Checks a definition; every problem found is returned.
pub fn validate(instrument: &Instrument) -> Result<(), Vec<DefinitionError>> {
    let mut errors = Vec::new();
    let mut v = Checker { errors: &mut errors };
    let i = instrument;

    v.code("instrument", &i.code);
    if i.version.is_empty() || !i.version.chars().all(|c| c.is_ascii_alphanumeric() || c == '.') {
        v.push(DefinitionError::BadCode { at: "version".into(), code: i.version.clone() });
    }
    v.labels("instrument", &i.labels);
    for code in [&i.loinc.panel, &i.loinc.total].into_iter().flatten() {
        if !loinc_is_valid(code) {
            v.push(DefinitionError::BadLoinc { code: code.clone() });
        }
    }

    v.unique("questions", i.questions.iter().map(|q| &q.id));
    for q in &i.questions {
        let at = format!("question {}", q.id);
        v.code(&at, &q.id);
        v.labels(&at, &q.labels);
        if q.options.is_empty() {
            v.push(DefinitionError::NoOptions { question: q.id.clone() });
        }
        v.unique(&at, q.options.iter().map(|o| &o.code));
        for o in &q.options {
            let at = format!("question {} option {}", q.id, o.code);
            v.code(&at, &o.code);
            v.labels(&at, &o.labels);
        }
        if let Some(part) = &q.part_of {
            v.code(&at, part);
        }
    }

    v.unique("band sets", i.band_sets.iter().map(|b| &b.code));
    for set in &i.band_sets {
        v.code("band set", &set.code);
        v.unique(&format!("band set {}", set.code), set.bands.iter().map(|b| &b.code));
        for band in &set.bands {
            let at = format!("band set {} band {}", set.code, band.code);
            v.code(&at, &band.code);
            v.labels(&at, &band.labels);
            if let Some(action) = &band.action {
                v.message_id(&at, action);
            }
        }
        check_contiguous(set, &mut v);
    }

    if i.groups.is_empty() {
        v.push(DefinitionError::NoItems { at: "instrument".into() });
    }
    v.unique("groups", i.groups.iter().map(|g| &g.code));
    let order = |id: &str| i.questions.iter().position(|q| q.id == id);
    for g in &i.groups {
        let at = format!("group {}", g.code);
        v.code(&at, &g.code);
        v.labels(&at, &g.labels);
        if g.questions.is_empty() {
            v.push(DefinitionError::NoItems { at: at.clone() });
        }
        for q in &g.questions {
            if order(q).is_none() {
                v.push(DefinitionError::UnknownQuestion { at: at.clone(), question: q.clone() });
            }
        }
        let positions: Vec<usize> = g.questions.iter().filter_map(|q| order(q)).collect();
        if positions.windows(2).any(|w| w[0] >= w[1]) {
            v.push(DefinitionError::QuestionOrder { group: g.code.clone() });
        }
        if let Some(code) = &g.bands {
            match i.band_set(code) {
                None => v.push(DefinitionError::UnknownBandSet { at, band_set: code.clone() }),
                Some(set) => check_reach(set, i.group_max(g), &mut v),
            }
        }
    }

    for (n, rule) in i.skip_rules.iter().enumerate() {
        let at = format!("skip rule {}", n + 1);
        v.condition(i, &at, &rule.when);
        let last_read = rule.when.questions().into_iter().filter_map(order).max();
        for q in &rule.skip {
            match (order(q), last_read) {
                (None, _) => v.push(DefinitionError::UnknownQuestion { at: at.clone(), question: q.clone() }),
                (Some(p), Some(last)) if p <= last => v.push(DefinitionError::SkipBackwards { question: q.clone() }),
                _ => {}
            }
        }
    }

    v.unique("alerts", i.alerts.iter().map(|a| &a.code));
    for alert in &i.alerts {
        let at = format!("alert {}", alert.code);
        v.code(&at, &alert.code);
        v.message_id(&at, &alert.action);
        if i.group(&alert.group).is_none() {
            v.push(DefinitionError::UnknownGroup { at: at.clone(), group: alert.group.clone() });
        }
        v.condition(i, &at, &alert.when);
    }

    if let Scoring::Total { bands: Some(code) } = &i.scoring {
        match i.band_set(code) {
            None => v.push(DefinitionError::UnknownBandSet { at: "total".into(), band_set: code.clone() }),
            Some(set) => check_reach(set, i.total_max(), &mut v),
        }
    }
    for band in &i.positive.bands {
        if !i.band_sets.iter().any(|s| s.bands.iter().any(|b| b.code == *band)) {
            v.push(DefinitionError::UnknownBand { at: "positive rule".into(), band: band.clone() });
        }
    }
    for group in &i.positive.except_groups {
        if i.group(group).is_none() {
            v.push(DefinitionError::UnknownGroup { at: "positive rule".into(), group: group.clone() });
        }
    }
    if i.positive.total_at_least.is_some() && i.scoring == Scoring::PerGroup {
        v.push(DefinitionError::CutoffWithoutTotal);
    }

    if errors.is_empty() { Ok(()) } else { Err(errors) }
}

/// Bands start at 0 and follow each other without gap or overlap.
fn check_contiguous(set: &BandSet, v: &mut Checker<'_>) {
    let mut problem = |p: String| v.push(DefinitionError::Bands { band_set: set.code.clone(), problem: p });
    let Some(first) = set.bands.first() else {
        problem("no bands".into());
        return;
    };
    if first.min != 0 {
        problem(format!("the first band starts at {}, not 0", first.min));
    }
    for band in &set.bands {
        if band.max < band.min {
            problem(format!("band {} ends before it starts", band.code));
        }
    }
    for pair in set.bands.windows(2) {
        if pair[1].min != pair[0].max.saturating_add(1) {
            problem(format!("band {} does not start right after band {}", pair[1].code, pair[0].code));
        }
    }
}

/// The last band reaches the highest score.
fn check_reach(set: &BandSet, max: u32, v: &mut Checker<'_>) {
    let covers = set.bands.last().map_or(0, |b| b.max);
    if covers < max {
        v.push(DefinitionError::Bands {
            band_set: set.code.clone(),
            problem: format!("covers scores up to {covers}, but the score can reach {max}"),
        });
    }
}

/// A LOINC code: digits, a hyphen and a check digit, the check digit by
/// LOINC's mod 10 algorithm (the Luhn algorithm over the digits before the
/// hyphen, LOINC Users' Guide, "Calculating Mod 10 check digits").
pub fn loinc_is_valid(code: &str) -> bool {
    let Some((number, check)) = code.split_once('-') else { return false };
    if number.is_empty() || check.len() != 1 || !code.chars().all(|c| c.is_ascii_digit() || c == '-') {
        return false;
    }
    let sum: u32 = number
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 0 {
                let doubled = d * 2;
                doubled / 10 + doubled % 10
            } else {
                d
            }
        })
        .sum();
    check.parse::<u32>().is_ok_and(|c| c == (10 - sum % 10) % 10)
}

struct Checker<'a> {
    errors: &'a mut Vec<DefinitionError>,
}

impl Checker<'_> {
    fn push(&mut self, error: DefinitionError) {
        self.errors.push(error);
    }

    fn code(&mut self, at: &str, code: &str) {
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            self.push(DefinitionError::BadCode { at: at.into(), code: code.into() });
        }
    }

    fn message_id(&mut self, at: &str, id: &str) {
        let ok = id.starts_with(|c: char| c.is_ascii_lowercase())
            && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !ok {
            self.push(DefinitionError::BadMessageId { at: at.into(), id: id.into() });
        }
    }

    fn labels(&mut self, at: &str, labels: &Labels) {
        for (language, text) in [("nl", &labels.nl), ("fr", &labels.fr), ("en", &labels.en)] {
            if text.trim().is_empty() {
                self.push(DefinitionError::MissingLabel { at: at.into(), language });
            }
        }
    }

    fn unique<'s>(&mut self, at: &str, codes: impl Iterator<Item = &'s String>) {
        let mut seen = BTreeSet::new();
        for code in codes {
            if !seen.insert(code) {
                self.push(DefinitionError::Duplicate { at: at.into(), code: code.clone() });
            }
        }
    }

    fn condition(&mut self, instrument: &Instrument, at: &str, condition: &Condition) {
        match condition {
            Condition::AnswerIn { question, options } => match instrument.question(question) {
                None => self.push(DefinitionError::UnknownQuestion { at: at.into(), question: question.clone() }),
                Some(q) => {
                    for option in options.iter().filter(|o| q.option(o).is_none()) {
                        self.push(DefinitionError::UnknownOption { at: at.into(), option: option.clone() });
                    }
                }
            },
            Condition::SumAtMost { questions, .. } => {
                for question in questions.iter().filter(|q| instrument.question(q).is_none()) {
                    self.push(DefinitionError::UnknownQuestion { at: at.into(), question: question.clone() });
                }
            }
        }
    }
}
