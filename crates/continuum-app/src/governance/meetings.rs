//! Meetings: planned or recorded, attendance, minutes and their approval,
//! decisions, documents, and their calendar entries.

use continuum_domain::audit::format_instant;
use continuum_domain::governance::group::Quorum;
use continuum_domain::governance::meeting::{
    Attendance, MeetingDraft, MeetingFacts, MeetingFields, MeetingStatus, check_approval, check_may_hold, day_of,
    parse_decision, parse_minutes,
};
use continuum_domain::policy::Action;
use continuum_domain::validation::{Invalid, Problem};
use continuum_store::governance::actions::{self, ActionRow};
use continuum_store::governance::groups::{self, GroupRow, MemberRow};
use continuum_store::governance::meetings::{
    self, AttendanceRow, DecisionRow, DocumentRow, MeetingRow, MinutesRow, NewDocument, NewMeeting,
};
use jiff::Timestamp;
use sha2::Digest;

use super::access::is_current;
use super::stored_instant;
use crate::access::{Allowed, Subject};
use crate::actor::Actor;
use crate::app::App;
use crate::error::{AppError, AppResult};

/// The largest document attached to a meeting, in megabytes.
pub const DOCUMENT_MAX_MB: usize = 10;
/// The same in bytes.
pub const DOCUMENT_MAX_BYTES: usize = DOCUMENT_MAX_MB * 1024 * 1024;
/// The kinds of document a meeting takes: PDF, office documents
/// (OpenDocument, Office Open XML), plain text and pictures; nothing a
/// member's computer would run.
pub const DOCUMENT_MEDIA_TYPES: &[&str] = &[
    "application/pdf",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "text/plain",
    "text/csv",
    "image/png",
    "image/jpeg",
];

/// Whether a document of `media_type` (parameters such as a charset aside)
/// may be attached.
pub fn document_type_allowed(media_type: &str) -> bool {
    let essence = media_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    DOCUMENT_MEDIA_TYPES.contains(&essence.as_str())
}

/// How far a meeting's attendance reaches its quorum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuorumState {
    /// Members present.
    pub present: usize,
    /// Members invited.
    pub invited: usize,
    /// Members needed.
    pub needed: usize,
    /// Whether the quorum is reached.
    pub met: bool,
}

/// Everything the page of a meeting shows.
#[derive(Debug, Clone)]
pub struct MeetingDetails {
    /// Its group.
    pub group: GroupRow,
    /// The meeting.
    pub meeting: MeetingRow,
    /// Its agenda.
    pub agenda: Vec<String>,
    /// Who was invited, and who came.
    pub attendance: Vec<AttendanceRow>,
    /// Its quorum, once attendance is recorded.
    pub quorum: Option<QuorumState>,
    /// Every version of its minutes, the latest first.
    pub minutes: Vec<MinutesRow>,
    /// The later meeting that approved its minutes.
    pub approved_at: Option<MeetingRow>,
    /// The later held meetings of the group, where its minutes may be approved.
    pub approvable_at: Vec<MeetingRow>,
    /// The minutes of earlier meetings still to approve (at this one).
    pub to_approve: Vec<MeetingRow>,
    /// Its decisions.
    pub decisions: Vec<DecisionRow>,
    /// The actions given at it.
    pub actions: Vec<ActionRow>,
    /// The actions still pending from earlier meetings, carried to it.
    pub carried: Vec<ActionRow>,
    /// Its documents.
    pub documents: Vec<DocumentRow>,
    /// The members on its day (owners of its actions).
    pub members: Vec<MemberRow>,
    /// Whether the actor may change it.
    pub may_manage: bool,
}

/// What a calendar needs of a meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEntry {
    /// The meeting's id.
    pub id: i64,
    /// Its stable UID.
    pub uid: String,
    /// How often it changed.
    pub sequence: i64,
    /// Its status.
    pub status: MeetingStatus,
    /// When it begins.
    pub starts_at: Timestamp,
    /// How long, in minutes.
    pub duration_minutes: i64,
    /// When it last changed.
    pub updated_at: Timestamp,
    /// Its group's name.
    pub group_name: String,
    /// Place.
    pub place: String,
    /// Video link.
    pub video_link: String,
    /// Its agenda.
    pub agenda: Vec<String>,
}

fn status_of(meeting: &MeetingRow) -> MeetingStatus {
    MeetingStatus::parse(&meeting.status).unwrap_or(MeetingStatus::Planned)
}

fn facts_of(meeting: &MeetingRow) -> MeetingFacts {
    MeetingFacts {
        group_id: meeting.group_id,
        status: status_of(meeting),
        starts_at: stored_instant(&meeting.starts_at).unwrap_or(Timestamp::UNIX_EPOCH),
    }
}

/// A random iCalendar UID (RFC 5545: globally unique, kept for the
/// meeting's life).
fn new_uid() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    format!("{}@continuum", hex::encode(bytes))
}

impl App {
    /// Looks a meeting up and asks the policy for `action` on its group.
    async fn meeting_gate(
        &self,
        actor: &Actor,
        action: Action,
        id: i64,
        event: &str,
    ) -> AppResult<(Allowed, GroupRow, MeetingRow, Subject)> {
        let mut conn = self.store.reader().await?;
        let meeting = meetings::get(&mut conn, id).await?;
        drop(conn);
        let subject = Subject::record("governance_meeting", id);
        let group_id = meeting.as_ref().map(|m| m.group_id);
        let (allowed, group, subject) = self.group_gate(actor, action, group_id, event, subject).await?;
        Ok((allowed, group, meeting.ok_or(AppError::NotFound)?, subject))
    }

    /// Plans a meeting of a group (or records one that took place); every
    /// member on its day is invited.
    pub async fn plan_meeting(&self, actor: &Actor, group_id: i64, fields: &MeetingFields<'_>) -> AppResult<i64> {
        let event = "governance.meeting.create";
        let subject = Subject::kind("governance_meeting");
        let (allowed, _, subject) =
            self.group_gate(actor, Action::ManageGovernance, Some(group_id), event, subject).await?;
        let zone = self.governance_zone();
        let draft = MeetingDraft::parse(fields, &zone, self.now())?;
        let day = day_of(draft.starts_at, &zone);
        let mut conn = self.store.reader().await?;
        let invited: Vec<i64> = groups::members(&mut conn, group_id)
            .await?
            .into_iter()
            .filter(|m| is_current(m, day))
            .map(|m| m.id)
            .collect();
        drop(conn);
        let at = format_instant(self.now());
        let starts_at = format_instant(draft.starts_at);
        let uid = new_uid();
        let meeting = NewMeeting {
            group_id,
            uid: &uid,
            status: draft.status.code(),
            starts_at: &starts_at,
            duration_minutes: draft.duration_minutes,
            place: &draft.place,
            video_link: &draft.video_link,
            at: &at,
            by: self.actor_id(actor),
        };
        let agenda: Vec<String> = draft.agenda.into_iter().map(|a| a.title).collect();
        let mut tx = self.store.begin().await?;
        let id = meetings::insert(&mut tx, &meeting, &agenda, &invited).await?;
        let subject = Subject { id: Some(id.to_string()), ..subject };
        self.audit_change(&mut tx, actor, allowed, event, &subject).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// A meeting with everything its page shows.
    pub async fn meeting_details(&self, actor: &Actor, id: i64) -> AppResult<MeetingDetails> {
        let event = "governance.meeting.read";
        let (allowed, group, meeting, subject) = self.meeting_gate(actor, Action::ViewGovernance, id, event).await?;
        let mut conn = self.store.reader().await?;
        let agenda = meetings::agenda(&mut conn, id).await?;
        let attendance = meetings::attendance(&mut conn, id).await?;
        let minutes = meetings::minutes(&mut conn, id).await?;
        let decisions = meetings::decisions(&mut conn, id).await?;
        let documents = meetings::documents(&mut conn, id).await?;
        let all = meetings::of_group(&mut conn, group.id).await?;
        let approved_at = all.iter().find(|m| Some(m.id) == meeting.minutes_approved_at).cloned();
        let held_later: Vec<MeetingRow> = all
            .iter()
            .filter(|m| m.status == MeetingStatus::Held.code() && m.starts_at > meeting.starts_at)
            .cloned()
            .collect();
        let to_approve: Vec<MeetingRow> = all
            .iter()
            .filter(|m| {
                m.status == MeetingStatus::Held.code()
                    && m.starts_at < meeting.starts_at
                    && m.minutes_approved_version.is_none()
                    && m.minutes_version > 0
            })
            .cloned()
            .collect();
        let group_actions = actions::of_group(&mut conn, group.id).await?;
        let given: Vec<ActionRow> = group_actions.iter().filter(|a| a.meeting_id == Some(id)).cloned().collect();
        let earlier: Vec<i64> = all.iter().filter(|m| m.starts_at < meeting.starts_at).map(|m| m.id).collect();
        let carried = group_actions
            .into_iter()
            .filter(|a| {
                let pending = continuum_domain::governance::action::ActionStatus::parse(&a.status)
                    .is_some_and(|s| s.is_pending());
                pending && a.meeting_id.is_none_or(|m| earlier.contains(&m))
            })
            .collect();
        let zone = self.governance_zone();
        let day = stored_instant(&meeting.starts_at).map_or(self.governance_today(), |at| day_of(at, &zone));
        let members = groups::members(&mut conn, group.id).await?.into_iter().filter(|m| is_current(m, day)).collect();
        let standing = self.standing(&mut conn, actor).await?;
        drop(conn);
        let recorded = attendance.iter().filter(|a| a.attendance.is_some()).count();
        let quorum = (status_of(&meeting) == MeetingStatus::Held && recorded > 0).then(|| {
            let rule = Quorum { percent: u32::try_from(group.quorum_percent).unwrap_or(50) };
            let present =
                attendance.iter().filter(|a| a.attendance.as_deref() == Some(Attendance::Present.code())).count();
            QuorumState {
                present,
                invited: attendance.len(),
                needed: rule.needed(attendance.len()),
                met: rule.met(present, attendance.len()),
            }
        });
        self.audit_read(actor, allowed, event, &subject).await?;
        Ok(MeetingDetails {
            may_manage: standing.may(actor, &group, Action::ManageGovernance),
            group,
            meeting,
            agenda,
            attendance,
            quorum,
            minutes,
            approved_at,
            approvable_at: held_later,
            to_approve,
            decisions,
            actions: given,
            carried,
            documents,
            members,
        })
    }

    /// Records who came: every invited member present, excused or absent.
    /// A planned meeting that has begun becomes held; a held meeting's
    /// attendance may be corrected.
    pub async fn record_attendance(&self, actor: &Actor, id: i64, attendance: &[(i64, Attendance)]) -> AppResult<()> {
        let event = "governance.meeting.hold";
        let (allowed, _, meeting, subject) = self.meeting_gate(actor, Action::ManageGovernance, id, event).await?;
        let status = status_of(&meeting);
        if status == MeetingStatus::Cancelled {
            return Err(AppError::Conflict("governance-meeting-cancelled"));
        }
        if status == MeetingStatus::Planned {
            check_may_hold(facts_of(&meeting).starts_at, self.now())
                .map_err(|problem| AppError::field("attendance", problem))?;
        }
        let mut conn = self.store.reader().await?;
        let invited = meetings::attendance(&mut conn, id).await?;
        drop(conn);
        let mut invalid = Invalid::default();
        if attendance.iter().any(|(member, _)| !invited.iter().any(|i| i.member_id == *member)) {
            invalid.push("attendance", Problem::NotAMember);
        } else if invited.iter().any(|i| !attendance.iter().any(|(member, _)| *member == i.member_id)) {
            invalid.push("attendance", Problem::Required);
        }
        if !invalid.0.is_empty() {
            return Err(AppError::Invalid(invalid));
        }
        let at = format_instant(self.now());
        let mut tx = self.store.begin().await?;
        if status == MeetingStatus::Planned
            && !meetings::set_status(&mut tx, id, "planned", "held", &at, self.actor_id(actor)).await?
        {
            return Err(AppError::Conflict("changed"));
        }
        for (member, present) in attendance {
            meetings::set_attendance(&mut tx, id, *member, present.code()).await?;
        }
        self.audit_change(&mut tx, actor, allowed, event, &subject).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Cancels a planned meeting.
    pub async fn cancel_meeting(&self, actor: &Actor, id: i64) -> AppResult<i64> {
        let event = "governance.meeting.cancel";
        let (allowed, group, _, subject) = self.meeting_gate(actor, Action::ManageGovernance, id, event).await?;
        let at = format_instant(self.now());
        let mut tx = self.store.begin().await?;
        if !meetings::set_status(&mut tx, id, "planned", "cancelled", &at, self.actor_id(actor)).await? {
            return Err(AppError::Conflict("governance-meeting-not-planned"));
        }
        self.audit_change(&mut tx, actor, allowed, event, &subject).await?;
        tx.commit().await?;
        Ok(group.id)
    }

    /// Writes a new version of a held meeting's minutes (until approved).
    pub async fn save_minutes(&self, actor: &Actor, id: i64, text: &str) -> AppResult<i64> {
        let event = "governance.minutes.write";
        let (allowed, _, meeting, subject) = self.meeting_gate(actor, Action::ManageGovernance, id, event).await?;
        let text = parse_minutes(status_of(&meeting), text)?;
        if meeting.minutes_approved_version.is_some() {
            return Err(AppError::Conflict("governance-minutes-closed"));
        }
        let mut tx = self.store.begin().await?;
        let version =
            meetings::insert_minutes(&mut tx, id, &text, &format_instant(self.now()), self.actor_id(actor)).await?;
        self.audit_change(&mut tx, actor, allowed, event, &subject).await?;
        tx.commit().await?;
        Ok(version)
    }

    /// Approves the latest version of a meeting's minutes at a later held
    /// meeting of its group.
    pub async fn approve_minutes(&self, actor: &Actor, id: i64, at_meeting: Option<i64>) -> AppResult<()> {
        let event = "governance.minutes.approve";
        let (allowed, _, meeting, subject) = self.meeting_gate(actor, Action::ManageGovernance, id, event).await?;
        if meeting.minutes_approved_version.is_some() {
            return Err(AppError::Conflict("governance-minutes-closed"));
        }
        let Some(at_id) = at_meeting else {
            return Err(AppError::field("approved_at", Problem::Required));
        };
        let mut conn = self.store.reader().await?;
        let at = meetings::get(&mut conn, at_id).await?;
        drop(conn);
        let at = at.ok_or_else(|| AppError::field("approved_at", Problem::ApprovalNotLater))?;
        check_approval(facts_of(&meeting), meeting.minutes_version > 0, facts_of(&at))
            .map_err(|(field, problem)| AppError::field(field, problem))?;
        let mut tx = self.store.begin().await?;
        let on = self.governance_today().to_string();
        if !meetings::approve_minutes(&mut tx, id, meeting.minutes_version, at_id, &on, self.actor_id(actor)).await? {
            return Err(AppError::Conflict("governance-minutes-closed"));
        }
        self.audit_change(&mut tx, actor, allowed, event, &subject).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records a decision of a held meeting, under one of its agenda items
    /// (by position) if given.
    pub async fn record_decision(&self, actor: &Actor, id: i64, text: &str, agenda_item: &str) -> AppResult<i64> {
        let event = "governance.decision.create";
        let (allowed, _, meeting, subject) = self.meeting_gate(actor, Action::ManageGovernance, id, event).await?;
        let mut conn = self.store.reader().await?;
        let items = meetings::agenda(&mut conn, id).await?.len();
        drop(conn);
        let draft = parse_decision(status_of(&meeting), items, text, agenda_item)?;
        let mut tx = self.store.begin().await?;
        let decision = meetings::insert_decision(
            &mut tx,
            id,
            draft.agenda_item,
            &draft.text,
            &format_instant(self.now()),
            self.actor_id(actor),
        )
        .await?;
        self.audit_change(&mut tx, actor, allowed, event, &subject).await?;
        tx.commit().await?;
        Ok(decision)
    }

    /// Attaches a document (an agenda's annex, a presentation) to a meeting.
    pub async fn attach_document(
        &self,
        actor: &Actor,
        id: i64,
        file_name: &str,
        media_type: &str,
        content: &[u8],
    ) -> AppResult<i64> {
        let event = "governance.document.attach";
        let (allowed, _, _, subject) = self.meeting_gate(actor, Action::ManageGovernance, id, event).await?;
        let name: String = file_name.trim().chars().filter(|c| !c.is_control()).take(200).collect();
        if content.is_empty() || name.is_empty() {
            return Err(AppError::field("document", Problem::Required));
        }
        if content.len() > DOCUMENT_MAX_BYTES {
            return Err(AppError::field("document", Problem::FileTooLarge { max_mb: DOCUMENT_MAX_MB }));
        }
        if !document_type_allowed(media_type) {
            return Err(AppError::field("document", Problem::InvalidFormat));
        }
        let media_type = media_type.trim();
        let digest = hex::encode(sha2::Sha256::digest(content));
        let at = format_instant(self.now());
        let document = NewDocument {
            meeting_id: id,
            file_name: &name,
            media_type,
            sha256: &digest,
            content,
            at: &at,
            by: self.actor_id(actor),
        };
        let mut tx = self.store.begin().await?;
        let document_id = meetings::insert_document(&mut tx, &document).await?;
        self.audit_change(&mut tx, actor, allowed, event, &subject).await?;
        tx.commit().await?;
        Ok(document_id)
    }

    /// A document of a meeting, with its content.
    pub async fn meeting_document(&self, actor: &Actor, id: i64) -> AppResult<(DocumentRow, Vec<u8>)> {
        let event = "governance.document.read";
        let mut conn = self.store.reader().await?;
        let found = meetings::document(&mut conn, id).await?;
        let group_id = match &found {
            Some((document, _)) => meetings::get(&mut conn, document.meeting_id).await?.map(|m| m.group_id),
            None => None,
        };
        drop(conn);
        let subject = Subject::record("governance_document", id);
        let (allowed, _, subject) = self.group_gate(actor, Action::ViewGovernance, group_id, event, subject).await?;
        let found = found.ok_or(AppError::NotFound)?;
        self.audit_read(actor, allowed, event, &subject).await?;
        Ok(found)
    }

    fn calendar_entry(meeting: &MeetingRow, group_name: &str, agenda: Vec<String>) -> CalendarEntry {
        CalendarEntry {
            id: meeting.id,
            uid: meeting.uid.clone(),
            sequence: meeting.sequence,
            status: status_of(meeting),
            starts_at: stored_instant(&meeting.starts_at).unwrap_or(Timestamp::UNIX_EPOCH),
            duration_minutes: meeting.duration_minutes,
            updated_at: stored_instant(&meeting.updated_at).unwrap_or(Timestamp::UNIX_EPOCH),
            group_name: group_name.to_owned(),
            place: meeting.place.clone(),
            video_link: meeting.video_link.clone(),
            agenda,
        }
    }

    /// The calendar entry of one meeting.
    pub async fn meeting_calendar(&self, actor: &Actor, id: i64) -> AppResult<CalendarEntry> {
        let event = "governance.calendar.read";
        let (allowed, group, meeting, subject) = self.meeting_gate(actor, Action::ViewGovernance, id, event).await?;
        let mut conn = self.store.reader().await?;
        let agenda = meetings::agenda(&mut conn, id).await?;
        drop(conn);
        self.audit_read(actor, allowed, event, &subject).await?;
        Ok(Self::calendar_entry(&meeting, &group.name, agenda))
    }

    /// The calendar of a group: every meeting, the latest first.
    pub async fn group_calendar(&self, actor: &Actor, group_id: i64) -> AppResult<(GroupRow, Vec<CalendarEntry>)> {
        let event = "governance.calendar.read";
        let subject = Subject::record("governance_group", group_id);
        let (allowed, group, subject) =
            self.group_gate(actor, Action::ViewGovernance, Some(group_id), event, subject).await?;
        let mut conn = self.store.reader().await?;
        let mut entries = Vec::new();
        for meeting in meetings::of_group(&mut conn, group_id).await? {
            let agenda = meetings::agenda(&mut conn, meeting.id).await?;
            entries.push(Self::calendar_entry(&meeting, &group.name, agenda));
        }
        drop(conn);
        self.audit_read(actor, allowed, event, &subject).await?;
        Ok((group, entries))
    }
}
