//! Reading the audit trail: search, "who has seen this file", and the
//! verification of the hash chain.

use continuum_domain::audit::{ChainBreak, ChainVerifier, ChainedEntry};
use continuum_domain::ids::SiteId;
use continuum_domain::policy::{Action, Target};
use continuum_store::audit::{self, AuditQuery};

use crate::access::Subject;
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};
use crate::{Listing, Paging};

/// A search of the trail.
pub type AuditFilter = AuditQuery;
/// A row of the trail.
pub type AuditRow = ChainedEntry;

/// The result of verifying the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification {
    /// Every row checked out.
    Intact {
        /// Rows checked.
        rows: u64,
    },
    /// The first break found.
    Broken(ChainBreak),
}

impl App {
    /// Searches the trail (administrators and coordinators). The search is
    /// itself audited.
    pub async fn search_audit(
        &self,
        actor: &Actor,
        filter: &AuditFilter,
        paging: Paging,
    ) -> AppResult<Listing<AuditRow>> {
        let subject = Subject::kind("audit_log");
        let allowed = self.authorize(actor, Action::SearchAudit, Target::PROGRAMME, "audit.search", &subject).await?;
        let mut conn = self.store.reader().await?;
        let (items, total) = audit::search(&mut conn, filter, paging.to_store()).await?;
        drop(conn);
        self.audit_read(actor, allowed, "audit.search", &subject).await?;
        Ok(Listing::new(items, total, paging))
    }

    /// Who has accessed one person's file: every row about the person,
    /// newest first (the person's right of access), and the code of the
    /// person's site. The site the policy checks is the one the register
    /// holds for the person, never one the caller names.
    pub async fn person_access_log(
        &self,
        actor: &Actor,
        person_id: i64,
        paging: Paging,
    ) -> AppResult<(Listing<AuditRow>, String)> {
        let subject =
            Subject { person_id: Some(person_id), kind: Some("person"), id: Some(person_id.to_string()), site: None };
        let event = "audit.person_access_log";
        let mut conn = self.store.reader().await?;
        let site = continuum_store::people::get(&mut conn, person_id).await?.map(|p| SiteId(p.site_id));
        drop(conn);
        let allowed = self.authorize_record(actor, Action::ViewPersonAccessLog, site, event, &subject).await?;
        let site = site.ok_or(AppError::NotFound)?;
        let code = actor.site_code(site).unwrap_or_default();
        let filter = AuditQuery { person_id: Some(person_id), data_access_only: true, ..AuditQuery::default() };
        let mut conn = self.store.reader().await?;
        let (items, total) = audit::search(&mut conn, &filter, paging.to_store()).await?;
        drop(conn);
        self.audit_read(actor, allowed, event, &subject.at_site(Some(code.clone()))).await?;
        Ok((Listing::new(items, total, paging), code))
    }

    /// Verifies the whole chain, calling `progress(rows_checked, head_seq)`
    /// as it goes. Run by the operator; reads no personal data.
    pub async fn verify_audit(&self, mut progress: impl FnMut(u64, i64)) -> AppResult<Verification> {
        let mut conn = self.store.reader().await?;
        let (head_seq, head_hash) = audit::head(&mut conn).await?;
        let mut verifier = ChainVerifier::default();
        let mut after = 0;
        loop {
            let rows = audit::rows_after(&mut conn, after, 5000).await?;
            let Some(last) = rows.last() else { break };
            after = last.seq;
            for row in &rows {
                if let Err(broken) = verifier.check(row) {
                    return Ok(Verification::Broken(broken));
                }
            }
            progress(verifier.checked, head_seq);
        }
        let head = (head_seq > 0).then_some((head_seq, head_hash.as_str()));
        Ok(match verifier.finish(head) {
            Ok(rows) => Verification::Intact { rows },
            Err(broken) => Verification::Broken(broken),
        })
    }
}
