-- Administrators edit a device model's family and iOS range, and retire a model new tickets should
-- no longer name (README "Editing the playbook"). A retired row stays: tickets that name the model
-- keep their instructions and reports keep counting it.
ALTER TABLE device_model
    ADD COLUMN retired_at timestamptz,
    ADD COLUMN retired_by varchar(64),
    -- every change names the revision the editor saw (a stale one is a 409 naming the winner), and
    -- the sum of revisions is part of the catalogue's fingerprint, so each app instance sees an
    -- edit on its next read without a message between instances
    ADD COLUMN revision   integer     NOT NULL DEFAULT 1 CHECK (revision >= 1),
    ADD COLUMN changed_at timestamptz,
    ADD COLUMN changed_by varchar(64),
    ADD CONSTRAINT device_model_retired_check CHECK ((retired_at IS NULL) = (retired_by IS NULL));

UPDATE device_model SET changed_at = added_at, changed_by = added_by;
ALTER TABLE device_model
    ALTER COLUMN changed_at SET NOT NULL,
    ALTER COLUMN changed_at SET DEFAULT now(),
    ALTER COLUMN changed_by SET NOT NULL;

-- The full list again, as V30 explains: this one adds DEVICE_MODEL_CHANGED, DEVICE_MODEL_RETIRED
-- and DEVICE_MODEL_RESTORED.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN
    ('LOGIN', 'LOGIN_FAILED', 'LOGIN_THROTTLED', 'LOGOUT', 'ACCOUNT_CREATED', 'ROLE_CHANGED',
     'ACCOUNT_DISABLED', 'ACCOUNT_ENABLED', 'PASSWORD_RESET', 'TOKEN_CREATED', 'TOKEN_REVOKED',
     'RESULT_CORRECTED', 'PLAYBOOK_EDITED', 'PLAYBOOK_PUBLISHED', 'PLAYBOOK_IMPORTED',
     'DEVICE_MODEL_ADDED', 'INCIDENT_OPENED', 'INCIDENT_RECOVERED', 'SUGGESTION_CONFIRMED',
     'SUGGESTION_DISMISSED', 'TICKETS_MERGED', 'DEVICE_MODEL_CHANGED', 'DEVICE_MODEL_RETIRED',
     'DEVICE_MODEL_RESTORED'));
