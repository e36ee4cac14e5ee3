//! The care worker responsible for a person's pathway (issue 5, for the
//! caseload "per care worker"): read with the team that may take it,
//! assigned and changed.
//!
//! Who: the responsible worker is clinical information (it says the person
//! is in drug care), so reading it needs `ReadClinical` and changing it
//! `WriteClinical` at the person's prison. Who may be made responsible is
//! the domain's rule (`continuum_domain::release::may_be_responsible`): a
//! care worker or the medical service of that prison. A user who is not,
//! or does not exist, is refused alike on the field `user_id`. A closed
//! pathway keeps the worker it had; a pathway handed to another prison
//! (a transfer, a reopening elsewhere) loses its worker, and the receiving
//! team chooses one (`pathways::step_pathway`).

use std::collections::BTreeMap;

use continuum_domain::audit::format_instant;
use continuum_domain::ids::SiteId;
use continuum_domain::policy::Action;
use continuum_domain::release::may_be_responsible;
use continuum_domain::validation::Problem;
use continuum_store::care_team::{self, AssignmentRow, TeamRow};
use continuum_store::{people, users};

use crate::access::{Allowed, Subject};
use crate::actor::Actor;
use crate::app::App;
use crate::auth::domain_grants;
use crate::error::{AppError, AppResult};

/// An assignment of a pathway's responsible worker.
pub type Assignment = AssignmentRow;

/// A user who may be responsible for a pathway.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clinician {
    /// User id.
    pub id: i64,
    /// Username.
    pub username: String,
    /// Display name.
    pub display_name: String,
}

/// A person's pathway and the care worker responsible for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CareTeam {
    /// The pathway.
    pub pathway_id: i64,
    /// Its state code.
    pub state: String,
    /// The responsible worker, if any.
    pub responsible: Option<Clinician>,
    /// Who may be made responsible (the clinicians of the person's prison).
    pub candidates: Vec<Clinician>,
    /// Every assignment, the newest first.
    pub history: Vec<Assignment>,
}

/// A person's current pathway, once the actor may act on it.
pub(crate) struct PathwayGate {
    pub allowed: Allowed,
    /// The audit subject: the person and the pathway, at the person's prison.
    pub subject: Subject,
    /// The person's prison.
    pub site: SiteId,
    /// The pathway.
    pub team: TeamRow,
}

impl App {
    /// Asks the policy for `action` on the current pathway of a person at
    /// their prison; a person without a pathway is "not found".
    pub(crate) async fn pathway_gate(
        &self,
        actor: &Actor,
        person_id: i64,
        action: Action,
        event: &str,
    ) -> AppResult<PathwayGate> {
        let mut conn = self.store.reader().await?;
        let person = people::get(&mut conn, person_id).await?;
        let team = match &person {
            Some(_) => care_team::of_person(&mut conn, person_id).await?,
            None => None,
        };
        drop(conn);
        let site = person.as_ref().map(|p| SiteId(p.site_id));
        let subject = Subject { person_id: Some(person_id), ..Subject::kind("pathway") };
        let allowed = self.authorize_record(actor, action, site, event, &subject).await?;
        let (Some(site), Some(team)) = (site, team) else {
            return Err(AppError::NotFound);
        };
        let subject = Subject { id: Some(team.pathway_id.to_string()), ..subject }.at_site(actor.site_code(site));
        Ok(PathwayGate { allowed, subject, site, team })
    }

    /// The clinicians who may be responsible for a pathway at `site`.
    async fn clinicians_at(&self, site: SiteId) -> AppResult<Vec<Clinician>> {
        let mut conn = self.store.reader().await?;
        let rows = care_team::clinician_grants(&mut conn, site.0).await?;
        drop(conn);
        let mut by_user: BTreeMap<i64, (Clinician, Vec<users::GrantRow>)> = BTreeMap::new();
        let mut order = Vec::new();
        for row in rows {
            let grant = users::GrantRow { role: row.role, site_id: row.site_id, site_code: None };
            by_user
                .entry(row.user_id)
                .or_insert_with(|| {
                    order.push(row.user_id);
                    (Clinician { id: row.user_id, username: row.username, display_name: row.display_name }, Vec::new())
                })
                .1
                .push(grant);
        }
        Ok(order
            .into_iter()
            .filter_map(|id| by_user.remove(&id))
            .filter(|(_, grants)| may_be_responsible(&domain_grants(grants), site))
            .map(|(clinician, _)| clinician)
            .collect())
    }

    /// The person's pathway, its responsible worker, who may be made
    /// responsible and every assignment.
    pub async fn care_team(&self, actor: &Actor, person_id: i64) -> AppResult<CareTeam> {
        let gate = self.pathway_gate(actor, person_id, Action::ReadClinical, "care_team.read").await?;
        let candidates = self.clinicians_at(gate.site).await?;
        let mut conn = self.store.reader().await?;
        let history = care_team::assignments(&mut conn, gate.team.pathway_id).await?;
        drop(conn);
        self.audit_read(actor, gate.allowed, "care_team.read", &gate.subject).await?;
        let team = gate.team;
        let responsible = match (team.user_id, team.username, team.display_name) {
            (Some(id), Some(username), Some(display_name)) => Some(Clinician { id, username, display_name }),
            _ => None,
        };
        Ok(CareTeam { pathway_id: team.pathway_id, state: team.state, responsible, candidates, history })
    }

    /// Makes `user_id` (or nobody) responsible for the person's pathway.
    /// Choosing the worker already responsible changes nothing.
    pub async fn assign_care_worker(&self, actor: &Actor, person_id: i64, user_id: Option<i64>) -> AppResult<()> {
        let gate = self.pathway_gate(actor, person_id, Action::WriteClinical, "care_team.assign").await?;
        if gate.team.state == "closed" {
            return Err(AppError::Conflict("care-team-pathway-closed"));
        }
        if let Some(user_id) = user_id {
            let mut conn = self.store.reader().await?;
            let active = users::get(&mut conn, user_id).await?.is_some_and(|u| u.active);
            let grants = users::grants(&mut conn, user_id).await?;
            drop(conn);
            if !active || !may_be_responsible(&domain_grants(&grants), gate.site) {
                return Err(AppError::field("user_id", Problem::NotClinicalAtSite));
            }
        }
        if gate.team.user_id == user_id {
            return Ok(());
        }
        let mut tx = self.store.begin().await?;
        let at = format_instant(self.now());
        care_team::assign(&mut tx, gate.team.pathway_id, user_id, &at, self.actor_id(actor)).await?;
        self.audit_change(&mut tx, actor, gate.allowed, "care_team.assign", &gate.subject).await?;
        tx.commit().await?;
        Ok(())
    }
}
