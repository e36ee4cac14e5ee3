-- Consent and the directory of care providers (issue 6, items 1, 2 and 5).
--
-- A consent is recorded once and never changed: only its withdrawal is
-- added (when, by whom, why). What decides whether it counts is the
-- domain's (continuum_domain::consent::check), asked on every read.
-- Dates are YYYY-MM-DD (Belgian calendar days); instants are TEXT in the
-- fixed UTC format of continuum_domain::audit::format_instant.

CREATE TABLE consents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id BIGINT NOT NULL REFERENCES people(id),
    -- continuum_domain::consent::ConsentKind::code
    kind TEXT NOT NULL,
    -- 'granted' or 'refused'
    decision TEXT NOT NULL,
    given_on TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_until TEXT,
    -- ISO 639-1 code of the language the consent was explained in.
    explanation_language TEXT NOT NULL,
    -- Sharing only: 'psychosocial_service' or 'organisation' (and which),
    -- the purpose code, and the Section codes covered, comma-separated.
    recipient_kind TEXT,
    recipient_organisation_id BIGINT REFERENCES organisations(id),
    purpose TEXT,
    sections TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL,
    recorded_by BIGINT REFERENCES users(id),
    withdrawn_at TEXT,
    withdrawn_by BIGINT REFERENCES users(id),
    withdrawal_reason TEXT
);
CREATE INDEX consents_person ON consents (person_id, id);
-- The psychosocial service's list starts from the people who shared with it.
CREATE INDEX consents_recipient ON consents (recipient_kind, person_id);

-- Scanned signed consent forms (PDF). A new upload for the same consent is
-- added; the latest is the one shown, the earlier ones stay.
CREATE TABLE consent_forms (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    consent_id BIGINT NOT NULL REFERENCES consents(id),
    file_name TEXT NOT NULL,
    digest TEXT NOT NULL,
    size BIGINT NOT NULL,
    content BLOB NOT NULL,
    uploaded_at TEXT NOT NULL,
    uploaded_by BIGINT REFERENCES users(id)
);
CREATE INDEX consent_forms_consent ON consent_forms (consent_id, id);

-- The services of the directory's organisations (organisations holds the
-- organisations themselves), every version kept.
CREATE TABLE care_services (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    -- continuum_domain::directory::ServiceKind::code
    kind TEXT NOT NULL,
    languages TEXT NOT NULL,
    address TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    website TEXT NOT NULL DEFAULT '',
    -- continuum_domain::directory::OpeningHours::to_stored
    opening_hours TEXT NOT NULL DEFAULT '',
    hours_note TEXT NOT NULL DEFAULT '',
    active BIGINT NOT NULL DEFAULT 1,
    version BIGINT NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    updated_by BIGINT REFERENCES users(id)
);
CREATE UNIQUE INDEX care_services_name_key ON care_services (organisation_id, lower(name));
CREATE INDEX care_services_kind ON care_services (kind);

-- The prisons a service covers.
CREATE TABLE care_service_sites (
    service_id BIGINT NOT NULL REFERENCES care_services(id),
    site_id BIGINT NOT NULL REFERENCES sites(id),
    PRIMARY KEY (service_id, site_id)
);
CREATE INDEX care_service_sites_site ON care_service_sites (site_id, service_id);

CREATE TABLE care_service_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    service_id BIGINT NOT NULL REFERENCES care_services(id),
    version BIGINT NOT NULL,
    organisation_id BIGINT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    languages TEXT NOT NULL,
    -- The codes of the prisons covered then, comma-separated.
    sites TEXT NOT NULL,
    address TEXT NOT NULL,
    phone TEXT NOT NULL,
    email TEXT NOT NULL,
    website TEXT NOT NULL,
    opening_hours TEXT NOT NULL,
    hours_note TEXT NOT NULL,
    active BIGINT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by BIGINT,
    UNIQUE (service_id, version)
);
