package io.backupdesk.web.identity;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class AgentRepository implements PanacheRepository<Agent> {

  public Optional<Agent> findByUsername(String username) {
    return find("username", username).firstResultOptional();
  }

  public List<Agent> enabledAgents() {
    return list("enabled = true order by displayName");
  }

  /**
   * Every account's display name by user name, disabled ones included, read as two columns: pages
   * that name agents read it on every request, and loading the accounts as entities cost the queue
   * page a sixth of its time.
   */
  public Map<String, String> displayNames() {
    var names = new HashMap<String, String>();
    getEntityManager()
        .createQuery("select a.username, a.displayName from Agent a", Object[].class)
        .getResultList()
        .forEach(row -> names.put((String) row[0], (String) row[1]));
    return names;
  }
}
