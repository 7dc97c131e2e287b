package io.backupdesk.web.playbook;

import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.Playbooks;
import io.backupdesk.diagnostics.playbook.draft.PlaybookDraft;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The published playbook versions, from the database: the latest for new diagnoses, any by number
 * for the diagnoses that started on it. Published versions never change, so they are read once and
 * kept; each request asks only whether a newer one exists (one indexed lookup), which keeps every
 * app instance current the moment another one publishes.
 *
 * <p>Whatever injects {@link Playbooks} gets the versions as they stand at the start of its
 * request.
 */
@ApplicationScoped
public class PlaybookVersions {

  private final PlaybookStore store;
  private volatile Playbooks known;

  PlaybookVersions(PlaybookStore store) {
    this.store = store;
  }

  @Produces
  @RequestScoped
  Playbooks playbooks() {
    return all();
  }

  /** Every published version as of now. */
  public Playbooks all() {
    Playbooks cached = known;
    int latest = store.latestVersion();
    if (cached != null && cached.current().version() >= latest) {
      return cached;
    }
    return load(latest);
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
