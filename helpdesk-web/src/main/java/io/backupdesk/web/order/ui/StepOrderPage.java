package io.backupdesk.web.order.ui;

import io.backupdesk.web.order.StepOrderOverview;
import io.backupdesk.web.order.StepOrderOverview.EstimateJson;
import io.backupdesk.web.order.StepOrderOverview.SegmentJson;
import io.backupdesk.web.order.StepOrderOverview.StepJson;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The "Step order" page: the overview, and the formatting the template needs (percentages with
 * their intervals, minutes to one decimal), worked out here so the template only displays.
 *
 * @param field the settings field a refused change was about; null otherwise
 */
public record StepOrderPage(
    StepOrderOverview overview, boolean admin, String message, String field, String notice) {

  /** The refusal's message when it was about {@code name}, for display by that field. */
  public String error(String name) {
    return name.equals(field) ? message : null;
  }

  /** The refusal's message when it was about no one field. */
  public String generalMessage() {
    return field == null ? message : null;
  }

  /** "31% (24–38%)". */
  public String percent(EstimateJson e) {
    if (e == null) {
      return "–";
    }
    return String.format(
        Locale.ROOT, "%.0f%% (%.0f–%.0f%%)", 100 * e.value(), 100 * e.low(), 100 * e.high());
  }

  /** "27.4 (26.1–28.8)". */
  public String minutes(EstimateJson e) {
    if (e == null) {
      return "not enough walks";
    }
    return String.format(Locale.ROOT, "%.1f (%.1f–%.1f)", e.value(), e.low(), e.high());
  }

  public String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** The exploration share as a whole percentage for the form. */
  public String explorePercent() {
    return String.format(Locale.ROOT, "%.0f", 100 * overview.settings().exploreShare());
  }

  /** A segment's steps in its learned order. */
  public List<StepJson> learnedSteps(SegmentJson segment) {
    return segment.steps().stream()
        .sorted(Comparator.comparingInt(StepJson::learnedPosition))
        .toList();
  }

  /** The learned order in article numbers: "1, 4, 3, 2, 7, ...". */
  public String learnedNumbers(SegmentJson segment) {
    return String.join(
        ", ", learnedSteps(segment).stream().map(s -> Integer.toString(s.number())).toList());
  }

  /** Minutes the learned order saves per case by the model, against the article's. */
  public String saving(SegmentJson segment) {
    return number(segment.article().expectedMinutes() - segment.learned().expectedMinutes());
  }
}
