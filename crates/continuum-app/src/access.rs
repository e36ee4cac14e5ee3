//! The steps every use case shares: decide, audit, commit.

use continuum_domain::audit::{AuditEntry, Outcome, Purpose, format_instant};
use continuum_domain::policy::{Action, Decision, DenyReason, Grounds, Target, decide};
use continuum_domain::role::Role;
use continuum_store::Tx;

use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};

/// The note on the audit rows of a kiosk: the person answered on a tablet
/// (mode "self"), on behalf of the worker who started it.
pub(crate) const SELF_ADMINISTERED: &str = "mode=self";

/// What an audit row is about.
#[derive(Debug, Clone, Default)]
pub(crate) struct Subject {
    pub person_id: Option<i64>,
    pub kind: Option<&'static str>,
    pub id: Option<String>,
    pub site: Option<String>,
}

impl Subject {
    pub(crate) fn record(kind: &'static str, id: impl ToString) -> Subject {
        Subject { kind: Some(kind), id: Some(id.to_string()), ..Subject::default() }
    }

    pub(crate) fn kind(kind: &'static str) -> Subject {
        Subject { kind: Some(kind), ..Subject::default() }
    }

    pub(crate) fn at_site(mut self, site: Option<String>) -> Subject {
        self.site = site;
        self
    }
}

/// An allowed access: the grounds, ready to be written as purpose.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Allowed {
    pub grounds: Grounds,
    pub action: Action,
}

impl Allowed {
    pub(crate) fn role(self) -> Option<Role> {
        match self.grounds {
            Grounds::Role(role) => Some(role),
            _ => None,
        }
    }

    /// The consent an access rests on, for the audit row's reason
    /// (`consent=12`): reads on the strength of a person's consent name it.
    pub(crate) fn consent_note(self) -> Option<String> {
        match self.grounds {
            Grounds::Consent(id) | Grounds::Referral(id) => Some(format!("consent={id}")),
            _ => None,
        }
    }

    pub(crate) fn purpose(self) -> Purpose {
        match (self.grounds, self.action) {
            (Grounds::BreakTheGlass, _) => Purpose::BreakTheGlass,
            (_, Action::ExportResearch) => Purpose::Research,
            (_, a) if a.is_clinical() || a == Action::ReadParticipation => Purpose::Treatment,
            _ => Purpose::Administration,
        }
    }
}

impl App {
    /// Builds an audit entry for the actor.
    pub(crate) fn entry(
        &self,
        actor: &Actor,
        event: &str,
        outcome: Outcome,
        purpose: Purpose,
        role: Option<Role>,
        subject: &Subject,
    ) -> AuditEntry {
        let site = subject.site.clone().or_else(|| actor.site.as_ref().map(|s| s.code.clone()));
        AuditEntry {
            at: format_instant(self.now()),
            user_id: (actor.user_id.0 != 0).then_some(actor.user_id.0),
            username: Some(actor.username.clone()),
            role: role.or_else(|| actor.roles().first().copied()).map(|r| r.code().to_owned()),
            site,
            action: event.to_owned(),
            outcome: outcome.code().to_owned(),
            purpose: purpose.code().to_owned(),
            person_id: subject.person_id,
            resource_kind: subject.kind.map(str::to_owned),
            resource_id: subject.id.clone(),
            reason: actor.kiosk_screening().map(|_| SELF_ADMINISTERED.to_owned()),
            ip: actor.access.ip.clone(),
            user_agent: actor.access.user_agent.clone(),
            request_id: actor.access.request_id.clone(),
        }
    }

    /// Asks the policy; a denial is audited and becomes `Forbidden`, or
    /// `NotFound` when the target is one identified record the actor may
    /// not know exists, and always for an outside provider (to whom nothing
    /// of the system beyond their referrals is shown, issue 6, item 4). A kiosk may only answer the screening it is bound
    /// to, whatever the grants of the worker who started it.
    pub(crate) async fn authorize(
        &self,
        actor: &Actor,
        action: Action,
        target: Target<'_>,
        event: &str,
        subject: &Subject,
    ) -> AppResult<Allowed> {
        if let Some(bound) = actor.kiosk_screening()
            && !(action == Action::WriteClinical
                && subject.kind == Some("screening")
                && subject.id.as_deref() == Some(bound.to_string().as_str()))
        {
            let mut entry = self.entry(actor, event, Outcome::Denied, Purpose::Administration, None, subject);
            entry.reason = Some("kiosk_bound_to_one_screening".to_owned());
            self.audit.write(vec![entry]).await?;
            return Err(AppError::Forbidden);
        }
        match decide(&actor.grants, action, target) {
            Decision::Allow(grounds) => Ok(Allowed { grounds, action }),
            Decision::Deny(reason) => {
                let mut entry = self.entry(actor, event, Outcome::Denied, Purpose::Administration, None, subject);
                entry.reason = Some(reason.audit_reason());
                self.audit.write(vec![entry]).await?;
                let identified = subject.id.is_some() || subject.person_id.is_some();
                Err(if actor.is_outside_provider() || (identified && reason != DenyReason::RoleNotPermitted) {
                    AppError::NotFound
                } else {
                    AppError::Forbidden
                })
            }
        }
    }

    /// Writes the audit row of an allowed read and waits until it is durable.
    pub(crate) async fn audit_read(
        &self,
        actor: &Actor,
        allowed: Allowed,
        event: &str,
        subject: &Subject,
    ) -> AppResult<()> {
        let mut entry = self.entry(actor, event, Outcome::Allowed, allowed.purpose(), allowed.role(), subject);
        entry.reason = allowed.consent_note().or(entry.reason);
        self.audit.write(vec![entry]).await
    }

    /// Writes the audit row of a change inside its transaction.
    pub(crate) async fn audit_change(
        &self,
        tx: &mut Tx,
        actor: &Actor,
        allowed: Allowed,
        event: &str,
        subject: &Subject,
    ) -> AppResult<()> {
        let mut entry = self.entry(actor, event, Outcome::Allowed, allowed.purpose(), allowed.role(), subject);
        entry.reason = allowed.consent_note().or(entry.reason);
        self.append_in(tx, vec![entry]).await
    }

    /// Appends entries inside a transaction.
    pub(crate) async fn append_in(&self, tx: &mut Tx, entries: Vec<AuditEntry>) -> AppResult<()> {
        let now = format_instant(self.now());
        continuum_store::audit::append(tx, &entries, &now).await?;
        Ok(())
    }
}

impl App {
    /// Asks the policy whether the actor may do `action` at all before a
    /// use case runs: for the programme, or (for a site-bound action) at one
    /// of the actor's sites, for some record (a role that reads with a
    /// person's consent or a referral passes here; each record is then
    /// decided with its consents). An adapter checks this before reading the
    /// input, so that a caller without the right learns nothing from
    /// validation, nor whether a record exists. A denial is audited exactly
    /// as the use case would have audited it.
    pub async fn permit(&self, actor: &Actor, action: Action, event: &str) -> AppResult<()> {
        if action.is_site_bound() && actor.may_somewhere(action) {
            return Ok(());
        }
        let kind = event.split('.').next().unwrap_or(event);
        let subject = Subject { kind: Some(static_kind(kind)), ..Subject::default() };
        self.authorize(actor, action, Target::PROGRAMME, event, &subject).await.map(|_| ())
    }

    /// Asks the policy for one record of a site: first whether the actor may
    /// do `action` anywhere (`Forbidden` otherwise, whether or not the record
    /// exists), then at the record's `site` (`None`: no such record, so
    /// `NotFound`, as for a record at a site the actor does not cover).
    pub(crate) async fn authorize_record(
        &self,
        actor: &Actor,
        action: Action,
        site: Option<continuum_domain::ids::SiteId>,
        event: &str,
        subject: &Subject,
    ) -> AppResult<Allowed> {
        self.permit(actor, action, event).await?;
        let site = site.ok_or(AppError::NotFound)?;
        self.authorize(actor, action, Target::site(site), event, subject).await
    }
}

/// The resource kinds adapters may name when asking [`App::permit`].
fn static_kind(kind: &str) -> &'static str {
    match kind {
        "site" => "site",
        "organisation" => "organisation",
        "user" => "user",
        "audit" => "audit_log",
        "emergency_access" => "emergency_access",
        "person" | "worklist" => "person",
        "screening" | "kiosk" => "screening",
        "content_pack" => "content_pack",
        "episode" => "episode",
        "signal" => "signal",
        "merge" => "person_merge",
        // Care pathway: intake, care plan, contacts (issue 5, items 1 to 3).
        "intake" => "intake",
        "care_plan" => "care_plan",
        "contact" => "contact",
        "group_session" => "group_session",
        "timeline" => "person",
        // OAT and transfers (issue 5, items 4 and 5).
        "oat" => "oat",
        "handover" => "handover",
        // Release planning and follow-up (issue 5, items 6 to 8).
        "pathway" | "care_team" | "release_plan" | "follow_up" | "caseload" => "pathway",
        // Consent and the directory of care providers (issue 6).
        "consent" => "consent",
        "participation" => "person",
        "care_service" => "care_service",
        // Referrals (issue 6, items 3 and 4).
        "referral" => "referral",
        _ => "other",
    }
}
