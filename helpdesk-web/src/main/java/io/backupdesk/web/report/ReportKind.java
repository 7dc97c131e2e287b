package io.backupdesk.web.report;

import io.backupdesk.web.common.Sql;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Every report, declared once: its name in URLs ({@code /api/v1/reports/<name>}, {@code
 * /reports/<name>.csv}), the row type that gives its JSON objects and CSV columns, how the service
 * computes it, and the reference statement over the base tables that it must equal ({@link
 * ReferenceSql}, printed by {@link ReportSql} for the benchmark).
 */
public enum ReportKind {
  RESOLUTIONS_BY_FIX(
      "resolutions-by-fix",
      ResolutionByFix.class,
      "Which fixes resolve diagnoses: overall, by device model, iOS major and ISO week",
      ReportService::resolutionsByFix,
      ReferenceSql::resolutionsByFix),
  STEP_FUNNEL(
      "step-funnel",
      FunnelStep.class,
      "The step funnel per playbook version",
      ReportService::stepFunnel,
      ReferenceSql::stepFunnel),
  ESCALATIONS(
      "escalations",
      EscalationWeek.class,
      "Escalation rate and Apple outages, by ISO week",
      ReportService::escalations,
      ReferenceSql::escalations),
  TIME_TO_RESOLUTION(
      "time-to-resolution",
      TimeToResolution.class,
      "Time from ticket opened to first resolution: median and 90th percentile",
      (service, filter) -> List.of(service.timeToResolution(filter)),
      ReferenceSql::timeToResolution),
  STEP_TIMES(
      "step-times",
      StepTime.class,
      "Time spent per step: median and 90th percentile",
      ReportService::stepTimes,
      ReferenceSql::stepTimes),
  FIRST_CONTACT_RESOLUTION(
      "first-contact-resolution",
      FirstContactResolution.class,
      "First-contact resolution rate",
      (service, filter) -> List.of(service.firstContactResolution(filter)),
      ReferenceSql::firstContactResolution),
  AGENTS(
      "agents",
      AgentFigures.class,
      "Per agent: tickets handled, resolution rate, mean steps to resolution",
      ReportService::agents,
      ReferenceSql::agents),
  REPEAT_CONTACTS(
      "repeat-contacts",
      RepeatContacts.class,
      "Customers back with a new ticket within 30 days of a resolution",
      (service, filter) -> List.of(service.repeatContacts(filter)),
      ReferenceSql::repeatContacts),
  TARGETS_MET(
      "targets-met",
      TargetsMetWeek.class,
      "Share of tickets that met their first-response and resolution targets, by ISO week of"
          + " opening",
      ReportService::targetsMet,
      null),
  HEADLINE(
      "headline",
      HeadlineFigure.class,
      "The headline figures beside the previous period of the same length",
      ReportService::headline,
      null);

  /** Computes a report's rows. */
  @FunctionalInterface
  interface Computation extends BiFunction<ReportService, ReportFilter, List<? extends Record>> {}

  /** Writes a report's reference statement over the base tables. */
  @FunctionalInterface
  interface Reference {
    Sql statement(ReportFilter filter, int fcrReturnDays);
  }

  private final String slug;
  private final Class<? extends Record> rowType;
  private final String summary;
  private final Computation computation;
  private final Reference reference;

  ReportKind(
      String slug,
      Class<? extends Record> rowType,
      String summary,
      Computation computation,
      Reference reference) {
    this.slug = slug;
    this.rowType = rowType;
    this.summary = summary;
    this.computation = computation;
    this.reference = reference;
  }

  public String slug() {
    return slug;
  }

  public Class<? extends Record> rowType() {
    return rowType;
  }

  public String summary() {
    return summary;
  }

  List<? extends Record> compute(ReportService service, ReportFilter filter) {
    return computation.apply(service, filter);
  }

  /** The reference statement, if the report has one (the headline combines the others). */
  Optional<Reference> reference() {
    return Optional.ofNullable(reference);
  }

  public static Optional<ReportKind> bySlug(String slug) {
    return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
  }
}
