//! People in detention and their detention episodes, as the entry register
//! holds them: identity, languages, and each stay from entry to release.
//!
//! Rules chosen here:
//! - A name is searched without regard to accents, case, punctuation or the
//!   order of its parts: both the stored name and the query are folded to
//!   lowercase ASCII tokens ([`name_tokens`]), and every query token must
//!   be the start of one of the name's tokens.
//! - Dates are calendar dates without time zone (the prison's own day).
//!   Entry lies on or after birth and not after today; an expected release
//!   lies on or after entry.
//! - A prison number is the prison system's identifier of a person at one
//!   site: letters, digits, `-`, `/` and `.`, at most 20 characters.

use jiff::civil::Date;

use crate::validation::{self, Invalid, Problem};

/// Sex as recorded at entry (needed for some screening cut-offs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sex {
    /// Female.
    Female,
    /// Male.
    Male,
    /// Another sex or gender.
    Other,
    /// Not known or not told.
    Unknown,
}

impl Sex {
    /// Every value, in form order.
    pub const ALL: [Sex; 4] = [Sex::Female, Sex::Male, Sex::Other, Sex::Unknown];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Sex::Female => "female",
            Sex::Male => "male",
            Sex::Other => "other",
            Sex::Unknown => "unknown",
        }
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<Sex> {
        Sex::ALL.into_iter().find(|s| s.code() == code.trim())
    }
}

/// The legal status of a detention episode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LegalStatus {
    /// Awaiting trial (prévenu, beklaagde).
    Remand,
    /// Serving a sentence (condamné, veroordeelde).
    Sentenced,
    /// Interned under the social defence law (interné, geïnterneerde).
    Interned,
    /// Anything else (e.g. awaiting extradition).
    Other,
}

impl LegalStatus {
    /// Every value, in form order.
    pub const ALL: [LegalStatus; 4] =
        [LegalStatus::Remand, LegalStatus::Sentenced, LegalStatus::Interned, LegalStatus::Other];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            LegalStatus::Remand => "remand",
            LegalStatus::Sentenced => "sentenced",
            LegalStatus::Interned => "interned",
            LegalStatus::Other => "other",
        }
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<LegalStatus> {
        LegalStatus::ALL.into_iter().find(|s| s.code() == code.trim())
    }
}

/// Parses a date written `YYYY-MM-DD`, `DD/MM/YYYY`, `DD-MM-YYYY` or
/// `DD.MM.YYYY` (the forms used in Belgian prison lists).
pub fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    if let Ok(date) = text.parse::<Date>() {
        return Some(date);
    }
    let parts: Vec<&str> = text.split(['/', '.', '-']).collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    if year.len() != 4 {
        return None;
    }
    Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?).ok()
}

/// Checks a required prison number and returns it trimmed.
pub(crate) fn prison_number(errors: &mut Invalid, field: &'static str, text: &str) -> String {
    let number = text.trim().to_owned();
    if number.is_empty() {
        errors.push(field, Problem::Required);
    } else if number.chars().count() > 20
        || !number.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '.'))
    {
        errors.push(field, Problem::InvalidFormat);
    }
    number
}

pub(crate) fn required_date(errors: &mut Invalid, field: &'static str, text: &str) -> Option<Date> {
    if text.trim().is_empty() {
        errors.push(field, Problem::Required);
        return None;
    }
    let date = parse_date(text);
    if date.is_none() {
        errors.push(field, Problem::InvalidFormat);
    }
    date
}

pub(crate) fn optional_date(errors: &mut Invalid, field: &'static str, text: &str) -> Option<Date> {
    if text.trim().is_empty() {
        return None;
    }
    let date = parse_date(text);
    if date.is_none() {
        errors.push(field, Problem::InvalidFormat);
    }
    date
}

/// A two-letter lowercase language code (ISO 639-1), e.g. `ar`, `nl`.
pub(crate) fn language_code(code: &str) -> Option<String> {
    let code = code.trim().to_ascii_lowercase();
    (code.len() == 2 && code.chars().all(|c| c.is_ascii_lowercase())).then_some(code)
}

/// A person as typed into the entry form or read from an entry list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonDraft {
    /// Family name(s).
    pub family_name: String,
    /// Given name(s).
    pub given_names: String,
    /// Date of birth.
    pub birth_date: Date,
    /// Sex.
    pub sex: Sex,
    /// Nationality, an ISO 3166-1 alpha-2 code in capitals (`BE`, `MA`), or
    /// empty when unknown.
    pub nationality: String,
    /// Languages spoken (ISO 639-1 codes), without repeats.
    pub languages: Vec<String>,
    /// The language the person prefers to be addressed in (ISO 639-1).
    pub preferred_language: String,
}

/// The raw fields of a person, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonFields<'a> {
    /// Family name(s).
    pub family_name: &'a str,
    /// Given name(s).
    pub given_names: &'a str,
    /// Date of birth, in one of the forms of [`parse_date`].
    pub birth_date: &'a str,
    /// A [`Sex`] code.
    pub sex: &'a str,
    /// Nationality code.
    pub nationality: &'a str,
    /// Language codes, separated by commas or spaces.
    pub languages: &'a str,
    /// Preferred language code.
    pub preferred_language: &'a str,
}

impl PersonDraft {
    /// Validates the fields of a person; `today` bounds the date of birth.
    pub fn parse(fields: &PersonFields<'_>, today: Date) -> Result<PersonDraft, Invalid> {
        let mut errors = Invalid::default();
        let family_name = validation::text(&mut errors, "family_name", fields.family_name, 1, 100);
        let given_names = validation::text(&mut errors, "given_names", fields.given_names, 0, 100);
        let birth_date = required_date(&mut errors, "birth_date", fields.birth_date);
        if birth_date.is_some_and(|d| d > today || d.year() < 1900) {
            errors.push("birth_date", Problem::ImpossibleDate);
        }
        let sex = if fields.sex.trim().is_empty() { Some(Sex::Unknown) } else { Sex::parse(fields.sex) };
        if sex.is_none() {
            errors.push("sex", Problem::InvalidFormat);
        }
        let nationality = fields.nationality.trim().to_ascii_uppercase();
        let country_code = nationality.len() == 2 && nationality.chars().all(|c| c.is_ascii_uppercase());
        if !nationality.is_empty() && !country_code {
            errors.push("nationality", Problem::InvalidFormat);
        }
        let mut languages: Vec<String> = Vec::new();
        for code in fields.languages.split([',', ' ', ';']).filter(|c| !c.trim().is_empty()) {
            match language_code(code) {
                Some(code) if !languages.contains(&code) => languages.push(code),
                Some(_) => {}
                None => {
                    errors.push("languages", Problem::InvalidFormat);
                    break;
                }
            }
        }
        let preferred_language = if fields.preferred_language.trim().is_empty() {
            languages.first().cloned()
        } else {
            language_code(fields.preferred_language)
        };
        match &preferred_language {
            None if fields.preferred_language.trim().is_empty() => errors.push("preferred_language", Problem::Required),
            None => errors.push("preferred_language", Problem::InvalidFormat),
            Some(code) if !languages.contains(code) => languages.insert(0, code.clone()),
            Some(_) => {}
        }
        match (birth_date, sex, preferred_language) {
            (Some(birth_date), Some(sex), Some(preferred_language)) if errors.0.is_empty() => Ok(PersonDraft {
                family_name,
                given_names,
                birth_date,
                sex,
                nationality,
                languages,
                preferred_language,
            }),
            _ => Err(errors),
        }
    }

    /// The tokens under which this person is found by name.
    pub fn name_tokens(&self) -> Vec<String> {
        name_tokens(&format!("{} {}", self.family_name, self.given_names))
    }

    /// The key this person is listed in name order by.
    pub fn sort_name(&self) -> String {
        sort_name(&self.family_name, &self.given_names)
    }
}

/// A detention episode as typed: the entry into one site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EpisodeDraft {
    /// The prison number at the site.
    pub prison_number: String,
    /// The day of entry.
    pub entry_date: Date,
    /// The legal status.
    pub legal_status: LegalStatus,
    /// The expected release, when known.
    pub expected_release: Option<Date>,
}

/// The raw fields of an episode, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EpisodeFields<'a> {
    /// Prison number.
    pub prison_number: &'a str,
    /// Day of entry.
    pub entry_date: &'a str,
    /// A [`LegalStatus`] code.
    pub legal_status: &'a str,
    /// Expected release, or empty.
    pub expected_release: &'a str,
}

impl EpisodeDraft {
    /// Validates the fields of an episode of a person born on `birth_date`
    /// (when known); `today` bounds the entry date.
    pub fn parse(fields: &EpisodeFields<'_>, birth_date: Option<Date>, today: Date) -> Result<EpisodeDraft, Invalid> {
        let mut errors = Invalid::default();
        let prison_number = prison_number(&mut errors, "prison_number", fields.prison_number);
        let entry_date = required_date(&mut errors, "entry_date", fields.entry_date);
        if let Some(entry) = entry_date {
            if birth_date.is_some_and(|birth| entry < birth) {
                errors.push("entry_date", Problem::BeforeBirth);
            } else if entry > today {
                errors.push("entry_date", Problem::ImpossibleDate);
            }
        }
        let legal_status = LegalStatus::parse(fields.legal_status);
        if legal_status.is_none() {
            let problem =
                if fields.legal_status.trim().is_empty() { Problem::Required } else { Problem::InvalidFormat };
            errors.push("legal_status", problem);
        }
        let expected_release = optional_date(&mut errors, "expected_release", fields.expected_release);
        if let (Some(entry), Some(release)) = (entry_date, expected_release)
            && release < entry
        {
            errors.push("expected_release", Problem::DateOrder);
        }
        match (entry_date, legal_status) {
            (Some(entry_date), Some(legal_status)) if errors.0.is_empty() => {
                Ok(EpisodeDraft { prison_number, entry_date, legal_status, expected_release })
            }
            _ => Err(errors),
        }
    }
}

/// Folds text to the lowercase ASCII tokens a name is searched by:
/// accents and other scripts transliterated, punctuation as separators,
/// no repeats, sorted (so that the order of the name's parts does not
/// matter).
pub fn name_tokens(text: &str) -> Vec<String> {
    let folded = deunicode::deunicode(text).to_ascii_lowercase();
    let mut tokens: Vec<String> =
        folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|t| !t.is_empty()).map(str::to_owned).collect();
    tokens.sort();
    tokens.dedup();
    tokens
}

/// The key that orders people by name: family then given names, folded like
/// the tokens (accents, case and punctuation ignored) so that "Émile" sorts
/// with "Emile", not after "Zoë". Compared byte by byte.
pub fn sort_name(family_name: &str, given_names: &str) -> String {
    let fold = |text: &str| {
        let folded = deunicode::deunicode(text).to_ascii_lowercase();
        folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" ")
    };
    format!("{} {}", fold(family_name), fold(given_names))
}

/// What a search box holds: a date of birth, and/or words that may be a
/// name or a prison number.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PersonQuery {
    /// A date of birth, when the whole query is a date.
    pub birth_date: Option<Date>,
    /// The query as a prison number (trimmed, as typed), when it could be one.
    pub prison_number: Option<String>,
    /// Name tokens; each must begin one of the name's tokens.
    pub name_tokens: Vec<String>,
}

impl PersonQuery {
    /// Reads a search box. At most 8 name tokens count, so that a pasted
    /// paragraph cannot make a query of hundreds of conditions.
    pub fn parse(text: &str) -> PersonQuery {
        let text = text.trim();
        if let Some(date) = parse_date(text) {
            return PersonQuery { birth_date: Some(date), ..PersonQuery::default() };
        }
        let prison_number = (!text.is_empty()
            && text.chars().count() <= 20
            && text.chars().any(|c| c.is_ascii_digit())
            && text.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '/' | '.')))
        .then(|| text.to_owned());
        let mut name_tokens = name_tokens(text);
        name_tokens.truncate(8);
        PersonQuery { birth_date: None, prison_number, name_tokens }
    }

    /// Whether the query asks for nothing (list everyone).
    pub fn is_empty(&self) -> bool {
        self.birth_date.is_none() && self.prison_number.is_none() && self.name_tokens.is_empty()
    }
}

#[cfg(test)]
mod tests;
