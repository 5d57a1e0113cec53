package org.emrkit.signing;

import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.Optional;

/** Shared checks of certificates and revocation lists (package-private). */
final class Cms {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private Cms() {}

  /** The key algorithm's signature algorithm with SHA-256. */
  static String algorithm(java.security.PrivateKey key) {
    return switch (key.getAlgorithm()) {
      case "EC" -> "SHA256withECDSA";
      case "RSA" -> "SHA256withRSA";
      default -> throw new IllegalArgumentException("no signature algorithm for "
          + key.getAlgorithm() + " keys");
    };
  }

  /**
   * The entry that revokes {@code cert} in a list its issuer signed, if any: lists signed by
   * someone else are ignored ({@code issuer} {@code null}: the lists are the host's and trusted as
   * given).
   */
  static Optional<X509CRLEntry> revocation(X509Certificate cert, X509Certificate issuer,
      Collection<X509CRL> crls) {
    for (X509CRL crl : crls) {
      if (!crl.getIssuerX500Principal().equals(cert.getIssuerX500Principal())) {
        continue;
      }
      try {
        if (issuer != null) {
          crl.verify(issuer.getPublicKey());
        }
      } catch (GeneralSecurityException e) {
        continue;
      }
      X509CRLEntry e = crl.getRevokedCertificate(cert);
      if (e != null) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  static String when(Date d, OffsetDateTime like) {
    return DAY.format(d.toInstant().atOffset(like.getOffset()));
  }
}
