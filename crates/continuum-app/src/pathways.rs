//! Care pathways: opened when a person enters a pilot prison, and the
//! worklist of each site. The state machine is `continuum_domain::pathway`;
//! this module stores its transitions and reads the worklists.

use continuum_domain::audit::format_instant;
use continuum_domain::ids::{SiteId, UserId};
use continuum_domain::pathway::{
    ClosingReason, Command, CommandKind, Context, Pathway, Refusal, SignalSource, Stage, State, TransferDestination,
    Transition,
};
use continuum_domain::policy::{Action, Target};
use continuum_domain::validation::Problem;
use continuum_store::pathways::{self, NewTransition, PathwayState, TransitionRow, WaitingRow, WorklistRow};
use continuum_store::screenings::{self, CompletedRow};
use jiff::civil::Date;

use crate::access::Subject;
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};
use crate::{Listing, Paging};

/// Days after entry within which a screening is due (indicator 2).
pub const SCREENING_DUE_DAYS: i64 = 14;

/// The longest reason a step of the pathway records, in characters.
pub const REASON_MAX_CHARS: usize = 500;

/// The most rows a worklist section other than the waiting list shows.
const WORKLIST_SECTION_ROWS: i64 = 50;

/// A site's worklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Worklist {
    /// The site.
    pub site: SiteId,
    /// People waiting for a screening.
    pub awaiting: Listing<WorklistLine>,
    /// Screenings completed at the site in the past 7 days, the newest first.
    pub screened_this_week: Vec<CompletedRow>,
    /// People whose positive screening waits for an intake, the longest
    /// waiting first; `None` for roles without clinical access.
    pub positive_without_intake: Option<Vec<WaitingRow>>,
}

/// A person on a worklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorklistLine {
    /// The person and their current episode.
    pub row: WorklistRow,
    /// Days since the wait began (the entry, or the signal that reopened
    /// the pathway), by the register's date.
    pub days_waiting: Option<i64>,
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
        Command::Transfer { to: TransferDestination::PilotSite(site) } => format!("to={}", site.0),
        Command::Transfer { to: TransferDestination::OutOfProgramme } => "to=out".to_owned(),
        _ => String::new(),
    }
}

/// Reads a stored command back from its code and details.
fn decode(code: &str, detail: &str) -> Option<Command> {
    let value = |key: &str| {
        detail.split(';').find_map(|pair| pair.split_once('=').filter(|(k, _)| *k == key).map(|(_, v)| v.to_owned()))
    };
    let site = |key: &str| value(key).and_then(|v| v.parse::<i64>().ok()).map(SiteId);
    let flag = |key: &str| value(key).map(|v| v == "true");
    Some(match CommandKind::from_code(code)? {
        CommandKind::Signal => {
            Command::Signal { source: SignalSource::from_code(&value("source")?)?, site: site("site")? }
        }
        CommandKind::OfferScreening => Command::OfferScreening,
        CommandKind::RefuseScreening => Command::RefuseScreening,
        CommandKind::RecordScreening => {
            Command::RecordScreening { positive: flag("positive")?, care_requested: flag("care_requested")? }
        }
        CommandKind::ProposeIntake => Command::ProposeIntake,
        CommandKind::RecordIntake => Command::RecordIntake,
        CommandKind::StartCare => Command::StartCare,
        CommandKind::PlanRelease => Command::PlanRelease,
        CommandKind::Release => Command::Release { with_follow_up: flag("with_follow_up")? },
        CommandKind::CompleteFollowUp => Command::CompleteFollowUp,
        CommandKind::Decline => Command::Decline,
        CommandKind::ComeBack => Command::ComeBack,
        CommandKind::Transfer => Command::Transfer {
            to: match value("to")?.as_str() {
                "out" => TransferDestination::OutOfProgramme,
                _ => TransferDestination::PilotSite(site("to")?),
            },
        },
        CommandKind::Close => Command::Close { reason: ClosingReason::from_code(&value("reason")?)? },
        CommandKind::Reopen => Command::Reopen { site: site("site")? },
    })
}

fn decode_transition(row: &TransitionRow) -> Option<Transition> {
    Some(Transition {
        from: match &row.from_state {
            Some(code) => Some(decode_log_state(code)?),
            None => None,
        },
        to: decode_log_state(&row.to_state)?,
        site: SiteId(row.site_id),
        command: decode(&row.command, &row.detail)?,
        who: UserId(row.who.unwrap_or(0)),
        at: row.at.parse().ok()?,
        why: row.why.clone(),
    })
}

/// Reads a state of the transition log: a stage's code, `declined:<stage>`
/// or `closed:<reason>`.
fn decode_log_state(code: &str) -> Option<State> {
    match code.split_once(':') {
        Some(("declined", stage)) => Some(State::Declined { returns_to: Stage::from_code(stage)? }),
        Some(("closed", reason)) => Some(State::Closed(ClosingReason::from_code(reason)?)),
        Some(_) => None,
        None => Stage::from_code(code).map(State::Active),
    }
}

/// A state as written in the transition log (with its payload).
fn log_code(state: State) -> String {
    match state {
        State::Declined { returns_to } => format!("declined:{}", returns_to.code()),
        State::Closed(reason) => format!("closed:{}", reason.code()),
        State::Active(stage) => stage.code().to_owned(),
    }
}

/// A transition and the pathway's state after it, as the store keeps them.
pub(crate) struct StoredStep {
    state: State,
    site: SiteId,
    from: Option<String>,
    to: String,
    command: &'static str,
    detail: String,
    who: Option<i64>,
    at: String,
    why: Option<String>,
}

impl StoredStep {
    fn new(pathway: &Pathway, transition: &Transition) -> StoredStep {
        StoredStep {
            state: pathway.state(),
            site: pathway.site(),
            from: transition.from.map(log_code),
            to: log_code(transition.to),
            command: transition.command.kind().code(),
            detail: detail(&transition.command),
            who: (transition.who.0 != 0).then_some(transition.who.0),
            at: format_instant(transition.at),
            why: transition.why.clone(),
        }
    }

    pub(crate) fn columns(&self) -> PathwayState<'_> {
        let (returns_to, closing_reason) = match self.state {
            State::Declined { returns_to } => (Some(returns_to.code()), None),
            State::Closed(reason) => (None, Some(reason.code())),
            State::Active(_) => (None, None),
        };
        PathwayState { site_id: self.site.0, state: self.state.code(), returns_to, closing_reason }
    }

    pub(crate) fn transition(&self) -> NewTransition<'_> {
        NewTransition {
            from_state: self.from.as_deref(),
            to_state: &self.to,
            command: self.command,
            detail: &self.detail,
            site_id: self.site.0,
            who: self.who,
            at: &self.at,
            why: self.why.as_deref(),
        }
    }
}

/// The first step of a pathway opened by a signal from `source`, as stored.
pub(crate) fn opening_step(source: SignalSource, site: SiteId, context: Context) -> AppResult<StoredStep> {
    let pathway = Pathway::open(source, site, context);
    let first = pathway
        .history()
        .first()
        .ok_or_else(|| AppError::Internal(anyhow::anyhow!("a new pathway has no transition")))?;
    Ok(StoredStep::new(&pathway, first))
}

impl App {
    /// Opens a person's pathway with a signal from `source`: the entry into a
    /// pilot prison, or a signal taken up when the person has no open
    /// pathway. It waits for a screening since `waiting_since` (the day of
    /// entry or of the signal). Runs inside the caller's transaction.
    pub(crate) async fn open_pathway(
        &self,
        tx: &mut continuum_store::Tx,
        person_id: i64,
        source: SignalSource,
        site: SiteId,
        waiting_since: &str,
        context: Context,
    ) -> AppResult<()> {
        let step = opening_step(source, site, context)?;
        pathways::open(tx, person_id, &step.columns(), waiting_since, &step.transition()).await?;
        Ok(())
    }

    /// The person's current pathway, rebuilt from its stored log.
    pub(crate) async fn load_pathway(
        &self,
        conn: &mut continuum_store::Conn,
        person_id: i64,
    ) -> AppResult<Option<(i64, Pathway)>> {
        let Some((row, log)) = pathways::latest_for_person(conn, person_id).await? else {
            return Ok(None);
        };
        let transitions: Option<Vec<Transition>> = log.iter().map(decode_transition).collect();
        let transitions = transitions
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("pathway {} has an unreadable log", row.id)))?;
        let pathway = Pathway::replay(transitions)
            .map_err(|e| AppError::Internal(anyhow::anyhow!("pathway {} does not replay: {e}", row.id)))?;
        Ok(Some((row.id, pathway)))
    }

    /// Applies a step to a stored pathway inside `tx`; a refused step
    /// changes nothing and is returned for the user.
    pub(crate) async fn step_pathway(
        &self,
        tx: &mut continuum_store::Tx,
        id: i64,
        pathway: &mut Pathway,
        command: Command,
        context: Context,
    ) -> AppResult<Result<(), Refusal>> {
        let seq = i64::try_from(pathway.history().len()).unwrap_or(i64::MAX) + 1;
        let site_before = pathway.site();
        let transition = match pathway.apply(command, context) {
            Ok(transition) => transition.clone(),
            Err(refusal) => return Ok(Err(refusal)),
        };
        let step = StoredStep::new(pathway, &transition);
        pathways::append(tx, id, seq, &step.columns(), &step.transition()).await?;
        // The responsible care worker (issue 5): a pathway handed to another
        // prison's team leaves its worker behind.
        if pathway.site() != site_before {
            continuum_store::care_team::release_on_handover(tx, id, &step.at, step.who).await?;
        }
        Ok(Ok(()))
    }

    /// The site a worklist is for: the acting site, else the first where the
    /// actor may see the register.
    pub fn worklist_site(&self, actor: &Actor) -> Option<SiteId> {
        let sites = actor.sites_where(Action::ViewRegister);
        actor.site.as_ref().map(|s| s.id).filter(|id| sites.contains(id)).or_else(|| sites.first().copied())
    }

    /// Records that the person refuses to be screened, with the reason they
    /// give: a screening under way is set aside (its answers kept, not
    /// scored), and the pathway returns to waiting for a screening, which can
    /// be offered again. Refused by the pathway past the screening stage.
    pub async fn refuse_screening(&self, actor: &Actor, person_id: i64, why: Option<&str>) -> AppResult<()> {
        let why = why.map(str::trim).filter(|w| !w.is_empty());
        if why.is_some_and(|w| w.chars().count() > REASON_MAX_CHARS) {
            return Err(AppError::field("why", Problem::TooLong { max: REASON_MAX_CHARS }));
        }
        let mut conn = self.store.reader().await?;
        let site = continuum_store::people::get(&mut conn, person_id).await?.map(|p| SiteId(p.site_id));
        drop(conn);
        let subject = Subject { person_id: Some(person_id), ..Subject::kind("screening") };
        let allowed = self.authorize_record(actor, Action::WriteClinical, site, "screening.refuse", &subject).await?;
        let mut tx = self.store.begin().await?;
        let Some((pathway_id, mut pathway)) = self.load_pathway(&mut tx, person_id).await? else {
            return Err(AppError::NotFound);
        };
        let at = self.now();
        let context = Context { who: UserId(self.actor_id(actor).unwrap_or(0)), at, why: None };
        if pathway.state() == State::Active(Stage::Signalled) {
            self.step_pathway(&mut tx, pathway_id, &mut pathway, Command::OfferScreening, context.clone())
                .await?
                .map_err(AppError::PathwayRefused)?;
        }
        let why = why.map(str::to_owned);
        self.step_pathway(&mut tx, pathway_id, &mut pathway, Command::RefuseScreening, Context { why, ..context })
            .await?
            .map_err(AppError::PathwayRefused)?;
        if let Some(open) = self.open_screening_of(&mut tx, person_id).await? {
            let at = format_instant(at);
            screenings::set_aside(&mut tx, open.id, &at).await?;
            // A tablet still showing it returns to the locked screen.
            continuum_store::kiosk::end_for_screening(&mut tx, open.id, &at, "refused").await?;
        }
        self.audit_change(&mut tx, actor, allowed, "screening.refuse", &subject).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The worklist of the actor's site: who waits for a screening (the
    /// longest waiting first, with the days since entry, flagged past the 14
    /// days; with `overdue_only`, only those), the screenings of the past 7
    /// days, and, for clinical roles, the positive screenings still waiting
    /// for an intake.
    pub async fn worklist(&self, actor: &Actor, paging: Paging, overdue_only: bool) -> AppResult<Worklist> {
        self.permit(actor, Action::ViewRegister, "worklist.read").await?;
        let site = self.worklist_site(actor).ok_or(AppError::Forbidden)?;
        let code = actor.site_code(site);
        let subject = Subject::kind("person").at_site(code);
        let allowed =
            self.authorize(actor, Action::ViewRegister, Target::site(site), "worklist.read", &subject).await?;
        let today = self.register_today();
        let due = today.checked_sub(jiff::Span::new().days(SCREENING_DUE_DAYS)).unwrap_or(today).to_string();
        let now = self.now();
        let week_ago = format_instant(now.checked_sub(jiff::SignedDuration::from_hours(7 * 24)).unwrap_or(now));
        let clinical = actor.sites_where(Action::ReadClinical).contains(&site);
        let mut conn = self.store.reader().await?;
        let waiting_before = overdue_only.then_some(due.as_str());
        let (rows, total) = pathways::awaiting_screening(&mut conn, site.0, waiting_before, paging.to_store()).await?;
        let screened_this_week =
            screenings::completed_at_site_since(&mut conn, site.0, &week_ago, WORKLIST_SECTION_ROWS).await?;
        let positive_without_intake = if clinical {
            let state = Stage::IntakeProposed.code();
            Some(pathways::waiting_in_state(&mut conn, site.0, state, WORKLIST_SECTION_ROWS).await?)
        } else {
            None
        };
        drop(conn);
        self.audit_read(actor, allowed, "worklist.read", &subject).await?;
        let items =
            rows.into_iter()
                .map(|row| {
                    let days = row.waiting_since.as_deref().and_then(|d| d.parse::<Date>().ok()).and_then(|entry| {
                        (today - entry).total((jiff::Unit::Day, today)).ok().map(|d| d.round() as i64)
                    });
                    WorklistLine { overdue: days.is_some_and(|d| d > SCREENING_DUE_DAYS), days_waiting: days, row }
                })
                .collect();
        Ok(Worklist {
            site,
            awaiting: Listing::counted(items, total, paging),
            screened_this_week,
            positive_without_intake,
        })
    }
}

#[cfg(test)]
mod tests {
    use continuum_domain::pathway::Stage;
    use continuum_store::pathways::AWAITING_SCREENING_SQL;

    #[test]
    fn the_worklist_query_names_the_stages_that_wait_for_a_screening() {
        for stage in [Stage::Signalled, Stage::ScreeningOffered] {
            assert!(AWAITING_SCREENING_SQL.contains(&format!("'{}'", stage.code())), "{stage:?}");
        }
    }
}
