//! Release planning (issue 5, item 6): when a pathway moves to release
//! planning, the release plan's checklist, and what a release records. The
//! rules are `continuum_domain::release`'s.
//!
//! Where the move to release planning happens, all through this layer:
//! - **At once when the expected release changes** (`App::update_episode`):
//!   a date within 30 days moves a pathway at intake or in care, in the same
//!   transaction as the change and its audit row, as the user's step.
//! - **By the sweep** ([`App::sweep_release_planning`]) for dates that come
//!   within 30 days as time passes: the server runs it at start-up and every
//!   hour ([`spawn_release_planning_sweep`]), so a pathway moves on the day
//!   it is due. Each move is its own transaction with its audit row,
//!   recorded as the system's (no user decided it; the transition has no
//!   author). Several servers may sweep at once: a pathway moved meanwhile
//!   is skipped. What the caseload shows never waits for the sweep: its
//!   alert "release within 14 days without a plan" reads the dates.
//! - **When the team starts it** ([`App::start_release_planning`]): release
//!   is announced, whatever the date says.
//!
//! The checklist is clinical data: read with `ReadClinical`, saved with
//! `WriteClinical` at the person's prison, while the pathway is in release
//! planning. The first save makes the plan (its `created_at` is the day the
//! plan was made, for indicator 7); every save needs the version read, so
//! two people saving the same plan never overwrite each other.
//!
//! A release recorded in the register ([`App::release_episode`]) of a person
//! with a care contact records, in the same transaction: the pathway's
//! release step (with follow-up, unless the plan says the person declines
//! contact, see `continuum_domain::episode::pathway_step_at_release`), the
//! plan it ends, the checklist items missing then (a release is never
//! delayed by the plan), and the follow-up contacts due at 7 and 30 days.

use continuum_domain::audit::{Outcome, Purpose, format_instant};
use continuum_domain::episode::{ReleaseDraft, pathway_step_at_release};
use continuum_domain::ids::UserId;
use continuum_domain::pathway::{Command, Context, State};
use continuum_domain::policy::Action;
use continuum_domain::release::{
    Appointment, ChecklistFields, ChecklistItem, ContactChannel, ContactPreference, FOLLOW_UP_DAYS, HealthInsurance,
    Housing, Naloxone, OatBridging, OutsideService, ReleaseChecklist, due_date, had_care_contact, planning_horizon,
    step_for_expected_release,
};
use continuum_domain::validation::Problem;
use continuum_store::release_plans::{self, NewRelease, PlanFields, PlanRow, ReleaseRow};
use continuum_store::{Tx, organisations, people, sites};
use jiff::civil::Date;

use crate::access::Subject;
use crate::actor::{AccessPoint, Actor, Credential};
use crate::app::App;
use crate::error::{AppError, AppResult};
use crate::pathways::REASON_MAX_CHARS;
use crate::people::{Episode, Person};

/// How often the server sweeps for pathways due for release planning.
pub const SWEEP_EVERY: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// A release plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Id.
    pub id: i64,
    /// Version, to send back with a save.
    pub version: i64,
    /// The checklist.
    pub checklist: ReleaseChecklist,
    /// The outside service's name (the organisation's, or the one typed).
    pub service: Option<String>,
    /// Made (first saved), and by whom.
    pub created_at: String,
    /// See `created_at`.
    pub created_by: Option<String>,
    /// Last saved, and by whom.
    pub updated_at: String,
    /// See `updated_at`.
    pub updated_by: Option<String>,
}

/// A release as the pathway recorded it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseRecord {
    /// Id.
    pub id: i64,
    /// The day.
    pub release_date: String,
    /// Whether the person is followed up.
    pub with_follow_up: bool,
    /// When the plan it ended was made; `None`: released without a plan.
    pub plan_made_at: Option<String>,
    /// The checklist items missing at release.
    pub missing: Vec<ChecklistItem>,
    /// When recorded, and by whom.
    pub recorded_at: String,
    /// See `recorded_at`.
    pub recorded_by: Option<String>,
    /// Its follow-up contacts (none without follow-up), by due day.
    pub follow_ups: Vec<crate::follow_ups::FollowUp>,
}

/// An outside service to choose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    /// Organisation id.
    pub id: i64,
    /// Name.
    pub name: String,
}

/// A person's release planning: where the pathway stands, the open plan,
/// and the releases recorded.
#[derive(Debug, Clone)]
pub struct ReleasePlanning {
    /// The person.
    pub person: Person,
    /// Their current episode.
    pub episode: Option<Episode>,
    /// The pathway.
    pub pathway_id: i64,
    /// Its state.
    pub state: State,
    /// The open plan, once made.
    pub plan: Option<Plan>,
    /// The items of the open plan not answered yet (every item without a plan).
    pub missing: Vec<ChecklistItem>,
    /// The releases recorded, the newest first.
    pub releases: Vec<ReleaseRecord>,
    /// The outside services to choose from.
    pub services: Vec<Service>,
    /// Where the person's newest sent referral stands: whether the person
    /// reached the outside service, for the follow-up (issue 6, item 3).
    pub referral: Option<crate::referrals::ReferralOutcome>,
}

/// The checklist a stored plan holds.
fn checklist_of(row: &PlanRow) -> ReleaseChecklist {
    let service = match (row.service_organisation_id, &row.service_name) {
        (Some(id), _) => Some(OutsideService::Organisation(id)),
        (None, Some(name)) => Some(OutsideService::Named(name.clone())),
        (None, None) => None,
    };
    let appointment =
        match (row.appointment_date.as_deref().and_then(|d| d.parse::<Date>().ok()), &row.appointment_place) {
            (Some(date), Some(place)) => Some(Appointment { date, place: place.clone() }),
            _ => None,
        };
    let contact = match row.contact.as_deref() {
        Some("declines") => Some(ContactPreference::Declines),
        Some("agrees") => row
            .contact_channel
            .as_deref()
            .and_then(ContactChannel::from_code)
            .map(|channel| ContactPreference::Agrees { channel, detail: row.contact_detail.clone() }),
        _ => None,
    };
    ReleaseChecklist {
        service,
        appointment,
        oat_bridging: row.oat_bridging.as_deref().and_then(OatBridging::from_code),
        naloxone: row.naloxone.as_deref().and_then(Naloxone::from_code),
        housing: row.housing.as_deref().and_then(Housing::from_code),
        health_insurance: row.health_insurance.as_deref().and_then(HealthInsurance::from_code),
        contact,
    }
}

fn plan_of(row: PlanRow) -> Plan {
    let checklist = checklist_of(&row);
    Plan {
        id: row.id,
        version: row.version,
        service: row.service_organisation_name.or(row.service_name),
        checklist,
        created_at: row.created_at,
        created_by: row.created_by,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
    }
}

/// The missing items as stored (codes, comma-separated), and back.
fn missing_codes(items: &[ChecklistItem]) -> String {
    items.iter().map(|item| item.code()).collect::<Vec<_>>().join(",")
}

fn missing_items(codes: &str) -> Vec<ChecklistItem> {
    codes.split(',').filter_map(ChecklistItem::from_code).collect()
}

/// The columns of a checklist.
fn plan_fields(checklist: &ReleaseChecklist) -> (PlanFields<'_>, Option<String>) {
    let appointment_date = checklist.appointment.as_ref().map(|a| a.date.to_string());
    let (channel, detail) = match &checklist.contact {
        Some(ContactPreference::Agrees { channel, detail }) => (Some(channel.code()), detail.as_deref()),
        _ => (None, None),
    };
    let fields = PlanFields {
        service_organisation_id: match &checklist.service {
            Some(OutsideService::Organisation(id)) => Some(*id),
            _ => None,
        },
        service_name: match &checklist.service {
            Some(OutsideService::Named(name)) => Some(name),
            _ => None,
        },
        appointment_date: None,
        appointment_place: checklist.appointment.as_ref().map(|a| a.place.as_str()),
        oat_bridging: checklist.oat_bridging.map(OatBridging::code),
        naloxone: checklist.naloxone.map(Naloxone::code),
        housing: checklist.housing.map(Housing::code),
        health_insurance: checklist.health_insurance.map(HealthInsurance::code),
        contact: checklist.contact.as_ref().map(ContactPreference::code),
        contact_channel: channel,
        contact_detail: detail,
    };
    (fields, appointment_date)
}

fn release_record(
    row: ReleaseRow,
    plan_made_at: Option<String>,
    follow_ups: Vec<crate::follow_ups::FollowUp>,
) -> ReleaseRecord {
    ReleaseRecord {
        follow_ups,
        id: row.id,
        missing: missing_items(&row.missing_items),
        release_date: row.release_date,
        with_follow_up: row.with_follow_up,
        plan_made_at,
        recorded_at: row.recorded_at,
        recorded_by: row.recorded_by,
    }
}

/// The system, as the author of the sweep's steps in the audit trail.
fn system_actor() -> Actor {
    Actor {
        user_id: UserId(0),
        username: "system".into(),
        display_name: "Continuum (scheduled)".into(),
        language: continuum_domain::site::Language::En,
        grants: Vec::new(),
        sites: Vec::new(),
        site: None,
        organisation: None,
        credential: Credential::Operator,
        access: AccessPoint { ip: None, user_agent: Some("continuum-sweep".into()), request_id: None },
    }
}

/// Runs [`App::sweep_release_planning`] now and every [`SWEEP_EVERY`] until
/// the task is aborted.
pub fn spawn_release_planning_sweep(app: App) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(SWEEP_EVERY);
        loop {
            every.tick().await;
            match app.sweep_release_planning().await {
                Ok(moved) => tracing::info!(moved, "release planning sweep"),
                Err(error) => tracing::warn!(%error, "release planning sweep failed"),
            }
        }
    })
}

impl App {
    /// A person's release planning (see [`ReleasePlanning`]).
    pub async fn release_planning(&self, actor: &Actor, person_id: i64) -> AppResult<ReleasePlanning> {
        let gate = self.pathway_gate(actor, person_id, Action::ReadClinical, "release_plan.read").await?;
        let mut conn = self.store.reader().await?;
        let (_, pathway) = self.load_pathway(&mut conn, person_id).await?.ok_or(AppError::NotFound)?;
        let episode = people::episodes(&mut conn, person_id)
            .await?
            .into_iter()
            .find(|e| Some(e.id) == gate.person.current_episode_id);
        let plan = release_plans::open_plan(&mut conn, gate.team.pathway_id).await?;
        let contacts = continuum_store::follow_ups::of_pathway(&mut conn, gate.team.pathway_id).await?;
        let today = self.register_today();
        let mut releases = Vec::new();
        for row in release_plans::releases(&mut conn, gate.team.pathway_id).await? {
            let made = match row.plan_id {
                Some(id) => release_plans::plan(&mut conn, id).await?.map(|p| p.created_at),
                None => None,
            };
            let follow_ups = crate::follow_ups::follow_ups_of(&contacts, row.id, today);
            releases.push(release_record(row, made, follow_ups));
        }
        let services = release_plans::services(&mut conn).await?;
        let referral = self.latest_outcome(&mut conn, person_id).await?;
        drop(conn);
        self.audit_read(actor, gate.allowed, "release_plan.read", &gate.subject).await?;
        let plan = plan.map(plan_of);
        let missing = plan.as_ref().map_or_else(|| ChecklistItem::ALL.to_vec(), |p| p.checklist.missing());
        Ok(ReleasePlanning {
            person: gate.person,
            episode,
            pathway_id: gate.team.pathway_id,
            state: pathway.state(),
            plan,
            missing,
            releases,
            services: services.into_iter().map(|s| Service { id: s.id, name: s.name }).collect(),
            referral,
        })
    }

    /// Starts release planning now (release is announced), with the reason
    /// given; refused by the pathway unless it is at intake or in care.
    pub async fn start_release_planning(&self, actor: &Actor, person_id: i64, why: Option<&str>) -> AppResult<()> {
        let why = why.map(str::trim).filter(|w| !w.is_empty());
        if why.is_some_and(|w| w.chars().count() > REASON_MAX_CHARS) {
            return Err(AppError::field("why", Problem::TooLong { max: REASON_MAX_CHARS }));
        }
        let gate = self.pathway_gate(actor, person_id, Action::WriteClinical, "release_plan.start").await?;
        let mut tx = self.store.begin().await?;
        let (id, mut pathway) = self.load_pathway(&mut tx, person_id).await?.ok_or(AppError::NotFound)?;
        let context =
            Context { who: UserId(self.actor_id(actor).unwrap_or(0)), at: self.now(), why: why.map(str::to_owned) };
        self.step_pathway(&mut tx, id, &mut pathway, Command::PlanRelease, context)
            .await?
            .map_err(AppError::PathwayRefused)?;
        self.audit_change(&mut tx, actor, gate.allowed, "release_plan.start", &gate.subject).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Saves the checklist of the person's release plan, if nobody saved
    /// it since `version` (`0`: the plan is not made yet).
    pub async fn save_release_plan(
        &self,
        actor: &Actor,
        person_id: i64,
        version: i64,
        fields: &ChecklistFields<'_>,
    ) -> AppResult<()> {
        let gate = self.pathway_gate(actor, person_id, Action::WriteClinical, "release_plan.save").await?;
        let mut conn = self.store.reader().await?;
        let entry = match gate.person.current_episode_id {
            Some(id) => continuum_store::episodes::get(&mut conn, id).await?.map(|e| e.entry_date),
            None => None,
        };
        let entry = entry.and_then(|d| d.parse::<Date>().ok()).unwrap_or(Date::MIN);
        let checklist = ReleaseChecklist::parse(fields, entry)?;
        if let Some(OutsideService::Organisation(id)) = &checklist.service {
            let known = organisations::get(&mut conn, *id).await?.is_some_and(|o| o.active && o.kind != "prison");
            if !known {
                return Err(AppError::field("service", Problem::UnknownOrganisation));
            }
        }
        drop(conn);
        let (columns, appointment_date) = plan_fields(&checklist);
        let columns = PlanFields { appointment_date: appointment_date.as_deref(), ..columns };
        let mut tx = self.store.begin().await?;
        let (id, pathway) = self.load_pathway(&mut tx, person_id).await?.ok_or(AppError::NotFound)?;
        if pathway.state() != State::Active(continuum_domain::pathway::Stage::ReleasePlanning) {
            return Err(AppError::Conflict("release-plan-not-planning"));
        }
        let at = format_instant(self.now());
        let by = self.actor_id(actor);
        match release_plans::open_plan(&mut tx, id).await? {
            None if version == 0 => {
                release_plans::insert_plan(&mut tx, id, &columns, &at, by).await.map_err(|error| match error {
                    continuum_store::StoreError::Unique(_) => AppError::Conflict("changed-meanwhile"),
                    other => other.into(),
                })?;
            }
            Some(plan) if release_plans::update_plan(&mut tx, plan.id, version, &columns, &at, by).await? => {}
            _ => return Err(AppError::Conflict("changed-meanwhile")),
        }
        self.audit_change(&mut tx, actor, gate.allowed, "release_plan.save", &gate.subject).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Moves a pathway at intake or in care to release planning when its
    /// person's `expected` release is due (a change of the episode), as the
    /// step of the user `who`, inside the caller's transaction.
    pub(crate) async fn plan_release_if_due(
        &self,
        tx: &mut Tx,
        person_id: i64,
        expected: Option<Date>,
        who: Option<i64>,
    ) -> AppResult<()> {
        if let Some((id, mut pathway)) = self.load_pathway(tx, person_id).await?
            && let Some(command) = step_for_expected_release(pathway.state(), expected, self.register_today())
        {
            let context = Context { who: UserId(who.unwrap_or(0)), at: self.now(), why: None };
            self.step_pathway(tx, id, &mut pathway, command, context).await?.map_err(|refusal| {
                AppError::Internal(anyhow::anyhow!("release planning refused after a date change: {refusal}"))
            })?;
        }
        Ok(())
    }

    /// What a release recorded in the register does to the person's
    /// pathway, inside the caller's transaction (see the module's rules).
    pub(crate) async fn pathway_at_release(
        &self,
        tx: &mut Tx,
        person: &Person,
        episode_id: i64,
        release: &ReleaseDraft,
        context: Context,
    ) -> AppResult<()> {
        let Some((pathway_id, mut pathway)) = self.load_pathway(tx, person.id).await? else {
            return Ok(());
        };
        let plan = release_plans::open_plan(tx, pathway_id).await?;
        let checklist = plan.as_ref().map(checklist_of).unwrap_or_default();
        let cared = had_care_contact(pathway.state());
        let Some(command) = pathway_step_at_release(release.kind, pathway.state(), checklist.follow_up_wanted()) else {
            return Ok(());
        };
        let at = format_instant(context.at);
        let by = (context.who.0 != 0).then_some(context.who.0);
        self.step_pathway(tx, pathway_id, &mut pathway, command, context)
            .await?
            .map_err(|refusal| AppError::Internal(anyhow::anyhow!("the release's pathway step refused: {refusal}")))?;
        let plan_id = release_plans::close_open_plan(tx, pathway_id, &at).await?;
        if let (Command::Release { with_follow_up }, true) = (command, cared) {
            let due: Vec<(i64, String)> = if with_follow_up {
                FOLLOW_UP_DAYS.iter().map(|days| (*days, due_date(release.date, *days).to_string())).collect()
            } else {
                Vec::new()
            };
            let missing = missing_codes(&checklist.missing());
            let date = release.date.to_string();
            let record = NewRelease {
                pathway_id,
                episode_id,
                site_id: person.site_id,
                release_date: &date,
                with_follow_up,
                plan_id,
                missing_items: &missing,
            };
            release_plans::insert_release(tx, &record, &due, &at, by).await?;
        }
        Ok(())
    }

    /// Moves every pathway due for release planning there (see the
    /// module's rules); answers how many moved.
    pub async fn sweep_release_planning(&self) -> AppResult<usize> {
        let today = self.register_today();
        let horizon = planning_horizon(today).to_string();
        let mut conn = self.store.reader().await?;
        let sites = sites::list(&mut conn).await?;
        let mut due = Vec::new();
        for site in &sites {
            for row in release_plans::due_for_planning(&mut conn, site.id, &horizon).await? {
                due.push((site.code.clone(), row));
            }
        }
        drop(conn);
        let mut moved = 0;
        for (site, row) in due {
            match self.plan_due_release(&site, row.person_id, row.pathway_id, today).await {
                Ok(true) => moved += 1,
                Ok(false) => {}
                Err(error) => {
                    tracing::warn!(pathway = row.pathway_id, %error, "release planning sweep skipped a pathway");
                }
            }
        }
        Ok(moved)
    }

    /// Moves one pathway to release planning if it is still due, in its own
    /// transaction, audited as the system's.
    async fn plan_due_release(&self, site: &str, person_id: i64, pathway_id: i64, today: Date) -> AppResult<bool> {
        let mut tx = self.store.begin().await?;
        let Some((id, mut pathway)) = self.load_pathway(&mut tx, person_id).await? else {
            return Ok(false);
        };
        let person = people::get(&mut tx, person_id).await?;
        let episode = match person.and_then(|p| p.current_episode_id) {
            Some(episode) => continuum_store::episodes::get(&mut tx, episode).await?,
            None => None,
        };
        let expected = episode
            .filter(|e| e.release_date.is_none())
            .and_then(|e| e.expected_release)
            .and_then(|d| d.parse::<Date>().ok());
        let Some(command) = step_for_expected_release(pathway.state(), expected, today).filter(|_| id == pathway_id)
        else {
            return Ok(false);
        };
        let context = Context { who: UserId(0), at: self.now(), why: None };
        if self.step_pathway(&mut tx, id, &mut pathway, command, context).await?.is_err() {
            return Ok(false);
        }
        let subject =
            Subject { person_id: Some(person_id), ..Subject::record("pathway", id) }.at_site(Some(site.into()));
        let entry =
            self.entry(&system_actor(), "release_plan.start", Outcome::Allowed, Purpose::Treatment, None, &subject);
        self.append_in(&mut tx, vec![entry]).await?;
        tx.commit().await?;
        Ok(true)
    }
}
