package io.backupdesk.web.diagnosis;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import io.backupdesk.diagnostics.playbook.Playbook;
import io.backupdesk.diagnostics.playbook.Playbooks;
import io.backupdesk.web.ticket.DiagnosisState;
import io.backupdesk.web.ticket.DiagnosisStates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
        .map(r -> new DiagnosisState(r.attempt, r.status, r.results.size(), playbook(r).size()));
  }

  DiagnosisView view(DiagnosisRecord record) {
    return view(record, restore(record));
  }

  static DiagnosisView view(DiagnosisRecord record, Diagnosis diagnosis) {
    return new DiagnosisView(
        record.id, record.ticketId, record.attempt, record.version, record.updatedAt, diagnosis);
  }

  /** The core aggregate, with the playbook version it was started on. */
  Diagnosis restore(DiagnosisRecord record) {
    var playbook = playbook(record);
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
}
