package io.backupdesk.web.common.ui;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The time zone the pages of this request show times in: the signed-in agent's, UTC before one is
 * known ({@code inject:viewerZone}). Looked up once per request.
 */
@Named("viewerZone")
@RequestScoped
public class ViewerZone {

  private final SecurityIdentity identity;
  private final AgentTimeZones zones;
  private Optional<ZoneId> chosen;

  ViewerZone(SecurityIdentity identity, AgentTimeZones zones) {
    this.identity = identity;
    this.zones = zones;
  }

  /**
   * The zone of the current request's viewer; UTC outside a request, for anonymous pages and on an
   * I/O thread (an error page), where the database cannot be asked.
   */
  public static ZoneId current() {
    var container = Arc.container();
    if (container == null || !container.requestContext().isActive()) {
      return ZoneOffset.UTC;
    }
    return container.instance(ViewerZone.class).get().zone();
  }

  public ZoneId zone() {
    return chosen().orElse(ZoneOffset.UTC);
  }

  /**
   * Whether a signed-in agent has no zone yet: the layout then lets a script report the browser's
   * zone once.
   */
  public boolean unset() {
    return !identity.isAnonymous() && !Context.isOnEventLoopThread() && chosen().isEmpty();
  }

  private Optional<ZoneId> chosen() {
    if (chosen == null) {
      Object read = identity.getAttribute(AgentTimeZones.IDENTITY_ATTRIBUTE);
      if (read instanceof String name) {
        chosen = AgentTimeZones.parse(name);
      } else {
        chosen =
            identity.isAnonymous() || Context.isOnEventLoopThread()
                ? Optional.empty()
                : zones.zoneOf(identity.getPrincipal().getName());
      }
    }
    return chosen;
  }
}
