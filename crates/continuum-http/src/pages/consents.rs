//! Consents on pages (issue 6, item 1): a person's consent history with
//! what each recipient may read now, the form to record a consent, one
//! consent with its signed form, and its withdrawal after a confirmation
//! page. The care team of the person's prison only (`continuum_app::consents`).

use askama::Template;
use axum::extract::multipart::MultipartError;
use axum::extract::{DefaultBodyLimit, Multipart, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use continuum_app::consents::{ConsentRecord, PersonConsents};
use continuum_app::reference::OrganisationFilter;
use continuum_app::{Actor, AppError, Paging};
use continuum_domain::consent::{
    ConsentDecision, ConsentDraft, ConsentFields, ConsentKind, Recipient, SIGNED_FORM_MAX_MB, Section, SharingPurpose,
    Standing, Verdict, Withdrawal,
};
use continuum_domain::ids::SiteId;
use continuum_domain::policy::{Action, Target};
use continuum_domain::validation::Invalid;
use continuum_i18n::{Arg, Lang};
use serde::Deserialize;

use super::people::{Choice, choices, display_name};
use super::sites::{SummaryItem, mark_errors, not_found, parse_id, short_time, summary};
use crate::error::PageError;
use crate::extract::{CsrfForm, SignedIn, actor_lang, tokens_match};
use crate::routes::{Access, Routes};
use crate::shell::{FormErrors, Shell};
use crate::state::AppState;

/// The largest upload accepted: the form's limit and room for the fields.
const UPLOAD_LIMIT_BYTES: usize = SIGNED_FORM_MAX_MB * 1024 * 1024;
/// A refused upload up to this size is still read through, so the browser
/// shows the page that says why (see `imports.rs`).
const READ_THROUGH_BYTES: usize = 2 * UPLOAD_LIMIT_BYTES + 64 * 1024;

/// How a recipient is named on a page.
pub(crate) fn recipient_label(lang: Lang, recipient: Recipient, organisation: Option<&str>) -> String {
    match recipient {
        Recipient::PsychosocialService => continuum_i18n::t(lang, "consent-recipient-psychosocial_service"),
        Recipient::Organisation(id) => organisation.map_or_else(|| format!("#{id}"), str::to_owned),
    }
}

/// A language's name where the interface has one (nl, fr, en), else its code.
fn language_name(lang: Lang, code: &str) -> String {
    let key = format!("language-{code}");
    if continuum_i18n::has_key(lang, &key) { continuum_i18n::t(lang, &key) } else { code.to_owned() }
}

fn section_label(lang: Lang, section: Section) -> String {
    continuum_i18n::t(lang, &format!("consent-section-{}", section.code()))
}

/// What a missing consent means, in words: which consent is missing.
pub(crate) fn verdict_text(lang: Lang, verdict: Verdict, recipient: &str) -> String {
    match verdict {
        Verdict::Allowed(id) => continuum_i18n::t_args(lang, "consent-allowed-by", &[("consent", Arg::Num(id.0))]),
        Verdict::Missing(missing) => continuum_i18n::t_args(
            lang,
            missing.message_id(),
            &[
                ("recipient", Arg::Str(recipient.to_owned())),
                ("section", Arg::Str(section_label(lang, missing.section))),
                ("consent", Arg::Num(missing.lack.consent().map_or(0, |c| c.0))),
            ],
        ),
    }
}

/// One consent as a line of the history, or the heading of its page.
struct ConsentLine {
    id: i64,
    kind: String,
    decision: String,
    recipient: String,
    purpose: String,
    sections: String,
    given_on: String,
    period: String,
    standing: String,
    in_force: bool,
    language: String,
    note: String,
    recorded: String,
    withdrawn: String,
    withdrawal_reason: String,
    form: Option<String>,
}

fn consent_line(lang: Lang, record: &ConsentRecord) -> ConsentLine {
    let row = &record.row;
    let t = |key: String| continuum_i18n::t(lang, &key);
    let sharing = record.consent.terms.sharing();
    let until = row.valid_until.clone().unwrap_or_else(|| t("consent-no-end".to_owned()));
    ConsentLine {
        id: row.id,
        kind: t(format!("consent-kind-{}", row.kind)),
        decision: t(format!("consent-decision-{}", row.decision)),
        recipient: sharing
            .map(|s| recipient_label(lang, s.recipient, row.recipient_organisation.as_deref()))
            .unwrap_or_default(),
        purpose: sharing.map(|s| t(format!("consent-purpose-{}", s.purpose.code()))).unwrap_or_default(),
        sections: sharing
            .map(|s| s.sections.iter().map(|x| section_label(lang, *x)).collect::<Vec<_>>().join(", "))
            .unwrap_or_default(),
        given_on: row.given_on.clone(),
        period: format!("{} – {until}", row.valid_from),
        standing: t(format!("consent-standing-{}", record.standing.code())),
        in_force: record.standing == Standing::InForce,
        language: language_name(lang, &row.explanation_language),
        note: row.note.clone(),
        recorded: format!("{} · {}", short_time(&row.recorded_at), row.recorded_by.clone().unwrap_or_default()),
        withdrawn: row
            .withdrawn_at
            .as_deref()
            .map(|at| format!("{} · {}", short_time(at), row.withdrawn_by.clone().unwrap_or_default()))
            .unwrap_or_default(),
        withdrawal_reason: row.withdrawal_reason.clone().unwrap_or_default(),
        form: row.form_file_name.clone(),
    }
}

// ---------------------------------------------------------------------------
// The history

/// What one recipient may read now.
struct AccessLine {
    recipient: String,
    sections: Vec<(String, bool, String)>,
}

#[derive(Template)]
#[template(path = "consents.html")]
struct ConsentsPage {
    shell: Shell,
    person_id: i64,
    name: String,
    may_record: bool,
    consents: Vec<ConsentLine>,
    access: Vec<AccessLine>,
    notice: String,
}

#[derive(Deserialize, Default)]
struct NoticeQuery {
    #[serde(default)]
    done: String,
}

fn notice(lang: Lang, done: &str) -> String {
    match done {
        "recorded" | "withdrawn" | "form" => continuum_i18n::t(lang, &format!("consent-done-{done}")),
        _ => String::new(),
    }
}

async fn history(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Path(id): Path<String>,
    Query(query): Query<NoticeQuery>,
) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let PersonConsents { person, consents, access } = match state.app.person_consents(&actor, id).await {
        Ok(found) => found,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let name = display_name(&person.family_name, &person.given_names);
    let path = format!("/people/{id}/consents");
    let mut shell = Shell::signed_in(&actor, state.settings.demo_mode, "consents-title", &path);
    shell.title = format!("{} · {name}", shell.title);
    let access = access
        .into_iter()
        .map(|a| {
            let recipient = recipient_label(lang, a.recipient, a.organisation.as_deref());
            let sections = a
                .sections
                .into_iter()
                .map(|(s, verdict)| {
                    (section_label(lang, s), verdict.is_allowed(), verdict_text(lang, verdict, &recipient))
                })
                .collect();
            AccessLine { recipient, sections }
        })
        .collect();
    let page = ConsentsPage {
        shell,
        person_id: id,
        may_record: person.merged_into.is_none()
            && actor.may(Action::WriteClinical, Target::site(SiteId(person.site_id))),
        consents: consents.iter().map(|c| consent_line(lang, c)).collect(),
        access,
        notice: notice(lang, &query.done),
        name,
    };
    super::render(StatusCode::OK, &page)
}

// ---------------------------------------------------------------------------
// Recording a consent

/// The consent form as typed.
#[derive(Deserialize, Default)]
struct ConsentForm {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    decision: String,
    #[serde(default)]
    given_on: String,
    #[serde(default)]
    explanation_language: String,
    #[serde(default)]
    valid_from: String,
    #[serde(default)]
    valid_until: String,
    /// `psychosocial_service` or `organisation:ID`.
    #[serde(default)]
    recipient: String,
    #[serde(default)]
    purpose: String,
    #[serde(default)]
    sections: Vec<String>,
    #[serde(default)]
    note: String,
}

impl ConsentForm {
    /// The recipient's kind and organisation id, from the one select.
    fn recipient(&self) -> (&str, Option<i64>) {
        match self.recipient.trim().split_once(':') {
            Some(("organisation", id)) => ("organisation", id.parse().ok()),
            Some(_) => ("invalid", None),
            None => (self.recipient.trim(), None),
        }
    }

    fn parse(&self, today: jiff::civil::Date) -> Result<ConsentDraft, Invalid> {
        let (recipient, organisation) = self.recipient();
        ConsentDraft::parse(
            &ConsentFields {
                kind: &self.kind,
                decision: &self.decision,
                given_on: &self.given_on,
                explanation_language: &self.explanation_language,
                valid_from: &self.valid_from,
                valid_until: &self.valid_until,
                recipient,
                organisation,
                purpose: &self.purpose,
                sections: &self.sections,
                note: &self.note,
            },
            today,
        )
    }
}

/// A section's checkbox.
struct SectionChoice {
    code: &'static str,
    label: String,
    checked: bool,
}

#[derive(Template)]
#[template(path = "consent_form.html")]
struct ConsentFormPage {
    shell: Shell,
    person_id: i64,
    name: String,
    form: ConsentForm,
    kinds: Vec<Choice>,
    decisions: Vec<Choice>,
    recipients: Vec<Choice>,
    purposes: Vec<Choice>,
    sections: Vec<SectionChoice>,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
}

const FIELDS: &[(&str, &str)] = &[
    ("kind", "consent-kind"),
    ("decision", "consent-decision"),
    ("given_on", "consent-given-on"),
    ("explanation_language", "consent-explanation-language"),
    ("valid_from", "consent-valid-from"),
    ("valid_until", "consent-valid-until"),
    ("recipient", "consent-recipient"),
    ("purpose", "consent-purpose"),
    ("sections", "consent-sections"),
    ("note", "consent-note"),
];

async fn form_page(
    state: &AppState,
    actor: &Actor,
    person_id: i64,
    form: ConsentForm,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let lang = actor_lang(actor);
    let person = match state.app.get_person(actor, person_id).await {
        Ok(record) => record.person,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    if !actor.may(Action::WriteClinical, Target::site(SiteId(person.site_id))) {
        return PageError::new(AppError::Forbidden, lang).into_response();
    }
    let filter = OrganisationFilter::default();
    let organisations = match state.app.list_organisations(actor, &filter, Paging { page: 1, per_page: 200 }).await {
        Ok(listing) => listing.items,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let path = format!("/people/{person_id}/consents/new");
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "consent-new-title", &path);
    mark_errors(&mut shell, errors.any());
    let chosen_recipient = form.recipient.trim().to_owned();
    let mut recipients = vec![Choice {
        code: "psychosocial_service".to_owned(),
        label: continuum_i18n::t(lang, "consent-recipient-psychosocial_service"),
        selected: chosen_recipient == "psychosocial_service",
    }];
    recipients.extend(organisations.into_iter().filter(|o| o.active && o.kind != "prison").map(|o| {
        let code = format!("organisation:{}", o.id);
        Choice { selected: code == chosen_recipient, code, label: o.name }
    }));
    let chosen_sections: Vec<&str> = form.sections.iter().flat_map(|s| s.split(',')).map(str::trim).collect();
    let page = ConsentFormPage {
        shell,
        person_id,
        name: display_name(&person.family_name, &person.given_names),
        kinds: choices(lang, &ConsentKind::ALL, ConsentKind::code, "consent-kind", form.kind.trim()),
        decisions: choices(
            lang,
            &ConsentDecision::ALL,
            ConsentDecision::code,
            "consent-decision",
            form.decision.trim(),
        ),
        recipients,
        purposes: choices(lang, &SharingPurpose::ALL, SharingPurpose::code, "consent-purpose", form.purpose.trim()),
        sections: Section::ALL
            .iter()
            .map(|s| SectionChoice {
                code: s.code(),
                label: section_label(lang, *s),
                checked: chosen_sections.contains(&s.code()),
            })
            .collect(),
        summary: summary(lang, errors.all(), FIELDS),
        form,
        errors,
    };
    super::render(status, &page)
}

async fn new_form(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteClinical, "consent.create").await {
        return refused;
    }
    let preferred = match state.app.get_person(&actor, id).await {
        Ok(record) => record.person.preferred_language,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let form = ConsentForm {
        given_on: state.app.belgian_today().to_string(),
        explanation_language: preferred,
        ..ConsentForm::default()
    };
    form_page(&state, &actor, id, form, FormErrors::default(), StatusCode::OK).await
}

async fn create(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<ConsentForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteClinical, "consent.create").await {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let invalid = match form.parse(state.app.belgian_today()) {
        Ok(draft) => match state.app.record_consent(&actor, id, &draft).await {
            Ok(_) => return Redirect::to(&format!("/people/{id}/consents?done=recorded")).into_response(),
            Err(AppError::Invalid(invalid)) => invalid,
            Err(error) => return PageError::new(error, lang).into_response(),
        },
        Err(invalid) => invalid,
    };
    let errors = FormErrors::new(lang, &invalid);
    form_page(&state, &actor, id, form, errors, StatusCode::UNPROCESSABLE_ENTITY).await
}

// ---------------------------------------------------------------------------
// One consent, its signed form and its withdrawal

#[derive(Template)]
#[template(path = "consent.html")]
struct ConsentPage {
    shell: Shell,
    person_id: i64,
    consent: ConsentLine,
    may_write: bool,
    withdrawn: bool,
    form_error: String,
    limit: String,
    notice: String,
}

async fn consent_page(
    state: &AppState,
    actor: &Actor,
    id: i64,
    form_error: String,
    status: StatusCode,
    done: &str,
) -> Response {
    let lang = actor_lang(actor);
    let record = match state.app.get_consent(actor, id).await {
        Ok(record) => record,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let path = format!("/consents/{id}");
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "consent-title", &path);
    mark_errors(&mut shell, !form_error.is_empty());
    let page = ConsentPage {
        shell,
        person_id: record.row.person_id,
        may_write: actor.may(Action::WriteClinical, Target::site(record.site)),
        withdrawn: record.row.withdrawn_at.is_some(),
        consent: consent_line(lang, &record),
        form_error,
        limit: continuum_i18n::t_args(lang, "consent-form-hint", &[("mb", Arg::Num(SIGNED_FORM_MAX_MB as i64))]),
        notice: notice(lang, done),
    };
    super::render(status, &page)
}

async fn show(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Path(id): Path<String>,
    Query(query): Query<NoticeQuery>,
) -> Response {
    let Some(id) = parse_id(&id) else {
        return not_found(actor_lang(&actor));
    };
    consent_page(&state, &actor, id, String::new(), StatusCode::OK, &query.done).await
}

#[derive(Template)]
#[template(path = "consent_withdraw.html")]
struct WithdrawPage {
    shell: Shell,
    consent: ConsentLine,
    reason: String,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
}

async fn withdraw_page(state: &AppState, actor: &Actor, id: i64, reason: String, errors: FormErrors) -> Response {
    let lang = actor_lang(actor);
    let record = match state.app.get_consent(actor, id).await {
        Ok(record) => record,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let status = if errors.any() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    let mut shell = Shell::signed_in(
        actor,
        state.settings.demo_mode,
        "consent-withdraw-title",
        &format!("/consents/{id}/withdraw"),
    );
    mark_errors(&mut shell, errors.any());
    let page = WithdrawPage {
        shell,
        consent: consent_line(lang, &record),
        reason,
        summary: summary(lang, errors.all(), &[("reason", "consent-withdrawal-reason")]),
        errors,
    };
    super::render(status, &page)
}

async fn withdraw_form(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteClinical, "consent.withdraw").await {
        return refused;
    }
    withdraw_page(&state, &actor, id, String::new(), FormErrors::default()).await
}

#[derive(Deserialize, Default)]
struct WithdrawForm {
    #[serde(default)]
    reason: String,
}

async fn withdraw(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<WithdrawForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteClinical, "consent.withdraw").await {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let withdrawal = match Withdrawal::parse(&form.reason) {
        Ok(withdrawal) => withdrawal,
        Err(invalid) => return withdraw_page(&state, &actor, id, form.reason, FormErrors::new(lang, &invalid)).await,
    };
    match state.app.withdraw_consent(&actor, id, &withdrawal).await {
        Ok(()) => Redirect::to(&format!("/consents/{id}?done=withdrawn")).into_response(),
        Err(AppError::Conflict(code)) => {
            withdraw_page(&state, &actor, id, form.reason, FormErrors::general(lang, code)).await
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

/// The signed form, as a download.
async fn download(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let form = match state.app.consent_form(&actor, id).await {
        Ok(form) => form,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let file_name: String =
        form.file_name.chars().map(|c| if c.is_ascii_alphanumeric() || "._-".contains(c) { c } else { '_' }).collect();
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{file_name}\"")),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        form.content,
    )
        .into_response()
}

/// What the upload form sent.
#[derive(Default)]
struct Upload {
    csrf: String,
    file_name: String,
    file: Vec<u8>,
    too_large: bool,
}

async fn read_upload(multipart: &mut Multipart) -> Result<Upload, MultipartError> {
    let mut upload = Upload::default();
    while let Some(mut field) = multipart.next_field().await? {
        match field.name().unwrap_or_default() {
            "csrf" => upload.csrf = field.text().await?,
            "form" => {
                upload.file_name = field.file_name().unwrap_or_default().to_owned();
                while let Some(chunk) = field.chunk().await? {
                    if upload.too_large {
                        continue;
                    }
                    if upload.file.len() + chunk.len() > UPLOAD_LIMIT_BYTES {
                        upload.too_large = true;
                        upload.file.clear();
                    } else {
                        upload.file.extend_from_slice(&chunk);
                    }
                }
            }
            _ => {}
        }
    }
    Ok(upload)
}

async fn upload(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Path(id): Path<String>,
    headers: HeaderMap,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteClinical, "consent.form_upload").await {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let too_large = || {
        crate::shell::render(
            lang,
            &continuum_domain::validation::FieldError {
                field: "form",
                problem: continuum_domain::validation::Problem::FileTooLarge { max_mb: SIGNED_FORM_MAX_MB },
            },
        )
    };
    let declared =
        headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > READ_THROUGH_BYTES) {
        return consent_page(&state, &actor, id, too_large(), StatusCode::PAYLOAD_TOO_LARGE, "").await;
    }
    let unreadable = || continuum_i18n::t(lang, "consent-form-unreadable");
    let Ok(mut multipart) = multipart else {
        return consent_page(&state, &actor, id, unreadable(), StatusCode::UNPROCESSABLE_ENTITY, "").await;
    };
    let upload = match read_upload(&mut multipart).await {
        Ok(upload) if upload.too_large => {
            return consent_page(&state, &actor, id, too_large(), StatusCode::PAYLOAD_TOO_LARGE, "").await;
        }
        Ok(upload) => upload,
        Err(error) if error.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return consent_page(&state, &actor, id, too_large(), StatusCode::PAYLOAD_TOO_LARGE, "").await;
        }
        Err(_) => return consent_page(&state, &actor, id, unreadable(), StatusCode::UNPROCESSABLE_ENTITY, "").await,
    };
    if !actor.csrf_token().is_some_and(|t| tokens_match(t, &upload.csrf)) {
        return PageError::csrf(lang);
    }
    match state.app.attach_consent_form(&actor, id, &upload.file_name, &upload.file).await {
        Ok(()) => Redirect::to(&format!("/consents/{id}?done=form")).into_response(),
        Err(AppError::Invalid(invalid)) => {
            let message = FormErrors::new(lang, &invalid).get("form");
            consent_page(&state, &actor, id, message, StatusCode::UNPROCESSABLE_ENTITY, "").await
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

pub(crate) fn routes(routes: Routes) -> Routes {
    let read = Access::Policy(Action::ReadClinical);
    let write = Access::Policy(Action::WriteClinical);
    routes
        .add("GET", "/people/{id}/consents", read, get(history))
        .add("GET", "/people/{id}/consents/new", write, get(new_form))
        .add("POST", "/people/{id}/consents/new", write, post(create))
        .add("GET", "/consents/{id}", read, get(show))
        .add("GET", "/consents/{id}/withdraw", write, get(withdraw_form))
        .add("POST", "/consents/{id}/withdraw", write, post(withdraw))
        .add("GET", "/consents/{id}/form", read, get(download))
        .add_upload("POST", "/consents/{id}/form", write, post(upload).layer(DefaultBodyLimit::max(READ_THROUGH_BYTES)))
}
