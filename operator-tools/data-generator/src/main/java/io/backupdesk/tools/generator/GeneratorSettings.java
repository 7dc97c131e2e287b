package io.backupdesk.tools.generator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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
    Mix mix) {

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
  }

  /**
   * Defaults for {@code tickets} tickets between {@link #DEFAULT_FROM} and {@link #DEFAULT_TO}
   * (inclusive): 88% distinct customers, an agent per 25,000 tickets (at least 8), foreign keys
   * checked after the load from 50,000 tickets on.
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
          mix);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException("Generator settings: " + message);
    }
  }

  /**
   * How the simulated help desk behaves. Shares are probabilities between 0 and 1.
   *
   * @param causeWeights for steps 1 to 9, how often the step's fix is what the phone needs (step 5
   *     is ignored: an Apple outage comes from the outage windows, not from the phone)
   * @param unfixableWeight the phone needs something the playbook does not offer: every step is
   *     done and the diagnosis escalates by itself
   * @param homeButtonRestartFactor a restart fixes phones with a Home button this much more often
   * @param olderIosUpdateFactor per iOS major version behind the newest, an update is this much
   *     more often the fix
   * @param upgradePlanShare of the storage fixes, how many buy more storage instead of deleting an
   *     app's backed-up data
   * @param verificationFailShare the right fix is applied but the test backup still fails the first
   *     time, so the walk moves on
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
      List<Double> causeWeights,
      double unfixableWeight,
      double homeButtonRestartFactor,
      double olderIosUpdateFactor,
      double upgradePlanShare,
      double verificationFailShare,
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

    /** Storage the most common fix; about 8% escalations and 6% abandonments. */
    public static final Mix DEFAULT =
        new Mix(
            List.of(8.0, 10.0, 6.0, 30.0, 0.0, 9.0, 9.0, 5.0, 8.0),
            3.0,
            2.2,
            1.35,
            0.45,
            0.12,
            0.03,
            0.045,
            0.06,
            0.5,
            0.55,
            0.04,
            0.75,
            0.35,
            Duration.ofDays(2),
            0.01,
            0.08);

    public Mix {
      causeWeights = List.copyOf(causeWeights);
      if (causeWeights.size() != 9) {
        throw new IllegalArgumentException("Generator settings: nine cause weights are needed");
      }
      Objects.requireNonNull(recentWindow, "recentWindow");
    }
  }
}
