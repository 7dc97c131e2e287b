package io.backupdesk.web.testing;

import io.backupdesk.diagnostics.diagnosis.EscalationTarget;
import io.backupdesk.diagnostics.diagnosis.OutcomeCommand;
import io.backupdesk.web.diagnosis.AbandonDiagnosis;
import io.backupdesk.web.diagnosis.DiagnosisQuery;
import io.backupdesk.web.diagnosis.DiagnosisRequests;
import io.backupdesk.web.diagnosis.DiagnosisView;
import io.backupdesk.web.diagnosis.EscalateDiagnosis;
import io.backupdesk.web.diagnosis.RecordOutcome;
import io.backupdesk.web.diagnosis.StartDiagnosis;
import io.backupdesk.web.diagnosis.VerifyBackup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Walks a ticket's diagnosis in tests through the handlers the API and the pages use, for tests
 * that need a diagnosis at some step but are about something else.
 */
@ApplicationScoped
public class TestDiagnoses {

  private final StartDiagnosis startDiagnosis;
  private final RecordOutcome recordOutcome;
  private final VerifyBackup verifyBackup;
  private final EscalateDiagnosis escalateDiagnosis;
  private final AbandonDiagnosis abandonDiagnosis;
  private final DiagnosisQuery query;

  TestDiagnoses(
      StartDiagnosis startDiagnosis,
      RecordOutcome recordOutcome,
      VerifyBackup verifyBackup,
      EscalateDiagnosis escalateDiagnosis,
      AbandonDiagnosis abandonDiagnosis,
      DiagnosisQuery query) {
    this.startDiagnosis = startDiagnosis;
    this.recordOutcome = recordOutcome;
    this.verifyBackup = verifyBackup;
    this.escalateDiagnosis = escalateDiagnosis;
    this.abandonDiagnosis = abandonDiagnosis;
    this.query = query;
  }

  public DiagnosisView start(long ticket, String agent) {
    return startDiagnosis.handle(ticket, agent);
  }

  /** The core's command, sent as the API's request by its agent. */
  public DiagnosisView record(long ticket, Integer version, OutcomeCommand command) {
    return recordOutcome.handle(
        ticket,
        version,
        new DiagnosisRequests.Outcome(
            command.stepKey(),
            command.outcome(),
            command.fixOptionKey(),
            command.skipReason(),
            command.note(),
            command.consentGiven(),
            version),
        command.agent());
  }

  public DiagnosisView verify(
      long ticket, Integer version, String stepKey, boolean completed, String agent) {
    return verifyBackup.handle(
        ticket, version, new DiagnosisRequests.Verification(stepKey, completed, version), agent);
  }

  public DiagnosisView escalate(
      long ticket, Integer version, EscalationTarget target, String reason, String agent) {
    return escalateDiagnosis.handle(
        ticket, version, new DiagnosisRequests.Escalation(target, reason, version), agent);
  }

  public DiagnosisView abandon(long ticket, Integer version, String reason, String agent) {
    return abandonDiagnosis.handle(
        ticket, version, new DiagnosisRequests.Abandonment(reason, version), agent);
  }

  public Optional<DiagnosisView> latest(long ticket) {
    return query.latest(ticket);
  }
}
