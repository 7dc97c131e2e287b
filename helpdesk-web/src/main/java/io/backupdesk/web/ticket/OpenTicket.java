package io.backupdesk.web.ticket;

import io.backupdesk.diagnostics.ticket.TicketCase;
import io.backupdesk.web.common.InvalidFieldsException;
import io.backupdesk.web.common.Problem;
import io.backupdesk.web.common.ProblemType;
import io.backupdesk.web.playbook.DeviceCatalogs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Opens a ticket. The phone must be one the device catalogue lists, on an iOS version it runs. A
 * customer who wrote before (same e-mail, any case) is reused, never duplicated and never renamed:
 * the name on the form only names a new customer (renaming is {@link RenameCustomer}). The core
 * opens the case and words its first timeline line.
 */
@ApplicationScoped
@Transactional
public class OpenTicket {

  @Inject TicketRepository tickets;
  @Inject CustomerRepository customers;
  @Inject TicketEventRepository events;
  @Inject DeviceCatalogs catalogs;
  @Inject Validator validator;
  @Inject Clock clock;
  @Inject TicketClocks clocks;

  /**
   * Refuses bad input naming every field at once: what the rules of {@link NewTicket} refuse is 400
   * (with the catalogue's verdict on the phone beside it), a well-formed phone the catalogue does
   * not know 422.
   */
  public Ticket handle(NewTicket form, String agent) {
    Objects.requireNonNull(form, "form");
    var device = form.checkDevice(catalogs.current());
    var errors = new TreeMap<String, String>();
    // One message per field, the same every time: "enter it" before "it has the wrong form".
    validator.validate(form).stream()
        .sorted(
            Comparator.comparing((ConstraintViolation<?> v) -> !isPresenceRule(v))
                .thenComparing(ConstraintViolation::getMessage))
        .forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
    if (!errors.isEmpty()) {
      NewTicket.errors(device).forEach(f -> errors.putIfAbsent(f.field(), f.message()));
      throw new InvalidFieldsException(
          ProblemType.INVALID_INPUT,
          errors.entrySet().stream()
              .map(e -> new Problem.FieldError(e.getKey(), e.getValue()))
              .toList());
    }
    if (!device.isValid()) {
      throw new InvalidFieldsException(ProblemType.UNKNOWN_DEVICE, NewTicket.errors(device));
    }
    Instant now = clock.instant();
    var phone =
        form.customerPhone() == null || form.customerPhone().isBlank()
            ? null
            : form.customerPhone().strip();
    Customer customer =
        customers.findById(
            customers.upsert(
                form.customerEmail().strip(), form.customerName().strip(), phone, now));
    var opened =
        TicketCase.open(
            null, form.channel(), device.model(), device.iosVersion(), form.priority(), agent, now);
    var ticket = new Ticket();
    ticket.customer = customer;
    ticket.subject = form.subject().trim();
    ticket.description = form.description() == null ? "" : form.description().trim();
    TicketMapper.write(opened.snapshot(), ticket);
    clocks.opened(ticket);
    tickets.persist(ticket);
    events.append(ticket.id, null, opened.openedEntry());
    tickets.flush();
    return ticket;
  }

  private static boolean isPresenceRule(ConstraintViolation<?> violation) {
    var rule = violation.getConstraintDescriptor().getAnnotation().annotationType();
    return rule == NotBlank.class || rule == NotNull.class;
  }
}
