//! The access policy: one pure function decides every access.
//!
//! [`decide`] takes the actor's role grants, the action, and what is known of
//! the target (its site, and the actor's relationships to it: transfer,
//! referral, consent, break-the-glass, group membership) and answers allow
//! (with the grounds, which become the audit purpose) or deny (with a reason).
//! The application layer calls it in every use case, before touching data.
//!
//! Rules written down (DOMAIN.md, "Roles"):
//! - Clinical data is read and written only by care workers and the medical
//!   service of the person's site, by the sending site's team (read only)
//!   while a transfer's read window lasts, by an outside provider the person
//!   is referred to within a valid sharing consent (read only), and by the
//!   medical service of another site under break-the-glass.
//! - Prison security staff, psychosocial service, directors, coordinators,
//!   steering members, researchers and administrators never get clinical data.
//! - Medication and OAT are written by the medical service only
//!   (`WriteMedication`); care workers read them as clinical data.
//! - A site-bound action on a programme-wide target (all sites at once) needs
//!   a grant for all sites.

use crate::ids::SiteId;
use crate::role::{Role, RoleGrant, SiteScope};

/// Everything a user can ask to do. Each use case names exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    /// See sites and organisations (non-personal reference data).
    ViewReferenceData,
    /// Create or edit sites.
    ManageSites,
    /// Create or edit organisations.
    ManageOrganisations,
    /// Create, edit, disable users and their role grants.
    ManageUsers,
    /// See and change one's own account (password, second factor, tokens).
    ManageOwnAccount,
    /// Search the audit trail.
    SearchAudit,
    /// See who has accessed one person's file (the person's right of access).
    ViewPersonAccessLog,
    /// Review break-the-glass accesses.
    ReviewEmergencyAccess,
    /// Open emergency access to a person at another site.
    RequestEmergencyAccess,
    /// See and search the entry register: people's identity and their
    /// detention episodes (no clinical data).
    ViewRegister,
    /// Add and edit people and episodes, import entry lists, merge duplicates.
    EditRegister,
    /// Read a person's clinical data.
    ReadClinical,
    /// Write a person's clinical data.
    WriteClinical,
    /// See whether a person takes part, and referral status (no clinical content).
    ReadParticipation,
    /// Signal that a person may need help.
    SignalPerson,
    /// Update a referral's status and follow-up.
    UpdateReferral,
    /// See aggregated indicators.
    ViewIndicators,
    /// See steering groups, meetings, minutes, decisions and actions.
    ViewGovernance,
    /// Plan meetings, record minutes, decisions and actions.
    ManageGovernance,
    /// Decide on the prior authorisation of a local project.
    DecideProjectAuthorisation,
    /// Organise training and information sessions and record attendance.
    ManageTraining,
    /// Export pseudonymised research data.
    ExportResearch,
    /// Load the content packs of screening instruments (licensed wording,
    /// with its provenance) and see which are loaded.
    ManageInstruments,
    /// Undo a merge of duplicate people (administrators: it restores both
    /// records as they were, without showing who they are).
    UndoMerge,
    // OAT (issue 5, item 4).
    /// Record medication and opioid agonist treatment: prescriptions, the
    /// treatment declared at entry and its continuity (the medical service;
    /// care workers read them with `ReadClinical`).
    WriteMedication,
}

impl Action {
    /// Every action.
    pub const ALL: [Action; 25] = [
        Action::ViewReferenceData,
        Action::ManageSites,
        Action::ManageOrganisations,
        Action::ManageUsers,
        Action::ManageOwnAccount,
        Action::SearchAudit,
        Action::ViewPersonAccessLog,
        Action::ReviewEmergencyAccess,
        Action::RequestEmergencyAccess,
        Action::ViewRegister,
        Action::EditRegister,
        Action::ReadClinical,
        Action::WriteClinical,
        Action::ReadParticipation,
        Action::SignalPerson,
        Action::UpdateReferral,
        Action::ViewIndicators,
        Action::ViewGovernance,
        Action::ManageGovernance,
        Action::DecideProjectAuthorisation,
        Action::ManageTraining,
        Action::ExportResearch,
        Action::ManageInstruments,
        Action::UndoMerge,
        Action::WriteMedication,
    ];

    /// The stable code, used in the audit trail and the expectation tables.
    pub fn code(self) -> &'static str {
        match self {
            Action::ViewReferenceData => "view_reference_data",
            Action::ManageSites => "manage_sites",
            Action::ManageOrganisations => "manage_organisations",
            Action::ManageUsers => "manage_users",
            Action::ManageOwnAccount => "manage_own_account",
            Action::SearchAudit => "search_audit",
            Action::ViewPersonAccessLog => "view_person_access_log",
            Action::ReviewEmergencyAccess => "review_emergency_access",
            Action::RequestEmergencyAccess => "request_emergency_access",
            Action::ViewRegister => "view_register",
            Action::EditRegister => "edit_register",
            Action::ReadClinical => "read_clinical",
            Action::WriteClinical => "write_clinical",
            Action::ReadParticipation => "read_participation",
            Action::SignalPerson => "signal_person",
            Action::UpdateReferral => "update_referral",
            Action::ViewIndicators => "view_indicators",
            Action::ViewGovernance => "view_governance",
            Action::ManageGovernance => "manage_governance",
            Action::DecideProjectAuthorisation => "decide_project_authorisation",
            Action::ManageTraining => "manage_training",
            Action::ExportResearch => "export_research",
            Action::ManageInstruments => "manage_instruments",
            Action::UndoMerge => "undo_merge",
            Action::WriteMedication => "write_medication",
        }
    }

    /// Whether the action concerns one site's data (as opposed to the
    /// programme as a whole, where only the role counts).
    pub fn is_site_bound(self) -> bool {
        !matches!(
            self,
            Action::ViewReferenceData
                | Action::ManageSites
                | Action::ManageOrganisations
                | Action::ManageUsers
                | Action::ManageOwnAccount
                | Action::SearchAudit
                | Action::ReviewEmergencyAccess
                | Action::DecideProjectAuthorisation
                | Action::ManageInstruments
                | Action::UndoMerge
        )
    }

    /// Whether the action reads or writes identified clinical data.
    pub fn is_clinical(self) -> bool {
        matches!(self, Action::ReadClinical | Action::WriteClinical | Action::WriteMedication)
    }
}

/// A fact about the actor and the target that can open access beyond the
/// actor's own sites. The application layer establishes each from stored
/// data at the time of the request (a withdrawn consent is simply absent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relationship {
    /// The person was transferred away from this site, and the sending
    /// team's read window is still open.
    TransferredFrom(SiteId),
    /// The person is referred to the actor's organisation and a valid
    /// sharing consent covers what is read.
    ReferredToActorOrganisation,
    /// The person consented to share their participation with the actor's
    /// service (the psychosocial service).
    SharingConsentWithActor,
    /// The actor holds an unexpired break-the-glass access to the person.
    EmergencyAccess,
    /// The actor signalled this person.
    SignalledByActor,
    /// The actor is a member of the steering group concerned.
    GroupMember,
}

/// What is known of the resource an action touches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target<'a> {
    /// The site the resource belongs to; `None` for programme-wide resources.
    pub site: Option<SiteId>,
    /// The actor's relationships to the resource.
    pub relationships: &'a [Relationship],
}

impl Target<'static> {
    /// A programme-wide resource (users, the audit trail, all sites' figures).
    pub const PROGRAMME: Target<'static> = Target { site: None, relationships: &[] };

    /// A resource of one site, without any special relationship.
    pub fn site(site: SiteId) -> Target<'static> {
        Target { site: Some(site), relationships: &[] }
    }
}

/// Why access is allowed; it becomes the purpose in the audit trail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grounds {
    /// The actor's role covers the site or the programme.
    Role(Role),
    /// The sending team's read access after a transfer.
    Transfer,
    /// A referral to the actor's organisation within consent.
    Referral,
    /// The person's consent to share with the actor.
    Consent,
    /// Emergency access, flagged for review.
    BreakTheGlass,
    /// Membership of the steering group concerned.
    Membership,
}

/// Why access is refused. The message never reveals whether a person exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DenyReason {
    /// None of the actor's roles may do this at all.
    RoleNotPermitted,
    /// A role may, but not at this site.
    OutsideGrantedSites,
    /// A role may, but only with a relationship (consent, referral, group
    /// membership) that is absent or no longer valid.
    RelationshipRequired,
}

impl DenyReason {
    /// The stable code, for the audit trail.
    pub fn code(self) -> &'static str {
        match self {
            DenyReason::RoleNotPermitted => "role_not_permitted",
            DenyReason::OutsideGrantedSites => "outside_granted_sites",
            DenyReason::RelationshipRequired => "relationship_required",
        }
    }
}

/// The answer of the policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Go ahead, on these grounds.
    Allow(Grounds),
    /// Refused, for this reason.
    Deny(DenyReason),
}

impl Decision {
    /// Whether the access is allowed.
    pub fn is_allowed(self) -> bool {
        matches!(self, Decision::Allow(_))
    }
}

/// Decides whether an actor holding `grants` may do `action` on `target`.
///
/// Grants are tried one by one; the first that allows wins, and direct role
/// grounds are preferred over relationships so that break-the-glass is only
/// recorded when nothing else allows.
pub fn decide(grants: &[RoleGrant], action: Action, target: Target<'_>) -> Decision {
    let mut best: Option<Grounds> = None;
    let mut reason = DenyReason::RoleNotPermitted;
    for grant in grants {
        match grant_decision(*grant, action, target) {
            Decision::Allow(grounds @ Grounds::Role(_)) => return Decision::Allow(grounds),
            Decision::Allow(grounds) => {
                if best.is_none() {
                    best = Some(grounds);
                }
            }
            Decision::Deny(r) => reason = stronger(reason, r),
        }
    }
    match best {
        Some(grounds) => Decision::Allow(grounds),
        None => Decision::Deny(reason),
    }
}

/// The most informative of two reasons (for the audit trail, not the user).
fn stronger(a: DenyReason, b: DenyReason) -> DenyReason {
    fn rank(r: DenyReason) -> u8 {
        match r {
            DenyReason::RoleNotPermitted => 0,
            DenyReason::OutsideGrantedSites => 1,
            DenyReason::RelationshipRequired => 2,
        }
    }
    if rank(b) > rank(a) { b } else { a }
}

/// What the role may do at all, and on which condition.
enum Rule {
    /// Not permitted to this role.
    Never,
    /// Permitted wherever the grant's scope covers the target.
    InScope,
    /// Permitted whatever the scope (programme-level actions).
    Anywhere,
    /// Permitted in scope only with this relationship.
    InScopeWith(Relationship),
    /// Permitted anywhere only with this relationship.
    AnywhereWith(Relationship),
}

fn rule(role: Role, action: Action) -> Rule {
    use Action as A;
    use Role as R;
    match (role, action) {
        (_, A::ViewReferenceData | A::ManageOwnAccount) => Rule::Anywhere,

        (R::Admin, A::ManageSites | A::ManageOrganisations | A::ManageUsers | A::ManageInstruments | A::UndoMerge) => {
            Rule::Anywhere
        }
        (R::Admin | R::Coordinator, A::SearchAudit | A::ReviewEmergencyAccess) => Rule::Anywhere,
        (R::Admin | R::Coordinator, A::ViewPersonAccessLog) => Rule::InScope,
        (R::Coordinator, A::ManageOrganisations | A::DecideProjectAuthorisation) => Rule::Anywhere,

        (
            R::CareWorker | R::Medical,
            A::ViewRegister
            | A::EditRegister
            | A::ReadClinical
            | A::WriteClinical
            | A::ReadParticipation
            | A::SignalPerson
            | A::UpdateReferral
            | A::ViewPersonAccessLog,
        ) => Rule::InScope,
        (R::Medical, A::RequestEmergencyAccess) => Rule::Anywhere,
        // OAT (issue 5, item 4): prescribing is the medical service's.
        (R::Medical, A::WriteMedication) => Rule::InScope,

        (R::Psychosocial, A::ReadParticipation) => Rule::InScopeWith(Relationship::SharingConsentWithActor),
        (R::PrisonStaff, A::SignalPerson) => Rule::InScope,

        (R::Director, A::ViewIndicators | A::ViewGovernance | A::ManageGovernance) => Rule::InScope,
        (R::Director | R::Coordinator, A::ManageTraining) => Rule::InScope,
        (R::Coordinator, A::ViewIndicators | A::ViewGovernance | A::ManageGovernance) => Rule::InScope,
        (R::SteeringMember, A::ViewGovernance | A::ManageGovernance) => Rule::AnywhereWith(Relationship::GroupMember),
        // Governance (issue 7): the central group decides authorisations;
        // its members do, as members (`GroupMember` of the deciding group).
        (R::SteeringMember, A::DecideProjectAuthorisation) => Rule::AnywhereWith(Relationship::GroupMember),

        (R::ExternalProvider, A::ReadClinical | A::UpdateReferral) => {
            Rule::AnywhereWith(Relationship::ReferredToActorOrganisation)
        }
        (R::Researcher, A::ViewIndicators | A::ExportResearch) => Rule::InScope,

        _ => Rule::Never,
    }
}

fn in_scope(scope: SiteScope, target: Target<'_>) -> bool {
    match (scope, target.site) {
        (scope, Some(site)) => scope.covers(site),
        (SiteScope::AllSites, None) => true,
        (SiteScope::Site(_), None) => false,
    }
}

fn has(target: Target<'_>, relationship: Relationship) -> bool {
    target.relationships.contains(&relationship)
}

fn grounds_of(relationship: Relationship) -> Grounds {
    match relationship {
        Relationship::TransferredFrom(_) => Grounds::Transfer,
        Relationship::ReferredToActorOrganisation => Grounds::Referral,
        Relationship::SharingConsentWithActor | Relationship::SignalledByActor => Grounds::Consent,
        Relationship::EmergencyAccess => Grounds::BreakTheGlass,
        Relationship::GroupMember => Grounds::Membership,
    }
}

fn grant_decision(grant: RoleGrant, action: Action, target: Target<'_>) -> Decision {
    let role = grant.role;
    match rule(role, action) {
        Rule::Never => Decision::Deny(DenyReason::RoleNotPermitted),
        Rule::Anywhere => Decision::Allow(Grounds::Role(role)),
        Rule::AnywhereWith(relationship) if has(target, relationship) => Decision::Allow(grounds_of(relationship)),
        Rule::AnywhereWith(_) => Decision::Deny(DenyReason::RelationshipRequired),
        Rule::InScopeWith(relationship) if in_scope(grant.scope, target) => {
            if has(target, relationship) {
                Decision::Allow(grounds_of(relationship))
            } else {
                Decision::Deny(DenyReason::RelationshipRequired)
            }
        }
        Rule::InScope if in_scope(grant.scope, target) => Decision::Allow(Grounds::Role(role)),
        Rule::InScope | Rule::InScopeWith(_) => beyond_scope(grant, action, target),
    }
}

/// Access outside the grant's sites, which only relationships can open.
fn beyond_scope(grant: RoleGrant, action: Action, target: Target<'_>) -> Decision {
    let clinical_role = matches!(grant.role, Role::CareWorker | Role::Medical);
    let transferred_from_own = target
        .relationships
        .iter()
        .any(|r| matches!(r, Relationship::TransferredFrom(site) if grant.scope.covers(*site)));
    let read_only = matches!(action, Action::ReadClinical | Action::ReadParticipation | Action::ViewPersonAccessLog);
    if clinical_role && read_only && transferred_from_own {
        return Decision::Allow(Grounds::Transfer);
    }
    if grant.role == Role::Medical && action.is_clinical() && has(target, Relationship::EmergencyAccess) {
        return Decision::Allow(Grounds::BreakTheGlass);
    }
    Decision::Deny(DenyReason::OutsideGrantedSites)
}

#[cfg(test)]
mod tests;
