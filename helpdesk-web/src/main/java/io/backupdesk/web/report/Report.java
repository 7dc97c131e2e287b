package io.backupdesk.web.report;

import java.time.Instant;
import java.util.List;

/**
 * A report as JSON: its name, the filters it was computed with (defaults filled in), the moment its
 * figures are exact for ({@code asOf}: every change committed before it is counted), the ISO weeks
 * the period touches where rows are per week (with their days and whether the period covers them
 * only in part; otherwise {@code null}), and its rows. As CSV: the rows alone.
 */
public record Report<T extends Record>(
    String report, ReportFilter filters, Instant asOf, List<ReportWeek> weeks, List<T> rows) {}
