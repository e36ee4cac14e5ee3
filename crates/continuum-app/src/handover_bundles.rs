//! What a handover holds, for its FHIR R4 Bundle (issue 6, item 6): at
//! release and at a transfer out of the programme, the same occasion and
//! the same rules as the handover document (`release_handovers`,
//! `handovers`), read live rather than kept.
//!
//! Rules at release:
//! - Whoever may see the person's handover reads it: the clinical roles of
//!   the person's prison (`ReadClinical`; the sending team of a transfer
//!   does not, the person is no longer theirs).
//! - The occasion: the pathway plans the release and its plan names an
//!   outside service of the directory (the receiver), as for the document.
//! - It leaves the treating team only within the person's sharing consent:
//!   each section of [`HANDOVER_SECTIONS`] consented for the receiver now,
//!   else nothing is given, each missing consent is named and the attempt
//!   is audited as refused. The consents it rests on go into the Bundle.
//! - What it holds is read through the use cases of each record (each
//!   audits its read); the Bundle itself is audited once more, naming the
//!   receiver.
//!
//! Rules at a transfer out of the programme ([`App::transfer_handover_bundle`]):
//! - It is the Bundle of a handover document kept at the transfer, and
//!   whoever may read that document reads it, with the same answers
//!   (another prison's document is not found).
//! - It holds no Consent: the handover goes from one prison's medical
//!   service to another's, within prison health care and its continuity of
//!   care (`continuum_domain::handover`: "a transfer to another prison
//!   stays within prison health care: no sharing consent"). DOMAIN.md asks
//!   a sharing consent only for outside providers and organisations.
//! - The OAT it names is what was current on the day of the transfer, as
//!   the document says it; the pathway is the one the transfer closed.

use continuum_domain::audit::{Outcome, format_instant};
use continuum_domain::consent::MissingConsent;
use continuum_domain::policy::Action;
use continuum_store::{episodes, sites};

use crate::access::Subject;
use crate::actor::Actor;
use crate::app::App;
use crate::care::plans::CarePlan;
use crate::consents::ConsentRecord;
use crate::error::{AppError, AppResult};
use crate::oat::{PathwayRecord, Prescription};
use crate::people::Person;
use crate::referrals::ReferralRecord;
use crate::release_handovers::ReleaseOccasion;

/// Whom a handover goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Receiver {
    /// At release: an outside organisation of the directory (id, name).
    Organisation(i64, String),
    /// At a transfer out of the programme: a prison outside it, named in
    /// the handover document (the document's id, the prison's name).
    Prison(i64, String),
}

/// A handover, at release or at a transfer out, as its Bundle holds it.
#[derive(Debug, Clone)]
pub struct HandoverBundle {
    /// The person.
    pub person: Person,
    /// Their prison number in the current episode.
    pub prison_number: String,
    /// The prison handing over: code and name.
    pub from_prison: (String, String),
    /// The receiver.
    pub receiver: Receiver,
    /// The pathway handed over.
    pub pathway: Option<PathwayRecord>,
    /// The care plan of the current pathway.
    pub care_plan: Option<CarePlan>,
    /// The prescriptions current on the day of the handover, each with the
    /// day of its last dose in prison (as the document says it).
    pub medications: Vec<(Prescription, String)>,
    /// The latest referral to the receiver, if there is one.
    pub referral: Option<ReferralRecord>,
    /// The sharing consents it rests on.
    pub consents: Vec<ConsentRecord>,
    /// Who made it.
    pub made_by: String,
    /// When (UTC instant).
    pub made_at: String,
}

/// What asking for the handover Bundle at release gave.
#[derive(Debug, Clone)]
pub enum HandoverBundleOutcome {
    /// Within the consent: what the Bundle holds.
    Ready(Box<HandoverBundle>),
    /// Nothing given: these consents for the receiver (named) are missing.
    ConsentMissing {
        /// The receiving organisation's name.
        receiver: String,
        /// One per section not consented.
        missing: Vec<MissingConsent>,
    },
}

impl App {
    /// The handover at release of a person, for its Bundle (see the
    /// module's rules).
    pub async fn release_handover_bundle(&self, actor: &Actor, person_id: i64) -> AppResult<HandoverBundleOutcome> {
        let event = "handover_bundle.release";
        let gate = self.clinical_gate(actor, person_id, Action::ReadClinical, event, "handover_bundle").await?;
        if gate.written_at.is_some() {
            return Err(AppError::NotFound);
        }
        let mut conn = self.store.reader().await?;
        let now = self.now();
        let ReleaseOccasion { episode, organisation, receiver, sharing, .. } =
            self.release_occasion(&mut conn, &gate.person, now).await?;
        let resting_on = match sharing {
            Ok(resting_on) => resting_on,
            Err(missing) => {
                drop(conn);
                self.audit_consent_missing(actor, event, &gate, &missing).await?;
                return Ok(HandoverBundleOutcome::ConsentMissing { receiver, missing });
            }
        };
        let site = sites::get(&mut conn, episode.site_id).await?;
        drop(conn);
        let from_prison =
            site.map_or_else(|| (episode.site_code.clone(), episode.site_code.clone()), |s| (s.code, s.name));
        let today = self.register_today().to_string();
        let medications = current_on(self.person_oat(actor, person_id).await?.prescriptions, &today);
        let mut consent_ids: Vec<i64> = resting_on.iter().map(|(_, id)| id.0).collect();
        consent_ids.sort_unstable();
        consent_ids.dedup();
        let mut resting_consents = Vec::with_capacity(consent_ids.len());
        for id in consent_ids {
            resting_consents.push(self.get_consent(actor, id).await?);
        }
        let latest_referral = self
            .person_referrals(actor, person_id)
            .await?
            .into_iter()
            .filter(|r| r.row.organisation_id == organisation)
            .max_by_key(|r| r.row.id);
        let referral = match latest_referral {
            Some(r) => Some(self.get_referral(actor, r.row.id).await?),
            None => None,
        };
        let bundle = HandoverBundle {
            person: gate.person.clone(),
            prison_number: episode.prison_number.clone(),
            from_prison,
            receiver: Receiver::Organisation(organisation, receiver),
            pathway: self.person_pathway_record(actor, person_id).await?,
            care_plan: self.person_care_plan(actor, person_id).await?,
            medications,
            referral,
            consents: resting_consents,
            made_by: actor.display_name.clone(),
            made_at: format_instant(now),
        };
        let mut entry =
            self.entry(actor, event, Outcome::Allowed, gate.allowed.purpose(), gate.allowed.role(), &gate.subject);
        entry.reason = Some(format!("organisation={organisation}"));
        self.audit.write(vec![entry]).await?;
        Ok(HandoverBundleOutcome::Ready(Box::new(bundle)))
    }

    /// The handover at a transfer out of the programme, for its Bundle: that
    /// of handover document `document_id` (see the module's rules). A
    /// document made at release answers `handover-bundle-at-release`: its
    /// Bundle is the person's handover at release.
    pub async fn transfer_handover_bundle(&self, actor: &Actor, document_id: i64) -> AppResult<HandoverBundle> {
        let event = "handover_bundle.transfer_out";
        self.permit(actor, Action::ReadClinical, event).await?;
        let (document, _) = self.handover_document(actor, document_id).await?;
        if document.organisation_id.is_some() {
            return Err(AppError::Conflict("handover-bundle-at-release"));
        }
        let person_id = document.person_id;
        let gate = self.clinical_gate(actor, person_id, Action::ReadClinical, event, "handover_bundle").await?;
        let mut conn = self.store.reader().await?;
        let episode = match gate.person.current_episode_id {
            Some(id) => episodes::get(&mut conn, id).await?,
            None => None,
        };
        let site = sites::get(&mut conn, document.site_id).await?;
        drop(conn);
        // The episode the transfer ended, if it is still the person's last.
        let prison_number = episode
            .filter(|e| e.site_id == document.site_id && e.release_date.as_deref() == Some(&document.transfer_date))
            .map(|e| e.prison_number)
            .unwrap_or_default();
        let from_prison = site.map_or_else(|| (String::new(), String::new()), |s| (s.code, s.name));
        let prescriptions = self.person_oat(actor, person_id).await?.prescriptions;
        let bundle = HandoverBundle {
            person: gate.person.clone(),
            prison_number,
            from_prison,
            receiver: Receiver::Prison(document.id, document.receiving_prison.clone()),
            pathway: self.person_pathway_record(actor, person_id).await?,
            care_plan: self.person_care_plan(actor, person_id).await?,
            medications: current_on(prescriptions, &document.transfer_date),
            referral: None,
            consents: Vec::new(),
            made_by: actor.display_name.clone(),
            made_at: format_instant(self.now()),
        };
        let subject = Subject { id: Some(document_id.to_string()), ..gate.subject };
        self.audit_read(actor, gate.allowed, event, &subject).await?;
        Ok(bundle)
    }
}

/// The prescriptions current on `day` (started by then, not stopped
/// before it), each with the day of its last dose in prison: its stop,
/// else `day`.
fn current_on(prescriptions: Vec<Prescription>, day: &str) -> Vec<(Prescription, String)> {
    prescriptions
        .into_iter()
        .filter(|r| r.start_date.as_str() <= day && r.stop_date.as_deref().is_none_or(|stop| stop >= day))
        .map(|r| {
            let last_dose = r.stop_date.clone().unwrap_or_else(|| day.to_owned());
            (r, last_dose)
        })
        .collect()
}
