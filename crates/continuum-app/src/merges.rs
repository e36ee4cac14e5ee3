//! Merging two register records of one human, and undoing it.
//!
//! Rules chosen here:
//! - **Who.** A care worker or the medical service merges (`EditRegister`)
//!   and must hold it at the sites of *both* records; for a record at a site
//!   they do not cover, the answer is "not found", as for any record. Only an
//!   administrator undoes a merge (`UndoMerge`); the administrator sees the
//!   merge's numbers, sites, dates and what moved, never names.
//! - **What moves.** The merged record's detention episodes, pathways (each
//!   with its whole transition log), screenings (with their answers, and
//!   the site where they were given), matched signals, consents (with
//!   their signed forms) and referrals (with their changes) move to the
//!   surviving record. Its
//!   identity and its versions stay with it (they are shown on the
//!   survivor's page, attached through the merge). Nothing is deleted. Every
//!   moved row is written in `person_merge_moves`, so that undoing the merge
//!   restores exactly what belonged to each record.
//! - **What is current.** The surviving record keeps its identity, its
//!   current episode (so its site) and its current pathway. The pathways
//!   brought by the merged record are kept with their logs but are no longer
//!   current (`superseded_by_merge`): two open pathways never compete, and
//!   the person is on a worklist once. Only when the survivor has no pathway
//!   at all does the merged record's current pathway become the survivor's.
//!   Whoever merges chooses the survivor knowing this: the confirmation page
//!   shows both records side by side and warns when an open pathway of the
//!   merged record will stop being current (merge the other way round to
//!   keep it).
//! - **Same prison number at the same site.** Both records may hold episodes
//!   with the same prison number at one site (never the same entry date: the
//!   register's unique key); after the merge both episodes belong to the
//!   survivor, which is what the number means. The confirmation page says so.
//! - **After the merge** the merged record is marked `merged_into` and
//!   leaves the name index: searches, the duplicate check and the worklists
//!   no longer list it, it cannot be
//!   edited or merged again, and its page points at the survivor.
//! - **Undoing** moves back exactly the rows the merge moved, lifts its
//!   pathway marks, and gives the merged record back its current episode.
//!   Changes made to the survivor after the merge (a new screening, say)
//!   stay with the survivor. A merge whose survivor was itself merged away
//!   later is undone only after that later merge.
//! - Both the merge and its undoing write one audit row per record, in the
//!   same transaction.

use continuum_domain::audit::{Outcome, format_instant};
use continuum_domain::ids::SiteId;
use continuum_domain::policy::{Action, Target};
use continuum_store::merges::{self, MergeRow, MoveKind, PathwayBrief};
use continuum_store::people;

use crate::access::{Allowed, Subject};
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};
use crate::people::{Episode, Person, PersonVersion};
use crate::{Listing, Paging};

/// A stored merge.
pub type Merge = MergeRow;
/// A pathway as the merge page shows it.
pub type PathwaySummary = PathwayBrief;

/// One record as the merge confirmation shows it.
#[derive(Debug, Clone)]
pub struct MergeSide {
    /// The person.
    pub person: Person,
    /// Their site's code.
    pub site_code: String,
    /// Their episodes, most recent first.
    pub episodes: Vec<Episode>,
    /// Their identity's versions, newest first.
    pub history: Vec<PersonVersion>,
    /// Their pathways, newest first.
    pub pathways: Vec<PathwaySummary>,
    /// How many screenings they have.
    pub screenings: usize,
}

impl MergeSide {
    /// The pathway that is current: the newest not superseded.
    pub fn current_pathway(&self) -> Option<&PathwaySummary> {
        self.pathways.iter().find(|p| p.superseded_by_merge.is_none())
    }
}

/// Something whoever merges should know before confirming.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeWarning {
    /// The merged record's open pathway will no longer be current.
    OpenPathwaySuperseded {
        /// Its state code.
        state: String,
    },
    /// Both records hold this prison number at this site.
    SamePrisonNumber {
        /// Site code.
        site: String,
        /// Prison number.
        prison_number: String,
    },
    /// The dates of birth differ; the survivor's is kept.
    BirthDatesDiffer,
}

/// Both records, side by side, before a merge.
#[derive(Debug, Clone)]
pub struct MergePreview {
    /// The record that stays.
    pub survivor: MergeSide,
    /// The record merged into it.
    pub duplicate: MergeSide,
    /// What to know before confirming.
    pub warnings: Vec<MergeWarning>,
}

/// A merge with how many rows of each kind it moved.
#[derive(Debug, Clone)]
pub struct MergeDetail {
    /// The merge.
    pub merge: Merge,
    /// Episodes moved.
    pub episodes: usize,
    /// Pathways moved.
    pub pathways: usize,
    /// Screenings moved.
    pub screenings: usize,
    /// A later merge that must be undone first, if any.
    pub blocked_by: Option<i64>,
}

fn warnings(survivor: &MergeSide, duplicate: &MergeSide) -> Vec<MergeWarning> {
    let mut warnings = Vec::new();
    if survivor.current_pathway().is_some()
        && let Some(open) = duplicate.current_pathway().filter(|p| p.state != "closed")
    {
        warnings.push(MergeWarning::OpenPathwaySuperseded { state: open.state.clone() });
    }
    for episode in &duplicate.episodes {
        let shared = survivor
            .episodes
            .iter()
            .any(|e| e.site_id == episode.site_id && e.prison_number.eq_ignore_ascii_case(&episode.prison_number));
        let warning = MergeWarning::SamePrisonNumber {
            site: episode.site_code.clone(),
            prison_number: episode.prison_number.clone(),
        };
        if shared && !warnings.contains(&warning) {
            warnings.push(warning);
        }
    }
    if survivor.person.birth_date != duplicate.person.birth_date {
        warnings.push(MergeWarning::BirthDatesDiffer);
    }
    warnings
}

fn person_subject(id: i64, site: Option<String>) -> Subject {
    Subject { person_id: Some(id), ..Subject::record("person", id) }.at_site(site)
}

impl App {
    /// Loads both records and asks the policy for `EditRegister` at the site
    /// of each; refuses a record merged with itself or already merged.
    async fn merge_gate(
        &self,
        actor: &Actor,
        survivor_id: i64,
        duplicate_id: i64,
        event: &str,
    ) -> AppResult<(Allowed, Person, Person)> {
        let mut conn = self.store.reader().await?;
        let survivor = people::get(&mut conn, survivor_id).await?;
        let duplicate = people::get(&mut conn, duplicate_id).await?;
        drop(conn);
        let mut allowed = None;
        for (id, person) in [(survivor_id, &survivor), (duplicate_id, &duplicate)] {
            let site = person.as_ref().map(|p| SiteId(p.site_id));
            let subject = person_subject(id, None);
            allowed = Some(self.authorize_record(actor, Action::EditRegister, site, event, &subject).await?);
        }
        let (Some(allowed), Some(survivor), Some(duplicate)) = (allowed, survivor, duplicate) else {
            return Err(AppError::NotFound);
        };
        if survivor.id == duplicate.id {
            return Err(AppError::Conflict("merge-same-record"));
        }
        if survivor.merged_into.is_some() || duplicate.merged_into.is_some() {
            return Err(AppError::Conflict("merge-already-merged"));
        }
        Ok((allowed, survivor, duplicate))
    }

    async fn merge_side(
        &self,
        conn: &mut continuum_store::Conn,
        actor: &Actor,
        person: Person,
    ) -> AppResult<MergeSide> {
        let episodes = people::episodes(conn, person.id).await?;
        let history = people::history(conn, person.id).await?;
        let pathways = merges::pathways_of(conn, person.id).await?;
        let screenings = merges::items_of(conn, MoveKind::Screening, person.id).await?.len();
        let site_code = actor.site_code(SiteId(person.site_id)).unwrap_or_default();
        Ok(MergeSide { person, site_code, episodes, history, pathways, screenings })
    }

    /// Both records side by side, as the confirmation of a merge of
    /// `duplicate_id` into `survivor_id` shows them.
    pub async fn merge_preview(&self, actor: &Actor, survivor_id: i64, duplicate_id: i64) -> AppResult<MergePreview> {
        let (allowed, survivor, duplicate) =
            self.merge_gate(actor, survivor_id, duplicate_id, "person.merge_preview").await?;
        let mut conn = self.store.reader().await?;
        let survivor = self.merge_side(&mut conn, actor, survivor).await?;
        let duplicate = self.merge_side(&mut conn, actor, duplicate).await?;
        drop(conn);
        for side in [&survivor, &duplicate] {
            let subject = person_subject(side.person.id, Some(side.site_code.clone()));
            self.audit_read(actor, allowed, "person.merge_preview", &subject).await?;
        }
        let warnings = warnings(&survivor, &duplicate);
        Ok(MergePreview { survivor, duplicate, warnings })
    }

    /// Merges `duplicate_id` into `survivor_id`, if neither changed since the
    /// versions shown; returns the merge's id.
    pub async fn merge_people(&self, actor: &Actor, survivor: (i64, i64), duplicate: (i64, i64)) -> AppResult<i64> {
        let (allowed, survivor_row, duplicate_row) =
            self.merge_gate(actor, survivor.0, duplicate.0, "person.merge").await?;
        let mut tx = self.store.begin().await?;
        // Claimed in id order, so that two merges of the same pair wait for
        // each other instead of deadlocking.
        let mut claims = [survivor, duplicate];
        claims.sort_unstable();
        for (id, version) in claims {
            if !merges::claim_unmerged(&mut tx, id, version).await? {
                return Err(AppError::Conflict("changed-meanwhile"));
            }
        }
        let now = format_instant(self.now());
        let by = self.actor_id(actor);
        let survivor_has_pathway =
            merges::pathways_of(&mut tx, survivor.0).await?.iter().any(|p| p.superseded_by_merge.is_none());
        let id = merges::insert(&mut tx, survivor.0, duplicate.0, duplicate_row.current_episode_id, &now, by).await?;
        for kind in MoveKind::ALL {
            let items = merges::items_of(&mut tx, kind, duplicate.0).await?;
            merges::move_items(&mut tx, id, kind, &items, survivor.0).await?;
            if kind == MoveKind::Pathway && survivor_has_pathway {
                merges::supersede_pathways(&mut tx, id, &items).await?;
            }
        }
        let mut audit = Vec::new();
        for person in [&survivor_row, &duplicate_row] {
            let mut subject =
                person_subject(person.id, Some(actor.site_code(SiteId(person.site_id)).unwrap_or_default()));
            subject.id = Some(id.to_string());
            subject.kind = Some("person_merge");
            audit.push(self.entry(
                actor,
                "person.merge",
                Outcome::Allowed,
                allowed.purpose(),
                allowed.role(),
                &subject,
            ));
        }
        self.append_in(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Every merge, newest first (administrators).
    pub async fn list_merges(&self, actor: &Actor, paging: Paging) -> AppResult<Listing<Merge>> {
        let subject = Subject::kind("person_merge");
        let allowed = self.authorize(actor, Action::UndoMerge, Target::PROGRAMME, "merge.list", &subject).await?;
        let mut conn = self.store.reader().await?;
        let (items, total) = merges::list(&mut conn, paging.to_store()).await?;
        drop(conn);
        self.audit_read(actor, allowed, "merge.list", &subject).await?;
        Ok(Listing::new(items, total, paging))
    }

    /// One merge and what it moved (administrators).
    pub async fn get_merge(&self, actor: &Actor, id: i64) -> AppResult<MergeDetail> {
        let subject = Subject::record("person_merge", id);
        let allowed = self.authorize(actor, Action::UndoMerge, Target::PROGRAMME, "merge.read", &subject).await?;
        let mut conn = self.store.reader().await?;
        let merge = merges::get(&mut conn, id).await?.ok_or(AppError::NotFound)?;
        let episodes = merges::moved(&mut conn, id, MoveKind::Episode).await?.len();
        let pathways = merges::moved(&mut conn, id, MoveKind::Pathway).await?.len();
        let screenings = merges::moved(&mut conn, id, MoveKind::Screening).await?.len();
        let blocked_by = merges::later_merge_of(&mut conn, id, merge.survivor_id).await?;
        drop(conn);
        self.audit_read(actor, allowed, "merge.read", &subject).await?;
        Ok(MergeDetail { merge, episodes, pathways, screenings, blocked_by })
    }

    /// Undoes a merge (administrators): each record gets back exactly what
    /// was its own before.
    pub async fn undo_merge(&self, actor: &Actor, id: i64) -> AppResult<()> {
        let subject = Subject::record("person_merge", id);
        let allowed = self.authorize(actor, Action::UndoMerge, Target::PROGRAMME, "person.unmerge", &subject).await?;
        let mut tx = self.store.begin().await?;
        let merge = merges::get(&mut tx, id).await?.ok_or(AppError::NotFound)?;
        if merge.undone_at.is_some() {
            return Err(AppError::Conflict("merge-already-undone"));
        }
        if merges::later_merge_of(&mut tx, id, merge.survivor_id).await?.is_some() {
            return Err(AppError::Conflict("merge-undo-later-first"));
        }
        if !merges::undo(&mut tx, &merge, &format_instant(self.now()), self.actor_id(actor)).await? {
            return Err(AppError::Conflict("merge-already-undone"));
        }
        let restored = people::get(&mut tx, merge.merged_id).await?.ok_or(AppError::NotFound)?;
        let name = format!("{} {}", restored.family_name, restored.given_names);
        let sort_name = continuum_domain::person::sort_name(&restored.family_name, &restored.given_names);
        people::write_tokens(&mut tx, restored.id, &continuum_domain::person::name_tokens(&name), &sort_name).await?;
        let mut audit = Vec::new();
        for (person, site) in [(merge.survivor_id, &merge.survivor_site), (merge.merged_id, &merge.merged_site)] {
            let subject = Subject { person_id: Some(person), ..subject.clone() }.at_site(Some(site.clone()));
            audit.push(self.entry(
                actor,
                "person.unmerge",
                Outcome::Allowed,
                allowed.purpose(),
                allowed.role(),
                &subject,
            ));
        }
        self.append_in(&mut tx, audit).await?;
        tx.commit().await?;
        Ok(())
    }
}
