//! Meetings: the form that plans one (or records one that took place), the
//! meeting's page with its forms (attendance, minutes, approval,
//! decisions, actions, documents, cancellation), action status changes,
//! and the calendar files.

use askama::Template;
use axum::body::Body;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use continuum_app::governance::meetings::{CalendarEntry, DOCUMENT_MAX_BYTES, DOCUMENT_MAX_MB, MeetingDetails};
use continuum_app::{Actor, AppError};
use continuum_domain::governance::action::ActionFields;
use continuum_domain::governance::meeting::{Attendance, MeetingFields, MeetingStatus};
use continuum_domain::policy::Action;
use continuum_domain::validation::{Invalid, Problem};
use continuum_i18n::Lang;
use serde::Deserialize;

use super::super::people::Choice;
use super::super::sites::{SummaryItem, mark_errors, short_time, summary};
use super::groups::{ActionLine, action_lines, status_choices};
use super::{INVALID, failed, label, local_time, path_id, permitted_id};
use crate::calendar::{EventTexts, calendar};
use crate::extract::{CsrfForm, SignedIn, actor_lang};
use crate::routes::{Access, Routes};
use crate::shell::{FormErrors, Shell};
use crate::state::AppState;

// ---------------------------------------------------------------------------
// Planning a meeting

#[derive(Deserialize, Default)]
struct MeetingForm {
    #[serde(default)]
    date: String,
    #[serde(default)]
    time: String,
    #[serde(default)]
    duration_minutes: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    video_link: String,
    #[serde(default)]
    agenda: String,
    #[serde(default)]
    held: Option<String>,
}

#[derive(Template)]
#[template(path = "governance_meeting_form.html")]
struct MeetingFormPage {
    shell: Shell,
    group_id: i64,
    group: String,
    form: MeetingForm,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
}

const MEETING_FIELDS: &[(&str, &str)] = &[
    ("date", "governance-date"),
    ("time", "governance-time"),
    ("duration_minutes", "governance-duration"),
    ("place", "governance-place"),
    ("video_link", "governance-video-link"),
    ("agenda", "governance-agenda"),
];

async fn meeting_form(
    state: &AppState,
    actor: &Actor,
    group_id: i64,
    form: MeetingForm,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let lang = actor_lang(actor);
    let details = match state.app.group_details(actor, group_id).await {
        Ok(details) if details.may_manage => details,
        Ok(_) => return failed(actor, AppError::Forbidden),
        Err(error) => return failed(actor, error),
    };
    let path = format!("/governance/groups/{group_id}/meetings/new");
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "governance-meeting-new", &path);
    mark_errors(&mut shell, errors.any());
    let page = MeetingFormPage {
        summary: summary(lang, errors.all(), MEETING_FIELDS),
        group: details.group.name,
        shell,
        group_id,
        form,
        errors,
    };
    super::super::render(status, &page)
}

async fn new_meeting(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let id = match path_id(&actor, &id) {
        Ok(id) => id,
        Err(response) => return *response,
    };
    let form = MeetingForm { time: "14:00".into(), duration_minutes: "120".into(), ..MeetingForm::default() };
    meeting_form(&state, &actor, id, form, FormErrors::default(), StatusCode::OK).await
}

async fn plan_meeting(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<MeetingForm>,
) -> Response {
    let lang = actor_lang(&actor);
    let id = match permitted_id(&state, &actor, Action::ManageGovernance, "governance.meeting.create", &id).await {
        Ok(id) => id,
        Err(response) => return *response,
    };
    let fields = MeetingFields {
        date: &form.date,
        time: &form.time,
        duration_minutes: &form.duration_minutes,
        place: &form.place,
        video_link: &form.video_link,
        agenda: &form.agenda,
        held: form.held.is_some(),
    };
    match state.app.plan_meeting(&actor, id, &fields).await {
        Ok(meeting) => Redirect::to(&format!("/governance/meetings/{meeting}?saved=1")).into_response(),
        Err(AppError::Invalid(invalid)) => {
            meeting_form(&state, &actor, id, form, FormErrors::new(lang, &invalid), INVALID).await
        }
        Err(error) => failed(&actor, error),
    }
}

// ---------------------------------------------------------------------------
// A meeting's page

struct AttendanceLine {
    member_id: i64,
    name: String,
    function: String,
    office: String,
    /// The code recorded (or typed), empty if none.
    chosen: String,
    label: String,
}

struct MinutesLine {
    version: i64,
    text: String,
    written: String,
}

struct DecisionLine {
    item: String,
    text: String,
}

struct DocumentLine {
    id: i64,
    name: String,
    size: String,
    uploaded: String,
}

/// What the forms of the page held when one was refused.
#[derive(Default)]
struct Typed {
    minutes: Option<String>,
    decision: Option<(String, String)>,
    action: Option<ActionForm>,
    attendance: Vec<(i64, String)>,
}

#[derive(Template)]
#[template(path = "governance_meeting.html")]
struct MeetingPage {
    shell: Shell,
    id: i64,
    group_id: i64,
    group: String,
    when: String,
    duration: String,
    place: String,
    video_link: String,
    status: String,
    status_code: String,
    agenda: Vec<String>,
    attendance: Vec<AttendanceLine>,
    attendance_choices: Vec<(String, String)>,
    may_record_attendance: bool,
    quorum: String,
    quorum_met: Option<bool>,
    minutes: Option<MinutesLine>,
    earlier_versions: Vec<MinutesLine>,
    minutes_text: String,
    minutes_approved: String,
    approvable_at: Vec<Choice>,
    to_approve: Vec<(i64, String)>,
    decisions: Vec<DecisionLine>,
    decision_text: String,
    decision_item: String,
    actions: Vec<ActionLine>,
    carried: Vec<ActionLine>,
    statuses: Vec<Choice>,
    owners: Vec<Choice>,
    decision_choices: Vec<Choice>,
    action_form: ActionForm,
    documents: Vec<DocumentLine>,
    document_max_mb: usize,
    may_manage: bool,
    saved: bool,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
}

const PAGE_FIELDS: &[(&str, &str)] = &[
    ("attendance", "governance-attendance"),
    ("minutes", "governance-minutes"),
    ("approved_at", "governance-approved-at"),
    ("text", "governance-decision"),
    ("agenda_item", "governance-agenda-item"),
    ("title", "governance-action"),
    ("owner", "governance-owner"),
    ("due", "governance-due"),
    ("decision", "governance-decision"),
    ("document", "governance-document"),
];

fn size_text(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} kB", (bytes + 1023) / 1024)
    }
}

fn meeting_page(
    state: &AppState,
    actor: &Actor,
    details: MeetingDetails,
    saved: bool,
    errors: FormErrors,
    typed: Typed,
) -> MeetingPage {
    let lang = actor_lang(actor);
    let today = state.app.governance_today();
    let meeting = &details.meeting;
    let path = format!("/governance/meetings/{}", meeting.id);
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "governance-meeting", &path);
    shell.title = format!("{} · {}", details.group.name, local_time(&meeting.starts_at));
    mark_errors(&mut shell, errors.any());
    let status = MeetingStatus::parse(&meeting.status).unwrap_or(MeetingStatus::Planned);
    let begun = meeting.starts_at.parse::<jiff::Timestamp>().is_ok_and(|at| at <= state.app.now());
    let mut versions = details.minutes.into_iter().map(|m| MinutesLine {
        version: m.version,
        text: m.text,
        written: format!("{} · {}", short_time(&m.written_at), m.written_by.unwrap_or_default()),
    });
    let latest = versions.next();
    let approved_at = details.approved_at.as_ref().map(|m| local_time(&m.starts_at));
    let typed_attendance = |member: i64| typed.attendance.iter().find(|(m, _)| *m == member).map(|(_, a)| a.clone());
    let agenda_title = |position: Option<i64>| {
        let index = usize::try_from(position?).ok()?.checked_sub(1)?;
        details.agenda.get(index).map(|t| format!("{}. {t}", index + 1))
    };
    let decisions = details
        .decisions
        .iter()
        .map(|d| DecisionLine { item: agenda_title(d.agenda_position).unwrap_or_default(), text: d.text.clone() })
        .collect();
    MeetingPage {
        id: meeting.id,
        group_id: details.group.id,
        group: details.group.name.clone(),
        when: local_time(&meeting.starts_at),
        duration: super::count(lang, "governance-minutes-long", meeting.duration_minutes),
        place: meeting.place.clone(),
        video_link: meeting.video_link.clone(),
        status: label(lang, "governance-meeting-status", status.code()),
        status_code: status.code().to_owned(),
        agenda: details.agenda,
        attendance: details
            .attendance
            .into_iter()
            .map(|a| {
                let chosen = typed_attendance(a.member_id).or(a.attendance).unwrap_or_default();
                AttendanceLine {
                    member_id: a.member_id,
                    name: a.name,
                    function: label(lang, "governance-function", &a.function),
                    office: if a.office == "member" {
                        String::new()
                    } else {
                        label(lang, "governance-office", &a.office)
                    },
                    label: if chosen.is_empty() {
                        String::new()
                    } else {
                        label(lang, "governance-attendance", &chosen)
                    },
                    chosen,
                }
            })
            .collect(),
        attendance_choices: Attendance::ALL
            .iter()
            .map(|a| (a.code().to_owned(), label(lang, "governance-attendance", a.code())))
            .collect(),
        may_record_attendance: details.may_manage
            && (status == MeetingStatus::Held || (status == MeetingStatus::Planned && begun)),
        quorum: details
            .quorum
            .map(|q| {
                continuum_i18n::t_args(
                    lang,
                    if q.met { "governance-quorum-met" } else { "governance-quorum-not-met" },
                    &[
                        ("count", continuum_i18n::Arg::Num(i64::try_from(q.present).unwrap_or(0))),
                        ("total", continuum_i18n::Arg::Num(i64::try_from(q.invited).unwrap_or(0))),
                        ("min", continuum_i18n::Arg::Num(i64::try_from(q.needed).unwrap_or(0))),
                    ],
                )
            })
            .unwrap_or_default(),
        quorum_met: details.quorum.map(|q| q.met),
        minutes_text: typed
            .minutes
            .clone()
            .unwrap_or_else(|| latest.as_ref().map(|m| m.text.clone()).unwrap_or_default()),
        minutes: latest,
        earlier_versions: versions.collect(),
        minutes_approved: match (approved_at, meeting.minutes_approved_version) {
            (Some(at), Some(version)) => continuum_i18n::t_args(
                lang,
                "governance-minutes-approved-at",
                &[("count", continuum_i18n::Arg::Num(version)), ("at", continuum_i18n::Arg::from(at.as_str()))],
            ),
            _ => String::new(),
        },
        approvable_at: details
            .approvable_at
            .iter()
            .map(|m| Choice { code: m.id.to_string(), label: local_time(&m.starts_at), selected: false })
            .collect(),
        to_approve: details.to_approve.iter().map(|m| (m.id, local_time(&m.starts_at))).collect(),
        decisions,
        decision_text: typed.decision.as_ref().map(|(t, _)| t.clone()).unwrap_or_default(),
        decision_item: typed.decision.as_ref().map(|(_, i)| i.clone()).unwrap_or_default(),
        actions: action_lines(lang, details.actions, today),
        carried: action_lines(lang, details.carried, today),
        statuses: status_choices(lang),
        owners: details
            .members
            .iter()
            .map(|m| Choice {
                code: m.id.to_string(),
                label: format!("{} · {}", m.name, label(lang, "governance-function", &m.function)),
                selected: typed.action.as_ref().is_some_and(|a| a.owner == m.id.to_string()),
            })
            .collect(),
        decision_choices: details
            .decisions
            .iter()
            .enumerate()
            .map(|(n, d)| Choice {
                code: d.id.to_string(),
                label: format!("{}. {}", n + 1, d.text.chars().take(80).collect::<String>()),
                selected: typed.action.as_ref().is_some_and(|a| a.decision == d.id.to_string()),
            })
            .collect(),
        action_form: typed.action.unwrap_or_default(),
        documents: details
            .documents
            .into_iter()
            .map(|d| DocumentLine {
                id: d.id,
                name: d.file_name,
                size: size_text(d.size_bytes),
                uploaded: short_time(&d.uploaded_at),
            })
            .collect(),
        document_max_mb: DOCUMENT_MAX_MB,
        may_manage: details.may_manage,
        saved,
        summary: summary(lang, errors.all(), PAGE_FIELDS),
        errors,
        shell,
    }
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
    let id = match path_id(&actor, &id) {
        Ok(id) => id,
        Err(response) => return *response,
    };
    match state.app.meeting_details(&actor, id).await {
        Ok(details) => super::super::render(
            StatusCode::OK,
            &meeting_page(&state, &actor, details, !query.saved.is_empty(), FormErrors::default(), Typed::default()),
        ),
        Err(error) => failed(&actor, error),
    }
}

/// The meeting's page again with the refused form's message and what was typed.
async fn refused(state: &AppState, actor: &Actor, id: i64, invalid: &Invalid, typed: Typed) -> Response {
    let lang = actor_lang(actor);
    match state.app.meeting_details(actor, id).await {
        Ok(details) => super::super::render(
            INVALID,
            &meeting_page(state, actor, details, false, FormErrors::new(lang, invalid), typed),
        ),
        Err(error) => failed(actor, error),
    }
}

/// Answers a change of a meeting: back to its page, or the page with the
/// message of a refusal.
async fn after_change<T>(
    state: &AppState,
    actor: &Actor,
    id: i64,
    result: Result<T, AppError>,
    typed: Typed,
    anchor: &str,
) -> Response {
    match result {
        Ok(_) => Redirect::to(&format!("/governance/meetings/{id}?saved=1#{anchor}")).into_response(),
        Err(AppError::Invalid(invalid)) => refused(state, actor, id, &invalid, typed).await,
        Err(AppError::Conflict(code)) => {
            let lang = actor_lang(actor);
            match state.app.meeting_details(actor, id).await {
                Ok(details) => {
                    let key = if code.starts_with("governance-") { code } else { "error-conflict" };
                    let errors = FormErrors::general(lang, key);
                    super::super::render(
                        StatusCode::CONFLICT,
                        &meeting_page(state, actor, details, false, errors, typed),
                    )
                }
                Err(error) => failed(actor, error),
            }
        }
        Err(error) => failed(actor, error),
    }
}

async fn record_attendance(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<Vec<(String, String)>>,
) -> Response {
    let id = match permitted_id(&state, &actor, Action::ManageGovernance, "governance.meeting.hold", &id).await {
        Ok(id) => id,
        Err(response) => return *response,
    };
    let mut typed = Typed::default();
    let mut attendance = Vec::new();
    let mut unreadable = false;
    for (name, value) in &form {
        let Some(member) = name.strip_prefix("attendance-").and_then(|m| m.parse::<i64>().ok()) else {
            continue;
        };
        typed.attendance.push((member, value.clone()));
        match Attendance::parse(value) {
            Some(present) => attendance.push((member, present)),
            None => unreadable = true,
        }
    }
    let result = if unreadable {
        Err(AppError::field("attendance", Problem::InvalidFormat))
    } else {
        state.app.record_attendance(&actor, id, &attendance).await
    };
    after_change(&state, &actor, id, result, typed, "attendance").await
}

#[derive(Deserialize, Default)]
struct MinutesForm {
    #[serde(default)]
    minutes: String,
}

async fn save_minutes(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<MinutesForm>,
) -> Response {
    let id = match permitted_id(&state, &actor, Action::ManageGovernance, "governance.minutes.write", &id).await {
        Ok(id) => id,
        Err(response) => return *response,
    };
    let result = state.app.save_minutes(&actor, id, &form.minutes).await;
    let typed = Typed { minutes: Some(form.minutes), ..Typed::default() };
    after_change(&state, &actor, id, result, typed, "minutes-title").await
}

#[derive(Deserialize, Default)]
struct ApproveForm {
    #[serde(default)]
    approved_at: String,
}

async fn approve_minutes(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<ApproveForm>,
) -> Response {
    let id = match permitted_id(&state, &actor, Action::ManageGovernance, "governance.minutes.approve", &id).await {
        Ok(id) => id,
        Err(response) => return *response,
    };
    let at = form.approved_at.trim().parse::<i64>().ok();
    let result = state.app.approve_minutes(&actor, id, at).await;
    after_change(&state, &actor, id, result, Typed::default(), "minutes-title").await
}

#[derive(Deserialize, Default)]
struct DecisionForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    agenda_item: String,
}

async fn record_decision(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<DecisionForm>,
) -> Response {
    let id = match permitted_id(&state, &actor, Action::ManageGovernance, "governance.decision.create", &id).await {
        Ok(id) => id,
        Err(response) => return *response,
    };
    let result = state.app.record_decision(&actor, id, &form.text, &form.agenda_item).await;
    let typed = Typed { decision: Some((form.text, form.agenda_item)), ..Typed::default() };
    after_change(&state, &actor, id, result, typed, "decisions").await
}

#[derive(Deserialize, Default, Clone)]
struct ActionForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    due: String,
    #[serde(default)]
    decision: String,
}

async fn add_action(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<ActionForm>,
) -> Response {
    let id = match permitted_id(&state, &actor, Action::ManageGovernance, "governance.action.create", &id).await {
        Ok(id) => id,
        Err(response) => return *response,
    };
    let fields = ActionFields { title: &form.title, owner: &form.owner, due: &form.due };
    let decision = form.decision.trim().parse::<i64>().ok();
    let result = state.app.add_action(&actor, id, &fields, decision).await;
    let typed = Typed { action: Some(form.clone()), ..Typed::default() };
    after_change(&state, &actor, id, result, typed, "actions").await
}

async fn cancel_meeting(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form: _ }: CsrfForm<SavedQuery>,
) -> Response {
    let id = match permitted_id(&state, &actor, Action::ManageGovernance, "governance.meeting.cancel", &id).await {
        Ok(id) => id,
        Err(response) => return *response,
    };
    let result = state.app.cancel_meeting(&actor, id).await;
    after_change(&state, &actor, id, result, Typed::default(), "status").await
}

async fn attach_document(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Path(id): Path<String>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let id = match permitted_id(&state, &actor, Action::ManageGovernance, "governance.document.attach", &id).await {
        Ok(id) => id,
        Err(response) => return *response,
    };
    let Ok(multipart) = multipart else {
        let result: Result<i64, AppError> = Err(AppError::field("document", Problem::Required));
        return after_change(&state, &actor, id, result, Typed::default(), "documents").await;
    };
    let upload = match read_upload(&actor, multipart).await {
        Ok(upload) => upload,
        Err(UploadRefusal::Csrf) => return crate::error::PageError::csrf(actor_lang(&actor)),
        Err(UploadRefusal::Problem(problem)) => {
            let result: Result<i64, AppError> = Err(AppError::field("document", problem));
            return after_change(&state, &actor, id, result, Typed::default(), "documents").await;
        }
    };
    let result = state.app.attach_document(&actor, id, &upload.name, &upload.media_type, &upload.content).await;
    after_change(&state, &actor, id, result, Typed::default(), "documents").await
}

struct Upload {
    name: String,
    media_type: String,
    content: Vec<u8>,
}

enum UploadRefusal {
    Csrf,
    Problem(Problem),
}

impl From<axum::extract::multipart::MultipartError> for UploadRefusal {
    fn from(error: axum::extract::multipart::MultipartError) -> Self {
        UploadRefusal::Problem(if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Problem::FileTooLarge { max_mb: DOCUMENT_MAX_MB }
        } else {
            Problem::Required
        })
    }
}

/// Reads the file and checks the form's CSRF token; stops at the size limit.
async fn read_upload(actor: &Actor, mut multipart: Multipart) -> Result<Upload, UploadRefusal> {
    let mut csrf = String::new();
    let mut upload = None;
    while let Some(mut field) = multipart.next_field().await? {
        match field.name() {
            Some("csrf") => csrf = field.text().await?,
            Some("document") => {
                let name = field.file_name().unwrap_or_default().to_owned();
                let media_type = field.content_type().unwrap_or("application/octet-stream").to_owned();
                let mut content = Vec::new();
                while let Some(chunk) = field.chunk().await? {
                    if content.len() + chunk.len() > DOCUMENT_MAX_BYTES {
                        return Err(UploadRefusal::Problem(Problem::FileTooLarge { max_mb: DOCUMENT_MAX_MB }));
                    }
                    content.extend_from_slice(&chunk);
                }
                upload = Some(Upload { name, media_type, content });
            }
            _ => {}
        }
    }
    if !actor.csrf_token().is_some_and(|t| crate::extract::tokens_match(t, &csrf)) {
        return Err(UploadRefusal::Csrf);
    }
    upload.filter(|u| !u.content.is_empty() && !u.name.is_empty()).ok_or(UploadRefusal::Problem(Problem::Required))
}

async fn download_document(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Path(id): Path<String>,
) -> Response {
    let id = match path_id(&actor, &id) {
        Ok(id) => id,
        Err(response) => return *response,
    };
    match state.app.meeting_document(&actor, id).await {
        Ok((document, content)) => {
            let disposition = format!("attachment; filename=\"{}\"", ascii_file_name(&document.file_name));
            let mut response = Response::new(Body::from(content));
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_str(&document.media_type)
                    .unwrap_or(HeaderValue::from_static("application/octet-stream")),
            );
            if let Ok(value) = HeaderValue::from_str(&disposition) {
                headers.insert(header::CONTENT_DISPOSITION, value);
            }
            headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
            response
        }
        Err(error) => failed(&actor, error),
    }
}

/// A file name safe in a `Content-Disposition` header.
fn ascii_file_name(name: &str) -> String {
    let safe: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || "._- ".contains(c) { c } else { '_' }).collect();
    if safe.trim().is_empty() { "document".to_owned() } else { safe }
}

// ---------------------------------------------------------------------------
// Actions

#[derive(Deserialize, Default)]
struct StatusForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    back: String,
}

async fn change_action(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<StatusForm>,
) -> Response {
    let id = match permitted_id(&state, &actor, Action::ManageGovernance, "governance.action.update", &id).await {
        Ok(id) => id,
        Err(response) => return *response,
    };
    let back = super::super::safe_back(&form.back);
    let back = if back.starts_with("/governance") { back.to_owned() } else { "/governance".to_owned() };
    match state.app.change_action(&actor, id, &form.status, &form.note).await {
        Ok(_) | Err(AppError::Conflict(_)) => Redirect::to(&format!("{back}#action-{id}")).into_response(),
        Err(error) => failed(&actor, error),
    }
}

// ---------------------------------------------------------------------------
// Calendars

fn event_texts(lang: Lang, entry: &CalendarEntry) -> EventTexts {
    EventTexts {
        summary: continuum_i18n::t_args(
            lang,
            "governance-calendar-summary",
            &[("name", continuum_i18n::Arg::from(entry.group_name.as_str()))],
        ),
        agenda: continuum_i18n::t(lang, "governance-agenda"),
        video: continuum_i18n::t(lang, "governance-video-link"),
    }
}

fn ics(body: String, file_name: &str) -> Response {
    let mut response = Response::new(Body::from(body));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/calendar; charset=utf-8"));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{file_name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

async fn meeting_ics(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let lang = actor_lang(&actor);
    let id = match path_id(&actor, &id) {
        Ok(id) => id,
        Err(response) => return *response,
    };
    match state.app.meeting_calendar(&actor, id).await {
        Ok(entry) => {
            let texts = event_texts(lang, &entry);
            ics(calendar(None, &[(entry, texts)], state.app.now()), &format!("meeting-{id}.ics"))
        }
        Err(error) => failed(&actor, error),
    }
}

async fn group_ics(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let lang = actor_lang(&actor);
    let id = match path_id(&actor, &id) {
        Ok(id) => id,
        Err(response) => return *response,
    };
    match state.app.group_calendar(&actor, id).await {
        Ok((group, entries)) => {
            let events: Vec<(CalendarEntry, EventTexts)> = entries
                .into_iter()
                .map(|entry| {
                    let texts = event_texts(lang, &entry);
                    (entry, texts)
                })
                .collect();
            ics(calendar(Some(&group.name), &events, state.app.now()), &format!("group-{id}.ics"))
        }
        Err(error) => failed(&actor, error),
    }
}

pub(super) fn routes(routes: Routes) -> Routes {
    let manage = Access::Policy(Action::ManageGovernance);
    let view = Access::Policy(Action::ViewGovernance);
    routes
        .add("GET", "/governance/groups/{id}/meetings/new", manage, get(new_meeting))
        .add("POST", "/governance/groups/{id}/meetings/new", manage, post(plan_meeting))
        .add("GET", "/governance/groups/{id}/calendar.ics", view, get(group_ics))
        .add("GET", "/governance/meetings/{id}", view, get(show))
        .add("GET", "/governance/meetings/{id}/calendar.ics", view, get(meeting_ics))
        .add("POST", "/governance/meetings/{id}/attendance", manage, post(record_attendance))
        .add("POST", "/governance/meetings/{id}/cancel", manage, post(cancel_meeting))
        .add("POST", "/governance/meetings/{id}/minutes", manage, post(save_minutes))
        .add("POST", "/governance/meetings/{id}/approve", manage, post(approve_minutes))
        .add("POST", "/governance/meetings/{id}/decisions", manage, post(record_decision))
        .add("POST", "/governance/meetings/{id}/actions", manage, post(add_action))
        .add("GET", "/governance/documents/{id}", view, get(download_document))
        .add("POST", "/governance/actions/{id}/status", manage, post(change_action))
        .add_upload(
            "POST",
            "/governance/meetings/{id}/documents",
            manage,
            post(attach_document).layer(axum::extract::DefaultBodyLimit::max(DOCUMENT_MAX_BYTES + 64 * 1024)),
        )
}
