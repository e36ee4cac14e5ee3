//! Signals through the API: signal that someone may need help, list one's
//! own signals, and, for the care team, list a prison's signals, match one
//! to a person and acknowledge it.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::routing::{get, post};
use continuum_app::signals::{OwnSignal, Signal, SignalFilter, SignalMatch};
use continuum_domain::policy::Action;
use continuum_domain::signal::{SignalDraft, SignalFields};
use continuum_domain::validation::{Invalid, Problem as FieldProblem};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiJson, ApiPath, ApiQuery, Page, checked, failure, paging, validated};
use crate::error::{ApiError, Problem};
use crate::extract::ApiCaller;
use crate::routes::{Access, Routes};
use crate::state::AppState;

/// A signal as the one who made it sees it: what was sent and whether the
/// care team received it. Nothing in it comes from the register.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct OwnSignalDto {
    /// Id.
    pub id: i64,
    /// The prison's code.
    pub site: String,
    /// `prison_staff`, `medical_service`, `care_worker`, or `person` (on the
    /// person's own request).
    pub source: String,
    /// Prison number as sent.
    pub prison_number: String,
    /// Name as sent.
    pub name: String,
    /// Reason as sent.
    pub reason: String,
    /// When (UTC).
    pub signalled_at: String,
    /// Whether the care team has received it.
    pub received: bool,
    /// When it was received (UTC).
    pub received_at: Option<String>,
}

/// A signal as the care team sees it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct SignalDto {
    /// Id.
    pub id: i64,
    /// `prison_staff`, `medical_service`, `care_worker` or `person`.
    pub source: String,
    /// Prison number as sent.
    pub prison_number: String,
    /// Name as sent.
    pub name: String,
    /// Reason as sent.
    pub reason: String,
    /// Display name of the signaller.
    pub signalled_by: Option<String>,
    /// When (UTC).
    pub signalled_at: String,
    /// The person it is matched to.
    pub person_id: Option<i64>,
    /// While unmatched: the person at the prison who holds the number sent.
    pub suggested_person_id: Option<i64>,
    /// When it was received (UTC); absent while not received.
    pub received_at: Option<String>,
}

/// A new signal: a person named by prison number (anyone who may signal),
/// or a person of the register (`person_id`, the care team).
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct NewSignalDto {
    /// The prison's code; may be left out by a caller who signals at one prison only.
    #[schema(example = "HAS")]
    pub site: Option<String>,
    /// The prison number, as the caller knows it (unless `person_id` is given).
    pub prison_number: Option<String>,
    /// The name, as the caller knows it.
    pub name: Option<String>,
    /// Why the person may need help: short, non-clinical, at most 200 characters.
    #[schema(required = true, value_type = String)]
    pub reason: Option<String>,
    /// The person asked for help themselves.
    pub on_behalf_of_person: Option<bool>,
    /// A person of the register (care team only).
    pub person_id: Option<i64>,
}

/// The person a signal is matched to: by id, or by the prison number held
/// at the signal's prison.
#[derive(Debug, Default, Serialize, Deserialize, ToSchema)]
pub struct SignalLinkDto {
    /// The person's id.
    pub person_id: Option<i64>,
    /// Or the prison number.
    pub prison_number: Option<String>,
}

/// Paging of one's own signals.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MySignalsQuery {
    /// Page, from 1.
    #[param(value_type = Option<u32>, minimum = 1)]
    pub page: Option<String>,
    /// Results per page, 1 to 200 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 200)]
    pub per_page: Option<String>,
}

/// Which of a prison's signals.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SiteSignalsQuery {
    /// The prison's code (default: the caller's first prison).
    pub site: Option<String>,
    /// `pending` (default: not yet received, the oldest first) or `all` (the newest first).
    pub status: Option<String>,
    /// Page, from 1.
    #[param(value_type = Option<u32>, minimum = 1)]
    pub page: Option<String>,
    /// Results per page, 1 to 200 (default 50).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 200)]
    pub per_page: Option<String>,
}

fn own_dto(s: OwnSignal) -> OwnSignalDto {
    OwnSignalDto {
        id: s.id,
        site: s.site_code,
        source: s.source,
        prison_number: s.prison_number,
        name: s.name,
        reason: s.reason,
        signalled_at: s.signalled_at,
        received: s.received_at.is_some(),
        received_at: s.received_at,
    }
}

fn signal_dto(s: Signal) -> SignalDto {
    let matched = s.person_id.is_some();
    SignalDto {
        id: s.id,
        source: s.source,
        prison_number: s.prison_number,
        name: s.name,
        reason: s.reason,
        signalled_by: s.signalled_by,
        signalled_at: s.signalled_at,
        person_id: s.person_id,
        suggested_person_id: s.match_id.filter(|_| !matched),
        received_at: s.received_at,
    }
}

/// Signals that a person may need help. The answer is made of what was
/// sent: it does not tell whether the prison number is known.
#[utoipa::path(
    post,
    path = "/api/v1/signals",
    operation_id = "create_signal",
    tag = "signals",
    security(("bearer" = [])),
    request_body = NewSignalDto,
    responses(
        (status = 201, description = "Sent.", body = OwnSignalDto),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person at the caller's prisons (`person_id`).", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn create_signal(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiJson(body): ApiJson<NewSignalDto>,
) -> Result<(StatusCode, [(header::HeaderName, String); 1], Json<OwnSignalDto>), ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::SignalPerson, "signal.create").await.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let reason = body.reason.as_deref().unwrap_or_default();
    let on_behalf = body.on_behalf_of_person.unwrap_or(false);
    let created = if let Some(person_id) = body.person_id {
        state.app.signal_person(&actor, person_id, reason, on_behalf).await.map_err(&fail)?
    } else {
        let mut errors = Invalid::default();
        let sites = state.app.signal_sites(&actor);
        let site = match body.site.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(code) => actor.sites.iter().find(|s| s.code.eq_ignore_ascii_case(code)).map(|s| s.id),
            None if sites.len() == 1 => sites.first().copied(),
            None => None,
        };
        if site.is_none() {
            errors.push("site", if body.site.is_some() { FieldProblem::UnknownSite } else { FieldProblem::Required });
        }
        let draft = SignalDraft::parse(&SignalFields {
            prison_number: body.prison_number.as_deref().unwrap_or_default(),
            name: body.name.as_deref().unwrap_or_default(),
            reason,
            on_behalf_of_person: on_behalf,
        });
        let draft = validated(errors, draft).map_err(&fail)?;
        let site = site.ok_or_else(|| fail(continuum_app::AppError::field("site", FieldProblem::Required)))?;
        state.app.create_signal(&actor, site, &draft).await.map_err(&fail)?
    };
    Ok((StatusCode::CREATED, [(header::LOCATION, "/api/v1/signals/mine".to_owned())], Json(own_dto(created))))
}

/// The signals the caller made, newest first: what was sent and whether it
/// was received.
#[utoipa::path(
    get,
    path = "/api/v1/signals/mine",
    operation_id = "list_my_signals",
    tag = "signals",
    security(("bearer" = [])),
    params(MySignalsQuery),
    responses(
        (status = 200, description = "The signals of the page.", body = Page<OwnSignalDto>),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A parameter of the wrong form.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn list_my_signals(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<MySignalsQuery>,
) -> Result<Json<Page<OwnSignalDto>>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::SignalPerson, "signal.list_own").await.map_err(&fail)?;
    let query = query.map_err(&fail)?;
    let mut errors = Invalid::default();
    let paging = paging(&mut errors, query.page.as_ref(), query.per_page.as_ref());
    let paging = checked(errors, paging).map_err(&fail)?;
    let listing = state.app.my_signals(&actor, paging).await.map_err(&fail)?;
    Ok(Json(Page::from_listing(listing, own_dto)))
}

/// A prison's signals, for its care team.
#[utoipa::path(
    get,
    path = "/api/v1/signals",
    operation_id = "list_signals",
    tag = "signals",
    security(("bearer" = [])),
    params(SiteSignalsQuery),
    responses(
        (status = 200, description = "The signals of the page.", body = Page<SignalDto>),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A parameter of the wrong form.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn list_signals(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<SiteSignalsQuery>,
) -> Result<Json<Page<SignalDto>>, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::ViewRegister, "signal.list").await.map_err(&fail)?;
    let query = query.map_err(&fail)?;
    let mut errors = Invalid::default();
    let paging = paging(&mut errors, query.page.as_ref(), query.per_page.as_ref());
    let filter = match query.status.as_deref().map(str::trim) {
        None | Some("" | "pending") => SignalFilter::Pending,
        Some("all") => SignalFilter::All,
        Some(_) => {
            errors.push("status", FieldProblem::InvalidFormat);
            SignalFilter::Pending
        }
    };
    let site = match query.site.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(code) => {
            let site = actor.sites.iter().find(|s| s.code.eq_ignore_ascii_case(code)).map(|s| s.id);
            if site.is_none() {
                errors.push("site", FieldProblem::UnknownSite);
            }
            site
        }
        None => None,
    };
    let (paging, filter, site) = checked(errors, (paging, filter, site)).map_err(&fail)?;
    let (_, listing) = state.app.site_signals(&actor, site, filter, paging).await.map_err(&fail)?;
    Ok(Json(Page::from_listing(listing, signal_dto)))
}

/// Matches an unmatched signal to a person at its prison. A person whose
/// care pathway is closed has it reopened by the signal; a person without
/// one gets one.
#[utoipa::path(
    post,
    path = "/api/v1/signals/{id}/link",
    operation_id = "link_signal",
    tag = "signals",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The signal's id.")),
    request_body = SignalLinkDto,
    responses(
        (status = 204, description = "Matched."),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such signal at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already matched.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Nobody with this id or number at the signal's prison.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn link_signal(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<SignalLinkDto>,
) -> Result<StatusCode, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::WriteClinical, "signal.link").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    let body = body.map_err(&fail)?;
    let to = match body.person_id {
        Some(person) => SignalMatch::Person(person),
        None => SignalMatch::PrisonNumber(body.prison_number.unwrap_or_default()),
    };
    state.app.link_signal(&actor, id, &to).await.map_err(&fail)?;
    Ok(StatusCode::NO_CONTENT)
}

/// Acknowledges a signal: the care team received it.
#[utoipa::path(
    post,
    path = "/api/v1/signals/{id}/acknowledge",
    operation_id = "acknowledge_signal",
    tag = "signals",
    security(("bearer" = [])),
    params(("id" = i64, Path, description = "The signal's id.")),
    responses(
        (status = 204, description = "Received."),
        (status = 401, description = "Not signed in.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not allowed.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such signal at the caller's prisons.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already received.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub(super) async fn acknowledge_signal(
    State(state): State<AppState>,
    ApiCaller(actor): ApiCaller,
    headers: HeaderMap,
    ApiPath(id): ApiPath<i64>,
) -> Result<StatusCode, ApiError> {
    let fail = failure(&actor, &headers);
    state.app.permit(&actor, Action::WriteClinical, "signal.acknowledge").await.map_err(&fail)?;
    let id = id.map_err(&fail)?;
    state.app.acknowledge_signal(&actor, id).await.map_err(&fail)?;
    Ok(StatusCode::NO_CONTENT)
}

pub(super) fn routes(routes: Routes) -> Routes {
    routes
        .add("POST", "/api/v1/signals", Access::Policy(Action::SignalPerson), post(create_signal))
        .add("GET", "/api/v1/signals", Access::Policy(Action::ViewRegister), get(list_signals))
        .add("GET", "/api/v1/signals/mine", Access::Policy(Action::SignalPerson), get(list_my_signals))
        .add("POST", "/api/v1/signals/{id}/link", Access::Policy(Action::WriteClinical), post(link_signal))
        .add(
            "POST",
            "/api/v1/signals/{id}/acknowledge",
            Access::Policy(Action::WriteClinical),
            post(acknowledge_signal),
        )
}
