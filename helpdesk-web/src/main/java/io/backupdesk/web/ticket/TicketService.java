package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.web.common.ConflictException;
import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.common.NotFoundException;
import io.backupdesk.web.identity.AgentRepository;
import io.backupdesk.web.ticket.TicketEvent.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Opens tickets and changes their handling; every change lands on the ticket's timeline. */
@ApplicationScoped
@Transactional
public class TicketService {

  private static final Set<TicketStatus> REOPENABLE =
      Set.of(TicketStatus.RESOLVED, TicketStatus.ESCALATED, TicketStatus.CLOSED);

  private final TicketRepository tickets;
  private final CustomerRepository customers;
  private final AgentRepository agents;
  private final TicketEventRepository events;
  private final Clock clock;

  TicketService(
      TicketRepository tickets,
      CustomerRepository customers,
      AgentRepository agents,
      TicketEventRepository events,
      Clock clock) {
    this.tickets = tickets;
    this.customers = customers;
    this.agents = agents;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Opens a ticket; a customer who wrote before (same e-mail, any case) is reused, not duplicated.
   */
  public Ticket create(NewTicket form, String agent) {
    Instant now = clock.instant();
    Customer customer =
        customers
            .findByEmail(form.customerEmail())
            .orElseGet(
                () -> {
                  var c = new Customer();
                  c.email = form.customerEmail().trim();
                  c.createdAt = now;
                  return c;
                });
    customer.name = form.customerName().trim();
    if (form.customerPhone() != null && !form.customerPhone().isBlank()) {
      customer.phone = form.customerPhone().trim();
    }
    customer.updatedAt = now;
    customers.persist(customer);

    var ticket = new Ticket();
    ticket.customer = customer;
    ticket.subject = form.subject().trim();
    ticket.description = form.description() == null ? "" : form.description().trim();
    ticket.deviceModel = form.deviceModel().trim();
    ticket.iosVersion = form.iosVersion().trim();
    ticket.channel = form.channel();
    ticket.priority = form.priority() == null ? Priority.NORMAL : form.priority();
    ticket.status = TicketStatus.NEW;
    ticket.createdBy = agent;
    ticket.createdAt = now;
    ticket.updatedAt = now;
    tickets.persist(ticket);
    events.append(
        ticket.id,
        null,
        Kind.CREATED,
        agent,
        now,
        "Ticket opened by "
            + ticket.channel.label().toLowerCase(java.util.Locale.ROOT)
            + ": "
            + ticket.deviceModel
            + " on iOS "
            + ticket.iosVersion,
        null);
    tickets.flush();
    return ticket;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Ticket get(long id) {
    return tickets.findByIdOptional(id).orElseThrow(() -> new NotFoundException("Ticket", id));
  }

  /**
   * Applies a change to status, priority or assignee. {@code expectedVersion} is the version the
   * agent saw; if someone changed the ticket since, nothing is written and the caller gets 409.
   */
  public Ticket update(long id, Integer expectedVersion, TicketUpdate change, String agent) {
    Ticket ticket =
        tickets
            .findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
            .orElseThrow(() -> new NotFoundException("Ticket", id));
    if (expectedVersion != null && expectedVersion != ticket.version) {
      throw ConflictException.stale(
          "Ticket " + id, expectedVersion, ticket.version, TicketView.of(ticket));
    }
    Instant now = clock.instant();
    if (change.priority() != null && change.priority() != ticket.priority) {
      events.append(
          id,
          null,
          Kind.PRIORITY_CHANGED,
          agent,
          now,
          "Priority " + ticket.priority.label() + " → " + change.priority().label(),
          null);
      ticket.priority = change.priority();
      ticket.updatedAt = now;
    }
    if (change.unassign() && ticket.assignee != null) {
      events.append(
          id, null, Kind.ASSIGNED, agent, now, "Unassigned (was " + ticket.assignee + ")", null);
      ticket.assignee = null;
      ticket.updatedAt = now;
    } else if (change.assignee() != null && !change.assignee().equals(ticket.assignee)) {
      assignWithinDiagnosis(ticket, change.assignee(), agent, now);
    }
    if (change.status() != null && change.status() != ticket.status) {
      changeStatus(ticket, change.status(), agent, now);
    }
    tickets.flush();
    return ticket;
  }

  /**
   * Assigns the ticket to an enabled agent; used by {@link #update} and when a diagnosis starts.
   */
  public void assignWithinDiagnosis(Ticket ticket, String assignee, String agent, Instant now) {
    var target =
        agents
            .findByUsername(assignee)
            .filter(a -> a.enabled)
            .orElseThrow(() -> new NotFoundException("Agent", assignee));
    var summary =
        assignee.equals(agent)
            ? target.displayName + " took the ticket"
            : "Assigned to " + target.displayName;
    events.append(ticket.id, null, Kind.ASSIGNED, agent, now, summary, null);
    ticket.assignee = assignee;
    ticket.updatedAt = now;
  }

  private void changeStatus(Ticket ticket, TicketStatus next, String agent, Instant now) {
    if (!ticket.status.canMoveTo(next)) {
      throw new ConflictException(
          "illegal-ticket-transition",
          "A ticket that is "
              + ticket.status.label()
              + " cannot become "
              + next.label()
              + ". Allowed next: "
              + ticket.status.allowedNext().stream().map(TicketStatus::label).sorted().toList()
              + ".",
          TicketView.of(ticket));
    }
    if (next == TicketStatus.CLOSED && hasRunningDiagnosis(ticket.id)) {
      throw new ConflictException(
          "diagnosis-running",
          "Ticket "
              + ticket.id
              + " has a diagnosis in progress: finish, escalate or abandon it first.",
          TicketView.of(ticket));
    }
    var from = ticket.status;
    ticket.moveTo(next, now);
    Kind kind =
        next == TicketStatus.CLOSED
            ? Kind.CLOSED
            : REOPENABLE.contains(from) && next.isOpen() ? Kind.REOPENED : Kind.STATUS_CHANGED;
    var summary =
        switch (kind) {
          case CLOSED -> "Closed";
          case REOPENED -> "Reopened (was " + from.label() + ")";
          default -> "Status " + from.label() + " → " + next.label();
        };
    events.append(ticket.id, null, kind, agent, now, summary, null);
  }

  private boolean hasRunningDiagnosis(long ticketId) {
    return tickets
            .getEntityManager()
            .createQuery(
                "select count(d) from DiagnosisRecord d where d.ticketId = :t and d.status in :s",
                Long.class)
            .setParameter("t", ticketId)
            .setParameter(
                "s", List.of(DiagnosisStatus.IN_PROGRESS, DiagnosisStatus.AWAITING_VERIFICATION))
            .getSingleResult()
        > 0;
  }

  /** Keeps the ticket's status in line with its diagnosis (e.g. resolved when the fix held). */
  public void followDiagnosis(Ticket ticket, DiagnosisStatus diagnosis, String agent, Instant now) {
    var target = TicketStatus.afterDiagnosis(diagnosis);
    if (ticket.status == target) {
      ticket.updatedAt = now;
      return;
    }
    if (!ticket.status.canMoveTo(target)) {
      throw new ConflictException(
          "ticket-closed",
          "Ticket " + ticket.id + " is " + ticket.status.label() + ": reopen it first.",
          null);
    }
    ticket.moveTo(target, now);
  }

  public TicketEvent addNote(long id, String body, String agent) {
    // Locked like every other write to the ticket: notes added at the same moment (they touch
    // updatedAt, hence the version) are then written one after the other instead of failing.
    var ticket =
        tickets
            .findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
            .orElseThrow(() -> new NotFoundException("Ticket", id));
    var text = body == null ? "" : body.strip();
    if (text.isEmpty()) {
      throw new InvalidInputException("body", "A note cannot be empty: write what happened.");
    }
    if (text.length() > 10_000) {
      throw new InvalidInputException("body", "Keep a note under 10,000 characters.");
    }
    Instant now = clock.instant();
    ticket.updatedAt = now;
    var firstLine = text.lines().findFirst().orElse(text);
    return events.append(
        id,
        null,
        Kind.NOTE,
        agent,
        now,
        "Note: " + (firstLine.length() > 120 ? firstLine.substring(0, 119) + "…" : firstLine),
        text);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<TicketEvent> timeline(long id) {
    get(id);
    return events.timeline(id);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Ticket> earlierTickets(Ticket ticket) {
    return tickets.earlierTicketsOf(ticket.customer.id, ticket.id);
  }
}
