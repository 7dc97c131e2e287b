package io.backupdesk.web.report.ui;

import io.backupdesk.web.report.ReportRows.EscalationWeek;
import io.backupdesk.web.report.ReportRows.FunnelStep;
import io.backupdesk.web.report.ReportRows.ResolutionByFix;
import io.backupdesk.web.report.ReportRows.StepTime;
import io.backupdesk.web.report.ui.Chart.LegendItem;
import io.backupdesk.web.report.ui.Chart.Line;
import io.backupdesk.web.report.ui.Chart.Rect;
import io.backupdesk.web.report.ui.Chart.Text;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Lays out the report charts: horizontal bars with their label above and the value after them, and
 * a weekly column chart. Only geometry and words; the colours live in {@code reports.css}.
 */
final class Charts {

  /** The width of a bar chart beside its table: drawn at this size, scaled down when narrower. */
  static final int WIDTH = 600;

  /** The width of a chart above its table (the funnel, the weeks). */
  static final int WIDE = 760;

  // Horizontal bars: a label line, then the bar; the value is written after the bar's end.
  private static final int ROW = 44;
  private static final int LABEL_Y = 14;
  private static final int BAR_Y = 20;
  private static final int BAR_HEIGHT = 16;

  /** What a bar chart keeps free after the longest bar, for its value. */
  private static final int VALUE_ROOM = 190;

  // Columns: notes above, week labels under, a count axis on the left.
  private static final int COLUMNS_HEIGHT = 250;
  private static final int LEFT = 36;
  private static final int TOP = 26;
  private static final int BOTTOM = 36;

  /** Beyond this many weeks the chart shows only weeks with data instead of every week. */
  private static final int MAX_FILLED_WEEKS = 104;

  private Charts() {}

  /** Report 1: one bar per fix, its length the number of resolutions. */
  static Chart fixes(List<ResolutionByFix> overall) {
    long max = overall.stream().mapToLong(ResolutionByFix::resolutions).max().orElse(1);
    long total = overall.stream().mapToLong(ResolutionByFix::resolutions).sum();
    var bars = new HorizontalBars(WIDTH);
    for (var row : overall) {
      String value = row.resolutions() + " · " + ReportDisplay.percent(row.share());
      String name = row.fixLabel() + " (step " + row.stepNumber() + ", " + row.stepTitle() + ")";
      bars.row(
          "Step " + row.stepNumber() + " · " + row.fixLabel(),
          value,
          List.of(
              bars.segment(
                  0, row.resolutions(), max, "bar-fix", name + ": " + value + " of resolutions")));
    }
    var top = overall.get(0);
    return bars.chart(
        "chart-fixes",
        "Resolutions by fix",
        total
            + " resolutions in the period. The most frequent fix: "
            + top.fixLabel()
            + " (step "
            + top.stepNumber()
            + "), "
            + top.resolutions()
            + " ("
            + ReportDisplay.percent(top.share())
            + ").",
        List.of(new LegendItem("bar-fix", "resolutions with this fix")));
  }

  /**
   * Report 2: per step, a pale bar for the diagnoses that reached it and, from its start, how many
   * of those ended at it (resolved, escalated, waiting on Apple, abandoned) or are still open
   * there.
   */
  static Chart funnel(int version, List<FunnelStep> steps) {
    long max = steps.stream().mapToLong(FunnelStep::reached).max().orElse(0);
    long scale = Math.max(max, 1);
    var bars = new HorizontalBars(WIDE);
    for (var s : steps) {
      var segments = new ArrayList<Rect>();
      segments.add(
          bars.segment(0, s.reached(), scale, "bar-reached", s.reached() + " reached this step"));
      long at = 0;
      for (var part : outcomes(s).entrySet()) {
        long n = part.getValue();
        if (n > 0) {
          segments.add(
              bars.segment(at, n, scale, part.getKey().css(), n + " " + part.getKey().label()));
          at += n;
        }
      }
      bars.row(s.stepNumber() + " · " + title(s), s.reached() + " reached", segments);
    }
    long started = steps.isEmpty() ? 0 : steps.get(0).reached();
    var legend = new ArrayList<LegendItem>();
    legend.add(new LegendItem("bar-reached", "reached the step"));
    outcomes(steps.get(0)).keySet().forEach(o -> legend.add(new LegendItem(o.css(), o.label())));
    return bars.chart(
        "chart-funnel-" + version,
        "Step funnel, playbook version " + version,
        started
            + " diagnoses reached step 1; "
            + steps.stream().filter(s -> s.reached() > 0).count()
            + " steps were reached by at least one diagnosis.",
        legend);
  }

  private record Outcome(String css, String label) {}

  private static Map<Outcome, Long> outcomes(FunnelStep s) {
    var parts = new LinkedHashMap<Outcome, Long>();
    parts.put(new Outcome("bar-resolved", "resolved here"), s.resolved());
    parts.put(new Outcome("bar-escalated", "escalated after this step"), s.escalated());
    parts.put(new Outcome("bar-apple", "ended waiting on Apple"), s.waitingOnApple());
    parts.put(new Outcome("bar-abandoned", "abandoned here"), s.abandoned());
    parts.put(new Outcome("bar-stalled", "still open here"), s.stalled());
    return parts;
  }

  private static String title(FunnelStep s) {
    return s.stepTitle() == null ? "step " + s.stepNumber() : s.stepTitle();
  }

  /**
   * Report 4b: per step, the median as a solid bar over a pale bar reaching the 90th percentile.
   */
  static Chart stepTimes(List<StepTime> steps) {
    double max =
        steps.stream()
            .map(StepTime::p90Seconds)
            .mapToDouble(BigDecimal::doubleValue)
            .max()
            .orElse(1);
    var bars = new HorizontalBars(WIDTH);
    for (var s : steps) {
      String median = ReportDisplay.duration(s.medianSeconds());
      String p90 = ReportDisplay.duration(s.p90Seconds());
      bars.row(
          s.stepNumber() + " · " + s.stepTitle(),
          median + " · p90 " + p90,
          List.of(
              bars.segment(
                  0, s.p90Seconds().doubleValue(), max, "bar-p90", "90th percentile " + p90),
              bars.segment(
                  0, s.medianSeconds().doubleValue(), max, "bar-median", "median " + median)));
    }
    var slowest =
        steps.stream().max((a, b) -> a.medianSeconds().compareTo(b.medianSeconds())).orElseThrow();
    return bars.chart(
        "chart-step-times",
        "Time spent per step",
        "Median time per step; the slowest is step "
            + slowest.stepNumber()
            + " ("
            + slowest.stepTitle()
            + ") at "
            + ReportDisplay.duration(slowest.medianSeconds())
            + ".",
        List.of(
            new LegendItem("bar-median", "median"), new LegendItem("bar-p90", "90th percentile")));
  }

  /**
   * Report 3: per ISO week, a column of the diagnoses that ended, split into resolved, escalated
   * and waiting on Apple, with the escalation rate above it. Weeks without data stay as gaps.
   */
  static Chart weeks(LocalDate from, LocalDate to, List<EscalationWeek> rows) {
    Map<String, EscalationWeek> byWeek = new LinkedHashMap<>();
    for (String week : weeksBetween(from, to)) {
      byWeek.put(week, null);
    }
    rows.forEach(r -> byWeek.put(r.week(), r));
    var weeks = new ArrayList<>(byWeek.keySet());
    weeks.sort(null);

    long max = rows.stream().mapToLong(EscalationWeek::ended).max().orElse(1);
    long step = niceStep(max);
    long top = Math.max(step, ((max + step - 1) / step) * step);
    int plotHeight = COLUMNS_HEIGHT - TOP - BOTTOM;
    int plotWidth = WIDE - LEFT - 8;
    int slot = Math.max(1, plotWidth / weeks.size());
    int barWidth = Math.max(3, Math.min(52, slot * 7 / 10));
    boolean shortLabels = slot < 72;
    int every = Math.max(1, (int) Math.ceil((shortLabels ? 40.0 : 72.0) / slot));
    int baseline = TOP + plotHeight;
    Function<Long, Integer> y = n -> (int) Math.round((double) n * plotHeight / top);

    var rects = new ArrayList<Rect>();
    var texts = new ArrayList<Text>();
    var lines = new ArrayList<Line>();
    for (long tick = 0; tick <= top; tick += step) {
      int at = baseline - y.apply(tick);
      lines.add(new Line(LEFT, at, WIDE - 4, at, tick == 0 ? "chart-axis" : "chart-grid"));
      texts.add(new Text(LEFT - 6, at + 4, Long.toString(tick), "chart-tick", "end"));
    }
    for (int i = 0; i < weeks.size(); i++) {
      String week = weeks.get(i);
      EscalationWeek w = byWeek.get(week);
      int x = LEFT + i * slot + (slot - barWidth) / 2;
      int centre = x + barWidth / 2;
      if (w != null && w.ended() > 0) {
        int bottom = baseline;
        for (var part :
            List.of(
                new Object[] {"bar-resolved", w.resolved(), "resolved"},
                new Object[] {"bar-escalated", w.escalated(), "escalated"},
                new Object[] {"bar-apple", w.waitingOnApple(), "waiting on Apple"})) {
          long n = (long) part[1];
          if (n == 0) {
            continue;
          }
          int h = Math.max(1, y.apply(n));
          rects.add(
              new Rect(
                  x, bottom - h, barWidth, h, (String) part[0], week + ": " + n + " " + part[2]));
          bottom -= h;
        }
        texts.add(
            new Text(
                centre,
                bottom - 6,
                ReportDisplay.percent(w.escalationRate()),
                "chart-note",
                "middle"));
      }
      if (i % every == 0) {
        String label = shortLabels ? week.substring(week.indexOf('W')) : week;
        texts.add(new Text(centre, baseline + 16, label, "chart-label", "middle"));
      }
    }
    long weeksWithData = rows.stream().filter(r -> r.ended() > 0).count();
    return new Chart(
        "chart-weeks",
        "Diagnoses ended per week, with the escalation rate",
        weeksWithData
            + " of "
            + weeks.size()
            + " weeks had diagnoses that ended; each column splits them into resolved, escalated"
            + " and waiting on Apple, with the share escalated above it.",
        WIDE,
        COLUMNS_HEIGHT,
        rects,
        texts,
        lines,
        List.of(
            new LegendItem("bar-resolved", "resolved"),
            new LegendItem("bar-escalated", "escalated"),
            new LegendItem("bar-apple", "waiting on Apple (outage)")));
  }

  /** The ISO weeks ({@code 2024-W07}) that the period touches, in order; none if too many. */
  static List<String> weeksBetween(LocalDate from, LocalDate to) {
    var weeks = new ArrayList<String>();
    LocalDate monday = from.minusDays(from.getDayOfWeek().getValue() - 1L);
    for (LocalDate d = monday; !d.isAfter(to); d = d.plusWeeks(1)) {
      if (weeks.size() == MAX_FILLED_WEEKS) {
        return List.of();
      }
      weeks.add(isoWeek(d));
    }
    return weeks;
  }

  static String isoWeek(LocalDate day) {
    return String.format(
        "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** 1, 2, 5, 10, 20, 50, ...: about four grid lines up to {@code max}. */
  private static long niceStep(long max) {
    double raw = Math.max(1, max) / 4.0;
    long magnitude = 1;
    while (magnitude * 10 <= raw) {
      magnitude *= 10;
    }
    for (long m : new long[] {1, 2, 5, 10}) {
      if (m * magnitude >= raw) {
        return m * magnitude;
      }
    }
    return 10 * magnitude;
  }

  /** Collects rows of horizontal bars. */
  private static final class HorizontalBars {
    private final int width;
    private final int plot;
    private final List<Rect> rects = new ArrayList<>();
    private final List<Text> texts = new ArrayList<>();
    private int rows;

    HorizontalBars(int width) {
      this.width = width;
      this.plot = width - VALUE_ROOM;
    }

    Rect segment(double start, double value, double max, String css, String label) {
      int x = (int) Math.round(start * plot / max);
      int length = (int) Math.round(value * plot / max);
      if (value > 0) {
        length = Math.max(2, length);
      }
      return new Rect(x, rows * ROW + BAR_Y, length, BAR_HEIGHT, css, label);
    }

    void row(String label, String value, List<Rect> segments) {
      int top = rows * ROW;
      int end = segments.stream().mapToInt(r -> r.x() + r.width()).max().orElse(0);
      texts.add(new Text(0, top + LABEL_Y, label, "chart-label", "start"));
      texts.add(new Text(end + 8, top + BAR_Y + BAR_HEIGHT - 3, value, "chart-value", "start"));
      rects.addAll(segments);
      rows++;
    }

    Chart chart(String id, String title, String description, List<LegendItem> legend) {
      return new Chart(
          id, title, description, width, rows * ROW + 4, rects, texts, List.of(), legend);
    }
  }
}
