package io.backupdesk.web.playbook;

import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The device catalogue as the database holds it now: the models shipped with the app (loaded on the
 * first start) and those administrators added since, as they last changed them. Ticket forms,
 * reports and the playbook's coverage rules all ask here, never {@link DeviceCatalog#standard()},
 * so a model added in the editor is known everywhere at once, on every instance.
 */
@ApplicationScoped
public class DeviceCatalogs {

  private final PlaybookStore store;
  private volatile Cached cached;

  private record Cached(PlaybookStore.CatalogStamp stamp, DeviceCatalog catalog) {}

  DeviceCatalogs(PlaybookStore store) {
    this.store = store;
  }

  /**
   * The catalogue as of now; rebuilt only when a model was added, changed, retired or restored. The
   * fingerprint is read from the database on every call, so a change made on another instance is
   * seen on the next read without any message between instances.
   */
  public DeviceCatalog current() {
    PlaybookStore.CatalogStamp stamp = store.catalogStamp();
    Cached known = cached;
    if (known != null && known.stamp().equals(stamp)) {
      return known.catalog();
    }
    if (stamp.count() == 0) {
      // Before the first start's loader ran: the shipped catalogue.
      return DeviceCatalog.standard();
    }
    DeviceCatalog catalog = DeviceCatalog.build(store.deviceRows()).orElseThrow("Device catalogue");
    cached = new Cached(stamp, catalog);
    return catalog;
  }
}
