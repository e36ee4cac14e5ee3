//! `continuum import entries`: a prison's entry list into the register, on
//! behalf of a user of that prison, checked first and written all at once.

use std::process::ExitCode;

use anyhow::Context as _;
use continuum_app::import::ImportReport;

use crate::cli::ImportEntriesArgs;
use crate::settings::Settings;

/// Checks the file, lists refused lines (exit 1), asks, then imports.
pub async fn entries(settings: &Settings, args: ImportEntriesArgs) -> anyhow::Result<ExitCode> {
    let bytes = std::fs::read(&args.file).with_context(|| format!("cannot read {}", args.file.display()))?;
    let app = super::open_app(settings, &settings.database.url, settings.demo).await?;
    let result = run(&app, &args, &bytes).await;
    app.shutdown().await;
    result
}

async fn run(app: &continuum_app::App, args: &ImportEntriesArgs, bytes: &[u8]) -> anyhow::Result<ExitCode> {
    let actor = app
        .command_line_actor(&args.user)
        .await
        .map_err(|_| anyhow::anyhow!("there is no active user named {:?}", args.user.trim()))?;
    let code = args.site.trim().to_ascii_uppercase();
    let site = actor
        .sites
        .iter()
        .find(|s| s.code == code)
        .map(|s| s.id)
        .ok_or_else(|| anyhow::anyhow!("{} works at no prison with the code {code:?}", args.user.trim()))?;
    let check = app
        .check_entry_list(&actor, site, bytes)
        .await
        .map_err(|e| anyhow::anyhow!("{} may not import entries at {code}: {e}", args.user.trim()))?;
    print_report(&check);
    if !check.refused.is_empty() {
        println!("nothing was imported: correct the lines above and import the file again");
        return Ok(ExitCode::FAILURE);
    }
    if check.new == 0 {
        println!("nothing to import: every entry is already registered");
        return Ok(ExitCode::SUCCESS);
    }
    let question = format!("Import {} new entries at {code}?", check.new);
    let refusal = format!("pass --yes to import {} new entries (standard input is not a terminal)", check.new);
    if !args.yes && !super::confirm(&question, &refusal)? {
        println!("nothing was imported");
        return Ok(ExitCode::FAILURE);
    }
    let bar = super::progress_bar("importing [{bar:40}] {pos}/{len} entries ({eta})");
    let done = app
        .import_entry_list(&actor, site, bytes, |done, total| {
            bar.set_length(u64::try_from(total).unwrap_or_default());
            bar.set_position(u64::try_from(done).unwrap_or_default());
        })
        .await;
    bar.finish_and_clear();
    let done = done.context("the import failed; nothing was written")?;
    if !done.refused.is_empty() {
        print_report(&done);
        println!("nothing was imported: the register changed since the check");
        return Ok(ExitCode::FAILURE);
    }
    println!("imported {} new entries at {code}", done.new);
    Ok(ExitCode::SUCCESS)
}

fn print_report(report: &ImportReport) {
    println!(
        "{} entries read: {} new, {} already registered, {} refused",
        report.lines,
        report.new,
        report.already_registered,
        report.refused.len()
    );
    for line in &report.refused {
        let reasons: Vec<String> =
            line.errors.iter().map(|e| format!("{}: {}", e.field, describe(&e.problem))).collect();
        println!("line {}: {}", line.line, reasons.join("; "));
    }
}

/// The reason of a refused field, in words (the command line speaks English).
fn describe(problem: &continuum_domain::validation::Problem) -> String {
    use continuum_domain::validation::Problem;
    match problem {
        Problem::Required => "missing".into(),
        Problem::InvalidFormat => "not in a valid form".into(),
        Problem::TooLong { max } => format!("longer than {max} characters"),
        Problem::Duplicate => "already held by another person or repeated in the file".into(),
        Problem::DateOrder => "before the entry date".into(),
        Problem::ImpossibleDate => "an impossible date".into(),
        Problem::BeforeBirth => "before the date of birth".into(),
        other => other.message_id().trim_start_matches("validation-").replace('-', " "),
    }
}
