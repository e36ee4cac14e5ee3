//! The follow-up after release (issue 5, item 7): the contacts due 7 and 30
//! days after a release, recorded once each (did the person reach the
//! outside service, and how the team knows), the contacts overdue at a
//! prison, and the closing of the follow-up. The rules are
//! `continuum_domain::release`'s.
//!
//! Who: clinical data, so `ReadClinical` to read and `WriteClinical` to
//! record or close, at the person's prison (a released person stays at the
//! prison they left). A contact is recorded for the person's latest release
//! with follow-up, while the pathway is in follow-up; a second recording of
//! the same contact is refused, so what was recorded is never overwritten.

use continuum_domain::audit::format_instant;
use continuum_domain::ids::{SiteId, UserId};
use continuum_domain::pathway::{ClosingReason, CommandKind, Context, Refusal, RefusalReason, Stage, State};
use continuum_domain::policy::{Action, Target};
use continuum_domain::release::{
    Attendance, ClosingRefusal, ContactMeans, FollowUpDraft, FollowUpFields, closing_steps,
};
use continuum_domain::validation::Problem;
use continuum_store::caseload::{self, AlertRow, WorkerFilter};
use continuum_store::follow_ups::{self, Contact, FollowUpRow};
use continuum_store::release_plans;
use jiff::civil::Date;

use crate::access::Subject;
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};
use crate::pathways::REASON_MAX_CHARS;

/// The most overdue contacts a worklist shows.
const OVERDUE_SHOWN: i64 = 50;

/// A follow-up contact past its day, not recorded (its `day` is the day it
/// was due).
pub type OverdueFollowUp = AlertRow;

/// A follow-up contact of a release, due or recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    /// Days after release (7 or 30).
    pub due_days: i64,
    /// The day it is due.
    pub due_date: String,
    /// Past its day and not recorded.
    pub overdue: bool,
    /// The day of the contact, once recorded.
    pub contact_date: Option<String>,
    /// Whether the person reached the outside service.
    pub attendance: Option<Attendance>,
    /// How the team knows.
    pub means: Option<ContactMeans>,
    /// A note.
    pub note: Option<String>,
    /// When recorded, and by whom.
    pub recorded_at: Option<String>,
    /// See `recorded_at`.
    pub recorded_by: Option<String>,
}

/// The follow-up contacts of one release, from the stored rows of its
/// pathway, with `today` deciding which are overdue.
pub(crate) fn follow_ups_of(rows: &[FollowUpRow], release_id: i64, today: Date) -> Vec<FollowUp> {
    let today = today.to_string();
    rows.iter()
        .filter(|row| row.release_id == release_id)
        .map(|row| FollowUp {
            due_days: row.due_days,
            due_date: row.due_date.clone(),
            overdue: row.recorded_at.is_none() && row.due_date < today,
            contact_date: row.contact_date.clone(),
            attendance: row.attendance.as_deref().and_then(Attendance::from_code),
            means: row.means.as_deref().and_then(ContactMeans::from_code),
            note: row.note.clone(),
            recorded_at: row.recorded_at.clone(),
            recorded_by: row.recorded_by.clone(),
        })
        .collect()
}

/// Whether the pathway is in follow-up after release (the person may have
/// declined since).
fn in_follow_up(state: State) -> bool {
    matches!(
        state,
        State::Active(Stage::ReleasedInFollowUp) | State::Declined { returns_to: Stage::ReleasedInFollowUp }
    )
}

impl App {
    /// Records a follow-up contact of the person's latest release (see the
    /// module's rules).
    pub async fn record_follow_up(&self, actor: &Actor, person_id: i64, fields: &FollowUpFields<'_>) -> AppResult<()> {
        let gate = self.pathway_gate(actor, person_id, Action::WriteClinical, "follow_up.record").await?;
        let mut conn = self.store.reader().await?;
        let (_, pathway) = self.load_pathway(&mut conn, person_id).await?.ok_or(AppError::NotFound)?;
        let release =
            release_plans::releases(&mut conn, gate.team.pathway_id).await?.into_iter().find(|r| r.with_follow_up);
        drop(conn);
        let release = match release {
            Some(release) if in_follow_up(pathway.state()) => release,
            _ => return Err(AppError::Conflict("follow-up-refused-not-in-follow-up")),
        };
        let released = release
            .release_date
            .parse::<Date>()
            .map_err(|_| AppError::Internal(anyhow::anyhow!("release {} has an unreadable date", release.id)))?;
        let draft = FollowUpDraft::parse(fields, released, self.register_today())?;
        let day = draft.contact_date.to_string();
        let contact = Contact {
            contact_date: &day,
            attendance: draft.attendance.code(),
            means: draft.means.code(),
            note: draft.note.as_deref(),
        };
        let mut tx = self.store.begin().await?;
        let at = format_instant(self.now());
        if !follow_ups::record(&mut tx, release.id, draft.due_days, &contact, &at, self.actor_id(actor)).await? {
            return Err(AppError::Conflict("follow-up-recorded"));
        }
        self.audit_change(&mut tx, actor, gate.allowed, "follow_up.record", &gate.subject).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Closes the person's follow-up for `reason` (a closing reason's
    /// code), with the reason the team gives.
    pub async fn close_follow_up(
        &self,
        actor: &Actor,
        person_id: i64,
        reason: &str,
        why: Option<&str>,
    ) -> AppResult<()> {
        let why = why.map(str::trim).filter(|w| !w.is_empty());
        if why.is_some_and(|w| w.chars().count() > REASON_MAX_CHARS) {
            return Err(AppError::field("why", Problem::TooLong { max: REASON_MAX_CHARS }));
        }
        let gate = self.pathway_gate(actor, person_id, Action::WriteClinical, "follow_up.close").await?;
        let reason = match reason.trim() {
            "" => return Err(AppError::field("reason", Problem::Required)),
            code => ClosingReason::from_code(code).ok_or_else(|| AppError::field("reason", Problem::InvalidFormat))?,
        };
        let mut tx = self.store.begin().await?;
        let (id, mut pathway) = self.load_pathway(&mut tx, person_id).await?.ok_or(AppError::NotFound)?;
        let rows = follow_ups::of_pathway(&mut tx, id).await?;
        let latest = rows.first().map(|row| row.release_id);
        let recorded = rows.iter().filter(|row| Some(row.release_id) == latest).all(|row| row.recorded_at.is_some());
        let steps = closing_steps(pathway.state(), reason, recorded).map_err(|refusal| match refusal {
            ClosingRefusal::NotInFollowUp => AppError::PathwayRefused(Refusal {
                reason: RefusalReason::NotInFollowUp,
                state: pathway.state(),
                command: CommandKind::Close,
            }),
            other => AppError::Conflict(other.message_id()),
        })?;
        let who = UserId(self.actor_id(actor).unwrap_or(0));
        for step in steps {
            let context = Context { who, at: self.now(), why: why.map(str::to_owned) };
            self.step_pathway(&mut tx, id, &mut pathway, step, context).await?.map_err(AppError::PathwayRefused)?;
        }
        self.audit_change(&mut tx, actor, gate.allowed, "follow_up.close", &gate.subject).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The follow-up contacts overdue at `site` (see the worklist), the
    /// longest overdue first; clinical roles of that prison only.
    pub async fn overdue_follow_ups(&self, actor: &Actor, site: SiteId) -> AppResult<Vec<OverdueFollowUp>> {
        self.permit(actor, Action::ReadClinical, "follow_up.overdue").await?;
        let subject = Subject::kind("pathway").at_site(actor.site_code(site));
        let allowed =
            self.authorize(actor, Action::ReadClinical, Target::site(site), "follow_up.overdue", &subject).await?;
        let today = self.register_today().to_string();
        let mut conn = self.store.reader().await?;
        let rows = caseload::follow_ups_overdue(&mut conn, site.0, WorkerFilter::Anyone, &today, OVERDUE_SHOWN).await?;
        drop(conn);
        self.audit_read(actor, allowed, "follow_up.overdue", &subject).await?;
        Ok(rows)
    }
}
