use std::collections::{BTreeMap, BTreeSet};

use super::*;

/// Keys that the web shell and the first pages use.
const SHELL_KEYS: &[&str] = &[
    "app-name",
    "app-tagline",
    "demo-banner",
    "skip-to-content",
    "lang-switch-label",
    "site-switch-label",
    "acting-for",
    "signed-in-as",
    "nav-home",
    "nav-sites",
    "nav-organisations",
    "nav-users",
    "nav-audit",
    "nav-emergency-access",
    "nav-my-account",
    "nav-api-docs",
    "sign-in",
    "sign-out",
    "sign-in-title",
    "username",
    "password",
    "totp-code",
    "totp-title",
    "totp-setup-title",
    "totp-setup-help",
    "totp-secret",
    "totp-enable",
    "save",
    "cancel",
    "create",
    "edit",
    "delete",
    "confirm",
    "search",
    "filter",
    "clear-filters",
    "back",
    "actions",
    "previous-page",
    "next-page",
    "page-of",
    "no-results",
    "results-count",
    "yes",
    "no",
    "active",
    "inactive",
    "name",
    "code",
    "language",
    "languages",
    "kind",
    "site",
    "sites",
    "all-sites",
    "role",
    "roles",
    "email",
    "display-name",
    "valid-from",
    "valid-until",
    "history",
    "changed-by",
    "changed-at",
    "created",
    "updated",
    "home-title",
    "home-welcome",
    "home-your-roles",
    "role-care_worker",
    "role-medical",
    "role-psychosocial",
    "role-prison_staff",
    "role-director",
    "role-coordinator",
    "role-steering_member",
    "role-external_provider",
    "role-researcher",
    "role-admin",
    "org-kind-prison",
    "org-kind-drug_service",
    "org-kind-care_provider",
    "org-kind-other",
    "audit-title",
    "audit-when",
    "audit-who",
    "audit-action",
    "audit-outcome",
    "audit-outcome-allowed",
    "audit-outcome-denied",
    "audit-outcome-failed",
    "audit-purpose",
    "purpose-treatment",
    "purpose-break_the_glass",
    "purpose-research",
    "purpose-administration",
    "purpose-authentication",
    "audit-resource",
    "audit-access-point",
    "audit-request-id",
    "audit-verify-ok",
    "audit-verify-broken",
    "person-access-log-title",
    "btg-title",
    "btg-help",
    "btg-reason",
    "btg-request",
    "btg-expires",
    "btg-review",
    "btg-reviewed",
    "btg-pending-review",
    "error-title",
    "error-not-found",
    "error-forbidden",
    "error-unauthenticated",
    "error-conflict",
    "error-internal",
    "error-invalid",
    "error-csrf",
    "error-rate-limited",
    "error-locked",
    "error-bad-credentials",
    "error-totp-invalid",
    "error-session-expired",
    "validation-required",
    "validation-too-short",
    "validation-too-long",
    "validation-invalid-format",
    "validation-password-common",
    "validation-password-too-short",
    "validation-password-contains-username",
    "validation-duplicate",
    "validation-unknown-site",
    "validation-date-order",
    "sign-in-help",
    "session-idle-warning",
];

/// Parses a source strictly: any syntax error fails the test.
fn parse_strict(lang: Lang) -> ast::Resource<&'static str> {
    match fluent_syntax::parser::parse(source(lang)) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("{lang}/main.ftl has syntax errors: {errors:?}"),
    }
}

/// Collects the variables (`$name`) that a pattern uses.
fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for variant in variants {
                pattern_vars(&variant.value, vars);
            }
        }
        ast::Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(inline: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            call_vars(arguments, vars);
        }
        ast::InlineExpression::TermReference { arguments: Some(arguments), .. } => call_vars(arguments, vars),
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

fn call_vars(arguments: &ast::CallArguments<&str>, vars: &mut BTreeSet<String>) {
    for positional in &arguments.positional {
        inline_vars(positional, vars);
    }
    for named in &arguments.named {
        inline_vars(&named.value, vars);
    }
}

/// Variables per key (messages and attributes) of a language.
fn vars_by_key(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut map = BTreeMap::new();
    for entry in parse_strict(lang).body {
        if let ast::Entry::Message(message) = entry {
            let id = message.id.name;
            if let Some(value) = &message.value {
                let mut vars = BTreeSet::new();
                pattern_vars(value, &mut vars);
                map.insert(id.to_owned(), vars);
            }
            for attribute in &message.attributes {
                let mut vars = BTreeSet::new();
                pattern_vars(&attribute.value, &mut vars);
                map.insert(format!("{id}.{}", attribute.id.name), vars);
            }
        }
    }
    map
}

#[test]
fn sources_parse_without_errors_or_duplicates() {
    for lang in Lang::ALL {
        let resource = parse_strict(lang);
        let mut seen = BTreeSet::new();
        for entry in &resource.body {
            match entry {
                ast::Entry::Junk { content } => panic!("{lang}: junk {content:?}"),
                ast::Entry::Message(message) => {
                    assert!(seen.insert(message.id.name), "{lang}: {} is defined twice", message.id.name);
                }
                _ => {}
            }
        }
        assert!(!seen.is_empty(), "{lang}: no messages");
    }
}

#[test]
fn all_languages_define_the_same_message_ids() {
    let en: BTreeSet<String> = message_ids(Lang::En).into_iter().collect();
    for lang in [Lang::Nl, Lang::Fr] {
        let other: BTreeSet<String> = message_ids(lang).into_iter().collect();
        let missing: Vec<_> = en.difference(&other).collect();
        let extra: Vec<_> = other.difference(&en).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{lang}: missing {missing:?}, not in en {extra:?}");
    }
}

#[test]
fn message_ids_follow_the_naming_rule() {
    for id in message_ids(Lang::En) {
        let mut chars = id.chars();
        let first_ok = chars.next().is_some_and(|c| c.is_ascii_lowercase());
        let rest_ok = chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_.".contains(c));
        assert!(first_ok && rest_ok, "bad message id {id:?}");
    }
}

#[test]
fn all_languages_use_the_same_variables() {
    let en = vars_by_key(Lang::En);
    for lang in [Lang::Nl, Lang::Fr] {
        let other = vars_by_key(lang);
        for (key, vars) in &en {
            assert_eq!(other.get(key), Some(vars), "{lang}: {key} uses other variables than en");
        }
    }
}

#[test]
fn loader_and_sources_use_the_same_files() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let mut found = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).expect("locales directory") {
        let entry = entry.expect("directory entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        assert!(entry.path().is_dir(), "unexpected file locales/{name}");
        for file in std::fs::read_dir(entry.path()).expect("language directory") {
            let file = file.expect("directory entry");
            let file_name = file.file_name().to_string_lossy().into_owned();
            found.insert(format!("{name}/{file_name}"));
        }
    }
    let expected: BTreeSet<String> = Lang::ALL.iter().map(|lang| format!("{lang}/main.ftl")).collect();
    assert_eq!(found, expected, "update SOURCES in lib.rs");
}

#[test]
fn shell_keys_are_defined_in_every_language() {
    assert_eq!(missing_keys(SHELL_KEYS), vec![]);
    for lang in Lang::ALL {
        for key in SHELL_KEYS {
            assert!(has_key(lang, key), "{lang}: {key}");
        }
    }
}

#[test]
fn every_care_pathway_message_of_the_domain_exists_in_every_language() {
    let ids = continuum_domain::pathway::message_ids();
    assert_eq!(missing_keys(&ids), vec![]);
}

// Care pathway: intake, care plan, contacts (issue 5, items 1 to 3).
#[test]
fn every_care_message_of_the_domain_exists_in_every_language() {
    assert_eq!(missing_keys(&continuum_domain::care::message_ids()), vec![]);
}

// Release planning and follow-up (issue 5, items 6 to 8).
#[test]
fn every_release_and_follow_up_message_of_the_domain_exists_in_every_language() {
    let ids = continuum_domain::release::message_ids();
    assert_eq!(missing_keys(&ids), vec![]);
}

// The handover at transfer and at release (issue 6, item 6).
#[test]
fn every_handover_risk_exists_in_every_language() {
    assert_eq!(missing_keys(&continuum_domain::handover::message_ids()), vec![]);
}

#[test]
fn a_care_pathway_refusal_renders_with_translated_arguments() {
    use continuum_domain::pathway::{CommandKind, Refusal, RefusalReason, Stage, State};
    let refusal = Refusal {
        reason: RefusalReason::NotAllowed,
        state: State::Active(Stage::InCare),
        command: CommandKind::OfferScreening,
    };
    let args: Vec<(&str, Arg)> = refusal.args().iter().map(|(name, id)| (*name, Arg::from(t(Lang::En, id)))).collect();
    assert_eq!(
        t_args(Lang::En, refusal.message_id(), &args),
        "\u{201c}Offer screening\u{201d} is not possible while the pathway is at \u{201c}In care\u{201d}."
    );
}

#[test]
fn every_message_renders_without_marks_or_placeholders() {
    let sample_args = [
        ("site", Arg::from("Lantin")),
        ("name", Arg::from("A. Peeters")),
        ("page", Arg::Num(2)),
        ("pages", Arg::Num(9)),
        ("count", Arg::Num(3)),
        ("minutes", Arg::Num(15)),
        ("seq", Arg::Num(42)),
        ("time", Arg::from("14:30")),
        ("request_id", Arg::from("REQ-1")),
        ("min", Arg::Num(12)),
        ("max", Arg::Num(200)),
        ("column", Arg::from("Naam")),
        ("state", Arg::from("In zorg")),
        ("command", Arg::from("Screening aanbieden")),
        ("days", Arg::Num(14)),
        // Content packs and the kiosk.
        ("detail", Arg::from("line 3, column 1: expected a table")),
        ("instrument", Arg::from("assist")),
        ("version", Arg::from("3.1")),
        ("language", Arg::from("Français")),
        ("field", Arg::from("source")),
        ("value", Arg::from("2030-01-01")),
        ("item", Arg::from("alcohol.q2")),
        ("option", Arg::from("q2.never")),
        ("id", Arg::from("3")),
        ("answered", Arg::Num(12)),
        ("total", Arg::Num(25)),
        // Merges and page imports.
        ("survivor", Arg::Num(12)),
        ("merge", Arg::Num(3)),
        ("merged", Arg::Num(13)),
        ("at", Arg::from("2026-11-02 09:30")),
        ("by", Arg::from("care_worker.has")),
        ("number", Arg::from("H-7781")),
        ("episodes", Arg::Num(2)),
        ("pathways", Arg::Num(1)),
        ("screenings", Arg::Num(1)),
        ("mb", Arg::Num(5)),
        ("lines", Arg::Num(120)),
        ("new", Arg::Num(100)),
        ("known", Arg::Num(18)),
        ("refused", Arg::Num(2)),
        // Care pathway: intake, care plan, contacts, timeline (issue 5, items 1 to 3).
        ("kind", Arg::from("Goal")),
        ("from", Arg::from("Open")),
        ("to", Arg::from("Achieved")),
        // Consent and the psychosocial service's view (issue 6).
        ("consent", Arg::Num(12)),
        ("recipient", Arg::from("CAD Limburg")),
        ("section", Arg::from("Zorgplan")),
        ("date", Arg::from("2026-03-04")),
        // Referrals (issue 6, item 3).
        ("dose", Arg::from("60")),
        // Governance reminders (issue 7, item 6).
        ("group", Arg::from("Lokale stuurgroep drugs Hasselt")),
        ("title", Arg::from("Opleiding plannen")),
        ("link", Arg::from("https://continuum.example.org/governance")),
    ];
    let args: HashMap<Cow<'static, str>, FluentValue<'static>> =
        sample_args.iter().map(|(name, value)| (Cow::Borrowed(*name), value.to_fluent())).collect();
    for lang in Lang::ALL {
        for key in message_ids(lang) {
            let text = try_lookup(lang, &key, Some(&args)).unwrap_or_else(|| panic!("{lang}: {key} did not render"));
            assert!(!text.trim().is_empty(), "{lang}: {key} is empty");
            assert!(!text.contains(['\u{2068}', '\u{2069}', '{', '}']), "{lang}: {key} renders {text:?}");
        }
    }
}

#[test]
fn arguments_are_rendered() {
    let args = [("name", Arg::from("Marie Dupont"))];
    assert_eq!(t_args(Lang::En, "signed-in-as", &args), "Signed in as Marie Dupont");
    assert_eq!(t_args(Lang::Nl, "home-welcome", &args), "Welkom, Marie Dupont.");
    assert_eq!(t_args(Lang::Fr, "signed-in-as", &args), "Session de Marie Dupont");
    let pages = [("page", Arg::from(2_usize)), ("pages", Arg::from(9_u32))];
    assert_eq!(t_args(Lang::Nl, "page-of", &pages), "Pagina 2 van 9");
    assert_eq!(
        t_args(Lang::En, "error-internal", &[("request_id", "01HX-7".into())]),
        "Something went wrong. Quote reference 01HX-7 to the administrator."
    );
}

#[test]
fn plural_forms() {
    let count = |lang, n: i64| t_args(lang, "results-count", &[("count", Arg::Num(n))]);
    assert_eq!(count(Lang::En, 0), "No results");
    assert_eq!(count(Lang::En, 1), "1 result");
    assert_eq!(count(Lang::En, 2), "2 results");
    assert_eq!(count(Lang::Nl, 1), "1 resultaat");
    assert_eq!(count(Lang::Nl, 5), "5 resultaten");
    assert_eq!(count(Lang::Fr, 0), "Aucun résultat");
    assert_eq!(count(Lang::Fr, 1), "1 résultat");
    assert_eq!(count(Lang::Fr, 2), "2 résultats");
    let locked = |lang, n: i64| t_args(lang, "error-locked", &[("minutes", Arg::Num(n))]);
    assert!(locked(Lang::Nl, 1).ends_with("over 1 minuut opnieuw."));
    assert!(locked(Lang::Nl, 15).ends_with("over 15 minuten opnieuw."));
}

#[test]
fn missing_keys_and_arguments_never_panic() {
    for lang in Lang::ALL {
        assert_eq!(t(lang, "no-such-key"), "no-such-key");
        assert_eq!(t(lang, ""), "");
        assert_eq!(t(lang, "."), ".");
        assert_eq!(t(lang, "sign-in.no-such-attribute"), "sign-in.no-such-attribute");
        assert_eq!(t(lang, "a.b.c"), "a.b.c");
        assert_eq!(t(lang, "{ $x }"), "{ $x }");
        // A message whose argument is not given comes back as its key.
        assert_eq!(t(lang, "signed-in-as"), "signed-in-as");
        // Unused arguments are ignored.
        assert_eq!(t_args(lang, "sign-in", &[("x", Arg::Num(1))]), t(lang, "sign-in"));
    }
    assert!(!has_key(Lang::Nl, "no-such-key"));
    assert_eq!(
        missing_keys(&["sign-in", "no-such-key"]),
        vec![(Lang::Nl, "no-such-key"), (Lang::Fr, "no-such-key"), (Lang::En, "no-such-key")]
    );
}

#[test]
fn plain_lookups() {
    assert_eq!(t(Lang::Nl, "sign-in"), "Aanmelden");
    assert_eq!(t(Lang::Fr, "sign-in"), "Se connecter");
    assert_eq!(t(Lang::En, "sign-in"), "Sign in");
    assert_eq!(t(Lang::Nl, "role-medical"), "Medische dienst");
    assert_eq!(t(Lang::Fr, "role-coordinator"), "Coordinateur drogues");
    // French typography: no-break space before the colon.
    assert!(t(Lang::Fr, "demo-banner").starts_with("Mode démo\u{a0}: "));
}

#[test]
fn keys_include_attributes_but_not_terms() {
    let keys = keys_of("-brand = Continuum\nhello = Hi\n    .title = Greeting\nonly-attr =\n    .label = L\n");
    let keys: Vec<_> = keys.into_iter().collect();
    assert_eq!(keys, ["hello", "hello.title", "only-attr.label"]);
}

#[test]
fn lang_codes_and_names() {
    assert_eq!(Lang::ALL.map(Lang::code), ["nl", "fr", "en"]);
    assert_eq!(Lang::ALL.map(Lang::native_name), ["Nederlands", "Français", "English"]);
    for lang in Lang::ALL {
        assert_eq!(Lang::parse(lang.code()), Some(lang));
        assert_eq!(lang.to_string().parse::<Lang>(), Ok(lang));
    }
    assert_eq!(Lang::default(), Lang::En);
}

#[test]
fn parse_accepts_tags_and_case() {
    assert_eq!(Lang::parse("nl"), Some(Lang::Nl));
    assert_eq!(Lang::parse("nl-BE"), Some(Lang::Nl));
    assert_eq!(Lang::parse("NL-be"), Some(Lang::Nl));
    assert_eq!(Lang::parse("FR"), Some(Lang::Fr));
    assert_eq!(Lang::parse("fr_BE"), Some(Lang::Fr));
    assert_eq!(Lang::parse(" en-GB "), Some(Lang::En));
    assert_eq!(Lang::parse("en-Latn-US"), Some(Lang::En));
    for bad in ["", " ", "*", "de", "nld", "n", "nl-", "nl--BE", "nl-BE!", "fr-toolongsubtag", "e n", "nl;q=1"] {
        assert_eq!(Lang::parse(bad), None, "{bad:?}");
    }
    assert_eq!("de".parse::<Lang>(), Err(ParseLangError));
}

#[test]
fn negotiate_honours_weights() {
    assert_eq!(Lang::negotiate("nl"), Some(Lang::Nl));
    assert_eq!(Lang::negotiate("fr-BE,fr;q=0.9,en;q=0.8"), Some(Lang::Fr));
    assert_eq!(Lang::negotiate("en;q=0.5, nl-BE;q=0.8"), Some(Lang::Nl));
    assert_eq!(Lang::negotiate("de-DE,de;q=0.9,fr;q=0.3,en;q=0.2"), Some(Lang::Fr));
    assert_eq!(Lang::negotiate("de, en;q=0.1"), Some(Lang::En));
    // Equal weights: the first range wins.
    assert_eq!(Lang::negotiate("fr;q=0.7, nl;q=0.7"), Some(Lang::Fr));
    assert_eq!(Lang::negotiate("nl, fr"), Some(Lang::Nl));
    // Weight 1 with decimals, spaces and upper-case Q.
    assert_eq!(Lang::negotiate("en;q=0.9, fr ; Q=1.000"), Some(Lang::Fr));
    // q=0 means "not acceptable".
    assert_eq!(Lang::negotiate("nl;q=0, fr;q=0.1"), Some(Lang::Fr));
    assert_eq!(Lang::negotiate("nl;q=0"), None);
    assert_eq!(Lang::negotiate("en;q=0.000"), None);
    // Other parameters are ignored.
    assert_eq!(Lang::negotiate("nl;level=1;q=0.5, en;q=0.4"), Some(Lang::Nl));
}

#[test]
fn negotiate_without_match() {
    assert_eq!(Lang::negotiate(""), None);
    assert_eq!(Lang::negotiate("*"), None);
    assert_eq!(Lang::negotiate("de-DE, de;q=0.9, *;q=0.5"), None);
    assert_eq!(Lang::negotiate("nld, dut, fra"), None);
}

#[test]
fn negotiate_skips_malformed_ranges() {
    // A malformed weight drops that range only.
    assert_eq!(Lang::negotiate("nl;q=2, fr;q=0.5"), Some(Lang::Fr));
    assert_eq!(Lang::negotiate("nl;q=1.5, fr;q=0.5"), Some(Lang::Fr));
    assert_eq!(Lang::negotiate("nl;q=0.1234, fr;q=0.5"), Some(Lang::Fr));
    assert_eq!(Lang::negotiate("nl;q=abc, fr;q=0.5"), Some(Lang::Fr));
    assert_eq!(Lang::negotiate("nl;q=-0.5, fr;q=0.5"), Some(Lang::Fr));
    assert_eq!(Lang::negotiate("nl;q=, fr;q=0.5"), Some(Lang::Fr));
    assert_eq!(Lang::negotiate("nl;q, fr;q=0.5"), Some(Lang::Fr));
    assert_eq!(Lang::negotiate("nl;q=0.5;, fr;q=0.4"), Some(Lang::Fr));
    assert_eq!(Lang::negotiate("nl;q=NaN, en;q=0.2"), Some(Lang::En));
    assert_eq!(Lang::negotiate(";;;,,,=;q=1"), None);
    assert_eq!(Lang::negotiate("nl-\u{e9}, fr"), Some(Lang::Fr));
    assert_eq!(Lang::negotiate("\u{0}\u{2068}nl"), None);
    assert_eq!(Lang::negotiate(",,, nl ,,"), Some(Lang::Nl));
    // Only the first ranges are read.
    let mut long = "de,".repeat(1000);
    long.push_str("nl");
    assert_eq!(Lang::negotiate(&long), None);
    let huge = "x".repeat(100_000);
    assert_eq!(Lang::negotiate(&huge), None);
}
