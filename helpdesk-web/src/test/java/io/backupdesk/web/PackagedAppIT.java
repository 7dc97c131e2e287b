package io.backupdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged production app ({@code target/quarkus-app}, what {@code java -jar quarkus-run.jar}
 * runs) holds no operator tool: neither their jars nor a single one of their classes, generated
 * bean classes included.
 */
class PackagedAppIT {

  private static final Path APP =
      Path.of(System.getProperty("quarkus.app.dir", "target/quarkus-app"));

  /** Where the operator tools' classes live; the SQL printers sit in the app's packages. */
  private static final List<String> TOOL_CLASSES =
      List.of(
          "io/backupdesk/tools/",
          "io/backupdesk/web/demo/",
          "io/backupdesk/web/report/ReportSql",
          "io/backupdesk/web/export/ExportSql");

  @Test
  void noJarOfTheOperatorToolsIsPackaged() throws IOException {
    assertThat(jarNames()).anyMatch(name -> name.startsWith("io.backupdesk.diagnostics-core-"));
    assertThat(jarNames())
        .noneMatch(name -> name.contains("data-generator") || name.contains("bench-sql"));
  }

  @Test
  void noClassOfTheOperatorToolsIsPackaged() throws IOException {
    var entries = new ArrayList<String>();
    for (Path jar : jars()) {
      try (var file = new JarFile(jar.toFile())) {
        file.stream()
            .filter(e -> !e.isDirectory())
            .map(e -> jar.getFileName() + "!" + e.getName())
            .forEach(entries::add);
      }
    }
    assertThat(entries).anyMatch(e -> e.endsWith("io/backupdesk/web/ticket/TicketQueue.class"));
    assertThat(entries)
        .noneMatch(e -> TOOL_CLASSES.stream().anyMatch(tool -> e.contains("!" + tool)));
  }

  private static List<String> jarNames() throws IOException {
    return jars().stream().map(jar -> jar.getFileName().toString()).toList();
  }

  private static List<Path> jars() throws IOException {
    assertThat(APP.resolve("quarkus-run.jar")).as("the packaged app").exists();
    try (Stream<Path> files = Files.walk(APP)) {
      return files.filter(f -> f.toString().endsWith(".jar")).toList();
    }
  }
}
