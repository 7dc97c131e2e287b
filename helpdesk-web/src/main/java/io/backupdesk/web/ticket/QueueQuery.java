package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.web.common.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A page request on the ticket queue. Filters are optional (null: no filter); {@code after} is the
 * opaque cursor of the previous page.
 */
public record QueueQuery(
    TicketStatus status,
    AssigneeFilter assignee,
    Priority priority,
    String text,
    Sort sort,
    String after,
    int limit) {

  public static final int DEFAULT_LIMIT = 25;
  public static final int MAX_LIMIT = 200;

  /** Orders the queue can be read in; each is keyset-paginated on (time, id). */
  public enum Sort {
    UPDATED_DESC("updated_at", false, "Last activity, newest first"),
    UPDATED_ASC("updated_at", true, "Last activity, oldest first"),
    CREATED_DESC("created_at", false, "Opened, newest first"),
    CREATED_ASC("created_at", true, "Opened, oldest first"),
    /**
     * Only tickets with a running target (open ones): resolved and closed ones have no due time.
     */
    DUE_ASC("due_at", true, "Due soonest (open tickets)");

    final String column;
    final boolean ascending;
    private final String label;

    Sort(String column, boolean ascending, String label) {
      this.column = column;
      this.ascending = ascending;
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public QueueQuery {
    sort = sort == null ? Sort.UPDATED_DESC : sort;
    if (limit <= 0) {
      limit = DEFAULT_LIMIT;
    }
    if (limit > MAX_LIMIT) {
      throw new InvalidInputException("limit", "Ask for at most " + MAX_LIMIT + " tickets a page.");
    }
    text = text == null || text.isBlank() ? null : text.strip();
  }

  /** Where a page ended: the sort time and id of its last row. */
  record Cursor(Instant at, long id) {

    String encode() {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString((at.toString() + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String token) {
      try {
        var raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        var bar = raw.indexOf('|');
        return new Cursor(
            Instant.parse(raw.substring(0, bar)), Long.parseLong(raw.substring(bar + 1)));
      } catch (RuntimeException e) {
        throw new InvalidInputException(
            "after", "This page cursor is not valid: start again from the first page.");
      }
    }
  }
}
