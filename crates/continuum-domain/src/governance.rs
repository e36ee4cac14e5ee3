//! Governance (issue 7; MISSION.md, "The steering that surrounds it"): the
//! central and local drug steering groups, their members, meetings,
//! minutes, decisions and action items, the inventory of local projects
//! with the central group's prior authorisation, and the rules that tell
//! when a group has stopped meeting.
//!
//! - [`group`]: groups, members by function, chair and secretary, vacant
//!   seats, quorum and the meeting thresholds.
//! - [`meeting`]: planned and held meetings, agenda, attendance, minutes
//!   and their approval, decisions.
//! - [`action`]: action items with an owner, a due date and a status.
//! - [`project`]: local projects and the prior-authorisation request.
//! - [`health`]: the traffic light of a group (dormant, needs attention,
//!   on track) and why.
//! - [`reminder`]: who is reminded of which meeting, minutes, action and
//!   request.
//!
//! Nothing in governance is clinical: agenda items, minutes and decisions
//! that discuss a person are written without identifying them. The forms
//! say so, and text holding a Belgian national register number is refused
//! ([`names_a_person`]).

pub mod action;
pub mod group;
pub mod health;
pub mod meeting;
pub mod project;
pub mod reminder;

#[cfg(test)]
mod tests;

use crate::validation::{self, Invalid, Problem};

/// Whether `text` identifies a person: it holds a Belgian national register
/// number, eleven digits (possibly written `YY.MM.DD-NNN.CC`) whose last two
/// are the check digits: 97 minus the first nine modulo 97, with a `2`
/// before them for people born from 2000.
pub fn names_a_person(text: &str) -> bool {
    let mut digits = String::new();
    let mut pending_separator = false;
    let mut found = false;
    let mut check = |digits: &str| {
        if digits.len() == 11 && is_register_number(digits) {
            found = true;
        }
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            pending_separator = false;
        } else if matches!(c, '.' | '-' | ' ' | '/') && !digits.is_empty() && !pending_separator {
            pending_separator = true;
        } else {
            check(&digits);
            digits.clear();
            pending_separator = false;
        }
    }
    check(&digits);
    found
}

fn is_register_number(digits: &str) -> bool {
    let (Ok(body), Ok(control)) = (digits[..9].parse::<u64>(), digits[9..].parse::<u64>()) else {
        return false;
    };
    let before_2000 = 97 - body % 97;
    let from_2000 = 97 - (2_000_000_000 + body) % 97;
    control == before_2000 || control == from_2000
}

/// A free text of governance (agenda, minutes, decision, action): trimmed,
/// its length checked, and refused when it identifies a person.
pub fn checked_text(errors: &mut Invalid, field: &'static str, value: &str, min: usize, max: usize) -> String {
    let before = errors.0.len();
    let text = validation::text(errors, field, value, min, max);
    if errors.0.len() == before && names_a_person(&text) {
        errors.push(field, Problem::IdentifiesPerson);
    }
    text
}

/// A whole number typed in a form, within `min..=max`; `default` when empty.
pub(crate) fn number_in_range(
    errors: &mut Invalid,
    field: &'static str,
    text: &str,
    min: i64,
    max: i64,
    default: i64,
) -> i64 {
    let text = text.trim();
    if text.is_empty() {
        return default;
    }
    match text.parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => n,
        _ => {
            errors.push(field, Problem::OutOfRange { min, max });
            default
        }
    }
}
