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

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};

use crate::person::required_date;
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

#[cfg(test)]
mod tests;
