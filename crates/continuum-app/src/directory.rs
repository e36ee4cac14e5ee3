//! The directory of care providers (issue 6, item 2): the services of
//! outside organisations, searchable by everyone who sees reference data,
//! maintained by the coordinators and administrators
//! (`ManageOrganisations`), every version kept.
//!
//! Why the directory extends `organisations` instead of sitting beside it:
//! an outside provider's account belongs to an organisation
//! (`users.organisation_id`), a sharing consent names an organisation, and a
//! referral will be addressed to one of its services; one table of
//! organisations keeps these the same thing. What the directory adds is
//! each organisation's services (`care_services`), with the prisons they
//! cover, their languages, contact details and opening hours.
//!
//! Holds no personal data: reads are not audited (as for sites and
//! organisations); every change is.

use continuum_domain::audit::format_instant;
use continuum_domain::directory::{ServiceDraft, ServiceKind};
use continuum_domain::ids::SiteId;
use continuum_domain::policy::{Action, Target};
use continuum_domain::site::Language;
use continuum_domain::validation::Problem;
use continuum_store::directory::{self, ServiceFields, ServiceQuery, ServiceRow, ServiceVersionRow};
use continuum_store::{Conn, organisations};

use crate::access::Subject;
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult, duplicate_on};
use crate::{Listing, Paging};

/// A service of the directory.
pub type CareService = ServiceRow;
/// A version of a service.
pub type CareServiceVersion = ServiceVersionRow;

/// What to look for in the directory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DirectoryFilter {
    /// Text in the service's or its organisation's name.
    pub search: Option<String>,
    /// Only this kind.
    pub kind: Option<ServiceKind>,
    /// Only services covering this prison.
    pub site: Option<SiteId>,
    /// Only services working in this language.
    pub language: Option<Language>,
    /// Only this organisation's services.
    pub organisation: Option<i64>,
    /// Services no longer in use too.
    pub include_inactive: bool,
}

impl App {
    /// A page of the directory's services, by name.
    pub async fn search_directory(
        &self,
        actor: &Actor,
        filter: &DirectoryFilter,
        paging: Paging,
    ) -> AppResult<Listing<CareService>> {
        let subject = Subject::kind("care_service");
        self.authorize(actor, Action::ViewReferenceData, Target::PROGRAMME, "care_service.list", &subject).await?;
        let query = ServiceQuery {
            search: filter.search.clone(),
            kind: filter.kind.map(|k| k.code().to_owned()),
            site_id: filter.site.map(|s| s.0),
            language: filter.language.map(|l| l.code().to_owned()),
            organisation_id: filter.organisation,
            include_inactive: filter.include_inactive,
        };
        let mut conn = self.store.reader().await?;
        let (items, total) = directory::search(&mut conn, &query, paging.to_store()).await?;
        Ok(Listing::new(items, total, paging))
    }

    /// One service and its history.
    pub async fn get_care_service(&self, actor: &Actor, id: i64) -> AppResult<(CareService, Vec<CareServiceVersion>)> {
        let subject = Subject::record("care_service", id);
        self.authorize(actor, Action::ViewReferenceData, Target::PROGRAMME, "care_service.read", &subject).await?;
        let mut conn = self.store.reader().await?;
        let service = directory::get(&mut conn, id).await?.ok_or(AppError::NotFound)?;
        let history = directory::history(&mut conn, id).await?;
        Ok((service, history))
    }

    /// Adds a service to the directory.
    pub async fn create_care_service(&self, actor: &Actor, draft: &ServiceDraft) -> AppResult<i64> {
        let subject = Subject::kind("care_service");
        let allowed = self
            .authorize(actor, Action::ManageOrganisations, Target::PROGRAMME, "care_service.create", &subject)
            .await?;
        let mut tx = self.store.begin().await?;
        let sites = checked_references(&mut tx, draft).await?;
        let stored = stored_forms(draft);
        let fields = store_fields(draft, &sites, &stored);
        let id = directory::insert(&mut tx, &fields, &format_instant(self.now()), self.actor_id(actor))
            .await
            .map_err(duplicate_on("name"))?;
        self.audit_change(&mut tx, actor, allowed, "care_service.create", &Subject::record("care_service", id)).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Changes a service, if nobody changed it since `version` was read.
    pub async fn update_care_service(
        &self,
        actor: &Actor,
        id: i64,
        version: i64,
        draft: &ServiceDraft,
    ) -> AppResult<()> {
        let subject = Subject::record("care_service", id);
        let allowed = self
            .authorize(actor, Action::ManageOrganisations, Target::PROGRAMME, "care_service.update", &subject)
            .await?;
        let mut tx = self.store.begin().await?;
        if directory::get(&mut tx, id).await?.is_none() {
            return Err(AppError::NotFound);
        }
        let sites = checked_references(&mut tx, draft).await?;
        let stored = stored_forms(draft);
        let fields = store_fields(draft, &sites, &stored);
        let changed =
            directory::update(&mut tx, id, version, &fields, &format_instant(self.now()), self.actor_id(actor))
                .await
                .map_err(duplicate_on("name"))?;
        if !changed {
            return Err(AppError::Conflict("changed-meanwhile"));
        }
        self.audit_change(&mut tx, actor, allowed, "care_service.update", &subject).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// The ids of the prisons a service covers, once its organisation and each
/// prison are known to exist.
async fn checked_references(conn: &mut Conn, draft: &ServiceDraft) -> AppResult<Vec<i64>> {
    if organisations::get(conn, draft.organisation.0).await?.is_none() {
        return Err(AppError::field("organisation", Problem::UnknownOrganisation));
    }
    let known = continuum_store::sites::list(conn).await?;
    draft
        .sites
        .iter()
        .map(|code| {
            known
                .iter()
                .find(|s| s.code == code.as_str())
                .map(|s| s.id)
                .ok_or_else(|| AppError::field("sites", Problem::UnknownSite))
        })
        .collect()
}

/// A service's languages and opening hours in their stored forms.
fn stored_forms(draft: &ServiceDraft) -> (String, String) {
    let languages = draft.languages.iter().map(|l| l.code()).collect::<Vec<_>>().join(",");
    (languages, draft.opening_hours.to_stored())
}

fn store_fields<'a>(draft: &'a ServiceDraft, sites: &'a [i64], stored: &'a (String, String)) -> ServiceFields<'a> {
    ServiceFields {
        organisation_id: draft.organisation.0,
        name: &draft.name,
        kind: draft.kind.code(),
        languages: &stored.0,
        sites,
        address: &draft.address,
        phone: &draft.phone,
        email: &draft.email,
        website: &draft.website,
        opening_hours: &stored.1,
        hours_note: &draft.hours_note,
        active: draft.active,
    }
}
