//! The entry register: people in detention and their detention episodes.
//!
//! A person belongs to the site of their current episode; that site is the
//! target of every access check. Who may not use the register at all is
//! refused before anything is looked up, so that a refusal never tells
//! whether a person exists; who may, but not at the person's site, gets
//! "not found".

use continuum_domain::audit::format_instant;
use continuum_domain::ids::SiteId;
use continuum_domain::person::{EpisodeDraft, PersonDraft, PersonQuery};
use continuum_domain::policy::{Action, Target};
use continuum_domain::validation::Problem;
use continuum_store::people::{self, EpisodeRow, PersonFilter, PersonListRow, PersonOrder, PersonRow};
use continuum_store::people::{PersonFields, PersonVersionRow};
use jiff::civil::Date;

use crate::access::Subject;
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};
use crate::{Listing, Paging};

/// A person as stored.
pub type Person = PersonRow;
/// A detention episode.
pub type Episode = EpisodeRow;
/// A person in a list.
pub type PersonSummary = PersonListRow;
/// A version of a person.
pub type PersonVersion = PersonVersionRow;
/// The order of a list of people.
pub type PeopleOrder = PersonOrder;

/// A person with everything the register holds about them.
#[derive(Debug, Clone)]
pub struct PersonRecord {
    /// The person.
    pub person: Person,
    /// The site's code.
    pub site_code: String,
    /// Their episodes, most recent first.
    pub episodes: Vec<Episode>,
    /// Every version of their identity, newest first.
    pub history: Vec<PersonVersion>,
    /// Every version of their episodes, newest episode first.
    pub episode_history: Vec<crate::episodes::EpisodeVersion>,
    /// The signals matched to them, newest first.
    pub signals: Vec<crate::signals::Signal>,
    /// The merges the record took part in, newest first (`crate::merges`).
    pub merges: Vec<crate::merges::Merge>,
}

/// A new entry: the person, their first episode, and whether the user
/// confirmed that the possible duplicates shown are other people.
#[derive(Debug, Clone)]
pub struct NewEntry {
    /// The person.
    pub person: PersonDraft,
    /// The entry into the site.
    pub episode: EpisodeDraft,
    /// The user saw the possible duplicates and says this is someone else.
    pub not_a_duplicate: bool,
}

/// The outcome of registering an entry.
#[derive(Debug, Clone)]
pub enum Registration {
    /// Registered under this id.
    Registered(i64),
    /// Not registered: these people at the actor's sites look the same
    /// (same date of birth, a name in common); confirm to register anyway.
    PossibleDuplicates(Vec<PersonSummary>),
}

pub(crate) fn store_fields<'a>(
    draft: &'a PersonDraft,
    birth: &'a str,
    languages: &'a str,
    tokens: &'a [String],
    sort_name: &'a str,
) -> PersonFields<'a> {
    PersonFields {
        family_name: &draft.family_name,
        given_names: &draft.given_names,
        birth_date: birth,
        sex: draft.sex.code(),
        nationality: &draft.nationality,
        languages,
        preferred_language: &draft.preferred_language,
        tokens,
        sort_name,
    }
}

impl App {
    /// Today's date for the register's checks. Belgium is at most two hours
    /// ahead of UTC, so the date at UTC+2 is never before the prison's own
    /// date: a date entered as "today" is never refused as future.
    pub fn register_today(&self) -> Date {
        let ahead = self.now().checked_add(jiff::SignedDuration::from_hours(2)).unwrap_or(self.now());
        ahead.to_zoned(jiff::tz::TimeZone::UTC).date()
    }

    /// Searches the register at the actor's sites (the acting site only,
    /// when one is chosen) by name, prison number or date of birth.
    pub async fn search_people(
        &self,
        actor: &Actor,
        text: &str,
        order: PeopleOrder,
        paging: Paging,
    ) -> AppResult<Listing<PersonSummary>> {
        self.permit(actor, Action::ViewRegister, "person.search").await?;
        let mut sites = actor.sites_where(Action::ViewRegister);
        if let Some(acting) = &actor.site
            && sites.contains(&acting.id)
        {
            sites = vec![acting.id];
        }
        let first = sites.first().copied().ok_or(AppError::Forbidden)?;
        let allowed = self
            .authorize(actor, Action::ViewRegister, Target::site(first), "person.search", &Subject::kind("person"))
            .await?;
        let query = PersonQuery::parse(text);
        let filter = PersonFilter {
            sites: Some(sites.iter().map(|s| s.0).collect()),
            birth_date: query.birth_date.map(|d| d.to_string()),
            tokens: query.name_tokens,
            prison_number: query.prison_number,
        };
        let mut conn = self.store.reader().await?;
        let (items, total) = people::search(&mut conn, &filter, order, paging.to_store()).await?;
        drop(conn);
        self.audit_read(actor, allowed, "person.search", &Subject::kind("person")).await?;
        Ok(Listing::counted(items, total, paging))
    }

    /// One person's register record: identity, episodes, history.
    pub async fn get_person(&self, actor: &Actor, id: i64) -> AppResult<PersonRecord> {
        let mut conn = self.store.reader().await?;
        let person = people::get(&mut conn, id).await?;
        let site = person.as_ref().map(|p| SiteId(p.site_id));
        let subject = Subject { person_id: Some(id), ..Subject::record("person", id) };
        let allowed = self.authorize_record(actor, Action::ViewRegister, site, "person.read", &subject).await?;
        let person = person.ok_or(AppError::NotFound)?;
        let episodes = people::episodes(&mut conn, id).await?;
        let history = people::history(&mut conn, id).await?;
        let episode_history = continuum_store::episodes::history_of_person(&mut conn, id).await?;
        let signals = continuum_store::signals::for_person(&mut conn, id).await?;
        let merges = continuum_store::merges::of_person(&mut conn, id).await?;
        drop(conn);
        let site_code = actor.site_code(SiteId(person.site_id)).unwrap_or_default();
        let subject = subject.at_site(Some(site_code.clone()));
        self.audit_read(actor, allowed, "person.read", &subject).await?;
        Ok(PersonRecord { person, site_code, episodes, history, episode_history, signals, merges })
    }

    /// Registers a person entering `site`, with their first episode; refused
    /// when the prison number is held by someone else at the site, and held
    /// back when the person may already be registered.
    pub async fn register_entry(&self, actor: &Actor, site: SiteId, entry: &NewEntry) -> AppResult<Registration> {
        let subject = Subject::kind("person");
        let allowed =
            self.authorize(actor, Action::EditRegister, Target::site(site), "person.create", &subject).await?;
        let birth = entry.person.birth_date.to_string();
        let tokens = entry.person.name_tokens();
        let mut tx = self.store.begin().await?;
        if people::holder_of_prison_number(&mut tx, site.0, &entry.episode.prison_number).await?.is_some() {
            return Err(AppError::field("prison_number", Problem::Duplicate));
        }
        if !entry.not_a_duplicate {
            let visible = actor.sites_where(Action::ViewRegister);
            let candidates: Vec<PersonSummary> = people::same_birth_date_and_name(&mut tx, &birth, &tokens)
                .await?
                .into_iter()
                .filter(|c| actor.sites.iter().any(|s| s.code == c.site_code && visible.contains(&s.id)))
                .collect();
            if !candidates.is_empty() {
                return Ok(Registration::PossibleDuplicates(candidates));
            }
        }
        let written = self.insert_entries(&mut tx, site, &[entry], (self.now(), self.actor_id(actor)), |_| {}).await?;
        let id = written.first().copied().ok_or_else(|| AppError::Internal(anyhow::anyhow!("no entry written")))?;
        let site_code = actor.site_code(site);
        let subject = Subject { person_id: Some(id), ..Subject::record("person", id) }.at_site(site_code);
        self.audit_change(&mut tx, actor, allowed, "person.create", &subject).await?;
        tx.commit().await?;
        Ok(Registration::Registered(id))
    }

    /// Changes a person's identity, if nobody changed it since `version`.
    pub async fn update_person(&self, actor: &Actor, id: i64, version: i64, draft: &PersonDraft) -> AppResult<()> {
        let mut conn = self.store.reader().await?;
        let site = people::get(&mut conn, id).await?.map(|p| SiteId(p.site_id));
        drop(conn);
        let subject = Subject { person_id: Some(id), ..Subject::record("person", id) };
        // Asked before the write transaction opens: a denial's audit row goes
        // through the audit writer, which needs the write connection.
        let allowed = self.authorize_record(actor, Action::EditRegister, site, "person.update", &subject).await?;
        let mut tx = self.store.begin().await?;
        if people::get(&mut tx, id).await?.is_some_and(|p| p.merged_into.is_some()) {
            return Err(AppError::Conflict("merge-already-merged"));
        }
        let first_entry =
            people::episodes(&mut tx, id).await?.iter().filter_map(|e| e.entry_date.parse::<Date>().ok()).min();
        if first_entry.is_some_and(|entry| entry < draft.birth_date) {
            return Err(AppError::field("birth_date", Problem::DateOrder));
        }
        let birth = draft.birth_date.to_string();
        let tokens = draft.name_tokens();
        let sort_name = draft.sort_name();
        let languages = draft.languages.join(",");
        let fields = store_fields(draft, &birth, &languages, &tokens, &sort_name);
        if !people::update(&mut tx, id, version, &fields, &format_instant(self.now()), self.actor_id(actor)).await? {
            return Err(AppError::Conflict("changed-meanwhile"));
        }
        self.audit_change(&mut tx, actor, allowed, "person.update", &subject).await?;
        tx.commit().await?;
        Ok(())
    }
}
