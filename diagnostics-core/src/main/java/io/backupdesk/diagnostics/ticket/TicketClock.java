package io.backupdesk.diagnostics.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A ticket measured against its {@link ServiceTargets}: when the next promise falls due, whether it
 * is overdue, and whether a ticket that waits on the customer needs chasing. Until the first
 * response the due time is the first-response target; after it, the resolution target; once the
 * ticket is resolved or closed nothing is due.
 */
public final class TicketClock {

  /** What the clock needs to know of a ticket. */
  public record Facts(
      Priority priority,
      TicketStatus status,
      Instant createdAt,
      Instant firstResponseAt,
      Instant resolvedAt,
      Instant statusSince,
      Instant followUpAt) {
    public Facts {
      Objects.requireNonNull(priority, "priority");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(createdAt, "createdAt");
    }
  }

  /** Which promise the due time stands for. */
  public enum Stage {
    FIRST_RESPONSE("First response"),
    RESOLUTION("Resolution"),
    DONE("None");

    private final String label;

    Stage(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** A target kept or broken; {@code PENDING} while it can still be kept. */
  public enum Verdict {
    MET,
    MISSED,
    PENDING
  }

  private final ServiceTargets targets;
  private final Facts facts;

  TicketClock(ServiceTargets targets, Facts facts) {
    this.targets = targets;
    this.facts = facts;
  }

  public Stage stage() {
    if (!facts.status().isOpen()) {
      return Stage.DONE;
    }
    return facts.firstResponseAt() == null ? Stage.FIRST_RESPONSE : Stage.RESOLUTION;
  }

  /** When the next promise falls due; null once the ticket is resolved or closed. */
  public Instant dueAt() {
    return switch (stage()) {
      case FIRST_RESPONSE -> firstResponseDue();
      case RESOLUTION -> resolutionDue();
      case DONE -> null;
    };
  }

  public Instant firstResponseDue() {
    return facts.createdAt().plus(targets.of(facts.priority()).firstResponse());
  }

  public Instant resolutionDue() {
    return facts.createdAt().plus(targets.of(facts.priority()).resolution());
  }

  /** Whether the ticket is past its due time at {@code now}. */
  public boolean overdue(Instant now) {
    var due = dueAt();
    return due != null && now.isAfter(due);
  }

  /** How long until the due time (negative once overdue); null when nothing is due. */
  public Duration dueIn(Instant now) {
    var due = dueAt();
    return due == null ? null : Duration.between(now, due);
  }

  public Verdict firstResponse(Instant now) {
    var due = firstResponseDue();
    if (facts.firstResponseAt() != null) {
      return facts.firstResponseAt().isAfter(due) ? Verdict.MISSED : Verdict.MET;
    }
    return now.isAfter(due) ? Verdict.MISSED : Verdict.PENDING;
  }

  /**
   * Resolution kept when the ticket was resolved by its due time. A ticket closed without being
   * resolved, or still open after it, missed it.
   */
  public Verdict resolution(Instant now) {
    var due = resolutionDue();
    if (facts.resolvedAt() != null) {
      return facts.resolvedAt().isAfter(due) ? Verdict.MISSED : Verdict.MET;
    }
    if (facts.status() == TicketStatus.CLOSED || now.isAfter(due)) {
      return Verdict.MISSED;
    }
    return Verdict.PENDING;
  }

  /** Whether a ticket waiting on the customer has reached its follow-up date. */
  public boolean followUpDue(Instant now) {
    return facts.status() == TicketStatus.WAITING_ON_CUSTOMER
        && facts.followUpAt() != null
        && !now.isBefore(facts.followUpAt());
  }

  /**
   * Whether a ticket has waited on the customer longer than the stale-waiting limit with no
   * follow-up date ahead of it: nobody has planned to chase it.
   */
  public boolean waitingTooLong(Instant now) {
    if (facts.status() != TicketStatus.WAITING_ON_CUSTOMER || facts.statusSince() == null) {
      return false;
    }
    if (facts.followUpAt() != null && now.isBefore(facts.followUpAt())) {
      return false;
    }
    return Duration.between(facts.statusSince(), now).compareTo(targets.staleWaiting()) > 0;
  }

  /** Whether an agent should act on the ticket now: overdue, follow-up due or waiting too long. */
  public boolean needsAttention(Instant now) {
    return overdue(now) || followUpDue(now) || waitingTooLong(now);
  }
}
