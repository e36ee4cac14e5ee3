//! E-mail reminders (issue 7, item 6): each user with an e-mail address
//! receives, in their language, the reminders of the day not yet sent to
//! them, when an SMTP server is configured (off by default).
//!
//! A message names only groups, meeting dates, action titles and counts,
//! with a link to the application: never anything clinical, never a
//! person (not even the addressee's name), never a project's title. Each
//! reminder sent is recorded by item and day, so a second run sends
//! nothing new; each message is audited as read by its addressee through
//! the command line.

use std::collections::BTreeMap;

use continuum_domain::audit::format_instant;
use continuum_domain::governance::reminder::ReminderKind;
use continuum_domain::policy::{Action, possible};
use continuum_i18n::{Arg, Lang};
use continuum_store::governance::reminders as sent;
use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::reminders::Reminder;
use crate::access::Subject;
use crate::app::App;
use crate::error::{AppError, AppResult};

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpTls {
    /// Plain text: only for a relay on the same host or network.
    None,
    /// STARTTLS, required (usually port 587).
    StartTls,
    /// TLS from the first byte (usually port 465).
    Tls,
}

impl SmtpTls {
    /// Parses `none`, `starttls` or `tls`.
    pub fn parse(code: &str) -> Option<SmtpTls> {
        match code.trim() {
            "none" => Some(SmtpTls::None),
            "starttls" => Some(SmtpTls::StartTls),
            "tls" => Some(SmtpTls::Tls),
            _ => None,
        }
    }
}

/// Where and how to send e-mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailConfig {
    /// The SMTP server.
    pub host: String,
    /// Its port.
    pub port: u16,
    /// The sender's address (`Continuum <noreply@example.org>`).
    pub sender: String,
    /// The protection of the connection.
    pub tls: SmtpTls,
    /// The application's address, for the link in the message
    /// (`https://continuum.example.org`).
    pub base_url: String,
}

/// What a run of the reminders sent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Mailing {
    /// Messages sent.
    pub messages: usize,
    /// Reminders in them.
    pub reminders: usize,
    /// Messages the server refused (retried at the next run).
    pub failed: usize,
}

/// A message: its subject and plain-text body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    /// Subject.
    pub subject: String,
    /// Body.
    pub body: String,
}

/// The message of `reminders` in `lang`, with a link to `base_url`. The
/// requests waiting are counted per group, their titles left out.
pub fn letter(lang: Lang, reminders: &[&Reminder], base_url: &str) -> Letter {
    let count = i64::try_from(reminders.len()).unwrap_or(i64::MAX);
    let subject = continuum_i18n::t_args(lang, "governance-mail-subject", &[("count", Arg::Num(count))]);
    let mut body = continuum_i18n::t_args(lang, "governance-mail-intro", &[("count", Arg::Num(count))]);
    body.push_str("\n\n");
    let mut waiting: BTreeMap<&str, i64> = BTreeMap::new();
    for reminder in reminders {
        if reminder.kind == ReminderKind::AuthorisationWaiting {
            *waiting.entry(reminder.group_name.as_str()).or_default() += 1;
            continue;
        }
        let line = continuum_i18n::t_args(
            lang,
            &format!("governance-reminder-{}", reminder.kind.code()),
            &[
                ("group", Arg::from(reminder.group_name.clone())),
                ("date", Arg::from(reminder.day.clone())),
                ("title", Arg::from(reminder.title.clone())),
            ],
        );
        body.push_str(&format!("- {line}\n"));
    }
    for (group, count) in waiting {
        let line = continuum_i18n::t_args(
            lang,
            "governance-mail-requests-waiting",
            &[("group", Arg::from(group.to_owned())), ("count", Arg::Num(count))],
        );
        body.push_str(&format!("- {line}\n"));
    }
    let link = format!("{}/governance#reminders", base_url.trim_end_matches('/'));
    body.push('\n');
    body.push_str(&continuum_i18n::t_args(lang, "governance-mail-link", &[("link", Arg::from(link))]));
    body.push_str("\n\n");
    body.push_str(&continuum_i18n::t(lang, "governance-mail-footer"));
    body.push('\n');
    Letter { subject, body }
}

fn transport(mail: &MailConfig) -> AppResult<AsyncSmtpTransport<Tokio1Executor>> {
    let tls = match mail.tls {
        SmtpTls::None => Tls::None,
        SmtpTls::StartTls | SmtpTls::Tls => {
            let parameters = TlsParameters::new(mail.host.clone())
                .map_err(|e| AppError::Internal(anyhow::anyhow!("SMTP TLS: {e}")))?;
            if mail.tls == SmtpTls::Tls { Tls::Wrapper(parameters) } else { Tls::Required(parameters) }
        }
    };
    Ok(AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(mail.host.clone()).port(mail.port).tls(tls).build())
}

impl App {
    /// Sends every user with an e-mail address the reminders of the day
    /// not yet sent to them, in their language.
    pub async fn send_governance_reminders(&self, mail: &MailConfig) -> AppResult<Mailing> {
        let event = "governance.reminders.send";
        let sender: Mailbox = mail
            .sender
            .parse()
            .map_err(|_| AppError::field("sender", continuum_domain::validation::Problem::InvalidFormat))?;
        let transport = transport(mail)?;
        let today = self.governance_today().to_string();
        let mut conn = self.store.reader().await?;
        let recipients = continuum_store::governance::recipients(&mut conn, &today).await?;
        drop(conn);
        let mut mailing = Mailing::default();
        for recipient in recipients {
            let Ok(to) = recipient.email.parse::<Mailbox>() else {
                tracing::warn!(user = recipient.id, "governance reminder: the e-mail address is not valid");
                continue;
            };
            let actor = self.command_line_actor(&recipient.username).await?;
            let standing = {
                let mut conn = self.store.reader().await?;
                self.standing(&mut conn, &actor).await?
            };
            // Only those governance is open to; asking the policy of the
            // others would audit a refusal for every clinical account.
            if standing.groups.is_empty() && !possible(&actor.grants, Action::ViewGovernance, None) {
                continue;
            }
            let allowed = self.permit_governance(&actor, Action::ViewGovernance, event).await?;
            let mut conn = self.store.reader().await?;
            let reminders = self.reminders_of(&mut conn, &actor).await?;
            let already = sent::sent_on(&mut conn, recipient.id, &today).await?;
            drop(conn);
            let new: Vec<&Reminder> = reminders
                .iter()
                .filter(|r| !already.iter().any(|(kind, item)| kind == r.kind.code() && *item == r.item.key()))
                .collect();
            if new.is_empty() {
                continue;
            }
            let lang = Lang::parse(&recipient.language).unwrap_or(Lang::En);
            let letter = letter(lang, &new, &mail.base_url);
            let message = Message::builder()
                .from(sender.clone())
                .to(to)
                .subject(letter.subject)
                .header(ContentType::TEXT_PLAIN)
                .body(letter.body)
                .map_err(|e| AppError::Internal(anyhow::anyhow!("governance reminder message: {e}")))?;
            if let Err(error) = transport.send(message).await {
                tracing::warn!(user = recipient.id, %error, "governance reminder not sent");
                mailing.failed += 1;
                continue;
            }
            let at = format_instant(self.now());
            let mut tx = self.store.begin().await?;
            for reminder in &new {
                sent::record_sent(&mut tx, recipient.id, reminder.kind.code(), &reminder.item.key(), &today, &at)
                    .await?;
            }
            let subject = Subject { id: Some(recipient.id.to_string()), ..Subject::kind("governance_reminder") };
            self.audit_change(&mut tx, &actor, allowed, event, &subject).await?;
            tx.commit().await?;
            mailing.messages += 1;
            mailing.reminders += new.len();
        }
        Ok(mailing)
    }
}
