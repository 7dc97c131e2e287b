-- Backup Desk schema, version 2: what the supervisors' reports and the REST export need.

-- ---- Export cursor -------------------------------------------------------------------------------
-- Every row remembers the id of the transaction that last wrote it. The export sends only rows
-- whose transaction is older than every transaction still running (pg_snapshot_xmin of the
-- current snapshot), ordered by (change_txid, id). Such rows can no longer change their place:
-- a transaction that commits later always has a newer id than that horizon, so a consumer that
-- resumes after the (change_txid, id) of the last row it got misses nothing and gets nothing
-- twice, even when writers commit out of order. The application never maps this column.
CREATE FUNCTION stamp_change_txid() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    NEW.change_txid := pg_current_xact_id();
    RETURN NEW;
END
$$;

ALTER TABLE ticket ADD COLUMN change_txid xid8;
ALTER TABLE diagnosis ADD COLUMN change_txid xid8;
ALTER TABLE step_result ADD COLUMN change_txid xid8;

-- Rows written before this script belong to the migration's transaction.
UPDATE ticket SET change_txid = pg_current_xact_id();
UPDATE diagnosis SET change_txid = pg_current_xact_id();
UPDATE step_result SET change_txid = pg_current_xact_id();

ALTER TABLE ticket ALTER COLUMN change_txid SET NOT NULL;
ALTER TABLE diagnosis ALTER COLUMN change_txid SET NOT NULL;
ALTER TABLE step_result ALTER COLUMN change_txid SET NOT NULL;

CREATE TRIGGER ticket_change_txid BEFORE INSERT OR UPDATE ON ticket
    FOR EACH ROW EXECUTE FUNCTION stamp_change_txid();
CREATE TRIGGER diagnosis_change_txid BEFORE INSERT OR UPDATE ON diagnosis
    FOR EACH ROW EXECUTE FUNCTION stamp_change_txid();
CREATE TRIGGER step_result_change_txid BEFORE INSERT OR UPDATE ON step_result
    FOR EACH ROW EXECUTE FUNCTION stamp_change_txid();

CREATE INDEX ticket_change_idx ON ticket (change_txid, id);
CREATE INDEX diagnosis_change_idx ON diagnosis (change_txid, id);
CREATE INDEX step_result_change_idx ON step_result (change_txid, id);

-- ---- Report filters ------------------------------------------------------------------------------
-- Escalations and outages by week filter ended diagnoses on ended_at (V1 only indexes resolved ones).
CREATE INDEX diagnosis_ended_idx ON diagnosis (ended_at) WHERE ended_at IS NOT NULL;
-- The agent filter and the per-agent report: diagnoses by who ran them, in a period.
CREATE INDEX diagnosis_agent_started_idx ON diagnosis (started_by, started_at);
-- The device-model and iOS filters.
CREATE INDEX ticket_device_model_idx ON ticket (device_model);
CREATE INDEX ticket_ios_major_idx ON ticket (ios_major);
-- Time per step filters step results on when the step started; the export on when they were recorded.
CREATE INDEX step_result_started_idx ON step_result (started_at);
CREATE INDEX step_result_ended_idx ON step_result (ended_at);
