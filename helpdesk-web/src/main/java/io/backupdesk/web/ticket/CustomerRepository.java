package io.backupdesk.web.ticket;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class CustomerRepository implements PanacheRepository<Customer> {

  public Optional<Customer> findByEmail(String email) {
    return find("lower(email) = lower(?1)", email.trim()).firstResultOptional();
  }

  /** The customer, locked until the transaction ends. */
  public Optional<Customer> locked(long id) {
    return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
  }

  /**
   * The id of the customer with this e-mail address (any letter case), created with this name and
   * phone if there is none. One statement, so that tickets opened at the same moment for a new
   * address all get the one customer: PostgreSQL makes the second writer wait for the first and
   * then takes its row, where a look-up followed by an insert would fail on the unique index. A
   * known customer keeps their name; a phone fills in only a missing one. Nothing here changes the
   * customer's version, so opening tickets never makes an edit of the customer stale.
   */
  public long upsert(String email, String name, String phone, Instant now) {
    Object id =
        getEntityManager()
            .createNativeQuery(
                "INSERT INTO customer (name, email, phone, created_at, updated_at)"
                    + " VALUES (?1, ?2, ?3, ?4, ?4)"
                    + " ON CONFLICT ((lower(email)))"
                    + " DO UPDATE SET phone = coalesce(customer.phone, excluded.phone)"
                    + " RETURNING id")
            .setParameter(1, name)
            .setParameter(2, email)
            .setParameter(3, phone)
            .setParameter(4, now)
            .getSingleResult();
    return ((Number) id).longValue();
  }
}
