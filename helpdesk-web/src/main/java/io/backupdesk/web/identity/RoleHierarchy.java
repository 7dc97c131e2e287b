package io.backupdesk.web.identity;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * An account stores one role; a supervisor can also do everything an agent can, and an admin
 * everything a supervisor can. Endpoints then name the narrowest role they need.
 */
@ApplicationScoped
class RoleHierarchy implements SecurityIdentityAugmentor {

  @Override
  public Uni<SecurityIdentity> augment(
      SecurityIdentity identity, AuthenticationRequestContext context) {
    if (identity.isAnonymous()) {
      return Uni.createFrom().item(identity);
    }
    var builder = QuarkusSecurityIdentity.builder(identity);
    for (Role role : Role.values()) {
      if (identity.hasRole(role.value())) {
        role.includes().forEach(narrower -> builder.addRole(narrower.value()));
      }
    }
    return Uni.createFrom().item(builder.build());
  }
}
