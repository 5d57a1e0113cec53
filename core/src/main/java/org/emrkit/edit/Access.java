package org.emrkit.edit;

import java.util.Objects;
import java.util.Optional;

/**
 * What an actor may do to a value of a record now, as the edit session's gate would decide a
 * change to it: write it, amend it (signed content: with a reason), or nothing (and why). An
 * editor draws the form from it: read-only where nothing may change, asking for the reason
 * where an amendment would.
 *
 * @param kind write, amend or none
 * @param refusal why not, when {@code kind} is {@link Kind#NONE}; otherwise {@code null}
 */
public record Access(Kind kind, Refusal refusal) {

  /** What may be done. */
  public enum Kind {
    /** Changed freely (a draft, unsigned content, a new entry). */
    WRITE,
    /** Changed with a reason, by someone of at least the signers' rank: signed content. */
    AMEND,
    /** Not changed at all. */
    NONE
  }

  /** Checks that a refusal comes with NONE and only with it. */
  public Access {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.NONE) != (refusal != null)) {
      throw new IllegalArgumentException("a refusal goes with NONE, and only with it");
    }
  }

  static Access of(Optional<Refusal> refusal, Kind allowed) {
    return refusal.map(r -> new Access(Kind.NONE, r)).orElseGet(() -> new Access(allowed, null));
  }

  /** Whether the value may be changed at all. */
  public boolean allowed() {
    return kind != Kind.NONE;
  }
}
