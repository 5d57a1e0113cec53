package org.emrkit.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.emrkit.edit.ProofVerifier;
import org.emrkit.edit.SigningService;
import org.emrkit.signing.CmsProofVerifier;
import org.emrkit.signing.CmsSigningService;
import org.emrkit.signing.TimeStampVerifier;

/**
 * The demo hospital's test keys: a certificate authority ({@code demo-keys/demo-ca.pem}) and a
 * key and certificate for each of the demo staff ({@code demo-keys/demo-keys.p12}, alias = user
 * id, password {@value #PASSWORD}), made by {@code DemoKeysTest} with EMRKit's
 * {@code TestAuthority}. They are public: nothing they sign vouches for anything outside the demo.
 */
final class DemoKeys {

  /** The key store's password (public: these keys are for the demo only). */
  static final String PASSWORD = "emrkit-demo";
  static final String STORE = "/demo-keys/demo-keys.p12";
  static final String CA = "/demo-keys/demo-ca.pem";

  private static final KeyStore KEYS = load();
  private static final X509Certificate AUTHORITY = authority();

  private DemoKeys() {}

  /** Signs as each demo user with their own key. */
  static SigningService signing() {
    return CmsSigningService.builder(CmsSigningService.keyStore(KEYS, PASSWORD.toCharArray()))
        .build();
  }

  /** Checks proofs against the demo authority. */
  static ProofVerifier verifier() {
    return verifier(List.of(AUTHORITY));
  }

  /** Checks CMS proofs and time-stamp tokens against these trust anchors. */
  static ProofVerifier verifier(List<X509Certificate> trusted) {
    return ProofVerifier.byType(Map.of(
        "cms", CmsProofVerifier.builder(trusted).build(),
        "rfc3161", new TimeStampVerifier(trusted, Duration.ofMinutes(5))));
  }

  /** The demo authority's certificate. */
  static X509Certificate authority() {
    try (InputStream in = resource(CA)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the demo authority does not read", e);
    }
  }

  private static KeyStore load() {
    try (InputStream in = resource(STORE)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, PASSWORD.toCharArray());
      return ks;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the demo key store does not read", e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = DemoKeys.class.getResourceAsStream(name);
    if (in == null) {
      throw new UsageException("bundled resource missing: " + name);
    }
    return in;
  }
}
