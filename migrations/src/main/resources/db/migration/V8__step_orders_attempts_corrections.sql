-- Diagnoses store what the core already knows: the step order pinned at the start (with the policy
-- that chose it, its model version and propensity), an agent's switch to the article's order, more
-- than one fix tried at a step, and corrections of recorded results (the originals kept in
-- step_correction). Also who paused a diagnosis, when and why, for the paused screen.

-- ---- The order ------------------------------------------------------------------------------------
-- step_order: the chosen order as comma-separated step keys. The walked order follows from it and
-- the override (the chosen keys before order_override_from, then the rest in the article's order).
-- order_model_version names the step-order model a LEARNED or EXPLORE order came from (no foreign
-- key: that table comes later); order_propensity is the probability the policy chose this order.
ALTER TABLE diagnosis
    ADD COLUMN step_order          text,
    ADD COLUMN order_policy        varchar(8)       NOT NULL DEFAULT 'ARTICLE'
        CHECK (order_policy IN ('ARTICLE', 'LEARNED', 'EXPLORE')),
    ADD COLUMN order_model_version integer,
    ADD COLUMN order_propensity    double precision NOT NULL DEFAULT 1
        CHECK (order_propensity > 0 AND order_propensity <= 1),
    ADD COLUMN order_override_from integer          CHECK (order_override_from >= 1),
    ADD COLUMN order_override_by   varchar(64)      REFERENCES agent (username),
    ADD COLUMN order_override_at   timestamptz,
    ADD COLUMN paused_at           timestamptz,
    ADD COLUMN paused_by           varchar(64)      REFERENCES agent (username),
    ADD COLUMN pause_reason        varchar(1000),
    ADD CONSTRAINT diagnosis_order_model_check
        CHECK ((order_policy = 'ARTICLE') = (order_model_version IS NULL)),
    -- Rows without an order (written by tools that predate orders) walk the article's order.
    ADD CONSTRAINT diagnosis_order_named_check
        CHECK (step_order IS NOT NULL OR order_policy = 'ARTICLE'),
    ADD CONSTRAINT diagnosis_order_override_check
        CHECK ((order_override_from IS NULL) = (order_override_by IS NULL)
               AND (order_override_from IS NULL) = (order_override_at IS NULL)),
    ADD CONSTRAINT diagnosis_paused_check
        CHECK (status = 'ABANDONED' OR (paused_at IS NULL AND paused_by IS NULL AND pause_reason IS NULL));

-- Every stored diagnosis so far walked the article's order of playbook v1 (the only version).
UPDATE diagnosis
SET step_order = 'backup-switch,wifi,power,storage,apple-status,account-verification,restart,reset-settings,ios-update'
WHERE playbook_version = 1;

-- Who paused the diagnoses that are paused now: the latest pause in their timeline.
UPDATE diagnosis d
SET paused_at = e.at, paused_by = e.actor
FROM (SELECT DISTINCT ON (diagnosis_id) diagnosis_id, at, actor
      FROM ticket_event WHERE kind = 'ABANDONED' AND diagnosis_id IS NOT NULL
      ORDER BY diagnosis_id, at DESC, id DESC) e
WHERE e.diagnosis_id = d.id AND d.status = 'ABANDONED';

-- ---- Results: position, attempt, corrections ------------------------------------------------------
-- position: where the step stood in the walked order; attempt: 1 for a step's outcome, 2 and up for
-- further fixes tried after a fix failed its test backup; corrections: how often it was corrected.
ALTER TABLE step_result
    ADD COLUMN position    integer CHECK (position BETWEEN 1 AND 9),
    ADD COLUMN attempt     integer NOT NULL DEFAULT 1 CHECK (attempt >= 1),
    ADD COLUMN corrections integer NOT NULL DEFAULT 0 CHECK (corrections >= 0),
    ADD CONSTRAINT step_result_attempt_fix_check CHECK (attempt = 1 OR outcome = 'FIXED');
UPDATE step_result SET position = step_number;

-- Results written without a position (tools that predate orders) are in the article's order.
CREATE FUNCTION step_result_default_position() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.position := coalesce(NEW.position, NEW.step_number);
    RETURN NEW;
END $$;
CREATE TRIGGER step_result_default_position BEFORE INSERT ON step_result
    FOR EACH ROW EXECUTE FUNCTION step_result_default_position();
ALTER TABLE step_result ALTER COLUMN position SET NOT NULL;

ALTER TABLE step_result DROP CONSTRAINT step_result_diagnosis_id_step_number_key;
ALTER TABLE step_result ADD CONSTRAINT step_result_diagnosis_step_attempt_key
    UNIQUE (diagnosis_id, step_key, attempt);

-- ---- Corrections ----------------------------------------------------------------------------------
-- One row per correction, in order (seq); never updated. The result as it was (before_*) and as it
-- became (after_*, all NULL when it was withdrawn as recorded by mistake); what a correction cannot
-- change (step, attempt, position, note, times, who recorded it) is stored once.
CREATE TABLE step_correction (
    id                    bigserial    PRIMARY KEY,
    diagnosis_id          bigint       NOT NULL REFERENCES diagnosis (id),
    seq                   integer      NOT NULL CHECK (seq >= 1),
    step_key              varchar(40)  NOT NULL,
    step_number           integer      NOT NULL CHECK (step_number BETWEEN 1 AND 9),
    step_version          integer      NOT NULL CHECK (step_version >= 1),
    position              integer      NOT NULL CHECK (position BETWEEN 1 AND 9),
    attempt               integer      NOT NULL CHECK (attempt >= 1),
    note                  varchar(4000),
    started_at            timestamptz  NOT NULL,
    ended_at              timestamptz  NOT NULL,
    recorded_by           varchar(64)  NOT NULL REFERENCES agent (username),
    before_outcome        varchar(16)  NOT NULL CHECK (before_outcome IN
                              ('NOTHING_WRONG', 'FIXED', 'SKIPPED', 'NOT_APPLICABLE', 'OUTAGE')),
    before_fix_option_key varchar(40),
    before_skip_reason    varchar(2000),
    before_consent_given  boolean      NOT NULL,
    before_verification   varchar(16)  CHECK (before_verification IN ('PENDING', 'BACKUP_COMPLETED', 'STILL_FAILING')),
    before_verified_at    timestamptz,
    before_verified_by    varchar(64)  REFERENCES agent (username),
    before_corrections    integer      NOT NULL CHECK (before_corrections >= 0),
    after_outcome         varchar(16)  CHECK (after_outcome IN
                              ('NOTHING_WRONG', 'FIXED', 'SKIPPED', 'NOT_APPLICABLE', 'OUTAGE')),
    after_fix_option_key  varchar(40),
    after_skip_reason     varchar(2000),
    after_consent_given   boolean,
    after_verification    varchar(16)  CHECK (after_verification IN ('PENDING', 'BACKUP_COMPLETED', 'STILL_FAILING')),
    after_verified_at     timestamptz,
    after_verified_by     varchar(64)  REFERENCES agent (username),
    reason                varchar(2000) NOT NULL,
    corrected_by          varchar(64)  NOT NULL REFERENCES agent (username),
    corrected_at          timestamptz  NOT NULL,
    UNIQUE (diagnosis_id, seq),
    CHECK ((after_outcome IS NULL) = (after_consent_given IS NULL))
);
CREATE INDEX step_correction_corrected_idx ON step_correction (corrected_at);

-- ---- Audit --------------------------------------------------------------------------------------
ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN
    ('LOGIN', 'LOGIN_FAILED', 'LOGIN_THROTTLED', 'LOGOUT', 'ACCOUNT_CREATED', 'ROLE_CHANGED',
     'ACCOUNT_DISABLED', 'ACCOUNT_ENABLED', 'PASSWORD_RESET', 'TOKEN_CREATED', 'TOKEN_REVOKED',
     'RESULT_CORRECTED'));

-- ---- Timeline: a step's note was written twice ----------------------------------------------------
-- A step line's summary carried its note, and the line's details the same note again. The details
-- keep it; the summary says what the step found.
UPDATE ticket_event
SET summary = left(summary, length(summary) - length(' (note: ' || body || ')'))
WHERE kind = 'STEP_RECORDED' AND body IS NOT NULL
  AND right(summary, length(' (note: ' || body || ')')) = ' (note: ' || body || ')';

-- ---- Timeline: a failed test backup is its own kind ---------------------------------------------
-- It was VERIFIED like a backup that completed, and looked like a success wherever the kind
-- decides the look.
ALTER TABLE ticket_event DROP CONSTRAINT ticket_event_kind_check;
ALTER TABLE ticket_event ADD CONSTRAINT ticket_event_kind_check CHECK (kind IN
    ('CREATED', 'ASSIGNED', 'PRIORITY_CHANGED', 'STATUS_CHANGED', 'NOTE',
     'DIAGNOSIS_STARTED', 'STEP_RECORDED', 'VERIFIED', 'RESOLVED', 'ESCALATED',
     'WAITING_ON_APPLE', 'ABANDONED', 'RESUMED', 'REOPENED', 'CLOSED',
     'MOVED_ON', 'ORDER_CHANGED', 'CORRECTED', 'DIAGNOSIS_REOPENED', 'BACKUP_STILL_FAILING'));
UPDATE ticket_event SET kind = 'BACKUP_STILL_FAILING'
WHERE kind = 'VERIFIED' AND summary LIKE '%: the test backup still fails';

-- ---- Reports ------------------------------------------------------------------------------------
-- A step counts once in the reports however many fixes were tried at it (the resolving fix is the
-- diagnosis's resolution), and a further attempt or a correction recomputes its customer. Every
-- stored result so far is a first attempt, so the stored facts stand as they are.
CREATE OR REPLACE FUNCTION report_change_step_result() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO report_change (diagnosis_id) SELECT DISTINCT diagnosis_id FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO report_change (diagnosis_id) SELECT DISTINCT diagnosis_id FROM old_rows;
    ELSE
        -- A verification changes no figure. A further attempt does, and a correction is rare enough
        -- to recompute its customer every time, whatever it changed.
        INSERT INTO report_change (diagnosis_id)
        SELECT DISTINCT v.diagnosis_id
        FROM old_rows o JOIN new_rows n ON n.id = o.id,
             LATERAL (VALUES (o.diagnosis_id), (n.diagnosis_id)) v(diagnosis_id)
        WHERE (o.diagnosis_id, o.step_number, o.step_key, o.started_at, o.ended_at, o.recorded_by, o.attempt, o.corrections)
              IS DISTINCT FROM
              (n.diagnosis_id, n.step_number, n.step_key, n.started_at, n.ended_at, n.recorded_by, n.attempt, n.corrections);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION report_fact_source(customers bigint[]) RETURNS SETOF report_fact
    LANGUAGE sql STABLE AS
$$
WITH t AS (
    SELECT t.id, t.customer_id, t.device_model, coalesce(t.ios_major, 0) AS ios, t.created_at
    FROM ticket t
    WHERE customers IS NULL OR t.customer_id = ANY (customers)
), d AS (
    SELECT d.id, d.ticket_id, t.customer_id, t.device_model, t.ios, t.created_at AS ticket_created,
           d.started_by, d.attempt, d.playbook_version, d.status, d.started_at, d.ended_at,
           d.current_step, d.resolved_step_number, d.resolved_step_key, d.resolved_fix_key,
           (d.started_at AT TIME ZONE 'UTC')::date AS started_day,
           (d.ended_at AT TIME ZONE 'UTC')::date AS ended_day
    FROM diagnosis d JOIN t ON t.id = d.ticket_id
), sr AS (
    -- One entry per step, whatever number of fixes were tried at it: the step's time is the time
    -- of all its attempts, its day and agent those of its first attempt.
    SELECT s.diagnosis_id, s.step_number, s.step_key,
           (array_agg(s.recorded_by ORDER BY s.attempt, s.id))[1] AS agent,
           min(s.started_at) AS started_at,
           sum(extract(epoch FROM s.ended_at - s.started_at))::double precision AS seconds
    FROM step_result s JOIN d ON d.id = s.diagnosis_id
    GROUP BY s.diagnosis_id, s.step_number, s.step_key
), s AS (
    SELECT s.diagnosis_id, max(s.step_number) AS last_step, count(*)::integer AS step_count,
           array_agg(s.agent ORDER BY s.step_number) AS agents,
           array_agg((s.started_at AT TIME ZONE 'UTC')::date ORDER BY s.step_number) AS days,
           array_agg(s.step_number ORDER BY s.step_number) AS numbers,
           array_agg(s.step_key ORDER BY s.step_number) AS keys,
           array_agg(s.seconds ORDER BY s.step_number) AS seconds
    FROM sr s
    GROUP BY s.diagnosis_id
), r AS (
    SELECT d.*,
           coalesce(lag(d.started_day) OVER (PARTITION BY d.ticket_id, d.started_by
                                             ORDER BY d.started_at, d.id), '-infinity') AS agent_prev,
           coalesce(lag(d.started_day) OVER (PARTITION BY d.ticket_id, d.started_by, d.status = 'RESOLVED'
                                             ORDER BY d.started_at, d.id), '-infinity') AS agent_prev_resolved,
           d.status = 'RESOLVED'
             AND d.attempt = min(d.attempt) FILTER (WHERE d.status = 'RESOLVED')
                             OVER (PARTITION BY d.ticket_id) AS first_resolution
    FROM d
), fr AS (
    SELECT r.id, r.customer_id, r.device_model, r.ios, r.started_by, r.ended_day, r.ended_at,
           report_return_days(nx.created_at - r.ended_at) AS return_days
    FROM r
    LEFT JOIN LATERAL (SELECT n.created_at FROM ticket n
                       WHERE n.customer_id = r.customer_id AND n.id <> r.ticket_id
                         AND n.created_at > r.ended_at
                       ORDER BY n.created_at LIMIT 1) nx ON true
    WHERE r.first_resolution
), repeat AS (
    -- Only customers with two or more first resolutions have a previous one.
    SELECT fr.* FROM fr
    WHERE fr.customer_id IN (SELECT customer_id FROM fr GROUP BY customer_id HAVING count(*) > 1)
), prev AS (
    SELECT id,
      ARRAY[lag(ended_day) OVER (PARTITION BY customer_id ORDER BY ended_at, id),
            lag(ended_day) OVER (PARTITION BY customer_id, device_model ORDER BY ended_at, id),
            lag(ended_day) OVER (PARTITION BY customer_id, ios ORDER BY ended_at, id),
            lag(ended_day) OVER (PARTITION BY customer_id, device_model, ios ORDER BY ended_at, id),
            lag(ended_day) OVER (PARTITION BY customer_id, started_by ORDER BY ended_at, id),
            lag(ended_day) OVER (PARTITION BY customer_id, device_model, started_by ORDER BY ended_at, id),
            lag(ended_day) OVER (PARTITION BY customer_id, ios, started_by ORDER BY ended_at, id),
            lag(ended_day) OVER (PARTITION BY customer_id, device_model, ios, started_by ORDER BY ended_at, id)]
        AS customer_prev
    FROM repeat
), back_prev AS (
    SELECT id,
      ARRAY[lag(ended_day) OVER (PARTITION BY customer_id ORDER BY ended_at, id),
            lag(ended_day) OVER (PARTITION BY customer_id, device_model ORDER BY ended_at, id),
            lag(ended_day) OVER (PARTITION BY customer_id, ios ORDER BY ended_at, id),
            lag(ended_day) OVER (PARTITION BY customer_id, device_model, ios ORDER BY ended_at, id),
            lag(ended_day) OVER (PARTITION BY customer_id, started_by ORDER BY ended_at, id),
            lag(ended_day) OVER (PARTITION BY customer_id, device_model, started_by ORDER BY ended_at, id),
            lag(ended_day) OVER (PARTITION BY customer_id, ios, started_by ORDER BY ended_at, id),
            lag(ended_day) OVER (PARTITION BY customer_id, device_model, ios, started_by ORDER BY ended_at, id)]
        AS customer_back_prev
    FROM repeat WHERE return_days <= 30
)
SELECT r.id, r.customer_id, r.ticket_id, r.device_model, r.ios, r.started_by, r.attempt,
       r.playbook_version, r.status, r.started_day, r.ended_day, r.current_step, s.last_step,
       coalesce(s.step_count, 0), r.resolved_step_number, r.resolved_step_key, r.resolved_fix_key,
       r.agent_prev, r.agent_prev_resolved, r.first_resolution,
       CASE WHEN r.first_resolution
            THEN extract(epoch FROM r.ended_at - r.ticket_created)::double precision END,
       fr.return_days, prev.customer_prev, back_prev.customer_back_prev,
       coalesce(s.agents, '{}'), coalesce(s.days, '{}'), coalesce(s.numbers, '{}'),
       coalesce(s.keys, '{}'), coalesce(s.seconds, '{}')
FROM r
LEFT JOIN s ON s.diagnosis_id = r.id
LEFT JOIN fr ON fr.id = r.id
LEFT JOIN prev ON prev.id = r.id
LEFT JOIN back_prev ON back_prev.id = r.id
$$;
