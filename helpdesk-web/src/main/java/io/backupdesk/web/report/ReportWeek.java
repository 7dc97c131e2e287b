package io.backupdesk.web.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * An ISO week (Monday to Sunday, UTC) as far as a report's period covers it: a week at either end
 * of the period may be counted only in part, and then says so.
 *
 * @param week the ISO week, e.g. {@code 2026-W44}
 * @param firstDay the first day of the week that the period covers
 * @param lastDay the last day of the week that the period covers
 * @param days how many of the week's seven days the period covers
 * @param partial whether the period misses some of the week's days
 */
public record ReportWeek(
    String week, LocalDate firstDay, LocalDate lastDay, int days, boolean partial) {

  /** The weeks that the period from..to touches, in order. */
  public static List<ReportWeek> of(LocalDate from, LocalDate to) {
    var weeks = new ArrayList<ReportWeek>();
    for (LocalDate monday = monday(from); !monday.isAfter(to); monday = monday.plusWeeks(1)) {
      LocalDate first = monday.isBefore(from) ? from : monday;
      LocalDate sunday = monday.plusDays(6);
      LocalDate last = sunday.isAfter(to) ? to : sunday;
      int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
      weeks.add(new ReportWeek(label(monday), first, last, days, days < 7));
    }
    return weeks;
  }

  static LocalDate monday(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** {@code 2026-W44}: the ISO week-based year and week. */
  public static String label(LocalDate day) {
    return String.format(
        "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }
}
