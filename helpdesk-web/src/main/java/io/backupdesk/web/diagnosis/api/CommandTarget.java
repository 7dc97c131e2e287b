package io.backupdesk.web.diagnosis.api;

import io.backupdesk.web.common.api.IfMatch;
import jakarta.ws.rs.PathParam;

/** What every command of a diagnosis names besides its body: the ticket, and the version seen. */
public class CommandTarget extends IfMatch {

  @PathParam("ticketId")
  public long ticketId;
}
