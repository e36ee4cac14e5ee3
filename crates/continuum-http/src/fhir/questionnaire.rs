//! An instrument version as a FHIR Questionnaire: Continuum's labels as
//! texts (never licensed wording), every option as a coding with its weight
//! (`ordinalValue`), the LOINC panel where the definition has one, and the
//! skip rules as `enableWhen` where they map.
//!
//! Layout follows the order of administration: an instrument asked
//! question by question (the ASSIST: Q1 for every substance, then Q2 ...)
//! has one group per question holding that question about each substance
//! class; one asked group by group has one group per group. Item link ids
//! are the item keys the API uses (`alcohol.q2`), groups' the question id
//! or group code; the name of a named group ("other, specify") is a string
//! item `other.name`.
//!
//! Skip rules: a rule "when Q1 is `no`, skip Q2..Q7" becomes, on each
//! skipped item, `enableWhen: Q1 != no` (one condition per option, all of
//! them holding: `enableBehavior: all`). A rule on a sum of weights (the
//! AUDIT's "Q2 + Q3 = 0 skips Q4..Q8") has no `enableWhen` form and is
//! left out: the server still applies it, and scores skipped items zero.

use continuum_domain::instrument::{Condition, Group, Instrument, ItemOrder, ItemRef, Labels, Question};
use continuum_domain::site::Language;

use super::resources::{AnswerOption, Coding, EnableWhen, Extension, ExtensionValue, Questionnaire, QuestionnaireItem};
use super::{CANONICAL, LOINC};

/// The FHIR core extension giving an option's score.
const ORDINAL_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

/// The instrument's code as it appears in ids and URLs (`audit_c` →
/// `audit-c`: FHIR ids allow no `_`).
pub(crate) fn slug(code: &str) -> String {
    code.replace('_', "-")
}

/// The logical id of an instrument version: `assist-3.1`, `audit-c-1`.
pub(crate) fn questionnaire_id(instrument: &Instrument) -> String {
    format!("{}-{}", slug(&instrument.code), instrument.version)
}

/// The canonical URL of an instrument (all versions).
pub(crate) fn canonical_url(code: &str) -> String {
    format!("{CANONICAL}/Questionnaire/{}", slug(code))
}

/// The code system of an instrument's answer codes.
pub(crate) fn answer_system(code: &str) -> String {
    format!("{CANONICAL}/CodeSystem/{}-answer", slug(code))
}

/// The link id of the name of a named group.
pub(crate) fn name_link_id(group: &Group) -> String {
    format!("{}.name", group.code)
}

/// The coding of one option of a question.
pub(crate) fn option_coding(instrument: &Instrument, question: &Question, code: &str, language: Language) -> Coding {
    let option = question.option(code);
    Coding {
        extension: option
            .map(|o| Extension { url: ORDINAL_VALUE.to_owned(), value: ExtensionValue::Decimal(o.weight) })
            .into_iter()
            .collect(),
        system: answer_system(&instrument.code),
        version: Some(instrument.version.clone()),
        code: code.to_owned(),
        display: option.map(|o| o.labels.get(language).to_owned()),
    }
}

/// The items' nesting, in administration order: (link id, text, items).
pub(crate) fn layout<'a>(instrument: &'a Instrument, language: Language) -> Vec<(String, String, Vec<ItemRef<'a>>)> {
    let mut sections: Vec<(String, String, Vec<ItemRef<'a>>)> = Vec::new();
    for item in instrument.items() {
        let (link_id, labels): (&str, &Labels) = match instrument.order {
            ItemOrder::ByQuestion => (&item.question.id, &item.question.labels),
            ItemOrder::ByGroup => (&item.group.code, &item.group.labels),
        };
        match sections.last_mut() {
            Some((last, _, items)) if last == link_id => items.push(item),
            _ => sections.push((link_id.to_owned(), labels.get(language).to_owned(), vec![item])),
        }
    }
    sections
}

/// The text of an item within its section: the group asked about when the
/// section is a question, the question when the section is a group.
pub(crate) fn item_text(instrument: &Instrument, item: ItemRef<'_>, language: Language) -> String {
    match instrument.order {
        ItemOrder::ByQuestion => item.group.labels.get(language).to_owned(),
        ItemOrder::ByGroup => item.question.labels.get(language).to_owned(),
    }
}

/// The conditions under which a question about a group is asked: the
/// negation of every answer-based skip rule that skips it there.
pub(crate) fn enable_when(
    instrument: &Instrument,
    group: &Group,
    question: &str,
    language: Language,
) -> Vec<EnableWhen> {
    let mut conditions = Vec::new();
    for rule in instrument.skip_rules.iter().filter(|r| r.skip.iter().any(|s| s == question)) {
        let Condition::AnswerIn { question: asked, options } = &rule.when else {
            continue;
        };
        let Some(definition) = instrument.question(asked).filter(|_| group.questions.contains(asked)) else {
            continue;
        };
        for option in options {
            let condition = EnableWhen {
                question: format!("{}.{asked}", group.code),
                operator: "!=",
                answer_coding: option_coding(instrument, definition, option, language),
            };
            if !conditions.contains(&condition) {
                conditions.push(condition);
            }
        }
    }
    conditions
}

fn with_conditions(mut item: QuestionnaireItem, conditions: Vec<EnableWhen>) -> QuestionnaireItem {
    item.enable_behavior = (conditions.len() > 1).then_some("all");
    item.enable_when = conditions;
    item
}

fn question_item(instrument: &Instrument, item: ItemRef<'_>, language: Language) -> QuestionnaireItem {
    let options = item
        .question
        .options
        .iter()
        .map(|o| AnswerOption { value_coding: option_coding(instrument, item.question, &o.code, language) })
        .collect();
    let question = QuestionnaireItem {
        link_id: item.key().to_string(),
        text: item_text(instrument, item, language),
        kind: "choice",
        enable_when: Vec::new(),
        enable_behavior: None,
        required: Some(true),
        answer_option: options,
        item: Vec::new(),
    };
    with_conditions(question, enable_when(instrument, item.group, &item.question.id, language))
}

/// The name of a named group, asked with the group's second question (the
/// ASSIST's "other": once Q1 is not "no").
fn name_item(instrument: &Instrument, group: &Group, language: Language) -> Option<QuestionnaireItem> {
    let second = group.questions.get(1)?;
    let item = QuestionnaireItem {
        link_id: name_link_id(group),
        text: format!("{}: {}", group.labels.get(language), name_label(language)),
        kind: "string",
        enable_when: Vec::new(),
        enable_behavior: None,
        required: Some(true),
        answer_option: Vec::new(),
        item: Vec::new(),
    };
    Some(with_conditions(item, enable_when(instrument, group, second, language)))
}

pub(crate) fn name_label(language: Language) -> String {
    let lang = continuum_i18n::Lang::parse(language.code()).unwrap_or(continuum_i18n::Lang::En);
    continuum_i18n::t(lang, "screening-other-name")
}

/// The Questionnaire of an instrument version, texts in `language`.
pub(crate) fn questionnaire(instrument: &Instrument, language: Language) -> Questionnaire {
    let item = layout(instrument, language)
        .into_iter()
        .map(|(link_id, text, items)| {
            let mut children = Vec::new();
            for item in items {
                children.push(question_item(instrument, item, language));
                if item.group.named && item.group.questions.first() == Some(&item.question.id) {
                    children.extend(name_item(instrument, item.group, language));
                }
            }
            QuestionnaireItem {
                link_id,
                text,
                kind: "group",
                enable_when: Vec::new(),
                enable_behavior: None,
                required: None,
                answer_option: Vec::new(),
                item: children,
            }
        })
        .collect();
    Questionnaire {
        id: questionnaire_id(instrument),
        language: language.code().to_owned(),
        url: canonical_url(&instrument.code),
        version: instrument.version.clone(),
        name: instrument.code.to_ascii_uppercase(),
        title: instrument.labels.get(language).to_owned(),
        status: "active",
        subject_type: vec!["Patient"],
        publisher: "Continuum",
        description: "Continuum's definition of the instrument: item codes, answer codes and weights, skip \
                      rules, and Continuum's own short labels, not the validated wording."
            .to_owned(),
        copyright: instrument.rights.clone(),
        code: instrument
            .loinc
            .panel
            .iter()
            .map(|code| Coding {
                extension: Vec::new(),
                system: LOINC.to_owned(),
                version: None,
                code: code.clone(),
                display: Some(instrument.labels.en.clone()),
            })
            .collect(),
        item,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue() -> continuum_app::instruments::Catalogue {
        continuum_app::instruments::catalogue().expect("the shipped instruments load")
    }

    fn find<'a>(items: &'a [QuestionnaireItem], link_id: &str) -> Option<&'a QuestionnaireItem> {
        items.iter().find_map(|i| if i.link_id == link_id { Some(i) } else { find(&i.item, link_id) })
    }

    #[test]
    fn ids_allow_no_underscore_and_name_the_version() {
        let catalogue = catalogue();
        let audit_c = catalogue.get("audit_c", "1").expect("AUDIT-C");
        assert_eq!(questionnaire_id(audit_c), "audit-c-1");
        assert_eq!(questionnaire_id(catalogue.uniform()), "assist-3.1");
    }

    #[test]
    fn the_assist_is_laid_out_question_by_question_with_every_item() {
        let catalogue = catalogue();
        let assist = catalogue.uniform();
        let q = questionnaire(assist, Language::Fr);
        assert_eq!(q.item.first().map(|g| (g.link_id.as_str(), g.kind)), Some(("q1", "group")));
        let questions = q.item.iter().flat_map(|g| &g.item).filter(|i| i.kind == "choice").count();
        assert_eq!(questions, assist.items().len());
        let alcohol = find(&q.item, "alcohol.q1").expect("alcohol Q1");
        assert_eq!(alcohol.text, "Alcool");
        assert_eq!(alcohol.answer_option.len(), 2);
    }

    #[test]
    fn answer_skip_rules_become_enable_when_on_the_items_they_skip() {
        let catalogue = catalogue();
        let q = questionnaire(catalogue.uniform(), Language::En);
        let q3 = find(&q.item, "cannabis.q3").expect("cannabis Q3");
        let conditions: Vec<(&str, &str, &str)> =
            q3.enable_when.iter().map(|c| (c.question.as_str(), c.operator, c.answer_coding.code.as_str())).collect();
        assert_eq!(conditions, [("cannabis.q1", "!=", "no"), ("cannabis.q2", "!=", "never")]);
        assert_eq!(q3.enable_behavior, Some("all"));
        let q6 = find(&q.item, "cannabis.q6").expect("cannabis Q6");
        assert_eq!(q6.enable_when.len(), 1, "Q2 'never' does not skip Q6");
        assert!(find(&q.item, "cannabis.q1").expect("Q1").enable_when.is_empty());
    }

    #[test]
    fn the_name_of_the_other_substance_is_asked_once_it_was_used() {
        let catalogue = catalogue();
        let q = questionnaire(catalogue.uniform(), Language::Nl);
        let name = find(&q.item, "other.name").expect("the name item");
        assert_eq!(name.kind, "string");
        assert_eq!(name.enable_when.first().map(|c| c.question.as_str()), Some("other.q1"));
    }

    #[test]
    fn sum_rules_do_not_map_and_loinc_panels_are_given() {
        let catalogue = catalogue();
        let audit = catalogue.get("audit", "1").expect("AUDIT");
        let q = questionnaire(audit, Language::En);
        let q4 = find(&q.item, "audit.q4").expect("AUDIT Q4");
        assert!(q4.enable_when.iter().all(|c| c.question == "audit.q1"), "only Q1 'never' maps");
        assert_eq!(q.code.first().map(|c| c.code.as_str()), Some("72110-0"));
        assert!(questionnaire(catalogue.uniform(), Language::En).code.is_empty(), "no LOINC for the ASSIST");
    }
}
