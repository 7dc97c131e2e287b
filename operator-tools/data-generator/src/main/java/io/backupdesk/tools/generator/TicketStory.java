package io.backupdesk.tools.generator;

import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.ABANDONED;
import static io.backupdesk.diagnostics.diagnosis.DiagnosisStatus.AWAITING_VERIFICATION;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.diagnosis.DiagnosisEvent;
import io.backupdesk.diagnostics.diagnosis.DiagnosisStatus;
import io.backupdesk.diagnostics.diagnosis.OrderChoice;
import io.backupdesk.diagnostics.diagnosis.OutcomeCommand;
import io.backupdesk.diagnostics.order.CaseTruth;
import io.backupdesk.diagnostics.order.GroundTruth;
import io.backupdesk.diagnostics.order.LogNormalMinutes;
import io.backupdesk.diagnostics.order.OrderSuggestions;
import io.backupdesk.diagnostics.order.StepTruth;
import io.backupdesk.diagnostics.playbook.Device;
import io.backupdesk.diagnostics.playbook.FixOption;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.PlaybookStep;
import io.backupdesk.diagnostics.ticket.AgentDirectory;
import io.backupdesk.diagnostics.ticket.AgentName;
import io.backupdesk.diagnostics.ticket.Channel;
import io.backupdesk.diagnostics.ticket.LatestDiagnosis;
import io.backupdesk.diagnostics.ticket.Priority;
import io.backupdesk.diagnostics.ticket.ServiceTargets;
import io.backupdesk.diagnostics.ticket.TicketCase;
import io.backupdesk.diagnostics.ticket.TicketSnapshot;
import io.backupdesk.diagnostics.ticket.TicketStatus;
import io.backupdesk.diagnostics.ticket.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The life of one ticket, played forward in simulated time: opened, picked up, diagnosed by driving
 * the core {@link Diagnosis} (so every row obeys its rules), perhaps paused, resumed, escalated,
 * reopened and closed. Each diagnosis walks the order the exploring policy chose for the phone, and
 * its one cause, step times and whether the fix works are drawn from the ground truth; the Apple
 * status step finds an outage exactly when one of the scheduled outages is on. Whatever would
 * happen after the simulated "now" does not happen, which leaves recent tickets open. Writes its
 * rows into the batch.
 */
final class TicketStory {

  /**
   * The world every story shares: settings, playbook, what really goes wrong, the policy choosing
   * orders, people, outages and the batch.
   */
  record World(
      GeneratorSettings settings,
      Playbook playbook,
      GroundTruth truth,
      OrderSuggestions orders,
      Phones phones,
      Staff staff,
      Schedule schedule,
      Rows rows) {}

  /** Scripted endings for the most recent tickets of a showcase, oldest first. */
  enum Scenario {
    CLOSED(Duration.ofDays(3)),
    ESCALATED(Duration.ofHours(10)),
    RESOLVED(Duration.ofHours(8)),
    WAITING_ON_APPLE(Duration.ofHours(6)),
    WAITING_ON_CUSTOMER(Duration.ofHours(3)),
    AWAITING_VERIFICATION(Duration.ofMinutes(100)),
    AT_STEP_2(Duration.ofMinutes(70)),
    AT_STEP_7(Duration.ofMinutes(50)),
    NEW_ASSIGNED(Duration.ofMinutes(25)),
    NEW(Duration.ofMinutes(10));

    final Duration beforeUntil;

    Scenario(Duration beforeUntil) {
      this.beforeUntil = beforeUntil;
    }
  }

  private final World world;
  private final GeneratorSettings.Mix mix;
  private final SplittableRandom random;
  private final Rows rows;
  private final Playbook playbook;
  private final Instant until;
  private final Scenario scenario;

  private final long ticketId;
  private final long customerId;
  private final Phones.Phone phone;
  private final Instant createdAt;
  private final Channel channel;
  private Priority priority;
  private final String createdBy;

  /** The ticket's case: the core's rules and words, exactly as the app applies them. */
  private final TicketCase ticket;

  private final AgentDirectory staffNames;
  private Optional<LatestDiagnosis> latest = Optional.empty();
  private Instant notedAt;
  private Instant lastEventAt;
  private int version;
  private TicketSnapshot lastVersioned;
  // The ticket's clock columns, as the app's TicketClocks keeps them.
  private Instant firstResponseAt;
  private Instant statusSince;
  private TicketStatus lastStatus = TicketStatus.NEW;

  // The plan for the first diagnosis; later ones draw theirs afresh.
  private boolean haltBeforePickup;
  private int haltAfterCommands = -1;

  private record End(DiagnosisStatus status, Instant at, boolean halted) {}

  TicketStory(
      World world,
      SplittableRandom random,
      long customerId,
      Phones.Phone phone,
      Instant createdAt,
      Scenario scenario) {
    this.world = world;
    this.mix = world.settings().mix();
    this.random = random;
    this.rows = world.rows();
    this.playbook = world.playbook();
    this.until = world.settings().until();
    this.scenario = scenario;
    this.ticketId = rows.nextTicketId();
    this.customerId = customerId;
    this.phone = phone;
    this.createdAt = createdAt;
    this.lastEventAt = createdAt;
    this.statusSince = createdAt;
    double c = random.nextDouble();
    this.channel =
        scenario != null
            ? (scenario == Scenario.NEW_ASSIGNED ? Channel.EMAIL : Channel.PHONE)
            : c < 0.5 ? Channel.PHONE : c < 0.85 ? Channel.CHAT : Channel.EMAIL;
    double p = random.nextDouble();
    this.priority =
        p < 0.1
            ? Priority.LOW
            : p < 0.78 ? Priority.NORMAL : p < 0.95 ? Priority.HIGH : Priority.URGENT;
    this.createdBy = world.staff().worker(random);
    this.ticket =
        TicketCase.open(
            ticketId, channel, phone.modelName(), phone.ios(), priority, createdBy, createdAt);
    this.staffNames = username -> new AgentName(username, world.staff().displayName(username));
    this.lastVersioned = versioned(ticket.snapshot());
  }

  void play() {
    record(null, List.of(ticket.openedEntry()));
    planHalt();
    Instant t = createdAt;
    if (channel == Channel.EMAIL
        && (scenario == Scenario.NEW_ASSIGNED || (scenario == null && chance(0.5)))) {
      // E-mails are triaged: a supervisor hands them to someone.
      t = t.plusSeconds(Weights.between(random, 120, 1800));
      if (!t.isAfter(until)) {
        String supervisor = world.staff().supervisor(random);
        record(null, ticket.assign(world.staff().worker(random), staffNames, supervisor, t));
        touch();
      }
    }
    if (!haltBeforePickup) {
      Instant pickup = t.plusSeconds(pickupDelay());
      if (!pickup.isAfter(until)) {
        String agent = ticket.assignee().orElseGet(this::pickAgent);
        if (scenario == null && chance(0.03) && priority != Priority.URGENT) {
          priority = Priority.values()[priority.ordinal() + 1];
          record(null, ticket.changePriority(priority, agent, pickup));
          touch();
        }
        End end = diagnose(pickup, agent, haltAfterCommands);
        followUp(end, 1);
      }
    }
    if (scenario == null && chance(mix.noteShare())) {
      addNote();
    }
    var stored = ticket.snapshot();
    rows.ticket(
        ticketId,
        customerId,
        Texts.subject(random, phone.modelName(), phone.ios()),
        Texts.description(random),
        stored,
        notedAt != null && notedAt.isAfter(stored.updatedAt()) ? notedAt : stored.updatedAt(),
        version,
        firstResponseAt,
        statusSince);
  }

  /** Some tickets are still open at the end: most of the recent ones, a few forgotten old ones. */
  private void planHalt() {
    if (scenario != null) {
      switch (scenario) {
        case NEW, NEW_ASSIGNED -> haltBeforePickup = true;
        case AWAITING_VERIFICATION -> haltAfterCommands = 4;
        case AT_STEP_2 -> haltAfterCommands = 1;
        case AT_STEP_7 -> haltAfterCommands = 6;
        default -> {}
      }
      return;
    }
    boolean recent = !createdAt.isBefore(until.minus(mix.recentWindow()));
    if (chance(recent ? mix.openShareRecent() : mix.openShareOld())) {
      if (chance(0.35)) {
        haltBeforePickup = true;
      } else {
        haltAfterCommands = random.nextInt(7);
      }
    }
  }

  private String pickAgent() {
    return channel != Channel.EMAIL && chance(0.8) ? createdBy : world.staff().worker(random);
  }

  private long pickupDelay() {
    return switch (channel) {
      case PHONE -> Weights.around(random, 45, 0.6);
      case CHAT -> Weights.around(random, 240, 0.7);
      case EMAIL -> 600 + (long) Weights.exponential(random, 3 * 3600);
    };
  }

  // ---- One diagnosis -------------------------------------------------------------------------

  /**
   * Runs the ticket's next diagnosis from {@code start}; stops early when time runs out. The case
   * has one cause (or none): a fix whose test backup fails, or a skipped cause, leaves nothing
   * later to help, so the walk goes on to the automatic escalation after the last step.
   */
  private End diagnose(Instant start, String firstAgent, int haltAfter) {
    String agent = firstAgent;
    // Showcase scripts name the steps they stop at by the article's numbers.
    boolean scripted = scenario != null && latest.isEmpty();
    Device device = new Device(phone.modelName(), phone.ios());
    OrderChoice choice =
        scripted ? OrderChoice.article(playbook) : world.orders().choose(device, random);
    var started = ticket.startDiagnosis(latest, playbook, choice, agent, staffNames, start);
    var diagnosis = started.diagnosis();
    int attempt = started.attempt();
    long diagnosisId = rows.nextDiagnosisId();
    record(diagnosisId, started.timeline());
    touch();
    latest = Optional.of(new LatestDiagnosis(attempt, diagnosis.status()));

    var run = new Run(diagnosis, diagnosisId, attempt, start);
    CaseTruth truth = world.truth().forDevice(device);
    String cause = drawCause(truth);
    boolean fixWorks = cause != null && chance(truth.step(cause).fixWorks());
    int escalateAt = 0;
    int abandonAt = 0;
    boolean skipAccount = false;
    boolean skipReset = false;
    if (scripted) {
      fixWorks = true;
      switch (scenario) {
        case CLOSED -> cause = keyOf(2);
        case ESCALATED -> {
          cause = null;
          escalateAt = 6;
        }
        case RESOLVED, AWAITING_VERIFICATION -> cause = keyOf(4);
        case WAITING_ON_APPLE, AT_STEP_7 -> cause = null;
        case WAITING_ON_CUSTOMER -> {
          cause = null;
          abandonAt = 3;
        }
        default -> {}
      }
    } else {
      if (chance(mix.manualEscalationShare())) {
        double u = random.nextDouble();
        escalateAt = u < 0.4 ? 6 : u < 0.65 ? 8 : u < 0.8 ? 4 : 2 + random.nextInt(8);
      }
      skipAccount = escalateAt != 6 && chance(0.07);
      skipReset = escalateAt != 8 && chance(0.08);
    }
    // The customer may leave at any moment: a small chance before every command.
    double leaveHazard = scripted ? 0 : mix.abandonShare() / 5;
    double speed = world.staff().speed(agent);
    boolean abandoned = false;

    while (!diagnosis.status().isEnded()) {
      if (haltAfter >= 0 && run.commands >= haltAfter) {
        return run.halt();
      }
      PlaybookStep step = diagnosis.currentStep().orElseThrow();
      StepTruth stepTruth = truth.step(step.key());
      int n = step.number();
      boolean isCause = step.key().equals(cause);
      Instant t = run.clock;

      if (!abandoned && (abandonAt == n || chance(leaveHazard))) {
        abandoned = true;
        t = t.plusSeconds(Weights.between(random, 20, 240));
        if (t.isAfter(until)) {
          return run.halt();
        }
        String reason =
            diagnosis.status() == AWAITING_VERIFICATION
                ? Texts.ABANDON_DURING_BACKUP
                : Texts.pick(Texts.ABANDON_REASONS, random);
        run.apply(diagnosis.abandon(reason, agent, t), t);
        if (scripted || !chance(mix.resumeShare())) {
          return run.end(ABANDONED);
        }
        t = t.plusSeconds(Weights.between(random, 3600, 36 * 3600));
        if (t.isAfter(until)) {
          return run.end(ABANDONED);
        }
        if (chance(0.4)) {
          agent = world.staff().otherWorker(agent, random);
          speed = world.staff().speed(agent);
        }
        run.apply(diagnosis.resume(agent, t), t);
        continue;
      }

      if (diagnosis.status() == AWAITING_VERIFICATION) {
        // The test backup runs on the phone: the agent's speed does not change it.
        t = t.plusSeconds(seconds(stepTruth.testBackup(), 1));
        if (t.isAfter(until)) {
          return run.halt();
        }
        boolean completed = isCause && fixWorks;
        run.apply(diagnosis.verify(step.key(), completed, agent, t), t);
        if (isCause && !completed) {
          cause = null;
        }
        continue;
      }

      if (escalateAt == n) {
        t = t.plusSeconds(Weights.around(random, 90 * speed, 0.4));
        if (t.isAfter(until)) {
          return run.halt();
        }
        var escalation = Texts.escalationAt(n);
        run.apply(diagnosis.escalate(escalation.target(), escalation.reason(), agent, t), t);
        break;
      }

      t = t.plusSeconds(seconds(stepTruth.check(), speed));
      if (t.isAfter(until)) {
        return run.halt();
      }
      OutcomeCommand command;
      if (step.detectsOutage()) {
        command =
            world.schedule().outageAt(t) != null
                ? OutcomeCommand.outage(step.key(), agent, t)
                : OutcomeCommand.nothingWrong(step.key(), agent, t);
      } else if (n == 6 && skipAccount) {
        command = OutcomeCommand.skipped(step.key(), Texts.SKIP_ACCOUNT, agent, t);
        cause = isCause ? null : cause;
      } else if (n == 8 && skipReset) {
        command = OutcomeCommand.skipped(step.key(), Texts.SKIP_RESET, agent, t);
        cause = isCause ? null : cause;
      } else if (isCause
          || (!scripted && !step.fixOptions().isEmpty() && chance(mix.falseFixShare()))) {
        FixOption fix = fixFor(step, stepTruth);
        t = t.plusSeconds(seconds(stepTruth.fix(), speed));
        if (t.isAfter(until)) {
          return run.halt();
        }
        command = OutcomeCommand.fixed(step.key(), fix.key(), fix.requiresConsent(), agent, t);
      } else if (n == 9 && phone.onNewestIos() && chance(0.7)) {
        command = OutcomeCommand.notApplicable(step.key(), agent, t);
      } else {
        command = OutcomeCommand.nothingWrong(step.key(), agent, t);
      }
      if (chance(0.05)) {
        command = command.withNote(Texts.stepNote(n, random));
      }
      run.apply(diagnosis.record(command), t);
    }
    return run.end(diagnosis.status());
  }

  /** Whole seconds of a truth's minutes, for an agent this much slower than typical. */
  private long seconds(LogNormalMinutes minutes, double speed) {
    return Math.max(1, Math.round(minutes.draw(random) * 60 * speed));
  }

  private String keyOf(int stepNumber) {
    return playbook.stepNumber(stepNumber).key();
  }

  /** Keeps the diagnosis row's bookkeeping while its commands run. */
  private final class Run {
    final Diagnosis diagnosis;
    final long id;
    final int attempt;
    Instant clock;
    int commands;

    Run(Diagnosis diagnosis, long id, int attempt, Instant start) {
      this.diagnosis = diagnosis;
      this.id = id;
      this.attempt = attempt;
      this.clock = start;
    }

    void apply(List<DiagnosisEvent> happened, Instant at) {
      record(id, ticket.diagnosisProgressed(diagnosis, attempt, happened, staffNames, at));
      touch();
      latest = Optional.of(new LatestDiagnosis(attempt, diagnosis.status()));
      commands++;
      clock = at;
    }

    End halt() {
      write();
      return new End(diagnosis.status(), clock, true);
    }

    End end(DiagnosisStatus status) {
      write();
      return new End(status, clock, status == ABANDONED);
    }

    private void write() {
      rows.diagnosis(id, ticketId, attempt, diagnosis.snapshot(), clock, commands);
    }
  }

  // ---- After a diagnosis ---------------------------------------------------------------------

  private void followUp(End end, int attempt) {
    if (end.halted()) {
      if (end.status() == ABANDONED && scenario == null && chance(0.6)) {
        // Nobody came back: a supervisor tidies the queue up after a while.
        close(end.at().plusSeconds(Weights.between(random, 7 * 86_400, 21 * 86_400)), true);
      }
      return;
    }
    Instant t = end.at();
    boolean scripted = scenario != null;
    switch (end.status()) {
      case RESOLVED -> {
        boolean reopen = !scripted && attempt == 1 && chance(mix.reopenShare());
        Instant reopenAt =
            reopen ? t.plusSeconds(Weights.between(random, 86_400, 10 * 86_400)) : null;
        boolean closeIt = scripted ? scenario == Scenario.CLOSED : chance(mix.closeShare());
        if (closeIt) {
          Instant closeAt =
              scripted
                  ? t.plus(Duration.ofDays(1))
                  : t.plusSeconds(Weights.around(random, 40 * 3600, 0.6));
          if (reopenAt == null || closeAt.isBefore(reopenAt)) {
            close(closeAt, false);
          }
        }
        if (reopen) {
          secondDiagnosis(reopenAt, true);
        }
      }
      case ESCALATED -> {
        if (!scripted && attempt == 1 && chance(0.08)) {
          secondDiagnosis(t.plusSeconds(Weights.between(random, 2 * 86_400, 6 * 86_400)), true);
        } else if (!scripted && chance(mix.closeShare())) {
          close(t.plusSeconds(Weights.between(random, 2 * 86_400, 10 * 86_400)), true);
        }
      }
      case WAITING_ON_APPLE -> {
        if (scripted) {
          return;
        }
        if (attempt == 1 && chance(mix.outageRetryShare())) {
          var outage = world.schedule().outageAt(t);
          Instant over = outage == null ? t : Instant.ofEpochSecond(outage.end());
          secondDiagnosis(over.plusSeconds(Weights.around(random, 3 * 3600, 0.8)), false);
        } else if (chance(0.5)) {
          close(t.plusSeconds(Weights.between(random, 3 * 86_400, 10 * 86_400)), false);
        }
      }
      default -> {}
    }
  }

  private void secondDiagnosis(Instant at, boolean reopen) {
    if (at.isAfter(until)) {
      return;
    }
    String agent = ticket.assignee().orElseGet(() -> world.staff().worker(random));
    if (reopen) {
      record(null, ticket.changeStatus(TicketStatus.NEW, latest, agent, at));
      touch();
      at = at.plusSeconds(pickupDelay());
      if (at.isAfter(until)) {
        return;
      }
    }
    followUp(diagnose(at, agent, -1), 2);
  }

  private void close(Instant at, boolean bySupervisor) {
    if (at.isAfter(until)) {
      return;
    }
    String actor =
        bySupervisor || ticket.assignee().isEmpty()
            ? world.staff().supervisor(random)
            : ticket.assignee().get();
    record(null, ticket.changeStatus(TicketStatus.CLOSED, latest, actor, at));
    touch();
  }

  private void addNote() {
    long span = lastEventAt.getEpochSecond() - createdAt.getEpochSecond();
    Instant at = createdAt.plusSeconds(span <= 0 ? 0 : random.nextLong(span + 1));
    Instant before = ticket.snapshot().updatedAt();
    record(null, ticket.addNote(Texts.ticketNote(random), ticket.assignee().orElse(createdBy), at));
    // The note is dated back into the ticket's life: its last activity stays the latest moment.
    notedAt = at.isAfter(before) ? at : before;
    touch();
  }

  // ---- Ticket bookkeeping -------------------------------------------------------------------

  /**
   * Bumps the ticket's version as the app does: once per write that changes what people edit
   * together (priority, assignee, status and its times), never for the last activity alone (a note,
   * a step that leaves the status as it was).
   */
  private void touch() {
    TicketSnapshot now = versioned(ticket.snapshot());
    if (!now.equals(lastVersioned)) {
      version++;
      lastVersioned = now;
    }
  }

  private static TicketSnapshot versioned(TicketSnapshot s) {
    return new TicketSnapshot(
        s.number(),
        s.channel(),
        s.deviceModel(),
        s.iosVersion(),
        s.createdBy(),
        s.createdAt(),
        s.status(),
        s.priority(),
        s.assignee(),
        s.createdAt(), // the last activity is not versioned: every snapshot gets the same one
        s.resolvedAt(),
        s.closedAt());
  }

  private void record(Long diagnosisId, List<TimelineEntry> timeline) {
    for (TimelineEntry entry : timeline) {
      rows.event(ticketId, diagnosisId, entry);
      if (entry.at().isAfter(lastEventAt)) {
        lastEventAt = entry.at();
      }
      if (firstResponseAt == null && ServiceTargets.answersCustomer(entry.kind())) {
        firstResponseAt = entry.at();
      }
    }
    var status = ticket.snapshot().status();
    if (status != lastStatus && !timeline.isEmpty()) {
      statusSince = timeline.get(timeline.size() - 1).at();
      lastStatus = status;
    }
  }

  // ---- What is wrong with the phone ----------------------------------------------------------

  /**
   * The step whose condition is the case's one cause, by the truth's weights for the phone's group,
   * or null when no step's condition explains it. The Apple-status step is never drawn: outages
   * come from the scheduled windows, in bursts, not case by case.
   */
  private String drawCause(CaseTruth truth) {
    var steps = playbook.steps();
    double[] weights = new double[steps.size() + 1];
    for (int i = 0; i < steps.size(); i++) {
      PlaybookStep step = steps.get(i);
      weights[i] = step.detectsOutage() ? 0 : truth.step(step.key()).causeWeight();
    }
    weights[steps.size()] = truth.noneWeight();
    int pick = Weights.pick(weights, 0, random);
    return pick < 0 || pick == steps.size() ? null : steps.get(pick).key();
  }

  /** A paid option as often as the truth says; otherwise the free ones, as agents prefer them. */
  private FixOption fixFor(PlaybookStep step, StepTruth truth) {
    List<FixOption> options = step.fixOptions();
    List<FixOption> paid = options.stream().filter(FixOption::costsMoney).toList();
    List<FixOption> free = options.stream().filter(option -> !option.costsMoney()).toList();
    if (!paid.isEmpty() && (free.isEmpty() || chance(truth.paidFixShare()))) {
      return paid.get(random.nextInt(paid.size()));
    }
    String preferred =
        switch (step.key()) {
          case "wifi" -> {
            double u = random.nextDouble();
            yield u < 0.25 ? "turn-on-wifi" : u < 0.7 ? "join-network" : "move-closer";
          }
          case "power" -> chance(0.65) ? "plug-in" : "replace-cable";
          default -> null;
        };
    return step.fixOption(preferred)
        .filter(option -> !option.costsMoney())
        .orElseGet(() -> free.get(random.nextInt(free.size())));
  }

  private boolean chance(double share) {
    return random.nextDouble() < share;
  }
}
