//! The definition of an instrument: what is asked, what each answer weighs,
//! which answers skip which questions, and how a score becomes a risk level.
//!
//! A definition is plain data, read from `instruments/*.toml` by the
//! application layer and checked by [`super::validate`] at start-up. Nothing
//! here is specific to one instrument: the ASSIST, the AUDIT, the DAST-10 and
//! the TCU Drug Screen differ only in their data and in [`Scoring`].
//!
//! Shape: an instrument lists its *questions* once, and its *groups* say which
//! questions they ask. The ASSIST asks the same questions about each substance
//! class, so each class is a group and an item is "question q2 about alcohol";
//! the AUDIT has one group. An item is named by an [`ItemKey`] (group,
//! question).

use std::fmt;

use crate::site::Language;

/// A text in the three languages of the programme.
///
/// In a definition these are Continuum's own short labels, written by this
/// project, never the validated wording of a licensed instrument (DOMAIN.md,
/// "Instruments whose wording may not be shipped").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Labels {
    /// Dutch.
    pub nl: String,
    /// French.
    pub fr: String,
    /// English.
    pub en: String,
}

impl Labels {
    /// Labels from the three texts.
    pub fn new(nl: impl Into<String>, fr: impl Into<String>, en: impl Into<String>) -> Labels {
        Labels { nl: nl.into(), fr: fr.into(), en: en.into() }
    }

    /// The text in one language.
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::Nl => &self.nl,
            Language::Fr => &self.fr,
            Language::En => &self.en,
        }
    }
}

/// LOINC codes of the instrument, where LOINC has them. Empty rather than
/// guessed: DOMAIN.md warns that public repositories mislabel these.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Loinc {
    /// The panel (the whole questionnaire).
    pub panel: Option<String>,
    /// The total score.
    pub total: Option<String>,
}

/// How scores are formed. The instruments differ here in kind, not only in
/// their numbers, so this is a closed set rather than data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scoring {
    /// One score per group, each with its own risk level, and no total
    /// (ASSIST: the Specific Substance Involvement score per substance class).
    PerGroup,
    /// One total over every item, with its risk level from a band set (AUDIT,
    /// AUDIT-C, DAST-10, TCU Drug Screen 5).
    Total {
        /// The band set of the total, if the total has risk levels.
        bands: Option<String>,
    },
}

/// In which order one-question-at-a-time administration asks the items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemOrder {
    /// Each question for every group before the next question (the ASSIST
    /// form: Q1 for every substance, then Q2 for the substances used, ...).
    ByQuestion,
    /// Every question of a group before the next group.
    ByGroup,
}

/// One answer option of a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerOption {
    /// Stable code, stored with each response (never the label).
    pub code: String,
    /// What the answer adds to the score (0 for recorded-only questions).
    pub weight: u32,
    /// Continuum's labels.
    pub labels: Labels,
}

/// A question, asked once per group that lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Stable id within the instrument (`q1`, `q10a`).
    pub id: String,
    /// Continuum's short labels (not the validated wording).
    pub labels: Labels,
    /// The validated English wording, only where its licence lets us ship it
    /// (the AUDIT, a WHO instrument in the public domain per LOINC).
    pub wording_en: Option<String>,
    /// The answer options, in display order.
    pub options: Vec<AnswerOption>,
    /// Questions sharing a `part_of` are parts of one scored item, which
    /// scores the highest weight among its answered parts (TCU Drug Screen 5,
    /// items 10 and 11: "either yes = 1").
    pub part_of: Option<String>,
}

impl Question {
    /// The option with this code.
    pub fn option(&self, code: &str) -> Option<&AnswerOption> {
        self.options.iter().find(|o| o.code == code)
    }

    /// The highest weight of any option.
    pub fn max_weight(&self) -> u32 {
        self.options.iter().map(|o| o.weight).max().unwrap_or(0)
    }
}

/// A group of items scored together: a substance class of the ASSIST, or
/// the one group of a single-score instrument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Stable code (`alcohol`, `cannabis`).
    pub code: String,
    /// Continuum's labels.
    pub labels: Labels,
    /// The questions asked about this group, in the instrument's order
    /// (the ASSIST does not ask Q5 about tobacco).
    pub questions: Vec<String>,
    /// The band set giving the group's risk level, if it has one.
    pub bands: Option<String>,
    /// The person names what the group is (the ASSIST's "other, specify").
    pub named: bool,
}

/// One risk level: a score range, its stable code and what it calls for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band {
    /// Stable code (`low`, `moderate`, `high`).
    pub code: String,
    /// Lowest score of the band.
    pub min: u32,
    /// Highest score of the band (inclusive).
    pub max: u32,
    /// Continuum's labels.
    pub labels: Labels,
    /// Fluent message id of the action the level calls for, if the
    /// instrument's manual names one.
    pub action: Option<String>,
}

/// Contiguous bands from 0, covering every score they are used for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BandSet {
    /// Stable code, referred to by groups and totals.
    pub code: String,
    /// The bands, lowest first.
    pub bands: Vec<Band>,
}

impl BandSet {
    /// The band holding this score.
    pub fn band_for(&self, score: u32) -> Option<&Band> {
        self.bands.iter().find(|b| b.min <= score && score <= b.max)
    }
}

/// A condition on the answers within one group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    /// The question was asked and answered with one of these options.
    AnswerIn {
        /// The question.
        question: String,
        /// The options that meet the condition.
        options: Vec<String>,
    },
    /// Every one of these questions was answered or skipped, and the weights
    /// of the answers add up to at most `max` (the AUDIT: "skip to questions
    /// 9 and 10 if the total of questions 2 and 3 is 0").
    SumAtMost {
        /// The questions.
        questions: Vec<String>,
        /// The highest sum that meets the condition.
        max: u32,
    },
}

impl Condition {
    /// The questions the condition reads.
    pub fn questions(&self) -> Vec<&str> {
        match self {
            Condition::AnswerIn { question, .. } => vec![question.as_str()],
            Condition::SumAtMost { questions, .. } => questions.iter().map(String::as_str).collect(),
        }
    }
}

/// When `when` holds within a group, the `skip` questions of that group are
/// not asked and score zero. Skipped questions always come after the
/// questions of the condition, so a single forward pass decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkipRule {
    /// The condition, read within each group.
    pub when: Condition,
    /// The questions not asked when it holds (those a group does not ask are
    /// ignored).
    pub skip: Vec<String>,
}

/// A finding that calls for an action whatever the scores (the ASSIST's
/// injecting in the past 3 months).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    /// Stable code.
    pub code: String,
    /// The group whose answers are read.
    pub group: String,
    /// The condition.
    pub when: Condition,
    /// Fluent message id of the action it calls for.
    pub action: String,
    /// Whether it makes the screen positive by itself.
    pub positive: bool,
}

/// Cut-offs on the total that depend on the person's sex (AUDIT-C).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SexCutoffs {
    /// Positive at this total or more, for men.
    pub male: u32,
    /// Positive at this total or more, for women.
    pub female: u32,
    /// Positive at this total or more when sex is other or unknown.
    pub unspecified: u32,
}

/// When a screen is positive: any of the three parts holding. A positive
/// screen is a screening result, not a diagnosis (DOMAIN.md).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PositiveRule {
    /// Risk-level codes that make the screen positive (of a group, or of the
    /// total).
    pub bands: Vec<String>,
    /// Groups whose risk level does not count (the ASSIST's tobacco).
    pub except_groups: Vec<String>,
    /// A cut-off on the total by sex.
    pub total_at_least: Option<SexCutoffs>,
}

/// A versioned instrument definition. A change of wording or scoring is a
/// new version; every response keeps the version it was answered with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instrument {
    /// Stable code (`assist`, `audit`).
    pub code: String,
    /// Version of this definition (`3.1`, `1`).
    pub version: String,
    /// The instrument's name, in Continuum's labels.
    pub labels: Labels,
    /// Rights holder and what may be shipped, for the record.
    pub rights: String,
    /// LOINC codes, where they exist.
    pub loinc: Loinc,
    /// How scores are formed.
    pub scoring: Scoring,
    /// The order of one-question-at-a-time administration.
    pub order: ItemOrder,
    /// The questions, in order.
    pub questions: Vec<Question>,
    /// The groups, in order.
    pub groups: Vec<Group>,
    /// The band sets.
    pub band_sets: Vec<BandSet>,
    /// The skip rules.
    pub skip_rules: Vec<SkipRule>,
    /// The alerts.
    pub alerts: Vec<Alert>,
    /// When a screen is positive.
    pub positive: PositiveRule,
}

/// Names one item: a question about a group.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemKey {
    /// The group's code.
    pub group: String,
    /// The question's id.
    pub question: String,
}

impl ItemKey {
    /// The key of a question about a group.
    pub fn new(group: impl Into<String>, question: impl Into<String>) -> ItemKey {
        ItemKey { group: group.into(), question: question.into() }
    }
}

impl fmt::Display for ItemKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.group, self.question)
    }
}

/// One item of an instrument, borrowed from its definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemRef<'a> {
    /// The group asked about.
    pub group: &'a Group,
    /// The question asked.
    pub question: &'a Question,
}

impl ItemRef<'_> {
    /// The item's key.
    pub fn key(&self) -> ItemKey {
        ItemKey::new(&self.group.code, &self.question.id)
    }
}

impl Instrument {
    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The group with this code.
    pub fn group(&self, code: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.code == code)
    }

    /// The band set with this code.
    pub fn band_set(&self, code: &str) -> Option<&BandSet> {
        self.band_sets.iter().find(|b| b.code == code)
    }

    /// The item with this key, if the group asks the question.
    pub fn item(&self, key: &ItemKey) -> Option<ItemRef<'_>> {
        let group = self.group(&key.group)?;
        if !group.questions.contains(&key.question) {
            return None;
        }
        Some(ItemRef { group, question: self.question(&key.question)? })
    }

    /// Every item, in administration order.
    pub fn items(&self) -> Vec<ItemRef<'_>> {
        let mut out = Vec::new();
        let asks = |g: &Group, q: &Question| g.questions.contains(&q.id);
        match self.order {
            ItemOrder::ByQuestion => {
                for question in &self.questions {
                    for group in self.groups.iter().filter(|g| asks(g, question)) {
                        out.push(ItemRef { group, question });
                    }
                }
            }
            ItemOrder::ByGroup => {
                for group in &self.groups {
                    for question in self.questions.iter().filter(|q| asks(group, q)) {
                        out.push(ItemRef { group, question });
                    }
                }
            }
        }
        out
    }

    /// The highest score a group can reach: the highest weight of each scored
    /// item, parts of one item counted once.
    pub fn group_max(&self, group: &Group) -> u32 {
        let mut parts: Vec<(&str, u32)> = Vec::new();
        let mut sum = 0;
        for question in group.questions.iter().filter_map(|id| self.question(id)) {
            match &question.part_of {
                None => sum += question.max_weight(),
                Some(part) => match parts.iter_mut().find(|(p, _)| p == part) {
                    Some((_, max)) => *max = (*max).max(question.max_weight()),
                    None => parts.push((part, question.max_weight())),
                },
            }
        }
        sum + parts.iter().map(|(_, max)| max).sum::<u32>()
    }

    /// The highest total the instrument can reach (sum over the groups).
    pub fn total_max(&self) -> u32 {
        self.groups.iter().map(|g| self.group_max(g)).sum()
    }
}
