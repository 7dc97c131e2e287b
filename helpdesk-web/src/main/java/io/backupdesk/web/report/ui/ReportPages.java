package io.backupdesk.web.report.ui;

import io.backupdesk.diagnostics.playbook.DeviceCatalog;
import io.backupdesk.diagnostics.playbook.DeviceModel;
import io.backupdesk.web.common.InvalidInputException;
import io.backupdesk.web.common.NotFoundException;
import io.backupdesk.web.playbook.DeviceCatalogs;
import io.backupdesk.web.report.Report;
import io.backupdesk.web.report.ReportCsvWriter;
import io.backupdesk.web.report.ReportFilter;
import io.backupdesk.web.report.ReportKind;
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
import io.backupdesk.web.report.ReportService;
import io.backupdesk.web.report.ReportService.FirstContactBreakdown;
import io.backupdesk.web.report.ReportWeek;
import io.backupdesk.web.ticket.ui.AgentNames;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The supervisors' report page at {@code /reports}: a filter form kept in the URL and one section
 * per report, each with a chart where one helps, the table, and a CSV download of the same rows as
 * the API's. The figures come from {@link ReportService}; this class only arranges them.
 */
@Path("/reports")
@RolesAllowed("supervisor")
@Produces(MediaType.TEXT_HTML)
public class ReportPages {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private static final DateTimeFormatter SHORT_DAY =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance reports(ReportsPage page);
  }

  /**
   * The whole page: the form as filled in, a message per refused field, the choices of the selects,
   * and the reports (none while a filter is refused).
   */
  public record ReportsPage(
      Fields fields,
      Map<String, String> errors,
      List<Choice> models,
      List<Choice> agents,
      Reports reports) {
    public String error(String field) {
      return errors.get(field);
    }
  }

  /** What the filter fields show. */
  public record Fields(
      String from, String to, String deviceModel, String iosMajor, String agent, String split) {}

  /** An option of a select. */
  public record Choice(String value, String label, boolean selected) {}

  /**
   * The reports for one checked filter, the moment they are exact for, the headline figures beside
   * the previous period, and how first-contact resolution is made up.
   */
  public record Reports(
      ReportFilter filter,
      String period,
      String query,
      String asOf,
      Headline headline,
      Resolutions resolutions,
      List<Funnel> funnels,
      Escalations escalations,
      Times times,
      FirstContactResolution firstContact,
      FirstContactBreakdown firstContactParts,
      List<AgentLine> agents,
      RepeatContacts repeat,
      List<TargetsMetWeek> targets) {

    /** The page route of one report's CSV, with the same filters. */
    public String csv(String report) {
      return "/reports/" + report + ".csv?" + query;
    }

    /** The page itself with the same filters, for links that change one thing. */
    public String self() {
      return "/reports?" + query;
    }

    public boolean funnelEmpty() {
      return funnels.isEmpty();
    }

    /** No ticket opened in the period: only the all-zero total row would be left to show. */
    public boolean targetsEmpty() {
      return targets.stream().allMatch(w -> w.opened() == 0);
    }
  }

  /**
   * Report 1: the overall figures and their chart, and the chosen split as a cross table: a row per
   * fix, a column per group (device model, iOS version or week).
   */
  public record Resolutions(
      List<ResolutionByFix> overall,
      long total,
      Chart chart,
      List<SplitTab> tabs,
      String splitName,
      List<String> groups,
      List<Long> groupTotals,
      List<SplitRow> split) {
    public boolean empty() {
      return overall.isEmpty();
    }
  }

  /** A link to another split of report 1. */
  public record SplitTab(String label, String url, boolean selected) {}

  /** One fix across the groups of the split. */
  public record SplitRow(ResolutionByFix fix, List<SplitCell> cells) {}

  /**
   * One fix in one group: its resolutions and share of the group's; {@code heat} (0 to 5) shades
   * the cell so that the fixes that matter in a group stand out.
   */
  public record SplitCell(long resolutions, BigDecimal share, int heat) {
    public boolean none() {
      return resolutions == 0;
    }
  }

  /** Report 2 for one playbook version. */
  public record Funnel(int version, List<FunnelStep> steps, Chart chart) {}

  /** Report 3: the weeks (each with its days in the period), the total and the weekly chart. */
  public record Escalations(List<WeekLine> weeks, EscalationWeek total, Chart chart) {
    public boolean empty() {
      return total == null || total.ended() == 0;
    }
  }

  /** A week's figures and the days of it that the period covers. */
  public record WeekLine(EscalationWeek figures, ReportWeek days) {
    /** "26 Oct – 1 Nov", and "(3 of 7 days)" when the period covers only part of the week. */
    public String dates() {
      String range =
          days.firstDay().equals(days.lastDay())
              ? SHORT_DAY.format(days.firstDay())
              : SHORT_DAY.format(days.firstDay()) + " – " + SHORT_DAY.format(days.lastDay());
      return days.partial() ? range + " (" + days.days() + " of 7 days)" : range;
    }
  }

  /**
   * The headline figures, each beside the previous period of the same length, and the resolutions
   * reconciled with the resolved tickets.
   */
  public record Headline(
      Map<String, HeadlineFigure> figures, String previousPeriod, long resolutions, long again) {
    public HeadlineFigure get(String figure) {
      return figures.get(figure);
    }
  }

  /** Report 4: time to resolution and time per step. */
  public record Times(TimeToResolution resolution, List<StepTime> steps, Chart chart) {
    public boolean resolutionEmpty() {
      return resolution.resolvedTickets() == 0;
    }

    public boolean stepsEmpty() {
      return steps.isEmpty();
    }
  }

  /** Report 6: one agent's figures and the page filtered to them. */
  public record AgentLine(AgentFigures figures, String url, int rateWidth) {}

  private final ReportService reports;
  private final AgentNames agentNames;
  private final Clock clock;
  private final DeviceCatalogs catalogs;

  ReportPages(ReportService reports, AgentNames agentNames, Clock clock, DeviceCatalogs catalogs) {
    this.catalogs = catalogs;
    this.reports = reports;
    this.agentNames = agentNames;
    this.clock = clock;
  }

  @GET
  public Response overview(@BeanParam ReportForm form) {
    ReportFilter filter;
    try {
      filter = form.filter(clock);
      reports.check(filter);
    } catch (InvalidInputException e) {
      var fields =
          new Fields(
              form.from, form.to, form.deviceModel, form.iosMajor, form.agent, form.splitValue());
      var page =
          new ReportsPage(
              fields,
              Map.of(e.field(), e.getMessage()),
              models(form.deviceModel),
              agents(form.agent),
              null);
      return Response.status(Response.Status.BAD_REQUEST).entity(Templates.reports(page)).build();
    }
    var fields =
        new Fields(
            filter.from().toString(),
            filter.to().toString(),
            filter.deviceModel(),
            filter.iosMajor() == null ? null : filter.iosMajor().toString(),
            filter.agent(),
            form.splitValue());
    var page =
        new ReportsPage(
            fields,
            Map.of(),
            models(filter.deviceModel()),
            agents(filter.agent()),
            reports.onOneSnapshot(() -> reports(filter, form.splitValue())));
    return Response.ok(Templates.reports(page)).build();
  }

  /** The CSV of one report, as the API writes it, for the page's download links. */
  @GET
  @Path("{report}.csv")
  @Produces(ReportCsvWriter.MEDIA_TYPE)
  public Report<Record> csv(@RestPath String report, @BeanParam ReportForm form) {
    var kind = ReportKind.bySlug(report).orElseThrow(() -> new NotFoundException("Report", report));
    return reports.report(kind, form.filter(clock));
  }

  private Reports reports(ReportFilter filter, String split) {
    String query = ReportForm.query(filter);
    Instant asOf = reports.asOf();
    var steps = reports.stepTimes(filter);
    return new Reports(
        filter,
        DAY.format(filter.from()) + " – " + DAY.format(filter.to()),
        query,
        TIME.format(asOf),
        headline(filter),
        resolutions(reports.resolutionsByFix(filter), query, split),
        funnels(reports.stepFunnel(filter)),
        escalations(filter, reports.escalations(filter)),
        new Times(
            reports.timeToResolution(filter),
            steps,
            steps.isEmpty() ? null : Charts.stepTimes(steps)),
        reports.firstContactResolution(filter),
        reports.firstContactBreakdown(filter),
        reports.agents(filter).stream()
            .map(
                a ->
                    new AgentLine(
                        a,
                        "/reports?" + ReportForm.query(filter.withAgent(a.agent())),
                        width(a.resolutionRate())))
            .toList(),
        reports.repeatContacts(filter),
        reports.targetsMet(filter));
  }

  private static Resolutions resolutions(List<ResolutionByFix> rows, String query, String split) {
    var overall = rows.stream().filter(r -> r.dimension().equals("overall")).toList();
    var tabs = new ArrayList<SplitTab>();
    for (String key : List.of("device_model", "ios_major", "week")) {
      tabs.add(
          new SplitTab(
              "By " + ReportForm.SPLITS.get(key),
              "/reports?" + query + "&split=" + key + "#resolutions",
              key.equals(split)));
    }
    // The groups in the report's order; a cell per fix and group.
    Map<String, Long> totals = new LinkedHashMap<>();
    Map<String, ResolutionByFix> cells = new LinkedHashMap<>();
    for (var r : rows) {
      if (r.dimension().equals(split)) {
        totals.merge(r.group(), r.resolutions(), Long::sum);
        cells.put(r.group() + "\n" + r.stepNumber() + "\n" + r.fixKey(), r);
      }
    }
    var lines = new ArrayList<SplitRow>();
    for (var fix : overall) {
      var line = new ArrayList<SplitCell>();
      for (String group : totals.keySet()) {
        var cell = cells.get(group + "\n" + fix.stepNumber() + "\n" + fix.fixKey());
        line.add(
            cell == null
                ? new SplitCell(0, null, 0)
                : new SplitCell(cell.resolutions(), cell.share(), heat(cell.share())));
      }
      lines.add(new SplitRow(fix, line));
    }
    var groups =
        totals.keySet().stream().map(g -> split.equals("ios_major") ? "iOS " + g : g).toList();
    return new Resolutions(
        overall,
        overall.stream().mapToLong(ResolutionByFix::resolutions).sum(),
        overall.isEmpty() ? null : Charts.fixes(overall),
        tabs,
        ReportForm.SPLITS.get(split),
        groups,
        List.copyOf(totals.values()),
        lines);
  }

  /** 1 below 10 %, 2 below 20 %, 3 below 35 %, 4 below 50 %, 5 from half the group. */
  static int heat(BigDecimal share) {
    double s = share.doubleValue();
    return s < 0.10 ? 1 : s < 0.20 ? 2 : s < 0.35 ? 3 : s < 0.5 ? 4 : 5;
  }

  private static List<Funnel> funnels(List<FunnelStep> rows) {
    Map<Integer, List<FunnelStep>> byVersion = new LinkedHashMap<>();
    rows.forEach(
        r -> byVersion.computeIfAbsent(r.playbookVersion(), v -> new ArrayList<>()).add(r));
    return byVersion.entrySet().stream()
        .map(e -> new Funnel(e.getKey(), e.getValue(), Charts.funnel(e.getKey(), e.getValue())))
        .toList();
  }

  private static Escalations escalations(ReportFilter filter, List<EscalationWeek> rows) {
    var weeks = rows.stream().filter(r -> !r.week().equals("total")).toList();
    var total = rows.stream().filter(r -> r.week().equals("total")).findFirst().orElse(null);
    boolean any = total != null && total.ended() > 0;
    Map<String, ReportWeek> days = new LinkedHashMap<>();
    ReportWeek.of(filter.from(), filter.to()).forEach(w -> days.put(w.week(), w));
    var lines = weeks.stream().map(w -> new WeekLine(w, days.get(w.week()))).toList();
    return new Escalations(
        lines, total, any ? Charts.weeks(filter.from(), filter.to(), weeks) : null);
  }

  private Headline headline(ReportFilter filter) {
    Map<String, HeadlineFigure> figures = new LinkedHashMap<>();
    reports.headline(filter).forEach(f -> figures.put(f.figure(), f));
    var previous = filter.previous();
    return new Headline(
        figures,
        DAY.format(previous.from()) + " – " + DAY.format(previous.to()),
        figures.get("resolutions").value().longValueExact(),
        figures.get("repeat_resolutions").value().longValueExact());
  }

  /** A fraction as the width of an 80-pixel inline bar. */
  private static int width(BigDecimal fraction) {
    return fraction == null ? 0 : (int) Math.round(fraction.doubleValue() * 80);
  }

  private List<Choice> models(String selected) {
    var names = new ArrayList<String>();
    catalogs.current().models().stream().map(DeviceModel::name).forEach(names::add);
    names.add(DeviceCatalog.OTHER);
    if (selected != null && !selected.isBlank() && !names.contains(selected.strip())) {
      names.add(selected.strip());
    }
    var choices = new ArrayList<Choice>();
    choices.add(new Choice("", "Any model", selected == null || selected.isBlank()));
    names.forEach(n -> choices.add(new Choice(n, n, n.equals(selected))));
    return choices;
  }

  private List<Choice> agents(String selected) {
    var names = new LinkedHashMap<>(agentNames.all());
    if (selected != null && !selected.isBlank()) {
      names.putIfAbsent(selected.strip(), selected.strip());
    }
    var choices = new ArrayList<Choice>();
    choices.add(new Choice("", "Every agent", selected == null || selected.isBlank()));
    names.entrySet().stream()
        .sorted(Comparator.comparing(e -> e.getValue().toLowerCase(Locale.ROOT)))
        .forEach(
            e ->
                choices.add(
                    new Choice(
                        e.getKey(),
                        e.getValue() + " (" + e.getKey() + ")",
                        e.getKey().equals(selected))));
    return choices;
  }
}
