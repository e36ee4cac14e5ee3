-- Content packs and the self-administration kiosk.
--
-- A content pack is the licensed wording of one instrument version in one
-- language, loaded by an administrator with its provenance (it is never in
-- the repository). A new pack for the same instrument, version and language
-- becomes the active one; the old one stays, marked replaced, because the
-- screenings answered with it keep pointing at it. Each screening records
-- the pack it was shown with (none in interview mode, where the interviewer
-- reads the paper form).
--
-- A kiosk session binds one tablet to one screening: the worker gets a
-- one-time pairing code (only its hash is kept), the tablet exchanges it
-- for a credential (only its hash is kept) that expires and ends with the
-- screening.

CREATE TABLE content_packs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    instrument TEXT NOT NULL,
    version TEXT NOT NULL,
    language TEXT NOT NULL,
    source TEXT NOT NULL,
    rights_holder TEXT NOT NULL,
    permission_date TEXT NOT NULL,
    digest TEXT NOT NULL,
    loaded_by BIGINT REFERENCES users(id),
    loaded_at TEXT NOT NULL,
    active BIGINT NOT NULL,
    replaced_at TEXT
);
CREATE UNIQUE INDEX content_packs_one_active ON content_packs (instrument, version, language) WHERE active = 1;

CREATE TABLE content_pack_wording (
    pack_id BIGINT NOT NULL REFERENCES content_packs(id),
    kind TEXT NOT NULL,
    place TEXT NOT NULL,
    wording TEXT NOT NULL,
    PRIMARY KEY (pack_id, kind, place)
);

ALTER TABLE screenings ADD COLUMN content_pack_id BIGINT REFERENCES content_packs(id);
ALTER TABLE screenings DROP COLUMN content_pack;

CREATE TABLE kiosk_sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    screening_id BIGINT NOT NULL REFERENCES screenings(id),
    started_by BIGINT NOT NULL REFERENCES users(id),
    started_at TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    code_expires_at TEXT NOT NULL,
    paired_at TEXT,
    token_hash TEXT UNIQUE,
    csrf_token TEXT,
    expires_at TEXT,
    last_seen_at TEXT,
    ended_at TEXT,
    end_reason TEXT
);
CREATE INDEX kiosk_sessions_code ON kiosk_sessions (code_hash);
CREATE INDEX kiosk_sessions_screening ON kiosk_sessions (screening_id);
