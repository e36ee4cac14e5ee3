//! Handover sending and receipt (issue 6, item 6): a sent handover stays
//! on the sending prison's worklist until its receipt is confirmed, by the
//! receiver in the outside providers' portal or recorded by the sender; the
//! receiver sees only the handovers sent to its organisation, only within
//! the person's sharing consent; another prison's document is not found.

use continuum_app::release_handovers::ReleaseHandover;
use continuum_app::{App, AppError};
use continuum_domain::consent::Withdrawal;
use continuum_domain::handover::sending::SendingFields;
use continuum_domain::validation::Problem;
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;

use crate::on_both_backends;
use crate::referrals::audit_rows;
use crate::release_handover::planning_release;
use crate::support::{actor, demo_app};

const ALL_SECTIONS: [&str; 5] = ["identity", "medication", "care_plan", "risks", "appointments"];

/// A handover document at release, made within the consent (its id and
/// the consent's).
async fn made_at_release(app: &App, family: &str) -> (i64, i64) {
    let worker = actor(app, "care_worker.has").await;
    let (person, organisation) = planning_release(app, family).await;
    let consent = crate::referrals::consent_to_share(app, &worker, person, organisation, &ALL_SECTIONS).await;
    match app.make_release_handover(&worker, person, "nl").await.expect("made") {
        ReleaseHandover::Made(id) => (id, consent),
        other => panic!("not made: {other:?}"),
    }
}

async fn sent(app: &App, document: i64, channel: &str) {
    let worker = actor(app, "care_worker.has").await;
    let fields = SendingFields { sent_to: "Drughulp Limburg", channel };
    app.record_handover_sending(&worker, document, &fields).await.expect("sent");
}

async fn page(client: &reqwest::Client, server: &TestServer, path: &str) -> (StatusCode, String) {
    let response = client.get(server.url(path)).send().await.expect("request");
    (response.status(), response.text().await.expect("body"))
}

async fn a_sent_handover_stays_on_the_worklist_until_the_receiver_confirms_it_in_the_portal(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let (document, _) = made_at_release(&server.app, "Verzonden").await;
    let tracking = format!("/handover-documents/{document}/tracking");
    let worker = server.client_for("care_worker.has").await.expect("signs in");
    let (_, worklist) = page(&worker, &server, "/worklist").await;
    assert!(!worklist.contains(&tracking), "not on the worklist before it is sent");
    sent(&server.app, document, "portal").await;
    let (status, worklist) = page(&worker, &server, "/worklist").await;
    assert_eq!(status, StatusCode::OK);
    assert!(worklist.contains(&tracking), "sent, awaiting receipt");
    let provider = server.client_for("external_provider.nl").await.expect("signs in");
    let (status, portal) = page(&provider, &server, "/handover-receipts").await;
    assert_eq!(status, StatusCode::OK);
    assert!(portal.contains(&tracking), "the receiver sees it in its portal");
    let (_, form) = page(&provider, &server, &tracking).await;
    let marker = "name=\"csrf\" value=\"";
    let start = form.find(marker).expect("the receipt form") + marker.len();
    let csrf = form[start..].split('"').next().unwrap_or_default().to_owned();
    let confirmed = provider
        .post(server.url(&format!("/handover-documents/{document}/receipt")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .expect("request");
    assert!(confirmed.status().is_success() || confirmed.status().is_redirection(), "{}", confirmed.status());
    let (_, worklist) = page(&worker, &server, "/worklist").await;
    assert!(!worklist.contains(&tracking), "off the worklist once confirmed");
    let has = actor(&server.app, "care_worker.has").await;
    let tracked = server.app.tracked_handover(&has, document).await.expect("read");
    assert_eq!(tracked.document.receipt_by.as_deref(), Some("receiver"));
    assert_eq!(tracked.document.received_by.as_deref(), Some("external_provider.nl"));
    assert_eq!(audit_rows(&server.app, "handover_document.send", "allowed").await.len(), 1);
    assert_eq!(audit_rows(&server.app, "handover_document.receipt", "allowed").await.len(), 1);
    server.stop().await;
}
on_both_backends!(a_sent_handover_stays_on_the_worklist_until_the_receiver_confirms_it_in_the_portal);

async fn the_sender_records_the_receipt_once_and_only_after_sending(backend: Backend) {
    let test = demo_app(backend).await;
    let (document, _) = made_at_release(&test.app, "Gemeld").await;
    let worker = actor(&test.app, "care_worker.has").await;
    let early = test.app.confirm_handover_receipt(&worker, document).await;
    assert!(matches!(early, Err(AppError::Conflict("handover-not-sent"))), "{early:?}");
    sent(&test.app, document, "post").await;
    let site = worker.site.as_ref().map(|s| s.id);
    let awaiting = test.app.handovers_awaiting_receipt(&worker, site).await.expect("listed");
    assert!(awaiting.iter().any(|a| a.document.id == document && a.days_since_sent == 0));
    let done = test.app.confirm_handover_receipt(&worker, document).await.expect("recorded");
    assert_eq!(done.receipt_by.as_deref(), Some("sender"));
    let again = test.app.confirm_handover_receipt(&worker, document).await;
    assert!(matches!(again, Err(AppError::Conflict("handover-already-received"))), "{again:?}");
    let awaiting = test.app.handovers_awaiting_receipt(&worker, site).await.expect("listed");
    assert!(awaiting.iter().all(|a| a.document.id != document));
}
on_both_backends!(the_sender_records_the_receipt_once_and_only_after_sending);

async fn a_sending_names_the_receiver_and_a_channel_and_is_recorded_once(backend: Backend) {
    let test = demo_app(backend).await;
    let (document, _) = made_at_release(&test.app, "Kanaal").await;
    let worker = actor(&test.app, "care_worker.has").await;
    let bad = SendingFields { sent_to: "", channel: "pigeon" };
    let refused = test.app.record_handover_sending(&worker, document, &bad).await;
    let Err(AppError::Invalid(invalid)) = refused else {
        panic!("accepted: {refused:?}");
    };
    assert_eq!(invalid.for_field("sent_to"), Some(&Problem::Required));
    assert_eq!(invalid.for_field("channel"), Some(&Problem::InvalidFormat));
    let tracked = test.app.tracked_handover(&worker, document).await.expect("read");
    assert!(tracked.document.sent_at.is_none(), "a refused sending writes nothing");
    sent(&test.app, document, "secure_mail").await;
    let tracked = test.app.tracked_handover(&worker, document).await.expect("read");
    assert_eq!(tracked.document.sent_channel.as_deref(), Some("secure_mail"));
    assert_eq!(tracked.document.sent_by.as_deref(), Some("care_worker.has"));
    let twice = SendingFields { sent_to: "Drughulp Limburg", channel: "post" };
    let again = test.app.record_handover_sending(&worker, document, &twice).await;
    assert!(matches!(again, Err(AppError::Conflict("handover-already-sent"))), "{again:?}");
}
on_both_backends!(a_sending_names_the_receiver_and_a_channel_and_is_recorded_once);

async fn another_organisations_provider_and_another_prison_get_not_found(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let (document, _) = made_at_release(&server.app, "Elders").await;
    sent(&server.app, document, "portal").await;
    let tracking = format!("/handover-documents/{document}/tracking");
    for username in ["external_provider.fr", "care_worker.gen"] {
        let client = server.client_for(username).await.expect("signs in");
        assert_eq!(page(&client, &server, &tracking).await.0, StatusCode::NOT_FOUND, "{username}");
        let (_, list) = page(&client, &server, "/handover-receipts").await;
        assert!(!list.contains(&tracking), "{username} does not see it listed");
        let actor = actor(&server.app, username).await;
        let confirmed = server.app.confirm_handover_receipt(&actor, document).await;
        assert!(matches!(confirmed, Err(AppError::NotFound)), "{username}: {confirmed:?}");
    }
    let ghent = actor(&server.app, "care_worker.gen").await;
    let fields = SendingFields { sent_to: "Elders", channel: "post" };
    assert!(matches!(server.app.record_handover_sending(&ghent, document, &fields).await, Err(AppError::NotFound)));
    let security = actor(&server.app, "prison_staff.has").await;
    assert!(matches!(server.app.tracked_handover(&security, document).await, Err(AppError::Forbidden)));
    server.stop().await;
}
on_both_backends!(another_organisations_provider_and_another_prison_get_not_found);

async fn withdrawing_the_sharing_consent_cuts_the_receivers_access_and_the_refusal_is_audited(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    let (document, consent) = made_at_release(&server.app, "Teruggetrokken").await;
    sent(&server.app, document, "portal").await;
    let tracking = format!("/handover-documents/{document}/tracking");
    let provider = server.client_for("external_provider.nl").await.expect("signs in");
    assert_eq!(page(&provider, &server, &tracking).await.0, StatusCode::OK);
    assert_eq!(page(&provider, &server, &format!("/handover-documents/{document}")).await.0, StatusCode::OK);
    let worker = actor(&server.app, "care_worker.has").await;
    let withdrawal = Withdrawal::parse("Wil niet meer delen").expect("valid");
    server.app.withdraw_consent(&worker, consent, &withdrawal).await.expect("withdrawn");
    assert_eq!(page(&provider, &server, &tracking).await.0, StatusCode::NOT_FOUND);
    assert_eq!(page(&provider, &server, &format!("/handover-documents/{document}")).await.0, StatusCode::NOT_FOUND);
    let (_, list) = page(&provider, &server, "/handover-receipts").await;
    assert!(!list.contains(&tracking), "the portal no longer lists it");
    let denied = audit_rows(&server.app, "handover_document.tracking", "denied").await;
    assert_eq!(denied.len(), 1, "the refusal is audited");
    let receiver = actor(&server.app, "external_provider.nl").await;
    let confirmed = server.app.confirm_handover_receipt(&receiver, document).await;
    assert!(matches!(confirmed, Err(AppError::NotFound)), "{confirmed:?}");
    server.stop().await;
}
on_both_backends!(withdrawing_the_sharing_consent_cuts_the_receivers_access_and_the_refusal_is_audited);
