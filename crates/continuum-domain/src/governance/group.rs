//! Steering groups and their members.
//!
//! Rules chosen here:
//! - There is one central group (it belongs to no prison and decides on the
//!   prior authorisation of local projects), one local group per prison,
//!   and any further group a coordinator creates ("other": a working
//!   group, at a prison or programme-wide). Only the central group decides
//!   authorisations.
//! - Members sit by function, as the 2006 circular lists them; a member is
//!   linked to a staff account when they have one (that is what lets them
//!   see the group). A membership runs from its start date to its end date
//!   included (open-ended while it lasts).
//! - A member may hold one office, chair or secretary. At any date a group
//!   has at most one chair and one secretary: two memberships holding the
//!   same office may not overlap.
//! - A seat is vacant when no current member holds it: the chair, the
//!   secretary, and each function the circular foresees for the group's
//!   kind ([`expected_functions`]).
//! - The quorum is a share of the current members who must be present (50
//!   % by default: at least half).

use jiff::civil::Date;

use super::number_in_range;
use crate::ids::SiteId;
use crate::person::{optional_date, required_date};
use crate::validation::{self, Invalid, Problem};

/// The longest group name, in characters.
pub const NAME_MAX: usize = 150;
/// The longest member name or organisation, in characters.
pub const MEMBER_TEXT_MAX: usize = 120;

/// What kind of group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GroupKind {
    /// The central drug steering group (one for the country).
    Central,
    /// The local drug steering group of one prison.
    Local,
    /// A further group a coordinator creates.
    Other,
}

impl GroupKind {
    /// Every kind, in form order.
    pub const ALL: [GroupKind; 3] = [GroupKind::Central, GroupKind::Local, GroupKind::Other];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            GroupKind::Central => "central",
            GroupKind::Local => "local",
            GroupKind::Other => "other",
        }
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<GroupKind> {
        GroupKind::ALL.into_iter().find(|k| k.code() == code.trim())
    }

    /// Whether groups of this kind decide on the prior authorisation of
    /// local projects (the circular gives it to the central group).
    pub fn decides_authorisations(self) -> bool {
        self == GroupKind::Central
    }
}

/// The function a member sits for (the circular's list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Function {
    /// The director-general of prisons.
    DirectorGeneral,
    /// The chief doctor of prison health care.
    ChiefDoctor,
    /// A regional director.
    RegionalDirector,
    /// A prison director or their delegate.
    PrisonDirector,
    /// A drug-policy coordinator.
    DrugCoordinator,
    /// A prison doctor.
    PrisonDoctor,
    /// The psychosocial service.
    PsychosocialService,
    /// The restorative-justice adviser or coordinator.
    RestorativeJustice,
    /// A representative of a drug-aid service.
    DrugService,
    /// A head of the prison officers.
    HeadOfOfficers,
    /// A local or regional drug-aid coordinator.
    LocalDrugCoordinator,
    /// The representative of Public Health.
    PublicHealth,
    /// The representative of a regional welfare and health administration.
    RegionalAdministration,
    /// The representative of the federal police.
    FederalPolice,
    /// Any other function.
    Other,
}

impl Function {
    /// Every function, in form order.
    pub const ALL: [Function; 15] = [
        Function::DirectorGeneral,
        Function::ChiefDoctor,
        Function::RegionalDirector,
        Function::PrisonDirector,
        Function::DrugCoordinator,
        Function::PrisonDoctor,
        Function::PsychosocialService,
        Function::RestorativeJustice,
        Function::DrugService,
        Function::HeadOfOfficers,
        Function::LocalDrugCoordinator,
        Function::PublicHealth,
        Function::RegionalAdministration,
        Function::FederalPolice,
        Function::Other,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Function::DirectorGeneral => "director_general",
            Function::ChiefDoctor => "chief_doctor",
            Function::RegionalDirector => "regional_director",
            Function::PrisonDirector => "prison_director",
            Function::DrugCoordinator => "drug_coordinator",
            Function::PrisonDoctor => "prison_doctor",
            Function::PsychosocialService => "psychosocial_service",
            Function::RestorativeJustice => "restorative_justice",
            Function::DrugService => "drug_service",
            Function::HeadOfOfficers => "head_of_officers",
            Function::LocalDrugCoordinator => "local_drug_coordinator",
            Function::PublicHealth => "public_health",
            Function::RegionalAdministration => "regional_administration",
            Function::FederalPolice => "federal_police",
            Function::Other => "other",
        }
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<Function> {
        Function::ALL.into_iter().find(|f| f.code() == code.trim())
    }
}

/// The seats the circular foresees for a group of this kind; a further
/// group has none it must fill.
pub fn expected_functions(kind: GroupKind) -> &'static [Function] {
    match kind {
        GroupKind::Central => &[
            Function::DirectorGeneral,
            Function::ChiefDoctor,
            Function::RegionalDirector,
            Function::PrisonDirector,
            Function::DrugCoordinator,
            Function::PrisonDoctor,
            Function::PsychosocialService,
            Function::RestorativeJustice,
            Function::PublicHealth,
            Function::RegionalAdministration,
            Function::FederalPolice,
        ],
        GroupKind::Local => &[
            Function::PrisonDirector,
            Function::PrisonDoctor,
            Function::RestorativeJustice,
            Function::PsychosocialService,
            Function::DrugService,
            Function::HeadOfOfficers,
            Function::LocalDrugCoordinator,
        ],
        GroupKind::Other => &[],
    }
}

/// An office a member may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Office {
    /// Chairs the meetings.
    Chair,
    /// Drafts the minutes.
    Secretary,
    /// No office.
    Member,
}

impl Office {
    /// Every office, in form order.
    pub const ALL: [Office; 3] = [Office::Member, Office::Chair, Office::Secretary];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Office::Chair => "chair",
            Office::Secretary => "secretary",
            Office::Member => "member",
        }
    }

    /// Parses a code.
    pub fn parse(code: &str) -> Option<Office> {
        Office::ALL.into_iter().find(|o| o.code() == code.trim())
    }
}

/// The days of a membership: from `start` to `end` included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    /// First day.
    pub start: Date,
    /// Last day; `None` while it lasts.
    pub end: Option<Date>,
}

impl Period {
    /// Whether the period includes `day`.
    pub fn covers(self, day: Date) -> bool {
        self.start <= day && self.end.is_none_or(|end| day <= end)
    }

    /// Whether two periods share at least one day.
    pub fn overlaps(self, other: Period) -> bool {
        let starts_before_other_ends = other.end.is_none_or(|end| self.start <= end);
        let other_starts_before_this_ends = self.end.is_none_or(|end| other.start <= end);
        starts_before_other_ends && other_starts_before_this_ends
    }
}

/// How many meetings a group should hold and when it counts as dormant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thresholds {
    /// Meetings a year the group should hold.
    pub target_per_year: u32,
    /// A group with no meeting for longer than this many days is dormant.
    pub dormant_after_days: u32,
}

impl Thresholds {
    /// The circular's rhythm: four meetings a year; dormant after two
    /// missed meetings (180 days).
    pub const DEFAULT: Thresholds = Thresholds { target_per_year: 4, dormant_after_days: 180 };

    /// The most meetings a year a target may ask.
    pub const MAX_TARGET: i64 = 24;
    /// The longest dormancy threshold, in days.
    pub const MAX_DORMANT_DAYS: i64 = 730;

    /// The shortest dormancy threshold for a target: longer than the
    /// interval between two meetings on target, so that a group meeting on
    /// target is never dormant.
    pub fn min_dormant_days(target_per_year: u32) -> i64 {
        365 / i64::from(target_per_year.max(1)) + 1
    }
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds::DEFAULT
    }
}

/// The share of current members who must be present for a meeting to
/// reach its quorum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quorum {
    /// Percent of the members, 1 to 100.
    pub percent: u32,
}

impl Quorum {
    /// At least half of the members.
    pub const DEFAULT: Quorum = Quorum { percent: 50 };

    /// Whether `present` of `members` reach the quorum; a group without
    /// members never does.
    pub fn met(self, present: usize, members: usize) -> bool {
        members > 0 && present * 100 >= (self.percent as usize) * members
    }

    /// How many members must be present.
    pub fn needed(self, members: usize) -> usize {
        (members * self.percent as usize).div_ceil(100)
    }
}

impl Default for Quorum {
    fn default() -> Self {
        Quorum::DEFAULT
    }
}

/// A group as created or changed, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupDraft {
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: GroupKind,
    /// The prison of a local group (and of a further group at a prison).
    pub site: Option<SiteId>,
    /// Meetings a year and dormancy.
    pub thresholds: Thresholds,
    /// Quorum.
    pub quorum: Quorum,
}

/// The raw fields of a group. The prison is looked up by the adapter
/// (`site`); `site_unknown` says that a prison was named but not found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupFields<'a> {
    /// Name.
    pub name: &'a str,
    /// Kind code.
    pub kind: &'a str,
    /// The prison, when one was named and found.
    pub site: Option<SiteId>,
    /// A prison was named that does not exist.
    pub site_unknown: bool,
    /// Meetings a year (empty: the default).
    pub target_per_year: &'a str,
    /// Days without a meeting before dormancy (empty: the default).
    pub dormant_after_days: &'a str,
    /// Quorum in percent (empty: the default).
    pub quorum_percent: &'a str,
}

impl GroupDraft {
    /// Validates a group; `defaults` fill the thresholds left empty.
    pub fn parse(fields: &GroupFields<'_>, defaults: Thresholds) -> Result<GroupDraft, Invalid> {
        let mut errors = Invalid::default();
        let name = validation::text(&mut errors, "name", fields.name, 2, NAME_MAX);
        let kind = GroupKind::parse(fields.kind);
        match kind {
            None => errors
                .push("kind", if fields.kind.trim().is_empty() { Problem::Required } else { Problem::InvalidFormat }),
            Some(_) if fields.site_unknown => errors.push("site", Problem::UnknownSite),
            Some(GroupKind::Local) if fields.site.is_none() => errors.push("site", Problem::Required),
            Some(GroupKind::Central) if fields.site.is_some() => errors.push("site", Problem::SiteNotForKind),
            Some(_) => {}
        }
        let target = number_in_range(
            &mut errors,
            "target_per_year",
            fields.target_per_year,
            1,
            Thresholds::MAX_TARGET,
            i64::from(defaults.target_per_year),
        );
        let target = u32::try_from(target).unwrap_or(defaults.target_per_year);
        let min_dormant = Thresholds::min_dormant_days(target);
        let dormant = number_in_range(
            &mut errors,
            "dormant_after_days",
            fields.dormant_after_days,
            min_dormant,
            Thresholds::MAX_DORMANT_DAYS,
            i64::from(defaults.dormant_after_days).max(min_dormant),
        );
        let quorum = number_in_range(&mut errors, "quorum_percent", fields.quorum_percent, 1, 100, 50);
        let kind = kind.unwrap_or(GroupKind::Other);
        errors.into_result(|| GroupDraft {
            name,
            kind,
            site: fields.site,
            thresholds: Thresholds {
                target_per_year: target,
                dormant_after_days: u32::try_from(dormant).unwrap_or(defaults.dormant_after_days),
            },
            quorum: Quorum { percent: u32::try_from(quorum).unwrap_or(50) },
        })
    }
}

/// A member as added, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberDraft {
    /// The function they sit for.
    pub function: Function,
    /// Their name (a staff member, never a detained person).
    pub name: String,
    /// Their service or organisation.
    pub organisation: String,
    /// Their office.
    pub office: Office,
    /// The days of the membership.
    pub period: Period,
}

/// The raw fields of a member.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemberFields<'a> {
    /// Function code.
    pub function: &'a str,
    /// Name.
    pub name: &'a str,
    /// Service or organisation.
    pub organisation: &'a str,
    /// Office code (empty: none).
    pub office: &'a str,
    /// First day.
    pub start: &'a str,
    /// Last day (may be empty).
    pub end: &'a str,
}

impl MemberDraft {
    /// Validates a member.
    pub fn parse(fields: &MemberFields<'_>) -> Result<MemberDraft, Invalid> {
        let mut errors = Invalid::default();
        let function = Function::parse(fields.function);
        if function.is_none() {
            errors.push(
                "function",
                if fields.function.trim().is_empty() { Problem::Required } else { Problem::InvalidFormat },
            );
        }
        let name = validation::text(&mut errors, "name", fields.name, 2, MEMBER_TEXT_MAX);
        let organisation = validation::text(&mut errors, "organisation", fields.organisation, 0, MEMBER_TEXT_MAX);
        let office = if fields.office.trim().is_empty() { Some(Office::Member) } else { Office::parse(fields.office) };
        if office.is_none() {
            errors.push("office", Problem::InvalidFormat);
        }
        let start = required_date(&mut errors, "start", fields.start);
        let end = optional_date(&mut errors, "end", fields.end);
        if let (Some(start), Some(end)) = (start, end)
            && end < start
        {
            errors.push("end", Problem::DateOrder);
        }
        errors.into_result(|| MemberDraft {
            function: function.unwrap_or(Function::Other),
            name,
            organisation,
            office: office.unwrap_or(Office::Member),
            period: Period { start: start.unwrap_or_default(), end },
        })
    }
}

/// What is known of a membership for the group's rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seat {
    /// The membership's id (0 for one not yet stored).
    pub id: i64,
    /// Function.
    pub function: Function,
    /// Office.
    pub office: Office,
    /// Its days.
    pub period: Period,
}

/// Checks that no other membership holds `candidate`'s office over any of
/// its days (the chair and the secretary are one at a time).
pub fn check_office(seats: &[Seat], candidate: Seat) -> Result<(), Problem> {
    if candidate.office == Office::Member {
        return Ok(());
    }
    let taken = seats
        .iter()
        .any(|s| s.id != candidate.id && s.office == candidate.office && s.period.overlaps(candidate.period));
    if taken { Err(Problem::OfficeTaken) } else { Ok(()) }
}

/// Ends a membership on `end`: not before its start, and not a second time.
pub fn check_end(period: Period, end: Date) -> Result<Period, Problem> {
    if end < period.start {
        return Err(Problem::DateOrder);
    }
    if period.end.is_some_and(|ended| ended < end) {
        return Err(Problem::DateOrder);
    }
    Ok(Period { start: period.start, end: Some(end) })
}

/// The seats of a group left empty on a day.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Vacancies {
    /// No current chair.
    pub chair: bool,
    /// No current secretary.
    pub secretary: bool,
    /// The expected functions nobody currently sits for.
    pub functions: Vec<Function>,
}

impl Vacancies {
    /// Whether every seat is filled.
    pub fn is_empty(&self) -> bool {
        !self.chair && !self.secretary && self.functions.is_empty()
    }
}

/// The vacant seats of a group of `kind` on `day`.
pub fn vacancies(kind: GroupKind, seats: &[Seat], day: Date) -> Vacancies {
    let current: Vec<&Seat> = seats.iter().filter(|s| s.period.covers(day)).collect();
    Vacancies {
        chair: !current.iter().any(|s| s.office == Office::Chair),
        secretary: !current.iter().any(|s| s.office == Office::Secretary),
        functions: expected_functions(kind)
            .iter()
            .copied()
            .filter(|f| !current.iter().any(|s| s.function == *f))
            .collect(),
    }
}
