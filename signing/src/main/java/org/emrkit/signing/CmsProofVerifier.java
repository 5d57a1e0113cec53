package org.emrkit.signing;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.emrkit.edit.ProofVerifier;
import org.emrkit.problem.Message;
import org.emrkit.record.Actor;
import org.emrkit.record.Proof;

/**
 * Checks CMS proofs ({@code cms}): one signer, whose signature over the given bytes verifies with
 * the certificate the proof carries; that certificate chains (with the certificates the proof
 * carries) to one of the host's trust anchors and was valid at the signing time; no revocation
 * list the host gave revokes a certificate of the chain at or before that time (one revoked later
 * leaves signatures made before valid); the certificate is the signer's ({@link Identities}) and
 * allows digital signatures; a signed {@code signingTime} is the signing time. Thread-safe.
 */
public final class CmsProofVerifier implements ProofVerifier {

  private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
  private static final int MAX_PATHS = 10_000;

  private final Set<TrustAnchor> anchors;
  private final List<X509CRL> crls;
  private final Function<X509Certificate, Optional<String>> identity;
  private final java.util.Map<X509Certificate, List<X509Certificate>> paths =
      new java.util.concurrent.ConcurrentHashMap<>();

  private CmsProofVerifier(Builder b) {
    this.anchors = Set.copyOf(b.anchors);
    this.crls = List.copyOf(b.crls);
    this.identity = b.identity;
  }

  /** A builder trusting these certificates (the hospital CA's root, or roots). */
  public static Builder builder(Collection<X509Certificate> trusted) {
    return new Builder(trusted);
  }

  @Override
  public Optional<Message> verify(Proof proof, byte[] content, Actor signer, OffsetDateTime at) {
    if (!"cms".equals(proof.type())) {
      return fail("不是 CMS 电子签名(" + proof.type() + ")", "not a CMS proof (" + proof.type()
          + ")");
    }
    try {
      CMSSignedData data = new CMSSignedData(new CMSProcessableByteArray(content), proof.bytes());
      Collection<SignerInformation> signers = data.getSignerInfos().getSigners();
      if (signers.size() != 1) {
        return fail("应有一个签名人，实有 " + signers.size() + " 个", "a proof has one signer, this has "
            + signers.size());
      }
      SignerInformation si = signers.iterator().next();
      List<X509Certificate> carried = new ArrayList<>();
      X509Certificate cert = null;
      JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
      for (X509CertificateHolder h : data.getCertificates().getMatches(null)) {
        X509Certificate c = conv.getCertificate(h);
        carried.add(c);
        if (si.getSID().match(h)) {
          cert = c;
        }
      }
      if (cert == null) {
        return fail("电子签名未附签名人证书", "the proof does not carry the signer's certificate");
      }
      if (!si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert))) {
        return fail("签名与内容不符：签名后内容被改动，或不是用此证书的密钥签的", "the signature does not match"
            + " the content: the content was changed after signing, or another key signed it");
      }
      return certificate(si, cert, carried, signer, at);
    } catch (CMSException e) {
      return fail("签名与内容不符或无法解读：" + e.getMessage(), "the proof does not match the content"
          + " or cannot be read: " + e.getMessage());
    } catch (GeneralSecurityException | OperatorCreationException | IllegalArgumentException e) {
      return fail("无法校验电子签名：" + e.getMessage(), "the proof cannot be checked: "
          + e.getMessage());
    }
  }

  private Optional<Message> certificate(SignerInformation si, X509Certificate cert,
      List<X509Certificate> carried, Actor signer, OffsetDateTime at)
      throws GeneralSecurityException {
    Date when = Date.from(at.toInstant());
    if (when.before(cert.getNotBefore()) || when.after(cert.getNotAfter())) {
      return fail("签名时证书不在有效期内(有效期 " + Cms.when(cert.getNotBefore(), at) + " 至 "
          + Cms.when(cert.getNotAfter(), at) + ")", "the certificate was not valid when it"
          + " signed (valid " + Cms.when(cert.getNotBefore(), at) + " to "
          + Cms.when(cert.getNotAfter(), at) + ")");
    }
    List<X509Certificate> path;
    try {
      path = path(cert, carried, when);
    } catch (CertPathBuilderException e) {
      return fail("证书不是由受信任的机构签发的(" + e.getMessage() + ")", "the certificate does not"
          + " chain to a trusted authority (" + e.getMessage() + ")");
    } catch (java.security.cert.CertificateException e) {
      return fail("证书链中的证书在签名时不在有效期内(" + e.getMessage() + ")", "a certificate of the"
          + " chain was not valid when it signed (" + e.getMessage() + ")");
    }
    for (int i = 0; i < path.size(); i++) {
      X509Certificate c = path.get(i);
      X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : anchorOf(c);
      Optional<X509CRLEntry> revoked = Cms.revocation(c, issuer, crls);
      if (revoked.isPresent() && !revoked.get().getRevocationDate().after(when)) {
        return fail("证书(" + Identities.commonName(c) + ")已于 "
            + Cms.when(revoked.get().getRevocationDate(), at) + " 被吊销，早于签名时间",
            "the certificate (" + Identities.commonName(c) + ") was revoked on "
                + Cms.when(revoked.get().getRevocationDate(), at) + ", before it signed");
      }
    }
    if (signer != null) {
      Optional<String> owner = identity.apply(cert);
      if (owner.isEmpty() || !owner.get().equals(signer.id())) {
        String who = owner.orElse("?") + "（" + Identities.commonName(cert) + "）";
        return fail("证书签发给 " + who + "，不是签名人 " + signer.id() + "（" + signer.name() + "）",
            "the certificate is issued to " + who + ", not to the signer " + signer.id()
                + " (" + signer.name() + ")");
      }
    }
    boolean[] usage = cert.getKeyUsage();
    if (usage != null && !usage[0] && !usage[1]) {
      return fail("证书不允许用于电子签名", "the certificate does not allow digital signatures");
    }
    return signingTime(si, at);
  }

  /**
   * The certificate's path to a trust anchor, valid at {@code when} (revocation apart). A path
   * once built is kept (a ward's hundred row signatures share one nurse's certificate); only the
   * validity of its certificates at {@code when} is checked again.
   */
  private List<X509Certificate> path(X509Certificate cert, List<X509Certificate> carried,
      Date when) throws GeneralSecurityException {
    List<X509Certificate> known = paths.get(cert);
    if (known != null) {
      for (X509Certificate c : known) {
        c.checkValidity(when);
      }
      return known;
    }
    List<X509Certificate> built = Cms.path(anchors, cert, carried, when);
    if (paths.size() > MAX_PATHS) {
      paths.clear();
    }
    paths.put(cert, built);
    return built;
  }

  private X509Certificate anchorOf(X509Certificate c) {
    for (TrustAnchor a : anchors) {
      if (a.getTrustedCert().getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
        return a.getTrustedCert();
      }
    }
    return null;
  }

  private static Optional<Message> signingTime(SignerInformation si, OffsetDateTime at) {
    if (si.getSignedAttributes() == null) {
      return Optional.empty();
    }
    Attribute a = si.getSignedAttributes().get(CMSAttributes.signingTime);
    if (a == null) {
      return Optional.empty();
    }
    Date signed = Time.getInstance(a.getAttrValues().getObjectAt(0)).getDate();
    if (Duration.between(signed.toInstant(), at.toInstant()).abs().compareTo(CLOCK_SKEW) > 0) {
      return fail("电子签名的时间(" + Cms.when(signed, at) + ")与病历记下的签名时间不符",
          "the proof was made at " + Cms.when(signed, at) + ", not when the record says");
    }
    return Optional.empty();
  }

  private static Optional<Message> fail(String zh, String en) {
    return Optional.of(Message.of(zh, en));
  }

  /** Options of the verifier. */
  public static final class Builder {
    private final Set<TrustAnchor> anchors = new HashSet<>();
    private final List<X509CRL> crls = new ArrayList<>();
    private Function<X509Certificate, Optional<String>> identity = Identities.subjectUid();

    private Builder(Collection<X509Certificate> trusted) {
      for (X509Certificate c : trusted) {
        anchors.add(new TrustAnchor(Objects.requireNonNull(c, "trusted"), null));
      }
      if (anchors.isEmpty()) {
        throw new IllegalArgumentException("a verifier needs at least one trust anchor");
      }
    }

    /** Revocation lists of the authorities in the chains (default: none). */
    public Builder crls(List<X509CRL> lists) {
      crls.addAll(lists);
      return this;
    }

    /** Whose a certificate is (default {@link Identities#subjectUid()}). */
    public Builder identity(Function<X509Certificate, Optional<String>> id) {
      this.identity = Objects.requireNonNull(id, "identity");
      return this;
    }

    /** The verifier. */
    public CmsProofVerifier build() {
      return new CmsProofVerifier(this);
    }
  }
}
