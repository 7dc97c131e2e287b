package io.backupdesk.web.ticket.ui;

import io.backupdesk.diagnostics.ticket.TicketClock;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.web.common.ui.ViewerZone;
import io.backupdesk.web.ticket.TicketClocks;
import io.backupdesk.web.ticket.api.TicketJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The ticket page's "Time" box ({@code inject:ticketTimes.of(ticket)}): due time, waiting since,
 * targets met or missed and the follow-up date, from the core's clock.
 */
@Named("ticketTimes")
@ApplicationScoped
public class TicketTimes {

  /** What the box shows; {@code followUpInput} is the form's value in the viewer's zone. */
  public record View(
      Instant now,
      Instant dueAt,
      TicketClock.Stage stage,
      boolean overdue,
      Instant statusSince,
      TicketStatus status,
      TicketClock.Verdict firstResponse,
      TicketClock.Verdict resolution,
      Instant firstResponseDue,
      Instant resolutionDue,
      Instant followUpAt,
      boolean followUpDue,
      boolean waitingTooLong,
      boolean canFollowUp,
      String followUpInput,
      String followUpMin) {

    /** "Waiting on customer since", "New since": the status the ticket has waited in. */
    public String sinceLabel() {
      return status.label();
    }

    public String firstResponseLabel() {
      return verdict(firstResponse);
    }

    public String resolutionLabel() {
      return verdict(resolution);
    }

    private static String verdict(TicketClock.Verdict v) {
      return switch (v) {
        case MET -> "met";
        case MISSED -> "missed";
        case PENDING -> "pending";
      };
    }
  }

  private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private final TicketClocks clocks;
  private final Clock clock;

  TicketTimes(TicketClocks clocks, Clock clock) {
    this.clocks = clocks;
    this.clock = clock;
  }

  public View of(TicketJson t) {
    Instant now = clock.instant();
    var c =
        clocks
            .targets()
            .clock(
                new TicketClock.Facts(
                    t.priority(),
                    t.status(),
                    t.createdAt(),
                    t.firstResponseAt(),
                    t.resolvedAt(),
                    t.statusSince(),
                    t.followUpAt()));
    var zone = ViewerZone.current();
    boolean waiting = t.status() == TicketStatus.WAITING_ON_CUSTOMER;
    Instant suggested = t.followUpAt() != null ? t.followUpAt() : now.plus(2, ChronoUnit.DAYS);
    return new View(
        now,
        c.dueAt(),
        c.stage(),
        c.overdue(now),
        t.statusSince(),
        t.status(),
        c.firstResponse(now),
        c.resolution(now),
        c.firstResponseDue(),
        c.resolutionDue(),
        waiting ? t.followUpAt() : null,
        c.followUpDue(now),
        c.waitingTooLong(now),
        waiting,
        LocalDateTime.ofInstant(suggested, zone).format(INPUT),
        LocalDateTime.ofInstant(now.plus(1, ChronoUnit.MINUTES), zone).format(INPUT));
  }
}
