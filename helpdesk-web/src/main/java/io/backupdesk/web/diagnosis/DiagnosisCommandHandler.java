package io.backupdesk.web.diagnosis;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.diagnosis.DiagnosisEvent;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The handler of one command on a started diagnosis, for requests of type {@code R}: checks the
 * request, runs {@link DiagnosisUnitOfWork} (lock, core, save), and leaves to the subclass only
 * which command of the core the request is.
 */
abstract class DiagnosisCommandHandler<R> {

  @Inject DiagnosisUnitOfWork work;
  @Inject Validator validator;
  @Inject Clock clock;

  @Transactional
  public DiagnosisView handle(long ticketId, Integer expectedVersion, R request, String agent) {
    // Checked here, not by annotations on this inherited method, which method validation skips.
    var violations = validator.validate(Objects.requireNonNull(request, "request"));
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return work.apply(
        ticketId,
        expectedVersion,
        diagnosis -> {
          var happened = run(diagnosis, request, agent, clock.instant());
          happened(ticketId, diagnosis, happened, agent);
          return happened;
        });
  }

  /** The core's command for this request. */
  abstract List<DiagnosisEvent> run(Diagnosis diagnosis, R request, String agent, Instant now);

  /**
   * What else the command writes, in its transaction (it commits with the command or not at all);
   * most commands write nothing more than the diagnosis and the timeline.
   */
  void happened(long ticketId, Diagnosis diagnosis, List<DiagnosisEvent> events, String agent) {}
}
