package io.backupdesk.diagnostics.playbook;

/**
 * A device model as an administrator or a file writes it, before validation: the variant as its
 * name ({@code FACE_ID}, {@code HOME_BUTTON}) and the iOS range as numbers, {@code lastIos} empty
 * while Apple still supports the model; {@code retired} when new tickets may no longer name it.
 */
public record CatalogRow(
    String name, String variant, Integer firstIos, Integer lastIos, boolean retired) {

  /** A row new tickets may name. */
  public CatalogRow(String name, String variant, Integer firstIos, Integer lastIos) {
    this(name, variant, firstIos, lastIos, false);
  }

  public static CatalogRow of(DeviceModel model) {
    return new CatalogRow(
        model.name(), model.variant().name(), model.firstIos(), model.lastIos(), model.retired());
  }

  /** The same model with another family and iOS range; name and retirement stay. */
  public CatalogRow changed(String newVariant, Integer newFirstIos, Integer newLastIos) {
    return new CatalogRow(name, newVariant, newFirstIos, newLastIos, retired);
  }

  public CatalogRow withRetired(boolean isRetired) {
    return new CatalogRow(name, variant, firstIos, lastIos, isRetired);
  }
}
