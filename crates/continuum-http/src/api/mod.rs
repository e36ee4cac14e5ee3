//! The JSON API under `/api/v1`, described by an OpenAPI 3.1 document
//! generated from the code and served at `/api/v1/openapi.json`.
//!
//! Conventions of every endpoint:
//!
//! - **Authentication**: `Authorization: Bearer <token>` (see `continuum
//!   token create`), or the browser session. No valid credential → 401.
//! - **Access**: the use case asks the policy; a refusal → 403. Handlers
//!   decide nothing themselves; when input is already unreadable before the
//!   use case runs, a caller the policy would refuse anyway gets 403 rather
//!   than 422, so that validation never answers for a forbidden call.
//! - **Errors**: RFC 9457 problem JSON (`application/problem+json`) in the
//!   caller's language, with the request id. Never internal details.
//! - **Unreadable input**: a body that is not JSON of the expected shape,
//!   or is sent without `Content-Type: application/json`, → 422 with the
//!   field `body`; a query string that cannot be read → 422 with the field
//!   `query`; a query parameter of the wrong form → 422 naming it; an id in
//!   the path that is not a number → 404 (like an unknown id).
//! - **Missing body fields** count as empty, so the domain validation names
//!   them (422, code `required`).
//! - **Lists** that are paged answer `{items, total, page, per_page}`;
//!   `page` counts from 1, `per_page` is 1 to 200 (default 50).
//! - **Changes** (`PUT`) carry the `version` read; if someone changed the
//!   record meanwhile → 409.
//!
//! Wire types are owned here: domain and store types are never serialised
//! directly.

use std::convert::Infallible;

use axum::Json;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use axum::routing::get;
use continuum_app::{Actor, AppError, Paging};
use continuum_domain::validation::{Invalid, Problem};
use serde::de::DeserializeOwned;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::error::ApiError;
use crate::extract::actor_lang;
use crate::routes::{Access, Routes};

pub mod audit;
// Care pathway: intake, care plan, contacts, timeline (issue 5, items 1 to 3).
pub mod care;
// Consent and the psychosocial service's view (issue 6, items 1, 5 and 7).
pub mod consents;
// The directory of care providers (issue 6, items 2 and 7).
pub mod directory;
// Detention episodes and signals (issue 4, items 1 and 3).
pub mod episodes;
// Governance (issue 7).
pub mod governance;
pub mod me;
// Merging duplicate people.
pub mod merges;
pub mod organisations;
pub mod people;
// Screenings (the API of issue 4, item 7).
pub mod screenings;
pub mod signals;
pub mod sites;
pub mod users;
// OAT and transfers (issue 5, items 4 and 5).
pub mod handovers;
pub mod oat;
// Referrals and outside providers (issue 6, items 3, 4 and 7).
pub mod referrals;
// The handover at release as a FHIR R4 Bundle (issue 6, item 6).
pub mod handover_bundles;
// Handover sending and receipt (issue 6, item 6).
pub mod handover_tracking;

/// The OpenAPI document of the API.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Continuum API",
        version = "1",
        description = "Drug care in prison: the JSON API. Authenticate with `Authorization: Bearer <token>` \
                       (see `continuum token create`). Errors are RFC 9457 problem documents in the caller's \
                       language; invalid input gives 422 with one entry per invalid field."
    ),
    paths(
        openapi,
        sites::list_sites,
        sites::get_site,
        sites::create_site,
        sites::update_site,
        organisations::list_organisations,
        organisations::get_organisation,
        organisations::create_organisation,
        organisations::update_organisation,
        users::list_users,
        users::get_user,
        users::create_user,
        users::update_user,
        people::search_people,
        people::get_person,
        people::register_entry,
        people::update_person,
        // Detention episodes and signals (issue 4, items 1 and 3).
        episodes::get_episode,
        episodes::update_episode,
        episodes::release_episode,
        episodes::transfer_person,
        signals::create_signal,
        signals::list_my_signals,
        signals::list_signals,
        signals::link_signal,
        signals::acknowledge_signal,
        // Merging duplicate people.
        merges::merge_person,
        merges::list_merges,
        merges::undo_merge,
        me::get_me,
        audit::search_audit,
        // Screenings.
        screenings::list_instruments,
        screenings::list_screenings,
        screenings::start_screening,
        screenings::get_screening,
        screenings::answer_screening,
        screenings::complete_screening,
        screenings::get_screening_result,
        // Care pathway: intake, care plan, contacts, timeline (issue 5, items 1 to 3).
        care::intakes::list_intakes,
        care::intakes::create_intake,
        care::intakes::get_intake,
        care::intakes::amend_intake,
        care::contacts::list_contacts,
        care::contacts::create_contact,
        care::contacts::get_contact,
        care::contacts::create_group_session,
        care::contacts::get_group_session,
        // Care plan, release planning, follow-ups and the caseload (issue 5, item 9).
        care::plans::get_person_care_plan,
        care::plans::create_care_plan,
        care::plans::get_care_plan,
        care::plans::update_care_plan,
        care::plans::list_care_plan_versions,
        care::release::get_release_planning,
        care::release::start_release_planning,
        care::release::save_release_plan,
        care::release::list_follow_ups,
        care::release::record_follow_up,
        care::release::close_follow_up,
        care::caseload::get_caseload,
        // OAT and transfers (issue 5, items 4 and 5).
        oat::get_person_oat,
        oat::create_oat_prescription,
        oat::stop_oat_prescription,
        oat::create_oat_declaration,
        oat::record_oat_continuity,
        // Consent and the psychosocial service's view (issue 6).
        consents::list_consents,
        consents::create_consent,
        consents::get_consent,
        consents::withdraw_consent,
        consents::list_participation,
        consents::get_participation,
        // The directory of care providers (issue 6).
        directory::list_services,
        directory::get_service,
        directory::create_service,
        directory::update_service,
        handovers::list_handovers,
        handovers::get_handover,
        handovers::acknowledge_handover,
        handovers::transfer_person_out,
        handovers::list_handover_documents,
        handovers::get_handover_document,
        // The handover at release as a FHIR R4 Bundle (issue 6, item 6).
        handover_bundles::get_handover_bundle,
        handover_bundles::get_transfer_handover_bundle,
        // Handover sending and receipt (issue 6, item 6).
        handover_tracking::list_awaiting_receipt,
        handover_tracking::record_sending,
        handover_tracking::confirm_receipt,
        // Governance (issue 7).
        governance::list_governance_groups,
        governance::create_governance_group,
        governance::update_governance_group,
        governance::get_governance_group,
        governance::add_governance_member,
        governance::end_governance_member,
        governance::list_governance_meetings,
        governance::create_governance_meeting,
        governance::get_governance_meeting,
        governance::record_governance_attendance,
        governance::cancel_governance_meeting,
        governance::write_governance_minutes,
        governance::approve_governance_minutes,
        governance::create_governance_decision,
        governance::create_governance_action,
        governance::list_governance_actions,
        governance::update_governance_action,
        governance::attach_governance_document,
        governance::get_governance_document,
        governance::list_governance_projects,
        governance::create_governance_project,
        governance::get_governance_project,
        governance::submit_governance_project,
        governance::review_governance_authorisation,
        governance::decide_governance_authorisation,
        governance::follow_up_governance_authorisation,
        // Referrals and outside providers (issue 6).
        referrals::list_referrals,
        referrals::list_person_referrals,
        referrals::create_referral,
        referrals::get_referral,
        referrals::send_referral,
        referrals::take_referral_step,
    ),
    components(schemas(crate::error::Problem, crate::error::ProblemField)),
    modifiers(&BearerScheme),
    tags(
        (name = "sites", description = "The prisons of the programme (reference data)."),
        (name = "organisations", description = "Prisons, drug services and care providers (reference data)."),
        (name = "register", description = "The entry register: people in detention and their detention episodes."),
        (name = "signals", description = "Signals that a person may need help, and their handling by the care team."),
        (name = "users", description = "Staff accounts (administrators)."),
        (name = "me", description = "The caller."),
        (name = "audit", description = "The audit trail (administrators and coordinators)."),
        (name = "screening", description = "Screening instruments (definitions), and screenings: started, answered item by item, completed and scored (clinical roles of the person's prison)."),
        (name = "care", description = "The care of a person (clinical roles of the person's prison): intakes, care plans with every version, contacts and group sessions, the person's timeline; opioid agonist treatment and its continuity at entry, handovers at a transfer (the medical service records OAT)."),
        (name = "consent", description = "Consents of people (care team of the person's prison), and whether a person takes part, for the psychosocial service with the person's consent (issue 6)."),
        (name = "directory", description = "The directory of care providers: the services of organisations, the prisons they cover, languages, contact details and opening hours (issue 6)."),
        (name = "governance", description = "The central and local drug steering groups: members, meetings, minutes, decisions, actions, local projects and their prior authorisation (issue 7). Nothing here identifies a detained person."),
        (name = "referrals", description = "Referrals to the directory's services: written and sent by the care team of the person's prison (sending needs the person's sharing consent for every section shared), answered, given an appointment and attendance by the outside provider of the service's organisation, who sees only the people referred to it within their consent (issue 6)."),
        (name = "meta", description = "This description."),
    )
)]
pub struct ApiDoc;

/// Declares the `bearer` security scheme the operations refer to.
struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("An API token from `continuum token create`."))
                    .build(),
            ),
        );
    }
}

/// This OpenAPI document.
#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    operation_id = "get_openapi",
    tag = "meta",
    responses((status = 200, description = "The OpenAPI 3.1 document of this API.", body = Object))
)]
async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

pub(crate) fn routes(routes: Routes) -> Routes {
    let routes = routes.add("GET", "/api/v1/openapi.json", Access::Public, get(openapi));
    let routes = sites::routes(routes);
    let routes = organisations::routes(routes);
    let routes = users::routes(routes);
    let routes = people::routes(routes);
    // Detention episodes and signals (issue 4, items 1 and 3).
    let routes = episodes::routes(routes);
    let routes = signals::routes(routes);
    // Merging duplicate people.
    let routes = merges::routes(routes);
    let routes = me::routes(routes);
    let routes = screenings::routes(routes);
    // Care pathway: intake, care plan, contacts, timeline (issue 5, items 1 to 3).
    let routes = care::routes(routes);
    // OAT and transfers (issue 5, items 4 and 5).
    let routes = oat::routes(routes);
    // Consent and the psychosocial service's view (issue 6).
    let routes = consents::routes(routes);
    let routes = directory::routes(routes);
    let routes = handovers::routes(routes);
    // Governance (issue 7).
    let routes = governance::routes(routes);
    // Referrals and outside providers (issue 6, items 3, 4 and 7).
    let routes = referrals::routes(routes);
    // The handover at release as a FHIR R4 Bundle (issue 6, item 6).
    let routes = handover_bundles::routes(routes);
    // Handover sending and receipt (issue 6, item 6).
    let routes = handover_tracking::routes(routes);
    audit::routes(routes)
}

/// A JSON body, read without rejecting: a body that cannot be read becomes
/// an invalid `body` field, answered in the caller's language by the handler.
pub struct ApiJson<T>(pub Result<T, AppError>);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = Infallible;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        Ok(ApiJson(Json::<T>::from_request(request, state).await.map(|Json(value)| value).map_err(|rejection| {
            tracing::debug!(%rejection, "unreadable JSON body");
            AppError::field("body", Problem::InvalidFormat)
        })))
    }
}

/// A query string, read without rejecting: one that cannot be read becomes
/// an invalid `query` field.
pub struct ApiQuery<T>(pub Result<T, AppError>);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(ApiQuery(Query::<T>::try_from_uri(&parts.uri).map(|Query(value)| value).map_err(|rejection| {
            tracing::debug!(%rejection, "unreadable query string");
            AppError::field("query", Problem::InvalidFormat)
        })))
    }
}

/// Path parameters, read without rejecting: parameters of the wrong form
/// (`/api/v1/sites/abc`) name nothing that exists, so they become 404.
pub struct ApiPath<T>(pub Result<T, AppError>);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Ok(ApiPath(
            Path::<T>::from_request_parts(parts, state).await.map(|Path(value)| value).map_err(|_| AppError::NotFound),
        ))
    }
}

/// Turns use-case errors into problem responses in the caller's language,
/// with the request id.
pub(crate) fn failure<'a>(actor: &Actor, headers: &'a HeaderMap) -> impl Fn(AppError) -> ApiError + 'a {
    let lang = actor_lang(actor);
    move |error| ApiError::new(error, lang, headers)
}

/// A query parameter: absent and empty both mean "not given".
pub(crate) fn given(value: Option<&String>) -> Option<&str> {
    value.map(|v| v.trim()).filter(|v| !v.is_empty())
}

/// A whole number within `min..=max`, or `default` when not given.
pub(crate) fn number<N>(
    errors: &mut Invalid,
    field: &'static str,
    raw: Option<&String>,
    min: N,
    max: N,
    default: N,
) -> N
where
    N: std::str::FromStr + PartialOrd + Copy,
{
    match given(raw) {
        None => default,
        Some(text) => match text.parse::<N>() {
            Ok(n) if n >= min && n <= max => n,
            _ => {
                errors.push(field, Problem::InvalidFormat);
                default
            }
        },
    }
}

/// The paging of a list from `page` and `per_page`.
pub(crate) fn paging(errors: &mut Invalid, page: Option<&String>, per_page: Option<&String>) -> Paging {
    let defaults = Paging::default();
    Paging {
        page: number(errors, "page", page, 1, u32::MAX, defaults.page),
        per_page: number(errors, "per_page", per_page, 1, 200, defaults.per_page),
    }
}

/// `Ok(value)` if no field was invalid.
pub(crate) fn checked<T>(errors: Invalid, value: T) -> Result<T, AppError> {
    if errors.0.is_empty() { Ok(value) } else { Err(AppError::Invalid(errors)) }
}

/// A list of language codes as stored (comma-separated) as a list.
pub(crate) fn language_list(stored: &str) -> Vec<String> {
    stored.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// A required field of a body: records `required` when absent.
pub(crate) fn required<T: Default>(errors: &mut Invalid, field: &'static str, value: Option<T>) -> T {
    value.unwrap_or_else(|| {
        errors.push(field, Problem::Required);
        T::default()
    })
}

/// The domain's verdict on a body, together with the field errors found
/// here (required fields the domain does not see).
pub(crate) fn validated<T>(mut errors: Invalid, parsed: Result<T, Invalid>) -> Result<T, AppError> {
    match parsed {
        Ok(value) => checked(errors, value),
        Err(invalid) => {
            errors.0.extend(invalid.0);
            Err(AppError::Invalid(errors))
        }
    }
}

/// A paged list of results.
#[derive(Debug, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct Page<T> {
    /// The results of this page.
    pub items: Vec<T>,
    /// How many results match in all; with `more`, how many were counted.
    pub total: i64,
    /// Whether counting stopped at `total` (1,000) with more results to come:
    /// narrow the query to see them all.
    #[serde(default)]
    pub more: bool,
    /// This page, from 1.
    pub page: u32,
    /// Results per page.
    pub per_page: u32,
}

impl<T> Page<T> {
    /// A page of wire types from a listing of the use case.
    pub(crate) fn from_listing<R>(listing: continuum_app::Listing<R>, convert: impl FnMut(R) -> T) -> Page<T> {
        Page {
            items: listing.items.into_iter().map(convert).collect(),
            total: listing.total,
            more: listing.more,
            page: listing.paging.page,
            per_page: listing.paging.per_page,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use axum::body::Body;
    use serde_json::Value;

    use super::*;
    use continuum_domain::policy::Action;

    fn document() -> Value {
        serde_json::to_value(ApiDoc::openapi()).expect("serialisable")
    }

    #[test]
    fn the_document_is_openapi_3_1() {
        let doc = document();
        let version = doc["openapi"].as_str().expect("version");
        assert!(version.starts_with("3.1."), "{version}");
        assert_eq!(doc["components"]["securitySchemes"]["bearer"]["type"], "http");
        assert_eq!(doc["components"]["securitySchemes"]["bearer"]["scheme"], "bearer");
    }

    #[test]
    fn every_api_route_is_described_with_an_operation_id_and_its_security() {
        let doc = document();
        let mut routes = BTreeSet::new();
        for spec in crate::routes::table().into_iter().filter(|s| s.path.starts_with("/api/v1")) {
            let method = spec.method.to_ascii_lowercase();
            let operation = &doc["paths"][spec.path][&method];
            assert!(operation.is_object(), "{} {} missing from the OpenAPI document", spec.method, spec.path);
            let id = operation["operationId"].as_str().unwrap_or_default();
            assert!(!id.is_empty(), "{} {} has no operationId", spec.method, spec.path);
            let secured = operation["security"].as_array().is_some_and(|s| s.iter().any(|r| r.get("bearer").is_some()));
            assert_eq!(secured, spec.access != Access::Public, "{} {} security", spec.method, spec.path);
            routes.insert((method, spec.path.to_owned()));
        }
        assert!(routes.len() >= 15, "the API routes are registered");
        let mut ids = BTreeSet::new();
        for (path, item) in doc["paths"].as_object().expect("paths") {
            for (method, operation) in item.as_object().expect("path item") {
                if !["get", "put", "post", "delete", "patch"].contains(&method.as_str()) {
                    continue;
                }
                assert!(
                    routes.contains(&(method.clone(), path.clone())),
                    "{method} {path} is described but not routed"
                );
                let id = operation["operationId"].as_str().expect("operationId");
                assert!(ids.insert(id.to_owned()), "operationId {id} twice");
            }
        }
    }

    fn refs(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(r)) = map.get("$ref") {
                    out.push(r.clone());
                }
                map.values().for_each(|v| refs(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }

    #[test]
    fn every_schema_referred_to_is_defined_and_no_secret_is_described() {
        let doc = document();
        let mut found = Vec::new();
        refs(&doc, &mut found);
        assert!(!found.is_empty());
        for r in found {
            let name = r.strip_prefix("#/components/schemas/").expect("a schema reference");
            assert!(doc["components"]["schemas"][name].is_object(), "{r} is not defined");
        }
        let text = doc["components"]["schemas"].to_string();
        for secret in ["password_hash", "totp_secret", "csrf"] {
            assert!(!text.contains(secret), "{secret} described");
        }
    }

    #[test]
    fn operation_ids_name_verb_and_resource() {
        let doc = document();
        let id = |path: &str, method: &str| {
            doc["paths"][path][method]["operationId"].as_str().unwrap_or_default().to_owned()
        };
        assert_eq!(id("/api/v1/sites", "get"), "list_sites");
        assert_eq!(id("/api/v1/sites/{id}", "put"), "update_site");
        assert_eq!(id("/api/v1/organisations", "post"), "create_organisation");
        assert_eq!(id("/api/v1/users/{id}", "get"), "get_user");
        assert_eq!(id("/api/v1/me", "get"), "get_me");
        assert_eq!(id("/api/v1/audit", "get"), "search_audit");
    }

    #[test]
    fn api_routes_carry_the_action_of_their_use_case() {
        let access = |method: &str, path: &str| {
            crate::routes::table().into_iter().find(|s| s.method == method && s.path == path).map(|s| s.access)
        };
        assert_eq!(access("GET", "/api/v1/sites"), Some(Access::Policy(Action::ViewReferenceData)));
        assert_eq!(access("POST", "/api/v1/sites"), Some(Access::Policy(Action::ManageSites)));
        assert_eq!(access("PUT", "/api/v1/organisations/{id}"), Some(Access::Policy(Action::ManageOrganisations)));
        assert_eq!(access("GET", "/api/v1/users"), Some(Access::Policy(Action::ManageUsers)));
        assert_eq!(access("GET", "/api/v1/me"), Some(Access::SignedIn));
        assert_eq!(access("GET", "/api/v1/audit"), Some(Access::Policy(Action::SearchAudit)));
    }

    #[derive(Debug, serde::Deserialize)]
    struct Sample {
        #[allow(dead_code)]
        name: String,
    }

    fn invalid_field(error: &AppError) -> Option<&'static str> {
        match error {
            AppError::Invalid(invalid) => invalid.0.first().map(|e| e.field),
            _ => None,
        }
    }

    #[tokio::test]
    async fn unreadable_bodies_become_an_invalid_body_field() {
        let request = |content_type: &str, body: &'static str| {
            Request::builder()
                .method("POST")
                .uri("/api/v1/sites")
                .header("content-type", content_type)
                .body(Body::from(body))
                .expect("request")
        };
        let ApiJson(ok) = ApiJson::<Sample>::from_request(request("application/json", r#"{"name":"x"}"#), &())
            .await
            .expect("infallible");
        assert!(ok.is_ok());
        for (content_type, body) in
            [("application/json", "{"), ("application/json", r#"{"name":1}"#), ("text/plain", r#"{"name":"x"}"#)]
        {
            let ApiJson(result) =
                ApiJson::<Sample>::from_request(request(content_type, body), &()).await.expect("infallible");
            assert_eq!(result.as_ref().err().and_then(invalid_field), Some("body"), "{content_type} {body}");
        }
    }

    #[tokio::test]
    async fn ids_that_are_not_numbers_are_not_found() {
        let app = axum::Router::new().route(
            "/x/{id}",
            axum::routing::get(|ApiPath(id): ApiPath<i64>| async move {
                match id {
                    Ok(id) => id.to_string(),
                    Err(AppError::NotFound) => "not found".to_owned(),
                    Err(_) => "other".to_owned(),
                }
            }),
        );
        for (uri, expected) in [("/x/12", "12"), ("/x/abc", "not found")] {
            let response =
                tower::ServiceExt::oneshot(app.clone(), Request::get(uri).body(Body::empty()).expect("request"))
                    .await
                    .expect("response");
            let body = axum::body::to_bytes(response.into_body(), 1000).await.expect("body");
            assert_eq!(body, expected.as_bytes());
        }
    }

    #[test]
    fn paging_defaults_and_names_bad_parameters() {
        let mut errors = Invalid::default();
        assert_eq!(paging(&mut errors, None, Some(&String::new())), Paging::default());
        assert!(errors.0.is_empty());
        let p = paging(&mut errors, Some(&"3".to_owned()), Some(&"20".to_owned()));
        assert_eq!((p.page, p.per_page), (3, 20));
        paging(&mut errors, Some(&"0".to_owned()), Some(&"201".to_owned()));
        assert_eq!(errors.for_field("page"), Some(&Problem::InvalidFormat));
        assert_eq!(errors.for_field("per_page"), Some(&Problem::InvalidFormat));
    }
}
