package org.emrkit.record;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The value of a {@code signature} field: who signed and when,
 * {@code {"id", "name", "role", "at"}}.
 *
 * @param actor the signer
 * @param at when
 */
public record Signer(Actor actor, OffsetDateTime at) {

  /** Checks both parts. */
  public Signer {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
  }
}
