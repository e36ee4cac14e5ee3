//! The care of a person (issue 5, items 1 to 3): the intake, the care
//! plan, contacts and group sessions, and the timeline. Every page here is
//! clinical: the use cases ask `ReadClinical` or `WriteClinical` at the
//! person's prison, so a role without it gets 403 and another prison's
//! record 404.

use continuum_i18n::Lang;

use crate::routes::Routes;

mod contacts;
mod intake;
mod plan;
mod timeline;

pub(crate) fn routes(routes: Routes) -> Routes {
    let routes = intake::routes(routes);
    let routes = plan::routes(routes);
    let routes = contacts::routes(routes);
    timeline::routes(routes)
}

/// A part of a person's care, as a tab of [`CareNav`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tab {
    Intake,
    Plan,
    Contacts,
    Timeline,
}

/// One link of the care navigation.
pub(super) struct NavLink {
    pub href: String,
    pub label: String,
    pub current: bool,
}

/// The head of every care page: the person and their care's parts.
pub(super) struct CareNav {
    pub person_id: i64,
    pub links: Vec<NavLink>,
}

impl CareNav {
    pub(super) fn new(lang: Lang, person_id: i64, current: Option<Tab>) -> CareNav {
        let links = [
            (Tab::Intake, "intake", "care-tab-intake"),
            (Tab::Plan, "care-plan", "care-tab-plan"),
            (Tab::Contacts, "contacts", "care-tab-contacts"),
            (Tab::Timeline, "timeline", "care-tab-timeline"),
        ]
        .into_iter()
        .map(|(tab, path, key)| NavLink {
            href: format!("/people/{person_id}/{path}"),
            label: continuum_i18n::t(lang, key),
            current: current == Some(tab),
        })
        .collect();
        CareNav { person_id, links }
    }
}

/// A label and its value, for a definition list.
pub(super) struct Fact {
    pub label: String,
    pub value: String,
}

impl Fact {
    pub(super) fn new(lang: Lang, label_key: &str, value: impl Into<String>) -> Fact {
        Fact { label: continuum_i18n::t(lang, label_key), value: value.into() }
    }
}

/// The label of a coded value (`<prefix>-<code>`, the prefixes of
/// `continuum_domain::care`); empty for no code.
pub(super) fn coded(prefix: &str, lang: Lang, code: &str) -> String {
    if code.is_empty() { String::new() } else { continuum_i18n::t(lang, &format!("{prefix}-{code}")) }
}

/// The message of a refusal that is not about one field (a pathway's
/// refusal, a conflict), in the user's language.
pub(super) fn conflict_message(lang: Lang, error: &continuum_app::AppError) -> String {
    let (_, _, key) = crate::error::classify(error);
    crate::error::message(lang, error, key, "")
}
