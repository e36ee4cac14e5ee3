-- Care pathways: the current state of each (for worklists) and the log of
-- every transition (who, when, why), from which the domain can replay it.

CREATE TABLE pathways (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id BIGINT NOT NULL REFERENCES people(id),
    site_id BIGINT NOT NULL REFERENCES sites(id),
    -- continuum_domain::pathway::State::code
    state TEXT NOT NULL,
    -- The stage a declined person returns to; the reason of a closed pathway.
    returns_to TEXT,
    closing_reason TEXT,
    opened_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX pathways_site_state ON pathways (site_id, state);
CREATE INDEX pathways_person ON pathways (person_id);

CREATE TABLE pathway_transitions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    pathway_id BIGINT NOT NULL REFERENCES pathways(id),
    seq BIGINT NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    -- continuum_domain::pathway::CommandKind::code, and its details
    command TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '',
    site_id BIGINT NOT NULL REFERENCES sites(id),
    who BIGINT,
    at TEXT NOT NULL,
    why TEXT,
    UNIQUE (pathway_id, seq)
);
