//! Sending a handover document and tracking its receipt (issue 6, item 6):
//! the handovers of peer systems fail silently, so a sent handover stays
//! on the sending prison's worklist until its receipt is confirmed, by the
//! receiver in the outside providers' portal or recorded by the sender.

use jiff::Timestamp;

use crate::consent::belgian_date;
use crate::validation::{self, Invalid, Problem};

/// How a handover document was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Channel {
    /// Handed over in person (to the person or the escort).
    HandedOver,
    /// Made available in the outside providers' portal.
    Portal,
    /// By post.
    Post,
    /// By secure e-mail (eHealthBox or the like).
    SecureMail,
}

impl Channel {
    /// Every channel, in the order forms offer them.
    pub const ALL: [Channel; 4] = [Channel::HandedOver, Channel::Portal, Channel::Post, Channel::SecureMail];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Channel::HandedOver => "handed_over",
            Channel::Portal => "portal",
            Channel::Post => "post",
            Channel::SecureMail => "secure_mail",
        }
    }

    /// The channel of a code.
    pub fn parse(code: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// Who confirmed a handover's receipt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReceiptBy {
    /// The receiver, in the outside providers' portal.
    Receiver,
    /// The sender, recording what the receiver told it.
    Sender,
}

impl ReceiptBy {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            ReceiptBy::Receiver => "receiver",
            ReceiptBy::Sender => "sender",
        }
    }

    /// The party of a code.
    pub fn parse(code: &str) -> Option<ReceiptBy> {
        [ReceiptBy::Receiver, ReceiptBy::Sender].into_iter().find(|r| r.code() == code)
    }
}

/// The raw fields of a sending.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SendingFields<'a> {
    /// To whom: the outside organisation or the receiving prison.
    pub sent_to: &'a str,
    /// How: a [`Channel`] code.
    pub channel: &'a str,
}

/// A sending, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendingDraft {
    /// To whom.
    pub sent_to: String,
    /// How.
    pub channel: Channel,
}

impl SendingDraft {
    /// Validates a sending; the portal is a channel only for a receiver
    /// that has one (an organisation of the directory).
    pub fn parse(fields: &SendingFields<'_>, receiver_has_portal: bool) -> Result<SendingDraft, Invalid> {
        let mut errors = Invalid::default();
        let sent_to = validation::text(&mut errors, "sent_to", fields.sent_to, 2, 200);
        let code = fields.channel.trim();
        let channel = Channel::parse(code);
        match channel {
            None if code.is_empty() => errors.push("channel", Problem::Required),
            None => errors.push("channel", Problem::InvalidFormat),
            Some(Channel::Portal) if !receiver_has_portal => errors.push("channel", Problem::NoPortal),
            Some(_) => {}
        }
        match channel {
            Some(channel) if errors.0.is_empty() => Ok(SendingDraft { sent_to, channel }),
            _ => Err(errors),
        }
    }
}

/// Whole days since a handover was sent, counted in Belgian calendar days
/// (sent yesterday evening is one day, whatever the hour now).
pub fn days_since_sending(sent_at: Timestamp, now: Timestamp) -> i64 {
    belgian_date(sent_at).until(belgian_date(now)).map(|span| i64::from(span.get_days())).unwrap_or(0).max(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields<'a>(sent_to: &'a str, channel: &'a str) -> SendingFields<'a> {
        SendingFields { sent_to, channel }
    }

    #[test]
    fn a_sending_names_the_receiver_and_a_known_channel() {
        let draft = SendingDraft::parse(&fields("  Drughulp Limburg ", "secure_mail"), false).expect("valid");
        assert_eq!(draft, SendingDraft { sent_to: "Drughulp Limburg".to_owned(), channel: Channel::SecureMail });
    }

    #[test]
    fn an_empty_receiver_and_an_unknown_channel_are_named() {
        let errors = SendingDraft::parse(&fields(" ", "pigeon"), true).expect_err("invalid");
        assert_eq!(errors.for_field("sent_to"), Some(&Problem::Required));
        assert_eq!(errors.for_field("channel"), Some(&Problem::InvalidFormat));
        let errors = SendingDraft::parse(&fields("Brugge", ""), true).expect_err("invalid");
        assert_eq!(errors.for_field("channel"), Some(&Problem::Required));
    }

    #[test]
    fn the_portal_is_a_channel_only_for_a_receiver_with_a_portal() {
        assert!(SendingDraft::parse(&fields("Drughulp", "portal"), true).is_ok());
        let errors = SendingDraft::parse(&fields("Brugge", "portal"), false).expect_err("no portal");
        assert_eq!(errors.for_field("channel"), Some(&Problem::NoPortal));
    }

    #[test]
    fn every_code_reads_back() {
        for channel in Channel::ALL {
            assert_eq!(Channel::parse(channel.code()), Some(channel));
        }
        for by in [ReceiptBy::Receiver, ReceiptBy::Sender] {
            assert_eq!(ReceiptBy::parse(by.code()), Some(by));
        }
    }

    #[test]
    fn days_since_sending_count_belgian_calendar_days() {
        let at = |s: &str| s.parse::<Timestamp>().expect("an instant");
        // 23:30 in Brussels (winter) on the 1st, read at 00:30 on the 2nd.
        assert_eq!(days_since_sending(at("2026-01-01T22:30:00Z"), at("2026-01-01T23:30:00Z")), 1);
        assert_eq!(days_since_sending(at("2026-01-01T08:00:00Z"), at("2026-01-01T20:00:00Z")), 0);
        assert_eq!(days_since_sending(at("2026-01-01T08:00:00Z"), at("2026-01-11T08:00:00Z")), 10);
        assert_eq!(days_since_sending(at("2026-01-11T08:00:00Z"), at("2026-01-01T08:00:00Z")), 0);
    }
}
