package org.emrkit.edit;

import java.time.OffsetDateTime;
import java.util.Objects;
import org.emrkit.json.CanonicalJson;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Proof;

/**
 * A record's chain head, written down outside the record: after this record's chain had
 * {@code length} entries, its head was {@code head}. A record whose chain no longer holds that
 * entry at that place was cut short or rewritten.
 *
 * @param recordId the record's id
 * @param length how many entries the chain had (at least 1)
 * @param head the hash of the last of them
 * @param at when it was anchored
 * @param proof what vouches for the anchor itself (e.g. an RFC 3161 time-stamp token over
 *     {@link #content()}), or {@code null}
 */
public record Anchor(String recordId, int length, String head, OffsetDateTime at, Proof proof) {

  /** Checks the members. */
  public Anchor {
    Objects.requireNonNull(recordId, "recordId");
    if (recordId.isEmpty() || recordId.length() > 100) {
      throw new IllegalArgumentException("record id must be 1 to 100 characters");
    }
    if (length < 1) {
      throw new IllegalArgumentException("an anchor holds at least one entry");
    }
    Objects.requireNonNull(head, "head");
    if (!head.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("head must be 64 lower-case hex digits");
    }
    Objects.requireNonNull(at, "at");
  }

  /** What a proof of the anchor covers: the canonical JSON of record, length, head and at. */
  public String content() {
    var o = CanonicalJson.NODES.objectNode();
    o.put("record", recordId);
    o.put("length", length);
    o.put("head", head);
    o.put("at", RecordJson.dateTime(at));
    return CanonicalJson.write(o);
  }

  /** This anchor with a proof. */
  public Anchor withProof(Proof p) {
    return new Anchor(recordId, length, head, at, p);
  }
}
