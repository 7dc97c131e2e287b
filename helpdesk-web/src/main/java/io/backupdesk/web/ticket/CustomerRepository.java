package io.backupdesk.web.ticket;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class CustomerRepository implements PanacheRepository<Customer> {

  public Optional<Customer> findByEmail(String email) {
    return find("lower(email) = lower(?1)", email.trim()).firstResultOptional();
  }

  /**
   * The customer with this e-mail (any letter case), created with {@code name} if there is none. An
   * upsert, not a look-up then an insert: twenty first tickets of one new customer at the same
   * moment would otherwise all find no customer and all insert one, and every insert but the first
   * would fail on the unique e-mail. {@code ON CONFLICT DO NOTHING} waits for the first insert and
   * then leaves the row to it.
   */
  public Customer findOrCreate(String email, String name, String phone, Instant now) {
    getEntityManager()
        .createNativeQuery(
            "INSERT INTO customer (name, email, phone, created_at, updated_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?4) ON CONFLICT ((lower(email))) DO NOTHING")
        .setParameter(1, name)
        .setParameter(2, email)
        .setParameter(3, phone)
        .setParameter(4, java.sql.Timestamp.from(now))
        .executeUpdate();
    return findByEmail(email).orElseThrow();
  }
}
