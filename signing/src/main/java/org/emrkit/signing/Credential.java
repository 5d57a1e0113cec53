package org.emrkit.signing;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A signer's key and certificate chain (the signer's certificate first, up to but not
 * necessarily including the trust anchor).
 *
 * @param key the private key
 * @param chain the certificates
 */
public record Credential(PrivateKey key, List<X509Certificate> chain) {

  /** Checks and copies. */
  public Credential {
    Objects.requireNonNull(key, "key");
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a credential needs its certificate");
    }
  }

  /** The signer's certificate. */
  public X509Certificate certificate() {
    return chain.get(0);
  }
}
