package io.backupdesk.diagnostics.diagnosis;

import io.backupdesk.diagnostics.playbook.StepOrder;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to store a diagnosis and restore it exactly. Once the diagnosis has ended,
 * {@code currentStepNumber} (the current step's number in the article, whatever order is walked) is
 * 0 and {@code currentStepStartedAt} is null; {@code statusBeforeAbandon} is set only while
 * abandoned; results are ordered by position in the walked order, then by attempt.
 *
 * <p>{@code orderChoice} is the order as chosen at the start, with its policy, model version and
 * propensity; it never changes. {@code order} is the order walked: the chosen one, or, when {@code
 * orderOverride} is set, the chosen one up to the override's position followed by the article's
 * order. {@code corrections} is the history of corrected and withdrawn results, oldest first.
 *
 * <p>A null {@code orderChoice} or {@code order} means the article's order (how diagnoses stored
 * before orders existed are restored); {@link Diagnosis#snapshot()} always names them.
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
    Instant endedAt,
    OrderChoice orderChoice,
    StepOrder order,
    OrderOverride orderOverride,
    List<StepCorrection> corrections) {

  public DiagnosisSnapshot {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startedAt, "startedAt");
    results = results == null ? List.of() : List.copyOf(results);
    corrections = corrections == null ? List.of() : List.copyOf(corrections);
    startedBy = Strings.requireAgent(startedBy);
  }
}
