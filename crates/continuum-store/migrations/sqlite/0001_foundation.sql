-- Foundation: reference data, users, sessions, tokens, audit trail.
-- Flags are BIGINT 0/1 (sqlx's Any driver reads no SQLite booleans).
-- Instants are TEXT in the fixed UTC format of continuum_domain::audit::format_instant.

CREATE TABLE sites (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    languages TEXT NOT NULL,
    active BIGINT NOT NULL DEFAULT 1,
    version BIGINT NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    updated_by BIGINT
);

CREATE TABLE site_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id BIGINT NOT NULL REFERENCES sites(id),
    version BIGINT NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    languages TEXT NOT NULL,
    active BIGINT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by BIGINT,
    UNIQUE (site_id, version)
);

CREATE TABLE organisations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    languages TEXT NOT NULL,
    contact TEXT NOT NULL DEFAULT '',
    active BIGINT NOT NULL DEFAULT 1,
    version BIGINT NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    updated_by BIGINT
);
CREATE UNIQUE INDEX organisations_name_key ON organisations (lower(name));

CREATE TABLE organisation_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    version BIGINT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    languages TEXT NOT NULL,
    contact TEXT NOT NULL,
    active BIGINT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by BIGINT,
    UNIQUE (organisation_id, version)
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL,
    organisation_id BIGINT REFERENCES organisations(id),
    password_hash TEXT NOT NULL,
    active BIGINT NOT NULL DEFAULT 1,
    totp_secret TEXT,
    totp_enabled BIGINT NOT NULL DEFAULT 0,
    failed_sign_ins BIGINT NOT NULL DEFAULT 0,
    locked_until TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE role_grants (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    site_id BIGINT REFERENCES sites(id),
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX role_grants_key ON role_grants (user_id, role, COALESCE(site_id, 0));

CREATE TABLE role_settings (
    role TEXT PRIMARY KEY,
    totp_required BIGINT NOT NULL
);
INSERT INTO role_settings (role, totp_required) VALUES
    ('care_worker', 1), ('medical', 1), ('psychosocial', 0), ('prison_staff', 0),
    ('director', 0), ('coordinator', 0), ('steering_member', 0),
    ('external_provider', 0), ('researcher', 0), ('admin', 0);

CREATE TABLE sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    second_factor_pending BIGINT NOT NULL,
    site_id BIGINT REFERENCES sites(id),
    language TEXT,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    ip TEXT,
    user_agent TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE emergency_access (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id BIGINT NOT NULL REFERENCES users(id),
    site_id BIGINT NOT NULL REFERENCES sites(id),
    person_id BIGINT,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked BIGINT NOT NULL DEFAULT 0,
    reviewed_at TEXT,
    reviewed_by BIGINT REFERENCES users(id),
    review_note TEXT
);
CREATE INDEX emergency_access_user ON emergency_access (user_id, expires_at);

CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    at TEXT NOT NULL,
    user_id BIGINT,
    username TEXT,
    role TEXT,
    site TEXT,
    action TEXT NOT NULL,
    outcome TEXT NOT NULL,
    purpose TEXT NOT NULL,
    person_id BIGINT,
    resource_kind TEXT,
    resource_id TEXT,
    reason TEXT,
    ip TEXT,
    user_agent TEXT,
    request_id TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_user ON audit_log (user_id, seq);
CREATE INDEX audit_log_person ON audit_log (person_id, seq);

-- The chain head lives outside the audit table: cutting rows off the end of
-- audit_log leaves the head pointing past them.
CREATE TABLE audit_head (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL,
    claimed_at TEXT
);
INSERT INTO audit_head (id, seq, hash) VALUES
    (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
