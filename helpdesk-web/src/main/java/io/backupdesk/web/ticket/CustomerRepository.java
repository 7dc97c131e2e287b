package io.backupdesk.web.ticket;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class CustomerRepository implements PanacheRepository<Customer> {

  public Optional<Customer> findByEmail(String email) {
    return find("lower(email) = lower(?1)", email.trim()).firstResultOptional();
  }
}
