-- Governance (issue 7): the central and local drug steering groups, their
-- members, meetings (agenda, attendance, minutes in versions, documents),
-- decisions and action items; the inventory of local projects and their
-- prior authorisation by the central group; and the e-mail reminders sent.
-- Instants are UTC text (continuum_domain::audit::format_instant), days
-- are YYYY-MM-DD, codes are the domain's (continuum_domain::governance).

CREATE TABLE governance_groups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    -- central, local, other
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    -- The prison of a local group (and of a further group at a prison).
    site_id BIGINT REFERENCES sites(id),
    target_per_year BIGINT NOT NULL,
    dormant_after_days BIGINT NOT NULL,
    quorum_percent BIGINT NOT NULL,
    -- The day it was created: a group that never met is dormant from it.
    created_on TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id),
    version BIGINT NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    updated_by BIGINT REFERENCES users(id)
);
-- One central group; one local group per prison.
CREATE UNIQUE INDEX governance_groups_one_central ON governance_groups (kind) WHERE kind = 'central';
CREATE UNIQUE INDEX governance_groups_one_local ON governance_groups (site_id) WHERE kind = 'local';

CREATE TABLE governance_members (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id BIGINT NOT NULL REFERENCES governance_groups(id),
    function TEXT NOT NULL,
    name TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    -- The member's staff account, when they have one.
    user_id BIGINT REFERENCES users(id),
    -- chair, secretary, member
    office TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT,
    created_at TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id),
    updated_at TEXT NOT NULL,
    updated_by BIGINT REFERENCES users(id)
);
CREATE INDEX governance_members_group ON governance_members (group_id);
CREATE INDEX governance_members_user ON governance_members (user_id);

CREATE TABLE governance_meetings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id BIGINT NOT NULL REFERENCES governance_groups(id),
    -- The iCalendar UID, for the meeting's whole life; SEQUENCE counts its changes.
    uid TEXT NOT NULL UNIQUE,
    sequence BIGINT NOT NULL DEFAULT 0,
    -- planned, held, cancelled
    status TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    duration_minutes BIGINT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    video_link TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id),
    updated_at TEXT NOT NULL,
    updated_by BIGINT REFERENCES users(id),
    -- The version of the minutes approved, and the later meeting that approved it.
    minutes_approved_version BIGINT,
    minutes_approved_at BIGINT REFERENCES governance_meetings(id),
    minutes_approved_by BIGINT REFERENCES users(id),
    minutes_approved_on TEXT
);
CREATE INDEX governance_meetings_group ON governance_meetings (group_id, starts_at);

CREATE TABLE governance_agenda_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id BIGINT NOT NULL REFERENCES governance_meetings(id),
    position BIGINT NOT NULL,
    title TEXT NOT NULL,
    UNIQUE (meeting_id, position)
);

-- Every member invited (the members on the meeting's day); attendance is
-- present, excused or absent once recorded.
CREATE TABLE governance_attendance (
    meeting_id BIGINT NOT NULL REFERENCES governance_meetings(id),
    member_id BIGINT NOT NULL REFERENCES governance_members(id),
    attendance TEXT,
    PRIMARY KEY (meeting_id, member_id)
);

-- Every version of the minutes is kept.
CREATE TABLE governance_minutes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id BIGINT NOT NULL REFERENCES governance_meetings(id),
    version BIGINT NOT NULL,
    text TEXT NOT NULL,
    written_at TEXT NOT NULL,
    written_by BIGINT REFERENCES users(id),
    UNIQUE (meeting_id, version)
);

CREATE TABLE governance_documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id BIGINT NOT NULL REFERENCES governance_meetings(id),
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    uploaded_at TEXT NOT NULL,
    uploaded_by BIGINT REFERENCES users(id)
);
CREATE INDEX governance_documents_meeting ON governance_documents (meeting_id);

CREATE TABLE governance_decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id BIGINT NOT NULL REFERENCES governance_meetings(id),
    -- The agenda item's position, if it was taken under one.
    agenda_position BIGINT,
    text TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by BIGINT REFERENCES users(id)
);
CREATE INDEX governance_decisions_meeting ON governance_decisions (meeting_id);

CREATE TABLE governance_actions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id BIGINT NOT NULL REFERENCES governance_groups(id),
    -- The meeting where it was given, and the decision it follows from.
    meeting_id BIGINT REFERENCES governance_meetings(id),
    decision_id BIGINT REFERENCES governance_decisions(id),
    title TEXT NOT NULL,
    owner_member_id BIGINT NOT NULL REFERENCES governance_members(id),
    due_date TEXT NOT NULL,
    -- open, in_progress, done, dropped
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id),
    updated_at TEXT NOT NULL,
    updated_by BIGINT REFERENCES users(id)
);
CREATE INDEX governance_actions_group ON governance_actions (group_id, status, due_date);
CREATE INDEX governance_actions_owner ON governance_actions (owner_member_id, status);

-- Every status an action took, and where (carried from meeting to meeting).
CREATE TABLE governance_action_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    action_id BIGINT NOT NULL REFERENCES governance_actions(id),
    status TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    changed_at TEXT NOT NULL,
    changed_by BIGINT REFERENCES users(id)
);
CREATE INDEX governance_action_history_action ON governance_action_history (action_id);

-- The inventory of local projects, kept by the prison's local group.
CREATE TABLE governance_projects (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id BIGINT NOT NULL REFERENCES governance_groups(id),
    site_id BIGINT NOT NULL REFERENCES sites(id),
    title TEXT NOT NULL,
    -- programme, drug_free_wing, urine_tests, peer_support, prevention, other
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    services TEXT NOT NULL DEFAULT '',
    start_date TEXT NOT NULL,
    end_date TEXT,
    -- It needs the central group's prior authorisation.
    fundamental BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id)
);
CREATE INDEX governance_projects_group ON governance_projects (group_id);

-- One request for prior authorisation per project, in its current state.
CREATE TABLE governance_authorisations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id BIGINT NOT NULL UNIQUE REFERENCES governance_projects(id),
    -- submitted, under_review, authorised, authorised_with_conditions, refused, more_information
    state TEXT NOT NULL,
    -- The day of the last submission: the request waits from it.
    submitted_on TEXT NOT NULL,
    -- The last decision: where, why, on which conditions, reviewed when.
    decided_meeting_id BIGINT REFERENCES governance_meetings(id),
    reasons TEXT NOT NULL DEFAULT '',
    conditions TEXT NOT NULL DEFAULT '',
    review_date TEXT,
    conditions_met BIGINT NOT NULL DEFAULT 0,
    version BIGINT NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    updated_by BIGINT REFERENCES users(id)
);
CREATE INDEX governance_authorisations_state ON governance_authorisations (state, submitted_on);

-- Every step of a request: submitted, resubmitted, reviewed, decided, followed up.
CREATE TABLE governance_authorisation_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    authorisation_id BIGINT NOT NULL REFERENCES governance_authorisations(id),
    step TEXT NOT NULL,
    state TEXT NOT NULL,
    meeting_id BIGINT REFERENCES governance_meetings(id),
    text TEXT NOT NULL DEFAULT '',
    conditions TEXT NOT NULL DEFAULT '',
    review_date TEXT,
    at TEXT NOT NULL,
    by_user BIGINT REFERENCES users(id)
);
CREATE INDEX governance_authorisation_events_request ON governance_authorisation_events (authorisation_id);

-- The e-mail reminders sent: at most one a day per user.
CREATE TABLE governance_reminders_sent (
    user_id BIGINT NOT NULL REFERENCES users(id),
    day TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    PRIMARY KEY (user_id, day)
);
