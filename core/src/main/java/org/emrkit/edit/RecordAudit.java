package org.emrkit.edit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.emrkit.json.RecordJson;
import org.emrkit.record.Record;
import org.emrkit.record.Revision;
import org.emrkit.record.Signature;
import org.emrkit.record.SignatureScope;
import org.emrkit.record.TracePath;
import org.emrkit.record.Value;
import org.emrkit.record.Values;
import org.emrkit.template.Template;

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
 *
 * <p>A signature's {@code superseded} flag is checked against the trace: it is set exactly when a
 * revision with path {@code /@signatures/N/superseded} supersedes signature N.
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
    return superseding(record);
  }

  /**
   * A signature is marked superseded exactly when a revision of the trace supersedes it
   * ({@code /@signatures/N/superseded}); the flag itself is not hashed, the revision is.
   */
  private static Result superseding(Record record) {
    Set<Integer> traced = new HashSet<>();
    for (int i = 0; i < record.revisions().size(); i++) {
      if (record.revisions().get(i).path() instanceof TracePath.OfSuperseded sup) {
        int n = sup.signature();
        if (n >= record.signatures().size()) {
          return new Result(false, "/revisions/" + i, "supersedes a signature that is not there");
        }
        traced.add(n);
      }
    }
    for (int i = 0; i < record.signatures().size(); i++) {
      if (record.signatures().get(i).superseded() != traced.contains(i)) {
        return new Result(false, "/signatures/" + i, record.signatures().get(i).superseded()
            ? "marked superseded, but no revision supersedes it"
            : "a revision supersedes it, but it is not marked superseded");
      }
    }
    return new Result(true, null, null);
  }

  /**
   * Re-checks the chain (as {@link #verify(Record)}) and also that every signature not superseded
   * still matches the content it covers ({@link #contentHash}): values changed in storage
   * without a trace are found here.
   */
  public static Result verify(Template template, Record record) {
    Result chain = verify(record);
    if (!chain.intact()) {
      return chain;
    }
    Values plain = ValuePaths.stripSigned(record.values());
    Layout layout = null;
    for (int i = 0; i < record.signatures().size(); i++) {
      Signature s = record.signatures().get(i);
      if (s.superseded()) {
        continue;
      }
      if (layout == null && s.scope() instanceof SignatureScope.OfSection) {
        layout = new Layout(template);
      }
      if (!contentHash(layout, plain, s.scope()).equals(s.contentHash())) {
        return new Result(false, "/signatures/" + i,
            "the signed content has changed since it was signed (scope \"" + s.scope().wire()
                + "\")");
      }
    }
    return chain;
  }

  /**
   * The hash a signature of {@code scope} takes over {@code values}: lower-case hex SHA-256 of
   * the canonical JSON ({@link RecordJson#canonical(Values)}) of the covered content with every
   * signature value left out. {@code ""} covers all values; {@code section:ID} the values of the
   * names in that section (an object); a JSON pointer the entry or value it names ({@code null}
   * when there is none).
   */
  public static String contentHash(Template template, Values values, SignatureScope scope) {
    return contentHash(scope instanceof SignatureScope.OfSection ? new Layout(template) : null,
        ValuePaths.stripSigned(values), scope);
  }

  /**
   * {@link #contentHash(Template, Values, SignatureScope)} over values already without
   * signatures, with the template's layout ({@code null} allowed unless the scope is a section).
   */
  static String contentHash(Layout layout, Values plain, SignatureScope scope) {
    String json;
    if (scope instanceof SignatureScope.OfSection section) {
      Set<String> names = layout.names(section.id());
      Map<String, Value> part = new TreeMap<>();
      plain.asMap().forEach((k, v) -> {
        if (names.contains(k)) {
          part.put(k, v);
        }
      });
      json = RecordJson.canonical(Values.of(part));
    } else if (scope instanceof SignatureScope.OfEntry entry) {
      json = pointed(plain, entry.pointer());
    } else {
      json = RecordJson.canonical(plain);
    }
    return digest(json);
  }

  private static String pointed(Values values, String pointer) {
    String[] tokens = pointer.substring(1).split("/", -1);
    Values scope = values;
    for (int k = 0; k < tokens.length; k++) {
      Optional<Value> v = scope.get(tokens[k]);
      if (v.isEmpty()) {
        return "null";
      }
      if (k == tokens.length - 1) {
        return RecordJson.canonical(v.get());
      }
      if (!(v.get() instanceof Value.Rows rows) || !tokens[k + 1].matches("\\d{1,7}")
          || Integer.parseInt(tokens[k + 1]) >= rows.rows().size()) {
        return "null";
      }
      scope = rows.rows().get(Integer.parseInt(tokens[k + 1]));
      k++;
      if (k == tokens.length - 1) {
        return RecordJson.canonical(scope);
      }
    }
    return "null";
  }

  /** The hash a new entry with this content gets after the chain's current head. */
  public static String hash(String previousHash, String content) {
    return digest(previousHash + "\n" + content);
  }

  private static String digest(String text) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      byte[] out = d.digest(text.getBytes(StandardCharsets.UTF_8));
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
        r.actor().role().label(), time(r.at()), r.path().wire(), r.oldValue(), r.newValue(),
        r.reason(),
        String.valueOf(r.level()));
  }

  /** The hashed content of a signature. */
  public static String content(Signature s) {
    return join("signature", s.id(), s.signer().id(), s.signer().name(), s.signer().role().label(),
        time(s.at()), s.scope().wire(), s.contentHash());
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
