package io.backupdesk.web.order;

import io.backupdesk.diagnostics.order.LearnedModel;
import io.backupdesk.diagnostics.order.LearningSettings;
import io.backupdesk.diagnostics.order.OffPolicyEvaluation;
import io.backupdesk.diagnostics.order.PolicyComparison;
import io.backupdesk.diagnostics.order.StepOrderLearner;
import io.backupdesk.diagnostics.order.TargetPolicy;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.Playbooks;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Trains a new version of the step-order model from the recorded outcomes: on the schedule {@code
 * helpdesk.step-order.learn-cron} and on demand (the supervisor's button, {@code POST
 * /api/v1/step-order/models}). It reads the window's diagnoses as walks, lets the core's learner
 * estimate every segment with the current cost weights, judges the learned orders against the
 * article's on the same logged walks by the off-policy estimate, and stores the result as the next
 * version. Reading and training run outside any transaction; only storing takes one.
 */
@ApplicationScoped
public class LearnStepOrder {
  private static final Logger LOG = Logger.getLogger(LearnStepOrder.class);

  @Inject RecordedWalks recorded;
  @Inject OrderModels models;
  @Inject OrderSettingsService settings;
  @Inject StepOrderConfig config;
  @Inject Playbooks playbooks;
  @Inject Clock clock;

  // One training at a time in this instance: a second click waits for the first, then trains on
  // what is recorded by then.
  private final ReentrantLock training = new ReentrantLock();

  @Scheduled(
      identity = "step-order-learn",
      cron = "${helpdesk.step-order.learn-cron:0 30 2 * * ?}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void scheduled() {
    try {
      StoredModel stored = learn(null);
      LOG.infof(
          "Step order: model v%d trained on %d walks", stored.version(), stored.model().walks());
    } catch (RuntimeException e) {
      // The next run tries again; the model in use stays as it is.
      LOG.warn("Step order: scheduled training failed: " + e.getMessage(), e);
    }
  }

  /**
   * Trains and stores the next version now; {@code by} is the account that asked (null: schedule).
   */
  public StoredModel learn(String by) {
    training.lock();
    try {
      Playbook playbook = playbooks.current();
      StepOrderSettings current = settings.current();
      Instant now = clock.instant();
      Instant from = now.minus(config.window());
      RecordedWalks.Read read = recorded.read(from, now, config.maxWalks());
      int version = models.nextVersion();
      LearnedModel trained =
          new StepOrderLearner(playbook, LearningSettings.DEFAULT.withCosts(current.costs()))
              .train(version, read.walks(), from, now, now);
      if (read.unreadable() > 0) {
        trained =
            new LearnedModel(
                trained.version(),
                trained.playbookVersion(),
                trained.trainedAt(),
                trained.dataFrom(),
                trained.dataTo(),
                trained.walks(),
                trained.walksIgnored() + read.unreadable(),
                trained.settings(),
                trained.segments());
      }
      PolicyComparison live = null;
      if (!read.walks().isEmpty()) {
        var comparison =
            new OffPolicyEvaluation(current.costs().escalationMinutes(), config.resamples())
                .compare(
                    read.walks(),
                    TargetPolicy.article(playbook),
                    TargetPolicy.learned(trained),
                    new SplittableRandom(now.toEpochMilli()));
        live = comparison.baseline().supported() ? comparison : null;
      }
      return models.store(new StoredModel(trained, by, live));
    } finally {
      training.unlock();
    }
  }
}
