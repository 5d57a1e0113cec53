package org.emrkit.edit;

import java.time.OffsetDateTime;
import org.emrkit.record.Actor;
import org.emrkit.record.Proof;

/**
 * Makes the digital signature ({@link Proof}) that vouches for a signature of a record: the host's
 * electronic-signature service (a hospital CA, a 电子签名 server, a smart card or a key store)
 * signs, with the signer's own key, the signature's chain entry
 * ({@link RecordAudit#entry(org.emrkit.record.Signature)}), which names the chain's head, the
 * scope, the field and the hash of the signed content. The service decides how the signer proves
 * who they are (a PIN, a password asked again, a token); it refuses by throwing
 * {@link SigningException}, and then nothing is signed.
 *
 * <p>{@code emrkit-signing} has one over a key store, making CMS proofs. Without a service
 * ({@link #none()}, the default) a signature is an electronic record of intent only, hashed into
 * the chain but vouched for by no key; the integrity rule pack reports it when proofs are
 * required.
 */
@FunctionalInterface
public interface SigningService {

  /**
   * Signs the bytes of a signature's chain entry for its signer.
   *
   * @param signer who signs (the session's actor)
   * @param entry the UTF-8 bytes of the signature's chain entry
   * @param at when, as the entry says
   * @return the proof, or {@code null} when this service makes none
   * @throws SigningException when it cannot or will not sign (no key, certificate expired or
   *     revoked, the signer did not confirm)
   */
  Proof sign(Actor signer, byte[] entry, OffsetDateTime at) throws SigningException;

  /** A service that makes no proof. */
  static SigningService none() {
    return (signer, entry, at) -> null;
  }
}
