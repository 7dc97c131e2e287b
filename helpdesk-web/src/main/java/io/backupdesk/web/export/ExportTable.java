package io.backupdesk.web.export;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What each export sends: its stable columns, in order, and which moment of a row {@code from}/
 * {@code to} and {@code updated_since} test. Column names are a contract with data consumers: add
 * columns at the end, never rename or drop one. Free text (subjects, notes, reasons) and customers'
 * personal data are not exported.
 */
enum ExportTable {
  TICKETS(
      "tickets",
      "Export tickets",
      "",
      "from/to filter on created_at.",
      "ticket x",
      "x.created_at",
      "x.updated_at",
      List.of(
          Column.number("ticket_id", "x.id"),
          Column.number("customer_id", "x.customer_id"),
          Column.text("device_model", "x.device_model"),
          Column.text("ios_version", "x.ios_version"),
          Column.number("ios_major", "x.ios_major"),
          Column.text("channel", "x.channel"),
          Column.text("priority", "x.priority"),
          Column.text("status", "x.status"),
          Column.text("assignee", "x.assignee"),
          Column.text("created_by", "x.created_by"),
          Column.time("created_at", "x.created_at"),
          Column.time("resolved_at", "x.resolved_at"),
          Column.time("closed_at", "x.closed_at"),
          Column.time("updated_at", "x.updated_at"),
          Column.text("resolved_by", "x.resolved_by"),
          Column.text("closed_by", "x.closed_by"),
          Column.number("merged_into", "x.merged_into"))),
  DIAGNOSES(
      "diagnoses",
      "Export diagnoses",
      "",
      "from/to filter on started_at.",
      "diagnosis x",
      "x.started_at",
      "x.updated_at",
      List.of(
          Column.number("diagnosis_id", "x.id"),
          Column.number("ticket_id", "x.ticket_id"),
          Column.number("attempt", "x.attempt"),
          Column.number("playbook_version", "x.playbook_version"),
          Column.text("device_model", "x.device_model"),
          Column.text("ios_version", "x.ios_version"),
          Column.text("status", "x.status"),
          Column.number("current_step", "x.current_step"),
          Column.text("resolved_step_key", "x.resolved_step_key"),
          Column.number("resolved_step_number", "x.resolved_step_number"),
          Column.text("resolved_fix_option", "x.resolved_fix_key"),
          Column.text("escalation_target", "x.escalation_target"),
          Column.bool("escalation_automatic", "x.escalation_automatic"),
          Column.text("started_by", "x.started_by"),
          Column.time("started_at", "x.started_at"),
          Column.time("ended_at", "x.ended_at"),
          Column.time("updated_at", "x.updated_at"),
          Column.text("step_order", "x.step_order")
              .about("the order chosen at the start, comma-separated step keys"),
          Column.text("order_policy", "x.order_policy").about("ARTICLE, LEARNED or EXPLORE"),
          Column.decimal("order_propensity", "x.order_propensity")
              .about("the probability the policy chose that order"),
          Column.number("order_model_version", "x.order_model_version").about("empty for ARTICLE"),
          Column.time("current_step_started_at", "x.current_step_started_at"),
          Column.text("status_before_abandon", "x.status_before_abandon"))),
  STEP_RESULTS(
      "step-results",
      "Export step results",
      "One row per recorded step.",
      "from/to filter on ended_at (when the result was recorded).",
      "step_result x JOIN diagnosis d ON d.id = x.diagnosis_id",
      // A step result is created when its outcome is recorded.
      "x.ended_at",
      "x.updated_at",
      List.of(
          Column.number("step_result_id", "x.id"),
          Column.number("ticket_id", "d.ticket_id"),
          Column.number("diagnosis_id", "x.diagnosis_id"),
          Column.text("step_key", "x.step_key"),
          Column.number("step_number", "x.step_number"),
          Column.number("playbook_version", "d.playbook_version"),
          Column.number("step_version", "x.step_version"),
          Column.text("outcome", "x.outcome"),
          Column.text("fix_option", "x.fix_option_key"),
          Column.text("verification", "x.verification")
              .about("PENDING, BACKUP_COMPLETED, STILL_FAILING or empty"),
          Column.bool("consent_given", "x.consent_given"),
          Column.text("agent", "x.recorded_by").about("who recorded it"),
          Column.time("started_at", "x.started_at"),
          Column.time("ended_at", "x.ended_at"),
          Column.time("verified_at", "x.verified_at"),
          Column.text("verified_by", "x.verified_by"),
          Column.time("updated_at", "x.updated_at"),
          Column.number("position", "x.position").about("where the step stood in the walked order"),
          Column.number("attempt", "x.attempt")
              .about("1 for the step's outcome, 2 and up for further fixes tried at it"),
          // A correction also makes an incremental pull deliver the row again.
          Column.number("corrections", "x.corrections")
              .about("how often it was corrected; the row holds the corrected values"))),
  /**
   * The timeline: one row per line, never changed once written. {@code from_value}/{@code to_value}
   * for assignments (user names), priority changes and agents' status changes (reopens, closes).
   * The summary is not exported: a note's holds the note's text.
   */
  TIMELINE(
      "timeline",
      "Export timeline events",
      "One row per line of a ticket's timeline (reopens, assignments, priority and status"
          + " changes, diagnosis events, notes without their text).",
      "from_value/to_value: user names for ASSIGNED (empty = unassigned), priorities for"
          + " PRIORITY_CHANGED, ticket statuses for STATUS_CHANGED, REOPENED and CLOSED; empty"
          + " for other kinds and for lines written before version 13. from/to and"
          + " updated_since filter on at.",
      "ticket_event x",
      "x.at",
      "x.at",
      List.of(
          Column.number("event_id", "x.id"),
          Column.number("ticket_id", "x.ticket_id"),
          Column.number("diagnosis_id", "x.diagnosis_id"),
          Column.text("kind", "x.kind"),
          Column.text("actor", "x.actor"),
          Column.time("at", "x.at"),
          Column.text("from_value", "x.from_value"),
          Column.text("to_value", "x.to_value"))),
  /** The accounts, to join user names to names and roles: no e-mail, no password hash. */
  AGENTS(
      "agents",
      "Export agents",
      "One row per account, to join the user names of the other exports.",
      "No e-mail, no secret. from/to filter on created_at.",
      "agent x",
      "x.created_at",
      "x.updated_at",
      List.of(
          Column.number("agent_id", "x.id"),
          Column.text("username", "x.username"),
          Column.text("display_name", "x.display_name"),
          Column.text("role", "x.role").about("agent, supervisor, admin"),
          Column.bool("active", "x.enabled"),
          Column.time("created_at", "x.created_at"),
          Column.time("updated_at", "x.updated_at"))),
  INCIDENTS(
      "incidents",
      "Export incidents",
      "One row per Apple outage the desk recorded.",
      "The title is free text and not exported. from/to filter on opened_at; updated_since on"
          + " recovered_at, else opened_at.",
      // An incident's row changes when it opens and when it recovers (links are their own rows).
      "incident x",
      "x.opened_at",
      "coalesce(x.recovered_at, x.opened_at)",
      List.of(
          Column.number("incident_id", "x.id"),
          Column.text("status", "x.status").about("OPEN, RECOVERED"),
          Column.time("started_at", "x.started_at"),
          Column.time("opened_at", "x.opened_at"),
          Column.text("opened_by", "x.opened_by"),
          Column.number("suggestion_id", "x.suggestion_id")
              .about("the desk's suggestion it was confirmed from, empty when opened by hand"),
          Column.time("recovered_at", "x.recovered_at"),
          Column.text("recovered_by", "x.recovered_by"))),
  INCIDENT_TICKETS(
      "incident-tickets",
      "Export the tickets linked to incidents",
      "One row per link (an unlinked ticket's row is gone).",
      "from/to and updated_since filter on linked_at.",
      "incident_ticket x",
      "x.linked_at",
      "x.linked_at",
      List.of(
          Column.number("incident_id", "x.incident_id"),
          Column.number("ticket_id", "x.ticket_id"),
          Column.text("linked_by", "x.linked_by"),
          Column.time("linked_at", "x.linked_at")));

  /** The last column of every export: where to resume after this row (SQL from the request). */
  static final String CURSOR = "cursor";

  final String path;
  final String summary;
  private final String rowsAre;
  private final String timesAre;
  final String from;
  final String createdAt;
  final String updatedAt;
  final List<Column> columns;

  /**
   * {@code rowsAre} and {@code timesAre} frame the column list in the API description: what a row
   * is (may be empty), and which time {@code from}/{@code to} and {@code updated_since} test.
   */
  ExportTable(
      String path,
      String summary,
      String rowsAre,
      String timesAre,
      String from,
      String createdAt,
      String updatedAt,
      List<Column> columns) {
    this.path = path;
    this.summary = summary;
    this.rowsAre = rowsAre;
    this.timesAre = timesAre;
    this.from = from;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.columns = columns;
  }

  static Optional<ExportTable> byPath(String path) {
    return Arrays.stream(values()).filter(table -> table.path.equals(path)).findFirst();
  }

  /** The OpenAPI description of the export: its columns, from the columns themselves. */
  String description() {
    var columnList =
        Stream.concat(columns.stream().map(Column::documented), Stream.of(CURSOR))
            .collect(Collectors.joining(", "));
    return (rowsAre.isEmpty() ? "" : rowsAre + " ") + "Columns: " + columnList + ". " + timesAre;
  }

  /** All columns including the cursor, whose expression the pull gives. */
  List<Column> allColumns(String cursorExpression) {
    return Stream.concat(columns.stream(), Stream.of(Column.text(CURSOR, cursorExpression)))
        .toList();
  }

  /** How a column is written. */
  enum Kind {
    NUMBER,
    DECIMAL,
    TEXT,
    BOOLEAN,
    TIME
  }

  /**
   * One exported column: its stable name, the SQL that computes it, and what a consumer needs told
   * about its values (empty when the name says it all).
   */
  record Column(String name, String expression, Kind kind, String note) {
    static Column number(String name, String expression) {
      return new Column(name, expression, Kind.NUMBER, "");
    }

    static Column decimal(String name, String expression) {
      return new Column(name, expression, Kind.DECIMAL, "");
    }

    static Column text(String name, String expression) {
      return new Column(name, expression, Kind.TEXT, "");
    }

    static Column bool(String name, String expression) {
      return new Column(name, expression, Kind.BOOLEAN, "");
    }

    static Column time(String name, String expression) {
      return new Column(name, expression, Kind.TIME, "");
    }

    Column about(String values) {
      return new Column(name, expression, kind, values);
    }

    String documented() {
      return note.isEmpty() ? name : name + " (" + note + ")";
    }

    /**
     * The select-list entry: times as UTC ISO-8601 with microseconds; booleans as true/false text
     * for CSV (COPY would write t/f).
     */
    String select(boolean csv) {
      String sql =
          switch (kind) {
            case TIME ->
                "to_char("
                    + expression
                    + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')";
            case BOOLEAN -> csv ? expression + "::text" : expression;
            default -> expression;
          };
      return sql + " AS " + name;
    }
  }
}
