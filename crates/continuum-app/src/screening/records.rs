//! Reading whole screenings: the answers given, which items are asked, and
//! the scores once completed, for the JSON API and FHIR; and the instrument
//! definitions themselves.
//!
//! Rules: answers and scores are clinical, so reading them needs
//! `ReadClinical`: at the site where the screening was given for one
//! screening (another site's screening is "not found"), at the person's
//! site for all of a person's screenings (as the list on the person's
//! page). Every screening read is audited, one row each. Scores are
//! recomputed from the stored answers with the instrument version the
//! screening was started with. Instrument definitions hold no personal
//! data: anyone who may see reference data may read them.

use continuum_domain::audit::Outcome;
use continuum_domain::ids::SiteId;
use continuum_domain::instrument::{Answers, Instrument, ItemKey, ScreeningResult, applicable_items, next_item, score};
use continuum_domain::policy::Action;
use continuum_store::{people, screenings};

use super::{Screening, scoring_sex};
use crate::access::Subject;
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};

/// One screening with everything recorded in it.
#[derive(Debug, Clone)]
pub struct ScreeningRecord<'a> {
    /// The screening.
    pub screening: Screening,
    /// The instrument version it was started with.
    pub instrument: &'a Instrument,
    /// The answers (and names of named groups) saved so far.
    pub answers: Answers,
    /// The items asked given these answers, in administration order.
    pub applicable: Vec<ItemKey>,
    /// The first item asked and not answered; `None` when every item asked
    /// is answered or the screening is completed.
    pub next: Option<ItemKey>,
    /// The scores, once the screening is completed.
    pub result: Option<ScreeningResult>,
}

impl ScreeningRecord<'_> {
    /// How many of the items asked are answered.
    pub fn answered(&self) -> usize {
        self.applicable.iter().filter(|k| self.answers.get(k).is_some()).count()
    }

    /// Whether the screening is completed.
    pub fn is_completed(&self) -> bool {
        self.screening.status == "completed"
    }
}

impl App {
    /// The instrument definitions shipped (no personal data), by code then
    /// version.
    pub async fn instrument_definitions(&self, actor: &Actor) -> AppResult<Vec<&Instrument>> {
        self.permit(actor, Action::ViewReferenceData, "instrument.list").await?;
        Ok(self.instruments().iter().collect())
    }

    /// One screening with its answers, and its scores once completed.
    pub async fn screening_record(&self, actor: &Actor, id: i64) -> AppResult<ScreeningRecord<'_>> {
        let (allowed, subject, screening) =
            self.screening_gate(actor, id, Action::ReadClinical, "screening.read").await?;
        let mut conn = self.store.reader().await?;
        let sex = people::get(&mut conn, screening.person_id).await?.map(|p| p.sex).unwrap_or_default();
        let record = self.record_of(&mut conn, screening, &sex).await?;
        drop(conn);
        self.audit_read(actor, allowed, "screening.read", &subject).await?;
        Ok(record)
    }

    /// Every screening of a person with its answers and scores, newest
    /// first.
    pub async fn person_screening_records(&self, actor: &Actor, person_id: i64) -> AppResult<Vec<ScreeningRecord<'_>>> {
        let mut conn = self.store.reader().await?;
        let person = people::get(&mut conn, person_id).await?;
        drop(conn);
        let subject = Subject { person_id: Some(person_id), ..Subject::kind("screening") };
        let site = person.as_ref().map(|p| SiteId(p.site_id));
        let allowed = self.authorize_record(actor, Action::ReadClinical, site, "screening.read", &subject).await?;
        let person = person.ok_or(AppError::NotFound)?;
        let mut conn = self.store.reader().await?;
        let mut records = Vec::new();
        for screening in screenings::for_person(&mut conn, person_id).await? {
            records.push(self.record_of(&mut conn, screening, &person.sex).await?);
        }
        drop(conn);
        let mut rows: Vec<Subject> = records
            .iter()
            .map(|r| Subject { person_id: Some(person_id), ..Subject::record("screening", r.screening.id) })
            .collect();
        if rows.is_empty() {
            rows.push(subject);
        }
        let entries = rows
            .iter()
            .map(|s| self.entry(actor, "screening.read", Outcome::Allowed, allowed.purpose(), allowed.role(), s))
            .collect();
        self.audit.write(entries).await?;
        Ok(records)
    }

    async fn record_of(
        &self,
        conn: &mut continuum_store::Conn,
        screening: Screening,
        sex: &str,
    ) -> AppResult<ScreeningRecord<'_>> {
        let instrument = self.instrument_of(&screening)?;
        let answers = self.stored_answers(conn, screening.id).await?;
        let applicable = applicable_items(instrument, &answers).iter().map(|i| i.key()).collect();
        let completed = screening.status == "completed";
        let next = if completed { None } else { next_item(instrument, &answers).map(|i| i.key()) };
        let result = if completed {
            Some(
                score(instrument, &answers, scoring_sex(sex))
                    .map_err(|e| AppError::Internal(anyhow::anyhow!("scoring failed: {e:?}")))?,
            )
        } else {
            None
        };
        Ok(ScreeningRecord { screening, instrument, answers, applicable, next, result })
    }
}
