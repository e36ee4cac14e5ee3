-- The entry register: people in detention, their detention episodes, and
-- the folded name tokens they are searched by (see continuum_domain::person).
-- Dates are TEXT 'YYYY-MM-DD'; instants as in 0001.

CREATE TABLE people (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    family_name TEXT NOT NULL,
    given_names TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    sex TEXT NOT NULL,
    nationality TEXT NOT NULL,
    languages TEXT NOT NULL,
    preferred_language TEXT NOT NULL,
    -- The site of the current episode: the unit of access.
    site_id BIGINT NOT NULL REFERENCES sites(id),
    current_episode_id BIGINT REFERENCES detention_episodes(id),
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by BIGINT
);
CREATE INDEX people_site_name ON people (site_id, family_name, given_names);
CREATE INDEX people_birth_date ON people (birth_date);

CREATE TABLE person_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id BIGINT NOT NULL REFERENCES people(id),
    version BIGINT NOT NULL,
    family_name TEXT NOT NULL,
    given_names TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    sex TEXT NOT NULL,
    nationality TEXT NOT NULL,
    languages TEXT NOT NULL,
    preferred_language TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by BIGINT,
    UNIQUE (person_id, version)
);

-- Byte order (SQLite's default) so that a prefix is a range the index answers.
CREATE TABLE person_name_tokens (
    token TEXT NOT NULL,
    person_id BIGINT NOT NULL REFERENCES people(id),
    PRIMARY KEY (token, person_id)
);
CREATE INDEX person_name_tokens_person ON person_name_tokens (person_id);

CREATE TABLE detention_episodes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id BIGINT NOT NULL REFERENCES people(id),
    site_id BIGINT NOT NULL REFERENCES sites(id),
    prison_number TEXT NOT NULL,
    entry_date TEXT NOT NULL,
    legal_status TEXT NOT NULL,
    expected_release TEXT,
    release_date TEXT,
    release_kind TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (site_id, prison_number, entry_date)
);
CREATE INDEX detention_episodes_person ON detention_episodes (person_id);
CREATE INDEX detention_episodes_site_entry ON detention_episodes (site_id, entry_date);
CREATE INDEX detention_episodes_number ON detention_episodes (prison_number);
