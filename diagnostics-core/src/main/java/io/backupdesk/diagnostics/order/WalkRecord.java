package io.backupdesk.diagnostics.order;

import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.diagnosis.OrderChoice;
import io.backupdesk.diagnostics.diagnosis.StepResult;
import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.Playbook;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One recorded walk through the steps, as the learner and the off-policy estimate read it: the
 * phone, when it started, the order it was given (with the policy and propensity that chose it),
 * the steps in the sequence they were recorded, and how it ended. The web builds these from stored
 * diagnoses, the simulator from the ground truth.
 */
public record WalkRecord(
    Device device, Instant startedAt, OrderChoice choice, List<WalkStep> steps, WalkEnding ending) {

  public WalkRecord {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(choice, "choice");
    Objects.requireNonNull(ending, "ending");
    steps = List.copyOf(steps);
    var seen = new HashSet<String>();
    for (int i = 0; i < steps.size(); i++) {
      WalkStep step = steps.get(i);
      if (!seen.add(step.stepKey())) {
        throw new IllegalArgumentException("A walk records step " + step.stepKey() + " once");
      }
      if (choice.order().positionOf(step.stepKey()) == 0) {
        throw new IllegalArgumentException(
            "Step " + step.stepKey() + " is not in the walk's order " + choice.order());
      }
      boolean last = i == steps.size() - 1;
      if (!last
          && (step.outcome() == TrialOutcome.RESOLVED || step.outcome() == TrialOutcome.CENSORED)) {
        throw new IllegalArgumentException(
            "Only the last step of a walk can end it or leave it unanswered, not "
                + step.stepKey());
      }
    }
    boolean endsResolved =
        !steps.isEmpty() && steps.get(steps.size() - 1).outcome() == TrialOutcome.RESOLVED;
    if (endsResolved != (ending == WalkEnding.RESOLVED)) {
      throw new IllegalArgumentException(
          "A walk ends resolved exactly when its last step resolved it");
    }
  }

  /**
   * A stored diagnosis as a walk: its results in the sequence recorded, read by {@link
   * WalkStep#of}, and its status by {@link WalkEnding#of}.
   */
  public static WalkRecord of(
      Device device,
      Instant startedAt,
      OrderChoice choice,
      List<StepResult> results,
      DiagnosisStatus status,
      Playbook playbook) {
    return new WalkRecord(
        device,
        startedAt,
        choice,
        results.stream().map(result -> WalkStep.of(result, playbook)).toList(),
        WalkEnding.of(status));
  }

  /** The step that ended the case, if one did. */
  public Optional<String> resolvedAt() {
    return ending == WalkEnding.RESOLVED
        ? Optional.of(steps.get(steps.size() - 1).stepKey())
        : Optional.empty();
  }

  /** Steps actually done (trials), the resolving one included. */
  public int stepsDone() {
    return (int) steps.stream().filter(step -> step.outcome().isTrial()).count();
  }

  /** Agent minutes on the walk's steps and their test backups. */
  public double minutesSpent() {
    return steps.stream().mapToDouble(WalkStep::totalMinutes).sum();
  }

  /**
   * Minutes until the case left the desk: the walk's minutes plus the hand-over when it was
   * escalated. Defined for ended walks only.
   */
  public double minutesToEnd(double escalationMinutes) {
    if (ending == WalkEnding.STOPPED) {
      throw new IllegalStateException("A stopped walk has no end to count minutes to");
    }
    return minutesSpent() + (ending == WalkEnding.ESCALATED ? escalationMinutes : 0);
  }
}
