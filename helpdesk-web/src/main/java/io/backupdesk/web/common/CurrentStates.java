package io.backupdesk.web.common;

import java.util.Optional;

/**
 * Renders a {@link StateRef} as the API shows that resource now. Each feature implements it for its
 * own references; a problem body asks them all.
 */
public interface CurrentStates {
  /** The resource's API representation as stored now; empty if this feature does not name it. */
  Optional<Object> render(StateRef ref);
}
