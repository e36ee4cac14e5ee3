//! Usernames and the password policy.
//!
//! The password rules follow NIST SP 800-63B (section 5.1.1.2): a minimum
//! length, no composition rules, and a check against a list of commonly used
//! passwords. The list bundled here (`common-passwords.txt`) was written for
//! this project: frequent passwords in the languages of the programme,
//! keyboard patterns and words of the domain.

use crate::validation::{Invalid, Problem};

/// The minimum length of a password, in characters.
pub const MIN_PASSWORD_LENGTH: usize = 12;
/// The maximum length of a password (argon2 input stays bounded).
pub const MAX_PASSWORD_LENGTH: usize = 256;
/// The one password of the demo accounts, accepted only in demo mode.
pub const DEMO_PASSWORD: &str = "demo";

const COMMON_PASSWORDS: &str = include_str!("common-passwords.txt");

/// A username: 3 to 64 characters of lower-case letters, digits, `.`, `_`, `-`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Username(String);

impl Username {
    /// Parses a username, folding it to lower case.
    pub fn parse(raw: &str) -> Result<Username, Problem> {
        let name = raw.trim().to_ascii_lowercase();
        if name.is_empty() {
            return Err(Problem::Required);
        }
        if name.len() < 3 {
            return Err(Problem::TooShort { min: 3 });
        }
        if name.len() > 64 {
            return Err(Problem::TooLong { max: 64 });
        }
        let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c);
        if !name.chars().all(allowed) {
            return Err(Problem::InvalidFormat);
        }
        Ok(Username(name))
    }

    /// The username.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whether the password is on the bundled list, ignoring case, and ignoring
/// digits and symbols added at the end (`Welkom2026!` counts as `welkom`).
pub fn is_common_password(password: &str) -> bool {
    let lower = password.trim().to_lowercase();
    let stem = lower.trim_end_matches(|c: char| !c.is_alphabetic());
    COMMON_PASSWORDS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .any(|common| common == lower || common == stem)
}

/// Checks a new password against the policy, reporting on `field`.
pub fn check_new_password(errors: &mut Invalid, field: &'static str, password: &str, username: &str) {
    let length = password.chars().count();
    if length == 0 {
        errors.push(field, Problem::Required);
    } else if length < MIN_PASSWORD_LENGTH {
        errors.push(field, Problem::PasswordTooShort { min: MIN_PASSWORD_LENGTH });
    } else if length > MAX_PASSWORD_LENGTH {
        errors.push(field, Problem::TooLong { max: MAX_PASSWORD_LENGTH });
    } else if !username.is_empty() && password.to_lowercase().contains(&username.to_lowercase()) {
        errors.push(field, Problem::PasswordContainsUsername);
    } else if is_common_password(password) || distinct_characters(password) < 4 {
        errors.push(field, Problem::PasswordCommon);
    }
}

fn distinct_characters(password: &str) -> usize {
    let mut chars: Vec<char> = password.chars().collect();
    chars.sort_unstable();
    chars.dedup();
    chars.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(password: &str) -> Option<Problem> {
        let mut errors = Invalid::default();
        check_new_password(&mut errors, "password", password, "care_worker.has");
        errors.for_field("password").cloned()
    }

    #[test]
    fn usernames_are_folded_to_lower_case_and_checked() {
        assert_eq!(Username::parse(" Admin ").map(|u| u.as_str().to_owned()), Ok("admin".into()));
        assert_eq!(Username::parse("ab"), Err(Problem::TooShort { min: 3 }));
        assert_eq!(Username::parse("jan peeters"), Err(Problem::InvalidFormat));
        assert_eq!(Username::parse(""), Err(Problem::Required));
    }

    #[test]
    fn a_long_uncommon_password_is_accepted() {
        assert_eq!(check("paarse-olifant-fietst-naar-Lantin"), None);
    }

    #[test]
    fn a_password_one_below_the_minimum_is_refused_and_at_the_minimum_accepted() {
        assert_eq!(check("kx7#mq2!vb9"), Some(Problem::PasswordTooShort { min: 12 }));
        assert_eq!(check("kx7#mq2!vb9z"), None);
    }

    #[test]
    fn common_passwords_are_refused_even_with_digits_appended() {
        assert_eq!(check("wachtwoord123"), Some(Problem::PasswordCommon));
        assert_eq!(check("Motdepasse2026!"), Some(Problem::PasswordCommon));
        assert_eq!(check("aaaaaaaaaaaaaaaa"), Some(Problem::PasswordCommon));
    }

    #[test]
    fn a_password_containing_the_username_is_refused() {
        assert_eq!(check("my-care_worker.has-pass"), Some(Problem::PasswordContainsUsername));
    }

    #[test]
    fn the_bundled_list_is_not_empty() {
        assert!(COMMON_PASSWORDS.lines().filter(|l| !l.starts_with('#')).count() > 100);
    }
}
