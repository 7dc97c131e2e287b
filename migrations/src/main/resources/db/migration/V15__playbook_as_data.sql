-- The playbook and the device catalogue as data an administrator edits (README "Editing the
-- playbook"). The core validates; these tables only keep what it accepted.

-- Published playbook versions: immutable once written (the trigger below refuses changes), each
-- the whole content as the JSON the export gives, so a version reads back exactly as published.
CREATE TABLE playbook_version (
    version      integer      PRIMARY KEY CHECK (version >= 1),
    name         varchar(120) NOT NULL,
    content      text         NOT NULL,
    published_at timestamptz  NOT NULL DEFAULT now(),
    published_by varchar(64)  NOT NULL,
    -- how it came in: the first start's loader, a published draft, an imported file
    source       varchar(16)  NOT NULL CHECK (source IN ('BUILT_IN', 'EDITOR', 'IMPORT'))
);

CREATE FUNCTION playbook_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'playbook version % is published and cannot change', OLD.version;
END $$;
CREATE TRIGGER playbook_version_immutable BEFORE UPDATE OR DELETE ON playbook_version
    FOR EACH ROW EXECUTE FUNCTION playbook_version_immutable();

-- The one draft being edited: its content, the version it was started from, and a revision that
-- every save must name (optimistic locking: the loser of a race gets a 409 naming the winner).
CREATE TABLE playbook_draft (
    id           smallint     PRIMARY KEY CHECK (id = 1),
    based_on     integer      NOT NULL REFERENCES playbook_version (version),
    content      text         NOT NULL,
    revision     integer      NOT NULL CHECK (revision >= 1),
    updated_at   timestamptz  NOT NULL,
    updated_by   varchar(64)  NOT NULL
);

-- The iPhone models agents pick from. Rows are only added (a model never disappears from tickets
-- that name it); lastIos is set when Apple stops updating a model.
CREATE TABLE device_model (
    id        serial       PRIMARY KEY,
    name      varchar(60)  NOT NULL,
    variant   varchar(16)  NOT NULL CHECK (variant IN ('FACE_ID', 'HOME_BUTTON')),
    first_ios integer      NOT NULL CHECK (first_ios BETWEEN 1 AND 99),
    last_ios  integer      CHECK (last_ios BETWEEN first_ios AND 99),
    added_at  timestamptz  NOT NULL DEFAULT now(),
    added_by  varchar(64)  NOT NULL
);
CREATE UNIQUE INDEX device_model_name_idx ON device_model (lower(name));

-- The audit trail names the playbook's changes too.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN
    ('LOGIN', 'LOGIN_FAILED', 'LOGIN_THROTTLED', 'LOGOUT', 'ACCOUNT_CREATED', 'ROLE_CHANGED',
     'ACCOUNT_DISABLED', 'ACCOUNT_ENABLED', 'PASSWORD_RESET', 'TOKEN_CREATED', 'TOKEN_REVOKED',
     'RESULT_CORRECTED', 'PLAYBOOK_EDITED', 'PLAYBOOK_PUBLISHED', 'PLAYBOOK_IMPORTED',
     'DEVICE_MODEL_ADDED'));
