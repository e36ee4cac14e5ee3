//! Care pathways: opened when a person enters a pilot prison, and the
//! worklist of each site. The state machine is `continuum_domain::pathway`;
//! this module stores its transitions and reads the worklists.

use continuum_domain::ids::{SiteId, UserId};
use continuum_domain::pathway::{
    ClosingReason, Command, CommandKind, Context, Pathway, Refusal, SignalSource, Stage, State, TransferDestination,
    Transition,
};
use continuum_domain::policy::{Action, Target};
use continuum_store::pathways::{self, NewTransition, PathwayState, TransitionRow, WorklistRow};
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
struct StoredStep {
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
            at: continuum_domain::audit::format_instant(transition.at),
            why: transition.why.clone(),
        }
    }

    fn columns(&self) -> PathwayState<'_> {
        let (returns_to, closing_reason) = match self.state {
            State::Declined { returns_to } => (Some(returns_to.code()), None),
            State::Closed(reason) => (None, Some(reason.code())),
            State::Active(_) => (None, None),
        };
        PathwayState { site_id: self.site.0, state: self.state.code(), returns_to, closing_reason }
    }

    fn transition(&self) -> NewTransition<'_> {
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

impl App {
    /// Opens a person's pathway with a signal from `source`: the entry into a
    /// pilot prison, or a signal taken up when the person has no open
    /// pathway. Runs inside the caller's transaction.
    pub(crate) async fn open_pathway(
        &self,
        tx: &mut continuum_store::Tx,
        person_id: i64,
        source: SignalSource,
        site: SiteId,
        who: Option<i64>,
        at: Timestamp,
    ) -> AppResult<()> {
        let context = Context { who: UserId(who.unwrap_or(0)), at, why: None };
        let pathway = Pathway::open(source, site, context);
        let Some(first) = pathway.history().first() else {
            return Err(AppError::Internal(anyhow::anyhow!("a new pathway has no transition")));
        };
        let step = StoredStep::new(&pathway, first);
        pathways::open(tx, person_id, &step.columns(), &step.transition()).await?;
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
        let transition = match pathway.apply(command, context) {
            Ok(transition) => transition.clone(),
            Err(refusal) => return Ok(Err(refusal)),
        };
        let step = StoredStep::new(pathway, &transition);
        pathways::append(tx, id, seq, &step.columns(), &step.transition()).await?;
        Ok(Ok(()))
    }

    /// The site a worklist is for: the acting site, else the first where the
    /// actor may see the register.
    pub fn worklist_site(&self, actor: &Actor) -> Option<SiteId> {
        let sites = actor.sites_where(Action::ViewRegister);
        actor.site.as_ref().map(|s| s.id).filter(|id| sites.contains(id)).or_else(|| sites.first().copied())
    }

    /// People at the site entered and not yet screened, the longest waiting
    /// first, with the days since entry and whether the 14 days are past.
    pub async fn awaiting_screening(
        &self,
        actor: &Actor,
        paging: Paging,
    ) -> AppResult<(SiteId, Listing<WorklistLine>)> {
        self.permit(actor, Action::ViewRegister, "worklist.read").await?;
        let site = self.worklist_site(actor).ok_or(AppError::Forbidden)?;
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
