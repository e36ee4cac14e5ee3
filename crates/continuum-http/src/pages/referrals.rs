//! Referrals on pages (issue 6, items 3 and 4): the list of referrals (for
//! the care team those of its prisons; for an outside provider its portal,
//! the people referred to its organisation within their consent), a
//! person's referrals, the form to write one (a service that does not fit
//! the person is a warning to confirm), one referral with its history and
//! the steps the reader may take, sending (refused naming each missing
//! consent) and closing after a confirmation page
//! (`continuum_app::referrals`).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use continuum_app::directory::DirectoryFilter;
use continuum_app::referrals::{
    Creation, Referral, ReferralEvent, ReferralFilter, ReferralRecord, Sending, SharedContent,
};
use continuum_app::{Actor, AppError, Paging};
use continuum_domain::care::plan::InterventionKind;
use continuum_domain::consent::{MissingConsent, Section, Verdict};
use continuum_domain::ids::SiteId;
use continuum_domain::policy::{Action, Target};
use continuum_domain::referral::{
    CoverageWarning, Party, ReferralDraft, ReferralFields, ReferralStatus, Step, StepFields, Urgency,
};
use continuum_domain::validation::Invalid;
use continuum_i18n::{Arg, Lang};
use serde::Deserialize;

use super::consents::verdict_text;
use super::people::{Choice, choices, display_name};
use super::sites::{
    Pager, SummaryItem, language_names, mark_errors, not_found, page_number, parse_id, short_time, summary,
};
use crate::error::PageError;
use crate::extract::{CsrfForm, SignedIn, actor_lang};
use crate::routes::{Access, Routes};
use crate::shell::{FormErrors, Shell};
use crate::state::AppState;

const PER_PAGE: u32 = 25;

fn section_label(lang: Lang, section: Section) -> String {
    continuum_i18n::t(lang, &format!("consent-section-{}", section.code()))
}

pub(super) fn status_label(lang: Lang, status: ReferralStatus) -> String {
    continuum_i18n::t(lang, &format!("referral-status-{}", status.code()))
}

/// The messages that say which consents are missing.
pub(crate) fn missing_consent_messages(lang: Lang, missing: &[MissingConsent], organisation: &str) -> Vec<String> {
    missing.iter().map(|m| verdict_text(lang, Verdict::Missing(*m), organisation)).collect()
}

/// One referral as a line of a list.
pub(super) struct ReferralLine {
    pub id: i64,
    pub person_id: i64,
    pub name: String,
    pub birth_date: String,
    pub prison: String,
    pub service: String,
    pub organisation: String,
    pub urgency: String,
    pub urgent: bool,
    pub status: String,
    pub appointment: String,
    pub overdue: String,
}

pub(super) fn referral_line(lang: Lang, r: &Referral) -> ReferralLine {
    ReferralLine {
        id: r.row.id,
        person_id: r.row.person_id,
        name: display_name(&r.row.family_name, &r.row.given_names),
        birth_date: r.row.birth_date.clone(),
        prison: r.row.person_site.clone(),
        service: r.row.service.clone(),
        organisation: r.row.organisation.clone(),
        urgency: continuum_i18n::t(lang, &format!("referral-urgency-{}", r.urgency.code())),
        urgent: r.urgency != Urgency::Routine,
        status: status_label(lang, r.status),
        appointment: r.appointment.map(|a| a.strftime("%Y-%m-%d %H:%M").to_string()).unwrap_or_default(),
        overdue: r.overdue.map(|o| continuum_i18n::t(lang, o.message_id())).unwrap_or_default(),
    }
}

/// Overdue referrals shown on the worklist; the rest are on `/referrals`.
const OVERDUE_SHOWN: u32 = 10;

/// The worklist's overdue referrals of a prison and how many there are;
/// `None` for a reader without clinical access there.
pub(super) async fn overdue_lines(
    state: &AppState,
    actor: &Actor,
    site: SiteId,
) -> Result<(Option<Vec<ReferralLine>>, i64), AppError> {
    if !actor.may(Action::ReadClinical, Target::site(site)) {
        return Ok((None, 0));
    }
    let lang = actor_lang(actor);
    let filter = ReferralFilter { status: None, overdue: true, site: Some(site) };
    let listing = state.app.list_referrals(actor, filter, Paging { page: 1, per_page: OVERDUE_SHOWN }).await?;
    Ok((Some(listing.items.iter().map(|r| referral_line(lang, r)).collect()), listing.total))
}

// ---------------------------------------------------------------------------
// The list (the care team's referrals; the outside provider's portal)

#[derive(Deserialize, Default)]
struct ListQuery {
    #[serde(default)]
    status: String,
    /// `on` (the checkbox) for the overdue only.
    #[serde(default)]
    overdue: String,
    #[serde(default)]
    page: String,
}

#[derive(Template)]
#[template(path = "referrals.html")]
struct ReferralsPage {
    shell: Shell,
    portal: bool,
    statuses: Vec<Choice>,
    overdue: bool,
    rows: Vec<ReferralLine>,
    pager: Pager,
}

async fn list(State(state): State<AppState>, SignedIn(actor): SignedIn, Query(query): Query<ListQuery>) -> Response {
    let lang = actor_lang(&actor);
    let status = ReferralStatus::parse(&query.status);
    let overdue = query.overdue == "on";
    let filter = ReferralFilter { status, overdue, site: None };
    let paging = Paging { page: page_number(&query.page), per_page: PER_PAGE };
    let listing = match state.app.list_referrals(&actor, filter, paging).await {
        Ok(listing) => listing,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let chosen = status.map_or("", ReferralStatus::code);
    let params: Vec<(&str, &str)> = vec![("status", chosen), ("overdue", if overdue { "on" } else { "" })];
    let pager = Pager::new(lang, &listing, "/referrals", &params);
    let portal = actor.is_outside_provider();
    let title = if portal { "referrals-portal-title" } else { "referrals-title" };
    let page = ReferralsPage {
        shell: Shell::signed_in(&actor, state.settings.demo_mode, title, "/referrals"),
        portal,
        statuses: choices(lang, &ReferralStatus::ALL, ReferralStatus::code, "referral-status", chosen),
        overdue,
        rows: listing.items.iter().map(|r| referral_line(lang, r)).collect(),
        pager,
    };
    super::render(StatusCode::OK, &page)
}

// ---------------------------------------------------------------------------
// A person's referrals

#[derive(Template)]
#[template(path = "person_referrals.html")]
struct PersonReferralsPage {
    shell: Shell,
    person_id: i64,
    may_write: bool,
    rows: Vec<ReferralLine>,
}

async fn person_referrals(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Path(id): Path<String>,
) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let referrals = match state.app.person_referrals(&actor, id).await {
        Ok(referrals) => referrals,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let person = match state.app.get_person(&actor, id).await {
        Ok(record) => record.person,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let name = display_name(&person.family_name, &person.given_names);
    let mut shell = Shell::signed_in(&actor, state.settings.demo_mode, "person-referrals-title", "/referrals");
    shell.title = format!("{} · {name}", shell.title);
    let page = PersonReferralsPage {
        shell,
        person_id: id,
        may_write: person.merged_into.is_none()
            && actor.may(Action::WriteClinical, Target::site(SiteId(person.site_id))),
        rows: referrals.iter().map(|r| referral_line(lang, r)).collect(),
    };
    super::render(StatusCode::OK, &page)
}

// ---------------------------------------------------------------------------
// Writing a referral

/// The referral form as typed.
#[derive(Deserialize, Default)]
struct ReferralForm {
    #[serde(default)]
    service: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    urgency: String,
    #[serde(default)]
    sections: Vec<String>,
    /// `on` once the user confirmed the coverage warnings shown.
    #[serde(default)]
    confirm_coverage: String,
}

impl ReferralForm {
    fn parse(&self) -> Result<ReferralDraft, Invalid> {
        ReferralDraft::parse(&ReferralFields {
            service: self.service.trim().parse().ok(),
            reason: &self.reason,
            urgency: &self.urgency,
            sections: &self.sections,
        })
    }
}

/// A section's checkbox.
struct SectionChoice {
    code: &'static str,
    label: String,
    checked: bool,
}

#[derive(Template)]
#[template(path = "referral_form.html")]
struct ReferralFormPage {
    shell: Shell,
    person_id: i64,
    name: String,
    form: ReferralForm,
    services: Vec<Choice>,
    urgencies: Vec<Choice>,
    sections: Vec<SectionChoice>,
    warnings: Vec<String>,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
}

const FIELDS: &[(&str, &str)] = &[
    ("service", "referral-service"),
    ("reason", "referral-reason"),
    ("urgency", "referral-urgency"),
    ("sections", "referral-sections"),
    ("confirm_coverage", "referral-confirm-coverage"),
];

async fn form_page(
    state: &AppState,
    actor: &Actor,
    person_id: i64,
    form: ReferralForm,
    warnings: &[CoverageWarning],
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let lang = actor_lang(actor);
    let person = match state.app.get_person(actor, person_id).await {
        Ok(record) => record.person,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    if !actor.may(Action::WriteClinical, Target::site(SiteId(person.site_id))) {
        return PageError::new(AppError::NotFound, lang).into_response();
    }
    let paging = Paging { page: 1, per_page: 200 };
    let services = match state.app.search_directory(actor, &DirectoryFilter::default(), paging).await {
        Ok(listing) => listing.items,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let mut shell = Shell::signed_in(
        actor,
        state.settings.demo_mode,
        "referral-new-title",
        &format!("/people/{person_id}/referrals/new"),
    );
    mark_errors(&mut shell, errors.any());
    let chosen_service = form.service.trim().to_owned();
    let chosen_sections: Vec<&str> = form.sections.iter().flat_map(|s| s.split(',')).map(str::trim).collect();
    let page = ReferralFormPage {
        shell,
        person_id,
        name: display_name(&person.family_name, &person.given_names),
        services: services
            .into_iter()
            .map(|s| {
                let code = s.id.to_string();
                let kind = continuum_i18n::t(lang, &format!("service-kind-{}", s.kind));
                let label = format!(
                    "{} ({}) · {kind} · {} · {}",
                    s.name,
                    s.organisation,
                    s.sites.join(", "),
                    language_names(lang, &s.languages)
                );
                Choice { selected: code == chosen_service, code, label }
            })
            .collect(),
        urgencies: choices(lang, &Urgency::ALL, Urgency::code, "referral-urgency", form.urgency.trim()),
        sections: Section::for_referral()
            .iter()
            .map(|s| SectionChoice {
                code: s.code(),
                label: section_label(lang, *s),
                checked: chosen_sections.contains(&s.code()),
            })
            .collect(),
        warnings: warnings.iter().map(|w| continuum_i18n::t(lang, w.message_id())).collect(),
        summary: summary(lang, errors.all(), FIELDS),
        form,
        errors,
    };
    super::render(status, &page)
}

/// The query of the new-referral form: the key of the care plan's referral
/// intervention it starts from, if any. Only the key travels in the URL, so
/// no clinical text lands in logs or the browser's history.
#[derive(Debug, Default, Deserialize)]
struct NewReferralQuery {
    #[serde(default)]
    from_plan: String,
}

async fn new_form(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Path(id): Path<String>,
    Query(query): Query<NewReferralQuery>,
) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteClinical, "referral.create").await {
        return refused;
    }
    let reason = match query.from_plan.trim() {
        "" => String::new(),
        key => match state.app.person_care_plan(&actor, id).await {
            Ok(plan) => plan_referral_reason(plan.as_ref(), key).unwrap_or_default(),
            Err(error) => return PageError::new(error, lang).into_response(),
        },
    };
    let form = ReferralForm {
        reason,
        urgency: Urgency::Routine.code().to_owned(),
        sections: vec![Section::Identity.code().to_owned()],
        ..ReferralForm::default()
    };
    form_page(&state, &actor, id, form, &[], FormErrors::default(), StatusCode::OK).await
}

/// The description of the referral intervention `key` of the plan's current
/// version, the reason a referral started from the plan begins with.
fn plan_referral_reason(plan: Option<&continuum_app::care::plans::CarePlan>, key: &str) -> Option<String> {
    let current = plan?.current()?;
    current
        .plan
        .interventions
        .iter()
        .find(|i| i.key == key && i.kind == InterventionKind::Referral)
        .map(|i| i.description.clone())
}

async fn create(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<ReferralForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteClinical, "referral.create").await {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let (invalid, warnings) = match form.parse() {
        Ok(draft) => match state.app.create_referral(&actor, id, &draft, form.confirm_coverage == "on").await {
            Ok(Creation::Created(referral)) => {
                return Redirect::to(&format!("/referrals/{referral}?done=created")).into_response();
            }
            Ok(Creation::ToConfirm(warnings)) => {
                let mut invalid = Invalid::default();
                invalid.push("confirm_coverage", continuum_domain::validation::Problem::CoverageToConfirm);
                (invalid, warnings)
            }
            Err(AppError::Invalid(invalid)) => (invalid, Vec::new()),
            Err(error) => return PageError::new(error, lang).into_response(),
        },
        Err(invalid) => (invalid, Vec::new()),
    };
    let errors = FormErrors::new(lang, &invalid);
    form_page(&state, &actor, id, form, &warnings, errors, StatusCode::UNPROCESSABLE_ENTITY).await
}

// ---------------------------------------------------------------------------
// One referral

/// One change of the history.
struct EventLine {
    at: String,
    what: String,
    status: String,
    party: String,
    by: String,
    detail: String,
}

/// A section shared and whether the consents let the organisation read it now.
struct SharingLine {
    section: String,
    allowed: bool,
    text: String,
}

/// What the provider is shown of one section.
struct SharedSection {
    title: String,
    lines: Vec<(String, String)>,
    empty: String,
}

/// The step forms' fields, as typed when shown again.
#[derive(Deserialize, Default)]
struct StepForm {
    #[serde(default)]
    step: String,
    #[serde(default)]
    appointment_at: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    note: String,
}

#[derive(Template)]
#[template(path = "referral.html")]
struct ReferralPage {
    shell: Shell,
    referral: ReferralLine,
    provider: bool,
    reason: String,
    sections: String,
    coverage: Vec<String>,
    appointment_place: String,
    sharing: Vec<SharingLine>,
    shared: Vec<SharedSection>,
    events: Vec<EventLine>,
    may_send: bool,
    may_close: bool,
    step_buttons: Vec<(String, String)>,
    may_refuse: bool,
    may_appoint: bool,
    form: StepForm,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
    notice: String,
}

#[derive(Deserialize, Default)]
struct NoticeQuery {
    #[serde(default)]
    done: String,
}

fn notice(lang: Lang, done: &str) -> String {
    match done {
        "created" | "sent" | "step" => continuum_i18n::t(lang, &format!("referral-done-{done}")),
        _ => String::new(),
    }
}

const STEP_FIELDS: &[(&str, &str)] = &[
    ("step", "referral-step"),
    ("appointment_at", "referral-appointment-at"),
    ("place", "referral-place"),
    ("note", "referral-note"),
];

fn event_line(lang: Lang, e: &ReferralEvent) -> EventLine {
    let what =
        if e.step == "create" { "referral-event-create".to_owned() } else { format!("referral-step-{}", e.step) };
    let detail = match (&e.appointment_at, e.note.is_empty()) {
        (Some(at), _) => {
            let at = at.replace('T', " ");
            if e.appointment_place.is_empty() { at } else { format!("{at} · {}", e.appointment_place) }
        }
        (None, false) => e.note.clone(),
        (None, true) => String::new(),
    };
    EventLine {
        at: short_time(&e.at),
        what: continuum_i18n::t(lang, &what),
        status: ReferralStatus::parse(&e.status).map(|s| status_label(lang, s)).unwrap_or_default(),
        party: continuum_i18n::t(lang, &format!("referral-party-{}", e.party)),
        by: e.by.clone().unwrap_or_default(),
        detail,
    }
}

fn shared_sections(lang: Lang, shared: &SharedContent) -> Vec<SharedSection> {
    let t = |key: &str| continuum_i18n::t(lang, key);
    let mut out = Vec::new();
    if let Some(identity) = &shared.identity {
        let lines = vec![
            (t("name"), display_name(&identity.family_name, &identity.given_names)),
            (t("person-birth-date"), identity.birth_date.clone()),
            (t("person-sex"), t(&format!("sex-{}", identity.sex))),
            (t("person-languages"), identity.languages.clone()),
            (t("person-preferred-language"), identity.preferred_language.clone()),
            (t("person-site"), identity.prison.clone()),
            (t("person-prison-number"), identity.prison_number.clone().unwrap_or_default()),
        ];
        out.push(SharedSection { title: section_label(lang, Section::Identity), lines, empty: String::new() });
    }
    if let Some(screenings) = &shared.screenings {
        let lines = screenings
            .iter()
            .map(|s| {
                let result = t(if s.positive { "referral-screening-positive" } else { "referral-screening-negative" });
                (
                    format!("{} {}", s.instrument.to_uppercase(), s.version),
                    format!("{} · {result}", short_time(&s.completed_at)),
                )
            })
            .collect();
        out.push(SharedSection {
            title: section_label(lang, Section::Screening),
            lines,
            empty: t("referral-shared-screening-none"),
        });
    }
    if let Some(medication) = &shared.medication {
        let lines = medication
            .iter()
            .map(|m| {
                let dose = continuum_i18n::t_args(
                    lang,
                    "referral-shared-dose",
                    &[("dose", Arg::Str(format_milligrams(m.daily_dose_ug))), ("date", Arg::Str(m.start_date.clone()))],
                );
                (t(&format!("oat-medicine-{}", m.medicine)), dose)
            })
            .collect();
        out.push(SharedSection {
            title: section_label(lang, Section::Medication),
            lines,
            empty: t("referral-shared-medication-none"),
        });
    }
    if let Some(appointments) = &shared.appointments {
        let lines = appointments
            .iter()
            .map(|a| {
                let status = ReferralStatus::parse(&a.status).map(|s| status_label(lang, s)).unwrap_or_default();
                let place = if a.place.is_empty() { String::new() } else { format!(" · {}", a.place) };
                (a.at.replace('T', " "), format!("{}{place} · {status}", a.service))
            })
            .collect();
        out.push(SharedSection {
            title: section_label(lang, Section::Appointments),
            lines,
            empty: t("referral-shared-appointments-none"),
        });
    }
    out
}

/// Micrograms as milligrams: `60`, `0.4`.
fn format_milligrams(ug: i64) -> String {
    if ug % 1000 == 0 { (ug / 1000).to_string() } else { format!("{}", ug as f64 / 1000.0) }
}

async fn referral_page(
    state: &AppState,
    actor: &Actor,
    id: i64,
    form: StepForm,
    errors: FormErrors,
    status: StatusCode,
    done: &str,
) -> Response {
    let lang = actor_lang(actor);
    let record = match state.app.get_referral(actor, id).await {
        Ok(record) => record,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let ReferralRecord { referral, events, party, steps, sharing, shared } = record;
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "referral-title", &format!("/referrals/{id}"));
    mark_errors(&mut shell, errors.any());
    let organisation = referral.row.organisation.clone();
    let step_buttons = steps
        .iter()
        .filter(|s| matches!(s, Step::Accept | Step::Attended | Step::NotAttended))
        .map(|s| (s.code().to_owned(), continuum_i18n::t(lang, &format!("referral-step-{}", s.code()))))
        .collect();
    let page = ReferralPage {
        provider: party == Party::Provider,
        reason: referral.row.reason.clone(),
        sections: referral.sections.iter().map(|s| section_label(lang, *s)).collect::<Vec<_>>().join(", "),
        coverage: referral.coverage_confirmed.iter().map(|w| continuum_i18n::t(lang, w.message_id())).collect(),
        appointment_place: referral.row.appointment_place.clone(),
        sharing: sharing
            .into_iter()
            .map(|(section, verdict)| SharingLine {
                section: section_label(lang, section),
                allowed: verdict.is_allowed(),
                text: verdict_text(lang, verdict, &organisation),
            })
            .collect(),
        shared: shared_sections(lang, &shared),
        events: events.iter().map(|e| event_line(lang, e)).collect(),
        may_send: steps.contains(&Step::Send),
        may_close: steps.contains(&Step::Close),
        may_refuse: steps.contains(&Step::Refuse),
        may_appoint: steps.contains(&Step::GiveAppointment),
        step_buttons,
        summary: summary(lang, errors.all(), STEP_FIELDS),
        form,
        errors,
        notice: notice(lang, done),
        referral: referral_line(lang, &referral),
        shell,
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
    referral_page(&state, &actor, id, StepForm::default(), FormErrors::default(), StatusCode::OK, &query.done).await
}

/// Sending a draft: refused, naming each missing consent, without one.
async fn send(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<StepForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteClinical, "referral.send").await {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    match state.app.send_referral(&actor, id).await {
        Ok(Sending::Sent) => Redirect::to(&format!("/referrals/{id}?done=sent")).into_response(),
        Ok(Sending::ConsentMissing(missing)) => {
            let organisation = match state.app.get_referral(&actor, id).await {
                Ok(record) => record.referral.row.organisation,
                Err(error) => return PageError::new(error, lang).into_response(),
            };
            let messages = missing_consent_messages(lang, &missing, &organisation);
            let errors = FormErrors::of_messages(messages);
            referral_page(&state, &actor, id, form, errors, StatusCode::UNPROCESSABLE_ENTITY, "").await
        }
        Err(AppError::Conflict(code)) => {
            referral_page(&state, &actor, id, form, FormErrors::general(lang, code), StatusCode::CONFLICT, "").await
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

/// A step of the service (or closing): shown again with what was typed
/// when refused.
async fn take_step(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<StepForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::UpdateReferral, "referral.step").await {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let fields =
        StepFields { step: &form.step, appointment_at: &form.appointment_at, place: &form.place, note: &form.note };
    let (errors, status) = match state.app.take_referral_step(&actor, id, &fields).await {
        Ok(()) => return Redirect::to(&format!("/referrals/{id}?done=step")).into_response(),
        Err(AppError::Invalid(invalid)) => (FormErrors::new(lang, &invalid), StatusCode::UNPROCESSABLE_ENTITY),
        Err(AppError::Conflict(code)) => (FormErrors::general(lang, code), StatusCode::CONFLICT),
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    if form.step == Step::Close.code() {
        return close_page(&state, &actor, id, form, errors, status).await;
    }
    referral_page(&state, &actor, id, form, errors, status, "").await
}

// ---------------------------------------------------------------------------
// Closing, after a confirmation

#[derive(Template)]
#[template(path = "referral_close.html")]
struct ClosePage {
    shell: Shell,
    referral: ReferralLine,
    note: String,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
}

async fn close_page(
    state: &AppState,
    actor: &Actor,
    id: i64,
    form: StepForm,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let lang = actor_lang(actor);
    let record = match state.app.get_referral(actor, id).await {
        Ok(record) if record.steps.contains(&Step::Close) => record,
        Ok(_) => return PageError::new(AppError::Conflict("referral-step-not-from-status"), lang).into_response(),
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let mut shell =
        Shell::signed_in(actor, state.settings.demo_mode, "referral-close-title", &format!("/referrals/{id}/close"));
    mark_errors(&mut shell, errors.any());
    let page = ClosePage {
        shell,
        referral: referral_line(lang, &record.referral),
        note: form.note,
        summary: summary(lang, errors.all(), &[("note", "referral-close-reason")]),
        errors,
    };
    super::render(status, &page)
}

async fn close_form(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteClinical, "referral.step").await {
        return refused;
    }
    close_page(&state, &actor, id, StepForm::default(), FormErrors::default(), StatusCode::OK).await
}

pub(crate) fn routes(routes: Routes) -> Routes {
    let read = Access::Policy(Action::ReadClinical);
    let write = Access::Policy(Action::WriteClinical);
    let update = Access::Policy(Action::UpdateReferral);
    routes
        .add("GET", "/referrals", read, get(list))
        .add("GET", "/people/{id}/referrals", read, get(person_referrals))
        .add("GET", "/people/{id}/referrals/new", write, get(new_form))
        .add("POST", "/people/{id}/referrals/new", write, post(create))
        .add("GET", "/referrals/{id}", read, get(show))
        .add("POST", "/referrals/{id}/send", write, post(send))
        .add("POST", "/referrals/{id}/steps", update, post(take_step))
        .add("GET", "/referrals/{id}/close", write, get(close_form))
}
