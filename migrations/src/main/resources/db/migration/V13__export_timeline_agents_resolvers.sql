-- What a BI user joins the exports with: the timeline and the accounts get the export's cursor
-- column, a timeline line says what it changed from and to, and a ticket says who resolved and
-- who closed it.

-- ---- Cursor column on the timeline and the accounts ----------------------------------------------
-- Same contract as V2: the trigger stamps the id of the writing transaction. Rows already there
-- belong to this migration's transaction. The value is added as a constant default (PostgreSQL keeps
-- it in the catalogue, no table rewrite: the timeline is the largest table) and the default dropped
-- again, so every later row gets its stamp from the trigger.
DO
$$
BEGIN
    EXECUTE format('ALTER TABLE ticket_event ADD COLUMN change_txid xid8 NOT NULL DEFAULT %L',
                   pg_current_xact_id());
    EXECUTE format('ALTER TABLE agent ADD COLUMN change_txid xid8 NOT NULL DEFAULT %L',
                   pg_current_xact_id());
END
$$;
ALTER TABLE ticket_event ALTER COLUMN change_txid DROP DEFAULT;
ALTER TABLE agent ALTER COLUMN change_txid DROP DEFAULT;

CREATE TRIGGER ticket_event_change_txid BEFORE INSERT OR UPDATE ON ticket_event
    FOR EACH ROW EXECUTE FUNCTION stamp_change_txid();
CREATE TRIGGER agent_change_txid BEFORE INSERT OR UPDATE ON agent
    FOR EACH ROW EXECUTE FUNCTION stamp_change_txid();

CREATE INDEX ticket_event_change_idx ON ticket_event (change_txid, id);
CREATE INDEX agent_change_idx ON agent (change_txid, id);
-- The timeline export's from/to filter on the moment of the line.
CREATE INDEX ticket_event_at_idx ON ticket_event (at);

-- ---- What a timeline line changed ----------------------------------------------------------------
-- For assignments (user names; empty = unassigned), priority changes (LOW..URGENT) and status
-- changes by an agent (STATUS_CHANGED, REOPENED, CLOSED: ticket statuses), the value before and
-- after, as the application stored the ticket. Lines written before this version have none: their
-- summary says it in words only.
ALTER TABLE ticket_event ADD COLUMN from_value varchar(64);
ALTER TABLE ticket_event ADD COLUMN to_value varchar(64);

-- ---- Who resolved, who closed --------------------------------------------------------------------
-- Set by the application with resolved_at and closed_at (the agent of the command that moved the
-- ticket there), cleared with them when the ticket is reopened. Tickets resolved or closed before
-- this version have none.
ALTER TABLE ticket ADD COLUMN resolved_by varchar(64) REFERENCES agent (username);
ALTER TABLE ticket ADD COLUMN closed_by varchar(64) REFERENCES agent (username);
