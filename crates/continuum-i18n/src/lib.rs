//! Translations of Continuum's user interface: Dutch (`nl`), French (`fr`)
//! and English (`en`).
//!
//! The messages are [Fluent](https://projectfluent.org/) files in
//! `crates/continuum-i18n/locales/<lang>/main.ftl`, embedded in the binary at
//! compile time. English is the reference language and the fallback: a
//! message missing in Dutch or French is shown in English, and a message
//! missing everywhere is shown as its key, so a forgotten translation is
//! visible but never breaks a page.
//!
//! ```
//! use continuum_i18n::{Arg, Lang, t, t_args};
//!
//! assert_eq!(t(Lang::Nl, "sign-in"), "Aanmelden");
//! assert_eq!(
//!     t_args(Lang::En, "results-count", &[("count", Arg::Num(3))]),
//!     "3 results"
//! );
//! // Unknown keys come back unchanged.
//! assert_eq!(t(Lang::Fr, "no-such-key"), "no-such-key");
//! ```
//!
//! Rules for the message files:
//! - ids are kebab-case; for enumerations the suffix is the code value used in
//!   the database (`role-care_worker`, `org-kind-drug_service`);
//! - the three languages define exactly the same ids and use the same
//!   variables in each message (the tests check both);
//! - the output is plain text: templates must escape it (askama does);
//! - Unicode bidi isolation marks are turned off, so arguments are inserted
//!   as they are.
//!
//! Other crates can check that the keys they use exist with [`has_key`] or
//! [`missing_keys`] in their own tests.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use fluent_syntax::ast;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Without isolation marks (U+2068/U+2069) around arguments: the UI is
        // left-to-right only, and the marks end up in titles, CSV and tests.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The Fluent sources, the same files that `static_loader!` embeds.
///
/// The loader takes every `.ftl` file under `locales/<lang>/`; a test checks
/// that `main.ftl` is the only one, so that this list stays complete.
const SOURCES: [(Lang, &str); 3] = [
    (Lang::Nl, include_str!("../locales/nl/main.ftl")),
    (Lang::Fr, include_str!("../locales/fr/main.ftl")),
    (Lang::En, include_str!("../locales/en/main.ftl")),
];

/// Maximum number of language ranges read from an `Accept-Language` header;
/// the rest is ignored (no browser sends more than a handful).
const MAX_LANGUAGE_RANGES: usize = 32;

/// A language of the user interface.
///
/// The order of the variants (and of [`Lang::ALL`]) is the order in which
/// language switchers list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// Dutch, as used in Belgium.
    Nl,
    /// French, as used in Belgium.
    Fr,
    /// English: the reference language of the message files and the fallback.
    En,
}

impl Lang {
    /// Every supported language, in the order of language switchers.
    pub const ALL: [Lang; 3] = [Lang::Nl, Lang::Fr, Lang::En];

    /// The fallback language, used when a message is missing in another
    /// language and when nothing better is known.
    pub const FALLBACK: Lang = Lang::En;

    /// The lowercase ISO 639-1 code: `"nl"`, `"fr"` or `"en"`; suitable for
    /// `<html lang>`, cookies and query strings.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The language's name in that language ("Nederlands", "Français",
    /// "English"), as shown in a language switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Nl => "Nederlands",
            Lang::Fr => "Français",
            Lang::En => "English",
        }
    }

    /// Parses a language code or tag such as `"nl"`, `"nl-BE"`, `"FR"`,
    /// `"fr_BE"` or `"en-GB"`.
    ///
    /// Case is ignored and surrounding whitespace is trimmed. The primary
    /// subtag must be `nl`, `fr` or `en`; any further subtags (region,
    /// script, ...) must be 1 to 8 ASCII letters or digits, separated by `-`
    /// or `_`, and are otherwise ignored. Anything else, including `*`, gives
    /// `None`.
    pub fn parse(code: &str) -> Option<Lang> {
        let mut subtags = code.trim().split(['-', '_']);
        let primary = subtags.next()?;
        let lang = Lang::ALL.into_iter().find(|lang| primary.eq_ignore_ascii_case(lang.code()))?;
        let rest_ok =
            subtags.all(|subtag| (1..=8).contains(&subtag.len()) && subtag.bytes().all(|b| b.is_ascii_alphanumeric()));
        rest_ok.then_some(lang)
    }

    /// Picks the best of nl, fr and en for an HTTP `Accept-Language` header
    /// (RFC 9110, section 12.5.4), or `None` if the header names none of them.
    ///
    /// Rules:
    /// - each language range may carry a weight `;q=` from 0 to 1 (at most
    ///   three decimals); without one the weight is 1;
    /// - the range with the highest weight that is one of our languages wins
    ///   (`nl-BE` counts as `nl`); on equal weights the earlier range wins;
    /// - `q=0` means "not acceptable": that range is never chosen;
    /// - the wildcard `*` expresses no preference among our languages and is
    ///   ignored, so the caller's default (e.g. the site's language) applies;
    /// - malformed ranges (bad tag, bad weight) are skipped, the rest of the
    ///   header still counts; only the first 32 ranges are read.
    pub fn negotiate(accept_language: &str) -> Option<Lang> {
        let mut best: Option<(u16, Lang)> = None;
        for range in accept_language.split(',').take(MAX_LANGUAGE_RANGES) {
            let mut parts = range.split(';');
            let Some(lang) = parts.next().and_then(Lang::parse) else {
                continue;
            };
            let Some(weight) = parse_weight(parts) else {
                continue;
            };
            if weight == 0 {
                continue;
            }
            if best.is_none_or(|(best_weight, _)| weight > best_weight) {
                best = Some((weight, lang));
            }
        }
        best.map(|(_, lang)| lang)
    }

    /// The Fluent language identifier of this language.
    fn langid(self) -> &'static LanguageIdentifier {
        static IDS: LazyLock<[LanguageIdentifier; 3]> = LazyLock::new(|| {
            // The codes are valid constants; `unwrap_or_default` only keeps
            // the code free of panics.
            Lang::ALL.map(|lang| lang.code().parse().unwrap_or_default())
        });
        &IDS[self.index()]
    }

    /// Position in [`Lang::ALL`].
    fn index(self) -> usize {
        match self {
            Lang::Nl => 0,
            Lang::Fr => 1,
            Lang::En => 2,
        }
    }
}

impl Default for Lang {
    /// The fallback language, English.
    fn default() -> Self {
        Lang::FALLBACK
    }
}

impl fmt::Display for Lang {
    /// Writes the language code ([`Lang::code`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The error of parsing an unsupported language tag with [`str::parse`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseLangError;

impl fmt::Display for ParseLangError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unsupported language (expected nl, fr or en)")
    }
}

impl std::error::Error for ParseLangError {}

impl FromStr for Lang {
    type Err = ParseLangError;

    /// Same rules as [`Lang::parse`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::parse(s).ok_or(ParseLangError)
    }
}

/// Reads the weight of a language range from its parameters (the parts after
/// the first `;`), in thousandths. No `q` parameter means 1000; a malformed
/// parameter or weight gives `None`.
fn parse_weight<'a>(params: impl Iterator<Item = &'a str>) -> Option<u16> {
    let mut weight = 1000;
    for param in params {
        let (name, value) = param.split_once('=')?;
        if name.trim().eq_ignore_ascii_case("q") {
            weight = parse_qvalue(value.trim())?;
        }
    }
    Some(weight)
}

/// Parses `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`
/// into thousandths.
fn parse_qvalue(value: &str) -> Option<u16> {
    let (int, frac) = value.split_once('.').unwrap_or((value, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut thousandths: u16 = 0;
    for (i, b) in frac.bytes().enumerate() {
        let scale = [100, 10, 1][i];
        thousandths += u16::from(b - b'0') * scale;
    }
    match int {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// An argument value of a message (a Fluent variable such as `$count`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Text, inserted as it is.
    Str(String),
    /// An integer; it selects plural forms (`[one]`, `*[other]`, `[0]`).
    Num(i64),
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Arg::Str(value.to_owned())
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Self {
        Arg::Str(value)
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Self {
        Arg::Str(value.clone())
    }
}

impl From<i64> for Arg {
    fn from(value: i64) -> Self {
        Arg::Num(value)
    }
}

impl From<i32> for Arg {
    fn from(value: i32) -> Self {
        Arg::Num(value.into())
    }
}

impl From<u32> for Arg {
    fn from(value: u32) -> Self {
        Arg::Num(value.into())
    }
}

impl From<u64> for Arg {
    /// Values above `i64::MAX` saturate.
    fn from(value: u64) -> Self {
        Arg::Num(i64::try_from(value).unwrap_or(i64::MAX))
    }
}

impl From<usize> for Arg {
    /// Values above `i64::MAX` saturate.
    fn from(value: usize) -> Self {
        Arg::Num(i64::try_from(value).unwrap_or(i64::MAX))
    }
}

impl Arg {
    fn to_fluent(&self) -> FluentValue<'static> {
        match self {
            Arg::Str(s) => FluentValue::from(s.clone()),
            Arg::Num(n) => FluentValue::from(*n),
        }
    }
}

/// Translates the message `key` (or `message.attribute`) into `lang`.
///
/// Falls back to English when the message is missing in `lang`, and returns
/// `key` itself when it is missing everywhere or cannot be formatted (for
/// example because it needs arguments: use [`t_args`]). Never panics.
pub fn t(lang: Lang, key: &str) -> String {
    lookup(lang, key, None)
}

/// Translates the message `key` into `lang` with arguments, e.g.
/// `t_args(lang, "page-of", &[("page", Arg::Num(2)), ("pages", Arg::Num(9))])`.
///
/// Argument names are written without `$`. The fallbacks are those of [`t`]:
/// a message that needs an argument that is not given comes back as `key`.
pub fn t_args(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'static>> =
        args.iter().map(|(name, value)| (Cow::Owned((*name).to_owned()), value.to_fluent())).collect();
    lookup(lang, key, Some(&args))
}

fn lookup(lang: Lang, key: &str, args: Option<&HashMap<Cow<'static, str>, FluentValue<'static>>>) -> String {
    try_lookup(lang, key, args).unwrap_or_else(|| key.to_owned())
}

/// Like [`lookup`], but `None` instead of the key.
fn try_lookup(
    lang: Lang,
    key: &str,
    args: Option<&HashMap<Cow<'static, str>, FluentValue<'static>>>,
) -> Option<String> {
    let text = LOCALES.try_lookup_complete(lang.langid(), key, args)?;
    // Isolation is off; stripping the marks anyway keeps this true even if a
    // message file contains them.
    if text.contains(['\u{2068}', '\u{2069}']) { Some(text.replace(['\u{2068}', '\u{2069}'], "")) } else { Some(text) }
}

/// Every key that [`t`] accepts for `lang` without falling back to English:
/// message ids, and `message.attribute` for each attribute. Sorted; terms
/// (`-term`) are not included.
pub fn message_ids(lang: Lang) -> Vec<String> {
    KEYS[lang.index()].iter().cloned().collect()
}

/// Whether `key` (a message id or `message.attribute`) is defined in `lang`
/// itself, without the English fallback.
pub fn has_key(lang: Lang, key: &str) -> bool {
    KEYS[lang.index()].contains(key)
}

/// The `(language, key)` pairs among `keys` × [`Lang::ALL`] that are not
/// defined; empty when every key exists in every language.
///
/// Meant for tests of other crates:
/// `assert_eq!(continuum_i18n::missing_keys(USED_KEYS), vec![]);`
pub fn missing_keys<'a>(keys: &[&'a str]) -> Vec<(Lang, &'a str)> {
    Lang::ALL
        .into_iter()
        .flat_map(|lang| keys.iter().filter(move |key| !has_key(lang, key)).map(move |key| (lang, *key)))
        .collect()
}

/// The keys of each language, in the order of [`Lang::ALL`].
static KEYS: LazyLock<[BTreeSet<String>; 3]> = LazyLock::new(|| Lang::ALL.map(|lang| keys_of(source(lang))));

/// The Fluent source of `lang`.
fn source(lang: Lang) -> &'static str {
    SOURCES.iter().find(|(l, _)| *l == lang).map_or("", |(_, src)| src)
}

/// Message ids and `message.attribute` keys of a Fluent source. A source with
/// syntax errors still yields the entries that parsed (the tests reject such
/// sources).
fn keys_of(src: &str) -> BTreeSet<String> {
    let resource = fluent_syntax::parser::parse(src).unwrap_or_else(|(partial, _)| partial);
    let mut keys = BTreeSet::new();
    for entry in &resource.body {
        if let ast::Entry::Message(message) = entry {
            let id = message.id.name;
            if message.value.is_some() {
                keys.insert(id.to_owned());
            }
            for attribute in &message.attributes {
                keys.insert(format!("{id}.{}", attribute.id.name));
            }
        }
    }
    keys
}

#[cfg(test)]
mod tests;
