//! The intake and assessment: the first care contact after a positive
//! screening or a request for care.
//!
//! The items of the EMCDDA Treatment Demand Indicator protocol 3.0 (TDI,
//! EMCDDA Manuals 9, 2012; DOMAIN.md "Codes and exchange") are coded
//! fields, so that the Belgian TDI register can be fed without typing them
//! again. Rules chosen here:
//! - **From the register, not typed again:** sex, age and nationality are
//!   the register's; the type of centre is always a treatment unit in
//!   prison; the date of treatment start is the intake date.
//! - **Categories follow TDI 3.0** (stable text codes here; the protocol's
//!   numeric export codes are mapped where the register export is built):
//!   referral source, previous treatment, ever in opioid substitution,
//!   primary drug and up to four secondary drugs (alcohol included, as
//!   Belgium records it), usual route and frequency of the primary drug in
//!   the 30 days before detention, age at first use, injecting and needle
//!   sharing (never, longer ago than 12 months, in the last 12 months, in
//!   the last 30 days), age at first injection, living status (with whom,
//!   with children, where), labour status, education, HIV and HCV testing.
//!   Every coded item has `unknown`.
//! - **Injecting:** a person who never injected has no age at first
//!   injection nor needle sharing (what was typed for them is dropped);
//!   one who did must say whether they shared.
//! - **Opioid agonist treatment outside** (`oat_outside` yes): medicine,
//!   daily dose, prescriber and the date of the last dose taken (with the
//!   time when known) are required. The last dose is not after the intake
//!   date. A dose of 0 or less, or above [`OatMedicine::impossible_above`],
//!   is refused; one above [`OatMedicine::usual_up_to`] is saved only once
//!   confirmed (`dose_confirmed`): high maintenance doses exist and the
//!   prescriber knows best, a slip of a digit must not pass unseen.
//! - The intake date lies within the current detention (not before its
//!   entry, not after today); ages at first use lie between
//!   [`YOUNGEST_FIRST_USE`] and the person's age at the intake.
//! - Health and social situation, the person's own goals: free text (each
//!   up to [`TEXT_MAX_CHARS`]), clinical like everything here.
//! - Language of care: an ISO 639-1 code, and whether an interpreter is
//!   needed.

use jiff::civil::{Date, Time};

use super::{Answer, choice, coded, optional_number, past_date};
use crate::oat::OatMedicine;
use crate::validation::{Invalid, Problem, text};

/// The longest free text of an intake, in characters.
pub const TEXT_MAX_CHARS: usize = 4000;
/// The longest prescriber's name, in characters.
pub const PRESCRIBER_MAX_CHARS: usize = 200;
/// The youngest age at first use or first injection accepted.
pub const YOUNGEST_FIRST_USE: i64 = 5;
/// The most secondary substances (TDI records up to four).
pub const MAX_SECONDARY_SUBSTANCES: usize = 4;

coded!(
    /// Who referred the person (TDI: source of referral).
    ReferralSource, "intake-referral", {
        /// The person themselves.
        SelfReferral => "self",
        /// Family or friends.
        FamilyFriends => "family_friends",
        /// Another drug treatment service.
        DrugService => "drug_service",
        /// A general practitioner.
        GeneralPractitioner => "general_practitioner",
        /// A hospital or other medical source (the prison's medical service included).
        HospitalMedical => "hospital_medical",
        /// Social services (the psychosocial service included).
        SocialServices => "social_services",
        /// Courts, probation, police (prison staff included).
        Justice => "justice",
        /// Educational services.
        Education => "education",
        /// Anyone else.
        Other => "other",
        /// Not known.
        Unknown => "unknown",
    }
);

coded!(
    /// Whether the person was treated for drug use before (TDI: ever
    /// previously treated).
    PreviousTreatment, "intake-previous", {
        /// Never treated before.
        Never => "never",
        /// Treated before.
        Previously => "previously",
        /// Not known.
        Unknown => "unknown",
    }
);

coded!(
    /// A substance (TDI 3.0 drug list, with alcohol).
    Substance, "substance", {
        /// Heroin.
        Heroin => "heroin",
        /// Methadone, misused.
        MethadoneMisused => "methadone_misused",
        /// Buprenorphine, misused.
        BuprenorphineMisused => "buprenorphine_misused",
        /// Fentanyl, misused.
        FentanylMisused => "fentanyl_misused",
        /// Other opioids.
        OtherOpioids => "other_opioids",
        /// Cocaine powder.
        Cocaine => "cocaine",
        /// Crack cocaine.
        Crack => "crack",
        /// Amphetamines.
        Amphetamines => "amphetamines",
        /// Methamphetamine.
        Methamphetamine => "methamphetamine",
        /// MDMA and derivatives.
        Mdma => "mdma",
        /// Synthetic cathinones.
        SyntheticCathinones => "synthetic_cathinones",
        /// Other stimulants.
        OtherStimulants => "other_stimulants",
        /// Benzodiazepines.
        Benzodiazepines => "benzodiazepines",
        /// Barbiturates.
        Barbiturates => "barbiturates",
        /// GHB or GBL.
        Ghb => "ghb",
        /// Other hypnotics and sedatives.
        OtherSedatives => "other_sedatives",
        /// LSD.
        Lsd => "lsd",
        /// Ketamine.
        Ketamine => "ketamine",
        /// Other hallucinogens.
        OtherHallucinogens => "other_hallucinogens",
        /// Volatile inhalants.
        VolatileInhalants => "volatile_inhalants",
        /// Cannabis (marijuana, hashish).
        Cannabis => "cannabis",
        /// Synthetic cannabinoids.
        SyntheticCannabinoids => "synthetic_cannabinoids",
        /// Alcohol.
        Alcohol => "alcohol",
        /// Any other substance.
        Other => "other",
    }
);

impl Substance {
    /// Whether it is an opioid (for naloxone at release, DOMAIN.md).
    pub fn is_opioid(self) -> bool {
        matches!(
            self,
            Substance::Heroin
                | Substance::MethadoneMisused
                | Substance::BuprenorphineMisused
                | Substance::FentanylMisused
                | Substance::OtherOpioids
        )
    }
}

coded!(
    /// The usual route of administration of the primary substance.
    Route, "intake-route", {
        /// Injected.
        Inject => "inject",
        /// Smoked or inhaled.
        SmokeInhale => "smoke_inhale",
        /// Eaten or drunk.
        EatDrink => "eat_drink",
        /// Sniffed.
        Sniff => "sniff",
        /// Another route.
        Other => "other",
        /// Not known.
        Unknown => "unknown",
    }
);

coded!(
    /// How often the primary substance was used in the 30 days before
    /// detention.
    Frequency, "intake-frequency", {
        /// Daily.
        Daily => "daily",
        /// Four to six days a week.
        FourToSixDays => "days_4_6",
        /// Two or three days a week.
        TwoToThreeDays => "days_2_3",
        /// Once a week or less.
        WeeklyOrLess => "weekly_or_less",
        /// Not used in those 30 days.
        NotInLast30Days => "not_last_30_days",
        /// Not known.
        Unknown => "unknown",
    }
);

coded!(
    /// When something last happened (injecting, sharing needles, an HIV or
    /// HCV test), counted back from the intake.
    Recency, "care-recency", {
        /// Never.
        Never => "never",
        /// More than 12 months ago.
        LongerAgo => "more_than_12_months",
        /// In the last 12 months, not in the last 30 days.
        Last12Months => "last_12_months",
        /// In the last 30 days.
        Last30Days => "last_30_days",
        /// Not known.
        Unknown => "unknown",
    }
);

impl Recency {
    /// Whether it ever happened.
    pub fn ever(self) -> bool {
        matches!(self, Recency::LongerAgo | Recency::Last12Months | Recency::Last30Days)
    }
}

coded!(
    /// With whom the person lived before detention.
    LivingWith, "intake-living-with", {
        /// Alone.
        Alone => "alone",
        /// With parents.
        Parents => "parents",
        /// With a partner.
        Partner => "partner",
        /// With a partner and children.
        PartnerAndChildren => "partner_and_children",
        /// Alone with children.
        AloneWithChildren => "alone_with_children",
        /// With friends or others, without relatives.
        FriendsOrOthers => "friends_or_others",
        /// Another situation.
        Other => "other",
        /// Not known.
        Unknown => "unknown",
    }
);

coded!(
    /// Where the person lived before detention.
    Accommodation, "intake-accommodation", {
        /// Stable accommodation.
        Stable => "stable",
        /// Unstable accommodation (homeless, shelters).
        Unstable => "unstable",
        /// An institution (prison, clinic).
        Institution => "institution",
        /// Not known.
        Unknown => "unknown",
    }
);

coded!(
    /// Labour status before detention.
    LabourStatus, "intake-labour", {
        /// Regularly employed.
        Employed => "employed",
        /// Pupil or student.
        Student => "student",
        /// Unemployed.
        Unemployed => "unemployed",
        /// Economically inactive (retired, disabled, at home).
        Inactive => "inactive",
        /// Another status.
        Other => "other",
        /// Not known.
        Unknown => "unknown",
    }
);

coded!(
    /// The highest level of education completed.
    Education, "intake-education", {
        /// No school completed.
        None => "none",
        /// Primary.
        Primary => "primary",
        /// Lower secondary.
        LowerSecondary => "lower_secondary",
        /// Upper secondary.
        UpperSecondary => "upper_secondary",
        /// Higher education.
        Higher => "higher",
        /// Not known.
        Unknown => "unknown",
    }
);

/// A daily dose in tenths of a milligram (0.4 mg of buprenorphine is 4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Dose(pub i64);

impl Dose {
    /// Reads `60`, `60.5` or `0,4` (a decimal comma, as in French and
    /// Dutch), with at most one decimal.
    pub fn parse(text: &str) -> Option<Dose> {
        let text = text.trim().replace(',', ".");
        let (whole, tenth) = text.split_once('.').unwrap_or((&text, "0"));
        if whole.is_empty() || tenth.len() != 1 || !whole.chars().chain(tenth.chars()).all(|c| c.is_ascii_digit()) {
            return None;
        }
        let whole: i64 = whole.parse().ok()?;
        let tenth: i64 = tenth.parse().ok()?;
        whole.checked_mul(10)?.checked_add(tenth).map(Dose)
    }

    /// The dose in mg, as typed back: `60`, `0.4`.
    pub fn to_mg_text(self) -> String {
        if self.0 % 10 == 0 { (self.0 / 10).to_string() } else { format!("{}.{}", self.0 / 10, self.0 % 10) }
    }
}

/// Opioid agonist treatment the person was taking outside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OatOutside {
    /// The medicine.
    pub medicine: OatMedicine,
    /// The daily dose.
    pub dose: Dose,
    /// Who prescribes it.
    pub prescriber: String,
    /// The day of the last dose taken.
    pub last_dose_on: Date,
    /// Its time, when known.
    pub last_dose_at: Option<Time>,
}

/// An intake as typed (form or API), every field as text.
#[derive(Debug, Clone, Default)]
pub struct IntakeFields<'a> {
    /// `YYYY-MM-DD` (or the register's other date forms).
    pub intake_date: &'a str,
    /// A [`ReferralSource`] code.
    pub referral_source: &'a str,
    /// A [`PreviousTreatment`] code.
    pub previous_treatment: &'a str,
    /// Whether the person was ever in opioid substitution treatment (an [`Answer`] code).
    pub ever_oat: &'a str,
    /// A [`Substance`] code.
    pub primary_substance: &'a str,
    /// [`Substance`] codes; empty entries are ignored.
    pub secondary_substances: &'a [String],
    /// A [`Route`] code.
    pub route: &'a str,
    /// A [`Frequency`] code.
    pub frequency: &'a str,
    /// Age at first use of the primary substance, or empty.
    pub first_use_age: &'a str,
    /// A [`Recency`] code.
    pub injecting: &'a str,
    /// Age at first injection, or empty.
    pub first_injection_age: &'a str,
    /// A [`Recency`] code, or empty for one who never injected.
    pub needle_sharing: &'a str,
    /// A [`LivingWith`] code.
    pub living_with: &'a str,
    /// An [`Answer`] code.
    pub lives_with_children: &'a str,
    /// An [`Accommodation`] code.
    pub accommodation: &'a str,
    /// A [`LabourStatus`] code.
    pub labour_status: &'a str,
    /// An [`Education`] code.
    pub education: &'a str,
    /// A [`Recency`] code.
    pub hiv_test: &'a str,
    /// A [`Recency`] code.
    pub hcv_test: &'a str,
    /// An [`Answer`] code: on opioid agonist treatment outside.
    pub oat_outside: &'a str,
    /// An [`OatMedicine`] code.
    pub oat_medicine: &'a str,
    /// The daily dose in mg.
    pub oat_dose_mg: &'a str,
    /// Whether an unusual dose is confirmed.
    pub dose_confirmed: bool,
    /// The prescriber.
    pub oat_prescriber: &'a str,
    /// The day of the last dose taken.
    pub oat_last_dose_on: &'a str,
    /// Its time (`HH:MM`), or empty.
    pub oat_last_dose_at: &'a str,
    /// An [`Answer`] code.
    pub health_insurance: &'a str,
    /// Health situation.
    pub health: &'a str,
    /// Social situation.
    pub social: &'a str,
    /// The person's own goals.
    pub goals: &'a str,
    /// ISO 639-1 code of the language of care.
    pub language: &'a str,
    /// Whether an interpreter is needed.
    pub interpreter: bool,
}

/// What an intake is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntakeContext {
    /// Today, by the register's date.
    pub today: Date,
    /// The entry date of the person's current detention episode.
    pub entry_date: Option<Date>,
    /// The person's date of birth.
    pub birth_date: Date,
}

/// A valid intake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntakeDraft {
    /// The day of the intake (TDI: date of treatment start).
    pub intake_date: Date,
    /// Source of referral.
    pub referral_source: ReferralSource,
    /// Ever previously treated.
    pub previous_treatment: PreviousTreatment,
    /// Ever in opioid substitution treatment.
    pub ever_oat: Answer,
    /// Primary substance.
    pub primary_substance: Substance,
    /// Secondary substances, without repeats.
    pub secondary_substances: Vec<Substance>,
    /// Usual route of the primary substance.
    pub route: Route,
    /// Frequency of the primary substance before detention.
    pub frequency: Frequency,
    /// Age at first use of the primary substance.
    pub first_use_age: Option<i64>,
    /// Injecting.
    pub injecting: Recency,
    /// Age at first injection; `None` for one who never injected.
    pub first_injection_age: Option<i64>,
    /// Needle or syringe sharing; `None` for one who never injected.
    pub needle_sharing: Option<Recency>,
    /// Living status: with whom.
    pub living_with: LivingWith,
    /// Living with children.
    pub lives_with_children: Answer,
    /// Living status: where.
    pub accommodation: Accommodation,
    /// Labour status.
    pub labour_status: LabourStatus,
    /// Highest education completed.
    pub education: Education,
    /// Last HIV test.
    pub hiv_test: Recency,
    /// Last HCV test.
    pub hcv_test: Recency,
    /// On opioid agonist treatment outside.
    pub oat_outside: Answer,
    /// That treatment, when `oat_outside` is yes.
    pub oat: Option<OatOutside>,
    /// Health insurance in order.
    pub health_insurance: Answer,
    /// Health situation.
    pub health: String,
    /// Social situation.
    pub social: String,
    /// The person's own goals.
    pub goals: String,
    /// ISO 639-1 code of the language of care.
    pub language: String,
    /// An interpreter is needed.
    pub interpreter: bool,
}

impl IntakeDraft {
    /// Whether the person uses an opioid (primary or secondary).
    pub fn uses_opioids(&self) -> bool {
        std::iter::once(&self.primary_substance).chain(&self.secondary_substances).any(|s| s.is_opioid())
    }

    /// Checks every field; answers all the invalid ones at once.
    pub fn parse(fields: &IntakeFields<'_>, context: IntakeContext) -> Result<IntakeDraft, Invalid> {
        let mut e = Invalid::default();
        let intake_date = past_date(&mut e, "intake_date", fields.intake_date, context.entry_date, context.today);
        let age_at_intake = age_on(context.birth_date, intake_date.unwrap_or(context.today));
        let primary = choice(&mut e, "primary_substance", fields.primary_substance, Substance::from_code);
        let secondary = secondary_substances(&mut e, fields.secondary_substances, primary);
        let injecting = choice(&mut e, "injecting", fields.injecting, Recency::from_code);
        let injected = injecting.is_some_and(Recency::ever);
        let first_injection_age = optional_number(
            &mut e,
            "first_injection_age",
            if injected { fields.first_injection_age } else { "" },
            YOUNGEST_FIRST_USE,
            age_at_intake,
        );
        let needle_sharing =
            if injected { choice(&mut e, "needle_sharing", fields.needle_sharing, Recency::from_code) } else { None };
        let draft = IntakeDraft {
            intake_date: intake_date.unwrap_or(context.today),
            referral_source: choice(&mut e, "referral_source", fields.referral_source, ReferralSource::from_code)
                .unwrap_or(ReferralSource::Unknown),
            previous_treatment: choice(
                &mut e,
                "previous_treatment",
                fields.previous_treatment,
                PreviousTreatment::from_code,
            )
            .unwrap_or(PreviousTreatment::Unknown),
            ever_oat: choice(&mut e, "ever_oat", fields.ever_oat, Answer::from_code).unwrap_or(Answer::Unknown),
            primary_substance: primary.unwrap_or(Substance::Other),
            secondary_substances: secondary,
            route: choice(&mut e, "route", fields.route, Route::from_code).unwrap_or(Route::Unknown),
            frequency: choice(&mut e, "frequency", fields.frequency, Frequency::from_code)
                .unwrap_or(Frequency::Unknown),
            first_use_age: optional_number(
                &mut e,
                "first_use_age",
                fields.first_use_age,
                YOUNGEST_FIRST_USE,
                age_at_intake,
            ),
            injecting: injecting.unwrap_or(Recency::Unknown),
            first_injection_age,
            needle_sharing,
            living_with: choice(&mut e, "living_with", fields.living_with, LivingWith::from_code)
                .unwrap_or(LivingWith::Unknown),
            lives_with_children: choice(&mut e, "lives_with_children", fields.lives_with_children, Answer::from_code)
                .unwrap_or(Answer::Unknown),
            accommodation: choice(&mut e, "accommodation", fields.accommodation, Accommodation::from_code)
                .unwrap_or(Accommodation::Unknown),
            labour_status: choice(&mut e, "labour_status", fields.labour_status, LabourStatus::from_code)
                .unwrap_or(LabourStatus::Unknown),
            education: choice(&mut e, "education", fields.education, Education::from_code)
                .unwrap_or(Education::Unknown),
            hiv_test: choice(&mut e, "hiv_test", fields.hiv_test, Recency::from_code).unwrap_or(Recency::Unknown),
            hcv_test: choice(&mut e, "hcv_test", fields.hcv_test, Recency::from_code).unwrap_or(Recency::Unknown),
            oat_outside: choice(&mut e, "oat_outside", fields.oat_outside, Answer::from_code)
                .unwrap_or(Answer::Unknown),
            oat: None,
            health_insurance: choice(&mut e, "health_insurance", fields.health_insurance, Answer::from_code)
                .unwrap_or(Answer::Unknown),
            health: text(&mut e, "health", fields.health, 0, TEXT_MAX_CHARS),
            social: text(&mut e, "social", fields.social, 0, TEXT_MAX_CHARS),
            goals: text(&mut e, "goals", fields.goals, 0, TEXT_MAX_CHARS),
            language: language(&mut e, fields.language),
            interpreter: fields.interpreter,
        };
        let oat = if draft.oat_outside == Answer::Yes { oat_outside(&mut e, fields, intake_date) } else { None };
        e.into_result(|| IntakeDraft { oat, ..draft })
    }
}

/// Whole years from `birth` to `on`.
fn age_on(birth: Date, on: Date) -> i64 {
    let years = i64::from(on.year()) - i64::from(birth.year());
    if (on.month(), on.day()) < (birth.month(), birth.day()) { years - 1 } else { years }
}

fn secondary_substances(e: &mut Invalid, raw: &[String], primary: Option<Substance>) -> Vec<Substance> {
    let mut found = Vec::new();
    for code in raw.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        match Substance::from_code(code) {
            None => e.push("secondary_substances", Problem::InvalidFormat),
            Some(s) if Some(s) == primary => e.push("secondary_substances", Problem::RepeatsPrimary),
            Some(s) if !found.contains(&s) => found.push(s),
            Some(_) => {}
        }
    }
    if found.len() > MAX_SECONDARY_SUBSTANCES {
        e.push("secondary_substances", Problem::TooMany { max: MAX_SECONDARY_SUBSTANCES });
    }
    found
}

/// An ISO 639-1 code: two ASCII letters, lower-cased.
fn language(e: &mut Invalid, raw: &str) -> String {
    let code = raw.trim().to_ascii_lowercase();
    if code.is_empty() {
        e.push("language", Problem::Required);
    } else if code.len() != 2 || !code.chars().all(|c| c.is_ascii_lowercase()) {
        e.push("language", Problem::InvalidFormat);
    }
    code
}

fn oat_outside(e: &mut Invalid, fields: &IntakeFields<'_>, intake_date: Option<Date>) -> Option<OatOutside> {
    let medicine = choice(e, "oat_medicine", fields.oat_medicine, OatMedicine::from_code);
    let dose = match (fields.oat_dose_mg.trim(), Dose::parse(fields.oat_dose_mg)) {
        ("", _) => {
            e.push("oat_dose_mg", Problem::Required);
            None
        }
        (_, None) => {
            e.push("oat_dose_mg", Problem::InvalidFormat);
            None
        }
        (_, Some(dose)) => {
            let limit = medicine.map_or(OatMedicine::Other.impossible_above(), OatMedicine::impossible_above);
            let usual = medicine.and_then(OatMedicine::usual_up_to);
            if dose.0 <= 0 || dose.0 > limit * 10 {
                e.push("oat_dose_mg", Problem::OutOfRange { min: 0, max: limit });
                None
            } else if let Some(usual) = usual.filter(|usual| dose.0 > usual * 10 && !fields.dose_confirmed) {
                e.push("oat_dose_mg", Problem::DoseUnusual { min: 0, max: usual });
                None
            } else {
                Some(dose)
            }
        }
    };
    let prescriber = text(e, "oat_prescriber", fields.oat_prescriber, 1, PRESCRIBER_MAX_CHARS);
    let last_dose_on = crate::person::required_date(e, "oat_last_dose_on", fields.oat_last_dose_on);
    if let (Some(last), Some(intake)) = (last_dose_on, intake_date)
        && last > intake
    {
        e.push("oat_last_dose_on", Problem::ImpossibleDate);
    }
    let at = fields.oat_last_dose_at.trim();
    let last_dose_at = if at.is_empty() {
        None
    } else {
        let time = at.parse::<Time>().ok().filter(|_| at.len() == 5);
        if time.is_none() {
            e.push("oat_last_dose_at", Problem::InvalidFormat);
        }
        time
    };
    Some(OatOutside { medicine: medicine?, dose: dose?, prescriber, last_dose_on: last_dose_on?, last_dose_at })
}

/// Every message id of the intake's coded values.
pub fn message_ids() -> Vec<&'static str> {
    let mut ids = ReferralSource::message_ids();
    ids.extend(PreviousTreatment::message_ids());
    ids.extend(Substance::message_ids());
    ids.extend(Route::message_ids());
    ids.extend(Frequency::message_ids());
    ids.extend(Recency::message_ids());
    ids.extend(LivingWith::message_ids());
    ids.extend(Accommodation::message_ids());
    ids.extend(LabourStatus::message_ids());
    ids.extend(Education::message_ids());
    ids.extend(OatMedicine::message_ids());
    ids
}

#[cfg(test)]
mod tests;
