//! A screening as a FHIR QuestionnaireResponse, and its scores as
//! Observations.
//!
//! The response answers the Questionnaire of the instrument version the
//! screening was started with (`url|version`), in the same nesting, with
//! the answers to the items asked (an answer kept for an item a later
//! answer skipped is left out, as FHIR wants for disabled items), texts in
//! the language of administration. Mode and content pack are extensions.
//!
//! Observations exist once the screening is completed: one per scored
//! group (an ASSIST substance class; groups that are recorded but never
//! scored, such as injecting, have none) or one for the total, with the
//! LOINC code where the definition has one, the score as `valueInteger`,
//! the risk level as interpretation, derived from the response. Their ids
//! are the screening's id and the group (`12-alcohol`) or `total`.

use continuum_app::screening::ScreeningRecord;
use continuum_domain::instrument::{Instrument, RiskLevel, Scoring};
use continuum_domain::site::Language;

use super::questionnaire::{canonical_url, item_text, layout, name_label, name_link_id, option_coding, slug};
use super::resources::{
    CodeableConcept, Coding, Extension, ExtensionValue, Observation, QuestionnaireResponse, Reference, ResponseAnswer,
    ResponseItem,
};
use super::{CANONICAL, LOINC};

/// The id of the total's Observation, after the screening's id.
const TOTAL: &str = "total";

/// The subject of a screening's resources.
pub(crate) fn patient(person_id: i64) -> Reference {
    Reference { reference: format!("Patient/{person_id}") }
}

/// The QuestionnaireResponse of a screening.
pub(crate) fn questionnaire_response(record: &ScreeningRecord<'_>) -> QuestionnaireResponse {
    let instrument = record.instrument;
    let screening = &record.screening;
    let language = Language::parse(&screening.language).unwrap_or(Language::En);
    let mut items = Vec::new();
    for (link_id, text, section) in layout(instrument, language) {
        let mut answered = Vec::new();
        for item in section {
            let key = item.key();
            if !record.applicable.contains(&key) {
                continue;
            }
            if let Some(option) = record.answers.get(&key) {
                answered.push(ResponseItem {
                    link_id: key.to_string(),
                    text: item_text(instrument, item, language),
                    answer: vec![ResponseAnswer::Coding(option_coding(instrument, item.question, option, language))],
                    item: Vec::new(),
                });
            }
            let first_of_named = item.group.named && item.group.questions.first() == Some(&item.question.id);
            if let Some(name) = record.answers.name(&item.group.code).filter(|_| first_of_named) {
                answered.push(ResponseItem {
                    link_id: name_link_id(item.group),
                    text: format!("{}: {}", item.group.labels.get(language), name_label(language)),
                    answer: vec![ResponseAnswer::String(name.to_owned())],
                    item: Vec::new(),
                });
            }
        }
        if !answered.is_empty() {
            items.push(ResponseItem { link_id, text, answer: Vec::new(), item: answered });
        }
    }
    let completed = record.is_completed();
    let mut extension = vec![Extension {
        url: format!("{CANONICAL}/StructureDefinition/screening-mode"),
        value: ExtensionValue::Code(screening.mode.clone()),
    }];
    if let Some(pack) = screening.content_pack_id {
        extension.push(Extension {
            url: format!("{CANONICAL}/StructureDefinition/screening-content-pack"),
            value: ExtensionValue::String(pack.to_string()),
        });
    }
    QuestionnaireResponse {
        id: screening.id.to_string(),
        language: language.code().to_owned(),
        extension,
        questionnaire: format!("{}|{}", canonical_url(&instrument.code), instrument.version),
        status: if completed { "completed" } else { "in-progress" },
        subject: patient(screening.person_id),
        authored: screening.completed_at.clone().unwrap_or_else(|| screening.started_at.clone()),
        source: (screening.mode == "self").then(|| patient(screening.person_id)),
        item: items,
    }
}

fn score_system(instrument: &Instrument) -> String {
    format!("{CANONICAL}/CodeSystem/{}-score", slug(&instrument.code))
}

fn risk(instrument: &Instrument, band_set: Option<&str>, level: &RiskLevel, language: Language) -> CodeableConcept {
    let label = band_set
        .and_then(|code| instrument.band_set(code))
        .and_then(|set| set.bands.iter().find(|b| b.code == level.code))
        .map(|band| band.labels.get(language).to_owned());
    CodeableConcept {
        coding: vec![Coding {
            extension: Vec::new(),
            system: format!("{CANONICAL}/CodeSystem/{}-risk-level", slug(&instrument.code)),
            version: Some(instrument.version.clone()),
            code: level.code.clone(),
            display: label.clone(),
        }],
        text: label,
    }
}

/// The Observations of a completed screening's scores; none before.
pub(crate) fn observations(record: &ScreeningRecord<'_>, language: Language) -> Vec<Observation> {
    let (Some(result), Some(completed_at)) = (&record.result, &record.screening.completed_at) else {
        return Vec::new();
    };
    let instrument = record.instrument;
    let screening = &record.screening;
    let name = instrument.labels.get(language);
    let observation =
        |suffix: &str, code: CodeableConcept, value: u32, interpretation: Option<CodeableConcept>| Observation {
            id: format!("{}-{suffix}", screening.id),
            language: language.code().to_owned(),
            status: "final",
            category: vec![CodeableConcept {
                coding: vec![Coding {
                    extension: Vec::new(),
                    system: "http://terminology.hl7.org/CodeSystem/observation-category".to_owned(),
                    version: None,
                    code: "survey".to_owned(),
                    display: Some("Survey".to_owned()),
                }],
                text: None,
            }],
            code,
            subject: patient(screening.person_id),
            effective_date_time: completed_at.clone(),
            value_integer: value,
            interpretation: interpretation.into_iter().collect(),
            derived_from: vec![Reference { reference: format!("QuestionnaireResponse/{}", screening.id) }],
        };
    match &instrument.scoring {
        Scoring::PerGroup => result
            .groups
            .iter()
            .filter(|g| g.max > 0)
            .filter_map(|g| {
                let group = instrument.group(&g.group)?;
                let label = match &g.name {
                    Some(given) => format!("{}: {given}", group.labels.get(language)),
                    None => group.labels.get(language).to_owned(),
                };
                let code = CodeableConcept {
                    coding: vec![Coding {
                        extension: Vec::new(),
                        system: score_system(instrument),
                        version: Some(instrument.version.clone()),
                        code: group.code.clone(),
                        display: Some(group.labels.get(language).to_owned()),
                    }],
                    text: Some(format!("{name}: {label}")),
                };
                let level = g.level.as_ref().map(|l| risk(instrument, group.bands.as_deref(), l, language));
                Some(observation(&slug(&group.code), code, g.score, level))
            })
            .collect(),
        Scoring::Total { bands } => result
            .total
            .iter()
            .map(|total| {
                let mut coding: Vec<Coding> = instrument
                    .loinc
                    .total
                    .iter()
                    .map(|loinc| Coding {
                        extension: Vec::new(),
                        system: LOINC.to_owned(),
                        version: None,
                        code: loinc.clone(),
                        display: None,
                    })
                    .collect();
                coding.push(Coding {
                    extension: Vec::new(),
                    system: score_system(instrument),
                    version: Some(instrument.version.clone()),
                    code: TOTAL.to_owned(),
                    display: None,
                });
                let code = CodeableConcept { coding, text: Some(name.to_owned()) };
                let level = total.level.as_ref().map(|l| risk(instrument, bands.as_deref(), l, language));
                observation(TOTAL, code, total.score, level)
            })
            .collect(),
    }
}

/// The screening id and Observation suffix of an Observation id
/// (`12-alcohol` → 12, `alcohol`).
pub(crate) fn parse_observation_id(id: &str) -> Option<(i64, &str)> {
    let (screening, suffix) = id.split_once('-')?;
    Some((screening.parse().ok()?, suffix)).filter(|(_, s)| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn observation_ids_name_the_screening_and_the_score() {
        assert_eq!(parse_observation_id("12-alcohol"), Some((12, "alcohol")));
        assert_eq!(parse_observation_id("7-amphetamine-type-stimulants"), Some((7, "amphetamine-type-stimulants")));
        assert_eq!(parse_observation_id("12-"), None);
        assert_eq!(parse_observation_id("x-total"), None);
        assert_eq!(parse_observation_id("12"), None);
    }
}
