package io.backupdesk.web.ticket.ui;

import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.web.ticket.Customer;
import io.backupdesk.web.ticket.CustomerQuery;
import io.backupdesk.web.ticket.DiagnosisOutcome;
import io.backupdesk.web.ticket.DiagnosisStates;
import io.backupdesk.web.ticket.Ticket;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestPath;

/**
 * A customer's history at {@code /customers/{id}}: every ticket, newest first, each with its
 * diagnoses and how they ended. Linked from the ticket page and the queue.
 */
@Path("/customers")
@RolesAllowed("agent")
@Produces(MediaType.TEXT_HTML)
public class CustomerPages {

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance customer(CustomerPage page);
  }

  /** The customer and their tickets. */
  public record CustomerPage(
      long id,
      String name,
      String email,
      String phone,
      Instant since,
      List<TicketLine> tickets,
      long resolved,
      long open) {}

  /** A ticket with its diagnoses. */
  public record TicketLine(
      long id,
      String subject,
      String deviceModel,
      String iosVersion,
      TicketStatus status,
      Priority priority,
      Instant createdAt,
      Instant resolvedAt,
      List<DiagnosisOutcome> diagnoses) {}

  @Inject CustomerQuery customers;
  @Inject DiagnosisStates diagnoses;
  @Inject AgentNames agentNames;

  @GET
  @Path("{id}")
  @Transactional
  public TemplateInstance customer(@RestPath long id) {
    Customer c = customers.get(id);
    List<Ticket> tickets = customers.ticketsOf(id);
    Map<Long, List<DiagnosisOutcome>> byTicket =
        diagnoses.allOf(tickets.stream().map(t -> t.id).toList()).stream()
            .collect(Collectors.groupingBy(DiagnosisOutcome::ticketId));
    Map<String, String> names = agentNames.all();
    var lines =
        tickets.stream()
            .map(
                t ->
                    new TicketLine(
                        t.id,
                        t.subject,
                        t.deviceModel,
                        t.iosVersion,
                        t.status,
                        t.priority,
                        t.createdAt,
                        t.resolvedAt,
                        byTicket.getOrDefault(t.id, List.of()).stream()
                            .map(
                                d ->
                                    new DiagnosisOutcome(
                                        d.ticketId(),
                                        d.attempt(),
                                        d.status(),
                                        d.outcome(),
                                        d.stepsDone(),
                                        d.steps(),
                                        names.getOrDefault(d.startedBy(), d.startedBy()),
                                        d.startedAt(),
                                        d.endedAt()))
                            .toList()))
            .toList();
    return Templates.customer(
        new CustomerPage(
            c.id,
            c.name,
            c.email,
            c.phone,
            c.createdAt,
            lines,
            tickets.stream().filter(t -> t.status == TicketStatus.RESOLVED).count(),
            tickets.stream().filter(t -> t.status.isOpen()).count()));
  }
}
