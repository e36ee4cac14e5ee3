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

// Governance (issue 7): the demo's groups, meetings and authorisation requests.
mod governance;
pub use governance::seed_governance;

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

/// While the demo is seeded, commits need not wait for the disk: the demo
/// database is recreated at every start. Only in demo mode.
pub async fn flush_on_commit(app: &App, flush: bool) -> AppResult<()> {
    if !app.config.demo_mode {
        return Err(AppError::Conflict("demo-mode-required"));
    }
    app.store.set_flush_on_commit(flush).await?;
    Ok(())
}

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
    seed_demonstration_packs(app).await?;
    seed_activity(app).await?;
    step(&mut progress);
    Ok(accounts)
}

// Kiosk: self-administration needs a content pack in the person's language,
// and licensed wording is never shipped. The demo loads, as its
// administrator, one pack per language built from Continuum's own labels,
// labelled as such in its source and rights holder.
async fn seed_demonstration_packs(app: &App) -> AppResult<()> {
    let admin = app.command_line_actor("admin").await?;
    let uniform = app.instruments().uniform();
    for language in Language::ALL {
        let draft = crate::content_packs::demonstration_pack(uniform, language, app.register_today());
        if let crate::content_packs::PackLoad::Refused(errors) = app.load_content_pack(&admin, &draft).await? {
            return Err(AppError::Internal(anyhow::anyhow!("demonstration pack refused: {errors:?}")));
        }
    }
    Ok(())
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

/// How many entries the demo register holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegisterScale {
    /// None: an empty register (to try an import).
    Empty,
    /// The ten pilot prisons at their usual volumes.
    Pilot,
    /// Every Belgian prison's order of magnitude (about 20,000 entries a
    /// year), spread over the ten pilot sites, for benchmarks.
    National,
}

/// Entries a year per pilot site at the pilot scale. Fictitious figures of
/// the right order: remand prisons in large cities (Antwerpen, Haren,
/// Lantin) receive the most, the long-sentence prisons (Leuven-Centraal,
/// Hasselt) the fewest.
const ENTRIES_PER_YEAR: [(&str, usize); 10] = [
    ("ANT", 1800),
    ("HAR", 1600),
    ("LAN", 1500),
    ("GEN", 900),
    ("JAM", 800),
    ("DEN", 700),
    ("AND", 500),
    ("LEZ", 450),
    ("HAS", 350),
    ("LEU", 150),
];

/// Fictitious names, by the language region they are common in.
const FAMILY_NAMES: [&str; 24] = [
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
    "Claes",
    "Goossens",
    "Wouters",
    "De Smet",
    "Dubois",
    "Lambert",
    "Martin",
    "Dupont",
    "Leclercq",
    "Renard",
    "El Amrani",
    "Benali",
    "Yilmaz",
    "Kaya",
    "Popescu",
    "Nowak",
    "Diallo",
    "Van den Bossche",
];
const GIVEN_NAMES: [&str; 24] = [
    "Jan", "Tom", "Kevin", "Bart", "Dries", "Wout", "Nicolas", "Julien", "Maxime", "Thomas", "Mehdi", "Karim",
    "Youssef", "Ayoub", "Mohamed", "Emre", "Mert", "Andrei", "Piotr", "Mamadou", "Ibrahima", "Lotte", "Sarah",
    "Éloïse",
];
/// The given names from this index on are women's.
const FIRST_FEMALE_NAME: usize = 21;
const LANGUAGES: [&str; 8] = ["nl", "fr", "nl", "fr", "ar fr", "tr nl", "ro", "pl"];
const STATUSES: [&str; 4] = ["remand", "remand", "sentenced", "interned"];

/// A small deterministic generator (SplitMix64), so that every demo holds
/// the same people.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n.max(1)).unwrap_or(1)).unwrap_or(0)
    }
}

/// Fills the register: entries at every pilot site over the last `years`
/// years up to today, through the import use case on behalf of each site's
/// care worker (so the audit trail records them). `progress(done, total)`
/// counts sites.
pub async fn seed_register(
    app: &App,
    scale: RegisterScale,
    years: u32,
    mut progress: impl FnMut(usize, usize),
) -> AppResult<usize> {
    let factor = match scale {
        RegisterScale::Empty => return Ok(0),
        RegisterScale::Pilot => 1.0,
        RegisterScale::National => 20_000.0 / ENTRIES_PER_YEAR.iter().map(|(_, n)| *n as f64).sum::<f64>(),
    };
    let today = app.register_today();
    let days = i64::from(years.max(1)) * 365;
    let mut sequence = Sequence(0x00C0_FFEE);
    let mut written = 0;
    for (done, (code, per_year)) in ENTRIES_PER_YEAR.iter().enumerate() {
        let actor = app.command_line_actor(&format!("care_worker.{}", code.to_ascii_lowercase())).await?;
        let site = actor.sites.iter().find(|s| s.code == *code).map(|s| s.id).ok_or(AppError::NotFound)?;
        let entries = (*per_year as f64 * factor * f64::from(years.max(1))).round() as usize;
        let mut csv = String::from(
            "family_name,given_names,birth_date,sex,languages,prison_number,entry_date,legal_status,expected_release\n",
        );
        for n in 0..entries {
            let back = i64::try_from(sequence.below(usize::try_from(days).unwrap_or(1))).unwrap_or(0);
            let entry = today.checked_sub(jiff::Span::new().days(back)).unwrap_or(today);
            let age = 18 + i64::try_from(sequence.below(50)).unwrap_or(0);
            let birth = entry
                .checked_sub(jiff::Span::new().years(age).days(i64::try_from(sequence.below(365)).unwrap_or(0)))
                .unwrap_or(entry);
            let release = match sequence.below(3) {
                0 => String::new(),
                _ => entry
                    .checked_add(jiff::Span::new().days(30 + i64::try_from(sequence.below(700)).unwrap_or(0)))
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            };
            let given = sequence.below(GIVEN_NAMES.len());
            let sex = if given >= FIRST_FEMALE_NAME { "female" } else { "male" };
            csv.push_str(&format!(
                "{},{},{birth},{sex},{},{code}-{:06},{entry},{},{release}\n",
                FAMILY_NAMES[sequence.below(FAMILY_NAMES.len())],
                GIVEN_NAMES[given],
                LANGUAGES[sequence.below(LANGUAGES.len())],
                n + 1,
                STATUSES[sequence.below(STATUSES.len())],
            ));
        }
        let report = app.import_entry_list(&actor, site, csv.as_bytes(), |_, _| {}).await?;
        if !report.refused.is_empty() {
            return Err(AppError::Internal(anyhow::anyhow!("demo entries refused: {:?}", report.refused.first())));
        }
        written += report.new;
        progress(done + 1, ENTRIES_PER_YEAR.len());
    }
    seed_signals(app).await?;
    // Governance (issue 7): two years of groups, meetings and requests.
    seed_governance(app).await?;
    Ok(written)
}

/// Substances the demo's screened people use most, with their weights out
/// of 100 (fictitious, of the order reported for Belgian prisons).
const MAIN_SUBSTANCES: [(&str, usize); 6] = [
    ("cannabis", 40),
    ("cocaine", 22),
    ("alcohol", 16),
    ("opioids", 12),
    ("sedatives", 6),
    ("amphetamine_type_stimulants", 4),
];

/// The entries the demo screens: those of the past 3 weeks, from 2 days
/// after entry (the newest still wait, as they would). Each answer is a
/// transaction with its audit rows, so older entries would make the demo
/// start minutes later; they stay unscreened.
pub const SCREENED_FROM_DAYS: i64 = 2;
/// See [`SCREENED_FROM_DAYS`].
pub const SCREENED_TO_DAYS: i64 = 21;

/// Screens the recent entries of the demo register at realistic rates,
/// through the screening use cases on behalf of each site's care worker:
/// of the people entered `from_days` to `to_days` days ago, about 80 % are
/// screened (60 % of them report use of a main substance, half of those
/// heavily), 8 % refuse, and the rest still wait. `progress(done, total)`
/// counts sites. Returns how many screenings were completed.
pub async fn seed_screenings(
    app: &App,
    from_days: i64,
    to_days: i64,
    mut progress: impl FnMut(usize, usize),
) -> AppResult<usize> {
    let mut sequence = Sequence(0x5C2E_E41A);
    let mut completed = 0;
    for (done, (code, _)) in ENTRIES_PER_YEAR.iter().enumerate() {
        let actor = app.command_line_actor(&format!("care_worker.{}", code.to_ascii_lowercase())).await?;
        let today = app.register_today();
        let mut recent = Vec::new();
        'pages: for page in 1.. {
            let paging = Paging { page, per_page: 200 };
            let listing = app.search_people(&actor, "", crate::people::PeopleOrder::EntryNewest, paging).await?;
            for person in &listing.items {
                let days = person
                    .entry_date
                    .as_deref()
                    .and_then(|d| d.parse::<jiff::civil::Date>().ok())
                    .and_then(|entry| (today - entry).total((jiff::Unit::Day, today)).ok())
                    .map_or(i64::MAX, |d| d.round() as i64);
                if days > to_days {
                    break 'pages;
                }
                if days >= from_days {
                    recent.push(person.id);
                }
            }
            if page >= listing.pages() {
                break;
            }
        }
        for person in recent {
            match sequence.below(100) {
                0..80 => {
                    let id = app.start_screening(&actor, person).await?;
                    let uses = (sequence.below(100) < 60).then(|| {
                        let mut pick = sequence.below(100);
                        let substance = MAIN_SUBSTANCES
                            .iter()
                            .find(|(_, weight)| {
                                let here = pick < *weight;
                                pick = pick.saturating_sub(*weight);
                                here
                            })
                            .map_or("cannabis", |(s, _)| *s);
                        (substance, sequence.below(2) == 0)
                    });
                    answer_as(app, &actor, id, uses).await?;
                    app.complete_screening(&actor, id).await?;
                    completed += 1;
                }
                80..88 => app.refuse_screening(&actor, person, Some("Demo: not now")).await?,
                _ => {}
            }
        }
        progress(done + 1, ENTRIES_PER_YEAR.len());
    }
    Ok(completed)
}

/// Answers every item a screening asks: for the substance used, the
/// heaviest option (`heavy`) or one in the middle; for any other, the first
/// (never).
async fn answer_as(app: &App, actor: &Actor, id: i64, uses: Option<(&str, bool)>) -> AppResult<()> {
    // Far more than any instrument has items: a bound, not a limit.
    for _ in 0..500 {
        let progress = app.screening_progress(actor, id, None).await?;
        let Some(question) = progress.question else {
            return Ok(());
        };
        let option = match uses {
            Some((substance, heavy)) if question.key.starts_with(&format!("{substance}.")) => {
                let at = if heavy { question.options.len().saturating_sub(1) } else { question.options.len() / 2 };
                question.options.get(at)
            }
            _ => question.options.first(),
        };
        let Some(option) = option else {
            return Err(AppError::Internal(anyhow::anyhow!("item {} has no options", question.key)));
        };
        app.answer_screening(actor, id, &question.key, &option.code, None).await?;
    }
    Err(AppError::Internal(anyhow::anyhow!("screening {id} never ended")))
}

// ---------------------------------------------------------------------------
// Signals (issue 4, item 3)

/// A few signals at Hasselt, through the use cases: from the prison officer
/// `prison_staff.has` (one about someone in the register, one on a
/// person's own request, one with a number nobody holds) and from the
/// medical service; the care worker matches two of them and acknowledges
/// two, so some are received and some wait on the worklist.
pub async fn seed_signals(app: &App) -> AppResult<()> {
    let officer = app.command_line_actor("prison_staff.has").await?;
    let medical = app.command_line_actor("medical.has").await?;
    let worker = app.command_line_actor("care_worker.has").await?;
    let site = officer.sites.iter().find(|s| s.code == "HAS").map(|s| s.id).ok_or(AppError::NotFound)?;
    let people = app
        .search_people(&worker, "", crate::people::PeopleOrder::EntryNewest, Paging { page: 1, per_page: 3 })
        .await?
        .items;
    let number = |n: usize| people.get(n).and_then(|p| p.prison_number.clone()).unwrap_or_else(|| format!("HAS-9{n}"));
    let name = |n: usize| people.get(n).map(|p| format!("{} {}", p.family_name, p.given_names)).unwrap_or_default();
    let signal = |prison_number: String, name: String, reason: &str, on_behalf_of_person: bool| {
        continuum_domain::signal::SignalDraft::parse(&continuum_domain::signal::SignalFields {
            prison_number: &prison_number,
            name: &name,
            reason,
            on_behalf_of_person,
        })
    };
    let seen = signal(number(0), name(0), "Oogt onrustig en vraagt naar de drughulpverlening", false)?;
    let seen = app.create_signal(&officer, site, &seen).await?.id;
    let asked = signal(number(1), name(1), "Vraagt zelf een gesprek met de drughulpverlening", true)?;
    let asked = app.create_signal(&officer, site, &asked).await?.id;
    let unknown = signal("HAS-000000".into(), "Pieters".into(), "Nummer onzeker: kwam vandaag aan op sectie B", false)?;
    app.create_signal(&officer, site, &unknown).await?;
    if let Some(person) = people.get(2) {
        app.signal_person(&medical, person.id, "Vraagt bij de verpleging naar ondersteuning", false).await?;
    }
    for (id, n) in [(seen, 0), (asked, 1)] {
        if let Some(person) = people.get(n) {
            app.link_signal(&worker, id, &crate::signals::SignalMatch::Person(person.id)).await?;
        }
    }
    app.acknowledge_signal(&worker, seen).await?;
    app.acknowledge_signal(&worker, asked).await?;
    Ok(())
}
