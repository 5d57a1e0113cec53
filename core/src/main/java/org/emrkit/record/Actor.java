package org.emrkit.record;

import java.util.Objects;

/**
 * A person acting on a record: its author, a signer, the author of a revision.
 *
 * @param id the host's user id
 * @param name the name shown in signatures and traces
 * @param role the role
 */
public record Actor(String id, String name, Role role) {

  /** Checks that all parts are present. */
  public Actor {
    Checks.line(id, "actor id", 100);
    Checks.line(name, "actor name", 100);
    Objects.requireNonNull(role, "role");
  }
}
