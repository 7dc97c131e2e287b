-- An edited playbook may have more steps than the nine of v1 (the core allows up to 40): a result
-- at step 10 of v2 must be storable. Step keys and fix keys stay at 40 characters (the core's limit).
ALTER TABLE diagnosis DROP CONSTRAINT IF EXISTS diagnosis_current_step_check;
ALTER TABLE diagnosis ADD CONSTRAINT diagnosis_current_step_check CHECK (current_step BETWEEN 1 AND 40);
ALTER TABLE diagnosis DROP CONSTRAINT IF EXISTS diagnosis_resolved_step_number_check;
ALTER TABLE diagnosis ADD CONSTRAINT diagnosis_resolved_step_number_check
    CHECK (resolved_step_number BETWEEN 1 AND 40);
ALTER TABLE step_result DROP CONSTRAINT IF EXISTS step_result_step_number_check;
ALTER TABLE step_result ADD CONSTRAINT step_result_step_number_check CHECK (step_number BETWEEN 1 AND 40);

-- The version comparison report groups a version's diagnoses.
CREATE INDEX diagnosis_playbook_version_idx ON diagnosis (playbook_version);
