package io.backupdesk.web.playbook.api;

import io.backupdesk.diagnostics.playbook.draft.PlaybookDraft;
import io.backupdesk.web.playbook.PlaybookEditor;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The playbook draft administrators edit, with the revision every change must name. */
@Schema(name = "PlaybookDraft")
public record DraftJson(
    @Schema(description = "Send as `revision` with every change; a stale one gets a 409")
        int revision,
    @Schema(description = "The published version the draft continues from") int basedOn,
    Instant updatedAt,
    String updatedBy,
    @Schema(description = "The content, in the shape of an exported version file")
        PlaybookDraft playbook) {

  static DraftJson of(PlaybookEditor.Draft draft) {
    return new DraftJson(
        draft.revision(), draft.basedOn(), draft.updatedAt(), draft.updatedBy(), draft.playbook());
  }
}
