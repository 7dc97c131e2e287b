package io.backupdesk.diagnostics.playbook.draft;

import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import io.backupdesk.diagnostics.playbook.Playbooks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The version numbers a new playbook version and its steps get (see PlaybookDraft#publish). */
final class Numbering {
  private Numbering() {}

  static Playbook number(Playbook content, Playbooks history) {
    if (history == null) {
      return content;
    }
    List<Playbook> newestFirst = new ArrayList<>(history.all());
    Collections.reverse(newestFirst);
    List<PlaybookStep> steps = new ArrayList<>();
    for (PlaybookStep step : content.steps()) {
      PlaybookStep latest = null;
      int highest = 0;
      for (Playbook published : newestFirst) {
        PlaybookStep same = published.step(step.key()).orElse(null);
        if (same == null) {
          continue;
        }
        if (latest == null) {
          latest = same;
        }
        highest = Math.max(highest, same.version());
      }
      int version = latest != null && latest.sameContentAs(step) ? latest.version() : highest + 1;
      steps.add(step.renumbered(step.number(), version));
    }
    return new Playbook(history.current().version() + 1, content.name(), steps);
  }
}
