//! Which items are asked, given the answers so far: the skip rules, for
//! one-question-at-a-time administration with going back allowed.
//!
//! Applicability is recomputed from all answers on every call, never kept as
//! state, so changing an earlier answer (going back) re-opens or closes later
//! items by itself.

use std::collections::BTreeSet;

use super::answers::Answers;
use super::definition::{Condition, Group, Instrument, ItemRef};

/// The questions of one group that are asked, given the answers: a single
/// forward pass, since a skip rule only skips questions after those it reads
/// (checked by `validate`).
pub(crate) fn asked_in_group<'a>(instrument: &'a Instrument, group: &'a Group, answers: &Answers) -> Vec<&'a str> {
    let mut asked: Vec<&str> = Vec::new();
    let mut skipped: BTreeSet<&str> = BTreeSet::new();
    for question in &group.questions {
        if skipped.contains(question.as_str()) {
            continue;
        }
        asked.push(question);
        for rule in &instrument.skip_rules {
            if holds(instrument, group, &rule.when, &asked, &skipped, answers) {
                skipped.extend(rule.skip.iter().map(String::as_str));
            }
        }
    }
    asked
}

/// Whether a condition holds within a group. A condition on questions the
/// group does not ask never holds there.
pub(crate) fn holds(
    instrument: &Instrument,
    group: &Group,
    condition: &Condition,
    asked: &[&str],
    skipped: &BTreeSet<&str>,
    answers: &Answers,
) -> bool {
    let in_group = |q: &str| group.questions.iter().any(|g| g == q);
    match condition {
        Condition::AnswerIn { question, options } => {
            in_group(question)
                && asked.contains(&question.as_str())
                && answers.option(&group.code, question).is_some_and(|o| options.iter().any(|x| x == o))
        }
        Condition::SumAtMost { questions, max } => {
            let mut sum = 0;
            for question in questions {
                if !in_group(question) {
                    return false;
                }
                if skipped.contains(question.as_str()) {
                    continue;
                }
                let weight = asked
                    .contains(&question.as_str())
                    .then(|| answers.option(&group.code, question))
                    .flatten()
                    .and_then(|o| instrument.question(question)?.option(o))
                    .map(|o| o.weight);
                match weight {
                    Some(w) => sum += w,
                    None => return false,
                }
            }
            sum <= *max
        }
    }
}

/// Every item asked given the answers, in administration order. Items a skip
/// rule leaves out are not in the list, whether or not they hold an answer.
pub fn applicable_items<'a>(instrument: &'a Instrument, answers: &Answers) -> Vec<ItemRef<'a>> {
    let asked: Vec<(&str, Vec<&str>)> =
        instrument.groups.iter().map(|g| (g.code.as_str(), asked_in_group(instrument, g, answers))).collect();
    instrument
        .items()
        .into_iter()
        .filter(|item| asked.iter().any(|(g, qs)| *g == item.group.code && qs.contains(&item.question.id.as_str())))
        .collect()
}

/// The first item asked and not yet answered (with a valid option), or none
/// when the response is complete. Never an item a skip rule leaves out.
pub fn next_item<'a>(instrument: &'a Instrument, answers: &Answers) -> Option<ItemRef<'a>> {
    applicable_items(instrument, answers).into_iter().find(|item| !is_answered(*item, answers))
}

/// Whether an item holds one of its options.
pub(crate) fn is_answered(item: ItemRef<'_>, answers: &Answers) -> bool {
    answers.option(&item.group.code, &item.question.id).is_some_and(|o| item.question.option(o).is_some())
}

/// The named groups whose name is still missing: a named group needs its
/// name once more than its first item is asked (the ASSIST's "other": once
/// Q1 is "yes").
pub fn names_missing<'a>(instrument: &'a Instrument, answers: &Answers) -> Vec<&'a Group> {
    instrument
        .groups
        .iter()
        .filter(|g| g.named && asked_in_group(instrument, g, answers).len() > 1)
        .filter(|g| answers.name(&g.code).is_none_or(|n| n.trim().is_empty()))
        .collect()
}
