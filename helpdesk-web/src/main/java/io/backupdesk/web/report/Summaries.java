package io.backupdesk.web.report;

import io.backupdesk.web.common.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the report summaries (migration V7): sums of one measure over a period, for the filter's
 * device model, iOS major and agent, optionally split by one of those or by ISO week. Reads one row
 * per calendar month and key, whatever the length of the period. Histograms for a device model and
 * an agent together are not kept (they would be as large as the data); they are counted from the
 * per-diagnosis facts, which such a filter narrows to a few thousand rows at most.
 */
@ApplicationScoped
class Summaries {

  /** Level bits: which dimensions a summary row is for. */
  static final int MODEL = 1;

  static final int IOS = 2;
  static final int AGENT = 4;

  /** The measures of {@code report_measure}. */
  enum Measure {
    FIX(1),
    ENDED(2),
    FUNNEL(3),
    DIAGNOSES(4),
    HANDLED(5),
    TICKETS_RESOLVED(6),
    RESOLVED_STEPS(7),
    FIRST_RESOLUTION(8),
    CUSTOMERS(9),
    CUSTOMERS_BACK(10),
    TTR(11),
    STEP_TIME(12);

    final int id;

    Measure(int id) {
      this.id = id;
    }

    boolean histogram() {
      return this == TTR || this == STEP_TIME;
    }

    /**
     * The view of this measure's contributions (migration V36); {@code report_contribution} is
     * their union, which costs a dozen branches to plan for the one that is read.
     */
    String contributions() {
      return "report_contribution_" + name().toLowerCase(Locale.ROOT);
    }

    /**
     * The level whose rows give this level's sums, as migration V7 keeps them ({@code
     * report_measure.levels}): itself, or the same with the iOS major, whose versions' rows are
     * then added up; -1 when the summaries do not hold it and the facts are counted instead (a
     * device model, an agent and an iOS major together; histograms for a device model and an
     * agent).
     */
    int storedLevel(int level) {
      if (kept().contains(level)) {
        return level;
      }
      boolean modelAndAgent = (level & (MODEL | AGENT)) == (MODEL | AGENT);
      if (modelAndAgent && (histogram() || level == (MODEL | IOS | AGENT))) {
        return -1;
      }
      return level | IOS;
    }

    private Set<Integer> kept() {
      return switch (this) {
        case FIX, ENDED, FUNNEL, FIRST_RESOLUTION -> Set.of(0, 2, 3, 5, 6);
        case DIAGNOSES, HANDLED, TICKETS_RESOLVED, RESOLVED_STEPS -> Set.of(4, 5, 6, 7);
        case CUSTOMERS, CUSTOMERS_BACK -> Set.of(0, 1, 2, 3, 4, 5, 6);
        case TTR, STEP_TIME -> Set.of(0, 2, 3, 6);
      };
    }
  }

  /**
   * One sum: the group's dimensions ({@code null} unless split by them or filtered on them), the
   * Monday of its ISO week when split by week, its keys and the count; for histograms the smallest
   * and largest value counted in the bucket (they may include values outside the period).
   */
  record Count(
      String model,
      Integer ios,
      String agent,
      LocalDate week,
      int k1,
      int k2,
      String kt1,
      String kt2,
      long n,
      Double min,
      Double max) {}

  private final ReportingDatabase database;

  Summaries(ReportingDatabase database) {
    this.database = database;
  }

  /** The filter's dimensions as level bits. */
  static int level(ReportFilter filter) {
    return (filter.deviceModel() != null ? MODEL : 0)
        | (filter.iosMajor() != null ? IOS : 0)
        | (filter.agent() != null ? AGENT : 0);
  }

  /**
   * The non-zero sums of {@code measure} over the filter, grouped by the dimensions in {@code
   * split} (level bits) and by ISO week if {@code byWeek}, ordered by {@code orderBy} (columns
   * {@code model, ios, agent, week, k1, k2, kt1, kt2, n}; text in the database's collation, as the
   * reference statements sort it).
   */
  List<Count> counts(
      Measure measure, ReportFilter filter, int split, boolean byWeek, String orderBy) {
    int level = level(filter) | split;
    int stored = measure.storedLevel(level);
    if (stored < 0) {
      return measure.histogram()
          ? histogramFromFacts(measure, filter, orderBy)
          : fromFacts(measure, filter, level, byWeek ? Weeks.EACH : Weeks.NONE, orderBy);
    }
    var sql = new Sql();
    // The period's bounds are bound once, first; every window below refers to them.
    String period =
        "(SELECT "
            + sql.bind(filter.from())
            + "::date AS first, "
            + sql.bind(filter.to())
            + "::date AS last) p";
    String weeks = "";
    String window = "report_window(s.c, s.month, p.first, p.last)";
    String week = "NULL::date";
    if (byWeek) {
      weeks =
          " JOIN LATERAL (SELECT d::date AS monday FROM generate_series("
              + "date_trunc('week', p.first)::date, p.last, interval '7 days') AS d) wk"
              + " ON wk.monday <= s.month + 30 AND wk.monday + 6 >= s.month";
      window =
          "report_window(s.c, s.month, greatest(p.first, wk.monday), least(p.last, wk.monday + 6))";
      week = "wk.monday";
    }
    // Dimensions outside the level are added up.
    String model = (level & MODEL) != 0 ? "s.model" : "''::varchar";
    String ios = (level & IOS) != 0 ? "s.ios" : "-1";
    String agent = (level & AGENT) != 0 ? "s.agent" : "''::varchar";
    sql.and("s.measure = ?", (short) measure.id)
        .and("s.level = ?", (short) stored)
        .and("s.month >= date_trunc('month', p.first)")
        .and("s.month <= p.last")
        .and("s.prev < p.first");
    if (filter.deviceModel() != null) {
      sql.and("s.model = ?", filter.deviceModel());
    }
    if (filter.iosMajor() != null) {
      sql.and("s.ios = ?", filter.iosMajor());
    }
    if (filter.agent() != null) {
      sql.and("s.agent = ?", filter.agent());
    }
    sql.append(
        """
        SELECT * FROM (
          SELECT %s AS model, %s AS ios, %s AS agent, %s AS week, s.k1, s.k2, s.kt1, s.kt2,
                 sum(w.n)::bigint AS n,
                 min(s.vmin) FILTER (WHERE w.n <> 0) AS min,
                 max(s.vmax) FILTER (WHERE w.n <> 0) AS max
          FROM %s
          JOIN report_summary s ON TRUE%s
          CROSS JOIN LATERAL (SELECT %s AS n) w
          WHERE %s
          GROUP BY 1, 2, 3, 4, s.k1, s.k2, s.kt1, s.kt2
        ) x
        WHERE n <> 0
        ORDER BY %s
        """
            .formatted(model, ios, agent, week, period, weeks, window, sql.where(), orderBy));
    return database.query(sql, Summaries::count);
  }

  /** A measure's sums over the whole period and per ISO week (see {@link #overallAndWeekly}). */
  record OverallAndWeekly(List<Count> overall, List<Count> weekly) {}

  /**
   * The sums of {@code measure} over the filter's period and per ISO week of it, each ordered by
   * {@code orderBy}. Counted from the facts, both come from one pass over the filter's diagnoses
   * (grouping sets) instead of two statements reading the same rows.
   */
  OverallAndWeekly overallAndWeekly(Measure measure, ReportFilter filter, String orderBy) {
    int level = level(filter);
    if (measure.histogram() || measure.storedLevel(level) >= 0) {
      return new OverallAndWeekly(
          counts(measure, filter, 0, false, orderBy),
          counts(measure, filter, 0, true, "week, " + orderBy));
    }
    var overall = new ArrayList<Count>();
    var weekly = new ArrayList<Count>();
    for (Count c : fromFacts(measure, filter, level, Weeks.BOTH, "week NULLS FIRST, " + orderBy)) {
      (c.week() == null ? overall : weekly).add(c);
    }
    return new OverallAndWeekly(overall, weekly);
  }

  /** Whether the facts' sums are for the whole period, per ISO week, or both. */
  private enum Weeks {
    NONE,
    EACH,
    BOTH
  }

  /**
   * The sums of a level the summaries do not keep, from the facts' contributions (the same
   * definitions, {@link Measure#contributions()}); the filter narrows them to a few thousand
   * diagnoses.
   */
  private List<Count> fromFacts(
      Measure measure, ReportFilter filter, int level, Weeks weeks, String orderBy) {
    var sql = new Sql();
    String week = weeks == Weeks.NONE ? "NULL::date" : "date_trunc('week', c.day)::date";
    String model = (level & MODEL) != 0 ? "c.model" : "''::varchar";
    String ios = (level & IOS) != 0 ? "c.ios" : "-1";
    String agent = (level & AGENT) != 0 ? "c.agent" : "''::varchar";
    String keys = String.join(", ", model, ios, agent);
    String groups =
        weeks == Weeks.BOTH
            ? "GROUPING SETS ((%1$s, %2$s, c.k1, c.k2, c.kt1, c.kt2), (%1$s, c.k1, c.k2, c.kt1, c.kt2))"
                .formatted(keys, week)
            : "1, 2, 3, 4, c.k1, c.k2, c.kt1, c.kt2";
    sql.and("c.day >= ?", filter.from())
        .and("c.day <= ?", filter.to())
        .and("c.prev < ?", filter.from())
        .and("(c.level IS NULL OR c.level = ?)", (short) level);
    if (filter.deviceModel() != null) {
      sql.and("c.model = ?", filter.deviceModel());
    }
    if (filter.iosMajor() != null) {
      sql.and("c.ios = ?", filter.iosMajor());
    }
    if (filter.agent() != null) {
      sql.and("c.agent = ?", filter.agent());
    }
    sql.append(
        """
        SELECT * FROM (
          SELECT %s AS model, %s AS ios, %s AS agent, %s AS week, c.k1, c.k2, c.kt1, c.kt2,
                 sum(c.n)::bigint AS n, min(c.v) AS min, max(c.v) AS max
          FROM %s c
          WHERE %s
          GROUP BY %s
        ) x
        WHERE n <> 0
        ORDER BY %s
        """
            .formatted(
                model, ios, agent, week, measure.contributions(), sql.where(), groups, orderBy));
    return database.query(sql, Summaries::count);
  }

  /** A histogram for a device model and an agent together, counted from the facts. */
  private List<Count> histogramFromFacts(Measure measure, ReportFilter filter, String orderBy) {
    var sql = new Sql();
    if (measure == Measure.TTR) {
      sql.and("f.first_resolution")
          .and("f.model = ?", filter.deviceModel())
          .and("f.agent = ?", filter.agent())
          .and("f.ended_day >= ?", filter.from())
          .and("f.ended_day <= ?", filter.to());
      if (filter.iosMajor() != null) {
        sql.and("f.ios = ?", filter.iosMajor());
      }
      sql.append(
          """
          SELECT * FROM (
            SELECT f.model, f.ios, f.agent, NULL::date AS week, report_bucket(f.ttr_seconds) AS k1,
                   0 AS k2, '' AS kt1, '' AS kt2, count(*) AS n,
                   min(f.ttr_seconds) AS min, max(f.ttr_seconds) AS max
            FROM report_fact f
            WHERE %s
            GROUP BY f.model, f.ios, f.agent, 5
          ) x
          ORDER BY %s
          """
              .formatted(sql.where(), orderBy));
    } else if (measure == Measure.STEP_TIME) {
      sql.and("f.model = ?", filter.deviceModel())
          .and("f.step_agents @> ARRAY[?]::varchar[]", filter.agent())
          .and("u.agent = ?", filter.agent())
          .and("u.day >= ?", filter.from())
          .and("u.day <= ?", filter.to());
      if (filter.iosMajor() != null) {
        sql.and("f.ios = ?", filter.iosMajor());
      }
      sql.append(
          """
          SELECT * FROM (
            SELECT f.model, f.ios, u.agent::varchar AS agent, NULL::date AS week, u.number AS k1,
                   report_bucket(u.seconds) AS k2, u.key::varchar AS kt1, '' AS kt2, count(*) AS n,
                   min(u.seconds) AS min, max(u.seconds) AS max
            FROM report_fact f
            CROSS JOIN LATERAL unnest(f.step_agents, f.step_days, f.step_numbers, f.step_keys,
                                      f.step_seconds) AS u(agent, day, number, key, seconds)
            WHERE %s
            GROUP BY f.model, f.ios, u.agent, u.number, 6, u.key
          ) x
          ORDER BY %s
          """
              .formatted(sql.where(), orderBy));
    } else {
      throw new IllegalArgumentException(measure + " is no histogram");
    }
    return database.query(sql, Summaries::count);
  }

  /** Runs {@code work}, whose queries share one read-only snapshot. */
  <T> T read(java.util.function.Supplier<T> work) {
    return database.read(work);
  }

  /** The moment the summaries are exact for: every change committed before it is counted. */
  Instant asOf() {
    var sql = new Sql().append("SELECT refreshed_at FROM report_state");
    return database.query(sql, row -> row.getObject(1, OffsetDateTime.class).toInstant()).get(0);
  }

  /** Whether an account has this user name. */
  boolean agentExists(String username) {
    var sql = new Sql();
    sql.append("SELECT 1 FROM agent WHERE username = " + sql.bind(username));
    return !database.query(sql, row -> 1).isEmpty();
  }

  /** Display names by user name, for the per-agent report. */
  Map<String, String> displayNames() {
    var names = new HashMap<String, String>();
    database.query(
        new Sql().append("SELECT username, display_name FROM agent"),
        row -> names.put(row.getString(1), row.getString(2)));
    return names;
  }

  private static Count count(ResultSet row) throws SQLException {
    String model = row.getString("model");
    int ios = row.getInt("ios");
    String agent = row.getString("agent");
    var week = row.getObject("week", LocalDate.class);
    return new Count(
        model.isEmpty() ? null : model,
        ios < 0 ? null : ios,
        agent.isEmpty() ? null : agent,
        week,
        row.getInt("k1"),
        row.getInt("k2"),
        row.getString("kt1"),
        row.getString("kt2"),
        row.getLong("n"),
        row.getObject("min", Double.class),
        row.getObject("max", Double.class));
  }
}
