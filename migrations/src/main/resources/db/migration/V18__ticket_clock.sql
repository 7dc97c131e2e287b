-- The ticket's clock (README "Time targets"). The rules live in the core (ServiceTargets,
-- TicketClock); these columns keep what they need and what the queue sorts by:
--   first_response_at  the first timeline line that answered the customer
--   status_since       when the ticket entered its current status ("waiting since")
--   follow_up_at       when to chase a customer the ticket waits on (set by an agent)
--   due_at             the next target's due time, written by the app with every change of the
--                      ticket and re-checked at start-up (targets are configuration); NULL once the
--                      ticket is resolved or closed
-- Rows written before this script, or by the data generator, get the first three at the app's next
-- start (TicketClocks), so this script stays quick on a large table.
ALTER TABLE ticket
    ADD COLUMN first_response_at timestamptz,
    ADD COLUMN status_since      timestamptz,
    ADD COLUMN follow_up_at      timestamptz,
    ADD COLUMN due_at            timestamptz,
    ADD CONSTRAINT ticket_follow_up_after_opening CHECK (follow_up_at IS NULL OR follow_up_at > created_at);

-- Only open tickets have a due time: the "due first" order walks this small partial index.
CREATE INDEX ticket_due_idx ON ticket (due_at, id) WHERE due_at IS NOT NULL;
