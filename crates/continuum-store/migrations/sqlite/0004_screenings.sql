-- Screenings: one administration of an instrument to a person, the answers
-- saved as they are given (so nothing is lost when a connection drops), and
-- the names of "other" substances. The result is recomputed from the
-- answers with the instrument version recorded here; `positive` is kept for
-- the indicators.

CREATE TABLE screenings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id BIGINT NOT NULL REFERENCES people(id),
    site_id BIGINT NOT NULL REFERENCES sites(id),
    instrument TEXT NOT NULL,
    version TEXT NOT NULL,
    language TEXT NOT NULL,
    content_pack TEXT,
    mode TEXT NOT NULL,
    status TEXT NOT NULL,
    positive BIGINT,
    started_at TEXT NOT NULL,
    started_by BIGINT,
    completed_at TEXT,
    completed_by BIGINT,
    updated_at TEXT NOT NULL
);
CREATE INDEX screenings_person ON screenings (person_id);
CREATE INDEX screenings_site_status ON screenings (site_id, status, completed_at);

CREATE TABLE screening_answers (
    screening_id BIGINT NOT NULL REFERENCES screenings(id),
    item TEXT NOT NULL,
    option_code TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    PRIMARY KEY (screening_id, item)
);

CREATE TABLE screening_names (
    screening_id BIGINT NOT NULL REFERENCES screenings(id),
    group_code TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (screening_id, group_code)
);
