//! Who may see and change which group (the rules are in the module docs of
//! `governance`): the actor's memberships become the policy's
//! `GroupMember` relationship, group by group.

use continuum_domain::governance::group::{GroupKind, Period};
use continuum_domain::ids::SiteId;
use continuum_domain::policy::{Action, Decision, Grounds, Relationship, Target, decide};
use continuum_store::Conn;
use continuum_store::governance::groups::{self, GroupRow, MemberRow};

use super::stored_day;
use crate::access::{Allowed, Subject};
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};

/// The groups the actor sits on today.
#[derive(Debug, Clone, Default)]
pub(crate) struct Standing {
    /// The groups.
    pub groups: Vec<i64>,
    /// Whether one of them decides authorisations (the central group).
    pub on_deciding_group: bool,
}

impl Standing {
    /// The relationships the actor has to `group` for `action`.
    pub(crate) fn relationships(&self, group: &GroupRow, action: Action) -> Vec<Relationship> {
        let member = self.groups.contains(&group.id);
        let overseer = self.on_deciding_group && action == Action::ViewGovernance;
        if member || overseer { vec![Relationship::GroupMember] } else { Vec::new() }
    }

    /// Whether the policy lets the actor do `action` on `group`.
    pub(crate) fn may(&self, actor: &Actor, group: &GroupRow, action: Action) -> bool {
        let relationships = self.relationships(group, action);
        let target = Target { site: group.site_id.map(SiteId), relationships: &relationships, consent: None };
        decide(&actor.grants, action, target).is_allowed()
    }

    /// The relationship for deciding authorisations: a member of the
    /// deciding group.
    pub(crate) fn deciding(&self) -> Vec<Relationship> {
        if self.on_deciding_group { vec![Relationship::GroupMember] } else { Vec::new() }
    }
}

/// Whether a stored membership covers `today`.
pub(crate) fn is_current(member: &MemberRow, today: jiff::civil::Date) -> bool {
    let Some(start) = stored_day(&member.start_date) else {
        return false;
    };
    Period { start, end: member.end_date.as_deref().and_then(stored_day) }.covers(today)
}

impl App {
    /// The groups the actor sits on today.
    pub(crate) async fn standing(&self, conn: &mut Conn, actor: &Actor) -> AppResult<Standing> {
        if actor.user_id.0 == 0 {
            return Ok(Standing::default());
        }
        let today = self.governance_today();
        let memberships = groups::memberships_of(conn, actor.user_id.0).await?;
        let mut standing = Standing::default();
        for member in memberships.iter().filter(|m| is_current(m, today)) {
            if standing.groups.contains(&member.group_id) {
                continue;
            }
            standing.groups.push(member.group_id);
            let group = groups::get(conn, member.group_id).await?;
            if group.and_then(|g| GroupKind::parse(&g.kind)).is_some_and(GroupKind::decides_authorisations) {
                standing.on_deciding_group = true;
            }
        }
        Ok(standing)
    }

    /// Asks, before any input is read, whether the actor may do `action`
    /// on some group: by their role at one of their prisons or for the
    /// programme, or through a group they sit on. A refusal is audited;
    /// the answer's grounds serve to audit reads of several groups.
    pub(crate) async fn permit_governance(&self, actor: &Actor, action: Action, event: &str) -> AppResult<Allowed> {
        let by_role = actor
            .sites_where(action)
            .first()
            .map(|site| decide(&actor.grants, action, Target::site(*site)))
            .or_else(|| Some(decide(&actor.grants, action, Target::PROGRAMME)))
            .filter(|d| d.is_allowed());
        if let Some(Decision::Allow(grounds)) = by_role {
            return Ok(Allowed { grounds, action });
        }
        let mut conn = self.store.reader().await?;
        let standing = self.standing(&mut conn, actor).await?;
        let opened = match action {
            Action::DecideProjectAuthorisation => {
                let relationships = standing.deciding();
                decide(&actor.grants, action, Target { site: None, relationships: &relationships, consent: None })
                    .is_allowed()
            }
            _ => {
                let mut opened = false;
                for id in &standing.groups {
                    if let Some(group) = groups::get(&mut conn, *id).await? {
                        opened |= standing.may(actor, &group, action);
                    }
                }
                opened
            }
        };
        drop(conn);
        if opened {
            return Ok(Allowed { grounds: Grounds::Membership, action });
        }
        // A steering member who sits on no group yet gets the overview's
        // empty state, not a refusal: the navigation offers it by role, and
        // each group is still decided on its own.
        if action == Action::ViewGovernance && continuum_domain::policy::possible(&actor.grants, action, None) {
            return Ok(Allowed { grounds: Grounds::Membership, action });
        }
        let subject = Subject::kind("governance_group");
        self.authorize(actor, action, Target::PROGRAMME, event, &subject).await
    }

    /// Asks the policy for `action` on one group (`Forbidden` if the actor
    /// may do it on none; `NotFound` for an unknown group or one they may
    /// not see). `subject` names the record the request is about.
    pub(crate) async fn group_gate(
        &self,
        actor: &Actor,
        action: Action,
        group_id: Option<i64>,
        event: &str,
        subject: Subject,
    ) -> AppResult<(Allowed, GroupRow, Subject)> {
        self.permit_governance(actor, action, event).await?;
        let mut conn = self.store.reader().await?;
        let group = match group_id {
            Some(id) => groups::get(&mut conn, id).await?,
            None => None,
        };
        let Some(group) = group else {
            return Err(AppError::NotFound);
        };
        let standing = self.standing(&mut conn, actor).await?;
        drop(conn);
        let relationships = standing.relationships(&group, action);
        let target = Target { site: group.site_id.map(SiteId), relationships: &relationships, consent: None };
        let subject = subject.at_site(group.site_code.clone());
        let allowed = match self.authorize(actor, action, target, event, &subject).await {
            // A group the actor may not even see is not found, whatever the
            // record asked for (a meeting to create in it, say).
            Err(AppError::Forbidden) if !standing.may(actor, &group, Action::ViewGovernance) => Err(AppError::NotFound),
            other => other,
        }?;
        Ok((allowed, group, subject))
    }

    /// The groups on which the actor may do `action`, in the usual order.
    pub(crate) async fn groups_where(
        &self,
        conn: &mut Conn,
        actor: &Actor,
        action: Action,
    ) -> AppResult<Vec<GroupRow>> {
        let standing = self.standing(conn, actor).await?;
        Ok(groups::all(conn).await?.into_iter().filter(|g| standing.may(actor, g, action)).collect())
    }
}
