//! Sites (the prisons of the programme) and languages.

use std::fmt;

/// A language the programme works in. The staff interface speaks all three.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    /// Dutch.
    Nl,
    /// French.
    Fr,
    /// English.
    En,
}

impl Language {
    /// Every language, in display order.
    pub const ALL: [Language; 3] = [Language::Nl, Language::Fr, Language::En];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Language::Nl => "nl",
            Language::Fr => "fr",
            Language::En => "en",
        }
    }

    /// Parses an ISO 639-1 code, ignoring case and a region suffix (`nl-BE`).
    pub fn parse(code: &str) -> Option<Language> {
        let primary = code.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        match primary.as_str() {
            "nl" => Some(Language::Nl),
            "fr" => Some(Language::Fr),
            "en" => Some(Language::En),
            _ => None,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The three-letter code of a site, e.g. `HAS` for Hasselt.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SiteCode(String);

impl SiteCode {
    /// Parses a code: three ASCII letters, stored in upper case.
    pub fn parse(code: &str) -> Option<SiteCode> {
        let code = code.trim();
        (code.len() == 3 && code.chars().all(|c| c.is_ascii_alphabetic())).then(|| SiteCode(code.to_ascii_uppercase()))
    }

    /// The code in upper case.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SiteCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A pilot prison as the programme started with it (MISSION.md, table of sites).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PilotSite {
    /// The site code.
    pub code: &'static str,
    /// The prison's name.
    pub name: &'static str,
    /// The languages the prison works in, the first being its main one.
    pub languages: &'static [Language],
}

/// The ten pilot prisons of the programme (royal decrees of 8 September 2025).
pub const PILOT_SITES: [PilotSite; 10] = [
    PilotSite { code: "HAS", name: "Hasselt", languages: &[Language::Nl] },
    PilotSite { code: "HAR", name: "Haren", languages: &[Language::Fr, Language::Nl] },
    PilotSite { code: "DEN", name: "Dendermonde", languages: &[Language::Nl] },
    PilotSite { code: "GEN", name: "Gent", languages: &[Language::Nl] },
    PilotSite { code: "LEU", name: "Leuven-Centraal", languages: &[Language::Nl] },
    PilotSite { code: "ANT", name: "Antwerpen", languages: &[Language::Nl] },
    PilotSite { code: "JAM", name: "Jamioulx", languages: &[Language::Fr] },
    PilotSite { code: "LEZ", name: "Leuze-en-Hainaut", languages: &[Language::Fr] },
    PilotSite { code: "AND", name: "Andenne", languages: &[Language::Fr] },
    PilotSite { code: "LAN", name: "Lantin", languages: &[Language::Fr] },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_codes_are_three_letters_in_upper_case() {
        assert_eq!(SiteCode::parse(" has ").map(|c| c.to_string()), Some("HAS".into()));
        assert_eq!(SiteCode::parse("HA"), None);
        assert_eq!(SiteCode::parse("H4S"), None);
        assert_eq!(SiteCode::parse("HASS"), None);
    }

    #[test]
    fn every_pilot_site_has_a_valid_unique_code_and_a_language() {
        let mut codes: Vec<&str> = PILOT_SITES.iter().map(|s| s.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 10);
        for site in PILOT_SITES {
            assert!(SiteCode::parse(site.code).is_some());
            assert!(!site.languages.is_empty());
        }
    }

    #[test]
    fn languages_parse_with_region_and_case() {
        assert_eq!(Language::parse("nl-BE"), Some(Language::Nl));
        assert_eq!(Language::parse("FR"), Some(Language::Fr));
        assert_eq!(Language::parse("de"), None);
    }
}
