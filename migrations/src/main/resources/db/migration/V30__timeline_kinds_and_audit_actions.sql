-- Every feature adds timeline kinds and audit actions, and the schema lists them in CHECK
-- constraints. Each feature's migration rewrote the whole list, so the one that ran last decided;
-- this script lists every kind of TimelineKind and every action of AuditEntry.Action once more
-- (VocabularyMigrationTest keeps them equal to the code).
ALTER TABLE ticket_event DROP CONSTRAINT ticket_event_kind_check;
ALTER TABLE ticket_event ADD CONSTRAINT ticket_event_kind_check CHECK (kind IN
    ('CREATED', 'ASSIGNED', 'PRIORITY_CHANGED', 'STATUS_CHANGED', 'NOTE', 'DIAGNOSIS_STARTED',
     'STEP_RECORDED', 'VERIFIED', 'RESOLVED', 'ESCALATED', 'WAITING_ON_APPLE', 'ABANDONED',
     'RESUMED', 'REOPENED', 'CLOSED', 'MOVED_ON', 'ORDER_CHANGED', 'CORRECTED',
     'DIAGNOSIS_REOPENED', 'BACKUP_STILL_FAILING', 'CUSTOMER_RENAMED', 'INCIDENT_LINKED',
     'INCIDENT_UNLINKED', 'APPLE_RECOVERED', 'MERGED'));

ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN
    ('LOGIN', 'LOGIN_FAILED', 'LOGIN_THROTTLED', 'LOGOUT', 'ACCOUNT_CREATED', 'ROLE_CHANGED',
     'ACCOUNT_DISABLED', 'ACCOUNT_ENABLED', 'PASSWORD_RESET', 'TOKEN_CREATED', 'TOKEN_REVOKED',
     'RESULT_CORRECTED', 'PLAYBOOK_EDITED', 'PLAYBOOK_PUBLISHED', 'PLAYBOOK_IMPORTED',
     'DEVICE_MODEL_ADDED', 'INCIDENT_OPENED', 'INCIDENT_RECOVERED', 'SUGGESTION_CONFIRMED',
     'SUGGESTION_DISMISSED', 'TICKETS_MERGED'));
