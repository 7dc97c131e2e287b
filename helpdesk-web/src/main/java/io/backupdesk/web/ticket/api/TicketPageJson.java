package io.backupdesk.web.ticket.api;

import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.web.ticket.QueuePage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the queue. Pass {@code next} as {@code after} to read the following page. */
@Schema(name = "TicketPage")
public record TicketPageJson(
    List<Item> items,
    @Schema(description = "Cursor of the next page; null on the last page") String next,
    @Schema(description = "Tickets per status over the whole queue, ignoring the filters")
        Map<TicketStatus, Long> counts) {

  /** A ticket as a line in the queue. */
  @Schema(name = "TicketPageItem")
  public record Item(
      long id,
      int version,
      String subject,
      String customerName,
      String customerEmail,
      String deviceModel,
      String iosVersion,
      TicketStatus status,
      Priority priority,
      String assignee,
      Instant createdAt,
      Instant updatedAt,
      @Schema(description = "How far the newest diagnosis got; null if none was started")
          ProgressJson progress) {}

  /** How far the ticket's newest diagnosis got. */
  @Schema(name = "TicketProgress")
  public record ProgressJson(
      DiagnosisStatus diagnosisStatus,
      @Schema(description = "Steps with a recorded outcome") int stepsDone,
      @Schema(description = "Number of the step being worked on; null once the diagnosis ended")
          Integer currentStep,
      @Schema(description = "Steps in the playbook") int total) {}

  static TicketPageJson of(QueuePage page, Map<TicketStatus, Long> counts, int playbookSize) {
    var items =
        page.rows().stream()
            .map(
                r ->
                    new Item(
                        r.id(),
                        r.version(),
                        r.subject(),
                        r.customerName(),
                        r.customerEmail(),
                        r.deviceModel(),
                        r.iosVersion(),
                        r.status(),
                        r.priority(),
                        r.assignee(),
                        r.createdAt(),
                        r.updatedAt(),
                        r.diagnosisStatus() == null
                            ? null
                            : new ProgressJson(
                                r.diagnosisStatus(), r.stepsDone(), r.currentStep(), playbookSize)))
            .toList();
    return new TicketPageJson(items, page.nextCursor(), counts);
  }
}
