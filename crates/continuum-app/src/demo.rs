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

// The care pathway (issue 5, item 10): intakes, care plans, contacts,
// release planning, releases and follow-ups at every prison.
mod care;
pub use care::seed_care_pathways;
// The care pathway at national scale, for bench/register (issue 5, "Speed").
mod care_bench;
pub use care_bench::{BENCH_TIMELINE_ENTRIES, BENCH_TIMELINE_PRISON_NUMBER, seed_care_bench};

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
        // Outside providers, one per region (issue 6, item 4).
        ("external_provider.nl", Role::ExternalProvider),
        ("external_provider.fr", Role::ExternalProvider),
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
    // The Flemish outside provider reads in Dutch (issue 6, item 4).
    if account.role == Role::ExternalProvider && account.username.ends_with(".nl") {
        return Language::Nl;
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
        let user = app.insert_user(&operator, allowed, &draft, DEMO_PASSWORD).await?;
        if let Some(organisation) = outside_provider_organisation(&account.username) {
            let organisation = organisation_id(app, &operator, organisation).await?;
            app.set_user_organisation(&operator, user, Some(organisation)).await?;
        }
        step(&mut progress);
    }
    app.set_roles_requiring_totp(&operator, &[]).await?;
    seed_demonstration_packs(app).await?;
    seed_activity(app).await?;
    // The directory of care providers (issue 6, item 2).
    seed_directory(app).await?;
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
    // Consents (issue 6, item 1).
    seed_consents(app).await?;
    // OAT and transfers (issue 5, items 4 and 5).
    seed_oat_and_transfers(app).await?;
    // Referrals (issue 6, items 3 and 4).
    seed_referrals(app).await?;
    // Care pathways in every state (issue 5, item 10).
    seed_care_pathways(app).await?;
    // Caseloads and a long timeline for bench/register (issue 5, "Speed").
    if scale == RegisterScale::National {
        seed_care_bench(app).await?;
    }
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

// ---------------------------------------------------------------------------
// Release planning, follow-up after release and the responsible care worker
// (issue 5, items 6 to 8)

/// Records the steps that bring a person of the actor's prison from the
/// wait for a screening into care (intake proposed, intake done, care plan
/// active), as the clinician's, audited: the demo's and the tests' way to a
/// pathway in care. Only in demo mode.
pub async fn bring_into_care(app: &App, actor: &Actor, person_id: i64) -> AppResult<()> {
    use continuum_domain::pathway::{Command, Context, Stage, State};
    if !app.config.demo_mode {
        return Err(AppError::Conflict("demo-mode-required"));
    }
    let gate = app.pathway_gate(actor, person_id, Action::WriteClinical, "pathway.demo_into_care").await?;
    let mut tx = app.store.begin().await?;
    let (id, mut pathway) = app.load_pathway(&mut tx, person_id).await?.ok_or(AppError::NotFound)?;
    let who = continuum_domain::ids::UserId(app.actor_id(actor).unwrap_or(0));
    while let State::Active(
        stage @ (Stage::Signalled | Stage::ScreeningOffered | Stage::IntakeProposed | Stage::Intake),
    ) = pathway.state()
    {
        let command = match stage {
            Stage::IntakeProposed => Command::RecordIntake,
            Stage::Intake => Command::StartCare,
            _ => Command::ProposeIntake,
        };
        let context = Context { who, at: app.now(), why: None };
        app.step_pathway(&mut tx, id, &mut pathway, command, context).await?.map_err(AppError::PathwayRefused)?;
    }
    app.audit_change(&mut tx, actor, gate.allowed, "pathway.demo_into_care", &gate.subject).await?;
    tx.commit().await?;
    Ok(())
}

// Consent and the directory of care providers (issue 6, items 1, 2 and 5)

/// Organisations of the directory added by the coordinators, with their
/// language (the demo's own organisations get services too).
const DIRECTORY_ORGANISATIONS: [(&str, &str); 5] = [
    ("CAW Limburg (demo)", "nl"),
    ("Huisartsenpraktijk De Brug Leuven (demo)", "nl"),
    ("Woonbegeleiding Antwerpen (demo)", "nl"),
    ("CPAS de Charleroi (demo)", "fr"),
    ("Relogement Liège (demo)", "fr"),
];

/// A service of the demo's directory.
struct DemoService {
    /// The organisation's name.
    organisation: &'static str,
    /// The service's name.
    name: &'static str,
    /// Its kind's code.
    kind: &'static str,
    /// The prisons covered (codes).
    sites: &'static str,
    /// Its languages (codes).
    languages: &'static str,
    /// Phone.
    phone: &'static str,
    /// Hours Monday to Friday.
    weekdays: &'static str,
    /// Hours on Saturday.
    saturday: &'static str,
    /// A note on the hours.
    note: &'static str,
}

/// The demo's services, in both regions and their languages.
const DIRECTORY_SERVICES: [DemoService; 12] = [
    DemoService {
        organisation: "Drughulp Limburg (demo)",
        name: "Ambulante drughulp Hasselt (demo)",
        kind: "drug_service",
        sites: "HAS",
        languages: "nl",
        phone: "011 00 00 01",
        weekdays: "09:00-12:30, 13:30-17:00",
        saturday: "",
        note: "Vrijdag tot 16:00",
    },
    DemoService {
        organisation: "Drughulp Limburg (demo)",
        name: "Substitutiepraktijk Hasselt (demo)",
        kind: "oat_prescriber",
        sites: "HAS,LEU",
        languages: "nl",
        phone: "011 00 00 02",
        weekdays: "08:30-12:00",
        saturday: "09:00-11:00",
        note: "",
    },
    DemoService {
        organisation: "Drughulp Oost-Vlaanderen (demo)",
        name: "MSOC Gent (demo)",
        kind: "oat_prescriber",
        sites: "GEN,DEN",
        languages: "nl",
        phone: "09 000 00 03",
        weekdays: "08:00-12:00, 13:00-16:00",
        saturday: "",
        note: "Gesloten op feestdagen",
    },
    DemoService {
        organisation: "Centrum Geestelijke Gezondheid Antwerpen (demo)",
        name: "CGG Antwerpen ambulant (demo)",
        kind: "mental_health",
        sites: "ANT",
        languages: "nl,en",
        phone: "03 000 00 04",
        weekdays: "09:00-17:00",
        saturday: "",
        note: "Alleen op afspraak",
    },
    DemoService {
        organisation: "CAW Limburg (demo)",
        name: "CAW Limburg onthaal (demo)",
        kind: "social_welfare",
        sites: "HAS",
        languages: "nl",
        phone: "011 00 00 05",
        weekdays: "09:00-12:00, 13:00-16:30",
        saturday: "",
        note: "",
    },
    DemoService {
        organisation: "Huisartsenpraktijk De Brug Leuven (demo)",
        name: "Huisartsenpraktijk De Brug (demo)",
        kind: "general_practitioner",
        sites: "LEU",
        languages: "nl,en",
        phone: "016 00 00 06",
        weekdays: "08:00-12:00, 14:00-19:00",
        saturday: "09:00-12:00",
        note: "",
    },
    DemoService {
        organisation: "Woonbegeleiding Antwerpen (demo)",
        name: "Housing First Antwerpen (demo)",
        kind: "housing",
        sites: "ANT",
        languages: "nl",
        phone: "03 000 00 07",
        weekdays: "09:00-16:00",
        saturday: "",
        note: "",
    },
    DemoService {
        organisation: "Assuétudes Wallonie (demo)",
        name: "Centre de jour Charleroi (demo)",
        kind: "drug_service",
        sites: "JAM,LEZ",
        languages: "fr",
        phone: "071 00 00 08",
        weekdays: "09:00-12:30, 13:30-17:00",
        saturday: "",
        note: "Permanence sans rendez-vous le mardi",
    },
    DemoService {
        organisation: "Assuétudes Wallonie (demo)",
        name: "Consultation TSO Namur (demo)",
        kind: "oat_prescriber",
        sites: "AND",
        languages: "fr",
        phone: "081 00 00 09",
        weekdays: "08:30-12:00",
        saturday: "",
        note: "",
    },
    DemoService {
        organisation: "Maison médicale de Liège (demo)",
        name: "Maison médicale Liège, médecine générale (demo)",
        kind: "general_practitioner",
        sites: "LAN",
        languages: "fr",
        phone: "04 000 00 10",
        weekdays: "08:00-12:00, 14:00-18:00",
        saturday: "",
        note: "",
    },
    DemoService {
        organisation: "CPAS de Charleroi (demo)",
        name: "CPAS de Charleroi, service social (demo)",
        kind: "social_welfare",
        sites: "JAM",
        languages: "fr",
        phone: "071 00 00 11",
        weekdays: "08:30-12:00",
        saturday: "",
        note: "Après-midi sur rendez-vous",
    },
    DemoService {
        organisation: "Brussels Hulpcentrum / Centre d'aide Bruxelles (demo)",
        name: "Santé mentale Bruxelles / Geestelijke gezondheid Brussel (demo)",
        kind: "mental_health",
        sites: "HAR",
        languages: "fr,nl",
        phone: "02 000 00 12",
        weekdays: "09:00-17:00",
        saturday: "",
        note: "",
    },
];

/// The organisation a demo outside provider works for (issue 6, item 4).
fn outside_provider_organisation(username: &str) -> Option<&'static str> {
    match username {
        "external_provider.nl" => Some("Drughulp Limburg (demo)"),
        "external_provider.fr" => Some("Assuétudes Wallonie (demo)"),
        _ => None,
    }
}

/// The id of the demo organisation with this name.
async fn organisation_id(app: &App, actor: &Actor, name: &str) -> AppResult<i64> {
    let filter = crate::reference::OrganisationFilter { search: Some(name.to_owned()), ..Default::default() };
    let found = app.list_organisations(actor, &filter, Paging { page: 1, per_page: 5 }).await?;
    found.items.into_iter().find(|o| o.name == name).map(|o| o.id).ok_or(AppError::NotFound)
}

/// The directory: outside services in both regions, in their languages,
/// added by the Dutch- and French-speaking coordinators.
pub async fn seed_directory(app: &App) -> AppResult<()> {
    for (name, language) in DIRECTORY_ORGANISATIONS {
        let coordinator =
            app.command_line_actor(if language == "nl" { "coordinator.nl" } else { "coordinator.fr" }).await?;
        let draft = OrganisationDraft::parse(name, "care_provider", &[language.to_owned()], "demo@example.org", true)?;
        app.create_organisation(&coordinator, draft).await?;
    }
    for service in DIRECTORY_SERVICES {
        let DemoService { organisation, name, kind, sites, languages, phone, weekdays, saturday, note } = service;
        let flemish = !languages.starts_with("fr");
        let coordinator = app.command_line_actor(if flemish { "coordinator.nl" } else { "coordinator.fr" }).await?;
        let organisation = organisation_id(app, &coordinator, organisation).await?;
        let languages: Vec<String> = languages.split(',').map(str::to_owned).collect();
        let sites: Vec<String> = sites.split(',').map(str::to_owned).collect();
        let draft = continuum_domain::directory::ServiceDraft::parse(&continuum_domain::directory::ServiceFields {
            organisation: Some(organisation),
            name,
            kind,
            languages: &languages,
            sites: &sites,
            address: "",
            phone,
            email: "demo@example.org",
            website: "",
            hours: [weekdays, weekdays, weekdays, weekdays, weekdays, saturday, ""],
            hours_note: note,
            active: true,
        })?;
        app.create_care_service(&coordinator, &draft).await?;
    }
    Ok(())
}

/// One consent as the demo records it.
struct DemoConsent<'a> {
    kind: &'a str,
    decision: &'a str,
    given_days_ago: i64,
    valid_until_days: Option<i64>,
    language: &'a str,
    recipient: &'a str,
    organisation: Option<i64>,
    purpose: &'a str,
    sections: &'a [&'a str],
}

impl App {
    async fn record_demo_consent(&self, worker: &Actor, person: i64, consent: &DemoConsent<'_>) -> AppResult<i64> {
        let today = self.belgian_today();
        let day = |days: i64| today.checked_add(jiff::Span::new().days(days)).unwrap_or(today).to_string();
        let given_on = day(-consent.given_days_ago);
        let valid_until = consent.valid_until_days.map(day).unwrap_or_default();
        let sections: Vec<String> = consent.sections.iter().map(|s| (*s).to_owned()).collect();
        let draft = continuum_domain::consent::ConsentDraft::parse(
            &continuum_domain::consent::ConsentFields {
                kind: consent.kind,
                decision: consent.decision,
                given_on: &given_on,
                explanation_language: consent.language,
                valid_until: &valid_until,
                recipient: consent.recipient,
                organisation: consent.organisation,
                purpose: consent.purpose,
                sections: &sections,
                ..Default::default()
            },
            today,
        )?;
        self.record_consent(worker, person, &draft).await
    }
}

/// Consents of every kind for a few people at Hasselt and Lantin, through
/// the use cases of each prison's care worker: sharing with the
/// psychosocial service (so `psychosocial.has` and `psychosocial.lan` see
/// them), sharing with outside organisations, research, contact after
/// release, screening and treatment; one sharing consent withdrawn, one
/// expired, one research consent refused.
pub async fn seed_consents(app: &App) -> AppResult<()> {
    for (site, provider, language) in
        [("has", "Drughulp Limburg (demo)", "nl"), ("lan", "Maison médicale de Liège (demo)", "fr")]
    {
        let worker = app.command_line_actor(&format!("care_worker.{site}")).await?;
        let people = app
            .search_people(&worker, "", crate::people::PeopleOrder::EntryNewest, Paging { page: 1, per_page: 10 })
            .await?
            .items;
        let Some([shared, withdrawn, expired, refusing]) =
            people.get(3..7).map(|p| [p[0].id, p[1].id, p[2].id, p[3].id])
        else {
            return Ok(());
        };
        let provider = organisation_id(app, &worker, provider).await?;
        let psychosocial = |days_valid| DemoConsent {
            kind: "sharing",
            decision: "granted",
            given_days_ago: 20,
            valid_until_days: Some(days_valid),
            language,
            recipient: "psychosocial_service",
            organisation: None,
            purpose: "persons_request",
            sections: &["participation", "referral_status"],
        };
        let plain = |kind, decision| DemoConsent {
            kind,
            decision,
            given_days_ago: 20,
            valid_until_days: None,
            language,
            recipient: "",
            organisation: None,
            purpose: "",
            sections: &[],
        };
        app.record_demo_consent(&worker, shared, &psychosocial(345)).await?;
        for kind in ["screening", "treatment", "research", "contact_after_release"] {
            app.record_demo_consent(&worker, shared, &plain(kind, "granted")).await?;
        }
        app.record_demo_consent(
            &worker,
            shared,
            &DemoConsent {
                recipient: "organisation",
                organisation: Some(provider),
                purpose: "continuity_of_care",
                sections: &["identity", "care_plan", "medication", "appointments"],
                language: "ar",
                ..psychosocial(180)
            },
        )
        .await?;
        let cancelled = app.record_demo_consent(&worker, withdrawn, &psychosocial(345)).await?;
        let reason = continuum_domain::consent::Withdrawal::parse("Demo: the person changed their mind")?;
        app.withdraw_consent(&worker, cancelled, &reason).await?;
        app.record_demo_consent(
            &worker,
            expired,
            &DemoConsent {
                given_days_ago: 400,
                valid_until_days: Some(-30),
                recipient: "organisation",
                organisation: Some(provider),
                purpose: "care_coordination",
                sections: &["identity", "care_plan"],
                ..psychosocial(0)
            },
        )
        .await?;
        app.record_demo_consent(&worker, refusing, &plain("research", "refused")).await?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// OAT and transfers (issue 5, items 4 and 5): prescriptions at several
// prisons, the continuity at entry (continued, interrupted with its reason,
// an urgent alert and one still due), transfers between pilot prisons (one
// acknowledged, one waiting on both worklists) and one out of the
// programme with its handover document. Everything through the use cases,
// on behalf of each prison's medical service and care workers.

/// Registers a demo person entering `site` `days_ago` days ago, with the
/// prison number `{site}-{tag}-{FAMILY}`; answers the person's id.
async fn demo_entry(
    app: &App,
    actor: &Actor,
    site: &str,
    tag: &str,
    family: &str,
    given: &str,
    days_ago: i64,
) -> AppResult<i64> {
    use continuum_domain::person::{EpisodeDraft, EpisodeFields, PersonDraft, PersonFields};
    let today = app.register_today();
    let entry = today.checked_sub(jiff::Span::new().days(days_ago)).unwrap_or(today).to_string();
    let person = PersonDraft::parse(
        &PersonFields {
            family_name: family,
            given_names: given,
            birth_date: "1984-06-12",
            sex: "male",
            nationality: "BE",
            languages: "nl,fr",
            preferred_language: "",
        },
        today,
    )?;
    let number = format!("{site}-{tag}-{}", family.to_ascii_uppercase());
    let episode = EpisodeDraft::parse(
        &EpisodeFields { prison_number: &number, entry_date: &entry, legal_status: "remand", expected_release: "" },
        Some(person.birth_date),
        today,
    )?;
    let id = actor.sites.iter().find(|s| s.code == site).map(|s| s.id).ok_or(AppError::NotFound)?;
    let entry = crate::people::NewEntry { person, episode, not_a_duplicate: true };
    match app.register_entry(actor, id, &entry).await? {
        crate::people::Registration::Registered(id) => Ok(id),
        crate::people::Registration::PossibleDuplicates(_) => Err(AppError::Conflict("possible-duplicates")),
    }
}

/// Seeds the OAT and transfer cases described above.
pub async fn seed_oat_and_transfers(app: &App) -> AppResult<()> {
    use continuum_domain::oat::{ContinuityFields, DeclarationFields, PrescriptionFields};
    let today = app.register_today().to_string();
    let prescription = |medicine, dose, prescriber| PrescriptionFields {
        medicine,
        daily_dose: dose,
        prescriber,
        start_date: &today,
        observed: true,
        ..PrescriptionFields::default()
    };
    // Prescriptions at four prisons, for people of the register.
    for (code, doctor) in
        [("HAS", "Dr. Vermeulen"), ("GEN", "Dr. De Smet"), ("LAN", "Dr. Lambert"), ("JAM", "Dr. Dubois")]
    {
        let medical = app.command_line_actor(&format!("medical.{}", code.to_ascii_lowercase())).await?;
        let people = app
            .search_people(&medical, "", crate::people::PeopleOrder::EntryNewest, Paging { page: 1, per_page: 12 })
            .await?
            .items;
        for (n, person) in people.iter().skip(6).take(2).enumerate() {
            let fields = if n == 0 {
                prescription("methadone", "70", doctor)
            } else {
                prescription("buprenorphine_naloxone", "12", doctor)
            };
            app.record_prescription(&medical, person.id, &fields).await?;
        }
    }
    fn declared<'a>(medicine: &'a str, dose: &'a str, last: &'a str) -> DeclarationFields<'a> {
        DeclarationFields {
            medicine,
            daily_dose: dose,
            last_dose_date: last,
            prescriber: "MSOC / MASS",
            ..DeclarationFields::default()
        }
    }
    let yesterday = app.register_today().yesterday().map(|d| d.to_string()).unwrap_or_else(|_| today.clone());
    let last_dose = yesterday.as_str();
    // Continued without interruption: declared and prescribed on the day of entry.
    let has_medical = app.command_line_actor("medical.has").await?;
    let continued = demo_entry(app, &has_medical, "HAS", "OAT", "Claes", "Tom", 0).await?;
    let declaration = app.declare_outside_oat(&has_medical, continued, &declared("methadone", "80", last_dose)).await?;
    app.record_prescription(&has_medical, continued, &prescription("methadone", "80", "Dr. Vermeulen")).await?;
    let yes = ContinuityFields { continued: "yes", ..ContinuityFields::default() };
    app.record_continuity(&has_medical, declaration, &yes).await?;
    // An urgent alert: entered two days ago, no prison prescription yet.
    let waiting = demo_entry(app, &has_medical, "HAS", "OAT", "Wouters", "Kevin", 2).await?;
    app.declare_outside_oat(&has_medical, waiting, &declared("buprenorphine", "8", last_dose)).await?;
    // Interrupted, with the reason: prescribed too late at Antwerpen.
    let ant_medical = app.command_line_actor("medical.ant").await?;
    let late = demo_entry(app, &ant_medical, "ANT", "OAT", "Jacobs", "Dries", 3).await?;
    let declaration = app.declare_outside_oat(&ant_medical, late, &declared("methadone", "60", last_dose)).await?;
    app.record_prescription(&ant_medical, late, &prescription("methadone", "60", "Dr. Peeters")).await?;
    let interrupted = ContinuityFields { continued: "no", reason: "late_prescription", note: "" };
    app.record_continuity(&ant_medical, declaration, &interrupted).await?;
    // Still due: entered today at Lantin.
    let lan_medical = app.command_line_actor("medical.lan").await?;
    let due = demo_entry(app, &lan_medical, "LAN", "OAT", "Lejeune", "Marc", 0).await?;
    app.declare_outside_oat(&lan_medical, due, &declared("buprenorphine_naloxone", "16", last_dose)).await?;
    // Transfers between pilot prisons: HAS to GEN, acknowledged; LAN to AND, waiting.
    for (from, to, person, acknowledge) in [("HAS", "GEN", continued, true), ("LAN", "AND", due, false)] {
        let sending = app.command_line_actor(&format!("care_worker.{}", from.to_ascii_lowercase())).await?;
        let record = app.get_person(&sending, person).await?;
        let episode = record.person.current_episode_id.ok_or(AppError::NotFound)?;
        let fields = continuum_domain::episode::TransferFields { site: to, transfer_date: &today, prison_number: "" };
        app.transfer_person(&sending, episode, &fields).await?;
        if acknowledge {
            let receiving = app.command_line_actor(&format!("care_worker.{}", to.to_ascii_lowercase())).await?;
            let site = receiving.sites.iter().find(|s| s.code == to).map(|s| s.id).ok_or(AppError::NotFound)?;
            for handover in app.pending_handovers(&receiving, site).await?.iter().filter(|h| h.person_id == person) {
                app.acknowledge_handover(&receiving, handover.id).await?;
            }
        }
    }
    // Out of the programme: from Dendermonde to Brugge, with its handover in Dutch.
    let den_medical = app.command_line_actor("medical.den").await?;
    let leaving = demo_entry(app, &den_medical, "DEN", "OAT", "Mertens", "Bart", 20).await?;
    app.record_prescription(&den_medical, leaving, &prescription("methadone", "90", "Dr. Van Damme")).await?;
    let den_worker = app.command_line_actor("care_worker.den").await?;
    let out = continuum_domain::handover::OutTransferFields {
        prison: "Gevangenis Brugge",
        language: "nl",
        transfer_date: &today,
    };
    app.transfer_out_of_programme(&den_worker, leaving, &out).await?;
    Ok(())
}

// ---------------------------------------------------------------------------
// Referrals (issue 6, items 3 and 4): at Hasselt and Lantin, one referral
// in each status to the organisation of the region's outside provider
// (`external_provider.nl`, `external_provider.fr`), within a consent to
// share with it; the service's steps taken by that provider. Lantin's goes
// to a service that does not cover it, confirmed.

/// The statuses the demo's referrals are brought to, with the steps after
/// sending (the provider's, then the care team's closing).
const DEMO_REFERRAL_STEPS: [(&str, &[&str]); 8] = [
    ("draft", &[]),
    ("sent", &[]),
    ("accepted", &["accept"]),
    ("refused", &["refuse"]),
    ("appointment_made", &["accept", "appointment"]),
    ("attended", &["accept", "appointment", "attended"]),
    ("not_attended", &["accept", "appointment", "not_attended"]),
    ("closed", &["accept", "appointment", "attended", "close"]),
];

/// Seeds the demo's referrals.
pub async fn seed_referrals(app: &App) -> AppResult<()> {
    use continuum_domain::referral::{ReferralDraft, ReferralFields, StepFields};

    use crate::referrals::{Creation, Sending};

    for (site, provider, service, language) in [
        ("has", "Drughulp Limburg (demo)", "Ambulante drughulp Hasselt (demo)", "nl"),
        ("lan", "Assuétudes Wallonie (demo)", "Centre de jour Charleroi (demo)", "fr"),
    ] {
        let worker = app.command_line_actor(&format!("care_worker.{site}")).await?;
        let outside = app.command_line_actor(&format!("external_provider.{language}")).await?;
        let people = app
            .search_people(&worker, "", crate::people::PeopleOrder::EntryNewest, Paging { page: 1, per_page: 20 })
            .await?
            .items;
        let organisation = organisation_id(app, &worker, provider).await?;
        let filter = crate::directory::DirectoryFilter {
            search: Some(service.to_owned()),
            organisation: Some(organisation),
            ..Default::default()
        };
        let service = app.search_directory(&worker, &filter, Paging { page: 1, per_page: 5 }).await?;
        let Some(service) = service.items.first().map(|s| s.id) else {
            return Err(AppError::NotFound);
        };
        let sections = ["identity", "medication", "appointments"].map(str::to_owned);
        let today = app.belgian_today();
        // The appointments that were kept or missed are at midnight today
        // (not before the referral was sent, and already past); the one to
        // come is in a week.
        let past = format!("{today}T00:00");
        let coming = format!("{}T10:00", today.checked_add(jiff::Span::new().days(7)).unwrap_or(today));
        // People 3 to 6 hold the consents seeded above; these hold none yet.
        for ((status, steps), person) in DEMO_REFERRAL_STEPS.iter().zip(people.iter().skip(7).map(|p| p.id)) {
            let draft = ReferralDraft::parse(&ReferralFields {
                service: Some(service),
                reason: "Demo: continue the treatment after release",
                urgency: if *status == "sent" { "urgent" } else { "routine" },
                sections: &sections,
            })?;
            let Creation::Created(id) = app.create_referral(&worker, person, &draft, true).await? else {
                return Err(AppError::Conflict("demo-referral"));
            };
            if *status == "draft" {
                continue;
            }
            app.record_demo_consent(
                &worker,
                person,
                &DemoConsent {
                    kind: "sharing",
                    decision: "granted",
                    given_days_ago: 2,
                    valid_until_days: Some(180),
                    language,
                    recipient: "organisation",
                    organisation: Some(organisation),
                    purpose: "continuity_of_care",
                    sections: &["identity", "medication", "appointments"],
                },
            )
            .await?;
            if let Sending::ConsentMissing(_) = app.send_referral(&worker, id).await? {
                return Err(AppError::Conflict("demo-referral"));
            }
            for step in *steps {
                let (by, appointment_at) = match (*step, *status) {
                    ("close", _) => (&worker, ""),
                    ("appointment", "appointment_made") => (&outside, coming.as_str()),
                    ("appointment", _) => (&outside, past.as_str()),
                    _ => (&outside, ""),
                };
                let note = match *step {
                    "refuse" => "Demo: no place before next month",
                    "close" => "Demo: the person is in care",
                    _ => "",
                };
                let place = if *step == "appointment" { "Demo: the service's front desk" } else { "" };
                app.take_referral_step(by, id, &StepFields { step, appointment_at, place, note }).await?;
            }
        }
    }
    Ok(())
}
