package io.backupdesk.web.diagnosis;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.diagnosis.DiagnosisEvent;
import io.backupdesk.diagnostics.diagnosis.DiagnosisException;
import io.backupdesk.diagnostics.diagnosis.EscalationTarget;
import io.backupdesk.diagnostics.diagnosis.OutcomeCommand;
import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.Playbooks;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.web.common.ConflictException;
import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.common.NotFoundException;
import io.backupdesk.web.common.RuleException;
import io.backupdesk.web.ticket.Ticket;
import io.backupdesk.web.ticket.TicketEvent.Kind;
import io.backupdesk.web.ticket.TicketEventRepository;
import io.backupdesk.web.ticket.TicketRepository;
import io.backupdesk.web.ticket.TicketService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs diagnosis commands: one transaction per command, the diagnosis row locked for its duration,
 * the core deciding what is legal, and the timeline and ticket status kept in step.
 */
@ApplicationScoped
@Transactional
public class DiagnosisService {

  private final DiagnosisRepository diagnoses;
  private final TicketRepository tickets;
  private final TicketEventRepository events;
  private final TicketService ticketService;
  private final Playbooks playbooks;
  private final Clock clock;

  DiagnosisService(
      DiagnosisRepository diagnoses,
      TicketRepository tickets,
      TicketEventRepository events,
      TicketService ticketService,
      Playbooks playbooks,
      Clock clock) {
    this.diagnoses = diagnoses;
    this.tickets = tickets;
    this.events = events;
    this.ticketService = ticketService;
    this.playbooks = playbooks;
    this.clock = clock;
  }

  /** The ticket's newest diagnosis, if one was ever started. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<DiagnosisView> latest(long ticketId) {
    return diagnoses.latestOf(ticketId).map(this::view);
  }

  /** Starts a new walk through the current playbook; the ticket may have no other open one. */
  public DiagnosisView start(long ticketId, String agent) {
    Ticket ticket =
        tickets
            .findByIdOptional(ticketId, LockModeType.PESSIMISTIC_WRITE)
            .orElseThrow(() -> new NotFoundException("Ticket", ticketId));
    var latest = diagnoses.latestOf(ticketId);
    if (latest.isPresent() && !latest.get().status.isEnded()) {
      throw new ConflictException(
          "diagnosis-open",
          "Ticket "
              + ticketId
              + " already has a diagnosis that has not ended ("
              + latest.get().status.label()
              + "): resume or escalate it instead of starting another.",
          view(latest.get()));
    }
    if (ticket.status == TicketStatus.CLOSED) {
      throw new ConflictException(
          "ticket-closed",
          "Ticket " + ticketId + " is closed: reopen it before starting a diagnosis.",
          null);
    }
    Instant now = clock.instant();
    Playbook playbook = playbooks.current();
    var diagnosis =
        Diagnosis.start(playbook, new Device(ticket.deviceModel, ticket.iosVersion), agent, now);
    var record = new DiagnosisRecord();
    record.ticketId = ticketId;
    record.attempt = latest.map(d -> d.attempt + 1).orElse(1);
    DiagnosisMapper.write(diagnosis.snapshot(), record, now);
    diagnoses.persist(record);
    events.append(
        ticketId,
        record.id,
        Kind.DIAGNOSIS_STARTED,
        agent,
        now,
        "Diagnosis " + record.attempt + ": " + diagnosis.startedEvent().describe(playbook),
        null);
    if (ticket.assignee == null) {
      ticketService.assignWithinDiagnosis(ticket, agent, agent, now);
    }
    ticketService.followDiagnosis(ticket, diagnosis.status(), agent, now);
    diagnoses.flush();
    return view(record);
  }

  public DiagnosisView record(long ticketId, Integer expectedVersion, OutcomeCommand command) {
    // The columns' limits, checked here so that every caller (API, pages) gets a 400, not a 500.
    limit("note", command.note(), 4000);
    limit("skipReason", command.skipReason(), 2000);
    return apply(ticketId, expectedVersion, d -> d.record(command));
  }

  public DiagnosisView verify(
      long ticketId,
      Integer expectedVersion,
      String stepKey,
      boolean backupCompleted,
      String agent) {
    return apply(
        ticketId, expectedVersion, d -> d.verify(stepKey, backupCompleted, agent, clock.instant()));
  }

  public DiagnosisView escalate(
      long ticketId,
      Integer expectedVersion,
      EscalationTarget target,
      String reason,
      String agent) {
    limit("reason", reason, 2000);
    return apply(
        ticketId, expectedVersion, d -> d.escalate(target, reason, agent, clock.instant()));
  }

  public DiagnosisView abandon(
      long ticketId, Integer expectedVersion, String reason, String agent) {
    limit("reason", reason, 1000);
    return apply(ticketId, expectedVersion, d -> d.abandon(reason, agent, clock.instant()));
  }

  public DiagnosisView resume(long ticketId, Integer expectedVersion, String agent) {
    return apply(ticketId, expectedVersion, d -> d.resume(agent, clock.instant()));
  }

  /**
   * Loads and locks the diagnosis, lets the core run the command, and stores what changed. An
   * identical repeat (a double click, a retried request) changes nothing and succeeds whatever
   * version it names; any real change against a stale version is refused.
   */
  private DiagnosisView apply(
      long ticketId, Integer expectedVersion, Function<Diagnosis, List<DiagnosisEvent>> command) {
    var record =
        diagnoses
            .find("ticketId = ?1 order by attempt desc", ticketId)
            .withLock(LockModeType.PESSIMISTIC_WRITE)
            .firstResultOptional()
            .orElseThrow(
                () ->
                    tickets.findByIdOptional(ticketId).isEmpty()
                        ? new NotFoundException("Ticket", ticketId)
                        : new NotFoundException("A diagnosis of ticket", ticketId));
    var diagnosis = restore(record);
    List<DiagnosisEvent> happened;
    try {
      happened = command.apply(diagnosis);
    } catch (DiagnosisException e) {
      throw new RuleException(e, view(record, diagnosis));
    }
    if (happened.isEmpty()) {
      return view(record, diagnosis);
    }
    if (expectedVersion != null && expectedVersion != record.version) {
      throw ConflictException.stale(
          "The diagnosis of ticket " + ticketId, expectedVersion, record.version, view(record));
    }
    Instant now = clock.instant();
    DiagnosisMapper.write(diagnosis.snapshot(), record, now);
    // The ticket follows the diagnosis; lock it so that a ticket change committed meanwhile (a new
    // priority, a note) makes this command wait instead of failing on the ticket's version.
    Ticket ticket = tickets.findById(ticketId, LockModeType.PESSIMISTIC_WRITE);
    for (DiagnosisEvent event : happened) {
      events.append(
          ticketId,
          record.id,
          kindOf(event),
          event.agent(),
          event.at(),
          event.describe(diagnosis.playbook()),
          bodyOf(event));
    }
    ticketService.followDiagnosis(ticket, diagnosis.status(), lastAgent(happened), now);
    diagnoses.flush();
    return view(record, diagnosis);
  }

  private Diagnosis restore(DiagnosisRecord record) {
    Playbook playbook =
        playbooks
            .version(record.playbookVersion)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Diagnosis "
                            + record.id
                            + " uses unknown playbook v"
                            + record.playbookVersion));
    return Diagnosis.restore(playbook, DiagnosisMapper.toSnapshot(record));
  }

  DiagnosisView view(DiagnosisRecord record) {
    return view(record, restore(record));
  }

  private static DiagnosisView view(DiagnosisRecord record, Diagnosis diagnosis) {
    return new DiagnosisView(
        record.id, record.ticketId, record.attempt, record.version, record.updatedAt, diagnosis);
  }

  private static void limit(String field, String text, int max) {
    if (text != null && text.length() > max) {
      throw new InvalidInputException(
          field, "Keep the " + field + " under " + String.format("%,d", max) + " characters.");
    }
  }

  private static String lastAgent(List<DiagnosisEvent> happened) {
    return happened.get(happened.size() - 1).agent();
  }

  private static Kind kindOf(DiagnosisEvent event) {
    if (event instanceof DiagnosisEvent.Started) {
      return Kind.DIAGNOSIS_STARTED;
    } else if (event instanceof DiagnosisEvent.StepRecorded) {
      return Kind.STEP_RECORDED;
    } else if (event instanceof DiagnosisEvent.Verified) {
      return Kind.VERIFIED;
    } else if (event instanceof DiagnosisEvent.Resolved) {
      return Kind.RESOLVED;
    } else if (event instanceof DiagnosisEvent.Escalated) {
      return Kind.ESCALATED;
    } else if (event instanceof DiagnosisEvent.WaitingOnApple) {
      return Kind.WAITING_ON_APPLE;
    } else if (event instanceof DiagnosisEvent.Abandoned) {
      return Kind.ABANDONED;
    }
    return Kind.RESUMED;
  }

  private static String bodyOf(DiagnosisEvent event) {
    return event instanceof DiagnosisEvent.StepRecorded recorded ? recorded.result().note() : null;
  }
}
