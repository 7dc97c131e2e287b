package io.backupdesk.web.playbook;

import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.IcloudBackupPlaybook;
import io.backupdesk.diagnostics.playbook.InstructionBlock;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;

/**
 * The step page's "tell the customer" text ({@code inject:customerMessages} in templates): the
 * step's customer message for the phone, with the variants the catalogue knows now, so a model an
 * administrator added gets its own family's text.
 */
@Named("customerMessages")
@ApplicationScoped
public class CustomerMessages {

  private final DeviceCatalogs catalogs;

  CustomerMessages(DeviceCatalogs catalogs) {
    this.catalogs = catalogs;
  }

  public List<InstructionBlock> forStep(PlaybookStep step, Device device) {
    return step == null || device == null
        ? List.of()
        : step.customerMessageFor(device, catalogs.current());
  }

  /** Apple's System Status page, linked from the step that checks for an outage. */
  public String appleStatusUrl() {
    return IcloudBackupPlaybook.APPLE_SYSTEM_STATUS_URL;
  }
}
