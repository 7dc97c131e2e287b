package io.backupdesk.web.report;

import static io.backupdesk.web.report.Summaries.AGENT;
import static io.backupdesk.web.report.Summaries.IOS;
import static io.backupdesk.web.report.Summaries.MODEL;

import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import io.backupdesk.diagnostics.playbook.Playbooks;
import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.report.ReportRows.AgentFigures;
import io.backupdesk.web.report.ReportRows.EscalationWeek;
import io.backupdesk.web.report.ReportRows.FirstContactResolution;
import io.backupdesk.web.report.ReportRows.FunnelStep;
import io.backupdesk.web.report.ReportRows.HeadlineFigure;
import io.backupdesk.web.report.ReportRows.RepeatContacts;
import io.backupdesk.web.report.ReportRows.ResolutionByFix;
import io.backupdesk.web.report.ReportRows.StepTime;
import io.backupdesk.web.report.ReportRows.TargetsMetWeek;
import io.backupdesk.web.report.ReportRows.TimeToResolution;
import io.backupdesk.web.report.Summaries.Count;
import io.backupdesk.web.report.Summaries.Measure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The supervisors' figures, read from the report summaries (see {@link Summaries} and migration
 * V7), which equal what the reference statements over the base tables give ({@link ReferenceSql}).
 * Counts are summed in PostgreSQL; rates, shares and means are divided here and rounded half up
 * (rates and shares to four places, means to two); percentiles come from histograms ({@link
 * ReportHistogram}). Step titles and fix labels come from the playbook.
 *
 * <p>Shared definitions: a <em>resolution</em> is a diagnosis in status RESOLVED, at the moment it
 * ended (the confirmed test backup). A ticket's <em>first resolution</em> is its resolved diagnosis
 * with the lowest attempt number; a <em>resolved ticket</em> is a ticket that has one (tickets set
 * to resolved by hand, without a diagnosis, are not counted: the timestamp of a ticket's status is
 * cleared when it is reopened, a diagnosis's end never changes). Weeks are ISO weeks in UTC.
 */
@ApplicationScoped
public class ReportService {

  /** Repeat contacts look this many 24-hour days past a resolution. */
  static final int REPEAT_DAYS = 30;

  private final Summaries summaries;
  private final Playbooks playbooks;
  // Field injection: the time-targets report is a raw-SQL report beside the summaries' ones.
  @Inject TargetsReport targetsReport;
  private final int fcrReturnDays;

  ReportService(
      Summaries summaries,
      Playbooks playbooks,
      @ConfigProperty(name = "helpdesk.reports.fcr-return-days", defaultValue = "7")
          int fcrReturnDays) {
    if (fcrReturnDays < 1 || fcrReturnDays > REPEAT_DAYS) {
      throw new IllegalStateException(
          "helpdesk.reports.fcr-return-days must be 1 to "
              + REPEAT_DAYS
              + " (days); it is "
              + fcrReturnDays);
    }
    this.summaries = summaries;
    this.playbooks = playbooks;
    this.fcrReturnDays = fcrReturnDays;
  }

  /** The days after a resolution within which a new ticket undoes first-contact resolution. */
  public int fcrReturnDays() {
    return fcrReturnDays;
  }

  /** A report in full: the rows, the filter, the moment it is exact for, its weeks. */
  public Report<Record> report(ReportKind kind, ReportFilter filter) {
    return summaries.read(
        () -> {
          check(filter);
          var asOf = summaries.asOf();
          @SuppressWarnings("unchecked")
          var rows = (List<Record>) kind.compute(this, filter);
          boolean weekly = kind == ReportKind.ESCALATIONS || kind == ReportKind.RESOLUTIONS_BY_FIX;
          return new Report<>(
              kind.slug(),
              filter,
              asOf,
              weekly ? ReportWeek.of(filter.from(), filter.to()) : null,
              rows);
        });
  }

  /** Runs {@code work} (several reports, e.g. a page) on one snapshot of the summaries. */
  public <T> T onOneSnapshot(java.util.function.Supplier<T> work) {
    return summaries.read(work);
  }

  /** The moment every figure is exact for. */
  public java.time.Instant asOf() {
    return summaries.asOf();
  }

  /** Refuses an agent filter that names no account (400, naming the field). */
  public void check(ReportFilter filter) {
    if (filter.agent() != null && !summaries.agentExists(filter.agent())) {
      throw new InvalidInputException(
          "agent",
          "No account is called '"
              + filter.agent()
              + "': agent must be the user name of an account.");
    }
  }

  /**
   * Report 1. Resolutions in the period (the diagnosis's {@code ended_at}), counted per step and
   * fix option: overall, per device model, per iOS major version and per ISO week of the
   * resolution. The share is relative to all resolutions of the same group.
   */
  public List<ResolutionByFix> resolutionsByFix(ReportFilter filter) {
    var rows = new ArrayList<ResolutionByFix>();
    String inGroup = "n DESC, k1, kt2";
    var periodAndWeeks = summaries.overallAndWeekly(Measure.FIX, filter, inGroup);
    var overall = periodAndWeeks.overall();
    addFixes(rows, "overall", overall, c -> "all");
    // A split on a dimension the filter fixes has one group, the overall figures (which then carry
    // that dimension): not read twice.
    int fixed = Summaries.level(filter);
    addFixes(
        rows,
        "device_model",
        (fixed & MODEL) != 0
            ? overall
            : counts(Measure.FIX, filter, MODEL, false, "model, " + inGroup),
        Count::model);
    addFixes(
        rows,
        "ios_major",
        (fixed & IOS) != 0 ? overall : counts(Measure.FIX, filter, IOS, false, "ios, " + inGroup),
        c -> c.ios() == 0 ? null : c.ios().toString());
    addFixes(rows, "week", periodAndWeeks.weekly(), c -> ReportWeek.label(c.week()));
    return rows;
  }

  private void addFixes(
      List<ResolutionByFix> rows,
      String dimension,
      List<Count> counts,
      Function<Count, String> group) {
    Map<String, Long> totals = new LinkedHashMap<>();
    counts.forEach(c -> totals.merge(String.valueOf(group.apply(c)), c.n(), Long::sum));
    for (Count c : counts) {
      String stepKey = c.kt1();
      String fixKey = c.kt2();
      rows.add(
          new ResolutionByFix(
              dimension,
              group.apply(c),
              c.k1(),
              stepKey,
              step(stepKey).map(PlaybookStep::title).orElse(stepKey),
              fixKey,
              step(stepKey).map(s -> s.fixLabel(fixKey)).orElse(fixKey),
              c.n(),
              ratio(c.n(), totals.get(String.valueOf(group.apply(c))), 4)));
    }
  }

  /**
   * Report 2. The step funnel of the diagnoses started in the period ({@code started_at}), per
   * playbook version and step. A diagnosis has reached a step when it recorded a result there or is
   * at it now, whatever order it walked (the article's, a learned or an explored one). Abandoned,
   * stalled: the diagnosis's state now. Escalated and waiting on Apple: at the last step walked,
   * the one furthest along its order (a diagnosis escalated before recording any step appears in no
   * row).
   */
  public List<FunnelStep> stepFunnel(ReportFilter filter) {
    int maxSteps = playbooks.all().stream().mapToInt(Playbook::size).max().orElse(0);
    // version -> kind -> step -> count; "reached" counts a diagnosis at every step it walked.
    Map<Integer, Map<String, Map<Integer, Long>>> byVersion = new TreeMap<>();
    for (Count c : counts(Measure.FUNNEL, filter, 0, false, "k1, k2, kt1")) {
      byVersion
          .computeIfAbsent(c.k1(), v -> new LinkedHashMap<>())
          .computeIfAbsent(c.kt1(), k -> new TreeMap<>())
          .merge(c.k2(), c.n(), Long::sum);
    }
    var rows = new ArrayList<FunnelStep>();
    byVersion.forEach(
        (version, kinds) -> {
          var reachedAt = kinds.getOrDefault("reached", Map.of());
          for (int number = 1; number <= maxSteps; number++) {
            int n = number;
            long reached = reachedAt.getOrDefault(n, 0L);
            var step =
                playbooks.version(version).filter(p -> n <= p.size()).map(p -> p.stepNumber(n));
            // A version shorter than the longest one has no steps beyond its own.
            if (step.isEmpty() && reached == 0) {
              continue;
            }
            rows.add(
                new FunnelStep(
                    version,
                    number,
                    step.map(PlaybookStep::key).orElse(null),
                    step.map(PlaybookStep::title).orElse(null),
                    reached,
                    at(kinds, "resolved", number),
                    at(kinds, "abandoned", number),
                    at(kinds, "escalated", number),
                    at(kinds, "waiting", number),
                    at(kinds, "stalled", number)));
          }
        });
    return rows;
  }

  private static long at(Map<String, Map<Integer, Long>> kinds, String kind, int step) {
    return kinds.getOrDefault(kind, Map.of()).getOrDefault(step, 0L);
  }

  /**
   * Report 3. Diagnoses that ended in the period ({@code ended_at}), per ISO week of their end and
   * in total: how many ended, were resolved, escalated (by an agent or automatically after the last
   * step) or ended waiting on Apple because of an outage. Escalation rate = escalated / ended.
   */
  public List<EscalationWeek> escalations(ReportFilter filter) {
    Map<String, long[]> weeks = new LinkedHashMap<>();
    long[] total = new long[4];
    for (Count c : counts(Measure.ENDED, filter, 0, true, "week")) {
      long[] week = weeks.computeIfAbsent(ReportWeek.label(c.week()), w -> new long[4]);
      int column =
          switch (c.kt1()) {
            case "RESOLVED" -> 1;
            case "ESCALATED" -> 2;
            default -> 3;
          };
      for (long[] figures : List.of(week, total)) {
        figures[0] += c.n();
        figures[column] += c.n();
      }
    }
    var rows = new ArrayList<EscalationWeek>();
    weeks.forEach((week, f) -> rows.add(escalationRow(week, f)));
    rows.add(escalationRow("total", total));
    return rows;
  }

  private static EscalationWeek escalationRow(String week, long[] f) {
    return new EscalationWeek(week, f[0], f[1], f[2], f[3], ratio(f[2], f[0], 4));
  }

  /**
   * Report 4a. Time from a ticket's creation to its first resolution, over the tickets whose first
   * resolution ended in the period: median and 90th percentile (interpolated, from histograms).
   */
  public TimeToResolution timeToResolution(ReportFilter filter) {
    var histogram = new ReportHistogram();
    counts(Measure.TTR, filter, 0, false, "k1")
        .forEach(c -> histogram.add(c.k1(), c.n(), c.min(), c.max()));
    return new TimeToResolution(
        histogram.total(), histogram.percentile(0.5), histogram.percentile(0.9));
  }

  /**
   * Report 4b. Time spent per step: for step results whose step started in the period ({@code
   * step_result.started_at}), the median and 90th percentile of ended_at - started_at. A step's
   * clock restarts when a paused diagnosis is resumed; a fix's test backup is not included. The
   * agent filter here is the agent who recorded the step.
   */
  public List<StepTime> stepTimes(ReportFilter filter) {
    Map<String, ReportHistogram> bySteps = new LinkedHashMap<>();
    Map<String, Count> firsts = new LinkedHashMap<>();
    for (Count c : counts(Measure.STEP_TIME, filter, 0, false, "k1, kt1, k2")) {
      String key = c.k1() + "\n" + c.kt1();
      bySteps.computeIfAbsent(key, k -> new ReportHistogram()).add(c.k2(), c.n(), c.min(), c.max());
      firsts.putIfAbsent(key, c);
    }
    var rows = new ArrayList<StepTime>();
    bySteps.forEach(
        (key, histogram) -> {
          var c = firsts.get(key);
          rows.add(
              new StepTime(
                  c.k1(),
                  c.kt1(),
                  step(c.kt1()).map(PlaybookStep::title).orElse(c.kt1()),
                  histogram.total(),
                  histogram.percentile(0.5),
                  histogram.percentile(0.9)));
        });
    return rows;
  }

  /**
   * Report 5. First-contact resolution: of the tickets first resolved in the period, those whose
   * resolving diagnosis was the ticket's first (attempt 1) and whose customer did not open another
   * ticket within {@link #fcrReturnDays()} days (24 hours each) after that resolution.
   */
  public FirstContactResolution firstContactResolution(ReportFilter filter) {
    var f = firstResolutions(filter);
    return new FirstContactResolution(
        f.resolved, f.firstContact, ratio(f.firstContact, f.resolved, 4));
  }

  /** The first resolutions of the period, counted the ways the reports need them. */
  private record FirstResolutions(
      long resolved, long firstAttempt, long firstContact, long backWithinRepeatDays) {}

  private FirstResolutions firstResolutions(ReportFilter filter) {
    long resolved = 0;
    long firstAttempt = 0;
    long firstContact = 0;
    long back = 0;
    for (Count c : counts(Measure.FIRST_RESOLUTION, filter, 0, false, "k1, k2")) {
      resolved += c.n();
      // k1: days until the customer's next ticket (31: later or never); k2: 1 for attempt 1.
      if (c.k2() == 1) {
        firstAttempt += c.n();
        if (c.k1() > fcrReturnDays) {
          firstContact += c.n();
        }
      }
      if (c.k1() <= REPEAT_DAYS) {
        back += c.n();
      }
    }
    return new FirstResolutions(resolved, firstAttempt, firstContact, back);
  }

  /**
   * Report 6. Per agent, over the diagnoses the agent started in the period ({@code started_at}):
   * distinct tickets handled, those resolved by one of these diagnoses, the resolution rate, and
   * the mean number of step results a resolved diagnosis needed.
   */
  public List<AgentFigures> agents(ReportFilter filter) {
    Map<String, long[]> figures = new LinkedHashMap<>();
    for (Count c : counts(Measure.DIAGNOSES, filter, AGENT, false, "agent")) {
      figures.computeIfAbsent(c.agent(), a -> new long[5])[0] += c.n();
    }
    for (Count c : counts(Measure.HANDLED, filter, AGENT, false, "agent")) {
      figures.computeIfAbsent(c.agent(), a -> new long[5])[1] += c.n();
    }
    for (Count c : counts(Measure.TICKETS_RESOLVED, filter, AGENT, false, "agent")) {
      figures.computeIfAbsent(c.agent(), a -> new long[5])[2] += c.n();
    }
    for (Count c : counts(Measure.RESOLVED_STEPS, filter, AGENT, false, "agent")) {
      long[] f = figures.computeIfAbsent(c.agent(), a -> new long[5]);
      f[3] += (long) c.k1() * c.n();
      f[4] += c.n();
    }
    var names = summaries.displayNames();
    var rows = new ArrayList<AgentFigures>();
    figures.forEach(
        (agent, f) ->
            rows.add(
                new AgentFigures(
                    agent,
                    names.get(agent),
                    f[1],
                    f[0],
                    f[2],
                    ratio(f[2], f[1], 4),
                    ratio(f[3], f[4], 2))));
    return rows;
  }

  /**
   * Report 7. Of the tickets first resolved in the period, those whose customer opened another
   * ticket after the resolution and at most 30 days (24 hours each) later (the new ticket may fall
   * after the period; for resolutions in the last 30 days the window is not over yet).
   */
  public RepeatContacts repeatContacts(ReportFilter filter) {
    var f = firstResolutions(filter);
    long customers = sum(counts(Measure.CUSTOMERS, filter, 0, false, "k1"));
    long customersBack = sum(counts(Measure.CUSTOMERS_BACK, filter, 0, false, "k1"));
    return new RepeatContacts(
        f.resolved,
        f.backWithinRepeatDays,
        ratio(f.backWithinRepeatDays, f.resolved, 4),
        customers,
        customersBack);
  }

  /**
   * The share of tickets that met their time targets, by ISO week of opening (ticket's assignee for
   * the agent filter), then the total.
   */
  public List<TargetsMetWeek> targetsMet(ReportFilter filter) {
    return targetsReport.byWeek(filter);
  }

  /**
   * The headline figures of the period and of the period of the same length just before it:
   * resolved tickets, all resolutions and those that resolved a ticket again (a ticket resolved,
   * reopened and resolved once more counts once among resolved tickets and twice among
   * resolutions), first-contact resolution rate, escalation rate, median time to resolution, and
   * the share of resolved tickets whose customer came back within 30 days.
   */
  public List<HeadlineFigure> headline(ReportFilter filter) {
    var previous = filter.previous();
    var now = headlineValues(filter);
    var before = headlineValues(previous);
    var rows = new ArrayList<HeadlineFigure>();
    now.forEach(
        (figure, value) -> {
          BigDecimal old = before.get(figure);
          rows.add(
              new HeadlineFigure(
                  figure,
                  HEADLINE_LABELS.get(figure),
                  value,
                  old,
                  value == null || old == null ? null : value.subtract(old),
                  previous.from(),
                  previous.to()));
        });
    return rows;
  }

  private static final Map<String, String> HEADLINE_LABELS = new LinkedHashMap<>();

  static {
    HEADLINE_LABELS.put("resolved_tickets", "Resolved tickets");
    HEADLINE_LABELS.put("resolutions", "All resolutions");
    HEADLINE_LABELS.put("repeat_resolutions", "Resolutions of tickets resolved before");
    HEADLINE_LABELS.put("first_contact_rate", "First-contact resolution");
    HEADLINE_LABELS.put("escalation_rate", "Escalation rate");
    HEADLINE_LABELS.put("median_seconds", "Median time to resolution");
    HEADLINE_LABELS.put("repeat_rate", "Back within 30 days");
  }

  private Map<String, BigDecimal> headlineValues(ReportFilter filter) {
    var first = firstResolutions(filter);
    long resolutions = 0;
    long again = 0;
    long ended = 0;
    long escalated = 0;
    for (Count c : counts(Measure.ENDED, filter, 0, false, "kt1, k1")) {
      ended += c.n();
      if (c.kt1().equals("RESOLVED")) {
        resolutions += c.n();
        // k1 is 1 for a ticket's first resolution.
        again += c.k1() == 1 ? 0 : c.n();
      } else if (c.kt1().equals("ESCALATED")) {
        escalated += c.n();
      }
    }
    var values = new LinkedHashMap<String, BigDecimal>();
    values.put("resolved_tickets", BigDecimal.valueOf(first.resolved));
    values.put("resolutions", BigDecimal.valueOf(resolutions));
    values.put("repeat_resolutions", BigDecimal.valueOf(again));
    values.put("first_contact_rate", ratio(first.firstContact, first.resolved, 4));
    values.put("escalation_rate", ratio(escalated, ended, 4));
    values.put("median_seconds", timeToResolution(filter).medianSeconds());
    values.put("repeat_rate", ratio(first.backWithinRepeatDays, first.resolved, 4));
    return values;
  }

  /**
   * The counts behind first-contact resolution, for the page's reconciliation: resolved tickets,
   * those resolved at attempt 1, and of those the ones whose customer came back within {@link
   * #fcrReturnDays()} days.
   */
  public FirstContactBreakdown firstContactBreakdown(ReportFilter filter) {
    var f = firstResolutions(filter);
    return new FirstContactBreakdown(
        f.resolved, f.firstAttempt, f.firstAttempt - f.firstContact, f.firstContact, fcrReturnDays);
  }

  /** First-contact resolution taken apart: firstAttempt - cameBack = firstContact. */
  public record FirstContactBreakdown(
      long resolvedTickets, long firstAttempt, long cameBack, long firstContact, int returnDays) {}

  private List<Count> counts(
      Measure measure, ReportFilter filter, int split, boolean byWeek, String orderBy) {
    return summaries.counts(measure, filter, split, byWeek, orderBy);
  }

  private static long sum(List<Count> counts) {
    return counts.stream().mapToLong(Count::n).sum();
  }

  /** part / whole rounded half up, {@code null} when whole is 0. */
  static BigDecimal ratio(long part, long whole, int places) {
    if (whole == 0) {
      return null;
    }
    return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), places, RoundingMode.HALF_UP);
  }

  /** The step with this key in the newest playbook version that has it. */
  private Optional<PlaybookStep> step(String key) {
    var all = playbooks.all();
    for (int i = all.size() - 1; i >= 0; i--) {
      var step = all.get(i).step(key);
      if (step.isPresent()) {
        return step;
      }
    }
    return Optional.empty();
  }
}
