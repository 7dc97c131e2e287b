package io.backupdesk.tools.generator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What the {@link DataGenerator} makes: how many rows, over which dates, and how the simulated help
 * desk behaves. The same settings with the same seed always give the same data.
 *
 * @param seed makes the run repeatable
 * @param tickets tickets to create
 * @param customers distinct customers; the other tickets are repeat contacts of earlier customers
 *     (mostly within 30 days). More customers than tickets gives customers without a ticket.
 * @param agents the least number of working accounts (role agent or supervisor); generated accounts
 *     with unusable passwords fill the gap
 * @param from first moment a ticket may be opened
 * @param to tickets are opened before this moment
 * @param until the simulated "now": nothing happens after it, so tickets opened shortly before are
 *     still being worked on
 * @param batchSize tickets generated and written per round trip
 * @param outageWindows Apple iCloud Backup outages of a few hours within the range
 * @param foreignKeysAfterLoad drop the foreign keys of the tables written to for the load and add
 *     them back (which checks every row at once) before the transaction ends: much faster for large
 *     runs, but it locks those tables against readers too
 * @param showcase make sure that the most recent tickets show every ticket status (for a small demo
 *     data set, where chance alone would miss some)
 * @param truthFile the ground truth every diagnosis is drawn from, a CSV file in the format {@code
 *     GroundTruth} reads (per family and iOS major: how often each step's condition is the real
 *     cause, how long each step's check, fix and test backup take, and the chance the fix works
 *     when the cause is right); null for the core's documented {@code default-truth.csv}. The
 *     Apple-status row's cause weight is not drawn: outages come from {@code outageWindows}, so
 *     they arrive in bursts as real ones do.
 * @param exploreShare the share of diagnoses that walk an order one swap of neighbouring steps away
 *     from the article's, chosen by the core's {@code OrderSuggestions.exploringArticle} and
 *     recorded with its propensity, so a step order learned from the data can be judged off-policy;
 *     0 walks the article's order always
 * @param mix how often each thing happens
 */
public record GeneratorSettings(
    long seed,
    int tickets,
    int customers,
    int agents,
    Instant from,
    Instant to,
    Instant until,
    int batchSize,
    int outageWindows,
    boolean foreignKeysAfterLoad,
    boolean showcase,
    Path truthFile,
    double exploreShare,
    Mix mix) {

  /** Exploration as the app's step-order settings start it. */
  public static final double DEFAULT_EXPLORE_SHARE = 0.1;

  public static final LocalDate DEFAULT_FROM = LocalDate.of(2026, 8, 1);
  public static final LocalDate DEFAULT_TO = LocalDate.of(2026, 11, 20);

  public GeneratorSettings {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(mix, "mix");
    require(tickets >= 0, "tickets cannot be negative");
    require(customers >= 1 || tickets == 0, "at least one customer is needed for tickets");
    require(customers >= 0, "customers cannot be negative");
    require(agents >= 1, "at least one working agent is needed");
    require(from.isBefore(to), "from must be before to");
    require(!until.isBefore(to), "until cannot be before to");
    require(batchSize >= 1, "batch size must be positive");
    require(outageWindows >= 0, "outage windows cannot be negative");
    require(
        exploreShare >= 0 && exploreShare < 1,
        "the exploration share is at least 0 and below 1, not " + exploreShare);
  }

  /**
   * Defaults for {@code tickets} tickets between {@link #DEFAULT_FROM} and {@link #DEFAULT_TO}
   * (inclusive): 88% distinct customers, an agent per 25,000 tickets (at least 8), foreign keys
   * checked after the load from 50,000 tickets on, the default truth and 10% exploration.
   */
  public static GeneratorSettings defaults(int tickets) {
    Instant from = DEFAULT_FROM.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = DEFAULT_TO.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    return new GeneratorSettings(
        42,
        tickets,
        defaultCustomers(tickets),
        Math.max(8, tickets / 25_000),
        from,
        to,
        to,
        5_000,
        defaultOutageWindows(from, to),
        tickets >= 50_000,
        false,
        null,
        DEFAULT_EXPLORE_SHARE,
        Mix.DEFAULT);
  }

  public static int defaultCustomers(int tickets) {
    return Math.max(1, (int) Math.round(tickets * 0.88));
  }

  /** About one outage a month, at least one. */
  public static int defaultOutageWindows(Instant from, Instant to) {
    return (int) Math.max(1, Math.round(Duration.between(from, to).toDays() / 30.0));
  }

  public GeneratorSettings withSeed(long seed) {
    return change(s -> s.seed = seed);
  }

  public GeneratorSettings withCustomers(int customers) {
    return change(s -> s.customers = customers);
  }

  public GeneratorSettings withAgents(int agents) {
    return change(s -> s.agents = agents);
  }

  /** The range and the simulated "now" ({@code until} = {@code to}); outages scale with it. */
  public GeneratorSettings withRange(Instant from, Instant to) {
    return change(
        s -> {
          s.from = from;
          s.to = to;
          s.until = to;
          s.outageWindows = defaultOutageWindows(from, to);
        });
  }

  /**
   * The same settings, with nothing after {@code now}: a range that reaches into the future (the
   * command line's {@code --to} names a whole day, today included) ends at {@code now} instead, so
   * no ticket, event or result is written with a time the application's clock has not reached.
   */
  public GeneratorSettings endingBy(Instant now) {
    if (!until.isAfter(now)) {
      return this;
    }
    require(from.isBefore(now), "from (" + from + ") must be in the past, before " + now);
    return change(
        s -> {
          s.to = to.isAfter(now) ? now : to;
          s.until = now;
        });
  }

  public GeneratorSettings withBatchSize(int batchSize) {
    return change(s -> s.batchSize = batchSize);
  }

  public GeneratorSettings withOutageWindows(int outageWindows) {
    return change(s -> s.outageWindows = outageWindows);
  }

  public GeneratorSettings withForeignKeysAfterLoad(boolean foreignKeysAfterLoad) {
    return change(s -> s.foreignKeysAfterLoad = foreignKeysAfterLoad);
  }

  public GeneratorSettings withShowcase(boolean showcase) {
    return change(s -> s.showcase = showcase);
  }

  /** Draws diagnoses from this truth file; null for the core's default truth. */
  public GeneratorSettings withTruthFile(Path truthFile) {
    return change(s -> s.truthFile = truthFile);
  }

  public GeneratorSettings withExploreShare(double exploreShare) {
    return change(s -> s.exploreShare = exploreShare);
  }

  public GeneratorSettings withMix(Mix mix) {
    return change(s -> s.mix = mix);
  }

  /** A copy with some components changed: what every {@code with...} method returns. */
  private GeneratorSettings change(java.util.function.Consumer<Draft> change) {
    var draft = new Draft(this);
    change.accept(draft);
    return draft.settings();
  }

  /** The components while a copy is being changed. */
  private static final class Draft {
    long seed;
    int tickets;
    int customers;
    int agents;
    Instant from;
    Instant to;
    Instant until;
    int batchSize;
    int outageWindows;
    boolean foreignKeysAfterLoad;
    boolean showcase;
    Path truthFile;
    double exploreShare;
    Mix mix;

    Draft(GeneratorSettings s) {
      seed = s.seed;
      tickets = s.tickets;
      customers = s.customers;
      agents = s.agents;
      from = s.from;
      to = s.to;
      until = s.until;
      batchSize = s.batchSize;
      outageWindows = s.outageWindows;
      foreignKeysAfterLoad = s.foreignKeysAfterLoad;
      showcase = s.showcase;
      truthFile = s.truthFile;
      exploreShare = s.exploreShare;
      mix = s.mix;
    }

    GeneratorSettings settings() {
      return new GeneratorSettings(
          seed,
          tickets,
          customers,
          agents,
          from,
          to,
          until,
          batchSize,
          outageWindows,
          foreignKeysAfterLoad,
          showcase,
          truthFile,
          exploreShare,
          mix);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException("Generator settings: " + message);
    }
  }

  /**
   * How the simulated help desk behaves around the phones: what the agents and customers do. What
   * is wrong with a phone, how long its steps take and whether a fix works come from the ground
   * truth ({@link GeneratorSettings#truthFile()}). Shares are probabilities between 0 and 1.
   *
   * @param falseFixShare at a step that is not the cause, the agent still tries its fix (which then
   *     fails its test backup)
   * @param manualEscalationShare the agent hands the diagnosis on before the playbook is done
   * @param abandonShare the customer leaves during the diagnosis
   * @param resumeShare of those, the customer comes back and the diagnosis resumes
   * @param closeShare a finished ticket is closed a few days later
   * @param reopenShare the customer comes back after a resolution: a second diagnosis
   * @param outageRetryShare after an Apple outage ends, the agent runs a second diagnosis
   * @param openShareRecent tickets opened shortly before {@code until} that are still open (new or
   *     in diagnosis)
   * @param recentWindow how long before {@code until} a ticket counts as recent
   * @param openShareOld older tickets left new or in diagnosis (forgotten)
   * @param noteShare an agent adds a note to the ticket
   */
  public record Mix(
      double falseFixShare,
      double manualEscalationShare,
      double abandonShare,
      double resumeShare,
      double closeShare,
      double reopenShare,
      double outageRetryShare,
      double openShareRecent,
      Duration recentWindow,
      double openShareOld,
      double noteShare) {

    /** About 6% of diagnoses abandoned, 4.5% handed on by hand. */
    public static final Mix DEFAULT =
        new Mix(0.03, 0.045, 0.06, 0.5, 0.55, 0.04, 0.75, 0.35, Duration.ofDays(2), 0.01, 0.08);

    public Mix {
      Objects.requireNonNull(recentWindow, "recentWindow");
    }
  }
}
