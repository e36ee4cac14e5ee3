//! Handover sending and receipt (issue 6, item 6): a handover document's
//! page where the sender records when, to whom and how it was sent and
//! either party confirms its receipt; the list of documents awaiting
//! receipt (the care team's of its prison; the outside provider's, in its
//! portal); and the worklist's lines.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use continuum_app::handover_tracking::{AwaitingReceipt, TrackedHandover};
use continuum_app::{Actor, AppError};
use continuum_domain::handover::sending::{Channel, SendingFields};
use continuum_domain::ids::SiteId;
use continuum_domain::policy::{Action, Target};
use continuum_i18n::Lang;
use serde::Deserialize;

use super::people::{Choice, display_name};
use super::sites::{SummaryItem, mark_errors, not_found, parse_id, short_time, summary};
use crate::error::PageError;
use crate::extract::{CsrfForm, SignedIn, actor_lang};
use crate::routes::{Access, Routes};
use crate::shell::{FormErrors, Shell};
use crate::state::AppState;

/// A document awaiting receipt, as a line of a list.
pub(super) struct AwaitingLine {
    pub id: i64,
    pub name: String,
    pub sent_to: String,
    pub channel: String,
    pub sent: String,
    pub days: i64,
}

fn channel_label(lang: Lang, code: Option<&str>) -> String {
    code.map(|c| continuum_i18n::t(lang, &format!("handover-channel-{c}"))).unwrap_or_default()
}

fn awaiting_line(lang: Lang, a: AwaitingReceipt) -> AwaitingLine {
    let d = a.document;
    AwaitingLine {
        id: d.id,
        name: display_name(&d.family_name, &d.given_names),
        sent_to: d.sent_to.unwrap_or_default(),
        channel: channel_label(lang, d.sent_channel.as_deref()),
        sent: d.sent_at.as_deref().map(short_time).unwrap_or_default(),
        days: a.days_since_sent,
    }
}

/// The documents sent from `site` and not confirmed as received, for its
/// care team's worklist (`None` for everyone else).
pub(super) async fn worklist_lines(
    state: &AppState,
    actor: &Actor,
    site: SiteId,
) -> Result<Option<Vec<AwaitingLine>>, AppError> {
    if !actor.may(Action::ReadClinical, Target::site(site)) {
        return Ok(None);
    }
    let lang = actor_lang(actor);
    let rows = state.app.handovers_awaiting_receipt(actor, Some(site)).await?;
    Ok(Some(rows.into_iter().map(|a| awaiting_line(lang, a)).collect()))
}

#[derive(Template)]
#[template(path = "handover_receipts.html")]
struct ReceiptsPage {
    shell: Shell,
    portal: bool,
    lines: Vec<AwaitingLine>,
}

async fn list(State(state): State<AppState>, SignedIn(actor): SignedIn) -> Response {
    let lang = actor_lang(&actor);
    let portal = actor.is_outside_provider();
    let sites = actor.sites_where(Action::ReadClinical);
    let site = actor.site.as_ref().map(|s| s.id).filter(|id| sites.contains(id)).or_else(|| sites.first().copied());
    let rows = match state.app.handovers_awaiting_receipt(&actor, if portal { None } else { site }).await {
        Ok(rows) => rows,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let page = ReceiptsPage {
        shell: Shell::signed_in(&actor, state.settings.demo_mode, "handover-receipts-title", "/handover-receipts"),
        portal,
        lines: rows.into_iter().map(|a| awaiting_line(lang, a)).collect(),
    };
    super::render(StatusCode::OK, &page)
}

#[derive(Deserialize, Default)]
struct SendingForm {
    #[serde(default)]
    sent_to: String,
    #[serde(default)]
    channel: String,
}

#[derive(Template)]
#[template(path = "handover_tracking.html")]
struct TrackingPage {
    shell: Shell,
    id: i64,
    person_id: i64,
    name: String,
    receiver: String,
    transfer_date: String,
    made: String,
    sent: String,
    sent_to: String,
    channel: String,
    days: Option<i64>,
    received: String,
    receipt_by: String,
    receiver_view: bool,
    may_send: bool,
    may_confirm: bool,
    /// A transfer out's document, seen by its prison: its FHIR Bundle is offered.
    offers_bundle: bool,
    form: SendingForm,
    channels: Vec<Choice>,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
    conflict: String,
}

const FIELDS: &[(&str, &str)] = &[("sent_to", "handover-sent-to"), ("channel", "handover-channel")];

struct Shown {
    form: Option<SendingForm>,
    errors: FormErrors,
    conflict: String,
    status: StatusCode,
}

async fn tracking_page(state: &AppState, actor: &Actor, id: i64, shown: Shown) -> Response {
    let lang = actor_lang(actor);
    let tracked: TrackedHandover = match state.app.tracked_handover(actor, id).await {
        Ok(tracked) => tracked,
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    let d = tracked.document;
    let path = format!("/handover-documents/{id}/tracking");
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "handover-tracking-title", &path);
    mark_errors(&mut shell, shown.errors.any() || !shown.conflict.is_empty());
    let form =
        shown.form.unwrap_or_else(|| SendingForm { sent_to: d.receiving_prison.clone(), channel: String::new() });
    let channels = Channel::ALL
        .iter()
        .filter(|c| **c != Channel::Portal || d.organisation_id.is_some())
        .map(|c| Choice {
            code: c.code().to_owned(),
            label: channel_label(lang, Some(c.code())),
            selected: c.code() == form.channel,
        })
        .collect();
    let page = TrackingPage {
        summary: summary(lang, shown.errors.all(), FIELDS),
        id,
        person_id: d.person_id,
        name: display_name(&d.family_name, &d.given_names),
        receiver: d.receiving_prison,
        transfer_date: d.transfer_date,
        made: format!("{} · {}", short_time(&d.created_at), d.created_by.unwrap_or_default()),
        sent: d
            .sent_at
            .as_deref()
            .map(|at| format!("{} · {}", short_time(at), d.sent_by.clone().unwrap_or_default()))
            .unwrap_or_default(),
        sent_to: d.sent_to.unwrap_or_default(),
        channel: channel_label(lang, d.sent_channel.as_deref()),
        days: tracked.days_since_sent,
        received: d
            .received_at
            .as_deref()
            .map(|at| format!("{} · {}", short_time(at), d.received_by.clone().unwrap_or_default()))
            .unwrap_or_default(),
        receipt_by: d
            .receipt_by
            .map(|by| continuum_i18n::t(lang, &format!("handover-receipt-by-{by}")))
            .unwrap_or_default(),
        offers_bundle: d.organisation_id.is_none() && !tracked.receiver_view,
        receiver_view: tracked.receiver_view,
        may_send: tracked.may_send,
        may_confirm: tracked.may_confirm,
        form,
        channels,
        errors: shown.errors,
        conflict: shown.conflict,
        shell,
    };
    super::render(shown.status, &page)
}

async fn show(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let Some(id) = parse_id(&id) else {
        return not_found(actor_lang(&actor));
    };
    let shown = Shown { form: None, errors: FormErrors::default(), conflict: String::new(), status: StatusCode::OK };
    tracking_page(&state, &actor, id, shown).await
}

async fn send(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<SendingForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = super::refused_unless(&state, &actor, Action::WriteClinical, "handover_document.send").await
    {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let fields = SendingFields { sent_to: &form.sent_to, channel: &form.channel };
    let (errors, conflict, status) = match state.app.record_handover_sending(&actor, id, &fields).await {
        Ok(_) => return Redirect::to(&format!("/handover-documents/{id}/tracking")).into_response(),
        Err(AppError::Invalid(invalid)) => {
            (FormErrors::new(lang, &invalid), String::new(), StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(AppError::Conflict(code)) => (FormErrors::default(), continuum_i18n::t(lang, code), StatusCode::CONFLICT),
        Err(error) => return PageError::new(error, lang).into_response(),
    };
    tracking_page(&state, &actor, id, Shown { form: Some(form), errors, conflict, status }).await
}

#[derive(Deserialize, Default)]
struct Empty {}

async fn confirm(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form: _ }: CsrfForm<Empty>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) =
        super::refused_unless(&state, &actor, Action::UpdateReferral, "handover_document.receipt").await
    {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    match state.app.confirm_handover_receipt(&actor, id).await {
        Ok(_) => Redirect::to(&format!("/handover-documents/{id}/tracking")).into_response(),
        Err(AppError::Conflict(code)) => {
            let conflict = continuum_i18n::t(lang, code);
            let shown = Shown { form: None, errors: FormErrors::default(), conflict, status: StatusCode::CONFLICT };
            tracking_page(&state, &actor, id, shown).await
        }
        Err(error) => PageError::new(error, lang).into_response(),
    }
}

pub(crate) fn routes(routes: Routes) -> Routes {
    let read = Access::Policy(Action::ReadClinical);
    routes
        .add("GET", "/handover-receipts", read, get(list))
        .add("GET", "/handover-documents/{id}/tracking", read, get(show))
        .add("POST", "/handover-documents/{id}/sending", Access::Policy(Action::WriteClinical), post(send))
        .add("POST", "/handover-documents/{id}/receipt", Access::Policy(Action::UpdateReferral), post(confirm))
}
