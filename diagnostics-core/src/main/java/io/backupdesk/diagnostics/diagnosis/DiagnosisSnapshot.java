package io.backupdesk.diagnostics.diagnosis;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to store a diagnosis and restore it exactly. Once the diagnosis has ended,
 * {@code currentStepNumber} is 0 and {@code currentStepStartedAt} is null; {@code
 * statusBeforeAbandon} is set only while abandoned; results are ordered by step number.
 */
public record DiagnosisSnapshot(
    int playbookVersion,
    String deviceModel,
    String iosVersion,
    DiagnosisStatus status,
    DiagnosisStatus statusBeforeAbandon,
    int currentStepNumber,
    Instant currentStepStartedAt,
    List<StepResult> results,
    Resolution resolution,
    Escalation escalation,
    Instant startedAt,
    String startedBy,
    Instant endedAt) {

  public DiagnosisSnapshot {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startedAt, "startedAt");
    results = results == null ? List.of() : List.copyOf(results);
    startedBy = Strings.requireAgent(startedBy);
  }
}
