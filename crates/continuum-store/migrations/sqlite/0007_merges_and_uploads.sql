-- Merging duplicate people (reversible), and entry lists uploaded on a page
-- and kept until the user confirms the import.
--
-- A merge records what each record was before (the merged record's current
-- episode) and every row it moved (person_merge_moves), so that undoing it
-- restores exactly what belonged to each record. Nothing is deleted: the
-- merged record stays, marked `merged_into`; the pathways it brings are
-- kept whole but marked `superseded_by_merge`, so they are no longer current.

ALTER TABLE people ADD COLUMN merged_into BIGINT REFERENCES people(id);
CREATE INDEX people_merged_into ON people (merged_into);

CREATE TABLE person_merges (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    survivor_id BIGINT NOT NULL REFERENCES people(id),
    merged_id BIGINT NOT NULL REFERENCES people(id),
    -- The merged record's current episode before the merge.
    merged_current_episode_id BIGINT REFERENCES detention_episodes(id),
    merged_at TEXT NOT NULL,
    merged_by BIGINT REFERENCES users(id),
    undone_at TEXT,
    undone_by BIGINT REFERENCES users(id),
    CHECK (survivor_id <> merged_id)
);
CREATE INDEX person_merges_survivor ON person_merges (survivor_id);
CREATE INDEX person_merges_merged ON person_merges (merged_id);

-- kind: 'episode', 'pathway', 'screening' or 'signal'; item_id: that table's id.
CREATE TABLE person_merge_moves (
    merge_id BIGINT NOT NULL REFERENCES person_merges(id),
    kind TEXT NOT NULL,
    item_id BIGINT NOT NULL,
    PRIMARY KEY (merge_id, kind, item_id)
);

ALTER TABLE pathways ADD COLUMN superseded_by_merge BIGINT REFERENCES person_merges(id);

-- An entry list checked on a page, kept until its import is confirmed (or
-- it expires). Only the SHA-256 of the token is stored, as for sessions.
CREATE TABLE entry_list_uploads (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id),
    site_id BIGINT NOT NULL REFERENCES sites(id),
    file_name TEXT NOT NULL,
    digest TEXT NOT NULL,
    content BLOB NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX entry_list_uploads_expiry ON entry_list_uploads (expires_at);
