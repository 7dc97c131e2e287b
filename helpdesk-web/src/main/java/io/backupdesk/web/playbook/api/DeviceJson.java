package io.backupdesk.web.playbook.api;

import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.DeviceVariant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The customer's phone as noted, and which instruction variants therefore apply. */
@Schema(name = "Device")
public record DeviceJson(
    @Schema(description = "Model name as noted; null when unknown") String model,
    String iosVersion,
    @Schema(description = "true when the model is in the catalogue (not `Other` or unknown)")
        boolean knownModel,
    @Schema(description = "One variant for a known model; every variant for an unknown one")
        List<VariantJson> variants) {

  /** A button layout that changes how some steps are done. */
  @Schema(name = "DeviceVariant")
  public record VariantJson(DeviceVariant key, String label) {
    public static VariantJson of(DeviceVariant v) {
      return new VariantJson(v, v.label());
    }
  }

  /** With the shipped catalogue: for callers that have no catalogue at hand. */
  public static DeviceJson of(Device device) {
    return of(device, DeviceCatalog.standard());
  }

  public static DeviceJson of(Device device, DeviceCatalog catalog) {
    return new DeviceJson(
        device.model(),
        device.iosVersion(),
        catalog.find(device.model()).isPresent(),
        catalog.variantsFor(device.model()).stream().map(VariantJson::of).toList());
  }
}
