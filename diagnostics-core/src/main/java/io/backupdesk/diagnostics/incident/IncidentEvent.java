package io.backupdesk.diagnostics.incident;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something that happened to an incident or a suggestion, in order: the incident's timeline, the
 * audit trail and the linked tickets' timeline entries are built from these.
 */
public sealed interface IncidentEvent {
  Instant at();

  /** Who did it; for a suggestion the desk raised by itself, {@link #DESK}. */
  String agent();

  /** One line for the incident's timeline. */
  String describe();

  /** The actor of what the desk does by itself. */
  String DESK = "desk";

  /** The desk saw an unusual count of a signal and suggests an incident. */
  record Suggested(Detection detection, Instant at) implements IncidentEvent {
    public Suggested {
      Objects.requireNonNull(detection, "detection");
    }

    @Override
    public String agent() {
      return DESK;
    }

    @Override
    public String describe() {
      return "Incident suggested: " + detection.describe();
    }
  }

  /** A supervisor agreed that the suggestion is an outage. */
  record SuggestionConfirmed(Instant at, String agent) implements IncidentEvent {
    @Override
    public String describe() {
      return "Suggestion confirmed by " + agent;
    }
  }

  /** A supervisor judged the suggestion a false alarm. */
  record SuggestionDismissed(String reason, Instant at, String agent) implements IncidentEvent {
    @Override
    public String describe() {
      return "Suggestion dismissed by " + agent + (reason == null ? "" : ": " + reason);
    }
  }

  /** The incident was opened, by hand or from a confirmed suggestion. */
  record Opened(String title, Instant startedAt, boolean fromSuggestion, Instant at, String agent)
      implements IncidentEvent {
    @Override
    public String describe() {
      return "Incident opened"
          + (fromSuggestion ? " from the desk's suggestion" : "")
          + " by "
          + agent
          + ": "
          + title;
    }
  }

  /** A ticket was linked: it waits for Apple with the incident. */
  record TicketLinked(long ticketId, String incidentTitle, Instant at, String agent)
      implements IncidentEvent {
    @Override
    public String describe() {
      return "Ticket #" + ticketId + " linked by " + agent;
    }
  }

  /** A ticket was unlinked: it was not about this outage after all. */
  record TicketUnlinked(long ticketId, String incidentTitle, Instant at, String agent)
      implements IncidentEvent {
    @Override
    public String describe() {
      return "Ticket #" + ticketId + " unlinked by " + agent;
    }
  }

  /** A note on the incident. */
  record NoteAdded(String text, Instant at, String agent) implements IncidentEvent {
    @Override
    public String describe() {
      return "Note by " + agent + ": " + text;
    }
  }

  /**
   * Apple recovered. {@code followUps} are the linked tickets still waiting on Apple: they go back
   * to the queue as follow-ups (the ticket's case words their timeline line), and whoever picks one
   * up starts at the test backup. {@code leftAsTheyAre} are the other linked tickets (resolved or
   * moved on meanwhile), which keep their status.
   */
  record Recovered(
      String incidentTitle,
      List<Long> followUps,
      List<Long> leftAsTheyAre,
      Instant at,
      String agent)
      implements IncidentEvent {
    public Recovered {
      followUps = List.copyOf(followUps);
      leftAsTheyAre = List.copyOf(leftAsTheyAre);
    }

    @Override
    public String describe() {
      return "Recovered, by "
          + agent
          + ": "
          + followUps.size()
          + (followUps.size() == 1 ? " ticket goes" : " tickets go")
          + " back to the queue as follow-ups, "
          + leftAsTheyAre.size()
          + " stay as they are";
    }
  }
}
