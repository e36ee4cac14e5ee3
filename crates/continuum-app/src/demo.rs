//! The demo: fictitious reference data and one account per role and site,
//! all created through the use cases, so the demo fills the audit trail as
//! real use would. Later capabilities extend [`seed`].

use continuum_domain::account::{ALL_SITES, AccountDraft, GrantInput};
use continuum_domain::credentials::DEMO_PASSWORD;
use continuum_domain::policy::{Action, Target};
use continuum_domain::reference::{OrganisationDraft, SiteDraft};
use continuum_domain::role::Role;
use continuum_domain::site::{Language, PILOT_SITES};

use crate::Paging;
use crate::access::Subject;
use crate::actor::{AccessPoint, Actor};
use crate::app::App;
use crate::error::{AppError, AppResult};

/// A demo account, as printed for the person trying the demo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoAccount {
    /// Username.
    pub username: String,
    /// Role.
    pub role: Role,
    /// Site code, or `*` for all sites.
    pub site: String,
}

/// The demo accounts: one per site-bound role and site, plus the
/// programme-wide accounts.
pub fn demo_accounts() -> Vec<DemoAccount> {
    let mut accounts = Vec::new();
    for role in [Role::CareWorker, Role::Medical, Role::Psychosocial, Role::PrisonStaff, Role::Director] {
        for site in PILOT_SITES {
            accounts.push(DemoAccount {
                username: format!("{}.{}", role.code(), site.code.to_ascii_lowercase()),
                role,
                site: site.code.to_owned(),
            });
        }
    }
    for (username, role) in [
        ("coordinator.nl", Role::Coordinator),
        ("coordinator.fr", Role::Coordinator),
        ("steering_member.central", Role::SteeringMember),
        ("researcher", Role::Researcher),
        ("admin", Role::Admin),
    ] {
        accounts.push(DemoAccount { username: username.into(), role, site: ALL_SITES.into() });
    }
    accounts
}

/// A fictitious name that says what the account is for, in the account's language.
fn display_name(account: &DemoAccount) -> String {
    let (nl, fr, en) = match account.role {
        Role::CareWorker => ("Zorgverlener", "Intervenant", "Care worker"),
        Role::Medical => ("Gevangenisarts", "Médecin pénitentiaire", "Prison doctor"),
        Role::Psychosocial => ("Psychosociale dienst", "Service psychosocial", "Psychosocial service"),
        Role::PrisonStaff => ("Penitentiair beambte", "Agent pénitentiaire", "Prison officer"),
        Role::Director => ("Directeur", "Directeur", "Director"),
        Role::Coordinator => ("Drugcoördinator", "Coordinateur drogues", "Drug coordinator"),
        Role::SteeringMember => ("Lid stuurgroep", "Membre du groupe de pilotage", "Steering member"),
        Role::ExternalProvider => ("Externe zorgverlener", "Intervenant externe", "Outside provider"),
        Role::Researcher => ("Onderzoeker", "Chercheur", "Researcher"),
        Role::Admin => ("Beheerder", "Administrateur", "Administrator"),
    };
    let role = match language_of(account) {
        Language::Nl => nl,
        Language::Fr => fr,
        Language::En => en,
    };
    if account.site == ALL_SITES {
        format!("{role} ({})", account.username)
    } else {
        format!("{role} {}", account.site)
    }
}

fn language_of(account: &DemoAccount) -> Language {
    if account.username.ends_with(".fr") {
        return Language::Fr;
    }
    PILOT_SITES
        .iter()
        .find(|s| s.code == account.site)
        .and_then(|s| s.languages.first().copied())
        .unwrap_or(Language::En)
}

/// Organisations of the demo: the ten prisons, the drug services and a few
/// outside providers (fictitious names).
const DEMO_ORGANISATIONS: [(&str, &str, &str); 6] = [
    ("Drughulp Limburg (demo)", "drug_service", "nl"),
    ("Drughulp Oost-Vlaanderen (demo)", "drug_service", "nl"),
    ("Assuétudes Wallonie (demo)", "drug_service", "fr"),
    ("Centrum Geestelijke Gezondheid Antwerpen (demo)", "care_provider", "nl"),
    ("Maison médicale de Liège (demo)", "care_provider", "fr"),
    ("Brussels Hulpcentrum / Centre d'aide Bruxelles (demo)", "care_provider", "fr,nl"),
];

/// Seeds an empty database with the demo, reporting each step to `progress`
/// (`done`, `total`). Only in demo mode.
pub async fn seed(app: &App, mut progress: impl FnMut(usize, usize)) -> AppResult<Vec<DemoAccount>> {
    if !app.config.demo_mode {
        return Err(AppError::Conflict("demo-mode-required"));
    }
    let operator = Actor::operator();
    let accounts = demo_accounts();
    let total = PILOT_SITES.len() * 2 + DEMO_ORGANISATIONS.len() + accounts.len() + 1;
    let mut done = 0;
    let mut step = |progress: &mut dyn FnMut(usize, usize)| {
        done += 1;
        progress(done, total);
    };

    for site in PILOT_SITES {
        let languages: Vec<String> = site.languages.iter().map(|l| l.code().to_owned()).collect();
        let draft = SiteDraft::parse(site.code, site.name, &languages, true)?;
        app.create_site(&operator, draft).await?;
        step(&mut progress);
    }
    for site in PILOT_SITES {
        let languages: Vec<String> = site.languages.iter().map(|l| l.code().to_owned()).collect();
        let name = format!("Prison {} / Gevangenis {}", site.name, site.name);
        let draft = OrganisationDraft::parse(&name, "prison", &languages, "", true)?;
        app.create_organisation(&operator, draft).await?;
        step(&mut progress);
    }
    for (name, kind, languages) in DEMO_ORGANISATIONS {
        let draft = OrganisationDraft::parse(name, kind, &[languages.to_owned()], "demo@example.org", true)?;
        app.create_organisation(&operator, draft).await?;
        step(&mut progress);
    }

    let site_ids = app.site_ids().await?;
    let allowed =
        app.authorize(&operator, Action::ManageUsers, Target::PROGRAMME, "user.create", &Subject::kind("user")).await?;
    for account in &accounts {
        let draft = AccountDraft::parse(
            &account.username,
            &display_name(account),
            "",
            language_of(account).code(),
            &[GrantInput { role: account.role.code().into(), site: account.site.clone() }],
            true,
            |code| site_ids.iter().find(|(c, _)| c == code).map(|(_, id)| *id),
        )?;
        // The demo password does not meet the password policy on purpose:
        // only demo mode accepts it at sign-in.
        app.insert_user(&operator, allowed, &draft, DEMO_PASSWORD).await?;
        step(&mut progress);
    }
    app.set_roles_requiring_totp(&operator, &[]).await?;
    seed_activity(app).await?;
    step(&mut progress);
    Ok(accounts)
}

/// A little activity, so the audit pages are not empty: sign-ins, a failed
/// one, an administrator reading accounts, and a break-the-glass.
async fn seed_activity(app: &App) -> AppResult<()> {
    let access =
        AccessPoint { ip: Some("127.0.0.1".into()), user_agent: Some("continuum-demo".into()), request_id: None };
    let _ = app.sign_in("medical.has", "not the password", access.clone()).await;
    for username in ["admin", "medical.has"] {
        let signed = app.sign_in(username, DEMO_PASSWORD, access.clone()).await?;
        let crate::auth::SessionState::Active(actor) = app.session(&signed.token, access.clone()).await? else {
            return Err(AppError::Conflict("demo-second-factor"));
        };
        if actor.has_role(Role::Admin) {
            let users = app.list_users(&actor, "care_worker", Paging { page: 1, per_page: 5 }).await?;
            if let Some(first) = users.items.first() {
                app.get_user(&actor, first.id).await?;
            }
        } else {
            app.request_emergency_access(
                &actor,
                "LAN",
                None,
                "Demo: person arrived unconscious from Lantin; OAT dose to be confirmed",
            )
            .await?;
        }
        app.sign_out(&actor).await?;
    }
    Ok(())
}
