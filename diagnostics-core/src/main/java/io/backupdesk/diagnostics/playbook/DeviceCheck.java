package io.backupdesk.diagnostics.playbook;

import java.util.List;

/**
 * A phone's model and iOS version as typed on a ticket, checked against the device catalogue: the
 * texts to store (the catalogue's own spelling of the model, the canonical iOS version) or the
 * problems, each naming its field ({@code deviceModel}, {@code iosVersion}).
 */
public record DeviceCheck(String model, String iosVersion, List<FieldProblem> problems) {
  public static final String MODEL_FIELD = "deviceModel";
  public static final String IOS_FIELD = "iosVersion";

  public DeviceCheck {
    problems = List.copyOf(problems);
  }

  public boolean isValid() {
    return problems.isEmpty();
  }

  /** The checked phone; only for a valid check. */
  public Device device() {
    if (!isValid()) {
      throw new IllegalStateException("The device was refused: " + problems);
    }
    return new Device(model, iosVersion);
  }
}
