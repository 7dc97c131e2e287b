package io.backupdesk.web.order;

import io.backupdesk.diagnostics.order.CostWeights;
import io.backupdesk.diagnostics.order.Estimate;
import io.backupdesk.diagnostics.order.OrderForecast;
import io.backupdesk.diagnostics.order.PolicyComparison;
import io.backupdesk.diagnostics.order.PolicyValue;
import io.backupdesk.diagnostics.order.SegmentEstimate;
import io.backupdesk.diagnostics.order.StepEstimate;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the supervisor's "Step order" page and {@code GET /api/v1/step-order} show: the settings,
 * the newest model with every segment's figures, the live off-policy estimate, the model versions
 * and the settings' recent changes.
 */
@Schema(name = "StepOrder", description = "The learned step order: settings, model, live estimate")
public record StepOrderOverview(
    SettingsJson settings,
    @Schema(description = "The newest model; null before the first training") ModelSummary model,
    @Schema(
            description =
                "The off-policy comparison on the model's data window; null without"
                    + " support (e.g. suggestions never on, so no walk in a learned order)")
        LiveJson live,
    @Schema(description = "All phones first, then each device family x iOS major and model kept")
        List<SegmentJson> segments,
    @Schema(description = "Stored model versions, newest first") List<ModelSummary> versions,
    @Schema(description = "Recent changes of the settings, newest first")
        List<OrderSettingsService.SettingsChangeLine> changes) {

  /** The settings; the cost weights are minutes-equivalents. */
  @Schema(name = "StepOrderSettings")
  public record SettingsJson(
      boolean suggestionsOn,
      @Schema(description = "Share of diagnoses that walk an explored order, 0 to 0.5")
          double exploreShare,
      double lowRiskPrice,
      double mediumRiskPrice,
      double highRiskPrice,
      double paidFixPrice,
      double escalationMinutes,
      @Schema(description = "Send it back with a change; a stale one is refused (409)") int version,
      Instant updatedAt,
      String updatedBy) {

    public static SettingsJson of(StepOrderSettings s) {
      CostWeights c = s.costs();
      return new SettingsJson(
          s.suggestionsOn(),
          s.exploreShare(),
          c.lowRiskPrice(),
          c.mediumRiskPrice(),
          c.highRiskPrice(),
          c.paidFixPrice(),
          c.escalationMinutes(),
          s.version(),
          s.updatedAt(),
          s.updatedBy());
    }
  }

  /** Minutes per case under the article's and the learned order, judged on logged walks. */
  @Schema(name = "StepOrderLiveEstimate")
  public record LiveJson(
      @Schema(description = "Mean minutes to resolution or escalation, article's order")
          EstimateJson articleMinutes,
      @Schema(description = "Mean minutes under the learned orders; null without support")
          EstimateJson learnedMinutes,
      @Schema(description = "Minutes the learned order saves per case (positive: faster)")
          EstimateJson minutesSaved,
      @Schema(description = "Ended walks in the log") int logged,
      @Schema(description = "Walks in the article's order") int matchedArticle,
      @Schema(description = "Walks in the learned order") int matchedLearned,
      @Schema(description = "Effective sample size of the learned order's estimate")
          double effectiveSampleSizeLearned) {

    static LiveJson of(PolicyComparison c) {
      if (c == null) {
        return null;
      }
      PolicyValue learned = c.candidate();
      return new LiveJson(
          EstimateJson.of(c.baseline().minutes()),
          EstimateJson.of(learned.minutes()),
          EstimateJson.of(c.minutesSaved()),
          c.baseline().logged(),
          c.baseline().matched(),
          learned.matched(),
          learned.effectiveSampleSize());
    }
  }

  /** A figure with its 95% interval. */
  @Schema(name = "Estimate")
  public record EstimateJson(double value, double low, double high) {
    static EstimateJson of(Estimate e) {
      return e == null ? null : new EstimateJson(e.value(), e.low(), e.high());
    }
  }

  /** One segment of phones: its data, learned order and forecasts. */
  @Schema(name = "StepOrderSegment")
  public record SegmentJson(
      @Schema(description = "all, face-id/ios-17, home-button/ios-16/iPhone 8") String segment,
      String label,
      @Schema(description = "The wider segment it borrows from; null for all phones") String parent,
      int walks,
      int resolved,
      int escalated,
      @Schema(description = "Abandoned or still open (censored)") int stopped,
      @Schema(description = "Step keys, best allowed order first to last")
          List<String> learnedOrder,
      ForecastJson article,
      ForecastJson learned,
      @Schema(description = "Every step, in the article's order") List<StepJson> steps) {

    static SegmentJson of(SegmentEstimate s, Playbook playbook) {
      var steps =
          playbook.steps().stream().map(step -> StepJson.of(s, s.step(step.key()), step)).toList();
      return new SegmentJson(
          s.segment(),
          s.label(),
          s.parent(),
          s.walks(),
          s.resolved(),
          s.escalated(),
          s.stopped(),
          s.learnedOrder().stepKeys(),
          ForecastJson.of(s.articleForecast()),
          ForecastJson.of(s.learnedForecast()),
          steps);
    }
  }

  /** Expected figures per case under one order, by the model. */
  @Schema(name = "StepOrderForecast")
  public record ForecastJson(
      double expectedMinutes, double expectedSteps, double expectedCost, double resolutionChance) {
    static ForecastJson of(OrderForecast f) {
      return new ForecastJson(
          f.expectedMinutes(), f.expectedSteps(), f.expectedCost(), f.resolutionChance());
    }
  }

  /** What the model says about one step in one segment. */
  @Schema(name = "StepOrderStep")
  public record StepJson(
      String key,
      @Schema(description = "The step's number in the article") int number,
      String title,
      @Schema(description = "Where the learned order puts it, from 1") int learnedPosition,
      @Schema(description = "Share of all the segment's cases this step ends, with 95% interval")
          EstimateJson share,
      @Schema(description = "Chance it ends a case that reaches it in the learned order")
          EstimateJson chanceWhenReached,
      @Schema(description = "Typical minutes when nothing is fixed here") double checkMinutes,
      @Schema(description = "Typical minutes when it ends the case: check, fix, test backup")
          double minutesIfResolved,
      @Schema(description = "Times done in this segment's own walks") int trials,
      int resolutions) {

    static StepJson of(SegmentEstimate segment, StepEstimate e, PlaybookStep step) {
      return new StepJson(
          step.key(),
          step.number(),
          step.title(),
          segment.learnedOrder().positionOf(step.key()),
          EstimateJson.of(e.resolveChance()),
          EstimateJson.of(segment.chanceWhenReached(segment.learnedOrder(), step.key())),
          e.checkMinutes(),
          e.minutesIfResolved(),
          e.trials(),
          e.resolutions());
    }
  }
}
