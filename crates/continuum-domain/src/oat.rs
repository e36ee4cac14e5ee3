//! Opioid agonist treatment (OAT): prison prescriptions, the treatment a
//! person declares at entry, and whether it continued without interruption.
//!
//! Rules chosen here (DOMAIN.md and issue 5, item 4, name the facts):
//! - **Medicines** are methadone (ATC N07BC02), buprenorphine (N07BC01) and
//!   buprenorphine in combination, i.e. with naloxone (N07BC51); the codes
//!   are DOMAIN.md's "Codes and exchange" (WHO ATC index).
//! - **A dose** is a daily dose in milligrams, with at most three decimals
//!   (`0.4`, `8`, `8,5`). A dose that cannot be is refused: zero or less,
//!   or more than [`OatMedicine::impossible_above`]. A dose outside the
//!   usual range ([`OatMedicine::usual_range`]) is accepted only once the
//!   user confirms it: the WHO guidelines for the psychosocially assisted
//!   pharmacological treatment of opioid dependence (2009) advise methadone
//!   maintenance at 60 to 120 mg a day and buprenorphine at 8 to 24 mg (at
//!   most 32 mg); the usual range is wider than that (induction and tapering
//!   doses are lower), so the warning catches typing errors, not practice.
//! - **A prescription** has a prescriber, a start, and a stop once it ends
//!   (not before its start), and says whether the doses are taken under
//!   observation. A change of dose is a new prescription.
//! - **Continuity at entry** ([`ContinuityClock`]): the register holds the
//!   day of entry, not the hour. The 24 hours run from the entry's
//!   registration, or from the end of the entry day if the entry was
//!   registered later (a late registration never postpones the alert). A
//!   prison prescription counts when it was recorded from the start of the
//!   entry day up to that deadline. Without one, the declaration is an
//!   urgent alert once the deadline has passed, until the medical service
//!   records whether the treatment continued without interruption (and why
//!   not), which is what indicator 6 counts.
//! - The day of a date is the prison's own (Belgium, at most two hours
//!   ahead of UTC): a day starts at 22:00 UTC the day before, so no deadline
//!   falls later than it would in Brussels time.

use jiff::civil::Date;
use jiff::{SignedDuration, Timestamp};

use crate::person::{optional_date, required_date};
use crate::validation::{self, Invalid, Problem};

/// The longest free text of this module (prescriber, notes), in characters.
pub const TEXT_MAX_CHARS: usize = 500;

crate::care::coded!(
    /// A medicine of opioid agonist treatment, the one type of the whole
    /// domain: the intake's treatment outside, prison prescriptions, entry
    /// declarations, handovers and FHIR all name a medicine with it.
    OatMedicine, "oat-medicine", {
        /// Methadone, ATC N07BC02.
        Methadone => "methadone",
        /// Buprenorphine, ATC N07BC01.
        Buprenorphine => "buprenorphine",
        /// Buprenorphine with naloxone, ATC N07BC51.
        BuprenorphineNaloxone => "buprenorphine_naloxone",
        /// Another opioid agonist: only as treatment taken outside, told at
        /// the intake; the prison prescribes and declares only
        /// [`OatMedicine::PRESCRIBED`].
        Other => "other",
    }
);

impl OatMedicine {
    /// The medicines of prison prescriptions and entry declarations, in
    /// form order: those with an ATC code of their own.
    pub const PRESCRIBED: [OatMedicine; 3] =
        [OatMedicine::Methadone, OatMedicine::Buprenorphine, OatMedicine::BuprenorphineNaloxone];

    /// The medicine of a prescription or a declaration with this code
    /// (never [`OatMedicine::Other`]).
    pub fn prescribed(code: &str) -> Option<OatMedicine> {
        OatMedicine::from_code(code).filter(|medicine| OatMedicine::PRESCRIBED.contains(medicine))
    }

    /// The WHO ATC code (DOMAIN.md, "Codes and exchange"), where the
    /// medicine has one of its own.
    pub fn atc(self) -> Option<&'static str> {
        match self {
            OatMedicine::Methadone => Some("N07BC02"),
            OatMedicine::Buprenorphine => Some("N07BC01"),
            OatMedicine::BuprenorphineNaloxone => Some("N07BC51"),
            OatMedicine::Other => None,
        }
    }

    /// The usual daily doses of a prison prescription, in whole milligrams
    /// (see the module's rules); none for another agonist.
    pub fn usual_range(self) -> Option<(i64, i64)> {
        match self {
            OatMedicine::Methadone => Some((5, 200)),
            OatMedicine::Buprenorphine | OatMedicine::BuprenorphineNaloxone => Some((1, 32)),
            OatMedicine::Other => None,
        }
    }

    /// The highest daily dose in mg of treatment taken outside that the
    /// intake takes without confirming: methadone maintenance rarely exceeds
    /// 200 mg; 24 mg is the highest daily dose of buprenorphine in its
    /// European product information.
    pub fn usual_up_to(self) -> Option<i64> {
        match self {
            OatMedicine::Methadone => Some(200),
            OatMedicine::Buprenorphine | OatMedicine::BuprenorphineNaloxone => Some(24),
            OatMedicine::Other => None,
        }
    }

    /// Above this daily dose, in milligrams, a dose cannot be.
    pub fn impossible_above(self) -> i64 {
        match self {
            OatMedicine::Methadone | OatMedicine::Other => 1000,
            OatMedicine::Buprenorphine | OatMedicine::BuprenorphineNaloxone => 100,
        }
    }
}

/// A daily dose, kept in micrograms so that decimals stay exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Dose(i64);

impl Dose {
    /// A dose of this many micrograms (as stored).
    pub fn from_micrograms(micrograms: i64) -> Dose {
        Dose(micrograms)
    }

    /// The dose in micrograms.
    pub fn micrograms(self) -> i64 {
        self.0
    }

    /// The dose in milligrams, for FHIR's decimals.
    pub fn milligrams(self) -> f64 {
        self.0 as f64 / 1000.0
    }

    /// Reads milligrams as typed: digits with at most three decimals after
    /// a point or a comma (French and Dutch write `8,5`).
    pub fn parse(text: &str) -> Option<Dose> {
        let text = text.trim().replace(',', ".");
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(fraction) || fraction.len() > 3 || whole.len() > 6 {
            return None;
        }
        let whole: i64 = whole.parse().ok()?;
        let fraction: i64 = format!("{fraction:0<3}").parse().ok()?;
        Some(Dose(whole * 1000 + fraction))
    }
}

impl std::fmt::Display for Dose {
    /// Milligrams without needless decimals: `8`, `0.4`, `8.25`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (whole, fraction) = (self.0 / 1000, self.0 % 1000);
        if fraction == 0 {
            write!(f, "{whole}")
        } else {
            write!(f, "{whole}.{}", format!("{fraction:03}").trim_end_matches('0'))
        }
    }
}

/// Checks a typed dose of `medicine`: refused when it cannot be, held back
/// until `confirmed` when outside the usual range.
fn dose(
    errors: &mut Invalid,
    field: &'static str,
    text: &str,
    medicine: Option<OatMedicine>,
    confirmed: bool,
) -> Option<Dose> {
    if text.trim().is_empty() {
        errors.push(field, Problem::Required);
        return None;
    }
    let Some(dose) = Dose::parse(text) else {
        errors.push(field, Problem::InvalidFormat);
        return None;
    };
    let medicine = medicine?;
    if dose.0 <= 0 || dose.0 > medicine.impossible_above() * 1000 {
        errors.push(field, Problem::DoseImpossible);
    } else if let Some((low, high)) = medicine.usual_range()
        && (dose.0 < low * 1000 || dose.0 > high * 1000)
        && !confirmed
    {
        errors.push(field, Problem::DoseUnusual { min: low, max: high });
    }
    Some(dose)
}

fn medicine(errors: &mut Invalid, text: &str) -> Option<OatMedicine> {
    let medicine = OatMedicine::prescribed(text);
    if medicine.is_none() {
        errors.push("medicine", if text.trim().is_empty() { Problem::Required } else { Problem::InvalidFormat });
    }
    medicine
}

/// An optional free text: trimmed, at most [`TEXT_MAX_CHARS`]; blank is none.
fn optional_text(errors: &mut Invalid, field: &'static str, text: &str) -> Option<String> {
    let text = validation::text(errors, field, text, 0, TEXT_MAX_CHARS);
    (!text.is_empty()).then_some(text)
}

/// The raw fields of a prescription, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PrescriptionFields<'a> {
    /// An [`OatMedicine`] code.
    pub medicine: &'a str,
    /// Milligrams a day.
    pub daily_dose: &'a str,
    /// Who prescribed.
    pub prescriber: &'a str,
    /// First day.
    pub start_date: &'a str,
    /// Last day, or empty while it runs.
    pub stop_date: &'a str,
    /// Whether the doses are taken under observation.
    pub observed: bool,
    /// A note, or empty.
    pub note: &'a str,
    /// The user confirmed a dose outside the usual range.
    pub confirm_dose: bool,
}

/// A prison prescription of OAT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrescriptionDraft {
    /// The medicine.
    pub medicine: OatMedicine,
    /// The daily dose.
    pub daily_dose: Dose,
    /// Who prescribed.
    pub prescriber: String,
    /// First day.
    pub start_date: Date,
    /// Last day, once known.
    pub stop_date: Option<Date>,
    /// Doses taken under observation.
    pub observed: bool,
    /// A note.
    pub note: Option<String>,
}

impl PrescriptionDraft {
    /// Validates a prescription.
    pub fn parse(fields: &PrescriptionFields<'_>) -> Result<PrescriptionDraft, Invalid> {
        let mut errors = Invalid::default();
        let medicine = medicine(&mut errors, fields.medicine);
        let daily_dose = dose(&mut errors, "daily_dose", fields.daily_dose, medicine, fields.confirm_dose);
        let prescriber = validation::text(&mut errors, "prescriber", fields.prescriber, 1, TEXT_MAX_CHARS);
        let start_date = required_date(&mut errors, "start_date", fields.start_date);
        let stop_date = optional_date(&mut errors, "stop_date", fields.stop_date);
        if let (Some(start), Some(stop)) = (start_date, stop_date)
            && stop < start
        {
            errors.push("stop_date", Problem::DateOrder);
        }
        let note = optional_text(&mut errors, "note", fields.note);
        match (medicine, daily_dose, start_date) {
            (Some(medicine), Some(daily_dose), Some(start_date)) if errors.0.is_empty() => Ok(PrescriptionDraft {
                medicine,
                daily_dose,
                prescriber,
                start_date,
                stop_date,
                observed: fields.observed,
                note,
            }),
            _ => Err(errors),
        }
    }
}

/// The end of a running prescription that began on `start`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StopDraft {
    /// Last day.
    pub stop_date: Date,
    /// Why, if said.
    pub reason: Option<String>,
}

impl StopDraft {
    /// Validates the stop of a prescription that began on `start`.
    pub fn parse(stop_date: &str, reason: &str, start: Date) -> Result<StopDraft, Invalid> {
        let mut errors = Invalid::default();
        let date = required_date(&mut errors, "stop_date", stop_date);
        if date.is_some_and(|d| d < start) {
            errors.push("stop_date", Problem::DateOrder);
        }
        let reason = optional_text(&mut errors, "reason", reason);
        match date {
            Some(stop_date) if errors.0.is_empty() => Ok(StopDraft { stop_date, reason }),
            _ => Err(errors),
        }
    }
}

/// The raw fields of the treatment a person declares at entry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeclarationFields<'a> {
    /// An [`OatMedicine`] code.
    pub medicine: &'a str,
    /// Milligrams a day.
    pub daily_dose: &'a str,
    /// The day of the last dose taken outside.
    pub last_dose_date: &'a str,
    /// The prescriber outside, or empty.
    pub prescriber: &'a str,
    /// The user confirmed a dose outside the usual range.
    pub confirm_dose: bool,
}

/// OAT outside, declared at entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeclarationDraft {
    /// The medicine.
    pub medicine: OatMedicine,
    /// The daily dose.
    pub daily_dose: Dose,
    /// The day of the last dose taken outside.
    pub last_dose_date: Date,
    /// The prescriber outside.
    pub prescriber: Option<String>,
}

impl DeclarationDraft {
    /// Validates a declaration; the last dose lies not after `today`.
    pub fn parse(fields: &DeclarationFields<'_>, today: Date) -> Result<DeclarationDraft, Invalid> {
        let mut errors = Invalid::default();
        let medicine = medicine(&mut errors, fields.medicine);
        let daily_dose = dose(&mut errors, "daily_dose", fields.daily_dose, medicine, fields.confirm_dose);
        let last_dose_date = required_date(&mut errors, "last_dose_date", fields.last_dose_date);
        if last_dose_date.is_some_and(|d| d > today) {
            errors.push("last_dose_date", Problem::ImpossibleDate);
        }
        let prescriber = optional_text(&mut errors, "prescriber", fields.prescriber);
        match (medicine, daily_dose, last_dose_date) {
            (Some(medicine), Some(daily_dose), Some(last_dose_date)) if errors.0.is_empty() => {
                Ok(DeclarationDraft { medicine, daily_dose, last_dose_date, prescriber })
            }
            _ => Err(errors),
        }
    }
}

/// Why a treatment declared at entry did not continue without interruption.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InterruptionReason {
    /// The treatment outside could not be confirmed in time.
    NotVerified,
    /// The prison prescription came too late: doses were missed.
    LatePrescription,
    /// The person declined to go on.
    PersonDeclined,
    /// The doctor decided to stop or change the treatment.
    ClinicalDecision,
    /// Anything else (said in the note).
    Other,
}

impl InterruptionReason {
    /// Every reason, in form order.
    pub const ALL: [InterruptionReason; 5] = [
        InterruptionReason::NotVerified,
        InterruptionReason::LatePrescription,
        InterruptionReason::PersonDeclined,
        InterruptionReason::ClinicalDecision,
        InterruptionReason::Other,
    ];

    /// The stable code (Fluent key `oat-interruption-<code>`).
    pub fn code(self) -> &'static str {
        match self {
            InterruptionReason::NotVerified => "not_verified",
            InterruptionReason::LatePrescription => "late_prescription",
            InterruptionReason::PersonDeclined => "person_declined",
            InterruptionReason::ClinicalDecision => "clinical_decision",
            InterruptionReason::Other => "other",
        }
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<InterruptionReason> {
        InterruptionReason::ALL.into_iter().find(|r| r.code() == code.trim())
    }
}

/// The raw fields of the continuity record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContinuityFields<'a> {
    /// `yes` or `no`.
    pub continued: &'a str,
    /// An [`InterruptionReason`] code when not continued.
    pub reason: &'a str,
    /// A note; required with the reason `other`.
    pub note: &'a str,
}

/// Whether the treatment declared at entry continued without interruption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContinuityDraft {
    /// Continued without interruption.
    pub continued: bool,
    /// Why not.
    pub reason: Option<InterruptionReason>,
    /// A note.
    pub note: Option<String>,
}

impl ContinuityDraft {
    /// Validates a continuity record: a reason when not continued, and a
    /// note when that reason is `other`; no reason when continued.
    pub fn parse(fields: &ContinuityFields<'_>) -> Result<ContinuityDraft, Invalid> {
        let mut errors = Invalid::default();
        let continued = match fields.continued.trim() {
            "yes" => Some(true),
            "no" => Some(false),
            "" => {
                errors.push("continued", Problem::Required);
                None
            }
            _ => {
                errors.push("continued", Problem::InvalidFormat);
                None
            }
        };
        let reason = InterruptionReason::parse(fields.reason);
        let note = optional_text(&mut errors, "note", fields.note);
        match (continued, reason) {
            (Some(false), None) if fields.reason.trim().is_empty() => errors.push("reason", Problem::Required),
            (_, None) if !fields.reason.trim().is_empty() => errors.push("reason", Problem::InvalidFormat),
            (Some(true), Some(_)) => errors.push("reason", Problem::InvalidFormat),
            (Some(false), Some(InterruptionReason::Other)) if note.is_none() => errors.push("note", Problem::Required),
            _ => {}
        }
        match continued {
            Some(continued) if errors.0.is_empty() => Ok(ContinuityDraft { continued, reason, note }),
            _ => Err(errors),
        }
    }
}

/// The hours the medical service has to prescribe after entry.
pub const CONTINUITY_HOURS: i64 = 24;

/// When the prison's day `date` begins, in UTC (22:00 UTC the day before:
/// see the module's rules).
pub fn start_of_day(date: Date) -> Timestamp {
    let midnight_utc = date.to_zoned(jiff::tz::TimeZone::UTC).map(|z| z.timestamp()).unwrap_or(Timestamp::UNIX_EPOCH);
    midnight_utc.checked_sub(SignedDuration::from_hours(2)).unwrap_or(midnight_utc)
}

/// The 24 hours after an entry in which a prison prescription must follow
/// OAT declared outside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContinuityClock {
    /// A prescription recorded from then counts (the start of the entry day).
    pub from: Timestamp,
    /// And until then.
    pub deadline: Timestamp,
}

impl ContinuityClock {
    /// The clock of an entry on `entry_date` registered at `registered_at`.
    pub fn of_entry(entry_date: Date, registered_at: Timestamp) -> ContinuityClock {
        let from = start_of_day(entry_date);
        let end_of_entry_day = entry_date.tomorrow().map(start_of_day).unwrap_or(from);
        let entered = registered_at.clamp(from, end_of_entry_day);
        let deadline = entered.checked_add(SignedDuration::from_hours(CONTINUITY_HOURS)).unwrap_or(entered);
        ContinuityClock { from, deadline }
    }

    /// Whether a prescription recorded at `recorded_at` came in time.
    pub fn in_time(&self, recorded_at: Timestamp) -> bool {
        recorded_at >= self.from && recorded_at <= self.deadline
    }
}

/// Where OAT declared at entry stands, until its continuity is recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ContinuityStatus {
    /// No prison prescription and the 24 hours are past: an urgent alert.
    Urgent,
    /// No prison prescription yet, within the 24 hours.
    Due,
    /// Prescribed in time; the continuity is still to be recorded.
    Prescribed,
}

impl ContinuityStatus {
    /// Where it stands at `now`, given whether a prescription came in time.
    pub fn at(clock: ContinuityClock, prescribed_in_time: bool, now: Timestamp) -> ContinuityStatus {
        match (prescribed_in_time, now > clock.deadline) {
            (true, _) => ContinuityStatus::Prescribed,
            (false, true) => ContinuityStatus::Urgent,
            (false, false) => ContinuityStatus::Due,
        }
    }

    /// The stable code (Fluent key `oat-continuity-status-<code>`).
    pub fn code(self) -> &'static str {
        match self {
            ContinuityStatus::Urgent => "urgent",
            ContinuityStatus::Due => "due",
            ContinuityStatus::Prescribed => "prescribed",
        }
    }
}

#[cfg(test)]
mod tests;
