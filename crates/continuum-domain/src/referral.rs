//! Referrals (issue 6, item 3): handing a person from the care pathway to a
//! service of the directory, with what is shared, and the service's answer,
//! its first appointment and whether the person came.
//!
//! Rules written down:
//! - **What a referral holds.** The service, a reason (what the person needs
//!   from it), an urgency ([`Urgency`]) and the sections of the person's file
//!   shared with the service's organisation ([`Section::for_referral`]).
//!   Identity is always among them: a service cannot receive someone it may
//!   not know the name of, and the outside provider's access to the referral
//!   itself is decided on that section.
//! - **Consent.** A referral is written as a draft without any consent; it is
//!   *sent* only when, at that moment, a sharing consent for the service's
//!   organisation is in force for every section chosen ([`check_sharing`]);
//!   otherwise sending is refused naming each missing consent. The consent
//!   keeps being checked on every read afterwards (the access policy), so a
//!   withdrawal cuts the provider off at once.
//! - **The status machine** ([`ReferralStatus`], [`Step`], [`apply`]): draft,
//!   sent, accepted or refused, appointment made, attended or not attended,
//!   closed. The care team sends and closes; the answer, the appointment and
//!   the attendance are given by the outside provider or recorded by the care
//!   team on its behalf (told by telephone). Giving an appointment to a sent
//!   referral accepts it; a new appointment may replace the one given, or
//!   follow one not attended. Attendance is recorded only once the
//!   appointment's time has come. A closed referral is never reopened: a new
//!   referral is written. Every change is recorded with who and when.
//! - **A service that does not fit** (the person's prison is not among those
//!   it covers, or it speaks none of the person's languages) is a warning the
//!   user confirms, never a refusal ([`coverage`]).
//! - **Overdue** ([`overdue`]), counted in whole days of 24 hours from the
//!   change concerned: a sent referral without an answer after
//!   [`Urgency::answer_days`] (routine 7, urgent 2, as soon as possible 1);
//!   an accepted referral without an appointment after
//!   [`APPOINTMENT_DUE_DAYS`] (14); an appointment whose attendance is not
//!   recorded [`ATTENDANCE_GRACE_DAYS`] (2) after its time.

use jiff::civil::{Date, DateTime};
use jiff::{SignedDuration, Timestamp};

use crate::consent::{self, Consent, MissingConsent, Recipient, Section, Verdict};
use crate::ids::{CareServiceId, ConsentId, OrganisationId};
use crate::validation::{self, Invalid, Problem};

#[cfg(test)]
mod tests;

/// Days after acceptance by which an appointment is due.
pub const APPOINTMENT_DUE_DAYS: i64 = 14;
/// Days after an appointment by which its attendance is due.
pub const ATTENDANCE_GRACE_DAYS: i64 = 2;
/// The longest reason of a referral, in characters.
pub const REASON_MAX_CHARS: usize = 2000;
/// The longest note of a step (a refusal's reason, an appointment's place).
pub const NOTE_MAX_CHARS: usize = 500;
/// How far ahead an appointment may be given, in days.
pub const APPOINTMENT_HORIZON_DAYS: i64 = 366;

/// How soon the person needs the service (FHIR `ServiceRequest.priority`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Urgency {
    /// In the usual course.
    Routine,
    /// Within days.
    Urgent,
    /// As soon as possible (release imminent, treatment to continue).
    Asap,
}

impl Urgency {
    /// Every urgency, the least urgent first.
    pub const ALL: [Urgency; 3] = [Urgency::Routine, Urgency::Urgent, Urgency::Asap];

    /// The stable code, also FHIR's request priority code.
    pub fn code(self) -> &'static str {
        match self {
            Urgency::Routine => "routine",
            Urgency::Urgent => "urgent",
            Urgency::Asap => "asap",
        }
    }

    /// The urgency with this code.
    pub fn parse(code: &str) -> Option<Urgency> {
        Urgency::ALL.into_iter().find(|u| u.code() == code.trim())
    }

    /// Days a sent referral may wait for the service's answer.
    pub fn answer_days(self) -> i64 {
        match self {
            Urgency::Routine => 7,
            Urgency::Urgent => 2,
            Urgency::Asap => 1,
        }
    }
}

/// Where a referral stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReferralStatus {
    /// Written, not sent: the service sees nothing.
    Draft,
    /// Sent to the service, waiting for its answer.
    Sent,
    /// The service accepted the person.
    Accepted,
    /// The service refused (with a reason).
    Refused,
    /// The service gave the first appointment.
    AppointmentMade,
    /// The person came to the appointment.
    Attended,
    /// The person did not come.
    NotAttended,
    /// Closed by the care team.
    Closed,
}

impl ReferralStatus {
    /// Every status, in the order of the machine.
    pub const ALL: [ReferralStatus; 8] = [
        ReferralStatus::Draft,
        ReferralStatus::Sent,
        ReferralStatus::Accepted,
        ReferralStatus::Refused,
        ReferralStatus::AppointmentMade,
        ReferralStatus::Attended,
        ReferralStatus::NotAttended,
        ReferralStatus::Closed,
    ];

    /// The stable code, for storage, the API and Fluent keys.
    pub fn code(self) -> &'static str {
        match self {
            ReferralStatus::Draft => "draft",
            ReferralStatus::Sent => "sent",
            ReferralStatus::Accepted => "accepted",
            ReferralStatus::Refused => "refused",
            ReferralStatus::AppointmentMade => "appointment_made",
            ReferralStatus::Attended => "attended",
            ReferralStatus::NotAttended => "not_attended",
            ReferralStatus::Closed => "closed",
        }
    }

    /// The status with this code.
    pub fn parse(code: &str) -> Option<ReferralStatus> {
        ReferralStatus::ALL.into_iter().find(|s| s.code() == code.trim())
    }

    /// Whether the service has the referral (sent and after): a draft is
    /// the care team's alone.
    pub fn is_sent(self) -> bool {
        self != ReferralStatus::Draft
    }
}

/// Who takes a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Party {
    /// The care team of the person's prison.
    CareTeam,
    /// The outside provider the person is referred to.
    Provider,
}

impl Party {
    /// The stable code, recorded with every change.
    pub fn code(self) -> &'static str {
        match self {
            Party::CareTeam => "care_team",
            Party::Provider => "provider",
        }
    }
}

/// A change of a referral.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// The care team sends the draft.
    Send,
    /// The service accepts.
    Accept,
    /// The service refuses.
    Refuse,
    /// The service gives an appointment (or a new one).
    GiveAppointment,
    /// The person came.
    Attended,
    /// The person did not come.
    NotAttended,
    /// The care team closes the referral.
    Close,
}

impl Step {
    /// Every step.
    pub const ALL: [Step; 7] =
        [Step::Send, Step::Accept, Step::Refuse, Step::GiveAppointment, Step::Attended, Step::NotAttended, Step::Close];

    /// The stable code (forms, API).
    pub fn code(self) -> &'static str {
        match self {
            Step::Send => "send",
            Step::Accept => "accept",
            Step::Refuse => "refuse",
            Step::GiveAppointment => "appointment",
            Step::Attended => "attended",
            Step::NotAttended => "not_attended",
            Step::Close => "close",
        }
    }

    /// The step with this code.
    pub fn parse(code: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.code() == code.trim())
    }

    /// The status the step leads to.
    pub fn leads_to(self) -> ReferralStatus {
        match self {
            Step::Send => ReferralStatus::Sent,
            Step::Accept => ReferralStatus::Accepted,
            Step::Refuse => ReferralStatus::Refused,
            Step::GiveAppointment => ReferralStatus::AppointmentMade,
            Step::Attended => ReferralStatus::Attended,
            Step::NotAttended => ReferralStatus::NotAttended,
            Step::Close => ReferralStatus::Closed,
        }
    }

    /// Whether only the care team may take it.
    pub fn care_team_only(self) -> bool {
        matches!(self, Step::Send | Step::Close)
    }

    /// The steps a party may take from a status, in form order.
    pub fn available(status: ReferralStatus, party: Party) -> Vec<Step> {
        Step::ALL.into_iter().filter(|step| apply(status, *step, party).is_ok()).collect()
    }
}

/// Why a step is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StepRefusal {
    /// The step does not follow from the referral's status.
    NotFromStatus(ReferralStatus),
    /// Only the care team takes this step.
    CareTeamOnly,
    /// Attendance before the appointment's time.
    BeforeAppointment,
}

impl StepRefusal {
    /// The Fluent message id.
    pub fn message_id(self) -> &'static str {
        match self {
            StepRefusal::NotFromStatus(_) => "referral-step-not-from-status",
            StepRefusal::CareTeamOnly => "referral-step-care-team-only",
            StepRefusal::BeforeAppointment => "referral-step-before-appointment",
        }
    }
}

/// The status after `step`, taken by `party` on a referral in `status`.
pub fn apply(status: ReferralStatus, step: Step, party: Party) -> Result<ReferralStatus, StepRefusal> {
    use ReferralStatus as S;
    if step.care_team_only() && party != Party::CareTeam {
        return Err(StepRefusal::CareTeamOnly);
    }
    let follows = match step {
        Step::Send => status == S::Draft,
        Step::Accept | Step::Refuse => status == S::Sent,
        Step::GiveAppointment => matches!(status, S::Sent | S::Accepted | S::AppointmentMade | S::NotAttended),
        Step::Attended | Step::NotAttended => status == S::AppointmentMade,
        Step::Close => status != S::Closed,
    };
    if follows { Ok(step.leads_to()) } else { Err(StepRefusal::NotFromStatus(status)) }
}

/// Whether attendance may be recorded at `now` for an appointment at the
/// Belgian wall-clock time `appointment`: once its time has come.
pub fn attendance_may_be_recorded(appointment: DateTime, now: Timestamp) -> Result<(), StepRefusal> {
    if consent::belgian_datetime(now) < appointment { Err(StepRefusal::BeforeAppointment) } else { Ok(()) }
}

/// The fields of a referral as typed (form or API).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReferralFields<'a> {
    /// The service's id.
    pub service: Option<i64>,
    /// Why the person is referred.
    pub reason: &'a str,
    /// An [`Urgency`] code.
    pub urgency: &'a str,
    /// [`Section`] codes shared.
    pub sections: &'a [String],
}

/// A referral ready to be written as a draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralDraft {
    /// The service.
    pub service: CareServiceId,
    /// Why.
    pub reason: String,
    /// How soon.
    pub urgency: Urgency,
    /// What is shared, in [`Section::ALL`] order, identity first among them.
    pub sections: Vec<Section>,
}

impl Section {
    /// The sections a referral may share with a service: who the person is,
    /// the screening results, medication and OAT, and the appointments
    /// made with the service. (The care plan and risks join once the care
    /// plan is kept in Continuum, issue 5.)
    pub fn for_referral() -> &'static [Section] {
        &[Section::Identity, Section::Screening, Section::Medication, Section::Appointments]
    }
}

impl ReferralDraft {
    /// Validates the fields of a referral.
    pub fn parse(fields: &ReferralFields<'_>) -> Result<ReferralDraft, Invalid> {
        let mut errors = Invalid::default();
        if fields.service.is_none() {
            errors.push("service", Problem::Required);
        }
        let reason = validation::text(&mut errors, "reason", fields.reason, 2, REASON_MAX_CHARS);
        let urgency = Urgency::parse(fields.urgency);
        if urgency.is_none() {
            let empty = fields.urgency.trim().is_empty();
            errors.push("urgency", if empty { Problem::Required } else { Problem::InvalidFormat });
        }
        let sections = sections(&mut errors, fields.sections);
        match (fields.service, urgency) {
            (Some(service), Some(urgency)) if errors.0.is_empty() => {
                Ok(ReferralDraft { service: CareServiceId(service), reason, urgency, sections })
            }
            _ => Err(errors),
        }
    }
}

/// The sections chosen: known, shareable with a service, identity among them.
fn sections(errors: &mut Invalid, raw: &[String]) -> Vec<Section> {
    let mut sections = Vec::new();
    for code in raw.iter().flat_map(|s| s.split([',', ' '])).filter(|s| !s.trim().is_empty()) {
        match Section::parse(code) {
            Some(section) if Section::for_referral().contains(&section) => sections.push(section),
            Some(_) => {
                errors.push("sections", Problem::NotForRecipient);
                return sections;
            }
            None => {
                errors.push("sections", Problem::InvalidFormat);
                return sections;
            }
        }
    }
    sections.sort();
    sections.dedup();
    if !sections.contains(&Section::Identity) {
        errors.push("sections", Problem::IdentityRequired);
    }
    sections
}

/// Whether the person's consents let `organisation` read every section
/// shared, at `at`: the consent for each, or every consent missing.
pub fn check_sharing(
    consents: &[Consent],
    organisation: OrganisationId,
    sections: &[Section],
    at: Timestamp,
) -> Result<Vec<(Section, ConsentId)>, Vec<MissingConsent>> {
    let mut allowed = Vec::new();
    let mut missing = Vec::new();
    for section in sections {
        match consent::check(consents, Recipient::Organisation(organisation), *section, at) {
            Verdict::Allowed(id) => allowed.push((*section, id)),
            Verdict::Missing(m) => missing.push(m),
        }
    }
    if missing.is_empty() { Ok(allowed) } else { Err(missing) }
}

/// Why a service may not fit the person: a warning to confirm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CoverageWarning {
    /// The service does not cover the person's prison.
    PrisonNotCovered,
    /// The service speaks none of the person's languages.
    LanguageNotSpoken,
}

impl CoverageWarning {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            CoverageWarning::PrisonNotCovered => "prison_not_covered",
            CoverageWarning::LanguageNotSpoken => "language_not_spoken",
        }
    }

    /// The Fluent message id.
    pub fn message_id(self) -> &'static str {
        match self {
            CoverageWarning::PrisonNotCovered => "referral-warning-prison_not_covered",
            CoverageWarning::LanguageNotSpoken => "referral-warning-language_not_spoken",
        }
    }
}

/// What the person and the service are, for [`coverage`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit<'a> {
    /// Codes of the prisons the service covers.
    pub service_sites: &'a [String],
    /// Language codes the service works in.
    pub service_languages: &'a [String],
    /// The code of the person's prison.
    pub person_site: &'a str,
    /// The person's language codes (preferred one included).
    pub person_languages: &'a [String],
}

/// The warnings a service gives for a person (none when it fits). A person
/// without any language recorded gives no language warning.
pub fn coverage(fit: Fit<'_>) -> Vec<CoverageWarning> {
    let same = |a: &String, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    let mut warnings = Vec::new();
    if !fit.service_sites.iter().any(|s| same(s, fit.person_site)) {
        warnings.push(CoverageWarning::PrisonNotCovered);
    }
    let languages: Vec<&String> = fit.person_languages.iter().filter(|l| !l.trim().is_empty()).collect();
    if !languages.is_empty() && !languages.iter().any(|l| fit.service_languages.iter().any(|s| same(s, l))) {
        warnings.push(CoverageWarning::LanguageNotSpoken);
    }
    warnings
}

/// What decides whether a referral is overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeline {
    /// Where it stands.
    pub status: ReferralStatus,
    /// How soon.
    pub urgency: Urgency,
    /// When the present status began.
    pub status_since: Timestamp,
    /// The appointment, Belgian wall-clock time, when one is given.
    pub appointment: Option<DateTime>,
}

/// Why a referral is overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Overdue {
    /// Sent, and the service has not answered.
    Unanswered,
    /// Accepted, and no appointment given.
    NoAppointment,
    /// The appointment is past and attendance is not recorded.
    AttendanceUnrecorded,
}

impl Overdue {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Overdue::Unanswered => "unanswered",
            Overdue::NoAppointment => "no_appointment",
            Overdue::AttendanceUnrecorded => "attendance_unrecorded",
        }
    }

    /// The Fluent message id.
    pub fn message_id(self) -> &'static str {
        match self {
            Overdue::Unanswered => "referral-overdue-unanswered",
            Overdue::NoAppointment => "referral-overdue-no_appointment",
            Overdue::AttendanceUnrecorded => "referral-overdue-attendance_unrecorded",
        }
    }
}

/// Whether a referral is overdue at `now`, and why (see the module's rules).
pub fn overdue(timeline: Timeline, now: Timestamp) -> Option<Overdue> {
    let past = |since: Timestamp, days: i64| {
        since.checked_add(SignedDuration::from_hours(days.saturating_mul(24))).is_ok_and(|due| now >= due)
    };
    match timeline.status {
        ReferralStatus::Sent if past(timeline.status_since, timeline.urgency.answer_days()) => {
            Some(Overdue::Unanswered)
        }
        ReferralStatus::Accepted if past(timeline.status_since, APPOINTMENT_DUE_DAYS) => Some(Overdue::NoAppointment),
        ReferralStatus::AppointmentMade => {
            let at = timeline.appointment.and_then(consent::belgian_instant)?;
            past(at, ATTENDANCE_GRACE_DAYS).then_some(Overdue::AttendanceUnrecorded)
        }
        _ => None,
    }
}

/// A step's details as typed (form or API).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StepFields<'a> {
    /// A [`Step`] code.
    pub step: &'a str,
    /// Appointment: Belgian wall-clock time, `YYYY-MM-DDTHH:MM` (or with a space).
    pub appointment_at: &'a str,
    /// Appointment: where (address, room, or "by telephone").
    pub place: &'a str,
    /// A note; required when refusing or closing (the reason).
    pub note: &'a str,
}

/// A step ready to be taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepDraft {
    /// The step.
    pub step: Step,
    /// The appointment, for [`Step::GiveAppointment`].
    pub appointment: Option<Appointment>,
    /// The note (the reason of a refusal or a closing).
    pub note: String,
}

/// An appointment with the service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appointment {
    /// When, Belgian wall-clock time.
    pub at: DateTime,
    /// Where.
    pub place: String,
}

/// A wall-clock time as typed: `2026-06-10T14:30`, `2026-06-10 14:30`.
pub fn parse_local_time(text: &str) -> Option<DateTime> {
    let text = text.trim().replacen(' ', "T", 1);
    let (day, time) = text.split_once('T')?;
    let date: Date = day.parse().ok()?;
    let time: jiff::civil::Time = time.parse().ok()?;
    Some(date.to_datetime(time))
}

impl StepDraft {
    /// Validates a step; an appointment must lie between the day the
    /// referral was sent (`earliest`) and [`APPOINTMENT_HORIZON_DAYS`]
    /// after `today`.
    pub fn parse(fields: &StepFields<'_>, earliest: Date, today: Date) -> Result<StepDraft, Invalid> {
        let mut errors = Invalid::default();
        let step = Step::parse(fields.step);
        if step.is_none() {
            errors.push("step", if fields.step.trim().is_empty() { Problem::Required } else { Problem::InvalidFormat });
        }
        let reason_required = matches!(step, Some(Step::Refuse | Step::Close));
        let note = validation::text(&mut errors, "note", fields.note, usize::from(reason_required), NOTE_MAX_CHARS);
        let appointment =
            if step == Some(Step::GiveAppointment) { appointment(&mut errors, fields, earliest, today) } else { None };
        match step {
            Some(step) if errors.0.is_empty() => Ok(StepDraft { step, appointment, note }),
            _ => Err(errors),
        }
    }
}

fn appointment(errors: &mut Invalid, fields: &StepFields<'_>, earliest: Date, today: Date) -> Option<Appointment> {
    let place = validation::text(errors, "place", fields.place, 0, NOTE_MAX_CHARS);
    if fields.appointment_at.trim().is_empty() {
        errors.push("appointment_at", Problem::Required);
        return None;
    }
    let Some(at) = parse_local_time(fields.appointment_at) else {
        errors.push("appointment_at", Problem::InvalidFormat);
        return None;
    };
    let horizon = today.checked_add(jiff::Span::new().days(APPOINTMENT_HORIZON_DAYS)).unwrap_or(today);
    if at.date() < earliest || at.date() > horizon {
        errors.push("appointment_at", Problem::ImpossibleDate);
        return None;
    }
    Some(Appointment { at, place })
}
