package io.backupdesk.web.diagnosis.api;

import io.backupdesk.web.common.CurrentStates;
import io.backupdesk.web.common.StateRef;
import io.backupdesk.web.diagnosis.DiagnosisQuery;
import io.backupdesk.web.diagnosis.DiagnosisRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** A refusal about a diagnosis shows it as the API returns it from GET, as it is now. */
@ApplicationScoped
class DiagnosisCurrentState implements CurrentStates {

  private final DiagnosisQuery diagnoses;

  DiagnosisCurrentState(DiagnosisQuery diagnoses) {
    this.diagnoses = diagnoses;
  }

  @Override
  public Optional<Object> render(StateRef ref) {
    return ref instanceof DiagnosisRef diagnosis
        ? diagnoses.latest(diagnosis.ticketId()).map(DiagnosisJson::of)
        : Optional.empty();
  }
}
