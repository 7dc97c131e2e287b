package io.backupdesk.web.diagnosis;

import io.backupdesk.web.common.StateRef;

/** A refusal about the ticket's newest diagnosis: the API shows that diagnosis as it is now. */
public record DiagnosisRef(long ticketId) implements StateRef {}
