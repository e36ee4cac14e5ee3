//! Who is acting, for which site, from where.

use continuum_domain::ids::{OrganisationId, SiteId, UserId};
use continuum_domain::policy::{Action, Target, decide};
use continuum_domain::role::{Role, RoleGrant};
use continuum_domain::site::Language;

/// Where a request came from; recorded with every audit row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccessPoint {
    /// Client IP address.
    pub ip: Option<String>,
    /// Client user agent.
    pub user_agent: Option<String>,
    /// Request id, shared with the logs.
    pub request_id: Option<String>,
}

/// A site as shown to a user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteRef {
    /// Id.
    pub id: SiteId,
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
}

/// How the actor proved who they are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Credential {
    /// A browser session.
    Session {
        /// Session id.
        id: i64,
        /// The CSRF token forms must echo.
        csrf_token: String,
    },
    /// An API bearer token.
    Token {
        /// Token id.
        id: i64,
    },
    /// The local operator at the command line.
    Operator,
    /// A tablet paired for self-administration: it acts for the worker who
    /// started it, on one screening only (`kiosk`).
    Kiosk {
        /// Kiosk session id.
        id: i64,
        /// The one screening it may answer.
        screening_id: i64,
        /// The CSRF token its forms must echo.
        csrf_token: String,
    },
}

/// The signed-in user a use case acts for.
#[derive(Debug, Clone)]
pub struct Actor {
    /// User id (0 for the operator).
    pub user_id: UserId,
    /// Username.
    pub username: String,
    /// Display name.
    pub display_name: String,
    /// Interface language.
    pub language: Language,
    /// Roles and where they hold.
    pub grants: Vec<RoleGrant>,
    /// The sites the user may act for (switcher).
    pub sites: Vec<SiteRef>,
    /// The site acted for now, if one is chosen.
    pub site: Option<SiteRef>,
    /// The organisation the user works for (`users.organisation_id`): an
    /// outside provider reads the people referred to it (issue 6, item 4).
    pub organisation: Option<OrganisationId>,
    /// How the actor signed in.
    pub credential: Credential,
    /// Where the request came from.
    pub access: AccessPoint,
}

impl Actor {
    /// The local operator of the command line: an administrator without
    /// clinical access, audited as `operator`.
    pub fn operator() -> Actor {
        Actor {
            user_id: UserId(0),
            username: "operator".into(),
            display_name: "Operator (command line)".into(),
            language: Language::En,
            grants: vec![RoleGrant { role: Role::Admin, scope: continuum_domain::role::SiteScope::AllSites }],
            sites: Vec::new(),
            site: None,
            organisation: None,
            credential: Credential::Operator,
            access: AccessPoint { ip: None, user_agent: Some("continuum-cli".into()), request_id: None },
        }
    }

    /// The same actor seen from another access point (per request).
    pub fn with_access(mut self, access: AccessPoint) -> Actor {
        self.access = access;
        self
    }

    /// The distinct roles the actor holds.
    pub fn roles(&self) -> Vec<Role> {
        let mut roles: Vec<Role> = self.grants.iter().map(|g| g.role).collect();
        roles.sort();
        roles.dedup();
        roles
    }

    /// Whether the actor holds a role anywhere.
    pub fn has_role(&self, role: Role) -> bool {
        self.grants.iter().any(|g| g.role == role)
    }

    /// The policy's answer for this actor; no audit (for menus and links).
    pub fn may(&self, action: Action, target: Target<'_>) -> bool {
        decide(&self.grants, action, target).is_allowed()
    }

    /// The code of one of the actor's sites (for the audit trail).
    pub fn site_code(&self, site: continuum_domain::ids::SiteId) -> Option<String> {
        self.sites.iter().find(|s| s.id == site).map(|s| s.code.clone())
    }

    /// The actor's sites where the action is allowed.
    pub fn sites_where(&self, action: Action) -> Vec<continuum_domain::ids::SiteId> {
        self.sites.iter().map(|s| s.id).filter(|id| self.may(action, Target::site(*id))).collect()
    }

    /// Whether the action is possible at one of the actor's sites for some
    /// record, given the consents or relationships a record may have
    /// (`policy::possible`): what [`crate::App::permit`] asks of a
    /// site-bound action before the input is read.
    pub fn may_somewhere(&self, action: Action) -> bool {
        self.sites.iter().any(|s| continuum_domain::policy::possible(&self.grants, action, Some(s.id)))
            || continuum_domain::policy::possible(&self.grants, action, None)
    }

    /// Whether the actor is an outside provider and nothing else: such an
    /// actor acts for no prison, and every refusal answers "not found", so
    /// that nothing of the system, not even whether a person exists, is
    /// told (issue 6, item 4).
    pub fn is_outside_provider(&self) -> bool {
        !self.grants.is_empty() && self.grants.iter().all(|g| g.role == Role::ExternalProvider)
    }

    /// Whether any target could allow the action (for navigation).
    pub fn may_ever(&self, action: Action) -> bool {
        self.grants.iter().any(|g| {
            let target = match g.scope {
                continuum_domain::role::SiteScope::Site(site) => Target::site(site),
                continuum_domain::role::SiteScope::AllSites => Target::PROGRAMME,
            };
            decide(std::slice::from_ref(g), action, target).is_allowed()
        })
    }

    /// The CSRF token of the browser session (or of the kiosk), if any.
    pub fn csrf_token(&self) -> Option<&str> {
        match &self.credential {
            Credential::Session { csrf_token, .. } | Credential::Kiosk { csrf_token, .. } => Some(csrf_token),
            _ => None,
        }
    }

    /// The screening a kiosk is bound to; `None` for every other credential.
    pub fn kiosk_screening(&self) -> Option<i64> {
        match self.credential {
            Credential::Kiosk { screening_id, .. } => Some(screening_id),
            _ => None,
        }
    }
}
