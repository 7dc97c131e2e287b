package io.backupdesk.diagnostics.ticket;

import static java.util.Objects.requireNonNull;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.diagnosis.DiagnosisEvent;
import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.Playbook;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A customer's ticket as the help desk works it: who has it, how urgent it is, where it stands, and
 * the timeline of everything that happened to it, its diagnoses included. The only place that words
 * the timeline.
 *
 * <p>Every command returns the timeline entries it caused, or an empty list when it changes nothing
 * (a repeat must not fail). A refused command throws a typed exception whose message tells the
 * agent what to do, and changes nothing. The ticket's status follows its newest diagnosis; agents
 * close and reopen it. Not thread-safe: load, change and store it within one unit of work.
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
    updatedAt = at;
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
    updatedAt = at;
    return List.of(entry);
  }

  public List<TimelineEntry> unassign(String actor, Instant at) {
    if (assignee == null) {
      return List.of();
    }
    var entry = entry(TimelineKind.ASSIGNED, at, actor, "Unassigned (was " + assignee + ")");
    assignee = null;
    updatedAt = at;
    return List.of(entry);
  }

  /**
   * An agent moves the ticket: along the status table, and to CLOSED only while no diagnosis is
   * running. Moving a resolved, escalated or closed ticket to an open status reopens it.
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
    if (next == TicketStatus.CLOSED && latest.map(LatestDiagnosis::running).orElse(false)) {
      throw new DiagnosisRunningException(number());
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

  /** An internal note; the timeline shows its first line and keeps the whole text. */
  public List<TimelineEntry> addNote(String text, String actor, Instant at) {
    String body = text == null ? "" : text.strip();
    if (body.isEmpty()) {
      throw new IllegalArgumentException("A note needs text");
    }
    String firstLine = body.lines().findFirst().orElse(body);
    updatedAt = at;
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
    if (latest.isPresent() && !latest.get().status().isEnded()) {
      throw new DiagnosisOpenException(number(), latest.get().status());
    }
    if (status == TicketStatus.CLOSED) {
      throw TicketClosedException.beforeStart(number());
    }
    int attempt = latest.map(LatestDiagnosis::attempt).orElse(0) + 1;
    var diagnosis = Diagnosis.start(playbook, new Device(deviceModel, iosVersion), agent, at);
    var timeline = new ArrayList<TimelineEntry>();
    timeline.add(diagnosis.startedEvent().accept(new Wording(playbook, attempt)));
    if (assignee == null) {
      timeline.addAll(assign(agent, agents, agent, at));
    }
    follow(diagnosis.status(), at);
    return new DiagnosisStart(diagnosis, attempt, List.copyOf(timeline));
  }

  /**
   * Writes what a diagnosis command did into the timeline, and moves the ticket to the status that
   * reflects the diagnosis now (resolved when the fix held, waiting on the customer when they left,
   * ...).
   */
  public List<TimelineEntry> diagnosisProgressed(
      Diagnosis diagnosis, int attempt, List<DiagnosisEvent> happened, Instant at) {
    follow(diagnosis.status(), at);
    var wording = new Wording(diagnosis.playbook(), attempt);
    return happened.stream().map(event -> event.accept(wording)).toList();
  }

  /** What a follow-up ticket asks of the agent who picks it up. */
  public static final String FOLLOW_UP = "Apple recovered: ask the customer to run Back Up Now";

  /** The ticket now waits for Apple together with the incident {@code title}. */
  public List<TimelineEntry> linkedToIncident(String title, String actor, Instant at) {
    updatedAt = at;
    return List.of(
        entry(TimelineKind.INCIDENT_LINKED, at, actor, "Linked to the incident \"" + title + "\""));
  }

  /** The ticket was not about the incident {@code title} after all. */
  public List<TimelineEntry> unlinkedFromIncident(String title, String actor, Instant at) {
    updatedAt = at;
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
      resolvedAt = at;
      closedAt = null;
      updatedAt = at;
      return List.of(
          entry(
              TimelineKind.RESOLVED,
              at,
              actor,
              "Back Up Now completed after Apple recovered: resolved"));
    }
    updatedAt = at;
    return List.of(
        entry(
            TimelineKind.VERIFIED,
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
    updatedAt = at;
    return List.of(
        entry(
            TimelineKind.MERGED,
            at,
            actor,
            "Ticket #" + source + " was merged into this one; its timeline stays on #" + source));
  }

  /** A diagnosis that was started, with its number among the ticket's and the timeline. */
  public record DiagnosisStart(Diagnosis diagnosis, int attempt, List<TimelineEntry> timeline) {}

  private void follow(DiagnosisStatus diagnosis, Instant at) {
    TicketStatus target = TicketStatus.afterDiagnosis(diagnosis);
    if (status == target) {
      updatedAt = at;
      return;
    }
    if (!status.canMoveTo(target)) {
      throw TicketClosedException.cannotFollow(number(), status);
    }
    moveTo(target, at);
  }

  /** Keeps the milestone times in step with the status. */
  private void moveTo(TicketStatus next, Instant at) {
    status = status.moveTo(next);
    resolvedAt =
        next == TicketStatus.RESOLVED ? at : (next == TicketStatus.CLOSED ? resolvedAt : null);
    closedAt = next == TicketStatus.CLOSED ? at : null;
    updatedAt = at;
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
      return line(
          TimelineKind.STEP_RECORDED, event, event.describe(playbook), event.result().note());
    }

    @Override
    public TimelineEntry verified(DiagnosisEvent.Verified event) {
      return line(TimelineKind.VERIFIED, event);
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
