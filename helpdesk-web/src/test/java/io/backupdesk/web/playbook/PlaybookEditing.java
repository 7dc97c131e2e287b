package io.backupdesk.web.playbook;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The profile of the tests that publish playbook versions: its own application start, and with it a
 * fresh embedded database, so the versions they publish never reach the other test classes (which
 * expect new diagnoses on v1).
 */
public class PlaybookEditing implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("helpdesk.test.profile", "playbook-editing");
  }
}
