//! Consent (DOMAIN.md, "Consent"; issue 6, item 1): what a person agreed
//! to or refused, and the one question the access policy asks of it.
//!
//! A [`Consent`] is of one kind ([`ConsentTerms`]): screening, treatment,
//! sharing with a named recipient for a purpose and a period with the
//! sections it covers, research use of pseudonymised data, or contact after
//! release. Each is granted or refused on a date, in force from `valid_from`
//! to `valid_until` (inclusive, Belgian calendar days) unless withdrawn.
//!
//! Rules written down:
//! - **The latest word counts.** Among the consents in force that name the
//!   recipient and cover the section, the one given last (by date, then by
//!   the order recorded) decides: a refusal given after a grant closes the
//!   data again, a grant after a refusal opens it.
//! - **Withdrawal and expiry take effect at once.** A consent withdrawn at
//!   instant `w` does not count for any reading at or after `w`; a consent
//!   valid until day `d` does not count once day `d` has ended in Belgium.
//!   [`check`] is asked on every request, so the next request is refused.
//! - **A named recipient only.** A sharing consent names the psychosocial
//!   service of the person's prison, or one organisation of the directory
//!   (whose workers read); nothing else reads on the strength of it.
//! - **The psychosocial service is never given clinical content**: a
//!   sharing consent with it covers only participation and referral status
//!   ([`Section::for_psychosocial_service`]).
//! - **A granted sharing consent needs an end date**: sharing is "for a
//!   period"; the other kinds may run without one.
//! - **A missing consent is named**: [`check`] answers which recipient and
//!   section lack a consent, and why (none, section not covered, refused,
//!   withdrawn, expired, not yet valid), for the audit trail and messages.

use jiff::Timestamp;
use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;

use crate::ids::{ConsentId, OrganisationId};
use crate::person::{language_code, optional_date, required_date};
use crate::validation::{self, Invalid, Problem};

#[cfg(test)]
mod tests;

/// What a consent is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ConsentKind {
    /// Being screened at entry.
    Screening,
    /// Care and treatment in the programme.
    Treatment,
    /// Sharing data with a named recipient.
    Sharing,
    /// Research use of pseudonymised data.
    Research,
    /// Being contacted after release (follow-up at 7 and 30 days).
    ContactAfterRelease,
}

impl ConsentKind {
    /// Every kind.
    pub const ALL: [ConsentKind; 5] = [
        ConsentKind::Screening,
        ConsentKind::Treatment,
        ConsentKind::Sharing,
        ConsentKind::Research,
        ConsentKind::ContactAfterRelease,
    ];

    /// The stable code, for storage, the API and Fluent keys.
    pub fn code(self) -> &'static str {
        match self {
            ConsentKind::Screening => "screening",
            ConsentKind::Treatment => "treatment",
            ConsentKind::Sharing => "sharing",
            ConsentKind::Research => "research",
            ConsentKind::ContactAfterRelease => "contact_after_release",
        }
    }

    /// The kind with this code.
    pub fn parse(code: &str) -> Option<ConsentKind> {
        ConsentKind::ALL.into_iter().find(|k| k.code() == code.trim())
    }
}

/// Whether the person agreed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConsentDecision {
    /// The person agreed.
    Granted,
    /// The person refused.
    Refused,
}

impl ConsentDecision {
    /// Both decisions.
    pub const ALL: [ConsentDecision; 2] = [ConsentDecision::Granted, ConsentDecision::Refused];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            ConsentDecision::Granted => "granted",
            ConsentDecision::Refused => "refused",
        }
    }

    /// The decision with this code.
    pub fn parse(code: &str) -> Option<ConsentDecision> {
        ConsentDecision::ALL.into_iter().find(|d| d.code() == code.trim())
    }
}

/// Who a sharing consent lets read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Recipient {
    /// The psychosocial service of the prison where the person is held.
    PsychosocialService,
    /// An organisation of the directory of care providers: its workers.
    Organisation(OrganisationId),
}

impl Recipient {
    /// The stable code of the recipient's kind (`psychosocial_service`,
    /// `organisation`).
    pub fn kind_code(self) -> &'static str {
        match self {
            Recipient::PsychosocialService => "psychosocial_service",
            Recipient::Organisation(_) => "organisation",
        }
    }

    /// The recipient of a kind code and, for an organisation, its id.
    pub fn parse(kind: &str, organisation: Option<i64>) -> Option<Recipient> {
        match (kind.trim(), organisation) {
            ("psychosocial_service", _) => Some(Recipient::PsychosocialService),
            ("organisation", Some(id)) => Some(Recipient::Organisation(OrganisationId(id))),
            _ => None,
        }
    }

    /// The organisation named, if any.
    pub fn organisation(self) -> Option<OrganisationId> {
        match self {
            Recipient::PsychosocialService => None,
            Recipient::Organisation(id) => Some(id),
        }
    }

    /// Whether the recipient may ever be given this section.
    pub fn may_receive(self, section: Section) -> bool {
        match self {
            Recipient::PsychosocialService => Section::for_psychosocial_service().contains(&section),
            Recipient::Organisation(_) => true,
        }
    }
}

impl std::fmt::Display for Recipient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Recipient::PsychosocialService => f.write_str("psychosocial_service"),
            Recipient::Organisation(id) => write!(f, "organisation:{id}"),
        }
    }
}

/// A part of a person's file that a sharing consent covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    /// Whether the person takes part in the programme.
    Participation,
    /// The status of the person's referrals (not their contents).
    ReferralStatus,
    /// Who the person is: name, date of birth, languages, contact.
    Identity,
    /// Screening results.
    Screening,
    /// The care plan: goals and interventions.
    CarePlan,
    /// Medication and opioid agonist treatment, naloxone.
    Medication,
    /// Risks (overdose, health) known to the treating team.
    Risks,
    /// Appointments made with the recipient.
    Appointments,
}

impl Section {
    /// Every section, in the order shown.
    pub const ALL: [Section; 8] = [
        Section::Participation,
        Section::ReferralStatus,
        Section::Identity,
        Section::Screening,
        Section::CarePlan,
        Section::Medication,
        Section::Risks,
        Section::Appointments,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Section::Participation => "participation",
            Section::ReferralStatus => "referral_status",
            Section::Identity => "identity",
            Section::Screening => "screening",
            Section::CarePlan => "care_plan",
            Section::Medication => "medication",
            Section::Risks => "risks",
            Section::Appointments => "appointments",
        }
    }

    /// The section with this code.
    pub fn parse(code: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.code() == code.trim())
    }

    /// The sections the psychosocial service may be given: never clinical
    /// content (DOMAIN.md, "Roles").
    pub fn for_psychosocial_service() -> &'static [Section] {
        &[Section::Participation, Section::ReferralStatus]
    }
}

/// What a sharing consent is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SharingPurpose {
    /// Continuity of care (HL7 v3 ActReason `TREAT`).
    ContinuityOfCare,
    /// Coordination of care between services (`COC`).
    CareCoordination,
    /// At the person's own request, e.g. to show participation to the
    /// psychosocial service (`PATRQT`).
    PersonsRequest,
}

impl SharingPurpose {
    /// Every purpose.
    pub const ALL: [SharingPurpose; 3] =
        [SharingPurpose::ContinuityOfCare, SharingPurpose::CareCoordination, SharingPurpose::PersonsRequest];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            SharingPurpose::ContinuityOfCare => "continuity_of_care",
            SharingPurpose::CareCoordination => "care_coordination",
            SharingPurpose::PersonsRequest => "persons_request",
        }
    }

    /// The purpose with this code.
    pub fn parse(code: &str) -> Option<SharingPurpose> {
        SharingPurpose::ALL.into_iter().find(|p| p.code() == code.trim())
    }

    /// The HL7 v3 ActReason (purpose of use) code.
    pub fn act_reason(self) -> &'static str {
        match self {
            SharingPurpose::ContinuityOfCare => "TREAT",
            SharingPurpose::CareCoordination => "COC",
            SharingPurpose::PersonsRequest => "PATRQT",
        }
    }
}

/// The terms of a sharing consent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sharing {
    /// Who may read.
    pub recipient: Recipient,
    /// What for.
    pub purpose: SharingPurpose,
    /// What they may read (at least one, in [`Section::ALL`] order, no repeats).
    pub sections: Vec<Section>,
}

impl Sharing {
    /// Whether the consent covers this section.
    pub fn covers(&self, section: Section) -> bool {
        self.sections.contains(&section)
    }
}

/// What a consent is about, with the terms of a sharing consent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConsentTerms {
    /// Being screened.
    Screening,
    /// Care and treatment.
    Treatment,
    /// Sharing with a named recipient.
    Sharing(Sharing),
    /// Research use of pseudonymised data.
    Research,
    /// Contact after release.
    ContactAfterRelease,
}

impl ConsentTerms {
    /// The kind.
    pub fn kind(&self) -> ConsentKind {
        match self {
            ConsentTerms::Screening => ConsentKind::Screening,
            ConsentTerms::Treatment => ConsentKind::Treatment,
            ConsentTerms::Sharing(_) => ConsentKind::Sharing,
            ConsentTerms::Research => ConsentKind::Research,
            ConsentTerms::ContactAfterRelease => ConsentKind::ContactAfterRelease,
        }
    }

    /// The sharing terms, for a sharing consent.
    pub fn sharing(&self) -> Option<&Sharing> {
        match self {
            ConsentTerms::Sharing(sharing) => Some(sharing),
            _ => None,
        }
    }
}

/// A consent as recorded: what decides whether it counts at an instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consent {
    /// Id.
    pub id: ConsentId,
    /// What it is about.
    pub terms: ConsentTerms,
    /// Granted or refused.
    pub decision: ConsentDecision,
    /// The day the person gave it.
    pub given_on: Date,
    /// The first day it counts.
    pub valid_from: Date,
    /// The last day it counts, if it ends.
    pub valid_until: Option<Date>,
    /// When it was withdrawn, if it was.
    pub withdrawn_at: Option<Timestamp>,
}

/// Whether a consent counts at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Standing {
    /// It counts.
    InForce,
    /// Its first day has not come yet.
    NotYetValid,
    /// Its last day is over.
    Expired,
    /// It was withdrawn.
    Withdrawn,
}

impl Standing {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Standing::InForce => "in_force",
            Standing::NotYetValid => "not_yet_valid",
            Standing::Expired => "expired",
            Standing::Withdrawn => "withdrawn",
        }
    }
}

impl Consent {
    /// Whether the consent counts at `at`. Withdrawal goes first: a
    /// withdrawn consent stays withdrawn whatever its period.
    pub fn standing(&self, at: Timestamp) -> Standing {
        if self.withdrawn_at.is_some_and(|w| w <= at) {
            return Standing::Withdrawn;
        }
        let today = belgian_date(at);
        if today < self.valid_from {
            Standing::NotYetValid
        } else if self.valid_until.is_some_and(|until| today > until) {
            Standing::Expired
        } else {
            Standing::InForce
        }
    }

    /// The order in which consents were given: by date, then as recorded.
    fn given_order(&self) -> (Date, ConsentId) {
        (self.given_on, self.id)
    }
}

/// Why no consent lets a recipient read a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lack {
    /// No sharing consent names the recipient.
    NoneRecorded,
    /// The recipient's consents do not cover the section (the latest one named).
    SectionNotCovered(ConsentId),
    /// The latest word of the person is a refusal.
    Refused(ConsentId),
    /// The latest consent was withdrawn.
    Withdrawn(ConsentId),
    /// The latest consent's period is over.
    Expired(ConsentId),
    /// The latest consent's period has not begun.
    NotYetValid(ConsentId),
}

impl Lack {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Lack::NoneRecorded => "none",
            Lack::SectionNotCovered(_) => "section_not_covered",
            Lack::Refused(_) => "refused",
            Lack::Withdrawn(_) => "withdrawn",
            Lack::Expired(_) => "expired",
            Lack::NotYetValid(_) => "not_yet_valid",
        }
    }

    /// The consent concerned, if one was recorded.
    pub fn consent(self) -> Option<ConsentId> {
        match self {
            Lack::NoneRecorded => None,
            Lack::SectionNotCovered(id)
            | Lack::Refused(id)
            | Lack::Withdrawn(id)
            | Lack::Expired(id)
            | Lack::NotYetValid(id) => Some(id),
        }
    }
}

/// The consent that is missing: the recipient, the section and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MissingConsent {
    /// Who wanted to read.
    pub recipient: Recipient,
    /// What.
    pub section: Section,
    /// Why no consent allows it.
    pub lack: Lack,
}

impl MissingConsent {
    /// The reason written to the audit trail, e.g.
    /// `consent_missing recipient=organisation:3 section=care_plan lack=withdrawn consent=12`.
    pub fn audit_reason(&self) -> String {
        let consent = self.lack.consent().map(|id| format!(" consent={id}")).unwrap_or_default();
        format!(
            "consent_missing recipient={} section={} lack={}{consent}",
            self.recipient,
            self.section.code(),
            self.lack.code()
        )
    }

    /// The Fluent message id that says which consent is missing.
    pub fn message_id(&self) -> &'static str {
        match self.lack {
            Lack::NoneRecorded => "consent-missing-none",
            Lack::SectionNotCovered(_) => "consent-missing-section",
            Lack::Refused(_) => "consent-missing-refused",
            Lack::Withdrawn(_) => "consent-missing-withdrawn",
            Lack::Expired(_) => "consent-missing-expired",
            Lack::NotYetValid(_) => "consent-missing-not-yet-valid",
        }
    }
}

/// The answer to "may this recipient read this section now?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// Yes, on the strength of this consent.
    Allowed(ConsentId),
    /// No: this consent is missing.
    Missing(MissingConsent),
}

impl Verdict {
    /// Whether reading is allowed.
    pub fn is_allowed(self) -> bool {
        matches!(self, Verdict::Allowed(_))
    }
}

/// Does this person's consent set allow `recipient` to read `section` at
/// `at`? The pure question the access policy asks on every read.
pub fn check(consents: &[Consent], recipient: Recipient, section: Section, at: Timestamp) -> Verdict {
    let missing = |lack| Verdict::Missing(MissingConsent { recipient, section, lack });
    let naming: Vec<(&Consent, &Sharing)> = consents
        .iter()
        .filter_map(|c| c.terms.sharing().filter(|s| s.recipient == recipient).map(|s| (c, s)))
        .collect();
    if naming.is_empty() {
        return missing(Lack::NoneRecorded);
    }
    let covering: Vec<&Consent> = naming.iter().filter(|(_, s)| s.covers(section)).map(|(c, _)| *c).collect();
    let Some(latest_covering) = covering.iter().copied().max_by_key(|c| c.given_order()) else {
        let latest = naming.iter().map(|(c, _)| *c).max_by_key(|c| c.given_order());
        return missing(latest.map_or(Lack::NoneRecorded, |c| Lack::SectionNotCovered(c.id)));
    };
    let in_force = covering.iter().copied().filter(|c| c.standing(at) == Standing::InForce);
    match in_force.max_by_key(|c| c.given_order()) {
        Some(c) if c.decision == ConsentDecision::Granted => Verdict::Allowed(c.id),
        Some(c) => missing(Lack::Refused(c.id)),
        None => missing(match latest_covering.standing(at) {
            Standing::Withdrawn => Lack::Withdrawn(latest_covering.id),
            Standing::Expired => Lack::Expired(latest_covering.id),
            Standing::NotYetValid | Standing::InForce => Lack::NotYetValid(latest_covering.id),
        }),
    }
}

/// The person's latest word in force at `at` on a kind other than sharing
/// (research, contact after release, screening, treatment): the consent
/// and its decision, or `None` when nothing of that kind is in force.
pub fn decision_in_force(
    consents: &[Consent],
    kind: ConsentKind,
    at: Timestamp,
) -> Option<(ConsentId, ConsentDecision)> {
    consents
        .iter()
        .filter(|c| c.terms.kind() == kind && c.standing(at) == Standing::InForce)
        .max_by_key(|c| c.given_order())
        .map(|c| (c.id, c.decision))
}

/// The calendar day in Belgium at an instant: UTC+1, and UTC+2 from the
/// last Sunday of March to the last Sunday of October at 01:00 UTC (the EU
/// rule since 1996). Computed here so the domain needs no time-zone database.
pub fn belgian_date(at: Timestamp) -> Date {
    belgian_datetime(at).date()
}

/// The wall-clock time in Belgium at an instant (see [`belgian_date`]).
pub fn belgian_datetime(at: Timestamp) -> jiff::civil::DateTime {
    let offset = jiff::SignedDuration::from_hours(belgian_offset_hours(at));
    at.checked_add(offset).unwrap_or(at).to_zoned(TimeZone::UTC).datetime()
}

/// Hours Belgium is ahead of UTC at an instant: 2 in summer time, else 1.
pub fn belgian_offset_hours(at: Timestamp) -> i64 {
    let year = at.to_zoned(TimeZone::UTC).date().year();
    let summer_starts = last_sunday_at_one_utc(year, 3);
    let summer_ends = last_sunday_at_one_utc(year, 10);
    let summer = matches!((summer_starts, summer_ends), (Some(s), Some(e)) if s <= at && at < e);
    if summer { 2 } else { 1 }
}

/// The instant of a Belgian wall-clock time. In the hour skipped in spring
/// the winter offset is taken; in the hour repeated in autumn, the first.
pub fn belgian_instant(local: jiff::civil::DateTime) -> Option<Timestamp> {
    let as_utc = local.to_zoned(TimeZone::UTC).ok()?.timestamp();
    [2, 1]
        .into_iter()
        .find_map(|hours| {
            let at = as_utc.checked_sub(jiff::SignedDuration::from_hours(hours)).ok()?;
            (belgian_offset_hours(at) == hours).then_some(at)
        })
        .or_else(|| as_utc.checked_sub(jiff::SignedDuration::from_hours(1)).ok())
}

/// 01:00 UTC on the last Sunday of a 31-day month.
fn last_sunday_at_one_utc(year: i16, month: i8) -> Option<Timestamp> {
    let last = Date::new(year, month, 31).ok()?;
    let sunday = Date::new(year, month, 31 - last.weekday().to_sunday_zero_offset()).ok()?;
    debug_assert_eq!(sunday.weekday(), Weekday::Sunday);
    sunday.at(1, 0, 0, 0).to_zoned(TimeZone::UTC).ok().map(|z| z.timestamp())
}

/// The fields of a consent as typed (form or API).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConsentFields<'a> {
    /// A [`ConsentKind`] code.
    pub kind: &'a str,
    /// `granted` or `refused`.
    pub decision: &'a str,
    /// The day the person gave it.
    pub given_on: &'a str,
    /// The language the consent was explained in (ISO 639-1).
    pub explanation_language: &'a str,
    /// The first day it counts (default: the day given).
    pub valid_from: &'a str,
    /// The last day it counts (required for a granted sharing consent).
    pub valid_until: &'a str,
    /// Sharing: `psychosocial_service` or `organisation`.
    pub recipient: &'a str,
    /// Sharing with an organisation: its id.
    pub organisation: Option<i64>,
    /// Sharing: a [`SharingPurpose`] code.
    pub purpose: &'a str,
    /// Sharing: [`Section`] codes.
    pub sections: &'a [String],
    /// A note (optional).
    pub note: &'a str,
}

/// A consent ready to be recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentDraft {
    /// What it is about.
    pub terms: ConsentTerms,
    /// Granted or refused.
    pub decision: ConsentDecision,
    /// The day given.
    pub given_on: Date,
    /// The language of the explanation (ISO 639-1).
    pub explanation_language: String,
    /// The first day it counts.
    pub valid_from: Date,
    /// The last day it counts.
    pub valid_until: Option<Date>,
    /// A note.
    pub note: String,
}

/// The earliest day a consent may be dated.
fn earliest_day() -> Date {
    jiff::civil::date(2000, 1, 1)
}

impl ConsentDraft {
    /// Validates the fields; `today` bounds the day given.
    pub fn parse(fields: &ConsentFields<'_>, today: Date) -> Result<ConsentDraft, Invalid> {
        let mut errors = Invalid::default();
        let kind = choice(&mut errors, "kind", fields.kind, ConsentKind::parse);
        let decision = choice(&mut errors, "decision", fields.decision, ConsentDecision::parse);
        let given_on = required_date(&mut errors, "given_on", fields.given_on);
        if given_on.is_some_and(|d| d > today || d < earliest_day()) {
            errors.push("given_on", Problem::ImpossibleDate);
        }
        let explanation_language = language_code(fields.explanation_language);
        if explanation_language.is_none() {
            let empty = fields.explanation_language.trim().is_empty();
            errors.push("explanation_language", if empty { Problem::Required } else { Problem::InvalidFormat });
        }
        let valid_from = optional_date(&mut errors, "valid_from", fields.valid_from).or(given_on);
        if let (Some(from), Some(given)) = (valid_from, given_on)
            && from < given
        {
            errors.push("valid_from", Problem::DateOrder);
        }
        let valid_until = optional_date(&mut errors, "valid_until", fields.valid_until);
        if let (Some(from), Some(until)) = (valid_from, valid_until)
            && until < from
        {
            errors.push("valid_until", Problem::DateOrder);
        }
        let terms = match kind {
            Some(ConsentKind::Sharing) => {
                let granted = decision == Some(ConsentDecision::Granted);
                if granted && valid_until.is_none() && fields.valid_until.trim().is_empty() {
                    errors.push("valid_until", Problem::Required);
                }
                sharing(&mut errors, fields).map(ConsentTerms::Sharing)
            }
            Some(ConsentKind::Screening) => Some(ConsentTerms::Screening),
            Some(ConsentKind::Treatment) => Some(ConsentTerms::Treatment),
            Some(ConsentKind::Research) => Some(ConsentTerms::Research),
            Some(ConsentKind::ContactAfterRelease) => Some(ConsentTerms::ContactAfterRelease),
            None => None,
        };
        let note = validation::text(&mut errors, "note", fields.note, 0, 500);
        match (terms, decision, given_on, explanation_language, valid_from) {
            (Some(terms), Some(decision), Some(given_on), Some(explanation_language), Some(valid_from))
                if errors.0.is_empty() =>
            {
                Ok(ConsentDraft { terms, decision, given_on, explanation_language, valid_from, valid_until, note })
            }
            _ => Err(errors),
        }
    }
}

/// A required choice among codes.
fn choice<T>(errors: &mut Invalid, field: &'static str, raw: &str, parse: impl Fn(&str) -> Option<T>) -> Option<T> {
    let parsed = parse(raw);
    if parsed.is_none() {
        errors.push(field, if raw.trim().is_empty() { Problem::Required } else { Problem::InvalidFormat });
    }
    parsed
}

/// The terms of a sharing consent.
fn sharing(errors: &mut Invalid, fields: &ConsentFields<'_>) -> Option<Sharing> {
    let recipient = Recipient::parse(fields.recipient, fields.organisation);
    if recipient.is_none() {
        let empty = fields.recipient.trim().is_empty() || (fields.recipient.trim() == "organisation");
        errors.push("recipient", if empty { Problem::Required } else { Problem::InvalidFormat });
    }
    let purpose = choice(errors, "purpose", fields.purpose, SharingPurpose::parse);
    let mut sections = Vec::new();
    for code in fields.sections.iter().flat_map(|s| s.split([',', ' '])).filter(|s| !s.trim().is_empty()) {
        match Section::parse(code) {
            Some(section) => sections.push(section),
            None => {
                errors.push("sections", Problem::InvalidFormat);
                return None;
            }
        }
    }
    sections.sort();
    sections.dedup();
    if sections.is_empty() {
        errors.push("sections", Problem::Required);
    } else if let Some(recipient) = recipient
        && sections.iter().any(|s| !recipient.may_receive(*s))
    {
        errors.push("sections", Problem::NotForRecipient);
    }
    Some(Sharing { recipient: recipient?, purpose: purpose?, sections })
}

/// A withdrawal as typed: an optional reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Withdrawal {
    /// Why, if the person said (at most 500 characters).
    pub reason: String,
}

impl Withdrawal {
    /// Validates the reason.
    pub fn parse(reason: &str) -> Result<Withdrawal, Invalid> {
        let mut errors = Invalid::default();
        let reason = validation::text(&mut errors, "reason", reason, 0, 500);
        errors.into_result(|| Withdrawal { reason })
    }
}

/// The largest signed consent form accepted.
pub const SIGNED_FORM_MAX_MB: usize = 10;

/// Checks a scanned, signed consent form: a PDF document (it begins with
/// `%PDF-`) of at most [`SIGNED_FORM_MAX_MB`] megabytes.
pub fn check_signed_form(content: &[u8]) -> Result<(), Invalid> {
    let mut errors = Invalid::default();
    if content.is_empty() {
        errors.push("form", Problem::Required);
    } else if content.len() > SIGNED_FORM_MAX_MB * 1024 * 1024 {
        errors.push("form", Problem::FileTooLarge { max_mb: SIGNED_FORM_MAX_MB });
    } else if !content.starts_with(b"%PDF-") {
        errors.push("form", Problem::NotPdf);
    }
    errors.into_result(|| ())
}
