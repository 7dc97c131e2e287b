package io.backupdesk.web.common;

import io.backupdesk.diagnostics.diagnosis.DiagnosisException;

/**
 * A command the core refused, with the resource it was about, so that the API can show that
 * resource as it stands and the pages can show the form again with the core's message.
 */
public class RuleException extends RuntimeException {

  private final ProblemType type;
  private final transient StateRef about;

  public RuleException(DiagnosisException cause, StateRef about) {
    super(cause.getMessage(), cause);
    this.type = ProblemType.of(cause);
    this.about = about;
  }

  public ProblemType type() {
    return type;
  }

  /** Illegal transitions and conflicting answers are 409; a broken rule of the playbook is 422. */
  public int status() {
    return type.status();
  }

  /** The resource the command was about; null when its state says nothing useful. */
  public StateRef about() {
    return about;
  }
}
