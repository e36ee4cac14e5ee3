//! The care pathway in the demo (issue 5, item 10): at every prison, one
//! person at each step after screening (intake, in care with a review past
//! due, release planning, released with the checklist incomplete, released
//! without a plan, follow-up completed, lost to follow-up), with contacts
//! and a group session, entered through the use cases by the prison's care
//! worker, with dates relative to today so the caseload always shows the
//! same picture. The person planning release is handed over to an outside
//! organisation of the region, within a sharing consent for every section
//! of the handover and with a referral to it, so the demo can produce the
//! handover at release and its Bundle (issue 6, item 6).

use continuum_domain::care::contact::{ContactFields, ParticipantFields};
use continuum_domain::care::intake::IntakeFields;
use continuum_domain::care::plan::{GoalFields, InterventionFields, PlanFields};
use continuum_domain::episode::ReleaseFields;
use continuum_domain::release::{ChecklistFields, FollowUpFields};
use continuum_domain::site::{Language, PILOT_SITES};

use super::demo_entry;
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};

/// Where a demo person's pathway stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// Intake recorded, no plan yet.
    Intake,
    /// A care plan whose review date has passed.
    InCareReviewDue,
    /// Release announced, the checklist complete.
    ReleasePlanning,
    /// Released today with naloxone and housing still open.
    ReleasedIncomplete,
    /// Released ten days ago without release planning: the 7-day contact is overdue.
    ReleasedWithoutPlan,
    /// Released 35 days ago, both contacts made, closed as completed.
    Completed,
    /// Released 40 days ago, closed as lost to follow-up.
    Lost,
}

/// Each step's person: the step, family name, given name, and days since entry.
const PEOPLE: [(Step, &str, &str, i64); 7] = [
    (Step::Intake, "Aerts", "Jonas", 10),
    (Step::InCareReviewDue, "Vos", "Rachid", 75),
    (Step::ReleasePlanning, "Hermans", "Nordin", 90),
    (Step::ReleasedIncomplete, "Simon", "Luca", 120),
    (Step::ReleasedWithoutPlan, "Michiels", "Ilias", 100),
    (Step::Completed, "Leroy", "Hugo", 200),
    (Step::Lost, "Lemaire", "Adam", 150),
];

/// The day `days` from today (negative: before), as the forms write it.
pub(super) fn day(app: &App, days: i64) -> String {
    let today = app.register_today();
    today.checked_add(jiff::Span::new().days(days)).unwrap_or(today).to_string()
}

/// An intake of a person using heroin or cocaine, not on OAT outside.
pub(super) fn intake<'a>(date: &'a str, opioids: bool, language: &'a str) -> IntakeFields<'a> {
    IntakeFields {
        intake_date: date,
        referral_source: "justice",
        previous_treatment: if opioids { "previously" } else { "never" },
        ever_oat: if opioids { "yes" } else { "no" },
        primary_substance: if opioids { "heroin" } else { "cocaine" },
        secondary_substances: &[],
        route: if opioids { "smoke_inhale" } else { "sniff" },
        frequency: "daily",
        first_use_age: "19",
        injecting: "never",
        first_injection_age: "",
        needle_sharing: "",
        living_with: "alone",
        lives_with_children: "no",
        accommodation: "unstable",
        labour_status: "unemployed",
        education: "lower_secondary",
        hiv_test: "last_12_months",
        hcv_test: "last_12_months",
        oat_outside: "no",
        oat_medicine: "",
        oat_dose_mg: "",
        dose_confirmed: false,
        oat_prescriber: "",
        oat_last_dose_on: "",
        oat_last_dose_at: "",
        health_insurance: "yes",
        health: "Demo: no somatic complaints",
        social: "Demo: housing lost during detention",
        goals: "Demo: stay off drugs and find a place to live",
        language,
        interpreter: false,
    }
}

/// A plan of two goals and two interventions, made on `date`.
pub(super) fn plan<'a>(date: &'a str, review: &'a str) -> PlanFields<'a> {
    PlanFields {
        plan_date: date,
        review_date: review,
        goals: vec![
            GoalFields { description: "Demo: no use during detention", status: "open", ..GoalFields::default() },
            GoalFields { description: "Demo: housing on release", status: "open", ..GoalFields::default() },
        ],
        interventions: vec![
            InterventionFields {
                kind: "individual_counselling",
                description: "Demo: a conversation every week",
                responsible: "Care worker",
                starts_on: date,
                status: "in_progress",
                ..InterventionFields::default()
            },
            InterventionFields {
                kind: "release_preparation",
                description: "Demo: an outside service and a first appointment",
                responsible: "Care worker",
                starts_on: date,
                status: "planned",
                ..InterventionFields::default()
            },
        ],
        ..PlanFields::default()
    }
}

/// A contact with the care worker on `date`.
pub(super) fn contact<'a>(date: &'a str, kind: &'a str, note: &'a str) -> ContactFields<'a> {
    ContactFields { held_on: date, duration_minutes: "45", kind, staff: "Care worker", attendance: "attended", note }
}

/// A release checklist with an outside service of the prison's region
/// (`service`: an organisation's id, or `other` and `service_name`), for a
/// person not on OAT; `complete` leaves naloxone and housing open when false.
fn checklist<'a>(
    (service, service_name): (&'a str, &'a str),
    appointment: &'a str,
    opioids: bool,
    complete: bool,
) -> ChecklistFields<'a> {
    ChecklistFields {
        service,
        service_name,
        appointment_date: appointment,
        appointment_place: "Demo: the service's front desk",
        oat_bridging: "not_on_oat",
        naloxone: match (complete, opioids) {
            (false, _) => "",
            (true, true) => "handed_over",
            (true, false) => "no_opioid_use",
        },
        housing: if complete { "sheltered" } else { "" },
        health_insurance: "requested",
        contact: "agrees",
        contact_channel: "phone",
        contact_detail: "0470 00 00 00",
    }
}

/// A follow-up contact at `due_days`, made on `date`.
fn follow_up<'a>(due_days: &'a str, date: &'a str) -> FollowUpFields<'a> {
    FollowUpFields { due_days, contact_date: date, attendance: "attended", means: "service_phone", note: "" }
}

/// Seeds the pathways above at every pilot prison.
pub async fn seed_care_pathways(app: &App) -> AppResult<()> {
    for site in PILOT_SITES {
        let worker = app.command_line_actor(&format!("care_worker.{}", site.code.to_ascii_lowercase())).await?;
        let language = site.languages.first().copied().unwrap_or(Language::Nl);
        let service = match language {
            Language::Fr => "Centre de jour (demo)",
            _ => "Ambulante drughulp (demo)",
        };
        let mut group = Vec::new();
        for (step, family, given, days_ago) in PEOPLE {
            let person = demo_entry(app, &worker, site.code, "CARE", family, given, days_ago).await?;
            let opioids = matches!(step, Step::ReleasePlanning | Step::ReleasedIncomplete | Step::Completed);
            seed_pathway(app, &worker, person, step, (days_ago, opioids, language.code()), service).await?;
            if matches!(step, Step::InCareReviewDue | Step::ReleasePlanning) {
                group.push(format!("{}-CARE-{}", site.code, family.to_ascii_uppercase()));
            }
        }
        let held = day(app, -3);
        let participants: Vec<ParticipantFields<'_>> = group
            .iter()
            .map(|number| ParticipantFields { prison_number: number, attendance: "attended", note: "" })
            .collect();
        app.record_group_session(&worker, &contact(&held, "group_work", "Demo: relapse prevention"), &participants)
            .await?;
    }
    Ok(())
}

/// Makes the care worker responsible for one person entered `days_ago`
/// and brings the person to `step`. `profile` holds the
/// days since entry, whether the person uses opioids, and the language of care.
async fn seed_pathway(
    app: &App,
    worker: &Actor,
    person: i64,
    step: Step,
    (days_ago, opioids, language): (i64, bool, &str),
    service: &str,
) -> AppResult<()> {
    app.assign_care_worker(worker, person, app.actor_id(worker)).await?;
    let intake_day = day(app, 3 - days_ago);
    app.record_intake(worker, person, &intake(&intake_day, opioids, language)).await?;
    if step == Step::Intake {
        return Ok(());
    }
    let plan_day = day(app, 7 - days_ago);
    let review = if step == Step::InCareReviewDue { day(app, -5) } else { day(app, 60) };
    app.start_care_plan(worker, person, &plan(&plan_day, &review)).await?;
    for weeks in [2, 4] {
        let held = day(app, 7 * weeks - days_ago);
        app.record_contact(worker, person, &contact(&held, "counselling", "Demo: motivation and goals reviewed"))
            .await?;
    }
    let released_days_ago = match step {
        Step::Intake | Step::InCareReviewDue => return Ok(()),
        Step::ReleasePlanning | Step::ReleasedIncomplete => 0,
        Step::ReleasedWithoutPlan => 10,
        Step::Completed => 35,
        Step::Lost => 40,
    };
    let released = day(app, -released_days_ago);
    if step != Step::ReleasedWithoutPlan && step != Step::Lost {
        app.start_release_planning(worker, person, Some("Demo: release announced")).await?;
        let appointment = day(app, 2 - released_days_ago);
        let complete = step != Step::ReleasedIncomplete;
        let receiver = match step {
            Step::ReleasePlanning => Some(handover_receiver(app, worker, person, language).await?.to_string()),
            _ => None,
        };
        let service = receiver.as_deref().map_or(("other", service), |id| (id, ""));
        app.save_release_plan(worker, person, 0, &checklist(service, &appointment, opioids, complete)).await?;
    }
    if step == Step::ReleasePlanning {
        return Ok(());
    }
    let record = app.get_person(worker, person).await?;
    let episode = record.person.current_episode_id.ok_or(AppError::NotFound)?;
    app.release_episode(worker, episode, &ReleaseFields { release_date: &released, release_kind: "end_of_sentence" })
        .await?;
    match step {
        Step::Completed => {
            for due in [7, 30] {
                let made = day(app, due - released_days_ago);
                app.record_follow_up(worker, person, &follow_up(&due.to_string(), &made)).await?;
            }
            app.close_follow_up(worker, person, "completed", Some("Demo: in care with the outside service")).await
        }
        Step::Lost => {
            app.close_follow_up(worker, person, "lost_to_follow_up", Some("Demo: no answer to three calls")).await
        }
        _ => Ok(()),
    }
}

// The handover at release (issue 6, item 6).

/// Hands the person over to the region's outside drug service at release:
/// records the person's sharing consent with its organisation for every
/// section of the handover and drafts a referral to the service. Answers
/// the organisation's id, for the release plan.
async fn handover_receiver(app: &App, worker: &Actor, person: i64, language: &str) -> AppResult<i64> {
    use continuum_domain::handover::HANDOVER_SECTIONS;
    use continuum_domain::referral::{ReferralDraft, ReferralFields};

    use crate::referrals::Creation;

    let (organisation, service) = match language {
        "fr" => ("Assuétudes Wallonie (demo)", "Centre de jour Charleroi (demo)"),
        _ => ("Drughulp Limburg (demo)", "Ambulante drughulp Hasselt (demo)"),
    };
    let organisation = super::organisation_id(app, worker, organisation).await?;
    let sections = HANDOVER_SECTIONS.map(|s| s.code());
    let consent = super::DemoConsent {
        kind: "sharing",
        decision: "granted",
        given_days_ago: 1,
        valid_until_days: Some(180),
        language,
        recipient: "organisation",
        organisation: Some(organisation),
        purpose: "continuity_of_care",
        sections: &sections,
    };
    app.record_demo_consent(worker, person, &consent).await?;
    let filter = crate::directory::DirectoryFilter {
        search: Some(service.to_owned()),
        organisation: Some(organisation),
        ..Default::default()
    };
    let found = app.search_directory(worker, &filter, crate::Paging { page: 1, per_page: 5 }).await?;
    let service = found.items.first().map(|s| s.id).ok_or(AppError::NotFound)?;
    // What a referral may carry of the handover (risks go with the handover only).
    let referred = continuum_domain::consent::Section::for_referral();
    let sections: Vec<String> =
        HANDOVER_SECTIONS.iter().filter(|s| referred.contains(s)).map(|s| s.code().to_owned()).collect();
    let draft = ReferralDraft::parse(&ReferralFields {
        service: Some(service),
        reason: "Demo: continue the treatment after release",
        urgency: "routine",
        sections: &sections,
    })?;
    // The service may not cover this prison: the warning is confirmed.
    match app.create_referral(worker, person, &draft, true).await? {
        Creation::Created(_) => Ok(organisation),
        _ => Err(AppError::Conflict("demo-referral")),
    }
}
