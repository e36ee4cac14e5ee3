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
//! - Outside providers see nothing of the system but the referrals to
//!   their organisation (not even its reference data: sites, organisations,
//!   the directory).
//! - Medication and OAT are written by the medical service only
//!   (`WriteMedication`); care workers read them as clinical data.
//! - A site-bound action on a programme-wide target (all sites at once) needs
//!   a grant for all sites.
//!
//! Consent as input (issue 6, item 1): readers who read on the strength of
//! the person's consent (the psychosocial service; outside providers, on top
//! of a referral) are decided on the person's consents themselves, given in
//! [`Target::consent`] with the section read and the instant of the request.
//! The policy asks [`consent::check`]; a withdrawn or expired consent
//! therefore refuses the very next request, and the denial names the
//! missing consent ([`DenyReason::ConsentMissing`]). A target without that
//! input never opens such a read.
//!
//! How a referral plugs in: the application establishes
//! [`Relationship::ReferredToActorOrganisation`] with the organisation the
//! person is referred to when it is the actor's own; the policy then asks the
//! consents for that organisation as recipient. Nothing here changes when
//! referrals are stored.

use crate::consent::{self, Consent, MissingConsent, Recipient, Section, Verdict};
use crate::ids::{ConsentId, OrganisationId, SiteId};
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
    /// The person is referred to this organisation, which is the actor's
    /// own. What may be read then depends on the person's consents for that
    /// organisation ([`Target::consent`]).
    ReferredToActorOrganisation(OrganisationId),
    /// The actor holds an unexpired break-the-glass access to the person.
    EmergencyAccess,
    /// The actor signalled this person.
    SignalledByActor,
    /// The actor is a member of the steering group concerned.
    GroupMember,
}

/// The person's consents, for a read that a reader may make only with one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConsentInput<'a> {
    /// Every consent of the person, as recorded (withdrawn and expired ones
    /// included: the check says why they do not count).
    pub consents: &'a [Consent],
    /// The section the read shows.
    pub section: Section,
    /// The instant of the request.
    pub at: jiff::Timestamp,
}

/// What is known of the resource an action touches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target<'a> {
    /// The site the resource belongs to; `None` for programme-wide resources.
    pub site: Option<SiteId>,
    /// The actor's relationships to the resource.
    pub relationships: &'a [Relationship],
    /// The person's consents and what is read, for readers who need a
    /// consent; `None` when the target is not one person's data.
    pub consent: Option<ConsentInput<'a>>,
}

impl Target<'static> {
    /// A programme-wide resource (users, the audit trail, all sites' figures).
    pub const PROGRAMME: Target<'static> = Target { site: None, relationships: &[], consent: None };

    /// A resource of one site, without any special relationship.
    pub fn site(site: SiteId) -> Target<'static> {
        Target { site: Some(site), relationships: &[], consent: None }
    }
}

impl<'a> Target<'a> {
    /// One person's data at `site`, read under the person's consents.
    pub fn person(site: SiteId, relationships: &'a [Relationship], consent: ConsentInput<'a>) -> Target<'a> {
        Target { site: Some(site), relationships, consent: Some(consent) }
    }
}

/// Why access is allowed; it becomes the purpose in the audit trail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grounds {
    /// The actor's role covers the site or the programme.
    Role(Role),
    /// The sending team's read access after a transfer.
    Transfer,
    /// A referral to the actor's organisation, within this consent.
    Referral(ConsentId),
    /// This consent of the person to share with the actor.
    Consent(ConsentId),
    /// The actor signalled the person.
    Signalled,
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
    /// A role may, but only with a relationship (referral, group
    /// membership) that is absent or no longer valid.
    RelationshipRequired,
    /// A role may, but only with the person's consent, and this one is
    /// missing (none, refused, withdrawn, expired, or not covering the section).
    ConsentMissing(MissingConsent),
}

impl DenyReason {
    /// The stable code, for the audit trail.
    pub fn code(self) -> &'static str {
        match self {
            DenyReason::RoleNotPermitted => "role_not_permitted",
            DenyReason::OutsideGrantedSites => "outside_granted_sites",
            DenyReason::RelationshipRequired => "relationship_required",
            DenyReason::ConsentMissing(_) => "consent_missing",
        }
    }

    /// The reason as written to the audit trail: the code, and for a
    /// missing consent which one ([`MissingConsent::audit_reason`]).
    pub fn audit_reason(self) -> String {
        match self {
            DenyReason::ConsentMissing(missing) => missing.audit_reason(),
            other => other.code().to_owned(),
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
            DenyReason::ConsentMissing(_) => 3,
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
    /// Permitted anywhere only with this relationship.
    AnywhereWith(Relationship),
    /// Permitted in scope only where the person's consents let this
    /// recipient read the section.
    InScopeWithConsent(Recipient),
    /// Permitted anywhere for a person referred to the actor's organisation,
    /// where the person's consents let that organisation read the section.
    ReferredWithConsent,
}

fn rule(role: Role, action: Action) -> Rule {
    use Action as A;
    use Role as R;
    match (role, action) {
        // Outside providers see their referrals and nothing else of the
        // system, not even its reference data (issue 6, item 4).
        (R::ExternalProvider, A::ViewReferenceData) => Rule::Never,
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

        (R::Psychosocial, A::ReadParticipation) => Rule::InScopeWithConsent(Recipient::PsychosocialService),
        (R::PrisonStaff, A::SignalPerson) => Rule::InScope,

        (R::Director, A::ViewIndicators | A::ViewGovernance | A::ManageGovernance) => Rule::InScope,
        (R::Director | R::Coordinator, A::ManageTraining) => Rule::InScope,
        (R::Coordinator, A::ViewIndicators | A::ViewGovernance | A::ManageGovernance) => Rule::InScope,
        (R::SteeringMember, A::ViewGovernance | A::ManageGovernance) => Rule::AnywhereWith(Relationship::GroupMember),
        // Governance (issue 7): the central group decides authorisations;
        // its members do, as members (`GroupMember` of the deciding group).
        (R::SteeringMember, A::DecideProjectAuthorisation) => Rule::AnywhereWith(Relationship::GroupMember),

        (R::ExternalProvider, A::ReadClinical | A::UpdateReferral) => Rule::ReferredWithConsent,
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

/// The grounds a relationship gives on its own (a referral never does: it
/// needs a consent, see [`Rule::ReferredWithConsent`]).
fn grounds_of(relationship: Relationship) -> Option<Grounds> {
    match relationship {
        Relationship::TransferredFrom(_) => Some(Grounds::Transfer),
        Relationship::ReferredToActorOrganisation(_) => None,
        Relationship::SignalledByActor => Some(Grounds::Signalled),
        Relationship::EmergencyAccess => Some(Grounds::BreakTheGlass),
        Relationship::GroupMember => Some(Grounds::Membership),
    }
}

/// Whether the target's consents let `recipient` read what is read;
/// `grounds` names the consent that does.
fn with_consent(target: Target<'_>, recipient: Recipient, grounds: fn(ConsentId) -> Grounds) -> Decision {
    let Some(input) = target.consent else {
        return Decision::Deny(DenyReason::RelationshipRequired);
    };
    match consent::check(input.consents, recipient, input.section, input.at) {
        Verdict::Allowed(id) => Decision::Allow(grounds(id)),
        Verdict::Missing(missing) => Decision::Deny(DenyReason::ConsentMissing(missing)),
    }
}

/// A referral to the actor's organisation, within the consents for it.
fn referred_with_consent(target: Target<'_>) -> Decision {
    let mut decision = Decision::Deny(DenyReason::RelationshipRequired);
    for relationship in target.relationships {
        if let Relationship::ReferredToActorOrganisation(organisation) = *relationship {
            decision = with_consent(target, Recipient::Organisation(organisation), Grounds::Referral);
            if decision.is_allowed() {
                return decision;
            }
        }
    }
    decision
}

fn grant_decision(grant: RoleGrant, action: Action, target: Target<'_>) -> Decision {
    let role = grant.role;
    match rule(role, action) {
        Rule::Never => Decision::Deny(DenyReason::RoleNotPermitted),
        Rule::Anywhere => Decision::Allow(Grounds::Role(role)),
        Rule::AnywhereWith(relationship) => by_relationship(target, relationship),
        Rule::InScopeWithConsent(recipient) if in_scope(grant.scope, target) => {
            with_consent(target, recipient, Grounds::Consent)
        }
        Rule::ReferredWithConsent => referred_with_consent(target),
        Rule::InScope if in_scope(grant.scope, target) => Decision::Allow(Grounds::Role(role)),
        Rule::InScope | Rule::InScopeWithConsent(_) => beyond_scope(grant, action, target),
    }
}

fn by_relationship(target: Target<'_>, relationship: Relationship) -> Decision {
    match grounds_of(relationship) {
        Some(grounds) if has(target, relationship) => Decision::Allow(grounds),
        _ => Decision::Deny(DenyReason::RelationshipRequired),
    }
}

/// Whether the actor's roles could do `action` at `site` (or, for `None`,
/// on the programme) for some record, given the relationships and consents
/// that record may have: the question asked before a request's input is
/// read (`App::permit`). Every record is then decided by [`decide`].
pub fn possible(grants: &[RoleGrant], action: Action, site: Option<SiteId>) -> bool {
    let target = Target { site, relationships: &[], consent: None };
    grants.iter().any(|grant| match rule(grant.role, action) {
        Rule::Never => false,
        Rule::Anywhere | Rule::AnywhereWith(_) | Rule::ReferredWithConsent => true,
        Rule::InScope | Rule::InScopeWithConsent(_) => in_scope(grant.scope, target),
    })
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
