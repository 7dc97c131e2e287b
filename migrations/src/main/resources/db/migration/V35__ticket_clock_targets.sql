-- The service targets the open tickets' due times were last brought to (one row). At start-up the
-- app compares them with its configured targets and walks every open ticket only when they
-- differ, or when some open ticket has no clock yet; otherwise a start costs two index lookups,
-- however many tickets are open (a generated desk of 1M tickets has 100k open ones).
CREATE TABLE ticket_clock_targets (
    id          smallint      PRIMARY KEY CHECK (id = 1),
    targets     varchar(500)  NOT NULL,
    applied_at  timestamptz   NOT NULL
);

-- Open tickets written without a clock (by versions before V18 or by the data generator): usually
-- none, so the index is empty and the start-up check costs nothing.
CREATE INDEX ticket_without_clock_idx ON ticket (id)
    WHERE status_since IS NULL AND status NOT IN ('RESOLVED', 'CLOSED');
