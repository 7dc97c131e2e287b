package io.backupdesk.web.playbook;

import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.Playbooks;
import io.backupdesk.diagnostics.playbook.draft.PlaybookDraft;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Produces;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The published playbook versions, from the database: the latest for new diagnoses, any by number
 * for the diagnoses that started on it. Published versions never change, so they are read once and
 * kept; whether a newer one exists is asked (one indexed lookup) at most once a second, so another
 * app instance's publication is seen within a second, and this instance's own at once (its
 * transaction announces it when it commits). Asking on every request cost the busiest pages a
 * transaction of its own each (bench/RESULTS.md, "Hot paths"). The editor reads {@link #fresh}.
 *
 * <p>Whatever injects {@link Playbooks} gets the versions as they stand at the start of its
 * request.
 */
@ApplicationScoped
public class PlaybookVersions {

  /** Announced by the transaction that stores a new version; observed once it commits. */
  public record Published(int version) {}

  private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final PlaybookStore store;
  private volatile Playbooks known;
  private volatile long checkedAt;
  private volatile boolean recheck = true;

  PlaybookVersions(PlaybookStore store) {
    this.store = store;
  }

  @Produces
  @RequestScoped
  Playbooks playbooks() {
    return all();
  }

  /** Every published version, as of at most a second ago (at once for this instance's own). */
  public Playbooks all() {
    Playbooks cached = known;
    long now = System.nanoTime();
    if (cached != null && !recheck && now - checkedAt < RECHECK_NANOS) {
      return cached;
    }
    return fresh(now);
  }

  /** Every published version as of now. */
  public Playbooks fresh() {
    return fresh(System.nanoTime());
  }

  private Playbooks fresh(long now) {
    // Cleared before the lookup: a publication committed during it sets it again.
    recheck = false;
    int latest = store.latestVersion();
    checkedAt = now;
    Playbooks cached = known;
    if (cached != null && cached.current().version() >= latest) {
      return cached;
    }
    return load(latest);
  }

  void published(@Observes(during = TransactionPhase.AFTER_SUCCESS) Published published) {
    recheck = true;
  }

  public Playbook latest() {
    return all().current();
  }

  public Optional<Playbook> version(int version) {
    return all().version(version);
  }

  private synchronized Playbooks load(int latest) {
    Playbooks cached = known;
    if (cached != null && cached.current().version() >= latest) {
      return cached;
    }
    List<Playbook> versions = new ArrayList<>(cached == null ? List.of() : cached.all());
    int after = cached == null ? 0 : cached.current().version();
    for (PlaybookStore.StoredVersion stored : store.versionsAfter(after)) {
      versions.add(read(stored.content(), stored.version()));
    }
    if (versions.isEmpty()) {
      // Before the first start's loader ran (a test that reads too early): the built-in v1.
      return Playbooks.standard();
    }
    Playbooks loaded = Playbooks.of(versions);
    known = loaded;
    return loaded;
  }

  /** A stored version as the core's playbook; its own numbers, its content's rules. */
  static Playbook read(String content, int version) {
    PlaybookDraft draft =
        PlaybookFiles.read(content, PlaybookFiles.Format.JSON)
            .orElseThrow("Stored playbook v" + version);
    return draft.toPlaybook();
  }
}
