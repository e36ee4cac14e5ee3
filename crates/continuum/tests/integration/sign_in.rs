//! Signing in: passwords, lock-out, demo password, sessions, tokens,
//! break-the-glass.

use continuum_app::auth::{NextStep, SessionState};
use continuum_app::{AppConfig, AppError, Paging};
use continuum_domain::account::{AccountDraft, GrantInput};
use continuum_testkit::database::Backend;
use jiff::SignedDuration;

use crate::on_both_backends;
use crate::support::{access, actor, demo_app, empty_app, test_config};

async fn a_wrong_password_is_refused_without_saying_which_part_was_wrong(backend: Backend) {
    let test = demo_app(backend).await;
    let wrong_password = test.app.sign_in("admin", "nope", access()).await.expect_err("refused");
    let unknown_user = test.app.sign_in("nobody", "demo", access()).await.expect_err("refused");
    assert!(matches!(wrong_password, AppError::BadCredentials));
    assert!(matches!(unknown_user, AppError::BadCredentials));
}
on_both_backends!(a_wrong_password_is_refused_without_saying_which_part_was_wrong);

async fn repeated_failures_lock_the_account_for_a_while(backend: Backend) {
    let test = demo_app(backend).await;
    for _ in 0..4 {
        assert!(matches!(test.app.sign_in("director.gen", "x", access()).await, Err(AppError::BadCredentials)));
    }
    assert!(matches!(test.app.sign_in("director.gen", "x", access()).await, Err(AppError::Locked { .. })));
    assert!(
        matches!(test.app.sign_in("director.gen", "demo", access()).await, Err(AppError::Locked { .. })),
        "even the right password waits for the lock to end"
    );
    test.app.advance_clock(SignedDuration::from_mins(16));
    assert!(test.app.sign_in("director.gen", "demo", access()).await.is_ok());
}
on_both_backends!(repeated_failures_lock_the_account_for_a_while);

async fn the_demo_password_works_only_in_demo_mode(backend: Backend) {
    let test = demo_app(backend).await;
    let production = continuum_app::App::open(
        &test.db.url,
        &continuum_app::PoolSettings::default(),
        AppConfig { demo_mode: false, ..test_config() },
    )
    .await
    .expect("opens");
    assert!(matches!(production.sign_in("admin", "demo", access()).await, Err(AppError::BadCredentials)));
    assert!(test.app.sign_in("admin", "demo", access()).await.is_ok());
}
on_both_backends!(the_demo_password_works_only_in_demo_mode);

async fn a_session_ends_after_the_idle_timeout_and_on_sign_out(backend: Backend) {
    let test = demo_app(backend).await;
    let signed = test.app.sign_in("medical.lan", "demo", access()).await.expect("signed in");
    test.app.advance_clock(SignedDuration::from_mins(19));
    let SessionState::Active(actor) = test.app.session(&signed.token, access()).await.expect("still valid") else {
        panic!("active session expected");
    };
    test.app.advance_clock(SignedDuration::from_mins(21));
    assert!(matches!(test.app.session(&signed.token, access()).await, Err(AppError::Unauthenticated)));

    let again = test.app.sign_in("medical.lan", "demo", access()).await.expect("signed in");
    test.app.sign_out(&actor).await.expect("old session gone already");
    let SessionState::Active(current) = test.app.session(&again.token, access()).await.expect("valid") else {
        panic!("active session expected");
    };
    test.app.sign_out(&current).await.expect("signed out");
    assert!(matches!(test.app.session(&again.token, access()).await, Err(AppError::Unauthenticated)));
}
on_both_backends!(a_session_ends_after_the_idle_timeout_and_on_sign_out);

/// A production application with one care worker, `an.peeters`, who has
/// no second factor yet.
async fn production_with_care_worker(backend: Backend) -> crate::support::TestApp {
    let test = empty_app(backend, AppConfig { demo_mode: false, ..test_config() }).await;
    let operator = continuum_app::Actor::operator();
    let pilot = continuum_domain::site::PILOT_SITES[0];
    let site =
        continuum_domain::reference::SiteDraft::parse(pilot.code, pilot.name, &["nl".to_owned()], true).expect("site");
    test.app.create_site(&operator, site).await.expect("site created");
    let ids = test.app.site_ids().await.expect("ids");
    let draft = AccountDraft::parse(
        "an.peeters",
        "An Peeters",
        "",
        "nl",
        &[GrantInput { role: "care_worker".into(), site: "HAS".into() }],
        true,
        |code| ids.iter().find(|(c, _)| c == code).map(|(_, id)| *id),
    )
    .expect("draft");
    test.app.create_user(&operator, draft, "paarse-olifant-fietst").await.expect("created");
    test
}

fn current_code(secret: &str) -> String {
    let bytes = totp_rs::Secret::Encoded(secret.to_owned()).to_bytes().expect("secret");
    totp_rs::TOTP::new(totp_rs::Algorithm::SHA1, 6, 1, 30, bytes, None, "an.peeters".into())
        .expect("totp")
        .generate_current()
        .expect("code")
}

async fn a_clinical_role_must_set_up_a_second_factor_in_production(backend: Backend) {
    let test = production_with_care_worker(backend).await;
    let signed = test.app.sign_in("an.peeters", "paarse-olifant-fietst", access()).await.expect("password ok");
    assert_eq!(signed.next, NextStep::SetUpSecondFactor);
    let SessionState::SecondFactorDue { actor, setup_required: true } =
        test.app.session(&signed.token, access()).await.expect("session")
    else {
        panic!("the second factor must be set up before anything else");
    };
    let setup = test.app.begin_totp_setup(&actor).await.expect("setup");
    assert!(setup.uri.starts_with("otpauth://totp/"));
    test.app.confirm_totp_setup(&actor, &current_code(&setup.secret)).await.expect("confirmed");
    assert!(matches!(test.app.session(&signed.token, access()).await, Ok(SessionState::Active(_))));

    let again = test.app.sign_in("an.peeters", "paarse-olifant-fietst", access()).await.expect("password ok");
    assert_eq!(again.next, NextStep::SecondFactor);
    let SessionState::SecondFactorDue { actor, setup_required: false } =
        test.app.session(&again.token, access()).await.expect("session")
    else {
        panic!("the code is due");
    };
    assert!(matches!(test.app.verify_second_factor(&actor, "000000").await, Err(AppError::SecondFactorInvalid)));
    test.app.verify_second_factor(&actor, &current_code(&setup.secret)).await.expect("right code");
    assert!(matches!(test.app.session(&again.token, access()).await, Ok(SessionState::Active(_))));
}
on_both_backends!(a_clinical_role_must_set_up_a_second_factor_in_production);

async fn wrong_second_factor_codes_lock_the_account_and_end_the_session(backend: Backend) {
    let test = production_with_care_worker(backend).await;
    let signed = test.app.sign_in("an.peeters", "paarse-olifant-fietst", access()).await.expect("password ok");
    let SessionState::SecondFactorDue { actor, .. } = test.app.session(&signed.token, access()).await.expect("session")
    else {
        panic!("second factor due");
    };
    test.app.begin_totp_setup(&actor).await.expect("setup");
    for _ in 0..5 {
        assert!(matches!(test.app.confirm_totp_setup(&actor, "000000").await, Err(AppError::SecondFactorInvalid)));
    }
    assert!(matches!(test.app.session(&signed.token, access()).await, Err(AppError::Unauthenticated)));
    let locked = test.app.sign_in("an.peeters", "paarse-olifant-fietst", access()).await;
    assert!(matches!(locked, Err(AppError::Locked { .. })), "{locked:?}");
}
on_both_backends!(wrong_second_factor_codes_lock_the_account_and_end_the_session);

async fn a_weak_password_is_refused_with_the_field_named(backend: Backend) {
    let test = demo_app(backend).await;
    let admin = actor(&test.app, "admin").await;
    let ids = test.app.site_ids().await.expect("ids");
    let draft = AccountDraft::parse("jan.janssens", "Jan", "", "nl", &[], true, |code| {
        ids.iter().find(|(c, _)| c == code).map(|(_, id)| *id)
    })
    .expect("draft");
    let Err(AppError::Invalid(invalid)) = test.app.create_user(&admin, draft, "wachtwoord123").await else {
        panic!("a common password must be refused");
    };
    assert!(invalid.for_field("password").is_some());
}
on_both_backends!(a_weak_password_is_refused_with_the_field_named);

async fn an_api_token_works_until_revoked_or_expired(backend: Backend) {
    let test = demo_app(backend).await;
    let operator = continuum_app::Actor::operator();
    let token = test.app.create_api_token(&operator, "coordinator.fr", "test", Some(1)).await.expect("token");
    let actor = test.app.authenticate_token(&token.secret, access()).await.expect("valid token");
    assert_eq!(actor.username, "coordinator.fr");
    test.app.revoke_api_token(&actor, token.id).await.expect("revoked");
    assert!(matches!(test.app.authenticate_token(&token.secret, access()).await, Err(AppError::Unauthenticated)));

    let short = test.app.create_api_token(&operator, "coordinator.fr", "test", Some(1)).await.expect("token");
    test.app.advance_clock(SignedDuration::from_hours(25));
    assert!(matches!(test.app.authenticate_token(&short.secret, access()).await, Err(AppError::Unauthenticated)));
}
on_both_backends!(an_api_token_works_until_revoked_or_expired);

async fn break_the_glass_needs_a_reason_and_waits_for_review(backend: Backend) {
    let test = demo_app(backend).await;
    let medical = actor(&test.app, "medical.gen").await;
    let care = actor(&test.app, "care_worker.gen").await;
    let admin = actor(&test.app, "admin").await;
    let short = test.app.request_emergency_access(&medical, "LAN", Some(42), "urgent").await;
    assert!(matches!(short, Err(AppError::Invalid(_))));
    let refused = test.app.request_emergency_access(&care, "LAN", Some(42), "a long enough reason for this").await;
    assert!(matches!(refused, Err(AppError::Forbidden | AppError::NotFound)));
    let id = test
        .app
        .request_emergency_access(&medical, "LAN", Some(42), "transferred at night, OAT dose unknown")
        .await
        .expect("opened");
    let lan = test.app.site_ids().await.expect("ids").into_iter().find(|(c, _)| c == "LAN").expect("LAN").1;
    let relationships = test.app.emergency_relationships(&medical, lan, Some(42)).await.expect("relationships");
    assert_eq!(relationships, vec![continuum_domain::policy::Relationship::EmergencyAccess]);
    let pending = test.app.list_emergency_accesses(&admin, true, Paging::default()).await.expect("list");
    assert!(pending.items.iter().any(|e| e.id == id));
    test.app.review_emergency_access(&admin, id, "checked with the chief doctor").await.expect("reviewed");
    let pending = test.app.list_emergency_accesses(&admin, true, Paging::default()).await.expect("list");
    assert!(pending.items.iter().all(|e| e.id != id));
    test.app.advance_clock(SignedDuration::from_hours(5));
    assert!(test.app.emergency_relationships(&medical, lan, Some(42)).await.expect("r").is_empty());
}
on_both_backends!(break_the_glass_needs_a_reason_and_waits_for_review);
