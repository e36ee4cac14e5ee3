//! The pure domain model of Continuum.
//!
//! Architecture invariant: this crate does no I/O, spawns nothing and is not
//! async. It knows nothing of SQL, HTTP or JSON. Storage, web and command line
//! are adapters around it; everything here can be tested with plain values.
//!
//! - [`account`]: staff accounts and their grants.
//! - [`ids`]: typed identifiers.
//! - [`site`]: prisons (sites), their codes and languages.
//! - [`role`]: roles and the sites they are granted for.
//! - [`policy`]: the access policy, one pure decision function.
//! - [`audit`]: audit entries and their hash chain.
//! - [`credentials`]: usernames and the password policy.
//! - [`reference`]: organisations and other reference data drafts.
//! - [`validation`]: field errors shared by every form and API call.
//! - [`emergency`]: break-the-glass rules.
//! - [`person`]: people in detention and their detention episodes; name search.
//! - [`episode`]: changes of a detention episode: release, transfer (and
//!   what they do to the care pathway).
//! - [`signal`]: signals that a person may need help.
//! - [`care`]: the care of a person on their pathway: intake (with the TDI
//!   items), care plan and its versions, contacts and group sessions.
//! - [`governance`]: steering groups, meetings, minutes, decisions, actions,
//!   local projects and their authorisation, and the groups' traffic light
//!   (issue 7).
//! - [`oat`]: opioid agonist treatment: prescriptions, OAT declared at
//!   entry and its continuity; [`handover`]: handing a pathway over at a
//!   transfer (issue 5, items 4 and 5).
//! - [`release`]: release planning, its checklist, the follow-up after
//!   release and the responsible care worker (issue 5, items 6 to 8).
//! - [`consent`]: consents and the question the policy asks of them;
//!   [`participation`]: what the psychosocial service may learn;
//!   [`directory`]: the directory of care providers (issue 6).
//! - [`referral`]: referrals to the directory's services, what they share,
//!   their status and when they are overdue (issue 6, item 3).

pub mod account;
pub mod audit;
// Care pathway: intake, care plan, contacts (issue 5, items 1 to 3).
pub mod care;
pub mod credentials;
pub mod emergency;
pub mod episode;
pub mod governance;
pub mod ids;
pub mod instrument;
pub mod pathway;
pub mod person;
pub mod policy;
pub mod reference;
// Release planning and follow-up (issue 5, items 6 to 8).
pub mod release;
pub mod role;
pub mod signal;
pub mod site;
pub mod validation;
// OAT and transfers (issue 5, items 4 and 5).
pub mod handover;
pub mod oat;
// Consent and the directory of care providers (issue 6, items 1, 2 and 5).
pub mod consent;
pub mod directory;
pub mod participation;
// Referrals (issue 6, items 3 and 4).
pub mod referral;
