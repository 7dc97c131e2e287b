-- One view per measure, and report_contribution their union. A report filtered on a device model,
-- an iOS major and an agent together counts the per-diagnosis facts through these definitions; read
-- through the union, PostgreSQL plans all twelve branches before it drops eleven (about 4 ms a
-- statement at 1M tickets, more than half the statement's cost). The definitions are those of V33,
-- each column cast to the union's type, so that the union keeps its column types.

CREATE VIEW report_contribution_fix AS
SELECT f.customer_id, 1::smallint AS measure, NULL::smallint AS level, f.ended_day AS day,
       f.model, f.ios, f.agent, f.resolved_step AS k1, 0 AS k2,
       f.resolved_step_key::text AS kt1, f.resolved_fix_key::text AS kt2,
       '-infinity'::date AS prev, 1 AS n, NULL::double precision AS v
FROM report_fact f WHERE f.status = 'RESOLVED';

CREATE VIEW report_contribution_ended AS
SELECT f.customer_id, 2::smallint AS measure, NULL::smallint AS level, f.ended_day AS day,
       f.model, f.ios, f.agent, CASE WHEN f.first_resolution THEN 1 ELSE 0 END AS k1, 0 AS k2,
       f.status::text AS kt1, ''::text AS kt2, '-infinity'::date AS prev, 1 AS n,
       NULL::double precision AS v
FROM report_fact f WHERE f.ended_day IS NOT NULL;

CREATE VIEW report_contribution_funnel AS
SELECT f.customer_id, 3::smallint AS measure, NULL::smallint AS level, f.started_day AS day,
       f.model, f.ios, f.agent, f.playbook_version AS k1, w.step AS k2, 'reached'::text AS kt1,
       ''::text AS kt2, '-infinity'::date AS prev, 1 AS n, NULL::double precision AS v
FROM report_fact f
CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest(f.step_numbers || f.current_step) AS x
                    WHERE x IS NOT NULL) AS w(step)
UNION ALL
SELECT f.customer_id, 3::smallint, NULL::smallint, f.started_day, f.model, f.ios, f.agent,
       f.playbook_version,
       CASE WHEN f.status = 'RESOLVED' THEN f.resolved_step
            WHEN f.status IN ('ESCALATED', 'WAITING_ON_APPLE') THEN f.last_step
            ELSE f.current_step END,
       CASE f.status WHEN 'RESOLVED' THEN 'resolved' WHEN 'ABANDONED' THEN 'abandoned'
                     WHEN 'ESCALATED' THEN 'escalated' WHEN 'WAITING_ON_APPLE' THEN 'waiting'
                     ELSE 'stalled' END,
       ''::text, '-infinity'::date, 1, NULL::double precision
FROM report_fact f
WHERE CASE WHEN f.status = 'RESOLVED' THEN f.resolved_step
           WHEN f.status IN ('ESCALATED', 'WAITING_ON_APPLE') THEN f.last_step
           ELSE f.current_step END IS NOT NULL;

CREATE VIEW report_contribution_diagnoses AS
SELECT f.customer_id, 4::smallint AS measure, NULL::smallint AS level, f.started_day AS day,
       f.model, f.ios, f.agent, 0 AS k1, 0 AS k2, ''::text AS kt1, ''::text AS kt2,
       '-infinity'::date AS prev, 1 AS n, NULL::double precision AS v
FROM report_fact f;

CREATE VIEW report_contribution_handled AS
SELECT f.customer_id, 5::smallint AS measure, NULL::smallint AS level, f.started_day AS day,
       f.model, f.ios, f.agent, 0 AS k1, 0 AS k2, ''::text AS kt1, ''::text AS kt2,
       f.agent_prev AS prev, 1 AS n, NULL::double precision AS v
FROM report_fact f;

CREATE VIEW report_contribution_tickets_resolved AS
SELECT f.customer_id, 6::smallint AS measure, NULL::smallint AS level, f.started_day AS day,
       f.model, f.ios, f.agent, 0 AS k1, 0 AS k2, ''::text AS kt1, ''::text AS kt2,
       f.agent_prev_resolved AS prev, 1 AS n, NULL::double precision AS v
FROM report_fact f WHERE f.status = 'RESOLVED';

CREATE VIEW report_contribution_resolved_steps AS
SELECT f.customer_id, 7::smallint AS measure, NULL::smallint AS level, f.started_day AS day,
       f.model, f.ios, f.agent, f.step_count AS k1, 0 AS k2, ''::text AS kt1, ''::text AS kt2,
       '-infinity'::date AS prev, 1 AS n, NULL::double precision AS v
FROM report_fact f WHERE f.status = 'RESOLVED';

CREATE VIEW report_contribution_first_resolution AS
SELECT f.customer_id, 8::smallint AS measure, NULL::smallint AS level, f.ended_day AS day,
       f.model, f.ios, f.agent, f.return_days AS k1,
       CASE WHEN f.attempt = 1 THEN 1 ELSE 0 END AS k2, ''::text AS kt1, ''::text AS kt2,
       '-infinity'::date AS prev, 1 AS n, NULL::double precision AS v
FROM report_fact f WHERE f.first_resolution;

CREATE VIEW report_contribution_customers AS
SELECT f.customer_id, 9::smallint AS measure, l.level::smallint AS level, f.ended_day AS day,
       f.model, f.ios, f.agent, 0 AS k1, 0 AS k2, ''::text AS kt1, ''::text AS kt2,
       coalesce(f.customer_prev[l.level + 1], '-infinity'::date) AS prev, 1 AS n,
       NULL::double precision AS v
FROM report_fact f CROSS JOIN generate_series(0, 7) l(level) WHERE f.first_resolution;

CREATE VIEW report_contribution_customers_back AS
SELECT f.customer_id, 10::smallint AS measure, l.level::smallint AS level, f.ended_day AS day,
       f.model, f.ios, f.agent, 0 AS k1, 0 AS k2, ''::text AS kt1, ''::text AS kt2,
       coalesce(f.customer_back_prev[l.level + 1], '-infinity'::date) AS prev, 1 AS n,
       NULL::double precision AS v
FROM report_fact f CROSS JOIN generate_series(0, 7) l(level)
WHERE f.first_resolution AND f.return_days <= 30;

CREATE VIEW report_contribution_ttr AS
SELECT f.customer_id, 11::smallint AS measure, NULL::smallint AS level, f.ended_day AS day,
       f.model, f.ios, f.agent, report_bucket(f.ttr_seconds) AS k1, 0 AS k2, ''::text AS kt1,
       ''::text AS kt2, '-infinity'::date AS prev, 1 AS n, f.ttr_seconds AS v
FROM report_fact f WHERE f.first_resolution;

CREATE VIEW report_contribution_step_time AS
SELECT f.customer_id, 12::smallint AS measure, NULL::smallint AS level, u.day AS day,
       f.model, f.ios, u.agent::varchar(64) AS agent, u.number AS k1,
       report_bucket(u.seconds) AS k2, u.key::text AS kt1, ''::text AS kt2,
       '-infinity'::date AS prev, 1 AS n, u.seconds AS v
FROM report_fact f
CROSS JOIN LATERAL unnest(f.step_agents, f.step_days, f.step_numbers, f.step_keys, f.step_seconds)
     AS u(agent, day, number, key, seconds);

CREATE OR REPLACE VIEW report_contribution AS
SELECT * FROM report_contribution_fix
UNION ALL SELECT * FROM report_contribution_ended
UNION ALL SELECT * FROM report_contribution_funnel
UNION ALL SELECT * FROM report_contribution_diagnoses
UNION ALL SELECT * FROM report_contribution_handled
UNION ALL SELECT * FROM report_contribution_tickets_resolved
UNION ALL SELECT * FROM report_contribution_resolved_steps
UNION ALL SELECT * FROM report_contribution_first_resolution
UNION ALL SELECT * FROM report_contribution_customers
UNION ALL SELECT * FROM report_contribution_customers_back
UNION ALL SELECT * FROM report_contribution_ttr
UNION ALL SELECT * FROM report_contribution_step_time;

COMMENT ON VIEW report_contribution IS
    'What each diagnosis contributes to the report summaries: the union of report_contribution_<measure>';
