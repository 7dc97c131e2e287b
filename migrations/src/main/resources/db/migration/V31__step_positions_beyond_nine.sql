-- A published playbook may have up to 40 steps (V16 widened the step numbers of diagnoses and
-- results), but V8's new columns still stopped at nine: the tenth step of a grown playbook could be
-- walked and then not stored. Every column that names a step's number or place takes the same range.
ALTER TABLE step_result DROP CONSTRAINT step_result_position_check;
ALTER TABLE step_result ADD CONSTRAINT step_result_position_check CHECK (position BETWEEN 1 AND 40);
ALTER TABLE step_correction DROP CONSTRAINT step_correction_step_number_check;
ALTER TABLE step_correction ADD CONSTRAINT step_correction_step_number_check
    CHECK (step_number BETWEEN 1 AND 40);
ALTER TABLE step_correction DROP CONSTRAINT step_correction_position_check;
ALTER TABLE step_correction ADD CONSTRAINT step_correction_position_check
    CHECK (position BETWEEN 1 AND 40);
