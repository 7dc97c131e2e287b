package io.backupdesk.web.ticket.ui;

import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.diagnostics.ticket.TicketCase;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.web.common.ui.Display;
import io.backupdesk.web.common.ui.ViewerZone;
import io.backupdesk.web.identity.ui.CurrentAgent;
import io.backupdesk.web.ticket.QueuePage;
import io.backupdesk.web.ticket.QueueQuery;
import io.backupdesk.web.ticket.TicketQueue;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The queue at {@code /} (also {@code /tickets}): filters in the URL, keyset paging. */
@Path("/")
@RolesAllowed("agent")
@Produces(MediaType.TEXT_HTML)
public class QueuePages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance queue(Queue queue);
  }

  /** Everything the queue page shows. */
  public record Queue(
      QueueFilters filters,
      List<Tab> tabs,
      List<Line> lines,
      String nextPage,
      List<Choice> assignees,
      List<Choice> priorities,
      List<Choice> sorts) {}

  /** A status tab with its count and the link that keeps the other filters. */
  public record Tab(String label, long count, String url, boolean selected) {}

  /**
   * One ticket of the queue with the texts its row derives written out here, once per page: a page
   * renders 25 rows, and each expression the template resolved per row for them (a time formatted
   * for the viewer's zone, an age against now) cost more than the Java that writes its text
   * (bench/RESULTS.md, "Queue HTML"). The row's own fields are printed as they are. The due and
   * waiting times come as their {@code datetime} attribute, hover title and visible text; {@code
   * dueIso} is null while no target runs.
   */
  public record Line(
      QueuePage.Item row,
      String dueIso,
      String dueTitle,
      String dueText,
      String waitingIso,
      String waitingTitle,
      String waitingText,
      String progress) {

    static Line of(QueuePage.Item row, Instant now, ZoneId zone) {
      Instant due = row.dueAt();
      boolean waitingSince = row.statusSince() != null;
      Instant waiting = waitingSince ? row.statusSince() : row.createdAt();
      String waitingTitle =
          waitingSince
              ? row.status().label()
                  + " since "
                  + Display.display(row.statusSince(), zone)
                  + "; opened "
                  + Display.display(row.createdAt(), zone)
                  + (row.followUpAt() == null
                      ? ""
                      : "; follow up " + Display.display(row.followUpAt(), zone))
              : "Opened " + Display.display(row.createdAt(), zone);
      return new Line(
          row,
          due == null ? null : due.toString(),
          due == null ? null : row.dueFor().label() + " due " + Display.display(due, zone),
          due == null ? null : row.overdue() ? Display.age(due, now) : Display.relative(due, now),
          waiting.toString(),
          waitingTitle,
          Display.age(waiting, now),
          QueuePages.progress(row));
    }
  }

  /** An option of a select. */
  public record Choice(String value, String label, boolean selected) {}

  @Inject TicketQueue tickets;
  @Inject CurrentAgent currentAgent;
  @Inject Clock clock;
  @Inject ViewerZone viewerZone;

  @GET
  public TemplateInstance queue(@BeanParam QueueFilters filters) {
    QueuePage page = tickets.page(filters.toQuery(), currentAgent.username());
    Instant now = clock.instant();
    ZoneId zone = viewerZone.zone();
    return Templates.queue(
        new Queue(
            filters,
            tabs(filters, page.counts()),
            page.items().stream().map(row -> Line.of(row, now, zone)).toList(),
            page.next() == null ? null : filters.nextPage(page.next()),
            List.of(
                new Choice("", "Everybody", filters.assigneeValue().isEmpty()),
                new Choice("mine", "Mine", filters.assigneeValue().equals("mine")),
                new Choice(
                    "unassigned", "Unassigned", filters.assigneeValue().equals("unassigned"))),
            priorities(filters.priorityValue()),
            sorts(filters.sortValue())));
  }

  private static List<Tab> tabs(QueueFilters filters, Map<TicketStatus, Long> counts) {
    var tabs = new ArrayList<Tab>();
    long all = counts.values().stream().mapToLong(Long::longValue).sum();
    tabs.add(new Tab("All", all, filters.withStatus(null), filters.statusValue() == null));
    for (TicketStatus status : TicketStatus.values()) {
      tabs.add(
          new Tab(
              status.label(),
              counts.getOrDefault(status, 0L),
              filters.withStatus(status),
              status == filters.statusValue()));
    }
    return tabs;
  }

  private static List<Choice> priorities(Priority selected) {
    var choices = new ArrayList<Choice>();
    choices.add(new Choice("", "Any priority", selected == null));
    for (Priority p : Priority.values()) {
      choices.add(new Choice(p.name(), p.label(), p == selected));
    }
    return choices;
  }

  private static List<Choice> sorts(QueueQuery.Sort selected) {
    var choices = new ArrayList<Choice>();
    for (QueueQuery.Sort s : QueueQuery.Sort.values()) {
      choices.add(new Choice(s.name(), s.label(), s == selected));
    }
    return choices;
  }

  /**
   * "step 4 of 9", "resolved at step 4", "not started", the follow-up after an outage: the queue's
   * diagnosis column.
   */
  static String progress(QueuePage.Item row) {
    QueuePage.Progress progress = row.progress();
    if (progress == null) {
      return "not started";
    }
    DiagnosisStatus status = progress.diagnosisStatus();
    int total = progress.total();
    int done = progress.stepsDone();
    Integer current = progress.currentStep();
    return switch (status) {
      case IN_PROGRESS -> "step " + current + " of " + total;
      case AWAITING_VERIFICATION -> "step " + current + " of " + total + ", testing a fix";
      case ABANDONED -> "paused at step " + (current == null ? done : current) + " of " + total;
      case RESOLVED -> "resolved at step " + done;
      case ESCALATED -> "escalated after " + done + " of " + total + " steps";
        // Back in the queue after Apple recovered: the test backup comes first, not step 1.
      case WAITING_ON_APPLE ->
          row.status() == TicketStatus.NEW
              ? TicketCase.FOLLOW_UP
              : "waiting on Apple (step " + done + ")";
    };
  }
}
