//! The page shell: language, navigation, site switcher, demo banner and the
//! CSRF token, shared by every page template.

use continuum_app::Actor;
use continuum_domain::policy::Action;
use continuum_domain::validation::{FieldError, Invalid};
use continuum_i18n::{Arg, Lang};

/// One navigation link.
#[derive(Debug, Clone)]
pub struct NavItem {
    /// Target.
    pub href: &'static str,
    /// Label (translated).
    pub label: String,
    /// Whether it is the current section.
    pub current: bool,
}

/// A site in the switcher.
#[derive(Debug, Clone)]
pub struct SiteOption {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Whether it is the site acted for.
    pub selected: bool,
}

/// The signed-in user, as the shell shows them.
#[derive(Debug, Clone)]
pub struct ShellUser {
    /// Display name.
    pub display_name: String,
    /// The CSRF token for forms.
    pub csrf: String,
    /// The sites the user may act for.
    pub sites: Vec<SiteOption>,
    /// The site acted for.
    pub site: Option<String>,
}

/// What the layout template needs.
#[derive(Debug, Clone)]
pub struct Shell {
    /// The page's language.
    pub lang: Lang,
    /// Demo mode banner.
    pub demo: bool,
    /// The page title (translated).
    pub title: String,
    /// Navigation (empty when not signed in).
    pub nav: Vec<NavItem>,
    /// The user, when signed in.
    pub user: Option<ShellUser>,
    /// The current path, for the language switcher's return.
    pub path: String,
}

impl Shell {
    /// The shell of a page for a visitor who is not signed in.
    pub fn visitor(lang: Lang, demo: bool, title_key: &str, path: &str) -> Shell {
        Shell {
            lang,
            demo,
            title: continuum_i18n::t(lang, title_key),
            nav: Vec::new(),
            user: None,
            path: path.to_owned(),
        }
    }

    /// The shell of a page for a signed-in user.
    pub fn signed_in(actor: &Actor, demo: bool, title_key: &str, path: &str) -> Shell {
        let lang = crate::extract::actor_lang(actor);
        let item = |href: &'static str, key: &str| NavItem {
            href,
            label: continuum_i18n::t(lang, key),
            current: if href == "/" { path == "/" } else { path.starts_with(href) },
        };
        // An outside provider sees its portal and its account, nothing else
        // (issue 6, item 4).
        if actor.is_outside_provider() {
            return Shell::with_nav(
                actor,
                demo,
                title_key,
                path,
                vec![
                    item("/referrals", "nav-portal"),
                    // Handovers sent to the provider (issue 6, item 6).
                    item("/handover-receipts", "nav-handover-receipts"),
                    item("/account", "nav-my-account"),
                ],
            );
        }
        let mut nav = vec![item("/", "nav-home")];
        if actor.may_ever(Action::ViewRegister) {
            nav.push(item("/worklist", "nav-worklist"));
            nav.push(item("/people", "nav-people"));
        }
        // The caseload (issue 5, item 8): clinical roles.
        if actor.may_ever(Action::ReadClinical) {
            nav.push(item("/caseload", "nav-caseload"));
        }
        // Group sessions (issue 5, item 3): clinical roles.
        if actor.may_ever(Action::WriteClinical) {
            nav.push(item("/group-sessions", "nav-group-sessions"));
        }
        // Signals (issue 4, item 3): everyone who may signal.
        if actor.may_ever(Action::SignalPerson) {
            nav.push(item("/signals", "nav-signals"));
        }
        // The psychosocial service's view (issue 6, item 5): who shared
        // their participation with it.
        if actor.may_somewhere(Action::ReadParticipation) {
            nav.push(item("/participation", "nav-participation"));
        }
        // Governance (issue 7): by role, or as a steering member through the
        // groups they sit on (the page says so if they sit on none).
        if actor.may_ever(Action::ViewGovernance) || actor.has_role(continuum_domain::role::Role::SteeringMember) {
            nav.push(item("/governance", "nav-governance"));
        }
        // Referrals (issue 6, item 3): the care team's.
        if actor.may_somewhere(Action::ReadClinical) {
            nav.push(item("/referrals", "nav-referrals"));
        }
        nav.push(item("/sites", "nav-sites"));
        nav.push(item("/organisations", "nav-organisations"));
        // The directory of care providers (issue 6, item 2).
        nav.push(item("/directory", "nav-directory"));
        if actor.may_ever(Action::ManageUsers) {
            nav.push(item("/admin/users", "nav-users"));
        }
        if actor.may_ever(Action::ManageInstruments) {
            nav.push(item("/admin/content-packs", "nav-content-packs"));
        }
        if actor.may_ever(Action::UndoMerge) {
            nav.push(item("/admin/merges", "nav-merges"));
        }
        if actor.may_ever(Action::SearchAudit) {
            nav.push(item("/audit", "nav-audit"));
        }
        if actor.may_ever(Action::ReviewEmergencyAccess) || actor.may_ever(Action::RequestEmergencyAccess) {
            nav.push(item("/emergency-access", "nav-emergency-access"));
        }
        nav.push(item("/account", "nav-my-account"));
        Shell::with_nav(actor, demo, title_key, path, nav)
    }

    /// The shell of a signed-in user's page with this navigation.
    fn with_nav(actor: &Actor, demo: bool, title_key: &str, path: &str, nav: Vec<NavItem>) -> Shell {
        let lang = crate::extract::actor_lang(actor);
        let site = actor.site.as_ref().map(|s| s.code.clone());
        let sites = actor
            .sites
            .iter()
            .map(|s| SiteOption {
                code: s.code.clone(),
                name: s.name.clone(),
                selected: Some(&s.code) == site.as_ref(),
            })
            .collect();
        Shell {
            lang,
            demo,
            title: continuum_i18n::t(lang, title_key),
            nav,
            user: Some(ShellUser {
                display_name: actor.display_name.clone(),
                csrf: actor.csrf_token().unwrap_or_default().to_owned(),
                sites,
                site,
            }),
            path: path.to_owned(),
        }
    }

    /// Translates a key.
    pub fn t(&self, key: &str) -> String {
        continuum_i18n::t(self.lang, key)
    }

    /// Translates a key with one text argument.
    pub fn t1(&self, key: &str, name: &str, value: &str) -> String {
        continuum_i18n::t_args(self.lang, key, &[(name, Arg::Str(value.to_owned()))])
    }

    /// The language code, for `<html lang>`.
    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }

    /// Every language, for the switcher: (code, native name, selected).
    pub fn languages(&self) -> Vec<(&'static str, &'static str, bool)> {
        Lang::ALL.iter().map(|l| (l.code(), l.native_name(), *l == self.lang)).collect()
    }

    /// The CSRF token of the user's session (empty for visitors).
    pub fn csrf(&self) -> &str {
        self.user.as_ref().map_or("", |u| u.csrf.as_str())
    }
}

/// Field errors of a form, rendered in the page's language.
#[derive(Debug, Clone, Default)]
pub struct FormErrors {
    messages: Vec<(String, String)>,
}

impl FormErrors {
    /// Renders field errors in `lang`.
    pub fn new(lang: Lang, invalid: &Invalid) -> FormErrors {
        FormErrors { messages: invalid.0.iter().map(|e| (e.field.to_owned(), render(lang, e))).collect() }
    }

    /// One message not tied to a field.
    pub fn general(lang: Lang, key: &str) -> FormErrors {
        FormErrors { messages: vec![(String::new(), continuum_i18n::t(lang, key))] }
    }

    /// One message not tied to a field, already rendered (a refusal of the
    /// care pathway, whose arguments are themselves translated).
    pub fn general_text(message: String) -> FormErrors {
        FormErrors { messages: vec![(String::new(), message)] }
    }

    /// Messages not tied to a field, already in the user's language (the
    /// consents a referral misses, issue 6, item 3).
    pub fn of_messages(messages: Vec<String>) -> FormErrors {
        FormErrors { messages: messages.into_iter().map(|m| (String::new(), m)).collect() }
    }

    /// Whether there are any.
    pub fn any(&self) -> bool {
        !self.messages.is_empty()
    }

    /// The message of a field, or an empty string.
    pub fn get(&self, field: &str) -> String {
        self.messages.iter().find(|(f, _)| f == field).map(|(_, m)| m.clone()).unwrap_or_default()
    }

    /// Every (field, message) pair, for the error summary.
    pub fn all(&self) -> &[(String, String)] {
        &self.messages
    }
}

/// The message of one field error.
pub fn render(lang: Lang, error: &FieldError) -> String {
    let args: Vec<(&str, Arg)> = error.problem.message_args().into_iter().map(|(n, v)| (n, Arg::Num(v))).collect();
    continuum_i18n::t_args(lang, error.problem.message_id(), &args)
}
