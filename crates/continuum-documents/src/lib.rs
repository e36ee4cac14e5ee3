//! Documents of Continuum as PDF, typeset with typst (fonts embedded, so a
//! document looks the same wherever it is opened and printed).
//!
//! Each document is a typst template in `templates/`, compiled into the
//! binary, and a plain Rust struct of its data. The data reach the
//! template as `sys.inputs` (a typst dictionary of strings and lists),
//! never spliced into its markup: a name such as `#exit()` or `*x*` is
//! printed as typed. Labels are translated here from the document's
//! language, as the pages translate theirs (`continuum-i18n`); codes
//! (medicines, pathway states) arrive as codes and are translated too.
//!
//! - [`handover`]: the handover of a care pathway at a transfer to a prison
//!   outside the programme (issue 5, item 5); issue 6 will extend it for
//!   the handover at release.

use std::sync::OnceLock;

use typst::foundations::{Dict, IntoValue, Value};
use typst_as_lib::{TypstEngine, TypstTemplateMainFile};

pub mod handover;

/// Why a document could not be made. Never the user's doing: a template
/// that does not compile is a programming error.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// The template did not compile.
    #[error("the document's template did not compile: {0}")]
    Template(String),
    /// The PDF could not be written.
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}

/// The fonts embedded in every document (typst's own: Libertinus Serif,
/// New Computer Modern, DejaVu Sans Mono), read once.
fn fonts() -> &'static [&'static [u8]] {
    static FONTS: OnceLock<Vec<&'static [u8]>> = OnceLock::new();
    FONTS.get_or_init(|| typst_assets::fonts().collect())
}

/// Compiles `template` with `inputs` as `sys.inputs` into a PDF.
fn pdf(engine: &TypstEngine<TypstTemplateMainFile>, inputs: Dict) -> Result<Vec<u8>, DocumentError> {
    let compiled = engine.compile_with_input(inputs);
    let document: typst_layout::PagedDocument =
        compiled.output.map_err(|error| DocumentError::Template(format!("{error:?}")))?;
    typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
        .map_err(|errors| DocumentError::Pdf(format!("{errors:?}")))
}

fn engine(template: &'static str) -> TypstEngine<TypstTemplateMainFile> {
    TypstEngine::builder().main_file(template).fonts(fonts().iter().copied()).build()
}

/// A typst dictionary from (key, value) pairs.
fn dict<const N: usize>(pairs: [(&str, Value); N]) -> Dict {
    let mut dict = Dict::new();
    for (key, value) in pairs {
        dict.insert(key.into(), value);
    }
    dict
}

/// A text as a typst value.
fn text(value: impl Into<String>) -> Value {
    value.into().into_value()
}
