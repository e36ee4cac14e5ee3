//! `/api/v1/users`: staff accounts, for administrators. Password hashes and
//! second-factor secrets never leave the server; the use cases do not even
//! hand them to this layer.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::{get, post, put};
use continuum_app::AppError;
use continuum_app::users::Account;
use continuum_domain::account::{ALL_SITES, AccountDraft, GrantInput};
use continuum_domain::credentials::check_new_password;
use continuum_domain::ids::SiteId;
use continuum_domain::policy::Action;
use continuum_domain::validation::Invalid;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiJson, ApiPath, ApiQuery, Page, checked, failure, given, paging, required, validated};
use crate::error::{ApiError, Problem};
use crate::extract::ApiCaller;
use crate::routes::{Access, Routes};
use crate::state::AppState;

/// A role held at a site, or at every site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct GrantDto {
    /// Role code: `care_worker`, `medical`, `psychosocial`, `prison_staff`,
    /// `director`, `coordinator`, `steering_member`, `external_provider`,
    /// `researcher` or `admin`.
    #[schema(example = "care_worker")]
    pub role: String,
    /// A site code, or `*` for every site.
    #[schema(example = "HAS")]
    pub site: String,
}

/// A staff account (never its password or second-factor secret).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct UserDto {
    /// Id.
    pub id: i64,
    /// Username, lower case.
    pub username: String,
    /// Display name.
    pub display_name: String,
    /// E-mail (may be empty).
    pub email: String,
    /// Interface language: `nl`, `fr` or `en`.
    pub language: String,
    /// Whether the account may sign in.
    pub active: bool,
    /// Whether a second factor is in use.
    pub totp_enabled: bool,
    /// Locked after failed sign-ins until then (RFC 3339, UTC).
    pub locked_until: Option<String>,
    /// Roles and sites.
    pub grants: Vec<GrantDto>,
    /// Created (RFC 3339, UTC).
    pub created_at: String,
    /// Last changed (RFC 3339, UTC).
    pub updated_at: String,
}

/// A new account.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct NewUserDto {
    /// Username: 3 to 64 of `a-z`, `0-9`, `.`, `_`, `-` (folded to lower case).
    #[schema(required = true, value_type = String)]
    pub username: Option<String>,
    /// Display name (1 to 120 characters).
    #[schema(required = true, value_type = String)]
    pub display_name: Option<String>,
    /// E-mail (may be empty).
    #[schema(required = false, value_type = String)]
    pub email: Option<String>,
    /// Interface language: `nl`, `fr` or `en`.
    #[schema(required = true, value_type = String)]
    pub language: Option<String>,
    /// The first password (the password policy applies).
    #[schema(required = true, format = Password, value_type = String)]
    pub password: Option<String>,
    /// Roles and sites.
    #[schema(required = false, value_type = Vec<GrantDto>)]
    pub grants: Option<Vec<GrantDto>>,
}

/// A change of an account: every field (the username cannot change).
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct UserChangeDto {
    /// Display name.
    #[schema(required = true, value_type = String)]
    pub display_name: Option<String>,
    /// E-mail (may be empty).
    #[schema(required = false, value_type = String)]
    pub email: Option<String>,
    /// Interface language.
    #[schema(required = true, value_type = String)]
    pub language: Option<String>,
    /// Whether the account may sign in; deactivating ends its sessions.
    #[schema(required = true, value_type = bool)]
    pub active: Option<bool>,
    /// Roles and sites: the whole new set.
    #[schema(required = true, value_type = Vec<GrantDto>)]
    pub grants: Option<Vec<GrantDto>>,
}

/// Search and paging of the account list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserQuery {
    /// Text to find in the username or name.
    pub q: Option<String>,
    /// Page, from 1.
    #[param(value_type = Option<u32>, minimum = 1)]
    pub page: Option<String>,
    /// Results per page, 1 to 200 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 200)]
    pub per_page: Option<String>,
}

/// The grants of an account on the wire: site code, or `*` for every site.
pub(crate) fn grant_dtos(account: &Account) -> Vec<GrantDto> {
    account
        .grants
        .iter()
        .map(|g| GrantDto {
            role: g.role.clone(),
            site: match (&g.site_code, g.site_id) {
                (Some(code), _) => code.clone(),
                (None, Some(id)) => id.to_string(),
                (None, None) => ALL_SITES.to_owned(),
            },
        })
        .collect()
}

fn user_dto(account: Account) -> UserDto {
    let grants = grant_dtos(&account);
    UserDto {
        id: account.id,
        username: account.username,
        display_name: account.display_name,
        email: account.email,
        language: account.language,
        active: account.active,
        totp_enabled: account.totp_enabled,
        locked_until: account.locked_until,
        grants,
        created_at: account.created_at,
        updated_at: account.updated_at,
    }
}

fn grant_inputs(grants: &[GrantDto]) -> Vec<GrantInput> {
    grants.iter().map(|g| GrantInput { role: g.role.clone(), site: g.site.clone() }).collect()
}

/// Resolves site codes, ignoring case.
async fn site_lookup(state: &AppState) -> Result<impl Fn(&str) -> Option<SiteId>, AppError> {
    let sites = state.app.site_ids().await?;
    Ok(move |code: &str| sites.iter().find(|(c, _)| c.eq_ignore_ascii_case(code)).map(|(_, id)| *id))
}

/// A page of accounts.
#[utoipa::path(
    get,
    path = "/api/v1/users",
    operation_id = "list_users",
    tag = "users",
    security(("bearer" = [])),
    params(UserQuery),
    responses(
        (status = 200, description = "The accounts of the page.", body = Page<UserDto>),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A parameter of the wrong form.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn list_users(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<UserQuery>,
) -> Result<Json<Page<UserDto>>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ManageUsers, "user.list").await.map_err(&fail)?;
    let query = query.map_err(&fail)?;
    let mut errors = Invalid::default();
    let paging = paging(&mut errors, query.page.as_ref(), query.per_page.as_ref());
    let paging = checked(errors, paging).map_err(&fail)?;
    let search = given(query.q.as_ref()).unwrap_or_default();
    let listing = state.app.list_users(&actor, search, paging).await.map_err(&fail)?;
    Ok(Json(Page::from_listing(listing, user_dto)))
}

/// One account.
#[utoipa::path(
    get,
    path = "/api/v1/users/{id}",
    operation_id = "get_user",
    tag = "users",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Account id.")),
    responses(
        (status = 200, description = "The account.", body = UserDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such account.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn get_user(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<Json<UserDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ManageUsers, "user.read").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    Ok(Json(user_dto(state.app.get_user(&actor, id).await.map_err(&fail)?)))
}

/// Creates an account with a first password.
#[utoipa::path(
    post,
    path = "/api/v1/users",
    operation_id = "create_user",
    tag = "users",
    security(("bearer" = [])),
    request_body = NewUserDto,
    responses(
        (status = 201, description = "Created.", body = UserDto,
            headers(("Location" = String, description = "The new account's address."))),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (a username in use: `duplicate`; an unknown site: `unknown-site`).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn create_user(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiJson(body): ApiJson<NewUserDto>,
) -> Result<(StatusCode, [(header::HeaderName, String); 1], Json<UserDto>), ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ManageUsers, "user.create").await.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let sites = site_lookup(&state).await.map_err(&fail)?;
    let parsed = AccountDraft::parse(
        body.username.as_deref().unwrap_or_default(),
        body.display_name.as_deref().unwrap_or_default(),
        body.email.as_deref().unwrap_or_default(),
        body.language.as_deref().unwrap_or_default(),
        &grant_inputs(body.grants.as_deref().unwrap_or_default()),
        true,
        sites,
    );
    // The use case checks the password too, but only once the rest is
    // valid; checking here reports every invalid field at once.
    let mut errors = Invalid::default();
    if parsed.is_err() {
        check_new_password(
            &mut errors,
            "password",
            body.password.as_deref().unwrap_or_default(),
            body.username.as_deref().unwrap_or_default().trim(),
        );
    }
    let draft = validated(errors, parsed).map_err(&fail)?;
    let id = state.app.create_user(&actor, draft, body.password.as_deref().unwrap_or_default()).await.map_err(&fail)?;
    let user = user_dto(state.app.get_user(&actor, id).await.map_err(&fail)?);
    Ok((StatusCode::CREATED, [(header::LOCATION, format!("/api/v1/users/{id}"))], Json(user)))
}

/// Changes an account's profile, activity and grants.
#[utoipa::path(
    put,
    path = "/api/v1/users/{id}",
    operation_id = "update_user",
    tag = "users",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "Account id.")),
    request_body = UserChangeDto,
    responses(
        (status = 200, description = "Changed; the account as it is now.", body = UserDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such account.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields (taking the admin role from oneself: `grants`).", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn update_user(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<UserChangeDto>,
) -> Result<Json<UserDto>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ManageUsers, "user.update").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let sites = site_lookup(&state).await.map_err(&fail)?;
    let mut errors = Invalid::default();
    let active = required(&mut errors, "active", body.active);
    let grants = required(&mut errors, "grants", body.grants);
    // The username cannot change and the use case ignores it; a valid
    // placeholder lets the draft be checked.
    let parsed = AccountDraft::parse(
        "unchanged",
        body.display_name.as_deref().unwrap_or_default(),
        body.email.as_deref().unwrap_or_default(),
        body.language.as_deref().unwrap_or_default(),
        &grant_inputs(&grants),
        active,
        sites,
    );
    let draft = validated(errors, parsed).map_err(&fail)?;
    state.app.update_user(&actor, id, draft).await.map_err(&fail)?;
    Ok(Json(user_dto(state.app.get_user(&actor, id).await.map_err(&fail)?)))
}

pub(super) fn routes(routes: Routes) -> Routes {
    routes
        .add("GET", "/api/v1/users", Access::Policy(Action::ManageUsers), get(list_users))
        .add("POST", "/api/v1/users", Access::Policy(Action::ManageUsers), post(create_user))
        .add("GET", "/api/v1/users/{id}", Access::Policy(Action::ManageUsers), get(get_user))
        .add("PUT", "/api/v1/users/{id}", Access::Policy(Action::ManageUsers), put(update_user))
}
