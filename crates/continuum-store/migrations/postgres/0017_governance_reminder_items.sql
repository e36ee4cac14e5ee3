-- Governance e-mail reminders (issue 7, item 6): each reminder sent, by
-- user, kind, item and day, so a second run on the same day sends nothing
-- new and a new item is still sent the day it appears.
CREATE TABLE governance_reminder_items_sent (
    user_id BIGINT NOT NULL REFERENCES users(id),
    -- action_overdue, action_due_soon, upcoming_meeting, minutes_to_approve,
    -- authorisation_waiting
    kind TEXT NOT NULL,
    -- meeting:ID, action:ID, project:ID
    item TEXT NOT NULL,
    day TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    PRIMARY KEY (user_id, kind, item, day)
);
