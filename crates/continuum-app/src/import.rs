//! Importing a prison's entry list (CSV), all or nothing, and idempotent.
//!
//! The file: UTF-8 (a byte-order mark is ignored), one header line, then one
//! entry per line; fields separated by `,` or `;` (whichever the header
//! uses). Columns, by header name in any order (case ignored):
//!
//! | column | required | content |
//! |---|---|---|
//! | `family_name` | yes | family name(s) |
//! | `given_names` | no | given name(s) |
//! | `birth_date` | yes | `YYYY-MM-DD` or `DD/MM/YYYY` |
//! | `sex` | no | `female`, `male`, `other`, `unknown` (default) |
//! | `nationality` | no | ISO 3166-1 alpha-2 code |
//! | `languages` | no | ISO 639-1 codes separated by spaces |
//! | `preferred_language` | yes, unless `languages` is given | ISO 639-1 code |
//! | `prison_number` | yes | the prison number at this prison |
//! | `entry_date` | yes | date of entry |
//! | `legal_status` | yes | `remand`, `sentenced`, `interned`, `other` |
//! | `expected_release` | no | date |
//!
//! Rules: an entry is identified by (prison, prison number, entry date).
//! A line whose entry is already registered changes nothing, so importing
//! the same file twice leaves the register as after the first import. A
//! line is refused when it is invalid, when its prison number is held at the
//! prison by someone with another date of birth, or when the file gives the
//! same entry twice. Every refused line is reported with its number and
//! reason before anything is written; the new entries are then written in
//! one transaction, with one audit row per person created, only when the
//! user confirms. An import that adds nothing writes nothing, not even an
//! audit row.
//!
//! On a page, the file is checked when uploaded and, when it has new
//! entries and no refused line, kept in the database under a random token
//! (only its hash is stored) for [`UPLOAD_VALID_MINUTES`], bound to the user
//! and the site. Confirming imports that kept file, so the entries written
//! are exactly those of the file the user saw checked, and forgets it in the
//! same transaction (a second confirmation finds nothing).

use std::collections::{HashMap, HashSet};

use continuum_domain::audit::{Outcome, format_instant};
use continuum_domain::ids::{SiteId, UserId};
use continuum_domain::pathway::{Context, SignalSource};
use continuum_domain::person::{EpisodeDraft, EpisodeFields, PersonDraft, PersonFields};
use continuum_domain::policy::{Action, Target};
use continuum_domain::validation::{FieldError, Invalid, Problem};
use continuum_store::entries::{self, NewEntryRow};
use continuum_store::people;
use continuum_store::uploads::{self, NewUpload};
use sha2::{Digest, Sha256};

use crate::access::{Allowed, Subject};
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};
use crate::people::NewEntry;

/// The columns of an entry list, in the order of the documentation.
pub const COLUMNS: [&str; 11] = [
    "family_name",
    "given_names",
    "birth_date",
    "sex",
    "nationality",
    "languages",
    "preferred_language",
    "prison_number",
    "entry_date",
    "legal_status",
    "expected_release",
];

const REQUIRED_COLUMNS: [&str; 5] = ["family_name", "birth_date", "prison_number", "entry_date", "legal_status"];

/// One refused line: its number in the file (the header is line 1) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    /// Line number, from 1 (the header).
    pub line: usize,
    /// The invalid fields; `file` for a problem with the whole file.
    pub errors: Vec<FieldError>,
}

/// What an import would do, or did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Entries read from the file.
    pub lines: usize,
    /// New entries (written, once confirmed).
    pub new: usize,
    /// Entries already registered (nothing to do).
    pub already_registered: usize,
    /// Refused lines; when any, nothing is written.
    pub refused: Vec<LineError>,
}

/// How long an entry list checked on a page waits for its confirmation.
pub const UPLOAD_VALID_MINUTES: i64 = 30;

/// An entry list checked on a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedUpload {
    /// What importing it would do.
    pub report: ImportReport,
    /// SHA-256 of the file, hex: the confirmation imports this very file.
    pub digest: String,
    /// The token to confirm the import with; `None` when there is nothing
    /// to import (a refused line, or no new entry).
    pub token: Option<String>,
}

/// An entry list imported after its confirmation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfirmedUpload {
    /// What was imported; when a line is refused (the register changed
    /// since the check), nothing was.
    pub report: ImportReport,
    /// The site.
    pub site: SiteId,
    /// The file's name.
    pub file_name: String,
    /// SHA-256 of the file, hex.
    pub digest: String,
}

/// A parsed line.
struct Line {
    number: usize,
    entry: NewEntry,
}

fn file_error(problem: Problem) -> Vec<LineError> {
    vec![LineError { line: 1, errors: vec![FieldError { field: "file", problem }] }]
}

/// Reads the CSV into entries and refused lines. Pure: no database.
fn parse(bytes: &[u8], today: jiff::civil::Date) -> (Vec<Line>, Vec<LineError>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first_line = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    let delimiter = if first_line.contains(&b';') && !first_line.contains(&b',') { b';' } else { b',' };
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).trim(csv::Trim::All).from_reader(bytes);
    let Ok(headers) = reader.headers().cloned() else {
        return (Vec::new(), file_error(Problem::InvalidFormat));
    };
    let index: HashMap<String, usize> = headers.iter().enumerate().map(|(i, h)| (h.to_ascii_lowercase(), i)).collect();
    if REQUIRED_COLUMNS.iter().any(|c| !index.contains_key(*c)) {
        return (Vec::new(), file_error(Problem::Required));
    }
    let mut lines = Vec::new();
    let mut refused = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let number = i + 2;
        let Ok(record) = record else {
            refused.push(LineError {
                line: number,
                errors: vec![FieldError { field: "line", problem: Problem::InvalidFormat }],
            });
            continue;
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        let cell = |name: &str| index.get(name).and_then(|i| record.get(*i)).unwrap_or_default();
        let person = PersonDraft::parse(
            &PersonFields {
                family_name: cell("family_name"),
                given_names: cell("given_names"),
                birth_date: cell("birth_date"),
                sex: cell("sex"),
                nationality: cell("nationality"),
                languages: cell("languages"),
                preferred_language: cell("preferred_language"),
            },
            today,
        );
        let episode = EpisodeDraft::parse(
            &EpisodeFields {
                prison_number: cell("prison_number"),
                entry_date: cell("entry_date"),
                legal_status: cell("legal_status"),
                expected_release: cell("expected_release"),
            },
            person.as_ref().ok().map(|p| p.birth_date),
            today,
        );
        match (person, episode) {
            (Ok(person), Ok(episode)) => {
                lines.push(Line { number, entry: NewEntry { person, episode, not_a_duplicate: true } });
            }
            (person, episode) => {
                let mut errors = Invalid::default();
                for invalid in [person.err(), episode.err()].into_iter().flatten() {
                    errors.0.extend(invalid.0);
                }
                refused.push(LineError { line: number, errors: errors.0 });
            }
        }
    }
    (lines, refused)
}

/// What the register already holds at the site: entry key -> person, and
/// prison number -> the holder's date of birth.
struct Known {
    entries: HashSet<(String, String)>,
    holders: HashMap<String, String>,
}

async fn known_at(conn: &mut continuum_store::Conn, site: SiteId) -> AppResult<Known> {
    let rows = people::entries_at_site(conn, site.0).await?;
    let mut known = Known { entries: HashSet::new(), holders: HashMap::new() };
    for row in rows {
        known.entries.insert((row.prison_number.to_lowercase(), row.entry_date));
        known.holders.insert(row.prison_number.to_lowercase(), row.birth_date);
    }
    Ok(known)
}

/// Sorts the parsed lines into new, already registered and refused.
fn classify(lines: Vec<Line>, mut refused: Vec<LineError>, known: &Known) -> (Vec<Line>, ImportReport) {
    let total = lines.len() + refused.len();
    let mut new = Vec::new();
    let mut already = 0;
    let mut in_file: HashMap<(String, String), usize> = HashMap::new();
    let mut numbers_in_file: HashMap<String, String> = HashMap::new();
    for line in lines {
        let number = line.entry.episode.prison_number.to_lowercase();
        let key = (number.clone(), line.entry.episode.entry_date.to_string());
        let birth = line.entry.person.birth_date.to_string();
        let duplicate_problem =
            |field| LineError { line: line.number, errors: vec![FieldError { field, problem: Problem::Duplicate }] };
        if in_file.insert(key.clone(), line.number).is_some() {
            refused.push(duplicate_problem("prison_number"));
            continue;
        }
        if known.entries.contains(&key) {
            already += 1;
            continue;
        }
        let holder = known.holders.get(&number).or_else(|| numbers_in_file.get(&number));
        if holder.is_some_and(|b| *b != birth) {
            refused.push(duplicate_problem("prison_number"));
            continue;
        }
        numbers_in_file.insert(number, birth);
        new.push(line);
    }
    refused.sort_by_key(|e| e.line);
    let report = ImportReport { lines: total, new: new.len(), already_registered: already, refused };
    (new, report)
}

impl App {
    /// Checks an entry list for `site` and says what importing it would do;
    /// writes nothing.
    pub async fn check_entry_list(&self, actor: &Actor, site: SiteId, bytes: &[u8]) -> AppResult<ImportReport> {
        self.authorize(actor, Action::EditRegister, Target::site(site), "person.import", &Subject::kind("person"))
            .await?;
        let (lines, refused) = parse(bytes, self.register_today());
        let mut conn = self.store.reader().await?;
        let known = known_at(&mut conn, site).await?;
        Ok(classify(lines, refused, &known).1)
    }

    /// Imports an entry list for `site`: all new entries in one transaction,
    /// or nothing when any line is refused (the report says which).
    /// `progress(done, total)` follows the writing.
    pub async fn import_entry_list(
        &self,
        actor: &Actor,
        site: SiteId,
        bytes: &[u8],
        progress: impl FnMut(usize, usize),
    ) -> AppResult<ImportReport> {
        let allowed = self
            .authorize(actor, Action::EditRegister, Target::site(site), "person.import", &Subject::kind("person"))
            .await?;
        let mut tx = self.store.begin().await?;
        let report = self.write_entries(&mut tx, actor, allowed, site, bytes, progress).await?;
        if report.refused.is_empty() && report.new > 0 {
            tx.commit().await?;
        }
        Ok(report)
    }

    /// Checks and writes the new entries of a list inside `tx`, with their
    /// audit rows; writes nothing when a line is refused or nothing is new.
    async fn write_entries(
        &self,
        tx: &mut continuum_store::Tx,
        actor: &Actor,
        allowed: Allowed,
        site: SiteId,
        bytes: &[u8],
        mut progress: impl FnMut(usize, usize),
    ) -> AppResult<ImportReport> {
        let (lines, refused) = parse(bytes, self.register_today());
        let known = known_at(tx, site).await?;
        let (new, report) = classify(lines, refused, &known);
        if !report.refused.is_empty() || new.is_empty() {
            return Ok(report);
        }
        let at = self.now();
        let by = self.actor_id(actor);
        let site_code = actor.site_code(site);
        let entries: Vec<&NewEntry> = new.iter().map(|line| &line.entry).collect();
        let ids = self.insert_entries(tx, site, &entries, (at, by), |done| progress(done, new.len())).await?;
        let mut audit = Vec::with_capacity(ids.len() + 1);
        for id in ids {
            let subject = Subject { person_id: Some(id), ..Subject::record("person", id) }.at_site(site_code.clone());
            audit.push(self.entry(
                actor,
                "person.create",
                Outcome::Allowed,
                allowed.purpose(),
                allowed.role(),
                &subject,
            ));
        }
        let subject = Subject::kind("person").at_site(site_code);
        audit.push(self.entry(actor, "person.import", Outcome::Allowed, allowed.purpose(), allowed.role(), &subject));
        self.append_in(tx, audit).await?;
        Ok(report)
    }

    /// Checks an entry list uploaded on a page for `site` and, when it has
    /// new entries and no refused line, keeps it until the user confirms
    /// (for [`UPLOAD_VALID_MINUTES`]). Writes no entry.
    pub async fn check_uploaded_entry_list(
        &self,
        actor: &Actor,
        site: SiteId,
        file_name: &str,
        bytes: &[u8],
    ) -> AppResult<CheckedUpload> {
        let report = self.check_entry_list(actor, site, bytes).await?;
        let digest = hex::encode(Sha256::digest(bytes));
        if !report.refused.is_empty() || report.new == 0 {
            return Ok(CheckedUpload { report, digest, token: None });
        }
        let allowed = self
            .authorize(actor, Action::EditRegister, Target::site(site), "person.import_check", &Subject::kind("person"))
            .await?;
        let token = crate::secrets::random_token();
        let at = self.now();
        let expires = at.checked_add(jiff::SignedDuration::from_mins(UPLOAD_VALID_MINUTES)).unwrap_or(at);
        let file_name: String = file_name.trim().chars().take(200).collect();
        let mut tx = self.store.begin().await?;
        let upload = NewUpload {
            token_hash: &crate::secrets::token_hash(&token),
            user_id: actor.user_id.0,
            site_id: site.0,
            file_name: &file_name,
            digest: &digest,
            content: bytes,
            at: &format_instant(at),
            expires_at: &format_instant(expires),
        };
        uploads::insert(&mut tx, &upload).await?;
        let site_code = actor.site_code(site);
        let subject = Subject { id: Some(digest.clone()), ..Subject::kind("entry_list") }.at_site(site_code);
        self.audit_change(&mut tx, actor, allowed, "person.import_check", &subject).await?;
        tx.commit().await?;
        Ok(CheckedUpload { report, digest, token: Some(token) })
    }

    /// Imports the entry list kept under `token` by
    /// [`App::check_uploaded_entry_list`]: exactly the file that was
    /// checked, for the site it was checked for, by the user who uploaded
    /// it. Like [`App::import_entry_list`], all or nothing.
    pub async fn confirm_uploaded_entry_list(&self, actor: &Actor, token: &str) -> AppResult<ConfirmedUpload> {
        let hash = crate::secrets::token_hash(token.trim());
        let mut conn = self.store.reader().await?;
        let upload = uploads::get(&mut conn, &hash).await?;
        drop(conn);
        let now = format_instant(self.now());
        let Some(upload) = upload.filter(|u| u.user_id == actor.user_id.0 && u.expires_at > now) else {
            self.permit(actor, Action::EditRegister, "person.import").await?;
            return Err(AppError::Conflict("import-expired"));
        };
        let site = SiteId(upload.site_id);
        let allowed = self
            .authorize(actor, Action::EditRegister, Target::site(site), "person.import", &Subject::kind("person"))
            .await?;
        let mut tx = self.store.begin().await?;
        if !uploads::remove(&mut tx, &hash).await? {
            return Err(AppError::Conflict("import-expired"));
        }
        let report = self.write_entries(&mut tx, actor, allowed, site, &upload.content, |_, _| {}).await?;
        if report.refused.is_empty() {
            tx.commit().await?;
        }
        Ok(ConfirmedUpload { report, site, file_name: upload.file_name, digest: upload.digest })
    }

    /// Writes new people, each with their first episode at `site`, their
    /// pathway opened by the entry, and the entry recorded as a signal, in
    /// bulk (`continuum_store::entries`); answers their ids in the order
    /// given. `progress(done)` counts written entries.
    pub(crate) async fn insert_entries(
        &self,
        tx: &mut continuum_store::Tx,
        site: SiteId,
        entries: &[&NewEntry],
        (at, by): (jiff::Timestamp, Option<i64>),
        progress: impl FnMut(usize),
    ) -> AppResult<Vec<i64>> {
        let context = Context { who: UserId(by.unwrap_or(0)), at, why: None };
        let step = crate::pathways::opening_step(SignalSource::Entry, site, context)?;
        let opening = entries::Opening {
            state: step.columns(),
            first: step.transition(),
            signal_source: SignalSource::Entry.code(),
        };
        let texts: Vec<EntryTexts> = entries.iter().map(|e| EntryTexts::of(e)).collect();
        let rows: Vec<NewEntryRow<'_>> = entries
            .iter()
            .zip(&texts)
            .map(|(entry, t)| NewEntryRow {
                person: crate::people::store_fields(&entry.person, &t.birth, &t.languages, &t.tokens, &t.sort_name),
                prison_number: &entry.episode.prison_number,
                entry_date: &t.entry_date,
                legal_status: entry.episode.legal_status.code(),
                expected_release: t.expected_release.as_deref(),
            })
            .collect();
        entries::insert(tx, site.0, &rows, &opening, &format_instant(at), by, progress)
            .await
            .map_err(crate::error::duplicate_on("prison_number"))
    }
}

/// The stored text forms of an entry's values.
struct EntryTexts {
    birth: String,
    languages: String,
    tokens: Vec<String>,
    sort_name: String,
    entry_date: String,
    expected_release: Option<String>,
}

impl EntryTexts {
    fn of(entry: &NewEntry) -> EntryTexts {
        EntryTexts {
            birth: entry.person.birth_date.to_string(),
            languages: entry.person.languages.join(","),
            tokens: entry.person.name_tokens(),
            sort_name: entry.person.sort_name(),
            entry_date: entry.episode.entry_date.to_string(),
            expected_release: entry.episode.expected_release.map(|d| d.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    const HEADER: &str = "family_name;given_names;birth_date;prison_number;entry_date;legal_status;languages\n";

    fn lines(csv: &str) -> (Vec<Line>, Vec<LineError>) {
        parse(csv.as_bytes(), date(2026, 11, 23))
    }

    #[test]
    fn a_semicolon_file_with_a_byte_order_mark_is_read() {
        let csv = format!("\u{feff}{HEADER}Peeters;An;20/01/1985;A1;01/11/2026;remand;nl\n");
        let (ok, refused) = lines(&csv);
        assert!(refused.is_empty(), "{refused:?}");
        assert_eq!(ok[0].entry.person.family_name, "Peeters");
        assert_eq!(ok[0].number, 2);
    }

    #[test]
    fn a_missing_required_column_refuses_the_file() {
        let (_, refused) = lines("family_name,birth_date\nPeeters,1985-01-20\n");
        assert_eq!(refused, file_error(Problem::Required));
    }

    #[test]
    fn every_bad_line_is_reported_with_its_number_and_field() {
        let csv = format!(
            "{HEADER}Peeters;An;20/01/1985;A1;01/11/2026;remand;nl\n;;;;;;\nMaes;Jan;2030-01-01;A2;01/11/2026;free;nl\n"
        );
        let (ok, refused) = lines(&csv);
        assert_eq!(ok.len(), 1);
        assert_eq!(refused.len(), 1, "the empty line is skipped");
        assert_eq!(refused[0].line, 4);
        let fields: Vec<&str> = refused[0].errors.iter().map(|e| e.field).collect();
        assert!(fields.contains(&"birth_date") && fields.contains(&"legal_status"), "{fields:?}");
    }

    #[test]
    fn the_same_entry_twice_in_a_file_is_refused_and_a_known_entry_is_skipped() {
        let csv = format!(
            "{HEADER}Peeters;An;20/01/1985;A1;01/11/2026;remand;nl\nPeeters;An;20/01/1985;A1;01/11/2026;remand;nl\n\
             Maes;Jan;02/02/1970;B7;01/11/2026;remand;nl\nClaes;Mia;05/05/1990;C3;01/11/2026;remand;nl\n"
        );
        let (parsed, refused) = lines(&csv);
        let known = Known {
            entries: HashSet::from([("b7".to_owned(), "2026-11-01".to_owned())]),
            holders: HashMap::from([("c3".to_owned(), "1960-01-01".to_owned())]),
        };
        let (new, report) = classify(parsed, refused, &known);
        assert_eq!(new.len(), 1);
        assert_eq!(report.already_registered, 1);
        let refused_lines: Vec<usize> = report.refused.iter().map(|e| e.line).collect();
        assert_eq!(refused_lines, vec![3, 5], "the repeated line and the number held by someone else");
    }
}
