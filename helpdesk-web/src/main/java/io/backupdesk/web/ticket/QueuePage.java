package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.diagnostics.ticket.TicketClock;
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
      @Schema(description = "The assignee's user name; null when nobody is assigned")
          String assignee,
      @Schema(description = "The assignee's display name; null when nobody is assigned")
          String assigneeName,
      Instant createdAt,
      Instant updatedAt,
      @Schema(description = "How far the newest diagnosis got; null if none was started")
          Progress progress,
      @Schema(description = "When the next target falls due; null once resolved or closed")
          Instant dueAt,
      @Schema(description = "Which target dueAt stands for") TicketClock.Stage dueFor,
      @Schema(description = "Past its due time now") boolean overdue,
      @Schema(description = "When the ticket entered its current status") Instant statusSince,
      @Schema(description = "When to chase the customer; only while waiting on the customer")
          Instant followUpAt,
      @Schema(
              description =
                  "Waiting on the customer and the follow-up date has come, or no follow-up is"
                      + " planned and the ticket has waited longer than the stale-waiting limit")
          boolean followUpNeeded,
      @Schema(description = "The customer's id: /api/v1/customers/{id}") long customerId) {}

  /** How far the ticket's newest diagnosis got. */
  @Schema(name = "TicketProgress")
  public record Progress(
      DiagnosisStatus diagnosisStatus,
      @Schema(description = "Steps with a recorded outcome") int stepsDone,
      @Schema(description = "Number of the step being worked on; null once the diagnosis ended")
          Integer currentStep,
      @Schema(description = "Steps in the playbook") int total) {}
}
