//! Self-administration on a tablet (kiosk mode): a worker starts it for one
//! person's screening, the tablet pairs with a one-time code, and the person
//! answers one question at a time in their own language, shown the wording
//! of a content pack.
//!
//! Rules:
//! - Starting needs `WriteClinical` at the person's site (a care worker or
//!   the medical service there) and an active content pack of the uniform
//!   tool in the person's preferred language; without one, the worker is
//!   told so and uses interview mode. A screening in progress is resumed; an
//!   interview that holds no answer yet becomes self-administered; one with
//!   answers is continued as an interview.
//! - The worker gets an eight-digit pairing code, valid
//!   [`PAIRING_CODE_MINUTES`] and usable once; only its hash is kept. A new
//!   code for the same screening ends the earlier kiosk session (one tablet
//!   at a time).
//! - Pairing gives the tablet a credential (a random token, only its hash
//!   kept) bound to that one screening: the access layer refuses a kiosk
//!   anything but answering it, whatever the worker's grants. It ends when
//!   the screening is completed, after [`KIOSK_HOURS`], or after the idle
//!   timeout of sessions without an answer.
//! - The kiosk acts for the worker who started it, who must still hold
//!   `WriteClinical` at the person's site: every step is audited as theirs,
//!   with the note `mode=self`.
//! - Answers are saved one by one through the screening's own use cases, so
//!   a dropped connection or a closed tab loses nothing and a new pairing
//!   resumes at the next unanswered item. The result is never shown on the
//!   tablet.

use continuum_domain::audit::{AuditEntry, Outcome, Purpose, format_instant};
use continuum_domain::ids::SiteId;
use continuum_domain::policy::Action;
use continuum_domain::site::Language;
use continuum_store::kiosk::{self, KioskRow, Pairing};
use continuum_store::{people, screenings, users};
use jiff::{SignedDuration, Timestamp};
use rand::Rng;

use crate::access::Subject;
use crate::actor::{AccessPoint, Actor, Credential};
use crate::app::App;
use crate::error::{AppError, AppResult};
use crate::screening::ScreeningProgress;
use crate::secrets::{random_token, token_hash};

/// How long a pairing code may be used.
pub const PAIRING_CODE_MINUTES: i64 = 10;
/// How long a paired tablet may answer at most.
pub const KIOSK_HOURS: i64 = 2;
/// The number of digits of a pairing code.
pub const PAIRING_CODE_DIGITS: usize = 8;

/// What came of starting a kiosk session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KioskStart {
    /// A pairing code for the tablet.
    Code {
        /// The screening the tablet will answer.
        screening_id: i64,
        /// The code, eight digits.
        code: String,
        /// Until when it may be used.
        expires_at: String,
    },
    /// No content pack of the uniform tool is loaded in the person's
    /// preferred language: self-administration is not possible.
    NoContentPack {
        /// The person's preferred language.
        language: String,
    },
    /// An interview with answers is in progress: continue it as one.
    InterviewUnderway {
        /// That screening.
        screening_id: i64,
    },
}

/// The state of the tablet of a screening, for the worker's page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KioskStatus {
    /// Whether a tablet is paired (else a code is waiting).
    pub paired: bool,
    /// Until when the code may be used.
    pub code_expires_at: String,
    /// When the tablet last answered (or paired).
    pub last_seen_at: Option<String>,
}

fn instant(text: &str) -> Option<Timestamp> {
    text.parse().ok()
}

fn pairing_code() -> String {
    let n: u32 = rand::rngs::OsRng.gen_range(0..100_000_000);
    format!("{n:08}")
}

impl App {
    /// Starts self-administration of the uniform screening for a person on
    /// a tablet: the screening (new, resumed, or an untouched interview) and
    /// a pairing code.
    pub async fn start_kiosk(&self, actor: &Actor, person_id: i64) -> AppResult<KioskStart> {
        let mut conn = self.store.reader().await?;
        let person = people::get(&mut conn, person_id).await?;
        drop(conn);
        let subject = Subject { person_id: Some(person_id), ..Subject::kind("screening") };
        let site = person.as_ref().map(|p| SiteId(p.site_id));
        let allowed = self.authorize_record(actor, Action::WriteClinical, site, "kiosk.start", &subject).await?;
        let (Some(person), Some(site)) = (person, site) else {
            return Err(AppError::NotFound);
        };
        let language = Language::parse(&person.preferred_language).filter(|l| l.code() == person.preferred_language);
        let pack = match language {
            Some(language) => self.uniform_pack(language.code()).await?,
            None => None,
        };
        let at = self.now();
        let now = format_instant(at);
        let mut tx = self.store.begin().await?;
        let screening_id = match (self.open_screening_of(&mut tx, person_id).await?, language.zip(pack)) {
            (Some(open), _) if open.mode == "self" => open.id,
            (_, None) => return Ok(KioskStart::NoContentPack { language: person.preferred_language }),
            (Some(open), Some((language, pack))) => {
                if !screenings::make_self_administered(&mut tx, open.id, language.code(), pack.id, &now).await? {
                    return Ok(KioskStart::InterviewUnderway { screening_id: open.id });
                }
                open.id
            }
            (None, Some((language, pack))) => {
                let uniform = self.instruments().uniform();
                self.begin_screening(&mut tx, actor, person_id, site, uniform, "self", language, Some(pack.id)).await?
            }
        };
        kiosk::end_for_screening(&mut tx, screening_id, &now, "replaced").await?;
        let mut code = pairing_code();
        while kiosk::code_waiting(&mut tx, &token_hash(&code), &now).await? {
            code = pairing_code();
        }
        let expires = at.saturating_add(SignedDuration::from_mins(PAIRING_CODE_MINUTES)).unwrap_or(at);
        let expires_at = format_instant(expires);
        let by = self.actor_id(actor).ok_or(AppError::Forbidden)?;
        let kiosk_id = kiosk::insert(&mut tx, screening_id, by, &token_hash(&code), &now, &expires_at).await?;
        let subject =
            Subject { person_id: Some(person_id), id: Some(kiosk_id.to_string()), ..Subject::kind("kiosk_session") };
        self.audit_change(&mut tx, actor, allowed, "kiosk.start", &subject).await?;
        tx.commit().await?;
        Ok(KioskStart::Code { screening_id, code, expires_at })
    }

    /// Pairs a tablet with a pairing code: the code is used up and the
    /// tablet gets its credential (returned, for the cookie). A wrong,
    /// used or expired code is `BadCredentials`, audited as a failure.
    pub async fn pair_kiosk(&self, code: &str, access: AccessPoint) -> AppResult<String> {
        let digits: String = code.chars().filter(char::is_ascii_digit).collect();
        let now = self.now();
        let mut conn = self.store.reader().await?;
        let waiting = if digits.len() == PAIRING_CODE_DIGITS {
            kiosk::waiting_by_code(&mut conn, &token_hash(&digits)).await?
        } else {
            Vec::new()
        };
        let Some(row) = waiting.into_iter().find(|r| instant(&r.code_expires_at).is_some_and(|end| end > now)) else {
            drop(conn);
            self.audit.write(vec![self.failed_pairing(&access)]).await?;
            return Err(AppError::BadCredentials);
        };
        let token = random_token();
        let csrf = random_token();
        let actor = match self.kiosk_worker(&mut conn, &row, csrf.clone(), access.clone()).await {
            Ok(actor) => Some(actor),
            Err(AppError::Unauthenticated) => None,
            Err(error) => return Err(error),
        };
        let screening = screenings::get(&mut conn, row.screening_id).await?.filter(|s| s.status == "in_progress");
        drop(conn);
        // A worker no longer active, or a screening completed meanwhile:
        // the code pairs nothing.
        let (Some(actor), Some(screening)) = (actor, screening) else {
            self.audit.write(vec![self.failed_pairing(&access)]).await?;
            return Err(AppError::BadCredentials);
        };
        let subject = Subject { person_id: Some(screening.person_id), ..Subject::record("screening", screening.id) };
        let site = Some(SiteId(screening.site_id));
        let allowed = self.authorize_record(&actor, Action::WriteClinical, site, "kiosk.pair", &subject).await?;
        let at = format_instant(now);
        let expires_at = format_instant(now.saturating_add(SignedDuration::from_hours(KIOSK_HOURS)).unwrap_or(now));
        let mut tx = self.store.begin().await?;
        let pairing = Pairing { token_hash: &token_hash(&token), csrf_token: &csrf, at: &at, expires_at: &expires_at };
        if !kiosk::pair(&mut tx, row.id, &pairing).await? {
            return Err(AppError::BadCredentials);
        }
        self.audit_change(&mut tx, &actor, allowed, "kiosk.pair", &subject).await?;
        tx.commit().await?;
        Ok(token)
    }

    fn failed_pairing(&self, access: &AccessPoint) -> AuditEntry {
        AuditEntry {
            at: format_instant(self.now()),
            action: "kiosk.pair".into(),
            outcome: Outcome::Failed.code().into(),
            purpose: Purpose::Authentication.code().into(),
            resource_kind: Some("kiosk_session".into()),
            reason: Some("bad_pairing_code".into()),
            ip: access.ip.clone(),
            user_agent: access.user_agent.clone(),
            request_id: access.request_id.clone(),
            ..Default::default()
        }
    }

    /// The actor of a kiosk session: the worker who started it, bound to
    /// the session's screening, in that screening's language.
    async fn kiosk_worker(
        &self,
        conn: &mut continuum_store::Conn,
        row: &KioskRow,
        csrf_token: String,
        access: AccessPoint,
    ) -> AppResult<Actor> {
        let (user, grants) = users::with_grants(conn, row.started_by)
            .await?
            .filter(|(u, _)| u.active)
            .ok_or(AppError::Unauthenticated)?;
        let credential = Credential::Kiosk { id: row.id, screening_id: row.screening_id, csrf_token };
        let mut actor = crate::auth::load_actor(conn, &self.sites, &user, &grants, None, credential, access).await?;
        if let Some(screening) = screenings::get(conn, row.screening_id).await? {
            actor.language = Language::parse(&screening.language).unwrap_or(actor.language);
        }
        Ok(actor)
    }

    /// The actor a tablet's credential stands for, while it is valid: not
    /// ended, within [`KIOSK_HOURS`] of pairing and the idle timeout of the
    /// last answer, its screening still in progress.
    pub async fn kiosk_actor(&self, token: &str, access: AccessPoint) -> AppResult<Actor> {
        let now = self.now();
        let mut conn = self.store.reader().await?;
        let row = kiosk::by_token(&mut conn, &token_hash(token)).await?.ok_or(AppError::Unauthenticated)?;
        let idle_end = row
            .last_seen_at
            .as_deref()
            .and_then(instant)
            .and_then(|t| t.checked_add(self.config.session_idle_timeout).ok());
        let ends = row.expires_at.as_deref().and_then(instant);
        let expired = ends.is_none_or(|end| end <= now) || idle_end.is_none_or(|end| end <= now);
        let open = screenings::get(&mut conn, row.screening_id).await?.is_some_and(|s| s.status == "in_progress");
        if row.ended_at.is_some() || expired || !open {
            drop(conn);
            if row.ended_at.is_none() {
                let mut tx = self.store.begin().await?;
                kiosk::end(&mut tx, row.id, &format_instant(now), if open { "expired" } else { "completed" }).await?;
                tx.commit().await?;
            }
            return Err(AppError::Unauthenticated);
        }
        let csrf = row.csrf_token.clone().unwrap_or_default();
        self.kiosk_worker(&mut conn, &row, csrf, access).await
    }

    fn kiosk_ids(actor: &Actor) -> AppResult<(i64, i64)> {
        match actor.credential {
            Credential::Kiosk { id, screening_id, .. } => Ok((id, screening_id)),
            _ => Err(AppError::Unauthenticated),
        }
    }

    /// The item to show on the tablet (`item` to go back to an answered
    /// one, else the next unanswered), worded by the screening's pack.
    pub async fn kiosk_progress(&self, actor: &Actor, item: Option<&str>) -> AppResult<ScreeningProgress> {
        let (_, screening_id) = App::kiosk_ids(actor)?;
        let (allowed, subject, screening) =
            self.screening_gate(actor, screening_id, Action::WriteClinical, "screening.read").await?;
        let pack = screening.content_pack_id.ok_or(AppError::Conflict("kiosk-no-content-pack"))?;
        let mut conn = self.store.reader().await?;
        let wording = self.pack_wording(&mut conn, pack).await?;
        drop(conn);
        let language = Language::parse(&screening.language).unwrap_or(actor.language);
        let progress = self.progress_of(screening, item, language, Some(&wording)).await?;
        self.audit_read(actor, allowed, "screening.read", &subject).await?;
        Ok(progress)
    }

    /// Saves one answer given on the tablet. A named group ("other") needs
    /// its name on the items after its first.
    pub async fn kiosk_answer(&self, actor: &Actor, item: &str, option: &str, name: Option<&str>) -> AppResult<()> {
        let (kiosk_id, screening_id) = App::kiosk_ids(actor)?;
        self.save_screening_answer(actor, screening_id, item, option, name, true).await?;
        let mut tx = self.store.begin().await?;
        kiosk::touch(&mut tx, kiosk_id, &format_instant(self.now())).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Completes the screening answered on the tablet (scored, recorded on
    /// the pathway) and ends the kiosk session. The result is not returned:
    /// it is for clinical staff, not for the tablet.
    pub async fn kiosk_finish(&self, actor: &Actor) -> AppResult<()> {
        let (kiosk_id, screening_id) = App::kiosk_ids(actor)?;
        self.complete_screening(actor, screening_id).await?;
        let mut tx = self.store.begin().await?;
        kiosk::end(&mut tx, kiosk_id, &format_instant(self.now()), "completed").await?;
        tx.commit().await?;
        Ok(())
    }

    /// The tablet of a screening, if a kiosk session is open, for the
    /// worker's page.
    pub async fn kiosk_status(&self, actor: &Actor, screening_id: i64) -> AppResult<Option<KioskStatus>> {
        let (_, _, screening) =
            self.screening_gate(actor, screening_id, Action::WriteClinical, "screening.read").await?;
        let mut conn = self.store.reader().await?;
        let row = kiosk::open_for_screening(&mut conn, screening.id).await?;
        Ok(row.map(|row| KioskStatus {
            paired: row.paired_at.is_some(),
            code_expires_at: row.code_expires_at,
            last_seen_at: row.last_seen_at,
        }))
    }
}
