package io.backupdesk.web.report.ui;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the report pages write figures: durations the way people say them ("2 h 15 min"), fractions
 * as percentages ("66.7%"). Rounded to the unit shown; the CSV keeps the exact values.
 */
@TemplateExtension
public class ReportDisplay {

  private static final long MINUTE = 60;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  private ReportDisplay() {}

  /** {@code {row.medianSeconds.duration}}: "45 s", "3 min 30 s", "2 h 15 min", "5 d 22 h". */
  static String duration(BigDecimal seconds) {
    if (seconds == null) {
      return "–";
    }
    long s = seconds.setScale(0, RoundingMode.HALF_UP).longValueExact();
    if (s < MINUTE) {
      return s + " s";
    }
    if (s < HOUR) {
      return twoUnits(s, MINUTE, "min", 1, "s");
    }
    if (s < DAY) {
      return twoUnits(s, HOUR, "h", MINUTE, "min");
    }
    return twoUnits(s, DAY, "d", HOUR, "h");
  }

  /** {@code {row.share.percent}}: 0.6667 as "66.7%", 0.5 as "50%". */
  static String percent(BigDecimal fraction) {
    if (fraction == null) {
      return "–";
    }
    BigDecimal p = fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP);
    return p.stripTrailingZeros().toPlainString() + "%";
  }

  /** {@code {figure.value.count}}: a whole number as it is, "51". */
  static String count(BigDecimal value) {
    return value == null ? "–" : value.toPlainString();
  }

  /**
   * {@code {row.meanStepsToResolution.decimal}}: at most one decimal, "2.5", "2"; a dash for none.
   */
  static String decimal(BigDecimal value) {
    if (value == null) {
      return "–";
    }
    return value.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  /**
   * "1 h 5 min": the larger unit and the rest rounded to the smaller one, which is left out if 0.
   */
  private static String twoUnits(long seconds, long big, String bigName, long small, String name) {
    long smalls = Math.round((double) seconds / small);
    long perBig = big / small;
    long bigs = smalls / perBig;
    long rest = smalls % perBig;
    return rest == 0 ? bigs + " " + bigName : bigs + " " + bigName + " " + rest + " " + name;
  }
}
