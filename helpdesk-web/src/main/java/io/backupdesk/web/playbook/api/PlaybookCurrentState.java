package io.backupdesk.web.playbook.api;

import io.backupdesk.web.common.CurrentStates;
import io.backupdesk.web.common.StateRef;
import io.backupdesk.web.playbook.DeviceRef;
import io.backupdesk.web.playbook.DraftRef;
import io.backupdesk.web.playbook.PlaybookEditor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * A refused edit of the draft or of a device model shows it as it is now: the other admin's change
 * in full.
 */
@ApplicationScoped
class PlaybookCurrentState implements CurrentStates {

  private final PlaybookEditor editor;

  PlaybookCurrentState(PlaybookEditor editor) {
    this.editor = editor;
  }

  @Override
  public Optional<Object> render(StateRef ref) {
    if (ref instanceof DraftRef) {
      return Optional.of(DraftJson.of(editor.draft()));
    }
    if (ref instanceof DeviceRef device) {
      return Optional.of(DeviceModelJson.of(editor.device(device.id())));
    }
    return Optional.empty();
  }
}
