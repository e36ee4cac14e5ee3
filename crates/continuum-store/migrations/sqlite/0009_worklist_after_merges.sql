-- The worklist's partial index (0008) also leaves out pathways superseded by
-- a merge (0007): such a pathway is not current, whatever its state. The
-- condition must stay the one the worklist query names
-- (continuum_store::pathways::AWAITING_SCREENING_SQL).
DROP INDEX pathways_awaiting_screening;
CREATE INDEX pathways_awaiting_screening ON pathways (site_id, waiting_since, person_id)
    WHERE state IN ('signalled', 'screening_offered') AND superseded_by_merge IS NULL;
