//! API bearer tokens: created for a user, shown once, stored hashed, with
//! an expiry and revocation.

use continuum_domain::audit::format_instant;
use continuum_domain::policy::{Action, Target};
use continuum_domain::validation::{self, Invalid, Problem};
use continuum_store::{tokens, users};
use jiff::{SignedDuration, Timestamp};

use crate::access::Subject;
use crate::actor::{AccessPoint, Actor, Credential};
use crate::app::App;
use crate::auth::load_actor;
use crate::error::{AppError, AppResult};
use crate::secrets::{random_token, token_hash};

/// A token as its owner sees it (never the secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenInfo {
    /// Id.
    pub id: i64,
    /// Label.
    pub label: String,
    /// Created.
    pub created_at: String,
    /// Ends.
    pub expires_at: String,
    /// Revoked when.
    pub revoked_at: Option<String>,
}

/// A token just created: the secret is shown this once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewToken {
    /// Id.
    pub id: i64,
    /// The bearer secret.
    pub secret: String,
    /// Ends.
    pub expires_at: String,
}

impl App {
    /// Creates a token for `username` valid `days` days (default from the
    /// settings). Users create their own; the operator creates anyone's.
    pub async fn create_api_token(
        &self,
        actor: &Actor,
        username: &str,
        label: &str,
        days: Option<i64>,
    ) -> AppResult<NewToken> {
        let own = username == actor.username;
        let action = if own { Action::ManageOwnAccount } else { Action::ManageUsers };
        let allowed =
            self.authorize(actor, action, Target::PROGRAMME, "api_token.create", &Subject::kind("api_token")).await?;
        let mut errors = Invalid::default();
        let label = validation::text(&mut errors, "label", label, 0, 100);
        let days = days.unwrap_or(self.config.token_default_days);
        if !(1..=self.config.token_max_days).contains(&days) {
            errors.push("days", Problem::InvalidFormat);
        }
        if !errors.0.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let mut tx = self.store.begin().await?;
        let user = users::by_username(&mut tx, username.trim())
            .await?
            .filter(|u| u.active)
            .ok_or_else(|| AppError::field("user", Problem::InvalidFormat))?;
        let now = self.now();
        let expires_at = format_instant(now.saturating_add(SignedDuration::from_hours(24 * days)).unwrap_or(now));
        let secret = random_token();
        let label = if label.is_empty() { "api".to_owned() } else { label };
        let id =
            tokens::insert(&mut tx, user.id, &token_hash(&secret), &label, &format_instant(now), &expires_at).await?;
        let mut subject = Subject::record("api_token", id);
        subject.site = None;
        self.audit_change(&mut tx, actor, allowed, "api_token.create", &subject).await?;
        tx.commit().await?;
        Ok(NewToken { id, secret, expires_at })
    }

    /// The actor a bearer token stands for, if valid.
    pub async fn authenticate_token(&self, secret: &str, access: AccessPoint) -> AppResult<Actor> {
        let now = self.now();
        let mut conn = self.store.reader().await?;
        let token = tokens::by_hash(&mut conn, &token_hash(secret.trim()))
            .await?
            .filter(|t| t.revoked_at.is_none())
            .filter(|t| t.expires_at.parse::<Timestamp>().is_ok_and(|end| end > now))
            .ok_or(AppError::Unauthenticated)?;
        let (user, grants) = users::with_grants(&mut conn, token.user_id)
            .await?
            .filter(|(u, _)| u.active)
            .ok_or(AppError::Unauthenticated)?;
        load_actor(&mut conn, &self.sites, &user, &grants, None, Credential::Token { id: token.id }, access).await
    }

    /// The actor's own tokens.
    pub async fn my_api_tokens(&self, actor: &Actor) -> AppResult<Vec<TokenInfo>> {
        self.authorize(
            actor,
            Action::ManageOwnAccount,
            Target::PROGRAMME,
            "api_token.list",
            &Subject::kind("api_token"),
        )
        .await?;
        let mut conn = self.store.reader().await?;
        Ok(tokens::for_user(&mut conn, actor.user_id.0)
            .await?
            .into_iter()
            .map(|t| TokenInfo {
                id: t.id,
                label: t.label,
                created_at: t.created_at,
                expires_at: t.expires_at,
                revoked_at: t.revoked_at,
            })
            .collect())
    }

    /// Revokes one of the actor's own tokens.
    pub async fn revoke_api_token(&self, actor: &Actor, id: i64) -> AppResult<()> {
        let subject = Subject::record("api_token", id);
        let allowed =
            self.authorize(actor, Action::ManageOwnAccount, Target::PROGRAMME, "api_token.revoke", &subject).await?;
        let mut tx = self.store.begin().await?;
        if !tokens::revoke(&mut tx, actor.user_id.0, id, &format_instant(self.now())).await? {
            return Err(AppError::NotFound);
        }
        self.audit_change(&mut tx, actor, allowed, "api_token.revoke", &subject).await?;
        tx.commit().await?;
        Ok(())
    }
}
