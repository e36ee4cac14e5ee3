//! The care pathway at national scale, for bench/register (issue 5,
//! "Speed"): each prison's care worker gets a caseload of the size one care
//! worker carries (the demo has one care worker account per prison), and
//! one person at Antwerpen gets a timeline of exactly
//! [`BENCH_TIMELINE_ENTRIES`] entries (the pathway's transitions, the
//! intake, care plan versions and weekly contacts over about a year and a
//! half). Everything is entered through the use cases by the care worker,
//! audited, like the rest of the demo.

use super::care::{contact, day, intake, plan};
use super::{ENTRIES_PER_YEAR, FAMILY_NAMES, GIVEN_NAMES, demo_entry};
use crate::Paging;
use crate::app::App;
use crate::error::{AppError, AppResult};

/// The entries of the bench person's timeline.
pub const BENCH_TIMELINE_ENTRIES: i64 = 200;
/// The prison number of the bench person (at Antwerpen).
pub const BENCH_TIMELINE_PRISON_NUMBER: &str = "ANT-BENCH-TIMELINE";
/// The most pathways one care worker carries: services report 30 to 40
/// people per full-time drug worker.
const CASELOAD_MAX: usize = 40;
/// The fewest, at the smallest prisons.
const CASELOAD_MIN: usize = 10;
/// How many days ago the bench person entered.
const BENCH_ENTRY_DAYS_AGO: i64 = 560;
/// Care plan versions of the bench person (the first and its revisions).
const BENCH_PLAN_VERSIONS: i64 = 24;

/// Seeds the caseloads and the bench person. Only in demo mode.
pub async fn seed_care_bench(app: &App) -> AppResult<()> {
    for (code, per_year) in ENTRIES_PER_YEAR {
        let worker = app.command_line_actor(&format!("care_worker.{}", code.to_ascii_lowercase())).await?;
        let language = if matches!(code, "LAN" | "JAM" | "AND" | "LEZ" | "HAR") { "fr" } else { "nl" };
        let caseload = (per_year / 45).clamp(CASELOAD_MIN, CASELOAD_MAX);
        // A prison number holds no spaces: only the one-word family names.
        let families: Vec<&str> = FAMILY_NAMES.into_iter().filter(|name| !name.contains(' ')).collect();
        for n in 0..caseload {
            let family = families[n % families.len()];
            let given = GIVEN_NAMES[(n * 7) % GIVEN_NAMES.len()];
            // Entered 2 to 14 months ago; the prison number stays unique by its tag.
            let days_ago = 60 + i64::try_from(n * 37 % 360).unwrap_or(0);
            let person = demo_entry(app, &worker, code, &format!("CL{n:03}"), family, given, days_ago).await?;
            app.assign_care_worker(&worker, person, app.actor_id(&worker)).await?;
            app.record_intake(&worker, person, &intake(&day(app, 3 - days_ago), n % 4 == 0, language)).await?;
            // One in five still waits for a plan; one in six of the plans is due for review.
            if n % 5 == 4 {
                continue;
            }
            let review = if n % 6 == 1 { day(app, -3) } else { day(app, 30 + i64::try_from(n).unwrap_or(0)) };
            app.start_care_plan(&worker, person, &plan(&day(app, 7 - days_ago), &review)).await?;
            for k in 1..=(1 + n % 4) {
                let held = day(app, 7 + 14 * i64::try_from(k).unwrap_or(0) - days_ago);
                app.record_contact(&worker, person, &contact(&held, "counselling", "Demo: progress reviewed")).await?;
            }
        }
    }
    seed_bench_timeline(app).await
}

/// The bench person: an intake, a care plan revised every few weeks, and
/// contacts until the timeline holds [`BENCH_TIMELINE_ENTRIES`] entries.
async fn seed_bench_timeline(app: &App) -> AppResult<()> {
    let worker = app.command_line_actor("care_worker.ant").await?;
    let person = demo_entry(app, &worker, "ANT", "BENCH", "Timeline", "Bench", BENCH_ENTRY_DAYS_AGO).await?;
    app.assign_care_worker(&worker, person, app.actor_id(&worker)).await?;
    app.record_intake(&worker, person, &intake(&day(app, 3 - BENCH_ENTRY_DAYS_AGO), true, "nl")).await?;
    let plan_day = day(app, 7 - BENCH_ENTRY_DAYS_AGO);
    let plan_id = app.start_care_plan(&worker, person, &plan(&plan_day, &day(app, 30))).await?;
    let mut version = 1;
    for revision in 1..BENCH_PLAN_VERSIONS {
        let review = day(app, 30 + revision);
        let mut fields = plan(&plan_day, &review);
        fields.note = "Demo: plan reviewed with the person";
        version = app.revise_care_plan(&worker, plan_id, version, &fields).await?;
    }
    let one = Paging { page: 1, per_page: 1 };
    let mut entries = app.person_timeline(&worker, person, false, one).await?.entries.total;
    // Contacts every other day back from yesterday, the latest first.
    let mut days_ago = 1;
    while entries < BENCH_TIMELINE_ENTRIES {
        if days_ago >= BENCH_ENTRY_DAYS_AGO - 7 {
            return Err(AppError::Internal(anyhow::anyhow!("the bench timeline does not fit its detention")));
        }
        let held = day(app, -days_ago);
        app.record_contact(&worker, person, &contact(&held, "counselling", "Demo: weekly conversation")).await?;
        entries += 1;
        days_ago += 2;
    }
    let total = app.person_timeline(&worker, person, false, one).await?.entries.total;
    if total != BENCH_TIMELINE_ENTRIES {
        return Err(AppError::Internal(anyhow::anyhow!("the bench timeline holds {total} entries")));
    }
    Ok(())
}
