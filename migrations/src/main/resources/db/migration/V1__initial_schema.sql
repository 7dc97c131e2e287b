-- Backup Desk schema, version 1.
-- Flyway owns the schema: Hibernate only validates against it. Every enumerated column has a
-- CHECK that mirrors the enum of diagnostics-core, so a bad value is refused by the database too.
-- People are referenced by their immutable user name, which keeps exports and the timeline
-- readable without joins.

CREATE TABLE agent (
    id            bigserial    PRIMARY KEY,
    username      varchar(64)  NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]*$'),
    display_name  varchar(120) NOT NULL CHECK (length(btrim(display_name)) > 0),
    email         varchar(254),
    role          varchar(16)  NOT NULL DEFAULT 'agent' CHECK (role IN ('agent', 'supervisor', 'admin')),
    password_hash varchar(100),
    enabled       boolean      NOT NULL DEFAULT true,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    version       integer      NOT NULL DEFAULT 0
);

CREATE TABLE customer (
    id         bigserial    PRIMARY KEY,
    name       varchar(120) NOT NULL CHECK (length(btrim(name)) > 0),
    email      varchar(254) NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$'),
    phone      varchar(40),
    created_at timestamptz  NOT NULL DEFAULT now(),
    updated_at timestamptz  NOT NULL DEFAULT now(),
    version    integer      NOT NULL DEFAULT 0,
    -- Full-text search for the queue's free-text filter without a trigram extension.
    search     tsvector     GENERATED ALWAYS AS (to_tsvector('simple', name || ' ' || email)) STORED
);
-- A customer is recognised by e-mail, whatever its case.
CREATE UNIQUE INDEX customer_email_key ON customer (lower(email));
CREATE INDEX customer_search_idx ON customer USING gin (search);

CREATE TABLE ticket (
    id           bigserial    PRIMARY KEY,
    customer_id  bigint       NOT NULL REFERENCES customer (id),
    subject      varchar(200) NOT NULL CHECK (length(btrim(subject)) > 0),
    description  text         NOT NULL DEFAULT '',
    device_model varchar(60)  NOT NULL,
    ios_version  varchar(20)  NOT NULL,
    -- Reports group by iOS major version; derive it once so it can be indexed.
    ios_major    integer     GENERATED ALWAYS AS (substring(ios_version FROM '(\d+)')::integer) STORED,
    channel      varchar(8)   NOT NULL CHECK (channel IN ('PHONE', 'CHAT', 'EMAIL')),
    priority     varchar(8)   NOT NULL DEFAULT 'NORMAL' CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    status       varchar(24)  NOT NULL DEFAULT 'NEW' CHECK (status IN
                     ('NEW', 'IN_DIAGNOSIS', 'WAITING_ON_CUSTOMER', 'WAITING_ON_APPLE', 'RESOLVED', 'ESCALATED', 'CLOSED')),
    assignee     varchar(64)  REFERENCES agent (username),
    created_by   varchar(64)  NOT NULL REFERENCES agent (username),
    created_at   timestamptz  NOT NULL DEFAULT now(),
    updated_at   timestamptz  NOT NULL DEFAULT now(),
    resolved_at  timestamptz,
    closed_at    timestamptz,
    version      integer      NOT NULL DEFAULT 0,
    search       tsvector     GENERATED ALWAYS AS (to_tsvector('simple', subject)) STORED,
    CHECK (updated_at >= created_at)
);
-- The queue: filter by status or assignee, newest activity first, keyset-paginated on (updated_at, id).
CREATE INDEX ticket_queue_idx ON ticket (updated_at DESC, id DESC);
CREATE INDEX ticket_status_queue_idx ON ticket (status, updated_at DESC, id DESC);
CREATE INDEX ticket_assignee_queue_idx ON ticket (assignee, updated_at DESC, id DESC);
CREATE INDEX ticket_priority_queue_idx ON ticket (priority, updated_at DESC, id DESC);
CREATE INDEX ticket_customer_idx ON ticket (customer_id, created_at DESC);
CREATE INDEX ticket_created_idx ON ticket (created_at);
CREATE INDEX ticket_search_idx ON ticket USING gin (search);

CREATE TABLE diagnosis (
    id                      bigserial   PRIMARY KEY,
    ticket_id               bigint      NOT NULL REFERENCES ticket (id),
    -- 1 for the ticket's first diagnosis: first-contact resolution is "resolved at attempt 1".
    attempt                 integer    NOT NULL CHECK (attempt >= 1),
    playbook_version        integer    NOT NULL CHECK (playbook_version >= 1),
    device_model            varchar(60) NOT NULL,
    ios_version             varchar(20) NOT NULL,
    status                  varchar(24) NOT NULL CHECK (status IN
                                ('IN_PROGRESS', 'AWAITING_VERIFICATION', 'RESOLVED', 'ESCALATED', 'WAITING_ON_APPLE', 'ABANDONED')),
    status_before_abandon   varchar(24) CHECK (status_before_abandon IN ('IN_PROGRESS', 'AWAITING_VERIFICATION')),
    current_step            integer    CHECK (current_step BETWEEN 1 AND 9),
    current_step_started_at timestamptz,
    resolved_step_key       varchar(40),
    resolved_step_number    integer    CHECK (resolved_step_number BETWEEN 1 AND 9),
    resolved_fix_key        varchar(40),
    escalation_target       varchar(16) CHECK (escalation_target IN ('TIER_2', 'APPLE_SUPPORT', 'COMPUTER_BACKUP')),
    escalation_reason       varchar(2000),
    escalation_automatic    boolean,
    started_at              timestamptz NOT NULL,
    started_by              varchar(64) NOT NULL REFERENCES agent (username),
    ended_at                timestamptz,
    updated_at              timestamptz NOT NULL DEFAULT now(),
    version                 integer     NOT NULL DEFAULT 0,
    UNIQUE (ticket_id, attempt),
    CHECK ((status = 'RESOLVED') = (resolved_fix_key IS NOT NULL AND resolved_step_number IS NOT NULL)),
    CHECK ((status = 'ESCALATED') = (escalation_target IS NOT NULL AND escalation_reason IS NOT NULL)),
    CHECK ((status = 'ABANDONED') = (status_before_abandon IS NOT NULL)),
    CHECK ((status IN ('RESOLVED', 'ESCALATED', 'WAITING_ON_APPLE')) = (ended_at IS NOT NULL)),
    CHECK (ended_at IS NULL OR ended_at >= started_at)
);
-- At most one diagnosis of a ticket is still open (in progress, awaiting verification or abandoned).
CREATE UNIQUE INDEX diagnosis_one_open_per_ticket ON diagnosis (ticket_id)
    WHERE status IN ('IN_PROGRESS', 'AWAITING_VERIFICATION', 'ABANDONED');
CREATE INDEX diagnosis_started_idx ON diagnosis (started_at);
CREATE INDEX diagnosis_resolution_idx ON diagnosis (ended_at, resolved_step_number, resolved_fix_key)
    WHERE status = 'RESOLVED';
CREATE INDEX diagnosis_updated_idx ON diagnosis (updated_at, id);

CREATE TABLE step_result (
    id             bigserial    PRIMARY KEY,
    diagnosis_id   bigint       NOT NULL REFERENCES diagnosis (id),
    step_key       varchar(40)  NOT NULL,
    step_number    integer     NOT NULL CHECK (step_number BETWEEN 1 AND 9),
    step_version   integer     NOT NULL CHECK (step_version >= 1),
    outcome        varchar(16)  NOT NULL CHECK (outcome IN ('NOTHING_WRONG', 'FIXED', 'SKIPPED', 'NOT_APPLICABLE', 'OUTAGE')),
    fix_option_key varchar(40),
    skip_reason    varchar(2000),
    note           varchar(4000),
    consent_given  boolean      NOT NULL DEFAULT false,
    verification   varchar(16)  CHECK (verification IN ('PENDING', 'BACKUP_COMPLETED', 'STILL_FAILING')),
    started_at     timestamptz  NOT NULL,
    ended_at       timestamptz  NOT NULL,
    recorded_by    varchar(64)  NOT NULL REFERENCES agent (username),
    verified_at    timestamptz,
    verified_by    varchar(64)  REFERENCES agent (username),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (diagnosis_id, step_number),
    CHECK ((outcome = 'FIXED') = (fix_option_key IS NOT NULL)),
    CHECK ((outcome = 'FIXED') = (verification IS NOT NULL)),
    CHECK (outcome <> 'SKIPPED' OR skip_reason IS NOT NULL),
    CHECK (ended_at >= started_at)
);
CREATE INDEX step_result_updated_idx ON step_result (updated_at, id);

-- The timeline of a ticket: append-only, one row per thing that happened.
CREATE TABLE ticket_event (
    id           bigserial     PRIMARY KEY,
    ticket_id    bigint        NOT NULL REFERENCES ticket (id),
    diagnosis_id bigint        REFERENCES diagnosis (id),
    at           timestamptz   NOT NULL DEFAULT now(),
    actor        varchar(64)   NOT NULL REFERENCES agent (username),
    kind         varchar(24)   NOT NULL CHECK (kind IN
                     ('CREATED', 'ASSIGNED', 'PRIORITY_CHANGED', 'STATUS_CHANGED', 'NOTE',
                      'DIAGNOSIS_STARTED', 'STEP_RECORDED', 'VERIFIED', 'RESOLVED', 'ESCALATED',
                      'WAITING_ON_APPLE', 'ABANDONED', 'RESUMED', 'REOPENED', 'CLOSED')),
    summary      varchar(500)  NOT NULL,
    body         varchar(10000)
);
CREATE INDEX ticket_event_ticket_idx ON ticket_event (ticket_id, at, id);
