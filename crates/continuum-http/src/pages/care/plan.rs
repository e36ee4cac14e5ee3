//! The care plan of a person: the current version (or any earlier one),
//! every version with what changed, and the form that starts the plan or
//! changes it. The form needs no JavaScript: it offers spare rows, and
//! "add a row" sends it back with one more. A save over a version someone
//! else replaced meanwhile is refused and the form comes back with what was
//! typed and, above it, what the other person changed.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use continuum_app::care::plans::{CarePlan, PlanVersion};
use continuum_app::people::PersonRecord;
use continuum_app::{Actor, AppError};
use continuum_domain::care::MAX_ROWS;
use continuum_domain::care::plan::{
    Difference, GoalFields, GoalStatus, InterventionFields, InterventionKind, InterventionStatus, Item, PlanFields,
    Value, differences,
};
use continuum_domain::ids::SiteId;
use continuum_domain::policy::{Action, Target};
use continuum_i18n::{Arg, Lang};
use serde::Deserialize;

use super::{CareNav, Tab};
use crate::error::PageError;
use crate::extract::{CsrfForm, SignedIn, actor_lang};
use crate::pages::people::{Choice, choices, display_name};
use crate::pages::sites::{SummaryItem, mark_errors, not_found, parse_id, short_time, summary};
use crate::routes::{Access, Routes};
use crate::shell::{FormErrors, Shell};
use crate::state::AppState;

/// Blank rows offered for new goals and interventions.
const SPARE_ROWS: usize = 2;

/// The plan form as typed: each row's fields are parallel lists.
#[derive(Deserialize, Default, Clone)]
struct PlanForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    plan_date: String,
    #[serde(default)]
    review_date: String,
    #[serde(default)]
    reviewed: Option<String>,
    #[serde(default)]
    note: String,
    #[serde(default)]
    goal_key: Vec<String>,
    #[serde(default)]
    goal_description: Vec<String>,
    #[serde(default)]
    goal_status: Vec<String>,
    #[serde(default)]
    goal_target_date: Vec<String>,
    /// The keys of the goals to remove.
    #[serde(default)]
    goal_remove: Vec<String>,
    #[serde(default)]
    intervention_key: Vec<String>,
    #[serde(default)]
    intervention_kind: Vec<String>,
    #[serde(default)]
    intervention_description: Vec<String>,
    #[serde(default)]
    intervention_responsible: Vec<String>,
    #[serde(default)]
    intervention_starts_on: Vec<String>,
    #[serde(default)]
    intervention_status: Vec<String>,
    /// The keys of the interventions to remove.
    #[serde(default)]
    intervention_remove: Vec<String>,
    /// `goal` or `intervention`: show one more blank row instead of saving.
    #[serde(default)]
    add: String,
}

fn at(list: &[String], i: usize) -> &str {
    list.get(i).map_or("", String::as_str)
}

impl PlanForm {
    fn goal_rows(&self) -> usize {
        self.goal_key.len().max(self.goal_description.len())
    }

    fn intervention_rows(&self) -> usize {
        self.intervention_key.len().max(self.intervention_description.len())
    }

    fn fields(&self) -> PlanFields<'_> {
        PlanFields {
            plan_date: &self.plan_date,
            review_date: &self.review_date,
            reviewed: self.reviewed.is_some(),
            note: &self.note,
            goals: (0..self.goal_rows())
                .map(|i| {
                    let key = at(&self.goal_key, i);
                    GoalFields {
                        key,
                        description: at(&self.goal_description, i),
                        status: at(&self.goal_status, i),
                        target_date: at(&self.goal_target_date, i),
                        remove: !key.is_empty() && self.goal_remove.iter().any(|k| k == key),
                    }
                })
                .collect(),
            interventions: (0..self.intervention_rows())
                .map(|i| {
                    let key = at(&self.intervention_key, i);
                    InterventionFields {
                        key,
                        kind: at(&self.intervention_kind, i),
                        description: at(&self.intervention_description, i),
                        responsible: at(&self.intervention_responsible, i),
                        starts_on: at(&self.intervention_starts_on, i),
                        status: at(&self.intervention_status, i),
                        remove: !key.is_empty() && self.intervention_remove.iter().any(|k| k == key),
                    }
                })
                .collect(),
        }
    }

    /// The form filled with a version, to change it.
    fn of(version: &PlanVersion, today: &str) -> PlanForm {
        let plan = &version.plan;
        PlanForm {
            version: version.meta.version.to_string(),
            plan_date: today.to_owned(),
            review_date: plan.review_date.to_string(),
            goal_key: plan.goals.iter().map(|g| g.key.clone()).collect(),
            goal_description: plan.goals.iter().map(|g| g.description.clone()).collect(),
            goal_status: plan.goals.iter().map(|g| g.status.code().to_owned()).collect(),
            goal_target_date: plan
                .goals
                .iter()
                .map(|g| g.target_date.map(|d| d.to_string()).unwrap_or_default())
                .collect(),
            intervention_key: plan.interventions.iter().map(|i| i.key.clone()).collect(),
            intervention_kind: plan.interventions.iter().map(|i| i.kind.code().to_owned()).collect(),
            intervention_description: plan.interventions.iter().map(|i| i.description.clone()).collect(),
            intervention_responsible: plan.interventions.iter().map(|i| i.responsible.clone()).collect(),
            intervention_starts_on: plan.interventions.iter().map(|i| i.starts_on.to_string()).collect(),
            intervention_status: plan.interventions.iter().map(|i| i.status.code().to_owned()).collect(),
            ..PlanForm::default()
        }
    }
}

/// A goal row of the form.
struct GoalRow {
    index: usize,
    key: String,
    description: String,
    statuses: Vec<Choice>,
    target_date: String,
    removed: bool,
    description_error: String,
    status_error: String,
    target_date_error: String,
}

/// An intervention row of the form.
struct InterventionRow {
    index: usize,
    key: String,
    kinds: Vec<Choice>,
    description: String,
    responsible: String,
    starts_on: String,
    statuses: Vec<Choice>,
    removed: bool,
    kind_error: String,
    description_error: String,
    responsible_error: String,
    starts_on_error: String,
    status_error: String,
}

/// Versions saved by someone else since the form was opened.
struct Meanwhile {
    by: String,
    at: String,
    version: i64,
    changes: Vec<String>,
}

#[derive(Template)]
#[template(path = "care_plan_form.html")]
struct FormPage {
    shell: Shell,
    nav: CareNav,
    action: String,
    starting: bool,
    form: PlanForm,
    goals: Vec<GoalRow>,
    interventions: Vec<InterventionRow>,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
    meanwhile: Vec<Meanwhile>,
    max_rows: usize,
    review_due_days: i64,
}

const FIELDS: &[(&str, &str)] = &[
    ("plan_date", "plan-date"),
    ("review_date", "plan-review-date"),
    ("note", "plan-note"),
    ("goals", "plan-goals"),
    ("interventions", "plan-interventions"),
];

/// The label of a row's field in the error summary: "Goal 2 · Status".
fn row_label(lang: Lang, field: &str) -> Option<String> {
    let (name, index) = field.rsplit_once('_')?;
    let index: usize = index.parse().ok()?;
    let (kind, attribute) = match name {
        "goal_description" => ("plan-item-goal", "plan-goal-description"),
        "goal_status" => ("plan-item-goal", "plan-goal-status"),
        "goal_target_date" => ("plan-item-goal", "plan-goal-target-date"),
        "intervention_kind" => ("plan-item-intervention", "plan-intervention-kind"),
        "intervention_description" => ("plan-item-intervention", "plan-intervention-description"),
        "intervention_responsible" => ("plan-item-intervention", "plan-intervention-responsible"),
        "intervention_starts_on" => ("plan-item-intervention", "plan-intervention-starts-on"),
        "intervention_status" => ("plan-item-intervention", "plan-intervention-status"),
        _ => return None,
    };
    let t = |key| continuum_i18n::t(lang, key);
    Some(format!("{} {} · {}", t(kind), index + 1, t(attribute)))
}

/// The error summary of the plan form, rows named by their number.
fn plan_summary(lang: Lang, errors: &FormErrors) -> Vec<SummaryItem> {
    let mut items = summary(lang, errors.all(), FIELDS);
    for (item, (field, message)) in items.iter_mut().zip(errors.all()) {
        if let Some(label) = row_label(lang, field) {
            item.text = format!("{label}{} {message}", crate::pages::sites::colon(lang));
        }
    }
    items
}

fn goal_rows(lang: Lang, form: &PlanForm, errors: &FormErrors, spare: usize) -> Vec<GoalRow> {
    let fields = form.fields();
    let rows = fields.goals.len() + spare;
    (0..rows.min(MAX_ROWS))
        .map(|i| {
            let row = fields.goals.get(i).cloned().unwrap_or_default();
            let status = if row.status.is_empty() && row.key.is_empty() { "open" } else { row.status };
            GoalRow {
                index: i,
                key: row.key.to_owned(),
                description: row.description.to_owned(),
                statuses: choices(lang, GoalStatus::ALL, GoalStatus::code, "plan-goal-status", status),
                target_date: row.target_date.to_owned(),
                removed: row.remove,
                description_error: errors.get(&format!("goal_description_{i}")),
                status_error: errors.get(&format!("goal_status_{i}")),
                target_date_error: errors.get(&format!("goal_target_date_{i}")),
            }
        })
        .collect()
}

fn intervention_rows(lang: Lang, form: &PlanForm, errors: &FormErrors, spare: usize) -> Vec<InterventionRow> {
    let fields = form.fields();
    let rows = fields.interventions.len() + spare;
    (0..rows.min(MAX_ROWS))
        .map(|i| {
            let row = fields.interventions.get(i).cloned().unwrap_or_default();
            let status = if row.status.is_empty() && row.key.is_empty() { "planned" } else { row.status };
            InterventionRow {
                index: i,
                key: row.key.to_owned(),
                kinds: choices(lang, InterventionKind::ALL, InterventionKind::code, "plan-intervention-kind", row.kind),
                description: row.description.to_owned(),
                responsible: row.responsible.to_owned(),
                starts_on: row.starts_on.to_owned(),
                statuses: choices(
                    lang,
                    InterventionStatus::ALL,
                    InterventionStatus::code,
                    "plan-intervention-status",
                    status,
                ),
                removed: row.remove,
                kind_error: errors.get(&format!("intervention_kind_{i}")),
                description_error: errors.get(&format!("intervention_description_{i}")),
                responsible_error: errors.get(&format!("intervention_responsible_{i}")),
                starts_on_error: errors.get(&format!("intervention_starts_on_{i}")),
                status_error: errors.get(&format!("intervention_status_{i}")),
            }
        })
        .collect()
}

/// A value of a difference, in words.
fn value_text(lang: Lang, value: &Value) -> String {
    match value {
        Value::Text(text) => format!("“{text}”"),
        Value::Date(date) => date.to_string(),
        Value::Coded(id) => continuum_i18n::t(lang, id),
        Value::Empty => "—".to_owned(),
    }
}

/// One difference between two versions, in words.
pub(super) fn difference_text(lang: Lang, difference: &Difference) -> String {
    let item_args = |item: &Item| {
        let name = match item {
            Item::Plan => String::new(),
            Item::Goal(name) | Item::Intervention(name) => name.clone(),
        };
        vec![("kind", Arg::from(continuum_i18n::t(lang, item.kind_message_id()))), ("item", Arg::from(name))]
    };
    match difference {
        Difference::Added(item) => continuum_i18n::t_args(lang, "plan-diff-added", &item_args(item)),
        Difference::Removed(item) => continuum_i18n::t_args(lang, "plan-diff-removed", &item_args(item)),
        Difference::Changed { item, attribute, before, after } => {
            let mut args = item_args(item);
            args.push(("field", Arg::from(continuum_i18n::t(lang, attribute))));
            args.push(("from", Arg::from(value_text(lang, before))));
            args.push(("to", Arg::from(value_text(lang, after))));
            let key = if *item == Item::Plan { "plan-diff-plan-changed" } else { "plan-diff-changed" };
            continuum_i18n::t_args(lang, key, &args)
        }
    }
}

/// What each version after `since` changed, in words.
fn meanwhile(lang: Lang, plan: &CarePlan, since: i64) -> Vec<Meanwhile> {
    plan.versions
        .windows(2)
        .filter(|pair| pair[1].meta.version > since)
        .map(|pair| Meanwhile {
            by: pair[1].meta.changed_by.clone().unwrap_or_default(),
            at: short_time(&pair[1].meta.changed_at),
            version: pair[1].meta.version,
            changes: differences(&pair[0].plan, &pair[1].plan).iter().map(|d| difference_text(lang, d)).collect(),
        })
        .collect()
}

struct FormView {
    action: String,
    starting: bool,
    form: PlanForm,
    errors: FormErrors,
    status: StatusCode,
    spare_goals: usize,
    spare_interventions: usize,
    meanwhile: Vec<Meanwhile>,
}

fn form_page(state: &AppState, actor: &Actor, record: &PersonRecord, view: FormView) -> Response {
    let lang = actor_lang(actor);
    let name = display_name(&record.person.family_name, &record.person.given_names);
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "plan-title", &view.action);
    shell.title = format!("{} · {name}", shell.title);
    mark_errors(&mut shell, view.errors.any());
    let page = FormPage {
        nav: CareNav::new(lang, record.person.id, Some(Tab::Plan)),
        goals: goal_rows(lang, &view.form, &view.errors, view.spare_goals),
        interventions: intervention_rows(lang, &view.form, &view.errors, view.spare_interventions),
        summary: plan_summary(lang, &view.errors),
        shell,
        action: view.action,
        starting: view.starting,
        form: view.form,
        errors: view.errors,
        meanwhile: view.meanwhile,
        max_rows: MAX_ROWS,
        review_due_days: continuum_app::care::plans::REVIEW_DUE_DAYS,
    };
    crate::pages::render(view.status, &page)
}

/// A goal as shown.
struct GoalLine {
    description: String,
    status: String,
    target_date: String,
}

/// An intervention as shown.
struct InterventionLine {
    kind: String,
    description: String,
    responsible: String,
    starts_on: String,
    status: String,
    /// For a referral intervention of the current version, to a reader who
    /// may refer: the new-referral form started from it.
    refer_href: Option<String>,
}

/// A version in the list of versions.
struct VersionLink {
    version: i64,
    change: String,
    at: String,
    by: String,
    shown: bool,
}

#[derive(Template)]
#[template(path = "care_plan.html")]
struct ViewPage {
    shell: Shell,
    nav: CareNav,
    plan_id: Option<i64>,
    version: i64,
    current: bool,
    change: String,
    changed_at: String,
    changed_by: String,
    site: String,
    note: String,
    plan_date: String,
    review_date: String,
    review_overdue: bool,
    goals: Vec<GoalLine>,
    interventions: Vec<InterventionLine>,
    versions: Vec<VersionLink>,
    may_change: bool,
    saved: bool,
}

fn view_page(
    state: &AppState,
    actor: &Actor,
    record: &PersonRecord,
    plan: &CarePlan,
    shown: i64,
    saved: bool,
) -> Response {
    let lang = actor_lang(actor);
    let t = |key: &str| continuum_i18n::t(lang, key);
    let name = display_name(&record.person.family_name, &record.person.given_names);
    let path = format!("/care-plans/{}", plan.row.id);
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "plan-title", &path);
    shell.title = format!("{} · {name}", shell.title);
    let Some(version) = plan.version(shown) else {
        return not_found(lang);
    };
    let current = plan.current().is_some_and(|c| c.meta.version == shown);
    let may_write = actor.may(Action::WriteClinical, Target::site(SiteId(record.person.site_id)));
    let may_refer = current && may_write && record.person.merged_into.is_none();
    let page = ViewPage {
        nav: CareNav::new(lang, record.person.id, Some(Tab::Plan)),
        plan_id: Some(plan.row.id),
        version: shown,
        current,
        change: t(&format!("plan-change-{}", version.meta.change)),
        changed_at: short_time(&version.meta.changed_at),
        changed_by: version.meta.changed_by.clone().unwrap_or_default(),
        site: version.meta.site_code.clone(),
        note: version.meta.note.clone(),
        plan_date: version.plan.plan_date.to_string(),
        review_date: version.plan.review_date.to_string(),
        review_overdue: current && version.plan.review_date < state.app.register_today(),
        goals: version
            .plan
            .goals
            .iter()
            .map(|g| GoalLine {
                description: g.description.clone(),
                status: t(g.status.message_id()),
                target_date: g.target_date.map(|d| d.to_string()).unwrap_or_default(),
            })
            .collect(),
        interventions: version
            .plan
            .interventions
            .iter()
            .map(|i| InterventionLine {
                kind: t(i.kind.message_id()),
                description: i.description.clone(),
                responsible: i.responsible.clone(),
                starts_on: i.starts_on.to_string(),
                status: t(i.status.message_id()),
                refer_href: (may_refer && i.kind == InterventionKind::Referral)
                    .then(|| format!("/people/{}/referrals/new?from_plan={}", record.person.id, i.key)),
            })
            .collect(),
        versions: plan
            .versions
            .iter()
            .rev()
            .map(|v| VersionLink {
                version: v.meta.version,
                change: t(&format!("plan-change-{}", v.meta.change)),
                at: short_time(&v.meta.changed_at),
                by: v.meta.changed_by.clone().unwrap_or_default(),
                shown: v.meta.version == shown,
            })
            .collect(),
        may_change: current && plan.editable && may_write && record.person.merged_into.is_none(),
        saved,
        shell,
    };
    crate::pages::render(StatusCode::OK, &page)
}

#[derive(Deserialize, Default)]
struct ShowQuery {
    #[serde(default)]
    saved: String,
    #[serde(default)]
    version: String,
}

fn page_error(error: AppError, lang: Lang) -> Response {
    PageError::new(error, lang).into_response()
}

/// The plan of the person's current pathway, or the form to start it.
async fn show_for_person(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let plan = match state.app.person_care_plan(&actor, id).await {
        Ok(plan) => plan,
        Err(error) => return page_error(error, lang),
    };
    let record = match state.app.get_person(&actor, id).await {
        Ok(record) => record,
        Err(error) => return page_error(error, lang),
    };
    if let Some(plan) = plan {
        let current = plan.current().map_or(1, |v| v.meta.version);
        return view_page(&state, &actor, &record, &plan, current, false);
    }
    if !actor.may(Action::WriteClinical, Target::site(SiteId(record.person.site_id))) {
        return empty_page(&state, &actor, &record);
    }
    let today = state.app.register_today();
    let form = PlanForm { plan_date: today.to_string(), ..PlanForm::default() };
    let view = FormView {
        action: format!("/people/{id}/care-plan"),
        starting: true,
        form,
        errors: FormErrors::default(),
        status: StatusCode::OK,
        spare_goals: SPARE_ROWS,
        spare_interventions: SPARE_ROWS,
        meanwhile: Vec::new(),
    };
    form_page(&state, &actor, &record, view)
}

/// The page of a person without a plan, for who may only read.
fn empty_page(state: &AppState, actor: &Actor, record: &PersonRecord) -> Response {
    let lang = actor_lang(actor);
    let name = display_name(&record.person.family_name, &record.person.given_names);
    let mut shell = Shell::signed_in(
        actor,
        state.settings.demo_mode,
        "plan-title",
        &format!("/people/{}/care-plan", record.person.id),
    );
    shell.title = format!("{} · {name}", shell.title);
    let page = ViewPage {
        nav: CareNav::new(lang, record.person.id, Some(Tab::Plan)),
        plan_id: None,
        version: 0,
        current: false,
        change: String::new(),
        changed_at: String::new(),
        changed_by: String::new(),
        site: String::new(),
        note: String::new(),
        plan_date: String::new(),
        review_date: String::new(),
        review_overdue: false,
        goals: Vec::new(),
        interventions: Vec::new(),
        versions: Vec::new(),
        may_change: false,
        saved: false,
        shell,
    };
    crate::pages::render(StatusCode::OK, &page)
}

/// The error of a refused save as form errors; any other error is the
/// error page's.
fn refused(lang: Lang, error: AppError) -> Result<(FormErrors, StatusCode), AppError> {
    match error {
        AppError::Invalid(invalid) => Ok((FormErrors::new(lang, &invalid), StatusCode::UNPROCESSABLE_ENTITY)),
        error @ (AppError::PathwayRefused(_) | AppError::Conflict(_)) => {
            Ok((FormErrors::general_text(super::conflict_message(lang, &error)), StatusCode::CONFLICT))
        }
        other => Err(other),
    }
}

/// How many more blank rows the form asks for.
fn added(form: &PlanForm, kind: &str) -> usize {
    usize::from(form.add == kind) + if form.add.is_empty() { SPARE_ROWS } else { 0 }
}

async fn start(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<PlanForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = crate::pages::refused_unless(&state, &actor, Action::WriteClinical, "care_plan.create").await
    {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let (errors, status) = if form.add.is_empty() {
        match state.app.start_care_plan(&actor, id, &form.fields()).await {
            Ok(plan) => return Redirect::to(&format!("/care-plans/{plan}?saved=1")).into_response(),
            Err(error) => match refused(lang, error) {
                Ok(shown) => shown,
                Err(error) => return page_error(error, lang),
            },
        }
    } else {
        (FormErrors::default(), StatusCode::OK)
    };
    let record = match state.app.get_person(&actor, id).await {
        Ok(record) => record,
        Err(error) => return page_error(error, lang),
    };
    let view = FormView {
        action: format!("/people/{id}/care-plan"),
        starting: true,
        spare_goals: added(&form, "goal"),
        spare_interventions: added(&form, "intervention"),
        form,
        errors,
        status,
        meanwhile: Vec::new(),
    };
    form_page(&state, &actor, &record, view)
}

/// One version of a plan (the current one unless `?version=` names another).
async fn show(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Path(id): Path<String>,
    Query(query): Query<ShowQuery>,
) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let plan = match state.app.care_plan(&actor, id).await {
        Ok(plan) => plan,
        Err(error) => return page_error(error, lang),
    };
    let record = match state.app.get_person(&actor, plan.row.person_id).await {
        Ok(record) => record,
        Err(error) => return page_error(error, lang),
    };
    let shown = query.version.trim().parse::<i64>().unwrap_or(plan.row.version);
    view_page(&state, &actor, &record, &plan, shown, !query.saved.is_empty())
}

/// The plan and its person, for a form; refused unless the actor may change it.
async fn changeable(state: &AppState, actor: &Actor, id: i64) -> Result<(CarePlan, PersonRecord), Response> {
    let lang = actor_lang(actor);
    let plan = state.app.care_plan(actor, id).await.map_err(|e| page_error(e, lang))?;
    let record = state.app.get_person(actor, plan.row.person_id).await.map_err(|e| page_error(e, lang))?;
    if !actor.may(Action::WriteClinical, Target::site(SiteId(record.person.site_id))) {
        return Err(page_error(AppError::Forbidden, lang));
    }
    Ok((plan, record))
}

async fn edit_form(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let (plan, record) = match changeable(&state, &actor, id).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let Some(current) = plan.current() else {
        return not_found(lang);
    };
    let form = PlanForm::of(current, &state.app.register_today().to_string());
    let errors = if plan.editable { FormErrors::default() } else { FormErrors::general(lang, "care-no-open-pathway") };
    let view = FormView {
        action: format!("/care-plans/{id}/edit"),
        starting: false,
        form,
        errors,
        status: StatusCode::OK,
        spare_goals: 1,
        spare_interventions: 1,
        meanwhile: Vec::new(),
    };
    form_page(&state, &actor, &record, view)
}

async fn revise(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<PlanForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = crate::pages::refused_unless(&state, &actor, Action::WriteClinical, "care_plan.update").await
    {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let expected = form.version.trim().parse::<i64>().unwrap_or(0);
    let (errors, status) = if form.add.is_empty() {
        match state.app.revise_care_plan(&actor, id, expected, &form.fields()).await {
            Ok(_) => return Redirect::to(&format!("/care-plans/{id}?saved=1")).into_response(),
            Err(error) => match refused(lang, error) {
                Ok(shown) => shown,
                Err(error) => return page_error(error, lang),
            },
        }
    } else {
        (FormErrors::default(), StatusCode::OK)
    };
    let (plan, record) = match changeable(&state, &actor, id).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let mut form = form;
    let meanwhile = if plan.row.version > expected && form.add.is_empty() {
        // The next save is made knowing what changed: over the version now current.
        let since = meanwhile(lang, &plan, expected);
        form.version = plan.row.version.to_string();
        since
    } else {
        Vec::new()
    };
    let view = FormView {
        action: format!("/care-plans/{id}/edit"),
        starting: false,
        spare_goals: usize::from(form.add == "goal"),
        spare_interventions: usize::from(form.add == "intervention"),
        form,
        errors,
        status,
        meanwhile,
    };
    form_page(&state, &actor, &record, view)
}

/// A version as the history shows it.
struct HistoryEntry {
    version: i64,
    change: String,
    at: String,
    by: String,
    site: String,
    note: String,
    changes: Vec<String>,
}

#[derive(Template)]
#[template(path = "care_plan_history.html")]
struct HistoryPage {
    shell: Shell,
    nav: CareNav,
    plan_id: i64,
    entries: Vec<HistoryEntry>,
}

/// Every version of a plan, the newest first, with what it changed.
async fn history(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let plan = match state.app.care_plan(&actor, id).await {
        Ok(plan) => plan,
        Err(error) => return page_error(error, lang),
    };
    let record = match state.app.get_person(&actor, plan.row.person_id).await {
        Ok(record) => record,
        Err(error) => return page_error(error, lang),
    };
    let t = |key: &str| continuum_i18n::t(lang, key);
    let mut entries = Vec::new();
    for (i, version) in plan.versions.iter().enumerate() {
        let changes = match i.checked_sub(1).and_then(|p| plan.versions.get(p)) {
            Some(before) => differences(&before.plan, &version.plan).iter().map(|d| difference_text(lang, d)).collect(),
            None => Vec::new(),
        };
        entries.push(HistoryEntry {
            version: version.meta.version,
            change: t(&format!("plan-change-{}", version.meta.change)),
            at: short_time(&version.meta.changed_at),
            by: version.meta.changed_by.clone().unwrap_or_default(),
            site: version.meta.site_code.clone(),
            note: version.meta.note.clone(),
            changes,
        });
    }
    entries.reverse();
    let name = display_name(&record.person.family_name, &record.person.given_names);
    let mut shell =
        Shell::signed_in(&actor, state.settings.demo_mode, "plan-history-title", &format!("/care-plans/{id}/history"));
    shell.title = format!("{} · {name}", shell.title);
    let page = HistoryPage { nav: CareNav::new(lang, record.person.id, Some(Tab::Plan)), plan_id: id, entries, shell };
    crate::pages::render(StatusCode::OK, &page)
}

pub(super) fn routes(routes: Routes) -> Routes {
    let read = Access::Policy(Action::ReadClinical);
    let write = Access::Policy(Action::WriteClinical);
    routes
        .add("GET", "/people/{id}/care-plan", read, get(show_for_person))
        .add("POST", "/people/{id}/care-plan", write, post(start))
        .add("GET", "/care-plans/{id}", read, get(show))
        .add("GET", "/care-plans/{id}/history", read, get(history))
        .add("GET", "/care-plans/{id}/edit", write, get(edit_form))
        .add("POST", "/care-plans/{id}/edit", write, post(revise))
}
