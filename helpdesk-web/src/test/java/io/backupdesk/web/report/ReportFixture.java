package io.backupdesk.web.report;

import io.agroal.api.AgroalDataSource;
import io.backupdesk.diagnostics.playbook.Playbooks;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes tickets, diagnoses and step results straight into the database with chosen timestamps, for
 * report tests that need figures worked out by hand. Times are UTC, written like {@code
 * 2019-03-04T09:00}.
 */
public final class ReportFixture {

  private ReportFixture() {}

  public static Instant at(String utc) {
    return Instant.parse(utc + ":00Z");
  }

  public static long customer(String name, String email) {
    return insert("INSERT INTO customer (name, email) VALUES (?, ?) RETURNING id", name, email);
  }

  public static long ticket(long customer, String model, String ios, String agent, String created) {
    Instant at = at(created);
    return insert(
        """
        INSERT INTO ticket (customer_id, subject, device_model, ios_version, channel, status,
                            assignee, created_by, created_at, updated_at)
        VALUES (?, 'Backup fails', ?, ?, 'PHONE', 'IN_DIAGNOSIS', ?, ?, ?, ?) RETURNING id
        """,
        customer,
        model,
        ios,
        agent,
        agent,
        Timestamp.from(at),
        Timestamp.from(at));
  }

  public static Diagnosis diagnosis(long ticket, int attempt, String agent, String started) {
    return new Diagnosis(ticket, attempt, agent, at(started));
  }

  /** A diagnosis being described, written by one of the ending methods. */
  public static final class Diagnosis {
    private final long ticket;
    private final int attempt;
    private final String agent;
    private final Instant started;
    private final List<Object[]> steps = new ArrayList<>();

    private Diagnosis(long ticket, int attempt, String agent, Instant started) {
      this.ticket = ticket;
      this.attempt = attempt;
      this.agent = agent;
      this.started = started;
    }

    public Diagnosis nothingWrong(int step, String from, String to) {
      return step(step, "NOTHING_WRONG", null, null, from, to);
    }

    public Diagnosis fixed(int step, String fix, boolean backupCompleted, String from, String to) {
      return step(
          step, "FIXED", fix, backupCompleted ? "BACKUP_COMPLETED" : "STILL_FAILING", from, to);
    }

    public Diagnosis outage(int step, String from, String to) {
      return step(step, "OUTAGE", null, null, from, to);
    }

    private Diagnosis step(
        int number, String outcome, String fix, String verification, String from, String to) {
      steps.add(new Object[] {number, outcome, fix, verification, at(from), at(to)});
      return this;
    }

    public long resolved(int step, String fix, String ended) {
      return write("RESOLVED", null, null, step, fix, null, at(ended));
    }

    public long escalated(String ended) {
      return write("ESCALATED", null, null, null, null, "TIER_2", at(ended));
    }

    public long waitingOnApple(String ended) {
      return write("WAITING_ON_APPLE", null, null, null, null, null, at(ended));
    }

    public long abandonedAt(int currentStep, String since) {
      return write("ABANDONED", currentStep, at(since), null, null, null, null);
    }

    public long inProgressAt(int currentStep, String since) {
      return write("IN_PROGRESS", currentStep, at(since), null, null, null, null);
    }

    private long write(
        String status,
        Integer currentStep,
        Instant currentSince,
        Integer resolvedStep,
        String fix,
        String escalation,
        Instant ended) {
      var playbook = Playbooks.standard().current();
      Instant updated = ended != null ? ended : currentSince;
      if (status.equals("ABANDONED")) {
        // Pausing a diagnosis hands the ticket back to the customer: the schema refuses a paused
        // diagnosis beside a ticket that still says it is in diagnosis.
        execute("UPDATE ticket SET status = 'WAITING_ON_CUSTOMER' WHERE id = ?", ticket);
      }
      long id =
          insert(
              """
              INSERT INTO diagnosis (ticket_id, attempt, playbook_version, device_model, ios_version,
                  status, status_before_abandon, current_step, current_step_started_at,
                  resolved_step_key, resolved_step_number, resolved_fix_key,
                  escalation_target, escalation_reason, escalation_automatic,
                  started_at, started_by, ended_at, updated_at)
              SELECT t.id, ?, ?, t.device_model, t.ios_version, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
              FROM ticket t WHERE t.id = ? RETURNING id
              """,
              attempt,
              playbook.version(),
              status,
              status.equals("ABANDONED") ? "IN_PROGRESS" : null,
              currentStep,
              currentSince == null ? null : Timestamp.from(currentSince),
              resolvedStep == null ? null : playbook.stepNumber(resolvedStep).key(),
              resolvedStep,
              fix,
              escalation,
              escalation == null ? null : "The customer asked for tier 2",
              escalation == null ? null : Boolean.FALSE,
              Timestamp.from(started),
              agent,
              ended == null ? null : Timestamp.from(ended),
              Timestamp.from(updated),
              ticket);
      for (Object[] s : steps) {
        int number = (int) s[0];
        var step = playbook.stepNumber(number);
        Instant to = (Instant) s[5];
        insert(
            """
            INSERT INTO step_result (diagnosis_id, step_key, step_number, step_version, outcome,
                fix_option_key, verification, started_at, ended_at, recorded_by, verified_at,
                verified_by, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """,
            id,
            step.key(),
            number,
            step.version(),
            s[1],
            s[2],
            s[3],
            Timestamp.from((Instant) s[4]),
            Timestamp.from(to),
            agent,
            s[3] == null ? null : Timestamp.from(to),
            s[3] == null ? null : agent,
            Timestamp.from(to));
      }
      return id;
    }
  }

  /**
   * Applies every committed change to the report summaries now, as the app does every second, so
   * that a test reads figures that include what it just wrote.
   */
  public static void refreshSummaries() {
    Arc.container().instance(ReportRefresher.class).get().refreshNow();
  }

  public static long insert(String sql, Object... values) {
    var dataSource = Arc.container().instance(AgroalDataSource.class).get();
    try (Connection connection = dataSource.getConnection();
        var statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      try (var result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs a statement that changes rows, in its own transaction. */
  public static void execute(String sql, Object... values) {
    var dataSource = Arc.container().instance(AgroalDataSource.class).get();
    try (Connection connection = dataSource.getConnection();
        var statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The rows of a query, each as its columns' text. */
  public static List<List<String>> rows(String sql, Object... values) {
    var dataSource = Arc.container().instance(AgroalDataSource.class).get();
    try (Connection connection = dataSource.getConnection();
        var statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      var rows = new ArrayList<List<String>>();
      try (var result = statement.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          var row = new ArrayList<String>();
          for (int c = 1; c <= columns; c++) {
            row.add(result.getString(c));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
