//! The care of a person on their pathway (issue 5, items 1 to 3): the
//! intake and assessment, the care plan, and contacts with their progress
//! notes. Each part parses what was typed into a draft that is valid by
//! construction, or answers every invalid field; nothing here stores or
//! reads anything.
//!
//! - [`intake`]: the structured intake, with the items of the EMCDDA
//!   Treatment Demand Indicator protocol 3.0 (TDI) as coded fields.
//! - [`plan`]: a care plan's goals and interventions, its review date, and
//!   what changed from one version to the next.
//! - [`contact`]: individual contacts and group sessions.
//!
//! Every coded value has a stable code (storage, API) and a Fluent message
//! id `<prefix>-<code>` for its label; [`message_ids`] lists them all for
//! the translation tests.

use jiff::civil::Date;

use crate::validation::{Invalid, Problem};

pub mod contact;
pub mod intake;
pub mod plan;

/// Declares an enumeration of coded values: each variant with its stable
/// code, `ALL` in form order, `from_code` and the Fluent message id of its
/// label (`<prefix>-<code>`).
macro_rules! coded {
    (
        $(#[$doc:meta])*
        $name:ident, $prefix:literal,
        { $($(#[$vdoc:meta])* $variant:ident => $code:literal),+ $(,)? }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vdoc])* $variant),+
        }

        impl $name {
            /// Every value, in form order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code, for storage and the API.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            /// The value with this code.
            pub fn from_code(code: &str) -> Option<$name> {
                let code = code.trim();
                Self::ALL.iter().copied().find(|value| value.code() == code)
            }

            /// The Fluent message id of the value's label.
            pub fn message_id(self) -> &'static str {
                match self {
                    $($name::$variant => concat!($prefix, "-", $code)),+
                }
            }

            /// Every message id of the enumeration.
            pub fn message_ids() -> Vec<&'static str> {
                Self::ALL.iter().map(|value| value.message_id()).collect()
            }
        }
    };
}
pub(crate) use coded;

coded!(
    /// An answer of yes, no or unknown (the person does not know, or did
    /// not say).
    Answer, "care-answer", {
        /// Yes.
        Yes => "yes",
        /// No.
        No => "no",
        /// Not known.
        Unknown => "unknown",
    }
);

/// A required coded value: empty is `Required`, an unknown code
/// `InvalidFormat`.
pub(crate) fn choice<T>(
    errors: &mut Invalid,
    field: &'static str,
    raw: &str,
    parse: fn(&str) -> Option<T>,
) -> Option<T> {
    if raw.trim().is_empty() {
        errors.push(field, Problem::Required);
        return None;
    }
    let value = parse(raw);
    if value.is_none() {
        errors.push(field, Problem::InvalidFormat);
    }
    value
}

/// An optional whole number within `min..=max`.
pub(crate) fn optional_number(errors: &mut Invalid, field: &'static str, raw: &str, min: i64, max: i64) -> Option<i64> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    match raw.parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Some(n),
        Ok(_) => {
            errors.push(field, Problem::OutOfRange { min, max: max.max(min) });
            None
        }
        Err(_) => {
            errors.push(field, Problem::InvalidFormat);
            None
        }
    }
}

/// A required date that is not after `today` and not before `earliest`
/// (`BeforeEntry`: the dates of care lie within the detention).
pub(crate) fn past_date(
    errors: &mut Invalid,
    field: &'static str,
    raw: &str,
    earliest: Option<Date>,
    today: Date,
) -> Option<Date> {
    let date = crate::person::required_date(errors, field, raw)?;
    if date > today {
        errors.push(field, Problem::ImpossibleDate);
        return None;
    }
    if earliest.is_some_and(|earliest| date < earliest) {
        errors.push(field, Problem::BeforeEntry);
        return None;
    }
    Some(date)
}

/// Declares arrays of field names for the rows of a repeated group, as
/// `<prefix>_<index>` (`goal_description_0`), so that an error names the
/// row; field names are `'static`, hence written out up to the row limit.
macro_rules! row_fields {
    ($name:ident, $prefix:literal) => {
        const $name: [&str; $crate::care::MAX_ROWS] = [
            concat!($prefix, "_0"),
            concat!($prefix, "_1"),
            concat!($prefix, "_2"),
            concat!($prefix, "_3"),
            concat!($prefix, "_4"),
            concat!($prefix, "_5"),
            concat!($prefix, "_6"),
            concat!($prefix, "_7"),
            concat!($prefix, "_8"),
            concat!($prefix, "_9"),
            concat!($prefix, "_10"),
            concat!($prefix, "_11"),
            concat!($prefix, "_12"),
            concat!($prefix, "_13"),
            concat!($prefix, "_14"),
            concat!($prefix, "_15"),
            concat!($prefix, "_16"),
            concat!($prefix, "_17"),
            concat!($prefix, "_18"),
            concat!($prefix, "_19"),
        ];
    };
}
pub(crate) use row_fields;

/// The most rows of a repeated group (goals, interventions, participants
/// of a group session) one form takes.
pub const MAX_ROWS: usize = 20;

/// Every Fluent message id of this module and its parts.
pub fn message_ids() -> Vec<&'static str> {
    let mut ids = Answer::message_ids();
    ids.extend(intake::message_ids());
    ids.extend(plan::message_ids());
    ids.extend(contact::message_ids());
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coded_values_round_trip_through_their_codes() {
        for answer in Answer::ALL {
            assert_eq!(Answer::from_code(answer.code()), Some(*answer));
        }
        assert_eq!(Answer::from_code(" yes "), Some(Answer::Yes));
        assert_eq!(Answer::from_code("maybe"), None);
        assert_eq!(Answer::Unknown.message_id(), "care-answer-unknown");
    }

    #[test]
    fn a_choice_left_empty_is_required_and_an_unknown_code_is_invalid() {
        let mut errors = Invalid::default();
        assert_eq!(choice(&mut errors, "a", "", Answer::from_code), None);
        assert_eq!(choice(&mut errors, "b", "perhaps", Answer::from_code), None);
        assert_eq!(choice(&mut errors, "c", "no", Answer::from_code), Some(Answer::No));
        assert_eq!(errors.for_field("a"), Some(&Problem::Required));
        assert_eq!(errors.for_field("b"), Some(&Problem::InvalidFormat));
        assert_eq!(errors.for_field("c"), None);
    }

    #[test]
    fn numbers_outside_their_range_name_the_range() {
        let mut errors = Invalid::default();
        assert_eq!(optional_number(&mut errors, "age", "", 5, 90), None);
        assert_eq!(optional_number(&mut errors, "age", "17", 5, 90), Some(17));
        assert!(errors.0.is_empty());
        optional_number(&mut errors, "age", "4", 5, 90);
        assert_eq!(errors.for_field("age"), Some(&Problem::OutOfRange { min: 5, max: 90 }));
    }

    #[test]
    fn care_dates_lie_between_the_entry_and_today() {
        let today = Date::constant(2026, 11, 20);
        let entry = Some(Date::constant(2026, 11, 2));
        let mut errors = Invalid::default();
        assert_eq!(past_date(&mut errors, "d", "2026-11-10", entry, today), Some(Date::constant(2026, 11, 10)));
        assert!(errors.0.is_empty());
        past_date(&mut errors, "future", "2026-11-21", entry, today);
        past_date(&mut errors, "early", "2026-11-01", entry, today);
        assert_eq!(errors.for_field("future"), Some(&Problem::ImpossibleDate));
        assert_eq!(errors.for_field("early"), Some(&Problem::BeforeEntry));
    }
}
