//! Object-level access to one person's clinical records, for every use case
//! of the care pathway that reads or writes them (issue 5).
//!
//! The person's current prison is the target, with the actor's
//! relationships to the person established from stored data at the time of
//! the request: the sending team of a transfer between pilot prisons while
//! its read window lasts (`handovers`, `AppConfig::transfer_read_window`),
//! and an open break-the-glass access. Allowed on transfer grounds, the
//! actor reads only what its own prison wrote ([`ClinicalGate::written_at`]);
//! a write is never allowed on them (the policy reads them as read only).
//! A person at a prison the actor may not act for is "not found", as an
//! unknown one.

use continuum_domain::audit::format_instant;
use continuum_domain::handover::sending_team_may_read;
use continuum_domain::ids::SiteId;
use continuum_domain::policy::{Action, Grounds, Relationship, Target};
use continuum_store::{handovers, people};
use jiff::Timestamp;

use crate::access::{Allowed, Subject};
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};
use crate::people::Person;

/// A person whose clinical records the actor may reach.
pub(crate) struct ClinicalGate {
    /// The grounds, for the audit row.
    pub allowed: Allowed,
    /// What the audit row is about.
    pub subject: Subject,
    /// The person.
    pub person: Person,
    /// On transfer grounds, the sending prisons whose records the actor
    /// reads (the only ones); `None` when the actor reads everything.
    pub written_at: Option<Vec<SiteId>>,
}

impl ClinicalGate {
    /// The one prison whose records a store query is limited to, if any
    /// (the first sending prison the actor covers).
    pub fn site_filter(&self) -> Option<i64> {
        self.written_at.as_ref().map(|sites| sites.first().map_or(0, |s| s.0))
    }
}

impl App {
    /// The relationships the actor has to the person beyond their own
    /// prisons: transfers sent from a prison within the read window, and
    /// open emergency access.
    pub(crate) async fn person_relationships(
        &self,
        actor: &Actor,
        person: &Person,
        now: Timestamp,
    ) -> AppResult<Vec<Relationship>> {
        let window = self.config.transfer_read_window;
        let since = format_instant(now.checked_sub(window).unwrap_or(now));
        let mut conn = self.store.reader().await?;
        let sent = handovers::sent_since(&mut conn, person.id, &since).await?;
        drop(conn);
        let mut relationships: Vec<Relationship> = sent
            .into_iter()
            .filter(|(_, at)| at.parse::<Timestamp>().is_ok_and(|at| sending_team_may_read(at, window, now)))
            .map(|(site, _)| Relationship::TransferredFrom(SiteId(site)))
            .collect();
        relationships.extend(self.emergency_relationships(actor, SiteId(person.site_id), Some(person.id)).await?);
        Ok(relationships)
    }

    /// Asks the policy for `action` on the clinical records of person `id`
    /// (see the module's rules); `kind` names the records for the audit.
    pub(crate) async fn clinical_gate(
        &self,
        actor: &Actor,
        id: i64,
        action: Action,
        event: &str,
        kind: &'static str,
    ) -> AppResult<ClinicalGate> {
        self.permit(actor, action, event).await?;
        let mut conn = self.store.reader().await?;
        let person = people::get(&mut conn, id).await?.filter(|p| p.merged_into.is_none());
        drop(conn);
        let person = person.ok_or(AppError::NotFound)?;
        let relationships = self.person_relationships(actor, &person, self.now()).await?;
        let site = SiteId(person.site_id);
        let subject = Subject { person_id: Some(id), ..Subject::kind(kind) };
        let target = Target { site: Some(site), relationships: &relationships, consent: None };
        let allowed = self.authorize(actor, action, target, event, &subject).await?;
        let written_at = (allowed.grounds == Grounds::Transfer).then(|| {
            relationships
                .iter()
                .filter_map(|r| match r {
                    Relationship::TransferredFrom(from) if actor.may(action, Target::site(*from)) => Some(*from),
                    _ => None,
                })
                .collect()
        });
        let subject = subject.at_site(actor.site_code(site).or_else(|| actor.site.as_ref().map(|s| s.code.clone())));
        Ok(ClinicalGate { allowed, subject, person, written_at })
    }
}
