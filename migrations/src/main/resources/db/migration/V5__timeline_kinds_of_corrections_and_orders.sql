-- The core's diagnoses gained events: a fix-less move on after a failed test backup, a switch to
-- the article's order, a correction of a recorded result, and a diagnosis reopened by a correction.
-- The timeline stores their kinds by name, like every other kind.
ALTER TABLE ticket_event DROP CONSTRAINT ticket_event_kind_check;
ALTER TABLE ticket_event ADD CONSTRAINT ticket_event_kind_check CHECK (kind IN
    ('CREATED', 'ASSIGNED', 'PRIORITY_CHANGED', 'STATUS_CHANGED', 'NOTE',
     'DIAGNOSIS_STARTED', 'STEP_RECORDED', 'VERIFIED', 'RESOLVED', 'ESCALATED',
     'WAITING_ON_APPLE', 'ABANDONED', 'RESUMED', 'REOPENED', 'CLOSED',
     'MOVED_ON', 'ORDER_CHANGED', 'CORRECTED', 'DIAGNOSIS_REOPENED'));
