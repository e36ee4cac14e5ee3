//! `continuum audit verify`: verification of the audit trail's hash chain.

use std::process::ExitCode;

use continuum_app::audit_trail::Verification;

use crate::settings::Settings;

/// Verifies the chain; exits 0 when intact and 1 when broken.
pub async fn verify(settings: &Settings) -> anyhow::Result<ExitCode> {
    let app = super::open_app(settings, &settings.database.url, settings.demo).await?;
    let bar = super::progress_bar("verifying the audit trail [{bar:40}] {pos}/{len} rows ({eta})");
    let verification = app
        .verify_audit(|checked, head_seq| {
            bar.set_length(u64::try_from(head_seq).unwrap_or_default().max(checked));
            bar.set_position(checked);
        })
        .await;
    bar.finish_and_clear();
    app.shutdown().await;
    match verification? {
        Verification::Intact { rows } => {
            println!("audit trail intact: {rows} rows");
            Ok(ExitCode::SUCCESS)
        }
        Verification::Broken(broken) => {
            println!("audit trail BROKEN at row {}: {broken}", broken.first_broken_seq());
            Ok(ExitCode::FAILURE)
        }
    }
}
