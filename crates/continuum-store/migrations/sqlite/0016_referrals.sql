-- Referrals to the services of the directory (issue 6, items 3 and 4).
--
-- A referral is written as a draft by the care team of the person's prison
-- and sent to one service; the service's organisation is kept with it, as
-- its workers (users.organisation_id) read it on the strength of the
-- person's sharing consent for that organisation. Every change is a row of
-- referral_events (who, when, as which party); referrals keeps the present
-- status for lists and the worklist. The rules are the domain's
-- (continuum_domain::referral). Instants are TEXT in the fixed UTC format of
-- continuum_domain::audit::format_instant; an appointment is the Belgian
-- wall-clock time YYYY-MM-DDTHH:MM.

CREATE TABLE referrals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id BIGINT NOT NULL REFERENCES people(id),
    -- The prison that wrote it.
    site_id BIGINT NOT NULL REFERENCES sites(id),
    service_id BIGINT NOT NULL REFERENCES care_services(id),
    organisation_id BIGINT NOT NULL REFERENCES organisations(id),
    reason TEXT NOT NULL,
    -- continuum_domain::referral::Urgency::code
    urgency TEXT NOT NULL,
    -- continuum_domain::consent::Section codes shared, comma-separated.
    sections TEXT NOT NULL,
    -- The coverage warnings the writer confirmed, comma-separated codes.
    coverage_confirmed TEXT NOT NULL DEFAULT '',
    -- continuum_domain::referral::ReferralStatus::code
    status TEXT NOT NULL,
    status_since TEXT NOT NULL,
    appointment_at TEXT,
    appointment_place TEXT NOT NULL DEFAULT '',
    sent_at TEXT,
    created_at TEXT NOT NULL,
    created_by BIGINT REFERENCES users(id),
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX referrals_person ON referrals (person_id, id);
-- The outside provider's portal: the referrals to its organisation.
CREATE INDEX referrals_organisation ON referrals (organisation_id, id);
-- The worklist's overdue referrals: those waiting on the service.
CREATE INDEX referrals_status ON referrals (status, site_id);

CREATE TABLE referral_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    referral_id BIGINT NOT NULL REFERENCES referrals(id),
    -- 'create', or continuum_domain::referral::Step::code
    step TEXT NOT NULL,
    -- The status after the change.
    status TEXT NOT NULL,
    -- 'care_team' or 'provider'
    party TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    appointment_at TEXT,
    appointment_place TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    by_user BIGINT REFERENCES users(id)
);
CREATE INDEX referral_events_referral ON referral_events (referral_id, id);
