//! Contacts and group sessions (issue 5, item 3).
//!
//! Rules:
//! - An individual contact is recorded on the person's current, open
//!   pathway (`care-no-open-pathway` otherwise), at their prison.
//! - A group session is recorded once, at the actor's prison, for all its
//!   participants: each participant (named by the prison number of their
//!   current episode there) gets a contact of their own on their pathway,
//!   with their attendance and note, in one transaction; a participant who
//!   is not at that prison, whose detention began after the session, or who
//!   has no open pathway is named in the refusal and nothing is written.
//!   The audit trail has one row for the session and one per participant.
//! - A group session is shown to whoever may read the clinical data of at
//!   least one of its participants, with those participants only: another
//!   participant's name, attendance and note are never shown to a reader
//!   who may not read that participant (after a transfer, say). Who may read
//!   none of them gets "not found", as for an id that does not exist.
//! - Notes are clinical data: they are read only with `ReadClinical` and are
//!   never part of an export.

use continuum_domain::audit::{Outcome, format_instant};
use continuum_domain::care::contact::{
    ContactContext, ContactDraft, ContactFields, GroupSessionDraft, ParticipantFields, participant_field,
};
use continuum_domain::ids::SiteId;
use continuum_domain::policy::{Action, Target};
use continuum_domain::validation::{Invalid, Problem};
use continuum_store::care::contacts::{self, AtSiteRow, ContactRow, GroupSessionRow, NewContact, NewSession};
use jiff::civil::Date;

use crate::access::Subject;
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};
use crate::{Listing, Paging};

/// A stored contact, with its person.
pub type Contact = ContactRow;
/// A stored group session.
pub type GroupSession = GroupSessionRow;
/// A person found at a prison by prison number.
pub type Participant = AtSiteRow;

/// A group session and the participants the reader may see.
#[derive(Debug, Clone)]
pub struct GroupSessionRecord {
    /// The session.
    pub session: GroupSession,
    /// The participants' contacts the reader may read, in the order recorded.
    pub participants: Vec<Contact>,
}

/// A contact and, for a participant of a group session, the session.
#[derive(Debug, Clone)]
pub struct ContactRecord {
    /// The contact.
    pub contact: Contact,
    /// Its group session.
    pub session: Option<GroupSession>,
}

impl App {
    /// Records an individual contact with a person; answers its id.
    pub async fn record_contact(&self, actor: &Actor, person_id: i64, fields: &ContactFields<'_>) -> AppResult<i64> {
        let gate = self.care_gate(actor, person_id, Action::WriteClinical, "contact.create", "contact").await?;
        let mut conn = self.store.reader().await?;
        let dates = self.care_dates(&mut conn, &gate.person).await?;
        drop(conn);
        let draft = ContactDraft::parse(fields, ContactContext { today: dates.today, entry_date: dates.entry_date })?;
        let mut tx = self.store.begin().await?;
        let (pathway_id, _) = self.open_care_pathway(&mut tx, person_id).await?;
        let held_on = draft.held_on.to_string();
        let at = format_instant(self.now());
        let new = NewContact {
            pathway_id,
            site_id: gate.person.site_id,
            group_session_id: None,
            held_on: &held_on,
            duration_minutes: draft.duration_minutes,
            kind: draft.kind.code(),
            staff: &draft.staff,
            attendance: draft.attendance.code(),
            note: &draft.note,
            recorded_by: self.actor_id(actor),
            recorded_at: &at,
        };
        let id = contacts::insert(&mut tx, &new).await?;
        let subject = Subject { id: Some(id.to_string()), ..gate.subject };
        self.audit_change(&mut tx, actor, gate.allowed, "contact.create", &subject).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// One contact, with its group session if it is part of one.
    pub async fn contact(&self, actor: &Actor, id: i64) -> AppResult<ContactRecord> {
        let mut conn = self.store.reader().await?;
        let contact = contacts::get(&mut conn, id).await?;
        drop(conn);
        let owner = contact.as_ref().map(|c| (c.person_id, c.person_site_id));
        let (allowed, subject) =
            self.care_record_gate(actor, owner, "contact", id, Action::ReadClinical, "contact.read").await?;
        let contact = contact.ok_or(AppError::NotFound)?;
        let session = match contact.group_session_id {
            Some(session) => {
                let mut conn = self.store.reader().await?;
                contacts::get_session(&mut conn, session).await?
            }
            None => None,
        };
        self.audit_read(actor, allowed, "contact.read", &subject).await?;
        Ok(ContactRecord { contact, session })
    }

    /// A page of a person's contacts, the latest day first.
    pub async fn person_contacts(&self, actor: &Actor, person_id: i64, paging: Paging) -> AppResult<Listing<Contact>> {
        let gate = self.care_gate(actor, person_id, Action::ReadClinical, "contact.list", "contact").await?;
        let mut conn = self.store.reader().await?;
        let (items, total) = contacts::of_person(&mut conn, person_id, paging.to_store()).await?;
        drop(conn);
        self.audit_read(actor, gate.allowed, "contact.list", &gate.subject).await?;
        Ok(Listing::new(items, total, paging))
    }

    /// The site where the actor records group sessions: the worklist's.
    pub fn group_session_site(&self, actor: &Actor) -> Option<SiteId> {
        self.worklist_site(actor)
    }

    /// The people of the actor's prison with these prison numbers, in the
    /// order given, for the participants of a group session; every number
    /// nobody there holds is named (`participant_number_<n>`).
    pub async fn find_participants(&self, actor: &Actor, numbers: &[String]) -> AppResult<Vec<Participant>> {
        self.permit(actor, Action::WriteClinical, "group_session.participants").await?;
        let site = self.group_session_site(actor).ok_or(AppError::Forbidden)?;
        let subject = Subject::kind("group_session").at_site(actor.site_code(site));
        let allowed = self
            .authorize(actor, Action::WriteClinical, Target::site(site), "group_session.participants", &subject)
            .await?;
        let mut invalid = Invalid::default();
        if numbers.is_empty() {
            invalid.push("participants", Problem::Required);
        } else if numbers.len() > continuum_domain::care::MAX_ROWS {
            invalid.push("participants", Problem::TooMany { max: continuum_domain::care::MAX_ROWS });
        }
        let mut found = Vec::new();
        let mut conn = self.store.reader().await?;
        for (i, number) in numbers.iter().enumerate().take(continuum_domain::care::MAX_ROWS) {
            match contacts::at_site_by_number(&mut conn, site.0, number).await? {
                Some(person) => found.push(person),
                None => invalid.push(participant_field(i), Problem::NotAtSite),
            }
        }
        drop(conn);
        self.audit_read(actor, allowed, "group_session.participants", &subject).await?;
        invalid.into_result(|| found).map_err(AppError::Invalid)
    }

    /// Records a group session at the actor's prison with a contact for
    /// each participant (see the module's rules); answers its id.
    pub async fn record_group_session(
        &self,
        actor: &Actor,
        fields: &ContactFields<'_>,
        participants: &[ParticipantFields<'_>],
    ) -> AppResult<i64> {
        self.permit(actor, Action::WriteClinical, "group_session.create").await?;
        let site = self.group_session_site(actor).ok_or(AppError::Forbidden)?;
        let subject = Subject::kind("group_session").at_site(actor.site_code(site));
        let allowed =
            self.authorize(actor, Action::WriteClinical, Target::site(site), "group_session.create", &subject).await?;
        let draft = GroupSessionDraft::parse(fields, participants, self.register_today())?;
        let at = format_instant(self.now());
        let by = self.actor_id(actor);
        let held_on = draft.held_on.to_string();
        let mut tx = self.store.begin().await?;
        let mut invalid = Invalid::default();
        let mut pathways = Vec::new();
        for (i, participant) in draft.participants.iter().enumerate() {
            let field = participant_field(i);
            let Some(person) = contacts::at_site_by_number(&mut tx, site.0, &participant.prison_number).await? else {
                invalid.push(field, Problem::NotAtSite);
                continue;
            };
            if person.entry_date.parse::<Date>().is_ok_and(|entry| draft.held_on < entry) {
                invalid.push(field, Problem::BeforeEntry);
                continue;
            }
            match self.load_pathway(&mut tx, person.person_id).await? {
                Some((id, pathway)) if !pathway.is_closed() => pathways.push((person.person_id, id, participant)),
                _ => invalid.push(field, Problem::NoOpenPathway),
            }
        }
        if !invalid.0.is_empty() {
            return Err(AppError::Invalid(invalid));
        }
        let session = NewSession {
            site_id: site.0,
            held_on: &held_on,
            duration_minutes: draft.duration_minutes,
            kind: draft.kind.code(),
            staff: &draft.staff,
            topic: &draft.topic,
            recorded_by: by,
            recorded_at: &at,
        };
        let id = contacts::insert_session(&mut tx, &session).await?;
        let mut entries = vec![self.entry(
            actor,
            "group_session.create",
            Outcome::Allowed,
            allowed.purpose(),
            allowed.role(),
            &Subject { id: Some(id.to_string()), ..subject.clone() },
        )];
        for (person_id, pathway_id, participant) in pathways {
            let contact = NewContact {
                pathway_id,
                site_id: site.0,
                group_session_id: Some(id),
                held_on: &held_on,
                duration_minutes: draft.duration_minutes,
                kind: draft.kind.code(),
                staff: &draft.staff,
                attendance: participant.attendance.code(),
                note: &participant.note,
                recorded_by: by,
                recorded_at: &at,
            };
            let contact = contacts::insert(&mut tx, &contact).await?;
            let row = Subject { person_id: Some(person_id), ..Subject::record("contact", contact) };
            let row = row.at_site(subject.site.clone());
            entries.push(self.entry(
                actor,
                "contact.create",
                Outcome::Allowed,
                allowed.purpose(),
                allowed.role(),
                &row,
            ));
        }
        self.append_in(&mut tx, entries).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// A group session with the participants the actor may read (see the
    /// module's rules).
    pub async fn group_session(&self, actor: &Actor, id: i64) -> AppResult<GroupSessionRecord> {
        self.permit(actor, Action::ReadClinical, "group_session.read").await?;
        let mut conn = self.store.reader().await?;
        let session = contacts::get_session(&mut conn, id).await?;
        let all = match &session {
            Some(_) => contacts::of_session(&mut conn, id).await?,
            None => Vec::new(),
        };
        drop(conn);
        let readable: Vec<Contact> = all
            .into_iter()
            .filter(|c| actor.may(Action::ReadClinical, Target::site(SiteId(c.person_site_id))))
            .collect();
        let site = readable.first().map(|c| c.person_site_id).or(session.as_ref().map(|s| s.site_id));
        let subject = Subject::record("group_session", id);
        let allowed = self
            .authorize_record(actor, Action::ReadClinical, site.map(SiteId), "group_session.read", &subject)
            .await?;
        let session = session.ok_or(AppError::NotFound)?;
        let mut rows: Vec<Subject> = readable
            .iter()
            .map(|c| Subject { person_id: Some(c.person_id), ..Subject::record("contact", c.id) })
            .collect();
        rows.push(subject);
        let entries = rows
            .iter()
            .map(|s| self.entry(actor, "group_session.read", Outcome::Allowed, allowed.purpose(), allowed.role(), s))
            .collect();
        self.audit.write(entries).await?;
        Ok(GroupSessionRecord { session, participants: readable })
    }

    /// A page of the group sessions held at the actor's prison, the latest first.
    pub async fn group_sessions(&self, actor: &Actor, paging: Paging) -> AppResult<Listing<GroupSession>> {
        self.permit(actor, Action::ReadClinical, "group_session.list").await?;
        let site = self.group_session_site(actor).ok_or(AppError::Forbidden)?;
        let subject = Subject::kind("group_session").at_site(actor.site_code(site));
        let allowed =
            self.authorize(actor, Action::ReadClinical, Target::site(site), "group_session.list", &subject).await?;
        let mut conn = self.store.reader().await?;
        let (items, total) = contacts::sessions_at_site(&mut conn, site.0, paging.to_store()).await?;
        drop(conn);
        self.audit_read(actor, allowed, "group_session.list", &subject).await?;
        Ok(Listing::new(items, total, paging))
    }
}
