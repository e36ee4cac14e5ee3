-- Indexes shaped after the register's hot reads (bench/README.md, "The entry
-- register at national scale"). Same design as the SQLite migration 0008.
--
-- 0. People are listed in the order of a folded sort name
--    (continuum_domain::person::sort_name), compared byte by byte on both
--    databases. Rows that existed before this migration get
--    `lower(family given)`; the application writes the folded one from their
--    next change.
ALTER TABLE people ADD COLUMN sort_name TEXT COLLATE "C" NOT NULL DEFAULT '';
UPDATE people SET sort_name = lower(family_name || ' ' || given_names);
DROP INDEX people_site_name;
CREATE INDEX people_site_sort ON people (site_id, sort_name);

-- 1. Name search walks one site's tokens in index order: the token table
--    carries the person's site and a folded sort name (byte order, as on
--    SQLite), the person's (0).
CREATE TABLE person_search_tokens (
    site_id BIGINT NOT NULL REFERENCES sites(id),
    token TEXT COLLATE "C" NOT NULL,
    sort_name TEXT COLLATE "C" NOT NULL,
    person_id BIGINT NOT NULL REFERENCES people(id),
    PRIMARY KEY (site_id, token, sort_name, person_id)
);
INSERT INTO person_search_tokens (site_id, token, sort_name, person_id)
    SELECT p.site_id, t.token, p.sort_name, t.person_id
    FROM person_name_tokens t JOIN people p ON p.id = t.person_id;
DROP TABLE person_name_tokens;
ALTER TABLE person_search_tokens RENAME TO person_name_tokens;
ALTER INDEX person_search_tokens_pkey RENAME TO person_name_tokens_pkey;
CREATE INDEX person_name_tokens_person ON person_name_tokens (person_id, token);

-- 2. Prison numbers are compared case-insensitively.
DROP INDEX detention_episodes_number;
CREATE INDEX detention_episodes_number_folded ON detention_episodes (lower(prison_number));

-- 3. The worklist of people waiting for a screening (see the SQLite migration).
ALTER TABLE pathways ADD COLUMN waiting_since TEXT;
UPDATE pathways SET waiting_since = COALESCE(
    (SELECT e.entry_date FROM people p JOIN detention_episodes e ON e.id = p.current_episode_id
     WHERE p.id = pathways.person_id),
    substr(opened_at, 1, 10));
CREATE INDEX pathways_awaiting_screening ON pathways (site_id, waiting_since, person_id)
    WHERE state IN ('signalled', 'screening_offered');
