//! Roles (DOMAIN.md, "Roles") and the sites each is granted for.

use std::fmt;

use crate::ids::SiteId;

/// What a user does in the programme. A user may hold several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Project psychologist or remedial educationalist of a drug service.
    CareWorker,
    /// Prison doctor or nurse.
    Medical,
    /// Psychosocial service: no clinical access.
    Psychosocial,
    /// Prison officers and their heads.
    PrisonStaff,
    /// Prison director or delegate.
    Director,
    /// One of the two drug-policy coordinators.
    Coordinator,
    /// Member of a steering group.
    SteeringMember,
    /// Worker of an outside care service.
    ExternalProvider,
    /// Member of an approved research team.
    Researcher,
    /// System administrator.
    Admin,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 10] = [
        Role::CareWorker,
        Role::Medical,
        Role::Psychosocial,
        Role::PrisonStaff,
        Role::Director,
        Role::Coordinator,
        Role::SteeringMember,
        Role::ExternalProvider,
        Role::Researcher,
        Role::Admin,
    ];

    /// The stable code used in storage, URLs, accounts and Fluent keys.
    pub fn code(self) -> &'static str {
        match self {
            Role::CareWorker => "care_worker",
            Role::Medical => "medical",
            Role::Psychosocial => "psychosocial",
            Role::PrisonStaff => "prison_staff",
            Role::Director => "director",
            Role::Coordinator => "coordinator",
            Role::SteeringMember => "steering_member",
            Role::ExternalProvider => "external_provider",
            Role::Researcher => "researcher",
            Role::Admin => "admin",
        }
    }

    /// Parses a role code.
    pub fn parse(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code.trim())
    }

    /// Whether the role works with identified clinical data. The production
    /// default requires a second factor for these roles.
    pub fn is_clinical(self) -> bool {
        matches!(self, Role::CareWorker | Role::Medical)
    }

    /// Whether the role is granted per site (as opposed to programme-wide
    /// roles that usually hold all sites).
    pub fn is_site_bound(self) -> bool {
        matches!(self, Role::CareWorker | Role::Medical | Role::Psychosocial | Role::PrisonStaff | Role::Director)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Where a grant applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SiteScope {
    /// Every site of the programme.
    AllSites,
    /// One site.
    Site(SiteId),
}

impl SiteScope {
    /// Whether this scope covers the given site.
    pub fn covers(self, site: SiteId) -> bool {
        match self {
            SiteScope::AllSites => true,
            SiteScope::Site(own) => own == site,
        }
    }
}

/// One role held for one scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RoleGrant {
    /// The role.
    pub role: Role,
    /// Where it applies.
    pub scope: SiteScope,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.code()), Some(role));
        }
        assert_eq!(Role::parse("nurse"), None);
    }

    #[test]
    fn all_sites_covers_every_site_and_a_site_only_itself() {
        assert!(SiteScope::AllSites.covers(SiteId(3)));
        assert!(SiteScope::Site(SiteId(3)).covers(SiteId(3)));
        assert!(!SiteScope::Site(SiteId(3)).covers(SiteId(4)));
    }
}
