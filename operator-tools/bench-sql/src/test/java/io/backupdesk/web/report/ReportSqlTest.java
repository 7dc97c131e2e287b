package io.backupdesk.web.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark hook that prints each report's reference statement with its values inline. */
class ReportSqlTest {

  @Test
  void rendersEveryReportWithItsPeriodInline() {
    var filter =
        new ReportFilter(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 30), null, null, null);
    var sql = ReportSql.render(filter, 7);
    assertEquals(
        List.of(
            "resolutions-by-fix",
            "step-funnel",
            "escalations",
            "time-to-resolution",
            "step-times",
            "first-contact-resolution",
            "agents",
            "repeat-contacts"),
        List.copyOf(sql.keySet()));
    sql.forEach(
        (name, statement) -> {
          assertFalse(statement.contains("?"), name);
          assertTrue(statement.contains(">= '2026-10-01T00:00:00Z'::timestamptz"), name);
          assertTrue(statement.contains("< '2026-10-31T00:00:00Z'::timestamptz"), name);
        });
    assertTrue(sql.get("step-times").contains("s.started_at >= '2026-10-01T00:00:00Z'"));
  }

  @Test
  void writesTextAndNumbersAsLiterals() {
    var filter =
        new ReportFilter(
            LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 1), "iPhone X's", 17, "sam");
    String agents = ReportSql.render(filter, 7).get("agents");
    assertTrue(agents.contains("t.device_model = 'iPhone X''s'"), agents);
    assertTrue(agents.contains("t.ios_major = 17"), agents);
    assertTrue(agents.contains("d.started_by = 'sam'"), agents);
  }

  @Test
  void refusesAMismatchOfPlaceholdersAndValues() {
    assertThrows(
        IllegalStateException.class, () -> ReportSql.inline("a = ? AND b = ?", List.of(1)));
  }
}
