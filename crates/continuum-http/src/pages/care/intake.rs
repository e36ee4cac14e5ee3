//! The intake and assessment of a person: the current intake with its
//! earlier versions, the form to record it (when there is none yet) or to
//! amend it, re-shown with what was typed and each field's problem.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use continuum_app::care::intakes::{Intake, secondary_substances};
use continuum_app::people::PersonRecord;
use continuum_app::{Actor, AppError};
use continuum_domain::care::Answer;
use continuum_domain::care::intake::{
    Accommodation, Dose, Education, Frequency, IntakeFields, LabourStatus, LivingWith, PreviousTreatment, Recency,
    ReferralSource, Route, Substance,
};
use continuum_domain::ids::SiteId;
use continuum_domain::oat::OatMedicine;
use continuum_domain::policy::{Action, Target};
use continuum_i18n::Lang;
use serde::Deserialize;

use super::{CareNav, Fact, Tab, coded};
use crate::error::PageError;
use crate::extract::{CsrfForm, SignedIn, actor_lang};
use crate::pages::people::{Choice, choices, display_name};
use crate::pages::sites::{SummaryItem, mark_errors, not_found, parse_id, short_time, summary};
use crate::routes::{Access, Routes};
use crate::shell::{FormErrors, Shell};
use crate::state::AppState;

/// The intake form as typed.
#[derive(Deserialize, Default, Clone)]
pub(crate) struct IntakeForm {
    #[serde(default)]
    intake_date: String,
    #[serde(default)]
    referral_source: String,
    #[serde(default)]
    previous_treatment: String,
    #[serde(default)]
    ever_oat: String,
    #[serde(default)]
    primary_substance: String,
    #[serde(default)]
    secondary_substances: Vec<String>,
    #[serde(default)]
    route: String,
    #[serde(default)]
    frequency: String,
    #[serde(default)]
    first_use_age: String,
    #[serde(default)]
    injecting: String,
    #[serde(default)]
    first_injection_age: String,
    #[serde(default)]
    needle_sharing: String,
    #[serde(default)]
    living_with: String,
    #[serde(default)]
    lives_with_children: String,
    #[serde(default)]
    accommodation: String,
    #[serde(default)]
    labour_status: String,
    #[serde(default)]
    education: String,
    #[serde(default)]
    hiv_test: String,
    #[serde(default)]
    hcv_test: String,
    #[serde(default)]
    oat_outside: String,
    #[serde(default)]
    oat_medicine: String,
    #[serde(default)]
    oat_dose_mg: String,
    #[serde(default)]
    dose_confirmed: Option<String>,
    #[serde(default)]
    oat_prescriber: String,
    #[serde(default)]
    oat_last_dose_on: String,
    #[serde(default)]
    oat_last_dose_at: String,
    #[serde(default)]
    health_insurance: String,
    #[serde(default)]
    health: String,
    #[serde(default)]
    social: String,
    #[serde(default)]
    goals: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    interpreter: Option<String>,
}

impl IntakeForm {
    fn fields(&self) -> IntakeFields<'_> {
        IntakeFields {
            intake_date: &self.intake_date,
            referral_source: &self.referral_source,
            previous_treatment: &self.previous_treatment,
            ever_oat: &self.ever_oat,
            primary_substance: &self.primary_substance,
            secondary_substances: &self.secondary_substances,
            route: &self.route,
            frequency: &self.frequency,
            first_use_age: &self.first_use_age,
            injecting: &self.injecting,
            first_injection_age: &self.first_injection_age,
            needle_sharing: &self.needle_sharing,
            living_with: &self.living_with,
            lives_with_children: &self.lives_with_children,
            accommodation: &self.accommodation,
            labour_status: &self.labour_status,
            education: &self.education,
            hiv_test: &self.hiv_test,
            hcv_test: &self.hcv_test,
            oat_outside: &self.oat_outside,
            oat_medicine: &self.oat_medicine,
            oat_dose_mg: &self.oat_dose_mg,
            dose_confirmed: self.dose_confirmed.is_some(),
            oat_prescriber: &self.oat_prescriber,
            oat_last_dose_on: &self.oat_last_dose_on,
            oat_last_dose_at: &self.oat_last_dose_at,
            health_insurance: &self.health_insurance,
            health: &self.health,
            social: &self.social,
            goals: &self.goals,
            language: &self.language,
            interpreter: self.interpreter.is_some(),
        }
    }

    /// The form filled with a stored intake, to amend it.
    fn of(intake: &Intake) -> IntakeForm {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        let number = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
        IntakeForm {
            intake_date: intake.intake_date.clone(),
            referral_source: intake.referral_source.clone(),
            previous_treatment: intake.previous_treatment.clone(),
            ever_oat: intake.ever_oat.clone(),
            primary_substance: intake.primary_substance.clone(),
            secondary_substances: secondary_substances(intake).into_iter().map(str::to_owned).collect(),
            route: intake.route.clone(),
            frequency: intake.frequency.clone(),
            first_use_age: number(intake.first_use_age),
            injecting: intake.injecting.clone(),
            first_injection_age: number(intake.first_injection_age),
            needle_sharing: text(&intake.needle_sharing),
            living_with: intake.living_with.clone(),
            lives_with_children: intake.lives_with_children.clone(),
            accommodation: intake.accommodation.clone(),
            labour_status: intake.labour_status.clone(),
            education: intake.education.clone(),
            hiv_test: intake.hiv_test.clone(),
            hcv_test: intake.hcv_test.clone(),
            oat_outside: intake.oat_outside.clone(),
            oat_medicine: text(&intake.oat_medicine),
            oat_dose_mg: intake.oat_dose.map(|d| Dose(d).to_mg_text()).unwrap_or_default(),
            // A dose saved once confirmed stays confirmed.
            dose_confirmed: intake.oat_dose.map(|_| "on".to_owned()),
            oat_prescriber: text(&intake.oat_prescriber),
            oat_last_dose_on: text(&intake.oat_last_dose_on),
            oat_last_dose_at: text(&intake.oat_last_dose_at),
            health_insurance: intake.health_insurance.clone(),
            health: intake.health.clone(),
            social: intake.social.clone(),
            goals: intake.goals.clone(),
            language: intake.language.clone(),
            interpreter: intake.interpreter.then(|| "on".to_owned()),
        }
    }
}

/// The select boxes of the form, each with its choices marked.
struct Selects {
    referral_source: Vec<Choice>,
    previous_treatment: Vec<Choice>,
    ever_oat: Vec<Choice>,
    primary_substance: Vec<Choice>,
    secondary_substances: Vec<Choice>,
    route: Vec<Choice>,
    frequency: Vec<Choice>,
    injecting: Vec<Choice>,
    needle_sharing: Vec<Choice>,
    living_with: Vec<Choice>,
    lives_with_children: Vec<Choice>,
    accommodation: Vec<Choice>,
    labour_status: Vec<Choice>,
    education: Vec<Choice>,
    hiv_test: Vec<Choice>,
    hcv_test: Vec<Choice>,
    oat_outside: Vec<Choice>,
    oat_medicine: Vec<Choice>,
    health_insurance: Vec<Choice>,
}

impl Selects {
    fn new(lang: Lang, form: &IntakeForm) -> Selects {
        let answer = |chosen: &str| choices(lang, Answer::ALL, Answer::code, "care-answer", chosen);
        let recency = |chosen: &str| choices(lang, Recency::ALL, Recency::code, "care-recency", chosen);
        let substances = |chosen: &str| choices(lang, Substance::ALL, Substance::code, "substance", chosen);
        Selects {
            referral_source: choices(
                lang,
                ReferralSource::ALL,
                ReferralSource::code,
                "intake-referral",
                &form.referral_source,
            ),
            previous_treatment: choices(
                lang,
                PreviousTreatment::ALL,
                PreviousTreatment::code,
                "intake-previous",
                &form.previous_treatment,
            ),
            ever_oat: answer(&form.ever_oat),
            primary_substance: substances(&form.primary_substance),
            secondary_substances: substances("")
                .into_iter()
                .map(|c| Choice { selected: form.secondary_substances.contains(&c.code), ..c })
                .collect(),
            route: choices(lang, Route::ALL, Route::code, "intake-route", &form.route),
            frequency: choices(lang, Frequency::ALL, Frequency::code, "intake-frequency", &form.frequency),
            injecting: recency(&form.injecting),
            needle_sharing: recency(&form.needle_sharing),
            living_with: choices(lang, LivingWith::ALL, LivingWith::code, "intake-living-with", &form.living_with),
            lives_with_children: answer(&form.lives_with_children),
            accommodation: choices(
                lang,
                Accommodation::ALL,
                Accommodation::code,
                "intake-accommodation",
                &form.accommodation,
            ),
            labour_status: choices(lang, LabourStatus::ALL, LabourStatus::code, "intake-labour", &form.labour_status),
            education: choices(lang, Education::ALL, Education::code, "intake-education", &form.education),
            hiv_test: recency(&form.hiv_test),
            hcv_test: recency(&form.hcv_test),
            oat_outside: answer(&form.oat_outside),
            oat_medicine: choices(lang, OatMedicine::ALL, OatMedicine::code, "oat-medicine", &form.oat_medicine),
            health_insurance: answer(&form.health_insurance),
        }
    }
}

/// Field names and the keys of their labels, for the error summary.
const FIELDS: &[(&str, &str)] = &[
    ("intake_date", "intake-date"),
    ("referral_source", "intake-referral-source"),
    ("previous_treatment", "intake-previous-treatment"),
    ("ever_oat", "intake-ever-oat"),
    ("primary_substance", "intake-primary-substance"),
    ("secondary_substances", "intake-secondary-substances"),
    ("route", "intake-route"),
    ("frequency", "intake-frequency"),
    ("first_use_age", "intake-first-use-age"),
    ("injecting", "intake-injecting"),
    ("first_injection_age", "intake-first-injection-age"),
    ("needle_sharing", "intake-needle-sharing"),
    ("living_with", "intake-living-with"),
    ("lives_with_children", "intake-lives-with-children"),
    ("accommodation", "intake-accommodation"),
    ("labour_status", "intake-labour-status"),
    ("education", "intake-education"),
    ("hiv_test", "intake-hiv-test"),
    ("hcv_test", "intake-hcv-test"),
    ("oat_outside", "intake-oat-outside"),
    ("oat_medicine", "intake-oat-medicine"),
    ("oat_dose_mg", "intake-oat-dose"),
    ("oat_prescriber", "intake-oat-prescriber"),
    ("oat_last_dose_on", "intake-oat-last-dose-on"),
    ("oat_last_dose_at", "intake-oat-last-dose-at"),
    ("health_insurance", "intake-health-insurance"),
    ("health", "intake-health"),
    ("social", "intake-social"),
    ("goals", "intake-goals"),
    ("language", "intake-language"),
];

#[derive(Template)]
#[template(path = "care_intake_form.html")]
struct FormPage {
    shell: Shell,
    nav: CareNav,
    action: String,
    amending: bool,
    register: Vec<Fact>,
    form: IntakeForm,
    selects: Selects,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
    dose_unusual: bool,
}

/// What the register says of the person that TDI asks for.
fn register_facts(lang: Lang, record: &PersonRecord, today: jiff::civil::Date) -> Vec<Fact> {
    let age = record
        .person
        .birth_date
        .parse::<jiff::civil::Date>()
        .ok()
        .and_then(|birth| (today - birth).total((jiff::Unit::Year, today)).ok())
        .map(|years| (years.floor() as i64).to_string())
        .unwrap_or_default();
    vec![
        Fact::new(lang, "person-sex", coded("sex", lang, &record.person.sex)),
        Fact::new(lang, "intake-age", age),
        Fact::new(lang, "person-nationality", record.person.nationality.clone()),
    ]
}

#[expect(clippy::too_many_arguments, reason = "the parts of one page")]
fn form_page(
    state: &AppState,
    actor: &Actor,
    record: &PersonRecord,
    action: String,
    amending: bool,
    form: IntakeForm,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let lang = actor_lang(actor);
    let name = display_name(&record.person.family_name, &record.person.given_names);
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "intake-title", &action);
    shell.title = format!("{} · {name}", shell.title);
    mark_errors(&mut shell, errors.any());
    let dose_unusual = errors.get("oat_dose_mg") == continuum_i18n::t(lang, "validation-dose-unusual");
    let page = FormPage {
        nav: CareNav::new(lang, record.person.id, Some(Tab::Intake)),
        register: register_facts(lang, record, state.app.register_today()),
        selects: Selects::new(lang, &form),
        summary: summary(lang, errors.all(), FIELDS),
        shell,
        action,
        amending,
        form,
        errors,
        dose_unusual,
    };
    crate::pages::render(status, &page)
}

/// A version of an intake as shown.
struct VersionLine {
    id: i64,
    recorded_at: String,
    recorded_by: String,
    site: String,
    current: bool,
    amendment: bool,
}

#[derive(Template)]
#[template(path = "care_intake.html")]
struct ViewPage {
    shell: Shell,
    nav: CareNav,
    intake_id: Option<i64>,
    current: bool,
    sections: Vec<(String, Vec<Fact>)>,
    texts: Vec<Fact>,
    versions: Vec<VersionLine>,
    may_write: bool,
    saved: bool,
}

/// The intake as sections of label and value.
fn sections(lang: Lang, intake: &Intake, register: Vec<Fact>) -> Vec<(String, Vec<Fact>)> {
    let t = |key: &str| continuum_i18n::t(lang, key);
    let number = |n: Option<i64>| n.map(|n| n.to_string()).unwrap_or_default();
    let secondary: Vec<String> = secondary_substances(intake).iter().map(|c| coded("substance", lang, c)).collect();
    let last_dose = match (&intake.oat_last_dose_on, &intake.oat_last_dose_at) {
        (Some(day), Some(time)) => format!("{day} {time}"),
        (Some(day), None) => day.clone(),
        _ => String::new(),
    };
    let medicine = intake.oat_medicine.as_deref().unwrap_or_default();
    let atc = OatMedicine::from_code(medicine).and_then(OatMedicine::atc);
    let medicine = match atc {
        Some(atc) => format!("{} ({atc})", coded("oat-medicine", lang, medicine)),
        None => coded("oat-medicine", lang, medicine),
    };
    let mut sections = vec![
        (
            t("intake-section-treatment"),
            vec![
                Fact::new(lang, "intake-date", intake.intake_date.clone()),
                Fact::new(lang, "intake-referral-source", coded("intake-referral", lang, &intake.referral_source)),
                Fact::new(
                    lang,
                    "intake-previous-treatment",
                    coded("intake-previous", lang, &intake.previous_treatment),
                ),
                Fact::new(lang, "intake-ever-oat", coded("care-answer", lang, &intake.ever_oat)),
            ],
        ),
        (t("intake-section-register"), register),
        (
            t("intake-section-use"),
            vec![
                Fact::new(lang, "intake-primary-substance", coded("substance", lang, &intake.primary_substance)),
                Fact::new(lang, "intake-secondary-substances", secondary.join(", ")),
                Fact::new(lang, "intake-route", coded("intake-route", lang, &intake.route)),
                Fact::new(lang, "intake-frequency", coded("intake-frequency", lang, &intake.frequency)),
                Fact::new(lang, "intake-first-use-age", number(intake.first_use_age)),
                Fact::new(lang, "intake-injecting", coded("care-recency", lang, &intake.injecting)),
                Fact::new(lang, "intake-first-injection-age", number(intake.first_injection_age)),
                Fact::new(
                    lang,
                    "intake-needle-sharing",
                    coded("care-recency", lang, intake.needle_sharing.as_deref().unwrap_or_default()),
                ),
            ],
        ),
        (
            t("intake-section-situation"),
            vec![
                Fact::new(lang, "intake-living-with", coded("intake-living-with", lang, &intake.living_with)),
                Fact::new(lang, "intake-lives-with-children", coded("care-answer", lang, &intake.lives_with_children)),
                Fact::new(lang, "intake-accommodation", coded("intake-accommodation", lang, &intake.accommodation)),
                Fact::new(lang, "intake-labour-status", coded("intake-labour", lang, &intake.labour_status)),
                Fact::new(lang, "intake-education", coded("intake-education", lang, &intake.education)),
                Fact::new(lang, "intake-health-insurance", coded("care-answer", lang, &intake.health_insurance)),
                Fact::new(lang, "intake-hiv-test", coded("care-recency", lang, &intake.hiv_test)),
                Fact::new(lang, "intake-hcv-test", coded("care-recency", lang, &intake.hcv_test)),
            ],
        ),
        (
            t("intake-section-oat"),
            vec![Fact::new(lang, "intake-oat-outside", coded("care-answer", lang, &intake.oat_outside))],
        ),
    ];
    if intake.oat_outside == Answer::Yes.code()
        && let Some((_, oat)) = sections.last_mut()
    {
        oat.extend([
            Fact::new(lang, "intake-oat-medicine", medicine),
            Fact::new(
                lang,
                "intake-oat-dose",
                intake.oat_dose.map(|d| format!("{} mg", Dose(d).to_mg_text())).unwrap_or_default(),
            ),
            Fact::new(lang, "intake-oat-prescriber", intake.oat_prescriber.clone().unwrap_or_default()),
            Fact::new(lang, "intake-oat-last-dose", last_dose),
        ]);
    }
    let language = if intake.interpreter {
        format!("{} · {}", intake.language, t("intake-interpreter-needed"))
    } else {
        intake.language.clone()
    };
    sections.push((t("intake-section-language"), vec![Fact::new(lang, "intake-language", language)]));
    sections
}

fn versions(intakes: &[Intake], current: i64) -> Vec<VersionLine> {
    intakes
        .iter()
        .map(|i| VersionLine {
            id: i.id,
            recorded_at: short_time(&i.recorded_at),
            recorded_by: i.recorded_by.clone().unwrap_or_default(),
            site: i.site_code.clone(),
            current: i.id == current,
            amendment: i.amends.is_some(),
        })
        .collect()
}

#[expect(clippy::too_many_arguments, reason = "the parts of one page")]
fn view_page(
    state: &AppState,
    actor: &Actor,
    record: &PersonRecord,
    shown: Option<&Intake>,
    all: &[Intake],
    path: &str,
    saved: bool,
    may_write: bool,
) -> Response {
    let lang = actor_lang(actor);
    let name = display_name(&record.person.family_name, &record.person.given_names);
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "intake-title", path);
    shell.title = format!("{} · {name}", shell.title);
    let register = register_facts(lang, record, state.app.register_today());
    let texts = shown
        .map(|i| {
            vec![
                Fact::new(lang, "intake-health", i.health.clone()),
                Fact::new(lang, "intake-social", i.social.clone()),
                Fact::new(lang, "intake-goals", i.goals.clone()),
            ]
        })
        .unwrap_or_default();
    let page = ViewPage {
        nav: CareNav::new(lang, record.person.id, Some(Tab::Intake)),
        intake_id: shown.map(|i| i.id),
        current: shown.is_some_and(|i| i.superseded_by.is_none()),
        sections: shown.map(|i| sections(lang, i, register)).unwrap_or_default(),
        texts,
        versions: shown.map(|i| versions(all, i.id)).unwrap_or_default(),
        may_write: may_write && record.person.merged_into.is_none(),
        saved,
        shell,
    };
    crate::pages::render(StatusCode::OK, &page)
}

fn may_write(actor: &Actor, record: &PersonRecord) -> bool {
    actor.may(Action::WriteClinical, Target::site(SiteId(record.person.site_id)))
}

#[derive(Deserialize, Default)]
struct SavedQuery {
    #[serde(default)]
    saved: String,
}

/// The person's current intake, or the form to record it.
async fn show(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Path(id): Path<String>,
    Query(query): Query<SavedQuery>,
) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let intakes = match state.app.person_intakes(&actor, id).await {
        Ok(list) => list,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let record = match state.app.get_person(&actor, id).await {
        Ok(record) => record,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let current = intakes.iter().find(|i| i.superseded_by.is_none());
    let writable = may_write(&actor, &record);
    if current.is_none() && writable && record.person.merged_into.is_none() {
        let form = IntakeForm {
            intake_date: state.app.register_today().to_string(),
            language: record.person.preferred_language.clone(),
            ..IntakeForm::default()
        };
        let action = format!("/people/{id}/intake");
        return form_page(&state, &actor, &record, action, false, form, FormErrors::default(), StatusCode::OK);
    }
    let path = format!("/people/{id}/intake");
    view_page(&state, &actor, &record, current, &intakes, &path, !query.saved.is_empty(), writable)
}

/// Re-shows a form that was refused, or the error page.
async fn refused(
    state: &AppState,
    actor: &Actor,
    person_id: i64,
    action: String,
    amending: bool,
    form: IntakeForm,
    error: AppError,
) -> Response {
    let lang = actor_lang(actor);
    let (errors, status) = match error {
        AppError::Invalid(invalid) => (FormErrors::new(lang, &invalid), StatusCode::UNPROCESSABLE_ENTITY),
        error @ (AppError::PathwayRefused(_) | AppError::Conflict(_)) => {
            (FormErrors::general_text(super::conflict_message(lang, &error)), StatusCode::CONFLICT)
        }
        other => return PageError::new(other, lang).into_response(),
    };
    match state.app.get_person(actor, person_id).await {
        Ok(record) => form_page(state, actor, &record, action, amending, form, errors, status),
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

async fn record(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<IntakeForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = crate::pages::refused_unless(&state, &actor, Action::WriteClinical, "intake.create").await {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    match state.app.record_intake(&actor, id, &form.fields()).await {
        Ok(_) => Redirect::to(&format!("/people/{id}/intake?saved=1")).into_response(),
        Err(error) => refused(&state, &actor, id, format!("/people/{id}/intake"), false, form, error).await,
    }
}

/// One version of an intake.
async fn show_version(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let intake = match state.app.intake(&actor, id).await {
        Ok(intake) => intake,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let (all, record) = match (
        state.app.person_intakes(&actor, intake.person_id).await,
        state.app.get_person(&actor, intake.person_id).await,
    ) {
        (Ok(all), Ok(record)) => (all, record),
        (Err(error), _) | (_, Err(error)) => return PageError::new(error, lang).into_response(),
    };
    let writable = may_write(&actor, &record);
    view_page(&state, &actor, &record, Some(&intake), &all, &format!("/intakes/{id}"), false, writable)
}

/// The form to amend an intake, filled with it.
async fn edit_form(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let intake = match state.app.intake(&actor, id).await {
        Ok(intake) => intake,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let record = match state.app.get_person(&actor, intake.person_id).await {
        Ok(record) => record,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    if !may_write(&actor, &record) {
        return PageError::new(AppError::Forbidden, lang).into_response();
    }
    let action = format!("/intakes/{id}/edit");
    form_page(&state, &actor, &record, action, true, IntakeForm::of(&intake), FormErrors::default(), StatusCode::OK)
}

async fn amend(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<IntakeForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = crate::pages::refused_unless(&state, &actor, Action::WriteClinical, "intake.amend").await {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    match state.app.amend_intake(&actor, id, &form.fields()).await {
        Ok(new_id) => Redirect::to(&format!("/intakes/{new_id}")).into_response(),
        Err(error @ (AppError::NotFound | AppError::Forbidden)) => PageError::new(error, lang).into_response(),
        Err(error) => match state.app.intake(&actor, id).await {
            Ok(intake) => {
                refused(&state, &actor, intake.person_id, format!("/intakes/{id}/edit"), true, form, error).await
            }
            Err(error) => PageError::new(error, lang).into_response(),
        },
    }
}

pub(super) fn routes(routes: Routes) -> Routes {
    let read = Access::Policy(Action::ReadClinical);
    let write = Access::Policy(Action::WriteClinical);
    routes
        .add("GET", "/people/{id}/intake", read, get(show))
        .add("POST", "/people/{id}/intake", write, post(record))
        .add("GET", "/intakes/{id}", read, get(show_version))
        .add("GET", "/intakes/{id}/edit", write, get(edit_form))
        .add("POST", "/intakes/{id}/edit", write, post(amend))
}
