package io.backupdesk.diagnostics.diagnosis;

/** A command that breaks one of the playbook's rules, whatever the diagnosis's status. */
public abstract class RuleViolationException extends DiagnosisException {
  protected RuleViolationException(String message) {
    super(message);
  }
}
