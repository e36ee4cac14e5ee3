//! Reference data: sites and organisations as edited by an administrator.

use crate::site::{Language, SiteCode};
use crate::validation::{self, Invalid, Problem};

/// What kind of organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrganisationKind {
    /// A prison.
    Prison,
    /// A non-profit drug service of the programme.
    DrugService,
    /// An outside care provider.
    CareProvider,
    /// Anything else (administration, research institute, ...).
    Other,
}

impl OrganisationKind {
    /// Every kind.
    pub const ALL: [OrganisationKind; 4] = [
        OrganisationKind::Prison,
        OrganisationKind::DrugService,
        OrganisationKind::CareProvider,
        OrganisationKind::Other,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            OrganisationKind::Prison => "prison",
            OrganisationKind::DrugService => "drug_service",
            OrganisationKind::CareProvider => "care_provider",
            OrganisationKind::Other => "other",
        }
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<OrganisationKind> {
        OrganisationKind::ALL.into_iter().find(|k| k.code() == code.trim())
    }
}

/// Parses a comma- or space-separated list of language codes (at least one).
pub(crate) fn languages(errors: &mut Invalid, field: &'static str, raw: &[String]) -> Vec<Language> {
    let mut out = Vec::new();
    for code in raw.iter().flat_map(|s| s.split([',', ' '])).filter(|s| !s.trim().is_empty()) {
        match Language::parse(code) {
            Some(lang) if !out.contains(&lang) => out.push(lang),
            Some(_) => {}
            None => {
                errors.push(field, Problem::InvalidFormat);
                return out;
            }
        }
    }
    if out.is_empty() {
        errors.push(field, Problem::Required);
    }
    out
}

/// A site as entered by an administrator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteDraft {
    /// The three-letter code.
    pub code: SiteCode,
    /// The prison's name.
    pub name: String,
    /// Its languages, main one first.
    pub languages: Vec<Language>,
    /// Whether the site takes part in the programme now.
    pub active: bool,
}

impl SiteDraft {
    /// Validates the fields of a site form.
    pub fn parse(code: &str, name: &str, langs: &[String], active: bool) -> Result<Self, Invalid> {
        let mut errors = Invalid::default();
        let parsed_code = SiteCode::parse(code);
        if code.trim().is_empty() {
            errors.push("code", Problem::Required);
        } else if parsed_code.is_none() {
            errors.push("code", Problem::InvalidFormat);
        }
        let name = validation::text(&mut errors, "name", name, 1, 120);
        let languages = languages(&mut errors, "languages", langs);
        match parsed_code {
            Some(code) if errors.0.is_empty() => Ok(SiteDraft { code, name, languages, active }),
            _ => Err(errors),
        }
    }
}

/// An organisation as entered by an administrator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationDraft {
    /// The name.
    pub name: String,
    /// The kind.
    pub kind: OrganisationKind,
    /// The languages it works in.
    pub languages: Vec<Language>,
    /// Contact details (address, phone, e-mail), free text.
    pub contact: String,
    /// Whether it is in use.
    pub active: bool,
}

impl OrganisationDraft {
    /// Validates the fields of an organisation form.
    pub fn parse(name: &str, kind: &str, langs: &[String], contact: &str, active: bool) -> Result<Self, Invalid> {
        let mut errors = Invalid::default();
        let name = validation::text(&mut errors, "name", name, 2, 200);
        let parsed_kind = OrganisationKind::parse(kind);
        if parsed_kind.is_none() {
            errors.push("kind", if kind.trim().is_empty() { Problem::Required } else { Problem::InvalidFormat });
        }
        let languages = languages(&mut errors, "languages", langs);
        let contact = validation::text(&mut errors, "contact", contact, 0, 2000);
        match parsed_kind {
            Some(kind) if errors.0.is_empty() => Ok(OrganisationDraft { name, kind, languages, contact, active }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(s: &str) -> Vec<String> {
        vec![s.to_owned()]
    }

    #[test]
    fn a_valid_site_is_parsed_with_its_languages_in_order() {
        let site = SiteDraft::parse("har", " Haren ", &langs("fr, nl"), true).expect("valid");
        assert_eq!(site.code.as_str(), "HAR");
        assert_eq!(site.name, "Haren");
        assert_eq!(site.languages, vec![Language::Fr, Language::Nl]);
    }

    #[test]
    fn every_invalid_site_field_is_reported_at_once() {
        let errors = SiteDraft::parse("H1", "", &langs("de"), true).expect_err("invalid");
        assert_eq!(errors.for_field("code"), Some(&Problem::InvalidFormat));
        assert_eq!(errors.for_field("name"), Some(&Problem::Required));
        assert_eq!(errors.for_field("languages"), Some(&Problem::InvalidFormat));
    }

    #[test]
    fn an_organisation_needs_a_known_kind_and_a_language() {
        let errors = OrganisationDraft::parse("Free Clinic", "hospital", &[], "", true).expect_err("invalid");
        assert_eq!(errors.for_field("kind"), Some(&Problem::InvalidFormat));
        assert_eq!(errors.for_field("languages"), Some(&Problem::Required));
        let ok = OrganisationDraft::parse("Free Clinic", "care_provider", &langs("nl"), "", true);
        assert!(ok.is_ok());
    }
}
