package io.backupdesk.web.identity;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;

@ApplicationScoped
public class AuditEntryRepository implements PanacheRepository<AuditEntry> {

  /**
   * The next entries, newest first, after the entry with id {@code before} in that order: keyset
   * paging on (at, id), so entries written meanwhile neither repeat nor push others off a page.
   * {@code before} null starts at the newest; an unknown id gives no entries.
   */
  public List<AuditEntry> olderThan(
      Long before, int limit, String actor, AuditEntry.Action action) {
    var query = new StringBuilder("1 = 1");
    var params = new HashMap<String, Object>();
    if (actor != null && !actor.isBlank()) {
      query.append(" and actor = :actor");
      params.put("actor", actor.strip());
    }
    if (action != null) {
      query.append(" and action = :action");
      params.put("action", action);
    }
    if (before != null) {
      var last = findByIdOptional(before);
      if (last.isEmpty()) {
        return List.of();
      }
      query.append(" and (at < :at or (at = :at and id < :id))");
      params.put("at", last.get().at);
      params.put("id", last.get().id);
    }
    return find(query + " order by at desc, id desc", params).page(0, limit).list();
  }
}
