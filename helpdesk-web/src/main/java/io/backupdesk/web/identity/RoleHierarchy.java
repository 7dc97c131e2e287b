package io.backupdesk.web.identity;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * An account stores one role; a supervisor can also do everything an agent can, and an admin
 * everything a supervisor can. Endpoints then name the narrowest role they need.
 */
@ApplicationScoped
class RoleHierarchy implements SecurityIdentityAugmentor {

  static final String AGENT = "agent";
  static final String SUPERVISOR = "supervisor";
  static final String ADMIN = "admin";

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (identity.isAnonymous()) {
      return Uni.createFrom().item(identity);
    }
    var builder = QuarkusSecurityIdentity.builder(identity);
    if (identity.hasRole(ADMIN)) {
      builder.addRoles(Set.of(SUPERVISOR, AGENT));
    } else if (identity.hasRole(SUPERVISOR)) {
      builder.addRole(AGENT);
    }
    return Uni.createFrom().item(builder.build());
  }
}
