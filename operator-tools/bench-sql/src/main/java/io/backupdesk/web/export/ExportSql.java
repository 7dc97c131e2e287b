package io.backupdesk.web.export;

import java.util.Arrays;

/**
 * Benchmark hook: prints the exact SELECT a CSV export streams through COPY (every value is inline
 * already), so {@code bench/export.sh} can run the same statement with psql's {@code \copy}. Runs
 * no query: the pull's snapshot (the text of {@code pg_current_snapshot()}, which only the cursor
 * column repeats) is given.
 *
 * <pre>
 * java -cp 'helpdesk-web/target/quarkus-app/app/*:helpdesk-web/target/quarkus-app/lib/main/*:helpdesk-web/target/quarkus-app/lib/boot/*' \
 *   io.backupdesk.web.export.ExportSql step-results SNAPSHOT [from] [to]
 * </pre>
 */
public final class ExportSql {

  private ExportSql() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println(
          "usage: ExportSql <tickets|diagnoses|step-results|timeline|agents> <snapshot> [from] [to]");
      System.exit(2);
    }
    System.out.println(render(args[0], args[1], arg(args, 2), arg(args, 3)));
  }

  static String render(String path, String snapshot, String from, String to) {
    var table =
        Arrays.stream(ExportTable.values())
            .filter(t -> t.path.equals(path))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("No export named " + path));
    return ExportService.select(
        ExportRequest.parse(table, true, from, to, null, null), ExportSnapshot.parse(snapshot));
  }

  private static String arg(String[] args, int i) {
    return args.length > i && !args[i].isBlank() ? args[i] : null;
  }
}
