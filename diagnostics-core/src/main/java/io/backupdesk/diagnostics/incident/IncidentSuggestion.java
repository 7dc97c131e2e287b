package io.backupdesk.diagnostics.incident;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * The desk's suggestion that Apple has an outage, with its evidence, until a supervisor confirms it
 * (and an {@link Incident} is opened from it) or dismisses it. A decision is final: confirming
 * twice, or deciding against an earlier decision, is a conflict, so two supervisors acting at once
 * never open two incidents; dismissing twice changes nothing.
 */
public final class IncidentSuggestion {
  private final Detection detection;
  private final Instant raisedAt;
  private SuggestionStatus status;
  private String decidedBy;
  private Instant decidedAt;
  private String dismissReason;

  private IncidentSuggestion(SuggestionSnapshot s) {
    this.detection = requireNonNull(s.detection(), "detection");
    this.raisedAt = requireNonNull(s.raisedAt(), "raisedAt");
    this.status = requireNonNull(s.status(), "status");
    this.decidedBy = s.decidedBy();
    this.decidedAt = s.decidedAt();
    this.dismissReason = s.dismissReason();
    boolean decided = status != SuggestionStatus.PENDING;
    if (decided != (decidedBy != null) || decided != (decidedAt != null)) {
      throw new IllegalArgumentException(
          "Inconsistent suggestion: who decided and when are set exactly when decided");
    }
    if (dismissReason != null && status != SuggestionStatus.DISMISSED) {
      throw new IllegalArgumentException("Inconsistent suggestion: a reason only for a dismissal");
    }
    if (decidedAt != null && decidedAt.isBefore(raisedAt)) {
      throw new IllegalArgumentException("Inconsistent suggestion: decided before it was raised");
    }
  }

  /** A new suggestion from evidence that suggests an incident. */
  public static IncidentSuggestion raise(Detection detection, Instant at) {
    requireNonNull(detection, "detection");
    if (!detection.suggestsIncident()) {
      throw new IllegalArgumentException(
          "This evidence does not suggest an incident: " + detection.describe());
    }
    return new IncidentSuggestion(
        new SuggestionSnapshot(
            detection, requireNonNull(at, "at"), SuggestionStatus.PENDING, null, null, null));
  }

  public static IncidentSuggestion restore(SuggestionSnapshot snapshot) {
    return new IncidentSuggestion(requireNonNull(snapshot, "snapshot"));
  }

  public SuggestionSnapshot snapshot() {
    return new SuggestionSnapshot(detection, raisedAt, status, decidedBy, decidedAt, dismissReason);
  }

  /**
   * The event for raising it, which {@link #raise} does not return because it returns the
   * suggestion.
   */
  public IncidentEvent.Suggested raisedEvent() {
    return new IncidentEvent.Suggested(detection, raisedAt);
  }

  /** The supervisor agrees: open an incident from it next ({@link Incident#openFrom}). */
  public List<IncidentEvent> confirm(String supervisor, Instant at) {
    String by = IncidentTexts.requireAgent(supervisor);
    requireNonNull(at, "at");
    switch (status) {
      case CONFIRMED ->
          throw new IncidentRefusedException(
              Refusal.SUGGESTION_ALREADY_CONFIRMED,
              "This suggestion was already confirmed by "
                  + decidedBy
                  + " at "
                  + decidedAt
                  + ", and the incident is open: reload to see it.");
      case DISMISSED ->
          throw new IncidentRefusedException(
              Refusal.SUGGESTION_ALREADY_DISMISSED,
              "This suggestion was dismissed by "
                  + decidedBy
                  + " at "
                  + decidedAt
                  + ". If Apple has an outage after all, open an incident by hand.");
      case PENDING -> {}
    }
    Instant time = notBeforeRaised(at);
    status = SuggestionStatus.CONFIRMED;
    decidedBy = by;
    decidedAt = time;
    return List.of(new IncidentEvent.SuggestionConfirmed(time, by));
  }

  /** The supervisor judges it a false alarm; the reason is optional. */
  public List<IncidentEvent> dismiss(String reason, String supervisor, Instant at) {
    String by = IncidentTexts.requireAgent(supervisor);
    requireNonNull(at, "at");
    if (status == SuggestionStatus.DISMISSED) {
      return List.of();
    }
    if (status == SuggestionStatus.CONFIRMED) {
      throw new IncidentRefusedException(
          Refusal.SUGGESTION_ALREADY_CONFIRMED,
          "This suggestion was already confirmed by "
              + decidedBy
              + " and its incident is open; to end it, mark the incident as recovered.");
    }
    String why = reason == null || reason.isBlank() ? null : IncidentTexts.note(reason);
    Instant time = notBeforeRaised(at);
    status = SuggestionStatus.DISMISSED;
    decidedBy = by;
    decidedAt = time;
    dismissReason = why;
    return List.of(new IncidentEvent.SuggestionDismissed(why, time, by));
  }

  public Detection detection() {
    return detection;
  }

  public Instant raisedAt() {
    return raisedAt;
  }

  public SuggestionStatus status() {
    return status;
  }

  private Instant notBeforeRaised(Instant at) {
    return at.isBefore(raisedAt) ? raisedAt : at;
  }
}
