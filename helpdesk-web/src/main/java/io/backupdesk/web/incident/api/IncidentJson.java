package io.backupdesk.web.incident.api;

import io.backupdesk.diagnostics.incident.Detection;
import io.backupdesk.diagnostics.incident.IncidentStatus;
import io.backupdesk.diagnostics.incident.Signal;
import io.backupdesk.diagnostics.incident.SuggestionStatus;
import io.backupdesk.web.incident.IncidentEventRecord;
import io.backupdesk.web.incident.IncidentRecord;
import io.backupdesk.web.incident.SuggestionRecord;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's records for incidents, suggestions and their evidence. */
public final class IncidentJson {

  private IncidentJson() {}

  @Schema(
      name = "Incident",
      description = "An outage of Apple's iCloud Backup as the desk lives it")
  public record Incident(
      long id,
      String title,
      IncidentStatus status,
      Instant startedAt,
      Instant openedAt,
      String openedBy,
      Long suggestionId,
      Instant recoveredAt,
      String recoveredBy,
      List<Link> linkedTickets,
      List<Note> notes,
      List<Line> timeline,
      int version) {

    public static Incident of(IncidentRecord r, List<IncidentEventRecord> timeline) {
      return new Incident(
          r.id,
          r.title,
          r.status,
          r.startedAt,
          r.openedAt,
          r.openedBy,
          r.suggestionId,
          r.recoveredAt,
          r.recoveredBy,
          r.links.stream().map(l -> new Link(l.ticketId, l.linkedBy, l.linkedAt)).toList(),
          r.notes.stream().map(n -> new Note(n.text, n.agent, n.at)).toList(),
          timeline.stream().map(e -> new Line(e.at, e.actor, e.summary)).toList(),
          r.version);
    }
  }

  @Schema(name = "IncidentLink")
  public record Link(long ticketId, String linkedBy, Instant linkedAt) {}

  @Schema(name = "IncidentNote")
  public record Note(String text, String agent, Instant at) {}

  @Schema(name = "IncidentTimelineLine")
  public record Line(Instant at, String actor, String summary) {}

  @Schema(
      name = "IncidentEvidence",
      description =
          "A signal's count in the recent window against the count expected for that time of the"
              + " week (Poisson tail probability)")
  public record Evidence(
      Signal signal,
      Instant windowStart,
      Instant windowEnd,
      int observed,
      double expected,
      double tailProbability,
      int weeksOfHistory,
      int historyCount,
      boolean suggestsIncident,
      String description) {
    public static Evidence of(Detection d) {
      return new Evidence(
          d.signal(),
          d.windowStart(),
          d.windowEnd(),
          d.observed(),
          d.expected(),
          d.tailProbability(),
          d.weeksOfHistory(),
          d.historyCount(),
          d.suggestsIncident(),
          d.describe());
    }
  }

  @Schema(name = "IncidentSuggestion")
  public record Suggestion(
      long id,
      Evidence evidence,
      Instant raisedAt,
      SuggestionStatus status,
      String decidedBy,
      Instant decidedAt,
      String dismissReason) {
    public static Suggestion of(SuggestionRecord r) {
      return new Suggestion(
          r.id,
          Evidence.of(r.detection()),
          r.raisedAt,
          r.status,
          r.decidedBy,
          r.decidedAt,
          r.dismissReason);
    }
  }

  @Schema(name = "NewIncident")
  public record NewIncident(
      @Schema(description = "What agents will recognise, at most 200 characters") String title,
      @Schema(description = "When the outage began as far as you know; default now")
          Instant startedAt) {}

  @Schema(name = "SuggestionConfirmation")
  public record Confirmation(
      @Schema(description = "The incident's title; default names the signal") String title) {}

  @Schema(name = "SuggestionDismissal")
  public record Dismissal(
      @Schema(description = "Why it is a false alarm (optional)") String reason) {}

  @Schema(name = "TicketSelection")
  public record TicketSelection(
      @Schema(description = "Ticket numbers, at most 500") List<Long> ticketIds) {}

  @Schema(name = "IncidentNoteText")
  public record NoteText(String text) {}

  @Schema(name = "Recovery")
  public record Recovery(
      @Schema(description = "The incident's version you saw; optional") Integer version) {}

  @Schema(name = "TicketMerge")
  public record Merge(@Schema(description = "The ticket that carries on") Long into) {}

  @Schema(name = "BackupAfterOutage")
  public record BackupAfterOutage(
      @Schema(description = "Whether the customer's Back Up Now completed") Boolean completed) {}
}
