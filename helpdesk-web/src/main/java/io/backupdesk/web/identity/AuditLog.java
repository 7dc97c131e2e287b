package io.backupdesk.web.identity;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/**
 * Writes the audit trail. Each entry commits on its own, so a failed sign-in is recorded even
 * though the request that caused it fails.
 */
@ApplicationScoped
public class AuditLog implements PanacheRepository<AuditEntry> {

  private final Clock clock;

  AuditLog(Clock clock) {
    this.clock = clock;
  }

  public void record(
      AuditEntry.Action action, String actor, String target, String detail, String ip) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              var entry = new AuditEntry();
              entry.at = clock.instant();
              entry.action = action;
              entry.actor = truncate(actor, 64);
              entry.target = truncate(target, 200);
              entry.detail = truncate(detail, 1000);
              entry.ip = truncate(ip, 64);
              persist(entry);
            });
  }

  /** The newest entries first, optionally only those of one actor or action. */
  public List<AuditEntry> newest(int limit, String actor, AuditEntry.Action action) {
    return olderThan(null, limit, actor, action);
  }

  /**
   * The next entries, newest first, after the entry with id {@code before} in that order: keyset
   * paging on (at, id), so entries written meanwhile neither repeat nor push others off a page.
   * {@code before} null starts at the newest; an unknown id gives no entries.
   */
  public List<AuditEntry> olderThan(
      Long before, int limit, String actor, AuditEntry.Action action) {
    var query = new StringBuilder("1 = 1");
    var params = new java.util.HashMap<String, Object>();
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

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
