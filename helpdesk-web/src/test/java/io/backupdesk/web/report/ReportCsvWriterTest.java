package io.backupdesk.web.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.backupdesk.web.report.ReportRows.AgentFigures;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one CSV writer of the reports: columns, quoting, empty values, formulas, file name. */
class ReportCsvWriterTest {

  @Test
  void writesTheRowsInTheRecordsOrderQuotingOnlyWhereNeeded() throws Exception {
    var rows =
        List.of(
            new AgentFigures(
                "ann", "Doe, \"Ann\"", 5, 6, 2, new BigDecimal("0.4000"), new BigDecimal("2.50")),
            new AgentFigures("bob", "=HYPERLINK(\"x\")", 1, 1, 0, BigDecimal.ZERO, null),
            new AgentFigures("cy", "Cy Young", 0, 0, 0, null, null));
    var filters =
        new ReportFilter(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), null, null, null);
    var headers = new MultivaluedHashMap<String, Object>();
    var out = new ByteArrayOutputStream();
    new ReportCsvWriter()
        .writeTo(
            new Report<>("agents", filters, null, null, rows),
            Report.class,
            Report.class,
            null,
            MediaType.valueOf("text/csv"),
            headers,
            out);
    assertThat(out.toString(StandardCharsets.UTF_8).split("\r\n", -1))
        .containsExactly(
            "agent,display_name,tickets_handled,diagnoses,tickets_resolved,resolution_rate,"
                + "mean_steps_to_resolution",
            "ann,\"Doe, \"\"Ann\"\"\",5,6,2,0.4000,2.50",
            "bob,\"'=HYPERLINK(\"\"x\"\")\",1,1,0,0,",
            "cy,Cy Young,0,0,0,,",
            "");
    assertThat(headers.getFirst("Content-Disposition"))
        .isEqualTo("attachment; filename=\"agents_2026-11-01_2026-11-30.csv\"");
  }
}
