//! Sending a handover document and tracking its receipt (issue 6, item 6;
//! the rules of a sending are `continuum_domain::handover::sending`'s).
//!
//! Rules chosen here:
//! - **The sender.** The care team of the person's prison, which made the
//!   document (`WriteClinical` there), records when, to whom and how it
//!   was sent, once. Another prison's document is "not found".
//! - **Receipt.** Confirmed once, after the sending: by the receiver in the
//!   outside providers' portal, or recorded by the sender on the
//!   receiver's word (`UpdateReferral`, as the service's answers to a
//!   referral). Until then the document is on the sending prison's
//!   worklist with the days since it was sent.
//! - **The receiver** is an outside provider of the organisation the
//!   document was sent to (the release plan's service): it sees the
//!   document only once sent, and only while the person's consents let
//!   its organisation read every section the document holds
//!   ([`HANDOVER_SECTIONS`]); the policy decides on the consents at each
//!   request (`ReferredToActorOrganisation`, the relationship of a
//!   referral), so a withdrawn consent answers the next request with "not
//!   found", and the refusal is audited. A receiving prison outside the
//!   programme has no portal: its receipt is recorded by the sender.
//! - Every step and every read is audited.

use continuum_domain::audit::{Outcome, format_instant};
use continuum_domain::handover::HANDOVER_SECTIONS;
use continuum_domain::handover::sending::{ReceiptBy, SendingDraft, SendingFields, days_since_sending};
use continuum_domain::ids::{OrganisationId, SiteId};
use continuum_domain::policy::{Action, ConsentInput, Decision, Grounds, Relationship, Target, decide};
use continuum_store::handovers::{self, DocumentRow, Sending};
use jiff::Timestamp;

use crate::access::{Allowed, Subject};
use crate::actor::Actor;
use crate::app::App;
use crate::consents::{consent_of, consents_of_person};
use crate::error::{AppError, AppResult};
use crate::handovers::HandoverDocument;

/// The most documents a list awaiting receipt shows.
const AWAITING_ROWS: i64 = 100;

/// A handover document sent and not yet confirmed as received.
#[derive(Debug, Clone)]
pub struct AwaitingReceipt {
    /// The document.
    pub document: HandoverDocument,
    /// Whole days since it was sent.
    pub days_since_sent: i64,
}

/// A handover document's sending and receipt, as the reader sees them.
#[derive(Debug, Clone)]
pub struct TrackedHandover {
    /// The document.
    pub document: HandoverDocument,
    /// Whole days since it was sent, if it was.
    pub days_since_sent: Option<i64>,
    /// Whether the reader sees it as the receiver (an outside provider).
    pub receiver_view: bool,
    /// Whether the reader may record its sending now.
    pub may_send: bool,
    /// Whether the reader may confirm its receipt now.
    pub may_confirm: bool,
}

fn document_subject(row: &DocumentRow) -> Subject {
    Subject { person_id: Some(row.person_id), ..Subject::record("handover_document", row.id) }
}

fn days_since(row: &DocumentRow, now: Timestamp) -> Option<i64> {
    row.sent_at.as_deref().and_then(|at| at.parse::<Timestamp>().ok()).map(|at| days_since_sending(at, now))
}

/// The relationship of an outside provider to a document: sent to its own
/// organisation.
fn receiver_relationships(actor: &Actor, row: &DocumentRow) -> Vec<Relationship> {
    match row.organisation_id.map(OrganisationId) {
        Some(organisation) if row.sent_at.is_some() && actor.organisation == Some(organisation) => {
            vec![Relationship::ReferredToActorOrganisation(organisation)]
        }
        _ => Vec::new(),
    }
}

impl App {
    async fn document_row(&self, id: i64) -> AppResult<DocumentRow> {
        let mut conn = self.store.reader().await?;
        let row = handovers::document_row(&mut conn, id).await?;
        drop(conn);
        row.ok_or(AppError::NotFound)
    }

    /// Asks the policy for `action` on a document as its receiver: for
    /// every section it holds, within the consents now (each refusal is
    /// audited by `authorize`).
    async fn receiver_gate(&self, actor: &Actor, row: &DocumentRow, action: Action, event: &str) -> AppResult<Allowed> {
        let mut conn = self.store.reader().await?;
        let person = continuum_store::people::get(&mut conn, row.person_id).await?;
        let consents = consents_of_person(&mut conn, row.person_id).await?;
        drop(conn);
        let site = person.filter(|p| p.merged_into.is_none()).map(|p| SiteId(p.site_id)).ok_or(AppError::NotFound)?;
        let relationships = receiver_relationships(actor, row);
        let now = self.now();
        let subject = document_subject(row);
        let mut allowed = Err(AppError::NotFound);
        for section in HANDOVER_SECTIONS {
            let target = Target::person(site, &relationships, ConsentInput { consents: &consents, section, at: now });
            allowed = Ok(self.authorize(actor, action, target, event, &subject).await?);
        }
        allowed
    }

    /// Asks the policy for `action` on a document as the care team of the
    /// person's prison, which sent it.
    async fn sender_gate(&self, actor: &Actor, row: &DocumentRow, action: Action, event: &str) -> AppResult<Allowed> {
        let gate = self.clinical_gate(actor, row.person_id, action, event, "handover_document").await?;
        if gate.written_at.is_some() || !actor.may(action, Target::site(SiteId(row.site_id))) {
            return Err(AppError::NotFound);
        }
        Ok(gate.allowed)
    }

    async fn document_gate(&self, actor: &Actor, row: &DocumentRow, action: Action, event: &str) -> AppResult<Allowed> {
        if actor.is_outside_provider() {
            self.receiver_gate(actor, row, action, event).await
        } else {
            self.sender_gate(actor, row, action, event).await
        }
    }

    /// A handover document's sending and receipt (see the module's rules).
    pub async fn tracked_handover(&self, actor: &Actor, id: i64) -> AppResult<TrackedHandover> {
        let event = "handover_document.tracking";
        self.permit(actor, Action::ReadClinical, event).await?;
        let row = self.document_row(id).await?;
        let allowed = self.document_gate(actor, &row, Action::ReadClinical, event).await?;
        self.audit_read(actor, allowed, event, &document_subject(&row)).await?;
        let receiver_view = actor.is_outside_provider();
        let awaiting = row.sent_at.is_some() && row.received_at.is_none();
        let may_confirm = awaiting && {
            let site = SiteId(row.site_id);
            if receiver_view {
                let relationships = receiver_relationships(actor, &row);
                let mut conn = self.store.reader().await?;
                let consents = consents_of_person(&mut conn, row.person_id).await?;
                drop(conn);
                HANDOVER_SECTIONS.iter().all(|section| {
                    let input = ConsentInput { consents: &consents, section: *section, at: self.now() };
                    decide(&actor.grants, Action::UpdateReferral, Target::person(site, &relationships, input))
                        .is_allowed()
                })
            } else {
                actor.may(Action::UpdateReferral, Target::site(site))
            }
        };
        let may_send = !receiver_view
            && row.sent_at.is_none()
            && actor.may(Action::WriteClinical, Target::site(SiteId(row.site_id)));
        Ok(TrackedHandover {
            days_since_sent: days_since(&row, self.now()),
            receiver_view,
            may_send,
            may_confirm,
            document: row,
        })
    }

    /// Records when, to whom and how a handover document was sent (the care
    /// team of the person's prison; once). Answers the document.
    pub async fn record_handover_sending(
        &self,
        actor: &Actor,
        id: i64,
        fields: &SendingFields<'_>,
    ) -> AppResult<HandoverDocument> {
        let event = "handover_document.send";
        self.permit(actor, Action::WriteClinical, event).await?;
        let row = self.document_row(id).await?;
        let allowed = self.sender_gate(actor, &row, Action::WriteClinical, event).await?;
        let draft = SendingDraft::parse(fields, row.organisation_id.is_some())?;
        if row.sent_at.is_some() {
            return Err(AppError::Conflict("handover-already-sent"));
        }
        let at = format_instant(self.now());
        let sending = Sending { at: &at, by: self.actor_id(actor), to: &draft.sent_to, channel: draft.channel.code() };
        let mut tx = self.store.begin().await?;
        if !handovers::record_sending(&mut tx, id, &sending).await? {
            return Err(AppError::Conflict("handover-already-sent"));
        }
        let subject = document_subject(&row).at_site(actor.site_code(SiteId(row.site_id)));
        let mut entry = self.entry(actor, event, Outcome::Allowed, allowed.purpose(), allowed.role(), &subject);
        entry.reason = Some(format!("channel={}", draft.channel.code()));
        self.append_in(&mut tx, vec![entry]).await?;
        tx.commit().await?;
        self.document_row(id).await
    }

    /// Confirms that a sent handover document arrived: by its receiver in
    /// the portal, or recorded by the sender. Answers the document.
    pub async fn confirm_handover_receipt(&self, actor: &Actor, id: i64) -> AppResult<HandoverDocument> {
        let event = "handover_document.receipt";
        self.permit(actor, Action::UpdateReferral, event).await?;
        let row = self.document_row(id).await?;
        let allowed = self.document_gate(actor, &row, Action::UpdateReferral, event).await?;
        let receipt_by = if actor.is_outside_provider() { ReceiptBy::Receiver } else { ReceiptBy::Sender };
        if row.sent_at.is_none() {
            return Err(AppError::Conflict("handover-not-sent"));
        }
        let mut tx = self.store.begin().await?;
        let at = format_instant(self.now());
        if !handovers::confirm_receipt(&mut tx, id, self.actor_id(actor), &at, receipt_by.code()).await? {
            return Err(AppError::Conflict("handover-already-received"));
        }
        let subject = document_subject(&row).at_site(actor.site_code(SiteId(row.site_id)));
        let mut entry = self.entry(actor, event, Outcome::Allowed, allowed.purpose(), allowed.role(), &subject);
        entry.reason = Some(
            [Some(format!("by={}", receipt_by.code())), allowed.consent_note()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" "),
        );
        self.append_in(&mut tx, vec![entry]).await?;
        tx.commit().await?;
        self.document_row(id).await
    }

    /// The handover documents sent and not yet confirmed as received, the
    /// longest waiting first: for the care team those sent from `site`;
    /// for an outside provider those sent to its organisation whose
    /// person's consents let it read them now.
    pub async fn handovers_awaiting_receipt(
        &self,
        actor: &Actor,
        site: Option<SiteId>,
    ) -> AppResult<Vec<AwaitingReceipt>> {
        let event = "handover_document.awaiting_receipt";
        self.permit(actor, Action::ReadClinical, event).await?;
        let now = self.now();
        let awaiting = |document: DocumentRow| AwaitingReceipt {
            days_since_sent: days_since(&document, now).unwrap_or(0),
            document,
        };
        let Some(organisation) = actor.organisation.filter(|_| actor.is_outside_provider()) else {
            let site = site.ok_or(AppError::Forbidden)?;
            let subject = Subject::kind("handover_document").at_site(actor.site_code(site));
            let allowed = self.authorize(actor, Action::ReadClinical, Target::site(site), event, &subject).await?;
            let mut conn = self.store.reader().await?;
            let rows = handovers::awaiting_receipt_from(&mut conn, site.0, AWAITING_ROWS).await?;
            drop(conn);
            self.audit_read(actor, allowed, event, &subject).await?;
            return Ok(rows.into_iter().map(awaiting).collect());
        };
        let mut conn = self.store.reader().await?;
        let rows = handovers::awaiting_receipt_at(&mut conn, organisation.0, AWAITING_ROWS).await?;
        let ids: Vec<i64> = rows.iter().map(|r| r.person_id).collect();
        let mut people = Vec::new();
        for id in &ids {
            if let Some(person) = continuum_store::people::get(&mut conn, *id).await? {
                people.push((person.id, person.site_id));
            }
        }
        let mut consents = Vec::new();
        for row in continuum_store::consents::of_people(&mut conn, &ids).await? {
            consents.push((row.person_id, consent_of(&row)?));
        }
        drop(conn);
        let mut shown = Vec::new();
        for row in rows {
            let Some(site) = people.iter().find(|(id, _)| *id == row.person_id).map(|(_, site)| SiteId(*site)) else {
                continue;
            };
            let theirs: Vec<_> = consents.iter().filter(|(p, _)| *p == row.person_id).map(|(_, c)| c.clone()).collect();
            let relationships = receiver_relationships(actor, &row);
            let mut grounds = None;
            for section in HANDOVER_SECTIONS {
                let input = ConsentInput { consents: &theirs, section, at: now };
                match decide(&actor.grants, Action::ReadClinical, Target::person(site, &relationships, input)) {
                    Decision::Allow(allowed) => grounds = Some(allowed),
                    Decision::Deny(_) => {
                        grounds = None;
                        break;
                    }
                }
            }
            if let Some(grounds) = grounds {
                shown.push((row, grounds));
            }
        }
        let entries: Vec<_> = shown
            .iter()
            .map(|(row, grounds): &(DocumentRow, Grounds)| {
                let allowed = Allowed { grounds: *grounds, action: Action::ReadClinical };
                let mut entry = self.entry(
                    actor,
                    event,
                    Outcome::Allowed,
                    allowed.purpose(),
                    allowed.role(),
                    &document_subject(row),
                );
                entry.reason = allowed.consent_note();
                entry
            })
            .collect();
        // Nothing listed, nothing personal read: nothing to audit.
        if !entries.is_empty() {
            self.audit.write(entries).await?;
        }
        Ok(shown.into_iter().map(|(row, _)| awaiting(row)).collect())
    }

    /// A handover document and its PDF for its receiver (see the module's
    /// rules).
    pub(crate) async fn received_handover_document(
        &self,
        actor: &Actor,
        id: i64,
    ) -> AppResult<(HandoverDocument, Vec<u8>)> {
        let event = "handover_document.read";
        let row = self.document_row(id).await?;
        let allowed = self.receiver_gate(actor, &row, Action::ReadClinical, event).await?;
        let mut conn = self.store.reader().await?;
        let found = handovers::document(&mut conn, id).await?;
        drop(conn);
        let found = found.ok_or(AppError::NotFound)?;
        self.audit_read(actor, allowed, event, &document_subject(&row)).await?;
        Ok(found)
    }
}
