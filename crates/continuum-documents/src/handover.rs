//! The handover document, at a transfer to a prison outside the programme
//! and at release (issue 6, item 6): who the person is, where from and
//! where to, the care pathway as it stood, the opioid agonist treatment to
//! continue with its last dose, naloxone, the care plan's goals, the risks,
//! who to contact, and the appointment made.

use std::sync::OnceLock;

use continuum_i18n::Lang;
use typst::foundations::{IntoValue, Value};
use typst_as_lib::{TypstEngine, TypstTemplateMainFile};

use crate::{DocumentError, dict, text};

const TEMPLATE: &str = include_str!("../templates/handover.typ");

/// A step of the pathway, as codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// When (`YYYY-MM-DD HH:MM`, UTC).
    pub at: String,
    /// `continuum_domain::pathway::CommandKind::code`.
    pub command: String,
    /// The state after the step: a stage's code, `declined` or `closed`.
    pub state: String,
}

/// Why the document is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occasion {
    /// A transfer to a prison outside the programme.
    TransferOut,
    /// A release, to the outside service that takes the person up.
    Release,
}

/// A goal of the care plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Goal {
    /// What the person aims at, as written.
    pub description: String,
    /// `continuum_domain::care::GoalStatus::code`.
    pub status: String,
    /// By when, if set.
    pub target_date: Option<String>,
}

/// Someone the receiver may contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    /// The Fluent key of their role (`handover-contact-responsible`, ...).
    pub role: String,
    /// Who.
    pub name: String,
}

/// A prescription to continue, as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Medication {
    /// Medicine code (`methadone`, ...).
    pub medicine: String,
    /// Its ATC code.
    pub atc: String,
    /// Milligrams a day, as written (`80`, `0.4`).
    pub daily_dose_mg: String,
    /// Who prescribed.
    pub prescriber: String,
    /// First day.
    pub start_date: String,
    /// Last day, if stopped.
    pub stop_date: Option<String>,
    /// Doses taken under observation.
    pub observed: bool,
    /// The day of the last dose given in prison.
    pub last_dose: String,
}

/// Everything the handover document says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handover {
    /// Why it is made.
    pub occasion: Occasion,
    /// The document's language (the receiver's).
    pub language: Lang,
    /// The person's name, as the register holds it.
    pub person: String,
    /// Date of birth.
    pub birth_date: String,
    /// The prison number at the sending prison.
    pub prison_number: String,
    /// The sending prison (a pilot prison of the programme).
    pub from_prison: String,
    /// The receiving prison, or the outside service at release.
    pub to_prison: String,
    /// The day of the transfer or of the release.
    pub transfer_date: String,
    /// The pathway's state before it closed (code), if there was one.
    pub pathway_state: Option<String>,
    /// Its steps, oldest first.
    pub steps: Vec<Step>,
    /// OAT prescriptions, the newest first.
    pub medications: Vec<Medication>,
    /// OAT declared at entry, as a line (medicine and dose), if any.
    pub declared_at_entry: Option<String>,
    /// Naloxone at release (`continuum_domain::release::Naloxone::code`),
    /// once the release plan says.
    pub naloxone: Option<String>,
    /// The current care plan's goals.
    pub goals: Vec<Goal>,
    /// The risks (`continuum_domain::handover::Risk::code`).
    pub risks: Vec<String>,
    /// Who to contact at the sending prison.
    pub contacts: Vec<Contact>,
    /// The first appointment made outside, as a line (day, place).
    pub appointment: Option<String>,
    /// Who made the document (display name) and when (UTC).
    pub made_by: String,
    /// When.
    pub made_at: String,
}

fn engine() -> &'static TypstEngine<TypstTemplateMainFile> {
    static ENGINE: OnceLock<TypstEngine<TypstTemplateMainFile>> = OnceLock::new();
    ENGINE.get_or_init(|| crate::engine(TEMPLATE))
}

impl Handover {
    /// The document as a PDF.
    pub fn pdf(&self) -> Result<Vec<u8>, DocumentError> {
        crate::pdf(engine(), self.inputs())
    }

    fn t(&self, key: &str) -> Value {
        text(continuum_i18n::t(self.language, key))
    }

    /// The template's `sys.inputs`: labels in the document's language, and
    /// the data as strings.
    fn inputs(&self) -> typst::foundations::Dict {
        let lang = self.language;
        let label = |key: &str| continuum_i18n::t(lang, key);
        let (intro, to, date, state) = match self.occasion {
            Occasion::TransferOut => {
                ("handover-doc-intro", "handover-doc-to", "episode-transfer-date", "handover-doc-pathway-state")
            }
            Occasion::Release => {
                ("handover-doc-intro-release", "handover-doc-to-service", "person-release-date", "care-team-state")
            }
        };
        let labels = dict([
            ("title", self.t("handover-doc-title")),
            ("intro", self.t(intro)),
            ("person", self.t("handover-doc-person")),
            ("birth_date", self.t("person-birth-date")),
            ("prison_number", self.t("person-prison-number")),
            ("from", self.t("handover-doc-from")),
            ("to", self.t(to)),
            ("transfer_date", self.t(date)),
            ("pathway", self.t("handover-doc-pathway")),
            ("pathway_state", self.t(state)),
            ("no_pathway", self.t("handover-doc-no-pathway")),
            ("step_at", self.t("handover-doc-step-at")),
            ("step", self.t("handover-doc-step")),
            ("state", self.t("status")),
            ("oat", self.t("oat-title")),
            ("no_oat", self.t("oat-prescriptions-none")),
            ("declared", self.t("oat-declared-title")),
            ("medicine", self.t("oat-medicine")),
            ("dose", self.t("oat-daily-dose")),
            ("prescriber", self.t("oat-prescriber")),
            ("start", self.t("oat-start-date")),
            ("stop", self.t("oat-stop-date")),
            ("observed", self.t("oat-observed")),
            ("last_dose", self.t("handover-doc-last-dose")),
            ("naloxone", self.t("release-item-naloxone")),
            ("naloxone_unknown", self.t("handover-doc-naloxone-unknown")),
            ("goals", self.t("plan-goals")),
            ("no_goals", self.t("handover-doc-no-goals")),
            ("goal", self.t("plan-goal-description")),
            ("goal_status", self.t("plan-goal-status")),
            ("target_date", self.t("plan-goal-target-date")),
            ("risks", self.t("handover-doc-risks")),
            ("no_risks", self.t("handover-doc-no-risks")),
            ("contacts", self.t("handover-doc-contacts")),
            ("appointment", self.t("release-item-appointment")),
            ("no_appointment", self.t("handover-doc-no-appointment")),
            ("yes", self.t("yes")),
            ("no", self.t("no")),
            ("made", self.t("handover-doc-made")),
            ("confidential", self.t("handover-doc-confidential")),
        ]);
        let steps: Vec<Value> = self
            .steps
            .iter()
            .map(|s| {
                let state = match s.state.split_once(':') {
                    Some(("closed", reason)) => {
                        format!("{} ({})", label("pathway-state-closed"), label(&format!("pathway-closing-{reason}")))
                    }
                    Some(("declined", _)) => label("pathway-state-declined"),
                    _ => label(&format!("pathway-state-{}", s.state)),
                };
                dict([
                    ("at", text(s.at.clone())),
                    ("step", text(label(&format!("pathway-command-{}", s.command)))),
                    ("state", text(state)),
                ])
                .into_value()
            })
            .collect();
        let medications: Vec<Value> = self
            .medications
            .iter()
            .map(|m| {
                dict([
                    ("medicine", text(format!("{} ({})", label(&format!("oat-medicine-{}", m.medicine)), m.atc))),
                    ("dose", text(format!("{} mg", m.daily_dose_mg))),
                    ("prescriber", text(m.prescriber.clone())),
                    ("start", text(m.start_date.clone())),
                    ("stop", text(m.stop_date.clone().unwrap_or_default())),
                    ("observed", text(label(if m.observed { "yes" } else { "no" }))),
                    ("last_dose", text(m.last_dose.clone())),
                ])
                .into_value()
            })
            .collect();
        let goals: Vec<Value> = self
            .goals
            .iter()
            .map(|g| {
                dict([
                    ("description", text(g.description.clone())),
                    ("status", text(label(&format!("plan-goal-status-{}", g.status)))),
                    ("target_date", text(g.target_date.clone().unwrap_or_default())),
                ])
                .into_value()
            })
            .collect();
        let risks: Vec<Value> = self.risks.iter().map(|r| text(label(&format!("handover-risk-{r}")))).collect();
        let contacts: Vec<Value> = self
            .contacts
            .iter()
            .map(|c| dict([("role", text(label(&c.role))), ("name", text(c.name.clone()))]).into_value())
            .collect();
        let naloxone = self.naloxone.as_ref().map(|code| label(&format!("release-naloxone-{code}")));
        let pathway_state = self.pathway_state.as_ref().map(|code| label(&format!("pathway-state-{code}")));
        dict([
            ("lang", text(lang.code())),
            ("labels", labels.into_value()),
            ("person", text(self.person.clone())),
            ("birth_date", text(self.birth_date.clone())),
            ("prison_number", text(self.prison_number.clone())),
            ("from_prison", text(self.from_prison.clone())),
            ("to_prison", text(self.to_prison.clone())),
            ("transfer_date", text(self.transfer_date.clone())),
            ("pathway_state", text(pathway_state.unwrap_or_default())),
            ("steps", steps.into_value()),
            ("medications", medications.into_value()),
            ("declared_at_entry", text(self.declared_at_entry.clone().unwrap_or_default())),
            ("naloxone", text(naloxone.unwrap_or_default())),
            ("goals", goals.into_value()),
            ("risks", risks.into_value()),
            ("contacts", contacts.into_value()),
            ("appointment", text(self.appointment.clone().unwrap_or_default())),
            ("made", text(format!("{} · {}", self.made_by, self.made_at))),
        ])
    }
}
