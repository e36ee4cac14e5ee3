-- The care worker responsible for a pathway, release planning and the
-- follow-up after release (issue 5, items 6 to 8; rules in
-- continuum_domain::release).

-- The responsible care worker: a user with a clinical role at the
-- pathway's site, or nobody. A move to another site clears it.
ALTER TABLE pathways ADD COLUMN responsible_user_id BIGINT REFERENCES users(id);

-- Every assignment, the current one last (user NULL: nobody).
CREATE TABLE pathway_assignments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    pathway_id BIGINT NOT NULL REFERENCES pathways(id),
    user_id BIGINT REFERENCES users(id),
    assigned_at TEXT NOT NULL,
    assigned_by BIGINT REFERENCES users(id)
);
CREATE INDEX pathway_assignments_pathway ON pathway_assignments (pathway_id, id);

-- The caseload: the pathways past the wait for a screening, by site and by
-- responsible worker. The state list must stay the one the caseload
-- queries name (continuum_store::caseload::CASELOAD_SQL).
CREATE INDEX pathways_caseload_site ON pathways (site_id, state, responsible_user_id)
    WHERE state IN ('intake_proposed', 'intake', 'in_care', 'release_planning', 'released_in_follow_up', 'declined')
    AND superseded_by_merge IS NULL;
CREATE INDEX pathways_caseload_worker ON pathways (responsible_user_id, state)
    WHERE state IN ('intake_proposed', 'intake', 'in_care', 'release_planning', 'released_in_follow_up', 'declined')
    AND superseded_by_merge IS NULL;

-- Releases still to come, by prison and day: release planning and the
-- alert of a release within 14 days without a plan.
CREATE INDEX detention_episodes_expected_open ON detention_episodes (site_id, expected_release)
    WHERE release_date IS NULL;

-- A release plan: its checklist (each item NULL until answered, codes of
-- continuum_domain::release). At most one open plan per pathway; the
-- release (or the closing) that ends it sets closed_at. A plan is "made"
-- at its first save (created_at).
CREATE TABLE release_plans (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    pathway_id BIGINT NOT NULL REFERENCES pathways(id),
    service_organisation_id BIGINT REFERENCES organisations(id),
    service_name TEXT,
    appointment_date TEXT,
    appointment_place TEXT,
    oat_bridging TEXT,
    naloxone TEXT,
    housing TEXT,
    health_insurance TEXT,
    contact TEXT,
    contact_channel TEXT,
    contact_detail TEXT,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id),
    updated_at TEXT NOT NULL,
    updated_by BIGINT REFERENCES users(id),
    closed_at TEXT
);
CREATE UNIQUE INDEX release_plans_open ON release_plans (pathway_id) WHERE closed_at IS NULL;
CREATE INDEX release_plans_pathway ON release_plans (pathway_id, id);

-- A release of a person in care, as the pathway records it: with or
-- without follow-up, the plan it ended and the checklist items missing
-- then (ChecklistItem codes, comma-separated; '' when complete).
CREATE TABLE pathway_releases (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    pathway_id BIGINT NOT NULL REFERENCES pathways(id),
    episode_id BIGINT NOT NULL REFERENCES detention_episodes(id),
    site_id BIGINT NOT NULL REFERENCES sites(id),
    release_date TEXT NOT NULL,
    with_follow_up BIGINT NOT NULL,
    plan_id BIGINT REFERENCES release_plans(id),
    missing_items TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by BIGINT REFERENCES users(id)
);
CREATE INDEX pathway_releases_pathway ON pathway_releases (pathway_id, id);
CREATE INDEX pathway_releases_site_date ON pathway_releases (site_id, release_date);

-- The follow-up contacts of a release, due 7 and 30 days after it; the
-- answer columns stay NULL until the contact is recorded.
CREATE TABLE follow_up_contacts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    release_id BIGINT NOT NULL REFERENCES pathway_releases(id),
    pathway_id BIGINT NOT NULL REFERENCES pathways(id),
    due_days BIGINT NOT NULL,
    due_date TEXT NOT NULL,
    contact_date TEXT,
    attendance TEXT,
    means TEXT,
    note TEXT,
    recorded_at TEXT,
    recorded_by BIGINT REFERENCES users(id),
    UNIQUE (release_id, due_days)
);
CREATE INDEX follow_up_contacts_pathway ON follow_up_contacts (pathway_id, due_date);
