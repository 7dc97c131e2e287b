package io.backupdesk.web.identity;

import io.backupdesk.web.common.Limits;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Writes the audit trail. Each entry commits on its own, so a failed sign-in is recorded even
 * though the request that caused it fails.
 */
@ApplicationScoped
public class AuditLog {

  private final AuditEntryRepository entries;
  private final Clock clock;

  AuditLog(AuditEntryRepository entries, Clock clock) {
    this.entries = entries;
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
              entry.actor = truncate(actor, Limits.USERNAME);
              entry.target = truncate(target, Limits.AUDIT_TARGET);
              entry.detail = truncate(detail, Limits.AUDIT_DETAIL);
              entry.ip = truncate(ip, Limits.IP);
              entries.persist(entry);
            });
  }

  /**
   * An entry that is part of the caller's change (a corrected step result): it commits with the
   * change or not at all, so the trail never shows a correction that did not happen.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordWithin(AuditEntry.Action action, String actor, String target, String detail) {
    var entry = new AuditEntry();
    entry.at = clock.instant();
    entry.action = action;
    entry.actor = truncate(actor, Limits.USERNAME);
    entry.target = truncate(target, Limits.AUDIT_TARGET);
    entry.detail = truncate(detail, Limits.AUDIT_DETAIL);
    entries.persist(entry);
  }

  /** The newest entries first, optionally only those of one actor or action. */
  public List<AuditEntry> newest(int limit, String actor, AuditEntry.Action action) {
    return olderThan(null, limit, actor, action);
  }

  /** The next entries, newest first, after the entry {@code before} (keyset paging). */
  public List<AuditEntry> olderThan(
      Long before, int limit, String actor, AuditEntry.Action action) {
    return entries.olderThan(before, limit, actor, action);
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
