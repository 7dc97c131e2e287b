package io.backupdesk.web.order;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How and when the step order learns ({@code helpdesk.step-order.*}; README "Step order"). */
@ConfigMapping(prefix = "helpdesk.step-order")
public interface StepOrderConfig {

  /** When the scheduled training runs (Quarkus cron, seconds first); "off" disables it. */
  @WithDefault("0 30 2 * * ?")
  String learnCron();

  /** How far back the training data reaches: diagnoses started within this window. */
  @WithDefault("P365D")
  Duration window();

  /** The most diagnoses one training reads (the newest of the window). */
  @WithDefault("300000")
  int maxWalks();

  /** Bootstrap resamples of the live off-policy estimate. */
  @WithDefault("500")
  int resamples();
}
