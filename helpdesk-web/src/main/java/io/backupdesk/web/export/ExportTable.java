package io.backupdesk.web.export;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What each export sends: its stable columns, in order, and which moment of a row {@code from}/
 * {@code to} and {@code updated_since} test. Column names are a contract with data consumers: add
 * columns at the end, never rename or drop one. Free text (subjects, notes, reasons) and customers'
 * personal data are not exported.
 */
enum ExportTable {
  TICKETS(
      "tickets",
      "ticket x",
      "x.created_at",
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
          Column.number("merged_into", "x.merged_into"))),
  DIAGNOSES(
      "diagnoses",
      "diagnosis x",
      "x.started_at",
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
          Column.time("updated_at", "x.updated_at"))),
  STEP_RESULTS(
      "step-results",
      "step_result x JOIN diagnosis d ON d.id = x.diagnosis_id",
      // A step result is created when its outcome is recorded.
      "x.ended_at",
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
          Column.text("verification", "x.verification"),
          Column.bool("consent_given", "x.consent_given"),
          Column.text("agent", "x.recorded_by"),
          Column.time("started_at", "x.started_at"),
          Column.time("ended_at", "x.ended_at"),
          Column.time("verified_at", "x.verified_at"),
          Column.text("verified_by", "x.verified_by"),
          Column.time("updated_at", "x.updated_at"))),
  INCIDENTS(
      "incidents",
      // An incident changes when it opens, gains links or notes, and recovers; its newest moment
      // stands in for updated_at.
      "(SELECT i.*, coalesce(i.recovered_at, i.opened_at) AS updated_at FROM incident i) x",
      "x.opened_at",
      List.of(
          Column.number("incident_id", "x.id"),
          Column.text("status", "x.status"),
          Column.time("started_at", "x.started_at"),
          Column.time("opened_at", "x.opened_at"),
          Column.text("opened_by", "x.opened_by"),
          Column.number("suggestion_id", "x.suggestion_id"),
          Column.time("recovered_at", "x.recovered_at"),
          Column.text("recovered_by", "x.recovered_by"))),
  INCIDENT_TICKETS(
      "incident-tickets",
      "(SELECT l.*, l.linked_at AS updated_at FROM incident_ticket l) x",
      "x.linked_at",
      List.of(
          Column.number("incident_id", "x.incident_id"),
          Column.number("ticket_id", "x.ticket_id"),
          Column.text("linked_by", "x.linked_by"),
          Column.time("linked_at", "x.linked_at")));

  /** The last column of every export: where to resume after this row. */
  static final Column CURSOR = Column.text("cursor", "x.change_txid::text || '-' || x.id");

  final String path;
  final String from;
  final String createdAt;
  final List<Column> columns;

  ExportTable(String path, String from, String createdAt, List<Column> columns) {
    this.path = path;
    this.from = from;
    this.createdAt = createdAt;
    this.columns = columns;
  }

  /** All columns including the cursor. */
  List<Column> allColumns() {
    return java.util.stream.Stream.concat(columns.stream(), java.util.stream.Stream.of(CURSOR))
        .toList();
  }

  /** The column names as the CSV header writes them. */
  String header() {
    return allColumns().stream().map(Column::name).collect(Collectors.joining(","));
  }

  /** How a column is written. */
  enum Kind {
    NUMBER,
    TEXT,
    BOOLEAN,
    TIME
  }

  /** One exported column: its stable name and the SQL that computes it. */
  record Column(String name, String expression, Kind kind) {
    static Column number(String name, String expression) {
      return new Column(name, expression, Kind.NUMBER);
    }

    static Column text(String name, String expression) {
      return new Column(name, expression, Kind.TEXT);
    }

    static Column bool(String name, String expression) {
      return new Column(name, expression, Kind.BOOLEAN);
    }

    static Column time(String name, String expression) {
      return new Column(name, expression, Kind.TIME);
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
