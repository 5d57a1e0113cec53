package org.emrkit.validation.rules;

import org.emrkit.edit.AnchorLog;
import org.emrkit.edit.ProofVerifier;

/**
 * What the integrity pack checks beyond the hash chain, and with what the host provides.
 *
 * @param proofs checks digital signatures (signatures' and anchors'), or {@code null} to check
 *     none
 * @param anchors the log of anchored chain heads, or {@code null} when the host keeps none
 * @param requireProofs whether a signature without a digital signature is a finding
 * @param requireAnchor whether a record with a chain that no anchor holds is a finding
 */
public record IntegrityPolicy(ProofVerifier proofs, AnchorLog anchors, boolean requireProofs,
    boolean requireAnchor) {

  /** Checks the members. */
  public IntegrityPolicy {
    if (requireProofs && proofs == null) {
      throw new IllegalArgumentException("requiring proofs needs a proof verifier");
    }
    if (requireAnchor && anchors == null) {
      throw new IllegalArgumentException("requiring an anchor needs an anchor log");
    }
  }

  /**
   * The policy of an archive: every signature must carry a digital signature that verifies, and
   * every record with a chain must be anchored in {@code anchors}.
   */
  public static IntegrityPolicy strict(ProofVerifier proofs, AnchorLog anchors) {
    return new IntegrityPolicy(proofs, anchors, true, true);
  }
}
