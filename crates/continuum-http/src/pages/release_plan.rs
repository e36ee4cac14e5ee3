//! Release planning and the follow-up after release of one person (issue 5,
//! items 6 and 7): where the pathway stands, starting release planning when
//! release is announced, the release plan's checklist, and the releases
//! recorded with the items missing then. Clinical roles of the person's
//! prison only.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use continuum_app::referrals::ReferralOutcome;
use continuum_app::release_handovers::ReleaseHandover;
use continuum_app::release_plans::{Plan, ReleasePlanning};
use continuum_app::{Actor, AppError};
use continuum_domain::ids::SiteId;
use continuum_domain::pathway::{Stage, State as PathwayState};
use continuum_domain::policy::{Action, Target};
use continuum_domain::release::{
    Attendance, CLOSING_CHOICES, ChecklistFields, ChecklistItem, ContactChannel, ContactMeans, ContactPreference,
    FollowUpFields, HealthInsurance, Housing, Naloxone, OatBridging, OutsideService, PLANNABLE_STAGES,
    ReleaseChecklist,
};
use continuum_domain::site::Language;
use continuum_i18n::Lang;
use serde::Deserialize;

use super::people::{Choice, choices, display_name};
use super::sites::{SummaryItem, mark_errors, not_found, parse_id, short_time, summary};
use crate::error::PageError;
use crate::extract::{CsrfForm, SignedIn, actor_lang};
use crate::routes::{Access, Routes};
use crate::shell::{FormErrors, Shell};
use crate::state::AppState;

/// The checklist form as typed (and the reason of a start).
#[derive(Deserialize, Default)]
pub(crate) struct PlanForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    service: String,
    #[serde(default)]
    service_name: String,
    #[serde(default)]
    appointment_date: String,
    #[serde(default)]
    appointment_place: String,
    #[serde(default)]
    oat_bridging: String,
    #[serde(default)]
    naloxone: String,
    #[serde(default)]
    housing: String,
    #[serde(default)]
    health_insurance: String,
    #[serde(default)]
    contact: String,
    #[serde(default)]
    contact_channel: String,
    #[serde(default)]
    contact_detail: String,
    #[serde(default)]
    why: String,
    // The follow-up contact and the closing.
    #[serde(default)]
    due_days: String,
    #[serde(default)]
    contact_date: String,
    #[serde(default)]
    attendance: String,
    #[serde(default)]
    means: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    reason: String,
    // The handover document at release: the receiver's language.
    #[serde(default)]
    language: String,
}

impl PlanForm {
    fn fields(&self) -> ChecklistFields<'_> {
        ChecklistFields {
            service: &self.service,
            service_name: &self.service_name,
            appointment_date: &self.appointment_date,
            appointment_place: &self.appointment_place,
            oat_bridging: &self.oat_bridging,
            naloxone: &self.naloxone,
            housing: &self.housing,
            health_insurance: &self.health_insurance,
            contact: &self.contact,
            contact_channel: &self.contact_channel,
            contact_detail: &self.contact_detail,
        }
    }

    /// The form filled with a saved plan.
    fn of_plan(plan: &Plan) -> PlanForm {
        let c = &plan.checklist;
        let (channel, detail) = match &c.contact {
            Some(ContactPreference::Agrees { channel, detail }) => {
                (channel.code().to_owned(), detail.clone().unwrap_or_default())
            }
            _ => (String::new(), String::new()),
        };
        PlanForm {
            version: plan.version.to_string(),
            service: match &c.service {
                Some(OutsideService::Organisation(id)) => id.to_string(),
                Some(OutsideService::Named(_)) => "other".into(),
                None => String::new(),
            },
            service_name: match &c.service {
                Some(OutsideService::Named(name)) => name.clone(),
                _ => String::new(),
            },
            appointment_date: c.appointment.as_ref().map(|a| a.date.to_string()).unwrap_or_default(),
            appointment_place: c.appointment.as_ref().map(|a| a.place.clone()).unwrap_or_default(),
            oat_bridging: c.oat_bridging.map(|v| v.code().to_owned()).unwrap_or_default(),
            naloxone: c.naloxone.map(|v| v.code().to_owned()).unwrap_or_default(),
            housing: c.housing.map(|v| v.code().to_owned()).unwrap_or_default(),
            health_insurance: c.health_insurance.map(|v| v.code().to_owned()).unwrap_or_default(),
            contact: c.contact.as_ref().map(|v| v.code().to_owned()).unwrap_or_default(),
            contact_channel: channel,
            contact_detail: detail,
            ..PlanForm::default()
        }
    }

    fn follow_up(&self) -> FollowUpFields<'_> {
        FollowUpFields {
            due_days: &self.due_days,
            contact_date: &self.contact_date,
            attendance: &self.attendance,
            means: &self.means,
            note: &self.note,
        }
    }
}

/// One item of the checklist as shown.
struct ItemLine {
    label: String,
    done: bool,
    answer: String,
}

/// A follow-up contact as shown.
struct FollowUpLine {
    due_days: i64,
    due_date: String,
    overdue: bool,
    recorded: bool,
    contact_date: String,
    answer: String,
    note: String,
    by: String,
}

/// A release as shown.
struct ReleaseLine {
    date: String,
    follow_up: bool,
    plan: String,
    missing: String,
}

#[derive(Template)]
#[template(path = "release_plan.html")]
struct ReleasePlanPage {
    shell: Shell,
    person_id: i64,
    person: String,
    stage: String,
    expected_release: String,
    release_date: String,
    saved: bool,
    may_write: bool,
    can_start: bool,
    planning: bool,
    items: Vec<ItemLine>,
    missing_count: usize,
    plan_made: String,
    form: PlanForm,
    services: Vec<Choice>,
    oat: Vec<Choice>,
    naloxone: Vec<Choice>,
    housing: Vec<Choice>,
    insurance: Vec<Choice>,
    contact: Vec<Choice>,
    channels: Vec<Choice>,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
    releases: Vec<ReleaseLine>,
    in_follow_up: bool,
    follow_ups: Vec<FollowUpLine>,
    open_dues: Vec<Choice>,
    attendances: Vec<Choice>,
    means: Vec<Choice>,
    closings: Vec<Choice>,
    handover_languages: Vec<Choice>,
    referral: Option<ReferralLine>,
}

/// Where the newest sent referral stands, for the follow-up: whether the
/// person reached the outside service (issue 6, item 3).
struct ReferralLine {
    href: String,
    service: String,
    status: String,
    appointment: String,
    since: String,
}

fn referral_line(lang: Lang, outcome: &ReferralOutcome) -> ReferralLine {
    ReferralLine {
        href: format!("/referrals/{}", outcome.referral_id),
        service: format!("{} · {}", outcome.service, outcome.organisation),
        status: super::referrals::status_label(lang, outcome.status),
        appointment: outcome.appointment.map(|a| a.strftime("%Y-%m-%d %H:%M").to_string()).unwrap_or_default(),
        since: short_time(&outcome.since),
    }
}

const FIELDS: &[(&str, &str)] = &[
    ("service", "release-item-outside_service"),
    ("service_name", "release-service-name"),
    ("appointment_date", "release-appointment-date"),
    ("appointment_place", "release-appointment-place"),
    ("oat_bridging", "release-item-oat_bridging"),
    ("naloxone", "release-item-naloxone"),
    ("housing", "release-item-housing"),
    ("health_insurance", "release-item-health_insurance"),
    ("contact", "release-item-contact"),
    ("contact_channel", "release-contact-channel"),
    ("contact_detail", "release-contact-detail"),
    ("why", "release-start-why"),
    ("due_days", "follow-up-due"),
    ("contact_date", "follow-up-contact-date"),
    ("attendance", "follow-up-attendance"),
    ("means", "follow-up-means"),
    ("note", "follow-up-note"),
    ("reason", "follow-up-close-reason"),
    ("language", "handover-release-language"),
];

/// The answer of each item of a checklist, in the user's language.
fn answers(lang: Lang, checklist: &ReleaseChecklist, service: Option<&str>) -> Vec<(ChecklistItem, String)> {
    let t = |id: &str| continuum_i18n::t(lang, id);
    let contact = match &checklist.contact {
        Some(ContactPreference::Agrees { channel, detail }) => {
            let how = t(channel.message_id());
            let agrees = t("release-contact-agrees");
            match detail {
                Some(detail) => format!("{agrees}: {how} · {detail}"),
                None => format!("{agrees}: {how}"),
            }
        }
        Some(ContactPreference::Declines) => t("release-contact-declines"),
        None => String::new(),
    };
    let values = [
        service.unwrap_or_default().to_owned(),
        checklist.appointment.as_ref().map(|a| format!("{} · {}", a.date, a.place)).unwrap_or_default(),
        checklist.oat_bridging.map(|v| t(v.message_id())).unwrap_or_default(),
        checklist.naloxone.map(|v| t(v.message_id())).unwrap_or_default(),
        checklist.housing.map(|v| t(v.message_id())).unwrap_or_default(),
        checklist.health_insurance.map(|v| t(v.message_id())).unwrap_or_default(),
        contact,
    ];
    ChecklistItem::ALL.into_iter().zip(values).collect()
}

fn item_names(lang: Lang, items: &[ChecklistItem]) -> String {
    items.iter().map(|i| continuum_i18n::t(lang, i.message_id())).collect::<Vec<_>>().join(", ")
}

/// The page shown, with `form` as typed (or as saved) and its errors.
fn page(
    actor: &Actor,
    demo: bool,
    planning: ReleasePlanning,
    form: Option<PlanForm>,
    saved: bool,
    (errors, status): (FormErrors, StatusCode),
) -> Response {
    let lang = actor_lang(actor);
    let person_id = planning.person.id;
    let mut shell = Shell::signed_in(actor, demo, "release-plan-title", &format!("/people/{person_id}/release-plan"));
    mark_errors(&mut shell, errors.any());
    let site = SiteId(planning.person.site_id);
    let may_write = actor.may(Action::WriteClinical, Target::site(site));
    let stage = match planning.state {
        PathwayState::Active(stage) => Some(stage),
        _ => None,
    };
    let plan = planning.plan.as_ref();
    let checklist = plan.map(|p| p.checklist.clone()).unwrap_or_default();
    let items = answers(lang, &checklist, plan.and_then(|p| p.service.as_deref()))
        .into_iter()
        .map(|(item, answer)| ItemLine {
            label: continuum_i18n::t(lang, item.message_id()),
            done: !planning.missing.contains(&item),
            answer,
        })
        .collect();
    let form = form.unwrap_or_else(|| plan.map(PlanForm::of_plan).unwrap_or_default());
    let mut services: Vec<Choice> = planning
        .services
        .iter()
        .map(|s| Choice { code: s.id.to_string(), label: s.name.clone(), selected: s.id.to_string() == form.service })
        .collect();
    services.push(Choice {
        code: "other".into(),
        label: continuum_i18n::t(lang, "release-service-other"),
        selected: form.service == "other",
    });
    let contact = ["agrees", "declines"]
        .map(|code| Choice {
            code: code.to_owned(),
            label: continuum_i18n::t(lang, &format!("release-contact-{code}")),
            selected: form.contact == code,
        })
        .into();
    let releases = planning
        .releases
        .iter()
        .map(|r| ReleaseLine {
            date: r.release_date.clone(),
            follow_up: r.with_follow_up,
            plan: r.plan_made_at.as_deref().map(short_time).unwrap_or_default(),
            missing: item_names(lang, &r.missing),
        })
        .collect();
    let in_follow_up = matches!(
        planning.state,
        PathwayState::Active(Stage::ReleasedInFollowUp)
            | PathwayState::Declined { returns_to: Stage::ReleasedInFollowUp }
    );
    let latest = planning.releases.iter().find(|r| r.with_follow_up);
    let follow_ups: Vec<FollowUpLine> = latest
        .map(|r| {
            r.follow_ups
                .iter()
                .map(|f| FollowUpLine {
                    due_days: f.due_days,
                    due_date: f.due_date.clone(),
                    overdue: f.overdue,
                    recorded: f.recorded_at.is_some(),
                    contact_date: f.contact_date.clone().unwrap_or_default(),
                    answer: [f.attendance.map(|a| a.message_id()), f.means.map(|m| m.message_id())]
                        .into_iter()
                        .flatten()
                        .map(|id| continuum_i18n::t(lang, id))
                        .collect::<Vec<_>>()
                        .join(" · "),
                    note: f.note.clone().unwrap_or_default(),
                    by: f.recorded_by.clone().unwrap_or_default(),
                })
                .collect()
        })
        .unwrap_or_default();
    let open_dues = follow_ups
        .iter()
        .filter(|f| !f.recorded)
        .map(|f| Choice {
            code: f.due_days.to_string(),
            label: continuum_i18n::t_args(
                lang,
                "follow-up-due-label",
                &[
                    ("days", continuum_i18n::Arg::Num(f.due_days)),
                    ("value", continuum_i18n::Arg::Str(f.due_date.clone())),
                ],
            ),
            selected: f.due_days.to_string() == form.due_days,
        })
        .collect();
    let closings = CLOSING_CHOICES
        .iter()
        .map(|r| Choice {
            code: r.code().to_owned(),
            label: continuum_i18n::t(lang, r.message_id()),
            selected: r.code() == form.reason,
        })
        .collect();
    let handover_languages = Language::ALL
        .iter()
        .map(|l| Choice {
            code: l.code().to_owned(),
            label: Lang::parse(l.code()).map_or_else(|| l.code().to_owned(), |n| n.native_name().to_owned()),
            selected: l.code() == form.language,
        })
        .collect();
    let page = ReleasePlanPage {
        handover_languages,
        referral: planning.referral.as_ref().map(|r| referral_line(lang, r)),
        in_follow_up,
        follow_ups,
        open_dues,
        attendances: choices(lang, &Attendance::ALL, Attendance::code, "follow-up-attendance", &form.attendance),
        means: choices(lang, &ContactMeans::ALL, ContactMeans::code, "follow-up-means", &form.means),
        closings,
        summary: summary(lang, errors.all(), FIELDS),
        person: display_name(&planning.person.family_name, &planning.person.given_names),
        stage: continuum_i18n::t(lang, planning.state.message_id()),
        expected_release: planning.episode.as_ref().and_then(|e| e.expected_release.clone()).unwrap_or_default(),
        release_date: planning.episode.as_ref().and_then(|e| e.release_date.clone()).unwrap_or_default(),
        saved,
        may_write,
        can_start: may_write && stage.is_some_and(|s| PLANNABLE_STAGES.contains(&s)),
        planning: stage == Some(Stage::ReleasePlanning),
        items,
        missing_count: planning.missing.len(),
        plan_made: plan
            .map(|p| {
                continuum_i18n::t_args(
                    lang,
                    "release-plan-made",
                    &[
                        ("at", continuum_i18n::Arg::Str(short_time(&p.created_at))),
                        ("by", continuum_i18n::Arg::Str(p.created_by.clone().unwrap_or_default())),
                    ],
                )
            })
            .unwrap_or_default(),
        oat: choices(lang, &OatBridging::ALL, OatBridging::code, "release-oat", &form.oat_bridging),
        naloxone: choices(lang, &Naloxone::ALL, Naloxone::code, "release-naloxone", &form.naloxone),
        housing: choices(lang, &Housing::ALL, Housing::code, "release-housing", &form.housing),
        insurance: choices(
            lang,
            &HealthInsurance::ALL,
            HealthInsurance::code,
            "release-insurance",
            &form.health_insurance,
        ),
        channels: choices(lang, &ContactChannel::ALL, ContactChannel::code, "release-channel", &form.contact_channel),
        contact,
        services,
        releases,
        shell,
        person_id,
        form,
        errors,
    };
    super::render(status, &page)
}

#[derive(Deserialize, Default)]
struct SavedQuery {
    #[serde(default)]
    saved: String,
}

async fn show(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Path(id): Path<String>,
    Query(query): Query<SavedQuery>,
) -> Response {
    let lang = actor_lang(&actor);
    let Some(person_id) = parse_id(&id) else {
        return not_found(lang);
    };
    match state.app.release_planning(&actor, person_id).await {
        Ok(planning) => page(
            &actor,
            state.settings.demo_mode,
            planning,
            None,
            !query.saved.is_empty(),
            (FormErrors::default(), StatusCode::OK),
        ),
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

/// After a change: back to the page, or the page again with the problem.
async fn answer(
    state: &AppState,
    actor: &Actor,
    person_id: i64,
    form: PlanForm,
    result: Result<(), AppError>,
) -> Response {
    let lang = actor_lang(actor);
    let errors = match result {
        Ok(()) => return Redirect::to(&format!("/people/{person_id}/release-plan?saved=1")).into_response(),
        Err(AppError::Invalid(invalid)) => (FormErrors::new(lang, &invalid), StatusCode::UNPROCESSABLE_ENTITY),
        Err(AppError::Conflict(code)) => {
            let key = if code == "changed-meanwhile" { "error-conflict" } else { code };
            (FormErrors::general(lang, key), StatusCode::CONFLICT)
        }
        Err(AppError::PathwayRefused(refusal)) => {
            let args: Vec<(&str, continuum_i18n::Arg)> = refusal
                .args()
                .iter()
                .map(|(name, id)| (*name, continuum_i18n::Arg::Str(continuum_i18n::t(lang, id))))
                .collect();
            let message = continuum_i18n::t_args(lang, refusal.message_id(), &args);
            (FormErrors::general_text(message), StatusCode::CONFLICT)
        }
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    match state.app.release_planning(actor, person_id).await {
        Ok(planning) => page(actor, state.settings.demo_mode, planning, Some(form), false, errors),
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

async fn save(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<PlanForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteClinical, "release_plan.save").await {
        return refused;
    }
    let Some(person_id) = parse_id(&id) else {
        return not_found(lang);
    };
    let version = form.version.trim().parse::<i64>().unwrap_or(0);
    let result = state.app.save_release_plan(&actor, person_id, version, &form.fields()).await;
    answer(&state, &actor, person_id, form, result).await
}

async fn start(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<PlanForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteClinical, "release_plan.start").await {
        return refused;
    }
    let Some(person_id) = parse_id(&id) else {
        return not_found(lang);
    };
    let result = state.app.start_release_planning(&actor, person_id, Some(&form.why)).await;
    answer(&state, &actor, person_id, form, result).await
}

async fn record_follow_up(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<PlanForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteClinical, "follow_up.record").await {
        return refused;
    }
    let Some(person_id) = parse_id(&id) else {
        return not_found(lang);
    };
    let result = state.app.record_follow_up(&actor, person_id, &form.follow_up()).await;
    answer(&state, &actor, person_id, form, result).await
}

async fn close_follow_up(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<PlanForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteClinical, "follow_up.close").await {
        return refused;
    }
    let Some(person_id) = parse_id(&id) else {
        return not_found(lang);
    };
    let result = state.app.close_follow_up(&actor, person_id, &form.reason, Some(&form.why)).await;
    answer(&state, &actor, person_id, form, result).await
}

/// Makes the handover document at release and downloads it; the page
/// again, naming each missing consent, when the person's consent does not
/// let it go to the receiver.
async fn make_handover(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<PlanForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) =
        super::refused_unless(&state, &actor, Action::WriteClinical, "handover_document.release").await
    {
        return refused;
    }
    let Some(person_id) = parse_id(&id) else {
        return not_found(lang);
    };
    let errors = match state.app.make_release_handover(&actor, person_id, &form.language).await {
        Ok(ReleaseHandover::Made(document)) => {
            return Redirect::to(&format!("/handover-documents/{document}")).into_response();
        }
        Ok(ReleaseHandover::ConsentMissing { receiver, missing }) => (
            FormErrors::of_messages(super::referrals::missing_consent_messages(lang, &missing, &receiver)),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(error) => return answer(&state, &actor, person_id, form, Err(error)).await,
    };
    match state.app.release_planning(&actor, person_id).await {
        Ok(planning) => page(&actor, state.settings.demo_mode, planning, Some(form), false, errors),
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

pub(crate) fn routes(routes: Routes) -> Routes {
    routes
        .add("GET", "/people/{id}/release-plan", Access::Policy(Action::ReadClinical), get(show))
        .add("POST", "/people/{id}/release-plan", Access::Policy(Action::WriteClinical), post(save))
        .add("POST", "/people/{id}/release-planning", Access::Policy(Action::WriteClinical), post(start))
        .add("POST", "/people/{id}/follow-ups", Access::Policy(Action::WriteClinical), post(record_follow_up))
        .add("POST", "/people/{id}/follow-up/close", Access::Policy(Action::WriteClinical), post(close_follow_up))
        .add("POST", "/people/{id}/release-handover", Access::Policy(Action::WriteClinical), post(make_handover))
}
