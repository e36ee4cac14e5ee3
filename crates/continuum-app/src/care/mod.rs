//! The care of a person on their pathway (issue 5, items 1 to 3): the
//! intake and assessment ([`intakes`]), the care plan and its versions
//! ([`plans`]), contacts and group sessions ([`contacts`]), and the
//! person's timeline ([`timeline`]).
//!
//! Rules shared by all of them:
//! - Everything here is clinical: reading needs `ReadClinical`, writing
//!   `WriteClinical`, at the person's current site (the site of their
//!   current episode), whatever the site where a record was written. An id
//!   of a record whose person is at a site the actor does not cover is "not
//!   found", as an id that does not exist; a role without clinical access
//!   anywhere is refused before anything is looked up.
//! - Every record hangs on the person's current pathway when it is
//!   written, and keeps the site where it was written. Writing needs a
//!   pathway that is not closed (`care-no-open-pathway`): a closed pathway
//!   is reopened first, on the signals page.
//! - Every read and write is audited in the same transaction (writes) or
//!   before the answer (reads), without clinical content.

use continuum_domain::ids::SiteId;
use continuum_domain::pathway::Pathway;
use continuum_domain::policy::Action;
use jiff::civil::Date;

use crate::access::{Allowed, Subject};
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};
use crate::people::Person;

pub mod contacts;
pub mod intakes;
pub mod plans;
pub mod timeline;

/// A person the actor may act on, with the grounds and the audit subject.
pub(crate) struct PersonGate {
    pub allowed: Allowed,
    pub subject: Subject,
    pub person: Person,
}

/// The dates care records are checked against.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CareDates {
    pub today: Date,
    pub entry_date: Option<Date>,
    pub birth_date: Date,
}

impl App {
    /// Asks the policy for `action` on the person's clinical data at their
    /// site (see the module's rules); `kind` names the records in the audit.
    pub(crate) async fn care_gate(
        &self,
        actor: &Actor,
        person_id: i64,
        action: Action,
        event: &str,
        kind: &'static str,
    ) -> AppResult<PersonGate> {
        let mut conn = self.store.reader().await?;
        let person = continuum_store::people::get(&mut conn, person_id).await?;
        drop(conn);
        let site = person.as_ref().map(|p| SiteId(p.site_id));
        let subject = Subject { person_id: Some(person_id), ..Subject::kind(kind) };
        let allowed = self.authorize_record(actor, action, site, event, &subject).await?;
        let person = person.ok_or(AppError::NotFound)?;
        let subject = subject.at_site(actor.site_code(SiteId(person.site_id)));
        Ok(PersonGate { allowed, subject, person })
    }

    /// Asks the policy for `action` on one record `id` of `kind`, whose
    /// person (and that person's current site) the store found, or `None`
    /// when no such record exists.
    pub(crate) async fn care_record_gate(
        &self,
        actor: &Actor,
        owner: Option<(i64, i64)>,
        kind: &'static str,
        id: i64,
        action: Action,
        event: &str,
    ) -> AppResult<(Allowed, Subject)> {
        let subject = Subject { person_id: owner.map(|(person, _)| person), ..Subject::record(kind, id) };
        let site = owner.map(|(_, site)| SiteId(site));
        let allowed = self.authorize_record(actor, action, site, event, &subject).await?;
        let site = site.and_then(|s| actor.site_code(s));
        Ok((allowed, subject.at_site(site)))
    }

    /// Today, the entry date of the person's current episode and their
    /// date of birth.
    pub(crate) async fn care_dates(&self, conn: &mut continuum_store::Conn, person: &Person) -> AppResult<CareDates> {
        let entry_date = match person.current_episode_id {
            Some(id) => continuum_store::episodes::get(conn, id).await?.and_then(|e| e.entry_date.parse().ok()),
            None => None,
        };
        let birth_date = person
            .birth_date
            .parse()
            .map_err(|_| AppError::Internal(anyhow::anyhow!("person {} has an unreadable birth date", person.id)))?;
        Ok(CareDates { today: self.register_today(), entry_date, birth_date })
    }

    /// The person's current pathway, which must not be closed.
    pub(crate) async fn open_care_pathway(
        &self,
        tx: &mut continuum_store::Tx,
        person_id: i64,
    ) -> AppResult<(i64, Pathway)> {
        match self.load_pathway(tx, person_id).await? {
            Some((id, pathway)) if !pathway.is_closed() => Ok((id, pathway)),
            _ => Err(AppError::Conflict("care-no-open-pathway")),
        }
    }
}
