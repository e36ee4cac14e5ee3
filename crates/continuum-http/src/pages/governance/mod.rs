//! Governance (issue 7): the governance view of every group with its
//! traffic light, each group's page (members, seats, meetings, actions,
//! projects), meetings (agenda, attendance, minutes, decisions, actions,
//! documents, calendar files) and the forms that change them.
//!
//! Every form says that nothing in it may identify a detained person; the
//! domain refuses a national register number.

mod groups;
mod meetings;
mod overview;
mod projects;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use continuum_app::{Actor, AppError};
use continuum_domain::governance::health::{Concern, Health, Light};
use continuum_domain::governance::meeting::belgian_time;
use continuum_domain::policy::Action;
use continuum_i18n::{Arg, Lang};

use super::people::Choice;
use crate::error::PageError;
use crate::extract::actor_lang;
use crate::routes::Routes;
use crate::state::AppState;

pub(crate) fn routes(routes: Routes) -> Routes {
    let routes = overview::routes(routes);
    let routes = groups::routes(routes);
    let routes = meetings::routes(routes);
    projects::routes(routes)
}

/// The translation of a code: `{prefix}-{code}`.
pub(super) fn label(lang: Lang, prefix: &str, code: &str) -> String {
    continuum_i18n::t(lang, &format!("{prefix}-{code}"))
}

/// A translation with one number.
pub(super) fn count(lang: Lang, key: &str, n: i64) -> String {
    continuum_i18n::t_args(lang, key, &[("count", Arg::Num(n))])
}

/// A stored UTC instant on the Belgian clock, `YYYY-MM-DD HH:MM`.
pub(super) fn local_time(stored: &str) -> String {
    match stored.parse::<jiff::Timestamp>() {
        Ok(at) => at.to_zoned(belgian_time()).strftime("%Y-%m-%d %H:%M").to_string(),
        Err(_) => stored.to_owned(),
    }
}

/// Choices of a select from codes, the chosen one selected.
pub(super) fn code_choices(lang: Lang, prefix: &str, codes: &[&'static str], chosen: &str) -> Vec<Choice> {
    codes
        .iter()
        .map(|code| Choice { code: (*code).to_owned(), label: label(lang, prefix, code), selected: *code == chosen })
        .collect()
}

/// The badge of a light: its CSS class and words (never colour alone).
pub(super) struct LightBadge {
    /// `dormant`, `attention`, `on_track` (for sorting and tests).
    pub code: &'static str,
    /// `danger`, `warning`, `success`.
    pub class: &'static str,
    /// The light in words.
    pub words: String,
}

pub(super) fn light_badge(lang: Lang, light: Light) -> LightBadge {
    let class = match light {
        Light::Dormant => "danger",
        Light::Attention => "warning",
        Light::OnTrack => "success",
    };
    LightBadge { code: light.code(), class, words: label(lang, "governance-light", light.code()) }
}

/// The reasons of a light, in words with their figures.
pub(super) fn concern_words(lang: Lang, health: &Health) -> Vec<String> {
    health
        .concerns
        .iter()
        .map(|concern| match concern {
            Concern::Dormant => count(lang, "governance-concern-dormant", health.days_without_meeting),
            Concern::FewMeetings => continuum_i18n::t_args(
                lang,
                "governance-concern-few_meetings",
                &[
                    ("count", Arg::Num(i64::try_from(health.meetings_last_year).unwrap_or(0))),
                    ("total", Arg::Num(i64::try_from(health.expected_last_year).unwrap_or(0))),
                ],
            ),
            Concern::LongWait => count(lang, "governance-concern-long_wait", health.longest_wait_days.unwrap_or(0)),
            other => label(lang, "governance-concern", other.code()),
        })
        .collect()
}

/// The days without a meeting, in words.
pub(super) fn days_without(lang: Lang, health: &Health) -> String {
    match health.last_meeting {
        Some(_) => count(lang, "governance-days-since", health.days_without_meeting),
        None => count(lang, "governance-never-met", health.days_without_meeting),
    }
}

/// A use case's error as a page.
pub(super) fn failed(actor: &Actor, error: AppError) -> Response {
    PageError::new(error, actor_lang(actor)).into_response()
}

/// A path id, or the not-found page.
pub(super) fn path_id(actor: &Actor, raw: &str) -> Result<i64, Box<Response>> {
    super::sites::parse_id(raw).ok_or_else(|| Box::new(super::sites::not_found(actor_lang(actor))))
}

/// Checks, before a form is read, that the actor may do `action` on some
/// group (the use case then checks the record), and reads the path id: the
/// id, or the page to answer with.
pub(super) async fn permitted_id(
    state: &AppState,
    actor: &Actor,
    action: Action,
    event: &str,
    raw: &str,
) -> Result<i64, Box<Response>> {
    if let Err(error) = state.app.permit_governance_action(actor, action, event).await {
        return Err(Box::new(failed(actor, error)));
    }
    path_id(actor, raw)
}

/// The status of a form shown again with its errors.
pub(super) const INVALID: StatusCode = StatusCode::UNPROCESSABLE_ENTITY;

#[cfg(test)]
mod tests {
    use continuum_domain::governance::action::ActionStatus;
    use continuum_domain::governance::group::{Function, GroupKind, Office};
    use continuum_domain::governance::health::{Concern, Light};
    use continuum_domain::governance::meeting::{Attendance, MeetingStatus};
    use continuum_domain::governance::project::{ProjectKind, RequestState};
    use continuum_domain::validation::Problem;

    /// Labels built from codes: the scan of literal ids cannot see them.
    #[test]
    fn every_governance_code_and_problem_has_a_message() {
        let mut keys: Vec<String> = Vec::new();
        keys.extend(GroupKind::ALL.iter().map(|k| format!("governance-kind-{}", k.code())));
        keys.extend(Function::ALL.iter().map(|f| format!("governance-function-{}", f.code())));
        keys.extend(Office::ALL.iter().map(|o| format!("governance-office-{}", o.code())));
        keys.extend(MeetingStatus::ALL.iter().map(|s| format!("governance-meeting-status-{}", s.code())));
        keys.extend(Attendance::ALL.iter().map(|a| format!("governance-attendance-{}", a.code())));
        keys.extend(ActionStatus::ALL.iter().map(|s| format!("governance-action-status-{}", s.code())));
        keys.extend(Light::ALL.iter().map(|l| format!("governance-light-{}", l.code())));
        keys.extend(
            continuum_domain::governance::reminder::ReminderKind::ALL
                .iter()
                .map(|k| format!("governance-reminder-{}", k.code())),
        );
        keys.extend(Concern::ALL.iter().map(|c| format!("governance-concern-{}", c.code())));
        keys.extend(super::overview::SORTS.iter().map(|c| format!("{}-{c}", super::overview::COLUMN)));
        keys.extend(ProjectKind::ALL.iter().map(|k| format!("governance-project-kind-{}", k.code())));
        keys.extend(RequestState::ALL.iter().map(|s| format!("governance-request-state-{}", s.code())));
        keys.extend(
            ["submit", "resubmit", "review", "decide", "follow_up"].map(|s| format!("governance-request-step-{s}")),
        );
        keys.extend(
            [
                Problem::OutOfRange { min: 1, max: 2 },
                Problem::MeetingInPast,
                Problem::MeetingInFuture,
                Problem::MeetingNotHeld,
                Problem::ApprovalNotLater,
                Problem::GroupMayNotDecide,
                Problem::MeetingBeforeSubmission,
                Problem::IdentifiesPerson,
                Problem::NotAMember,
                Problem::OfficeTaken,
                Problem::SiteNotForKind,
                Problem::UnknownUser,
                Problem::TooEarly,
                Problem::FileTooLarge { max_mb: 1 },
            ]
            .map(|p| p.message_id().to_owned()),
        );
        keys.extend(
            [
                "governance-meeting-cancelled",
                "governance-meeting-not-planned",
                "governance-minutes-closed",
                "governance-action-closed",
                "governance-project-needs-local-group",
                "governance-project-not-fundamental",
                "governance-request-waiting",
                "governance-request-not-submitted",
                "governance-request-decided",
                "governance-request-not-authorised",
            ]
            .map(str::to_owned),
        );
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        assert_eq!(continuum_i18n::missing_keys(&keys), Vec::new());
    }
}
