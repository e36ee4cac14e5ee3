//! iCalendar (RFC 5545) text of governance meetings: one `.ics` per
//! meeting, and a feed per group, so members can put the meetings in their
//! own calendars (issue 7, item 2).
//!
//! Written here rather than with a crate: the few properties needed are
//! simple, and the rules that matter are tested below: CRLF line ends,
//! lines folded at 75 octets without splitting a character (§3.1), text
//! escaped (§3.3.11), times in UTC (`...Z`, §3.3.5), and a UID that stays
//! the meeting's for its whole life, with SEQUENCE counting its changes so
//! a calendar replaces its copy (a cancelled meeting is `STATUS:CANCELLED`).

use continuum_app::governance::meetings::CalendarEntry;
use continuum_domain::governance::meeting::MeetingStatus;
use jiff::Timestamp;

/// The product identifier of the calendars we write.
const PRODID: &str = "-//Continuum//Governance//EN";

/// The texts of an event, in the reader's language.
pub(crate) struct EventTexts {
    /// SUMMARY.
    pub summary: String,
    /// The heading of the agenda in DESCRIPTION.
    pub agenda: String,
    /// The label of the video link in DESCRIPTION.
    pub video: String,
}

/// A calendar of `entries`, named `name` (a group's feed) or not (one meeting).
pub(crate) fn calendar(name: Option<&str>, entries: &[(CalendarEntry, EventTexts)], now: Timestamp) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, &format!("PRODID:{PRODID}"));
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    if let Some(name) = name {
        line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    }
    for (entry, texts) in entries {
        event(&mut out, entry, texts, now);
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn event(out: &mut String, entry: &CalendarEntry, texts: &EventTexts, now: Timestamp) {
    let end =
        entry.starts_at.checked_add(jiff::SignedDuration::from_mins(entry.duration_minutes)).unwrap_or(entry.starts_at);
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{}", escape(&entry.uid)));
    line(out, &format!("DTSTAMP:{}", utc(now)));
    line(out, &format!("LAST-MODIFIED:{}", utc(entry.updated_at)));
    line(out, &format!("SEQUENCE:{}", entry.sequence));
    line(out, &format!("DTSTART:{}", utc(entry.starts_at)));
    line(out, &format!("DTEND:{}", utc(end)));
    line(out, &format!("SUMMARY:{}", escape(&texts.summary)));
    let place = if entry.place.is_empty() { &entry.video_link } else { &entry.place };
    if !place.is_empty() {
        line(out, &format!("LOCATION:{}", escape(place)));
    }
    let mut description = Vec::new();
    if !entry.agenda.is_empty() {
        description.push(format!("{}:", texts.agenda));
        description.extend(entry.agenda.iter().enumerate().map(|(n, item)| format!("{}. {item}", n + 1)));
    }
    if !entry.video_link.is_empty() {
        description.push(format!("{}: {}", texts.video, entry.video_link));
    }
    if !description.is_empty() {
        line(out, &format!("DESCRIPTION:{}", escape(&description.join("\n"))));
    }
    let status = match entry.status {
        MeetingStatus::Cancelled => "CANCELLED",
        MeetingStatus::Planned | MeetingStatus::Held => "CONFIRMED",
    };
    line(out, &format!("STATUS:{status}"));
    line(out, "TRANSP:OPAQUE");
    line(out, "END:VEVENT");
}

/// A UTC date-time in the basic form `YYYYMMDDTHHMMSSZ`.
fn utc(at: Timestamp) -> String {
    at.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// Escapes a TEXT value: backslash, semicolon, comma, and line breaks.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded at 75 octets (continuation lines start
/// with a space) without splitting a UTF-8 character, ended by CRLF.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let size = c.len_utf8();
        if width + size > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += size;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> CalendarEntry {
        CalendarEntry {
            id: 7,
            uid: "0123abcd@continuum".into(),
            sequence: 2,
            status: MeetingStatus::Planned,
            starts_at: "2026-04-14T12:00:00Z".parse().expect("instant"),
            duration_minutes: 90,
            updated_at: "2026-03-01T08:30:00Z".parse().expect("instant"),
            group_name: "Lokale stuurgroep drugs Hasselt".into(),
            place: "Zaal A, gebouw 2; eerste verdieping".into(),
            video_link: "https://video.example/abc".into(),
            agenda: vec!["Goedkeuring verslag".into(), "Drugvrije afdeling: stand van zaken".into()],
        }
    }

    fn texts() -> EventTexts {
        EventTexts {
            summary: "Vergadering: Lokale stuurgroep drugs Hasselt".into(),
            agenda: "Agenda".into(),
            video: "Videoverbinding".into(),
        }
    }

    fn now() -> Timestamp {
        "2026-03-10T09:00:00Z".parse().expect("instant")
    }

    fn unfold(text: &str) -> String {
        text.replace("\r\n ", "")
    }

    #[test]
    fn every_line_ends_with_crlf_and_no_line_is_longer_than_75_octets() {
        let text = calendar(Some("Lokale stuurgroep drugs Hasselt"), &[(entry(), texts())], now());
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'), "no bare line feed");
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        }
    }

    #[test]
    fn long_lines_are_folded_and_unfold_to_the_original_without_splitting_a_character() {
        let mut out = String::new();
        let value = format!("SUMMARY:{}", "é".repeat(60));
        line(&mut out, &value);
        assert!(out.contains("\r\n "), "folded: {out:?}");
        assert_eq!(unfold(&out), format!("{value}\r\n"));
        for part in out.split("\r\n") {
            assert!(std::str::from_utf8(part.as_bytes()).is_ok());
            assert!(part.len() <= 75);
        }
    }

    #[test]
    fn text_values_escape_commas_semicolons_backslashes_and_line_breaks() {
        assert_eq!(escape("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
        let text = unfold(&calendar(None, &[(entry(), texts())], now()));
        assert!(text.contains("LOCATION:Zaal A\\, gebouw 2\\; eerste verdieping\r\n"), "{text}");
        assert!(text.contains("DESCRIPTION:Agenda:\\n1. Goedkeuring verslag\\n2. Drugvrije afdeling: stand van zaken\\nVideoverbinding: https://video.example/abc\r\n"), "{text}");
    }

    #[test]
    fn times_are_in_utc_and_the_end_follows_from_the_duration() {
        let text = calendar(None, &[(entry(), texts())], now());
        assert!(text.contains("DTSTART:20260414T120000Z\r\n"));
        assert!(text.contains("DTEND:20260414T133000Z\r\n"));
        assert!(text.contains("DTSTAMP:20260310T090000Z\r\n"));
        assert!(!text.contains("TZID"), "no local times");
    }

    #[test]
    fn the_uid_is_the_meetings_whatever_the_moment_and_a_cancellation_says_so() {
        let first = calendar(None, &[(entry(), texts())], now());
        let later = calendar(None, &[(entry(), texts())], "2026-04-01T10:00:00Z".parse().expect("instant"));
        let uid = |text: &str| text.split("\r\n").find(|l| l.starts_with("UID:")).map(str::to_owned);
        assert_eq!(uid(&first).as_deref(), Some("UID:0123abcd@continuum"));
        assert_eq!(uid(&first), uid(&later));
        let cancelled = CalendarEntry { status: MeetingStatus::Cancelled, sequence: 3, ..entry() };
        let text = calendar(None, &[(cancelled, texts())], now());
        assert!(text.contains("STATUS:CANCELLED\r\n") && text.contains("SEQUENCE:3\r\n"));
    }

    #[test]
    fn a_feed_holds_one_event_per_meeting_and_names_the_group() {
        let second = CalendarEntry { id: 8, uid: "4567@continuum".into(), ..entry() };
        let text = calendar(Some("Centrale stuurgroep"), &[(entry(), texts()), (second, texts())], now());
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 2);
        assert!(text.contains("X-WR-CALNAME:Centrale stuurgroep\r\n"));
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    }
}
