package io.backupdesk.web.diagnosis.ui;

import java.util.List;

/** What the agent typed into a refused form, shown again so that nothing has to be retyped. */
public record Typed(String note, String skipReason, List<String> consent, String escalationReason) {

  static final Typed NOTHING = new Typed(null, null, List.of(), null);

  public Typed {
    consent = consent == null ? List.of() : List.copyOf(consent);
  }

  public boolean consented(String fixKey) {
    return consent.contains(fixKey);
  }
}
