package io.backupdesk.diagnostics.diagnosis;

final class Strings {
  private Strings() {}

  static String trimToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  static String requireAgent(String agent) {
    if (agent == null || agent.isBlank()) {
      throw new IllegalArgumentException("Every change to a diagnosis needs the agent's name");
    }
    return agent.strip();
  }

  /** "Upgrade the iCloud plan" reads "upgrade the iCloud plan" mid-sentence; "iCloud" stays. */
  static String midSentence(String label) {
    return label.length() > 1
            && Character.isUpperCase(label.charAt(0))
            && Character.isLowerCase(label.charAt(1))
        ? Character.toLowerCase(label.charAt(0)) + label.substring(1)
        : label;
  }
}
