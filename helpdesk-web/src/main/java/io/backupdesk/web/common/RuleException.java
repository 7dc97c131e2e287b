package io.backupdesk.web.common;

import io.backupdesk.diagnostics.diagnosis.ConflictingOutcomeException;
import io.backupdesk.diagnostics.diagnosis.DiagnosisException;
import io.backupdesk.diagnostics.diagnosis.IllegalTransitionException;

/**
 * A diagnosis command the core refused, wrapped with the diagnosis as it stands so that the API can
 * return it and the UI can show the step again with the message.
 */
public class RuleException extends RuntimeException {

  private final transient Object currentState;

  public RuleException(DiagnosisException cause, Object currentState) {
    super(cause.getMessage(), cause);
    this.currentState = currentState;
  }

  /** Illegal transitions and conflicting answers are 409; a broken rule of the playbook is 422. */
  public int status() {
    return getCause() instanceof IllegalTransitionException
            || getCause() instanceof ConflictingOutcomeException
        ? 409
        : 422;
  }

  public String slug() {
    var name = getCause().getClass().getSimpleName().replace("Exception", "");
    return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  public Object currentState() {
    return currentState;
  }
}
