package io.backupdesk.web.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.backupdesk.diagnostics.playbook.FixOption;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import io.backupdesk.diagnostics.playbook.Playbooks;
import io.backupdesk.web.common.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The playbook as rows, so that the step and fix keys of the other exports join to titles, labels
 * and consent flags: one row per fix option of each step of each version (a step without fixes has
 * one row with empty fix columns). Published versions never change, so the cursor is simply how far
 * into the versions a consumer got: {@code v3} after version 3, {@code v3.7} after its 7th row.
 * Versions have no dates, so the time filters do not apply.
 */
@ApplicationScoped
class PlaybookExport {

  static final List<String> COLUMNS =
      List.of(
          "playbook_version",
          "playbook_name",
          "step_number",
          "step_key",
          "step_version",
          "step_title",
          "step_cost",
          "detects_outage",
          "intrusive",
          "fix_key",
          "fix_label",
          "fix_cost",
          "changes_data",
          "costs_money",
          "requires_consent",
          "cursor");

  private static final Pattern CURSOR = Pattern.compile("^v(\\d{1,9})(?:\\.(\\d{1,9}))?$");

  private final Playbooks playbooks;
  private final JsonFactory json =
      new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  PlaybookExport(Playbooks playbooks) {
    this.playbooks = playbooks;
  }

  /**
   * Where a pull resumes: after row {@code row} (0: before the first) of version {@code version}.
   */
  record Position(int version, int row) {
    @Override
    public String toString() {
      return row == 0 ? "v" + version : "v" + version + "." + row;
    }
  }

  /** One pull: the rows after the cursor and the cursor after them. */
  record Pull(List<List<Object>> rows, Position next) {}

  Pull pull(ExportParams params) {
    for (var filter :
        List.of(
            new String[] {"from", params.from},
            new String[] {"to", params.to},
            new String[] {"updated_since", params.updatedSince})) {
      if (filter[1] != null && !filter[1].isBlank()) {
        throw new InvalidInputException(
            filter[0],
            "The playbook's versions have no dates: pull it whole, or with the cursor for the"
                + " versions published since.");
      }
    }
    Position after =
        params.cursor == null || params.cursor.isBlank()
            ? new Position(0, 0)
            : parse(params.cursor);
    var rows = new ArrayList<List<Object>>();
    Position next = after;
    for (Playbook playbook : playbooks.all()) {
      int row = 0;
      for (PlaybookStep step : playbook.steps()) {
        var fixes = step.fixOptions();
        for (int i = 0; i < Math.max(1, fixes.size()); i++) {
          row++;
          boolean sent =
              playbook.version() < after.version()
                  || (playbook.version() == after.version()
                      && (after.row() == 0 || row <= after.row()));
          if (sent) {
            continue;
          }
          next = new Position(playbook.version(), row);
          rows.add(row(playbook, step, fixes.isEmpty() ? null : fixes.get(i), next));
        }
      }
      if (next.version() == playbook.version()) {
        // A whole version sent: the cursor says so without a row number.
        next = new Position(playbook.version(), 0);
      }
    }
    return new Pull(rows, next);
  }

  private static List<Object> row(
      Playbook playbook, PlaybookStep step, FixOption fix, Position position) {
    var row = new ArrayList<Object>();
    row.add(playbook.version());
    row.add(playbook.name());
    row.add(step.number());
    row.add(step.key());
    row.add(step.version());
    row.add(step.title());
    row.add(step.cost().name());
    row.add(step.detectsOutage());
    row.add(step.intrusive());
    row.add(fix == null ? null : fix.key());
    row.add(fix == null ? null : fix.label());
    row.add(fix == null ? null : fix.cost().name());
    row.add(fix == null ? null : fix.changesData());
    row.add(fix == null ? null : fix.costsMoney());
    row.add(fix == null ? null : fix.requiresConsent());
    row.add(position.toString());
    return row;
  }

  private static Position parse(String text) {
    var match = CURSOR.matcher(text.strip());
    if (!match.matches()) {
      throw new InvalidInputException(
          "cursor",
          "The playbook's cursor is its Export-Next-Cursor header or a row's cursor, like v1 or"
              + " v1.12; got '"
              + text
              + "'.");
    }
    return new Position(
        Integer.parseInt(match.group(1)),
        match.group(2) == null ? 0 : Integer.parseInt(match.group(2)));
  }

  void writeCsv(Pull pull, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write(String.join(",", COLUMNS));
    writer.write('\n');
    for (var row : pull.rows()) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) {
          writer.write(',');
        }
        writer.write(csv(row.get(i)));
      }
      writer.write('\n');
    }
    writer.flush();
  }

  void writeNdjson(Pull pull, OutputStream out) throws IOException {
    try (JsonGenerator generator = json.createGenerator(out, JsonEncoding.UTF8)) {
      generator.setRootValueSeparator(null);
      for (var row : pull.rows()) {
        generator.writeStartObject();
        for (int i = 0; i < row.size(); i++) {
          generator.writeObjectField(COLUMNS.get(i), row.get(i));
        }
        generator.writeEndObject();
        generator.writeRaw('\n');
      }
      generator.flush();
    }
  }

  /** As PostgreSQL's COPY writes CSV: quoted only when needed, empty for no value. */
  private static String csv(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (text.isEmpty()) {
      return "\"\"";
    }
    if (text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
