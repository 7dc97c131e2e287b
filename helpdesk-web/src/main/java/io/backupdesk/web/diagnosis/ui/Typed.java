package io.backupdesk.web.diagnosis.ui;

import java.util.List;

/**
 * What the agent typed into a refused form, shown again so that nothing has to be retyped. A
 * refused correction keeps its reason and says which result's form to open again.
 */
public record Typed(
    String note,
    String skipReason,
    List<String> consent,
    String escalationReason,
    String correctionStep,
    Integer correctionAttempt,
    String correctionReason) {

  static final Typed NOTHING = new Typed(null, null, List.of(), null);

  public Typed {
    consent = consent == null ? List.of() : List.copyOf(consent);
  }

  public Typed(String note, String skipReason, List<String> consent, String escalationReason) {
    this(note, skipReason, consent, escalationReason, null, null, null);
  }

  Typed withCorrection(String step, Integer attempt, String reason) {
    return new Typed(note, skipReason, consent, escalationReason, step, attempt, reason);
  }

  public boolean consented(String fixKey) {
    return consent.contains(fixKey);
  }

  /** Whether the refused correction was of this result (its form opens again, reason kept). */
  public boolean correcting(String stepKey, int attempt) {
    return stepKey != null
        && stepKey.equals(correctionStep)
        && Integer.valueOf(attempt).equals(correctionAttempt == null ? 1 : correctionAttempt);
  }
}
