-- Report summaries: the supervisors' reports read pre-aggregated counts instead of scanning the
-- tickets, diagnoses and step results of the period (bench/RESULTS.md: 0.3 to 12 s at 1M tickets).
--
-- How the figures stay exact and fresh:
--  1. Every write to ticket, diagnosis or step_result appends the id it touched to report_change
--     (statement-level triggers: one small INSERT per statement, no shared row is updated, so
--     writers never wait for each other here).
--  2. report_refresh() (the application calls it every second; any session may) takes the changes,
--     finds the customers they belong to, and for each of them recomputes from the base tables the
--     facts of every diagnosis (report_fact: one row per diagnosis with everything the reports
--     count about it, including what depends on later events such as the customer's next
--     ticket). It subtracts the customer's old contributions from report_summary and adds the new
--     ones, in one transaction. A report therefore includes every change committed before the
--     last refresh started (report_state.refreshed_at, shown as "as of").
--  3. report_rebuild() recomputes facts and summaries from scratch (after bulk loads).
--
-- report_summary holds counts per measure, per "level" (which filter dimensions are fixed: bit 1
-- device model, 2 iOS major, 4 agent; '' / -1 stand for "every"), per calendar month (UTC) and
-- keys, as cumulative counts by day of month: c[d] = contributions on days 1..d. The count of any
-- span of days inside a month is c[last] - c[first - 1], so a report reads one row per month and
-- key whatever the window, and every day-exact window is exact. Besides the level without any
-- filter, levels without the iOS major are mostly not kept (there are few versions): a report adds
-- up the versions' rows of the level with it.
-- Device model, iOS major and agent together (level 7) narrow a report to a few thousand
-- diagnoses at most: those figures are counted from report_fact directly (except the per-agent
-- measures, kept there too). The distinct customers of repeat contacts cannot be added up over
-- versions and are kept at every level up to 6.
--
-- Distinct counts (tickets per agent, customers) use "prev": the day of the same member's previous
-- contribution in the same group. A contribution counts in a window iff prev < the window's first
-- day, i.e. it is the member's first one inside the window.
--
-- Percentiles (time to resolution, time per step) come from histograms over log-spaced buckets
-- (report_bucket): width 2% from 1 s up, 0.01 s below 1 s. Each histogram row also keeps the
-- smallest and largest value it has counted (vmin, vmax): where those are equal the bucket's
-- values are known exactly, which makes percentiles over few values exact.

-- ---- Change capture -------------------------------------------------------------------------------
CREATE TABLE report_change (
    id           bigserial PRIMARY KEY,
    customer_id  bigint,
    ticket_id    bigint,
    diagnosis_id bigint
);

CREATE FUNCTION report_change_ticket() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO report_change (customer_id) SELECT DISTINCT customer_id FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO report_change (customer_id) SELECT DISTINCT customer_id FROM old_rows;
    ELSE
        -- Status, assignee and priority changes do not move any figure.
        INSERT INTO report_change (customer_id)
        SELECT DISTINCT v.customer_id
        FROM old_rows o JOIN new_rows n ON n.id = o.id,
             LATERAL (VALUES (o.customer_id), (n.customer_id)) v(customer_id)
        WHERE (o.customer_id, o.device_model, o.ios_version, o.created_at)
              IS DISTINCT FROM (n.customer_id, n.device_model, n.ios_version, n.created_at);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION report_change_diagnosis() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO report_change (ticket_id) SELECT DISTINCT ticket_id FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO report_change (ticket_id) SELECT DISTINCT ticket_id FROM old_rows;
    ELSE
        INSERT INTO report_change (ticket_id)
        SELECT DISTINCT v.ticket_id
        FROM old_rows o JOIN new_rows n ON n.id = o.id,
             LATERAL (VALUES (o.ticket_id), (n.ticket_id)) v(ticket_id)
        WHERE (o.ticket_id, o.attempt, o.playbook_version, o.status, o.current_step,
               o.resolved_step_number, o.resolved_step_key, o.resolved_fix_key, o.started_at,
               o.started_by, o.ended_at)
              IS DISTINCT FROM
              (n.ticket_id, n.attempt, n.playbook_version, n.status, n.current_step,
               n.resolved_step_number, n.resolved_step_key, n.resolved_fix_key, n.started_at,
               n.started_by, n.ended_at);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION report_change_step_result() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO report_change (diagnosis_id) SELECT DISTINCT diagnosis_id FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO report_change (diagnosis_id) SELECT DISTINCT diagnosis_id FROM old_rows;
    ELSE
        -- A verification (verified_at, verification) changes no figure.
        INSERT INTO report_change (diagnosis_id)
        SELECT DISTINCT v.diagnosis_id
        FROM old_rows o JOIN new_rows n ON n.id = o.id,
             LATERAL (VALUES (o.diagnosis_id), (n.diagnosis_id)) v(diagnosis_id)
        WHERE (o.diagnosis_id, o.step_number, o.step_key, o.started_at, o.ended_at, o.recorded_by)
              IS DISTINCT FROM
              (n.diagnosis_id, n.step_number, n.step_key, n.started_at, n.ended_at, n.recorded_by);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER report_change_ticket_insert AFTER INSERT ON ticket
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_change_ticket();
CREATE TRIGGER report_change_ticket_update AFTER UPDATE ON ticket
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION report_change_ticket();
CREATE TRIGGER report_change_ticket_delete AFTER DELETE ON ticket
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_change_ticket();
CREATE TRIGGER report_change_diagnosis_insert AFTER INSERT ON diagnosis
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_change_diagnosis();
CREATE TRIGGER report_change_diagnosis_update AFTER UPDATE ON diagnosis
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION report_change_diagnosis();
CREATE TRIGGER report_change_diagnosis_delete AFTER DELETE ON diagnosis
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_change_diagnosis();
CREATE TRIGGER report_change_step_result_insert AFTER INSERT ON step_result
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_change_step_result();
CREATE TRIGGER report_change_step_result_update AFTER UPDATE ON step_result
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION report_change_step_result();
CREATE TRIGGER report_change_step_result_delete AFTER DELETE ON step_result
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_change_step_result();

-- ---- Facts: one row per diagnosis ------------------------------------------------------------------
CREATE TABLE report_fact (
    diagnosis_id        bigint      PRIMARY KEY,
    customer_id         bigint      NOT NULL,
    ticket_id           bigint      NOT NULL,
    model               varchar(60) NOT NULL,  -- the ticket's device model
    ios                 integer     NOT NULL,  -- the ticket's iOS major version, 0 when unknown
    agent               varchar(64) NOT NULL,  -- who started the diagnosis
    attempt             integer     NOT NULL,
    playbook_version    integer     NOT NULL,
    status              varchar(24) NOT NULL,
    started_day         date        NOT NULL,
    ended_day           date,
    current_step        integer,
    last_step           integer,               -- the highest step with a result
    step_count          integer     NOT NULL,  -- step results
    resolved_step       integer,
    resolved_step_key   varchar(40),
    resolved_fix_key    varchar(40),
    -- The day of the previous diagnosis of the same ticket started by the same agent, and of the
    -- previous resolved one (for this one if resolved): tickets per agent are distinct counts.
    agent_prev          date        NOT NULL,
    agent_prev_resolved date        NOT NULL,
    first_resolution    boolean     NOT NULL,  -- the ticket's resolved diagnosis with the lowest attempt
    ttr_seconds         double precision,      -- first resolution: ticket opened to this end
    -- First resolution: 24-hour days, rounded up, until the customer opened another ticket; 31 for
    -- later or never. "Back within N days" (N <= 30) is return_days <= N.
    return_days         integer,
    -- First resolution: per level (index level + 1), the day of the customer's previous first
    -- resolution in the same group (customer_prev), and the same among those followed by a
    -- ticket within 30 days (customer_back_prev). NULL: none.
    customer_prev       date[],
    customer_back_prev  date[],
    -- The step results, in step order: who recorded each, its start day, number, key, seconds.
    step_agents         varchar(64)[]      NOT NULL,
    step_days           date[]             NOT NULL,
    step_numbers        integer[]          NOT NULL,
    step_keys           varchar(40)[]      NOT NULL,
    step_seconds        double precision[] NOT NULL
);
CREATE INDEX report_fact_customer_idx ON report_fact (customer_id);
CREATE INDEX report_fact_ticket_idx ON report_fact (ticket_id);
-- Figures for a device model and an agent together, or an agent and an iOS major, are counted
-- from the facts (few rows).
CREATE INDEX report_fact_model_agent_idx ON report_fact (model, agent);
CREATE INDEX report_fact_agent_ios_idx ON report_fact (agent, ios);
CREATE INDEX report_fact_step_agents_idx ON report_fact USING gin (step_agents);

-- The 24-hour-day rounding of first-contact and repeat-contact windows.
CREATE FUNCTION report_return_days(gap interval) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT CASE WHEN gap IS NULL THEN 31 ELSE least(31, ceil(extract(epoch FROM gap) / 86400))::integer END $$;

-- Log-spaced histogram buckets: [1.02^b, 1.02^(b+1)) from 1 s up (b >= 0), 0.01 s wide below
-- (b = -100 .. -1). ReportHistogram (Java) reads a bucket as 1.02^b * 2.04 / 2.02 (within 0.99%)
-- or its midpoint (within 0.005 s).
CREATE FUNCTION report_bucket(seconds double precision) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT CASE WHEN seconds < 1 THEN floor(greatest(seconds, 0) * 100)::integer - 100
               ELSE floor(ln(seconds) / ln(1.02))::integer END $$;

-- The facts of every diagnosis of the given customers (all when NULL), from the base tables.
CREATE FUNCTION report_fact_source(customers bigint[]) RETURNS SETOF report_fact
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
), s AS (
    SELECT s.diagnosis_id, max(s.step_number) AS last_step, count(*)::integer AS step_count,
           array_agg(s.recorded_by ORDER BY s.step_number, s.id) AS agents,
           array_agg((s.started_at AT TIME ZONE 'UTC')::date ORDER BY s.step_number, s.id) AS days,
           array_agg(s.step_number ORDER BY s.step_number, s.id) AS numbers,
           array_agg(s.step_key ORDER BY s.step_number, s.id) AS keys,
           array_agg(extract(epoch FROM s.ended_at - s.started_at)::double precision
                     ORDER BY s.step_number, s.id) AS seconds
    FROM step_result s JOIN d ON d.id = s.diagnosis_id
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

-- ---- Contributions: what each diagnosis adds to which count --------------------------------------
-- The report definitions live here (and in README "Reports"). level is NULL for contributions
-- that count the same at every level; distinct counts that depend on the level name it.
CREATE TABLE report_measure (
    id     smallint   PRIMARY KEY,
    name   varchar(40) NOT NULL UNIQUE,
    levels smallint[] NOT NULL,  -- the levels kept in report_summary (others add up iOS versions)
    what   text       NOT NULL
);
INSERT INTO report_measure (id, name, levels, what) VALUES
 (1, 'fix', '{0,2,3,5,6}', 'resolutions by ended day: k1 step number, kt1 step key, kt2 fix option'),
 (2, 'ended', '{0,2,3,5,6}', 'ended diagnoses by ended day: kt1 status, k1 1 for a ticket''s first resolution'),
 (3, 'funnel', '{0,2,3,5,6}', 'diagnoses by started day: k1 playbook version, k2 step, kt1 reached (the furthest step, 0 none) or the outcome at that step'),
 (4, 'diagnoses', '{4,5,6,7}', 'diagnoses by started day'),
 (5, 'handled', '{4,5,6,7}', 'distinct tickets per agent by started day (prev)'),
 (6, 'tickets_resolved', '{4,5,6,7}', 'distinct tickets per agent with a resolved diagnosis by started day (prev)'),
 (7, 'resolved_steps', '{4,5,6,7}', 'resolved diagnoses by started day: k1 their number of step results'),
 (8, 'first_resolution', '{0,2,3,5,6}', 'tickets by the ended day of their first resolution: k1 return days, k2 1 if attempt 1'),
 (9, 'customers', '{0,1,2,3,4,5,6}', 'distinct customers of first resolutions (prev)'),
 (10, 'customers_back', '{0,1,2,3,4,5,6}', 'distinct customers of first resolutions followed by a ticket within 30 days (prev)'),
 (11, 'ttr', '{0,2,3,6}', 'first resolutions: k1 bucket of ticket opened to resolved'),
 (12, 'step_time', '{0,2,3,6}', 'step results by started day, agent who recorded: k1 step number, kt1 step key, k2 bucket of seconds');

CREATE VIEW report_contribution AS
SELECT f.customer_id, 1::smallint AS measure, NULL::smallint AS level, f.ended_day AS day,
       f.model, f.ios, f.agent, f.resolved_step AS k1, 0 AS k2,
       f.resolved_step_key::text AS kt1, f.resolved_fix_key::text AS kt2,
       '-infinity'::date AS prev, 1 AS n, NULL::double precision AS v
FROM report_fact f WHERE f.status = 'RESOLVED'
UNION ALL
SELECT f.customer_id, 2::smallint, NULL, f.ended_day, f.model, f.ios, f.agent,
       CASE WHEN f.first_resolution THEN 1 ELSE 0 END, 0, f.status::text, '', '-infinity', 1, NULL
FROM report_fact f WHERE f.ended_day IS NOT NULL
UNION ALL
SELECT f.customer_id, 3::smallint, NULL, f.started_day, f.model, f.ios, f.agent,
       f.playbook_version, coalesce(greatest(f.last_step, f.current_step), 0), 'reached', '',
       '-infinity', 1, NULL
FROM report_fact f
UNION ALL
SELECT f.customer_id, 3::smallint, NULL, f.started_day, f.model, f.ios, f.agent,
       f.playbook_version,
       CASE WHEN f.status = 'RESOLVED' THEN f.resolved_step
            WHEN f.status IN ('ESCALATED', 'WAITING_ON_APPLE') THEN f.last_step
            ELSE f.current_step END,
       CASE f.status WHEN 'RESOLVED' THEN 'resolved' WHEN 'ABANDONED' THEN 'abandoned'
                     WHEN 'ESCALATED' THEN 'escalated' WHEN 'WAITING_ON_APPLE' THEN 'waiting'
                     ELSE 'stalled' END,
       '', '-infinity', 1, NULL
FROM report_fact f
WHERE CASE WHEN f.status = 'RESOLVED' THEN f.resolved_step
           WHEN f.status IN ('ESCALATED', 'WAITING_ON_APPLE') THEN f.last_step
           ELSE f.current_step END IS NOT NULL
UNION ALL
SELECT f.customer_id, 4::smallint, NULL, f.started_day, f.model, f.ios, f.agent, 0, 0, '', '',
       '-infinity', 1, NULL
FROM report_fact f
UNION ALL
SELECT f.customer_id, 5::smallint, NULL, f.started_day, f.model, f.ios, f.agent, 0, 0, '', '',
       f.agent_prev, 1, NULL
FROM report_fact f
UNION ALL
SELECT f.customer_id, 6::smallint, NULL, f.started_day, f.model, f.ios, f.agent, 0, 0, '', '',
       f.agent_prev_resolved, 1, NULL
FROM report_fact f WHERE f.status = 'RESOLVED'
UNION ALL
SELECT f.customer_id, 7::smallint, NULL, f.started_day, f.model, f.ios, f.agent, f.step_count, 0,
       '', '', '-infinity', 1, NULL
FROM report_fact f WHERE f.status = 'RESOLVED'
UNION ALL
SELECT f.customer_id, 8::smallint, NULL, f.ended_day, f.model, f.ios, f.agent, f.return_days,
       CASE WHEN f.attempt = 1 THEN 1 ELSE 0 END, '', '', '-infinity', 1, NULL
FROM report_fact f WHERE f.first_resolution
UNION ALL
SELECT f.customer_id, 9::smallint, l.level::smallint, f.ended_day, f.model, f.ios, f.agent, 0, 0,
       '', '', coalesce(f.customer_prev[l.level + 1], '-infinity'), 1, NULL
FROM report_fact f CROSS JOIN generate_series(0, 7) l(level) WHERE f.first_resolution
UNION ALL
SELECT f.customer_id, 10::smallint, l.level::smallint, f.ended_day, f.model, f.ios, f.agent, 0, 0,
       '', '', coalesce(f.customer_back_prev[l.level + 1], '-infinity'), 1, NULL
FROM report_fact f CROSS JOIN generate_series(0, 7) l(level)
WHERE f.first_resolution AND f.return_days <= 30
UNION ALL
SELECT f.customer_id, 11::smallint, NULL, f.ended_day, f.model, f.ios, f.agent,
       report_bucket(f.ttr_seconds), 0, '', '', '-infinity', 1, f.ttr_seconds
FROM report_fact f WHERE f.first_resolution
UNION ALL
SELECT f.customer_id, 12::smallint, NULL, u.day, f.model, f.ios, u.agent::varchar(64), u.number,
       report_bucket(u.seconds), u.key::text, '', '-infinity', 1, u.seconds
FROM report_fact f
CROSS JOIN LATERAL unnest(f.step_agents, f.step_days, f.step_numbers, f.step_keys, f.step_seconds)
     AS u(agent, day, number, key, seconds);

-- ---- Summaries ---------------------------------------------------------------------------------
CREATE TABLE report_summary (
    measure smallint    NOT NULL REFERENCES report_measure (id),
    level   smallint    NOT NULL CHECK (level BETWEEN 0 AND 7),
    model   varchar(60) NOT NULL,  -- '' unless level & 1
    ios     integer     NOT NULL,  -- -1 unless level & 2
    agent   varchar(64) NOT NULL,  -- '' unless level & 4
    month   date        NOT NULL,  -- first day of a UTC calendar month
    k1      integer     NOT NULL,
    k2      integer     NOT NULL,
    kt1     varchar(40) NOT NULL,
    kt2     varchar(40) NOT NULL,
    prev    date        NOT NULL,
    c       integer[]   NOT NULL CHECK (cardinality(c) = 31),
    vmin    double precision,      -- histograms: the smallest and largest value counted here
    vmax    double precision,
    PRIMARY KEY (measure, level, model, ios, agent, month, k1, k2, kt1, kt2, prev)
);
-- Rows whose counts went back to zero are removed after each refresh.
CREATE INDEX report_summary_empty_idx ON report_summary (measure) WHERE c[31] = 0;

CREATE TABLE report_state (
    id           boolean     PRIMARY KEY DEFAULT true CHECK (id),
    refreshed_at timestamptz NOT NULL,
    rebuilt_at   timestamptz NOT NULL
);

-- Element-wise sum of two count arrays of equal length.
CREATE FUNCTION report_add(a integer[], b integer[]) RETURNS integer[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT array_agg(x + y ORDER BY i) FROM unnest(a, b) WITH ORDINALITY AS u(x, y, i) $$;

-- The count of the days from..to (both included) in a month row.
CREATE FUNCTION report_window(c integer[], month date, from_day date, to_day date) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT CASE WHEN to_day < month OR from_day > month + 30 THEN 0
               ELSE c[CASE WHEN to_day - month >= 30 THEN 31 ELSE to_day - month + 1 END]
                    - coalesce(c[from_day - month], 0) END $$;

-- The summary rows that the given customers' facts (all when NULL) contribute, with signed counts:
-- first the counts per row and day, then each row's cumulative array as 31 sums up to a day.
CREATE FUNCTION report_summary_rows(customers bigint[], sign integer, only_measure smallint DEFAULT NULL)
    RETURNS TABLE (measure smallint, level smallint, model varchar, ios integer, agent varchar,
                   month date, k1 integer, k2 integer, kt1 varchar, kt2 varchar, prev date,
                   c integer[], vmin double precision, vmax double precision)
    LANGUAGE sql STABLE AS
$$
WITH x AS (
    SELECT c.measure, l.level,
           CASE WHEN l.level & 1 = 1 THEN c.model ELSE '' END AS model,
           CASE WHEN l.level & 2 = 2 THEN c.ios ELSE -1 END AS ios,
           CASE WHEN l.level & 4 = 4 THEN c.agent ELSE '' END AS agent,
           c.day, c.k1, c.k2, c.kt1, c.kt2, c.prev, c.n, c.v
    FROM report_contribution c
    JOIN report_measure m ON m.id = c.measure
    CROSS JOIN LATERAL unnest(CASE WHEN c.level IS NULL THEN m.levels ELSE ARRAY[c.level] END) AS l(level)
    WHERE (customers IS NULL OR c.customer_id = ANY (customers))
      AND (only_measure IS NULL OR c.measure = only_measure)
      AND (c.level IS NULL OR c.level = ANY (m.levels))
), d AS (
    SELECT x.measure, x.level, x.model, x.ios, x.agent, date_trunc('month', x.day)::date AS month,
           extract(day FROM x.day)::integer AS dom, x.k1, x.k2, x.kt1, x.kt2, x.prev,
           sum(x.n) * sign AS n, min(x.v) AS vmin, max(x.v) AS vmax
    FROM x
    GROUP BY x.measure, x.level, x.model, x.ios, x.agent, x.day, x.k1, x.k2, x.kt1, x.kt2, x.prev
)
SELECT d.measure, d.level::smallint, d.model::varchar, d.ios, d.agent::varchar, d.month,
       d.k1, d.k2, d.kt1::varchar, d.kt2::varchar, d.prev,
       ARRAY[
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 1), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 2), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 3), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 4), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 5), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 6), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 7), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 8), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 9), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 10), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 11), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 12), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 13), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 14), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 15), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 16), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 17), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 18), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 19), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 20), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 21), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 22), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 23), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 24), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 25), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 26), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 27), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 28), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 29), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 30), 0),
           coalesce(sum(d.n) FILTER (WHERE d.dom <= 31), 0)
       ]::integer[],
       min(d.vmin), max(d.vmax)
FROM d
GROUP BY d.measure, d.level, d.model, d.ios, d.agent, d.month, d.k1, d.k2, d.kt1, d.kt2, d.prev
$$;

-- One refresh or rebuild at a time, in any session.
CREATE FUNCTION report_lock_key() RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT 7246016711 $$;

-- Applies the changes recorded since the last refresh. With wait = false it returns -1 at once
-- when another session is refreshing; otherwise the number of customers recomputed.
CREATE FUNCTION report_refresh(wait boolean DEFAULT false) RETURNS integer
    LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan AS
$$
DECLARE
    dirty bigint[];
BEGIN
    IF wait THEN
        PERFORM pg_advisory_xact_lock(report_lock_key());
    ELSIF NOT pg_try_advisory_xact_lock(report_lock_key()) THEN
        RETURN -1;
    END IF;
    WITH taken AS (DELETE FROM report_change RETURNING customer_id, ticket_id, diagnosis_id)
    SELECT array_agg(DISTINCT x.customer_id) INTO dirty FROM (
        SELECT customer_id FROM taken WHERE customer_id IS NOT NULL
        UNION SELECT t.customer_id FROM taken JOIN ticket t ON t.id = taken.ticket_id
        UNION SELECT f.customer_id FROM taken JOIN report_fact f ON f.ticket_id = taken.ticket_id
        UNION SELECT t.customer_id FROM taken JOIN diagnosis d ON d.id = taken.diagnosis_id
                                              JOIN ticket t ON t.id = d.ticket_id
        UNION SELECT f.customer_id FROM taken JOIN report_fact f ON f.diagnosis_id = taken.diagnosis_id
    ) x;
    IF dirty IS NOT NULL THEN
        -- Take the customers' old contributions out, recompute their facts, put the new ones in.
        -- Rows are locked in key order; histogram ranges only ever widen (a removed value may
        -- leave vmin/vmax wider than needed, never narrower).
        INSERT INTO report_summary AS s
        SELECT * FROM report_summary_rows(dirty, -1) ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
        ON CONFLICT (measure, level, model, ios, agent, month, k1, k2, kt1, kt2, prev)
        DO UPDATE SET c = report_add(s.c, EXCLUDED.c);
        DELETE FROM report_fact WHERE customer_id = ANY (dirty);
        INSERT INTO report_fact SELECT * FROM report_fact_source(dirty);
        INSERT INTO report_summary AS s
        SELECT * FROM report_summary_rows(dirty, 1) ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
        ON CONFLICT (measure, level, model, ios, agent, month, k1, k2, kt1, kt2, prev)
        DO UPDATE SET c = report_add(s.c, EXCLUDED.c),
                      vmin = least(s.vmin, EXCLUDED.vmin), vmax = greatest(s.vmax, EXCLUDED.vmax);
        DELETE FROM report_summary WHERE c[31] = 0;
    END IF;
    UPDATE report_state SET refreshed_at = now();
    RETURN coalesce(cardinality(dirty), 0);
END
$$;

-- Recomputes every fact and summary from the base tables (after a bulk load, or to check).
-- Reports wait while it runs; writers do not (their changes are applied by the next refresh).
CREATE FUNCTION report_rebuild() RETURNS void
    LANGUAGE plpgsql SET plan_cache_mode = force_custom_plan SET work_mem = '256MB' AS
$$
DECLARE
    measure smallint;
BEGIN
    PERFORM pg_advisory_xact_lock(report_lock_key());
    DELETE FROM report_change;
    TRUNCATE report_fact, report_summary;
    INSERT INTO report_fact SELECT * FROM report_fact_source(NULL);
    ANALYZE report_fact;
    -- One measure at a time keeps each aggregation small enough for memory.
    FOR measure IN SELECT id FROM report_measure ORDER BY id LOOP
        INSERT INTO report_summary SELECT * FROM report_summary_rows(NULL, 1, measure);
    END LOOP;
    UPDATE report_state SET refreshed_at = now(), rebuilt_at = now();
    ANALYZE report_summary;
END
$$;

INSERT INTO report_state (refreshed_at, rebuilt_at) VALUES (now(), now());
SELECT report_rebuild();
