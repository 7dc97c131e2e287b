package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import java.time.Instant;
import java.util.List;

/** One page of the queue, and the cursor of the next page (null on the last). */
public record QueuePage(List<Row> rows, String nextCursor) {

  /** A ticket as a line in the queue, with how far its newest diagnosis got. */
  public record Row(
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
      DiagnosisStatus diagnosisStatus,
      Integer stepsDone,
      Integer currentStep) {}
}
