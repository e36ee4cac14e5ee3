//! The checklist of a release plan: what must be settled before a person
//! leaves prison (see the rules in [`super`]).

use jiff::civil::Date;

use super::TEXT_MAX_CHARS;
use crate::person::optional_date;
use crate::validation::{Invalid, Problem, text};

coded!(
    /// One item of the checklist.
    ChecklistItem, "release-item", {
        /// The outside service that takes the person up.
        OutsideService => "outside_service",
        /// The first appointment there: date and place.
        Appointment => "appointment",
        /// A bridging prescription of opioid agonist treatment.
        OatBridging => "oat_bridging",
        /// Naloxone for anyone with opioid use.
        Naloxone => "naloxone",
        /// Where the person will live.
        Housing => "housing",
        /// The person's health insurance.
        HealthInsurance => "health_insurance",
        /// Whether and how the team may contact the person after release.
        ContactAfterRelease => "contact",
    }
);

coded!(
    /// The bridging OAT prescription.
    OatBridging, "release-oat", {
        /// The person is not on opioid agonist treatment.
        NotOnOat => "not_on_oat",
        /// A bridging prescription is made until the outside prescriber takes over.
        Prescribed => "prescribed",
    }
);

coded!(
    /// Naloxone at release.
    Naloxone, "release-naloxone", {
        /// The person does not use opioids: not needed.
        NoOpioidUse => "no_opioid_use",
        /// Naloxone was handed over.
        HandedOver => "handed_over",
        /// Naloxone was offered and the person declined it.
        Declined => "declined",
    }
);

coded!(
    /// Housing after release.
    Housing, "release-housing", {
        /// A home to go to (own, family, friends).
        Housed => "housed",
        /// Supported or emergency accommodation is arranged.
        Sheltered => "sheltered",
        /// No housing: the person is referred to the social services.
        NoHousing => "no_housing",
    }
);

coded!(
    /// Health insurance after release.
    HealthInsurance, "release-insurance", {
        /// The person's health insurance is in order.
        InOrder => "in_order",
        /// The (re)affiliation with a health insurance fund is requested.
        Requested => "requested",
        /// No cover is possible; another arrangement is noted.
        NotCovered => "not_covered",
    }
);

coded!(
    /// How the team may reach the person after release.
    ContactChannel, "release-channel", {
        /// By telephone.
        Phone => "phone",
        /// By e-mail.
        Email => "email",
        /// By post.
        Post => "post",
        /// Through the outside service only.
        ThroughService => "through_service",
    }
);

/// The outside service chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutsideService {
    /// An organisation of the reference data, by id (the application checks
    /// that it exists and is active).
    Organisation(i64),
    /// A service not in the reference data, by name.
    Named(String),
}

/// The first appointment at the outside service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appointment {
    /// The day.
    pub date: Date,
    /// Where.
    pub place: String,
}

/// The person's wish about contact after release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContactPreference {
    /// The team may contact them, this way.
    Agrees {
        /// How.
        channel: ContactChannel,
        /// The number or address; `None` through the outside service.
        detail: Option<String>,
    },
    /// The person does not want to be contacted after release.
    Declines,
}

impl ContactPreference {
    /// The stable code: `agrees` or `declines`.
    pub fn code(&self) -> &'static str {
        match self {
            ContactPreference::Agrees { .. } => "agrees",
            ContactPreference::Declines => "declines",
        }
    }
}

/// A release plan's checklist: each item `None` until it is answered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReleaseChecklist {
    /// Outside service chosen.
    pub service: Option<OutsideService>,
    /// First appointment.
    pub appointment: Option<Appointment>,
    /// Bridging OAT prescription.
    pub oat_bridging: Option<OatBridging>,
    /// Naloxone.
    pub naloxone: Option<Naloxone>,
    /// Housing.
    pub housing: Option<Housing>,
    /// Health insurance.
    pub health_insurance: Option<HealthInsurance>,
    /// Contact after release.
    pub contact: Option<ContactPreference>,
}

/// The raw fields of a checklist, as typed. Empty means "not answered yet".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChecklistFields<'a> {
    /// An organisation's id, `other` (then `service_name`), or empty.
    pub service: &'a str,
    /// The service's name when it is not in the list (`service` = `other`).
    pub service_name: &'a str,
    /// The first appointment's day.
    pub appointment_date: &'a str,
    /// The first appointment's place.
    pub appointment_place: &'a str,
    /// An [`OatBridging`] code.
    pub oat_bridging: &'a str,
    /// A [`Naloxone`] code.
    pub naloxone: &'a str,
    /// A [`Housing`] code.
    pub housing: &'a str,
    /// A [`HealthInsurance`] code.
    pub health_insurance: &'a str,
    /// `agrees` or `declines`.
    pub contact: &'a str,
    /// A [`ContactChannel`] code, when the person agrees.
    pub contact_channel: &'a str,
    /// The number or address for that channel.
    pub contact_detail: &'a str,
}

/// The value `parse` finds in an optional coded field; an unknown code is
/// an error on the field.
fn coded_field<T>(errors: &mut Invalid, field: &'static str, raw: &str, parse: fn(&str) -> Option<T>) -> Option<T> {
    if raw.trim().is_empty() {
        return None;
    }
    let value = parse(raw);
    if value.is_none() {
        errors.push(field, Problem::InvalidFormat);
    }
    value
}

impl ReleaseChecklist {
    /// Validates a checklist for a person whose detention began on `entry`
    /// (an appointment cannot lie before it).
    pub fn parse(fields: &ChecklistFields<'_>, entry: Date) -> Result<ReleaseChecklist, Invalid> {
        let mut errors = Invalid::default();
        let service = match fields.service.trim() {
            "" => None,
            "other" => {
                Some(OutsideService::Named(text(&mut errors, "service_name", fields.service_name, 1, TEXT_MAX_CHARS)))
            }
            id => match id.parse::<i64>() {
                Ok(id) if id > 0 => Some(OutsideService::Organisation(id)),
                _ => {
                    errors.push("service", Problem::InvalidFormat);
                    None
                }
            },
        };
        let appointment = appointment(&mut errors, fields, entry);
        let oat_bridging = coded_field(&mut errors, "oat_bridging", fields.oat_bridging, OatBridging::from_code);
        let naloxone = coded_field(&mut errors, "naloxone", fields.naloxone, Naloxone::from_code);
        let housing = coded_field(&mut errors, "housing", fields.housing, Housing::from_code);
        let health_insurance =
            coded_field(&mut errors, "health_insurance", fields.health_insurance, HealthInsurance::from_code);
        let contact = contact(&mut errors, fields);
        errors.into_result(|| ReleaseChecklist {
            service,
            appointment,
            oat_bridging,
            naloxone,
            housing,
            health_insurance,
            contact,
        })
    }

    /// The items not answered yet, in checklist order.
    pub fn missing(&self) -> Vec<ChecklistItem> {
        let answered = [
            self.service.is_some(),
            self.appointment.is_some(),
            self.oat_bridging.is_some(),
            self.naloxone.is_some(),
            self.housing.is_some(),
            self.health_insurance.is_some(),
            self.contact.is_some(),
        ];
        ChecklistItem::ALL.into_iter().zip(answered).filter(|(_, done)| !done).map(|(item, _)| item).collect()
    }

    /// Whether every item is answered.
    pub fn is_complete(&self) -> bool {
        self.missing().is_empty()
    }

    /// Whether the team follows the person up after release: unless they
    /// decline contact.
    pub fn follow_up_wanted(&self) -> bool {
        self.contact != Some(ContactPreference::Declines)
    }
}

fn appointment(errors: &mut Invalid, fields: &ChecklistFields<'_>, entry: Date) -> Option<Appointment> {
    let date = optional_date(errors, "appointment_date", fields.appointment_date);
    if date.is_some_and(|day| day < entry) {
        errors.push("appointment_date", Problem::BeforeEntry);
    }
    let place = fields.appointment_place.trim();
    if place.chars().count() > TEXT_MAX_CHARS {
        errors.push("appointment_place", Problem::TooLong { max: TEXT_MAX_CHARS });
    }
    let typed_date = !fields.appointment_date.trim().is_empty();
    match (typed_date, place.is_empty()) {
        (false, true) => None,
        (true, true) => {
            errors.push("appointment_place", Problem::Required);
            None
        }
        (false, false) => {
            errors.push("appointment_date", Problem::Required);
            None
        }
        (true, false) => date.map(|date| Appointment { date, place: place.to_owned() }),
    }
}

fn contact(errors: &mut Invalid, fields: &ChecklistFields<'_>) -> Option<ContactPreference> {
    match fields.contact.trim() {
        "" => None,
        "declines" => Some(ContactPreference::Declines),
        "agrees" => {
            let channel = match fields.contact_channel.trim() {
                "" => {
                    errors.push("contact_channel", Problem::Required);
                    None
                }
                code => coded_field(errors, "contact_channel", code, ContactChannel::from_code),
            };
            let detail = match channel {
                Some(ContactChannel::ThroughService) | None => None,
                Some(_) => Some(text(errors, "contact_detail", fields.contact_detail, 1, TEXT_MAX_CHARS)),
            };
            channel.map(|channel| ContactPreference::Agrees { channel, detail })
        }
        _ => {
            errors.push("contact", Problem::InvalidFormat);
            None
        }
    }
}
