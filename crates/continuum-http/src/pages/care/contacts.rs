//! Contacts of a person (the list, with the form to record an individual
//! contact, and one contact with its note), and group sessions: the list of
//! the prison's sessions, the two-step form (the session and its
//! participants' prison numbers, then each participant's attendance and
//! note) and one session with the participants the reader may read.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use continuum_app::care::contacts::{Contact, Participant};
use continuum_app::people::PersonRecord;
use continuum_app::{Actor, AppError, Paging};
use continuum_domain::care::contact::{Attendance, ContactFields, ContactKind, ParticipantFields, prison_numbers};
use continuum_domain::ids::SiteId;
use continuum_domain::policy::{Action, Target};
use continuum_i18n::Lang;
use serde::Deserialize;

use super::{CareNav, Tab, coded};
use crate::error::PageError;
use crate::extract::{CsrfForm, SignedIn, actor_lang};
use crate::pages::people::{Choice, choices, display_name};
use crate::pages::sites::{Pager, SummaryItem, mark_errors, not_found, page_number, parse_id, short_time, summary};
use crate::routes::{Access, Routes};
use crate::shell::{FormErrors, Shell};
use crate::state::AppState;

const PER_PAGE: u32 = 25;
/// Characters of a note shown in a list.
const EXCERPT_CHARS: usize = 160;

/// The contact form (and the group session's common fields) as typed.
#[derive(Deserialize, Default, Clone)]
struct ContactForm {
    #[serde(default)]
    held_on: String,
    #[serde(default)]
    duration_minutes: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    staff: String,
    #[serde(default)]
    attendance: String,
    #[serde(default)]
    note: String,
    /// Group sessions: the prison numbers, one per line (step 1).
    #[serde(default)]
    participants: String,
    /// Group sessions: each participant's number, attendance and note (step 2).
    #[serde(default)]
    participant_number: Vec<String>,
    #[serde(default)]
    participant_attendance: Vec<String>,
    #[serde(default)]
    participant_note: Vec<String>,
    /// Group sessions: `participants` (step 1 sent) or `save` (step 2 sent).
    #[serde(default)]
    step: String,
}

impl ContactForm {
    fn fields(&self) -> ContactFields<'_> {
        ContactFields {
            held_on: &self.held_on,
            duration_minutes: &self.duration_minutes,
            kind: &self.kind,
            staff: &self.staff,
            attendance: &self.attendance,
            note: &self.note,
        }
    }

    fn participant_fields(&self) -> Vec<ParticipantFields<'_>> {
        fn at(list: &[String], i: usize) -> &str {
            list.get(i).map_or("", String::as_str)
        }
        (0..self.participant_number.len())
            .map(|i| ParticipantFields {
                prison_number: at(&self.participant_number, i),
                attendance: at(&self.participant_attendance, i),
                note: at(&self.participant_note, i),
            })
            .collect()
    }
}

const FIELDS: &[(&str, &str)] = &[
    ("held_on", "contact-held-on"),
    ("duration_minutes", "contact-duration"),
    ("kind", "contact-kind"),
    ("staff", "contact-staff"),
    ("attendance", "contact-attendance"),
    ("note", "contact-note"),
    ("participants", "group-participants"),
];

/// A contact in a list.
struct ContactLine {
    id: i64,
    held_on: String,
    kind: String,
    group: bool,
    minutes: i64,
    attendance: String,
    staff: String,
    excerpt: String,
}

fn excerpt(note: &str) -> String {
    let mut text: String = note.chars().take(EXCERPT_CHARS).collect();
    if note.chars().count() > EXCERPT_CHARS {
        text.push('…');
    }
    text
}

fn contact_line(lang: Lang, c: &Contact) -> ContactLine {
    ContactLine {
        id: c.id,
        held_on: c.held_on.clone(),
        kind: coded("contact-kind", lang, &c.kind),
        group: c.group_session_id.is_some(),
        minutes: c.duration_minutes,
        attendance: coded("contact-attendance", lang, &c.attendance),
        staff: c.staff.clone(),
        excerpt: excerpt(&c.note),
    }
}

#[derive(Template)]
#[template(path = "care_contacts.html")]
struct ContactsPage {
    shell: Shell,
    nav: CareNav,
    rows: Vec<ContactLine>,
    pager: Pager,
    may_write: bool,
    form: ContactForm,
    kinds: Vec<Choice>,
    attendances: Vec<Choice>,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
    saved: bool,
}

#[derive(Deserialize, Default)]
struct ListQuery {
    #[serde(default)]
    page: String,
    #[serde(default)]
    saved: String,
}

fn page_error(error: AppError, lang: Lang) -> Response {
    PageError::new(error, lang).into_response()
}

#[expect(clippy::too_many_arguments, reason = "the parts of one page")]
async fn contacts_page(
    state: &AppState,
    actor: &Actor,
    person_id: i64,
    page: u32,
    form: ContactForm,
    errors: FormErrors,
    status: StatusCode,
    saved: bool,
) -> Response {
    let lang = actor_lang(actor);
    let paging = Paging { page, per_page: PER_PAGE };
    let listing = match state.app.person_contacts(actor, person_id, paging).await {
        Ok(listing) => listing,
        Err(error) => return page_error(error, lang),
    };
    let record = match state.app.get_person(actor, person_id).await {
        Ok(record) => record,
        Err(error) => return page_error(error, lang),
    };
    let path = format!("/people/{person_id}/contacts");
    let name = display_name(&record.person.family_name, &record.person.given_names);
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "contacts-title", &path);
    shell.title = format!("{} · {name}", shell.title);
    mark_errors(&mut shell, errors.any());
    let page = ContactsPage {
        nav: CareNav::new(lang, person_id, Some(Tab::Contacts)),
        rows: listing.items.iter().map(|c| contact_line(lang, c)).collect(),
        pager: Pager::new(lang, &listing, &path, &[]),
        may_write: may_write(actor, &record),
        kinds: choices(lang, ContactKind::ALL, ContactKind::code, "contact-kind", &form.kind),
        attendances: choices(lang, Attendance::ALL, Attendance::code, "contact-attendance", &form.attendance),
        summary: summary(lang, errors.all(), FIELDS),
        shell,
        form,
        errors,
        saved,
    };
    crate::pages::render(status, &page)
}

fn may_write(actor: &Actor, record: &PersonRecord) -> bool {
    record.person.merged_into.is_none() && actor.may(Action::WriteClinical, Target::site(SiteId(record.person.site_id)))
}

async fn list(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Path(id): Path<String>,
    Query(query): Query<ListQuery>,
) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let form = ContactForm {
        held_on: state.app.register_today().to_string(),
        attendance: Attendance::Attended.code().to_owned(),
        ..ContactForm::default()
    };
    let page = page_number(&query.page);
    contacts_page(&state, &actor, id, page, form, FormErrors::default(), StatusCode::OK, !query.saved.is_empty()).await
}

/// Form errors of a refused record; any other error is the error page's.
fn refused(lang: Lang, error: AppError) -> Result<(FormErrors, StatusCode), AppError> {
    match error {
        AppError::Invalid(invalid) => Ok((FormErrors::new(lang, &invalid), StatusCode::UNPROCESSABLE_ENTITY)),
        error @ (AppError::PathwayRefused(_) | AppError::Conflict(_)) => {
            Ok((FormErrors::general_text(super::conflict_message(lang, &error)), StatusCode::CONFLICT))
        }
        other => Err(other),
    }
}

async fn record(
    State(state): State<AppState>,
    Path(id): Path<String>,
    CsrfForm { actor, form }: CsrfForm<ContactForm>,
) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) = crate::pages::refused_unless(&state, &actor, Action::WriteClinical, "contact.create").await {
        return refused;
    }
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    match state.app.record_contact(&actor, id, &form.fields()).await {
        Ok(_) => Redirect::to(&format!("/people/{id}/contacts?saved=1")).into_response(),
        Err(error) => match refused(lang, error) {
            Ok((errors, status)) => contacts_page(&state, &actor, id, 1, form, errors, status, false).await,
            Err(error) => page_error(error, lang),
        },
    }
}

#[derive(Template)]
#[template(path = "care_contact.html")]
struct ContactPage {
    shell: Shell,
    nav: CareNav,
    line: ContactLine,
    note: String,
    site: String,
    recorded: String,
    session_id: Option<i64>,
    session_topic: String,
}

async fn show(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let record = match state.app.contact(&actor, id).await {
        Ok(record) => record,
        Err(error) => return page_error(error, lang),
    };
    let c = &record.contact;
    let name = display_name(&c.family_name, &c.given_names);
    let mut shell = Shell::signed_in(&actor, state.settings.demo_mode, "contact-title", &format!("/contacts/{id}"));
    shell.title = format!("{} · {name}", shell.title);
    let page = ContactPage {
        nav: CareNav::new(lang, c.person_id, Some(Tab::Contacts)),
        line: contact_line(lang, c),
        note: c.note.clone(),
        site: c.site_code.clone(),
        recorded: format!("{} · {}", short_time(&c.recorded_at), c.recorded_by.clone().unwrap_or_default()),
        session_id: record.session.as_ref().map(|s| s.id),
        session_topic: record.session.map(|s| s.topic).unwrap_or_default(),
        shell,
    };
    crate::pages::render(StatusCode::OK, &page)
}

// ---------------------------------------------------------------------------
// Group sessions

/// A group session in a list.
struct SessionLine {
    id: i64,
    held_on: String,
    kind: String,
    topic: String,
    staff: String,
    participants: i64,
}

#[derive(Template)]
#[template(path = "care_group_sessions.html")]
struct SessionsPage {
    shell: Shell,
    site: String,
    rows: Vec<SessionLine>,
    pager: Pager,
    may_write: bool,
}

async fn sessions(
    State(state): State<AppState>,
    SignedIn(actor): SignedIn,
    Query(query): Query<ListQuery>,
) -> Response {
    let lang = actor_lang(&actor);
    let paging = Paging { page: page_number(&query.page), per_page: PER_PAGE };
    let listing = match state.app.group_sessions(&actor, paging).await {
        Ok(listing) => listing,
        Err(error) => return page_error(error, lang),
    };
    let site = state.app.group_session_site(&actor);
    let page = SessionsPage {
        shell: Shell::signed_in(&actor, state.settings.demo_mode, "group-sessions-title", "/group-sessions"),
        site: site
            .and_then(|id| actor.sites.iter().find(|s| s.id == id))
            .map(|s| format!("{} · {}", s.code, s.name))
            .unwrap_or_default(),
        rows: listing
            .items
            .iter()
            .map(|s| SessionLine {
                id: s.id,
                held_on: s.held_on.clone(),
                kind: coded("contact-kind", lang, &s.kind),
                topic: s.topic.clone(),
                staff: s.staff.clone(),
                participants: s.participants,
            })
            .collect(),
        pager: Pager::new(lang, &listing, "/group-sessions", &[]),
        may_write: site.is_some_and(|s| actor.may(Action::WriteClinical, Target::site(s))),
    };
    crate::pages::render(StatusCode::OK, &page)
}

/// A participant row of step 2.
struct ParticipantRow {
    index: usize,
    prison_number: String,
    name: String,
    attendances: Vec<Choice>,
    note: String,
    number_error: String,
    attendance_error: String,
    note_error: String,
}

#[derive(Template)]
#[template(path = "care_group_session_form.html")]
struct SessionFormPage {
    shell: Shell,
    /// Step 2: the participants were found.
    confirming: bool,
    form: ContactForm,
    kinds: Vec<Choice>,
    rows: Vec<ParticipantRow>,
    errors: FormErrors,
    summary: Vec<SummaryItem>,
}

/// Field labels of the error summary, participants' rows named by number.
fn session_summary(lang: Lang, errors: &FormErrors) -> Vec<SummaryItem> {
    let mut items = summary(lang, errors.all(), FIELDS);
    for (item, (field, message)) in items.iter_mut().zip(errors.all()) {
        if let Some(index) = field.rsplit_once('_').and_then(|(_, n)| n.parse::<usize>().ok())
            && field.starts_with("participant_")
        {
            let label = continuum_i18n::t_args(
                lang,
                "group-participant-row",
                &[("count", continuum_i18n::Arg::Num(i64::try_from(index + 1).unwrap_or(0)))],
            );
            item.text = format!("{label}{} {message}", crate::pages::sites::colon(lang));
        }
    }
    items
}

fn session_form(
    state: &AppState,
    actor: &Actor,
    form: ContactForm,
    found: Option<Vec<Participant>>,
    errors: FormErrors,
    status: StatusCode,
) -> Response {
    let lang = actor_lang(actor);
    let mut shell = Shell::signed_in(actor, state.settings.demo_mode, "group-session-new", "/group-sessions/new");
    mark_errors(&mut shell, errors.any());
    let rows = found
        .as_ref()
        .map(|people| {
            people
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let typed = |list: &[String]| list.get(i).cloned().unwrap_or_default();
                    let attendance = match typed(&form.participant_attendance) {
                        chosen if chosen.is_empty() => Attendance::Attended.code().to_owned(),
                        chosen => chosen,
                    };
                    ParticipantRow {
                        index: i,
                        prison_number: p.prison_number.clone(),
                        name: display_name(&p.family_name, &p.given_names),
                        attendances: choices(
                            lang,
                            Attendance::ALL,
                            Attendance::code,
                            "contact-attendance",
                            &attendance,
                        ),
                        note: typed(&form.participant_note),
                        number_error: errors.get(&format!("participant_number_{i}")),
                        attendance_error: errors.get(&format!("participant_attendance_{i}")),
                        note_error: errors.get(&format!("participant_note_{i}")),
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    let page = SessionFormPage {
        confirming: found.is_some(),
        kinds: choices(lang, ContactKind::ALL, ContactKind::code, "contact-kind", &form.kind),
        summary: session_summary(lang, &errors),
        shell,
        form,
        rows,
        errors,
    };
    crate::pages::render(status, &page)
}

async fn new_session(State(state): State<AppState>, SignedIn(actor): SignedIn) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) =
        crate::pages::refused_unless(&state, &actor, Action::WriteClinical, "group_session.create").await
    {
        return refused;
    }
    let site = state.app.group_session_site(&actor);
    if !site.is_some_and(|s| actor.may(Action::WriteClinical, Target::site(s))) {
        return page_error(AppError::Forbidden, lang);
    }
    let form = ContactForm {
        held_on: state.app.register_today().to_string(),
        kind: ContactKind::GroupWork.code().to_owned(),
        ..ContactForm::default()
    };
    session_form(&state, &actor, form, None, FormErrors::default(), StatusCode::OK)
}

async fn send_session(State(state): State<AppState>, CsrfForm { actor, form }: CsrfForm<ContactForm>) -> Response {
    let lang = actor_lang(&actor);
    if let Some(refused) =
        crate::pages::refused_unless(&state, &actor, Action::WriteClinical, "group_session.create").await
    {
        return refused;
    }
    if form.step != "save" {
        // Step 1: find the participants, then ask for each one's attendance and note.
        let numbers = prison_numbers(&form.participants);
        return match state.app.find_participants(&actor, &numbers).await {
            Ok(found) => {
                let form = ContactForm { participant_number: numbers, ..form };
                session_form(&state, &actor, form, Some(found), FormErrors::default(), StatusCode::OK)
            }
            Err(AppError::Invalid(invalid)) => {
                let errors = FormErrors::new(lang, &invalid);
                session_form(&state, &actor, form, None, errors, StatusCode::UNPROCESSABLE_ENTITY)
            }
            Err(error) => page_error(error, lang),
        };
    }
    let (errors, status) =
        match state.app.record_group_session(&actor, &form.fields(), &form.participant_fields()).await {
            Ok(id) => return Redirect::to(&format!("/group-sessions/{id}")).into_response(),
            Err(error) => match refused(lang, error) {
                Ok(shown) => shown,
                Err(error) => return page_error(error, lang),
            },
        };
    match state.app.find_participants(&actor, &form.participant_number).await {
        Ok(found) => session_form(&state, &actor, form, Some(found), errors, status),
        // Someone left the prison meanwhile: back to the list of numbers.
        Err(AppError::Invalid(invalid)) => {
            let participants = form.participant_number.join("\n");
            let form = ContactForm { participants, ..form };
            session_form(&state, &actor, form, None, FormErrors::new(lang, &invalid), StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(error) => page_error(error, lang),
    }
}

/// A participant as the session's page shows them.
struct ParticipantLine {
    contact_id: i64,
    person_id: i64,
    name: String,
    attendance: String,
    note: String,
}

#[derive(Template)]
#[template(path = "care_group_session.html")]
struct SessionPage {
    shell: Shell,
    line: SessionLine,
    minutes: i64,
    site: String,
    recorded: String,
    participants: Vec<ParticipantLine>,
}

async fn show_session(State(state): State<AppState>, SignedIn(actor): SignedIn, Path(id): Path<String>) -> Response {
    let lang = actor_lang(&actor);
    let Some(id) = parse_id(&id) else {
        return not_found(lang);
    };
    let record = match state.app.group_session(&actor, id).await {
        Ok(record) => record,
        Err(error) => return page_error(error, lang),
    };
    let s = &record.session;
    let page = SessionPage {
        shell: Shell::signed_in(
            &actor,
            state.settings.demo_mode,
            "group-session-title",
            &format!("/group-sessions/{id}"),
        ),
        line: SessionLine {
            id: s.id,
            held_on: s.held_on.clone(),
            kind: coded("contact-kind", lang, &s.kind),
            topic: s.topic.clone(),
            staff: s.staff.clone(),
            participants: s.participants,
        },
        minutes: s.duration_minutes,
        site: s.site_code.clone(),
        recorded: format!("{} · {}", short_time(&s.recorded_at), s.recorded_by.clone().unwrap_or_default()),
        participants: record
            .participants
            .iter()
            .map(|c| ParticipantLine {
                contact_id: c.id,
                person_id: c.person_id,
                name: display_name(&c.family_name, &c.given_names),
                attendance: coded("contact-attendance", lang, &c.attendance),
                note: c.note.clone(),
            })
            .collect(),
    };
    crate::pages::render(StatusCode::OK, &page)
}

pub(super) fn routes(routes: Routes) -> Routes {
    let read = Access::Policy(Action::ReadClinical);
    let write = Access::Policy(Action::WriteClinical);
    routes
        .add("GET", "/people/{id}/contacts", read, get(list))
        .add("POST", "/people/{id}/contacts", write, post(record))
        .add("GET", "/contacts/{id}", read, get(show))
        .add("GET", "/group-sessions", read, get(sessions))
        .add("GET", "/group-sessions/new", write, get(new_session))
        .add("POST", "/group-sessions/new", write, post(send_session))
        .add("GET", "/group-sessions/{id}", read, get(show_session))
}
