package io.backupdesk.web.ticket.ui;

import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.web.ticket.AssigneeFilter;
import io.backupdesk.web.ticket.QueueQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The queue's filters as they travel in the URL, so that a filtered queue can be bookmarked, shared
 * and paged. Unknown values are ignored rather than refused: a stale bookmark still opens.
 */
public class QueueFilters {

  @RestQuery public String status;
  @RestQuery public String assignee;
  @RestQuery public String priority;
  @RestQuery public String q;
  @RestQuery public String sort;
  @RestQuery public String after;

  public TicketStatus statusValue() {
    return parse(TicketStatus.class, status);
  }

  public Priority priorityValue() {
    return parse(Priority.class, priority);
  }

  public QueueQuery.Sort sortValue() {
    QueueQuery.Sort value = parse(QueueQuery.Sort.class, sort);
    return value == null ? QueueQuery.Sort.UPDATED_DESC : value;
  }

  /**
   * "mine", "unassigned" or empty (everybody's): the page filters by these only, never by an
   * agent's name, so they cannot be taken for a user name here.
   */
  public String assigneeValue() {
    return "mine".equals(assignee) || "unassigned".equals(assignee) ? assignee : "";
  }

  private AssigneeFilter assigneeFilter() {
    return switch (assigneeValue()) {
      case "mine" -> AssigneeFilter.mine();
      case "unassigned" -> AssigneeFilter.unassigned();
      default -> null;
    };
  }

  public String text() {
    return q == null ? "" : q.strip();
  }

  public QueueQuery toQuery() {
    return new QueueQuery(
        statusValue(),
        assigneeFilter(),
        priorityValue(),
        text(),
        sortValue(),
        after == null || after.isBlank() ? null : after,
        QueueQuery.DEFAULT_LIMIT);
  }

  /** The same filters with another status tab (null: all), back on the first page. */
  public String withStatus(TicketStatus tab) {
    return url(tab, null);
  }

  public String firstPage() {
    return url(statusValue(), null);
  }

  public String nextPage(String cursor) {
    return url(statusValue(), cursor);
  }

  /** This very page of the queue: where a form posted from it comes back to. */
  public String current() {
    return url(statusValue(), onFirstPage() ? null : after);
  }

  /**
   * The filters as a query ("?status=NEW&q=…", or nothing), for a form on the queue that posts
   * elsewhere and shows this page again.
   */
  public String query() {
    String url = current();
    return url.equals("/") ? "" : url.substring(1);
  }

  public boolean onFirstPage() {
    return after == null || after.isBlank();
  }

  private String url(TicketStatus tab, String cursor) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("status", tab == null ? null : tab.name());
    params.put("assignee", assigneeValue());
    params.put("priority", priorityValue() == null ? null : priorityValue().name());
    params.put("q", text());
    params.put("sort", sortValue() == QueueQuery.Sort.UPDATED_DESC ? null : sortValue().name());
    params.put("after", cursor);
    String query =
        params.entrySet().stream()
            .filter(e -> e.getValue() != null && !e.getValue().isEmpty())
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return query.isEmpty() ? "/" : "/?" + query;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
