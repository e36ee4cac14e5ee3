//! Content packs: the licensed wording of an instrument version in one
//! language, loaded by an administrator at deployment and stored in the
//! database, never in the repository (DOMAIN.md, "Instruments whose wording
//! may not be shipped"). Self-administration on a tablet shows a pack's
//! wording; interview mode keeps Continuum's own labels.
//!
//! Rules: loading and listing packs needs `ManageInstruments` (the
//! administrator). A pack is checked against the shipped definition it names
//! (`ContentPack::check`: every item and option worded, nothing unknown,
//! provenance given) and refused with every problem named, writing nothing.
//! A new pack for the same instrument, version and language becomes the
//! active one; the one it replaces stays recorded, since the screenings
//! answered with it point at it. Each load is audited with who and when.
//!
//! # The pack file
//!
//! A UTF-8 TOML file (`continuum instrument load-pack FILE`, or the page
//! "Content packs" of the administration):
//!
//! ```toml
//! instrument = "assist"             # code and version of a definition in instruments/
//! version = "3.1"
//! language = "fr"                   # nl, fr or en
//! source = "..."                    # where the wording comes from (publication, edition)
//! rights_holder = "..."             # who holds the rights to it
//! permission_date = 2026-01-15      # when permission was given (TOML date or "YYYY-MM-DD")
//!
//! [items.tobacco]                   # the wording of every item: [items.GROUP] QUESTION = "..."
//! q1 = "..."                        # (the ASSIST: every question about every substance class)
//! q2 = "..."
//!
//! [options.q2]                      # the wording of every answer option of every question:
//! never = "..."                     # [options.QUESTION] OPTION = "..."
//! once_or_twice = "..."
//! ```
//!
//! Group, question and option codes are those of the definition
//! (`instruments/*.toml`). Unknown keys are refused, so a misspelt key
//! cannot silently mean "absent".

use std::collections::BTreeMap;

use continuum_domain::audit::format_instant;
use continuum_domain::instrument::{ContentPack, Instrument, ItemKey, PackDraft, PackError};
use continuum_domain::policy::{Action, Target};
use continuum_domain::site::Language;
use continuum_store::content_packs::{self, NewPack, PackRow};
use serde::Deserialize;

use crate::access::Subject;
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};
use crate::{Listing, Paging};

/// A stored pack, without its wording.
pub type PackSummary = PackRow;

/// The source and rights holder of the demonstration packs: they are built
/// from Continuum's own labels, so they are not licensed text.
pub const DEMONSTRATION_PROVENANCE: &str = "Continuum demonstration labels, not the validated wording";

/// What came of loading a pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackLoad {
    /// Stored as the active pack.
    Loaded {
        /// The new pack, as stored.
        pack: Box<PackSummary>,
        /// The id of the pack it replaces, if one was active.
        replaced: Option<i64>,
    },
    /// Refused, nothing written: every problem, each naming its place.
    Refused(Vec<PackError>),
}

/// The wording of one pack, to show an item.
#[derive(Debug, Clone, Default)]
pub(crate) struct Wording {
    items: BTreeMap<String, String>,
    options: BTreeMap<String, String>,
}

impl Wording {
    pub(crate) fn item(&self, key: &ItemKey) -> Option<&str> {
        self.items.get(&key.to_string()).map(String::as_str)
    }

    pub(crate) fn option(&self, question: &str, option: &str) -> Option<&str> {
        self.options.get(&format!("{question}.{option}")).map(String::as_str)
    }
}

// The file schema. Wire types live here, never as derives on domain types.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FilePack {
    instrument: String,
    version: String,
    language: String,
    source: String,
    rights_holder: String,
    permission_date: String,
    #[serde(default)]
    items: BTreeMap<String, BTreeMap<String, String>>,
    #[serde(default)]
    options: BTreeMap<String, BTreeMap<String, String>>,
}

/// Reads a pack file into a draft (not yet checked against its definition).
/// A file that is not TOML of the schema is refused with the reader's
/// message and the line and column.
pub fn parse_pack(text: &str) -> Result<PackDraft, PackError> {
    let unreadable = |error: toml::de::Error| {
        let place = error.span().map(|span| {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!("line {line}, column {column}: ")
        });
        PackError::Unreadable { detail: format!("{}{}", place.unwrap_or_default(), error.message().trim()) }
    };
    let mut table: toml::Table = text.parse().map_err(unreadable)?;
    // A bare TOML date is read as its text, like a quoted one.
    if let Some(toml::Value::Datetime(date)) = table.get("permission_date") {
        let date = date.to_string();
        table.insert("permission_date".to_owned(), toml::Value::String(date));
    }
    let file: FilePack = table.try_into().map_err(unreadable)?;
    let flatten = |map: BTreeMap<String, BTreeMap<String, String>>| -> Vec<(String, String, String)> {
        map.into_iter()
            .flat_map(|(outer, inner)| inner.into_iter().map(move |(key, text)| (outer.clone(), key, text)))
            .collect()
    };
    Ok(PackDraft {
        instrument: file.instrument,
        version: file.version,
        language: file.language,
        source: file.source,
        rights_holder: file.rights_holder,
        permission_date: file.permission_date,
        items: flatten(file.items),
        options: flatten(file.options),
    })
}

/// A demonstration pack built from Continuum's own labels in `language`
/// (the question label for each item, shown under the group's label; the
/// option labels), so that self-administration can be tried without
/// licensed wording.
pub fn demonstration_pack(instrument: &Instrument, language: Language, date: jiff::civil::Date) -> PackDraft {
    PackDraft {
        instrument: instrument.code.clone(),
        version: instrument.version.clone(),
        language: language.code().to_owned(),
        source: DEMONSTRATION_PROVENANCE.to_owned(),
        rights_holder: DEMONSTRATION_PROVENANCE.to_owned(),
        permission_date: date.to_string(),
        items: instrument
            .items()
            .iter()
            .map(|item| {
                let text = item.question.labels.get(language).to_owned();
                (item.group.code.clone(), item.question.id.clone(), text)
            })
            .collect(),
        options: instrument
            .questions
            .iter()
            .flat_map(|q| q.options.iter().map(|o| (q.id.clone(), o.code.clone(), o.labels.get(language).to_owned())))
            .collect(),
    }
}

impl App {
    /// Reads, checks and loads a pack file on behalf of an administrator.
    /// The policy is asked before the file is read.
    pub async fn load_content_pack_file(&self, actor: &Actor, text: &str) -> AppResult<PackLoad> {
        self.permit(actor, Action::ManageInstruments, "content_pack.load").await?;
        match parse_pack(text) {
            Ok(draft) => self.load_content_pack(actor, &draft).await,
            Err(error) => Ok(PackLoad::Refused(vec![error])),
        }
    }

    /// Checks a pack against its definition and stores it as the active
    /// pack of its instrument version and language, retiring the one it
    /// replaces. A refused pack writes nothing.
    pub async fn load_content_pack(&self, actor: &Actor, draft: &PackDraft) -> AppResult<PackLoad> {
        let subject = Subject::kind("content_pack");
        let allowed =
            self.authorize(actor, Action::ManageInstruments, Target::PROGRAMME, "content_pack.load", &subject).await?;
        let Some(definition) = self.instruments().get(draft.instrument.trim(), draft.version.trim()) else {
            return Ok(PackLoad::Refused(vec![PackError::UnknownInstrument {
                instrument: draft.instrument.trim().to_owned(),
                version: draft.version.trim().to_owned(),
            }]));
        };
        let pack = match ContentPack::check(definition, draft, self.register_today()) {
            Ok(pack) => pack,
            Err(errors) => return Ok(PackLoad::Refused(errors)),
        };
        let now = format_instant(self.now());
        let language = pack.language().code();
        let permission_date = pack.permission_date().to_string();
        let digest = pack.digest();
        let mut tx = self.store.begin().await?;
        let replaced = content_packs::retire_active(&mut tx, pack.instrument(), pack.version(), language, &now).await?;
        let new = NewPack {
            instrument: pack.instrument(),
            version: pack.version(),
            language,
            source: pack.source(),
            rights_holder: pack.rights_holder(),
            permission_date: &permission_date,
            digest: &digest,
            loaded_by: self.actor_id(actor),
            at: &now,
        };
        let id = content_packs::insert(&mut tx, &new).await?;
        for (key, text) in pack.items() {
            content_packs::insert_wording(&mut tx, id, "item", &key.to_string(), text).await?;
        }
        for (question, option, text) in pack.options() {
            content_packs::insert_wording(&mut tx, id, "option", &format!("{question}.{option}"), text).await?;
        }
        if let Some(old) = replaced {
            let subject = Subject::record("content_pack", old).at_site(None);
            self.audit_change(&mut tx, actor, allowed, "content_pack.replace", &subject).await?;
        }
        let subject = Subject::record("content_pack", id).at_site(None);
        self.audit_change(&mut tx, actor, allowed, "content_pack.load", &subject).await?;
        let stored = content_packs::get(&mut tx, id).await?.ok_or(AppError::NotFound)?;
        tx.commit().await?;
        Ok(PackLoad::Loaded { pack: Box::new(stored), replaced })
    }

    /// Every pack loaded, active ones first, with its provenance.
    pub async fn content_packs(&self, actor: &Actor, paging: Paging) -> AppResult<Listing<PackSummary>> {
        let subject = Subject::kind("content_pack");
        let allowed =
            self.authorize(actor, Action::ManageInstruments, Target::PROGRAMME, "content_pack.list", &subject).await?;
        let mut conn = self.store.reader().await?;
        let (items, total) = content_packs::list(&mut conn, paging.to_store()).await?;
        drop(conn);
        self.audit_read(actor, allowed, "content_pack.list", &subject).await?;
        Ok(Listing::new(items, total, paging))
    }

    /// The active pack of the uniform tool in a language, if one is loaded:
    /// whether self-administration in that language is possible. Which packs
    /// are loaded is not personal data.
    pub async fn uniform_pack(&self, language: &str) -> AppResult<Option<PackSummary>> {
        let uniform = self.instruments().uniform();
        let mut conn = self.store.reader().await?;
        Ok(content_packs::active(&mut conn, &uniform.code, &uniform.version, language).await?)
    }

    /// One pack's provenance (for the result of a screening answered with
    /// it). Which packs are loaded is not personal data.
    pub async fn content_pack(&self, id: i64) -> AppResult<Option<PackSummary>> {
        let mut conn = self.store.reader().await?;
        Ok(content_packs::get(&mut conn, id).await?)
    }

    /// The wording of a stored pack.
    pub(crate) async fn pack_wording(&self, conn: &mut continuum_store::Conn, id: i64) -> AppResult<Wording> {
        let mut wording = Wording::default();
        for (kind, place, text) in content_packs::wording(conn, id).await? {
            match kind.as_str() {
                "item" => wording.items.insert(place, text),
                "option" => wording.options.insert(place, text),
                _ => return Err(AppError::Internal(anyhow::anyhow!("pack {id} holds wording of kind {kind}"))),
            };
        }
        Ok(wording)
    }
}

#[cfg(test)]
mod tests {
    //! The file format: read into a draft, or refused naming line and
    //! column. Checking against definitions is tested in the domain.

    use super::*;

    const PACK: &str = r#"
instrument = "audit_c"
version = "1"
language = "en"
source = "Test source"
rights_holder = "Test rights holder"
permission_date = 2026-01-15

[items.audit_c]
q1 = "Test wording for item 1"

[options.q1]
never = "Test option never"
"#;

    #[test]
    fn a_pack_file_is_read_into_a_draft() {
        let draft = parse_pack(PACK).expect("read");
        assert_eq!((draft.instrument.as_str(), draft.language.as_str()), ("audit_c", "en"));
        assert_eq!(draft.permission_date, "2026-01-15", "a TOML date is read as its text");
        assert_eq!(draft.items, vec![("audit_c".into(), "q1".into(), "Test wording for item 1".into())]);
        assert_eq!(draft.options, vec![("q1".into(), "never".into(), "Test option never".into())]);
        let quoted = PACK.replace("permission_date = 2026-01-15", "permission_date = \"2026-01-15\"");
        assert_eq!(parse_pack(&quoted).expect("read").permission_date, "2026-01-15");
    }

    #[test]
    fn a_file_that_is_not_a_pack_is_refused_with_line_and_column() {
        let error = parse_pack(&PACK.replace("q1 = \"Test", "q1 = Test")).expect_err("not TOML");
        let PackError::Unreadable { detail } = &error else { panic!("{error:?}") };
        assert!(detail.starts_with("line 10, column"), "{detail}");
        let error = parse_pack(&PACK.replace("source =", "sourse =")).expect_err("unknown key");
        assert!(error.to_string().contains("sourse"), "{error}");
    }

    #[test]
    fn the_demonstration_pack_words_every_item_with_our_labels() {
        let catalogue = crate::instruments::catalogue().expect("instruments");
        let assist = catalogue.uniform();
        let today = jiff::civil::date(2026, 1, 1);
        let draft = demonstration_pack(assist, Language::Fr, today);
        let pack = ContentPack::check(assist, &draft, today).expect("complete");
        assert_eq!(pack.source(), DEMONSTRATION_PROVENANCE);
        let q2 = pack.items().find(|(k, _)| k.to_string() == "alcohol.q2").map(|(_, t)| t.to_owned());
        assert_eq!(q2.as_deref(), Some("Consommation, 3 derniers mois"));
    }
}
