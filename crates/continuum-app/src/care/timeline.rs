//! A person's timeline (issue 5, item 3): the whole pathway in order, every
//! source in one paged list (`continuum_store::care::timeline` says how a
//! source is added). It shows notes and reasons, so it is clinical:
//! `ReadClinical` at the person's prison, or for the sending team of a
//! transfer while its read window lasts, only what its prison wrote
//! (`crate::care_access`).

use continuum_domain::policy::Action;
use continuum_store::care::timeline::{self, TimelineRow};

use crate::actor::Actor;
use crate::app::App;
use crate::error::AppResult;
use crate::people::Person;
use crate::{Listing, Paging};

/// One entry of a timeline: `kind` names its source (`transition`,
/// `screening`, `intake`, `care_plan`, `contact`, and those other parts of
/// the care add), `item_id` its record; `code`, `detail` and `amount` are
/// the source's short codes and number, `text` its free text.
pub type TimelineEntry = TimelineRow;

/// The `kind` of every source, for the adapters' labels.
pub fn kinds() -> Vec<&'static str> {
    timeline::SOURCES.iter().map(|s| s.kind).collect()
}

/// A page of a person's timeline, with whose it is.
#[derive(Debug, Clone)]
pub struct PersonTimeline {
    /// The person.
    pub person: Person,
    /// Read by the sending team of a transfer: only what its prison wrote.
    pub sending_team_view: bool,
    /// The page of entries.
    pub entries: Listing<TimelineEntry>,
}

impl App {
    /// A page of a person's timeline, the latest first (the earliest first
    /// with `oldest_first`).
    pub async fn person_timeline(
        &self,
        actor: &Actor,
        person_id: i64,
        oldest_first: bool,
        paging: Paging,
    ) -> AppResult<PersonTimeline> {
        let gate = self.clinical_gate(actor, person_id, Action::ReadClinical, "timeline.read", "person").await?;
        let mut conn = self.store.reader().await?;
        let written_at = gate.site_filter();
        let (items, total) =
            timeline::of_person(&mut conn, person_id, written_at, oldest_first, paging.to_store()).await?;
        drop(conn);
        self.audit_read(actor, gate.allowed, "timeline.read", &gate.subject).await?;
        Ok(PersonTimeline {
            sending_team_view: gate.written_at.is_some(),
            person: gate.person,
            entries: Listing::new(items, total, paging),
        })
    }
}
