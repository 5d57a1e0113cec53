package org.emrkit.signing;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

  /**
   * The path from {@code cert} to one of the anchors, valid at {@code when}, built with the
   * certificates the proof carried; revocation is the caller's (checked at the signing time
   * against the host's lists). Throws when there is none.
   */
  static List<X509Certificate> path(Set<TrustAnchor> anchors, X509Certificate cert,
      List<X509Certificate> carried, Date when) throws GeneralSecurityException {
    X509CertSelector target = new X509CertSelector();
    target.setCertificate(cert);
    PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
    params.addCertStore(CertStore.getInstance("Collection",
        new CollectionCertStoreParameters(carried)));
    params.setDate(when);
    params.setRevocationEnabled(false);
    PKIXCertPathBuilderResult r = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX")
        .build(params);
    List<X509Certificate> out = new ArrayList<>();
    r.getCertPath().getCertificates().forEach(c -> out.add((X509Certificate) c));
    return out;
  }

  static String when(Date d, OffsetDateTime like) {
    return DAY.format(d.toInstant().atOffset(like.getOffset()));
  }
}
