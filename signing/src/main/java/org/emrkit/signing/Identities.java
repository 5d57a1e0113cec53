package org.emrkit.signing;

import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.function.Function;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Whose a certificate is: the host user id it names. The default reads the subject's
 * {@code UID} (0.9.2342.19200300.100.1.1), else its {@code serialNumber} (2.5.4.5), which is
 * where hospital CAs put an employee number; a host whose CA puts it elsewhere gives its own.
 */
public final class Identities {

  private Identities() {}

  /** The default: the subject's UID, else its serialNumber attribute. */
  public static Function<X509Certificate, Optional<String>> subjectUid() {
    return c -> {
      Optional<String> uid = attribute(c, BCStyle.UID);
      return uid.isPresent() ? uid : attribute(c, BCStyle.SERIALNUMBER);
    };
  }

  /**
   * The value of the subject attribute with this object identifier ({@code 2.5.4.5} for
   * serialNumber), if the certificate's subject has it.
   */
  public static Optional<String> attribute(X509Certificate c, String oid) {
    return attribute(c, new ASN1ObjectIdentifier(oid));
  }

  private static Optional<String> attribute(X509Certificate c, ASN1ObjectIdentifier type) {
    X500Name name = X500Name.getInstance(c.getSubjectX500Principal().getEncoded());
    for (RDN rdn : name.getRDNs(type)) {
      return Optional.of(IETFUtils.valueToString(rdn.getFirst().getValue()));
    }
    return Optional.empty();
  }

  /** The subject's common name, or its whole name. */
  static String commonName(X509Certificate c) {
    return attribute(c, BCStyle.CN).orElse(c.getSubjectX500Principal().getName());
  }
}
