package io.backupdesk.web.diagnosis;

import io.backupdesk.diagnostics.diagnosis.Diagnosis;
import java.time.Instant;

/**
 * A diagnosis as the UI and the API see it: the core aggregate, which knows the steps, the progress
 * and what may happen next, plus the identity and version that the database gives it.
 */
public record DiagnosisView(
    long id, long ticketId, int attempt, int version, Instant updatedAt, Diagnosis diagnosis) {}
