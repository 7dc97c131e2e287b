-- The step funnel counted a diagnosis as having reached every step up to the furthest step
-- number it walked, and its last step as the highest number with a result: true only of the
-- article's order. Diagnoses now walk learned and explored orders (the order is pinned at the
-- start), so a step counts as reached when the diagnosis recorded a result there or is at it now,
-- and the last step is the one furthest along the order the diagnosis walked (its position).
-- In the article's order both give what they gave before.

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
    SELECT s.diagnosis_id, s.step_number, s.step_key, max(s.position) AS position,
           (array_agg(s.recorded_by ORDER BY s.attempt, s.id))[1] AS agent,
           min(s.started_at) AS started_at,
           sum(extract(epoch FROM s.ended_at - s.started_at))::double precision AS seconds
    FROM step_result s JOIN d ON d.id = s.diagnosis_id
    GROUP BY s.diagnosis_id, s.step_number, s.step_key
), s AS (
    -- The last step walked is the one furthest along the diagnosis's own order.
    SELECT s.diagnosis_id,
           (array_agg(s.step_number ORDER BY s.position DESC NULLS LAST, s.step_number DESC))[1]
               AS last_step,
           count(*)::integer AS step_count,
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


CREATE OR REPLACE VIEW report_contribution AS
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
       f.playbook_version, w.step, 'reached', '', '-infinity', 1, NULL
FROM report_fact f
CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest(f.step_numbers || f.current_step) AS x
                    WHERE x IS NOT NULL) AS w(step)
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

UPDATE report_measure
   SET what = 'diagnoses by started day: k1 playbook version, k2 step, kt1 reached (one row per '
              || 'step walked or current) or the outcome at that step'
 WHERE id = 3;

-- Every summary is recomputed with the new definitions.
SELECT report_rebuild();
