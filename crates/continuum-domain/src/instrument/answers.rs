//! The answers of one response, and the check that each answer is one of its
//! item's options.
//!
//! Answers are kept by item key and option code, never by label, so a
//! response reads the same in every language. Answers to items that a later
//! answer skips are kept (the person may go back and change that answer) but
//! are not scored.

use std::collections::BTreeMap;

use super::definition::{Instrument, ItemKey, ItemRef};

/// The longest name of a named group ("other, specify"), in characters.
pub const NAME_MAX_CHARS: usize = 100;

/// The answers of one response: item -> option code, and the free-text name
/// of named groups (the ASSIST's "other").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    choices: BTreeMap<ItemKey, String>,
    names: BTreeMap<String, String>,
}

impl Answers {
    /// No answers yet.
    pub fn new() -> Answers {
        Answers::default()
    }

    /// Records (or replaces) the answer to an item.
    pub fn set(&mut self, key: ItemKey, option: impl Into<String>) {
        self.choices.insert(key, option.into());
    }

    /// The same answers plus one more: `Answers::new().with("alcohol", "q1", "yes")`.
    pub fn with(mut self, group: &str, question: &str, option: &str) -> Answers {
        self.set(ItemKey::new(group, question), option);
        self
    }

    /// Withdraws the answer to an item.
    pub fn remove(&mut self, key: &ItemKey) -> Option<String> {
        self.choices.remove(key)
    }

    /// The option chosen for an item.
    pub fn get(&self, key: &ItemKey) -> Option<&str> {
        self.choices.get(key).map(String::as_str)
    }

    /// The option chosen for a question about a group.
    pub fn option(&self, group: &str, question: &str) -> Option<&str> {
        self.get(&ItemKey::new(group, question))
    }

    /// Every answer, by item key.
    pub fn iter(&self) -> impl Iterator<Item = (&ItemKey, &str)> {
        self.choices.iter().map(|(k, v)| (k, v.as_str()))
    }

    /// Records the name of a named group.
    pub fn set_name(&mut self, group: impl Into<String>, name: impl Into<String>) {
        self.names.insert(group.into(), name.into());
    }

    /// The name given to a named group.
    pub fn name(&self, group: &str) -> Option<&str> {
        self.names.get(group).map(String::as_str)
    }

    /// Every name, by group code.
    pub fn names(&self) -> impl Iterator<Item = (&str, &str)> {
        self.names.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

/// Why an answer is refused. Each names the item (or group), so a form can
/// point at it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    /// The instrument has no such item.
    #[error("{0}: no such item")]
    UnknownItem(ItemKey),
    /// The option is not one of the item's options.
    #[error("{item}: {option:?} is not one of its options")]
    NotAnOption {
        /// The item.
        item: ItemKey,
        /// The option given.
        option: String,
    },
    /// A name was given for a group that is not named.
    #[error("{0}: this group takes no name")]
    NameNotAsked(String),
    /// The name is longer than [`NAME_MAX_CHARS`].
    #[error("{0}: the name is too long")]
    NameTooLong(String),
}

impl AnswerError {
    /// The Fluent message id of the problem.
    pub fn message_id(&self) -> &'static str {
        match self {
            AnswerError::UnknownItem(_) => "screening-answer-unknown-item",
            AnswerError::NotAnOption { .. } => "screening-answer-not-an-option",
            AnswerError::NameNotAsked(_) => "screening-answer-name-not-asked",
            AnswerError::NameTooLong(_) => "screening-answer-name-too-long",
        }
    }
}

/// Refuses an answer outside the item's options.
pub fn check_answer(item: ItemRef<'_>, option: &str) -> Result<(), AnswerError> {
    match item.question.option(option) {
        Some(_) => Ok(()),
        None => Err(AnswerError::NotAnOption { item: item.key(), option: option.to_owned() }),
    }
}

/// Checks every answer and name against the instrument. Answers to items the
/// skip rules leave out are checked too: they are kept, so they must be valid.
pub fn check_answers(instrument: &Instrument, answers: &Answers) -> Result<(), AnswerError> {
    for (key, option) in answers.iter() {
        let item = instrument.item(key).ok_or_else(|| AnswerError::UnknownItem(key.clone()))?;
        check_answer(item, option)?;
    }
    for (group, name) in answers.names() {
        if !instrument.group(group).is_some_and(|g| g.named) {
            return Err(AnswerError::NameNotAsked(group.to_owned()));
        }
        if name.chars().count() > NAME_MAX_CHARS {
            return Err(AnswerError::NameTooLong(group.to_owned()));
        }
    }
    Ok(())
}
