-- Opioid agonist treatment and transfers (issue 5, items 4 and 5): prison
-- prescriptions, OAT declared at entry with its continuity, handovers
-- between pilot prisons, and handover documents for a transfer out of the
-- programme. Doses in micrograms; dates and instants as in 0001 and 0002.

CREATE TABLE oat_prescriptions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id BIGINT NOT NULL REFERENCES people(id),
    -- The prison that wrote it (the person's then): after a transfer the
    -- sending team reads what it wrote for a while.
    site_id BIGINT NOT NULL REFERENCES sites(id),
    -- continuum_domain::oat::OatMedicine::code
    medicine TEXT NOT NULL,
    daily_dose_ug BIGINT NOT NULL,
    prescriber TEXT NOT NULL,
    start_date TEXT NOT NULL,
    stop_date TEXT,
    stop_reason TEXT,
    observed BIGINT NOT NULL,
    note TEXT,
    recorded_by BIGINT REFERENCES users(id),
    recorded_at TEXT NOT NULL,
    stopped_by BIGINT REFERENCES users(id),
    stopped_at TEXT
);
CREATE INDEX oat_prescriptions_person ON oat_prescriptions (person_id, recorded_at);

-- OAT outside, declared at entry (one per detention episode), and whether
-- it continued without interruption (indicator 6).
CREATE TABLE oat_declarations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id BIGINT NOT NULL REFERENCES people(id),
    episode_id BIGINT NOT NULL UNIQUE REFERENCES detention_episodes(id),
    site_id BIGINT NOT NULL REFERENCES sites(id),
    medicine TEXT NOT NULL,
    daily_dose_ug BIGINT NOT NULL,
    last_dose_date TEXT NOT NULL,
    prescriber TEXT,
    -- continuum_domain::oat::ContinuityClock: a prescription recorded from
    -- counts_from until deadline came in time.
    counts_from TEXT NOT NULL,
    deadline TEXT NOT NULL,
    declared_by BIGINT REFERENCES users(id),
    declared_at TEXT NOT NULL,
    continued BIGINT,
    interruption_reason TEXT,
    continuity_note TEXT,
    continuity_by BIGINT REFERENCES users(id),
    continuity_at TEXT
);
CREATE INDEX oat_declarations_person ON oat_declarations (person_id);
CREATE INDEX oat_declarations_open ON oat_declarations (deadline, person_id) WHERE continuity_at IS NULL;

-- A transfer between pilot prisons: the receiving team acknowledges it.
CREATE TABLE handovers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id BIGINT NOT NULL REFERENCES people(id),
    from_site_id BIGINT NOT NULL REFERENCES sites(id),
    to_site_id BIGINT NOT NULL REFERENCES sites(id),
    from_episode_id BIGINT NOT NULL REFERENCES detention_episodes(id),
    to_episode_id BIGINT NOT NULL REFERENCES detention_episodes(id),
    transferred_at TEXT NOT NULL,
    transferred_by BIGINT REFERENCES users(id),
    acknowledged_at TEXT,
    acknowledged_by BIGINT REFERENCES users(id)
);
CREATE INDEX handovers_person ON handovers (person_id, transferred_at);
CREATE INDEX handovers_pending_to ON handovers (to_site_id, transferred_at) WHERE acknowledged_at IS NULL;
CREATE INDEX handovers_pending_from ON handovers (from_site_id, transferred_at) WHERE acknowledged_at IS NULL;

-- Transfers made before this migration: handed over, acknowledged as made.
INSERT INTO handovers (person_id, from_site_id, to_site_id, from_episode_id, to_episode_id, transferred_at,
    acknowledged_at)
SELECT arrival.person_id, sending.site_id, arrival.site_id, sending.id, arrival.id, sending.updated_at,
    sending.updated_at
FROM detention_episodes arrival JOIN detention_episodes sending ON sending.id = arrival.transferred_from;

-- The handover document of a transfer out of the programme, as sent.
CREATE TABLE handover_documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id BIGINT NOT NULL REFERENCES people(id),
    -- The sending prison.
    site_id BIGINT NOT NULL REFERENCES sites(id),
    episode_id BIGINT NOT NULL REFERENCES detention_episodes(id),
    receiving_prison TEXT NOT NULL,
    language TEXT NOT NULL,
    transfer_date TEXT NOT NULL,
    pdf BLOB NOT NULL,
    created_by BIGINT REFERENCES users(id),
    created_at TEXT NOT NULL
);
CREATE INDEX handover_documents_person ON handover_documents (person_id);
