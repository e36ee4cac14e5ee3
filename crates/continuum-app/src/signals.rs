//! Signals that a person may need help, and what the care team does with
//! them. The drafts and sources are `continuum_domain::signal`'s.
//!
//! Who (policy action `SignalPerson`, DOMAIN.md "Roles"): prison staff, the
//! medical service and care workers of the prison signal; the person's own
//! request is recorded by one of them with the source "the person".
//!
//! - **A prison officer has no access to the register.** Their signal names
//!   the person by the prison number and the name as typed; nothing is
//!   looked up when it is made, so neither the answer nor its timing tells
//!   whether the number exists. They see only their own signals
//!   ([`App::my_signals`]): what they typed and whether the care team
//!   received it, with no register data and no pathway state.
//! - **The care team** (care workers and the medical service of the prison:
//!   `ViewRegister` to see a prison's signals with the person matched or
//!   suggested, `WriteClinical` to act on one) matches an unmatched signal to
//!   a person at the prison and acknowledges it ("received"). A signal can
//!   be acknowledged before or without a match (a number nobody holds is
//!   still a message received). The care team may also signal a person it
//!   finds in the register ([`App::signal_person`]).
//! - **Taking up a signal**: once a signal is matched to a person, a closed
//!   pathway is reopened at the prison through the pathway machine (the
//!   signal's reason is the reopening's reason), a person without a pathway
//!   gets one opened by the signal's source, and an open pathway stays as it
//!   is (the machine accepts one signal per pathway; the others are kept
//!   here, beside it).
//! - **Entries** are signals too: each entry records one (source "entry",
//!   matched and received at once, since the entry opens the pathway). They
//!   are not listed among a prison's incoming signals: the worklist of people
//!   awaiting screening shows them.

use continuum_domain::audit::format_instant;
use continuum_domain::ids::{SiteId, UserId};
use continuum_domain::pathway::{Command, Context, SignalSource};
use continuum_domain::policy::{Action, Target};
use continuum_domain::signal::{SignalDraft, parse_reason, source_for};
use continuum_domain::validation::Problem;
use continuum_store::signals::{self, NewSignal, OwnSignalRow, SignalRow};
use continuum_store::{Tx, episodes, people};
use jiff::Timestamp;

use crate::access::{Allowed, Subject};
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};
use crate::{Listing, Paging};

/// A signal as its author sees it.
pub type OwnSignal = OwnSignalRow;
/// A signal as the care team sees it.
pub type Signal = SignalRow;

/// The person a signal is matched to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignalMatch {
    /// By id in the register.
    Person(i64),
    /// By the prison number held at the signal's prison.
    PrisonNumber(String),
}

/// Which of a prison's signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignalFilter {
    /// Those not yet received, the oldest first.
    Pending,
    /// All, the newest first.
    All,
}

impl App {
    /// The roles the actor holds at `site`.
    fn roles_at(actor: &Actor, site: SiteId) -> Vec<continuum_domain::role::Role> {
        actor.grants.iter().filter(|g| g.scope.covers(site)).map(|g| g.role).collect()
    }

    /// The sites where the actor may signal, the acting site first.
    pub fn signal_sites(&self, actor: &Actor) -> Vec<SiteId> {
        let mut sites = actor.sites_where(Action::SignalPerson);
        if let Some(acting) = &actor.site
            && let Some(at) = sites.iter().position(|s| *s == acting.id)
        {
            sites.swap(0, at);
        }
        sites
    }

    /// Signals that the person with the typed prison number at `site` may
    /// need help. Looks nothing up (see the module's rules): the answer is
    /// made of what was sent.
    pub async fn create_signal(&self, actor: &Actor, site: SiteId, draft: &SignalDraft) -> AppResult<OwnSignal> {
        self.permit(actor, Action::SignalPerson, "signal.create").await?;
        let subject = Subject::kind("signal").at_site(actor.site_code(site));
        let allowed =
            self.authorize(actor, Action::SignalPerson, Target::site(site), "signal.create", &subject).await?;
        let source = source_for(&Self::roles_at(actor, site), draft.on_behalf_of_person).ok_or(AppError::Forbidden)?;
        let at = format_instant(self.now());
        let signal = NewSignal {
            site_id: site.0,
            source: source.code(),
            prison_number: &draft.prison_number,
            name: &draft.name,
            reason: &draft.reason,
            signalled_by: self.actor_id(actor),
            at: &at,
            person_id: None,
            received: false,
        };
        let mut tx = self.store.begin().await?;
        let id = signals::insert(&mut tx, &signal).await?;
        let subject = Subject { id: Some(id.to_string()), ..subject };
        self.audit_change(&mut tx, actor, allowed, "signal.create", &subject).await?;
        tx.commit().await?;
        Ok(OwnSignal {
            id,
            site_code: subject.site.unwrap_or_default(),
            source: source.code().to_owned(),
            prison_number: draft.prison_number.clone(),
            name: draft.name.clone(),
            reason: draft.reason.clone(),
            signalled_at: at,
            received_at: None,
        })
    }

    /// The care team signals a person it sees in the register; the signal is
    /// matched at once and taken up.
    pub async fn signal_person(
        &self,
        actor: &Actor,
        person_id: i64,
        reason: &str,
        on_behalf: bool,
    ) -> AppResult<OwnSignal> {
        let mut conn = self.store.reader().await?;
        let person = people::get(&mut conn, person_id).await?;
        let episode = match person.as_ref().and_then(|p| p.current_episode_id) {
            Some(id) => episodes::get(&mut conn, id).await?,
            None => None,
        };
        drop(conn);
        let site = person.as_ref().map(|p| SiteId(p.site_id));
        let subject = Subject { person_id: Some(person_id), ..Subject::kind("signal") };
        // The register first: someone who may signal but not see the
        // register learns nothing about who is in it.
        self.authorize_record(actor, Action::ViewRegister, site, "signal.create", &subject).await?;
        let (Some(person), Some(site)) = (person, site) else {
            return Err(AppError::NotFound);
        };
        let subject = subject.at_site(actor.site_code(site));
        let allowed =
            self.authorize(actor, Action::SignalPerson, Target::site(site), "signal.create", &subject).await?;
        let reason = parse_reason(reason)?;
        let source = source_for(&Self::roles_at(actor, site), on_behalf).ok_or(AppError::Forbidden)?;
        let at = self.now();
        let now = format_instant(at);
        let name = format!("{} {}", person.family_name, person.given_names).trim().to_owned();
        let prison_number = episode.map(|e| e.prison_number).unwrap_or_default();
        let signal = NewSignal {
            site_id: site.0,
            source: source.code(),
            prison_number: &prison_number,
            name: &name,
            reason: &reason,
            signalled_by: self.actor_id(actor),
            at: &now,
            person_id: Some(person_id),
            received: false,
        };
        let mut tx = self.store.begin().await?;
        let id = signals::insert(&mut tx, &signal).await?;
        self.take_up(&mut tx, person_id, site, source, &reason, self.actor_id(actor), at).await?;
        let subject = Subject { id: Some(id.to_string()), ..subject };
        self.audit_change(&mut tx, actor, allowed, "signal.create", &subject).await?;
        tx.commit().await?;
        Ok(OwnSignal {
            id,
            site_code: subject.site.unwrap_or_default(),
            source: source.code().to_owned(),
            prison_number,
            name,
            reason,
            signalled_at: now,
            received_at: None,
        })
    }

    /// The signals the actor made, newest first: what they typed and whether
    /// it was received.
    pub async fn my_signals(&self, actor: &Actor, paging: Paging) -> AppResult<Listing<OwnSignal>> {
        self.permit(actor, Action::SignalPerson, "signal.list_own").await?;
        let site = self.signal_sites(actor).first().copied().ok_or(AppError::Forbidden)?;
        let subject = Subject::kind("signal");
        let allowed =
            self.authorize(actor, Action::SignalPerson, Target::site(site), "signal.list_own", &subject).await?;
        let mut conn = self.store.reader().await?;
        let (items, total) = signals::by_signaller(&mut conn, actor.user_id.0, paging.to_store()).await?;
        drop(conn);
        self.audit_read(actor, allowed, "signal.list_own", &subject).await?;
        Ok(Listing::new(items, total, paging))
    }

    /// A prison's signals for its care team: `site` if given (one of the
    /// actor's), else the worklist's prison.
    pub async fn site_signals(
        &self,
        actor: &Actor,
        site: Option<SiteId>,
        filter: SignalFilter,
        paging: Paging,
    ) -> AppResult<(SiteId, Listing<Signal>)> {
        self.permit(actor, Action::ViewRegister, "signal.list").await?;
        let site = site.or_else(|| self.worklist_site(actor)).ok_or(AppError::Forbidden)?;
        let subject = Subject::kind("signal").at_site(actor.site_code(site));
        let allowed = self.authorize(actor, Action::ViewRegister, Target::site(site), "signal.list", &subject).await?;
        let mut conn = self.store.reader().await?;
        let pending = filter == SignalFilter::Pending;
        let (items, total) = signals::at_site(&mut conn, site.0, pending, paging.to_store()).await?;
        drop(conn);
        self.audit_read(actor, allowed, "signal.list", &subject).await?;
        Ok((site, Listing::counted(items, total, paging)))
    }

    /// Asks the policy for a signal at its prison.
    async fn signal_gate(&self, actor: &Actor, id: i64, event: &str) -> AppResult<(Allowed, Subject, Signal)> {
        let mut conn = self.store.reader().await?;
        let signal = signals::get(&mut conn, id).await?;
        drop(conn);
        let site = signal.as_ref().map(|s| SiteId(s.site_id));
        let subject = Subject { person_id: signal.as_ref().and_then(|s| s.person_id), ..Subject::record("signal", id) };
        let allowed = self.authorize_record(actor, Action::WriteClinical, site, event, &subject).await?;
        let signal = signal.ok_or(AppError::NotFound)?;
        let subject = subject.at_site(actor.site_code(SiteId(signal.site_id)));
        Ok((allowed, subject, signal))
    }

    /// Matches an unmatched signal to a person at its prison, and takes it up.
    pub async fn link_signal(&self, actor: &Actor, id: i64, to: &SignalMatch) -> AppResult<i64> {
        let (allowed, subject, signal) = self.signal_gate(actor, id, "signal.link").await?;
        let site = SiteId(signal.site_id);
        let mut conn = self.store.reader().await?;
        let person_id = match to {
            SignalMatch::Person(person) => people::get(&mut conn, *person)
                .await?
                .filter(|p| p.site_id == site.0)
                .map(|p| p.id)
                .ok_or_else(|| AppError::field("person_id", Problem::NotAtSite))?,
            SignalMatch::PrisonNumber(number) if number.trim().is_empty() => {
                return Err(AppError::field("prison_number", Problem::Required));
            }
            SignalMatch::PrisonNumber(number) => episodes::person_at_site_with_number(&mut conn, site.0, number.trim())
                .await?
                .ok_or_else(|| AppError::field("prison_number", Problem::NotAtSite))?,
        };
        drop(conn);
        let source = SignalSource::from_code(&signal.source)
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("signal {id} has an unknown source")))?;
        let at = self.now();
        let by = self.actor_id(actor);
        let mut tx = self.store.begin().await?;
        if !signals::link(&mut tx, id, person_id, by, &format_instant(at)).await? {
            return Err(AppError::Conflict("signal-linked"));
        }
        self.take_up(&mut tx, person_id, site, source, &signal.reason, by, at).await?;
        let subject = Subject { person_id: Some(person_id), ..subject };
        self.audit_change(&mut tx, actor, allowed, "signal.link", &subject).await?;
        tx.commit().await?;
        Ok(person_id)
    }

    /// Acknowledges a signal: the care team received it.
    pub async fn acknowledge_signal(&self, actor: &Actor, id: i64) -> AppResult<()> {
        let (allowed, subject, _) = self.signal_gate(actor, id, "signal.acknowledge").await?;
        let mut tx = self.store.begin().await?;
        if !signals::acknowledge(&mut tx, id, self.actor_id(actor), &format_instant(self.now())).await? {
            return Err(AppError::Conflict("signal-received"));
        }
        self.audit_change(&mut tx, actor, allowed, "signal.acknowledge", &subject).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Takes up a signal matched to a person (see the module's rules).
    #[expect(clippy::too_many_arguments, reason = "one pathway step's facts")]
    async fn take_up(
        &self,
        tx: &mut Tx,
        person_id: i64,
        site: SiteId,
        source: SignalSource,
        reason: &str,
        by: Option<i64>,
        at: Timestamp,
    ) -> AppResult<()> {
        let today = self.register_today().to_string();
        let context = Context { who: UserId(by.unwrap_or(0)), at, why: Some(reason.to_owned()) };
        match self.load_pathway(tx, person_id).await? {
            Some((_, pathway)) if !pathway.is_closed() => Ok(()),
            Some((pathway_id, mut pathway)) => {
                let reopen = Command::Reopen { site };
                match self.step_pathway(tx, pathway_id, &mut pathway, reopen, context.clone()).await? {
                    Ok(()) => Ok(continuum_store::pathways::restart_waiting(tx, pathway_id, &today).await?),
                    Err(_) => self.open_pathway(tx, person_id, source, site, &today, context).await,
                }
            }
            None => self.open_pathway(tx, person_id, source, site, &today, context).await,
        }
    }
}
