//! Content packs: the validated wording of one instrument version in one
//! language (DOMAIN.md, "Instruments whose wording may not be shipped").
//!
//! The repository holds an instrument's definition and Continuum's own short
//! labels; the licensed wording arrives as a pack that an administrator
//! loads at deployment, with its source, its rights holder and the date of
//! the permission to use it. A pack gives the wording of every *item* (a
//! question about a group: "alcohol.q2") and of every answer *option* of
//! each question ("q2.never"); the options of a question read the same for
//! every group.
//!
//! [`ContentPack::check`] accepts a [`PackDraft`] only when it covers exactly
//! the definition it names: every item and every option has non-empty
//! wording, and nothing names an item or option the definition does not
//! have. Every problem is reported, each naming the item, option or field.
//! Packs are only in the programme's languages (nl, fr, en), because the
//! self-administration screens around the wording exist in those.

use std::collections::BTreeMap;

use jiff::civil::Date;
use sha2::{Digest, Sha256};

use super::definition::{Instrument, ItemKey};
use crate::site::Language;

/// The longest source or rights holder, in characters.
pub const PROVENANCE_MAX_CHARS: usize = 500;
/// The longest wording of one item or option, in characters.
pub const WORDING_MAX_CHARS: usize = 2000;

/// A pack as read from a file, before it is checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PackDraft {
    /// Instrument code (`assist`).
    pub instrument: String,
    /// Instrument version (`3.1`).
    pub version: String,
    /// Language code of the wording.
    pub language: String,
    /// Where the wording comes from (publication, translation, edition).
    pub source: String,
    /// Who holds the rights to the wording.
    pub rights_holder: String,
    /// The date the rights holder gave permission (`YYYY-MM-DD`).
    pub permission_date: String,
    /// The wording of items: (group, question, wording).
    pub items: Vec<(String, String, String)>,
    /// The wording of options: (question, option, wording).
    pub options: Vec<(String, String, String)>,
}

/// One problem of a pack. Each names where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PackError {
    /// The file is not a pack at all (with the reader's explanation).
    #[error("the file is not a content pack: {detail}")]
    Unreadable {
        /// What the reader says, with line and column where it can.
        detail: String,
    },
    /// No shipped definition has this code and version.
    #[error("instrument {instrument} {version}: no such instrument version")]
    UnknownInstrument {
        /// The code given.
        instrument: String,
        /// The version given.
        version: String,
    },
    /// The language is not one of the programme's.
    #[error("language {language:?}: not nl, fr or en")]
    Language {
        /// The code given.
        language: String,
    },
    /// A provenance field is empty.
    #[error("{field}: missing")]
    Missing {
        /// `source`, `rights_holder` or `permission_date`.
        field: &'static str,
    },
    /// A provenance field is too long.
    #[error("{field}: longer than {max} characters")]
    TooLong {
        /// The field.
        field: &'static str,
        /// The maximum.
        max: usize,
    },
    /// The date of permission is not a date, or lies in the future.
    #[error("permission_date {value:?}: not a date (YYYY-MM-DD) up to today")]
    PermissionDate {
        /// The value given.
        value: String,
    },
    /// An item of the definition has no wording.
    #[error("item {item}: wording missing")]
    ItemMissing {
        /// `group.question`.
        item: String,
    },
    /// The pack words an item the definition does not have.
    #[error("item {item}: not an item of this instrument version")]
    UnknownItem {
        /// `group.question`, as given.
        item: String,
    },
    /// An option of the definition has no wording.
    #[error("option {question}.{option}: wording missing")]
    OptionMissing {
        /// The question.
        question: String,
        /// The option code.
        option: String,
    },
    /// The pack words an option the definition does not have.
    #[error("option {question}.{option}: not an option of this instrument version")]
    UnknownOption {
        /// The question, as given.
        question: String,
        /// The option code, as given.
        option: String,
    },
    /// The wording of an item or option is too long.
    #[error("{at}: wording longer than {max} characters")]
    WordingTooLong {
        /// `group.question` or `question.option`.
        at: String,
        /// The maximum.
        max: usize,
    },
}

impl PackError {
    /// The Fluent message id of the problem.
    pub fn message_id(&self) -> &'static str {
        match self {
            PackError::Unreadable { .. } => "pack-error-unreadable",
            PackError::UnknownInstrument { .. } => "pack-error-unknown-instrument",
            PackError::Language { .. } => "pack-error-language",
            PackError::Missing { .. } => "pack-error-missing",
            PackError::TooLong { .. } => "pack-error-too-long",
            PackError::PermissionDate { .. } => "pack-error-permission-date",
            PackError::ItemMissing { .. } => "pack-error-item-missing",
            PackError::UnknownItem { .. } => "pack-error-unknown-item",
            PackError::OptionMissing { .. } => "pack-error-option-missing",
            PackError::UnknownOption { .. } => "pack-error-unknown-option",
            PackError::WordingTooLong { .. } => "pack-error-wording-too-long",
        }
    }

    /// The arguments of the message, as (name, text) pairs.
    pub fn message_args(&self) -> Vec<(&'static str, String)> {
        match self {
            PackError::Unreadable { detail } => vec![("detail", detail.clone())],
            PackError::UnknownInstrument { instrument, version } => {
                vec![("instrument", instrument.clone()), ("version", version.clone())]
            }
            PackError::Language { language } => vec![("language", language.clone())],
            PackError::Missing { field } => vec![("field", (*field).to_owned())],
            PackError::TooLong { field, max } => vec![("field", (*field).to_owned()), ("max", max.to_string())],
            PackError::PermissionDate { value } => vec![("value", value.clone())],
            PackError::ItemMissing { item } | PackError::UnknownItem { item } => vec![("item", item.clone())],
            PackError::OptionMissing { question, option } | PackError::UnknownOption { question, option } => {
                vec![("option", format!("{question}.{option}"))]
            }
            PackError::WordingTooLong { at, max } => vec![("item", at.clone()), ("max", max.to_string())],
        }
    }
}

/// A checked pack: the wording of every item and option of one instrument
/// version in one language, with its provenance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentPack {
    instrument: String,
    version: String,
    language: Language,
    source: String,
    rights_holder: String,
    permission_date: Date,
    items: BTreeMap<ItemKey, String>,
    options: BTreeMap<(String, String), String>,
}

/// Checks a provenance field: present and not too long.
fn provenance(value: &str, field: &'static str, errors: &mut Vec<PackError>) -> String {
    let value = value.trim();
    if value.is_empty() {
        errors.push(PackError::Missing { field });
    } else if value.chars().count() > PROVENANCE_MAX_CHARS {
        errors.push(PackError::TooLong { field, max: PROVENANCE_MAX_CHARS });
    }
    value.to_owned()
}

/// Checks one wording; `None` when empty (reported as missing later).
fn wording(text: &str, at: impl FnOnce() -> String, errors: &mut Vec<PackError>) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if text.chars().count() > WORDING_MAX_CHARS {
        errors.push(PackError::WordingTooLong { at: at(), max: WORDING_MAX_CHARS });
    }
    Some(text.to_owned())
}

impl ContentPack {
    /// Checks a draft against the definition it names, as of `today` (a
    /// permission cannot be dated in the future). Every problem is returned.
    pub fn check(definition: &Instrument, draft: &PackDraft, today: Date) -> Result<ContentPack, Vec<PackError>> {
        let mut errors = Vec::new();
        if draft.instrument.trim() != definition.code || draft.version.trim() != definition.version {
            errors.push(PackError::UnknownInstrument {
                instrument: draft.instrument.trim().to_owned(),
                version: draft.version.trim().to_owned(),
            });
            return Err(errors);
        }
        let language =
            Language::parse(&draft.language).filter(|l| l.code() == draft.language.trim().to_ascii_lowercase());
        if language.is_none() {
            errors.push(PackError::Language { language: draft.language.trim().to_owned() });
        }
        let source = provenance(&draft.source, "source", &mut errors);
        let rights_holder = provenance(&draft.rights_holder, "rights_holder", &mut errors);
        let date_text = draft.permission_date.trim();
        let permission_date = if date_text.is_empty() {
            errors.push(PackError::Missing { field: "permission_date" });
            None
        } else {
            let date = date_text.parse::<Date>().ok().filter(|d| *d <= today);
            if date.is_none() {
                errors.push(PackError::PermissionDate { value: date_text.to_owned() });
            }
            date
        };

        let mut items = BTreeMap::new();
        for (group, question, text) in &draft.items {
            let key = ItemKey::new(group.trim(), question.trim());
            if definition.item(&key).is_none() {
                errors.push(PackError::UnknownItem { item: key.to_string() });
            } else if let Some(text) = wording(text, || key.to_string(), &mut errors) {
                items.insert(key, text);
            }
        }
        for item in definition.items() {
            if !items.contains_key(&item.key()) {
                errors.push(PackError::ItemMissing { item: item.key().to_string() });
            }
        }

        let mut options = BTreeMap::new();
        for (question, option, text) in &draft.options {
            let (question, option) = (question.trim(), option.trim());
            if definition.question(question).and_then(|q| q.option(option)).is_none() {
                errors.push(PackError::UnknownOption { question: question.to_owned(), option: option.to_owned() });
            } else if let Some(text) = wording(text, || format!("{question}.{option}"), &mut errors) {
                options.insert((question.to_owned(), option.to_owned()), text);
            }
        }
        for question in
            definition.questions.iter().filter(|q| definition.groups.iter().any(|g| g.questions.contains(&q.id)))
        {
            for option in &question.options {
                if !options.contains_key(&(question.id.clone(), option.code.clone())) {
                    errors
                        .push(PackError::OptionMissing { question: question.id.clone(), option: option.code.clone() });
                }
            }
        }

        match (language, permission_date) {
            (Some(language), Some(permission_date)) if errors.is_empty() => Ok(ContentPack {
                instrument: definition.code.clone(),
                version: definition.version.clone(),
                language,
                source,
                rights_holder,
                permission_date,
                items,
                options,
            }),
            _ => Err(errors),
        }
    }

    /// The instrument's code.
    pub fn instrument(&self) -> &str {
        &self.instrument
    }

    /// The instrument's version.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The language of the wording.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Where the wording comes from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Who holds the rights.
    pub fn rights_holder(&self) -> &str {
        &self.rights_holder
    }

    /// When permission was given.
    pub fn permission_date(&self) -> Date {
        self.permission_date
    }

    /// Every item's wording, by item key.
    pub fn items(&self) -> impl Iterator<Item = (&ItemKey, &str)> {
        self.items.iter().map(|(k, v)| (k, v.as_str()))
    }

    /// Every option's wording: (question, option code, wording).
    pub fn options(&self) -> impl Iterator<Item = (&str, &str, &str)> {
        self.options.iter().map(|((q, o), v)| (q.as_str(), o.as_str(), v.as_str()))
    }

    /// A fingerprint of the pack's content (SHA-256 in hex over the
    /// instrument, version, language and every wording in key order), so an
    /// administrator can tell which text was loaded whatever the file's
    /// layout.
    pub fn digest(&self) -> String {
        let mut hasher = Sha256::new();
        for part in [self.instrument.as_str(), self.version.as_str(), self.language.code()] {
            hasher.update(part.as_bytes());
            hasher.update([0]);
        }
        for (key, text) in &self.items {
            hasher.update(format!("item\0{key}\0{text}\0").as_bytes());
        }
        for ((question, option), text) in &self.options {
            hasher.update(format!("option\0{question}.{option}\0{text}\0").as_bytes());
        }
        hex::encode(hasher.finalize())
    }
}
