//! End to end in a real browser (issue 6, "Done when"): at release, the
//! care worker at Hasselt refers a person, from the release plan, to an
//! outside drug service within the person's sharing consent; the outside
//! provider signs in, sees only that person and only the consented
//! sections (another person, referred elsewhere, is not even found by id),
//! accepts, gives the first appointment and confirms the attendance; the
//! care worker's release plan shows the outcome.

use std::time::Duration;

use continuum_app::referrals::{Creation, Sending};
use continuum_app::{Actor, App};
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use fantoccini::{Client, Locator};
use jiff::SignedDuration;

use crate::browser::{browser, click_in_view, keep_screenshot, sign_in};
use crate::care_pathway_browser::{choose, day, id_in_url, main_text, open, send, sign_out, tick, type_into};
use crate::referrals::{consent_to_share, fitting_service, organisation_id, referral};
use crate::release_planning::planning;
use crate::support::actor;

/// Presses the button `id` and waits for the page it leads to, which must not show an error.
async fn press(client: &Client, id: &str) {
    client.execute("window.continuumOldPage = true;", vec![]).await.expect("mark the page");
    click_in_view(client, Locator::Id(id)).await;
    for _ in 0..200 {
        let state = client.execute("return window.continuumOldPage ? 'old' : document.readyState;", vec![]).await.ok();
        if state.as_ref().and_then(|s| s.as_str()) == Some("complete") {
            assert!(
                client.find(Locator::Css(".error-summary")).await.is_err(),
                "{id} refused: {}",
                main_text(client).await
            );
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{id}: no page came back");
}

/// Ticks the checkbox `id` unless the form already has it ticked.
async fn ticked(client: &Client, id: &str) {
    let checkbox = client.find(Locator::Id(id)).await.unwrap_or_else(|_| panic!("the checkbox {id}"));
    if checkbox.prop("checked").await.expect("checked").as_deref() != Some("true") {
        tick(client, id).await;
    }
}

/// Sets a date-time field as its picker would (typing depends on the browser's locale).
async fn pick(client: &Client, id: &str, value: &str) {
    let input = client.wait().for_element(Locator::Id(id)).await.expect("the field");
    let arg = serde_json::to_value(&input).expect("element reference");
    client.execute("arguments[0].value = arguments[1];", vec![arg, value.into()]).await.expect("set the value");
}

/// Another person at Hasselt, referred (and the referral sent) to another
/// organisation within a consent for that organisation; the person and the referral.
async fn referred_elsewhere(app: &App, worker: &Actor) -> (i64, i64) {
    let person = planning(app, worker, "Elders", "E2E-R2").await;
    let organisation = organisation_id(app, "Drughulp Oost-Vlaanderen (demo)").await;
    let coordinator = actor(app, "coordinator.nl").await;
    let mut draft = crate::directory::service(organisation, "Nazorg Gent (test)", "drug_service", &["HAS"], "fr");
    draft.languages.push(continuum_domain::site::Language::Nl);
    let service = app.create_care_service(&coordinator, &draft).await.expect("added");
    consent_to_share(app, worker, person, organisation, &["identity", "medication"]).await;
    let Creation::Created(id) =
        app.create_referral(worker, person, &referral(service, &["identity"]), false).await.expect("written")
    else {
        panic!("the service fits the person");
    };
    assert_eq!(app.send_referral(worker, id).await.expect("sent"), Sending::Sent);
    (person, id)
}

/// What a signed-in user reads at `path`: the not-found page for what is not theirs.
async fn is_not_found(client: &Client, server: &TestServer, path: &str) -> bool {
    open(client, server, path).await;
    main_text(client).await.contains("bestaat niet")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_referred_at_release_is_seen_appointed_and_attended_by_the_outside_provider() {
    let server = TestServer::start(Backend::Sqlite).await.expect("server");
    let app = &server.app;
    // Set-up, not the subject: a person at Hasselt in release planning who
    // consents to share identity and medication with Drughulp Limburg, and
    // another person referred to Drughulp Oost-Vlaanderen.
    let worker = actor(app, "care_worker.has").await;
    let person = planning(app, &worker, "Doorverwezen", "E2E-R1").await;
    let (service, organisation) = fitting_service(app).await;
    consent_to_share(app, &worker, person, organisation, &["identity", "medication"]).await;
    let (other, other_referral) = referred_elsewhere(app, &worker).await;

    let session = browser(1280, 900).await;
    let client = &session.client;

    // The care worker refers the person from the release plan, sharing what the consent allows, and sends it.
    sign_in(client, &server, "care_worker.has").await;
    open(client, &server, &format!("/people/{person}/release-plan")).await;
    click_in_view(client, Locator::Id("refer-at-release")).await;
    choose(client, "service", &service.to_string()).await;
    type_into(client, "reason", "Methadon verderzetten na de vrijlating").await;
    choose(client, "urgency", "urgent").await;
    for section in ["section-identity", "section-medication"] {
        ticked(client, section).await;
    }
    send(client, &format!("/people/{person}/referrals/new")).await;
    let referral = id_in_url(client, "/referrals/").await;
    send(client, &format!("/referrals/{referral}/send")).await;
    assert!(main_text(client).await.contains("Verstuurd"), "the referral is sent");
    sign_out(client).await;

    // The outside provider sees only that person, only the consented sections.
    sign_in(client, &server, "external_provider.nl").await;
    open(client, &server, "/referrals").await;
    let portal = main_text(client).await;
    assert!(portal.contains("DOORVERWEZEN"), "the person referred to the provider: {portal}");
    assert!(!portal.contains("ELDERS"), "not the person referred elsewhere: {portal}");
    for path in [
        format!("/referrals/{other_referral}"),
        format!("/people/{other}"),
        format!("/people/{person}"),
        format!("/people/{person}/release-plan"),
    ] {
        assert!(is_not_found(client, &server, &path).await, "{path} is not the provider's to see");
    }
    open(client, &server, "/referrals").await;
    click_in_view(client, Locator::Css(&format!("main a[href='/referrals/{referral}']"))).await;
    client.wait().for_element(Locator::Id("referral-status")).await.expect("the referral");
    let shared = main_text(client).await;
    assert!(
        shared.contains("Identiteit en contactgegevens") && shared.contains("Medicatie en substitutiebehandeling"),
        "the consented sections: {shared}"
    );
    assert!(!shared.contains("Resultaten van de screening"), "nothing the consent does not cover: {shared}");
    keep_screenshot(client, "referral-provider-wide-nl").await;

    // The provider accepts and gives the first appointment, tomorrow at ten.
    press(client, "step-accept").await;
    pick(client, "appointment_at", &format!("{}T10:00", day(app, 1))).await;
    type_into(client, "place", "Kolonel Dusartplein 1, Hasselt").await;
    press(client, "give-appointment").await;
    assert!(main_text(client).await.contains("Afspraak gemaakt"));
    sign_out(client).await;

    // Two days later, the provider confirms the person came.
    app.advance_clock(SignedDuration::from_hours(48));
    sign_in(client, &server, "external_provider.nl").await;
    open(client, &server, &format!("/referrals/{referral}")).await;
    press(client, "step-attended").await;
    assert!(main_text(client).await.contains("Aanwezig op de afspraak"));
    sign_out(client).await;

    // The care worker's release plan shows the outcome.
    sign_in(client, &server, "care_worker.has").await;
    open(client, &server, &format!("/people/{person}/release-plan")).await;
    let outcome = client.find(Locator::Css("[aria-labelledby='referral-outcome-title']")).await.expect("the outcome");
    let outcome = outcome.text().await.expect("text");
    assert!(
        outcome.contains("Aanwezig op de afspraak") && outcome.contains("Nazorg Hasselt (test)"),
        "the referral's outcome on the release plan: {outcome}"
    );
    keep_screenshot(client, "referral-outcome-release-plan-wide-nl").await;
    session.client.clone().close().await.expect("close");
}
