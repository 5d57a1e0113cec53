package org.emrkit.signing;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilderException;
import java.security.cert.TrustAnchor;
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
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.emrkit.edit.ProofVerifier;
import org.emrkit.problem.Message;
import org.emrkit.record.Actor;
import org.emrkit.record.Proof;

/**
 * Checks RFC 3161 time-stamp tokens ({@code rfc3161}): the token's message imprint is the SHA-256
 * of the given content; it is signed by a time-stamping authority whose certificate (extended key
 * use timeStamping) chains to one of the host's trust anchors at the token's time; and that time
 * is within a tolerance of the time the anchor claims. Thread-safe.
 */
public final class TimeStampVerifier implements ProofVerifier {

  private final Set<TrustAnchor> anchors = new HashSet<>();
  private final Duration tolerance;

  /** A verifier trusting these authorities' roots, with the tolerance between the two times. */
  public TimeStampVerifier(Collection<X509Certificate> trusted, Duration tolerance) {
    for (X509Certificate c : trusted) {
      anchors.add(new TrustAnchor(Objects.requireNonNull(c, "trusted"), null));
    }
    if (anchors.isEmpty()) {
      throw new IllegalArgumentException("a verifier needs at least one trust anchor");
    }
    this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
  }

  @Override
  public Optional<Message> verify(Proof proof, byte[] content, Actor signer, OffsetDateTime at) {
    if (!"rfc3161".equals(proof.type())) {
      return fail("不是时间戳(" + proof.type() + ")", "not a time-stamp token (" + proof.type()
          + ")");
    }
    try {
      TimeStampToken token = new TimeStampToken(new CMSSignedData(proof.bytes()));
      TimeStampTokenInfo info = token.getTimeStampInfo();
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
      if (!info.getMessageImprintAlgOID().equals(TSPAlgorithms.SHA256)
          || !MessageDigest.isEqual(digest, info.getMessageImprintDigest())) {
        return fail("时间戳不是对此存证内容的：存证记录被改动", "the time-stamp is not over this"
            + " anchor: the anchor was changed");
      }
      List<X509Certificate> carried = new ArrayList<>();
      X509Certificate cert = null;
      for (X509CertificateHolder h : token.getCertificates().getMatches(null)) {
        X509Certificate c = new JcaX509CertificateConverter().getCertificate(h);
        carried.add(c);
        if (token.getSID().match(h)) {
          cert = c;
        }
      }
      if (cert == null) {
        return fail("时间戳未附时间戳机构的证书", "the token does not carry its authority's"
            + " certificate");
      }
      token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
      Date when = info.getGenTime();
      Cms.path(anchors, cert, carried, when);
      Duration off = Duration.between(when.toInstant(), at.toInstant()).abs();
      if (off.compareTo(tolerance) > 0) {
        return fail("时间戳的时间(" + Cms.when(when, at) + ")与存证记下的时间不符", "the token's time ("
            + Cms.when(when, at) + ") is not the anchor's");
      }
      return Optional.empty();
    } catch (CertPathBuilderException e) {
      return fail("时间戳机构不受信任(" + e.getMessage() + ")", "the time-stamping authority is not"
          + " trusted (" + e.getMessage() + ")");
    } catch (TSPException | CMSException | IOException | GeneralSecurityException
        | OperatorCreationException | IllegalArgumentException e) {
      return fail("时间戳无效：" + e.getMessage(), "the time-stamp token does not verify: "
          + e.getMessage());
    }
  }

  private static Optional<Message> fail(String zh, String en) {
    return Optional.of(Message.of(zh, en));
  }
}
