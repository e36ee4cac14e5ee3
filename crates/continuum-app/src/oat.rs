//! Opioid agonist treatment (issue 5, item 4): prison prescriptions, the
//! treatment a person declares at entry, the alert when no prescription
//! follows within 24 hours, and the continuity recorded for indicator 6.
//! The rules (medicines, doses, the 24 hours) are `continuum_domain::oat`'s.
//!
//! Who: the medical service of the person's prison writes
//! (`WriteMedication`); care workers there read (`ReadClinical`), and so
//! does the sending team of a transfer for what its prison wrote, while
//! its read window lasts (`care_access`). Every read and write is audited
//! in its transaction; a prescription or declaration of a person at
//! another prison is "not found".

use continuum_domain::audit::format_instant;
use continuum_domain::ids::SiteId;
use continuum_domain::oat::{
    ContinuityClock, ContinuityDraft, ContinuityFields, ContinuityStatus, DeclarationDraft, DeclarationFields,
    PrescriptionDraft, PrescriptionFields, StopDraft,
};
use continuum_domain::policy::{Action, Target};
use continuum_domain::validation::Problem;
use continuum_store::StoreError;
use continuum_store::oat::{
    self, DeclarationRow, NewDeclaration, NewPrescription, OpenDeclarationRow, PrescriptionRow,
};
use jiff::Timestamp;

use crate::access::Subject;
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};
use crate::people::Person;

/// A prison prescription of OAT.
pub type Prescription = PrescriptionRow;

/// The most alerts the worklist shows.
const ALERT_ROWS: i64 = 50;

/// OAT declared at entry, and where its continuity stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declaration {
    /// As stored (with the continuity once recorded).
    pub row: DeclarationRow,
    /// Until the continuity is recorded: urgent, due or prescribed.
    pub status: Option<ContinuityStatus>,
}

/// A person's OAT records.
#[derive(Debug, Clone)]
pub struct OatRecord {
    /// The person.
    pub person: Person,
    /// Prescriptions, the newest first.
    pub prescriptions: Vec<Prescription>,
    /// Declarations at entry, the newest first.
    pub declarations: Vec<Declaration>,
    /// Whether the current episode already has its declaration.
    pub current_episode_declared: bool,
    /// Whether only what the actor's prison wrote is shown (the sending
    /// team of a transfer).
    pub sending_team_view: bool,
}

/// A line of the medical service's worklist: OAT declared at entry whose
/// continuity is still to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OatAlert {
    /// The declaration and its person.
    pub row: OpenDeclarationRow,
    /// Urgent, due or prescribed.
    pub status: ContinuityStatus,
}

fn instant(text: &str) -> AppResult<Timestamp> {
    text.parse().map_err(|_| AppError::Internal(anyhow::anyhow!("unreadable instant {text}")))
}

fn status_of(
    counts_from: &str,
    deadline: &str,
    prescribed_at: Option<&str>,
    now: Timestamp,
) -> AppResult<ContinuityStatus> {
    let clock = ContinuityClock { from: instant(counts_from)?, deadline: instant(deadline)? };
    Ok(ContinuityStatus::at(clock, prescribed_at.is_some(), now))
}

impl App {
    /// A person's OAT records (see the module's rules).
    pub async fn person_oat(&self, actor: &Actor, person_id: i64) -> AppResult<OatRecord> {
        let gate = self.clinical_gate(actor, person_id, Action::ReadClinical, "oat.read", "oat").await?;
        let only = gate.site_filter();
        let mut conn = self.store.reader().await?;
        let prescriptions = oat::prescriptions_of(&mut conn, person_id, only).await?;
        let rows = oat::declarations_of(&mut conn, person_id, only).await?;
        drop(conn);
        let now = self.now();
        let mut declarations = Vec::new();
        for row in rows {
            let status = match row.continuity_at {
                Some(_) => None,
                None => Some(status_of(&row.counts_from, &row.deadline, row.prescribed_at.as_deref(), now)?),
            };
            declarations.push(Declaration { row, status });
        }
        let current = gate.person.current_episode_id;
        let current_episode_declared = declarations.iter().any(|d| Some(d.row.episode_id) == current);
        self.audit_read(actor, gate.allowed, "oat.read", &gate.subject).await?;
        Ok(OatRecord {
            sending_team_view: gate.written_at.is_some(),
            person: gate.person,
            prescriptions,
            declarations,
            current_episode_declared,
        })
    }

    /// Records a prison prescription of OAT for the person; answers its id.
    pub async fn record_prescription(
        &self,
        actor: &Actor,
        person_id: i64,
        fields: &PrescriptionFields<'_>,
    ) -> AppResult<i64> {
        let gate =
            self.clinical_gate(actor, person_id, Action::WriteMedication, "oat.prescribe", "oat_prescription").await?;
        let draft = PrescriptionDraft::parse(fields)?;
        let start = draft.start_date.to_string();
        let stop = draft.stop_date.map(|d| d.to_string());
        let now = format_instant(self.now());
        let new = NewPrescription {
            person_id,
            site_id: gate.person.site_id,
            medicine: draft.medicine.code(),
            daily_dose_ug: draft.daily_dose.micrograms(),
            prescriber: &draft.prescriber,
            start_date: &start,
            stop_date: stop.as_deref(),
            observed: draft.observed,
            note: draft.note.as_deref(),
            recorded_by: self.actor_id(actor),
            recorded_at: &now,
        };
        let mut tx = self.store.begin().await?;
        let id = oat::insert_prescription(&mut tx, &new).await?;
        let subject = Subject { id: Some(id.to_string()), ..gate.subject };
        self.audit_change(&mut tx, actor, gate.allowed, "oat.prescribe", &subject).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Stops a running prescription; answers its person's id.
    pub async fn stop_prescription(&self, actor: &Actor, id: i64, stop_date: &str, reason: &str) -> AppResult<i64> {
        self.permit(actor, Action::WriteMedication, "oat.stop").await?;
        let mut conn = self.store.reader().await?;
        let prescription = oat::prescription(&mut conn, id).await?;
        drop(conn);
        let prescription = prescription.ok_or(AppError::NotFound)?;
        let gate = self
            .clinical_gate(actor, prescription.person_id, Action::WriteMedication, "oat.stop", "oat_prescription")
            .await?;
        let start = prescription
            .start_date
            .parse()
            .map_err(|_| AppError::Internal(anyhow::anyhow!("prescription {id} has an unreadable start date")))?;
        let stop = StopDraft::parse(stop_date, reason, start)?;
        let mut tx = self.store.begin().await?;
        let date = stop.stop_date.to_string();
        let now = format_instant(self.now());
        let by = self.actor_id(actor);
        if !oat::stop_prescription(&mut tx, id, &date, stop.reason.as_deref(), by, &now).await? {
            return Err(AppError::Conflict("oat-already-stopped"));
        }
        let subject = Subject { id: Some(id.to_string()), ..gate.subject };
        self.audit_change(&mut tx, actor, gate.allowed, "oat.stop", &subject).await?;
        tx.commit().await?;
        Ok(prescription.person_id)
    }

    /// Records the OAT a person declares at entry, for their current,
    /// open episode (one declaration per episode); answers its id. Its 24
    /// hours run from the entry (see `ContinuityClock`).
    pub async fn declare_outside_oat(
        &self,
        actor: &Actor,
        person_id: i64,
        fields: &DeclarationFields<'_>,
    ) -> AppResult<i64> {
        let gate =
            self.clinical_gate(actor, person_id, Action::WriteMedication, "oat.declare", "oat_declaration").await?;
        let draft = DeclarationDraft::parse(fields, self.register_today())?;
        let mut conn = self.store.reader().await?;
        let episode = match gate.person.current_episode_id {
            Some(id) => continuum_store::episodes::get(&mut conn, id).await?,
            None => None,
        };
        let registered = match &episode {
            Some(e) => oat::episode_registered_at(&mut conn, e.id).await?,
            None => None,
        };
        drop(conn);
        let (Some(episode), Some(registered)) = (episode.filter(|e| e.release_date.is_none()), registered) else {
            return Err(AppError::field("episode", Problem::EpisodeEnded));
        };
        let entry = episode
            .entry_date
            .parse()
            .map_err(|_| AppError::Internal(anyhow::anyhow!("episode {} has an unreadable entry date", episode.id)))?;
        let clock = ContinuityClock::of_entry(entry, instant(&registered)?);
        let last_dose = draft.last_dose_date.to_string();
        let (from, deadline) = (format_instant(clock.from), format_instant(clock.deadline));
        let now = format_instant(self.now());
        let new = NewDeclaration {
            person_id,
            episode_id: episode.id,
            site_id: gate.person.site_id,
            medicine: draft.medicine.code(),
            daily_dose_ug: draft.daily_dose.micrograms(),
            last_dose_date: &last_dose,
            prescriber: draft.prescriber.as_deref(),
            counts_from: &from,
            deadline: &deadline,
            declared_by: self.actor_id(actor),
            declared_at: &now,
        };
        let mut tx = self.store.begin().await?;
        let id = oat::insert_declaration(&mut tx, &new).await.map_err(|error| match error {
            StoreError::Unique(_) => AppError::Conflict("oat-already-declared"),
            other => other.into(),
        })?;
        let subject = Subject { id: Some(id.to_string()), ..gate.subject };
        self.audit_change(&mut tx, actor, gate.allowed, "oat.declare", &subject).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Records whether the treatment declared at entry continued without
    /// interruption (and why not); this resolves its alert. Answers the
    /// person's id.
    pub async fn record_continuity(&self, actor: &Actor, id: i64, fields: &ContinuityFields<'_>) -> AppResult<i64> {
        self.permit(actor, Action::WriteMedication, "oat.continuity").await?;
        let mut conn = self.store.reader().await?;
        let declaration = oat::declaration(&mut conn, id).await?;
        drop(conn);
        let declaration = declaration.ok_or(AppError::NotFound)?;
        let gate = self
            .clinical_gate(actor, declaration.person_id, Action::WriteMedication, "oat.continuity", "oat_declaration")
            .await?;
        let draft = ContinuityDraft::parse(fields)?;
        let reason = draft.reason.map(|r| r.code());
        let now = format_instant(self.now());
        let by = self.actor_id(actor);
        let mut tx = self.store.begin().await?;
        if !oat::record_continuity(&mut tx, id, draft.continued, reason, draft.note.as_deref(), by, &now).await? {
            return Err(AppError::Conflict("oat-continuity-recorded"));
        }
        let subject = Subject { id: Some(id.to_string()), ..gate.subject };
        self.audit_change(&mut tx, actor, gate.allowed, "oat.continuity", &subject).await?;
        tx.commit().await?;
        Ok(declaration.person_id)
    }

    /// The OAT alerts of `site` for the medical service's worklist: every
    /// declaration at entry of a person now there whose continuity is
    /// still to record, the urgent first.
    pub async fn oat_alerts(&self, actor: &Actor, site: SiteId) -> AppResult<Vec<OatAlert>> {
        self.permit(actor, Action::WriteMedication, "oat.alerts").await?;
        let subject = Subject::kind("oat_declaration").at_site(actor.site_code(site));
        let allowed =
            self.authorize(actor, Action::WriteMedication, Target::site(site), "oat.alerts", &subject).await?;
        let mut conn = self.store.reader().await?;
        let rows = oat::open_declarations(&mut conn, site.0, ALERT_ROWS).await?;
        drop(conn);
        self.audit_read(actor, allowed, "oat.alerts", &subject).await?;
        let now = self.now();
        let mut alerts = Vec::new();
        for row in rows {
            let status = status_of(&row.counts_from, &row.deadline, row.prescribed_at.as_deref(), now)?;
            alerts.push(OatAlert { row, status });
        }
        alerts.sort_by(|a, b| a.status.cmp(&b.status).then_with(|| a.row.deadline.cmp(&b.row.deadline)));
        Ok(alerts)
    }
}
