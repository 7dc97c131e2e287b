package io.backupdesk.web.playbook.api;

import io.backupdesk.web.common.CurrentStates;
import io.backupdesk.web.common.StateRef;
import io.backupdesk.web.playbook.DraftRef;
import io.backupdesk.web.playbook.PlaybookEditor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** A refused edit of the draft shows the draft as it is now: the other admin's change in full. */
@ApplicationScoped
class PlaybookCurrentState implements CurrentStates {

  private final PlaybookEditor editor;

  PlaybookCurrentState(PlaybookEditor editor) {
    this.editor = editor;
  }

  @Override
  public Optional<Object> render(StateRef ref) {
    return ref instanceof DraftRef ? Optional.of(DraftJson.of(editor.draft())) : Optional.empty();
  }
}
