//! Detention episodes after entry: a change of legal status or expected
//! release, the release, and the transfer to another prison of the
//! programme. The rules (release kinds, dates, what a release does to the
//! pathway) are `continuum_domain::episode`'s.
//!
//! Who: care workers and the medical service of the person's current prison
//! (`EditRegister` there). Only the person's current, open episode changes.
//! Every change raises the episode's version, keeps the new state in its
//! history and is audited in the same transaction. A transfer ends the
//! episode at the sending prison (kind `transfer`), opens one at the
//! receiving prison on the same day, makes that prison the person's (its
//! team sees the person from then on, the sending team no longer does) and
//! moves an open pathway there with the machine's transfer step, history
//! kept. A pathway the machine does not let move (closed, or in follow-up
//! after an earlier release) stays as it is: the register records where the
//! person is whatever the pathway's state. A change of the expected release
//! and a release also do what release planning asks of the pathway
//! (`crate::release_plans`).

use continuum_domain::audit::format_instant;
use continuum_domain::episode::{
    EpisodeChange, EpisodeChangeFields, ReleaseDraft, ReleaseFields, ReleaseKind, TransferDraft, TransferFields,
};
use continuum_domain::ids::{SiteId, UserId};
use continuum_domain::pathway::{Command, Context, TransferDestination};
use continuum_domain::policy::Action;
use continuum_domain::validation::{Invalid, Problem};
use continuum_store::episodes::{self, Change, EpisodeVersionRow};
use continuum_store::people::{self, NewEpisode};
use continuum_store::sites;
use jiff::civil::Date;

use crate::access::{Allowed, Subject};
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult, duplicate_on};
use crate::people::{Episode, Person};

/// A version of a detention episode.
pub type EpisodeVersion = EpisodeVersionRow;

/// An episode with its person and every version of it.
#[derive(Debug, Clone)]
pub struct EpisodeRecord {
    /// The episode now.
    pub episode: Episode,
    /// The person.
    pub person: Person,
    /// Its versions, newest first.
    pub history: Vec<EpisodeVersion>,
}

/// Where a transfer took the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transferred {
    /// The person.
    pub person_id: i64,
    /// The episode opened at the receiving prison.
    pub episode_id: i64,
    /// The receiving prison.
    pub site: SiteId,
}

/// An episode and its person, once the actor may act on them.
struct Gate {
    allowed: Allowed,
    subject: Subject,
    episode: Episode,
    person: Person,
}

impl Gate {
    /// The entry date of the episode, which must be the person's current,
    /// open one.
    fn open_entry(&self) -> AppResult<Date> {
        let current = self.person.current_episode_id == Some(self.episode.id);
        if !current || self.episode.release_date.is_some() {
            return Err(AppError::field("episode", Problem::EpisodeEnded));
        }
        self.episode.entry_date.parse().map_err(|_| {
            AppError::Internal(anyhow::anyhow!("episode {} has an unreadable entry date", self.episode.id))
        })
    }
}

impl App {
    /// Asks the policy for an episode at its person's current prison (the
    /// episode's own prison may be an earlier one).
    async fn episode_gate(&self, actor: &Actor, id: i64, action: Action, event: &str) -> AppResult<Gate> {
        let mut conn = self.store.reader().await?;
        let episode = episodes::get(&mut conn, id).await?;
        let person = match &episode {
            Some(episode) => people::get(&mut conn, episode.person_id).await?,
            None => None,
        };
        drop(conn);
        let site = person.as_ref().map(|p| SiteId(p.site_id));
        let subject = Subject { person_id: episode.as_ref().map(|e| e.person_id), ..Subject::record("episode", id) };
        let allowed = self.authorize_record(actor, action, site, event, &subject).await?;
        let (Some(episode), Some(person)) = (episode, person) else {
            return Err(AppError::NotFound);
        };
        let code = actor.site_code(SiteId(person.site_id));
        Ok(Gate { allowed, subject: subject.at_site(code), episode, person })
    }

    /// One episode and its history.
    pub async fn get_episode(&self, actor: &Actor, id: i64) -> AppResult<EpisodeRecord> {
        let gate = self.episode_gate(actor, id, Action::ViewRegister, "episode.read").await?;
        let mut conn = self.store.reader().await?;
        let history = episodes::history(&mut conn, id).await?;
        drop(conn);
        self.audit_read(actor, gate.allowed, "episode.read", &gate.subject).await?;
        Ok(EpisodeRecord { episode: gate.episode, person: gate.person, history })
    }

    /// Changes the legal status and expected release of the person's
    /// current episode, if nobody changed it since `version`; answers the
    /// person's id.
    pub async fn update_episode(
        &self,
        actor: &Actor,
        id: i64,
        version: i64,
        fields: &EpisodeChangeFields<'_>,
    ) -> AppResult<i64> {
        let gate = self.episode_gate(actor, id, Action::EditRegister, "episode.update").await?;
        let change = EpisodeChange::parse(fields, gate.open_entry()?)?;
        let expected = change.expected_release.map(|d| d.to_string());
        let now = format_instant(self.now());
        let mut tx = self.store.begin().await?;
        let by = self.actor_id(actor);
        let legal_status = change.legal_status.code();
        if !episodes::update(&mut tx, id, version, legal_status, expected.as_deref(), &now, by).await? {
            return Err(AppError::Conflict("changed-meanwhile"));
        }
        // Release planning (issue 5, item 6): a release now within 30 days
        // moves a pathway in care to release planning at once.
        self.plan_release_if_due(&mut tx, gate.person.id, change.expected_release, by).await?;
        self.audit_change(&mut tx, actor, gate.allowed, "episode.update", &gate.subject).await?;
        tx.commit().await?;
        Ok(gate.person.id)
    }

    /// Records the release that ends the person's current episode, and the
    /// pathway step it calls for; answers the person's id.
    pub async fn release_episode(&self, actor: &Actor, id: i64, fields: &ReleaseFields<'_>) -> AppResult<i64> {
        let gate = self.episode_gate(actor, id, Action::EditRegister, "episode.release").await?;
        let release = ReleaseDraft::parse(fields, gate.open_entry()?, self.register_today())?;
        let at = self.now();
        let mut tx = self.store.begin().await?;
        let by = self.actor_id(actor);
        let date = release.date.to_string();
        let ended =
            episodes::end(&mut tx, id, &date, release.kind.code(), Change::Released, &format_instant(at), by).await?;
        if !ended {
            return Err(AppError::field("episode", Problem::EpisodeEnded));
        }
        // The pathway's step, and for a person in care the release with its
        // plan and follow-up (issue 5, items 6 and 7).
        let context = Context { who: UserId(by.unwrap_or(0)), at, why: None };
        self.pathway_at_release(&mut tx, &gate.person, id, &release, context).await?;
        self.audit_change(&mut tx, actor, gate.allowed, "episode.release", &gate.subject).await?;
        tx.commit().await?;
        Ok(gate.person.id)
    }

    /// Transfers the person of the current episode `id` to another prison
    /// of the programme (see the module's rules).
    pub async fn transfer_person(&self, actor: &Actor, id: i64, fields: &TransferFields<'_>) -> AppResult<Transferred> {
        let gate = self.episode_gate(actor, id, Action::EditRegister, "person.transfer").await?;
        let entry = gate.open_entry()?;
        let mut invalid = Invalid::default();
        let draft = TransferDraft::parse(fields, entry, self.register_today()).map_err(|e| invalid.0.extend(e.0)).ok();
        let mut conn = self.store.reader().await?;
        let code = fields.site.trim();
        let destination =
            sites::list(&mut conn).await?.into_iter().find(|s| s.active && s.code.eq_ignore_ascii_case(code));
        drop(conn);
        match &destination {
            None if !code.is_empty() => invalid.push("site", Problem::UnknownSite),
            Some(site) if site.id == gate.episode.site_id => invalid.push("site", Problem::SameSite),
            _ => {}
        }
        let (Some(draft), Some(destination), true) = (draft, destination, invalid.0.is_empty()) else {
            return Err(AppError::Invalid(invalid));
        };
        let site = SiteId(destination.id);
        let number = draft.prison_number.clone().unwrap_or_else(|| gate.episode.prison_number.clone());
        let at = self.now();
        let now = format_instant(at);
        let by = self.actor_id(actor);
        let date = draft.date.to_string();
        let mut tx = self.store.begin().await?;
        if people::holder_of_prison_number(&mut tx, site.0, &number)
            .await?
            .is_some_and(|holder| holder != gate.person.id)
        {
            return Err(AppError::field("prison_number", Problem::Duplicate));
        }
        if !episodes::end(&mut tx, id, &date, ReleaseKind::Transfer.code(), Change::Transferred, &now, by).await? {
            return Err(AppError::field("episode", Problem::EpisodeEnded));
        }
        let expected = gate.episode.expected_release.as_deref().filter(|release| *release >= date.as_str());
        let arrival = NewEpisode {
            person_id: gate.person.id,
            site_id: site.0,
            prison_number: &number,
            entry_date: &date,
            legal_status: &gate.episode.legal_status,
            expected_release: expected,
            transferred_from: Some(id),
        };
        let episode_id =
            people::insert_episode(&mut tx, &arrival, &now, by).await.map_err(duplicate_on("prison_number"))?;
        people::set_current_episode(&mut tx, gate.person.id, episode_id, site.0).await?;
        // OAT and transfers (issue 5, item 5): the handover, until the receiving team acknowledges it.
        let handover = continuum_store::handovers::NewHandover {
            person_id: gate.person.id,
            from_site_id: gate.episode.site_id,
            to_site_id: site.0,
            from_episode_id: id,
            to_episode_id: episode_id,
            transferred_at: &now,
            transferred_by: by,
        };
        continuum_store::handovers::insert(&mut tx, &handover).await?;
        if let Some((pathway_id, mut pathway)) = self.load_pathway(&mut tx, gate.person.id).await? {
            let context = Context { who: UserId(by.unwrap_or(0)), at, why: None };
            let command = Command::Transfer { to: TransferDestination::PilotSite(site) };
            if let Err(refusal) = self.step_pathway(&mut tx, pathway_id, &mut pathway, command, context).await? {
                tracing::info!(pathway = pathway_id, %refusal, "the transfer leaves the pathway where it is");
            }
        }
        let subject = Subject { id: Some(episode_id.to_string()), ..gate.subject };
        self.audit_change(&mut tx, actor, gate.allowed, "person.transfer", &subject).await?;
        tx.commit().await?;
        Ok(Transferred { person_id: gate.person.id, episode_id, site })
    }
}
