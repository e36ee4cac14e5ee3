//! Screening instruments as versioned data, and their scoring.
//!
//! An instrument is a definition (items, answer options, skip rules, weights,
//! bands, the positive-screen rule, LOINC codes, Continuum's own labels in
//! nl/fr/en) kept in `instruments/*.toml`, loaded and checked by the
//! application layer at start-up. This module is the pure part: the model
//! ([`definition`]), its checks ([`validate()`]), the answers of a response
//! ([`answers`]), which items are asked ([`flow`]) and the scoring
//! ([`scoring`]), and the content packs that bring licensed wording
//! ([`pack`]). No I/O, no serde.
//!
//! Rules written down (DOMAIN.md, "Screening instruments"; sources there):
//! - WHO ASSIST v3.1, the programme's uniform tool: SSI per substance class
//!   = Q2+Q3+Q4+Q5+Q6+Q7 (Humeniuk et al., WHO 2010 manual; PMC4983530
//!   table 1); risk alcohol 0-10/11-26/27+, other classes 0-3/4-26/27+;
//!   Q8 (injecting) recorded, not scored; positive = moderate or high for a
//!   class other than tobacco, or injecting in the past 3 months.
//! - AUDIT 0-40, zones 0-7/8-15/16-19/20-40; AUDIT-C 0-12, positive at 4+
//!   for men and 3+ for women.
//! - DAST-10: yes = 1 except item 3 (no = 1); 0/1-2/3-5/6-8/9-10.
//! - TCU Drug Screen 5: items 1-11, 10 and 11 with a/b parts (either yes =
//!   1); 0-11; 2-3 mild, 4-5 moderate, 6+ severe (from third-party scoring
//!   syntax: to be checked against TCU's guide before relying on it).
//!
//! Rules where DOMAIN.md is silent, chosen here and kept in the data so they
//! can change with a new version: see `instruments/README.md`.

pub mod answers;
pub mod definition;
pub mod flow;
pub mod pack;
pub mod scoring;
pub mod validate;

pub use answers::{AnswerError, Answers, NAME_MAX_CHARS, check_answer, check_answers};
pub use definition::{
    Alert, AnswerOption, Band, BandSet, Condition, Group, Instrument, ItemKey, ItemOrder, ItemRef, Labels, Loinc,
    PositiveRule, Question, Scoring, SexCutoffs, SkipRule,
};
pub use flow::{applicable_items, names_missing, next_item};
pub use pack::{ContentPack, PackDraft, PackError};
pub use scoring::{AlertRaised, GroupScore, RiskLevel, ScoreError, ScreeningResult, Sex, TotalScore, score};
pub use validate::{DefinitionError, loinc_is_valid, validate};

#[cfg(test)]
mod tests;
