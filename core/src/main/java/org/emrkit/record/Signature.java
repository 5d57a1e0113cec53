package org.emrkit.record;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A signature on a record or part of it, written by the edit session. It captures a SHA-256 hash
 * of the canonical JSON of what it covers, and links into the record's hash chain.
 *
 * @param id signature id, unique in the record
 * @param signer who signed
 * @param at when
 * @param scope what it covers: the whole record, a section, or an entry
 * @param contentHash lower-case hex SHA-256 of the canonical JSON of the covered content
 * @param superseded whether a later change to the covered content replaced it
 * @param previousHash hash of the previous chain entry (64 hex digits), or {@code null} for the
 *     first
 * @param hash hash of this entry (64 hex digits), or {@code null} if not yet chained
 */
public record Signature(String id, Actor signer, OffsetDateTime at, SignatureScope scope,
    String contentHash, boolean superseded, String previousHash, String hash) {

  static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  /** Checks the members. */
  public Signature {
    Checks.line(id, "signature id", 100);
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(scope, "scope");
    hex(contentHash, "contentHash", false);
    hex(previousHash, "previousHash", true);
    hex(hash, "hash", true);
  }

  static void hex(String value, String what, boolean optional) {
    if (value == null && optional) {
      return;
    }
    if (value == null || !HEX64.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " must be 64 lower-case hex digits");
    }
  }
}
