package io.backupdesk.diagnostics.ticket;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The promises the desk makes per priority: how soon a customer hears from an agent (first
 * response) and how soon the ticket is resolved, both counted from the moment the ticket was
 * opened, in elapsed time (a desk that answers around the clock). The resolution clock does not
 * pause while the ticket waits on the customer: the follow-up date ({@link TicketClock}) keeps
 * those tickets moving instead, and a target met or missed then means what the customer saw.
 */
public final class ServiceTargets {

  /** The two targets of one priority. */
  public record Target(Duration firstResponse, Duration resolution) {
    public Target {
      Objects.requireNonNull(firstResponse, "firstResponse");
      Objects.requireNonNull(resolution, "resolution");
      if (firstResponse.isNegative() || firstResponse.isZero()) {
        throw new IllegalArgumentException("A first-response target must be longer than zero.");
      }
      if (resolution.compareTo(firstResponse) < 0) {
        throw new IllegalArgumentException(
            "A resolution target ("
                + resolution
                + ") cannot be shorter than the first-response target ("
                + firstResponse
                + ").");
      }
    }
  }

  private final Map<Priority, Target> targets;
  private final Duration staleWaiting;

  /**
   * {@code staleWaiting}: how long a ticket may wait on the customer without a follow-up date
   * before it is flagged.
   */
  public ServiceTargets(Map<Priority, Target> targets, Duration staleWaiting) {
    var copy = new EnumMap<Priority, Target>(Priority.class);
    for (Priority p : Priority.values()) {
      var t = targets.get(p);
      if (t == null) {
        throw new IllegalArgumentException("No target for priority " + p + ".");
      }
      copy.put(p, t);
    }
    if (staleWaiting == null || staleWaiting.isNegative() || staleWaiting.isZero()) {
      throw new IllegalArgumentException("The stale-waiting limit must be longer than zero.");
    }
    this.targets = copy;
    this.staleWaiting = staleWaiting;
  }

  /** The defaults the README documents (also those of application.properties). */
  public static ServiceTargets defaults() {
    return new ServiceTargets(
        Map.of(
            Priority.URGENT, new Target(Duration.ofMinutes(30), Duration.ofHours(4)),
            Priority.HIGH, new Target(Duration.ofHours(1), Duration.ofHours(8)),
            Priority.NORMAL, new Target(Duration.ofHours(4), Duration.ofHours(24)),
            Priority.LOW, new Target(Duration.ofHours(8), Duration.ofHours(72))),
        Duration.ofDays(3));
  }

  public Target of(Priority priority) {
    return targets.get(priority);
  }

  public Duration staleWaiting() {
    return staleWaiting;
  }

  /**
   * Whether a timeline line shows the customer was answered: an agent started a diagnosis, moved
   * the ticket on (waiting on the customer or Apple, resolved, escalated, closed) or reopened it.
   * Taking the ticket, changing its priority or writing an internal note is work the customer never
   * sees.
   */
  public static boolean answersCustomer(TimelineKind kind) {
    return switch (kind) {
      case DIAGNOSIS_STARTED,
              STATUS_CHANGED,
              STEP_RECORDED,
              VERIFIED,
              RESOLVED,
              ESCALATED,
              WAITING_ON_APPLE,
              ABANDONED,
              RESUMED,
              REOPENED,
              CLOSED,
              MOVED_ON,
              DIAGNOSIS_REOPENED,
              BACKUP_STILL_FAILING ->
          true;
      case CREATED,
              ASSIGNED,
              PRIORITY_CHANGED,
              NOTE,
              ORDER_CHANGED,
              CORRECTED,
              CUSTOMER_RENAMED,
              INCIDENT_LINKED,
              INCIDENT_UNLINKED,
              APPLE_RECOVERED,
              MERGED ->
          false;
    };
  }

  /**
   * Whether a timeline line of this kind can move the ticket to another status. Only for rows
   * written without their clock, whose status time is then taken from their last such line.
   */
  public static boolean mayMoveStatus(TimelineKind kind) {
    return switch (kind) {
      case STATUS_CHANGED,
              DIAGNOSIS_STARTED,
              RESOLVED,
              ESCALATED,
              WAITING_ON_APPLE,
              ABANDONED,
              RESUMED,
              REOPENED,
              CLOSED,
              DIAGNOSIS_REOPENED,
              APPLE_RECOVERED,
              MERGED ->
          true;
      case CREATED,
              ASSIGNED,
              PRIORITY_CHANGED,
              NOTE,
              BACKUP_STILL_FAILING,
              CUSTOMER_RENAMED,
              INCIDENT_LINKED,
              INCIDENT_UNLINKED,
              STEP_RECORDED,
              VERIFIED,
              MOVED_ON,
              ORDER_CHANGED,
              CORRECTED ->
          false;
    };
  }

  /** The clock of one ticket under these targets. */
  public TicketClock clock(TicketClock.Facts facts) {
    return new TicketClock(this, facts);
  }
}
