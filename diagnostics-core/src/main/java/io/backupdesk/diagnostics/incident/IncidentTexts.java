package io.backupdesk.diagnostics.incident;

final class IncidentTexts {
  static final int MAX_TITLE = 200;
  static final int MAX_NOTE = 10_000;

  private IncidentTexts() {}

  static String requireAgent(String agent) {
    if (agent == null || agent.isBlank()) {
      throw new IllegalArgumentException("Every change to an incident needs the agent's name");
    }
    return agent.strip();
  }

  static String title(String title) {
    if (title == null || title.isBlank()) {
      throw new IncidentRefusedException(
          Refusal.INVALID_TEXT,
          "Give the incident a title that agents will recognise, e.g. \"iCloud Backup down"
              + " (Apple status page red)\".");
    }
    String text = title.strip();
    if (text.length() > MAX_TITLE) {
      throw new IncidentRefusedException(
          Refusal.INVALID_TEXT, "Keep the title to " + MAX_TITLE + " characters or fewer.");
    }
    if (text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IncidentRefusedException(
          Refusal.INVALID_TEXT, "Write the title on one line, without control characters.");
    }
    return text;
  }

  static String note(String note) {
    if (note == null || note.isBlank()) {
      throw new IncidentRefusedException(Refusal.INVALID_TEXT, "Write the note before adding it.");
    }
    String text = note.strip();
    if (text.length() > MAX_NOTE) {
      throw new IncidentRefusedException(
          Refusal.INVALID_TEXT, "Keep the note to " + MAX_NOTE + " characters or fewer.");
    }
    if (text.chars()
        .anyMatch(c -> (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f)) {
      throw new IncidentRefusedException(
          Refusal.INVALID_TEXT, "The note holds a control character; remove it and try again.");
    }
    return text;
  }

  static String trimToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
