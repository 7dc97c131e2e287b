package io.backupdesk.web.playbook;

import io.backupdesk.diagnostics.playbook.CatalogRow;
import java.time.Instant;

/**
 * A device model as the database holds it: the core's row, and what an editor needs to change it
 * (the row id, the revision a change must name, who changed it last and who retired it).
 */
public record StoredDevice(
    long id,
    CatalogRow row,
    int revision,
    Instant changedAt,
    String changedBy,
    Instant retiredAt,
    String retiredBy) {}
