package io.backupdesk.web.order;

import io.agroal.api.AgroalDataSource;
import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.diagnosis.OrderChoice;
import io.backupdesk.diagnostics.diagnosis.OrderPolicy;
import io.backupdesk.diagnostics.diagnosis.StepOutcome;
import io.backupdesk.diagnostics.diagnosis.StepResult;
import io.backupdesk.diagnostics.diagnosis.Verification;
import io.backupdesk.diagnostics.order.WalkRecord;
import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.Playbooks;
import io.backupdesk.diagnostics.playbook.StepOrder;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads recorded diagnoses as the core's walks, through the reporting pool (read-only, possibly a
 * replica: learning never slows the desk's writes). Each diagnosis carries the order it was given
 * and the policy, model version and propensity that chose it (columns {@code step_order}, {@code
 * order_policy}, {@code order_model_version}, {@code order_propensity}); a diagnosis recorded
 * before orders were, walked the article's order with certainty. Its results are read in the
 * sequence they were walked: by their stored position in the order, then attempt (a clock's start
 * time ties when two results are recorded in the same microsecond, as generated ones are).
 */
@ApplicationScoped
class RecordedWalks {

  /** What was read: the walks, and the diagnoses that could not be read as one. */
  record Read(List<WalkRecord> walks, int unreadable) {}

  private static final String SQL =
      """
      SELECT d.id, d.playbook_version, d.device_model, d.ios_version, d.status, d.started_at,
             d.step_order, d.order_policy, d.order_model_version, d.order_propensity,
             r.step_key, r.step_number, r.step_version, r.outcome, r.fix_option_key,
             r.skip_reason, r.consent_given, r.verification, r.started_at, r.ended_at,
             r.recorded_by, r.verified_at, r.verified_by
        FROM (SELECT * FROM diagnosis
               WHERE started_at >= ? AND started_at < ?
               ORDER BY started_at DESC
               LIMIT ?) d
        LEFT JOIN step_result r ON r.diagnosis_id = d.id
       ORDER BY d.id, r.position, r.attempt, r.id
      """;

  @Inject
  @DataSource("reporting")
  AgroalDataSource reporting;

  @Inject Playbooks playbooks;

  private final Map<String, StepOrder> orders = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Device> devices = new java.util.concurrent.ConcurrentHashMap<>();

  /** The newest {@code max} diagnoses started in {@code [from, to)}. */
  Read read(Instant from, Instant to, int max) {
    // Hundreds of thousands of walks share a few phones and orders: one object each, not one per
    // walk, keeps a training within a small heap.
    orders.clear();
    devices.clear();
    var walks = new ArrayList<WalkRecord>();
    int unreadable = 0;
    try (Connection connection = reporting.getConnection()) {
      connection.setAutoCommit(false);
      try (var statement = connection.prepareStatement(SQL)) {
        statement.setFetchSize(5000);
        statement.setTimestamp(1, Timestamp.from(from));
        statement.setTimestamp(2, Timestamp.from(to));
        statement.setInt(3, max);
        try (ResultSet rows = statement.executeQuery()) {
          Walk walk = null;
          while (rows.next()) {
            long id = rows.getLong(1);
            if (walk == null || walk.id != id) {
              if (walk != null) {
                unreadable += walk.addTo(walks) ? 0 : 1;
              }
              walk = new Walk(id, rows);
            }
            walk.addResult(rows);
          }
          if (walk != null) {
            unreadable += walk.addTo(walks) ? 0 : 1;
          }
        }
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the recorded walks failed: " + e.getMessage(), e);
    }
    return new Read(walks, unreadable);
  }

  /** One diagnosis while its rows are read. */
  private final class Walk {
    final long id;
    final int playbookVersion;
    final Device device;
    final DiagnosisStatus status;
    final Instant startedAt;
    final String stepOrder;
    final String policy;
    final Integer modelVersion;
    final Double propensity;
    // One result per step: a further fix at the same step replaces the earlier attempt in place.
    final Map<String, StepResult> results = new LinkedHashMap<>();

    Walk(long id, ResultSet rows) throws SQLException {
      this.id = id;
      this.playbookVersion = rows.getInt(2);
      String model = rows.getString(3);
      String ios = rows.getString(4);
      this.device = devices.computeIfAbsent(model + "\n" + ios, k -> new Device(model, ios));
      this.status = DiagnosisStatus.valueOf(rows.getString(5));
      this.startedAt = rows.getTimestamp(6).toInstant();
      this.stepOrder = rows.getString(7);
      this.policy = rows.getString(8);
      int version = rows.getInt(9);
      this.modelVersion = rows.wasNull() ? null : version;
      double p = rows.getDouble(10);
      this.propensity = rows.wasNull() ? null : p;
    }

    void addResult(ResultSet rows) throws SQLException {
      String key = rows.getString(11);
      if (key == null) {
        return;
      }
      String verification = rows.getString(18);
      int position = results.containsKey(key) ? results.size() : results.size() + 1;
      try {
        results.put(
            key,
            new StepResult(
                key,
                rows.getInt(12),
                rows.getInt(13),
                StepOutcome.valueOf(rows.getString(14)),
                rows.getString(15),
                rows.getString(16),
                null,
                rows.getBoolean(17),
                verification == null ? null : Verification.valueOf(verification),
                instant(rows.getTimestamp(19)),
                instant(rows.getTimestamp(20)),
                rows.getString(21),
                instant(rows.getTimestamp(22)),
                rows.getString(23),
                Math.max(1, position),
                1,
                0));
      } catch (IllegalArgumentException | NullPointerException e) {
        broken = true;
      }
    }

    boolean broken;

    /** Adds the walk; false when the rows do not make one (the learner cannot use it). */
    boolean addTo(List<WalkRecord> walks) {
      Optional<Playbook> playbook = playbooks.version(playbookVersion);
      if (broken || playbook.isEmpty()) {
        return false;
      }
      try {
        walks.add(
            WalkRecord.of(
                device,
                startedAt,
                choice(playbook.get()),
                List.copyOf(results.values()),
                status,
                playbook.get()));
        return true;
      } catch (IllegalArgumentException | NullPointerException e) {
        return false;
      }
    }

    private OrderChoice choice(Playbook playbook) {
      if (policy == null || stepOrder == null) {
        return OrderChoice.article(playbook);
      }
      return new OrderChoice(
          orders.computeIfAbsent(stepOrder, keys -> new StepOrder(List.of(keys.split(",")))),
          OrderPolicy.valueOf(policy),
          modelVersion,
          propensity == null ? 1.0 : propensity);
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
