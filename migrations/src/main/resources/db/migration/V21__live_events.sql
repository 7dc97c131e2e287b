-- Live updates (README "Live updates across instances"): every change is announced on one
-- PostgreSQL notification channel, so that each app instance behind the load balancer hears every
-- change, whichever instance made it. NOTIFY is transactional: a notification sent inside a
-- transaction is delivered when it commits and never when it rolls back.
--
-- One message format for every sender: {"topic": "...", "payload": {...}}. The app's
-- LiveEvents.publish(topic, payload) calls this function in the caller's transaction.
CREATE FUNCTION live_publish(topic text, payload jsonb) RETURNS void
LANGUAGE sql AS $$
    SELECT pg_notify('backupdesk_live', jsonb_build_object('topic', topic, 'payload', payload)::text);
$$;

-- Every change of a ticket or of one of its diagnoses writes a timeline event with its kind and
-- actor, so the timeline is where changes are announced: no handler can forget to. Only ids, the
-- kind and who did it leave: pages fetch what they show through their own access checks.
-- Per statement, not per row: a bulk load (the data generator's COPY) sends one "BULK" message
-- instead of flooding the channel, and a session can switch the announcements off with
-- SET backupdesk.live = 'off'.
CREATE FUNCTION live_ticket_events() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    inserted integer;
    e record;
BEGIN
    IF current_setting('backupdesk.live', true) = 'off' THEN
        RETURN NULL;
    END IF;
    SELECT count(*) INTO inserted FROM new_events;
    IF inserted > 50 THEN
        PERFORM live_publish('ticket', jsonb_build_object('kind', 'BULK', 'count', inserted));
        RETURN NULL;
    END IF;
    FOR e IN
        SELECT n.id, n.ticket_id, n.diagnosis_id, n.kind, n.actor, a.display_name
        FROM new_events n LEFT JOIN agent a ON a.username = n.actor
        ORDER BY n.id
    LOOP
        PERFORM live_publish('ticket', jsonb_build_object(
            'ticket', e.ticket_id, 'diagnosis', e.diagnosis_id, 'event', e.id,
            'kind', e.kind, 'by', e.actor, 'byName', coalesce(e.display_name, e.actor)));
    END LOOP;
    RETURN NULL;
END;
$$;

CREATE TRIGGER ticket_event_live
    AFTER INSERT ON ticket_event
    REFERENCING NEW TABLE AS new_events
    FOR EACH STATEMENT EXECUTE FUNCTION live_ticket_events();
