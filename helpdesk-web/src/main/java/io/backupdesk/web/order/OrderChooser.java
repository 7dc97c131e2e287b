package io.backupdesk.web.order;

import io.backupdesk.diagnostics.diagnosis.OrderChoice;
import io.backupdesk.diagnostics.order.LearnedModel;
import io.backupdesk.diagnostics.order.OrderSuggestions;
import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.Playbook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Chooses the order a new diagnosis walks, as the settings say: the article's while suggestions are
 * off; otherwise the newest model's learned order for the phone, or with the exploration share an
 * allowed order near it, with the propensity the core's policy gives it. A model trained for
 * another playbook version orders no diagnosis of this one: the article's order (with exploration)
 * stands until a model of the current playbook is trained.
 */
@ApplicationScoped
public class OrderChooser {

  @Inject OrderSettingsService settings;
  @Inject OrderModels models;

  private volatile Policy policy;

  /** The policy for one combination of settings version, model version and playbook. */
  private record Policy(
      int settingsVersion, Integer modelVersion, Playbook playbook, OrderSuggestions suggestions) {}

  public OrderChoice choose(Playbook playbook, Device device) {
    StepOrderSettings current = settings.current();
    if (!current.suggestionsOn()) {
      return OrderChoice.article(playbook);
    }
    LearnedModel model =
        models
            .latest()
            .map(StoredModel::model)
            .filter(m -> m.playbookVersion() == playbook.version())
            .orElse(null);
    Integer modelVersion = model == null ? null : model.version();
    Policy known = policy;
    if (known == null
        || known.settingsVersion() != current.version()
        || !java.util.Objects.equals(known.modelVersion(), modelVersion)
        || known.playbook() != playbook) {
      // The core's policy caches each segment's explored orders: build it once per change.
      known =
          new Policy(
              current.version(),
              modelVersion,
              playbook,
              OrderSuggestions.of(playbook, true, current.exploreShare(), model));
      policy = known;
    }
    return known.suggestions().choose(device, ThreadLocalRandom.current());
  }
}
