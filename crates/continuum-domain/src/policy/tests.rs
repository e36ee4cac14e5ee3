//! The access matrix as a specification: every role x every action x own
//! site / other site / all sites, against a written expectation table.

use jiff::civil::date;
use proptest::prelude::*;

use super::*;
use crate::consent::{ConsentDecision, ConsentTerms, Lack, Sharing, SharingPurpose};

const OWN: SiteId = SiteId(1);
const OTHER: SiteId = SiteId(2);

/// Columns: care_worker, medical, psychosocial, prison_staff, director,
/// coordinator, steering_member, external_provider, researcher, admin.
/// Each cell is three letters: the role granted for one site acting on that
/// site, the same grant acting on another site, the role granted for all
/// sites. `y` allows, `n` denies. Programme-level actions target the
/// programme as a whole in every column. No relationship is present here;
/// relationships have their own tests below.
const EXPECTED: &str = "
action                       cw  med psy prs dir coo ste ext res adm
view_reference_data          yyy yyy yyy yyy yyy yyy yyy nnn yyy yyy
manage_sites                 nnn nnn nnn nnn nnn nnn nnn nnn nnn yyy
manage_organisations         nnn nnn nnn nnn nnn yyy nnn nnn nnn yyy
manage_users                 nnn nnn nnn nnn nnn nnn nnn nnn nnn yyy
manage_own_account           yyy yyy yyy yyy yyy yyy yyy yyy yyy yyy
search_audit                 nnn nnn nnn nnn nnn yyy nnn nnn nnn yyy
view_person_access_log       yny yny nnn nnn nnn yny nnn nnn nnn yny
review_emergency_access      nnn nnn nnn nnn nnn yyy nnn nnn nnn yyy
request_emergency_access     nnn yyy nnn nnn nnn nnn nnn nnn nnn nnn
view_register                yny yny nnn nnn nnn nnn nnn nnn nnn nnn
edit_register                yny yny nnn nnn nnn nnn nnn nnn nnn nnn
read_clinical                yny yny nnn nnn nnn nnn nnn nnn nnn nnn
write_clinical               yny yny nnn nnn nnn nnn nnn nnn nnn nnn
read_participation           yny yny nnn nnn nnn nnn nnn nnn nnn nnn
signal_person                yny yny nnn yny nnn nnn nnn nnn nnn nnn
update_referral              yny yny nnn nnn nnn nnn nnn nnn nnn nnn
view_indicators              nnn nnn nnn nnn yny yny nnn nnn yny nnn
view_governance              nnn nnn nnn nnn yny yny nnn nnn nnn nnn
manage_governance            nnn nnn nnn nnn yny yny nnn nnn nnn nnn
decide_project_authorisation nnn nnn nnn nnn nnn yyy nnn nnn nnn nnn
manage_training              nnn nnn nnn nnn yny yny nnn nnn nnn nnn
export_research              nnn nnn nnn nnn nnn nnn nnn nnn yny nnn
manage_instruments           nnn nnn nnn nnn nnn nnn nnn nnn nnn yyy
undo_merge                   nnn nnn nnn nnn nnn nnn nnn nnn nnn yyy
write_medication             nnn yny nnn nnn nnn nnn nnn nnn nnn nnn
";

/// The expectation of one role for one action, as written in [`EXPECTED`].
pub(crate) fn expected(role: Role, action: Action) -> [bool; 3] {
    let column = Role::ALL.iter().position(|r| *r == role).expect("role in table");
    let row = EXPECTED
        .lines()
        .map(str::split_whitespace)
        .find_map(|mut cells| (cells.next() == Some(action.code())).then_some(cells))
        .unwrap_or_else(|| panic!("no row for {}", action.code()));
    let cell = row.clone().nth(column).expect("cell");
    let mut out = [false; 3];
    for (i, c) in cell.chars().enumerate() {
        out[i] = c == 'y';
    }
    out
}

fn target_for(action: Action, site: SiteId) -> Target<'static> {
    if action.is_site_bound() { Target::site(site) } else { Target::PROGRAMME }
}

#[test]
fn every_action_has_a_row_and_every_role_a_column() {
    for action in Action::ALL {
        for role in Role::ALL {
            expected(role, action);
        }
    }
    let rows = EXPECTED.lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(rows, Action::ALL.len() + 1, "one header and one row per action");
}

#[test]
fn the_policy_matches_the_expectation_table() {
    let mut mismatches = Vec::new();
    for action in Action::ALL {
        for role in Role::ALL {
            let site_grant = [RoleGrant { role, scope: SiteScope::Site(OWN) }];
            let all_grant = [RoleGrant { role, scope: SiteScope::AllSites }];
            let actual = [
                decide(&site_grant, action, target_for(action, OWN)).is_allowed(),
                decide(&site_grant, action, target_for(action, OTHER)).is_allowed(),
                decide(&all_grant, action, target_for(action, OTHER)).is_allowed(),
            ];
            if actual != expected(role, action) {
                mismatches.push(format!("{} {}: {actual:?}", role.code(), action.code()));
            }
        }
    }
    assert!(mismatches.is_empty(), "policy differs from the table:\n{}", mismatches.join("\n"));
}

#[test]
fn a_site_bound_action_on_the_whole_programme_needs_an_all_sites_grant() {
    let site = [RoleGrant { role: Role::Director, scope: SiteScope::Site(OWN) }];
    let all = [RoleGrant { role: Role::Coordinator, scope: SiteScope::AllSites }];
    assert_eq!(
        decide(&site, Action::ViewIndicators, Target::PROGRAMME),
        Decision::Deny(DenyReason::OutsideGrantedSites)
    );
    assert!(decide(&all, Action::ViewIndicators, Target::PROGRAMME).is_allowed());
}

#[test]
fn the_sending_team_keeps_read_but_not_write_access_after_a_transfer() {
    let grants = [RoleGrant { role: Role::CareWorker, scope: SiteScope::Site(OWN) }];
    let relationships = [Relationship::TransferredFrom(OWN)];
    let target = Target { site: Some(OTHER), relationships: &relationships, consent: None };
    assert_eq!(decide(&grants, Action::ReadClinical, target), Decision::Allow(Grounds::Transfer));
    assert_eq!(decide(&grants, Action::WriteClinical, target), Decision::Deny(DenyReason::OutsideGrantedSites));
}

#[test]
fn a_transfer_from_a_third_site_opens_nothing() {
    let grants = [RoleGrant { role: Role::CareWorker, scope: SiteScope::Site(OWN) }];
    let relationships = [Relationship::TransferredFrom(SiteId(3))];
    let target = Target { site: Some(OTHER), relationships: &relationships, consent: None };
    assert!(!decide(&grants, Action::ReadClinical, target).is_allowed());
}

#[test]
fn break_the_glass_opens_another_sites_person_to_the_medical_service_only() {
    let relationships = [Relationship::EmergencyAccess];
    let target = Target { site: Some(OTHER), relationships: &relationships, consent: None };
    let medical = [RoleGrant { role: Role::Medical, scope: SiteScope::Site(OWN) }];
    let care = [RoleGrant { role: Role::CareWorker, scope: SiteScope::Site(OWN) }];
    assert_eq!(decide(&medical, Action::ReadClinical, target), Decision::Allow(Grounds::BreakTheGlass));
    assert_eq!(decide(&medical, Action::WriteClinical, target), Decision::Allow(Grounds::BreakTheGlass));
    assert!(!decide(&care, Action::ReadClinical, target).is_allowed());
}

#[test]
fn own_site_grounds_are_preferred_over_break_the_glass() {
    let relationships = [Relationship::EmergencyAccess];
    let target = Target { site: Some(OWN), relationships: &relationships, consent: None };
    let medical = [RoleGrant { role: Role::Medical, scope: SiteScope::Site(OWN) }];
    assert_eq!(decide(&medical, Action::ReadClinical, target), Decision::Allow(Grounds::Role(Role::Medical)));
}

// Consent as input (issue 6, items 1 and 5).

const PROVIDER: OrganisationId = OrganisationId(7);

/// Midday on a day of June 2026.
fn june(day: i8) -> jiff::Timestamp {
    date(2026, 6, day).at(10, 0, 0, 0).to_zoned(jiff::tz::TimeZone::UTC).expect("instant").timestamp()
}

/// A consent granted on 1 June to share these sections with the recipient
/// until 30 June.
fn shared_with(id: i64, recipient: Recipient, sections: &[Section]) -> Consent {
    Consent {
        id: ConsentId(id),
        terms: ConsentTerms::Sharing(Sharing {
            recipient,
            purpose: SharingPurpose::PersonsRequest,
            sections: sections.to_vec(),
        }),
        decision: ConsentDecision::Granted,
        given_on: date(2026, 6, 1),
        valid_from: date(2026, 6, 1),
        valid_until: Some(date(2026, 6, 30)),
        withdrawn_at: None,
    }
}

fn reading(consents: &[Consent], section: Section, at: jiff::Timestamp) -> ConsentInput<'_> {
    ConsentInput { consents, section, at }
}

fn psychosocial_at_own_site() -> [RoleGrant; 1] {
    [RoleGrant { role: Role::Psychosocial, scope: SiteScope::Site(OWN) }]
}

#[test]
fn the_psychosocial_service_sees_participation_with_the_persons_consent_naming_the_consent() {
    let consents = [shared_with(5, Recipient::PsychosocialService, &[Section::Participation])];
    let target = Target::person(OWN, &[], reading(&consents, Section::Participation, june(10)));
    assert_eq!(
        decide(&psychosocial_at_own_site(), Action::ReadParticipation, target),
        Decision::Allow(Grounds::Consent(ConsentId(5)))
    );
}

#[test]
fn without_consents_as_input_the_psychosocial_service_reads_nothing() {
    assert_eq!(
        decide(&psychosocial_at_own_site(), Action::ReadParticipation, Target::site(OWN)),
        Decision::Deny(DenyReason::RelationshipRequired)
    );
}

#[test]
fn a_withdrawn_consent_refuses_the_psychosocial_service_and_names_the_consent() {
    let consent = shared_with(5, Recipient::PsychosocialService, &[Section::Participation]);
    let consents = [Consent { withdrawn_at: Some(june(9)), ..consent }];
    let target = Target::person(OWN, &[], reading(&consents, Section::Participation, june(10)));
    let decision = decide(&psychosocial_at_own_site(), Action::ReadParticipation, target);
    let Decision::Deny(reason) = decision else { panic!("refused: {decision:?}") };
    assert_eq!(
        reason,
        DenyReason::ConsentMissing(MissingConsent {
            recipient: Recipient::PsychosocialService,
            section: Section::Participation,
            lack: Lack::Withdrawn(ConsentId(5)),
        })
    );
    assert_eq!(
        reason.audit_reason(),
        "consent_missing recipient=psychosocial_service section=participation lack=withdrawn consent=5"
    );
}

#[test]
fn a_consent_to_share_with_an_organisation_opens_nothing_to_the_psychosocial_service() {
    let consents = [shared_with(5, Recipient::Organisation(PROVIDER), &[Section::Participation])];
    let target = Target::person(OWN, &[], reading(&consents, Section::Participation, june(10)));
    assert!(!decide(&psychosocial_at_own_site(), Action::ReadParticipation, target).is_allowed());
}

#[test]
fn the_psychosocial_service_never_gets_clinical_data_whatever_the_consents() {
    let every_section: Vec<Section> = Section::ALL.to_vec();
    let consents = [shared_with(5, Recipient::PsychosocialService, &every_section)];
    for section in Section::ALL {
        let target = Target::person(OWN, &[], reading(&consents, section, june(10)));
        for action in [Action::ReadClinical, Action::WriteClinical, Action::ViewRegister] {
            assert!(!decide(&psychosocial_at_own_site(), action, target).is_allowed(), "{action:?} {section:?}");
        }
    }
}

#[test]
fn the_psychosocial_service_of_another_prison_reads_nothing_with_the_consent() {
    let consents = [shared_with(5, Recipient::PsychosocialService, &[Section::Participation])];
    let target = Target::person(OTHER, &[], reading(&consents, Section::Participation, june(10)));
    assert_eq!(
        decide(&psychosocial_at_own_site(), Action::ReadParticipation, target),
        Decision::Deny(DenyReason::OutsideGrantedSites)
    );
}

#[test]
fn an_outside_provider_reads_a_referred_person_within_the_consent_for_its_organisation() {
    let grants = [RoleGrant { role: Role::ExternalProvider, scope: SiteScope::AllSites }];
    let consents = [shared_with(8, Recipient::Organisation(PROVIDER), &[Section::Identity, Section::CarePlan])];
    let referred = [Relationship::ReferredToActorOrganisation(PROVIDER)];
    let care_plan = Target::person(OTHER, &referred, reading(&consents, Section::CarePlan, june(10)));
    assert_eq!(decide(&grants, Action::ReadClinical, care_plan), Decision::Allow(Grounds::Referral(ConsentId(8))));
    let medication = Target::person(OTHER, &referred, reading(&consents, Section::Medication, june(10)));
    assert!(matches!(
        decide(&grants, Action::ReadClinical, medication),
        Decision::Deny(DenyReason::ConsentMissing(MissingConsent { lack: Lack::SectionNotCovered(ConsentId(8)), .. }))
    ));
    let after_the_period = Target::person(
        OTHER,
        &referred,
        reading(&consents, Section::CarePlan, june(30).checked_add(jiff::SignedDuration::from_hours(24)).expect("t")),
    );
    assert!(!decide(&grants, Action::ReadClinical, after_the_period).is_allowed());
    assert!(!decide(&grants, Action::WriteClinical, care_plan).is_allowed());
}

#[test]
fn an_outside_provider_reads_nobody_without_a_referral_to_its_organisation_even_with_consent() {
    let grants = [RoleGrant { role: Role::ExternalProvider, scope: SiteScope::AllSites }];
    let consents = [shared_with(8, Recipient::Organisation(PROVIDER), &[Section::CarePlan])];
    let unreferred = Target::person(OTHER, &[], reading(&consents, Section::CarePlan, june(10)));
    assert_eq!(decide(&grants, Action::ReadClinical, unreferred), Decision::Deny(DenyReason::RelationshipRequired));
    let elsewhere = [Relationship::ReferredToActorOrganisation(OrganisationId(9))];
    let other_organisation = Target::person(OTHER, &elsewhere, reading(&consents, Section::CarePlan, june(10)));
    assert!(matches!(
        decide(&grants, Action::ReadClinical, other_organisation),
        Decision::Deny(DenyReason::ConsentMissing(MissingConsent { lack: Lack::NoneRecorded, .. }))
    ));
    assert_eq!(
        decide(&grants, Action::ReadClinical, Target::site(OTHER)),
        Decision::Deny(DenyReason::RelationshipRequired)
    );
}

#[test]
fn the_care_team_reads_participation_at_its_prison_without_any_consent() {
    let grants = [RoleGrant { role: Role::CareWorker, scope: SiteScope::Site(OWN) }];
    let target = Target::person(OWN, &[], reading(&[], Section::Participation, june(10)));
    assert_eq!(decide(&grants, Action::ReadParticipation, target), Decision::Allow(Grounds::Role(Role::CareWorker)));
}

#[test]
fn what_is_possible_before_any_record_is_read_follows_scope_and_role_only() {
    let psychosocial = psychosocial_at_own_site();
    assert!(possible(&psychosocial, Action::ReadParticipation, Some(OWN)));
    assert!(!possible(&psychosocial, Action::ReadParticipation, Some(OTHER)));
    assert!(!possible(&psychosocial, Action::ReadClinical, Some(OWN)));
    let provider = [RoleGrant { role: Role::ExternalProvider, scope: SiteScope::AllSites }];
    assert!(possible(&provider, Action::ReadClinical, Some(OWN)));
    assert!(!possible(&provider, Action::ViewRegister, Some(OWN)));
}

#[test]
fn steering_members_see_only_their_own_groups() {
    let grants = [RoleGrant { role: Role::SteeringMember, scope: SiteScope::AllSites }];
    let member = [Relationship::GroupMember];
    let with = Target { site: Some(OWN), relationships: &member, consent: None };
    assert_eq!(decide(&grants, Action::ViewGovernance, with), Decision::Allow(Grounds::Membership));
    assert!(!decide(&grants, Action::ViewGovernance, Target::site(OWN)).is_allowed());
}

// Governance (issue 7).
#[test]
fn steering_members_decide_authorisations_only_as_members_of_the_deciding_group() {
    let grants = [RoleGrant { role: Role::SteeringMember, scope: SiteScope::AllSites }];
    let member = [Relationship::GroupMember];
    let as_member = Target { site: None, relationships: &member, consent: None };
    assert_eq!(decide(&grants, Action::DecideProjectAuthorisation, as_member), Decision::Allow(Grounds::Membership));
    assert_eq!(
        decide(&grants, Action::DecideProjectAuthorisation, Target::PROGRAMME),
        Decision::Deny(DenyReason::RelationshipRequired)
    );
    let director = [RoleGrant { role: Role::Director, scope: SiteScope::AllSites }];
    assert!(
        !decide(&director, Action::DecideProjectAuthorisation, as_member).is_allowed(),
        "membership alone is not a role"
    );
}

// OAT (issue 5, item 4).
#[test]
fn only_the_medical_service_writes_medication_and_the_sending_team_never_does() {
    let medical = [RoleGrant { role: Role::Medical, scope: SiteScope::Site(OWN) }];
    let care = [RoleGrant { role: Role::CareWorker, scope: SiteScope::Site(OWN) }];
    assert_eq!(
        decide(&medical, Action::WriteMedication, Target::site(OWN)),
        Decision::Allow(Grounds::Role(Role::Medical))
    );
    assert!(!decide(&care, Action::WriteMedication, Target::site(OWN)).is_allowed());
    assert!(decide(&care, Action::ReadClinical, Target::site(OWN)).is_allowed());
    let transferred = [Relationship::TransferredFrom(OWN)];
    let target = Target { site: Some(OTHER), relationships: &transferred, consent: None };
    assert!(!decide(&medical, Action::WriteMedication, target).is_allowed());
}

#[test]
fn no_grants_allow_nothing() {
    for action in Action::ALL {
        assert_eq!(decide(&[], action, Target::PROGRAMME), Decision::Deny(DenyReason::RoleNotPermitted));
    }
}

fn any_role() -> impl Strategy<Value = Role> {
    prop::sample::select(Role::ALL.to_vec())
}

fn any_grant() -> impl Strategy<Value = RoleGrant> {
    (any_role(), prop::option::of(1i64..4)).prop_map(|(role, site)| RoleGrant {
        role,
        scope: site.map_or(SiteScope::AllSites, |s| SiteScope::Site(SiteId(s))),
    })
}

fn any_relationship() -> impl Strategy<Value = Relationship> {
    prop_oneof![
        (1i64..4).prop_map(|s| Relationship::TransferredFrom(SiteId(s))),
        (1i64..4).prop_map(|o| Relationship::ReferredToActorOrganisation(OrganisationId(o))),
        Just(Relationship::EmergencyAccess),
        Just(Relationship::SignalledByActor),
        Just(Relationship::GroupMember),
    ]
}

/// Consents to share every section with every recipient the generated
/// relationships can name.
fn every_sharing_consent() -> Vec<Consent> {
    let recipients = [Recipient::PsychosocialService]
        .into_iter()
        .chain((1i64..4).map(|o| Recipient::Organisation(OrganisationId(o))));
    recipients
        .enumerate()
        .map(|(i, recipient)| {
            let sections: Vec<Section> = Section::ALL.into_iter().filter(|s| recipient.may_receive(*s)).collect();
            shared_with(i64::try_from(i).unwrap_or_default() + 1, recipient, &sections)
        })
        .collect()
}

proptest! {
    #[test]
    fn roles_without_clinical_access_never_get_clinical_data(
        grants in prop::collection::vec(any_grant(), 0..4),
        relationships in prop::collection::vec(any_relationship(), 0..6),
        site in prop::option::of(1i64..4),
        with_consents in any::<bool>(),
        section in prop::sample::select(Section::ALL.to_vec()),
    ) {
        let grants: Vec<RoleGrant> = grants
            .into_iter()
            .filter(|g| !matches!(g.role, Role::CareWorker | Role::Medical | Role::ExternalProvider))
            .collect();
        let consents = every_sharing_consent();
        let consent = with_consents.then(|| reading(&consents, section, june(10)));
        let target = Target { site: site.map(SiteId), relationships: &relationships, consent };
        for action in [Action::ReadClinical, Action::WriteClinical, Action::WriteMedication] {
            prop_assert!(!decide(&grants, action, target).is_allowed());
        }
    }

    #[test]
    fn adding_a_grant_never_removes_access(
        grants in prop::collection::vec(any_grant(), 0..3),
        extra in any_grant(),
        relationships in prop::collection::vec(any_relationship(), 0..4),
        site in prop::option::of(1i64..4),
        with_consents in any::<bool>(),
    ) {
        let consents = every_sharing_consent();
        let consent = with_consents.then(|| reading(&consents, Section::Participation, june(10)));
        let target = Target { site: site.map(SiteId), relationships: &relationships, consent };
        let mut more = grants.clone();
        more.push(extra);
        for action in Action::ALL {
            if decide(&grants, action, target).is_allowed() {
                prop_assert!(decide(&more, action, target).is_allowed());
            }
        }
    }
}
