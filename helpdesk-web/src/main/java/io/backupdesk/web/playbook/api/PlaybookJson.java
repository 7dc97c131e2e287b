package io.backupdesk.web.playbook.api;

import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.DeviceVariant;
import io.backupdesk.diagnostics.playbook.Playbook;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The current playbook, its instructions tailored to one device. */
@Schema(name = "Playbook")
public record PlaybookJson(
    int version,
    String name,
    DeviceJson device,
    @Schema(description = "What the agent asks after every fix") String verifyPrompt,
    List<StepJson> steps) {

  static PlaybookJson of(Playbook playbook, Device device, DeviceCatalog catalog) {
    return new PlaybookJson(
        playbook.version(),
        playbook.name(),
        DeviceJson.of(device, catalog),
        Playbook.VERIFY_PROMPT,
        playbook.steps().stream().map(s -> StepJson.of(s, device, catalog)).toList());
  }

  /** The iPhone models an agent can pick, oldest first. */
  @Schema(name = "DeviceCatalog")
  public record Devices(
      List<Model> models,
      @Schema(description = "What to pick for an unlisted model: it gets every variant")
          String other,
      List<DeviceJson.VariantJson> variants) {

    static Devices of(DeviceCatalog catalog) {
      return of(catalog, false);
    }

    static Devices of(DeviceCatalog catalog, boolean withRetired) {
      return new Devices(
          (withRetired ? catalog.models() : catalog.activeModels())
              .stream()
                  .map(
                      m ->
                          new Model(
                              m.name(),
                              DeviceJson.VariantJson.of(m.variant()),
                              m.firstIos(),
                              m.lastIos(),
                              m.retired()))
                  .toList(),
          DeviceCatalog.OTHER,
          Arrays.stream(DeviceVariant.values()).map(DeviceJson.VariantJson::of).toList());
    }
  }

  /** One iPhone model, its button layout and the iOS majors it runs (last empty: supported). */
  @Schema(name = "DeviceModel")
  public record Model(
      String name,
      DeviceJson.VariantJson variant,
      Integer firstIos,
      Integer lastIos,
      @Schema(description = "true when new tickets can no longer name it") boolean retired) {}
}
