//! Handing a person's care pathway over at a transfer (issue 5, item 5).
//!
//! Rules chosen here:
//! - **Between pilot prisons** the receiving team sees the pathway from the
//!   moment of transfer (the person's site changes with the transfer). The
//!   sending team keeps read access to what it wrote (records written at its
//!   prison, and the pathway up to the transfer) for a limited period after
//!   the transfer ([`DEFAULT_READ_DAYS`], configurable), and loses it then:
//!   [`sending_team_may_read`]. The handover shows on both worklists until a
//!   clinical member of the receiving team acknowledges it.
//! - **To a prison outside the programme** the pathway closes (the machine's
//!   transfer out) and a handover document goes with the person, in the
//!   language of the receiving prison, which the user names with the prison
//!   (Belgian prisons work in Dutch or French; English for any other case).
//! - **At release** (issue 6, item 6) the same document goes to the outside
//!   service of the release plan, in the language the user chooses, only
//!   within the person's sharing consent with that service's organisation
//!   for every section it holds ([`HANDOVER_SECTIONS`]). A transfer to
//!   another prison stays within prison health care: no sharing consent.
//! - **The risks** it names are derived, never typed: [`risks`].

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};

use crate::consent::Section;
use crate::person::required_date;
use crate::release::{Naloxone, OatBridging};
use crate::site::Language;
use crate::validation::{self, Invalid, Problem};

/// How long the sending team may read what it wrote, by default.
pub const DEFAULT_READ_DAYS: i64 = 30;

/// Whether the sending team of a transfer made at `transferred_at` may
/// still read, at `now`, with a read window of `window`.
pub fn sending_team_may_read(transferred_at: Timestamp, window: SignedDuration, now: Timestamp) -> bool {
    transferred_at.checked_add(window).is_ok_and(|until| now < until) && now >= transferred_at
}

/// The raw fields of a transfer to a prison outside the programme.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutTransferFields<'a> {
    /// The receiving prison's name.
    pub prison: &'a str,
    /// The language of the handover document (`nl`, `fr` or `en`).
    pub language: &'a str,
    /// The day of the transfer.
    pub transfer_date: &'a str,
}

/// A transfer to a prison outside the programme, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutTransferDraft {
    /// The receiving prison.
    pub prison: String,
    /// The language of the handover document.
    pub language: Language,
    /// The day of the transfer.
    pub date: Date,
}

impl OutTransferDraft {
    /// Validates the transfer of an episode that began on `entry`: the day
    /// lies on or after entry and not after `today`.
    pub fn parse(fields: &OutTransferFields<'_>, entry: Date, today: Date) -> Result<OutTransferDraft, Invalid> {
        let mut errors = Invalid::default();
        let prison = validation::text(&mut errors, "prison", fields.prison, 2, 200);
        let language = Language::parse(fields.language).filter(|_| fields.language.trim().len() == 2);
        if language.is_none() {
            let problem = if fields.language.trim().is_empty() { Problem::Required } else { Problem::InvalidFormat };
            errors.push("language", problem);
        }
        let date = required_date(&mut errors, "transfer_date", fields.transfer_date);
        match date {
            Some(d) if d < entry => errors.push("transfer_date", Problem::BeforeEntry),
            Some(d) if d > today => errors.push("transfer_date", Problem::ImpossibleDate),
            _ => {}
        }
        match (language, date) {
            (Some(language), Some(date)) if errors.0.is_empty() => Ok(OutTransferDraft { prison, language, date }),
            _ => Err(errors),
        }
    }
}

/// The sections of the consent a handover to an outside service shares.
pub const HANDOVER_SECTIONS: [Section; 5] =
    [Section::Identity, Section::Medication, Section::CarePlan, Section::Risks, Section::Appointments];

/// A risk the handover names, for the receiver to act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Risk {
    /// Opioid tolerance falls in detention: the weeks after release carry a
    /// high risk of overdose.
    OverdoseAfterRelease,
    /// Opioid use without naloxone handed over.
    NoNaloxone,
    /// On OAT at release without a bridging prescription.
    OatNotBridged,
    /// On OAT at a transfer: an interruption brings withdrawal and, after
    /// it, overdose.
    OatInterruption,
}

impl Risk {
    /// Every risk, in the order the document names them.
    pub const ALL: [Risk; 4] =
        [Risk::OverdoseAfterRelease, Risk::NoNaloxone, Risk::OatNotBridged, Risk::OatInterruption];

    /// The Fluent message id that words it.
    pub fn message_id(self) -> &'static str {
        match self {
            Risk::OverdoseAfterRelease => "handover-risk-overdose_after_release",
            Risk::NoNaloxone => "handover-risk-no_naloxone",
            Risk::OatNotBridged => "handover-risk-oat_not_bridged",
            Risk::OatInterruption => "handover-risk-oat_interruption",
        }
    }

    /// The stable code (Fluent key `handover-risk-<code>`).
    pub fn code(self) -> &'static str {
        match self {
            Risk::OverdoseAfterRelease => "overdose_after_release",
            Risk::NoNaloxone => "no_naloxone",
            Risk::OatNotBridged => "oat_not_bridged",
            Risk::OatInterruption => "oat_interruption",
        }
    }
}

/// Every Fluent message id this module can produce (checked in every
/// language by another crate's test).
pub fn message_ids() -> Vec<&'static str> {
    Risk::ALL.map(Risk::message_id).to_vec()
}

/// What the risks are derived from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RiskFacts {
    /// At release (else at a transfer).
    pub at_release: bool,
    /// A prescription of OAT is current.
    pub on_oat: bool,
    /// Naloxone, as the release plan says (`None`: not recorded).
    pub naloxone: Option<Naloxone>,
    /// The bridging prescription, as the release plan says.
    pub bridging: Option<OatBridging>,
}

/// The risks of a handover. Opioid use is assumed unless the release plan
/// says there is none: the person is in the drug care programme.
pub fn risks(facts: RiskFacts) -> Vec<Risk> {
    let opioid_use = facts.naloxone != Some(Naloxone::NoOpioidUse);
    let mut risks = Vec::new();
    if facts.at_release && opioid_use {
        risks.push(Risk::OverdoseAfterRelease);
    }
    if facts.at_release && opioid_use && facts.naloxone != Some(Naloxone::HandedOver) {
        risks.push(Risk::NoNaloxone);
    }
    if facts.at_release && facts.on_oat && facts.bridging != Some(OatBridging::Prescribed) {
        risks.push(Risk::OatNotBridged);
    }
    if !facts.at_release && facts.on_oat {
        risks.push(Risk::OatInterruption);
    }
    risks
}

// Sending and receipt (issue 6, item 6).
pub mod sending;

#[cfg(test)]
mod tests;
