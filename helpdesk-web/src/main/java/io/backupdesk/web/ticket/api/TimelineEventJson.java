package io.backupdesk.web.ticket.api;

import io.backupdesk.diagnostics.ticket.TimelineKind;
import io.backupdesk.web.ticket.TicketEvent;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One line of a ticket's timeline: who did what, when; as the API returns it and the page shows it.
 */
@Schema(name = "TimelineEvent")
public record TimelineEventJson(
    long id,
    @Schema(description = "CREATED, ASSIGNED, NOTE, STEP_RECORDED, RESOLVED, ...")
        TimelineKind kind,
    Instant at,
    @Schema(description = "User name of the agent who acted") String actor,
    @Schema(description = "One line a person can read") String summary,
    @Schema(description = "The full text of a note or a step's note; null otherwise") String body,
    @Schema(description = "The diagnosis the event belongs to, if any") Long diagnosisId) {

  public static TimelineEventJson of(TicketEvent e) {
    return new TimelineEventJson(e.id, e.kind, e.at, e.actor, e.summary, e.body, e.diagnosisId);
  }

  /** A ticket's timeline, oldest first. */
  @Schema(name = "Timeline")
  public record Timeline(long ticketId, List<TimelineEventJson> events) {}
}
