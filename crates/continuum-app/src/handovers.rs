//! Handing a pathway over at a transfer (issue 5, item 5; the rules are
//! `continuum_domain::handover`'s).
//!
//! - **Between pilot prisons** the transfer (`episodes::transfer_person`)
//!   records a handover. It shows on the worklists of both prisons until a
//!   clinical member of the receiving team acknowledges it; each team opens
//!   it to see the pathway (the sending team: up to the transfer, while its
//!   read window lasts) and the OAT records (the sending team: those its
//!   prison wrote). Access is the person's (`care_access`): another
//!   prison's handover is "not found".
//! - **Out of the programme** the transfer ends the episode (release kind
//!   `transfer_out`), closes the pathway with the machine's transfer out,
//!   and keeps the handover document (PDF, in the receiving prison's
//!   language) made from what the register and the care records hold; the
//!   document is rendered before the transaction opens, so the database is
//!   never held while it is typeset. Who: care workers and the medical
//!   service of the person's prison (`WriteClinical`, as the document holds
//!   clinical data).

use continuum_documents::handover::{Handover, Occasion, Step};
use continuum_domain::audit::format_instant;
use continuum_domain::episode::{ReleaseKind, pathway_step_at_release};
use continuum_domain::handover::{OutTransferDraft, OutTransferFields};
use continuum_domain::ids::{SiteId, UserId};
use continuum_domain::oat::Dose;
use continuum_domain::pathway::{Context, State};
use continuum_domain::policy::{Action, Target};
use continuum_domain::validation::Problem;
use continuum_store::episodes::{self, Change};
use continuum_store::handovers::{self, DocumentRow, HandoverRow, NewDocument};
use continuum_store::pathways::{self, TransitionRow};
use continuum_store::{oat, sites};

use crate::access::Subject;
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};
use crate::release_handovers::medications_on;

/// A transfer between pilot prisons, until and after its acknowledgement.
pub type HandoverSummary = HandoverRow;
/// A handover document of a transfer out of the programme (without its PDF).
pub type HandoverDocument = DocumentRow;

/// The most handovers a worklist shows.
const WORKLIST_ROWS: i64 = 50;

/// A handover as a team sees it.
#[derive(Debug, Clone)]
pub struct HandoverView {
    /// The handover.
    pub handover: HandoverRow,
    /// The pathway's steps the actor may see, oldest first.
    pub steps: Vec<TransitionRow>,
    /// Whether the actor sees it as the sending team (read only, what its
    /// prison wrote, up to the transfer).
    pub sending_team_view: bool,
    /// Whether the actor may acknowledge it (the receiving team, while
    /// not yet acknowledged).
    pub may_acknowledge: bool,
}

/// What a transfer out of the programme made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TransferredOut {
    /// The person.
    pub person_id: i64,
    /// The handover document kept.
    pub document_id: i64,
}

impl App {
    /// The handovers not yet acknowledged that leave from or arrive at
    /// `site`, for its clinical team's worklist.
    pub async fn pending_handovers(&self, actor: &Actor, site: SiteId) -> AppResult<Vec<HandoverSummary>> {
        self.permit(actor, Action::ReadClinical, "handover.list").await?;
        let subject = Subject::kind("handover").at_site(actor.site_code(site));
        let allowed =
            self.authorize(actor, Action::ReadClinical, Target::site(site), "handover.list", &subject).await?;
        let mut conn = self.store.reader().await?;
        let rows = handovers::pending_at(&mut conn, site.0, WORKLIST_ROWS).await?;
        drop(conn);
        self.audit_read(actor, allowed, "handover.list", &subject).await?;
        Ok(rows)
    }

    /// One handover, for the sending or the receiving team (see the
    /// module's rules).
    pub async fn handover(&self, actor: &Actor, id: i64) -> AppResult<HandoverView> {
        self.permit(actor, Action::ReadClinical, "handover.read").await?;
        let mut conn = self.store.reader().await?;
        let handover = handovers::get(&mut conn, id).await?;
        drop(conn);
        let handover = handover.ok_or(AppError::NotFound)?;
        let gate =
            self.clinical_gate(actor, handover.person_id, Action::ReadClinical, "handover.read", "handover").await?;
        let sending_team_view = gate.written_at.is_some();
        if gate.written_at.as_ref().is_some_and(|sites| !sites.contains(&SiteId(handover.from_site_id))) {
            return Err(AppError::NotFound);
        }
        let mut conn = self.store.reader().await?;
        let steps = pathways::latest_for_person(&mut conn, handover.person_id)
            .await?
            .map(|(_, log)| log)
            .unwrap_or_default()
            .into_iter()
            .filter(|step| !sending_team_view || step.at <= handover.transferred_at)
            .collect();
        drop(conn);
        let subject = Subject { id: Some(id.to_string()), ..gate.subject };
        self.audit_read(actor, gate.allowed, "handover.read", &subject).await?;
        let may_acknowledge = !sending_team_view
            && handover.acknowledged_at.is_none()
            && actor.may(Action::WriteClinical, Target::site(SiteId(handover.to_site_id)));
        Ok(HandoverView { handover, steps, sending_team_view, may_acknowledge })
    }

    /// The receiving team acknowledges a handover: it leaves both
    /// worklists. Answers the person's id.
    pub async fn acknowledge_handover(&self, actor: &Actor, id: i64) -> AppResult<i64> {
        self.permit(actor, Action::WriteClinical, "handover.acknowledge").await?;
        let mut conn = self.store.reader().await?;
        let handover = handovers::get(&mut conn, id).await?;
        drop(conn);
        let handover = handover.ok_or(AppError::NotFound)?;
        let gate = self
            .clinical_gate(actor, handover.person_id, Action::WriteClinical, "handover.acknowledge", "handover")
            .await?;
        if !actor.may(Action::WriteClinical, Target::site(SiteId(handover.to_site_id))) {
            return Err(AppError::NotFound);
        }
        let mut tx = self.store.begin().await?;
        if !handovers::acknowledge(&mut tx, id, self.actor_id(actor), &format_instant(self.now())).await? {
            return Err(AppError::Conflict("handover-already-acknowledged"));
        }
        let subject = Subject { id: Some(id.to_string()), ..gate.subject };
        self.audit_change(&mut tx, actor, gate.allowed, "handover.acknowledge", &subject).await?;
        tx.commit().await?;
        Ok(handover.person_id)
    }

    /// Transfers the person to a prison outside the programme: the current
    /// episode `episode_id` ends, the pathway closes, and the handover
    /// document is kept (see the module's rules).
    pub async fn transfer_out_of_programme(
        &self,
        actor: &Actor,
        person_id: i64,
        fields: &OutTransferFields<'_>,
    ) -> AppResult<TransferredOut> {
        let event = "person.transfer_out";
        let gate = self.clinical_gate(actor, person_id, Action::WriteClinical, event, "handover_document").await?;
        let mut conn = self.store.reader().await?;
        let episode = match gate.person.current_episode_id {
            Some(id) => episodes::get(&mut conn, id).await?,
            None => None,
        };
        let Some(episode) = episode.filter(|e| e.release_date.is_none()) else {
            return Err(AppError::field("episode", Problem::EpisodeEnded));
        };
        let entry = episode
            .entry_date
            .parse()
            .map_err(|_| AppError::Internal(anyhow::anyhow!("episode {} has an unreadable entry date", episode.id)))?;
        let draft = OutTransferDraft::parse(fields, entry, self.register_today())?;
        let site = sites::get(&mut conn, episode.site_id).await?;
        let prescriptions = oat::prescriptions_of(&mut conn, person_id, None).await?;
        let declaration = oat::declaration_of_episode(&mut conn, episode.id).await?;
        let pathway = self.load_pathway(&mut conn, person_id).await?;
        drop(conn);
        let at = self.now();
        let by = self.actor_id(actor);
        let context = Context { who: UserId(by.unwrap_or(0)), at, why: None };
        let mut closing = None;
        let mut planned = pathway.clone().map(|(_, p)| p);
        if let Some(pathway) = planned.as_mut()
            // Leaving the programme closes the pathway; follow-up does not apply.
            && let Some(command) = pathway_step_at_release(ReleaseKind::TransferOutOfProgramme, pathway.state(), false)
        {
            pathway.apply(command, context.clone()).map_err(AppError::PathwayRefused)?;
            closing = Some(command);
        }
        let transfer_date = draft.date.to_string();
        let medications = medications_on(&prescriptions, &transfer_date);
        let mut conn = self.store.reader().await?;
        let extras = self.handover_extras(&mut conn, actor, person_id, false, !medications.is_empty()).await?;
        drop(conn);
        let document = Handover {
            occasion: Occasion::TransferOut,
            language: interface_lang(draft.language),
            person: format!("{}, {}", gate.person.family_name.to_uppercase(), gate.person.given_names),
            birth_date: gate.person.birth_date.clone(),
            prison_number: episode.prison_number.clone(),
            from_prison: site.map(|s| format!("{} · {}", s.code, s.name)).unwrap_or_else(|| episode.site_code.clone()),
            to_prison: draft.prison.clone(),
            transfer_date: draft.date.to_string(),
            pathway_state: pathway.as_ref().map(|(_, p)| p.state()).map(state_code),
            steps: planned
                .as_ref()
                .map(|p| {
                    p.history()
                        .iter()
                        .map(|t| Step {
                            at: short(&format_instant(t.at)),
                            command: t.command.kind().code().to_owned(),
                            state: log_state(t.to),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            medications,
            declared_at_entry: declaration.map(|d| {
                let medicine =
                    continuum_i18n::t(interface_lang(draft.language), &format!("oat-medicine-{}", d.medicine));
                format!("{medicine} · {} mg · {}", Dose::from_micrograms(d.daily_dose_ug), d.last_dose_date)
            }),
            naloxone: extras.naloxone,
            goals: extras.goals,
            risks: extras.risks,
            contacts: extras.contacts,
            appointment: extras.appointment,
            made_by: actor.display_name.clone(),
            made_at: short(&format_instant(at)),
        };
        let pdf = typeset(document).await?;
        let now = format_instant(at);
        let date = transfer_date;
        let mut tx = self.store.begin().await?;
        let kind = ReleaseKind::TransferOutOfProgramme.code();
        if !episodes::end(&mut tx, episode.id, &date, kind, Change::Released, &now, by).await? {
            return Err(AppError::field("episode", Problem::EpisodeEnded));
        }
        if let Some(command) = closing
            && let Some((pathway_id, mut pathway)) = self.load_pathway(&mut tx, person_id).await?
        {
            self.step_pathway(&mut tx, pathway_id, &mut pathway, command, context)
                .await?
                .map_err(AppError::PathwayRefused)?;
        }
        let new = NewDocument {
            person_id,
            site_id: episode.site_id,
            episode_id: episode.id,
            receiving_prison: &draft.prison,
            language: draft.language.code(),
            transfer_date: &date,
            pdf: &pdf,
            created_by: by,
            created_at: &now,
            organisation_id: None,
        };
        let document_id = handovers::insert_document(&mut tx, &new).await?;
        let subject = Subject { id: Some(document_id.to_string()), ..gate.subject };
        self.audit_change(&mut tx, actor, gate.allowed, event, &subject).await?;
        tx.commit().await?;
        Ok(TransferredOut { person_id, document_id })
    }

    /// A person's handover documents.
    pub async fn handover_documents(&self, actor: &Actor, person_id: i64) -> AppResult<Vec<HandoverDocument>> {
        let gate = self
            .clinical_gate(actor, person_id, Action::ReadClinical, "handover_document.list", "handover_document")
            .await?;
        let mut conn = self.store.reader().await?;
        let documents: Vec<DocumentRow> = handovers::documents_of(&mut conn, person_id)
            .await?
            .into_iter()
            .filter(|d| gate.written_at.as_ref().is_none_or(|sites| sites.contains(&SiteId(d.site_id))))
            .collect();
        drop(conn);
        self.audit_read(actor, gate.allowed, "handover_document.list", &gate.subject).await?;
        Ok(documents)
    }

    /// One handover document and its PDF.
    pub async fn handover_document(&self, actor: &Actor, id: i64) -> AppResult<(HandoverDocument, Vec<u8>)> {
        self.permit(actor, Action::ReadClinical, "handover_document.read").await?;
        // Its receiver reads it within the person's consents (issue 6, item 6).
        if actor.is_outside_provider() {
            return self.received_handover_document(actor, id).await;
        }
        let mut conn = self.store.reader().await?;
        let found = handovers::document(&mut conn, id).await?;
        drop(conn);
        let (row, pdf) = found.ok_or(AppError::NotFound)?;
        let gate = self
            .clinical_gate(actor, row.person_id, Action::ReadClinical, "handover_document.read", "handover_document")
            .await?;
        if gate.written_at.as_ref().is_some_and(|sites| !sites.contains(&SiteId(row.site_id))) {
            return Err(AppError::NotFound);
        }
        let subject = Subject { id: Some(id.to_string()), ..gate.subject };
        self.audit_read(actor, gate.allowed, "handover_document.read", &subject).await?;
        Ok((row, pdf))
    }
}

/// Typesets a handover document off the async workers.
pub(crate) async fn typeset(document: Handover) -> AppResult<Vec<u8>> {
    tokio::task::spawn_blocking(move || document.pdf())
        .await
        .map_err(|error| AppError::Internal(anyhow::anyhow!("the document's task failed: {error}")))?
        .map_err(|error| AppError::Internal(anyhow::Error::new(error)))
}

/// The interface language of a document's language.
pub(crate) fn interface_lang(language: continuum_domain::site::Language) -> continuum_i18n::Lang {
    match language {
        continuum_domain::site::Language::Nl => continuum_i18n::Lang::Nl,
        continuum_domain::site::Language::Fr => continuum_i18n::Lang::Fr,
        continuum_domain::site::Language::En => continuum_i18n::Lang::En,
    }
}

/// A pathway's state as its name's code (`in_care`, `declined`, `closed`).
fn state_code(state: State) -> String {
    state.code().to_owned()
}

/// A state as the document names it: the stage's code, `declined`, or
/// `closed:<reason>`.
pub(crate) fn log_state(state: State) -> String {
    match state {
        State::Closed(reason) => format!("closed:{}", reason.code()),
        other => other.code().to_owned(),
    }
}

/// An instant as `YYYY-MM-DD HH:MM` (UTC).
pub(crate) fn short(at: &str) -> String {
    match (at.get(..10), at.get(11..16)) {
        (Some(date), Some(time)) => format!("{date} {time}"),
        _ => at.to_owned(),
    }
}
