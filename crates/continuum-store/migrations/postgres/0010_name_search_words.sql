-- Every row of the name index also carries all of its person's tokens, each
-- after a space (" jan peeters"), so that a search of several words checks
-- the other words on the row it already reads (LIKE '% jan%') instead of
-- looking each one up in the index again (bench/README.md, run 10).
ALTER TABLE person_name_tokens ADD COLUMN names TEXT NOT NULL DEFAULT '';
UPDATE person_name_tokens SET names = (SELECT string_agg(' ' || t.token, '' ORDER BY t.token) FROM person_name_tokens t WHERE t.person_id = person_name_tokens.person_id);
