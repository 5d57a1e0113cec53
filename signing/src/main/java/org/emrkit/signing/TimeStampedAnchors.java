package org.emrkit.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.emrkit.edit.Anchor;
import org.emrkit.edit.AnchorLog;
import org.emrkit.record.Proof;

/**
 * An anchor log whose every anchor carries an RFC 3161 time-stamp token ({@code rfc3161}) over
 * its content, from the host's time-stamping authority: the anchor's time is then the authority's
 * word, not the host's. The anchors are kept in another log (the host's append-only store).
 * {@link TimeStampVerifier} checks the tokens.
 */
public final class TimeStampedAnchors implements AnchorLog {

  private final AnchorLog store;
  private final TimeStampAuthority tsa;
  private final SecureRandom random = new SecureRandom();

  /** Anchors time-stamped by {@code tsa}, kept in {@code store}. */
  public TimeStampedAnchors(AnchorLog store, TimeStampAuthority tsa) {
    this.store = Objects.requireNonNull(store, "store");
    this.tsa = Objects.requireNonNull(tsa, "tsa");
  }

  @Override
  public void append(Anchor anchor) {
    try {
      TimeStampRequestGenerator g = new TimeStampRequestGenerator();
      g.setCertReq(true);
      TimeStampRequest request = g.generate(TSPAlgorithms.SHA256,
          sha256(anchor.content()), new BigInteger(64, random));
      TimeStampResponse response = new TimeStampResponse(tsa.respond(request.getEncoded()));
      response.validate(request);
      if (response.getTimeStampToken() == null) {
        throw new IOException("the time-stamping authority refused: "
            + response.getStatusString());
      }
      store.append(anchor.withProof(Proof.of("rfc3161",
          response.getTimeStampToken().getEncoded())));
    } catch (IOException e) {
      throw new UncheckedIOException("the anchor could not be time-stamped", e);
    } catch (TSPException e) {
      throw new UncheckedIOException("the anchor could not be time-stamped",
          new IOException(e.getMessage(), e));
    }
  }

  @Override
  public List<Anchor> anchors(String recordId) {
    return store.anchors(recordId);
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
