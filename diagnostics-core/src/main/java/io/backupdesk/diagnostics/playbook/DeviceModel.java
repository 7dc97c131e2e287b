package io.backupdesk.diagnostics.playbook;

import java.util.Objects;

/** An iPhone model an agent can pick for the customer's phone, with its button layout. */
public record DeviceModel(String name, DeviceVariant variant) {
  public DeviceModel {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A device model needs a name");
    }
    name = name.strip();
    Objects.requireNonNull(variant, "variant");
  }
}
