package io.backupdesk.web.incident.ui;

import io.backupdesk.diagnostics.diagnosis.DiagnosisException;
import io.backupdesk.web.common.RuleException;
import io.backupdesk.web.incident.FollowUps;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The follow-up panel's two buttons: the backup completed (resolved, back to the ticket) or still
 * fails (the next diagnosis starts, and the agent goes straight to it).
 */
@Path("/tickets/{id}/backup-after-outage")
@RolesAllowed("agent")
public class FollowUpPage {

  @Inject FollowUps followUps;
  @Inject SecurityIdentity identity;

  @POST
  public Response backupAfterOutage(@RestPath long id, @RestForm String completed) {
    if (!"true".equals(completed) && !"false".equals(completed)) {
      return TicketMergePage.toTicket(id, "incidentProblem", "backup-answer");
    }
    boolean done = Boolean.parseBoolean(completed);
    try {
      followUps.backupAfterOutage(id, done, identity.getPrincipal().getName());
    } catch (RuleException | DiagnosisException e) {
      return TicketMergePage.toTicket(id, "incidentProblem", "not-follow-up");
    }
    return Response.seeOther(
            UriBuilder.fromPath(done ? "/tickets/" + id : "/tickets/" + id + "/diagnosis").build())
        .build();
  }
}
