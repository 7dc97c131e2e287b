package io.backupdesk.web.ticket;

import java.util.Objects;

/**
 * Whose tickets the queue shows: the reader's own, nobody's, or one named agent's. A user name is
 * always just a name, so an account called "mine" or "unassigned" can be filtered like any other.
 */
public record AssigneeFilter(Kind kind, String username) {

  /** The kinds of filter; AGENT comes with a user name. */
  public enum Kind {
    MINE,
    UNASSIGNED,
    AGENT
  }

  public AssigneeFilter {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.AGENT) != (username != null)) {
      throw new IllegalArgumentException("A user name goes with AGENT, and only with it");
    }
  }

  public static AssigneeFilter mine() {
    return new AssigneeFilter(Kind.MINE, null);
  }

  public static AssigneeFilter unassigned() {
    return new AssigneeFilter(Kind.UNASSIGNED, null);
  }

  public static AssigneeFilter agent(String username) {
    return new AssigneeFilter(Kind.AGENT, username.strip());
  }
}
