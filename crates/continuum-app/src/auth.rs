//! Signing in and out: passwords, the second factor (TOTP), sessions, the
//! site acted for and the interface language.
//!
//! Sessions live in the database (several servers share them). The cookie
//! holds a random token; the database holds its hash. A session ends after
//! the idle timeout or the absolute timeout, whichever comes first; activity
//! is recorded at most once a minute, so reading a page does not cost a
//! write.

use continuum_domain::audit::{Outcome, Purpose, format_instant};
use continuum_domain::credentials::{DEMO_PASSWORD, Username};
use continuum_domain::ids::{SiteId, UserId};
use continuum_domain::role::{Role, RoleGrant, SiteScope};
use continuum_domain::site::Language;
use continuum_store::sessions::{NewSession, SessionRow};
use continuum_store::users::{GrantRow, UserRow};
use continuum_store::{Conn, sessions, sites, users};
use jiff::{SignedDuration, Timestamp};
use totp_rs::{Algorithm, Secret, TOTP};

use crate::access::Subject;
use crate::actor::{AccessPoint, Actor, Credential, SiteRef};
use crate::app::App;
use crate::error::{AppError, AppResult};
use crate::secrets::{DUMMY_HASH, random_token, token_hash, verify_password};

/// What the browser must do after the password was accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextStep {
    /// Signed in.
    Done,
    /// Give the code of the authenticator app.
    SecondFactor,
    /// A role requires a second factor the user has not set up yet.
    SetUpSecondFactor,
}

/// A new session.
#[derive(Debug, Clone)]
pub struct SignedIn {
    /// The session token for the cookie.
    pub token: String,
    /// What comes next.
    pub next: NextStep,
}

/// The state of a session presented by a browser.
#[derive(Debug, Clone)]
pub enum SessionState {
    /// Fully signed in.
    Active(Actor),
    /// Password given, second factor still due.
    SecondFactorDue {
        /// The user (with no access until the second factor is given).
        actor: Actor,
        /// Whether the second factor must first be set up.
        setup_required: bool,
    },
}

/// A second factor being set up: the secret to type or scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TotpSetup {
    /// Base32 secret.
    pub secret: String,
    /// `otpauth://` URI for authenticator apps.
    pub uri: String,
}

/// Remembers which sessions this process recorded activity for in the last
/// minute, so that a burst of requests on one session costs one write, not
/// one per request.
#[derive(Default)]
pub(crate) struct TouchThrottle(std::sync::Mutex<std::collections::HashMap<i64, Timestamp>>);

impl TouchThrottle {
    /// Whether the caller should record activity of `session` now.
    pub(crate) fn claim(&self, session: i64, now: Timestamp) -> bool {
        let Ok(mut touched) = self.0.lock() else { return true };
        let recent = |at: &Timestamp| now.duration_since(*at) < SignedDuration::from_mins(1);
        if touched.get(&session).is_some_and(recent) {
            return false;
        }
        if touched.len() > 10_000 {
            touched.retain(|_, at| recent(at));
        }
        touched.insert(session, now);
        true
    }
}

fn instant(text: &str) -> Option<Timestamp> {
    text.parse().ok()
}

impl App {
    /// Checks username and password and opens a session.
    pub async fn sign_in(&self, username: &str, password: &str, access: AccessPoint) -> AppResult<SignedIn> {
        let now = self.now();
        let at = format_instant(now);
        let typed = username.trim().chars().take(64).collect::<String>();
        let user = match Username::parse(username) {
            Ok(name) => {
                let mut conn = self.store.reader().await?;
                users::by_username(&mut conn, name.as_str()).await?
            }
            Err(_) => None,
        };
        let Some(user) = user.filter(|u| u.active) else {
            verify_password(password.to_owned(), DUMMY_HASH.to_owned()).await?;
            self.audit_sign_in(None, &typed, &access, Outcome::Failed, Some("bad_credentials"), None).await?;
            return Err(AppError::BadCredentials);
        };
        if let Some(until) = user.locked_until.as_deref().and_then(instant).filter(|u| *u > now) {
            self.audit_sign_in(Some(&user), &typed, &access, Outcome::Failed, Some("locked"), None).await?;
            let minutes = until.duration_since(now).as_mins().max(1);
            return Err(AppError::Locked { minutes });
        }
        let demo_refused = !self.config.demo_mode && password == DEMO_PASSWORD;
        let matches = verify_password(password.to_owned(), user.password_hash.clone()).await?;
        if demo_refused || !matches {
            let lock = self.lock_after_failure(&user);
            let mut tx = self.store.begin().await?;
            users::record_failed_sign_in(&mut tx, user.id, lock.as_deref()).await?;
            let reason = if lock.is_some() { "bad_credentials_locked" } else { "bad_credentials" };
            let entry = self.sign_in_entry(Some(&user), &typed, &access, Outcome::Failed, Some(reason), None);
            self.append_in(&mut tx, vec![entry]).await?;
            tx.commit().await?;
            return Err(match lock {
                Some(_) => AppError::Locked { minutes: self.config.lockout_duration.as_mins().max(1) },
                None => AppError::BadCredentials,
            });
        }

        let mut tx = self.store.begin().await?;
        let grants = users::grants(&mut tx, user.id).await?;
        let required = users::roles_requiring_totp(&mut tx).await?;
        let needs_totp = user.totp_enabled || grants.iter().any(|g| required.contains(&g.role));
        let next = match (needs_totp, user.totp_enabled) {
            (false, _) => NextStep::Done,
            (true, true) => NextStep::SecondFactor,
            (true, false) => NextStep::SetUpSecondFactor,
        };
        let token = random_token();
        let csrf = random_token();
        let expires = format_instant(now.saturating_add(self.config.session_absolute_timeout).unwrap_or(now));
        let first_site = match grants.as_slice() {
            [only] => only.site_id,
            _ => None,
        };
        let session_id = sessions::insert(
            &mut tx,
            &NewSession {
                token_hash: &token_hash(&token),
                user_id: user.id,
                csrf_token: &csrf,
                second_factor_pending: next != NextStep::Done,
                site_id: first_site,
                at: &at,
                expires_at: &expires,
                ip: access.ip.as_deref(),
                user_agent: access.user_agent.as_deref(),
            },
        )
        .await?;
        users::clear_failed_sign_ins(&mut tx, user.id).await?;
        let reason = (next != NextStep::Done).then_some("second_factor_due");
        let entry = self.sign_in_entry(Some(&user), &typed, &access, Outcome::Allowed, reason, Some(session_id));
        self.append_in(&mut tx, vec![entry]).await?;
        tx.commit().await?;
        Ok(SignedIn { token, next })
    }

    fn sign_in_entry(
        &self,
        user: Option<&UserRow>,
        typed: &str,
        access: &AccessPoint,
        outcome: Outcome,
        reason: Option<&str>,
        session_id: Option<i64>,
    ) -> continuum_domain::audit::AuditEntry {
        continuum_domain::audit::AuditEntry {
            at: format_instant(self.now()),
            user_id: user.map(|u| u.id),
            username: Some(user.map_or_else(|| typed.to_owned(), |u| u.username.clone())),
            action: "session.sign_in".into(),
            outcome: outcome.code().into(),
            purpose: Purpose::Authentication.code().into(),
            resource_kind: session_id.map(|_| "session".to_owned()),
            resource_id: session_id.map(|id| id.to_string()),
            reason: reason.map(str::to_owned),
            ip: access.ip.clone(),
            user_agent: access.user_agent.clone(),
            request_id: access.request_id.clone(),
            ..Default::default()
        }
    }

    async fn audit_sign_in(
        &self,
        user: Option<&UserRow>,
        typed: &str,
        access: &AccessPoint,
        outcome: Outcome,
        reason: Option<&str>,
        session_id: Option<i64>,
    ) -> AppResult<()> {
        let entry = self.sign_in_entry(user, typed, access, outcome, reason, session_id);
        self.audit.write(vec![entry]).await
    }

    /// The session a browser presents, if it is still valid.
    pub async fn session(&self, token: &str, access: AccessPoint) -> AppResult<SessionState> {
        let now = self.now();
        let mut conn = self.store.reader().await?;
        let Some((session, user, grants)) = sessions::signed_in(&mut conn, &token_hash(token)).await? else {
            return Err(AppError::Unauthenticated);
        };
        let idle_end =
            instant(&session.last_seen_at).and_then(|t| t.checked_add(self.config.session_idle_timeout).ok());
        let expired =
            instant(&session.expires_at).is_none_or(|end| end <= now) || idle_end.is_none_or(|end| end <= now);
        if expired || !user.active {
            drop(conn);
            let mut tx = self.store.begin().await?;
            sessions::delete(&mut tx, session.id).await?;
            tx.commit().await?;
            return Err(AppError::Unauthenticated);
        };
        let credential = Credential::Session { id: session.id, csrf_token: session.csrf_token.clone() };
        let actor = load_actor(&mut conn, &self.sites, &user, &grants, Some(&session), credential, access).await?;
        drop(conn);
        let stale =
            instant(&session.last_seen_at).is_none_or(|seen| now.duration_since(seen) > SignedDuration::from_mins(1));
        if stale && self.touches.claim(session.id, now) {
            let mut tx = self.store.begin().await?;
            sessions::touch(&mut tx, session.id, &format_instant(now)).await?;
            tx.commit().await?;
        }
        if session.second_factor_pending {
            let setup_required = !user.totp_enabled;
            Ok(SessionState::SecondFactorDue { actor, setup_required })
        } else {
            Ok(SessionState::Active(actor))
        }
    }

    /// Checks the code of the authenticator app and completes the sign-in.
    pub async fn verify_second_factor(&self, actor: &Actor, code: &str) -> AppResult<()> {
        let Credential::Session { id, .. } = actor.credential else {
            return Err(AppError::Unauthenticated);
        };
        let mut tx = self.store.begin().await?;
        let user = users::get(&mut tx, actor.user_id.0).await?.ok_or(AppError::Unauthenticated)?;
        let valid = match (&user.totp_secret, user.totp_enabled) {
            (Some(secret), true) => self.totp(secret, &user.username)?.check_current(code.trim()).unwrap_or(false),
            _ => false,
        };
        let outcome = if valid { Outcome::Allowed } else { Outcome::Failed };
        let mut entry = self.entry(
            actor,
            "session.second_factor",
            outcome,
            Purpose::Authentication,
            None,
            &Subject::record("session", id),
        );
        entry.site = None;
        if valid {
            sessions::complete_second_factor(&mut tx, id).await?;
        } else {
            self.record_second_factor_failure(&mut tx, &user).await?;
        }
        self.append_in(&mut tx, vec![entry]).await?;
        tx.commit().await?;
        if valid { Ok(()) } else { Err(AppError::SecondFactorInvalid) }
    }

    /// When the next failure locks the account: the instant the lock ends.
    fn lock_after_failure(&self, user: &UserRow) -> Option<String> {
        let now = self.now();
        (user.failed_sign_ins + 1 >= self.config.lockout_threshold)
            .then(|| format_instant(now.saturating_add(self.config.lockout_duration).unwrap_or(now)))
    }

    /// Counts a wrong second-factor code like a wrong password; a lock-out
    /// also ends the user's sessions, so the code cannot be guessed on.
    async fn record_second_factor_failure(&self, tx: &mut continuum_store::Tx, user: &UserRow) -> AppResult<()> {
        let lock = self.lock_after_failure(user);
        users::record_failed_sign_in(tx, user.id, lock.as_deref()).await?;
        if lock.is_some() {
            sessions::delete_for_user(tx, user.id).await?;
        }
        Ok(())
    }

    fn totp(&self, secret: &str, username: &str) -> AppResult<TOTP> {
        let bytes = Secret::Encoded(secret.to_owned())
            .to_bytes()
            .map_err(|e| AppError::Internal(anyhow::anyhow!("stored TOTP secret unreadable: {e:?}")))?;
        TOTP::new(Algorithm::SHA1, 6, 1, 30, bytes, Some(self.config.totp_issuer.clone()), username.to_owned())
            .map_err(|e| AppError::Internal(anyhow::anyhow!("TOTP: {e}")))
    }

    /// Starts (or restarts) setting up the second factor: a new secret that
    /// is not in use until confirmed with a code.
    pub async fn begin_totp_setup(&self, actor: &Actor) -> AppResult<TotpSetup> {
        let mut tx = self.store.begin().await?;
        let user = users::get(&mut tx, actor.user_id.0).await?.ok_or(AppError::Unauthenticated)?;
        if user.totp_enabled {
            return Err(AppError::Conflict("totp-already-enabled"));
        }
        let secret = match user.totp_secret {
            Some(secret) => secret,
            None => {
                let secret = Secret::generate_secret().to_encoded().to_string();
                users::set_totp(&mut tx, user.id, Some(&secret), false, &format_instant(self.now())).await?;
                secret
            }
        };
        tx.commit().await?;
        let uri = self.totp(&secret, &user.username)?.get_url();
        Ok(TotpSetup { secret, uri })
    }

    /// Confirms the second factor with a first code; completes a pending sign-in.
    pub async fn confirm_totp_setup(&self, actor: &Actor, code: &str) -> AppResult<()> {
        let mut tx = self.store.begin().await?;
        let user = users::get(&mut tx, actor.user_id.0).await?.ok_or(AppError::Unauthenticated)?;
        let Some(secret) = user.totp_secret.clone().filter(|_| !user.totp_enabled) else {
            return Err(AppError::Conflict("totp-not-being-set-up"));
        };
        if !self.totp(&secret, &user.username)?.check_current(code.trim()).unwrap_or(false) {
            self.record_second_factor_failure(&mut tx, &user).await?;
            let entry = self.entry(
                actor,
                "user.totp_setup",
                Outcome::Failed,
                Purpose::Authentication,
                None,
                &Subject::record("user", user.id),
            );
            self.append_in(&mut tx, vec![entry]).await?;
            tx.commit().await?;
            return Err(AppError::SecondFactorInvalid);
        }
        users::set_totp(&mut tx, user.id, Some(&secret), true, &format_instant(self.now())).await?;
        if let Credential::Session { id, .. } = actor.credential {
            sessions::complete_second_factor(&mut tx, id).await?;
        }
        let entry = self.entry(
            actor,
            "user.totp_enabled",
            Outcome::Allowed,
            Purpose::Authentication,
            None,
            &Subject::record("user", user.id),
        );
        self.append_in(&mut tx, vec![entry]).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Ends the session.
    pub async fn sign_out(&self, actor: &Actor) -> AppResult<()> {
        let Credential::Session { id, .. } = actor.credential else {
            return Ok(());
        };
        let mut tx = self.store.begin().await?;
        sessions::delete(&mut tx, id).await?;
        let entry = self.entry(
            actor,
            "session.sign_out",
            Outcome::Allowed,
            Purpose::Authentication,
            None,
            &Subject::record("session", id),
        );
        self.append_in(&mut tx, vec![entry]).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Chooses the site acted for (`None`: all of the user's sites).
    pub async fn switch_site(&self, actor: &Actor, code: Option<&str>) -> AppResult<()> {
        let Credential::Session { id, .. } = actor.credential else {
            return Err(AppError::Conflict("no-session"));
        };
        let site = match code.filter(|c| !c.trim().is_empty()) {
            None => None,
            Some(code) => Some(
                actor
                    .sites
                    .iter()
                    .find(|s| s.code.eq_ignore_ascii_case(code.trim()))
                    .ok_or(AppError::field("site", continuum_domain::validation::Problem::UnknownSite))?
                    .id,
            ),
        };
        let mut tx = self.store.begin().await?;
        sessions::set_site(&mut tx, id, site.map(|s| s.0)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sets the interface language for the session and the user's profile.
    pub async fn set_language(&self, actor: &Actor, language: Language) -> AppResult<()> {
        let mut tx = self.store.begin().await?;
        if let Credential::Session { id, .. } = actor.credential {
            sessions::set_language(&mut tx, id, language.code()).await?;
        }
        if actor.user_id.0 != 0 {
            users::set_language(&mut tx, actor.user_id.0, language.code(), &format_instant(self.now())).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// The sites a user may act for: every active site for an all-sites grant,
/// else the granted ones.
pub(crate) async fn selectable_sites(
    conn: &mut Conn,
    cache: &SiteCache,
    grants: &[RoleGrant],
) -> AppResult<Vec<SiteRef>> {
    let all = cache.sites(conn).await?;
    let everywhere = grants.iter().any(|g| g.scope == SiteScope::AllSites);
    Ok(all
        .into_iter()
        .filter(|s| (everywhere && s.active) || grants.iter().any(|g| g.scope == SiteScope::Site(SiteId(s.id))))
        .map(|s| SiteRef { id: SiteId(s.id), code: s.code, name: s.name })
        .collect())
}

/// The list of sites, read at most every few seconds: every signed-in request
/// needs it for the site switcher, and sites change a few times a year. A
/// change made by this process clears it at once; other servers see it
/// within [`SiteCache::TTL`].
#[derive(Default)]
pub(crate) struct SiteCache(std::sync::Mutex<Option<(std::time::Instant, Vec<sites::SiteRow>)>>);

impl SiteCache {
    const TTL: std::time::Duration = std::time::Duration::from_secs(10);

    async fn sites(&self, conn: &mut Conn) -> AppResult<Vec<sites::SiteRow>> {
        if let Ok(cached) = self.0.lock()
            && let Some((at, rows)) = cached.as_ref()
            && at.elapsed() < Self::TTL
        {
            return Ok(rows.clone());
        }
        let rows = sites::list(conn).await?;
        if let Ok(mut cached) = self.0.lock() {
            *cached = Some((std::time::Instant::now(), rows.clone()));
        }
        Ok(rows)
    }

    /// Forgets the list after a change.
    pub(crate) fn clear(&self) {
        if let Ok(mut cached) = self.0.lock() {
            *cached = None;
        }
    }
}

/// Turns stored grants into domain grants, skipping unknown roles.
pub(crate) fn domain_grants(rows: &[continuum_store::users::GrantRow]) -> Vec<RoleGrant> {
    rows.iter()
        .filter_map(|g| {
            Some(RoleGrant {
                role: Role::parse(&g.role)?,
                scope: g.site_id.map_or(SiteScope::AllSites, |s| SiteScope::Site(SiteId(s))),
            })
        })
        .collect()
}

/// Builds the actor of a user.
pub(crate) async fn load_actor(
    conn: &mut Conn,
    cache: &SiteCache,
    user: &UserRow,
    grants: &[GrantRow],
    session: Option<&SessionRow>,
    credential: Credential,
    access: AccessPoint,
) -> AppResult<Actor> {
    let grants = domain_grants(grants);
    // An outside provider acts for no prison (issue 6, item 4).
    let outside_provider = !grants.is_empty() && grants.iter().all(|g| g.role == Role::ExternalProvider);
    let sites = if outside_provider { Vec::new() } else { selectable_sites(conn, cache, &grants).await? };
    let site = session.and_then(|s| s.site_id).and_then(|id| sites.iter().find(|s| s.id.0 == id).cloned());
    let language = session
        .and_then(|s| s.language.as_deref())
        .and_then(Language::parse)
        .or_else(|| Language::parse(&user.language))
        .unwrap_or(Language::En);
    Ok(Actor {
        user_id: UserId(user.id),
        username: user.username.clone(),
        display_name: user.display_name.clone(),
        language,
        grants,
        sites,
        site,
        organisation: user.organisation_id.map(continuum_domain::ids::OrganisationId),
        credential,
        access,
    })
}

impl App {
    /// The actor of a command run on behalf of a user (`continuum import
    /// entries --user NAME`): the user's own grants and sites, so the policy
    /// and the audit trail apply as in the web application, with the command
    /// line as access point.
    pub async fn command_line_actor(&self, username: &str) -> AppResult<Actor> {
        let mut conn = self.store.reader().await?;
        let user = users::by_username(&mut conn, username.trim()).await?.filter(|u| u.active);
        let Some((user, grants)) = (match user {
            Some(user) => users::with_grants(&mut conn, user.id).await?,
            None => None,
        }) else {
            return Err(AppError::field("user", continuum_domain::validation::Problem::InvalidFormat));
        };
        let access = AccessPoint { ip: None, user_agent: Some("continuum-cli".into()), request_id: None };
        load_actor(&mut conn, &self.sites, &user, &grants, None, Credential::Operator, access).await
    }
}
