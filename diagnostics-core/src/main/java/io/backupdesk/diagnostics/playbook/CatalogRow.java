package io.backupdesk.diagnostics.playbook;

/**
 * A device model as an administrator or a file writes it, before validation: the variant as its
 * name ({@code FACE_ID}, {@code HOME_BUTTON}) and the iOS range as numbers, {@code lastIos} empty
 * while Apple still supports the model.
 */
public record CatalogRow(String name, String variant, Integer firstIos, Integer lastIos) {

  public static CatalogRow of(DeviceModel model) {
    return new CatalogRow(model.name(), model.variant().name(), model.firstIos(), model.lastIos());
  }
}
