package io.backupdesk.diagnostics.diagnosis;

/** How many of the playbook's steps have an outcome, for the agent's progress bar. */
public record Progress(int done, int total) {
  public Progress {
    if (total < 1 || done < 0 || done > total) {
      throw new IllegalArgumentException("Progress " + done + " of " + total);
    }
  }

  public int percent() {
    return done * 100 / total;
  }
}
