package org.emrkit.edit;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.emrkit.problem.Message;
import org.emrkit.record.Actor;
import org.emrkit.record.Proof;

/**
 * Checks a digital signature ({@link Proof}): that it signs these bytes, with a key whose
 * certificate chains to the host's trust anchors, was valid and not revoked at the time, and
 * belongs to the person named. {@code emrkit-signing} has one for CMS proofs; a host with another
 * kind of proof (another format, an SM2 service) plugs in its own.
 */
@FunctionalInterface
public interface ProofVerifier {

  /**
   * Checks a proof.
   *
   * @param proof the proof
   * @param content the bytes it must sign (a signature's chain entry, or an anchor's content)
   * @param signer who must have signed, or {@code null} when anyone the trust anchors vouch for
   *     may have (an anchor's time-stamping authority)
   * @param at when it claims to have been made
   * @return empty when it vouches for the content, else what is wrong, for people
   */
  Optional<Message> verify(Proof proof, byte[] content, Actor signer, OffsetDateTime at);

  /**
   * A verifier that hands each proof to the one for its type ({@code cms}, {@code rfc3161} ...);
   * a proof of another type does not verify.
   */
  static ProofVerifier byType(java.util.Map<String, ProofVerifier> verifiers) {
    java.util.Map<String, ProofVerifier> copy = java.util.Map.copyOf(verifiers);
    return (proof, content, signer, at) -> {
      ProofVerifier v = copy.get(proof.type());
      return v != null ? v.verify(proof, content, signer, at)
          : Optional.of(Message.of("不认识的电子签名类型 " + proof.type(),
              "a proof of unknown type " + proof.type()));
    };
  }
}
