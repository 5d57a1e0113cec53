package org.emrkit.edit;

import java.util.Objects;

/**
 * One entry of a record's hash chain, in chain order.
 *
 * @param pointer where it is in the record ({@code /revisions/3}, {@code /signatures/0})
 * @param content the entry's canonical JSON: what its hash is taken over and, for a signature,
 *     what its digital signature signs
 * @param hash the hash the record stores for it
 */
public record ChainEntry(String pointer, String content, String hash) {

  /** Checks the members. */
  public ChainEntry {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(content, "content");
  }

  /** Whether this is a signature's entry. */
  public boolean isSignature() {
    return pointer.startsWith("/signatures/");
  }
}
