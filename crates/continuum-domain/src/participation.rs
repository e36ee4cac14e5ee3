//! Participation (issue 6, item 5): whether a person takes part in the
//! programme, the one fact about the care pathway that the psychosocial
//! service may learn, and only with the person's consent.
//!
//! Rule written down: a person takes part once the intake has taken place
//! and as long as the pathway is open and not declined (stages `intake`,
//! `in care`, `release planning`, `released, in follow-up`). Before the
//! intake, while declined and once closed, the answer is only "does not
//! take part": the stage, a screening's outcome (an intake proposed means a
//! positive screening) and a closing reason are clinical content and are
//! never told.

use crate::pathway::{Stage, State};

/// Whether a person takes part in the programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Participation {
    /// The person takes part.
    TakesPart,
    /// The person does not take part (not yet, no longer, or never).
    DoesNotTakePart,
}

impl Participation {
    /// The participation a pathway state means.
    pub fn of(state: State) -> Participation {
        match state {
            State::Active(Stage::Intake | Stage::InCare | Stage::ReleasePlanning | Stage::ReleasedInFollowUp) => {
                Participation::TakesPart
            }
            State::Active(Stage::Signalled | Stage::ScreeningOffered | Stage::IntakeProposed)
            | State::Declined { .. }
            | State::Closed(_) => Participation::DoesNotTakePart,
        }
    }

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            Participation::TakesPart => "takes_part",
            Participation::DoesNotTakePart => "does_not_take_part",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pathway::ClosingReason;

    #[test]
    fn a_person_takes_part_from_the_intake_to_the_end_of_the_follow_up() {
        let taking_part: Vec<Stage> = Stage::ALL
            .into_iter()
            .filter(|s| Participation::of(State::Active(*s)) == Participation::TakesPart)
            .collect();
        assert_eq!(taking_part, [Stage::Intake, Stage::InCare, Stage::ReleasePlanning, Stage::ReleasedInFollowUp]);
    }

    #[test]
    fn a_declined_or_closed_pathway_means_no_participation_whatever_the_stage_or_reason() {
        for stage in Stage::ALL {
            assert_eq!(Participation::of(State::Declined { returns_to: stage }), Participation::DoesNotTakePart);
        }
        for reason in ClosingReason::ALL {
            assert_eq!(Participation::of(State::Closed(reason)), Participation::DoesNotTakePart);
        }
    }
}
