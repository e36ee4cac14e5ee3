//! Break-the-glass: the medical service opens emergency access to a person
//! of another site, with a written reason, for a limited time; every such
//! access is flagged until reviewed.

use continuum_domain::audit::{Outcome, format_instant};
use continuum_domain::emergency::EmergencyRequest;
use continuum_domain::ids::SiteId;
use continuum_domain::policy::{Action, Relationship, Target};
use continuum_domain::validation::{self, Invalid, Problem};
use continuum_store::emergency::{self, EmergencyRow};
use continuum_store::sites;

use crate::access::Subject;
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};
use crate::{Listing, Paging};

/// An emergency access as shown to reviewers.
pub type EmergencyAccess = EmergencyRow;

impl App {
    /// Opens emergency access to a person of the site `site_code`.
    pub async fn request_emergency_access(
        &self,
        actor: &Actor,
        site_code: &str,
        person_id: Option<i64>,
        reason: &str,
    ) -> AppResult<i64> {
        self.permit(actor, Action::RequestEmergencyAccess, "emergency_access.open").await?;
        let request = EmergencyRequest::parse(reason, self.now(), self.config.emergency_access_duration);
        let mut conn = self.store.reader().await?;
        let site = sites::by_code(&mut conn, site_code.trim().to_ascii_uppercase().as_str()).await?;
        drop(conn);
        let (site, request) = match (site, request) {
            (Some(site), Ok(request)) => (site, request),
            (site, request) => {
                let mut invalid = request.err().unwrap_or_default();
                if site.is_none() {
                    invalid.push("site", Problem::UnknownSite);
                }
                return Err(AppError::Invalid(invalid));
            }
        };
        let subject = Subject { person_id, kind: Some("emergency_access"), id: None, site: Some(site.code.clone()) };
        let allowed = self
            .authorize(
                actor,
                Action::RequestEmergencyAccess,
                Target::site(SiteId(site.id)),
                "emergency_access.open",
                &subject,
            )
            .await?;
        let mut tx = self.store.begin().await?;
        let id = emergency::insert(
            &mut tx,
            actor.user_id.0,
            site.id,
            person_id,
            &request.reason,
            &format_instant(self.now()),
            &format_instant(request.expires_at),
        )
        .await?;
        let mut entry = self.entry(
            actor,
            "emergency_access.open",
            Outcome::Allowed,
            continuum_domain::audit::Purpose::BreakTheGlass,
            allowed.role(),
            &Subject { id: Some(id.to_string()), ..subject },
        );
        entry.reason = Some(request.reason.clone());
        self.append_in(&mut tx, vec![entry]).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The relationships the actor's open emergency accesses give on a
    /// person of `site` (used by clinical use cases).
    pub async fn emergency_relationships(
        &self,
        actor: &Actor,
        site: SiteId,
        person_id: Option<i64>,
    ) -> AppResult<Vec<Relationship>> {
        let mut conn = self.store.reader().await?;
        let open = emergency::active_for_user(&mut conn, actor.user_id.0, &format_instant(self.now())).await?;
        let covered = open.iter().any(|e| e.site_id == site.0 && (e.person_id.is_none() || e.person_id == person_id));
        Ok(if covered { vec![Relationship::EmergencyAccess] } else { Vec::new() })
    }

    /// The actor's own open emergency accesses.
    pub async fn my_emergency_accesses(&self, actor: &Actor) -> AppResult<Vec<EmergencyAccess>> {
        let subject = Subject::kind("emergency_access");
        self.authorize(actor, Action::ManageOwnAccount, Target::PROGRAMME, "emergency_access.list_own", &subject)
            .await?;
        let mut conn = self.store.reader().await?;
        Ok(emergency::active_for_user(&mut conn, actor.user_id.0, &format_instant(self.now())).await?)
    }

    /// Emergency accesses for review, those not yet reviewed only when asked.
    pub async fn list_emergency_accesses(
        &self,
        actor: &Actor,
        pending_only: bool,
        paging: Paging,
    ) -> AppResult<Listing<EmergencyAccess>> {
        let subject = Subject::kind("emergency_access");
        let allowed = self
            .authorize(actor, Action::ReviewEmergencyAccess, Target::PROGRAMME, "emergency_access.list", &subject)
            .await?;
        let mut conn = self.store.reader().await?;
        let (items, total) = emergency::list(&mut conn, pending_only, paging.to_store()).await?;
        drop(conn);
        self.audit_read(actor, allowed, "emergency_access.list", &subject).await?;
        Ok(Listing::new(items, total, paging))
    }

    /// Records the review of an emergency access.
    pub async fn review_emergency_access(&self, actor: &Actor, id: i64, note: &str) -> AppResult<()> {
        let subject = Subject::record("emergency_access", id);
        let allowed = self
            .authorize(actor, Action::ReviewEmergencyAccess, Target::PROGRAMME, "emergency_access.review", &subject)
            .await?;
        let mut errors = Invalid::default();
        let note = validation::text(&mut errors, "note", note, 1, 2000);
        if !errors.0.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let mut tx = self.store.begin().await?;
        let access = emergency::get(&mut tx, id).await?.ok_or(AppError::NotFound)?;
        if !emergency::review(&mut tx, id, actor.user_id.0, &note, &format_instant(self.now())).await? {
            return Err(AppError::Conflict("already-reviewed"));
        }
        let subject = Subject { person_id: access.person_id, site: Some(access.site_code), ..subject };
        self.audit_change(&mut tx, actor, allowed, "emergency_access.review", &subject).await?;
        tx.commit().await?;
        Ok(())
    }
}
