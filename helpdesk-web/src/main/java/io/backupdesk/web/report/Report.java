package io.backupdesk.web.report;

import java.util.List;

/**
 * A report as JSON: its name, the filters it was computed with (defaults filled in), and its rows.
 */
public record Report<T extends Record>(String report, ReportFilter filters, List<T> rows) {}
