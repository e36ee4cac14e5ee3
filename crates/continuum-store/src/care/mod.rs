//! The care of a person on their pathway (issue 5, items 1 to 3): intakes,
//! care plans and their versions, contacts and group sessions, and the
//! person's timeline. Every record hangs on a pathway; the person (and
//! their current site, the target of access checks) is found through it.

pub mod contacts;
pub mod intakes;
pub mod plans;
pub mod timeline;
