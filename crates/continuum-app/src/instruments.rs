//! The screening instruments shipped with Continuum: `instruments/*.toml`,
//! embedded in the binary, parsed into the domain's definitions and checked
//! at start-up.
//!
//! The files are the source of truth (schema in `instruments/README.md`); the
//! domain (`continuum_domain::instrument`) scores them. A file that does not
//! parse or does not pass `validate` stops start-up with an error naming the
//! file and every problem: a broken definition must never score a screen.
//! Licensed wording is never in these files (DOMAIN.md, "Instruments whose
//! wording may not be shipped").

use std::collections::BTreeMap;
use std::fmt;

use continuum_domain::instrument::{
    Alert, AnswerOption, Band, BandSet, Condition, DefinitionError, Group, Instrument, ItemOrder, Labels, Loinc,
    PositiveRule, Question, Scoring, SexCutoffs, SkipRule, validate,
};
use serde::Deserialize;

/// The programme's uniform screening tool, configured once for all sites:
/// WHO ASSIST v3.1 (DOMAIN.md). Only responses to it count for the screening
/// indicators.
pub const UNIFORM: (&str, &str) = ("assist", "3.1");

/// The shipped definition files, by file name. A file is named after its
/// code (`_` written `-`) and version: `audit-c-1.toml` holds `audit_c` 1.
const FILES: [(&str, &str); 5] = [
    ("assist-3.1.toml", include_str!("../../../instruments/assist-3.1.toml")),
    ("audit-1.toml", include_str!("../../../instruments/audit-1.toml")),
    ("audit-c-1.toml", include_str!("../../../instruments/audit-c-1.toml")),
    ("dast-10-1.toml", include_str!("../../../instruments/dast-10-1.toml")),
    ("tcu-ds5-1.toml", include_str!("../../../instruments/tcu-ds5-1.toml")),
];

/// Why the instruments cannot be loaded. Each names the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InstrumentLoadError {
    /// The file is not TOML of the schema (with the parser's line and column).
    Parse {
        /// The file.
        file: String,
        /// What the parser says.
        message: String,
    },
    /// The definition parses but does not pass the domain's checks.
    Invalid {
        /// The file.
        file: String,
        /// Every problem found.
        errors: Vec<DefinitionError>,
    },
    /// The file's name does not match the code and version inside it.
    FileName {
        /// The file.
        file: String,
        /// The name it should have.
        expected: String,
    },
    /// Two files define the same code and version.
    Duplicate {
        /// The second file.
        file: String,
    },
    /// The uniform tool is not among the definitions.
    NoUniform,
}

impl fmt::Display for InstrumentLoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InstrumentLoadError::Parse { file, message } => write!(f, "instrument {file}: {message}"),
            InstrumentLoadError::Invalid { file, errors } => {
                write!(f, "instrument {file}: {} problem(s): ", errors.len())?;
                let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
                write!(f, "{}", list.join("; "))
            }
            InstrumentLoadError::FileName { file, expected } => {
                write!(f, "instrument {file}: its code and version call for the file name {expected}")
            }
            InstrumentLoadError::Duplicate { file } => write!(f, "instrument {file}: code and version defined twice"),
            InstrumentLoadError::NoUniform => {
                write!(f, "the uniform tool {} {} is not among the instruments", UNIFORM.0, UNIFORM.1)
            }
        }
    }
}

impl std::error::Error for InstrumentLoadError {}

/// Every shipped instrument, by code and version.
#[derive(Debug, Clone)]
pub struct Catalogue {
    instruments: BTreeMap<(String, String), Instrument>,
}

impl Catalogue {
    /// One version of one instrument: the version a response was answered
    /// with is the one it is scored and shown with.
    pub fn get(&self, code: &str, version: &str) -> Option<&Instrument> {
        self.instruments.get(&(code.to_owned(), version.to_owned()))
    }

    /// The uniform tool (WHO ASSIST v3.1), the only one counted for the
    /// screening indicators.
    pub fn uniform(&self) -> &Instrument {
        self.get(UNIFORM.0, UNIFORM.1).expect("checked when the catalogue was built")
    }

    /// Whether an instrument version is the uniform tool.
    pub fn is_uniform(code: &str, version: &str) -> bool {
        (code, version) == UNIFORM
    }

    /// Every instrument, by code then version.
    pub fn iter(&self) -> impl Iterator<Item = &Instrument> {
        self.instruments.values()
    }

    /// How many instrument versions there are.
    pub fn len(&self) -> usize {
        self.instruments.len()
    }

    /// Whether there are none (never, once built).
    pub fn is_empty(&self) -> bool {
        self.instruments.is_empty()
    }
}

/// The shipped instruments, parsed and checked. Called once at start-up;
/// an error stops the server.
pub fn catalogue() -> Result<Catalogue, InstrumentLoadError> {
    from_files(&FILES)
}

fn from_files(files: &[(&str, &str)]) -> Result<Catalogue, InstrumentLoadError> {
    let mut instruments = BTreeMap::new();
    for (file, text) in files {
        let instrument = parse(file, text)?;
        let expected = format!("{}-{}.toml", instrument.code.replace('_', "-"), instrument.version);
        if *file != expected {
            return Err(InstrumentLoadError::FileName { file: (*file).to_owned(), expected });
        }
        let key = (instrument.code.clone(), instrument.version.clone());
        if instruments.insert(key, instrument).is_some() {
            return Err(InstrumentLoadError::Duplicate { file: (*file).to_owned() });
        }
    }
    let catalogue = Catalogue { instruments };
    if catalogue.get(UNIFORM.0, UNIFORM.1).is_none() {
        return Err(InstrumentLoadError::NoUniform);
    }
    Ok(catalogue)
}

/// Parses one definition file and checks it.
pub fn parse(file: &str, text: &str) -> Result<Instrument, InstrumentLoadError> {
    let parse_error = |message: String| InstrumentLoadError::Parse { file: file.to_owned(), message };
    let raw: FileInstrument = toml::from_str(text).map_err(|e| parse_error(e.to_string()))?;
    let instrument = raw.into_domain().map_err(parse_error)?;
    validate(&instrument).map_err(|errors| InstrumentLoadError::Invalid { file: file.to_owned(), errors })?;
    Ok(instrument)
}

// The file schema. Wire types live here, never as derives on domain types.
// Unknown keys are refused, so a misspelt key cannot silently mean "absent".

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileInstrument {
    code: String,
    version: String,
    rights: String,
    scoring: FileScoring,
    #[serde(default)]
    total_bands: Option<String>,
    #[serde(default)]
    order: FileOrder,
    labels: FileLabels,
    #[serde(default)]
    loinc: FileLoinc,
    questions: Vec<FileQuestion>,
    groups: Vec<FileGroup>,
    #[serde(default)]
    band_sets: Vec<FileBandSet>,
    #[serde(default)]
    skip_rules: Vec<FileSkipRule>,
    #[serde(default)]
    alerts: Vec<FileAlert>,
    #[serde(default)]
    positive: FilePositive,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum FileScoring {
    PerGroup,
    Total,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "snake_case")]
enum FileOrder {
    #[default]
    ByGroup,
    ByQuestion,
}

/// Missing languages default to empty so that `validate` names the place.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FileLabels {
    #[serde(default)]
    nl: String,
    #[serde(default)]
    fr: String,
    #[serde(default)]
    en: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FileLoinc {
    #[serde(default)]
    panel: Option<String>,
    #[serde(default)]
    total: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileQuestion {
    id: String,
    labels: FileLabels,
    #[serde(default)]
    wording_en: Option<String>,
    options: Vec<FileOption>,
    #[serde(default)]
    part_of: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileOption {
    code: String,
    weight: u32,
    labels: FileLabels,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileGroup {
    code: String,
    labels: FileLabels,
    questions: Vec<String>,
    #[serde(default)]
    bands: Option<String>,
    #[serde(default)]
    named: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileBandSet {
    code: String,
    bands: Vec<FileBand>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileBand {
    code: String,
    min: u32,
    max: u32,
    labels: FileLabels,
    #[serde(default)]
    action: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum FileCondition {
    AnswerIn(FileAnswerIn),
    SumAtMost(FileSumAtMost),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileAnswerIn {
    question: String,
    answer_in: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSumAtMost {
    sum_of: Vec<String>,
    at_most: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSkipRule {
    when: FileCondition,
    skip: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileAlert {
    code: String,
    group: String,
    when: FileCondition,
    action: String,
    #[serde(default)]
    positive: bool,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FilePositive {
    #[serde(default)]
    bands: Vec<String>,
    #[serde(default)]
    except_groups: Vec<String>,
    #[serde(default)]
    total_at_least: Option<FileCutoffs>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileCutoffs {
    male: u32,
    female: u32,
    unspecified: u32,
}

impl FileInstrument {
    fn into_domain(self) -> Result<Instrument, String> {
        let scoring = match (self.scoring, self.total_bands) {
            (FileScoring::PerGroup, Some(_)) => return Err("total_bands is only for scoring = \"total\"".into()),
            (FileScoring::PerGroup, None) => Scoring::PerGroup,
            (FileScoring::Total, bands) => Scoring::Total { bands },
        };
        Ok(Instrument {
            code: self.code,
            version: self.version,
            labels: self.labels.into(),
            rights: self.rights,
            loinc: Loinc { panel: self.loinc.panel, total: self.loinc.total },
            scoring,
            order: match self.order {
                FileOrder::ByGroup => ItemOrder::ByGroup,
                FileOrder::ByQuestion => ItemOrder::ByQuestion,
            },
            questions: self
                .questions
                .into_iter()
                .map(|q| Question {
                    id: q.id,
                    labels: q.labels.into(),
                    wording_en: q.wording_en,
                    options: q
                        .options
                        .into_iter()
                        .map(|o| AnswerOption { code: o.code, weight: o.weight, labels: o.labels.into() })
                        .collect(),
                    part_of: q.part_of,
                })
                .collect(),
            groups: self
                .groups
                .into_iter()
                .map(|g| Group {
                    code: g.code,
                    labels: g.labels.into(),
                    questions: g.questions,
                    bands: g.bands,
                    named: g.named,
                })
                .collect(),
            band_sets: self
                .band_sets
                .into_iter()
                .map(|s| BandSet {
                    code: s.code,
                    bands: s
                        .bands
                        .into_iter()
                        .map(|b| Band {
                            code: b.code,
                            min: b.min,
                            max: b.max,
                            labels: b.labels.into(),
                            action: b.action,
                        })
                        .collect(),
                })
                .collect(),
            skip_rules: self.skip_rules.into_iter().map(|r| SkipRule { when: r.when.into(), skip: r.skip }).collect(),
            alerts: self
                .alerts
                .into_iter()
                .map(|a| Alert {
                    code: a.code,
                    group: a.group,
                    when: a.when.into(),
                    action: a.action,
                    positive: a.positive,
                })
                .collect(),
            positive: PositiveRule {
                bands: self.positive.bands,
                except_groups: self.positive.except_groups,
                total_at_least: self.positive.total_at_least.map(|c| SexCutoffs {
                    male: c.male,
                    female: c.female,
                    unspecified: c.unspecified,
                }),
            },
        })
    }
}

impl From<FileLabels> for Labels {
    fn from(l: FileLabels) -> Labels {
        Labels { nl: l.nl, fr: l.fr, en: l.en }
    }
}

impl From<FileCondition> for Condition {
    fn from(c: FileCondition) -> Condition {
        match c {
            FileCondition::AnswerIn(a) => Condition::AnswerIn { question: a.question, options: a.answer_in },
            FileCondition::SumAtMost(s) => Condition::SumAtMost { questions: s.sum_of, max: s.at_most },
        }
    }
}

#[cfg(test)]
mod tests {
    //! The shipped files load, validate and carry DOMAIN.md's numbers; the
    //! engine's rules are tested in the domain. A broken file is refused with
    //! an error naming the file and the problem.

    use continuum_domain::instrument::{Answers, ScreeningResult, Sex, score};

    use super::*;

    fn shipped(code: &str, version: &str) -> Instrument {
        catalogue().expect("shipped instruments load").get(code, version).cloned().expect("shipped")
    }

    fn scored(instrument: &Instrument, answers: &Answers, sex: Sex) -> ScreeningResult {
        score(instrument, answers, sex).expect("valid answers")
    }

    fn bands(instrument: &Instrument, set: &str) -> Vec<(String, u32, u32)> {
        let set = instrument.band_set(set).expect("band set");
        set.bands.iter().map(|b| (b.code.clone(), b.min, b.max)).collect()
    }

    fn table(rows: &[(&str, u32, u32)]) -> Vec<(String, u32, u32)> {
        rows.iter().map(|(c, min, max)| ((*c).to_owned(), *min, *max)).collect()
    }

    /// Every item answered with its first option, then the given answers.
    fn answered(instrument: &Instrument, given: &[(&str, &str, &str)]) -> Answers {
        let mut answers = Answers::new();
        for item in instrument.items() {
            answers.set(item.key(), item.question.options[0].code.clone());
        }
        given.iter().fold(answers, |a, (g, q, o)| a.with(g, q, o))
    }

    #[test]
    fn every_shipped_file_loads_and_validates() {
        let catalogue = catalogue().expect("shipped instruments load");
        let keys: Vec<(&str, &str)> = catalogue.iter().map(|i| (i.code.as_str(), i.version.as_str())).collect();
        assert_eq!(keys, [("assist", "3.1"), ("audit", "1"), ("audit_c", "1"), ("dast_10", "1"), ("tcu_ds5", "1")]);
        for instrument in catalogue.iter() {
            assert_eq!(validate(instrument), Ok(()), "{}", instrument.code);
        }
    }

    #[test]
    fn the_uniform_tool_is_assist_3_1() {
        let catalogue = catalogue().expect("load");
        assert_eq!((catalogue.uniform().code.as_str(), catalogue.uniform().version.as_str()), ("assist", "3.1"));
        assert!(Catalogue::is_uniform("assist", "3.1"));
        assert!(!Catalogue::is_uniform("audit", "1"));
    }

    #[test]
    fn shipped_assist_carries_domain_md_numbers() {
        let assist = shipped("assist", "3.1");
        let weights =
            |q: &str| -> Vec<u32> { assist.question(q).expect("question").options.iter().map(|o| o.weight).collect() };
        assert_eq!(weights("q2"), [0, 2, 3, 4, 6]);
        assert_eq!(weights("q3"), [0, 3, 4, 5, 6]);
        assert_eq!(weights("q4"), [0, 4, 5, 6, 7]);
        assert_eq!(weights("q5"), [0, 5, 6, 7, 8]);
        assert_eq!(weights("q6"), [0, 6, 3]);
        assert_eq!(weights("q7"), [0, 6, 3]);
        assert_eq!(weights("q8"), [0, 0, 0], "recorded, not scored");
        assert_eq!(bands(&assist, "alcohol"), table(&[("low", 0, 10), ("moderate", 11, 26), ("high", 27, 39)]));
        assert_eq!(bands(&assist, "other_substances"), table(&[("low", 0, 3), ("moderate", 4, 26), ("high", 27, 39)]));
        let groups: Vec<&str> = assist.groups.iter().map(|g| g.code.as_str()).collect();
        assert_eq!(groups.len(), 11, "ten substance classes and injecting: {groups:?}");
        assert!(!assist.group("tobacco").expect("tobacco").questions.contains(&"q5".to_owned()));
        assert!(assist.group("other").expect("other").named);
        assert_eq!(assist.loinc, Loinc::default(), "no LOINC codes in DOMAIN.md");
    }

    #[test]
    fn shipped_assist_scores_the_worked_examples() {
        let assist = shipped("assist", "3.1");
        let ever = |substance: &str, rest: &[(&str, &str)]| {
            let mut given = vec![(substance.to_owned(), "q1".to_owned(), "yes".to_owned())];
            given.extend(rest.iter().map(|(q, o)| (substance.to_owned(), (*q).to_owned(), (*o).to_owned())));
            let given: Vec<(&str, &str, &str)> =
                given.iter().map(|(g, q, o)| (g.as_str(), q.as_str(), o.as_str())).collect();
            scored(&assist, &answered(&assist, &given), Sex::Unknown)
        };
        let level = |r: &ScreeningResult, g: &str| {
            r.group(g).map(|g| (g.score, g.level.clone().map(|l| l.code).unwrap_or_default()))
        };
        let ten = ever("alcohol", &[("q2", "weekly"), ("q6", "yes_past_3_months")]);
        assert_eq!(level(&ten, "alcohol"), Some((10, "low".into())));
        assert!(!ten.positive);
        let eleven = ever("alcohol", &[("q2", "monthly"), ("q3", "monthly"), ("q4", "once_or_twice")]);
        assert_eq!(level(&eleven, "alcohol"), Some((11, "moderate".into())));
        assert!(eleven.positive);
        assert_eq!(level(&ever("cannabis", &[("q2", "monthly")]), "cannabis"), Some((3, "low".into())));
        assert_eq!(level(&ever("cannabis", &[("q2", "weekly")]), "cannabis"), Some((4, "moderate".into())));
        let heavy = [("q2", "daily"), ("q3", "daily"), ("q4", "daily")];
        let opioids26 = ever("opioids", &[heavy.as_slice(), &[("q5", "weekly")]].concat());
        let opioids27 = ever("opioids", &[heavy.as_slice(), &[("q5", "daily")]].concat());
        assert_eq!(level(&opioids26, "opioids"), Some((26, "moderate".into())));
        assert_eq!(level(&opioids27, "opioids"), Some((27, "high".into())));
        let tobacco =
            ever("tobacco", &[heavy.as_slice(), &[("q6", "yes_past_3_months"), ("q7", "yes_past_3_months")]].concat());
        assert_eq!(level(&tobacco, "tobacco"), Some((31, "high".into())));
        assert!(!tobacco.positive, "tobacco alone is never positive");
        let injecting = scored(&assist, &answered(&assist, &[("injection", "q8", "yes_past_3_months")]), Sex::Unknown);
        assert!(injecting.positive);
        assert!(injecting.groups.iter().all(|g| g.score == 0));
        assert_eq!(injecting.alerts.len(), 1);
    }

    #[test]
    fn shipped_audit_and_audit_c_carry_domain_md_numbers() {
        let audit = shipped("audit", "1");
        assert_eq!(audit.total_max(), 40);
        assert_eq!(
            bands(&audit, "zones"),
            table(&[("zone_1", 0, 7), ("zone_2", 8, 15), ("zone_3", 16, 19), ("zone_4", 20, 40)])
        );
        assert_eq!(audit.loinc, Loinc { panel: Some("72110-0".into()), total: Some("75624-7".into()) });
        assert!(audit.questions.iter().all(|q| q.wording_en.is_some()), "the English wording may ship");
        let audit_c = shipped("audit_c", "1");
        assert_eq!(audit_c.total_max(), 12);
        assert_eq!(audit_c.loinc, Loinc { panel: Some("72109-2".into()), total: Some("75626-2".into()) });
        assert_eq!(audit_c.positive.total_at_least, Some(SexCutoffs { male: 4, female: 3, unspecified: 3 }));
    }

    #[test]
    fn shipped_audit_c_is_positive_at_3_for_women_and_4_for_men() {
        let audit_c = shipped("audit_c", "1");
        // Q1 2-4 times a month (2) + Q3 less than monthly (1) = 3.
        let three =
            answered(&audit_c, &[("audit_c", "q1", "two_to_four_a_month"), ("audit_c", "q3", "less_than_monthly")]);
        let four = three.clone().with("audit_c", "q2", "three_or_four");
        assert!(scored(&audit_c, &three, Sex::Female).positive);
        assert!(!scored(&audit_c, &three, Sex::Male).positive);
        assert!(scored(&audit_c, &four, Sex::Male).positive);
        assert!(scored(&audit_c, &three, Sex::Unknown).positive, "the lower cut-off when sex is unknown");
    }

    #[test]
    fn shipped_dast_10_and_tcu_ds5_carry_domain_md_numbers() {
        let dast = shipped("dast_10", "1");
        assert_eq!(dast.total_max(), 10);
        assert_eq!(
            bands(&dast, "levels"),
            table(&[("none", 0, 0), ("low", 1, 2), ("moderate", 3, 5), ("substantial", 6, 8), ("severe", 9, 10)])
        );
        assert_eq!(dast.loinc, Loinc { panel: Some("82666-9".into()), total: Some("82667-7".into()) });
        let all_no = dast.items().iter().fold(Answers::new(), |a, it| a.with("dast_10", &it.question.id, "no"));
        assert_eq!(scored(&dast, &all_no, Sex::Unknown).total.map(|t| t.score), Some(1), "item 3 reversed");

        let tcu = shipped("tcu_ds5", "1");
        assert_eq!(tcu.total_max(), 11);
        assert_eq!(
            bands(&tcu, "severity"),
            table(&[("none", 0, 1), ("mild", 2, 3), ("moderate", 4, 5), ("severe", 6, 11)])
        );
        let both = tcu.items().iter().fold(Answers::new(), |a, it| {
            a.with("tcu_ds5", &it.question.id, if it.question.id.starts_with("q10") { "yes" } else { "no" })
        });
        assert_eq!(scored(&tcu, &both, Sex::Unknown).total.map(|t| t.score), Some(1), "10a and 10b count once");
    }

    #[test]
    fn a_broken_definition_is_refused_naming_file_and_problem() {
        let (_, text) = FILES[1];
        let broken = text.replacen("min = 8, max = 15", "min = 9, max = 15", 1);
        let error = parse("audit-1.toml", &broken).expect_err("gap in the zones");
        let message = error.to_string();
        assert!(message.contains("audit-1.toml"), "{message}");
        assert!(message.contains("band zone_2 does not start right after band zone_1"), "{message}");

        let unlabelled = text.replacen(", fr = \"Jamais\"", "", 1);
        let error = parse("audit-1.toml", &unlabelled).expect_err("label missing");
        assert!(error.to_string().contains("question q1 option never: label missing in fr"), "{error}");
    }

    #[test]
    fn a_file_that_is_not_the_schema_is_refused_with_the_parser_message() {
        let error = parse("x.toml", "code = \"x\"\nversion = 1\n").expect_err("bad");
        assert!(matches!(&error, InstrumentLoadError::Parse { file, .. } if file == "x.toml"), "{error}");
        let (_, text) = FILES[3];
        let misspelt = text.replacen("total_bands", "total_band", 1);
        let error = parse("dast-10-1.toml", &misspelt).expect_err("unknown key");
        assert!(error.to_string().contains("total_band"), "{error}");
        let per_group =
            FILES[0].1.replacen("scoring = \"per_group\"", "scoring = \"per_group\"\ntotal_bands = \"alcohol\"", 1);
        assert!(parse("assist-3.1.toml", &per_group).is_err());
    }

    #[test]
    fn file_names_must_match_code_and_version() {
        let error = from_files(&[("assist-3.2.toml", FILES[0].1)]).expect_err("misnamed");
        assert_eq!(
            error,
            InstrumentLoadError::FileName { file: "assist-3.2.toml".into(), expected: "assist-3.1.toml".into() }
        );
        assert_eq!(from_files(&[FILES[1]]).expect_err("no ASSIST"), InstrumentLoadError::NoUniform);
        assert_eq!(
            from_files(&[FILES[0], FILES[0]]).expect_err("twice"),
            InstrumentLoadError::Duplicate { file: "assist-3.1.toml".into() }
        );
    }
}
