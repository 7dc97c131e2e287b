-- The order a diagnosis walks, with the policy that chose it (README "Step order"). The outcomes
-- work (migration V8) adds these same columns; on a database where it already did, each line here
-- changes nothing. Without them a learned order could not survive a reload of the diagnosis.
ALTER TABLE diagnosis ADD COLUMN IF NOT EXISTS step_order          varchar(400);
ALTER TABLE diagnosis ADD COLUMN IF NOT EXISTS order_policy        varchar(16);
ALTER TABLE diagnosis ADD COLUMN IF NOT EXISTS order_model_version integer;
ALTER TABLE diagnosis ADD COLUMN IF NOT EXISTS order_propensity    double precision;
ALTER TABLE diagnosis ADD COLUMN IF NOT EXISTS order_override_from integer;
ALTER TABLE diagnosis ADD COLUMN IF NOT EXISTS order_override_by   varchar(64);
ALTER TABLE diagnosis ADD COLUMN IF NOT EXISTS order_override_at   timestamptz;
