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
          // The order walked, as chosen at the start (comma-separated step keys), its policy,
          // the probability the policy chose it with, and the step-order model it came from.
          Column.text("step_order", "x.step_order"),
          Column.text("order_policy", "x.order_policy"),
          Column.decimal("order_propensity", "x.order_propensity"),
          Column.number("order_model_version", "x.order_model_version"),
          Column.time("current_step_started_at", "x.current_step_started_at"),
          Column.text("status_before_abandon", "x.status_before_abandon"))),
  STEP_RESULTS(
      "step-results",
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
          Column.text("verification", "x.verification"),
          Column.bool("consent_given", "x.consent_given"),
          Column.text("agent", "x.recorded_by"),
          Column.time("started_at", "x.started_at"),
          Column.time("ended_at", "x.ended_at"),
          Column.time("verified_at", "x.verified_at"),
          Column.text("verified_by", "x.verified_by"),
          Column.time("updated_at", "x.updated_at"),
          // Where the step stood in the walked order; 1 for a step's outcome, 2 and up for
          // further fixes tried at it; how often the result was corrected (the row shows the
          // corrected values, and a correction makes an incremental pull deliver it again).
          Column.number("position", "x.position"),
          Column.number("attempt", "x.attempt"),
          Column.number("corrections", "x.corrections"))),
  /**
   * The timeline: one row per line, never changed once written. {@code from_value}/{@code to_value}
   * for assignments (user names), priority changes and agents' status changes (reopens, closes).
   * The summary is not exported: a note's holds the note's text.
   */
  TIMELINE(
      "timeline",
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
      "agent x",
      "x.created_at",
      "x.updated_at",
      List.of(
          Column.number("agent_id", "x.id"),
          Column.text("username", "x.username"),
          Column.text("display_name", "x.display_name"),
          Column.text("role", "x.role"),
          Column.bool("active", "x.enabled"),
          Column.time("created_at", "x.created_at"),
          Column.time("updated_at", "x.updated_at"))),
  INCIDENTS(
      "incidents",
      // An incident's row changes when it opens and when it recovers (links are their own rows).
      "incident x",
      "x.opened_at",
      "coalesce(x.recovered_at, x.opened_at)",
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
  final String from;
  final String createdAt;
  final String updatedAt;
  final List<Column> columns;

  ExportTable(String path, String from, String createdAt, String updatedAt, List<Column> columns) {
    this.path = path;
    this.from = from;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.columns = columns;
  }

  /** All columns including the cursor, whose expression the pull gives. */
  List<Column> allColumns(String cursorExpression) {
    return java.util.stream.Stream.concat(
            columns.stream(), java.util.stream.Stream.of(Column.text(CURSOR, cursorExpression)))
        .toList();
  }

  /** The column names as the CSV header writes them. */
  String header() {
    return allColumns("").stream().map(Column::name).collect(Collectors.joining(","));
  }

  /** How a column is written. */
  enum Kind {
    NUMBER,
    DECIMAL,
    TEXT,
    BOOLEAN,
    TIME
  }

  /** One exported column: its stable name and the SQL that computes it. */
  record Column(String name, String expression, Kind kind) {
    static Column number(String name, String expression) {
      return new Column(name, expression, Kind.NUMBER);
    }

    static Column decimal(String name, String expression) {
      return new Column(name, expression, Kind.DECIMAL);
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
