package io.backupdesk.web.identity;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AgentRepository implements PanacheRepository<Agent> {

  public Optional<Agent> findByUsername(String username) {
    return find("username", username).firstResultOptional();
  }

  public List<Agent> enabledAgents() {
    return list("enabled = true order by displayName");
  }
}
