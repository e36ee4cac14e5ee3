//! What an outside provider is shown of the sections a referral shares,
//! only those its consents cover now (decided by the caller, per section):
//! who the person is, the screening results (instrument, day, positive or
//! not; never the answers), the OAT prescriptions running, and the
//! appointments made with the organisation's services.

use continuum_domain::consent::Section;
use continuum_store::referrals::ReferralRow;
use continuum_store::{Conn, oat, people, referrals, screenings};

use crate::error::AppResult;

/// Who the person is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentityView {
    /// Family name(s).
    pub family_name: String,
    /// Given name(s).
    pub given_names: String,
    /// `YYYY-MM-DD`.
    pub birth_date: String,
    /// Sex code.
    pub sex: String,
    /// Language codes.
    pub languages: String,
    /// Preferred language code.
    pub preferred_language: String,
    /// The prison's code.
    pub prison: String,
    /// Prison number of the current episode.
    pub prison_number: Option<String>,
}

/// A completed screening, without its answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreeningLine {
    /// Instrument code.
    pub instrument: String,
    /// Its version.
    pub version: String,
    /// When completed.
    pub completed_at: String,
    /// Whether it was positive.
    pub positive: bool,
}

/// An OAT prescription running.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MedicationLine {
    /// Medicine code.
    pub medicine: String,
    /// Daily dose in micrograms.
    pub daily_dose_ug: i64,
    /// First day.
    pub start_date: String,
    /// Whether taken under observation.
    pub observed: bool,
}

/// An appointment with one of the organisation's services.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppointmentLine {
    /// The referral.
    pub referral_id: i64,
    /// The service.
    pub service: String,
    /// When, Belgian wall-clock time.
    pub at: String,
    /// Where.
    pub place: String,
    /// Status code of its referral.
    pub status: String,
}

/// The content of the sections shown; a section not shown is `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SharedContent {
    /// Who the person is.
    pub identity: Option<IdentityView>,
    /// Completed screenings, the newest first.
    pub screenings: Option<Vec<ScreeningLine>>,
    /// OAT prescriptions running.
    pub medication: Option<Vec<MedicationLine>>,
    /// Appointments with the organisation's services.
    pub appointments: Option<Vec<AppointmentLine>>,
}

/// The content of the `readable` sections of the referral's person.
pub(super) async fn content(conn: &mut Conn, row: &ReferralRow, readable: &[Section]) -> AppResult<SharedContent> {
    let mut shared = SharedContent::default();
    for section in readable {
        match section {
            Section::Identity => {
                shared.identity = people::get(conn, row.person_id).await?.map(|p| IdentityView {
                    family_name: p.family_name,
                    given_names: p.given_names,
                    birth_date: p.birth_date,
                    sex: p.sex,
                    languages: p.languages,
                    preferred_language: p.preferred_language,
                    prison: row.person_site.clone(),
                    prison_number: row.prison_number.clone(),
                });
            }
            Section::Screening => {
                let rows = screenings::for_person(conn, row.person_id).await?;
                shared.screenings = Some(
                    rows.into_iter()
                        .filter_map(|s| {
                            Some(ScreeningLine {
                                completed_at: s.completed_at.filter(|_| s.status == "completed")?,
                                positive: s.positive == Some(1),
                                instrument: s.instrument,
                                version: s.version,
                            })
                        })
                        .collect(),
                );
            }
            Section::Medication => {
                let rows = oat::prescriptions_of(conn, row.person_id, None).await?;
                shared.medication = Some(
                    rows.into_iter()
                        .filter(|p| p.stop_date.is_none())
                        .map(|p| MedicationLine {
                            medicine: p.medicine,
                            daily_dose_ug: p.daily_dose_ug,
                            start_date: p.start_date,
                            observed: p.observed,
                        })
                        .collect(),
                );
            }
            Section::Appointments => {
                let rows = referrals::of_person(conn, row.person_id).await?;
                shared.appointments = Some(
                    rows.into_iter()
                        .filter(|r| r.organisation_id == row.organisation_id && r.status != "draft")
                        .filter_map(|r| {
                            Some(AppointmentLine {
                                referral_id: r.id,
                                service: r.service,
                                at: r.appointment_at?,
                                place: r.appointment_place,
                                status: r.status,
                            })
                        })
                        .collect(),
                );
            }
            Section::Participation | Section::ReferralStatus | Section::CarePlan | Section::Risks => {}
        }
    }
    Ok(shared)
}
