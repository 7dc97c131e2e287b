package io.backupdesk.web.diagnosis;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.Playbooks;
import io.backupdesk.web.ticket.DiagnosisOutcome;
import io.backupdesk.web.ticket.DiagnosisState;
import io.backupdesk.web.ticket.DiagnosisStates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads diagnoses: for the API and the diagnosis page as the core aggregate, for the ticket feature
 * as a line of state ({@link DiagnosisStates}). Never writes.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DiagnosisQuery implements DiagnosisStates {

  @Inject DiagnosisRepository diagnoses;
  @Inject Playbooks playbooks;

  /** The ticket's newest diagnosis, if one was ever started. */
  public Optional<DiagnosisView> latest(long ticketId) {
    return diagnoses.latestOf(ticketId).map(this::view);
  }

  @Override
  public Optional<DiagnosisState> latestOf(long ticketId) {
    return diagnoses
        .latestOf(ticketId)
        .map(r -> new DiagnosisState(r.attempt, r.status, stepsDone(r), playbook(r).size()));
  }

  @Override
  public List<DiagnosisOutcome> allOf(Collection<Long> ticketIds) {
    if (ticketIds.isEmpty()) {
      return List.of();
    }
    return diagnoses.allOf(ticketIds).stream().map(this::outcome).toList();
  }

  private DiagnosisOutcome outcome(DiagnosisRecord r) {
    var playbook = playbook(r);
    String outcome =
        switch (r.status) {
          case RESOLVED ->
              "Resolved at step "
                  + r.resolvedStepNumber
                  + " · "
                  + playbook.stepNumber(r.resolvedStepNumber).title()
                  + ": "
                  + playbook.fixLabel(r.resolvedStepKey, r.resolvedFixKey);
          case ESCALATED ->
              "Escalated to " + r.escalationTarget.label() + ": " + r.escalationReason;
          case WAITING_ON_APPLE -> "Waiting on Apple: iCloud Backup outage";
          case ABANDONED -> "Customer left at step " + r.currentStep + "; can be resumed";
          case IN_PROGRESS, AWAITING_VERIFICATION -> "Running at step " + r.currentStep;
        };
    return new DiagnosisOutcome(
        r.ticketId,
        r.attempt,
        r.status.label(),
        outcome,
        stepsDone(r),
        playbook.size(),
        r.startedBy,
        r.startedAt,
        r.endedAt);
  }

  DiagnosisView view(DiagnosisRecord record) {
    return view(record, restore(record));
  }

  static DiagnosisView view(DiagnosisRecord record, Diagnosis diagnosis) {
    var pause =
        record.pausedAt == null
            ? null
            : new DiagnosisView.Pause(record.pausedAt, record.pausedBy, record.pauseReason);
    return new DiagnosisView(
        record.id,
        record.ticketId,
        record.attempt,
        record.version,
        record.updatedAt,
        diagnosis,
        pause);
  }

  /** The core aggregate, with the playbook version it was started on. */
  Diagnosis restore(DiagnosisRecord record) {
    Playbook playbook = playbook(record);
    return Diagnosis.restore(playbook, DiagnosisMapper.toSnapshot(record, playbook));
  }

  private Playbook playbook(DiagnosisRecord record) {
    return playbooks
        .version(record.playbookVersion)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Diagnosis "
                        + record.id
                        + " uses unknown playbook v"
                        + record.playbookVersion));
  }

  /** Steps with a result: a step where several fixes were tried counts once. */
  private static int stepsDone(DiagnosisRecord r) {
    return (int) r.results.stream().map(s -> s.stepKey).distinct().count();
  }
}
