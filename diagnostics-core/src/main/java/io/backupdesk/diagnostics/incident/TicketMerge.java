package io.backupdesk.diagnostics.incident;

import io.backupdesk.diagnostics.ticket.TicketStatus;
import java.util.Objects;

/**
 * The rules for merging a customer's duplicate ticket into the one that carries on. Whether the two
 * are about the same failure is the agent's judgement; the rules make sure the merge cannot lose
 * anything or mix customers:
 *
 * <ol>
 *   <li>a ticket cannot be merged into itself (422);
 *   <li>both tickets belong to the same customer (422): a merge never moves a case to someone else;
 *   <li>merging a source again into the target it was merged into changes nothing (a repeat);
 *   <li>a source already merged into another ticket cannot be merged again (409, names that one);
 *   <li>the target cannot itself have been merged (409, names the ticket to merge into instead);
 *   <li>the target cannot be closed (409): reopen it first, or merge the other way round;
 *   <li>the source cannot have an open diagnosis (in progress, awaiting its test backup, or paused)
 *       (409): closing the ticket would cut the diagnosis off. Finish or escalate it first, or
 *       merge the other way round if that ticket should carry on.
 * </ol>
 *
 * <p>The source is then closed, whatever its status, with a link to the target; the target keeps
 * its status (a resolved target stays resolved). Both timelines stay where they are.
 */
public final class TicketMerge {
  private TicketMerge() {}

  /** What merging {@code source} into {@code target} does, or why it is refused. */
  public static MergePlan plan(MergeCandidate source, MergeCandidate target) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    long s = source.ticketId();
    long t = target.ticketId();
    if (s == t) {
      throw new IncidentRefusedException(
          Refusal.MERGE_INTO_ITSELF,
          "Ticket #" + s + " cannot be merged into itself: choose the customer's other ticket.");
    }
    if (source.customerId() != target.customerId()) {
      throw new IncidentRefusedException(
          Refusal.MERGE_ACROSS_CUSTOMERS,
          "Tickets #"
              + s
              + " and #"
              + t
              + " belong to different customers; only one customer's duplicate tickets can be"
              + " merged.");
    }
    if (source.mergedInto() != null) {
      if (source.mergedInto() == t) {
        return new MergePlan(s, t, true, source.status(), source.status(), target.status());
      }
      throw new IncidentRefusedException(
          Refusal.MERGE_ALREADY_MERGED,
          "Ticket #"
              + s
              + " was already merged into #"
              + source.mergedInto()
              + "; open that ticket instead.");
    }
    if (target.mergedInto() != null) {
      throw new IncidentRefusedException(
          Refusal.MERGE_INTO_MERGED,
          "Ticket #"
              + t
              + " was itself merged into #"
              + target.mergedInto()
              + ": merge #"
              + s
              + " into #"
              + target.mergedInto()
              + " instead.");
    }
    if (target.status() == TicketStatus.CLOSED) {
      throw new IncidentRefusedException(
          Refusal.MERGE_INTO_CLOSED,
          "Ticket #"
              + t
              + " is closed: reopen it first, or merge #"
              + t
              + " into #"
              + s
              + " instead.");
    }
    if (source.hasOpenDiagnosis()) {
      throw new IncidentRefusedException(
          Refusal.MERGE_OPEN_DIAGNOSIS,
          "Ticket #"
              + s
              + " has a diagnosis that is still open; closing the ticket would cut it off. Finish"
              + " or escalate that diagnosis first, or merge #"
              + t
              + " into #"
              + s
              + " if #"
              + s
              + " should carry on.");
    }
    return new MergePlan(s, t, false, source.status(), TicketStatus.CLOSED, target.status());
  }
}
