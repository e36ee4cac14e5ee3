//! Staff accounts: administrators manage them; every user manages their own
//! password, second factor and tokens. Reads of accounts are audited (staff
//! names are personal data too).

use continuum_domain::account::AccountDraft;
use continuum_domain::audit::format_instant;
use continuum_domain::credentials::check_new_password;
use continuum_domain::policy::{Action, Target};
use continuum_domain::role::{Role, RoleGrant, SiteScope};
use continuum_domain::validation::{Invalid, Problem};
use continuum_store::users::{GrantRow, NewUser, Profile, UserRow};
use continuum_store::{sessions, users};

use crate::access::Subject;
use crate::actor::Actor;
use crate::app::App;
use crate::auth::domain_grants;
use crate::error::{AppError, AppResult, duplicate_on};
use crate::secrets::{hash_password, verify_password};
use crate::{Listing, Paging};

/// An account as administrators and the user see it (no secrets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// Id.
    pub id: i64,
    /// Username.
    pub username: String,
    /// Display name.
    pub display_name: String,
    /// E-mail.
    pub email: String,
    /// Language code.
    pub language: String,
    /// The organisation an outside provider works for.
    pub organisation_id: Option<i64>,
    /// Whether it may sign in.
    pub active: bool,
    /// Whether a second factor is in use.
    pub totp_enabled: bool,
    /// Locked after failed sign-ins until.
    pub locked_until: Option<String>,
    /// Roles and sites.
    pub grants: Vec<GrantRow>,
    /// Created.
    pub created_at: String,
    /// Last changed.
    pub updated_at: String,
}

fn account(user: UserRow, grants: Vec<GrantRow>) -> Account {
    Account {
        id: user.id,
        username: user.username,
        display_name: user.display_name,
        email: user.email,
        organisation_id: user.organisation_id,
        language: user.language,
        active: user.active,
        totp_enabled: user.totp_enabled,
        locked_until: user.locked_until,
        grants,
        created_at: user.created_at,
        updated_at: user.updated_at,
    }
}

fn grant_rows(grants: &[RoleGrant]) -> Vec<(String, Option<i64>)> {
    grants
        .iter()
        .map(|g| {
            let site = match g.scope {
                SiteScope::AllSites => None,
                SiteScope::Site(id) => Some(id.0),
            };
            (g.role.code().to_owned(), site)
        })
        .collect()
}

impl App {
    /// Resolves site codes for account forms.
    pub async fn site_ids(&self) -> AppResult<Vec<(String, continuum_domain::ids::SiteId)>> {
        let mut conn = self.store.reader().await?;
        Ok(continuum_store::sites::list(&mut conn)
            .await?
            .into_iter()
            .map(|s| (s.code, continuum_domain::ids::SiteId(s.id)))
            .collect())
    }

    /// A page of accounts whose username or name contains `search`.
    pub async fn list_users(&self, actor: &Actor, search: &str, paging: Paging) -> AppResult<Listing<Account>> {
        let subject = Subject::kind("user");
        let allowed = self.authorize(actor, Action::ManageUsers, Target::PROGRAMME, "user.list", &subject).await?;
        let mut conn = self.store.reader().await?;
        let (rows, total) = users::list(&mut conn, search, paging.to_store()).await?;
        let mut items = Vec::with_capacity(rows.len());
        for row in rows {
            let grants = users::grants(&mut conn, row.id).await?;
            items.push(account(row, grants));
        }
        drop(conn);
        self.audit_read(actor, allowed, "user.list", &subject).await?;
        Ok(Listing::new(items, total, paging))
    }

    /// One account.
    pub async fn get_user(&self, actor: &Actor, id: i64) -> AppResult<Account> {
        let subject = Subject::record("user", id);
        let allowed = self.authorize(actor, Action::ManageUsers, Target::PROGRAMME, "user.read", &subject).await?;
        let mut conn = self.store.reader().await?;
        let (user, grants) = users::with_grants(&mut conn, id).await?.ok_or(AppError::NotFound)?;
        drop(conn);
        self.audit_read(actor, allowed, "user.read", &subject).await?;
        Ok(account(user, grants))
    }

    /// The actor's own account.
    pub async fn me(&self, actor: &Actor) -> AppResult<Account> {
        let subject = Subject::record("user", actor.user_id);
        self.authorize(actor, Action::ManageOwnAccount, Target::PROGRAMME, "user.read_own", &subject).await?;
        let mut conn = self.store.reader().await?;
        let (user, grants) = users::with_grants(&mut conn, actor.user_id.0).await?.ok_or(AppError::Unauthenticated)?;
        Ok(account(user, grants))
    }

    /// Creates an account with a first password.
    pub async fn create_user(&self, actor: &Actor, draft: AccountDraft, password: &str) -> AppResult<i64> {
        let allowed = self
            .authorize(actor, Action::ManageUsers, Target::PROGRAMME, "user.create", &Subject::kind("user"))
            .await?;
        let mut errors = Invalid::default();
        check_new_password(&mut errors, "password", password, draft.username.as_str());
        if !errors.0.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        self.insert_user(actor, allowed, &draft, password).await
    }

    pub(crate) async fn insert_user(
        &self,
        actor: &Actor,
        allowed: crate::access::Allowed,
        draft: &AccountDraft,
        password: &str,
    ) -> AppResult<i64> {
        let hash = hash_password(password.to_owned(), self.config.password_cost).await?;
        let at = format_instant(self.now());
        let mut tx = self.store.begin().await?;
        let id = users::insert(
            &mut tx,
            &NewUser {
                username: draft.username.as_str(),
                display_name: &draft.display_name,
                email: &draft.email,
                language: draft.language.code(),
                organisation_id: None,
                password_hash: &hash,
            },
            &at,
        )
        .await
        .map_err(duplicate_on("username"))?;
        users::replace_grants(&mut tx, id, &grant_rows(&draft.grants), &at).await?;
        self.audit_change(&mut tx, actor, allowed, "user.create", &Subject::record("user", id)).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Changes an account's profile, activity and grants. Deactivating ends
    /// its sessions at once.
    pub async fn update_user(&self, actor: &Actor, id: i64, draft: AccountDraft) -> AppResult<()> {
        let subject = Subject::record("user", id);
        let allowed = self.authorize(actor, Action::ManageUsers, Target::PROGRAMME, "user.update", &subject).await?;
        if id == actor.user_id.0 && !draft.grants.iter().any(|g| g.role == Role::Admin) {
            return Err(AppError::field("grants", Problem::InvalidFormat));
        }
        let at = format_instant(self.now());
        let mut tx = self.store.begin().await?;
        // The account form does not hold the organisation (an outside
        // provider's, set apart): an edit keeps it.
        let organisation_id = users::get(&mut tx, id).await?.ok_or(AppError::NotFound)?.organisation_id;
        let profile = Profile {
            display_name: &draft.display_name,
            email: &draft.email,
            language: draft.language.code(),
            organisation_id,
            active: draft.active,
        };
        if !users::update_profile(&mut tx, id, &profile, &at).await? {
            return Err(AppError::NotFound);
        }
        users::replace_grants(&mut tx, id, &grant_rows(&draft.grants), &at).await?;
        if !draft.active {
            sessions::delete_for_user(&mut tx, id).await?;
        }
        self.audit_change(&mut tx, actor, allowed, "user.update", &subject).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sets a new password for an account (administrator), lifting a lock-out
    /// and ending its sessions.
    pub async fn reset_password(&self, actor: &Actor, id: i64, password: &str) -> AppResult<()> {
        let subject = Subject::record("user", id);
        let allowed =
            self.authorize(actor, Action::ManageUsers, Target::PROGRAMME, "user.reset_password", &subject).await?;
        let mut conn = self.store.reader().await?;
        let user = users::get(&mut conn, id).await?.ok_or(AppError::NotFound)?;
        drop(conn);
        let mut errors = Invalid::default();
        check_new_password(&mut errors, "password", password, &user.username);
        if !errors.0.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let hash = hash_password(password.to_owned(), self.config.password_cost).await?;
        let mut tx = self.store.begin().await?;
        users::set_password(&mut tx, id, &hash, &format_instant(self.now())).await?;
        sessions::delete_for_user(&mut tx, id).await?;
        self.audit_change(&mut tx, actor, allowed, "user.reset_password", &subject).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Changes the actor's own password, given the current one.
    pub async fn change_own_password(&self, actor: &Actor, current: &str, new: &str) -> AppResult<()> {
        let subject = Subject::record("user", actor.user_id);
        let allowed = self
            .authorize(actor, Action::ManageOwnAccount, Target::PROGRAMME, "user.change_password", &subject)
            .await?;
        let mut conn = self.store.reader().await?;
        let user = users::get(&mut conn, actor.user_id.0).await?.ok_or(AppError::Unauthenticated)?;
        drop(conn);
        if !verify_password(current.to_owned(), user.password_hash.clone()).await? {
            return Err(AppError::field("current_password", Problem::InvalidFormat));
        }
        let mut errors = Invalid::default();
        check_new_password(&mut errors, "new_password", new, &user.username);
        if !errors.0.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let hash = hash_password(new.to_owned(), self.config.password_cost).await?;
        let mut tx = self.store.begin().await?;
        users::set_password(&mut tx, user.id, &hash, &format_instant(self.now())).await?;
        self.audit_change(&mut tx, actor, allowed, "user.change_password", &subject).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Which roles require a second factor.
    pub async fn roles_requiring_totp(&self, actor: &Actor) -> AppResult<Vec<Role>> {
        self.authorize(actor, Action::ManageUsers, Target::PROGRAMME, "settings.read", &Subject::kind("settings"))
            .await?;
        let mut conn = self.store.reader().await?;
        Ok(users::roles_requiring_totp(&mut conn).await?.iter().filter_map(|r| Role::parse(r)).collect())
    }

    /// Sets which roles require a second factor.
    pub async fn set_roles_requiring_totp(&self, actor: &Actor, roles: &[Role]) -> AppResult<()> {
        let subject = Subject::kind("settings");
        let allowed =
            self.authorize(actor, Action::ManageUsers, Target::PROGRAMME, "settings.totp_required", &subject).await?;
        let mut tx = self.store.begin().await?;
        for role in Role::ALL {
            users::set_totp_required(&mut tx, role.code(), roles.contains(&role)).await?;
        }
        self.audit_change(&mut tx, actor, allowed, "settings.totp_required", &subject).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The domain grants of an account (for tests and the access matrix).
    pub async fn grants_of(&self, actor: &Actor, id: i64) -> AppResult<Vec<RoleGrant>> {
        Ok(domain_grants(&self.get_user(actor, id).await?.grants))
    }
}
