package io.backupdesk.tools.generator;

import io.backupdesk.diagnostics.diagnosis.DiagnosisSnapshot;
import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.diagnosis.StepResult;
import io.backupdesk.diagnostics.ticket.ServiceTargets;
import io.backupdesk.diagnostics.ticket.TicketClock;
import io.backupdesk.diagnostics.ticket.TicketSnapshot;
import io.backupdesk.diagnostics.ticket.TimelineEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Instant;
import org.postgresql.copy.CopyManager;

/**
 * One batch of rows for every table, with ids handed out client-side, written with {@code COPY} in
 * the order the foreign keys need (raw JDBC on purpose: COPY is several times faster than inserts
 * and the app's rules are applied before, by the core). Columns are written as the app's mappers
 * write them; {@code DataGeneratorTest} checks that the lists name every column that has no
 * default.
 */
final class Rows {

  static final String[] TABLES = {"customer", "ticket", "diagnosis", "step_result", "ticket_event"};

  static final String[] COPY = {
    "COPY customer (id, name, email, phone, created_at, updated_at, version)"
        + " FROM STDIN WITH (FORMAT csv)",
    "COPY ticket (id, customer_id, subject, description, device_model, ios_version, channel,"
        + " priority, status, assignee, created_by, created_at, updated_at, resolved_at,"
        + " closed_at, version, first_response_at, status_since, follow_up_at, due_at,"
        + " resolved_by, closed_by, merged_into)"
        + " FROM STDIN WITH (FORMAT csv)",
    "COPY diagnosis (id, ticket_id, attempt, playbook_version, device_model, ios_version, status,"
        + " status_before_abandon, current_step, current_step_started_at, resolved_step_key,"
        + " resolved_step_number, resolved_fix_key, escalation_target, escalation_reason,"
        + " escalation_automatic, started_at, started_by, ended_at, updated_at, version,"
        + " step_order, order_policy, order_model_version, order_propensity,"
        + " order_override_from, order_override_by,"
        + " order_override_at, paused_at, paused_by, pause_reason)"
        + " FROM STDIN WITH (FORMAT csv)",
    "COPY step_result (id, diagnosis_id, step_key, step_number, step_version, outcome,"
        + " fix_option_key, skip_reason, note, consent_given, verification, started_at, ended_at,"
        + " recorded_by, verified_at, verified_by, updated_at, position, attempt, corrections)"
        + " FROM STDIN WITH (FORMAT csv)",
    "COPY ticket_event (id, ticket_id, diagnosis_id, at, actor, kind, summary, body,"
        + " from_value, to_value)"
        + " FROM STDIN WITH (FORMAT csv)",
  };

  private static final ServiceTargets DEFAULT_TARGETS = ServiceTargets.defaults();

  private Csv[] csv = newBuffers();
  private Csv[] spare;
  private final long[] lastId;
  private final long[] written = new long[TABLES.length];

  /** {@code lastIds}: the highest id already taken in each of {@link #TABLES}. */
  Rows(long[] lastIds) {
    this.lastId = lastIds.clone();
  }

  long nextTicketId() {
    return ++lastId[1];
  }

  long nextDiagnosisId() {
    return ++lastId[2];
  }

  long nextCustomerId() {
    return ++lastId[0];
  }

  void customer(long id, String name, String email, String phone, Instant createdAt) {
    csv[0].num(id).text(name).text(email).text(phone).time(createdAt).time(createdAt).num(0).end();
  }

  /**
   * The ticket as its case stands at the end of the simulation. The due time follows the default
   * targets; the app moves open tickets to the configured ones when it starts. No follow-up date:
   * agents plan those.
   */
  void ticket(
      long id,
      long customerId,
      String subject,
      String description,
      TicketSnapshot t,
      Instant updatedAt,
      int version,
      Instant firstResponseAt,
      Instant statusSince) {
    var due =
        DEFAULT_TARGETS
            .clock(
                new TicketClock.Facts(
                    t.priority(),
                    t.status(),
                    t.createdAt(),
                    firstResponseAt,
                    t.resolvedAt(),
                    statusSince,
                    null))
            .dueAt();
    csv[1]
        .num(id)
        .num(customerId)
        .text(subject)
        .text(description)
        .text(t.deviceModel())
        .text(t.iosVersion())
        .text(t.channel())
        .text(t.priority())
        .text(t.status())
        .text(t.assignee())
        .text(t.createdBy())
        .time(t.createdAt())
        .time(updatedAt)
        .time(t.resolvedAt())
        .time(t.closedAt())
        .num(version)
        .time(firstResponseAt)
        .time(statusSince)
        .time(null)
        .time(due)
        // Who resolved or closed is not part of the simulated story (the export documents these
        // as empty for generated tickets); generated tickets are never merged.
        .nul()
        .nul()
        .nul()
        .end();
  }

  /** The diagnosis and its step results as they stand at the end of the simulation. */
  void diagnosis(
      long id, long ticketId, int attempt, DiagnosisSnapshot s, Instant updatedAt, int version) {
    boolean running = s.currentStepNumber() >= 1 && !s.status().isEnded();
    var resolution = s.resolution();
    var escalation = s.escalation();
    var choice = s.orderChoice();
    csv[2]
        .num(id)
        .num(ticketId)
        .num(attempt)
        .num(s.playbookVersion())
        .text(s.deviceModel())
        .text(s.iosVersion())
        .text(s.status())
        .text(s.status() == DiagnosisStatus.ABANDONED ? s.statusBeforeAbandon() : null)
        .num(running ? s.currentStepNumber() : null)
        .time(running ? s.currentStepStartedAt() : null)
        .text(resolution == null ? null : resolution.stepKey())
        .num(resolution == null ? null : resolution.stepNumber())
        .text(resolution == null ? null : resolution.fixOptionKey())
        .text(escalation == null ? null : escalation.target())
        .text(escalation == null ? null : escalation.reason())
        .bool(escalation == null ? null : escalation.automatic())
        .time(s.startedAt())
        .text(s.startedBy())
        .time(s.endedAt())
        .time(updatedAt)
        .num(version)
        // Generated agents never switch to the article's order by hand, and who paused a
        // diagnosis is not simulated.
        .text(String.join(",", choice.order().stepKeys()))
        .text(choice.policy())
        .num(choice.modelVersion())
        .decimal(choice.propensity())
        .nul()
        .nul()
        .nul()
        .nul()
        .nul()
        .nul()
        .end();
    for (StepResult r : s.results()) {
      csv[3]
          .num(++lastId[3])
          .num(id)
          .text(r.stepKey())
          .num(r.stepNumber())
          .num(r.stepVersion())
          .text(r.outcome())
          .text(r.fixOptionKey())
          .text(r.skipReason())
          .text(r.note())
          .bool(r.consentGiven())
          .text(r.verification())
          .time(r.startedAt())
          .time(r.endedAt())
          .text(r.recordedBy())
          .time(r.verifiedAt())
          .text(r.verifiedBy())
          .time(r.verifiedAt() != null ? r.verifiedAt() : r.endedAt())
          .num(r.position())
          .num(r.attempt())
          .num(r.corrections())
          .end();
    }
  }

  /**
   * A timeline line as the core worded it; lines about a diagnosis belong to {@code diagnosisId}.
   */
  void event(long ticketId, Long diagnosisId, TimelineEntry entry) {
    csv[4]
        .num(++lastId[4])
        .num(ticketId)
        .id(entry.kind().aboutDiagnosis() ? diagnosisId : null)
        .time(entry.at())
        .text(entry.actor())
        .text(entry.kind())
        .text(entry.summary())
        .text(entry.details())
        // The export's from/to values are the app's; generated lines go without (documented).
        .nul()
        .nul()
        .end();
  }

  boolean isEmpty() {
    for (Csv table : csv) {
      if (table.rows() > 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Hands the batch over for writing and starts an empty one, so the next batch can be generated
   * while this one is being copied.
   */
  Csv[] detach() {
    Csv[] batch = csv;
    for (int table = 0; table < TABLES.length; table++) {
      written[table] += batch[table].rows();
    }
    csv = spare != null ? spare : newBuffers();
    spare = null;
    return batch;
  }

  /** Takes back a written batch's buffers for reuse (keeps their grown capacity). */
  void recycle(Csv[] batch) {
    for (Csv table : batch) {
      table.clear();
    }
    spare = batch;
  }

  /** Sends a batch to the database in foreign-key order. */
  static void copy(CopyManager copy, Csv[] batch) throws SQLException {
    for (int table = 0; table < TABLES.length; table++) {
      if (batch[table].rows() == 0) {
        continue;
      }
      try {
        copy.copyIn(COPY[table], batch[table].reader(), 1 << 16);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static Csv[] newBuffers() {
    return new Csv[] {new Csv(), new Csv(), new Csv(), new Csv(), new Csv()};
  }

  long written(int table) {
    return written[table];
  }

  long[] lastIds() {
    return lastId.clone();
  }
}
