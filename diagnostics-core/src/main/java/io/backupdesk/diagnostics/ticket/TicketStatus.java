package io.backupdesk.diagnostics.ticket;

import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a customer's ticket stands. Diagnoses move it forward ({@link #afterDiagnosis}); agents
 * close and reopen it. Allowed moves (staying in the same status is always allowed):
 *
 * <table>
 *   <caption>Ticket transitions</caption>
 *   <tr><th>from</th><th>to</th></tr>
 *   <tr><td>NEW</td><td>IN_DIAGNOSIS, WAITING_ON_CUSTOMER, CLOSED</td></tr>
 *   <tr><td>IN_DIAGNOSIS</td>
 *       <td>WAITING_ON_CUSTOMER, WAITING_ON_APPLE, RESOLVED, ESCALATED, CLOSED</td></tr>
 *   <tr><td>WAITING_ON_CUSTOMER</td><td>NEW, IN_DIAGNOSIS, ESCALATED, CLOSED</td></tr>
 *   <tr><td>WAITING_ON_APPLE</td><td>NEW, IN_DIAGNOSIS, CLOSED</td></tr>
 *   <tr><td>RESOLVED</td><td>NEW, IN_DIAGNOSIS, CLOSED</td></tr>
 *   <tr><td>ESCALATED</td><td>NEW, IN_DIAGNOSIS, CLOSED</td></tr>
 *   <tr><td>CLOSED</td><td>NEW, IN_DIAGNOSIS</td></tr>
 * </table>
 *
 * <p>Moving back to NEW returns a ticket to the queue; moving back to IN_DIAGNOSIS reopens it for a
 * new diagnosis right away. A ticket is open while someone still has to act on it: every status
 * except RESOLVED and CLOSED.
 */
public enum TicketStatus {
  NEW("New"),
  IN_DIAGNOSIS("In diagnosis"),
  WAITING_ON_CUSTOMER("Waiting on customer"),
  WAITING_ON_APPLE("Waiting on Apple"),
  RESOLVED("Resolved"),
  ESCALATED("Escalated"),
  CLOSED("Closed");

  private final String label;

  TicketStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isOpen() {
    return this != RESOLVED && this != CLOSED;
  }

  /**
   * Whether a ticket in this status is done with, so that moving it on reopens it: resolved,
   * escalated or closed.
   */
  public boolean isReopenable() {
    return this == RESOLVED || this == ESCALATED || this == CLOSED;
  }

  /** The statuses this one can move to, in declaration order. */
  public Set<TicketStatus> allowedNext() {
    return Collections.unmodifiableSet(
        switch (this) {
          case NEW -> EnumSet.of(IN_DIAGNOSIS, WAITING_ON_CUSTOMER, CLOSED);
          case IN_DIAGNOSIS ->
              EnumSet.of(WAITING_ON_CUSTOMER, WAITING_ON_APPLE, RESOLVED, ESCALATED, CLOSED);
          case WAITING_ON_CUSTOMER -> EnumSet.of(NEW, IN_DIAGNOSIS, ESCALATED, CLOSED);
          case WAITING_ON_APPLE, RESOLVED, ESCALATED -> EnumSet.of(NEW, IN_DIAGNOSIS, CLOSED);
          case CLOSED -> EnumSet.of(NEW, IN_DIAGNOSIS);
        });
  }

  public boolean canMoveTo(TicketStatus next) {
    return next == this || allowedNext().contains(next);
  }

  /** The new status; staying put is allowed so that following a diagnosis never fails. */
  public TicketStatus moveTo(TicketStatus next) {
    if (!canMoveTo(next)) {
      throw new IllegalTicketTransitionException(this, next);
    }
    return next;
  }

  /** The ticket status that reflects a diagnosis's status. */
  public static TicketStatus afterDiagnosis(DiagnosisStatus status) {
    return switch (status) {
      case IN_PROGRESS, AWAITING_VERIFICATION -> IN_DIAGNOSIS;
      case ABANDONED -> WAITING_ON_CUSTOMER;
      case RESOLVED -> RESOLVED;
      case ESCALATED -> ESCALATED;
      case WAITING_ON_APPLE -> WAITING_ON_APPLE;
    };
  }
}
