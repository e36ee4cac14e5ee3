//! Staff accounts as entered by an administrator.

use crate::credentials::Username;
use crate::ids::SiteId;
use crate::role::{Role, RoleGrant, SiteScope};
use crate::site::Language;
use crate::validation::{self, Invalid, Problem};

/// The value of a grant's site field that means every site.
pub const ALL_SITES: &str = "*";

/// A validated account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountDraft {
    /// Username (only used when creating).
    pub username: Username,
    /// Display name.
    pub display_name: String,
    /// E-mail (may be empty).
    pub email: String,
    /// Interface language.
    pub language: Language,
    /// Roles and sites.
    pub grants: Vec<RoleGrant>,
    /// Whether the account may sign in.
    pub active: bool,
}

/// One grant as typed: a role code and a site code (or [`ALL_SITES`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantInput {
    /// Role code.
    pub role: String,
    /// Site code, or `*`.
    pub site: String,
}

impl AccountDraft {
    /// Validates an account form; `site_id` resolves a site code.
    pub fn parse(
        username: &str,
        display_name: &str,
        email: &str,
        language: &str,
        grants: &[GrantInput],
        active: bool,
        site_id: impl Fn(&str) -> Option<SiteId>,
    ) -> Result<AccountDraft, Invalid> {
        let mut errors = Invalid::default();
        let username = Username::parse(username).map_err(|p| errors.push("username", p)).ok();
        let display_name = validation::text(&mut errors, "display_name", display_name, 1, 120);
        let email = validation::text(&mut errors, "email", email, 0, 254);
        if !email.is_empty() && !looks_like_email(&email) {
            errors.push("email", Problem::InvalidFormat);
        }
        let language = Language::parse(language);
        if language.is_none() {
            errors.push("language", Problem::InvalidFormat);
        }
        let mut parsed = Vec::new();
        for grant in grants {
            let Some(role) = Role::parse(&grant.role) else {
                errors.push("grants", Problem::InvalidFormat);
                continue;
            };
            let scope = if grant.site.trim() == ALL_SITES {
                SiteScope::AllSites
            } else if let Some(id) = site_id(grant.site.trim()) {
                SiteScope::Site(id)
            } else {
                errors.push("grants", Problem::UnknownSite);
                continue;
            };
            let grant = RoleGrant { role, scope };
            if !parsed.contains(&grant) {
                parsed.push(grant);
            }
        }
        match (username, language) {
            (Some(username), Some(language)) if errors.0.is_empty() => {
                Ok(AccountDraft { username, display_name, email, language, grants: parsed, active })
            }
            _ => Err(errors),
        }
    }
}

/// A light plausibility check; the address is confirmed by use, not by syntax.
fn looks_like_email(email: &str) -> bool {
    match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty() && domain.contains('.') && !domain.starts_with('.') && !email.contains(' ')
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(code: &str) -> Option<SiteId> {
        (code == "HAS").then_some(SiteId(1))
    }

    fn grant(role: &str, site: &str) -> GrantInput {
        GrantInput { role: role.into(), site: site.into() }
    }

    #[test]
    fn a_valid_account_with_site_and_all_sites_grants() {
        let draft = AccountDraft::parse(
            "An.Peeters",
            "An Peeters",
            "an@example.org",
            "nl",
            &[grant("care_worker", "HAS"), grant("coordinator", "*"), grant("care_worker", "HAS")],
            true,
            site,
        )
        .expect("valid");
        assert_eq!(draft.username.as_str(), "an.peeters");
        assert_eq!(draft.grants.len(), 2, "duplicates are dropped");
    }

    #[test]
    fn unknown_roles_sites_and_bad_emails_are_reported() {
        let errors =
            AccountDraft::parse("x y", "", "nope", "de", &[grant("nurse", "HAS"), grant("medical", "XXX")], true, site)
                .expect_err("invalid");
        for field in ["username", "display_name", "email", "language", "grants"] {
            assert!(errors.for_field(field).is_some(), "{field}");
        }
    }
}
