package io.backupdesk.web.common;

/**
 * A request refused before any resource saw it (a page form that is no form, a body that cannot be
 * read), with the problem type and a sentence the sender can act on.
 */
public class RequestRefusedException extends RuntimeException {

  private final ProblemType type;

  public RequestRefusedException(ProblemType type, String detail) {
    super(detail);
    this.type = type;
  }

  public ProblemType type() {
    return type;
  }
}
