package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of the queue, as the API returns it and the queue page shows it. Pass {@code next} as
 * {@code after} to read the following page.
 */
@Schema(name = "TicketPage")
public record QueuePage(
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
          Progress progress) {}

  /** How far the ticket's newest diagnosis got. */
  @Schema(name = "TicketProgress")
  public record Progress(
      DiagnosisStatus diagnosisStatus,
      @Schema(description = "Steps with a recorded outcome") int stepsDone,
      @Schema(description = "Number of the step being worked on; null once the diagnosis ended")
          Integer currentStep,
      @Schema(description = "Steps in the playbook") int total) {}
}
