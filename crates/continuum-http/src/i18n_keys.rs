//! Every message id the pages and the API use is defined in nl, fr and en.
//!
//! Ids are collected from the source: literal ids passed to `t`, `t1`,
//! `t_args` and the shell's helpers in templates and Rust files. A missing id
//! would show the raw key to the user, so this test fails instead.

use std::path::Path;

fn sources(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("readable directory").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs" || e == "html") {
            out.push(std::fs::read_to_string(&path).expect("readable file"));
        }
    }
}

/// Literal message ids: a quoted kebab-case word right after a call of a
/// translation function (`t("`, `t1("`, `lang, "`).
fn used_ids() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    sources(&root.join("src"), &mut texts);
    sources(&root.join("templates"), &mut texts);
    let mut ids = Vec::new();
    for text in &texts {
        for marker in ["t(\"", "t1(\"", "lang, \"", "t_args(\""] {
            for (at, _) in text.match_indices(marker) {
                let before = text[..at].chars().next_back().unwrap_or(' ');
                if marker.starts_with('t') && (before.is_ascii_alphanumeric() || before == '_') {
                    continue;
                }
                let rest = &text[at + marker.len()..];
                let id: String =
                    rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == '-' || c.is_ascii_digit()).collect();
                if rest[id.len()..].starts_with('"') && id.contains('-') && !id.ends_with('-') {
                    ids.push(id);
                }
            }
        }
    }
    ids.sort();
    ids.dedup();
    ids
}

#[test]
fn every_message_id_used_by_pages_and_api_exists_in_every_language() {
    let ids = used_ids();
    assert!(ids.len() > 100, "the scan finds the ids ({} found)", ids.len());
    let keys: Vec<&str> = ids.iter().map(String::as_str).collect();
    assert_eq!(continuum_i18n::missing_keys(&keys), Vec::new());
}

#[test]
fn every_role_organisation_kind_and_purpose_has_a_label() {
    let mut keys: Vec<String> =
        continuum_domain::role::Role::ALL.iter().map(|r| format!("role-{}", r.code())).collect();
    keys.extend(continuum_domain::reference::OrganisationKind::ALL.iter().map(|k| format!("org-kind-{}", k.code())));
    keys.extend(continuum_domain::audit::Purpose::ALL.iter().map(|p| format!("purpose-{}", p.code())));
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    assert_eq!(continuum_i18n::missing_keys(&keys), Vec::new());
}

// Detention episodes and signals (issue 4, items 1 and 3): labels built from codes.
#[test]
fn every_release_kind_episode_change_and_register_problem_has_a_message() {
    use continuum_domain::validation::Problem;
    let mut keys: Vec<String> =
        continuum_domain::episode::ReleaseKind::ALL.iter().map(|k| format!("release-kind-{}", k.code())).collect();
    keys.extend(["created", "updated", "released", "transferred"].map(|c| format!("episode-change-{c}")));
    keys.extend(
        [Problem::BeforeEntry, Problem::SameSite, Problem::EpisodeEnded, Problem::NotAtSite]
            .map(|p| p.message_id().to_owned()),
    );
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    assert_eq!(continuum_i18n::missing_keys(&keys), Vec::new());
}

// Release planning and follow-up (issue 5, items 6 to 8): the problems and
// refusals the use cases answer, which no literal in this crate names.
#[test]
fn every_release_problem_and_refusal_has_a_message() {
    use continuum_domain::validation::Problem;
    let mut keys: Vec<&str> = [Problem::BeforeRelease, Problem::NotClinicalAtSite, Problem::UnknownOrganisation]
        .iter()
        .map(Problem::message_id)
        .collect();
    let alerts: Vec<String> = continuum_app::caseload::AlertKind::ALL
        .iter()
        .flat_map(|kind| [kind.message_id().to_owned(), format!("caseload-alert-day-{}", kind.code())])
        .chain(continuum_app::caseload::CASELOAD_STATES.iter().map(|state| format!("pathway-state-{state}")))
        .collect();
    keys.extend(alerts.iter().map(String::as_str));
    assert_eq!(continuum_i18n::missing_keys(&keys), Vec::new());
}

// Consent and the psychosocial service's view (issue 6, items 1 and 5):
// labels built from codes.
#[test]
fn every_consent_code_participation_and_consent_problem_has_a_message() {
    use continuum_domain::consent::{
        ConsentDecision, ConsentKind, Lack, MissingConsent, Recipient, Section, SharingPurpose, Standing,
    };
    use continuum_domain::ids::ConsentId;
    use continuum_domain::participation::Participation;
    use continuum_domain::validation::Problem;
    let mut keys: Vec<String> = ConsentKind::ALL.iter().map(|k| format!("consent-kind-{}", k.code())).collect();
    keys.extend(ConsentDecision::ALL.iter().map(|d| format!("consent-decision-{}", d.code())));
    keys.extend(SharingPurpose::ALL.iter().map(|p| format!("consent-purpose-{}", p.code())));
    keys.extend(Section::ALL.iter().map(|s| format!("consent-section-{}", s.code())));
    keys.extend(
        [Standing::InForce, Standing::NotYetValid, Standing::Expired, Standing::Withdrawn]
            .iter()
            .map(|s| format!("consent-standing-{}", s.code())),
    );
    keys.extend(
        [Participation::TakesPart, Participation::DoesNotTakePart]
            .iter()
            .map(|p| format!("participation-{}", p.code())),
    );
    let id = ConsentId(1);
    for lack in [
        Lack::NoneRecorded,
        Lack::SectionNotCovered(id),
        Lack::Refused(id),
        Lack::Withdrawn(id),
        Lack::Expired(id),
        Lack::NotYetValid(id),
    ] {
        let missing = MissingConsent { recipient: Recipient::PsychosocialService, section: Section::Risks, lack };
        keys.push(missing.message_id().to_owned());
    }
    keys.extend(
        [
            Problem::NotForRecipient,
            Problem::UnknownOrganisation,
            Problem::NotPdf,
            Problem::FileTooLarge { max_mb: 1 },
            Problem::OpeningHours,
        ]
        .map(|p| p.message_id().to_owned()),
    );
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    assert_eq!(continuum_i18n::missing_keys(&keys), Vec::new());
}

// The directory of care providers (issue 6, item 2): labels built from codes.
#[test]
fn every_service_kind_and_weekday_has_a_label() {
    let mut keys: Vec<String> =
        continuum_domain::directory::ServiceKind::ALL.iter().map(|k| format!("service-kind-{}", k.code())).collect();
    keys.extend(continuum_domain::directory::WEEKDAYS.iter().map(|d| format!("weekday-{d}")));
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    assert_eq!(continuum_i18n::missing_keys(&keys), Vec::new());
}

// Referrals and outside providers (issue 6, items 3 and 4): labels built
// from codes, and the problems and refusals the use cases answer.
#[test]
fn every_referral_code_warning_and_refusal_has_a_message() {
    use continuum_domain::referral::{CoverageWarning, Overdue, ReferralStatus, Step, StepRefusal, Urgency};
    use continuum_domain::validation::Problem;
    let mut keys: Vec<String> = ReferralStatus::ALL.iter().map(|s| format!("referral-status-{}", s.code())).collect();
    keys.extend(Urgency::ALL.iter().map(|u| format!("referral-urgency-{}", u.code())));
    keys.extend(Step::ALL.iter().map(|s| format!("referral-step-{}", s.code())));
    keys.extend(["care_team", "provider"].map(|p| format!("referral-party-{p}")));
    keys.extend(
        [CoverageWarning::PrisonNotCovered, CoverageWarning::LanguageNotSpoken].map(|w| w.message_id().to_owned()),
    );
    keys.extend(
        [Overdue::Unanswered, Overdue::NoAppointment, Overdue::AttendanceUnrecorded].map(|o| o.message_id().to_owned()),
    );
    keys.extend(
        [StepRefusal::NotFromStatus(ReferralStatus::Draft), StepRefusal::CareTeamOnly, StepRefusal::BeforeAppointment]
            .map(|r| r.message_id().to_owned()),
    );
    keys.extend(
        [Problem::IdentityRequired, Problem::ConsentMissing, Problem::CoverageToConfirm, Problem::OrganisationRequired]
            .map(|p| p.message_id().to_owned()),
    );
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    assert_eq!(continuum_i18n::missing_keys(&keys), Vec::new());
}
