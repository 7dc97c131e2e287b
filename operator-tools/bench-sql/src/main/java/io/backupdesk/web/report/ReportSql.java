package io.backupdesk.web.report;

import io.backupdesk.web.common.Sql;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark hook: prints each report's reference statement over the base tables ({@link
 * ReferenceSql}, what the summaries must equal) with its values written inline, so {@code
 * bench/reports.sh} can time it in psql as the baseline of the report's endpoint. Runs no query.
 *
 * <pre>
 * java -cp "operator-tools/bench-sql/target/classes:helpdesk-web/target/quarkus-app/app/*:helpdesk-web/target/quarkus-app/lib/main/*:helpdesk-web/target/quarkus-app/lib/boot/*" \
 *   io.backupdesk.web.report.ReportSql [from] [to] [deviceModel|-] [iosMajor|-] [agent|-]
 * </pre>
 *
 * Without {@code from}/{@code to}, the reports' default window (the last 30 days, UTC); {@code -}
 * leaves a filter out. First-contact resolution uses the default of 7 return days. Output: for each
 * report that has a reference statement, a line {@code -- report: <name>} and then the statement
 * ending with {@code ;}.
 */
public final class ReportSql {

  private ReportSql() {}

  public static void main(String[] args) {
    String from = arg(args, 0);
    String to = arg(args, 1);
    var filter =
        ReportFilter.parse(from, to, arg(args, 2), arg(args, 3), arg(args, 4), Clock.systemUTC());
    render(filter, 7).forEach((name, sql) -> System.out.printf("-- report: %s%n%s;%n", name, sql));
  }

  private static String arg(String[] args, int i) {
    return args.length > i && !args[i].equals("-") && !args[i].isBlank() ? args[i] : null;
  }

  /** Each report's reference statement with literal values, by the report's URL name. */
  static Map<String, String> render(ReportFilter filter, int fcrReturnDays) {
    var out = new LinkedHashMap<String, String>();
    for (ReportKind kind : ReportKind.values()) {
      kind.reference()
          .ifPresent(
              reference -> {
                Sql sql = reference.statement(filter, fcrReturnDays);
                out.put(kind.slug(), inline(sql.text(), sql.values()));
              });
    }
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
    if (value instanceof LocalDate day) {
      return "'" + day + "'::date";
    }
    if (value instanceof Number number) {
      return number.toString();
    }
    return "'" + value.toString().replace("'", "''") + "'";
  }
}
