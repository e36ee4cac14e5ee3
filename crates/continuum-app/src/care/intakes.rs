//! The intake and assessment (issue 5, item 1): recorded once per passage
//! of the pathway, amended as often as needed (each amendment a new
//! version, the earlier ones kept).
//!
//! Rules: recording an intake is the pathway's `RecordIntake` step, in the
//! same transaction: from `intake proposed` (after a positive screening or
//! a request), or, at the person's request without a screening, from
//! `signalled` or `screening offered` (the intake is then proposed and
//! recorded at once). Anywhere else the pathway refuses, with its reason,
//! and nothing is written. An amendment corrects the intake without moving
//! the pathway; only the latest version can be amended (a stale one is a
//! conflict: someone amended it meanwhile).

use continuum_domain::audit::format_instant;
use continuum_domain::care::intake::{IntakeContext, IntakeDraft, IntakeFields};
use continuum_domain::ids::UserId;
use continuum_domain::pathway::{Command, Context, Stage, State};
use continuum_domain::policy::Action;
use continuum_store::care::intakes::{self, IntakeRow, NewIntake};

use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};

/// A stored intake (codes of `continuum_domain::care::intake`).
pub type Intake = IntakeRow;

/// The codes of an intake's secondary substances.
pub fn secondary_substances(intake: &Intake) -> Vec<&str> {
    intake.secondary_substances.split(',').filter(|c| !c.is_empty()).collect()
}

/// Writes a draft as a new intake row.
async fn insert(
    tx: &mut continuum_store::Tx,
    draft: &IntakeDraft,
    pathway_id: i64,
    site_id: i64,
    amends: Option<i64>,
    by: Option<i64>,
    at: &str,
) -> AppResult<i64> {
    let intake_date = draft.intake_date.to_string();
    let secondary: Vec<&str> = draft.secondary_substances.iter().map(|s| s.code()).collect();
    let secondary = secondary.join(",");
    let oat = draft.oat.as_ref();
    let last_dose_on = oat.map(|o| o.last_dose_on.to_string());
    let last_dose_at = oat.and_then(|o| o.last_dose_at).map(|t| t.strftime("%H:%M").to_string());
    let new = NewIntake {
        pathway_id,
        site_id,
        amends,
        intake_date: &intake_date,
        referral_source: draft.referral_source.code(),
        previous_treatment: draft.previous_treatment.code(),
        ever_oat: draft.ever_oat.code(),
        primary_substance: draft.primary_substance.code(),
        secondary_substances: &secondary,
        route: draft.route.code(),
        frequency: draft.frequency.code(),
        first_use_age: draft.first_use_age,
        injecting: draft.injecting.code(),
        first_injection_age: draft.first_injection_age,
        needle_sharing: draft.needle_sharing.map(|s| s.code()),
        living_with: draft.living_with.code(),
        lives_with_children: draft.lives_with_children.code(),
        accommodation: draft.accommodation.code(),
        labour_status: draft.labour_status.code(),
        education: draft.education.code(),
        hiv_test: draft.hiv_test.code(),
        hcv_test: draft.hcv_test.code(),
        oat_outside: draft.oat_outside.code(),
        oat_medicine: oat.map(|o| o.medicine.code()),
        oat_dose: oat.map(|o| o.dose.0),
        oat_prescriber: oat.map(|o| o.prescriber.as_str()),
        oat_last_dose_on: last_dose_on.as_deref(),
        oat_last_dose_at: last_dose_at.as_deref(),
        health_insurance: draft.health_insurance.code(),
        health: &draft.health,
        social: &draft.social,
        goals: &draft.goals,
        language: &draft.language,
        interpreter: draft.interpreter,
        recorded_by: by,
        recorded_at: at,
    };
    Ok(intakes::insert(tx, &new).await?)
}

impl App {
    /// Records the intake of a person and the pathway's step to `intake`
    /// (see the module's rules); answers the intake's id.
    pub async fn record_intake(&self, actor: &Actor, person_id: i64, fields: &IntakeFields<'_>) -> AppResult<i64> {
        let gate = self.care_gate(actor, person_id, Action::WriteClinical, "intake.create", "intake").await?;
        let mut conn = self.store.reader().await?;
        let dates = self.care_dates(&mut conn, &gate.person).await?;
        drop(conn);
        let context = IntakeContext { today: dates.today, entry_date: dates.entry_date, birth_date: dates.birth_date };
        let draft = IntakeDraft::parse(fields, context)?;
        let at = self.now();
        let by = self.actor_id(actor);
        let mut tx = self.store.begin().await?;
        let (pathway_id, mut pathway) = self.open_care_pathway(&mut tx, person_id).await?;
        let step = Context { who: UserId(by.unwrap_or(0)), at, why: None };
        if matches!(pathway.state(), State::Active(Stage::Signalled | Stage::ScreeningOffered)) {
            self.step_pathway(&mut tx, pathway_id, &mut pathway, Command::ProposeIntake, step.clone())
                .await?
                .map_err(AppError::PathwayRefused)?;
        }
        self.step_pathway(&mut tx, pathway_id, &mut pathway, Command::RecordIntake, step)
            .await?
            .map_err(AppError::PathwayRefused)?;
        let id = insert(&mut tx, &draft, pathway_id, gate.person.site_id, None, by, &format_instant(at)).await?;
        let subject = crate::access::Subject { id: Some(id.to_string()), ..gate.subject };
        self.audit_change(&mut tx, actor, gate.allowed, "intake.create", &subject).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Corrects intake `id` (the latest version of it) with a new version;
    /// answers the new version's id.
    pub async fn amend_intake(&self, actor: &Actor, id: i64, fields: &IntakeFields<'_>) -> AppResult<i64> {
        let mut conn = self.store.reader().await?;
        let intake = intakes::get(&mut conn, id).await?;
        let owner = intake.as_ref().map(|i| (i.person_id, i.person_site_id));
        drop(conn);
        let (allowed, subject) =
            self.care_record_gate(actor, owner, "intake", id, Action::WriteClinical, "intake.amend").await?;
        let intake = intake.ok_or(AppError::NotFound)?;
        if intake.superseded_by.is_some() {
            return Err(AppError::Conflict("changed-meanwhile"));
        }
        let mut conn = self.store.reader().await?;
        let person = continuum_store::people::get(&mut conn, intake.person_id).await?.ok_or(AppError::NotFound)?;
        let dates = self.care_dates(&mut conn, &person).await?;
        drop(conn);
        // The intake's own date may lie in an earlier episode of the same pathway.
        let entry_date = match (dates.entry_date, intake.intake_date.parse().ok()) {
            (Some(entry), Some(recorded)) => Some(entry.min(recorded)),
            (entry, _) => entry,
        };
        let context = IntakeContext { today: dates.today, entry_date, birth_date: dates.birth_date };
        let draft = IntakeDraft::parse(fields, context)?;
        let by = self.actor_id(actor);
        let mut tx = self.store.begin().await?;
        let at = format_instant(self.now());
        let new_id = insert(&mut tx, &draft, intake.pathway_id, person.site_id, Some(id), by, &at).await?;
        if !intakes::supersede(&mut tx, id, new_id).await? {
            return Err(AppError::Conflict("changed-meanwhile"));
        }
        let subject = crate::access::Subject { id: Some(new_id.to_string()), ..subject };
        self.audit_change(&mut tx, actor, allowed, "intake.amend", &subject).await?;
        tx.commit().await?;
        Ok(new_id)
    }

    /// One intake (any version).
    pub async fn intake(&self, actor: &Actor, id: i64) -> AppResult<Intake> {
        let mut conn = self.store.reader().await?;
        let intake = intakes::get(&mut conn, id).await?;
        drop(conn);
        let owner = intake.as_ref().map(|i| (i.person_id, i.person_site_id));
        let (allowed, subject) =
            self.care_record_gate(actor, owner, "intake", id, Action::ReadClinical, "intake.read").await?;
        self.audit_read(actor, allowed, "intake.read", &subject).await?;
        intake.ok_or(AppError::NotFound)
    }

    /// Every intake of a person, every version, the newest first: the
    /// current one is the first not superseded.
    pub async fn person_intakes(&self, actor: &Actor, person_id: i64) -> AppResult<Vec<Intake>> {
        let gate = self.care_gate(actor, person_id, Action::ReadClinical, "intake.list", "intake").await?;
        let mut conn = self.store.reader().await?;
        let list = intakes::of_person(&mut conn, person_id).await?;
        drop(conn);
        self.audit_read(actor, gate.allowed, "intake.list", &gate.subject).await?;
        Ok(list)
    }
}
