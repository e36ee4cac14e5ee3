//! Governance reminders (issue 7, item 6) on both databases: who is
//! reminded of an action, in the application and on the governance view.

use continuum_app::auth::SessionState;
use continuum_app::governance::reminders::{Reminder, ReminderItem};
use continuum_app::{Actor, App};
use continuum_domain::account::{ALL_SITES, AccountDraft, GrantInput};
use continuum_domain::governance::action::ActionFields;
use continuum_domain::governance::group::GroupKind;
use continuum_domain::governance::project::{ProjectDraft, ProjectFields};
use continuum_domain::governance::reminder::ReminderKind;
use continuum_i18n::Lang;
use continuum_testkit::database::Backend;
use continuum_testkit::server::TestServer;
use reqwest::StatusCode;

use crate::governance::{day, meeting, member, site, working_group};
use crate::governance_projects::group_of;
use crate::on_both_backends;
use crate::support::{access, actor, demo_app};

/// The password of the accounts made here.
const PASSWORD: &str = "paarse-olifant-fietst";

/// A steering member's account (`username`, in `language`, with `email`).
pub(crate) async fn steering_member(app: &App, username: &str, language: &str, email: &str) -> Actor {
    let ids = app.site_ids().await.expect("ids");
    let draft = AccountDraft::parse(
        username,
        "Lid stuurgroep",
        email,
        language,
        &[GrantInput { role: "steering_member".into(), site: ALL_SITES.into() }],
        true,
        |code| ids.iter().find(|(c, _)| c == code).map(|(_, id)| *id),
    )
    .expect("an account");
    app.create_user(&Actor::operator(), draft, PASSWORD).await.expect("created");
    let signed = app.sign_in(username, PASSWORD, access()).await.expect("signs in");
    match app.session(&signed.token, access()).await.expect("session") {
        SessionState::Active(actor) => actor,
        SessionState::SecondFactorDue { .. } => panic!("no second factor in demo mode"),
    }
}

/// A group at Hasselt whose chair and owner have accounts, with an action
/// of the owner due `due_in` days from today (`chair` may be empty: a
/// chair without an account); returns the group and action.
pub(crate) async fn group_with_action(app: &App, owner: &str, chair: &str, due_in: i64) -> (i64, i64) {
    let director = actor(app, "director.has").await;
    let group = working_group(app, &director, "Werkgroep herinneringen", Some(site(&director, "HAS"))).await;
    let owner_member = member(app, &director, group, "A. Eigenaar", "member", owner).await;
    member(app, &director, group, "B. Voorzitter", "chair", chair).await;
    let held = meeting(app, &director, group, -20, true).await.expect("held");
    let due = day(app, due_in);
    let owner_id = owner_member.to_string();
    let fields = ActionFields { title: "Opleiding plannen", owner: &owner_id, due: &due };
    let action = app.add_action(&director, held, &fields, None).await.expect("given");
    (group, action)
}

fn reminded_of(reminders: &[Reminder], action: i64) -> Option<ReminderKind> {
    reminders.iter().find(|r| r.item == ReminderItem::Action(action)).map(|r| r.kind)
}

async fn an_overdue_action_reaches_its_owner_and_the_chair_and_not_another_group(backend: Backend) {
    let test = demo_app(backend).await;
    let owner = steering_member(&test.app, "owner.has", "nl", "").await;
    let chair = steering_member(&test.app, "chair.has", "nl", "").await;
    let other = steering_member(&test.app, "member.gen", "fr", "").await;
    let coordinator = actor(&test.app, "coordinator.nl").await;
    let elsewhere =
        working_group(&test.app, &coordinator, "Groupe de travail Gand", Some(site(&coordinator, "GEN"))).await;
    member(&test.app, &coordinator, elsewhere, "C. Autre", "chair", "member.gen").await;
    let (group, action) = group_with_action(&test.app, "owner.has", "chair.has", -1).await;

    let of_owner = test.app.governance_reminders(&owner).await.expect("reminders");
    assert_eq!(reminded_of(&of_owner, action), Some(ReminderKind::ActionOverdue));
    let of_chair = test.app.governance_reminders(&chair).await.expect("reminders");
    assert_eq!(reminded_of(&of_chair, action), Some(ReminderKind::ActionOverdue));
    let reminder = of_chair.iter().find(|r| r.item == ReminderItem::Action(action)).expect("the chair's");
    assert_eq!((reminder.group_id, reminder.group_name.as_str()), (group, "Werkgroep herinneringen"));
    let of_other = test.app.governance_reminders(&other).await.expect("reminders");
    assert_eq!(reminded_of(&of_other, action), None, "a member of another group is not reminded");
}
on_both_backends!(an_overdue_action_reaches_its_owner_and_the_chair_and_not_another_group);

async fn an_action_due_soon_reaches_its_owner_only(backend: Backend) {
    let test = demo_app(backend).await;
    let owner = steering_member(&test.app, "owner.has", "nl", "").await;
    let chair = steering_member(&test.app, "chair.has", "nl", "").await;
    let (_, action) = group_with_action(&test.app, "owner.has", "chair.has", 7).await;
    let of_owner = test.app.governance_reminders(&owner).await.expect("reminders");
    assert_eq!(reminded_of(&of_owner, action), Some(ReminderKind::ActionDueSoon));
    let of_chair = test.app.governance_reminders(&chair).await.expect("reminders");
    assert_eq!(reminded_of(&of_chair, action), None);
}
on_both_backends!(an_action_due_soon_reaches_its_owner_only);

async fn the_members_of_a_group_are_reminded_of_its_next_meeting_and_of_minutes_to_approve(backend: Backend) {
    let test = demo_app(backend).await;
    let owner = steering_member(&test.app, "owner.has", "nl", "").await;
    let director = actor(&test.app, "director.has").await;
    let (group, _) = group_with_action(&test.app, "owner.has", "", 30).await;
    let soon = meeting(&test.app, &director, group, 14, false).await.expect("planned");
    let later = meeting(&test.app, &director, group, 15, false).await.expect("planned");
    let held = meeting(&test.app, &director, group, -5, true).await.expect("held");
    test.app.save_minutes(&director, held, "Besproken: opleiding").await.expect("written");
    let reminders = test.app.governance_reminders(&owner).await.expect("reminders");
    let kinds =
        |id| reminders.iter().filter(|r| r.item == ReminderItem::Meeting(id)).map(|r| r.kind).collect::<Vec<_>>();
    assert_eq!(kinds(soon), vec![ReminderKind::UpcomingMeeting]);
    assert!(kinds(later).is_empty(), "fifteen days ahead is not upcoming yet");
    assert_eq!(kinds(held), vec![ReminderKind::MinutesToApprove]);
}
on_both_backends!(the_members_of_a_group_are_reminded_of_its_next_meeting_and_of_minutes_to_approve);

async fn a_coordinator_is_reminded_of_requests_waiting_and_the_submitting_director_is_not(backend: Backend) {
    let test = demo_app(backend).await;
    let coordinator = actor(&test.app, "coordinator.fr").await;
    let director = actor(&test.app, "director.has").await;
    let local = group_of(&test.app, &coordinator, GroupKind::Local, Some("HAS")).await;
    let fields = ProjectFields {
        title: "Drugvrije afdeling B",
        kind: "drug_free_wing",
        description: "Een afdeling van twintig plaatsen",
        services: "Drughulp Limburg (demo)",
        start: "2027-01-01",
        ..ProjectFields::default()
    };
    let draft = ProjectDraft::parse(&fields).expect("a valid project");
    let project = test.app.create_project(&director, local, &draft).await.expect("entered");
    test.app.submit_project(&director, project, "").await.expect("submitted");
    let waiting = |reminders: &[Reminder]| reminders.iter().any(|r| r.item == ReminderItem::Project(project));
    let of_coordinator = test.app.governance_reminders(&coordinator).await.expect("reminders");
    assert!(waiting(&of_coordinator), "the coordinator decides");
    let of_director = test.app.governance_reminders(&director).await.expect("reminders");
    assert!(!waiting(&of_director), "the director does not decide");
}
on_both_backends!(a_coordinator_is_reminded_of_requests_waiting_and_the_submitting_director_is_not);

async fn a_member_of_no_group_has_no_reminders(backend: Backend) {
    let test = demo_app(backend).await;
    let newcomer = steering_member(&test.app, "new.member", "en", "").await;
    assert!(test.app.governance_reminders(&newcomer).await.expect("reminders").is_empty());
}
on_both_backends!(a_member_of_no_group_has_no_reminders);

/// The reminders section of the governance view as `username` sees it.
async fn reminders_section(server: &TestServer, username: &str) -> String {
    let client = TestServer::anonymous_client().expect("client");
    server.sign_in(&client, username, PASSWORD).await.expect("signs in");
    let response = client.get(server.url("/governance")).send().await.expect("request");
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.expect("page");
    let start = html.find("id=\"reminders\"").expect("a reminders section");
    let rest = &html[start..];
    rest[..rest.find("</section>").unwrap_or(rest.len())].to_owned()
}

async fn the_governance_view_shows_the_owner_their_overdue_action_in_their_language(backend: Backend) {
    let server = TestServer::start(backend).await.expect("server");
    steering_member(&server.app, "owner.has", "nl", "").await;
    steering_member(&server.app, "member.gen", "fr", "").await;
    let (group, _) = group_with_action(&server.app, "owner.has", "", -1).await;
    let section = reminders_section(&server, "owner.has").await;
    let due = day(&server.app, -1);
    assert!(section.contains(&format!("Achterstallig sinds {due}: Opleiding plannen")), "{section}");
    assert!(section.contains(&format!("href=\"/governance/groups/{group}\"")), "{section}");
    let empty = reminders_section(&server, "member.gen").await;
    assert!(empty.contains(&continuum_i18n::t(Lang::Fr, "governance-reminders-empty")), "{empty}");
}
on_both_backends!(the_governance_view_shows_the_owner_their_overdue_action_in_their_language);
