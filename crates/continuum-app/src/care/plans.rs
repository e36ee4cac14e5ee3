//! The care plan (issue 5, item 2): one per pathway, saved whole as a new
//! version each time, every version kept and readable with what changed.
//!
//! Rules:
//! - **Starting the first plan** of a pathway at `intake` is the pathway's
//!   `StartCare` step, in the same transaction; a plan can also be made for
//!   a pathway already in care, planning release or in follow-up (no step).
//!   Before the intake the pathway refuses, with its reason, and nothing is
//!   written. A pathway has one plan: a second is `care-plan-exists`.
//! - **Changing the plan** needs the version read: a save over a version
//!   someone else has replaced meanwhile is refused (`care-plan-changed`),
//!   never written over; the page then shows what the other person changed.
//!   A change saved while the pathway is back at `intake` (reopened) starts
//!   care again.
//! - Only the plan of the person's current, open pathway changes; plans of
//!   earlier pathways are history.
//! - **Reviews**: the worklist of a site shows, to clinical roles, the plans
//!   in care whose review date is within [`REVIEW_DUE_DAYS`] days or past.

use continuum_domain::audit::format_instant;
use continuum_domain::care::plan::{
    Goal, GoalStatus, Intervention, InterventionKind, InterventionStatus, Plan, PlanContext, PlanDraft, PlanFields,
};
use continuum_domain::ids::UserId;
use continuum_domain::pathway::{Command, Context, Stage, State};
use continuum_domain::policy::{Action, Target};
use continuum_store::StoreError;
use continuum_store::care::plans::{
    self, GoalRow, InterventionRow, NewGoal, NewIntervention, NewVersion, PlanRow, PlanVersionRow, ReviewDueRow,
};
use jiff::civil::Date;

use crate::access::Subject;
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};

/// Days before its review date that a plan appears on the worklist.
pub const REVIEW_DUE_DAYS: i64 = 7;

/// The most plans the worklist's review section shows.
const REVIEW_ROWS: i64 = 50;

/// A stored plan (its current dates and version).
pub type CarePlanRow = PlanRow;
/// Who saved a version, when, where and why.
pub type PlanVersionMeta = PlanVersionRow;

/// One version of a plan with its content.
#[derive(Debug, Clone)]
pub struct PlanVersion {
    /// Who, when, where, why.
    pub meta: PlanVersionMeta,
    /// The dates, goals and interventions.
    pub plan: Plan,
}

/// A plan with every version, the oldest first.
#[derive(Debug, Clone)]
pub struct CarePlan {
    /// The plan.
    pub row: CarePlanRow,
    /// Every version, the oldest first; the last is the current one.
    pub versions: Vec<PlanVersion>,
    /// Whether it can be changed: the plan of the person's current pathway,
    /// which is not closed.
    pub editable: bool,
}

impl CarePlan {
    /// The current version.
    pub fn current(&self) -> Option<&PlanVersion> {
        self.versions.last()
    }

    /// Version `number`, if it exists.
    pub fn version(&self, number: i64) -> Option<&PlanVersion> {
        self.versions.iter().find(|v| v.meta.version == number)
    }
}

/// A plan on the worklist: its review is due or past.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewDue {
    /// The plan and person.
    pub row: ReviewDueRow,
    /// Whether the review date is past.
    pub overdue: bool,
}

fn corrupt(what: &str) -> AppError {
    AppError::Internal(anyhow::anyhow!("a stored care plan has an unreadable {what}"))
}

fn date(text: &str) -> AppResult<Date> {
    text.parse().map_err(|_| corrupt("date"))
}

fn goal(row: &GoalRow) -> AppResult<Goal> {
    Ok(Goal {
        key: row.item_key.clone(),
        description: row.description.clone(),
        status: GoalStatus::from_code(&row.status).ok_or_else(|| corrupt("goal status"))?,
        target_date: row.target_date.as_deref().map(date).transpose()?,
    })
}

fn intervention(row: &InterventionRow) -> AppResult<Intervention> {
    Ok(Intervention {
        key: row.item_key.clone(),
        kind: InterventionKind::from_code(&row.kind).ok_or_else(|| corrupt("intervention kind"))?,
        description: row.description.clone(),
        responsible: row.responsible.clone(),
        starts_on: date(&row.starts_on)?,
        status: InterventionStatus::from_code(&row.status).ok_or_else(|| corrupt("intervention status"))?,
    })
}

impl App {
    /// Reads a plan with every version.
    async fn load_care_plan(&self, conn: &mut continuum_store::Conn, row: CarePlanRow) -> AppResult<CarePlan> {
        let metas = plans::versions(conn, row.id).await?;
        let (goals, interventions) = plans::items(conn, row.id).await?;
        let mut versions = Vec::with_capacity(metas.len());
        for meta in metas {
            let plan = Plan {
                plan_date: date(&meta.plan_date)?,
                review_date: date(&meta.review_date)?,
                goals: goals.iter().filter(|g| g.plan_version_id == meta.id).map(goal).collect::<AppResult<_>>()?,
                interventions: interventions
                    .iter()
                    .filter(|i| i.plan_version_id == meta.id)
                    .map(intervention)
                    .collect::<AppResult<_>>()?,
            };
            versions.push(PlanVersion { meta, plan });
        }
        let editable = match self.load_pathway(conn, row.person_id).await? {
            Some((id, pathway)) => id == row.pathway_id && !pathway.is_closed(),
            None => false,
        };
        Ok(CarePlan { row, versions, editable })
    }

    /// The plan of the person's current pathway, if it has one.
    pub async fn person_care_plan(&self, actor: &Actor, person_id: i64) -> AppResult<Option<CarePlan>> {
        let gate = self.care_gate(actor, person_id, Action::ReadClinical, "care_plan.read", "care_plan").await?;
        let mut conn = self.store.reader().await?;
        let row = match self.load_pathway(&mut conn, person_id).await? {
            Some((pathway_id, _)) => plans::of_pathway(&mut conn, pathway_id).await?,
            None => None,
        };
        let plan = match row {
            Some(row) => Some(self.load_care_plan(&mut conn, row).await?),
            None => None,
        };
        drop(conn);
        let subject = Subject { id: plan.as_ref().map(|p| p.row.id.to_string()), ..gate.subject };
        self.audit_read(actor, gate.allowed, "care_plan.read", &subject).await?;
        Ok(plan)
    }

    /// One plan with every version.
    pub async fn care_plan(&self, actor: &Actor, id: i64) -> AppResult<CarePlan> {
        let mut conn = self.store.reader().await?;
        let row = plans::get(&mut conn, id).await?;
        drop(conn);
        let owner = row.as_ref().map(|r| (r.person_id, r.person_site_id));
        let (allowed, subject) =
            self.care_record_gate(actor, owner, "care_plan", id, Action::ReadClinical, "care_plan.read").await?;
        let row = row.ok_or(AppError::NotFound)?;
        let mut conn = self.store.reader().await?;
        let plan = self.load_care_plan(&mut conn, row).await?;
        drop(conn);
        self.audit_read(actor, allowed, "care_plan.read", &subject).await?;
        Ok(plan)
    }

    /// Every plan of a person (of all their pathways), the newest first.
    pub async fn person_care_plans(&self, actor: &Actor, person_id: i64) -> AppResult<Vec<CarePlan>> {
        let gate = self.care_gate(actor, person_id, Action::ReadClinical, "care_plan.read", "care_plan").await?;
        let mut conn = self.store.reader().await?;
        let mut found = Vec::new();
        for row in plans::of_person(&mut conn, person_id).await? {
            found.push(self.load_care_plan(&mut conn, row).await?);
        }
        drop(conn);
        self.audit_read(actor, gate.allowed, "care_plan.read", &gate.subject).await?;
        Ok(found)
    }

    /// Makes the first plan of the person's current pathway (see the
    /// module's rules); answers the plan's id.
    pub async fn start_care_plan(&self, actor: &Actor, person_id: i64, fields: &PlanFields<'_>) -> AppResult<i64> {
        let gate = self.care_gate(actor, person_id, Action::WriteClinical, "care_plan.create", "care_plan").await?;
        let mut conn = self.store.reader().await?;
        let dates = self.care_dates(&mut conn, &gate.person).await?;
        drop(conn);
        let context = PlanContext { today: dates.today, entry_date: dates.entry_date, used_keys: &[] };
        let draft = PlanDraft::parse(fields, context)?;
        let at = self.now();
        let by = self.actor_id(actor);
        let mut tx = self.store.begin().await?;
        let (pathway_id, mut pathway) = self.open_care_pathway(&mut tx, person_id).await?;
        if plans::of_pathway(&mut tx, pathway_id).await?.is_some() {
            return Err(AppError::Conflict("care-plan-exists"));
        }
        let in_care = matches!(
            pathway.state(),
            State::Active(Stage::InCare | Stage::ReleasePlanning | Stage::ReleasedInFollowUp)
        );
        if !in_care {
            let context = Context { who: UserId(by.unwrap_or(0)), at, why: None };
            self.step_pathway(&mut tx, pathway_id, &mut pathway, Command::StartCare, context)
                .await?
                .map_err(AppError::PathwayRefused)?;
        }
        let at = format_instant(at);
        let parts = VersionParts::of(&draft);
        let id = plans::create(&mut tx, pathway_id, &parts.version(gate.person.site_id, by, &at)).await.map_err(
            |error| match error {
                StoreError::Unique(_) => AppError::Conflict("care-plan-exists"),
                other => other.into(),
            },
        )?;
        let subject = Subject { id: Some(id.to_string()), ..gate.subject };
        self.audit_change(&mut tx, actor, gate.allowed, "care_plan.create", &subject).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Saves a new version of plan `id` over version `expected` (see the
    /// module's rules); answers the new version's number.
    pub async fn revise_care_plan(
        &self,
        actor: &Actor,
        id: i64,
        expected: i64,
        fields: &PlanFields<'_>,
    ) -> AppResult<i64> {
        let mut conn = self.store.reader().await?;
        let row = plans::get(&mut conn, id).await?;
        drop(conn);
        let owner = row.as_ref().map(|r| (r.person_id, r.person_site_id));
        let (allowed, subject) =
            self.care_record_gate(actor, owner, "care_plan", id, Action::WriteClinical, "care_plan.update").await?;
        let row = row.ok_or(AppError::NotFound)?;
        let mut conn = self.store.reader().await?;
        let person = continuum_store::people::get(&mut conn, row.person_id).await?.ok_or(AppError::NotFound)?;
        let dates = self.care_dates(&mut conn, &person).await?;
        let used = self.load_care_plan(&mut conn, row.clone()).await?;
        drop(conn);
        let mut used_keys: Vec<String> = used
            .versions
            .iter()
            .flat_map(|v| {
                v.plan.goals.iter().map(|g| g.key.clone()).chain(v.plan.interventions.iter().map(|i| i.key.clone()))
            })
            .collect();
        used_keys.sort();
        used_keys.dedup();
        let context = PlanContext { today: dates.today, entry_date: dates.entry_date, used_keys: &used_keys };
        let draft = PlanDraft::parse(fields, context)?;
        let at = self.now();
        let by = self.actor_id(actor);
        let mut tx = self.store.begin().await?;
        let (pathway_id, mut pathway) = self.open_care_pathway(&mut tx, row.person_id).await?;
        if pathway_id != row.pathway_id {
            return Err(AppError::Conflict("care-no-open-pathway"));
        }
        if pathway.state() == State::Active(Stage::Intake) {
            let context = Context { who: UserId(by.unwrap_or(0)), at, why: None };
            self.step_pathway(&mut tx, pathway_id, &mut pathway, Command::StartCare, context)
                .await?
                .map_err(AppError::PathwayRefused)?;
        }
        let at = format_instant(at);
        let parts = VersionParts::of(&draft);
        let Some(version) = plans::revise(&mut tx, id, expected, &parts.version(person.site_id, by, &at)).await? else {
            return Err(AppError::Conflict("care-plan-changed"));
        };
        self.audit_change(&mut tx, actor, allowed, "care_plan.update", &subject).await?;
        tx.commit().await?;
        Ok(version)
    }

    /// The plans of the actor's worklist site whose review is due within
    /// [`REVIEW_DUE_DAYS`] days or past, the earliest first; `None` for a
    /// role without clinical access there.
    pub async fn care_plan_reviews_due(&self, actor: &Actor) -> AppResult<Option<Vec<ReviewDue>>> {
        let Some(site) = self.worklist_site(actor) else {
            return Ok(None);
        };
        if !actor.may(Action::ReadClinical, Target::site(site)) {
            return Ok(None);
        }
        let subject = Subject::kind("care_plan").at_site(actor.site_code(site));
        let allowed =
            self.authorize(actor, Action::ReadClinical, Target::site(site), "care_plan.reviews", &subject).await?;
        let today = self.register_today();
        let due_by = today.checked_add(jiff::Span::new().days(REVIEW_DUE_DAYS)).unwrap_or(today).to_string();
        let mut conn = self.store.reader().await?;
        let rows = plans::reviews_due(&mut conn, site.0, &due_by, REVIEW_ROWS).await?;
        drop(conn);
        self.audit_read(actor, allowed, "care_plan.reviews", &subject).await?;
        let today = today.to_string();
        Ok(Some(rows.into_iter().map(|row| ReviewDue { overdue: row.review_date < today, row }).collect()))
    }
}

/// A draft's parts as the store writes them.
struct VersionParts<'a> {
    draft: &'a PlanDraft,
    goals: Vec<NewGoal<'a>>,
    interventions: Vec<NewIntervention<'a>>,
    plan_date: String,
    review_date: String,
}

impl<'a> VersionParts<'a> {
    fn of(draft: &'a PlanDraft) -> VersionParts<'a> {
        VersionParts {
            draft,
            goals: draft
                .plan
                .goals
                .iter()
                .map(|g| NewGoal {
                    item_key: &g.key,
                    description: &g.description,
                    status: g.status.code(),
                    target_date: g.target_date.map(|d| d.to_string()),
                })
                .collect(),
            interventions: draft
                .plan
                .interventions
                .iter()
                .map(|i| NewIntervention {
                    item_key: &i.key,
                    kind: i.kind.code(),
                    description: &i.description,
                    responsible: &i.responsible,
                    starts_on: i.starts_on.to_string(),
                    status: i.status.code(),
                })
                .collect(),
            plan_date: draft.plan.plan_date.to_string(),
            review_date: draft.plan.review_date.to_string(),
        }
    }

    fn version<'b>(&'b self, site_id: i64, changed_by: Option<i64>, changed_at: &'b str) -> NewVersion<'b> {
        NewVersion {
            change: self.draft.change.code(),
            plan_date: &self.plan_date,
            review_date: &self.review_date,
            note: &self.draft.note,
            site_id,
            changed_by,
            changed_at,
            goals: &self.goals,
            interventions: &self.interventions,
        }
    }
}
