-- The care of a person on their pathway (issue 5, items 1 to 3): intakes,
-- care plans with every version, contacts and group sessions. Each record
-- hangs on the pathway it belongs to (so that merging two records of one
-- person, which moves pathways, moves it too), and keeps the site where it
-- was written. Access is checked at the person's current site.

-- An intake as recorded; an amendment is a new row that supersedes the one
-- it corrects, so every version stays. Codes: continuum_domain::care::intake.
CREATE TABLE intakes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    pathway_id BIGINT NOT NULL REFERENCES pathways(id),
    site_id BIGINT NOT NULL REFERENCES sites(id),
    amends BIGINT REFERENCES intakes(id),
    superseded_by BIGINT REFERENCES intakes(id),
    intake_date TEXT NOT NULL,
    referral_source TEXT NOT NULL,
    previous_treatment TEXT NOT NULL,
    ever_oat TEXT NOT NULL,
    primary_substance TEXT NOT NULL,
    -- Comma-separated substance codes, in the order given.
    secondary_substances TEXT NOT NULL DEFAULT '',
    route TEXT NOT NULL,
    frequency TEXT NOT NULL,
    first_use_age BIGINT,
    injecting TEXT NOT NULL,
    first_injection_age BIGINT,
    needle_sharing TEXT,
    living_with TEXT NOT NULL,
    lives_with_children TEXT NOT NULL,
    accommodation TEXT NOT NULL,
    labour_status TEXT NOT NULL,
    education TEXT NOT NULL,
    hiv_test TEXT NOT NULL,
    hcv_test TEXT NOT NULL,
    oat_outside TEXT NOT NULL,
    oat_medicine TEXT,
    -- Tenths of a milligram.
    oat_dose BIGINT,
    oat_prescriber TEXT,
    oat_last_dose_on TEXT,
    oat_last_dose_at TEXT,
    health_insurance TEXT NOT NULL,
    health TEXT NOT NULL DEFAULT '',
    social TEXT NOT NULL DEFAULT '',
    goals TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL,
    interpreter BIGINT NOT NULL DEFAULT 0,
    recorded_by BIGINT REFERENCES users(id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX intakes_pathway ON intakes (pathway_id, id);

-- One plan per pathway; its current dates (for the worklist's reviews) and
-- the version that optimistic concurrency checks.
CREATE TABLE care_plans (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    pathway_id BIGINT NOT NULL UNIQUE REFERENCES pathways(id),
    site_id BIGINT NOT NULL REFERENCES sites(id),
    version BIGINT NOT NULL DEFAULT 1,
    plan_date TEXT NOT NULL,
    review_date TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX care_plans_review ON care_plans (review_date, pathway_id);

-- Every version of a plan, whole: its dates, its goals and interventions.
CREATE TABLE care_plan_versions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id BIGINT NOT NULL REFERENCES care_plans(id),
    version BIGINT NOT NULL,
    -- continuum_domain::care::plan::PlanChange::code
    change TEXT NOT NULL,
    plan_date TEXT NOT NULL,
    review_date TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    site_id BIGINT NOT NULL REFERENCES sites(id),
    changed_by BIGINT REFERENCES users(id),
    changed_at TEXT NOT NULL,
    UNIQUE (plan_id, version)
);

CREATE TABLE care_plan_goals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_version_id BIGINT NOT NULL REFERENCES care_plan_versions(id),
    ordinal BIGINT NOT NULL,
    -- Stable across versions (g1, g2, ...).
    item_key TEXT NOT NULL,
    description TEXT NOT NULL,
    status TEXT NOT NULL,
    target_date TEXT,
    UNIQUE (plan_version_id, item_key)
);

CREATE TABLE care_plan_interventions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_version_id BIGINT NOT NULL REFERENCES care_plan_versions(id),
    ordinal BIGINT NOT NULL,
    -- Stable across versions (i1, i2, ...).
    item_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    responsible TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    status TEXT NOT NULL,
    UNIQUE (plan_version_id, item_key)
);

-- A group session, recorded once; each participant has a contact of their
-- own (below) with their attendance and note.
CREATE TABLE group_sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id BIGINT NOT NULL REFERENCES sites(id),
    held_on TEXT NOT NULL,
    duration_minutes BIGINT NOT NULL,
    kind TEXT NOT NULL,
    staff TEXT NOT NULL,
    topic TEXT NOT NULL,
    recorded_by BIGINT REFERENCES users(id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX group_sessions_site ON group_sessions (site_id, held_on);

-- A contact with one person: individual, or their part in a group session
-- (whose day, duration and kind it repeats, so a timeline reads one table).
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    pathway_id BIGINT NOT NULL REFERENCES pathways(id),
    site_id BIGINT NOT NULL REFERENCES sites(id),
    group_session_id BIGINT REFERENCES group_sessions(id),
    held_on TEXT NOT NULL,
    duration_minutes BIGINT NOT NULL,
    kind TEXT NOT NULL,
    staff TEXT NOT NULL,
    -- continuum_domain::care::contact::Attendance::code
    attendance TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    recorded_by BIGINT REFERENCES users(id),
    recorded_at TEXT NOT NULL
);
CREATE INDEX contacts_pathway ON contacts (pathway_id, held_on);
CREATE INDEX contacts_group_session ON contacts (group_session_id);
