package org.emrkit.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.emrkit.record.Actor;

/**
 * A throwaway certificate authority for tests and demos, never for records anyone relies on: a
 * root that issues signers' certificates (subject {@code CN=name, UID=user id}), a time-stamping
 * authority's certificate and revocation lists. Keys are EC P-256 (fast) or RSA 2048 (whose
 * signatures are deterministic, so example records stay byte-stable when made again).
 */
public final class TestAuthority {

  private final KeyPair keys;
  private final X509Certificate certificate;
  private final String algorithm;
  private final AtomicLong serial = new AtomicLong(1);

  private TestAuthority(KeyPair keys, X509Certificate certificate, String algorithm) {
    this.keys = keys;
    this.certificate = certificate;
    this.algorithm = algorithm;
  }

  /** A new root authority named {@code name}, valid {@code from} to {@code to}. */
  public static TestAuthority create(String name, OffsetDateTime from, OffsetDateTime to,
      String keyAlgorithm) {
    try {
      KeyPair kp = keyPair(keyAlgorithm);
      X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name)
          .addRDN(BCStyle.O, "EMRKit test authority (not for real records)").build();
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE,
          date(from), date(to), subject, kp.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      b.addExtension(Extension.keyUsage, true,
          new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      X509Certificate cert = convert(b.build(new JcaContentSignerBuilder(Cms.algorithm(
          kp.getPrivate())).build(kp.getPrivate())));
      return new TestAuthority(kp, cert, keyAlgorithm);
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("could not make a test authority", e);
    }
  }

  /** The authority's own certificate (the trust anchor). */
  public X509Certificate certificate() {
    return certificate;
  }

  /** A signer's key and certificate ({@code CN=name, UID=id}), valid {@code from} to {@code to}. */
  public Credential issue(Actor actor, OffsetDateTime from, OffsetDateTime to) {
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, actor.name())
        .addRDN(BCStyle.UID, actor.id()).build();
    return issue(subject, from, to, new KeyUsage(KeyUsage.digitalSignature
        | KeyUsage.nonRepudiation), null);
  }

  /** A time-stamping authority's key and certificate (extended key use timeStamping). */
  public Credential issueTimeStamping(String name, OffsetDateTime from, OffsetDateTime to) {
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).build();
    return issue(subject, from, to, new KeyUsage(KeyUsage.digitalSignature),
        new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
  }

  private Credential issue(X500Name subject, OffsetDateTime from, OffsetDateTime to,
      KeyUsage usage, ExtendedKeyUsage extended) {
    try {
      KeyPair kp = keyPair(algorithm);
      X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(certificate,
          BigInteger.valueOf(serial.incrementAndGet()), date(from), date(to), subject,
          kp.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.keyUsage, true, usage);
      if (extended != null) {
        b.addExtension(Extension.extendedKeyUsage, true, extended);
      }
      X509Certificate cert = convert(b.build(new JcaContentSignerBuilder(Cms.algorithm(
          keys.getPrivate())).build(keys.getPrivate())));
      return new Credential(kp.getPrivate(), List.of(cert, certificate));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("could not issue a test certificate", e);
    }
  }

  /**
   * A revocation list issued at {@code thisUpdate}, valid for 30 days, revoking each certificate
   * at its time.
   */
  public X509CRL crl(OffsetDateTime thisUpdate, Map<X509Certificate, OffsetDateTime> revoked) {
    try {
      X509v2CRLBuilder b = new X509v2CRLBuilder(X500Name.getInstance(
          certificate.getSubjectX500Principal().getEncoded()), date(thisUpdate));
      b.setNextUpdate(date(thisUpdate.plusDays(30)));
      revoked.forEach((c, at) -> b.addCRLEntry(c.getSerialNumber(), date(at),
          CRLReason.keyCompromise));
      return new JcaX509CRLConverter().getCRL(b.build(new JcaContentSignerBuilder(
          Cms.algorithm(keys.getPrivate())).build(keys.getPrivate())));
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("could not issue a test revocation list", e);
    }
  }

  /**
   * A time-stamping authority answering requests with tokens signed by {@code tsa} (a credential
   * from {@link #issueTimeStamping}) at the clock's time: what a host reaches over HTTP.
   */
  public static TimeStampAuthority timeStamper(Credential tsa, java.time.Clock clock) {
    AtomicLong serials = new AtomicLong();
    return request -> {
      try {
        TimeStampRequest req = new TimeStampRequest(request);
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
            new JcaSimpleSignerInfoGeneratorBuilder().build(Cms.algorithm(tsa.key()), tsa.key(),
                tsa.certificate()),
            new JcaDigestCalculatorProviderBuilder().build().get(
                new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
            new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1.1"));
        tokens.addCertificates(new JcaCertStore(tsa.chain()));
        return new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED)
            .generateGrantedResponse(req, BigInteger.valueOf(serials.incrementAndGet()),
                Date.from(clock.instant())).getEncoded();
      } catch (GeneralSecurityException | OperatorCreationException | TSPException e) {
        throw new IOException("the test time-stamping authority failed: " + e.getMessage(), e);
      }
    };
  }

  /** A PKCS #12 key store holding each credential under its alias. */
  public static KeyStore keyStore(Map<String, Credential> credentials, char[] password) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      for (Map.Entry<String, Credential> e : credentials.entrySet()) {
        ks.setKeyEntry(e.getKey(), e.getValue().key(), password,
            e.getValue().chain().toArray(X509Certificate[]::new));
      }
      return ks;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("could not make a key store", e);
    }
  }

  private static KeyPair keyPair(String algorithm) throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
    if (algorithm.equals("EC")) {
      g.initialize(new ECGenParameterSpec("secp256r1"));
    } else {
      g.initialize(2048);
    }
    return g.generateKeyPair();
  }

  private static X509Certificate convert(X509CertificateHolder h)
      throws GeneralSecurityException, IOException {
    return new JcaX509CertificateConverter().getCertificate(h);
  }

  private static Date date(OffsetDateTime t) {
    return Date.from(t.toInstant());
  }
}
