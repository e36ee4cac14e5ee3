//! Care pathways: opened when a person enters a pilot prison, and the
//! worklist of each site. The state machine is `continuum_domain::pathway`;
//! this module stores its transitions and reads the worklists.

use continuum_domain::ids::{SiteId, UserId};
use continuum_domain::pathway::{Command, Context, Pathway, SignalSource, Stage, State, Transition};
use continuum_domain::policy::{Action, Target};
use continuum_store::pathways::{self, NewTransition, PathwayState, WorklistRow};
use jiff::Timestamp;
use jiff::civil::Date;

use crate::access::Subject;
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};
use crate::{Listing, Paging};

/// The states of people waiting to be screened.
const AWAITING_SCREENING: [Stage; 2] = [Stage::Signalled, Stage::ScreeningOffered];

/// Days after entry within which a screening is due (indicator 2).
pub const SCREENING_DUE_DAYS: i64 = 14;

/// A person on a worklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorklistLine {
    /// The person and their current episode.
    pub row: WorklistRow,
    /// Days since entry, by the register's date.
    pub days_since_entry: Option<i64>,
    /// Past the screening deadline.
    pub overdue: bool,
}

/// The command's payload as stored beside its code (`key=value` pairs), so
/// the log can be read back without a second table per command.
fn detail(command: &Command) -> String {
    match command {
        Command::Signal { source, site } => format!("source={};site={}", source.code(), site.0),
        Command::RecordScreening { positive, care_requested } => {
            format!("positive={positive};care_requested={care_requested}")
        }
        Command::Release { with_follow_up } => format!("with_follow_up={with_follow_up}"),
        Command::Close { reason } => format!("reason={}", reason.code()),
        Command::Reopen { site } => format!("site={}", site.0),
        Command::Transfer { to } => format!("to={to:?}"),
        _ => String::new(),
    }
}

fn state_columns(state: State, site: SiteId) -> (String, Option<String>, Option<String>, i64) {
    let (returns_to, reason) = match state {
        State::Declined { returns_to } => (Some(returns_to.code().to_owned()), None),
        State::Closed(reason) => (None, Some(reason.code().to_owned())),
        State::Active(_) => (None, None),
    };
    (state.code().to_owned(), returns_to, reason, site.0)
}

impl App {
    /// Opens the pathway of a person who enters a pilot prison: signalled by
    /// the entry itself. Runs inside the entry's transaction.
    pub(crate) async fn open_pathway_at_entry(
        &self,
        tx: &mut continuum_store::Tx,
        person_id: i64,
        site: SiteId,
        who: Option<i64>,
        at: Timestamp,
    ) -> AppResult<()> {
        let context = Context { who: UserId(who.unwrap_or(0)), at, why: None };
        let pathway = Pathway::open(SignalSource::Entry, site, context);
        let Some(first) = pathway.history().first() else {
            return Err(AppError::Internal(anyhow::anyhow!("a new pathway has no transition")));
        };
        let (state, returns_to, reason, site_id) = state_columns(pathway.state(), pathway.site());
        let at = continuum_domain::audit::format_instant(first.at);
        let detail = detail(&first.command);
        let Transition { to, command, why, .. } = first;
        let transition = NewTransition {
            from_state: None,
            to_state: to.code(),
            command: command.kind().code(),
            detail: &detail,
            site_id,
            who,
            at: &at,
            why: why.as_deref(),
        };
        let columns = PathwayState {
            site_id,
            state: &state,
            returns_to: returns_to.as_deref(),
            closing_reason: reason.as_deref(),
        };
        pathways::open(tx, person_id, &columns, &transition).await?;
        Ok(())
    }

    /// The site a worklist is for: the acting site, else the first where the
    /// actor may see the register.
    pub fn worklist_site(&self, actor: &Actor) -> Option<SiteId> {
        let sites = self.register_sites(actor, Action::ViewRegister);
        actor.site.as_ref().map(|s| s.id).filter(|id| sites.contains(id)).or_else(|| sites.first().copied())
    }

    /// People at the site entered and not yet screened, the longest waiting
    /// first, with the days since entry and whether the 14 days are past.
    pub async fn awaiting_screening(
        &self,
        actor: &Actor,
        paging: Paging,
    ) -> AppResult<(SiteId, Listing<WorklistLine>)> {
        let Some(site) = self.worklist_site(actor) else {
            self.authorize(actor, Action::ViewRegister, Target::PROGRAMME, "worklist.read", &Subject::kind("person"))
                .await?;
            return Err(AppError::Forbidden);
        };
        let code = actor.sites.iter().find(|s| s.id == site).map(|s| s.code.clone());
        let subject = Subject::kind("person").at_site(code);
        let allowed =
            self.authorize(actor, Action::ViewRegister, Target::site(site), "worklist.read", &subject).await?;
        let states: Vec<&str> = AWAITING_SCREENING.iter().map(|s| s.code()).collect();
        let mut conn = self.store.reader().await?;
        let (rows, total) = pathways::at_site_in_states(&mut conn, site.0, &states, paging.to_store()).await?;
        drop(conn);
        self.audit_read(actor, allowed, "worklist.read", &subject).await?;
        let today = self.register_today();
        let items =
            rows.into_iter()
                .map(|row| {
                    let days = row.entry_date.as_deref().and_then(|d| d.parse::<Date>().ok()).and_then(|entry| {
                        (today - entry).total((jiff::Unit::Day, today)).ok().map(|d| d.round() as i64)
                    });
                    WorklistLine { overdue: days.is_some_and(|d| d > SCREENING_DUE_DAYS), days_since_entry: days, row }
                })
                .collect();
        Ok((site, Listing { items, total, paging }))
    }
}
