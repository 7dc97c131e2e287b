package io.backupdesk.web.playbook;

import io.backupdesk.diagnostics.playbook.CatalogRow;
import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.Playbooks;
import io.backupdesk.diagnostics.playbook.draft.PlaybookDraft;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * On the first start, writes the playbook and device catalogue that ship with the core into the
 * database, where administrators edit them from then on: v1 as the JSON export gives it (so it
 * reads back exactly as the core wrote it), and every model of {@code device-models.csv}. Later
 * starts find the rows and change nothing; instances starting together take turns.
 */
@ApplicationScoped
class FirstStartLoader {

  static final String SYSTEM = "system";

  private final PlaybookStore store;
  private final Clock clock;

  FirstStartLoader(PlaybookStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Transactional
  void onStart(@Observes StartupEvent start) {
    store.lockFirstStart();
    if (store.latestVersion() == 0) {
      for (Playbook playbook : Playbooks.standard().all()) {
        store.insertVersion(
            playbook.version(),
            playbook.name(),
            PlaybookFiles.write(PlaybookDraft.from(playbook), PlaybookFiles.Format.JSON),
            clock.instant(),
            SYSTEM,
            "BUILT_IN");
      }
    }
    if (store.catalogStamp().count() == 0) {
      for (CatalogRow row : DeviceCatalog.standard().rows()) {
        store.insertDevice(row, clock.instant(), SYSTEM);
      }
    }
  }
}
