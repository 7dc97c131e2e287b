package io.backupdesk.diagnostics.incident;

import static java.util.Objects.requireNonNull;

import io.backupdesk.diagnostics.ticket.TicketStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An outage of Apple's iCloud Backup service as the desk lives through it: opened by hand or from a
 * confirmed suggestion, tickets linked while it lasts, notes, and one recovery that sends the
 * tickets still waiting on Apple back to the queue.
 *
 * <p>In the shape of the diagnosis: every command returns the events it caused, or an empty list
 * when it repeats what is already recorded (linking a linked ticket, unlinking one that is not
 * linked); a refused command throws an {@link IncidentRefusedException} and changes nothing. Time
 * never runs backwards inside an incident. Not thread-safe: load, change and store it within one
 * unit of work, under a lock.
 */
public final class Incident {
  private final String title;
  private IncidentStatus status;
  private final Instant startedAt;
  private final Instant openedAt;
  private final String openedBy;
  private final Detection evidence;
  private final Map<Long, LinkedTicket> links;
  private final List<IncidentNote> notes;
  private Instant recoveredAt;
  private String recoveredBy;

  private Incident(IncidentSnapshot s) {
    this.title = requireNonNull(s.title(), "title");
    this.status = requireNonNull(s.status(), "status");
    this.startedAt = requireNonNull(s.startedAt(), "startedAt");
    this.openedAt = requireNonNull(s.openedAt(), "openedAt");
    this.openedBy = requireNonNull(s.openedBy(), "openedBy");
    this.evidence = s.evidence();
    this.links = new LinkedHashMap<>();
    for (LinkedTicket link : s.links()) {
      require(links.put(link.ticketId(), link) == null, "ticket #" + link.ticketId() + " twice");
    }
    this.notes = new ArrayList<>(s.notes());
    this.recoveredAt = s.recoveredAt();
    this.recoveredBy = s.recoveredBy();
    boolean recovered = status == IncidentStatus.RECOVERED;
    require(
        recovered == (recoveredAt != null) && recovered == (recoveredBy != null),
        "recovery time and agent are set exactly when recovered");
    require(!openedAt.isBefore(startedAt), "opened before the outage started");
    require(recoveredAt == null || !recoveredAt.isBefore(openedAt), "recovered before opened");
  }

  /**
   * Opens an incident by hand. {@code startedAt} is when the outage began as far as the opener
   * knows (null: now); a start after the opening counts as the opening.
   */
  public static Incident open(String title, Instant startedAt, String agent, Instant at) {
    String by = IncidentTexts.requireAgent(agent);
    requireNonNull(at, "at");
    String name = IncidentTexts.title(title);
    Instant start = startedAt == null || startedAt.isAfter(at) ? at : startedAt;
    return new Incident(
        new IncidentSnapshot(
            name, IncidentStatus.OPEN, start, at, by, null, List.of(), List.of(), null, null));
  }

  /**
   * Opens the incident a supervisor confirmed ({@link IncidentSuggestion#confirm} first); it
   * started when the suggestion's window did.
   */
  public static Incident openFrom(
      IncidentSuggestion suggestion, String title, String agent, Instant at) {
    requireNonNull(suggestion, "suggestion");
    if (suggestion.status() != SuggestionStatus.CONFIRMED) {
      throw new IncidentRefusedException(
          Refusal.SUGGESTION_NOT_CONFIRMED,
          "Only a confirmed suggestion opens an incident; this one is \""
              + suggestion.status().label()
              + "\". Confirm it first, or open an incident by hand.");
    }
    String by = IncidentTexts.requireAgent(agent);
    requireNonNull(at, "at");
    String name = IncidentTexts.title(title);
    Detection evidence = suggestion.detection();
    Instant start = evidence.windowStart().isAfter(at) ? at : evidence.windowStart();
    return new Incident(
        new IncidentSnapshot(
            name, IncidentStatus.OPEN, start, at, by, evidence, List.of(), List.of(), null, null));
  }

  /**
   * Rebuilds a stored incident; an inconsistent snapshot is an {@link IllegalArgumentException}.
   */
  public static Incident restore(IncidentSnapshot snapshot) {
    return new Incident(requireNonNull(snapshot, "snapshot"));
  }

  public IncidentSnapshot snapshot() {
    return new IncidentSnapshot(
        title,
        status,
        startedAt,
        openedAt,
        openedBy,
        evidence,
        List.copyOf(links.values()),
        notes,
        recoveredAt,
        recoveredBy);
  }

  /** The event for the opening, which the factories do not return. */
  public IncidentEvent.Opened openedEvent() {
    return new IncidentEvent.Opened(title, startedAt, evidence != null, openedAt, openedBy);
  }

  /** Links a ticket held up by the outage; a ticket already linked changes nothing. */
  public List<IncidentEvent> link(long ticketId, String agent, Instant at) {
    return linkAll(List.of(ticketId), agent, at);
  }

  /**
   * Links several tickets at once (a supervisor's bulk action from the queue): all of them or, when
   * refused, none. Tickets already linked are left as they are.
   */
  public List<IncidentEvent> linkAll(Collection<Long> ticketIds, String agent, Instant at) {
    String by = IncidentTexts.requireAgent(agent);
    requireNonNull(at, "at");
    Set<Long> fresh = new LinkedHashSet<>();
    for (Long id : ticketIds) {
      if (!links.containsKey(requireNonNull(id, "ticket id"))) {
        fresh.add(id);
      }
    }
    if (fresh.isEmpty()) {
      return List.of();
    }
    if (status == IncidentStatus.RECOVERED) {
      throw new IncidentRefusedException(
          Refusal.LINK_TO_RECOVERED,
          "The incident \""
              + title
              + "\" was marked recovered at "
              + recoveredAt
              + ", so no more tickets can wait on it. If Apple is down again, open a new incident.");
    }
    Instant time = notBeforeLatest(at);
    List<IncidentEvent> events = new ArrayList<>();
    for (Long id : fresh) {
      links.put(id, new LinkedTicket(id, by, time));
      events.add(new IncidentEvent.TicketLinked(id, title, time, by));
    }
    return List.copyOf(events);
  }

  /** Unlinks a ticket that was not about this outage; one not linked changes nothing. */
  public List<IncidentEvent> unlink(long ticketId, String agent, Instant at) {
    return unlinkAll(List.of(ticketId), agent, at);
  }

  /** Unlinks several tickets at once: all of them or, when refused, none. */
  public List<IncidentEvent> unlinkAll(Collection<Long> ticketIds, String agent, Instant at) {
    String by = IncidentTexts.requireAgent(agent);
    requireNonNull(at, "at");
    Set<Long> linked = new LinkedHashSet<>();
    for (Long id : ticketIds) {
      if (links.containsKey(requireNonNull(id, "ticket id"))) {
        linked.add(id);
      }
    }
    if (linked.isEmpty()) {
      return List.of();
    }
    if (status == IncidentStatus.RECOVERED) {
      throw new IncidentRefusedException(
          Refusal.UNLINK_FROM_RECOVERED,
          "The incident \""
              + title
              + "\" is recovered: its linked tickets are history and stay as they were. Add a"
              + " note to the incident if a ticket was linked by mistake.");
    }
    Instant time = notBeforeLatest(at);
    List<IncidentEvent> events = new ArrayList<>();
    for (Long id : linked) {
      links.remove(id);
      events.add(new IncidentEvent.TicketUnlinked(id, title, time, by));
    }
    return List.copyOf(events);
  }

  /** Adds a note, also after recovery (what Apple said afterwards belongs here too). */
  public List<IncidentEvent> addNote(String text, String agent, Instant at) {
    String by = IncidentTexts.requireAgent(agent);
    requireNonNull(at, "at");
    String note = IncidentTexts.note(text);
    Instant time = notBeforeLatest(at);
    notes.add(new IncidentNote(note, by, time));
    return List.of(new IncidentEvent.NoteAdded(note, time, by));
  }

  /**
   * Marks the outage as over, once. Every linked ticket still waiting on Apple goes back to the
   * queue as a follow-up; linked tickets in any other status (resolved meanwhile, reopened, closed)
   * stay as they are. {@code linkedTicketStatuses} gives the current status of every linked ticket,
   * read under the same lock as the incident.
   */
  public List<IncidentEvent> recover(
      Map<Long, TicketStatus> linkedTicketStatuses, String agent, Instant at) {
    requireNonNull(linkedTicketStatuses, "linkedTicketStatuses");
    String by = IncidentTexts.requireAgent(agent);
    requireNonNull(at, "at");
    if (status == IncidentStatus.RECOVERED) {
      throw new IncidentRefusedException(
          Refusal.ALREADY_RECOVERED,
          "The incident \""
              + title
              + "\" was already marked recovered by "
              + recoveredBy
              + " at "
              + recoveredAt
              + "; its follow-ups are in the queue. Reload to see them.");
    }
    List<Long> missing =
        links.keySet().stream().filter(id -> !linkedTicketStatuses.containsKey(id)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "The status of every linked ticket is needed to recover; missing: " + missing);
    }
    List<Long> followUps = new ArrayList<>();
    List<Long> left = new ArrayList<>();
    for (Long id : links.keySet()) {
      if (linkedTicketStatuses.get(id) == TicketStatus.WAITING_ON_APPLE) {
        followUps.add(id);
      } else {
        left.add(id);
      }
    }
    Instant time = notBeforeLatest(at);
    status = IncidentStatus.RECOVERED;
    recoveredAt = time;
    recoveredBy = by;
    return List.of(new IncidentEvent.Recovered(title, followUps, left, time, by));
  }

  public String title() {
    return title;
  }

  public IncidentStatus status() {
    return status;
  }

  public boolean isOpen() {
    return status == IncidentStatus.OPEN;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public String openedBy() {
    return openedBy;
  }

  public Optional<Detection> evidence() {
    return Optional.ofNullable(evidence);
  }

  /** Linked ticket ids, in the order they were linked. */
  public List<Long> linkedTickets() {
    return List.copyOf(links.keySet());
  }

  public boolean isLinked(long ticketId) {
    return links.containsKey(ticketId);
  }

  public List<IncidentNote> notes() {
    return List.copyOf(notes);
  }

  public Optional<Instant> recoveredAt() {
    return Optional.ofNullable(recoveredAt);
  }

  public Optional<String> recoveredBy() {
    return Optional.ofNullable(recoveredBy);
  }

  private Instant notBeforeLatest(Instant at) {
    Instant latest = openedAt;
    for (LinkedTicket link : links.values()) {
      latest = link.at().isAfter(latest) ? link.at() : latest;
    }
    for (IncidentNote note : notes) {
      latest = note.at().isAfter(latest) ? note.at() : latest;
    }
    if (recoveredAt != null && recoveredAt.isAfter(latest)) {
      latest = recoveredAt;
    }
    return at.isBefore(latest) ? latest : at;
  }

  private static void require(boolean condition, String rule) {
    if (!condition) {
      throw new IllegalArgumentException("Inconsistent incident: " + rule);
    }
  }
}
