//! The handover at release (issue 6, item 6), and what every handover
//! document holds beyond the pathway: the care plan's goals, the risks
//! (`continuum_domain::handover::risks`), the contacts at the sending
//! prison, naloxone and the appointment of the release plan.
//!
//! Rules:
//! - The document at release is made by care workers and the medical
//!   service of the person's prison (`WriteClinical`), while the pathway
//!   plans the release and its plan names an outside service of the
//!   directory: the receiver. It is in the language the user chooses (the
//!   receiver's).
//! - It leaves the treating team only within the person's sharing consent:
//!   each section of [`HANDOVER_SECTIONS`] must be consented for the
//!   service's organisation now, else nothing is made, each missing consent
//!   is named, and the attempt is audited as refused (as sending a
//!   referral is).
//! - The last dose: Continuum records no daily administrations; prison OAT
//!   is given daily, so the last dose in prison of a current prescription
//!   is the handover's day, and of a stopped one its stop day.

use continuum_documents::handover::{Contact, Goal, Handover, Medication, Occasion, Step};
use continuum_domain::audit::{Outcome, format_instant};
use continuum_domain::consent::{MissingConsent, Section};
use continuum_domain::handover::{HANDOVER_SECTIONS, RiskFacts, risks};
use continuum_domain::ids::{ConsentId, OrganisationId};
use continuum_domain::oat::{Dose, OatMedicine};
use continuum_domain::pathway::{Pathway, Stage, State};
use continuum_domain::policy::Action;
use continuum_domain::referral::check_sharing;
use continuum_domain::release::{Naloxone, OatBridging};
use continuum_domain::site::Language;
use continuum_domain::validation::Problem;
use continuum_store::care::plans;
use continuum_store::handovers::{self, NewDocument};
use continuum_store::oat::PrescriptionRow;
use continuum_store::people::EpisodeRow;
use continuum_store::{Conn, care_team, episodes, oat, release_plans, sites};
use jiff::Timestamp;

use crate::access::Subject;
use crate::actor::Actor;
use crate::app::App;
use crate::care_access::ClinicalGate;
use crate::consents::consents_of_person;
use crate::error::{AppError, AppResult};
use crate::people::Person;

/// What asking for the handover at release did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReleaseHandover {
    /// The document is made and kept, with this id.
    Made(i64),
    /// Nothing made: these consents for the receiver (named) are missing.
    ConsentMissing {
        /// The receiving organisation's name.
        receiver: String,
        /// One per section not consented.
        missing: Vec<MissingConsent>,
    },
}

/// What a handover document holds beyond the register and the pathway.
pub(crate) struct Extras {
    pub(crate) goals: Vec<Goal>,
    pub(crate) risks: Vec<String>,
    pub(crate) contacts: Vec<Contact>,
    pub(crate) naloxone: Option<String>,
    pub(crate) appointment: Option<String>,
}

/// The prescriptions to hand over on `day`: those current then, each with
/// the day of its last dose in prison (see the module's rules).
pub(crate) fn medications_on(prescriptions: &[PrescriptionRow], day: &str) -> Vec<Medication> {
    prescriptions
        .iter()
        .filter(|r| r.stop_date.as_deref().is_none_or(|stop| stop >= day))
        .map(|r| Medication {
            atc: OatMedicine::from_code(&r.medicine).and_then(OatMedicine::atc).unwrap_or_default().to_owned(),
            medicine: r.medicine.clone(),
            daily_dose_mg: Dose::from_micrograms(r.daily_dose_ug).to_string(),
            prescriber: r.prescriber.clone(),
            start_date: r.start_date.clone(),
            stop_date: r.stop_date.clone(),
            observed: r.observed,
            last_dose: r.stop_date.clone().unwrap_or_else(|| day.to_owned()),
        })
        .collect()
}

/// What a handover at release rests on (see `App::release_occasion`).
pub(crate) struct ReleaseOccasion {
    /// The person's open episode.
    pub episode: EpisodeRow,
    /// The pathway, planning the release.
    pub pathway: Pathway,
    /// The outside organisation of the release plan: id and name.
    pub organisation: i64,
    pub receiver: String,
    /// The consent each handover section rests on, or the missing ones.
    pub sharing: Result<Vec<(Section, ConsentId)>, Vec<MissingConsent>>,
}

impl App {
    /// The goals, risks, contacts, naloxone and appointment of a person's
    /// handover; `on_oat` says whether a prescription is current.
    pub(crate) async fn handover_extras(
        &self,
        conn: &mut Conn,
        actor: &Actor,
        person_id: i64,
        at_release: bool,
        on_oat: bool,
    ) -> AppResult<Extras> {
        let pathway = self.load_pathway(conn, person_id).await?;
        let (goals, plan) = match &pathway {
            Some((pathway_id, _)) => {
                let goals = match plans::of_pathway(conn, *pathway_id).await? {
                    Some(row) => {
                        let (goals, _) = plans::items(conn, row.id).await?;
                        let current = plans::versions(conn, row.id).await?.last().map(|v| v.id);
                        goals
                            .into_iter()
                            .filter(|g| Some(g.plan_version_id) == current)
                            .map(|g| Goal { description: g.description, status: g.status, target_date: g.target_date })
                            .collect()
                    }
                    None => Vec::new(),
                };
                (goals, release_plans::open_plan(conn, *pathway_id).await?)
            }
            None => (Vec::new(), None),
        };
        let naloxone = plan.as_ref().and_then(|p| p.naloxone.as_deref()).and_then(Naloxone::from_code);
        let bridging = plan.as_ref().and_then(|p| p.oat_bridging.as_deref()).and_then(OatBridging::from_code);
        let risks = risks(RiskFacts { at_release, on_oat, naloxone, bridging });
        let mut contacts = Vec::new();
        if let Some(team) = care_team::of_person(conn, person_id).await?
            && let Some(name) = team.display_name
        {
            contacts.push(Contact { role: "handover-contact-responsible".into(), name });
        }
        contacts.push(Contact { role: "handover-contact-author".into(), name: actor.display_name.clone() });
        let appointment = plan.as_ref().and_then(|p| match (&p.appointment_date, &p.appointment_place) {
            (Some(date), Some(place)) => {
                let service = p.service_organisation_name.clone().or_else(|| p.service_name.clone());
                Some(match service {
                    Some(service) => format!("{date} · {place} · {service}"),
                    None => format!("{date} · {place}"),
                })
            }
            _ => None,
        });
        Ok(Extras {
            goals,
            risks: risks.into_iter().map(|r| r.code().to_owned()).collect(),
            contacts,
            naloxone: naloxone.map(|n| n.code().to_owned()),
            appointment,
        })
    }

    /// What a handover at release rests on, for its document and its
    /// Bundle alike: the person's open episode, the pathway planning the
    /// release, the outside organisation of the open release plan, and the
    /// sharing consents for every handover section at `now`.
    pub(crate) async fn release_occasion(
        &self,
        conn: &mut Conn,
        person: &Person,
        now: Timestamp,
    ) -> AppResult<ReleaseOccasion> {
        let episode = match person.current_episode_id {
            Some(id) => episodes::get(conn, id).await?,
            None => None,
        };
        let Some(episode) = episode.filter(|e| e.release_date.is_none()) else {
            return Err(AppError::field("episode", Problem::EpisodeEnded));
        };
        let pathway = self.load_pathway(conn, person.id).await?;
        let Some((pathway_id, pathway)) = pathway.filter(|(_, p)| p.state() == State::Active(Stage::ReleasePlanning))
        else {
            return Err(AppError::Conflict("handover-release-not-planned"));
        };
        let plan = release_plans::open_plan(conn, pathway_id).await?;
        let Some((organisation, receiver)) =
            plan.and_then(|p| p.service_organisation_id.zip(p.service_organisation_name))
        else {
            return Err(AppError::field("service", Problem::OrganisationRequired));
        };
        let consents = consents_of_person(conn, person.id).await?;
        let sharing = check_sharing(&consents, OrganisationId(organisation), &HANDOVER_SECTIONS, now);
        Ok(ReleaseOccasion { episode, pathway, organisation, receiver, sharing })
    }

    /// Audits a handover refused because consents are missing, naming them.
    pub(crate) async fn audit_consent_missing(
        &self,
        actor: &Actor,
        event: &str,
        gate: &ClinicalGate,
        missing: &[MissingConsent],
    ) -> AppResult<()> {
        let mut entry =
            self.entry(actor, event, Outcome::Denied, gate.allowed.purpose(), gate.allowed.role(), &gate.subject);
        entry.reason = Some(missing.iter().map(MissingConsent::audit_reason).collect::<Vec<_>>().join("; "));
        self.audit.write(vec![entry]).await
    }

    /// Makes the handover document at release for the outside service of
    /// the release plan, in `language` (see the module's rules).
    pub async fn make_release_handover(
        &self,
        actor: &Actor,
        person_id: i64,
        language: &str,
    ) -> AppResult<ReleaseHandover> {
        let event = "handover_document.release";
        let gate = self.clinical_gate(actor, person_id, Action::WriteClinical, event, "handover_document").await?;
        if gate.written_at.is_some() {
            return Err(AppError::NotFound);
        }
        let language = Language::parse(language)
            .filter(|_| language.trim().len() == 2)
            .ok_or_else(|| AppError::field("language", Problem::InvalidFormat))?;
        let mut conn = self.store.reader().await?;
        let now = self.now();
        let ReleaseOccasion { episode, pathway, organisation, receiver, sharing } =
            self.release_occasion(&mut conn, &gate.person, now).await?;
        if let Err(missing) = sharing {
            drop(conn);
            self.audit_consent_missing(actor, event, &gate, &missing).await?;
            return Ok(ReleaseHandover::ConsentMissing { receiver, missing });
        }
        let today = self.register_today().to_string();
        let site = sites::get(&mut conn, episode.site_id).await?;
        let prescriptions = oat::prescriptions_of(&mut conn, person_id, None).await?;
        let medications = medications_on(&prescriptions, &today);
        let extras = self.handover_extras(&mut conn, actor, person_id, true, !medications.is_empty()).await?;
        drop(conn);
        let lang = crate::handovers::interface_lang(language);
        let made_at = format_instant(now);
        let document = Handover {
            occasion: Occasion::Release,
            language: lang,
            person: format!("{}, {}", gate.person.family_name.to_uppercase(), gate.person.given_names),
            birth_date: gate.person.birth_date.clone(),
            prison_number: episode.prison_number.clone(),
            from_prison: site.map(|s| format!("{} · {}", s.code, s.name)).unwrap_or_else(|| episode.site_code.clone()),
            to_prison: receiver.clone(),
            transfer_date: today.clone(),
            pathway_state: Some(pathway.state().code().to_owned()),
            steps: pathway
                .history()
                .iter()
                .map(|t| Step {
                    at: crate::handovers::short(&format_instant(t.at)),
                    command: t.command.kind().code().to_owned(),
                    state: crate::handovers::log_state(t.to),
                })
                .collect(),
            medications,
            declared_at_entry: None,
            naloxone: extras.naloxone,
            goals: extras.goals,
            risks: extras.risks,
            contacts: extras.contacts,
            appointment: extras.appointment,
            made_by: actor.display_name.clone(),
            made_at: crate::handovers::short(&made_at),
        };
        let pdf = crate::handovers::typeset(document).await?;
        let by = self.actor_id(actor);
        let mut tx = self.store.begin().await?;
        let new = NewDocument {
            person_id,
            site_id: episode.site_id,
            episode_id: episode.id,
            receiving_prison: &receiver,
            language: language.code(),
            transfer_date: &today,
            pdf: &pdf,
            created_by: by,
            created_at: &made_at,
            organisation_id: Some(organisation),
        };
        let document_id = handovers::insert_document(&mut tx, &new).await?;
        let subject = Subject { id: Some(document_id.to_string()), ..gate.subject };
        let mut entry =
            self.entry(actor, event, Outcome::Allowed, gate.allowed.purpose(), gate.allowed.role(), &subject);
        entry.reason = Some(format!("organisation={organisation}"));
        self.append_in(&mut tx, vec![entry]).await?;
        tx.commit().await?;
        Ok(ReleaseHandover::Made(document_id))
    }
}
