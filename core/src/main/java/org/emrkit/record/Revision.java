package org.emrkit.record;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One committed change in a record's revision trace (修改留痕): who changed what, when, from
 * which value to which, why, at what level; linked into the record's hash chain.
 *
 * @param seq 1-based sequence number in the trace
 * @param actor who changed it
 * @param at when
 * @param path what changed: a value, or the record's status or a signature's superseded flag
 * @param oldValue the old value as canonical JSON text, or {@code null} if there was none
 * @param newValue the new value as canonical JSON text, or {@code null} if cleared
 * @param reason the reason (required for changes to signed content), or {@code null}
 * @param level the actor's role rank at the time ({@link Role#rank()})
 * @param previousHash hash of the previous chain entry, or {@code null} for the first
 * @param hash hash of this entry, or {@code null} if not yet chained
 */
public record Revision(int seq, Actor actor, OffsetDateTime at, TracePath path, String oldValue,
    String newValue, String reason, int level, String previousHash, String hash) {

  /** Checks the members. */
  public Revision {
    if (seq < 1) {
      throw new IllegalArgumentException("revision seq must be at least 1, was " + seq);
    }
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(path, "path");
    Checks.optionalLine(reason, "reason", 1000);
    if (level < 0 || level > 9) {
      throw new IllegalArgumentException("revision level must be 0 to 9, was " + level);
    }
    Signature.hex(previousHash, "previousHash", true);
    Signature.hex(hash, "hash", true);
  }
}
