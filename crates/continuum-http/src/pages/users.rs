//! Staff accounts, for administrators: the list, an account's details, the
//! forms to add and change accounts and their roles, the password reset, and
//! which roles must use two-step verification.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use continuum_app::reference::OrganisationFilter;
use continuum_app::users::Account;
use continuum_app::{Actor, AppError, Paging};
use continuum_domain::account::{ALL_SITES, AccountDraft, GrantInput};
use continuum_domain::audit::format_instant;
use continuum_domain::credentials::check_new_password;
use continuum_domain::ids::SiteId;
use continuum_domain::policy::Action;
use continuum_domain::role::Role;
use continuum_domain::validation::Invalid;
use continuum_i18n::Lang;
use serde::Deserialize;

use super::sites::{Pager, SummaryItem, mark_errors, not_found, page_number, parse_id, short_time, summary};
use crate::error::PageError;
use crate::extract::{CsrfForm, SignedIn, actor_lang};
use crate::routes::{Access, Routes};
use crate::shell::{FormErrors, Shell};
use crate::state::AppState;

const PER_PAGE: u32 = 25;

/// Empty grant rows offered below the account's grants.
const EMPTY_GRANT_ROWS: usize = 3;

/// One role of an account, as a badge: "Medical service · LAN".
fn grant_label(lang: Lang, role: &str, site_code: Option<&str>) -> String {
    let role = continuum_i18n::t(lang, &format!("role-{role}"));
    let site = site_code.map_or_else(|| continuum_i18n::t(lang, "all-sites"), str::to_owned);
    format!("{role} · {site}")
}

pub(super) fn grant_labels(lang: Lang, account: &Account) -> Vec<String> {
    account.grants.iter().map(|g| grant_label(lang, &g.role, g.site_code.as_deref())).collect()
}

/// The end of a lock-out still to come, as shown.
fn locked_until(account: &Account) -> Option<String> {
    let now = format_instant(jiff::Timestamp::now());
    account.locked_until.as_deref().filter(|until| *until > now.as_str()).map(short_time)
}

pub(super) fn language_label(code: &str) -> String {
    Lang::parse(code).map_or_else(|| code.to_owned(), |l| l.native_name().to_owned())
}

// ---------------------------------------------------------------------------
// The list

#[derive(Deserialize, Default)]
struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: String,
}

struct UserLine {
    id: i64,
    username: String,
    display_name: String,
    grants: Vec<String>,
    active: bool,
    totp: bool,
    locked_until: Option<String>,
}

#[derive(Template)]
#[template(path = "users.html")]
struct UsersPage {
    shell: Shell,
    q: String,
    rows: Vec<UserLine>,
    pager: Pager,
}

async fn list(State(state): State<AppState>, SignedIn(actor): SignedIn, Query(query): Query<ListQuery>) -> Response {
    let lang = actor_lang(&actor);
    let q = query.q.trim().to_owned();
    let paging = Paging { page: page_number(&query.page), per_page: PER_PAGE };
    let listing = match state.app.list_users(&actor, &q, paging).await {
        Ok(listing) => listing,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let pager = Pager::new(lang, &listing, "/admin/users", &[("q", &q)]);
    let rows = listing
        .items
        .into_iter()
        .map(|a| UserLine {
            id: a.id,
            grants: grant_labels(lang, &a),
            locked_until: locked_until(&a),
            active: a.active,
            totp: a.totp_enabled,
            username: a.username,
            display_name: a.display_name,
        })
        .collect();
    let page = UsersPage {
        shell: Shell::signed_in(&actor, state.settings.demo_mode, "users-title", "/admin/users"),
        q,
        rows,
        pager,
    };
    super::render(StatusCode::OK, &page)
}

// ---------------------------------------------------------------------------
// Details and the password reset

#[derive(Template)]
#[template(path = "user.html")]
struct UserPage {
    shell: Shell,
    account: Account,
    /// For an outside provider's account: the organisations it may work
    /// for, the current one selected (issue 6, item 4).
    organisations: Option<Vec<OrganisationChoice>>,
    language: String,
    grants: Vec<String>,
    locked_until: Option<String>,
    created_at: String,
    updated_at: String,
    notice: String,
    password_error: String,
    summary: Vec<SummaryItem>,
}

#[derive(Deserialize, Default)]
struct NoticeQuery {
    #[serde(default)]
    saved: String,
    #[serde(default)]
    created: String,
    #[serde(default)]
    password_reset: String,
}

async fn show(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Path(id): Path<String>,
    Query(query): Query<NoticeQuery>,
) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let notice = if !query.created.is_empty() {
        "users-created"
    } else if !query.password_reset.is_empty() {
        "users-reset-password-done"
    } else if !query.saved.is_empty() {
        "saved"
    } else {
        ""
    };
    user_page(&state, &actor, id, notice, FormErrors::default(), StatusCode::OK).await
}

async fn user_page(
    state: &AppState,
    actor: &Actor,
    id: i64,
    notice: &str,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let lang = actor_lang(actor);
    let account = match state.app.get_user(actor, id).await {
        Ok(account) => account,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let organisations = if account.grants.iter().any(|g| g.role == Role::ExternalProvider.code()) {
        match organisation_choices(state, actor, account.organisation_id).await {
            Ok(choices) => Some(choices),
            Err(error) => return PageError::new(error, lang).into_response(),
        }
    } else {
        None
    };
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "users-title", &format!("/admin/users/{id}"));
    shell.title.clone_from(&account.display_name);
    mark_errors(&mut shell, errors.any());
    let page = UserPage {
        notice: if notice.is_empty() { String::new() } else { shell.t(notice) },
        summary: summary(lang, errors.all(), &[("password", "users-new-password")]),
        password_error: errors.get("password"),
        shell,
        language: language_label(&account.language),
        grants: grant_labels(lang, &account),
        locked_until: locked_until(&account),
        created_at: short_time(&account.created_at),
        updated_at: short_time(&account.updated_at),
        organisations,
        account,
    };
    super::render(status, &page)
}

// ---------------------------------------------------------------------------
// The organisation of an outside provider's account (issue 6, item 4)

/// An organisation offered for an outside provider's account.
struct OrganisationChoice {
    id: i64,
    name: String,
    selected: bool,
}

/// The organisations in use other than prisons, and the account's current
/// one even if no longer in use.
async fn organisation_choices(
    state: &AppState,
    actor: &Actor,
    current: Option<i64>,
) -> Result<Vec<OrganisationChoice>, AppError> {
    let filter = OrganisationFilter::default();
    let listing = state.app.list_organisations(actor, &filter, Paging { page: 1, per_page: 1000 }).await?;
    Ok(listing
        .items
        .into_iter()
        .filter(|o| Some(o.id) == current || (o.active && o.kind != "prison"))
        .map(|o| OrganisationChoice { selected: Some(o.id) == current, id: o.id, name: o.name })
        .collect())
}

#[derive(Deserialize, Default)]
struct OrganisationForm {
    /// An organisation's id, or empty for none.
    #[serde(default)]
    organisation: String,
}

async fn set_organisation(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<OrganisationForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::ManageUsers, "user.organisation").await {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let organisation = match form.organisation.trim() {
        "" => None,
        chosen => match parse_id(chosen) {
            Some(organisation) => Some(organisation),
            None => return not_found(lang),
        },
    };
    match state.app.set_user_organisation(&actor, id, organisation).await {
        Ok(()) => Redirect::to(&format!("/admin/users/{id}?saved=1")).into_response(),
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

#[derive(Deserialize, Default)]
struct PasswordForm {
    #[serde(default)]
    password: String,
}

async fn reset_password(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<PasswordForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::ManageUsers, "user.reset_password").await {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    match state.app.reset_password(&actor, id, &form.password).await {
        Ok(()) => Redirect::to(&format!("/admin/users/{id}?password_reset=1")).into_response(),
        Err(AppError::Invalid(invalid)) => {
            let errors = FormErrors::new(lang, &invalid);
            user_page(&state, &actor, id, "", errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

// ---------------------------------------------------------------------------
// The account form (new and edit)

/// What the account form holds, as typed.
#[derive(Deserialize, Default)]
struct UserForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    active: Option<String>,
    #[serde(default)]
    grant_role: Vec<String>,
    #[serde(default)]
    grant_site: Vec<String>,
}

impl UserForm {
    /// The grant rows that name a role (empty rows are ignored).
    fn grants(&self) -> Vec<GrantInput> {
        self.grant_role
            .iter()
            .enumerate()
            .filter(|(_, role)| !role.trim().is_empty())
            .map(|(i, role)| GrantInput {
                role: role.trim().to_owned(),
                site: self.grant_site.get(i).map(|s| s.trim().to_owned()).unwrap_or_default(),
            })
            .collect()
    }
}

/// An option of a select.
struct Choice {
    value: String,
    label: String,
    selected: bool,
}

/// One grant row of the form: its role and site selects.
struct GrantLine {
    index: usize,
    roles: Vec<Choice>,
    sites: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "user_form.html")]
struct UserFormPage {
    shell: Shell,
    /// `None` for a new account.
    id: Option<i64>,
    action: String,
    form: UserForm,
    own: bool,
    active: bool,
    languages: Vec<Choice>,
    grant_lines: Vec<GrantLine>,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
}

const FIELDS: &[(&str, &str)] = &[
    ("username", "username"),
    ("display_name", "display-name"),
    ("email", "email"),
    ("language", "language"),
    ("password", "password"),
    ("grants", "roles"),
];

async fn user_form(
    state: &AppState,
    actor: &Actor,
    id: Option<i64>,
    form: UserForm,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let lang = actor_lang(actor);
    let sites = match state.app.list_sites(actor).await {
        Ok(sites) => sites,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let (title, path) = match id {
        Some(id) => ("users-edit-title", format!("/admin/users/{id}/edit")),
        None => ("users-new-title", "/admin/users/new".to_owned()),
    };
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, title, &path);
    if id.is_some() {
        shell.title = format!("{} · {}", shell.title, form.username);
    }
    mark_errors(&mut shell, errors.any());
    let mut rows: Vec<(String, String)> = form
        .grant_role
        .iter()
        .cloned()
        .zip(form.grant_site.iter().cloned())
        .filter(|(r, _)| !r.trim().is_empty())
        .collect();
    rows.extend(std::iter::repeat_n((String::new(), String::new()), EMPTY_GRANT_ROWS));
    let grant_lines = rows
        .into_iter()
        .enumerate()
        .map(|(index, (role, site))| {
            let mut roles =
                vec![Choice { value: String::new(), label: shell.t("users-no-role"), selected: role.is_empty() }];
            roles.extend(Role::ALL.iter().map(|r| Choice {
                value: r.code().to_owned(),
                label: shell.t(&format!("role-{}", r.code())),
                selected: r.code() == role,
            }));
            let mut choices = vec![
                Choice { value: String::new(), label: shell.t("select-placeholder"), selected: site.is_empty() },
                Choice { value: ALL_SITES.to_owned(), label: shell.t("all-sites"), selected: site == ALL_SITES },
            ];
            choices.extend(sites.iter().map(|s| Choice {
                value: s.code.clone(),
                label: format!("{} · {}", s.code, s.name),
                selected: s.code.eq_ignore_ascii_case(&site),
            }));
            GrantLine { index, roles, sites: choices }
        })
        .collect();
    let languages = Lang::ALL
        .iter()
        .map(|l| Choice {
            value: l.code().to_owned(),
            label: l.native_name().to_owned(),
            selected: l.code() == form.language,
        })
        .collect();
    let page = UserFormPage {
        shell,
        id,
        action: path,
        own: id == Some(actor.user_id.0),
        active: form.active.is_some(),
        languages,
        grant_lines,
        summary: summary(lang, errors.all(), FIELDS),
        form,
        errors,
    };
    super::render(status, &page)
}

fn forbidden_unless_admin(actor: &Actor) -> Option<Response> {
    (!actor.may(Action::ManageUsers, continuum_domain::policy::Target::PROGRAMME))
        .then(|| PageError::new(AppError::Forbidden, actor_lang(actor)).into_response())
}

/// Validates the form, resolving site codes.
async fn draft(state: &AppState, form: &UserForm, active: bool) -> Result<Result<AccountDraft, Invalid>, AppError> {
    let site_ids = state.app.site_ids().await?;
    let lookup = |code: &str| -> Option<SiteId> {
        site_ids.iter().find(|(c, _)| c.eq_ignore_ascii_case(code)).map(|(_, id)| *id)
    };
    Ok(AccountDraft::parse(
        &form.username,
        &form.display_name,
        &form.email,
        &form.language,
        &form.grants(),
        active,
        lookup,
    ))
}

async fn new_form(State(state): State<AppState>, SignedIn(actor): SignedIn) -> Response {
    if let Some(refused) = forbidden_unless_admin(&actor) {
        return refused;
    }
    let form =
        UserForm { language: actor_lang(&actor).code().to_owned(), active: Some("on".into()), ..UserForm::default() };
    user_form(&state, &actor, None, form, FormErrors::default(), StatusCode::OK).await
}

async fn create(State(state): State<AppState>, CsrfForm { actor, form }: CsrfForm<UserForm>) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::ManageUsers, "user.create").await {
        return refused;
    }
    let form = UserForm { active: Some("on".into()), ..form };
    let parsed = match draft(&state, &form, true).await {
        Ok(parsed) => parsed,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let draft = match parsed {
        Ok(draft) => draft,
        Err(mut invalid) => {
            check_new_password(&mut invalid, "password", &form.password, form.username.trim());
            let errors = FormErrors::new(lang, &invalid);
            return user_form(&state, &actor, None, blank_password(form), errors, StatusCode::UNPROCESSABLE_ENTITY)
                .await;
        }
    };
    match state.app.create_user(&actor, draft, &form.password).await {
        Ok(id) => Redirect::to(&format!("/admin/users/{id}?created=1")).into_response(),
        Err(AppError::Invalid(invalid)) => {
            let errors = FormErrors::new(lang, &invalid);
            user_form(&state, &actor, None, blank_password(form), errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

/// The form without the password, to show it again.
fn blank_password(form: UserForm) -> UserForm {
    UserForm { password: String::new(), ..form }
}

async fn edit_form(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let account = match state.app.get_user(&actor, id).await {
        Ok(account) => account,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let form = UserForm {
        grant_role: account.grants.iter().map(|g| g.role.clone()).collect(),
        grant_site: account
            .grants
            .iter()
            .map(|g| g.site_code.clone().unwrap_or_else(|| ALL_SITES.to_owned()))
            .collect(),
        username: account.username,
        display_name: account.display_name,
        email: account.email,
        language: account.language,
        password: String::new(),
        active: account.active.then(|| "on".to_owned()),
    };
    user_form(&state, &actor, Some(id), form, FormErrors::default(), StatusCode::OK).await
}

async fn update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<UserForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::ManageUsers, "user.update").await {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let form = blank_password(form);
    let parsed = match draft(&state, &form, form.active.is_some()).await {
        Ok(parsed) => parsed,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let draft = match parsed {
        Ok(draft) => draft,
        Err(invalid) => {
            let errors = FormErrors::new(lang, &invalid);
            return user_form(&state, &actor, Some(id), form, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    match state.app.update_user(&actor, id, draft).await {
        Ok(()) => Redirect::to(&format!("/admin/users/{id}?saved=1")).into_response(),
        Err(AppError::Invalid(invalid)) => {
            // The one rule of update_user beyond the form: administrators
            // keep their own administrator role.
            let own_admin_role = id == actor.user_id.0
                && invalid.0.len() == 1
                && invalid.for_field("grants") == Some(&continuum_domain::validation::Problem::InvalidFormat);
            let errors = if own_admin_role {
                FormErrors::general(lang, "users-own-admin-hint")
            } else {
                FormErrors::new(lang, &invalid)
            };
            user_form(&state, &actor, Some(id), form, errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

// ---------------------------------------------------------------------------
// Security settings: roles that require two-step verification

struct RoleChoice {
    code: &'static str,
    label: String,
    checked: bool,
}

#[derive(Template)]
#[template(path = "users_security.html")]
struct SecurityPage {
    shell: Shell,
    roles: Vec<RoleChoice>,
    saved: bool,
}

#[derive(Deserialize, Default)]
struct SavedQuery {
    #[serde(default)]
    saved: String,
}

async fn security(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Query(query): Query<SavedQuery>,
) -> Response {
    let lang = actor_lang(&actor);
    let required = match state.app.roles_requiring_totp(&actor).await {
        Ok(roles) => roles,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let shell = Shell::signed_in(&actor, state.settings.demo_mode, "security-title", "/admin/security");
    let roles = Role::ALL
        .iter()
        .map(|r| RoleChoice {
            code: r.code(),
            label: shell.t(&format!("role-{}", r.code())),
            checked: required.contains(r),
        })
        .collect();
    super::render(StatusCode::OK, &SecurityPage { shell, roles, saved: !query.saved.is_empty() })
}

#[derive(Deserialize, Default)]
struct SecurityForm {
    #[serde(default)]
    roles: Vec<String>,
}

async fn save_security(State(state): State<AppState>, CsrfForm { actor, form }: CsrfForm<SecurityForm>) -> Response {
    let lang = actor_lang(&actor);
    let roles: Vec<Role> = form.roles.iter().filter_map(|code| Role::parse(code)).collect();
    match state.app.set_roles_requiring_totp(&actor, &roles).await {
        Ok(()) => Redirect::to("/admin/security?saved=1").into_response(),
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

pub(crate) fn routes(routes: Routes) -> Routes {
    let manage = Access::Policy(Action::ManageUsers);
    routes
        .add("GET", "/admin/users", manage, get(list))
        .add("GET", "/admin/users/new", manage, get(new_form))
        .add("POST", "/admin/users/new", manage, post(create))
        .add("GET", "/admin/users/{id}", manage, get(show))
        .add("GET", "/admin/users/{id}/edit", manage, get(edit_form))
        .add("POST", "/admin/users/{id}/edit", manage, post(update))
        .add("POST", "/admin/users/{id}/password", manage, post(reset_password))
        .add("POST", "/admin/users/{id}/organisation", manage, post(set_organisation))
        .add("GET", "/admin/security", manage, get(security))
        .add("POST", "/admin/security", manage, post(save_security))
}
