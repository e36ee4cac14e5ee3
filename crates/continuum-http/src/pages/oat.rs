//! A person's opioid agonist treatment (issue 5, item 4): the OAT declared
//! at entry with its continuity, and the prison prescriptions. Care workers
//! read; the medical service also records (a dose outside the usual range
//! is shown again with a box to confirm it). Forms are re-shown with what
//! was typed and each field's problem.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use continuum_app::oat::OatRecord;
use continuum_app::{Actor, AppError};
use continuum_domain::ids::SiteId;
use continuum_domain::oat::{
    ContinuityFields, DeclarationFields, Dose, InterruptionReason, OatMedicine, PrescriptionFields,
};
use continuum_domain::policy::{Action, Target};
use continuum_domain::validation::{Invalid, Problem};
use serde::Deserialize;

use super::people::{Choice, choices, display_name};
use super::sites::{SummaryItem, mark_errors, not_found, parse_id, short_time, summary};
use crate::error::PageError;
use crate::extract::{CsrfForm, SignedIn, actor_lang};
use crate::routes::{Access, Routes};
use crate::shell::{FormErrors, Shell};
use crate::state::AppState;

/// Every field of the page's forms, as typed.
#[derive(Deserialize, Default, Clone)]
pub(crate) struct OatForm {
    #[serde(default)]
    medicine: String,
    #[serde(default)]
    daily_dose: String,
    #[serde(default)]
    prescriber: String,
    #[serde(default)]
    start_date: String,
    #[serde(default)]
    stop_date: String,
    #[serde(default)]
    observed: Option<String>,
    #[serde(default)]
    note: String,
    #[serde(default)]
    confirm_dose: Option<String>,
    #[serde(default)]
    confirm_declared_dose: Option<String>,
    #[serde(default)]
    last_dose_date: String,
    #[serde(default)]
    declared_medicine: String,
    #[serde(default)]
    declared_dose: String,
    #[serde(default)]
    declared_prescriber: String,
    #[serde(default)]
    stop_on: String,
    #[serde(default)]
    stop_reason: String,
    #[serde(default)]
    continuity_note: String,
    #[serde(default)]
    continued: String,
    #[serde(default)]
    reason: String,
    /// The person of a stop or continuity form (to show the page again).
    #[serde(default)]
    person: String,
}

/// Which form of the page an error belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    None,
    Prescription,
    Declaration,
    Stop(i64),
    Continuity(i64),
}

struct PrescriptionLine {
    id: i64,
    medicine: String,
    atc: String,
    dose: String,
    prescriber: String,
    start_date: String,
    stop_date: String,
    stop_reason: String,
    observed: bool,
    note: String,
    site: String,
    recorded: String,
    running: bool,
}

struct DeclarationLine {
    id: i64,
    medicine: String,
    dose: String,
    last_dose_date: String,
    prescriber: String,
    site: String,
    declared: String,
    deadline: String,
    /// `urgent`, `due`, `prescribed`; empty once the continuity is recorded.
    status: String,
    status_label: String,
    continuity: String,
    continuity_note: String,
    continuity_by: String,
}

#[derive(Template)]
#[template(path = "oat.html")]
struct OatPage {
    shell: Shell,
    id: i64,
    name: String,
    may_view_person: bool,
    may_write: bool,
    sending_team_view: bool,
    may_declare: bool,
    saved: bool,
    prescriptions: Vec<PrescriptionLine>,
    declarations: Vec<DeclarationLine>,
    /// The forms, each with what was typed when it was the one sent.
    pform: OatForm,
    dform: OatForm,
    sform: OatForm,
    cform: OatForm,
    /// The prescription whose stop form, or the declaration whose
    /// continuity form, was sent (0: none).
    stop_id: i64,
    continuity_id: i64,
    /// Errors of the form sent.
    errors: FormErrors,
    pform_errors: bool,
    dform_errors: bool,
    dose_warned: bool,
    summary: Vec<SummaryItem>,
    pmedicines: Vec<Choice>,
    dmedicines: Vec<Choice>,
    reasons: Vec<Choice>,
}

const FIELDS: &[(&str, &str)] = &[
    ("declared_medicine", "oat-medicine"),
    ("declared_dose", "oat-daily-dose"),
    ("declared_prescriber", "oat-prescriber-outside"),
    ("stop_on", "oat-stop-date"),
    ("stop_reason", "oat-stop-reason"),
    ("continuity_note", "oat-note"),
    ("medicine", "oat-medicine"),
    ("daily_dose", "oat-daily-dose"),
    ("prescriber", "oat-prescriber"),
    ("start_date", "oat-start-date"),
    ("stop_date", "oat-stop-date"),
    ("note", "oat-note"),
    ("last_dose_date", "oat-last-dose-date"),
    ("continued", "oat-continued"),
    ("reason", "oat-interruption-reason"),
    ("episode", "people-episodes"),
];

fn medicine_label(lang: continuum_i18n::Lang, code: &str) -> String {
    continuum_i18n::t(lang, &format!("oat-medicine-{code}"))
}

fn lines(lang: continuum_i18n::Lang, record: &OatRecord) -> (Vec<PrescriptionLine>, Vec<DeclarationLine>) {
    let prescriptions = record
        .prescriptions
        .iter()
        .map(|r| PrescriptionLine {
            id: r.id,
            medicine: medicine_label(lang, &r.medicine),
            atc: OatMedicine::from_code(&r.medicine).and_then(OatMedicine::atc).unwrap_or_default().to_owned(),
            dose: Dose::from_micrograms(r.daily_dose_ug).to_string(),
            prescriber: r.prescriber.clone(),
            start_date: r.start_date.clone(),
            stop_date: r.stop_date.clone().unwrap_or_default(),
            stop_reason: r.stop_reason.clone().unwrap_or_default(),
            observed: r.observed,
            note: r.note.clone().unwrap_or_default(),
            site: r.site_code.clone(),
            recorded: format!("{} · {}", short_time(&r.recorded_at), r.recorded_by.clone().unwrap_or_default()),
            running: r.stop_date.is_none(),
        })
        .collect();
    let declarations = record
        .declarations
        .iter()
        .map(|d| {
            let row = &d.row;
            let continuity = match (row.continued, &row.interruption_reason) {
                (Some(1), _) => continuum_i18n::t(lang, "oat-continued-yes"),
                (Some(_), Some(reason)) => format!(
                    "{} · {}",
                    continuum_i18n::t(lang, "oat-continued-no"),
                    continuum_i18n::t(lang, &format!("oat-interruption-{reason}"))
                ),
                _ => String::new(),
            };
            let status = d.status.map(|s| s.code()).unwrap_or_default();
            DeclarationLine {
                id: row.id,
                medicine: medicine_label(lang, &row.medicine),
                dose: Dose::from_micrograms(row.daily_dose_ug).to_string(),
                last_dose_date: row.last_dose_date.clone(),
                prescriber: row.prescriber.clone().unwrap_or_default(),
                site: row.site_code.clone(),
                declared: format!("{} · {}", short_time(&row.declared_at), row.declared_by.clone().unwrap_or_default()),
                deadline: short_time(&row.deadline),
                status_label: if status.is_empty() {
                    String::new()
                } else {
                    continuum_i18n::t(lang, &format!("oat-continuity-status-{status}"))
                },
                status: status.to_owned(),
                continuity,
                continuity_note: row.continuity_note.clone().unwrap_or_default(),
                continuity_by: match (&row.continuity_at, &row.continuity_by) {
                    (Some(at), by) => format!("{} · {}", short_time(at), by.clone().unwrap_or_default()),
                    _ => String::new(),
                },
            }
        })
        .collect();
    (prescriptions, declarations)
}

impl OatPage {
    /// The error of a field of the prescription form, when it was sent.
    fn perr(&self, field: &str) -> String {
        if self.pform_errors { self.errors.get(field) } else { String::new() }
    }
}

#[expect(clippy::too_many_arguments, reason = "the parts of one page")]
async fn page(
    state: &AppState,
    actor: &Actor,
    id: i64,
    which: Which,
    form: OatForm,
    invalid: Option<&Invalid>,
    general: Option<FormErrors>,
    status: StatusCode,
    saved: bool,
) -> Response {
    let lang = actor_lang(actor);
    let record = match state.app.person_oat(actor, id).await {
        Ok(record) => record,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let errors = general.unwrap_or_else(|| invalid.map(|i| FormErrors::new(lang, i)).unwrap_or_default());
    let dose_warned = invalid.is_some_and(|i| matches!(i.for_field("daily_dose"), Some(Problem::DoseUnusual { .. })));
    let path = format!("/people/{id}/oat");
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "oat-title", &path);
    mark_errors(&mut shell, errors.any());
    let site = Target::site(SiteId(record.person.site_id));
    let may_write = !record.sending_team_view && actor.may(Action::WriteMedication, site);
    let (prescriptions, declarations) = lines(lang, &record);
    let reasons: Vec<InterruptionReason> = InterruptionReason::ALL.to_vec();
    let typed = |this: Which, fresh: OatForm| if which == this { form.clone() } else { fresh };
    let fresh_prescription = OatForm {
        start_date: state.app.register_today().to_string(),
        prescriber: actor.display_name.clone(),
        observed: Some("on".to_owned()),
        ..OatForm::default()
    };
    let (stop_id, continuity_id) = match which {
        Which::Stop(id) => (id, 0),
        Which::Continuity(id) => (0, id),
        _ => (0, 0),
    };
    let (pform, dform) =
        (typed(Which::Prescription, fresh_prescription), typed(Which::Declaration, OatForm::default()));
    let page = OatPage {
        pmedicines: choices(lang, &OatMedicine::PRESCRIBED, OatMedicine::code, "oat-medicine", &pform.medicine),
        dmedicines: choices(
            lang,
            &OatMedicine::PRESCRIBED,
            OatMedicine::code,
            "oat-medicine",
            &dform.declared_medicine,
        ),
        pform,
        dform,
        sform: typed(
            Which::Stop(stop_id),
            OatForm { stop_on: state.app.register_today().to_string(), ..OatForm::default() },
        ),
        cform: typed(Which::Continuity(continuity_id), OatForm::default()),
        stop_id,
        continuity_id,
        pform_errors: which == Which::Prescription && errors.any(),
        dform_errors: which == Which::Declaration && errors.any(),
        summary: summary(lang, errors.all(), FIELDS),
        id,
        name: display_name(&record.person.family_name, &record.person.given_names),
        may_view_person: actor.may(Action::ViewRegister, site),
        may_declare: may_write && !record.current_episode_declared && record.person.current_episode_id.is_some(),
        may_write,
        sending_team_view: record.sending_team_view,
        saved,
        prescriptions,
        declarations,
        reasons: choices(lang, &reasons, InterruptionReason::code, "oat-interruption", &form.reason),
        errors,
        dose_warned,
        shell,
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
    axum::extract::Query(query): axum::extract::Query<SavedQuery>,
) -> Response {
    let Some(id) = parse_id(&id) else {
        return not_found(actor_lang(&actor));
    };
    let saved = !query.saved.is_empty();
    page(&state, &actor, id, Which::None, OatForm::default(), None, None, StatusCode::OK, saved).await
}

/// The page's name of a field the domain names otherwise: the forms of one
/// page need distinct field ids.
fn page_field(which: Which, field: &'static str) -> &'static str {
    match (which, field) {
        (Which::Declaration, "medicine") => "declared_medicine",
        (Which::Declaration, "daily_dose") => "declared_dose",
        (Which::Declaration, "prescriber") => "declared_prescriber",
        (Which::Stop(_), "stop_date") => "stop_on",
        (Which::Stop(_), "reason") => "stop_reason",
        (Which::Continuity(_), "note") => "continuity_note",
        _ => field,
    }
}

/// After a form: back to the page, or the page again with the problems.
async fn answer(
    state: &AppState,
    actor: &Actor,
    person: i64,
    which: Which,
    form: OatForm,
    done: Result<i64, AppError>,
) -> Response {
    let lang = actor_lang(actor);
    match done {
        Ok(person) => Redirect::to(&format!("/people/{person}/oat?saved=1")).into_response(),
        Err(AppError::Invalid(mut invalid)) => {
            invalid.0.iter_mut().for_each(|e| e.field = page_field(which, e.field));
            page(state, actor, person, which, form, Some(&invalid), None, StatusCode::UNPROCESSABLE_ENTITY, false).await
        }
        Err(AppError::Conflict(code)) => {
            let general = Some(FormErrors::general(lang, code));
            page(state, actor, person, which, form, None, general, StatusCode::CONFLICT, false).await
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

async fn prescribe(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<OatForm>,
) -> Response {
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteMedication, "oat.prescribe").await {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(actor_lang(&actor));
    };
    let fields = PrescriptionFields {
        medicine: &form.medicine,
        daily_dose: &form.daily_dose,
        prescriber: &form.prescriber,
        start_date: &form.start_date,
        stop_date: &form.stop_date,
        observed: form.observed.is_some(),
        note: &form.note,
        confirm_dose: form.confirm_dose.is_some(),
    };
    let done = state.app.record_prescription(&actor, id, &fields).await.map(|_| id);
    answer(&state, &actor, id, Which::Prescription, form.clone(), done).await
}

async fn declare(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<OatForm>,
) -> Response {
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteMedication, "oat.declare").await {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(actor_lang(&actor));
    };
    let fields = DeclarationFields {
        medicine: &form.declared_medicine,
        daily_dose: &form.declared_dose,
        last_dose_date: &form.last_dose_date,
        prescriber: &form.declared_prescriber,
        confirm_dose: form.confirm_declared_dose.is_some(),
    };
    let done = state.app.declare_outside_oat(&actor, id, &fields).await.map(|_| id);
    answer(&state, &actor, id, Which::Declaration, form.clone(), done).await
}

async fn stop(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<OatForm>,
) -> Response {
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteMedication, "oat.stop").await {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(actor_lang(&actor));
    };
    let done = state.app.stop_prescription(&actor, id, &form.stop_on, &form.stop_reason).await;
    let person = parse_id(&form.person).unwrap_or(0);
    answer(&state, &actor, person, Which::Stop(id), form.clone(), done).await
}

async fn continuity(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<OatForm>,
) -> Response {
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteMedication, "oat.continuity").await {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(actor_lang(&actor));
    };
    let fields = ContinuityFields { continued: &form.continued, reason: &form.reason, note: &form.continuity_note };
    let done = state.app.record_continuity(&actor, id, &fields).await;
    let person = parse_id(&form.person).unwrap_or(0);
    answer(&state, &actor, person, Which::Continuity(id), form.clone(), done).await
}

/// A line of the worklist's OAT alerts.
pub(super) struct AlertLine {
    pub person_id: i64,
    pub name: String,
    pub prison_number: String,
    pub medicine: String,
    pub deadline: String,
    pub status: String,
    pub urgent: bool,
}

/// The OAT alerts of the worklist at `site`, for the medical service only
/// (`None` for everyone else).
pub(super) async fn alert_lines(
    state: &AppState,
    actor: &Actor,
    site: SiteId,
) -> Result<Option<Vec<AlertLine>>, AppError> {
    if !actor.may(Action::WriteMedication, Target::site(site)) {
        return Ok(None);
    }
    let lang = actor_lang(actor);
    let alerts = state.app.oat_alerts(actor, site).await?;
    Ok(Some(
        alerts
            .into_iter()
            .map(|a| AlertLine {
                person_id: a.row.person_id,
                name: display_name(&a.row.family_name, &a.row.given_names),
                prison_number: a.row.prison_number.unwrap_or_default(),
                medicine: format!(
                    "{} · {} mg",
                    medicine_label(lang, &a.row.medicine),
                    Dose::from_micrograms(a.row.daily_dose_ug)
                ),
                deadline: short_time(&a.row.deadline),
                status: continuum_i18n::t(lang, &format!("oat-continuity-status-{}", a.status.code())),
                urgent: a.status == continuum_domain::oat::ContinuityStatus::Urgent,
            })
            .collect(),
    ))
}

pub(crate) fn routes(routes: Routes) -> Routes {
    let write = Access::Policy(Action::WriteMedication);
    routes
        .add("GET", "/people/{id}/oat", Access::Policy(Action::ReadClinical), get(show))
        .add("POST", "/people/{id}/oat/prescriptions", write, post(prescribe))
        .add("POST", "/people/{id}/oat/declaration", write, post(declare))
        .add("POST", "/oat/prescriptions/{id}/stop", write, post(stop))
        .add("POST", "/oat/declarations/{id}/continuity", write, post(continuity))
}
