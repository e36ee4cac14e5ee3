//! Sites and organisations: reference data, editable by administrators,
//! every version kept.

use continuum_domain::audit::format_instant;
use continuum_domain::policy::{Action, Target};
use continuum_domain::reference::{OrganisationDraft, SiteDraft};
use continuum_store::organisations::{OrganisationQuery, OrganisationRow, OrganisationVersionRow};
use continuum_store::sites::{SiteRow, SiteVersionRow};
use continuum_store::{organisations, sites};

use crate::access::Subject;
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult, duplicate_on};
use crate::{Listing, Paging};

/// A site as shown.
pub type Site = SiteRow;
/// A version of a site.
pub type SiteVersion = SiteVersionRow;
/// An organisation as shown.
pub type Organisation = OrganisationRow;
/// A version of an organisation.
pub type OrganisationVersion = OrganisationVersionRow;
/// Filter of the organisation list.
pub type OrganisationFilter = OrganisationQuery;

impl App {
    /// Every site.
    pub async fn list_sites(&self, actor: &Actor) -> AppResult<Vec<Site>> {
        self.authorize(actor, Action::ViewReferenceData, Target::PROGRAMME, "site.list", &Subject::kind("site"))
            .await?;
        let mut conn = self.store.reader().await?;
        Ok(sites::list(&mut conn).await?)
    }

    /// One site and its history.
    pub async fn get_site(&self, actor: &Actor, id: i64) -> AppResult<(Site, Vec<SiteVersion>)> {
        self.authorize(actor, Action::ViewReferenceData, Target::PROGRAMME, "site.read", &Subject::record("site", id))
            .await?;
        let mut conn = self.store.reader().await?;
        let site = sites::get(&mut conn, id).await?.ok_or(AppError::NotFound)?;
        let history = sites::history(&mut conn, id).await?;
        Ok((site, history))
    }

    /// Adds a site.
    pub async fn create_site(&self, actor: &Actor, draft: SiteDraft) -> AppResult<i64> {
        let allowed = self
            .authorize(actor, Action::ManageSites, Target::PROGRAMME, "site.create", &Subject::kind("site"))
            .await?;
        let mut tx = self.store.begin().await?;
        let id = sites::insert(&mut tx, &draft, &format_instant(self.now()), self.actor_id(actor))
            .await
            .map_err(duplicate_on("code"))?;
        self.audit_change(
            &mut tx,
            actor,
            allowed,
            "site.create",
            &Subject::record("site", id).at_site(Some(draft.code.to_string())),
        )
        .await?;
        tx.commit().await?;
        self.sites.clear();
        Ok(id)
    }

    /// Changes a site, if nobody changed it since `version` was read.
    pub async fn update_site(&self, actor: &Actor, id: i64, version: i64, draft: SiteDraft) -> AppResult<()> {
        let subject = Subject::record("site", id).at_site(Some(draft.code.to_string()));
        let allowed = self.authorize(actor, Action::ManageSites, Target::PROGRAMME, "site.update", &subject).await?;
        let mut tx = self.store.begin().await?;
        if sites::get(&mut tx, id).await?.is_none() {
            return Err(AppError::NotFound);
        }
        let changed = sites::update(&mut tx, id, version, &draft, &format_instant(self.now()), self.actor_id(actor))
            .await
            .map_err(duplicate_on("code"))?;
        if !changed {
            return Err(AppError::Conflict("changed-meanwhile"));
        }
        self.audit_change(&mut tx, actor, allowed, "site.update", &subject).await?;
        tx.commit().await?;
        self.sites.clear();
        Ok(())
    }

    /// A page of organisations.
    pub async fn list_organisations(
        &self,
        actor: &Actor,
        filter: &OrganisationFilter,
        paging: Paging,
    ) -> AppResult<Listing<Organisation>> {
        self.authorize(
            actor,
            Action::ViewReferenceData,
            Target::PROGRAMME,
            "organisation.list",
            &Subject::kind("organisation"),
        )
        .await?;
        let mut conn = self.store.reader().await?;
        let (items, total) = organisations::list(&mut conn, filter, paging.to_store()).await?;
        Ok(Listing::new(items, total, paging))
    }

    /// One organisation and its history.
    pub async fn get_organisation(
        &self,
        actor: &Actor,
        id: i64,
    ) -> AppResult<(Organisation, Vec<OrganisationVersion>)> {
        self.authorize(
            actor,
            Action::ViewReferenceData,
            Target::PROGRAMME,
            "organisation.read",
            &Subject::record("organisation", id),
        )
        .await?;
        let mut conn = self.store.reader().await?;
        let organisation = organisations::get(&mut conn, id).await?.ok_or(AppError::NotFound)?;
        let history = organisations::history(&mut conn, id).await?;
        Ok((organisation, history))
    }

    /// Adds an organisation.
    pub async fn create_organisation(&self, actor: &Actor, draft: OrganisationDraft) -> AppResult<i64> {
        let allowed = self
            .authorize(
                actor,
                Action::ManageOrganisations,
                Target::PROGRAMME,
                "organisation.create",
                &Subject::kind("organisation"),
            )
            .await?;
        let mut tx = self.store.begin().await?;
        let id = organisations::insert(&mut tx, &draft, &format_instant(self.now()), self.actor_id(actor))
            .await
            .map_err(duplicate_on("name"))?;
        self.audit_change(&mut tx, actor, allowed, "organisation.create", &Subject::record("organisation", id)).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Changes an organisation, if nobody changed it since `version` was read.
    pub async fn update_organisation(
        &self,
        actor: &Actor,
        id: i64,
        version: i64,
        draft: OrganisationDraft,
    ) -> AppResult<()> {
        let subject = Subject::record("organisation", id);
        let allowed = self
            .authorize(actor, Action::ManageOrganisations, Target::PROGRAMME, "organisation.update", &subject)
            .await?;
        let mut tx = self.store.begin().await?;
        if organisations::get(&mut tx, id).await?.is_none() {
            return Err(AppError::NotFound);
        }
        let changed =
            organisations::update(&mut tx, id, version, &draft, &format_instant(self.now()), self.actor_id(actor))
                .await
                .map_err(duplicate_on("name"))?;
        if !changed {
            return Err(AppError::Conflict("changed-meanwhile"));
        }
        self.audit_change(&mut tx, actor, allowed, "organisation.update", &subject).await?;
        tx.commit().await?;
        Ok(())
    }

    pub(crate) fn actor_id(&self, actor: &Actor) -> Option<i64> {
        (actor.user_id.0 != 0).then_some(actor.user_id.0)
    }
}
