//! The caseload (issue 5, item 8): the pathways past the wait for a
//! screening at the actor's prison, of everyone or of one care worker (the
//! responsible worker, `crate::care_team`), counted by state, listed in
//! the order asked and a page at a time, with the alerts that need someone.
//!
//! Who: clinical roles of that prison (`ReadClinical`); the caseload is
//! clinical information. The prison is the one the actor acts for, else the
//! first where they may read clinical data, as for the worklist.
//!
//! Speed: each part is one query on the partial indexes of migration 0014
//! (counts, the page, one per alert), never one query per row; the flags of
//! each line come from the page's own query.
//!
//! Alerts ([`AlertKind`]): a release within 14 days without a release plan,
//! a follow-up contact overdue, and opioid agonist treatment interrupted at
//! entry (no prison prescription within 24 hours, `crate::oat`), and the
//! care-plan reviews due within [`REVIEW_DUE_DAYS`] days or past (as on the
//! worklist). The reviews due are also counted, flagged on each line, and a
//! filter (`CaseloadRequest::reviews_due`) lists only those pathways.

use continuum_domain::audit::format_instant;
use continuum_domain::ids::SiteId;
use continuum_domain::pathway::Stage;
use continuum_domain::policy::{Action, Target};
use continuum_domain::release::{PLAN_ALERT_DAYS, add_days};
use continuum_domain::validation::Problem;
use continuum_store::caseload::{self, AlertRow, CaseloadQuery, CaseloadRow, WorkerFilter};

use crate::access::Subject;
use crate::actor::Actor;
use crate::app::App;
use crate::care_team::Clinician;
use crate::error::{AppError, AppResult};
use crate::{Listing, Paging};

pub use continuum_store::caseload::CaseloadOrder;

/// The most lines an alert section shows.
const ALERT_ROWS: i64 = 50;

/// The states of the caseload, in the order of the pathway (the stages past
/// the wait for a screening, then `declined`), as `CASELOAD_SQL` names them.
pub const CASELOAD_STATES: [&str; 6] =
    ["intake_proposed", "intake", "in_care", "release_planning", "released_in_follow_up", "declined"];

use crate::care::plans::REVIEW_DUE_DAYS;

/// What needs someone now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AlertKind {
    /// Release within 14 days, and no release plan made.
    ReleaseWithoutPlan,
    /// A follow-up contact after release is past its day.
    FollowUpOverdue,
    /// Opioid agonist treatment declared at entry and no prison prescription
    /// within 24 hours (the alert of `crate::oat`, while its continuity is
    /// not recorded).
    OatInterrupted,
    /// A care plan's review is due within [`REVIEW_DUE_DAYS`] days or past.
    ReviewDue,
}

impl AlertKind {
    /// Every kind, in the order shown.
    pub const ALL: [AlertKind; 4] =
        [AlertKind::ReleaseWithoutPlan, AlertKind::FollowUpOverdue, AlertKind::OatInterrupted, AlertKind::ReviewDue];

    /// The stable code, for the API.
    pub fn code(self) -> &'static str {
        match self {
            AlertKind::ReleaseWithoutPlan => "release_without_plan",
            AlertKind::FollowUpOverdue => "follow_up_overdue",
            AlertKind::OatInterrupted => "oat_interrupted",
            AlertKind::ReviewDue => "review_due",
        }
    }

    /// The Fluent message id of its title.
    pub fn message_id(self) -> &'static str {
        match self {
            AlertKind::ReleaseWithoutPlan => "caseload-alert-release_without_plan",
            AlertKind::FollowUpOverdue => "caseload-alert-follow_up_overdue",
            AlertKind::OatInterrupted => "caseload-alert-oat_interrupted",
            AlertKind::ReviewDue => "caseload-alert-review_due",
        }
    }
}

/// One kind of alert and the people it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertSection {
    /// The kind.
    pub kind: AlertKind,
    /// Who, the most urgent first (at most 50).
    pub rows: Vec<AlertRow>,
}

/// A pathway of the caseload, with its alerts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseloadLine {
    /// The pathway and its person.
    pub row: CaseloadRow,
    /// Release within 14 days and no plan.
    pub release_without_plan: bool,
    /// A follow-up contact is past its day.
    pub follow_up_overdue: bool,
    /// The care plan's review is due within [`REVIEW_DUE_DAYS`] days or past.
    pub review_due: bool,
    /// The care plan's review date is past.
    pub review_overdue: bool,
}

/// Whose caseload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WorkerChoice {
    /// The whole prison's.
    #[default]
    Everyone,
    /// The actor's own.
    Mine,
    /// This user's.
    User(i64),
    /// The pathways nobody is responsible for.
    Nobody,
}

/// What the caseload shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CaseloadRequest {
    /// Whose.
    pub worker: WorkerChoice,
    /// Only this state (a code of [`CASELOAD_STATES`]).
    pub state: Option<String>,
    /// The order of the list.
    pub order: Option<CaseloadOrder>,
    /// Reversed.
    pub descending: bool,
    /// Only the pathways whose care-plan review is due or past.
    pub reviews_due: bool,
    /// The page.
    pub paging: Paging,
}

/// A caseload.
#[derive(Debug, Clone)]
pub struct Caseload {
    /// The prison.
    pub site: SiteId,
    /// Whose, as asked (`Mine` resolved to the actor).
    pub worker: WorkerChoice,
    /// How many pathways are in each state, in the order of [`CASELOAD_STATES`].
    pub counts: Vec<(&'static str, i64)>,
    /// How many pathways (of the worker asked, any state) have a care-plan
    /// review due or past.
    pub reviews_due: i64,
    /// The page of pathways.
    pub pathways: Listing<CaseloadLine>,
    /// The alerts, one section per kind.
    pub alerts: Vec<AlertSection>,
    /// The clinicians of the prison (whose caseload may be asked).
    pub workers: Vec<Clinician>,
}

impl App {
    /// The prison a caseload is for: the acting site, else the first where
    /// the actor may read clinical data.
    pub fn caseload_site(&self, actor: &Actor) -> Option<SiteId> {
        let sites = actor.sites_where(Action::ReadClinical);
        actor.site.as_ref().map(|s| s.id).filter(|id| sites.contains(id)).or_else(|| sites.first().copied())
    }

    /// The caseload asked (see the module's rules).
    pub async fn caseload(&self, actor: &Actor, request: &CaseloadRequest) -> AppResult<Caseload> {
        self.permit(actor, Action::ReadClinical, "caseload.read").await?;
        let site = self.caseload_site(actor).ok_or(AppError::Forbidden)?;
        let subject = Subject::kind("pathway").at_site(actor.site_code(site));
        let allowed =
            self.authorize(actor, Action::ReadClinical, Target::site(site), "caseload.read", &subject).await?;
        let state = match request.state.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(code) => Some(
                CASELOAD_STATES
                    .into_iter()
                    .find(|s| *s == code)
                    .ok_or_else(|| AppError::field("state", Problem::InvalidFormat))?,
            ),
            None => None,
        };
        let worker = match request.worker {
            WorkerChoice::Everyone => WorkerFilter::Anyone,
            WorkerChoice::Mine => WorkerFilter::User(actor.user_id.0),
            WorkerChoice::User(id) => WorkerFilter::User(id),
            WorkerChoice::Nobody => WorkerFilter::Nobody,
        };
        let today = self.register_today();
        let horizon = add_days(today, PLAN_ALERT_DAYS);
        let (today_text, horizon_text) = (today.to_string(), horizon.to_string());
        let now_text = format_instant(self.now());
        let review_by = add_days(today, REVIEW_DUE_DAYS).to_string();
        let query = CaseloadQuery {
            site_id: site.0,
            worker,
            state,
            order: request.order.unwrap_or(CaseloadOrder::Name),
            descending: request.descending,
            review_due_by: request.reviews_due.then_some(review_by.as_str()),
        };
        let workers = self.clinicians_at(site).await?;
        let mut conn = self.store.reader().await?;
        let stored = caseload::counts(&mut conn, site.0, worker).await?;
        let rows = caseload::page(&mut conn, &query, request.paging.to_store()).await?;
        let reviews_due = caseload::reviews_due_count(&mut conn, site.0, worker, None, &review_by).await?;
        let filtered_reviews = match (request.reviews_due, state) {
            (false, _) => None,
            (true, None) => Some(reviews_due),
            (true, Some(state)) => {
                Some(caseload::reviews_due_count(&mut conn, site.0, worker, Some(state), &review_by).await?)
            }
        };
        let alerts = vec![
            AlertSection {
                kind: AlertKind::ReleaseWithoutPlan,
                rows: caseload::releases_without_plan(
                    &mut conn,
                    site.0,
                    worker,
                    (&today_text, &horizon_text),
                    ALERT_ROWS,
                )
                .await?,
            },
            AlertSection {
                kind: AlertKind::FollowUpOverdue,
                rows: caseload::follow_ups_overdue(&mut conn, site.0, worker, &today_text, ALERT_ROWS).await?,
            },
            AlertSection {
                kind: AlertKind::OatInterrupted,
                rows: caseload::oat_interrupted(&mut conn, site.0, worker, &now_text, ALERT_ROWS).await?,
            },
            AlertSection {
                kind: AlertKind::ReviewDue,
                rows: caseload::reviews_due(&mut conn, site.0, worker, &review_by, ALERT_ROWS).await?,
            },
        ];
        drop(conn);
        self.audit_read(actor, allowed, "caseload.read", &subject).await?;
        let counts: Vec<(&'static str, i64)> = CASELOAD_STATES
            .into_iter()
            .map(|code| (code, stored.iter().find(|(s, _)| s == code).map_or(0, |(_, n)| *n)))
            .collect();
        let total = filtered_reviews.unwrap_or_else(|| {
            counts.iter().filter(|(code, _)| state.is_none_or(|s| s == *code)).map(|(_, n)| n).sum()
        });
        let in_review = [Stage::InCare, Stage::ReleasePlanning].map(Stage::code);
        let planning = [Stage::Intake, Stage::InCare, Stage::ReleasePlanning].map(Stage::code);
        let lines = rows
            .into_iter()
            .map(|row| {
                let soon = row
                    .expected_release
                    .as_deref()
                    .is_some_and(|d| d >= today_text.as_str() && d <= horizon_text.as_str());
                let review = row.review_date.as_deref().filter(|_| in_review.contains(&row.state.as_str()));
                CaseloadLine {
                    review_due: review.is_some_and(|d| d <= review_by.as_str()),
                    review_overdue: review.is_some_and(|d| d < today_text.as_str()),
                    release_without_plan: planning.contains(&row.state.as_str())
                        && row.release_date.is_none()
                        && soon
                        && !row.has_plan,
                    follow_up_overdue: row.state == Stage::ReleasedInFollowUp.code()
                        && row.next_follow_up.as_deref().is_some_and(|d| d < today_text.as_str()),
                    row,
                }
            })
            .collect();
        let worker = match worker {
            WorkerFilter::Anyone => WorkerChoice::Everyone,
            WorkerFilter::User(id) => WorkerChoice::User(id),
            WorkerFilter::Nobody => WorkerChoice::Nobody,
        };
        Ok(Caseload {
            site,
            worker,
            counts,
            reviews_due,
            pathways: Listing::new(lines, total, request.paging),
            alerts,
            workers,
        })
    }
}

#[cfg(test)]
mod tests {
    use continuum_domain::pathway::{Stage, State};
    use continuum_store::caseload::CASELOAD_SQL;

    use super::CASELOAD_STATES;

    #[test]
    fn the_caseload_is_every_stage_past_the_wait_for_a_screening_and_the_declined() {
        let mut expected: Vec<&str> = Stage::ALL
            .into_iter()
            .filter(|s| !matches!(s, Stage::Signalled | Stage::ScreeningOffered))
            .map(Stage::code)
            .collect();
        expected.push(State::Declined { returns_to: Stage::InCare }.code());
        assert_eq!(CASELOAD_STATES.to_vec(), expected);
    }

    #[test]
    fn the_caseload_query_names_the_states_of_the_caseload() {
        for state in CASELOAD_STATES {
            assert!(CASELOAD_SQL.contains(&format!("'{state}'")), "{state}");
        }
        assert_eq!(CASELOAD_SQL.matches('\'').count(), CASELOAD_STATES.len() * 2, "and no other");
    }
}
