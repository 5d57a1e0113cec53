package org.emrkit.record;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A signature on a record or part of it, written by the edit session. It captures a SHA-256 hash
 * of the canonical JSON of what it covers, names the signature field it filled, links into the
 * record's hash chain, and may carry a digital signature ({@link Proof}) by the signer's key over
 * its chain entry. A signature field's value is what such a signature put there: the record's
 * signatures, not its values, say who signed.
 *
 * @param id signature id, unique in the record
 * @param signer who signed
 * @param at when
 * @param scope what it covers: the whole record, a section, or an entry
 * @param contentHash lower-case hex SHA-256 of the canonical JSON of the covered content
 * @param field JSON pointer into {@code values} of the signature field this signature filled,
 *     or {@code null} when it filled none
 * @param superseded whether a later change to the covered content replaced it
 * @param previousHash hash of the previous chain entry (64 hex digits), or {@code null} for the
 *     first
 * @param hash hash of this entry (64 hex digits), or {@code null} if not yet chained
 * @param proof the digital signature over this entry, or {@code null} when none was made
 */
public record Signature(String id, Actor signer, OffsetDateTime at, SignatureScope scope,
    String contentHash, String field, boolean superseded, String previousHash, String hash,
    Proof proof) {

  static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  /** Checks the members. */
  public Signature {
    Checks.line(id, "signature id", 100);
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(scope, "scope");
    hex(contentHash, "contentHash", false);
    if (field != null && (!field.startsWith("/") || field.startsWith("/@")
        || field.length() > 500)) {
      throw new IllegalArgumentException("signature field must be a JSON pointer into values");
    }
    hex(previousHash, "previousHash", true);
    hex(hash, "hash", true);
  }

  /** This signature with its superseded flag set. */
  public Signature asSuperseded() {
    return new Signature(id, signer, at, scope, contentHash, field, true, previousHash, hash,
        proof);
  }

  /** This signature with a proof. */
  public Signature withProof(Proof p) {
    return new Signature(id, signer, at, scope, contentHash, field, superseded, previousHash, hash,
        p);
  }

  /** The value a signature field shows for this signature. */
  public Signer asSigner() {
    return new Signer(signer, at);
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
