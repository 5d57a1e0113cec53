package org.emrkit.signing;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.emrkit.edit.SigningException;
import org.emrkit.edit.SigningService;
import org.emrkit.problem.Message;
import org.emrkit.record.Actor;
import org.emrkit.record.Proof;

/**
 * Makes CMS proofs (detached SignedData, RFC 5652, type {@code cms}) with each signer's own key:
 * SHA-256 with RSA or ECDSA, the signing time of the record's signature as the signed
 * {@code signingTime} attribute, and the signer's certificate chain. It refuses (nothing is signed)
 * when it has no key for the signer, when the certificate is not the signer's, not yet or no
 * longer valid, or revoked in the revocation lists it was given. Thread-safe.
 *
 * <p>The credentials come from the host: a hospital's key store, a smart card's provider, an HSM.
 * How the signer proves who they are before their key is used (a PIN, a password asked again) is
 * the host's, in the credential lookup.
 */
public final class CmsSigningService implements SigningService {

  private final Function<Actor, Optional<Credential>> credentials;
  private final Function<X509Certificate, Optional<String>> identity;
  private final List<X509CRL> crls;

  private CmsSigningService(Builder b) {
    this.credentials = b.credentials;
    this.identity = b.identity;
    this.crls = List.copyOf(b.crls);
  }

  /** A builder over a credential lookup (the signer's key and chain, or empty for none). */
  public static Builder builder(Function<Actor, Optional<Credential>> credentials) {
    return new Builder(credentials);
  }

  /**
   * A credential lookup in a key store: the private-key entry whose alias is the actor's id,
   * opened with {@code password}.
   */
  public static Function<Actor, Optional<Credential>> keyStore(KeyStore store, char[] password) {
    Objects.requireNonNull(store, "store");
    char[] pw = password.clone();
    return actor -> {
      try {
        if (!store.isKeyEntry(actor.id())) {
          return Optional.empty();
        }
        PrivateKey key = (PrivateKey) store.getKey(actor.id(), pw);
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : store.getCertificateChain(actor.id())) {
          chain.add((X509Certificate) c);
        }
        return Optional.of(new Credential(key, chain));
      } catch (GeneralSecurityException e) {
        return Optional.empty();
      }
    };
  }

  @Override
  public Proof sign(Actor signer, byte[] entry, OffsetDateTime at) throws SigningException {
    Credential c = credentials.apply(signer).orElseThrow(() -> new SigningException(Message.of(
        "没有" + signer.name() + "的签名密钥和证书", "there is no signing key and certificate for "
            + signer.name())));
    X509Certificate cert = c.certificate();
    check(signer, cert, at);
    try {
      ASN1EncodableVector attributes = new ASN1EncodableVector();
      attributes.add(new Attribute(CMSAttributes.signingTime,
          new DERSet(new Time(Date.from(at.toInstant())))));
      CMSSignedDataGenerator g = new CMSSignedDataGenerator();
      g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
          new JcaDigestCalculatorProviderBuilder().build())
          .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(
              new AttributeTable(attributes)))
          .build(new JcaContentSignerBuilder(Cms.algorithm(c.key())).build(c.key()), cert));
      g.addCertificates(new JcaCertStore(c.chain()));
      return Proof.of("cms", g.generate(new CMSProcessableByteArray(entry), false).getEncoded());
    } catch (OperatorCreationException | CMSException | GeneralSecurityException
        | IOException e) {
      throw new SigningException(Message.of("签名失败：" + e.getMessage(),
          "signing failed: " + e.getMessage()), e);
    }
  }

  private void check(Actor signer, X509Certificate cert, OffsetDateTime at)
      throws SigningException {
    Optional<String> owner = identity.apply(cert);
    if (owner.isEmpty() || !owner.get().equals(signer.id())) {
      throw new SigningException(Message.of("证书不是" + signer.name() + "的(签发给 "
          + owner.orElse(Identities.commonName(cert)) + ")", "the certificate is not "
          + signer.name() + "'s (it is issued to " + owner.orElse(Identities.commonName(cert))
          + ")"));
    }
    try {
      cert.checkValidity(Date.from(at.toInstant()));
    } catch (CertificateExpiredException e) {
      throw new SigningException(Message.of(signer.name() + "的证书已于 "
          + Cms.when(cert.getNotAfter(), at) + " 过期，不能签名", signer.name()
          + "'s certificate expired on " + Cms.when(cert.getNotAfter(), at)), e);
    } catch (CertificateNotYetValidException e) {
      throw new SigningException(Message.of(signer.name() + "的证书自 "
          + Cms.when(cert.getNotBefore(), at) + " 起才有效", signer.name()
          + "'s certificate is valid only from " + Cms.when(cert.getNotBefore(), at)), e);
    }
    Optional<X509CRLEntry> revoked = Cms.revocation(cert, null, crls);
    if (revoked.isPresent()) {
      throw new SigningException(Message.of(signer.name() + "的证书已于 "
          + Cms.when(revoked.get().getRevocationDate(), at) + " 被吊销，不能签名", signer.name()
          + "'s certificate was revoked on " + Cms.when(revoked.get().getRevocationDate(), at)));
    }
  }

  /** Options of the service. */
  public static final class Builder {
    private final Function<Actor, Optional<Credential>> credentials;
    private Function<X509Certificate, Optional<String>> identity = Identities.subjectUid();
    private final List<X509CRL> crls = new ArrayList<>();

    private Builder(Function<Actor, Optional<Credential>> credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /** Whose a certificate is (default {@link Identities#subjectUid()}). */
    public Builder identity(Function<X509Certificate, Optional<String>> id) {
      this.identity = Objects.requireNonNull(id, "identity");
      return this;
    }

    /** Revocation lists to refuse revoked certificates by (default: none). */
    public Builder crls(List<X509CRL> lists) {
      crls.addAll(lists);
      return this;
    }

    /** The service. */
    public CmsSigningService build() {
      return new CmsSigningService(this);
    }
  }
}
