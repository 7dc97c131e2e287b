package io.backupdesk.web.playbook;

import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The device catalogue the app checks phones against, in one place: forms, the API and the pages
 * ask this bean, never {@link DeviceCatalog#standard()} themselves, so that a catalogue kept in the
 * database replaces the shipped file here and nowhere else.
 */
@ApplicationScoped
public class DeviceCatalogs {

  /** The catalogue in force now. */
  public DeviceCatalog current() {
    return DeviceCatalog.standard();
  }
}
