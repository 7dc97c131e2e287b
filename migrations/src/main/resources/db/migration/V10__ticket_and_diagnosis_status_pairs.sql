-- A ticket's status and the status of its newest diagnosis never contradict each other: a ticket
-- is in diagnosis while its diagnosis runs, and new, waiting on the customer or closed while it is
-- paused; beside an ended diagnosis (or none) it may be anything. The rule is the core's
-- (TicketCase.statusesBeside, which the app enforces first and words for people); this is the
-- database's copy, so that no writer (a script, the data generator, a future bug) can store a pair
-- the rule forbids. StatusPairSchemaTest compares the two tables pair by pair.
CREATE FUNCTION ticket_status_allowed_beside(ticket_status varchar, diagnosis_status varchar)
    RETURNS boolean LANGUAGE sql IMMUTABLE AS
$$
    SELECT CASE
        WHEN diagnosis_status IN ('IN_PROGRESS', 'AWAITING_VERIFICATION')
            THEN ticket_status = 'IN_DIAGNOSIS'
        WHEN diagnosis_status = 'ABANDONED'
            THEN ticket_status IN ('NEW', 'WAITING_ON_CUSTOMER', 'CLOSED')
        ELSE true
    END
$$;

-- Checked when the transaction commits (deferred): one command writes the ticket and its
-- diagnosis in whichever order the app flushes them, and only the pair they end with counts.
CREATE FUNCTION ticket_check_status_pair() RETURNS trigger LANGUAGE plpgsql AS
$$
DECLARE
    checked_ticket   bigint;
    ticket_status    varchar;
    newest_status    varchar;
    newest_attempt   integer;
BEGIN
    -- Each branch names a column of its own table only: PL/pgSQL resolves NEW's fields when the
    -- statement runs, so one expression naming both would fail on either table.
    IF TG_TABLE_NAME = 'ticket' THEN
        checked_ticket := NEW.id;
    ELSE
        checked_ticket := NEW.ticket_id;
    END IF;
    SELECT t.status INTO ticket_status FROM ticket t WHERE t.id = checked_ticket;
    SELECT d.status, d.attempt INTO newest_status, newest_attempt
    FROM diagnosis d WHERE d.ticket_id = checked_ticket ORDER BY d.attempt DESC LIMIT 1;
    IF ticket_status IS NOT NULL AND newest_status IS NOT NULL
        AND NOT ticket_status_allowed_beside(ticket_status, newest_status) THEN
        RAISE EXCEPTION 'ticket % cannot be % while its diagnosis % is %',
            checked_ticket, ticket_status, newest_attempt, newest_status
            USING ERRCODE = 'check_violation', CONSTRAINT = 'ticket_diagnosis_status_pair';
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER ticket_diagnosis_status_pair AFTER UPDATE OF status ON ticket
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION ticket_check_status_pair();
CREATE CONSTRAINT TRIGGER diagnosis_status_pair_on_insert AFTER INSERT ON diagnosis
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE FUNCTION ticket_check_status_pair();
CREATE CONSTRAINT TRIGGER diagnosis_status_pair_on_update AFTER UPDATE OF status ON diagnosis
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION ticket_check_status_pair();
