package io.backupdesk.web.export;

import java.util.Arrays;

/**
 * Benchmark hook: prints the exact SELECT a CSV export streams through COPY (every value is inline
 * already), so {@code bench/export.sh} can run the same statement with psql's {@code \copy}. Runs
 * no query: the horizon {@code bound} (an xid8, normally {@code pg_snapshot_xmin(
 * pg_current_snapshot())}) is given.
 *
 * <pre>
 * java -cp 'helpdesk-web/target/quarkus-app/app/*:helpdesk-web/target/quarkus-app/lib/main/*:helpdesk-web/target/quarkus-app/lib/boot/*' \
 *   io.backupdesk.web.export.ExportSql step-results BOUND [from] [to]
 * </pre>
 */
public final class ExportSql {

  private ExportSql() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: ExportSql <tickets|diagnoses|step-results> <bound> [from] [to]");
      System.exit(2);
    }
    System.out.println(render(args[0], args[1], arg(args, 2), arg(args, 3)));
  }

  static String render(String path, String bound, String from, String to) {
    var table =
        Arrays.stream(ExportTable.values())
            .filter(t -> t.path.equals(path))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("No export named " + path));
    return ExportService.select(ExportRequest.parse(table, true, from, to, null, null), bound);
  }

  private static String arg(String[] args, int i) {
    return args.length > i && !args[i].isBlank() ? args[i] : null;
  }
}
