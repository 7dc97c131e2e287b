package io.backupdesk.web.ticket;

import io.backupdesk.web.common.Limits;
import io.backupdesk.web.common.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Reads customers and the tickets they opened; customers are created with their first ticket. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CustomerQuery {

  @Inject CustomerRepository customers;
  @Inject TicketRepository tickets;

  public Customer get(long id) {
    return customers.findByIdOptional(id).orElseThrow(() -> new NotFoundException("Customer", id));
  }

  /** The customer with this e-mail address, in any case. */
  public Customer byEmail(String email) {
    return customers
        .findByEmail(email)
        .orElseThrow(() -> new NotFoundException("A customer with e-mail", email));
  }

  /**
   * The customer with this e-mail address (any case), if there is one and the text is a whole
   * address: the look-up as an agent types on the new-ticket form.
   */
  public Optional<Customer> lookup(String email) {
    if (email == null || email.isBlank() || !email.strip().matches(Limits.EMAIL_PATTERN)) {
      return Optional.empty();
    }
    return customers.findByEmail(email.strip());
  }

  /** Every ticket of the customer, newest first. */
  public List<Ticket> ticketsOf(long customerId) {
    return tickets.ticketsOf(customerId);
  }
}
