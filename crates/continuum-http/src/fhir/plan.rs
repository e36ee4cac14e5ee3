//! The care plan as FHIR R4 (issue 5, item 9): a plan as a `CarePlan`, its
//! goals as `Goal`s. Read through the same use cases as the pages and the
//! API (`care_plan`, `person_care_plans`), so the same policy and audit:
//! clinical roles of the person's prison; another prison's plan is 404.
//!
//! Mapping (the plan's current version):
//! - the version is `meta.versionId`, its save `meta.lastUpdated`; the
//!   plan's date starts `period`; the review date has no R4 element and is
//!   an extension of ours (`{CANONICAL}/StructureDefinition/care-plan-review-date`);
//! - the plan of the person's open pathway is `active`, any other (an
//!   earlier or closed pathway's) `completed`;
//! - each intervention is an `activity.detail`: its kind a code of our own
//!   code system, its status mapped to R4's (planned: `scheduled`), who
//!   does it a `performer` by name, its first day `scheduledPeriod.start`;
//! - each goal is a `Goal` with the id `{plan}-{key}` (`12-g1`; keys are
//!   stable across versions): open is `active`, achieved `completed` (and
//!   achievement `achieved`), given up `cancelled`. A goal an earlier
//!   version had and the current one dropped is read as that version left it.

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use continuum_app::AppError;
use continuum_app::care::plans::CarePlan as StoredPlan;
use continuum_domain::care::plan::{Goal as PlanGoal, GoalStatus, Intervention, InterventionStatus};
use continuum_domain::policy::Action;
use continuum_i18n::Lang;
use serde::Serialize;

use super::consent::NamedReference;
use super::resources::{CodeableConcept, Coding, Extension, ExtensionValue, Reference, Resource};
use super::{CANONICAL, FhirCaller, FhirError, care, entry, fhir_json, searchset};
use crate::state::AppState;

/// The HL7 goal achievement code system.
const GOAL_ACHIEVEMENT: &str = "http://terminology.hl7.org/CodeSystem/goal-achievement";

/// A resource's version and last change.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Meta {
    /// The version's number.
    pub version_id: String,
    /// When it was saved.
    pub last_updated: String,
}

/// The first day of an intervention.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Start {
    /// The day.
    pub start: String,
}

/// What an intervention is, who does it, from when, how far it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivityDetail {
    /// The kind of help, in Continuum's code system.
    pub code: CodeableConcept,
    /// R4's activity status.
    pub status: &'static str,
    /// From when.
    pub scheduled_period: Start,
    /// Who does it, by name.
    pub performer: Vec<NamedReference>,
    /// What is done.
    pub description: String,
}

/// One intervention of a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Activity {
    /// The intervention.
    pub detail: ActivityDetail,
}

/// A care plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CarePlan {
    /// Logical id (the plan's id).
    pub id: String,
    /// The current version.
    pub meta: Meta,
    /// The review date.
    pub extension: Vec<Extension>,
    /// `active` or `completed`.
    pub status: &'static str,
    /// `plan`.
    pub intent: &'static str,
    /// In words.
    pub title: String,
    /// The person.
    pub subject: Reference,
    /// From the current version's date.
    pub period: Start,
    /// When the plan was first made.
    pub created: String,
    /// The goals.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub goal: Vec<Reference>,
    /// The interventions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub activity: Vec<Activity>,
}

/// When a goal should be reached.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GoalTarget {
    /// The day.
    pub due_date: String,
}

/// A goal of a care plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Goal {
    /// Logical id (`{plan}-{key}`).
    pub id: String,
    /// `active`, `completed` or `cancelled`.
    pub lifecycle_status: &'static str,
    /// `achieved`, for a goal reached.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub achievement_status: Option<CodeableConcept>,
    /// The goal, in the words agreed.
    pub description: CodeableConcept,
    /// The person.
    pub subject: Reference,
    /// When it should be reached, if agreed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub target: Vec<GoalTarget>,
}

/// A code of one of Continuum's code systems, with its label.
fn own_code(system: &str, code: &str, message_id: &str, lang: Lang) -> CodeableConcept {
    let label = continuum_i18n::t(lang, message_id);
    CodeableConcept {
        coding: vec![Coding {
            system: format!("{CANONICAL}/CodeSystem/{system}"),
            code: code.to_owned(),
            display: Some(label.clone()),
            ..Coding::default()
        }],
        text: Some(label),
    }
}

fn activity_status(status: InterventionStatus) -> &'static str {
    match status {
        InterventionStatus::Planned => "scheduled",
        InterventionStatus::InProgress => "in-progress",
        InterventionStatus::Done => "completed",
        InterventionStatus::Cancelled => "cancelled",
    }
}

fn activity(i: &Intervention, lang: Lang) -> Activity {
    Activity {
        detail: ActivityDetail {
            code: own_code("plan-intervention-kind", i.kind.code(), i.kind.message_id(), lang),
            status: activity_status(i.status),
            scheduled_period: Start { start: i.starts_on.to_string() },
            performer: vec![NamedReference { reference: None, display: Some(i.responsible.clone()) }],
            description: i.description.clone(),
        },
    }
}

/// The id of a goal of a plan.
pub(super) fn goal_id(plan: i64, key: &str) -> String {
    format!("{plan}-{key}")
}

/// A plan as a CarePlan (its current version); `None` for a plan without
/// any version, which the store never holds.
pub(super) fn care_plan(p: &StoredPlan, lang: Lang) -> Option<CarePlan> {
    let current = p.current()?;
    Some(CarePlan {
        id: p.row.id.to_string(),
        meta: Meta { version_id: current.meta.version.to_string(), last_updated: current.meta.changed_at.clone() },
        extension: vec![Extension {
            url: format!("{CANONICAL}/StructureDefinition/care-plan-review-date"),
            value: ExtensionValue::Date(current.plan.review_date.to_string()),
        }],
        status: if p.editable { "active" } else { "completed" },
        intent: "plan",
        title: continuum_i18n::t(lang, "plan-title"),
        subject: care::patient(p.row.person_id),
        period: Start { start: current.plan.plan_date.to_string() },
        created: p.row.created_at.clone(),
        goal: current
            .plan
            .goals
            .iter()
            .map(|g| Reference { reference: format!("Goal/{}", goal_id(p.row.id, &g.key)) })
            .collect(),
        activity: current.plan.interventions.iter().map(|i| activity(i, lang)).collect(),
    })
}

/// A goal of plan `plan` of person `person` as a Goal.
pub(super) fn goal(plan: i64, person: i64, g: &PlanGoal) -> Goal {
    let (lifecycle_status, achieved) = match g.status {
        GoalStatus::Open => ("active", false),
        GoalStatus::Achieved => ("completed", true),
        GoalStatus::Abandoned => ("cancelled", false),
    };
    Goal {
        id: goal_id(plan, &g.key),
        lifecycle_status,
        achievement_status: achieved.then(|| CodeableConcept {
            coding: vec![Coding {
                system: GOAL_ACHIEVEMENT.to_owned(),
                code: "achieved".to_owned(),
                display: Some("Achieved".to_owned()),
                ..Coding::default()
            }],
            text: None,
        }),
        description: CodeableConcept { coding: Vec::new(), text: Some(g.description.clone()) },
        subject: care::patient(person),
        target: g.target_date.iter().map(|d| GoalTarget { due_date: d.to_string() }).collect(),
    }
}

/// The goals of a plan's current version.
pub(super) fn goals(p: &StoredPlan) -> Vec<Goal> {
    p.current().map(|v| v.plan.goals.iter().map(|g| goal(p.row.id, p.row.person_id, g)).collect()).unwrap_or_default()
}

pub(super) async fn read_care_plan(
    State(state): State<AppState>,
    caller: FhirCaller,
    Path(raw): Path<String>,
) -> Result<Response, FhirError> {
    state.app.permit(&caller.actor, Action::ReadClinical, "care_plan.read").await.map_err(caller.fail())?;
    let id: i64 = raw.parse().map_err(|_| caller.fail()(AppError::NotFound))?;
    let plan = state.app.care_plan(&caller.actor, id).await.map_err(caller.fail())?;
    let resource = care_plan(&plan, caller.lang).ok_or_else(|| caller.fail()(AppError::NotFound))?;
    Ok(fhir_json(StatusCode::OK, &Resource::CarePlan(resource)))
}

pub(super) async fn search_care_plans(
    State(state): State<AppState>,
    caller: FhirCaller,
    RawQuery(query): RawQuery,
) -> Result<Response, FhirError> {
    state.app.permit(&caller.actor, Action::ReadClinical, "care_plan.read").await.map_err(caller.fail())?;
    let person = care::person(query.as_deref(), caller.lang)?;
    let plans = state.app.person_care_plans(&caller.actor, person).await.map_err(caller.fail())?;
    let entries = plans
        .iter()
        .filter_map(|p| care_plan(p, caller.lang))
        .map(|resource| {
            let id = resource.id.clone();
            entry(&caller.base, "CarePlan", &id, Resource::CarePlan(resource))
        })
        .collect();
    let self_url = format!("{}/CarePlan?patient=Patient/{person}", caller.base);
    Ok(fhir_json(StatusCode::OK, &searchset(self_url, entries)))
}

pub(super) async fn read_goal(
    State(state): State<AppState>,
    caller: FhirCaller,
    Path(raw): Path<String>,
) -> Result<Response, FhirError> {
    state.app.permit(&caller.actor, Action::ReadClinical, "care_plan.read").await.map_err(caller.fail())?;
    let not_found = || caller.fail()(AppError::NotFound);
    let (plan_id, key) = raw.split_once('-').ok_or_else(not_found)?;
    let plan_id: i64 = plan_id.parse().map_err(|_| not_found())?;
    let plan = state.app.care_plan(&caller.actor, plan_id).await.map_err(caller.fail())?;
    let found =
        plan.versions.iter().rev().find_map(|v| v.plan.goals.iter().find(|g| g.key == key)).ok_or_else(not_found)?;
    Ok(fhir_json(StatusCode::OK, &Resource::Goal(goal(plan.row.id, plan.row.person_id, found))))
}

pub(super) async fn search_goals(
    State(state): State<AppState>,
    caller: FhirCaller,
    RawQuery(query): RawQuery,
) -> Result<Response, FhirError> {
    state.app.permit(&caller.actor, Action::ReadClinical, "care_plan.read").await.map_err(caller.fail())?;
    let person = care::person(query.as_deref(), caller.lang)?;
    let plans = state.app.person_care_plans(&caller.actor, person).await.map_err(caller.fail())?;
    let entries = plans
        .iter()
        .flat_map(goals)
        .map(|resource| {
            let id = resource.id.clone();
            entry(&caller.base, "Goal", &id, Resource::Goal(resource))
        })
        .collect();
    let self_url = format!("{}/Goal?patient=Patient/{person}", caller.base);
    Ok(fhir_json(StatusCode::OK, &searchset(self_url, entries)))
}
