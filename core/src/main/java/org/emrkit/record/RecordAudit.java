package org.emrkit.record;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The tamper-evident hash chain over a record's revisions and signatures.
 *
 * <p><b>Chain order:</b> revisions and signatures together, by time ({@code at}); at the same
 * instant revisions come before signatures; otherwise list order. <b>Entry hash:</b> lower-case
 * hex SHA-256 of the UTF-8 bytes of {@code previousHash + "\n" + content}, where
 * {@code previousHash} is {@code ""} for the first entry and {@code content} is the entry's
 * fields joined by {@code "\n"} (each with {@code \} written {@code \\} and line breaks
 * {@code \n}; absent values as {@code -}):
 * revision: {@code revision, seq, actor id, actor name, actor role, at, path, old, new, reason,
 * level}; signature: {@code signature, id, signer id, signer name, signer role, at, scope,
 * contentHash}. ({@code superseded} is not hashed: superseding is itself recorded as a revision.)
 * {@code at} is ISO-8601 with offset. Anyone can re-check a stored record with this description.
 */
public final class RecordAudit {

  /**
   * The result of verifying a chain.
   *
   * @param intact whether every link verifies
   * @param brokenAt JSON pointer of the first entry that does not verify (e.g.
   *     {@code /revisions/2}), or {@code null}
   * @param reason why it does not verify, or {@code null}
   */
  public record Result(boolean intact, String brokenAt, String reason) {}

  /** One entry of the chain with its JSON pointer. */
  private record Entry(String pointer, OffsetDateTime at, int kind, int index, String content,
      String previousHash, String hash) {}

  private RecordAudit() {}

  /** Re-checks the chain of a record and names the first broken link. */
  public static Result verify(Record record) {
    String previous = "";
    for (Entry e : chain(record)) {
      if (e.hash() == null) {
        return new Result(false, e.pointer(), "entry has no hash");
      }
      String expectedPrevious = previous.isEmpty() ? null : previous;
      if (!java.util.Objects.equals(e.previousHash(), expectedPrevious)) {
        return new Result(false, e.pointer(), "previousHash does not match the entry before");
      }
      String h = hash(previous, e.content());
      if (!h.equals(e.hash())) {
        return new Result(false, e.pointer(), "hash does not match the entry's content");
      }
      previous = h;
    }
    return new Result(true, null, null);
  }

  /** The hash a new entry with this content gets after the chain's current head. */
  public static String hash(String previousHash, String content) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      byte[] out = d.digest((previousHash + "\n" + content).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(out);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /** The hash of the last entry of the chain, or empty when there is none. */
  public static Optional<String> head(Record record) {
    List<Entry> c = chain(record);
    return c.isEmpty() ? Optional.empty() : Optional.ofNullable(c.get(c.size() - 1).hash());
  }

  /** The hashed content of a revision. */
  public static String content(Revision r) {
    return join("revision", String.valueOf(r.seq()), r.actor().id(), r.actor().name(),
        r.actor().role().label(), time(r.at()), r.path(), r.oldValue(), r.newValue(), r.reason(),
        String.valueOf(r.level()));
  }

  /** The hashed content of a signature. */
  public static String content(Signature s) {
    return join("signature", s.id(), s.signer().id(), s.signer().name(), s.signer().role().label(),
        time(s.at()), s.scope(), s.contentHash());
  }

  private static List<Entry> chain(Record record) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < record.revisions().size(); i++) {
      Revision r = record.revisions().get(i);
      entries.add(new Entry("/revisions/" + i, r.at(), 0, i, content(r), r.previousHash(),
          r.hash()));
    }
    for (int i = 0; i < record.signatures().size(); i++) {
      Signature s = record.signatures().get(i);
      entries.add(new Entry("/signatures/" + i, s.at(), 1, i, content(s), s.previousHash(),
          s.hash()));
    }
    entries.sort(Comparator.comparing((Entry e) -> e.at().toInstant())
        .thenComparingInt(Entry::kind).thenComparingInt(Entry::index));
    return entries;
  }

  private static String time(OffsetDateTime t) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
  }

  private static String join(String... parts) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        sb.append('\n');
      }
      String p = parts[i];
      sb.append(p == null ? "-" : p.replace("\\", "\\\\").replace("\n", "\\n"));
    }
    return sb.toString();
  }
}
