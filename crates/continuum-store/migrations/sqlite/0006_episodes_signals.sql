-- Detention episodes after entry (changes, releases, transfers, each kept
-- as a version) and signals that a person may need help.

ALTER TABLE detention_episodes ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
-- For an episode opened by a transfer: the episode the transfer ended.
ALTER TABLE detention_episodes ADD COLUMN transferred_from BIGINT REFERENCES detention_episodes(id);

-- Every version of an episode, the first included.
CREATE TABLE episode_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    episode_id BIGINT NOT NULL REFERENCES detention_episodes(id),
    version BIGINT NOT NULL,
    -- What made this version: created, updated, released, transferred.
    change TEXT NOT NULL,
    legal_status TEXT NOT NULL,
    expected_release TEXT,
    release_date TEXT,
    release_kind TEXT,
    changed_at TEXT NOT NULL,
    changed_by BIGINT,
    UNIQUE (episode_id, version)
);

INSERT INTO episode_history (episode_id, version, change, legal_status, expected_release, release_date,
    release_kind, changed_at, changed_by)
SELECT id, 1, 'created', legal_status, expected_release, release_date, release_kind, created_at, NULL
FROM detention_episodes;

CREATE TABLE signals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id BIGINT NOT NULL REFERENCES sites(id),
    -- continuum_domain::pathway::SignalSource::code
    source TEXT NOT NULL,
    -- The person as the signaller named them: a prison officer cannot look
    -- them up, so the prison number and the name are kept as typed.
    prison_number TEXT NOT NULL,
    name TEXT NOT NULL,
    reason TEXT NOT NULL,
    signalled_by BIGINT REFERENCES users(id),
    signalled_at TEXT NOT NULL,
    -- The person in the register, once matched by the care team.
    person_id BIGINT REFERENCES people(id),
    linked_by BIGINT REFERENCES users(id),
    linked_at TEXT,
    -- Acknowledged by the care team ("received").
    received_by BIGINT REFERENCES users(id),
    received_at TEXT
);
CREATE INDEX signals_site_received ON signals (site_id, received_at, signalled_at);
CREATE INDEX signals_signalled_by ON signals (signalled_by, id);
CREATE INDEX signals_person ON signals (person_id);

-- Every pathway so far was opened by an entry: its signal, received at once.
INSERT INTO signals (site_id, source, prison_number, name, reason, signalled_by, signalled_at, person_id,
    linked_by, linked_at, received_by, received_at)
SELECT t.site_id, 'entry',
    COALESCE((SELECT e.prison_number FROM detention_episodes e WHERE e.person_id = w.person_id
        ORDER BY e.id LIMIT 1), ''),
    '', '', t.who, t.at, w.person_id, t.who, t.at, t.who, t.at
FROM pathway_transitions t JOIN pathways w ON w.id = t.pathway_id
WHERE t.seq = 1 AND t.command = 'signal' AND t.detail LIKE 'source=entry;%';
