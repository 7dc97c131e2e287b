package io.backupdesk.diagnostics.playbook.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.IcloudBackupPlaybook;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import io.backupdesk.diagnostics.playbook.StepOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepMovingTest {
  private final DeviceCatalog catalog = DeviceCatalog.standard();
  private final Playbook v1 = IcloudBackupPlaybook.v1();
  private final PlaybookDraft draft = PlaybookDraft.from(v1);

  private static List<String> keys(PlaybookDraft draft) {
    return draft.steps().stream().map(StepDraft::key).toList();
  }

  @Test
  void upAndDownSwapAStepWithItsNeighbour() {
    assertThat(draft.positionOf("wifi")).isEqualTo(2);

    PlaybookDraft up = draft.moveStepUp("wifi");
    PlaybookDraft down = draft.moveStepDown("wifi");

    assertThat(keys(up)).startsWith("wifi", "backup-switch", "power");
    assertThat(keys(down)).startsWith("backup-switch", "power", "wifi", "storage");
    assertThat(up.moveStepDown("wifi")).isEqualTo(draft);
  }

  @Test
  void theEndsCannotMoveFurtherAndSayWhy() {
    assertThatThrownBy(() -> draft.moveStepUp("backup-switch"))
        .isInstanceOf(DraftEditException.class)
        .hasMessage("Step 'backup-switch' is already the first: it cannot move up");
    String last = draft.steps().get(draft.steps().size() - 1).key();
    assertThatThrownBy(() -> draft.moveStepDown(last))
        .isInstanceOf(DraftEditException.class)
        .hasMessage("Step '" + last + "' is already the last: it cannot move down");
    assertThatThrownBy(() -> draft.moveStepUp("retired-long-ago"))
        .isInstanceOf(DraftEditException.class)
        .hasMessageContaining("has no step 'retired-long-ago'");
  }

  @Test
  void publishedNumbersFollowTheNewOrderWhileKeysAndVersionsStay() {
    PlaybookDraft moved = draft.moveStep("reset-settings", 1);

    Playbook v2 = moved.publish(catalog, List.of(v1)).value().orElseThrow();

    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.steps().get(0).key()).isEqualTo("reset-settings");
    assertThat(v2.steps())
        .extracting(PlaybookStep::number)
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    for (PlaybookStep step : v2.steps()) {
      assertThat(step.version())
          .as(step.key())
          .isEqualTo(v1.step(step.key()).orElseThrow().version());
    }
    assertThat(PlaybookDiff.between(v1, v2).isEmpty()).isFalse();
  }

  @Test
  void theNewArticleOrderIsTheOneLearnedOrdersAreBoundBy() {
    // Bringing the intrusive reset forward in the article is the admin's call; from then on a
    // learned order may postpone it, never bring a harmless step's intrusive successor ahead of it.
    Playbook v2 =
        draft.moveStep("reset-settings", 1).publish(catalog, List.of(v1)).value().orElseThrow();

    assertThat(StepOrder.article(v2).isAllowedFor(v2)).isTrue();
    assertThat(StepOrder.article(v1).isAllowedFor(v2)).isTrue();
    assertThat(StepOrder.precedences(v2))
        .noneMatch(p -> p.after().equals("reset-settings") && p.before().equals("wifi"));
  }
}
