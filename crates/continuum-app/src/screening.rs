//! Administering a screening: start (or resume) one for a person (the
//! uniform WHO ASSIST v3.1 by default, in interview mode; or another
//! instrument version, mode and language), answer one item at a time, go
//! back, complete, and read the result. In interview mode a worker reads the
//! validated paper form and records the answers against Continuum's labels;
//! in self-administered mode (`kiosk`) the person answers on a tablet, shown
//! the wording of a content pack, through the same steps. Reading a whole
//! screening (answers and scores, for the API and FHIR) is in [`records`].
//!
//! Rules: screening is clinical, so every step needs `WriteClinical` (and
//! the result `ReadClinical`) at the person's site. Answers are saved one by
//! one as they are given, so a dropped connection loses nothing and an
//! unfinished screening resumes where it stopped. Starting a screening
//! offers it on the person's pathway (when still `signalled`); completing it
//! records the outcome there (negative closes the pathway, positive proposes
//! an intake). The result is recomputed from the stored answers with the
//! instrument version recorded at the start.

use continuum_domain::audit::format_instant;
use continuum_domain::ids::{SiteId, UserId};
use continuum_domain::instrument::{
    Answers, Instrument, ItemKey, ScreeningResult, Sex as ScoringSex, applicable_items, check_answer, next_item, score,
};
use continuum_domain::pathway::{Command, Context, Stage, State};
use continuum_domain::person::Sex;
use continuum_domain::policy::Action;
use continuum_domain::site::Language;
use continuum_domain::validation::Problem;
use continuum_store::people;
use continuum_store::screenings::{self, NewScreening, ScreeningRow};

use crate::access::{Allowed, Subject};
use crate::actor::Actor;
use crate::app::App;
use crate::content_packs::Wording;
use crate::error::{AppError, AppResult};
use crate::instruments::{Catalogue, UNIFORM};

mod records;

pub use records::ScreeningRecord;

/// A stored screening.
pub type Screening = ScreeningRow;

/// How a screening is given; recorded with every response (DOMAIN.md: WHO
/// says self-completion of the ASSIST is not validated).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A care worker or nurse asks the questions.
    Interview,
    /// The person answers on a device by themselves.
    SelfAdministered,
}

impl Mode {
    /// The stable code stored with the screening.
    pub fn code(self) -> &'static str {
        match self {
            Mode::Interview => "interview",
            Mode::SelfAdministered => "self",
        }
    }

    /// The mode with this code.
    pub fn parse(code: &str) -> Option<Mode> {
        match code.trim() {
            "interview" => Some(Mode::Interview),
            "self" => Some(Mode::SelfAdministered),
            _ => None,
        }
    }
}

/// What to start: an instrument version, the mode and the language of
/// administration.
#[derive(Debug, Clone, Copy)]
pub struct StartRequest<'a> {
    /// The instrument's code.
    pub instrument: &'a str,
    /// Its version; `None` for the uniform tool's version of its code, or
    /// the only version shipped.
    pub version: Option<&'a str>,
    /// Interview or self-administered.
    pub mode: Mode,
    /// The language of administration; `None` for the person's preferred
    /// language when the programme works in it, else the actor's.
    pub language: Option<Language>,
}

/// A screening started, or one in progress taken up again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Started {
    /// The screening.
    pub id: i64,
    /// Whether it was already in progress.
    pub resumed: bool,
}

/// One answer option, labelled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionView {
    /// Stable code.
    pub code: String,
    /// Label in the language asked for.
    pub label: String,
}

/// The item to ask now (or to revisit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionView {
    /// `group.question`.
    pub key: String,
    /// The group asked about (substance class), labelled.
    pub group: String,
    /// Continuum's label of the question.
    pub question: String,
    /// The options in display order.
    pub options: Vec<OptionView>,
    /// The answer already given, if any.
    pub chosen: Option<String>,
    /// Whether the group is named by the person ("other, specify").
    pub named: bool,
    /// Whether the name is needed here: a named group's items after its
    /// first are only asked once the person said they used it.
    pub name_needed: bool,
    /// The name given, if any.
    pub name: Option<String>,
}

/// Where a screening stands, for the page that administers it.
#[derive(Debug, Clone)]
pub struct ScreeningProgress {
    /// The screening.
    pub screening: Screening,
    /// The item to show; `None` when every applicable item is answered.
    pub question: Option<QuestionView>,
    /// The item before the one shown (to go back).
    pub previous: Option<String>,
    /// Items answered among those that apply.
    pub answered: usize,
    /// Items that apply with the answers so far.
    pub applicable: usize,
}

fn scoring_sex(code: &str) -> ScoringSex {
    match Sex::parse(code) {
        Some(Sex::Male) => ScoringSex::Male,
        Some(Sex::Female) => ScoringSex::Female,
        Some(Sex::Other) => ScoringSex::Other,
        _ => ScoringSex::Unknown,
    }
}

fn parse_key(text: &str) -> Option<ItemKey> {
    let (group, question) = text.trim().split_once('.')?;
    Some(ItemKey::new(group, question))
}

/// The item as shown: with the wording of a content pack when one is given
/// (self-administration), else with Continuum's labels.
fn question_view(
    instrument: &Instrument,
    answers: &Answers,
    key: &ItemKey,
    language: Language,
    wording: Option<&Wording>,
) -> Option<QuestionView> {
    let item = instrument.item(key)?;
    let question = wording.and_then(|w| w.item(key)).unwrap_or_else(|| item.question.labels.get(language));
    Some(QuestionView {
        key: key.to_string(),
        group: item.group.labels.get(language).to_owned(),
        question: question.to_owned(),
        options: item
            .question
            .options
            .iter()
            .map(|o| OptionView {
                code: o.code.clone(),
                label: wording
                    .and_then(|w| w.option(&item.question.id, &o.code))
                    .unwrap_or_else(|| o.labels.get(language))
                    .to_owned(),
            })
            .collect(),
        chosen: answers.get(key).map(str::to_owned),
        named: item.group.named,
        name_needed: item.group.named && item.group.questions.first() != Some(&item.question.id),
        name: answers.name(&item.group.code).map(str::to_owned),
    })
}

impl App {
    /// The definition a screening was started with.
    fn instrument_of(&self, screening: &Screening) -> AppResult<&Instrument> {
        self.instruments().get(&screening.instrument, &screening.version).ok_or_else(|| {
            AppError::Internal(anyhow::anyhow!("unknown instrument {} {}", screening.instrument, screening.version))
        })
    }

    pub(crate) async fn answers_of(&self, id: i64) -> AppResult<Answers> {
        let mut conn = self.store.reader().await?;
        self.stored_answers(&mut conn, id).await
    }

    async fn stored_answers(&self, conn: &mut continuum_store::Conn, id: i64) -> AppResult<Answers> {
        let mut answers = Answers::new();
        for (item, option) in screenings::answers(conn, id).await? {
            if let Some(key) = parse_key(&item) {
                answers.set(key, option);
            }
        }
        for (group, name) in screenings::names(conn, id).await? {
            answers.set_name(group, name);
        }
        Ok(answers)
    }

    /// Starts the uniform screening of a person in interview mode, in the
    /// actor's language, or returns the one in progress (to resume it).
    pub async fn start_screening(&self, actor: &Actor, person_id: i64) -> AppResult<i64> {
        let request = StartRequest {
            instrument: UNIFORM.0,
            version: None,
            mode: Mode::Interview,
            language: Some(actor.language),
        };
        Ok(self.start_screening_with(actor, person_id, &request).await?.id)
    }

    /// Starts a screening of a person with an instrument version, a mode
    /// and a language, or returns the one of that instrument version in
    /// progress (to resume it, as it was started). Only the uniform tool
    /// moves the person's pathway.
    pub async fn start_screening_with(
        &self,
        actor: &Actor,
        person_id: i64,
        request: &StartRequest<'_>,
    ) -> AppResult<Started> {
        let mut conn = self.store.reader().await?;
        let person = people::get(&mut conn, person_id).await?;
        drop(conn);
        let subject = Subject { person_id: Some(person_id), ..Subject::kind("screening") };
        let site = person.as_ref().map(|p| SiteId(p.site_id));
        let allowed = self.authorize_record(actor, Action::WriteClinical, site, "screening.start", &subject).await?;
        let (Some(person), Some(site)) = (person, site) else {
            return Err(AppError::NotFound);
        };
        let instrument = self.requested_instrument(request)?;
        let language =
            request.language.or_else(|| Language::parse(&person.preferred_language)).unwrap_or(actor.language);
        let mut tx = self.store.begin().await?;
        if let Some(open) = screenings::for_person(&mut tx, person_id)
            .await?
            .into_iter()
            .find(|s| s.status == "in_progress" && s.instrument == instrument.code && s.version == instrument.version)
        {
            return Ok(Started { id: open.id, resumed: true });
        }
        let mode = request.mode.code();
        let id = self.begin_screening(&mut tx, actor, person.id, site, instrument, mode, language, None).await?;
        let subject = Subject { person_id: Some(person_id), ..Subject::record("screening", id) };
        self.audit_change(&mut tx, actor, allowed, "screening.start", &subject).await?;
        tx.commit().await?;
        Ok(Started { id, resumed: false })
    }

    /// The instrument version a start request names: an unknown code or
    /// version is an invalid field; without a version, the uniform tool's
    /// for its code, or the only version shipped.
    fn requested_instrument(&self, request: &StartRequest<'_>) -> AppResult<&Instrument> {
        let code = request.instrument.trim();
        let versions: Vec<&Instrument> = self.instruments().iter().filter(|i| i.code == code).collect();
        if versions.is_empty() {
            return Err(AppError::field("instrument", Problem::InvalidFormat));
        }
        match request.version.map(str::trim).filter(|v| !v.is_empty()) {
            Some(version) => versions
                .into_iter()
                .find(|i| i.version == version)
                .ok_or_else(|| AppError::field("version", Problem::InvalidFormat)),
            None if code == UNIFORM.0 => Ok(self.instruments().uniform()),
            None => match versions.as_slice() {
                [only] => Ok(only),
                _ => Err(AppError::field("version", Problem::Required)),
            },
        }
    }

    /// The person's screening in progress, if any.
    pub(crate) async fn open_screening_of(
        &self,
        conn: &mut continuum_store::Conn,
        person_id: i64,
    ) -> AppResult<Option<Screening>> {
        Ok(screenings::for_person(conn, person_id).await?.into_iter().find(|s| s.status == "in_progress"))
    }

    /// Starts a screening inside `tx`; one of the uniform tool is offered on
    /// the person's pathway (when still `signalled`), as only it counts for
    /// the programme.
    #[expect(clippy::too_many_arguments, reason = "the columns of a new screening")]
    pub(crate) async fn begin_screening(
        &self,
        tx: &mut continuum_store::Tx,
        actor: &Actor,
        person_id: i64,
        site: SiteId,
        instrument: &Instrument,
        mode: &str,
        language: Language,
        content_pack_id: Option<i64>,
    ) -> AppResult<i64> {
        let uniform = Catalogue::is_uniform(&instrument.code, &instrument.version);
        let at = self.now();
        let now = format_instant(at);
        let new = NewScreening {
            person_id,
            site_id: site.0,
            instrument: &instrument.code,
            version: &instrument.version,
            language: language.code(),
            mode,
            content_pack_id,
            by: self.actor_id(actor),
            at: &now,
        };
        let id = screenings::insert(tx, &new).await?;
        if uniform
            && let Some((pathway_id, mut pathway)) = self.load_pathway(tx, person_id).await?
            && pathway.state() == State::Active(Stage::Signalled)
        {
            let context = Context { who: UserId(self.actor_id(actor).unwrap_or(0)), at, why: None };
            self.step_pathway(tx, pathway_id, &mut pathway, Command::OfferScreening, context)
                .await?
                .map_err(|refusal| AppError::Internal(anyhow::anyhow!("offering a screening refused: {refusal}")))?;
        }
        Ok(id)
    }

    /// Asks the policy for a screening at the site where it was given, and
    /// returns it.
    pub(crate) async fn screening_gate(
        &self,
        actor: &Actor,
        id: i64,
        action: Action,
        event: &str,
    ) -> AppResult<(Allowed, Subject, Screening)> {
        let mut conn = self.store.reader().await?;
        let screening = screenings::get(&mut conn, id).await?;
        drop(conn);
        let subject =
            Subject { person_id: screening.as_ref().map(|s| s.person_id), ..Subject::record("screening", id) };
        let site = screening.as_ref().map(|s| SiteId(s.site_id));
        let allowed = self.authorize_record(actor, action, site, event, &subject).await?;
        Ok((allowed, subject, screening.ok_or(AppError::NotFound)?))
    }

    /// The item to ask next (or `item`, to revisit an answered one), in the
    /// actor's language.
    pub async fn screening_progress(&self, actor: &Actor, id: i64, item: Option<&str>) -> AppResult<ScreeningProgress> {
        let (allowed, subject, screening) =
            self.screening_gate(actor, id, Action::WriteClinical, "screening.read").await?;
        let progress = self.progress_of(screening, item, actor.language, None).await?;
        self.audit_read(actor, allowed, "screening.read", &subject).await?;
        Ok(progress)
    }

    /// Where a screening stands: the item to show (`item` when it applies,
    /// else the next unanswered one), in `language`, worded by `wording`
    /// when given.
    pub(crate) async fn progress_of(
        &self,
        screening: Screening,
        item: Option<&str>,
        language: Language,
        wording: Option<&Wording>,
    ) -> AppResult<ScreeningProgress> {
        let instrument = self.instrument_of(&screening)?;
        let answers = self.answers_of(screening.id).await?;
        let applicable: Vec<ItemKey> = applicable_items(instrument, &answers).iter().map(|i| i.key()).collect();
        let shown = item
            .and_then(parse_key)
            .filter(|k| applicable.contains(k))
            .or_else(|| next_item(instrument, &answers).map(|i| i.key()));
        let position = shown.as_ref().and_then(|k| applicable.iter().position(|a| a == k)).unwrap_or(applicable.len());
        let previous = position.checked_sub(1).and_then(|p| applicable.get(p)).map(ToString::to_string);
        let answered = applicable.iter().filter(|k| answers.get(k).is_some()).count();
        let question = if screening.status == "in_progress" {
            shown.and_then(|k| question_view(instrument, &answers, &k, language, wording))
        } else {
            None
        };
        Ok(ScreeningProgress { screening, question, previous, answered, applicable: applicable.len() })
    }

    /// Saves one answer (and the name of a named group, when given).
    pub async fn answer_screening(
        &self,
        actor: &Actor,
        id: i64,
        item: &str,
        option: &str,
        name: Option<&str>,
    ) -> AppResult<()> {
        self.save_screening_answer(actor, id, item, option, name, false).await
    }

    /// Saves one answer; with `name_required`, the items of a named group
    /// after its first are refused without the group's name (given now or
    /// before), as on the tablet, where no interviewer asks for it.
    pub(crate) async fn save_screening_answer(
        &self,
        actor: &Actor,
        id: i64,
        item: &str,
        option: &str,
        name: Option<&str>,
        name_required: bool,
    ) -> AppResult<()> {
        let (allowed, subject, screening) =
            self.screening_gate(actor, id, Action::WriteClinical, "screening.answer").await?;
        let instrument = self.instrument_of(&screening)?;
        if screening.status != "in_progress" {
            return Err(AppError::Conflict("screening-completed"));
        }
        let key = parse_key(item).ok_or_else(|| AppError::field("item", Problem::InvalidFormat))?;
        let item_ref = instrument.item(&key).ok_or_else(|| AppError::field("item", Problem::InvalidFormat))?;
        check_answer(item_ref, option.trim()).map_err(|_| AppError::field("option", Problem::InvalidFormat))?;
        let name = name.map(str::trim).filter(|n| !n.is_empty());
        if name.is_some_and(|n| n.chars().count() > continuum_domain::instrument::NAME_MAX_CHARS) {
            return Err(AppError::field(
                "name",
                Problem::TooLong { max: continuum_domain::instrument::NAME_MAX_CHARS },
            ));
        }
        let group = item_ref.group;
        if name_required && name.is_none() && group.named && group.questions.first() != Some(&key.question) {
            let mut conn = self.store.reader().await?;
            let named = screenings::names(&mut conn, id).await?.iter().any(|(g, n)| *g == group.code && !n.is_empty());
            if !named {
                return Err(AppError::field("name", Problem::Required));
            }
        }
        let mut tx = self.store.begin().await?;
        let now = format_instant(self.now());
        screenings::save_answer(&mut tx, id, &key.to_string(), option.trim(), &now).await?;
        if let Some(name) = name.filter(|_| item_ref.group.named) {
            screenings::save_name(&mut tx, id, &key.group, name).await?;
        }
        self.audit_change(&mut tx, actor, allowed, "screening.answer", &subject).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Completes a screening whose applicable items are all answered:
    /// scores it and records the outcome on the pathway.
    pub async fn complete_screening(&self, actor: &Actor, id: i64) -> AppResult<ScreeningResult> {
        let (allowed, subject, screening) =
            self.screening_gate(actor, id, Action::WriteClinical, "screening.complete").await?;
        let instrument = self.instrument_of(&screening)?;
        let answers = self.answers_of(id).await?;
        let mut tx = self.store.begin().await?;
        let person = people::get(&mut tx, screening.person_id).await?.ok_or(AppError::NotFound)?;
        let result = score(instrument, &answers, scoring_sex(&person.sex))
            .map_err(|e| AppError::Internal(anyhow::anyhow!("scoring failed: {e:?}")))?;
        if !result.complete {
            return Err(AppError::Conflict("screening-incomplete"));
        }
        let at = self.now();
        if !screenings::complete(&mut tx, id, result.positive, self.actor_id(actor), &format_instant(at)).await? {
            return Err(AppError::Conflict("screening-completed"));
        }
        if Catalogue::is_uniform(&screening.instrument, &screening.version)
            && let Some((pathway_id, mut pathway)) = self.load_pathway(&mut tx, person.id).await?
            && pathway.state() == State::Active(Stage::ScreeningOffered)
        {
            let context = Context { who: UserId(self.actor_id(actor).unwrap_or(0)), at, why: None };
            let command = Command::RecordScreening { positive: result.positive, care_requested: false };
            self.step_pathway(&mut tx, pathway_id, &mut pathway, command, context)
                .await?
                .map_err(|refusal| AppError::Internal(anyhow::anyhow!("recording a screening refused: {refusal}")))?;
        }
        self.audit_change(&mut tx, actor, allowed, "screening.complete", &subject).await?;
        tx.commit().await?;
        Ok(result)
    }

    /// The result of a completed screening, for clinical roles.
    pub async fn screening_result(&self, actor: &Actor, id: i64) -> AppResult<(Screening, ScreeningResult)> {
        let (allowed, subject, screening) =
            self.screening_gate(actor, id, Action::ReadClinical, "screening.result").await?;
        let instrument = self.instrument_of(&screening)?;
        let answers = self.answers_of(id).await?;
        let mut conn = self.store.reader().await?;
        let sex = people::get(&mut conn, screening.person_id).await?.map(|p| p.sex).unwrap_or_default();
        drop(conn);
        let result = score(instrument, &answers, scoring_sex(&sex))
            .map_err(|e| AppError::Internal(anyhow::anyhow!("scoring failed: {e:?}")))?;
        self.audit_read(actor, allowed, "screening.result", &subject).await?;
        Ok((screening, result))
    }

    /// The screenings of a person (for clinical roles), newest first.
    pub async fn person_screenings(&self, actor: &Actor, person_id: i64) -> AppResult<Vec<Screening>> {
        let mut conn = self.store.reader().await?;
        let site = people::get(&mut conn, person_id).await?.map(|p| SiteId(p.site_id));
        drop(conn);
        let subject = Subject { person_id: Some(person_id), ..Subject::kind("screening") };
        let allowed = self.authorize_record(actor, Action::ReadClinical, site, "screening.list", &subject).await?;
        let mut conn = self.store.reader().await?;
        let list = screenings::for_person(&mut conn, person_id).await?;
        drop(conn);
        self.audit_read(actor, allowed, "screening.list", &subject).await?;
        Ok(list)
    }
}
