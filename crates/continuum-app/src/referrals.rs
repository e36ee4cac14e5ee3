//! Referrals (issue 6, items 3 and 4): written and sent by the care team of
//! the person's prison to a service of the directory; answered, given an
//! appointment and attendance by the outside provider of the service's
//! organisation, or by the care team on its behalf. The rules of a referral
//! are the domain's (`continuum_domain::referral`).
//!
//! Rules chosen here:
//! - **Who, for the care team.** A referral's content is clinical data:
//!   the care workers and the medical service of the person's (current)
//!   prison read it (`ReadClinical`), write and send it (`WriteClinical`)
//!   and record the service's answer (`UpdateReferral`). Another prison's
//!   referral answers "not found", as an unknown id.
//! - **Who, for an outside provider.** A referral sent to the actor's
//!   organisation is the relationship `ReferredToActorOrganisation`; the
//!   policy then asks the person's consents for that organisation, on every
//!   request: the referral itself and its status under the section
//!   `identity` (without it the provider sees nothing at all), each other
//!   section shared only where a consent covers it now. A draft is never
//!   shown to the provider. A withdrawn or expired consent therefore answers
//!   the next request with "not found", and the refusal is audited with the
//!   missing consent. The provider reads (`ReadClinical`) and takes the
//!   service's steps (`UpdateReferral`), never sends or closes.
//! - **Sending without consent** is refused naming each missing consent
//!   ([`Sending::ConsentMissing`]); the attempt is audited as refused.
//! - **A service that does not fit** the person is a warning to confirm
//!   ([`Creation::ToConfirm`]); what was confirmed is kept with the referral.
//! - **Lists** show one audit row per person shown.
//! - **The latest outcome** of a person's referrals
//!   ([`App::latest_referral_outcome`]) is what the follow-up after release
//!   reads: whether the person reached the service.

use std::collections::HashMap;

use continuum_domain::audit::{Outcome, format_instant};
use continuum_domain::consent::{self, Consent, Recipient, Section, Verdict};
use continuum_domain::ids::{OrganisationId, SiteId};
use continuum_domain::policy::{Action, ConsentInput, Decision, Grounds, Relationship, Target, decide};
use continuum_domain::referral::{
    self, CoverageWarning, Overdue, Party, ReferralStatus, Step, Timeline, Urgency, parse_local_time,
};
use continuum_store::StoreError;
use continuum_store::referrals::{self, EventRow, ReferralRow};
use jiff::Timestamp;
use jiff::civil::DateTime;

use crate::access::{Allowed, Subject};
use crate::actor::Actor;
use crate::app::App;
use crate::consents::{consent_of, consents_of_person};
use crate::error::{AppError, AppResult};
use crate::{Listing, Paging};

mod changes;
mod providers;
mod shared;

pub use changes::{Creation, Sending};
pub use shared::{AppointmentLine, IdentityView, MedicationLine, ScreeningLine, SharedContent};

/// One change of a referral: what, when, by whom, as which party.
pub type ReferralEvent = EventRow;

/// A referral as stored, read into the domain's terms.
#[derive(Debug, Clone)]
pub struct Referral {
    /// The stored referral, with the names of the person, service and organisation.
    pub row: ReferralRow,
    /// Where it stands.
    pub status: ReferralStatus,
    /// How soon.
    pub urgency: Urgency,
    /// The sections shared.
    pub sections: Vec<Section>,
    /// The coverage warnings confirmed when it was written.
    pub coverage_confirmed: Vec<CoverageWarning>,
    /// The appointment, Belgian wall-clock time.
    pub appointment: Option<DateTime>,
    /// Why it is overdue now, if it is.
    pub overdue: Option<Overdue>,
}

/// One referral as a reader sees it.
#[derive(Debug, Clone)]
pub struct ReferralRecord {
    /// The referral.
    pub referral: Referral,
    /// Every change, in order.
    pub events: Vec<EventRow>,
    /// How the reader stands to it: the care team, or the provider.
    pub party: Party,
    /// The steps the reader may take now (sending included for the care team).
    pub steps: Vec<Step>,
    /// For each section shared, whether the person's consents let the
    /// organisation read it now.
    pub sharing: Vec<(Section, Verdict)>,
    /// What the provider is shown of the sections its consent covers now
    /// (empty for the care team, which reads the person's file itself).
    pub shared: SharedContent,
}

/// What a list of referrals is limited to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReferralFilter {
    /// Only this status.
    pub status: Option<ReferralStatus>,
    /// Only overdue referrals.
    pub overdue: bool,
    /// Only the care team's referrals of the people at this prison (the
    /// worklist's).
    pub site: Option<SiteId>,
}

/// The latest outcome of a person's referrals, for the follow-up after
/// release: the service, where the referral stands and the appointment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralOutcome {
    /// The referral.
    pub referral_id: i64,
    /// The service's name.
    pub service: String,
    /// Its organisation's name.
    pub organisation: String,
    /// Where it stands.
    pub status: ReferralStatus,
    /// The appointment, Belgian wall-clock time.
    pub appointment: Option<DateTime>,
    /// Whether the person came: `Some(true)` attended, `Some(false)` not
    /// attended, `None` not (yet) recorded.
    pub attended: Option<bool>,
    /// When the present status was recorded.
    pub since: String,
}

/// A referral's status as the psychosocial service may know it: never the
/// service, the reason or anything shared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralStatusLine {
    /// Where it stands.
    pub status: ReferralStatus,
    /// The day it was sent.
    pub sent_on: Option<jiff::civil::Date>,
    /// The day of the present status.
    pub since: jiff::civil::Date,
}

/// The domain's reading of a stored referral, at `now`.
pub(crate) fn referral_of(row: ReferralRow, now: Timestamp) -> AppResult<Referral> {
    let corrupt = |what: &str| AppError::from(StoreError::Corrupt(format!("referral {}: {what}", row.id)));
    let status = ReferralStatus::parse(&row.status).ok_or_else(|| corrupt("status"))?;
    let urgency = Urgency::parse(&row.urgency).ok_or_else(|| corrupt("urgency"))?;
    let sections = codes(&row.sections, Section::parse).ok_or_else(|| corrupt("sections"))?;
    let coverage_confirmed = codes(&row.coverage_confirmed, |c| {
        [CoverageWarning::PrisonNotCovered, CoverageWarning::LanguageNotSpoken].into_iter().find(|w| w.code() == c)
    })
    .ok_or_else(|| corrupt("coverage"))?;
    let appointment = row.appointment_at.as_deref().map(parse_local_time);
    let appointment = appointment.map(|a| a.ok_or_else(|| corrupt("appointment"))).transpose()?;
    let status_since = row.status_since.parse::<Timestamp>().map_err(|_| corrupt("status_since"))?;
    let overdue = referral::overdue(Timeline { status, urgency, status_since, appointment }, now);
    Ok(Referral { row, status, urgency, sections, coverage_confirmed, appointment, overdue })
}

fn codes<T>(stored: &str, parse: impl Fn(&str) -> Option<T>) -> Option<Vec<T>> {
    stored.split(',').filter(|c| !c.is_empty()).map(parse).collect()
}

/// The relationships of the actor to a referral: the referral, once sent,
/// to the actor's own organisation.
pub(crate) fn relationships(actor: &Actor, row: &ReferralRow) -> Vec<Relationship> {
    let organisation = OrganisationId(row.organisation_id);
    let sent = ReferralStatus::parse(&row.status).is_some_and(ReferralStatus::is_sent);
    if sent && actor.organisation == Some(organisation) {
        vec![Relationship::ReferredToActorOrganisation(organisation)]
    } else {
        Vec::new()
    }
}

/// How a reader allowed on `grounds` stands to a referral.
pub(crate) fn party_of(grounds: Grounds) -> Party {
    match grounds {
        Grounds::Referral(_) => Party::Provider,
        _ => Party::CareTeam,
    }
}

pub(crate) fn referral_subject(row: &ReferralRow) -> Subject {
    Subject { person_id: Some(row.person_id), ..Subject::record("referral", row.id) }
        .at_site(Some(row.person_site.clone()))
}

impl App {
    /// The referral with this id and the person's consents (none when no
    /// such referral).
    pub(crate) async fn referral_and_consents(&self, id: i64) -> AppResult<(Option<ReferralRow>, Vec<Consent>)> {
        let mut conn = self.store.reader().await?;
        let row = referrals::get(&mut conn, id).await?;
        let consents = match &row {
            Some(row) => consents_of_person(&mut conn, row.person_id).await?,
            None => Vec::new(),
        };
        Ok((row, consents))
    }

    /// Asks the policy for `action` on a referral, reading `section` (see
    /// the module's rules). An unknown id is "not found", after the
    /// question whether the actor may do the action at all.
    pub(crate) async fn authorize_referral(
        &self,
        actor: &Actor,
        action: Action,
        row: Option<&ReferralRow>,
        consents: &[Consent],
        event: &str,
    ) -> AppResult<Allowed> {
        self.permit(actor, action, event).await?;
        let row = row.ok_or(AppError::NotFound)?;
        let relationships = relationships(actor, row);
        let input = ConsentInput { consents, section: Section::Identity, at: self.now() };
        let target = Target::person(SiteId(row.person_site_id), &relationships, input);
        self.authorize(actor, action, target, event, &referral_subject(row)).await
    }

    /// One referral, as the reader may see it: the care team with the
    /// consent verdicts of what is shared, the provider with what its
    /// consents cover now.
    pub async fn get_referral(&self, actor: &Actor, id: i64) -> AppResult<ReferralRecord> {
        let (row, consents) = self.referral_and_consents(id).await?;
        let allowed =
            self.authorize_referral(actor, Action::ReadClinical, row.as_ref(), &consents, "referral.read").await?;
        let row = row.ok_or(AppError::NotFound)?;
        let now = self.now();
        let party = party_of(allowed.grounds);
        let relationships = relationships(actor, &row);
        let target = |section| {
            Target::person(
                SiteId(row.person_site_id),
                &relationships,
                ConsentInput { consents: &consents, section, at: now },
            )
        };
        let recipient = Recipient::Organisation(OrganisationId(row.organisation_id));
        let sections = codes(&row.sections, Section::parse).unwrap_or_default();
        let sharing: Vec<(Section, Verdict)> =
            sections.iter().map(|s| (*s, consent::check(&consents, recipient, *s, now))).collect();
        let readable: Vec<Section> = match party {
            Party::Provider => sections
                .iter()
                .copied()
                .filter(|s| decide(&actor.grants, Action::ReadClinical, target(*s)).is_allowed())
                .collect(),
            Party::CareTeam => Vec::new(),
        };
        let may_update = decide(&actor.grants, Action::UpdateReferral, target(Section::Identity)).is_allowed();
        let may_write = decide(&actor.grants, Action::WriteClinical, target(Section::Identity)).is_allowed();
        let mut conn = self.store.reader().await?;
        let events = referrals::events(&mut conn, id).await?;
        let shared = shared::content(&mut conn, &row, &readable).await?;
        drop(conn);
        let referral = referral_of(row, now)?;
        let steps = Step::available(referral.status, party)
            .into_iter()
            .filter(|step| if step.care_team_only() { may_write } else { may_update })
            .collect();
        let subject = referral_subject(&referral.row);
        let mut entry =
            self.entry(actor, "referral.read", Outcome::Allowed, allowed.purpose(), allowed.role(), &subject);
        entry.reason = allowed.consent_note().map(|note| {
            let shown: Vec<&str> = readable.iter().map(|s| s.code()).collect();
            format!("{note} sections={}", shown.join(","))
        });
        self.audit.write(vec![entry]).await?;
        Ok(ReferralRecord { referral, events, party, steps, sharing, shared })
    }

    /// A person's referrals, the newest first (the care team of the
    /// person's prison).
    pub async fn person_referrals(&self, actor: &Actor, person_id: i64) -> AppResult<Vec<Referral>> {
        let mut conn = self.store.reader().await?;
        let person = continuum_store::people::get(&mut conn, person_id).await?;
        let site = person.as_ref().map(|p| SiteId(p.site_id));
        let subject = Subject { person_id: Some(person_id), ..Subject::record("person", person_id) };
        let allowed = self.authorize_record(actor, Action::ReadClinical, site, "referral.list", &subject).await?;
        let rows = referrals::of_person(&mut conn, person_id).await?;
        drop(conn);
        let now = self.now();
        let items = rows.into_iter().map(|row| referral_of(row, now)).collect::<AppResult<Vec<_>>>()?;
        let subject = subject.at_site(site.and_then(|s| actor.site_code(s)));
        self.audit_read(actor, allowed, "referral.list", &subject).await?;
        Ok(items)
    }

    /// The referrals the reader may see, the newest first: for the care
    /// team those of the people at its prisons (the one acted for, when
    /// chosen); for an outside provider those sent to its organisation
    /// whose person's consents let it read them now.
    pub async fn list_referrals(
        &self,
        actor: &Actor,
        filter: ReferralFilter,
        paging: Paging,
    ) -> AppResult<Listing<Referral>> {
        self.permit(actor, Action::ReadClinical, "referral.list").await?;
        let now = self.now();
        let mut conn = self.store.reader().await?;
        let (shown, total) = match actor.organisation.filter(|_| actor.is_outside_provider()) {
            Some(organisation) => {
                let rows = referrals::sent_to_organisation(&mut conn, organisation.0).await?;
                let ids: Vec<i64> = rows.iter().map(|r| r.person_id).collect();
                let mut by_person: HashMap<i64, Vec<Consent>> = HashMap::new();
                for row in continuum_store::consents::of_people(&mut conn, &ids).await? {
                    by_person.entry(row.person_id).or_default().push(consent_of(&row)?);
                }
                let none = Vec::new();
                let mut readable = Vec::new();
                for row in rows {
                    let consents = by_person.get(&row.person_id).unwrap_or(&none);
                    let relationships = relationships(actor, &row);
                    let input = ConsentInput { consents, section: Section::Identity, at: now };
                    let target = Target::person(SiteId(row.person_site_id), &relationships, input);
                    if let Decision::Allow(grounds) = decide(&actor.grants, Action::ReadClinical, target) {
                        readable.push((referral_of(row, now)?, grounds));
                    }
                }
                let readable: Vec<(Referral, Grounds)> =
                    readable.into_iter().filter(|(r, _)| filter.admits(r)).collect();
                let total = i64::try_from(readable.len()).unwrap_or(i64::MAX);
                (page_of(readable, paging), total)
            }
            None => {
                let sites = self.care_team_sites(actor, filter.site);
                let (rows, total) = if filter.overdue {
                    let rows = referrals::waiting_at_sites(&mut conn, &sites).await?;
                    (rows, None)
                } else {
                    let status = filter.status.map(ReferralStatus::code);
                    let (rows, total) = referrals::at_sites(&mut conn, &sites, status, paging.to_store()).await?;
                    (rows, Some(total))
                };
                let mut items = Vec::new();
                for row in rows {
                    let site = Target::site(SiteId(row.person_site_id));
                    let Decision::Allow(grounds) = decide(&actor.grants, Action::ReadClinical, site) else {
                        continue;
                    };
                    let referral = referral_of(row, now)?;
                    if filter.admits(&referral) {
                        items.push((referral, grounds));
                    }
                }
                match total {
                    Some(total) => (items, total),
                    None => {
                        let total = i64::try_from(items.len()).unwrap_or(i64::MAX);
                        (page_of(items, paging), total)
                    }
                }
            }
        };
        drop(conn);
        let entries: Vec<_> = shown
            .iter()
            .map(|(referral, grounds)| {
                let allowed = Allowed { grounds: *grounds, action: Action::ReadClinical };
                let subject = referral_subject(&referral.row);
                let mut entry =
                    self.entry(actor, "referral.list", Outcome::Allowed, allowed.purpose(), allowed.role(), &subject);
                entry.reason = allowed.consent_note();
                entry
            })
            .collect();
        // A page without referrals read nothing personal: nothing to audit.
        if !entries.is_empty() {
            self.audit.write(entries).await?;
        }
        Ok(Listing::new(shown.into_iter().map(|(r, _)| r).collect(), total, paging))
    }

    /// The prisons whose referrals the care team lists: `only` if the actor
    /// reads clinical data there, else the one acted for when chosen, else
    /// every one where the actor reads clinical data.
    fn care_team_sites(&self, actor: &Actor, only: Option<SiteId>) -> Vec<i64> {
        let sites = actor.sites_where(Action::ReadClinical);
        if let Some(only) = only {
            return sites.into_iter().filter(|s| *s == only).map(|s| s.0).collect();
        }
        match &actor.site {
            Some(acting) if sites.contains(&acting.id) => vec![acting.id.0],
            _ => sites.into_iter().map(|s| s.0).collect(),
        }
    }

    /// The latest outcome of a person's referrals that were sent (the
    /// newest such referral), for the follow-up after release; `None` when
    /// none was sent. The care team of the person's prison.
    pub async fn latest_referral_outcome(&self, actor: &Actor, person_id: i64) -> AppResult<Option<ReferralOutcome>> {
        let mut conn = self.store.reader().await?;
        let person = continuum_store::people::get(&mut conn, person_id).await?;
        let site = person.as_ref().map(|p| SiteId(p.site_id));
        let subject = Subject { person_id: Some(person_id), ..Subject::record("person", person_id) };
        let allowed = self.authorize_record(actor, Action::ReadClinical, site, "referral.outcome", &subject).await?;
        let latest = self.latest_outcome(&mut conn, person_id).await?;
        drop(conn);
        let subject = subject.at_site(site.and_then(|s| actor.site_code(s)));
        self.audit_read(actor, allowed, "referral.outcome", &subject).await?;
        Ok(latest)
    }

    /// The outcome of the person's newest sent referral, for a use case
    /// that checked the access to the person's clinical records.
    pub(crate) async fn latest_outcome(
        &self,
        conn: &mut continuum_store::Conn,
        person_id: i64,
    ) -> AppResult<Option<ReferralOutcome>> {
        let rows = referrals::of_person(conn, person_id).await?;
        let now = self.now();
        let latest = rows
            .into_iter()
            .map(|row| referral_of(row, now))
            .collect::<AppResult<Vec<_>>>()?
            .into_iter()
            .filter(|r| r.status.is_sent())
            .max_by(|a, b| (a.row.sent_at.as_deref(), a.row.id).cmp(&(b.row.sent_at.as_deref(), b.row.id)));
        Ok(latest.map(|r| ReferralOutcome {
            referral_id: r.row.id,
            service: r.row.service.clone(),
            organisation: r.row.organisation.clone(),
            status: r.status,
            appointment: r.appointment,
            attended: match r.status {
                ReferralStatus::Attended => Some(true),
                ReferralStatus::NotAttended => Some(false),
                _ => None,
            },
            since: r.row.status_since,
        }))
    }

    /// The status of a person's sent referrals, for the psychosocial service
    /// where the person consented to share it with the service (section
    /// `referral_status`), and for the care team of the person's prison;
    /// nothing of the referrals' content.
    pub async fn referral_statuses(&self, actor: &Actor, person_id: i64) -> AppResult<Vec<ReferralStatusLine>> {
        self.permit(actor, Action::ReadParticipation, "referral.status_read").await?;
        let mut conn = self.store.reader().await?;
        let person = continuum_store::people::get(&mut conn, person_id).await?.filter(|p| p.merged_into.is_none());
        let consents = consents_of_person(&mut conn, person_id).await?;
        drop(conn);
        let subject = Subject { person_id: Some(person_id), ..Subject::record("person", person_id) };
        let site = person.as_ref().map(|p| SiteId(p.site_id)).ok_or(AppError::NotFound)?;
        let input = ConsentInput { consents: &consents, section: Section::ReferralStatus, at: self.now() };
        let target = Target::person(site, &[], input);
        let allowed =
            self.authorize(actor, Action::ReadParticipation, target, "referral.status_read", &subject).await?;
        let mut conn = self.store.reader().await?;
        let rows = referrals::of_person(&mut conn, person_id).await?;
        drop(conn);
        let day = |at: &str| at.parse::<Timestamp>().ok().map(consent::belgian_date);
        let lines = rows
            .iter()
            .filter_map(|row| {
                let status = ReferralStatus::parse(&row.status).filter(|s| s.is_sent())?;
                Some(ReferralStatusLine {
                    status,
                    sent_on: row.sent_at.as_deref().and_then(day),
                    since: day(&row.status_since)?,
                })
            })
            .collect();
        let subject = subject.at_site(actor.site_code(site));
        self.audit_read(actor, allowed, "referral.status_read", &subject).await?;
        Ok(lines)
    }
}

impl ReferralFilter {
    fn admits(&self, referral: &Referral) -> bool {
        self.status.is_none_or(|s| s == referral.status) && (!self.overdue || referral.overdue.is_some())
    }
}

/// One page of a list held whole.
fn page_of<T>(items: Vec<T>, paging: Paging) -> Vec<T> {
    let page = paging.to_store();
    let start = usize::try_from(page.offset).unwrap_or(usize::MAX);
    items.into_iter().skip(start).take(usize::try_from(page.limit).unwrap_or(0)).collect()
}

/// The instant now, as stored.
pub(crate) fn stored_now(app: &App) -> String {
    format_instant(app.now())
}
