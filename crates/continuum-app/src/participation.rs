//! The psychosocial service's view (issue 6, item 5): whether a person
//! takes part in the programme, only where the person consented to share
//! that with the service; never clinical content.
//!
//! Rules chosen here:
//! - **Who.** `ReadParticipation`: the psychosocial service of the person's
//!   prison, decided by the policy on the person's consents at the time of
//!   the request (a sharing consent with the psychosocial service covering
//!   `participation`, granted, in force, not withdrawn); the care team of
//!   the person's prison by its role.
//! - **What is told.** Takes part or not ([`Participation`]) and since when
//!   (the day of the intake), with the person's name and prison number.
//!   Not the stage, not a screening, not a reason of closing. Referral
//!   status is added here by the referrals, under the section
//!   `referral_status`.
//! - **The list** shows the people of the reader's prisons (the one acted
//!   for, when chosen) whose consent lets the psychosocial service see
//!   their participation now. The care team sees the same list: what the
//!   psychosocial service sees. Each person shown is one audit row.
//! - **A person the reader may not see** (no consent, refused, withdrawn,
//!   expired, another prison, unknown id) answers "not found"; the refusal
//!   is audited with the missing consent.

use std::collections::HashMap;

use continuum_domain::audit::Outcome;
use continuum_domain::consent::{self, Consent, Recipient, Section};
use continuum_domain::ids::SiteId;
use continuum_domain::participation::Participation;
use continuum_domain::pathway::{Stage, State};
use continuum_domain::policy::{Action, ConsentInput, Decision, Target, decide};
use continuum_store::people::PersonListRow;
use continuum_store::{consents, participation, people};
use jiff::Timestamp;

use crate::access::{Allowed, Subject};
use crate::actor::Actor;
use crate::app::App;
use crate::consents::consent_of;
use crate::error::{AppError, AppResult};
use crate::{Listing, Paging};

/// What a reader of participation sees of one person.
#[derive(Debug, Clone)]
pub struct ParticipationView {
    /// The person: name, prison, current prison number.
    pub person: PersonListRow,
    /// Whether the person takes part.
    pub participation: Participation,
    /// The day of the intake, while the person takes part.
    pub since: Option<jiff::civil::Date>,
}

/// The participation of a pathway state code (no pathway: none).
fn participation_of(state: Option<&str>) -> Participation {
    state
        .and_then(Stage::from_code)
        .map_or(Participation::DoesNotTakePart, |stage| Participation::of(State::Active(stage)))
}

fn view(person: PersonListRow, state: Option<&participation::PathwayStateRow>) -> ParticipationView {
    let participation = participation_of(state.map(|s| s.state.as_str()));
    let since = state
        .and_then(|s| s.intake_at.as_deref())
        .filter(|_| participation == Participation::TakesPart)
        .and_then(|at| at.parse::<Timestamp>().ok())
        .map(consent::belgian_date);
    ParticipationView { person, participation, since }
}

impl App {
    /// Whether one person takes part, for a reader who may know.
    pub async fn person_participation(&self, actor: &Actor, person_id: i64) -> AppResult<ParticipationView> {
        self.permit(actor, Action::ReadParticipation, "participation.read").await?;
        let mut conn = self.store.reader().await?;
        let line = participation::person_line(&mut conn, person_id).await?;
        let site = match &line {
            Some(_) => people::get(&mut conn, person_id).await?.map(|p| SiteId(p.site_id)),
            None => None,
        };
        let consents = crate::consents::consents_of_person(&mut conn, person_id).await?;
        drop(conn);
        let subject = Subject { person_id: Some(person_id), ..Subject::record("person", person_id) };
        let site = site.ok_or(AppError::NotFound)?;
        let now = self.now();
        let input = ConsentInput { consents: &consents, section: Section::Participation, at: now };
        let target = Target::person(site, &[], input);
        let allowed = self.authorize(actor, Action::ReadParticipation, target, "participation.read", &subject).await?;
        let line = line.ok_or(AppError::NotFound)?;
        let mut conn = self.store.reader().await?;
        let states = participation::current_states(&mut conn, &[person_id]).await?;
        drop(conn);
        let subject = subject.at_site(Some(line.site_code.clone()));
        self.audit_read(actor, allowed, "participation.read", &subject).await?;
        Ok(view(line, states.first()))
    }

    /// The people of the actor's prisons whose participation the
    /// psychosocial service may see now, by name.
    pub async fn shared_participation(&self, actor: &Actor, paging: Paging) -> AppResult<Listing<ParticipationView>> {
        self.permit(actor, Action::ReadParticipation, "participation.list").await?;
        let possible: Vec<SiteId> = actor
            .sites
            .iter()
            .map(|s| s.id)
            .filter(|site| continuum_domain::policy::possible(&actor.grants, Action::ReadParticipation, Some(*site)))
            .collect();
        let sites: Vec<i64> = match &actor.site {
            Some(acting) if possible.contains(&acting.id) => vec![acting.id.0],
            _ => possible.iter().map(|s| s.0).collect(),
        };
        let mut conn = self.store.reader().await?;
        let candidates = consents::shared_with_psychosocial_service(&mut conn, &sites).await?;
        let ids: Vec<i64> = candidates.iter().map(|c| c.id).collect();
        let mut by_person: HashMap<i64, Vec<Consent>> = HashMap::new();
        for row in consents::of_people(&mut conn, &ids).await? {
            by_person.entry(row.person_id).or_default().push(consent_of(&row)?);
        }
        let site_ids: HashMap<String, SiteId> = actor.sites.iter().map(|s| (s.code.clone(), s.id)).collect();
        let now = self.now();
        let none = Vec::new();
        let mut shown: Vec<(PersonListRow, Allowed)> = Vec::new();
        for person in candidates {
            let consents = by_person.get(&person.id).unwrap_or(&none);
            let shared = consent::check(consents, Recipient::PsychosocialService, Section::Participation, now);
            let Some(site) = site_ids.get(&person.site_code).copied() else { continue };
            let input = ConsentInput { consents, section: Section::Participation, at: now };
            let decision = decide(&actor.grants, Action::ReadParticipation, Target::person(site, &[], input));
            if let (true, Decision::Allow(grounds)) = (shared.is_allowed(), decision) {
                shown.push((person, Allowed { grounds, action: Action::ReadParticipation }));
            }
        }
        let total = i64::try_from(shown.len()).unwrap_or(i64::MAX);
        let page = paging.to_store();
        let start = usize::try_from(page.offset).unwrap_or(usize::MAX);
        let page_rows: Vec<(PersonListRow, Allowed)> =
            shown.into_iter().skip(start).take(usize::try_from(page.limit).unwrap_or(0)).collect();
        let ids: Vec<i64> = page_rows.iter().map(|(p, _)| p.id).collect();
        let states = participation::current_states(&mut conn, &ids).await?;
        drop(conn);
        let entries = page_rows
            .iter()
            .map(|(person, allowed)| {
                let subject = Subject { person_id: Some(person.id), ..Subject::record("person", person.id) }
                    .at_site(Some(person.site_code.clone()));
                let mut entry = self.entry(
                    actor,
                    "participation.list",
                    Outcome::Allowed,
                    allowed.purpose(),
                    allowed.role(),
                    &subject,
                );
                entry.reason = allowed.consent_note();
                entry
            })
            .collect::<Vec<_>>();
        // A page without people read nothing personal: nothing to audit.
        if !entries.is_empty() {
            self.audit.write(entries).await?;
        }
        let items = page_rows
            .into_iter()
            .map(|(person, _)| {
                let state = states.iter().find(|s| s.person_id == person.id);
                view(person, state)
            })
            .collect();
        Ok(Listing::new(items, total, paging))
    }
}
