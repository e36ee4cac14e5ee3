//! A person's timeline: the whole pathway in order (its steps, screenings,
//! intakes, versions of the care plan, contacts, OAT and its continuity at
//! entry, handovers, consents, release and follow-up), paged, the latest first
//! or the earliest first.
//!
//! Each entry comes from one source of `continuum_store::care::timeline`;
//! [`line`] words it by its `kind` and links it to its record. A new source
//! adds its arm there (and a label `timeline-kind-<kind>` in the three
//! languages); until it does, its entries are shown with their codes as
//! they are, never hidden.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use continuum_app::Paging;
use continuum_app::care::timeline::TimelineEntry;
use continuum_domain::policy::Action;
use continuum_i18n::Lang;
use serde::Deserialize;

use super::{CareNav, Tab, coded};
use crate::error::PageError;
use crate::extract::{SignedIn, actor_lang};
use crate::pages::people::display_name;
use crate::pages::sites::{Pager, link, not_found, page_number, parse_id, short_time};
use crate::routes::{Access, Routes};
use crate::shell::Shell;
use crate::state::AppState;

const PER_PAGE: u32 = 50;

/// One entry as shown.
struct TimelineLine {
    at: String,
    source: String,
    what: String,
    detail: String,
    text: String,
    by: String,
    href: Option<String>,
}

/// A state as the transition log writes it (`in_care`, `declined:intake`,
/// `closed:completed`), in words.
fn state_text(lang: Lang, code: &str) -> String {
    let t = |key: &str| continuum_i18n::t(lang, key);
    match code.split_once(':') {
        Some(("closed", reason)) => {
            format!("{} · {}", t("pathway-state-closed"), t(&format!("pathway-closing-{reason}")))
        }
        Some(("declined", _)) => t("pathway-state-declined"),
        _ => t(&format!("pathway-state-{code}")),
    }
}

/// An entry in words, with the link to its record.
fn line(lang: Lang, person_id: i64, entry: &TimelineEntry) -> TimelineLine {
    let t = |key: &str| continuum_i18n::t(lang, key);
    let code = entry.code.as_deref().unwrap_or_default();
    let detail = entry.detail.as_deref().unwrap_or_default();
    let id = entry.item_id;
    let (what, detail, href) = match entry.kind.as_str() {
        "transition" => (t(&format!("pathway-command-{code}")), state_text(lang, detail), None),
        "screening" => {
            let outcome = match detail {
                "positive" => t("screening-positive"),
                "negative" => t("screening-negative"),
                "refused" => t("screening-refused"),
                _ => t("screening-in-progress"),
            };
            let href = if matches!(detail, "positive" | "negative") {
                format!("/screenings/{id}/result")
            } else {
                format!("/screenings/{id}")
            };
            (code.to_uppercase(), outcome, Some(href))
        }
        "intake" => {
            (t(&format!("timeline-intake-{detail}")), coded("substance", lang, code), Some(format!("/intakes/{id}")))
        }
        "care_plan" => {
            let version = entry.amount.unwrap_or(1);
            (
                t(&format!("plan-change-{code}")),
                format!("{} {version}", t("version")),
                Some(format!("/care-plans/{id}?version={version}")),
            )
        }
        "contact" => {
            let (group, attendance) = match detail.strip_prefix("group_") {
                Some(attendance) => (true, attendance),
                None => (false, detail),
            };
            let mut detail =
                format!("{} · {} min", coded("contact-attendance", lang, attendance), entry.amount.unwrap_or_default());
            if group {
                detail = format!("{} · {detail}", t("contact-group"));
            }
            (coded("contact-kind", lang, code), detail, Some(format!("/contacts/{id}")))
        }
        // OAT and continuity at entry, transfers and handovers (issue 5, items 4 and 5).
        "oat_prescription" => {
            let mut shown = milligrams(entry.amount);
            if detail == "observed" {
                shown = format!("{shown} · {}", t("oat-observed"));
            }
            (coded("oat-medicine", lang, code), shown, Some(format!("/people/{person_id}/oat")))
        }
        "oat_stopped" => (
            t("timeline-oat-stopped"),
            format!("{} · {detail}", coded("oat-medicine", lang, code)),
            Some(format!("/people/{person_id}/oat")),
        ),
        "oat_declared" => (
            t("timeline-oat-declared"),
            format!("{} · {} · {detail}", coded("oat-medicine", lang, code), milligrams(entry.amount)),
            Some(format!("/people/{person_id}/oat")),
        ),
        "oat_continuity" => {
            let what = if code == "continued" { t("oat-continued-yes") } else { t("oat-continued-no") };
            (what, coded("oat-interruption", lang, detail), Some(format!("/people/{person_id}/oat")))
        }
        "handover" => (t("timeline-handover"), format!("{code} → {detail}"), None),
        "handover_acknowledged" => (t("timeline-handover-acknowledged"), format!("{code} → {detail}"), None),
        "handover_document" => (t("timeline-handover-document"), format!("{detail} · {}", code.to_uppercase()), None),
        // Consents (issue 6, item 1).
        "consent" => (
            coded("consent-kind", lang, code),
            coded("consent-decision", lang, detail),
            Some(format!("/consents/{id}")),
        ),
        "consent_withdrawn" => {
            (coded("consent-kind", lang, code), t("consent-withdrawn"), Some(format!("/consents/{id}")))
        }
        // Release planning and follow-up (issue 5, items 6 and 7).
        "release_plan" => (t("timeline-release-plan"), detail.to_owned(), None),
        "release" => (t(&format!("timeline-release-{code}")), t(&format!("timeline-release-{detail}")), None),
        "follow_up" => {
            let day = format!("{} {}", t("timeline-follow-up-day"), entry.amount.unwrap_or_default());
            (
                coded("follow-up-attendance", lang, code),
                format!("{day} · {}", coded("follow-up-means", lang, detail)),
                None,
            )
        }
        _ => (code.to_owned(), detail.to_owned(), None),
    };
    // The missing items of a release are codes: shown in words.
    let text = match entry.kind.as_str() {
        "release" => entry
            .text
            .as_deref()
            .unwrap_or_default()
            .split(',')
            .filter(|item| !item.is_empty())
            .map(|item| coded("release-item", lang, item))
            .collect::<Vec<_>>()
            .join(", "),
        _ => entry.text.clone().unwrap_or_default(),
    };
    TimelineLine {
        at: if entry.at.len() > 10 { short_time(&entry.at) } else { entry.at.clone() },
        source: t(&format!("timeline-kind-{}", entry.kind)),
        what,
        detail,
        text,
        by: entry.by_user.clone().unwrap_or_default(),
        href,
    }
}

/// A daily dose kept in micrograms, in milligrams.
fn milligrams(micrograms: Option<i64>) -> String {
    let micrograms = micrograms.unwrap_or_default();
    if micrograms % 1000 == 0 {
        format!("{} mg", micrograms / 1000)
    } else {
        format!("{} mg", micrograms as f64 / 1000.0)
    }
}

#[derive(Template)]
#[template(path = "care_timeline.html")]
struct TimelinePage {
    shell: Shell,
    nav: CareNav,
    lines: Vec<TimelineLine>,
    pager: Pager,
    oldest_first: bool,
    newest_href: String,
    oldest_href: String,
    /// The sending team of a transfer reads only what its prison wrote.
    sending_team_view: bool,
}

#[derive(Deserialize, Default)]
struct TimelineQuery {
    #[serde(default)]
    page: String,
    /// `oldest` for the earliest first.
    #[serde(default)]
    order: String,
}

async fn show(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Path(id): Path<String>,
    Query(query): Query<TimelineQuery>,
) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let oldest_first = query.order == "oldest";
    let paging = Paging { page: page_number(&query.page), per_page: PER_PAGE };
    let timeline = match state.app.person_timeline(&actor, id, oldest_first, paging).await {
        Ok(timeline) => timeline,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let listing = &timeline.entries;
    let path = format!("/people/{id}/timeline");
    let order = if oldest_first { "oldest" } else { "" };
    let name = display_name(&timeline.person.family_name, &timeline.person.given_names);
    let mut shell = Shell::signed_in(&actor, state.settings.demo_mode, "timeline-title", &path);
    shell.title = format!("{} · {name}", shell.title);
    let page = TimelinePage {
        nav: CareNav::new(lang, id, Some(Tab::Timeline)),
        lines: listing.items.iter().map(|e| line(lang, id, e)).collect(),
        pager: Pager::new(lang, listing, &path, &[("order", order)]),
        sending_team_view: timeline.sending_team_view,
        oldest_first,
        newest_href: path.clone(),
        oldest_href: link(&path, &[("order", "oldest")]),
        shell,
    };
    crate::pages::render(StatusCode::OK, &page)
}

pub(super) fn routes(routes: Routes) -> Routes {
    routes.add("GET", "/people/{id}/timeline", Access::Policy(Action::ReadClinical), get(show))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_source_of_the_timeline_has_a_label_in_every_language() {
        let mut keys: Vec<String> =
            continuum_app::care::timeline::kinds().iter().map(|k| format!("timeline-kind-{k}")).collect();
        keys.extend(["recorded", "amended"].map(|d| format!("timeline-intake-{d}")));
        keys.extend(["complete", "incomplete", "follow_up", "no_follow_up"].map(|d| format!("timeline-release-{d}")));
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        assert_eq!(continuum_i18n::missing_keys(&keys), Vec::new());
    }

    #[test]
    fn log_states_are_worded_with_their_closing_reason() {
        assert_eq!(state_text(Lang::En, "closed:completed"), "Closed · Completed");
        assert_eq!(state_text(Lang::En, "declined:intake"), continuum_i18n::t(Lang::En, "pathway-state-declined"));
    }
}
