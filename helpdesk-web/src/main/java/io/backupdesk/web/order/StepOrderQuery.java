package io.backupdesk.web.order;

import io.backupdesk.diagnostics.order.LearnedModel;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.Playbooks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** Puts together what the "Step order" page and its JSON twin show. */
@ApplicationScoped
public class StepOrderQuery {
  private static final int VERSIONS_SHOWN = 10;
  private static final int CHANGES_SHOWN = 10;

  @Inject OrderSettingsService settings;
  @Inject OrderModels models;
  @Inject Playbooks playbooks;

  public StepOrderOverview overview() {
    Optional<StoredModel> latest = models.latest();
    List<ModelSummary> versions = models.list(VERSIONS_SHOWN);
    var segments =
        latest
            .map(
                stored -> {
                  LearnedModel model = stored.model();
                  Playbook playbook =
                      playbooks.version(model.playbookVersion()).orElse(playbooks.current());
                  return model.segments().stream()
                      .map(s -> StepOrderOverview.SegmentJson.of(s, playbook))
                      .toList();
                })
            .orElse(List.of());
    return new StepOrderOverview(
        StepOrderOverview.SettingsJson.of(settings.current()),
        latest.isEmpty() || versions.isEmpty() ? null : versions.get(0),
        latest.map(stored -> StepOrderOverview.LiveJson.of(stored.live())).orElse(null),
        segments,
        versions,
        settings.changes(CHANGES_SHOWN));
  }
}
