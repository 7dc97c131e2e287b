package io.backupdesk.web.incident.ui;

import io.backupdesk.diagnostics.incident.IncidentRefusedException;
import io.backupdesk.web.common.NotFoundException;
import io.backupdesk.web.incident.TicketMerges;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/** The ticket page's merge form: back to the ticket, whose incident panel says what happened. */
@Path("/tickets/{id}/merge")
@RolesAllowed("agent")
public class TicketMergePage {

  @Inject TicketMerges merges;
  @Inject SecurityIdentity identity;

  @POST
  public Response merge(@RestPath long id, @RestForm String into) {
    Long target = IncidentPages.parseTicket(into);
    if (target == null) {
      return toTicket(id, "incidentProblem", "merge-number");
    }
    try {
      merges.merge(id, target, identity.getPrincipal().getName());
      return toTicket(id, "incidentDone", "merged");
    } catch (IncidentRefusedException e) {
      return toTicket(id, "incidentProblem", e.refusal().slug());
    } catch (NotFoundException e) {
      return toTicket(id, "incidentProblem", "merge-unknown");
    }
  }

  /** A code, never free text, so that a crafted link cannot put words of its own on the page. */
  static Response toTicket(long id, String name, String code) {
    return Response.seeOther(UriBuilder.fromPath("/tickets/" + id).queryParam(name, code).build())
        .build();
  }
}
