//! Writing, sending and changing a referral (see the rules in [`super`]).

use continuum_domain::audit::Outcome;
use continuum_domain::consent::MissingConsent;
use continuum_domain::ids::{OrganisationId, SiteId};
use continuum_domain::policy::Action;
use continuum_domain::referral::{
    self, CoverageWarning, Fit, Party, ReferralDraft, ReferralStatus, Step, StepDraft, StepFields,
};
use continuum_domain::validation::Problem;
use continuum_store::referrals::{self, NewEvent, NewReferral};
use continuum_store::{directory, people, sites};
use jiff::Timestamp;

use super::{party_of, referral_of, referral_subject, stored_now};
use crate::access::Subject;
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};

/// What writing a referral did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Creation {
    /// Written as a draft, with this id.
    Created(i64),
    /// Nothing written: the service does not fit the person; written once
    /// these warnings are confirmed.
    ToConfirm(Vec<CoverageWarning>),
}

/// What sending a referral did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sending {
    /// Sent: the service's organisation sees it now.
    Sent,
    /// Not sent: these consents are missing (one per section).
    ConsentMissing(Vec<MissingConsent>),
}

fn list(stored: &str) -> Vec<String> {
    stored.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

impl App {
    /// Writes a draft referral of a person to a service of the directory.
    /// A service that does not cover the person's prison or language is
    /// written only when `confirmed` (else [`Creation::ToConfirm`]).
    pub async fn create_referral(
        &self,
        actor: &Actor,
        person_id: i64,
        draft: &ReferralDraft,
        confirmed: bool,
    ) -> AppResult<Creation> {
        let mut conn = self.store.reader().await?;
        let person = people::get(&mut conn, person_id).await?;
        let site = person.as_ref().map(|p| SiteId(p.site_id));
        let subject = Subject { person_id: Some(person_id), ..Subject::record("person", person_id) };
        let allowed = self.authorize_record(actor, Action::WriteClinical, site, "referral.create", &subject).await?;
        let person = person.ok_or(AppError::NotFound)?;
        if person.merged_into.is_some() {
            return Err(AppError::Conflict("merge-already-merged"));
        }
        let service = directory::get(&mut conn, draft.service.0).await?.filter(|s| s.active);
        let Some(service) = service else {
            return Err(AppError::field("service", Problem::InvalidFormat));
        };
        let site_code = sites::get(&mut conn, person.site_id).await?.map(|s| s.code).unwrap_or_default();
        drop(conn);
        let mut languages = list(&person.languages);
        languages.push(person.preferred_language.clone());
        let service_languages = list(&service.languages);
        let warnings = referral::coverage(Fit {
            service_sites: &service.sites,
            service_languages: &service_languages,
            person_site: &site_code,
            person_languages: &languages,
        });
        if !warnings.is_empty() && !confirmed {
            return Ok(Creation::ToConfirm(warnings));
        }
        let sections: Vec<&str> = draft.sections.iter().map(|s| s.code()).collect();
        let confirmed: Vec<&str> = warnings.iter().map(|w| w.code()).collect();
        let at = stored_now(self);
        let mut tx = self.store.begin().await?;
        let id = referrals::insert(
            &mut tx,
            &NewReferral {
                person_id,
                site_id: person.site_id,
                service_id: service.id,
                organisation_id: service.organisation_id,
                reason: &draft.reason,
                urgency: draft.urgency.code(),
                sections: &sections.join(","),
                coverage_confirmed: &confirmed.join(","),
                at: &at,
                by: self.actor_id(actor),
            },
        )
        .await?;
        let event = NewEvent {
            referral_id: id,
            step: "create",
            status: ReferralStatus::Draft.code(),
            party: Party::CareTeam.code(),
            note: "",
            appointment: None,
            at: &at,
            by: self.actor_id(actor),
        };
        referrals::insert_event(&mut tx, &event).await?;
        let subject =
            Subject { person_id: Some(person_id), ..Subject::record("referral", id) }.at_site(Some(site_code.clone()));
        self.audit_change(&mut tx, actor, allowed, "referral.create", &subject).await?;
        tx.commit().await?;
        Ok(Creation::Created(id))
    }

    /// Sends a draft referral: only when the person's consents let the
    /// service's organisation read every section shared, now; otherwise
    /// nothing changes and each missing consent is named (the attempt is
    /// audited as refused).
    pub async fn send_referral(&self, actor: &Actor, id: i64) -> AppResult<Sending> {
        let (row, consents) = self.referral_and_consents(id).await?;
        let allowed =
            self.authorize_referral(actor, Action::WriteClinical, row.as_ref(), &consents, "referral.send").await?;
        let row = row.ok_or(AppError::NotFound)?;
        let now = self.now();
        let referral = referral_of(row, now)?;
        referral::apply(referral.status, Step::Send, party_of(allowed.grounds))
            .map_err(|refusal| AppError::Conflict(refusal.message_id()))?;
        let organisation = OrganisationId(referral.row.organisation_id);
        let subject = referral_subject(&referral.row);
        let consented = match referral::check_sharing(&consents, organisation, &referral.sections, now) {
            Ok(consented) => consented,
            Err(missing) => {
                let mut entry =
                    self.entry(actor, "referral.send", Outcome::Denied, allowed.purpose(), allowed.role(), &subject);
                entry.reason = Some(missing.iter().map(MissingConsent::audit_reason).collect::<Vec<_>>().join("; "));
                self.audit.write(vec![entry]).await?;
                return Ok(Sending::ConsentMissing(missing));
            }
        };
        let at = stored_now(self);
        let mut tx = self.store.begin().await?;
        let status = ReferralStatus::Sent.code();
        if !referrals::set_status(&mut tx, id, referral.row.version, status, &at, None).await? {
            return Err(AppError::Conflict("referral-changed"));
        }
        let event = NewEvent {
            referral_id: id,
            step: Step::Send.code(),
            status,
            party: Party::CareTeam.code(),
            note: "",
            appointment: None,
            at: &at,
            by: self.actor_id(actor),
        };
        referrals::insert_event(&mut tx, &event).await?;
        let mut consents: Vec<i64> = consented.iter().map(|(_, c)| c.0).collect();
        consents.sort_unstable();
        consents.dedup();
        let mut entry =
            self.entry(actor, "referral.send", Outcome::Allowed, allowed.purpose(), allowed.role(), &subject);
        let consents: Vec<String> = consents.iter().map(i64::to_string).collect();
        entry.reason = Some(format!("consent={}", consents.join(",")));
        self.append_in(&mut tx, vec![entry]).await?;
        tx.commit().await?;
        Ok(Sending::Sent)
    }

    /// Takes a step of a referral other than sending: the service's answer,
    /// an appointment, the attendance (the provider, or the care team on its
    /// behalf), or the closing (the care team).
    pub async fn take_referral_step(&self, actor: &Actor, id: i64, fields: &StepFields<'_>) -> AppResult<()> {
        let (row, consents) = self.referral_and_consents(id).await?;
        let allowed =
            self.authorize_referral(actor, Action::UpdateReferral, row.as_ref(), &consents, "referral.step").await?;
        let row = row.ok_or(AppError::NotFound)?;
        let now = self.now();
        let today = continuum_domain::consent::belgian_date(now);
        let earliest = row.sent_at.as_deref().and_then(|at| at.parse::<Timestamp>().ok());
        let earliest = earliest.map_or(today, continuum_domain::consent::belgian_date);
        let draft = StepDraft::parse(fields, earliest, today)?;
        if draft.step == Step::Send {
            return Err(AppError::field("step", Problem::InvalidFormat));
        }
        let party = party_of(allowed.grounds);
        let referral = referral_of(row, now)?;
        let status = referral::apply(referral.status, draft.step, party)
            .map_err(|refusal| AppError::Conflict(refusal.message_id()))?;
        if matches!(draft.step, Step::Attended | Step::NotAttended)
            && let Some(appointment) = referral.appointment
        {
            referral::attendance_may_be_recorded(appointment, now)
                .map_err(|refusal| AppError::Conflict(refusal.message_id()))?;
        }
        let appointment_at = draft.appointment.as_ref().map(|a| a.at.strftime("%Y-%m-%dT%H:%M").to_string());
        let appointment =
            draft.appointment.as_ref().zip(appointment_at.as_deref()).map(|(a, at)| (at, a.place.as_str()));
        let at = stored_now(self);
        let mut tx = self.store.begin().await?;
        if !referrals::set_status(&mut tx, id, referral.row.version, status.code(), &at, appointment).await? {
            return Err(AppError::Conflict("referral-changed"));
        }
        let event = NewEvent {
            referral_id: id,
            step: draft.step.code(),
            status: status.code(),
            party: party.code(),
            note: &draft.note,
            appointment,
            at: &at,
            by: self.actor_id(actor),
        };
        referrals::insert_event(&mut tx, &event).await?;
        self.audit_change(&mut tx, actor, allowed, "referral.step", &referral_subject(&referral.row)).await?;
        tx.commit().await?;
        Ok(())
    }
}
