package io.backupdesk.web.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The benchmark hook that prints the SELECT a CSV export streams. */
class ExportSqlTest {

  @Test
  void printsTheSelectTheExportStreams() {
    var request =
        ExportRequest.parse(ExportTable.STEP_RESULTS, true, "2026-10-01", "2026-10-02", null, null);
    String sql = ExportSql.render("step-results", "1234:1240:1236", "2026-10-01", "2026-10-02");
    assertEquals(ExportService.select(request, ExportSnapshot.parse("1234:1240:1236")), sql);
    assertTrue(sql.startsWith("SELECT x.id AS step_result_id, "), sql);
    assertTrue(sql.contains("'0~1234:1240:1236~' || x.change_txid::text"), sql);
    assertTrue(sql.contains("x.ended_at >= '2026-10-01T00:00:00Z'::timestamptz"), sql);
    assertTrue(sql.contains("x.ended_at < '2026-10-03T00:00:00Z'::timestamptz"), sql);
    assertTrue(sql.endsWith(" ORDER BY x.change_txid, x.id"), sql);
    assertEquals("COPY (" + sql + ") TO STDOUT WITH (FORMAT csv, HEADER)", ExportService.copy(sql));
  }

  @Test
  void refusesAnUnknownExport() {
    assertThrows(IllegalArgumentException.class, () -> ExportSql.render("nope", "1", null, null));
  }
}
