//! The organisation an outside provider's account works for: the referrals
//! to it are all the account sees (issue 6, item 4). Set by an
//! administrator, apart from the account form, and audited.

use continuum_domain::audit::format_instant;
use continuum_domain::policy::{Action, Target};
use continuum_store::{organisations, users};

use crate::access::Subject;
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};

impl App {
    /// Binds an account to the organisation it works for (`None` unbinds
    /// it); an unknown organisation or account answers "not found".
    pub async fn set_user_organisation(&self, actor: &Actor, user_id: i64, organisation: Option<i64>) -> AppResult<()> {
        let subject = Subject::record("user", user_id);
        let allowed =
            self.authorize(actor, Action::ManageUsers, Target::PROGRAMME, "user.organisation", &subject).await?;
        let at = format_instant(self.now());
        let mut tx = self.store.begin().await?;
        if let Some(id) = organisation
            && organisations::get(&mut tx, id).await?.is_none()
        {
            return Err(AppError::NotFound);
        }
        if !users::set_organisation(&mut tx, user_id, organisation, &at).await? {
            return Err(AppError::NotFound);
        }
        self.audit_change(&mut tx, actor, allowed, "user.organisation", &subject).await?;
        tx.commit().await?;
        Ok(())
    }
}
