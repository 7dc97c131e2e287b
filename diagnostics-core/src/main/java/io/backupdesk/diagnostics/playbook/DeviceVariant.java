package io.backupdesk.diagnostics.playbook;

/** The way an iPhone is operated, which changes how some steps (restarting it) are done. */
public enum DeviceVariant {
  FACE_ID("iPhone X and later (Face ID)"),
  HOME_BUTTON("iPhone 8 and earlier, SE (Home button)");

  private final String label;

  DeviceVariant(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
