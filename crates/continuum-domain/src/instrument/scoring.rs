//! Scoring: answers in, scores, risk levels and a positive or negative screen
//! out. Pure; the weights, bands and rules all come from the definition.
//!
//! - A group's score is the sum of the weights of its asked, answered items;
//!   parts of one item (`part_of`) count once, with their highest weight.
//!   Items a skip rule leaves out score zero, even if they hold an answer.
//! - A result with `complete == false` is provisional: items still to be
//!   asked count as zero.
//! - The screen is positive when a counted risk level is one of the
//!   positive rule's bands, when the total reaches the sex-dependent cut-off,
//!   or when an alert that is positive by itself holds.

use super::answers::{AnswerError, Answers, check_answers};
use super::definition::{Group, Instrument, Scoring};
use super::flow::{applicable_items, asked_in_group, holds, is_answered, names_missing};

/// The person's sex, as far as it matters to a cut-off (AUDIT-C).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sex {
    /// Male.
    Male,
    /// Female.
    Female,
    /// Another sex, recorded as such.
    Other,
    /// Not known.
    Unknown,
}

/// A risk level reached: its stable code and the action it calls for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiskLevel {
    /// The band's stable code (`low`, `moderate`, `high`).
    pub code: String,
    /// Fluent message id of the action, if the instrument names one.
    pub action: Option<String>,
}

/// The score of one group (an ASSIST substance class).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupScore {
    /// The group's code.
    pub group: String,
    /// The score.
    pub score: u32,
    /// The highest score the group can reach.
    pub max: u32,
    /// The risk level, if the group has bands.
    pub level: Option<RiskLevel>,
    /// The name given to a named group.
    pub name: Option<String>,
}

/// The total over every group, for instruments scored by total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotalScore {
    /// The total.
    pub score: u32,
    /// The highest total possible.
    pub max: u32,
    /// The risk level, if the total has bands.
    pub level: Option<RiskLevel>,
}

/// An alert that holds: its code and the action it calls for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertRaised {
    /// The alert's code.
    pub code: String,
    /// Fluent message id of the action.
    pub action: String,
}

/// The result of scoring one response. A screening result, not a diagnosis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreeningResult {
    /// The instrument's code.
    pub instrument: String,
    /// The version of the definition it was scored with.
    pub version: String,
    /// One score per group, in the definition's order.
    pub groups: Vec<GroupScore>,
    /// The total, for instruments scored by total.
    pub total: Option<TotalScore>,
    /// The alerts that hold.
    pub alerts: Vec<AlertRaised>,
    /// Whether the screen is positive.
    pub positive: bool,
    /// Whether every asked item is answered and every needed name given.
    pub complete: bool,
    /// Whether a sex-dependent cut-off was decided with the cut-off for an
    /// unknown or other sex (so staff can see it was not the sex-specific one).
    pub unspecified_sex_cutoff: bool,
}

impl ScreeningResult {
    /// The score of one group.
    pub fn group(&self, code: &str) -> Option<&GroupScore> {
        self.groups.iter().find(|g| g.group == code)
    }
}

/// Why a response cannot be scored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScoreError {
    /// An answer or name is not valid for the instrument.
    #[error(transparent)]
    Answer(#[from] AnswerError),
}

/// Scores a response. `sex` is read only by sex-dependent cut-offs.
pub fn score(instrument: &Instrument, answers: &Answers, sex: Sex) -> Result<ScreeningResult, ScoreError> {
    check_answers(instrument, answers)?;
    let level = |band_set: Option<&String>, score: u32| {
        let band = instrument.band_set(band_set?)?.band_for(score)?;
        Some(RiskLevel { code: band.code.clone(), action: band.action.clone() })
    };

    let groups: Vec<GroupScore> = instrument
        .groups
        .iter()
        .map(|group| {
            let score = group_score(instrument, group, answers);
            GroupScore {
                group: group.code.clone(),
                score,
                max: instrument.group_max(group),
                level: level(group.bands.as_ref(), score),
                name: group.named.then(|| answers.name(&group.code).map(str::to_owned)).flatten(),
            }
        })
        .collect();

    let total = match &instrument.scoring {
        Scoring::PerGroup => None,
        Scoring::Total { bands } => {
            let score = groups.iter().map(|g| g.score).sum();
            Some(TotalScore { score, max: instrument.total_max(), level: level(bands.as_ref(), score) })
        }
    };

    let alerts: Vec<(AlertRaised, bool)> = instrument
        .alerts
        .iter()
        .filter(|alert| {
            instrument.group(&alert.group).is_some_and(|group| {
                let asked = asked_in_group(instrument, group, answers);
                holds(instrument, group, &alert.when, &asked, &Default::default(), answers)
            })
        })
        .map(|a| (AlertRaised { code: a.code.clone(), action: a.action.clone() }, a.positive))
        .collect();

    let rule = &instrument.positive;
    let positive_level = |l: &Option<RiskLevel>| l.as_ref().is_some_and(|l| rule.bands.contains(&l.code));
    let by_band = groups.iter().any(|g| !rule.except_groups.contains(&g.group) && positive_level(&g.level))
        || total.as_ref().is_some_and(|t| positive_level(&t.level));
    let (by_cutoff, unspecified_sex_cutoff) = match (rule.total_at_least, &total) {
        (Some(cutoffs), Some(total)) => {
            let (cutoff, unspecified) = match sex {
                Sex::Male => (cutoffs.male, false),
                Sex::Female => (cutoffs.female, false),
                Sex::Other | Sex::Unknown => (cutoffs.unspecified, true),
            };
            (total.score >= cutoff, unspecified)
        }
        _ => (false, false),
    };
    let by_alert = alerts.iter().any(|(_, positive)| *positive);

    let complete = applicable_items(instrument, answers).into_iter().all(|item| is_answered(item, answers))
        && names_missing(instrument, answers).is_empty();

    Ok(ScreeningResult {
        instrument: instrument.code.clone(),
        version: instrument.version.clone(),
        groups,
        total,
        alerts: alerts.into_iter().map(|(a, _)| a).collect(),
        positive: by_band || by_cutoff || by_alert,
        complete,
        unspecified_sex_cutoff,
    })
}

/// The score of one group: asked, answered items only; parts of one item
/// count once, with their highest weight.
fn group_score(instrument: &Instrument, group: &Group, answers: &Answers) -> u32 {
    let mut sum = 0;
    let mut parts: Vec<(&str, u32)> = Vec::new();
    for id in asked_in_group(instrument, group, answers) {
        let Some(question) = instrument.question(id) else { continue };
        let Some(weight) = answers.option(&group.code, id).and_then(|o| question.option(o)).map(|o| o.weight) else {
            continue;
        };
        match &question.part_of {
            None => sum += weight,
            Some(part) => match parts.iter_mut().find(|(p, _)| p == part) {
                Some((_, max)) => *max = (*max).max(weight),
                None => parts.push((part, weight)),
            },
        }
    }
    sum + parts.iter().map(|(_, w)| w).sum::<u32>()
}
