-- Handover sending and receipt (issue 6, item 6): when, by whom, to whom
-- and how a handover document was sent, and when and by whom its receipt
-- was confirmed (by the receiver in the outside providers' portal, or
-- recorded by the sender). Until confirmed it stays on the sending
-- prison's worklist.

-- The receiving organisation of the directory (the handover at release);
-- none for a transfer to a prison outside the programme, named only.
ALTER TABLE handover_documents ADD COLUMN organisation_id BIGINT REFERENCES organisations(id);
ALTER TABLE handover_documents ADD COLUMN sent_at TEXT;
ALTER TABLE handover_documents ADD COLUMN sent_by BIGINT REFERENCES users(id);
ALTER TABLE handover_documents ADD COLUMN sent_to TEXT;
-- continuum_domain::handover::sending::Channel::code
ALTER TABLE handover_documents ADD COLUMN sent_channel TEXT;
ALTER TABLE handover_documents ADD COLUMN received_at TEXT;
ALTER TABLE handover_documents ADD COLUMN received_by BIGINT REFERENCES users(id);
-- continuum_domain::handover::sending::ReceiptBy::code: receiver, sender
ALTER TABLE handover_documents ADD COLUMN receipt_by TEXT;
CREATE INDEX handover_documents_awaiting_receipt ON handover_documents (site_id, sent_at)
    WHERE sent_at IS NOT NULL AND received_at IS NULL;
CREATE INDEX handover_documents_organisation ON handover_documents (organisation_id, sent_at)
    WHERE organisation_id IS NOT NULL;
