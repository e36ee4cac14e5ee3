//! `continuum instrument load-pack`: a content pack (licensed wording of an
//! instrument version in one language) into the database, on behalf of an
//! administrator.

use std::process::ExitCode;

use anyhow::Context as _;
use continuum_app::content_packs::PackLoad;

use crate::cli::LoadPackArgs;
use crate::settings::Settings;

/// Loads the pack, or lists every problem and loads nothing (exit 1).
pub async fn load_pack(settings: &Settings, args: LoadPackArgs) -> anyhow::Result<ExitCode> {
    let bytes = std::fs::read(&args.file).with_context(|| format!("cannot read {}", args.file.display()))?;
    let text = String::from_utf8(bytes).with_context(|| format!("{} is not UTF-8 text", args.file.display()))?;
    let app = super::open_app(settings, &settings.database.url, settings.demo).await?;
    let result = run(&app, &args, &text).await;
    app.shutdown().await;
    result
}

async fn run(app: &continuum_app::App, args: &LoadPackArgs, text: &str) -> anyhow::Result<ExitCode> {
    let user = args.user.trim();
    let actor =
        app.command_line_actor(user).await.map_err(|_| anyhow::anyhow!("there is no active user named {user:?}"))?;
    let loaded = app
        .load_content_pack_file(&actor, text)
        .await
        .map_err(|e| anyhow::anyhow!("{user} may not load content packs: {e}"))?;
    match loaded {
        PackLoad::Loaded { pack, replaced } => {
            let replaces = replaced.map(|old| format!(", replacing pack {old}")).unwrap_or_default();
            println!(
                "loaded content pack {}: {} {} in {}{replaces}",
                pack.id, pack.instrument, pack.version, pack.language
            );
            println!("source: {}", pack.source);
            println!("rights holder: {}; permission of {}", pack.rights_holder, pack.permission_date);
            println!("digest: {}", pack.digest);
            Ok(ExitCode::SUCCESS)
        }
        PackLoad::Refused(errors) => {
            for error in &errors {
                println!("{error}");
            }
            println!("nothing was loaded: {} problem(s) in {}", errors.len(), args.file.display());
            Ok(ExitCode::FAILURE)
        }
    }
}
