package io.backupdesk.web.playbook.api;

import io.backupdesk.diagnostics.playbook.DeviceVariant;
import io.backupdesk.web.playbook.StoredDevice;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A device model as an administrator edits it: its row, revision and retirement. */
@Schema(name = "EditableDeviceModel")
public record DeviceModelJson(
    @Schema(description = "The id in /api/v1/playbooks/devices/{id}") long id,
    @Schema(description = "The model's name; it is the key tickets store and cannot change")
        String name,
    DeviceJson.VariantJson variant,
    int firstIos,
    @Schema(description = "The last iOS major Apple released for it; null while supported")
        Integer lastIos,
    @Schema(description = "true when new tickets can no longer name it") boolean retired,
    Instant retiredAt,
    String retiredBy,
    @Schema(description = "Name it as ?revision= when changing, retiring or restoring the model")
        int revision,
    Instant changedAt,
    String changedBy) {

  static DeviceModelJson of(StoredDevice device) {
    var row = device.row();
    return new DeviceModelJson(
        device.id(),
        row.name(),
        DeviceJson.VariantJson.of(DeviceVariant.valueOf(row.variant().toUpperCase(Locale.ROOT))),
        row.firstIos(),
        row.lastIos(),
        row.retired(),
        device.retiredAt(),
        device.retiredBy(),
        device.revision(),
        device.changedAt(),
        device.changedBy());
  }

  /** A model's new family and iOS range; the name stays. */
  @Schema(name = "DeviceModelChange")
  public record Change(
      @Schema(description = "FACE_ID or HOME_BUTTON", required = true) String variant,
      @Schema(description = "The iOS major it shipped with", required = true) Integer firstIos,
      @Schema(description = "The last iOS major Apple released for it; empty while supported")
          Integer lastIos) {}
}
