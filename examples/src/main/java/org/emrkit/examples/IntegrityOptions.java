package org.emrkit.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.emrkit.edit.FileAnchorLog;
import org.emrkit.edit.ProofVerifier;
import org.emrkit.signing.CmsProofVerifier;
import org.emrkit.signing.TimeStampVerifier;
import org.emrkit.validation.Rule;
import org.emrkit.validation.rules.IntegrityPolicy;
import org.emrkit.validation.rules.IntegrityRules;

/**
 * {@code validate}'s integrity options: {@code --trust FILE} (certificates, PEM or DER, of the
 * authorities whose signatures and time-stamps are trusted; digital signatures are then
 * required), {@code --crl FILE} (their revocation lists), {@code --anchors FILE} (an anchor log
 * written by {@code FileAnchorLog}) and {@code --require-anchor}.
 */
final class IntegrityOptions {

  private IntegrityOptions() {}

  /** The integrity pack the options ask for, or none. */
  static List<Rule> pack(Args a) {
    List<X509Certificate> trusted = new ArrayList<>();
    for (String f : a.options("--trust")) {
      trusted.addAll(certificates(Path.of(f)));
    }
    List<X509CRL> crls = new ArrayList<>();
    for (String f : a.options("--crl")) {
      crls.addAll(crls(Path.of(f)));
    }
    String anchors = a.option("--anchors", null);
    if (a.flag("--require-anchor") && anchors == null) {
      throw new UsageException("--require-anchor needs --anchors FILE");
    }
    if (!crls.isEmpty() && trusted.isEmpty()) {
      throw new UsageException("--crl needs --trust FILE");
    }
    if (trusted.isEmpty() && anchors == null) {
      return List.of();
    }
    ProofVerifier proofs = trusted.isEmpty() ? null : ProofVerifier.byType(Map.of(
        "cms", CmsProofVerifier.builder(trusted).crls(crls).build(),
        "rfc3161", new TimeStampVerifier(trusted, Duration.ofMinutes(5))));
    return IntegrityRules.pack(new IntegrityPolicy(proofs, anchors == null ? null
        : new FileAnchorLog(Path.of(anchors)), proofs != null, a.flag("--require-anchor")));
  }

  private static List<X509Certificate> certificates(Path f) {
    try (InputStream in = Files.newInputStream(f)) {
      List<X509Certificate> out = new ArrayList<>();
      CertificateFactory.getInstance("X.509").generateCertificates(in)
          .forEach(c -> out.add((X509Certificate) c));
      if (out.isEmpty()) {
        throw new UsageException("--trust " + f + " holds no certificate");
      }
      return out;
    } catch (IOException e) {
      throw new UsageException("cannot read " + f + ": " + e.getMessage());
    } catch (CertificateException e) {
      throw new UsageException("--trust " + f + " is not a certificate file (PEM or DER): "
          + e.getMessage());
    }
  }

  private static List<X509CRL> crls(Path f) {
    try (InputStream in = Files.newInputStream(f)) {
      List<X509CRL> out = new ArrayList<>();
      CertificateFactory.getInstance("X.509").generateCRLs(in)
          .forEach(c -> out.add((X509CRL) c));
      return out;
    } catch (IOException e) {
      throw new UsageException("cannot read " + f + ": " + e.getMessage());
    } catch (CertificateException | CRLException e) {
      throw new UsageException("--crl " + f + " is not a revocation list (PEM or DER): "
          + e.getMessage());
    }
  }
}
