package io.backupdesk.web.report;

import static io.backupdesk.web.report.ReportFixture.diagnosis;
import static io.backupdesk.web.report.ReportFixture.execute;
import static io.backupdesk.web.report.ReportFixture.refreshSummaries;
import static io.backupdesk.web.report.ReportFixture.rows;
import static io.backupdesk.web.report.ReportFixture.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.agroal.api.AgroalDataSource;
import io.backupdesk.tools.generator.DataGenerator;
import io.backupdesk.tools.generator.GeneratorSettings;
import io.backupdesk.web.common.Sql;
import io.backupdesk.web.testing.TestData;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The summaries give what the reference statements over the base tables give ({@link
 * ReferenceSql}): every count, rate and mean exactly, every median and 90th percentile within the
 * documented bound ({@link ReportHistogram}), for random periods and filter combinations (seeded).
 * The data: the demo generator's tickets over the first months of 2011 (a period no other test
 * writes to), loaded as a benchmark database is (COPY, then the rebuild), and then later changes
 * that only the refresh brings in: customers coming back, tickets resolved a second time, a device
 * model corrected, step results deleted.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportExactnessTest {

  static final LocalDate FIRST = LocalDate.of(2011, 1, 3);
  static final LocalDate LAST = LocalDate.of(2011, 5, 29);

  @Inject AgroalDataSource primary;

  @Inject
  @DataSource("reporting")
  AgroalDataSource reporting;

  @Inject ReportService reports;

  private final ObjectMapper json =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private List<String> models;
  private List<Integer> versions;
  private List<String> agents;

  @BeforeAll
  void generateThenChange() throws Exception {
    // Six accounts of its own, so the generator creates none (others' accounts may join in).
    for (String name : List.of("exact-ann", "exact-bob", "exact-cy", "exact-dee", "exact-eli")) {
      TestData.agent(name);
    }
    String agent = TestData.agent("exact-fay");
    try (Connection connection = primary.getConnection()) {
      connection.setAutoCommit(false);
      var settings =
          GeneratorSettings.defaults(2_000)
              .withSeed(11)
              .withAgents(6)
              .withRange(
                  FIRST.atStartOfDay(ZoneOffset.UTC).toInstant(),
                  LAST.minusDays(20).atStartOfDay(ZoneOffset.UTC).toInstant());
      DataGenerator.generate(connection, settings, List.of(), null);
      connection.commit();
    }
    var random = new Random(5);
    // Customers come back 1 to 40 days after a first resolution: repeat contacts and
    // first-contact resolution of the earlier ticket change.
    var resolved =
        rows(
            """
            SELECT t.customer_id, to_char(d.ended_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI'),
                   t.device_model, t.ios_version
            FROM diagnosis d JOIN ticket t ON t.id = d.ticket_id
            WHERE d.status = 'RESOLVED' AND d.ended_at >= ? AND d.ended_at < ?
            ORDER BY d.id LIMIT 60
            """,
            FIRST.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime(),
            LAST.minusDays(45).atStartOfDay(ZoneOffset.UTC).toOffsetDateTime());
    for (var r : resolved) {
      long customerId = Long.parseLong(r.get(0));
      var back = java.time.LocalDateTime.parse(r.get(1)).plusHours(1 + random.nextInt(40 * 24));
      long t = ticket(customerId, r.get(2), r.get(3), agent, back.toString());
      // Some of them are resolved at once by a second agent's diagnosis.
      if (random.nextBoolean()) {
        diagnosis(t, 1, agent, back.toString())
            .fixed(1, "turn-on-backup", true, back.toString(), back.plusMinutes(3).toString())
            .resolved(1, "turn-on-backup", back.plusMinutes(9).toString());
      }
    }
    // A device model corrected on a few tickets; a few step results taken back.
    execute(
        "UPDATE ticket SET device_model = 'iPhone 12' WHERE id IN (SELECT id FROM ticket"
            + " WHERE created_at >= ? ORDER BY id LIMIT 15)",
        FIRST.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime());
    execute(
        "DELETE FROM step_result WHERE id IN (SELECT s.id FROM step_result s JOIN diagnosis d"
            + " ON d.id = s.diagnosis_id WHERE d.status = 'IN_PROGRESS' AND s.started_at >= ?"
            + " ORDER BY s.id DESC LIMIT 10)",
        FIRST.atStartOfDay(ZoneOffset.UTC).toOffsetDateTime());
    refreshSummaries();

    String period = "WHERE t.created_at >= '2011-01-01' AND t.created_at < '2011-07-01'";
    models = column("SELECT DISTINCT t.device_model FROM ticket t " + period + " ORDER BY 1");
    versions =
        column("SELECT DISTINCT t.ios_major::text FROM ticket t " + period + " ORDER BY 1").stream()
            .map(Integer::valueOf)
            .toList();
    agents =
        column(
            "SELECT DISTINCT d.started_by FROM diagnosis d JOIN ticket t ON t.id = d.ticket_id "
                + period
                + " ORDER BY 1");
  }

  @Test
  void everyReportEqualsItsReferenceStatementForRandomFilters() throws Exception {
    var random = new Random(42);
    var filters = new ArrayList<ReportFilter>();
    filters.add(new ReportFilter(FIRST, LAST, null, null, null));
    filters.add(new ReportFilter(LAST.minusDays(29), LAST, null, null, null));
    filters.add(new ReportFilter(LAST.minusDays(89), LAST, null, null, null));
    filters.add(new ReportFilter(FIRST, LAST, models.get(0), versions.get(0), agents.get(0)));
    for (int i = 0; i < 36; i++) {
      LocalDate from = FIRST.minusDays(10).plusDays(random.nextInt(140));
      LocalDate to = from.plusDays(random.nextInt(random.nextBoolean() ? 10 : 120));
      filters.add(
          new ReportFilter(
              from,
              to,
              random.nextInt(10) < 4 ? models.get(random.nextInt(models.size())) : null,
              random.nextInt(10) < 4 ? versions.get(random.nextInt(versions.size())) : null,
              random.nextInt(10) < 4 ? agents.get(random.nextInt(agents.size())) : null));
    }
    int compared = 0;
    for (var filter : filters) {
      for (var kind : ReportKind.values()) {
        if (kind.reference().isEmpty()) {
          continue;
        }
        var expected = reference(kind, filter);
        var actual = kind.compute(reports, filter).stream().map(this::asMap).toList();
        assertThat(actual).as(kind.slug() + " " + filter).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
          for (var column : expected.get(i).entrySet()) {
            compare(
                kind.slug() + " " + filter + " row " + i + " " + column.getKey(),
                column.getKey(),
                actual.get(i).get(column.getKey()),
                column.getValue());
            compared++;
          }
        }
      }
    }
    // Enough figures to mean something: every report, every filter.
    assertThat(compared).isGreaterThan(5_000);
  }

  @Test
  void theGeneratedPeriodHasEveryKindOfFigure() {
    var whole = new ReportFilter(FIRST, LAST, null, null, null);
    assertThat(reports.firstContactResolution(whole).resolvedTickets()).isGreaterThan(1_000);
    assertThat(reports.repeatContacts(whole).followedByNewTicket()).isGreaterThan(20);
    assertThat(reports.escalations(whole).get(0).escalated()).isPositive();
    assertThat(models).hasSizeGreaterThan(5);
    assertThat(agents).hasSizeGreaterThan(1);
  }

  private void compare(String what, String column, Object actual, Object expected) {
    if (expected == null) {
      assertThat(actual).as(what).isNull();
      return;
    }
    assertThat(actual).as(what).isNotNull();
    if (expected instanceof Number number) {
      var exact = new BigDecimal(number.toString());
      var got = new BigDecimal(actual.toString());
      if (column.equals("median_seconds") || column.equals("p90_seconds")) {
        // Within the histogram's bound of the exact value, plus both sides' rounding to 0.1 s.
        double bound =
            Math.max(
                    exact.doubleValue() * ReportHistogram.RELATIVE_ERROR,
                    ReportHistogram.SUB_SECOND_ERROR)
                + 0.1
                + 1e-9;
        assertThat(got.subtract(exact).abs().doubleValue()).as(what).isLessThanOrEqualTo(bound);
      } else {
        assertThat(got).as(what).isEqualByComparingTo(exact);
      }
    } else {
      assertThat(actual.toString()).as(what).isEqualTo(expected.toString());
    }
  }

  private Map<String, Object> asMap(Record row) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = json.convertValue(row, LinkedHashMap.class);
    return map;
  }

  private List<Map<String, Object>> reference(ReportKind kind, ReportFilter filter)
      throws Exception {
    Sql sql = kind.reference().orElseThrow().statement(filter, reports.fcrReturnDays());
    var rows = new ArrayList<Map<String, Object>>();
    try (Connection connection = reporting.getConnection();
        var statement = connection.prepareStatement(sql.text())) {
      sql.bind(statement);
      try (ResultSet result = statement.executeQuery()) {
        var meta = result.getMetaData();
        while (result.next()) {
          var row = new LinkedHashMap<String, Object>();
          for (int c = 1; c <= meta.getColumnCount(); c++) {
            row.put(meta.getColumnLabel(c), result.getObject(c));
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private static List<String> column(String sql) {
    return rows(sql).stream().map(r -> r.get(0)).toList();
  }
}
