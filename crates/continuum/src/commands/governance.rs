//! `continuum governance send-reminders`: the governance e-mail reminders
//! (issue 7, item 6).

use std::process::ExitCode;

use crate::settings::Settings;

/// Sends the reminders of the day; says so and sends nothing when no SMTP
/// server is configured.
pub async fn send_reminders(settings: &Settings) -> anyhow::Result<ExitCode> {
    let Some(mail) = settings.mail() else {
        println!("e-mail is not configured (mail.smtp_host): no reminder sent");
        return Ok(ExitCode::SUCCESS);
    };
    let app = super::open_app(settings, &settings.database.url, settings.demo).await?;
    let mailing = app.send_governance_reminders(&mail).await;
    app.shutdown().await;
    let mailing = mailing?;
    println!(
        "governance reminders: {} messages sent with {} reminders, {} refused by the server",
        mailing.messages, mailing.reminders, mailing.failed
    );
    Ok(if mailing.failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
