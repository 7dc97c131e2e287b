package io.backupdesk.web.report;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The rows of each report: the JSON objects of {@code rows}, and the columns of the CSV download
 * (the same names in snake_case, in this order). Rates and shares are fractions from 0 to 1 rounded
 * half up to four places, means to two, {@code null} when there is nothing to divide by; durations
 * are seconds, percentiles rounded to 0.1 s and estimated from histograms within 1% (see {@link
 * ReportHistogram}).
 */
public final class ReportRows {

  private ReportRows() {}

  /**
   * How often one fix (step + fix option) was the confirmed resolution, within one group.
   *
   * @param dimension {@code overall}, {@code device_model}, {@code ios_major} or {@code week}
   * @param group the group within the dimension: {@code all}, a model name, a major version, or an
   *     ISO week like {@code 2024-W07} (of the resolution moment, UTC)
   * @param resolutions resolved diagnoses with this fix in the group
   * @param share resolutions / all resolutions of the group
   */
  public record ResolutionByFix(
      String dimension,
      String group,
      int stepNumber,
      String stepKey,
      String stepTitle,
      String fixKey,
      String fixLabel,
      long resolutions,
      BigDecimal share) {}

  /**
   * One step of one playbook version in the funnel of diagnoses started in the period.
   *
   * @param reached diagnoses that recorded a result for this step or are at it now
   * @param resolved diagnoses resolved by a fix at this step
   * @param abandoned diagnoses paused (customer left) at this step and not resumed
   * @param escalated diagnoses escalated whose last recorded step is this one
   * @param waitingOnApple diagnoses that ended on an Apple outage found at this step
   * @param stalled diagnoses still open (in progress or awaiting the test backup) at this step
   */
  public record FunnelStep(
      int playbookVersion,
      int stepNumber,
      String stepKey,
      String stepTitle,
      long reached,
      long resolved,
      long abandoned,
      long escalated,
      long waitingOnApple,
      long stalled) {}

  /**
   * Diagnoses that ended in one ISO week (UTC), or in the whole period ({@code week = total}).
   *
   * @param ended diagnoses that ended: resolved, escalated or waiting on Apple
   * @param escalationRate escalated / ended
   */
  public record EscalationWeek(
      String week,
      long ended,
      long resolved,
      long escalated,
      long waitingOnApple,
      BigDecimal escalationRate) {}

  /**
   * Ticket opened to first confirmed resolution, over tickets first resolved in the period.
   *
   * @param medianSeconds 50th percentile (interpolated), {@code null} without resolved tickets
   * @param p90Seconds 90th percentile (interpolated)
   */
  public record TimeToResolution(
      long resolvedTickets, BigDecimal medianSeconds, BigDecimal p90Seconds) {}

  /**
   * Time spent on one step (its result's end minus start), over results of steps started in the
   * period.
   */
  public record StepTime(
      int stepNumber,
      String stepKey,
      String stepTitle,
      long results,
      BigDecimal medianSeconds,
      BigDecimal p90Seconds) {}

  /**
   * Tickets first resolved in the period, and how many of them at first contact: resolved by their
   * first diagnosis, and the customer did not open another ticket within the configured number of
   * days ({@code helpdesk.reports.fcr-return-days}, 7 by default) after that resolution.
   *
   * @param rate firstContactResolutions / resolvedTickets
   */
  public record FirstContactResolution(
      long resolvedTickets, long firstContactResolutions, BigDecimal rate) {}

  /**
   * What one agent did with the diagnoses they started in the period.
   *
   * @param ticketsHandled distinct tickets of those diagnoses
   * @param ticketsResolved of those tickets, the ones one of the agent's diagnoses resolved
   * @param resolutionRate ticketsResolved / ticketsHandled
   * @param meanStepsToResolution mean number of step results of the agent's resolved diagnoses
   */
  public record AgentFigures(
      String agent,
      String displayName,
      long ticketsHandled,
      long diagnoses,
      long ticketsResolved,
      BigDecimal resolutionRate,
      BigDecimal meanStepsToResolution) {}

  /**
   * One headline figure of the period beside the same figure for the period of the same length just
   * before it.
   *
   * @param figure {@code resolved_tickets}, {@code resolutions}, {@code repeat_resolutions}, {@code
   *     first_contact_rate}, {@code escalation_rate}, {@code median_seconds} or {@code repeat_rate}
   * @param value the figure for the period; {@code null} when there is nothing to divide by
   * @param previousValue the same for the previous period
   * @param change value - previousValue, in the figure's unit; {@code null} if either is missing
   */
  public record HeadlineFigure(
      String figure,
      String label,
      BigDecimal value,
      BigDecimal previousValue,
      BigDecimal change,
      LocalDate previousFrom,
      LocalDate previousTo) {}

  /**
   * Customers who opened a new ticket within 30 days after a ticket of theirs was resolved.
   *
   * @param resolvedTickets tickets first resolved in the period
   * @param followedByNewTicket of those, the ones whose customer opened another ticket within 30
   *     days after the resolution
   * @param repeatRate followedByNewTicket / resolvedTickets
   * @param customers distinct customers of the resolved tickets
   * @param customersBack of those, the ones who came back within 30 days
   */
  public record RepeatContacts(
      long resolvedTickets,
      long followedByNewTicket,
      BigDecimal repeatRate,
      long customers,
      long customersBack) {}

  /**
   * Tickets opened in an ISO week (UTC) measured against their time targets: how many of those
   * whose first-response (resolution) target is decided met it. A target still running is in
   * neither count.
   */
  public record TargetsMetWeek(
      String week,
      long opened,
      long firstResponseDecided,
      long firstResponseMet,
      BigDecimal firstResponseMetShare,
      long resolutionDecided,
      long resolutionMet,
      BigDecimal resolutionMetShare) {}
}
