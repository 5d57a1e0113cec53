package org.emrkit.record;

import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A digital signature that vouches for one signature of a record: made with the signer's key over
 * the signature's chain entry (which names the chain's head, the scope, the signed field and the
 * hash of the covered content), by a host's signing service. What the proof holds is the format's
 * business; EMRKit's own is {@code cms}: a detached CMS SignedData (RFC 5652) in DER, carrying
 * the signer's certificate and the chain up to the host's trust anchor.
 *
 * @param type the format, e.g. {@code cms} (letters, digits and {@code -}, at most 20)
 * @param value the proof's bytes, base64 (RFC 4648, with padding), at most 64 KiB of text
 */
public record Proof(String type, String value) {

  private static final Pattern TYPE = Pattern.compile("[a-z0-9-]{1,20}");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
  /** The most base64 text a proof may hold. */
  public static final int MAX_CHARS = 65_536;

  /** Checks the members. */
  public Proof {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    if (!TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException("proof type must be 1 to 20 of a-z, 0-9 and -");
    }
    if (value.isEmpty() || value.length() > MAX_CHARS || value.length() % 4 != 0
        || !BASE64.matcher(value).matches()) {
      throw new IllegalArgumentException("proof value must be base64 text of at most "
          + MAX_CHARS + " characters");
    }
  }

  /** A proof of these bytes. */
  public static Proof of(String type, byte[] bytes) {
    return new Proof(type, Base64.getEncoder().encodeToString(bytes));
  }

  /** The proof's bytes. */
  public byte[] bytes() {
    return Base64.getDecoder().decode(value);
  }
}
