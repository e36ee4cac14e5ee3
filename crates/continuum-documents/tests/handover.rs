//! The handover document, read back as text (`pdftotext` from poppler-utils)
//! in each language: it says what the data say, in the receiving prison's
//! language, and prints typed text as typed, never as typst markup.

use std::io::Write;
use std::process::Command;

use continuum_documents::handover::{Contact, Goal, Handover, Medication, Occasion, Step};
use continuum_i18n::Lang;

fn sample(language: Lang, person: &str) -> Handover {
    Handover {
        occasion: Occasion::TransferOut,
        language,
        person: person.to_owned(),
        birth_date: "1979-04-04".into(),
        prison_number: "HAS-123".into(),
        from_prison: "HAS · Hasselt".into(),
        to_prison: "Brugge".into(),
        transfer_date: "2026-03-05".into(),
        pathway_state: Some("in_care".into()),
        steps: vec![
            Step { at: "2026-01-02 09:00".into(), command: "signal".into(), state: "signalled".into() },
            Step {
                at: "2026-03-05 10:00".into(),
                command: "transfer".into(),
                state: "closed:transferred_out_of_programme".into(),
            },
        ],
        medications: vec![Medication {
            medicine: "methadone".into(),
            atc: "N07BC02".into(),
            daily_dose_mg: "80".into(),
            prescriber: "Dr. Maes".into(),
            start_date: "2026-01-03".into(),
            stop_date: None,
            observed: true,
            last_dose: "2026-03-05".into(),
        }],
        declared_at_entry: Some("Methadone · 60 mg".into()),
        naloxone: None,
        goals: vec![Goal { description: "Stable dose".into(), status: "open".into(), target_date: None }],
        risks: vec!["oat_interruption".into()],
        contacts: vec![Contact { role: "handover-contact-responsible".into(), name: "Care Worker HAS".into() }],
        appointment: None,
        made_by: "Medical HAS".into(),
        made_at: "2026-03-05 10:00".into(),
    }
}

/// The text of a PDF, with its lines joined by spaces.
fn text_of(pdf: &[u8]) -> String {
    let mut file = tempfile_in_target();
    file.1.write_all(pdf).expect("written");
    let output = Command::new("pdftotext").arg(&file.0).arg("-").output().expect("pdftotext (poppler-utils) runs");
    assert!(output.status.success(), "pdftotext failed");
    std::fs::remove_file(&file.0).ok();
    String::from_utf8_lossy(&output.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

fn tempfile_in_target() -> (std::path::PathBuf, std::fs::File) {
    let path =
        std::env::temp_dir().join(format!("handover-{}-{:?}.pdf", std::process::id(), std::thread::current().id()));
    let file = std::fs::File::create(&path).expect("a temporary file");
    (path, file)
}

#[test]
fn the_handover_is_a_pdf_in_the_receiving_prisons_language() {
    for (lang, title, medicine, state) in [
        (Lang::En, "Handover of care", "Methadone (N07BC02)", "In care"),
        (Lang::Fr, "Transmission du suivi", "Méthadone (N07BC02)", "En soins"),
        (Lang::Nl, "Overdracht van de zorg", "Methadon (N07BC02)", "In zorg"),
    ] {
        let pdf = sample(lang, "PEETERS, Jan").pdf().expect("a PDF");
        assert!(pdf.starts_with(b"%PDF-"), "{lang:?}");
        let text = text_of(&pdf);
        for expected in [title, medicine, state, "PEETERS, Jan", "Brugge", "HAS-123", "80 mg", "Dr. Maes", "2026-03-05"]
        {
            assert!(text.contains(expected), "{lang:?}: {expected:?} missing from {text}");
        }
    }
}

#[test]
fn typed_text_is_printed_as_typed_never_as_markup() {
    let name = "#exit() *BOLD* $x$ [link] \\ «Éloïse»";
    let text = text_of(&sample(Lang::Fr, name).pdf().expect("a PDF"));
    assert!(text.contains("#exit() *BOLD* $x$ [link] \\ «Éloïse»"), "{text}");
}

#[test]
fn the_handover_at_release_names_naloxone_goals_risks_contacts_and_the_appointment_in_each_language() {
    for (lang, naloxone, risk, goal_status) in [
        (Lang::En, "Handed over", "High risk of overdose", "Open"),
        (Lang::Fr, "Remise", "Risque élevé de surdose", "En cours"),
        (Lang::Nl, "Meegegeven", "Hoog risico op overdosis", "Lopend"),
    ] {
        let document = Handover {
            occasion: Occasion::Release,
            naloxone: Some("handed_over".into()),
            risks: vec!["overdose_after_release".into()],
            appointment: Some("2026-04-02 · De Sleutel Gent".into()),
            to_prison: "De Sleutel".into(),
            ..sample(lang, "PEETERS, Jan")
        };
        let text = text_of(&document.pdf().expect("a PDF"));
        for expected in [
            naloxone,
            risk,
            goal_status,
            "Stable dose",
            "Care Worker HAS",
            "2026-04-02 · De Sleutel Gent",
            "De Sleutel",
        ] {
            assert!(text.contains(expected), "{lang:?}: {expected:?} missing from {text}");
        }
    }
}
