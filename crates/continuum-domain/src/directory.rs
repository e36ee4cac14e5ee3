//! The directory of care providers (issue 6, item 2): the services of
//! outside organisations that people are referred to, with the prisons
//! they cover, their languages, contact details and opening hours.
//!
//! An organisation of the directory is an organisation of the programme's
//! reference data (`reference::OrganisationDraft`): accounts of outside
//! providers belong to it, and a sharing consent names it. What the
//! directory adds are its services ([`ServiceDraft`]).
//!
//! Rules written down:
//! - A service covers at least one prison (the directory exists to find a
//!   service for a person held there) and works in at least one language.
//! - It can be reached: a phone number or an e-mail address is required.
//! - Opening hours are given per weekday as ranges (`09:00-12:00,
//!   13:00-17:00`), each opening before it closes, in order and without
//!   overlap; an empty day is closed. Anything else (by appointment, public
//!   holidays) goes in a note.

use jiff::civil::Time;

use crate::ids::OrganisationId;
use crate::reference::languages;
use crate::site::{Language, SiteCode};
use crate::validation::{self, Invalid, Problem};

/// What a service does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ServiceKind {
    /// Drug services (outpatient and residential drug treatment).
    DrugService,
    /// Prescribers of opioid agonist treatment.
    OatPrescriber,
    /// General practitioners.
    GeneralPractitioner,
    /// Mental health care.
    MentalHealth,
    /// Housing.
    Housing,
    /// Social welfare: CAW (Flanders, Brussels) and CPAS/OCMW.
    SocialWelfare,
}

impl ServiceKind {
    /// Every kind.
    pub const ALL: [ServiceKind; 6] = [
        ServiceKind::DrugService,
        ServiceKind::OatPrescriber,
        ServiceKind::GeneralPractitioner,
        ServiceKind::MentalHealth,
        ServiceKind::Housing,
        ServiceKind::SocialWelfare,
    ];

    /// The stable code, for storage, the API and Fluent keys.
    pub fn code(self) -> &'static str {
        match self {
            ServiceKind::DrugService => "drug_service",
            ServiceKind::OatPrescriber => "oat_prescriber",
            ServiceKind::GeneralPractitioner => "general_practitioner",
            ServiceKind::MentalHealth => "mental_health",
            ServiceKind::Housing => "housing",
            ServiceKind::SocialWelfare => "social_welfare",
        }
    }

    /// The kind with this code.
    pub fn parse(code: &str) -> Option<ServiceKind> {
        ServiceKind::ALL.into_iter().find(|k| k.code() == code.trim())
    }
}

/// The days of the week, Monday first, by their FHIR codes.
pub const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// One opening: from `opens` to `closes`, the same day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct TimeRange {
    /// Opens.
    pub opens: Time,
    /// Closes (after `opens`).
    pub closes: Time,
}

impl std::fmt::Display for TimeRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.opens.strftime("%H:%M"), self.closes.strftime("%H:%M"))
    }
}

/// The opening hours of a week, Monday first; an empty day is closed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpeningHours {
    days: [Vec<TimeRange>; 7],
}

impl OpeningHours {
    /// Parses the ranges of each day as typed (`09:00-12:00, 13:00-17:00`;
    /// `9-12` and `9h30-17u` are read too). The error lists the days (0 is
    /// Monday) that could not be read.
    pub fn parse(days: [&str; 7]) -> Result<OpeningHours, Vec<usize>> {
        let mut hours = OpeningHours::default();
        let mut bad = Vec::new();
        for (index, text) in days.iter().enumerate() {
            match day_ranges(text) {
                Some(ranges) => hours.days[index] = ranges,
                None => bad.push(index),
            }
        }
        if bad.is_empty() { Ok(hours) } else { Err(bad) }
    }

    /// The stored form: `mon 09:00-12:00,13:00-17:00;tue ...`, closed days left out.
    pub fn to_stored(&self) -> String {
        self.days
            .iter()
            .zip(WEEKDAYS)
            .filter(|(ranges, _)| !ranges.is_empty())
            .map(|(ranges, day)| {
                format!("{day} {}", ranges.iter().map(ToString::to_string).collect::<Vec<_>>().join(","))
            })
            .collect::<Vec<_>>()
            .join(";")
    }

    /// Reads the stored form back; `None` if it is not one.
    pub fn from_stored(stored: &str) -> Option<OpeningHours> {
        let mut hours = OpeningHours::default();
        for entry in stored.split(';').filter(|e| !e.trim().is_empty()) {
            let (day, ranges) = entry.trim().split_once(' ')?;
            let index = WEEKDAYS.iter().position(|d| *d == day)?;
            hours.days[index] = day_ranges(ranges)?;
        }
        Some(hours)
    }

    /// The openings of a day (0 is Monday).
    pub fn day(&self, index: usize) -> &[TimeRange] {
        self.days.get(index).map_or(&[], Vec::as_slice)
    }

    /// A day's openings as they are typed (`09:00-12:00, 13:00-17:00`).
    pub fn day_text(&self, index: usize) -> String {
        self.day(index).iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
    }

    /// Whether the service is closed every day.
    pub fn is_empty(&self) -> bool {
        self.days.iter().all(Vec::is_empty)
    }
}

/// The ranges of one day, in order without overlap; `None` if unreadable.
fn day_ranges(text: &str) -> Option<Vec<TimeRange>> {
    let mut ranges = Vec::new();
    for part in text.split([',', ';']).map(str::trim).filter(|p| !p.is_empty()) {
        let (opens, closes) = part.split_once(['-', '–'])?;
        let range = TimeRange { opens: clock_time(opens)?, closes: clock_time(closes)? };
        if range.opens >= range.closes {
            return None;
        }
        ranges.push(range);
    }
    ranges.sort();
    let ordered = ranges.windows(2).all(|pair| pair[0].closes <= pair[1].opens);
    ordered.then_some(ranges)
}

/// A time of day: `9`, `09:30`, `9h30`, `9u30`, `9.30`.
fn clock_time(text: &str) -> Option<Time> {
    let text = text.trim().to_ascii_lowercase();
    let (hour, minute) = match text.split_once([':', 'h', 'u', '.']) {
        Some((hour, "")) => (hour, "0"),
        Some((hour, minute)) if minute.len() == 2 => (hour, minute),
        Some(_) => return None,
        None => (text.as_str(), "0"),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.chars().all(|c| c.is_ascii_digit());
    if !digits(hour) || !digits(minute) {
        return None;
    }
    Time::new(hour.parse().ok()?, minute.parse().ok()?, 0, 0).ok()
}

/// The fields of a service as typed (form or API).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServiceFields<'a> {
    /// The organisation's id.
    pub organisation: Option<i64>,
    /// Name.
    pub name: &'a str,
    /// A [`ServiceKind`] code.
    pub kind: &'a str,
    /// Language codes.
    pub languages: &'a [String],
    /// Codes of the prisons covered.
    pub sites: &'a [String],
    /// Postal address.
    pub address: &'a str,
    /// Phone number.
    pub phone: &'a str,
    /// E-mail address.
    pub email: &'a str,
    /// Web site.
    pub website: &'a str,
    /// Opening hours, Monday first.
    pub hours: [&'a str; 7],
    /// A note on the opening hours.
    pub hours_note: &'a str,
    /// Whether it is in use.
    pub active: bool,
}

/// A service ready to be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceDraft {
    /// The organisation it belongs to.
    pub organisation: OrganisationId,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: ServiceKind,
    /// Languages it works in.
    pub languages: Vec<Language>,
    /// The prisons it covers, without repeats.
    pub sites: Vec<SiteCode>,
    /// Postal address.
    pub address: String,
    /// Phone number.
    pub phone: String,
    /// E-mail address.
    pub email: String,
    /// Web site.
    pub website: String,
    /// Opening hours.
    pub opening_hours: OpeningHours,
    /// A note on the opening hours.
    pub hours_note: String,
    /// Whether it is in use.
    pub active: bool,
}

/// The form field of a weekday's opening hours (`hours_mon`, ...).
pub const HOURS_FIELDS: [&str; 7] =
    ["hours_mon", "hours_tue", "hours_wed", "hours_thu", "hours_fri", "hours_sat", "hours_sun"];

impl ServiceDraft {
    /// Validates the fields of a service.
    pub fn parse(fields: &ServiceFields<'_>) -> Result<ServiceDraft, Invalid> {
        let mut errors = Invalid::default();
        if fields.organisation.is_none() {
            errors.push("organisation", Problem::Required);
        }
        let name = validation::text(&mut errors, "name", fields.name, 2, 200);
        let kind = ServiceKind::parse(fields.kind);
        if kind.is_none() {
            errors.push("kind", if fields.kind.trim().is_empty() { Problem::Required } else { Problem::InvalidFormat });
        }
        let languages = languages(&mut errors, "languages", fields.languages);
        let sites = site_codes(&mut errors, fields.sites);
        let address = validation::text(&mut errors, "address", fields.address, 0, 300);
        let phone = phone(&mut errors, fields.phone);
        let email = email(&mut errors, fields.email);
        if phone.is_empty() && email.is_empty() && errors.for_field("phone").is_none() {
            errors.push("phone", Problem::Required);
        }
        let website = website(&mut errors, fields.website);
        let opening_hours = OpeningHours::parse(fields.hours).unwrap_or_else(|bad| {
            for day in bad {
                errors.push(HOURS_FIELDS[day], Problem::OpeningHours);
            }
            OpeningHours::default()
        });
        let hours_note = validation::text(&mut errors, "hours_note", fields.hours_note, 0, 300);
        match (fields.organisation, kind) {
            (Some(organisation), Some(kind)) if errors.0.is_empty() => Ok(ServiceDraft {
                organisation: OrganisationId(organisation),
                name,
                kind,
                languages,
                sites,
                address,
                phone,
                email,
                website,
                opening_hours,
                hours_note,
                active: fields.active,
            }),
            _ => Err(errors),
        }
    }
}

fn site_codes(errors: &mut Invalid, raw: &[String]) -> Vec<SiteCode> {
    let mut sites: Vec<SiteCode> = Vec::new();
    for code in raw.iter().flat_map(|s| s.split([',', ' '])).filter(|s| !s.trim().is_empty()) {
        match SiteCode::parse(code) {
            Some(site) if !sites.contains(&site) => sites.push(site),
            Some(_) => {}
            None => {
                errors.push("sites", Problem::UnknownSite);
                return sites;
            }
        }
    }
    if sites.is_empty() {
        errors.push("sites", Problem::Required);
    }
    sites
}

/// A phone number: digits, spaces and `+ / . - ( )`, with 6 to 15 digits.
fn phone(errors: &mut Invalid, raw: &str) -> String {
    let phone = raw.trim().to_owned();
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    let allowed = phone.chars().all(|c| c.is_ascii_digit() || " +/.-()".contains(c));
    if !phone.is_empty() && (!allowed || !(6..=15).contains(&digits) || phone.chars().count() > 30) {
        errors.push("phone", Problem::InvalidFormat);
    }
    phone
}

/// An e-mail address: one `@`, a dot in the domain, no spaces.
fn email(errors: &mut Invalid, raw: &str) -> String {
    let email = raw.trim().to_owned();
    let valid = email.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
    }) && !email.contains(char::is_whitespace)
        && email.chars().count() <= 200;
    if !email.is_empty() && !valid {
        errors.push("email", Problem::InvalidFormat);
    }
    email
}

/// A web site: an `https://` or `http://` address without spaces.
fn website(errors: &mut Invalid, raw: &str) -> String {
    let website = raw.trim().to_owned();
    let rest = website.strip_prefix("https://").or_else(|| website.strip_prefix("http://"));
    let valid = rest.is_some_and(|r| r.contains('.') && !r.contains(char::is_whitespace)) && website.len() <= 300;
    if !website.is_empty() && !valid {
        errors.push("website", Problem::InvalidFormat);
    }
    website
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn fields<'a>(languages: &'a [String], sites: &'a [String]) -> ServiceFields<'a> {
        ServiceFields {
            organisation: Some(4),
            name: "CAD Limburg",
            kind: "drug_service",
            languages,
            sites,
            phone: "011 27 42 81",
            hours: ["09:00-12:00, 13:00-17:00", "", "", "", "9-12", "", ""],
            active: true,
            ..ServiceFields::default()
        }
    }

    #[test]
    fn a_service_is_read_with_its_prisons_languages_and_hours() {
        let (languages, sites) = (vec!["nl".to_owned()], vec!["has, lan".to_owned(), "HAS".to_owned()]);
        let draft = ServiceDraft::parse(&fields(&languages, &sites)).expect("valid");
        assert_eq!(draft.kind, ServiceKind::DrugService);
        assert_eq!(draft.sites.iter().map(SiteCode::as_str).collect::<Vec<_>>(), ["HAS", "LAN"]);
        assert_eq!(draft.opening_hours.to_stored(), "mon 09:00-12:00,13:00-17:00;fri 09:00-12:00");
        assert_eq!(draft.opening_hours.day_text(0), "09:00-12:00, 13:00-17:00");
    }

    #[test]
    fn a_service_needs_a_prison_a_language_and_a_way_to_reach_it() {
        let mut f = fields(&[], &[]);
        f.phone = "";
        let errors = ServiceDraft::parse(&f).expect_err("invalid");
        assert_eq!(errors.for_field("sites"), Some(&Problem::Required));
        assert_eq!(errors.for_field("languages"), Some(&Problem::Required));
        assert_eq!(errors.for_field("phone"), Some(&Problem::Required));
    }

    #[test]
    fn contact_details_of_the_wrong_form_are_named() {
        let (languages, sites) = (vec!["fr".to_owned()], vec!["JAM".to_owned()]);
        let mut f = fields(&languages, &sites);
        f.phone = "call us";
        f.email = "info@";
        f.website = "www.example.be";
        let errors = ServiceDraft::parse(&f).expect_err("invalid");
        for field in ["phone", "email", "website"] {
            assert_eq!(errors.for_field(field), Some(&Problem::InvalidFormat), "{field}");
        }
    }

    #[test]
    fn each_unreadable_day_of_opening_hours_is_named() {
        let (languages, sites) = (vec!["fr".to_owned()], vec!["JAM".to_owned()]);
        let mut f = fields(&languages, &sites);
        f.hours = ["17:00-09:00", "09:00-12:00, 11:00-13:00", "noon", "", "", "", "25:00-26:00"];
        let errors = ServiceDraft::parse(&f).expect_err("invalid");
        let named: Vec<&str> = errors.0.iter().map(|e| e.field).collect();
        assert_eq!(named, ["hours_mon", "hours_tue", "hours_wed", "hours_sun"]);
    }

    #[test]
    fn belgian_ways_of_writing_times_are_read() {
        let hours = OpeningHours::parse(["9h30-12u", "8.30 - 16.45", "", "", "", "", ""]).expect("readable");
        assert_eq!(hours.day_text(0), "09:30-12:00");
        assert_eq!(hours.day_text(1), "08:30-16:45");
        assert!(!hours.is_empty());
    }

    #[test]
    fn an_unknown_kind_is_named() {
        let (languages, sites) = (vec!["nl".to_owned()], vec!["GEN".to_owned()]);
        let mut f = fields(&languages, &sites);
        f.kind = "hospital";
        assert_eq!(ServiceDraft::parse(&f).expect_err("invalid").for_field("kind"), Some(&Problem::InvalidFormat));
    }

    fn any_range() -> impl Strategy<Value = (i8, i8, i8, i8)> {
        (0i8..23, 0i8..60, 0i8..60).prop_flat_map(|(h, m, _)| (Just(h), Just(m), (h + 1)..=23, 0i8..60))
    }

    proptest! {
        #[test]
        fn stored_opening_hours_read_back_the_same(
            days in prop::collection::vec(prop::option::of(any_range()), 7)
        ) {
            let texts: Vec<String> = days
                .iter()
                .map(|d| d.map_or_else(String::new, |(h1, m1, h2, m2)| format!("{h1}:{m1:02}-{h2}:{m2:02}")))
                .collect();
            let typed: [&str; 7] = std::array::from_fn(|i| texts[i].as_str());
            let hours = OpeningHours::parse(typed).expect("readable");
            prop_assert_eq!(OpeningHours::from_stored(&hours.to_stored()), Some(hours.clone()));
            let again: Vec<String> = (0..7).map(|i| hours.day_text(i)).collect();
            let typed_again: [&str; 7] = std::array::from_fn(|i| again[i].as_str());
            prop_assert_eq!(OpeningHours::parse(typed_again), Ok(hours));
        }
    }
}
