-- Indexes shaped after the register's hot reads (bench/README.md, "The entry
-- register at national scale").
--
-- 0. People are listed in the order of a folded sort name
--    (continuum_domain::person::sort_name), compared byte by byte on both
--    databases. Rows that existed before this migration get
--    `lower(family given)`; the application writes the folded one from their
--    next change.
ALTER TABLE people ADD COLUMN sort_name TEXT NOT NULL DEFAULT '';
UPDATE people SET sort_name = lower(family_name || ' ' || given_names);
DROP INDEX people_site_name;
CREATE INDEX people_site_sort ON people (site_id, sort_name);

-- 1. Name search walks one site's tokens in index order. The token table
--    carries the person's site and a folded sort name, so a page of matches
--    is the first rows of one index range: no sort, no lookup of people who
--    are at another site. `site_id` follows the person's current site.
--    Its sort name is the person's (0).
CREATE TABLE person_search_tokens (
    site_id BIGINT NOT NULL REFERENCES sites(id),
    token TEXT NOT NULL,
    sort_name TEXT NOT NULL,
    person_id BIGINT NOT NULL REFERENCES people(id),
    PRIMARY KEY (site_id, token, sort_name, person_id)
) WITHOUT ROWID;
INSERT INTO person_search_tokens (site_id, token, sort_name, person_id)
    SELECT p.site_id, t.token, p.sort_name, t.person_id
    FROM person_name_tokens t JOIN people p ON p.id = t.person_id;
DROP TABLE person_name_tokens;
ALTER TABLE person_search_tokens RENAME TO person_name_tokens;
CREATE INDEX person_name_tokens_person ON person_name_tokens (person_id, token);

-- 2. Prison numbers are compared case-insensitively.
DROP INDEX detention_episodes_number;
CREATE INDEX detention_episodes_number_folded ON detention_episodes (lower(prison_number));

-- 3. The worklist of people waiting for a screening, longest waiting first:
--    the day each pathway's wait began, and a partial index over the waiting
--    states only. The state list must stay the one the worklist query names
--    (continuum_store::pathways::AWAITING_SCREENING_SQL; a store test checks
--    the plan uses this index).
ALTER TABLE pathways ADD COLUMN waiting_since TEXT;
UPDATE pathways SET waiting_since = COALESCE(
    (SELECT e.entry_date FROM people p JOIN detention_episodes e ON e.id = p.current_episode_id
     WHERE p.id = pathways.person_id),
    substr(opened_at, 1, 10));
CREATE INDEX pathways_awaiting_screening ON pathways (site_id, waiting_since, person_id)
    WHERE state IN ('signalled', 'screening_offered');
