package io.backupdesk.diagnostics.ticket;

import static java.util.Objects.requireNonNull;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.diagnosis.DiagnosisEvent;
import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.diagnosis.OrderChoice;
import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.Playbook;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A customer's ticket as the help desk works it: who has it, how urgent it is, where it stands, and
 * the timeline of everything that happened to it, its diagnoses included. The only place that words
 * the timeline.
 *
 * <p>Every command returns the timeline entries it caused, or an empty list when it changes nothing
 * (a repeat must not fail). A refused command throws a typed exception whose message tells the
 * agent what to do, and changes nothing. The ticket's status follows its newest diagnosis; agents
 * close and reopen it. Not thread-safe: load, change and store it within one unit of work.
 *
 * <p>The ticket's status and its newest diagnosis's status never contradict each other ({@link
 * #statusesBeside}):
 *
 * <table>
 *   <caption>Which ticket statuses may stand beside the newest diagnosis</caption>
 *   <tr><th>newest diagnosis</th><th>ticket</th></tr>
 *   <tr><td>none</td><td>any</td></tr>
 *   <tr><td>IN_PROGRESS, AWAITING_VERIFICATION (running)</td><td>IN_DIAGNOSIS only</td></tr>
 *   <tr><td>ABANDONED (paused: the customer left)</td>
 *       <td>WAITING_ON_CUSTOMER, NEW (back in the queue for anyone to resume), CLOSED</td></tr>
 *   <tr><td>RESOLVED, ESCALATED, WAITING_ON_APPLE (ended)</td><td>any</td></tr>
 * </table>
 *
 * <p>So nobody resolves, escalates or parks a ticket by hand while its diagnosis runs or is paused:
 * the diagnosis ends it (a resolution, an escalation, an outage), or is paused first. When a
 * diagnosis moves a ticket that an agent had resolved or escalated back to an open status (a
 * correction reopened it, or a new diagnosis starts), the timeline says that the ticket was
 * reopened; a closed ticket is never moved by a diagnosis: an agent reopens it first.
 */
public final class TicketCase {

  /** The longest first line of a note that its timeline summary repeats. */
  static final int NOTE_SUMMARY = 120;

  private final Long number;
  private final Channel channel;
  private final String deviceModel;
  private final String iosVersion;
  private final String createdBy;
  private final Instant createdAt;
  private TicketStatus status;
  private Priority priority;
  private String assignee;
  private Instant updatedAt;
  private Instant resolvedAt;
  private Instant closedAt;

  private TicketCase(TicketSnapshot s) {
    this.number = s.number();
    this.channel = s.channel();
    this.deviceModel = s.deviceModel();
    this.iosVersion = s.iosVersion();
    this.createdBy = s.createdBy();
    this.createdAt = s.createdAt();
    this.status = s.status();
    this.priority = s.priority();
    this.assignee = s.assignee();
    this.updatedAt = s.updatedAt();
    this.resolvedAt = s.resolvedAt();
    this.closedAt = s.closedAt();
  }

  /**
   * A new ticket: NEW, unassigned, NORMAL unless a priority is given. {@code number} is null until
   * the ticket is stored, unless the caller hands numbers out itself (a bulk load).
   */
  public static TicketCase open(
      Long number,
      Channel channel,
      String deviceModel,
      String iosVersion,
      Priority priority,
      String agent,
      Instant at) {
    return new TicketCase(
        new TicketSnapshot(
            number,
            channel,
            deviceModel,
            iosVersion,
            requireNonNull(agent, "agent"),
            at,
            TicketStatus.NEW,
            priority == null ? Priority.NORMAL : priority,
            null,
            at,
            null,
            null));
  }

  public static TicketCase restore(TicketSnapshot snapshot) {
    return new TicketCase(requireNonNull(snapshot, "snapshot"));
  }

  public TicketSnapshot snapshot() {
    return new TicketSnapshot(
        number,
        channel,
        deviceModel,
        iosVersion,
        createdBy,
        createdAt,
        status,
        priority,
        assignee,
        updatedAt,
        resolvedAt,
        closedAt);
  }

  /** The first line of the timeline, which {@link #open} does not return. */
  public TimelineEntry openedEntry() {
    return new TimelineEntry(
        TimelineKind.CREATED,
        createdAt,
        createdBy,
        "Ticket opened by "
            + channel.label().toLowerCase(Locale.ROOT)
            + ": "
            + deviceModel
            + " on iOS "
            + iosVersion,
        null);
  }

  public TicketStatus status() {
    return status;
  }

  public Optional<String> assignee() {
    return Optional.ofNullable(assignee);
  }

  public List<TimelineEntry> changePriority(Priority next, String actor, Instant at) {
    requireNonNull(next, "priority");
    if (next == priority) {
      return List.of();
    }
    var entry =
        entry(
            TimelineKind.PRIORITY_CHANGED,
            at,
            actor,
            "Priority " + priority.label() + " → " + next.label());
    priority = next;
    touch(at);
    return List.of(entry);
  }

  /** Hands the ticket to an agent; the directory refuses anyone who cannot take it. */
  public List<TimelineEntry> assign(
      String username, AgentDirectory agents, String actor, Instant at) {
    requireNonNull(username, "username");
    if (username.equals(assignee)) {
      return List.of();
    }
    AgentName to = agents.enabledAgent(username);
    var entry =
        entry(
            TimelineKind.ASSIGNED,
            at,
            actor,
            to.username().equals(actor)
                ? to.displayName() + " took the ticket"
                : "Assigned to " + to.displayName());
    assignee = to.username();
    touch(at);
    return List.of(entry);
  }

  public List<TimelineEntry> unassign(String actor, Instant at) {
    if (assignee == null) {
      return List.of();
    }
    var entry = entry(TimelineKind.ASSIGNED, at, actor, "Unassigned (was " + assignee + ")");
    assignee = null;
    touch(at);
    return List.of(entry);
  }

  /**
   * An agent moves the ticket: along the status table, and only to a status that may stand beside
   * its newest diagnosis ({@link #statusesBeside}). Moving a resolved, escalated or closed ticket
   * to an open status reopens it.
   */
  public List<TimelineEntry> changeStatus(
      TicketStatus next, Optional<LatestDiagnosis> latest, String actor, Instant at) {
    requireNonNull(next, "status");
    if (next == status) {
      return List.of();
    }
    if (!status.canMoveTo(next)) {
      throw IllegalTicketTransitionException.askedFor(status, next);
    }
    if (latest.isPresent() && !mayCoexist(next, latest.map(LatestDiagnosis::status))) {
      throw new DiagnosisRunningException(number(), next, latest.get());
    }
    TicketStatus from = status;
    moveTo(next, at);
    if (next == TicketStatus.CLOSED) {
      return List.of(entry(TimelineKind.CLOSED, at, actor, "Closed"));
    }
    if (from.isReopenable() && next.isOpen()) {
      return List.of(
          entry(TimelineKind.REOPENED, at, actor, "Reopened (was " + from.label() + ")"));
    }
    return List.of(
        entry(
            TimelineKind.STATUS_CHANGED,
            at,
            actor,
            "Status " + from.label() + " → " + next.label()));
  }

  /**
   * The line each of a customer's tickets gets when an agent corrects the customer's name: the one
   * way a name changes (a new ticket with the same e-mail address never renames anyone).
   */
  public static TimelineEntry customerRenamed(String from, String to, String actor, Instant at) {
    return new TimelineEntry(
        TimelineKind.CUSTOMER_RENAMED,
        at,
        requireNonNull(actor, "actor"),
        "Customer's name corrected: \"" + from + "\" → \"" + to + "\"",
        null);
  }

  /** An internal note; the timeline shows its first line and keeps the whole text. */
  public List<TimelineEntry> addNote(String text, String actor, Instant at) {
    String body = text == null ? "" : text.strip();
    if (body.isEmpty()) {
      throw new IllegalArgumentException("A note needs text");
    }
    String firstLine = body.lines().findFirst().orElse(body);
    touch(at);
    return List.of(
        new TimelineEntry(
            TimelineKind.NOTE,
            at,
            actor,
            "Note: " + TimelineEntry.cut(firstLine, NOTE_SUMMARY),
            body));
  }

  /**
   * Starts the ticket's next diagnosis on its phone with the current playbook. Only one diagnosis
   * of a ticket may be open, and a closed ticket has to be reopened first. The agent who starts it
   * takes an unassigned ticket.
   */
  public DiagnosisStart startDiagnosis(
      Optional<LatestDiagnosis> latest,
      Playbook playbook,
      String agent,
      AgentDirectory agents,
      Instant at) {
    return startDiagnosis(latest, playbook, OrderChoice.article(playbook), agent, agents, at);
  }

  /**
   * Starts the ticket's next diagnosis in the order {@code choice} gives (learned, explored or the
   * article's), under the same rules as {@link #startDiagnosis(Optional, Playbook, String,
   * AgentDirectory, Instant)}.
   */
  public DiagnosisStart startDiagnosis(
      Optional<LatestDiagnosis> latest,
      Playbook playbook,
      OrderChoice choice,
      String agent,
      AgentDirectory agents,
      Instant at) {
    if (latest.isPresent() && !latest.get().status().isEnded()) {
      throw new DiagnosisOpenException(number(), latest.get().status());
    }
    if (status == TicketStatus.CLOSED) {
      throw TicketClosedException.beforeStart(number());
    }
    int attempt = latest.map(LatestDiagnosis::attempt).orElse(0) + 1;
    var diagnosis =
        Diagnosis.start(playbook, new Device(deviceModel, iosVersion), choice, agent, at);
    var timeline = new ArrayList<TimelineEntry>();
    timeline.add(diagnosis.startedEvent().accept(new Wording(playbook, attempt)));
    if (assignee == null) {
      timeline.addAll(assign(agent, agents, agent, at));
    }
    timeline.addAll(follow(diagnosis.status(), attempt, true, agent, at));
    return new DiagnosisStart(diagnosis, attempt, List.copyOf(timeline));
  }

  /**
   * Writes what a diagnosis command did into the timeline, and moves the ticket to the status that
   * reflects the diagnosis now (resolved when the fix held, waiting on the customer when they left,
   * ...) when the command moved the diagnosis, or when the ticket's status could not stand beside
   * the diagnosis's any more. A ticket resolved or escalated before is reopened, with its own line;
   * a closed one refuses the command ({@link TicketClosedException}): an agent reopens it first.
   * The agent who resumes a paused diagnosis takes the ticket, with its own timeline line.
   */
  public List<TimelineEntry> diagnosisProgressed(
      Diagnosis diagnosis,
      int attempt,
      List<DiagnosisEvent> happened,
      AgentDirectory agents,
      Instant at) {
    boolean moved = happened.stream().anyMatch(event -> event.accept(MOVES_THE_DIAGNOSIS));
    String actor = happened.isEmpty() ? null : happened.get(happened.size() - 1).agent();
    var reopened = follow(diagnosis.status(), attempt, moved, actor, at);
    var wording = new Wording(diagnosis.playbook(), attempt);
    var timeline = new ArrayList<TimelineEntry>();
    for (DiagnosisEvent event : happened) {
      timeline.add(event.accept(wording));
      // Whoever resumes is the one with the customer now: the ticket must not stay with an agent
      // who may have gone home, or the customer's next call finds nobody in charge.
      if (event instanceof DiagnosisEvent.Resumed resumed) {
        timeline.addAll(assign(resumed.agent(), agents, resumed.agent(), resumed.at()));
      }
    }
    timeline.addAll(reopened);
    return List.copyOf(timeline);
  }

  /**
   * {@link #diagnosisProgressed(Diagnosis, int, List, AgentDirectory, Instant)} for callers whose
   * commands never resume a paused diagnosis, so no agent needs looking up.
   */
  public List<TimelineEntry> diagnosisProgressed(
      Diagnosis diagnosis, int attempt, List<DiagnosisEvent> happened, Instant at) {
    return diagnosisProgressed(
        diagnosis,
        attempt,
        happened,
        username -> {
          throw new IllegalStateException("A resumed diagnosis needs the agent directory");
        },
        at);
  }

  /**
   * The ticket statuses that may stand beside a ticket's newest diagnosis in this status (empty:
   * the ticket has none), in declaration order. The table is in the class comment.
   */
  public static Set<TicketStatus> statusesBeside(Optional<DiagnosisStatus> newestDiagnosis) {
    if (newestDiagnosis.isEmpty() || newestDiagnosis.get().isEnded()) {
      return Collections.unmodifiableSet(EnumSet.allOf(TicketStatus.class));
    }
    return Collections.unmodifiableSet(
        switch (newestDiagnosis.get()) {
          case IN_PROGRESS, AWAITING_VERIFICATION -> EnumSet.of(TicketStatus.IN_DIAGNOSIS);
          case ABANDONED ->
              EnumSet.of(TicketStatus.NEW, TicketStatus.WAITING_ON_CUSTOMER, TicketStatus.CLOSED);
          case RESOLVED, ESCALATED, WAITING_ON_APPLE -> EnumSet.allOf(TicketStatus.class);
        });
  }

  /** Whether a ticket may be in {@code ticket} while its newest diagnosis is in this status. */
  public static boolean mayCoexist(TicketStatus ticket, Optional<DiagnosisStatus> newestDiagnosis) {
    return statusesBeside(newestDiagnosis).contains(ticket);
  }

  /** What a follow-up ticket asks of the agent who picks it up. */
  public static final String FOLLOW_UP = "Apple recovered: ask the customer to run Back Up Now";

  /** The ticket now waits for Apple together with the incident {@code title}. */
  public List<TimelineEntry> linkedToIncident(String title, String actor, Instant at) {
    touch(at);
    return List.of(
        entry(TimelineKind.INCIDENT_LINKED, at, actor, "Linked to the incident \"" + title + "\""));
  }

  /** The ticket was not about the incident {@code title} after all. */
  public List<TimelineEntry> unlinkedFromIncident(String title, String actor, Instant at) {
    touch(at);
    return List.of(
        entry(
            TimelineKind.INCIDENT_UNLINKED,
            at,
            actor,
            "Unlinked from the incident \"" + title + "\""));
  }

  /**
   * Apple recovered from the incident {@code title}: a ticket still waiting on Apple goes back to
   * the queue as NEW, so that an agent calls the customer again; any other ticket (resolved or
   * moved on meanwhile) stays as it is and gets no line.
   */
  public List<TimelineEntry> appleRecovered(String title, String actor, Instant at) {
    if (status != TicketStatus.WAITING_ON_APPLE) {
      return List.of();
    }
    moveTo(TicketStatus.NEW, at);
    return List.of(
        entry(
            TimelineKind.APPLE_RECOVERED, at, actor, FOLLOW_UP + " (incident \"" + title + "\")"));
  }

  /**
   * Whether the ticket is a follow-up after an Apple outage: back in the queue while its latest
   * diagnosis ended waiting on Apple. Its first question to the customer is the test backup, not
   * step 1 again.
   */
  public boolean awaitsBackupAfterOutage(Optional<LatestDiagnosis> latest) {
    return awaitsBackupAfterOutage(status, latest);
  }

  /** {@link #awaitsBackupAfterOutage(Optional)} for a ticket in {@code status}. */
  public static boolean awaitsBackupAfterOutage(
      TicketStatus status, Optional<LatestDiagnosis> latest) {
    return status == TicketStatus.NEW
        && latest.map(d -> d.status() == DiagnosisStatus.WAITING_ON_APPLE).orElse(false);
  }

  /**
   * Records the customer's test backup on a follow-up after an outage. Completed resolves the
   * ticket: the outage was the cause, and the backup that now works is the proof the article asks
   * for, so the ticket moves from NEW straight to RESOLVED here although an agent cannot move it so
   * by hand. Still failing leaves the ticket in the queue; the caller starts the next diagnosis.
   */
  public List<TimelineEntry> backupAfterOutage(
      boolean completed, Optional<LatestDiagnosis> latest, String actor, Instant at) {
    if (!awaitsBackupAfterOutage(latest)) {
      throw IllegalTicketTransitionException.because(
          status,
          TicketStatus.RESOLVED,
          "Ticket #"
              + number()
              + " is not waiting for a test backup after an Apple outage: "
              + (status == TicketStatus.WAITING_ON_APPLE
                  ? "Apple has not recovered yet."
                  : "work it through its diagnosis instead."));
    }
    if (completed) {
      status = TicketStatus.RESOLVED;
      resolvedAt = notBeforeKnown(at);
      closedAt = null;
      touch(at);
      return List.of(
          entry(
              TimelineKind.RESOLVED,
              at,
              actor,
              "Back Up Now completed after Apple recovered: resolved"));
    }
    touch(at);
    return List.of(
        entry(
            TimelineKind.BACKUP_STILL_FAILING,
            at,
            actor,
            "Back Up Now still failing after Apple recovered: diagnosing again"));
  }

  /**
   * Closes this ticket as a duplicate of ticket {@code target} of the same customer (the merge
   * rules of the incident package decide whether it may).
   */
  public List<TimelineEntry> mergedInto(long target, String actor, Instant at) {
    moveTo(TicketStatus.CLOSED, at);
    return List.of(
        entry(
            TimelineKind.MERGED,
            at,
            actor,
            "Merged into ticket #" + target + " (the same failure); this ticket is closed"));
  }

  /** Ticket {@code source} was merged into this one; its timeline stays on it. */
  public List<TimelineEntry> mergedFrom(long source, String actor, Instant at) {
    touch(at);
    return List.of(
        entry(
            TimelineKind.MERGED,
            at,
            actor,
            "Ticket #" + source + " was merged into this one; its timeline stays on #" + source));
  }

  /** A diagnosis that was started, with its number among the ticket's and the timeline. */
  public record DiagnosisStart(Diagnosis diagnosis, int attempt, List<TimelineEntry> timeline) {}

  /**
   * Moves the ticket where its diagnosis now puts it, when the diagnosis moved or the ticket's
   * status cannot stand beside it; otherwise a status an agent chose beside an ended diagnosis
   * stays (a correction of a resolved diagnosis does not resolve a ticket reopened since).
   */
  private List<TimelineEntry> follow(
      DiagnosisStatus diagnosis, int attempt, boolean moved, String actor, Instant at) {
    TicketStatus target = TicketStatus.afterDiagnosis(diagnosis);
    if (status == target || (!moved && mayCoexist(status, Optional.of(diagnosis)))) {
      touch(at);
      return List.of();
    }
    if (status == TicketStatus.CLOSED) {
      throw TicketClosedException.cannotFollow(number(), status);
    }
    // Not the agents' status table: the diagnosis decides, e.g. a correction pauses a reopened
    // diagnosis, which puts a resolved ticket straight back to waiting on the customer.
    TicketStatus from = status;
    status = target;
    resolvedAt = target == TicketStatus.RESOLVED ? notBeforeKnown(at) : null;
    closedAt = null;
    touch(at);
    if (from.isReopenable() && target.isOpen() && actor != null) {
      return List.of(
          entry(
              TimelineKind.REOPENED,
              at,
              actor,
              "Reopened (was " + from.label() + "): diagnosis " + attempt + " is open again"));
    }
    return List.of();
  }

  /** Whether an event moved the diagnosis to another status than the ticket last followed. */
  private static final DiagnosisEvent.Visitor<Boolean> MOVES_THE_DIAGNOSIS =
      new DiagnosisEvent.Visitor<>() {
        @Override
        public Boolean started(DiagnosisEvent.Started event) {
          return true;
        }

        @Override
        public Boolean stepRecorded(DiagnosisEvent.StepRecorded event) {
          return false;
        }

        @Override
        public Boolean verified(DiagnosisEvent.Verified event) {
          return false;
        }

        @Override
        public Boolean resolved(DiagnosisEvent.Resolved event) {
          return true;
        }

        @Override
        public Boolean escalated(DiagnosisEvent.Escalated event) {
          return true;
        }

        @Override
        public Boolean waitingOnApple(DiagnosisEvent.WaitingOnApple event) {
          return true;
        }

        @Override
        public Boolean abandoned(DiagnosisEvent.Abandoned event) {
          return true;
        }

        @Override
        public Boolean resumed(DiagnosisEvent.Resumed event) {
          return true;
        }

        @Override
        public Boolean movedOn(DiagnosisEvent.MovedOn event) {
          return false;
        }

        @Override
        public Boolean articleOrderFollowed(DiagnosisEvent.ArticleOrderFollowed event) {
          return false;
        }

        @Override
        public Boolean corrected(DiagnosisEvent.Corrected event) {
          return false;
        }

        @Override
        public Boolean reopened(DiagnosisEvent.Reopened event) {
          return true;
        }
      };

  /** Keeps the milestone times in step with the status. */
  private void moveTo(TicketStatus next, Instant at) {
    Instant when = notBeforeKnown(at);
    status = status.moveTo(next);
    resolvedAt =
        next == TicketStatus.RESOLVED ? when : (next == TicketStatus.CLOSED ? resolvedAt : null);
    closedAt = next == TicketStatus.CLOSED ? when : null;
    touch(when);
  }

  /**
   * A change at {@code at}, never recorded as earlier than the ticket's own times: a ticket written
   * with a clock ahead of this one (another server, imported data) would otherwise get an update
   * time before its creation, which the store refuses. The same rule as a diagnosis's clock.
   */
  private void touch(Instant at) {
    updatedAt = notBeforeKnown(at);
  }

  private Instant notBeforeKnown(Instant at) {
    Instant latest = createdAt;
    if (updatedAt != null && updatedAt.isAfter(latest)) {
      latest = updatedAt;
    }
    return at.isBefore(latest) ? latest : at;
  }

  private long number() {
    if (number == null) {
      throw new IllegalStateException("Store the ticket before working on it");
    }
    return number;
  }

  private static TimelineEntry entry(TimelineKind kind, Instant at, String actor, String summary) {
    return new TimelineEntry(kind, at, actor, summary, null);
  }

  /** The timeline's words for each kind of diagnosis event. */
  private record Wording(Playbook playbook, int attempt)
      implements DiagnosisEvent.Visitor<TimelineEntry> {

    @Override
    public TimelineEntry started(DiagnosisEvent.Started event) {
      return line(
          TimelineKind.DIAGNOSIS_STARTED,
          event,
          "Diagnosis " + attempt + ": " + event.describe(playbook),
          null);
    }

    @Override
    public TimelineEntry stepRecorded(DiagnosisEvent.StepRecorded event) {
      // The note is the line's details, shown once: the summary says what the step found.
      return line(
          TimelineKind.STEP_RECORDED,
          event,
          event.describeFinding(playbook),
          event.result().note());
    }

    @Override
    public TimelineEntry verified(DiagnosisEvent.Verified event) {
      return line(
          event.backupCompleted() ? TimelineKind.VERIFIED : TimelineKind.BACKUP_STILL_FAILING,
          event);
    }

    @Override
    public TimelineEntry resolved(DiagnosisEvent.Resolved event) {
      return line(TimelineKind.RESOLVED, event);
    }

    @Override
    public TimelineEntry escalated(DiagnosisEvent.Escalated event) {
      return line(TimelineKind.ESCALATED, event);
    }

    @Override
    public TimelineEntry waitingOnApple(DiagnosisEvent.WaitingOnApple event) {
      return line(TimelineKind.WAITING_ON_APPLE, event);
    }

    @Override
    public TimelineEntry abandoned(DiagnosisEvent.Abandoned event) {
      return line(TimelineKind.ABANDONED, event);
    }

    @Override
    public TimelineEntry resumed(DiagnosisEvent.Resumed event) {
      return line(TimelineKind.RESUMED, event);
    }

    @Override
    public TimelineEntry movedOn(DiagnosisEvent.MovedOn event) {
      return line(TimelineKind.MOVED_ON, event);
    }

    @Override
    public TimelineEntry articleOrderFollowed(DiagnosisEvent.ArticleOrderFollowed event) {
      return line(TimelineKind.ORDER_CHANGED, event);
    }

    @Override
    public TimelineEntry corrected(DiagnosisEvent.Corrected event) {
      // The reason is what a reader of the timeline needs most: it is the line's details.
      return line(TimelineKind.CORRECTED, event, event.describe(playbook), event.reason());
    }

    @Override
    public TimelineEntry reopened(DiagnosisEvent.Reopened event) {
      return line(TimelineKind.DIAGNOSIS_REOPENED, event);
    }

    private TimelineEntry line(TimelineKind kind, DiagnosisEvent event) {
      return line(kind, event, event.describe(playbook), null);
    }

    private static TimelineEntry line(
        TimelineKind kind, DiagnosisEvent event, String summary, String details) {
      return new TimelineEntry(kind, event.at(), event.agent(), summary, details);
    }
  }
}
