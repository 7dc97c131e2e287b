-- The queue shows tickets per status on every page. Counting a million tickets each time took
-- ~100 ms and capped the queue at a few requests per second (bench/RESULTS.md). These counters
-- stay exact through statement-level triggers with transition tables: a COPY of a million rows
-- is one aggregate, and an update that changes no status touches no counter.

CREATE TABLE ticket_status_count (
    status  varchar(24) PRIMARY KEY CHECK (status IN
                ('NEW', 'IN_DIAGNOSIS', 'WAITING_ON_CUSTOMER', 'WAITING_ON_APPLE', 'RESOLVED', 'ESCALATED', 'CLOSED')),
    tickets bigint      NOT NULL CHECK (tickets >= 0)
);

INSERT INTO ticket_status_count (status, tickets)
SELECT s.status, (SELECT count(*) FROM ticket t WHERE t.status = s.status)
FROM unnest(ARRAY['NEW', 'IN_DIAGNOSIS', 'WAITING_ON_CUSTOMER', 'WAITING_ON_APPLE', 'RESOLVED',
                  'ESCALATED', 'CLOSED']) AS s(status);

-- Applies per-status differences in status order, so that concurrent transactions lock the
-- counter rows in the same order and cannot deadlock on them.
CREATE FUNCTION ticket_status_count_apply(changes jsonb) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    change record;
BEGIN
    FOR change IN
        SELECT key AS status, value::bigint AS delta FROM jsonb_each_text(changes)
        WHERE value::bigint <> 0 ORDER BY key
    LOOP
        UPDATE ticket_status_count SET tickets = tickets + change.delta WHERE status = change.status;
    END LOOP;
END $$;

CREATE FUNCTION ticket_status_count_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ticket_status_count_apply(
        (SELECT coalesce(jsonb_object_agg(status, n), '{}') FROM
            (SELECT status, count(*) AS n FROM new_rows GROUP BY status) c));
    RETURN NULL;
END $$;

CREATE FUNCTION ticket_status_count_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ticket_status_count_apply(
        (SELECT coalesce(jsonb_object_agg(status, n), '{}') FROM
            (SELECT status, sum(n) AS n FROM
                (SELECT status, count(*) AS n FROM new_rows GROUP BY status
                 UNION ALL
                 SELECT status, -count(*) FROM old_rows GROUP BY status) d
             GROUP BY status) c));
    RETURN NULL;
END $$;

CREATE FUNCTION ticket_status_count_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ticket_status_count_apply(
        (SELECT coalesce(jsonb_object_agg(status, -n), '{}') FROM
            (SELECT status, count(*) AS n FROM old_rows GROUP BY status) c));
    RETURN NULL;
END $$;

CREATE TRIGGER ticket_status_count_insert AFTER INSERT ON ticket
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ticket_status_count_after_insert();
CREATE TRIGGER ticket_status_count_update AFTER UPDATE ON ticket
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ticket_status_count_after_update();
CREATE TRIGGER ticket_status_count_delete AFTER DELETE ON ticket
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ticket_status_count_after_delete();
