//! Governance e-mail reminders (issue 7, item 6) on both databases,
//! against an SMTP sink started in the test: the message arrives in the
//! user's language with nothing clinical and no person's name, a second
//! run sends nothing new, and without SMTP the command sends nothing.

use std::sync::{Arc, Mutex};

use continuum_app::governance::mail::{MailConfig, SmtpTls};
use continuum_testkit::database::Backend;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

use crate::governance::day;
use crate::governance_reminders::{group_with_action, steering_member};
use crate::on_both_backends;
use crate::support::{audit_rows, demo_app};

/// The messages a sink received, each as its DATA (headers and body).
type Inbox = Arc<Mutex<Vec<String>>>;

/// A minimal SMTP receiver on a free local port: it accepts every message
/// and keeps it. Returns its port and inbox.
async fn smtp_sink() -> (u16, Inbox) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a free port");
    let port = listener.local_addr().expect("address").port();
    let inbox: Inbox = Arc::default();
    let kept = inbox.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            let kept = kept.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                let _ = write.write_all(b"220 sink ESMTP\r\n").await;
                let mut data: Option<String> = None;
                while let Ok(Some(line)) = lines.next_line().await {
                    if let Some(message) = data.as_mut() {
                        if line == "." {
                            kept.lock().expect("inbox").push(data.take().unwrap_or_default());
                            let _ = write.write_all(b"250 kept\r\n").await;
                        } else {
                            message.push_str(line.strip_prefix('.').unwrap_or(&line));
                            message.push('\n');
                        }
                        continue;
                    }
                    let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
                    let reply: &[u8] = match verb.as_str() {
                        "EHLO" => b"250-sink\r\n250 8BITMIME\r\n",
                        "DATA" => {
                            data = Some(String::new());
                            b"354 go on\r\n"
                        }
                        "QUIT" => {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            break;
                        }
                        _ => b"250 ok\r\n",
                    };
                    let _ = write.write_all(reply).await;
                }
            });
        }
    });
    (port, inbox)
}

fn config(port: u16) -> MailConfig {
    MailConfig {
        host: "127.0.0.1".into(),
        port,
        sender: "Continuum <noreply@example.org>".into(),
        tls: SmtpTls::None,
        base_url: "https://continuum.example.org".into(),
    }
}

/// A message as its reader sees it: quoted-printable decoded (RFC 2045,
/// section 6.7), soft line breaks joined.
fn decoded(mail: &str) -> String {
    let joined = mail.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'=')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn messages_to(inbox: &Inbox, address: &str) -> Vec<String> {
    let header = format!("To: {address}");
    inbox.lock().expect("inbox").iter().map(|m| decoded(m)).filter(|m| m.lines().any(|l| l == header)).collect()
}

async fn an_overdue_action_is_mailed_to_its_owner_once_a_day_in_their_language(backend: Backend) {
    let test = demo_app(backend).await;
    steering_member(&test.app, "owner.has", "nl", "owner@example.org").await;
    group_with_action(&test.app, "owner.has", "", -1).await;
    let (port, inbox) = smtp_sink().await;
    let before = audit_rows(&test.app).await;

    let first = test.app.send_governance_reminders(&config(port)).await.expect("sent");
    let mails = messages_to(&inbox, "owner@example.org");
    assert_eq!(mails.len(), 1, "{mails:?}");
    let mail = &mails[0];
    assert!(mail.contains("Subject: Continuum: 1 herinnering over de stuurgroepen"), "{mail}");
    let due = day(&test.app, -1);
    assert!(
        mail.contains(&format!("Achterstallig sinds {due}: Opleiding plannen (Werkgroep herinneringen)")),
        "{mail}"
    );
    assert!(mail.contains("https://continuum.example.org/governance#reminders"), "{mail}");
    assert!(!mail.contains("Eigenaar") && !mail.contains("Lid stuurgroep"), "no person's name: {mail}");
    assert!(first.messages >= 1 && first.failed == 0);
    assert!(audit_rows(&test.app).await > before, "the sending is audited");

    let second = test.app.send_governance_reminders(&config(port)).await.expect("sent");
    assert_eq!((second.messages, second.reminders), (0, 0), "nothing new the same day");
    assert_eq!(messages_to(&inbox, "owner@example.org").len(), 1);
}
on_both_backends!(an_overdue_action_is_mailed_to_its_owner_once_a_day_in_their_language);

async fn a_user_without_an_address_gets_no_mail(backend: Backend) {
    let test = demo_app(backend).await;
    steering_member(&test.app, "owner.has", "fr", "").await;
    group_with_action(&test.app, "owner.has", "", -1).await;
    let (port, inbox) = smtp_sink().await;
    test.app.send_governance_reminders(&config(port)).await.expect("sent");
    assert!(inbox.lock().expect("inbox").iter().all(|m| !m.contains("Opleiding plannen")));
}
on_both_backends!(a_user_without_an_address_gets_no_mail);

#[test]
fn without_smtp_the_command_says_so_and_sends_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_continuum"))
        .args(["governance", "send-reminders"])
        .current_dir(dir.path())
        .env("CONTINUUM_DATABASE__URL", format!("sqlite://{}", dir.path().join("none.db").display()))
        .env_remove("CONTINUUM_MAIL__SMTP_HOST")
        .env("RUST_LOG", "warn")
        .output()
        .expect("continuum runs");
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("e-mail is not configured"), "{stdout}");
    assert!(!dir.path().join("none.db").exists(), "the database is not even opened");
}
