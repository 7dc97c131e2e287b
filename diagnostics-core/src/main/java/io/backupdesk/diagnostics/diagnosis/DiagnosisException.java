package io.backupdesk.diagnostics.diagnosis;

/**
 * A command the diagnosis refused. The message tells a person what was wrong and what to do; the
 * subtype tells the caller how to answer (conflict or rule violation).
 */
public abstract class DiagnosisException extends RuntimeException {
  protected DiagnosisException(String message) {
    super(message);
  }
}
