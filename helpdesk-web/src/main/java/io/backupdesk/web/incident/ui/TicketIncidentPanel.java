package io.backupdesk.web.incident.ui;

import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.web.incident.FollowUps;
import io.backupdesk.web.incident.IncidentStore;
import io.backupdesk.web.incident.OpenIncident;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the layout and the ticket and step pages show of incidents ({@code inject:incidents}): the
 * open incident for the banner and the Apple-status step, a ticket's incidents, whether it is a
 * follow-up that starts from the test backup, and the outcome of its merge and follow-up forms.
 */
@Named("incidents")
@RequestScoped
public class TicketIncidentPanel {

  private static final Map<String, String> PROBLEMS =
      Map.of(
          "merge-number", "Type the number of the ticket this one merges into, e.g. 1234.",
          "merge-unknown", "There is no such ticket: nothing was merged.",
          "merge-into-itself", "A ticket cannot be merged into itself: choose the other ticket.",
          "merge-across-customers",
              "The two tickets belong to different customers; only one customer's duplicates can"
                  + " be merged.",
          "merge-already-merged", "This ticket was already merged into another one.",
          "merge-into-merged",
              "That ticket was itself merged into another one: merge into that one instead.",
          "merge-into-closed", "That ticket is closed: reopen it first, or merge the other way.",
          "merge-open-diagnosis",
              "This ticket's diagnosis is still open: finish or escalate it first, or merge the"
                  + " other ticket into this one.",
          "backup-answer", "Choose whether the customer's Back Up Now completed.",
          "not-follow-up",
              "This ticket is not waiting for a test backup after an Apple outage any more: reload"
                  + " it to see where it stands.");

  /** A ticket's side of incidents. */
  public record Panel(
      List<IncidentStore.Named> linked, boolean followUp, String problem, boolean merged) {}

  private final IncidentStore store;
  private final OpenIncident open;
  private final FollowUps followUps;
  private final CurrentVertxRequest request;
  private final Clock clock;

  TicketIncidentPanel(
      IncidentStore store,
      OpenIncident open,
      FollowUps followUps,
      CurrentVertxRequest request,
      Clock clock) {
    this.store = store;
    this.open = open;
    this.followUps = followUps;
    this.request = request;
    this.clock = clock;
  }

  /** The open incident, for the banner on every agent page; null when Apple is fine. */
  public OpenIncident.Shown open() {
    return open.get().orElse(null);
  }

  /** The time the pages compare the incident's start with ("since 14:05" when it is today). */
  public Instant now() {
    return clock.instant();
  }

  public Panel of(long ticketId, TicketStatus status) {
    return new Panel(
        store.linkedTo(ticketId),
        followUps.awaitsBackup(ticketId, status),
        problem(query("incidentProblem")),
        "merged".equals(query("incidentDone")));
  }

  /** The words for a problem code; Map.of refuses a null key, and most pages carry none. */
  private static String problem(String code) {
    return code == null ? null : PROBLEMS.get(code);
  }

  private String query(String name) {
    var current = request.getCurrent();
    return current == null ? null : current.request().getParam(name);
  }
}
