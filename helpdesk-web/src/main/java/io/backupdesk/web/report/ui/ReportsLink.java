package io.backupdesk.web.report.ui;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * Whether the layout offers the Reports link ({@code inject:reportsLink.shown}): to supervisors,
 * and to admins, who are supervisors too.
 */
@Named("reportsLink")
@RequestScoped
public class ReportsLink {

  private final SecurityIdentity identity;

  ReportsLink(SecurityIdentity identity) {
    this.identity = identity;
  }

  public boolean shown() {
    return !identity.isAnonymous() && identity.hasRole("supervisor");
  }
}
