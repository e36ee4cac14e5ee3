//! Governance in the demo (issue 7): two years of groups, meetings, minutes,
//! actions and authorisation requests, entered through the use cases by the
//! demo's coordinator and prison directors, with dates relative to today so
//! the governance view always shows the same picture: groups on track, two
//! dormant for over a year, one without a chair, overdue actions, and
//! requests waiting and decided by a central group that met twice.

use continuum_domain::governance::action::ActionFields;
use continuum_domain::governance::group::{GroupDraft, GroupFields, MemberDraft, MemberFields, Thresholds};
use continuum_domain::governance::meeting::MeetingFields;
use continuum_domain::governance::project::{DecisionFields, ProjectDraft, ProjectFields};

use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};

/// A local group of the demo: its prison, the days (from today) of its held
/// meetings, oldest first, and whether it has a chair.
struct LocalGroup {
    site: &'static str,
    held: &'static [i64],
    chaired: bool,
}

/// Hasselt, Gent and Antwerpen meet every quarter; Leuven-Centraal and
/// Jamioulx last met more than a year ago; Dendermonde meets without a chair.
const LOCAL_GROUPS: [LocalGroup; 6] = [
    LocalGroup { site: "HAS", held: &[-710, -620, -530, -440, -350, -260, -170, -80, -12], chaired: true },
    LocalGroup { site: "GEN", held: &[-690, -600, -505, -415, -320, -230, -140, -50], chaired: true },
    LocalGroup { site: "ANT", held: &[-560, -470, -380, -290, -200, -110, -25], chaired: true },
    LocalGroup { site: "LEU", held: &[-720, -610, -470], chaired: true },
    LocalGroup { site: "JAM", held: &[-540], chaired: true },
    LocalGroup { site: "DEN", held: &[-150, -60], chaired: false },
];

/// Seeds the governance history. Only in demo mode.
pub async fn seed_governance(app: &App) -> AppResult<()> {
    if !app.config.demo_mode {
        return Err(AppError::Conflict("demo-mode-required"));
    }
    let coordinator = app.command_line_actor("coordinator.nl").await?;
    let central = create_group(app, &coordinator, "Centrale stuurgroep drugs (demo)", "central", None).await?;
    member(app, &coordinator, central, "M. Janssens (demo)", "director_general", "chair", "").await?;
    // The coordinator sits on the central group with their account, so that
    // signing in as them shows the group's reminders.
    let secretary = coordinator.username.as_str();
    member(app, &coordinator, central, "S. Dubois (demo)", "drug_coordinator", "secretary", secretary).await?;
    member(app, &coordinator, central, "K. Peeters (demo)", "chief_doctor", "member", "").await?;
    let first = meeting(app, &coordinator, central, -380, "10:00").await?;
    app.save_minutes(&coordinator, first, "Kader van de lokale stuurgroepen besproken (demo).").await?;

    let mut local_groups = Vec::new();
    for group in &LOCAL_GROUPS {
        let director = app.command_line_actor(&format!("director.{}", group.site.to_ascii_lowercase())).await?;
        let id = seed_local_group(app, &coordinator, &director, group).await?;
        local_groups.push((group.site, director, id));
    }

    let mut to_decide = Vec::new();
    for (site, director, group) in &local_groups {
        let outcome = match *site {
            "HAS" => ("drug_free_wing", "Drugvrije afdeling (demo)", Some("authorised_with_conditions")),
            "ANT" => ("urine_tests", "Urinetests op vrijwillige basis (demo)", Some("refused")),
            "GEN" => ("urine_tests", "Urinetests bij terugkeer van verlof (demo)", None),
            "DEN" => ("peer_support", "Ervaringsdeskundigen (demo)", None),
            _ => continue,
        };
        let (kind, title, decision) = outcome;
        let start = day(app, 60);
        let draft = ProjectDraft::parse(&ProjectFields {
            title,
            kind,
            description: "Fictief project van de demo",
            services: "Drughulp Limburg (demo)",
            start: &start,
            fundamental: true,
            ..ProjectFields::default()
        })?;
        let project = app.create_project(director, *group, &draft).await?;
        let request = app.submit_project(director, project, "Ter beslissing voorgelegd (demo)").await?;
        if let Some(outcome) = decision {
            to_decide.push((request, outcome));
        }
    }

    // Requests are submitted today, so the central group's second meeting,
    // where it decides them, is today too, once they are all submitted.
    let second = deciding_meeting(app, &coordinator, central).await?;
    app.approve_minutes(&coordinator, first, Some(second)).await?;
    for (request, outcome) in to_decide {
        let review = day(app, 180);
        let fields = DecisionFields {
            outcome,
            reasons: "Besproken op de centrale stuurgroep (demo)",
            conditions: if outcome == "authorised_with_conditions" { "Evaluatie na zes maanden" } else { "" },
            review_date: if outcome == "authorised_with_conditions" { &review } else { "" },
        };
        app.review_request(&coordinator, request).await?;
        app.decide_request(&coordinator, request, Some(second), &fields).await?;
    }
    Ok(())
}

/// One local group: its members, its held meetings with minutes approved at
/// the next one, and an action from its
/// last meeting that is now overdue.
async fn seed_local_group(app: &App, coordinator: &Actor, director: &Actor, group: &LocalGroup) -> AppResult<i64> {
    let site = coordinator.sites.iter().find(|s| s.code == group.site);
    // Named after the prison, in its region's language, so that lists of
    // groups tell them apart.
    let prison = site.map(|s| s.name.as_str()).unwrap_or(group.site);
    let french = matches!(group.site, "JAM" | "LEZ" | "AND" | "LAN");
    let words = if french { &FRENCH } else { &DUTCH };
    let name = format!("{} {prison} (demo)", words.group);
    let id = create_group(app, coordinator, &name, "local", site.map(|s| s.id)).await?;
    let office = if group.chaired { "chair" } else { "member" };
    // The director sits with their account, so the overdue action reaches
    // them among their reminders.
    let account = director.username.as_str();
    let owner = member(app, director, id, words.director, "prison_director", office, account).await?;
    member(app, director, id, words.drug_service, "drug_service", "secretary", "").await?;
    member(app, director, id, words.doctor, "prison_doctor", "member", "").await?;
    let mut previous: Option<i64> = None;
    for days in group.held {
        let held = meeting(app, director, id, *days, "14:00").await?;
        app.save_minutes(director, held, words.minutes).await?;
        if let Some(earlier) = previous {
            app.approve_minutes(director, earlier, Some(held)).await?;
        }
        previous = Some(held);
    }
    if let (Some(last), Some(days)) = (previous, group.held.last()) {
        let due = day(app, days + 7);
        let owner = owner.to_string();
        let action = ActionFields { title: words.action, owner: &owner, due: &due };
        app.add_action(director, last, &action, None).await?;
    }
    Ok(id)
}

/// The demo's words for a local group, in its region's language.
struct GroupWords {
    group: &'static str,
    director: &'static str,
    drug_service: &'static str,
    doctor: &'static str,
    minutes: &'static str,
    action: &'static str,
}

const DUTCH: GroupWords = GroupWords {
    group: "Lokale stuurgroep drugs",
    director: "Directeur (demo)",
    drug_service: "Drughulp (demo)",
    doctor: "Gevangenisarts (demo)",
    minutes: "Opvolging van het drugbeleid (demo).",
    action: "Vorming voor de penitentiaire beambten plannen (demo)",
};

const FRENCH: GroupWords = GroupWords {
    group: "Comité local drogues",
    director: "Directeur (demo)",
    drug_service: "Service d'aide en toxicomanie (demo)",
    doctor: "Médecin de la prison (demo)",
    minutes: "Suivi de la politique drogues (demo).",
    action: "Planifier la formation des agents pénitentiaires (demo)",
};

async fn create_group(
    app: &App,
    by: &Actor,
    name: &str,
    kind: &str,
    site: Option<continuum_domain::ids::SiteId>,
) -> AppResult<i64> {
    let draft = GroupDraft::parse(&GroupFields { name, kind, site, ..GroupFields::default() }, Thresholds::DEFAULT)?;
    app.create_group(by, &draft).await
}

/// A member of `group`, linked to the staff account `username` unless empty.
async fn member(
    app: &App,
    by: &Actor,
    group: i64,
    name: &str,
    function: &str,
    office: &str,
    username: &str,
) -> AppResult<i64> {
    let start = day(app, -730);
    let fields = MemberFields { function, name, organisation: "", office, start: &start, end: "" };
    app.add_member(by, group, &MemberDraft::parse(&fields)?, username).await
}

/// A held meeting `days` from today (not after today) at `time`.
async fn meeting(app: &App, by: &Actor, group: i64, days: i64, time: &str) -> AppResult<i64> {
    let date = day(app, days);
    let fields =
        MeetingFields { date: &date, time, agenda: "Opvolging\nVaria", held: true, ..MeetingFields::default() };
    app.plan_meeting(by, group, &fields).await
}

/// A meeting held today at ten, or at the current minute before ten (a held
/// meeting cannot begin after now): day and time from one reading of the
/// clock, so that seeding at any time of day, even across midnight, gives a
/// meeting on the day of the requests it decides.
async fn deciding_meeting(app: &App, by: &Actor, group: i64) -> AppResult<i64> {
    let now = app.now().to_zoned(app.governance_zone());
    let time = now.time().min(jiff::civil::time(10, 0, 0, 0));
    let (date, time) = (now.date().to_string(), time.strftime("%H:%M").to_string());
    let fields = MeetingFields {
        date: &date,
        time: &time,
        agenda: "Aanvragen tot toelating\nVaria",
        held: true,
        ..MeetingFields::default()
    };
    app.plan_meeting(by, group, &fields).await
}

/// The day `days` from today on the Belgian clock, `YYYY-MM-DD`.
fn day(app: &App, days: i64) -> String {
    let today = app.governance_today();
    today.checked_add(jiff::Span::new().days(days)).unwrap_or(today).to_string()
}
