-- Apple outages as incidents: one record per outage, the tickets it holds up, what the desk's own
-- data suggested, and merged duplicate tickets. The rules live in the core (package incident);
-- this script only stores what they decide, and backs the few that a constraint can say.

-- The desk suggests an incident when a signal's count in a recent window is unlikely under the
-- count that time of the week usually has (OutageDetector). One suggestion per signal and window:
-- two instances evaluating the same moment cannot raise it twice.
CREATE TABLE incident_suggestion (
    id                bigserial        PRIMARY KEY,
    signal            varchar(32)      NOT NULL CHECK (signal IN ('OUTAGE_FOUND', 'STILL_FAILING_AFTER_FIX')),
    window_start      timestamptz      NOT NULL,
    window_end        timestamptz      NOT NULL,
    observed          integer          NOT NULL CHECK (observed >= 0),
    expected          double precision NOT NULL CHECK (expected > 0),
    tail_probability  double precision NOT NULL CHECK (tail_probability >= 0 AND tail_probability <= 1),
    weeks_of_history  integer          NOT NULL CHECK (weeks_of_history >= 0),
    history_count     integer          NOT NULL CHECK (history_count >= 0),
    raised_at         timestamptz      NOT NULL,
    status            varchar(10)      NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'DISMISSED')),
    decided_by        varchar(64)      REFERENCES agent (username),
    decided_at        timestamptz,
    dismiss_reason    varchar(10000),
    version           integer          NOT NULL DEFAULT 0,
    UNIQUE (signal, window_start),
    CHECK (window_end > window_start),
    CHECK ((status = 'PENDING') = (decided_by IS NULL)),
    CHECK ((status = 'PENDING') = (decided_at IS NULL)),
    CHECK (dismiss_reason IS NULL OR status = 'DISMISSED')
);
CREATE INDEX incident_suggestion_pending_idx ON incident_suggestion (raised_at) WHERE status = 'PENDING';

CREATE TABLE incident (
    id             bigserial     PRIMARY KEY,
    title          varchar(200)  NOT NULL CHECK (length(btrim(title)) > 0),
    status         varchar(10)   NOT NULL CHECK (status IN ('OPEN', 'RECOVERED')),
    started_at     timestamptz   NOT NULL,
    opened_at      timestamptz   NOT NULL,
    opened_by      varchar(64)   NOT NULL REFERENCES agent (username),
    suggestion_id  bigint        UNIQUE REFERENCES incident_suggestion (id),
    recovered_at   timestamptz,
    recovered_by   varchar(64)   REFERENCES agent (username),
    version        integer       NOT NULL DEFAULT 0,
    CHECK (opened_at >= started_at),
    CHECK ((status = 'RECOVERED') = (recovered_at IS NOT NULL)),
    CHECK ((status = 'RECOVERED') = (recovered_by IS NOT NULL)),
    CHECK (recovered_at IS NULL OR recovered_at >= opened_at)
);
-- iCloud Backup is one service: while it is down there is one incident for it, so that every
-- ticket waiting on Apple links to the same one and two supervisors cannot open two at once.
CREATE UNIQUE INDEX incident_one_open ON incident ((true)) WHERE status = 'OPEN';
CREATE INDEX incident_opened_idx ON incident (opened_at);

CREATE TABLE incident_ticket (
    -- Only the export's cursor uses it; the link is the pair.
    id           bigserial    UNIQUE,
    incident_id  bigint       NOT NULL REFERENCES incident (id),
    ticket_id    bigint       NOT NULL REFERENCES ticket (id),
    linked_by    varchar(64)  NOT NULL REFERENCES agent (username),
    linked_at    timestamptz  NOT NULL,
    PRIMARY KEY (incident_id, ticket_id)
);
CREATE INDEX incident_ticket_ticket_idx ON incident_ticket (ticket_id);

CREATE TABLE incident_note (
    id           bigserial      PRIMARY KEY,
    incident_id  bigint         NOT NULL REFERENCES incident (id),
    text         varchar(10000) NOT NULL,
    agent        varchar(64)    NOT NULL REFERENCES agent (username),
    at           timestamptz    NOT NULL
);
CREATE INDEX incident_note_incident_idx ON incident_note (incident_id, at);

-- The incident's own timeline, worded by the core's IncidentEvent. The actor of what the desk
-- does by itself is "desk", which is no agent: hence no foreign key here.
CREATE TABLE incident_event (
    id           bigserial     PRIMARY KEY,
    incident_id  bigint        REFERENCES incident (id),
    suggestion_id bigint       REFERENCES incident_suggestion (id),
    at           timestamptz   NOT NULL,
    actor        varchar(64)   NOT NULL,
    summary      varchar(2000) NOT NULL,
    CHECK (incident_id IS NOT NULL OR suggestion_id IS NOT NULL)
);
CREATE INDEX incident_event_incident_idx ON incident_event (incident_id, at, id);

-- A duplicate ticket is closed with a link to the ticket that carries on.
ALTER TABLE ticket ADD COLUMN merged_into bigint REFERENCES ticket (id);
ALTER TABLE ticket ADD CONSTRAINT ticket_not_merged_into_itself CHECK (merged_into IS NULL OR merged_into <> id);
ALTER TABLE ticket ADD CONSTRAINT ticket_merged_is_closed CHECK (merged_into IS NULL OR status = 'CLOSED');

-- Detection counts findings per five minutes over weeks of history; these partial indexes keep
-- that a range scan over the few rows that are findings.
CREATE INDEX step_result_outage_idx ON step_result (ended_at) WHERE outcome = 'OUTAGE';
CREATE INDEX step_result_still_failing_idx ON step_result (verified_at) WHERE verification = 'STILL_FAILING';

-- Export cursors for incidents and their links, like the other exported tables (V2).
ALTER TABLE incident ADD COLUMN change_txid xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE incident_ticket ADD COLUMN change_txid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE TRIGGER incident_change_txid BEFORE INSERT OR UPDATE ON incident
    FOR EACH ROW EXECUTE FUNCTION stamp_change_txid();
CREATE TRIGGER incident_ticket_change_txid BEFORE INSERT OR UPDATE ON incident_ticket
    FOR EACH ROW EXECUTE FUNCTION stamp_change_txid();
CREATE INDEX incident_change_idx ON incident (change_txid, id);
CREATE INDEX incident_ticket_change_idx ON incident_ticket (change_txid, id);

-- The timeline kinds and audit actions of incidents are added to the schema's lists in V30, which
-- lists every feature's.
