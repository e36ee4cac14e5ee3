//! The governance view: every group the user may see on one page, with its
//! traffic light in words, sortable by any column; the dormant groups, the
//! groups without a chair or without approved minutes named above it; and
//! the overdue actions below. Above all, the user's own reminders.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use continuum_app::governance::overview::GroupOverview;
use continuum_domain::governance::health::{Concern, Light};
use continuum_domain::policy::Action;
use serde::Deserialize;

use super::super::sites::link;
use super::{LightBadge, concern_words, count, days_without, failed, label, light_badge};
use crate::extract::{SignedIn, actor_lang};
use crate::routes::{Access, Routes};
use crate::shell::Shell;
use crate::state::AppState;

#[derive(Deserialize, Default)]
struct OverviewQuery {
    #[serde(default)]
    sort: String,
    #[serde(default)]
    dir: String,
    #[serde(default)]
    site: String,
}

/// The prefix of the columns' labels (each checked by a test).
pub(super) const COLUMN: &str = "governance-column";

/// The columns the view sorts by.
pub(super) const SORTS: [&str; 6] = ["light", "name", "days", "meetings", "overdue", "waiting"];

pub(super) struct GroupLine {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub site: String,
    pub light: LightBadge,
    pub days: String,
    pub meetings: String,
    pub overdue: usize,
    pub waiting: String,
    pub chair: String,
    pub concerns: Vec<String>,
}

/// A column heading that sorts.
struct Heading {
    key: &'static str,
    label: String,
    href: String,
    /// `ascending`, `descending` or empty.
    aria_sort: &'static str,
}

/// A reminder of the actor (issue 7, item 6), in words with its link.
pub(crate) struct ReminderLine {
    pub text: String,
    pub href: String,
    /// The kind's code (for styling and tests).
    pub kind: &'static str,
}

/// The reminders in the user's language.
pub(crate) fn reminder_lines(
    lang: continuum_i18n::Lang,
    reminders: Vec<continuum_app::governance::reminders::Reminder>,
) -> Vec<ReminderLine> {
    use continuum_i18n::Arg;
    reminders
        .into_iter()
        .map(|r| ReminderLine {
            text: continuum_i18n::t_args(
                lang,
                &format!("governance-reminder-{}", r.kind.code()),
                &[("group", Arg::from(r.group_name)), ("date", Arg::from(r.day)), ("title", Arg::from(r.title))],
            ),
            href: r.item.path(r.group_id),
            kind: r.kind.code(),
        })
        .collect()
}

struct ActionLine {
    id: i64,
    group_id: i64,
    group: String,
    title: String,
    owner: String,
    due: String,
}

#[derive(Template)]
#[template(path = "governance.html")]
struct OverviewPage {
    shell: Shell,
    reminders: Vec<ReminderLine>,
    headings: Vec<Heading>,
    rows: Vec<GroupLine>,
    dormant: Vec<(i64, String)>,
    without_chair: Vec<(i64, String)>,
    without_minutes: Vec<(i64, String)>,
    overdue: Vec<ActionLine>,
    /// The requests waiting for a decision, the longest waiting first.
    waiting: Vec<super::projects::ProjectLine>,
    sites: Vec<super::super::people::Choice>,
    site_filter: String,
    may_create: bool,
}

fn sort_rows(rows: &mut [(GroupOverview, GroupLine)], sort: &str, descending: bool) {
    rows.sort_by(|(a, la), (b, lb)| {
        let (ha, hb) = (&a.health, &b.health);
        let order = match sort {
            "name" => a.group.name.to_lowercase().cmp(&b.group.name.to_lowercase()),
            "days" => ha.days_without_meeting.cmp(&hb.days_without_meeting),
            "meetings" => ha.meetings_last_year.cmp(&hb.meetings_last_year),
            "overdue" => la.overdue.cmp(&lb.overdue),
            "waiting" => ha.longest_wait_days.cmp(&hb.longest_wait_days),
            _ => ha.light.cmp(&hb.light).then(hb.days_without_meeting.cmp(&ha.days_without_meeting)),
        };
        let order = order.then_with(|| a.group.name.cmp(&b.group.name));
        if descending { order.reverse() } else { order }
    });
}

async fn show(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Query(query): Query<OverviewQuery>,
) -> Response {
    let lang = actor_lang(&actor);
    let groups = match state.app.governance_overview(&actor).await {
        Ok(groups) => groups,
        Err(error) => return failed(&actor, error),
    };
    let reminders = match state.app.governance_reminders(&actor).await {
        Ok(reminders) => reminder_lines(lang, reminders),
        Err(error) => return failed(&actor, error),
    };
    let overdue_actions = match state.app.pending_actions(&actor, None, true).await {
        Ok(actions) => actions,
        Err(error) => return failed(&actor, error),
    };
    let projects = match state.app.governance_projects(&actor).await {
        Ok(projects) => projects,
        Err(error) => return failed(&actor, error),
    };
    let mut waiting: Vec<super::projects::ProjectLine> =
        super::projects::project_lines(lang, projects, state.app.governance_today())
            .into_iter()
            .filter(|p| p.waiting_days >= 0)
            .collect();
    waiting.sort_by_key(|p| std::cmp::Reverse(p.waiting_days));
    let mut site_codes: Vec<String> = groups.iter().filter_map(|g| g.group.site_code.clone()).collect();
    site_codes.sort();
    site_codes.dedup();
    let site_filter = site_codes.iter().find(|c| **c == query.site).cloned().unwrap_or_default();
    let sort = SORTS.iter().find(|s| **s == query.sort).copied().unwrap_or("light");
    let descending = query.dir == "desc";
    let mut rows: Vec<(GroupOverview, GroupLine)> = groups
        .into_iter()
        .filter(|g| site_filter.is_empty() || g.group.site_code.as_deref() == Some(site_filter.as_str()))
        .map(|g| {
            let line = GroupLine {
                id: g.group.id,
                name: g.group.name.clone(),
                kind: label(lang, "governance-kind", &g.group.kind),
                site: g.group.site_code.clone().unwrap_or_default(),
                light: light_badge(lang, g.health.light),
                days: days_without(lang, &g.health),
                meetings: continuum_i18n::t_args(
                    lang,
                    "governance-meetings-of-target",
                    &[
                        ("count", continuum_i18n::Arg::Num(i64::try_from(g.health.meetings_last_year).unwrap_or(0))),
                        ("total", continuum_i18n::Arg::Num(i64::try_from(g.health.expected_last_year).unwrap_or(0))),
                    ],
                ),
                overdue: overdue_actions.iter().filter(|a| a.group_id == g.group.id).count(),
                waiting: match g.health.longest_wait_days {
                    Some(days) => format!(
                        "{} · {}",
                        count(lang, "governance-requests-waiting", i64::try_from(g.health.waiting).unwrap_or(0)),
                        count(lang, "governance-longest-wait", days)
                    ),
                    None => String::new(),
                },
                chair: g.chair.clone().unwrap_or_default(),
                concerns: concern_words(lang, &g.health),
            };
            (g, line)
        })
        .collect();
    sort_rows(&mut rows, sort, descending);
    let named = |concern: Concern| -> Vec<(i64, String)> {
        rows.iter()
            .filter(|(g, _)| g.health.concerns.contains(&concern))
            .map(|(g, _)| (g.group.id, g.group.name.clone()))
            .collect()
    };
    let dormant = rows
        .iter()
        .filter(|(g, _)| g.health.light == Light::Dormant)
        .map(|(g, l)| (g.group.id, format!("{} ({})", g.group.name, l.days)))
        .collect();
    let without_chair = named(Concern::NoChair);
    let without_minutes = named(Concern::MinutesNotApproved);
    let headings = SORTS
        .iter()
        .map(|key| {
            let current = *key == sort;
            let next_dir = if current && !descending { "desc" } else { "" };
            Heading {
                key,
                label: label(lang, COLUMN, key),
                href: link("/governance", &[("sort", key), ("dir", next_dir), ("site", &site_filter)]),
                aria_sort: match (current, descending) {
                    (true, false) => "ascending",
                    (true, true) => "descending",
                    _ => "",
                },
            }
        })
        .collect();
    let group_names: std::collections::HashMap<i64, String> =
        rows.iter().map(|(g, _)| (g.group.id, g.group.name.clone())).collect();
    let (sites, may_program) = state.app.group_creation_scope(&actor);
    let page = OverviewPage {
        shell: Shell::signed_in(&actor, state.settings.demo_mode, "governance-title", "/governance"),
        reminders,
        headings,
        rows: rows.into_iter().map(|(_, line)| line).collect(),
        dormant,
        without_chair,
        without_minutes,
        overdue: overdue_actions
            .into_iter()
            .filter_map(|a| {
                Some(ActionLine {
                    group: group_names.get(&a.group_id)?.clone(),
                    id: a.id,
                    group_id: a.group_id,
                    title: a.title,
                    owner: a.owner_name,
                    due: a.due_date,
                })
            })
            .collect(),
        waiting,
        sites: site_codes
            .iter()
            .map(|c| super::super::people::Choice { code: c.clone(), label: c.clone(), selected: *c == site_filter })
            .collect(),
        site_filter,
        may_create: !sites.is_empty() || may_program,
    };
    super::super::render(StatusCode::OK, &page)
}

pub(super) fn routes(routes: Routes) -> Routes {
    routes.add("GET", "/governance", Access::Policy(Action::ViewGovernance), get(show))
}
