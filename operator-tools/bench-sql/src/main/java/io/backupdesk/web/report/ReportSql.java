package io.backupdesk.web.report;

import io.backupdesk.diagnostics.playbook.Playbooks;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Benchmark hook: prints the exact SQL each report runs, with its bind values written inline, so
 * {@code bench/reports.sh} can time the same statement in psql. Runs no query and needs no
 * database: the report service is given a stand-in for {@link ReportingDatabase} that records the
 * statement and stops.
 *
 * <pre>
 * java -cp 'helpdesk-web/target/quarkus-app/app/*:helpdesk-web/target/quarkus-app/lib/main/*:helpdesk-web/target/quarkus-app/lib/boot/*' \
 *   io.backupdesk.web.report.ReportSql [from] [to]
 * </pre>
 *
 * Without {@code from}/{@code to}, the reports' default window (the last 30 days, UTC). Output: for
 * each report, a line {@code -- report: <name>} and then the statement ending with {@code ;}.
 */
public final class ReportSql {

  private ReportSql() {}

  public static void main(String[] args) {
    String from = args.length > 0 ? args[0] : null;
    String to = args.length > 1 ? args[1] : null;
    var filter = ReportFilter.parse(from, to, null, null, null, Clock.systemUTC());
    render(filter).forEach((name, sql) -> System.out.printf("-- report: %s%n%s;%n", name, sql));
  }

  /** Each report's statement with literal values, by the report's URL name. */
  static Map<String, String> render(ReportFilter filter) {
    var recorder = new Recorder();
    var reports = new ReportService(recorder, Playbooks.standard());
    var out = new LinkedHashMap<String, String>();
    Map<String, Consumer<ReportFilter>> all = new LinkedHashMap<>();
    all.put("resolutions-by-fix", reports::resolutionsByFix);
    all.put("step-funnel", reports::stepFunnel);
    all.put("escalations", reports::escalations);
    all.put("time-to-resolution", reports::timeToResolution);
    all.put("step-times", reports::stepTimes);
    all.put("first-contact-resolution", reports::firstContactResolution);
    all.put("agents", reports::agents);
    all.put("repeat-contacts", reports::repeatContacts);
    all.forEach(
        (name, report) -> {
          try {
            report.accept(filter);
            throw new IllegalStateException(name + " ran no query");
          } catch (Recorded recorded) {
            out.put(name, recorded.sql);
          }
        });
    return out;
  }

  /** Replaces each {@code ?} with its value as a SQL literal. */
  static String inline(String sql, List<Object> values) {
    long placeholders = sql.chars().filter(c -> c == '?').count();
    if (placeholders != values.size()) {
      throw new IllegalStateException(
          "Expected " + values.size() + " placeholders, found " + placeholders);
    }
    var out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '?') {
        out.append(literal(values.get(next++)));
      } else {
        out.append(c);
      }
    }
    return out.toString().strip();
  }

  private static String literal(Object value) {
    if (value instanceof Instant instant) {
      return "'" + instant + "'::timestamptz";
    }
    if (value instanceof Number number) {
      return number.toString();
    }
    return "'" + value.toString().replace("'", "''") + "'";
  }

  private static final class Recorded extends RuntimeException {
    final String sql;

    Recorded(String sql) {
      super(null, null, false, false);
      this.sql = sql;
    }
  }

  private static final class Recorder extends ReportingDatabase {
    Recorder() {
      super(null);
    }

    @Override
    <T> List<T> query(String sql, Sql filter, RowMapper<T> mapper) {
      throw new Recorded(inline(sql, filter.values()));
    }
  }
}
