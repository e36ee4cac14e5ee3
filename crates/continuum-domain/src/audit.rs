//! Audit entries and their hash chain.
//!
//! Every row of the audit trail carries the hash of the row before it, so a
//! row that is edited, deleted, inserted or moved breaks the chain from that
//! row on. The newest sequence number and hash are also kept outside the
//! audit table (the chain head), so cutting rows off the end is detected too.
//! An entry holds no clinical content: who, when, what kind of action, on
//! which record, with which outcome and purpose.

use std::fmt;

use jiff::Timestamp;
use sha2::{Digest, Sha256};

/// The `prev_hash` of the first row.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What came of the attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The access or change took place.
    Allowed,
    /// The access policy refused it.
    Denied,
    /// It was allowed but did not succeed (e.g. a wrong password).
    Failed,
}

impl Outcome {
    /// The stable code stored in the trail.
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Allowed => "allowed",
            Outcome::Denied => "denied",
            Outcome::Failed => "failed",
        }
    }
}

/// Why the data was accessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Care of the person.
    Treatment,
    /// Emergency access to another site's person, flagged for review.
    BreakTheGlass,
    /// Research on pseudonymised data.
    Research,
    /// Running the programme and the system.
    Administration,
    /// Signing in and out.
    Authentication,
}

impl Purpose {
    /// Every purpose.
    pub const ALL: [Purpose; 5] = [
        Purpose::Treatment,
        Purpose::BreakTheGlass,
        Purpose::Research,
        Purpose::Administration,
        Purpose::Authentication,
    ];

    /// The stable code stored in the trail.
    pub fn code(self) -> &'static str {
        match self {
            Purpose::Treatment => "treatment",
            Purpose::BreakTheGlass => "break_the_glass",
            Purpose::Research => "research",
            Purpose::Administration => "administration",
            Purpose::Authentication => "authentication",
        }
    }
}

/// Formats an instant the one way it is stored and hashed: UTC, microseconds,
/// fixed width, so that text order is time order on every database.
pub fn format_instant(at: Timestamp) -> String {
    let micros = at.as_microsecond();
    let whole = Timestamp::from_second(micros.div_euclid(1_000_000)).unwrap_or(Timestamp::UNIX_EPOCH);
    format!("{}.{:06}Z", whole.strftime("%Y-%m-%dT%H:%M:%S"), micros.rem_euclid(1_000_000))
}

/// One row of the audit trail as stored, before it is chained.
///
/// Fields are the stored text, so that the hash covers exactly what a reader
/// of the table sees.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AuditEntry {
    /// When, as [`format_instant`] writes it.
    pub at: String,
    /// The user's id, if anyone was signed in or named.
    pub user_id: Option<i64>,
    /// The username at the time.
    pub username: Option<String>,
    /// The role the access was decided under.
    pub role: Option<String>,
    /// The site acted for.
    pub site: Option<String>,
    /// What was done, e.g. `user.read` or `session.sign_in`.
    pub action: String,
    /// An [`Outcome`] code.
    pub outcome: String,
    /// A [`Purpose`] code.
    pub purpose: String,
    /// The detained person concerned, if any.
    pub person_id: Option<i64>,
    /// The kind of record concerned, e.g. `user`.
    pub resource_kind: Option<String>,
    /// The record's id.
    pub resource_id: Option<String>,
    /// A denial reason code, or the written reason of a break-the-glass.
    pub reason: Option<String>,
    /// The client's IP address.
    pub ip: Option<String>,
    /// The client's user agent.
    pub user_agent: Option<String>,
    /// The request id, to match logs.
    pub request_id: Option<String>,
}

/// A stored, chained row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainedEntry {
    /// Position in the chain, from 1, without gaps.
    pub seq: i64,
    /// The entry.
    pub entry: AuditEntry,
    /// The hash of the row before (or [`GENESIS_HASH`]).
    pub prev_hash: String,
    /// This row's hash.
    pub hash: String,
}

/// Computes the hash of a row from its position, the previous hash and its fields.
pub fn chain_hash(seq: i64, prev_hash: &str, entry: &AuditEntry) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"continuum-audit-v1");
    hasher.update(seq.to_be_bytes());
    put(&mut hasher, Some(prev_hash));
    put(&mut hasher, Some(&entry.at));
    put(&mut hasher, entry.user_id.map(|id| id.to_string()).as_deref());
    put(&mut hasher, entry.username.as_deref());
    put(&mut hasher, entry.role.as_deref());
    put(&mut hasher, entry.site.as_deref());
    put(&mut hasher, Some(&entry.action));
    put(&mut hasher, Some(&entry.outcome));
    put(&mut hasher, Some(&entry.purpose));
    put(&mut hasher, entry.person_id.map(|id| id.to_string()).as_deref());
    put(&mut hasher, entry.resource_kind.as_deref());
    put(&mut hasher, entry.resource_id.as_deref());
    put(&mut hasher, entry.reason.as_deref());
    put(&mut hasher, entry.ip.as_deref());
    put(&mut hasher, entry.user_agent.as_deref());
    put(&mut hasher, entry.request_id.as_deref());
    hex::encode(hasher.finalize())
}

/// Length-prefixes each field so that no two field lists hash alike.
fn put(hasher: &mut Sha256, field: Option<&str>) {
    match field {
        None => hasher.update(u64::MAX.to_be_bytes()),
        Some(text) => {
            hasher.update((text.len() as u64).to_be_bytes());
            hasher.update(text.as_bytes());
        }
    }
}

/// Chains a new entry after the row `(seq, hash)` (or the genesis).
pub fn chain(previous: Option<(i64, &str)>, entry: AuditEntry) -> ChainedEntry {
    let (seq, prev_hash) = match previous {
        Some((seq, hash)) => (seq + 1, hash.to_owned()),
        None => (1, GENESIS_HASH.to_owned()),
    };
    let hash = chain_hash(seq, &prev_hash, &entry);
    ChainedEntry { seq, entry, prev_hash, hash }
}

/// Where and how the chain is broken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainBreak {
    /// The row's content no longer matches its hash (edited).
    Altered {
        /// The row.
        seq: i64,
    },
    /// A row is missing, or rows were inserted or moved, before this row.
    OutOfSequence {
        /// The sequence number expected here.
        expected: i64,
        /// The sequence number found.
        found: i64,
    },
    /// The row does not follow the hash of the row before it.
    Unlinked {
        /// The row.
        seq: i64,
    },
    /// The newest rows are missing: the chain head is further than the table.
    TailCut {
        /// The last row found.
        last_seq: i64,
        /// The last row the head records.
        head_seq: i64,
    },
    /// The head records a different hash for the last row.
    HeadMismatch {
        /// The last row.
        seq: i64,
    },
}

impl ChainBreak {
    /// The first row at which the chain is broken.
    pub fn first_broken_seq(&self) -> i64 {
        match self {
            ChainBreak::Altered { seq } | ChainBreak::Unlinked { seq } | ChainBreak::HeadMismatch { seq } => *seq,
            ChainBreak::OutOfSequence { expected, .. } => *expected,
            ChainBreak::TailCut { last_seq, .. } => last_seq + 1,
        }
    }
}

impl fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChainBreak::Altered { seq } => write!(f, "row {seq} was altered: its hash does not match its content"),
            ChainBreak::OutOfSequence { expected, found } => write!(
                f,
                "row {expected} is missing or out of place (found row {found} instead): rows were deleted, inserted or moved"
            ),
            ChainBreak::Unlinked { seq } => {
                write!(f, "row {seq} does not follow the hash of the row before it")
            }
            ChainBreak::TailCut { last_seq, head_seq } => write!(
                f,
                "rows {} to {head_seq} are missing: the trail ends at row {last_seq} but its head records row {head_seq}",
                last_seq + 1
            ),
            ChainBreak::HeadMismatch { seq } => {
                write!(f, "row {seq} is not the row the chain head records")
            }
        }
    }
}

/// Incremental verifier: feed rows in sequence order, then the head.
#[derive(Debug, Default)]
pub struct ChainVerifier {
    last: Option<(i64, String)>,
    /// How many rows were checked.
    pub checked: u64,
}

impl ChainVerifier {
    /// Checks the next row.
    pub fn check(&mut self, row: &ChainedEntry) -> Result<(), ChainBreak> {
        let (expected_seq, expected_prev) = match &self.last {
            Some((seq, hash)) => (seq + 1, hash.as_str()),
            None => (1, GENESIS_HASH),
        };
        if row.seq != expected_seq {
            return Err(ChainBreak::OutOfSequence { expected: expected_seq, found: row.seq });
        }
        if chain_hash(row.seq, &row.prev_hash, &row.entry) != row.hash {
            return Err(ChainBreak::Altered { seq: row.seq });
        }
        if row.prev_hash != expected_prev {
            return Err(ChainBreak::Unlinked { seq: row.seq });
        }
        self.last = Some((row.seq, row.hash.clone()));
        self.checked += 1;
        Ok(())
    }

    /// Checks the end of the table against the chain head kept outside it.
    pub fn finish(self, head: Option<(i64, &str)>) -> Result<u64, ChainBreak> {
        let last_seq = self.last.as_ref().map_or(0, |(seq, _)| *seq);
        match head {
            None if last_seq == 0 => Ok(self.checked),
            None => Err(ChainBreak::HeadMismatch { seq: last_seq }),
            Some((head_seq, _)) if head_seq > last_seq => Err(ChainBreak::TailCut { last_seq, head_seq }),
            Some((head_seq, head_hash)) => match &self.last {
                Some((seq, hash)) if *seq == head_seq && hash == head_hash => Ok(self.checked),
                _ => Err(ChainBreak::HeadMismatch { seq: last_seq }),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn entry(action: &str) -> AuditEntry {
        AuditEntry {
            at: "2026-11-23T10:00:00.000000Z".into(),
            user_id: Some(7),
            username: Some("care_worker.has".into()),
            action: action.into(),
            outcome: Outcome::Allowed.code().into(),
            purpose: Purpose::Treatment.code().into(),
            ..AuditEntry::default()
        }
    }

    fn build(n: usize) -> Vec<ChainedEntry> {
        let mut rows: Vec<ChainedEntry> = Vec::new();
        for i in 0..n {
            let previous = rows.last().map(|r| (r.seq, r.hash.as_str()));
            rows.push(chain(previous, entry(&format!("action.{i}"))));
        }
        rows
    }

    fn verify(rows: &[ChainedEntry], head: Option<(i64, &str)>) -> Result<u64, ChainBreak> {
        let mut verifier = ChainVerifier::default();
        for row in rows {
            verifier.check(row)?;
        }
        verifier.finish(head)
    }

    fn head(rows: &[ChainedEntry]) -> Option<(i64, &str)> {
        rows.last().map(|r| (r.seq, r.hash.as_str()))
    }

    #[test]
    fn instants_are_formatted_with_microseconds_in_utc() {
        let at: Timestamp = "2026-11-23T21:05:09.1234567+01:00".parse().expect("instant");
        assert_eq!(format_instant(at), "2026-11-23T20:05:09.123456Z");
    }

    #[test]
    fn an_intact_chain_verifies() {
        let rows = build(5);
        assert_eq!(verify(&rows, head(&rows)), Ok(5));
        assert_eq!(verify(&[], None), Ok(0));
    }

    #[test]
    fn an_edited_row_is_named() {
        let mut rows = build(5);
        let last = head(&rows).map(|(s, h)| (s, h.to_owned()));
        rows[2].entry.username = Some("someone.else".into());
        let last = last.as_ref().map(|(s, h)| (*s, h.as_str()));
        assert_eq!(verify(&rows, last), Err(ChainBreak::Altered { seq: 3 }));
    }

    #[test]
    fn a_deleted_row_is_named() {
        let mut rows = build(5);
        let last = head(&rows).map(|(s, h)| (s, h.to_owned()));
        rows.remove(1);
        let last = last.as_ref().map(|(s, h)| (*s, h.as_str()));
        assert_eq!(verify(&rows, last).map_err(|b| b.first_broken_seq()), Err(2));
    }

    #[test]
    fn a_cut_tail_is_detected_through_the_head() {
        let mut rows = build(5);
        let last = head(&rows).map(|(s, h)| (s, h.to_owned()));
        rows.truncate(3);
        let last = last.as_ref().map(|(s, h)| (*s, h.as_str()));
        assert_eq!(verify(&rows, last), Err(ChainBreak::TailCut { last_seq: 3, head_seq: 5 }));
    }

    #[test]
    fn a_row_rehashed_after_editing_still_breaks_the_link_of_the_next_row() {
        let mut rows = build(4);
        let last = head(&rows).map(|(s, h)| (s, h.to_owned()));
        rows[1].entry.action = "forged".into();
        rows[1].hash = chain_hash(rows[1].seq, &rows[1].prev_hash, &rows[1].entry);
        let last = last.as_ref().map(|(s, h)| (*s, h.as_str()));
        assert_eq!(verify(&rows, last), Err(ChainBreak::Unlinked { seq: 3 }));
    }

    #[test]
    fn none_and_empty_fields_hash_differently() {
        let mut a = entry("x");
        let mut b = entry("x");
        a.reason = None;
        b.reason = Some(String::new());
        assert_ne!(chain_hash(1, GENESIS_HASH, &a), chain_hash(1, GENESIS_HASH, &b));
    }

    proptest! {
        #[test]
        fn swapping_any_two_rows_breaks_the_chain(n in 2usize..12, i in 0usize..12, j in 0usize..12) {
            let (i, j) = (i % n, j % n);
            prop_assume!(i != j);
            let mut rows = build(n);
            let last = head(&rows).map(|(s, h)| (s, h.to_owned()));
            rows.swap(i, j);
            let last = last.as_ref().map(|(s, h)| (*s, h.as_str()));
            prop_assert!(verify(&rows, last).is_err());
        }
    }
}
